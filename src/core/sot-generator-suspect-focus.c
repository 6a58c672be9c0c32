/* sot-generator-suspect-focus.c: the generator's part for suspects, lines of enquiry, disruption
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-generator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-checklist.h"
#include "sot-disruption.h"
#include "sot-generator-parts.h"
#include "sot-line-of-enquiry.h"
#include "sot-suspect.h"
#include "sot-time.h"

/* Writes go straight to prepared statements inside the generator's transaction, each with its
 * audit row, as the core's write functions do, but without building a GObject per record: the
 * generator makes 100 000 investigations in one run. */

typedef struct {
  const char *category;
  const char *focus;
  const char *title;
  guint       weight;
} Template;

/* Mostly about the suspect, as a suspect-focused investigation should be; some about the
 * victim (so the indicator has something to weigh) and some about the context. */
static const Template templates[] = {
  { "behaviour-before", "suspect", "Messages between suspect and victim in the weeks before", 6 },
  { "behaviour-before", "suspect", "Suspect's contact with the victim before the offence", 4 },
  { "behaviour-during", "suspect", "Evidence of coercion or control during the offence", 4 },
  { "behaviour-after", "suspect", "Suspect's messages and calls after the offence", 6 },
  { "previous-allegations", "suspect", "Previous reports naming the suspect", 6 },
  { "intelligence-local", "suspect", "Local force systems check on the suspect", 7 },
  { "intelligence-pnc", "suspect", "PNC check", 7 },
  { "intelligence-pnd", "suspect", "PND check", 6 },
  { "intelligence-scas", "suspect", "SCAS referral", 2 },
  { "intelligence-other-forces", "suspect", "Checks with forces where the suspect lived", 3 },
  { "digital-footprint", "suspect", "Suspect's phone download", 5 },
  { "digital-footprint", "suspect", "Suspect's social media and dating apps", 4 },
  { "third-party", "suspect", "CCTV of the suspect's route home", 3 },
  { "third-party", "suspect", "Taxi records for the suspect's journey", 2 },
  { "witnesses", "suspect", "Statement from the suspect's former partner", 2 },
  { "forensic", "suspect", "Suspect's intimate samples", 3 },
  { "bad-character", "suspect", "Bad character application considered", 3 },
  { "digital-footprint", "victim", "Victim's phone download", 6 },
  { "third-party", "victim", "Victim's counselling records request", 3 },
  { "third-party", "victim", "Victim's medical records request", 3 },
  { "previous-allegations", "victim", "Victim's previous reports to police", 2 },
  { "forensic", "context", "Scene examination", 3 },
  { "witnesses", "context", "House-to-house enquiries", 3 },
  { "third-party", "context", "CCTV near the scene", 3 },
};

typedef struct {
  const char *value;
  guint       weight;
} Weighted;

static const Weighted open_statuses[] = {
  { SOT_ENQUIRY_PROPOSED, 8 }, { SOT_ENQUIRY_PLANNED, 24 }, { SOT_ENQUIRY_REQUESTED, 26 },
  { SOT_ENQUIRY_OBTAINED, 20 }, { SOT_ENQUIRY_REVIEWED, 14 }, { SOT_ENQUIRY_NOT_PURSUED, 8 },
};

static const Weighted closed_statuses[] = {
  { SOT_ENQUIRY_OBTAINED, 12 }, { SOT_ENQUIRY_REVIEWED, 60 }, { SOT_ENQUIRY_NOT_PURSUED, 28 },
};

static const char * const rationales[] = {
  "Not proportionate: the material would not make any fact in issue more or less likely.",
  "No CCTV covers the route; checked with the council control room.",
  "The suspect's phone was not recovered at arrest; intelligence says it was replaced.",
  "CPS early advice: this would not assist the charging decision.",
  "Superseded by the suspect's admission in interview.",
  "The victim's records are not a reasonable line of enquiry on these facts.",
};

static const char * const dismissal_reasons[] = {
  "Already covered by another line of enquiry.",
  "Not relevant on these facts: recorded for the supervisor's review.",
  "Completed before the suspect was identified.",
};

