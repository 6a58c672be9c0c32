/* sot-investigation-dialog-private.h: what the widget tests may reach inside the dialog
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-investigation-dialog.h"

G_BEGIN_DECLS

/**
 * sot_investigation_dialog_get_field:
 * @name: "crime-reference", "offence-type", "offence-from-date", "offence-from-time",
 *   "offence-until-date", "offence-until-time", "reported-on", "recorded-on", "officer",
 *   "status", "outcome-code" or "outcome-date"
 *
 * Returns: (transfer none): the row editing @name (an AdwEntryRow or an AdwComboRow).
 */
GtkWidget  *sot_investigation_dialog_get_field   (SotInvestigationDialog *self,
                                                  const char             *name);

/* Returns: (transfer none) (nullable): the problem shown under @field, a property name. */
const char *sot_investigation_dialog_get_problem (SotInvestigationDialog *self,
                                                  const char             *field);

/* Returns: (transfer none): the Save button. */
GtkWidget  *sot_investigation_dialog_get_save_button (SotInvestigationDialog *self);

G_END_DECLS
