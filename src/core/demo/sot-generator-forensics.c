/* sot-generator-forensics.c: the forensic part of the fictional-case generator
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-generator"

#include "config.h"

#include "sot-device.h"
#include "sot-exhibit.h"
#include "sot-generator-forensics.h"
#include "sot-time.h"

#define STORE_HOLDER "Property store, Fictionton police station"
#define LAB_HOLDER   "Fictional Forensics Ltd (courier)"
#define LAB_NAME     "Fictional Forensics Ltd"
#define SARC_PLACE   "Fictionton SARC"

/* Sample types of the built-in catalogue with the windows it gives (complainant hours). The
 * chain check reads the real catalogue; these only steer how often a sample is late. */
typedef struct {
  const char *id;
  const char *description;
  int         hours;
} SampleKind;

static const SampleKind samples[] = {
  { "oral", "Oral swabs (two), sealed in a swab box", 48 },
  { "vaginal", "Vaginal swabs (high and low), sealed", 168 },
  { "anal", "Anal swabs, sealed", 72 },
  { "skin", "Skin swab from the neck, sealed", 48 },
  { "fingernails", "Fingernail cuttings, both hands, sealed", 48 },
  { "blood-toxicology", "Blood sample for toxicology", 72 },
  { "urine-toxicology", "Urine sample for toxicology", 120 },
};

static const char * const other_officers[] = {
  "DC Kit Storybrook", "DS Mo Practiseby", "PC Lou Nonesuch", "DC Pat Fabricant",
};

static const char * const tpm_holders[] = {
  "GP surgery (fictional)", "Counselling service (fictional)", "School (fictional)",
  "Children's social care (fictional)", "Sexual health clinic (fictional)",
};

typedef struct {
  SotGeneratorContext    *ctx;
  const SotGeneratorCase *gcase;
  GDateTime              *cap;        /* nothing is dated after this (UTC) */
  char                   *initials;
} Part;

static gboolean
after_cap (Part      *part,
           GDateTime *dt)
{
  return g_date_time_compare (dt, part->cap) > 0;
}

/* The time the case came to the police: 10:00 UK time on the report day, or two hours after
 * an offence the same evening. */
static GDateTime *
report_time (Part *part)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = g_date_time_new (tz, g_date_get_year (&part->gcase->reported),
                                                g_date_get_month (&part->gcase->reported),
                                                g_date_get_day (&part->gcase->reported),
                                                10, 0, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);
  GDateTime *latest = part->gcase->offence_until != NULL ? part->gcase->offence_until
                                                          : part->gcase->offence_from;

  if (g_date_time_compare (utc, latest) <= 0)
    return g_date_time_add_hours (latest, 2);

  return g_steal_pointer (&utc);
}

static gboolean
add_movement (Part              *part,
              SotExhibit        *exhibit,
              const char        *from,
              const char        *to,
              GDateTime         *when,
              const char        *place,
              const char        *purpose,
              const char        *corrects_uuid,
              const char        *reason,
              char             **out_uuid,
              GError           **error)
{
  g_autofree char *uuid = sot_generator_uuid (part->ctx);
  g_autofree char *moved_at = sot_time_format_utc (when);
  SotMovementDetails d = { 0 };

  d.uuid = uuid;
  d.from_holder = from;
  d.to_holder = to;
  d.moved_at = moved_at;
  d.place = place;
  d.purpose = purpose;
  d.corrects_uuid = corrects_uuid;
  d.correction_reason = reason;

  if (!sot_exhibit_append_movement (part->ctx->store, exhibit, &d, NULL, error))
    return FALSE;

  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);

  return TRUE;
}

/* Kinds of chain the generator makes, by share. */
typedef enum {
  CHAIN_CLEAN,
  CHAIN_WRONG_FROM,
  CHAIN_BACKWARDS,
  CHAIN_NEVER_STORED,
} ChainKind;

static ChainKind
pick_chain (Part *part)
{
  int r = sot_generator_range (part->ctx, 0, 100);

  if (r < 72)
    return CHAIN_CLEAN;
  if (r < 81)
    return CHAIN_WRONG_FROM;
  if (r < 90)
    return CHAIN_BACKWARDS;
  return CHAIN_NEVER_STORED;
}

