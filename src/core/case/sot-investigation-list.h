/* sot-investigation-list.h: every investigation of a workspace as a GListModel
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_INVESTIGATION_LIST (sot_investigation_list_get_type ())
G_DECLARE_FINAL_TYPE (SotInvestigationList, sot_investigation_list, SOT, INVESTIGATION_LIST, GObject)

/**
 * sot_investigation_list_new:
 * Loads every investigation of @store in one query, and follows the store's changes so that
 * the list stays current (rows added, edited and erased through the write path).
 * Returns: (transfer full): the list, or %NULL with @error set.
 */
SotInvestigationList *sot_investigation_list_new       (SotStore             *store,
                                                        GError              **error);

/* Returns: (transfer none) (nullable): the listed investigation with @uuid. */
SotInvestigation     *sot_investigation_list_lookup    (SotInvestigationList *self,
                                                        const char           *uuid);

/* Returns: the position of @uuid, or G_MAXUINT. */
guint                 sot_investigation_list_find      (SotInvestigationList *self,
                                                        const char           *uuid);

G_END_DECLS
