/* sot-backup.c: consistent, verified copies of a workspace, optionally encrypted, and restores
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-backup"
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sot-audit-anchor.h"
#include "sot-backup.h"

/* An encrypted backup: MAGIC, a version byte, the Argon2id limits (two little-endian 64-bit
 * numbers), the salt and the secretstream header; then the workspace file in chunks of
 * CHUNK bytes, each sealed with the header above as additional data, the last one tagged
 * final (so a cut file is noticed). */
#define MAGIC "SOTBAK\r\n"
#define MAGIC_LEN 8
#define FORMAT_VERSION 1
#define CHUNK (64 * 1024)
#define STREAM_HEADER_LEN crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define HEADER_LEN (MAGIC_LEN + 1 + 8 + 8 + crypto_pwhash_SALTBYTES + STREAM_HEADER_LEN)
/* A header asking for more than this is not ours: refuse rather than exhaust the memory. */
#define MAX_MEMLIMIT ((guint64) 1 << 30)
#define MAX_OPSLIMIT 16
/* Pages copied between progress reports (and between chances to cancel). */
#define PAGES_PER_STEP 256
/* Larger workspaces get the quicker check before an export or a backup. */
#define FULL_CHECK_LIMIT ((goffset) 256 << 20)

G_DEFINE_QUARK (sot-backup-error-quark, sot_backup_error)

/* Runs @pragma (integrity_check or quick_check) on @db; "ok" is the only sound answer. */
static gboolean
check_integrity_db (sqlite3     *db,
                    const char  *path,
                    const char  *pragma,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW && g_strcmp0 (first, "ok") == 0)
    return TRUE;

  /* "*** in database main ***" heads the first problem on a line of its own. */
  if (first != NULL && g_str_has_prefix (first, "*** ") && strchr (first, '\n') != NULL)
    {
      char *rest = g_strdup (strchr (first, '\n') + 1);

      g_free (first);
      first = rest;
    }
  if (first != NULL)
    g_strdelimit (first, "\n", ' ');

  if (rc == SQLITE_ROW || (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_DAMAGED,
                 _("The workspace %s is damaged (%s); nothing was read from it or written into "
                   "it. Restore it from a backup (soteria-cli restore)."),
                 path, first != NULL ? first : sqlite3_errstr (rc));
  else
    g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_FAILED,
                 _("Cannot check the workspace %s: %s"), path, sqlite3_errmsg (db));
  return FALSE;
}

/* Which check a file of @path gets: integrity_check, which also compares every index with its
 * table, up to FULL_CHECK_LIMIT bytes; quick_check, which does not, above. */
static const char *
integrity_pragma (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) == 0 && st.st_size > FULL_CHECK_LIMIT)
    return "PRAGMA quick_check(1)";
  return "PRAGMA integrity_check(1)";
}

gboolean
sot_backup_check_integrity (SotStore  *store,
                            GError   **error)
{
  sqlite3_stmt *any;
  const char *path;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  /* The store keeps its connection to itself; a statement of it leads to the handle. */
  if (!(any = sot_store_prepare (store, "SELECT 1", error)))
    return FALSE;

  path = sot_store_get_path (store);
  return check_integrity_db (sqlite3_db_handle (any), path, integrity_pragma (path), error);
}

gboolean
sot_file_move_into_place (const char  *from,
                          const char  *to,
                          GError     **error)
{
  int saved_errno;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;

  saved_errno = errno;

  /* A file system without RENAME_NOREPLACE: a hard link refuses an existing name as well. */
  if (saved_errno == EINVAL || saved_errno == ENOSYS)
    {
      if (link (from, to) == 0)
        {
          g_unlink (from);
          return TRUE;
        }
      saved_errno = errno;
    }

  if (saved_errno == EEXIST)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("%s already exists; it was left as it was"), to);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Cannot put the file in place at %s: %s"), to, g_strerror (saved_errno));
  return FALSE;
}

/* --- Temporary files beside their target --- */

