/* sot-cps.h: joint working with the Crown Prosecution Service (early advice to charge)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/*
 * Early advice and the 21-day flag (CPS National Operating Model, July 2023: early advice
 * offered within 21 days). The day of the request is day 0; advice is "within 21 days" when it
 * is given on or before day 21. So advice given on day 21 is not flagged, on day 22 it is; and
 * advice still not given is flagged from day 22 (today - requested > 21), never before.
 *
 * Decisions are per suspect (the CPS counts suspects, DOMAIN.md §4.2); a suspect's latest
 * decision supersedes earlier ones. Legal decisions (the denominator of the CPS charge rate)
 * are charge, both NFAs and out-of-court disposal; administratively finalised and other are not.
 *
 * Writes follow the core's one path: a transaction, an audit row (entity type = table name),
 * a queued #SotStore::changed. Action items with a due date also keep a deadline of kind
 * "cps-action" (met when the item is done, removed when it is cancelled).
 */

#define SOT_CPS_EARLY_ADVICE_DAYS 21

typedef enum {
  SOT_CPS_CHARGE,
  SOT_CPS_NFA_EVIDENTIAL,
  SOT_CPS_NFA_PUBLIC_INTEREST,
  SOT_CPS_OUT_OF_COURT_DISPOSAL,
  SOT_CPS_ADMINISTRATIVELY_FINALISED,
  SOT_CPS_OTHER,
  SOT_CPS_N_DECISIONS
} SotCpsDecision;

/* Action item status values, as stored. */
#define SOT_CPS_ACTION_OPEN      "open"
#define SOT_CPS_ACTION_DONE      "done"
#define SOT_CPS_ACTION_CANCELLED "cancelled"

/* Parses a stored decision ("charge", "nfa-evidential", …). */
gboolean     sot_cps_decision_from_string   (const char     *text,
                                             SotCpsDecision *decision);
/* Returns: the stored name of @decision. */
const char  *sot_cps_decision_to_string     (SotCpsDecision  decision);
/* Returns: the translated label of @decision. */
const char  *sot_cps_decision_label         (SotCpsDecision  decision);
/* Whether @decision is a legal decision in the CPS charge-rate denominator. */
gboolean     sot_cps_decision_is_legal      (SotCpsDecision  decision);

/**
 * sot_cps_early_advice_late:
 * The 21-day flag: whether advice requested on @requested and given on @given (%NULL: not yet)
 * misses the 21 days, judged on @today. See the rule above.
 */
gboolean     sot_cps_early_advice_late      (const GDate    *requested,
                                             const GDate    *given,
                                             const GDate    *today);

#define SOT_TYPE_CPS_EARLY_ADVICE (sot_cps_early_advice_get_type ())
G_DECLARE_FINAL_TYPE (SotCpsEarlyAdvice, sot_cps_early_advice, SOT, CPS_EARLY_ADVICE, GObject)

/* One request for early advice. The getters read the properties of the same names. */
const char  *sot_cps_early_advice_get_uuid         (SotCpsEarlyAdvice *self);
const char  *sot_cps_early_advice_get_requested_on (SotCpsEarlyAdvice *self);  /* YYYY-MM-DD */
const char  *sot_cps_early_advice_get_given_on     (SotCpsEarlyAdvice *self);  /* or %NULL */
int          sot_cps_early_advice_get_days         (SotCpsEarlyAdvice *self);
gboolean     sot_cps_early_advice_get_late         (SotCpsEarlyAdvice *self);

#define SOT_TYPE_CPS_ADVICE_POINT (sot_cps_advice_point_get_type ())
G_DECLARE_FINAL_TYPE (SotCpsAdvicePoint, sot_cps_advice_point, SOT, CPS_ADVICE_POINT, GObject)

/* One point of early advice. The getters read the properties of the same names. */
const char  *sot_cps_advice_point_get_uuid                 (SotCpsAdvicePoint *self);
const char  *sot_cps_advice_point_get_advice_uuid          (SotCpsAdvicePoint *self);
const char  *sot_cps_advice_point_get_summary              (SotCpsAdvicePoint *self);
const char  *sot_cps_advice_point_get_line_of_enquiry_uuid (SotCpsAdvicePoint *self);

#define SOT_TYPE_CPS_SUSPECT (sot_cps_suspect_get_type ())
G_DECLARE_FINAL_TYPE (SotCpsSuspect, sot_cps_suspect, SOT, CPS_SUSPECT, GObject)

/* One suspect of the investigation and where the CPS is with them. The getters read the
 * properties of the same names. */
gint64       sot_cps_suspect_get_suspect_id    (SotCpsSuspect *self);
const char  *sot_cps_suspect_get_suspect_uuid  (SotCpsSuspect *self);
guint        sot_cps_suspect_get_number        (SotCpsSuspect *self);
const char  *sot_cps_suspect_get_decision      (SotCpsSuspect *self);
const char  *sot_cps_suspect_get_decision_uuid (SotCpsSuspect *self);
const char  *sot_cps_suspect_get_decided_on    (SotCpsSuspect *self);
const char  *sot_cps_suspect_get_charged_on    (SotCpsSuspect *self);  /* or %NULL */

#define SOT_TYPE_CPS_ACTION_ITEM (sot_cps_action_item_get_type ())
G_DECLARE_FINAL_TYPE (SotCpsActionItem, sot_cps_action_item, SOT, CPS_ACTION_ITEM, GObject)

