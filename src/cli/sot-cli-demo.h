/* sot-cli-demo.h: `soteria-cli demo`, a new workspace filled with fictional training cases
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sot_cli_demo:
 * @global_db: (nullable): the global --db, or %NULL
 * @argv: (array length=argc): the command's arguments, argv[0] being "demo"
 *
 * `soteria-cli demo --investigations N [--seed S] [--today YYYY-MM-DD] [--db PATH]` fills a
 * new workspace with fictional training cases and prints a one-line summary.
 * Returns: %TRUE on success, or %FALSE with @error set (%SOT_CLI_ERROR).
 */
gboolean sot_cli_demo (const char  *global_db,
                       int          argc,
                       char       **argv,
                       GError     **error);

G_END_DECLS
