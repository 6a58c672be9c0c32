/* sot-suspect-row.h: a suspect of the investigation, with its dates and repeat badge
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-bail.h"
#include "sot-suspect.h"

G_BEGIN_DECLS

#define SOT_TYPE_SUSPECT_ROW (sot_suspect_row_get_type ())
G_DECLARE_FINAL_TYPE (SotSuspectRow, sot_suspect_row, SOT, SUSPECT_ROW, AdwActionRow)

/**
 * sot_suspect_row_new:
 * A row for @suspect, with its latest pre-charge @bail (or %NULL) and a menu of the bail
 * actions; a repeat suspect gets a badge listing the other investigations, read
 * from @store when it opens. Choosing one emits #SotSuspectRow::open-investigation; a failure
 * to list them, #SotSuspectRow::failed.
 */
GtkWidget     *sot_suspect_row_new         (SotSuspect    *suspect,
                                            SotStore      *store,
                                            SotBailRecord *bail);

/* Returns: (transfer none): the suspect shown. */
SotSuspect    *sot_suspect_row_get_suspect (SotSuspectRow *self);

/* Returns: (transfer none) (nullable): the suspect's pre-charge bail shown. */
SotBailRecord *sot_suspect_row_get_bail    (SotSuspectRow *self);

G_END_DECLS
