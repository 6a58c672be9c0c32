/* main.c: the entry point of soteria-workbench
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sot-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SotApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Run from the build tree (tools/run, meson devenv) the catalogues are in build/po, not yet
   * in the install prefix. */
  localedir = g_getenv ("SOTERIA_WORKBENCH_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Soteria Workbench"));

  app = sot_application_new (G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
