/* sot-status-cell.c: the status of a line of enquiry in the evidence list, as a drop-down
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-status-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-status-cell.h"

struct _SotStatusCell
{
  AdwBin            parent_instance;

  SotLineOfEnquiry *line;
  GtkDropDown      *dropdown;
  gulong            selected_id;
};

G_DEFINE_FINAL_TYPE (SotStatusCell, sot_status_cell, ADW_TYPE_BIN)

enum {
  STATUS_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
status_position (const char *status)
{
  const char * const *statuses = sot_enquiry_statuses ();

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
show_status (SotStatusCell *self)
{
  /* Showing the stored status is not a choice by the officer. */
  g_signal_handler_block (self->dropdown, self->selected_id);
  gtk_drop_down_set_selected (self->dropdown,
                              self->line != NULL
                              ? status_position (sot_line_of_enquiry_get_status (self->line))
                              : GTK_INVALID_LIST_POSITION);
  g_signal_handler_unblock (self->dropdown, self->selected_id);
}

static void
selected_cb (SotStatusCell *self)
{
  const char * const *statuses = sot_enquiry_statuses ();
  guint selected = gtk_drop_down_get_selected (self->dropdown);
  const char *status;

  if (self->line == NULL || selected >= g_strv_length ((char **) statuses))
    return;

  status = statuses[selected];
  if (g_strcmp0 (status, sot_line_of_enquiry_get_status (self->line)) == 0)
    return;

  /* The cell always shows the stored status; a refused or pending change does not stick. */
  show_status (self);
  g_signal_emit (self, signals[STATUS_CHOSEN], 0, status);
}

static void
sot_status_cell_dispose (GObject *object)
{
  SotStatusCell *self = SOT_STATUS_CELL (object);

  sot_status_cell_set_line (self, NULL);

  G_OBJECT_CLASS (sot_status_cell_parent_class)->dispose (object);
}

static void
sot_status_cell_class_init (SotStatusCellClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_status_cell_dispose;

  /**
   * SotStatusCell::status-chosen:
   * @status: the status the officer picked for the line
   */
  signals[STATUS_CHOSEN] =
    g_signal_new ("status-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sot_status_cell_init (SotStatusCell *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *statuses = sot_enquiry_statuses ();
  GtkWidget *dropdown;

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (labels, sot_enquiry_status_label (statuses[i]));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Status"), -1);
  self->selected_id = g_signal_connect_swapped (dropdown, "notify::selected",
                                                G_CALLBACK (selected_cb), self);
  self->dropdown = GTK_DROP_DOWN (dropdown);
  adw_bin_set_child (ADW_BIN (self), dropdown);
}

GtkWidget *
sot_status_cell_new (void)
{
  return g_object_new (SOT_TYPE_STATUS_CELL, NULL);
}

void
sot_status_cell_set_line (SotStatusCell    *self,
                          SotLineOfEnquiry *line)
{
  g_return_if_fail (SOT_IS_STATUS_CELL (self));
  g_return_if_fail (line == NULL || SOT_IS_LINE_OF_ENQUIRY (line));

  if (self->line == line)
    return;

  if (self->line != NULL)
    g_signal_handlers_disconnect_by_func (self->line, show_status, self);
  g_set_object (&self->line, line);
  if (line != NULL)
    {
      g_signal_connect_swapped (line, "notify::status", G_CALLBACK (show_status), self);
      show_status (self);
    }
}

SotLineOfEnquiry *
sot_status_cell_get_line (SotStatusCell *self)
{
  g_return_val_if_fail (SOT_IS_STATUS_CELL (self), NULL);

  return self->line;
}

GtkDropDown *
sot_status_cell_get_drop_down (SotStatusCell *self)
{
  g_return_val_if_fail (SOT_IS_STATUS_CELL (self), NULL);

  return self->dropdown;
}
