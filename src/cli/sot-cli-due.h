/* sot-cli-due.h: `soteria-cli due`, what is due in every case of a workspace
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sot_cli_due:
 * @db_path: (nullable): the workspace given before the command, or %NULL for the default
 *
 * Runs `soteria-cli due [--db PATH] --json [--owner NAME] [--now TIME]`.
 * Returns: the exit status.
 */
int sot_cli_due (const char  *db_path,
                 int          argc,
                 char       **argv);

G_END_DECLS
