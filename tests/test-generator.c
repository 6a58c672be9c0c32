/* test-generator.c: the deterministic generator of fictional cases
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sot-generator.h"
#include "sot-investigation-list.h"
#include "sot-investigation.h"
#include "sot-person.h"
#include "sot-store.h"
#include "sot-test-workspace.h"
#include "sot-time.h"

#define N_SHARED 500
#define SHARED_SEED 2024

/* The folder of every workspace made here, and one workspace in it made once and read by the
 * shape tests. */
static SotTestWorkspace workspace;
static char *shared_path;
static GDate shared_today;

/* Helpers */

/* Makes a workspace at @name in the temporary folder; a fixed clock when @fix_clock. */
static char *
generate (const char  *name,
          guint        n,
          guint64      seed,
          const GDate *today,
          gboolean     fix_clock)
{
  char *path = g_build_filename (workspace.dir, name, NULL);
  g_autoptr(SotStore) store = sot_test_open_store (path, SOT_STORE_OPEN_CREATE);

  if (fix_clock)
    sot_test_set_clock (store, 2025, 6, 30, 18, 0);

  sot_test_fill_demo (store, n, seed, g_date_get_year (today), g_date_get_month (today),
                      g_date_get_day (today));
  g_assert_cmpint (sot_store_count (store, "investigation", NULL), ==, n);

  return path;
}

/* Every row of @sql as text, columns named in @exclude left out. */
static void
dump_query (sqlite3            *db,
            const char         *sql,
            const char * const *exclude,
            GString            *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_string_append_printf (out, "== %s\n", sql);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *column = sqlite3_column_name (stmt, i);
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (exclude != NULL && g_strv_contains (exclude, column))
            continue;
          g_string_append_printf (out, "%s=%s\x1f", column, text ? text : "<null>");
        }
      g_string_append_c (out, '\n');
    }

  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static char *
