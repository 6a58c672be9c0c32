/* sot-deadline-row.h: one deadline in the Due view: the case, its state, what and when
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sot-due.h"

G_BEGIN_DECLS

#define SOT_TYPE_DEADLINE_ROW (sot_deadline_row_get_type ())
G_DECLARE_FINAL_TYPE (SotDeadlineRow, sot_deadline_row, SOT, DEADLINE_ROW, GtkWidget)

/* Returns: (transfer full): a row showing nothing until it is given a deadline. */
GtkWidget   *sot_deadline_row_new          (void);

/* The item shown, a #SotDue, or %NULL. */
SotDue      *sot_deadline_row_get_item     (SotDeadlineRow *self);
void         sot_deadline_row_set_item     (SotDeadlineRow *self,
                                            SotDue         *item);
/* The heading above the first row of a group ("Overdue · 3"), or %NULL for none. */
void         sot_deadline_row_set_header   (SotDeadlineRow *self,
                                            const char     *header);

G_END_DECLS
