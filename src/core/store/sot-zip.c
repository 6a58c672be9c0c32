/* sot-zip.c: a zip archive of an export package folder
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-zip"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zlib.h>

#include "sot-zip.h"

/* The DOS date of 1980-01-01, the earliest a zip entry can carry, and midnight. */
#define ZIP_DOS_DATE 0x0021
#define ZIP_DOS_TIME 0x0000
/* General purpose flag bit 11: names are UTF-8. */
#define ZIP_FLAG_UTF8 0x0800

static void
put16 (GByteArray *out,
       guint16     value)
{
  guint8 b[2] = { value & 0xff, value >> 8 };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  guint8 b[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >> 24 };

  g_byte_array_append (out, b, 4);
}

/* The fields a local header and its central directory entry share, from the flags to the
 * extra field's length: stored, dated 1980-01-01, no extra field. */
static void
put_entry_fields (GByteArray *out,
                  guint32     crc,
                  guint32     len,
                  guint16     entry_len)
{
  put16 (out, ZIP_FLAG_UTF8);
  put16 (out, 0);
  put16 (out, ZIP_DOS_TIME);
  put16 (out, ZIP_DOS_DATE);
  put32 (out, crc);
  put32 (out, len);
  put32 (out, len);
  put16 (out, entry_len);
  put16 (out, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
sot_zip_write_folder (const char  *folder,
                      const char  *zip_path,
                      GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) central = g_byte_array_new ();
  g_autofree char *base = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (zip_path != NULL, FALSE);

  if (g_file_test (zip_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("%s already exists: choose a new name for the archive"), zip_path);
      return FALSE;
    }

  if (!(dir = g_dir_open (folder, 0, error)))
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  base = g_path_get_basename (folder);

  /* The stored format has 16-bit entry counts and 32-bit sizes; a package never comes near. */
  if (names->len > G_MAXUINT16)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s holds too many files for a zip archive"), folder);
      return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, names->pdata[i], NULL);
      g_autofree char *entry = g_strconcat (base, "/", names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;
      gsize entry_len = strlen (entry);
      guint32 offset = out->len;
      guint32 crc;

      if (!g_file_get_contents (path, &contents, &len, error))
        return FALSE;

      if ((guint64) len + out->len > G_MAXUINT32 - 1024)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("The package is too large for a zip archive: keep the folder"));
          return FALSE;
        }

      crc = crc32_z (crc32_z (0, NULL, 0), (const Bytef *) contents, len);

      put32 (out, 0x04034b50);
      put16 (out, 20);
      put_entry_fields (out, crc, len, entry_len);
      g_byte_array_append (out, (const guint8 *) entry, entry_len);
      g_byte_array_append (out, (const guint8 *) contents, len);

      put32 (central, 0x02014b50);
      put16 (central, 20);
      put16 (central, 20);
      put_entry_fields (central, crc, len, entry_len);
      put16 (central, 0);
      put16 (central, 0);
      put16 (central, 0);
      put32 (central, 0);
      put32 (central, offset);
      g_byte_array_append (central, (const guint8 *) entry, entry_len);
    }

  {
    guint32 central_offset = out->len;

    g_byte_array_append (out, central->data, central->len);
    put32 (out, 0x06054b50);
    put16 (out, 0);
    put16 (out, 0);
    put16 (out, names->len);
    put16 (out, names->len);
    put32 (out, central->len);
    put32 (out, central_offset);
    put16 (out, 0);
  }

  /* Written whole to a temporary file and renamed: never a half archive under its name. */
  return g_file_set_contents_full (zip_path, (const char *) out->data, out->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
