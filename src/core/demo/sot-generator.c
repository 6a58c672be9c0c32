/* sot-generator.c: the deterministic generator of fictional cases (demo and training data)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-generator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-generator-due.h"
#include "sot-generator-forensics.h"
#include "sot-generator-parts.h"
#include "sot-generator-victim-cps.h"
#include "sot-investigation.h"
#include "sot-person.h"
#include "sot-time.h"

/* Names are ordinary given names with family names no real person is likely to carry, so a
 * trainer's screen can never be mistaken for a real case. */
static const char * const given_names[] = {
  "Alex", "Sam", "Jordan", "Robin", "Charlie", "Morgan", "Jamie", "Casey", "Taylor", "Riley",
  "Avery", "Quinn", "Harper", "Rowan", "Sasha", "Ellis", "Frankie", "Kit", "Drew", "Reese",
};

static const char * const family_names[] = {
  "Example", "Sample", "Specimen", "Fictional", "Madeup", "Notreal", "Placeholder", "Pretend",
  "Imaginary", "Testcase", "Mockford", "Dummyfield", "Inventedson", "Storybrook", "Makebelieve",
  "Trainwell", "Practiseby", "Fabricant", "Nonesuch", "Fakenham-Lorem",
};

static const char * const officer_names[] = {
  "DC Ash Example", "DC Bea Sample", "DS Cal Specimen", "DC Dee Fictional", "DC Eli Madeup",
  "DC Fay Notreal", "DS Gus Placeholder", "DC Hal Pretend", "DC Ivy Imaginary", "DC Jo Testcase",
  "DC Kai Mockford", "DS Lee Dummyfield",
};

static const char * const streets[] = {
  "Example Road", "Sample Street", "Fiction Lane", "Makebelieve Avenue", "Pretend Close",
  "Storybook Way",
};

typedef struct {
  const char *value;
  guint       weight;
} Weighted;

static const Weighted report_delays[] = {
  /* days offence → report: upper bound of each band, as in the Soteria interval bands */
  { "0", 35 }, { "2", 20 }, { "10", 20 }, { "100", 13 }, { "1000", 7 }, { "7000", 5 },
};

static const Weighted adult_offences[] = {
  { "rape", 62 }, { "assault-penetration", 14 }, { "sexual-assault", 18 },
  { "causing-sexual-activity", 6 },
};

/* The child-victim variants must agree with the victim's age at the offence. */
static const Weighted child_u13_offences[] = {
  { "rape-child-u13", 50 }, { "assault-penetration-child-u13", 20 },
  { "sexual-assault-child-u13", 30 },
};

/* Outcomes of finalised rape cases: outcome 16 most common, 14/18 common, charges a minority
 * (DOMAIN.md §4.1). */
static const Weighted outcomes[] = {
  { "16", 40 }, { "15", 18 }, { "14", 9 }, { "18", 8 }, { "1", 9 }, { "1A", 1 }, { "21", 5 },
  { "10", 2 }, { "9", 2 }, { "20", 3 }, { "3", 1 }, { "13", 1 }, { "5", 1 },
};

static const Weighted relationships[] = {
  { SOT_RELATIONSHIP_INTIMATE, 33 }, { SOT_RELATIONSHIP_ACQUAINTANCE, 34 },
  { SOT_RELATIONSHIP_STRANGER, 13 }, { SOT_RELATIONSHIP_FAMILY, 10 },
  { SOT_RELATIONSHIP_OTHER, 4 }, { SOT_RELATIONSHIP_UNKNOWN, 6 },
};

static const Weighted ethnicities[] = {
  { "white", 74 }, { "asian", 9 }, { "black", 5 }, { "other", 4 }, { "unknown", 8 },
};

static const Weighted victim_sexes[] = {
  { "female", 89 }, { "male", 10 }, { "unknown", 1 },
};

static const Weighted suspect_sexes[] = {
  { "male", 96 }, { "female", 2 }, { "unknown", 2 },
};

