/* sot-store-open.c: opening a workspace file: what it is, read-only first, and its modes
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "sot-audit-anchor.h"
#include "sot-store-private.h"

/* PRAGMA application_id of a workspace: "SotW". */
#define SOT_APPLICATION_ID 0x536f7457
#define SQLITE_MAGIC "SQLite format 3"   /* and its NUL: the first 16 bytes of the header */
#define HEADER_SIZE 100

/* Nothing is written to a file before it is known to be a workspace of a version this program
 * understands: the first look is through the header bytes and a read-only connection, so a
 * leftover -wal is neither merged nor removed, no migration runs and no mode changes. */

/* @format takes the path and the system's words for @saved_errno, in that order. */
static gboolean G_GNUC_PRINTF (3, 4)
set_errno_error (GError      **error,
                 int           saved_errno,
                 const char   *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, SOT_STORE_ERROR,
                       saved_errno == ENOSPC ? SOT_STORE_ERROR_DISK_FULL :
                       saved_errno == ENOENT ? SOT_STORE_ERROR_NOT_FOUND :
                       SOT_STORE_ERROR_PERMISSION,
                       message);
  return FALSE;
}

/* Creates the file with mode 0600 before SQLite sees it: SQLite would honour the umask. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, _("Cannot create the folder %s: %s"), dir,
                           g_strerror (errno));

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, _("Cannot create the workspace %s: %s"), path,
                           g_strerror (errno));

  close (fd);
  return TRUE;
}

static gboolean
set_damaged (GError     **error,
             const char  *path,
             const char  *why)
{
  g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_DAMAGED,
               _("The workspace %s is damaged (%s): it was not opened and nothing in it was "
                 "changed. Restore it from a backup."),
               path, why);
  return FALSE;
}

static gboolean
set_not_a_workspace (GError     **error,
                     const char  *path)
{
  g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE,
               _("%s is not a Soteria Workbench workspace (not a SQLite database)"), path);
  return FALSE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Tells another program's file from a damaged workspace by the SQLite header alone. */
static gboolean
check_header (const char     *path,
              const GStatBuf *st,
              GError        **error)
{
  guint8 header[HEADER_SIZE];
  guint32 page_size, n_pages;
  gssize got;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_errno_error (error, errno, _("Cannot open the workspace %s: %s"), path,
                           g_strerror (errno));

  got = read (fd, header, sizeof header);
  close (fd);
  if (got < 0)
    return set_errno_error (error, errno, _("Cannot read the workspace %s: %s"), path,
                           g_strerror (errno));

  if (memcmp (header, SQLITE_MAGIC, MIN ((gsize) got, sizeof SQLITE_MAGIC)) != 0)
    return set_not_a_workspace (error, path);

  if (got < HEADER_SIZE)
    return set_damaged (error, path, _("it is cut short"));

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return set_damaged (error, path, _("its header is damaged"));

  /* The page count in the header is valid when its change counter matches. */
  n_pages = read_be32 (header + 28);
  if (st->st_size % page_size != 0 ||
      (read_be32 (header + 24) == read_be32 (header + 92) &&
       (guint64) st->st_size < (guint64) n_pages * page_size))
    return set_damaged (error, path, _("it is cut short"));

  return TRUE;
}

/* Read-only media, or no permission to write the file or its folder. The write bits are
 * looked at too: for root, access() says yes to a file nobody may write. */
static gboolean
is_read_only_place (const char     *path,
                    const GStatBuf *st)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs vfs;
  GStatBuf dir_st;

  if (statvfs (path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
    return TRUE;

  if (access (path, W_OK) != 0 || access (dir, W_OK) != 0 || (st->st_mode & 0222) == 0)
    return TRUE;

  return g_stat (dir, &dir_st) == 0 && (dir_st.st_mode & 0222) == 0;
}

static char *
file_uri (const char *path,
          const char *query)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  return g_strdup_printf ("file:%s?%s", escaped, query);
}

static int
read_int (sqlite3  *db,
          const char *sql,
          int       *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  *rc_out = rc == SQLITE_OK ? SQLITE_OK : sqlite3_extended_errcode (db);
  return value;
}

/* What SQLite said while reading a file whose header looked right. */
static gboolean
set_read_error (GError     **error,
                const char  *path,
                sqlite3     *db,
                int          rc)
{
  int code = sot_store_map_sqlite_code (rc);

  if (code == SOT_STORE_ERROR_NOT_A_DATABASE || code == SOT_STORE_ERROR_DAMAGED)
    return set_damaged (error, path, sqlite3_errmsg (db));

  g_set_error (error, SOT_STORE_ERROR, code, _("Cannot read the workspace %s: %s"),
               path, sqlite3_errmsg (db));
  return FALSE;
}

