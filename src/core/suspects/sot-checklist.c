/* sot-checklist.c: the force's suspect-focused checklist and its proposals for each suspect
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-checklist"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-checklist.h"

#define BUILTIN_PATH RESOURCE_BASE "/reference/suspect-checklist.ini"
#define HEADER_GROUP "Checklist"

struct _SotChecklist
{
  GObject     parent_instance;

  char       *name;
  char       *version;
  char       *source;
  GArray     *items;     /* SotChecklistItem */
  GHashTable *by_key;    /* key → index + 1 */
};

G_DEFINE_FINAL_TYPE (SotChecklist, sot_checklist, G_TYPE_OBJECT)

struct _SotChecklistProposal
{
  GObject  parent_instance;

  gint64   id;
  gint64   investigation_id;
  gint64   suspect_id;
  gint64   line_of_enquiry_id;
  char    *uuid;
  char    *item_key;
  char    *category;
  char    *focus;
  char    *title;
  char    *description;
  char    *state;
  char    *reason;
};

G_DEFINE_FINAL_TYPE (SotChecklistProposal, sot_checklist_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_ITEM_KEY,
  PROP_CATEGORY,
  PROP_FOCUS,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STATE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *proposal_properties[N_PROPS];

G_DEFINE_QUARK (sot-checklist-error-quark, sot_checklist_error)

#define PROPOSAL_COLUMNS \
  "id, uuid, investigation_id, suspect_id, item_key, category, focus, title, description, " \
  "state, reason, line_of_enquiry_id"

/* Static helpers */

static void
item_clear (gpointer data)
{
  SotChecklistItem *item = data;

  g_free (item->key);
  g_free (item->category);
  g_free (item->focus);
  g_free (item->title);
  g_free (item->description);
}

static gboolean
in_list (const char * const *values,
         const char         *value)
{
  return value != NULL && g_strv_contains (values, value);
}

static void
set_malformed (GError     **error,
               const char  *origin,
               guint        line,
               const char  *reason)
{
  if (line > 0)
    g_set_error (error, SOT_CHECKLIST_ERROR, SOT_CHECKLIST_ERROR_MALFORMED,
                 _("%s, line %u: %s"), origin, line, reason);
  else
    g_set_error (error, SOT_CHECKLIST_ERROR, SOT_CHECKLIST_ERROR_MALFORMED,
                 "%s: %s", origin, reason);
}

/* GKeyFile says what is wrong but not where: a first pass over the lines finds the line of
 * each group and of the first line that is neither a group, a key nor a comment. */
static gboolean
scan_lines (const char  *data,
            gsize        length,
            const char  *origin,
            GHashTable  *group_lines,
            GError     **error)
{
  g_autofree char *copy = g_strndup (data, length);
  g_auto(GStrv) lines = NULL;
  gboolean in_group = FALSE;

  if (!g_utf8_validate (copy, -1, NULL))
    {
      set_malformed (error, origin, 0, _("the file is not UTF-8 text"));
      return FALSE;
    }

  lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      guint number = i + 1;

      if (*line == '\0' || *line == '#')
        continue;

      if (*line == '[')
        {
          gsize len = strlen (line);
          g_autofree char *name = NULL;

          if (len < 3 || line[len - 1] != ']')
            {
              set_malformed (error, origin, number, _("a group name must be written [name]"));
              return FALSE;
            }

          name = g_strndup (line + 1, len - 2);
          if (g_hash_table_contains (group_lines, name))
            {
              g_autofree char *reason = g_strdup_printf (_("the item “%s” is defined twice"), name);

              set_malformed (error, origin, number, reason);
              return FALSE;
            }

          g_hash_table_insert (group_lines, g_steal_pointer (&name), GUINT_TO_POINTER (number));
          in_group = TRUE;
          continue;
        }

      if (strchr (line, '=') == NULL || *line == '=')
        {
          set_malformed (error, origin, number,
                         _("expected a [group], a key=value line or a # comment"));
          return FALSE;
        }

      if (!in_group)
        {
          set_malformed (error, origin, number, _("a key comes before any [group]"));
          return FALSE;
        }
    }

  return TRUE;
}

