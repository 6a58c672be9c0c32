/* sot-victim-dialogs.h: the Victim page's small forms: event, agreed updates, letter, opt-out
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-form-dialog.h"
#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_TYPE_EVENT_DIALOG (sot_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotEventDialog, sot_event_dialog, SOT, EVENT_DIALOG, SotFormDialog)

/* The "Record Event" form: a Right 6 event of @investigation_id, its time, and which of
 * @suspects (#SotCpsSuspect, may be %NULL) it concerns. Returns: (transfer none): the dialog. */
SotEventDialog     *sot_event_dialog_new     (GtkWindow  *parent,
                                              SotStore   *store,
                                              gint64      investigation_id,
                                              GListModel *suspects);

#define SOT_TYPE_AGREEMENT_DIALOG (sot_agreement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotAgreementDialog, sot_agreement_dialog, SOT, AGREEMENT_DIALOG,
                      SotFormDialog)

/* The "Agreed Updates" form for @victim_id, from the agreement in force (@frequency_days 0:
 * none). Returns: (transfer none): the dialog. */
SotAgreementDialog *sot_agreement_dialog_new (GtkWindow  *parent,
                                              SotStore   *store,
                                              gint64      victim_id,
                                              guint       frequency_days,
                                              const char *channel);

#define SOT_TYPE_LETTER_DIALOG (sot_letter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotLetterDialog, sot_letter_dialog, SOT, LETTER_DIALOG, SotFormDialog)

/* The "Record Letter" form: a letter to @victim_id (0: the first victim) of
 * @investigation_id. Returns: (transfer none): the dialog. */
SotLetterDialog    *sot_letter_dialog_new    (GtkWindow  *parent,
                                              SotStore   *store,
                                              gint64      investigation_id,
                                              gint64      victim_id);

#define SOT_TYPE_OPT_OUT_DIALOG (sot_opt_out_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotOptOutDialog, sot_opt_out_dialog, SOT, OPT_OUT_DIALOG, SotFormDialog)

/* The "Opt Out of Enhanced Rights?" form for @victim_id: the day and a reason.
 * Returns: (transfer none): the dialog. */
SotOptOutDialog    *sot_opt_out_dialog_new   (GtkWindow  *parent,
                                              SotStore   *store,
                                              gint64      victim_id);

G_END_DECLS
