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

void
sot_contact_preference_free (SotContactPreference *preference)
{
  if (preference == NULL)
    return;

  g_free (preference->uuid);
  g_free (preference->channel);
  g_free (preference->changed_at);
  g_free (preference->changed_by);
  g_free (preference);
}

/* Keeps the victim's one open cadence deadline at the agreed distance from the later of the
 * latest contact and the agreement; opens one (with @new_uuid) when none is open. */
static gboolean
reschedule_cadence (SotStore    *store,
                    gint64       investigation_id,
                    gint64       victim_id,
                    const char  *victim_uuid,
                    const char  *new_uuid,
                    GError     **error)
{
  g_autofree char *agreed_at = NULL;
  g_autofree char *last_contact = NULL;
  g_autofree char *due_at = NULL;
  const char *base;
  sqlite3_stmt *stmt;
  guint frequency = 0;
  gint64 open_id = 0;
  GDate due;

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

  /* No cadence agreed yet: nothing is due. */
  if (frequency == 0)
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

  if (!sot_deadline_day_of (base, &due))
    return sot_victim_invalid (error, _("A stored contact time cannot be read"));
  g_date_add_days (&due, frequency);

  stmt = sot_store_prepare (store,
                            "SELECT id FROM deadline WHERE investigation_id = ?1 AND kind = ?2 "
                            "AND source_uuid = ?3 AND met_at IS NULL ORDER BY id LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, investigation_id);
  sqlite3_bind_text (stmt, 2, SOT_DEADLINE_CADENCE, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, victim_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    open_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (open_id == 0)
    return sot_deadline_add (store, investigation_id, SOT_DEADLINE_CADENCE, victim_uuid, &due,
                             new_uuid, error);

  due_at = sot_deadline_end_of_day (&due);
  stmt = sot_store_prepare (store, "UPDATE deadline SET due_at = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, due_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, open_id);
  return sot_store_step_done (store, stmt, _(save_failed), error);
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

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (frequency_days < 1 || frequency_days > 365)
    return sot_victim_invalid (error, _("The agreed update frequency must be between 1 and 365 days"));
  if (!(channel != NULL && g_strv_contains (channels, channel)))
    return sot_victim_invalid (error, _("Choose how the victim wants to be contacted"));

  if (!sot_victim_lookup (store, victim_id, &investigation_id, &victim_uuid, &investigation_uuid,
                      error))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);
  cadence_uuid = sot_derive_uuid (uuid, SOT_DEADLINE_CADENCE);

  now = at != NULL ? g_date_time_ref (at) : sot_store_now (store);
  changed_at = sot_time_format_utc (now);

  if (!sot_store_begin (store, error))
    return FALSE;

  stmt = sot_store_prepare (store,
                            "INSERT INTO victim_contact_preference (uuid, investigation_id, "
                            "victim_id, frequency_days, channel, changed_at, changed_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_int64 (stmt, 3, victim_id);
  sqlite3_bind_int (stmt, 4, frequency_days);
  sqlite3_bind_text (stmt, 5, channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, changed_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, sot_store_get_operator (store), -1, SQLITE_TRANSIENT);
  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    goto fail;

  if (!reschedule_cadence (store, investigation_id, victim_id, victim_uuid, cadence_uuid, error))
    goto fail;

  return sot_store_finish_write (store, SOT_AUDIT_COLLECT, "victim_contact_preference", uuid,
                                 NULL, investigation_uuid, error);

fail:
  sot_store_rollback (store);
  return FALSE;
}

static gpointer
contact_preference_from_row (sqlite3_stmt *stmt,
                             gpointer      user_data)
{
  SotContactPreference *p = g_new0 (SotContactPreference, 1);

  p->uuid = sot_store_column_dup (stmt, 0);
  p->frequency_days = sqlite3_column_int (stmt, 1);
  p->channel = sot_store_column_dup (stmt, 2);
  p->changed_at = sot_store_column_dup (stmt, 3);
  p->changed_by = sot_store_column_dup (stmt, 4);

  return p;
}

GPtrArray *
sot_victim_preference_history (SotStore  *store,
                               gint64     victim_id,
                               GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_list (store,
                              "SELECT uuid, frequency_days, channel, changed_at, changed_by "
                              "FROM victim_contact_preference WHERE victim_id = ?1 "
                              "ORDER BY changed_at DESC, id DESC",
                              victim_id, contact_preference_from_row, NULL,
                              (GDestroyNotify) sot_contact_preference_free,
                              _("Cannot read the contact agreements"), error);
}

/* ------------------------------------------------------------------------------------------ */
/* The contact log                                                                             */

void
sot_victim_contact_free (SotVictimContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->uuid);
  g_free (contact->contact_at);
  g_free (contact->channel);
  g_free (contact->who);
  g_free (contact->summary);
  g_strfreev (contact->covered);
  g_free (contact);
}

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

static gboolean
add_cover (SotStore     *store,
           gint64        investigation_id,
           gint64        contact_id,
           const char   *contact_uuid,
           gint64        deadline_id,
           const char   *deadline_uuid,
           const char   *contact_at,
           GError      **error)
{
  g_autofree char *uuid = sot_derive_uuid (contact_uuid, deadline_uuid);
  sqlite3_stmt *stmt;

  stmt = sot_store_prepare (store,
                            "INSERT INTO victim_contact_covers (uuid, investigation_id, contact_id, "
                            "deadline_id) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (contact_id, deadline_id) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_int64 (stmt, 3, contact_id);
  sqlite3_bind_int64 (stmt, 4, deadline_id);
  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    return FALSE;

  /* A deadline met earlier keeps its first met time. */
  stmt = sot_store_prepare (store,
                            "UPDATE deadline SET met_at = ?1 WHERE id = ?2 AND met_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, contact_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, deadline_id);
  return sot_store_step_done (store, stmt, _(save_failed), error);
}

/* Every contact is an update: the latest contact meets the open cadence deadline and the next
 * one opens. An older contact logged late leaves the cadence alone. */
static gboolean
advance_cadence (SotStore    *store,
                 gint64       investigation_id,
                 gint64       victim_id,
                 const char  *victim_uuid,
                 gint64       contact_id,
                 const char  *contact_uuid,
                 const char  *contact_at,
                 GError     **error)
{
  g_autofree char *latest_other = NULL;
  g_autofree char *next_uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 open_id = 0;
  g_autofree char *open_uuid = NULL;
  gboolean agreed = FALSE;

  /* Without an agreed cadence there is nothing to move on. */
  stmt = sot_store_prepare (store,
                            "SELECT 1 FROM victim_contact_preference WHERE victim_id = ?1 LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, victim_id);
  agreed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

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

  if (latest_other != NULL && strcmp (latest_other, contact_at) > 0)
    return TRUE;

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
      open_id = sqlite3_column_int64 (stmt, 0);
      open_uuid = sot_store_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (open_id != 0 &&
      !add_cover (store, investigation_id, contact_id, contact_uuid, open_id, open_uuid,
                  contact_at, error))
    return FALSE;

  next_uuid = sot_derive_uuid (contact_uuid, SOT_DEADLINE_CADENCE);
  return reschedule_cadence (store, investigation_id, victim_id, victim_uuid, next_uuid, error);
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
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GArray) covered = NULL;
  g_autofree char *victim_uuid = NULL;
  gint64 victim_id;
  gint64 contact_id;
  const char *uuid;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if (!(details->channel != NULL && g_strv_contains (channels, details->channel)))
    return sot_victim_invalid (error, _("Choose how the victim was contacted"));
  if (sot_text_is_blank (details->who))
    return sot_victim_invalid (error, _("Say who made the contact"));

  if (!(investigation_uuid = sot_investigation_uuid_for_id (store, investigation_id, error)))
    return FALSE;

  victim_id = details->victim_id;
  if (victim_id == 0 && (victim_id = sot_victim_first (store, investigation_id, error)) < 0)
    return FALSE;
  if (victim_id != 0)
    {
      gint64 owner = 0;

      if (!sot_victim_lookup (store, victim_id, &owner, &victim_uuid, NULL, error))
        return FALSE;
      if (owner != investigation_id)
        return sot_victim_invalid (error, _("The victim is not a victim of this investigation"));
    }

  now = sot_store_now (store);
  recorded_at = sot_time_format_utc (now);
  contact_at = sot_time_format_utc (details->at != NULL ? details->at : now);

  covered = g_array_new (FALSE, TRUE, sizeof (CoveredDeadline));
  g_array_set_clear_func (covered, covered_deadline_clear);
  if (!resolve_covers (store, investigation_id, details->covers, contact_at, covered, error))
    return FALSE;

  uuid = details->uuid != NULL ? details->uuid : (random_uuid = sot_store_make_uuid (store));

  if (!sot_store_begin (store, error))
    return FALSE;

  stmt = sot_store_prepare (store,
                            "INSERT INTO victim_contact (uuid, investigation_id, victim_id, "
                            "contact_at, channel, who, isva_present, recorded_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    goto fail;

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
  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    goto fail;

  contact_id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));

  if (details->summary != NULL && *details->summary != '\0')
    {
      stmt = sot_store_prepare (store,
                                "INSERT INTO victim_contact_note (contact_id, summary) "
                                "VALUES (?1, ?2)",
                                error);
      if (stmt == NULL)
        goto fail;

      sqlite3_bind_int64 (stmt, 1, contact_id);
      sqlite3_bind_text (stmt, 2, details->summary, -1, SQLITE_TRANSIENT);
      if (!sot_store_step_done (store, stmt, _(save_failed), error))
        goto fail;
    }

  for (guint i = 0; i < covered->len; i++)
    {
      CoveredDeadline *c = &g_array_index (covered, CoveredDeadline, i);

      if (!add_cover (store, investigation_id, contact_id, uuid, c->id, c->uuid, contact_at,
                      error))
        goto fail;
    }

  if (victim_id != 0 &&
      !advance_cadence (store, investigation_id, victim_id, victim_uuid, contact_id, uuid,
                        contact_at, error))
    goto fail;

  if (!sot_store_finish_write (store, SOT_AUDIT_COLLECT, "victim_contact", uuid, NULL,
                               investigation_uuid, error))
    return FALSE;

  if (out_uuid != NULL)
    *out_uuid = g_strdup (uuid);

  return TRUE;

fail:
  sot_store_rollback (store);
  return FALSE;
}

GPtrArray *
sot_victim_contact_list (SotStore  *store,
                         gint64     investigation_id,
                         GError   **error)
{
  g_autoptr(GPtrArray) list = NULL;
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

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sot_victim_contact_free);
  sqlite3_bind_int64 (stmt, 1, investigation_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SotVictimContact *c = g_new0 (SotVictimContact, 1);
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

  return g_steal_pointer (&list);
}
