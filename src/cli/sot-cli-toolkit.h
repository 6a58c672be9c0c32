/* sot-cli-toolkit.h: `soteria-cli toolkit`, the forensic window calculator without a workspace
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sot_cli_toolkit:
 * @argv: (array length=argc): the command's arguments, argv[0] being "toolkit"
 *
 * soteria-cli toolkit --offence-time ISO8601 [--offence-until ISO8601] [--at ISO8601] [--json]
 *
 * Prints every sample type of the active forensic catalogue (the built-in one, or the force's
 * file in $XDG_CONFIG_HOME/soteria-workbench) with its window, status (open, closing, closed,
 * or no-figure), deadline(s) and whether the value is confirmed. --at defaults to now; times
 * without a zone are UK local time. Needs no workspace. Errors go to stderr prefixed
 * "soteria-cli: ".
 * Returns: the exit status: 0 done, 1 failed, 2 a usage error (a bad time, until before from).
 */
int sot_cli_toolkit (int    argc,
                     char **argv);

G_END_DECLS
