/* sot-overview-page.h: the Overview page of an open investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_OVERVIEW_PAGE (sot_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (SotOverviewPage, sot_overview_page, SOT, OVERVIEW_PAGE, AdwPreferencesPage)

/* Returns: (transfer none): a new page showing nothing. */
GtkWidget        *sot_overview_page_new               (void);

/* Returns: (transfer none) (nullable): the store whose reference data and clock the page uses. */
SotStore         *sot_overview_page_get_store         (SotOverviewPage  *self);
void              sot_overview_page_set_store         (SotOverviewPage  *self,
                                                       SotStore         *store);

/* Returns: (transfer none) (nullable): the investigation shown. */
SotInvestigation *sot_overview_page_get_investigation (SotOverviewPage  *self);

/* Shows @investigation, and keeps showing its edits as they are notified. */
void              sot_overview_page_set_investigation (SotOverviewPage  *self,
                                                       SotInvestigation *investigation);

G_END_DECLS
