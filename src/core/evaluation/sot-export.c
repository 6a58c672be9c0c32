/* sot-export.c: the pseudonymised, disclosure-controlled dataset export (a Frictionless package)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How it runs: one query per table, streamed. The record-level table is read once into a
 * compact array (codes are pointers to static or reference strings, dates are day numbers),
 * so that k can be computed, and small groups withheld, before anything is written; the other
 * tables are streamed straight to their files, looked up by investigation id in arrays. Then
 * two threads write: this one the record-level table, victim contact and the aggregates, a
 * second one (with its own connection, reading the same state) lines of enquiry, exhibits and
 * devices. Every file goes through a buffered writer whose own thread hashes what it writes,
 * for the manifest (sot-csv-writer.c).
 *
 * This file is the job: the options and the summary, the two threads, the temporary folder
 * and its publication, and the async wrapper. The records are read in sot-export-records.c,
 * the tables written in sot-export-tables.c and sot-export-aggregates.c, and the package
 * described in sot-export-package.c.
 */

#define G_LOG_DOMAIN "sot-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sot-backup.h"
#include "sot-entity.h"
#include "sot-export-private.h"

G_DEFINE_QUARK (sot-export-error-quark, sot_export_error)

/* --- Options and summary --- */

SotExportOptions *
sot_export_options_new (void)
{
  SotExportOptions *options = g_new0 (SotExportOptions, 1);

  options->threshold = SOT_SDC_DEFAULT_THRESHOLD;
  options->key_mode = SOT_PSEUDONYM_KEY_STABLE;

  return options;
}

SotExportOptions *
sot_export_options_copy (const SotExportOptions *options)
{
  SotExportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->from = g_strdup (options->from);
  copy->to = g_strdup (options->to);
  copy->recipient = g_strdup (options->recipient);
  copy->purpose = g_strdup (options->purpose);

  return copy;
}

void
sot_export_options_free (SotExportOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->from);
  g_free (options->to);
  g_free (options->recipient);
  g_free (options->purpose);
  g_free (options);
}

