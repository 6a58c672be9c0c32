/* sot-cli-toolkit.c: `soteria-cli toolkit`, the forensic window calculator without a workspace
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-cli-toolkit.h"
#include "sot-forensic-catalogue.h"
#include "sot-forensic-window.h"
#include "sot-time.h"

#define TOOLKIT_EXIT_OK      0
#define TOOLKIT_EXIT_FAILURE 1
#define TOOLKIT_EXIT_USAGE   2

static int
usage_error (const char *message)
{
  g_printerr ("soteria-cli: %s\n", message);
  g_printerr (_("Try “soteria-cli toolkit --help”.\n"));
  return TOOLKIT_EXIT_USAGE;
}

/* JSON */

static void
json_string (GString    *out,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          /* Other control characters are escaped; UTF-8 passes through as it is valid JSON. */
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_member (GString    *out,
             const char *indent,
             const char *name,
             gboolean    first)
{
  if (!first)
    g_string_append (out, ",\n");
  g_string_append (out, indent);
  json_string (out, name);
  g_string_append (out, ": ");
}

static void
json_time (GString   *out,
           GDateTime *dt)
{
  g_autofree char *text = NULL;

  if (dt == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  text = sot_time_format_utc (dt);
  json_string (out, text);
}

static void
json_local_time (GString   *out,
                 GDateTime *dt)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (dt == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  local = g_date_time_to_timezone (dt, tz);
  text = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
  json_string (out, text);
}

static char *
to_json (SotForensicCatalogue *catalogue,
         GPtrArray            *windows,
         GDateTime            *from,
         GDateTime            *until,
         GDateTime            *at,
         int                   closing_hours)
{
  GString *out = g_string_new ("{\n");

  json_member (out, "  ", "catalogue", TRUE);
  g_string_append (out, "{\n");
  json_member (out, "    ", "name", TRUE);
  json_string (out, sot_forensic_catalogue_get_name (catalogue));
  json_member (out, "    ", "version", FALSE);
  json_string (out, sot_forensic_catalogue_get_version (catalogue));
  json_member (out, "    ", "source", FALSE);
  json_string (out, sot_forensic_catalogue_get_source (catalogue));
  json_member (out, "    ", "source_date", FALSE);
  json_string (out, sot_forensic_catalogue_get_source_date (catalogue));
  json_member (out, "    ", "origin", FALSE);
  json_string (out, sot_catalogue_origin_to_string (sot_forensic_catalogue_get_origin (catalogue)));
  json_member (out, "    ", "file", FALSE);
  json_string (out, sot_forensic_catalogue_get_override_path (catalogue));
  g_string_append (out, "\n  }");

  json_member (out, "  ", "offence_from", FALSE);
  json_time (out, from);
  json_member (out, "  ", "offence_until", FALSE);
  json_time (out, until);
  json_member (out, "  ", "at", FALSE);
  json_time (out, at);
  json_member (out, "  ", "closing_threshold_hours", FALSE);
  g_string_append_printf (out, "%d", closing_hours);
  json_member (out, "  ", "time_zone", FALSE);
  json_string (out, "Europe/London");

  json_member (out, "  ", "samples", FALSE);
  g_string_append (out, "[");
  for (guint i = 0; i < windows->len; i++)
    {
      SotForensicWindow *w = g_ptr_array_index (windows, i);
      const char *note = NULL;

      if (w->hours == SOT_FORENSIC_NO_FIGURE)
        note = SOT_FORENSIC_NO_FIGURE_NOTE;
      else if (!w->confirmed)
        note = SOT_FORENSIC_VERIFY_NOTE;

      g_string_append (out, i == 0 ? "\n    {\n" : ",\n    {\n");
      json_member (out, "      ", "id", TRUE);
      json_string (out, sot_forensic_sample_get_id (w->sample));
      json_member (out, "      ", "label", FALSE);
      json_string (out, sot_forensic_sample_get_label (w->sample));
      json_member (out, "      ", "sampling_order", FALSE);
      g_string_append_printf (out, "%d", sot_forensic_sample_get_order (w->sample));
      json_member (out, "      ", "hours", FALSE);
      if (w->hours == SOT_FORENSIC_NO_FIGURE)
        g_string_append (out, "null");
      else
        g_string_append_printf (out, "%d", w->hours);
      json_member (out, "      ", "suspect_hours", FALSE);
      if (sot_forensic_sample_has_suspect_hours (w->sample))
        g_string_append_printf (out, "%d", sot_forensic_sample_get_hours (w->sample,
                                                                         SOT_SAMPLE_SUBJECT_SUSPECT));
      else
        g_string_append (out, "null");
      json_member (out, "      ", "confirmed", FALSE);
      g_string_append (out, w->confirmed ? "true" : "false");
      /* The note is the untranslated English text, for scripts; the product shows it
       * translated. */
      json_member (out, "      ", "note", FALSE);
      json_string (out, note);
      json_member (out, "      ", "status", FALSE);
      json_string (out, sot_window_status_to_string (w->status));
      json_member (out, "      ", "certain_deadline", FALSE);
      json_time (out, w->certain_deadline);
      json_member (out, "      ", "certain_deadline_local", FALSE);
      json_local_time (out, w->certain_deadline);
      json_member (out, "      ", "last_possible_deadline", FALSE);
      json_time (out, w->last_deadline);
      json_member (out, "      ", "last_possible_deadline_local", FALSE);
      json_local_time (out, w->last_deadline);
      json_member (out, "      ", "seconds_left", FALSE);
      if (w->certain_deadline != NULL)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, w->time_left / G_TIME_SPAN_SECOND);
      else
        g_string_append (out, "null");
      json_member (out, "      ", "seconds_left_last_possible", FALSE);
      if (w->last_deadline != NULL)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, w->time_left_last / G_TIME_SPAN_SECOND);
      else
        g_string_append (out, "null");
      json_member (out, "      ", "source", FALSE);
      json_string (out, sot_forensic_sample_get_source (w->sample));
      json_member (out, "      ", "source_date", FALSE);
      json_string (out, sot_forensic_sample_get_source_date (w->sample));
      g_string_append (out, "\n    }");
    }
  g_string_append (out, windows->len > 0 ? "\n  ]\n}\n" : "]\n}\n");

  return g_string_free (out, FALSE);
}

