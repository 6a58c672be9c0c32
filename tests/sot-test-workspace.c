/* sot-test-workspace.c: what the tests share: a temporary workspace, a fixed clock, demo data
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "sot-generator.h"
#include "sot-test-workspace.h"

void
sot_test_workspace_setup (SotTestWorkspace      *ws,
                          const char            *name,
                          SotTestWorkspaceFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("sot-test-%s-XXXXXX", name);

  ws->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  ws->path = g_build_filename (ws->dir, "workbench.db", NULL);
  ws->store = NULL;

  if (flags & SOT_TEST_WORKSPACE_NO_STORE)
    return;

  ws->store = sot_store_open (ws->path, SOT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  if (flags & SOT_TEST_WORKSPACE_TRAINING)
    {
      sot_store_mark_training (ws->store, &error);
      g_assert_no_error (error);
    }
}

void
sot_test_workspace_teardown (SotTestWorkspace *ws)
{
  g_clear_object (&ws->store);
  if (ws->dir != NULL)
    {
      sot_test_remove_tree (ws->dir);
      g_assert_false (g_file_test (ws->dir, G_FILE_TEST_EXISTS));
    }
  g_clear_pointer (&ws->path, g_free);
  g_clear_pointer (&ws->dir, g_free);
}

void
sot_test_set_clock (SotStore *store,
                    int       year,
                    int       month,
                    int       day,
                    int       hour,
                    int       minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (year, month, day, hour, minute, 0);

  g_assert_nonnull (now);
  sot_store_set_clock (store, now);
}

void
sot_test_fill_demo (SotStore *store,
                    guint     n,
                    guint64   seed,
                    int       year,
                    int       month,
                    int       day)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  g_assert_true (sot_generator_fill (store, n, seed, &today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

gint64
sot_test_count (SotStore   *store,
                const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = sot_store_count (store, table, &error);

  g_assert_no_error (error);
  return n;
}

SotInvestigation *
sot_test_make_investigation (const char *crime_reference)
{
  SotInvestigation *inv = sot_investigation_new ();

  sot_investigation_set_crime_reference (inv, crime_reference);
  sot_investigation_set_offence_type (inv, "sexual-assault");
  sot_investigation_set_offence_from (inv, "2024-05-10T01:15:00");
  sot_investigation_set_reported_on (inv, "2024-05-12");
  sot_investigation_set_officer (inv, "DC Fay Notreal");

  return inv;
}

void
sot_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          sot_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
sot_test_list_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_no_error (error);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

SotStore *
sot_test_open_store (const char        *path,
                     SotStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  SotStore *store = sot_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

sqlite3 *
sot_test_raw_open (const char *path,
                   int         flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);

  return db;
}

void
sot_test_raw_exec (sqlite3    *db,
                   const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
sot_test_raw_int (sqlite3    *db,
                  const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

char *
sot_test_raw_text (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

gboolean
sot_test_names_number (const char *message,
                       const char *leave_out,
                       gint64      number)
{
  g_autofree char *pattern = g_strdup_printf ("(^|[^0-9])%" G_GINT64_FORMAT "($|[^0-9])",
                                              number);
  g_autofree char *rest = NULL;

  if (leave_out != NULL && *leave_out != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (message, leave_out, -1);

      rest = g_strjoinv (" ", parts);
    }
  else
    rest = g_strdup (message);

  return g_regex_match_simple (pattern, rest, 0, 0);
}

gpointer
sot_test_item_at (GListModel *model,
                  guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;
}

void
sot_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
