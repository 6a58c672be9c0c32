/* test-sdc.c: small-cell suppression, secondary suppression, rounding and k-anonymity
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sot-sdc.h"

static void
test_threshold (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sot_sdc_check_threshold (2, &error));
  g_assert_error (error, SOT_SDC_ERROR, SOT_SDC_ERROR_THRESHOLD);
  g_clear_error (&error);
  g_assert_false (sot_sdc_check_threshold (0, &error));
  g_clear_error (&error);
  g_assert_true (sot_sdc_check_threshold (3, &error));
  g_assert_no_error (error);
  g_assert_true (sot_sdc_check_threshold (SOT_SDC_DEFAULT_THRESHOLD, NULL));
}

static void
test_round5 (void)
{
  static const struct {
    gint64 in, out;
  } cases[] = {
    { 0, 0 }, { 1, 0 }, { 2, 0 }, { 3, 5 }, { 4, 5 }, { 5, 5 }, { 7, 5 }, { 8, 10 },
    { 12, 10 }, { 13, 15 }, { 100, 100 }, { 102, 100 }, { 103, 105 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sot_sdc_round5 (cases[i].in), ==, cases[i].out);
}

static SotSdcTable *
table_from (guint          n_rows,
            guint          n_cols,
            gboolean       row_totals,
            gboolean       col_totals,
            const gint64  *values)
{
  SotSdcTable *table = sot_sdc_table_new (n_rows, n_cols, row_totals, col_totals);

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      sot_sdc_table_set (table, r, c, values[r * n_cols + c]);

  return table;
}

/* Primary suppression: below the threshold, zero included; margins are cells too. */
static void
test_primary (void)
{
  /*   12  0 | 12
   *   15 20 | 35
   *  -------+---
   *   27 20 | 47    threshold 10: the 0 is hidden; nothing else is below 10. */
  const gint64 values[] = { 12, 0, 15, 20 };
  g_autoptr(SotSdcTable) table = table_from (2, 2, TRUE, TRUE, values);
  guint n;

  n = sot_sdc_table_protect (table, 10, FALSE);

  g_assert_cmpint (sot_sdc_table_get_state (table, 0, 1), ==, SOT_SDC_PRIMARY);
  g_assert_cmpint (sot_sdc_table_get_value (table, 0, 1), ==, -1);
  g_assert_cmpint (sot_sdc_table_get_raw (table, 0, 2), ==, 12);   /* row total */
  g_assert_cmpint (sot_sdc_table_get_raw (table, 2, 2), ==, 47);   /* grand total */
  /* The 0 alone in row 0 could be worked out as 12 − 12: the smallest other cell of the row,
   * the 12 (the cell, found before the equal total), goes too; then column 0 has one hidden
   * cell, so 15 goes; then row 1 and column 1 have one each: 20 (row 1: 20 < 35) … and so on
   * until every line holds two or none. Whatever the path, nothing may be recoverable. */
  g_assert_cmpuint (n, ==, sot_sdc_table_get_n_suppressed (table));
  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpuint (sot_sdc_table_count_recoverable (table), ==, 0);
}

/* A table built to tempt recomputation: one small cell in a row with its total. */
static void
test_secondary (void)
{
  /*   25  4 30 |  59
   *   40 50 60 | 150
   *  ----------+----
   *   65 54 90 | 209
   *
   * Primary: 4 (< 10). Row 0 then holds one hidden cell (4 = 59 − 25 − 30): the smallest
   * other cell of row 0 is 25 → secondary. Column 1 holds one (4 = 54 − 50): smallest other
   * is 50 (< 54) → secondary. Column 0 holds one (25 = 65 − 40): 40 → secondary. Row 1 now
   * holds 40 and 50; columns 0 and 1 hold two each; margins: none hidden. Fixed point:
   * 4 cells suppressed, 4 = 25 + 4 + 40 + 50 − … no: each hidden cell sits in a line with
   * another hidden cell, and the four form a rectangle that can move by ±d. */
  const gint64 values[] = { 25, 4, 30, 40, 50, 60 };
  g_autoptr(SotSdcTable) table = table_from (2, 3, TRUE, TRUE, values);

  g_assert_cmpuint (sot_sdc_table_protect (table, 10, FALSE), ==, 4);
  g_assert_cmpint (sot_sdc_table_get_state (table, 0, 1), ==, SOT_SDC_PRIMARY);
  g_assert_cmpint (sot_sdc_table_get_state (table, 0, 0), ==, SOT_SDC_SECONDARY);
  g_assert_cmpint (sot_sdc_table_get_state (table, 1, 1), ==, SOT_SDC_SECONDARY);
  g_assert_cmpint (sot_sdc_table_get_state (table, 1, 0), ==, SOT_SDC_SECONDARY);
  g_assert_true (sot_sdc_table_is_published (table, 0, 2));
  g_assert_true (sot_sdc_table_is_published (table, 1, 2));
  g_assert_true (sot_sdc_table_is_published (table, 0, 3));
  g_assert_true (sot_sdc_table_is_published (table, 2, 3));
  g_assert_cmpint (sot_sdc_table_get_value (table, 2, 3), ==, 209);
  g_assert_cmpuint (sot_sdc_table_count_recoverable (table), ==, 0);
}