static const Weighted witness_kinds[] = {
  { "first-account", 50 }, { "eyewitness", 15 }, { "professional", 25 }, { "other", 10 },
};

/* A person who is suspected in several investigations; created on first use. */
typedef struct {
  gint64 person_id;
  int    given;
  int    family;
  int    birth_year;
  int    birth_month;
  int    birth_day;
} RepeatSuspect;

typedef struct {
  SotGeneratorContext ctx;
  RepeatSuspect      *repeats;
  guint               n_repeats;
} Generator;

/* The parts that add each area's records to a case, called in this order. */
static const SotGeneratorPart parts[] = {
  sot_generator_part_suspect_focus,
  sot_generator_part_forensics,
  sot_generator_part_victim_cps,
  sot_generator_part_due,         /* last, and on its own random sequence */
};

static const char *
pick (Generator      *gen,
      const Weighted *table,
      guint           n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += table[i].weight;

  r = g_rand_int_range (gen->ctx.rand, 0, total);

  for (guint i = 0; i < n; i++)
    {
      if (r < table[i].weight)
        return table[i].value;
      r -= table[i].weight;
    }

  return table[n - 1].value;
}

#define PICK(gen, table) pick ((gen), (table), G_N_ELEMENTS (table))

static gboolean
chance (Generator *gen,
        double     p)
{
  return g_rand_double (gen->ctx.rand) < p;
}

gboolean
sot_generator_chance (SotGeneratorContext *ctx,
                      double               probability)
{
  return g_rand_double (ctx->rand) < probability;
}

int
sot_generator_range (SotGeneratorContext *ctx,
                     int                  begin,
                     int                  end)
{
  return g_rand_int_range (ctx->rand, begin, end);
}

/* UUIDs come from the seeded generator so that the same seed reproduces record identities. */
char *
sot_generator_uuid (SotGeneratorContext *ctx)
{
  guint32 w[4];

  for (guint i = 0; i < 4; i++)
    w[i] = g_rand_int (ctx->rand);

  w[1] = (w[1] & 0xffff0fff) | 0x00004000;  /* version 4 */
  w[2] = (w[2] & 0x3fffffff) | 0x80000000;  /* RFC 4122 variant */

  return g_strdup_printf ("%08x-%04x-%04x-%04x-%04x%08x",
                          w[0], w[1] >> 16, w[1] & 0xffff, w[2] >> 16, w[2] & 0xffff, w[3]);
}

char *
sot_generator_uuid_func (gpointer user_data)
{
  return sot_generator_uuid (user_data);
}

static void
date_minus_days (const GDate *from,
                 guint        days,
                 GDate       *out)
{
  *out = *from;
  g_date_subtract_days (out, days);
}

static char *
birth_date_for (Generator   *gen,
                const GDate *offence_day,
                int          age)
{
  GDate dob = *offence_day;
  guint extra = g_rand_int_range (gen->ctx.rand, 1, 364);

  g_date_subtract_years (&dob, age);
  g_date_subtract_days (&dob, extra);

  return sot_date_format (&dob);
}

static char *
fictional_phone (Generator *gen)
{
  /* 07700 900000–900999 is reserved by Ofcom for drama: never a real subscriber. */
  return g_strdup_printf ("07700 900%03d", g_rand_int_range (gen->ctx.rand, 0, 1000));
}

static char *
fictional_address (Generator *gen)
{
  return g_strdup_printf ("%d %s, Fictionton FX%d %dZZ",
                          g_rand_int_range (gen->ctx.rand, 1, 200),
                          streets[g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (streets))],
                          g_rand_int_range (gen->ctx.rand, 1, 20),
                          g_rand_int_range (gen->ctx.rand, 1, 10));
}

