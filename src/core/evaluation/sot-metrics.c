/* sot-metrics.c: evaluation metrics of a workspace (volumes, charge rates, timeliness, …)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-metrics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sot-forensic-catalogue.h"
#include "sot-metrics.h"
#include "sot-time.h"

G_DEFINE_QUARK (sot-metrics-error-quark, sot_metrics_error)

/* --- Building blocks --- */

gboolean
sot_ratio_available (const SotRatio *ratio)
{
  return ratio != NULL && ratio->denominator != 0;
}

double
sot_ratio_value (const SotRatio *ratio)
{
  if (!sot_ratio_available (ratio))
    return -1.0;

  return (double) ratio->numerator / (double) ratio->denominator;
}

char *
sot_ratio_format_percent (const SotRatio *ratio)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!sot_ratio_available (ratio))
    return g_strdup ("not available");

  /* Locale-independent: these lines are read by scripts. */
  g_ascii_formatd (buffer, sizeof buffer, "%.1f", 100.0 * sot_ratio_value (ratio));
  return g_strconcat (buffer, "%", NULL);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
quantile (const double *sorted,
          guint         n,
          double        p)
{
  double h = (n - 1) * p;
  guint lo = (guint) h;
  double fraction = h - lo;

  if (lo + 1 >= n)
    return sorted[n - 1];

  return sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo]);
}

void
sot_distribution_compute (double          *values,
                          guint            n_values,
                          SotDistribution *out)
{
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->n = n_values;
  if (n_values == 0)
    return;

  qsort (values, n_values, sizeof (double), compare_doubles);
  out->min = values[0];
  out->max = values[n_values - 1];
  out->q1 = quantile (values, n_values, 0.25);
  out->median = quantile (values, n_values, 0.5);
  out->q3 = quantile (values, n_values, 0.75);
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Whole numbers as such; halves and quarters from interpolation with one or two decimals. */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  {
    char *end = buffer + strlen (buffer) - 1;

    while (end > buffer && *end == '0')
      *end-- = '\0';
    if (*end == '.')
      *end = '\0';
  }
  g_string_append (out, buffer);
}

char *
sot_distribution_format (const SotDistribution *distribution)
{
  GString *out;

  g_return_val_if_fail (distribution != NULL, NULL);

  if (distribution->n == 0)
    return g_strdup ("not available");

  out = g_string_new ("median ");
  append_number (out, distribution->median);
  g_string_append (out, "; q1 ");
  append_number (out, distribution->q1);
  g_string_append (out, "; q3 ");
  append_number (out, distribution->q3);
  g_string_append_printf (out, "; n %u", distribution->n);

  return g_string_free (out, FALSE);
}

static gboolean
digits (const char *text,
        guint       n,
        int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }

  *value = v;
  return TRUE;
}

gboolean
sot_metrics_parse_month (const char  *text,
                         int         *year,
                         int         *month,
                         GError     **error)
{
  int y, m;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' ||
      !digits (text, 4, &y) || !digits (text + 5, 2, &m) ||
      y < 1900 || m < 1 || m > 12)
    {
      g_set_error (error, SOT_METRICS_ERROR, SOT_METRICS_ERROR_PERIOD,
                   _("“%s” is not a month: write it as YYYY-MM, for example 2024-03"),
                   text != NULL ? text : "");
      return FALSE;
    }

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;

  return TRUE;
}

gboolean
sot_metrics_check_period (const char  *from,
                          const char  *to,
                          GError     **error)
{
  if (from != NULL && !sot_metrics_parse_month (from, NULL, NULL, error))
    return FALSE;
  if (to != NULL && !sot_metrics_parse_month (to, NULL, NULL, error))
    return FALSE;

  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      g_set_error (error, SOT_METRICS_ERROR, SOT_METRICS_ERROR_PERIOD,
                   _("The period starts (%s) after it ends (%s)"), from, to);
      return FALSE;
    }

  return TRUE;
}

