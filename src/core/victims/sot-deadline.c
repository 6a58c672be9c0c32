/* sot-deadline.c: the deadline table: due days, states and the lists of the Due view
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-deadline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-deadline.h"
#include "sot-right6.h"
#include "sot-time.h"

/* What a failed write says; the workspace's own message follows. */
static const char save_failed[] = N_("Cannot save the victim’s record");


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

gboolean
sot_deadline_day_of (const char *stored,
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

  if (!sot_deadline_day_of (due_at, &due_day))
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

sqlite3_stmt *
sot_deadline_add_next (SotStore      *store,
                       sqlite3_stmt  *done,
                       gint64         investigation_id,
                       const char    *kind,
                       const char    *source_uuid,
                       const GDate   *due_day,
                       const char    *uuid,
                       GError       **error)
{
  g_autofree char *due_at = NULL;
  g_autofree char *random_uuid = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (done != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (due_day != NULL && g_date_valid (due_day), NULL);

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  due_at = sot_deadline_end_of_day (due_day);

  stmt = sot_store_write_next (store, done,
                               "INSERT INTO deadline (uuid, investigation_id, kind, source_uuid, "
                               "due_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                               _(save_failed), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 4, source_uuid);
  sqlite3_bind_text (stmt, 5, due_at, -1, SQLITE_TRANSIENT);

  return stmt;
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

  if (!sot_deadline_day_of (stored, &day))
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

