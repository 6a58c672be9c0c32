/* sot-forensic-catalogue.c: the versioned catalogue of forensic sample types and their windows
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-forensic-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sot-forensic-catalogue.h"

#define CATALOGUE_GROUP "Catalogue"
#define MAX_HOURS 100000

struct _SotForensicSample
{
  GObject   parent_instance;

  char     *id;
  char     *label;
  int       order;
  int       complainant_hours;
  int       suspect_hours;      /* SOT_FORENSIC_NO_FIGURE: the complainant's applies */
  char     *guidance;
  char     *source;
  char     *source_date;
  gboolean  confirmed;
};

struct _SotForensicCatalogue
{
  GObject             parent_instance;

  char               *name;
  char               *version;
  char               *source;
  char               *source_date;
  char               *override_path;
  SotCatalogueOrigin  origin;
  GListStore         *samples;
  GHashTable         *by_id;   /* id → sample (owned by samples): looked up per exhibit */
};

G_DEFINE_FINAL_TYPE (SotForensicSample, sot_forensic_sample, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (SotForensicCatalogue, sot_forensic_catalogue, G_TYPE_OBJECT)

G_DEFINE_QUARK (sot-forensic-catalogue-error-quark, sot_forensic_catalogue_error)

/* Where each group and key sits in the file, for messages that name the line. */
typedef struct {
  char       *name;
  guint       line;
  GHashTable *keys;   /* key (without locale) → line */
} GroupInfo;

static const char * const catalogue_keys[] = {
  "name", "version", "source", "source-date", "mode", NULL,
};

static const char * const sample_keys[] = {
  "label", "order", "complainant-hours", "suspect-hours", "guidance", "source", "source-date",
  "confirmed", NULL,
};

/* Keys a force may translate with key[locale]. */
static const char * const localised_keys[] = {
  "label", "guidance", "name", "source", NULL,
};

static void
group_info_free (gpointer data)
{
  GroupInfo *info = data;

  g_free (info->name);
  g_hash_table_unref (info->keys);
  g_free (info);
}

/* Sample */

static void
sot_forensic_sample_finalize (GObject *object)
{
  SotForensicSample *self = (SotForensicSample *) object;

  g_free (self->id);
  g_free (self->label);
  g_free (self->guidance);
  g_free (self->source);
  g_free (self->source_date);

  G_OBJECT_CLASS (sot_forensic_sample_parent_class)->finalize (object);
}

static void
sot_forensic_sample_class_init (SotForensicSampleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sot_forensic_sample_finalize;
}

static void
sot_forensic_sample_init (SotForensicSample *self)
{
  self->complainant_hours = SOT_FORENSIC_NO_FIGURE;
  self->suspect_hours = SOT_FORENSIC_NO_FIGURE;
}

static SotForensicSample *
sample_copy (SotForensicSample *from)
{
  SotForensicSample *self = g_object_new (SOT_TYPE_FORENSIC_SAMPLE, NULL);

  self->id = g_strdup (from->id);
  self->label = g_strdup (from->label);
  self->order = from->order;
  self->complainant_hours = from->complainant_hours;
  self->suspect_hours = from->suspect_hours;
  self->guidance = g_strdup (from->guidance);
  self->source = g_strdup (from->source);
  self->source_date = g_strdup (from->source_date);
  self->confirmed = from->confirmed;

  return self;
}

const char *
sot_forensic_sample_get_id (SotForensicSample *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (self), NULL);
  return self->id;
}

const char *
sot_forensic_sample_get_label (SotForensicSample *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (self), NULL);
  return self->label;
}

int
sot_forensic_sample_get_order (SotForensicSample *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (self), 0);
  return self->order;
}

int
sot_forensic_sample_get_hours (SotForensicSample *self,
                               SotSampleSubject   subject)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (self), SOT_FORENSIC_NO_FIGURE);

  if (subject == SOT_SAMPLE_SUBJECT_SUSPECT && self->suspect_hours != SOT_FORENSIC_NO_FIGURE)
    return self->suspect_hours;

  return self->complainant_hours;
}