static char *
get_string (GKeyFile   *key_file,
            const char *group,
            const char *key)
{
  g_autofree char *value = g_key_file_get_locale_string (key_file, group, key, NULL, NULL);

  if (value == NULL)
    return NULL;

  return g_strstrip (g_steal_pointer (&value));
}

static gboolean
extend (SotChecklist  *self,
        const char    *data,
        gsize          length,
        const char    *origin,
        gboolean       builtin,
        GError       **error)
{
  g_autoptr(GHashTable) group_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (SotChecklistItem));
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;

  g_array_set_clear_func (items, item_clear);

  if (!scan_lines (data, length, origin, group_lines, error))
    return FALSE;

  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      set_malformed (error, origin, 0, local_error->message);
      return FALSE;
    }

  if (builtin)
    {
      self->name = get_string (key_file, HEADER_GROUP, "name");
      self->version = get_string (key_file, HEADER_GROUP, "version");
      self->source = get_string (key_file, HEADER_GROUP, "source");

      if (self->name == NULL || self->version == NULL || self->source == NULL)
        {
          set_malformed (error, origin, 0, _("the [Checklist] group needs name, version and source"));
          return FALSE;
        }
    }

  groups = g_key_file_get_groups (key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      SotChecklistItem item = { 0 };
      guint line = GPOINTER_TO_UINT (g_hash_table_lookup (group_lines, groups[i]));
      const char *problem = NULL;
      g_autofree char *problem_text = NULL;

      if (g_str_equal (groups[i], HEADER_GROUP))
        continue;

      item.key = g_strdup (groups[i]);
      item.category = get_string (key_file, groups[i], "category");
      item.focus = get_string (key_file, groups[i], "focus");
      item.title = get_string (key_file, groups[i], "title");
      item.description = get_string (key_file, groups[i], "description");

      if (g_hash_table_contains (self->by_key, item.key))
        problem = problem_text = g_strdup_printf (_("the item “%s” is already in the checklist"),
                                                  item.key);
      else if (item.category == NULL)
        problem = _("the item has no category");
      else if (!in_list (sot_enquiry_categories (), item.category))
        problem = problem_text = g_strdup_printf (_("unknown category “%s”"), item.category);
      else if (item.focus == NULL)
        problem = _("the item has no focus");
      else if (!in_list (sot_enquiry_focuses (), item.focus))
        problem = problem_text = g_strdup_printf (_("unknown focus “%s” (suspect, victim or context)"),
                                                  item.focus);
      else if (sot_text_is_blank (item.title))
        problem = _("the item has no title");

      if (problem != NULL)
        {
          set_malformed (error, origin, line, problem);
          item_clear (&item);
          return FALSE;
        }

      g_array_append_val (items, item);
    }

  /* Everything checked: only now does the checklist change. */
  for (guint i = 0; i < items->len; i++)
    {
      SotChecklistItem *item = &g_array_index (items, SotChecklistItem, i);

      g_array_append_val (self->items, *item);
      g_hash_table_insert (self->by_key, g_strdup (item->key),
                           GUINT_TO_POINTER (self->items->len));
    }

  /* The items now belong to self->items: empty the temporary array without clearing them. */
  g_array_set_clear_func (items, NULL);

  return TRUE;
}

static void
sot_checklist_finalize (GObject *object)
{
  SotChecklist *self = (SotChecklist *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);

  G_OBJECT_CLASS (sot_checklist_parent_class)->finalize (object);
}

static void
sot_checklist_class_init (SotChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sot_checklist_finalize;
}

static void
sot_checklist_init (SotChecklist *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (SotChecklistItem));
  g_array_set_clear_func (self->items, item_clear);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Proposals */

static void
sot_checklist_proposal_finalize (GObject *object)
{
  SotChecklistProposal *self = (SotChecklistProposal *)object;

  g_free (self->uuid);
  g_free (self->item_key);
  g_free (self->category);
  g_free (self->focus);
  g_free (self->title);
  g_free (self->description);
  g_free (self->state);
  g_free (self->reason);

  G_OBJECT_CLASS (sot_checklist_proposal_parent_class)->finalize (object);
}

