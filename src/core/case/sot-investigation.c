/* sot-investigation.c: one rape or serious sexual offence investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-investigation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-investigation.h"
#include "sot-time.h"

struct _SotInvestigation
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *crime_reference;
  char    *offence_type;
  char    *offence_from;
  char    *offence_until;
  char    *reported_on;
  char    *recorded_on;
  char    *officer;
  char    *status;
  char    *outcome_code;
  char    *outcome_date;
  char    *next_deadline;
  char    *offence_label;
  char    *search_text;
};

G_DEFINE_FINAL_TYPE (SotInvestigation, sot_investigation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_CRIME_REFERENCE,
  PROP_OFFENCE_TYPE,
  PROP_OFFENCE_FROM,
  PROP_OFFENCE_UNTIL,
  PROP_REPORTED_ON,
  PROP_RECORDED_ON,
  PROP_OFFICER,
  PROP_STATUS,
  PROP_OUTCOME_CODE,
  PROP_OUTCOME_DATE,
  PROP_NEXT_DEADLINE,
  PROP_OFFENCE_LABEL,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const statuses[] = {
  SOT_STATUS_OPEN, SOT_STATUS_WITH_CPS, SOT_STATUS_CHARGED, SOT_STATUS_FINALISED, NULL
};

/* The string fields, by property, so that copy/assign/set share one table. */
static char **
field_for_prop (SotInvestigation *self,
                guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_UUID: return &self->uuid;
    case PROP_CRIME_REFERENCE: return &self->crime_reference;
    case PROP_OFFENCE_TYPE: return &self->offence_type;
    case PROP_OFFENCE_FROM: return &self->offence_from;
    case PROP_OFFENCE_UNTIL: return &self->offence_until;
    case PROP_REPORTED_ON: return &self->reported_on;
    case PROP_RECORDED_ON: return &self->recorded_on;
    case PROP_OFFICER: return &self->officer;
    case PROP_STATUS: return &self->status;
    case PROP_OUTCOME_CODE: return &self->outcome_code;
    case PROP_OUTCOME_DATE: return &self->outcome_date;
    case PROP_NEXT_DEADLINE: return &self->next_deadline;
    case PROP_OFFENCE_LABEL: return &self->offence_label;
    case PROP_SEARCH_TEXT: return &self->search_text;
    default: return NULL;
    }
}

/* Case-folded once here, so that the list filter compares without allocating. */
static char *
build_search_text (SotInvestigation *self)
{
  g_autofree char *joined = NULL;

  joined = g_strjoin ("\n",
                      self->crime_reference ? self->crime_reference : "",
                      self->offence_label ? self->offence_label : "",
                      self->offence_type ? self->offence_type : "",
                      self->officer ? self->officer : "",
                      NULL);
  return g_utf8_casefold (joined, -1);
}

static void
update_search_text (SotInvestigation *self)
{
  g_autofree char *lower = build_search_text (self);

  if (g_strcmp0 (lower, self->search_text) != 0)
    {
      g_free (self->search_text);
      self->search_text = g_steal_pointer (&lower);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
    }
}

/* Empty text is stored as NULL so that "not given" has one representation. */
static void
set_field (SotInvestigation *self,
           guint             prop_id,
           const char       *value)
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

  if (prop_id == PROP_CRIME_REFERENCE || prop_id == PROP_OFFENCE_TYPE ||
      prop_id == PROP_OFFICER || prop_id == PROP_OFFENCE_LABEL)
    update_search_text (self);
}

static void
sot_investigation_finalize (GObject *object)
{
  SotInvestigation *self = (SotInvestigation *)object;

  for (guint prop_id = PROP_UUID; prop_id < N_PROPS; prop_id++)
    {
      char **field = field_for_prop (self, prop_id);

      if (field != NULL)
        g_clear_pointer (field, g_free);
    }

  G_OBJECT_CLASS (sot_investigation_parent_class)->finalize (object);
}

