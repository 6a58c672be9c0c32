/* sot-welcome-window.h: the window shown before a workspace is open (first start, preparing
 * training mode, a workspace that cannot be opened)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SOT_TYPE_WELCOME_WINDOW (sot_welcome_window_get_type ())
G_DECLARE_FINAL_TYPE (SotWelcomeWindow, sot_welcome_window, SOT, WELCOME_WINDOW,
                      AdwApplicationWindow)

/* Returns: (transfer none): the new window, owned by @application's window list. */
SotWelcomeWindow *sot_welcome_window_new            (GtkApplication   *application);

/**
 * sot_welcome_window_show_welcome:
 * @path: (nullable): the workspace file that does not exist yet, when not the default one
 *
 * Offers to create an empty workspace or to open training mode.
 */
void              sot_welcome_window_show_welcome   (SotWelcomeWindow *self,
                                                     const char       *path);

/* Shows that the training workspace is being opened or generated. */
void              sot_welcome_window_show_preparing (SotWelcomeWindow *self);

/* Sets the progress of the preparation, 0 to 1; a negative @fraction pulses. */
void              sot_welcome_window_set_progress   (SotWelcomeWindow *self,
                                                     double            fraction);

/* Shows why a workspace could not be opened or prepared. */
void              sot_welcome_window_show_error     (SotWelcomeWindow *self,
                                                     const char       *title,
                                                     const char       *message);

G_END_DECLS
