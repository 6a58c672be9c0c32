/* sot-status-cell.h: the status of a line of enquiry in the evidence list, as a drop-down
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-line-of-enquiry.h"

G_BEGIN_DECLS

#define SOT_TYPE_STATUS_CELL (sot_status_cell_get_type ())
G_DECLARE_FINAL_TYPE (SotStatusCell, sot_status_cell, SOT, STATUS_CELL, AdwBin)

/* A cell that always shows the stored status of its line; a status the officer picks is
 * announced by #SotStatusCell::status-chosen and shows only once the line has it. */
GtkWidget        *sot_status_cell_new           (void);

/* Shows @line (or nothing, for %NULL) and follows its status. */
void              sot_status_cell_set_line      (SotStatusCell    *self,
                                                 SotLineOfEnquiry *line);

/* Returns: (transfer none) (nullable): the line shown. */
SotLineOfEnquiry *sot_status_cell_get_line      (SotStatusCell    *self);

/* Returns: (transfer none): the drop-down, for tests. */
GtkDropDown      *sot_status_cell_get_drop_down (SotStatusCell    *self);

G_END_DECLS
