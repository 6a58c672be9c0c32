/* sot-line-of-enquiry.c: the offender-centric evidence list
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-line-of-enquiry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-line-of-enquiry.h"
#include "sot-time.h"

struct _SotLineOfEnquiry
{
  GObject  parent_instance;

  gint64   id;
  gint64   investigation_id;
  gint64   suspect_id;
  char    *uuid;
  char    *category;
  char    *focus;
  char    *title;
  char    *owner;
  char    *due_on;
  char    *status;
  char    *rationale;
  char    *notes;
  char    *cps_advice_point;
  char    *checklist_item;
};

G_DEFINE_FINAL_TYPE (SotLineOfEnquiry, sot_line_of_enquiry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INVESTIGATION_ID,
  PROP_SUSPECT_ID,
  PROP_UUID,
  PROP_CATEGORY,
  PROP_FOCUS,
  PROP_TITLE,
  PROP_OWNER,
  PROP_DUE_ON,
  PROP_STATUS,
  PROP_RATIONALE,
  PROP_NOTES,
  PROP_CPS_ADVICE_POINT,
  PROP_CHECKLIST_ITEM,
  PROP_CATEGORY_LABEL,
  PROP_FOCUS_LABEL,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (sot-enquiry-error-quark, sot_enquiry_error)

typedef struct {
  const char *value;
  const char *label;
} Code;

static const Code statuses[] = {
  { SOT_ENQUIRY_PROPOSED, N_("Proposed") },
  { SOT_ENQUIRY_PLANNED, N_("Planned") },
  { SOT_ENQUIRY_REQUESTED, N_("Requested") },
  { SOT_ENQUIRY_OBTAINED, N_("Obtained") },
  { SOT_ENQUIRY_REVIEWED, N_("Reviewed") },
  { SOT_ENQUIRY_NOT_PURSUED, N_("Not pursued") },
};

static const Code categories[] = {
  { "behaviour-before", N_("Behaviour before") },
  { "behaviour-during", N_("Behaviour during") },
  { "behaviour-after", N_("Behaviour after") },
  { "previous-allegations", N_("Previous allegations") },
  { "intelligence-local", N_("Local systems") },
  { "intelligence-pnc", N_("PNC") },
  { "intelligence-pnd", N_("PND") },
  { "intelligence-scas", N_("SCAS") },
  { "intelligence-other-forces", N_("Other forces") },
  { "digital-footprint", N_("Digital footprint") },
  { "third-party", N_("CCTV and third parties") },
  { "witnesses", N_("Witnesses") },
  { "forensic", N_("Forensic") },
  { "bad-character", N_("Bad character") },
  { "disruption", N_("Disruption") },
  { "other", N_("Other") },
};

static const Code focuses[] = {
  { SOT_FOCUS_SUSPECT, N_("Suspect") },
  { SOT_FOCUS_VICTIM, N_("Victim") },
  { SOT_FOCUS_CONTEXT, N_("Context") },
};

#define LINE_COLUMNS \
  "id, uuid, investigation_id, suspect_id, category, focus, title, owner, due_on, status, " \
  "rationale, notes, cps_advice_point, checklist_item"

/* Static helpers */

static int
code_index (const Code *codes,
            guint       n,
            const char *value)
{
  if (value == NULL)
    return -1;

  for (guint i = 0; i < n; i++)
    if (g_str_equal (codes[i].value, value))
      return i;

  return -1;
}

static const char *
code_label (const Code *codes,
            guint       n,
            const char *value)
{
  int i = code_index (codes, n, value);

  return i < 0 ? (value ? value : "") : g_dgettext (GETTEXT_PACKAGE, codes[i].label);
}

static const char * const *
code_values (const Code *codes,
             guint       n,
             const char **cache)
{
  if (cache[0] == NULL)
    for (guint i = 0; i < n; i++)
      cache[i] = codes[i].value;

  return cache;
}

