/* sot-bail.h: pre-charge bail (PACE ss.47ZA-47ZM as amended by the PCSC Act 2022)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/*
 * The bail start date is the day after the day of arrest (s.47ZB(4)(a)). The applicable bail
 * period is 3 months *beginning with* that date (s.47ZB(1)(b)): it ends at the end of the day
 * before the corresponding date 3 months on, or, when that month has no corresponding date
 * (a start on 30 November gives no 30 February), at the end of that month. So an arrest on
 * 9 January starts bail on 10 January and the period ends at the end of 9 April.
 * Extensions, each from the bail start date, in this order only: 6 months by an inspector
 * (s.47ZD), 9 months by a superintendent (s.47ZDA), then 12 and 18 months by a magistrates'
 * court (ss.47ZF-47ZG). An extension is authorised before the period it extends has run out.
 */

typedef enum {
  SOT_BAIL_INITIAL,          /* the applicable period, 3 months */
  SOT_BAIL_INSPECTOR,        /* to 6 months */
  SOT_BAIL_SUPERINTENDENT,   /* to 9 months */
  SOT_BAIL_COURT_12,         /* to 12 months */
  SOT_BAIL_COURT_18,         /* to 18 months */
  SOT_BAIL_N_AUTHORITIES
} SotBailAuthority;

/* Parses "inspector", "superintendent", "court-12", "court-18" (never the initial period). */
gboolean     sot_bail_authority_from_string (const char       *text,
                                             SotBailAuthority *authority);
/* Returns: the stored name ("initial" for the 3 months). */
const char  *sot_bail_authority_to_string   (SotBailAuthority  authority);
/* Returns: the translated description ("Extended to 6 months by an inspector"). */
const char  *sot_bail_authority_label       (SotBailAuthority  authority);
/* Returns: the months of the period from the bail start date: 3, 6, 9, 12 or 18. */
guint        sot_bail_authority_months      (SotBailAuthority  authority);

/* Sets @start to the bail start date of an arrest on @arrest_day: the day after. */
void         sot_bail_start_date            (const GDate      *arrest_day,
                                             GDate            *start);

/**
 * sot_bail_period_end:
 * The last day of a period of @months beginning with @start (the rule of the header comment).
 */
void         sot_bail_period_end            (const GDate      *start,
                                             guint             months,
                                             GDate            *last_day);

/* The last day of bail after an arrest on @arrest_day, with @authority the latest extension. */
void         sot_bail_end_for_arrest        (const GDate      *arrest_day,
                                             SotBailAuthority  authority,
                                             GDate            *last_day);

#define SOT_TYPE_BAIL_RECORD (sot_bail_record_get_type ())
G_DECLARE_FINAL_TYPE (SotBailRecord, sot_bail_record, SOT, BAIL_RECORD, GObject)

/* A pre-charge bail as stored. The getters read the read-only properties of the same names;
 * the dates are YYYY-MM-DD. */
const char      *sot_bail_record_get_uuid             (SotBailRecord *self);
gint64           sot_bail_record_get_investigation_id (SotBailRecord *self);
/* Returns: the suspect's row id, 0 when none. */
gint64           sot_bail_record_get_suspect_id       (SotBailRecord *self);
const char      *sot_bail_record_get_arrested_on      (SotBailRecord *self);
const char      *sot_bail_record_get_bailed_on        (SotBailRecord *self);
/* Returns: (nullable): the day the victim's views were sought, %NULL while not sought. */
const char      *sot_bail_record_get_victim_views_on  (SotBailRecord *self);
/* Returns: (nullable): the day bail ended, %NULL while on bail. */
const char      *sot_bail_record_get_ended_on         (SotBailRecord *self);
/* Returns: the latest extension, or %SOT_BAIL_INITIAL. */
SotBailAuthority sot_bail_record_get_authority        (SotBailRecord *self);
/* Returns: (nullable): the latest extension's date and who authorised it. */
const char      *sot_bail_record_get_authorised_on    (SotBailRecord *self);
const char      *sot_bail_record_get_authorised_by    (SotBailRecord *self);
/* Returns: (transfer full) (nullable): "bail until", the current period's last day
 * (sot_bail_end_for_arrest()) as YYYY-MM-DD, or %NULL when the arrest date is unreadable. */
char            *sot_bail_record_dup_last_day         (SotBailRecord *self);

/**
 * sot_bail_record:
 * Records that @suspect_id (of this investigation, or 0) was arrested on @arrested_on and
 * released on pre-charge bail on @bailed_on (both YYYY-MM-DD). Refuses, with
 * %SOT_STORE_ERROR_INVALID, a bail date before the arrest, and writes nothing then.
 */
gboolean     sot_bail_record                (SotStore         *store,
                                             gint64            investigation_id,
                                             gint64            suspect_id,
                                             const char       *arrested_on,
                                             const char       *bailed_on,
                                             const char       *uuid,
                                             char            **out_uuid,
                                             GError          **error);

/**
 * sot_bail_extend:
 * Records the extension of bail @bail_uuid to @authority's period, authorised on
 * @authorised_on (YYYY-MM-DD) by @authorised_by (may be %NULL). Refuses, with
 * %SOT_STORE_ERROR_INVALID, an extension out of the statutory order (a superintendent's before
 * an inspector's, a second inspector's), one dated outside the period it extends, and one of
 * a bail that has ended.
 */
gboolean     sot_bail_extend                (SotStore         *store,
                                             const char       *bail_uuid,
                                             SotBailAuthority  authority,
                                             const char       *authorised_on,
                                             const char       *authorised_by,
                                             const char       *uuid,
                                             GError          **error);

/* Records the day the victim's views on the bail conditions were sought. */
gboolean     sot_bail_record_victim_views   (SotStore         *store,
                                             const char       *bail_uuid,
                                             const char       *on,
                                             GError          **error);

/* Records the day bail ended (charged, released, or bail cancelled). */
gboolean     sot_bail_end                   (SotStore         *store,
                                             const char       *bail_uuid,
                                             const char       *ended_on,
                                             GError          **error);

/* Returns: (transfer full): a #GListModel of #SotBailRecord, the bails of the case (0: every
 * case). */
GListModel  *sot_bail_list                  (SotStore         *store,
                                             gint64            investigation_id,
                                             GError          **error);

G_END_DECLS