static void
sot_investigation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SotInvestigation *self = SOT_INVESTIGATION (object);
  char **field;

  if (prop_id == PROP_ID)
    {
      g_value_set_int64 (value, self->id);
      return;
    }

  field = field_for_prop (self, prop_id);
  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_set_string (value, *field);
}

static void
sot_investigation_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SotInvestigation *self = SOT_INVESTIGATION (object);

  if (field_for_prop (self, prop_id) == NULL || prop_id == PROP_SEARCH_TEXT)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  set_field (self, prop_id, g_value_get_string (value));
}

static void
sot_investigation_class_init (SotInvestigationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sot_investigation_finalize;
  object_class->get_property = sot_investigation_get_property;
  object_class->set_property = sot_investigation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, rw);
  properties[PROP_CRIME_REFERENCE] = g_param_spec_string ("crime-reference", NULL, NULL, NULL, rw);
  properties[PROP_OFFENCE_TYPE] = g_param_spec_string ("offence-type", NULL, NULL, NULL, rw);
  properties[PROP_OFFENCE_FROM] = g_param_spec_string ("offence-from", NULL, NULL, NULL, rw);
  properties[PROP_OFFENCE_UNTIL] = g_param_spec_string ("offence-until", NULL, NULL, NULL, rw);
  properties[PROP_REPORTED_ON] = g_param_spec_string ("reported-on", NULL, NULL, NULL, rw);
  properties[PROP_RECORDED_ON] = g_param_spec_string ("recorded-on", NULL, NULL, NULL, rw);
  properties[PROP_OFFICER] = g_param_spec_string ("officer", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, SOT_STATUS_OPEN, rw);
  properties[PROP_OUTCOME_CODE] = g_param_spec_string ("outcome-code", NULL, NULL, NULL, rw);
  properties[PROP_OUTCOME_DATE] = g_param_spec_string ("outcome-date", NULL, NULL, NULL, rw);
  properties[PROP_NEXT_DEADLINE] = g_param_spec_string ("next-deadline", NULL, NULL, NULL, rw);
  properties[PROP_OFFENCE_LABEL] = g_param_spec_string ("offence-label", NULL, NULL, NULL, rw);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sot_investigation_init (SotInvestigation *self)
{
  self->status = g_strdup (SOT_STATUS_OPEN);
}

SotInvestigation *
sot_investigation_new (void)
{
  return g_object_new (SOT_TYPE_INVESTIGATION, NULL);
}

void
sot_investigation_assign (SotInvestigation *self,
                          SotInvestigation *from)
{
  g_return_if_fail (SOT_IS_INVESTIGATION (self));
  g_return_if_fail (SOT_IS_INVESTIGATION (from));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->id != from->id)
    {
      self->id = from->id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }

  for (guint prop_id = PROP_UUID; prop_id < PROP_SEARCH_TEXT; prop_id++)
    set_field (self, prop_id, *field_for_prop (from, prop_id));

  g_object_thaw_notify (G_OBJECT (self));
}

SotInvestigation *
sot_investigation_copy (SotInvestigation *self)
{
  SotInvestigation *copy;

  g_return_val_if_fail (SOT_IS_INVESTIGATION (self), NULL);

  copy = sot_investigation_new ();
  sot_investigation_assign (copy, self);

  return copy;
}

#define GETTER(name, field) \
  const char * \
  sot_investigation_get_##name (SotInvestigation *self) \
  { \
    g_return_val_if_fail (SOT_IS_INVESTIGATION (self), NULL); \
    return self->field; \
  }

#define SETTER(name, prop) \
  void \
  sot_investigation_set_##name (SotInvestigation *self, \
                                const char       *value) \
  { \
    g_return_if_fail (SOT_IS_INVESTIGATION (self)); \
    set_field (self, prop, value); \
  }

