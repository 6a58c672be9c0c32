/* sot-victims-code.c: the Victims' Code rules as versioned data (reference/victims-code.ini)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victims-code"

#include "config.h"

#include <gio/gio.h>

#include "sot-victims-code.h"

typedef struct {
  char     *name;
  guint     enhanced_days;
  guint     standard_days;
  gboolean  decision;
} Right6Rule;

struct _SotVictimsCode
{
  char     *version;
  GArray   *events;           /* of Right6Rule */
  guint     vrr_months;
  gboolean  vrr_confirmed;
  guint     rui_days;
  gboolean  rui_confirmed;
};

/* A limit of 0 or a missing key is a broken table: it is refused, never defaulted. */
static gboolean
read_days (GKeyFile    *file,
           const char  *group,
           const char  *key,
           guint       *days,
           GError     **error)
{
  int value = g_key_file_get_integer (file, group, key, error);

  if (value <= 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                     "victims-code.ini: [%s] %s must be a positive number", group, key);
      return FALSE;
    }

  *days = value;
  return TRUE;
}

static gboolean
load_events (SotVictimsCode  *self,
             GKeyFile        *file,
             GError         **error)
{
  g_auto(GStrv) names = g_key_file_get_string_list (file, "Rules", "events", NULL, error);

  if (names == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *group = g_strconcat ("Event ", names[i], NULL);
      g_autofree char *kind = NULL;
      Right6Rule rule = { 0 };

      if (!read_days (file, group, "enhanced-days", &rule.enhanced_days, error) ||
          !read_days (file, group, "standard-days", &rule.standard_days, error))
        return FALSE;

      kind = g_key_file_get_string (file, group, "group", NULL);
      rule.decision = g_strcmp0 (kind, "decision") == 0;
      rule.name = g_strdup (names[i]);
      g_array_append_val (self->events, rule);
    }

  return TRUE;
}

static SotVictimsCode *
victims_code_load (GError **error)
{
  SotVictimsCode *self = g_new0 (SotVictimsCode, 1);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;

  self->events = g_array_new (FALSE, TRUE, sizeof (Right6Rule));

  bytes = g_resources_lookup_data (RESOURCE_BASE "/reference/victims-code.ini", 0, error);
  if (bytes == NULL || !g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, error) ||
      !(self->version = g_key_file_get_string (file, "Rules", "version", error)) ||
      !load_events (self, file, error) ||
      !read_days (file, "RightToReview", "request-months", &self->vrr_months, error) ||
      !read_days (file, "RuiReview", "every-days", &self->rui_days, error))
    {
      /* Only reached with a broken built-in file: the partial table is dropped. */
      g_free (self->version);
      for (guint i = 0; i < self->events->len; i++)
        g_free (g_array_index (self->events, Right6Rule, i).name);
      g_array_unref (self->events);
      g_free (self);
      return NULL;
    }

  self->vrr_confirmed = g_key_file_get_boolean (file, "RightToReview", "confirmed", NULL);
  self->rui_confirmed = g_key_file_get_boolean (file, "RuiReview", "confirmed", NULL);

  return self;
}

SotVictimsCode *
sot_victims_code_get_default (GError **error)
{
  static GMutex lock;
  static SotVictimsCode *code;
  SotVictimsCode *result;

  g_mutex_lock (&lock);
  if (code == NULL)
    code = victims_code_load (error);
  result = code;
  g_mutex_unlock (&lock);

  return result;
}

const char *
sot_victims_code_get_version (SotVictimsCode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->version;
}

static const Right6Rule *
find_event (SotVictimsCode *self,
            const char     *event)
{
  for (guint i = 0; i < self->events->len; i++)
    {
      const Right6Rule *rule = &g_array_index (self->events, Right6Rule, i);

      if (g_strcmp0 (rule->name, event) == 0)
        return rule;
    }

  return NULL;
}

gboolean
sot_victims_code_right6_days (SotVictimsCode *self,
                              const char     *event,
                              gboolean        enhanced,
                              guint          *days)
{
  const Right6Rule *rule;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (days != NULL, FALSE);

  if ((rule = find_event (self, event)) == NULL)
    return FALSE;

  *days = enhanced ? rule->enhanced_days : rule->standard_days;
  return TRUE;
}

gboolean
sot_victims_code_is_decision (SotVictimsCode *self,
                              const char     *event)
{
  const Right6Rule *rule;

  g_return_val_if_fail (self != NULL, FALSE);

  rule = find_event (self, event);
  return rule != NULL && rule->decision;
}

guint
sot_victims_code_vrr_months (SotVictimsCode *self,
                             gboolean       *confirmed)
{
  g_return_val_if_fail (self != NULL, 0);

  if (confirmed != NULL)
    *confirmed = self->vrr_confirmed;
  return self->vrr_months;
}

guint
sot_victims_code_rui_review_days (SotVictimsCode *self,
                                  gboolean       *confirmed)
{
  g_return_val_if_fail (self != NULL, 0);

  if (confirmed != NULL)
    *confirmed = self->rui_confirmed;
  return self->rui_days;
}
