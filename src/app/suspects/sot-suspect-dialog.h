/* sot-suspect-dialog.h: adding a suspect, then the suggested repeat-suspect links
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-checklist.h"
#include "sot-suspect.h"

G_BEGIN_DECLS

#define SOT_TYPE_SUSPECT_DIALOG (sot_suspect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotSuspectDialog, sot_suspect_dialog, SOT, SUSPECT_DIALOG, AdwWindow)

/**
 * sot_suspect_dialog_new:
 * A dialog that adds a suspect to the investigation @investigation_id of @store (proposing
 * @checklist for him when not %NULL), then offers the likely matches in other investigations
 * to link. Emits #SotSuspectDialog::suspect-added and ::suspect-linked.
 */
SotSuspectDialog *sot_suspect_dialog_new          (GtkWindow        *parent,
                                                   SotStore         *store,
                                                   gint64            investigation_id,
                                                   SotChecklist     *checklist);

/* Fills the form, e.g. from a search the officer already typed. Any argument may be %NULL. */
void              sot_suspect_dialog_set_details  (SotSuspectDialog *self,
                                                   const char       *given_name,
                                                   const char       *family_name,
                                                   const char       *date_of_birth,
                                                   const char       *local_person_id,
                                                   const char       *relationship);

/* Returns: (transfer none) (nullable): the suspect once added. */
SotSuspect       *sot_suspect_dialog_get_suspect  (SotSuspectDialog *self);

/* Returns: (transfer none) (nullable): the match suggestions once the suspect is added. */
GListModel       *sot_suspect_dialog_get_matches  (SotSuspectDialog *self);

G_END_DECLS
