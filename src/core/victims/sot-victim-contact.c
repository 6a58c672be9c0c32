/* sot-victim-contact.c: Victims' Code rights, Right 6 deadlines, the contact log and letters
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-contact"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-investigation.h"
#include "sot-time.h"
#include "sot-victim-contact.h"

/* ------------------------------------------------------------------------------------------ */
/* Code lists                                                                                  */

static const char * const channels[] = {
  SOT_CHANNEL_PHONE, SOT_CHANNEL_EMAIL, SOT_CHANNEL_IN_PERSON, SOT_CHANNEL_VIDEO,
  SOT_CHANNEL_TEXT, SOT_CHANNEL_LETTER, SOT_CHANNEL_VIA_ISVA, NULL,
};

static const char * const letter_kinds[] = {
  SOT_LETTER_HELLO, SOT_LETTER_POINT_OF_CHARGE, SOT_LETTER_NFA, NULL,
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

static gboolean
in_list (const char * const *list,
         const char         *value)
{
  return value != NULL && g_strv_contains (list, value);
}

/* ------------------------------------------------------------------------------------------ */
/* Small helpers shared by the writers                                                         */

/* What a failed write says; the workspace's own message follows. */
static const char save_failed[] = N_("Cannot save the victim’s record");

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* An optional date: %NULL or empty is fine, anything else must be a real YYYY-MM-DD. */
static gboolean
check_optional_date (const char  *text,
                     GError     **error)
{
  GDate date;
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  if (!sot_date_parse (text, &date, &local_error))
    return invalid (error, local_error->message);

  return TRUE;
}

static gboolean
check_required_date (const char  *text,
                     const char  *what,
                     GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID, _("%s is required"), what);
      return FALSE;
    }

  return check_optional_date (text, error);
}

/* The victim's investigation, and the UUIDs of both. */
static gboolean
victim_lookup (SotStore  *store,
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

/* The first victim recorded in an investigation, or 0 when there is none. */
static gint64
first_victim (SotStore  *store,
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

/* ------------------------------------------------------------------------------------------ */
/* Calendar, deadline arithmetic                                                               */

SotCalendar *
sot_victim_contact_calendar (GError **error)
{
  static GMutex lock;
  static SotCalendar *calendar;
  SotCalendar *result;

  g_mutex_lock (&lock);
  if (calendar == NULL)
    calendar = sot_calendar_new (error);
  result = calendar;
  g_mutex_unlock (&lock);

  return result;
}

char *
sot_deadline_end_of_day (const GDate *day)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  end = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                         g_date_get_day (day), 23, 59, 59);
  return sot_time_format_utc (end);
}

static gboolean
uk_day_of (const char *stored,
           GDate      *day)
{
  g_autoptr(GDateTime) dt = NULL;

  if (stored == NULL)
    return FALSE;

  /* Stored times carry their zone; a bare date is a UK calendar day already. */
  if (strlen (stored) == 10)
    return sot_date_parse (stored, day, NULL);

  dt = g_date_time_new_from_iso8601 (stored, NULL);
  if (dt == NULL)
    return FALSE;

  sot_date_from_time (dt, day);
  return TRUE;
}

SotDeadlineState
sot_deadline_state_for (const char *due_at,
                        const char *met_at,
                        GDateTime  *now)
{
  GDate due_day, today;
  gint64 diff;

  g_return_val_if_fail (due_at != NULL, SOT_DEADLINE_LATER);
  g_return_val_if_fail (now != NULL, SOT_DEADLINE_LATER);

  if (met_at != NULL)
    return strcmp (met_at, due_at) <= 0 ? SOT_DEADLINE_MET : SOT_DEADLINE_MET_LATE;

  if (!uk_day_of (due_at, &due_day))
    return SOT_DEADLINE_LATER;

  sot_date_from_time (now, &today);
  diff = (gint64) g_date_get_julian (&due_day) - (gint64) g_date_get_julian (&today);

  if (diff < 0)
    return SOT_DEADLINE_OVERDUE;
  if (diff == 0)
    return SOT_DEADLINE_DUE_TODAY;
  if (diff <= SOT_DEADLINE_SOON_DAYS)
    return SOT_DEADLINE_DUE_SOON;
  return SOT_DEADLINE_LATER;
}

