/* sot-disruption-row.h: a disruption option considered against the suspect
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-disruption.h"

G_BEGIN_DECLS

#define SOT_TYPE_DISRUPTION_ROW (sot_disruption_row_get_type ())
G_DECLARE_FINAL_TYPE (SotDisruptionRow, sot_disruption_row, SOT, DISRUPTION_ROW, AdwActionRow)

/* A row for @option: activating it opens suspect-page.edit-disruption, and its menu sets a
 * status at once through suspect-page.disruption-status. */
GtkWidget     *sot_disruption_row_new            (SotDisruption    *option);

/* Returns: (transfer none): the option shown. */
SotDisruption *sot_disruption_row_get_disruption (SotDisruptionRow *self);

G_END_DECLS
