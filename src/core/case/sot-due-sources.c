/* sot-due-sources.c: the clocks that feed the due list, one function each
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-due"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-bail.h"
#include "sot-cps.h"
#include "sot-deadline.h"
#include "sot-device.h"
#include "sot-due-private.h"
#include "sot-forensic-window.h"
#include "sot-time.h"
#include "sot-victims-code.h"

/* No catalogue window runs anywhere near this long: older offences are not worked out. */
#define FORENSIC_LOOKBACK_DAYS 31

/* A charged or finalised case's lines, advice, bail dates and reviews are history, not due;
 * its devices and the victim's rights still are. */
#define CASE_ACTIVE "AND i.status IN ('open', 'with-cps') "

/* Runs @sql (?1 = the case, 0 for every case) and hands each row to @row. */
static gboolean
each_row (SotDueContext  *ctx,
          const char     *sql,
          void          (*row) (SotDueContext *ctx, sqlite3_stmt *stmt),
          GError        **error)
{
  sqlite3_stmt *stmt = sot_store_prepare (ctx->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ctx->investigation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (ctx, stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (ctx->store, error, _("Cannot read what is due"));
      return FALSE;
    }

  return TRUE;
}

/* The end of the UK day of a stored date or time, or %NULL. */
static GDateTime *
end_of_stored_day (const char *stored,
                   int         add_days)
{
  GDate day;

  if (!sot_deadline_day_of (stored, &day))
    return NULL;
  g_date_add_days (&day, add_days);
  return _sot_due_end_of_day (&day);
}

/* ------------------------------------------------------------------------------------------ */
/* Forensic windows                                                                            */

static void
add_case_windows (SotDueContext        *ctx,
                  SotForensicCatalogue *catalogue,
                  SotDueCase           *c)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  gboolean day_only = c->offence_from != NULL && strlen (c->offence_from) == 10;

  from = sot_time_parse (c->offence_from, NULL);
  if (from == NULL)
    {
      /* Nothing can be worked out, and an open case must not look as if nothing were due. */
      if (g_strcmp0 (c->status, "open") == 0)
        _sot_due_add (ctx, c->id, SOT_DUE_FORENSIC_WINDOW,
                      _("Forensic windows: the offence time is unknown; record it to see when "
                        "samples must be taken"), NULL, FALSE, NULL, NULL,
                      _("Offence time unknown"));
      return;
    }

  /* A bare day: the time is unknown, so the offence may have been at any time of that day. */
  if (c->offence_until != NULL && *c->offence_until != '\0')
    until = sot_time_parse (c->offence_until, NULL);
  else if (day_only)
    until = g_date_time_add_seconds (from, 24 * 3600 - 1);

  if (g_date_time_difference (ctx->now, until ? until : from) >
      (GTimeSpan) FORENSIC_LOOKBACK_DAYS * G_TIME_SPAN_DAY)
    return;

  windows = sot_forensic_windows_compute (catalogue, SOT_SAMPLE_SUBJECT_COMPLAINANT, from, until,
                                          ctx->now, SOT_FORENSIC_WINDOW_DEFAULT_CLOSING_HOURS,
                                          NULL);
  for (guint i = 0; windows != NULL && i < windows->len; i++)
    {
      SotForensicWindow *w = g_ptr_array_index (windows, i);
      g_autofree char *value = NULL;
      g_autofree char *what = NULL;

      /* Closed windows are gone, not overdue; no figure is no clock. */
      if (w->status != SOT_WINDOW_OPEN && w->status != SOT_WINDOW_CLOSING)
        continue;

      value = sot_forensic_window_describe_value (w);
      if (day_only)
        /* TRANSLATORS: a sample type, then its window ("48 hours, confirmed") */
        what = g_strdup_printf (_("Forensic window closes: %s (%s; offence time unknown, "
                                  "counted over the whole day)"),
                                sot_forensic_sample_get_label (w->sample), value);
      else
        what = g_strdup_printf (_("Forensic window closes: %s (%s)"),
                                sot_forensic_sample_get_label (w->sample), value);

      _sot_due_add (ctx, c->id, SOT_DUE_FORENSIC_WINDOW, what, w->certain_deadline, FALSE, NULL,
                    NULL, NULL);
    }
}