static gboolean
add_victim (Generator    *gen,
            gint64        investigation_id,
            const GDate  *offence_day,
            int           age,
            gint64       *victim_id,
            GError      **error)
{
  SotPersonDetails d = { 0 };
  g_autofree char *uuid = sot_generator_uuid (&gen->ctx);
  g_autofree char *dob = birth_date_for (gen, offence_day, age);
  g_autofree char *phone = fictional_phone (gen);
  g_autofree char *address = fictional_address (gen);

  d.uuid = uuid;
  d.sex = PICK (gen, victim_sexes);
  d.age_at_offence = chance (gen, 0.03) ? -1 : age;
  d.ethnicity = PICK (gen, ethnicities);
  d.given_name = given_names[g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (given_names))];
  d.family_name = family_names[g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (family_names))];
  d.date_of_birth = dob;
  d.address = address;
  d.phone = phone;
  d.account = "Fictional first account, written for training only.";

  return sot_person_add (gen->ctx.store, SOT_ROLE_VICTIM, investigation_id, &d, victim_id, error);
}

static gboolean
add_suspect (Generator    *gen,
             gint64        investigation_id,
             const GDate  *offence_day,
             GArray       *suspect_ids,
             GError      **error)
{
  SotPersonDetails d = { 0 };
  g_autofree char *uuid = sot_generator_uuid (&gen->ctx);
  g_autofree char *person_uuid = sot_generator_uuid (&gen->ctx);
  g_autofree char *dob = NULL;
  g_autofree char *local_id = NULL;
  g_autofree char *phone = fictional_phone (gen);
  g_autofree char *address = fictional_address (gen);
  RepeatSuspect *repeat = NULL;
  int age = g_rand_int_range (gen->ctx.rand, 15, 66);
  gint64 suspect_row;
  int repeat_index = -1;

  /* About one suspect in eight is a repeat suspect, drawn from a small pool of persons. */
  if (gen->n_repeats > 0 && chance (gen, 0.12))
    {
      repeat_index = g_rand_int_range (gen->ctx.rand, 0, gen->n_repeats);
      repeat = &gen->repeats[repeat_index];
    }

  d.uuid = uuid;
  d.suspect_person_uuid = person_uuid;
  d.sex = PICK (gen, suspect_sexes);
  d.ethnicity = PICK (gen, ethnicities);
  d.relationship = PICK (gen, relationships);
  d.address = address;
  d.phone = phone;

  if (repeat != NULL)
    {
      GDate dob_date;

      if (repeat->given < 0)
        {
          GDate birth = *offence_day;

          g_date_subtract_years (&birth, age);
          repeat->given = g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (given_names));
          repeat->family = g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (family_names));
          repeat->birth_year = g_date_get_year (&birth);
          repeat->birth_month = g_rand_int_range (gen->ctx.rand, 1, 13);
          repeat->birth_day = g_rand_int_range (gen->ctx.rand, 1, 29);
        }

      g_date_clear (&dob_date, 1);
      g_date_set_dmy (&dob_date, repeat->birth_day, repeat->birth_month, repeat->birth_year);
      dob = sot_date_format (&dob_date);
      d.given_name = given_names[repeat->given];
      d.family_name = family_names[repeat->family];
      d.sex = "male";
      d.age_at_offence = MAX (10, (int) g_date_get_year (offence_day) - repeat->birth_year);
      d.suspect_person_id = repeat->person_id;
      local_id = g_strdup_printf ("FX-P%06d", repeat_index + 1);
    }
  else
    {
      dob = birth_date_for (gen, offence_day, age);
      d.given_name = given_names[g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (given_names))];
      d.family_name = family_names[g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (family_names))];
      d.age_at_offence = chance (gen, 0.08) ? -1 : age;
      local_id = g_strdup_printf ("FX-S%s", uuid + 24);
    }

  d.date_of_birth = dob;
  d.local_person_id = local_id;

  if (!sot_person_add (gen->ctx.store, SOT_ROLE_SUSPECT, investigation_id, &d, &suspect_row, error))
    return FALSE;

  g_array_append_val (suspect_ids, suspect_row);

  /* Remember the person the first suspect of a repeat became, for the next case. */
  if (repeat != NULL && repeat->person_id == 0)
    {
      sqlite3_stmt *stmt;

      stmt = sot_store_prepare (gen->ctx.store,
                                "SELECT suspect_person_id FROM suspect WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, suspect_row);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        repeat->person_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
add_witness (Generator  *gen,
             gint64      investigation_id,
             GError    **error)
{
  SotPersonDetails d = { 0 };
  g_autofree char *uuid = sot_generator_uuid (&gen->ctx);
  g_autofree char *phone = fictional_phone (gen);

  d.uuid = uuid;
  d.witness_kind = PICK (gen, witness_kinds);
  d.given_name = given_names[g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (given_names))];
  d.family_name = family_names[g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (family_names))];
  d.phone = phone;

  return sot_person_add (gen->ctx.store, SOT_ROLE_WITNESS, investigation_id, &d, NULL, error);
}

