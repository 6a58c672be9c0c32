/* sot-disruption.c: disruption options considered against a suspect, and where each stands
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-disruption"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-disruption.h"
#include "sot-time.h"

struct _SotDisruption
{
  GObject  parent_instance;

  gint64   id;
  gint64   investigation_id;
  gint64   suspect_id;
  char    *uuid;
  char    *kind;
  char    *status;
  char    *status_on;
  char    *outcome;
};

G_DEFINE_FINAL_TYPE (SotDisruption, sot_disruption, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_KIND,
  PROP_STATUS,
  PROP_STATUS_ON,
  PROP_OUTCOME,
  PROP_KIND_LABEL,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


typedef struct {
  const char *value;
  const char *label;
} Code;

static const Code kinds[] = {
  { SOT_DISRUPTION_SRO, N_("Sexual Risk Order") },
  { SOT_DISRUPTION_SHPO, N_("Sexual Harm Prevention Order") },
  { SOT_DISRUPTION_BAIL, N_("Bail conditions") },
  { SOT_DISRUPTION_OTHER, N_("Other offences") },
  { SOT_DISRUPTION_SAFEGUARDING, N_("Safeguarding referral") },
};

static const Code statuses[] = {
  { SOT_DISRUPTION_CONSIDERED, N_("Considered") },
  { SOT_DISRUPTION_APPLIED, N_("Applied for") },
  { SOT_DISRUPTION_GRANTED, N_("Granted") },
  { SOT_DISRUPTION_REFUSED, N_("Refused") },
  { SOT_DISRUPTION_NOT_PURSUED, N_("Not pursued") },
};

#define DISRUPTION_COLUMNS \
  "id, uuid, investigation_id, suspect_id, kind, status, status_on, outcome"

static const char *
code_label (const Code *codes,
            guint       n,
            const char *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (codes[i].value, value) == 0)
      return g_dgettext (GETTEXT_PACKAGE, codes[i].label);

  return value ? value : "";
}

static gboolean
is_code (const Code *codes,
         guint       n,
         const char *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (codes[i].value, value) == 0)
      return TRUE;

  return FALSE;
}

static gpointer
new_from_row (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  SotDisruption *self = g_object_new (SOT_TYPE_DISRUPTION, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (sot_store_column_text (stmt, 1));
  self->investigation_id = sqlite3_column_int64 (stmt, 2);
  self->suspect_id = sqlite3_column_int64 (stmt, 3);
  self->kind = g_strdup (sot_store_column_text (stmt, 4));
  self->status = g_strdup (sot_store_column_text (stmt, 5));
  self->status_on = g_strdup (sot_store_column_text (stmt, 6));
  self->outcome = g_strdup (sot_store_column_text (stmt, 7));

  return self;
}

/* Reads the option @uuid back, as the write just made it. */
static SotDisruption *
load (SotStore    *store,
      const char  *uuid,
      GError     **error)
{
  SotDisruption *self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sot_store_prepare (store,
                            "SELECT " DISRUPTION_COLUMNS " FROM disruption WHERE uuid = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sot_store_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self = new_from_row (stmt, NULL);
  else if (rc == SQLITE_DONE)
    sot_set_not_found (error, _("The disruption option is no longer in the workspace"));
  else
    sot_store_set_sqlite_error (store, error, _("Cannot read the disruption option"));

  sqlite3_reset (stmt);
  return self;
}

static void
set_string (SotDisruption  *self,
            char          **field,
            guint           prop_id,
            const char     *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);

  if (prop_id == PROP_STATUS)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

static gboolean
check_date (const char  *text,
            GError     **error)
{
  GDate date;

  if (text == NULL || *text == '\0' || sot_date_parse (text, &date, NULL))
    return TRUE;

  return sot_set_invalid (error, _("“%s” is not a date (YYYY-MM-DD)"), text);
}

static void
sot_disruption_finalize (GObject *object)
{
  SotDisruption *self = (SotDisruption *)object;

  g_free (self->uuid);
  g_free (self->kind);
  g_free (self->status);
  g_free (self->status_on);
  g_free (self->outcome);

  G_OBJECT_CLASS (sot_disruption_parent_class)->finalize (object);
}

static void
sot_disruption_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SotDisruption *self = SOT_DISRUPTION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_ON:
      g_value_set_string (value, self->status_on);
      break;
    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, sot_disruption_kind_label (self->kind));
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, sot_disruption_status_label (self->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_disruption_class_init (SotDisruptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_PROPS] = {
    NULL, "uuid", "kind", "status", "status-on", "outcome", "kind-label", "status-label",
  };

  object_class->finalize = sot_disruption_finalize;
  object_class->get_property = sot_disruption_get_property;

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                         G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sot_disruption_init (SotDisruption *self)
{
}

/* Public functions */

const char * const *
sot_disruption_kinds (void)
{
  static const char *values[G_N_ELEMENTS (kinds) + 1];

  if (values[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      values[i] = kinds[i].value;

  return values;
}

const char * const *
sot_disruption_statuses (void)
{
  static const char *values[G_N_ELEMENTS (statuses) + 1];

  if (values[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
      values[i] = statuses[i].value;

  return values;
}

const char *
sot_disruption_kind_label (const char *kind)
{
  return code_label (kinds, G_N_ELEMENTS (kinds), kind);
}

const char *
sot_disruption_status_label (const char *status)
{
  return code_label (statuses, G_N_ELEMENTS (statuses), status);
}

gint64
sot_disruption_get_id (SotDisruption *self)
{
  g_return_val_if_fail (SOT_IS_DISRUPTION (self), 0);
  return self->id;
}

const char *
sot_disruption_get_uuid (SotDisruption *self)
{
  g_return_val_if_fail (SOT_IS_DISRUPTION (self), NULL);
  return self->uuid;
}

gint64
sot_disruption_get_investigation_id (SotDisruption *self)
{
  g_return_val_if_fail (SOT_IS_DISRUPTION (self), 0);
  return self->investigation_id;
}

gint64
sot_disruption_get_suspect_id (SotDisruption *self)
{
  g_return_val_if_fail (SOT_IS_DISRUPTION (self), 0);
  return self->suspect_id;
}

const char *
sot_disruption_get_kind (SotDisruption *self)
{
  g_return_val_if_fail (SOT_IS_DISRUPTION (self), NULL);
  return self->kind;
}

const char *
sot_disruption_get_status (SotDisruption *self)
{
  g_return_val_if_fail (SOT_IS_DISRUPTION (self), NULL);
  return self->status;
}

const char *
sot_disruption_get_status_on (SotDisruption *self)
{
  g_return_val_if_fail (SOT_IS_DISRUPTION (self), NULL);
  return self->status_on;
}

const char *
sot_disruption_get_outcome (SotDisruption *self)
{
  g_return_val_if_fail (SOT_IS_DISRUPTION (self), NULL);
  return self->outcome;
}

SotDisruption *
sot_disruption_add (SotStore    *store,
                    gint64       investigation_id,
                    gint64       suspect_id,
                    const char  *kind,
                    const char  *considered_on,
                    GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  if (!is_code (kinds, G_N_ELEMENTS (kinds), kind))
    {
      sot_set_invalid (error, _("Unknown disruption option “%s”"), kind ? kind : "");
      return NULL;
    }

  if (!check_date (considered_on, error))
    return NULL;

  now = sot_store_now (store);
  stamp = sot_store_format_time (now);
  uuid = sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO disruption (uuid, investigation_id, suspect_id, "
                                "kind, status, status_on, created_at, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4, 'considered', ?5, ?6, ?6)",
                                error);
  if (stmt == NULL)
    return NULL;

  sot_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  if (suspect_id > 0)
    sqlite3_bind_int64 (stmt, 3, suspect_id);
  sot_store_bind_text (stmt, 4, kind);
  sot_store_bind_text (stmt, 5, considered_on);
  sot_store_bind_text (stmt, 6, stamp);

  change = (SotChange) { SOT_AUDIT_COLLECT, SOT_ENTITY_DISRUPTION, uuid, NULL, NULL };
  if (!sot_store_write_end (store, stmt, &change, _("Cannot save the disruption option"), error))
    return NULL;

  return load (store, uuid, error);
}

gboolean
sot_disruption_set_status (SotDisruption  *self,
                           SotStore       *store,
                           const char     *status,
                           const char     *status_on,
                           const char     *outcome,
                           GError        **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *reason = NULL;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_DISRUPTION (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!is_code (statuses, G_N_ELEMENTS (statuses), status))
    return sot_set_invalid (error, _("Unknown status “%s”"), status ? status : "");

  if (!check_date (status_on, error))
    return FALSE;

  if ((g_str_equal (status, SOT_DISRUPTION_GRANTED) ||
       g_str_equal (status, SOT_DISRUPTION_REFUSED)) &&
      (status_on == NULL || *status_on == '\0'))
    return sot_set_invalid (error, _("Give the date the option was %s"),
                            g_str_equal (status, SOT_DISRUPTION_GRANTED) ? _("granted")
                                                                          : _("refused"));

  now = sot_store_now (store);
  stamp = sot_store_format_time (now);
  reason = g_strdup_printf ("status: %s → %s", self->status, status);

  stmt = sot_store_write_begin (store,
                                "UPDATE disruption SET status = ?2, status_on = ?3, "
                                "outcome = ?4, updated_at = ?5 WHERE uuid = ?1",
                                error);
  if (stmt == NULL ||
      !sot_store_write_require (store, "SELECT 1 FROM disruption WHERE uuid = ?1", self->uuid,
                                _("The disruption option is no longer in the workspace"),
                                error))
    return FALSE;

  sot_store_bind_text (stmt, 1, self->uuid);
  sot_store_bind_text (stmt, 2, status);
  sot_store_bind_text (stmt, 3, status_on);
  sot_store_bind_text (stmt, 4, outcome);
  sot_store_bind_text (stmt, 5, stamp);

  change = (SotChange) { SOT_AUDIT_ALTER, SOT_ENTITY_DISRUPTION, self->uuid, reason, NULL };
  if (!sot_store_write_end (store, stmt, &change, _("Cannot save the disruption option"), error))
    return FALSE;

  set_string (self, &self->status, PROP_STATUS, status);
  set_string (self, &self->status_on, PROP_STATUS_ON, status_on);
  set_string (self, &self->outcome, PROP_OUTCOME, outcome);
  return TRUE;
}

GListModel *
sot_disruption_list (SotStore    *store,
                     gint64       investigation_id,
                     GError     **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT " DISRUPTION_COLUMNS " FROM disruption "
                               "WHERE investigation_id = ?1 ORDER BY id",
                               investigation_id, SOT_TYPE_DISRUPTION, new_from_row, NULL,
                               _("Cannot read the disruption options"), error);
}
