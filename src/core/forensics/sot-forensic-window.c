/* sot-forensic-window.c: the forensic window calculator
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-forensic-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-forensic-window.h"
#include "sot-time.h"

/* The longest window a catalogue may give (MAX_HOURS of sot-forensic-catalogue.c). */
#define LATEST_WINDOW_HOURS 100000

G_DEFINE_BOXED_TYPE (SotForensicWindow, sot_forensic_window,
                     sot_forensic_window_ref, sot_forensic_window_unref)

G_DEFINE_QUARK (sot-forensic-window-error-quark, sot_forensic_window_error)

static void
window_clear (gpointer data)
{
  SotForensicWindow *self = data;

  g_clear_object (&self->sample);
  g_clear_pointer (&self->certain_deadline, g_date_time_unref);
  g_clear_pointer (&self->last_deadline, g_date_time_unref);
}

SotForensicWindow *
sot_forensic_window_ref (SotForensicWindow *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
sot_forensic_window_unref (SotForensicWindow *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, window_clear);
}

gboolean
sot_forensic_window_check_range (GDateTime  *offence_from,
                                 GDateTime  *offence_until,
                                 GError    **error)
{
  g_return_val_if_fail (offence_from != NULL, FALSE);

  if (offence_until != NULL && g_date_time_compare (offence_until, offence_from) < 0)
    {
      g_set_error_literal (error, SOT_FORENSIC_WINDOW_ERROR, SOT_FORENSIC_WINDOW_ERROR_RANGE,
                           _("The end of the offence period comes before its start"));
      return FALSE;
    }

  /* Every deadline must be a time GDateTime can hold (up to the end of the year 9999). */
  {
    g_autoptr(GDateTime) latest = g_date_time_add_hours (offence_until != NULL ? offence_until
                                                                               : offence_from,
                                                         LATEST_WINDOW_HOURS);

    if (latest == NULL)
      {
        g_set_error_literal (error, SOT_FORENSIC_WINDOW_ERROR, SOT_FORENSIC_WINDOW_ERROR_RANGE,
                             _("The offence time is too far in the future: its sample windows "
                               "would end after the year 9999"));
        return FALSE;
      }
  }

  return TRUE;
}

SotForensicWindow *
sot_forensic_window_compute (SotForensicSample *sample,
                             SotSampleSubject   subject,
                             GDateTime         *offence_from,
                             GDateTime         *offence_until,
                             GDateTime         *now,
                             int                closing_hours)
{
  SotForensicWindow *self;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;

  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (sample), NULL);
  g_return_val_if_fail (offence_from != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (closing_hours >= 0, NULL);

  self = g_atomic_rc_box_new0 (SotForensicWindow);
  self->sample = g_object_ref (sample);
  self->subject = subject;
  self->hours = sot_forensic_sample_get_hours (sample, subject);
  self->confirmed = sot_forensic_sample_get_confirmed (sample);
  self->is_range = offence_until != NULL && !g_date_time_equal (offence_until, offence_from);

  if (self->hours == SOT_FORENSIC_NO_FIGURE)
    {
      self->status = SOT_WINDOW_NO_FIGURE;
      return self;
    }

  /* Elapsed hours, in UTC: a clock change does not move the deadline by an hour. */
  from = g_date_time_to_utc (offence_from);
  until = g_date_time_to_utc (offence_until != NULL ? offence_until : offence_from);
  self->certain_deadline = g_date_time_add_hours (from, self->hours);
  self->last_deadline = g_date_time_add_hours (until, self->hours);

  /* Past the year 9999 (refused by sot_forensic_window_check_range()): no deadline to show. */
  if (self->certain_deadline == NULL || self->last_deadline == NULL)
    {
      g_clear_pointer (&self->certain_deadline, g_date_time_unref);
      g_clear_pointer (&self->last_deadline, g_date_time_unref);
      self->status = SOT_WINDOW_NO_FIGURE;
      return self;
    }

  self->time_left = g_date_time_difference (self->certain_deadline, now);
  self->time_left_last = g_date_time_difference (self->last_deadline, now);

  if (self->time_left_last <= 0)
    self->status = SOT_WINDOW_CLOSED;
  else if (self->time_left <= (GTimeSpan) closing_hours * G_TIME_SPAN_HOUR)
    self->status = SOT_WINDOW_CLOSING;
  else
    self->status = SOT_WINDOW_OPEN;

  return self;
}

