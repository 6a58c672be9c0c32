/* sot-victim-contact.h: Victims' Code rights, Right 6 deadlines, the contact log and letters
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-calendar.h"
#include "sot-store.h"

G_BEGIN_DECLS

/*
 * The rules, in one place:
 *
 * - A Right 6 event (sot_right6_record()) is due to be told to the victim by the end of the
 *   1st working day after the event's UK calendar day with enhanced rights, else the 5th
 *   (sot_right6_deadline()). An investigation with several victims takes the strictest limit:
 *   enhanced if any victim had enhanced rights when the event happened (a victim who opted out
 *   on a day after the event still had them). The limit is fixed when the event is recorded;
 *   a later opt-out does not move it. An event day outside the bank-holiday table is an error
 *   (%SOT_CALENDAR_ERROR_OUT_OF_RANGE), never a guess.
 * - The agreed cadence (sot_victim_set_preference()) keeps one open deadline of kind
 *   "cadence" per victim: due at the end of the UK day that is frequency_days calendar days
 *   after the later of the latest contact with the victim and the agreement itself. Every
 *   contact logged with the victim is an update: it meets the open cadence deadline and opens
 *   the next one.
 * - A contact meets the Right 6 deadlines it says it covers (met_at = the contact's time, so
 *   a late contact is visibly late: met_at > due_at). It cannot cover an event that happened
 *   after it, nor a deadline of another investigation.
 * - Deadlines are stored with due_at = the end of the due day (23:59:59 UK time) in UTC.
 *   "Overdue" means the due day is before today (UK); "due today" is today; "due soon" is one
 *   of the next 7 calendar days after today (the "this week" of the Due view).
 *
 * Every write runs in its own transaction (nesting inside a caller's), appends an audit row
 * for the record it collects or alters and queues a #SotStore::changed for it; when an
 * investigation's deadlines change it also queues ("investigation", alter, its UUID) so the
 * investigation list reloads next-deadline. Entity types are the table names.
 */

/* Contact channels, as stored. */
#define SOT_CHANNEL_PHONE     "phone"
#define SOT_CHANNEL_EMAIL     "email"
#define SOT_CHANNEL_LETTER    "letter"
#define SOT_CHANNEL_IN_PERSON "in-person"
#define SOT_CHANNEL_VIDEO     "video"
#define SOT_CHANNEL_TEXT      "text"
#define SOT_CHANNEL_VIA_ISVA  "via-isva"

/* The JNAP victim letters, as stored. */
#define SOT_LETTER_HELLO           "hello"
#define SOT_LETTER_POINT_OF_CHARGE "point-of-charge"
#define SOT_LETTER_NFA             "nfa"

/* Deadline kinds written by this module and sot-cps.c. */
#define SOT_DEADLINE_RIGHT6_PREFIX "right6:"
#define SOT_DEADLINE_CADENCE       "cadence"
#define SOT_DEADLINE_CPS_ACTION    "cps-action"

/* How many calendar days after today count as "due soon" (the Due view's "this week"). */
#define SOT_DEADLINE_SOON_DAYS 7

typedef enum {
  SOT_DEADLINE_OVERDUE,    /* open, due day before today */
  SOT_DEADLINE_DUE_TODAY,  /* open, due by the end of today */
  SOT_DEADLINE_DUE_SOON,   /* open, due within SOT_DEADLINE_SOON_DAYS after today */
  SOT_DEADLINE_LATER,      /* open, due after that */
  SOT_DEADLINE_MET,        /* met on time */
  SOT_DEADLINE_MET_LATE,   /* met after its due time */
} SotDeadlineState;

/* Returns: (transfer none) (element-type utf8): the channels in display order, %NULL-terminated. */
const char * const *sot_contact_channels          (void);
/* Returns: the translated label of @channel ("Phone", …); @channel itself when unknown. */
const char  *sot_contact_channel_label            (const char *channel);
/* Returns: (transfer none): the letter kinds, %NULL-terminated. */
const char * const *sot_victim_letter_kinds       (void);
/* Returns: the translated name of a letter kind ("“Hello” letter", …). */
const char  *sot_victim_letter_label              (const char *kind);

/**
 * sot_victim_contact_calendar:
 * The bank-holiday calendar shared by the core (loaded once; it never changes).
 * Returns: (transfer none): the calendar, or %NULL with @error set.
 */
SotCalendar *sot_victim_contact_calendar          (GError    **error);

/**
 * sot_deadline_end_of_day:
 * Returns: (transfer full): the end of @day (23:59:59 UK time) as stored, "…T…Z" in UTC.
 */
char        *sot_deadline_end_of_day              (const GDate *day);

/**
 * sot_deadline_state_for:
 * The state of a deadline due at @due_at (stored form), met at @met_at (or %NULL), at @now.
 */
SotDeadlineState sot_deadline_state_for           (const char *due_at,
                                                   const char *met_at,
                                                   GDateTime  *now);