gboolean
sot_export_options_check (const SotExportOptions  *options,
                          gboolean                 for_export,
                          GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (options != NULL, FALSE);

  if (!sot_metrics_check_period (options->from, options->to, &local_error) ||
      !sot_sdc_check_threshold (options->threshold, &local_error))
    {
      g_set_error_literal (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  if (for_export && sot_text_is_blank (options->recipient))
    {
      g_set_error_literal (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_INVALID,
                           _("An export needs its recipient: who will receive the dataset"));
      return FALSE;
    }

  if (for_export && sot_text_is_blank (options->purpose))
    {
      g_set_error_literal (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_INVALID,
                           _("An export needs its purpose: why the dataset is disclosed"));
      return FALSE;
    }

  return TRUE;
}

static void
table_free (gpointer data)
{
  SotExportTable *table = data;

  g_free (table->name);
  g_free (table->path);
  g_free (table->note);
  g_free (table);
}

void
sot_export_summary_free (SotExportSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->package_id);
  g_free (summary->path);
  g_clear_pointer (&summary->tables, g_ptr_array_unref);
  g_free (summary);
}

gint64
sot_export_summary_get_rows (const SotExportSummary *summary,
                             const char             *name)
{
  g_return_val_if_fail (summary != NULL, -1);

  for (guint i = 0; i < summary->tables->len; i++)
    {
      SotExportTable *table = g_ptr_array_index (summary->tables, i);

      if (g_strcmp0 (table->name, name) == 0)
        return table->rows;
    }

  return -1;
}

static void
job_free (Job *job)
{
  if (job == NULL)
    return;

  g_clear_object (&job->store);
  sot_export_options_free (job->options);
  g_free (job->dir);
  if (job->dir_lock >= 0)
    close (job->dir_lock);
  g_clear_pointer (&job->pseudo, sot_pseudonymiser_free);
  g_clear_object (&job->catalogue);
  g_clear_object (&job->cancellable);
  g_free (job->now_text);
  g_clear_pointer (&job->resources, g_ptr_array_unref);
  g_clear_pointer (&job->summary, sot_export_summary_free);
  g_free (job->cases);
  g_free (job->suspects);
  g_free (job->repeat_person);
  g_clear_pointer (&job->rows, g_array_unref);
  g_clear_pointer (&job->notes, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void side_progress (Side *side, double fraction, const char *stage);

void
sot_export_report (Job        *job,
                   double      fraction,
                   const char *stage)
{
  if (job->side_of != NULL)
    side_progress (job->side_of, fraction, stage);
  else if (job->report != NULL)
    job->report (job->report_target, fraction, stage);
}

gboolean
sot_export_check_cancelled (Job     *job,
                            GError **error)
{
  if (job->stop != NULL && g_atomic_int_get (job->stop))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "The other part of the export failed");
      return TRUE;
    }

  return g_cancellable_set_error_if_cancelled (job->cancellable, error);
}

/* --- Lines of enquiry, exhibits and devices, beside the rest --- */

/* These tables need only what read_records() and compute_k() leave in the job, so they are
 * written on a second thread, through a second connection that reads the same state of the
 * workspace (sot_store_begin_read()), while the first writes the others: about a third off an
 * export on two cores. The side job is a shallow copy of the job: it reads the options, the
 * arrays and the records, which nothing changes any more, and has its own store, resources
 * and notes. Its progress is passed on by the main thread, so a caller's callback is only
 * called from the thread that runs the export. */

#define SIDE_FROM  0.40  /* the side's stages report fractions from here… */
#define SIDE_TO    0.75  /* …to here */
#define SIDE_SHARE 0.6   /* the side's share of the work after the records are read */

struct _Side {
  Job         job;
  Job        *main;
  GThread    *thread;
  gboolean    direct;      /* runs in turn, on the main thread */
  GMutex      lock;
  GCond       cond;
  gboolean    done;        /* under lock, as the three below */
  gboolean    ok;
  GError     *error;
  double      fraction;    /* of the side's own work */
  const char *stage;
};

/* Reports, from the main thread, the main part's @main_fraction and the side's together. */
static void
report_both (Job        *job,
             double      main_fraction,
             const char *stage)
{
  Side *side = job->side;
  double side_fraction = 0.0;

  if (side != NULL)
    {
      g_mutex_lock (&side->lock);
      side_fraction = side->fraction;
      if (stage == NULL)
        stage = side->stage;
      g_mutex_unlock (&side->lock);
    }

  sot_export_report (job, 0.35 + 0.60 * ((1.0 - SIDE_SHARE) * main_fraction +
                                         SIDE_SHARE * side_fraction), stage);
}

static void
side_progress (Side       *side,
               double      fraction,
               const char *stage)
{
  double own = CLAMP ((fraction - SIDE_FROM) / (SIDE_TO - SIDE_FROM), 0.0, 1.0);

  g_mutex_lock (&side->lock);
  side->fraction = MAX (side->fraction, own);
  side->stage = stage;
  g_mutex_unlock (&side->lock);

  if (side->direct)
    report_both (side->main, 0.0, stage);
}

static gboolean
side_write (Side    *side,
            GError **error)
{
  Job *job = &side->job;

  sot_export_report (job, 0.40, _("Lines of enquiry"));
  if (!sot_export_write_lines (job, error) || sot_export_check_cancelled (job, error))
    return FALSE;

  sot_export_report (job, 0.60, _("Exhibits and samples"));
  if (!sot_export_write_exhibits (job, error) || sot_export_check_cancelled (job, error))
    return FALSE;

  sot_export_report (job, 0.70, _("Devices"));
  if (!sot_export_write_devices (job, error) || sot_export_check_cancelled (job, error))
    return FALSE;

  sot_export_report (job, SIDE_TO, _("Devices"));
  return TRUE;
}

static gpointer
side_thread (gpointer data)
{
  Side *side = data;
  GError *error = NULL;
  gboolean ok = side_write (side, &error);

  g_mutex_lock (&side->lock);
  side->ok = ok;
  side->error = error;
  side->done = TRUE;
  g_cond_signal (&side->cond);
  g_mutex_unlock (&side->lock);

  return NULL;
}

/* Starts the side part on its own thread through @store, or, without one, runs it now. */
static void
side_start (Job      *job,
            SotStore *store)
{
  Side *side = g_new0 (Side, 1);

  side->job = *job;
  side->job.store = g_object_ref (store != NULL ? store : job->store);
  side->job.resources = g_ptr_array_new_with_free_func (sot_export_resource_free);
  side->job.notes = g_ptr_array_new_with_free_func (g_free);
  side->job.summary = NULL;   /* the main job's alone */
  side->job.pseudo = NULL;    /* not thread-safe; the side only reads keys made already */
  side->job.report = NULL;
  side->job.side = NULL;
  side->job.side_of = side;
  side->job.stop = &job->stop_flag;
  side->main = job;
  g_mutex_init (&side->lock);
  g_cond_init (&side->cond);
  job->side = side;

  if (store != NULL)
    {
      g_autoptr(GError) error = NULL;

      side->thread = g_thread_try_new ("sot-export-side", side_thread, side, &error);
      if (side->thread != NULL)
        return;
      g_debug ("The export runs in turn: %s", error->message);
      g_clear_object (&side->job.store);
      side->job.store = g_object_ref (job->store);
    }

  side->direct = TRUE;
  side->ok = side_write (side, &side->error);
  side->done = TRUE;
}

/* Waits for the side part, reporting its progress, and takes its files into the job's list
 * at @resources_at and its notes at @notes_at. Its error is the export's when @main_ok. */
static gboolean
side_finish (Job      *job,
             gboolean  main_ok,
             guint     resources_at,
             guint     notes_at,
             GError  **error)
{
  Side *side = job->side;
  gboolean ok;

  if (!main_ok)
    g_atomic_int_set (&job->stop_flag, 1);

  if (side->thread != NULL)
    {
      g_mutex_lock (&side->lock);
      while (!side->done)
        {
          gint64 until = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;

          if (!g_cond_wait_until (&side->cond, &side->lock, until) && main_ok)
            {
              g_mutex_unlock (&side->lock);
              report_both (job, 1.0, NULL);
              g_mutex_lock (&side->lock);
            }
        }
      g_mutex_unlock (&side->lock);
      g_thread_join (side->thread);
    }

  ok = main_ok && side->ok;
  if (main_ok && !side->ok)
    g_propagate_error (error, g_steal_pointer (&side->error));

  if (ok)
    {
      for (guint i = 0; side->job.resources->len > 0; i++)
        g_ptr_array_insert (job->resources, resources_at + i,
                            g_ptr_array_steal_index (side->job.resources, 0));
      for (guint i = 0; side->job.notes->len > 0; i++)
        g_ptr_array_insert (job->notes, notes_at + i,
                            g_ptr_array_steal_index (side->job.notes, 0));
    }

  job->side = NULL;
  g_clear_error (&side->error);
  g_clear_object (&side->job.store);
  g_ptr_array_unref (side->job.resources);
  g_ptr_array_unref (side->job.notes);
  g_mutex_clear (&side->lock);
  g_cond_clear (&side->cond);
  g_free (side);

  return ok;
}

/* --- Running --- */

static gboolean
job_run (Job      *job,
         SotStore *side_store,
         GError  **error)
{
  g_autoptr(GDateTime) now = sot_store_now (job->store);
  gint64 today;
  guint resources_at, notes_at;
  gboolean ok;

  job->reference = sot_store_get_reference (job->store);
  job->fictional = sot_store_get_training (job->store);
  job->summary->fictional = job->fictional;
  job->schema_version = sot_store_get_schema_version (job->store);
  job->now_seconds = g_date_time_to_unix (now);
  job->now_text = sot_store_format_time (now);
  if (sot_metrics_day_number (job->now_text, &today))
    job->today = today;
  sot_metrics_period_bounds (job->options->from, job->options->to, job->from_day, job->until_day);
  job->resources = g_ptr_array_new_with_free_func (sot_export_resource_free);
  job->notes = g_ptr_array_new_with_free_func (g_free);
  job->catalogue = sot_forensic_catalogue_load (NULL, NULL);

  job->has_advice = sot_metrics_has_table (job->store, SOT_ENTITY_CPS_EARLY_ADVICE);
  job->has_files = sot_metrics_has_table (job->store, SOT_ENTITY_CPS_CHARGING_FILE);
  job->has_cps = sot_metrics_has_table (job->store, SOT_ENTITY_CPS_DECISION);
  job->has_charges = sot_metrics_has_table (job->store, SOT_ENTITY_CPS_CHARGE);

  sot_export_report (job, 0.0, _("Reading the workspace"));

  if (!sot_export_load_max_ids (job, error) ||
      !sot_export_load_victims (job, error) ||
      !sot_export_load_repeat_persons (job, error) ||
      !sot_export_load_cps (job, error) ||
      sot_export_check_cancelled (job, error) ||
      !sot_export_read_records (job, error))
    return FALSE;

  sot_export_compute_k (job);

  side_start (job, side_store);

  report_both (job, 0.0, _("Writing investigations"));
  ok = sot_export_write_cases (job, error);
  resources_at = job->resources->len;
  notes_at = job->notes->len;

  if (ok)
    {
      report_both (job, 0.3, _("Victim contact"));
      ok = sot_export_write_contacts (job, error) && !sot_export_check_cancelled (job, error);
    }

  if (ok)
    {
      report_both (job, 0.6, _("Aggregate tables"));
      ok = sot_export_write_aggregates (job, error) && !sot_export_check_cancelled (job, error);
    }

  if (!side_finish (job, ok, resources_at, notes_at, error) || !ok)
    return FALSE;

  sot_export_report (job, 0.95, _("Describing the package"));
  if (!sot_export_write_metadata (job, error) || sot_export_check_cancelled (job, error))
    return FALSE;

  for (guint i = 0; i < job->resources->len; i++)
    {
      Resource *r = g_ptr_array_index (job->resources, i);
      SotExportTable *t = g_new0 (SotExportTable, 1);

      t->name = g_strdup (r->name);
      t->path = g_strdup (r->path);
      t->rows = r->rows;
      t->suppressed = r->suppressed;
      t->note = g_strdup (r->note);
      g_ptr_array_add (job->summary->tables, t);
    }

  sot_export_report (job, 1.0, _("Done"));
  return TRUE;
}

/* Reads in one read transaction, so every table comes from the same state of the workspace,
 * on two connections when another one can be had. Inside a caller's transaction, whose changes
 * no other connection sees, everything is read in turn through the caller's. */
static gboolean
job_run_snapshot (Job     *job,
                  GError **error)
{
  g_autoptr(SotStore) reader = NULL;
  const char *path = sot_store_get_path (job->store);
  gboolean ok;

  if (sot_store_in_transaction (job->store))
    return job_run (job, NULL, error);

  if (!g_str_equal (path, ":memory:"))
    {
      g_autoptr(GError) local_error = NULL;

      reader = sot_store_open (path, SOT_STORE_OPEN_NONE, &local_error);
      if (reader == NULL)
        g_debug ("One connection for the export: %s", local_error->message);
    }

  if (reader != NULL)
    {
      SotStore *stores[] = { job->store, reader };

      if (!sot_store_begin_read (stores, G_N_ELEMENTS (stores), error))
        return FALSE;
    }
  else if (!sot_store_begin_read (&job->store, 1, error))
    return FALSE;

  ok = job_run (job, reader, error);

  sot_store_end_read (job->store);
  if (reader != NULL)
    sot_store_end_read (reader);

  return ok;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

/* "out/" names the folder "out": without this, the temporary folder would be made inside it. */
static char *
normalise_target (const char *target)
{
  char *clean = g_strdup (target);
  gsize len = strlen (clean);

  while (len > 1 && G_IS_DIR_SEPARATOR (clean[len - 1]))
    clean[--len] = '\0';

  return clean;
}

GPtrArray *
sot_export_remove_leftovers (const char *target)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (target != NULL, g_ptr_array_new_with_free_func (g_free));

  clean = normalise_target (target);
  return sot_partial_remove_stale (clean);
}

/* Checks @target and makes the temporary sibling folder the package is written into, locked
 * as long as the job lives so that another export does not take it for a leftover. */
static gboolean
prepare_target (Job         *job,
                const char  *target,
                GError     **error)
{
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDir) dir = NULL;

      if (!g_file_test (target, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_TARGET_EXISTS,
                       _("%s exists and is not a folder: choose a new or empty folder"), target);
          return FALSE;
        }

      dir = g_dir_open (target, 0, NULL);
      if (dir == NULL || g_dir_read_name (dir) != NULL)
        {
          g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_TARGET_EXISTS,
                       _("The folder %s is not empty: choose a new or empty folder, so that no "
                         "file of another export is mixed with this one"), target);
          return FALSE;
        }
    }

  parent = g_path_get_dirname (target);
  base = g_path_get_basename (target);

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot create the folder %s: %s"), parent, g_strerror (saved_errno));
      return FALSE;
    }

  template = g_strdup_printf ("%s/.%s.partial-XXXXXX", parent, base);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot create a folder beside %s: %s"), target, g_strerror (saved_errno));
      return FALSE;
    }

  job->dir_lock = g_open (template, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (job->dir_lock >= 0)
    flock (job->dir_lock, LOCK_EX | LOCK_NB);
  job->dir = g_steal_pointer (&template);

  /* Leftovers of killed exports beside the target go (an export with notes calls
   * sot_export_remove_leftovers() itself first). */
  g_ptr_array_unref (sot_export_remove_leftovers (target));
  return TRUE;
}

