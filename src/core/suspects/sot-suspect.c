/* sot-suspect.c: the suspects of an investigation, their investigative dates and repeat suspects
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-suspect"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-investigation.h"
#include "sot-suspect.h"
#include "sot-time.h"

struct _SotSuspect
{
  GObject  parent_instance;

  gint64   id;
  gint64   investigation_id;
  gint64   person_id;
  guint    repeat_count;
  char    *uuid;
  char    *relationship;
  char    *arrested_at;
  char    *interviewed_at;
  char    *bailed_at;
  char    *bail_type;
  char    *bail_until;
  char    *released_at;
  char    *given_name;
  char    *family_name;
  char    *date_of_birth;
  char    *local_person_id;
  char    *display_name;
};

G_DEFINE_FINAL_TYPE (SotSuspect, sot_suspect, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INVESTIGATION_ID,
  PROP_PERSON_ID,
  PROP_REPEAT_COUNT,
  PROP_UUID,
  PROP_RELATIONSHIP,
  PROP_ARRESTED_AT,
  PROP_INTERVIEWED_AT,
  PROP_BAILED_AT,
  PROP_BAIL_TYPE,
  PROP_BAIL_UNTIL,
  PROP_RELEASED_AT,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_LOCAL_PERSON_ID,
  PROP_DISPLAY_NAME,
  PROP_RELATIONSHIP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _SotSuspectMatch
{
  GObject  parent_instance;

  gint64   person_id;
  guint    n_investigations;
  guint    by_name_and_dob : 1;
  guint    by_local_id : 1;
  char    *suspect_uuid;
  char    *investigation_uuid;
  char    *crime_reference;
  char    *display_name;
  char    *date_of_birth;
  char    *local_person_id;
};

G_DEFINE_FINAL_TYPE (SotSuspectMatch, sot_suspect_match, G_TYPE_OBJECT)

G_DEFINE_QUARK (sot-suspect-error-quark, sot_suspect_error)

static const struct {
  const char *value;
  const char *label;
} relationships[] = {
  { SOT_RELATIONSHIP_STRANGER, N_("Stranger") },
  { SOT_RELATIONSHIP_FAMILY, N_("Family") },
  { SOT_RELATIONSHIP_ACQUAINTANCE, N_("Acquaintance or friend") },
  { SOT_RELATIONSHIP_INTIMATE, N_("Intimate (current or former)") },
  { SOT_RELATIONSHIP_OTHER, N_("Other") },
  { SOT_RELATIONSHIP_UNKNOWN, N_("Unknown") },
};

/* The repeat count is the number of *other* investigations sharing the person. */
#define SUSPECT_COLUMNS \
  "s.id, s.uuid, s.investigation_id, s.suspect_person_id, s.relationship, s.arrested_at, " \
  "s.interviewed_at, s.bailed_at, s.bail_type, s.bail_until, s.released_at, si.given_name, " \
  "si.family_name, si.date_of_birth, si.local_person_id, " \
  "(SELECT count(DISTINCT o.investigation_id) FROM suspect o " \
  " WHERE o.suspect_person_id = s.suspect_person_id AND o.investigation_id <> s.investigation_id)"
#define SUSPECT_FROM "suspect s LEFT JOIN suspect_identity si ON si.suspect_id = s.id"

/* Static helpers */

static char **
field_for_prop (SotSuspect *self,
                guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_UUID: return &self->uuid;
    case PROP_RELATIONSHIP: return &self->relationship;
    case PROP_ARRESTED_AT: return &self->arrested_at;
    case PROP_INTERVIEWED_AT: return &self->interviewed_at;
    case PROP_BAILED_AT: return &self->bailed_at;
    case PROP_BAIL_TYPE: return &self->bail_type;
    case PROP_BAIL_UNTIL: return &self->bail_until;
    case PROP_RELEASED_AT: return &self->released_at;
    case PROP_GIVEN_NAME: return &self->given_name;
    case PROP_FAMILY_NAME: return &self->family_name;
    case PROP_DATE_OF_BIRTH: return &self->date_of_birth;
    case PROP_LOCAL_PERSON_ID: return &self->local_person_id;
    case PROP_DISPLAY_NAME: return &self->display_name;
    default: return NULL;
    }
}

