/* sot-export-tables.c: the record-level tables (cases, lines, exhibits, devices, victim contact)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
*
 * All the SQL that reads a table is in the function that writes that table's file: adjust it
 * there when a migration changes.
 */

#define G_LOG_DOMAIN "sot-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-cps.h"
#include "sot-entity.h"
#include "sot-export-private.h"
#include "sot-line-of-enquiry.h"
#include "sot-victim-contact.h"

/* --- The record-level table: cases.csv --- */

/* The decisions' names, in the order of SotCpsDecision, %NULL-terminated. */
static void
decision_names (const char **decisions)
{
  for (guint i = 0; i < SOT_CPS_N_DECISIONS; i++)
    decisions[i] = sot_cps_decision_to_string (i);
  decisions[SOT_CPS_N_DECISIONS] = NULL;
}

static Resource *
describe_cases (Job                *job,
                const char * const *decisions)
{
  const char * const *offence_types = sot_reference_get_offence_types (job->reference);
  const char * const *outcome_codes = sot_reference_get_outcome_codes (job->reference);
  const char * const *bands = job->options->coarsen_age ? sot_export_wide_age_bands
                                                        : sot_export_age_bands;
  gboolean quarter = job->options->coarsen_month;
  Resource *r;
  Field *f;

  r = sot_export_resource_new (job, "cases", "Investigations × suspects", "One row per "
                               "investigation and suspect (one row with empty suspect fields for "
                               "an investigation without a recorded suspect), as the Soteria "
                               "academics' harmonised data. Keys are pseudonyms; dates are months "
                               "and day intervals; ages are bands. No name, date of birth, "
                               "address, phone number, crime reference, exact time, officer or "
                               "free text.");
  r->primary_key = g_strsplit ("case_key suspect_number", " ", -1);

  sot_export_add_key_field (r, "case_key", "Pseudonym of the investigation (keyed HMAC-SHA-256 of "
                            "its UUID); the same in every table of this package", TRUE);
  f = sot_export_add_count_field (r, "suspect_number", "The suspect's number within the "
                                  "investigation (1, 2, … in the order recorded); 0 when no "
                                  "suspect is recorded", NULL);
  f->required = TRUE;
  sot_export_add_key_field (r, "suspect_key", "Pseudonym of the suspect record; empty when no "
                            "suspect is recorded", FALSE);
  f = sot_export_add_field (r, "offence_type", "string", "Offence type (Soteria Workbench code "
                            "list)", offence_types);
  f->required = TRUE;
  if (quarter)
    {
      f = sot_export_add_field (r, "report_quarter", "string", "Calendar quarter in which the "
                                "offence was reported (coarsened from the month for disclosure "
                                "control)", NULL);
      f->pattern = g_strdup ("^[0-9]{4}-Q[1-4]$");
    }
  else
    {
      f = sot_export_add_field (r, "report_month", "string", "Month in which the offence was "
                                "reported", NULL);
      f->pattern = g_strdup ("^[0-9]{4}-(0[1-9]|1[0-2])$");
    }
  f->required = TRUE;
  sot_export_add_field (r, "status", "string", "Investigation status at the time of the export",
                        sot_export_statuses);
  sot_export_add_field (r, "outcome_code", "string", "Home Office crime outcome type; empty while "
                        "the investigation has no outcome", outcome_codes);
  sot_export_add_field (r, "outcome_group", "string", "Soteria outcome group of the outcome code "
                        "(meaning_missing grouping); empty while there is no outcome",
                        sot_export_outcome_groups);
  f = sot_export_add_field (r, "no_suspect_identified", "boolean", "True when no suspect is "
                            "recorded, or the outcome is 14 or 18 (the academics' NSI)", NULL);
  f->required = TRUE;
  sot_export_add_field (r, "repeat_suspect", "boolean", "The same person is a suspect in another "
                        "investigation of the workspace; empty when no suspect is recorded", NULL);
  sot_export_add_field (r, "relationship", "string", "Victim–suspect relationship; empty when no "
                        "suspect is recorded", sot_export_relationships);
  sot_export_add_field (r, "victim_sex", "string", "Sex of the (first) victim", sot_export_sexes);
  sot_export_add_field (r, "victim_age_band", "string",
                        quarter || job->options->coarsen_age
                        ? "Age band of the victim at the offence (wider bands for disclosure "
                          "control)"
                        : "Age band of the victim at the offence", bands);
  sot_export_add_field (r, "suspect_sex", "string", "Sex of the suspect; empty when none",
                        sot_export_sexes);
  sot_export_add_field (r, "suspect_age_band", "string", "Age band of the suspect at the offence; "
                        "empty when none", bands);
  f = sot_export_add_count_field (r, "offence_to_report_days", "Days from the (start of the) "
                                  "offence to the report, UK calendar days", "days");
  sot_export_add_field (r, "offence_to_report_band", "string", "offence_to_report_days in the "
                        "academics' bands", sot_export_interval_bands);
  sot_export_add_count_field (r, "report_to_outcome_days", "Days from the report to the outcome",
                              "days");
  sot_export_add_field (r, "report_to_outcome_band", "string", "report_to_outcome_days in bands; "
                        "unknown while there is no outcome", sot_export_interval_bands);
  sot_export_add_count_field (r, "report_to_charge_days", "Days from the report to this suspect's "
                              "charge (or the investigation's first charge recorded without a "
                              "suspect)", "days");
  sot_export_add_field (r, "early_advice_requested", "boolean", "CPS early advice was requested; "
                        "empty when the workspace does not record early advice", NULL);
  sot_export_add_count_field (r, "report_to_early_advice_days", "Days from the report to the first "
                              "request for early advice", "days");
  sot_export_add_count_field (r, "early_advice_turnaround_days", "Days from the first request for "
                              "early advice to the advice", "days");
  sot_export_add_field (r, "early_advice_over_21_days", "boolean", "The first early advice came "
                        "(or is still awaited) more than 21 days after the request (CPS NOM)",
                        NULL);
  sot_export_add_field (r, "charging_file_submitted", "boolean", "A charging file was submitted to "
                        "the CPS; empty when the workspace does not record charging files", NULL);
  sot_export_add_count_field (r, "report_to_charging_file_days", "Days from the report to the "
                              "first charging file", "days");
  sot_export_add_field (r, "cps_decision", "string", "The CPS decision in force for this suspect "
                        "(the latest)", decisions);
  sot_export_add_count_field (r, "report_to_cps_decision_days", "Days from the report to that "
                              "decision", "days");
  sot_export_add_field (r, "charged", "boolean", "This suspect was charged; empty when no suspect "
                        "is recorded or the workspace does not record charges", NULL);
  f = sot_export_add_count_field (r, "missing_variables", "How many of the nine key variables of "
                                  "'The Meaning of Missing' are missing or unknown for this record "
                                  "(victim sex, age, ethnicity; suspect sex, age, ethnicity; "
                                  "relationship; report delay; outcome delay)", "variables");
  f->required = TRUE;

  return r;
}