static Job *
job_new (SotStore               *store,
         const SotExportOptions *options,
         gboolean                preview,
         GCancellable           *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->dir_lock = -1;
  job->store = store != NULL ? g_object_ref (store) : NULL;
  job->options = sot_export_options_copy (options);
  job->preview = preview;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->summary = g_new0 (SotExportSummary, 1);
  job->summary->tables = g_ptr_array_new_with_free_func (table_free);
  job->summary->package_id = g_uuid_string_random ();
  job->summary->threshold = options->threshold;
  job->summary->round5 = options->round5;
  job->summary->key_mode = options->key_mode;

  return job;
}

/* Writes the package into the job's temporary folder (made here); on failure removes it. */
static gboolean
job_write (Job        *job,
           const char *db_path,
           GError    **error)
{
  if (!(job->pseudo = sot_pseudonymiser_new (db_path, job->options->key_mode,
                                             job->options->recipient, error)))
    return FALSE;
  job->summary->key_created = sot_pseudonymiser_get_key_created (job->pseudo);

  if (!job_run_snapshot (job, error))
    {
      remove_tree (job->dir);
      return FALSE;
    }

  return TRUE;
}

/* The end of every export, on the caller's store: the audit row and the rename in one
 * transaction, so that a package exists exactly when its disclosure is recorded. */
