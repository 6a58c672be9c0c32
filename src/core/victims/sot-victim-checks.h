/* sot-victim-checks.h: what the victims' writers check before they write, and their records' shape
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/* For the files of src/core/victims only. */

/* Sets @error to %SOT_STORE_ERROR_INVALID with @message. Returns: %FALSE. */
gboolean     sot_victim_invalid                   (GError     **error,
                                                   const char  *message);

/* An optional date: %NULL or empty is fine, anything else must be a real YYYY-MM-DD. */
gboolean     sot_victim_check_optional_date       (const char  *text,
                                                   GError     **error);

/* A required date: @what names it in the message when it is missing. */
gboolean     sot_victim_check_required_date       (const char  *text,
                                                   const char  *what,
                                                   GError     **error);

/* sot_victim_check_required_date() that also gives the date in @date. */
gboolean     sot_victim_parse_required_date       (const char  *text,
                                                   const char  *what,
                                                   GDate       *date,
                                                   GError     **error);

/**
 * sot_victim_lookup:
 * The victim's investigation, and the UUIDs of both (each out argument may be %NULL). Fails
 * with %SOT_STORE_ERROR_NOT_FOUND when there is no victim @victim_id.
 */
gboolean     sot_victim_lookup                    (SotStore    *store,
                                                   gint64       victim_id,
                                                   gint64      *investigation_id,
                                                   char       **victim_uuid,
                                                   char       **investigation_uuid,
                                                   GError     **error);

/* Returns: the first victim recorded in an investigation, 0 when there is none, -1 on error. */
gint64       sot_victim_first                     (SotStore    *store,
                                                   gint64       investigation_id,
                                                   GError     **error);

/* Fails with %SOT_STORE_ERROR_INVALID unless @suspect_id is a suspect of @investigation_id. */
gboolean     sot_victim_check_suspect             (SotStore    *store,
                                                   gint64       investigation_id,
                                                   gint64       suspect_id,
                                                   GError     **error);

/* --- The records (read-only GObjects whose properties are their struct's fields) --- */

typedef enum {
  SOT_VICTIM_FIELD_STRING,
  SOT_VICTIM_FIELD_STRV,
  SOT_VICTIM_FIELD_BOOLEAN,
  SOT_VICTIM_FIELD_INT,
  SOT_VICTIM_FIELD_UINT,
  SOT_VICTIM_FIELD_INT64,
} SotVictimFieldKind;

/* One field of a record's instance struct, shown as the read-only property @name. */
typedef struct {
  const char         *name;
  SotVictimFieldKind  kind;
  gsize               offset;
} SotVictimField;

/**
 * sot_victim_record_class_init:
 * Makes the GObject class @klass a record of @fields (static): a read-only property for each
 * field, read from the instance struct, and a finalize that frees the strings.
 */
void         sot_victim_record_class_init         (GObjectClass         *klass,
                                                   const SotVictimField *fields,
                                                   guint                 n_fields);

G_END_DECLS
