/* test-due.c: the due list, pre-charge bail and Right 6 decisions
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sot-bail.h"
#include "sot-calendar.h"
#include "sot-due.h"
#include "sot-right6.h"
#include "sot-test-workspace.h"
#include "sot-time.h"

static char *
bail_end (const char *arrest,
          SotBailAuthority authority)
{
  GDate day, last;

  g_assert_true (sot_date_parse (arrest, &day, NULL));
  sot_bail_end_for_arrest (&day, authority, &last);
  return sot_date_format (&last);
}

/* PACE s.47ZB: 3 months beginning with the day after the arrest. */
static void
test_bail_periods (void)
{
  static const struct {
    const char       *arrest;
    SotBailAuthority  authority;
    const char       *last_day;
  } cases[] = {
    /* The statute's own example: arrest 9 January, period ends at the end of 9 April. */
    { "2026-01-09", SOT_BAIL_INITIAL, "2026-04-09" },
    /* Month ends: a start on 31 January has no 31 April, so the period runs to 30 April. */
    { "2026-01-30", SOT_BAIL_INITIAL, "2026-04-30" },
    { "2026-01-31", SOT_BAIL_INITIAL, "2026-04-30" },
    /* Start 30 November: no 30 February; leap year 2024 runs to 29 February. */
    { "2023-11-29", SOT_BAIL_INITIAL, "2024-02-29" },
    { "2022-11-29", SOT_BAIL_INITIAL, "2023-02-28" },
    /* Start 29 November 2023: 29 February 2024 exists, so the day before it. */
    { "2023-11-28", SOT_BAIL_INITIAL, "2024-02-28" },
    /* Start 29 November 2022: no 29 February 2023, so to 28 February; a day earlier fits. */
    { "2022-11-28", SOT_BAIL_INITIAL, "2023-02-28" },
    { "2022-11-27", SOT_BAIL_INITIAL, "2023-02-27" },
    /* Over the year end. */
    { "2026-12-31", SOT_BAIL_INITIAL, "2027-03-31" },
    /* Extensions count from the same start. */
    { "2026-01-09", SOT_BAIL_INSPECTOR, "2026-07-09" },
    { "2026-01-09", SOT_BAIL_SUPERINTENDENT, "2026-10-09" },
    { "2026-01-09", SOT_BAIL_COURT_12, "2027-01-09" },
    { "2026-01-09", SOT_BAIL_COURT_18, "2027-07-09" },
    /* Start 31 August + 6 months: no 31 February in a leap year: 29 February. */
    { "2023-08-30", SOT_BAIL_INSPECTOR, "2024-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *end = bail_end (cases[i].arrest, cases[i].authority);

      g_assert_cmpstr (end, ==, cases[i].last_day);
    }
}

/* Right 6 decisions: the same 1 / 5 working days, over bank holidays, from the rules' data. */
static void
test_right6_decisions (void)
{
  static const struct {
    SotRight6Event  event;
    const char     *at;
    gboolean        enhanced;
    const char     *due;
  } cases[] = {
    /* Thursday 24 December 2026: Friday 25 and Monday 28 December and 1 January are bank
     * holidays. */
    { SOT_RIGHT6_CHARGE, "2026-12-24T15:00", TRUE, "2026-12-29" },
    { SOT_RIGHT6_NFA, "2026-12-24T15:00", FALSE, "2027-01-05" },
    /* Thursday 25 March 2027: Good Friday 26 and Easter Monday 29 March. */
    { SOT_RIGHT6_OOCD, "2027-03-25T10:00", TRUE, "2027-03-30" },
    { SOT_RIGHT6_DISCONTINUANCE, "2027-03-25T10:00", FALSE, "2027-04-05" },
    /* Late evening in summer time is still that UK day. */
    { SOT_RIGHT6_CHARGE, "2026-08-28T23:30", TRUE, "2026-09-01" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SotCalendar) calendar = sot_calendar_new (&error);

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) at = sot_time_parse (cases[i].at, NULL);
      g_autofree char *text = NULL;
      GDate due;

      g_assert_true (sot_right6_deadline (calendar, cases[i].event, at, cases[i].enhanced, &due,
                                          &error));
      g_assert_no_error (error);
      text = sot_date_format (&due);
      g_assert_cmpstr (text, ==, cases[i].due);
    }

  /* The decisions parse by their stored names. */
  {
    SotRight6Event event;

    g_assert_true (sot_right6_event_from_string ("oocd", &event));
    g_assert_cmpint (event, ==, SOT_RIGHT6_OOCD);
    g_assert_true (sot_right6_event_from_string ("discontinuance", &event));
    g_assert_cmpint (event, ==, SOT_RIGHT6_DISCONTINUANCE);
  }
}

