/* sot-due.h: what is due: every clock of a case, or of the workspace, in one list
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/*
 * One item per thing due: a forensic window closing (from the catalogue and the offence time;
 * an offence whose time is unknown gives one item saying so, with no time), a line of enquiry's
 * due date, a victim's device to return within 24 hours, a Victims' Code Right 6 event to tell
 * the victim of, an agreed update, early advice (21 days), a CPS action plan item, the end of a
 * pre-charge bail period and the victim's views on its conditions, a release under
 * investigation's review, and a Victims' Right to Review window.
 * State at "now": met when done; else overdue once its time has passed; due soon when due by
 * the end of the %SOT_DUE_SOON_DAYS-th day after today (UK); due otherwise. An item with no
 * time (an unknown offence time) is due today: it asks for the time.
 */

#define SOT_DUE_SOON_DAYS 7

typedef enum {
  SOT_DUE_FORENSIC_WINDOW,
  SOT_DUE_LINE_OF_ENQUIRY,
  SOT_DUE_DEVICE_RETURN,
  SOT_DUE_RIGHT6,
  SOT_DUE_AGREED_UPDATE,
  SOT_DUE_EARLY_ADVICE,
  SOT_DUE_CPS_ACTION,
  SOT_DUE_BAIL,
  SOT_DUE_BAIL_VIEWS,
  SOT_DUE_RUI_REVIEW,
  SOT_DUE_RIGHT_TO_REVIEW,
  SOT_DUE_N_KINDS
} SotDueKind;

typedef enum {
  SOT_DUE_STATE_DUE,
  SOT_DUE_STATE_SOON,
  SOT_DUE_STATE_OVERDUE,
  SOT_DUE_STATE_MET,
} SotDueState;

/* The groups of the Due view. */
typedef enum {
  SOT_DUE_GROUP_OVERDUE,
  SOT_DUE_GROUP_TODAY,
  SOT_DUE_GROUP_WEEK,    /* within SOT_DUE_SOON_DAYS after today */
  SOT_DUE_GROUP_LATER,
  SOT_DUE_GROUP_MET,
  SOT_DUE_N_GROUPS
} SotDueGroup;

/* Stable ids: "forensic-window", "line-of-enquiry", "device-return", "right6",
 * "agreed-update", "early-advice", "cps-action", "pre-charge-bail", "bail-views",
 * "rui-review", "right-to-review". */
const char  *sot_due_kind_to_string    (SotDueKind   kind);
gboolean     sot_due_kind_from_string  (const char  *text,
                                        SotDueKind  *kind);
/* Returns: the translated name of @kind ("Forensic window"). */
const char  *sot_due_kind_label        (SotDueKind   kind);
/* Stable ids: "due", "due-soon", "overdue", "met". */
const char  *sot_due_state_to_string   (SotDueState  state);
const char  *sot_due_state_label       (SotDueState  state);
/* Returns: the translated heading of @group ("Overdue", "Today", "This week", …). */
const char  *sot_due_group_label       (SotDueGroup  group);

#define SOT_TYPE_DUE (sot_due_get_type ())
G_DECLARE_FINAL_TYPE (SotDue, sot_due, SOT, DUE, GObject)

SotDueKind   sot_due_get_kind               (SotDue *self);
/* Translated: what is due, in words ("Return the victim’s device: iPhone"). */
const char  *sot_due_get_what               (SotDue *self);
/* (nullable): when, UTC; %NULL when it cannot be known (the offence time is unknown). */
GDateTime   *sot_due_get_due                (SotDue *self);
/* Translated: when, for people ("Due by 3 Dec 2026 23:59", "Offence time unknown"). */
const char  *sot_due_get_when_text          (SotDue *self);
const char  *sot_due_get_investigation_uuid (SotDue *self);
const char  *sot_due_get_crime_reference    (SotDue *self);
const char  *sot_due_get_owner              (SotDue *self);
/* (nullable): the UUID of the record the item comes from. */
const char  *sot_due_get_source_uuid        (SotDue *self);
SotDueState  sot_due_get_state              (SotDue *self);
/* The Due view's group at the time the item was gathered. */
SotDueGroup  sot_due_get_group              (SotDue *self);

/**
 * sot_due_gather:
 * @investigation_id: one case, or 0 for every case of the workspace
 * @now: (nullable): the time to judge by; %NULL for the store's clock
 * @include_met: list met items too
 *
 * Gathers every clock, earliest first (items with no time first).
 * Returns: (transfer full): a #GListModel of #SotDue, or %NULL with @error set.
 */
GListModel  *sot_due_gather                 (SotStore    *store,
                                             gint64       investigation_id,
                                             GDateTime   *now,
                                             gboolean     include_met,
                                             GError     **error);

/**
 * sot_due_next:
 * Returns: (transfer full) (nullable): the first item of @items (a sot_due_gather() list) that
 *   is not met: the next thing due.
 */
SotDue      *sot_due_next                   (GListModel  *items);

G_END_DECLS