char *
sot_deadline_kind_title (const char *kind)
{
  SotRight6Event event;

  g_return_val_if_fail (kind != NULL, NULL);

  if (g_str_has_prefix (kind, SOT_DEADLINE_RIGHT6_PREFIX) &&
      sot_right6_event_from_string (kind + strlen (SOT_DEADLINE_RIGHT6_PREFIX), &event))
    /* TRANSLATORS: %s is a Victims' Code event, such as “Suspect arrested” */
    return g_strdup_printf (_("Tell the victim: %s"), sot_right6_event_label (event));

  if (g_str_equal (kind, SOT_DEADLINE_CADENCE))
    return g_strdup (_("Agreed update to the victim"));

  if (g_str_equal (kind, SOT_DEADLINE_CPS_ACTION))
    return g_strdup (_("CPS action plan item"));

  return g_strdup (kind);
}

char *
sot_derive_uuid (const char *base,
                 const char *name)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;
  guint8 *b = digest;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) base, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) name, -1);
  g_checksum_get_digest (checksum, digest, &len);

  b[6] = (b[6] & 0x0f) | 0x50;   /* version 5 */
  b[8] = (b[8] & 0x3f) | 0x80;   /* RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
                          b[10], b[11], b[12], b[13], b[14], b[15]);
}

gboolean
sot_deadline_add (SotStore     *store,
                  gint64        investigation_id,
                  const char   *kind,
                  const char   *source_uuid,
                  const GDate  *due_day,
                  const char   *uuid,
                  GError      **error)
{
  g_autofree char *due_at = NULL;
  g_autofree char *random_uuid = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (due_day != NULL && g_date_valid (due_day), FALSE);

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  due_at = sot_deadline_end_of_day (due_day);

  stmt = sot_store_prepare (store,
                            "INSERT INTO deadline (uuid, investigation_id, kind, source_uuid, due_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 4, source_uuid);
  sqlite3_bind_text (stmt, 5, due_at, -1, SQLITE_TRANSIENT);

  return sot_store_step_done (store, stmt, _(save_failed), error);
}

/* ------------------------------------------------------------------------------------------ */
/* SotDeadline                                                                                 */

struct _SotDeadline
{
  GObject          parent_instance;

  char            *uuid;
  char            *kind;
  char            *source_uuid;
  char            *investigation_uuid;
  char            *crime_reference;
  char            *officer;
  char            *due_at;
  char            *met_at;
  char            *title;
  char            *when_text;
  SotDeadlineState state;
};

G_DEFINE_FINAL_TYPE (SotDeadline, sot_deadline, G_TYPE_OBJECT)

enum {
  DEADLINE_PROP_0,
  DEADLINE_PROP_UUID,
  DEADLINE_PROP_KIND,
  DEADLINE_PROP_INVESTIGATION_UUID,
  DEADLINE_PROP_CRIME_REFERENCE,
  DEADLINE_PROP_OFFICER,
  DEADLINE_PROP_DUE_AT,
  DEADLINE_PROP_MET_AT,
  DEADLINE_PROP_TITLE,
  DEADLINE_PROP_WHEN_TEXT,
  DEADLINE_PROP_STATE,
  DEADLINE_N_PROPS
};

static GParamSpec *deadline_properties[DEADLINE_N_PROPS];

static void
sot_deadline_finalize (GObject *object)
{
  SotDeadline *self = (SotDeadline *)object;

  g_free (self->uuid);
  g_free (self->kind);
  g_free (self->source_uuid);
  g_free (self->investigation_uuid);
  g_free (self->crime_reference);
  g_free (self->officer);
  g_free (self->due_at);
  g_free (self->met_at);
  g_free (self->title);
  g_free (self->when_text);

  G_OBJECT_CLASS (sot_deadline_parent_class)->finalize (object);
}

