/* sot-reference.c: reference data (outcome codes, offence types) from the GResource
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-reference"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-reference.h"

struct _SotReference
{
  GObject    parent_instance;

  GKeyFile  *outcomes;
  GKeyFile  *offences;
  GStrv      outcome_codes;
  GStrv      offence_types;
  GHashTable *outcome_group_of;  /* code → interned group: read once per record on export */
};

G_DEFINE_FINAL_TYPE (SotReference, sot_reference, G_TYPE_OBJECT)

static const struct {
  const char *id;
  const char *label;
} outcome_groups[] = {
  { SOT_OUTCOME_GROUP_CHARGED, N_("Charged") },
  { SOT_OUTCOME_GROUP_OTHER_SANCTION, N_("Other sanction") },
  { SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED, N_("Prosecution prevented or not in the public interest") },
  { SOT_OUTCOME_GROUP_EVIDENTIAL_VICTIM, N_("Evidential difficulties attributed to the victim") },
  { SOT_OUTCOME_GROUP_EVIDENTIAL_INVESTIGATION, N_("Evidential difficulties due to the investigation") },
  { SOT_OUTCOME_GROUP_TRANSFERRED, N_("Transferred to another agency") },
  { SOT_OUTCOME_GROUP_UNKNOWN, N_("Outcome group unknown") },
};

static GKeyFile *
load_key_file (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_build_path ("/", RESOURCE_BASE, "reference", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  bytes = g_resources_lookup_data (path, 0, error);
  if (bytes == NULL)
    return NULL;

  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  return g_steal_pointer (&key_file);
}

/* The groups of a reference file, less its [Reference] header, in file order. */
static GStrv
entries_of (GKeyFile *key_file)
{
  g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; groups[i] != NULL; i++)
    if (!g_str_equal (groups[i], "Reference"))
      g_strv_builder_add (builder, groups[i]);

  return g_strv_builder_end (builder);
}

static void
sot_reference_finalize (GObject *object)
{
  SotReference *self = (SotReference *)object;

  g_clear_pointer (&self->outcomes, g_key_file_unref);
  g_clear_pointer (&self->offences, g_key_file_unref);
  g_clear_pointer (&self->outcome_codes, g_strfreev);
  g_clear_pointer (&self->offence_types, g_strfreev);
  g_clear_pointer (&self->outcome_group_of, g_hash_table_unref);

  G_OBJECT_CLASS (sot_reference_parent_class)->finalize (object);
}

static void
sot_reference_class_init (SotReferenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sot_reference_finalize;
}

static void
sot_reference_init (SotReference *self)
{
}

SotReference *
sot_reference_new (GError **error)
{
  g_autoptr(SotReference) self = g_object_new (SOT_TYPE_REFERENCE, NULL);

  if (!(self->outcomes = load_key_file ("outcomes.ini", error)) ||
      !(self->offences = load_key_file ("offence-types.ini", error)))
    return NULL;

  self->outcome_codes = entries_of (self->outcomes);
  self->offence_types = entries_of (self->offences);

  /* Keys point into outcome_codes, values are interned. */
  self->outcome_group_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; self->outcome_codes[i] != NULL; i++)
    {
      g_autofree char *group = g_key_file_get_string (self->outcomes, self->outcome_codes[i],
                                                      "group", NULL);

      if (group != NULL)
        g_hash_table_insert (self->outcome_group_of, self->outcome_codes[i],
                             (gpointer) g_intern_string (group));
    }

  return g_steal_pointer (&self);
}

const char * const *
sot_reference_get_outcome_codes (SotReference *self)
{
  g_return_val_if_fail (SOT_IS_REFERENCE (self), NULL);

  return (const char * const *) self->outcome_codes;
}

gboolean
sot_reference_has_outcome (SotReference *self,
                           const char   *code)
{
  g_return_val_if_fail (SOT_IS_REFERENCE (self), FALSE);

  return code != NULL && g_strv_contains ((const char * const *) self->outcome_codes, code);
}

/* Values are interned so that callers get a stable (transfer none) string. */
static const char *
lookup (GKeyFile   *key_file,
        GStrv       entries,
        const char *entry,
        const char *key)
{
  g_autofree char *value = NULL;

  if (entry == NULL || !g_strv_contains ((const char * const *) entries, entry))
    return NULL;

  value = g_key_file_get_locale_string (key_file, entry, key, NULL, NULL);
  return value ? g_intern_string (value) : NULL;
}

const char *
sot_reference_get_outcome_label (SotReference *self,
                                 const char   *code)
{
  g_return_val_if_fail (SOT_IS_REFERENCE (self), NULL);

  return lookup (self->outcomes, self->outcome_codes, code, "label");
}

const char *
sot_reference_get_outcome_group (SotReference *self,
                                 const char   *code)
{
  g_return_val_if_fail (SOT_IS_REFERENCE (self), NULL);

  return code != NULL ? g_hash_table_lookup (self->outcome_group_of, code) : NULL;
}

gboolean
sot_reference_get_outcome_confirmed (SotReference *self,
                                     const char   *code)
{
  g_return_val_if_fail (SOT_IS_REFERENCE (self), FALSE);

  if (!sot_reference_has_outcome (self, code))
    return FALSE;

  return g_key_file_get_boolean (self->outcomes, code, "confirmed", NULL);
}

const char * const *
sot_reference_get_offence_types (SotReference *self)
{
  g_return_val_if_fail (SOT_IS_REFERENCE (self), NULL);

  return (const char * const *) self->offence_types;
}

gboolean
sot_reference_has_offence_type (SotReference *self,
                                const char   *offence_type)
{
  g_return_val_if_fail (SOT_IS_REFERENCE (self), FALSE);

  return offence_type != NULL &&
         g_strv_contains ((const char * const *) self->offence_types, offence_type);
}

const char *
sot_reference_get_offence_label (SotReference *self,
                                 const char   *offence_type)
{
  g_return_val_if_fail (SOT_IS_REFERENCE (self), NULL);

  return lookup (self->offences, self->offence_types, offence_type, "label");
}

gboolean
sot_reference_get_offence_is_child (SotReference *self,
                                    const char   *offence_type)
{
  g_return_val_if_fail (SOT_IS_REFERENCE (self), FALSE);

  if (!sot_reference_has_offence_type (self, offence_type))
    return FALSE;

  return g_key_file_get_boolean (self->offences, offence_type, "child", NULL);
}

const char *
sot_outcome_group_label (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_groups); i++)
    if (g_strcmp0 (outcome_groups[i].id, group) == 0)
      return _(outcome_groups[i].label);

  return _("Outcome group unknown");
}

gboolean
sot_outcome_is_no_suspect_identified (const char *code)
{
  return g_strcmp0 (code, "14") == 0 || g_strcmp0 (code, "18") == 0;
}
