/* sot-application.h: the Soteria Workbench application, its workspaces and app-wide actions
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SOT_TYPE_APPLICATION (sot_application_get_type ())
G_DECLARE_FINAL_TYPE (SotApplication, sot_application, SOT, APPLICATION, AdwApplication)

/**
 * sot_application_new:
 * @extra_flags: flags added to the defaults, such as %G_APPLICATION_NON_UNIQUE for tests
 *
 * Returns: (transfer full): the application
 */
SotApplication *sot_application_new          (GApplicationFlags  extra_flags);

/* Returns: (transfer none): the application's settings (schema org.soteria.Workbench). */
GSettings      *sot_application_get_settings (SotApplication    *self);

/* Returns: (transfer full): the training workspace's file, beside the default workspace. */
char           *sot_application_dup_training_path  (void);

/* Returns: (transfer full): the default real workspace's file. */
char           *sot_application_dup_default_path   (void);

G_END_DECLS
