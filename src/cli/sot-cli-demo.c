/* sot-cli-demo.c: `soteria-cli demo`, a new workspace filled with fictional training cases
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#ifdef G_OS_UNIX
#include <glib-unix.h>
#include <signal.h>
#endif

#include "sot-backup.h"
#include "sot-cli.h"
#include "sot-cli-demo.h"
#include "sot-cli-private.h"
#include "sot-generator.h"
#include "sot-person.h"
#include "sot-store.h"
#include "sot-time.h"

/* Large enough for any training room and for the benchmark; a typo of extra zeros is refused
 * rather than left to fill the disk. */
#define MAX_INVESTIGATIONS 1000000
#define DEFAULT_SEED 1

typedef struct {
  gboolean interactive;
  gboolean shown;
} Progress;

static void
demo_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  Progress *progress = user_data;

  if (!progress->interactive)
    return;

  /* TRANSLATORS: progress of `soteria-cli demo`, redrawn on one terminal line */
  /* The carriage return stays out of the message, which translators should not see. */
  g_printerr ("\r");
  g_printerr (_("Making fictional investigations: %u of %u"), done, total);
  progress->shown = TRUE;
}

/* A workspace with any case in it is not "new": demo data must never mix with real cases. */
static gboolean
check_workspace_empty (SotStore  *store,
                       GError   **error)
{
  static const char * const tables[] = {
    "investigation", "victim", "suspect", "suspect_person", "witness", "deadline",
  };
  gint64 investigations = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 n = sot_store_count (store, tables[i], error);

      if (n < 0)
        return FALSE;

      if (i == 0)
        investigations = n;

      if (n > 0)
        {
          g_set_error (error, SOT_CLI_ERROR, SOT_CLI_ERROR_FAILED,
                       _("The workspace %s is not empty (it holds %lld investigations): demo fills "
                         "only a new workspace, so that fictional cases never mix with real ones. "
                         "Choose another --db path."),
                       sot_store_get_path (store), (long long) investigations);
          return FALSE;
        }
    }

  return TRUE;
}