static void
sot_checklist_proposal_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SotChecklistProposal *self = SOT_CHECKLIST_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_ITEM_KEY:
      g_value_set_string (value, self->item_key);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_FOCUS:
      g_value_set_string (value, self->focus);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_checklist_proposal_class_init (SotChecklistProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_PROPS] = {
    NULL, "uuid", "item-key", "category", "focus", "title", "description", "state", "reason",
  };

  object_class->finalize = sot_checklist_proposal_finalize;
  object_class->get_property = sot_checklist_proposal_get_property;

  for (guint i = 1; i < N_PROPS; i++)
    proposal_properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                  G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, proposal_properties);
}

static void
sot_checklist_proposal_init (SotChecklistProposal *self)
{
}

static SotChecklistProposal *
proposal_from_row (sqlite3_stmt *stmt)
{
  SotChecklistProposal *self = g_object_new (SOT_TYPE_CHECKLIST_PROPOSAL, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (sot_store_column_text (stmt, 1));
  self->investigation_id = sqlite3_column_int64 (stmt, 2);
  self->suspect_id = sqlite3_column_int64 (stmt, 3);
  self->item_key = g_strdup (sot_store_column_text (stmt, 4));
  self->category = g_strdup (sot_store_column_text (stmt, 5));
  self->focus = g_strdup (sot_store_column_text (stmt, 6));
  self->title = g_strdup (sot_store_column_text (stmt, 7));
  self->description = g_strdup (sot_store_column_text (stmt, 8));
  self->state = g_strdup (sot_store_column_text (stmt, 9));
  self->reason = g_strdup (sot_store_column_text (stmt, 10));
  self->line_of_enquiry_id = sqlite3_column_int64 (stmt, 11);

  return self;
}

static void
set_state (SotChecklistProposal *self,
           const char           *state,
           const char           *reason,
           gint64                line_id)
{
  self->line_of_enquiry_id = line_id;

  if (g_strcmp0 (self->state, state) != 0)
    {
      g_free (self->state);
      self->state = g_strdup (state);
      g_object_notify_by_pspec (G_OBJECT (self), proposal_properties[PROP_STATE]);
    }

  if (g_strcmp0 (self->reason, reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), proposal_properties[PROP_REASON]);
    }
}

static char *
now_stamp (SotStore *store)
{
  g_autoptr(GDateTime) now = sot_store_now (store);

  return sot_store_format_time (now);
}

/* Reads the stored state, so that a proposal decided elsewhere is not decided twice. */
static gboolean
check_open (SotChecklistProposal  *self,
            SotStore              *store,
            GError               **error)
{
  sqlite3_stmt *stmt;
  gboolean open = FALSE;
  int rc;

  stmt = sot_store_prepare (store, "SELECT state FROM checklist_proposal WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, self->uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      open = g_strcmp0 (sot_store_column_text (stmt, 0), SOT_PROPOSAL_OPEN) == 0;
      if (!open)
        g_set_error (error, SOT_CHECKLIST_ERROR, SOT_CHECKLIST_ERROR_DECIDED,
                     _("The proposal “%s” was already decided"), self->title);
    }
  else if (rc == SQLITE_DONE)
    sot_set_not_found (error, _("The proposal is no longer in the workspace"));
  else
    sot_store_set_sqlite_error (store, error, _("Cannot read the proposal"));

  sqlite3_reset (stmt);
  return open;
}

#define STATE_SQL \
  "UPDATE checklist_proposal SET state = ?2, reason = ?3, line_of_enquiry_id = ?4, " \
  "decided_at = ?5 WHERE uuid = ?1"

/* Ends a decision begun with @stmt (STATE_SQL, from sot_store_write_begin()): the state, the
 * reason and the line accepted, audited as an alteration with @audit_reason. */
