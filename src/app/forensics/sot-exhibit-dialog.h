/* sot-exhibit-dialog.h: the form that adds an exhibit to the register
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-exhibit.h"
#include "sot-forensic-catalogue.h"
#include "sot-form-dialog.h"
#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_EXHIBIT_DIALOG (sot_exhibit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotExhibitDialog, sot_exhibit_dialog, SOT, EXHIBIT_DIALOG, SotFormDialog)

/**
 * sot_exhibit_dialog_new:
 * @exhibits: (nullable): the register (#SotExhibit), whose top-level exhibits a
 *   new one may be part of
 * Adds an exhibit to @investigation when accepted; a failure is told in a dialog of its own.
 * Returns: (transfer none): the dialog, owned by the window list until it closes.
 */
SotExhibitDialog *sot_exhibit_dialog_new         (GtkWindow            *parent,
                                                  SotStore             *store,
                                                  SotForensicCatalogue *catalogue,
                                                  SotInvestigation     *investigation,
                                                  GListModel           *exhibits);

/* Returns: (transfer none) (nullable): the exhibit added, once the form was accepted. */
SotExhibit       *sot_exhibit_dialog_get_exhibit (SotExhibitDialog     *self);

G_END_DECLS
