/* sot-victim-rights.h: victims' enhanced rights and what the victim pages read of them
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/* A victim of an investigation as the victims' pages see it (no identifier). */
#define SOT_TYPE_VICTIM_INFO (sot_victim_info_get_type ())
G_DECLARE_FINAL_TYPE (SotVictimInfo, sot_victim_info, SOT, VICTIM_INFO, GObject)

/* A victim of an investigation as the victims' pages see it (no identifier). The getters read
 * the properties of the same names. */
gint64       sot_victim_info_get_id             (SotVictimInfo *self);
const char  *sot_victim_info_get_uuid           (SotVictimInfo *self);
gboolean     sot_victim_info_get_enhanced       (SotVictimInfo *self);
const char  *sot_victim_info_get_opt_out_on     (SotVictimInfo *self);  /* YYYY-MM-DD or %NULL */
guint        sot_victim_info_get_frequency_days (SotVictimInfo *self);
const char  *sot_victim_info_get_channel        (SotVictimInfo *self);  /* or %NULL */


/**
 * sot_victim_info_list:
 * Returns: (transfer full): a #GListModel of #SotVictimInfo, the victims of the investigation, in
 * the order they were recorded, or %NULL with @error set.
 */
GListModel  *sot_victim_info_list                 (SotStore    *store,
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

G_END_DECLS
