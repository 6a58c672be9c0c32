/* sot-enquiry-dialog.c: adding a line of enquiry, or editing its owner, due date and notes
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-enquiry-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sot-enquiry-dialog.h"
#include "sot-form-dialog.h"
#include "sot-suspect.h"
#include "sot-time.h"

struct _SotEnquiryDialog
{
  AdwWindow         parent_instance;

  SotStore         *store;
  gint64            investigation_id;
  GListModel       *suspects;
  SotLineOfEnquiry *line;     /* edit mode; never changed here */
  SotLineOfEnquiry *saved;

  GtkWidget        *save_button;
  GtkLabel         *error_label;
  GtkWidget        *what_group;
  GtkWidget        *cps_group;
  AdwPreferencesGroup *work_group;
  AdwEntryRow      *title_row;
  AdwComboRow      *category_row;
  AdwComboRow      *focus_row;
  AdwComboRow      *suspect_row;
  AdwEntryRow      *owner_row;
  AdwEntryRow      *due_row;
  AdwEntryRow      *notes_row;
  AdwEntryRow      *cps_row;
};

G_DEFINE_FINAL_TYPE (SotEnquiryDialog, sot_enquiry_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INVESTIGATION_ID,
  PROP_SUSPECTS,
  PROP_LINE,
  N_PROPS
};

enum {
  LINE_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
show_error (SotEnquiryDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
mark_row (AdwEntryRow *row,
          gboolean     wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static guint
value_index (const char * const *values,
             const char         *value)
{
  for (guint i = 0; value != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* The category chosen, or %NULL while the placeholder at position 0 is shown. */
static const char *
chosen_category (SotEnquiryDialog *self)
{
  const char * const *categories = sot_enquiry_categories ();
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) categories))
    return NULL;

  return categories[selected - 1];
}

static const char *
chosen_focus (SotEnquiryDialog *self)
{
  const char * const *focuses = sot_enquiry_focuses ();
  guint selected = adw_combo_row_get_selected (self->focus_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) focuses))
    return NULL;

  return focuses[selected];
}