static const char * const extra_owners[] = {
  "DC Mo Example", "DC Nia Sample", "PC Olu Specimen", "DS Pat Fictional", "Analyst Quin Madeup",
};

static const Weighted disruption_kinds[] = {
  { SOT_DISRUPTION_BAIL, 35 }, { SOT_DISRUPTION_SAFEGUARDING, 25 }, { SOT_DISRUPTION_OTHER, 15 },
  { SOT_DISRUPTION_SRO, 10 }, { SOT_DISRUPTION_SHPO, 15 },
};

static const Weighted disruption_statuses[] = {
  { SOT_DISRUPTION_CONSIDERED, 30 }, { SOT_DISRUPTION_APPLIED, 15 },
  { SOT_DISRUPTION_GRANTED, 25 }, { SOT_DISRUPTION_REFUSED, 10 },
  { SOT_DISRUPTION_NOT_PURSUED, 20 },
};

static const char *
pick (SotGeneratorContext *ctx,
      const Weighted      *table,
      guint                n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += table[i].weight;

  r = sot_generator_range (ctx, 0, total);

  for (guint i = 0; i < n; i++)
    {
      if (r < table[i].weight)
        return table[i].value;
      r -= table[i].weight;
    }

  return table[n - 1].value;
}

#define PICK(ctx, table) pick ((ctx), (table), G_N_ELEMENTS (table))

static const Template *
pick_template (SotGeneratorContext *ctx)
{
  static guint total = 0;
  guint r;

  if (total == 0)
    for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
      total += templates[i].weight;

  r = sot_generator_range (ctx, 0, total);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      if (r < templates[i].weight)
        return &templates[i];
      r -= templates[i].weight;
    }

  return &templates[G_N_ELEMENTS (templates) - 1];
}

G_LOCK_DEFINE_STATIC (checklist);

static SotChecklist *
builtin_checklist (GError **error)
{
  static SotChecklist *checklist = NULL;
  SotChecklist *result;

  /* The built-in list only: a force's own file must not change what a seed generates. Loaded
   * once and kept for the life of the program (the generator may run in a worker thread). */
  G_LOCK (checklist);
  if (checklist == NULL)
    checklist = sot_checklist_new_builtin (error);
  result = checklist;
  G_UNLOCK (checklist);

  return result;
}

static void
format_day (const GDate *date,
            char         buf[16])
{
  g_snprintf (buf, 16, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static void
format_time (const GDate *date,
             int          hour,
             int          minute,
             char         buf[32])
{
  g_snprintf (buf, 32, "%04u-%02u-%02uT%02d:%02d:00Z", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date), hour, minute);
}

static gboolean
step_done (SotStore     *store,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, "Cannot write a generated record");
      return FALSE;
    }

  return TRUE;
}

static gboolean
record (SotGeneratorContext *ctx,
        const char          *action,
        const char          *entity_type,
        const char          *uuid,
        const char          *reason,
        GError             **error)
{
  if (!sot_store_audit (ctx->store, action, entity_type, uuid, reason, NULL, error))
    return FALSE;

  sot_store_queue_changed (ctx->store, entity_type, action, uuid);
  return TRUE;
}

static gboolean
is_open_case (const SotGeneratorCase *gcase)
{
  return g_strcmp0 (gcase->status, "open") == 0 || g_strcmp0 (gcase->status, "with-cps") == 0;
}

/* The later of @day and today is capped to today: nothing is dated in the future. */
static gboolean
not_after_today (SotGeneratorContext *ctx,
                 const GDate         *day)
{
  return g_date_compare (day, &ctx->today) <= 0;
}