static gint64
add_case (SotStore   *store,
          const char *reference,
          const char *offence_from)
{
  g_autoptr(SotInvestigation) inv = sot_test_make_investigation (reference);
  g_autoptr(GError) error = NULL;

  sot_investigation_set_offence_from (inv, offence_from);
  sot_investigation_set_reported_on (inv, "2026-03-02");
  g_assert_true (sot_investigation_insert (inv, store, &error));
  g_assert_no_error (error);

  return sot_investigation_get_id (inv);
}

static guint
count_kind (GListModel *items,
            SotDueKind  kind,
            SotDue    **first)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SotDue) item = g_list_model_get_item (items, i);

      if (sot_due_get_kind (item) == kind)
        {
          if (n++ == 0 && first != NULL)
            *first = g_object_ref (item);
        }
    }

  return n;
}

/* Forensic windows come into the list; an offence whose time is unknown says so. */
static void
test_due_windows (void)
{
  SotTestWorkspace ws;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SotDue) first = NULL;
  g_autoptr(SotDue) next = NULL;
  gint64 timed, day_only, unknown;

  sot_test_workspace_setup (&ws, "due-windows", SOT_TEST_WORKSPACE_NONE);
  sot_test_set_clock (ws.store, 2026, 3, 2, 9, 0);

  timed = add_case (ws.store, "DUE/1", "2026-03-01T22:30:00");
  items = sot_due_gather (ws.store, timed, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (items, SOT_DUE_FORENSIC_WINDOW, &first), >, 0);
  g_assert_cmpstr (sot_due_get_crime_reference (first), ==, "DUE/1");
  g_assert_cmpstr (sot_due_get_owner (first), ==, "DC Fay Notreal");
  g_assert_nonnull (sot_due_get_due (first));
  g_assert_true (g_str_has_prefix (sot_due_get_what (first), "Forensic window closes"));
  /* The next thing due is the earliest. */
  next = sot_due_next (items);
  g_assert_true (next == first);
  g_clear_object (&items);
  g_clear_object (&first);

  /* A bare day, as an older or imported record keeps it: the time is unknown, so the windows
   * are counted over the whole day, and say so. (The investigation form always stores a time.) */
  day_only = add_case (ws.store, "DUE/2", "2026-03-01T12:00:00");
  g_assert_true (sot_store_exec (ws.store, "UPDATE investigation SET offence_from = '2026-03-01' "
                                 "WHERE crime_reference = 'DUE/2'", &error));
  items = sot_due_gather (ws.store, day_only, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (items, SOT_DUE_FORENSIC_WINDOW, &first), >, 0);
  g_assert_nonnull (strstr (sot_due_get_what (first), "offence time unknown"));
  g_clear_object (&items);

  g_clear_object (&first);

  /* No time that can be read at all: one item saying so, with no time, first in the list. */
  unknown = add_case (ws.store, "DUE/3", "2026-03-01T12:00:00");
  g_assert_true (sot_store_exec (ws.store, "UPDATE investigation SET offence_from = 'unknown' "
                                 "WHERE crime_reference = 'DUE/3'", &error));
  items = sot_due_gather (ws.store, unknown, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (items, SOT_DUE_FORENSIC_WINDOW, &first), ==, 1);
  g_assert_null (sot_due_get_due (first));
  g_assert_cmpstr (sot_due_get_when_text (first), ==, "Offence time unknown");
  g_assert_cmpint (sot_due_get_group (first), ==, SOT_DUE_GROUP_TODAY);
  g_clear_object (&items);

  /* Every case: all three, the unknown time first. */
  items = sot_due_gather (ws.store, 0, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, 3);
  g_clear_object (&next);
  next = sot_due_next (items);
  g_assert_null (sot_due_get_due (next));

  sot_test_workspace_teardown (&ws);
}