gboolean
sot_forensic_sample_has_suspect_hours (SotForensicSample *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (self), FALSE);
  return self->suspect_hours != SOT_FORENSIC_NO_FIGURE &&
         self->suspect_hours != self->complainant_hours;
}

const char *
sot_forensic_sample_get_guidance (SotForensicSample *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (self), NULL);
  return self->guidance;
}

const char *
sot_forensic_sample_get_source (SotForensicSample *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (self), NULL);
  return self->source;
}

const char *
sot_forensic_sample_get_source_date (SotForensicSample *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (self), NULL);
  return self->source_date;
}

gboolean
sot_forensic_sample_get_confirmed (SotForensicSample *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_SAMPLE (self), FALSE);
  return self->confirmed;
}

/* Parsing */

static void
set_line_error (GError     **error,
                const char  *file_name,
                guint        line,
                const char  *reason)
{
  g_set_error (error, SOT_FORENSIC_CATALOGUE_ERROR, SOT_FORENSIC_CATALOGUE_ERROR_INVALID,
               _("%s, line %u: %s"), file_name, line, reason);
}

static void
set_group_error (GError     **error,
                 const char  *file_name,
                 const char  *group,
                 guint        line,
                 const char  *reason)
{
  g_set_error (error, SOT_FORENSIC_CATALOGUE_ERROR, SOT_FORENSIC_CATALOGUE_ERROR_INVALID,
               _("%s, group [%s] (line %u): %s"), file_name, group, line, reason);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || !g_ascii_islower (*id))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* A "[name]" line: a new group, refused when malformed, repeated or not a sample type id. */
static GroupInfo *
scan_group_header (const char  *line,
                   guint        line_no,
                   const char  *file_name,
                   GHashTable  *seen,
                   GError     **error)
{
  gsize n = strlen (line);
  g_autofree char *name = NULL;
  GroupInfo *group;

  if (n < 3 || line[n - 1] != ']')
    {
      g_autofree char *reason =
        g_strdup_printf (_("“%s” is not a group header such as [oral]"), line);
      set_line_error (error, file_name, line_no, reason);
      return NULL;
    }

  name = g_strndup (line + 1, n - 2);
  if (strchr (name, '[') != NULL || strchr (name, ']') != NULL)
    {
      g_autofree char *reason =
        g_strdup_printf (_("“%s” is not a group header such as [oral]"), line);
      set_line_error (error, file_name, line_no, reason);
      return NULL;
    }

  if (g_hash_table_contains (seen, name))
    {
      g_autofree char *reason = g_strdup_printf (_("group [%s] appears twice"), name);
      set_line_error (error, file_name, line_no, reason);
      return NULL;
    }

  if (!g_str_equal (name, CATALOGUE_GROUP) && !valid_id (name))
    {
      g_autofree char *reason =
        g_strdup_printf (_("[%s] is not a sample type id (lower-case letters, digits "
                           "and hyphens)"), name);
      set_line_error (error, file_name, line_no, reason);
      return NULL;
    }

  group = g_new0 (GroupInfo, 1);
  group->name = g_steal_pointer (&name);
  group->line = line_no;
  group->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (seen, group->name);

  return group;
}

/* A "key=value" line of the group @current, refused when the key is unknown there or
 * repeated (a localised key, "label[cy]", may stand beside its base key). */