void
sot_metrics_period_bounds (const char *from,
                           const char *to,
                           char       *from_day,
                           char       *until_day)
{
  int y, m;

  if (from != NULL && sot_metrics_parse_month (from, &y, &m, NULL))
    g_snprintf (from_day, 11, "%04d-%02d-01", y, m);
  else
    g_strlcpy (from_day, "0000-01-01", 11);

  if (to != NULL && sot_metrics_parse_month (to, &y, &m, NULL))
    {
      if (++m > 12)
        {
          m = 1;
          y++;
        }
      g_snprintf (until_day, 11, "%04d-%02d-01", MIN (y, 9999), m);
    }
  else
    g_strlcpy (until_day, "9999-12-32", 11);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era;
  int yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (int) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/* The last Sunday of @month in @year, as a day number. */
static gint64
last_sunday (int year,
             int month)
{
  static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gint64 last = days_from_civil (year, month, month_days[month - 1]);
  /* 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on a Sunday. */
  int weekday = (int) (((last + 4) % 7 + 7) % 7);

  return last - weekday;
}

/* Whether @utc_seconds falls in British Summer Time: from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October (the rule since 1996). */
static gboolean
in_bst (int    year,
        gint64 utc_seconds)
{
  gint64 start = last_sunday (year, 3) * 86400 + 3600;
  gint64 end = last_sunday (year, 10) * 86400 + 3600;

  return utc_seconds >= start && utc_seconds < end;
}

static gboolean
parse_date_fields (const char *text,
                   int        *y,
                   int        *m,
                   int        *d)
{
  return digits (text, 4, y) && text[4] == '-' && digits (text + 5, 2, m) && text[7] == '-' &&
         digits (text + 8, 2, d) && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

gboolean
sot_metrics_time_seconds (const char *text,
                          gint64     *seconds)
{
  int y, mo, d, h, mi, s = 0;
  const char *rest;

  if (text == NULL)
    return FALSE;

  if (parse_date_fields (text, &y, &mo, &d) && text[10] == 'T' &&
      digits (text + 11, 2, &h) && text[13] == ':' && digits (text + 14, 2, &mi))
    {
      rest = text + 16;
      if (*rest == ':')
        {
          if (!digits (rest + 1, 2, &s))
            return FALSE;
          rest += 3;
          if (*rest == '.')
            {
              rest++;
              while (g_ascii_isdigit (*rest))
                rest++;
            }
        }

      if (rest[0] == 'Z' && rest[1] == '\0')
        {
          *seconds = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
          return TRUE;
        }
    }

  /* Anything else (another zone, no zone): the slow, general parser. */
  {
    g_autoptr(GDateTime) dt = sot_time_parse (text, NULL);

    if (dt == NULL)
      return FALSE;
    *seconds = g_date_time_to_unix (dt);
    return TRUE;
  }
}

gboolean
sot_metrics_day_number (const char *text,
                        gint64     *day)
{
  int y, m, d;
  gint64 seconds;

  if (text == NULL)
    return FALSE;

  if (strlen (text) == 10)
    {
      if (!parse_date_fields (text, &y, &m, &d))
        return FALSE;
      *day = days_from_civil (y, m, d);
      return TRUE;
    }

  if (!sot_metrics_time_seconds (text, &seconds))
    return FALSE;

  /* The UK calendar day: one hour ahead of UTC in summer time. */
  if (digits (text, 4, &y) && in_bst (y, seconds))
    seconds += 3600;

  *day = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  return TRUE;
}

void
sot_metrics_quarter_of (const char *month_text,
                        char       *out)
{
  int m = (month_text[5] - '0') * 10 + (month_text[6] - '0');

  memcpy (out, month_text, 4);
  out[4] = '-';
  out[5] = 'Q';
  out[6] = (char) ('1' + (m - 1) / 3);
  out[7] = '\0';
}

const char *
sot_age_band (int      age,
              gboolean wide)
{
  if (age < 0)
    return "unknown";
  if (age < 18)
    return "<18";
  if (wide)
    return age <= 40 ? "18-40" : "41+";
  if (age <= 25)
    return "18-25";
  if (age <= 40)
    return "26-40";
  return "41+";
}

const char *
sot_interval_band (gint64   days,
                   gboolean known)
{
  if (!known || days < 0)
    return "unknown";
  if (days == 0)
    return "same-day";
  if (days <= 2)
    return "1-2";
  if (days <= 10)
    return "3-10";
  if (days <= 100)
    return "11-100";
  return ">100";
}

gboolean
sot_value_missing (const char *value)
{
  return value == NULL || *value == '\0' || g_str_equal (value, "unknown");
}

gboolean
sot_metrics_has_table (SotStore   *store,
                       const char *table)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  stmt = sot_store_prepare (store,
                            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

gboolean
sot_metrics_has_column (SotStore   *store,
                        const char *table,
                        const char *column)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  stmt = sot_store_prepare (store,
                            "SELECT 1 FROM pragma_table_info (?1) WHERE name = ?2", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static const char * const interval_names[SOT_N_INTERVALS] = {
  "offence_to_report",
  "report_to_referral",
  "early_advice_turnaround",
  "report_to_charge",
  "report_to_outcome",
};

const char *
sot_interval_to_string (SotInterval interval)
{
  g_return_val_if_fail (interval < SOT_N_INTERVALS, NULL);
  return interval_names[interval];
}

static const char * const missing_names[SOT_N_MISSING] = {
  "victim_sex",
  "victim_age",
  "victim_ethnicity",
  "suspect_sex",
  "suspect_age",
  "suspect_ethnicity",
  "relationship",
  "report_delay",
  "outcome_delay",
};

const char *
sot_missing_variable_to_string (SotMissingVariable variable)
{
  g_return_val_if_fail (variable < SOT_N_MISSING, NULL);
  return missing_names[variable];
}

static const char * const focus_band_names[SOT_N_FOCUS_BANDS] = {
  "none", "0-25", "25-50", "50-75", "75-100",
};

const char *
sot_focus_band_to_string (SotFocusBand band)
{
  g_return_val_if_fail (band < SOT_N_FOCUS_BANDS, NULL);
  return focus_band_names[band];
}

/* --- Computing --- */

typedef struct {
  SotStore   *store;
  SotMetrics *metrics;
  char        from_day[11];
  char        until_day[11];
  GHashTable *month_index;   /* "YYYY-MM" → index + 1 in metrics->months */
  gint64      now_seconds;
} Context;

static void
add_note (Context    *ctx,
          const char *table,
          const char *what)
{
  g_ptr_array_add (ctx->metrics->notes,
                   g_strdup_printf ("no %s table (workspace schema version %d): %s not available",
                                    table, sot_store_get_schema_version (ctx->store), what));
}

/* Prepares @sql with the period bounds bound to ?1 and ?2. */
static sqlite3_stmt *
prepare_period (Context     *ctx,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = sot_store_prepare (ctx->store, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, ctx->from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ctx->until_day, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
finish_stmt (Context       *ctx,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (ctx->store, error, _("Cannot compute the metrics"));
      return FALSE;
    }

  return TRUE;
}

static SotMetricsPeriod *
month_row (Context    *ctx,
           const char *month)
{
  gpointer index;
  SotMetricsPeriod row = { 0 };

  if (month == NULL || strlen (month) < 7)
    return NULL;

  index = g_hash_table_lookup (ctx->month_index, month);
  if (index == NULL)
    {
      memcpy (row.period, month, 7);
      row.period[7] = '\0';
      g_array_append_val (ctx->metrics->months, row);
      index = GUINT_TO_POINTER (ctx->metrics->months->len);
      g_hash_table_insert (ctx->month_index, g_strdup (row.period), index);
    }

  return &g_array_index (ctx->metrics->months, SotMetricsPeriod, GPOINTER_TO_UINT (index) - 1);
}

/* Counts rows of "SELECT substr (date, 1, 7), count (*) … GROUP BY 1" into a field of each
 * month. */
static gboolean
count_by_month (Context     *ctx,
                const char  *sql,
                gsize        field_offset,
                GError     **error)
{
  sqlite3_stmt *stmt = prepare_period (ctx, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SotMetricsPeriod *row = month_row (ctx, (const char *) sqlite3_column_text (stmt, 0));

      if (row != NULL)
        G_STRUCT_MEMBER (gint64, row, field_offset) += sqlite3_column_int64 (stmt, 1);
    }

  return finish_stmt (ctx, stmt, rc, error);
}

static void
period_add (SotMetricsPeriod       *to,
            const SotMetricsPeriod *from)
{
  to->reports += from->reports;
  to->early_advice_requests += from->early_advice_requests;
  to->charging_files += from->charging_files;
  to->decisions += from->decisions;
  to->charges += from->charges;
  for (guint i = 0; i < SOT_CPS_N_DECISIONS; i++)
    to->latest[i] += from->latest[i];
}

static void
period_rates (SotMetricsPeriod *row)
{
  gint64 charged = row->latest[SOT_CPS_CHARGE];
  gint64 nfa = row->latest[SOT_CPS_NFA_EVIDENTIAL] + row->latest[SOT_CPS_NFA_PUBLIC_INTEREST];
  gint64 legal = 0;

  for (guint i = 0; i < SOT_CPS_N_DECISIONS; i++)
    if (sot_cps_decision_is_legal (i))
      legal += row->latest[i];

  row->charge_rate_cps.numerator = charged;
  row->charge_rate_cps.denominator = legal;
  row->charge_rate_nfa.numerator = charged;
  row->charge_rate_nfa.denominator = charged + nfa;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const SotMetricsPeriod *) a)->period, ((const SotMetricsPeriod *) b)->period);
}

/* A time series has a row for every month of the period, events or not: from the period's
 * first month (else the first month with an event) to its last (else the last with one). */
static void
fill_months (Context *ctx)
{
  SotMetrics *m = ctx->metrics;
  char first[8] = "", last[8] = "";
  int y, mo, last_y, last_mo;

  for (guint i = 0; i < m->months->len; i++)
    {
      const char *p = g_array_index (m->months, SotMetricsPeriod, i).period;

      if (first[0] == '\0' || strcmp (p, first) < 0)
        g_strlcpy (first, p, sizeof first);
      if (last[0] == '\0' || strcmp (p, last) > 0)
        g_strlcpy (last, p, sizeof last);
    }

  if (m->from != NULL)
    g_strlcpy (first, m->from, sizeof first);
  if (m->to != NULL)
    g_strlcpy (last, m->to, sizeof last);

  if (!sot_metrics_parse_month (first, &y, &mo, NULL) ||
      !sot_metrics_parse_month (last, &last_y, &last_mo, NULL))
    return;

  /* At most a century of months: a typo in a stored date must not make millions of rows. */
  for (guint n = 0; (y < last_y || (y == last_y && mo <= last_mo)) && n < 1200; n++)
    {
      char month[8];

      g_snprintf (month, sizeof month, "%04d-%02d", y, mo);
      month_row (ctx, month);
      if (++mo > 12)
        {
          mo = 1;
          y++;
        }
    }
}

static gboolean
compute_volumes (Context  *ctx,
                 GError  **error)
{
  SotMetrics *m = ctx->metrics;
  g_autoptr(GHashTable) quarter_index = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);

  if (!count_by_month (ctx,
                       "SELECT substr (reported_on, 1, 7), count (*) FROM investigation "
                       "WHERE reported_on >= ?1 AND reported_on < ?2 GROUP BY 1",
                       G_STRUCT_OFFSET (SotMetricsPeriod, reports), error))
    return FALSE;

  if (sot_metrics_has_table (ctx->store, "cps_early_advice"))
    {
      if (!count_by_month (ctx,
                           "SELECT substr (requested_on, 1, 7), count (*) FROM cps_early_advice "
                           "WHERE requested_on >= ?1 AND requested_on < ?2 GROUP BY 1",
                           G_STRUCT_OFFSET (SotMetricsPeriod, early_advice_requests), error))
        return FALSE;
    }
  else
    add_note (ctx, "cps_early_advice", "early advice volumes and turnaround");

  if (sot_metrics_has_table (ctx->store, "cps_charging_file"))
    {
      if (!count_by_month (ctx,
                           "SELECT substr (submitted_on, 1, 7), count (*) FROM cps_charging_file "
                           "WHERE submitted_on >= ?1 AND submitted_on < ?2 GROUP BY 1",
                           G_STRUCT_OFFSET (SotMetricsPeriod, charging_files), error))
        return FALSE;
    }
  else
    add_note (ctx, "cps_charging_file", "charging file volumes");

  if (sot_metrics_has_table (ctx->store, "cps_decision"))
    {
      sqlite3_stmt *stmt;
      int rc;

      if (!count_by_month (ctx,
                           "SELECT substr (decided_on, 1, 7), count (*) FROM cps_decision "
                           "WHERE decided_on >= ?1 AND decided_on < ?2 GROUP BY 1",
                           G_STRUCT_OFFSET (SotMetricsPeriod, decisions), error))
        return FALSE;

      /* Each suspect's latest decision: the charge-rate unit is the suspect. */
      stmt = prepare_period (ctx,
                             "SELECT substr (d.decided_on, 1, 7), d.decision, count (*) "
                             "FROM cps_decision d "
                             "WHERE d.decided_on >= ?1 AND d.decided_on < ?2 "
                             "  AND d.id = (SELECT d2.id FROM cps_decision d2 "
                             "              WHERE d2.suspect_id = d.suspect_id "
                             "              ORDER BY d2.decided_on DESC, d2.id DESC LIMIT 1) "
                             "GROUP BY 1, 2",
                             error);
      if (stmt == NULL)
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SotMetricsPeriod *row = month_row (ctx, (const char *) sqlite3_column_text (stmt, 0));
          SotCpsDecision decision;

          if (row != NULL &&
              sot_cps_decision_from_string ((const char *) sqlite3_column_text (stmt, 1), &decision))
            row->latest[decision] += sqlite3_column_int64 (stmt, 2);
        }

      if (!finish_stmt (ctx, stmt, rc, error))
        return FALSE;
    }
  else
    add_note (ctx, "cps_decision", "CPS decisions and charge rates");

  if (sot_metrics_has_table (ctx->store, "cps_charge"))
    {
      if (!count_by_month (ctx,
                           "SELECT substr (charged_on, 1, 7), count (*) FROM cps_charge "
                           "WHERE charged_on >= ?1 AND charged_on < ?2 GROUP BY 1",
                           G_STRUCT_OFFSET (SotMetricsPeriod, charges), error))
        return FALSE;
    }
  else
    add_note (ctx, "cps_charge", "charges");

  fill_months (ctx);
  g_array_sort (m->months, compare_periods);

  g_strlcpy (m->total.period, "total", sizeof m->total.period);
  for (guint i = 0; i < m->months->len; i++)
    {
      SotMetricsPeriod *month = &g_array_index (m->months, SotMetricsPeriod, i);
      SotMetricsPeriod *quarter;
      char key[8];
      gpointer index;

      period_rates (month);
      period_add (&m->total, month);

      sot_metrics_quarter_of (month->period, key);
      index = g_hash_table_lookup (quarter_index, key);
      if (index == NULL)
        {
          SotMetricsPeriod row = { 0 };

          memcpy (row.period, key, sizeof key);
          g_array_append_val (m->quarters, row);
          index = GUINT_TO_POINTER (m->quarters->len);
          g_hash_table_insert (quarter_index, g_strdup (key), index);
        }
      quarter = &g_array_index (m->quarters, SotMetricsPeriod, GPOINTER_TO_UINT (index) - 1);
      period_add (quarter, month);
    }

  for (guint i = 0; i < m->quarters->len; i++)
    period_rates (&g_array_index (m->quarters, SotMetricsPeriod, i));

  period_rates (&m->total);
  m->charge_rate_cps = m->total.charge_rate_cps;
  m->charge_rate_nfa = m->total.charge_rate_nfa;

  return TRUE;
}