gboolean
_sot_due_add_forensic_windows (SotDueContext  *ctx,
                               GError        **error)
{
  g_autoptr(SotForensicCatalogue) catalogue = NULL;
  g_autoptr(GError) warning = NULL;
  GHashTableIter iter;
  gpointer value;

  /* A refused force file is reported on the Forensics page; here the built-in one serves. */
  catalogue = sot_forensic_catalogue_load (NULL, &warning);
  if (catalogue == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, ctx->cases);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    add_case_windows (ctx, catalogue, value);

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Lines of enquiry                                                                            */

static void
line_row (SotDueContext *ctx,
          sqlite3_stmt  *stmt)
{
  g_autoptr(GDateTime) due = end_of_stored_day (sot_store_column_text (stmt, 3), 0);
  g_autofree char *what = g_strdup_printf (_("Line of enquiry: %s"),
                                           sot_store_column_text (stmt, 2));
  const char *status = sot_store_column_text (stmt, 5);
  gboolean met = g_strcmp0 (status, "reviewed") == 0 || g_strcmp0 (status, "not-pursued") == 0;

  if (due != NULL)
    _sot_due_add (ctx, sqlite3_column_int64 (stmt, 0), SOT_DUE_LINE_OF_ENQUIRY, what, due, met,
                  sot_store_column_text (stmt, 4), sot_store_column_text (stmt, 1), NULL);
}

gboolean
_sot_due_add_lines (SotDueContext  *ctx,
                    GError        **error)
{
  return each_row (ctx,
                   "SELECT l.investigation_id, l.uuid, l.title, l.due_on, l.owner, l.status "
                   "FROM line_of_enquiry l JOIN investigation i ON i.id = l.investigation_id "
                   "WHERE l.due_on IS NOT NULL " CASE_ACTIVE
                   "AND (?1 = 0 OR l.investigation_id = ?1)",
                   line_row, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Devices                                                                                     */

static void
device_row (SotDueContext *ctx,
            sqlite3_stmt  *stmt)
{
  g_autoptr(GDateTime) taken = sot_time_parse (sot_store_column_text (stmt, 3), NULL);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *what = NULL;
  gboolean met = sot_store_column_text (stmt, 4) != NULL || sqlite3_column_int (stmt, 5) != 0;

  if (taken == NULL)
    return;

  due = g_date_time_add_hours (taken, SOT_DEVICE_VICTIM_LIMIT_HOURS);
  what = g_strdup_printf (_("Return the victim’s device within 24 hours, or give a swap-out: "
                            "%s"), sot_store_column_text (stmt, 2));
  _sot_due_add (ctx, sqlite3_column_int64 (stmt, 0), SOT_DUE_DEVICE_RETURN, what, due, met, NULL,
                sot_store_column_text (stmt, 1), NULL);
}

gboolean
_sot_due_add_devices (SotDueContext  *ctx,
                      GError        **error)
{
  return each_row (ctx,
                   "SELECT investigation_id, uuid, description, taken_at, returned_at, "
                   "swap_out_given FROM device WHERE owner_role = 'victim' "
                   "AND (?1 = 0 OR investigation_id = ?1)",
                   device_row, error);
}

/* ------------------------------------------------------------------------------------------ */
/* The deadline table: Right 6 events, agreed updates, CPS action plan items                  */

static SotDueKind
deadline_kind (const char *kind)
{
  if (g_str_has_prefix (kind, SOT_DEADLINE_RIGHT6_PREFIX))
    return SOT_DUE_RIGHT6;
  if (g_strcmp0 (kind, SOT_DEADLINE_CADENCE) == 0)
    return SOT_DUE_AGREED_UPDATE;
  return SOT_DUE_CPS_ACTION;
}

gboolean
_sot_due_add_deadlines (SotDueContext  *ctx,
                        GError        **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, ctx->cases);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SotDueCase *c = value;
      g_autoptr(GListModel) deadlines = NULL;
      guint n;

      deadlines = sot_deadline_list_for_investigation (ctx->store, c->id, !ctx->include_met,
                                                       error);
      if (deadlines == NULL)
        return FALSE;

      n = g_list_model_get_n_items (deadlines);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SotDeadline) d = g_list_model_get_item (deadlines, i);
          g_autoptr(GDateTime) due = sot_time_parse (sot_deadline_get_due_at (d), NULL);

          _sot_due_add (ctx, c->id, deadline_kind (sot_deadline_get_kind (d)),
                        sot_deadline_get_title (d), due, sot_deadline_get_met_at (d) != NULL,
                        NULL, sot_deadline_get_uuid (d), NULL);
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Early advice                                                                                */

static void
advice_row (SotDueContext *ctx,
            sqlite3_stmt  *stmt)
{
  g_autoptr(GDateTime) due = end_of_stored_day (sot_store_column_text (stmt, 2),
                                                SOT_CPS_EARLY_ADVICE_DAYS);

  if (due != NULL)
    _sot_due_add (ctx, sqlite3_column_int64 (stmt, 0), SOT_DUE_EARLY_ADVICE,
                  _("Early advice from the CPS (within 21 days of the request)"), due,
                  sot_store_column_text (stmt, 3) != NULL, NULL, sot_store_column_text (stmt, 1),
                  NULL);
}

gboolean
_sot_due_add_early_advice (SotDueContext  *ctx,
                           GError        **error)
{
  return each_row (ctx,
                   "SELECT e.investigation_id, e.uuid, e.requested_on, e.given_on "
                   "FROM cps_early_advice e JOIN investigation i ON i.id = e.investigation_id "
                   "WHERE (?1 = 0 OR e.investigation_id = ?1) " CASE_ACTIVE,
                   advice_row, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Pre-charge bail                                                                             */

static void
add_one_bail (SotDueContext *ctx,
              SotBailRecord *bail)
{
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) views_due = NULL;
  g_autofree char *what = NULL;
  gint64 investigation_id = sot_bail_record_get_investigation_id (bail);
  SotBailAuthority authority = sot_bail_record_get_authority (bail);
  const char *uuid = sot_bail_record_get_uuid (bail);
  gboolean ended = sot_bail_record_get_ended_on (bail) != NULL;
  GDate arrest, last_day, start;

  if (!sot_date_parse (sot_bail_record_get_arrested_on (bail), &arrest, NULL))
    return;

  sot_bail_end_for_arrest (&arrest, authority, &last_day);
  end = _sot_due_end_of_day (&last_day);
  /* TRANSLATORS: %s says how long ("Applicable bail period, 3 months") */
  what = g_strdup_printf (_("Pre-charge bail runs out: extend, charge or release (%s)"),
                          sot_bail_authority_label (authority));
  _sot_due_add (ctx, investigation_id, SOT_DUE_BAIL, what, end, ended, NULL, uuid, NULL);

  /* The victim's views inform the conditions: sought by the bail start date. */
  sot_bail_start_date (&arrest, &start);
  views_due = _sot_due_end_of_day (&start);
  _sot_due_add (ctx, investigation_id, SOT_DUE_BAIL_VIEWS,
                _("Seek the victim’s views on the bail conditions"), views_due,
                sot_bail_record_get_victim_views_on (bail) != NULL || ended, NULL, uuid, NULL);
}

static void
answer_bail_row (SotDueContext *ctx,
                 sqlite3_stmt  *stmt)
{
  g_autoptr(GDateTime) due = end_of_stored_day (sot_store_column_text (stmt, 2), 0);

  if (due != NULL)
    _sot_due_add (ctx, sqlite3_column_int64 (stmt, 0), SOT_DUE_BAIL,
                  _("Suspect answers bail"), due, FALSE, NULL, sot_store_column_text (stmt, 1),
                  NULL);
}

gboolean
_sot_due_add_bail (SotDueContext  *ctx,
                   GError        **error)
{
  g_autoptr(GListModel) bails = sot_bail_list (ctx->store, ctx->investigation_id, error);
  guint n;

  if (bails == NULL)
    return FALSE;

  n = g_list_model_get_n_items (bails);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotBailRecord) bail = g_list_model_get_item (bails, i);

      add_one_bail (ctx, bail);
    }

  /* The day a suspect on bail must come back, while the case is with the police or the CPS. */
  return each_row (ctx,
                   "SELECT s.investigation_id, s.uuid, s.bail_until FROM suspect s "
                   "JOIN investigation i ON i.id = s.investigation_id "
                   "WHERE s.bail_type = 'bail' AND s.bail_until IS NOT NULL "
                   CASE_ACTIVE
                   "AND (?1 = 0 OR s.investigation_id = ?1)",
                   answer_bail_row, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Release under investigation                                                                 */

static void
rui_row (SotDueContext *ctx,
         sqlite3_stmt  *stmt)
{
  SotVictimsCode *code = sot_victims_code_get_default (NULL);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *what = NULL;
  gboolean confirmed = FALSE;
  guint every;
  GDate day;
  gint64 elapsed;

  if (code == NULL || !sot_deadline_day_of (sot_store_column_text (stmt, 2), &day))
    return;

  /* The next review on the force's cadence from the day of release, today or after. */
  every = sot_victims_code_rui_review_days (code, &confirmed);
  elapsed = (gint64) g_date_get_julian (&ctx->today) - (gint64) g_date_get_julian (&day);
  g_date_add_days (&day, every * (elapsed <= 0 ? 1 : (elapsed + every - 1) / every));
  due = _sot_due_end_of_day (&day);

  if (confirmed)
    what = g_strdup_printf (_("Review the release under investigation (every %u days)"), every);
  else
    what = g_strdup_printf (_("Review the release under investigation (every %u days: a force "
                              "setting, unconfirmed)"), every);
  _sot_due_add (ctx, sqlite3_column_int64 (stmt, 0), SOT_DUE_RUI_REVIEW, what, due, FALSE, NULL,
                sot_store_column_text (stmt, 1), NULL);
}

gboolean
_sot_due_add_rui (SotDueContext  *ctx,
                  GError        **error)
{
  return each_row (ctx,
                   "SELECT s.investigation_id, s.uuid, s.bailed_at FROM suspect s "
                   "JOIN investigation i ON i.id = s.investigation_id "
                   "WHERE s.bail_type = 'rui' AND s.bailed_at IS NOT NULL "
                   CASE_ACTIVE
                   "AND (?1 = 0 OR s.investigation_id = ?1)",
                   rui_row, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Victims' Right to Review                                                                    */

static void
review_row (SotDueContext *ctx,
            sqlite3_stmt  *stmt)
{
  SotVictimsCode *code = sot_victims_code_get_default (NULL);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *what = NULL;
  gboolean confirmed = FALSE;
  guint months;
  GDate day;

  if (code == NULL || !sot_deadline_day_of (sot_store_column_text (stmt, 2), &day))
    return;

  months = sot_victims_code_vrr_months (code, &confirmed);
  g_date_add_months (&day, months);
  due = _sot_due_end_of_day (&day);

  if (confirmed)
    what = g_strdup_printf (_("The victim may ask for a review of the decision (Victims’ Right "
                              "to Review, %u months)"), months);
  else
    what = g_strdup_printf (_("The victim may ask for a review of the decision (Victims’ Right "
                              "to Review, %u months: unconfirmed)"), months);

  /* The window closing is not the officer's failure: once past, it is over, not overdue. */
  _sot_due_add (ctx, sqlite3_column_int64 (stmt, 0), SOT_DUE_RIGHT_TO_REVIEW, what, due,
                g_date_time_compare (due, ctx->now) < 0, NULL, sot_store_column_text (stmt, 1),
                NULL);
}

gboolean
_sot_due_add_right_to_review (SotDueContext  *ctx,
                              GError        **error)
{
  return each_row (ctx,
                   "SELECT investigation_id, uuid, decided_on FROM cps_decision "
                   "WHERE decision IN ('nfa-evidential', 'nfa-public-interest') "
                   "AND (?1 = 0 OR investigation_id = ?1) "
                   "UNION ALL SELECT investigation_id, uuid, occurred_at FROM right6_event "
                   "WHERE event IN ('nfa', 'discontinuance') "
                   "AND (?1 = 0 OR investigation_id = ?1)",
                   review_row, error);
}
