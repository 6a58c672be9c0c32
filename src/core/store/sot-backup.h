/* sot-backup.h: consistent, verified copies of a workspace, optionally encrypted, and restores
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

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