static gboolean
scan_key (GroupInfo   *current,
          const char  *line,
          guint        line_no,
          const char  *file_name,
          GError     **error)
{
  const char *eq = strchr (line, '=');
  g_autofree char *key = NULL;
  g_autofree char *base = NULL;
  const char * const *allowed;
  char *bracket;
  gboolean localised;

  if (eq == NULL || eq == line)
    {
      g_autofree char *reason =
        g_strdup_printf (_("“%s” is not a key=value pair, a group header or a comment"),
                         line);
      set_line_error (error, file_name, line_no, reason);
      return FALSE;
    }

  if (current == NULL)
    {
      set_line_error (error, file_name, line_no,
                      _("a key comes before the first group"));
      return FALSE;
    }

  key = g_strstrip (g_strndup (line, eq - line));
  base = g_strdup (key);
  bracket = strchr (base, '[');
  localised = bracket != NULL;
  if (bracket != NULL)
    *bracket = '\0';

  allowed = g_str_equal (current->name, CATALOGUE_GROUP) ? catalogue_keys : sample_keys;

  if (!g_strv_contains (allowed, base) ||
      (localised && !g_strv_contains (localised_keys, base)))
    {
      g_autofree char *reason =
        g_strdup_printf (_("unknown key “%s” in group [%s]"), key, current->name);
      set_line_error (error, file_name, line_no, reason);
      return FALSE;
    }

  if (!localised && g_hash_table_contains (current->keys, base))
    {
      g_autofree char *reason =
        g_strdup_printf (_("key “%s” appears twice in group [%s]"), key, current->name);
      set_line_error (error, file_name, line_no, reason);
      return FALSE;
    }

  if (!localised)
    g_hash_table_insert (current->keys, g_steal_pointer (&base), GUINT_TO_POINTER (line_no));

  return TRUE;
}

/* Finds every group and key with its line, and refuses what GKeyFile would refuse (or would
 * silently merge, such as a repeated group) with the line where it is. */
static GPtrArray *
scan_lines (const char  *data,
            gsize        length,
            const char  *file_name,
            GError     **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_info_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GroupInfo *current = NULL;
  const char *p = data;
  const char *end = data + length;
  guint line_no = 0;

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, SOT_FORENSIC_CATALOGUE_ERROR, SOT_FORENSIC_CATALOGUE_ERROR_INVALID,
                   _("%s: the file is not UTF-8 text"), file_name);
      return NULL;
    }

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      g_autofree char *raw = g_strndup (p, (nl ? nl : end) - p);
      char *line;

      p = nl ? nl + 1 : end;
      line_no++;
      line = g_strstrip (raw);

      if (*line == '\0' || *line == '#')
        continue;

      if (*line == '[')
        {
          if (!(current = scan_group_header (line, line_no, file_name, seen, error)))
            return NULL;
          g_ptr_array_add (groups, current);
        }
      else if (!scan_key (current, line, line_no, file_name, error))
        return NULL;
    }

  return g_steal_pointer (&groups);
}

static guint
key_line (GroupInfo  *info,
          const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (info->keys, key));
}

static gboolean
parse_whole (GKeyFile    *kf,
             GroupInfo   *info,
             const char  *key,
             int          min,
             const char  *what,
             const char  *file_name,
             int         *out,
             GError     **error)
{
  g_autofree char *value = NULL;
  gint64 n;

  if (!g_hash_table_contains (info->keys, key))
    return TRUE;

  value = g_key_file_get_value (kf, info->name, key, NULL);
  g_strstrip (value);

  if (!g_ascii_string_to_signed (value, 10, min, MAX_HOURS, &n, NULL))
    {
      g_autofree char *reason = g_strdup_printf (_("[%s] %s “%s” is not %s"),
                                                 info->name, key, value, what);
      set_line_error (error, file_name, key_line (info, key), reason);
      return FALSE;
    }

  *out = (int) n;
  return TRUE;
}

static gboolean
valid_source_date (const char *text)
{
  int year, month, day = 1;
  gsize n = strlen (text);

  if (n != 7 && n != 10)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = atoi (text);
  month = atoi (text + 5);
  if (n == 10)
    day = atoi (text + 8);

  return year >= 1900 && g_date_valid_dmy (day, month, year);
}

