/* sot-reason-dialog.h: a form that asks why, for an item (a line not pursued, a dismissal)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-form-dialog.h"

G_BEGIN_DECLS

#define SOT_TYPE_REASON_DIALOG (sot_reason_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotReasonDialog, sot_reason_dialog, SOT, REASON_DIALOG, SotFormDialog)

/**
 * sot_reason_dialog_new:
 * @now: the form's clock, sot_store_now() of the workspace (the training clock moves it)
 * @item: what the reason is for, kept for the caller
 * @title: the title of the one field, "reason", which must not be blank
 * A form asking for the reason of a decision on @item. Accepted, it emits
 * #SotReasonDialog::reason-given; the caller records the decision, as only it knows how to
 * undo it.
 * Returns: (transfer none): the dialog, owned by the window list until it closes.
 */
SotReasonDialog *sot_reason_dialog_new      (GtkWindow             *parent,
                                             GDateTime             *now,
                                             GObject               *item,
                                             const char            *heading,
                                             const char            *body,
                                             const char            *title,
                                             const char            *accept_label,
                                             AdwResponseAppearance  appearance);

/* Returns: (transfer none): the item the reason is for. */
GObject         *sot_reason_dialog_get_item (SotReasonDialog       *self);

G_END_DECLS
