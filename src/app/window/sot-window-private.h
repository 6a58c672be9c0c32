/* sot-window-private.h: what the widget tests may reach inside the main window
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-investigation.h"
#include "sot-overview-page.h"
#include "sot-window.h"

G_BEGIN_DECLS

/* Returns: (transfer none): the filtered list (search, status, pending deletions). */
GtkFilterListModel *sot_window_get_filter_model   (SotWindow *self);

/* Returns: (transfer none): the selection over the sorted, filtered list the view shows. */
GtkSingleSelection *sot_window_get_selection      (SotWindow *self);

/* Returns: (transfer none): the search entry of the list. */
GtkWidget          *sot_window_get_search_entry   (SotWindow *self);

/* Returns: (transfer none): the status filter and the sort order drop-downs. */
GtkWidget          *sot_window_get_status_filter  (SotWindow *self);
GtkWidget          *sot_window_get_sort_order     (SotWindow *self);

/* Returns: (transfer none): the "only cases with a repeat suspect" check button. */
GtkWidget          *sot_window_get_repeat_filter  (SotWindow *self);

/* Returns: (transfer none): the strip that says the cases are fictional. */
GtkWidget          *sot_window_get_training_banner (SotWindow *self);

/* Returns: (transfer none): the Overview page of the open investigation. */
SotOverviewPage    *sot_window_get_overview_page  (SotWindow *self);

/* Returns: (transfer none) (nullable): the open investigation. */
SotInvestigation   *sot_window_get_current        (SotWindow *self);

/* Returns: the name of the list's visible page: "list", "empty" or "no-results". */
const char         *sot_window_get_list_state     (SotWindow *self);

G_END_DECLS
