/* sot-export.h: the pseudonymised, disclosure-controlled dataset export (a Frictionless Data Package)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What leaves, and what never does:
 *
 * - The package is a folder: CSV files (RFC 4180, UTF-8, CRLF line ends, a header row),
 *   datapackage.json (a Table Schema for every file), README.md for people, and
 *   manifest.sha256 (the format of `sha256sum -c`).
 * - Record-level tables carry keyed HMAC-SHA-256 pseudonyms (sot-pseudonym.h) instead of
 *   record keys, months ("YYYY-MM") or quarters instead of dates, day intervals and bands
 *   instead of times, age bands instead of ages, and codes from closed lists. The export
 *   reads only such columns: never an *_identity table, never a free-text column, never a
 *   name (officers' included), a crime reference, an exact time or a date of birth.
 * - Aggregate tables by quarter go through statistical disclosure control (sot-sdc.h).
 * - The quasi-identifiers of the record-level table (offence type, report month, victim and
 *   suspect age band and sex, relationship; the workspace is one force, so there is no area)
 *   give the k reported; records in smaller groups can be coarsened or withheld.
 * - A package made from a training workspace says in every description that its data are
 *   fictional.
 * - The package is written into a temporary sibling folder and renamed into place at the
 *   end, so a cancelled or failed export leaves nothing behind; an existing non-empty target
 *   is refused. Every export is an audit *disclose* row naming the recipient and the purpose.
 * - The period selects the investigations reported in it (from/to months, inclusive); every
 *   table describes those investigations (the volume and charge-rate aggregates count events
 *   dated in the period, as sot-metrics.h defines them).
 */

#pragma once

#include "sot-pseudonym.h"
#include "sot-sdc.h"
#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_EXPORT_ERROR (sot_export_error_quark ())

typedef enum {
  SOT_EXPORT_ERROR_INVALID,        /* a missing recipient or purpose, a bad option */
  SOT_EXPORT_ERROR_TARGET_EXISTS,  /* the target exists and is not an empty folder */
  SOT_EXPORT_ERROR_FAILED,         /* writing failed */
} SotExportError;

/**
 * SotExportOptions:
 * What to export and for whom. Strings are owned (g_free). Create with
 * sot_export_options_new() for the defaults.
 */
typedef struct {
  char                *from;                  /* "YYYY-MM" or %NULL */
  char                *to;                    /* "YYYY-MM" or %NULL */
  guint                threshold;             /* SDC threshold, >= SOT_SDC_MIN_THRESHOLD */
  gboolean             round5;                /* round published counts to base 5 */
  SotPseudonymKeyMode  key_mode;
  char                *recipient;             /* required: who receives the package */
  char                *purpose;               /* required: why */
  gboolean             coarsen_month;         /* record-level: quarter instead of month */
  gboolean             coarsen_age;           /* record-level: wider age bands */
  gboolean             withhold_small_groups; /* withhold cases in groups smaller than the threshold */
} SotExportOptions;

/* Returns: (transfer full): the defaults: everything, threshold 10, no rounding, stable key. */
SotExportOptions *sot_export_options_new   (void);
SotExportOptions *sot_export_options_copy  (const SotExportOptions *options);
void              sot_export_options_free  (SotExportOptions       *options);

/**
 * sot_export_options_check:
 * @for_export: whether the recipient and purpose are required (a preview needs neither)
 * Checks the period, the threshold and, for an export, that recipient and purpose are given.
 */
gboolean          sot_export_options_check (const SotExportOptions *options,
                                            gboolean                for_export,
                                            GError                **error);

/* One file of the package. */
typedef struct {
  char   *name;          /* the resource name in datapackage.json */
  char   *path;          /* the file name */
  gint64  rows;          /* data rows, header excluded */
  guint   suppressed;    /* suppressed cells (aggregate tables) */
  char   *note;          /* (nullable) why the table is empty, or other caveats */
} SotExportTable;

