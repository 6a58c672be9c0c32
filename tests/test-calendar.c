/* test-calendar.c: working days in England and Wales and the Victims' Code Right 6 deadlines
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sot-calendar.h"
#include "sot-right6.h"
#include "sot-time.h"

static SotCalendar *
new_calendar (void)
{
  g_autoptr(GError) error = NULL;
  SotCalendar *calendar = sot_calendar_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);

  return calendar;
}

static void
test_working_days_table (void)
{
  static const struct {
    const char *from;
    guint       n;
    const char *expected;
  } cases[] = {
    /* plain weekdays and a weekend */
    { "2024-03-05", 1, "2024-03-06" },      /* Tue → Wed */
    { "2024-03-08", 1, "2024-03-11" },      /* Fri → Mon */
    { "2024-03-09", 1, "2024-03-11" },      /* Sat → Mon: the event's day never counts */
    { "2024-03-04", 5, "2024-03-11" },      /* Mon + 5 → next Mon */
    /* Easter 2024: Good Friday 29 Mar, Easter Monday 1 Apr */
    { "2024-03-28", 1, "2024-04-02" },
    { "2024-03-28", 5, "2024-04-08" },
    /* 2020: the early May bank holiday moved to Friday 8 May (VE Day) */
    { "2020-05-07", 1, "2020-05-11" },
    { "2020-05-04", 1, "2020-05-05" },      /* Monday 4 May 2020 was a working day */
    { "2020-05-01", 1, "2020-05-04" },
    /* 2022: spring bank holiday moved to 2 June, Platinum Jubilee 3 June, state funeral 19 Sep */
    { "2022-05-27", 1, "2022-05-30" },      /* the last Monday of May 2022 was a working day */
    { "2022-06-01", 1, "2022-06-06" },
    { "2022-09-16", 1, "2022-09-20" },
    /* year ends with substitute days */
    { "2020-12-24", 1, "2020-12-29" },      /* 25 Fri, 28 Mon (Boxing Day substitute) */
    { "2021-12-24", 1, "2021-12-29" },      /* 27 and 28 substitutes */
    { "2021-12-31", 1, "2022-01-04" },      /* 3 Jan 2022 New Year substitute */
    { "2022-12-23", 5, "2023-01-04" },      /* 26, 27 Dec and 2 Jan 2023 */
    { "2023-05-05", 1, "2023-05-09" },      /* Coronation Monday 8 May 2023 */
    { "2026-12-24", 1, "2026-12-29" },      /* 25 Fri, 28 Mon */
    { "2030-12-24", 1, "2030-12-27" },
  };

  g_autoptr(SotCalendar) calendar = new_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = NULL;
      GDate from, result;

      g_assert_true (sot_date_parse (cases[i].from, &from, NULL));
      g_assert_true (sot_calendar_add_working_days (calendar, &from, cases[i].n, &result, &error));
      g_assert_no_error (error);

      got = sot_date_format (&result);
      g_test_message ("%s + %u working days", cases[i].from, cases[i].n);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_out_of_range (void)
{
  g_autoptr(SotCalendar) calendar = new_calendar ();
  const char *dates[] = { "2019-12-31", "2031-01-02" };

  g_assert_cmpuint (sot_calendar_get_first_year (calendar), <=, 2020);
  g_assert_cmpuint (sot_calendar_get_last_year (calendar), >=, 2030);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate from, result;

      g_assert_true (sot_date_parse (dates[i], &from, NULL));
      g_assert_false (sot_calendar_add_working_days (calendar, &from, 1, &result, &error));
      g_assert_error (error, SOT_CALENDAR_ERROR, SOT_CALENDAR_ERROR_OUT_OF_RANGE);
    }

  /* Counting past the end of the table is refused too, not guessed. */
  {
    g_autoptr(GError) error = NULL;
    GDate from, result;

    g_assert_true (sot_date_parse ("2030-12-31", &from, NULL));
    g_assert_false (sot_calendar_add_working_days (calendar, &from, 1, &result, &error));
    g_assert_error (error, SOT_CALENDAR_ERROR, SOT_CALENDAR_ERROR_OUT_OF_RANGE);
  }
}

static void
test_published_years (void)
{
  g_autoptr(SotCalendar) calendar = new_calendar ();

  g_assert_true (sot_calendar_year_is_published (calendar, 2022));
  g_assert_false (sot_calendar_year_is_published (calendar, 2030));
}

static void
test_right6_each_event (void)
{
  g_autoptr(SotCalendar) calendar = new_calendar ();

  for (guint e = 0; e < SOT_RIGHT6_N_EVENTS; e++)
    {
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *enhanced = NULL;
      g_autofree char *standard = NULL;
      SotRight6Event parsed;
      GDate due;

      g_assert_true (sot_right6_event_from_string (sot_right6_event_to_string (e), &parsed));
      g_assert_cmpint (parsed, ==, e);
      g_assert_nonnull (sot_right6_event_label (e));

      /* 23:30 on Friday 8 March 2024, UK time */
      when = sot_time_parse ("2024-03-08T23:30", NULL);
      g_assert_nonnull (when);

      g_assert_true (sot_right6_deadline (calendar, e, when, TRUE, &due, NULL));
      enhanced = sot_date_format (&due);
      g_assert_cmpstr (enhanced, ==, "2024-03-11");

      g_assert_true (sot_right6_deadline (calendar, e, when, FALSE, &due, NULL));
      standard = sot_date_format (&due);
      g_assert_cmpstr (standard, ==, "2024-03-15");
    }

  {
    SotRight6Event event;

    g_assert_false (sot_right6_event_from_string ("sentence", &event));
    g_assert_false (sot_right6_event_from_string (NULL, &event));
  }
}

static void
test_right6_uses_uk_day (void)
{
  g_autoptr(SotCalendar) calendar = new_calendar ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *due_text = NULL;
  GDate due;

  /* 23:30 UTC on Sunday 30 June 2024 is 00:30 on Monday 1 July in BST: the event's day is the
   * Monday, so the 1-working-day deadline is the Tuesday. */
  when = sot_time_parse ("2024-06-30T23:30:00Z", NULL);
  g_assert_true (sot_right6_deadline (calendar, SOT_RIGHT6_ARREST, when, TRUE, &due, NULL));
  due_text = sot_date_format (&due);
  g_assert_cmpstr (due_text, ==, "2024-07-02");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/working-days/table", test_working_days_table);
  g_test_add_func ("/calendar/working-days/out-of-range", test_out_of_range);
  g_test_add_func ("/calendar/published-years", test_published_years);
  g_test_add_func ("/calendar/right6/each-event", test_right6_each_event);
  g_test_add_func ("/calendar/right6/uk-day", test_right6_uses_uk_day);

  return g_test_run ();
}