gboolean
sot_workspace_move_into_place (const char  *from,
                               const char  *to,
                               GError     **error)
{
  g_autofree char *from_anchor = NULL;
  g_autofree char *to_anchor = NULL;
  int saved_errno;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (!sot_file_move_into_place (from, to, error))
    return FALSE;

  from_anchor = sot_audit_anchor_path (from);
  to_anchor = sot_audit_anchor_path (to);
  if (!g_file_test (from_anchor, G_FILE_TEST_EXISTS))
    return TRUE;

  /* No workspace was at @to, so an anchor there belonged to one that is gone. */
  if (g_rename (from_anchor, to_anchor) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("The workspace is at %s, but its audit anchor could not be put beside it: %s"),
               to, g_strerror (saved_errno));
  return FALSE;
}

gboolean
sot_partial_is_name (const char *name)
{
  const char *mark;

  g_return_val_if_fail (name != NULL, FALSE);

  mark = g_strrstr (name, ".partial-");
  return name[0] == '.' && mark != NULL && mark > name + 1 &&
         strlen (mark) == strlen (".partial-XXXXXX");
}

int
sot_partial_lock (const char *path)
{
  int fd;

  g_return_val_if_fail (path != NULL, -1);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

/* Removes a folder of files (an export package) or a file with SQLite's companions. */
static void
remove_partial (const char *path,
                gboolean    is_dir)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  if (is_dir)
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          g_unlink (child);
        }
      g_rmdir (path);
      return;
    }

  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

GPtrArray *
sot_partial_remove_stale (const char *target)
{
  g_autofree char *parent = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *removed = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (target != NULL, removed);

  parent = g_path_get_dirname (target);
  dir = g_dir_open (parent, 0, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!sot_partial_is_name (name))
        continue;

      path = g_build_filename (parent, name, NULL);
      if (g_lstat (path, &st) != 0 || !(S_ISDIR (st.st_mode) || S_ISREG (st.st_mode)) ||
          st.st_uid != getuid ())
        continue;

      /* A running export or backup holds a lock on its temporary file or folder. */
      if ((fd = sot_partial_lock (path)) < 0)
        continue;

      remove_partial (path, S_ISDIR (st.st_mode));
      close (fd);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (removed, g_steal_pointer (&path));
    }

  return removed;
}

/* Makes an empty, locked, 0600 temporary file beside @target; its lock is *lock_fd. */
static char *
make_partial_file (const char  *target,
                   int         *lock_fd,
                   GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *template = g_strdup_printf ("%s/.%s.partial-XXXXXX", parent, base);
  int fd;

  if (g_mkdir_with_parents (parent, 0700) != 0 ||
      (fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_FAILED,
                   _("Cannot create a file beside %s: %s"), target, g_strerror (saved_errno));
      return NULL;
    }

  /* This descriptor stays open until SQLite is done with the file: closing another descriptor
   * of it would drop SQLite's own locks. */
  flock (fd, LOCK_EX | LOCK_NB);
  *lock_fd = fd;
  return g_steal_pointer (&template);
}

static gboolean
refuse_existing (const char  *path,
                 GError     **error)
{
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return TRUE;

  g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_EXISTS,
               _("%s already exists; it is never overwritten: choose a new name"), path);
  return FALSE;
}

/* --- Copying with SQLite's online backup --- */

static gboolean
set_db_error (GError     **error,
              sqlite3     *db,
              int          rc,
              const char  *what)
{
  g_set_error (error, SOT_BACKUP_ERROR,
               (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB
               ? SOT_BACKUP_ERROR_DAMAGED : SOT_BACKUP_ERROR_FAILED,
               "%s: %s", what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* Copies every page of @src into @dest. A write by another connection meanwhile makes SQLite
 * start again, so the copy is one state of the workspace. */
static gboolean
copy_db (sqlite3            *src,
         sqlite3            *dest,
         SotBackupProgress   progress,
         gpointer            user_data,
         GCancellable       *cancellable,
         GError            **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup == NULL)
    return set_db_error (error, dest, sqlite3_errcode (dest), _("Cannot start the copy"));

  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_backup_finish (backup);
          return !g_cancellable_set_error_if_cancelled (cancellable, error);
        }

      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);

      if (progress != NULL && sqlite3_backup_pagecount (backup) > 0)
        progress (1.0 - (double) sqlite3_backup_remaining (backup) /
                        sqlite3_backup_pagecount (backup), user_data);

      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (50 * 1000);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    return set_db_error (error, src, rc, _("Cannot copy the workspace"));

  return TRUE;
}

