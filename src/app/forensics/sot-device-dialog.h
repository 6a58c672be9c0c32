/* sot-device-dialog.h: the form that records a digital device taken in an investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-form-dialog.h"
#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_DEVICE_DIALOG (sot_device_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotDeviceDialog, sot_device_dialog, SOT, DEVICE_DIALOG, SotFormDialog)

/* Adds a device to @investigation when accepted; a failure is told in a dialog of its own.
 * Returns: (transfer none): the dialog. */
SotDeviceDialog *sot_device_dialog_new (GtkWindow        *parent,
                                        SotStore         *store,
                                        SotInvestigation *investigation);

G_END_DECLS