/* A small total hides its whole line: a total below the threshold is primary too. */
static void
test_small_margin (void)
{
  /*   3  4 |  7     row total 7 < 10: primary, with 3 and 4;
   *  20 30 | 50
   *  ------+---
   *  23 34 | 57     column totals stay, the hidden 3 and 4 pair with 20 and 30? No: row 0
   * holds three hidden cells (3, 4, 7); column 0 holds one (3 = 23 − 20): 20 goes; column 1
   * (4 = 34 − 30): 30 goes; column 2 (7 = 57 − 50): 50 goes. */
  const gint64 values[] = { 3, 4, 20, 30 };
  g_autoptr(SotSdcTable) table = table_from (2, 2, TRUE, TRUE, values);

  g_assert_cmpuint (sot_sdc_table_protect (table, 10, FALSE), ==, 6);
  g_assert_cmpint (sot_sdc_table_get_state (table, 0, 2), ==, SOT_SDC_PRIMARY);
  g_assert_true (sot_sdc_table_is_published (table, 2, 0));
  g_assert_true (sot_sdc_table_is_published (table, 2, 2));
  g_assert_cmpuint (sot_sdc_table_count_recoverable (table), ==, 0);
}

/* Column totals only (measures that do not add across a row). */
static void
test_column_totals_only (void)
{
  /*  reports  charges
   *   100       5       5 is primary; its column is a line (5 = 17 − 12): 12 goes.
   *   120      12
   *   ---      --
   *   220      17 */
  const gint64 values[] = { 100, 5, 120, 12 };
  g_autoptr(SotSdcTable) table = table_from (2, 2, FALSE, TRUE, values);

  g_assert_cmpuint (sot_sdc_table_protect (table, 10, FALSE), ==, 2);
  g_assert_cmpint (sot_sdc_table_get_state (table, 1, 1), ==, SOT_SDC_SECONDARY);
  g_assert_true (sot_sdc_table_is_published (table, 0, 0));
  g_assert_cmpint (sot_sdc_table_get_value (table, 2, 1), ==, 17);
  g_assert_cmpuint (sot_sdc_table_count_recoverable (table), ==, 0);
}

static void
test_rounding (void)
{
  /*  12 13 | 25   → 10 15 | 25
   *  16 22 | 38   → 15 20 | 40
   *  28 35 | 63   → 30 35 | 65 (margins rounded on their own) */
  const gint64 values[] = { 12, 13, 16, 22 };
  g_autoptr(SotSdcTable) table = table_from (2, 2, TRUE, TRUE, values);

  g_assert_cmpuint (sot_sdc_table_protect (table, 10, TRUE), ==, 0);
  g_assert_cmpint (sot_sdc_table_get_value (table, 0, 0), ==, 10);
  g_assert_cmpint (sot_sdc_table_get_value (table, 0, 1), ==, 15);
  g_assert_cmpint (sot_sdc_table_get_value (table, 1, 0), ==, 15);
  g_assert_cmpint (sot_sdc_table_get_value (table, 1, 1), ==, 20);
  g_assert_cmpint (sot_sdc_table_get_value (table, 1, 2), ==, 40);
  g_assert_cmpint (sot_sdc_table_get_value (table, 2, 2), ==, 65);
  g_assert_cmpint (sot_sdc_table_get_raw (table, 2, 2), ==, 63);
}

