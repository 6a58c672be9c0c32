/* sot-export.c: the pseudonymised, disclosure-controlled dataset export (a Frictionless Data Package)
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
 * for the manifest. All the SQL that reads a table is in the function that writes that
 * table's file: adjust it there when a migration changes.
 */

#define G_LOG_DOMAIN "sot-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sot-cps.h"
#include "sot-export.h"
#include "sot-forensic-catalogue.h"
#include "sot-line-of-enquiry.h"
#include "sot-metrics.h"
#include "sot-reference.h"
#include "sot-time.h"
#include "sot-victim-contact.h"

#define NO_DAY G_MININT32
#define NO_ROW G_MAXUINT32
#define FLUSH_SIZE (256 * 1024)
#define CHECK_EVERY 4096

G_DEFINE_QUARK (sot-export-error-quark, sot_export_error)

/* --- Code lists --- */

static const char * const sexes[] = { "female", "male", "other", "unknown", NULL };
static const char * const relationships[] = {
  "stranger", "family", "acquaintance", "intimate", "other", "unknown", NULL
};
static const char * const statuses[] = { "open", "with-cps", "charged", "finalised", NULL };
static const char * const age_bands[] = { "<18", "18-25", "26-40", "41+", "unknown", NULL };
static const char * const wide_age_bands[] = { "<18", "18-40", "41+", "unknown", NULL };
static const char * const interval_bands[] = {
  "same-day", "1-2", "3-10", "11-100", ">100", "unknown", NULL
};
static const char * const outcome_groups[] = {
  SOT_OUTCOME_GROUP_CHARGED, SOT_OUTCOME_GROUP_OTHER_SANCTION,
  SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED, SOT_OUTCOME_GROUP_EVIDENTIAL_VICTIM,
  SOT_OUTCOME_GROUP_EVIDENTIAL_INVESTIGATION, SOT_OUTCOME_GROUP_TRANSFERRED,
  SOT_OUTCOME_GROUP_UNKNOWN, NULL
};
static const char * const sampled_from_values[] = { "complainant", "suspect", NULL };
static const char * const retentions[] = { "retain", "dispose", "return-to-owner", NULL };
static const char * const owner_roles[] = { "victim", "witness", "suspect", NULL };
static const char * const legal_bases[] = {
  "pcsc-s37-agreement", "pcsc-s41", "seizure-power", "other", NULL
};
static const char * const extraction_levels[] = {
  "none", "selective", "logical", "file-system", "physical", "other", NULL
};

/* The canonical (static) string equal to @value in @list, or %NULL: rows keep pointers. */
static const char *
canon (const char         *value,
       const char * const *list)
{
  if (value == NULL)
    return NULL;

  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (value, list[i]) == 0)
      return list[i];

  return NULL;
}

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

/* --- Resources: what datapackage.json says of each file --- */

typedef struct {
  char     *name;
  char     *type;
  char     *description;
  char     *unit;
  char     *pattern;
  GStrv     enum_values;
  gboolean  required;
  gboolean  has_minimum;
  gint64    minimum;
} Field;

typedef struct {
  GStrv  fields;
  char  *resource;
  GStrv  ref_fields;
} ForeignKey;

typedef struct {
  char      *name;
  char      *path;
  char      *title;
  char      *description;
  GPtrArray *fields;        /* Field */
  GStrv      primary_key;
  GPtrArray *foreign_keys;  /* ForeignKey */
  gint64     rows;
  gint64     bytes;
  char      *sha256;
  guint      suppressed;
  char      *note;
  gboolean   aggregate;
} Resource;

static void
field_free (gpointer data)
{
  Field *f = data;

  g_free (f->name);
  g_free (f->type);
  g_free (f->description);
  g_free (f->unit);
  g_free (f->pattern);
  g_strfreev (f->enum_values);
  g_free (f);
}

static void
foreign_key_free (gpointer data)
{
  ForeignKey *fk = data;

  g_strfreev (fk->fields);
  g_free (fk->resource);
  g_strfreev (fk->ref_fields);
  g_free (fk);
}

static void
resource_free (gpointer data)
{
  Resource *r = data;

  g_free (r->name);
  g_free (r->path);
  g_free (r->title);
  g_free (r->description);
  g_ptr_array_unref (r->fields);
  g_strfreev (r->primary_key);
  g_ptr_array_unref (r->foreign_keys);
  g_free (r->sha256);
  g_free (r->note);
  g_free (r);
}

static Field *
add_field (Resource           *r,
           const char         *name,
           const char         *type,
           const char         *description,
           const char * const *enum_values)
{
  Field *f = g_new0 (Field, 1);

  f->name = g_strdup (name);
  f->type = g_strdup (type);
  f->description = g_strdup (description);
  f->enum_values = enum_values != NULL ? g_strdupv ((char **) enum_values) : NULL;
  g_ptr_array_add (r->fields, f);

  return f;
}

static Field *
add_count_field (Resource   *r,
                 const char *name,
                 const char *description,
                 const char *unit)
{
  Field *f = add_field (r, name, "integer", description, NULL);

  f->has_minimum = TRUE;
  f->minimum = 0;
  f->unit = g_strdup (unit);
  return f;
}

static Field *
add_key_field (Resource   *r,
               const char *name,
               const char *description,
               gboolean    required)
{
  Field *f = add_field (r, name, "string", description, NULL);

  f->pattern = g_strdup ("^[0-9a-f]{32}$");
  f->required = required;
  return f;
}

static void
add_case_foreign_key (Resource *r)
{
  ForeignKey *fk = g_new0 (ForeignKey, 1);
  const char *fields[] = { "case_key", NULL };

  fk->fields = g_strdupv ((char **) fields);
  fk->resource = g_strdup ("cases");
  fk->ref_fields = g_strdupv ((char **) fields);
  g_ptr_array_add (r->foreign_keys, fk);
}

/* --- The job --- */

/* One record of the record-level table: an investigation × a suspect (or no suspect). */
typedef struct {
  gint64      inv_id;
  gint64      suspect_id;          /* 0: no suspect recorded */
  guint       suspect_number;      /* 0: none; 1, 2, … in the order recorded */
  char        case_key[SOT_PSEUDONYM_LENGTH + 1];
  char        suspect_key[SOT_PSEUDONYM_LENGTH + 1];
  char        month[8];            /* "YYYY-MM" of the report */
  const char *offence_type;
  const char *status;
  const char *outcome_code;
  const char *outcome_group;
  const char *relationship;
  const char *victim_sex;
  const char *suspect_sex;
  const char *suspect_ethnicity;
  int         victim_age;          /* -1 unknown */
  int         suspect_age;
  gint32      offence_day;
  gint32      report_day;
  gint32      outcome_day;
  gint8       repeat;              /* -1: no suspect */
  guint8      missing;
} CaseRow;

/* Per investigation (indexed by id): what other tables add to the record-level table. */
typedef struct {
  guint32     first_row;           /* into rows; NO_ROW when not in the cohort */
  guint8      state;               /* 0 not exported, 1 exported, 2 withheld */
  const char *victim_sex;
  const char *victim_ethnicity;
  gint16      victim_age;
  gint8       victim_enhanced;     /* -1 no victim */
  gint32      advice_requested;    /* first request: day number */
  gint32      advice_given;        /* its answer */
  gint32      first_file;          /* first charging file */
  gint32      case_charge;         /* first charge recorded without a suspect */
  gint64      offence_from;        /* seconds since 1970 UTC; G_MININT64 when unreadable */
  gint64      offence_until;       /* the end of the offence period, or offence_from */
} CaseInfo;

/* Per suspect (indexed by id). */
typedef struct {
  guint16     number;
  gint8       decision;            /* SotCpsDecision of the latest decision; -1 none */
  gint32      decided;
  gint32      charged;
} SuspectInfo;

typedef void (*ReportFunc) (gpointer job, double fraction, const char *stage);

typedef struct _Side Side;

typedef struct {
  SotStore             *store;
  SotExportOptions     *options;
  gboolean              preview;
  char                 *dir;
  SotPseudonymiser     *pseudo;
  SotReference         *reference;
  SotForensicCatalogue *catalogue;
  GCancellable         *cancellable;
  ReportFunc            report;
  gpointer              report_target;
  gboolean              fictional;
  int                   schema_version;
  char                  from_day[11];
  char                  until_day[11];
  gint64                today;
  gint64                now_seconds;
  char                 *now_text;

  GPtrArray            *resources;
  SotExportSummary     *summary;

  gint64                max_inv_id;
  gint64                max_suspect_id;
  CaseInfo             *cases;
  SuspectInfo          *suspects;
  guint8               *repeat_person;
  gint64                max_person_id;
  GArray               *rows;
  guint                 n_rows_done;

  gboolean              has_cps;
  gboolean              has_advice;
  gboolean              has_files;
  gboolean              has_charges;
  GPtrArray            *notes;

  Side                 *side;       /* the main job: the side part while it runs */
  Side                 *side_of;    /* a side job: the part it is */
  gint                 *stop;       /* a side job: set (atomic) when the main part failed */
  gint                  stop_flag;
} Job;