GPtrArray *
sot_forensic_windows_compute (SotForensicCatalogue  *catalogue,
                              SotSampleSubject       subject,
                              GDateTime             *offence_from,
                              GDateTime             *offence_until,
                              GDateTime             *now,
                              int                    closing_hours,
                              GError               **error)
{
  g_autoptr(GPtrArray) windows = NULL;
  guint n;

  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (offence_from != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (closing_hours >= 0, NULL);

  if (!sot_forensic_window_check_range (offence_from, offence_until, error))
    return NULL;

  n = sot_forensic_catalogue_get_n_samples (catalogue);
  windows = g_ptr_array_new_full (n, (GDestroyNotify) sot_forensic_window_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (windows,
                     sot_forensic_window_compute (sot_forensic_catalogue_get_sample (catalogue, i),
                                                  subject, offence_from, offence_until, now,
                                                  closing_hours));

  return g_steal_pointer (&windows);
}

static gint
compare_by_deadline (gconstpointer a,
                     gconstpointer b)
{
  const SotForensicWindow *wa = *(const SotForensicWindow * const *) a;
  const SotForensicWindow *wb = *(const SotForensicWindow * const *) b;

  if (wa->time_left != wb->time_left)
    return wa->time_left < wb->time_left ? -1 : 1;

  return sot_forensic_sample_get_order (wa->sample) - sot_forensic_sample_get_order (wb->sample);
}

GPtrArray *
sot_forensic_window_closing_within (SotForensicCatalogue *catalogue,
                                    SotInvestigation     *investigation,
                                    GDateTime            *now,
                                    int                   hours)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  GPtrArray *closing;
  const char *until_text;

  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (SOT_IS_INVESTIGATION (investigation), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (hours >= 0, NULL);

  closing = g_ptr_array_new_with_free_func ((GDestroyNotify) sot_forensic_window_unref);

  from = sot_time_parse (sot_investigation_get_offence_from (investigation), NULL);
  until_text = sot_investigation_get_offence_until (investigation);
  if (until_text != NULL && *until_text != '\0')
    until = sot_time_parse (until_text, NULL);

  if (from == NULL)
    return closing;

  all = sot_forensic_windows_compute (catalogue, SOT_SAMPLE_SUBJECT_COMPLAINANT, from, until,
                                      now, hours, NULL);
  if (all == NULL)
    return closing;

  for (guint i = 0; i < all->len; i++)
    {
      SotForensicWindow *window = g_ptr_array_index (all, i);

      if (window->status == SOT_WINDOW_CLOSING)
        g_ptr_array_add (closing, sot_forensic_window_ref (window));
    }

  g_ptr_array_sort (closing, compare_by_deadline);

  return closing;
}

const char *
sot_window_status_to_string (SotWindowStatus status)
{
  switch (status)
    {
    case SOT_WINDOW_OPEN:
      return "open";
    case SOT_WINDOW_CLOSING:
      return "closing";
    case SOT_WINDOW_CLOSED:
      return "closed";
    case SOT_WINDOW_NO_FIGURE:
    default:
      return "no-figure";
    }
}

const char *
sot_window_status_label (SotWindowStatus status)
{
  switch (status)
    {
    case SOT_WINDOW_OPEN:
      return _("Open");
    case SOT_WINDOW_CLOSING:
      return _("Closing");
    case SOT_WINDOW_CLOSED:
      return _("Closed");
    case SOT_WINDOW_NO_FIGURE:
    default:
      return _("No figure");
    }
}

char *
sot_forensic_format_duration (GTimeSpan span)
{
  gint64 minutes;
  gint64 days, hours;

  if (span < 0)
    span = -span;

  minutes = span / G_TIME_SPAN_MINUTE;
  days = minutes / (24 * 60);
  hours = (minutes / 60) % 24;
  minutes %= 60;

  if (days > 0)
    return g_strdup_printf (_("%lld d %lld h"), (long long) days, (long long) hours);
  if (hours > 0)
    return g_strdup_printf (_("%lld h %lld min"), (long long) hours, (long long) minutes);
  if (minutes > 0)
    return g_strdup_printf (_("%lld min"), (long long) minutes);

  return g_strdup (_("less than a minute"));
}

char *
sot_forensic_format_time (GDateTime *dt)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (dt != NULL, NULL);

  local = g_date_time_to_timezone (dt, tz);
  return g_date_time_format (local, "%-d %b %Y %H:%M %Z");
}

char *
sot_forensic_window_describe_value (const SotForensicWindow *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->hours == SOT_FORENSIC_NO_FIGURE)
    return g_strdup (_(SOT_FORENSIC_NO_FIGURE_NOTE));

  if (self->confirmed)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour, confirmed",
                                         "%d hours, confirmed", self->hours),
                            self->hours);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour — %s", "%d hours — %s",
                                       self->hours),
                          self->hours, _(SOT_FORENSIC_VERIFY_NOTE));
}

static char *
describe_one (GDateTime *deadline,
              GTimeSpan  left)
{
  g_autofree char *when = sot_forensic_format_time (deadline);
  g_autofree char *span = sot_forensic_format_duration (left);

  if (left > 0)
    /* Translators: a deadline, then the time left before it */
    return g_strdup_printf (_("%s (%s left)"), when, span);

  /* Translators: a deadline, then how long ago it passed */
  return g_strdup_printf (_("%s (passed %s ago)"), when, span);
}

char *
sot_forensic_window_describe_deadlines (const SotForensicWindow *self)
{
  g_autofree char *certain = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->certain_deadline == NULL)
    return g_strdup (_(SOT_FORENSIC_NO_FIGURE_NOTE));

  certain = describe_one (self->certain_deadline, self->time_left);

  if (!self->is_range)
    return g_strdup_printf (_("Deadline %s"), certain);

  last = describe_one (self->last_deadline, self->time_left_last);
  return g_strdup_printf (_("Certain until %s; last possible %s"), certain, last);
}
