/* sot-victim-rights.c: victims' enhanced rights and what the victim pages read of them
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-rights"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-record.h"
#include "sot-victim-checks.h"
#include "sot-victim-rights.h"

/* What a failed write says; the workspace's own message follows. */
static const char save_failed[] = N_("Cannot save the victim’s record");

struct _SotVictimInfo
{
  GObject parent_instance;

  gint64          id;
  char           *uuid;
  gboolean        enhanced;
  char           *opt_out_on;
  guint           frequency_days;
  char           *channel;
};

static const SotRecordField victim_info_fields[] = {
  SOT_RECORD_FIELD (SotVictimInfo, id, "id", SOT_FIELD_INT64),
  SOT_RECORD_FIELD (SotVictimInfo, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimInfo, enhanced, "enhanced", SOT_FIELD_BOOLEAN),
  SOT_RECORD_FIELD (SotVictimInfo, opt_out_on, "opt-out-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimInfo, frequency_days, "frequency-days", SOT_FIELD_UINT),
  SOT_RECORD_FIELD (SotVictimInfo, channel, "channel", SOT_FIELD_STRING),
};

SOT_DEFINE_RECORD_TYPE (SotVictimInfo, sot_victim_info, victim_info_fields)

static gpointer
victim_info_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  SotVictimInfo *info = g_object_new (SOT_TYPE_VICTIM_INFO, NULL);

  sot_record_fill (info, victim_info_fields, G_N_ELEMENTS (victim_info_fields), stmt);

  return info;
}

GListModel *
sot_victim_info_list (SotStore  *store,
                      gint64     investigation_id,
                      GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT v.id, v.uuid, v.enhanced_rights, v.enhanced_opt_out_on, "
                               "p.frequency_days, p.channel FROM victim v "
                               "LEFT JOIN victim_contact_preference p ON p.id = "
                               "(SELECT q.id FROM victim_contact_preference q "
                               "WHERE q.victim_id = v.id "
                               "ORDER BY q.changed_at DESC, q.id DESC LIMIT 1) "
                               "WHERE v.investigation_id = ?1 ORDER BY v.id",
                               investigation_id, SOT_TYPE_VICTIM_INFO, victim_info_from_row, NULL,
                               _("Cannot read the victims"), error);
}

gboolean
sot_victim_set_enhanced (SotStore    *store,
                         gint64       victim_id,
                         gboolean     enhanced,
                         const char  *opt_out_on,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *victim_uuid = NULL;
  g_autofree char *investigation_uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!enhanced &&
      !sot_victim_check_required_date (opt_out_on, _("The date of the opt-out"), error))
    return FALSE;

  if (!sot_victim_lookup (store, victim_id, NULL, &victim_uuid, &investigation_uuid, error))
    return FALSE;

  stmt = sot_store_write_begin (store,
                                "UPDATE victim SET enhanced_rights = ?1, enhanced_opt_out_on = ?2 "
                                "WHERE id = ?3",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, enhanced ? 1 : 0);
  sot_store_bind_text (stmt, 2, enhanced ? NULL : opt_out_on);
  sqlite3_bind_int64 (stmt, 3, victim_id);

  change = (SotChange) {
    .action = SOT_AUDIT_ALTER,
    .entity_type = SOT_ENTITY_VICTIM,
    .entity_uuid = victim_uuid,
    .reason = reason != NULL ? reason : enhanced ? "enhanced rights" : "enhanced rights opt-out",
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gint64
sot_victim_info_get_id (SotVictimInfo *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_INFO (self), 0);

  return self->id;
}

const char *
sot_victim_info_get_uuid (SotVictimInfo *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_INFO (self), NULL);

  return self->uuid;
}

gboolean
sot_victim_info_get_enhanced (SotVictimInfo *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_INFO (self), FALSE);

  return self->enhanced;
}

const char *
sot_victim_info_get_opt_out_on (SotVictimInfo *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_INFO (self), NULL);

  return self->opt_out_on;
}

guint
sot_victim_info_get_frequency_days (SotVictimInfo *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_INFO (self), 0);

  return self->frequency_days;
}

const char *
sot_victim_info_get_channel (SotVictimInfo *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_INFO (self), NULL);

  return self->channel;
}
