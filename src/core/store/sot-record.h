/* sot-record.h: read-only GObject records whose properties are their struct's fields
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Many records (exhibits, devices, victims' contacts, CPS advice…) are GObjects whose fields
 * are read from one row each and never change afterwards. Rather than a hand-written property
 * and column per field, each type describes its fields once (name, kind, offset in the
 * instance struct, in the order of its SELECT columns) and these helpers install the
 * properties, fill an object from a row, copy and free it. Internal to the core.
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum {
  SOT_FIELD_INT64,
  SOT_FIELD_INT,
  SOT_FIELD_UINT,
  SOT_FIELD_BOOLEAN,
  SOT_FIELD_STRING,
  SOT_FIELD_STRV,       /* a list the reader builds itself: sot_record_fill() never sets it */
} SotFieldKind;

typedef struct {
  const char   *name;     /* the property's name, canonical ("investigation-id") */
  SotFieldKind  kind;
  gsize         offset;   /* of the member in the instance struct */
} SotRecordField;

#define SOT_RECORD_FIELD(Type, member, name, kind) { name, kind, G_STRUCT_OFFSET (Type, member) }

/* Installs a read-only property for each of @fields; property id i + 1 is @fields[i]. */
void     sot_record_install_properties (GObjectClass         *klass,
                                        const SotRecordField *fields,
                                        guint                 n_fields);

/* The get_property of a record: @prop_id is the one sot_record_install_properties() gave. */
void     sot_record_get_property       (GObject              *object,
                                        const SotRecordField *fields,
                                        guint                 n_fields,
                                        guint                 prop_id,
                                        GValue               *value,
                                        GParamSpec           *pspec);

/* Sets the first @n_columns of @fields (none a %SOT_FIELD_STRV) from the columns
 * 0 … @n_columns − 1 of @stmt. */
void     sot_record_fill               (gpointer              object,
                                        const SotRecordField *fields,
                                        guint                 n_columns,
                                        sqlite3_stmt         *stmt);

/* Copies every field of @src into @dest (the strings and lists duplicated). */
void     sot_record_copy               (gpointer              dest,
                                        gconstpointer         src,
                                        const SotRecordField *fields,
                                        guint                 n_fields);

/* Frees the string and list fields of @object (from its finalize). */
void     sot_record_clear              (gpointer              object,
                                        const SotRecordField *fields,
                                        guint                 n_fields);

/* Defines the final GObject type @TypeName of a record whose properties are @fields (a static
 * array declared before): class_init installs them, get_property reads them and finalize frees
 * their strings and lists. Used instead of G_DEFINE_FINAL_TYPE. */
#define SOT_DEFINE_RECORD_TYPE(TypeName, type_name, fields)                                   \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, G_TYPE_OBJECT)                                   \
                                                                                              \
  static void                                                                                 \
  type_name##_finalize (GObject *object)                                                      \
  {                                                                                           \
    sot_record_clear (object, fields, G_N_ELEMENTS (fields));                                 \
                                                                                              \
    G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);                             \
  }                                                                                           \
                                                                                              \
  static void                                                                                 \
  type_name##_get_property (GObject    *object,                                               \
                            guint       prop_id,                                              \
                            GValue     *value,                                                \
                            GParamSpec *pspec)                                                \
  {                                                                                           \
    sot_record_get_property (object, fields, G_N_ELEMENTS (fields), prop_id, value, pspec);   \
  }                                                                                           \
                                                                                              \
  static void                                                                                 \
  type_name##_class_init (TypeName##Class *klass)                                             \
  {                                                                                           \
    GObjectClass *object_class = G_OBJECT_CLASS (klass);                                      \
                                                                                              \
    object_class->finalize = type_name##_finalize;                                            \
    object_class->get_property = type_name##_get_property;                                    \
                                                                                              \
    sot_record_install_properties (object_class, fields, G_N_ELEMENTS (fields));              \
  }                                                                                           \
                                                                                              \
  static void                                                                                 \
  type_name##_init (TypeName *self)                                                           \
  {                                                                                           \
  }

G_END_DECLS
