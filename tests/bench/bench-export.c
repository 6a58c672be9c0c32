/* bench-export.c: the dataset export against `sqlite3 -csv` dumping the same rows; no pass or fail
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-export [N]   (or BENCH_INVESTIGATIONS=N; 100 000 by default)
 *        BENCH_DB=PATH bench-export   to time an existing workspace instead of generating one
 *        (the export adds its audit *disclose* row to that workspace, as every export does).
 * Prints the time of the whole export (every table, the aggregates, datapackage.json, README,
 * manifest), the time of `sqlite3 -csv` printing the rows the record-level table is read from
 * (investigation × suspect with the victim; sot_export_dump_sql()) to /dev/null, and their
 * ratio, and the time of the part that runs on one thread (reading the records, pseudonymising
 * them and computing k, until the 0.35 progress mark; then two threads write the files). Each
 * is run BENCH_RUNS times (3 by default) after one warm-up; the best run counts.
 * BENCH_STAGES=1 prints every progress report with its time.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "sot-export.h"
#include "sot-generator.h"
#include "sot-store.h"

#define DEFAULT_INVESTIGATIONS 100000

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

typedef struct {
  gint64 start;
  gint64 read_done;   /* when the records were read and k computed (the 0.35 mark) */
} Marks;

static void
progress_cb (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  Marks *marks = user_data;

  gint64 now = g_get_monotonic_time ();

  if (fraction >= 0.35 && marks->read_done == 0)
    marks->read_done = now;
  if (g_getenv ("BENCH_STAGES") != NULL)
    g_print ("  %6.3f s  %.2f %s\n", (now - marks->start) / 1e6, fraction, stage);
}

static double
time_export (SotStore   *store,
             const char *dir,
             guint       run,
             gint64     *rows,
             double     *read_seconds)
{
  Marks marks = { 0 };
  g_autoptr(SotExportOptions) options = sot_export_options_new ();
  g_autoptr(SotExportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("package-%u", run);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  gint64 start, end;

  options->recipient = g_strdup ("Benchmark evaluator");
  options->purpose = g_strdup ("Benchmark of the export");
  /* A fresh key: no key file is left beside a workspace given in BENCH_DB. */
  options->key_mode = SOT_PSEUDONYM_KEY_FRESH;

  start = marks.start = g_get_monotonic_time ();
  if (!sot_export_run (store, target, options, progress_cb, &marks, NULL, &summary, &error))
    {
      g_printerr ("export failed: %s\n", error->message);
      exit (1);
    }
  end = g_get_monotonic_time ();
  *read_seconds = (marks.read_done - start) / 1e6;

  *rows = 0;
  for (guint i = 0; i < summary->tables->len; i++)
    *rows += ((SotExportTable *) g_ptr_array_index (summary->tables, i))->rows;

  remove_tree (target);
  return (end - start) / 1e6;
}

/* The rows the package is made from, table by table, as the export reads them (holder names
 * aside, which the export hashes): what "dumping the same rows" means for the whole package. */
static const char all_rows_sql[] =
  "SELECT investigation_id, suspect_id, category, focus, status, created_at, updated_at, "
  "checklist_item IS NOT NULL FROM line_of_enquiry ORDER BY id;"
  "SELECT id, investigation_id, parent_id IS NOT NULL, sample_type, sampled_from, seized_at, "
  "lab_submitted_at IS NOT NULL, retention FROM exhibit ORDER BY id;"
  "SELECT exhibit_id, position, moved_at, purpose = 'storage' FROM exhibit_movement "
  "ORDER BY exhibit_id, position, id;"
  "SELECT investigation_id, owner_role, legal_basis, extraction_level, "
  "written_notice_on IS NOT NULL, dpn_given_on IS NOT NULL, taken_at, returned_at, "
  "swap_out_given FROM device ORDER BY id;"
  "SELECT suspect_id, decision, decided_on FROM cps_decision ORDER BY suspect_id, decided_on, id;"
  "SELECT investigation_id, count (*), sum (isva_present) FROM victim_contact "
  "GROUP BY investigation_id;"
  "SELECT investigation_id, frequency_days, channel FROM victim_contact_preference "
  "ORDER BY investigation_id, changed_at, id;";

static double
time_dump_sql (const char *db,
               const char *sql)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sqlite3", "-csv", db, sql, NULL };
  gint64 start, end;
  int status = 0;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("sqlite3 failed: %s\n", error->message);
      exit (1);
    }
  end = g_get_monotonic_time ();

  return (end - start) / 1e6;
}