GETTER (uuid, uuid)
GETTER (crime_reference, crime_reference)
GETTER (offence_type, offence_type)
GETTER (offence_from, offence_from)
GETTER (offence_until, offence_until)
GETTER (reported_on, reported_on)
GETTER (recorded_on, recorded_on)
GETTER (officer, officer)
GETTER (status, status)
GETTER (outcome_code, outcome_code)
GETTER (outcome_date, outcome_date)
GETTER (next_deadline, next_deadline)
GETTER (offence_label, offence_label)
GETTER (search_text, search_text)

SETTER (uuid, PROP_UUID)
SETTER (crime_reference, PROP_CRIME_REFERENCE)
SETTER (offence_type, PROP_OFFENCE_TYPE)
SETTER (offence_from, PROP_OFFENCE_FROM)
SETTER (offence_until, PROP_OFFENCE_UNTIL)
SETTER (reported_on, PROP_REPORTED_ON)
SETTER (recorded_on, PROP_RECORDED_ON)
SETTER (officer, PROP_OFFICER)
SETTER (status, PROP_STATUS)
SETTER (outcome_code, PROP_OUTCOME_CODE)
SETTER (outcome_date, PROP_OUTCOME_DATE)

gint64
sot_investigation_get_id (SotInvestigation *self)
{
  g_return_val_if_fail (SOT_IS_INVESTIGATION (self), 0);

  return self->id;
}

const char * const *
sot_investigation_statuses (void)
{
  return statuses;
}

const char *
sot_investigation_status_label (const char *status)
{
  if (g_strcmp0 (status, SOT_STATUS_OPEN) == 0)
    return _("Under investigation");
  if (g_strcmp0 (status, SOT_STATUS_WITH_CPS) == 0)
    return _("With the CPS");
  if (g_strcmp0 (status, SOT_STATUS_CHARGED) == 0)
    return _("Charged");
  if (g_strcmp0 (status, SOT_STATUS_FINALISED) == 0)
    return _("Finalised");
  return _("Unknown status");
}

void
sot_field_problem_clear (gpointer data)
{
  SotFieldProblem *problem = data;

  g_clear_pointer (&problem->field, g_free);
  g_clear_pointer (&problem->message, g_free);
}

static void
add_problem (GArray     *problems,
             const char *field,
             const char *message)
{
  SotFieldProblem problem = { g_strdup (field), g_strdup (message) };

  g_array_append_val (problems, problem);
}

/* Parses an optional date field, recording a problem if it is given but not a date. */
static gboolean
check_date (GArray     *problems,
            const char *field,
            const char *value,
            GDate      *out)
{
  g_autoptr(GError) error = NULL;

  if (value == NULL)
    return FALSE;

  if (!sot_date_parse (value, out, &error))
    {
      add_problem (problems, field, error->message);
      return FALSE;
    }

  return TRUE;
}

static GDateTime *
check_time (GArray     *problems,
            const char *field,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  GDateTime *dt;

  if (value == NULL)
    return NULL;

  if (!(dt = sot_time_parse (value, &error)))
    add_problem (problems, field, error->message);

  return dt;
}

