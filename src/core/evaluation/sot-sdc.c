/* sot-sdc.c: statistical disclosure control for aggregate tables and record-level k-anonymity
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-sdc"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sot-sdc.h"

struct _SotSdcTable
{
  guint     n_rows;
  guint     n_cols;
  gboolean  row_totals;
  gboolean  col_totals;
  guint     grid_rows;   /* n_rows, plus the row of column totals */
  guint     grid_cols;   /* n_cols, plus the column of row totals */
  gint64   *raw;
  guint8   *state;       /* SotSdcState */
  gboolean  round5;
  guint     n_suppressed;
};

G_DEFINE_QUARK (sot-sdc-error-quark, sot_sdc_error)

G_DEFINE_BOXED_TYPE (SotSdcTable, sot_sdc_table, sot_sdc_table_ref, sot_sdc_table_unref)

gboolean
sot_sdc_check_threshold (guint    threshold,
                         GError **error)
{
  if (threshold < SOT_SDC_MIN_THRESHOLD)
    {
      g_set_error (error, SOT_SDC_ERROR, SOT_SDC_ERROR_THRESHOLD,
                   _("The suppression threshold must be at least %d (it was %u)"),
                   SOT_SDC_MIN_THRESHOLD, threshold);
      return FALSE;
    }

  return TRUE;
}

gint64
sot_sdc_round5 (gint64 value)
{
  gint64 rest = value % 5;

  if (rest < 0)
    rest += 5;

  return rest >= 3 ? value - rest + 5 : value - rest;
}

static void
table_free (gpointer data)
{
  SotSdcTable *self = data;

  g_free (self->raw);
  g_free (self->state);
}

SotSdcTable *
sot_sdc_table_new (guint    n_rows,
                   guint    n_cols,
                   gboolean row_totals,
                   gboolean col_totals)
{
  SotSdcTable *self = g_atomic_rc_box_new0 (SotSdcTable);

  self->n_rows = n_rows;
  self->n_cols = n_cols;
  self->row_totals = row_totals;
  self->col_totals = col_totals;
  self->grid_rows = n_rows + (col_totals ? 1 : 0);
  self->grid_cols = n_cols + (row_totals ? 1 : 0);
  self->raw = g_new0 (gint64, (gsize) self->grid_rows * self->grid_cols);
  self->state = g_new0 (guint8, (gsize) self->grid_rows * self->grid_cols);

  return self;
}

SotSdcTable *
sot_sdc_table_ref (SotSdcTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
sot_sdc_table_unref (SotSdcTable *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, table_free);
}

guint
sot_sdc_table_get_n_rows (SotSdcTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

guint
sot_sdc_table_get_n_cols (SotSdcTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_cols;
}

gboolean
sot_sdc_table_has_row_totals (SotSdcTable *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->row_totals;
}

gboolean
sot_sdc_table_has_col_totals (SotSdcTable *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->col_totals;
}

static inline gsize
cell_index (SotSdcTable *self,
            guint        row,
            guint        col)
{
  return (gsize) row * self->grid_cols + col;
}

void
sot_sdc_table_set (SotSdcTable *self,
                   guint        row,
                   guint        col,
                   gint64       value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->n_rows && col < self->n_cols);
  g_return_if_fail (value >= 0);

  self->raw[cell_index (self, row, col)] = value;
}

void
sot_sdc_table_add (SotSdcTable *self,
                   guint        row,
                   guint        col,
                   gint64       value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->n_rows && col < self->n_cols);

  self->raw[cell_index (self, row, col)] += value;
}

static void
compute_margins (SotSdcTable *self)
{
  if (self->row_totals)
    for (guint r = 0; r < self->n_rows; r++)
      {
        gint64 sum = 0;

        for (guint c = 0; c < self->n_cols; c++)
          sum += self->raw[cell_index (self, r, c)];
        self->raw[cell_index (self, r, self->n_cols)] = sum;
      }

  if (self->col_totals)
    for (guint c = 0; c < self->grid_cols; c++)
      {
        gint64 sum = 0;

        for (guint r = 0; r < self->n_rows; r++)
          sum += self->raw[cell_index (self, r, c)];
        self->raw[cell_index (self, self->n_rows, c)] = sum;
      }
}

