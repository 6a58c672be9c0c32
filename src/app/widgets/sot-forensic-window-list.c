/* sot-forensic-window-list.c: the forensic windows by sample type, as a boxed list
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-forensic-window-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-forensic-window-list.h"
#include "sot-forensic-window.h"

struct _SotForensicWindowList
{
  AdwBin      parent_instance;

  GtkListBox *list;
  GHashTable *status;   /* sample id → status id shown */
  GHashTable *value;    /* sample id → value text shown */
};

G_DEFINE_FINAL_TYPE (SotForensicWindowList, sot_forensic_window_list, ADW_TYPE_BIN)

static const char *
status_css (SotWindowStatus status)
{
  switch (status)
    {
    case SOT_WINDOW_OPEN:
      return "success";
    case SOT_WINDOW_CLOSING:
      return "warning";
    case SOT_WINDOW_CLOSED:
      return "error";
    case SOT_WINDOW_NO_FIGURE:
    default:
      return "dim-label";
    }
}

static GtkWidget *
window_row (SotForensicWindow *w,
            const char        *value)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (sot_window_status_label (w->status));

  if (w->certain_deadline != NULL)
    {
      g_autofree char *deadlines = sot_forensic_window_describe_deadlines (w);

      subtitle = g_strdup_printf ("%s\n%s", value, deadlines);
    }
  else
    subtitle = g_strdup (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 sot_forensic_sample_get_label (w->sample));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, status_css (w->status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  /* A figure nobody checked against a source is marked where the eye falls first. */
  if (!w->confirmed)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _(SOT_FORENSIC_VERIFY_NOTE));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(SOT_FORENSIC_VERIFY_NOTE), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  return row;
}

static void
sot_forensic_window_list_finalize (GObject *object)
{
  SotForensicWindowList *self = SOT_FORENSIC_WINDOW_LIST (object);

  g_hash_table_unref (self->status);
  g_hash_table_unref (self->value);

  G_OBJECT_CLASS (sot_forensic_window_list_parent_class)->finalize (object);
}

static void
sot_forensic_window_list_class_init (SotForensicWindowListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sot_forensic_window_list_finalize;
}

static void
sot_forensic_window_list_init (SotForensicWindowList *self)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Forensic windows by sample type"), -1);
  adw_bin_set_child (ADW_BIN (self), list);

  self->list = GTK_LIST_BOX (list);
  self->status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->value = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GtkWidget *
sot_forensic_window_list_new (void)
{
  return g_object_new (SOT_TYPE_FORENSIC_WINDOW_LIST, NULL);
}

void
sot_forensic_window_list_clear (SotForensicWindowList *self)
{
  GtkWidget *child;

  g_return_if_fail (SOT_IS_FORENSIC_WINDOW_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_hash_table_remove_all (self->status);
  g_hash_table_remove_all (self->value);
}

void
sot_forensic_window_list_set_windows (SotForensicWindowList *self,
                                      GPtrArray             *windows)
{
  g_return_if_fail (SOT_IS_FORENSIC_WINDOW_LIST (self));
  g_return_if_fail (windows != NULL);

  sot_forensic_window_list_clear (self);
  for (guint i = 0; i < windows->len; i++)
    {
      SotForensicWindow *w = g_ptr_array_index (windows, i);
      const char *id = sot_forensic_sample_get_id (w->sample);
      char *value = sot_forensic_window_describe_value (w);

      gtk_list_box_append (self->list, window_row (w, value));
      g_hash_table_insert (self->status, g_strdup (id),
                           g_strdup (sot_window_status_to_string (w->status)));
      g_hash_table_insert (self->value, g_strdup (id), value);
    }
}

void
sot_forensic_window_list_show_placeholder (SotForensicWindowList *self,
                                           const char            *text)
{
  GtkWidget *row;

  g_return_if_fail (SOT_IS_FORENSIC_WINDOW_LIST (self));
  g_return_if_fail (text != NULL);

  sot_forensic_window_list_clear (self);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (self->list, row);
}

const char *
sot_forensic_window_list_get_status (SotForensicWindowList *self,
                                     const char            *sample_id)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_WINDOW_LIST (self), NULL);
  return g_hash_table_lookup (self->status, sample_id);
}

const char *
sot_forensic_window_list_get_value (SotForensicWindowList *self,
                                    const char            *sample_id)
{
  g_return_val_if_fail (SOT_IS_FORENSIC_WINDOW_LIST (self), NULL);
  return g_hash_table_lookup (self->value, sample_id);
}
