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
#include "sot-json.h"
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
add_time (JsonBuilder *b,
          const char  *name,
          GDateTime   *dt)
{
  g_autofree char *text = dt != NULL ? sot_time_format_utc (dt) : NULL;

  sot_json_add_string (b, name, text);
}

static void
add_local_time (JsonBuilder *b,
                const char  *name,
                GDateTime   *dt)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = dt != NULL ? g_date_time_to_timezone (dt, tz) : NULL;
  g_autofree char *text = local != NULL ? g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z")
                                        : NULL;

  sot_json_add_string (b, name, text);
}

/* An integer, or null when there is none. */
static void
add_optional_int (JsonBuilder *b,
                  const char  *name,
                  gboolean     present,
                  gint64       value)
{
  json_builder_set_member_name (b, name);
  if (present)
    json_builder_add_int_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_catalogue (JsonBuilder          *b,
               SotForensicCatalogue *catalogue)
{
  SotCatalogueOrigin origin = sot_forensic_catalogue_get_origin (catalogue);

  json_builder_set_member_name (b, "catalogue");
  json_builder_begin_object (b);
  sot_json_add_string (b, "name", sot_forensic_catalogue_get_name (catalogue));
  sot_json_add_string (b, "version", sot_forensic_catalogue_get_version (catalogue));
  sot_json_add_string (b, "source", sot_forensic_catalogue_get_source (catalogue));
  sot_json_add_string (b, "source_date", sot_forensic_catalogue_get_source_date (catalogue));
  sot_json_add_string (b, "origin", sot_catalogue_origin_to_string (origin));
  sot_json_add_string (b, "file", sot_forensic_catalogue_get_override_path (catalogue));
  json_builder_end_object (b);
}

static void
add_window (JsonBuilder       *b,
            SotForensicWindow *w)
{
  const char *note = NULL;

  if (w->hours == SOT_FORENSIC_NO_FIGURE)
    note = SOT_FORENSIC_NO_FIGURE_NOTE;
  else if (!w->confirmed)
    note = SOT_FORENSIC_VERIFY_NOTE;

  json_builder_begin_object (b);
  sot_json_add_string (b, "id", sot_forensic_sample_get_id (w->sample));
  sot_json_add_string (b, "label", sot_forensic_sample_get_label (w->sample));
  sot_json_add_int (b, "sampling_order", sot_forensic_sample_get_order (w->sample));
  add_optional_int (b, "hours", w->hours != SOT_FORENSIC_NO_FIGURE, w->hours);
  add_optional_int (b, "suspect_hours", sot_forensic_sample_has_suspect_hours (w->sample),
                    sot_forensic_sample_get_hours (w->sample, SOT_SAMPLE_SUBJECT_SUSPECT));
  sot_json_add_bool (b, "confirmed", w->confirmed);
  /* The note is the untranslated English text, for scripts; the product shows it
   * translated. */
  sot_json_add_string (b, "note", note);
  sot_json_add_string (b, "status", sot_window_status_to_string (w->status));
  add_time (b, "certain_deadline", w->certain_deadline);
  add_local_time (b, "certain_deadline_local", w->certain_deadline);
  add_time (b, "last_possible_deadline", w->last_deadline);
  add_local_time (b, "last_possible_deadline_local", w->last_deadline);
  add_optional_int (b, "seconds_left", w->certain_deadline != NULL,
                    w->time_left / G_TIME_SPAN_SECOND);
  add_optional_int (b, "seconds_left_last_possible", w->last_deadline != NULL,
                    w->time_left_last / G_TIME_SPAN_SECOND);
  sot_json_add_string (b, "source", sot_forensic_sample_get_source (w->sample));
  sot_json_add_string (b, "source_date", sot_forensic_sample_get_source_date (w->sample));
  json_builder_end_object (b);
}

static char *
to_json (SotForensicCatalogue *catalogue,
         GPtrArray            *windows,
         GDateTime            *from,
         GDateTime            *until,
         GDateTime            *at,
         int                   closing_hours)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  add_catalogue (b, catalogue);
  add_time (b, "offence_from", from);
  add_time (b, "offence_until", until);
  add_time (b, "at", at);
  sot_json_add_int (b, "closing_threshold_hours", closing_hours);
  sot_json_add_string (b, "time_zone", "Europe/London");
  json_builder_set_member_name (b, "samples");
  json_builder_begin_array (b);
  for (guint i = 0; i < windows->len; i++)
    add_window (b, g_ptr_array_index (windows, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return sot_json_to_string (root);
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
