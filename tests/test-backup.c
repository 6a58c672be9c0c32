/* test-backup.c: the backup API the application calls (async, progress, cancellation)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "sot-backup.h"
#include "sot-test-workspace.h"

typedef struct {
  SotTestWorkspace ws;
} Fixture;

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     n_progress;
  double    last_fraction;
  GThread  *main_thread;
} Waiter;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  sot_test_workspace_setup (&fixture->ws, "backup", SOT_TEST_WORKSPACE_NONE);
  sot_test_set_clock (fixture->ws.store, 2025, 6, 30, 12, 0);
  sot_test_fill_demo (fixture->ws.store, 30, 1, 2025, 6, 30);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sot_test_workspace_teardown (&fixture->ws);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Waiter *waiter = user_data;

  /* Progress arrives on the caller's thread, in order. */
  g_assert_true (g_thread_self () == waiter->main_thread);
  g_assert_cmpfloat (fraction, >=, waiter->last_fraction);
  waiter->last_fraction = fraction;
  waiter->n_progress++;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->ok = sot_backup_write_finish (SOT_STORE (source), result, &waiter->error);
  waiter->done = TRUE;
}

static void
test_async_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->ws.dir, "copy.sbk", NULL);
  g_autofree char *restored = g_build_filename (fixture->ws.dir, "restored.db", NULL);
  g_autoptr(SotStore) again = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };
  GStatBuf st;
  gint64 n_records = 0;

  waiter.main_thread = g_thread_self ();
  sot_backup_write_async (fixture->ws.store, target, "a passphrase", progress_cb, &waiter, NULL,
                          done_cb, &waiter);
  SOT_TEST_WAIT_FOR_SECONDS (waiter.done, 60);
  g_assert_no_error (waiter.error);
  g_assert_true (waiter.ok);
  g_assert_cmpuint (waiter.n_progress, >, 0);
  g_assert_cmpfloat (waiter.last_fraction, ==, 1.0);

  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_false (sot_backup_restore (target, restored, "not it", NULL, &error));
  g_assert_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_PASSPHRASE);
  g_assert_false (g_file_test (restored, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (sot_backup_restore (target, restored, "a passphrase", &n_records, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_records, >, 0);

  again = sot_store_open (restored, SOT_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sot_test_count (again, "investigation"), ==, 30);
  g_assert_cmpint (sot_test_count (again, "audit_log"), ==, n_records + 1);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->ws.dir, "cancelled.db", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GDir) dir = NULL;
  Waiter waiter = { 0 };
  const char *name;

  g_cancellable_cancel (cancellable);
  sot_backup_write_async (fixture->ws.store, target, NULL, NULL, NULL, cancellable, done_cb,
                          &waiter);
  SOT_TEST_WAIT_FOR_SECONDS (waiter.done, 60);
  g_assert_error (waiter.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&waiter.error);

  /* Nothing is left at or beside the target. */
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  dir = g_dir_open (fixture->ws.dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (sot_partial_is_name (name));
}

static void
test_refuses_existing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sot_backup_write (fixture->ws.store, fixture->ws.path, NULL, NULL, NULL, NULL,
                                    &error));
  g_assert_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_EXISTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/async-round-trip", Fixture, NULL, fixture_setup, test_async_round_trip,
              fixture_teardown);
  g_test_add ("/backup/cancelled", Fixture, NULL, fixture_setup, test_cancelled,
              fixture_teardown);
  g_test_add ("/backup/refuses-existing", Fixture, NULL, fixture_setup, test_refuses_existing,
              fixture_teardown);

  return g_test_run ();
}
