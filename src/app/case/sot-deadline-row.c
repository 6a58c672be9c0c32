/* sot-deadline-row.c: one deadline in the Due view: the case, its state, what and when
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-deadline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-deadline-row.h"

struct _SotDeadlineRow
{
  GtkWidget    parent_instance;

  GtkLabel    *reference;
  GtkLabel    *badge;
  GtkLabel    *title;
  GtkLabel    *when;

  SotDeadline *deadline;
};

G_DEFINE_FINAL_TYPE (SotDeadlineRow, sot_deadline_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The words and style of a deadline's state, so that overdue reads as an alert. */
static void
state_look (SotDeadlineState  state,
            const char      **text,
            const char      **style)
{
  switch (state)
    {
    case SOT_DEADLINE_OVERDUE:
      *text = _("Overdue");
      *style = "error";
      break;
    case SOT_DEADLINE_DUE_TODAY:
      *text = _("Today");
      *style = "warning";
      break;
    case SOT_DEADLINE_DUE_SOON:
      *text = _("This week");
      *style = "accent";
      break;
    case SOT_DEADLINE_LATER:
      *text = _("Later");
      *style = "dim-label";
      break;
    case SOT_DEADLINE_MET:
    case SOT_DEADLINE_MET_LATE:
    default:
      *text = _("Met");
      *style = "success";
      break;
    }
}

static void
update (SotDeadlineRow *self)
{
  static const char * const styles[] = { "error", "warning", "accent", "dim-label", "success" };
  g_autofree char *description = NULL;
  const char *state_text;
  const char *style;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), styles[i]);

  if (self->deadline == NULL)
    {
      gtk_label_set_label (self->badge, NULL);
      gtk_label_set_label (self->reference, NULL);
      gtk_label_set_label (self->title, NULL);
      gtk_label_set_label (self->when, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  state_look (sot_deadline_get_state (self->deadline), &state_text, &style);
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), style);
  gtk_label_set_label (self->badge, state_text);
  gtk_label_set_label (self->reference, sot_deadline_get_crime_reference (self->deadline));
  gtk_label_set_label (self->title, sot_deadline_get_title (self->deadline));
  gtk_label_set_label (self->when, sot_deadline_get_when_text (self->deadline));

  /* One sentence for a screen reader: the case, the state, what, when. */
  description = g_strdup_printf ("%s, %s: %s. %s",
                                 sot_deadline_get_crime_reference (self->deadline), state_text,
                                 sot_deadline_get_title (self->deadline),
                                 sot_deadline_get_when_text (self->deadline));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static void
sot_deadline_row_dispose (GObject *object)
{
  SotDeadlineRow *self = SOT_DEADLINE_ROW (object);
  GtkWidget *child;

  /* The template's outer box has no id, so dispose_template would not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->deadline);

  G_OBJECT_CLASS (sot_deadline_row_parent_class)->dispose (object);
}

static void
sot_deadline_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SotDeadlineRow *self = SOT_DEADLINE_ROW (object);

  switch (prop_id)
    {
    case PROP_DEADLINE:
      g_value_set_object (value, self->deadline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_deadline_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SotDeadlineRow *self = SOT_DEADLINE_ROW (object);

  switch (prop_id)
    {
    case PROP_DEADLINE:
      sot_deadline_row_set_deadline (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_deadline_row_class_init (SotDeadlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sot_deadline_row_dispose;
  object_class->get_property = sot_deadline_row_get_property;
  object_class->set_property = sot_deadline_row_set_property;

  properties[PROP_DEADLINE] =
    g_param_spec_object ("deadline", NULL, NULL, SOT_TYPE_DEADLINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/case/sot-deadline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SotDeadlineRow, reference);
  gtk_widget_class_bind_template_child (widget_class, SotDeadlineRow, badge);
  gtk_widget_class_bind_template_child (widget_class, SotDeadlineRow, title);
  gtk_widget_class_bind_template_child (widget_class, SotDeadlineRow, when);
}

static void
sot_deadline_row_init (SotDeadlineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sot_deadline_row_new (void)
{
  return g_object_new (SOT_TYPE_DEADLINE_ROW, NULL);
}

SotDeadline *
sot_deadline_row_get_deadline (SotDeadlineRow *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE_ROW (self), NULL);

  return self->deadline;
}

void
sot_deadline_row_set_deadline (SotDeadlineRow *self,
                               SotDeadline    *deadline)
{
  g_return_if_fail (SOT_IS_DEADLINE_ROW (self));
  g_return_if_fail (deadline == NULL || SOT_IS_DEADLINE (deadline));

  if (!g_set_object (&self->deadline, deadline))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}