static void
set_field (SotSuspect *self,
           guint       prop_id,
           const char *value)
{
  char **field = field_for_prop (self, prop_id);

  g_assert (field != NULL);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);

  if (prop_id == PROP_RELATIONSHIP)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP_LABEL]);
}

static char *
build_display_name (const char *given,
                    const char *family)
{
  if (given == NULL && family == NULL)
    return g_strdup (_("Unnamed suspect"));

  return g_strjoin (" ", given ? given : "", family ? family : "", NULL);
}

static gpointer
new_from_row (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  SotSuspect *self = g_object_new (SOT_TYPE_SUSPECT, NULL);
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (sot_store_column_text (stmt, 1));
  self->investigation_id = sqlite3_column_int64 (stmt, 2);
  self->person_id = sqlite3_column_int64 (stmt, 3);
  self->relationship = g_strdup (sot_store_column_text (stmt, 4));
  self->arrested_at = g_strdup (sot_store_column_text (stmt, 5));
  self->interviewed_at = g_strdup (sot_store_column_text (stmt, 6));
  self->bailed_at = g_strdup (sot_store_column_text (stmt, 7));
  self->bail_type = g_strdup (sot_store_column_text (stmt, 8));
  self->bail_until = g_strdup (sot_store_column_text (stmt, 9));
  self->released_at = g_strdup (sot_store_column_text (stmt, 10));
  self->given_name = g_strdup (sot_store_column_text (stmt, 11));
  self->family_name = g_strdup (sot_store_column_text (stmt, 12));
  self->date_of_birth = g_strdup (sot_store_column_text (stmt, 13));
  self->local_person_id = g_strdup (sot_store_column_text (stmt, 14));
  self->repeat_count = sqlite3_column_int (stmt, 15);
  self->display_name = build_display_name (self->given_name, self->family_name);

  return self;
}

/* Copies the stored state of @from into @self, notifying what changed. */
static void
assign (SotSuspect *self,
        SotSuspect *from)
{
  g_object_freeze_notify (G_OBJECT (self));

  for (guint prop = PROP_RELATIONSHIP; prop <= PROP_DISPLAY_NAME; prop++)
    set_field (self, prop, *field_for_prop (from, prop));

  if (self->person_id != from->person_id)
    {
      self->person_id = from->person_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }

  if (self->repeat_count != from->repeat_count)
    {
      self->repeat_count = from->repeat_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPEAT_COUNT]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static SotSuspect *
load_where (SotStore    *store,
            const char  *sql,
            const char  *uuid,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  SotSuspect *self = NULL;
  int rc;

  stmt = sot_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self = new_from_row (stmt, NULL);
  else if (rc == SQLITE_DONE)
    sot_set_not_found (error, _("The suspect is no longer in the workspace"));
  else
    sot_store_set_sqlite_error (store, error, _("Cannot read the suspect"));

  sqlite3_reset (stmt);
  return self;
}

static gboolean
reload (SotSuspect  *self,
        SotStore    *store,
        GError     **error)
{
  g_autoptr(SotSuspect) fresh = sot_suspect_load (store, self->uuid, error);

  if (fresh == NULL)
    return FALSE;

  assign (self, fresh);
  return TRUE;
}

/* Parses a time field and stores it normalised to UTC, as every time in the workspace. */
static gboolean
normalise_time (char       **field,
                const char  *label,
                GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GError) local_error = NULL;

  if (*field == NULL)
    return TRUE;

  dt = sot_time_parse (*field, &local_error);
  if (dt == NULL)
    return sot_set_invalid (error, _("%s: %s"), label, local_error->message);

  g_free (*field);
  *field = sot_store_format_time (dt);
  return TRUE;
}

