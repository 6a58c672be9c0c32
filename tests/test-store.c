/* test-store.c: the workspace database: creation, migrations, refusals, transactions
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "sot-investigation.h"
#include "sot-store.h"
#include "sot-test-workspace.h"

/* Only the folder and the path (dir/workbench.db, not created): each test opens the file its own
 * way. */
typedef SotTestWorkspace Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  sot_test_workspace_setup (fixture, "store", SOT_TEST_WORKSPACE_NO_STORE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sot_test_workspace_teardown (fixture);
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* The names in @path, sorted and joined, to see that nothing appeared or went. */
static char *
list_dir (const char *path)
{
  g_auto(GStrv) names = sot_test_list_dir (path);

  return g_strjoinv (",", names);
}

static void
insert_investigation (SotStore   *store,
                      const char *crime_reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = sot_test_make_investigation (crime_reference);

  sot_investigation_insert (inv, store, &error);
  g_assert_no_error (error);
}

/* Opening and creating */

static const char * const version_1_tables[] = {
  "workspace", "investigation", "deadline", "victim", "victim_identity", "suspect_person",
  "suspect", "suspect_identity", "witness", "witness_identity", "audit_log",
};

static void
assert_schema_complete (const char *path)
{
  sqlite3 *db = sot_test_raw_open (path, SQLITE_OPEN_READWRITE);
  g_autofree char *journal = NULL;

  g_assert_cmpint (sot_test_raw_int (db, "PRAGMA user_version"), ==, SOT_STORE_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (version_1_tables); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'",
                         version_1_tables[i]);

      if (sot_test_raw_int (db, sql) != 1)
        g_test_fail_printf ("table %s is missing", version_1_tables[i]);
    }

  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM sqlite_schema "
                                         "WHERE type = 'trigger' AND name IN "
                                         "('audit_log_no_update', 'audit_log_no_delete')"),
                   ==, 2);

  journal = sot_test_raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  sqlite3_close (db);
}

static void
test_open_migrate_new_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  sqlite3 *db;

  g_assert_cmpint (sot_store_get_schema_version (store), ==, SOT_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (sot_store_get_path (store), ==, fixture->path);
  g_assert_false (sot_store_get_training (store));
  g_assert_nonnull (sot_store_get_reference (store));

  /* A new workspace has its identity and the audit row of its own collection. */
  g_assert_cmpint (sot_test_count (store, "audit_log"), ==, 1);
  g_assert_cmpint (sot_test_count (store, "investigation"), ==, 0);
  g_clear_object (&store);

  assert_schema_complete (fixture->path);

  db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);
  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM workspace WHERE key = 'uuid'"),
                   ==, 1);
  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM workspace WHERE key = 'kind' "
                                         "AND value = 'real'"), ==, 1);
  sqlite3_close (db);
}

/* An existing but empty SQLite database (a 0-byte file) is migrated from version 0. */
static void
test_open_migrate_empty_database (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;

  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  store = sot_store_open (fixture->path, SOT_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sot_store_get_schema_version (store), ==, SOT_STORE_SCHEMA_VERSION);
  g_clear_object (&store);

  assert_schema_complete (fixture->path);
}

/* A workspace of schema version 1 is brought up to date and keeps its records. */
static void
test_open_migrate_from_version_1 (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) migration = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *reference = NULL;
  sqlite3 *db = NULL;
  gsize len;
  const char *data_;

  migration = g_resources_lookup_data (RESOURCE_BASE "/sql/0001-initial.sql", 0, &error);
  g_assert_no_error (error);
  data_ = g_bytes_get_data (migration, &len);
  sql = g_strndup (data_, len);

  db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sot_test_raw_exec (db, sql);
  sot_test_raw_exec (db, "PRAGMA user_version = 1");
  sot_test_raw_exec (db, "INSERT INTO workspace (key, value) VALUES ('kind', 'real')");
  sot_test_raw_exec (db, "INSERT INTO investigation (uuid, crime_reference, offence_type, "
                         "offence_from, reported_on, officer, created_at, updated_at) VALUES "
                         "('3f1c7a52-9a55-4c36-8f42-0d6c1b1f0e11', 'OLD/1/23', 'rape', "
                         "'2023-05-01T21:00:00Z', '2023-05-02', 'DC Old Example', "
                         "'2023-05-02T09:00:00Z', '2023-05-02T09:00:00Z')");
  sqlite3_close (db);

  store = sot_store_open (fixture->path, SOT_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sot_store_get_schema_version (store), ==, SOT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sot_test_count (store, "investigation"), ==, 1);
  g_clear_object (&store);

  assert_schema_complete (fixture->path);

  db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);
  reference = sot_test_raw_text (db, "SELECT crime_reference FROM investigation");
  g_assert_cmpstr (reference, ==, "OLD/1/23");
  sqlite3_close (db);
}