/* Collects day intervals from a query returning (start, end) pairs of stored dates/times. */
static gboolean
collect_intervals (Context          *ctx,
                   const char       *sql,
                   SotDistribution  *out,
                   GError          **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt = prepare_period (ctx, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 start, end;

      if (sot_metrics_day_number ((const char *) sqlite3_column_text (stmt, 0), &start) &&
          sot_metrics_day_number ((const char *) sqlite3_column_text (stmt, 1), &end) &&
          end >= start)
        {
          double days = (double) (end - start);

          g_array_append_val (values, days);
        }
    }

  if (!finish_stmt (ctx, stmt, rc, error))
    return FALSE;

  sot_distribution_compute ((double *) values->data, values->len, out);
  return TRUE;
}

#define COHORT "+i.reported_on >= ?1 AND +i.reported_on < ?2"

static gboolean
compute_timeliness (Context  *ctx,
                    GError  **error)
{
  SotMetrics *m = ctx->metrics;
  gboolean has_advice = sot_metrics_has_table (ctx->store, "cps_early_advice");
  gboolean has_files = sot_metrics_has_table (ctx->store, "cps_charging_file");

  if (!collect_intervals (ctx,
                          "SELECT i.offence_from, i.reported_on FROM investigation i WHERE " COHORT,
                          &m->intervals[SOT_INTERVAL_OFFENCE_TO_REPORT], error) ||
      !collect_intervals (ctx,
                          "SELECT i.reported_on, i.outcome_date FROM investigation i "
                          "WHERE " COHORT " AND i.outcome_date IS NOT NULL",
                          &m->intervals[SOT_INTERVAL_REPORT_TO_OUTCOME], error))
    return FALSE;

  if (has_advice && has_files)
    {
      if (!collect_intervals (ctx,
                              "SELECT i.reported_on, min (r.day) FROM investigation i "
                              "JOIN (SELECT investigation_id, requested_on AS day "
                              "      FROM cps_early_advice "
                              "      UNION ALL SELECT investigation_id, submitted_on "
                              "      FROM cps_charging_file) r ON r.investigation_id = i.id "
                              "WHERE " COHORT " GROUP BY i.id",
                              &m->intervals[SOT_INTERVAL_REPORT_TO_REFERRAL], error))
        return FALSE;
    }

  if (has_advice &&
      !collect_intervals (ctx,
                          "SELECT a.requested_on, a.given_on FROM cps_early_advice a "
                          "JOIN investigation i ON i.id = a.investigation_id "
                          "WHERE " COHORT " AND a.given_on IS NOT NULL",
                          &m->intervals[SOT_INTERVAL_EARLY_ADVICE], error))
    return FALSE;

  if (sot_metrics_has_table (ctx->store, "cps_charge") &&
      !collect_intervals (ctx,
                          "SELECT i.reported_on, c.charged_on FROM cps_charge c "
                          "JOIN investigation i ON i.id = c.investigation_id WHERE " COHORT,
                          &m->intervals[SOT_INTERVAL_REPORT_TO_CHARGE], error))
    return FALSE;

  return TRUE;
}