static char **
field_for_prop (SotLineOfEnquiry *self,
                guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_UUID: return &self->uuid;
    case PROP_CATEGORY: return &self->category;
    case PROP_FOCUS: return &self->focus;
    case PROP_TITLE: return &self->title;
    case PROP_OWNER: return &self->owner;
    case PROP_DUE_ON: return &self->due_on;
    case PROP_STATUS: return &self->status;
    case PROP_RATIONALE: return &self->rationale;
    case PROP_NOTES: return &self->notes;
    case PROP_CPS_ADVICE_POINT: return &self->cps_advice_point;
    case PROP_CHECKLIST_ITEM: return &self->checklist_item;
    default: return NULL;
    }
}

/* Empty text is stored as NULL so that "not given" has one representation. */
static void
set_field (SotLineOfEnquiry *self,
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

  if (prop_id == PROP_CATEGORY)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_LABEL]);
  else if (prop_id == PROP_FOCUS)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_LABEL]);
  else if (prop_id == PROP_STATUS)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

static void
set_int64 (SotLineOfEnquiry *self,
           gint64           *field,
           guint             prop_id,
           gint64            value)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           col,
         gint64        value)
{
  if (value <= 0)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_int64 (stmt, col, value);
}

static gpointer
new_from_row (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  SotLineOfEnquiry *self = g_object_new (SOT_TYPE_LINE_OF_ENQUIRY, NULL);

  /* Filled directly: nobody listens to a line that is being built. */
  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (sot_store_column_text (stmt, 1));
  self->investigation_id = sqlite3_column_int64 (stmt, 2);
  self->suspect_id = sqlite3_column_int64 (stmt, 3);
  g_free (self->category);
  self->category = g_strdup (sot_store_column_text (stmt, 4));
  g_free (self->focus);
  self->focus = g_strdup (sot_store_column_text (stmt, 5));
  self->title = g_strdup (sot_store_column_text (stmt, 6));
  self->owner = g_strdup (sot_store_column_text (stmt, 7));
  self->due_on = g_strdup (sot_store_column_text (stmt, 8));
  g_free (self->status);
  self->status = g_strdup (sot_store_column_text (stmt, 9));
  self->rationale = g_strdup (sot_store_column_text (stmt, 10));
  self->notes = g_strdup (sot_store_column_text (stmt, 11));
  self->cps_advice_point = g_strdup (sot_store_column_text (stmt, 12));
  self->checklist_item = g_strdup (sot_store_column_text (stmt, 13));

  return self;
}

static gboolean
validate (SotLineOfEnquiry  *self,
          GError           **error)
{
  GDate date;

  if (self->investigation_id <= 0)
    return sot_set_invalid (error, _("A line of enquiry belongs to an investigation"));

  if (sot_text_is_blank (self->title))
    return sot_set_invalid (error, _("A line of enquiry needs a title"));

  if (code_index (categories, G_N_ELEMENTS (categories), self->category) < 0)
    return sot_set_invalid (error, _("Unknown category “%s”"),
                            self->category ? self->category : "");

  if (code_index (focuses, G_N_ELEMENTS (focuses), self->focus) < 0)
    return sot_set_invalid (error, _("Unknown focus “%s”"), self->focus ? self->focus : "");

  if (code_index (statuses, G_N_ELEMENTS (statuses), self->status) < 0)
    return sot_set_invalid (error, _("Unknown status “%s”"), self->status ? self->status : "");

  if (g_strcmp0 (self->status, SOT_ENQUIRY_NOT_PURSUED) == 0 && sot_text_is_blank (self->rationale))
    {
      g_set_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_RATIONALE_REQUIRED,
                   _("A line of enquiry not pursued needs a written rationale"));
      return FALSE;
    }

  if (self->due_on != NULL && !sot_date_parse (self->due_on, &date, NULL))
    return sot_set_invalid (error, _("The due date “%s” is not a date (YYYY-MM-DD)"),
                            self->due_on);

  return TRUE;
}