static sqlite3 *
open_db (const char  *path,
         int          flags,
         GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* --- Encryption --- */

static void
put_u64 (guint8  *out,
         guint64  value)
{
  for (guint i = 0; i < 8; i++)
    out[i] = (value >> (8 * i)) & 0xff;
}

static guint64
get_u64 (const guint8 *in)
{
  guint64 value = 0;

  for (guint i = 0; i < 8; i++)
    value |= (guint64) in[i] << (8 * i);
  return value;
}

static gboolean
derive_key (guint8        key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
            const char   *passphrase,
            const guint8 *salt,
            guint64       opslimit,
            guint64       memlimit,
            GError      **error)
{
  if (crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES, passphrase,
                     strlen (passphrase), salt, opslimit, (size_t) memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_FAILED,
                           _("Not enough memory to derive the key from the passphrase"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          len,
           const char    *path,
           GError       **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_FAILED,
                       _("Cannot write %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/* Writes @plain, sealed with a key derived from @passphrase, to @fd. */
static gboolean
encrypt_to_fd (const guint8  *plain,
               gsize          len,
               const char    *passphrase,
               int            fd,
               const char    *path,
               GError       **error)
{
  guint8 header[HEADER_LEN];
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  crypto_secretstream_xchacha20poly1305_state state;
  g_autofree guint8 *sealed = g_malloc (CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
  guint8 *p = header;
  gsize done = 0;
  gboolean ok = TRUE;

  memcpy (p, MAGIC, MAGIC_LEN);
  p += MAGIC_LEN;
  *p++ = FORMAT_VERSION;
  put_u64 (p, crypto_pwhash_OPSLIMIT_MODERATE);
  p += 8;
  put_u64 (p, crypto_pwhash_MEMLIMIT_MODERATE);
  p += 8;
  randombytes_buf (p, crypto_pwhash_SALTBYTES);

  if (!derive_key (key, passphrase, p, crypto_pwhash_OPSLIMIT_MODERATE,
                   crypto_pwhash_MEMLIMIT_MODERATE, error))
    return FALSE;
  p += crypto_pwhash_SALTBYTES;
  crypto_secretstream_xchacha20poly1305_init_push (&state, p, key);
  sodium_memzero (key, sizeof key);

  ok = write_all (fd, header, sizeof header, path, error);

  /* An empty file still gets its final chunk: the end is always sealed. */
  do
    {
      gsize n = MIN (CHUNK, len - done);
      unsigned long long sealed_len;
      guint8 tag = done + n == len ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;

      crypto_secretstream_xchacha20poly1305_push (&state, sealed, &sealed_len, plain + done, n,
                                                  header, sizeof header, tag);
      ok = ok && write_all (fd, sealed, sealed_len, path, error);
      done += n;
    }
  while (ok && done < len);

  sodium_memzero (&state, sizeof state);
  return ok;
}

/* Opens the sealed @data (a whole backup file) with @passphrase. */
static GBytes *
decrypt_bytes (GBytes      *data,
               const char  *passphrase,
               const char  *path,
               GError     **error)
{
  gsize len;
  const guint8 *in = g_bytes_get_data (data, &len);
  const guint8 *header = in;
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  crypto_secretstream_xchacha20poly1305_state state;
  g_autoptr(GByteArray) plain = g_byte_array_new ();
  guint64 opslimit, memlimit;
  gsize pos = HEADER_LEN;
  guint8 tag = 0;

  if (len < HEADER_LEN || header[MAGIC_LEN] != FORMAT_VERSION)
    {
      g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_NOT_A_BACKUP,
                   _("%s is an encrypted backup of a format this program does not know, or "
                     "cut short"), path);
      return NULL;
    }

  opslimit = get_u64 (header + MAGIC_LEN + 1);
  memlimit = get_u64 (header + MAGIC_LEN + 9);
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > MAX_OPSLIMIT ||
      memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > MAX_MEMLIMIT)
    {
      g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_NOT_A_BACKUP,
                   _("%s has a damaged header"), path);
      return NULL;
    }

  if (!derive_key (key, passphrase, header + MAGIC_LEN + 17, opslimit, memlimit, error))
    return NULL;
  crypto_secretstream_xchacha20poly1305_init_pull (&state, header + HEADER_LEN - STREAM_HEADER_LEN,
                                                   key);
  sodium_memzero (key, sizeof key);

  while (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL && pos < len)
    {
      gsize n = MIN (CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES, len - pos);
      unsigned long long plain_len;
      guint old = plain->len;

      g_byte_array_set_size (plain, old + CHUNK);
      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain->data + old, &plain_len, &tag,
                                                      in + pos, n, header, HEADER_LEN) != 0)
        break;
      g_byte_array_set_size (plain, old + plain_len);
      pos += n;
    }
  sodium_memzero (&state, sizeof state);

  if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL || pos != len)
    {
      sodium_memzero (plain->data, plain->len);
      g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_PASSPHRASE,
                   _("Cannot open %s: the passphrase is wrong, or the file was changed or cut "
                     "short"), path);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&plain));
}

