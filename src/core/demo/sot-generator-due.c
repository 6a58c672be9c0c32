/* sot-generator-due.c: the generator's part for what is due: bail, decisions, devices held
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-generator"

#include "config.h"

#include "sot-bail.h"
#include "sot-calendar.h"
#include "sot-device.h"
#include "sot-generator-due.h"
#include "sot-investigation.h"
#include "sot-right6.h"
#include "sot-suspect.h"
#include "sot-time.h"

/* Decisions older than this are history the demo does not replay: only recent ones are still
 * to be told to the victim, or inside the Victims' Right to Review window. */
#define RECENT_DECISION_DAYS 60

struct _SotGeneratorDue {
  GRand    *rand;
  /* What the run has made so far: the first cases that can show a clock always get it, so
   * that even a small demo shows every kind. */
  gboolean  active_bail;
  gboolean  views_open;
  gboolean  discontinuance;
  gboolean  device;
};

static const char * const authorisers[SOT_BAIL_N_AUTHORITIES] = {
  NULL,
  "Insp Nia Example (fictional)",
  "Supt Owen Sample (fictional)",
  "Fictionton Magistrates' Court",
  "Fictionton Magistrates' Court",
};

SotGeneratorDue *
sot_generator_due_new (guint64 seed)
{
  SotGeneratorDue *due = g_new0 (SotGeneratorDue, 1);
  /* A third word keeps this sequence apart from the run's own, which has the same seed. */
  guint32 words[3] = { (guint32) (seed >> 32), (guint32) seed, 0x64756521 };

  due->rand = g_rand_new_with_seed_array (words, G_N_ELEMENTS (words));
  return due;
}

void
sot_generator_due_free (SotGeneratorDue *due)
{
  if (due == NULL)
    return;
  g_rand_free (due->rand);
  g_free (due);
}

/* Returns: (transfer full): @day at @hour:@minute UK time, in UTC. */
static GDateTime *
uk_time (const GDate *day,
         int          hour,
         int          minute)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = g_date_time_new (tz, g_date_get_year (day),
                                                g_date_get_month (day), g_date_get_day (day),
                                                hour, minute, 0);

  return g_date_time_to_utc (local);
}

