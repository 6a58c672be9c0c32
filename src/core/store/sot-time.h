/* sot-time.h: parsing and formatting of the dates and times kept in a workspace
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SOT_TIME_ERROR (sot_time_error_quark ())

typedef enum {
  SOT_TIME_ERROR_INVALID,
} SotTimeError;

GQuark     sot_time_error_quark   (void);

/* Returns: (transfer full): the time zone of England and Wales (Europe/London). */
GTimeZone *sot_time_zone_uk       (void);

/**
 * sot_time_parse:
 * Parses an ISO 8601 date-time ("2024-03-01T22:30", with or without seconds or a zone; a
 * time without a zone is UK local time) or a bare date (midnight UK time).
 * Returns: (transfer full): the time in UTC, or %NULL with a specific message in @error.
 */
GDateTime *sot_time_parse         (const char  *text,
                                   GError     **error);

/* How far past the clock a time of something that happened may lie: a watch a little fast. */
#define SOT_TIME_FUTURE_TOLERANCE (5 * G_TIME_SPAN_MINUTE)

/**
 * sot_time_parse_past:
 * @now: the clock's time (sot_store_now())
 * @what: names the time in the messages ("The seizure time")
 * @required: whether a blank @text is refused; when not, it gives %NULL in @out
 * @out: (out) (transfer full) (nullable): the time as the workspace stores it
 *
 * Parses (sot_time_parse()) the time of something that has happened, refusing one more than
 * %SOT_TIME_FUTURE_TOLERANCE after @now.
 * Returns: %TRUE, or %FALSE with %SOT_STORE_ERROR_INVALID in @error.
 */
gboolean   sot_time_parse_past    (GDateTime   *now,
                                   const char  *text,
                                   const char  *what,
                                   gboolean     required,
                                   char       **out,
                                   GError     **error);

/**
 * sot_date_parse:
 * Parses a calendar date "YYYY-MM-DD", refusing impossible dates such as 2023-02-30.
 */
gboolean   sot_date_parse         (const char  *text,
                                   GDate       *date,
                                   GError     **error);

/* Returns: (transfer full): @date as "YYYY-MM-DD". */
char      *sot_date_format        (const GDate *date);

/* Fills @date with the UK calendar day on which @dt falls. */
void       sot_date_from_time     (GDateTime   *dt,
                                   GDate       *date);

/* Returns: (transfer full): @dt in UTC to the second, "2024-03-01T22:30:00Z": how the
 * workspace stores a time of an event. */
char      *sot_time_format_utc    (GDateTime   *dt);

/* Returns: (transfer full): @dt in UK local time as "1 Mar 2024 22:30" for display. */
char      *sot_time_format_display (GDateTime  *dt);

/* Returns: (transfer full): a stored "YYYY-MM-DD" as "1 Mar 2024", or %NULL if unparsable. */
char      *sot_date_format_display (const char *iso_date);

/* How pressing a deadline is, for badges and the Due view. */
typedef enum {
  SOT_URGENCY_LATER,     /* due after the due-soon span */
  SOT_URGENCY_DUE_SOON,  /* due within SOT_DUE_SOON_SPAN */
  SOT_URGENCY_OVERDUE,   /* passed */
} SotUrgency;

/* A deadline this close counts as due soon: two days, so a weekend does not hide one. */
#define SOT_DUE_SOON_SPAN (2 * G_TIME_SPAN_DAY)

/* Returns: how pressing a deadline at @due is at @now. */
SotUrgency sot_deadline_urgency    (GDateTime  *due,
                                    GDateTime  *now);

G_END_DECLS
