/* sot-cli-deadline.c: `soteria-cli deadline`: the Right 6 due date of an event, or bail's end
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-bail.h"
#include "sot-calendar.h"
#include "sot-cli-deadline.h"
#include "sot-cli.h"
#include "sot-right6.h"
#include "sot-time.h"

static int
usage_error (const char *message)
{
  g_printerr ("soteria-cli: %s\n", message);
  g_printerr (_("Try “soteria-cli deadline --help”.\n"));
  return SOT_CLI_EXIT_USAGE;
}

/* The last day of pre-charge bail after an arrest at @at_text, extended to @extension_text. */
static int
print_bail_end (const char *at_text,
                const char *extension_text)
{
  SotBailAuthority authority = SOT_BAIL_INITIAL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate arrest, last_day;

  if (extension_text != NULL && !sot_bail_authority_from_string (extension_text, &authority))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown extension “%s”: use inspector, superintendent, court-12 or "
                           "court-18"), extension_text);

      return usage_error (message);
    }

  if (!(at = sot_time_parse (at_text, &error)))
    return usage_error (error->message);

  sot_date_from_time (at, &arrest);
  sot_bail_end_for_arrest (&arrest, authority, &last_day);
  text = sot_date_format (&last_day);
  g_print ("%s\n", text);

  return SOT_CLI_EXIT_OK;
}

int
sot_cli_deadline (int    argc,
                  char **argv)
{
  g_autofree char *event_text = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *extension_text = NULL;
  gboolean enhanced = FALSE;
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_text,
      N_("The event: arrest, interview, released, bail, bail-change, no-investigation, charge, "
         "nfa, oocd, discontinuance, or pre-charge-bail (the last day of bail after an arrest)"),
      N_("EVENT") },
    { "extension", 0, 0, G_OPTION_ARG_STRING, &extension_text,
      N_("With pre-charge-bail: the latest extension, inspector, superintendent, court-12 or "
         "court-18"), N_("AUTHORITY") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("When it happened, ISO 8601 (UK time unless a zone is given)"), N_("TIME") },
    { "enhanced", 0, 0, G_OPTION_ARG_NONE, &enhanced,
      N_("The victim has enhanced rights (1 working day instead of 5)"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SotCalendar) calendar = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *due_text = NULL;
  SotRight6Event event;
  GDate due;

  g_return_val_if_fail (argc >= 1 && argv != NULL, SOT_CLI_EXIT_USAGE);

  context = g_option_context_new (_("--event EVENT --at TIME [--enhanced] [--extension "
                                    "AUTHORITY]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* GOption's own --help would exit() from inside the parser. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
                                _("Print the day by whose end the victim must be told of an "
                                  "event (Victims’ Code, Right 6): the 1st working day after the "
                                  "event’s day with enhanced rights, else the 5th. Working days "
                                  "skip weekends and bank holidays in England and Wales. With "
                                  "--event pre-charge-bail and the time of arrest, print the last "
                                  "day of pre-charge bail (PACE s.47ZB: 3 months beginning with "
                                  "the day after the arrest; --extension for 6, 9, 12 or 18)."));
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
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[1]);

      return usage_error (message);
    }

  if (event_text == NULL || at_text == NULL)
    return usage_error (_("Both --event and --at are required"));

  if (g_strcmp0 (event_text, "pre-charge-bail") == 0)
    return print_bail_end (at_text, extension_text);

  if (extension_text != NULL)
    return usage_error (_("--extension goes with --event pre-charge-bail only"));

  if (!sot_right6_event_from_string (event_text, &event))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown event “%s”: use arrest, interview, released, bail, "
                           "bail-change, no-investigation, charge, nfa, oocd, discontinuance "
                           "or pre-charge-bail"), event_text);

      return usage_error (message);
    }

  at = sot_time_parse (at_text, &error);
  if (at == NULL)
    return usage_error (error->message);

  calendar = sot_calendar_new (&error);
  if (calendar == NULL)
    {
      g_printerr ("soteria-cli: %s\n", error->message);
      return SOT_CLI_EXIT_FAILURE;
    }

  if (!sot_right6_deadline (calendar, event, at, enhanced, &due, &error))
    {
      g_printerr ("soteria-cli: %s\n", error->message);
      return SOT_CLI_EXIT_FAILURE;
    }

  /* A projected year's holidays may still change (a one-off bank holiday is announced): say so,
   * on stderr so that the answer on stdout stays machine-readable. */
  {
    GDate event_day;

    sot_date_from_time (at, &event_day);
    for (guint year = g_date_get_year (&event_day); year <= g_date_get_year (&due); year++)
      {
        if (!sot_calendar_year_is_published (calendar, year))
          {
            g_printerr (_("soteria-cli: note: the bank holidays of %u are projected, not yet "
                          "published; check the date nearer the time\n"), year);
            break;
          }
      }
  }

  due_text = sot_date_format (&due);
  g_print ("%s\n", due_text);

  return SOT_CLI_EXIT_OK;
}
