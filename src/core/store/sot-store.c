/* sot-store.c: the workspace database, its migrations and the single audited write path
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
#include <unistd.h>

#include "sot-store-private.h"
#include "sot-audit-anchor.h"

#define MIGRATIONS_PATH RESOURCE_BASE "/sql"
G_DEFINE_FINAL_TYPE (SotStore, sot_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_OPERATOR,
  PROP_TRAINING,
  N_PROPS
};

enum {
  CHANGED,
  CLOCK_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sot-store-error-quark, sot_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
pending_change_clear (gpointer data)
{
  PendingChange *change = data;

  g_free (change->entity_type);
  g_free (change->action);
  g_free (change->entity_uuid);
}

int
sot_store_map_sqlite_code (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
      return SOT_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return SOT_STORE_ERROR_DAMAGED;
    case SQLITE_FULL:
      return SOT_STORE_ERROR_DISK_FULL;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SOT_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      return SOT_STORE_ERROR_PERMISSION;
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        return SOT_STORE_ERROR_DUPLICATE;
      return SOT_STORE_ERROR_INVALID;
    default:
      return SOT_STORE_ERROR_FAILED;
    }
}

void
sot_store_set_sqlite_error (SotStore    *self,
                            GError     **error,
                            const char  *what)
{
  int code;

  g_return_if_fail (SOT_IS_STORE (self));

  code = sqlite3_extended_errcode (self->db);

  if ((code & 0xff) == SQLITE_FULL)
    g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_DISK_FULL,
                 _("%s: the disk is full; nothing was saved"), what);
  else
    g_set_error (error, SOT_STORE_ERROR, sot_store_map_sqlite_code (code),
                 "%s: %s", what, sqlite3_errmsg (self->db));
}

gboolean
sot_store_exec (SotStore    *self,
                const char  *sql,
                GError     **error)
{
  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      sot_store_set_sqlite_error (self, error, _("Database error"));
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
sot_store_prepare (SotStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sot_store_set_sqlite_error (self, error, _("Database error"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

char *
sot_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

void
sot_store_set_uuid_func (SotStore    *self,
                         SotUuidFunc  func,
                         gpointer     user_data)
{
  g_return_if_fail (SOT_IS_STORE (self));

  self->uuid_func = func;
  self->uuid_data = func != NULL ? user_data : NULL;
}

char *
sot_store_make_uuid (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), NULL);

  if (self->uuid_func != NULL)
    return self->uuid_func (self->uuid_data);

  return sot_store_new_uuid ();
}

char *
sot_store_format_time (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (dt != NULL, NULL);

  utc = g_date_time_to_utc (dt);

  /* The same text as g_date_time_format ("%Y-%m-%dT%H:%M:%S.%fZ"), at a fraction of its cost. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc),
                          g_date_time_get_microsecond (utc));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Finds the migration "NNNN-*.sql" for @version among the compiled-in resources. */
static GBytes *
load_migration (int      version,
                GError **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *prefix = g_strdup_printf ("%04d-", version);

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  if (names == NULL)
    return NULL;

  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], prefix) && g_str_has_suffix (names[i], ".sql"))
        {
          g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);

          return g_resources_lookup_data (path, 0, error);
        }
    }

  g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_FAILED,
               "Migration %d is missing from the program", version);
  return NULL;
}

static gboolean
migrate (SotStore  *self,
         int        from,
         GError   **error)
{
  for (int version = from + 1; version <= SOT_STORE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      gsize len;
      const char *data;

      if (!(bytes = load_migration (version, error)))
        return FALSE;

      data = g_bytes_get_data (bytes, &len);
      sql = g_strndup (data, len);
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

      /* Each migration is one transaction: a failure leaves the previous version intact. */
      if (!sot_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!sot_store_exec (self, sql, error) ||
          !sot_store_exec (self, set_version, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Cannot upgrade the workspace to version %d: "), version);
          return FALSE;
        }

      if (!sot_store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      self->schema_version = version;
    }

  return TRUE;
}

static gboolean
read_workspace_flags (SotStore  *self,
                      GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sot_store_prepare (self,
                            "SELECT key, value FROM workspace WHERE key = 'kind' OR "
                            "key = 'training_clock_offset'", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (key, "kind") == 0)
        self->training = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1),
                                    "training") == 0;
      else
        self->clock_offset = sqlite3_column_int64 (stmt, 1) * G_TIME_SPAN_SECOND;
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (self, error, _("Cannot read the workspace"));
      return FALSE;
    }

  /* The training clock applies to training data only, whatever a file says. */
  if (!self->training)
    self->clock_offset = 0;

  return TRUE;
}

