/* sot-timeline-row.c: one dated event of a case on the Timeline page
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-timeline-row"

#include "config.h"

#include "sot-timeline-row.h"

struct _SotTimelineRow
{
  GtkWidget         parent_instance;

  GtkLabel         *time;
  GtkLabel         *kind;
  GtkLabel         *title;

  SotTimelineEvent *event;
};

G_DEFINE_FINAL_TYPE (SotTimelineRow, sot_timeline_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SotTimelineRow *self)
{
  g_autofree char *description = NULL;
  const char *kind;

  if (self->event == NULL)
    {
      gtk_label_set_label (self->time, NULL);
      gtk_label_set_label (self->kind, NULL);
      gtk_label_set_label (self->title, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  kind = sot_timeline_kind_label (sot_timeline_event_get_kind (self->event));
  gtk_label_set_label (self->time, sot_timeline_event_get_time_text (self->event));
  gtk_label_set_label (self->kind, kind);
  gtk_label_set_label (self->title, sot_timeline_event_get_title (self->event));

  description = g_strdup_printf ("%s, %s: %s", sot_timeline_event_get_time_text (self->event),
                                 kind, sot_timeline_event_get_title (self->event));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static void
sot_timeline_row_dispose (GObject *object)
{
  SotTimelineRow *self = SOT_TIMELINE_ROW (object);
  GtkWidget *child;

  /* The template's outer box has no id, so dispose_template would not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->event);

  G_OBJECT_CLASS (sot_timeline_row_parent_class)->dispose (object);
}

static void
sot_timeline_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SotTimelineRow *self = SOT_TIMELINE_ROW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_timeline_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SotTimelineRow *self = SOT_TIMELINE_ROW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      sot_timeline_row_set_event (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_timeline_row_class_init (SotTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sot_timeline_row_dispose;
  object_class->get_property = sot_timeline_row_get_property;
  object_class->set_property = sot_timeline_row_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, SOT_TYPE_TIMELINE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/case/sot-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SotTimelineRow, time);
  gtk_widget_class_bind_template_child (widget_class, SotTimelineRow, kind);
  gtk_widget_class_bind_template_child (widget_class, SotTimelineRow, title);
}

static void
sot_timeline_row_init (SotTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sot_timeline_row_new (void)
{
  return g_object_new (SOT_TYPE_TIMELINE_ROW, NULL);
}

SotTimelineEvent *
sot_timeline_row_get_event (SotTimelineRow *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_ROW (self), NULL);

  return self->event;
}

void
sot_timeline_row_set_event (SotTimelineRow *self,
                               SotTimelineEvent *event)
{
  g_return_if_fail (SOT_IS_TIMELINE_ROW (self));
  g_return_if_fail (event == NULL || SOT_IS_TIMELINE_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}