dump_tables (const char         *path,
             const char * const *tables,
             const char * const *exclude)
{
  sqlite3 *db = sot_test_raw_open (path, SQLITE_OPEN_READONLY);
  GString *out = g_string_new (NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", tables[i]);

      dump_query (db, sql, exclude, out);
    }

  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Every table of the workspace but the log, the workspace's own identity and suspect_person
 * (whose UUIDs the person API draws itself; see /generator/determinism/suspect-person-uuid). */
static GStrv
case_tables (const char *path)
{
  sqlite3 *db = sot_test_raw_open (path, SQLITE_OPEN_READONLY);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT IN ('audit_log', 'workspace', "
                                           "'suspect_person') AND name NOT LIKE 'sqlite_%' "
                                           "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_strv_builder_end (builder);
}

/* Compares line by line, so that a failure names the first differing row. */
static void
assert_same_dump (const char *a,
                  const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);

  for (guint i = 0; lines_a[i] != NULL && lines_b[i] != NULL; i++)
    g_assert_cmpstr (lines_a[i], ==, lines_b[i]);

  g_assert_cmpuint (g_strv_length (lines_a), ==, g_strv_length (lines_b));
}

/* Determinism */

static void
test_determinism (void)
{
  g_autofree char *other = NULL;
  g_autofree char *reseeded = NULL;
  g_auto(GStrv) tables = case_tables (shared_path);
  g_autofree char *dump_shared = NULL;
  g_autofree char *dump_other = NULL;
  g_autofree char *dump_reseeded = NULL;
  g_autofree char *log_shared = NULL;
  g_autofree char *log_other = NULL;
  const char * const audit_tables[] = { "audit_log", NULL };
  /* The workspace's own collection row names its random UUID, and every hash covers it. */
  const char * const audit_exclude[] = { "ts_utc", "prev_hash", "hash", NULL };
  const char * const main_tables[] = { "investigation", NULL };

  g_assert_true (g_strv_contains ((const char * const *) tables, "investigation"));
  g_assert_true (g_strv_contains ((const char * const *) tables, "victim"));
  g_assert_true (g_strv_contains ((const char * const *) tables, "suspect"));

  other = generate ("same-seed.db", N_SHARED, SHARED_SEED, &shared_today, TRUE);
  dump_shared = dump_tables (shared_path, (const char * const *) tables, NULL);
  dump_other = dump_tables (other, (const char * const *) tables, NULL);
  g_assert_cmpuint (strlen (dump_shared), >, N_SHARED * 100);
  assert_same_dump (dump_shared, dump_other);

  /* The audit trail matches too, record for record, but for the workspace's own row. */
  log_shared = dump_tables (shared_path, audit_tables, audit_exclude);
  log_other = dump_tables (other, audit_tables, audit_exclude);
  {
    g_autofree char *tail_shared = g_strdup (strchr (strchr (log_shared, '\n') + 1, '\n'));
    g_autofree char *tail_other = g_strdup (strchr (strchr (log_other, '\n') + 1, '\n'));

    assert_same_dump (tail_shared, tail_other);
  }

  /* Another seed, other cases. */
  reseeded = generate ("other-seed.db", N_SHARED, SHARED_SEED + 1, &shared_today, TRUE);
  g_free (dump_shared);
  dump_shared = dump_tables (shared_path, main_tables, NULL);
  dump_reseeded = dump_tables (reseeded, main_tables, NULL);
  g_assert_cmpstr (dump_shared, !=, dump_reseeded);
}

/* As soteria-cli runs it: the real clock. The rows agree but for when they were written. */
static void
test_determinism_real_clock (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  const char * const tables[] = {
    "investigation", "victim", "victim_identity", "suspect", "suspect_identity", "witness",
    "witness_identity", NULL
  };
  const char * const exclude[] = { "created_at", "updated_at", NULL };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 14, G_DATE_FEBRUARY, 2023);

  a = generate ("clock-a.db", 120, 7, &today, FALSE);
  /* A different moment for the second run. */
  g_usleep (20 * 1000);
  b = generate ("clock-b.db", 120, 7, &today, FALSE);

  dump_a = dump_tables (a, tables, exclude);
  dump_b = dump_tables (b, tables, exclude);
  assert_same_dump (dump_a, dump_b);
}

/* A suspect person is a record with a UUID too, which exports and merges use. */
static void
test_determinism_suspect_person (void)
{
  g_autofree char *other = g_build_filename (workspace.dir, "same-seed.db", NULL);
  const char * const tables[] = { "suspect_person", NULL };
  g_autofree char *dump_shared = NULL;
  g_autofree char *dump_other = NULL;

  if (!g_file_test (other, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("needs /generator/determinism/same-seed");
      return;
    }

  dump_shared = dump_tables (shared_path, tables, NULL);
  dump_other = dump_tables (other, tables, NULL);

  assert_same_dump (dump_shared, dump_other);
}

/* Shapes (DOMAIN.md §1.7, §4.1) */

static GStrv
query_strv (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      g_strv_builder_add (builder, text ? text : "");
    }
  sqlite3_finalize (stmt);

  return g_strv_builder_end (builder);
}

/* The hundred commonest surnames of England and Wales: a fictional name is none of these. */
static const char * const common_surnames[] = {
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
  "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
  "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin",
  "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison",
  "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price",
  "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey",
  "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall",
  "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman",
  "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews",
  "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell",
  "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", NULL
};