/* The day the offence was reported (spread over the last three years, ending today; its age
 * in @case_age) and the day it happened, @delay days before, from a band of report delays. */
static void
pick_report_days (Generator *gen,
                  GDate     *reported,
                  GDate     *offence_day,
                  guint     *case_age,
                  guint     *delay)
{
  const char *delay_band;
  guint upper, lower = 0;

  *case_age = g_rand_int_range (gen->ctx.rand, 0, 3 * 365);
  date_minus_days (&gen->ctx.today, *case_age, reported);

  delay_band = PICK (gen, report_delays);
  upper = (guint) g_ascii_strtoull (delay_band, NULL, 10);
  for (guint i = 0; i < G_N_ELEMENTS (report_delays); i++)
    if (g_str_equal (report_delays[i].value, delay_band) && i > 0)
      lower = (guint) g_ascii_strtoull (report_delays[i - 1].value, NULL, 10) + 1;
  *delay = upper == 0 ? 0 : (guint) g_rand_int_range (gen->ctx.rand, lower, upper + 1);
  date_minus_days (reported, *delay, offence_day);
}

/* Returns: (transfer full): the start of the offence on @offence_day, in UTC. */
static GDateTime *
pick_offence_start (Generator   *gen,
                    const GDate *offence_day)
{
  /* Offences happen more at night; the hour is UK local time. */
  static const int hours[] = { 0, 1, 2, 3, 4, 21, 22, 23, 23, 22, 20, 19, 15, 12, 2, 1 };
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  int hour = hours[g_rand_int_range (gen->ctx.rand, 0, G_N_ELEMENTS (hours))];
  int minute = g_rand_int_range (gen->ctx.rand, 0, 12) * 5;
  g_autoptr(GDateTime) local = g_date_time_new (tz, g_date_get_year (offence_day),
                                                g_date_get_month (offence_day),
                                                g_date_get_day (offence_day),
                                                hour, minute, 0);

  return g_date_time_to_utc (local);
}

/* Sets the outcome of @inv (the older the report, the likelier it has one) and its status.
 * Returns: the outcome code, or %NULL while the case is open. */
static const char *
pick_outcome (Generator        *gen,
              SotInvestigation *inv,
              const GDate      *reported,
              guint             case_age)
{
  GDate outcome_day = *reported;
  g_autofree char *outcome_date_text = NULL;
  const char *outcome;
  guint took;

  if (!chance (gen, MIN (0.92, case_age / 420.0)))
    {
      sot_investigation_set_status (inv, chance (gen, 0.22) ? SOT_STATUS_WITH_CPS
                                                            : SOT_STATUS_OPEN);
      return NULL;
    }

  took = g_rand_int_range (gen->ctx.rand, 20, 420);
  outcome = PICK (gen, outcomes);
  g_date_add_days (&outcome_day, MIN (took, case_age));
  outcome_date_text = sot_date_format (&outcome_day);

  sot_investigation_set_outcome_code (inv, outcome);
  sot_investigation_set_outcome_date (inv, outcome_date_text);
  sot_investigation_set_status (inv, g_str_equal (outcome, "1") || g_str_equal (outcome, "1A")
                                     ? SOT_STATUS_CHARGED : SOT_STATUS_FINALISED);
  return outcome;
}

