/* sot-toolkit-view.h: the Toolkit, outside any investigation: calculator and guidance
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-forensic-catalogue.h"

G_BEGIN_DECLS

#define SOT_TYPE_TOOLKIT_VIEW (sot_toolkit_view_get_type ())
G_DECLARE_FINAL_TYPE (SotToolkitView, sot_toolkit_view, SOT, TOOLKIT_VIEW, AdwBin)

/**
 * sot_toolkit_view_new:
 * @catalogue: (nullable): the catalogue (construct-only "catalogue"); %NULL loads the active one
 *
 * The forensic window calculator on a time the user types (UK local date and time, and an
 * optional latest possible date and time), the active catalogue's name, version and source,
 * and each sample type's guidance as a page of its own. Needs no workspace: trainers use it
 * with no case at all.
 * Returns: (transfer floating): the view.
 */
GtkWidget *sot_toolkit_view_new           (SotForensicCatalogue *catalogue);

/* Returns: (transfer none): the catalogue in use. */
SotForensicCatalogue *sot_toolkit_view_get_catalogue (SotToolkitView *self);

/**
 * sot_toolkit_view_set_now:
 * @now: (nullable): the moment to calculate for; %NULL follows the system clock
 *
 * For tests and demonstrations: fixes "now".
 */
void       sot_toolkit_view_set_now       (SotToolkitView       *self,
                                           GDateTime            *now);

/* Fills the offence time fields (UK local "YYYY-MM-DD", "HH:MM"; until ones may be %NULL). */
void       sot_toolkit_view_set_offence   (SotToolkitView       *self,
                                           const char           *date,
                                           const char           *time,
                                           const char           *until_date,
                                           const char           *until_time);

/* Returns: (nullable): the status shown for @sample_id ("open", "closing", …), for tests. */
const char *sot_toolkit_view_get_status   (SotToolkitView       *self,
                                           const char           *sample_id);

G_END_DECLS
