/* sot-audit-anchor.c: the head of the audit log kept outside the workspace, and its short code
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "sot-audit-anchor.h"
#include "sot-store-private.h"

/* The hash chain shows a row changed, removed or inserted anywhere but at the end: whoever
 * holds the file can cut the last rows and the chain still holds. The anchor, a small file
 * beside the workspace (and the code a supervisor writes down), keeps the end. */

#define ANCHOR_SUFFIX ".anchor"
#define CODE_HEX 16

typedef struct {
  gboolean     present;
  SotAuditHead head;
  gboolean     has_pending;
  SotAuditHead pending;   /* a commit under way when the anchor was written */
} Anchor;

G_DEFINE_QUARK (sot-audit-anchor-error-quark, sot_audit_anchor_error)

char *
sot_audit_anchor_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_strconcat (path, ANCHOR_SUFFIX, NULL);
}

char *
sot_audit_anchor_code (const SotAuditHead *head)
{
  const char *h;

  g_return_val_if_fail (head != NULL, NULL);

  h = head->hash;
  return g_strdup_printf ("%lld-%.4s-%.4s-%.4s-%.4s",
                          (long long) head->count, h, h + 4, h + 8, h + 12);
}

static gboolean
is_hex (const char *text,
        gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return text[len] == '\0';
}

static void
head_set (SotAuditHead *head,
          gint64        count,
          const char   *hash)
{
  head->count = count;
  g_strlcpy (head->hash, hash, sizeof head->hash);
}

static gboolean
head_equal (const SotAuditHead *a,
            const SotAuditHead *b)
{
  return a->count == b->count && g_ascii_strcasecmp (a->hash, b->hash) == 0;
}

/* Reads "key: value" lines; an unknown key is ignored, so a later version may add some. */
static gboolean
parse_anchor (const char  *contents,
              Anchor      *anchor)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  gboolean has_count = FALSE, has_hash = FALSE, has_pcount = FALSE, has_phash = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *value = strchr (lines[i], ':');
      guint64 n;

      if (lines[i][0] == '#' || value == NULL)
        continue;

      *value++ = '\0';
      g_strstrip (value);

      if (g_str_equal (lines[i], "records") || g_str_equal (lines[i], "pending-records"))
        {
          gboolean pending = lines[i][0] == 'p';

          if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &n, NULL))
            return FALSE;
          (pending ? &anchor->pending : &anchor->head)->count = (gint64) n;
          *(pending ? &has_pcount : &has_count) = TRUE;
        }
      else if (g_str_equal (lines[i], "hash") || g_str_equal (lines[i], "pending-hash"))
        {
          gboolean pending = lines[i][0] == 'p';

          if (strlen (value) != 64 || !is_hex (value, 64))
            return FALSE;
          g_strlcpy ((pending ? &anchor->pending : &anchor->head)->hash, value, 65);
          *(pending ? &has_phash : &has_hash) = TRUE;
        }
    }

  anchor->has_pending = has_pcount && has_phash;
  return has_count && has_hash && has_pcount == has_phash;
}

/* Returns: %FALSE with @error set when the anchor exists but cannot be read or understood. */
static gboolean
read_anchor (const char  *anchor_path,
             Anchor      *anchor,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;

  memset (anchor, 0, sizeof *anchor);

  if (!g_file_get_contents (anchor_path, &contents, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;

      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_PERMISSION,
                   _("Cannot read the audit anchor: %s"), local_error->message);
      return FALSE;
    }

  if (!parse_anchor (contents, anchor))
    {
      g_set_error (error, SOT_AUDIT_ANCHOR_ERROR, SOT_AUDIT_ANCHOR_ERROR_DIFFERENT,
                   _("The audit anchor %s is not one this program wrote"), anchor_path);
      return FALSE;
    }

  anchor->present = TRUE;
  return TRUE;
}

/* Writes @path through "@path.new", flushed and renamed over it. Writers of a folder hold its
 * lock, so one fixed temporary name serves: a write killed half-way leaves only that file,
 * which the next write replaces (g_file_set_contents() would leave a new random name each
 * time). */
