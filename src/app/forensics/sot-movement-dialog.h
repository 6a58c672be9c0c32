/* sot-movement-dialog.h: the form that adds a continuity entry to an exhibit, or corrects one
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-exhibit.h"
#include "sot-form-dialog.h"

G_BEGIN_DECLS

#define SOT_TYPE_MOVEMENT_DIALOG (sot_movement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotMovementDialog, sot_movement_dialog, SOT, MOVEMENT_DIALOG, SotFormDialog)

/**
 * sot_movement_dialog_new:
 * @corrects: (nullable): the entry a correction takes the place of; %NULL adds a movement
 * Appends a movement (or a correction) to @exhibit's continuity when accepted; a failure is
 * told in a dialog of its own.
 * Returns: (transfer none): the dialog, owned by the window list until it closes.
 */
SotMovementDialog *sot_movement_dialog_new         (GtkWindow                *parent,
                                                    SotStore                 *store,
                                                    SotExhibit               *exhibit,
                                                    SotExhibitMovement *corrects);

/* Returns: (transfer none) (nullable): the exhibit whose continuity the form added to, once
 * the entry was saved. */
SotExhibit        *sot_movement_dialog_get_exhibit (SotMovementDialog        *self);

G_END_DECLS