static gboolean
add_suspect_dates (SotGeneratorContext    *ctx,
                   const SotGeneratorCase *gcase,
                   gint64                  suspect_id,
                   GError                **error)
{
  char arrested[32] = "", interviewed[32] = "", bailed[32] = "", released[32] = "";
  char bail_until[16] = "";
  const char *bail_type = NULL;
  GDate day = gcase->reported;
  gboolean arrest = sot_generator_chance (ctx, 0.65);
  gboolean interview;
  int hour = sot_generator_range (ctx, 7, 23);
  int minute = sot_generator_range (ctx, 0, 12) * 5;
  double after = g_rand_double (ctx->rand);
  guint bail_days = sot_generator_range (ctx, 28, 91);
  sqlite3_stmt *stmt;
  char *uuid = NULL;
  gboolean ok;
  int rc;

  g_date_add_days (&day, sot_generator_range (ctx, 0, arrest ? 15 : 40));
  interview = arrest ? sot_generator_chance (ctx, 0.9) : sot_generator_chance (ctx, 0.25);

  /* Nothing had happened yet if the day is still to come. */
  if (!not_after_today (ctx, &day) || (!arrest && !interview))
    return TRUE;

  if (arrest)
    format_time (&day, hour, minute, arrested);

  if (interview)
    {
      /* Interview a few hours after arrest (same day in the generated hours). */
      hour = MIN (hour + 3, 23);
      format_time (&day, hour, minute, interviewed);

      if (after < 0.4)
        {
          GDate until = day;

          bail_type = SOT_BAIL_TYPE_BAIL;
          format_time (&day, MIN (hour + 1, 23), minute, bailed);
          g_date_add_days (&until, bail_days);
          format_day (&until, bail_until);
        }
      else if (after < 0.8)
        {
          bail_type = SOT_BAIL_TYPE_RUI;
          format_time (&day, MIN (hour + 1, 23), minute, bailed);
        }
      else
        format_time (&day, MIN (hour + 1, 23), minute, released);
    }

  stmt = sot_store_prepare (ctx->store,
                            "UPDATE suspect SET arrested_at = ?2, interviewed_at = ?3, "
                            "bailed_at = ?4, bail_type = ?5, bail_until = ?6, released_at = ?7 "
                            "WHERE id = ?1 RETURNING uuid",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, suspect_id);
  sot_store_bind_text (stmt, 2, *arrested ? arrested : NULL);
  sot_store_bind_text (stmt, 3, *interviewed ? interviewed : NULL);
  sot_store_bind_text (stmt, 4, *bailed ? bailed : NULL);
  sot_store_bind_text (stmt, 5, bail_type);
  sot_store_bind_text (stmt, 6, *bail_until ? bail_until : NULL);
  sot_store_bind_text (stmt, 7, *released ? released : NULL);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE || uuid == NULL)
    {
      g_free (uuid);
      sot_store_set_sqlite_error (ctx->store, error, "Cannot write a generated suspect");
      return FALSE;
    }

  ok = record (ctx, SOT_AUDIT_ALTER, "suspect", uuid, NULL, error);
  g_free (uuid);
  return ok;
}

/* Inserts one line of enquiry; returns its row id in @out_id. */
static gboolean
insert_line (SotGeneratorContext    *ctx,
             const SotGeneratorCase *gcase,
             gint64                  suspect_id,
             const char             *category,
             const char             *focus,
             const char             *title,
             const char             *checklist_item,
             const char             *stamp,
             gint64                 *out_id,
             GError                **error)
{
  g_autofree char *uuid = sot_generator_uuid (ctx);
  gboolean open = is_open_case (gcase);
  const char *status = open ? PICK (ctx, open_statuses) : PICK (ctx, closed_statuses);
  const char *owner = sot_generator_chance (ctx, 0.7)
                      ? gcase->officer
                      : extra_owners[sot_generator_range (ctx, 0, G_N_ELEMENTS (extra_owners))];
  const char *rationale = NULL;
  gboolean has_note = sot_generator_chance (ctx, 0.2);
  gboolean has_cps_point = sot_generator_chance (ctx, 0.1);
  char cps_point[32];
  char due[16];
  GDate due_day = gcase->reported;
  sqlite3_stmt *stmt;

  int due_offset = sot_generator_range (ctx, 7, 121);
  int from_today = sot_generator_range (ctx, -35, 60);

  /* Work still open is due around today (some of it overdue); closed work was due after the
   * report. */
  if (open && !sot_enquiry_status_is_final (status))
    {
      due_day = ctx->today;
      if (from_today < 0)
        g_date_subtract_days (&due_day, -from_today);
      else
        g_date_add_days (&due_day, from_today);
      if (g_date_compare (&due_day, &gcase->reported) < 0)
        due_day = gcase->reported;
    }
  else
    g_date_add_days (&due_day, due_offset);
  format_day (&due_day, due);

  if (g_str_equal (status, SOT_ENQUIRY_NOT_PURSUED))
    rationale = rationales[sot_generator_range (ctx, 0, G_N_ELEMENTS (rationales))];

  g_snprintf (cps_point, sizeof cps_point, "Early advice action %d",
              sot_generator_range (ctx, 1, 6));

  stmt = sot_store_prepare (ctx->store,
                            "INSERT INTO line_of_enquiry (uuid, investigation_id, suspect_id, "
                            "category, focus, title, owner, due_on, status, rationale, notes, "
                            "cps_advice_point, checklist_item, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                            "?14, ?14)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, gcase->investigation_id);
  if (suspect_id > 0)
    sqlite3_bind_int64 (stmt, 3, suspect_id);
  sqlite3_bind_text (stmt, 4, category, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, focus, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, owner, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, due, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, status, -1, SQLITE_STATIC);
  sot_store_bind_text (stmt, 10, rationale);
  sot_store_bind_text (stmt, 11, has_note ? "Fictional note, written for training only." : NULL);
  sot_store_bind_text (stmt, 12, has_cps_point ? cps_point : NULL);
  sot_store_bind_text (stmt, 13, checklist_item);
  sqlite3_bind_text (stmt, 14, stamp, -1, SQLITE_STATIC);

  if (!step_done (ctx->store, stmt, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));

  return record (ctx, SOT_AUDIT_COLLECT, "line_of_enquiry", uuid, NULL, error);
}

