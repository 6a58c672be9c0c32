/* sot-record.c: read-only GObject records whose properties are their struct's fields
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-record"

#include "config.h"

#include "sot-record.h"
#include "sot-store.h"

void
sot_record_install_properties (GObjectClass         *klass,
                               const SotRecordField *fields,
                               guint                 n_fields)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *name = fields[i].name;
      GParamSpec *pspec = NULL;

      switch (fields[i].kind)
        {
        case SOT_FIELD_INT64:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case SOT_FIELD_INT:
          pspec = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
          break;
        case SOT_FIELD_UINT:
          pspec = g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, flags);
          break;
        case SOT_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case SOT_FIELD_STRING:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case SOT_FIELD_STRV:
          pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      g_object_class_install_property (klass, i + 1, pspec);
    }
}

void
sot_record_get_property (GObject              *object,
                         const SotRecordField *fields,
                         guint                 n_fields,
                         guint                 prop_id,
                         GValue               *value,
                         GParamSpec           *pspec)
{
  const SotRecordField *field;

  if (prop_id == 0 || prop_id > n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &fields[prop_id - 1];
  switch (field->kind)
    {
    case SOT_FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *) G_STRUCT_MEMBER_P (object, field->offset));
      break;
    case SOT_FIELD_INT:
      g_value_set_int (value, *(int *) G_STRUCT_MEMBER_P (object, field->offset));
      break;
    case SOT_FIELD_UINT:
      g_value_set_uint (value, *(guint *) G_STRUCT_MEMBER_P (object, field->offset));
      break;
    case SOT_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) G_STRUCT_MEMBER_P (object, field->offset));
      break;
    case SOT_FIELD_STRING:
      g_value_set_string (value, *(char **) G_STRUCT_MEMBER_P (object, field->offset));
      break;
    case SOT_FIELD_STRV:
      g_value_set_boxed (value, *(GStrv *) G_STRUCT_MEMBER_P (object, field->offset));
      break;
    default:
      g_assert_not_reached ();
    }
}

void
sot_record_fill (gpointer              object,
                 const SotRecordField *fields,
                 guint                 n_columns,
                 sqlite3_stmt         *stmt)
{
  for (guint i = 0; i < n_columns; i++)
    {
      gpointer member = G_STRUCT_MEMBER_P (object, fields[i].offset);

      switch (fields[i].kind)
        {
        case SOT_FIELD_INT64:
          *(gint64 *) member = sqlite3_column_int64 (stmt, i);
          break;
        case SOT_FIELD_INT:
          *(int *) member = sqlite3_column_int (stmt, i);
          break;
        case SOT_FIELD_UINT:
          *(guint *) member = (guint) MAX (0, sqlite3_column_int (stmt, i));
          break;
        case SOT_FIELD_BOOLEAN:
          *(gboolean *) member = sqlite3_column_int (stmt, i) != 0;
          break;
        case SOT_FIELD_STRING:
          g_free (*(char **) member);
          *(char **) member = sot_store_column_dup (stmt, i);
          break;
        case SOT_FIELD_STRV:    /* not one column: the reader builds the list */
        default:
          g_assert_not_reached ();
        }
    }
}

void
sot_record_copy (gpointer              dest,
                 gconstpointer         src,
                 const SotRecordField *fields,
                 guint                 n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      gpointer to = G_STRUCT_MEMBER_P (dest, fields[i].offset);
      gconstpointer from = G_STRUCT_MEMBER_P (src, fields[i].offset);

      switch (fields[i].kind)
        {
        case SOT_FIELD_INT64:
          *(gint64 *) to = *(const gint64 *) from;
          break;
        case SOT_FIELD_INT:
        case SOT_FIELD_UINT:
        case SOT_FIELD_BOOLEAN:
          *(int *) to = *(const int *) from;
          break;
        case SOT_FIELD_STRING:
          g_free (*(char **) to);
          *(char **) to = g_strdup (*(char * const *) from);
          break;
        case SOT_FIELD_STRV:
          g_strfreev (*(GStrv *) to);
          *(GStrv *) to = g_strdupv (*(GStrv const *) from);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
sot_record_clear (gpointer              object,
                  const SotRecordField *fields,
                  guint                 n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      gpointer member = G_STRUCT_MEMBER_P (object, fields[i].offset);

      if (fields[i].kind == SOT_FIELD_STRING)
        g_clear_pointer ((char **) member, g_free);
      else if (fields[i].kind == SOT_FIELD_STRV)
        g_clear_pointer ((GStrv *) member, g_strfreev);
    }
}
