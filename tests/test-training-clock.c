/* test-training-clock.c: the training clock moves "now" in a training workspace only
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sot-investigation.h"
#include "sot-store.h"
#include "sot-test-workspace.h"
#include "sot-time.h"
#include "sot-training-clock.h"

typedef SotTestWorkspace Fixture;

static void
training_setup (Fixture       *fixture,
                gconstpointer  data)
{
  sot_test_workspace_setup (fixture, "training-clock", SOT_TEST_WORKSPACE_TRAINING);
  sot_test_set_clock (fixture->store, 2026, 3, 2, 10, 0);
}

static void
real_setup (Fixture       *fixture,
            gconstpointer  data)
{
  sot_test_workspace_setup (fixture, "training-clock", SOT_TEST_WORKSPACE_NONE);
  sot_test_set_clock (fixture->store, 2026, 3, 2, 10, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sot_test_workspace_teardown (fixture);
}

static char *
now_text (SotStore *store)
{
  g_autoptr(GDateTime) now = sot_store_now (store);

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The last audit row as "time action entity_type reason". */
static char *
last_audit (SotStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  char *row;

  stmt = sot_store_prepare (store, "SELECT ts_utc, action, entity_type, ifnull (reason, '') "
                            "FROM audit_log ORDER BY id DESC LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  row = g_strdup_printf ("%s %s %s %s", sqlite3_column_text (stmt, 0),
                         sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                         sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);
  return row;
}

static void
count_cb (SotStore *store,
          guint    *n)
{
  (*n)++;
}

static void
test_advance_and_back (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *back = NULL;
  guint n_signals = 0;

  g_signal_connect (fixture->store, "clock-changed", G_CALLBACK (count_cb), &n_signals);
  g_assert_false (sot_training_clock_is_moved (fixture->store));

  g_assert_true (sot_training_clock_advance (fixture->store, 2 * G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);
  g_assert_true (sot_training_clock_advance (fixture->store, 3 * G_TIME_SPAN_HOUR, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 2);
  g_assert_true (sot_training_clock_is_moved (fixture->store));

  moved = now_text (fixture->store);
  g_assert_cmpstr (moved, ==, "2026-03-04T13:00:00Z");

  /* The move is audited, at the real time. */
  audit = last_audit (fixture->store);
  g_assert_cmpstr (audit, ==, "2026-03-02T10:00:00.000000Z alter workspace "
                   "training clock moved to 2026-03-04T13:00:00Z");

  g_assert_true (sot_training_clock_set (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 3);
  g_assert_false (sot_training_clock_is_moved (fixture->store));
  back = now_text (fixture->store);
  g_assert_cmpstr (back, ==, "2026-03-02T10:00:00Z");
}

static void
test_records_keep_real_audit_time (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = sot_test_make_investigation ("TC/1/26");
  g_autofree char *audit = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (sot_training_clock_advance (fixture->store, 10 * G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);

  g_assert_true (sot_investigation_insert (inv, fixture->store, &error));
  g_assert_no_error (error);

  /* The audit row says when the operator really acted... */
  audit = last_audit (fixture->store);
  g_assert_true (g_str_has_prefix (audit, "2026-03-02T10:00:00.000000Z collect investigation"));

  /* ...while the fictional case lives on the training clock. */
  stmt = sot_store_prepare (fixture->store, "SELECT created_at FROM investigation", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2026-03-12T10:00:00.000000Z");
  sqlite3_reset (stmt);
}

static void
test_kept_in_workspace (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;

  g_assert_true (sot_training_clock_advance (fixture->store, G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->store);
  fixture->store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_NONE);
  g_assert_cmpint (sot_store_get_clock_offset (fixture->store), ==, G_TIME_SPAN_DAY);
  sot_test_set_clock (fixture->store, 2026, 3, 5, 8, 30);
  now = now_text (fixture->store);
  g_assert_cmpstr (now, ==, "2026-03-06T08:30:00Z");

  /* Back to the real time, nothing is left in the workspace. */
  g_assert_true (sot_training_clock_set (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  fixture->store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_NONE);
  g_assert_cmpint (sot_store_get_clock_offset (fixture->store), ==, 0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_utc (2026, 3, 1, 10, 0, 0);
  gint64 n_audit = sot_test_count (fixture->store, "audit_log");

  g_assert_false (sot_training_clock_set (fixture->store, before, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sot_training_clock_advance (fixture->store, -G_TIME_SPAN_HOUR, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sot_test_count (fixture->store, "audit_log"), ==, n_audit);
  g_assert_cmpint (sot_store_get_clock_offset (fixture->store), ==, 0);
}

static void
test_real_workspace_refuses (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 4, 1, 10, 0, 0);
  gint64 n_audit = sot_test_count (fixture->store, "audit_log");
  g_autofree char *now = NULL;

  g_assert_false (sot_training_clock_advance (fixture->store, G_TIME_SPAN_DAY, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "training workspace"));
  g_clear_error (&error);

  g_assert_false (sot_training_clock_set (fixture->store, later, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);

  g_assert_cmpint (sot_test_count (fixture->store, "audit_log"), ==, n_audit);
  now = now_text (fixture->store);
  g_assert_cmpstr (now, ==, "2026-03-02T10:00:00Z");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/training-clock/advance-and-back", Fixture, NULL, training_setup,
              test_advance_and_back, fixture_teardown);
  g_test_add ("/training-clock/audit-keeps-real-time", Fixture, NULL, training_setup,
              test_records_keep_real_audit_time, fixture_teardown);
  g_test_add ("/training-clock/kept-in-workspace", Fixture, NULL, training_setup,
              test_kept_in_workspace, fixture_teardown);
  g_test_add ("/training-clock/refused", Fixture, NULL, training_setup,
              test_refused, fixture_teardown);
  g_test_add ("/training-clock/real-workspace", Fixture, NULL, real_setup,
              test_real_workspace_refuses, fixture_teardown);

  return g_test_run ();
}
