/* sot-export-aggregates.c: the aggregate tables of the export, with disclosure control
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-export"

#include "config.h"

#include <string.h>

#include "sot-cps.h"
#include "sot-export-private.h"

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
  SotCsv csv;
  gboolean ok = TRUE;

  sot_sdc_table_protect (table, job->options->threshold, job->options->round5);

  full_description = g_strdup_printf ("%s Counts below %u (zero included) are suppressed (an "
                                      "empty cell), and further cells are suppressed so that no "
                                      "hidden count can be worked back from the totals%s.",
                                      description, job->options->threshold,
                                      job->options->round5
                                      ? "; published counts are rounded to the nearest 5, "
                                        "totals on their own" : "");
  r = sot_export_resource_new (job, name, title, full_description);
  r->aggregate = TRUE;
  r->primary_key = g_strsplit (row_header, " ", -1);
  f = sot_export_add_field (r, row_header, "string", row_description, NULL);
  f->required = TRUE;
  for (guint c = 0; c < n_cols; c++)
    sot_export_add_count_field (r, col_names[c], col_descriptions != NULL ? col_descriptions[c]
                                                                           : "Count", NULL);
  if (row_totals)
    sot_export_add_count_field (r, "total", "The row's total", NULL);

  if (!sot_csv_open (job, r, &csv, error))
    return FALSE;

  for (guint row = 0; row < n_rows + (col_totals ? 1 : 0) && ok; row++)
    {
      sot_csv_str (&csv, row < n_rows ? g_ptr_array_index (row_labels, row) : "total");
      for (guint c = 0; c < n_cols + (row_totals ? 1 : 0); c++)
        {
          gint64 value = sot_sdc_table_get_value (table, row, c);

          if (value < 0)
            sot_csv_empty (&csv);
          else
            sot_csv_int (&csv, value);
        }
      ok = sot_csv_end_row (&csv, error);
    }

  r->suppressed = sot_sdc_table_get_n_suppressed (table);
  job->summary->n_suppressed += r->suppressed;

  return sot_csv_close (&csv, error) && ok;
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

/* Charge rates, both definitions, from the protected decision table: a rate is shown only
 * when every count it is made of is published, so it cannot reveal a hidden one. */
static gboolean
write_charge_rates (Job          *job,
                    GPtrArray    *labels,
                    SotSdcTable  *decisions,
                    GError      **error)
{
  Resource *r;
  SotCsv csv;
  gboolean ok = TRUE;

  r = sot_export_resource_new (job, "agg_charge_rates_by_quarter", "Charge rates by quarter",
                               "Charge rates per suspect by calendar quarter of the decision in "
                               "force, in percent with one decimal. cps_charge_rate follows the "
                               "CPS definition: suspects charged ÷ legal decisions (charge, NFA "
                               "evidential, NFA public interest, out-of-court disposal; "
                               "administratively finalised and other excluded). "
                               "charged_over_charged_plus_nfa is suspects charged ÷ (charged + "
                               "NFA). A rate is empty when any count it is made of is suppressed "
                               "in agg_cps_decisions_by_quarter, or when its denominator is "
                               "zero.");
  r->aggregate = TRUE;
  r->primary_key = g_strsplit ("quarter", " ", -1);
  sot_export_add_field (r, "quarter", "string", "Calendar quarter (YYYY-Qn), or total",
                        NULL)->required = TRUE;
  sot_export_add_field (r, "cps_charge_rate", "number", "Suspects charged ÷ legal decisions (CPS "
                        "definition), percent", NULL)->unit = g_strdup ("percent");
  sot_export_add_field (r, "charged_over_charged_plus_nfa", "number", "Suspects charged ÷ "
                        "(charged + NFA evidential + NFA public interest), percent",
                        NULL)->unit = g_strdup ("percent");

  if (!sot_csv_open (job, r, &csv, error))
    return FALSE;

  for (guint i = 0; i <= labels->len && ok; i++)
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
          if (d == SOT_CPS_CHARGE || d == SOT_CPS_NFA_EVIDENTIAL ||
              d == SOT_CPS_NFA_PUBLIC_INTEREST)
            {
              if (d != SOT_CPS_CHARGE)
                nfa += raw;
              nfa_ok = nfa_ok && published;
            }
        }

      sot_csv_str (&csv, i < labels->len ? g_ptr_array_index (labels, i) : "total");
      for (guint which = 0; which < 2; which++)
        {
          gboolean shown = which == 0 ? legal_ok : nfa_ok;
          gint64 denominator = which == 0 ? legal : charged + nfa;
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          if (!shown || denominator == 0)
            {
              sot_csv_empty (&csv);
              continue;
            }
          g_ascii_formatd (buffer, sizeof buffer, "%.1f", 100.0 * charged / denominator);
          sot_csv_str (&csv, buffer);
        }
      ok = sot_csv_end_row (&csv, error);
    }

  return sot_csv_close (&csv, error) && ok;
}

