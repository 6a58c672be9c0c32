/* sot-isva.c: the Independent Sexual Violence Advisers supporting victims
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-isva"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-isva.h"
#include "sot-record.h"
#include "sot-victim-checks.h"

/* What a failed write says; the workspace's own message follows. */
static const char save_failed[] = N_("Cannot save the victim’s record");

struct _SotIsva
{
  GObject parent_instance;

  char           *uuid;
  gint64          victim_id;
  char           *service;
  char           *name;
  gboolean        consent_to_share;
  char           *consent_on;
  char           *referred_on;
  char           *ended_on;
};

static const SotRecordField isva_fields[] = {
  SOT_RECORD_FIELD (SotIsva, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotIsva, victim_id, "victim-id", SOT_FIELD_INT64),
  SOT_RECORD_FIELD (SotIsva, service, "service", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotIsva, name, "name", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotIsva, consent_to_share, "consent-to-share", SOT_FIELD_BOOLEAN),
  SOT_RECORD_FIELD (SotIsva, consent_on, "consent-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotIsva, referred_on, "referred-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotIsva, ended_on, "ended-on", SOT_FIELD_STRING),
};

SOT_DEFINE_RECORD_TYPE (SotIsva, sot_isva, isva_fields)

static gboolean
check_isva (const SotIsvaDetails  *details,
            GError               **error)
{
  if (details->service == NULL || *details->service == '\0')
    return sot_victim_invalid (error, _("Name the ISVA service"));

  if (!sot_victim_check_optional_date (details->consent_on, error) ||
      !sot_victim_check_optional_date (details->referred_on, error) ||
      !sot_victim_check_optional_date (details->ended_on, error))
    return FALSE;

  if (details->referred_on != NULL && details->ended_on != NULL &&
      *details->referred_on != '\0' && *details->ended_on != '\0' &&
      strcmp (details->ended_on, details->referred_on) < 0)
    return sot_victim_invalid (error, _("The ISVA’s support cannot end before the referral"));

  return TRUE;
}

static void
bind_isva (sqlite3_stmt         *stmt,
           const SotIsvaDetails *details)
{
  sot_store_bind_text (stmt, 3, details->service);
  sot_store_bind_text (stmt, 4, details->name);
  sqlite3_bind_int (stmt, 5, details->consent_to_share ? 1 : 0);
  sot_store_bind_text (stmt, 6, details->consent_on);
  sot_store_bind_text (stmt, 7, details->referred_on);
  sot_store_bind_text (stmt, 8, details->ended_on);
}

/* Refuses a change to an ISVA record that is not there, inside the write's transaction. */
static gboolean
isva_exists (SotStore    *store,
             const char  *uuid,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = sot_store_prepare (store, "SELECT 1 FROM isva WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                 _("There is no ISVA record %s"), uuid);

  return found;
}

gboolean
sot_isva_add (SotStore             *store,
              gint64                victim_id,
              const SotIsvaDetails *details,
              GError              **error)
{
  g_autofree char *random_uuid = NULL;
  gint64 investigation_id = 0;
  const char *uuid;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if (!check_isva (details, error))
    return FALSE;
  if (!sot_victim_lookup (store, victim_id, &investigation_id, NULL, NULL, error))
    return FALSE;

  uuid = details->uuid != NULL ? details->uuid : (random_uuid = sot_store_make_uuid (store));

  stmt = sot_store_write_begin (store,
                                "INSERT INTO isva (uuid, investigation_id, service, name, "
                                "consent_to_share, consent_on, referred_on, ended_on, victim_id) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  bind_isva (stmt, details);
  sqlite3_bind_int64 (stmt, 9, victim_id);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_ISVA,
    .entity_uuid = uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gboolean
sot_isva_update (SotStore             *store,
                 const SotIsvaDetails *details,
                 GError              **error)
{
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL && details->uuid != NULL, FALSE);

  if (!check_isva (details, error))
    return FALSE;

  stmt = sot_store_write_begin (store,
                                "UPDATE isva SET service = ?3, name = ?4, consent_to_share = ?5, "
                                "consent_on = ?6, referred_on = ?7, ended_on = ?8 WHERE uuid = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (!isva_exists (store, details->uuid, error))
    {
      sot_store_write_abort (store);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, details->uuid, -1, SQLITE_TRANSIENT);
  bind_isva (stmt, details);

  change = (SotChange) {
    .action = SOT_AUDIT_ALTER,
    .entity_type = SOT_ENTITY_ISVA,
    .entity_uuid = details->uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

static gpointer
isva_from_row (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  SotIsva *isva = g_object_new (SOT_TYPE_ISVA, NULL);

  sot_record_fill (isva, isva_fields, G_N_ELEMENTS (isva_fields), stmt);

  return isva;
}

GListModel *
sot_isva_list (SotStore  *store,
               gint64     investigation_id,
               GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT uuid, victim_id, service, name, consent_to_share, "
                               "consent_on, referred_on, ended_on FROM isva "
                               "WHERE investigation_id = ?1 "
                               "ORDER BY coalesce (referred_on, ''), id",
                               investigation_id, SOT_TYPE_ISVA, isva_from_row, NULL,
                               _("Cannot read the ISVAs"), error);
}

const char *
sot_isva_get_uuid (SotIsva *self)
{
  g_return_val_if_fail (SOT_IS_ISVA (self), NULL);

  return self->uuid;
}

gint64
sot_isva_get_victim_id (SotIsva *self)
{
  g_return_val_if_fail (SOT_IS_ISVA (self), 0);

  return self->victim_id;
}

const char *
sot_isva_get_service (SotIsva *self)
{
  g_return_val_if_fail (SOT_IS_ISVA (self), NULL);

  return self->service;
}

const char *
sot_isva_get_name (SotIsva *self)
{
  g_return_val_if_fail (SOT_IS_ISVA (self), NULL);

  return self->name;
}

gboolean
sot_isva_get_consent_to_share (SotIsva *self)
{
  g_return_val_if_fail (SOT_IS_ISVA (self), FALSE);

  return self->consent_to_share;
}

const char *
sot_isva_get_consent_on (SotIsva *self)
{
  g_return_val_if_fail (SOT_IS_ISVA (self), NULL);

  return self->consent_on;
}

const char *
sot_isva_get_referred_on (SotIsva *self)
{
  g_return_val_if_fail (SOT_IS_ISVA (self), NULL);

  return self->referred_on;
}

const char *
sot_isva_get_ended_on (SotIsva *self)
{
  g_return_val_if_fail (SOT_IS_ISVA (self), NULL);

  return self->ended_on;
}