/* Text */

static char *
to_text (SotForensicCatalogue *catalogue,
         GPtrArray            *windows,
         GDateTime            *from,
         GDateTime            *until,
         GDateTime            *at,
         int                   closing_hours)
{
  GString *out = g_string_new (NULL);
  g_autofree char *from_text = sot_forensic_format_time (from);
  g_autofree char *at_text = sot_forensic_format_time (at);
  const char *file = sot_forensic_catalogue_get_override_path (catalogue);

  g_string_append_printf (out, _("Forensic window calculator\n"));
  g_string_append_printf (out, _("Catalogue: %s, version %s\n"),
                          sot_forensic_catalogue_get_name (catalogue),
                          sot_forensic_catalogue_get_version (catalogue));
  if (file != NULL)
    g_string_append_printf (out, _("           %s by %s\n"),
                            sot_forensic_catalogue_get_origin (catalogue) == SOT_CATALOGUE_ORIGIN_EXTENDED
                            ? _("built-in catalogue extended") : _("built-in catalogue replaced"),
                            file);
  if (sot_forensic_catalogue_get_source (catalogue) != NULL)
    g_string_append_printf (out, _("Source:    %s (%s)\n"),
                            sot_forensic_catalogue_get_source (catalogue),
                            sot_forensic_catalogue_get_source_date (catalogue)
                            ? sot_forensic_catalogue_get_source_date (catalogue) : "?");

  if (until != NULL)
    {
      g_autofree char *until_text = sot_forensic_format_time (until);

      g_string_append_printf (out, _("Offence:   between %s and %s\n"), from_text, until_text);
    }
  else
    g_string_append_printf (out, _("Offence:   %s\n"), from_text);
  g_string_append_printf (out, _("At:        %s\n"), at_text);
  g_string_append_printf (out, _("Closing:   within %d hours of the certain deadline\n"),
                          closing_hours);
  g_string_append (out, "\n");
  g_string_append (out, _("Windows are elapsed hours from the offence, the maximum seen in "
                          "published persistence data: take samples as soon as practicable.\n"));
  if (until != NULL)
    g_string_append (out, _("With a range, the certain deadline counts from the earliest possible "
                            "time (before it the sample is in time whenever the offence happened); "
                            "the last possible deadline counts from the latest (after it the "
                            "window has closed whenever it happened).\n"));
  g_string_append (out, "\n");

  for (guint i = 0; i < windows->len; i++)
    {
      SotForensicWindow *w = g_ptr_array_index (windows, i);
      g_autofree char *value = sot_forensic_window_describe_value (w);

      g_string_append_printf (out, "%2d. %s [%s]\n", sot_forensic_sample_get_order (w->sample),
                              sot_forensic_sample_get_label (w->sample),
                              sot_forensic_sample_get_id (w->sample));
      g_string_append_printf (out, _("    window:   %s\n"), value);
      g_string_append_printf (out, _("    status:   %s\n"), sot_window_status_to_string (w->status));

      if (w->certain_deadline == NULL)
        continue;

      if (w->is_range)
        {
          g_autofree char *certain = sot_forensic_format_time (w->certain_deadline);
          g_autofree char *last = sot_forensic_format_time (w->last_deadline);
          g_autofree char *left = sot_forensic_format_duration (w->time_left);
          g_autofree char *left_last = sot_forensic_format_duration (w->time_left_last);

          g_string_append_printf (out, w->time_left > 0 ? _("    certain deadline:       %s (%s left)\n")
                                                        : _("    certain deadline:       %s (passed %s ago)\n"),
                                  certain, left);
          g_string_append_printf (out, w->time_left_last > 0 ? _("    last possible deadline: %s (%s left)\n")
                                                             : _("    last possible deadline: %s (passed %s ago)\n"),
                                  last, left_last);
        }
      else
        {
          g_autofree char *deadline = sot_forensic_format_time (w->certain_deadline);
          g_autofree char *left = sot_forensic_format_duration (w->time_left);

          g_string_append_printf (out, w->time_left > 0 ? _("    deadline: %s (%s left)\n")
                                                        : _("    deadline: %s (passed %s ago)\n"),
                                  deadline, left);
        }
    }

  return g_string_free (out, FALSE);
}