static char *
now_stamp (SotStore *store)
{
  g_autoptr(GDateTime) now = sot_store_now (store);

  return sot_store_format_time (now);
}

/* Inside a write: refuses, abandoning it, when the line was erased meanwhile. */
static gboolean
require_line (SotStore    *store,
              const char  *uuid,
              GError     **error)
{
  return sot_store_write_require (store, "SELECT 1 FROM line_of_enquiry WHERE uuid = ?1", uuid,
                                  _("The line of enquiry is no longer in the workspace"), error);
}

/* Writes the status and rationale of @self as given, audited as an alteration with @reason. */
static gboolean
write_status (SotLineOfEnquiry  *self,
              SotStore          *store,
              const char        *status,
              const char        *rationale,
              const char        *reason,
              GError           **error)
{
  g_autofree char *stamp = now_stamp (store);
  g_autofree char *old_status = NULL;
  g_autofree char *old_rationale = NULL;
  SotChange change = { SOT_AUDIT_ALTER, SOT_ENTITY_LINE_OF_ENQUIRY, self->uuid, reason, NULL };
  sqlite3_stmt *stmt;

  stmt = sot_store_write_begin (store,
                                "UPDATE line_of_enquiry SET status = ?2, rationale = ?3, "
                                "updated_at = ?4 WHERE uuid = ?1",
                                error);
  if (stmt == NULL || !require_line (store, self->uuid, error))
    return FALSE;

  sot_store_bind_text (stmt, 1, self->uuid);
  sot_store_bind_text (stmt, 2, status);
  sot_store_bind_text (stmt, 3, rationale);
  sot_store_bind_text (stmt, 4, stamp);

  /* The object changes before the commit so that listeners of the store's ::changed (emitted
   * by the commit) find it current; a failed write puts the old values back, so bound rows
   * never keep a status that did not reach the disk. */
  old_status = g_strdup (self->status);
  old_rationale = g_strdup (self->rationale);
  set_field (self, PROP_STATUS, status);
  set_field (self, PROP_RATIONALE, rationale);

  if (!sot_store_write_end (store, stmt, &change,
                            _("Cannot change the status of the line of enquiry"), error))
    {
      set_field (self, PROP_STATUS, old_status);
      set_field (self, PROP_RATIONALE, old_rationale);
      return FALSE;
    }

  return TRUE;
}

/* GObject */

static void
sot_line_of_enquiry_finalize (GObject *object)
{
  SotLineOfEnquiry *self = (SotLineOfEnquiry *)object;

  for (guint prop = PROP_UUID; prop <= PROP_CHECKLIST_ITEM; prop++)
    g_clear_pointer (field_for_prop (self, prop), g_free);

  G_OBJECT_CLASS (sot_line_of_enquiry_parent_class)->finalize (object);
}

