/* sot-right6.c: Victims' Code Right 6 events and the deadlines to tell the victim of them
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-right6"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-deadline.h"
#include "sot-record.h"
#include "sot-right6.h"
#include "sot-time.h"
#include "sot-uuid.h"
#include "sot-victims-code.h"
#include "sot-victim-checks.h"

/* What a failed write says; the workspace's own message follows. */
static const char save_failed[] = N_("Cannot save the victim’s record");

static const struct {
  const char *name;
  const char *label;
} right6_events[SOT_RIGHT6_N_EVENTS] = {
  [SOT_RIGHT6_ARREST] = { "arrest", N_("Suspect arrested") },
  [SOT_RIGHT6_INTERVIEW] = { "interview", N_("Suspect interviewed under caution") },
  [SOT_RIGHT6_RELEASED] = { "released", N_("Suspect released without charge") },
  [SOT_RIGHT6_BAIL] = { "bail", N_("Suspect bailed or released under investigation") },
  [SOT_RIGHT6_BAIL_CHANGE] = { "bail-change", N_("Bail conditions changed or cancelled") },
  [SOT_RIGHT6_NO_INVESTIGATION] = { "no-investigation", N_("Decision not to investigate") },
  [SOT_RIGHT6_CHARGE] = { "charge", N_("Decision to charge") },
  [SOT_RIGHT6_NFA] = { "nfa", N_("Decision to take no further action") },
  [SOT_RIGHT6_OOCD] = { "oocd", N_("Out-of-court disposal") },
  [SOT_RIGHT6_DISCONTINUANCE] = { "discontinuance",
                                  N_("Charges discontinued or substantially altered") },
};