/* Returns: the translated title of a deadline kind ("Tell the victim: suspect arrested", …). */
char        *sot_deadline_kind_title              (const char *kind);

/* SotDeadline: one row of the deadline table, with its case, for the Victim page and Due view. */
#define SOT_TYPE_DEADLINE (sot_deadline_get_type ())
G_DECLARE_FINAL_TYPE (SotDeadline, sot_deadline, SOT, DEADLINE, GObject)

const char  *sot_deadline_get_uuid                (SotDeadline *self);
const char  *sot_deadline_get_kind                (SotDeadline *self);
const char  *sot_deadline_get_source_uuid         (SotDeadline *self);
const char  *sot_deadline_get_investigation_uuid  (SotDeadline *self);
const char  *sot_deadline_get_crime_reference     (SotDeadline *self);
const char  *sot_deadline_get_officer             (SotDeadline *self);
/* Stored ISO 8601 UTC; met-at is %NULL while open. */
const char  *sot_deadline_get_due_at              (SotDeadline *self);
const char  *sot_deadline_get_met_at              (SotDeadline *self);
/* Translated: what must be done ("Tell the victim: suspect arrested"). */
const char  *sot_deadline_get_title               (SotDeadline *self);
/* Translated: when ("Due 11 Mar 2024", "Overdue since 11 Mar 2024", "Met 10 Mar 2024 14:00"). */
const char  *sot_deadline_get_when_text           (SotDeadline *self);
/* The state when the deadline was loaded. */
SotDeadlineState sot_deadline_get_state           (SotDeadline *self);

/**
 * sot_deadline_list_for_investigation:
 * The deadlines of one investigation, earliest due first (ties by insertion), at the store's
 * clock. With @open_only, only those not met.
 * Returns: (transfer full): a #GListModel of #SotDeadline, or %NULL with @error set.
 */
GListModel  *sot_deadline_list_for_investigation  (SotStore    *store,
                                                   gint64       investigation_id,
                                                   gboolean     open_only,
                                                   GError     **error);

/**
 * sot_deadline_list_due:
 * The Due view: open deadlines of every investigation that are overdue, due today or due
 * within %SOT_DEADLINE_SOON_DAYS after today (store clock), overdue first, then by due time
 * (ties by insertion). With @officer, only investigations whose officer in the case is
 * @officer (compared without case).
 * Returns: (transfer full): a #GListModel of #SotDeadline, or %NULL with @error set.
 */
GListModel  *sot_deadline_list_due                (SotStore    *store,
                                                   const char  *officer,
                                                   GError     **error);

/**
 * sot_deadline_add:
 * For the core's writers: adds an open deadline due at the end of @due_day, inside the
 * caller's transaction (the caller audits the record the deadline comes from). @uuid may be
 * %NULL for a random one.
 */
gboolean     sot_deadline_add                     (SotStore    *store,
                                                   gint64       investigation_id,
                                                   const char  *kind,
                                                   const char  *source_uuid,
                                                   const GDate *due_day,
                                                   const char  *uuid,
                                                   GError     **error);

/**
 * sot_derive_uuid:
 * Returns: (transfer full): a name-based UUID made from @base and @name (SHA-1, version 5
 * layout), so records derived from a record have stable identities (the generator's
 * determinism, merges).
 */
char        *sot_derive_uuid                      (const char  *base,
                                                   const char  *name);

/* --- Victims: enhanced rights, agreed cadence and channel --- */

/* A victim of an investigation as this module sees it (no identifier). */
typedef struct {
  gint64   id;
  char    *uuid;
  gboolean enhanced;
  char    *opt_out_on;        /* YYYY-MM-DD or %NULL */
  guint    frequency_days;    /* 0 when no cadence is agreed */
  char    *channel;           /* or %NULL */
} SotVictimInfo;

void         sot_victim_info_free                 (SotVictimInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotVictimInfo, sot_victim_info_free)

/**
 * sot_victim_info_list:
 * Returns: (transfer full) (element-type SotVictimInfo): the victims of the investigation, in
 * the order they were recorded, or %NULL with @error set.
 */
GPtrArray   *sot_victim_info_list                 (SotStore    *store,
                                                   gint64       investigation_id,
                                                   GError     **error);

/**
 * sot_victim_set_enhanced:
 * Records whether the victim has enhanced rights. Turning them off is an opt-out and needs
 * its date @opt_out_on (YYYY-MM-DD); turning them on clears it. Audited as an alteration of
 * the victim with @reason (may be %NULL). Deadlines already computed do not move.
 */
gboolean     sot_victim_set_enhanced              (SotStore    *store,
                                                   gint64       victim_id,
                                                   gboolean     enhanced,
                                                   const char  *opt_out_on,
                                                   const char  *reason,
                                                   GError     **error);

/* One agreement on how often and how the victim is updated. */
typedef struct {
  char  *uuid;
  guint  frequency_days;
  char  *channel;
  char  *changed_at;          /* ISO 8601 UTC */
  char  *changed_by;
} SotContactPreference;

