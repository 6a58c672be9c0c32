/* sot-victim-rights.h: victims' enhanced rights and what the victim pages read of them
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/* A victim of an investigation as the victims' pages see it (no identifier). */
typedef struct {
  gint64   id;
  char    *uuid;
  gboolean enhanced;
  char    *opt_out_on;        /* YYYY-MM-DD or %NULL */
  guint    frequency_days;    /* 0 when no cadence is agreed */
  char    *channel;           /* or %NULL */
} SotVictimInfo;

void         sot_victim_info_free                 (SotVictimInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotVictimInfo, sot_victim_info_free)

/**
 * sot_victim_info_list:
 * Returns: (transfer full) (element-type SotVictimInfo): the victims of the investigation, in
 * the order they were recorded, or %NULL with @error set.
 */
GPtrArray   *sot_victim_info_list                 (SotStore    *store,
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
