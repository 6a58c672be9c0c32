/* sot-export-private.h: what the parts of the dataset export share
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export is one job (sot-export.c) that reads the records (sot-export-records.c), writes
 * the record-level tables (sot-export-tables.c) and the aggregates (sot-export-aggregates.c)
 * through the CSV writer (sot-csv-writer.c), and describes them (sot-export-package.c).
 */

#pragma once

#include <string.h>

#include "sot-export.h"
#include "sot-forensic-catalogue.h"
#include "sot-metrics.h"
#include "sot-reference.h"

G_BEGIN_DECLS

#define NO_DAY G_MININT32         /* a day number that is not known */
#define NO_ROW G_MAXUINT32
#define FLUSH_SIZE (256 * 1024)
#define CHECK_EVERY 4096

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
  int                   dir_lock;   /* flock()ed while the job lives: the folder is not stale */
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

/* --- CSV: RFC 4180, UTF-8, CRLF; hashed while written (sot-csv-writer.c) --- */

typedef struct {
  Job         *job;
  Resource    *resource;
  int          fd;
  GString     *buf;      /* being filled */
  GChecksum   *sha;      /* the writer's while it runs */
  gboolean     first;
  GThread     *writer;
  GAsyncQueue *full;     /* buffers to hash and write; the SotCsv itself ends the file */
  GAsyncQueue *empty;    /* buffers written, to fill again */
  int          write_errno;
} SotCsv;

/* Opens the file of @r (nothing is written in a preview) and writes its header row. */
gboolean sot_csv_open     (Job       *job,
                           Resource  *r,
                           SotCsv    *csv,
                           GError   **error);
/* Writes what is left, waits for the writer and sets the resource's SHA-256; with @error
 * already set (or %NULL after a failure), only cleans up. */
gboolean sot_csv_close    (SotCsv    *csv,
                           GError   **error);
void     sot_csv_str      (SotCsv     *csv,
                           const char *value);
void     sot_csv_int      (SotCsv     *csv,
                           gint64      value);
void     sot_csv_empty    (SotCsv     *csv);
/* A day interval, or an empty cell when either end is unknown or it is negative. */
void     sot_csv_days     (SotCsv     *csv,
                           gint32      start,
                           gint32      end);
/* true, false, or an empty cell for a negative @value. */
void     sot_csv_bool     (SotCsv     *csv,
                           int         value);
gboolean sot_csv_end_row  (SotCsv     *csv,
                           GError    **error);

/* Writes a whole small file (README, datapackage.json, manifest); returns its SHA-256. */
gboolean sot_export_write_small_file (Job         *job,
                                      const char  *name,
                                      const char  *contents,
                                      char       **out_sha256,
                                      GError     **error);

/* --- The job (sot-export.c) --- */

/* Reports progress to the caller, or to the main part from the side part. */
void     sot_export_report          (Job        *job,
                                     double      fraction,
                                     const char *stage);
/* %TRUE, with @error set, when the export was cancelled or its other part failed. */
gboolean sot_export_check_cancelled (Job        *job,
                                     GError    **error);

/* --- Records (sot-export-records.c) --- */

/* The code lists of the record-level tables. Rows keep pointers into them (see canon()). */
#define N_RELATIONSHIPS  6
#define N_OUTCOME_GROUPS 7
extern const char * const sot_export_sexes[];
extern const char * const sot_export_relationships[N_RELATIONSHIPS + 1];
extern const char * const sot_export_statuses[];
extern const char * const sot_export_age_bands[];
extern const char * const sot_export_wide_age_bands[];
extern const char * const sot_export_interval_bands[];
extern const char * const sot_export_outcome_groups[N_OUTCOME_GROUPS + 1];
extern const char * const sot_export_sampled_from[];
extern const char * const sot_export_retentions[];
extern const char * const sot_export_owner_roles[];
extern const char * const sot_export_legal_bases[];
extern const char * const sot_export_extraction_levels[];

/* The canonical (static) string equal to @value in @list, or %NULL: rows keep pointers. */
static inline const char *
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

static inline gboolean
in_range (gint64 id,
          gint64 max)
{
  return id > 0 && id <= max;
}

static inline const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static inline gint32
col_day (sqlite3_stmt *stmt,
         int           col)
{
  gint64 day;

  if (sot_metrics_day_number (col_text (stmt, col), &day))
    return (gint32) day;

  return NO_DAY;
}

/* Whether investigation @inv is in the package (in the period and not withheld). */
static inline gboolean
exported (Job    *job,
          gint64  inv)
{
  return in_range (inv, job->max_inv_id) && job->cases[inv].state == 1;
}

/* The pseudonym of an investigation read by sot_export_read_records(). */
static inline const char *
case_key (Job    *job,
          gint64  inv)
{
  return g_array_index (job->rows, CaseRow, job->cases[inv].first_row).case_key;
}

/* Sets @error from the store's last SQLite error, resets @stmt; returns %FALSE. */
gboolean sot_export_sql_failed          (Job           *job,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);
/* Adds a line to the notes of README.md. */
void     sot_export_add_note            (Job        *job,
                                         const char *format,
                                         ...) G_GNUC_PRINTF (2, 3);
/* Sizes the per-investigation and per-suspect arrays. */
gboolean sot_export_load_max_ids        (Job     *job,
                                         GError **error);
gboolean sot_export_load_victims        (Job     *job,
                                         GError **error);
gboolean sot_export_load_repeat_persons (Job     *job,
                                         GError **error);
gboolean sot_export_load_cps            (Job     *job,
                                         GError **error);
/* Reads the record-level table into job->rows. */
gboolean sot_export_read_records        (Job     *job,
                                         GError **error);
/* Sets the summary's k and, when asked, withholds the investigations in small groups. */
void     sot_export_compute_k           (Job     *job);

/* --- Tables (sot-export-tables.c, sot-export-aggregates.c) --- */

gboolean sot_export_write_cases      (Job     *job,
                                      GError **error);
gboolean sot_export_write_lines      (Job     *job,
                                      GError **error);
gboolean sot_export_write_exhibits   (Job     *job,
                                      GError **error);
gboolean sot_export_write_devices    (Job     *job,
                                      GError **error);
gboolean sot_export_write_contacts   (Job     *job,
                                      GError **error);
gboolean sot_export_write_aggregates (Job     *job,
                                      GError **error);

/* --- The package's description (sot-export-package.c) --- */

/* A new resource (a CSV file) of the job, in the order of the package. */
Resource *sot_export_resource_new         (Job        *job,
                                           const char *name,
                                           const char *title,
                                           const char *description);
void      sot_export_resource_free        (gpointer    data);
Field    *sot_export_add_field            (Resource           *r,
                                           const char         *name,
                                           const char         *type,
                                           const char         *description,
                                           const char * const *enum_values);
/* A non-negative integer field, with its unit (or %NULL). */
Field    *sot_export_add_count_field      (Resource   *r,
                                           const char *name,
                                           const char *description,
                                           const char *unit);
/* A pseudonym field (32 hexadecimal digits). */
Field    *sot_export_add_key_field        (Resource   *r,
                                           const char *name,
                                           const char *description,
                                           gboolean    required);
/* A foreign key from case_key to the cases table. */
void      sot_export_add_case_foreign_key (Resource   *r);
/* Writes datapackage.json, README.md and manifest.sha256. */
gboolean  sot_export_write_metadata       (Job     *job,
                                           GError **error);

G_END_DECLS
