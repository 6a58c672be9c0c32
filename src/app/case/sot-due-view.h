/* sot-due-view.h: the "Due" view, deadlines across all investigations, today and this week
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_TYPE_DUE_VIEW (sot_due_view_get_type ())
G_DECLARE_FINAL_TYPE (SotDueView, sot_due_view, SOT, DUE_VIEW, AdwBin)

/* Returns: (transfer none): a new view of @store's open deadlines (construct-only "store"). */
GtkWidget  *sot_due_view_new          (SotStore   *store);

SotStore   *sot_due_view_get_store    (SotDueView *self);

/* Whether only investigations whose officer in the case is the store's operator are shown. */
gboolean    sot_due_view_get_only_mine (SotDueView *self);
void        sot_due_view_set_only_mine (SotDueView *self,
                                        gboolean    only_mine);

/**
 * sot_due_view_reload:
 * Reads the deadlines again (done by itself after any committed change in the store).
 */
gboolean    sot_due_view_reload       (SotDueView *self,
                                       GError    **error);

/* Returns: (transfer none): the items shown (#SotDue, after the filters), earliest first. */
GListModel *sot_due_view_get_items    (SotDueView *self);

G_END_DECLS