static gint64
chosen_suspect (SotEnquiryDialog *self)
{
  g_autoptr(SotSuspect) suspect = NULL;
  guint selected = adw_combo_row_get_selected (self->suspect_row);

  /* Position 0 is "No particular suspect". */
  if (self->suspects == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;

  suspect = g_list_model_get_item (self->suspects, selected - 1);
  return suspect != NULL ? sot_suspect_get_id (suspect) : 0;
}

/* Checks the due date as typed. Returns: (transfer full): the problem, or %NULL. */
static char *
due_problem (SotEnquiryDialog *self)
{
  g_autofree char *due = sot_entry_row_dup_text (self->due_row);
  g_autoptr(GError) error = NULL;
  GDate date;

  if (due == NULL || sot_date_parse (due, &date, &error))
    return NULL;

  /* Translators: %s is a sentence such as "2024-02-30 is not a real date". */
  return g_strdup_printf (_("Due date: %s."), error->message);
}

/* Checks the whole form; says what is wrong first and puts the focus there. */
static gboolean
check_form (SotEnquiryDialog *self)
{
  g_autofree char *title = sot_entry_row_dup_text (self->title_row);
  g_autofree char *due = due_problem (self);
  gboolean adding = self->line == NULL;

  mark_row (self->title_row, adding && title == NULL);
  mark_row (self->due_row, due != NULL);

  if (adding && title == NULL)
    {
      show_error (self, _("Give the line of enquiry a title."));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return FALSE;
    }

  if (adding && chosen_category (self) == NULL)
    {
      show_error (self, _("Choose the category of the line of enquiry."));
      gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
      return FALSE;
    }

  if (adding && chosen_focus (self) == NULL)
    {
      show_error (self, _("Choose whom the line of enquiry is about."));
      gtk_widget_grab_focus (GTK_WIDGET (self->focus_row));
      return FALSE;
    }

  if (due != NULL)
    {
      show_error (self, due);
      gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
      return FALSE;
    }

  show_error (self, NULL);
  return TRUE;
}

/* Signal callbacks */

static void
title_changed_cb (SotEnquiryDialog *self)
{
  g_autofree char *title = sot_entry_row_dup_text (self->title_row);

  /* Clear a complaint as soon as it is answered; do not complain while the officer types. */
  if (title != NULL && gtk_widget_has_css_class (GTK_WIDGET (self->title_row), "error"))
    {
      mark_row (self->title_row, FALSE);
      show_error (self, NULL);
    }
}

static void
due_changed_cb (SotEnquiryDialog *self)
{
  g_autofree char *due = sot_entry_row_dup_text (self->due_row);
  g_autofree char *problem = NULL;

  /* Judge a date once it is complete, or when it was already marked wrong. */
  if (due != NULL && strlen (due) < 10 &&
      !gtk_widget_has_css_class (GTK_WIDGET (self->due_row), "error"))
    return;

  problem = due_problem (self);
  mark_row (self->due_row, problem != NULL);
  show_error (self, problem);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SotEnquiryDialog *self = SOT_ENQUIRY_DIALOG (widget);
  g_autoptr(SotLineOfEnquiry) line = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = sot_entry_row_dup_text (self->title_row);
  g_autofree char *owner = sot_entry_row_dup_text (self->owner_row);
  g_autofree char *due = sot_entry_row_dup_text (self->due_row);
  g_autofree char *notes = sot_entry_row_dup_text (self->notes_row);
  g_autofree char *cps = sot_entry_row_dup_text (self->cps_row);
  gboolean ok;

  if (self->saved != NULL || !check_form (self))
    return;

  if (self->line == NULL)
    {
      line = sot_line_of_enquiry_new ();
      sot_line_of_enquiry_set_investigation_id (line, self->investigation_id);
      sot_line_of_enquiry_set_suspect_id (line, chosen_suspect (self));
      sot_line_of_enquiry_set_category (line, chosen_category (self));
      sot_line_of_enquiry_set_focus (line, chosen_focus (self));
      sot_line_of_enquiry_set_title (line, title);
      sot_line_of_enquiry_set_cps_advice_point (line, cps);
      /* The officer writing a line down plans to do it, as with an accepted proposal. */
      sot_line_of_enquiry_set_initial_status (line, SOT_ENQUIRY_PLANNED, NULL);
    }
  else
    {
      /* Edit a fresh copy: a refused save then leaves nothing half-changed on display. */
      line = sot_line_of_enquiry_load (self->store, sot_line_of_enquiry_get_uuid (self->line),
                                       &error);
      if (line == NULL)
        {
          show_error (self, error->message);
          return;
        }
    }

  sot_line_of_enquiry_set_owner (line, owner);
  sot_line_of_enquiry_set_due_on (line, due);
  sot_line_of_enquiry_set_notes (line, notes);

  if (self->line == NULL)
    ok = sot_line_of_enquiry_insert (line, self->store, &error);
  else
    ok = sot_line_of_enquiry_update (line, self->store, NULL, &error);

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  self->saved = g_steal_pointer (&line);
  g_signal_emit (self, signals[LINE_SAVED], 0, self->saved);
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static void
sot_enquiry_dialog_constructed (GObject *object)
{
  SotEnquiryDialog *self = (SotEnquiryDialog *)object;
  g_autoptr(GtkStringList) suspects = gtk_string_list_new (NULL);
  guint n = self->suspects != NULL ? g_list_model_get_n_items (self->suspects) : 0;

  G_OBJECT_CLASS (sot_enquiry_dialog_parent_class)->constructed (object);

  gtk_string_list_append (suspects, _("No particular suspect"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotSuspect) suspect = g_list_model_get_item (self->suspects, i);

      gtk_string_list_append (suspects, sot_suspect_get_display_name (suspect));
    }
  adw_combo_row_set_model (self->suspect_row, G_LIST_MODEL (suspects));
  /* With one suspect, a line is about him unless the officer says otherwise. */
  adw_combo_row_set_selected (self->suspect_row, n == 1 ? 1 : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->suspect_row), n > 0);

  if (self->line != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Line of Enquiry"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
      gtk_widget_set_visible (self->what_group, FALSE);
      gtk_widget_set_visible (self->cps_group, FALSE);
      adw_preferences_group_set_title (self->work_group, sot_line_of_enquiry_get_title (self->line));
      adw_preferences_group_set_description (self->work_group,
                                             _("The status is changed in the evidence list."));
      sot_enquiry_dialog_fill (self, self->line);
      gtk_widget_grab_focus (GTK_WIDGET (self->owner_row));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
sot_enquiry_dialog_dispose (GObject *object)
{
  SotEnquiryDialog *self = (SotEnquiryDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_ENQUIRY_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->suspects);
  g_clear_object (&self->line);
  g_clear_object (&self->saved);

  G_OBJECT_CLASS (sot_enquiry_dialog_parent_class)->dispose (object);
}

static void
sot_enquiry_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SotEnquiryDialog *self = SOT_ENQUIRY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_INVESTIGATION_ID:
      g_value_set_int64 (value, self->investigation_id);
      break;
    case PROP_SUSPECTS:
      g_value_set_object (value, self->suspects);
      break;
    case PROP_LINE:
      g_value_set_object (value, self->line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_enquiry_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SotEnquiryDialog *self = SOT_ENQUIRY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_INVESTIGATION_ID:
      self->investigation_id = g_value_get_int64 (value);
      break;
    case PROP_SUSPECTS:
      self->suspects = g_value_dup_object (value);
      break;
    case PROP_LINE:
      self->line = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_enquiry_dialog_class_init (SotEnquiryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_enquiry_dialog_constructed;
  object_class->dispose = sot_enquiry_dialog_dispose;
  object_class->get_property = sot_enquiry_dialog_get_property;
  object_class->set_property = sot_enquiry_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION_ID] =
    g_param_spec_int64 ("investigation-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUSPECTS] =
    g_param_spec_object ("suspects", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_object ("line", NULL, NULL, SOT_TYPE_LINE_OF_ENQUIRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SotEnquiryDialog::line-saved:
   * @line: the line as stored
   * The line was added, or its edits saved.
   */
  signals[LINE_SAVED] =
    g_signal_new ("line-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SOT_TYPE_LINE_OF_ENQUIRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/suspects/sot-enquiry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, what_group);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, work_group);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, cps_group);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, focus_row);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, suspect_row);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SotEnquiryDialog, cps_row);

  gtk_widget_class_install_action (widget_class, "enquiry-dialog.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sot_enquiry_dialog_init (SotEnquiryDialog *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) focuses = gtk_string_list_new (NULL);
  const char * const *category_values = sot_enquiry_categories ();
  const char * const *focus_values = sot_enquiry_focuses ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* No category is assumed: the officer says which kind of enquiry this is. */
  gtk_string_list_append (categories, _("Choose…"));
  for (guint i = 0; category_values[i] != NULL; i++)
    gtk_string_list_append (categories, sot_enquiry_category_label (category_values[i]));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  for (guint i = 0; focus_values[i] != NULL; i++)
    gtk_string_list_append (focuses, sot_enquiry_focus_label (focus_values[i]));
  adw_combo_row_set_model (self->focus_row, G_LIST_MODEL (focuses));
  adw_combo_row_set_selected (self->focus_row, value_index (focus_values, SOT_FOCUS_SUSPECT));

  g_signal_connect_swapped (self->title_row, "notify::text", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (self->due_row, "notify::text", G_CALLBACK (due_changed_cb), self);

  /* Enter in any field saves, as the Save button does. */
  adw_entry_row_set_activates_default (self->title_row, TRUE);
  adw_entry_row_set_activates_default (self->owner_row, TRUE);
  adw_entry_row_set_activates_default (self->due_row, TRUE);
  adw_entry_row_set_activates_default (self->notes_row, TRUE);
  adw_entry_row_set_activates_default (self->cps_row, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

/* Public functions */

SotEnquiryDialog *
sot_enquiry_dialog_new_add (GtkWindow  *parent,
                            SotStore   *store,
                            gint64      investigation_id,
                            GListModel *suspects,
                            const char *owner)
{
  SotEnquiryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (investigation_id > 0, NULL);
  g_return_val_if_fail (suspects == NULL || G_IS_LIST_MODEL (suspects), NULL);

  self = g_object_new (SOT_TYPE_ENQUIRY_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "investigation-id", investigation_id,
                       "suspects", suspects,
                       NULL);
  set_entry (self->owner_row, owner);

  return self;
}

SotEnquiryDialog *
sot_enquiry_dialog_new_edit (GtkWindow        *parent,
                             SotStore         *store,
                             SotLineOfEnquiry *line)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_LINE_OF_ENQUIRY (line), NULL);
  g_return_val_if_fail (sot_line_of_enquiry_get_uuid (line) != NULL, NULL);

  return g_object_new (SOT_TYPE_ENQUIRY_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "investigation-id", sot_line_of_enquiry_get_investigation_id (line),
                       "line", line,
                       NULL);
}

SotLineOfEnquiry *
sot_enquiry_dialog_get_line (SotEnquiryDialog *self)
{
  g_return_val_if_fail (SOT_IS_ENQUIRY_DIALOG (self), NULL);
  return self->line;
}

void
sot_enquiry_dialog_fill (SotEnquiryDialog *self,
                         SotLineOfEnquiry *values)
{
  g_return_if_fail (SOT_IS_ENQUIRY_DIALOG (self));
  g_return_if_fail (SOT_IS_LINE_OF_ENQUIRY (values));

  set_entry (self->owner_row, sot_line_of_enquiry_get_owner (values));
  set_entry (self->due_row, sot_line_of_enquiry_get_due_on (values));
  set_entry (self->notes_row, sot_line_of_enquiry_get_notes (values));

  if (self->line == NULL)
    {
      guint category = value_index (sot_enquiry_categories (),
                                    sot_line_of_enquiry_get_category (values));
      guint focus = value_index (sot_enquiry_focuses (), sot_line_of_enquiry_get_focus (values));
      guint n = self->suspects != NULL ? g_list_model_get_n_items (self->suspects) : 0;

      set_entry (self->title_row, sot_line_of_enquiry_get_title (values));
      set_entry (self->cps_row, sot_line_of_enquiry_get_cps_advice_point (values));
      adw_combo_row_set_selected (self->category_row,
                                  category != GTK_INVALID_LIST_POSITION ? category + 1 : 0);
      if (focus != GTK_INVALID_LIST_POSITION)
        adw_combo_row_set_selected (self->focus_row, focus);

      adw_combo_row_set_selected (self->suspect_row, 0);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SotSuspect) suspect = g_list_model_get_item (self->suspects, i);

          if (sot_suspect_get_id (suspect) == sot_line_of_enquiry_get_suspect_id (values))
            adw_combo_row_set_selected (self->suspect_row, i + 1);
        }
    }
}
