/* sot-time.c: parsing and formatting of the dates and times kept in a workspace
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-store.h"
#include "sot-time.h"

G_DEFINE_QUARK (sot-time-error-quark, sot_time_error)

GTimeZone *
sot_time_zone_uk (void)
{
  /* Loading a zone parses tzdata and builds every transition: far too slow to repeat per
   * record. It is loaded once and never changes afterwards, so sharing it is safe. */
  static GTimeZone *uk;

  if (g_once_init_enter (&uk))
    {
      GTimeZone *tz = g_time_zone_new_identifier ("Europe/London");

      /* Without tzdata, UTC is wrong for half the year; say so rather than guess silently. */
      if (tz == NULL)
        {
          g_warning ("Time zone Europe/London is not installed; using UTC");
          tz = g_time_zone_new_utc ();
        }

      g_once_init_leave (&uk, tz);
    }

  return g_time_zone_ref (uk);
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
sot_time_parse_past (GDateTime   *now,
                     const char  *text,
                     const char  *what,
                     gboolean     required,
                     char       **out,
                     GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;

  if (sot_text_is_blank (text))
    {
      if (required)
        sot_set_invalid (error, _("%s is required"), what);
      return !required;
    }

  if (!(dt = sot_time_parse (text, &local_error)))
    return sot_set_invalid (error, "%s: %s", what, local_error->message);

  if (g_date_time_difference (dt, now) > SOT_TIME_FUTURE_TOLERANCE)
    return sot_set_invalid (error, _("%s is in the future"), what);

  *out = sot_time_format_utc (dt);
  return TRUE;
}

gboolean
sot_date_parse (const char  *text,
                GDate       *date,
                GError     **error)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    {
      g_set_error (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID,
                   _("“%s” is not a date in the form YYYY-MM-DD"), text ? text : "");
      return FALSE;
    }

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);

  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID,
                   _("%s is not a real date"), text);
      return FALSE;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

char *
sot_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

void
sot_date_from_time (GDateTime *dt,
                    GDate     *date)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (dt != NULL);
  g_return_if_fail (date != NULL);

  local = g_date_time_to_timezone (dt, tz);
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

GDateTime *
sot_time_parse (const char  *text,
                GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *copy = NULL;
  GDateTime *utc;
  GDate date;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID,
                           _("No time was given"));
      return NULL;
    }

  tz = sot_time_zone_uk ();

  /* A bare date means midnight, UK time, on that day. */
  if (strlen (text) == 10)
    {
      if (!sot_date_parse (text, &date, error))
        return NULL;

      dt = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);
      return g_date_time_to_utc (dt);
    }

  /* Accept "YYYY-MM-DD HH:MM" as people type it. */
  copy = g_strdup (text);
  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';

  /* GLib wants seconds; people rarely type them. Add ":00" to a bare "HH:MM". */
  if (strlen (copy) >= 16 && copy[10] == 'T' && copy[13] == ':' &&
      (copy[16] == '\0' || copy[16] == 'Z' || copy[16] == '+' || copy[16] == '-'))
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", copy, copy + 16);

      g_free (copy);
      copy = g_steal_pointer (&with_seconds);
    }

  dt = g_date_time_new_from_iso8601 (copy, tz);
  if (dt == NULL)
    {
      /* Tell an impossible date apart from a malformed text. */
      if (strlen (copy) >= 10)
        {
          g_autofree char *day_part = g_strndup (copy, 10);

          if (!sot_date_parse (day_part, &date, error))
            return NULL;
        }

      g_set_error (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID,
                   _("“%s” is not a date and time in the form YYYY-MM-DDTHH:MM"), text);
      return NULL;
    }

  if (g_date_time_get_year (dt) < 1900)
    {
      g_set_error (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID,
                   _("%s is not a real date"), text);
      return NULL;
    }

  /* 9999-12-31T23:00-05:00 is in the year 10000 in UTC, which GDateTime cannot hold. */
  utc = g_date_time_to_utc (dt);
  if (utc == NULL)
    g_set_error (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID,
                 _("%s is too far in the future: it falls after the year 9999"), text);
  return utc;
}

char *
sot_time_format_utc (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (dt != NULL, NULL);

  utc = g_date_time_to_utc (dt);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
sot_time_format_display (GDateTime *dt)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (dt != NULL, NULL);

  local = g_date_time_to_timezone (dt, tz);
  /* Day month year, 24-hour clock: the form used on UK police forms. */
  return g_date_time_format (local, "%-d %b %Y %H:%M");
}

char *
sot_date_format_display (const char *iso_date)
{
  GDate date;
  char buf[64];

  if (!sot_date_parse (iso_date, &date, NULL))
    return NULL;

  if (g_date_strftime (buf, sizeof buf, "%-d %b %Y", &date) == 0)
    return g_strdup (iso_date);

  return g_strdup (buf);
}

SotUrgency
sot_deadline_urgency (GDateTime *due,
                      GDateTime *now)
{
  GTimeSpan left;

  g_return_val_if_fail (due != NULL, SOT_URGENCY_LATER);
  g_return_val_if_fail (now != NULL, SOT_URGENCY_LATER);

  left = g_date_time_difference (due, now);

  if (left < 0)
    return SOT_URGENCY_OVERDUE;
  if (left <= SOT_DUE_SOON_SPAN)
    return SOT_URGENCY_DUE_SOON;
  return SOT_URGENCY_LATER;
}