static void
sot_line_of_enquiry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SotLineOfEnquiry *self = SOT_LINE_OF_ENQUIRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_INVESTIGATION_ID:
      g_value_set_int64 (value, self->investigation_id);
      break;

    case PROP_SUSPECT_ID:
      g_value_set_int64 (value, self->suspect_id);
      break;

    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, sot_enquiry_category_label (self->category));
      break;

    case PROP_FOCUS_LABEL:
      g_value_set_string (value, sot_enquiry_focus_label (self->focus));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, sot_enquiry_status_label (self->status));
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
sot_line_of_enquiry_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SotLineOfEnquiry *self = SOT_LINE_OF_ENQUIRY (object);

  switch (prop_id)
    {
    case PROP_INVESTIGATION_ID:
      set_int64 (self, &self->investigation_id, prop_id, g_value_get_int64 (value));
      break;

    case PROP_SUSPECT_ID:
      set_int64 (self, &self->suspect_id, prop_id, g_value_get_int64 (value));
      break;

    case PROP_CATEGORY:
    case PROP_FOCUS:
    case PROP_TITLE:
    case PROP_OWNER:
    case PROP_DUE_ON:
    case PROP_NOTES:
    case PROP_CPS_ADVICE_POINT:
    case PROP_CHECKLIST_ITEM:
      set_field (self, prop_id, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char  *name,
                 GParamFlags  access)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              access | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
sot_line_of_enquiry_class_init (SotLineOfEnquiryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE;
  GParamFlags ro = G_PARAM_READABLE;

  object_class->finalize = sot_line_of_enquiry_finalize;
  object_class->get_property = sot_line_of_enquiry_get_property;
  object_class->set_property = sot_line_of_enquiry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INVESTIGATION_ID] =
    g_param_spec_int64 ("investigation-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUSPECT_ID] =
    g_param_spec_int64 ("suspect-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UUID] = string_property ("uuid", ro);
  properties[PROP_CATEGORY] = string_property ("category", rw);
  properties[PROP_FOCUS] = string_property ("focus", rw);
  properties[PROP_TITLE] = string_property ("title", rw);
  properties[PROP_OWNER] = string_property ("owner", rw);
  properties[PROP_DUE_ON] = string_property ("due-on", rw);
  /* The status changes only through the audited workflow functions. */
  properties[PROP_STATUS] = string_property ("status", ro);
  properties[PROP_RATIONALE] = string_property ("rationale", ro);
  properties[PROP_NOTES] = string_property ("notes", rw);
  properties[PROP_CPS_ADVICE_POINT] = string_property ("cps-advice-point", rw);
  properties[PROP_CHECKLIST_ITEM] = string_property ("checklist-item", rw);
  properties[PROP_CATEGORY_LABEL] = string_property ("category-label", ro);
  properties[PROP_FOCUS_LABEL] = string_property ("focus-label", ro);
  properties[PROP_STATUS_LABEL] = string_property ("status-label", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sot_line_of_enquiry_init (SotLineOfEnquiry *self)
{
  self->status = g_strdup (SOT_ENQUIRY_PROPOSED);
  self->focus = g_strdup (SOT_FOCUS_SUSPECT);
  self->category = g_strdup ("other");
}

/* Codes and rules */

const char * const *
sot_enquiry_statuses (void)
{
  static const char *values[G_N_ELEMENTS (statuses) + 1];

  return code_values (statuses, G_N_ELEMENTS (statuses), values);
}

const char * const *
sot_enquiry_categories (void)
{
  static const char *values[G_N_ELEMENTS (categories) + 1];

  return code_values (categories, G_N_ELEMENTS (categories), values);
}

const char * const *
sot_enquiry_focuses (void)
{
  static const char *values[G_N_ELEMENTS (focuses) + 1];

  return code_values (focuses, G_N_ELEMENTS (focuses), values);
}

const char *
sot_enquiry_status_label (const char *status)
{
  return code_label (statuses, G_N_ELEMENTS (statuses), status);
}

const char *
sot_enquiry_category_label (const char *category)
{
  return code_label (categories, G_N_ELEMENTS (categories), category);
}

const char *
sot_enquiry_focus_label (const char *focus)
{
  return code_label (focuses, G_N_ELEMENTS (focuses), focus);
}

gboolean
sot_enquiry_status_is_final (const char *status)
{
  return g_strcmp0 (status, SOT_ENQUIRY_REVIEWED) == 0 ||
         g_strcmp0 (status, SOT_ENQUIRY_NOT_PURSUED) == 0;
}

gboolean
sot_enquiry_check_transition (const char  *from,
                              const char  *to,
                              GError     **error)
{
  int i_from = code_index (statuses, G_N_ELEMENTS (statuses), from);
  int i_to = code_index (statuses, G_N_ELEMENTS (statuses), to);

  if (i_from < 0 || i_to < 0)
    return sot_set_invalid (error, _("Unknown status “%s”"),
                            i_from < 0 ? (from ? from : "") : (to ? to : ""));

  if (sot_enquiry_status_is_final (from))
    {
      g_set_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION,
                   _("A line of enquiry that is “%s” is closed; it cannot become “%s”"),
                   sot_enquiry_status_label (from), sot_enquiry_status_label (to));
      return FALSE;
    }

  if (i_from == i_to)
    {
      g_set_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION,
                   _("The line of enquiry is already “%s”"), sot_enquiry_status_label (to));
      return FALSE;
    }

  /* The workflow statuses are listed in order, not pursued last: any later one is allowed. */
  if (i_to < i_from)
    {
      g_set_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION,
                   _("A line of enquiry cannot go back from “%s” to “%s”"),
                   sot_enquiry_status_label (from), sot_enquiry_status_label (to));
      return FALSE;
    }

  return TRUE;
}

/* Public functions */

SotLineOfEnquiry *
sot_line_of_enquiry_new (void)
{
  return g_object_new (SOT_TYPE_LINE_OF_ENQUIRY, NULL);
}

gint64
sot_line_of_enquiry_get_id (SotLineOfEnquiry *self)
{
  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), 0);
  return self->id;
}