static gboolean
validate (SotSuspect  *self,
          GError     **error)
{
  GDate date;

  if (self->relationship != NULL && !g_strv_contains (sot_suspect_relationships (),
                                                      self->relationship))
    return sot_set_invalid (error, _("Unknown relationship “%s”"), self->relationship);

  if (self->bail_type != NULL &&
      g_strcmp0 (self->bail_type, SOT_BAIL_TYPE_BAIL) != 0 &&
      g_strcmp0 (self->bail_type, SOT_BAIL_TYPE_RUI) != 0)
    return sot_set_invalid (error, _("Unknown bail type “%s”"), self->bail_type);

  if (self->bail_type != NULL && self->bailed_at == NULL)
    return sot_set_invalid (error, _("Give the time the suspect was bailed or released under "
                                     "investigation"));

  if (self->bail_until != NULL && !sot_date_parse (self->bail_until, &date, NULL))
    return sot_set_invalid (error, _("The bail return date “%s” is not a date (YYYY-MM-DD)"),
                            self->bail_until);

  return normalise_time (&self->arrested_at, _("Arrested"), error) &&
         normalise_time (&self->interviewed_at, _("Interviewed"), error) &&
         normalise_time (&self->bailed_at, _("Bailed"), error) &&
         normalise_time (&self->released_at, _("Released"), error);
}

#define LINK_SQL "UPDATE suspect SET suspect_person_id = ?2 WHERE id = ?1"

/* Ends a link or unlink begun with @stmt, LINK_SQL prepared: points the suspect at
 * @person_id and removes the person it leaves when no suspect refers to that one any more. */
static gboolean
write_person (SotSuspect       *self,
              SotStore         *store,
              sqlite3_stmt     *stmt,
              gint64            person_id,
              const SotChange  *change,
              GError          **error)
{
  const char *what = _("Cannot link the suspect");

  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_int64 (stmt, 2, person_id);

  /* A person no suspect refers to any more has nothing left to say: remove the row. */
  if (self->person_id > 0)
    {
      stmt = sot_store_write_next (store, stmt,
                                   "DELETE FROM suspect_person WHERE id = ?1 AND NOT EXISTS "
                                   "(SELECT 1 FROM suspect WHERE suspect_person_id = ?1)",
                                   what, error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, self->person_id);
    }

  return sot_store_write_end (store, stmt, change, what, error);
}

static char *
person_uuid (SotStore *store,
             gint64    person_id)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  stmt = sot_store_prepare (store, "SELECT uuid FROM suspect_person WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup (sot_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return uuid;
}

/* GObject */

static void
sot_suspect_finalize (GObject *object)
{
  SotSuspect *self = (SotSuspect *)object;

  for (guint prop = PROP_UUID; prop <= PROP_DISPLAY_NAME; prop++)
    g_clear_pointer (field_for_prop (self, prop), g_free);

  G_OBJECT_CLASS (sot_suspect_parent_class)->finalize (object);
}

static void
sot_suspect_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SotSuspect *self = SOT_SUSPECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_INVESTIGATION_ID:
      g_value_set_int64 (value, self->investigation_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_REPEAT_COUNT:
      g_value_set_uint (value, self->repeat_count);
      break;

    case PROP_RELATIONSHIP_LABEL:
      g_value_set_string (value, sot_suspect_relationship_label (self->relationship));
      break;

    default:
      {
        char **field = field_for_prop (self, prop_id);

        if (field == NULL)
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        else
          g_value_set_string (value, *field);
      }
    }
}