GArray *
sot_investigation_check (SotInvestigation *self,
                         SotReference     *reference)
{
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  GDate offence_day, reported, recorded, outcome;
  gboolean have_reported, have_recorded, have_outcome_date;

  g_return_val_if_fail (SOT_IS_INVESTIGATION (self), NULL);
  g_return_val_if_fail (SOT_IS_REFERENCE (reference), NULL);

  problems = g_array_new (FALSE, FALSE, sizeof (SotFieldProblem));
  g_array_set_clear_func (problems, sot_field_problem_clear);

  if (self->crime_reference == NULL)
    add_problem (problems, "crime-reference", _("Enter the crime reference"));
  else if (g_utf8_strlen (self->crime_reference, -1) > 40)
    add_problem (problems, "crime-reference", _("A crime reference has at most 40 characters"));

  if (self->offence_type == NULL)
    add_problem (problems, "offence-type", _("Choose the offence"));
  else if (!sot_reference_has_offence_type (reference, self->offence_type))
    add_problem (problems, "offence-type", _("This offence type is not in the list"));

  if (self->offence_from == NULL)
    add_problem (problems, "offence-from", _("Enter when the offence happened (or began)"));
  from = check_time (problems, "offence-from", self->offence_from);
  until = check_time (problems, "offence-until", self->offence_until);

  if (from != NULL && until != NULL && g_date_time_compare (until, from) < 0)
    add_problem (problems, "offence-until", _("The end of the offence period is before its start"));

  if (self->reported_on == NULL)
    add_problem (problems, "reported-on", _("Enter the date the offence was reported"));
  have_reported = check_date (problems, "reported-on", self->reported_on, &reported);
  have_recorded = check_date (problems, "recorded-on", self->recorded_on, &recorded);

  /* Compare calendar days in UK time: a report made the same evening is not "before". */
  if (from != NULL && have_reported)
    {
      sot_date_from_time (from, &offence_day);
      if (g_date_compare (&reported, &offence_day) < 0)
        add_problem (problems, "reported-on", _("The report cannot be before the offence"));
    }

  if (have_reported && have_recorded && g_date_compare (&recorded, &reported) < 0)
    add_problem (problems, "recorded-on", _("The crime cannot be recorded before it was reported"));

  if (self->officer == NULL)
    add_problem (problems, "officer", _("Enter the officer in the case"));

  if (self->status == NULL || !g_strv_contains (statuses, self->status))
    add_problem (problems, "status", _("Choose a status"));

  if (self->outcome_code != NULL && !sot_reference_has_outcome (reference, self->outcome_code))
    add_problem (problems, "outcome-code", _("This is not a Home Office outcome code"));

  have_outcome_date = check_date (problems, "outcome-date", self->outcome_date, &outcome);

  if (self->outcome_code != NULL && self->outcome_date == NULL)
    add_problem (problems, "outcome-date", _("Enter the date the outcome was assigned"));
  if (self->outcome_code == NULL && self->outcome_date != NULL)
    add_problem (problems, "outcome-code", _("An outcome date needs an outcome code"));
  if (have_outcome_date && have_reported && g_date_compare (&outcome, &reported) < 0)
    add_problem (problems, "outcome-date", _("The outcome cannot be before the report"));

  return g_steal_pointer (&problems);
}

