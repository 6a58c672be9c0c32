/* sot-zip.h: a zip archive of an export package folder
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sot_zip_write_folder:
 * @folder: a folder of plain files (an export package)
 * @zip_path: the archive to create; refused if it exists
 *
 * Writes every regular file of @folder, in name order, under the folder's own name in a zip
 * archive (stored, not compressed: the files keep their SHA-256 from the manifest byte for
 * byte). Entries carry a fixed 1980-01-01 time so that no exact time leaves in the archive.
 * The archive is written whole and renamed into place, with mode 0600.
 * Returns: %TRUE on success, or %FALSE with @error set.
 */
gboolean sot_zip_write_folder (const char  *folder,
                               const char  *zip_path,
                               GError     **error);

G_END_DECLS
