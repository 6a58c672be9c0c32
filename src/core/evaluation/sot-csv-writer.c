/* sot-csv-writer.c: the export's files: a CSV writer that hashes on its own thread, small files
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sot-export-private.h"

/* RFC 4180, UTF-8, CRLF. */

/* Hashing and writing take about a quarter of an export, so each file has a writer thread:
 * the export fills one buffer while the writer hashes and writes the one before. Three
 * buffers go round, which bounds the memory and makes the export wait when the disk does. */
#define N_BUFFERS 3

static gpointer
csv_writer (gpointer data)
{
  SotCsv *csv = data;
  gpointer item;

  while ((item = g_async_queue_pop (csv->full)) != csv)
    {
      GString *buf = item;
      const char *p = buf->str;
      gsize left = buf->len;

      if (g_atomic_int_get (&csv->write_errno) == 0)
        {
          g_checksum_update (csv->sha, (const guchar *) p, left);

          while (csv->fd >= 0 && left > 0)
            {
              gssize n = write (csv->fd, p, left);

              if (n < 0 && errno == EINTR)
                continue;
              if (n < 0)
                {
                  g_atomic_int_set (&csv->write_errno, errno);
                  break;
                }
              p += n;
              left -= n;
            }
        }

      g_string_truncate (buf, 0);
      g_async_queue_push (csv->empty, buf);
    }

  return NULL;
}

static gboolean
csv_write_failed (SotCsv     *csv,
                  GError **error)
{
  int saved_errno = g_atomic_int_get (&csv->write_errno);

  if (saved_errno == 0)
    return FALSE;

  g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
               _("Cannot write %s: %s"), csv->resource->path, g_strerror (saved_errno));
  return TRUE;
}

/* Hands the filled buffer to the writer and takes an empty one. */
static gboolean
csv_flush (SotCsv     *csv,
           GError **error)
{
  if (csv->buf->len == 0)
    return TRUE;

  if (csv_write_failed (csv, error))
    return FALSE;

  csv->resource->bytes += csv->buf->len;
  g_async_queue_push (csv->full, csv->buf);
  csv->buf = g_async_queue_pop (csv->empty);

  return TRUE;
}

static inline void
csv_sep (SotCsv *csv)
{
  if (!csv->first)
    g_string_append_c (csv->buf, ',');
  csv->first = FALSE;
}

void
sot_csv_str (SotCsv        *csv,
             const char *value)
{
  csv_sep (csv);

  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv->buf, value);
      return;
    }

  g_string_append_c (csv->buf, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv->buf, '"');
      g_string_append_c (csv->buf, *p);
    }
  g_string_append_c (csv->buf, '"');
}

void
sot_csv_int (SotCsv    *csv,
             gint64  value)
{
  char digits[24];
  int n = 0;
  gboolean negative = value < 0;
  guint64 v = negative ? (guint64) (-(value + 1)) + 1 : (guint64) value;

  csv_sep (csv);
  do
    {
      digits[n++] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v > 0);
  if (negative)
    g_string_append_c (csv->buf, '-');
  while (n > 0)
    g_string_append_c (csv->buf, digits[--n]);
}

void
sot_csv_empty (SotCsv *csv)
{
  csv_sep (csv);
}

/* A day interval, or an empty cell when either end is unknown or it is negative. */
void
sot_csv_days (SotCsv    *csv,
              gint32  start,
              gint32  end)
{
  if (start == NO_DAY || end == NO_DAY || end < start)
    sot_csv_empty (csv);
  else
    sot_csv_int (csv, end - start);
}

void
sot_csv_bool (SotCsv *csv,
              int  value)
{
  if (value < 0)
    sot_csv_empty (csv);
  else
    sot_csv_str (csv, value ? "true" : "false");
}