static gboolean
validate (SotInvestigation  *self,
          SotStore          *store,
          GError           **error)
{
  g_autoptr(GArray) problems = sot_investigation_check (self, sot_store_get_reference (store));

  if (problems->len > 0)
    {
      SotFieldProblem *first = &g_array_index (problems, SotFieldProblem, 0);

      g_set_error_literal (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID, first->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
sot_investigation_reference_taken (SotStore    *store,
                                   const char  *crime_reference,
                                   gint64       except_id,
                                   GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean taken;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (crime_reference == NULL)
    return FALSE;

  stmt = sot_store_prepare (store,
                            "SELECT 1 FROM investigation WHERE crime_reference = ?1 AND id != ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, crime_reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);

  rc = sqlite3_step (stmt);
  taken = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    sot_store_set_sqlite_error (store, error, _("Cannot check the crime reference"));

  sqlite3_reset (stmt);
  return taken;
}

static void
bind_fields (SotInvestigation *self,
             sqlite3_stmt     *stmt)
{
  sot_store_bind_text (stmt, 1, self->uuid);
  sot_store_bind_text (stmt, 2, self->crime_reference);
  sot_store_bind_text (stmt, 3, self->offence_type);
  sot_store_bind_text (stmt, 4, self->offence_from);
  sot_store_bind_text (stmt, 5, self->offence_until);
  sot_store_bind_text (stmt, 6, self->reported_on);
  sot_store_bind_text (stmt, 7, self->recorded_on);
  sot_store_bind_text (stmt, 8, self->officer);
  sot_store_bind_text (stmt, 9, self->status);
  sot_store_bind_text (stmt, 10, self->outcome_code);
  sot_store_bind_text (stmt, 11, self->outcome_date);
}

/* Times are kept in one canonical form so that sorting and comparison in SQL work. */
static gboolean
normalise_times (SotInvestigation  *self,
                 GError           **error)
{
  const guint props[] = { PROP_OFFENCE_FROM, PROP_OFFENCE_UNTIL };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      char **field = field_for_prop (self, props[i]);
      g_autoptr(GDateTime) dt = NULL;
      g_autoptr(GDateTime) utc = NULL;
      g_autofree char *text = NULL;

      if (*field == NULL)
        continue;

      if (!(dt = sot_time_parse (*field, error)))
        return FALSE;

      utc = g_date_time_to_utc (dt);
      text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
      set_field (self, props[i], text);
    }

  return TRUE;
}

static gboolean
check_unique (SotInvestigation  *self,
              SotStore          *store,
              GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (sot_investigation_reference_taken (store, self->crime_reference, self->id, &local_error))
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_DUPLICATE,
                   _("Another investigation already has the crime reference %s"),
                   self->crime_reference);
      return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Refuses a write to an investigation that is no longer there, inside its transaction. */
static gboolean
check_exists (SotInvestigation  *self,
              SotStore          *store,
              GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = sot_store_prepare (store, "SELECT 1 FROM investigation WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, self->uuid, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                 _("The investigation %s no longer exists"), self->crime_reference);

  return found;
}

gboolean
sot_investigation_insert (SotInvestigation  *self,
                          SotStore          *store,
                          GError           **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(SotInvestigation) stored = NULL;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_INVESTIGATION (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->id == 0, FALSE);

  if (!validate (self, store, error) || !normalise_times (self, error))
    return FALSE;

  stmt = sot_store_write_begin (store,
                                "INSERT INTO investigation (uuid, crime_reference, offence_type, "
                                "offence_from, offence_until, reported_on, recorded_on, officer, "
                                "status, outcome_code, outcome_date, created_at, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (!check_unique (self, store, error))
    {
      sot_store_write_abort (store);
      return FALSE;
    }

  uuid = self->uuid ? g_strdup (self->uuid) : sot_store_make_uuid (store);
  now = sot_store_now (store);
  stamp = sot_store_format_time (now);

  bind_fields (self, stmt);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, stamp, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_INVESTIGATION,
    .entity_uuid = uuid,
  };
  if (!sot_store_write_end (store, stmt, &change, _("Cannot save the investigation"), error))
    return FALSE;

  /* Only now that it is on disk does the object take its identity (id, UUID, derived labels). */
  stored = sot_investigation_load (store, uuid, NULL);
  if (stored != NULL)
    sot_investigation_assign (self, stored);

  return TRUE;
}

gboolean
sot_investigation_update (SotInvestigation  *self,
                          SotStore          *store,
                          const char        *reason,
                          GError           **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_INVESTIGATION (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->id > 0, FALSE);

  if (!validate (self, store, error) || !normalise_times (self, error))
    return FALSE;

  stmt = sot_store_write_begin (store,
                                "UPDATE investigation SET crime_reference = ?2, offence_type = ?3, "
                                "offence_from = ?4, offence_until = ?5, reported_on = ?6, "
                                "recorded_on = ?7, officer = ?8, status = ?9, outcome_code = ?10, "
                                "outcome_date = ?11, updated_at = ?12 WHERE uuid = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (!check_unique (self, store, error) || !check_exists (self, store, error))
    {
      sot_store_write_abort (store);
      return FALSE;
    }

  now = sot_store_now (store);
  stamp = sot_store_format_time (now);

  bind_fields (self, stmt);
  sqlite3_bind_text (stmt, 12, stamp, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_ALTER,
    .entity_type = SOT_ENTITY_INVESTIGATION,
    .entity_uuid = self->uuid,
    .reason = reason,
  };
  return sot_store_write_end (store, stmt, &change, _("Cannot save the investigation"), error);
}

gboolean
sot_investigation_erase (SotInvestigation  *self,
                         SotStore          *store,
                         const char        *reason,
                         GError           **error)
{
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_INVESTIGATION (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->uuid != NULL, FALSE);

  /* People, identifiers and deadlines go with it through ON DELETE CASCADE. */
  stmt = sot_store_write_begin (store, "DELETE FROM investigation WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  if (!check_exists (self, store, error))
    {
      sot_store_write_abort (store);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, self->uuid, -1, SQLITE_TRANSIENT);

  /* The erasure row names the record by UUID only: it must not hold the erased data. */
  change = (SotChange) {
    .action = SOT_AUDIT_ERASE,
    .entity_type = SOT_ENTITY_INVESTIGATION,
    .entity_uuid = self->uuid,
    .reason = reason,
  };
  return sot_store_write_end (store, stmt, &change, _("Cannot delete the investigation"), error);
}

SotInvestigation *
sot_investigation_new_from_row (sqlite3_stmt *stmt,
                                SotReference *reference)
{
  SotInvestigation *self;

  g_return_val_if_fail (stmt != NULL, NULL);

  /* Filled directly: a new object has no listeners, so notifications would be wasted work
   * when 100 000 rows load. */
  self = g_object_new (SOT_TYPE_INVESTIGATION, NULL);
  g_clear_pointer (&self->status, g_free);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (sot_store_column_text (stmt, 1));
  self->crime_reference = g_strdup (sot_store_column_text (stmt, 2));
  self->offence_type = g_strdup (sot_store_column_text (stmt, 3));
  self->offence_from = g_strdup (sot_store_column_text (stmt, 4));
  self->offence_until = g_strdup (sot_store_column_text (stmt, 5));
  self->reported_on = g_strdup (sot_store_column_text (stmt, 6));
  self->recorded_on = g_strdup (sot_store_column_text (stmt, 7));
  self->officer = g_strdup (sot_store_column_text (stmt, 8));
  self->status = g_strdup (sot_store_column_text (stmt, 9));
  self->outcome_code = g_strdup (sot_store_column_text (stmt, 10));
  self->outcome_date = g_strdup (sot_store_column_text (stmt, 11));
  self->next_deadline = g_strdup (sot_store_column_text (stmt, 12));

  if (reference != NULL)
    self->offence_label = g_strdup (sot_reference_get_offence_label (reference, self->offence_type));

  self->search_text = build_search_text (self);

  return self;
}

char *
sot_investigation_uuid_for_id (SotStore  *store,
                               gint64     id,
                               GError   **error)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  stmt = sot_store_prepare (store, "SELECT uuid FROM investigation WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = sot_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (uuid == NULL)
    g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                 _("There is no investigation %lld"), (long long) id);

  return uuid;
}

SotInvestigation *
sot_investigation_load (SotStore    *store,
                        const char  *uuid,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  SotInvestigation *self = NULL;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = sot_store_prepare (store,
                            "SELECT " SOT_INVESTIGATION_COLUMNS " FROM investigation i "
                            "WHERE i.uuid = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self = sot_investigation_new_from_row (stmt, sot_store_get_reference (store));
  else if (rc == SQLITE_DONE)
    g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                 _("There is no investigation %s"), uuid);
  else
    sot_store_set_sqlite_error (store, error, _("Cannot read the investigation"));

  sqlite3_reset (stmt);

  return self;
}

gboolean
sot_investigation_consult (SotInvestigation  *self,
                           SotStore          *store,
                           GError           **error)
{
  g_return_val_if_fail (SOT_IS_INVESTIGATION (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  return sot_store_record_consult (store, SOT_ENTITY_INVESTIGATION, self->uuid, NULL, error);
}