static char *
get_string (GKeyFile   *kf,
            GroupInfo  *info,
            const char *key,
            gboolean    localised)
{
  char *value;

  if (!g_hash_table_contains (info->keys, key))
    return NULL;

  if (localised)
    value = g_key_file_get_locale_string (kf, info->name, key, NULL, NULL);
  else
    value = g_key_file_get_string (kf, info->name, key, NULL);

  if (value != NULL)
    g_strstrip (value);

  return value;
}

static gint
compare_samples (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SotForensicSample *sa = (SotForensicSample *) a;
  SotForensicSample *sb = (SotForensicSample *) b;

  if (sa->order != sb->order)
    return sa->order < sb->order ? -1 : 1;

  return g_strcmp0 (sa->id, sb->id);
}

/* Applies one sample group to @sample (new or copied from the base). */
static gboolean
apply_sample_group (SotForensicSample  *sample,
                    GKeyFile           *kf,
                    GroupInfo          *info,
                    const char         *file_name,
                    GError            **error)
{
  g_autofree char *label = get_string (kf, info, "label", TRUE);
  g_autofree char *guidance = get_string (kf, info, "guidance", TRUE);
  g_autofree char *source = get_string (kf, info, "source", TRUE);
  g_autofree char *source_date = get_string (kf, info, "source-date", FALSE);

  if (label != NULL)
    {
      if (*label == '\0')
        {
          set_line_error (error, file_name, key_line (info, "label"), _("the label is empty"));
          return FALSE;
        }
      g_free (sample->label);
      sample->label = g_steal_pointer (&label);
    }

  if (!parse_whole (kf, info, "order", 1, _("a sampling order (a whole number, 1 or more)"),
                    file_name, &sample->order, error) ||
      !parse_whole (kf, info, "complainant-hours", 0,
                    _("a number of hours (a whole number, 0 or more)"),
                    file_name, &sample->complainant_hours, error) ||
      !parse_whole (kf, info, "suspect-hours", 0,
                    _("a number of hours (a whole number, 0 or more)"),
                    file_name, &sample->suspect_hours, error))
    return FALSE;

  if (guidance != NULL)
    {
      g_free (sample->guidance);
      sample->guidance = g_steal_pointer (&guidance);
    }

  if (source != NULL)
    {
      g_free (sample->source);
      sample->source = g_steal_pointer (&source);
    }

  if (source_date != NULL)
    {
      if (!valid_source_date (source_date))
        {
          g_autofree char *reason =
            g_strdup_printf (_("[%s] source-date “%s” is not a date such as 2021-01 or "
                               "2021-01-31"), info->name, source_date);
          set_line_error (error, file_name, key_line (info, "source-date"), reason);
          return FALSE;
        }
      g_free (sample->source_date);
      sample->source_date = g_steal_pointer (&source_date);
    }

  if (g_hash_table_contains (info->keys, "confirmed"))
    {
      g_autoptr(GError) local_error = NULL;
      gboolean confirmed = g_key_file_get_boolean (kf, info->name, "confirmed", &local_error);

      if (local_error != NULL)
        {
          g_autofree char *reason =
            g_strdup_printf (_("[%s] confirmed must be true or false"), info->name);
          set_line_error (error, file_name, key_line (info, "confirmed"), reason);
          return FALSE;
        }
      sample->confirmed = confirmed;
    }
  else if (g_hash_table_contains (info->keys, "complainant-hours") ||
           g_hash_table_contains (info->keys, "suspect-hours"))
    {
      /* A new figure without a word on its status is never taken as confirmed. */
      sample->confirmed = FALSE;
    }

  if (sample->label == NULL)
    {
      set_group_error (error, file_name, info->name, info->line,
                       _("a sample type needs a label"));
      return FALSE;
    }

  if (sample->confirmed &&
      (sample->source == NULL || *sample->source == '\0' || sample->source_date == NULL))
    {
      set_group_error (error, file_name, info->name, info->line,
                       _("a confirmed value needs its source and source-date"));
      return FALSE;
    }

  if (sample->confirmed && sample->complainant_hours == SOT_FORENSIC_NO_FIGURE)
    {
      set_group_error (error, file_name, info->name, info->line,
                       _("confirmed=true needs complainant-hours"));
      return FALSE;
    }

  return TRUE;
}

