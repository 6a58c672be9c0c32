/* sot-generator-victim-cps.c: the generator's part for victim contact and CPS joint working
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-generator"

#include "config.h"

#include "sot-calendar.h"
#include "sot-cps.h"
#include "sot-generator-victim-cps.h"
#include "sot-investigation.h"
#include "sot-isva.h"
#include "sot-right6.h"
#include "sot-time.h"
#include "sot-uuid.h"
#include "sot-victim-contact.h"
#include "sot-victim-letter.h"
#include "sot-victim-rights.h"

/* Every random draw below comes from ctx->rand, in an order that depends only on the case and
 * on earlier draws: the same seed and day give the same records. Dates never pass ctx->today;
 * deadlines left open are recent, so that a fresh training workspace shows a few overdue and
 * due-soon items rather than years of stale ones. */

typedef struct {
  const char *value;
  guint       weight;
} Weighted;

static const Weighted channel_weights[] = {
  { SOT_CHANNEL_PHONE, 50 }, { SOT_CHANNEL_EMAIL, 15 }, { SOT_CHANNEL_IN_PERSON, 10 },
  { SOT_CHANNEL_TEXT, 10 }, { SOT_CHANNEL_VIA_ISVA, 10 }, { SOT_CHANNEL_VIDEO, 5 },
};

static const Weighted frequency_weights[] = {
  { "7", 25 }, { "14", 35 }, { "21", 10 }, { "28", 30 },
};

static const Weighted finalised_decisions[] = {
  { "nfa-evidential", 40 }, { "nfa-public-interest", 10 }, { "out-of-court-disposal", 12 },
  { "administratively-finalised", 25 }, { "other", 15 },
};

static const char * const isva_services[] = {
  "Fictionshire Rape Crisis ISVA Service", "Sampleton SARC ISVA Team",
  "Example Valley Survivors' Advocacy", "Makebelieve Independent Advisers",
};

static const char * const isva_names[] = {
  "Robin Adviser", "Sasha Supportwell", "Quinn Helpington", "Ellis Carewood", NULL,
};

static const char * const advice_points[] = {
  "Obtain the suspect's phone download for the week of the offence.",
  "Third-party material: counselling notes not a reasonable line of enquiry.",
  "Trace the taxi driver as a witness to the victim's state.",
  "Secure CCTV from the premises and the route home.",
  "Interview the suspect about the messages sent the following morning.",
  "Check for previous allegations against the suspect in other forces.",
};

static const char * const action_items[] = {
  "Statement from the first-account witness",
  "Exhibit continuity statements for the clothing",
  "Full download report of the suspect's phone",
  "Medical records with the victim's consent",
  "Further account from the victim on the timeline",
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

  r = g_rand_int_range (ctx->rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < table[i].weight)
        return table[i].value;
      r -= table[i].weight;
    }

  return table[n - 1].value;
}

#define PICK(ctx, table) pick ((ctx), (table), G_N_ELEMENTS (table))

/* A UK local time on @day. */
static GDateTime *
time_on (const GDate *day,
         int          hour,
         int          minute)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                                g_date_get_day (day), hour, minute, 0);

  return g_date_time_to_utc (local);
}

/* @from plus @days, never after today. */
static void
day_after (SotGeneratorContext *ctx,
           const GDate         *from,
           int                  days,
           GDate               *out)
{
  *out = *from;
  if (days > 0)
    g_date_add_days (out, days);
  if (g_date_compare (out, &ctx->today) > 0)
    *out = ctx->today;
}

static char *
date_text (const GDate *day)
{
  return sot_date_format (day);
}

static int
days_ago (SotGeneratorContext *ctx,
          const GDate         *day)
{
  return g_date_days_between (day, &ctx->today);
}

/* Whether Right 6 arithmetic can be done for an event on @day (inside the bank-holiday table,
 * with room for the 5 working days after it). */
static gboolean
countable (SotGeneratorContext *ctx,
           const GDate         *day)
{
  SotCalendar *calendar = sot_store_get_calendar (ctx->store, NULL);
  guint year = g_date_get_year (day);

  if (calendar == NULL)
    return FALSE;

  return year >= sot_calendar_get_first_year (calendar) &&
         (year < sot_calendar_get_last_year (calendar) ||
          (year == sot_calendar_get_last_year (calendar) && g_date_get_month (day) < 12));
}