static gboolean
replace_file (const char  *path,
              const char  *data,
              gsize        length,
              GError     **error)
{
  g_autofree char *temporary = g_strconcat (path, SOT_AUDIT_ANCHOR_TEMPORARY_SUFFIX, NULL);
  int fd;
  int saved_errno = 0;

  fd = g_open (temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    saved_errno = errno;

  for (gsize done = 0; fd >= 0 && saved_errno == 0 && done < length;)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno != EINTR)
        saved_errno = errno;
      else if (n > 0)
        done += n;
    }

  if (fd >= 0 && saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0 && close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (temporary, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (temporary);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Written to a temporary file, flushed to the disk and renamed over the anchor: a crash
 * leaves the old anchor or the new one, never half of one. */
static gboolean
write_anchor (const char          *anchor_path,
              const SotAuditHead  *head,
              const SotAuditHead  *pending,
              GError             **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  g_string_append (text, "# Soteria Workbench audit anchor: the end of the workspace's audit "
                         "log. Keep it beside the workspace.\n");
  g_string_append_printf (text, "records: %lld\nhash: %s\n", (long long) head->count, head->hash);
  if (pending != NULL)
    g_string_append_printf (text, "pending-records: %lld\npending-hash: %s\n",
                            (long long) pending->count, pending->hash);

  if (!replace_file (anchor_path, text->str, text->len, &local_error))
    {
      g_set_error (error, SOT_STORE_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC)
                     ? SOT_STORE_ERROR_DISK_FULL : SOT_STORE_ERROR_PERMISSION,
                   _("Cannot write the audit anchor: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Writers and verifiers of one folder take turns, so a verifier never reads the workspace
 * of one commit and the anchor of another. A folder that cannot be locked is used unlocked. */
static int
lock_folder (const char *path,
             int         operation)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return -1;

  while (flock (fd, operation) != 0)
    {
      if (errno != EINTR)
        {
          close (fd);
          return -1;
        }
    }

  return fd;
}

static void
unlock_folder (int fd)
{
  if (fd >= 0)
    close (fd);
}

gboolean
sot_audit_anchor_begin_commit (const char          *path,
                               const SotAuditHead  *start,
                               const SotAuditHead  *end,
                               SotAnchorCommit     *state,
                               GError             **error)
{
  g_autofree char *anchor_path = sot_audit_anchor_path (path);
  g_autoptr(GError) read_error = NULL;
  Anchor anchor;

  state->armed = FALSE;
  state->lock_fd = lock_folder (path, LOCK_EX);

  if (!read_anchor (anchor_path, &anchor, &read_error))
    {
      g_warning ("%s; it is written anew", read_error->message);
      anchor.present = FALSE;
    }

  /* The log must start this transaction where the anchor says it ends (or where the commit it
   * records as pending left it). Otherwise rows were cut: the anchor stays as it is. */
  if (anchor.present && !head_equal (&anchor.head, start) &&
      !(anchor.has_pending && head_equal (&anchor.pending, start)))
    {
      g_warning (_("The audit log of %s does not end where its anchor says (%lld records there, "
                   "%lld in the workspace): the anchor is kept as it is; run “soteria-cli "
                   "audit verify”"),
                 path, (long long) anchor.head.count, (long long) start->count);
      return TRUE;
    }

  if (!write_anchor (anchor_path, start, end, error))
    {
      g_prefix_error (error, _("Nothing was saved: "));
      return FALSE;
    }

  state->armed = TRUE;
  return TRUE;
}

void
sot_audit_anchor_end_commit (const char          *path,
                             const SotAuditHead  *end,
                             SotAnchorCommit     *state,
                             gboolean             committed)
{
  g_autofree char *anchor_path = sot_audit_anchor_path (path);
  g_autoptr(GError) error = NULL;

  /* After a failed commit the pending anchor already agrees with the file. */
  if (state->armed && committed && !write_anchor (anchor_path, end, NULL, &error))
    g_warning ("%s", error->message);

  unlock_folder (state->lock_fd);
  state->lock_fd = -1;
  state->armed = FALSE;
}

gboolean
sot_store_audit_head (SotStore      *store,
                      SotAuditHead  *head,
                      GError       **error)
{
  g_autofree char *hash = NULL;
  gint64 n_records = 0;
  gint64 id;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (head != NULL, FALSE);

  if (!sot_store_verify_audit (store, &n_records, NULL, error) ||
      !sot_store_read_audit_head (store, &id, &hash, error))
    return FALSE;

  head_set (head, id, hash);
  return TRUE;
}

/* Parses "1234-89ab-cdef-0123-4567" (any case, any grouping). */
static gboolean
parse_code (const char  *code,
            gint64      *count,
            char         prefix[CODE_HEX + 1],
            GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (code));
  g_autoptr(GString) hex = g_string_new (NULL);
  const char *p = text;
  guint64 n = 0;

  while (g_ascii_isdigit (*p) && n < G_MAXINT64 / 10)
    n = n * 10 + (guint64) (*p++ - '0');

  if (p == text || (*p != '-' && *p != ' '))
    goto bad;

  for (; *p != '\0'; p++)
    if (*p != '-' && *p != ' ')
      g_string_append_c (hex, g_ascii_tolower (*p));

  if (hex->len != CODE_HEX || !is_hex (hex->str, CODE_HEX))
    goto bad;

  *count = (gint64) n;
  g_strlcpy (prefix, hex->str, CODE_HEX + 1);
  return TRUE;

bad:
  g_set_error (error, SOT_AUDIT_ANCHOR_ERROR, SOT_AUDIT_ANCHOR_ERROR_BAD_CODE,
               _("“%s” is not an audit anchor code: it is the record count and 16 hex digits, "
                 "as “soteria-cli audit anchor” prints them (such as "
                 "1234-89ab-cdef-0123-4567)"),
               code);
  return FALSE;
}

/* Compares the log's end @head with @count records ending in a hash that starts with @hash
 * (all 64 digits from an anchor, 16 from a code); @what names where they come from. */
static gboolean
compare_head (SotStore            *store,
              const SotAuditHead  *head,
              gint64               count,
              const char          *hash,
              gboolean             older_is_fine,
              const char          *what,
              GError             **error)
{
  g_autofree char *hash_there = NULL;

  if (count > head->count)
    {
      gint64 cut = count - head->count;

      g_set_error (error, SOT_AUDIT_ANCHOR_ERROR, SOT_AUDIT_ANCHOR_ERROR_CUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "audit log cut short: %s records %lld records, the workspace "
                                "holds %lld; the last %lld record was removed",
                                "audit log cut short: %s records %lld records, the workspace "
                                "holds %lld; the last %lld records were removed",
                                (gulong) MIN (cut, G_MAXLONG)),
                   what, (long long) count, (long long) head->count, (long long) cut);
      return FALSE;
    }

  if (count == head->count)
    hash_there = g_strdup (head->hash);
  else if (!(hash_there = sot_store_audit_hash_at (store, count, error)))
    return FALSE;

  if (g_ascii_strncasecmp (hash_there, hash, strlen (hash)) != 0)
    {
      g_set_error (error, SOT_AUDIT_ANCHOR_ERROR, SOT_AUDIT_ANCHOR_ERROR_DIFFERENT,
                   _("audit log rewritten at its end: record %lld is not the one %s records "
                     "(%s records %lld records, the workspace holds %lld)"),
                   (long long) count, what, what, (long long) count, (long long) head->count);
      return FALSE;
    }

  if (count < head->count && !older_is_fine)
    {
      g_set_error (error, SOT_AUDIT_ANCHOR_ERROR, SOT_AUDIT_ANCHOR_ERROR_OLDER,
                   _("the audit anchor is older than the workspace: %s records %lld records, "
                     "the workspace holds %lld (was the anchor replaced by an earlier copy?)"),
                   what, (long long) count, (long long) head->count);
      return FALSE;
    }

  return TRUE;
}

static gboolean
verify_anchor_file (SotStore            *store,
                    const SotAuditHead  *head,
                    GError             **error)
{
  const char *path = sot_store_get_path (store);
  g_autofree char *anchor_path = sot_audit_anchor_path (path);
  g_autofree char *what = NULL;
  Anchor anchor;

  if (!read_anchor (anchor_path, &anchor, error))
    return FALSE;

  if (!anchor.present)
    {
      g_set_error (error, SOT_AUDIT_ANCHOR_ERROR, SOT_AUDIT_ANCHOR_ERROR_MISSING,
                   _("no audit anchor yet: %s is missing, so rows cut from the end of the audit "
                     "log (%lld records) cannot be ruled out. A workspace made before anchors "
                     "existed gets one at its next change."),
                   anchor_path, (long long) head->count);
      return FALSE;
    }

  /* A commit that crashed on either side of its end leaves the anchor naming both heads. */
  if (head_equal (&anchor.head, head) || (anchor.has_pending && head_equal (&anchor.pending, head)))
    return TRUE;

  what = g_strdup_printf (_("the anchor %s"), anchor_path);
  return compare_head (store, head, anchor.head.count, anchor.head.hash, FALSE, what, error);
}

gboolean
sot_store_verify_anchor (SotStore      *store,
                         const char    *expect_code,
                         SotAuditHead  *head,
                         GError       **error)
{
  const char *path;
  char prefix[CODE_HEX + 1];
  gint64 expect_count = 0;
  gboolean ok;
  int lock_fd = -1;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (head != NULL, FALSE);

  if (expect_code != NULL && !parse_code (expect_code, &expect_count, prefix, error))
    return FALSE;

  path = sot_store_get_path (store);
  if (!g_str_equal (path, ":memory:"))
    lock_fd = lock_folder (path, LOCK_SH);

  ok = sot_store_audit_head (store, head, error) &&
       (expect_code == NULL ||
        compare_head (store, head, expect_count, prefix, TRUE, _("the code"), error)) &&
       (g_str_equal (path, ":memory:") || verify_anchor_file (store, head, error));

  unlock_folder (lock_fd);
  return ok;
}
