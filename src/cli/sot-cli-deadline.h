/* sot-cli-deadline.h: `soteria-cli deadline`, the Victims' Code Right 6 due date of an event
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sot_cli_deadline:
 * @argv: (array length=argc): the command's arguments, argv[0] being "deadline"
 *
 * `soteria-cli deadline --event arrest|interview|released|bail|bail-change|no-investigation
 * --at ISO8601 [--enhanced]` prints the day by whose end the victim must be told, as
 * YYYY-MM-DD on stdout. Needs no workspace. Errors go to stderr as "soteria-cli: …".
 * Returns: the exit status: 0, 1 (a date outside the bank-holiday table) or 2 (bad arguments).
 */
int sot_cli_deadline (int    argc,
                      char **argv);

G_END_DECLS
