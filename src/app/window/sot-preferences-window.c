/* sot-preferences-window.c: the operator's name, collar number and force
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-preferences-window.h"

struct _SotPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *operator_name_row;
  AdwEntryRow          *collar_number_row;
  AdwEntryRow          *force_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (SotPreferencesWindow, sot_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sot_preferences_window_constructed (GObject *object)
{
  SotPreferencesWindow *self = (SotPreferencesWindow *)object;

  G_OBJECT_CLASS (sot_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "operator-name", self->operator_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "collar-number", self->collar_number_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "force", self->force_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
sot_preferences_window_dispose (GObject *object)
{
  SotPreferencesWindow *self = (SotPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sot_preferences_window_parent_class)->dispose (object);
}

static void
sot_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SotPreferencesWindow *self = SOT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SotPreferencesWindow *self = SOT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_preferences_window_class_init (SotPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_preferences_window_constructed;
  object_class->dispose = sot_preferences_window_dispose;
  object_class->get_property = sot_preferences_window_get_property;
  object_class->set_property = sot_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE
                                               "/ui/window/sot-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SotPreferencesWindow, operator_name_row);
  gtk_widget_class_bind_template_child (widget_class, SotPreferencesWindow, collar_number_row);
  gtk_widget_class_bind_template_child (widget_class, SotPreferencesWindow, force_row);
}

static void
sot_preferences_window_init (SotPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SotPreferencesWindow *
sot_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SOT_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
