/* test-open-safety.c: the audit anchor, opening read-only first, damage and file modes
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sot-audit-anchor.h"
#include "sot-store.h"
#include "sot-test-workspace.h"

/* Each test's workspace goes with the test, whatever it left in its folder. */
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SotTestWorkspace, sot_test_workspace_teardown)

/* Helpers */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Cuts the log as someone with the sqlite3 tool would: triggers dropped, rows deleted. */
static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = raw_open (path);

  raw_exec (db, "DROP TRIGGER IF EXISTS audit_log_no_update;"
                "DROP TRIGGER IF EXISTS audit_log_no_delete");
  raw_exec (db, sql);
  sqlite3_close (db);
}

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("(none)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static SotStore *
reopen (SotTestWorkspace   *ws,
        SotStoreOpenFlags   flags)
{
  g_autoptr(GError) error = NULL;
  SotStore *store;

  g_clear_object (&ws->store);
  store = sot_store_open (ws->path, flags, &error);
  g_assert_no_error (error);
  return store;
}

/* A workspace with @n consultations after its first row: 1 + @n audit rows. */
static void
add_rows (SotStore *store,
          guint     n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      sot_store_record_consult (store, "workspace", NULL, "test", &error);
      g_assert_no_error (error);
    }
}

static void
assert_anchor_error (SotStore   *store,
                     const char *expect,
                     int         code,
                     gint64      count_a,
                     gint64      count_b)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT " records", count_a);
  g_autofree char *b = g_strdup_printf ("holds %" G_GINT64_FORMAT, count_b);
  SotAuditHead head;

  g_assert_false (sot_store_verify_anchor (store, expect, &head, &error));
  g_assert_error (error, SOT_AUDIT_ANCHOR_ERROR, code);
  g_test_message ("%s", error->message);
  if (count_a >= 0)
    {
      g_assert_nonnull (strstr (error->message, a));
      g_assert_nonnull (strstr (error->message, b));
    }
}

/* The anchor */