/* Random tables: after protection, every published cell is at or above the threshold and
 * no hidden cell is determined by the published totals. */
static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);

  for (guint t = 0; t < 300; t++)
    {
      guint rows = g_rand_int_range (rand, 1, 7);
      guint cols = g_rand_int_range (rand, 1, 7);
      gboolean row_totals = g_rand_boolean (rand);
      gboolean col_totals = g_rand_boolean (rand) || !row_totals;
      guint threshold = g_rand_int_range (rand, 3, 12);
      g_autoptr(SotSdcTable) table = sot_sdc_table_new (rows, cols, row_totals, col_totals);

      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < cols; c++)
          sot_sdc_table_set (table, r, c, g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 12)
                                                                 : g_rand_int_range (rand, 0, 80));

      sot_sdc_table_protect (table, threshold, FALSE);

      for (guint r = 0; r < rows + (col_totals ? 1 : 0); r++)
        for (guint c = 0; c < cols + (row_totals ? 1 : 0); c++)
          if (sot_sdc_table_is_published (table, r, c))
            g_assert_cmpint (sot_sdc_table_get_raw (table, r, c), >=, threshold);

      g_assert_cmpuint (sot_sdc_table_count_recoverable (table), ==, 0);
    }
}

static void
test_k_anonymity (void)
{
  /* Quasi-identifiers (offence, month, sex):
   *   rape 2024-01 female  × 3
   *   rape 2024-01 male    × 1
   *   rape 2024-02 female  × 5
   * Groups of 3, 1 and 5: k = 1. Threshold 3: one record (the group of 1) is below;
   * threshold 5: the groups of 1 and 3, 4 records. */
  const char *a[] = { "rape", "2024-01", "female" };
  const char *b[] = { "rape", "2024-01", "male" };
  const char *c[] = { "rape", "2024-02", "female" };
  g_autoptr(SotKAnonymity) k = sot_k_anonymity_new ();
  SotKResult result;

  for (guint i = 0; i < 3; i++)
    sot_k_anonymity_add (k, a, 3);
  sot_k_anonymity_add (k, b, 3);
  for (guint i = 0; i < 5; i++)
    sot_k_anonymity_add (k, c, 3);

  sot_k_anonymity_result (k, 3, &result);
  g_assert_cmpuint (result.n_records, ==, 9);
  g_assert_cmpuint (result.n_groups, ==, 3);
  g_assert_cmpuint (result.k, ==, 1);
  g_assert_cmpuint (result.n_records_below, ==, 1);
  g_assert_cmpuint (result.n_groups_below, ==, 1);

  sot_k_anonymity_result (k, 5, &result);
  g_assert_cmpuint (result.n_records_below, ==, 4);
  g_assert_cmpuint (result.n_groups_below, ==, 2);

  g_assert_cmpuint (sot_k_anonymity_group_size (k, a, 3), ==, 3);
  g_assert_cmpuint (sot_k_anonymity_group_size (k, c, 3), ==, 5);

  /* Values are joined with a separator that cannot occur in them: ("ab", "c") ≠ ("a", "bc"). */
  {
    const char *x[] = { "ab", "c" };
    const char *y[] = { "a", "bc" };
    g_autoptr(SotKAnonymity) k2 = sot_k_anonymity_new ();

    sot_k_anonymity_add (k2, x, 2);
    g_assert_cmpuint (sot_k_anonymity_group_size (k2, y, 2), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sdc/threshold", test_threshold);
  g_test_add_func ("/sdc/round5", test_round5);
  g_test_add_func ("/sdc/primary", test_primary);
  g_test_add_func ("/sdc/secondary", test_secondary);
  g_test_add_func ("/sdc/small-margin", test_small_margin);
  g_test_add_func ("/sdc/column-totals-only", test_column_totals_only);
  g_test_add_func ("/sdc/rounding", test_rounding);
  g_test_add_func ("/sdc/random", test_random);
  g_test_add_func ("/sdc/k-anonymity", test_k_anonymity);

  return g_test_run ();
}
