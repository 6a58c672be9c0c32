/* sot-calendar.c: working days in England and Wales
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-calendar.h"
#include "sot-time.h"

struct _SotCalendar
{
  GObject     parent_instance;

  GHashTable *holidays;   /* julian day → GUINT_TO_POINTER (1) */
  GHashTable *published;  /* year → GUINT_TO_POINTER (1) */
  guint       first_year;
  guint       last_year;
};

G_DEFINE_FINAL_TYPE (SotCalendar, sot_calendar, G_TYPE_OBJECT)

G_DEFINE_QUARK (sot-calendar-error-quark, sot_calendar_error)

static void
sot_calendar_finalize (GObject *object)
{
  SotCalendar *self = (SotCalendar *)object;

  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_clear_pointer (&self->published, g_hash_table_unref);

  G_OBJECT_CLASS (sot_calendar_parent_class)->finalize (object);
}

static void
sot_calendar_class_init (SotCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sot_calendar_finalize;
}

static void
sot_calendar_init (SotCalendar *self)
{
  self->holidays = g_hash_table_new (NULL, NULL);
  self->published = g_hash_table_new (NULL, NULL);
}

static gboolean
load_year (SotCalendar  *self,
           GKeyFile     *key_file,
           guint         year,
           GError      **error)
{
  g_autofree char *group = g_strdup_printf ("%u", year);
  g_autofree char *status = NULL;
  g_auto(GStrv) days = NULL;

  days = g_key_file_get_string_list (key_file, group, "days", NULL, error);
  if (days == NULL)
    return FALSE;

  status = g_key_file_get_string (key_file, group, "status", NULL);
  if (g_strcmp0 (status, "published") == 0)
    g_hash_table_add (self->published, GUINT_TO_POINTER (year));

  for (guint i = 0; days[i] != NULL; i++)
    {
      GDate date;

      if (!sot_date_parse (days[i], &date, error) || g_date_get_year (&date) != year)
        {
          g_clear_error (error);
          g_set_error (error, SOT_CALENDAR_ERROR, SOT_CALENDAR_ERROR_INVALID,
                       "bank-holidays.ini [%u]: “%s” is not a date of that year", year, days[i]);
          return FALSE;
        }

      g_hash_table_add (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&date)));
    }

  return TRUE;
}

SotCalendar *
sot_calendar_new (GError **error)
{
  g_autoptr(SotCalendar) self = g_object_new (SOT_TYPE_CALENDAR, NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  GError *local_error = NULL;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/reference/bank-holidays.ini", 0, error);
  if (bytes == NULL || !g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, error))
    return NULL;

  self->first_year = g_key_file_get_integer (key_file, "Reference", "first-year", &local_error);
  if (local_error == NULL)
    self->last_year = g_key_file_get_integer (key_file, "Reference", "last-year", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  for (guint year = self->first_year; year <= self->last_year; year++)
    if (!load_year (self, key_file, year, error))
      return NULL;

  return g_steal_pointer (&self);
}

guint
sot_calendar_get_first_year (SotCalendar *self)
{
  g_return_val_if_fail (SOT_IS_CALENDAR (self), 0);

  return self->first_year;
}

guint
sot_calendar_get_last_year (SotCalendar *self)
{
  g_return_val_if_fail (SOT_IS_CALENDAR (self), 0);

  return self->last_year;
}

gboolean
sot_calendar_year_is_published (SotCalendar *self,
                                guint        year)
{
  g_return_val_if_fail (SOT_IS_CALENDAR (self), FALSE);

  return g_hash_table_contains (self->published, GUINT_TO_POINTER (year));
}

gboolean
sot_calendar_is_working_day (SotCalendar  *self,
                             const GDate  *date,
                             gboolean     *working,
                             GError      **error)
{
  guint year;
  GDateWeekday weekday;

  g_return_val_if_fail (SOT_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (working != NULL, FALSE);

  year = g_date_get_year (date);
  if (year < self->first_year || year > self->last_year)
    {
      g_set_error (error, SOT_CALENDAR_ERROR, SOT_CALENDAR_ERROR_OUT_OF_RANGE,
                   _("The bank-holiday table covers %u to %u; working days in %u cannot be "
                     "counted"),
                   self->first_year, self->last_year, year);
      return FALSE;
    }

  weekday = g_date_get_weekday (date);
  *working = weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY &&
             !g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));

  return TRUE;
}

gboolean
sot_calendar_add_working_days (SotCalendar  *self,
                               const GDate  *from,
                               guint         n,
                               GDate        *result,
                               GError      **error)
{
  GDate day;
  guint counted = 0;

  g_return_val_if_fail (SOT_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  /* The start day itself must be inside the table too: an event in 2019 is not guessed at. */
  {
    gboolean ignored;

    if (!sot_calendar_is_working_day (self, from, &ignored, error))
      return FALSE;
  }

  day = *from;
  while (counted < n)
    {
      gboolean working;

      g_date_add_days (&day, 1);
      if (!sot_calendar_is_working_day (self, &day, &working, error))
        return FALSE;
      if (working)
        counted++;
    }

  *result = day;
  return TRUE;
}
