/* sot-disruption-dialog.h: where a disruption option stands, since when, and what came of it
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-disruption.h"
#include "sot-form-dialog.h"

G_BEGIN_DECLS

#define SOT_TYPE_DISRUPTION_DIALOG (sot_disruption_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotDisruptionDialog, sot_disruption_dialog, SOT, DISRUPTION_DIALOG,
                      SotFormDialog)

/**
 * sot_disruption_dialog_new:
 * A form for the status, date and outcome of @option. Accepted, it saves them and emits
 * #SotDisruptionDialog::saved, or #SotDisruptionDialog::failed with what went wrong.
 * Returns: (transfer none): the dialog, owned by the window list until it closes.
 */
SotDisruptionDialog *sot_disruption_dialog_new (GtkWindow     *parent,
                                                SotStore      *store,
                                                SotDisruption *option);

G_END_DECLS