static gboolean
record_lab (Part              *part,
            SotExhibit        *exhibit,
            GDateTime         *submitted,
            GDateTime         *result,
            GError           **error)
{
  static const char * const results[] = {
    "DNA profile obtained (fictional)", "No DNA profile (fictional)",
    "Mixed profile, partial (fictional)", "Negative for drugs (fictional)",
  };
  g_autoptr(SotExhibit) copy = sot_exhibit_copy (exhibit);
  g_autofree char *submitted_at = sot_time_format_utc (submitted);

  sot_exhibit_set_lab_name (copy, LAB_NAME);
  sot_exhibit_set_lab_submitted_at (copy, submitted_at);
  if (!after_cap (part, result))
    {
      g_autofree char *result_at = sot_time_format_utc (result);

      sot_exhibit_set_lab_result (copy, results[sot_generator_range (part->ctx, 0,
                                                                     G_N_ELEMENTS (results))]);
      sot_exhibit_set_lab_result_at (copy, result_at);
    }

  return sot_exhibit_update (part->ctx->store, copy, NULL, error);
}

static gboolean
add_chain (Part              *part,
           SotExhibit        *exhibit,
           GDateTime         *seized,
           gboolean          to_lab,
           GError           **error)
{
  const char *officer = sot_exhibit_get_seized_by (exhibit);
  const char *other = other_officers[sot_generator_range (part->ctx, 0,
                                                          G_N_ELEMENTS (other_officers))];
  ChainKind kind = pick_chain (part);
  g_autoptr(GDateTime) t1 =
    g_date_time_add_minutes (seized, sot_generator_range (part->ctx, 60, 360));
  g_autoptr(GDateTime) t2 = g_date_time_add_hours (t1, sot_generator_range (part->ctx, 20, 240));
  g_autoptr(GDateTime) t3 = g_date_time_add_hours (t2, sot_generator_range (part->ctx, 240, 1400));
  gboolean correct_first = kind == CHAIN_CLEAN && sot_generator_chance (part->ctx, 0.05);
  g_autofree char *first_uuid = NULL;

  if (after_cap (part, t1))
    return TRUE;

  if (kind == CHAIN_NEVER_STORED)
    {
      /* Handed from officer to officer and sent away, never booked in. */
      if (!add_movement (part, exhibit, officer, other, t1, "Fictionton police station",
                         SOT_MOVEMENT_TRANSFER, NULL, NULL, NULL, error))
        return FALSE;
      if (after_cap (part, t2))
        return TRUE;
      return add_movement (part, exhibit, other, LAB_HOLDER, t2, "Fictionton police station",
                           SOT_MOVEMENT_LABORATORY, NULL, NULL, NULL, error);
    }

  if (!add_movement (part, exhibit, officer, STORE_HOLDER, t1,
                     correct_first ? "Fictionton SARC store" : "Fictionton police station",
                     SOT_MOVEMENT_STORAGE, NULL, NULL, &first_uuid, error))
    return FALSE;

  if (correct_first &&
      !add_movement (part, exhibit, officer, STORE_HOLDER, t1, "Fictionton police station",
                     SOT_MOVEMENT_STORAGE, first_uuid, "Place typed wrongly", NULL, error))
    return FALSE;

  if (!to_lab)
    return TRUE;

  if (kind == CHAIN_BACKWARDS)
    {
      g_autoptr(GDateTime) back =
        g_date_time_add_hours (t1, -sot_generator_range (part->ctx, 1, 6));

      return add_movement (part, exhibit, STORE_HOLDER, LAB_HOLDER, back,
                           "Fictionton police station", SOT_MOVEMENT_LABORATORY,
                           NULL, NULL, NULL, error);
    }

  if (after_cap (part, t2))
    return TRUE;

  if (!add_movement (part, exhibit, kind == CHAIN_WRONG_FROM ? other : STORE_HOLDER, LAB_HOLDER,
                     t2, "Fictionton police station", SOT_MOVEMENT_LABORATORY,
                     NULL, NULL, NULL, error))
    return FALSE;

  /* The laboratory's side is recorded on half the exhibits sent (the rest await it). */
  if (sot_generator_chance (part->ctx, 0.5) && !record_lab (part, exhibit, t2, t3, error))
    return FALSE;

  if (after_cap (part, t3))
    return TRUE;

  return add_movement (part, exhibit, LAB_HOLDER, STORE_HOLDER, t3, "Fictionton police station",
                       SOT_MOVEMENT_STORAGE, NULL, NULL, NULL, error);
}