const char *
sot_line_of_enquiry_get_uuid (SotLineOfEnquiry *self)
{
  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), NULL);
  return self->uuid;
}

gint64
sot_line_of_enquiry_get_investigation_id (SotLineOfEnquiry *self)
{
  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), 0);
  return self->investigation_id;
}

gint64
sot_line_of_enquiry_get_suspect_id (SotLineOfEnquiry *self)
{
  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), 0);
  return self->suspect_id;
}

#define STRING_GETTER(name) \
  const char * \
  sot_line_of_enquiry_get_##name (SotLineOfEnquiry *self) \
  { \
    g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), NULL); \
    return self->name; \
  }

STRING_GETTER (category)
STRING_GETTER (focus)
STRING_GETTER (title)
STRING_GETTER (owner)
STRING_GETTER (due_on)
STRING_GETTER (status)
STRING_GETTER (rationale)
STRING_GETTER (notes)
STRING_GETTER (cps_advice_point)
STRING_GETTER (checklist_item)

#define STRING_SETTER(name, prop) \
  void \
  sot_line_of_enquiry_set_##name (SotLineOfEnquiry *self, \
                                  const char       *value) \
  { \
    g_return_if_fail (SOT_IS_LINE_OF_ENQUIRY (self)); \
    set_field (self, prop, value); \
  }

STRING_SETTER (category, PROP_CATEGORY)
STRING_SETTER (focus, PROP_FOCUS)
STRING_SETTER (title, PROP_TITLE)
STRING_SETTER (owner, PROP_OWNER)
STRING_SETTER (due_on, PROP_DUE_ON)
STRING_SETTER (notes, PROP_NOTES)
STRING_SETTER (cps_advice_point, PROP_CPS_ADVICE_POINT)
STRING_SETTER (checklist_item, PROP_CHECKLIST_ITEM)

void
sot_line_of_enquiry_set_investigation_id (SotLineOfEnquiry *self,
                                          gint64            investigation_id)
{
  g_return_if_fail (SOT_IS_LINE_OF_ENQUIRY (self));
  set_int64 (self, &self->investigation_id, PROP_INVESTIGATION_ID, investigation_id);
}

void
sot_line_of_enquiry_set_suspect_id (SotLineOfEnquiry *self,
                                    gint64            suspect_id)
{
  g_return_if_fail (SOT_IS_LINE_OF_ENQUIRY (self));
  set_int64 (self, &self->suspect_id, PROP_SUSPECT_ID, MAX (suspect_id, 0));
}

void
sot_line_of_enquiry_set_initial_status (SotLineOfEnquiry *self,
                                        const char       *status,
                                        const char       *rationale)
{
  g_return_if_fail (SOT_IS_LINE_OF_ENQUIRY (self));
  g_return_if_fail (self->id == 0);

  set_field (self, PROP_STATUS, status);
  set_field (self, PROP_RATIONALE, rationale);
}

