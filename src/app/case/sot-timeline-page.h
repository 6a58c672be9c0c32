/* sot-timeline-page.h: the Timeline page, every dated event of an investigation in order
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_TIMELINE_PAGE (sot_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (SotTimelinePage, sot_timeline_page, SOT, TIMELINE_PAGE, AdwBin)

/* Returns: (transfer none): a new page reading @store (construct-only "store"). */
GtkWidget        *sot_timeline_page_new               (SotStore         *store);

SotStore         *sot_timeline_page_get_store         (SotTimelinePage  *self);
/* Returns: (transfer none) (nullable): the investigation shown. */
SotInvestigation *sot_timeline_page_get_investigation (SotTimelinePage  *self);
/* Shows the timeline of @investigation (%NULL: none), and follows the store's changes. */
void              sot_timeline_page_set_investigation (SotTimelinePage  *self,
                                                       SotInvestigation *investigation);

/* Shows only events of @kind (SOT_TIMELINE_KIND_*), or all with %NULL. */
void              sot_timeline_page_set_kind_filter   (SotTimelinePage  *self,
                                                       const char       *kind);

/* Returns: (transfer none): the events shown, after the kind filter (#SotTimelineEvent). */
GListModel       *sot_timeline_page_get_model         (SotTimelinePage  *self);

G_END_DECLS
