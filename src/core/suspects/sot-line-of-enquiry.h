/* sot-line-of-enquiry.h: the offender-centric evidence list
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"
#include "sot-suspect-focus.h"

G_BEGIN_DECLS

#define SOT_ENQUIRY_ERROR (sot_enquiry_error_quark ())

/* Failures of the workflow's own kind; an unknown category, focus or status, a bad date and a
 * line no longer in the workspace are %SOT_STORE_ERROR_INVALID and %SOT_STORE_ERROR_NOT_FOUND. */
typedef enum {
  SOT_ENQUIRY_ERROR_TRANSITION,         /* a status change the workflow does not allow */
  SOT_ENQUIRY_ERROR_RATIONALE_REQUIRED, /* "not pursued" without a written rationale */
} SotEnquiryError;

/* Status values, as stored. The workflow runs proposed → planned → requested → obtained →
 * reviewed; a line may skip forward (a PNC check goes from planned straight to obtained) but
 * never back. Any line not yet final may be marked not pursued, with a written rationale.
 * Reviewed and not pursued are final. */
#define SOT_ENQUIRY_PROPOSED    "proposed"
#define SOT_ENQUIRY_PLANNED     "planned"
#define SOT_ENQUIRY_REQUESTED   "requested"
#define SOT_ENQUIRY_OBTAINED    "obtained"
#define SOT_ENQUIRY_REVIEWED    "reviewed"
#define SOT_ENQUIRY_NOT_PURSUED "not-pursued"

/* Focus values: whom the line of enquiry is about. */
#define SOT_FOCUS_SUSPECT "suspect"
#define SOT_FOCUS_VICTIM  "victim"
#define SOT_FOCUS_CONTEXT "context"

#define SOT_TYPE_LINE_OF_ENQUIRY (sot_line_of_enquiry_get_type ())
G_DECLARE_FINAL_TYPE (SotLineOfEnquiry, sot_line_of_enquiry, SOT, LINE_OF_ENQUIRY, GObject)

GQuark       sot_enquiry_error_quark                 (void);

/* Returns: (transfer none): the status values in workflow order, %NULL-terminated. */
const char * const *sot_enquiry_statuses             (void);
/* Returns: (transfer none): the category values in checklist order, %NULL-terminated. */
const char * const *sot_enquiry_categories           (void);
/* Returns: (transfer none): the focus values, %NULL-terminated. */
const char * const *sot_enquiry_focuses              (void);
/* Returns: the translated label of a status, category or focus value (the value if unknown). */
const char  *sot_enquiry_status_label                (const char *status);
const char  *sot_enquiry_category_label              (const char *category);
const char  *sot_enquiry_focus_label                 (const char *focus);
/* Whether @status is reviewed or not pursued (no further change but an undo). */
gboolean     sot_enquiry_status_is_final             (const char *status);

/**
 * sot_enquiry_check_transition:
 * Whether a line may move from @from to @to; if not, %SOT_ENQUIRY_ERROR_TRANSITION (or
 * %SOT_STORE_ERROR_INVALID for an unknown value) with a sentence naming both statuses.
 */
gboolean     sot_enquiry_check_transition            (const char  *from,
                                                      const char  *to,
                                                      GError     **error);

/* Returns: (transfer full): a new line, status proposed, focus suspect, category other. */
SotLineOfEnquiry *sot_line_of_enquiry_new            (void);

gint64       sot_line_of_enquiry_get_id              (SotLineOfEnquiry *self);
const char  *sot_line_of_enquiry_get_uuid            (SotLineOfEnquiry *self);
gint64       sot_line_of_enquiry_get_investigation_id (SotLineOfEnquiry *self);
/* The suspect the line is tied to, or 0. */
gint64       sot_line_of_enquiry_get_suspect_id      (SotLineOfEnquiry *self);
const char  *sot_line_of_enquiry_get_category        (SotLineOfEnquiry *self);
const char  *sot_line_of_enquiry_get_focus           (SotLineOfEnquiry *self);
const char  *sot_line_of_enquiry_get_title           (SotLineOfEnquiry *self);
const char  *sot_line_of_enquiry_get_owner           (SotLineOfEnquiry *self);
/* The due date, "YYYY-MM-DD", or %NULL. */
const char  *sot_line_of_enquiry_get_due_on          (SotLineOfEnquiry *self);
const char  *sot_line_of_enquiry_get_status          (SotLineOfEnquiry *self);
const char  *sot_line_of_enquiry_get_rationale       (SotLineOfEnquiry *self);
const char  *sot_line_of_enquiry_get_notes           (SotLineOfEnquiry *self);
const char  *sot_line_of_enquiry_get_cps_advice_point (SotLineOfEnquiry *self);
/* The key of the checklist item the line came from, or %NULL. */
const char  *sot_line_of_enquiry_get_checklist_item  (SotLineOfEnquiry *self);