/* Catalogue */

static void
sot_forensic_catalogue_finalize (GObject *object)
{
  SotForensicCatalogue *self = (SotForensicCatalogue *) object;

  g_free (self->name);
  g_free (self->version);
  g_free (self->source);
  g_free (self->source_date);
  g_free (self->override_path);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->samples);

  G_OBJECT_CLASS (sot_forensic_catalogue_parent_class)->finalize (object);
}

static void
sot_forensic_catalogue_class_init (SotForensicCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sot_forensic_catalogue_finalize;
}

static void
sot_forensic_catalogue_init (SotForensicCatalogue *self)
{
  self->samples = g_list_store_new (SOT_TYPE_FORENSIC_SAMPLE);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Reads the [Catalogue] group into @self: its mode (into @extend), name, version and source.
 * What an extending file leaves out comes from @base. */
static gboolean
read_catalogue_group (SotForensicCatalogue  *self,
                      GKeyFile              *kf,
                      GroupInfo             *catalogue,
                      SotForensicCatalogue  *base,
                      const char            *file_name,
                      gboolean              *extend,
                      GError               **error)
{
  g_autofree char *mode = get_string (kf, catalogue, "mode", FALSE);

  if (mode != NULL && !g_str_equal (mode, "replace") && !g_str_equal (mode, "extend"))
    {
      g_autofree char *reason =
        g_strdup_printf (_("mode “%s” must be replace or extend"), mode);
      set_line_error (error, file_name, key_line (catalogue, "mode"), reason);
      return FALSE;
    }

  *extend = g_strcmp0 (mode, "extend") == 0;
  if (*extend && base == NULL)
    {
      set_line_error (error, file_name, key_line (catalogue, "mode"),
                      _("mode=extend needs a catalogue to extend"));
      return FALSE;
    }

  self->name = get_string (kf, catalogue, "name", TRUE);
  self->version = get_string (kf, catalogue, "version", FALSE);
  self->source = get_string (kf, catalogue, "source", TRUE);
  self->source_date = get_string (kf, catalogue, "source-date", FALSE);

  if (self->source_date != NULL && !valid_source_date (self->source_date))
    {
      g_autofree char *reason =
        g_strdup_printf (_("source-date “%s” is not a date such as 2021-01 or 2021-01-31"),
                         self->source_date);
      set_line_error (error, file_name, key_line (catalogue, "source-date"), reason);
      return FALSE;
    }

  if (*extend)
    {
      /* What the force's file leaves out comes from the catalogue it extends. */
      if (self->name == NULL)
        self->name = g_strdup (base->name);
      if (self->version == NULL)
        self->version = g_strdup (base->version);
      if (self->source == NULL)
        self->source = g_strdup (base->source);
      if (self->source_date == NULL)
        self->source_date = g_strdup (base->source_date);
    }
  else if (self->name == NULL || *self->name == '\0' ||
           self->version == NULL || *self->version == '\0')
    {
      set_group_error (error, file_name, CATALOGUE_GROUP, catalogue->line,
                       _("a catalogue needs a name and a version"));
      return FALSE;
    }

  return TRUE;
}

/* Applies every sample group of the file but @catalogue to the sample of its id in @by_id,
 * or to a new one added to @samples. */
static gboolean
read_sample_groups (GPtrArray   *groups,
                    GroupInfo   *catalogue,
                    GKeyFile    *kf,
                    const char  *file_name,
                    GPtrArray   *samples,
                    GHashTable  *by_id,
                    GError     **error)
{
  for (guint i = 0; i < groups->len; i++)
    {
      GroupInfo *info = g_ptr_array_index (groups, i);
      SotForensicSample *sample;

      if (info == catalogue)
        continue;

      sample = g_hash_table_lookup (by_id, info->name);
      if (sample == NULL)
        {
          sample = g_object_new (SOT_TYPE_FORENSIC_SAMPLE, NULL);
          sample->id = g_strdup (info->name);
          /* Without an order, a sample type goes after the others, in file order. */
          sample->order = 1000 + (int) i;
          g_ptr_array_add (samples, sample);
          g_hash_table_insert (by_id, sample->id, sample);
        }

      if (!apply_sample_group (sample, kf, info, file_name, error))
        return FALSE;
    }

  return TRUE;
}

static GroupInfo *
find_catalogue_group (GPtrArray *groups)
{
  GroupInfo *catalogue = NULL;

  for (guint i = 0; i < groups->len; i++)
    {
      GroupInfo *info = g_ptr_array_index (groups, i);

      if (g_str_equal (info->name, CATALOGUE_GROUP))
        catalogue = info;
    }

  return catalogue;
}

SotForensicCatalogue *
sot_forensic_catalogue_new_from_data (const char            *data,
                                      gssize                 length,
                                      const char            *file_name,
                                      SotForensicCatalogue  *base,
                                      GError               **error)
{
  g_autoptr(SotForensicCatalogue) self = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func (g_object_unref);
  GroupInfo *catalogue = NULL;
  gboolean extend;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (base == NULL || SOT_IS_FORENSIC_CATALOGUE (base), NULL);

  if (length < 0)
    length = strlen (data);

  if (!(groups = scan_lines (data, length, file_name, error)))
    return NULL;

  if (!g_key_file_load_from_data (kf, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, SOT_FORENSIC_CATALOGUE_ERROR, SOT_FORENSIC_CATALOGUE_ERROR_INVALID,
                   "%s: %s", file_name, local_error->message);
      return NULL;
    }

  if (!(catalogue = find_catalogue_group (groups)))
    {
      g_set_error (error, SOT_FORENSIC_CATALOGUE_ERROR, SOT_FORENSIC_CATALOGUE_ERROR_INVALID,
                   _("%s: there is no [Catalogue] group with the name and version"), file_name);
      return NULL;
    }

  self = g_object_new (SOT_TYPE_FORENSIC_CATALOGUE, NULL);
  if (!read_catalogue_group (self, kf, catalogue, base, file_name, &extend, error))
    return NULL;

  if (extend)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (base->samples)); i++)
        {
          g_autoptr(SotForensicSample) from = g_list_model_get_item (G_LIST_MODEL (base->samples), i);
          SotForensicSample *copy = sample_copy (from);

          g_ptr_array_add (samples, copy);
          g_hash_table_insert (by_id, copy->id, copy);
        }
    }

  if (!read_sample_groups (groups, catalogue, kf, file_name, samples, by_id, error))
    return NULL;

  if (samples->len == 0)
    {
      g_set_error (error, SOT_FORENSIC_CATALOGUE_ERROR, SOT_FORENSIC_CATALOGUE_ERROR_INVALID,
                   _("%s: the catalogue lists no sample types"), file_name);
      return NULL;
    }

  for (guint i = 0; i < samples->len; i++)
    {
      SotForensicSample *sample = g_ptr_array_index (samples, i);

      g_list_store_insert_sorted (self->samples, sample, compare_samples, NULL);
      g_hash_table_insert (self->by_id, sample->id, sample);
    }

  self->origin = base == NULL ? SOT_CATALOGUE_ORIGIN_BUILT_IN
               : extend ? SOT_CATALOGUE_ORIGIN_EXTENDED : SOT_CATALOGUE_ORIGIN_REPLACED;

  return g_steal_pointer (&self);
}