static void
test_names_fictional (void)
{
  sqlite3 *db = sot_test_raw_open (shared_path, SQLITE_OPEN_READONLY);
  g_auto(GStrv) family = query_strv (db, "SELECT family_name FROM victim_identity UNION ALL "
                                         "SELECT family_name FROM suspect_identity UNION ALL "
                                         "SELECT family_name FROM witness_identity");
  g_auto(GStrv) officers = query_strv (db, "SELECT DISTINCT officer FROM investigation");
  g_auto(GStrv) phones = query_strv (db, "SELECT phone FROM victim_identity WHERE phone IS NOT "
                                         "NULL UNION ALL SELECT phone FROM suspect_identity "
                                         "WHERE phone IS NOT NULL UNION ALL SELECT phone FROM "
                                         "witness_identity WHERE phone IS NOT NULL");
  g_auto(GStrv) references = query_strv (db, "SELECT crime_reference FROM investigation");

  g_assert_cmpuint (g_strv_length (family), >=, N_SHARED);
  for (guint i = 0; family[i] != NULL; i++)
    {
      g_assert_cmpstr (family[i], !=, "");
      if (g_strv_contains (common_surnames, family[i]))
        g_error ("“%s” is a real surname", family[i]);
    }

  for (guint i = 0; officers[i] != NULL; i++)
    {
      const char *last = strrchr (officers[i], ' ');

      g_assert_nonnull (last);
      if (g_strv_contains (common_surnames, last + 1))
        g_error ("officer “%s” has a real surname", officers[i]);
    }

  /* 07700 900000–900999: Ofcom's numbers for drama, never a subscriber's. */
  g_assert_cmpuint (g_strv_length (phones), >, 0);
  for (guint i = 0; phones[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (phones[i], "07700 900"));

  for (guint i = 0; references[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (references[i], "TRN"));

  sqlite3_close (db);
}

static void
test_outcomes_shape (void)
{
  sqlite3 *db = sot_test_raw_open (shared_path, SQLITE_OPEN_READONLY);
  gint64 with_outcome = sot_test_raw_int (db, "SELECT count(*) FROM investigation "
                                              "WHERE outcome_code IS NOT NULL");
  gint64 oc16 = sot_test_raw_int (db, "SELECT count(*) FROM investigation "
                                      "WHERE outcome_code = '16'");
  gint64 nsi = sot_test_raw_int (db, "SELECT count(*) FROM investigation "
                                     "WHERE outcome_code IN ('14', '18')");
  gint64 charged = sot_test_raw_int (db, "SELECT count(*) FROM investigation "
                                         "WHERE outcome_code IN ('1', '1A')");
  gint64 top_other = sot_test_raw_int (db, "SELECT coalesce (max (n), 0) "
                                           "FROM (SELECT count(*) AS n "
                                           "FROM investigation WHERE outcome_code IS NOT NULL "
                                           "AND outcome_code != '16' GROUP BY outcome_code)");
  gint64 open_cases = sot_test_raw_int (db, "SELECT count(*) FROM investigation "
                                            "WHERE outcome_code IS NULL");

  g_test_message ("%" G_GINT64_FORMAT " with an outcome: 16 x %" G_GINT64_FORMAT
                  ", 14/18 x %" G_GINT64_FORMAT ", charged x %" G_GINT64_FORMAT,
                  with_outcome, oc16, nsi, charged);

  /* Both finalised and open cases. */
  g_assert_cmpint (with_outcome, >=, N_SHARED / 4);
  g_assert_cmpint (open_cases, >=, N_SHARED / 20);

  /* Outcome 16 is the commonest outcome, and a large share. */
  g_assert_cmpint (oc16, >, top_other);
  g_assert_cmpint (oc16 * 100, >=, with_outcome * 25);

  /* No suspect identified (14, 18) is common. */
  g_assert_cmpint (nsi * 100, >=, with_outcome * 8);

  /* Charges happen, but are a minority. */
  g_assert_cmpint (charged, >, 0);
  g_assert_cmpint (charged * 100, <, with_outcome * 25);

  /* Every code is a real one. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SotReference) reference = sot_reference_new (&error);
    g_auto(GStrv) codes = query_strv (db, "SELECT DISTINCT outcome_code FROM investigation "
                                          "WHERE outcome_code IS NOT NULL");

    g_assert_no_error (error);
    for (guint i = 0; codes[i] != NULL; i++)
      g_assert_true (sot_reference_has_outcome (reference, codes[i]));
  }

  /* A charged case has the charged status; a finalised one an outcome. */
  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM investigation "
                                         "WHERE outcome_code IN ('1', '1A') "
                                         "AND status != 'charged'"), ==, 0);
  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM investigation "
                                         "WHERE status IN ('finalised', 'charged') "
                                         "AND outcome_code IS NULL"), ==, 0);

  sqlite3_close (db);
}

