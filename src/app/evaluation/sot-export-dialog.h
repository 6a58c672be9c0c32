/* sot-export-dialog.h: the dataset export dialog (period, disclosure control, recipient, purpose)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-export.h"
#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_TYPE_EXPORT_DIALOG (sot_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotExportDialog, sot_export_dialog, SOT, EXPORT_DIALOG, AdwWindow)

/**
 * sot_export_dialog_new:
 * @store: the workspace (construct-only "store")
 * @parent: (nullable): the window it is modal for
 *
 * A dialog for the evaluators' dataset: period, suppression threshold, rounding, pseudonym
 * key mode, coarsening, recipient and purpose (both required), the folder (chosen with a
 * GtkFileChooserNative; the package goes into a new folder inside it), a preview (rows per
 * table, suppressed cells, k) and the export itself off the main thread, with a progress bar
 * and Cancel. A cancelled or failed export leaves nothing behind.
 * Returns: (transfer full): the dialog.
 */
SotExportDialog *sot_export_dialog_new        (SotStore        *store,
                                               GtkWindow       *parent);

SotStore        *sot_export_dialog_get_store  (SotExportDialog *self);

/* Sets the folder the package goes into (tests; the user chooses it with the file chooser). */
void             sot_export_dialog_set_folder (SotExportDialog *self,
                                               GFile           *folder);

/* Returns: (transfer full): the options as filled in (tests). */
SotExportOptions *sot_export_dialog_get_options (SotExportDialog *self);

G_END_DECLS