static gboolean
query_ratio (Context     *ctx,
             const char  *sql,
             SotRatio    *out,
             GError     **error)
{
  sqlite3_stmt *stmt = prepare_period (ctx, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->numerator = sqlite3_column_int64 (stmt, 0);
      out->denominator = sqlite3_column_int64 (stmt, 1);
      rc = sqlite3_step (stmt);
    }

  return finish_stmt (ctx, stmt, rc, error);
}

static gboolean
compute_engagement (Context  *ctx,
                    GError  **error)
{
  SotMetrics *m = ctx->metrics;
  sqlite3_stmt *stmt;
  g_autofree char *now_text = NULL;
  int rc;

  if (!query_ratio (ctx,
                    "SELECT coalesce (sum (i.outcome_code = '14' OR i.outcome_code = '16'), 0), "
                    "count (*) FROM investigation i "
                    "WHERE " COHORT " AND i.outcome_code IS NOT NULL",
                    &m->outcome_14_16, error) ||
      !query_ratio (ctx,
                    "SELECT coalesce (sum (i.outcome_code = '14'), 0), count (*) "
                    "FROM investigation i WHERE " COHORT " AND i.outcome_code IS NOT NULL",
                    &m->outcome_14, error) ||
      !query_ratio (ctx,
                    "SELECT coalesce (sum (i.outcome_code = '16'), 0), count (*) "
                    "FROM investigation i WHERE " COHORT " AND i.outcome_code IS NOT NULL",
                    &m->outcome_16, error))
    return FALSE;

  /* Right 6: met on time, among those met or already due at the store's clock. Stored
   * times share one format, so they compare as text. */
  {
    g_autoptr(GDateTime) now = sot_store_now (ctx->store);

    now_text = sot_store_format_time (now);
  }
  stmt = prepare_period (ctx,
                         "SELECT coalesce (sum (d.met_at IS NOT NULL AND d.met_at <= d.due_at), 0), "
                         "       coalesce (sum (d.met_at IS NOT NULL OR d.due_at < ?3), 0) "
                         "FROM deadline d JOIN investigation i ON i.id = d.investigation_id "
                         "WHERE " COHORT " AND d.kind LIKE 'right6:%'",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 3, now_text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      m->right6_met.numerator = sqlite3_column_int64 (stmt, 0);
      m->right6_met.denominator = sqlite3_column_int64 (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  if (!finish_stmt (ctx, stmt, rc, error))
    return FALSE;

  if (sot_metrics_has_table (ctx->store, "victim_contact"))
    {
      if (!query_ratio (ctx,
                        "SELECT (SELECT count (*) FROM victim_contact c "
                        "        JOIN investigation i ON i.id = c.investigation_id WHERE " COHORT "), "
                        "       (SELECT count (*) FROM investigation i WHERE " COHORT ")",
                        &m->contacts_per_case, error))
        return FALSE;
    }
  else
    add_note (ctx, "victim_contact", "contacts per case");

  return TRUE;
}

static gboolean
compute_suspect_focus (Context  *ctx,
                       GError  **error)
{
  SotMetrics *m = ctx->metrics;
  g_autoptr(GArray) shares = NULL;
  sqlite3_stmt *stmt;
  gint64 with_lines = 0;
  int rc;

  if (!query_ratio (ctx,
                    "SELECT coalesce (sum (EXISTS (SELECT 1 FROM suspect o "
                    "                              WHERE o.suspect_person_id = s.suspect_person_id "
                    "                                AND o.investigation_id <> s.investigation_id)), 0), "
                    "       count (*) "
                    "FROM suspect s JOIN investigation i ON i.id = s.investigation_id WHERE " COHORT,
                    &m->repeat_suspects, error))
    return FALSE;

  if (!sot_metrics_has_table (ctx->store, "line_of_enquiry"))
    {
      add_note (ctx, "line_of_enquiry", "the suspect-focus indicator");
      return TRUE;
    }

  /* The indicator over active lines (not reviewed, not pursued), as the core computes it. */
  shares = g_array_new (FALSE, FALSE, sizeof (double));
  stmt = prepare_period (ctx,
                         "SELECT sum (l.focus = 'suspect'), sum (l.focus = 'victim') "
                         "FROM line_of_enquiry l JOIN investigation i ON i.id = l.investigation_id "
                         "WHERE " COHORT " AND l.status <> 'reviewed' AND l.status <> 'not-pursued' "
                         "GROUP BY l.investigation_id",
                         error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 suspect = sqlite3_column_int64 (stmt, 0);
      gint64 victim = sqlite3_column_int64 (stmt, 1);
      double share;

      with_lines++;
      if (suspect + victim == 0)
        {
          m->focus_bands[SOT_FOCUS_BAND_NONE]++;
          continue;
        }

      share = 100.0 * suspect / (suspect + victim);
      g_array_append_val (shares, share);
      if (share < 25)
        m->focus_bands[SOT_FOCUS_BAND_0_25]++;
      else if (share < 50)
        m->focus_bands[SOT_FOCUS_BAND_25_50]++;
      else if (share < 75)
        m->focus_bands[SOT_FOCUS_BAND_50_75]++;
      else
        m->focus_bands[SOT_FOCUS_BAND_75_100]++;
    }

  if (!finish_stmt (ctx, stmt, rc, error))
    return FALSE;

  /* Investigations without any active line on suspect or victim are "none" too. */
  m->focus_bands[SOT_FOCUS_BAND_NONE] += MAX (0, m->n_investigations - with_lines);
  sot_distribution_compute ((double *) shares->data, shares->len, &m->focus_share);

  return TRUE;
}

static gboolean
compute_forensics (Context               *ctx,
                   SotForensicCatalogue  *catalogue,
                   GError               **error)
{
  SotMetrics *m = ctx->metrics;
  sqlite3_stmt *stmt;
  int rc;

  if (sot_metrics_has_table (ctx->store, "exhibit"))
    {
      stmt = prepare_period (ctx,
                             "SELECT e.sample_type, e.sampled_from, e.seized_at, "
                             "       i.offence_from, i.offence_until "
                             "FROM exhibit e JOIN investigation i ON i.id = e.investigation_id "
                             "WHERE " COHORT " AND e.sample_type IS NOT NULL",
                             error);
      if (stmt == NULL)
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SotForensicSample *sample = catalogue != NULL
            ? sot_forensic_catalogue_lookup (catalogue, (const char *) sqlite3_column_text (stmt, 0))
            : NULL;
          SotSampleSubject subject =
            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "suspect") == 0
            ? SOT_SAMPLE_SUBJECT_SUSPECT : SOT_SAMPLE_SUBJECT_COMPLAINANT;
          gint64 taken, from, until;
          int hours = sample != NULL ? sot_forensic_sample_get_hours (sample, subject)
                                     : SOT_FORENSIC_NO_FIGURE;

          if (hours == SOT_FORENSIC_NO_FIGURE ||
              !sot_metrics_time_seconds ((const char *) sqlite3_column_text (stmt, 2), &taken) ||
              !sot_metrics_time_seconds ((const char *) sqlite3_column_text (stmt, 3), &from))
            {
              m->samples_no_figure++;
              continue;
            }

          if (!sot_metrics_time_seconds ((const char *) sqlite3_column_text (stmt, 4), &until) ||
              until < from)
            until = from;

          m->samples_within_window.denominator++;
          if (taken <= until + (gint64) hours * 3600)
            m->samples_within_window.numerator++;
        }

      if (!finish_stmt (ctx, stmt, rc, error))
        return FALSE;
    }
  else
    add_note (ctx, "exhibit", "samples within their window");

  if (sot_metrics_has_table (ctx->store, "device"))
    {
      stmt = prepare_period (ctx,
                             "SELECT d.taken_at, d.returned_at FROM device d "
                             "JOIN investigation i ON i.id = d.investigation_id "
                             "WHERE " COHORT " AND d.owner_role = 'victim'",
                             error);
      if (stmt == NULL)
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 taken, returned;
          const char *returned_text = (const char *) sqlite3_column_text (stmt, 1);

          if (!sot_metrics_time_seconds ((const char *) sqlite3_column_text (stmt, 0), &taken))
            continue;

          if (returned_text != NULL && sot_metrics_time_seconds (returned_text, &returned))
            {
              m->victim_devices_24h.denominator++;
              if (returned - taken <= 24 * 3600)
                m->victim_devices_24h.numerator++;
            }
          else if (returned_text == NULL && ctx->now_seconds - taken > 24 * 3600)
            m->victim_devices_24h.denominator++;  /* still held, past 24 hours */
        }

      if (!finish_stmt (ctx, stmt, rc, error))
        return FALSE;
    }
  else
    add_note (ctx, "device", "victims' devices returned within 24 hours");

  return TRUE;
}