/* A line of the grid: a row (when rows have totals) or a column (when columns have totals).
 * The last cell of a line is its total. */
typedef struct {
  gsize start;
  gsize stride;
  guint length;
} Line;

static GArray *
table_lines (SotSdcTable *self)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));

  if (self->row_totals)
    for (guint r = 0; r < self->grid_rows; r++)
      {
        Line line = { cell_index (self, r, 0), 1, self->grid_cols };

        g_array_append_val (lines, line);
      }

  if (self->col_totals)
    for (guint c = 0; c < self->grid_cols; c++)
      {
        Line line = { cell_index (self, 0, c), self->grid_cols, self->grid_rows };

        g_array_append_val (lines, line);
      }

  return lines;
}

/* Solves the published additive relations for the hidden cells and marks in @determined
 * (when not %NULL) each hidden cell whose value they fix. Returns how many there are. */
static guint
find_determined (SotSdcTable *self,
                 guint8      *determined)
{
  g_autoptr(GArray) lines = NULL;
  g_autofree int *unknown_of_cell = NULL;
  g_autofree double *matrix = NULL;
  g_autofree int *pivot_col_of_row = NULL;
  gsize n_cells;
  guint n_unknowns = 0;
  guint n_eq;
  guint rank = 0;
  guint recoverable = 0;

  n_cells = (gsize) self->grid_rows * self->grid_cols;
  unknown_of_cell = g_new (int, n_cells);
  for (gsize i = 0; i < n_cells; i++)
    unknown_of_cell[i] = self->state[i] != SOT_SDC_PUBLISHED ? (int) n_unknowns++ : -1;

  if (n_unknowns == 0)
    return 0;

  lines = table_lines (self);
  n_eq = lines->len;
  matrix = g_new0 (double, (gsize) n_eq * n_unknowns);

  /* Each line: the inner cells minus the total are zero. Only the coefficients of the hidden
   * cells matter to whether one is determined. */
  for (guint l = 0; l < n_eq; l++)
    {
      const Line *line = &g_array_index (lines, Line, l);

      for (guint k = 0; k < line->length; k++)
        {
          gsize i = line->start + k * line->stride;

          if (unknown_of_cell[i] >= 0)
            matrix[(gsize) l * n_unknowns + unknown_of_cell[i]] = k + 1 == line->length ? -1.0 : 1.0;
        }
    }

  /* Reduced row echelon form. */
  pivot_col_of_row = g_new (int, n_eq);
  for (guint col = 0; col < n_unknowns && rank < n_eq; col++)
    {
      guint best = rank;

      for (guint r = rank; r < n_eq; r++)
        if (fabs (matrix[(gsize) r * n_unknowns + col]) > fabs (matrix[(gsize) best * n_unknowns + col]))
          best = r;

      if (fabs (matrix[(gsize) best * n_unknowns + col]) < 1e-9)
        continue;

      if (best != rank)
        for (guint c = 0; c < n_unknowns; c++)
          {
            double tmp = matrix[(gsize) best * n_unknowns + c];

            matrix[(gsize) best * n_unknowns + c] = matrix[(gsize) rank * n_unknowns + c];
            matrix[(gsize) rank * n_unknowns + c] = tmp;
          }

      {
        double pivot = matrix[(gsize) rank * n_unknowns + col];

        for (guint c = 0; c < n_unknowns; c++)
          matrix[(gsize) rank * n_unknowns + c] /= pivot;
      }

      for (guint r = 0; r < n_eq; r++)
        {
          double factor;

          if (r == rank)
            continue;
          factor = matrix[(gsize) r * n_unknowns + col];
          if (fabs (factor) < 1e-12)
            continue;
          for (guint c = 0; c < n_unknowns; c++)
            matrix[(gsize) r * n_unknowns + c] -= factor * matrix[(gsize) rank * n_unknowns + c];
        }

      pivot_col_of_row[rank] = (int) col;
      rank++;
    }

  /* A hidden cell is determined when it is a pivot variable whose row involves no free
   * variable: no solution of the homogeneous system moves it. */
  for (guint r = 0; r < rank; r++)
    {
      gboolean alone = TRUE;

      for (guint c = 0; c < n_unknowns && alone; c++)
        if ((int) c != pivot_col_of_row[r] && fabs (matrix[(gsize) r * n_unknowns + c]) > 1e-9)
          alone = FALSE;

      if (alone)
        {
          recoverable++;
          if (determined != NULL)
            for (gsize i = 0; i < n_cells; i++)
              if (unknown_of_cell[i] == pivot_col_of_row[r])
                determined[i] = 1;
        }
    }

  return recoverable;
}