static void
test_open_reopen_keeps_data (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;

  insert_investigation (store, "AB/1/24");
  g_clear_object (&store);

  /* No second migration, no second "workspace collected" row. */
  store = sot_store_open (fixture->path, SOT_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sot_test_count (store, "investigation"), ==, 1);
  g_assert_cmpint (sot_test_count (store, "audit_log"), ==, 2);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

static void
test_open_new_file_mode_0600 (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SotStore) store = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *nested_dir = g_build_filename (fixture->dir, "a", "b", NULL);
  g_autofree char *nested = g_build_filename (nested_dir, "workbench.db", NULL);
  mode_t old_umask;

  /* A permissive umask must not leak into the file's mode. */
  old_umask = umask (0);

  store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  insert_investigation (store, "AB/1/24");
  assert_mode (fixture->path, 0600);

  /* SQLite gives its companion files the mode of the database. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    assert_mode (wal, 0600);
  g_clear_object (&store);

  /* Missing folders are made private too. */
  store = sot_test_open_store (nested, SOT_STORE_OPEN_CREATE);
  assert_mode (nested, 0600);
  assert_mode (nested_dir, 0700);
  g_clear_object (&store);

  umask (old_umask);
}

static void
test_open_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = sot_store_open (":memory:", SOT_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sot_store_get_schema_version (store), ==, SOT_STORE_SCHEMA_VERSION);
  insert_investigation (store, "AB/1/24");
  g_assert_cmpint (sot_test_count (store, "investigation"), ==, 1);
}

/* Refusals: the file must come out exactly as it went in. */

/* Whether @message names @number as a whole number, once the path is taken out of it. */
static void
test_open_newer_schema_refused (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  sqlite3 *db;

  insert_investigation (store, "AB/1/24");
  g_clear_object (&store);

  db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);
  sot_test_raw_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);

  before = file_checksum (fixture->path);
  files_before = list_dir (fixture->dir);

  for (guint i = 0; i < 2; i++)
    {
      SotStoreOpenFlags flags = i == 0 ? SOT_STORE_OPEN_NONE : SOT_STORE_OPEN_CREATE;

      store = sot_store_open (fixture->path, flags, &error);
      g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NEWER_SCHEMA);
      g_assert_null (store);
      g_test_message ("%s", error->message);
      g_assert_true (sot_test_names_number (error->message, fixture->path, 99));
      g_assert_true (sot_test_names_number (error->message, fixture->path,
                                            SOT_STORE_SCHEMA_VERSION));
      g_clear_error (&error);
    }

  after = file_checksum (fixture->path);
  files_after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, before);
  /* No -wal or -shm left behind (nor one taken away). */
  g_assert_cmpstr (files_after, ==, files_before);

  db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);
  g_assert_cmpint (sot_test_raw_int (db, "PRAGMA user_version"), ==, 99);
  sqlite3_close (db);
}

typedef struct {
  const char *name;
  const char *contents;
  gssize      len;
} NotADatabase;

/* The start of a PNG file, with its NUL bytes, and some padding. */
#define PNG_START \
  "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89" \
  "\0\0\0\0IEND\xae\x42\x60\x82" \
  "0123456789012345678901234567890123456789012345678901234567890123456789"

static const NotADatabase not_databases[] = {
  { "text", "This is a letter, not a workspace.\n", -1 },
  { "csv", "crime_reference,offence\nAB/1/24,rape\n", -1 },
  { "binary", PNG_START, sizeof (PNG_START) - 1 },
};

static void
test_open_not_a_database (Fixture       *fixture,
                          gconstpointer  data)
{
  const NotADatabase *item = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;

  g_file_set_contents (fixture->path, item->contents, item->len, &error);
  g_assert_no_error (error);
  before = file_checksum (fixture->path);
  files_before = list_dir (fixture->dir);

  for (guint i = 0; i < 2; i++)
    {
      SotStoreOpenFlags flags = i == 0 ? SOT_STORE_OPEN_NONE : SOT_STORE_OPEN_CREATE;
      g_autoptr(SotStore) store = sot_store_open (fixture->path, flags, &error);

      g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE);
      g_assert_null (store);
      g_assert_nonnull (strstr (error->message, fixture->path));
      g_clear_error (&error);
    }

  after = file_checksum (fixture->path);
  files_after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (files_after, ==, files_before);
}

