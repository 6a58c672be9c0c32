/* sot-exhibit-row.h: an exhibit of the register, opening on its continuity and breaks
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-exhibit.h"
#include "sot-forensic-catalogue.h"

G_BEGIN_DECLS

#define SOT_TYPE_EXHIBIT_ROW (sot_exhibit_row_get_type ())
G_DECLARE_FINAL_TYPE (SotExhibitRow, sot_exhibit_row, SOT, EXHIBIT_ROW, AdwExpanderRow)

/**
 * sot_exhibit_row_new:
 * Shows @exhibit with its breaks in continuity (checked against @catalogue), its seizure and
 * movements (each with a "forensics-page.correct-movement" button), its laboratory and retention,
 * and buttons for the page's "forensics-page.add-movement", "forensics-page.laboratory",
 * "forensics-page.retention" and "forensics-page.continuity-pdf" actions, all with the
 * exhibit's uuid.
 * Returns: (transfer floating): the row.
 */
GtkWidget          *sot_exhibit_row_new          (SotStore             *store,
                                                  SotForensicCatalogue *catalogue,
                                                  SotExhibit           *exhibit);

/* Returns: (transfer none): the exhibit shown. */
SotExhibit         *sot_exhibit_row_get_exhibit  (SotExhibitRow        *self);

/* Returns: (transfer none) (element-type utf8): the breaks in continuity shown. */
GPtrArray          *sot_exhibit_row_get_breaks   (SotExhibitRow        *self);

/* Returns: (transfer none) (nullable): the continuity entry @uuid shown, or %NULL. */
SotExhibitMovement *sot_exhibit_row_get_movement (SotExhibitRow        *self,
                                                  const char           *uuid);

G_END_DECLS