static gboolean
add_proposals (SotGeneratorContext    *ctx,
               const SotGeneratorCase *gcase,
               gint64                  suspect_id,
               const char             *stamp,
               GError                **error)
{
  SotChecklist *checklist = builtin_checklist (error);

  if (checklist == NULL)
    return FALSE;

  for (guint i = 0; i < sot_checklist_get_n_items (checklist); i++)
    {
      const SotChecklistItem *item = sot_checklist_get_item (checklist, i);
      g_autofree char *uuid = sot_generator_uuid (ctx);
      double r = g_rand_double (ctx->rand);
      const char *state = SOT_PROPOSAL_OPEN;
      const char *reason = NULL;
      gint64 line_id = 0;
      sqlite3_stmt *stmt;

      if (r < 0.6)
        {
          state = SOT_PROPOSAL_ACCEPTED;
          if (!insert_line (ctx, gcase, suspect_id, item->category, item->focus, item->title,
                            item->key, stamp, &line_id, error))
            return FALSE;
        }
      else if (r < 0.8)
        {
          state = SOT_PROPOSAL_DISMISSED;
          reason = dismissal_reasons[sot_generator_range (ctx, 0, G_N_ELEMENTS (dismissal_reasons))];
        }

      stmt = sot_store_prepare (ctx->store,
                                "INSERT INTO checklist_proposal (uuid, investigation_id, "
                                "suspect_id, item_key, checklist_version, category, focus, "
                                "title, description, state, reason, line_of_enquiry_id, "
                                "created_at, decided_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                "?13, ?14)",
                                error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, gcase->investigation_id);
      sqlite3_bind_int64 (stmt, 3, suspect_id);
      sqlite3_bind_text (stmt, 4, item->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, sot_checklist_get_version (checklist), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, item->category, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, item->focus, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, item->title, -1, SQLITE_STATIC);
      sot_store_bind_text (stmt, 9, item->description);
      sqlite3_bind_text (stmt, 10, state, -1, SQLITE_STATIC);
      sot_store_bind_text (stmt, 11, reason);
      if (line_id > 0)
        sqlite3_bind_int64 (stmt, 12, line_id);
      sqlite3_bind_text (stmt, 13, stamp, -1, SQLITE_STATIC);
      if (line_id > 0 || reason != NULL)
        sqlite3_bind_text (stmt, 14, stamp, -1, SQLITE_STATIC);

      if (!step_done (ctx->store, stmt, error) ||
          !record (ctx, SOT_AUDIT_COLLECT, "checklist_proposal", uuid, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_disruption (SotGeneratorContext    *ctx,
                const SotGeneratorCase *gcase,
                gint64                  suspect_id,
                const char             *stamp,
                GError                **error)
{
  g_autofree char *uuid = sot_generator_uuid (ctx);
  const char *kind = PICK (ctx, disruption_kinds);
  const char *status = PICK (ctx, disruption_statuses);
  const char *outcome = NULL;
  GDate day = gcase->reported;
  char status_on[16];
  sqlite3_stmt *stmt;

  g_date_add_days (&day, sot_generator_range (ctx, 3, 200));
  if (!not_after_today (ctx, &day))
    day = ctx->today;
  format_day (&day, status_on);

  if (g_str_equal (status, SOT_DISRUPTION_GRANTED))
    outcome = "Granted (fictional outcome for training).";
  else if (g_str_equal (status, SOT_DISRUPTION_REFUSED))
    outcome = "Refused: the court was not satisfied of the risk (fictional).";
  else if (g_str_equal (status, SOT_DISRUPTION_NOT_PURSUED))
    outcome = "Not pursued after review with the supervisor (fictional).";

  stmt = sot_store_prepare (ctx->store,
                            "INSERT INTO disruption (uuid, investigation_id, suspect_id, kind, "
                            "status, status_on, outcome, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, gcase->investigation_id);
  sqlite3_bind_int64 (stmt, 3, suspect_id);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, status_on, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 7, outcome);
  sqlite3_bind_text (stmt, 8, stamp, -1, SQLITE_STATIC);

  return step_done (ctx->store, stmt, error) &&
         record (ctx, SOT_AUDIT_COLLECT, "disruption", uuid, NULL, error);
}

gboolean
sot_generator_part_suspect_focus (SotGeneratorContext    *ctx,
                                  const SotGeneratorCase *gcase,
                                  GError                **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  guint n_suspects;
  gint64 first_suspect;
  guint n_lines;
  gboolean proposals;

  g_return_val_if_fail (ctx != NULL && gcase != NULL, FALSE);

  n_suspects = gcase->suspect_ids != NULL ? gcase->suspect_ids->len : 0;
  first_suspect = n_suspects > 0 ? g_array_index (gcase->suspect_ids, gint64, 0) : 0;

  now = sot_store_now (ctx->store);
  stamp = sot_store_format_time (now);

  for (guint i = 0; i < n_suspects; i++)
    if (!add_suspect_dates (ctx, gcase, g_array_index (gcase->suspect_ids, gint64, i), error))
      return FALSE;

  /* A share of open cases still shows the checklist as it was proposed and decided. */
  proposals = n_suspects > 0 && is_open_case (gcase) && sot_generator_chance (ctx, 0.08);

  if (proposals && !add_proposals (ctx, gcase, first_suspect, stamp, error))
    return FALSE;

  /* Open cases carry the working evidence list; closed ones keep a shorter record of what was
   * done (their lines are final and no longer weigh in the indicator). Fewer rows also keep
   * the 100 000-case benchmark within its budget. */
  if (n_suspects == 0)
    n_lines = sot_generator_range (ctx, 1, 3);
  else if (proposals)
    n_lines = sot_generator_range (ctx, 0, 3);
  else if (is_open_case (gcase))
    n_lines = sot_generator_range (ctx, 4, 10);
  else
    n_lines = sot_generator_range (ctx, 2, 6);

  for (guint i = 0; i < n_lines; i++)
    {
      const Template *t = pick_template (ctx);
      gint64 suspect_id = 0;

      if (n_suspects > 0 && g_str_equal (t->focus, SOT_FOCUS_SUSPECT))
        suspect_id = g_array_index (gcase->suspect_ids, gint64,
                                    sot_generator_range (ctx, 0, n_suspects));

      if (!insert_line (ctx, gcase, suspect_id, t->category, t->focus, t->title, NULL, stamp,
                        NULL, error))
        return FALSE;
    }

  if (n_suspects > 0 && sot_generator_chance (ctx, 0.2))
    {
      guint n = sot_generator_range (ctx, 1, 3);

      for (guint i = 0; i < n; i++)
        if (!add_disruption (ctx, gcase, first_suspect, stamp, error))
          return FALSE;
    }

  return TRUE;
}