/* Another program's SQLite database (user_version 0, tables of its own) is no workspace: it is
 * refused and left alone, never migrated into one. */
static void
test_open_foreign_sqlite_database (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sot_test_raw_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                         "INSERT INTO notes (body) VALUES ('someone else''s data')");
  sqlite3_close (db);
  before = file_checksum (fixture->path);

  store = sot_store_open (fixture->path, SOT_STORE_OPEN_NONE, &error);
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (store);

  after = file_checksum (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_open_directory (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;

  store = sot_store_open (fixture->dir, SOT_STORE_OPEN_CREATE, &error);
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (store);
}

static void
test_open_nonexistent_without_create (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "missing", "workbench.db", NULL);
  g_autofree char *files_after = NULL;

  store = sot_store_open (fixture->path, SOT_STORE_OPEN_NONE, &error);
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_clear_error (&error);

  store = sot_store_open (nested, SOT_STORE_OPEN_NONE, &error);
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);

  /* Nothing was made: no file, no folder, no journal. */
  files_after = list_dir (fixture->dir);
  g_assert_cmpstr (files_after, ==, "");
}

/* Transactions */

static void
test_transaction_nested (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  /* An inner rollback undoes only the inner writes. */
  sot_store_begin (store, &error);
  g_assert_no_error (error);
  insert_investigation (store, "AB/1/24");

  sot_store_begin (store, &error);
  g_assert_no_error (error);
  insert_investigation (store, "AB/2/24");
  g_assert_cmpint (sot_test_count (store, "investigation"), ==, 2);
  sot_store_rollback (store);

  g_assert_cmpint (sot_test_count (store, "investigation"), ==, 1);

  sot_store_begin (store, &error);
  g_assert_no_error (error);
  insert_investigation (store, "AB/3/24");
  sot_store_commit (store, &error);
  g_assert_no_error (error);

  /* Until the outermost commit, another connection sees none of it. */
  db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);
  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM investigation"), ==, 0);

  sot_store_commit (store, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM investigation"), ==, 2);
  g_assert_cmpint (sot_test_raw_int (db, "SELECT count(*) FROM investigation "
                                         "WHERE crime_reference = 'AB/2/24'"), ==, 0);
  sqlite3_close (db);

  /* An outer rollback undoes what inner commits had released. */
  sot_store_begin (store, &error);
  g_assert_no_error (error);
  sot_store_begin (store, &error);
  g_assert_no_error (error);
  insert_investigation (store, "AB/4/24");
  sot_store_commit (store, &error);
  g_assert_no_error (error);
  sot_store_rollback (store);

  g_assert_cmpint (sot_test_count (store, "investigation"), ==, 2);
  /* Three collect rows: the workspace, AB/1 and AB/3. */
  g_assert_cmpint (sot_test_count (store, "audit_log"), ==, 3);
}