/* Setters for a line not yet inserted, or before sot_line_of_enquiry_update(). The status is
 * changed only through sot_line_of_enquiry_set_status() once the line is stored. */
void         sot_line_of_enquiry_set_investigation_id (SotLineOfEnquiry *self,
                                                       gint64            investigation_id);
void         sot_line_of_enquiry_set_suspect_id      (SotLineOfEnquiry *self,
                                                      gint64            suspect_id);
void         sot_line_of_enquiry_set_category        (SotLineOfEnquiry *self,
                                                      const char       *value);
void         sot_line_of_enquiry_set_focus           (SotLineOfEnquiry *self,
                                                      const char       *value);
void         sot_line_of_enquiry_set_title           (SotLineOfEnquiry *self,
                                                      const char       *value);
void         sot_line_of_enquiry_set_owner           (SotLineOfEnquiry *self,
                                                      const char       *value);
void         sot_line_of_enquiry_set_due_on          (SotLineOfEnquiry *self,
                                                      const char       *value);
void         sot_line_of_enquiry_set_notes           (SotLineOfEnquiry *self,
                                                      const char       *value);
void         sot_line_of_enquiry_set_cps_advice_point (SotLineOfEnquiry *self,
                                                       const char       *value);
void         sot_line_of_enquiry_set_checklist_item  (SotLineOfEnquiry *self,
                                                      const char       *value);
/* For a line not yet inserted only. */
void         sot_line_of_enquiry_set_initial_status  (SotLineOfEnquiry *self,
                                                      const char       *status,
                                                      const char       *rationale);

/* Whether the line is still active (not reviewed, not pursued) and due before @today. */
gboolean     sot_line_of_enquiry_is_overdue          (SotLineOfEnquiry *self,
                                                      const GDate      *today);

/**
 * sot_line_of_enquiry_insert:
 * Validates and adds @self to its investigation with a *collect* audit row; sets id and UUID.
 */
gboolean     sot_line_of_enquiry_insert              (SotLineOfEnquiry *self,
                                                      SotStore         *store,
                                                      GError          **error);

/**
 * sot_line_of_enquiry_update:
 * Saves the edited fields of @self (category, focus, title, owner, due date, notes, CPS point,
 * suspect) with an *alter* audit row carrying @reason (may be %NULL). Not the status.
 */
gboolean     sot_line_of_enquiry_update              (SotLineOfEnquiry *self,
                                                      SotStore         *store,
                                                      const char       *reason,
                                                      GError          **error);

/**
 * sot_line_of_enquiry_set_status:
 * Moves @self to @status if the workflow allows it (see sot_enquiry_check_transition()), with
 * an *alter* audit row "status: FROM → TO". Not pursued needs a non-blank @rationale, else
 * %SOT_ENQUIRY_ERROR_RATIONALE_REQUIRED. On any error nothing is written and @self is unchanged.
 */
gboolean     sot_line_of_enquiry_set_status          (SotLineOfEnquiry *self,
                                                      SotStore         *store,
                                                      const char       *status,
                                                      const char       *rationale,
                                                      GError          **error);

/**
 * sot_line_of_enquiry_restore_status:
 * The inverse of a status change, for Undo: puts back @status and @rationale (%NULL unless
 * @status is not pursued) whatever the current status, with an *alter* audit row whose reason
 * is "undo". Only the user interface's undo calls this.
 */
gboolean     sot_line_of_enquiry_restore_status      (SotLineOfEnquiry *self,
                                                      SotStore         *store,
                                                      const char       *status,
                                                      const char       *rationale,
                                                      GError          **error);

/* Erases @self with an *erase* audit row (used to undo an accepted proposal). */
gboolean     sot_line_of_enquiry_erase               (SotLineOfEnquiry *self,
                                                      SotStore         *store,
                                                      const char       *reason,
                                                      GError          **error);

/**
 * sot_line_of_enquiry_load:
 * Returns: (transfer full): the line with @uuid, or %NULL and %SOT_STORE_ERROR_NOT_FOUND.
 */
SotLineOfEnquiry *sot_line_of_enquiry_load           (SotStore         *store,
                                                      const char       *uuid,
                                                      GError          **error);

/**
 * sot_line_of_enquiry_list:
 * The lines of enquiry of one investigation, in the order they were added, in one query.
 * Returns: (transfer full): a #GListModel of #SotLineOfEnquiry, or %NULL with @error set.
 */
GListModel  *sot_line_of_enquiry_list                (SotStore         *store,
                                                      gint64            investigation_id,
                                                      GError          **error);

/* Returns: the number of lines of enquiry in the workspace, or -1 with @error set. */
gint64       sot_line_of_enquiry_count               (SotStore         *store,
                                                      GError          **error);

G_END_DECLS
