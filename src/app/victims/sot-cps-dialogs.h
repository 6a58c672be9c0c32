/* sot-cps-dialogs.h: the forms of CPS joint working: early advice and its points, charging
 * file, decision per suspect, action plan
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-cps.h"
#include "sot-form-dialog.h"

G_BEGIN_DECLS

#define SOT_TYPE_ADVICE_DIALOG (sot_advice_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotAdviceDialog, sot_advice_dialog, SOT, ADVICE_DIALOG, SotFormDialog)

/* The "Early Advice" form: a request for early advice on @investigation_id, and the day it
 * was given when known. Returns: (transfer none): the dialog. */
SotAdviceDialog       *sot_advice_dialog_new        (GtkWindow *parent,
                                                     SotStore  *store,
                                                     gint64     investigation_id);

#define SOT_TYPE_CHARGING_FILE_DIALOG (sot_charging_file_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotChargingFileDialog, sot_charging_file_dialog, SOT,
                      CHARGING_FILE_DIALOG, SotFormDialog)

/* The "Charging File Submitted" form for @investigation_id. Returns: (transfer none): the
 * dialog. */
SotChargingFileDialog *sot_charging_file_dialog_new (GtkWindow *parent,
                                                     SotStore  *store,
                                                     gint64     investigation_id);

#define SOT_TYPE_DECISION_DIALOG (sot_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotDecisionDialog, sot_decision_dialog, SOT, DECISION_DIALOG,
                      SotFormDialog)

/* The "CPS Decision" form: the decision about one of @suspects (#SotCpsSuspect, at least
 * one), and the day of a charge. Returns: (transfer none): the dialog. */
SotDecisionDialog     *sot_decision_dialog_new      (GtkWindow *parent,
                                                     SotStore  *store,
                                                     gint64     investigation_id,
                                                     GListModel *suspects);

#define SOT_TYPE_ACTION_ITEM_DIALOG (sot_action_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotActionItemDialog, sot_action_item_dialog, SOT, ACTION_ITEM_DIALOG,
                      SotFormDialog)

/* The "CPS Action Plan" form: an item the CPS asked for, and its due day. Returns:
 * (transfer none): the dialog. */
SotActionItemDialog   *sot_action_item_dialog_new   (GtkWindow *parent,
                                                     SotStore  *store,
                                                     gint64     investigation_id);

#define SOT_TYPE_ADVICE_POINT_DIALOG (sot_advice_point_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotAdvicePointDialog, sot_advice_point_dialog, SOT, ADVICE_POINT_DIALOG,
                      SotFormDialog)

/**
 * sot_advice_point_dialog_new:
 * With @point %NULL, the "Add Advice Point" form for the early advice @advice_uuid: the text of
 * the point (required) and a drop-down of @lines (#SotLineOfEnquiry) by title, "Not linked"
 * first. With @point, the "Link Advice Point" form for it: the drop-down alone, on its line.
 * Returns: (transfer none): the dialog.
 */
SotAdvicePointDialog  *sot_advice_point_dialog_new  (GtkWindow               *parent,
                                                     SotStore                *store,
                                                     const char              *advice_uuid,
                                                     SotCpsAdvicePoint       *point,
                                                     GListModel              *lines);

/* Returns: (transfer none): the UUID of the early advice the point is of. */
const char            *sot_advice_point_dialog_get_advice_uuid (SotAdvicePointDialog *self);

G_END_DECLS
