/* sot-right6.h: Victims' Code Right 6 events and the deadlines to tell the victim of them
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-calendar.h"
#include "sot-store.h"

G_BEGIN_DECLS

/*
 * A Right 6 event (sot_right6_record()) is due to be told to the victim by the end of the 1st
 * working day after the event's UK calendar day with enhanced rights, else the 5th
 * (sot_right6_deadline()). An investigation with several victims takes the strictest limit:
 * enhanced if any victim had enhanced rights when the event happened (a victim who opted out
 * on a day after the event still had them). The limit is fixed when the event is recorded; a
 * later opt-out does not move it. An event day outside the bank-holiday table is an error
 * (%SOT_CALENDAR_ERROR_OUT_OF_RANGE), never a guess.
 */

/* Events after which the victim must be told (Victims' Code, Right 6). */
typedef enum {
  SOT_RIGHT6_ARREST,
  SOT_RIGHT6_INTERVIEW,
  SOT_RIGHT6_RELEASED,          /* released without charge */
  SOT_RIGHT6_BAIL,              /* bailed, or released under investigation */
  SOT_RIGHT6_BAIL_CHANGE,       /* bail conditions changed or cancelled */
  SOT_RIGHT6_NO_INVESTIGATION,  /* a decision not to investigate */
  SOT_RIGHT6_CHARGE,            /* decisions (CPS framework): charged */
  SOT_RIGHT6_NFA,               /* no further action */
  SOT_RIGHT6_OOCD,              /* out-of-court disposal */
  SOT_RIGHT6_DISCONTINUANCE,    /* CPS discontinuance or substantial alteration of charges */
  SOT_RIGHT6_N_EVENTS
} SotRight6Event;

/* Parses "arrest", "interview", "released", "bail", "bail-change", "no-investigation",
 * "charge", "nfa", "oocd", "discontinuance". */
gboolean      sot_right6_event_from_string   (const char     *text,
                                              SotRight6Event *event);
/* Returns: the stored name of @event. */
const char   *sot_right6_event_to_string     (SotRight6Event  event);
/* Returns: the translated description of @event. */
const char   *sot_right6_event_label         (SotRight6Event  event);

/**
 * sot_right6_deadline:
 * The day by whose end the victim must be told of @event, which happened at @when: the
 * limit of the Victims' Code rules (sot-victims-code.h: the 1st working day after the event's
 * UK calendar day with enhanced rights, else the 5th, for every event of the 2020 Code).
 */
gboolean      sot_right6_deadline            (SotCalendar    *self,
                                              SotRight6Event  event,
                                              GDateTime      *when,
                                              gboolean        enhanced,
                                              GDate          *due,
                                              GError        **error);

#define SOT_TYPE_RIGHT6_RECORD (sot_right6_record_get_type ())
G_DECLARE_FINAL_TYPE (SotRight6Record, sot_right6_record, SOT, RIGHT6_RECORD, GObject)

/* A Right 6 event and its deadline. The getters read the properties of the same names. */
const char  *sot_right6_record_get_uuid          (SotRight6Record *self);
SotRight6Event sot_right6_record_get_event       (SotRight6Record *self);
const char  *sot_right6_record_get_occurred_at   (SotRight6Record *self);  /* ISO 8601 UTC */
gint64       sot_right6_record_get_suspect_id    (SotRight6Record *self);  /* 0 when none */
gboolean     sot_right6_record_get_enhanced      (SotRight6Record *self);
const char  *sot_right6_record_get_due_on        (SotRight6Record *self);  /* YYYY-MM-DD */
const char  *sot_right6_record_get_deadline_uuid (SotRight6Record *self);
const char  *sot_right6_record_get_met_at        (SotRight6Record *self);

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

/* Returns: (transfer full): a #GListModel of #SotRight6Record, the events, in time order. */
GListModel  *sot_right6_list                      (SotStore        *store,
                                                   gint64           investigation_id,
                                                   GError         **error);

G_END_DECLS
