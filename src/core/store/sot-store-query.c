/* sot-store-query.c: the store's helpers for reading rows and for reporting a value refused
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on the store's public API only (sot_store_prepare(), sot_store_set_sqlite_error()),
 * so they live apart from the connection, the transactions and the audit chain.
 */

#define G_LOG_DOMAIN "sot-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-store.h"

static gboolean
set_store_error (GError     **error,
                 SotStoreError code,
                 const char  *format,
                 va_list      args)
{
  g_autofree char *message = NULL;

  if (error == NULL)
    return FALSE;

  message = g_strdup_vprintf (format, args);
  g_set_error_literal (error, SOT_STORE_ERROR, code, message);
  return FALSE;
}

gboolean
sot_set_invalid (GError     **error,
                 const char  *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  set_store_error (error, SOT_STORE_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

gboolean
sot_set_not_found (GError     **error,
                   const char  *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  set_store_error (error, SOT_STORE_ERROR_NOT_FOUND, format, args);
  va_end (args);

  return FALSE;
}

gboolean
sot_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

gint64
sot_store_lookup_id (SotStore    *self,
                     const char  *sql,
                     const char  *key,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 value = 0;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (self), -1);
  g_return_val_if_fail (sql != NULL, -1);

  stmt = sot_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  sot_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (self, error, _("Cannot read the workspace"));
      value = -1;
    }

  sqlite3_reset (stmt);
  return value;
}

gboolean
sot_store_write_require (SotStore    *self,
                         const char  *sql,
                         const char  *key,
                         const char  *message,
                         GError     **error)
{
  gint64 found;

  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  found = sot_store_lookup_id (self, sql, key, error);
  if (found > 0)
    return TRUE;

  sot_store_write_abort (self);
  if (found == 0)
    g_set_error_literal (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND, message);

  return FALSE;
}

GPtrArray *
sot_store_read_list (SotStore        *self,
                     const char      *sql,
                     gint64           id,
                     SotRowFunc       row,
                     gpointer         user_data,
                     GDestroyNotify   free_func,
                     const char      *what,
                     GError         **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (self), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  stmt = sot_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func (free_func);
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, row (stmt, user_data));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (self, error, what);
      return NULL;
    }

  return g_steal_pointer (&list);
}

GListModel *
sot_store_read_model (SotStore    *self,
                      const char  *sql,
                      gint64       id,
                      GType        item_type,
                      SotRowFunc   row,
                      gpointer     user_data,
                      const char  *what,
                      GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GListStore *list;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  items = sot_store_read_list (self, sql, id, row, user_data, g_object_unref, what, error);
  if (items == NULL)
    return NULL;

  list = g_list_store_new (item_type);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (list);
}

gpointer
sot_store_read_one (SotStore    *self,
                    const char  *sql,
                    const char  *key,
                    SotRowFunc   row,
                    gpointer     user_data,
                    const char  *not_found,
                    const char  *what,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gpointer item = NULL;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL && row != NULL && not_found != NULL, NULL);

  stmt = sot_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sot_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = row (stmt, user_data);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND, not_found);
  else
    sot_store_set_sqlite_error (self, error, what);

  sqlite3_reset (stmt);
  return item;
}

gboolean
sot_store_step_done (SotStore      *self,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (self, error, what);
      return FALSE;
    }

  return TRUE;
}

gint64
sot_store_count (SotStore    *self,
                 const char  *table,
                 GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (SOT_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  /* The name must be a table of the schema before it goes into SQL text. */
  stmt = sot_store_prepare (self,
                            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                            error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID,
                   "Unknown table %s", table);
      return -1;
    }
  sqlite3_reset (stmt);

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  stmt = sot_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    sot_store_set_sqlite_error (self, error, _("Cannot count records"));

  sqlite3_reset (stmt);

  return count;
}

const char *
sot_store_column_text (sqlite3_stmt *stmt,
                       int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

char *
sot_store_column_dup (sqlite3_stmt *stmt,
                      int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

void
sot_store_bind_text (sqlite3_stmt *stmt,
                     int           col,
                     const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, value, -1, SQLITE_TRANSIENT);
}
