/* test-audit.c: the hash-chained audit log (DPA 2018 s.62) and its verification
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sot-investigation.h"
#include "sot-store.h"
#include "sot-test-workspace.h"

/* The workspace is closed once made: each test opens it as it needs. */
typedef SotTestWorkspace Fixture;

/* A workspace whose log has six rows:
 *   1 collect workspace, 2 collect A, 3 collect B, 4 alter A, 5 consult B, 6 erase B. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autoptr(SotInvestigation) a = sot_test_make_investigation ("AU/1/24");
  g_autoptr(SotInvestigation) b = sot_test_make_investigation ("AU/2/24");

  sot_test_workspace_setup (fixture, "audit", SOT_TEST_WORKSPACE_NONE);
  store = g_steal_pointer (&fixture->store);
  sot_store_set_operator (store, "DC 7 Audit Test");

  sot_investigation_insert (a, store, &error);
  g_assert_no_error (error);
  sot_investigation_insert (b, store, &error);
  g_assert_no_error (error);
  sot_investigation_set_status (a, SOT_STATUS_WITH_CPS);
  sot_investigation_update (a, store, "file sent to the CPS", &error);
  g_assert_no_error (error);
  sot_investigation_consult (b, store, &error);
  g_assert_no_error (error);
  sot_investigation_erase (b, store, "entered in error", &error);
  g_assert_no_error (error);

  g_assert_cmpint (sot_test_count (store, "audit_log"), ==, 6);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sot_test_workspace_teardown (fixture);
}

/* The whole log as text, to see that a refused change changed nothing. */
static char *
dump_log (sqlite3 *db)
{
  return sot_test_raw_text (db, "SELECT group_concat (id || '|' || ts_utc || '|' || operator || "
                               "'|' || action || '|' || entity_type || '|' || "
                               "coalesce (entity_uuid, '') || '|' || coalesce (reason, '') || "
                               "'|' || hash, char (10)) "
                               "FROM (SELECT * FROM audit_log ORDER BY id)");
}

/* An intact chain */

static void
test_verify_intact (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_NONE);
  g_autoptr(GError) error = NULL;
  gint64 n_records = -1;
  gint64 first_broken = -1;

  g_assert_true (sot_store_verify_audit (store, &n_records, &first_broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_records, ==, 6);
  g_assert_cmpint (first_broken, ==, 0);

  /* Consulting and disclosing extend the chain; it stays intact. */
  sot_store_record_consult (store, "workspace", NULL, "supervisor review", &error);
  g_assert_no_error (error);
  sot_store_begin (store, &error);
  g_assert_no_error (error);
  sot_store_audit (store, SOT_AUDIT_DISCLOSE, "dataset", NULL, "quarterly evaluation",
                   "University evaluation team", &error);
  g_assert_no_error (error);
  sot_store_commit (store, &error);
  g_assert_no_error (error);

  g_assert_true (sot_store_verify_audit (store, &n_records, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_records, ==, 8);
}

static void
test_verify_new_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = sot_store_open (":memory:", SOT_STORE_OPEN_NONE, &error);
  gint64 n_records = -1;

  g_assert_no_error (error);
  g_assert_true (sot_store_verify_audit (store, &n_records, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_records, ==, 1);
}

/* Each row carries what DESIGN.md asks, and links to the one before. */
static void
test_row_contents (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3 *db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = g_strnfill (64, '0');
  g_autoptr(GRegex) hex = g_regex_new ("^[0-9a-f]{64}$", 0, 0, NULL);
  g_autoptr(GRegex) utc = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$",
                                       0, 0, NULL);
  const char * const actions[] = {
    SOT_AUDIT_COLLECT, SOT_AUDIT_COLLECT, SOT_AUDIT_COLLECT, SOT_AUDIT_ALTER, SOT_AUDIT_CONSULT,
    SOT_AUDIT_ERASE,
  };
  guint i = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, ts_utc, operator, action, entity_type, "
                                           "entity_uuid, reason, program_version, prev_hash, "
                                           "hash FROM audit_log ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *ts = (const char *) sqlite3_column_text (stmt, 1);
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, 8);
      const char *hash = (const char *) sqlite3_column_text (stmt, 9);

      g_assert_cmpuint (i, <, G_N_ELEMENTS (actions));
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, i + 1);
      g_assert_true (g_regex_match (utc, ts, 0, NULL));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, actions[i]);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 7), ==, PACKAGE_VERSION);
      g_assert_true (g_regex_match (hex, hash, 0, NULL));
      g_assert_cmpstr (prev_hash, ==, prev);

      if (i > 0)
        {
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "DC 7 Audit Test");
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "investigation");
          g_assert_true (g_uuid_string_is_valid ((const char *) sqlite3_column_text (stmt, 5)));
        }

      g_free (prev);
      prev = g_strdup (hash);
      i++;
    }

  g_assert_cmpuint (i, ==, G_N_ELEMENTS (actions));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Tampering, as someone with the file and the sqlite3 tool would do it: drop the append-only
 * triggers, then change the log. */

typedef struct {
  const char *name;
  const char *sql;
  gint64      first_broken;
} Tamper;

