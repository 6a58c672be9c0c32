/* sot-cli-export.c: `soteria-cli export` (the evaluators' dataset) and `soteria-cli metrics`
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef G_OS_UNIX
#include <glib-unix.h>
#include <signal.h>
#endif

#include "sot-cli-export.h"
#include "sot-zip.h"
#include "sot-cli.h"
#include "sot-export.h"
#include "sot-metrics.h"
#include "sot-store.h"

static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("soteria-cli: %s\n", message);
  g_printerr (_("Try “soteria-cli %s --help”.\n"), command);
  return SOT_CLI_EXIT_USAGE;
}

static int
failure (const char *message)
{
  g_printerr ("soteria-cli: %s\n", message);
  return SOT_CLI_EXIT_FAILURE;
}

static char *
default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "soteria-workbench", "workbench.db", NULL);
}

static GOptionContext *
new_context (const char         *parameter,
             const char         *summary,
             const char         *description,
             const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* GOption's own --help would exit() from inside the parser. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* Parses the period options, with the command's own messages. */
static int
check_period (const char *command,
              const char *from,
              const char *to)
{
  g_autoptr(GError) error = NULL;

  if (!sot_metrics_check_period (from, to, &error))
    return usage_error (command, error->message);

  return SOT_CLI_EXIT_OK;
}

/* export */

typedef struct {
  gboolean interactive;
  gboolean shown;
} Progress;

static void
export_progress_cb (double      fraction,
                    const char *stage,
                    gpointer    user_data)
{
  Progress *progress = user_data;

  if (!progress->interactive)
    return;

  /* TRANSLATORS: progress of `soteria-cli export`, redrawn on one terminal line */
  g_printerr ("\r");
  g_printerr (_("%3d%%  %-40s"), (int) (fraction * 100 + 0.5), stage);
  progress->shown = TRUE;
}

#ifdef G_OS_UNIX
static gboolean
interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return G_SOURCE_CONTINUE;
}

/* Ctrl+C must cancel the export (leaving nothing behind), not kill it half-way: the export
 * runs in a worker thread of the core, while this thread's main loop watches the signals. */
typedef struct {
  GMainLoop        *loop;
  SotExportSummary *summary;
  GError           *error;
} Waiter;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->summary = sot_export_run_finish (SOT_STORE (source), result, &waiter->error);
  g_main_loop_quit (waiter->loop);
}
#endif

static gboolean
run_export (SotStore                *store,
            const char              *out,
            const SotExportOptions  *options,
            Progress                *progress,
            SotExportSummary       **summary,
            GError                 **error)
{
#ifdef G_OS_UNIX
  if (!g_str_equal (sot_store_get_path (store), ":memory:"))
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      Waiter waiter = { loop, NULL, NULL };
      guint sigint_id = g_unix_signal_add (SIGINT, interrupted_cb, cancellable);
      guint sigterm_id = g_unix_signal_add (SIGTERM, interrupted_cb, cancellable);

      sot_export_run_async (store, out, options, export_progress_cb, progress, cancellable,
                            export_done_cb, &waiter);
      g_main_loop_run (loop);

      g_source_remove (sigint_id);
      g_source_remove (sigterm_id);

      if (waiter.summary == NULL)
        {
          g_propagate_error (error, waiter.error);
          return FALSE;
        }

      *summary = waiter.summary;
      return TRUE;
    }
#endif

  return sot_export_run (store, out, options, export_progress_cb, progress, NULL, summary, error);
}

/* The checks of the options that need no workspace; @mode is set from @key. */
static int
check_export_options (const char          *out,
                      char                *recipient,
                      char                *purpose,
                      int                  threshold,
                      const char          *key,
                      SotPseudonymKeyMode *mode,
                      const char          *from,
                      const char          *to)
{
  if (out == NULL || *out == '\0')
    return usage_error ("export", _("--out DIR is required: the package folder to create"));
  if (recipient == NULL || *g_strstrip (recipient) == '\0')
    return usage_error ("export", _("--recipient is required: who receives the dataset"));
  if (purpose == NULL || *g_strstrip (purpose) == '\0')
    return usage_error ("export", _("--purpose is required: why the dataset is disclosed"));
  if (threshold < SOT_SDC_MIN_THRESHOLD)
    {
      g_autofree char *message =
        g_strdup_printf (_("--threshold must be at least %d (it was %d): smaller counts "
                           "could identify people"), SOT_SDC_MIN_THRESHOLD, threshold);

      return usage_error ("export", message);
    }
  if (key != NULL && !sot_pseudonym_key_mode_from_string (key, mode))
    {
      g_autofree char *message = g_strdup_printf (_("--key must be stable or fresh, not “%s”"), key);

      return usage_error ("export", message);
    }
  return check_period ("export", from, to);
}

/* Refuses before anything is opened: the target must be new or empty, and the archive
 * (named in @zip_path when @zip) new. */
