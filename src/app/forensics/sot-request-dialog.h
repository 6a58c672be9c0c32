/* sot-request-dialog.h: the form that records a request for third-party material
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-form-dialog.h"
#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_REQUEST_DIALOG (sot_request_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotRequestDialog, sot_request_dialog, SOT, REQUEST_DIALOG, SotFormDialog)

/* Adds a third-party request to @investigation, and its outcome when already known, when
 * accepted; a failure is told in a dialog of its own. Returns: (transfer none): the dialog. */
SotRequestDialog *sot_request_dialog_new (GtkWindow        *parent,
                                          SotStore         *store,
                                          SotInvestigation *investigation);

G_END_DECLS