static void
test_repeat_suspects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = sot_test_open_store (shared_path, SOT_STORE_OPEN_NONE);
  sqlite3 *db = sot_test_raw_open (shared_path, SQLITE_OPEN_READONLY);
  gint64 repeats;

  repeats = sot_person_count_repeat_suspects (store, &error);
  g_assert_no_error (error);
  g_test_message ("%" G_GINT64_FORMAT " repeat suspects", repeats);
  g_assert_cmpint (repeats, >, 0);

  /* Outcomes 14 and 18 mean no suspect was identified: such a case has none. */
  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM suspect s JOIN investigation i "
                                         "ON i.id = s.investigation_id "
                                         "WHERE i.outcome_code IN ('14', '18')"), ==, 0);

  /* Every case has its victim. */
  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM investigation i WHERE NOT EXISTS "
                                         "(SELECT 1 FROM victim v "
                                         "WHERE v.investigation_id = i.id)"),
                   ==, 0);
  sqlite3_close (db);
}

/* The victim's age agrees with the offence: under 13 for a "-u13" offence, under 16 for a
 * "-u16" one, 16 or over for an adult offence (data/reference/offence-types.ini). */
static void
test_victim_age_matches_offence (void)
{
  sqlite3 *db = sot_test_raw_open (shared_path, SQLITE_OPEN_READONLY);
  gint64 u13 = sot_test_raw_int (db, "SELECT count(*) FROM investigation i JOIN victim v "
                                     "ON v.investigation_id = i.id "
                                     "WHERE i.offence_type LIKE '%-u13' "
                                     "AND v.age_at_offence >= 13");
  gint64 u16 = sot_test_raw_int (db, "SELECT count(*) FROM investigation i JOIN victim v "
                                     "ON v.investigation_id = i.id "
                                     "WHERE i.offence_type LIKE '%-u16' "
                                     "AND v.age_at_offence >= 16");
  gint64 adult = sot_test_raw_int (db, "SELECT count(*) FROM investigation i JOIN victim v "
                                       "ON v.investigation_id = i.id "
                                       "WHERE i.offence_type NOT LIKE '%-child-%' "
                                       "AND v.age_at_offence < 16");

  g_test_message ("mismatches: u13 %" G_GINT64_FORMAT ", u16 %" G_GINT64_FORMAT
                  ", adult %" G_GINT64_FORMAT, u13, u16, adult);
  g_assert_cmpint (u13, ==, 0);
  g_assert_cmpint (u16, ==, 0);
  g_assert_cmpint (adult, ==, 0);
  sqlite3_close (db);
}

