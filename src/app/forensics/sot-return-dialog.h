/* sot-return-dialog.h: the form that records a device's return to its owner
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-device.h"
#include "sot-form-dialog.h"

G_BEGIN_DECLS

#define SOT_TYPE_RETURN_DIALOG (sot_return_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotReturnDialog, sot_return_dialog, SOT, RETURN_DIALOG, SotFormDialog)

/* Records when @device was returned, when accepted; a failure is told in a dialog of its own.
 * Returns: (transfer none): the dialog. */
SotReturnDialog *sot_return_dialog_new (GtkWindow *parent,
                                        SotStore  *store,
                                        SotDevice *device);

G_END_DECLS