int
sot_cli_toolkit (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) warning = NULL;
  g_autoptr(SotForensicCatalogue) catalogue = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autofree char *offence_time = NULL;
  g_autofree char *offence_until = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  int n_args;
  const GOptionEntry entries[] = {
    { "offence-time", 0, 0, G_OPTION_ARG_STRING, &offence_time,
      N_("The offence time, or the start of the period it happened in"), "ISO8601" },
    { "offence-until", 0, 0, G_OPTION_ARG_STRING, &offence_until,
      N_("The end of the period the offence happened in"), "ISO8601" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("The moment to calculate for (default: now)"), "ISO8601" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON document"), NULL },
    G_OPTION_ENTRY_NULL
  };

  /* GOptionContext may rearrange the array it parses: work on a copy. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  n_args = argc;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("The forensic window calculator: for every sample type of the "
                                  "active catalogue, its window, status (open, closing, closed) "
                                  "and deadlines. Times without a zone are UK local time. Needs "
                                  "no workspace."));
  g_option_context_set_description (context,
                                    _("Only values marked confirmed were checked against a source; "
                                      "every other value must be verified against the current "
                                      "FFLM table."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  {
    char **parse_args = args;

    if (!g_option_context_parse_strv (context, &parse_args, &error))
      return usage_error (error->message);
    n_args = g_strv_length (parse_args);
  }

  if (n_args > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), args[1]);
      return usage_error (message);
    }

  if (offence_time == NULL)
    return usage_error (_("toolkit needs --offence-time"));

  if (!(from = sot_time_parse (offence_time, &error)))
    {
      g_autofree char *message = g_strdup_printf ("--offence-time: %s", error->message);
      return usage_error (message);
    }

  if (offence_until != NULL && !(until = sot_time_parse (offence_until, &error)))
    {
      g_autofree char *message = g_strdup_printf ("--offence-until: %s", error->message);
      return usage_error (message);
    }

  if (at_text != NULL)
    {
      if (!(at = sot_time_parse (at_text, &error)))
        {
          g_autofree char *message = g_strdup_printf ("--at: %s", error->message);
          return usage_error (message);
        }
    }
  else
    at = g_date_time_new_now_utc ();

  if (!sot_forensic_window_check_range (from, until, &error))
    return usage_error (error->message);

  /* The same time twice is a single time, not a range. */
  if (until != NULL && g_date_time_equal (until, from))
    g_clear_pointer (&until, g_date_time_unref);

  catalogue = sot_forensic_catalogue_load (NULL, &warning);
  if (warning != NULL)
    g_printerr ("soteria-cli: %s\n", warning->message);
  if (catalogue == NULL)
    return TOOLKIT_EXIT_FAILURE;

  windows = sot_forensic_windows_compute (catalogue, SOT_SAMPLE_SUBJECT_COMPLAINANT, from, until,
                                          at, SOT_FORENSIC_WINDOW_DEFAULT_CLOSING_HOURS, &error);
  if (windows == NULL)
    return usage_error (error->message);

  if (json)
    output = to_json (catalogue, windows, from, until, at, SOT_FORENSIC_WINDOW_DEFAULT_CLOSING_HOURS);
  else
    output = to_text (catalogue, windows, from, until, at, SOT_FORENSIC_WINDOW_DEFAULT_CLOSING_HOURS);

  g_print ("%s", output);

  return TOOLKIT_EXIT_OK;
}