typedef struct {
  char               *package_id;      /* a UUID, also the audit row's entity */
  char               *path;            /* the package folder; %NULL for a preview */
  GPtrArray          *tables;          /* (element-type SotExportTable) */
  guint               n_suppressed;    /* over every aggregate table */
  guint               threshold;
  gboolean            round5;
  SotKResult          k;               /* over the record-level quasi-identifiers, before withholding */
  guint               n_withheld;      /* investigations withheld */
  gboolean            fictional;
  SotPseudonymKeyMode key_mode;
  gboolean            key_created;     /* a stable key was created for this recipient */
  gint64              n_investigations;
} SotExportSummary;

void              sot_export_summary_free  (SotExportSummary *summary);

/* Returns: the rows of the table @name in @summary, or -1 when it has none. */
gint64            sot_export_summary_get_rows (const SotExportSummary *summary,
                                               const char             *name);

/**
 * SotExportProgress:
 * @fraction: 0 to 1
 * @stage: what is being done, for people
 * Called on the thread that started the export (the main context for an async one).
 */
typedef void (*SotExportProgress) (double      fraction,
                                   const char *stage,
                                   gpointer    user_data);

GQuark            sot_export_error_quark   (void);

/**
 * sot_export_remove_leftovers:
 * @target: the package folder an export is about to write
 *
 * Removes the temporary folders (`.NAME.partial-XXXXXX`) that killed exports left beside
 * @target; a folder that a running export still holds is left alone.
 * Returns: (transfer full): the paths removed, possibly none.
 */
GPtrArray        *sot_export_remove_leftovers (const char *target);

/**
 * sot_export_run:
 * @store: the workspace; the audit row is written through it
 * @target: the package folder to create (absent, or an empty folder)
 * @progress: (nullable) (scope call): progress callback
 * @out_summary: (out) (optional) (transfer full): what was written
 *
 * Writes the package synchronously (for the CLI), then records the audit *disclose* row.
 * On any error, and on cancellation (%G_IO_ERROR_CANCELLED), nothing remains at @target
 * nor beside it.
 */
gboolean          sot_export_run           (SotStore                *store,
                                            const char              *target,
                                            const SotExportOptions  *options,
                                            SotExportProgress        progress,
                                            gpointer                 user_data,
                                            GCancellable            *cancellable,
                                            SotExportSummary       **out_summary,
                                            GError                 **error);

/**
 * sot_export_run_async:
 * @progress: (nullable) (scope notified): called on the caller's main context; it may cancel
 * @user_data: data for @progress
 * @callback: (scope async): called when done
 *
 * As sot_export_run(), reading the workspace on a second connection of @store's file in a
 * worker thread; the caller's @store writes the audit row at the end, on the caller's
 * context. An in-memory workspace cannot be exported this way.
 */
void              sot_export_run_async     (SotStore                *store,
                                            const char              *target,
                                            const SotExportOptions  *options,
                                            SotExportProgress        progress,
                                            gpointer                 progress_data,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);

/* Returns: (transfer full): the summary, or %NULL with @error set. */
SotExportSummary *sot_export_run_finish    (SotStore                *store,
                                            GAsyncResult            *result,
                                            GError                 **error);

/**
 * sot_export_preview:
 * Everything an export would do but writing: row counts per table, suppressed cells, k.
 * Needs no recipient or purpose and uses a fresh key (no key file is created).
 * Returns: (transfer full): the summary, or %NULL with @error set.
 */
SotExportSummary *sot_export_preview       (SotStore                *store,
                                            const SotExportOptions  *options,
                                            GCancellable            *cancellable,
                                            GError                 **error);

/**
 * sot_export_dump_sql:
 * The SELECT the benchmark gives `sqlite3 -csv`: the rows the record-level table is made
 * from (investigation × suspect, with the first victim), as plain columns.
 */
const char       *sot_export_dump_sql      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotExportOptions, sot_export_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotExportSummary, sot_export_summary_free)

G_END_DECLS