static void
sot_suspect_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SotSuspect *self = SOT_SUSPECT (object);

  switch (prop_id)
    {
    case PROP_RELATIONSHIP:
    case PROP_ARRESTED_AT:
    case PROP_INTERVIEWED_AT:
    case PROP_BAILED_AT:
    case PROP_BAIL_TYPE:
    case PROP_BAIL_UNTIL:
    case PROP_RELEASED_AT:
      set_field (self, prop_id, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_suspect_class_init (SotSuspectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  static const char * const names[N_PROPS] = {
    [PROP_UUID] = "uuid",
    [PROP_RELATIONSHIP] = "relationship",
    [PROP_ARRESTED_AT] = "arrested-at",
    [PROP_INTERVIEWED_AT] = "interviewed-at",
    [PROP_BAILED_AT] = "bailed-at",
    [PROP_BAIL_TYPE] = "bail-type",
    [PROP_BAIL_UNTIL] = "bail-until",
    [PROP_RELEASED_AT] = "released-at",
    [PROP_GIVEN_NAME] = "given-name",
    [PROP_FAMILY_NAME] = "family-name",
    [PROP_DATE_OF_BIRTH] = "date-of-birth",
    [PROP_LOCAL_PERSON_ID] = "local-person-id",
    [PROP_DISPLAY_NAME] = "display-name",
    [PROP_RELATIONSHIP_LABEL] = "relationship-label",
  };

  object_class->finalize = sot_suspect_finalize;
  object_class->get_property = sot_suspect_get_property;
  object_class->set_property = sot_suspect_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | flags);
  properties[PROP_INVESTIGATION_ID] =
    g_param_spec_int64 ("investigation-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | flags);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | flags);
  properties[PROP_REPEAT_COUNT] =
    g_param_spec_uint ("repeat-count", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | flags);

  for (guint prop = PROP_UUID; prop < N_PROPS; prop++)
    {
      gboolean writable = prop >= PROP_RELATIONSHIP && prop <= PROP_RELEASED_AT;

      properties[prop] = g_param_spec_string (names[prop], NULL, NULL, NULL,
                                              (writable ? G_PARAM_READWRITE : G_PARAM_READABLE) |
                                              flags);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sot_suspect_init (SotSuspect *self)
{
}

static void
sot_suspect_match_finalize (GObject *object)
{
  SotSuspectMatch *self = (SotSuspectMatch *)object;

  g_free (self->suspect_uuid);
  g_free (self->investigation_uuid);
  g_free (self->crime_reference);
  g_free (self->display_name);
  g_free (self->date_of_birth);
  g_free (self->local_person_id);

  G_OBJECT_CLASS (sot_suspect_match_parent_class)->finalize (object);
}

static void
sot_suspect_match_class_init (SotSuspectMatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sot_suspect_match_finalize;
}

static void
sot_suspect_match_init (SotSuspectMatch *self)
{
}

/* Public functions */

const char * const *
sot_suspect_relationships (void)
{
  static const char *values[G_N_ELEMENTS (relationships) + 1];

  if (values[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (relationships); i++)
      values[i] = relationships[i].value;

  return values;
}

const char *
sot_suspect_relationship_label (const char *relationship)
{
  for (guint i = 0; i < G_N_ELEMENTS (relationships); i++)
    if (g_strcmp0 (relationships[i].value, relationship) == 0)
      return g_dgettext (GETTEXT_PACKAGE, relationships[i].label);

  return relationship ? relationship : "";
}

const char *
sot_suspect_bail_type_label (const char *bail_type)
{
  if (g_strcmp0 (bail_type, SOT_BAIL_TYPE_BAIL) == 0)
    return _("Pre-charge bail");
  if (g_strcmp0 (bail_type, SOT_BAIL_TYPE_RUI) == 0)
    return _("Released under investigation");

  return bail_type ? bail_type : "";
}

gint64
sot_suspect_get_id (SotSuspect *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT (self), 0);
  return self->id;
}

gint64
sot_suspect_get_investigation_id (SotSuspect *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT (self), 0);
  return self->investigation_id;
}

gint64
sot_suspect_get_person_id (SotSuspect *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT (self), 0);
  return self->person_id;
}

guint
sot_suspect_get_repeat_count (SotSuspect *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT (self), 0);
  return self->repeat_count;
}

#define STRING_GETTER(name) \
  const char * \
  sot_suspect_get_##name (SotSuspect *self) \
  { \
    g_return_val_if_fail (SOT_IS_SUSPECT (self), NULL); \
    return self->name; \
  }

STRING_GETTER (uuid)
STRING_GETTER (relationship)
STRING_GETTER (arrested_at)
STRING_GETTER (interviewed_at)
STRING_GETTER (bailed_at)
STRING_GETTER (bail_type)
STRING_GETTER (bail_until)
STRING_GETTER (released_at)
STRING_GETTER (given_name)
STRING_GETTER (family_name)
STRING_GETTER (date_of_birth)
STRING_GETTER (local_person_id)
STRING_GETTER (display_name)

#define STRING_SETTER(name, prop) \
  void \
  sot_suspect_set_##name (SotSuspect *self, \
                          const char *value) \
  { \
    g_return_if_fail (SOT_IS_SUSPECT (self)); \
    set_field (self, prop, value); \
  }

STRING_SETTER (relationship, PROP_RELATIONSHIP)
STRING_SETTER (arrested_at, PROP_ARRESTED_AT)
STRING_SETTER (interviewed_at, PROP_INTERVIEWED_AT)
STRING_SETTER (bailed_at, PROP_BAILED_AT)
STRING_SETTER (bail_type, PROP_BAIL_TYPE)
STRING_SETTER (bail_until, PROP_BAIL_UNTIL)
STRING_SETTER (released_at, PROP_RELEASED_AT)