/* Bytes 18 and 19 of a SQLite file say WAL (2) or rollback (1). A copy is read in memory,
 * which cannot be WAL, and is kept as rollback so that reading it never makes -wal and -shm
 * files beside it; a workspace turns WAL back on when it is opened. */
static void
mark_rollback_journal (guint8 *data,
                       gsize   len)
{
  if (len > 19)
    data[18] = data[19] = 1;
}

/* A connection to an in-memory copy of @bytes, a whole workspace file. */
static sqlite3 *
open_bytes (GBytes  *bytes,
            GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  sqlite3 *db;
  guint8 *copy;
  int rc;

  if (!(db = open_db (":memory:", SQLITE_OPEN_READWRITE, error)))
    return NULL;

  copy = sqlite3_malloc64 (MAX (len, 1));
  memcpy (copy, data, len);
  mark_rollback_journal (copy, len);
  rc = sqlite3_deserialize (db, "main", copy, len, len,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, rc, _("Cannot read the backup"));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* --- Writing a backup --- */

typedef struct {
  char              *db_path;
  char              *target;
  char              *passphrase;
  SotBackupProgress  progress;
  gpointer           progress_data;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->db_path);
  g_free (job->target);
  if (job->passphrase != NULL)
    sodium_memzero (job->passphrase, strlen (job->passphrase));
  g_free (job->passphrase);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteJob, write_job_free)

/* Writes the sealed copy of @src into the open @fd. */
static gboolean
write_encrypted (sqlite3       *src,
                 const char    *passphrase,
                 int            fd,
                 const char    *path,
                 WriteJob      *job,
                 GCancellable  *cancellable,
                 GError       **error)
{
  sqlite3 *memory;
  sqlite3_int64 len = 0;
  guint8 *plain;
  gboolean ok;

  if (!(memory = open_db (":memory:", SQLITE_OPEN_READWRITE, error)))
    return FALSE;

  if (!copy_db (src, memory, job->progress, job->progress_data, cancellable, error))
    {
      sqlite3_close (memory);
      return FALSE;
    }

  plain = sqlite3_serialize (memory, "main", &len, 0);
  sqlite3_close (memory);
  if (plain == NULL)
    {
      g_set_error_literal (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_FAILED,
                           _("Not enough memory to copy the workspace"));
      return FALSE;
    }

  mark_rollback_journal (plain, len);
  ok = encrypt_to_fd (plain, len, passphrase, fd, path, error) && fsync (fd) == 0;
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_FAILED,
                 _("Cannot write %s: %s"), path, g_strerror (errno));
  sodium_memzero (plain, len);
  sqlite3_free (plain);
  return ok;
}

/* Opens the backup at @path as a database (decrypting with @passphrase when it is sealed). */
static sqlite3 *
open_backup (const char  *path,
             const char  *passphrase,
             GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) plain = NULL;
  gsize len;
  const char *data;

  if (!(file = g_mapped_file_new (path, FALSE, error)))
    return NULL;

  bytes = g_mapped_file_get_bytes (file);
  data = g_bytes_get_data (bytes, &len);

  /* Read in memory: opening the file would make -wal and -shm files beside a backup. */
  if (len >= 16 && memcmp (data, "SQLite format 3", 16) == 0)
    return open_bytes (bytes, error);

  if (len < MAGIC_LEN || memcmp (data, MAGIC, MAGIC_LEN) != 0)
    {
      g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_NOT_A_BACKUP,
                   _("%s is neither a workspace nor a Soteria Workbench backup"), path);
      return NULL;
    }

  if (passphrase == NULL)
    {
      g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_NEEDS_PASSPHRASE,
                   _("%s is encrypted: give its passphrase (--passphrase-file)"), path);
      return NULL;
    }

  if (!(plain = decrypt_bytes (bytes, passphrase, path, error)))
    return NULL;

  return open_bytes (plain, error);
}