typedef struct {
  GDateTime *at;
  GDate      due;
  char      *deadline_uuid;
} Event;

static void
event_clear (gpointer data)
{
  Event *event = data;

  g_clear_pointer (&event->at, g_date_time_unref);
  g_free (event->deadline_uuid);
}

typedef struct {
  GDateTime *at;
  GPtrArray *covers;   /* deadline UUIDs, borrowed from the events */
} Contact;

static void
contact_clear (gpointer data)
{
  Contact *contact = data;

  g_clear_pointer (&contact->at, g_date_time_unref);
  g_clear_pointer (&contact->covers, g_ptr_array_unref);
}

static int
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  return g_date_time_compare (((const Contact *) a)->at, ((const Contact *) b)->at);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return g_date_time_compare (((const Event *) a)->at, ((const Event *) b)->at);
}

/* Records one event; @opt_out is the day the victim opted out of enhanced rights, or %NULL. */
static gboolean
record_event (SotGeneratorContext    *ctx,
              const SotGeneratorCase *gcase,
              const GDate            *opt_out,
              SotRight6Event          event,
              GDateTime              *at,
              gint64                  suspect_id,
              GArray                 *events,
              GError                **error)
{
  g_autofree char *uuid = sot_generator_uuid (ctx);
  Event e = { 0 };
  GDate day;

  sot_date_from_time (at, &day);
  if (!countable (ctx, &day) || g_date_compare (&day, &ctx->today) > 0)
    return TRUE;

  if (!sot_right6_record (ctx->store, gcase->investigation_id, event, at, suspect_id, uuid, NULL,
                          error))
    return FALSE;

  /* The due day the rule computed (same rule: enhanced unless opted out by that day), to plan
   * contacts that meet or miss it. */
  {
    SotCalendar *calendar = sot_store_get_calendar (ctx->store, error);
    gboolean enhanced = opt_out == NULL || g_date_compare (opt_out, &day) > 0;

    if (calendar == NULL ||
        !sot_right6_deadline (calendar, event, at, enhanced, &e.due, error))
      return FALSE;
  }

  e.at = g_date_time_ref (at);
  e.deadline_uuid = sot_derive_uuid (uuid, "deadline");
  g_array_append_val (events, e);

  return TRUE;
}

/* Suspects' custody events: arrest, interview, then bail or release; sometimes a bail change. */
static gboolean
add_right6_events (SotGeneratorContext    *ctx,
                   const SotGeneratorCase *gcase,
                   const GDate            *opt_out,
                   GArray                 *events,
                   GError                **error)
{
  for (guint s = 0; s < gcase->suspect_ids->len && s < 2; s++)
    {
      gint64 suspect = g_array_index (gcase->suspect_ids, gint64, s);
      g_autoptr(GDateTime) arrest = NULL;
      g_autoptr(GDateTime) interview = NULL;
      g_autoptr(GDateTime) after = NULL;
      gboolean bailed;
      GDate day;
      int hour;

      /* Custody events on most recent cases, fewer on old ones (their deadlines are long met;
       * this also keeps the generator inside its time budget). */
      if (!sot_generator_chance (ctx, s > 0 ? 0.2 : days_ago (ctx, &gcase->reported) < 365 ? 0.6
                                                                                     : 0.1))
        continue;

      day_after (ctx, &gcase->reported, sot_generator_range (ctx, 0, s == 0 ? 12 : 30), &day);
      /* An arrest today happens early, before the store's working day. */
      hour = g_date_compare (&day, &ctx->today) == 0 ? sot_generator_range (ctx, 5, 8)
                                                      : sot_generator_range (ctx, 6, 21);
      arrest = time_on (&day, hour, sot_generator_range (ctx, 0, 12) * 5);
      interview = g_date_time_add_minutes (arrest, sot_generator_range (ctx, 60, 300));
      after = g_date_time_add_minutes (interview, sot_generator_range (ctx, 30, 180));
      bailed = sot_generator_chance (ctx, 0.6);

      if (!record_event (ctx, gcase, opt_out, SOT_RIGHT6_ARREST, arrest, suspect, events,
                         error) ||
          !record_event (ctx, gcase, opt_out, SOT_RIGHT6_INTERVIEW, interview, suspect, events,
                         error) ||
          !record_event (ctx, gcase, opt_out, bailed ? SOT_RIGHT6_BAIL : SOT_RIGHT6_RELEASED,
                         after, suspect, events, error))
        return FALSE;

      if (bailed && sot_generator_chance (ctx, 0.15))
        {
          g_autoptr(GDateTime) change = g_date_time_add_days (after,
                                                             sot_generator_range (ctx, 14, 60));
          GDate change_day;

          sot_date_from_time (change, &change_day);
          if (g_date_compare (&change_day, &ctx->today) < 0 &&
              !record_event (ctx, gcase, opt_out, SOT_RIGHT6_BAIL_CHANGE, change, suspect, events, error))
            return FALSE;
        }
    }

  /* A decision not to investigate, on part of the finalised cases without a suspect. */
  if (gcase->suspect_ids->len == 0 && g_strcmp0 (gcase->status, SOT_STATUS_FINALISED) == 0 &&
      sot_generator_chance (ctx, 0.3))
    {
      g_autoptr(GDateTime) at = NULL;
      GDate day;

      day_after (ctx, &gcase->reported, sot_generator_range (ctx, 5, 40), &day);
      at = time_on (&day, sot_generator_range (ctx, 9, 17), 0);
      if (!record_event (ctx, gcase, opt_out, SOT_RIGHT6_NO_INVESTIGATION, at, 0, events, error))
        return FALSE;
    }

  return TRUE;
}