static gboolean
compute_quality (Context  *ctx,
                 GError  **error)
{
  SotMetrics *m = ctx->metrics;
  sqlite3_stmt *stmt;
  gint64 total_missing = 0;
  gint64 last_investigation = 0;
  int rc;

  stmt = prepare_period (ctx,
                         "SELECT i.id, v.sex, v.age_at_offence, v.ethnicity, s.id, s.sex, "
                         "       s.age_at_offence, s.ethnicity, s.relationship, i.offence_from, "
                         "       i.reported_on, i.outcome_date "
                         "FROM investigation i "
                         "LEFT JOIN victim v ON v.id = (SELECT min (v2.id) FROM victim v2 "
                         "                              WHERE v2.investigation_id = i.id) "
                         "LEFT JOIN suspect s ON s.investigation_id = i.id "
                         "WHERE " COHORT " ORDER BY i.id, s.id",
                         error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean missing[SOT_N_MISSING];
      gboolean has_suspect = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      gint64 offence, reported, outcome;
      guint n = 0;

      if (sqlite3_column_int64 (stmt, 0) != last_investigation)
        {
          last_investigation = sqlite3_column_int64 (stmt, 0);
          m->n_investigations++;
        }
      if (has_suspect)
        m->n_suspects++;

      missing[SOT_MISSING_VICTIM_SEX] = sot_value_missing ((const char *) sqlite3_column_text (stmt, 1));
      missing[SOT_MISSING_VICTIM_AGE] = sqlite3_column_type (stmt, 2) == SQLITE_NULL;
      missing[SOT_MISSING_VICTIM_ETHNICITY] = sot_value_missing ((const char *) sqlite3_column_text (stmt, 3));
      missing[SOT_MISSING_SUSPECT_SEX] = sot_value_missing ((const char *) sqlite3_column_text (stmt, 5));
      missing[SOT_MISSING_SUSPECT_AGE] = sqlite3_column_type (stmt, 6) == SQLITE_NULL;
      missing[SOT_MISSING_SUSPECT_ETHNICITY] = sot_value_missing ((const char *) sqlite3_column_text (stmt, 7));
      missing[SOT_MISSING_RELATIONSHIP] = sot_value_missing ((const char *) sqlite3_column_text (stmt, 8));
      missing[SOT_MISSING_REPORT_DELAY] =
        !sot_metrics_day_number ((const char *) sqlite3_column_text (stmt, 9), &offence) ||
        !sot_metrics_day_number ((const char *) sqlite3_column_text (stmt, 10), &reported) ||
        reported < offence;
      missing[SOT_MISSING_OUTCOME_DELAY] =
        !sot_metrics_day_number ((const char *) sqlite3_column_text (stmt, 10), &reported) ||
        !sot_metrics_day_number ((const char *) sqlite3_column_text (stmt, 11), &outcome) ||
        outcome < reported;

      for (guint v = 0; v < SOT_N_MISSING; v++)
        if (missing[v])
          {
            m->missing_by_variable[v]++;
            n++;
          }

      m->missing_histogram[n]++;
      total_missing += n;
      m->n_records++;
    }

  if (!finish_stmt (ctx, stmt, rc, error))
    return FALSE;

  m->missing_per_record.numerator = total_missing;
  m->missing_per_record.denominator = m->n_records;

  return TRUE;
}

