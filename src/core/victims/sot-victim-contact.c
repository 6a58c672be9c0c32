/* sot-victim-contact.c: the agreed contact cadence and channel, and the contact log
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-contact"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-deadline.h"
#include "sot-investigation.h"
#include "sot-record.h"
#include "sot-right6.h"
#include "sot-time.h"
#include "sot-uuid.h"
#include "sot-victim-checks.h"
#include "sot-victim-contact.h"

/* What a failed write says; the workspace's own message follows. */
static const char save_failed[] = N_("Cannot save the victim’s record");

static const char * const channels[] = {
  SOT_CHANNEL_PHONE, SOT_CHANNEL_EMAIL, SOT_CHANNEL_IN_PERSON, SOT_CHANNEL_VIDEO,
  SOT_CHANNEL_TEXT, SOT_CHANNEL_LETTER, SOT_CHANNEL_VIA_ISVA, NULL,
};

const char * const *
sot_contact_channels (void)
{
  return channels;
}

const char *
sot_contact_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, SOT_CHANNEL_PHONE) == 0)
    return _("Phone");
  if (g_strcmp0 (channel, SOT_CHANNEL_EMAIL) == 0)
    return _("Email");
  if (g_strcmp0 (channel, SOT_CHANNEL_LETTER) == 0)
    return _("Letter");
  if (g_strcmp0 (channel, SOT_CHANNEL_IN_PERSON) == 0)
    return _("In person");
  if (g_strcmp0 (channel, SOT_CHANNEL_VIDEO) == 0)
    return _("Video call");
  if (g_strcmp0 (channel, SOT_CHANNEL_TEXT) == 0)
    return _("Text message");
  if (g_strcmp0 (channel, SOT_CHANNEL_VIA_ISVA) == 0)
    return _("Through the ISVA");
  return channel;
}

/* ------------------------------------------------------------------------------------------ */
/* The agreed cadence and channel                                                              */

struct _SotContactPreference
{
  GObject parent_instance;

  char           *uuid;
  guint           frequency_days;
  char           *channel;
  char           *changed_at;
  char           *changed_by;
};

static const SotRecordField contact_preference_fields[] = {
  SOT_RECORD_FIELD (SotContactPreference, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotContactPreference, frequency_days, "frequency-days", SOT_FIELD_UINT),
  SOT_RECORD_FIELD (SotContactPreference, channel, "channel", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotContactPreference, changed_at, "changed-at", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotContactPreference, changed_by, "changed-by", SOT_FIELD_STRING),
};

SOT_DEFINE_RECORD_TYPE (SotContactPreference, sot_contact_preference, contact_preference_fields)

/* The due day of the victim's cadence: the agreed number of days after the later of the latest
 * contact and the agreement. @agreed is %FALSE when no cadence is agreed (nothing is due). */