static gboolean
write_workspace_row (SotStore    *self,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sot_store_prepare (self,
                            "INSERT INTO workspace (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (self, error, _("Cannot write the workspace"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* A fresh workspace gets its identity and a first audit row (the collection of the workspace). */
static gboolean
initialise_workspace (SotStore  *self,
                      GError   **error)
{
  g_autofree char *uuid = sot_store_new_uuid ();
  g_autoptr(GDateTime) now = sot_store_now (self);
  g_autofree char *created = sot_store_format_time (now);

  if (!sot_store_begin (self, error))
    return FALSE;

  if (!write_workspace_row (self, "uuid", uuid, error) ||
      !write_workspace_row (self, "kind", "real", error) ||
      !write_workspace_row (self, "created_at", created, error) ||
      !sot_store_audit (self, SOT_AUDIT_COLLECT, "workspace", uuid, NULL, NULL, error))
    {
      sot_store_rollback (self);
      return FALSE;
    }

  return sot_store_commit (self, error);
}

static void
sot_store_finalize (GObject *object)
{
  SotStore *self = (SotStore *)object;

  /* Statements must be finalized before the connection can close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_object (&self->reference);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->audit_last_hash, g_free);
  g_clear_pointer (&self->audit_start_hash, g_free);
  g_clear_pointer (&self->operator_name, g_free);

  G_OBJECT_CLASS (sot_store_parent_class)->finalize (object);
}

static void
sot_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SotStore *self = SOT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_OPERATOR:
      g_value_set_string (value, self->operator_name);
      break;

    case PROP_TRAINING:
      g_value_set_boolean (value, self->training);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SotStore *self = SOT_STORE (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      sot_store_set_operator (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_store_class_init (SotStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sot_store_finalize;
  object_class->get_property = sot_store_get_property;
  object_class->set_property = sot_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TRAINING] =
    g_param_spec_boolean ("training", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SotStore::changed:
   * @entity_type: the kind of record ("investigation", …)
   * @action: an audit action (collect, alter, erase, …)
   * @entity_uuid: the record's UUID
   *
   * Emitted after a write that touched a record has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * SotStore::clock-changed:
   *
   * Emitted when the training clock moved: every deadline, window and badge computed from
   * sot_store_now() is to be computed again.
   */
  signals[CLOCK_CHANGED] =
    g_signal_new ("clock-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sot_store_init (SotStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);
  self->operator_name = g_strdup (g_get_user_name ());
}

/* The upgrade of an older workspace is a change like any other: it has its audit row. */
static gboolean
audit_migration (SotStore  *self,
                 int        from,
                 GError   **error)
{
  g_autofree char *reason = g_strdup_printf ("schema upgraded from version %d to %d",
                                             from, SOT_STORE_SCHEMA_VERSION);
  sqlite3_stmt *stmt;
  g_autofree char *uuid = NULL;

  stmt = sot_store_prepare (self, "SELECT value FROM workspace WHERE key = 'uuid'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = sot_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return sot_store_begin (self, error) &&
         sot_store_finish_write (self, SOT_AUDIT_ALTER, "workspace", uuid, reason, NULL, error);
}

SotStore *
sot_store_open (const char         *path,
                SotStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(SotStore) self = NULL;
  gboolean created = FALSE;
  int version;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SOT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!(self->reference = sot_reference_new (error)))
    return NULL;

  if (!sot_store_open_connection (self, path, flags, &created, error))
    return NULL;

  version = self->schema_version;

  /* Only a store that may write upgrades: a reader sees the workspace as it is. */
  if (!self->read_only)
    {
      if (version < SOT_STORE_SCHEMA_VERSION && !migrate (self, version, error))
        return NULL;

      if (version == 0 && !initialise_workspace (self, error))
        return NULL;

      if (version > 0 && version < SOT_STORE_SCHEMA_VERSION &&
          !audit_migration (self, version, error))
        return NULL;
    }

  if (!read_workspace_flags (self, error))
    return NULL;

  if (created)
    g_debug ("Created workspace %s", path);

  return g_steal_pointer (&self);
}

const char *
sot_store_get_path (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), NULL);

  return self->path;
}

int
sot_store_get_schema_version (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), 0);

  return self->schema_version;
}

