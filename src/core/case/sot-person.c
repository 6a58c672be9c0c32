/* sot-person.c: victims, suspects and witnesses, their facts apart from their identifiers
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-person.h"

const char *
sot_role_entity_type (SotRole role)
{
  switch (role)
    {
    case SOT_ROLE_VICTIM:
      return "victim";
    case SOT_ROLE_SUSPECT:
      return "suspect";
    case SOT_ROLE_WITNESS:
      return "witness";
    default:
      g_return_val_if_reached ("victim");
    }
}

static void
bind_age (sqlite3_stmt *stmt,
          int           col,
          int           age)
{
  if (age < 0)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_int (stmt, col, age);
}

/* What a failed write says; the workspace's own message follows. */
static const char save_failed[] = N_("Cannot save the person");

static gboolean
new_suspect_person (SotStore    *store,
                    const char  *wanted_uuid,
                    gint64      *out_id,
                    GError     **error)
{
  g_autofree char *uuid = wanted_uuid ? g_strdup (wanted_uuid) : sot_store_make_uuid (store);
  sqlite3_stmt *stmt;

  stmt = sot_store_prepare (store, "INSERT INTO suspect_person (uuid) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
  return TRUE;
}

static gboolean
insert_facts (SotStore               *store,
              SotRole                 role,
              gint64                  investigation_id,
              const SotPersonDetails *details,
              const char             *uuid,
              gint64                 *out_id,
              GError                **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 person_id = details->suspect_person_id;

  switch (role)
    {
    case SOT_ROLE_VICTIM:
      stmt = sot_store_prepare (store,
                                "INSERT INTO victim (uuid, investigation_id, sex, age_at_offence, "
                                "ethnicity) VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
      break;

    case SOT_ROLE_SUSPECT:
      if (person_id == 0 && !new_suspect_person (store, details->suspect_person_uuid, &person_id, error))
        return FALSE;

      stmt = sot_store_prepare (store,
                                "INSERT INTO suspect (uuid, investigation_id, sex, age_at_offence, "
                                "ethnicity, relationship, suspect_person_id) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, 'unknown'), ?7)",
                                error);
      break;

    case SOT_ROLE_WITNESS:
      stmt = sot_store_prepare (store,
                                "INSERT INTO witness (uuid, investigation_id, kind) "
                                "VALUES (?1, ?2, coalesce (?3, 'other'))",
                                error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);

  if (role == SOT_ROLE_WITNESS)
    sot_store_bind_text (stmt, 3, details->witness_kind);
  else
    {
      sot_store_bind_text (stmt, 3, details->sex);
      bind_age (stmt, 4, details->age_at_offence);
      sot_store_bind_text (stmt, 5, details->ethnicity);
    }

  if (role == SOT_ROLE_SUSPECT)
    {
      sot_store_bind_text (stmt, 6, details->relationship);
      sqlite3_bind_int64 (stmt, 7, person_id);
    }

  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
  return TRUE;
}

static gboolean
insert_identity (SotStore               *store,
                 SotRole                 role,
                 gint64                  person_row,
                 const SotPersonDetails *details,
                 GError                **error)
{
  sqlite3_stmt *stmt;

  if (role == SOT_ROLE_SUSPECT)
    stmt = sot_store_prepare (store,
                              "INSERT INTO suspect_identity (suspect_id, given_name, family_name, "
                              "date_of_birth, address, phone, account, local_person_id) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  else if (role == SOT_ROLE_VICTIM)
    stmt = sot_store_prepare (store,
                              "INSERT INTO victim_identity (victim_id, given_name, family_name, "
                              "date_of_birth, address, phone, account) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  else
    stmt = sot_store_prepare (store,
                              "INSERT INTO witness_identity (witness_id, given_name, family_name, "
                              "date_of_birth, address, phone, account) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_row);
  sot_store_bind_text (stmt, 2, details->given_name);
  sot_store_bind_text (stmt, 3, details->family_name);
  sot_store_bind_text (stmt, 4, details->date_of_birth);
  sot_store_bind_text (stmt, 5, details->address);
  sot_store_bind_text (stmt, 6, details->phone);
  sot_store_bind_text (stmt, 7, details->account);
  if (role == SOT_ROLE_SUSPECT)
    sot_store_bind_text (stmt, 8, details->local_person_id);

  return sot_store_step_done (store, stmt, _(save_failed), error);
}

gboolean
sot_person_add (SotStore               *store,
                SotRole                 role,
                gint64                  investigation_id,
                const SotPersonDetails *details,
                gint64                 *out_id,
                GError                **error)
{
  g_autofree char *uuid = NULL;
  gint64 row = 0;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);
  g_return_val_if_fail (investigation_id > 0, FALSE);

  uuid = details->uuid ? g_strdup (details->uuid) : sot_store_make_uuid (store);

  if (!sot_store_begin (store, error))
    return FALSE;

  if (!insert_facts (store, role, investigation_id, details, uuid, &row, error) ||
      !insert_identity (store, role, row, details, error) ||
      !sot_store_audit_change (store, SOT_AUDIT_COLLECT, sot_role_entity_type (role), uuid,
                               NULL, error))
    {
      sot_store_rollback (store);
      return FALSE;
    }

  if (!sot_store_commit (store, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = row;

  return TRUE;
}

gint64
sot_person_count_repeat_suspects (SotStore  *store,
                                  GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (SOT_IS_STORE (store), -1);

  stmt = sot_store_prepare (store,
                            "SELECT count(*) FROM (SELECT suspect_person_id FROM suspect "
                            "WHERE suspect_person_id IS NOT NULL GROUP BY suspect_person_id "
                            "HAVING count(DISTINCT investigation_id) > 1)",
                            error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    sot_store_set_sqlite_error (store, error, _("Cannot count repeat suspects"));

  sqlite3_reset (stmt);
  return count;
}
