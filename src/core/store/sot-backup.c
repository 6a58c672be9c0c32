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
#include <unistd.h>

#include "sot-backup.h"

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