static gboolean
write_state (SotChecklistProposal  *self,
             SotStore              *store,
             sqlite3_stmt          *stmt,
             const char            *state,
             const char            *reason,
             gint64                 line_id,
             const char            *audit_reason,
             GError               **error)
{
  g_autofree char *stamp = now_stamp (store);
  SotChange change = {
    SOT_AUDIT_ALTER, SOT_ENTITY_CHECKLIST_PROPOSAL, self->uuid, audit_reason, NULL
  };

  sqlite3_bind_text (stmt, 1, self->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, state, -1, SQLITE_TRANSIENT);
  if (reason != NULL)
    sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  if (line_id > 0)
    sqlite3_bind_int64 (stmt, 4, line_id);
  if (!g_str_equal (state, SOT_PROPOSAL_OPEN))
    sqlite3_bind_text (stmt, 5, stamp, -1, SQLITE_TRANSIENT);

  return sot_store_write_end (store, stmt, &change, _("Cannot save the proposal"), error);
}

/* Reads the suspect's proposal of the item @item_key: %NULL, @error unset, when there is none. */
static SotChecklistProposal *
read_proposal (SotStore    *store,
               gint64       suspect_id,
               const char  *item_key,
               GError     **error)
{
  SotChecklistProposal *proposal = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sot_store_prepare (store,
                            "SELECT " PROPOSAL_COLUMNS " FROM checklist_proposal "
                            "WHERE suspect_id = ?1 AND item_key = ?2",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, suspect_id);
  sqlite3_bind_text (stmt, 2, item_key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    proposal = proposal_from_row (stmt);
  else if (rc != SQLITE_DONE)
    sot_store_set_sqlite_error (store, error, _("Cannot read the proposal"));

  sqlite3_reset (stmt);
  return proposal;
}

/* Writes the proposal of @item for the suspect and appends it to @proposals, unless he has
 * one already: proposing again adds only what is missing. */
static gboolean
propose_item (SotChecklist            *self,
              SotStore                *store,
              const SotChecklistItem  *item,
              gint64                   investigation_id,
              gint64                   suspect_id,
              const char              *stamp,
              GListStore              *proposals,
              GError                 **error)
{
  g_autoptr(SotChecklistProposal) proposal = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uuid = NULL;
  SotChange change = { SOT_AUDIT_COLLECT, SOT_ENTITY_CHECKLIST_PROPOSAL, NULL, NULL, NULL };
  sqlite3_stmt *stmt;

  proposal = read_proposal (store, suspect_id, item->key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (proposal != NULL)
    return TRUE;

  stmt = sot_store_write_begin (store,
                                "INSERT INTO checklist_proposal (uuid, investigation_id, "
                                "suspect_id, item_key, checklist_version, category, focus, "
                                "title, description, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (stmt == NULL)
    return FALSE;

  uuid = sot_store_make_uuid (store);
  change.entity_uuid = uuid;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_int64 (stmt, 3, suspect_id);
  sqlite3_bind_text (stmt, 4, item->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, self->version, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, item->category, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, item->focus, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, item->title, -1, SQLITE_TRANSIENT);
  if (item->description != NULL)
    sqlite3_bind_text (stmt, 9, item->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, stamp, -1, SQLITE_TRANSIENT);

  if (!sot_store_write_end (store, stmt, &change, _("Cannot save the proposal"), error))
    return FALSE;

  proposal = read_proposal (store, suspect_id, item->key, error);
  if (proposal == NULL)
    return FALSE;

  g_list_store_append (proposals, proposal);
  return TRUE;
}

/* Public functions: the checklist */

SotChecklist *
sot_checklist_new_builtin (GError **error)
{
  g_autoptr(SotChecklist) self = g_object_new (SOT_TYPE_CHECKLIST, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  bytes = g_resources_lookup_data (BUILTIN_PATH, 0, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  if (!extend (self, data, len, "suspect-checklist.ini", TRUE, error))
    return NULL;

  return g_steal_pointer (&self);
}

SotChecklist *
sot_checklist_new_default (GError **problem,
                           GError **error)
{
  g_autoptr(SotChecklist) self = sot_checklist_new_builtin (error);
  g_autofree char *path = NULL;

  if (self == NULL)
    return NULL;

  path = g_build_filename (g_get_user_config_dir (), "soteria-workbench",
                           "suspect-checklist.ini", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) local_error = NULL;

      if (!sot_checklist_extend_from_file (self, path, &local_error))
        {
          g_warning ("The force checklist was not used: %s", local_error->message);
          g_propagate_error (problem, g_steal_pointer (&local_error));
        }
    }

  return g_steal_pointer (&self);
}

gboolean
sot_checklist_extend_from_data (SotChecklist  *self,
                                const char    *data,
                                gssize         length,
                                const char    *origin,
                                GError       **error)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (length < 0)
    length = strlen (data);

  return extend (self, data, length, origin ? origin : "suspect-checklist.ini", FALSE, error);
}

gboolean
sot_checklist_extend_from_file (SotChecklist  *self,
                                const char    *path,
                                GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (SOT_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  return extend (self, contents, length, path, FALSE, error);
}

const char *
sot_checklist_get_name (SotChecklist *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST (self), NULL);
  return self->name;
}

const char *
sot_checklist_get_version (SotChecklist *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST (self), NULL);
  return self->version;
}

const char *
sot_checklist_get_source (SotChecklist *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST (self), NULL);
  return self->source;
}

guint
sot_checklist_get_n_items (SotChecklist *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST (self), 0);
  return self->items->len;
}