/* The last columns of a record: early advice, charging file, decision, charged, missing. */
static void
write_case_cps (Job                *job,
                SotCsv             *csv,
                const CaseRow      *row,
                const CaseInfo     *info,
                const SuspectInfo  *s,
                const char * const *decisions)
{
  if (job->has_advice)
    {
      gboolean requested = info->advice_requested != NO_DAY;

      sot_csv_bool (csv, requested);
      sot_csv_days (csv, row->report_day, info->advice_requested);
      sot_csv_days (csv, info->advice_requested, info->advice_given);
      if (requested)
        sot_csv_bool (csv, (info->advice_given != NO_DAY ? info->advice_given : job->today) -
                           info->advice_requested > SOT_CPS_EARLY_ADVICE_DAYS);
      else
        sot_csv_empty (csv);
    }
  else
    {
      sot_csv_empty (csv);
      sot_csv_empty (csv);
      sot_csv_empty (csv);
      sot_csv_empty (csv);
    }

  if (job->has_files)
    {
      sot_csv_bool (csv, info->first_file != NO_DAY);
      sot_csv_days (csv, row->report_day, info->first_file);
    }
  else
    {
      sot_csv_empty (csv);
      sot_csv_empty (csv);
    }

  if (s != NULL && s->decision >= 0)
    {
      sot_csv_str (csv, decisions[s->decision]);
      sot_csv_days (csv, row->report_day, s->decided);
    }
  else
    {
      sot_csv_empty (csv);
      sot_csv_empty (csv);
    }

  sot_csv_bool (csv, s != NULL && job->has_charges ? s->charged != NO_DAY : -1);
  sot_csv_int (csv, row->missing);
}