gboolean
sot_line_of_enquiry_is_overdue (SotLineOfEnquiry *self,
                                const GDate      *today)
{
  GDate due;

  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (self->due_on == NULL || sot_enquiry_status_is_final (self->status))
    return FALSE;

  if (!sot_date_parse (self->due_on, &due, NULL))
    return FALSE;

  return g_date_compare (&due, today) < 0;
}

gboolean
sot_line_of_enquiry_insert (SotLineOfEnquiry  *self,
                            SotStore          *store,
                            GError           **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *stamp = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  gint64 id;

  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->id == 0, FALSE);

  if (!validate (self, error))
    return FALSE;

  uuid = self->uuid ? g_strdup (self->uuid) : sot_store_make_uuid (store);
  stamp = now_stamp (store);
  change = (SotChange) { SOT_AUDIT_COLLECT, SOT_ENTITY_LINE_OF_ENQUIRY, uuid, NULL, NULL };

  stmt = sot_store_write_begin (store,
                                "INSERT INTO line_of_enquiry (uuid, investigation_id, "
                                "suspect_id, category, focus, title, owner, due_on, status, "
                                "rationale, notes, cps_advice_point, checklist_item, created_at, "
                                "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                "?11, ?12, ?13, ?14, ?14)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sot_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, self->investigation_id);
  bind_id (stmt, 3, self->suspect_id);
  sot_store_bind_text (stmt, 4, self->category);
  sot_store_bind_text (stmt, 5, self->focus);
  sot_store_bind_text (stmt, 6, self->title);
  sot_store_bind_text (stmt, 7, self->owner);
  sot_store_bind_text (stmt, 8, self->due_on);
  sot_store_bind_text (stmt, 9, self->status);
  sot_store_bind_text (stmt, 10, self->rationale);
  sot_store_bind_text (stmt, 11, self->notes);
  sot_store_bind_text (stmt, 12, self->cps_advice_point);
  sot_store_bind_text (stmt, 13, self->checklist_item);
  sot_store_bind_text (stmt, 14, stamp);

  if (!sot_store_write_end (store, stmt, &change, _("Cannot save the line of enquiry"), error))
    return FALSE;

  /* Read back by its UUID: the audit row was the connection's last insert. Inside an outer
   * write (a proposal accepted) the line is still uncommitted but visible here. */
  id = sot_store_lookup_id (store, "SELECT id FROM line_of_enquiry WHERE uuid = ?1", uuid, error);
  if (id <= 0)
    return id == 0 ? sot_set_not_found (error, _("The line of enquiry is no longer in the "
                                                 "workspace"))
                   : FALSE;

  self->id = id;
  set_field (self, PROP_UUID, uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;
}

gboolean
sot_line_of_enquiry_update (SotLineOfEnquiry  *self,
                            SotStore          *store,
                            const char        *reason,
                            GError           **error)
{
  SotChange change = { SOT_AUDIT_ALTER, SOT_ENTITY_LINE_OF_ENQUIRY, NULL, reason, NULL };
  g_autofree char *stamp = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->uuid != NULL, FALSE);

  if (!validate (self, error))
    return FALSE;

  stamp = now_stamp (store);
  change.entity_uuid = self->uuid;

  stmt = sot_store_write_begin (store,
                                "UPDATE line_of_enquiry SET suspect_id = ?2, category = ?3, "
                                "focus = ?4, title = ?5, owner = ?6, due_on = ?7, notes = ?8, "
                                "cps_advice_point = ?9, updated_at = ?10 WHERE uuid = ?1",
                                error);
  if (stmt == NULL || !require_line (store, self->uuid, error))
    return FALSE;

  sot_store_bind_text (stmt, 1, self->uuid);
  bind_id (stmt, 2, self->suspect_id);
  sot_store_bind_text (stmt, 3, self->category);
  sot_store_bind_text (stmt, 4, self->focus);
  sot_store_bind_text (stmt, 5, self->title);
  sot_store_bind_text (stmt, 6, self->owner);
  sot_store_bind_text (stmt, 7, self->due_on);
  sot_store_bind_text (stmt, 8, self->notes);
  sot_store_bind_text (stmt, 9, self->cps_advice_point);
  sot_store_bind_text (stmt, 10, stamp);

  return sot_store_write_end (store, stmt, &change, _("Cannot save the line of enquiry"), error);
}

