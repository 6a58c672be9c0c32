/* test-time.c: dates and times as a workspace keeps them (UK local time in, UTC stored)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sot-time.h"

typedef struct {
  const char *text;
  const char *utc;   /* expected, as "%Y-%m-%dT%H:%M:%SZ" */
} TimeCase;

static const TimeCase time_cases[] = {
  /* With a zone: taken as written. */
  { "2024-03-01T22:30:00Z", "2024-03-01T22:30:00Z" },
  { "2024-07-01T22:30:00Z", "2024-07-01T22:30:00Z" },
  { "2024-07-01T22:30:00+01:00", "2024-07-01T21:30:00Z" },
  { "2024-01-15T10:00:00-05:00", "2024-01-15T15:00:00Z" },
  { "2024-07-01T00:30:00+02:00", "2024-06-30T22:30:00Z" },
  /* Without a zone: UK local time, GMT in winter... */
  { "2024-01-15T10:00:00", "2024-01-15T10:00:00Z" },
  { "2024-12-31T23:59:59", "2024-12-31T23:59:59Z" },
  /* ...BST in summer. */
  { "2024-07-15T10:00:00", "2024-07-15T09:00:00Z" },
  { "2024-07-15T00:30:00", "2024-07-14T23:30:00Z" },
  /* Around the changes of 31 March and 27 October 2024 (01:00 UTC both). */
  { "2024-03-31T00:30:00", "2024-03-31T00:30:00Z" },
  { "2024-03-31T02:30:00", "2024-03-31T01:30:00Z" },
  { "2024-10-27T00:30:00", "2024-10-26T23:30:00Z" },
  { "2024-10-27T02:30:00", "2024-10-27T02:30:00Z" },
  /* As people type it: a space for the T, and without seconds. */
  { "2024-07-15 10:00:00", "2024-07-15T09:00:00Z" },
  { "2024-03-01T22:30", "2024-03-01T22:30:00Z" },
  { "2024-07-01T22:30", "2024-07-01T21:30:00Z" },
  { "2024-07-15 10:00", "2024-07-15T09:00:00Z" },
  /* A bare date is midnight, UK time. */
  { "2024-01-01", "2024-01-01T00:00:00Z" },
  { "2024-07-01", "2024-06-30T23:00:00Z" },
  { "2024-02-29", "2024-02-29T00:00:00Z" },
};

static void
test_parse (gconstpointer data)
{
  const TimeCase *item = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  dt = sot_time_parse (item->text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dt);

  /* The result is in UTC. */
  g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);
  text = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (text, ==, item->utc);
}

static const char * const bad_times[] = {
  "",
  "yesterday",
  "last Tuesday at ten",
  "2024",
  "2024-03",
  "24-03-01",
  "2024/03/01",
  "01/03/2024",
  "2024-3-1",
  "2024-13-01",
  "2024-00-10",
  "2024-01-00",
  "2024-02-30",
  "2023-02-29",
  "2024-04-31",
  "2024-02-30T10:00:00",
  "2023-02-29T10:00:00Z",
  "2024-03-01T25:00:00",
  "2024-03-01T22:61:00",
  "2024-03-01T",
  "2024-03-01Tnoon",
  "2024-03-01T22:30:00Zjunk",
  "2024-03-01T22:30:00+25:00",
  "1066-10-14",
  "1066-10-14T09:00:00Z",
};

static void
test_parse_rejects (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_times); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) dt = NULL;

      g_test_message ("'%s'", bad_times[i]);
      dt = sot_time_parse (bad_times[i], &error);
      g_assert_null (dt);
      g_assert_error (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sot_time_parse (NULL, &error));
    g_assert_error (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID);
  }
}

/* An impossible date gets a message about the date, not about the format. */
static void
test_parse_impossible_date_message (void)
{
  g_autoptr(GError) format_error = NULL;
  g_autoptr(GError) date_error = NULL;

  g_assert_null (sot_time_parse ("2023-02-30T10:00:00", &date_error));
  g_assert_null (sot_time_parse ("teatime", &format_error));
  g_assert_nonnull (strstr (date_error->message, "2023-02-30"));
  g_assert_cmpstr (date_error->message, !=, format_error->message);
}

