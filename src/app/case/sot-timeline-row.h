/* sot-timeline-row.h: one dated event of a case on the Timeline page
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sot-timeline.h"

G_BEGIN_DECLS

#define SOT_TYPE_TIMELINE_ROW (sot_timeline_row_get_type ())
G_DECLARE_FINAL_TYPE (SotTimelineRow, sot_timeline_row, SOT, TIMELINE_ROW, GtkWidget)

/* Returns: (transfer full): a row showing nothing until it is given an event. */
GtkWidget        *sot_timeline_row_new       (void);

/* Returns: (transfer none) (nullable): the event the row shows. */
SotTimelineEvent *sot_timeline_row_get_event (SotTimelineRow   *self);

/* Shows @event (or nothing, for %NULL). */
void              sot_timeline_row_set_event (SotTimelineRow   *self,
                                              SotTimelineEvent *event);

G_END_DECLS