static gboolean
publish (SotStore          *store,
         Job               *job,
         const char        *target,
         GError           **error)
{
  g_autofree char *recipient = g_strstrip (g_strdup (job->options->recipient));
  g_autofree char *purpose = g_strstrip (g_strdup (job->options->purpose));

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    {
      remove_tree (job->dir);
      return FALSE;
    }

  if (!sot_store_begin (store, error))
    {
      remove_tree (job->dir);
      return FALSE;
    }

  if (!sot_store_audit (store, SOT_AUDIT_DISCLOSE, SOT_ENTITY_DATASET_EXPORT,
                        job->summary->package_id, purpose, recipient, error))
    {
      sot_store_rollback (store);
      remove_tree (job->dir);
      return FALSE;
    }

  /* An empty target folder is replaced by the package. */
  if (g_file_test (target, G_FILE_TEST_IS_DIR))
    g_rmdir (target);

  if (g_rename (job->dir, target) != 0)
    {
      int saved_errno = errno;

      sot_store_rollback (store);
      remove_tree (job->dir);
      g_set_error (error, SOT_EXPORT_ERROR,
                   saved_errno == EEXIST || saved_errno == ENOTEMPTY
                   ? SOT_EXPORT_ERROR_TARGET_EXISTS : SOT_EXPORT_ERROR_FAILED,
                   _("Cannot move the package into %s: %s"), target, g_strerror (saved_errno));
      return FALSE;
    }

  if (!sot_store_commit (store, error))
    {
      /* Not recorded, so not disclosed: take the package back. */
      remove_tree (target);
      return FALSE;
    }

  job->summary->path = g_strdup (target);
  return TRUE;
}

