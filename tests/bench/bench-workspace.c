/* bench-workspace.c: figures for a large workspace (generate, open, list, filter); no pass or fail
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-workspace [N]   (or BENCH_INVESTIGATIONS=N; 100 000 by default)
 * Run:   meson test -C build --benchmark --verbose
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "sot-generator.h"
#include "sot-investigation-list.h"
#include "sot-investigation.h"
#include "sot-line-of-enquiry.h"
#include "sot-store.h"

#define DEFAULT_INVESTIGATIONS 100000
#define FILTER_PASSES 5

/* Substrings as an investigator types them into the list's search: a crime reference, an
 * offence, an officer, and one that matches nothing. */
static const char * const queries[] = {
  "TRN/25/0001",
  "Rape",
  "dc ash",
  "penetration",
  "no such text",
};

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

static gboolean
parse_count (int      argc,
             char   **argv,
             guint   *n,
             GError **error)
{
  const char *text = argc > 1 ? argv[1] : g_getenv ("BENCH_INVESTIGATIONS");
  guint64 value;

  if (text == NULL || *text == '\0')
    {
      *n = DEFAULT_INVESTIGATIONS;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 1, 1000000, &value, error))
    return FALSE;

  *n = (guint) value;
  return TRUE;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
print_time (const char *what,
            double      seconds)
{
  if (seconds < 0.001)
    g_print ("  %-50s %10.1f us\n", what, seconds * 1e6);
  else if (seconds < 1.0)
    g_print ("  %-50s %10.1f ms\n", what, seconds * 1000.0);
  else
    g_print ("  %-50s %10.2f s\n", what, seconds);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;

  return st.st_size;
}

/* The list filter's semantics: the query, case-folded, is a substring of the search text. */
static guint
filter (GListModel *model,
        const char *query)
{
  g_autofree char *needle = g_utf8_casefold (query, -1);
  guint n = g_list_model_get_n_items (model);
  guint matches = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotInvestigation) inv = g_list_model_get_item (model, i);
      const char *haystack = sot_investigation_get_search_text (inv);

      if (haystack != NULL && strstr (haystack, needle) != NULL)
        matches++;
    }

  return matches;
}

static gboolean
run (guint        n_investigations,
     const char  *dir,
     GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "workbench.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(SotStore) store = NULL;
  g_autoptr(SotInvestigationList) list = NULL;
  struct rusage usage;
  gint64 start;
  gint64 n_records = 0;
  double seconds;
  GDate today;

  g_print ("bench-workspace: %u investigations in %s\n", n_investigations, dir);

  /* A fixed day, so that every run builds the same workspace. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, G_DATE_JUNE, 2025);

  start = g_get_monotonic_time ();
  if (!(store = sot_store_open (path, SOT_STORE_OPEN_CREATE, error)) ||
      !sot_store_mark_training (store, error) ||
      !sot_generator_fill (store, n_investigations, 1, &today, NULL, NULL, NULL, error))
    return FALSE;
  seconds = seconds_since (start);
  print_time ("generate (create, fill in one transaction)", seconds);
  g_print ("  %-50s %10.0f investigations/s\n", "", n_investigations / MAX (seconds, 1e-9));

  start = g_get_monotonic_time ();
  g_clear_object (&store);
  print_time ("close (WAL checkpoint)", seconds_since (start));

  g_print ("  %-50s %10.1f MiB\n", "file size",
           (file_size (path) + file_size (wal)) / (1024.0 * 1024.0));

  start = g_get_monotonic_time ();
  if (!(store = sot_store_open (path, SOT_STORE_OPEN_NONE, error)))
    return FALSE;
  print_time ("open the store", seconds_since (start));

  start = g_get_monotonic_time ();
  if (!(list = sot_investigation_list_new (store, error)))
    return FALSE;
  seconds = seconds_since (start);
  {
    g_autofree char *what = g_strdup_printf ("load SotInvestigationList (%u items)",
                                             g_list_model_get_n_items (G_LIST_MODEL (list)));

    print_time (what, seconds);
  }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *what = NULL;
      double best = G_MAXDOUBLE;
      double total = 0;
      guint matches = 0;

      for (guint pass = 0; pass < FILTER_PASSES; pass++)
        {
          start = g_get_monotonic_time ();
          matches = filter (G_LIST_MODEL (list), queries[q]);
          seconds = seconds_since (start);
          best = MIN (best, seconds);
          total += seconds;
        }

      what = g_strdup_printf ("filter \"%s\" (%u matches), best of %d", queries[q], matches,
                              FILTER_PASSES);
      print_time (what, best);
      g_clear_pointer (&what, g_free);
      what = g_strdup_printf ("  mean of %d", FILTER_PASSES);
      print_time (what, total / FILTER_PASSES);
    }

  /* Opening a case's Suspect focus page: its evidence list and indicator, for a case in the
   * middle of the workspace. */
  {
    g_autoptr(SotInvestigation) middle =
      g_list_model_get_item (G_LIST_MODEL (list), g_list_model_get_n_items (G_LIST_MODEL (list)) / 2);
    double best = G_MAXDOUBLE;
    guint n_lines = 0;

    for (guint pass = 0; middle != NULL && pass < FILTER_PASSES; pass++)
      {
        g_autoptr(GListModel) lines = NULL;
        SotSuspectFocus focus;

        start = g_get_monotonic_time ();
        if (!(lines = sot_line_of_enquiry_list (store, sot_investigation_get_id (middle), error)))
          return FALSE;
        if (!sot_suspect_focus_compute (store, sot_investigation_get_id (middle), NULL, &focus,
                                        error))
          return FALSE;
        best = MIN (best, seconds_since (start));
        n_lines = g_list_model_get_n_items (lines);
      }

    {
      g_autofree char *what = g_strdup_printf ("open one case's evidence list (%u lines), best of %d",
                                               n_lines, FILTER_PASSES);

      print_time (what, best);
    }
  }

  start = g_get_monotonic_time ();
  if (!sot_store_verify_audit (store, &n_records, NULL, error))
    return FALSE;
  {
    g_autofree char *what = g_strdup_printf ("verify the audit chain (%" G_GINT64_FORMAT
                                             " records)", n_records);

    print_time (what, seconds_since (start));
  }

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    g_print ("  %-50s %10.1f MiB\n", "peak RSS", usage.ru_maxrss / 1024.0);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  guint n_investigations;
  gboolean ok;

  if (!parse_count (argc, argv, &n_investigations, &error))
    {
      g_printerr ("bench-workspace: the number of investigations: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!(dir = g_dir_make_tmp ("sot-bench-workspace-XXXXXX", &error)))
    {
      g_printerr ("bench-workspace: %s\n", error->message);
      return EXIT_FAILURE;
    }

  ok = run (n_investigations, dir, &error);
  remove_tree (dir);

  if (!ok)
    {
      g_printerr ("bench-workspace: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
