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

/* Every record is written through the core's write functions, each with its audit row, inside
 * the generator's transaction; their UUIDs come from the seed (sot_store_set_uuid_func()). */

typedef struct {
  const char *category;
  const char *focus;
  const char *title;
  guint       weight;
} Template;

/* Mostly about the suspect, as a suspect-focused investigation should be; some about the
 * victim (so the indicator has something to weigh) and some about the context. */
static const Template templates[] = {
  { "behaviour-before", SOT_FOCUS_SUSPECT,
    "Messages between suspect and victim in the weeks before", 6 },
  { "behaviour-before", SOT_FOCUS_SUSPECT,
    "Suspect's contact with the victim before the offence", 4 },
  { "behaviour-during", SOT_FOCUS_SUSPECT,
    "Evidence of coercion or control during the offence", 4 },
  { "behaviour-after", SOT_FOCUS_SUSPECT, "Suspect's messages and calls after the offence", 6 },
  { "previous-allegations", SOT_FOCUS_SUSPECT, "Previous reports naming the suspect", 6 },
  { "intelligence-local", SOT_FOCUS_SUSPECT, "Local force systems check on the suspect", 7 },
  { "intelligence-pnc", SOT_FOCUS_SUSPECT, "PNC check", 7 },
  { "intelligence-pnd", SOT_FOCUS_SUSPECT, "PND check", 6 },
  { "intelligence-scas", SOT_FOCUS_SUSPECT, "SCAS referral", 2 },
  { "intelligence-other-forces", SOT_FOCUS_SUSPECT,
    "Checks with forces where the suspect lived", 3 },
  { "digital-footprint", SOT_FOCUS_SUSPECT, "Suspect's phone download", 5 },
  { "digital-footprint", SOT_FOCUS_SUSPECT, "Suspect's social media and dating apps", 4 },
  { "third-party", SOT_FOCUS_SUSPECT, "CCTV of the suspect's route home", 3 },
  { "third-party", SOT_FOCUS_SUSPECT, "Taxi records for the suspect's journey", 2 },
  { "witnesses", SOT_FOCUS_SUSPECT, "Statement from the suspect's former partner", 2 },
  { "forensic", SOT_FOCUS_SUSPECT, "Suspect's intimate samples", 3 },
  { "bad-character", SOT_FOCUS_SUSPECT, "Bad character application considered", 3 },
  { "digital-footprint", SOT_FOCUS_VICTIM, "Victim's phone download", 6 },
  { "third-party", SOT_FOCUS_VICTIM, "Victim's counselling records request", 3 },
  { "third-party", SOT_FOCUS_VICTIM, "Victim's medical records request", 3 },
  { "previous-allegations", SOT_FOCUS_VICTIM, "Victim's previous reports to police", 2 },
  { "forensic", SOT_FOCUS_CONTEXT, "Scene examination", 3 },
  { "witnesses", SOT_FOCUS_CONTEXT, "House-to-house enquiries", 3 },
  { "third-party", SOT_FOCUS_CONTEXT, "CCTV near the scene", 3 },
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
  guint total = 0;
  guint r;

  /* Summed on every call: a static total would be shared, unlocked, by generators running
   * in several threads. */
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

/* Returns: (transfer none): the built-in list only: a force's own file must not change what
 * a seed generates. Loaded once a run, kept in @ctx. */
static SotChecklist *
builtin_checklist (SotGeneratorContext  *ctx,
                   GError              **error)
{
  if (ctx->checklist == NULL)
    ctx->checklist = sot_checklist_new_builtin (error);

  return ctx->checklist;
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
  g_autoptr(SotSuspect) suspect = NULL;

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

  suspect = sot_suspect_load_by_id (ctx->store, suspect_id, error);
  if (suspect == NULL)
    return FALSE;

  sot_suspect_set_arrested_at (suspect, *arrested ? arrested : NULL);
  sot_suspect_set_interviewed_at (suspect, *interviewed ? interviewed : NULL);
  sot_suspect_set_bailed_at (suspect, *bailed ? bailed : NULL);
  sot_suspect_set_bail_type (suspect, bail_type);
  sot_suspect_set_bail_until (suspect, *bail_until ? bail_until : NULL);
  sot_suspect_set_released_at (suspect, *released ? released : NULL);

  return sot_suspect_save (suspect, ctx->store, NULL, error);
}

/* Adds one line of enquiry. */
static gboolean
insert_line (SotGeneratorContext    *ctx,
             const SotGeneratorCase *gcase,
             gint64                  suspect_id,
             const char             *category,
             const char             *focus,
             const char             *title,
             GError                **error)
{
  g_autoptr(SotLineOfEnquiry) line = sot_line_of_enquiry_new ();
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

  sot_line_of_enquiry_set_investigation_id (line, gcase->investigation_id);
  sot_line_of_enquiry_set_suspect_id (line, suspect_id);
  sot_line_of_enquiry_set_category (line, category);
  sot_line_of_enquiry_set_focus (line, focus);
  sot_line_of_enquiry_set_title (line, title);
  sot_line_of_enquiry_set_owner (line, owner);
  sot_line_of_enquiry_set_due_on (line, due);
  sot_line_of_enquiry_set_notes (line, has_note ? "Fictional note, written for training only."
                                                : NULL);
  sot_line_of_enquiry_set_cps_advice_point (line, has_cps_point ? cps_point : NULL);
  sot_line_of_enquiry_set_initial_status (line, status, rationale);

  return sot_line_of_enquiry_insert (line, ctx->store, error);
}

/* The force's checklist proposed for the suspect, most items decided: accepted (a planned
 * line of enquiry) or dismissed with a reason. */
static gboolean
add_proposals (SotGeneratorContext    *ctx,
               const SotGeneratorCase *gcase,
               gint64                  suspect_id,
               GError                **error)
{
  SotChecklist *checklist = builtin_checklist (ctx, error);
  g_autoptr(GListModel) proposals = NULL;

  if (checklist == NULL)
    return FALSE;

  proposals = sot_checklist_propose (checklist, ctx->store, suspect_id, error);
  if (proposals == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(SotChecklistProposal) proposal = g_list_model_get_item (proposals, i);
      double r = g_rand_double (ctx->rand);

      if (r < 0.6)
        {
          g_autoptr(SotLineOfEnquiry) line = NULL;

          line = sot_checklist_proposal_accept (proposal, ctx->store, gcase->officer, NULL, error);
          if (line == NULL)
            return FALSE;
        }
      else if (r < 0.8)
        {
          const char *reason = dismissal_reasons[sot_generator_range (ctx, 0, G_N_ELEMENTS (dismissal_reasons))];

          if (!sot_checklist_proposal_dismiss (proposal, ctx->store, reason, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_disruption (SotGeneratorContext    *ctx,
                const SotGeneratorCase *gcase,
                gint64                  suspect_id,
                GError                **error)
{
  g_autoptr(SotDisruption) disruption = NULL;
  const char *kind = PICK (ctx, disruption_kinds);
  const char *status = PICK (ctx, disruption_statuses);
  const char *outcome = NULL;
  GDate day = gcase->reported;
  char status_on[16];

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

  disruption = sot_disruption_add (ctx->store, gcase->investigation_id, suspect_id, kind,
                                   status_on, error);
  if (disruption == NULL)
    return FALSE;

  if (g_str_equal (status, SOT_DISRUPTION_CONSIDERED))
    return TRUE;

  return sot_disruption_set_status (disruption, ctx->store, status, status_on, outcome, error);
}

gboolean
sot_generator_part_suspect_focus (SotGeneratorContext    *ctx,
                                  const SotGeneratorCase *gcase,
                                  GError                **error)
{
  guint n_suspects;
  gint64 first_suspect;
  guint n_lines;
  gboolean proposals;

  g_return_val_if_fail (ctx != NULL && gcase != NULL, FALSE);

  n_suspects = gcase->suspect_ids != NULL ? gcase->suspect_ids->len : 0;
  first_suspect = n_suspects > 0 ? g_array_index (gcase->suspect_ids, gint64, 0) : 0;

  for (guint i = 0; i < n_suspects; i++)
    if (!add_suspect_dates (ctx, gcase, g_array_index (gcase->suspect_ids, gint64, i), error))
      return FALSE;

  /* A share of open cases still shows the checklist as it was proposed and decided. */
  proposals = n_suspects > 0 && is_open_case (gcase) && sot_generator_chance (ctx, 0.08);

  if (proposals && !add_proposals (ctx, gcase, first_suspect, error))
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

      if (!insert_line (ctx, gcase, suspect_id, t->category, t->focus, t->title, error))
        return FALSE;
    }

  if (n_suspects > 0 && sot_generator_chance (ctx, 0.2))
    {
      guint n = sot_generator_range (ctx, 1, 3);

      for (guint i = 0; i < n; i++)
        if (!add_disruption (ctx, gcase, first_suspect, error))
          return FALSE;
    }

  return TRUE;
}
