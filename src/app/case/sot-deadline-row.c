/* sot-deadline-row.c: one item of the Due view: its group, the case, state, what and when
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

  GtkLabel    *header;
  GtkLabel    *reference;
  GtkLabel    *badge;
  GtkLabel    *title;
  GtkLabel    *when;

  SotDue      *item;
};

G_DEFINE_FINAL_TYPE (SotDeadlineRow, sot_deadline_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The style of an item's group, so that overdue reads as an alert. */
static const char *
group_style (SotDueGroup group)
{
  switch (group)
    {
    case SOT_DUE_GROUP_OVERDUE:
      return "error";
    case SOT_DUE_GROUP_TODAY:
      return "warning";
    case SOT_DUE_GROUP_WEEK:
      return "accent";
    case SOT_DUE_GROUP_LATER:
      return "dim-label";
    case SOT_DUE_GROUP_MET:
    case SOT_DUE_N_GROUPS:
    default:
      return "success";
    }
}

static void
update (SotDeadlineRow *self)
{
  static const char * const styles[] = { "error", "warning", "accent", "dim-label", "success" };
  g_autofree char *description = NULL;
  g_autofree char *badge = NULL;
  const char *group_text;
  SotDueGroup group;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), styles[i]);

  if (self->item == NULL)
    {
      gtk_label_set_label (self->badge, NULL);
      gtk_label_set_label (self->reference, NULL);
      gtk_label_set_label (self->title, NULL);
      gtk_label_set_label (self->when, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  group = sot_due_get_group (self->item);
  group_text = sot_due_group_label (group);
  /* TRANSLATORS: the group of an item and its kind, as in "Overdue · Forensic window" */
  badge = g_strdup_printf (_("%s · %s"), group_text,
                           sot_due_kind_label (sot_due_get_kind (self->item)));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), group_style (group));
  gtk_label_set_label (self->badge, badge);
  gtk_label_set_label (self->reference, sot_due_get_crime_reference (self->item));
  gtk_label_set_label (self->title, sot_due_get_what (self->item));
  gtk_label_set_label (self->when, sot_due_get_when_text (self->item));

  /* One sentence for a screen reader: the case, the state, what, when, whose. */
  description = g_strdup_printf ("%s, %s: %s. %s. %s",
                                 sot_due_get_crime_reference (self->item), badge,
                                 sot_due_get_what (self->item),
                                 sot_due_get_when_text (self->item),
                                 sot_due_get_owner (self->item));
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

  g_clear_object (&self->item);

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
    case PROP_ITEM:
      g_value_set_object (value, self->item);
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
    case PROP_ITEM:
      sot_deadline_row_set_item (self, g_value_get_object (value));
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

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SOT_TYPE_DUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/case/sot-deadline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SotDeadlineRow, header);
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

SotDue *
sot_deadline_row_get_item (SotDeadlineRow *self)
{
  g_return_val_if_fail (SOT_IS_DEADLINE_ROW (self), NULL);

  return self->item;
}

void
sot_deadline_row_set_item (SotDeadlineRow *self,
                           SotDue         *item)
{
  g_return_if_fail (SOT_IS_DEADLINE_ROW (self));
  g_return_if_fail (item == NULL || SOT_IS_DUE (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
sot_deadline_row_set_header (SotDeadlineRow *self,
                             const char     *header)
{
  g_return_if_fail (SOT_IS_DEADLINE_ROW (self));

  gtk_label_set_label (self->header, header);
  gtk_widget_set_visible (GTK_WIDGET (self->header), header != NULL);
}
