/* sot-export-records.c: the export's records: the record-level table, what it takes from others, k
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-cps.h"
#include "sot-entity.h"
#include "sot-export-private.h"

/* --- Code lists --- */

const char * const sot_export_sexes[] = { "female", "male", "other", "unknown", NULL };
const char * const sot_export_relationships[N_RELATIONSHIPS + 1] = {
  "stranger", "family", "acquaintance", "intimate", "other", "unknown", NULL
};
const char * const sot_export_statuses[] = { "open", "with-cps", "charged", "finalised", NULL };
const char * const sot_export_age_bands[] = { "<18", "18-25", "26-40", "41+", "unknown", NULL };
const char * const sot_export_wide_age_bands[] = { "<18", "18-40", "41+", "unknown", NULL };
const char * const sot_export_interval_bands[] = {
  "same-day", "1-2", "3-10", "11-100", ">100", "unknown", NULL
};
const char * const sot_export_outcome_groups[N_OUTCOME_GROUPS + 1] = {
  SOT_OUTCOME_GROUP_CHARGED, SOT_OUTCOME_GROUP_OTHER_SANCTION,
  SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED, SOT_OUTCOME_GROUP_EVIDENTIAL_VICTIM,
  SOT_OUTCOME_GROUP_EVIDENTIAL_INVESTIGATION, SOT_OUTCOME_GROUP_TRANSFERRED,
  SOT_OUTCOME_GROUP_UNKNOWN, NULL
};
const char * const sot_export_sampled_from[] = { "complainant", "suspect", NULL };
const char * const sot_export_retentions[] = { "retain", "dispose", "return-to-owner", NULL };
const char * const sot_export_owner_roles[] = { "victim", "witness", "suspect", NULL };
const char * const sot_export_legal_bases[] = {
  "pcsc-s37-agreement", "pcsc-s41", "seizure-power", "other", NULL
};
const char * const sot_export_extraction_levels[] = {
  "none", "selective", "logical", "file-system", "physical", "other", NULL
};

gboolean
sot_export_sql_failed (Job         *job,
                       sqlite3_stmt *stmt,
                       GError     **error)
{
  sot_store_set_sqlite_error (job->store, error, _("Cannot read the workspace for the export"));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return FALSE;
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

void
sot_export_add_note (Job        *job,
                     const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (job->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* --- Loading what the record-level table needs from other tables --- */

gboolean
sot_export_load_max_ids (Job     *job,
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
        return sot_export_sql_failed (job, stmt, error);
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

/* The first victim of each investigation (the victim's facts, never the identity table). */
gboolean
sot_export_load_victims (Job     *job,
                         GError **error)
{
  sqlite3_stmt *stmt = sot_store_prepare (job->store, "SELECT investigation_id, sex, "
                                          "age_at_offence, ethnicity,        enhanced_rights FROM "
                                          "victim ORDER BY investigation_id, id", error);
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

      info->victim_sex = canon (col_text (stmt, 1), sot_export_sexes);
      info->victim_age = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                         ? -1 : (gint16) sqlite3_column_int (stmt, 2);
      info->victim_ethnicity = col_text (stmt, 3) != NULL && !sot_value_missing (col_text (stmt, 3))
                               ? "known" : NULL;
      info->victim_enhanced = sqlite3_column_int (stmt, 4) != 0;
    }

  if (rc != SQLITE_DONE)
    return sot_export_sql_failed (job, stmt, error);
  sqlite3_reset (stmt);

  return TRUE;
}

gboolean
sot_export_load_repeat_persons (Job     *job,
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
    return sot_export_sql_failed (job, stmt, error);
  sqlite3_reset (stmt);

  return TRUE;
}

/* CPS joint working (schema version 4): early advice, charging files, decisions, charges. */
gboolean
sot_export_load_cps (Job     *job,
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
        return sot_export_sql_failed (job, stmt, error);
      sqlite3_reset (stmt);
    }

  if (job->has_files)
    {
      stmt = sot_store_prepare (job->store, "SELECT investigation_id, min (submitted_on) FROM "
                                "cps_charging_file GROUP BY investigation_id", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 inv = sqlite3_column_int64 (stmt, 0);

          if (in_range (inv, job->max_inv_id))
            job->cases[inv].first_file = col_day (stmt, 1);
        }
      if (rc != SQLITE_DONE)
        return sot_export_sql_failed (job, stmt, error);
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
        return sot_export_sql_failed (job, stmt, error);
      sqlite3_reset (stmt);
    }

  if (job->has_charges)
    {
      stmt = sot_store_prepare (job->store, "SELECT investigation_id, suspect_id, min (charged_on) "
                                "FROM cps_charge GROUP BY investigation_id, suspect_id", error);
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
        return sot_export_sql_failed (job, stmt, error);
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
  n += row->offence_day == NO_DAY || row->report_day == NO_DAY ||
       row->report_day < row->offence_day;
  n += row->outcome_day == NO_DAY || row->report_day == NO_DAY ||
       row->outcome_day < row->report_day;

  return n;
}

gboolean
sot_export_read_records (Job     *job,
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
          /* "case", not the entity's name: the pseudonyms of every package made so far
           * were keyed with it. */
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
      row.status = canon (col_text (stmt, 5), sot_export_statuses);
      row.outcome_code = canon (col_text (stmt, 6), outcome_codes);
      row.outcome_group = row.outcome_code != NULL
        ? canon (sot_reference_get_outcome_group (job->reference, row.outcome_code),
                 sot_export_outcome_groups) : NULL;
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
          sot_pseudonymiser_compute (job->pseudo, SOT_ENTITY_SUSPECT, col_text (stmt, 9),
                                     row.suspect_key);
          row.suspect_sex = canon (col_text (stmt, 10), sot_export_sexes);
          row.suspect_age = sqlite3_column_type (stmt, 11) == SQLITE_NULL
                            ? -1 : sqlite3_column_int (stmt, 11);
          row.suspect_ethnicity = sot_value_missing (col_text (stmt, 12)) ? NULL : "known";
          row.relationship = canon (col_text (stmt, 13), sot_export_relationships);
          row.repeat = in_range (person, job->max_person_id) && job->repeat_person[person];
        }

      row.missing = count_missing (&row, info);
      g_array_append_val (job->rows, row);

      if (++n % CHECK_EVERY == 0)
        {
          if (sot_export_check_cancelled (job, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          sot_export_report (job, 0.05 + 0.30 * MIN (1.0, (double) inv / MAX (1, job->max_inv_id)),
                             _("Reading investigations"));
        }
    }

  if (rc != SQLITE_DONE)
    return sot_export_sql_failed (job, stmt, error);
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
void
sot_export_compute_k (Job *job)
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
      if (info->state == 1 &&
          sot_k_anonymity_group_size (k, values, N_QUASI) < job->options->threshold)
        {
          info->state = 2;
          job->summary->n_withheld++;
        }
    }
}

