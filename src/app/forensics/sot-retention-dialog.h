/* sot-retention-dialog.h: the form for the decision to keep, dispose of or return an exhibit
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-exhibit.h"
#include "sot-form-dialog.h"

G_BEGIN_DECLS

#define SOT_TYPE_RETENTION_DIALOG (sot_retention_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotRetentionDialog, sot_retention_dialog, SOT, RETENTION_DIALOG,
                      SotFormDialog)

/* Saves the retention decision of @exhibit when accepted; a failure is told in a dialog of its
 * own. Returns: (transfer none): the dialog. */
SotRetentionDialog *sot_retention_dialog_new (GtkWindow  *parent,
                                              SotStore   *store,
                                              SotExhibit *exhibit);

G_END_DECLS