static void
write_case_row (Job                *job,
                SotCsv             *csv,
                const CaseRow      *row,
                const char * const *decisions)
{
  const CaseInfo *info = &job->cases[row->inv_id];
  const SuspectInfo *s = row->suspect_id != 0 && in_range (row->suspect_id, job->max_suspect_id)
                         ? &job->suspects[row->suspect_id] : NULL;
  gboolean coarsen_age = job->options->coarsen_age;
  char period[8];
  gint32 charge_day = s != NULL && s->charged != NO_DAY ? s->charged : info->case_charge;
  gboolean nsi = row->suspect_id == 0 || g_strcmp0 (row->outcome_code, "14") == 0 ||
                 g_strcmp0 (row->outcome_code, "18") == 0;

  if (job->options->coarsen_month && row->month[0] != '\0')
    sot_metrics_quarter_of (row->month, period);
  else
    memcpy (period, row->month, 8);

  sot_csv_str (csv, row->case_key);
  sot_csv_int (csv, row->suspect_number);
  sot_csv_str (csv, row->suspect_id != 0 ? row->suspect_key : NULL);
  sot_csv_str (csv, row->offence_type);
  sot_csv_str (csv, period[0] != '\0' ? period : NULL);
  sot_csv_str (csv, row->status);
  sot_csv_str (csv, row->outcome_code);
  sot_csv_str (csv, row->outcome_group);
  sot_csv_bool (csv, nsi);
  sot_csv_bool (csv, row->repeat);
  sot_csv_str (csv, row->relationship);
  sot_csv_str (csv, row->victim_sex);
  sot_csv_str (csv, sot_age_band (row->victim_age, coarsen_age));
  sot_csv_str (csv, row->suspect_sex);
  sot_csv_str (csv, row->suspect_id != 0 ? sot_age_band (row->suspect_age, coarsen_age) : NULL);
  sot_csv_days (csv, row->offence_day, row->report_day);
  sot_csv_str (csv, sot_interval_band (row->report_day - (gint64) row->offence_day,
                                       row->offence_day != NO_DAY && row->report_day != NO_DAY));
  sot_csv_days (csv, row->report_day, row->outcome_day);
  sot_csv_str (csv, sot_interval_band (row->outcome_day - (gint64) row->report_day,
                                       row->outcome_day != NO_DAY && row->report_day != NO_DAY));
  sot_csv_days (csv, row->report_day, charge_day);

  write_case_cps (job, csv, row, info, s, decisions);
}

gboolean
sot_export_write_cases (Job     *job,
                        GError **error)
{
  const char *decisions[SOT_CPS_N_DECISIONS + 1];
  Resource *r;
  SotCsv csv;
  gboolean ok = TRUE;

  decision_names (decisions);
  r = describe_cases (job, decisions);

  if (!sot_csv_open (job, r, &csv, error))
    return FALSE;

  for (guint i = 0; i < job->rows->len && ok; i++)
    {
      const CaseRow *row = &g_array_index (job->rows, CaseRow, i);

      if (job->cases[row->inv_id].state != 1)
        continue;

      write_case_row (job, &csv, row, decisions);
      ok = sot_csv_end_row (&csv, error);

      if (ok && i % CHECK_EVERY == 0 && sot_export_check_cancelled (job, error))
        ok = FALSE;
    }

  if (!job->has_advice)
    sot_export_add_note (job, "The workspace does not record CPS early advice (no cps_early_advice "
                         "table): the early-advice columns of cases.csv are empty.");
  if (!job->has_cps)
    sot_export_add_note (job, "The workspace does not record CPS decisions (no cps_decision "
                         "table): cps_decision is empty.");

  return sot_csv_close (&csv, error) && ok;
}

/* --- Lines of enquiry --- */

