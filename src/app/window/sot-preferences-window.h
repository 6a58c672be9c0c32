/* sot-preferences-window.h: the operator's name, collar number and force
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SOT_TYPE_PREFERENCES_WINDOW (sot_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SotPreferencesWindow, sot_preferences_window, SOT, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Returns: (transfer none): a new preferences window editing @settings. */
SotPreferencesWindow *sot_preferences_window_new (GSettings *settings);

G_END_DECLS