SotSuspect *
sot_suspect_add (SotStore               *store,
                 gint64                  investigation_id,
                 const SotPersonDetails *details,
                 SotChecklist           *checklist,
                 GError                **error)
{
  g_autoptr(SotSuspect) self = NULL;
  g_autoptr(GListModel) proposals = NULL;
  gint64 row = 0;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (details != NULL, NULL);
  g_return_val_if_fail (checklist == NULL || SOT_IS_CHECKLIST (checklist), NULL);

  if (details->relationship != NULL &&
      !g_strv_contains (sot_suspect_relationships (), details->relationship))
    {
      sot_set_invalid (error, _("Unknown relationship “%s”"), details->relationship);
      return NULL;
    }

  if (details->date_of_birth != NULL && *details->date_of_birth != '\0')
    {
      GDate dob;
      g_autoptr(GError) local_error = NULL;

      if (!sot_date_parse (details->date_of_birth, &dob, &local_error))
        {
          sot_set_invalid (error, _("Date of birth: %s"), local_error->message);
          return NULL;
        }
    }

  /* A batch of whole writes, each with its own audit row: the suspect and the checklist's
   * proposals for him are kept together or not at all. */
  if (!sot_store_begin (store, error))
    return NULL;

  if (!sot_person_add (store, SOT_ROLE_SUSPECT, investigation_id, details, &row, error) ||
      (checklist != NULL &&
       !(proposals = sot_checklist_propose (checklist, store, row, error))) ||
      !(self = sot_suspect_load_by_id (store, row, error)))
    {
      sot_store_rollback (store);
      return NULL;
    }

  if (!sot_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
sot_suspect_save (SotSuspect  *self,
                  SotStore    *store,
                  const char  *reason,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_SUSPECT (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->id > 0, FALSE);

  if (!validate (self, error))
    return FALSE;

  stmt = sot_store_write_begin (store,
                                "UPDATE suspect SET relationship = coalesce (?2, 'unknown'), "
                                "arrested_at = ?3, interviewed_at = ?4, bailed_at = ?5, "
                                "bail_type = ?6, bail_until = ?7, released_at = ?8 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);
  sot_store_bind_text (stmt, 2, self->relationship);
  sot_store_bind_text (stmt, 3, self->arrested_at);
  sot_store_bind_text (stmt, 4, self->interviewed_at);
  sot_store_bind_text (stmt, 5, self->bailed_at);
  sot_store_bind_text (stmt, 6, self->bail_type);
  sot_store_bind_text (stmt, 7, self->bail_until);
  sot_store_bind_text (stmt, 8, self->released_at);

  change = (SotChange) { SOT_AUDIT_ALTER, SOT_ENTITY_SUSPECT, self->uuid, reason, NULL };
  if (!sot_store_write_end (store, stmt, &change, _("Cannot save the suspect"), error))
    return FALSE;

  /* The normalised times notify bound widgets. */
  return reload (self, store, error);
}

SotSuspect *
sot_suspect_load (SotStore    *store,
                  const char  *uuid,
                  GError     **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return load_where (store, "SELECT " SUSPECT_COLUMNS " FROM " SUSPECT_FROM " WHERE s.uuid = ?1",
                     uuid, 0, error);
}

SotSuspect *
sot_suspect_load_by_id (SotStore    *store,
                        gint64       id,
                        GError     **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return load_where (store, "SELECT " SUSPECT_COLUMNS " FROM " SUSPECT_FROM " WHERE s.id = ?1",
                     NULL, id, error);
}

GListModel *
sot_suspect_list (SotStore    *store,
                  gint64       investigation_id,
                  GError     **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT " SUSPECT_COLUMNS " FROM " SUSPECT_FROM
                               " WHERE s.investigation_id = ?1 ORDER BY s.id",
                               investigation_id, SOT_TYPE_SUSPECT, new_from_row, NULL,
                               _("Cannot read the suspects"), error);
}

GListModel *
sot_suspect_find_matches (SotSuspect  *self,
                          SotStore    *store,
                          GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SOT_TYPE_SUSPECT_MATCH);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_SUSPECT (self), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  /* A name-and-birth match needs all three; the date of birth is looked up by index and the
   * names compared without regard to case. With min() the only min/max aggregate, the bare
   * columns come from the row of min(s.id) (an SQLite guarantee), so each person shows as his
   * oldest suspect record. */
  stmt = sot_store_prepare (store,
                            "SELECT s.suspect_person_id, min (s.id) AS first_id, s.uuid, i.uuid, "
                            "i.crime_reference, si.given_name, si.family_name, "
                            "si.date_of_birth, si.local_person_id, "
                            "total (?2 IS NOT NULL AND si.date_of_birth = ?2 "
                            "     AND lower (si.family_name) = lower (?3) "
                            "     AND lower (si.given_name) = lower (?4)), "
                            "total (?5 IS NOT NULL AND si.local_person_id = ?5), "
                            "(SELECT count (DISTINCT a.investigation_id) FROM suspect a "
                            " WHERE a.suspect_person_id = s.suspect_person_id) AS n "
                            "FROM suspect_identity si "
                            "JOIN suspect s ON s.id = si.suspect_id "
                            "JOIN investigation i ON i.id = s.investigation_id "
                            "WHERE s.investigation_id <> ?1 "
                            "AND s.suspect_person_id IS NOT NULL "
                            "AND s.suspect_person_id IS NOT ?6 "
                            "AND ((si.date_of_birth = ?2 AND lower (si.family_name) = lower (?3) "
                            "      AND lower (si.given_name) = lower (?4)) "
                            "     OR si.local_person_id = ?5) "
                            "GROUP BY s.suspect_person_id ORDER BY n DESC, first_id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, self->investigation_id);
  /* Without a full name and a date of birth only the local ID can match. */
  if (self->given_name != NULL && self->family_name != NULL)
    sot_store_bind_text (stmt, 2, self->date_of_birth);
  sot_store_bind_text (stmt, 3, self->family_name);
  sot_store_bind_text (stmt, 4, self->given_name);
  sot_store_bind_text (stmt, 5, self->local_person_id);
  if (self->person_id > 0)
    sqlite3_bind_int64 (stmt, 6, self->person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SotSuspectMatch) match = g_object_new (SOT_TYPE_SUSPECT_MATCH, NULL);

      match->person_id = sqlite3_column_int64 (stmt, 0);
      match->suspect_uuid = g_strdup (sot_store_column_text (stmt, 2));
      match->investigation_uuid = g_strdup (sot_store_column_text (stmt, 3));
      match->crime_reference = g_strdup (sot_store_column_text (stmt, 4));
      match->display_name = build_display_name (sot_store_column_text (stmt, 5), sot_store_column_text (stmt, 6));
      match->date_of_birth = g_strdup (sot_store_column_text (stmt, 7));
      match->local_person_id = g_strdup (sot_store_column_text (stmt, 8));
      match->by_name_and_dob = sqlite3_column_double (stmt, 9) > 0;
      match->by_local_id = sqlite3_column_double (stmt, 10) > 0;
      match->n_investigations = sqlite3_column_int (stmt, 11);

      g_list_store_append (list, match);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot look for matching suspects"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gboolean
sot_suspect_link (SotSuspect  *self,
                  SotStore    *store,
                  gint64       person_id,
                  GError     **error)
{
  g_autofree char *target_uuid = NULL;
  g_autofree char *reason = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  gboolean same_investigation = FALSE;

  g_return_val_if_fail (SOT_IS_SUSPECT (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (person_id == self->person_id)
    return TRUE;

  target_uuid = person_uuid (store, person_id);
  if (target_uuid == NULL)
    return sot_set_not_found (error, _("The person to link to is no longer in the workspace"));

  /* Two suspects of one investigation are two people; linking them would hide one. */
  stmt = sot_store_prepare (store,
                            "SELECT 1 FROM suspect WHERE suspect_person_id = ?1 "
                            "AND investigation_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, self->investigation_id);
  same_investigation = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (same_investigation)
    {
      g_set_error (error, SOT_SUSPECT_ERROR, SOT_SUSPECT_ERROR_SAME_INVESTIGATION,
                   _("That person is already a suspect in this investigation"));
      return FALSE;
    }

  reason = g_strdup_printf ("linked to suspect person %s", target_uuid);
  change = (SotChange) { SOT_AUDIT_COMBINE, SOT_ENTITY_SUSPECT, self->uuid, reason, NULL };

  stmt = sot_store_write_begin (store, LINK_SQL, error);
  if (stmt == NULL || !write_person (self, store, stmt, person_id, &change, error))
    return FALSE;

  return reload (self, store, error);
}

gboolean
sot_suspect_unlink (SotSuspect  *self,
                    SotStore    *store,
                    GError     **error)
{
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  gint64 new_person;

  g_return_val_if_fail (SOT_IS_SUSPECT (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!reload (self, store, error))
    return FALSE;

  if (self->repeat_count == 0)
    {
      g_set_error (error, SOT_SUSPECT_ERROR, SOT_SUSPECT_ERROR_NOT_LINKED,
                   _("The suspect is not linked to another investigation"));
      return FALSE;
    }

  uuid = sot_store_make_uuid (store);
  stmt = sot_store_write_begin (store, "INSERT INTO suspect_person (uuid) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  stmt = sot_store_write_next (store, stmt, LINK_SQL, _("Cannot unlink the suspect"), error);
  if (stmt == NULL)
    return FALSE;

  /* The new person is the row the INSERT just run made. */
  new_person = sot_store_last_insert_id (store);
  change = (SotChange) { SOT_AUDIT_COMBINE, SOT_ENTITY_SUSPECT, self->uuid, "unlinked", NULL };
  if (!write_person (self, store, stmt, new_person, &change, error))
    return FALSE;

  return reload (self, store, error);
}

GListModel *
sot_suspect_other_investigations (SotSuspect  *self,
                                  SotStore    *store,
                                  GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SOT_TYPE_INVESTIGATION);
  SotReference *reference;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_SUSPECT (self), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  reference = sot_store_get_reference (store);

  stmt = sot_store_prepare (store,
                            "SELECT " SOT_INVESTIGATION_COLUMNS " FROM investigation i "
                            "WHERE i.id IN (SELECT investigation_id FROM suspect "
                            "WHERE suspect_person_id = ?1) AND i.id <> ?2 "
                            "ORDER BY i.reported_on DESC, i.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, self->person_id);
  sqlite3_bind_int64 (stmt, 2, self->investigation_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SotInvestigation) inv = sot_investigation_new_from_row (stmt, reference);

      g_list_store_append (list, inv);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot read the other investigations"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gboolean
sot_suspect_repeat_investigations (SotStore    *store,
                                   GHashTable **uuids,
                                   GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuids != NULL, FALSE);

  stmt = sot_store_prepare (store,
                            "SELECT DISTINCT i.uuid FROM suspect s "
                            "JOIN investigation i ON i.id = s.investigation_id "
                            "WHERE s.suspect_person_id IN (SELECT suspect_person_id FROM suspect "
                            "WHERE suspect_person_id IS NOT NULL GROUP BY suspect_person_id "
                            "HAVING count (DISTINCT investigation_id) > 1)",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup (sot_store_column_text (stmt, 0)));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot find repeat suspects"));
      return FALSE;
    }

  *uuids = g_steal_pointer (&set);
  return TRUE;
}

gint64
sot_suspect_match_get_person_id (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), 0);
  return self->person_id;
}

const char *
sot_suspect_match_get_suspect_uuid (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), NULL);
  return self->suspect_uuid;
}

const char *
sot_suspect_match_get_investigation_uuid (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), NULL);
  return self->investigation_uuid;
}

const char *
sot_suspect_match_get_crime_reference (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), NULL);
  return self->crime_reference;
}

const char *
sot_suspect_match_get_display_name (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), NULL);
  return self->display_name;
}

const char *
sot_suspect_match_get_date_of_birth (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), NULL);
  return self->date_of_birth;
}

const char *
sot_suspect_match_get_local_person_id (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), NULL);
  return self->local_person_id;
}

gboolean
sot_suspect_match_get_by_name_and_dob (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), FALSE);
  return self->by_name_and_dob;
}

gboolean
sot_suspect_match_get_by_local_id (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), FALSE);
  return self->by_local_id;
}

guint
sot_suspect_match_get_n_investigations (SotSuspectMatch *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_MATCH (self), 0);
  return self->n_investigations;
}