guint
sot_sdc_table_protect (SotSdcTable *self,
                       guint        threshold,
                       gboolean     round5)
{
  g_autoptr(GArray) lines = NULL;
  gsize n_cells;
  gboolean changed;

  g_return_val_if_fail (self != NULL, 0);

  threshold = MAX (threshold, SOT_SDC_MIN_THRESHOLD);
  self->round5 = round5;
  n_cells = (gsize) self->grid_rows * self->grid_cols;

  compute_margins (self);

  for (gsize i = 0; i < n_cells; i++)
    self->state[i] = self->raw[i] < (gint64) threshold ? SOT_SDC_PRIMARY : SOT_SDC_PUBLISHED;

  lines = table_lines (self);

  /* Each pass may suppress cells that leave another line with a single hidden cell: go on
   * until nothing changes. Every pass suppresses at least one cell, so this ends. */
  do
    {
      changed = FALSE;

      for (guint l = 0; l < lines->len; l++)
        {
          const Line *line = &g_array_index (lines, Line, l);
          guint n_hidden = 0;
          gsize best = G_MAXSIZE;

          for (guint k = 0; k < line->length; k++)
            {
              gsize i = line->start + k * line->stride;

              if (self->state[i] != SOT_SDC_PUBLISHED)
                n_hidden++;
              else if (best == G_MAXSIZE || self->raw[i] < self->raw[best])
                best = i;
            }

          if (n_hidden == 1 && best != G_MAXSIZE)
            {
              self->state[best] = SOT_SDC_SECONDARY;
              changed = TRUE;
            }
        }

      /* Two hidden cells in every line is not always enough: a hidden cell that joins two
       * otherwise separate groups of hidden cells (a bridge) is still fixed by the totals.
       * The solver finds such cells; each is put on a rectangle of hidden cells (the
       * cheapest one: the smallest published cells to add), where it can move by ±d. */
      if (!changed)
        {
          g_autofree guint8 *determined = g_new0 (guint8, n_cells);

          if (find_determined (self, determined) > 0)
            for (gsize i = 0; i < n_cells && !changed; i++)
              if (determined[i])
                {
                  guint r = i / self->grid_cols, c = i % self->grid_cols;
                  gint64 best_cost = -1;
                  guint best_r = 0, best_c = 0;

                  for (guint r2 = 0; r2 < self->grid_rows; r2++)
                    for (guint c2 = 0; c2 < self->grid_cols; c2++)
                      {
                        gsize corners[3] = { cell_index (self, r, c2), cell_index (self, r2, c),
                                             cell_index (self, r2, c2) };
                        gint64 cost = 0;

                        if (r2 == r || c2 == c)
                          continue;
                        for (guint k = 0; k < 3; k++)
                          if (self->state[corners[k]] == SOT_SDC_PUBLISHED)
                            cost += self->raw[corners[k]] + 1;
                        if (best_cost < 0 || cost < best_cost)
                          {
                            best_cost = cost;
                            best_r = r2;
                            best_c = c2;
                          }
                      }

                  if (best_cost > 0)
                    {
                      gsize corners[3] = { cell_index (self, r, best_c), cell_index (self, best_r, c),
                                           cell_index (self, best_r, best_c) };

                      for (guint k = 0; k < 3; k++)
                        if (self->state[corners[k]] == SOT_SDC_PUBLISHED)
                          self->state[corners[k]] = SOT_SDC_SECONDARY;
                      changed = TRUE;
                    }
                }
        }
    }
  while (changed);

  self->n_suppressed = 0;
  for (gsize i = 0; i < n_cells; i++)
    if (self->state[i] != SOT_SDC_PUBLISHED)
      self->n_suppressed++;

  return self->n_suppressed;
}

