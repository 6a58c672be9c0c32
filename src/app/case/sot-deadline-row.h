/* sot-deadline-row.h: one deadline in the Due view: the case, its state, what and when
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sot-deadline.h"

G_BEGIN_DECLS

#define SOT_TYPE_DEADLINE_ROW (sot_deadline_row_get_type ())
G_DECLARE_FINAL_TYPE (SotDeadlineRow, sot_deadline_row, SOT, DEADLINE_ROW, GtkWidget)

/* Returns: (transfer full): a row showing nothing until it is given a deadline. */
GtkWidget   *sot_deadline_row_new          (void);

/* Returns: (transfer none) (nullable): the deadline the row shows. */
SotDeadline *sot_deadline_row_get_deadline (SotDeadlineRow *self);

/* Shows @deadline (or nothing, for %NULL). */
void         sot_deadline_row_set_deadline (SotDeadlineRow *self,
                                            SotDeadline    *deadline);

G_END_DECLS
