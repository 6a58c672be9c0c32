/* sot-bail-dialog.h: the forms of a suspect's pre-charge bail: bail, extension, victim's views, end
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-bail.h"
#include "sot-form-dialog.h"
#include "sot-suspect.h"

G_BEGIN_DECLS

/* What the form records. */
typedef enum {
  SOT_BAIL_FORM_RECORD,        /* the arrest and bail dates of a suspect (sot_bail_record) */
  SOT_BAIL_FORM_EXTEND,        /* an extension, its date and who authorised it */
  SOT_BAIL_FORM_VICTIM_VIEWS,  /* the day the victim's views on the conditions were sought */
  SOT_BAIL_FORM_END,           /* the day bail ended */
} SotBailForm;

#define SOT_TYPE_BAIL_DIALOG (sot_bail_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotBailDialog, sot_bail_dialog, SOT, BAIL_DIALOG, SotFormDialog)

/**
 * sot_bail_dialog_new:
 * The form @kind for @suspect (%SOT_BAIL_FORM_RECORD) or for @bail (the others; @suspect may
 * then be %NULL). Accepted, it saves through the core and emits #SotBailDialog::saved with a
 * sentence saying what was recorded, or #SotBailDialog::failed with the core's refusal.
 * Returns: (transfer none): the dialog, owned by the window list until it closes.
 */
SotBailDialog *sot_bail_dialog_new      (GtkWindow     *parent,
                                         SotStore      *store,
                                         SotBailForm    kind,
                                         SotSuspect    *suspect,
                                         SotBailRecord *bail);

/* Returns: what the form records. */
SotBailForm    sot_bail_dialog_get_kind (SotBailDialog *self);

G_END_DECLS