static void
job_free (Job *job)
{
  if (job == NULL)
    return;

  g_clear_object (&job->store);
  sot_export_options_free (job->options);
  g_free (job->dir);
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

static void
report (Job        *job,
        double      fraction,
        const char *stage)
{
  if (job->side_of != NULL)
    side_progress (job->side_of, fraction, stage);
  else if (job->report != NULL)
    job->report (job->report_target, fraction, stage);
}

static gboolean
check_cancelled (Job     *job,
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

static gboolean
sql_failed (Job         *job,
            sqlite3_stmt *stmt,
            GError     **error)
{
  sot_store_set_sqlite_error (job->store, error, _("Cannot read the workspace for the export"));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return FALSE;
}

static const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static gint32
col_day (sqlite3_stmt *stmt,
         int           col)
{
  gint64 day;

  if (sot_metrics_day_number (col_text (stmt, col), &day))
    return (gint32) day;

  return NO_DAY;
}

/* Prepares a statement with the period bound to ?1 and ?2. */
static sqlite3_stmt *
prepare (Job         *job,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = sot_store_prepare (job->store, sql, error);

  if (stmt != NULL && sqlite3_bind_parameter_count (stmt) >= 2)
    {
      sqlite3_bind_text (stmt, 1, job->from_day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, job->until_day, -1, SQLITE_TRANSIENT);
    }

  return stmt;
}

static void
add_note (Job        *job,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (Job        *job,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (job->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* --- CSV: RFC 4180, UTF-8, CRLF; hashed while written --- */

/* Hashing and writing take about a quarter of an export, so each file has a writer thread:
 * the export fills one buffer while the writer hashes and writes the one before. Three
 * buffers go round, which bounds the memory and makes the export wait when the disk does. */
#define N_BUFFERS 3

typedef struct {
  Job         *job;
  Resource    *resource;
  int          fd;
  GString     *buf;      /* being filled */
  GChecksum   *sha;      /* the writer's while it runs */
  gboolean     first;
  GThread     *writer;
  GAsyncQueue *full;     /* buffers to hash and write; the Csv itself ends the file */
  GAsyncQueue *empty;    /* buffers written, to fill again */
  int          write_errno;
} Csv;

static gpointer
csv_writer (gpointer data)
{
  Csv *csv = data;
  gpointer item;

  while ((item = g_async_queue_pop (csv->full)) != csv)
    {
      GString *buf = item;
      const char *p = buf->str;
      gsize left = buf->len;

      if (g_atomic_int_get (&csv->write_errno) == 0)
        {
          g_checksum_update (csv->sha, (const guchar *) p, left);

          while (csv->fd >= 0 && left > 0)
            {
              gssize n = write (csv->fd, p, left);

              if (n < 0 && errno == EINTR)
                continue;
              if (n < 0)
                {
                  g_atomic_int_set (&csv->write_errno, errno);
                  break;
                }
              p += n;
              left -= n;
            }
        }

      g_string_truncate (buf, 0);
      g_async_queue_push (csv->empty, buf);
    }

  return NULL;
}

static gboolean
csv_write_failed (Csv     *csv,
                  GError **error)
{
  int saved_errno = g_atomic_int_get (&csv->write_errno);

  if (saved_errno == 0)
    return FALSE;

  g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
               _("Cannot write %s: %s"), csv->resource->path, g_strerror (saved_errno));
  return TRUE;
}

static gboolean csv_close (Csv *csv, GError **error);

/* Hands the filled buffer to the writer and takes an empty one. */
static gboolean
csv_flush (Csv     *csv,
           GError **error)
{
  if (csv->buf->len == 0)
    return TRUE;

  if (csv_write_failed (csv, error))
    return FALSE;

  csv->resource->bytes += csv->buf->len;
  g_async_queue_push (csv->full, csv->buf);
  csv->buf = g_async_queue_pop (csv->empty);

  return TRUE;
}

static inline void
csv_sep (Csv *csv)
{
  if (!csv->first)
    g_string_append_c (csv->buf, ',');
  csv->first = FALSE;
}

static void
csv_str (Csv        *csv,
         const char *value)
{
  csv_sep (csv);

  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv->buf, value);
      return;
    }

  g_string_append_c (csv->buf, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv->buf, '"');
      g_string_append_c (csv->buf, *p);
    }
  g_string_append_c (csv->buf, '"');
}

static void
csv_int (Csv    *csv,
         gint64  value)
{
  char digits[24];
  int n = 0;
  gboolean negative = value < 0;
  guint64 v = negative ? (guint64) (-(value + 1)) + 1 : (guint64) value;

  csv_sep (csv);
  do
    {
      digits[n++] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v > 0);
  if (negative)
    g_string_append_c (csv->buf, '-');
  while (n > 0)
    g_string_append_c (csv->buf, digits[--n]);
}

static void
csv_empty (Csv *csv)
{
  csv_sep (csv);
}

/* A day interval, or an empty cell when either end is unknown or it is negative. */
static void
csv_days (Csv    *csv,
          gint32  start,
          gint32  end)
{
  if (start == NO_DAY || end == NO_DAY || end < start)
    csv_empty (csv);
  else
    csv_int (csv, end - start);
}

static void
csv_bool (Csv *csv,
          int  value)
{
  if (value < 0)
    csv_empty (csv);
  else
    csv_str (csv, value ? "true" : "false");
}

static gboolean
csv_end_row (Csv     *csv,
             GError **error)
{
  g_string_append (csv->buf, "\r\n");
  csv->first = TRUE;
  csv->resource->rows++;

  if (csv->buf->len >= FLUSH_SIZE)
    return csv_flush (csv, error);

  return TRUE;
}

static Resource *
resource_new (Job        *job,
              const char *name,
              const char *title,
              const char *description)
{
  Resource *r = g_new0 (Resource, 1);

  r->name = g_strdup (name);
  r->path = g_strconcat (name, ".csv", NULL);
  r->title = g_strdup (title);
  r->description = job->fictional
    ? g_strconcat ("FICTIONAL TRAINING DATA. ", description, NULL)
    : g_strdup (description);
  r->fields = g_ptr_array_new_with_free_func (field_free);
  r->foreign_keys = g_ptr_array_new_with_free_func (foreign_key_free);
  g_ptr_array_add (job->resources, r);

  return r;
}

/* Opens the file of @r and writes its header from its fields. */
static gboolean
csv_open (Job       *job,
          Resource  *r,
          Csv       *csv,
          GError   **error)
{
  g_autoptr(GError) thread_error = NULL;

  memset (csv, 0, sizeof *csv);
  csv->job = job;
  csv->resource = r;
  csv->fd = -1;
  csv->first = TRUE;

  if (!job->preview)
    {
      g_autofree char *path = g_build_filename (job->dir, r->path, NULL);

      csv->fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (csv->fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                       _("Cannot create %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  csv->sha = g_checksum_new (G_CHECKSUM_SHA256);
  csv->full = g_async_queue_new ();
  csv->empty = g_async_queue_new ();
  csv->buf = g_string_sized_new (FLUSH_SIZE + 4096);
  for (guint i = 1; i < N_BUFFERS; i++)
    g_async_queue_push (csv->empty, g_string_sized_new (FLUSH_SIZE + 4096));

  csv->writer = g_thread_try_new ("sot-export-writer", csv_writer, csv, &thread_error);
  if (csv->writer == NULL)
    {
      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), r->path, thread_error->message);
      csv_close (csv, NULL);
      return FALSE;
    }

  for (guint i = 0; i < r->fields->len; i++)
    csv_str (csv, ((Field *) g_ptr_array_index (r->fields, i))->name);
  g_string_append (csv->buf, "\r\n");
  csv->first = TRUE;

  return TRUE;
}

static gboolean
csv_close (Csv     *csv,
           GError **error)
{
  gboolean ok = error == NULL || *error == NULL;
  GString *buf;

  if (csv->full == NULL)
    return TRUE;

  if (csv->writer != NULL)
    {
      /* Whatever happened, the writer is stopped before anything it uses is freed. */
      if (ok)
        ok = csv_flush (csv, error);
      g_async_queue_push (csv->full, csv);
      g_thread_join (csv->writer);
      csv->writer = NULL;
      if (ok && csv_write_failed (csv, error))
        ok = FALSE;
    }
  else
    ok = FALSE;

  if (ok)
    csv->resource->sha256 = g_strdup (g_checksum_get_string (csv->sha));

  if (csv->fd >= 0)
    {
      if (ok && fsync (csv->fd) != 0 && errno != EINVAL)
        {
          int saved_errno = errno;

          g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                       _("Cannot write %s: %s"), csv->resource->path, g_strerror (saved_errno));
          ok = FALSE;
        }
      close (csv->fd);
      csv->fd = -1;
    }

  if (csv->buf != NULL)
    g_string_free (csv->buf, TRUE);
  while ((buf = g_async_queue_try_pop (csv->empty)) != NULL)
    g_string_free (buf, TRUE);
  g_clear_pointer (&csv->full, g_async_queue_unref);
  g_clear_pointer (&csv->empty, g_async_queue_unref);
  g_clear_pointer (&csv->sha, g_checksum_free);
  csv->buf = NULL;

  return ok;
}

/* Writes a whole small file (README, datapackage.json, manifest); returns its SHA-256. */
static gboolean
write_small_file (Job         *job,
                  const char  *name,
                  const char  *contents,
                  char       **out_sha256,
                  GError     **error)
{
  g_autofree char *path = NULL;
  int fd;
  gsize left = strlen (contents);
  const char *p = contents;

  if (out_sha256 != NULL)
    *out_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);

  if (job->preview)
    return TRUE;

  path = g_build_filename (job->dir, name, NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot create %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  while (left > 0)
    {
      gssize n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                       _("Cannot write %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      p += n;
      left -= n;
    }

  if (fsync (fd) != 0 && errno != EINVAL)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* --- Loading what the record-level table needs from other tables --- */

static gboolean
load_max_ids (Job     *job,
              GError **error)
{
  static const char *sql[] = {
    "SELECT coalesce (max (id), 0) FROM investigation",
    "SELECT coalesce (max (id), 0) FROM suspect",
    "SELECT coalesce (max (id), 0) FROM suspect_person",
  };
  gint64 *targets[] = { &job->max_inv_id, &job->max_suspect_id, &job->max_person_id };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = sot_store_prepare (job->store, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return sql_failed (job, stmt, error);
      *targets[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  job->cases = g_new0 (CaseInfo, job->max_inv_id + 1);
  for (gint64 i = 0; i <= job->max_inv_id; i++)
    {
      job->cases[i].first_row = NO_ROW;
      job->cases[i].victim_age = -1;
      job->cases[i].victim_enhanced = -1;
      job->cases[i].advice_requested = NO_DAY;
      job->cases[i].advice_given = NO_DAY;
      job->cases[i].first_file = NO_DAY;
      job->cases[i].case_charge = NO_DAY;
      job->cases[i].offence_from = G_MININT64;
      job->cases[i].offence_until = G_MININT64;
    }

  job->suspects = g_new0 (SuspectInfo, job->max_suspect_id + 1);
  for (gint64 i = 0; i <= job->max_suspect_id; i++)
    {
      job->suspects[i].decision = -1;
      job->suspects[i].decided = NO_DAY;
      job->suspects[i].charged = NO_DAY;
    }

  job->repeat_person = g_new0 (guint8, job->max_person_id + 1);

  return TRUE;
}

static gboolean
in_range (gint64 id,
          gint64 max)
{
  return id > 0 && id <= max;
}

/* The first victim of each investigation (the victim's facts, never the identity table). */
static gboolean
load_victims (Job     *job,
              GError **error)
{
  sqlite3_stmt *stmt = sot_store_prepare (job->store,
                                          "SELECT investigation_id, sex, age_at_offence, ethnicity, "
                                          "       enhanced_rights "
                                          "FROM victim ORDER BY investigation_id, id",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 inv = sqlite3_column_int64 (stmt, 0);
      CaseInfo *info;

      if (!in_range (inv, job->max_inv_id))
        continue;
      info = &job->cases[inv];
      if (info->victim_enhanced >= 0)
        continue;  /* not the first victim */

      info->victim_sex = canon (col_text (stmt, 1), sexes);
      info->victim_age = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                         ? -1 : (gint16) sqlite3_column_int (stmt, 2);
      info->victim_ethnicity = col_text (stmt, 3) != NULL && !sot_value_missing (col_text (stmt, 3))
                               ? "known" : NULL;
      info->victim_enhanced = sqlite3_column_int (stmt, 4) != 0;
    }

  if (rc != SQLITE_DONE)
    return sql_failed (job, stmt, error);
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
load_repeat_persons (Job     *job,
                     GError **error)
{
  sqlite3_stmt *stmt = sot_store_prepare (job->store,
                                          "SELECT suspect_person_id FROM suspect "
                                          "WHERE suspect_person_id IS NOT NULL "
                                          "GROUP BY suspect_person_id "
                                          "HAVING count (DISTINCT investigation_id) > 1",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);

      if (in_range (person, job->max_person_id))
        job->repeat_person[person] = 1;
    }

  if (rc != SQLITE_DONE)
    return sql_failed (job, stmt, error);
  sqlite3_reset (stmt);

  return TRUE;
}

/* CPS joint working (schema version 4): early advice, charging files, decisions, charges. */
static gboolean
load_cps (Job     *job,
          GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (job->has_advice)
    {
      stmt = sot_store_prepare (job->store,
                                "SELECT investigation_id, requested_on, given_on "
                                "FROM cps_early_advice ORDER BY investigation_id, requested_on, id",
                                error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 inv = sqlite3_column_int64 (stmt, 0);

          if (in_range (inv, job->max_inv_id) && job->cases[inv].advice_requested == NO_DAY)
            {
              job->cases[inv].advice_requested = col_day (stmt, 1);
              job->cases[inv].advice_given = col_day (stmt, 2);
            }
        }
      if (rc != SQLITE_DONE)
        return sql_failed (job, stmt, error);
      sqlite3_reset (stmt);
    }

  if (job->has_files)
    {
      stmt = sot_store_prepare (job->store,
                                "SELECT investigation_id, min (submitted_on) FROM cps_charging_file "
                                "GROUP BY investigation_id",
                                error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 inv = sqlite3_column_int64 (stmt, 0);

          if (in_range (inv, job->max_inv_id))
            job->cases[inv].first_file = col_day (stmt, 1);
        }
      if (rc != SQLITE_DONE)
        return sql_failed (job, stmt, error);
      sqlite3_reset (stmt);
    }

  if (job->has_cps)
    {
      /* In date order: the last row of each suspect is the decision in force. */
      stmt = sot_store_prepare (job->store,
                                "SELECT suspect_id, decision, decided_on FROM cps_decision "
                                "ORDER BY suspect_id, decided_on, id",
                                error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 suspect = sqlite3_column_int64 (stmt, 0);
          SotCpsDecision decision;

          if (in_range (suspect, job->max_suspect_id) &&
              sot_cps_decision_from_string (col_text (stmt, 1), &decision))
            {
              job->suspects[suspect].decision = (gint8) decision;
              job->suspects[suspect].decided = col_day (stmt, 2);
            }
        }
      if (rc != SQLITE_DONE)
        return sql_failed (job, stmt, error);
      sqlite3_reset (stmt);
    }

  if (job->has_charges)
    {
      stmt = sot_store_prepare (job->store,
                                "SELECT investigation_id, suspect_id, min (charged_on) FROM cps_charge "
                                "GROUP BY investigation_id, suspect_id",
                                error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 inv = sqlite3_column_int64 (stmt, 0);
          gint32 day = col_day (stmt, 2);

          if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
            {
              gint64 suspect = sqlite3_column_int64 (stmt, 1);

              if (in_range (suspect, job->max_suspect_id))
                job->suspects[suspect].charged = day;
            }
          else if (in_range (inv, job->max_inv_id))
            job->cases[inv].case_charge = day;
        }
      if (rc != SQLITE_DONE)
        return sql_failed (job, stmt, error);
      sqlite3_reset (stmt);
    }

  return TRUE;
}

/* --- The record-level table: cases.csv --- */

/* The main query: investigation × suspect. Only facts of the case; never crime_reference,
 * officer, exact times beyond the offence start (read to compute the interval, never
 * written), nor any identity table. */
#define RECORD_SQL \
  "SELECT i.id, i.uuid, i.offence_type, i.offence_from, i.reported_on, i.status, " \
  "       i.outcome_code, i.outcome_date, s.id, s.uuid, s.sex, s.age_at_offence, " \
  "       s.ethnicity, s.relationship, s.suspect_person_id, i.offence_until " \
  "FROM investigation i LEFT JOIN suspect s ON s.investigation_id = i.id " \
  "WHERE +i.reported_on >= ?1 AND +i.reported_on < ?2 " \
  "ORDER BY i.id, s.id"

const char *
sot_export_dump_sql (void)
{
  return "SELECT i.id, i.uuid, i.offence_type, i.offence_from, i.reported_on, i.status, "
         "i.outcome_code, i.outcome_date, s.id, s.uuid, s.sex, s.age_at_offence, "
         "s.ethnicity, s.relationship, s.suspect_person_id, i.offence_until, v.sex, "
         "v.age_at_offence, "
         "v.ethnicity, v.enhanced_rights "
         "FROM investigation i LEFT JOIN suspect s ON s.investigation_id = i.id "
         "LEFT JOIN victim v ON v.investigation_id = i.id "
         "ORDER BY i.id, s.id";
}

static guint8
count_missing (const CaseRow  *row,
               const CaseInfo *info)
{
  guint8 n = 0;

  n += sot_value_missing (row->victim_sex);
  n += row->victim_age < 0;
  n += info->victim_ethnicity == NULL;
  n += sot_value_missing (row->suspect_sex);
  n += row->suspect_age < 0;
  n += sot_value_missing (row->suspect_ethnicity);
  n += sot_value_missing (row->relationship);
  n += row->offence_day == NO_DAY || row->report_day == NO_DAY || row->report_day < row->offence_day;
  n += row->outcome_day == NO_DAY || row->report_day == NO_DAY || row->outcome_day < row->report_day;

  return n;
}

static gboolean
read_records (Job     *job,
              GError **error)
{
  const char * const *offence_types = sot_reference_get_offence_types (job->reference);
  const char * const *outcome_codes = sot_reference_get_outcome_codes (job->reference);
  sqlite3_stmt *stmt = prepare (job, RECORD_SQL, error);
  gint64 last_inv = 0;
  guint number = 0;
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  job->rows = g_array_sized_new (FALSE, FALSE, sizeof (CaseRow), 1024);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CaseRow row;
      gint64 inv = sqlite3_column_int64 (stmt, 0);
      CaseInfo *info;
      const char *reported = col_text (stmt, 4);

      if (!in_range (inv, job->max_inv_id))
        continue;
      info = &job->cases[inv];

      memset (&row, 0, sizeof row);
      row.inv_id = inv;

      if (inv != last_inv)
        {
          last_inv = inv;
          number = 0;
          info->first_row = job->rows->len;
          info->state = 1;
          if (sot_metrics_time_seconds (col_text (stmt, 3), &info->offence_from))
            {
              if (!sot_metrics_time_seconds (col_text (stmt, 15), &info->offence_until) ||
                  info->offence_until < info->offence_from)
                info->offence_until = info->offence_from;
            }
          else
            info->offence_from = G_MININT64;
          job->summary->n_investigations++;
          sot_pseudonymiser_compute (job->pseudo, "case", col_text (stmt, 1), row.case_key);
        }
      else
        memcpy (row.case_key, g_array_index (job->rows, CaseRow, info->first_row).case_key,
                sizeof row.case_key);

      if (reported != NULL && strlen (reported) >= 7)
        memcpy (row.month, reported, 7);

      row.offence_type = canon (col_text (stmt, 2), offence_types);
      row.offence_day = col_day (stmt, 3);
      row.report_day = col_day (stmt, 4);
      row.status = canon (col_text (stmt, 5), statuses);
      row.outcome_code = canon (col_text (stmt, 6), outcome_codes);
      row.outcome_group = row.outcome_code != NULL
        ? canon (sot_reference_get_outcome_group (job->reference, row.outcome_code), outcome_groups)
        : NULL;
      row.outcome_day = col_day (stmt, 7);
      row.victim_sex = info->victim_sex;
      row.victim_age = info->victim_age;
      row.suspect_age = -1;
      row.repeat = -1;

      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        {
          gint64 suspect = sqlite3_column_int64 (stmt, 8);
          gint64 person = sqlite3_column_int64 (stmt, 14);

          row.suspect_id = suspect;
          row.suspect_number = ++number;
          if (in_range (suspect, job->max_suspect_id))
            job->suspects[suspect].number = (guint16) MIN (number, G_MAXUINT16);
          sot_pseudonymiser_compute (job->pseudo, "suspect", col_text (stmt, 9), row.suspect_key);
          row.suspect_sex = canon (col_text (stmt, 10), sexes);
          row.suspect_age = sqlite3_column_type (stmt, 11) == SQLITE_NULL
                            ? -1 : sqlite3_column_int (stmt, 11);
          row.suspect_ethnicity = sot_value_missing (col_text (stmt, 12)) ? NULL : "known";
          row.relationship = canon (col_text (stmt, 13), relationships);
          row.repeat = in_range (person, job->max_person_id) && job->repeat_person[person];
        }

      row.missing = count_missing (&row, info);
      g_array_append_val (job->rows, row);

      if (++n % CHECK_EVERY == 0)
        {
          if (check_cancelled (job, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          report (job, 0.05 + 0.30 * MIN (1.0, (double) inv / MAX (1, job->max_inv_id)),
                  _("Reading investigations"));
        }
    }

  if (rc != SQLITE_DONE)
    return sql_failed (job, stmt, error);
  sqlite3_reset (stmt);

  return TRUE;
}

#define N_QUASI 7

static void
quasi_identifiers (Job           *job,
                   const CaseRow *row,
                   const char   **values,
                   char          *period)
{
  gboolean wide = job->options->coarsen_age;

  if (job->options->coarsen_month && row->month[0] != '\0')
    sot_metrics_quarter_of (row->month, period);
  else
    memcpy (period, row->month, 8);

  values[0] = row->offence_type;
  values[1] = period;
  values[2] = sot_age_band (row->victim_age, wide);
  values[3] = row->victim_sex;
  values[4] = row->suspect_id != 0 ? sot_age_band (row->suspect_age, wide) : NULL;
  values[5] = row->suspect_sex;
  values[6] = row->relationship;
}

/* k over the quasi-identifiers; with withholding, every investigation with a record in a
 * group smaller than the threshold is left out of every table. */
static void
compute_k (Job *job)
{
  g_autoptr(SotKAnonymity) k = sot_k_anonymity_new ();
  const char *values[N_QUASI];
  char period[8];

  for (guint i = 0; i < job->rows->len; i++)
    {
      quasi_identifiers (job, &g_array_index (job->rows, CaseRow, i), values, period);
      sot_k_anonymity_add (k, values, N_QUASI);
    }

  sot_k_anonymity_result (k, job->options->threshold, &job->summary->k);

  if (!job->options->withhold_small_groups)
    return;

  for (guint i = 0; i < job->rows->len; i++)
    {
      CaseRow *row = &g_array_index (job->rows, CaseRow, i);
      CaseInfo *info = &job->cases[row->inv_id];

      quasi_identifiers (job, row, values, period);
      if (info->state == 1 && sot_k_anonymity_group_size (k, values, N_QUASI) < job->options->threshold)
        {
          info->state = 2;
          job->summary->n_withheld++;
        }
    }
}

static gboolean
exported (Job    *job,
          gint64  inv)
{
  return in_range (inv, job->max_inv_id) && job->cases[inv].state == 1;
}

static const char *
case_key (Job    *job,
          gint64  inv)
{
  return g_array_index (job->rows, CaseRow, job->cases[inv].first_row).case_key;
}

static gboolean
write_cases (Job     *job,
             GError **error)
{
  const char * const *offence_types = sot_reference_get_offence_types (job->reference);
  const char * const *outcome_codes = sot_reference_get_outcome_codes (job->reference);
  const char * const *bands = job->options->coarsen_age ? wide_age_bands : age_bands;
  const char *decisions[SOT_CPS_N_DECISIONS + 1];
  gboolean quarter = job->options->coarsen_month;
  Resource *r;
  Field *f;
  Csv csv;
  gboolean ok = TRUE;

  for (guint i = 0; i < SOT_CPS_N_DECISIONS; i++)
    decisions[i] = sot_cps_decision_to_string (i);
  decisions[SOT_CPS_N_DECISIONS] = NULL;

  r = resource_new (job, "cases", "Investigations × suspects",
                    "One row per investigation and suspect (one row with empty suspect fields "
                    "for an investigation without a recorded suspect), as the Soteria "
                    "academics' harmonised data. Keys are pseudonyms; dates are months and "
                    "day intervals; ages are bands. No name, date of birth, address, phone "
                    "number, crime reference, exact time, officer or free text.");
  r->primary_key = g_strsplit ("case_key suspect_number", " ", -1);

  add_key_field (r, "case_key", "Pseudonym of the investigation (keyed HMAC-SHA-256 of its "
                 "UUID); the same in every table of this package", TRUE);
  f = add_count_field (r, "suspect_number", "The suspect's number within the investigation "
                       "(1, 2, … in the order recorded); 0 when no suspect is recorded", NULL);
  f->required = TRUE;
  add_key_field (r, "suspect_key", "Pseudonym of the suspect record; empty when no suspect is "
                 "recorded", FALSE);
  f = add_field (r, "offence_type", "string", "Offence type (Soteria Workbench code list)",
                 offence_types);
  f->required = TRUE;
  if (quarter)
    {
      f = add_field (r, "report_quarter", "string",
                     "Calendar quarter in which the offence was reported (coarsened from the "
                     "month for disclosure control)", NULL);
      f->pattern = g_strdup ("^[0-9]{4}-Q[1-4]$");
    }
  else
    {
      f = add_field (r, "report_month", "string", "Month in which the offence was reported",
                     NULL);
      f->pattern = g_strdup ("^[0-9]{4}-(0[1-9]|1[0-2])$");
    }
  f->required = TRUE;
  add_field (r, "status", "string", "Investigation status at the time of the export", statuses);
  add_field (r, "outcome_code", "string", "Home Office crime outcome type; empty while the "
             "investigation has no outcome", outcome_codes);
  add_field (r, "outcome_group", "string", "Soteria outcome group of the outcome code "
             "(meaning_missing grouping); empty while there is no outcome", outcome_groups);
  f = add_field (r, "no_suspect_identified", "boolean", "True when no suspect is recorded, or "
                 "the outcome is 14 or 18 (the academics' NSI)", NULL);
  f->required = TRUE;
  add_field (r, "repeat_suspect", "boolean", "The same person is a suspect in another "
             "investigation of the workspace; empty when no suspect is recorded", NULL);
  add_field (r, "relationship", "string", "Victim–suspect relationship; empty when no suspect "
             "is recorded", relationships);
  add_field (r, "victim_sex", "string", "Sex of the (first) victim", sexes);
  add_field (r, "victim_age_band", "string", quarter || job->options->coarsen_age
             ? "Age band of the victim at the offence (wider bands for disclosure control)"
             : "Age band of the victim at the offence", bands);
  add_field (r, "suspect_sex", "string", "Sex of the suspect; empty when none", sexes);
  add_field (r, "suspect_age_band", "string", "Age band of the suspect at the offence; empty "
             "when none", bands);
  f = add_count_field (r, "offence_to_report_days", "Days from the (start of the) offence to "
                       "the report, UK calendar days", "days");
  add_field (r, "offence_to_report_band", "string", "offence_to_report_days in the academics' "
             "bands", interval_bands);
  add_count_field (r, "report_to_outcome_days", "Days from the report to the outcome", "days");
  add_field (r, "report_to_outcome_band", "string", "report_to_outcome_days in bands; unknown "
             "while there is no outcome", interval_bands);
  add_count_field (r, "report_to_charge_days", "Days from the report to this suspect's charge "
                   "(or the investigation's first charge recorded without a suspect)", "days");
  add_field (r, "early_advice_requested", "boolean", "CPS early advice was requested; empty "
             "when the workspace does not record early advice", NULL);
  add_count_field (r, "report_to_early_advice_days", "Days from the report to the first "
                   "request for early advice", "days");
  add_count_field (r, "early_advice_turnaround_days", "Days from the first request for early "
                   "advice to the advice", "days");
  add_field (r, "early_advice_over_21_days", "boolean", "The first early advice came (or is "
             "still awaited) more than 21 days after the request (CPS NOM)", NULL);
  add_field (r, "charging_file_submitted", "boolean", "A charging file was submitted to the "
             "CPS; empty when the workspace does not record charging files", NULL);
  add_count_field (r, "report_to_charging_file_days", "Days from the report to the first "
                   "charging file", "days");
  add_field (r, "cps_decision", "string", "The CPS decision in force for this suspect (the "
             "latest)", decisions);
  add_count_field (r, "report_to_cps_decision_days", "Days from the report to that decision",
                   "days");
  add_field (r, "charged", "boolean", "This suspect was charged; empty when no suspect is "
             "recorded or the workspace does not record charges", NULL);
  f = add_count_field (r, "missing_variables", "How many of the nine key variables of 'The "
                       "Meaning of Missing' are missing or unknown for this record (victim sex, "
                       "age, ethnicity; suspect sex, age, ethnicity; relationship; report "
                       "delay; outcome delay)", "variables");
  f->required = TRUE;

  if (!csv_open (job, r, &csv, error))
    return FALSE;

  for (guint i = 0; i < job->rows->len && ok; i++)
    {
      const CaseRow *row = &g_array_index (job->rows, CaseRow, i);
      const CaseInfo *info = &job->cases[row->inv_id];
      const SuspectInfo *s = row->suspect_id != 0 && in_range (row->suspect_id, job->max_suspect_id)
                             ? &job->suspects[row->suspect_id] : NULL;
      char period[8];
      gint32 charge_day = s != NULL && s->charged != NO_DAY ? s->charged : info->case_charge;
      gboolean nsi = row->suspect_id == 0 || g_strcmp0 (row->outcome_code, "14") == 0 ||
                     g_strcmp0 (row->outcome_code, "18") == 0;

      if (info->state != 1)
        continue;

      if (quarter && row->month[0] != '\0')
        sot_metrics_quarter_of (row->month, period);
      else
        memcpy (period, row->month, 8);

      csv_str (&csv, row->case_key);
      csv_int (&csv, row->suspect_number);
      csv_str (&csv, row->suspect_id != 0 ? row->suspect_key : NULL);
      csv_str (&csv, row->offence_type);
      csv_str (&csv, period[0] != '\0' ? period : NULL);
      csv_str (&csv, row->status);
      csv_str (&csv, row->outcome_code);
      csv_str (&csv, row->outcome_group);
      csv_bool (&csv, nsi);
      csv_bool (&csv, row->repeat);
      csv_str (&csv, row->relationship);
      csv_str (&csv, row->victim_sex);
      csv_str (&csv, sot_age_band (row->victim_age, job->options->coarsen_age));
      csv_str (&csv, row->suspect_sex);
      csv_str (&csv, row->suspect_id != 0 ? sot_age_band (row->suspect_age, job->options->coarsen_age) : NULL);
      csv_days (&csv, row->offence_day, row->report_day);
      csv_str (&csv, sot_interval_band (row->report_day - (gint64) row->offence_day,
                                        row->offence_day != NO_DAY && row->report_day != NO_DAY));
      csv_days (&csv, row->report_day, row->outcome_day);
      csv_str (&csv, sot_interval_band (row->outcome_day - (gint64) row->report_day,
                                        row->outcome_day != NO_DAY && row->report_day != NO_DAY));
      csv_days (&csv, row->report_day, charge_day);

      if (job->has_advice)
        {
          gboolean requested = info->advice_requested != NO_DAY;

          csv_bool (&csv, requested);
          csv_days (&csv, row->report_day, info->advice_requested);
          csv_days (&csv, info->advice_requested, info->advice_given);
          if (requested)
            csv_bool (&csv, (info->advice_given != NO_DAY ? info->advice_given : job->today) -
                            info->advice_requested > SOT_CPS_EARLY_ADVICE_DAYS);
          else
            csv_empty (&csv);
        }
      else
        {
          csv_empty (&csv);
          csv_empty (&csv);
          csv_empty (&csv);
          csv_empty (&csv);
        }

      if (job->has_files)
        {
          csv_bool (&csv, info->first_file != NO_DAY);
          csv_days (&csv, row->report_day, info->first_file);
        }
      else
        {
          csv_empty (&csv);
          csv_empty (&csv);
        }

      if (s != NULL && s->decision >= 0)
        {
          csv_str (&csv, decisions[s->decision]);
          csv_days (&csv, row->report_day, s->decided);
        }
      else
        {
          csv_empty (&csv);
          csv_empty (&csv);
        }

      csv_bool (&csv, s != NULL && job->has_charges ? s->charged != NO_DAY : -1);
      csv_int (&csv, row->missing);

      ok = csv_end_row (&csv, error);

      if (ok && i % CHECK_EVERY == 0 && check_cancelled (job, error))
        ok = FALSE;
    }

  if (!job->has_advice)
    add_note (job, "The workspace does not record CPS early advice (no cps_early_advice table): "
              "the early-advice columns of cases.csv are empty.");
  if (!job->has_cps)
    add_note (job, "The workspace does not record CPS decisions (no cps_decision table): "
              "cps_decision is empty.");

  return csv_close (&csv, error) && ok;
}

/* --- Lines of enquiry --- */

static gboolean
write_lines (Job     *job,
             GError **error)
{
  Resource *r;
  Field *f;
  Csv csv;
  gboolean ok = TRUE;
  g_autofree guint *numbers = NULL;
  guint number = 0;
  guint n = 0;
  sqlite3_stmt *stmt;
  int rc;
  gboolean present = sot_metrics_has_table (job->store, "line_of_enquiry");

  r = resource_new (job, "lines_of_enquiry", "Lines of enquiry",
                    "The offender-centric evidence list: one row per line of enquiry of an "
                    "exported investigation (category, whom it is about, status, days to "
                    "complete). Titles, owners, notes and rationales are free text and are "
                    "not exported.");
  r->primary_key = g_strsplit ("case_key line_number", " ", -1);
  add_case_foreign_key (r);
  add_key_field (r, "case_key", "Pseudonym of the investigation (see cases)", TRUE);
  f = add_count_field (r, "line_number", "The line's number within the investigation, in the "
                       "order recorded", NULL);
  f->required = TRUE;
  add_count_field (r, "suspect_number", "The suspect the line is about (suspect_number in "
                   "cases); empty when the line is not tied to a suspect", NULL);
  add_field (r, "category", "string", "Category of the line of enquiry", sot_enquiry_categories ());
  add_field (r, "focus", "string", "Whom the line is about (the suspect-focus indicator counts "
             "active lines on the suspect against those on the victim)", sot_enquiry_focuses ());
  add_field (r, "status", "string", "Where the line stands", sot_enquiry_statuses ());
  add_field (r, "active", "boolean", "Not yet reviewed nor marked not pursued", NULL);
  add_count_field (r, "days_to_complete", "For a line obtained or reviewed: days from its "
                   "creation to its last change (the workspace keeps no separate completion "
                   "date)", "days");
  add_field (r, "from_checklist", "boolean", "The line was accepted from the force's "
             "suspect-focused checklist", NULL);

  if (!csv_open (job, r, &csv, error))
    return FALSE;

  if (!present)
    {
      r->note = g_strdup ("The workspace has no line_of_enquiry table (schema version before 2): "
                          "this table is empty.");
      return csv_close (&csv, error);
    }

  stmt = sot_store_prepare (job->store,
                            "SELECT investigation_id, suspect_id, category, focus, status, "
                            "       created_at, updated_at, checklist_item IS NOT NULL "
                            "FROM line_of_enquiry ORDER BY id",
                            error);
  if (stmt == NULL)
    {
      csv_close (&csv, NULL);
      return FALSE;
    }
  numbers = g_new0 (guint, job->max_inv_id + 1);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 inv = sqlite3_column_int64 (stmt, 0);
      const char *status = col_text (stmt, 4);
      gboolean done;

      /* Rows come in the order recorded: a line's number is its rank in its case. */
      if (!exported (job, inv))
        continue;
      number = ++numbers[inv];

      csv_str (&csv, case_key (job, inv));
      csv_int (&csv, number);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
          in_range (sqlite3_column_int64 (stmt, 1), job->max_suspect_id) &&
          job->suspects[sqlite3_column_int64 (stmt, 1)].number > 0)
        csv_int (&csv, job->suspects[sqlite3_column_int64 (stmt, 1)].number);
      else
        csv_empty (&csv);
      csv_str (&csv, canon (col_text (stmt, 2), sot_enquiry_categories ()));
      csv_str (&csv, canon (col_text (stmt, 3), sot_enquiry_focuses ()));
      csv_str (&csv, canon (status, sot_enquiry_statuses ()));
      csv_bool (&csv, !sot_enquiry_status_is_final (status));
      done = g_strcmp0 (status, SOT_ENQUIRY_OBTAINED) == 0 ||
             g_strcmp0 (status, SOT_ENQUIRY_REVIEWED) == 0;
      if (done)
        csv_days (&csv, col_day (stmt, 5), col_day (stmt, 6));
      else
        csv_empty (&csv);
      csv_bool (&csv, sqlite3_column_int (stmt, 7));
      ok = csv_end_row (&csv, error);

      if (ok && ++n % CHECK_EVERY == 0)
        {
          if (check_cancelled (job, error))
            ok = FALSE;
          else
            report (job, 0.40 + 0.20 * MIN (1.0, (double) inv / MAX (1, job->max_inv_id)),
                    _("Lines of enquiry"));
        }
    }

  sqlite3_reset (stmt);
  if (ok && rc != SQLITE_DONE)
    {
      csv_close (&csv, NULL);
      return sql_failed (job, NULL, error);
    }

  return csv_close (&csv, error) && ok;
}

/* --- Forensic exhibits and samples --- */

/* Continuity. sot_exhibit_check_chain() reads the holders' names, which the export must not
 * read. The same rules are applied here to a 64-bit hash of each name, made inside the query
 * by the SQL function sot_holder_key() from the name folded as the core folds it (case and
 * runs of spaces do not matter): the names themselves are never copied out of SQLite, kept
 * or written. The rules, as sot_exhibit_check_chain(): in the chain in force (an entry
 * followed by one at the same position was corrected and no longer counts), each entry is
 * handed over by the last holder (the seizing officer first), no entry is dated before the
 * one before it (the seizure first; an unreadable time is skipped), and the exhibit was
 * booked into storage at least once. */

static void
holder_key_func (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *folded = NULL;
  guint64 hash = 14695981039346656037ull;  /* FNV-1a */
  gboolean space = FALSE;
  gboolean any = FALSE;
  const char *p;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  /* ASCII names fold byte by byte; anything else as the core folds it. */
  for (p = text; *p != '\0' && !((guchar) *p & 0x80); p++)
    ;
  if (*p != '\0')
    text = folded = g_utf8_casefold (text, -1);

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == ' ' || c == '\t' || c == '\n')
        {
          space = any;
          continue;
        }
      if (space)
        {
          hash = (hash ^ ' ') * 1099511628211ull;
          space = FALSE;
        }
      if (folded == NULL)
        c = (guchar) g_ascii_tolower (c);
      hash = (hash ^ c) * 1099511628211ull;
      any = TRUE;
    }

  sqlite3_result_int64 (context, (sqlite3_int64) hash);
}

static gboolean
register_holder_key (Job     *job,
                     GError **error)
{
  sqlite3_stmt *stmt = sot_store_prepare (job->store, "SELECT 1", error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_create_function_v2 (sqlite3_db_handle (stmt), "sot_holder_key", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                  NULL, holder_key_func, NULL, NULL, NULL) != SQLITE_OK)
    return sql_failed (job, NULL, error);

  return TRUE;
}

/* One exhibit's chain, followed entry by entry. */
typedef struct {
  gint64   exhibit_id;
  gint64   holder;       /* the last holder's key */
  gint64   time;         /* the last readable time */
  gboolean has_time;
  gboolean intact;
  gboolean booked;
  guint    entries;      /* recorded, corrections included */
} Chain;

static void
chain_step (Chain    *chain,
            gint64    from_key,
            gint64    to_key,
            gboolean  has_moved,
            gint64    moved,
            gboolean  storage)
{
  if (from_key != chain->holder)
    chain->intact = FALSE;

  if (has_moved)
    {
      if (chain->has_time && moved < chain->time)
        chain->intact = FALSE;
      chain->time = moved;
      chain->has_time = TRUE;
    }

  if (storage)
    chain->booked = TRUE;

  chain->holder = to_key;
}

static gboolean
write_exhibits (Job     *job,
                GError **error)
{
  g_autofree guint *numbers = NULL;
  Resource *r;
  Field *f;
  Csv csv;
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;
  sqlite3_stmt *moves;
  int rc, moves_rc = SQLITE_DONE;
  gboolean present = sot_metrics_has_table (job->store, "exhibit") &&
                     sot_metrics_has_table (job->store, "exhibit_movement");
  guint n = 0;

  r = resource_new (job, "exhibits", "Exhibits and forensic samples",
                    "One row per exhibit of an exported investigation: whether it is a forensic "
                    "sample, of which type and from whom, whether it was taken within its "
                    "window, and whether its continuity (chain of custody) is intact. "
                    "References, descriptions, seal numbers, places, laboratories and the "
                    "names of holders are not exported.");
  r->primary_key = g_strsplit ("case_key exhibit_number", " ", -1);
  add_case_foreign_key (r);
  add_key_field (r, "case_key", "Pseudonym of the investigation (see cases)", TRUE);
  f = add_count_field (r, "exhibit_number", "The exhibit's number within the investigation, in "
                       "the order recorded", NULL);
  f->required = TRUE;
  add_field (r, "sub_exhibit", "boolean", "The exhibit is part of another exhibit", NULL);
  add_field (r, "forensic_sample", "boolean", "The exhibit is a forensic sample (it has a "
             "sample type)", NULL);
  add_field (r, "sample_type", "string", "The sample type, an id of the forensic catalogue "
             "in use (for example oral, vaginal, anal, skin), or unlisted for a type the "
             "catalogue does not know", NULL);
  add_field (r, "sampled_from", "string", "Whose sample", sampled_from_values);
  add_field (r, "within_window", "boolean", "The sample was taken no later than the last "
             "possible end of its window (offence period end + the catalogue's hours); empty "
             "when the catalogue gives no figure for its type", NULL);
  add_field (r, "continuity_intact", "boolean", "The chain of custody in force has no break: "
             "each hand-over by the last holder, no entry dated before the one before it, "
             "booked into storage at least once", NULL);
  add_count_field (r, "continuity_entries", "Continuity entries recorded, corrections "
                   "included", "entries");
  add_field (r, "submitted_to_laboratory", "boolean", "Submitted to a laboratory", NULL);
  add_field (r, "retention", "string", "The retention decision; empty while undecided",
             retentions);

  if (!csv_open (job, r, &csv, error))
    return FALSE;

  if (!present)
    {
      r->note = g_strdup ("The workspace has no exhibit table (schema version before 3): this "
                          "table is empty.");
      return csv_close (&csv, error);
    }

  add_note (job, "continuity_intact in exhibits.csv applies the rules of the program's "
            "continuity check to a hash of each holder's name made inside the database query; "
            "no name is read out or written.");

  if (!register_holder_key (job, error))
    {
      csv_close (&csv, NULL);
      return FALSE;
    }

  /* Two streams in exhibit order, merged here: the exhibits, and every continuity entry. */
  stmt = sot_store_prepare (job->store,
                            "SELECT id, investigation_id, parent_id IS NOT NULL, sample_type, "
                            "       sampled_from, seized_at, lab_submitted_at IS NOT NULL, "
                            "       retention, sot_holder_key (seized_by) "
                            "FROM exhibit ORDER BY id",
                            error);
  if (stmt == NULL)
    {
      csv_close (&csv, NULL);
      return FALSE;
    }
  moves = sot_store_prepare (job->store,
                             "SELECT exhibit_id, position, sot_holder_key (from_holder), "
                             "       sot_holder_key (to_holder), moved_at, purpose = 'storage' "
                             "FROM exhibit_movement ORDER BY exhibit_id, position, id",
                             error);
  if (moves == NULL)
    {
      sqlite3_reset (stmt);
      csv_close (&csv, NULL);
      return FALSE;
    }

  numbers = g_new0 (guint, job->max_inv_id + 1);
  moves_rc = sqlite3_step (moves);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 inv = sqlite3_column_int64 (stmt, 1);
      const char *sample_type = col_text (stmt, 3);
      Chain chain = { 0 };
      gint64 taken;

      chain.exhibit_id = id;
      chain.holder = sqlite3_column_int64 (stmt, 8);
      chain.intact = TRUE;
      chain.has_time = sot_metrics_time_seconds (col_text (stmt, 5), &chain.time);

      /* Entries of exhibits that no longer exist are skipped; then this exhibit's. An entry
       * followed by another at the same position was corrected: only the last one counts. */
      while (moves_rc == SQLITE_ROW && sqlite3_column_int64 (moves, 0) < id)
        moves_rc = sqlite3_step (moves);

      while (moves_rc == SQLITE_ROW && sqlite3_column_int64 (moves, 0) == id)
        {
          int position = sqlite3_column_int (moves, 1);
          gint64 from_key = sqlite3_column_int64 (moves, 2);
          gint64 to_key = sqlite3_column_int64 (moves, 3);
          gboolean storage = sqlite3_column_int (moves, 5);
          gint64 moved = 0;
          gboolean has_moved = sot_metrics_time_seconds (col_text (moves, 4), &moved);

          chain.entries++;
          moves_rc = sqlite3_step (moves);
          if (moves_rc == SQLITE_ROW && sqlite3_column_int64 (moves, 0) == id &&
              sqlite3_column_int (moves, 1) == position)
            continue;  /* superseded */

          chain_step (&chain, from_key, to_key, has_moved, moved, storage);
        }

      if (in_range (inv, job->max_inv_id) && numbers[inv] < G_MAXUINT)
        numbers[inv]++;

      if (!exported (job, inv))
        continue;

      csv_str (&csv, case_key (job, inv));
      csv_int (&csv, numbers[inv]);
      csv_bool (&csv, sqlite3_column_int (stmt, 2));
      csv_bool (&csv, sample_type != NULL);
      /* Only an id of the catalogue is written: anything else could be free text. */
      if (sample_type == NULL)
        csv_empty (&csv);
      else if (job->catalogue != NULL && sot_forensic_catalogue_lookup (job->catalogue, sample_type))
        csv_str (&csv, sample_type);
      else
        csv_str (&csv, "unlisted");
      csv_str (&csv, canon (col_text (stmt, 4), sampled_from_values));

      if (sample_type != NULL && job->catalogue != NULL &&
          job->cases[inv].offence_from != G_MININT64 &&
          sot_metrics_time_seconds (col_text (stmt, 5), &taken))
        {
          SotForensicSample *sample = sot_forensic_catalogue_lookup (job->catalogue, sample_type);
          SotSampleSubject subject = g_strcmp0 (col_text (stmt, 4), "suspect") == 0
                                     ? SOT_SAMPLE_SUBJECT_SUSPECT
                                     : SOT_SAMPLE_SUBJECT_COMPLAINANT;
          int hours = sample != NULL ? sot_forensic_sample_get_hours (sample, subject)
                                     : SOT_FORENSIC_NO_FIGURE;

          if (hours != SOT_FORENSIC_NO_FIGURE)
            csv_bool (&csv, taken <= job->cases[inv].offence_until + (gint64) hours * 3600);
          else
            csv_empty (&csv);
        }
      else
        csv_empty (&csv);

      csv_bool (&csv, chain.intact && chain.booked);
      csv_int (&csv, chain.entries);
      csv_bool (&csv, sqlite3_column_int (stmt, 6));
      csv_str (&csv, canon (col_text (stmt, 7), retentions));
      ok = csv_end_row (&csv, error);

      if (ok && ++n % CHECK_EVERY == 0 && check_cancelled (job, error))
        ok = FALSE;
    }

  sqlite3_reset (moves);
  sqlite3_reset (stmt);
  if (ok && (rc != SQLITE_DONE || (moves_rc != SQLITE_DONE && moves_rc != SQLITE_ROW)))
    {
      csv_close (&csv, NULL);
      return sql_failed (job, NULL, error);
    }

  return csv_close (&csv, error) && ok;
}

/* --- Digital devices --- */

static gboolean
write_devices (Job     *job,
               GError **error)
{
  Resource *r;
  Field *f;
  Csv csv;
  gboolean ok = TRUE;
  g_autofree guint *numbers = NULL;
  guint number = 0;
  sqlite3_stmt *stmt;
  int rc;

  r = resource_new (job, "devices", "Digital devices",
                    "One row per digital device taken in an exported investigation: whose, on "
                    "what legal basis, which extraction, and how long its owner was without "
                    "it (the Rape Review ambition: a victim's phone back within 24 hours). "
                    "Descriptions, notes and scope are not exported.");
  r->primary_key = g_strsplit ("case_key device_number", " ", -1);
  add_case_foreign_key (r);
  add_key_field (r, "case_key", "Pseudonym of the investigation (see cases)", TRUE);
  f = add_count_field (r, "device_number", "The device's number within the investigation",
                       NULL);
  f->required = TRUE;
  add_field (r, "owner_role", "string", "Whose device", owner_roles);
  add_field (r, "legal_basis", "string", "The legal basis for taking it", legal_bases);
  add_field (r, "extraction_level", "string", "The extraction made", extraction_levels);
  add_field (r, "written_notice_given", "boolean", "Written notice was given", NULL);
  add_field (r, "dpn_given", "boolean", "A digital processing notice was given", NULL);
  add_field (r, "returned", "boolean", "The device was returned to its owner", NULL);
  add_count_field (r, "days_held", "Whole days the owner was without the device (to its "
                   "return, or to the export while still held)", "days");
  add_field (r, "returned_within_24h", "boolean", "Returned within 24 hours; false when still "
             "held after 24 hours; empty while held for less", NULL);
  add_field (r, "swap_out_given", "boolean", "A replacement device was given", NULL);

  if (!csv_open (job, r, &csv, error))
    return FALSE;

  if (!sot_metrics_has_table (job->store, "device"))
    {
      r->note = g_strdup ("The workspace has no device table (schema version before 3): this "
                          "table is empty.");
      return csv_close (&csv, error);
    }

  stmt = sot_store_prepare (job->store,
                            "SELECT investigation_id, owner_role, legal_basis, extraction_level, "
                            "       written_notice_on IS NOT NULL, dpn_given_on IS NOT NULL, "
                            "       taken_at, returned_at, swap_out_given "
                            "FROM device ORDER BY id",
                            error);
  if (stmt == NULL)
    {
      csv_close (&csv, NULL);
      return FALSE;
    }
  numbers = g_new0 (guint, job->max_inv_id + 1);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 inv = sqlite3_column_int64 (stmt, 0);
      gint64 taken, returned;
      gboolean has_taken, has_returned;

      if (!exported (job, inv))
        continue;
      number = ++numbers[inv];

      has_taken = sot_metrics_time_seconds (col_text (stmt, 6), &taken);
      has_returned = sot_metrics_time_seconds (col_text (stmt, 7), &returned);

      csv_str (&csv, case_key (job, inv));
      csv_int (&csv, number);
      csv_str (&csv, canon (col_text (stmt, 1), owner_roles));
      csv_str (&csv, canon (col_text (stmt, 2), legal_bases));
      csv_str (&csv, canon (col_text (stmt, 3), extraction_levels));
      csv_bool (&csv, sqlite3_column_int (stmt, 4));
      csv_bool (&csv, sqlite3_column_int (stmt, 5));
      csv_bool (&csv, has_returned);
      if (has_taken)
        {
          gint64 until = has_returned ? returned : job->now_seconds;
          gint64 held = until - taken;

          if (held >= 0)
            csv_int (&csv, held / 86400);
          else
            csv_empty (&csv);

          if (has_returned)
            csv_bool (&csv, held <= 24 * 3600);
          else
            csv_bool (&csv, held > 24 * 3600 ? 0 : -1);
        }
      else
        {
          csv_empty (&csv);
          csv_empty (&csv);
        }
      csv_bool (&csv, sqlite3_column_int (stmt, 8));
      ok = csv_end_row (&csv, error);
    }

  sqlite3_reset (stmt);
  if (ok && rc != SQLITE_DONE)
    {
      csv_close (&csv, NULL);
      return sql_failed (job, NULL, error);
    }

  return csv_close (&csv, error) && ok;
}