/* Two readers begun together see one state of the workspace, whatever is committed after. */
static void
test_transaction_read_together (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SotStore) a = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(SotStore) b = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(SotStore) writer = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(SotStore) memory = NULL;
  g_autoptr(SotStore) memory2 = NULL;
  g_autoptr(GError) error = NULL;
  SotStore *both[2] = { a, b };

  sot_store_begin (writer, &error);
  g_assert_no_error (error);
  insert_investigation (writer, "AB/1/24");
  sot_store_commit (writer, &error);
  g_assert_no_error (error);

  g_assert_true (sot_store_begin_read (both, 2, &error));
  g_assert_no_error (error);
  g_assert_true (sot_store_in_transaction (a));
  g_assert_true (sot_store_in_transaction (b));

  /* The writer is not held off once both have begun. */
  sot_store_begin (writer, &error);
  g_assert_no_error (error);
  insert_investigation (writer, "AB/2/24");
  sot_store_commit (writer, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sot_test_count (a, "investigation"), ==, 1);
  g_assert_cmpint (sot_test_count (b, "investigation"), ==, 1);

  sot_store_end_read (a);
  sot_store_end_read (b);
  g_assert_false (sot_store_in_transaction (a));
  g_assert_cmpint (sot_test_count (a, "investigation"), ==, 2);
  g_assert_cmpint (sot_test_count (b, "investigation"), ==, 2);

  /* An in-memory store: alone it can begin; no other connection can share its state. */
  memory = sot_store_open (":memory:", SOT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  memory2 = sot_store_open (":memory:", SOT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sot_store_begin_read (&memory, 1, &error));
  g_assert_no_error (error);
  g_assert_true (sot_store_in_transaction (memory));
  sot_store_end_read (memory);
  g_assert_false (sot_store_in_transaction (memory));

  both[0] = memory;
  both[1] = memory2;
  g_assert_false (sot_store_begin_read (both, 2, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_FAILED);
  g_assert_false (sot_store_in_transaction (memory));
  g_assert_false (sot_store_in_transaction (memory2));
}

static char *
counting_uuid (gpointer user_data)
{
  guint *n = user_data;

  return g_strdup_printf ("00000000-0000-4000-8000-%012u", ++*n);
}

/* A store can be given the UUIDs of the records written through it (the generator's seed);
 * without, they are random. */
static void
test_uuid_func (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *random = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  sot_store_set_uuid_func (store, counting_uuid, &n);
  first = sot_store_make_uuid (store);
  second = sot_store_make_uuid (store);
  g_assert_cmpstr (first, ==, "00000000-0000-4000-8000-000000000001");
  g_assert_cmpstr (second, ==, "00000000-0000-4000-8000-000000000002");

  /* The core's write functions take theirs from it. */
  insert_investigation (store, "AB/1/24");
  stmt = sot_store_prepare (store, "SELECT uuid FROM investigation", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  stored = g_strdup (sot_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_cmpstr (stored, ==, "00000000-0000-4000-8000-000000000003");

  sot_store_set_uuid_func (store, NULL, NULL);
  random = sot_store_make_uuid (store);
  g_assert_true (g_uuid_string_is_valid (random));
  g_assert_cmpuint (n, ==, 3);
}

static gpointer
reference_from_row (sqlite3_stmt *stmt,
                    gpointer      user_data)
{
  guint *n = user_data;

  ++*n;
  return g_strdup (sot_store_column_text (stmt, 0));
}

/* A list read: one item per row, in order, or an error that says what could not be read. */
static void
test_read_list (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  insert_investigation (store, "AB/1/24");
  insert_investigation (store, "AB/2/24");

  list = sot_store_read_list (store, "SELECT crime_reference FROM investigation "
                              "WHERE id >= ?1 ORDER BY id DESC",
                              1, reference_from_row, &n, g_free, "Cannot read", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (list, 0), ==, "AB/2/24");
  g_assert_cmpstr (g_ptr_array_index (list, 1), ==, "AB/1/24");

  /* A failure while stepping (abs() of the smallest integer overflows). */
  none = sot_store_read_list (store, "SELECT abs (-9223372036854775807 - 1 + 0 * id) "
                              "FROM investigation WHERE id >= ?1",
                              1, reference_from_row, &n, g_free, "Cannot read the test rows",
                              &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Cannot read the test rows: "));
}

/* The one write path: every statement of a write, its audit row and its notice, or nothing. */
static void
test_write_path (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  SotChange change = { SOT_AUDIT_ALTER, SOT_ENTITY_WORKSPACE, "test-uuid", "testing", NULL };
  gint64 audit_before, audit_after;
  sqlite3_stmt *stmt;

  insert_investigation (store, "AB/1/24");
  audit_before = sot_test_count (store, "audit_log");

  /* Two statements and their audit row in one transaction. */
  stmt = sot_store_write_begin (store, "UPDATE investigation SET officer = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, "DC One", -1, SQLITE_STATIC);
  stmt = sot_store_write_next (store, stmt, "UPDATE investigation SET officer = officer || ?1",
                               "Cannot save", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, " Two", -1, SQLITE_STATIC);
  g_assert_true (sot_store_write_end (store, stmt, &change, "Cannot save", &error));
  g_assert_no_error (error);
  g_assert_false (sot_store_in_transaction (store));
  audit_after = sot_test_count (store, "audit_log");
  g_assert_cmpint (audit_after, ==, audit_before + 1);

  /* A failing second statement undoes the first, writes no audit row and leaves no
   * transaction open; the message says what was being done. */
  stmt = sot_store_write_begin (store, "UPDATE investigation SET officer = 'changed'", &error);
  g_assert_no_error (error);
  stmt = sot_store_write_next (store, stmt,
                               "INSERT INTO investigation (id) VALUES (NULL)",
                               "Cannot save the test", &error);
  g_assert_no_error (error);
  g_assert_false (sot_store_write_end (store, stmt, &change, "Cannot save the test", &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Cannot save the test"));
  g_clear_error (&error);
  g_assert_false (sot_store_in_transaction (store));
  g_assert_cmpint (sot_test_count (store, "audit_log"), ==, audit_after);
  stmt = sot_store_prepare (store, "SELECT count(*) FROM investigation WHERE officer = 'changed'",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);

  /* A statement that does not prepare opens nothing. */
  g_assert_null (sot_store_write_begin (store, "UPDATE no_such_table SET x = 1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sot_store_in_transaction (store));

  /* An abandoned write leaves nothing behind. */
  stmt = sot_store_write_begin (store, "UPDATE investigation SET officer = 'abandoned'", &error);
  g_assert_no_error (error);
  sot_store_write_abort (store);
  g_assert_false (sot_store_in_transaction (store));
  g_assert_cmpint (sot_test_count (store, "audit_log"), ==, audit_after);
}

typedef struct {
  guint      n;
  GPtrArray *log;
} ChangedLog;

static void
changed_cb (SotStore   *store,
            const char *entity_type,
            const char *action,
            const char *entity_uuid,
            gpointer    user_data)
{
  ChangedLog *log = user_data;

  log->n++;
  g_ptr_array_add (log->log, g_strdup_printf ("%s %s %s", entity_type, action, entity_uuid));
}

static void
test_transaction_changed_signal (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = sot_test_make_investigation ("AB/1/24");
  g_autofree char *expected = NULL;
  ChangedLog log = { 0, g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);

  /* Inside an outer transaction: nothing until the outermost commit. */
  sot_store_begin (store, &error);
  g_assert_no_error (error);
  sot_investigation_insert (inv, store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.n, ==, 0);
  sot_store_commit (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.n, ==, 1);
  expected = g_strdup_printf ("investigation collect %s", sot_investigation_get_uuid (inv));
  g_assert_cmpstr (g_ptr_array_index (log.log, 0), ==, expected);

  /* A write on its own is its own outermost transaction. */
  sot_investigation_set_officer (inv, "DC Bea Sample");
  sot_investigation_update (inv, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.n, ==, 2);

  /* Rolled back: never announced, and not carried into the next commit either. */
  sot_store_begin (store, &error);
  g_assert_no_error (error);
  insert_investigation (store, "AB/2/24");
  sot_store_rollback (store);
  g_assert_cmpuint (log.n, ==, 2);

  sot_store_begin (store, &error);
  g_assert_no_error (error);
  sot_store_begin (store, &error);
  g_assert_no_error (error);
  insert_investigation (store, "AB/3/24");
  sot_store_commit (store, &error);
  g_assert_no_error (error);
  sot_store_rollback (store);
  g_assert_cmpuint (log.n, ==, 2);

  sot_store_begin (store, &error);
  g_assert_no_error (error);
  sot_store_commit (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.n, ==, 2);

  g_signal_handlers_disconnect_by_func (store, changed_cb, &log);
  g_ptr_array_unref (log.log);
}

/* Operator */

static void
test_operator_fallback (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autofree char *op = NULL;
  sqlite3 *db;

  g_assert_cmpstr (sot_store_get_operator (store), ==, g_get_user_name ());

  sot_store_set_operator (store, "DC 1234 Ash Example");
  g_assert_cmpstr (sot_store_get_operator (store), ==, "DC 1234 Ash Example");
  insert_investigation (store, "AB/1/24");

  sot_store_set_operator (store, "");
  g_assert_cmpstr (sot_store_get_operator (store), ==, g_get_user_name ());
  sot_store_set_operator (store, "DC 1234 Ash Example");
  sot_store_set_operator (store, NULL);
  g_assert_cmpstr (sot_store_get_operator (store), ==, g_get_user_name ());
  insert_investigation (store, "AB/2/24");

  db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);
  op = sot_test_raw_text (db, "SELECT operator FROM audit_log WHERE id = 2");
  g_assert_cmpstr (op, ==, "DC 1234 Ash Example");
  g_clear_pointer (&op, g_free);
  op = sot_test_raw_text (db, "SELECT operator FROM audit_log WHERE id = 3");
  g_assert_cmpstr (op, ==, g_get_user_name ());
  sqlite3_close (db);
}

static void
test_clock_override (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) fixed = g_date_time_new (tz, 2024, 7, 1, 10, 0, 0);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *ts = NULL;
  sqlite3 *db;

  sot_store_set_clock (store, fixed);
  now = sot_store_now (store);
  g_assert_true (g_date_time_equal (now, fixed));
  /* The store works in UTC. */
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 9);

  insert_investigation (store, "AB/1/24");
  db = sot_test_raw_open (fixture->path, SQLITE_OPEN_READWRITE);
  ts = sot_test_raw_text (db, "SELECT ts_utc FROM audit_log WHERE id = 2");
  g_assert_true (g_str_has_prefix (ts, "2024-07-01T09:00:00"));
  g_assert_true (g_str_has_suffix (ts, "Z"));
  sqlite3_close (db);

  sot_store_set_clock (store, NULL);
  g_clear_pointer (&now, g_date_time_unref);
  now = sot_store_now (store);
  g_assert_cmpint (g_date_time_get_year (now), >, 2024);
}

static void
test_count_unknown_table (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sot_store_count (store, "sqlite_schema; DROP TABLE audit_log", &error), ==, -1);
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_assert_cmpint (sot_test_count (store, "audit_log"), ==, 1);
}

static void
test_training_mark (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SotStore) store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;

  g_assert_false (sot_store_get_training (store));
  sot_store_mark_training (store, &error);
  g_assert_no_error (error);
  g_assert_true (sot_store_get_training (store));
  g_clear_object (&store);

  store = sot_store_open (fixture->path, SOT_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sot_store_get_training (store));
}

static void
test_uuid_and_time_format (void)
{
  g_autofree char *a = sot_store_new_uuid ();
  g_autofree char *b = sot_store_new_uuid ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, 2024, 7, 1, 23, 30, 0);
  g_autofree char *text = sot_store_format_time (dt);

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpstr (a, !=, b);
  g_assert_true (g_str_has_prefix (text, "2024-07-01T22:30:00"));
  g_assert_true (g_str_has_suffix (text, "Z"));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

static void
test_operator_identity (void)
{
  static const struct {
    const char *name;
    const char *collar;
    const char *expected;
  } cases[] = {
    { "DC Ash Example", "1234", "DC Ash Example (1234)" },
    { "  DC Ash Example ", " 1234 ", "DC Ash Example (1234)" },
    { "DC Ash Example", "", "DC Ash Example" },
    { "DC Ash Example", NULL, "DC Ash Example" },
    { "", "1234", NULL },
    { NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *identity = sot_store_operator_identity (cases[i].name, cases[i].collar);

      g_assert_cmpstr (identity, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its test case and the run goes on, so one report shows them all. */
  g_test_set_nonfatal_assertions ();

  ADD ("/store/open/migrate-new-file", test_open_migrate_new_file);
  ADD ("/store/open/migrate-empty-database", test_open_migrate_empty_database);
  ADD ("/store/open/migrate-from-version-1", test_open_migrate_from_version_1);
  ADD ("/store/open/reopen-keeps-data", test_open_reopen_keeps_data);
  ADD ("/store/open/new-file-mode-0600", test_open_new_file_mode_0600);
  g_test_add_func ("/store/open/memory", test_open_memory);
  ADD ("/store/open/newer-schema-refused", test_open_newer_schema_refused);
  for (guint i = 0; i < G_N_ELEMENTS (not_databases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/open/not-a-database/%s",
                                               not_databases[i].name);

      g_test_add (path, Fixture, &not_databases[i], fixture_setup, test_open_not_a_database,
                  fixture_teardown);
    }
  ADD ("/store/open/foreign-sqlite-database", test_open_foreign_sqlite_database);
  ADD ("/store/open/directory", test_open_directory);
  ADD ("/store/open/nonexistent-without-create", test_open_nonexistent_without_create);
  ADD ("/store/transaction/nested", test_transaction_nested);
  ADD ("/store/transaction/changed-after-outermost-commit", test_transaction_changed_signal);
  ADD ("/store/transaction/read-together", test_transaction_read_together);
  ADD ("/store/uuid-func", test_uuid_func);
  ADD ("/store/read-list", test_read_list);
  ADD ("/store/write-path", test_write_path);
  ADD ("/store/operator/fallback", test_operator_fallback);
  ADD ("/store/clock/override", test_clock_override);
  ADD ("/store/count/unknown-table", test_count_unknown_table);
  ADD ("/store/training/mark", test_training_mark);
  g_test_add_func ("/store/uuid-and-time-format", test_uuid_and_time_format);
  g_test_add_func ("/store/operator-identity", test_operator_identity);

  return g_test_run ();
}