/* The copy SQLite wrote keeps the source's WAL mark; its WAL is empty and gone once the
 * copy's connection is closed, so the file is marked rollback, as open_bytes() reads it. */
static gboolean
set_rollback_journal (int          fd,
                      const char  *path,
                      GError     **error)
{
  static const guint8 rollback[2] = { 1, 1 };

  if (pwrite (fd, rollback, sizeof rollback, 18) != sizeof rollback || fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_FAILED,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Checks the written backup by reading it back as a restore would. */
static gboolean
verify_backup (const char  *path,
               const char  *passphrase,
               GError     **error)
{
  sqlite3 *db = open_backup (path, passphrase, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;

  ok = check_integrity_db (db, path, "PRAGMA integrity_check(1)", error);
  sqlite3_close (db);
  return ok;
}

static gboolean
write_backup (WriteJob      *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *partial = NULL;
  sqlite3 *src = NULL;
  sqlite3 *dest = NULL;
  int lock_fd = -1;
  gboolean ok = FALSE;

  if (!refuse_existing (job->target, error))
    return FALSE;

  g_ptr_array_unref (sot_partial_remove_stale (job->target));

  /* Its own read-only connection: safe in a worker thread, and it never writes the workspace. */
  if (!(src = open_db (job->db_path, SQLITE_OPEN_READONLY, error)) ||
      !check_integrity_db (src, job->db_path, integrity_pragma (job->db_path), error) ||
      !(partial = make_partial_file (job->target, &lock_fd, error)))
    goto out;

  if (job->passphrase != NULL)
    ok = write_encrypted (src, job->passphrase, lock_fd, partial, job, cancellable, error);
  else
    ok = (dest = open_db (partial, SQLITE_OPEN_READWRITE, error)) != NULL &&
         copy_db (src, dest, job->progress, job->progress_data, cancellable, error);

  g_clear_pointer (&dest, sqlite3_close);
  ok = ok && (job->passphrase != NULL || set_rollback_journal (lock_fd, partial, error)) &&
       verify_backup (partial, job->passphrase, error) &&
       sot_file_move_into_place (partial, job->target, error);

out:
  if (!ok && partial != NULL)
    remove_partial (partial, FALSE);
  if (lock_fd >= 0)
    close (lock_fd);
  sqlite3_close (src);
  return ok;
}

static WriteJob *
write_job_new (SotStore          *store,
               const char        *target,
               const char        *passphrase,
               SotBackupProgress  progress,
               gpointer           progress_data)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->db_path = g_strdup (sot_store_get_path (store));
  job->target = g_strdup (target);
  job->passphrase = g_strdup (passphrase);
  job->progress = progress;
  job->progress_data = progress_data;
  return job;
}

static gboolean
start_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_FAILED,
                           _("The encryption library could not start"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_write_args (SotStore    *store,
                  const char  *passphrase,
                  GError     **error)
{
  if (!start_sodium (error))
    return FALSE;

  if (g_str_equal (sot_store_get_path (store), ":memory:"))
    {
      g_set_error_literal (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_FAILED,
                           _("An in-memory workspace has no file to back up"));
      return FALSE;
    }

  if (passphrase != NULL && *passphrase == '\0')
    {
      g_set_error_literal (error, SOT_BACKUP_ERROR, SOT_BACKUP_ERROR_PASSPHRASE,
                           _("The passphrase is empty"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sot_backup_write (SotStore           *store,
                  const char         *target,
                  const char         *passphrase,
                  SotBackupProgress   progress,
                  gpointer            user_data,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(WriteJob) job = NULL;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_write_args (store, passphrase, error))
    return FALSE;

  job = write_job_new (store, target, passphrase, progress, user_data);
  return write_backup (job, cancellable, error);
}

/* Progress from the worker thread, delivered on the caller's main context. */
typedef struct {
  SotBackupProgress  func;
  gpointer           data;
  double             fraction;
} ProgressCall;

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->func (call->fraction, call->data);
  return G_SOURCE_REMOVE;
}

typedef struct {
  GMainContext      *context;
  SotBackupProgress  func;
  gpointer           data;
} AsyncProgress;

static void
post_progress (double   fraction,
               gpointer user_data)
{
  AsyncProgress *async = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  call->func = async->func;
  call->data = async->data;
  call->fraction = fraction;
  /* An idle source, not g_main_context_invoke(): that would call back in this thread when no
   * one holds the context at the moment. */
  g_source_set_callback (source, deliver_progress, call, g_free);
  g_source_set_static_name (source, "[soteria] backup progress");
  g_source_attach (source, async->context);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (write_backup (job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
async_progress_free (gpointer data)
{
  AsyncProgress *async = data;

  g_main_context_unref (async->context);
  g_free (async);
}

void
sot_backup_write_async (SotStore            *store,
                        const char          *target,
                        const char          *passphrase,
                        SotBackupProgress    progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  WriteJob *job;

  g_return_if_fail (SOT_IS_STORE (store));
  g_return_if_fail (target != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sot_backup_write_async);

  if (!check_write_args (store, passphrase, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job = write_job_new (store, target, passphrase, NULL, NULL);
  if (progress != NULL)
    {
      AsyncProgress *async = g_new0 (AsyncProgress, 1);

      async->context = g_main_context_ref_thread_default ();
      async->func = progress;
      async->data = progress_data;
      job->progress = post_progress;
      job->progress_data = async;
      g_object_set_data_full (G_OBJECT (task), "sot-backup-progress", async,
                              async_progress_free);
    }
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
sot_backup_write_finish (SotStore      *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Restoring --- */

/* Checks the restored copy at @partial as a workspace, records the restore in its audit log
 * and closes it. */
static gboolean
accept_restored (const char  *partial,
                 const char  *backup,
                 const char  *target,
                 gint64      *out_records,
                 GError     **error)
{
  g_autoptr(SotStore) store = NULL;
  g_autofree char *reason = NULL;
  gint64 n_records = 0;
  gint64 first_broken = 0;

  if (!(store = sot_store_open (partial, SOT_STORE_OPEN_NONE, error)) ||
      !sot_store_verify_audit (store, &n_records, &first_broken, error))
    return FALSE;

  reason = g_strdup_printf ("restored from the backup %s as %s", backup, target);
  if (!sot_store_begin (store, error))
    return FALSE;
  if (!sot_store_audit (store, SOT_AUDIT_ALTER, "workspace", NULL, reason, NULL, error))
    {
      sot_store_rollback (store);
      return FALSE;
    }
  if (!sot_store_commit (store, error))
    return FALSE;

  if (out_records != NULL)
    *out_records = n_records;
  return TRUE;
}

gboolean
sot_backup_restore (const char   *backup,
                    const char   *target,
                    const char   *passphrase,
                    gint64       *out_records,
                    GError      **error)
{
  g_autofree char *partial = NULL;
  sqlite3 *src = NULL;
  sqlite3 *dest = NULL;
  int lock_fd = -1;
  gboolean ok = FALSE;

  g_return_val_if_fail (backup != NULL && target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!start_sodium (error))
    return FALSE;

  /* Everything that can be refused is refused before a file is made. */
  if (!refuse_existing (target, error) ||
      !(src = open_backup (backup, passphrase, error)) ||
      !check_integrity_db (src, backup, "PRAGMA integrity_check(1)", error))
    goto out;

  g_ptr_array_unref (sot_partial_remove_stale (target));
  if (!(partial = make_partial_file (target, &lock_fd, error)))
    goto out;

  ok = (dest = open_db (partial, SQLITE_OPEN_READWRITE, error)) != NULL &&
       copy_db (src, dest, NULL, NULL, NULL, error);
  g_clear_pointer (&dest, sqlite3_close);
  ok = ok && set_rollback_journal (lock_fd, partial, error);

  ok = ok && verify_backup (partial, NULL, error) &&
       accept_restored (partial, backup, target, out_records, error) &&
       g_chmod (partial, 0600) == 0 &&
       sot_workspace_move_into_place (partial, target, error);

out:
  if (!ok && partial != NULL)
    remove_partial (partial, FALSE);
  if (lock_fd >= 0)
    close (lock_fd);
  sqlite3_close (src);
  return ok;
}