/* --- Victim contact --- */

typedef struct {
  gint32      contacts;
  gint32      contacts_isva;
  gint32      events;
  gint32      due;
  gint32      on_time;
  gint32      late;
  gint32      letters;
  gint32      cadence;        /* 0: none agreed */
  const char *channel;
  gint8       isva;
} ContactInfo;

/* Runs "SELECT investigation_id, …" and hands each row to @func. */
static gboolean
for_each_case (Job          *job,
               const char   *sql,
               void        (*func) (Job *, ContactInfo *, sqlite3_stmt *),
               ContactInfo  *info,
               GError      **error)
{
  sqlite3_stmt *stmt = sot_store_prepare (job->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_text (stmt, 1, job->now_text, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 inv = sqlite3_column_int64 (stmt, 0);

      if (exported (job, inv))
        func (job, &info[inv], stmt);
    }

  if (rc != SQLITE_DONE)
    return sql_failed (job, stmt, error);
  sqlite3_reset (stmt);

  return TRUE;
}

static void
take_contacts (Job *job, ContactInfo *info, sqlite3_stmt *stmt)
{
  info->contacts = sqlite3_column_int (stmt, 1);
  info->contacts_isva = sqlite3_column_int (stmt, 2);
}

static void
take_events (Job *job, ContactInfo *info, sqlite3_stmt *stmt)
{
  info->events = sqlite3_column_int (stmt, 1);
}

static void
take_deadlines (Job *job, ContactInfo *info, sqlite3_stmt *stmt)
{
  info->due += sqlite3_column_int (stmt, 1);
  info->on_time += sqlite3_column_int (stmt, 2);
  info->late += sqlite3_column_int (stmt, 3);
}

static void
take_letters (Job *job, ContactInfo *info, sqlite3_stmt *stmt)
{
  info->letters = sqlite3_column_int (stmt, 1);
}

static void
take_isva (Job *job, ContactInfo *info, sqlite3_stmt *stmt)
{
  info->isva = 1;
}

static void
take_preference (Job *job, ContactInfo *info, sqlite3_stmt *stmt)
{
  /* Rows come oldest first: the last one is the agreement in force. */
  info->cadence = sqlite3_column_int (stmt, 1);
  info->channel = canon (col_text (stmt, 2), sot_contact_channels ());
}

static gboolean
write_contacts (Job     *job,
                GError **error)
{
  g_autofree ContactInfo *info = NULL;
  Resource *r;
  Csv csv;
  gboolean ok = TRUE;
  gboolean has_contact = sot_metrics_has_table (job->store, "victim_contact");
  gboolean has_events = sot_metrics_has_table (job->store, "right6_event");
  gboolean has_letters = sot_metrics_has_table (job->store, "victim_letter");
  gboolean has_isva = sot_metrics_has_table (job->store, "isva");
  gboolean has_preference = sot_metrics_has_table (job->store, "victim_contact_preference");

  r = resource_new (job, "victim_contact", "Victim contact",
                    "One row per exported investigation: the victim's enhanced rights, the "
                    "agreed update cadence and channel, ISVA support, how often the victim was "
                    "contacted, and the Victims' Code Right 6 deadlines met. Who made a contact "
                    "and what was said are not exported.");
  r->primary_key = g_strsplit ("case_key", " ", -1);
  add_case_foreign_key (r);
  add_key_field (r, "case_key", "Pseudonym of the investigation (see cases)", TRUE);
  add_field (r, "enhanced_rights", "boolean", "The (first) victim has enhanced rights under "
             "the Victims' Code; empty when no victim is recorded", NULL);
  add_count_field (r, "agreed_update_days", "The agreed update frequency in force, in days; "
                   "empty when none is agreed", "days");
  add_field (r, "agreed_channel", "string", "The agreed contact channel in force",
             sot_contact_channels ());
  add_field (r, "isva", "boolean", "An ISVA supports the victim; empty when the workspace does "
             "not record ISVAs", NULL);
  add_count_field (r, "contacts", "Contacts with the victim logged", "contacts");
  add_count_field (r, "contacts_with_isva_present", "Of those, with the ISVA present", "contacts");
  add_count_field (r, "right6_events", "Victims' Code Right 6 events (arrest, interview, "
                   "release, bail, …)", "events");
  add_count_field (r, "right6_deadlines_due", "Right 6 deadlines met or already due at the "
                   "export", "deadlines");
  add_count_field (r, "right6_met_on_time", "Right 6 deadlines met by their due time",
                   "deadlines");
  add_count_field (r, "right6_met_late", "Right 6 deadlines met after their due time",
                   "deadlines");
  add_count_field (r, "letters_sent", "JNAP victim letters sent", "letters");

  info = g_new0 (ContactInfo, job->max_inv_id + 1);

  if ((has_contact &&
       !for_each_case (job, "SELECT investigation_id, count (*), sum (isva_present) "
                       "FROM victim_contact GROUP BY investigation_id",
                       take_contacts, info, error)) ||
      (has_events &&
       !for_each_case (job, "SELECT investigation_id, count (*) FROM right6_event "
                       "GROUP BY investigation_id", take_events, info, error)) ||
      /* Summed here, not grouped in SQL: deadline has no index by case to group on. */
      !for_each_case (job, "SELECT investigation_id, "
                      "  met_at IS NOT NULL OR due_at < ?1, "
                      "  met_at IS NOT NULL AND met_at <= due_at, "
                      "  met_at IS NOT NULL AND met_at > due_at "
                      "FROM deadline WHERE kind LIKE 'right6:%'",
                      take_deadlines, info, error) ||
      (has_letters &&
       !for_each_case (job, "SELECT investigation_id, count (*) FROM victim_letter "
                       "GROUP BY investigation_id", take_letters, info, error)) ||
      (has_isva &&
       !for_each_case (job, "SELECT DISTINCT investigation_id FROM isva", take_isva, info, error)) ||
      (has_preference &&
       !for_each_case (job, "SELECT investigation_id, frequency_days, channel "
                       "FROM victim_contact_preference ORDER BY investigation_id, changed_at, id",
                       take_preference, info, error)))
    return FALSE;

  if (!has_contact)
    r->note = g_strdup ("The workspace has no victim_contact table (schema version before 4): "
                        "only the Right 6 deadline counts are filled.");

  if (!csv_open (job, r, &csv, error))
    return FALSE;

  for (guint i = 0; i < job->rows->len && ok; i++)
    {
      const CaseRow *row = &g_array_index (job->rows, CaseRow, i);
      const CaseInfo *c = &job->cases[row->inv_id];
      const ContactInfo *ci = &info[row->inv_id];

      if (c->state != 1 || c->first_row != i)
        continue;

      csv_str (&csv, row->case_key);
      csv_bool (&csv, c->victim_enhanced);
      if (ci->cadence > 0)
        csv_int (&csv, ci->cadence);
      else
        csv_empty (&csv);
      csv_str (&csv, ci->channel);
      csv_bool (&csv, has_isva ? ci->isva : -1);
      if (has_contact)
        {
          csv_int (&csv, ci->contacts);
          csv_int (&csv, ci->contacts_isva);
        }
      else
        {
          csv_empty (&csv);
          csv_empty (&csv);
        }
      if (has_events)
        csv_int (&csv, ci->events);
      else
        csv_empty (&csv);
      csv_int (&csv, ci->due);
      csv_int (&csv, ci->on_time);
      csv_int (&csv, ci->late);
      if (has_letters)
        csv_int (&csv, ci->letters);
      else
        csv_empty (&csv);
      ok = csv_end_row (&csv, error);
    }

  return csv_close (&csv, error) && ok;
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

  report (job, 0.35 + 0.60 * ((1.0 - SIDE_SHARE) * main_fraction + SIDE_SHARE * side_fraction),
          stage);
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

  report (job, 0.40, _("Lines of enquiry"));
  if (!write_lines (job, error) || check_cancelled (job, error))
    return FALSE;

  report (job, 0.60, _("Exhibits and samples"));
  if (!write_exhibits (job, error) || check_cancelled (job, error))
    return FALSE;

  report (job, 0.70, _("Devices"));
  if (!write_devices (job, error) || check_cancelled (job, error))
    return FALSE;

  report (job, SIDE_TO, _("Devices"));
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
  side->job.resources = g_ptr_array_new_with_free_func (resource_free);
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

/* --- Aggregates with disclosure control --- */

static gboolean
write_sdc_table (Job                *job,
                 const char         *name,
                 const char         *title,
                 const char         *description,
                 const char         *row_header,
                 const char         *row_description,
                 GPtrArray          *row_labels,
                 const char * const *col_names,
                 const char * const *col_descriptions,
                 SotSdcTable        *table,
                 GError            **error)
{
  guint n_rows = sot_sdc_table_get_n_rows (table);
  guint n_cols = sot_sdc_table_get_n_cols (table);
  gboolean row_totals = sot_sdc_table_has_row_totals (table);
  gboolean col_totals = sot_sdc_table_has_col_totals (table);
  g_autofree char *full_description = NULL;
  Resource *r;
  Field *f;
  Csv csv;
  gboolean ok = TRUE;

  sot_sdc_table_protect (table, job->options->threshold, job->options->round5);

  full_description = g_strdup_printf ("%s Counts below %u (zero included) are suppressed (an "
                                      "empty cell), and further cells are suppressed so that no "
                                      "hidden count can be worked back from the totals%s.",
                                      description, job->options->threshold,
                                      job->options->round5
                                      ? "; published counts are rounded to the nearest 5, "
                                        "totals on their own" : "");
  r = resource_new (job, name, title, full_description);
  r->aggregate = TRUE;
  r->primary_key = g_strsplit (row_header, " ", -1);
  f = add_field (r, row_header, "string", row_description, NULL);
  f->required = TRUE;
  for (guint c = 0; c < n_cols; c++)
    add_count_field (r, col_names[c], col_descriptions != NULL ? col_descriptions[c]
                                                                : "Count", NULL);
  if (row_totals)
    add_count_field (r, "total", "The row's total", NULL);

  if (!csv_open (job, r, &csv, error))
    return FALSE;

  for (guint row = 0; row < n_rows + (col_totals ? 1 : 0) && ok; row++)
    {
      csv_str (&csv, row < n_rows ? g_ptr_array_index (row_labels, row) : "total");
      for (guint c = 0; c < n_cols + (row_totals ? 1 : 0); c++)
        {
          gint64 value = sot_sdc_table_get_value (table, row, c);

          if (value < 0)
            csv_empty (&csv);
          else
            csv_int (&csv, value);
        }
      ok = csv_end_row (&csv, error);
    }

  r->suppressed = sot_sdc_table_get_n_suppressed (table);
  job->summary->n_suppressed += r->suppressed;

  return csv_close (&csv, error) && ok;
}

static guint
label_index (GPtrArray  *labels,
             GHashTable *index,
             const char *label)
{
  gpointer found = g_hash_table_lookup (index, label);

  if (found == NULL)
    {
      g_ptr_array_add (labels, g_strdup (label));
      found = GUINT_TO_POINTER (labels->len);
      g_hash_table_insert (index, g_strdup (label), found);
    }

  return GPOINTER_TO_UINT (found) - 1;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
write_aggregates (Job     *job,
                  GError **error)
{
  static const char * const volume_cols[] = {
    "reports", "early_advice_requests", "charging_files", "cps_decisions", "charges", NULL
  };
  static const char * const volume_descriptions[] = {
    "Investigations reported in the quarter",
    "Requests to the CPS for early advice made in the quarter",
    "Charging files submitted to the CPS in the quarter",
    "CPS decisions recorded in the quarter (every decision)",
    "Suspects charged in the quarter",
  };
  SotMetricsOptions metrics_options = { 0 };
  g_autoptr(SotMetrics) metrics = NULL;
  g_autoptr(GPtrArray) quarters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) quarter_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *decision_cols[SOT_CPS_N_DECISIONS + 1];
  const char *decision_descriptions[SOT_CPS_N_DECISIONS];
  const char *group_cols[G_N_ELEMENTS (outcome_groups)];
  guint n_groups = G_N_ELEMENTS (outcome_groups) - 1;
  guint n_relationships = G_N_ELEMENTS (relationships) - 1;

  metrics_options.from = job->options->from;
  metrics_options.to = job->options->to;
  metrics_options.volumes_only = TRUE;
  if (!(metrics = sot_metrics_compute (job->store, &metrics_options, error)))
    return FALSE;

  /* Volumes and CPS decisions by quarter of the event. */
  {
    g_autoptr(SotSdcTable) volumes = sot_sdc_table_new (metrics->quarters->len, 5, FALSE, TRUE);
    g_autoptr(SotSdcTable) decisions = sot_sdc_table_new (metrics->quarters->len,
                                                          SOT_CPS_N_DECISIONS, TRUE, TRUE);
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    Resource *r;
    Csv csv;
    gboolean ok = TRUE;

    for (guint i = 0; i < metrics->quarters->len; i++)
      {
        const SotMetricsPeriod *q = &g_array_index (metrics->quarters, SotMetricsPeriod, i);

        g_ptr_array_add (labels, g_strdup (q->period));
        sot_sdc_table_set (volumes, i, 0, q->reports);
        sot_sdc_table_set (volumes, i, 1, q->early_advice_requests);
        sot_sdc_table_set (volumes, i, 2, q->charging_files);
        sot_sdc_table_set (volumes, i, 3, q->decisions);
        sot_sdc_table_set (volumes, i, 4, q->charges);
        for (guint d = 0; d < SOT_CPS_N_DECISIONS; d++)
          sot_sdc_table_set (decisions, i, d, q->latest[d]);
      }

    for (guint d = 0; d < SOT_CPS_N_DECISIONS; d++)
      {
        decision_cols[d] = sot_cps_decision_to_string (d);
        decision_descriptions[d] = "Suspects whose decision in force was made in the quarter";
      }
    decision_cols[SOT_CPS_N_DECISIONS] = NULL;

    if (!write_sdc_table (job, "agg_volumes_by_quarter", "Volumes by quarter",
                          "Volumes by calendar quarter of the event (reports, CPS referrals for "
                          "early advice and with a charging file, CPS decisions, charges), with "
                          "a total row; the measures are not additive across a row.",
                          "quarter", "Calendar quarter (YYYY-Qn), or total", labels,
                          volume_cols, volume_descriptions, volumes, error) ||
        !write_sdc_table (job, "agg_cps_decisions_by_quarter", "CPS decisions by quarter",
                          "Suspects by the CPS decision in force (each suspect's latest), by "
                          "calendar quarter of that decision, with totals.",
                          "quarter", "Calendar quarter (YYYY-Qn), or total", labels,
                          decision_cols, decision_descriptions, decisions, error))
      return FALSE;

    /* Charge rates, both definitions, from the protected decision table: a rate is shown
     * only when every count it is made of is published, so it cannot reveal a hidden one. */
    r = resource_new (job, "agg_charge_rates_by_quarter", "Charge rates by quarter",
                      "Charge rates per suspect by calendar quarter of the decision in force, "
                      "in percent with one decimal. cps_charge_rate follows the CPS definition: "
                      "suspects charged ÷ legal decisions (charge, NFA evidential, NFA public "
                      "interest, out-of-court disposal; administratively finalised and other "
                      "excluded). charged_over_charged_plus_nfa is suspects charged ÷ (charged "
                      "+ NFA). A rate is empty when any count it is made of is suppressed in "
                      "agg_cps_decisions_by_quarter, or when its denominator is zero.");
    r->aggregate = TRUE;
    r->primary_key = g_strsplit ("quarter", " ", -1);
    add_field (r, "quarter", "string", "Calendar quarter (YYYY-Qn), or total", NULL)->required = TRUE;
    add_field (r, "cps_charge_rate", "number", "Suspects charged ÷ legal decisions (CPS "
               "definition), percent", NULL)->unit = g_strdup ("percent");
    add_field (r, "charged_over_charged_plus_nfa", "number", "Suspects charged ÷ (charged + "
               "NFA evidential + NFA public interest), percent", NULL)->unit = g_strdup ("percent");

    if (!csv_open (job, r, &csv, error))
      return FALSE;

    for (guint i = 0; i <= metrics->quarters->len && ok; i++)
      {
        gboolean legal_ok = TRUE, nfa_ok = TRUE;
        gint64 charged = sot_sdc_table_get_raw (decisions, i, SOT_CPS_CHARGE);
        gint64 legal = 0, nfa = 0;

        for (guint d = 0; d < SOT_CPS_N_DECISIONS; d++)
          {
            gboolean published = sot_sdc_table_is_published (decisions, i, d);
            gint64 raw = sot_sdc_table_get_raw (decisions, i, d);

            if (sot_cps_decision_is_legal (d))
              {
                legal += raw;
                legal_ok = legal_ok && published;
              }
            if (d == SOT_CPS_CHARGE || d == SOT_CPS_NFA_EVIDENTIAL || d == SOT_CPS_NFA_PUBLIC_INTEREST)
              {
                if (d != SOT_CPS_CHARGE)
                  nfa += raw;
                nfa_ok = nfa_ok && published;
              }
          }

        csv_str (&csv, i < metrics->quarters->len ? g_ptr_array_index (labels, i) : "total");
        for (guint which = 0; which < 2; which++)
          {
            gboolean shown = which == 0 ? legal_ok : nfa_ok;
            gint64 denominator = which == 0 ? legal : charged + nfa;
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            if (!shown || denominator == 0)
              {
                csv_empty (&csv);
                continue;
              }
            g_ascii_formatd (buffer, sizeof buffer, "%.1f", 100.0 * charged / denominator);
            csv_str (&csv, buffer);
          }
        ok = csv_end_row (&csv, error);
      }

    if (!csv_close (&csv, error) || !ok)
      return FALSE;
  }

  /* Outcome groups by quarter of report, per investigation; relationship by outcome group,
   * per record. */
  for (guint i = 0; i < n_groups; i++)
    group_cols[i] = outcome_groups[i];
  group_cols[n_groups] = "no-outcome";

  {
    g_autoptr(SotSdcTable) by_quarter = NULL;
    g_autoptr(SotSdcTable) by_relationship = NULL;
    g_autoptr(GPtrArray) relationship_labels = g_ptr_array_new_with_free_func (g_free);
    g_autofree guint *quarter_of_row = g_new0 (guint, MAX (1, job->rows->len));
    const char *group_plus[G_N_ELEMENTS (outcome_groups) + 1];

    for (guint i = 0; i < job->rows->len; i++)
      {
        const CaseRow *row = &g_array_index (job->rows, CaseRow, i);
        char quarter[8];

        if (row->month[0] == '\0')
          g_strlcpy (quarter, "unknown", sizeof quarter);
        else
          sot_metrics_quarter_of (row->month, quarter);
        quarter_of_row[i] = label_index (quarters, quarter_index, quarter);
      }

    /* Quarters in order: relabel after sorting. */
    {
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);
      g_autofree guint *new_index = g_new0 (guint, MAX (1, quarters->len));

      for (guint i = 0; i < quarters->len; i++)
        g_ptr_array_add (sorted, g_strdup (g_ptr_array_index (quarters, i)));
      g_ptr_array_sort (sorted, compare_labels);
      for (guint i = 0; i < quarters->len; i++)
        for (guint j = 0; j < sorted->len; j++)
          if (g_str_equal (g_ptr_array_index (quarters, i), g_ptr_array_index (sorted, j)))
            new_index[i] = j;
      for (guint i = 0; i < job->rows->len; i++)
        quarter_of_row[i] = new_index[quarter_of_row[i]];
      g_ptr_array_set_size (quarters, 0);
      for (guint j = 0; j < sorted->len; j++)
        g_ptr_array_add (quarters, g_strdup (g_ptr_array_index (sorted, j)));
    }

    by_quarter = sot_sdc_table_new (quarters->len, n_groups + 1, TRUE, TRUE);
    by_relationship = sot_sdc_table_new (n_relationships + 1, n_groups + 1, TRUE, TRUE);

    for (guint i = 0; i < n_relationships; i++)
      g_ptr_array_add (relationship_labels, g_strdup (relationships[i]));
    g_ptr_array_add (relationship_labels, g_strdup ("no-suspect"));

    for (guint i = 0; i < job->rows->len; i++)
      {
        const CaseRow *row = &g_array_index (job->rows, CaseRow, i);
        guint group = n_groups;
        guint relationship = n_relationships;

        for (guint g = 0; g < n_groups; g++)
          if (row->outcome_group == outcome_groups[g])
            group = g;
        for (guint k = 0; k < n_relationships; k++)
          if (row->relationship == relationships[k])
            relationship = k;

        if (job->cases[row->inv_id].first_row == i)
          sot_sdc_table_add (by_quarter, quarter_of_row[i], group, 1);
        sot_sdc_table_add (by_relationship, relationship, group, 1);
      }

    for (guint i = 0; i <= n_groups; i++)
      group_plus[i] = group_cols[i];
    group_plus[n_groups + 1] = NULL;

    if (!write_sdc_table (job, "agg_outcome_groups_by_quarter", "Outcome groups by quarter",
                          "Investigations reported in the period by calendar quarter of the "
                          "report and Soteria outcome group (no-outcome: still without an "
                          "outcome), with totals.",
                          "quarter", "Calendar quarter of the report (YYYY-Qn), or total",
                          quarters, group_plus, NULL, by_quarter, error) ||
        !write_sdc_table (job, "agg_relationship_by_outcome_group",
                          "Relationship by outcome group",
                          "Records (investigation × suspect) by victim–suspect relationship "
                          "(no-suspect: no suspect recorded) and Soteria outcome group, with "
                          "totals.",
                          "relationship", "Victim–suspect relationship, or total",
                          relationship_labels, group_plus, NULL, by_relationship, error))
      return FALSE;
  }

  return TRUE;
}

/* --- datapackage.json, README.md, manifest.sha256 --- */

static void
json_string (GString    *out,
             const char *value)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_strv (GString            *out,
           const char * const *values)
{
  g_string_append_c (out, '[');
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      json_string (out, values[i]);
    }
  g_string_append_c (out, ']');
}