const SotChecklistItem *
sot_checklist_get_item (SotChecklist *self,
                        guint         index)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, SotChecklistItem, index);
}

const SotChecklistItem *
sot_checklist_lookup (SotChecklist *self,
                      const char   *key)
{
  guint index;

  g_return_val_if_fail (SOT_IS_CHECKLIST (self), NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_key, key));
  if (index == 0)
    return NULL;

  return &g_array_index (self->items, SotChecklistItem, index - 1);
}

GListModel *
sot_checklist_propose (SotChecklist  *self,
                       SotStore      *store,
                       gint64         suspect_id,
                       GError       **error)
{
  g_autoptr(GListStore) proposals = g_list_store_new (SOT_TYPE_CHECKLIST_PROPOSAL);
  g_autofree char *stamp = NULL;
  sqlite3_stmt *stmt;
  gint64 investigation_id = 0;
  int rc;

  g_return_val_if_fail (SOT_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  stmt = sot_store_prepare (store, "SELECT investigation_id FROM suspect WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, suspect_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    investigation_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (investigation_id == 0)
    {
      sot_set_not_found (error, _("The suspect is no longer in the workspace"));
      return NULL;
    }

  stamp = now_stamp (store);

  /* A batch of whole writes, each with its own audit row: every proposal or none. */
  if (!sot_store_begin (store, error))
    return NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      const SotChecklistItem *item = &g_array_index (self->items, SotChecklistItem, i);

      if (!propose_item (self, store, item, investigation_id, suspect_id, stamp, proposals,
                         error))
        {
          sot_store_rollback (store);
          return NULL;
        }
    }

  if (!sot_store_commit (store, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&proposals));
}

GListModel *
sot_checklist_proposal_list (SotStore  *store,
                             gint64     investigation_id,
                             gboolean   open_only,
                             GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SOT_TYPE_CHECKLIST_PROPOSAL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  stmt = sot_store_prepare (store,
                            "SELECT " PROPOSAL_COLUMNS " FROM checklist_proposal "
                            "WHERE investigation_id = ?1 AND (?2 = 0 OR state = 'open') "
                            "ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, investigation_id);
  sqlite3_bind_int (stmt, 2, open_only ? 1 : 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SotChecklistProposal) proposal = proposal_from_row (stmt);

      g_list_store_append (list, proposal);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot read the checklist proposals"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Public functions: proposals */

const char *
sot_checklist_proposal_get_uuid (SotChecklistProposal *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), NULL);
  return self->uuid;
}

gint64
sot_checklist_proposal_get_suspect_id (SotChecklistProposal *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), 0);
  return self->suspect_id;
}

const char *
sot_checklist_proposal_get_item_key (SotChecklistProposal *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), NULL);
  return self->item_key;
}

const char *
sot_checklist_proposal_get_category (SotChecklistProposal *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), NULL);
  return self->category;
}

const char *
sot_checklist_proposal_get_focus (SotChecklistProposal *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), NULL);
  return self->focus;
}

const char *
sot_checklist_proposal_get_title (SotChecklistProposal *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), NULL);
  return self->title;
}

const char *
sot_checklist_proposal_get_description (SotChecklistProposal *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), NULL);
  return self->description;
}

const char *
sot_checklist_proposal_get_state (SotChecklistProposal *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), NULL);
  return self->state;
}