void         sot_contact_preference_free          (SotContactPreference *preference);

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
 * Returns: (transfer full) (element-type SotContactPreference): the agreements, newest first.
 */
GPtrArray   *sot_victim_preference_history        (SotStore    *store,
                                                   gint64       victim_id,
                                                   GError     **error);

/* --- ISVA --- */

typedef struct {
  const char *uuid;           /* %NULL: a random one (add); the record to change (update) */
  const char *service;        /* required */
  const char *name;           /* the adviser, a staff name; may be %NULL */
  gboolean    consent_to_share;
  const char *consent_on;     /* YYYY-MM-DD or %NULL */
  const char *referred_on;
  const char *ended_on;
} SotIsvaDetails;

typedef struct {
  char    *uuid;
  gint64   victim_id;
  char    *service;
  char    *name;
  gboolean consent_to_share;
  char    *consent_on;
  char    *referred_on;
  char    *ended_on;
} SotIsva;

void         sot_isva_free                        (SotIsva *isva);

/* Adds the ISVA supporting @victim_id (a *collect* audit row). */
gboolean     sot_isva_add                         (SotStore             *store,
                                                   gint64                victim_id,
                                                   const SotIsvaDetails *details,
                                                   GError              **error);
/* Changes the ISVA named by @details->uuid (an *alter* audit row). */
gboolean     sot_isva_update                      (SotStore             *store,
                                                   const SotIsvaDetails *details,
                                                   GError              **error);
/* Returns: (transfer full) (element-type SotIsva): the ISVAs of the investigation. */
GPtrArray   *sot_isva_list                        (SotStore             *store,
                                                   gint64                investigation_id,
                                                   GError              **error);

/* --- Right 6 events --- */

typedef struct {
  char           *uuid;
  SotRight6Event  event;
  char           *occurred_at;    /* ISO 8601 UTC */
  gint64          suspect_id;     /* 0 when none */
  gboolean        enhanced;
  char           *due_on;         /* YYYY-MM-DD */
  char           *deadline_uuid;
  char           *met_at;         /* or %NULL while the victim has not been told */
} SotRight6Record;

void         sot_right6_record_free               (SotRight6Record *record);

/**
 * sot_right6_record:
 * Records that @event happened at @occurred_at (about @suspect_id, or 0), computes its
 * deadline with sot_right6_deadline() and writes it to the deadline table (kind
 * "right6:<event>"). Fails with %SOT_CALENDAR_ERROR_OUT_OF_RANGE for a day outside the
 * bank-holiday table, %SOT_STORE_ERROR_INVALID for a suspect of another investigation, and
 * writes nothing then. @uuid may be %NULL; the new record's UUID goes to @out_uuid.
 */
gboolean     sot_right6_record                    (SotStore        *store,
                                                   gint64           investigation_id,
                                                   SotRight6Event   event,
                                                   GDateTime       *occurred_at,
                                                   gint64           suspect_id,
                                                   const char      *uuid,
                                                   char           **out_uuid,
                                                   GError         **error);

/* Returns: (transfer full) (element-type SotRight6Record): the events, in time order. */
GPtrArray   *sot_right6_list                      (SotStore        *store,
                                                   gint64           investigation_id,
                                                   GError         **error);

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

typedef struct {
  char     *uuid;
  char     *contact_at;
  char     *channel;
  char     *who;
  gboolean  isva_present;
  char     *summary;                /* or %NULL */
  GStrv     covered;                /* what it told of, translated ("Suspect arrested", …) */
  gint64    victim_id;              /* the victim contacted; 0 when not recorded */
} SotVictimContact;

void         sot_victim_contact_free              (SotVictimContact *contact);

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

/* Returns: (transfer full) (element-type SotVictimContact): the contacts, newest first. */
GPtrArray   *sot_victim_contact_list              (SotStore                *store,
                                                   gint64                   investigation_id,
                                                   GError                 **error);

/* --- Letters --- */

typedef struct {
  char *uuid;
  char *kind;
  char *sent_on;
  char *sent_by;
  gint64 victim_id;  /* the victim written to; 0 when not recorded */
} SotVictimLetter;

void         sot_victim_letter_free               (SotVictimLetter *letter);

/**
 * sot_victim_letter_add:
 * Records that the letter @kind was sent on @sent_on (YYYY-MM-DD) by @sent_by, to
 * @victim_id (0: the first victim). @uuid may be %NULL.
 */
gboolean     sot_victim_letter_add                (SotStore    *store,
                                                   gint64       investigation_id,
                                                   gint64       victim_id,
                                                   const char  *kind,
                                                   const char  *sent_on,
                                                   const char  *sent_by,
                                                   const char  *uuid,
                                                   GError     **error);

/* Returns: (transfer full) (element-type SotVictimLetter): the letters, in date order. */
GPtrArray   *sot_victim_letter_list               (SotStore    *store,
                                                   gint64       investigation_id,
                                                   GError     **error);

G_END_DECLS