SotForensicCatalogue *
sot_forensic_catalogue_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  bytes = g_resources_lookup_data (SOT_FORENSIC_CATALOGUE_RESOURCE, 0, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  return sot_forensic_catalogue_new_from_data (data, len, "forensic-catalogue.ini", NULL, error);
}

char *
sot_forensic_catalogue_default_override_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "soteria-workbench",
                           "forensic-catalogue.ini", NULL);
}

SotForensicCatalogue *
sot_forensic_catalogue_load (const char  *override_path,
                             GError     **warning)
{
  g_autoptr(SotForensicCatalogue) builtin = NULL;
  g_autoptr(SotForensicCatalogue) active = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (warning == NULL || *warning == NULL, NULL);

  builtin = sot_forensic_catalogue_new_builtin (&local_error);
  if (builtin == NULL)
    {
      g_critical ("The built-in forensic catalogue is broken: %s", local_error->message);
      g_propagate_error (warning, g_steal_pointer (&local_error));
      return NULL;
    }

  path = override_path != NULL ? g_strdup (override_path)
                               : sot_forensic_catalogue_default_override_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&builtin);

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (warning, SOT_FORENSIC_CATALOGUE_ERROR, SOT_FORENSIC_CATALOGUE_ERROR_FAILED,
                   _("The force's forensic catalogue %s could not be read (%s); the built-in "
                     "catalogue is in use."), path, local_error->message);
      return g_steal_pointer (&builtin);
    }

  active = sot_forensic_catalogue_new_from_data (contents, len, path, builtin, &local_error);
  if (active == NULL)
    {
      g_set_error (warning, SOT_FORENSIC_CATALOGUE_ERROR, SOT_FORENSIC_CATALOGUE_ERROR_INVALID,
                   _("The force's forensic catalogue was refused: %s. The built-in catalogue "
                     "is in use."), local_error->message);
      return g_steal_pointer (&builtin);
    }

  active->override_path = g_steal_pointer (&path);

  return g_steal_pointer (&active);
}

