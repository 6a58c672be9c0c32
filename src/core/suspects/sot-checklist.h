/* sot-checklist.h: the force's suspect-focused checklist and its proposals for each suspect
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-line-of-enquiry.h"

G_BEGIN_DECLS

#define SOT_CHECKLIST_ERROR (sot_checklist_error_quark ())

typedef enum {
  SOT_CHECKLIST_ERROR_MALFORMED,        /* a checklist file that cannot be used: line and reason */
  SOT_CHECKLIST_ERROR_REASON_REQUIRED,  /* dismissing a proposal without a reason */
  SOT_CHECKLIST_ERROR_DECIDED,          /* the proposal was already accepted or dismissed */
} SotChecklistError;

/* Proposal states, as stored. */
#define SOT_PROPOSAL_OPEN      "open"
#define SOT_PROPOSAL_ACCEPTED  "accepted"
#define SOT_PROPOSAL_DISMISSED "dismissed"

/* One item of the checklist. */
typedef struct {
  char *key;          /* the group name: stable, unique */
  char *category;     /* a line-of-enquiry category */
  char *focus;        /* suspect, victim, context */
  char *title;
  char *description;
} SotChecklistItem;

#define SOT_TYPE_CHECKLIST (sot_checklist_get_type ())
G_DECLARE_FINAL_TYPE (SotChecklist, sot_checklist, SOT, CHECKLIST, GObject)

#define SOT_TYPE_CHECKLIST_PROPOSAL (sot_checklist_proposal_get_type ())
G_DECLARE_FINAL_TYPE (SotChecklistProposal, sot_checklist_proposal, SOT, CHECKLIST_PROPOSAL, GObject)

GQuark        sot_checklist_error_quark        (void);

/**
 * sot_checklist_new_builtin:
 * The checklist compiled into the program (reference/suspect-checklist.ini).
 * Returns: (transfer full): the checklist, or %NULL with @error set.
 */
SotChecklist *sot_checklist_new_builtin        (GError       **error);

/**
 * sot_checklist_new_default:
 * The built-in checklist extended by the force's file
 * `$XDG_CONFIG_HOME/soteria-workbench/suspect-checklist.ini` when there is one. A malformed
 * force file is left out: the built-in checklist is returned and @problem says which line of
 * the file is wrong and why (for a warning to the user).
 * Returns: (transfer full): the checklist, or %NULL with @error set (the built-in one failed).
 */
SotChecklist *sot_checklist_new_default        (GError       **problem,
                                                GError       **error);

/**
 * sot_checklist_extend_from_data:
 * Appends the items of a checklist file's text (same format as the built-in one; its
 * [Checklist] group optional). All or nothing: a malformed file adds no item and fails with
 * %SOT_CHECKLIST_ERROR_MALFORMED naming @origin, the line and the reason.
 */
gboolean      sot_checklist_extend_from_data   (SotChecklist  *self,
                                                const char    *data,
                                                gssize         length,
                                                const char    *origin,
                                                GError       **error);

/* As sot_checklist_extend_from_data() for the file at @path. */
gboolean      sot_checklist_extend_from_file   (SotChecklist  *self,
                                                const char    *path,
                                                GError       **error);

const char   *sot_checklist_get_name           (SotChecklist  *self);
const char   *sot_checklist_get_version        (SotChecklist  *self);
/* Where the checklist comes from: always says it is the force's own, not a national list. */
const char   *sot_checklist_get_source         (SotChecklist  *self);
guint         sot_checklist_get_n_items        (SotChecklist  *self);
/* Returns: (transfer none): the @index-th item. */
const SotChecklistItem *sot_checklist_get_item (SotChecklist  *self,
                                                guint          index);
/* Returns: (transfer none) (nullable): the item with @key. */
const SotChecklistItem *sot_checklist_lookup   (SotChecklist  *self,
                                                const char    *key);

/**
 * sot_checklist_propose:
 * Proposes every item of @self for the suspect @suspect_id (one *collect* row each, in one
 * transaction); items already proposed for him are skipped.
 * Returns: (transfer full): a #GListModel of the new #SotChecklistProposal, or %NULL.
 */
GListModel   *sot_checklist_propose            (SotChecklist  *self,
                                                SotStore      *store,
                                                gint64         suspect_id,
                                                GError       **error);

/**
 * sot_checklist_proposal_list:
 * The proposals of an investigation in the order made; only the undecided ones if @open_only.
 * Returns: (transfer full): a #GListModel of #SotChecklistProposal.
 */
GListModel   *sot_checklist_proposal_list      (SotStore      *store,
                                                gint64         investigation_id,
                                                gboolean       open_only,
                                                GError       **error);

const char   *sot_checklist_proposal_get_uuid        (SotChecklistProposal *self);
gint64        sot_checklist_proposal_get_suspect_id  (SotChecklistProposal *self);
const char   *sot_checklist_proposal_get_item_key    (SotChecklistProposal *self);
const char   *sot_checklist_proposal_get_category    (SotChecklistProposal *self);
const char   *sot_checklist_proposal_get_focus       (SotChecklistProposal *self);
const char   *sot_checklist_proposal_get_title       (SotChecklistProposal *self);
const char   *sot_checklist_proposal_get_description (SotChecklistProposal *self);
/* SOT_PROPOSAL_OPEN, _ACCEPTED or _DISMISSED. */
const char   *sot_checklist_proposal_get_state       (SotChecklistProposal *self);
/* Why it was dismissed, or %NULL. */
const char   *sot_checklist_proposal_get_reason      (SotChecklistProposal *self);

/**
 * sot_checklist_proposal_accept:
 * Accepts an open proposal: a line of enquiry (status planned, tied to the suspect, with the
 * item's category, focus and title, @owner and @due_on, both nullable) is created, and the
 * proposal marked accepted, audited, in one transaction.
 * Returns: (transfer full): the new line of enquiry, or %NULL with @error set.
 */
SotLineOfEnquiry *sot_checklist_proposal_accept      (SotChecklistProposal *self,
                                                      SotStore             *store,
                                                      const char           *owner,
                                                      const char           *due_on,
                                                      GError              **error);

/**
 * sot_checklist_proposal_dismiss:
 * Dismisses an open proposal with a written @reason (%SOT_CHECKLIST_ERROR_REASON_REQUIRED
 * when blank; nothing is written then), with an *alter* audit row.
 */
gboolean      sot_checklist_proposal_dismiss         (SotChecklistProposal *self,
                                                      SotStore             *store,
                                                      const char           *reason,
                                                      GError              **error);

/**
 * sot_checklist_proposal_reopen:
 * The inverse of accept or dismiss, for Undo: the proposal is open again and the line of
 * enquiry an acceptance created is erased; audited with the reason "undo".
 */
gboolean      sot_checklist_proposal_reopen          (SotChecklistProposal *self,
                                                      SotStore             *store,
                                                      GError              **error);

G_END_DECLS