gboolean
sot_export_write_lines (Job     *job,
                        GError **error)
{
  Resource *r;
  Field *f;
  SotCsv csv;
  gboolean ok = TRUE;
  g_autofree guint *numbers = NULL;
  guint number = 0;
  guint n = 0;
  sqlite3_stmt *stmt;
  int rc;
  gboolean present = sot_metrics_has_table (job->store, SOT_ENTITY_LINE_OF_ENQUIRY);

  r = sot_export_resource_new (job, "lines_of_enquiry", "Lines of enquiry", "The offender-centric "
                               "evidence list: one row per line of enquiry of an exported "
                               "investigation (category, whom it is about, status, days to "
                               "complete). Titles, owners, notes and rationales are free text and "
                               "are not exported.");
  r->primary_key = g_strsplit ("case_key line_number", " ", -1);
  sot_export_add_case_foreign_key (r);
  sot_export_add_key_field (r, "case_key", "Pseudonym of the investigation (see cases)", TRUE);
  f = sot_export_add_count_field (r, "line_number", "The line's number within the investigation, "
                                  "in the order recorded", NULL);
  f->required = TRUE;
  sot_export_add_count_field (r, "suspect_number", "The suspect the line is about (suspect_number "
                              "in cases); empty when the line is not tied to a suspect", NULL);
  sot_export_add_field (r, "category", "string", "Category of the line of enquiry",
                        sot_enquiry_categories ());
  sot_export_add_field (r, "focus", "string", "Whom the line is about (the suspect-focus indicator "
                        "counts active lines on the suspect against those on the victim)",
                        sot_enquiry_focuses ());
  sot_export_add_field (r, "status", "string", "Where the line stands", sot_enquiry_statuses ());
  sot_export_add_field (r, "active", "boolean", "Not yet reviewed nor marked not pursued", NULL);
  sot_export_add_count_field (r, "days_to_complete", "For a line obtained or reviewed: days from "
                              "its creation to its last change (the workspace keeps no separate "
                              "completion date)", "days");
  sot_export_add_field (r, "from_checklist", "boolean", "The line was accepted from the force's "
                        "suspect-focused checklist", NULL);

  if (!sot_csv_open (job, r, &csv, error))
    return FALSE;

  if (!present)
    {
      r->note = g_strdup ("The workspace has no line_of_enquiry table (schema version before 2): "
                          "this table is empty.");
      return sot_csv_close (&csv, error);
    }

  stmt = sot_store_prepare (job->store,
                            "SELECT investigation_id, suspect_id, category, focus, status, "
                            "       created_at, updated_at, checklist_item IS NOT NULL "
                            "FROM line_of_enquiry ORDER BY id",
                            error);
  if (stmt == NULL)
    {
      sot_csv_close (&csv, NULL);
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

      sot_csv_str (&csv, case_key (job, inv));
      sot_csv_int (&csv, number);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
          in_range (sqlite3_column_int64 (stmt, 1), job->max_suspect_id) &&
          job->suspects[sqlite3_column_int64 (stmt, 1)].number > 0)
        sot_csv_int (&csv, job->suspects[sqlite3_column_int64 (stmt, 1)].number);
      else
        sot_csv_empty (&csv);
      sot_csv_str (&csv, canon (col_text (stmt, 2), sot_enquiry_categories ()));
      sot_csv_str (&csv, canon (col_text (stmt, 3), sot_enquiry_focuses ()));
      sot_csv_str (&csv, canon (status, sot_enquiry_statuses ()));
      sot_csv_bool (&csv, !sot_enquiry_status_is_final (status));
      done = g_strcmp0 (status, SOT_ENQUIRY_OBTAINED) == 0 ||
             g_strcmp0 (status, SOT_ENQUIRY_REVIEWED) == 0;
      if (done)
        sot_csv_days (&csv, col_day (stmt, 5), col_day (stmt, 6));
      else
        sot_csv_empty (&csv);
      sot_csv_bool (&csv, sqlite3_column_int (stmt, 7));
      ok = sot_csv_end_row (&csv, error);

      if (ok && ++n % CHECK_EVERY == 0)
        {
          if (sot_export_check_cancelled (job, error))
            ok = FALSE;
          else
            sot_export_report (job,
                               0.40 + 0.20 * MIN (1.0, (double) inv / MAX (1, job->max_inv_id)),
                               _("Lines of enquiry"));
        }
    }

  sqlite3_reset (stmt);
  if (ok && rc != SQLITE_DONE)
    {
      sot_csv_close (&csv, NULL);
      return sot_export_sql_failed (job, NULL, error);
    }

  return sot_csv_close (&csv, error) && ok;
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
    return sot_export_sql_failed (job, NULL, error);

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