/* Plans the contacts telling the victim of the events: events of one UK day are told together.
 * Old events are always told (most on time); recent ones are sometimes still open. */
static void
plan_event_contacts (SotGeneratorContext *ctx,
                     GArray              *events,
                     GArray              *contacts)
{
  g_autoptr(GDateTime) now_limit = NULL;
  guint i = 0;

  {
    GDate today = ctx->today;

    now_limit = time_on (&today, 8, 30);
  }

  while (i < events->len)
    {
      Event *first = &g_array_index (events, Event, i);
      GDateTime *last_at = first->at;
      GDate day, due = first->due;
      guint j = i;
      double r;
      Contact c = { 0 };
      int ago;

      sot_date_from_time (first->at, &day);

      /* The run of events on the same day. */
      while (j + 1 < events->len)
        {
          Event *next = &g_array_index (events, Event, j + 1);
          GDate next_day;

          sot_date_from_time (next->at, &next_day);
          if (g_date_compare (&next_day, &day) != 0)
            break;
          last_at = next->at;
          if (g_date_compare (&next->due, &due) < 0)
            due = next->due;
          j++;
        }

      ago = days_ago (ctx, &day);
      r = g_rand_double (ctx->rand);

      if (ago > 14 ? r < 0.85 : r < 0.55)
        {
          /* On time: within the hours after the last event, or on a day up to the due day. */
          int spread = MAX (0, (int) g_date_days_between (&day, &due));
          int offset = sot_generator_range (ctx, 0, spread + 1);

          if (offset == 0)
            {
              g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
              g_autoptr(GDateTime) local = NULL;

              c.at = g_date_time_add_minutes (last_at, sot_generator_range (ctx, 30, 240));
              local = g_date_time_to_timezone (c.at, tz);

              /* Officers call in the day: a night-time event is told the next morning. */
              if (g_date_time_get_hour (local) >= 21 || g_date_time_get_hour (local) < 8)
                {
                  GDate contact_day;

                  sot_date_from_time (c.at, &contact_day);
                  if (g_date_time_get_hour (local) >= 21)
                    g_date_add_days (&contact_day, 1);
                  g_clear_pointer (&c.at, g_date_time_unref);
                  c.at = time_on (&contact_day, sot_generator_range (ctx, 9, 12), 0);
                }
            }
          else
            {
              GDate contact_day;

              day_after (ctx, &day, offset, &contact_day);
              c.at = time_on (&contact_day, sot_generator_range (ctx, 9, 18), 0);
            }
        }
      else if (ago > 14 || r < 0.7)
        {
          /* Late: a few days after the due day. */
          GDate contact_day;

          day_after (ctx, &due, sot_generator_range (ctx, 1, 7), &contact_day);
          c.at = time_on (&contact_day, sot_generator_range (ctx, 9, 18), 0);
        }

      /* Left open, or would be in the future or before the events: no contact. */
      if (c.at != NULL &&
          (g_date_time_compare (c.at, last_at) <= 0 || g_date_time_compare (c.at, now_limit) > 0))
        g_clear_pointer (&c.at, g_date_time_unref);

      if (c.at != NULL)
        {
          c.covers = g_ptr_array_new ();
          for (guint k = i; k <= j; k++)
            g_ptr_array_add (c.covers, g_array_index (events, Event, k).deadline_uuid);
          g_ptr_array_add (c.covers, NULL);
          g_array_append_val (contacts, c);
        }

      i = j + 1;
    }
}