/* The victim, the suspects (none where the outcome says none was identified) and up to two
 * witnesses of @gcase. */
static gboolean
add_people (Generator        *gen,
            SotGeneratorCase *gcase,
            const GDate      *offence_day,
            int               victim_age,
            GError          **error)
{
  guint n_suspects;

  if (!add_victim (gen, gcase->investigation_id, offence_day, victim_age, &gcase->victim_id,
                   error))
    return FALSE;

  /* Outcomes 14 and 18 mean no suspect was identified. */
  if (sot_outcome_is_no_suspect_identified (gcase->outcome_code))
    n_suspects = 0;
  else if (gcase->outcome_code == NULL && chance (gen, 0.08))
    n_suspects = 0;
  else
    n_suspects = chance (gen, 0.12) ? 2 : 1;

  for (guint i = 0; i < n_suspects; i++)
    if (!add_suspect (gen, gcase->investigation_id, offence_day, gcase->suspect_ids, error))
      return FALSE;

  for (guint i = 0, n = g_rand_int_range (gen->ctx.rand, 0, 3); i < n; i++)
    if (!add_witness (gen, gcase->investigation_id, error))
      return FALSE;

  return TRUE;
}

static gboolean
add_investigation (Generator  *gen,
                   guint       index,
                   GError    **error)
{
  g_autoptr(SotInvestigation) inv = sot_investigation_new ();
  g_autoptr(GDateTime) from = NULL;
  g_autofree char *uuid = sot_generator_uuid (&gen->ctx);
  g_autofree char *crime_reference = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *reported_text = NULL;
  g_autofree char *recorded_text = NULL;
  g_autoptr(GArray) suspect_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) until = NULL;
  SotGeneratorCase gcase = { 0 };
  GDate reported, offence_day, recorded;
  guint case_age, delay;
  gboolean child;
  int victim_age;
  const char *outcome;

  pick_report_days (gen, &reported, &offence_day, &case_age, &delay);

  child = chance (gen, 0.18);
  victim_age = child ? g_rand_int_range (gen->ctx.rand, 5, 16) : g_rand_int_range (gen->ctx.rand, 16, 70);
  /* A historic report of a childhood offence is still a child-victim offence. */

  from = pick_offence_start (gen, &offence_day);
  from_text = sot_time_format_utc (from);

  /* Some victims can give only a period; only where the report came days later. */
  if (delay >= 2 && chance (gen, 0.15))
    {
      until = g_date_time_add_hours (from, g_rand_int_range (gen->ctx.rand, 1, 7));
      until_text = sot_time_format_utc (until);
    }

  reported_text = sot_date_format (&reported);
  recorded = reported;
  if (chance (gen, 0.2) && g_date_compare (&recorded, &gen->ctx.today) < 0)
    g_date_add_days (&recorded, 1);
  recorded_text = sot_date_format (&recorded);

  crime_reference = g_strdup_printf ("TRN/%02u/%06u", g_date_get_year (&reported) % 100, index + 1);

  sot_investigation_set_uuid (inv, uuid);
  sot_investigation_set_crime_reference (inv, crime_reference);
  if (!child)
    sot_investigation_set_offence_type (inv, PICK (gen, adult_offences));
  else if (victim_age < 13)
    sot_investigation_set_offence_type (inv, PICK (gen, child_u13_offences));
  else
    sot_investigation_set_offence_type (inv, "rape-child-u16");
  sot_investigation_set_offence_from (inv, from_text);
  sot_investigation_set_offence_until (inv, until_text);
  sot_investigation_set_reported_on (inv, reported_text);
  sot_investigation_set_recorded_on (inv, recorded_text);
  sot_investigation_set_officer (inv, officer_names[g_rand_int_range (gen->ctx.rand, 0,
                                                                      G_N_ELEMENTS (officer_names))]);

  outcome = pick_outcome (gen, inv, &reported, case_age);

  if (!sot_investigation_insert (inv, gen->ctx.store, error))
    return FALSE;

  gcase.index = index;
  gcase.investigation_id = sot_investigation_get_id (inv);
  gcase.investigation_uuid = sot_investigation_get_uuid (inv);
  gcase.crime_reference = sot_investigation_get_crime_reference (inv);
  gcase.offence_from = from;
  gcase.offence_until = until;
  gcase.reported = reported;
  gcase.status = sot_investigation_get_status (inv);
  gcase.outcome_code = outcome;
  gcase.officer = sot_investigation_get_officer (inv);
  gcase.victim_enhanced = TRUE;
  gcase.suspect_ids = suspect_ids;

  if (!add_people (gen, &gcase, &offence_day, victim_age, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!parts[i] (&gen->ctx, &gcase, error))
      return FALSE;

  return TRUE;
}

