/* sot-cli-backup.h: `soteria-cli backup` and `soteria-cli restore`
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sot_cli_backup:
 * @global_db: (nullable): the global --db, or %NULL for the default workspace
 * @argv: (array length=argc): the command's arguments, argv[0] being "backup"
 *
 * `soteria-cli backup --out FILE [--passphrase-file F]`: a consistent, checked copy of the
 * workspace, mode 0600, never over an existing file.
 * Returns: %TRUE, or %FALSE with @error set (%SOT_CLI_ERROR).
 */
gboolean sot_cli_backup  (const char  *global_db,
                          int          argc,
                          char       **argv,
                          GError     **error);

/**
 * sot_cli_restore:
 * @global_db: (nullable): the global --db: the workspace to create
 * @argv: (array length=argc): the command's arguments, argv[0] being "restore"
 *
 * `soteria-cli --db NEW restore FILE [--passphrase-file F]`: a new workspace from a backup,
 * checked (integrity, audit chain) before it is put in place, the restore audited in it.
 * Returns: %TRUE, or %FALSE with @error set (%SOT_CLI_ERROR).
 */
gboolean sot_cli_restore (const char  *global_db,
                          int          argc,
                          char       **argv,
                          GError     **error);

G_END_DECLS
