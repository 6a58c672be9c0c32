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

#include "sot-store.h"

#define MIGRATIONS_PATH RESOURCE_BASE "/sql"
/* PRAGMA application_id of a workspace: "SotW". */
#define SOT_APPLICATION_ID 0x536f7457
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct {
  char *entity_type;
  char *action;
  char *entity_uuid;
} PendingChange;

struct _SotStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *operator_name;
  GDateTime  *clock;
  SotReference *reference;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GArray     *pending;      /* PendingChange, emitted after the outermost commit */
  guint       depth;        /* transaction nesting */

  /* The last audit row written in the open transaction, so the next one need not read it
   * back. Forgotten on any rollback and at the start of every outer transaction, when another
   * connection may have written since. */
  gint64      audit_last_id;
  char       *audit_last_hash;
  int         schema_version;
  guint       training : 1;

  SotUuidFunc uuid_func;      /* NULL: random */
  gpointer    uuid_data;
};

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

static int
map_sqlite_code (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return SOT_STORE_ERROR_NOT_A_DATABASE;
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
    g_set_error (error, SOT_STORE_ERROR, map_sqlite_code (code),
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
read_int (SotStore    *self,
          const char  *sql,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sot_store_set_sqlite_error (self, error, _("Cannot read the workspace"));
      return -1;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    sot_store_set_sqlite_error (self, error, _("Cannot read the workspace"));

  /* A damaged header can hold a negative version or application id: -1 would mean an error
   * without one set. */
  if (rc == SQLITE_ROW && version < 0)
    g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_FAILED,
                 _("%s is damaged: its header holds an impossible value"), self->path);

  sqlite3_finalize (stmt);

  return version;
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

  stmt = sot_store_prepare (self, "SELECT value FROM workspace WHERE key = 'kind'", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self->training = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "training") == 0;
  else if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (self, error, _("Cannot read the workspace"));
      return FALSE;
    }

  sqlite3_reset (stmt);
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

/* Creates the file with mode 0600 before SQLite sees it: SQLite would honour the umask. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_STORE_ERROR,
                   saved_errno == ENOSPC ? SOT_STORE_ERROR_DISK_FULL : SOT_STORE_ERROR_PERMISSION,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_STORE_ERROR,
                   saved_errno == ENOSPC ? SOT_STORE_ERROR_DISK_FULL : SOT_STORE_ERROR_PERMISSION,
                   _("Cannot create the workspace %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
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
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->audit_last_hash, g_free);
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

SotStore *
sot_store_open (const char         *path,
                SotStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(SotStore) self = NULL;
  gboolean in_memory;
  gboolean created = FALSE;
  int version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in_memory = g_str_equal (path, ":memory:");

  if (!in_memory)
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE,
                       _("%s is a folder, not a workspace file"), path);
          return NULL;
        }

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (!(flags & SOT_STORE_OPEN_CREATE))
            {
              g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                           _("There is no workspace at %s"), path);
              return NULL;
            }

          if (!create_private_file (path, error))
            return NULL;

          created = TRUE;
        }
    }

  self = g_object_new (SOT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!(self->reference = sot_reference_new (error)))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SOT_STORE_ERROR, map_sqlite_code (rc),
                   _("Cannot open the workspace %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Read the version before anything that could write: a newer file must stay untouched. */
  version = read_int (self, "PRAGMA user_version", error);
  if (version < 0)
    {
      if (g_error_matches (*error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE))
        {
          g_clear_error (error);
          g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE,
                       _("%s is not a Soteria Workbench workspace (not a SQLite database)"),
                       path);
        }
      return NULL;
    }

  if (version > SOT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NEWER_SCHEMA,
                   _("The workspace %s has schema version %d, made by a newer Soteria Workbench; "
                     "this program understands schema version %d at most. It was not opened "
                     "and nothing in it was changed."),
                   path, version, SOT_STORE_SCHEMA_VERSION);
      return NULL;
    }

  /* Another program's SQLite file must not be turned into a workspace, nor written to. */
  {
    int application_id = read_int (self, "PRAGMA application_id", error);
    int n_objects;

    if (application_id < 0)
      return NULL;

    n_objects = read_int (self, "SELECT count(*) FROM sqlite_schema", error);
    if (n_objects < 0)
      return NULL;

    if ((application_id != 0 && application_id != SOT_APPLICATION_ID) ||
        (version == 0 && n_objects > 0))
      {
        g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_A_DATABASE,
                     _("%s is a SQLite database of another program, not a Soteria Workbench "
                       "workspace; it was not changed"), path);
        return NULL;
      }
  }

  self->schema_version = version;

  /* An empty file someone made beforehand becomes a workspace: make it private too. */
  if (version == 0 && !in_memory && g_chmod (path, 0600) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_PERMISSION,
                   _("Cannot make %s private: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  if (!sot_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !sot_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !sot_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !sot_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (version < SOT_STORE_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;

  if (version == 0 && !initialise_workspace (self, error))
    return NULL;

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
sot_store_now (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), NULL);

  if (self->clock != NULL)
    return g_date_time_to_utc (self->clock);

  return g_date_time_new_now_utc ();
}

static void
forget_audit_head (SotStore *self)
{
  self->audit_last_id = 0;
  g_clear_pointer (&self->audit_last_hash, g_free);
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
      g_set_error (error, SOT_STORE_ERROR, map_sqlite_code (rc),
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

gboolean
sot_store_commit (SotStore  *self,
                  GError   **error)
{
  char sql[32];

  g_return_val_if_fail (SOT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    g_strlcpy (sql, "COMMIT", sizeof sql);
  else
    g_snprintf (sql, sizeof sql, "RELEASE sot_%u", self->depth - 1);

  if (!exec_cached (self, sql, error))
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
    g_array_set_size (self->pending, 0);
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

gint64
sot_store_last_insert_id (SotStore *self)
{
  g_return_val_if_fail (SOT_IS_STORE (self), 0);

  return sqlite3_last_insert_rowid (self->db);
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

  now = sot_store_now (self);
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
                             sot_store_column_text (stmt, 3), sot_store_column_text (stmt, 4), sot_store_column_text (stmt, 5),
                             sot_store_column_text (stmt, 6), sot_store_column_text (stmt, 7), sot_store_column_text (stmt, 8),
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