gboolean
sot_generator_fill (SotStore             *store,
                    guint                 n_investigations,
                    guint64               seed,
                    const GDate          *today,
                    SotGeneratorProgress  progress,
                    gpointer              user_data,
                    GCancellable         *cancellable,
                    GError              **error)
{
  Generator gen = { 0 };
  guint32 seed_words[2] = { (guint32) (seed >> 32), (guint32) seed };
  gboolean ok = TRUE;
  guint progress_step;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  gen.ctx.store = store;
  gen.ctx.rand = g_rand_new_with_seed_array (seed_words, G_N_ELEMENTS (seed_words));
  gen.ctx.due = sot_generator_due_new (seed);

  if (today != NULL)
    gen.ctx.today = *today;
  else
    {
      g_autoptr(GDateTime) now = sot_store_now (store);

      sot_date_from_time (now, &gen.ctx.today);
    }

  /* About a hundred reports a run, however large, so a progress bar moves smoothly. */
  progress_step = MAX (1, n_investigations / 100);

  gen.n_repeats = MAX (1, n_investigations / 25);
  gen.repeats = g_new0 (RepeatSuspect, gen.n_repeats);
  for (guint i = 0; i < gen.n_repeats; i++)
    gen.repeats[i].given = -1;

  /* A large page cache keeps a big run from spilling pages to the WAL before it commits. */
  if (!sot_store_exec (store, "PRAGMA cache_size = -65536", error))
    {
      ok = FALSE;
      goto out;
    }

  /* Records the core functions create take their UUIDs from the seed too. */
  sot_store_set_uuid_func (store, sot_generator_uuid_func, &gen.ctx);

  /* One transaction: a cancelled or failed run leaves the workspace as it was. */
  if (!sot_store_begin (store, error))
    {
      ok = FALSE;
      goto out;
    }

  for (guint i = 0; i < n_investigations; i++)
    {
      if ((i & 0xff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      if (!add_investigation (&gen, i, error))
        {
          ok = FALSE;
          break;
        }

      if (progress != NULL && ((i + 1) % progress_step == 0 || i + 1 == n_investigations))
        progress (i + 1, n_investigations, user_data);
    }

  if (ok)
    ok = sot_store_commit (store, error);
  else
    sot_store_rollback (store);

  sot_store_exec (store, "PRAGMA cache_size = -2000", NULL);

out:
  sot_store_set_uuid_func (store, NULL, NULL);
  g_free (gen.repeats);
  g_rand_free (gen.ctx.rand);
  sot_generator_due_free (gen.ctx.due);
  g_clear_object (&gen.ctx.checklist);

  return ok;
}