static gboolean
add_exhibit (Part              *part,
             gint64             parent_id,
             const char        *description,
             const char        *sample_type,
             GDateTime         *seized,
             const char        *place,
             SotExhibit       **out,
             GError           **error)
{
  g_autofree char *uuid = sot_generator_uuid (part->ctx);
  g_autofree char *seized_at = sot_time_format_utc (seized);
  g_autofree char *seal = g_strdup_printf ("FX%07d", sot_generator_range (part->ctx, 0, 10000000));
  SotExhibitDetails d = { 0 };

  d.uuid = uuid;
  d.parent_id = parent_id;
  d.officer_initials = part->initials;
  d.description = description;
  d.sample_type = sample_type;
  d.sampled_from = sample_type != NULL ? "complainant" : NULL;
  d.seized_by = part->gcase->officer;
  d.seized_at = seized_at;
  d.seized_place = place;
  d.seal_number = seal;

  return sot_exhibit_add (part->ctx->store, part->gcase->investigation_id, &d, out, error);
}

static gboolean
add_exhibits (Part       *part,
              GDateTime  *reported,
              GError    **error)
{
  GDateTime *offence = part->gcase->offence_from;
  GTimeSpan delay = g_date_time_difference (reported, offence);
  g_autoptr(GDateTime) exam =
    g_date_time_add_hours (reported, sot_generator_range (part->ctx, 1, 30));
  guint n_samples;

  /* Clothing is seized whenever the report comes; samples only within ten days of the offence. */
  {
    g_autoptr(SotExhibit) clothing = NULL;
    g_autoptr(GDateTime) seized =
      g_date_time_add_minutes (reported, sot_generator_range (part->ctx, 30, 240));

    if (after_cap (part, seized))
      return TRUE;

    if (!add_exhibit (part, 0, "Clothing worn at the time (top, trousers), bagged separately",
                      sot_generator_chance (part->ctx, 0.5) ? "clothing-fibres" : NULL,
                      seized, "Victim's home (fictional address)", &clothing, error) ||
        !add_chain (part, clothing, seized, sot_generator_chance (part->ctx, 0.6), error))
      return FALSE;
  }

  if (delay > 10 * G_TIME_SPAN_DAY || after_cap (part, exam))
    return TRUE;

  n_samples = sot_generator_range (part->ctx, 1, 4);
  for (guint i = 0; i < n_samples; i++)
    {
      const SampleKind *kind = &samples[sot_generator_range (part->ctx, 0, G_N_ELEMENTS (samples))];
      g_autoptr(GDateTime) taken = g_date_time_add_minutes (exam, 10 * i);
      g_autoptr(SotExhibit) exhibit = NULL;

      if (!add_exhibit (part, 0, kind->description, kind->id, taken, SARC_PLACE, &exhibit, error) ||
          !add_chain (part, exhibit, taken, TRUE, error))
        return FALSE;
    }

  /* An early evidence kit with its parts as sub-exhibits. */
  if (sot_generator_chance (part->ctx, 0.3))
    {
      g_autoptr(SotExhibit) kit = NULL;
      g_autoptr(SotExhibit) rinse = NULL;
      g_autoptr(SotExhibit) urine = NULL;
      g_autoptr(GDateTime) taken =
        g_date_time_add_minutes (reported, sot_generator_range (part->ctx, 10, 90));

      if (after_cap (part, taken))
        return TRUE;

      if (!add_exhibit (part, 0, "Early evidence kit, consent form signed", "early-evidence-kit",
                        taken, "Fictionton police station", &kit, error) ||
          !add_exhibit (part, sot_exhibit_get_id (kit), "Mouth rinse from the early evidence kit",
                        NULL, taken, "Fictionton police station", &rinse, error) ||
          !add_exhibit (part, sot_exhibit_get_id (kit), "Urine sample from the early evidence kit",
                        "urine-toxicology", taken, "Fictionton police station", &urine, error) ||
          !add_chain (part, kit, taken, FALSE, error) ||
          !add_chain (part, rinse, taken, TRUE, error) ||
          !add_chain (part, urine, taken, TRUE, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_devices (Part       *part,
             GDateTime  *reported,
             GError    **error)
{
  if (sot_generator_chance (part->ctx, 0.3))
    {
      g_autofree char *uuid = sot_generator_uuid (part->ctx);
      g_autoptr(GDateTime) taken =
        g_date_time_add_minutes (reported, sot_generator_range (part->ctx, 30, 360));
      int r = sot_generator_range (part->ctx, 0, 100);
      /* Most phones come back within a day; some are kept for days. */
      int held_hours = r < 62 ? sot_generator_range (part->ctx, 3, 24)
                              : sot_generator_range (part->ctx, 25, 400);
      g_autoptr(GDateTime) returned = g_date_time_add_minutes (taken, held_hours * 60 - 5);
      g_autofree char *taken_at = sot_time_format_utc (taken);
      g_autofree char *returned_at =
        after_cap (part, returned) ? NULL : sot_time_format_utc (returned);
      g_autofree char *notice_on = NULL;
      g_autofree char *scope_from = NULL;
      g_autofree char *scope_until = NULL;
      SotDeviceDetails d = { 0 };
      GDate day, from_day;

      if (after_cap (part, taken))
        return TRUE;

      sot_date_from_time (taken, &day);
      notice_on = sot_date_format (&day);
      sot_date_from_time (part->gcase->offence_from, &from_day);
      scope_until = sot_date_format (&from_day);
      g_date_subtract_days (&from_day, sot_generator_range (part->ctx, 1, 30));
      scope_from = sot_date_format (&from_day);

      d.uuid = uuid;
      d.owner_role = SOT_DEVICE_OWNER_VICTIM;
      d.description = "Victim's mobile phone (fictional)";
      d.legal_basis = SOT_LEGAL_BASIS_S37_AGREEMENT;
      d.written_notice_on = notice_on;
      d.dpn_variant = SOT_DPN_A;
      d.dpn_given_on = notice_on;
      d.line_of_enquiry = "Messages from the suspect arranging to meet on the day (fictional)";
      d.scope_data_types = "Messages and call log with the suspect";
      d.scope_from = scope_from;
      d.scope_until = scope_until;
      d.extraction_level = sot_generator_chance (part->ctx, 0.7) ? SOT_EXTRACTION_SELECTIVE
                                                                : SOT_EXTRACTION_LOGICAL;
      d.taken_at = taken_at;
      d.returned_at = returned_at;
      d.swap_out_given = held_hours > 24 && sot_generator_chance (part->ctx, 0.4);

      if (!sot_device_add (part->ctx->store, part->gcase->investigation_id, &d, NULL, error))
        return FALSE;
    }

  if (part->gcase->suspect_ids != NULL && part->gcase->suspect_ids->len > 0 &&
      sot_generator_chance (part->ctx, 0.2))
    {
      g_autofree char *uuid = sot_generator_uuid (part->ctx);
      g_autoptr(GDateTime) taken =
        g_date_time_add_hours (reported, sot_generator_range (part->ctx, 4, 240));
      g_autoptr(GDateTime) returned =
        g_date_time_add_hours (taken, sot_generator_range (part->ctx, 200, 4000));
      g_autofree char *taken_at = sot_time_format_utc (taken);
      g_autofree char *returned_at =
        after_cap (part, returned) ? NULL : sot_time_format_utc (returned);
      g_autofree char *dpn_on = NULL;
      SotDeviceDetails d = { 0 };
      GDate day;

      if (after_cap (part, taken))
        return TRUE;

      sot_date_from_time (taken, &day);
      dpn_on = sot_date_format (&day);

      d.uuid = uuid;
      d.owner_role = SOT_DEVICE_OWNER_SUSPECT;
      d.description = "Suspect's mobile phone, seized on arrest (fictional)";
      d.legal_basis = SOT_LEGAL_BASIS_SEIZURE;
      d.dpn_variant = SOT_DPN_C;
      d.dpn_given_on = dpn_on;
      d.line_of_enquiry = "Contact with the victim before and after the offence (fictional)";
      d.scope_data_types = "Messages, call log, photographs, location history";
      d.extraction_level = sot_generator_chance (part->ctx, 0.5) ? SOT_EXTRACTION_LOGICAL
                                                                : SOT_EXTRACTION_FILE_SYSTEM;
      d.taken_at = taken_at;
      d.returned_at = returned_at;

      if (!sot_device_add (part->ctx->store, part->gcase->investigation_id, &d, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_requests (Part       *part,
              GDateTime  *reported,
              GError    **error)
{
  g_autofree char *uuid = NULL;
  g_autoptr(SotThirdPartyRequest) request = NULL;
  g_autofree char *requested_on = NULL;
  g_autofree char *notified_on = NULL;
  SotThirdPartyDetails d = { 0 };
  guint holder;
  GDate day;

  if (!sot_generator_chance (part->ctx, 0.12))
    return TRUE;

  uuid = sot_generator_uuid (part->ctx);
  holder = sot_generator_range (part->ctx, 0, G_N_ELEMENTS (tpm_holders));
  sot_date_from_time (reported, &day);
  g_date_add_days (&day, sot_generator_range (part->ctx, 3, 40));
  {
    GDate today = part->ctx->today;

    if (g_date_compare (&day, &today) >= 0)
      return TRUE;
  }
  requested_on = sot_date_format (&day);
  if (sot_generator_chance (part->ctx, 0.85))
    notified_on = g_strdup (requested_on);

  d.uuid = uuid;
  d.holder = tpm_holders[holder];
  d.material = holder == 1 ? "Notes of counselling sessions after the offence"
                           : "Records of the disclosure made by the victim";
  d.reason = "Reasonable line of enquiry: the timing of the first account (fictional)";
  d.necessity_note = "Limited to the dates of first disclosure; less intrusive sources tried first";
  d.counselling = holder == 1;
  d.probative_value_note = holder == 1
                           ? "Record of first account said to differ (fictional)" : NULL;
  d.npcc_form_used = TRUE;
  d.requested_on = requested_on;
  d.victim_notified_on = notified_on;

  if (!sot_third_party_request_add (part->ctx->store, part->gcase->investigation_id, &d,
                                    &request, error))
    return FALSE;

  if (sot_generator_chance (part->ctx, 0.6))
    {
      static const char * const outcomes[] = {
        SOT_TPM_RECEIVED, SOT_TPM_RECEIVED, SOT_TPM_PARTIAL, SOT_TPM_REFUSED, SOT_TPM_WITHDRAWN,
      };
      g_autofree char *outcome_on = NULL;
      int outcome;

      g_date_add_days (&day, sot_generator_range (part->ctx, 5, 60));
      if (g_date_compare (&day, &part->ctx->today) >= 0)
        return TRUE;
      outcome_on = sot_date_format (&day);
      outcome = sot_generator_range (part->ctx, 0, G_N_ELEMENTS (outcomes));

      if (!sot_third_party_request_set_outcome (part->ctx->store, request, outcomes[outcome],
                                                outcome_on, NULL, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
sot_generator_part_forensics (SotGeneratorContext     *ctx,
                              const SotGeneratorCase  *gcase,
                              GError                 **error)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) cap_local = NULL;
  g_autoptr(GDateTime) cap = NULL;
  g_autoptr(GDateTime) reported = NULL;
  g_autofree char *initials = NULL;
  Part part = { 0 };
  gboolean exhibits, devices;

  g_return_val_if_fail (ctx != NULL, FALSE);
  g_return_val_if_fail (gcase != NULL, FALSE);

  /* The draws that decide what a case gets come first, always in this order. */
  exhibits = sot_generator_chance (ctx, 0.25);
  devices = sot_generator_chance (ctx, 0.6);

  if (!exhibits && !devices)
    return TRUE;

  cap_local = g_date_time_new (tz, g_date_get_year (&ctx->today), g_date_get_month (&ctx->today),
                               g_date_get_day (&ctx->today), 0, 0, 0);
  cap = g_date_time_to_utc (cap_local);
  initials = sot_exhibit_initials_from_name (gcase->officer);
  if (*initials == '\0')
    {
      g_free (initials);
      initials = g_strdup ("XX");
    }

  part.ctx = ctx;
  part.gcase = gcase;
  part.cap = cap;
  part.initials = initials;
  reported = report_time (&part);

  if (after_cap (&part, reported))
    return TRUE;

  if (exhibits && !add_exhibits (&part, reported, error))
    return FALSE;

  if (devices && (!add_devices (&part, reported, error) || !add_requests (&part, reported, error)))
    return FALSE;

  return TRUE;
}
