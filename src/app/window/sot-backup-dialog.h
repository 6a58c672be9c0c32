/* sot-backup-dialog.h: backing up the workspace from the window, optionally sealed
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-form-dialog.h"
#include "sot-store.h"

G_BEGIN_DECLS

/* Shorter passphrases are refused: a sealed backup may be carried off-site. */
#define SOT_BACKUP_MIN_PASSPHRASE 12

#define SOT_TYPE_BACKUP_DIALOG (sot_backup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SotBackupDialog, sot_backup_dialog, SOT, BACKUP_DIALOG, SotFormDialog)

/**
 * sot_backup_dialog_new:
 * Asks whether to seal the backup with a passphrase; on accept, asks where to write it and
 * writes it in a thread (SQLite's online backup: consistent while the application works),
 * telling @parent's toasts how it went.
 * Returns: (transfer none): the dialog.
 */
SotBackupDialog *sot_backup_dialog_new        (GtkWindow       *parent,
                                               SotStore        *store);

/* For tests: writes to @path instead of asking where. */
void             sot_backup_dialog_set_target (SotBackupDialog *self,
                                               const char      *path);

G_END_DECLS
