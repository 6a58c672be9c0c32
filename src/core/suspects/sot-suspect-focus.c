/* sot-suspect-focus.c: the suspect-focus indicator over the active lines of enquiry
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-suspect-focus"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-suspect-focus.h"
#include "sot-time.h"

static void
store_today (SotStore *store,
             GDate    *today)
{
  g_autoptr(GDateTime) now = sot_store_now (store);

  sot_date_from_time (now, today);
}

#define FOCUS_SELECT \
  "count(*), " \
  "count(*) FILTER (WHERE l.focus = 'suspect'), " \
  "count(*) FILTER (WHERE l.focus = 'victim'), " \
  "count(*) FILTER (WHERE l.focus = 'context'), " \
  "count(*) FILTER (WHERE l.due_on < ?1) "
#define FOCUS_ACTIVE "l.status NOT IN ('reviewed', 'not-pursued')"

static void
focus_from_row (sqlite3_stmt    *stmt,
                int              first,
                SotSuspectFocus *out)
{
  out->n_active = sqlite3_column_int (stmt, first);
  out->n_suspect = sqlite3_column_int (stmt, first + 1);
  out->n_victim = sqlite3_column_int (stmt, first + 2);
  out->n_context = sqlite3_column_int (stmt, first + 3);
  out->n_overdue = sqlite3_column_int (stmt, first + 4);

  if (out->n_suspect + out->n_victim == 0)
    out->suspect_share = -1;
  else
    out->suspect_share = (double) out->n_suspect / (out->n_suspect + out->n_victim);
}

static char *
today_text (SotStore    *store,
            const GDate *today)
{
  GDate day;

  if (today == NULL)
    {
      store_today (store, &day);
      today = &day;
    }

  return sot_date_format (today);
}

gboolean
sot_suspect_focus_compute (SotStore         *store,
                           gint64            investigation_id,
                           const GDate      *today,
                           SotSuspectFocus  *out,
                           GError          **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  day = today_text (store, today);

  stmt = sot_store_prepare (store,
                            "SELECT " FOCUS_SELECT " FROM line_of_enquiry l "
                            "WHERE l.investigation_id = ?2 AND " FOCUS_ACTIVE,
                            error);
  if (stmt == NULL)
    return FALSE;

  sot_store_bind_text (stmt, 1, day);
  sqlite3_bind_int64 (stmt, 2, investigation_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    focus_from_row (stmt, 0, out);
  else
    sot_store_set_sqlite_error (store, error, _("Cannot compute the suspect focus"));

  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
sot_suspect_focus_for_all (SotStore     *store,
                           const GDate  *today,
                           GHashTable  **uuid_to_indicator,
                           GError      **error)
{
  g_autoptr(GHashTable) table = NULL;
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (uuid_to_indicator != NULL, FALSE);

  day = today_text (store, today);
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Grouped by the integer key first (the index order), joined to the UUID after. */
  stmt = sot_store_prepare (store,
                            "SELECT i.uuid, f.* FROM (SELECT l.investigation_id AS iid, "
                            FOCUS_SELECT " FROM line_of_enquiry l WHERE " FOCUS_ACTIVE
                            " GROUP BY l.investigation_id) f "
                            "JOIN investigation i ON i.id = f.iid",
                            error);
  if (stmt == NULL)
    return FALSE;

  sot_store_bind_text (stmt, 1, day);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SotSuspectFocus *focus = g_new0 (SotSuspectFocus, 1);

      focus_from_row (stmt, 2, focus);
      g_hash_table_insert (table, g_strdup (sot_store_column_text (stmt, 0)), focus);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot compute the suspect focus"));
      return FALSE;
    }

  *uuid_to_indicator = g_steal_pointer (&table);
  return TRUE;
}

double
sot_suspect_focus_sort_key (const SotSuspectFocus *focus)
{
  return focus != NULL ? focus->suspect_share : -1;
}

char *
sot_suspect_focus_describe (const SotSuspectFocus *focus)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (focus != NULL, NULL);

  if (focus->n_active == 0)
    return g_strdup (_("No active lines of enquiry"));

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u active line on the suspect, %u on the victim",
                                       "%u of %u active lines on the suspect, %u on the victim",
                                       focus->n_active),
                          focus->n_suspect, focus->n_active, focus->n_victim);

  if (focus->n_overdue > 0)
    {
      g_string_append (text, "; ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                           focus->n_overdue),
                              focus->n_overdue);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