static double
time_dump (const char *db)
{
  return time_dump_sql (db, sot_export_dump_sql ());
}

static double
time_dump_all (const char *db)
{
  g_autofree char *sql = g_strconcat (sot_export_dump_sql (), ";", all_rows_sql, NULL);

  return time_dump_sql (db, sql);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  const char *bench_db = g_getenv ("BENCH_DB");
  const char *runs_text = g_getenv ("BENCH_RUNS");
  guint runs = runs_text != NULL ? (guint) MAX (1, atoi (runs_text)) : 3;
  double best_export = G_MAXDOUBLE, best_dump = G_MAXDOUBLE, best_read = G_MAXDOUBLE;
  double best_dump_all = G_MAXDOUBLE;
  double read = 0;
  gint64 rows = 0;

  dir = g_dir_make_tmp ("sot-bench-export-XXXXXX", &error);
  g_assert_no_error (error);

  if (bench_db != NULL)
    {
      db = g_strdup (bench_db);
      store = sot_store_open (db, SOT_STORE_OPEN_NONE, &error);
    }
  else
    {
      const char *text = argc > 1 ? argv[1] : g_getenv ("BENCH_INVESTIGATIONS");
      guint n = text != NULL ? (guint) atoi (text) : DEFAULT_INVESTIGATIONS;
      GDate today;
      gint64 start;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 30, 6, 2025);
      db = g_build_filename (dir, "bench.db", NULL);
      store = sot_store_open (db, SOT_STORE_OPEN_CREATE, &error);
      if (store != NULL)
        {
          start = g_get_monotonic_time ();
          if (sot_store_mark_training (store, &error) &&
              sot_generator_fill (store, n, 1, &today, NULL, NULL, NULL, &error))
            g_print ("generated %u investigations in %.1f s\n", n,
                     (g_get_monotonic_time () - start) / 1e6);
        }
    }

  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("workspace: %s\n", db);

  /* Warm the page cache for both, then time. */
  time_dump (db);
  time_export (store, dir, 0, &rows, &read);

  for (guint i = 1; i <= runs; i++)
    {
      double e = time_export (store, dir, i, &rows, &read);
      double d = time_dump (db);
      double d_all = time_dump_all (db);

      g_print ("run %u: export %.3f s (records read after %.3f s), "
               "sqlite3 -csv dump %.3f s\n", i, e, read, d);
      best_export = MIN (best_export, e);
      best_read = MIN (best_read, read);
      best_dump = MIN (best_dump, d);
      best_dump_all = MIN (best_dump_all, d_all);
    }

  g_print ("export (all tables, %" G_GINT64_FORMAT " rows, best of %u): %.3f s\n",
           rows, runs, best_export);
  g_print ("records read, pseudonymised, k computed (one thread): %.3f s\n", best_read);
  g_print ("sqlite3 -csv dump of investigation x suspect (best of %u): %.3f s\n", runs, best_dump);
  g_print ("sqlite3 -csv dump of every row the package reads (best of %u): %.3f s\n", runs,
           best_dump_all);
  g_print ("ratio export / dump of the same rows: %.2f\n", best_export / best_dump_all);
  g_print ("ratio export / dump of investigation x suspect: %.2f\n", best_export / best_dump);

  g_clear_object (&store);
  if (bench_db == NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
    }
  remove_tree (dir);

  return 0;
}