static gboolean
add_isva (SotGeneratorContext    *ctx,
          const SotGeneratorCase *gcase,
          const char             *outcome_date,
          gboolean               *has_isva,
          GError                **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *referred = NULL;
  g_autofree char *ended = NULL;
  SotIsvaDetails d = { 0 };
  GDate day;

  *has_isva = FALSE;
  if (!sot_generator_chance (ctx, 0.3))
    return TRUE;

  uuid = sot_generator_uuid (ctx);
  day_after (ctx, &gcase->reported, sot_generator_range (ctx, 0, 10), &day);
  referred = date_text (&day);

  d.uuid = uuid;
  d.service = isva_services[sot_generator_range (ctx, 0, G_N_ELEMENTS (isva_services))];
  d.name = isva_names[sot_generator_range (ctx, 0, G_N_ELEMENTS (isva_names))];
  d.consent_to_share = sot_generator_chance (ctx, 0.8);
  d.consent_on = d.consent_to_share ? referred : NULL;
  d.referred_on = referred;
  if (outcome_date != NULL && g_strcmp0 (outcome_date, referred) >= 0 &&
      sot_generator_chance (ctx, 0.6))
    d.ended_on = ended = g_strdup (outcome_date);

  *has_isva = TRUE;
  return sot_isva_add (ctx->store, gcase->victim_id, &d, error);
}

static gboolean
add_letter (SotGeneratorContext    *ctx,
            const SotGeneratorCase *gcase,
            const char             *kind,
            const GDate            *day,
            GError                **error)
{
  g_autofree char *uuid = sot_generator_uuid (ctx);
  g_autofree char *sent = date_text (day);

  return sot_victim_letter_add (ctx->store, gcase->investigation_id, gcase->victim_id, kind, sent,
                                gcase->officer, uuid, error);
}

/* A request for early advice (at some point in the case), the advice and its points; moves
 * @since on to the day of the advice, or of the request while it is awaited. */
static gboolean
add_early_advice (SotGeneratorContext    *ctx,
                  const SotGeneratorCase *gcase,
                  GDate                  *since,
                  GError                **error)
{
  g_autofree char *uuid = sot_generator_uuid (ctx);
  g_autofree char *requested = NULL;
  g_autofree char *given_text = NULL;
  GDate asked, given;
  double r = g_rand_double (ctx->rand);
  int took;

  day_after (ctx, &gcase->reported, sot_generator_range (ctx, 7, 90), &asked);
  requested = date_text (&asked);

  /* Most within 21 days; some later; a few still awaited (only recent requests). */
  took = r < 0.68 ? sot_generator_range (ctx, 2, 22)
                  : r < 0.9 ? sot_generator_range (ctx, 22, 70) : -1;
  if (took < 0 && days_ago (ctx, &asked) > 45)
    took = sot_generator_range (ctx, 22, 45);

  given = asked;
  if (took >= 0)
    g_date_add_days (&given, took);
  if (took >= 0 && g_date_compare (&given, &ctx->today) <= 0)
    given_text = date_text (&given);

  if (!sot_cps_request_early_advice (ctx->store, gcase->investigation_id, requested,
                                     given_text, uuid, NULL, error))
    return FALSE;

  if (given_text != NULL)
    {
      guint n_points = sot_generator_range (ctx, 0, 3);

      for (guint i = 0; i < n_points; i++)
        {
          g_autofree char *point_uuid = sot_generator_uuid (ctx);
          const char *point = advice_points[sot_generator_range (ctx, 0,
                                                                 G_N_ELEMENTS (advice_points))];

          if (!sot_cps_add_advice_point (ctx->store, uuid, point, NULL, point_uuid, error))
            return FALSE;
        }

      *since = given;
    }
  else
    *since = asked;

  return TRUE;
}