typedef struct {
  SotExportProgress func;
  gpointer          data;
} DirectProgress;

static void
report_sync (gpointer    target,
             double      fraction,
             const char *stage)
{
  DirectProgress *progress = target;

  progress->func (fraction, stage, progress->data);
}

gboolean
sot_export_run (SotStore                *store,
                const char              *target,
                const SotExportOptions  *options,
                SotExportProgress        progress,
                gpointer                 user_data,
                GCancellable            *cancellable,
                SotExportSummary       **out_summary,
                GError                 **error)
{
  g_autoptr(Job) job = NULL;
  g_autofree char *clean_target = NULL;
  DirectProgress direct = { progress, user_data };

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean_target = normalise_target (target);
  target = clean_target;

  if (!sot_export_options_check (options, TRUE, error))
    return FALSE;

  job = job_new (store, options, FALSE, cancellable);
  if (progress != NULL)
    {
      job->report = report_sync;
      job->report_target = &direct;
    }

  if (!sot_backup_check_integrity (store, error) ||
      !prepare_target (job, target, error))
    return FALSE;

  if (!job_write (job, sot_store_get_path (store), error))
    return FALSE;

  if (!publish (store, job, target, error))
    return FALSE;

  if (out_summary != NULL)
    *out_summary = g_steal_pointer (&job->summary);

  return TRUE;
}