const char *
sot_checklist_proposal_get_reason (SotChecklistProposal *self)
{
  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), NULL);
  return self->reason;
}

SotLineOfEnquiry *
sot_checklist_proposal_accept (SotChecklistProposal  *self,
                               SotStore              *store,
                               const char            *owner,
                               const char            *due_on,
                               GError               **error)
{
  g_autoptr(SotLineOfEnquiry) line = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  line = sot_line_of_enquiry_new ();
  sot_line_of_enquiry_set_investigation_id (line, self->investigation_id);
  sot_line_of_enquiry_set_suspect_id (line, self->suspect_id);
  sot_line_of_enquiry_set_category (line, self->category);
  sot_line_of_enquiry_set_focus (line, self->focus);
  sot_line_of_enquiry_set_title (line, self->title);
  sot_line_of_enquiry_set_owner (line, owner);
  sot_line_of_enquiry_set_due_on (line, due_on);
  sot_line_of_enquiry_set_checklist_item (line, self->item_key);
  sot_line_of_enquiry_set_initial_status (line, SOT_ENQUIRY_PLANNED, NULL);

  stmt = sot_store_write_begin (store, STATE_SQL, error);
  if (stmt == NULL)
    return NULL;

  if (!check_open (self, store, error) || !sot_line_of_enquiry_insert (line, store, error))
    {
      sot_store_write_abort (store);
      return NULL;
    }

  if (!write_state (self, store, stmt, SOT_PROPOSAL_ACCEPTED, NULL,
                    sot_line_of_enquiry_get_id (line), "accepted", error))
    return NULL;

  set_state (self, SOT_PROPOSAL_ACCEPTED, NULL, sot_line_of_enquiry_get_id (line));
  return g_steal_pointer (&line);
}

gboolean
sot_checklist_proposal_dismiss (SotChecklistProposal  *self,
                                SotStore              *store,
                                const char            *reason,
                                GError               **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (sot_text_is_blank (reason))
    {
      g_set_error (error, SOT_CHECKLIST_ERROR, SOT_CHECKLIST_ERROR_REASON_REQUIRED,
                   _("Write why “%s” is dismissed"), self->title);
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (reason));

  stmt = sot_store_write_begin (store, STATE_SQL, error);
  if (stmt == NULL)
    return FALSE;

  if (!check_open (self, store, error))
    {
      sot_store_write_abort (store);
      return FALSE;
    }

  if (!write_state (self, store, stmt, SOT_PROPOSAL_DISMISSED, trimmed, 0, "dismissed", error))
    return FALSE;

  set_state (self, SOT_PROPOSAL_DISMISSED, trimmed, 0);
  return TRUE;
}

/* Inside the write of a reopening: erases the line of enquiry the proposal was accepted as,
 * if it is still there. */
static gboolean
erase_accepted_line (SotChecklistProposal  *self,
                     SotStore              *store,
                     GError               **error)
{
  g_autoptr(SotLineOfEnquiry) line = NULL;
  g_autofree char *line_uuid = NULL;
  sqlite3_stmt *stmt;

  if (self->line_of_enquiry_id <= 0)
    return TRUE;

  stmt = sot_store_prepare (store, "SELECT uuid FROM line_of_enquiry WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->line_of_enquiry_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    line_uuid = g_strdup (sot_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (line_uuid == NULL)
    return TRUE;

  line = sot_line_of_enquiry_load (store, line_uuid, error);
  return line != NULL && sot_line_of_enquiry_erase (line, store, "undo", error);
}

gboolean
sot_checklist_proposal_reopen (SotChecklistProposal  *self,
                               SotStore              *store,
                               GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (self), FALSE);
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  stmt = sot_store_write_begin (store, STATE_SQL, error);
  if (stmt == NULL)
    return FALSE;

  if (!erase_accepted_line (self, store, error))
    {
      sot_store_write_abort (store);
      return FALSE;
    }

  if (!write_state (self, store, stmt, SOT_PROPOSAL_OPEN, NULL, 0, "undo", error))
    return FALSE;

  set_state (self, SOT_PROPOSAL_OPEN, NULL, 0);
  return TRUE;
}