static int
check_targets (const char  *out,
               gboolean     zip,
               char       **zip_path)
{
  /* Refuse before opening anything: the target must be new or empty. */
  if (g_file_test (out, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDir) dir = g_file_test (out, G_FILE_TEST_IS_DIR) ? g_dir_open (out, 0, NULL) : NULL;

      if (dir == NULL || g_dir_read_name (dir) != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s exists and is not an empty folder: choose a new or empty "
                               "folder for the package"), out);

          return failure (message);
        }
    }

  if (zip)
    {
      g_autofree char *trimmed = g_strdup (out);

      /* "DIR/" and "DIR" name the same archive. */
      while (strlen (trimmed) > 1 && g_str_has_suffix (trimmed, G_DIR_SEPARATOR_S))
        trimmed[strlen (trimmed) - 1] = '\0';
      *zip_path = g_strconcat (trimmed, ".zip", NULL);

      if (g_file_test (*zip_path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s already exists: move it away or choose another --out"),
                             *zip_path);

          return failure (message);
        }
    }

  return SOT_CLI_EXIT_OK;
}

/* A killed export leaves its temporary folder of pseudonymised files: the next one removes it
 * (unless an export still running holds it) and says so. */
static void
note_leftovers_removed (const char *out)
{
  g_autoptr(GPtrArray) removed = sot_export_remove_leftovers (out);

  for (guint i = 0; i < removed->len; i++)
    g_printerr (_("soteria-cli: removed an unfinished export from %s\n"),
                (const char *) g_ptr_array_index (removed, i));
}

/* Keys and values are for scripts: never translated. */
static void
print_summary (const SotExportSummary *summary,
               const char             *zip_path)
{
  gint64 total_rows = 0;

  g_print ("package: %s\n", summary->path);
  if (zip_path != NULL)
    g_print ("archive: %s\n", zip_path);
  g_print ("kind: %s\n", summary->fictional ? "training (fictional data)" : "real");
  g_print ("investigations: %" G_GINT64_FORMAT "\n", summary->n_investigations);
  for (guint i = 0; i < summary->tables->len; i++)
    {
      SotExportTable *table = g_ptr_array_index (summary->tables, i);

      g_print ("table: %s rows %" G_GINT64_FORMAT "%s\n", table->path, table->rows,
               table->note != NULL ? " (see README.md)" : "");
      total_rows += table->rows;
    }
  g_print ("tables: %u\n", summary->tables->len);
  g_print ("rows: %" G_GINT64_FORMAT "\n", total_rows);
  g_print ("threshold: %u\n", summary->threshold);
  g_print ("suppressed_cells: %u\n", summary->n_suppressed);
  g_print ("k: %u\n", summary->k.k);
  g_print ("records_in_groups_below_threshold: %u of %u\n", summary->k.n_records_below,
           summary->k.n_records);
  g_print ("withheld_investigations: %u\n", summary->n_withheld);
  g_print ("pseudonym_key: %s%s\n", sot_pseudonym_key_mode_to_string (summary->key_mode),
           summary->key_created ? " (new key for this recipient)" : "");
}