/* One item of the CPS action plan. The getters read the properties of the same names. */
const char  *sot_cps_action_item_get_uuid        (SotCpsActionItem *self);
const char  *sot_cps_action_item_get_description (SotCpsActionItem *self);
const char  *sot_cps_action_item_get_created_on  (SotCpsActionItem *self);
const char  *sot_cps_action_item_get_due_on      (SotCpsActionItem *self);  /* or %NULL */
const char  *sot_cps_action_item_get_status      (SotCpsActionItem *self);
const char  *sot_cps_action_item_get_closed_on   (SotCpsActionItem *self);  /* or %NULL */

/* Dates of the investigation's CPS milestones (any may be %NULL). */
typedef struct {
  char *first_advice_requested_on;
  char *first_advice_given_on;
  char *charging_file_submitted_on;   /* the latest submission */
  char *decision_on;                  /* the latest decision */
  char *charged_on;                   /* the first charge */
  guint n_charging_files;
} SotCpsMilestones;

void         sot_cps_milestones_clear       (SotCpsMilestones  *milestones);

/**
 * sot_cps_request_early_advice:
 * Records a request for early advice made on @requested_on (YYYY-MM-DD), and when already
 * known the day @given_on it was given (%NULL: not yet; see sot_cps_record_advice_given()).
 * @uuid may be %NULL; the new record's UUID goes to @out_uuid when not %NULL.
 */
gboolean     sot_cps_request_early_advice   (SotStore    *store,
                                             gint64       investigation_id,
                                             const char  *requested_on,
                                             const char  *given_on,
                                             const char  *uuid,
                                             char       **out_uuid,
                                             GError     **error);

/* Records that the advice @advice_uuid was given on @given_on (not before the request). */
gboolean     sot_cps_record_advice_given    (SotStore    *store,
                                             const char  *advice_uuid,
                                             const char  *given_on,
                                             GError     **error);

/**
 * sot_cps_add_advice_point:
 * Adds a point of the advice @advice_uuid, optionally linked to a line of enquiry by its UUID
 * (not checked: the line of enquiry may live in a schema this module does not know).
 */
gboolean     sot_cps_add_advice_point       (SotStore    *store,
                                             const char  *advice_uuid,
                                             const char  *summary,
                                             const char  *line_of_enquiry_uuid,
                                             const char  *uuid,
                                             GError     **error);

/* Links (or with %NULL unlinks) an advice point to a line of enquiry. */
gboolean     sot_cps_link_advice_point      (SotStore    *store,
                                             const char  *point_uuid,
                                             const char  *line_of_enquiry_uuid,
                                             GError     **error);

/* Records that a charging file was submitted to the CPS on @submitted_on. */
gboolean     sot_cps_submit_charging_file   (SotStore    *store,
                                             gint64       investigation_id,
                                             const char  *submitted_on,
                                             const char  *uuid,
                                             GError     **error);

/**
 * sot_cps_record_decision:
 * Records the CPS decision @decision about @suspect_id (a suspect of this investigation) made
 * on @decided_on.
 */
gboolean     sot_cps_record_decision        (SotStore        *store,
                                             gint64           investigation_id,
                                             gint64           suspect_id,
                                             SotCpsDecision   decision,
                                             const char      *decided_on,
                                             const char      *uuid,
                                             GError         **error);

/* Records that @suspect_id (or 0 when not known) was charged on @charged_on. */
gboolean     sot_cps_record_charge          (SotStore    *store,
                                             gint64       investigation_id,
                                             gint64       suspect_id,
                                             const char  *charged_on,
                                             const char  *uuid,
                                             GError     **error);

/**
 * sot_cps_add_action_item:
 * Adds an item of the CPS action plan, created on @created_on (%NULL: today), due on @due_on
 * (may be %NULL). A due date opens a "cps-action" deadline.
 */
gboolean     sot_cps_add_action_item        (SotStore    *store,
                                             gint64       investigation_id,
                                             const char  *description,
                                             const char  *created_on,
                                             const char  *due_on,
                                             const char  *uuid,
                                             GError     **error);

/**
 * sot_cps_set_action_status:
 * Sets an action item's @status (SOT_CPS_ACTION_*) as of @on (YYYY-MM-DD; %NULL: today).
 * Done meets its deadline at the end of @on; cancelled removes it; open reopens it.
 */
gboolean     sot_cps_set_action_status      (SotStore    *store,
                                             const char  *item_uuid,
                                             const char  *status,
                                             const char  *on,
                                             GError     **error);

/* Returns: (transfer full): a #GListModel of #SotCpsEarlyAdvice, requests, oldest first. */
GListModel  *sot_cps_list_early_advice      (SotStore    *store,
                                             gint64       investigation_id,
                                             GError     **error);
/* Returns: (transfer full): a #GListModel of #SotCpsAdvicePoint, the advice points. */
GListModel  *sot_cps_list_advice_points     (SotStore    *store,
                                             gint64       investigation_id,
                                             GError     **error);
/* Returns: (transfer full): a #GListModel of #SotCpsSuspect, every suspect with its decision. */
GListModel  *sot_cps_list_suspects          (SotStore    *store,
                                             gint64       investigation_id,
                                             GError     **error);
/* Returns: (transfer full): a #GListModel of #SotCpsActionItem, the action plan, by due date. */
GListModel  *sot_cps_list_action_items      (SotStore    *store,
                                             gint64       investigation_id,
                                             GError     **error);
/* Fills @milestones (cleared with sot_cps_milestones_clear()). */
gboolean     sot_cps_get_milestones         (SotStore         *store,
                                             gint64            investigation_id,
                                             SotCpsMilestones *milestones,
                                             GError          **error);

G_END_DECLS
