/* sot-investigation-dialog.h: the dialog that creates or edits an investigation, with inline
 * validation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_INVESTIGATION_DIALOG (sot_investigation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotInvestigationDialog, sot_investigation_dialog, SOT, INVESTIGATION_DIALOG,
                      AdwWindow)

/**
 * sot_investigation_dialog_new:
 * @parent: (nullable): the window the dialog is modal for
 * @store: the workspace the investigation is saved to
 * @investigation: (nullable): the investigation to edit, or %NULL to create one
 *
 * The dialog edits a copy, so @investigation changes only when the store has saved the edit.
 * It emits #SotInvestigationDialog::saved with the saved record and closes itself.
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of windows.
 */
SotInvestigationDialog *sot_investigation_dialog_new (GtkWindow        *parent,
                                                      SotStore         *store,
                                                      SotInvestigation *investigation);

G_END_DECLS
