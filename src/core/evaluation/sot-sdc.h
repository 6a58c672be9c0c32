/* sot-sdc.h: statistical disclosure control for aggregate tables and record-level k-anonymity
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (DOMAIN.md §6.2):
 *
 * - Primary suppression: every published count below the threshold, zero included, is
 *   suppressed. The threshold is 10 by default and never below 3.
 * - Secondary suppression: a table is treated with its margins as cells. Each row (its cells
 *   and its row total) and each column (its cells and its column total) is an additive line,
 *   and so are the row of column totals and the column of row totals (their sum is the grand
 *   total). While some line holds exactly one suppressed cell, the smallest other cell of that
 *   line that is still published is suppressed too (ties: the first in reading order). This is
 *   repeated until no line holds exactly one suppressed cell, so no hidden cell equals a total
 *   minus published cells. Two hidden cells per line are not always enough when both ways
 *   have totals (a hidden cell that links two separate groups of hidden cells is still fixed
 *   by the totals), so the published relations are then solved (Gaussian elimination) and
 *   each hidden cell they still determine is put on a rectangle of hidden cells, the
 *   cheapest one, and the line rule runs again, until no hidden cell is determined. A table
 *   may publish no row totals or no column totals: lines then only run the other way, and a
 *   line without a published total cannot be used to recompute.
 * - Optional rounding to base 5 of every published count (margins are rounded on their own,
 *   so rounded cells need not add up to a rounded total).
 * - k-anonymity over the quasi-identifiers of a record-level table: the smallest group of
 *   records sharing all their quasi-identifier values is k; records in groups smaller than
 *   the threshold are counted (and may be withheld by the caller).
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SOT_SDC_ERROR (sot_sdc_error_quark ())

typedef enum {
  SOT_SDC_ERROR_THRESHOLD,  /* a threshold below SOT_SDC_MIN_THRESHOLD */
} SotSdcError;

#define SOT_SDC_DEFAULT_THRESHOLD 10
#define SOT_SDC_MIN_THRESHOLD     3

/* What became of one cell. */
typedef enum {
  SOT_SDC_PUBLISHED,
  SOT_SDC_PRIMARY,    /* below the threshold */
  SOT_SDC_SECONDARY,  /* suppressed so that a primary cell cannot be recomputed */
} SotSdcState;

GQuark        sot_sdc_error_quark        (void);

/**
 * sot_sdc_check_threshold:
 * Refuses a threshold below %SOT_SDC_MIN_THRESHOLD with %SOT_SDC_ERROR_THRESHOLD.
 */
gboolean      sot_sdc_check_threshold    (guint         threshold,
                                          GError      **error);

/**
 * sot_sdc_round5:
 * Returns: @value rounded to the nearest multiple of 5 (…2 down, …3 up).
 */
gint64        sot_sdc_round5             (gint64        value);

/* A two-way table of counts with its margins. */
typedef struct _SotSdcTable SotSdcTable;

#define SOT_TYPE_SDC_TABLE (sot_sdc_table_get_type ())
GType         sot_sdc_table_get_type     (void) G_GNUC_CONST;

/**
 * sot_sdc_table_new:
 * @row_totals: whether the table publishes a total per row (an extra last column)
 * @col_totals: whether it publishes a total per column (an extra last row)
 *
 * A table of @n_rows × @n_cols counts, all zero. Totals are computed by sot_sdc_table_protect().
 * Returns: (transfer full): the table.
 */
SotSdcTable  *sot_sdc_table_new          (guint         n_rows,
                                          guint         n_cols,
                                          gboolean      row_totals,
                                          gboolean      col_totals);
SotSdcTable  *sot_sdc_table_ref          (SotSdcTable  *self);
void          sot_sdc_table_unref        (SotSdcTable  *self);

guint         sot_sdc_table_get_n_rows   (SotSdcTable  *self);
guint         sot_sdc_table_get_n_cols   (SotSdcTable  *self);
gboolean      sot_sdc_table_has_row_totals (SotSdcTable *self);
gboolean      sot_sdc_table_has_col_totals (SotSdcTable *self);

/* Sets or adds to an inner cell (@row < n_rows, @col < n_cols). */
void          sot_sdc_table_set          (SotSdcTable  *self,
                                          guint         row,
                                          guint         col,
                                          gint64        value);
void          sot_sdc_table_add          (SotSdcTable  *self,
                                          guint         row,
                                          guint         col,
                                          gint64        value);

/**
 * sot_sdc_table_protect:
 * Computes the margins, then applies primary and secondary suppression with @threshold and,
 * with @round5, rounds what stays published. Can be called again after cells change.
 * Returns: the number of suppressed cells, margins included.
 */
guint         sot_sdc_table_protect      (SotSdcTable  *self,
                                          guint         threshold,
                                          gboolean      round5);

/* The true count of a cell; @row == n_rows is the row of column totals and @col == n_cols the
 * column of row totals (when the table has them). */
gint64        sot_sdc_table_get_raw      (SotSdcTable  *self,
                                          guint         row,
                                          guint         col);
SotSdcState   sot_sdc_table_get_state    (SotSdcTable  *self,
                                          guint         row,
                                          guint         col);
/* Whether the cell may be shown. */
gboolean      sot_sdc_table_is_published (SotSdcTable  *self,
                                          guint         row,
                                          guint         col);
/* The value to show (rounded when asked), or -1 when the cell is suppressed. */
gint64        sot_sdc_table_get_value    (SotSdcTable  *self,
                                          guint         row,
                                          guint         col);
/* The number of suppressed cells after the last sot_sdc_table_protect(). */
guint         sot_sdc_table_get_n_suppressed (SotSdcTable *self);

/**
 * sot_sdc_table_count_recoverable:
 * An independent check of the protection: solves the published additive relations (each line
 * sums to its total) for the suppressed cells by Gaussian elimination and counts the
 * suppressed cells whose value they determine exactly. Should be 0 after
 * sot_sdc_table_protect(); non-negativity is not used, so the check is conservative in
 * one direction only.
 */
guint         sot_sdc_table_count_recoverable (SotSdcTable *self);

/* --- k-anonymity --- */

typedef struct _SotKAnonymity SotKAnonymity;

/* The quasi-identifiers of one record are joined into one key with this separator. */
#define SOT_K_SEPARATOR '\x1f'

/* Returns: (transfer full): an empty counter of quasi-identifier combinations. */
SotKAnonymity *sot_k_anonymity_new        (void);
void           sot_k_anonymity_free       (SotKAnonymity *self);

/**
 * sot_k_anonymity_add:
 * @values: (array length=n_values): the record's quasi-identifier values (%NULL is "")
 * Counts one record.
 */
void           sot_k_anonymity_add        (SotKAnonymity      *self,
                                           const char * const *values,
                                           guint               n_values);
/* The size of the group of records sharing @values (0 when none). */
guint          sot_k_anonymity_group_size (SotKAnonymity      *self,
                                           const char * const *values,
                                           guint               n_values);

typedef struct {
  guint n_records;
  guint n_groups;
  guint k;                  /* the smallest group size; 0 when there is no record */
  guint n_records_below;    /* records in groups smaller than the threshold */
  guint n_groups_below;
} SotKResult;

/* Fills @out with the figures at @threshold. */
void           sot_k_anonymity_result     (SotKAnonymity      *self,
                                           guint               threshold,
                                           SotKResult         *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotSdcTable, sot_sdc_table_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotKAnonymity, sot_k_anonymity_free)

G_END_DECLS
