/* sot-pseudonym.c: keyed HMAC-SHA-256 pseudonyms of record UUIDs, and their keys
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-pseudonym"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sot-pseudonym.h"
#include "sot-time.h"

#define KEY_GROUP "Pseudonym key"

struct _SotPseudonymiser
{
  SotPseudonymKeyMode  mode;
  GHmac               *base;      /* keyed, never updated: copied for each pseudonym */
  gboolean             key_created;
  GString             *message;
};

G_DEFINE_QUARK (sot-pseudonym-error-quark, sot_pseudonym_error)

const char *
sot_pseudonym_key_mode_to_string (SotPseudonymKeyMode mode)
{
  return mode == SOT_PSEUDONYM_KEY_FRESH ? "fresh" : "stable";
}

gboolean
sot_pseudonym_key_mode_from_string (const char          *text,
                                    SotPseudonymKeyMode *mode)
{
  if (g_strcmp0 (text, "stable") == 0)
    *mode = SOT_PSEUDONYM_KEY_STABLE;
  else if (g_strcmp0 (text, "fresh") == 0)
    *mode = SOT_PSEUDONYM_KEY_FRESH;
  else
    return FALSE;

  return TRUE;
}

char *
sot_pseudonym_key_dir (const char *db_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  base = g_path_get_basename (db_path);
  name = g_strconcat (base, ".keys", NULL);

  return g_build_filename (dir, name, NULL);
}

/* The form of a recipient's name that decides which key is theirs: trimmed, normalised and
 * case-folded, so "Univ. of Example " and "univ. of example" share one key. */
static char *
recipient_identity (const char *recipient)
{
  g_autofree char *stripped = g_strstrip (g_strdup (recipient));
  g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL_COMPOSE);

  if (normal == NULL)
    return NULL;

  return g_utf8_casefold (normal, -1);
}

char *
sot_pseudonym_key_path (const char *db_path,
                        const char *recipient)
{
  g_autofree char *dir = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (recipient != NULL, NULL);

  identity = recipient_identity (recipient);
  if (identity == NULL)
    return NULL;

  dir = sot_pseudonym_key_dir (db_path);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, identity, -1);
  name = g_strdup_printf ("%.32s.key", hash);

  return g_build_filename (dir, name, NULL);
}

static gboolean
random_key (guint8   *key,
            GError  **error)
{
  int fd = g_open ("/dev/urandom", O_RDONLY | O_CLOEXEC, 0);
  gsize done = 0;

  if (fd < 0)
    {
      /* No /dev/urandom (not a Linux system as we know it): GLib's generator, seeded from
       * the system's, is the fallback the design allows. */
      for (gsize i = 0; i < SOT_PSEUDONYM_KEY_BYTES; i += 4)
        {
          guint32 r = g_random_int ();

          memcpy (key + i, &r, MIN (4, SOT_PSEUDONYM_KEY_BYTES - i));
        }
      return TRUE;
    }

  while (done < SOT_PSEUDONYM_KEY_BYTES)
    {
      gssize n = read (fd, key + done, SOT_PSEUDONYM_KEY_BYTES - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_FAILED,
                       _("Cannot read random bytes for a pseudonym key: %s"),
                       n == 0 ? _("end of file") : g_strerror (saved_errno));
          return FALSE;
        }
      done += n;
    }

  close (fd);
  return TRUE;
}

