/* sot-overview-page-private.h: what the widget tests may look at inside the Overview page
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-overview-page.h"

G_BEGIN_DECLS

/**
 * sot_overview_page_get_value:
 * @field: a row of the page: "crime-reference", "offence", "offence-time", "reported-on",
 *   "recorded-on", "officer", "status", "outcome", "outcome-group", "outcome-date",
 *   "next-deadline"
 *
 * Returns: (transfer none) (nullable): the value the row shows, or %NULL while it is hidden.
 */
const char *sot_overview_page_get_value (SotOverviewPage *self,
                                         const char      *field);

G_END_DECLS