void
sot_metrics_free (SotMetrics *metrics)
{
  if (metrics == NULL)
    return;

  g_free (metrics->from);
  g_free (metrics->to);
  g_clear_pointer (&metrics->months, g_array_unref);
  g_clear_pointer (&metrics->quarters, g_array_unref);
  g_clear_pointer (&metrics->notes, g_ptr_array_unref);
  g_free (metrics);
}

SotMetrics *
sot_metrics_compute (SotStore                 *store,
                     const SotMetricsOptions  *options,
                     GError                  **error)
{
  g_autoptr(SotMetrics) metrics = NULL;
  g_autoptr(SotForensicCatalogue) loaded = NULL;
  g_autoptr(GHashTable) month_index = NULL;
  g_autoptr(GDateTime) now = NULL;
  SotForensicCatalogue *catalogue = NULL;
  const char *from = options != NULL ? options->from : NULL;
  const char *to = options != NULL ? options->to : NULL;
  Context ctx = { 0 };

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sot_metrics_check_period (from, to, error))
    return NULL;

  metrics = g_new0 (SotMetrics, 1);
  metrics->from = g_strdup (from);
  metrics->to = g_strdup (to);
  metrics->months = g_array_new (FALSE, FALSE, sizeof (SotMetricsPeriod));
  metrics->quarters = g_array_new (FALSE, FALSE, sizeof (SotMetricsPeriod));
  metrics->notes = g_ptr_array_new_with_free_func (g_free);

  month_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  now = sot_store_now (store);

  ctx.store = store;
  ctx.metrics = metrics;
  ctx.month_index = month_index;
  ctx.now_seconds = g_date_time_to_unix (now);
  sot_metrics_period_bounds (from, to, ctx.from_day, ctx.until_day);

  if (options != NULL && options->volumes_only)
    {
      if (!compute_volumes (&ctx, error))
        return NULL;
      return g_steal_pointer (&metrics);
    }

  if (options != NULL && options->catalogue != NULL)
    catalogue = options->catalogue;
  else
    catalogue = loaded = sot_forensic_catalogue_load (NULL, NULL);

  /* The data quality pass counts the cohort, which the suspect-focus bands need. */
  if (!compute_volumes (&ctx, error) ||
      !compute_quality (&ctx, error) ||
      !compute_timeliness (&ctx, error) ||
      !compute_engagement (&ctx, error) ||
      !compute_suspect_focus (&ctx, error) ||
      !compute_forensics (&ctx, catalogue, error))
    return NULL;

  return g_steal_pointer (&metrics);
}