static gboolean
cadence_due (SotStore  *store,
             gint64     victim_id,
             gboolean  *agreed,
             GDate     *due,
             GError   **error)
{
  g_autofree char *agreed_at = NULL;
  g_autofree char *last_contact = NULL;
  const char *base;
  sqlite3_stmt *stmt;
  guint frequency = 0;

  stmt = sot_store_prepare (store,
                            "SELECT frequency_days, changed_at FROM victim_contact_preference "
                            "WHERE victim_id = ?1 ORDER BY changed_at DESC, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, victim_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      frequency = sqlite3_column_int (stmt, 0);
      agreed_at = sot_store_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  *agreed = frequency != 0;
  if (!*agreed)
    return TRUE;

  stmt = sot_store_prepare (store,
                            "SELECT max (contact_at) FROM victim_contact WHERE victim_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, victim_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last_contact = sot_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  base = agreed_at;
  if (last_contact != NULL && strcmp (last_contact, agreed_at) > 0)
    base = last_contact;

  if (!sot_deadline_day_of (base, due))
    return sot_victim_invalid (error, _("A stored contact time cannot be read"));
  g_date_add_days (due, frequency);

  return TRUE;
}

/* Runs @done, then keeps the victim's one open cadence deadline at cadence_due(), opening one
 * (with @new_uuid) when none is open. Both statements do nothing without an agreed cadence.
 * Returns the last statement, bound, for the write to go on with. */
static sqlite3_stmt *
reschedule_cadence_next (SotStore      *store,
                         sqlite3_stmt  *done,
                         gint64         investigation_id,
                         gint64         victim_id,
                         const char    *victim_uuid,
                         const char    *new_uuid,
                         GError       **error)
{
  g_autofree char *due_at = NULL;
  sqlite3_stmt *stmt;
  gboolean agreed;
  GDate due;

  g_assert (new_uuid != NULL);

  stmt = sot_store_write_next (store, done,
                               "UPDATE deadline SET due_at = ?1 WHERE ?1 IS NOT NULL AND id = "
                               "(SELECT id FROM deadline WHERE investigation_id = ?2 AND kind = ?3 "
                               "AND source_uuid = ?4 AND met_at IS NULL ORDER BY id LIMIT 1)",
                               _(save_failed), error);
  if (stmt == NULL)
    return NULL;

  /* @done has run: the agreement or contact it wrote counts. */
  if (!cadence_due (store, victim_id, &agreed, &due, error))
    {
      sot_store_write_abort (store);
      return NULL;
    }
  if (agreed)
    due_at = sot_deadline_end_of_day (&due);

  sot_store_bind_text (stmt, 1, due_at);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, SOT_DEADLINE_CADENCE, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, victim_uuid, -1, SQLITE_TRANSIENT);

  stmt = sot_store_write_next (store, stmt,
                               "INSERT INTO deadline (uuid, investigation_id, kind, source_uuid, "
                               "due_at) SELECT ?1, ?2, ?3, ?4, ?5 WHERE ?5 IS NOT NULL AND NOT "
                               "EXISTS (SELECT 1 FROM deadline WHERE investigation_id = ?2 "
                               "AND kind = ?3 AND source_uuid = ?4 AND met_at IS NULL)",
                               _(save_failed), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, new_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, SOT_DEADLINE_CADENCE, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, victim_uuid, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 5, due_at);

  return stmt;
}

gboolean
sot_victim_set_preference (SotStore    *store,
                           gint64       victim_id,
                           guint        frequency_days,
                           const char  *channel,
                           GDateTime   *at,
                           const char  *uuid,
                           GError     **error)
{
  g_autofree char *victim_uuid = NULL;
  g_autofree char *investigation_uuid = NULL;
  g_autofree char *random_uuid = NULL;
  g_autofree char *changed_at = NULL;
  g_autofree char *cadence_uuid = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 investigation_id = 0;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (frequency_days < 1 || frequency_days > 365)
    return sot_victim_invalid (error,
                               _("The agreed update frequency must be between 1 and 365 days"));
  if (channel == NULL || !g_strv_contains (channels, channel))
    return sot_victim_invalid (error, _("Choose how the victim wants to be contacted"));

  if (!sot_victim_lookup (store, victim_id, &investigation_id, &victim_uuid, &investigation_uuid,
                          error))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);
  cadence_uuid = sot_derive_uuid (uuid, SOT_DEADLINE_CADENCE);

  now = at != NULL ? g_date_time_ref (at) : sot_store_now (store);
  changed_at = sot_time_format_utc (now);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO victim_contact_preference (uuid, investigation_id, "
                                "victim_id, frequency_days, channel, changed_at, changed_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_int64 (stmt, 3, victim_id);
  sqlite3_bind_int (stmt, 4, frequency_days);
  sqlite3_bind_text (stmt, 5, channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, changed_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, sot_store_get_operator (store), -1, SQLITE_TRANSIENT);

  stmt = reschedule_cadence_next (store, stmt, investigation_id, victim_id, victim_uuid,
                                  cadence_uuid, error);
  if (stmt == NULL)
    return FALSE;

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_VICTIM_CONTACT_PREFERENCE,
    .entity_uuid = uuid,
    .investigation_uuid = investigation_uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

static gpointer
contact_preference_from_row (sqlite3_stmt *stmt,
                             gpointer      user_data)
{
  SotContactPreference *p = g_object_new (SOT_TYPE_CONTACT_PREFERENCE, NULL);

  sot_record_fill (p, contact_preference_fields, G_N_ELEMENTS (contact_preference_fields), stmt);

  return p;
}

GListModel *
sot_victim_preference_history (SotStore  *store,
                               gint64     victim_id,
                               GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT uuid, frequency_days, channel, changed_at, changed_by "
                               "FROM victim_contact_preference WHERE victim_id = ?1 "
                               "ORDER BY changed_at DESC, id DESC",
                               victim_id, SOT_TYPE_CONTACT_PREFERENCE,
                               contact_preference_from_row, NULL,
                               _("Cannot read the contact agreements"), error);
}

/* ------------------------------------------------------------------------------------------ */
/* The contact log                                                                             */

struct _SotVictimContact
{
  GObject parent_instance;

  char           *uuid;
  char           *contact_at;
  char           *channel;
  char           *who;
  gboolean        isva_present;
  char           *summary;
  GStrv           covered;
  gint64          victim_id;
};

static const SotRecordField victim_contact_fields[] = {
  SOT_RECORD_FIELD (SotVictimContact, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimContact, contact_at, "contact-at", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimContact, channel, "channel", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimContact, who, "who", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimContact, isva_present, "isva-present", SOT_FIELD_BOOLEAN),
  SOT_RECORD_FIELD (SotVictimContact, summary, "summary", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotVictimContact, covered, "covered", SOT_FIELD_STRV),
  SOT_RECORD_FIELD (SotVictimContact, victim_id, "victim-id", SOT_FIELD_INT64),
};

SOT_DEFINE_RECORD_TYPE (SotVictimContact, sot_victim_contact, victim_contact_fields)

typedef struct {
  gint64 id;
  char  *uuid;
} CoveredDeadline;

static void
covered_deadline_clear (gpointer data)
{
  g_free (((CoveredDeadline *) data)->uuid);
}

/* Checks each covered deadline: it exists, is of this investigation, and its event did not
 * happen after the contact. */
static gboolean
resolve_covers (SotStore            *store,
                gint64               investigation_id,
                const char * const  *covers,
                const char          *contact_at,
                GArray              *out,
                GError             **error)
{
  sqlite3_stmt *stmt;

  if (covers == NULL)
    return TRUE;

  stmt = sot_store_prepare (store,
                            "SELECT d.id, d.investigation_id, r.occurred_at FROM deadline d "
                            "LEFT JOIN right6_event r ON d.kind GLOB 'right6:*' "
                            "AND r.uuid = d.source_uuid WHERE d.uuid = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; covers[i] != NULL; i++)
    {
      CoveredDeadline covered = { 0 };
      gint64 owner = 0;
      g_autofree char *occurred = NULL;
      int rc;

      sqlite3_bind_text (stmt, 1, covers[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          covered.id = sqlite3_column_int64 (stmt, 0);
          owner = sqlite3_column_int64 (stmt, 1);
          occurred = sot_store_column_dup (stmt, 2);
        }
      sqlite3_reset (stmt);

      if (covered.id == 0 || owner != investigation_id)
        return sot_victim_invalid (error, _("The contact names a deadline that is not of this investigation"));

      if (occurred != NULL && strcmp (occurred, contact_at) > 0)
        return sot_victim_invalid (error, _("A contact cannot tell the victim of an event that happened "
                                 "after it"));

      covered.uuid = g_strdup (covers[i]);
      g_array_append_val (out, covered);
    }

  return TRUE;
}

static void
bind_cover (sqlite3_stmt *stmt,
            gint64        investigation_id,
            gint64        contact_id,
            const char   *contact_uuid,
            gint64        deadline_id,
            const char   *deadline_uuid)
{
  g_autofree char *uuid = NULL;

  if (deadline_uuid != NULL)
    uuid = sot_derive_uuid (contact_uuid, deadline_uuid);

  sot_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_int64 (stmt, 3, contact_id);
  if (deadline_id != 0)
    sqlite3_bind_int64 (stmt, 4, deadline_id);
  else
    sqlite3_bind_null (stmt, 4);
}

/* The link from a contact to a deadline it covers; nothing when the deadline is NULL. */
static const char cover_sql[] =
  "INSERT INTO victim_contact_covers (uuid, investigation_id, contact_id, deadline_id) "
  "SELECT ?1, ?2, ?3, ?4 WHERE ?4 IS NOT NULL ON CONFLICT (contact_id, deadline_id) DO NOTHING";

/* Runs @cover, the bound link to @deadline_id, and meets the deadline at @contact_at; a
 * deadline met earlier keeps its first met time. Returns the statement, bound. */
static sqlite3_stmt *
meet_next (SotStore      *store,
           sqlite3_stmt  *cover,
           gint64         deadline_id,
           const char    *contact_at,
           GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = sot_store_write_next (store, cover,
                               "UPDATE deadline SET met_at = ?1 WHERE id = ?2 AND met_at IS NULL",
                               _(save_failed), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, contact_at, -1, SQLITE_TRANSIENT);
  if (deadline_id != 0)
    sqlite3_bind_int64 (stmt, 2, deadline_id);
  else
    sqlite3_bind_null (stmt, 2);

  return stmt;
}

/* Runs @done and links the contact to the deadline it covers, which it meets. */
static sqlite3_stmt *
cover_next (SotStore         *store,
            sqlite3_stmt     *done,
            gint64            investigation_id,
            gint64            contact_id,
            const char       *contact_uuid,
            CoveredDeadline  *covered,
            const char       *contact_at,
            GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = sot_store_write_next (store, done, cover_sql, _(save_failed), error);
  if (stmt == NULL)
    return NULL;

  bind_cover (stmt, investigation_id, contact_id, contact_uuid, covered->id, covered->uuid);
  return meet_next (store, stmt, covered->id, contact_at, error);
}

/* Whether the contact moves the cadence on: a cadence is agreed and no later contact with the
 * victim is logged (an older contact logged late leaves the cadence alone). */
static gboolean
contact_moves_cadence (SotStore    *store,
                       gint64       victim_id,
                       gint64       contact_id,
                       const char  *contact_at,
                       gboolean    *moves,
                       GError     **error)
{
  g_autofree char *latest_other = NULL;
  sqlite3_stmt *stmt;
  gboolean agreed;

  stmt = sot_store_prepare (store,
                            "SELECT 1 FROM victim_contact_preference WHERE victim_id = ?1 LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, victim_id);
  agreed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  *moves = FALSE;
  if (!agreed)
    return TRUE;

  stmt = sot_store_prepare (store,
                            "SELECT max (contact_at) FROM victim_contact "
                            "WHERE victim_id = ?1 AND id != ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, victim_id);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    latest_other = sot_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  *moves = latest_other == NULL || strcmp (latest_other, contact_at) <= 0;
  return TRUE;
}

/* The victim's open cadence deadline, if any (id 0 when none). */
static gboolean
open_cadence (SotStore         *store,
              gint64            investigation_id,
              const char       *victim_uuid,
              CoveredDeadline  *open,
              GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = sot_store_prepare (store,
                            "SELECT id, uuid FROM deadline WHERE investigation_id = ?1 AND kind = ?2 "
                            "AND source_uuid = ?3 AND met_at IS NULL ORDER BY id LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, investigation_id);
  sqlite3_bind_text (stmt, 2, SOT_DEADLINE_CADENCE, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, victim_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      open->id = sqlite3_column_int64 (stmt, 0);
      open->uuid = sot_store_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/* Every contact is an update: the latest contact meets the open cadence deadline and the next
 * one opens. Returns @done itself when the contact does not move the cadence, else the last
 * statement of the move, bound. */
static sqlite3_stmt *
advance_cadence_next (SotStore      *store,
                      sqlite3_stmt  *done,
                      gint64         investigation_id,
                      gint64         victim_id,
                      const char    *victim_uuid,
                      gint64         contact_id,
                      const char    *contact_uuid,
                      const char    *contact_at,
                      GError       **error)
{
  g_autofree char *next_uuid = NULL;
  CoveredDeadline open = { 0 };
  sqlite3_stmt *stmt;
  gboolean moves;

  if (!contact_moves_cadence (store, victim_id, contact_id, contact_at, &moves, error))
    {
      sot_store_write_abort (store);
      return NULL;
    }
  if (!moves)
    return done;

  stmt = sot_store_write_next (store, done, cover_sql, _(save_failed), error);
  if (stmt == NULL)
    return NULL;

  /* @done has run: a deadline the contact said it covers is met already. */
  if (!open_cadence (store, investigation_id, victim_uuid, &open, error))
    {
      sot_store_write_abort (store);
      return NULL;
    }

  bind_cover (stmt, investigation_id, contact_id, contact_uuid, open.id, open.uuid);
  stmt = meet_next (store, stmt, open.id, contact_at, error);
  covered_deadline_clear (&open);
  if (stmt == NULL)
    return NULL;

  next_uuid = sot_derive_uuid (contact_uuid, SOT_DEADLINE_CADENCE);
  return reschedule_cadence_next (store, stmt, investigation_id, victim_id, victim_uuid,
                                  next_uuid, error);
}

/* The victim contacted: the one @details names, else the investigation's first (0 and no UUID
 * when it has none). */
static gboolean
contact_victim (SotStore                 *store,
                gint64                    investigation_id,
                const SotContactDetails  *details,
                gint64                   *victim_id,
                char                    **victim_uuid,
                GError                  **error)
{
  gint64 owner = 0;

  *victim_id = details->victim_id;
  if (*victim_id == 0 && (*victim_id = sot_victim_first (store, investigation_id, error)) < 0)
    return FALSE;
  if (*victim_id == 0)
    return TRUE;

  if (!sot_victim_lookup (store, *victim_id, &owner, victim_uuid, NULL, error))
    return FALSE;
  if (owner != investigation_id)
    return sot_victim_invalid (error, _("The victim is not a victim of this investigation"));

  return TRUE;
}

/* Begins the write with the contact and its note (nothing when it has no summary), bound, and
 * gives the new contact's row id. */
static sqlite3_stmt *
begin_contact (SotStore                 *store,
               gint64                    investigation_id,
               const SotContactDetails  *details,
               const char               *uuid,
               gint64                    victim_id,
               const char               *contact_at,
               const char               *recorded_at,
               gint64                   *contact_id,
               GError                  **error)
{
  sqlite3_stmt *stmt;

  stmt = sot_store_write_begin (store,
                                "INSERT INTO victim_contact (uuid, investigation_id, victim_id, "
                                "contact_at, channel, who, isva_present, recorded_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  if (victim_id != 0)
    sqlite3_bind_int64 (stmt, 3, victim_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, contact_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, details->channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, details->who, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, details->isva_present ? 1 : 0);
  sqlite3_bind_text (stmt, 8, recorded_at, -1, SQLITE_TRANSIENT);

  stmt = sot_store_write_next (store, stmt,
                               "INSERT INTO victim_contact_note (contact_id, summary) "
                               "SELECT ?1, ?2 WHERE ?2 IS NOT NULL",
                               _(save_failed), error);
  if (stmt == NULL)
    return NULL;

  *contact_id = sot_store_last_insert_id (store);
  sqlite3_bind_int64 (stmt, 1, *contact_id);
  sot_store_bind_text (stmt, 2, details->summary);

  return stmt;
}

gboolean
sot_victim_contact_log (SotStore                 *store,
                        gint64                    investigation_id,
                        const SotContactDetails  *details,
                        char                    **out_uuid,
                        GError                  **error)
{
  g_autofree char *investigation_uuid = NULL;
  g_autofree char *random_uuid = NULL;
  g_autofree char *contact_at = NULL;
  g_autofree char *recorded_at = NULL;
  g_autofree char *victim_uuid = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GArray) covered = NULL;
  gint64 victim_id = 0;
  gint64 contact_id = 0;
  const char *uuid;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if (details->channel == NULL || !g_strv_contains (channels, details->channel))
    return sot_victim_invalid (error, _("Choose how the victim was contacted"));
  if (sot_text_is_blank (details->who))
    return sot_victim_invalid (error, _("Say who made the contact"));

  if (!(investigation_uuid = sot_investigation_uuid_for_id (store, investigation_id, error)) ||
      !contact_victim (store, investigation_id, details, &victim_id, &victim_uuid, error))
    return FALSE;

  now = sot_store_now (store);
  recorded_at = sot_time_format_utc (now);
  contact_at = sot_time_format_utc (details->at != NULL ? details->at : now);

  covered = g_array_new (FALSE, TRUE, sizeof (CoveredDeadline));
  g_array_set_clear_func (covered, covered_deadline_clear);
  if (!resolve_covers (store, investigation_id, details->covers, contact_at, covered, error))
    return FALSE;

  uuid = details->uuid != NULL ? details->uuid : (random_uuid = sot_store_make_uuid (store));

  stmt = begin_contact (store, investigation_id, details, uuid, victim_id, contact_at,
                        recorded_at, &contact_id, error);

  for (guint i = 0; stmt != NULL && i < covered->len; i++)
    stmt = cover_next (store, stmt, investigation_id, contact_id, uuid,
                       &g_array_index (covered, CoveredDeadline, i), contact_at, error);

  if (stmt != NULL && victim_id != 0)
    stmt = advance_cadence_next (store, stmt, investigation_id, victim_id, victim_uuid,
                                 contact_id, uuid, contact_at, error);
  if (stmt == NULL)
    return FALSE;

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_VICTIM_CONTACT,
    .entity_uuid = uuid,
    .investigation_uuid = investigation_uuid,
  };
  if (!sot_store_write_end (store, stmt, &change, _(save_failed), error))
    return FALSE;

  if (out_uuid != NULL)
    *out_uuid = g_strdup (uuid);

  return TRUE;
}

GListModel *
sot_victim_contact_list (SotStore  *store,
                         gint64     investigation_id,
                         GError   **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GListStore *model;
  sqlite3_stmt *stmt;
  sqlite3_stmt *covers_stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  stmt = sot_store_prepare (store,
                            "SELECT c.id, c.uuid, c.contact_at, c.channel, c.who, c.isva_present, "
                            "n.summary, c.victim_id FROM victim_contact c "
                            "LEFT JOIN victim_contact_note n ON n.contact_id = c.id "
                            "WHERE c.investigation_id = ?1 ORDER BY c.contact_at DESC, c.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  covers_stmt = sot_store_prepare (store,
                                   "SELECT d.kind, a.description FROM victim_contact_covers v "
                                   "JOIN deadline d ON d.id = v.deadline_id "
                                   "LEFT JOIN cps_action_item a ON d.kind = 'cps-action' "
                                   "AND a.uuid = d.source_uuid "
                                   "WHERE v.contact_id = ?1 ORDER BY v.id",
                                   error);
  if (covers_stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, investigation_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SotVictimContact *c = g_object_new (SOT_TYPE_VICTIM_CONTACT, NULL);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      c->uuid = sot_store_column_dup (stmt, 1);
      c->contact_at = sot_store_column_dup (stmt, 2);
      c->channel = sot_store_column_dup (stmt, 3);
      c->who = sot_store_column_dup (stmt, 4);
      c->isva_present = sqlite3_column_int (stmt, 5) != 0;
      c->summary = sot_store_column_dup (stmt, 6);
      c->victim_id = sqlite3_column_int64 (stmt, 7);

      sqlite3_reset (covers_stmt);
      sqlite3_bind_int64 (covers_stmt, 1, sqlite3_column_int64 (stmt, 0));
      while (sqlite3_step (covers_stmt) == SQLITE_ROW)
        {
          const char *kind = sot_store_column_text (covers_stmt, 0);
          SotRight6Event event;

          /* Short names: what the victim was told of. */
          if (g_str_has_prefix (kind, SOT_DEADLINE_RIGHT6_PREFIX) &&
              sot_right6_event_from_string (kind + strlen (SOT_DEADLINE_RIGHT6_PREFIX), &event))
            g_strv_builder_add (builder, sot_right6_event_label (event));
          else if (g_str_equal (kind, SOT_DEADLINE_CADENCE))
            g_strv_builder_add (builder, _("Agreed update"));
          else if (sot_store_column_text (covers_stmt, 1) != NULL)
            g_strv_builder_add (builder, sot_store_column_text (covers_stmt, 1));
          else
            g_strv_builder_add (builder, kind);
        }
      sqlite3_reset (covers_stmt);

      c->covered = g_strv_builder_end (builder);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot read the contact log"));
      return NULL;
    }

  /* One items-changed for the whole log, as sot_store_read_model() does. */
  model = g_list_store_new (SOT_TYPE_VICTIM_CONTACT);
  g_list_store_splice (model, 0, 0, list->pdata, list->len);
  return G_LIST_MODEL (model);
}

const char *
sot_contact_preference_get_uuid (SotContactPreference *self)
{
  g_return_val_if_fail (SOT_IS_CONTACT_PREFERENCE (self), NULL);

  return self->uuid;
}

guint
sot_contact_preference_get_frequency_days (SotContactPreference *self)
{
  g_return_val_if_fail (SOT_IS_CONTACT_PREFERENCE (self), 0);

  return self->frequency_days;
}

const char *
sot_contact_preference_get_channel (SotContactPreference *self)
{
  g_return_val_if_fail (SOT_IS_CONTACT_PREFERENCE (self), NULL);

  return self->channel;
}

const char *
sot_contact_preference_get_changed_at (SotContactPreference *self)
{
  g_return_val_if_fail (SOT_IS_CONTACT_PREFERENCE (self), NULL);

  return self->changed_at;
}

const char *
sot_contact_preference_get_changed_by (SotContactPreference *self)
{
  g_return_val_if_fail (SOT_IS_CONTACT_PREFERENCE (self), NULL);

  return self->changed_by;
}

const char *
sot_victim_contact_get_uuid (SotVictimContact *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_CONTACT (self), NULL);

  return self->uuid;
}

const char *
sot_victim_contact_get_contact_at (SotVictimContact *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_CONTACT (self), NULL);

  return self->contact_at;
}

const char *
sot_victim_contact_get_channel (SotVictimContact *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_CONTACT (self), NULL);

  return self->channel;
}

const char *
sot_victim_contact_get_who (SotVictimContact *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_CONTACT (self), NULL);

  return self->who;
}

gboolean
sot_victim_contact_get_isva_present (SotVictimContact *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_CONTACT (self), FALSE);

  return self->isva_present;
}

const char *
sot_victim_contact_get_summary (SotVictimContact *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_CONTACT (self), NULL);

  return self->summary;
}

const char * const *
sot_victim_contact_get_covered (SotVictimContact *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_CONTACT (self), NULL);

  return (const char * const *) self->covered;
}

gint64
sot_victim_contact_get_victim_id (SotVictimContact *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_CONTACT (self), 0);

  return self->victim_id;
}