static char *
package_title (Job *job)
{
  return job->fictional
    ? g_strdup ("FICTIONAL TRAINING DATA — Soteria Workbench evaluation dataset")
    : g_strdup ("Soteria Workbench evaluation dataset (pseudonymised, disclosure-controlled)");
}

static char *
period_text (Job *job)
{
  return g_strdup_printf ("%s to %s", job->options->from != NULL ? job->options->from : "the first report",
                          job->options->to != NULL ? job->options->to : "the last report");
}

static char *
build_datapackage (Job *job)
{
  GString *out = g_string_new ("{\n");
  g_autofree char *title = package_title (job);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = sot_time_format_utc (now);
  g_autofree char *period = period_text (job);

  g_string_append (out, "  \"profile\": \"tabular-data-package\",\n");
  g_string_append (out, "  \"name\": ");
  json_string (out, job->fictional ? "soteria-workbench-training-export" : "soteria-workbench-export");
  g_string_append (out, ",\n  \"id\": ");
  json_string (out, job->summary->package_id);
  g_string_append (out, ",\n  \"title\": ");
  json_string (out, title);
  g_string_append (out, ",\n  \"description\": ");
  {
    g_autofree char *description =
      g_strdup_printf ("%sPseudonymised record-level tables and disclosure-controlled aggregate "
                       "tables of the rape and serious sexual offence investigations reported "
                       "from %s, for evaluators of Operation Soteria. See README.md.",
                       job->fictional ? "FICTIONAL TRAINING DATA, made by the program's "
                                        "generator: no real person or case. " : "",
                       period);

    json_string (out, description);
  }
  g_string_append_printf (out, ",\n  \"fictional\": %s", job->fictional ? "true" : "false");
  g_string_append (out, ",\n  \"created\": ");
  json_string (out, created);
  g_string_append (out, ",\n  \"version\": ");
  json_string (out, PACKAGE_VERSION);
  g_string_append (out, ",\n  \"sources\": [{\"title\": \"Soteria Workbench ");
  g_string_append (out, PACKAGE_VERSION);
  g_string_append_printf (out, ", workspace schema version %d\"}]", job->schema_version);

  g_string_append (out, ",\n  \"disclosureControl\": {\n");
  g_string_append_printf (out, "    \"threshold\": %u,\n", job->options->threshold);
  g_string_append_printf (out, "    \"rounding\": \"%s\",\n", job->options->round5 ? "base-5" : "none");
  g_string_append_printf (out, "    \"suppressedCells\": %u,\n", job->summary->n_suppressed);
  g_string_append (out, "    \"quasiIdentifiers\": [\"offence_type\", ");
  g_string_append (out, job->options->coarsen_month ? "\"report_quarter\"" : "\"report_month\"");
  g_string_append (out, ", \"victim_age_band\", \"victim_sex\", \"suspect_age_band\", "
                   "\"suspect_sex\", \"relationship\"],\n");
  g_string_append_printf (out, "    \"k\": %u,\n", job->summary->k.k);
  g_string_append_printf (out, "    \"recordsInGroupsBelowThreshold\": %u,\n",
                          job->summary->k.n_records_below);
  g_string_append_printf (out, "    \"withheldInvestigations\": %u,\n", job->summary->n_withheld);
  g_string_append_printf (out, "    \"coarsenedMonthToQuarter\": %s,\n",
                          job->options->coarsen_month ? "true" : "false");
  g_string_append_printf (out, "    \"widerAgeBands\": %s,\n", job->options->coarsen_age ? "true" : "false");
  g_string_append (out, "    \"pseudonymKey\": ");
  json_string (out, sot_pseudonym_key_mode_to_string (job->options->key_mode));
  g_string_append (out, ",\n    \"period\": {\"from\": ");
  if (job->options->from != NULL)
    json_string (out, job->options->from);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"to\": ");
  if (job->options->to != NULL)
    json_string (out, job->options->to);
  else
    g_string_append (out, "null");
  g_string_append (out, "}\n  },\n");

  g_string_append (out, "  \"resources\": [\n");
  for (guint i = 0; i < job->resources->len; i++)
    {
      Resource *r = g_ptr_array_index (job->resources, i);

      g_string_append (out, "    {\n      \"name\": ");
      json_string (out, r->name);
      g_string_append (out, ",\n      \"path\": ");
      json_string (out, r->path);
      g_string_append (out, ",\n      \"profile\": \"tabular-data-resource\",\n");
      g_string_append (out, "      \"title\": ");
      json_string (out, r->title);
      g_string_append (out, ",\n      \"description\": ");
      json_string (out, r->description);
      g_string_append (out, ",\n      \"format\": \"csv\",\n      \"mediatype\": \"text/csv\",\n"
                       "      \"encoding\": \"utf-8\",\n");
      g_string_append_printf (out, "      \"bytes\": %" G_GINT64_FORMAT ",\n", r->bytes);
      g_string_append_printf (out, "      \"hash\": \"sha256:%s\",\n", r->sha256 != NULL ? r->sha256 : "");
      g_string_append (out, "      \"dialect\": {\"delimiter\": \",\", \"lineTerminator\": "
                       "\"\\r\\n\", \"quoteChar\": \"\\\"\", \"doubleQuote\": true, "
                       "\"header\": true},\n");
      g_string_append (out, "      \"schema\": {\n        \"missingValues\": [\"\"],\n"
                       "        \"fields\": [\n");
      for (guint j = 0; j < r->fields->len; j++)
        {
          Field *f = g_ptr_array_index (r->fields, j);
          gboolean constraints = f->required || f->enum_values != NULL || f->pattern != NULL ||
                                 f->has_minimum;

          g_string_append (out, "          {\"name\": ");
          json_string (out, f->name);
          g_string_append (out, ", \"type\": ");
          json_string (out, f->type);
          g_string_append (out, ", \"description\": ");
          json_string (out, f->description);
          if (f->unit != NULL)
            {
              g_string_append (out, ", \"unit\": ");
              json_string (out, f->unit);
            }
          if (g_str_equal (f->type, "boolean"))
            g_string_append (out, ", \"trueValues\": [\"true\"], \"falseValues\": [\"false\"]");
          if (constraints)
            {
              gboolean first = TRUE;

              g_string_append (out, ", \"constraints\": {");
              if (f->required)
                {
                  g_string_append (out, "\"required\": true");
                  first = FALSE;
                }
              if (f->has_minimum)
                {
                  g_string_append_printf (out, "%s\"minimum\": %" G_GINT64_FORMAT,
                                          first ? "" : ", ", f->minimum);
                  first = FALSE;
                }
              if (f->pattern != NULL)
                {
                  g_string_append (out, first ? "\"pattern\": " : ", \"pattern\": ");
                  json_string (out, f->pattern);
                  first = FALSE;
                }
              if (f->enum_values != NULL)
                {
                  g_string_append (out, first ? "\"enum\": " : ", \"enum\": ");
                  json_strv (out, (const char * const *) f->enum_values);
                }
              g_string_append_c (out, '}');
            }
          g_string_append (out, j + 1 < r->fields->len ? "},\n" : "}\n");
        }
      g_string_append (out, "        ]");
      if (r->primary_key != NULL)
        {
          g_string_append (out, ",\n        \"primaryKey\": ");
          json_strv (out, (const char * const *) r->primary_key);
        }
      if (r->foreign_keys->len > 0)
        {
          g_string_append (out, ",\n        \"foreignKeys\": [");
          for (guint j = 0; j < r->foreign_keys->len; j++)
            {
              ForeignKey *fk = g_ptr_array_index (r->foreign_keys, j);

              g_string_append (out, j > 0 ? ", {\"fields\": " : "{\"fields\": ");
              json_strv (out, (const char * const *) fk->fields);
              g_string_append (out, ", \"reference\": {\"resource\": ");
              json_string (out, fk->resource);
              g_string_append (out, ", \"fields\": ");
              json_strv (out, (const char * const *) fk->ref_fields);
              g_string_append (out, "}}");
            }
          g_string_append_c (out, ']');
        }
      g_string_append (out, "\n      }\n");
      g_string_append (out, i + 1 < job->resources->len ? "    },\n" : "    }\n");
    }
  g_string_append (out, "  ]\n}\n");

  return g_string_free (out, FALSE);
}