static Resource *
describe_exhibits (Job *job)
{
  Resource *r;
  Field *f;

  r = sot_export_resource_new (job, "exhibits", "Exhibits and forensic samples", "One row per "
                               "exhibit of an exported investigation: whether it is a forensic "
                               "sample, of which type and from whom, whether it was taken within "
                               "its window, and whether its continuity (chain of custody) is "
                               "intact. References, descriptions, seal numbers, places, "
                               "laboratories and the names of holders are not exported.");
  r->primary_key = g_strsplit ("case_key exhibit_number", " ", -1);
  sot_export_add_case_foreign_key (r);
  sot_export_add_key_field (r, "case_key", "Pseudonym of the investigation (see cases)", TRUE);
  f = sot_export_add_count_field (r, "exhibit_number", "The exhibit's number within the "
                                  "investigation, in the order recorded", NULL);
  f->required = TRUE;
  sot_export_add_field (r, "sub_exhibit", "boolean", "The exhibit is part of another exhibit",
                        NULL);
  sot_export_add_field (r, "forensic_sample", "boolean", "The exhibit is a forensic sample (it has "
                        "a sample type)", NULL);
  sot_export_add_field (r, "sample_type", "string", "The sample type, an id of the forensic "
                        "catalogue in use (for example oral, vaginal, anal, skin), or unlisted for "
                        "a type the catalogue does not know", NULL);
  sot_export_add_field (r, "sampled_from", "string", "Whose sample", sot_export_sampled_from);
  sot_export_add_field (r, "within_window", "boolean", "The sample was taken no later than the "
                        "last possible end of its window (offence period end + the catalogue's "
                        "hours); empty when the catalogue gives no figure for its type", NULL);
  sot_export_add_field (r, "continuity_intact", "boolean", "The chain of custody in force has no "
                        "break: each hand-over by the last holder, no entry dated before the one "
                        "before it, booked into storage at least once", NULL);
  sot_export_add_count_field (r, "continuity_entries", "Continuity entries recorded, corrections "
                              "included", "entries");
  sot_export_add_field (r, "submitted_to_laboratory", "boolean", "Submitted to a laboratory", NULL);
  sot_export_add_field (r, "retention", "string", "The retention decision; empty while undecided",
                        sot_export_retentions);

  return r;
}

/* Follows the continuity entries of chain->exhibit_id in @moves, stepped to its first row
 * not before them; @moves_rc is the result of the last step. */
static void
follow_chain (Chain        *chain,
              sqlite3_stmt *moves,
              int          *moves_rc)
{
  /* Entries of exhibits that no longer exist are skipped; then this exhibit's. An entry
   * followed by another at the same position was corrected: only the last one counts. */
  while (*moves_rc == SQLITE_ROW && sqlite3_column_int64 (moves, 0) < chain->exhibit_id)
    *moves_rc = sqlite3_step (moves);

  while (*moves_rc == SQLITE_ROW && sqlite3_column_int64 (moves, 0) == chain->exhibit_id)
    {
      int position = sqlite3_column_int (moves, 1);
      gint64 from_key = sqlite3_column_int64 (moves, 2);
      gint64 to_key = sqlite3_column_int64 (moves, 3);
      gboolean storage = sqlite3_column_int (moves, 5);
      gint64 moved = 0;
      gboolean has_moved = sot_metrics_time_seconds (col_text (moves, 4), &moved);

      chain->entries++;
      *moves_rc = sqlite3_step (moves);
      if (*moves_rc == SQLITE_ROW && sqlite3_column_int64 (moves, 0) == chain->exhibit_id &&
          sqlite3_column_int (moves, 1) == position)
        continue;  /* superseded */

      chain_step (chain, from_key, to_key, has_moved, moved, storage);
    }
}

/* Whether the sample of the exhibit in @stmt was taken within its window: -1 when unknown. */
static int
within_window (Job          *job,
               sqlite3_stmt *stmt)
{
  gint64 inv = sqlite3_column_int64 (stmt, 1);
  const char *sample_type = col_text (stmt, 3);
  SotForensicSample *sample;
  SotSampleSubject subject;
  gint64 taken;
  int hours;

  if (sample_type == NULL || job->catalogue == NULL ||
      job->cases[inv].offence_from == G_MININT64 ||
      !sot_metrics_time_seconds (col_text (stmt, 5), &taken))
    return -1;

  sample = sot_forensic_catalogue_lookup (job->catalogue, sample_type);
  subject = g_strcmp0 (col_text (stmt, 4), "suspect") == 0 ? SOT_SAMPLE_SUBJECT_SUSPECT
                                                           : SOT_SAMPLE_SUBJECT_COMPLAINANT;
  hours = sample != NULL ? sot_forensic_sample_get_hours (sample, subject) : SOT_FORENSIC_NO_FIGURE;
  if (hours == SOT_FORENSIC_NO_FIGURE)
    return -1;

  return taken <= job->cases[inv].offence_until + (gint64) hours * 3600;
}