gboolean
sot_right6_event_from_string (const char     *text,
                              SotRight6Event *event)
{
  g_return_val_if_fail (event != NULL, FALSE);

  for (guint i = 0; i < SOT_RIGHT6_N_EVENTS; i++)
    {
      if (g_strcmp0 (text, right6_events[i].name) == 0)
        {
          *event = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sot_right6_event_to_string (SotRight6Event event)
{
  g_return_val_if_fail (event < SOT_RIGHT6_N_EVENTS, NULL);

  return right6_events[event].name;
}

const char *
sot_right6_event_label (SotRight6Event event)
{
  g_return_val_if_fail (event < SOT_RIGHT6_N_EVENTS, NULL);

  return _(right6_events[event].label);
}

gboolean
sot_right6_deadline (SotCalendar     *self,
                     SotRight6Event   event,
                     GDateTime       *when,
                     gboolean         enhanced,
                     GDate           *due,
                     GError         **error)
{
  SotVictimsCode *code;
  GDate event_day;
  guint days;

  g_return_val_if_fail (SOT_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (event < SOT_RIGHT6_N_EVENTS, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  /* The limits are the rules' data, not ours: the Code is being revised. */
  if ((code = sot_victims_code_get_default (error)) == NULL)
    return FALSE;

  if (!sot_victims_code_right6_days (code, right6_events[event].name, enhanced, &days))
    return sot_set_invalid (error, _("The Victims’ Code rules have no limit for this event"));

  sot_date_from_time (when, &event_day);

  return sot_calendar_add_working_days (self, &event_day, days, due, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Recorded events                                                                             */

struct _SotRight6Record
{
  GObject parent_instance;

  char           *uuid;
  SotRight6Event  event;
  char           *occurred_at;
  gint64          suspect_id;
  gboolean        enhanced;
  char           *due_on;
  char           *deadline_uuid;
  char           *met_at;
};

static const SotRecordField right6_record_fields[] = {
  SOT_RECORD_FIELD (SotRight6Record, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotRight6Record, event, "event", SOT_FIELD_INT),
  SOT_RECORD_FIELD (SotRight6Record, occurred_at, "occurred-at", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotRight6Record, suspect_id, "suspect-id", SOT_FIELD_INT64),
  SOT_RECORD_FIELD (SotRight6Record, enhanced, "enhanced", SOT_FIELD_BOOLEAN),
  SOT_RECORD_FIELD (SotRight6Record, due_on, "due-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotRight6Record, deadline_uuid, "deadline-uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotRight6Record, met_at, "met-at", SOT_FIELD_STRING),
};

SOT_DEFINE_RECORD_TYPE (SotRight6Record, sot_right6_record, right6_record_fields)

/* The investigation's UUID, and whether its victims had enhanced rights on @day: any victim
 * who has them, or who opted out only after that day. With no victim recorded, the stricter
 * limit applies. */
static gboolean
investigation_and_rights (SotStore     *store,
                          gint64        investigation_id,
                          const GDate  *day,
                          char        **investigation_uuid,
                          gboolean     *enhanced,
                          GError      **error)
{
  g_autofree char *day_text = sot_date_format (day);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sot_store_prepare (store,
                            "SELECT i.uuid, NOT EXISTS (SELECT 1 FROM victim v "
                            "WHERE v.investigation_id = i.id) OR EXISTS (SELECT 1 FROM victim v "
                            "WHERE v.investigation_id = i.id AND (v.enhanced_rights = 1 "
                            "OR v.enhanced_opt_out_on > ?2)) FROM investigation i WHERE i.id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, investigation_id);
  sqlite3_bind_text (stmt, 2, day_text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *investigation_uuid = sot_store_column_dup (stmt, 0);
      *enhanced = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                   _("There is no investigation %lld"), (long long) investigation_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot read the victims"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sot_right6_record (SotStore        *store,
                   gint64           investigation_id,
                   SotRight6Event   event,
                   GDateTime       *occurred_at,
                   gint64           suspect_id,
                   const char      *uuid,
                   char           **out_uuid,
                   GError         **error)
{
  g_autofree char *investigation_uuid = NULL;
  g_autofree char *random_uuid = NULL;
  g_autofree char *occurred_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *recorded_at = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *deadline_uuid = NULL;
  g_autoptr(GDateTime) now = NULL;
  SotCalendar *calendar;
  gboolean enhanced = TRUE;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate event_day, due;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (event < SOT_RIGHT6_N_EVENTS, FALSE);
  g_return_val_if_fail (occurred_at != NULL, FALSE);

  sot_date_from_time (occurred_at, &event_day);
  if (!investigation_and_rights (store, investigation_id, &event_day, &investigation_uuid,
                                 &enhanced, error))
    return FALSE;

  if (suspect_id != 0 && !sot_victim_check_suspect (store, investigation_id, suspect_id, error))
    return FALSE;

  /* The calendar refuses a day outside its table: nothing is written then. */
  if (!(calendar = sot_store_get_calendar (store, error)) ||
      !sot_right6_deadline (calendar, event, occurred_at, enhanced, &due, error))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  occurred_text = sot_time_format_utc (occurred_at);
  due_text = sot_date_format (&due);
  now = sot_store_now (store);
  recorded_at = sot_time_format_utc (now);
  kind = g_strconcat (SOT_DEADLINE_RIGHT6_PREFIX, sot_right6_event_to_string (event), NULL);
  deadline_uuid = sot_derive_uuid (uuid, "deadline");

  stmt = sot_store_write_begin (store,
                                "INSERT INTO right6_event (uuid, investigation_id, event, "
                                "occurred_at, suspect_id, enhanced, due_on, recorded_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, sot_right6_event_to_string (event), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, occurred_text, -1, SQLITE_TRANSIENT);
  if (suspect_id != 0)
    sqlite3_bind_int64 (stmt, 5, suspect_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, enhanced ? 1 : 0);
  sqlite3_bind_text (stmt, 7, due_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, recorded_at, -1, SQLITE_TRANSIENT);

  stmt = sot_deadline_add_next (store, stmt, investigation_id, kind, uuid, &due, deadline_uuid,
                                error);
  if (stmt == NULL)
    return FALSE;

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_RIGHT6_EVENT,
    .entity_uuid = uuid,
    .investigation_uuid = investigation_uuid,
  };
  if (!sot_store_write_end (store, stmt, &change, _(save_failed), error))
    return FALSE;

  if (out_uuid != NULL)
    *out_uuid = g_strdup (uuid);

  return TRUE;
}

static gpointer
right6_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  SotRight6Record *r = g_object_new (SOT_TYPE_RIGHT6_RECORD, NULL);

  r->uuid = sot_store_column_dup (stmt, 0);
  if (!sot_right6_event_from_string (sot_store_column_text (stmt, 1), &r->event))
    r->event = SOT_RIGHT6_ARREST;
  r->occurred_at = sot_store_column_dup (stmt, 2);
  r->suspect_id = sqlite3_column_int64 (stmt, 3);
  r->enhanced = sqlite3_column_int (stmt, 4) != 0;
  r->due_on = sot_store_column_dup (stmt, 5);
  r->deadline_uuid = sot_store_column_dup (stmt, 6);
  r->met_at = sot_store_column_dup (stmt, 7);

  return r;
}

GListModel *
sot_right6_list (SotStore  *store,
                 gint64     investigation_id,
                 GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT r.uuid, r.event, r.occurred_at, r.suspect_id, r.enhanced, "
                               "r.due_on, d.uuid, d.met_at FROM right6_event r "
                               "LEFT JOIN deadline d ON d.source_uuid = r.uuid "
                               "AND d.kind GLOB 'right6:*' "
                               "WHERE r.investigation_id = ?1 ORDER BY r.occurred_at, r.id",
                               investigation_id, SOT_TYPE_RIGHT6_RECORD, right6_from_row, NULL,
                               _("Cannot read the Victims’ Code events"), error);
}

const char *
sot_right6_record_get_uuid (SotRight6Record *self)
{
  g_return_val_if_fail (SOT_IS_RIGHT6_RECORD (self), NULL);

  return self->uuid;
}

SotRight6Event
sot_right6_record_get_event (SotRight6Record *self)
{
  g_return_val_if_fail (SOT_IS_RIGHT6_RECORD (self), 0);

  return self->event;
}

const char *
sot_right6_record_get_occurred_at (SotRight6Record *self)
{
  g_return_val_if_fail (SOT_IS_RIGHT6_RECORD (self), NULL);

  return self->occurred_at;
}

gint64
sot_right6_record_get_suspect_id (SotRight6Record *self)
{
  g_return_val_if_fail (SOT_IS_RIGHT6_RECORD (self), 0);

  return self->suspect_id;
}

gboolean
sot_right6_record_get_enhanced (SotRight6Record *self)
{
  g_return_val_if_fail (SOT_IS_RIGHT6_RECORD (self), FALSE);

  return self->enhanced;
}

const char *
sot_right6_record_get_due_on (SotRight6Record *self)
{
  g_return_val_if_fail (SOT_IS_RIGHT6_RECORD (self), NULL);

  return self->due_on;
}

const char *
sot_right6_record_get_deadline_uuid (SotRight6Record *self)
{
  g_return_val_if_fail (SOT_IS_RIGHT6_RECORD (self), NULL);

  return self->deadline_uuid;
}

const char *
sot_right6_record_get_met_at (SotRight6Record *self)
{
  g_return_val_if_fail (SOT_IS_RIGHT6_RECORD (self), NULL);

  return self->met_at;
}