/* 01:30 on 27 October 2024 happened twice in the UK; either reading is a real instant. */
static void
test_parse_ambiguous_hour (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = sot_time_parse ("2024-10-27T01:30:00", &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_true (g_str_equal (text, "2024-10-27T00:30:00Z") ||
                 g_str_equal (text, "2024-10-27T01:30:00Z"));
}

typedef struct {
  const char *text;
  gboolean    valid;
} DateCase;

static const DateCase date_cases[] = {
  { "2024-02-29", TRUE },
  { "2023-02-28", TRUE },
  { "1900-01-01", TRUE },
  { "2099-12-31", TRUE },
  { "2023-02-29", FALSE },
  { "2023-02-30", FALSE },
  { "2024-04-31", FALSE },
  { "2024-13-01", FALSE },
  { "2024-00-10", FALSE },
  { "2024-01-00", FALSE },
  { "2024-01-32", FALSE },
  { "1899-12-31", FALSE },
  { "2024-1-01", FALSE },
  { "20240101", FALSE },
  { " 2024-01-01", FALSE },
  { "2024-01-01 ", FALSE },
  { "2024-01-01T10:00:00", FALSE },
  { "+024-01-01", FALSE },
  { "2024-0a-01", FALSE },
  { "yyyy-mm-dd", FALSE },
  { "", FALSE },
};

static void
test_date_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok;

      g_test_message ("'%s'", date_cases[i].text);
      ok = sot_date_parse (date_cases[i].text, &date, &error);
      g_assert_cmpint (ok, ==, date_cases[i].valid);

      if (date_cases[i].valid)
        {
          g_autofree char *again = NULL;

          g_assert_no_error (error);
          g_assert_true (g_date_valid (&date));
          again = sot_date_format (&date);
          g_assert_cmpstr (again, ==, date_cases[i].text);
        }
      else
        {
          g_assert_error (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID);
          g_assert_cmpstr (error->message, !=, "");
        }
    }

  {
    g_autoptr(GError) error = NULL;
    GDate date;

    g_assert_false (sot_date_parse (NULL, &date, &error));
    g_assert_error (error, SOT_TIME_ERROR, SOT_TIME_ERROR_INVALID);
  }
}

typedef struct {
  const char *utc;
  const char *uk_day;
} DayCase;

static const DayCase day_cases[] = {
  { "2024-01-31T23:30:00Z", "2024-01-31" },
  { "2024-06-30T22:59:59Z", "2024-06-30" },
  { "2024-06-30T23:00:00Z", "2024-07-01" },
  { "2024-06-30T23:30:00Z", "2024-07-01" },
  { "2024-10-26T23:30:00Z", "2024-10-27" },
  { "2024-12-31T23:59:00Z", "2024-12-31" },
};

static void
test_date_from_time (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (day_cases); i++)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (day_cases[i].utc, utc);
      g_autofree char *text = NULL;
      GDate date;

      sot_date_from_time (dt, &date);
      text = sot_date_format (&date);
      g_assert_cmpstr (text, ==, day_cases[i].uk_day);
    }
}

static void
test_display (void)
{
  g_autoptr(GDateTime) summer = g_date_time_new_utc (2024, 7, 1, 21, 30, 0);
  g_autoptr(GDateTime) winter = g_date_time_new_utc (2024, 3, 1, 9, 5, 0);
  g_autofree char *summer_text = sot_time_format_display (summer);
  g_autofree char *winter_text = sot_time_format_display (winter);
  g_autofree char *day = sot_date_format_display ("2024-03-01");
  g_autofree char *bad = sot_date_format_display ("2024-02-30");

  /* Shown in UK local time, day month year, 24-hour clock (C locale month names). */
  g_assert_cmpstr (summer_text, ==, "1 Jul 2024 22:30");
  g_assert_cmpstr (winter_text, ==, "1 Mar 2024 09:05");
  g_assert_cmpstr (day, ==, "1 Mar 2024");
  g_assert_null (bad);
}

static void
test_zone (void)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();

  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Europe/London");
}

static void
test_urgency (void)
{
  static const struct {
    const char *due;
    SotUrgency  expected;
  } cases[] = {
    { "2024-03-10T11:59:59Z", SOT_URGENCY_OVERDUE },
    { "2024-03-10T12:00:00Z", SOT_URGENCY_DUE_SOON },   /* due this instant: not yet passed */
    { "2024-03-12T12:00:00Z", SOT_URGENCY_DUE_SOON },   /* exactly two days ahead */
    { "2024-03-12T12:00:01Z", SOT_URGENCY_LATER },
  };
  g_autoptr(GDateTime) now = sot_time_parse ("2024-03-10T12:00:00Z", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) due = sot_time_parse (cases[i].due, NULL);

      g_assert_cmpint (sot_deadline_urgency (due, now), ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its test case and the run goes on, so one report shows them all. */
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (time_cases); i++)
    {
      g_autofree char *escaped = g_strdelimit (g_strdup (time_cases[i].text), " :+", '_');
      g_autofree char *path = g_strdup_printf ("/time/parse/%s", escaped);

      g_test_add_data_func (path, &time_cases[i], test_parse);
    }
  g_test_add_func ("/time/parse/rejects", test_parse_rejects);
  g_test_add_func ("/time/parse/impossible-date-message", test_parse_impossible_date_message);
  g_test_add_func ("/time/parse/ambiguous-hour", test_parse_ambiguous_hour);
  g_test_add_func ("/time/date/parse", test_date_parse);
  g_test_add_func ("/time/date/from-time", test_date_from_time);
  g_test_add_func ("/time/display", test_display);
  g_test_add_func ("/time/zone", test_zone);
  g_test_add_func ("/time/deadline-urgency", test_urgency);

  return g_test_run ();
}