/* --- Text --- */

static void
append_ratio (GString        *out,
              const char     *key,
              const SotRatio *ratio)
{
  g_autofree char *percent = sot_ratio_format_percent (ratio);

  if (sot_ratio_available (ratio))
    g_string_append_printf (out, "%s: %s (%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ")\n",
                            key, percent, ratio->numerator, ratio->denominator);
  else
    g_string_append_printf (out, "%s: %s\n", key, percent);
}

static void
append_mean (GString        *out,
             const char     *key,
             const SotRatio *ratio)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!sot_ratio_available (ratio))
    {
      g_string_append_printf (out, "%s: not available\n", key);
      return;
    }

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", sot_ratio_value (ratio));
  g_string_append_printf (out, "%s: %s\n", key, buffer);
}

static void
append_periods (GString    *out,
                const char *prefix,
                GArray     *periods)
{
  for (guint i = 0; i < periods->len; i++)
    {
      const SotMetricsPeriod *p = &g_array_index (periods, SotMetricsPeriod, i);
      g_autofree char *cps = sot_ratio_format_percent (&p->charge_rate_cps);
      g_autofree char *nfa = sot_ratio_format_percent (&p->charge_rate_nfa);

      g_string_append_printf (out,
                              "%s.%s: reports %" G_GINT64_FORMAT
                              "; early_advice_requests %" G_GINT64_FORMAT
                              "; charging_files %" G_GINT64_FORMAT
                              "; cps_decisions %" G_GINT64_FORMAT
                              "; charges %" G_GINT64_FORMAT
                              "; charge_rate_cps %s; charge_rate_charged_over_charged_plus_nfa %s\n",
                              prefix, p->period, p->reports, p->early_advice_requests,
                              p->charging_files, p->decisions, p->charges, cps, nfa);
    }
}