/* Reads the schema version and tells a workspace from another program's database. */
static gboolean
check_identity (sqlite3     *db,
                const char  *path,
                gboolean     empty_is_new,
                int         *out_version,
                GError     **error)
{
  int version, application_id, n_objects = 0;
  int rc;

  version = read_int (db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    return set_read_error (error, path, db, rc);

  /* A damaged header can hold a negative version, which no program ever writes. */
  if (version < 0)
    return set_damaged (error, path, _("its header holds an impossible schema version"));

  if (version > SOT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NEWER_SCHEMA,
                   _("The workspace %s has schema version %d, made by a newer Soteria Workbench; "
                     "this program understands schema version %d at most. It was not opened "
                     "and nothing in it was changed."),
                   path, version, SOT_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  application_id = read_int (db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    n_objects = read_int (db, "SELECT count(*) FROM sqlite_schema", &rc);
  if (rc != SQLITE_OK)
    return set_read_error (error, path, db, rc);

  /* Another program's SQLite file must not be turned into a workspace, nor written to. */
  if ((application_id != 0 && application_id != SOT_APPLICATION_ID) ||
      (version == 0 && n_objects > 0))
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is a SQLite database of another program, not a Soteria Workbench "
                     "workspace; it was not changed"), path);
      return FALSE;
    }

  if (version == 0 && !empty_is_new)
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is an empty SQLite database: not a workspace"), path);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (result == NULL)
    return set_read_error (error, path, db, sqlite3_extended_errcode (db));

  if (!g_str_equal (result, "ok"))
    return set_damaged (error, path, result);

  return TRUE;
}

/* The read-only look: a connection that can change nothing (immutable on read-only media). */
static sqlite3 *
open_read_only (const char   *path,
                gboolean      immutable,
                GError      **error)
{
  g_autofree char *uri = file_uri (path, immutable ? "immutable=1" : "mode=ro");
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SOT_STORE_ERROR, sot_store_map_sqlite_code (rc),
                   _("Cannot open the workspace %s: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* A workspace others may read (a copy restored at 0644, say) is made private before use, with
 * its companion files, which hold pages of it too. */
static gboolean
make_private (const char      *path,
              const GStatBuf  *st,
              gboolean         reading,
              GError         **error)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  guint mode = st->st_mode & 0777;

  if ((mode & 0077) == 0)
    return TRUE;

  if (g_chmod (path, 0600) != 0)
    {
      int saved_errno = errno;

      /* A reader (on read-only media, say) may go on: it makes no copy for others to read. */
      if (reading)
        {
          g_warning (_("The workspace %s can be read by other users (mode %04o) and cannot be "
                       "made private: %s"), path, mode, g_strerror (saved_errno));
          return TRUE;
        }

      return set_errno_error (error, saved_errno,
                              _("The workspace %s can be read by other users and cannot be made "
                                "private (%s): it was not opened"),
                              path, g_strerror (saved_errno));
    }

  g_message (_("The workspace %s could be read by other users (mode %04o); it is now private "
               "(0600)"), path, mode);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);
      GStatBuf cst;

      if (g_lstat (companion, &cst) == 0 && S_ISREG (cst.st_mode) && (cst.st_mode & 0077))
        g_chmod (companion, 0600);
    }

  return TRUE;
}

/* The writable connection, its -wal and -shm made 0600 whatever the umask. */
static gboolean
open_writable (SotStore     *self,
               const char   *path,
               GError      **error)
{
  static const char * const pragmas[] = {
    "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
  };
  mode_t old_umask = umask (0077);
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SOT_STORE_ERROR, sot_store_map_sqlite_code (rc),
                   _("Cannot open the workspace %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      ok = FALSE;
    }
  else
    {
      sqlite3_extended_result_codes (self->db, 1);
      sqlite3_busy_timeout (self->db, 5000);
    }

  /* The version again, on this connection: the -wal and -shm are made by its first read. */
  if (ok)
    ok = check_identity (self->db, path, TRUE, &self->schema_version, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (pragmas); i++)
    ok = sot_store_exec (self, pragmas[i], error);

  umask (old_umask);
  return ok;
}

static gboolean
open_in_memory (SotStore  *self,
                GError   **error)
{
  int rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                            NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SOT_STORE_ERROR, sot_store_map_sqlite_code (rc),
                   _("Cannot open an in-memory workspace: %s"), sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  return sot_store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         sot_store_exec (self, "PRAGMA temp_store = MEMORY", error);
}