static gboolean
ensure_key_dir (const char  *dir,
                GError     **error)
{
  GStatBuf st;

  if (g_mkdir (dir, 0700) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_FAILED,
                   _("Cannot create the pseudonym key folder %s: %s"), dir,
                   g_strerror (saved_errno));
      return FALSE;
    }

  if (g_lstat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_INVALID,
                   _("%s should be the folder of the pseudonym keys, but is not a folder"), dir);
      return FALSE;
    }

  /* The folder holds secrets: nobody else may list or enter it. */
  if ((st.st_mode & 0777) != 0700 && g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_FAILED,
                   _("Cannot make the pseudonym key folder %s private: %s"), dir,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_key (const char  *path,
          const char  *identity,
          guint8      *key,
          GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *stored_recipient = NULL;
  g_autofree char *stored_identity = NULL;
  g_autofree char *encoded = NULL;
  g_autofree guint8 *decoded = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length = 0;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_INVALID,
                   _("The pseudonym key %s is not a regular file"), path);
      return FALSE;
    }

  if ((st.st_mode & 0077) != 0)
    {
      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_INVALID,
                   _("The pseudonym key %s can be read by other users (mode %o): it is not "
                     "used. Make it private (chmod 600) if it was never shared, or remove it "
                     "to start a new key for this recipient."),
                   path, (unsigned) (st.st_mode & 0777));
      return FALSE;
    }

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error) ||
      !(stored_recipient = g_key_file_get_string (file, KEY_GROUP, "Recipient", &local_error)) ||
      !(encoded = g_key_file_get_string (file, KEY_GROUP, "Key", &local_error)))
    {
      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_INVALID,
                   _("The pseudonym key %s cannot be read: %s"), path, local_error->message);
      return FALSE;
    }

  stored_identity = recipient_identity (stored_recipient);
  if (g_strcmp0 (stored_identity, identity) != 0)
    {
      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_INVALID,
                   _("The pseudonym key %s belongs to another recipient"), path);
      return FALSE;
    }

  decoded = g_base64_decode (encoded, &length);
  if (length != SOT_PSEUDONYM_KEY_BYTES)
    {
      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_INVALID,
                   _("The pseudonym key %s is malformed"), path);
      return FALSE;
    }

  memcpy (key, decoded, SOT_PSEUDONYM_KEY_BYTES);
  return TRUE;
}

/* Writes a new key into a private temporary file beside the final one, then links it into
 * place, so that two exports starting together cannot both create a key: the second one
 * finds the first one's file and uses it. */
