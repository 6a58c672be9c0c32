/* sot-cli-walkthrough.h: soteria-cli walkthrough, a victim's guide to their case as a PDF
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sot_cli_walkthrough:
 * @db_path: (nullable): the global --db, or %NULL for the default workspace
 * @argv: (array length=argc): the command's arguments, argv[0] being "walkthrough"
 *
 * `soteria-cli --db W walkthrough --investigation REF [--lang en|cy] --out FILE.pdf` writes
 * the digital walkthrough of the case's first victim, audited as a disclosure to the victim.
 * Returns: the exit status: 0, 1 or 2.
 */
int sot_cli_walkthrough (const char  *db_path,
                         int          argc,
                         char       **argv);

G_END_DECLS