int
sot_cli_export (const char  *db_path,
                int          argc,
                char       **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  int threshold = SOT_SDC_DEFAULT_THRESHOLD;
  gboolean round5 = FALSE;
  gboolean coarsen_month = FALSE;
  gboolean coarsen_age = FALSE;
  gboolean withhold = FALSE;
  gboolean zip = FALSE;
  g_autofree char *zip_path = NULL;
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace to export"), N_("PATH") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("The package folder to create (new, or empty)"), N_("DIR") },
    { "recipient", 0, 0, G_OPTION_ARG_STRING, &recipient,
      N_("Who receives the dataset (required; recorded in the audit log)"), N_("TEXT") },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose,
      N_("Why it is disclosed (required; recorded in the audit log)"), N_("TEXT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("First month of report to include"), N_("YYYY-MM") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Last month of report to include"), N_("YYYY-MM") },
    { "threshold", 0, 0, G_OPTION_ARG_INT, &threshold,
      N_("Suppress counts below N in aggregate tables, zero included (default 10, at least 3)"),
      N_("N") },
    { "key", 0, 0, G_OPTION_ARG_STRING, &key,
      N_("Pseudonym key: stable (one kept key per recipient, the default) or fresh (a new key, "
         "forgotten after the export)"), N_("stable|fresh") },
    { "round5", 0, 0, G_OPTION_ARG_NONE, &round5,
      N_("Round published counts to base 5"), NULL },
    { "coarsen-month", 0, 0, G_OPTION_ARG_NONE, &coarsen_month,
      N_("Record-level tables: quarter of report instead of month"), NULL },
    { "wider-age-bands", 0, 0, G_OPTION_ARG_NONE, &coarsen_age,
      N_("Record-level tables: age bands <18, 18-40, 41+"), NULL },
    { "withhold-small-groups", 0, 0, G_OPTION_ARG_NONE, &withhold,
      N_("Leave out investigations with a record in a quasi-identifier group smaller than the "
         "threshold"), NULL },
    { "zip", 0, 0, G_OPTION_ARG_NONE, &zip,
      N_("Also write the package as DIR.zip beside the folder"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autoptr(SotExportOptions) options = NULL;
  g_autoptr(SotExportSummary) summary = NULL;
  SotPseudonymKeyMode mode = SOT_PSEUDONYM_KEY_STABLE;
  Progress progress = { 0 };
  int status;

  g_return_val_if_fail (argc >= 1 && argv != NULL, SOT_CLI_EXIT_USAGE);

  context = new_context (_("--out DIR --recipient TEXT --purpose TEXT [OPTION…]"),
                         _("Write a pseudonymised, disclosure-controlled dataset for evaluators: "
                           "a Frictionless Data Package (CSV files, datapackage.json, README.md, "
                           "manifest.sha256). No name, date of birth, address, phone number, "
                           "crime reference, exact date, officer or free text leaves. Every "
                           "export is recorded in the audit log with its recipient and "
                           "purpose."),
                         _("Exit status: 0 success, 1 failure (DIR not empty, a write error), "
                           "2 usage error."),
                         entries);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("export", error->message);

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      return SOT_CLI_EXIT_OK;
    }

  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[1]);

      return usage_error ("export", message);
    }

  if ((status = check_export_options (out, recipient, purpose, threshold, key, &mode, from,
                                      to)) != SOT_CLI_EXIT_OK)
    return status;

  path = db != NULL ? g_strdup (db) : db_path != NULL ? g_strdup (db_path) : default_db_path ();

  if ((status = check_targets (out, zip, &zip_path)) != SOT_CLI_EXIT_OK)
    return status;

  if (!(store = sot_store_open (path, SOT_STORE_OPEN_CHECK, &error)))
    return failure (error->message);

  options = sot_export_options_new ();
  options->from = g_strdup (from);
  options->to = g_strdup (to);
  options->threshold = (guint) threshold;
  options->round5 = round5;
  options->key_mode = mode;
  options->recipient = g_strdup (recipient);
  options->purpose = g_strdup (purpose);
  options->coarsen_month = coarsen_month;
  options->coarsen_age = coarsen_age;
  options->withhold_small_groups = withhold;

  note_leftovers_removed (out);
  progress.interactive = isatty (STDERR_FILENO);

  if (!run_export (store, out, options, &progress, &summary, &error))
    {
      if (progress.shown)
        g_printerr ("\n");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return failure (_("Interrupted: no package was written"));
      return failure (error->message);
    }

  if (progress.shown)
    g_printerr ("\n");

  /* The archive holds the same files, so it is the same disclosure and its audit row. */
  if (zip_path != NULL && !sot_zip_write_folder (summary->path, zip_path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The package was written to %s, but not the "
                                                    "archive: %s"), summary->path, error->message);

      return failure (message);
    }

  print_summary (summary, zip_path);

  return SOT_CLI_EXIT_OK;
}

/* metrics */

int
sot_cli_metrics (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *path = NULL;
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace to measure"), N_("PATH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First month"), N_("YYYY-MM") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last month"), N_("YYYY-MM") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autoptr(SotMetrics) metrics = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  SotMetricsOptions options = { 0 };
  int status;

  g_return_val_if_fail (argc >= 1 && argv != NULL, SOT_CLI_EXIT_USAGE);

  context = new_context (_("[--from YYYY-MM] [--to YYYY-MM]"),
                         _("Print the evaluation metrics of a workspace as “key: value” lines: "
                           "volumes, both charge rates, timeliness, victim engagement, suspect "
                           "focus, forensics and data quality. Counts are not suppressed: they "
                           "are for the workstation, not for disclosure (use export)."),
                         NULL, entries);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("metrics", error->message);

  if (help)
    {
      g_autofree char *help_text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help_text);
      return SOT_CLI_EXIT_OK;
    }

  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[1]);

      return usage_error ("metrics", message);
    }

  if ((status = check_period ("metrics", from, to)) != SOT_CLI_EXIT_OK)
    return status;

  path = db != NULL ? g_strdup (db) : db_path != NULL ? g_strdup (db_path) : default_db_path ();
  if (!(store = sot_store_open (path, SOT_STORE_OPEN_READ_ONLY, &error)))
    return failure (error->message);

  options.from = from;
  options.to = to;
  if (!(metrics = sot_metrics_compute (store, &options, &error)))
    return failure (error->message);

  g_string_append_printf (text, "kind: %s\n", sot_store_get_training (store) ? "training" : "real");
  sot_metrics_to_text (metrics, text);
  g_print ("%s", text->str);

  return SOT_CLI_EXIT_OK;
}
