/* sot-store-audit.c: the hash-chained audit log (DPA 2018 s.62), written and walked
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-store-private.h"

static void
append_decimal (GString *s,
                guint64  value)
{
  char buf[24];
  int i = sizeof buf;

  do
    {
      buf[--i] = '0' + (value % 10);
      value /= 10;
    }
  while (value != 0);

  g_string_append_len (s, buf + i, sizeof buf - i);
}

/* The hashed content of a row: each field length-prefixed, so no two rows serialise alike. */
static char *
audit_row_hash (gint64      id,
                const char *ts_utc,
                const char *operator_name,
                const char *action,
                const char *entity_type,
                const char *entity_uuid,
                const char *reason,
                const char *recipient,
                const char *program_version,
                const char *prev_hash)
{
  const char *fields[] = {
    ts_utc, operator_name, action, entity_type, entity_uuid, reason, recipient,
    program_version, prev_hash,
  };
  g_autoptr(GString) content = g_string_sized_new (512);

  /* Written out by hand rather than with printf: this runs for every record written. */
  append_decimal (content, (guint64) id);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i] == NULL)
        g_string_append_len (content, "|-", 2);
      else
        {
          gsize len = strlen (fields[i]);

          g_string_append_c (content, '|');
          append_decimal (content, len);
          g_string_append_c (content, ':');
          g_string_append_len (content, fields[i], len);
        }
    }

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, content->str, content->len);
}

gboolean
sot_store_audit (SotStore    *self,
                 const char  *action,
                 const char  *entity_type,
                 const char  *entity_uuid,
                 const char  *reason,
                 const char  *recipient,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *ts = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 id = 1;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (entity_type != NULL, FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->audit_last_hash != NULL)
    {
      id = self->audit_last_id + 1;
      prev_hash = g_strdup (self->audit_last_hash);
    }
  else
    {
      stmt = sot_store_prepare (self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                                error);
      if (stmt == NULL)
        return FALSE;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (stmt, 0) + 1;
          prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      else if (rc == SQLITE_DONE)
        prev_hash = g_strdup (GENESIS_HASH);
      else
        {
          sot_store_set_sqlite_error (self, error, _("Cannot read the audit log"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  /* An audit row says when the operator really acted, whatever the training clock shows. */
  now = sot_store_real_now (self);
  ts = sot_store_format_time (now);
  hash = audit_row_hash (id, ts, self->operator_name, action, entity_type, entity_uuid,
                         reason, recipient, PACKAGE_VERSION, prev_hash);

  stmt = sot_store_prepare (self,
                            "INSERT INTO audit_log (id, ts_utc, operator, action, entity_type, "
                            "entity_uuid, reason, recipient, program_version, prev_hash, hash) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, ts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->operator_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entity_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, entity_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, recipient, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, PACKAGE_VERSION, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, hash, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (self, error, _("Cannot write the audit log"));
      return FALSE;
    }

  if (self->audit_start_hash == NULL)
    {
      self->audit_start_id = id - 1;
      self->audit_start_hash = g_strdup (prev_hash);
    }

  self->audit_last_id = id;
  g_free (self->audit_last_hash);
  self->audit_last_hash = g_steal_pointer (&hash);

  return TRUE;
}

gboolean
sot_store_record_consult (SotStore    *self,
                          const char  *entity_type,
                          const char  *entity_uuid,
                          const char  *reason,
                          GError     **error)
{
  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);

  if (!sot_store_begin (self, error))
    return FALSE;

  if (!sot_store_audit (self, SOT_AUDIT_CONSULT, entity_type, entity_uuid, reason, NULL, error))
    {
      sot_store_rollback (self);
      return FALSE;
    }

  return sot_store_commit (self, error);
}

gboolean
sot_store_verify_audit (SotStore  *self,
                        gint64    *n_records,
                        gint64    *first_broken,
                        GError   **error)
{
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  sqlite3_stmt *stmt = NULL;
  gint64 expected_id = 1;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);

  if (first_broken != NULL)
    *first_broken = 0;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, ts_utc, operator, action, entity_type, entity_uuid, reason, "
                          "recipient, program_version, prev_hash, hash FROM audit_log ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sot_store_set_sqlite_error (self, error, _("Cannot read the audit log"));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *hash = NULL;
      const char *problem = NULL;

      hash = audit_row_hash (id, sot_store_column_text (stmt, 1), sot_store_column_text (stmt, 2),
                             sot_store_column_text (stmt, 3), sot_store_column_text (stmt, 4),
                             sot_store_column_text (stmt, 5), sot_store_column_text (stmt, 6),
                             sot_store_column_text (stmt, 7), sot_store_column_text (stmt, 8),
                             sot_store_column_text (stmt, 9));

      /* Order matters: a removed row shows first as a gap, an inserted one as a broken link. */
      if (id != expected_id)
        problem = _("a record is missing before it");
      else if (g_strcmp0 (sot_store_column_text (stmt, 9), expected_prev) != 0)
        problem = _("it does not follow from the record before it");
      else if (g_strcmp0 (sot_store_column_text (stmt, 10), hash) != 0)
        problem = _("its content was changed after it was written");

      if (problem != NULL)
        {
          if (first_broken != NULL)
            *first_broken = id;
          g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID,
                       _("audit chain broken at record %lld: %s"), (long long) id, problem);
          sqlite3_finalize (stmt);
          return FALSE;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (sot_store_column_text (stmt, 10));
      expected_id = id + 1;
      count++;
    }

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (self, error, _("Cannot read the audit log"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);

  if (n_records != NULL)
    *n_records = count;

  return TRUE;
}

gboolean
sot_store_read_audit_head (SotStore  *self,
                           gint64    *id,
                           char     **hash,
                           GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sot_store_prepare (self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *hash = sot_store_column_dup (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    {
      *id = 0;
      *hash = g_strdup (GENESIS_HASH);
    }
  else
    sot_store_set_sqlite_error (self, error, _("Cannot read the audit log"));

  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

char *
sot_store_audit_hash_at (SotStore  *self,
                         gint64     id,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  char *hash = NULL;
  int rc;

  if (id == 0)
    return g_strdup (GENESIS_HASH);

  stmt = sot_store_prepare (self, "SELECT hash FROM audit_log WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    hash = sot_store_column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    sot_store_set_sqlite_error (self, error, _("Cannot read the audit log"));

  sqlite3_reset (stmt);
  return hash;
}
