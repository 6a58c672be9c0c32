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
      return SOT_ENTITY_VICTIM;
    case SOT_ROLE_SUSPECT:
      return SOT_ENTITY_SUSPECT;
    case SOT_ROLE_WITNESS:
      return SOT_ENTITY_WITNESS;
    default:
      g_return_val_if_reached (SOT_ENTITY_VICTIM);
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

static const char *
facts_sql (SotRole role)
{
  switch (role)
    {
    case SOT_ROLE_VICTIM:
      return "INSERT INTO victim (uuid, investigation_id, sex, age_at_offence, ethnicity) "
             "VALUES (?1, ?2, ?3, ?4, ?5)";
    case SOT_ROLE_SUSPECT:
      return "INSERT INTO suspect (uuid, investigation_id, sex, age_at_offence, ethnicity, "
             "relationship, suspect_person_id) "
             "VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, 'unknown'), ?7)";
    case SOT_ROLE_WITNESS:
      return "INSERT INTO witness (uuid, investigation_id, kind) "
             "VALUES (?1, ?2, coalesce (?3, 'other'))";
    default:
      g_assert_not_reached ();
    }
}

static const char *
identity_sql (SotRole role)
{
  switch (role)
    {
    case SOT_ROLE_SUSPECT:
      return "INSERT INTO suspect_identity (suspect_id, given_name, family_name, "
             "date_of_birth, address, phone, account, local_person_id) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    case SOT_ROLE_VICTIM:
      return "INSERT INTO victim_identity (victim_id, given_name, family_name, "
             "date_of_birth, address, phone, account) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    case SOT_ROLE_WITNESS:
      return "INSERT INTO witness_identity (witness_id, given_name, family_name, "
             "date_of_birth, address, phone, account) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    default:
      g_assert_not_reached ();
    }
}

static void
bind_facts (sqlite3_stmt           *stmt,
            SotRole                 role,
            gint64                  investigation_id,
            const SotPersonDetails *details,
            const char             *uuid,
            gint64                  person_id)
{
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
}

static void
bind_identity (sqlite3_stmt           *stmt,
               SotRole                 role,
               gint64                  person_row,
               const SotPersonDetails *details)
{
  sqlite3_bind_int64 (stmt, 1, person_row);
  sot_store_bind_text (stmt, 2, details->given_name);
  sot_store_bind_text (stmt, 3, details->family_name);
  sot_store_bind_text (stmt, 4, details->date_of_birth);
  sot_store_bind_text (stmt, 5, details->address);
  sot_store_bind_text (stmt, 6, details->phone);
  sot_store_bind_text (stmt, 7, details->account);
  if (role == SOT_ROLE_SUSPECT)
    sot_store_bind_text (stmt, 8, details->local_person_id);
}

/* Begins the write with the row of the person's facts, bound; a suspect seen for the first
 * time gets the cross-case person row before it. */
static sqlite3_stmt *
begin_facts (SotStore               *store,
             SotRole                 role,
             gint64                  investigation_id,
             const SotPersonDetails *details,
             const char             *uuid,
             GError                **error)
{
  gint64 person_id = details->suspect_person_id;
  g_autofree char *person_uuid = NULL;
  sqlite3_stmt *stmt;

  if (role != SOT_ROLE_SUSPECT || person_id != 0)
    {
      stmt = sot_store_write_begin (store, facts_sql (role), error);
      if (stmt != NULL)
        bind_facts (stmt, role, investigation_id, details, uuid, person_id);
      return stmt;
    }

  person_uuid = details->suspect_person_uuid ? g_strdup (details->suspect_person_uuid)
                                             : sot_store_make_uuid (store);
  stmt = sot_store_write_begin (store, "INSERT INTO suspect_person (uuid) VALUES (?1)", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, person_uuid, -1, SQLITE_TRANSIENT);
  stmt = sot_store_write_next (store, stmt, facts_sql (role), _(save_failed), error);
  if (stmt != NULL)
    bind_facts (stmt, role, investigation_id, details, uuid, sot_store_last_insert_id (store));
  return stmt;
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
  sqlite3_stmt *stmt;
  SotChange change;
  gint64 row;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);
  g_return_val_if_fail (investigation_id > 0, FALSE);

  uuid = details->uuid ? g_strdup (details->uuid) : sot_store_make_uuid (store);

  stmt = begin_facts (store, role, investigation_id, details, uuid, error);
  if (stmt == NULL)
    return FALSE;

  stmt = sot_store_write_next (store, stmt, identity_sql (role), _(save_failed), error);
  if (stmt == NULL)
    return FALSE;

  row = sot_store_last_insert_id (store);
  bind_identity (stmt, role, row, details);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = sot_role_entity_type (role),
    .entity_uuid = uuid,
  };
  if (!sot_store_write_end (store, stmt, &change, _(save_failed), error))
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