static gboolean
check_cell (SotSdcTable *self,
            guint        row,
            guint        col)
{
  return row < self->grid_rows && col < self->grid_cols;
}

gint64
sot_sdc_table_get_raw (SotSdcTable *self,
                       guint        row,
                       guint        col)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (check_cell (self, row, col), -1);

  return self->raw[cell_index (self, row, col)];
}

SotSdcState
sot_sdc_table_get_state (SotSdcTable *self,
                         guint        row,
                         guint        col)
{
  g_return_val_if_fail (self != NULL, SOT_SDC_PRIMARY);
  g_return_val_if_fail (check_cell (self, row, col), SOT_SDC_PRIMARY);

  return self->state[cell_index (self, row, col)];
}

gboolean
sot_sdc_table_is_published (SotSdcTable *self,
                            guint        row,
                            guint        col)
{
  return sot_sdc_table_get_state (self, row, col) == SOT_SDC_PUBLISHED;
}

gint64
sot_sdc_table_get_value (SotSdcTable *self,
                         guint        row,
                         guint        col)
{
  gint64 value;

  if (!sot_sdc_table_is_published (self, row, col))
    return -1;

  value = self->raw[cell_index (self, row, col)];

  return self->round5 ? sot_sdc_round5 (value) : value;
}

guint
sot_sdc_table_get_n_suppressed (SotSdcTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_suppressed;
}

guint
sot_sdc_table_count_recoverable (SotSdcTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return find_determined (self, NULL);
}

/* --- k-anonymity --- */

struct _SotKAnonymity
{
  GHashTable *groups;   /* key → (guint *) count */
  GString    *scratch;
  guint       n_records;
};

SotKAnonymity *
sot_k_anonymity_new (void)
{
  SotKAnonymity *self = g_new0 (SotKAnonymity, 1);

  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->scratch = g_string_new (NULL);

  return self;
}

void
sot_k_anonymity_free (SotKAnonymity *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->groups);
  g_string_free (self->scratch, TRUE);
  g_free (self);
}

static const char *
join_key (SotKAnonymity      *self,
          const char * const *values,
          guint               n_values)
{
  g_string_truncate (self->scratch, 0);

  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (self->scratch, SOT_K_SEPARATOR);
      if (values[i] != NULL)
        g_string_append (self->scratch, values[i]);
    }

  return self->scratch->str;
}

void
sot_k_anonymity_add (SotKAnonymity      *self,
                     const char * const *values,
                     guint               n_values)
{
  const char *key;
  guint *count;

  g_return_if_fail (self != NULL);

  key = join_key (self, values, n_values);
  count = g_hash_table_lookup (self->groups, key);
  if (count == NULL)
    {
      count = g_new0 (guint, 1);
      g_hash_table_insert (self->groups, g_strdup (key), count);
    }
  (*count)++;

  self->n_records++;
}

guint
sot_k_anonymity_group_size (SotKAnonymity      *self,
                            const char * const *values,
                            guint               n_values)
{
  guint *count;

  g_return_val_if_fail (self != NULL, 0);

  count = g_hash_table_lookup (self->groups, join_key (self, values, n_values));
  return count != NULL ? *count : 0;
}

void
sot_k_anonymity_result (SotKAnonymity *self,
                        guint          threshold,
                        SotKResult    *out)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->n_records = self->n_records;
  out->n_groups = g_hash_table_size (self->groups);

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      guint size = *(guint *) value;

      if (out->k == 0 || size < out->k)
        out->k = size;

      if (size < threshold)
        {
          out->n_groups_below++;
          out->n_records_below += size;
        }
    }
}
