/* sot-victim-contact.h: the agreed contact cadence and channel, and the contact log
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/*
 * - The agreed cadence (sot_victim_set_preference()) keeps one open deadline of kind
 *   "cadence" per victim: due at the end of the UK day that is frequency_days calendar days
 *   after the later of the latest contact with the victim and the agreement itself. Every
 *   contact logged with the victim is an update: it meets the open cadence deadline and opens
 *   the next one.
 * - A contact meets the Right 6 deadlines it says it covers (met_at = the contact's time, so
 *   a late contact is visibly late: met_at > due_at). It cannot cover an event that happened
 *   after it, nor a deadline of another investigation.
 *
 * Every write runs in its own transaction (nesting inside a caller's), appends an audit row
 * for the record it collects or alters and queues a #SotStore::changed for it; when an
 * investigation's deadlines change it also queues (%SOT_ENTITY_INVESTIGATION, alter, its
 * UUID) so the investigation list reloads next-deadline.
 */

/* Contact channels, as stored. */
#define SOT_CHANNEL_PHONE     "phone"
#define SOT_CHANNEL_EMAIL     "email"
#define SOT_CHANNEL_LETTER    "letter"
#define SOT_CHANNEL_IN_PERSON "in-person"
#define SOT_CHANNEL_VIDEO     "video"
#define SOT_CHANNEL_TEXT      "text"
#define SOT_CHANNEL_VIA_ISVA  "via-isva"

/* Returns: (transfer none) (element-type utf8): the channels in display order, %NULL-terminated. */
const char * const *sot_contact_channels          (void);
/* Returns: the translated label of @channel ("Phone", …); @channel itself when unknown. */
const char  *sot_contact_channel_label            (const char *channel);

/* --- The agreed cadence and channel --- */

/* One agreement on how often and how the victim is updated. */
#define SOT_TYPE_CONTACT_PREFERENCE (sot_contact_preference_get_type ())
G_DECLARE_FINAL_TYPE (SotContactPreference, sot_contact_preference, SOT, CONTACT_PREFERENCE,
                      GObject)

/* One agreement on updates. The getters read the properties of the same names. */
const char  *sot_contact_preference_get_uuid           (SotContactPreference *self);
guint        sot_contact_preference_get_frequency_days (SotContactPreference *self);
const char  *sot_contact_preference_get_channel        (SotContactPreference *self);
const char  *sot_contact_preference_get_changed_at     (SotContactPreference *self);
const char  *sot_contact_preference_get_changed_by     (SotContactPreference *self);

/**
 * sot_victim_set_preference:
 * Records a new agreement (update every @frequency_days calendar days, by @channel) made at
 * @at (%NULL: now), keeping the earlier ones as history, and moves the victim's cadence
 * deadline to match. @uuid may be %NULL for a random one.
 */
gboolean     sot_victim_set_preference            (SotStore    *store,
                                                   gint64       victim_id,
                                                   guint        frequency_days,
                                                   const char  *channel,
                                                   GDateTime   *at,
                                                   const char  *uuid,
                                                   GError     **error);

/**
 * sot_victim_preference_history:
 * Returns: (transfer full): a #GListModel of #SotContactPreference, the agreements, newest first.
 */
GListModel  *sot_victim_preference_history        (SotStore    *store,
                                                   gint64       victim_id,
                                                   GError     **error);

/* --- The contact log --- */

typedef struct {
  const char        *uuid;          /* %NULL: a random one */
  gint64             victim_id;     /* 0: the investigation's first victim */
  GDateTime         *at;            /* %NULL: now */
  const char        *channel;       /* SOT_CHANNEL_* */
  const char        *who;           /* the officer or staff member */
  gboolean           isva_present;
  const char        *summary;       /* what was communicated, free text; may be %NULL */
  const char * const *covers;       /* deadline UUIDs the contact covers, %NULL-terminated */
} SotContactDetails;

#define SOT_TYPE_VICTIM_CONTACT (sot_victim_contact_get_type ())
G_DECLARE_FINAL_TYPE (SotVictimContact, sot_victim_contact, SOT, VICTIM_CONTACT, GObject)

/* A contact with the victim. The getters read the properties of the same names. */
const char  *sot_victim_contact_get_uuid         (SotVictimContact *self);
const char  *sot_victim_contact_get_contact_at   (SotVictimContact *self);
const char  *sot_victim_contact_get_channel      (SotVictimContact *self);
const char  *sot_victim_contact_get_who          (SotVictimContact *self);
gboolean     sot_victim_contact_get_isva_present (SotVictimContact *self);
const char  *sot_victim_contact_get_summary      (SotVictimContact *self);  /* or %NULL */
const char * const*sot_victim_contact_get_covered(SotVictimContact *self);
gint64       sot_victim_contact_get_victim_id    (SotVictimContact *self);

/**
 * sot_victim_contact_log:
 * Logs a contact with the victim: meets the deadlines it covers and the open cadence deadline,
 * and opens the next cadence deadline. Writes nothing and fails with %SOT_STORE_ERROR_INVALID
 * when a covered deadline is unknown, of another investigation, or for an event after the
 * contact.
 */
gboolean     sot_victim_contact_log               (SotStore                *store,
                                                   gint64                   investigation_id,
                                                   const SotContactDetails *details,
                                                   char                   **out_uuid,
                                                   GError                 **error);

/* Returns: (transfer full): a #GListModel of #SotVictimContact, the contacts, newest first. */
GListModel  *sot_victim_contact_list              (SotStore                *store,
                                                   gint64                   investigation_id,
                                                   GError                 **error);

G_END_DECLS
