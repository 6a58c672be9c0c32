/* sot-victim-letter.c: the JNAP letters sent to victims
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-letter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-record.h"
#include "sot-victim-checks.h"
#include "sot-victim-letter.h"

/* What a failed write says; the workspace's own message follows. */
static const char save_failed[] = N_("Cannot save the victim’s record");

static const char * const letter_kinds[] = {
  SOT_LETTER_HELLO, SOT_LETTER_POINT_OF_CHARGE, SOT_LETTER_NFA, NULL,
};

const char * const *
sot_victim_letter_kinds (void)
{
  return letter_kinds;
}

const char *
sot_victim_letter_label (const char *kind)
{
  if (g_strcmp0 (kind, SOT_LETTER_HELLO) == 0)
    return _("“Hello” letter");
  if (g_strcmp0 (kind, SOT_LETTER_POINT_OF_CHARGE) == 0)
    return _("At-the-point-of-charge letter");
  if (g_strcmp0 (kind, SOT_LETTER_NFA) == 0)
    return _("No-further-action letter");
  return kind;
}

struct _SotVictimLetter
{
  GObject parent_instance;

  char           *uuid;
  char           *kind;
  char           *sent_on;
  char           *sent_by;
  gint64          victim_id;
};

static const SotRecordField victim_letter_fields[] = {
  SOT_RECORD_FIELD (SotVictimLetter, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimLetter, kind, "kind", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimLetter, sent_on, "sent-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimLetter, sent_by, "sent-by", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimLetter, victim_id, "victim-id", SOT_FIELD_INT64),
};

SOT_DEFINE_RECORD_TYPE (SotVictimLetter, sot_victim_letter, victim_letter_fields)

gboolean
sot_victim_letter_add (SotStore    *store,
                       gint64       investigation_id,
                       gint64       victim_id,
                       const char  *kind,
                       const char  *sent_on,
                       const char  *sent_by,
                       const char  *uuid,
                       GError     **error)
{
  g_autofree char *random_uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!(kind != NULL && g_strv_contains (letter_kinds, kind)))
    return sot_victim_invalid (error, _("Choose which letter was sent"));
  if (!sot_victim_check_required_date (sent_on, _("The date the letter was sent"), error))
    return FALSE;
  if (sot_text_is_blank (sent_by))
    return sot_victim_invalid (error, _("Say who sent the letter"));

  if (victim_id == 0 && (victim_id = sot_victim_first (store, investigation_id, error)) < 0)
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO victim_letter (uuid, investigation_id, victim_id, "
                                "kind, sent_on, sent_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  if (victim_id != 0)
    sqlite3_bind_int64 (stmt, 3, victim_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, sent_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, sent_by, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_VICTIM_LETTER,
    .entity_uuid = uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

static gpointer
victim_letter_from_row (sqlite3_stmt *stmt,
                        gpointer      user_data)
{
  SotVictimLetter *l = g_object_new (SOT_TYPE_VICTIM_LETTER, NULL);

  sot_record_fill (l, victim_letter_fields, G_N_ELEMENTS (victim_letter_fields), stmt);

  return l;
}

GListModel *
sot_victim_letter_list (SotStore  *store,
                        gint64     investigation_id,
                        GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT uuid, kind, sent_on, sent_by, victim_id FROM victim_letter "
                               "WHERE investigation_id = ?1 ORDER BY sent_on, id",
                               investigation_id, SOT_TYPE_VICTIM_LETTER,
                               victim_letter_from_row, NULL,
                               _("Cannot read the letters"), error);
}

const char *
sot_victim_letter_get_uuid (SotVictimLetter *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_LETTER (self), NULL);

  return self->uuid;
}

const char *
sot_victim_letter_get_kind (SotVictimLetter *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_LETTER (self), NULL);

  return self->kind;
}

const char *
sot_victim_letter_get_sent_on (SotVictimLetter *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_LETTER (self), NULL);

  return self->sent_on;
}

const char *
sot_victim_letter_get_sent_by (SotVictimLetter *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_LETTER (self), NULL);

  return self->sent_by;
}

gint64
sot_victim_letter_get_victim_id (SotVictimLetter *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_LETTER (self), 0);

  return self->victim_id;
}