SotExportSummary *
sot_export_preview (SotStore                *store,
                    const SotExportOptions  *options,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_autoptr(Job) job = NULL;
  g_autoptr(SotExportOptions) copy = NULL;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!sot_export_options_check (options, FALSE, error))
    return NULL;

  /* A preview writes nothing, a key file included. */
  copy = sot_export_options_copy (options);
  copy->key_mode = SOT_PSEUDONYM_KEY_FRESH;
  job = job_new (store, copy, TRUE, cancellable);
  job->summary->key_mode = options->key_mode;

  if (!job_write (job, sot_store_get_path (store), error))
    return NULL;

  return g_steal_pointer (&job->summary);
}

/* --- Async --- */

typedef struct {
  Job               *job;
  char              *db_path;
  char              *target;
  SotExportProgress  progress;
  gpointer           progress_data;
  GMainContext      *context;
  gint               finished;    /* atomic: no progress is delivered after the end */
  gint               ref_count;
} AsyncData;

static AsyncData *
async_data_ref (AsyncData *data)
{
  g_atomic_int_inc (&data->ref_count);
  return data;
}

static void
async_data_unref (gpointer user_data)
{
  AsyncData *data = user_data;

  if (!g_atomic_int_dec_and_test (&data->ref_count))
    return;

  job_free (data->job);
  g_free (data->db_path);
  g_free (data->target);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct {
  AsyncData *data;
  double     fraction;
  char      *stage;
} ProgressMessage;

static void
progress_message_free (gpointer user_data)
{
  ProgressMessage *message = user_data;

  async_data_unref (message->data);
  g_free (message->stage);
  g_free (message);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressMessage *message = user_data;

  if (!g_atomic_int_get (&message->data->finished) && message->data->progress != NULL)
    message->data->progress (message->fraction, message->stage, message->data->progress_data);

  return G_SOURCE_REMOVE;
}

static void
report_async (gpointer    target,
              double      fraction,
              const char *stage)
{
  AsyncData *data = target;
  ProgressMessage *message;

  if (data->progress == NULL)
    return;

  message = g_new0 (ProgressMessage, 1);
  message->data = async_data_ref (data);
  message->fraction = fraction;
  message->stage = g_strdup (stage);
  /* Always through a source on the caller's context: g_main_context_invoke() would run the
   * callback right here, in the worker thread, whenever it can acquire that context. */
  {
    g_autoptr(GSource) source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, deliver_progress, message, progress_message_free);
    g_source_set_static_name (source, "[soteria] export progress");
    g_source_attach (source, data->context);
  }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr(SotStore) reader = NULL;
  GError *error = NULL;

  /* A SQLite connection must not be shared across threads: this thread reads through its
   * own connection to the same file. */
  if (!(reader = sot_store_open (data->db_path, SOT_STORE_OPEN_NONE, &error)) ||
      !sot_backup_check_integrity (reader, &error))
    {
      remove_tree (data->job->dir);
      g_task_return_error (task, error);
      return;
    }

  g_clear_object (&data->job->store);
  data->job->store = g_steal_pointer (&reader);

  if (!job_write (data->job, data->db_path, &error))
    {
      g_clear_object (&data->job->store);
      g_task_return_error (task, error);
      return;
    }

  /* The reader goes with the thread; the caller's store publishes. */
  g_clear_object (&data->job->store);
  g_task_return_boolean (task, TRUE);
}

