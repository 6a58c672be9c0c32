/* sot-isva-dialog.h: the form to add or change the ISVA supporting a victim
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-form-dialog.h"
#include "sot-isva.h"
#include "sot-victim-contact.h"

G_BEGIN_DECLS

#define SOT_TYPE_ISVA_DIALOG (sot_isva_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotIsvaDialog, sot_isva_dialog, SOT, ISVA_DIALOG, SotFormDialog)

/**
 * sot_isva_dialog_new:
 * The "Add ISVA" form for @victim_id when @isva is %NULL (service, adviser, referral date,
 * consent), else the "Edit ISVA" form for @isva (service, adviser, consent; what it does not
 * show is written back as it was). The service is required. Accepting it saves the ISVA.
 * Returns: (transfer none): the dialog, owned by the window list until it closes.
 */
SotIsvaDialog *sot_isva_dialog_new (GtkWindow     *parent,
                                    SotStore      *store,
                                    gint64         victim_id,
                                    SotIsva       *isva);

G_END_DECLS