static gboolean
case_open (const SotGeneratorCase *gcase)
{
  return g_strcmp0 (gcase->status, SOT_STATUS_OPEN) == 0 ||
         g_strcmp0 (gcase->status, SOT_STATUS_WITH_CPS) == 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Pre-charge bail                                                                             */

/* Extends bail @uuid (arrest on @arrest) while its period has run out before today, each
 * extension authorised a few days before the period it extends ends; or ends it there. */
static gboolean
extend_or_end (SotGeneratorContext  *ctx,
               const char           *uuid,
               const GDate          *arrest,
               const GDate          *bailed,
               gboolean             *active,
               GError              **error)
{
  SotBailAuthority authority = SOT_BAIL_INITIAL;
  GDate last_day;

  for (;;)
    {
      g_autofree char *on = NULL;
      GDate authorised;

      sot_bail_end_for_arrest (arrest, authority, &last_day);
      if (g_date_compare (&last_day, &ctx->today) >= 0)
        {
          *active = TRUE;
          return TRUE;
        }

      /* Until the run has a bail still running, every bail that can be extended is. */
      if (authority + 1 == SOT_BAIL_N_AUTHORITIES ||
          (ctx->due->active_bail && !sot_generator_chance (ctx, 0.7)))
        break;

      authorised = last_day;
      g_date_subtract_days (&authorised, sot_generator_range (ctx, 1, 8));
      if (g_date_compare (&authorised, bailed) < 0)
        authorised = *bailed;
      on = sot_date_format (&authorised);
      authority++;
      if (!sot_bail_extend (ctx->store, uuid, authority, on, authorisers[authority], NULL, error))
        return FALSE;
    }

  /* Charged, released or the bail let lapse: it ended on its last day. */
  {
    g_autofree char *ended = sot_date_format (&last_day);

    *active = FALSE;
    return sot_bail_end (ctx->store, uuid, ended, error);
  }
}

static gboolean
add_one_bail (SotGeneratorContext    *ctx,
              const SotGeneratorCase *gcase,
              SotSuspect             *suspect,
              GError                **error)
{
  g_autoptr(GDateTime) arrested_at = sot_time_parse (sot_suspect_get_arrested_at (suspect), NULL);
  g_autoptr(GDateTime) bailed_at = sot_time_parse (sot_suspect_get_bailed_at (suspect), NULL);
  g_autofree char *arrested_on = NULL;
  g_autofree char *bailed_on = NULL;
  g_autofree char *uuid = NULL;
  gboolean active = FALSE;
  GDate arrest, bailed;

  /* Pre-charge bail follows an arrest: a suspect bailed after a voluntary interview has none. */
  if (arrested_at == NULL || bailed_at == NULL)
    return TRUE;

  sot_date_from_time (arrested_at, &arrest);
  sot_date_from_time (bailed_at, &bailed);
  arrested_on = sot_date_format (&arrest);
  bailed_on = sot_date_format (&bailed);

  if (!sot_bail_record (ctx->store, gcase->investigation_id, sot_suspect_get_id (suspect),
                        arrested_on, bailed_on, NULL, &uuid, error) ||
      !extend_or_end (ctx, uuid, &arrest, &bailed, &active, error))
    return FALSE;

  if (!active)
    return TRUE;
  ctx->due->active_bail = TRUE;

  /* Most officers sought the victim's views on the day of bail; a few have still to. */
  if (!ctx->due->views_open || sot_generator_chance (ctx, 0.3))
    {
      ctx->due->views_open = TRUE;
      return TRUE;
    }

  return sot_bail_record_victim_views (ctx->store, uuid, bailed_on, error);
}

static gboolean
add_bail (SotGeneratorContext    *ctx,
          const SotGeneratorCase *gcase,
          GError                **error)
{
  if (!case_open (gcase))
    return TRUE;

  for (guint i = 0; i < gcase->suspect_ids->len; i++)
    {
      g_autoptr(SotSuspect) suspect = NULL;

      suspect = sot_suspect_load_by_id (ctx->store, g_array_index (gcase->suspect_ids, gint64, i),
                                        error);
      if (suspect == NULL)
        return FALSE;

      if (g_strcmp0 (sot_suspect_get_bail_type (suspect), SOT_BAIL_TYPE_BAIL) == 0 &&
          !add_one_bail (ctx, gcase, suspect, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Right 6 decisions                                                                           */

/* The Right 6 decision an outcome code records, if any (Home Office outcome types). */
static gboolean
decision_of_outcome (const char     *outcome,
                     SotRight6Event *event)
{
  static const char * const charges[] = { "1", "1A", NULL };
  static const char * const disposals[] = { "2", "3", "6", "7", "8", NULL };
  static const char * const nfas[] = { "9", "10", "13", "15", "16", "21", NULL };

  if (outcome == NULL)
    return FALSE;
  if (g_strv_contains (charges, outcome))
    *event = SOT_RIGHT6_CHARGE;
  else if (g_strv_contains (disposals, outcome))
    *event = SOT_RIGHT6_OOCD;
  else if (g_strv_contains (nfas, outcome))
    *event = SOT_RIGHT6_NFA;
  else
    return FALSE;

  return TRUE;
}

/* Records @event on @day in office hours (early on today, so it has happened by the morning);
 * a day outside the bank-holiday table gets no record. */
static gboolean
record_decision (SotGeneratorContext    *ctx,
                 const SotGeneratorCase *gcase,
                 SotRight6Event          event,
                 const GDate            *day,
                 GError                **error)
{
  gboolean today = g_date_compare (day, &ctx->today) == 0;
  g_autoptr(GDateTime) at = uk_time (day, today ? 8 : sot_generator_range (ctx, 10, 17),
                                     sot_generator_range (ctx, 0, 12) * 5);
  g_autoptr(GError) local_error = NULL;
  gint64 suspect_id = g_array_index (gcase->suspect_ids, gint64, 0);

  if (sot_right6_record (ctx->store, gcase->investigation_id, event, at, suspect_id, NULL, NULL,
                         &local_error))
    return TRUE;

  if (g_error_matches (local_error, SOT_CALENDAR_ERROR, SOT_CALENDAR_ERROR_OUT_OF_RANGE))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
add_decisions (SotGeneratorContext    *ctx,
               const SotGeneratorCase *gcase,
               GError                **error)
{
  g_autoptr(SotInvestigation) inv = NULL;
  SotRight6Event event;
  GDate decided, later;
  int age;

  if (gcase->suspect_ids->len == 0 || !decision_of_outcome (gcase->outcome_code, &event))
    return TRUE;

  inv = sot_investigation_load (ctx->store, gcase->investigation_uuid, error);
  if (inv == NULL || !sot_date_parse (sot_investigation_get_outcome_date (inv), &decided, error))
    return FALSE;

  age = g_date_days_between (&decided, &ctx->today);
  if (age <= RECENT_DECISION_DAYS && !record_decision (ctx, gcase, event, &decided, error))
    return FALSE;

  /* A charge the CPS later discontinued: recently, so the victim is still to be told. */
  if (event != SOT_RIGHT6_CHARGE || age < 2 ||
      (ctx->due->discontinuance && !sot_generator_chance (ctx, 0.25)))
    return TRUE;

  later = ctx->today;
  g_date_subtract_days (&later, sot_generator_range (ctx, 1, MIN (age, 30)));
  ctx->due->discontinuance = TRUE;
  return record_decision (ctx, gcase, SOT_RIGHT6_DISCONTINUANCE, &later, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Victims' devices                                                                            */

/* Now and then a victim's phone taken a few days ago and not yet returned, with no swap-out:
 * the 24-hour return is overdue. */
static gboolean
add_device (SotGeneratorContext    *ctx,
            const SotGeneratorCase *gcase,
            GError                **error)
{
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *taken_at = NULL;
  g_autofree char *taken_on = NULL;
  g_autofree char *scope_from = NULL;
  SotDeviceDetails d = { 0 };
  GDate day, from_day;

  if (!case_open (gcase) || (ctx->due->device && !sot_generator_chance (ctx, 0.15)))
    return TRUE;

  day = ctx->today;
  g_date_subtract_days (&day, sot_generator_range (ctx, 1, 4));
  if (g_date_compare (&day, &gcase->reported) < 0)
    return TRUE;

  taken = uk_time (&day, sot_generator_range (ctx, 9, 18), 0);
  taken_at = sot_time_format_utc (taken);
  taken_on = sot_date_format (&day);
  sot_date_from_time (gcase->offence_from, &from_day);
  g_date_subtract_days (&from_day, 7);
  scope_from = sot_date_format (&from_day);

  d.owner_role = SOT_DEVICE_OWNER_VICTIM;
  d.description = "Victim's second phone (fictional)";
  d.legal_basis = SOT_LEGAL_BASIS_S37_AGREEMENT;
  d.written_notice_on = taken_on;
  d.dpn_variant = SOT_DPN_A;
  d.dpn_given_on = taken_on;
  d.line_of_enquiry = "Messages the victim received after the report (fictional)";
  d.scope_data_types = "Messages with the suspect";
  d.scope_from = scope_from;
  d.scope_until = taken_on;
  d.extraction_level = SOT_EXTRACTION_SELECTIVE;
  d.taken_at = taken_at;

  ctx->due->device = TRUE;
  return sot_device_add (ctx->store, gcase->investigation_id, &d, NULL, error);
}

gboolean
sot_generator_part_due (SotGeneratorContext    *ctx,
                        const SotGeneratorCase *gcase,
                        GError                **error)
{
  GRand *run_rand = ctx->rand;
  gboolean ok;

  g_return_val_if_fail (ctx != NULL && ctx->due != NULL, FALSE);
  g_return_val_if_fail (gcase != NULL, FALSE);

  /* Every draw of this part, the UUIDs the core functions make included (the store's UUID
   * function reads ctx->rand), comes from the part's own sequence. */
  ctx->rand = ctx->due->rand;
  ok = add_bail (ctx, gcase, error) &&
       add_decisions (ctx, gcase, error) &&
       add_device (ctx, gcase, error);
  ctx->rand = run_rand;

  return ok;
}
