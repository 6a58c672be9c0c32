/* sot-contact-dialog.h: the "Log Contact" form, with the Right 6 events the contact tells of
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-form-dialog.h"
#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_TYPE_CONTACT_DIALOG (sot_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotContactDialog, sot_contact_dialog, SOT, CONTACT_DIALOG, SotFormDialog)

/**
 * sot_contact_dialog_new:
 * A form to log a contact with @victim_id (0: the first victim) of @investigation_id, on the
 * agreed @channel to begin with. Each open Right 6 deadline of @deadlines (#SotDeadline) is a
 * check box, ticked: a contact usually tells of all of them. Accepting it logs the contact.
 * Returns: (transfer none): the dialog, owned by the window list until it closes.
 */
SotContactDialog *sot_contact_dialog_new (GtkWindow  *parent,
                                          SotStore   *store,
                                          gint64      investigation_id,
                                          gint64      victim_id,
                                          const char *channel,
                                          GListModel *deadlines);

G_END_DECLS