static void
write_exhibit_row (Job          *job,
                   SotCsv       *csv,
                   sqlite3_stmt *stmt,
                   guint         number,
                   const Chain  *chain)
{
  const char *sample_type = col_text (stmt, 3);

  sot_csv_str (csv, case_key (job, sqlite3_column_int64 (stmt, 1)));
  sot_csv_int (csv, number);
  sot_csv_bool (csv, sqlite3_column_int (stmt, 2));
  sot_csv_bool (csv, sample_type != NULL);
  /* Only an id of the catalogue is written: anything else could be free text. */
  if (sample_type == NULL)
    sot_csv_empty (csv);
  else if (job->catalogue != NULL && sot_forensic_catalogue_lookup (job->catalogue, sample_type))
    sot_csv_str (csv, sample_type);
  else
    sot_csv_str (csv, "unlisted");
  sot_csv_str (csv, canon (col_text (stmt, 4), sot_export_sampled_from));

  sot_csv_bool (csv, within_window (job, stmt));
  sot_csv_bool (csv, chain->intact && chain->booked);
  sot_csv_int (csv, chain->entries);
  sot_csv_bool (csv, sqlite3_column_int (stmt, 6));
  sot_csv_str (csv, canon (col_text (stmt, 7), sot_export_retentions));
}

gboolean
sot_export_write_exhibits (Job     *job,
                           GError **error)
{
  g_autofree guint *numbers = NULL;
  Resource *r;
  SotCsv csv;
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;
  sqlite3_stmt *moves;
  int rc, moves_rc = SQLITE_DONE;
  gboolean present = sot_metrics_has_table (job->store, SOT_ENTITY_EXHIBIT) &&
                     sot_metrics_has_table (job->store, SOT_ENTITY_EXHIBIT_MOVEMENT);
  guint n = 0;

  r = describe_exhibits (job);

  if (!sot_csv_open (job, r, &csv, error))
    return FALSE;

  if (!present)
    {
      r->note = g_strdup ("The workspace has no exhibit table (schema version before 3): this "
                          "table is empty.");
      return sot_csv_close (&csv, error);
    }

  sot_export_add_note (job, "continuity_intact in exhibits.csv applies the rules of the program's "
                       "continuity check to a hash of each holder's name made inside the database "
                       "query; no name is read out or written.");

  if (!register_holder_key (job, error))
    {
      sot_csv_close (&csv, NULL);
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
      sot_csv_close (&csv, NULL);
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
      sot_csv_close (&csv, NULL);
      return FALSE;
    }

  numbers = g_new0 (guint, job->max_inv_id + 1);
  moves_rc = sqlite3_step (moves);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 inv = sqlite3_column_int64 (stmt, 1);
      Chain chain = { 0 };

      chain.exhibit_id = id;
      chain.holder = sqlite3_column_int64 (stmt, 8);
      chain.intact = TRUE;
      chain.has_time = sot_metrics_time_seconds (col_text (stmt, 5), &chain.time);

      follow_chain (&chain, moves, &moves_rc);

      if (in_range (inv, job->max_inv_id) && numbers[inv] < G_MAXUINT)
        numbers[inv]++;

      if (!exported (job, inv))
        continue;

      write_exhibit_row (job, &csv, stmt, numbers[inv], &chain);
      ok = sot_csv_end_row (&csv, error);

      if (ok && ++n % CHECK_EVERY == 0 && sot_export_check_cancelled (job, error))
        ok = FALSE;
    }

  sqlite3_reset (moves);
  sqlite3_reset (stmt);
  if (ok && (rc != SQLITE_DONE || (moves_rc != SQLITE_DONE && moves_rc != SQLITE_ROW)))
    {
      sot_csv_close (&csv, NULL);
      return sot_export_sql_failed (job, NULL, error);
    }

  return sot_csv_close (&csv, error) && ok;
}

/* --- Digital devices --- */

