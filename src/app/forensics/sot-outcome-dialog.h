/* sot-outcome-dialog.h: the form that records the outcome of a third-party material request
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-device.h"
#include "sot-form-dialog.h"

G_BEGIN_DECLS

#define SOT_TYPE_OUTCOME_DIALOG (sot_outcome_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotOutcomeDialog, sot_outcome_dialog, SOT, OUTCOME_DIALOG, SotFormDialog)

/* Records the outcome of @request when accepted; a failure is told in a dialog of its own.
 * Returns: (transfer none): the dialog. */
SotOutcomeDialog *sot_outcome_dialog_new         (GtkWindow                  *parent,
                                                  SotStore                   *store,
                                                  SotThirdPartyRequest       *request);

/* Adds the "outcome", "outcome-date" and "outcome-note" fields to @form, filled from @request
 * (or pending, dated today by the form's clock, for %NULL): the request form has them too. */
void              sot_outcome_dialog_add_fields  (SotFormDialog              *form,
                                                  SotThirdPartyRequest       *request);

/* From a sync: hides the outcome's date and note while the request is pending. */
void              sot_outcome_dialog_sync_fields (SotFormDialog              *form);

G_END_DECLS
