/* sot-victim-checks.c: what the victims' writers check before they write, and their records' shape
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

/* The fields of a record type, set by sot_victim_record_class_init(). */
typedef struct {
  const SotVictimField *fields;
  guint                 n_fields;
} RecordFields;

static GQuark
record_fields_quark (void)
{
  return g_quark_from_static_string ("sot-victim-record-fields");
}

static const RecordFields *
record_fields (GObject *object)
{
  return g_type_get_qdata (G_OBJECT_TYPE (object), record_fields_quark ());
}

static void
record_finalize (GObject *object)
{
  const RecordFields *record = record_fields (object);

  for (guint i = 0; i < record->n_fields; i++)
    {
      gpointer member = G_STRUCT_MEMBER_P (object, record->fields[i].offset);

      if (record->fields[i].kind == SOT_VICTIM_FIELD_STRING)
        g_clear_pointer ((char **) member, g_free);
      else if (record->fields[i].kind == SOT_VICTIM_FIELD_STRV)
        g_clear_pointer ((GStrv *) member, g_strfreev);
    }

  G_OBJECT_CLASS (g_type_class_peek (G_TYPE_OBJECT))->finalize (object);
}

static void
record_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  const RecordFields *record = record_fields (object);
  const SotVictimField *field;
  gpointer member;

  if (prop_id == 0 || prop_id > record->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &record->fields[prop_id - 1];
  member = G_STRUCT_MEMBER_P (object, field->offset);

  switch (field->kind)
    {
    case SOT_VICTIM_FIELD_STRING:
      g_value_set_string (value, *(char **) member);
      break;
    case SOT_VICTIM_FIELD_STRV:
      g_value_set_boxed (value, *(GStrv *) member);
      break;
    case SOT_VICTIM_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) member);
      break;
    case SOT_VICTIM_FIELD_INT:
      g_value_set_int (value, *(int *) member);
      break;
    case SOT_VICTIM_FIELD_UINT:
      g_value_set_uint (value, *(guint *) member);
      break;
    case SOT_VICTIM_FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *) member);
      break;
    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
field_pspec (const SotVictimField *field)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  switch (field->kind)
    {
    case SOT_VICTIM_FIELD_STRING:
      return g_param_spec_string (field->name, NULL, NULL, NULL, flags);
    case SOT_VICTIM_FIELD_STRV:
      return g_param_spec_boxed (field->name, NULL, NULL, G_TYPE_STRV, flags);
    case SOT_VICTIM_FIELD_BOOLEAN:
      return g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
    case SOT_VICTIM_FIELD_INT:
      return g_param_spec_int (field->name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    case SOT_VICTIM_FIELD_UINT:
      return g_param_spec_uint (field->name, NULL, NULL, 0, G_MAXUINT, 0, flags);
    case SOT_VICTIM_FIELD_INT64:
      return g_param_spec_int64 (field->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    default:
      g_assert_not_reached ();
    }
}

void
sot_victim_record_class_init (GObjectClass         *klass,
                              const SotVictimField *fields,
                              guint                 n_fields)
{
  RecordFields *record = g_new (RecordFields, 1);

  /* Lives as long as the type, which is never unregistered. */
  record->fields = fields;
  record->n_fields = n_fields;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), record_fields_quark (), record);

  klass->finalize = record_finalize;
  klass->get_property = record_get_property;

  for (guint i = 0; i < n_fields; i++)
    g_object_class_install_property (klass, i + 1, field_pspec (&fields[i]));
}
