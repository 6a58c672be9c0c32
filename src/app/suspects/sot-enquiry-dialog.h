/* sot-enquiry-dialog.h: adding a line of enquiry, or editing its owner, due date and notes
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-line-of-enquiry.h"

G_BEGIN_DECLS

#define SOT_TYPE_ENQUIRY_DIALOG (sot_enquiry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotEnquiryDialog, sot_enquiry_dialog, SOT, ENQUIRY_DIALOG, AdwWindow)

/**
 * sot_enquiry_dialog_new_add:
 * @suspects: (nullable): the investigation's #SotSuspect items, to tie the line to one
 * @owner: (nullable): the owner proposed in the form
 * A dialog that adds a line of enquiry to the investigation @investigation_id. Emits
 * #SotEnquiryDialog::line-saved with the new line and closes.
 */
SotEnquiryDialog *sot_enquiry_dialog_new_add    (GtkWindow        *parent,
                                                 SotStore         *store,
                                                 gint64            investigation_id,
                                                 GListModel       *suspects,
                                                 const char       *owner);

/**
 * sot_enquiry_dialog_new_edit:
 * A dialog that edits the owner, due date and notes of the stored @line. @line itself is not
 * changed: a fresh copy is saved, so @line keeps the values from before (for an undo).
 * Emits #SotEnquiryDialog::line-saved with the saved copy and closes.
 */
SotEnquiryDialog *sot_enquiry_dialog_new_edit   (GtkWindow        *parent,
                                                 SotStore         *store,
                                                 SotLineOfEnquiry *line);

/* Returns: (transfer none) (nullable): the line being edited, %NULL when adding. */
SotLineOfEnquiry *sot_enquiry_dialog_get_line   (SotEnquiryDialog *self);

/* Fills the form from the fields of @values (category, focus, title, owner, due date, notes,
 * CPS point, suspect), as if typed; in the edit dialog only owner, due date and notes. */
void              sot_enquiry_dialog_fill       (SotEnquiryDialog *self,
                                                 SotLineOfEnquiry *values);

G_END_DECLS
