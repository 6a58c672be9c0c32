/* sot-accessible.h: accessible names GTK 4.8 gets wrong, put right for every widget
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Watches every widget as it is mapped and names, once and for all, the controls GTK 4.8
 * leaves unnamed or names twice. Call before the first window is shown; calls after the
 * first do nothing. */
void sot_accessible_init          (void);

/* Names @widget (a drop-down, menu button or button) as sot_accessible_init () would. */
void sot_accessible_fix_names     (GtkWidget *widget);

G_END_DECLS