static void
test_dates_shape (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = sot_test_open_store (shared_path, SOT_STORE_OPEN_NONE);
  g_autoptr(SotInvestigationList) list = NULL;
  SotReference *reference;
  guint bands[5] = { 0 };   /* same day, 1–2, 3–10, 11–100, over 100 days */
  int min_delay = G_MAXINT, max_delay = G_MININT;
  guint n;

  reference = sot_store_get_reference (store);
  list = sot_investigation_list_new (store, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, N_SHARED);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotInvestigation) inv = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(GArray) problems = sot_investigation_check (inv, reference);
      g_autoptr(GDateTime) from = NULL;
      GDate offence_day, reported;
      int delay;

      /* Every generated case passes the same validation as a typed one. */
      if (problems->len > 0)
        g_error ("%s: %s", sot_investigation_get_crime_reference (inv),
                 g_array_index (problems, SotFieldProblem, 0).message);

      from = sot_time_parse (sot_investigation_get_offence_from (inv), &error);
      g_assert_no_error (error);
      sot_date_from_time (from, &offence_day);
      g_assert_true (sot_date_parse (sot_investigation_get_reported_on (inv), &reported, NULL));
      g_assert_cmpint (g_date_compare (&reported, &shared_today), <=, 0);

      if (sot_investigation_get_outcome_date (inv) != NULL)
        {
          GDate outcome;

          g_assert_true (sot_date_parse (sot_investigation_get_outcome_date (inv), &outcome,
                                         NULL));
          g_assert_cmpint (g_date_compare (&outcome, &shared_today), <=, 0);
        }

      delay = g_date_days_between (&offence_day, &reported);
      min_delay = MIN (min_delay, delay);
      max_delay = MAX (max_delay, delay);

      if (delay == 0)
        bands[0]++;
      else if (delay <= 2)
        bands[1]++;
      else if (delay <= 10)
        bands[2]++;
      else if (delay <= 100)
        bands[3]++;
      else
        bands[4]++;
    }

  g_test_message ("report delays %d to %d days; bands %u %u %u %u %u", min_delay, max_delay,
                  bands[0], bands[1], bands[2], bands[3], bands[4]);

  /* From the same day to years later, with every band of the Soteria coding present. */
  g_assert_cmpint (min_delay, ==, 0);
  g_assert_cmpint (max_delay, >, 2 * 365);
  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    g_assert_cmpuint (bands[i], >, 0);
  /* Most reports come within days. */
  g_assert_cmpuint (bands[0] + bands[1] + bands[2], >, N_SHARED / 3);
}