/* The CPS decision on each suspect of a file submitted on @file_day, and the charges. */
static gboolean
add_decisions (SotGeneratorContext    *ctx,
               const SotGeneratorCase *gcase,
               gboolean                charged,
               gboolean                finalised,
               const GDate            *file_day,
               GError                **error)
{
  for (guint s = 0; s < gcase->suspect_ids->len; s++)
    {
      gint64 suspect = g_array_index (gcase->suspect_ids, gint64, s);
      const char *decision = NULL;
      SotCpsDecision kind;
      GDate decided;

      if (charged)
        decision = s == 0 || sot_generator_chance (ctx, 0.6) ? "charge" : "nfa-evidential";
      else if (finalised)
        decision = PICK (ctx, finalised_decisions);
      else if (sot_generator_chance (ctx, 0.2))
        /* With the CPS again after an administratively finalised first file. */
        decision = sot_generator_chance (ctx, 0.7) ? "administratively-finalised" : "other";

      if (decision == NULL || !sot_cps_decision_from_string (decision, &kind))
        continue;

      day_after (ctx, file_day, sot_generator_range (ctx, 7, 120), &decided);
      {
        g_autofree char *uuid = sot_generator_uuid (ctx);
        g_autofree char *decided_text = date_text (&decided);

        if (!sot_cps_record_decision (ctx->store, gcase->investigation_id, suspect, kind,
                                      decided_text, uuid, error))
          return FALSE;
      }

      if (kind == SOT_CPS_CHARGE)
        {
          g_autofree char *uuid = sot_generator_uuid (ctx);
          g_autofree char *charged_text = NULL;
          GDate charge_day;

          day_after (ctx, &decided, sot_generator_range (ctx, 0, 4), &charge_day);
          charged_text = date_text (&charge_day);
          if (!sot_cps_record_charge (ctx->store, gcase->investigation_id, suspect, charged_text,
                                      uuid, error))
            return FALSE;

          if (s == 0 && sot_generator_chance (ctx, 0.7) &&
              !add_letter (ctx, gcase, SOT_LETTER_POINT_OF_CHARGE, &charge_day, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* An action plan of one to three items on a file submitted on @file_day, most done by now. */
static gboolean
add_action_items (SotGeneratorContext    *ctx,
                  const SotGeneratorCase *gcase,
                  const GDate            *file_day,
                  GError                **error)
{
  guint n_items = sot_generator_range (ctx, 1, 3);

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *uuid = sot_generator_uuid (ctx);
      g_autofree char *created_text = NULL;
      g_autofree char *due_text = NULL;
      const char *what = action_items[sot_generator_range (ctx, 0, G_N_ELEMENTS (action_items))];
      GDate created, due;

      day_after (ctx, file_day, sot_generator_range (ctx, 3, 20), &created);
      due = created;
      g_date_add_days (&due, sot_generator_range (ctx, 14, 36));
      created_text = date_text (&created);
      due_text = date_text (&due);

      if (!sot_cps_add_action_item (ctx->store, gcase->investigation_id, what, created_text,
                                    due_text, uuid, error))
        return FALSE;

      /* Items well past their due date were mostly done, some late. */
      if (days_ago (ctx, &due) > 3 && sot_generator_chance (ctx, 0.85))
        {
          g_autofree char *closed_text = NULL;
          GDate closed;

          day_after (ctx, &created, MAX (1, (int) g_date_days_between (&created, &due) +
                                              sot_generator_range (ctx, -6, 4)), &closed);
          closed_text = date_text (&closed);
          if (!sot_cps_set_action_status (ctx->store, uuid, SOT_CPS_ACTION_DONE, closed_text,
                                          error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Early advice, charging files, decisions per suspect, action plans and charges. */
static gboolean
add_cps (SotGeneratorContext    *ctx,
         const SotGeneratorCase *gcase,
         GError                **error)
{
  gboolean charged = g_strcmp0 (gcase->status, SOT_STATUS_CHARGED) == 0;
  gboolean finalised = g_strcmp0 (gcase->status, SOT_STATUS_FINALISED) == 0;
  gboolean with_cps = g_strcmp0 (gcase->status, SOT_STATUS_WITH_CPS) == 0;
  double advice_chance = charged || with_cps ? 0.6 : finalised ? 0.35 : 0.2;
  gboolean referred;
  GDate since = gcase->reported;
  GDate file_day;
  g_autofree char *file_text = NULL;
  g_autofree char *uuid = NULL;

  if (gcase->suspect_ids->len == 0)
    return TRUE;

  if (sot_generator_chance (ctx, advice_chance) && !add_early_advice (ctx, gcase, &since, error))
    return FALSE;

  referred = charged || with_cps || (finalised && sot_generator_chance (ctx, 0.4));
  if (!referred)
    return TRUE;

  day_after (ctx, &since, sot_generator_range (ctx, 14, 160), &file_day);
  file_text = date_text (&file_day);
  uuid = sot_generator_uuid (ctx);
  if (!sot_cps_submit_charging_file (ctx->store, gcase->investigation_id, file_text, uuid, error))
    return FALSE;

  if (!add_decisions (ctx, gcase, charged, finalised, &file_day, error))
    return FALSE;

  /* Action plans, mostly on files still with the CPS. */
  if (with_cps && sot_generator_chance (ctx, 0.5))
    return add_action_items (ctx, gcase, &file_day, error);

  return TRUE;
}

static char *
outcome_date_of (SotGeneratorContext    *ctx,
                 const SotGeneratorCase *gcase)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  if (gcase->outcome_code == NULL)
    return NULL;

  stmt = sot_store_prepare (ctx->store, "SELECT outcome_date FROM investigation WHERE id = ?1",
                            NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, gcase->investigation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

/* The cadence agreed with the victim when the report was taken, on cases still in progress
 * (closed cases would otherwise keep an update due for ever); its days in @frequency, 0 when
 * none was agreed. */
static gboolean
add_agreed_cadence (SotGeneratorContext     *ctx,
                    const SotGeneratorCase  *gcase,
                    gboolean                 in_progress,
                    const char              *channel,
                    guint                   *frequency,
                    GError                 **error)
{
  g_autofree char *uuid = NULL;
  g_autoptr(GDateTime) agreed = NULL;

  *frequency = 0;

  if (!in_progress || !sot_generator_chance (ctx, 0.85) || !countable (ctx, &gcase->reported))
    return TRUE;

  uuid = sot_generator_uuid (ctx);
  agreed = time_on (&gcase->reported, sot_generator_range (ctx, 10, 17), 0);
  *frequency = (guint) g_ascii_strtoull (PICK (ctx, frequency_weights), NULL, 10);

  return sot_victim_set_preference (ctx->store, gcase->victim_id, *frequency, channel, agreed,
                                    uuid, error);
}

/* A few victims opt out of enhanced rights soon after reporting: the day in @day, and
 * @opt_out pointing at it, when this one does. */
static gboolean
add_opt_out (SotGeneratorContext     *ctx,
             const SotGeneratorCase  *gcase,
             GDate                   *day,
             const GDate            **opt_out,
             GError                 **error)
{
  g_autofree char *day_text = NULL;

  *opt_out = NULL;

  if (!sot_generator_chance (ctx, 0.08))
    return TRUE;

  day_after (ctx, &gcase->reported, sot_generator_range (ctx, 0, 4), day);
  day_text = date_text (day);
  if (!sot_victim_set_enhanced (ctx->store, gcase->victim_id, FALSE, day_text,
                                "victim's choice (fictional)", error))
    return FALSE;

  *opt_out = day;
  return TRUE;
}

/* The latest update under the cadence of @frequency days, so its next one falls near today. */
static void
plan_cadence_contact (SotGeneratorContext     *ctx,
                      const SotGeneratorCase  *gcase,
                      guint                    frequency,
                      GArray                  *contacts)
{
  Contact c = { 0 };
  GDate day;
  int back;

  if (frequency == 0 || days_ago (ctx, &gcase->reported) <= 2 ||
      (days_ago (ctx, &gcase->reported) <= 60 && !sot_generator_chance (ctx, 0.8)))
    return;

  back = sot_generator_range (ctx, 1, (int) frequency + 6);
  day = ctx->today;
  g_date_subtract_days (&day, MIN (back, days_ago (ctx, &gcase->reported) - 1));
  c.at = time_on (&day, sot_generator_range (ctx, 9, 17), sot_generator_range (ctx, 0, 4) * 15);
  g_array_append_val (contacts, c);
}

static gboolean
log_contacts (SotGeneratorContext     *ctx,
              const SotGeneratorCase  *gcase,
              GArray                  *contacts,
              const char              *channel,
              gboolean                 has_isva,
              GError                 **error)
{
  for (guint i = 0; i < contacts->len; i++)
    {
      Contact *c = &g_array_index (contacts, Contact, i);
      g_autofree char *uuid = sot_generator_uuid (ctx);
      SotContactDetails d = { 0 };

      d.uuid = uuid;
      d.victim_id = gcase->victim_id;
      d.at = c->at;
      d.channel = channel;
      d.who = gcase->officer;
      d.isva_present = has_isva && sot_generator_chance (ctx, 0.3);
      d.summary = c->covers != NULL ? "Told of the suspect's custody and what happens next."
                                    : "Regular update on the progress of the investigation.";
      d.covers = c->covers != NULL ? (const char * const *) c->covers->pdata : NULL;

      if (!sot_victim_contact_log (ctx->store, gcase->investigation_id, &d, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* The no-further-action letter on part of the finalised cases. */
static gboolean
add_nfa_letter (SotGeneratorContext     *ctx,
                const SotGeneratorCase  *gcase,
                const char              *outcome_date,
                GError                 **error)
{
  GDate day;

  if (outcome_date == NULL || g_strcmp0 (gcase->status, SOT_STATUS_FINALISED) != 0 ||
      !sot_generator_chance (ctx, 0.35))
    return TRUE;

  if (!sot_date_parse (outcome_date, &day, NULL))
    return TRUE;

  day_after (ctx, &day, sot_generator_range (ctx, 0, 6), &day);
  return add_letter (ctx, gcase, SOT_LETTER_NFA, &day, error);
}

gboolean
sot_generator_part_victim_cps (SotGeneratorContext     *ctx,
                               const SotGeneratorCase  *gcase,
                               GError                 **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_autoptr(GArray) contacts = g_array_new (FALSE, TRUE, sizeof (Contact));
  g_autofree char *outcome_date = NULL;
  gboolean in_progress;
  gboolean has_isva = FALSE;
  const GDate *opt_out = NULL;
  GDate opt_out_day;
  const char *channel;
  guint frequency = 0;

  g_return_val_if_fail (ctx != NULL && gcase != NULL, FALSE);

  g_array_set_clear_func (events, event_clear);
  g_array_set_clear_func (contacts, contact_clear);

  if (gcase->victim_id == 0)
    return TRUE;

  in_progress = g_strcmp0 (gcase->status, SOT_STATUS_OPEN) == 0 ||
                g_strcmp0 (gcase->status, SOT_STATUS_WITH_CPS) == 0;
  outcome_date = outcome_date_of (ctx, gcase);
  channel = PICK (ctx, channel_weights);

  if (!add_agreed_cadence (ctx, gcase, in_progress, channel, &frequency, error) ||
      !add_isva (ctx, gcase, outcome_date, &has_isva, error))
    return FALSE;

  if (sot_generator_chance (ctx, 0.35) && days_ago (ctx, &gcase->reported) >= 1)
    {
      GDate day;

      day_after (ctx, &gcase->reported, sot_generator_range (ctx, 1, 5), &day);
      if (!add_letter (ctx, gcase, SOT_LETTER_HELLO, &day, error))
        return FALSE;
    }

  if (!add_opt_out (ctx, gcase, &opt_out_day, &opt_out, error) ||
      !add_right6_events (ctx, gcase, opt_out, events, error))
    return FALSE;

  g_array_sort (events, compare_events);
  plan_event_contacts (ctx, events, contacts);
  plan_cadence_contact (ctx, gcase, frequency, contacts);
  g_array_sort (contacts, compare_contacts);

  if (!log_contacts (ctx, gcase, contacts, channel, has_isva, error) ||
      !add_cps (ctx, gcase, error))
    return FALSE;

  return add_nfa_letter (ctx, gcase, outcome_date, error);
}
