/* sot-cli-walkthrough.c: soteria-cli walkthrough, a victim's guide to their case as a PDF
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-cli.h"
#include "sot-cli-walkthrough.h"
#include "sot-store.h"
#include "sot-walkthrough.h"

static int
usage_error (const char *message)
{
  g_printerr ("soteria-cli: %s\n", message);
  g_printerr (_("Try “soteria-cli walkthrough --help”.\n"));
  return SOT_CLI_EXIT_USAGE;
}

int
sot_cli_walkthrough (const char  *db_path,
                     int          argc,
                     char       **argv)
{
  g_autofree char *reference = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *out = NULL;
  g_autofree char *victim = NULL;
  g_autofree char *path = NULL;
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "investigation", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The case’s crime reference"),
      N_("REF") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("English (en) or Welsh (cy); the victim’s recorded choice by default"), N_("en|cy") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
                                _("Write the digital walkthrough of a case for its victim: a "
                                  "plain-language A4 guide to where the case stands, with no "
                                  "suspect, other victim or evidence. Audited as a disclosure "
                                  "to the victim."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      return SOT_CLI_EXIT_OK;
    }

  if (argc > 1)
    return usage_error (_("Unexpected argument"));
  if (reference == NULL || out == NULL)
    return usage_error (_("--investigation and --out are required"));
  if (lang != NULL && g_strcmp0 (lang, SOT_LANGUAGE_ENGLISH) != 0 &&
      g_strcmp0 (lang, SOT_LANGUAGE_WELSH) != 0)
    return usage_error (_("--lang must be en or cy"));

  path = db_path != NULL ? g_strdup (db_path)
                         : g_build_filename (g_get_user_data_dir (), "soteria-workbench",
                                             "workbench.db", NULL);
  if (!(store = sot_store_open (path, SOT_STORE_OPEN_NONE, &error)) ||
      !(victim = sot_walkthrough_first_victim (store, reference, &error)) ||
      !sot_walkthrough_write_pdf (store, victim, lang, out, &error))
    {
      g_printerr ("soteria-cli: %s\n", error->message);
      return SOT_CLI_EXIT_FAILURE;
    }

  g_print (_("Wrote the walkthrough of %s to %s\n"), reference, out);
  return SOT_CLI_EXIT_OK;
}