/* Removes a workspace file this run created, with SQLite's companion files. */
static void
remove_created_workspace (const char *path)
{
  static const char * const suffixes[] = {
    "", "-wal", "-shm", "-journal", ".anchor", ".anchor.new",
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
fill_demo (SotStore      *store,
           guint          n_investigations,
           guint64        seed,
           const GDate   *today,
           Progress      *progress,
           GCancellable  *cancellable,
           GError       **error)
{
  /* One transaction around the emptiness check, the marking and the cases: nothing can be
   * written between the check and the fill, and a failure leaves the workspace as it was. */
  if (!sot_store_begin (store, error))
    return FALSE;

  if (!check_workspace_empty (store, error) ||
      !sot_store_mark_training (store, error) ||
      !sot_generator_fill (store, n_investigations, seed, today,
                           demo_progress_cb, progress, cancellable, error))
    {
      sot_store_rollback (store);
      return FALSE;
    }

  return sot_store_commit (store, error);
}

typedef struct {
  SotStore  *store;
  guint      n_investigations;
  guint64    seed;
  GDate      today;
  gboolean   has_today;
  Progress  *progress;
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} DemoJob;

/* The store is used by this thread alone until it is done; the main thread only waits. */
static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoJob *job = task_data;
  GError *error = NULL;

  if (fill_demo (job->store, job->n_investigations, job->seed,
                 job->has_today ? &job->today : NULL, job->progress, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
demo_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DemoJob *job = user_data;

  job->ok = g_task_propagate_boolean (G_TASK (result), &job->error);
  g_main_loop_quit (job->loop);
}

#ifdef G_OS_UNIX
static gboolean
interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return G_SOURCE_CONTINUE;
}
#endif

/* Fills in a worker thread, so that Ctrl+C (or SIGTERM) cancels the run and the transaction
 * is rolled back, instead of killing the process in the middle of it. */
static gboolean
fill_demo_interruptible (SotStore     *store,
                         guint         n_investigations,
                         guint64       seed,
                         const GDate  *today,
                         Progress     *progress,
                         GError      **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GTask) task = NULL;
  DemoJob job = { 0 };
#ifdef G_OS_UNIX
  guint sigint_id = g_unix_signal_add (SIGINT, interrupted_cb, cancellable);
  guint sigterm_id = g_unix_signal_add (SIGTERM, interrupted_cb, cancellable);
#endif

  job.store = store;
  job.n_investigations = n_investigations;
  job.seed = seed;
  job.has_today = today != NULL;
  if (today != NULL)
    job.today = *today;
  job.progress = progress;
  job.loop = loop;

  task = g_task_new (NULL, cancellable, demo_done_cb, &job);
  /* A cancellation that comes after the commit must not hide that the cases were written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, &job, NULL);
  g_task_run_in_thread (task, demo_thread);
  g_clear_object (&task);

  g_main_loop_run (loop);

#ifdef G_OS_UNIX
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
#endif

  if (!job.ok)
    {
      if (g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_set_error_literal (error, SOT_CLI_ERROR, SOT_CLI_ERROR_FAILED,
                               _("Interrupted: no investigation was written"));
          g_clear_error (&job.error);
        }
      else
        g_propagate_error (error, g_steal_pointer (&job.error));
      return FALSE;
    }

  return TRUE;
}

/* The summary line, computed while @store is open and printed once the file is in place. */
static char *
format_demo_summary (SotStore     *store,
                     const char   *path,
                     guint         n_investigations,
                     guint64       seed,
                     const GDate  *today,
                     GError      **error)
{
  g_autofree char *today_text = NULL;
  gint64 victims, suspects, witnesses, repeats;

  if ((victims = sot_store_count (store, "victim", error)) < 0 ||
      (suspects = sot_store_count (store, "suspect", error)) < 0 ||
      (witnesses = sot_store_count (store, "witness", error)) < 0 ||
      (repeats = sot_person_count_repeat_suspects (store, error)) < 0)
    return NULL;

  if (today != NULL)
    today_text = sot_date_format (today);
  else
    {
      g_autoptr(GDateTime) now = sot_store_now (store);
      GDate day;

      sot_date_from_time (now, &day);
      today_text = sot_date_format (&day);
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Made %u fictional investigation in the training "
                                       "workspace %s (seed %llu, up to %s): %lld victims, %lld "
                                       "suspects (%lld repeat suspects), %lld witnesses.\n",
                                       "Made %u fictional investigations in the training "
                                       "workspace %s (seed %llu, up to %s): %lld victims, %lld "
                                       "suspects (%lld repeat suspects), %lld witnesses.\n",
                                       n_investigations),
                          n_investigations, path, (unsigned long long) seed, today_text,
                          (long long) victims, (long long) suspects, (long long) repeats,
                          (long long) witnesses);
}

/* What one run makes, once the options are parsed. */
typedef struct {
  char     *path;
  guint     n_investigations;
  guint64   seed;
  GDate     today;
  gboolean  has_today;
} DemoRequest;

static void
demo_request_clear (DemoRequest *request)
{
  g_clear_pointer (&request->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoRequest, demo_request_clear)

/* Fills the open @store and prints the summary naming @path; on failure the transaction was
 * rolled back. */
static char *
fill_and_summarise (SotStore           *store,
                    const DemoRequest  *request,
                    GError            **error)
{
  Progress progress = { 0 };
  const GDate *today = request->has_today ? &request->today : NULL;
  gboolean ok;

  progress.interactive = isatty (STDERR_FILENO);
  ok = fill_demo_interruptible (store, request->n_investigations, request->seed, today,
                                &progress, error);
  if (progress.shown)
    g_printerr ("\n");

  if (!ok)
    return NULL;

  return format_demo_summary (store, request->path, request->n_investigations, request->seed,
                              today, error);
}

/* An existing file takes demo data only when it is an empty training workspace; the emptiness
 * is checked again inside the fill's transaction. */
static gboolean
demo_into_existing (const DemoRequest  *request,
                    GError            **error)
{
  g_autoptr(SotStore) store = NULL;
  g_autofree char *summary = NULL;

  if (!(store = sot_store_open (request->path, SOT_STORE_OPEN_NONE, error)))
    return FALSE;

  if (!sot_store_get_training (store))
    {
      g_set_error (error, SOT_CLI_ERROR, SOT_CLI_ERROR_FAILED,
                   _("The workspace %s holds real data: demo fills only a new file or an empty "
                     "training workspace, so that fictional cases never mix with real ones. "
                     "Choose another --db path."),
                   request->path);
      return FALSE;
    }

  if (!(summary = fill_and_summarise (store, request, error)))
    return FALSE;

  g_print ("%s", summary);
  return TRUE;
}

/* A run killed with SIGKILL leaves its PATH.partial-demo behind: it is removed by the next run,
 * unless a running demo still holds its lock. */
static gboolean
remove_stale_partial (const char  *partial,
                      GError     **error)
{
  int fd;

  if (!g_file_test (partial, G_FILE_TEST_EXISTS))
    {
      remove_created_workspace (partial);
      return TRUE;
    }

  fd = g_open (partial, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
    {
      close (fd);
      g_set_error (error, SOT_CLI_ERROR, SOT_CLI_ERROR_FAILED,
                   _("Another soteria-cli demo is filling %s; wait until it has finished"),
                   partial);
      return FALSE;
    }

  remove_created_workspace (partial);
  if (fd >= 0)
    close (fd);

  g_printerr (_("soteria-cli: removed an unfinished demo workspace %s (left by a run that was "
                "stopped)\n"), partial);
  return TRUE;
}

/* A new file is made as PATH.partial-demo and renamed to PATH only once it is complete, so that
 * no kill leaves a workspace at PATH that looks real. */
static gboolean
demo_into_new (const DemoRequest  *request,
               GError            **error)
{
  g_autofree char *partial = g_strconcat (request->path, ".partial-demo", NULL);
  g_autofree char *wal = g_strconcat (partial, "-wal", NULL);
  g_autofree char *summary = NULL;
  g_autoptr(SotStore) store = NULL;
  gboolean ok = FALSE;
  int lock_fd = -1;

  if (!remove_stale_partial (partial, error) ||
      !(store = sot_store_open (partial, SOT_STORE_OPEN_CREATE, error)))
    return FALSE;

  /* flock() does not mix with SQLite's fcntl() locks; the descriptor stays open until the store
   * is closed, as closing it earlier would drop SQLite's locks. */
  lock_fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0);
  if (lock_fd >= 0)
    flock (lock_fd, LOCK_EX | LOCK_NB);

  summary = fill_and_summarise (store, request, error);

  /* Closing the last connection checkpoints the WAL into the file and removes it. */
  g_clear_object (&store);

  if (summary != NULL && g_file_test (wal, G_FILE_TEST_EXISTS))
    g_set_error (error, SOT_CLI_ERROR, SOT_CLI_ERROR_FAILED,
                 _("The demo workspace %s could not be completed (its journal was not merged)"),
                 partial);
  else if (summary != NULL)
    ok = sot_workspace_move_into_place (partial, request->path, error);

  if (!ok)
    remove_created_workspace (partial);
  if (lock_fd >= 0)
    close (lock_fd);

  if (ok)
    g_print ("%s", summary);
  return ok;
}

gboolean
sot_cli_demo (const char  *global_db,
              int          argc,
              char       **argv,
              GError     **error)
{
  const char *command = "demo";
  g_autofree char *db = NULL;
  g_autofree char *n_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *training_path = g_build_filename (g_get_user_data_dir (), "soteria-workbench",
                                                     "training.db", NULL);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(DemoRequest) request = { 0 };
  gboolean help = FALSE;
  guint64 n_investigations = 0;
  guint64 seed = DEFAULT_SEED;
  const GOptionEntry entries[] = {
    { "investigations", 'n', 0, G_OPTION_ARG_STRING, &n_text,
      N_("How many investigations to make (1 to 1000000); required"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the generator (default 1): the same seed and day give the same cases"),
      N_("S") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the cases run back from (default: today)"), N_("YYYY-MM-DD") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The workspace to create (default: the training workspace)"), N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  description = g_strdup_printf (_("The new workspace is marked as fictional training data. "
                                    "Without --db it is the training workspace %s, never the "
                                    "real one. An existing file is refused unless it is an empty "
                                    "training workspace. All cases are written in one "
                                    "transaction, into PATH.partial-demo, renamed to PATH when "
                                    "complete: if the run fails or is killed, no workspace is "
                                    "left behind (the next run removes what a killed one left)."),
                                 training_path);
  context = sot_cli_command_context (command, entries, description);

  if (!sot_cli_parse_options (context, command, &argc, &argv, error))
    return FALSE;

  if (help)
    {
      sot_cli_print_help (context);
      return TRUE;
    }

  if (!sot_cli_refuse_extra_arguments (command, argc, argv, error))
    return FALSE;

  if (n_text == NULL)
    {
      sot_cli_set_usage_error (error, command, _("demo needs --investigations N"));
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (n_text, 10, 1, MAX_INVESTIGATIONS, &n_investigations, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("--investigations takes a whole number from 1 to %d, not “%s”"),
                         MAX_INVESTIGATIONS, n_text);

      sot_cli_set_usage_error (error, command, message);
      return FALSE;
    }

  if (seed_text != NULL &&
      !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("--seed takes a whole number from 0 to %llu, not “%s”"),
                         (unsigned long long) G_MAXUINT64, seed_text);

      sot_cli_set_usage_error (error, command, message);
      return FALSE;
    }

  if (today_text != NULL && !sot_date_parse (today_text, &request.today, &local_error))
    {
      g_autofree char *message = g_strdup_printf ("--today: %s", local_error->message);

      sot_cli_set_usage_error (error, command, message);
      return FALSE;
    }

  /* Without a --db, demo data go to the training workspace, never to the real one. */
  if (db == NULL && global_db == NULL)
    request.path = g_steal_pointer (&training_path);
  else if (!sot_cli_resolve_db (command, db, global_db, &request.path, error))
    return FALSE;

  request.n_investigations = (guint) n_investigations;
  request.seed = seed;
  request.has_today = today_text != NULL;

  if (g_file_test (request.path, G_FILE_TEST_EXISTS))
    return demo_into_existing (&request, error);

  return demo_into_new (&request, error);
}
