/* sot-lab-dialog.h: the form for an exhibit's laboratory submission and result
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-exhibit.h"
#include "sot-form-dialog.h"

G_BEGIN_DECLS

#define SOT_TYPE_LAB_DIALOG (sot_lab_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotLabDialog, sot_lab_dialog, SOT, LAB_DIALOG, SotFormDialog)

/* Saves the laboratory, submission time and result of @exhibit when accepted; a failure is
 * told in a dialog of its own. Returns: (transfer none): the dialog. */
SotLabDialog *sot_lab_dialog_new (GtkWindow  *parent,
                                  SotStore   *store,
                                  SotExhibit *exhibit);

G_END_DECLS