const char *
sot_forensic_catalogue_get_name (SotForensicCatalogue *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), NULL);
  return self->name;
}

const char *
sot_forensic_catalogue_get_version (SotForensicCatalogue *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), NULL);
  return self->version;
}

const char *
sot_forensic_catalogue_get_source (SotForensicCatalogue *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), NULL);
  return self->source;
}

const char *
sot_forensic_catalogue_get_source_date (SotForensicCatalogue *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), NULL);
  return self->source_date;
}

SotCatalogueOrigin
sot_forensic_catalogue_get_origin (SotForensicCatalogue *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), SOT_CATALOGUE_ORIGIN_BUILT_IN);
  return self->origin;
}

const char *
sot_forensic_catalogue_get_override_path (SotForensicCatalogue *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), NULL);
  return self->override_path;
}

const char *
sot_catalogue_origin_to_string (SotCatalogueOrigin origin)
{
  switch (origin)
    {
    case SOT_CATALOGUE_ORIGIN_REPLACED:
      return "replaced";
    case SOT_CATALOGUE_ORIGIN_EXTENDED:
      return "extended";
    case SOT_CATALOGUE_ORIGIN_BUILT_IN:
    default:
      return "built-in";
    }
}

GListModel *
sot_forensic_catalogue_get_samples (SotForensicCatalogue *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), NULL);
  return G_LIST_MODEL (self->samples);
}

guint
sot_forensic_catalogue_get_n_samples (SotForensicCatalogue *self)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->samples));
}

SotForensicSample *
sot_forensic_catalogue_get_sample (SotForensicCatalogue *self,
                                   guint                 position)
{
  SotForensicSample *sample;

  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), NULL);

  sample = g_list_model_get_item (G_LIST_MODEL (self->samples), position);
  if (sample == NULL)
    return NULL;

  /* The list keeps its own reference: the catalogue owns every sample for its lifetime. */
  g_object_unref (sample);
  return sample;
}

SotForensicSample *
sot_forensic_catalogue_lookup (SotForensicCatalogue *self,
                               const char           *id)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}