/* Whether @path is a file that may hold a workspace; creates it with %SOT_STORE_OPEN_CREATE. */
static gboolean
check_file (const char         *path,
            SotStoreOpenFlags   flags,
            GStatBuf           *st,
            gboolean           *created,
            GError            **error)
{
  if (g_stat (path, st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        return set_errno_error (error, saved_errno, _("Cannot open the workspace %s: %s"), path,
                                g_strerror (saved_errno));

      if (!(flags & SOT_STORE_OPEN_CREATE) || (flags & SOT_STORE_OPEN_READ_ONLY))
        {
          g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                       _("There is no workspace at %s"), path);
          return FALSE;
        }

      if (!create_private_file (path, error) || g_stat (path, st) != 0)
        return FALSE;

      *created = TRUE;
      return TRUE;
    }

  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is a folder, not a workspace file"), path);
      return FALSE;
    }

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a regular file (a device, a pipe or a socket): not a workspace; "
                     "it was not changed"), path);
      return FALSE;
    }

  /* An empty file is a new workspace only for a command that writes; for one that reads, it
   * is a workspace lost (cut to nothing), which must not be hidden behind a new one. */
  if (st->st_size == 0 && (flags & SOT_STORE_OPEN_READ_ONLY))
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is empty: not a workspace"), path);
      return FALSE;
    }

  return st->st_size == 0 || check_header (path, st, error);
}

/* An anchor beside an empty file is the end of a workspace that was lost: an empty file is not
 * made into a new workspace over it. Beside a file just created, it is what a workspace removed
 * on purpose (or a failed demo) left: the new workspace starts its own. */
static gboolean
check_lost_workspace (const char  *path,
                      gboolean     created,
                      GError     **error)
{
  g_autofree char *anchor = sot_audit_anchor_path (path);

  if (!g_file_test (anchor, G_FILE_TEST_EXISTS))
    return TRUE;

  if (created)
    {
      if (g_unlink (anchor) != 0)
        return set_errno_error (error, errno, _("Cannot remove the old audit anchor %s: %s"),
                                anchor, g_strerror (errno));
      g_message (_("Removed %s, the audit anchor of a workspace no longer at %s"), anchor, path);
      return TRUE;
    }

  g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_DAMAGED,
               _("The workspace %s is empty, but its audit anchor %s says it held records: it "
                 "was lost, and is not made into a new workspace. Restore it from a backup."),
               path, anchor);
  return FALSE;
}

gboolean
sot_store_open_connection (SotStore           *self,
                           const char         *path,
                           SotStoreOpenFlags   flags,
                           gboolean           *out_created,
                           GError            **error)
{
  gboolean read_only = (flags & SOT_STORE_OPEN_READ_ONLY) != 0;
  g_autofree char *wal = NULL;
  gboolean immutable;
  GStatBuf st;
  sqlite3 *probe;
  int version = 0;

  *out_created = FALSE;

  if (g_str_equal (path, ":memory:"))
    return open_in_memory (self, error);

  if (!check_file (path, flags, &st, out_created, error) ||
      (st.st_size == 0 && !check_lost_workspace (path, *out_created, error)))
    return FALSE;

  /* Without a -wal the main file holds every commit; no connection has it open (one would
   * keep a -wal), and a read-only connection would leave a -wal and -shm behind. So it is
   * read as immutable, as is a workspace on read-only media, which a -wal cannot be made for. */
  wal = g_strconcat (path, "-wal", NULL);
  immutable = !g_file_test (wal, G_FILE_TEST_EXISTS) ||
              (read_only && is_read_only_place (path, &st));

  if (st.st_size > 0)
    {
      if (!(probe = open_read_only (path, immutable, error)))
        return FALSE;

      if (!check_identity (probe, path, !read_only, &version, error) ||
          ((flags & SOT_STORE_OPEN_CHECK) && !check_integrity (probe, path, error)))
        {
          sqlite3_close (probe);
          return FALSE;
        }

      if (read_only)
        {
          make_private (path, &st, TRUE, NULL);
          self->db = probe;
          self->schema_version = version;
          self->read_only = TRUE;
          return sot_store_exec (self, "PRAGMA query_only = ON", error);
        }

      sqlite3_close (probe);
    }

  if (!read_only && is_read_only_place (path, &st))
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_PERMISSION,
                   _("The workspace %s cannot be written (read-only media, or no permission to "
                     "write it or its folder): it can only be read, with soteria-cli info and "
                     "audit verify"), path);
      return FALSE;
    }

  if (!make_private (path, &st, FALSE, error))
    return FALSE;

  self->anchored = TRUE;
  return open_writable (self, path, error);
}