static void
sot_deadline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SotDeadline *self = SOT_DEADLINE (object);

  switch (prop_id)
    {
    case DEADLINE_PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case DEADLINE_PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case DEADLINE_PROP_INVESTIGATION_UUID:
      g_value_set_string (value, self->investigation_uuid);
      break;
    case DEADLINE_PROP_CRIME_REFERENCE:
      g_value_set_string (value, self->crime_reference);
      break;
    case DEADLINE_PROP_OFFICER:
      g_value_set_string (value, self->officer);
      break;
    case DEADLINE_PROP_DUE_AT:
      g_value_set_string (value, self->due_at);
      break;
    case DEADLINE_PROP_MET_AT:
      g_value_set_string (value, self->met_at);
      break;
    case DEADLINE_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case DEADLINE_PROP_WHEN_TEXT:
      g_value_set_string (value, self->when_text);
      break;
    case DEADLINE_PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_deadline_class_init (SotDeadlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sot_deadline_finalize;
  object_class->get_property = sot_deadline_get_property;

  deadline_properties[DEADLINE_PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  deadline_properties[DEADLINE_PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  deadline_properties[DEADLINE_PROP_INVESTIGATION_UUID] =
    g_param_spec_string ("investigation-uuid", NULL, NULL, NULL, flags);
  deadline_properties[DEADLINE_PROP_CRIME_REFERENCE] =
    g_param_spec_string ("crime-reference", NULL, NULL, NULL, flags);
  deadline_properties[DEADLINE_PROP_OFFICER] =
    g_param_spec_string ("officer", NULL, NULL, NULL, flags);
  deadline_properties[DEADLINE_PROP_DUE_AT] =
    g_param_spec_string ("due-at", NULL, NULL, NULL, flags);
  deadline_properties[DEADLINE_PROP_MET_AT] =
    g_param_spec_string ("met-at", NULL, NULL, NULL, flags);
  deadline_properties[DEADLINE_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  deadline_properties[DEADLINE_PROP_WHEN_TEXT] =
    g_param_spec_string ("when-text", NULL, NULL, NULL, flags);
  /* A SotDeadlineState value. */
  deadline_properties[DEADLINE_PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, SOT_DEADLINE_MET_LATE, SOT_DEADLINE_LATER, flags);

  g_object_class_install_properties (object_class, DEADLINE_N_PROPS, deadline_properties);
}

static void
sot_deadline_init (SotDeadline *self)
{
}

static char *
display_of (const char *stored)
{
  g_autoptr(GDateTime) dt = NULL;

  if (stored == NULL)
    return NULL;
  if (strlen (stored) == 10)
    return sot_date_format_display (stored);

  dt = g_date_time_new_from_iso8601 (stored, NULL);
  return dt != NULL ? sot_time_format_display (dt) : g_strdup (stored);
}

static char *
day_display_of (const char *stored)
{
  GDate day;
  g_autofree char *iso = NULL;

  if (!uk_day_of (stored, &day))
    return g_strdup (stored);

  iso = sot_date_format (&day);
  return sot_date_format_display (iso);
}

/* Columns: d.uuid, d.kind, d.source_uuid, d.due_at, d.met_at, i.uuid, i.crime_reference,
 * i.officer, r.occurred_at, a.description */
#define DEADLINE_SELECT \
  "SELECT d.uuid, d.kind, d.source_uuid, d.due_at, d.met_at, i.uuid, i.crime_reference, " \
  "i.officer, r.occurred_at, a.description FROM deadline d " \
  "JOIN investigation i ON i.id = d.investigation_id " \
  "LEFT JOIN right6_event r ON d.kind GLOB 'right6:*' AND r.uuid = d.source_uuid " \
  "LEFT JOIN cps_action_item a ON d.kind = 'cps-action' AND a.uuid = d.source_uuid "

static SotDeadline *
deadline_new_from_row (sqlite3_stmt *stmt,
                       GDateTime    *now)
{
  SotDeadline *self = g_object_new (SOT_TYPE_DEADLINE, NULL);
  g_autofree char *due_day = NULL;
  g_autofree char *kind_title = NULL;

  self->uuid = sot_store_column_dup (stmt, 0);
  self->kind = sot_store_column_dup (stmt, 1);
  self->source_uuid = sot_store_column_dup (stmt, 2);
  self->due_at = sot_store_column_dup (stmt, 3);
  self->met_at = sot_store_column_dup (stmt, 4);
  self->investigation_uuid = sot_store_column_dup (stmt, 5);
  self->crime_reference = sot_store_column_dup (stmt, 6);
  self->officer = sot_store_column_dup (stmt, 7);
  self->state = sot_deadline_state_for (self->due_at, self->met_at, now);

  kind_title = sot_deadline_kind_title (self->kind);
  if (sot_store_column_text (stmt, 9) != NULL)
    self->title = g_strdup_printf ("%s: %s", _("CPS action"), sot_store_column_text (stmt, 9));
  else
    self->title = g_steal_pointer (&kind_title);

  due_day = day_display_of (self->due_at);

  switch (self->state)
    {
    case SOT_DEADLINE_OVERDUE:
      self->when_text = g_strdup_printf (_("Overdue: due by %s"), due_day);
      break;
    case SOT_DEADLINE_DUE_TODAY:
      self->when_text = g_strdup (_("Due by the end of today"));
      break;
    case SOT_DEADLINE_DUE_SOON:
    case SOT_DEADLINE_LATER:
      self->when_text = g_strdup_printf (_("Due by %s"), due_day);
      break;
    case SOT_DEADLINE_MET:
    case SOT_DEADLINE_MET_LATE:
      {
        g_autofree char *met = display_of (self->met_at);

        if (self->state == SOT_DEADLINE_MET)
          self->when_text = g_strdup_printf (_("Met %s (due by %s)"), met, due_day);
        else
          self->when_text = g_strdup_printf (_("Met late, %s (due by %s)"), met, due_day);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  /* Say which event a Right 6 deadline is about. */
  if (sot_store_column_text (stmt, 8) != NULL)
    {
      g_autofree char *event_at = display_of (sot_store_column_text (stmt, 8));
      g_autofree char *with_event = g_strdup_printf (_("%s · event %s"), self->when_text, event_at);

      g_free (self->when_text);
      self->when_text = g_steal_pointer (&with_event);
    }

  return self;
}

const char *
sot_deadline_get_uuid (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->uuid;
}

const char *
sot_deadline_get_kind (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->kind;
}

const char *
sot_deadline_get_source_uuid (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->source_uuid;
}

const char *
sot_deadline_get_investigation_uuid (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->investigation_uuid;
}

const char *
sot_deadline_get_crime_reference (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->crime_reference;
}

const char *
sot_deadline_get_officer (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->officer;
}

const char *
sot_deadline_get_due_at (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->due_at;
}

const char *
sot_deadline_get_met_at (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->met_at;
}

const char *
sot_deadline_get_title (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->title;
}

const char *
sot_deadline_get_when_text (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), NULL);
  return self->when_text;
}

SotDeadlineState
sot_deadline_get_state (SotDeadline *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE (self), SOT_DEADLINE_LATER);
  return self->state;
}

static GListModel *
load_deadlines (SotStore      *store,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SOT_TYPE_DEADLINE);
  g_autoptr(GDateTime) now = sot_store_now (store);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, deadline_new_from_row (stmt, now));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot read the deadlines"));
      return NULL;
    }

  /* One splice: a view bound to the list sees a single items-changed. */
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

GListModel *
sot_deadline_list_for_investigation (SotStore  *store,
                                     gint64     investigation_id,
                                     gboolean   open_only,
                                     GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  stmt = sot_store_prepare (store,
                            DEADLINE_SELECT
                            "WHERE d.investigation_id = ?1 AND (?2 = 0 OR d.met_at IS NULL) "
                            "ORDER BY d.due_at, d.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, investigation_id);
  sqlite3_bind_int (stmt, 2, open_only ? 1 : 0);

  return load_deadlines (store, stmt, error);
}

GListModel *
sot_deadline_list_due (SotStore    *store,
                       const char  *officer,
                       GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt;
  GDate last_day;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  now = sot_store_now (store);
  sot_date_from_time (now, &last_day);
  g_date_add_days (&last_day, SOT_DEADLINE_SOON_DAYS);
  limit = sot_deadline_end_of_day (&last_day);

  stmt = sot_store_prepare (store,
                            DEADLINE_SELECT
                            "WHERE d.met_at IS NULL AND d.due_at <= ?1 "
                            "AND (?2 IS NULL OR i.officer = ?2 COLLATE NOCASE) "
                            "ORDER BY d.due_at, d.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, limit, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 2, officer);

  return load_deadlines (store, stmt, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Victims: enhanced rights and the agreed cadence                                             */

void
sot_victim_info_free (SotVictimInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->uuid);
  g_free (info->opt_out_on);
  g_free (info->channel);
  g_free (info);
}

static gpointer
victim_info_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  SotVictimInfo *info = g_new0 (SotVictimInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->uuid = sot_store_column_dup (stmt, 1);
  info->enhanced = sqlite3_column_int (stmt, 2) != 0;
  info->opt_out_on = sot_store_column_dup (stmt, 3);
  info->frequency_days = sqlite3_column_int (stmt, 4);
  info->channel = sot_store_column_dup (stmt, 5);

  return info;
}

GPtrArray *
sot_victim_info_list (SotStore  *store,
                      gint64     investigation_id,
                      GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_list (store,
                              "SELECT v.id, v.uuid, v.enhanced_rights, v.enhanced_opt_out_on, "
                              "p.frequency_days, p.channel FROM victim v "
                              "LEFT JOIN victim_contact_preference p ON p.id = "
                              "(SELECT q.id FROM victim_contact_preference q WHERE q.victim_id = v.id "
                              "ORDER BY q.changed_at DESC, q.id DESC LIMIT 1) "
                              "WHERE v.investigation_id = ?1 ORDER BY v.id",
                              investigation_id, victim_info_from_row, NULL,
                              (GDestroyNotify) sot_victim_info_free,
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

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!enhanced && !check_required_date (opt_out_on, _("The date of the opt-out"), error))
    return FALSE;

  if (!victim_lookup (store, victim_id, NULL, &victim_uuid, &investigation_uuid, error))
    return FALSE;

  if (!sot_store_begin (store, error))
    return FALSE;

  stmt = sot_store_prepare (store,
                            "UPDATE victim SET enhanced_rights = ?1, enhanced_opt_out_on = ?2 "
                            "WHERE id = ?3",
                            error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int (stmt, 1, enhanced ? 1 : 0);
  sot_store_bind_text (stmt, 2, enhanced ? NULL : opt_out_on);
  sqlite3_bind_int64 (stmt, 3, victim_id);
  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    goto fail;

  return sot_store_finish_write (store, SOT_AUDIT_ALTER, "victim", victim_uuid,
                                 reason != NULL ? reason
                                 : enhanced ? "enhanced rights" : "enhanced rights opt-out",
                                 NULL, error);

fail:
  sot_store_rollback (store);
  return FALSE;
}

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

  if (!uk_day_of (base, &due))
    return invalid (error, _("A stored contact time cannot be read"));
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
    return invalid (error, _("The agreed update frequency must be between 1 and 365 days"));
  if (!in_list (channels, channel))
    return invalid (error, _("Choose how the victim wants to be contacted"));

  if (!victim_lookup (store, victim_id, &investigation_id, &victim_uuid, &investigation_uuid,
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
/* ISVA                                                                                        */

void
sot_isva_free (SotIsva *isva)
{
  if (isva == NULL)
    return;

  g_free (isva->uuid);
  g_free (isva->service);
  g_free (isva->name);
  g_free (isva->consent_on);
  g_free (isva->referred_on);
  g_free (isva->ended_on);
  g_free (isva);
}

static gboolean
check_isva (const SotIsvaDetails  *details,
            GError               **error)
{
  if (details->service == NULL || *details->service == '\0')
    return invalid (error, _("Name the ISVA service"));

  if (!check_optional_date (details->consent_on, error) ||
      !check_optional_date (details->referred_on, error) ||
      !check_optional_date (details->ended_on, error))
    return FALSE;

  if (details->referred_on != NULL && details->ended_on != NULL &&
      *details->referred_on != '\0' && *details->ended_on != '\0' &&
      strcmp (details->ended_on, details->referred_on) < 0)
    return invalid (error, _("The ISVA’s support cannot end before the referral"));

  return TRUE;
}

static void
bind_isva (sqlite3_stmt         *stmt,
           const SotIsvaDetails *details)
{
  sot_store_bind_text (stmt, 3, details->service);
  sot_store_bind_text (stmt, 4, details->name);
  sqlite3_bind_int (stmt, 5, details->consent_to_share ? 1 : 0);
  sot_store_bind_text (stmt, 6, details->consent_on);
  sot_store_bind_text (stmt, 7, details->referred_on);
  sot_store_bind_text (stmt, 8, details->ended_on);
}

gboolean
sot_isva_add (SotStore             *store,
              gint64                victim_id,
              const SotIsvaDetails *details,
              GError              **error)
{
  g_autofree char *random_uuid = NULL;
  gint64 investigation_id = 0;
  const char *uuid;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if (!check_isva (details, error))
    return FALSE;
  if (!victim_lookup (store, victim_id, &investigation_id, NULL, NULL, error))
    return FALSE;

  uuid = details->uuid != NULL ? details->uuid : (random_uuid = sot_store_make_uuid (store));

  if (!sot_store_begin (store, error))
    return FALSE;

  stmt = sot_store_prepare (store,
                            "INSERT INTO isva (uuid, investigation_id, service, name, "
                            "consent_to_share, consent_on, referred_on, ended_on, victim_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  bind_isva (stmt, details);
  sqlite3_bind_int64 (stmt, 9, victim_id);
  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    goto fail;

  return sot_store_finish_write (store, SOT_AUDIT_COLLECT, "isva", uuid, NULL, NULL, error);

fail:
  sot_store_rollback (store);
  return FALSE;
}

gboolean
sot_isva_update (SotStore             *store,
                 const SotIsvaDetails *details,
                 GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL && details->uuid != NULL, FALSE);

  if (!check_isva (details, error))
    return FALSE;

  if (!sot_store_begin (store, error))
    return FALSE;

  stmt = sot_store_prepare (store,
                            "UPDATE isva SET service = ?3, name = ?4, consent_to_share = ?5, "
                            "consent_on = ?6, referred_on = ?7, ended_on = ?8 WHERE uuid = ?1",
                            error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_text (stmt, 1, details->uuid, -1, SQLITE_TRANSIENT);
  bind_isva (stmt, details);
  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    goto fail;

  if (sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                   _("There is no ISVA record %s"), details->uuid);
      goto fail;
    }

  return sot_store_finish_write (store, SOT_AUDIT_ALTER, "isva", details->uuid, NULL, NULL, error);

fail:
  sot_store_rollback (store);
  return FALSE;
}

static gpointer
isva_from_row (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  SotIsva *isva = g_new0 (SotIsva, 1);

  isva->uuid = sot_store_column_dup (stmt, 0);
  isva->victim_id = sqlite3_column_int64 (stmt, 1);
  isva->service = sot_store_column_dup (stmt, 2);
  isva->name = sot_store_column_dup (stmt, 3);
  isva->consent_to_share = sqlite3_column_int (stmt, 4) != 0;
  isva->consent_on = sot_store_column_dup (stmt, 5);
  isva->referred_on = sot_store_column_dup (stmt, 6);
  isva->ended_on = sot_store_column_dup (stmt, 7);

  return isva;
}

GPtrArray *
sot_isva_list (SotStore  *store,
               gint64     investigation_id,
               GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_list (store,
                              "SELECT uuid, victim_id, service, name, consent_to_share, consent_on, "
                              "referred_on, ended_on FROM isva WHERE investigation_id = ?1 "
                              "ORDER BY coalesce (referred_on, ''), id",
                              investigation_id, isva_from_row, NULL,
                              (GDestroyNotify) sot_isva_free,
                              _("Cannot read the ISVAs"), error);
}

/* ------------------------------------------------------------------------------------------ */
/* Right 6 events                                                                              */

void
sot_right6_record_free (SotRight6Record *record)
{
  if (record == NULL)
    return;

  g_free (record->uuid);
  g_free (record->occurred_at);
  g_free (record->due_on);
  g_free (record->deadline_uuid);
  g_free (record->met_at);
  g_free (record);
}

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

static gboolean
check_suspect (SotStore  *store,
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
    return invalid (error, _("The suspect is not a suspect of this investigation"));

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
  GDate event_day, due;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (event < SOT_RIGHT6_N_EVENTS, FALSE);
  g_return_val_if_fail (occurred_at != NULL, FALSE);

  sot_date_from_time (occurred_at, &event_day);
  if (!investigation_and_rights (store, investigation_id, &event_day, &investigation_uuid,
                                 &enhanced, error))
    return FALSE;

  if (suspect_id != 0 && !check_suspect (store, investigation_id, suspect_id, error))
    return FALSE;

  /* The calendar refuses a day outside its table: nothing is written then. */
  if (!(calendar = sot_victim_contact_calendar (error)) ||
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

  if (!sot_store_begin (store, error))
    return FALSE;

  stmt = sot_store_prepare (store,
                            "INSERT INTO right6_event (uuid, investigation_id, event, occurred_at, "
                            "suspect_id, enhanced, due_on, recorded_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    goto fail;

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
  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    goto fail;

  if (!sot_deadline_add (store, investigation_id, kind, uuid, &due, deadline_uuid, error))
    goto fail;

  if (!sot_store_finish_write (store, SOT_AUDIT_COLLECT, "right6_event", uuid, NULL,
                               investigation_uuid, error))
    return FALSE;

  if (out_uuid != NULL)
    *out_uuid = g_strdup (uuid);

  return TRUE;

fail:
  sot_store_rollback (store);
  return FALSE;
}

static gpointer
right6_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  SotRight6Record *r = g_new0 (SotRight6Record, 1);

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

GPtrArray *
sot_right6_list (SotStore  *store,
                 gint64     investigation_id,
                 GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_list (store,
                              "SELECT r.uuid, r.event, r.occurred_at, r.suspect_id, r.enhanced, "
                              "r.due_on, d.uuid, d.met_at FROM right6_event r "
                              "LEFT JOIN deadline d ON d.source_uuid = r.uuid "
                              "AND d.kind GLOB 'right6:*' "
                              "WHERE r.investigation_id = ?1 ORDER BY r.occurred_at, r.id",
                              investigation_id, right6_from_row, NULL,
                              (GDestroyNotify) sot_right6_record_free,
                              _("Cannot read the Victims’ Code events"), error);
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
        return invalid (error, _("The contact names a deadline that is not of this investigation"));

      if (occurred != NULL && strcmp (occurred, contact_at) > 0)
        return invalid (error, _("A contact cannot tell the victim of an event that happened "
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

  if (!in_list (channels, details->channel))
    return invalid (error, _("Choose how the victim was contacted"));
  if (sot_text_is_blank (details->who))
    return invalid (error, _("Say who made the contact"));

  if (!(investigation_uuid = sot_investigation_uuid_for_id (store, investigation_id, error)))
    return FALSE;

  victim_id = details->victim_id;
  if (victim_id == 0 && (victim_id = first_victim (store, investigation_id, error)) < 0)
    return FALSE;
  if (victim_id != 0)
    {
      gint64 owner = 0;

      if (!victim_lookup (store, victim_id, &owner, &victim_uuid, NULL, error))
        return FALSE;
      if (owner != investigation_id)
        return invalid (error, _("The victim is not a victim of this investigation"));
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

/* ------------------------------------------------------------------------------------------ */
/* Letters                                                                                     */

void
sot_victim_letter_free (SotVictimLetter *letter)
{
  if (letter == NULL)
    return;

  g_free (letter->uuid);
  g_free (letter->kind);
  g_free (letter->sent_on);
  g_free (letter->sent_by);
  g_free (letter);
}

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

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!in_list (letter_kinds, kind))
    return invalid (error, _("Choose which letter was sent"));
  if (!check_required_date (sent_on, _("The date the letter was sent"), error))
    return FALSE;
  if (sot_text_is_blank (sent_by))
    return invalid (error, _("Say who sent the letter"));

  if (victim_id == 0 && (victim_id = first_victim (store, investigation_id, error)) < 0)
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  if (!sot_store_begin (store, error))
    return FALSE;

  stmt = sot_store_prepare (store,
                            "INSERT INTO victim_letter (uuid, investigation_id, victim_id, kind, "
                            "sent_on, sent_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  if (victim_id != 0)
    sqlite3_bind_int64 (stmt, 3, victim_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, sent_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, sent_by, -1, SQLITE_TRANSIENT);
  if (!sot_store_step_done (store, stmt, _(save_failed), error))
    goto fail;

  return sot_store_finish_write (store, SOT_AUDIT_COLLECT, "victim_letter", uuid, NULL, NULL,
                                 error);

fail:
  sot_store_rollback (store);
  return FALSE;
}

static gpointer
victim_letter_from_row (sqlite3_stmt *stmt,
                        gpointer      user_data)
{
  SotVictimLetter *l = g_new0 (SotVictimLetter, 1);

  l->uuid = sot_store_column_dup (stmt, 0);
  l->kind = sot_store_column_dup (stmt, 1);
  l->sent_on = sot_store_column_dup (stmt, 2);
  l->sent_by = sot_store_column_dup (stmt, 3);
  l->victim_id = sqlite3_column_int64 (stmt, 4);

  return l;
}

GPtrArray *
sot_victim_letter_list (SotStore  *store,
                        gint64     investigation_id,
                        GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_list (store,
                              "SELECT uuid, kind, sent_on, sent_by, victim_id FROM victim_letter "
                              "WHERE investigation_id = ?1 ORDER BY sent_on, id",
                              investigation_id, victim_letter_from_row, NULL,
                              (GDestroyNotify) sot_victim_letter_free,
                              _("Cannot read the letters"), error);
}
