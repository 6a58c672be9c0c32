/* sot-investigation-row.h: one investigation in the list (reference, offence, officer, dates,
 * status and the next deadline)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_INVESTIGATION_ROW (sot_investigation_row_get_type ())
G_DECLARE_FINAL_TYPE (SotInvestigationRow, sot_investigation_row, SOT, INVESTIGATION_ROW, AdwBin)

/* Returns: (transfer none): a new, empty row. */
GtkWidget        *sot_investigation_row_new               (void);

/* Returns: (transfer none) (nullable): the investigation shown. */
SotInvestigation *sot_investigation_row_get_investigation (SotInvestigationRow *self);

/**
 * sot_investigation_row_set_investigation:
 * @investigation: (nullable): the investigation to show, followed through its notifications
 * @now: (nullable): the time against which the next deadline is shown as overdue or near
 */
void              sot_investigation_row_set_investigation (SotInvestigationRow *self,
                                                           SotInvestigation    *investigation,
                                                           GDateTime           *now);

G_END_DECLS
