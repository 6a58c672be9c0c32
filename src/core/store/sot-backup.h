/* sot-backup.h: consistent, verified copies of a workspace, optionally encrypted, and restores
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_BACKUP_ERROR (sot_backup_error_quark ())

typedef enum {
  SOT_BACKUP_ERROR_FAILED,
  SOT_BACKUP_ERROR_DAMAGED,       /* the workspace or the copy fails the integrity check */
  SOT_BACKUP_ERROR_EXISTS,        /* the file to write is already there: never overwritten */
  SOT_BACKUP_ERROR_NOT_A_BACKUP,  /* neither a workspace nor an encrypted backup */
  SOT_BACKUP_ERROR_PASSPHRASE,    /* a wrong passphrase, or the file was changed */
  SOT_BACKUP_ERROR_NEEDS_PASSPHRASE,
} SotBackupError;

GQuark   sot_backup_error_quark   (void);

/**
 * sot_backup_check_integrity:
 * @store: an open workspace
 *
 * Checks the workspace file for damage: `PRAGMA integrity_check`, or `quick_check` (no index
 * cross-check) for a file over 256 MiB. Reads only.
 * Returns: %TRUE when it is sound, or %FALSE with %SOT_BACKUP_ERROR_DAMAGED (or another
 * error when it could not be read).
 */
gboolean sot_backup_check_integrity (SotStore    *store,
                                     GError     **error);

/**
 * sot_file_move_into_place:
 * @from: a finished file under a temporary name
 * @to: its final name
 *
 * Renames @from to @to atomically, never replacing a file that already is at @to (another
 * program's, or one made meanwhile).
 * Returns: %TRUE, or %FALSE with @error set (%G_IO_ERROR_EXISTS when @to exists).
 */
gboolean sot_file_move_into_place (const char  *from,
                                   const char  *to,
                                   GError     **error);

/**
 * sot_workspace_move_into_place:
 * Puts a closed workspace made under a temporary name at @to as sot_file_move_into_place()
 * does, and its audit anchor with it: an anchor left under the temporary name would leave the
 * workspace unanchored. Returns: %TRUE, or %FALSE with @error set.
 */
gboolean sot_workspace_move_into_place (const char  *from,
                                        const char  *to,
                                        GError     **error);

/* Whether @name (a base name) is a temporary ".NAME.partial-XXXXXX" of an export or backup. */
gboolean   sot_partial_is_name      (const char *name);

/* Opens and flock()s @path; returns the descriptor, or -1 when another process holds it. */
int        sot_partial_lock         (const char *path);

/**
 * sot_partial_remove_stale:
 * @target: a file or folder about to be written
 *
 * Removes the temporary files and folders that killed exports and backups left beside
 * @target; one a running process still holds is left alone.
 * Returns: (transfer full): the paths removed, possibly none.
 */
GPtrArray *sot_partial_remove_stale (const char *target);

/* Called with the part of the copy done, from 0 to 1. */
typedef void (*SotBackupProgress) (double   fraction,
                                   gpointer user_data);

/**
 * sot_backup_write:
 * @store: the workspace (its file is read through a connection of its own)
 * @target: the backup file to create; never overwritten
 * @passphrase: (nullable): seal the copy with this passphrase (Argon2id, XChaCha20-Poly1305)
 * @progress: (nullable) (scope call): progress callback
 *
 * Copies the workspace with SQLite's online backup (one consistent state, even while the
 * application writes), checks the copy by reading it back, and renames it into place with
 * mode 0600. A damaged workspace is refused (%SOT_BACKUP_ERROR_DAMAGED). On failure or
 * cancellation nothing is left at or beside @target.
 * Returns: %TRUE, or %FALSE with @error set.
 */
gboolean   sot_backup_write         (SotStore            *store,
                                     const char          *target,
                                     const char          *passphrase,
                                     SotBackupProgress    progress,
                                     gpointer             user_data,
                                     GCancellable        *cancellable,
                                     GError             **error);

/**
 * sot_backup_write_async:
 * @progress: (nullable) (scope notified): called on the caller's main context
 * @callback: (scope async): called when done
 *
 * As sot_backup_write(), in a worker thread.
 */
void       sot_backup_write_async   (SotStore            *store,
                                     const char          *target,
                                     const char          *passphrase,
                                     SotBackupProgress    progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);

gboolean   sot_backup_write_finish  (SotStore            *store,
                                     GAsyncResult        *result,
                                     GError             **error);

/**
 * sot_backup_restore:
 * @backup: a backup file (plain or sealed) or a workspace file
 * @target: the workspace to create; refused when it exists
 * @passphrase: (nullable): the passphrase of a sealed backup
 * @out_records: (out) (optional): the audit records of the restored workspace
 *
 * Decrypts when needed (a wrong passphrase is %SOT_BACKUP_ERROR_PASSPHRASE, and nothing is
 * written), checks the copy's integrity and audit chain, records the restore as an audit row
 * in it, and renames it into place with mode 0600.
 * Returns: %TRUE, or %FALSE with @error set.
 */
gboolean   sot_backup_restore       (const char          *backup,
                                     const char          *target,
                                     const char          *passphrase,
                                     gint64              *out_records,
                                     GError             **error);

G_END_DECLS
