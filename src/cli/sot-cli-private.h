/* sot-cli-private.h: the dispatcher's helpers shared with commands in files of their own
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The option context of the command @name of the command table, with @entries and
 * @description (nullable); automatic help is off. */
GOptionContext *sot_cli_command_context        (const char          *name,
                                                const GOptionEntry  *entries,
                                                const char          *description);

/* Sets a %SOT_CLI_ERROR_USAGE error that ends with where the right usage is written. */
void            sot_cli_set_usage_error        (GError             **error,
                                                const char          *command,
                                                const char          *message);

/* Parses @argv with @context; a bad option becomes a usage error of @command. */
gboolean        sot_cli_parse_options          (GOptionContext      *context,
                                                const char          *command,
                                                int                 *argc,
                                                char              ***argv,
                                                GError             **error);

/* Fails with a usage error when anything is left in @argv after the options. */
gboolean        sot_cli_refuse_extra_arguments (const char          *command,
                                                int                  argc,
                                                char               **argv,
                                                GError             **error);

void            sot_cli_print_help             (GOptionContext      *context);

/* The workspace a command works on: @command_db, else @global_db, else the default. */
gboolean        sot_cli_resolve_db             (const char          *command,
                                                const char          *command_db,
                                                const char          *global_db,
                                                char               **out_path,
                                                GError             **error);

G_END_DECLS