gboolean
sot_store_get_training (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);

  return self->training;
}

gboolean
sot_store_mark_training (SotStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);

  if (self->training)
    return TRUE;

  if (!sot_store_begin (self, error))
    return FALSE;

  if (!write_workspace_row (self, "kind", "training", error) ||
      !sot_store_audit (self, SOT_AUDIT_ALTER, "workspace", NULL,
                        "marked as fictional training data", NULL, error))
    {
      sot_store_rollback (self);
      return FALSE;
    }

  if (!sot_store_commit (self, error))
    return FALSE;

  self->training = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINING]);

  return TRUE;
}

SotReference *
sot_store_get_reference (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), NULL);

  return self->reference;
}

SotCalendar *
sot_store_get_calendar (SotStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (self), NULL);

  if (self->calendar == NULL)
    self->calendar = sot_calendar_new (error);

  return self->calendar;
}

const char *
sot_store_get_operator (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), NULL);

  return self->operator_name;
}

void
sot_store_set_operator (SotStore   *self,
                        const char *operator_name)
{
  g_return_if_fail (SOT_IS_STORE (self));

  /* An empty name would make audit rows anonymous: fall back to the login name. */
  if (operator_name == NULL || *operator_name == '\0')
    operator_name = g_get_user_name ();

  if (g_strcmp0 (self->operator_name, operator_name) != 0)
    {
      g_free (self->operator_name);
      self->operator_name = g_strdup (operator_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
    }
}

void
sot_store_set_clock (SotStore  *self,
                     GDateTime *now)
{
  g_return_if_fail (SOT_IS_STORE (self));

  g_clear_pointer (&self->clock, g_date_time_unref);
  if (now != NULL)
    self->clock = g_date_time_ref (now);
}

GDateTime *
sot_store_real_now (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), NULL);

  if (self->clock != NULL)
    return g_date_time_to_utc (self->clock);

  return g_date_time_new_now_utc ();
}

GDateTime *
sot_store_now (SotStore *self)
{
  g_autoptr(GDateTime) real = NULL;

  g_return_val_if_fail (SOT_IS_STORE (self), NULL);

  real = sot_store_real_now (self);
  return g_date_time_add (real, self->clock_offset);
}

GTimeSpan
sot_store_get_clock_offset (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), 0);

  return self->clock_offset;
}

void
_sot_store_clock_changed (SotStore *self)
{
  g_signal_emit (self, signals[CLOCK_CHANGED], 0);
}

static void
forget_audit_head (SotStore *self)
{
  self->audit_last_id = 0;
  g_clear_pointer (&self->audit_last_hash, g_free);
}

/* The head of the log before the open outer transaction wrote to it: forgotten with it. */
static void
forget_audit_start (SotStore *self)
{
  self->audit_start_id = 0;
  g_clear_pointer (&self->audit_start_hash, g_free);
}

static gboolean exec_cached (SotStore *self, const char *sql, GError **error);

