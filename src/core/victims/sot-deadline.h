/* sot-deadline.h: the deadline table: due days, states and the lists of the Due view
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/*
 * A deadline is stored with due_at = the end of the due day (23:59:59 UK time) in UTC.
 * "Overdue" means the due day is before today (UK); "due today" is today; "due soon" is one
 * of the next 7 calendar days after today (the "this week" of the Due view). The Right 6
 * events (sot-right6.h), the agreed cadence (sot-victim-contact.h) and CPS action items
 * (sot-cps.h) write them.
 */

/* Deadline kinds, as stored. */
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

/**
 * sot_deadline_day_of:
 * Sets @day to the UK calendar day of @stored, a stored time ("…T…Z") or date (YYYY-MM-DD).
 * Returns: %FALSE when @stored is %NULL or cannot be read.
 */
gboolean     sot_deadline_day_of                  (const char  *stored,
                                                   GDate       *day);

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
 * sot_deadline_add_next:
 * For the core's writers: runs @done, the bound statement of the write in progress
 * (sot_store_write_begin()), and prepares and binds the insert of an open deadline due at the
 * end of @due_day, to hand to sot_store_write_next() or sot_store_write_end(). The caller
 * audits the record the deadline comes from. @uuid may be %NULL for a random one.
 * Returns: (transfer none): the bound statement, or %NULL with the write rolled back.
 */
sqlite3_stmt *sot_deadline_add_next               (SotStore      *store,
                                                   sqlite3_stmt  *done,
                                                   gint64         investigation_id,
                                                   const char    *kind,
                                                   const char    *source_uuid,
                                                   const GDate   *due_day,
                                                   const char    *uuid,
                                                   GError       **error);

G_END_DECLS
