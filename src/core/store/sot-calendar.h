/* sot-calendar.h: working days in England and Wales
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SOT_CALENDAR_ERROR (sot_calendar_error_quark ())

typedef enum {
  SOT_CALENDAR_ERROR_OUT_OF_RANGE,  /* a date outside the years the bank-holiday table covers */
  SOT_CALENDAR_ERROR_INVALID,       /* the table itself is malformed */
} SotCalendarError;

#define SOT_TYPE_CALENDAR (sot_calendar_get_type ())
G_DECLARE_FINAL_TYPE (SotCalendar, sot_calendar, SOT, CALENDAR, GObject)

GQuark        sot_calendar_error_quark       (void);

/**
 * sot_calendar_new:
 * Loads the bank holidays of England and Wales compiled into the program.
 * Returns: (transfer full): the calendar, or %NULL with @error set.
 */
SotCalendar  *sot_calendar_new               (GError        **error);

/* The first and last years the bank-holiday table covers. */
guint         sot_calendar_get_first_year    (SotCalendar    *self);
guint         sot_calendar_get_last_year     (SotCalendar    *self);

/* Whether @year's bank holidays are as published (%FALSE: projected by the usual rules). */
gboolean      sot_calendar_year_is_published (SotCalendar    *self,
                                              guint           year);

/**
 * sot_calendar_is_working_day:
 * Sets @working to whether @date is a working day (not a weekend, not a bank holiday).
 * Fails with %SOT_CALENDAR_ERROR_OUT_OF_RANGE outside the covered years.
 */
gboolean      sot_calendar_is_working_day    (SotCalendar    *self,
                                              const GDate    *date,
                                              gboolean       *working,
                                              GError        **error);

/**
 * sot_calendar_add_working_days:
 * The @n-th working day after @from (@from itself never counts), into @result.
 */
gboolean      sot_calendar_add_working_days  (SotCalendar    *self,
                                              const GDate    *from,
                                              guint           n,
                                              GDate          *result,
                                              GError        **error);

G_END_DECLS