/* Volumes and CPS decisions by quarter of the event, and the charge rates. */
static gboolean
write_event_tables (Job     *job,
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
  g_autoptr(SotSdcTable) volumes = NULL;
  g_autoptr(SotSdcTable) decisions = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *decision_cols[SOT_CPS_N_DECISIONS + 1];
  const char *decision_descriptions[SOT_CPS_N_DECISIONS];

  metrics_options.from = job->options->from;
  metrics_options.to = job->options->to;
  metrics_options.volumes_only = TRUE;
  if (!(metrics = sot_metrics_compute (job->store, &metrics_options, error)))
    return FALSE;

  volumes = sot_sdc_table_new (metrics->quarters->len, 5, FALSE, TRUE);
  decisions = sot_sdc_table_new (metrics->quarters->len, SOT_CPS_N_DECISIONS, TRUE, TRUE);

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

  return write_charge_rates (job, labels, decisions, error);
}

/* The quarter of report of each record, as an index into @quarters (filled here, in order). */
static guint *
quarters_of_rows (Job       *job,
                  GPtrArray *quarters)
{
  g_autoptr(GHashTable) quarter_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *new_index = NULL;
  guint *quarter_of_row = g_new0 (guint, MAX (1, job->rows->len));

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
  new_index = g_new0 (guint, MAX (1, quarters->len));
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

  return quarter_of_row;
}

/* Outcome groups by quarter of report, per investigation; relationship by outcome group, per
 * record. */
static gboolean
write_outcome_tables (Job     *job,
                      GError **error)
{
  guint n_groups = G_N_ELEMENTS (sot_export_outcome_groups) - 1;
  guint n_relationships = G_N_ELEMENTS (sot_export_relationships) - 1;
  g_autoptr(GPtrArray) quarters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SotSdcTable) by_quarter = NULL;
  g_autoptr(SotSdcTable) by_relationship = NULL;
  g_autoptr(GPtrArray) relationship_labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *quarter_of_row = quarters_of_rows (job, quarters);
  const char *group_plus[G_N_ELEMENTS (sot_export_outcome_groups) + 1];

  for (guint i = 0; i < n_groups; i++)
    group_plus[i] = sot_export_outcome_groups[i];
  group_plus[n_groups] = "no-outcome";
  group_plus[n_groups + 1] = NULL;

  by_quarter = sot_sdc_table_new (quarters->len, n_groups + 1, TRUE, TRUE);
  by_relationship = sot_sdc_table_new (n_relationships + 1, n_groups + 1, TRUE, TRUE);

  for (guint i = 0; i < n_relationships; i++)
    g_ptr_array_add (relationship_labels, g_strdup (sot_export_relationships[i]));
  g_ptr_array_add (relationship_labels, g_strdup ("no-suspect"));

  for (guint i = 0; i < job->rows->len; i++)
    {
      const CaseRow *row = &g_array_index (job->rows, CaseRow, i);
      guint group = n_groups;
      guint relationship = n_relationships;

      for (guint g = 0; g < n_groups; g++)
        if (row->outcome_group == sot_export_outcome_groups[g])
          group = g;
      for (guint k = 0; k < n_relationships; k++)
        if (row->relationship == sot_export_relationships[k])
          relationship = k;

      if (job->cases[row->inv_id].first_row == i)
        sot_sdc_table_add (by_quarter, quarter_of_row[i], group, 1);
      sot_sdc_table_add (by_relationship, relationship, group, 1);
    }

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

  return TRUE;
}

gboolean
sot_export_write_aggregates (Job     *job,
                             GError **error)
{
  return write_event_tables (job, error) && write_outcome_tables (job, error);
}