/* Pre-charge bail: refused input, the statutory order, and the due items it makes. */
static void
test_bail_record (void)
{
  SotTestWorkspace ws;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SotDue) bail_item = NULL;
  g_autoptr(SotDue) views = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  sot_test_workspace_setup (&ws, "due-bail", SOT_TEST_WORKSPACE_NONE);
  sot_test_set_clock (ws.store, 2026, 3, 20, 9, 0);
  id = add_case (ws.store, "BAIL/1", "2026-01-01T22:30:00");

  /* Bail before the arrest. */
  g_assert_false (sot_bail_record (ws.store, id, 0, "2026-01-10", "2026-01-09", NULL, NULL,
                                   &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sot_test_count (ws.store, "pre_charge_bail"), ==, 0);

  g_assert_true (sot_bail_record (ws.store, id, 0, "2026-01-09", "2026-01-09", NULL, &uuid,
                                  &error));
  g_assert_no_error (error);

  /* A superintendent's extension before the inspector's is out of order. */
  g_assert_false (sot_bail_extend (ws.store, uuid, SOT_BAIL_SUPERINTENDENT, "2026-03-01",
                                   "Supt Example", NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* After the period ran out (end of 9 April). */
  g_assert_false (sot_bail_extend (ws.store, uuid, SOT_BAIL_INSPECTOR, "2026-04-10", NULL, NULL,
                                   &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sot_bail_extend (ws.store, uuid, SOT_BAIL_INSPECTOR, "2026-04-01",
                                  "Insp Example", NULL, &error));
  g_assert_no_error (error);
  /* A second inspector's extension. */
  g_assert_false (sot_bail_extend (ws.store, uuid, SOT_BAIL_INSPECTOR, "2026-04-02", NULL, NULL,
                                   &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sot_test_count (ws.store, "pre_charge_bail_extension"), ==, 1);

  items = sot_due_gather (ws.store, id, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (items, SOT_DUE_BAIL, &bail_item), ==, 1);
  {
    g_autofree char *due = sot_time_format_utc (sot_due_get_due (bail_item));

    /* End of 9 July 2026, BST. */
    g_assert_cmpstr (due, ==, "2026-07-09T22:59:59Z");
  }
  g_assert_cmpuint (count_kind (items, SOT_DUE_BAIL_VIEWS, &views), ==, 1);
  g_assert_cmpint (sot_due_get_state (views), ==, SOT_DUE_STATE_OVERDUE);
  g_clear_object (&items);

  g_assert_true (sot_bail_record_victim_views (ws.store, uuid, "2026-03-20", &error));
  g_assert_no_error (error);
  items = sot_due_gather (ws.store, id, NULL, FALSE, &error);
  g_assert_cmpuint (count_kind (items, SOT_DUE_BAIL_VIEWS, NULL), ==, 0);

  sot_test_workspace_teardown (&ws);
}

/* Demo data gives items of every kind. */
static void
test_due_demo (void)
{
  SotTestWorkspace ws;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;

  sot_test_workspace_setup (&ws, "due-demo", SOT_TEST_WORKSPACE_NONE);
  sot_test_set_clock (ws.store, 2026, 3, 20, 9, 0);
  sot_test_fill_demo (ws.store, 40, 7, 2026, 3, 20);

  items = sot_due_gather (ws.store, 0, NULL, TRUE, &error);
  g_assert_no_error (error);
  for (guint kind = 0; kind < SOT_DUE_N_KINDS; kind++)
    if (count_kind (items, kind, NULL) == 0)
      g_test_message ("no item of kind %s", sot_due_kind_to_string (kind));

  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);

  sot_test_workspace_teardown (&ws);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/due/bail-periods", test_bail_periods);
  g_test_add_func ("/due/right6-decisions", test_right6_decisions);
  g_test_add_func ("/due/windows", test_due_windows);
  g_test_add_func ("/due/bail-record", test_bail_record);
  g_test_add_func ("/due/demo", test_due_demo);

  return g_test_run ();
}