gboolean
sot_store_begin (SotStore  *self,
                 GError   **error)
{
  char sql[32];

  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock up front, so the busy timeout applies instead of a
   * mid-transaction SQLITE_BUSY when another process wrote in between. */
  if (self->depth == 0)
    {
      forget_audit_head (self);
      forget_audit_start (self);
      g_strlcpy (sql, "BEGIN IMMEDIATE", sizeof sql);
    }
  else
    g_snprintf (sql, sizeof sql, "SAVEPOINT sot_%u", self->depth);

  if (!exec_cached (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
sot_store_in_transaction (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);

  return !sqlite3_get_autocommit (self->db);
}

gboolean
sot_store_begin_read (SotStore * const  *stores,
                      guint              n_stores,
                      GError           **error)
{
  sqlite3 *holder = NULL;
  guint begun = 0;
  int rc;

  g_return_val_if_fail (stores != NULL && n_stores > 0, FALSE);

  for (guint i = 0; i < n_stores; i++)
    {
      g_return_val_if_fail (SOT_IS_STORE (stores[i]), FALSE);
      g_return_val_if_fail (g_str_equal (stores[i]->path, stores[0]->path), FALSE);
      g_return_val_if_fail (!sot_store_in_transaction (stores[i]), FALSE);
    }

  /* One connection needs nobody held off. */
  if (n_stores == 1)
    {
      if (sqlite3_exec (stores[0]->db, "BEGIN DEFERRED", NULL, NULL, NULL) != SQLITE_OK)
        {
          sot_store_set_sqlite_error (stores[0], error, _("Cannot read the workspace"));
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (stores[0]->path, ":memory:"))
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_FAILED,
                   _("An in-memory workspace cannot be read from another connection"));
      return FALSE;
    }

  /* A reader's snapshot is taken at its first read. Holding the write lock on one more
   * connection meanwhile keeps any commit from falling between two readers' snapshots. */
  rc = sqlite3_open_v2 (stores[0]->path, &holder, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (holder, 5000);
      rc = sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SOT_STORE_ERROR, sot_store_map_sqlite_code (rc),
                   _("Cannot read the workspace %s: %s"), stores[0]->path,
                   holder != NULL ? sqlite3_errmsg (holder) : sqlite3_errstr (rc));
      sqlite3_close (holder);
      return FALSE;
    }

  for (; begun < n_stores; begun++)
    {
      SotStore *store = stores[begun];

      if (sqlite3_exec (store->db, "BEGIN DEFERRED", NULL, NULL, NULL) != SQLITE_OK)
        break;
      if (sqlite3_exec (store->db, "SELECT 1 FROM sqlite_schema LIMIT 1",
                        NULL, NULL, NULL) != SQLITE_OK)
        {
          sot_store_set_sqlite_error (store, error, _("Cannot read the workspace"));
          sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
          break;
        }
    }

  if (begun < n_stores)
    {
      if (error != NULL && *error == NULL)
        sot_store_set_sqlite_error (stores[begun], error, _("Cannot read the workspace"));
      while (begun > 0)
        sqlite3_exec (stores[--begun]->db, "ROLLBACK", NULL, NULL, NULL);
    }

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  return begun == n_stores;
}

void
sot_store_end_read (SotStore *self)
{
  g_return_if_fail (SOT_IS_STORE (self));

  if (sot_store_in_transaction (self))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

/* Savepoints come and go for every write: their statements are prepared once and kept. */
static gboolean
exec_cached (SotStore    *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = sot_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (self, error, _("Database error"));
      return FALSE;
    }

  return TRUE;
}

static void
emit_pending (SotStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);

  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *change = &g_array_index (pending, PendingChange, i);

      g_signal_emit (self, signals[CHANGED], 0,
                     change->entity_type, change->action, change->entity_uuid);
    }
}

/* Before the outer commit of a transaction that wrote audit rows: the anchor records the new
 * head as pending (sot-audit-anchor.c). Sets @anchoring when there is an anchor to finish. */
static gboolean
begin_anchor (SotStore         *self,
              SotAuditHead     *end,
              gboolean         *anchoring,
              SotAnchorCommit  *anchor,
              GError          **error)
{
  g_autofree char *hash = NULL;
  SotAuditHead start;
  gint64 id;

  *anchoring = FALSE;

  if (!self->anchored || self->audit_start_hash == NULL)
    return TRUE;

  /* A rolled-back savepoint may have taken the rows back: the log says where it ends. */
  if (!sot_store_read_audit_head (self, &id, &hash, error))
    return FALSE;

  if (id == self->audit_start_id && g_str_equal (hash, self->audit_start_hash))
    return TRUE;

  start.count = self->audit_start_id;
  g_strlcpy (start.hash, self->audit_start_hash, sizeof start.hash);
  end->count = id;
  g_strlcpy (end->hash, hash, sizeof end->hash);

  if (!sot_audit_anchor_begin_commit (self->path, &start, end, anchor, error))
    {
      sot_audit_anchor_end_commit (self->path, end, anchor, FALSE);
      return FALSE;
    }

  *anchoring = TRUE;
  return TRUE;
}