void
sot_export_run_async (SotStore                *store,
                      const char              *target,
                      const SotExportOptions  *options,
                      SotExportProgress        progress,
                      gpointer                 progress_data,
                      GCancellable            *cancellable,
                      GAsyncReadyCallback      callback,
                      gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  AsyncData *data;

  g_return_if_fail (SOT_IS_STORE (store));
  g_return_if_fail (target != NULL);
  g_return_if_fail (options != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sot_export_run_async);
  /* The audit row and the rename happen in _finish's caller context, so a cancellation after
   * the thread finished is checked there, not lost. */
  g_task_set_check_cancellable (task, FALSE);

  if (!sot_export_options_check (options, TRUE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_str_equal (sot_store_get_path (store), ":memory:"))
    {
      g_task_return_new_error (task, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_INVALID,
                               _("An in-memory workspace cannot be exported in the background"));
      return;
    }

  data = g_new0 (AsyncData, 1);
  data->ref_count = 1;
  data->job = job_new (NULL, options, FALSE, cancellable);
  data->db_path = g_strdup (sot_store_get_path (store));
  data->target = normalise_target (target);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  data->job->report = report_async;
  data->job->report_target = data;
  g_task_set_task_data (task, data, async_data_unref);

  if (!prepare_target (data->job, data->target, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

SotExportSummary *
sot_export_run_finish (SotStore      *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  AsyncData *data;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (data != NULL)
    g_atomic_int_set (&data->finished, TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  if (!publish (store, data->job, data->target, error))
    return NULL;

  return g_steal_pointer (&data->job->summary);
}

