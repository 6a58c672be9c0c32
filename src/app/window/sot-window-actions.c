/* sot-window-actions.c: the main window's actions: new, edit, delete and undo, pages, views
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-application.h"
#include "sot-backup-dialog.h"
#include "sot-evaluation-view.h"
#include "sot-export-dialog.h"
#include "sot-investigation-dialog.h"
#include "sot-toolkit-view.h"
#include "sot-window-private.h"

static void
dialog_saved_cb (SotWindow              *self,
                 SotInvestigation       *saved,
                 SotInvestigationDialog *dialog)
{
  g_autoptr(SotInvestigation) edited = NULL;

  g_object_get (dialog, "investigation", &edited, NULL);

  /* A new case is opened and selected; an edited one is already bound where it is shown. */
  if (edited == NULL)
    {
      g_free (self->select_when_listed);
      self->select_when_listed = g_strdup (sot_investigation_get_uuid (saved));
      _sot_window_queue_select_when_listed (self);
    }
}

static void
present_dialog (SotWindow        *self,
                SotInvestigation *investigation)
{
  SotInvestigationDialog *dialog;

  dialog = sot_investigation_dialog_new (GTK_WINDOW (self), self->store, investigation);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast_dismissed_cb (SotWindow *self,
                    AdwToast  *toast)
{
  /* The toast's Undo carries the case's UUID. */
  GVariant *target = adw_toast_get_action_target_value (toast);
  const char *uuid = g_variant_get_string (target, NULL);
  g_autoptr(SotInvestigation) investigation = NULL;
  g_autofree char *key = NULL;

  /* Undone, or already made final when the window closed. */
  if (self->pending_deletions == NULL ||
      !g_hash_table_steal_extended (self->pending_deletions, uuid,
                                    (gpointer *) &key, (gpointer *) &investigation))
    return;

  _sot_window_erase (self, investigation, FALSE);

  /* After a failed erasure the case shows again; after a successful one this is a no-op. */
  gtk_filter_changed (GTK_FILTER (self->pending_filter), GTK_FILTER_CHANGE_LESS_STRICT);
  _sot_window_update_list_state (self);
}

static void
new_investigation_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  present_dialog (SOT_WINDOW (widget), NULL);
}

static void
edit_investigation_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);

  if (self->current != NULL)
    present_dialog (self, self->current);
}

/* Hides the case at once and erases it only when its toast goes without Undo, as GNOME
 * Calendar does. */
static void
delete_investigation_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);
  g_autoptr(SotInvestigation) investigation = NULL;
  g_autofree char *escaped = NULL;
  const char *uuid;
  AdwToast *toast;

  if (self->current == NULL)
    return;

  investigation = g_object_ref (self->current);
  uuid = sot_investigation_get_uuid (investigation);

  g_hash_table_insert (self->pending_deletions, g_strdup (uuid), g_object_ref (investigation));
  gtk_filter_changed (GTK_FILTER (self->pending_filter), GTK_FILTER_CHANGE_MORE_STRICT);

  _sot_window_open_investigation (self, NULL);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);

  escaped = g_markup_escape_text (sot_investigation_get_crime_reference (investigation), -1);
  /* Translators: the toast after a deletion, with the crime reference; it can be undone. */
  toast = adw_toast_new_format (_("Investigation %s deleted"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uuid));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  _sot_window_update_list_state (self);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  if (self->pending_deletions == NULL || !g_hash_table_remove (self->pending_deletions, uuid))
    return;

  gtk_filter_changed (GTK_FILTER (self->pending_filter), GTK_FILTER_CHANGE_LESS_STRICT);
  _sot_window_update_list_state (self);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
toggle_due_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);

  gtk_toggle_button_set_active (self->due_button, !gtk_toggle_button_get_active (self->due_button));
}

/* The Toolkit: the forensic window calculator and guidance, with no case open (for trainers
 * too), in a window of its own beside the investigations. */
static void
toolkit_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Forensic Toolkit"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (widget));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), sot_toolkit_view_new (NULL));
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
export_dataset_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (sot_export_dialog_new (self->store, GTK_WINDOW (self))));
}

static void
backup_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);

  sot_form_dialog_present (SOT_FORM_DIALOG (sot_backup_dialog_new (GTK_WINDOW (self),
                                                                   self->store)));
}

static void
evaluation_export_clicked_cb (GtkButton *button,
                              SotWindow *self)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  gtk_window_present (GTK_WINDOW (sot_export_dialog_new (self->store, parent)));
}

/* Evaluation: the metrics and charts of the workspace, and the dataset export for evaluators,
 * in a window of its own beside the investigations. */
static void
evaluation_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *export_button = gtk_button_new_with_mnemonic (_("_Export Dataset…"));

  gtk_widget_add_css_class (export_button, "suggested-action");
  gtk_widget_set_tooltip_text (
    export_button, _("Write a pseudonymised, disclosure-controlled dataset for evaluators"));
  g_signal_connect_object (export_button, "clicked", G_CALLBACK (evaluation_export_clicked_cb),
                           self, 0);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), export_button);

  gtk_window_set_title (GTK_WINDOW (window), sot_store_get_training (self->store)
                                             ? _("Evaluation — Training (fictional data)")
                                             : _("Evaluation"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (widget));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 780);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), sot_evaluation_view_new (self->store));
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* Shows a page of the open investigation by name ("overview", "suspect-focus", …). */
static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->current == NULL || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
open_training_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "app.training", NULL);
}

static void
reset_training_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "app.reset-training", NULL);
}

void
_sot_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-investigation", NULL,
                                   new_investigation_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-investigation", NULL,
                                   edit_investigation_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-investigation", NULL,
                                   delete_investigation_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.toolkit", NULL, toolkit_activated);
  gtk_widget_class_install_action (widget_class, "win.evaluation", NULL, evaluation_activated);
  gtk_widget_class_install_action (widget_class, "win.export-dataset", NULL,
                                   export_dataset_activated);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_activated);
  gtk_widget_class_install_action (widget_class, "win.toggle-due", NULL, toggle_due_activated);
  gtk_widget_class_install_action (widget_class, "win.open-training", NULL,
                                   open_training_activated);
  gtk_widget_class_install_action (widget_class, "win.reset-training", NULL,
                                   reset_training_activated);

  /* Alt+number goes to a page of the open investigation, in the order of the switcher. */
  {
    static const char * const pages[] = {
      "overview", "suspect-focus", "forensics", "victim", "timeline",
    };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                           "win.show-page", "s", pages[i]);
  }

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.toggle-due", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.toolkit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-investigation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.edit-investigation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "win.delete-investigation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "win.delete-investigation", NULL);
}
