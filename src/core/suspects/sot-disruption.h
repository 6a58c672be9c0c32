/* sot-disruption.h: disruption options considered against a suspect, and where each stands
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/* An unknown kind or status, a bad date and an option no longer in the workspace are
 * %SOT_STORE_ERROR_INVALID and %SOT_STORE_ERROR_NOT_FOUND. */

/* Kinds, as stored. */
#define SOT_DISRUPTION_SRO          "sexual-risk-order"
#define SOT_DISRUPTION_SHPO         "sexual-harm-prevention-order"
#define SOT_DISRUPTION_BAIL         "bail-conditions"
#define SOT_DISRUPTION_OTHER        "other-offences"
#define SOT_DISRUPTION_SAFEGUARDING "safeguarding-referral"

/* Statuses, as stored. */
#define SOT_DISRUPTION_CONSIDERED  "considered"
#define SOT_DISRUPTION_APPLIED     "applied"
#define SOT_DISRUPTION_GRANTED     "granted"
#define SOT_DISRUPTION_REFUSED     "refused"
#define SOT_DISRUPTION_NOT_PURSUED "not-pursued"

#define SOT_TYPE_DISRUPTION (sot_disruption_get_type ())
G_DECLARE_FINAL_TYPE (SotDisruption, sot_disruption, SOT, DISRUPTION, GObject)

/* Returns: (transfer none): the kind values, %NULL-terminated. */
const char * const *sot_disruption_kinds         (void);
/* Returns: (transfer none): the status values, %NULL-terminated. */
const char * const *sot_disruption_statuses      (void);
/* Returns: the translated label of a kind ("Sexual Risk Order") or status ("Granted"). */
const char  *sot_disruption_kind_label           (const char *kind);
const char  *sot_disruption_status_label         (const char *status);

gint64       sot_disruption_get_id               (SotDisruption *self);
const char  *sot_disruption_get_uuid             (SotDisruption *self);
gint64       sot_disruption_get_investigation_id (SotDisruption *self);
/* The suspect the option is against, or 0. */
gint64       sot_disruption_get_suspect_id       (SotDisruption *self);
const char  *sot_disruption_get_kind             (SotDisruption *self);
const char  *sot_disruption_get_status           (SotDisruption *self);
/* The date of the current status, "YYYY-MM-DD", or %NULL. */
const char  *sot_disruption_get_status_on        (SotDisruption *self);
/* What came of it, in words, or %NULL. */
const char  *sot_disruption_get_outcome          (SotDisruption *self);

/**
 * sot_disruption_add:
 * Records that the option @kind was considered against @suspect_id (0: the investigation as a
 * whole) in @investigation_id, status considered on @considered_on (nullable), with a
 * *collect* audit row.
 * Returns: (transfer full): the new option, or %NULL with @error set.
 */
SotDisruption *sot_disruption_add                (SotStore    *store,
                                                  gint64       investigation_id,
                                                  gint64       suspect_id,
                                                  const char  *kind,
                                                  const char  *considered_on,
                                                  GError     **error);

/**
 * sot_disruption_set_status:
 * Records the option's new @status, its date @status_on and @outcome (both nullable) with an
 * *alter* audit row. A decision (granted, refused) needs its date.
 */
gboolean     sot_disruption_set_status           (SotDisruption *self,
                                                  SotStore      *store,
                                                  const char    *status,
                                                  const char    *status_on,
                                                  const char    *outcome,
                                                  GError       **error);

/**
 * sot_disruption_list:
 * Returns: (transfer full): the options of an investigation as a #GListModel of #SotDisruption.
 */
GListModel  *sot_disruption_list                 (SotStore    *store,
                                                  gint64       investigation_id,
                                                  GError     **error);

G_END_DECLS
