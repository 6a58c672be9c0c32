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
 * @quick: %TRUE for `PRAGMA quick_check` (no index cross-check: fast on large files)
 *
 * Checks the workspace file for damage. Reads only.
 * Returns: %TRUE when it is sound, or %FALSE with %SOT_BACKUP_ERROR_DAMAGED (or another
 * error when it could not be read).
 */
gboolean sot_backup_check_integrity (SotStore    *store,
                                     gboolean     quick,
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

G_END_DECLS
