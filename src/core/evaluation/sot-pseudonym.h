/* sot-pseudonym.h: keyed HMAC-SHA-256 pseudonyms of record UUIDs, and their keys
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pseudonym is HMAC-SHA-256 (key, domain ":" uuid), where the domain names the kind of
 * record ("case", "suspect"), shown as the first 32 hexadecimal digits (128 bits) of the MAC.
 * Without the key, a pseudonym cannot be turned back into a UUID, nor two keys' pseudonyms
 * joined (ICO: the data remain personal data for whoever holds the key).
 *
 * Keys are 32 random bytes from /dev/urandom. They never leave the workstation:
 *
 * - stable, per recipient: kept beside the workspace in "<db dir>/<db basename>.keys/"
 *   (mode 0700), one file per recipient (mode 0600) named after a SHA-256 of the recipient's
 *   name, which is also stored inside. The same recipient gets the same pseudonyms in every
 *   export; two recipients' packages cannot be joined.
 * - fresh: a new key for one export, kept only in memory and forgotten afterwards.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SOT_PSEUDONYM_ERROR (sot_pseudonym_error_quark ())

typedef enum {
  SOT_PSEUDONYM_ERROR_FAILED,      /* the key folder or file could not be written or read */
  SOT_PSEUDONYM_ERROR_INVALID,     /* an empty recipient, a malformed or unsafe key file */
  SOT_PSEUDONYM_ERROR_NO_FILE,     /* a stable key needs a workspace file (not ":memory:") */
} SotPseudonymError;

typedef enum {
  SOT_PSEUDONYM_KEY_STABLE,   /* one kept key per recipient */
  SOT_PSEUDONYM_KEY_FRESH,    /* a new key for each export, never kept */
} SotPseudonymKeyMode;

/* Hexadecimal digits in a pseudonym. */
#define SOT_PSEUDONYM_LENGTH 32
#define SOT_PSEUDONYM_KEY_BYTES 32

typedef struct _SotPseudonymiser SotPseudonymiser;

GQuark        sot_pseudonym_error_quark       (void);

/* Returns: a stable id of @mode ("stable", "fresh"). */
const char   *sot_pseudonym_key_mode_to_string (SotPseudonymKeyMode mode);
/* Parses "stable" or "fresh". */
gboolean      sot_pseudonym_key_mode_from_string (const char          *text,
                                                  SotPseudonymKeyMode *mode);

/**
 * sot_pseudonym_key_dir:
 * Returns: (transfer full): the folder of the stable keys of the workspace at @db_path.
 */
char         *sot_pseudonym_key_dir            (const char          *db_path);

/**
 * sot_pseudonym_key_path:
 * Returns: (transfer full): the file of @recipient's stable key (it may not exist yet).
 */
char         *sot_pseudonym_key_path           (const char          *db_path,
                                                const char          *recipient);

/**
 * sot_pseudonymiser_new:
 * @db_path: the workspace file (for a stable key)
 * @recipient: who the export is for; required for a stable key
 *
 * With %SOT_PSEUDONYM_KEY_STABLE, loads @recipient's key, creating it (and the key folder)
 * the first time; with %SOT_PSEUDONYM_KEY_FRESH, makes a new key kept only in memory.
 * Returns: (transfer full): the pseudonymiser, or %NULL with @error set.
 */
SotPseudonymiser *sot_pseudonymiser_new        (const char          *db_path,
                                                SotPseudonymKeyMode  mode,
                                                const char          *recipient,
                                                GError             **error);

/* Returns: (transfer full): a pseudonymiser with a given @key (tests). */
SotPseudonymiser *sot_pseudonymiser_new_with_key (const guint8      *key,
                                                  gsize              key_length);

void          sot_pseudonymiser_free           (SotPseudonymiser    *self);

SotPseudonymKeyMode sot_pseudonymiser_get_mode (SotPseudonymiser    *self);

/* Whether the stable key was created by this call (its first export). */
gboolean      sot_pseudonymiser_get_key_created (SotPseudonymiser   *self);

/**
 * sot_pseudonymiser_compute:
 * @out: room for %SOT_PSEUDONYM_LENGTH digits and a nul
 *
 * Writes the pseudonym of @uuid in @domain into @out; not thread-safe (one per thread).
 */
void          sot_pseudonymiser_compute        (SotPseudonymiser    *self,
                                                const char          *domain,
                                                const char          *uuid,
                                                char                *out);

/* Returns: (transfer full): the pseudonym of @uuid in @domain. */
char         *sot_pseudonymiser_pseudonym      (SotPseudonymiser    *self,
                                                const char          *domain,
                                                const char          *uuid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotPseudonymiser, sot_pseudonymiser_free)

G_END_DECLS
