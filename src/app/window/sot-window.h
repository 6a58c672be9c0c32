/* sot-window.h: the main window: the list of investigations beside the open one
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_TYPE_WINDOW (sot_window_get_type ())
G_DECLARE_FINAL_TYPE (SotWindow, sot_window, SOT, WINDOW, AdwApplicationWindow)

/**
 * sot_window_new:
 * @application: (nullable): the application, or %NULL in tests
 * @store: the workspace shown
 * @settings: (nullable): the application settings; %NULL reads them by the application id
 *
 * Returns: (transfer none): the window, owned by GTK's list of windows.
 */
SotWindow *sot_window_new       (GtkApplication *application,
                                 SotStore       *store,
                                 GSettings      *settings);

/* Returns: (transfer none): the workspace shown. */
SotStore  *sot_window_get_store (SotWindow      *self);

G_END_DECLS