static const Tamper tampers[] = {
  { "changed-operator",
    "UPDATE audit_log SET operator = 'someone else' WHERE id = 3", 3 },
  { "changed-action",
    "UPDATE audit_log SET action = 'consult' WHERE id = 4", 4 },
  { "changed-reason",
    "UPDATE audit_log SET reason = NULL WHERE id = 6", 6 },
  { "changed-time",
    "UPDATE audit_log SET ts_utc = '2020-01-01T00:00:00Z' WHERE id = 2", 2 },
  { "changed-hash",
    "UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE id = 1) WHERE id = 5", 5 },
  { "deleted-row",
    "DELETE FROM audit_log WHERE id = 3", 4 },
  { "deleted-first-row",
    "DELETE FROM audit_log WHERE id = 1", 2 },
  { "deleted-two-rows",
    "DELETE FROM audit_log WHERE id IN (4, 5)", 6 },
  /* Room is made in the middle by renumbering, then a forged row goes in. */
  { "inserted-row-middle",
    "UPDATE audit_log SET id = id + 1000 WHERE id >= 4;"
    "UPDATE audit_log SET id = id - 999 WHERE id >= 1000;"
    "INSERT INTO audit_log (id, ts_utc, operator, action, entity_type, entity_uuid, reason, "
    "  recipient, program_version, prev_hash, hash) "
    "SELECT 4, ts_utc, operator, 'consult', entity_type, entity_uuid, NULL, NULL, "
    "  program_version, hash, hash FROM audit_log WHERE id = 3", 4 },
  { "inserted-row-end",
    "INSERT INTO audit_log (id, ts_utc, operator, action, entity_type, entity_uuid, reason, "
    "  recipient, program_version, prev_hash, hash) "
    "SELECT 7, ts_utc, operator, 'erase', entity_type, entity_uuid, NULL, NULL, "
    "  program_version, hash, 'forged' FROM audit_log WHERE id = 6", 7 },
  /* A copy of a genuine row, hash and all, replayed at the end. */
  { "inserted-copy-of-row",
    "INSERT INTO audit_log (id, ts_utc, operator, action, entity_type, entity_uuid, reason, "
    "  recipient, program_version, prev_hash, hash) "
    "SELECT 7, ts_utc, operator, action, entity_type, entity_uuid, reason, recipient, "
    "  program_version, prev_hash, hash FROM audit_log WHERE id = 6", 7 },
  { "swapped-rows",
    "UPDATE audit_log SET id = 100 WHERE id = 3;"
    "UPDATE audit_log SET id = 3 WHERE id = 4;"
    "UPDATE audit_log SET id = 4 WHERE id = 100", 3 },
};

static void
test_tamper (Fixture       *fixture,
             gconstpointer  data)
{
  const Tamper *tamper = data;
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_records = -1;
  gint64 first_broken = -1;
  sqlite3 *db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);

  sot_test_raw_exec (db, "DROP TRIGGER audit_log_no_update");
  sot_test_raw_exec (db, "DROP TRIGGER audit_log_no_delete");
  sot_test_raw_exec (db, tamper->sql);
  sqlite3_close (db);

  /* A tampered workspace still opens: verification is what finds the break. */
  store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_NONE);

  g_assert_false (sot_store_verify_audit (store, &n_records, &first_broken, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_cmpint (first_broken, ==, tamper->first_broken);
  g_assert_true (sot_test_names_number (error->message, NULL, tamper->first_broken));
}

/* Dropping the triggers alone breaks nothing that verification looks at. */
static void
test_triggers_dropped_only (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);

  sot_test_raw_exec (db, "DROP TRIGGER audit_log_no_update");
  sqlite3_close (db);

  store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_NONE);
  g_assert_true (sot_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Through ordinary SQL, with the triggers in place, the log cannot change. */
static void
test_triggers_refuse (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const statements[] = {
    "UPDATE audit_log SET operator = 'someone else' WHERE id = 3",
    "UPDATE audit_log SET hash = hash",
    "DELETE FROM audit_log WHERE id = 6",
    "DELETE FROM audit_log",
  };
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);

  before = dump_log (db);

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      char *message = NULL;
      int rc = sqlite3_exec (db, statements[i], NULL, NULL, &message);

      g_test_message ("%s: %s", statements[i], message);
      g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (message, "append-only"));
      sqlite3_free (message);
    }

  after = dump_log (db);
  g_assert_cmpstr (after, ==, before);
  sqlite3_close (db);

  /* Nor through the core's own connection. */
  store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_assert_false (sot_store_exec (store, statements[i], &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  g_assert_true (sot_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its test case and the run goes on, so one report shows them all. */
  g_test_set_nonfatal_assertions ();

  g_test_add ("/audit/verify/intact", Fixture, NULL, fixture_setup, test_verify_intact,
              fixture_teardown);
  g_test_add_func ("/audit/verify/new-workspace", test_verify_new_workspace);
  g_test_add ("/audit/row/contents-and-links", Fixture, NULL, fixture_setup, test_row_contents,
              fixture_teardown);

  for (guint i = 0; i < G_N_ELEMENTS (tampers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/audit/tamper/%s", tampers[i].name);

      g_test_add (path, Fixture, &tampers[i], fixture_setup, test_tamper, fixture_teardown);
    }

  g_test_add ("/audit/tamper/triggers-dropped-only", Fixture, NULL, fixture_setup,
              test_triggers_dropped_only, fixture_teardown);
  g_test_add ("/audit/triggers/refuse-update-delete", Fixture, NULL, fixture_setup,
              test_triggers_refuse, fixture_teardown);

  return g_test_run ();
}