gboolean
sot_line_of_enquiry_set_status (SotLineOfEnquiry  *self,
                                SotStore          *store,
                                const char        *status,
                                const char        *rationale,
                                GError           **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->uuid != NULL, FALSE);

  if (!sot_enquiry_check_transition (self->status, status, error))
    return FALSE;

  if (g_str_equal (status, SOT_ENQUIRY_NOT_PURSUED))
    {
      if (sot_text_is_blank (rationale))
        {
          g_set_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_RATIONALE_REQUIRED,
                       _("Write why the line of enquiry is not pursued"));
          return FALSE;
        }
      trimmed = g_strstrip (g_strdup (rationale));
    }

  reason = g_strdup_printf ("status: %s → %s", self->status, status);

  return write_status (self, store, status, trimmed, reason, error);
}

gboolean
sot_line_of_enquiry_restore_status (SotLineOfEnquiry  *self,
                                    SotStore          *store,
                                    const char        *status,
                                    const char        *rationale,
                                    GError           **error)
{
  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->uuid != NULL, FALSE);

  if (code_index (statuses, G_N_ELEMENTS (statuses), status) < 0)
    return sot_set_invalid (error, _("Unknown status “%s”"), status ? status : "");

  /* The table's own check would refuse it too; say so in words first. */
  if (g_str_equal (status, SOT_ENQUIRY_NOT_PURSUED) && sot_text_is_blank (rationale))
    {
      g_set_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_RATIONALE_REQUIRED,
                   _("A line of enquiry not pursued needs a written rationale"));
      return FALSE;
    }

  if (!g_str_equal (status, SOT_ENQUIRY_NOT_PURSUED))
    rationale = NULL;

  return write_status (self, store, status, rationale, "undo", error);
}

gboolean
sot_line_of_enquiry_erase (SotLineOfEnquiry  *self,
                           SotStore          *store,
                           const char        *reason,
                           GError           **error)
{
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->uuid != NULL, FALSE);

  change = (SotChange) { SOT_AUDIT_ERASE, SOT_ENTITY_LINE_OF_ENQUIRY, self->uuid, reason, NULL };
  stmt = sot_store_write_begin (store, "DELETE FROM line_of_enquiry WHERE uuid = ?1", error);
  if (stmt == NULL || !require_line (store, self->uuid, error))
    return FALSE;

  sot_store_bind_text (stmt, 1, self->uuid);

  return sot_store_write_end (store, stmt, &change, _("Cannot erase the line of enquiry"), error);
}

SotLineOfEnquiry *
sot_line_of_enquiry_load (SotStore    *store,
                          const char  *uuid,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  SotLineOfEnquiry *self = NULL;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = sot_store_prepare (store,
                            "SELECT " LINE_COLUMNS " FROM line_of_enquiry WHERE uuid = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sot_store_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    self = new_from_row (stmt, NULL);
  else if (rc == SQLITE_DONE)
    sot_set_not_found (error, _("The line of enquiry is no longer in the workspace"));
  else
    sot_store_set_sqlite_error (store, error, _("Cannot read the line of enquiry"));

  sqlite3_reset (stmt);
  return self;
}

GListModel *
sot_line_of_enquiry_list (SotStore  *store,
                          gint64     investigation_id,
                          GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT " LINE_COLUMNS " FROM line_of_enquiry "
                               "WHERE investigation_id = ?1 ORDER BY id",
                               investigation_id, SOT_TYPE_LINE_OF_ENQUIRY, new_from_row, NULL,
                               _("Cannot read the lines of enquiry"), error);
}

gint64
sot_line_of_enquiry_count (SotStore  *store,
                           GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), -1);

  return sot_store_count (store, "line_of_enquiry", error);
}