static char *
build_readme (Job *job)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = package_title (job);
  g_autofree char *period = period_text (job);
  const SotExportSummary *s = job->summary;

  g_string_append_printf (out, "# %s\n\n", title);

  if (job->fictional)
    g_string_append (out, "**THE DATA IN THIS PACKAGE ARE FICTIONAL.** They were exported from a "
                     "Soteria Workbench training workspace, filled by the program's generator "
                     "of fictional cases. No real person, victim, suspect or investigation is "
                     "described. Do not use them as evidence of anything.\n\n");

  g_string_append_printf (out, "Investigations reported from %s: %" G_GINT64_FORMAT
                          " investigations%s.\n\n", period, s->n_investigations,
                          s->n_withheld > 0 ? " before withholding" : "");
  g_string_append (out, "This folder is a [Frictionless Data Package](https://specs.frictionlessdata.io/): "
                   "`datapackage.json` describes every file (field types, code lists, units, "
                   "keys). The CSV files are RFC 4180, UTF-8, with CRLF line ends and a header "
                   "row; an empty cell is a missing value. `manifest.sha256` holds the SHA-256 "
                   "of every other file: check it with `sha256sum -c manifest.sha256`.\n\n");

  g_string_append (out, "## Files\n\n| file | rows | what it is |\n|---|---|---|\n");
  for (guint i = 0; i < job->resources->len; i++)
    {
      Resource *r = g_ptr_array_index (job->resources, i);

      g_string_append_printf (out, "| `%s` | %" G_GINT64_FORMAT " | %s%s%s |\n", r->path, r->rows,
                              r->title, r->aggregate ? " (disclosure-controlled)" : "",
                              r->note != NULL ? " — see the notes" : "");
    }
  g_string_append (out, "| `datapackage.json` | | the description of every file |\n"
                   "| `README.md` | | this text |\n"
                   "| `manifest.sha256` | | SHA-256 of every file |\n\n");

  g_string_append (out, "## What protects the people in these data\n\n");
  g_string_append (out, "- **Pseudonyms.** `case_key` and `suspect_key` are keyed HMAC-SHA-256 "
                   "pseudonyms of the records' random identifiers (the first 128 bits, as 32 "
                   "hexadecimal digits). The key never leaves the workstation. ");
  if (job->options->key_mode == SOT_PSEUDONYM_KEY_STABLE)
    g_string_append (out, "Key mode: **stable for this recipient** — the same investigation has "
                     "the same `case_key` in every package made for this recipient, so it can be "
                     "followed across exports; packages made for another recipient use another "
                     "key and cannot be joined with this one.\n");
  else
    g_string_append (out, "Key mode: **fresh** — the key was made for this export alone and "
                     "forgotten: the keys cannot be linked to any other package.\n");
  g_string_append (out, "- **No identifiers, no free text.** No name, date of birth, address, "
                   "phone number, crime reference, exact date or time, officer's name or free "
                   "text of any kind is in the package. Dates are months (`YYYY-MM`) or quarters "
                   "and day intervals; ages are bands.\n");
  g_string_append_printf (out, "- **Small counts.** In the aggregate tables (`agg_*.csv`) every "
                          "count below **%u**, zero included, is suppressed (an empty cell), "
                          "and further cells are suppressed so that no hidden count can be "
                          "worked back from the row and column totals. Suppressed cells in "
                          "this package: **%u**.%s A rate is shown only when every count it is "
                          "made of is shown.\n", job->options->threshold, s->n_suppressed,
                          job->options->round5 ? " Published counts are rounded to the nearest "
                          "5 (totals on their own, so rounded cells need not add up)." : "");
  g_string_append_printf (out, "- **Re-identification risk.** Over the quasi-identifiers of "
                          "`cases.csv` (offence type, %s, victim and suspect age band and sex, "
                          "relationship; the workspace is one force, so there is no area), the "
                          "smallest group of records sharing all their values has **k = %u** "
                          "record%s; **%u** of %u records are in groups smaller than %u.",
                          job->options->coarsen_month ? "report quarter" : "report month",
                          s->k.k, s->k.k == 1 ? "" : "s", s->k.n_records_below, s->k.n_records,
                          job->options->threshold);
  if (job->options->coarsen_month || job->options->coarsen_age)
    g_string_append_printf (out, " Coarsened for this export:%s%s.",
                            job->options->coarsen_month ? " quarters instead of months" : "",
                            job->options->coarsen_age ? (job->options->coarsen_month
                                                         ? "; wider age bands (<18, 18-40, 41+)"
                                                         : " wider age bands (<18, 18-40, 41+)")
                                                      : "");
  if (job->options->withhold_small_groups)
    g_string_append_printf (out, " The %u investigation%s with a record in such a group %s "
                            "withheld from every table.", s->n_withheld,
                            s->n_withheld == 1 ? "" : "s", s->n_withheld == 1 ? "was" : "were");
  else
    g_string_append (out, " These records were not withheld: treat the record-level tables "
                     "as personal data, under the data-sharing agreement they were sent under.");
  g_string_append (out, "\n\n");

  g_string_append (out, "## Definitions\n\n"
                   "- A record of `cases.csv` is an investigation × a suspect, as in the Soteria "
                   "academics' harmonised data (\"The Meaning of Missing\"); an investigation "
                   "without a recorded suspect has one record with empty suspect fields.\n"
                   "- Outcome groups follow that data: charged (1, 1A, 2A, 3A), other sanction, "
                   "prosecution prevented or not in the public interest, evidential difficulties "
                   "attributed to the victim (14, 16), evidential difficulties due to the "
                   "investigation (15, 18), transferred (20), unknown.\n"
                   "- Interval bands: same-day, 1-2, 3-10, 11-100, >100 days, unknown. Days are "
                   "between UK calendar days.\n"
                   "- CPS decisions and charge rates count suspects, by each suspect's decision "
                   "in force (the latest). The CPS charge rate is charged ÷ legal decisions "
                   "(charge, NFA evidential, NFA public interest, out-of-court disposal); the "
                   "other is charged ÷ (charged + NFA).\n"
                   "- Quarters are calendar quarters (2024-Q1 is January to March 2024). Volume "
                   "and decision tables count events dated in the period; the other tables "
                   "describe the investigations reported in it.\n\n");

  g_string_append (out, "## Notes\n\n");
  for (guint i = 0; i < job->resources->len; i++)
    {
      Resource *r = g_ptr_array_index (job->resources, i);

      if (r->note != NULL)
        g_string_append_printf (out, "- `%s`: %s\n", r->path, r->note);
    }
  for (guint i = 0; i < job->notes->len; i++)
    g_string_append_printf (out, "- %s\n", (const char *) g_ptr_array_index (job->notes, i));
  g_string_append_printf (out, "- Made by Soteria Workbench %s from a workspace of schema version "
                          "%d. Package id %s.\n", PACKAGE_VERSION, job->schema_version,
                          s->package_id);

  return g_string_free (out, FALSE);
}