void
sot_metrics_to_text (const SotMetrics *m,
                     GString          *out)
{
  g_return_if_fail (m != NULL);
  g_return_if_fail (out != NULL);

  g_string_append_printf (out, "period_from: %s\n", m->from != NULL ? m->from : "all");
  g_string_append_printf (out, "period_to: %s\n", m->to != NULL ? m->to : "all");
  g_string_append_printf (out, "investigations: %" G_GINT64_FORMAT "\n", m->n_investigations);
  g_string_append_printf (out, "suspects: %" G_GINT64_FORMAT "\n", m->n_suspects);
  g_string_append_printf (out, "records: %" G_GINT64_FORMAT "\n", m->n_records);

  g_string_append_printf (out, "reports: %" G_GINT64_FORMAT "\n", m->total.reports);
  g_string_append_printf (out, "early_advice_requests: %" G_GINT64_FORMAT "\n",
                          m->total.early_advice_requests);
  g_string_append_printf (out, "charging_files: %" G_GINT64_FORMAT "\n", m->total.charging_files);
  g_string_append_printf (out, "cps_decisions: %" G_GINT64_FORMAT "\n", m->total.decisions);
  for (guint i = 0; i < SOT_CPS_N_DECISIONS; i++)
    g_string_append_printf (out, "suspects_latest_decision.%s: %" G_GINT64_FORMAT "\n",
                            sot_cps_decision_to_string (i), m->total.latest[i]);
  g_string_append_printf (out, "charges: %" G_GINT64_FORMAT "\n", m->total.charges);
  append_ratio (out, "charge_rate_cps (charged / legal decisions, per suspect)",
                &m->charge_rate_cps);
  append_ratio (out, "charge_rate_charged_over_charged_plus_nfa (per suspect)",
                &m->charge_rate_nfa);

  for (guint i = 0; i < SOT_N_INTERVALS; i++)
    {
      g_autofree char *text = sot_distribution_format (&m->intervals[i]);

      g_string_append_printf (out, "days.%s: %s\n", sot_interval_to_string (i), text);
    }

  append_ratio (out, "outcome_14_or_16_share", &m->outcome_14_16);
  append_ratio (out, "outcome_14_share", &m->outcome_14);
  append_ratio (out, "outcome_16_share", &m->outcome_16);
  append_ratio (out, "right6_deadlines_met_on_time", &m->right6_met);
  append_mean (out, "victim_contacts_per_case", &m->contacts_per_case);

  append_ratio (out, "repeat_suspect_share", &m->repeat_suspects);
  {
    g_autofree char *text = sot_distribution_format (&m->focus_share);

    g_string_append_printf (out, "suspect_focus_share_percent: %s\n", text);
  }
  for (guint i = 0; i < SOT_N_FOCUS_BANDS; i++)
    g_string_append_printf (out, "suspect_focus_band.%s: %" G_GINT64_FORMAT "\n",
                            sot_focus_band_to_string (i), m->focus_bands[i]);

  append_ratio (out, "samples_within_window", &m->samples_within_window);
  g_string_append_printf (out, "samples_without_window_figure: %" G_GINT64_FORMAT "\n",
                          m->samples_no_figure);
  append_ratio (out, "victim_devices_returned_within_24h", &m->victim_devices_24h);

  append_mean (out, "missing_variables_per_record", &m->missing_per_record);
  for (guint i = 0; i < SOT_N_MISSING; i++)
    g_string_append_printf (out, "missing.%s: %" G_GINT64_FORMAT "\n",
                            sot_missing_variable_to_string (i), m->missing_by_variable[i]);
  for (guint i = 0; i <= SOT_N_MISSING; i++)
    g_string_append_printf (out, "records_with_%u_missing: %" G_GINT64_FORMAT "\n",
                            i, m->missing_histogram[i]);

  append_periods (out, "quarter", m->quarters);
  append_periods (out, "month", m->months);

  for (guint i = 0; i < m->notes->len; i++)
    g_string_append_printf (out, "note: %s\n", (const char *) g_ptr_array_index (m->notes, i));
}
