/* main.c: the entry point of soteria-cli
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sot-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Run from the build tree (tools/run, meson devenv) the catalogues are in build/po, not yet
   * in the install prefix. */
  localedir = g_getenv ("SOTERIA_WORKBENCH_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("soteria-cli");

  if (!sot_cli_run (argc, argv, &error))
    {
      if (!sot_cli_error_reported (error))
        g_printerr ("soteria-cli: %s\n", error->message);
      return sot_cli_exit_status (error);
    }

  return SOT_CLI_EXIT_OK;
}
