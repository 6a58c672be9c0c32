/* sot-suspect-dates-dialog.h: a suspect's relationship, arrest, interview, bail and release
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-form-dialog.h"
#include "sot-suspect.h"

G_BEGIN_DECLS

#define SOT_TYPE_SUSPECT_DATES_DIALOG (sot_suspect_dates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotSuspectDatesDialog, sot_suspect_dates_dialog, SOT, SUSPECT_DATES_DIALOG,
                      SotFormDialog)

/**
 * sot_suspect_dates_dialog_new:
 * A form for the relationship and dates of @suspect. Accepted, it saves a fresh copy of the
 * stored suspect and emits #SotSuspectDatesDialog::saved with it, or
 * #SotSuspectDatesDialog::failed with what went wrong.
 * Returns: (transfer none): the dialog, owned by the window list until it closes.
 */
SotSuspectDatesDialog *sot_suspect_dates_dialog_new (GtkWindow  *parent,
                                                     SotStore   *store,
                                                     SotSuspect *suspect);

G_END_DECLS
