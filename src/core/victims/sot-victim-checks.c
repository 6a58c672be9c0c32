/* sot-victim-checks.c: what the victims' writers check before they write
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-time.h"
#include "sot-victim-checks.h"

gboolean
sot_victim_invalid (GError     **error,
                    const char  *message)
{
  return sot_set_invalid (error, "%s", message);
}

gboolean
sot_victim_check_optional_date (const char  *text,
                                GError     **error)
{
  GDate date;
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  if (!sot_date_parse (text, &date, &local_error))
    return sot_victim_invalid (error, local_error->message);

  return TRUE;
}

gboolean
sot_victim_parse_required_date (const char  *text,
                                const char  *what,
                                GDate       *date,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || *text == '\0')
    return sot_set_invalid (error, _("%s is required"), what);

  if (!sot_date_parse (text, date, &local_error))
    return sot_victim_invalid (error, local_error->message);

  return TRUE;
}

gboolean
sot_victim_check_required_date (const char  *text,
                                const char  *what,
                                GError     **error)
{
  GDate date;

  return sot_victim_parse_required_date (text, what, &date, error);
}

gboolean
sot_victim_lookup (SotStore  *store,
                   gint64     victim_id,
                   gint64    *investigation_id,
                   char     **victim_uuid,
                   char     **investigation_uuid,
                   GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sot_store_prepare (store,
                            "SELECT v.investigation_id, v.uuid, i.uuid FROM victim v "
                            "JOIN investigation i ON i.id = v.investigation_id WHERE v.id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, victim_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (investigation_id != NULL)
        *investigation_id = sqlite3_column_int64 (stmt, 0);
      if (victim_uuid != NULL)
        *victim_uuid = sot_store_column_dup (stmt, 1);
      if (investigation_uuid != NULL)
        *investigation_uuid = sot_store_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                 _("There is no victim %lld"), (long long) victim_id);

  return found;
}

gint64
sot_victim_first (SotStore  *store,
                  gint64     investigation_id,
                  GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = sot_store_prepare (store,
                            "SELECT id FROM victim WHERE investigation_id = ?1 ORDER BY id LIMIT 1",
                            error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, investigation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

gboolean
sot_victim_check_suspect (SotStore  *store,
                          gint64     investigation_id,
                          gint64     suspect_id,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 owner = 0;

  stmt = sot_store_prepare (store, "SELECT investigation_id FROM suspect WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, suspect_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    owner = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (owner != investigation_id)
    return sot_victim_invalid (error, _("The suspect is not a suspect of this investigation"));

  return TRUE;
}