gboolean
sot_export_write_devices (Job     *job,
                          GError **error)
{
  Resource *r;
  Field *f;
  SotCsv csv;
  gboolean ok = TRUE;
  g_autofree guint *numbers = NULL;
  guint number = 0;
  sqlite3_stmt *stmt;
  int rc;

  r = sot_export_resource_new (job, "devices", "Digital devices", "One row per digital device "
                               "taken in an exported investigation: whose, on what legal basis, "
                               "which extraction, and how long its owner was without it (the Rape "
                               "Review ambition: a victim's phone back within 24 hours). "
                               "Descriptions, notes and scope are not exported.");
  r->primary_key = g_strsplit ("case_key device_number", " ", -1);
  sot_export_add_case_foreign_key (r);
  sot_export_add_key_field (r, "case_key", "Pseudonym of the investigation (see cases)", TRUE);
  f = sot_export_add_count_field (r, "device_number", "The device's number within the "
                                  "investigation", NULL);
  f->required = TRUE;
  sot_export_add_field (r, "owner_role", "string", "Whose device", sot_export_owner_roles);
  sot_export_add_field (r, "legal_basis", "string", "The legal basis for taking it",
                        sot_export_legal_bases);
  sot_export_add_field (r, "extraction_level", "string", "The extraction made",
                        sot_export_extraction_levels);
  sot_export_add_field (r, "written_notice_given", "boolean", "Written notice was given", NULL);
  sot_export_add_field (r, "dpn_given", "boolean", "A digital processing notice was given", NULL);
  sot_export_add_field (r, "returned", "boolean", "The device was returned to its owner", NULL);
  sot_export_add_count_field (r, "days_held", "Whole days the owner was without the device (to its "
                              "return, or to the export while still held)", "days");
  sot_export_add_field (r, "returned_within_24h", "boolean", "Returned within 24 hours; false when "
                        "still held after 24 hours; empty while held for less", NULL);
  sot_export_add_field (r, "swap_out_given", "boolean", "A replacement device was given", NULL);

  if (!sot_csv_open (job, r, &csv, error))
    return FALSE;

  if (!sot_metrics_has_table (job->store, SOT_ENTITY_DEVICE))
    {
      r->note = g_strdup ("The workspace has no device table (schema version before 3): this "
                          "table is empty.");
      return sot_csv_close (&csv, error);
    }

  stmt = sot_store_prepare (job->store,
                            "SELECT investigation_id, owner_role, legal_basis, extraction_level, "
                            "       written_notice_on IS NOT NULL, dpn_given_on IS NOT NULL, "
                            "       taken_at, returned_at, swap_out_given "
                            "FROM device ORDER BY id",
                            error);
  if (stmt == NULL)
    {
      sot_csv_close (&csv, NULL);
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

      sot_csv_str (&csv, case_key (job, inv));
      sot_csv_int (&csv, number);
      sot_csv_str (&csv, canon (col_text (stmt, 1), sot_export_owner_roles));
      sot_csv_str (&csv, canon (col_text (stmt, 2), sot_export_legal_bases));
      sot_csv_str (&csv, canon (col_text (stmt, 3), sot_export_extraction_levels));
      sot_csv_bool (&csv, sqlite3_column_int (stmt, 4));
      sot_csv_bool (&csv, sqlite3_column_int (stmt, 5));
      sot_csv_bool (&csv, has_returned);
      if (has_taken)
        {
          gint64 until = has_returned ? returned : job->now_seconds;
          gint64 held = until - taken;

          if (held >= 0)
            sot_csv_int (&csv, held / 86400);
          else
            sot_csv_empty (&csv);

          if (has_returned)
            sot_csv_bool (&csv, held <= 24 * 3600);
          else
            sot_csv_bool (&csv, held > 24 * 3600 ? 0 : -1);
        }
      else
        {
          sot_csv_empty (&csv);
          sot_csv_empty (&csv);
        }
      sot_csv_bool (&csv, sqlite3_column_int (stmt, 8));
      ok = sot_csv_end_row (&csv, error);
    }

  sqlite3_reset (stmt);
  if (ok && rc != SQLITE_DONE)
    {
      sot_csv_close (&csv, NULL);
      return sot_export_sql_failed (job, NULL, error);
    }

  return sot_csv_close (&csv, error) && ok;
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
    return sot_export_sql_failed (job, stmt, error);
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

gboolean
sot_export_write_contacts (Job     *job,
                           GError **error)
{
  g_autofree ContactInfo *info = NULL;
  Resource *r;
  SotCsv csv;
  gboolean ok = TRUE;
  gboolean has_contact = sot_metrics_has_table (job->store, SOT_ENTITY_VICTIM_CONTACT);
  gboolean has_events = sot_metrics_has_table (job->store, SOT_ENTITY_RIGHT6_EVENT);
  gboolean has_letters = sot_metrics_has_table (job->store, SOT_ENTITY_VICTIM_LETTER);
  gboolean has_isva = sot_metrics_has_table (job->store, SOT_ENTITY_ISVA);
  gboolean has_preference = sot_metrics_has_table (job->store,
                                                   SOT_ENTITY_VICTIM_CONTACT_PREFERENCE);

  r = sot_export_resource_new (job, "victim_contact", "Victim contact", "One row per exported "
                               "investigation: the victim's enhanced rights, the agreed update "
                               "cadence and channel, ISVA support, how often the victim was "
                               "contacted, and the Victims' Code Right 6 deadlines met. Who made a "
                               "contact and what was said are not exported.");
  r->primary_key = g_strsplit ("case_key", " ", -1);
  sot_export_add_case_foreign_key (r);
  sot_export_add_key_field (r, "case_key", "Pseudonym of the investigation (see cases)", TRUE);
  sot_export_add_field (r, "enhanced_rights", "boolean", "The (first) victim has enhanced rights "
                        "under the Victims' Code; empty when no victim is recorded", NULL);
  sot_export_add_count_field (r, "agreed_update_days", "The agreed update frequency in force, in "
                              "days; empty when none is agreed", "days");
  sot_export_add_field (r, "agreed_channel", "string", "The agreed contact channel in force",
                        sot_contact_channels ());
  sot_export_add_field (r, "isva", "boolean", "An ISVA supports the victim; empty when the "
                        "workspace does not record ISVAs", NULL);
  sot_export_add_count_field (r, "contacts", "Contacts with the victim logged", "contacts");
  sot_export_add_count_field (r, "contacts_with_isva_present", "Of those, with the ISVA present",
                              "contacts");
  sot_export_add_count_field (r, "right6_events", "Victims' Code Right 6 events (arrest, "
                              "interview, release, bail, …)", "events");
  sot_export_add_count_field (r, "right6_deadlines_due", "Right 6 deadlines met or already due at "
                              "the export", "deadlines");
  sot_export_add_count_field (r, "right6_met_on_time", "Right 6 deadlines met by their due time",
                              "deadlines");
  sot_export_add_count_field (r, "right6_met_late", "Right 6 deadlines met after their due time",
                              "deadlines");
  sot_export_add_count_field (r, "letters_sent", "JNAP victim letters sent", "letters");

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
       !for_each_case (job, "SELECT DISTINCT investigation_id FROM isva", take_isva, info,
                       error)) ||
      (has_preference &&
       !for_each_case (job, "SELECT investigation_id, frequency_days, channel "
                       "FROM victim_contact_preference ORDER BY investigation_id, changed_at, id",
                       take_preference, info, error)))
    return FALSE;

  if (!has_contact)
    r->note = g_strdup ("The workspace has no victim_contact table (schema version before 4): "
                        "only the Right 6 deadline counts are filled.");

  if (!sot_csv_open (job, r, &csv, error))
    return FALSE;

  for (guint i = 0; i < job->rows->len && ok; i++)
    {
      const CaseRow *row = &g_array_index (job->rows, CaseRow, i);
      const CaseInfo *c = &job->cases[row->inv_id];
      const ContactInfo *ci = &info[row->inv_id];

      if (c->state != 1 || c->first_row != i)
        continue;

      sot_csv_str (&csv, row->case_key);
      sot_csv_bool (&csv, c->victim_enhanced);
      if (ci->cadence > 0)
        sot_csv_int (&csv, ci->cadence);
      else
        sot_csv_empty (&csv);
      sot_csv_str (&csv, ci->channel);
      sot_csv_bool (&csv, has_isva ? ci->isva : -1);
      if (has_contact)
        {
          sot_csv_int (&csv, ci->contacts);
          sot_csv_int (&csv, ci->contacts_isva);
        }
      else
        {
          sot_csv_empty (&csv);
          sot_csv_empty (&csv);
        }
      if (has_events)
        sot_csv_int (&csv, ci->events);
      else
        sot_csv_empty (&csv);
      sot_csv_int (&csv, ci->due);
      sot_csv_int (&csv, ci->on_time);
      sot_csv_int (&csv, ci->late);
      if (has_letters)
        sot_csv_int (&csv, ci->letters);
      else
        sot_csv_empty (&csv);
      ok = sot_csv_end_row (&csv, error);
    }

  return sot_csv_close (&csv, error) && ok;
}
