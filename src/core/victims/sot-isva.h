/* sot-isva.h: the Independent Sexual Violence Advisers supporting victims
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *uuid;           /* %NULL: a random one (add); the record to change (update) */
  const char *service;        /* required */
  const char *name;           /* the adviser, a staff name; may be %NULL */
  gboolean    consent_to_share;
  const char *consent_on;     /* YYYY-MM-DD or %NULL */
  const char *referred_on;
  const char *ended_on;
} SotIsvaDetails;

#define SOT_TYPE_ISVA (sot_isva_get_type ())
G_DECLARE_FINAL_TYPE (SotIsva, sot_isva, SOT, ISVA, GObject)

/* An ISVA supporting a victim. The getters read the properties of the same names. */
const char  *sot_isva_get_uuid             (SotIsva *self);
gint64       sot_isva_get_victim_id        (SotIsva *self);
const char  *sot_isva_get_service          (SotIsva *self);
const char  *sot_isva_get_name             (SotIsva *self);
gboolean     sot_isva_get_consent_to_share (SotIsva *self);
const char  *sot_isva_get_consent_on       (SotIsva *self);
const char  *sot_isva_get_referred_on      (SotIsva *self);
const char  *sot_isva_get_ended_on         (SotIsva *self);

/* Adds the ISVA supporting @victim_id (a *collect* audit row). */
gboolean     sot_isva_add                         (SotStore             *store,
                                                   gint64                victim_id,
                                                   const SotIsvaDetails *details,
                                                   GError              **error);
/* Changes the ISVA named by @details->uuid (an *alter* audit row). */
gboolean     sot_isva_update                      (SotStore             *store,
                                                   const SotIsvaDetails *details,
                                                   GError              **error);
/* Returns: (transfer full): a #GListModel of #SotIsva, the ISVAs of the investigation. */
GListModel  *sot_isva_list                        (SotStore             *store,
                                                   gint64                investigation_id,
                                                   GError              **error);

G_END_DECLS
