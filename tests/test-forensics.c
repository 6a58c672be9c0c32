/* test-forensics.c: forensic catalogue, window calculator, exhibits, continuity, devices, PDF
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <sqlite3.h>
#include <string.h>

#include "sot-device.h"
#include "sot-exhibit.h"
#include "sot-forensic-catalogue.h"
#include "sot-forensic-pdf.h"
#include "sot-forensic-window.h"
#include "sot-generator-forensics.h"
#include "sot-investigation.h"
#include "sot-store.h"
#include "sot-test-workspace.h"
#include "sot-time.h"

typedef struct {
  SotTestWorkspace      ws;
  SotStore             *store;      /* the workspace's store, for short */
  SotForensicCatalogue *catalogue;
  SotInvestigation     *inv;
} Fixture;

/* Helpers */

static GDateTime *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDateTime *dt = sot_time_parse (text, &error);

  g_assert_no_error (error);
  return dt;
}

static SotInvestigation *
insert_investigation (SotStore   *store,
                      const char *crime_reference,
                      const char *offence_from,
                      const char *offence_until)
{
  g_autoptr(GError) error = NULL;
  SotInvestigation *inv = sot_investigation_new ();

  sot_investigation_set_crime_reference (inv, crime_reference);
  sot_investigation_set_offence_type (inv, "rape");
  sot_investigation_set_offence_from (inv, offence_from);
  sot_investigation_set_offence_until (inv, offence_until);
  sot_investigation_set_reported_on (inv, "2024-04-05");
  sot_investigation_set_recorded_on (inv, "2024-04-05");
  sot_investigation_set_officer (inv, "DC Ash Example");
  sot_investigation_insert (inv, store, &error);
  g_assert_no_error (error);

  return inv;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sot_test_workspace_setup (&fixture->ws, "forensics", SOT_TEST_WORKSPACE_NONE);
  fixture->store = fixture->ws.store;
  sot_test_set_clock (fixture->store, 2024, 4, 20, 12, 0);
  sot_store_set_operator (fixture->store, "DC 4242 Test Operator");
  fixture->catalogue = sot_forensic_catalogue_new_builtin (&error);
  g_assert_no_error (error);
  /* Offence 30 Mar 2024 22:00 GMT, the night before the clocks went forward. */
  fixture->inv = insert_investigation (fixture->store, "FX/24/000001", "2024-03-30T22:00:00Z",
                                       NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->inv);
  g_assert_finalize_object (fixture->catalogue);
  fixture->store = NULL;
  g_assert_finalize_object (g_steal_pointer (&fixture->ws.store));
  sot_test_workspace_teardown (&fixture->ws);
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gint64
count_sql (SotStore   *store,
           const char *sql,
           const char *arg)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sot_store_prepare (store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static SotExhibit *
add_exhibit (Fixture    *fixture,
             gint64      investigation_id,
             const char *initials,
             gint64      parent_id,
             const char *sample_type,
             const char *seized_at)
{
  g_autoptr(GError) error = NULL;
  SotExhibit *exhibit = NULL;
  SotExhibitDetails d = { 0 };

  d.officer_initials = initials;
  d.parent_id = parent_id;
  d.description = "Test exhibit";
  d.sample_type = sample_type;
  d.sampled_from = sample_type != NULL ? "complainant" : NULL;
  d.seized_by = "DC Ash Example";
  d.seized_at = seized_at;
  d.seized_place = "Fictionton SARC";
  d.seal_number = "FX0000001";

  sot_exhibit_add (fixture->store, investigation_id, &d, &exhibit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (exhibit);
  return exhibit;
}

static SotExhibitMovement *
move (Fixture          *fixture,
      SotExhibit       *exhibit,
      const char       *from,
      const char       *to,
      const char       *when,
      const char       *purpose)
{
  g_autoptr(GError) error = NULL;
  SotExhibitMovement *movement = NULL;
  SotMovementDetails d = { 0 };

  d.from_holder = from;
  d.to_holder = to;
  d.moved_at = when;
  d.place = "Fictionton police station";
  d.purpose = purpose;

  sot_exhibit_append_movement (fixture->store, exhibit, &d, &movement, &error);
  g_assert_no_error (error);
  return movement;
}

static GPtrArray *
check (Fixture          *fixture,
       SotExhibit       *exhibit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *breaks = sot_exhibit_check_continuity (fixture->store, exhibit, fixture->catalogue,
                                                    &error);

  g_assert_no_error (error);
  g_assert_nonnull (breaks);
  return breaks;
}

static gboolean
has_break (GPtrArray              *breaks,
           SotContinuityBreakKind  kind,
           const char             *movement_uuid)
{
  for (guint i = 0; i < breaks->len; i++)
    {
      SotContinuityBreak *brk = g_ptr_array_index (breaks, i);

      if (brk->kind == kind && g_strcmp0 (brk->movement_uuid, movement_uuid) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Catalogue */

static int
catalogue_hours (SotForensicCatalogue *catalogue,
                 const char           *id,
                 SotSampleSubject      subject)
{
  return sot_forensic_sample_get_hours (sot_forensic_catalogue_lookup (catalogue, id), subject);
}

static void
test_catalogue_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotForensicCatalogue) catalogue = sot_forensic_catalogue_new_builtin (&error);
  const char * const confirmed[] = { "oral", "vaginal", "anal", "skin", NULL };
  const char * const expected[] = {
    "oral", "vaginal", "anal", "penile", "skin", "fingernails", "hair-combings",
    "blood-toxicology", "urine-toxicology", "early-evidence-kit", "clothing-fibres",
    "bedding-scene",
  };
  int previous_order = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (sot_forensic_catalogue_get_n_samples (catalogue), ==, 12);
  g_assert_cmpstr (sot_forensic_catalogue_get_version (catalogue), ==, "2026.1");
  g_assert_nonnull (sot_forensic_catalogue_get_name (catalogue));
  g_assert_nonnull (sot_forensic_catalogue_get_source (catalogue));
  g_assert_cmpint (sot_forensic_catalogue_get_origin (catalogue), ==,
                   SOT_CATALOGUE_ORIGIN_BUILT_IN);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (sot_forensic_catalogue_lookup (catalogue, expected[i]));

  /* Exactly the four values DOMAIN.md marks secondary-confirmed ship as confirmed. */
  for (guint i = 0; i < sot_forensic_catalogue_get_n_samples (catalogue); i++)
    {
      SotForensicSample *s = sot_forensic_catalogue_get_sample (catalogue, i);
      gboolean should = g_strv_contains (confirmed, sot_forensic_sample_get_id (s));

      g_assert_cmpint (sot_forensic_sample_get_confirmed (s), ==, should);
      g_assert_cmpint (sot_forensic_sample_get_order (s), >, previous_order);
      previous_order = sot_forensic_sample_get_order (s);
      g_assert_nonnull (sot_forensic_sample_get_source (s));
      g_assert_nonnull (sot_forensic_sample_get_source_date (s));
      g_assert_nonnull (sot_forensic_sample_get_guidance (s));
    }

  g_assert_cmpint (catalogue_hours (catalogue, "oral", SOT_SAMPLE_SUBJECT_COMPLAINANT), ==, 48);
  g_assert_cmpint (catalogue_hours (catalogue, "vaginal", SOT_SAMPLE_SUBJECT_COMPLAINANT), ==, 168);
  g_assert_cmpint (catalogue_hours (catalogue, "anal", SOT_SAMPLE_SUBJECT_COMPLAINANT), ==, 72);
  g_assert_cmpint (catalogue_hours (catalogue, "skin", SOT_SAMPLE_SUBJECT_SUSPECT), ==, 48);
  g_assert_cmpint (catalogue_hours (catalogue, "hair-combings", SOT_SAMPLE_SUBJECT_COMPLAINANT),
                   ==, SOT_FORENSIC_NO_FIGURE);
  g_assert_cmpint (catalogue_hours (catalogue, "bedding-scene", SOT_SAMPLE_SUBJECT_COMPLAINANT),
                   ==, SOT_FORENSIC_NO_FIGURE);
  g_assert_cmpint (catalogue_hours (catalogue, "early-evidence-kit",
                                    SOT_SAMPLE_SUBJECT_COMPLAINANT), ==, SOT_FORENSIC_NO_FIGURE);
}

typedef struct {
  const char *name;
  const char *text;
  const char *expect;   /* a piece of the message: the line (or group) and the reason */
} BadOverride;

static const BadOverride bad_overrides[] = {
  { "negative-hours",
    "[Catalogue]\nmode=extend\n\n[penile]\ncomplainant-hours=-3\n",
    "line 5: [penile] complainant-hours “-3” is not a number of hours" },
  { "non-numeric-hours",
    "[Catalogue]\nmode=extend\n[oral]\nsuspect-hours=two days\n",
    "line 4: [oral] suspect-hours “two days” is not a number of hours" },
  { "unknown-key",
    "[Catalogue]\nmode=extend\n[oral]\nwindow=48\n",
    "line 4: unknown key “window” in group [oral]" },
  { "missing-label",
    "[Catalogue]\nmode=extend\n\n# a new sample type\n[semen-stain]\ncomplainant-hours=12\n",
    "group [semen-stain] (line 5): a sample type needs a label" },
  { "bad-syntax",
    "[Catalogue]\nname=Force\nversion=1\n[oral\nlabel=Oral\n",
    "line 4: “[oral” is not a group header" },
  { "not-key-value",
    "[Catalogue]\nname=Force\nversion=1\n[oral]\nlabel Oral\n",
    "line 5: “label Oral” is not a key=value pair" },
  { "bad-mode",
    "[Catalogue]\nmode=merge\n",
    "line 2: mode “merge” must be replace or extend" },
  { "confirmed-without-source",
    "[Catalogue]\nname=Force\nversion=1\n"
    "[oral]\nlabel=Oral\ncomplainant-hours=48\nconfirmed=true\n",
    "group [oral] (line 4): a confirmed value needs its source and source-date" },
  { "duplicate-group",
    "[Catalogue]\nname=Force\nversion=1\n[oral]\nlabel=Oral\n[oral]\nlabel=Again\n",
    "line 6: group [oral] appears twice" },
};

static void
test_catalogue_bad_override (gconstpointer data)
{
  const BadOverride *bad = data;
  g_autoptr(GError) warning = NULL;
  SotTestWorkspace ws;
  g_autofree char *path = NULL;
  g_autoptr(SotForensicCatalogue) catalogue = NULL;

  sot_test_workspace_setup (&ws, "catalogue", SOT_TEST_WORKSPACE_NO_STORE);
  path = write_temp (ws.dir, "forensic-catalogue.ini", bad->text);

  catalogue = sot_forensic_catalogue_load (path, &warning);

  /* The built-in catalogue stays in use, and the warning says where and why. */
  g_assert_nonnull (catalogue);
  g_assert_cmpint (sot_forensic_catalogue_get_origin (catalogue), ==,
                   SOT_CATALOGUE_ORIGIN_BUILT_IN);
  g_assert_cmpuint (sot_forensic_catalogue_get_n_samples (catalogue), ==, 12);
  g_assert_null (sot_forensic_catalogue_get_override_path (catalogue));
  g_assert_error (warning, SOT_FORENSIC_CATALOGUE_ERROR, SOT_FORENSIC_CATALOGUE_ERROR_INVALID);
  if (strstr (warning->message, bad->expect) == NULL)
    g_error ("“%s” does not contain “%s”", warning->message, bad->expect);
  g_assert_nonnull (strstr (warning->message, "built-in catalogue is in use"));

  sot_test_workspace_teardown (&ws);
}

static void
test_catalogue_extend (void)
{
  g_autoptr(GError) warning = NULL;
  SotTestWorkspace ws;
  g_autofree char *path = NULL;
  g_autoptr(SotForensicCatalogue) catalogue = NULL;
  SotForensicSample *penile, *added, *third;

  sot_test_workspace_setup (&ws, "catalogue", SOT_TEST_WORKSPACE_NO_STORE);
  path = write_temp (ws.dir, "forensic-catalogue.ini",
                     "# A force's additions\n"
                     "[Catalogue]\n"
                     "mode=extend\n"
                     "name=Fictionshire Police forensic catalogue\n"
                     "version=2026.2\n"
                     "\n"
                     "[penile]\n"
                     "suspect-hours=24\n"
                     "\n"
                     "[hair-drugs]\n"
                     "label=Hair (drugs, when too late for blood and urine)\n"
                     "order=3\n"
                     "guidance=Cut close to the scalp.\n");

  catalogue = sot_forensic_catalogue_load (path, &warning);
  g_assert_no_error (warning);
  g_assert_cmpint (sot_forensic_catalogue_get_origin (catalogue), ==,
                   SOT_CATALOGUE_ORIGIN_EXTENDED);
  g_assert_cmpstr (sot_forensic_catalogue_get_override_path (catalogue), ==, path);
  g_assert_cmpstr (sot_forensic_catalogue_get_name (catalogue), ==,
                   "Fictionshire Police forensic catalogue");
  g_assert_cmpstr (sot_forensic_catalogue_get_version (catalogue), ==, "2026.2");
  g_assert_cmpuint (sot_forensic_catalogue_get_n_samples (catalogue), ==, 13);

  penile = sot_forensic_catalogue_lookup (catalogue, "penile");
  g_assert_cmpint (sot_forensic_sample_get_hours (penile, SOT_SAMPLE_SUBJECT_COMPLAINANT), ==, 72);
  g_assert_cmpint (sot_forensic_sample_get_hours (penile, SOT_SAMPLE_SUBJECT_SUSPECT), ==, 24);
  g_assert_true (sot_forensic_sample_has_suspect_hours (penile));
  g_assert_false (sot_forensic_sample_get_confirmed (penile));

  added = sot_forensic_catalogue_lookup (catalogue, "hair-drugs");
  g_assert_nonnull (added);
  g_assert_false (sot_forensic_sample_get_confirmed (added));
  g_assert_cmpint (sot_forensic_sample_get_hours (added, SOT_SAMPLE_SUBJECT_COMPLAINANT), ==,
                   SOT_FORENSIC_NO_FIGURE);
  /* Sampling order puts it third, between two built-in sample types. */
  third = sot_forensic_catalogue_get_sample (catalogue, 2);
  g_assert_true (third == added || sot_forensic_sample_get_order (third) == 3);

  sot_test_workspace_teardown (&ws);
}

static void
test_catalogue_replace_and_missing (void)
{
  g_autoptr(GError) warning = NULL;
  SotTestWorkspace ws;
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(SotForensicCatalogue) replaced = NULL;
  g_autoptr(SotForensicCatalogue) builtin = NULL;

  sot_test_workspace_setup (&ws, "catalogue", SOT_TEST_WORKSPACE_NO_STORE);
  path = write_temp (ws.dir, "forensic-catalogue.ini",
                     "[Catalogue]\nmode=replace\nname=Trainer's catalogue\nversion=1\n"
                     "source=FFLM, checked by the force\nsource-date=2025-07\n"
                     "[oral]\nlabel=Oral\norder=1\ncomplainant-hours=48\nconfirmed=true\n"
                     "source=FFLM July 2025\nsource-date=2025-07\n"
                     "[scene]\nlabel=Scene\norder=2\n");
  replaced = sot_forensic_catalogue_load (path, &warning);
  g_assert_no_error (warning);
  g_assert_cmpint (sot_forensic_catalogue_get_origin (replaced), ==, SOT_CATALOGUE_ORIGIN_REPLACED);
  g_assert_cmpuint (sot_forensic_catalogue_get_n_samples (replaced), ==, 2);

  /* No force file at all: the built-in one, without a warning. */
  missing = g_build_filename (ws.dir, "nothing-here.ini", NULL);
  builtin = sot_forensic_catalogue_load (missing, &warning);
  g_assert_no_error (warning);
  g_assert_cmpint (sot_forensic_catalogue_get_origin (builtin), ==, SOT_CATALOGUE_ORIGIN_BUILT_IN);

  sot_test_workspace_teardown (&ws);
}

/* Window calculator */

static SotForensicWindow *
window_at (SotForensicCatalogue *catalogue,
           const char           *sample,
           const char           *from,
           const char           *until,
           const char           *now,
           int                   threshold)
{
  g_autoptr(GDateTime) f = parse (from);
  g_autoptr(GDateTime) u = until != NULL ? parse (until) : NULL;
  g_autoptr(GDateTime) n = parse (now);

  return sot_forensic_window_compute (sot_forensic_catalogue_lookup (catalogue, sample),
                                      SOT_SAMPLE_SUBJECT_COMPLAINANT, f, u, n, threshold);
}

static void
test_window_boundaries (Fixture       *fixture,
                        gconstpointer  data)
{
  struct {
    const char      *now;
    int              threshold;
    SotWindowStatus  status;
  } cases[] = {
    /* Oral, 48 h from 2024-03-30T22:00Z: deadline 2024-04-01T22:00Z. */
    { "2024-04-01T21:59:59Z", 24, SOT_WINDOW_CLOSING },  /* deadline − 1 s */
    { "2024-04-01T22:00:00Z", 24, SOT_WINDOW_CLOSED },   /* the deadline itself */
    { "2024-04-01T22:00:01Z", 24, SOT_WINDOW_CLOSED },
    { "2024-03-31T22:00:00Z", 24, SOT_WINDOW_CLOSING },  /* exactly 24 h left */
    { "2024-03-31T21:59:59Z", 24, SOT_WINDOW_OPEN },     /* 24 h and 1 s left */
    { "2024-03-31T22:00:00Z", 12, SOT_WINDOW_OPEN },
    { "2024-04-01T10:00:00Z", 12, SOT_WINDOW_CLOSING },  /* 12 h left, threshold 12 */
    { "2024-04-01T21:59:59Z", 0, SOT_WINDOW_OPEN },      /* no threshold: open to the end */
    { "2024-04-01T22:00:00Z", 0, SOT_WINDOW_CLOSED },
    { "2024-03-30T22:00:00Z", 24, SOT_WINDOW_OPEN },     /* at the offence */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SotForensicWindow) w = window_at (fixture->catalogue, "oral",
                                                  "2024-03-30T22:00:00Z", NULL, cases[i].now,
                                                  cases[i].threshold);
      g_autofree char *deadline = sot_store_format_time (w->certain_deadline);

      g_test_message ("now %s, threshold %d", cases[i].now, cases[i].threshold);
      g_assert_cmpint (w->status, ==, cases[i].status);
      g_assert_false (w->is_range);
      g_assert_true (g_date_time_equal (w->certain_deadline, w->last_deadline));
      g_assert_cmpstr (deadline, ==, "2024-04-01T22:00:00.000000Z");
    }

  {
    g_autoptr(SotForensicWindow) w = window_at (fixture->catalogue, "oral", "2024-03-30T22:00:00Z",
                                                NULL, "2024-04-01T21:59:59Z", 24);
    g_assert_cmpint (w->time_left, ==, G_TIME_SPAN_SECOND);
    g_assert_true (w->confirmed);
  }
}

static void
test_window_range (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Anal, 72 h, offence between 22:00 and 04:00 (6 h): certain 2024-04-02T22:00Z, last
   * possible 2024-04-03T04:00Z. */
  struct {
    const char      *now;
    SotWindowStatus  status;
  } cases[] = {
    { "2024-04-01T21:59:59Z", SOT_WINDOW_OPEN },
    { "2024-04-01T22:00:00Z", SOT_WINDOW_CLOSING },   /* 24 h before the certain deadline */
    { "2024-04-02T22:00:00Z", SOT_WINDOW_CLOSING },   /* certain passed: may have closed */
    { "2024-04-03T03:59:59Z", SOT_WINDOW_CLOSING },
    { "2024-04-03T04:00:00Z", SOT_WINDOW_CLOSED },    /* last possible deadline */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SotForensicWindow) w = window_at (fixture->catalogue, "anal",
                                                  "2024-03-30T22:00:00Z", "2024-03-31T04:00:00Z",
                                                  cases[i].now, 24);
      g_autofree char *certain = sot_store_format_time (w->certain_deadline);
      g_autofree char *last = sot_store_format_time (w->last_deadline);

      g_test_message ("now %s", cases[i].now);
      g_assert_true (w->is_range);
      g_assert_cmpstr (certain, ==, "2024-04-02T22:00:00.000000Z");
      g_assert_cmpstr (last, ==, "2024-04-03T04:00:00.000000Z");
      g_assert_cmpint (w->status, ==, cases[i].status);
    }

  {
    g_autoptr(SotForensicWindow) w = window_at (fixture->catalogue, "anal", "2024-03-30T22:00:00Z",
                                                "2024-03-31T04:00:00Z", "2024-04-02T23:00:00Z", 24);
    g_autofree char *text = sot_forensic_window_describe_deadlines (w);

    g_assert_cmpint (w->time_left, ==, -G_TIME_SPAN_HOUR);
    g_assert_cmpint (w->time_left_last, ==, 5 * G_TIME_SPAN_HOUR);
    g_assert_nonnull (strstr (text, "Certain until 2 Apr 2024 23:00 BST (passed 1 h 0 min ago)"));
    g_assert_nonnull (strstr (text, "last possible 3 Apr 2024 05:00 BST (5 h 0 min left)"));
  }

  /* A reversed range is refused. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) from = parse ("2024-03-31T04:00:00Z");
    g_autoptr(GDateTime) until = parse ("2024-03-30T22:00:00Z");
    g_autoptr(GDateTime) now = parse ("2024-04-01T00:00:00Z");
    g_autoptr(GPtrArray) windows = sot_forensic_windows_compute (fixture->catalogue,
                                                                 SOT_SAMPLE_SUBJECT_COMPLAINANT,
                                                                 from, until, now, 24, &error);

    g_assert_null (windows);
    g_assert_error (error, SOT_FORENSIC_WINDOW_ERROR, SOT_FORENSIC_WINDOW_ERROR_RANGE);
  }
}

static void
test_window_dst (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();

  /* Spring: 30 Mar 2024 22:00 GMT + 48 h = 1 Apr 2024 23:00 BST (the clocks went forward). */
  {
    g_autoptr(SotForensicWindow) w = window_at (fixture->catalogue, "oral", "2024-03-30T22:00",
                                                NULL, "2024-03-31T12:00", 24);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (w->certain_deadline, tz);
    g_autofree char *shown = sot_forensic_format_time (w->certain_deadline);

    g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 1);
    g_assert_cmpint (g_date_time_get_month (local), ==, 4);
    g_assert_cmpint (g_date_time_get_hour (local), ==, 23);
    g_assert_cmpstr (shown, ==, "1 Apr 2024 23:00 BST");
    g_assert_cmpint (w->time_left, ==, 35 * G_TIME_SPAN_HOUR);
  }

  /* Autumn: 26 Oct 2024 22:00 BST + 48 h = 28 Oct 2024 21:00 GMT (the clocks went back). */
  {
    g_autoptr(SotForensicWindow) w = window_at (fixture->catalogue, "skin", "2024-10-26T22:00",
                                                NULL, "2024-10-27T12:00", 24);
    g_autofree char *shown = sot_forensic_format_time (w->certain_deadline);

    g_assert_cmpstr (shown, ==, "28 Oct 2024 21:00 GMT");
  }
}

static void
test_window_all_and_overview (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = parse ("2024-03-30T22:00:00Z");
  g_autoptr(GDateTime) now = parse ("2024-04-01T04:00:00Z");   /* 30 h after */
  g_autoptr(GPtrArray) windows = sot_forensic_windows_compute (fixture->catalogue,
                                                               SOT_SAMPLE_SUBJECT_COMPLAINANT,
                                                               from, NULL, now, 24, &error);
  g_autoptr(GPtrArray) closing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (windows->len, ==, 12);

  for (guint i = 0; i < windows->len; i++)
    {
      SotForensicWindow *w = g_ptr_array_index (windows, i);
      const char *id = sot_forensic_sample_get_id (w->sample);
      g_autofree char *value = sot_forensic_window_describe_value (w);

      if (w->hours == SOT_FORENSIC_NO_FIGURE)
        {
          g_assert_cmpint (w->status, ==, SOT_WINDOW_NO_FIGURE);
          g_assert_cmpstr (value, ==, "no figure — verify against the current FFLM table");
        }
      else if (!w->confirmed)
        g_assert_nonnull (strstr (value, "verify against the current FFLM table"));
      else
        g_assert_null (strstr (value, "verify"));

      if (g_str_equal (id, "oral") || g_str_equal (id, "skin") || g_str_equal (id, "fingernails"))
        g_assert_cmpint (w->status, ==, SOT_WINDOW_CLOSING);
      if (g_str_equal (id, "vaginal") || g_str_equal (id, "anal"))
        g_assert_cmpint (w->status, ==, SOT_WINDOW_OPEN);
    }

  closing = sot_forensic_window_closing_within (fixture->catalogue, fixture->inv, now, 24);
  g_assert_cmpuint (closing->len, ==, 3);
  for (guint i = 0; i < closing->len; i++)
    {
      SotForensicWindow *w = g_ptr_array_index (closing, i);
      const char *id = sot_forensic_sample_get_id (w->sample);

      g_assert_true (g_str_equal (id, "oral") || g_str_equal (id, "skin") ||
                     g_str_equal (id, "fingernails"));
    }
}

/* Exhibits */

static void
test_exhibit_references (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) other = insert_investigation (fixture->store, "FX/24/000002",
                                                            "2024-04-02T20:00:00Z", NULL);
  g_autoptr(SotExhibit) ap1 = add_exhibit (fixture, sot_investigation_get_id (fixture->inv),
                                           "AP", 0, NULL, "2024-03-31T10:00");
  g_autoptr(SotExhibit) ap2 = add_exhibit (fixture, sot_investigation_get_id (fixture->inv),
                                           "ap", 0, NULL, "2024-03-31T10:05");
  g_autoptr(SotExhibit) bc1 = add_exhibit (fixture, sot_investigation_get_id (fixture->inv),
                                           "BC", 0, NULL, "2024-03-31T10:10");
  g_autoptr(SotExhibit) ap1_1 = add_exhibit (fixture, sot_investigation_get_id (fixture->inv),
                                             NULL, sot_exhibit_get_id (ap1), NULL,
                                             "2024-03-31T10:15");
  g_autoptr(SotExhibit) ap1_2 = add_exhibit (fixture, sot_investigation_get_id (fixture->inv),
                                             "ZZ", sot_exhibit_get_id (ap1), NULL,
                                             "2024-03-31T10:20");
  g_autoptr(SotExhibit) ap3 = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *next = NULL;
  g_autofree char *next_sub = NULL;
  g_autofree char *initials = sot_exhibit_initials_from_name ("DC Ash Example");
  SotExhibit *nested = NULL;
  SotExhibitDetails d = { 0 };

  g_assert_cmpstr (sot_exhibit_get_reference (ap1), ==, "AP/1");
  g_assert_cmpstr (sot_exhibit_get_alias (ap1), ==, "AP_1");
  g_assert_cmpstr (sot_exhibit_get_reference (ap2), ==, "AP/2");
  g_assert_cmpstr (sot_exhibit_get_reference (bc1), ==, "BC/1");
  g_assert_cmpstr (sot_exhibit_get_reference (ap1_1), ==, "AP/1/1");
  g_assert_cmpstr (sot_exhibit_get_alias (ap1_1), ==, "AP_1-1");
  /* A sub-exhibit takes its parent's initials. */
  g_assert_cmpstr (sot_exhibit_get_reference (ap1_2), ==, "AP/1/2");
  g_assert_cmpstr (sot_exhibit_get_alias (ap1_2), ==, "AP_1-2");
  g_assert_cmpstr (initials, ==, "AE");

  next = sot_exhibit_next_reference (fixture->store, "AP", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next, ==, "AP/3");
  next_sub = sot_exhibit_next_reference (fixture->store, NULL, sot_exhibit_get_id (ap1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next_sub, ==, "AP/1/3");

  /* The officer's numbers run across the workspace, not per investigation. */
  ap3 = add_exhibit (fixture, sot_investigation_get_id (other), "AP", 0, NULL, "2024-04-03T10:00");
  g_assert_cmpstr (sot_exhibit_get_reference (ap3), ==, "AP/3");

  list = sot_exhibit_list (fixture->store, sot_investigation_get_id (fixture->inv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  g_assert_cmpstr (sot_exhibit_get_reference (sot_test_item_at (list, 0)), ==, "AP/1");
  g_assert_cmpstr (sot_exhibit_get_reference (sot_test_item_at (list, 1)), ==, "AP/1/1");
  g_assert_cmpstr (sot_exhibit_get_reference (sot_test_item_at (list, 2)), ==, "AP/1/2");
  g_assert_cmpstr (sot_exhibit_get_reference (sot_test_item_at (list, 3)), ==, "AP/2");
  g_assert_cmpstr (sot_exhibit_get_reference (sot_test_item_at (list, 4)), ==, "BC/1");

  /* Refused: a sub-exhibit of a sub-exhibit, bad initials, a sub-exhibit in another case,
   * a time in the future, no description. Nothing is written. */
  d.parent_id = sot_exhibit_get_id (ap1_1);
  d.description = "Nested";
  d.seized_by = "DC Ash Example";
  d.seized_at = "2024-03-31T11:00";
  g_assert_false (sot_exhibit_add (fixture->store, sot_investigation_get_id (fixture->inv), &d,
                                   &nested, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  d.parent_id = 0;
  d.officer_initials = "A1";
  g_assert_false (sot_exhibit_add (fixture->store, sot_investigation_get_id (fixture->inv), &d,
                                   NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  d.officer_initials = NULL;
  d.parent_id = sot_exhibit_get_id (ap1);
  g_assert_false (sot_exhibit_add (fixture->store, sot_investigation_get_id (other), &d, NULL,
                                   &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  d.parent_id = 0;
  d.officer_initials = "AP";
  d.seized_at = "2024-04-21T10:00";
  g_assert_false (sot_exhibit_add (fixture->store, sot_investigation_get_id (fixture->inv), &d,
                                   NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sot_test_count (fixture->store, "exhibit"), ==, 6);
  g_assert_cmpint (count_sql (fixture->store, "SELECT count(*) FROM audit_log WHERE "
                              "entity_type = 'exhibit' AND action = 'collect'", NULL), ==, 6);
}

static void
test_continuity_clean (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SotExhibit) ex = add_exhibit (fixture, sot_investigation_get_id (fixture->inv), "AP", 0,
                                          "oral", "2024-03-31T10:00");
  g_autoptr(SotExhibitMovement) m1 = move (fixture, ex, "DC Ash Example", "Property store",
                                           "2024-03-31T14:00", SOT_MOVEMENT_STORAGE);
  /* Holder names match whatever their case and spacing. */
  g_autoptr(SotExhibitMovement) m2 = move (fixture, ex, "property  STORE", "Lab courier",
                                           "2024-04-02T09:00", SOT_MOVEMENT_LABORATORY);
  g_autoptr(SotExhibitMovement) m3 = move (fixture, ex, "Lab courier", "Property store",
                                           "2024-04-10T09:00", SOT_MOVEMENT_STORAGE);
  g_autoptr(GPtrArray) breaks = check (fixture, ex);
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExhibit) loaded = sot_exhibit_load (fixture->store, sot_exhibit_get_uuid (ex),
                                                   &error);

  g_assert_no_error (error);
  g_assert_cmpuint (breaks->len, ==, 0);
  g_assert_cmpstr (sot_exhibit_get_current_holder (loaded), ==, "Property store");
  g_assert_cmpuint (sot_exhibit_get_n_movements (loaded), ==, 3);
  g_assert_cmpint (sot_exhibit_movement_get_position (m3), ==, 3);
}

static void
test_continuity_breaks (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 inv = sot_investigation_get_id (fixture->inv);

  /* A movement from someone who did not hold the exhibit. */
  {
    g_autoptr(SotExhibit) ex = add_exhibit (fixture, inv, "AP", 0, NULL, "2024-03-31T10:00");
    g_autoptr(SotExhibitMovement) m1 = move (fixture, ex, "DC Ash Example", "Property store",
                                             "2024-03-31T14:00", SOT_MOVEMENT_STORAGE);
    g_autoptr(SotExhibitMovement) m2 = move (fixture, ex, "DC Someone Else", "Lab courier",
                                             "2024-04-01T09:00", SOT_MOVEMENT_LABORATORY);
    g_autoptr(GPtrArray) breaks = check (fixture, ex);

    g_assert_cmpuint (breaks->len, ==, 1);
    g_assert_true (has_break (breaks, SOT_CONTINUITY_FROM_NOT_LAST_HOLDER,
                              sot_exhibit_movement_get_uuid (m2)));
    g_assert_nonnull (strstr (((SotContinuityBreak *) g_ptr_array_index (breaks, 0))->message,
                              "Property store"));
    g_assert_cmpstr (sot_continuity_break_kind_to_string (SOT_CONTINUITY_FROM_NOT_LAST_HOLDER), ==,
                     "from-not-last-holder");
  }

  /* Time going backwards, before the entry before it and before the seizure. */
  {
    g_autoptr(SotExhibit) ex = add_exhibit (fixture, inv, "AP", 0, NULL, "2024-03-31T10:00");
    g_autoptr(SotExhibitMovement) m1 = move (fixture, ex, "DC Ash Example", "Property store",
                                             "2024-03-31T14:00", SOT_MOVEMENT_STORAGE);
    g_autoptr(SotExhibitMovement) m2 = move (fixture, ex, "Property store", "Lab courier",
                                             "2024-03-31T13:00", SOT_MOVEMENT_LABORATORY);
    g_autoptr(GPtrArray) breaks = check (fixture, ex);
    g_autoptr(SotExhibit) ex2 = add_exhibit (fixture, inv, "AP", 0, NULL, "2024-03-31T10:00");
    g_autoptr(SotExhibitMovement) early = move (fixture, ex2, "DC Ash Example", "Property store",
                                                "2024-03-31T09:00", SOT_MOVEMENT_STORAGE);
    g_autoptr(GPtrArray) breaks2 = check (fixture, ex2);

    g_assert_cmpuint (breaks->len, ==, 1);
    g_assert_true (has_break (breaks, SOT_CONTINUITY_TIME_BEFORE_PREVIOUS,
                              sot_exhibit_movement_get_uuid (m2)));
    g_assert_cmpuint (breaks2->len, ==, 1);
    g_assert_true (has_break (breaks2, SOT_CONTINUITY_TIME_BEFORE_PREVIOUS,
                              sot_exhibit_movement_get_uuid (early)));
    g_assert_nonnull (strstr (((SotContinuityBreak *) g_ptr_array_index (breaks2, 0))->message,
                              "seizure"));
  }

  /* Never booked into storage (including an exhibit with no entry at all). */
  {
    g_autoptr(SotExhibit) ex = add_exhibit (fixture, inv, "AP", 0, NULL, "2024-03-31T10:00");
    g_autoptr(SotExhibitMovement) m1 = move (fixture, ex, "DC Ash Example", "DC Bea Sample",
                                             "2024-03-31T14:00", SOT_MOVEMENT_TRANSFER);
    g_autoptr(GPtrArray) breaks = check (fixture, ex);
    g_autoptr(SotExhibit) bare = add_exhibit (fixture, inv, "AP", 0, NULL, "2024-03-31T10:00");
    g_autoptr(GPtrArray) bare_breaks = check (fixture, bare);

    g_assert_cmpuint (breaks->len, ==, 1);
    g_assert_true (has_break (breaks, SOT_CONTINUITY_NEVER_BOOKED_INTO_STORAGE, NULL));
    g_assert_cmpuint (bare_breaks->len, ==, 1);
    g_assert_true (has_break (bare_breaks, SOT_CONTINUITY_NEVER_BOOKED_INTO_STORAGE, NULL));
  }

  /* A sample taken after its window had closed; the same sample in time is fine. Oral, 48 h
   * from 2024-03-30T22:00Z: closed at 2024-04-01T22:00Z (23:00 BST). */
  {
    g_autoptr(SotExhibit) late = add_exhibit (fixture, inv, "AP", 0, "oral", "2024-04-01T23:00");
    g_autoptr(SotExhibit) in_time = add_exhibit (fixture, inv, "AP", 0, "oral", "2024-04-01T22:59");
    g_autoptr(SotExhibitMovement) m1 = move (fixture, late, "DC Ash Example", "Property store",
                                             "2024-04-02T10:00", SOT_MOVEMENT_STORAGE);
    g_autoptr(SotExhibitMovement) m2 = move (fixture, in_time, "DC Ash Example", "Property store",
                                             "2024-04-02T10:00", SOT_MOVEMENT_STORAGE);
    g_autoptr(GPtrArray) breaks = check (fixture, late);
    g_autoptr(GPtrArray) clean = check (fixture, in_time);

    g_assert_cmpuint (breaks->len, ==, 1);
    g_assert_true (has_break (breaks, SOT_CONTINUITY_SAMPLED_AFTER_WINDOW_CLOSED, NULL));
    g_assert_cmpuint (clean->len, ==, 0);
  }

  /* An unconfirmed figure says so in the break. */
  {
    g_autoptr(SotExhibit) late = add_exhibit (fixture, inv, "AP", 0, "penile", "2024-04-05T12:00");
    g_autoptr(SotExhibitMovement) m1 = move (fixture, late, "DC Ash Example", "Property store",
                                             "2024-04-05T14:00", SOT_MOVEMENT_STORAGE);
    g_autoptr(GPtrArray) breaks = check (fixture, late);

    g_assert_cmpuint (breaks->len, ==, 1);
    g_assert_nonnull (strstr (((SotContinuityBreak *) g_ptr_array_index (breaks, 0))->message,
                              "verify against the current FFLM table"));
  }
}

static void
test_continuity_correction (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExhibit) ex = add_exhibit (fixture, sot_investigation_get_id (fixture->inv), "AP", 0,
                                          NULL, "2024-03-31T10:00");
  g_autoptr(SotExhibitMovement) m1 = move (fixture, ex, "DC Ash Example", "Property store",
                                           "2024-03-31T14:00", SOT_MOVEMENT_STORAGE);
  g_autoptr(SotExhibitMovement) wrong = move (fixture, ex, "DC Ash Example", "Lab courier",
                                              "2024-04-01T09:00", SOT_MOVEMENT_LABORATORY);
  g_autoptr(SotExhibitMovement) fixed = NULL;
  g_autoptr(SotExhibitMovement) again = NULL;
  g_autoptr(GPtrArray) before = check (fixture, ex);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GListModel) movements = NULL;
  g_autoptr(SotExhibit) loaded = NULL;
  SotMovementDetails d = { 0 };
  gint64 audit_rows;

  g_assert_true (has_break (before, SOT_CONTINUITY_FROM_NOT_LAST_HOLDER,
                            sot_exhibit_movement_get_uuid (wrong)));

  /* A correction without a reason is refused. */
  d.from_holder = "Property store";
  d.to_holder = "Lab courier";
  d.moved_at = "2024-04-01T09:00";
  d.purpose = SOT_MOVEMENT_LABORATORY;
  d.corrects_uuid = sot_exhibit_movement_get_uuid (wrong);
  g_assert_false (sot_exhibit_append_movement (fixture->store, ex, &d, NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  audit_rows = sot_test_count (fixture->store, "audit_log");
  d.correction_reason = "The store officer handed it over, not the OIC";
  sot_exhibit_append_movement (fixture->store, ex, &d, &fixed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sot_exhibit_movement_get_position (fixed), ==,
                   sot_exhibit_movement_get_position (wrong));

  /* A new entry and one audit row naming the corrected entry; the old entry is still there. */
  g_assert_cmpint (sot_test_count (fixture->store, "exhibit_movement"), ==, 3);
  g_assert_cmpint (sot_test_count (fixture->store, "audit_log"), ==, audit_rows + 1);
  g_assert_cmpint (count_sql (fixture->store,
                              "SELECT count(*) FROM audit_log WHERE action = 'alter' "
                              "AND entity_type = 'exhibit_movement' AND entity_uuid = ?1",
                              sot_exhibit_movement_get_uuid (fixed)), ==, 1);
  {
    g_autofree char *pattern = g_strdup_printf ("%%%s%%", sot_exhibit_movement_get_uuid (wrong));

    g_assert_cmpint (count_sql (fixture->store,
                                "SELECT count(*) FROM audit_log WHERE reason LIKE ?1", pattern),
                     ==, 1);
  }
  /* The free-text reason stays out of the log. */
  g_assert_cmpint (count_sql (fixture->store, "SELECT count(*) FROM audit_log WHERE reason LIKE ?1",
                              "%store officer%"), ==, 0);

  movements = sot_exhibit_list_movements (fixture->store, ex, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (movements), ==, 3);
  g_assert_false (sot_exhibit_movement_get_superseded (sot_test_item_at (movements, 0)));
  g_assert_true (sot_exhibit_movement_get_superseded (sot_test_item_at (movements, 1)));
  g_assert_cmpstr (sot_exhibit_movement_get_corrects_uuid (sot_test_item_at (movements, 2)), ==,
                   sot_exhibit_movement_get_uuid (wrong));

  after = check (fixture, ex);
  g_assert_cmpuint (after->len, ==, 0);

  loaded = sot_exhibit_load (fixture->store, sot_exhibit_get_uuid (ex), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sot_exhibit_get_current_holder (loaded), ==, "Lab courier");

  /* The superseded entry cannot be corrected again (the chain would fork). */
  d.corrects_uuid = sot_exhibit_movement_get_uuid (wrong);
  g_assert_false (sot_exhibit_append_movement (fixture->store, ex, &d, &again, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The table refuses edits and deletions made around the core. */
  g_assert_false (sot_store_exec (fixture->store,
                                  "UPDATE exhibit_movement SET to_holder = 'x'", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  g_assert_false (sot_store_exec (fixture->store, "DELETE FROM exhibit_movement", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sot_test_count (fixture->store, "exhibit_movement"), ==, 3);

  g_assert_true (sot_store_verify_audit (fixture->store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_exhibit_update (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExhibit) ex = add_exhibit (fixture, sot_investigation_get_id (fixture->inv), "AP", 0,
                                          "vaginal", "2024-03-31T10:00");
  g_autoptr(SotExhibit) copy = sot_exhibit_copy (ex);
  g_autoptr(SotExhibit) loaded = NULL;

  sot_exhibit_set_lab_name (copy, "Fictional Forensics Ltd");
  sot_exhibit_set_lab_submitted_at (copy, "2024-04-02T09:00:00Z");
  sot_exhibit_set_lab_result (copy, "DNA profile obtained");
  sot_exhibit_set_retention (copy, SOT_RETENTION_RETAIN);
  g_assert_true (sot_exhibit_update (fixture->store, copy, "lab result in", &error));
  g_assert_no_error (error);

  loaded = sot_exhibit_load (fixture->store, sot_exhibit_get_uuid (ex), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sot_exhibit_get_lab_result (loaded), ==, "DNA profile obtained");
  g_assert_cmpstr (sot_exhibit_get_retention (loaded), ==, "retain");

  sot_exhibit_set_retention (copy, "burn");
  g_assert_false (sot_exhibit_update (fixture->store, copy, NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
}

/* Devices and third-party material */

static SotDevice *
add_device (Fixture    *fixture,
            const char *owner,
            const char *taken,
            const char *returned,
            GError    **error)
{
  SotDevice *device = NULL;
  SotDeviceDetails d = { 0 };

  d.owner_role = owner;
  d.description = "Mobile phone";
  d.legal_basis = SOT_LEGAL_BASIS_S37_AGREEMENT;
  d.written_notice_on = "2024-03-31";
  d.dpn_variant = g_str_equal (owner, SOT_DEVICE_OWNER_SUSPECT) ? SOT_DPN_C : SOT_DPN_A;
  d.dpn_given_on = "2024-03-31";
  d.line_of_enquiry = "Messages arranging the meeting";
  d.scope_data_types = "Messages";
  d.scope_from = "2024-03-01";
  d.scope_until = "2024-03-31";
  d.extraction_level = SOT_EXTRACTION_SELECTIVE;
  d.taken_at = taken;
  d.returned_at = returned;

  sot_device_add (fixture->store, sot_investigation_get_id (fixture->inv), &d, &device, error);
  return device;
}

static void
test_device_flag (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = sot_store_now (fixture->store);   /* 2024-04-20T12:00Z */
  g_autoptr(GDateTime) at_day = parse ("2024-04-01T10:00:00Z");
  g_autoptr(GDateTime) after_day = parse ("2024-04-01T10:00:01Z");
  g_autoptr(SotDevice) exactly = add_device (fixture, SOT_DEVICE_OWNER_VICTIM,
                                             "2024-03-31T10:00:00Z", "2024-04-01T10:00:00Z",
                                             &error);
  g_autoptr(SotDevice) over = NULL;
  g_autoptr(SotDevice) kept = NULL;
  g_autoptr(SotDevice) witness = NULL;
  g_autoptr(SotDevice) refused = NULL;
  g_autoptr(GListModel) list = NULL;
  SotDeviceDetails d = { 0 };

  g_assert_no_error (error);
  over = add_device (fixture, SOT_DEVICE_OWNER_VICTIM, "2024-03-31T10:00:00Z",
                     "2024-04-01T10:00:01Z", &error);
  g_assert_no_error (error);
  kept = add_device (fixture, SOT_DEVICE_OWNER_VICTIM, "2024-04-19T13:00:00Z", NULL, &error);
  g_assert_no_error (error);
  witness = add_device (fixture, SOT_DEVICE_OWNER_WITNESS, "2024-03-31T10:00:00Z", NULL, &error);
  g_assert_no_error (error);

  /* Exactly 24 hours is not over 24 hours; one second more is. */
  g_assert_cmpint (sot_device_held_for (exactly, now), ==, 24 * G_TIME_SPAN_HOUR);
  g_assert_false (sot_device_is_flagged (exactly, now));
  g_assert_true (sot_device_is_flagged (over, now));
  g_assert_false (sot_device_is_flagged (witness, now));

  /* Not yet returned: held until now, 23 h so far. */
  g_assert_cmpint (sot_device_held_for (kept, now), ==, 23 * G_TIME_SPAN_HOUR);
  g_assert_false (sot_device_is_flagged (kept, now));
  {
    g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
    g_assert_true (sot_device_is_flagged (kept, later));
  }

  /* Returning it stops the clock. */
  g_assert_true (sot_device_record_return (fixture->store, kept, "2024-04-20T12:00:00Z", &error));
  g_assert_no_error (error);
  list = sot_device_list (fixture->store, sot_investigation_get_id (fixture->inv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  /* Refusals: s.37 without its written notice; DPN-c for a victim; returned before taken. */
  d.owner_role = SOT_DEVICE_OWNER_VICTIM;
  d.description = "Phone";
  d.legal_basis = SOT_LEGAL_BASIS_S37_AGREEMENT;
  d.taken_at = "2024-03-31T10:00";
  g_assert_false (sot_device_add (fixture->store, sot_investigation_get_id (fixture->inv), &d, NULL,
                                  &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  d.legal_basis = SOT_LEGAL_BASIS_OTHER;
  d.dpn_variant = SOT_DPN_C;
  g_assert_false (sot_device_add (fixture->store, sot_investigation_get_id (fixture->inv), &d, NULL,
                                  &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  refused = add_device (fixture, SOT_DEVICE_OWNER_VICTIM, "2024-03-31T10:00", "2024-03-30T10:00",
                        &error);
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_assert_null (refused);

  g_assert_cmpint (sot_test_count (fixture->store, "device"), ==, 4);
  (void) at_day;
  (void) after_day;
}

static void
test_third_party (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotThirdPartyRequest) request = NULL;
  g_autoptr(SotThirdPartyRequest) stored = NULL;
  g_autoptr(GListModel) list = NULL;
  SotThirdPartyDetails d = { 0 };

  d.holder = "Counselling service";
  d.material = "Session notes";
  d.reason = "First account";
  d.necessity_note = "Only the dates of first disclosure";
  d.counselling = TRUE;
  d.requested_on = "2024-04-05";
  g_assert_false (sot_third_party_request_add (fixture->store,
                                               sot_investigation_get_id (fixture->inv), &d, NULL,
                                               &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  d.probative_value_note = "Said to differ from the account given to police";
  d.victim_notified_on = "2024-04-05";
  g_assert_true (sot_third_party_request_add (fixture->store,
                                              sot_investigation_get_id (fixture->inv), &d,
                                              &request, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sot_third_party_request_get_outcome (request), ==, SOT_TPM_PENDING);

  g_assert_true (sot_third_party_request_set_outcome (fixture->store, request, SOT_TPM_REFUSED,
                                                      "2024-04-15", NULL, &error));
  g_assert_no_error (error);
  list = sot_third_party_request_list (fixture->store, sot_investigation_get_id (fixture->inv),
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  stored = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sot_third_party_request_get_outcome (stored), ==, "refused");
}

/* PDF */

static void
assert_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 inv = sot_investigation_get_id (fixture->inv);
  g_autoptr(SotExhibit) ex = add_exhibit (fixture, inv, "AP", 0, "oral", "2024-04-01T23:30");
  g_autoptr(SotExhibit) sub = add_exhibit (fixture, inv, NULL, sot_exhibit_get_id (ex), NULL,
                                           "2024-04-01T23:35");
  g_autoptr(SotExhibitMovement) m1 = move (fixture, ex, "DC Ash Example", "Property store",
                                           "2024-04-02T10:00", SOT_MOVEMENT_STORAGE);
  g_autoptr(SotExhibitMovement) m2 = move (fixture, ex, "DC Someone Else", "Lab courier",
                                           "2024-04-03T10:00", SOT_MOVEMENT_LABORATORY);
  g_autoptr(GListModel) exhibits = sot_exhibit_list (fixture->store, inv, &error);
  g_autofree char *continuity = g_build_filename (fixture->ws.dir, "AP_1-continuity.pdf", NULL);
  g_autofree char *labels = g_build_filename (fixture->ws.dir, "labels.pdf", NULL);
  g_autofree char *bad = g_build_filename (fixture->ws.dir, "no-such-folder", "x.pdf", NULL);
  g_autoptr(SotExhibit) loaded = sot_exhibit_load (fixture->store, sot_exhibit_get_uuid (ex),
                                                   &error);

  g_assert_no_error (error);
  for (int i = 0; i < 9; i++)
    {
      g_autoptr(SotExhibit) more = add_exhibit (fixture, inv, "BC", 0, NULL, "2024-04-02T09:00");
      g_list_store_append (G_LIST_STORE (exhibits), more);
    }

  g_assert_true (sot_forensic_pdf_write_continuity (fixture->store, loaded, fixture->catalogue,
                                                    continuity, &error));
  g_assert_no_error (error);
  assert_pdf (continuity);

  g_assert_true (sot_forensic_pdf_write_labels (fixture->store, exhibits, labels, &error));
  g_assert_no_error (error);
  assert_pdf (labels);

  /* Producing them is a consultation of each exhibit, never a disclosure. */
  g_assert_cmpint (count_sql (fixture->store,
                              "SELECT count(*) FROM audit_log WHERE action = 'consult' "
                              "AND entity_type = 'exhibit' AND entity_uuid = ?1",
                              sot_exhibit_get_uuid (ex)), ==, 2);
  g_assert_cmpint (count_sql (fixture->store,
                              "SELECT count(*) FROM audit_log WHERE action = 'disclose'", NULL),
                   ==, 0);

  g_assert_false (sot_forensic_pdf_write_continuity (fixture->store, loaded, fixture->catalogue,
                                                     bad, &error));
  g_assert_nonnull (error);

  if (g_getenv ("SOT_TEST_KEEP_PDF") != NULL)
    {
      const char *keep_dir = g_getenv ("SOT_TEST_KEEP_PDF");
      g_autofree char *keep = g_build_filename (keep_dir, "continuity.pdf", NULL);
      g_autofree char *keep_labels = g_build_filename (keep_dir, "labels.pdf", NULL);

      sot_forensic_pdf_write_continuity (fixture->store, loaded, fixture->catalogue, keep, NULL);
      sot_forensic_pdf_write_labels (fixture->store, exhibits, keep_labels, NULL);
    }
}

/* The label sheet's audit rows are one batch: when one cannot be written, none is. */
static void
test_pdf_labels_audit_batch (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 inv = sot_investigation_get_id (fixture->inv);
  g_autoptr(SotExhibit) first = add_exhibit (fixture, inv, "AP", 0, NULL, "2024-04-01T23:30");
  g_autoptr(SotExhibit) second = add_exhibit (fixture, inv, "AP", 0, NULL, "2024-04-01T23:40");
  g_autoptr(GListModel) exhibits = sot_exhibit_list (fixture->store, inv, &error);
  g_autofree char *labels = g_build_filename (fixture->ws.dir, "labels.pdf", NULL);
  g_autofree char *trigger = NULL;
  const char *consults = "SELECT count(*) FROM audit_log WHERE action = 'consult' "
                         "AND entity_type = 'exhibit' AND entity_uuid = ?1";
  gint64 audit_rows = sot_test_count (fixture->store, "audit_log");

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exhibits), ==, 2);

  /* The second exhibit's audit row is refused. */
  trigger = g_strdup_printf ("CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                             "WHEN NEW.entity_uuid = '%s' "
                             "BEGIN SELECT RAISE(ABORT, 'refused'); END",
                             sot_exhibit_get_uuid (second));
  g_assert_true (sot_store_exec (fixture->store, trigger, &error));
  g_assert_no_error (error);

  g_assert_false (sot_forensic_pdf_write_labels (fixture->store, exhibits, labels, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sot_store_in_transaction (fixture->store));
  g_assert_cmpint (count_sql (fixture->store, consults, sot_exhibit_get_uuid (first)), ==, 0);
  g_assert_cmpint (sot_test_count (fixture->store, "audit_log"), ==, audit_rows);

  g_assert_true (sot_store_exec (fixture->store, "DROP TRIGGER temp.refuse_audit", &error));
  g_assert_no_error (error);
  g_assert_true (sot_forensic_pdf_write_labels (fixture->store, exhibits, labels, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (fixture->store, consults, sot_exhibit_get_uuid (first)), ==, 1);
  g_assert_cmpint (count_sql (fixture->store, consults, sot_exhibit_get_uuid (second)), ==, 1);
  g_assert_cmpint (sot_test_count (fixture->store, "audit_log"), ==, audit_rows + 2);

  {
    gint64 n_records = 0;

    g_assert_true (sot_store_verify_audit (fixture->store, &n_records, NULL, &error));
    g_assert_no_error (error);
  }
}

/* Erasure */

static void
test_erase (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 inv = sot_investigation_get_id (fixture->inv);
  g_autoptr(SotInvestigation) other = insert_investigation (fixture->store, "FX/24/000002",
                                                            "2024-04-02T20:00:00Z", NULL);
  g_autoptr(SotExhibit) ex = add_exhibit (fixture, inv, "AP", 0, "oral", "2024-03-31T10:00");
  g_autoptr(SotExhibit) sub = add_exhibit (fixture, inv, NULL, sot_exhibit_get_id (ex), NULL,
                                           "2024-03-31T10:05");
  g_autoptr(SotExhibit) kept = add_exhibit (fixture, sot_investigation_get_id (other), "AP", 0,
                                            NULL, "2024-04-03T10:00");
  g_autoptr(SotExhibitMovement) m1 = move (fixture, ex, "DC Ash Example", "Property store",
                                           "2024-03-31T14:00", SOT_MOVEMENT_STORAGE);
  g_autoptr(SotExhibitMovement) m2 = move (fixture, sub, "DC Ash Example", "Property store",
                                           "2024-03-31T14:00", SOT_MOVEMENT_STORAGE);
  g_autoptr(SotExhibitMovement) m3 = move (fixture, kept, "DC Ash Example", "Property store",
                                           "2024-04-03T14:00", SOT_MOVEMENT_STORAGE);
  g_autoptr(SotExhibitMovement) fix = NULL;
  g_autoptr(SotDevice) device = add_device (fixture, SOT_DEVICE_OWNER_VICTIM, "2024-03-31T10:00",
                                            NULL, &error);
  SotMovementDetails d = { 0 };

  g_assert_no_error (error);
  d.from_holder = "DC Ash Example";
  d.to_holder = "Property store";
  d.moved_at = "2024-03-31T14:30";
  d.purpose = SOT_MOVEMENT_STORAGE;
  d.corrects_uuid = sot_exhibit_movement_get_uuid (m1);
  d.correction_reason = "Time misread";
  sot_exhibit_append_movement (fixture->store, ex, &d, &fix, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sot_test_count (fixture->store, "exhibit_movement"), ==, 4);

  g_assert_true (sot_investigation_erase (fixture->inv, fixture->store, "test erasure", &error));
  g_assert_no_error (error);

  /* Everything of the erased case has gone; the other case's exhibit and chain remain. */
  g_assert_cmpint (sot_test_count (fixture->store, "exhibit"), ==, 1);
  g_assert_cmpint (sot_test_count (fixture->store, "exhibit_movement"), ==, 1);
  g_assert_cmpint (sot_test_count (fixture->store, "device"), ==, 0);
  g_assert_true (sot_store_verify_audit (fixture->store, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Generator */

static void
test_generator_part (void)
{
  g_autoptr(GError) error = NULL;
  SotTestWorkspace ws;
  g_autoptr(GPtrArray) uuids0 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uuids1 = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *uuids[2] = { uuids0, uuids1 };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 6, 30, 18, 0, 0);
  guint kinds[4] = { 0 };
  guint flagged = 0, returned_in_day = 0, clean = 0;

  sot_test_workspace_setup (&ws, "forensics-gen", SOT_TEST_WORKSPACE_NO_STORE);

  for (int run = 0; run < 2; run++)
    {
      g_autofree char *name = g_strdup_printf ("gen-%d.db", run);
      g_autofree char *path = g_build_filename (ws.dir, name, NULL);
      g_autoptr(SotStore) store = sot_store_open (path, SOT_STORE_OPEN_CREATE, &error);
      g_autoptr(SotForensicCatalogue) catalogue = sot_forensic_catalogue_new_builtin (&error);
      g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
      SotGeneratorContext ctx = { 0 };
      sqlite3_stmt *stmt;

      g_assert_no_error (error);
      sot_store_set_clock (store, now);
      ctx.store = store;
      ctx.rand = g_rand_new_with_seed (77);
      g_date_clear (&ctx.today, 1);
      g_date_set_dmy (&ctx.today, 30, G_DATE_JUNE, 2025);

      g_assert_true (sot_store_begin (store, &error));
      for (guint i = 0; i < 300; i++)
        {
          g_autofree char *ref = g_strdup_printf ("TRN/25/%06u", i + 1);
          g_autoptr(GDateTime) from = g_date_time_new (tz, 2025, 1 + i % 6, 1 + i % 27,
                                                        22, 0, 0);
          g_autoptr(GDateTime) from_utc = g_date_time_to_utc (from);
          g_autofree char *from_text = g_date_time_format (from_utc, "%Y-%m-%dT%H:%M:%SZ");
          g_autoptr(SotInvestigation) inv = sot_investigation_new ();
          g_autoptr(GArray) suspects = g_array_new (FALSE, FALSE, sizeof (gint64));
          gint64 one = 1;
          SotGeneratorCase gcase = { 0 };
          GDate reported;

          sot_date_from_time (from_utc, &reported);
          g_date_add_days (&reported, i % 9);
          {
            g_autofree char *reported_text = sot_date_format (&reported);

            sot_investigation_set_crime_reference (inv, ref);
            sot_investigation_set_offence_type (inv, "rape");
            sot_investigation_set_offence_from (inv, from_text);
            sot_investigation_set_reported_on (inv, reported_text);
            sot_investigation_set_officer (inv, "DC Ash Example");
            g_assert_true (sot_investigation_insert (inv, store, &error));
            g_assert_no_error (error);
          }
          g_array_append_val (suspects, one);

          gcase.index = i;
          gcase.investigation_id = sot_investigation_get_id (inv);
          gcase.investigation_uuid = sot_investigation_get_uuid (inv);
          gcase.crime_reference = ref;
          gcase.offence_from = from_utc;
          gcase.reported = reported;
          gcase.status = "open";
          gcase.officer = "DC Ash Example";
          gcase.suspect_ids = suspects;

          g_assert_true (sot_generator_part_forensics (&ctx, &gcase, &error));
          g_assert_no_error (error);
        }
      g_assert_true (sot_store_commit (store, &error));
      g_rand_free (ctx.rand);

      stmt = sot_store_prepare (store, "SELECT uuid || reference FROM exhibit ORDER BY id", &error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (uuids[run], g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);

      if (run == 1)
        continue;

      /* The demo data show every kind of break, and clean chains. */
      for (gint64 inv_id = 1; inv_id <= 300; inv_id++)
        {
          g_autoptr(GListModel) exhibits = sot_exhibit_list (store, inv_id, &error);

          g_assert_no_error (error);
          for (guint e = 0; e < g_list_model_get_n_items (exhibits); e++)
            {
              g_autoptr(SotExhibit) exhibit = g_list_model_get_item (exhibits, e);
              g_autoptr(GPtrArray) breaks = sot_exhibit_check_continuity (store, exhibit,
                                                                          catalogue, &error);
              g_assert_no_error (error);
              if (breaks->len == 0)
                clean++;
              for (guint b = 0; b < breaks->len; b++)
                kinds[((SotContinuityBreak *) g_ptr_array_index (breaks, b))->kind]++;
            }

          {
            g_autoptr(GListModel) devices = sot_device_list (store, inv_id, &error);

            g_assert_no_error (error);
            for (guint v = 0; v < g_list_model_get_n_items (devices); v++)
              {
                g_autoptr(SotDevice) device = g_list_model_get_item (devices, v);

                if (!g_str_equal (sot_device_get_owner_role (device), SOT_DEVICE_OWNER_VICTIM))
                  continue;
                if (sot_device_is_flagged (device, now))
                  flagged++;
                else if (sot_device_get_returned_at (device) != NULL)
                  returned_in_day++;
              }
          }
        }

      g_test_message ("clean %u, from %u, time %u, storage %u, window %u, flagged %u, in a day %u",
                      clean, kinds[0], kinds[1], kinds[2], kinds[3], flagged, returned_in_day);
      g_assert_cmpuint (clean, >, 0);
      for (guint k = 0; k < 4; k++)
        g_assert_cmpuint (kinds[k], >, 0);
      g_assert_cmpuint (flagged, >, 0);
      g_assert_cmpuint (returned_in_day, >, 0);
      g_assert_cmpint (sot_test_count (store, "third_party_request"), >, 0);
      g_assert_true (sot_store_verify_audit (store, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  /* The same seed gives the same records. */
  g_assert_cmpuint (uuids[0]->len, ==, uuids[1]->len);
  for (guint i = 0; i < uuids[0]->len; i++)
    g_assert_cmpstr (g_ptr_array_index (uuids[0], i), ==, g_ptr_array_index (uuids[1], i));

  sot_test_workspace_teardown (&ws);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/forensics/catalogue/builtin", test_catalogue_builtin);
  for (guint i = 0; i < G_N_ELEMENTS (bad_overrides); i++)
    {
      g_autofree char *path = g_strdup_printf ("/forensics/catalogue/bad-override/%s",
                                               bad_overrides[i].name);
      g_test_add_data_func (path, &bad_overrides[i], test_catalogue_bad_override);
    }
  g_test_add_func ("/forensics/catalogue/extend", test_catalogue_extend);
  g_test_add_func ("/forensics/catalogue/replace", test_catalogue_replace_and_missing);

  ADD ("/forensics/window/boundaries", test_window_boundaries);
  ADD ("/forensics/window/range", test_window_range);
  ADD ("/forensics/window/daylight-saving", test_window_dst);
  ADD ("/forensics/window/all-and-overview", test_window_all_and_overview);

  ADD ("/forensics/exhibit/references", test_exhibit_references);
  ADD ("/forensics/exhibit/update", test_exhibit_update);
  ADD ("/forensics/exhibit/continuity/clean", test_continuity_clean);
  ADD ("/forensics/exhibit/continuity/breaks", test_continuity_breaks);
  ADD ("/forensics/exhibit/continuity/correction", test_continuity_correction);

  ADD ("/forensics/device/24-hour-flag", test_device_flag);
  ADD ("/forensics/device/third-party", test_third_party);

  ADD ("/forensics/pdf", test_pdf);
  ADD ("/forensics/pdf/labels-audit-batch", test_pdf_labels_audit_batch);
  ADD ("/forensics/erase", test_erase);

  g_test_add_func ("/forensics/generator", test_generator_part);

  {
    int status = g_test_run ();

    /* Let cairo drop its font caches so that the leak checker sees only our own memory. */
    cairo_debug_reset_static_data ();
    return status;
  }
}
