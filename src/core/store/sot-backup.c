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
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sot-backup.h"

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

gboolean
sot_backup_check_integrity (SotStore  *store,
                            gboolean   quick,
                            GError   **error)
{
  sqlite3_stmt *any;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  /* The store keeps its connection to itself; a statement of it leads to the handle. */
  if (!(any = sot_store_prepare (store, "SELECT 1", error)))
    return FALSE;

  return check_integrity_db (sqlite3_db_handle (any), sot_store_get_path (store),
                             quick ? "PRAGMA quick_check(1)" : "PRAGMA integrity_check(1)",
                             error);
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