gboolean
sot_csv_end_row (SotCsv     *csv,
                 GError **error)
{
  g_string_append (csv->buf, "\r\n");
  csv->first = TRUE;
  csv->resource->rows++;

  if (csv->buf->len >= FLUSH_SIZE)
    return csv_flush (csv, error);

  return TRUE;
}

/* Opens the file of @r and writes its header from its fields. */
gboolean
sot_csv_open (Job       *job,
              Resource  *r,
              SotCsv       *csv,
              GError   **error)
{
  g_autoptr(GError) thread_error = NULL;

  memset (csv, 0, sizeof *csv);
  csv->job = job;
  csv->resource = r;
  csv->fd = -1;
  csv->first = TRUE;

  if (!job->preview)
    {
      g_autofree char *path = g_build_filename (job->dir, r->path, NULL);

      csv->fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (csv->fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                       _("Cannot create %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  csv->sha = g_checksum_new (G_CHECKSUM_SHA256);
  csv->full = g_async_queue_new ();
  csv->empty = g_async_queue_new ();
  csv->buf = g_string_sized_new (FLUSH_SIZE + 4096);
  for (guint i = 1; i < N_BUFFERS; i++)
    g_async_queue_push (csv->empty, g_string_sized_new (FLUSH_SIZE + 4096));

  csv->writer = g_thread_try_new ("sot-export-writer", csv_writer, csv, &thread_error);
  if (csv->writer == NULL)
    {
      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), r->path, thread_error->message);
      sot_csv_close (csv, NULL);
      return FALSE;
    }

  for (guint i = 0; i < r->fields->len; i++)
    sot_csv_str (csv, ((Field *) g_ptr_array_index (r->fields, i))->name);
  g_string_append (csv->buf, "\r\n");
  csv->first = TRUE;

  return TRUE;
}

gboolean
sot_csv_close (SotCsv     *csv,
               GError **error)
{
  gboolean ok = error == NULL || *error == NULL;
  GString *buf;

  if (csv->full == NULL)
    return TRUE;

  if (csv->writer != NULL)
    {
      /* Whatever happened, the writer is stopped before anything it uses is freed. */
      if (ok)
        ok = csv_flush (csv, error);
      g_async_queue_push (csv->full, csv);
      g_thread_join (csv->writer);
      csv->writer = NULL;
      if (ok && csv_write_failed (csv, error))
        ok = FALSE;
    }
  else
    ok = FALSE;

  if (ok)
    csv->resource->sha256 = g_strdup (g_checksum_get_string (csv->sha));

  if (csv->fd >= 0)
    {
      if (ok && fsync (csv->fd) != 0 && errno != EINVAL)
        {
          int saved_errno = errno;

          g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                       _("Cannot write %s: %s"), csv->resource->path, g_strerror (saved_errno));
          ok = FALSE;
        }
      close (csv->fd);
      csv->fd = -1;
    }

  if (csv->buf != NULL)
    g_string_free (csv->buf, TRUE);
  while ((buf = g_async_queue_try_pop (csv->empty)) != NULL)
    g_string_free (buf, TRUE);
  g_clear_pointer (&csv->full, g_async_queue_unref);
  g_clear_pointer (&csv->empty, g_async_queue_unref);
  g_clear_pointer (&csv->sha, g_checksum_free);
  csv->buf = NULL;

  return ok;
}

/* Writes a whole small file (README, datapackage.json, manifest); returns its SHA-256. */
gboolean
sot_export_write_small_file (Job         *job,
                             const char  *name,
                             const char  *contents,
                             char       **out_sha256,
                             GError     **error)
{
  g_autofree char *path = NULL;
  int fd;
  gsize left = strlen (contents);
  const char *p = contents;

  if (out_sha256 != NULL)
    *out_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);

  if (job->preview)
    return TRUE;

  path = g_build_filename (job->dir, name, NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot create %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  while (left > 0)
    {
      gssize n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                       _("Cannot write %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      p += n;
      left -= n;
    }

  if (fsync (fd) != 0 && errno != EINVAL)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}