gboolean
sot_store_commit (SotStore  *self,
                  GError   **error)
{
  SotAnchorCommit anchor = { -1, FALSE };
  SotAuditHead end;
  gboolean anchoring = FALSE;
  gboolean committed;
  char sql[32];

  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      g_strlcpy (sql, "COMMIT", sizeof sql);
      if (!begin_anchor (self, &end, &anchoring, &anchor, error))
        {
          sot_store_rollback (self);
          return FALSE;
        }
    }
  else
    g_snprintf (sql, sizeof sql, "RELEASE sot_%u", self->depth - 1);

  committed = exec_cached (self, sql, error);

  if (anchoring)
    sot_audit_anchor_end_commit (self->path, &end, &anchor, committed);

  if (!committed)
    {
      /* A failed COMMIT (a full disk) must not leave a half transaction open. */
      sot_store_rollback (self);
      return FALSE;
    }

  self->depth--;

  if (self->depth == 0)
    emit_pending (self);

  return TRUE;
}

void
sot_store_rollback (SotStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SOT_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sot_%u; RELEASE sot_%u", self->depth - 1, self->depth - 1);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));

  forget_audit_head (self);
  self->depth--;

  if (self->depth == 0)
    {
      forget_audit_start (self);
      g_array_set_size (self->pending, 0);
    }
}

void
sot_store_queue_changed (SotStore   *self,
                         const char *entity_type,
                         const char *action,
                         const char *entity_uuid)
{
  PendingChange change;

  g_return_if_fail (SOT_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  /* Nobody to tell (the CLI, a generator run in a thread): keep no list of a million changes. */
  if (!g_signal_has_handler_pending (self, signals[CHANGED], 0, TRUE))
    return;

  change.entity_type = g_strdup (entity_type);
  change.action = g_strdup (action);
  change.entity_uuid = g_strdup (entity_uuid);
  g_array_append_val (self->pending, change);
}

gboolean
sot_store_audit_change (SotStore    *self,
                        const char  *action,
                        const char  *entity_type,
                        const char  *entity_uuid,
                        const char  *reason,
                        GError     **error)
{
  if (!sot_store_audit (self, action, entity_type, entity_uuid, reason, NULL, error))
    return FALSE;

  sot_store_queue_changed (self, entity_type, action, entity_uuid);
  return TRUE;
}

gboolean
sot_store_finish_write (SotStore    *self,
                        const char  *action,
                        const char  *entity_type,
                        const char  *entity_uuid,
                        const char  *reason,
                        const char  *investigation_uuid,
                        GError     **error)
{
  if (!sot_store_audit_change (self, action, entity_type, entity_uuid, reason, error))
    {
      sot_store_rollback (self);
      return FALSE;
    }

  if (investigation_uuid != NULL)
    sot_store_queue_changed (self, SOT_ENTITY_INVESTIGATION, SOT_AUDIT_ALTER, investigation_uuid);

  return sot_store_commit (self, error);
}

sqlite3_stmt *
sot_store_write_begin (SotStore    *self,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!sot_store_begin (self, error))
    return NULL;

  stmt = sot_store_prepare (self, sql, error);
  if (stmt == NULL)
    sot_store_rollback (self);

  return stmt;
}

sqlite3_stmt *
sot_store_write_next (SotStore      *self,
                      sqlite3_stmt  *done,
                      const char    *sql,
                      const char    *what,
                      GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (self), NULL);
  g_return_val_if_fail (done != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!sot_store_step_done (self, done, what, error))
    {
      sot_store_rollback (self);
      return NULL;
    }

  stmt = sot_store_prepare (self, sql, error);
  if (stmt == NULL)
    sot_store_rollback (self);

  return stmt;
}

gboolean
sot_store_write_end (SotStore         *self,
                     sqlite3_stmt     *last,
                     const SotChange  *change,
                     const char       *what,
                     GError          **error)
{
  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (last != NULL && !sot_store_step_done (self, last, what, error))
    {
      sot_store_rollback (self);
      return FALSE;
    }

  return sot_store_finish_write (self, change->action, change->entity_type, change->entity_uuid,
                                 change->reason, change->investigation_uuid, error);
}

void
sot_store_write_abort (SotStore *self)
{
  g_return_if_fail (SOT_IS_STORE (self));

  sot_store_rollback (self);
}

gint64
sot_store_last_insert_id (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), 0);

  return sqlite3_last_insert_rowid (self->db);
}

char *
sot_store_operator_identity (const char *name,
                             const char *collar_number)
{
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_collar = g_strstrip (g_strdup (collar_number ? collar_number : ""));

  if (*clean_name == '\0')
    return NULL;

  if (*clean_collar == '\0')
    return g_steal_pointer (&clean_name);

  return g_strdup_printf ("%s (%s)", clean_name, clean_collar);
}