static void
test_anchor_written (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *code = NULL;
  g_autofree char *last_group = NULL;
  SotAuditHead head;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  sot_test_workspace_setup (&ws, "anchor", SOT_TEST_WORKSPACE_NONE);
  add_rows (ws.store, 3);

  anchor = sot_audit_anchor_path (ws.path);
  g_assert_true (g_file_get_contents (anchor, &contents, NULL, NULL));
  g_assert_cmpuint (file_mode (anchor), ==, 0600);

  db = raw_open (ws.path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT hash FROM audit_log WHERE id = 4", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  expected = g_strdup_printf ("records: 4\nhash: %s\n", hash);
  g_assert_nonnull (strstr (contents, expected));
  g_assert_null (strstr (contents, "pending"));

  g_assert_true (sot_store_verify_anchor (ws.store, NULL, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpint (head.count, ==, 4);
  g_assert_cmpstr (head.hash, ==, hash);

  code = sot_audit_anchor_code (&head);
  g_assert_true (g_str_has_prefix (code, "4-"));
  g_assert_cmpuint (strlen (code), ==, 2 + 19);
  last_group = g_strndup (hash + 12, 4);
  g_assert_true (g_str_has_suffix (code, last_group));
}

typedef struct {
  const char *name;
  const char *sql;
  gint64      left;
} Cut;

/* 61 rows: the last, the last 50, every one cut. */
static const Cut cuts[] = {
  { "last-row", "DELETE FROM audit_log WHERE id = 61", 60 },
  { "last-50", "DELETE FROM audit_log WHERE id > 11", 11 },
  { "every-row", "DELETE FROM audit_log", 0 },
};

static void
test_anchor_cut (gconstpointer data)
{
  const Cut *cut = data;
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 n_records = -1;

  sot_test_workspace_setup (&ws, "anchor-cut", SOT_TEST_WORKSPACE_NONE);
  add_rows (ws.store, 60);
  g_clear_object (&ws.store);

  tamper (ws.path, cut->sql);
  ws.store = reopen (&ws, SOT_STORE_OPEN_READ_ONLY);

  /* The chain alone holds: that was the hole. */
  g_assert_true (sot_store_verify_audit (ws.store, &n_records, NULL, &error));
  g_assert_cmpint (n_records, ==, cut->left);

  assert_anchor_error (ws.store, NULL, SOT_AUDIT_ANCHOR_ERROR_CUT, 61, cut->left);
}

/* A write after the cut continues the shortened chain; the anchor keeps the evidence. */
static void
test_anchor_kept_after_cut (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autofree char *anchor = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sot_test_workspace_setup (&ws, "anchor-kept", SOT_TEST_WORKSPACE_NONE);
  add_rows (ws.store, 10);
  g_clear_object (&ws.store);
  anchor = sot_audit_anchor_path (ws.path);
  before = checksum (anchor);

  tamper (ws.path, "DELETE FROM audit_log WHERE id > 5");
  ws.store = reopen (&ws, SOT_STORE_OPEN_NONE);

  g_test_expect_message ("sot-store", G_LOG_LEVEL_WARNING, "*does not end where its anchor*");
  add_rows (ws.store, 1);
  g_test_assert_expected_messages ();

  after = checksum (anchor);
  g_assert_cmpstr (after, ==, before);
  assert_anchor_error (ws.store, NULL, SOT_AUDIT_ANCHOR_ERROR_CUT, 11, 6);

  /* Enough new rows to pass the old count: the row the anchor names is not there. */
  g_test_expect_message ("sot-store", G_LOG_LEVEL_WARNING, "*does not end where its anchor*");
  add_rows (ws.store, 1);
  g_test_assert_expected_messages ();
  for (guint i = 0; i < 5; i++)
    {
      g_test_expect_message ("sot-store", G_LOG_LEVEL_WARNING, "*");
      add_rows (ws.store, 1);
      g_test_assert_expected_messages ();
    }
  assert_anchor_error (ws.store, NULL, SOT_AUDIT_ANCHOR_ERROR_DIFFERENT, 11, 12);
}

/* A workspace made before anchors: reported, and anchored at its next write. */
static void
test_anchor_missing (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *anchor = NULL;
  SotAuditHead head;

  sot_test_workspace_setup (&ws, "anchor-missing", SOT_TEST_WORKSPACE_NONE);
  add_rows (ws.store, 2);
  anchor = sot_audit_anchor_path (ws.path);
  g_assert_cmpint (g_unlink (anchor), ==, 0);

  ws.store = reopen (&ws, SOT_STORE_OPEN_READ_ONLY);
  assert_anchor_error (ws.store, NULL, SOT_AUDIT_ANCHOR_ERROR_MISSING, -1, -1);
  g_assert_false (g_file_test (anchor, G_FILE_TEST_EXISTS));

  ws.store = reopen (&ws, SOT_STORE_OPEN_NONE);
  add_rows (ws.store, 1);
  g_assert_true (g_file_test (anchor, G_FILE_TEST_EXISTS));
  g_assert_true (sot_store_verify_anchor (ws.store, NULL, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpint (head.count, ==, 4);
}

/* An anchor put back from an earlier copy is reported as older. */
static void
test_anchor_older (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autofree char *anchor = NULL;
  g_autofree char *old = NULL;
  gsize len;

  sot_test_workspace_setup (&ws, "anchor-older", SOT_TEST_WORKSPACE_NONE);
  anchor = sot_audit_anchor_path (ws.path);
  g_assert_true (g_file_get_contents (anchor, &old, &len, NULL));
  add_rows (ws.store, 3);
  g_assert_true (g_file_set_contents (anchor, old, len, NULL));

  assert_anchor_error (ws.store, NULL, SOT_AUDIT_ANCHOR_ERROR_OLDER, 1, 4);
}

/* A commit cut off by a crash on either side of it leaves the head pending: not a cut. */
static void
test_anchor_pending (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *after_one = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pending = NULL;
  g_auto(GStrv) lines = NULL;
  SotAuditHead head;
  char *records;

  sot_test_workspace_setup (&ws, "anchor-pending", SOT_TEST_WORKSPACE_NONE);
  anchor = sot_audit_anchor_path (ws.path);
  g_assert_true (g_file_get_contents (anchor, &after_one, NULL, NULL));
  add_rows (ws.store, 1);
  g_assert_true (g_file_get_contents (anchor, &contents, NULL, NULL));

  /* Killed after the commit, before the anchor's head moved on: the anchor still names the
   * first row as its head and the second as pending. */
  records = strstr (contents, "records:");
  g_assert_nonnull (records);
  lines = g_strsplit (records, "\n", -1);
  pending = g_strdup_printf ("%spending-%s\npending-%s\n", after_one, lines[0], lines[1]);
  g_assert_true (g_file_set_contents (anchor, pending, -1, NULL));

  g_assert_true (sot_store_verify_anchor (ws.store, NULL, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpint (head.count, ==, 2);

  /* The next write goes on from the pending head. */
  add_rows (ws.store, 1);
  g_assert_true (sot_store_verify_anchor (ws.store, NULL, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpint (head.count, ==, 3);
}

static void
test_anchor_expect (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *cut = NULL;
  SotAuditHead head;

  sot_test_workspace_setup (&ws, "anchor-expect", SOT_TEST_WORKSPACE_NONE);
  add_rows (ws.store, 4);
  g_assert_true (sot_store_verify_anchor (ws.store, NULL, &head, &error));
  code = sot_audit_anchor_code (&head);

  g_assert_true (sot_store_verify_anchor (ws.store, code, &head, &error));
  g_assert_no_error (error);
  upper = g_ascii_strup (code, -1);
  g_assert_true (sot_store_verify_anchor (ws.store, upper, &head, &error));
  g_assert_no_error (error);

  /* A code written down before later writes still holds. */
  add_rows (ws.store, 2);
  g_assert_true (sot_store_verify_anchor (ws.store, code, &head, &error));
  g_assert_no_error (error);

  /* The log cut below the code, anchor and all. */
  g_clear_object (&ws.store);
  tamper (ws.path, "DELETE FROM audit_log WHERE id > 3");
  {
    g_autofree char *anchor = sot_audit_anchor_path (ws.path);

    g_unlink (anchor);
  }
  ws.store = reopen (&ws, SOT_STORE_OPEN_READ_ONLY);
  assert_anchor_error (ws.store, code, SOT_AUDIT_ANCHOR_ERROR_CUT, 5, 3);

  cut = g_strdup ("3-0000-0000-0000-0000");
  assert_anchor_error (ws.store, cut, SOT_AUDIT_ANCHOR_ERROR_DIFFERENT, -1, -1);
  assert_anchor_error (ws.store, "not a code", SOT_AUDIT_ANCHOR_ERROR_BAD_CODE, -1, -1);
  assert_anchor_error (ws.store, "3-abcd", SOT_AUDIT_ANCHOR_ERROR_BAD_CODE, -1, -1);
}

/* Opening */

static void
assert_open_fails (const char         *path,
                   SotStoreOpenFlags   flags,
                   int                 code,
                   const char         *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = sot_store_open (path, flags, &error);

  g_assert_null (store);
  g_assert_error (error, SOT_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
}

/* info on a zero-byte file: refused, not made into a new workspace. */
static void
test_open_empty_read_only (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  GStatBuf st;

  sot_test_workspace_setup (&ws, "empty", SOT_TEST_WORKSPACE_NO_STORE);
  g_assert_true (g_file_set_contents (ws.path, "", 0, NULL));

  assert_open_fails (ws.path, SOT_STORE_OPEN_READ_ONLY, SOT_STORE_ERROR_NOT_A_DATABASE,
                     "is empty: not a workspace");
  g_assert_cmpint (g_stat (ws.path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

/* An empty file beside an anchor is a lost workspace; a new file beside one starts afresh. */
static void
test_open_empty_with_anchor (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *anchor = NULL;
  SotAuditHead head;
  GStatBuf st;

  sot_test_workspace_setup (&ws, "empty-anchor", SOT_TEST_WORKSPACE_NONE);
  add_rows (ws.store, 2);
  g_clear_object (&ws.store);
  anchor = sot_audit_anchor_path (ws.path);
  g_assert_true (g_file_set_contents (ws.path, "", 0, NULL));

  assert_open_fails (ws.path, SOT_STORE_OPEN_NONE, SOT_STORE_ERROR_DAMAGED, "was lost");
  g_assert_cmpint (g_stat (ws.path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_true (g_file_test (anchor, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_unlink (ws.path), ==, 0);
  g_test_expect_message ("sot-store", G_LOG_LEVEL_MESSAGE, "*no longer at*");
  ws.store = reopen (&ws, SOT_STORE_OPEN_CREATE);
  g_test_assert_expected_messages ();
  g_assert_true (sot_store_verify_anchor (ws.store, NULL, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpint (head.count, ==, 1);
}

/* Not regular files: refused, their mode untouched. */
static void
test_open_not_regular (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autofree char *fifo = NULL;
  guint null_mode = file_mode ("/dev/null");

  for (guint i = 0; i < 3; i++)
    {
      SotStoreOpenFlags flags = (SotStoreOpenFlags[]) { SOT_STORE_OPEN_NONE,
                                                        SOT_STORE_OPEN_CREATE,
                                                        SOT_STORE_OPEN_READ_ONLY }[i];

      assert_open_fails ("/dev/null", flags, SOT_STORE_ERROR_NOT_A_DATABASE, "regular file");
    }
  g_assert_cmpuint (file_mode ("/dev/null"), ==, null_mode);

  sot_test_workspace_setup (&ws, "fifo", SOT_TEST_WORKSPACE_NO_STORE);
  fifo = g_build_filename (ws.dir, "pipe.db", NULL);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  assert_open_fails (fifo, SOT_STORE_OPEN_NONE, SOT_STORE_ERROR_NOT_A_DATABASE, "regular file");
  g_assert_cmpuint (file_mode (fifo), ==, 0644);
}

/* A newer workspace whose last writer died with a WAL: the file and its WAL byte for byte. */
static void
test_open_newer_with_wal (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autofree char *copy = NULL;
  g_autofree char *copy_wal = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *before_wal = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_wal = NULL;
  sqlite3 *db;

  sot_test_workspace_setup (&ws, "newer-wal", SOT_TEST_WORKSPACE_NONE);
  g_clear_object (&ws.store);

  /* Copies taken while the writer still has the file open are what a kill leaves. */
  db = raw_open (ws.path);
  raw_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                "PRAGMA user_version = 99");
  wal = g_strconcat (ws.path, "-wal", NULL);
  copy = g_build_filename (ws.dir, "newer.db", NULL);
  copy_wal = g_strconcat (copy, "-wal", NULL);
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (ws.path, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (copy, contents, len, NULL));
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (wal, &contents, &len, NULL));
    g_assert_cmpuint (len, >, 0);
    g_assert_true (g_file_set_contents (copy_wal, contents, len, NULL));
  }
  sqlite3_close (db);

  before = checksum (copy);
  before_wal = checksum (copy_wal);

  for (guint i = 0; i < 3; i++)
    {
      SotStoreOpenFlags flags = (SotStoreOpenFlags[]) { SOT_STORE_OPEN_NONE,
                                                        SOT_STORE_OPEN_CREATE,
                                                        SOT_STORE_OPEN_READ_ONLY }[i];

      assert_open_fails (copy, flags, SOT_STORE_ERROR_NEWER_SCHEMA, "99");
    }

  after = checksum (copy);
  after_wal = checksum (copy_wal);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (after_wal, ==, before_wal);
}

/* An older schema: a reader leaves it as it is; a writer upgrades it with an audit row. */
static void
test_open_older_schema (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autoptr(GBytes) migration = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gsize len;
  const char *data;

  sot_test_workspace_setup (&ws, "older", SOT_TEST_WORKSPACE_NO_STORE);
  migration = g_resources_lookup_data (RESOURCE_BASE "/sql/0001-initial.sql", 0, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (migration, &len);
  sql = g_strndup (data, len);

  db = raw_open (ws.path);
  raw_exec (db, sql);
  raw_exec (db, "PRAGMA user_version = 1;"
                "INSERT INTO workspace (key, value) VALUES ('kind', 'real')");
  sqlite3_close (db);
  g_chmod (ws.path, 0600);
  before = checksum (ws.path);

  ws.store = reopen (&ws, SOT_STORE_OPEN_READ_ONLY);
  g_assert_cmpint (sot_store_get_schema_version (ws.store), ==, 1);
  g_clear_object (&ws.store);
  after = checksum (ws.path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (raw_int (ws.path, "PRAGMA user_version"), ==, 1);

  ws.store = reopen (&ws, SOT_STORE_OPEN_NONE);
  g_assert_cmpint (sot_store_get_schema_version (ws.store), ==, SOT_STORE_SCHEMA_VERSION);
  g_clear_object (&ws.store);
  {
    g_autofree char *upgraded =
      g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'alter' "
                       "AND reason = 'schema upgraded from version 1 to %d'",
                       SOT_STORE_SCHEMA_VERSION);

    g_assert_cmpint (raw_int (ws.path, upgraded), ==, 1);
  }
}

typedef struct {
  const char *name;
  int         code;
  const char *words;
} Damage;

static const Damage damages[] = {
  { "cut-short", SOT_STORE_ERROR_DAMAGED, "damaged" },
  { "cut-in-header", SOT_STORE_ERROR_DAMAGED, "damaged" },
  { "bad-page-size", SOT_STORE_ERROR_DAMAGED, "damaged" },
  { "bad-page", SOT_STORE_ERROR_DAMAGED, "damaged" },
  { "other-program", SOT_STORE_ERROR_NOT_A_DATABASE, "not a Soteria Workbench workspace" },
};

static void
test_open_damaged (gconstpointer data)
{
  const Damage *damage = data;
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len;

  sot_test_workspace_setup (&ws, "damaged", SOT_TEST_WORKSPACE_NONE);
  sot_test_fill_demo (ws.store, 5, 1, 2025, 6, 30);
  g_clear_object (&ws.store);
  g_assert_true (g_file_get_contents (ws.path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);

  if (g_str_equal (damage->name, "cut-short"))
    len = len - 4096 - 100;
  else if (g_str_equal (damage->name, "cut-in-header"))
    len = 50;
  else if (g_str_equal (damage->name, "bad-page-size"))
    contents[16] = 3;
  else if (g_str_equal (damage->name, "bad-page"))
    memset (contents + 4096 * 2, 0x5a, 4096 * 2);
  else
    memcpy (contents, "PK\x03\x04 not sqlite", 16);

  g_assert_true (g_file_set_contents (ws.path, contents, len, NULL));
  g_chmod (ws.path, 0600);
  before = checksum (ws.path);

  assert_open_fails (ws.path, SOT_STORE_OPEN_READ_ONLY | SOT_STORE_OPEN_CHECK, damage->code,
                     damage->words);
  assert_open_fails (ws.path, SOT_STORE_OPEN_CHECK, damage->code, damage->words);

  after = checksum (ws.path);
  g_assert_cmpstr (after, ==, before);
}

/* Read-only media (here: no write bit on the file nor its folder): opened to read and verify. */
static void
test_open_read_only_media (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SotAuditHead head;

  sot_test_workspace_setup (&ws, "read-only", SOT_TEST_WORKSPACE_NONE);
  add_rows (ws.store, 2);
  g_clear_object (&ws.store);
  g_assert_cmpint (g_chmod (ws.path, 0400), ==, 0);
  g_assert_cmpint (g_chmod (ws.dir, 0500), ==, 0);
  before = checksum (ws.path);

  ws.store = reopen (&ws, SOT_STORE_OPEN_READ_ONLY | SOT_STORE_OPEN_CHECK);
  g_assert_true (sot_store_verify_anchor (ws.store, NULL, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpint (head.count, ==, 3);
  g_clear_object (&ws.store);

  assert_open_fails (ws.path, SOT_STORE_OPEN_NONE, SOT_STORE_ERROR_PERMISSION, "read-only");

  after = checksum (ws.path);
  g_assert_cmpstr (after, ==, before);
  g_chmod (ws.dir, 0700);
  g_chmod (ws.path, 0600);
}

/* Modes */

/* A workspace found at 0644 is made 0600 with a message; its -wal and -shm are born 0600. */
static void
test_modes_tightened (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  mode_t old_umask;

  sot_test_workspace_setup (&ws, "modes", SOT_TEST_WORKSPACE_NONE);
  g_clear_object (&ws.store);
  g_assert_cmpint (g_chmod (ws.path, 0644), ==, 0);
  wal = g_strconcat (ws.path, "-wal", NULL);
  shm = g_strconcat (ws.path, "-shm", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  old_umask = umask (0);
  g_test_expect_message ("sot-store", G_LOG_LEVEL_MESSAGE, "*now private*");
  ws.store = reopen (&ws, SOT_STORE_OPEN_NONE);
  g_test_assert_expected_messages ();
  umask (old_umask);
  add_rows (ws.store, 1);

  g_assert_cmpuint (file_mode (ws.path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_assert_cmpuint (umask (old_umask), ==, old_umask);
}

/* A reader opening a workspace others may read makes it private too, once it knows it is one. */
static void
test_modes_reader (void)
{
  g_auto(SotTestWorkspace) ws = { 0 };

  sot_test_workspace_setup (&ws, "modes-reader", SOT_TEST_WORKSPACE_NONE);
  g_clear_object (&ws.store);
  g_assert_cmpint (g_chmod (ws.path, 0640), ==, 0);

  g_test_expect_message ("sot-store", G_LOG_LEVEL_MESSAGE, "*now private*");
  ws.store = reopen (&ws, SOT_STORE_OPEN_READ_ONLY);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (file_mode (ws.path), ==, 0600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/open-safety/anchor/written", test_anchor_written);
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/open-safety/anchor/cut/%s", cuts[i].name);

      g_test_add_data_func (path, &cuts[i], test_anchor_cut);
    }
  g_test_add_func ("/open-safety/anchor/kept-after-cut", test_anchor_kept_after_cut);
  g_test_add_func ("/open-safety/anchor/missing", test_anchor_missing);
  g_test_add_func ("/open-safety/anchor/older", test_anchor_older);
  g_test_add_func ("/open-safety/anchor/pending", test_anchor_pending);
  g_test_add_func ("/open-safety/anchor/expect", test_anchor_expect);

  g_test_add_func ("/open-safety/open/empty-read-only", test_open_empty_read_only);
  g_test_add_func ("/open-safety/open/empty-with-anchor", test_open_empty_with_anchor);
  g_test_add_func ("/open-safety/open/not-regular", test_open_not_regular);
  g_test_add_func ("/open-safety/open/newer-with-wal", test_open_newer_with_wal);
  g_test_add_func ("/open-safety/open/older-schema", test_open_older_schema);
  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/open-safety/open/damaged/%s", damages[i].name);

      g_test_add_data_func (path, &damages[i], test_open_damaged);
    }
  g_test_add_func ("/open-safety/open/read-only-media", test_open_read_only_media);

  g_test_add_func ("/open-safety/modes/tightened", test_modes_tightened);
  g_test_add_func ("/open-safety/modes/reader", test_modes_reader);

  return g_test_run ();
}