/* Without a given day, the cases run back from the store's clock. */
static void
test_today_from_clock (void)
{
  g_autofree char *path = g_build_filename (workspace.dir, "clock-today.db", NULL);
  g_autoptr(SotStore) store = sot_test_open_store (path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  g_auto(GStrv) latest = NULL;

  sot_test_set_clock (store, 2020, 1, 15, 12, 0);
  sot_generator_fill (store, 60, 99, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  db = sot_test_raw_open (path, SQLITE_OPEN_READONLY);
  latest = query_strv (db, "SELECT max (reported_on) FROM investigation UNION ALL "
                           "SELECT min (reported_on) FROM investigation UNION ALL "
                           "SELECT max (coalesce (outcome_date, '')) FROM investigation");
  g_assert_cmpstr (latest[0], <=, "2020-01-15");
  g_assert_cmpstr (latest[1], >=, "2016-01-15");
  g_assert_cmpstr (latest[2], <=, "2020-01-15");
  sqlite3_close (db);
}

/* Cancellation and progress */

typedef struct {
  GCancellable *cancellable;
  guint         calls;
  guint         last_done;
  guint         total;
} ProgressLog;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_cmpuint (done, >, log->last_done);
  g_assert_cmpuint (done, <=, total);
  log->calls++;
  log->last_done = done;
  log->total = total;

  if (log->cancellable != NULL)
    g_cancellable_cancel (log->cancellable);
}

static void
changed_count_cb (SotStore   *store,
                  const char *entity_type,
                  const char *action,
                  const char *entity_uuid,
                  gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = sot_test_open_store (":memory:", SOT_STORE_OPEN_NONE);
  ProgressLog log = { 0 };

  sot_generator_fill (store, 1200, 5, NULL, progress_cb, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.calls, >=, 2);
  g_assert_cmpuint (log.last_done, ==, 1200);
  g_assert_cmpuint (log.total, ==, 1200);
}

static void
test_cancel_rolls_back (gconstpointer data)
{
  gboolean before_start = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (workspace.dir, before_start ? "cancel-early.db"
                                                                  : "cancel.db", NULL);
  g_autoptr(SotStore) store = sot_test_open_store (path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char * const tables[] = {
    "investigation", "victim", "victim_identity", "suspect", "suspect_identity",
    "suspect_person", "witness", "witness_identity", "deadline",
  };
  ProgressLog log = { 0 };
  guint changed = 0;
  gint64 audits = sot_store_count (store, "audit_log", NULL);

  g_signal_connect (store, "changed", G_CALLBACK (changed_count_cb), &changed);

  if (before_start)
    g_cancellable_cancel (cancellable);
  else
    log.cancellable = cancellable;

  g_assert_false (sot_generator_fill (store, 3000, 11, NULL, progress_cb, &log, cancellable,
                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  if (!before_start)
    g_assert_cmpuint (log.calls, >=, 1);

  /* Nothing is left: no case, no person, no audit row, no announcement. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_test_message ("%s", tables[i]);
      g_assert_cmpint (sot_store_count (store, tables[i], NULL), ==, 0);
    }
  g_assert_cmpint (sot_store_count (store, "audit_log", NULL), ==, audits);
  g_assert_cmpuint (changed, ==, 0);

  /* And the store is usable: a later run works. */
  sot_generator_fill (store, 10, 11, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sot_store_count (store, "investigation", NULL), ==, 10);
  g_assert_cmpuint (changed, >, 0);

  g_signal_handlers_disconnect_by_func (store, changed_count_cb, &changed);
}

/* Within one transaction of the caller, a generated workspace is one atomic change. */
static void
test_nested_in_caller_transaction (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = sot_test_open_store (":memory:", SOT_STORE_OPEN_NONE);

  sot_store_begin (store, &error);
  g_assert_no_error (error);
  sot_generator_fill (store, 20, 3, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sot_store_count (store, "investigation", NULL), ==, 20);
  sot_store_rollback (store);
  g_assert_cmpint (sot_store_count (store, "investigation", NULL), ==, 0);
  g_assert_cmpint (sot_store_count (store, "audit_log", NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its test case and the run goes on, so one report shows them all. */
  g_test_set_nonfatal_assertions ();

  sot_test_workspace_setup (&workspace, "generator", SOT_TEST_WORKSPACE_NO_STORE);
  g_date_clear (&shared_today, 1);
  g_date_set_dmy (&shared_today, 30, G_DATE_JUNE, 2025);
  shared_path = generate ("shared.db", N_SHARED, SHARED_SEED, &shared_today, TRUE);

  g_test_add_func ("/generator/determinism/same-seed", test_determinism);
  g_test_add_func ("/generator/determinism/real-clock", test_determinism_real_clock);
  g_test_add_func ("/generator/determinism/suspect-person-uuid", test_determinism_suspect_person);
  g_test_add_func ("/generator/shape/names-fictional", test_names_fictional);
  g_test_add_func ("/generator/shape/outcomes", test_outcomes_shape);
  g_test_add_func ("/generator/shape/repeat-suspects", test_repeat_suspects);
  g_test_add_func ("/generator/shape/victim-age-matches-offence", test_victim_age_matches_offence);
  g_test_add_func ("/generator/shape/dates", test_dates_shape);
  g_test_add_func ("/generator/today-from-clock", test_today_from_clock);
  g_test_add_func ("/generator/progress", test_progress);
  g_test_add_data_func ("/generator/cancel/during-run", GINT_TO_POINTER (FALSE),
                        test_cancel_rolls_back);
  g_test_add_data_func ("/generator/cancel/before-start", GINT_TO_POINTER (TRUE),
                        test_cancel_rolls_back);
  g_test_add_func ("/generator/transaction/nested", test_nested_in_caller_transaction);

  status = g_test_run ();

  g_free (shared_path);
  sot_test_workspace_teardown (&workspace);

  return status;
}