static gboolean
write_metadata (Job     *job,
                GError **error)
{
  g_autofree char *datapackage = build_datapackage (job);
  g_autofree char *readme = build_readme (job);
  g_autofree char *datapackage_sha = NULL;
  g_autofree char *readme_sha = NULL;
  g_autoptr(GString) manifest = g_string_new (NULL);

  if (!write_small_file (job, "datapackage.json", datapackage, &datapackage_sha, error) ||
      !write_small_file (job, "README.md", readme, &readme_sha, error))
    return FALSE;

  for (guint i = 0; i < job->resources->len; i++)
    {
      Resource *r = g_ptr_array_index (job->resources, i);

      g_string_append_printf (manifest, "%s  %s\n", r->sha256, r->path);
    }
  g_string_append_printf (manifest, "%s  datapackage.json\n", datapackage_sha);
  g_string_append_printf (manifest, "%s  README.md\n", readme_sha);

  return write_small_file (job, "manifest.sha256", manifest->str, NULL, error);
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
  job->resources = g_ptr_array_new_with_free_func (resource_free);
  job->notes = g_ptr_array_new_with_free_func (g_free);
  job->catalogue = sot_forensic_catalogue_load (NULL, NULL);

  job->has_advice = sot_metrics_has_table (job->store, "cps_early_advice");
  job->has_files = sot_metrics_has_table (job->store, "cps_charging_file");
  job->has_cps = sot_metrics_has_table (job->store, "cps_decision");
  job->has_charges = sot_metrics_has_table (job->store, "cps_charge");

  report (job, 0.0, _("Reading the workspace"));

  if (!load_max_ids (job, error) ||
      !load_victims (job, error) ||
      !load_repeat_persons (job, error) ||
      !load_cps (job, error) ||
      check_cancelled (job, error) ||
      !read_records (job, error))
    return FALSE;

  compute_k (job);

  side_start (job, side_store);

  report_both (job, 0.0, _("Writing investigations"));
  ok = write_cases (job, error);
  resources_at = job->resources->len;
  notes_at = job->notes->len;

  if (ok)
    {
      report_both (job, 0.3, _("Victim contact"));
      ok = write_contacts (job, error) && !check_cancelled (job, error);
    }

  if (ok)
    {
      report_both (job, 0.6, _("Aggregate tables"));
      ok = write_aggregates (job, error) && !check_cancelled (job, error);
    }

  if (!side_finish (job, ok, resources_at, notes_at, error) || !ok)
    return FALSE;

  report (job, 0.95, _("Describing the package"));
  if (!write_metadata (job, error) || check_cancelled (job, error))
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

  report (job, 1.0, _("Done"));
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

/* Checks @target and makes the temporary sibling folder the package is written into. */
static char *
prepare_target (const char  *target,
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
          return NULL;
        }

      dir = g_dir_open (target, 0, NULL);
      if (dir == NULL || g_dir_read_name (dir) != NULL)
        {
          g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_TARGET_EXISTS,
                       _("The folder %s is not empty: choose a new or empty folder, so that no "
                         "file of another export is mixed with this one"), target);
          return NULL;
        }
    }

  parent = g_path_get_dirname (target);
  base = g_path_get_basename (target);

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot create the folder %s: %s"), parent, g_strerror (saved_errno));
      return NULL;
    }

  template = g_strdup_printf ("%s/.%s.partial-XXXXXX", parent, base);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot create a folder beside %s: %s"), target, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&template);
}

static Job *
job_new (SotStore               *store,
         const SotExportOptions *options,
         gboolean                preview,
         GCancellable           *cancellable)
{
  Job *job = g_new0 (Job, 1);

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

  if (!sot_store_audit (store, SOT_AUDIT_DISCLOSE, "dataset_export", job->summary->package_id,
                        purpose, recipient, error))
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
  DirectProgress direct = { progress, user_data };

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sot_export_options_check (options, TRUE, error))
    return FALSE;

  job = job_new (store, options, FALSE, cancellable);
  if (progress != NULL)
    {
      job->report = report_sync;
      job->report_target = &direct;
    }

  if (!(job->dir = prepare_target (target, error)))
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
  if (!(reader = sot_store_open (data->db_path, SOT_STORE_OPEN_NONE, &error)))
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
  data->target = g_strdup (target);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  data->job->report = report_async;
  data->job->report_target = data;
  g_task_set_task_data (task, data, async_data_unref);

  if (!(data->job->dir = prepare_target (target, &error)))
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
