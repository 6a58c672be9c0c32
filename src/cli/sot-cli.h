/* sot-cli.h: the commands of soteria-cli
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SOT_CLI_ERROR (sot_cli_error_quark ())

typedef enum {
  SOT_CLI_ERROR_USAGE,   /* a bad argument, an unknown command: exit status 2 */
  SOT_CLI_ERROR_FAILED,  /* the command ran and failed: exit status 1 */
  SOT_CLI_ERROR_REPORTED_USAGE,   /* as USAGE, already printed by the command */
  SOT_CLI_ERROR_REPORTED_FAILED,  /* as FAILED, already printed by the command */
} SotCliError;

/* Whether @error was already printed by the command that set it. */
gboolean sot_cli_error_reported (const GError *error);

/* Exit statuses, as documented in `soteria-cli --help`. */
#define SOT_CLI_EXIT_OK      0
#define SOT_CLI_EXIT_FAILURE 1
#define SOT_CLI_EXIT_USAGE   2

GQuark   sot_cli_error_quark  (void);

/**
 * sot_cli_run:
 * @argv: (array zero-terminated=1): the program's arguments, argv[0] included
 *
 * Parses the global options and runs the command they name. Output goes to stdout, progress
 * to stderr; an error is returned rather than printed, for main() to report.
 * Returns: %TRUE on success, or %FALSE with @error set.
 */
gboolean sot_cli_run          (int            argc,
                               char         **argv,
                               GError       **error);

/* Returns: the exit status that @error calls for (%SOT_CLI_EXIT_USAGE or _FAILURE). */
int      sot_cli_exit_status  (const GError  *error);

G_END_DECLS
