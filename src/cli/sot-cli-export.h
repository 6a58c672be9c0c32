/* sot-cli-export.h: `soteria-cli export` (the evaluators' dataset) and `soteria-cli metrics`
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sot_cli_export:
 * @db_path: (nullable): the global --db, or %NULL for the default workspace
 * @argv: (array length=argc): the command's arguments, argv[0] being "export"
 *
 * `soteria-cli --db PATH export --out DIR --recipient TEXT --purpose TEXT [--from YYYY-MM]
 * [--to YYYY-MM] [--threshold N] [--key stable|fresh] [--round5] [--coarsen-month]
 * [--wider-age-bands] [--withhold-small-groups]` writes the pseudonymised,
 * disclosure-controlled Data Package to DIR and prints a short summary (tables, rows,
 * suppressed cells, k). Errors go to stderr as "soteria-cli: …".
 * Returns: the exit status: 0, 1 (the export failed, DIR not empty) or 2 (bad arguments).
 */
int sot_cli_export  (const char  *db_path,
                     int          argc,
                     char       **argv);

/**
 * sot_cli_metrics:
 * @db_path: (nullable): the global --db, or %NULL for the default workspace
 * @argv: (array length=argc): the command's arguments, argv[0] being "metrics"
 *
 * `soteria-cli --db PATH metrics [--from YYYY-MM] [--to YYYY-MM]` prints the evaluation
 * metrics as "key: value" lines (raw counts: for the workstation only, not for disclosure).
 * Returns: the exit status: 0, 1 or 2.
 */
int sot_cli_metrics (const char  *db_path,
                     int          argc,
                     char       **argv);

G_END_DECLS