static gboolean
create_key (const char  *dir,
            const char  *path,
            const char  *recipient,
            guint8      *key,
            gboolean    *created,
            GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *encoded = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *data = NULL;
  g_autofree char *tmp = g_build_filename (dir, ".new-key-XXXXXX", NULL);
  gsize length;
  int fd;

  *created = FALSE;

  if (!random_key (key, error))
    return FALSE;

  encoded = g_base64_encode (key, SOT_PSEUDONYM_KEY_BYTES);
  created_at = sot_time_format_utc (now);
  g_key_file_set_comment (file, NULL, NULL,
                          " Soteria Workbench pseudonym key. Never send this file to anyone:\n"
                          " whoever holds it can link the recipient's pseudonyms to records.",
                          NULL);
  g_key_file_set_string (file, KEY_GROUP, "Recipient", recipient);
  g_key_file_set_string (file, KEY_GROUP, "Created", created_at);
  g_key_file_set_string (file, KEY_GROUP, "Key", encoded);
  data = g_key_file_to_data (file, &length, NULL);

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_FAILED,
                   _("Cannot write a pseudonym key in %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (write (fd, data, length) != (gssize) length || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp);
      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_FAILED,
                   _("Cannot write a pseudonym key in %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (link (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      if (saved_errno == EEXIST)
        return TRUE;  /* someone else's new key: the caller loads it */

      g_set_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_FAILED,
                   _("Cannot write the pseudonym key %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  g_unlink (tmp);
  *created = TRUE;
  return TRUE;
}

static SotPseudonymiser *
pseudonymiser_new (SotPseudonymKeyMode  mode,
                   const guint8        *key,
                   gsize                key_length)
{
  SotPseudonymiser *self = g_new0 (SotPseudonymiser, 1);

  self->mode = mode;
  self->base = g_hmac_new (G_CHECKSUM_SHA256, key, key_length);
  self->message = g_string_sized_new (64);

  return self;
}

SotPseudonymiser *
sot_pseudonymiser_new (const char          *db_path,
                       SotPseudonymKeyMode  mode,
                       const char          *recipient,
                       GError             **error)
{
  guint8 key[SOT_PSEUDONYM_KEY_BYTES];
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *name = NULL;
  gboolean created = FALSE;
  SotPseudonymiser *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (mode == SOT_PSEUDONYM_KEY_FRESH)
    {
      if (!random_key (key, error))
        return NULL;

      self = pseudonymiser_new (mode, key, sizeof key);
      memset (key, 0, sizeof key);
      return self;
    }

  g_return_val_if_fail (db_path != NULL, NULL);

  if (recipient == NULL || (identity = recipient_identity (recipient)) == NULL || *identity == '\0')
    {
      g_set_error_literal (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_INVALID,
                           _("A stable pseudonym key needs the recipient’s name"));
      return NULL;
    }

  if (g_str_equal (db_path, ":memory:"))
    {
      g_set_error_literal (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_NO_FILE,
                           _("A stable pseudonym key is kept beside the workspace file; an "
                             "in-memory workspace has none (use a fresh key)"));
      return NULL;
    }

  dir = sot_pseudonym_key_dir (db_path);
  path = sot_pseudonym_key_path (db_path, recipient);

  if (!ensure_key_dir (dir, error))
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
      !create_key (dir, path, (name = g_strstrip (g_strdup (recipient))), key, &created, error))
    return NULL;

  if (!created && !load_key (path, identity, key, error))
    return NULL;

  self = pseudonymiser_new (mode, key, sizeof key);
  self->key_created = created;
  memset (key, 0, sizeof key);

  return self;
}

SotPseudonymiser *
sot_pseudonymiser_new_with_key (const guint8 *key,
                                gsize         key_length)
{
  g_return_val_if_fail (key != NULL && key_length > 0, NULL);

  return pseudonymiser_new (SOT_PSEUDONYM_KEY_FRESH, key, key_length);
}

void
sot_pseudonymiser_free (SotPseudonymiser *self)
{
  if (self == NULL)
    return;

  g_hmac_unref (self->base);
  g_string_free (self->message, TRUE);
  g_free (self);
}

SotPseudonymKeyMode
sot_pseudonymiser_get_mode (SotPseudonymiser *self)
{
  g_return_val_if_fail (self != NULL, SOT_PSEUDONYM_KEY_FRESH);

  return self->mode;
}

gboolean
sot_pseudonymiser_get_key_created (SotPseudonymiser *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->key_created;
}

void
sot_pseudonymiser_compute (SotPseudonymiser *self,
                           const char       *domain,
                           const char       *uuid,
                           char             *out)
{
  static const char hex[] = "0123456789abcdef";
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  GHmac *hmac;

  g_return_if_fail (self != NULL);
  g_return_if_fail (domain != NULL && uuid != NULL && out != NULL);

  g_string_assign (self->message, domain);
  g_string_append_c (self->message, ':');
  g_string_append (self->message, uuid);

  /* The keyed state is computed once; each pseudonym starts from a copy of it. */
  hmac = g_hmac_copy (self->base);
  g_hmac_update (hmac, (const guchar *) self->message->str, self->message->len);
  g_hmac_get_digest (hmac, digest, &digest_length);
  g_hmac_unref (hmac);

  for (guint i = 0; i < SOT_PSEUDONYM_LENGTH / 2; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[SOT_PSEUDONYM_LENGTH] = '\0';
}

char *
sot_pseudonymiser_pseudonym (SotPseudonymiser *self,
                             const char       *domain,
                             const char       *uuid)
{
  char *out = g_malloc (SOT_PSEUDONYM_LENGTH + 1);

  sot_pseudonymiser_compute (self, domain, uuid, out);
  return out;
}
