/* sot-suspect-dialog.c: adding a suspect, then the suggested repeat-suspect links
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-suspect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-suspect-dialog.h"
#include "sot-form-dialog.h"

struct _SotSuspectDialog
{
  AdwWindow     parent_instance;

  SotStore     *store;
  SotChecklist *checklist;
  gint64        investigation_id;
  SotSuspect   *suspect;
  GListModel   *matches;

  GtkStack     *stack;
  GtkWidget    *add_button;
  GtkWidget    *cancel_button;
  GtkWidget    *done_button;
  GtkLabel     *error_label;
  AdwEntryRow  *given_row;
  AdwEntryRow  *family_row;
  AdwEntryRow  *dob_row;
  AdwEntryRow  *local_row;
  AdwComboRow  *relationship_row;
  GtkListBox   *match_list;
};

G_DEFINE_FINAL_TYPE (SotSuspectDialog, sot_suspect_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CHECKLIST,
  PROP_INVESTIGATION_ID,
  N_PROPS
};

enum {
  SUSPECT_ADDED,
  SUSPECT_LINKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (SotSuspectDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static GtkWidget *
create_match_row (gpointer item,
                  gpointer user_data)
{
  SotSuspectMatch *match = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *why;

  if (sot_suspect_match_get_by_name_and_dob (match) && sot_suspect_match_get_by_local_id (match))
    why = _("same name, date of birth and local person ID");
  else if (sot_suspect_match_get_by_local_id (match))
    why = _("same local person ID");
  else
    why = _("same name and date of birth");

  title = g_strdup_printf ("%s · %s", sot_suspect_match_get_display_name (match),
                           sot_suspect_match_get_crime_reference (match));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Suspect in %u investigation; %s",
                                           "Suspect in %u investigations; %s",
                                           sot_suspect_match_get_n_investigations (match)),
                              sot_suspect_match_get_n_investigations (match), why);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (_("_Link"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "suspect-dialog.link");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                    sot_suspect_match_get_person_id (match));
  gtk_widget_set_tooltip_text (button, _("Record that this is the same person"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SotSuspectDialog *self = SOT_SUSPECT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SotSuspect) suspect = NULL;
  g_autofree char *given = sot_entry_row_dup_text (self->given_row);
  g_autofree char *family = sot_entry_row_dup_text (self->family_row);
  g_autofree char *dob = sot_entry_row_dup_text (self->dob_row);
  g_autofree char *local = sot_entry_row_dup_text (self->local_row);
  const char * const *relationships = sot_suspect_relationships ();
  SotPersonDetails d = { 0 };
  guint selected;

  if (self->suspect != NULL)
    return;

  selected = adw_combo_row_get_selected (self->relationship_row);

  d.age_at_offence = -1;
  d.given_name = given;
  d.family_name = family;
  d.date_of_birth = dob;
  d.local_person_id = local;
  d.relationship = selected < g_strv_length ((char **) relationships)
                   ? relationships[selected] : SOT_RELATIONSHIP_UNKNOWN;

  suspect = sot_suspect_add (self->store, self->investigation_id, &d, self->checklist, &error);
  if (suspect == NULL)
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  self->suspect = g_steal_pointer (&suspect);
  g_signal_emit (self, signals[SUSPECT_ADDED], 0, self->suspect);

  self->matches = sot_suspect_find_matches (self->suspect, self->store, &error);
  if (self->matches == NULL)
    g_warning ("Cannot look for matching suspects: %s", error->message);

  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->done_button, TRUE);

  /* With nothing to link there is no second step. */
  if (self->matches == NULL || g_list_model_get_n_items (self->matches) == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  gtk_list_box_bind_model (self->match_list, self->matches, create_match_row, self, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Possible Repeat Suspect"));
  gtk_stack_set_visible_child_name (self->stack, "matches");
  gtk_widget_grab_focus (self->done_button);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SotSuspectDialog *self = SOT_SUSPECT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 person_id = g_variant_get_int64 (parameter);

  if (self->suspect == NULL)
    return;

  if (!sot_suspect_link (self->suspect, self->store, person_id, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SUSPECT_LINKED], 0, self->suspect);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sot_suspect_dialog_dispose (GObject *object)
{
  SotSuspectDialog *self = (SotSuspectDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_SUSPECT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->checklist);
  g_clear_object (&self->suspect);
  g_clear_object (&self->matches);

  G_OBJECT_CLASS (sot_suspect_dialog_parent_class)->dispose (object);
}

static void
sot_suspect_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SotSuspectDialog *self = SOT_SUSPECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    case PROP_INVESTIGATION_ID:
      g_value_set_int64 (value, self->investigation_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_suspect_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SotSuspectDialog *self = SOT_SUSPECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CHECKLIST:
      self->checklist = g_value_dup_object (value);
      break;
    case PROP_INVESTIGATION_ID:
      self->investigation_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_suspect_dialog_class_init (SotSuspectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sot_suspect_dialog_dispose;
  object_class->get_property = sot_suspect_dialog_get_property;
  object_class->set_property = sot_suspect_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, SOT_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION_ID] =
    g_param_spec_int64 ("investigation-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SotSuspectDialog::suspect-added:
   * The suspect was recorded (and the checklist proposed for him).
   */
  signals[SUSPECT_ADDED] =
    g_signal_new ("suspect-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SOT_TYPE_SUSPECT);

  /**
   * SotSuspectDialog::suspect-linked:
   * The officer linked the new suspect to a person of other investigations.
   */
  signals[SUSPECT_LINKED] =
    g_signal_new ("suspect-linked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SOT_TYPE_SUSPECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/suspects/sot-suspect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, given_row);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, family_row);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, dob_row);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, local_row);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, relationship_row);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectDialog, match_list);

  gtk_widget_class_install_action (widget_class, "suspect-dialog.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "suspect-dialog.link", "x", link_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sot_suspect_dialog_init (SotSuspectDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *relationships = sot_suspect_relationships ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; relationships[i] != NULL; i++)
    gtk_string_list_append (labels, sot_suspect_relationship_label (relationships[i]));

  adw_combo_row_set_model (self->relationship_row, G_LIST_MODEL (labels));
  /* Unknown until the victim or the enquiry says otherwise. */
  adw_combo_row_set_selected (self->relationship_row, g_strv_length ((char **) relationships) - 1);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);
}

SotSuspectDialog *
sot_suspect_dialog_new (GtkWindow    *parent,
                        SotStore     *store,
                        gint64        investigation_id,
                        SotChecklist *checklist)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return g_object_new (SOT_TYPE_SUSPECT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "investigation-id", investigation_id,
                       "checklist", checklist,
                       NULL);
}

void
sot_suspect_dialog_set_details (SotSuspectDialog *self,
                                const char       *given_name,
                                const char       *family_name,
                                const char       *date_of_birth,
                                const char       *local_person_id,
                                const char       *relationship)
{
  const char * const *relationships = sot_suspect_relationships ();

  g_return_if_fail (SOT_IS_SUSPECT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->given_row), given_name ? given_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->family_row), family_name ? family_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->dob_row), date_of_birth ? date_of_birth : "");
  gtk_editable_set_text (GTK_EDITABLE (self->local_row), local_person_id ? local_person_id : "");

  for (guint i = 0; relationship != NULL && relationships[i] != NULL; i++)
    if (g_str_equal (relationships[i], relationship))
      adw_combo_row_set_selected (self->relationship_row, i);
}

SotSuspect *
sot_suspect_dialog_get_suspect (SotSuspectDialog *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_DIALOG (self), NULL);
  return self->suspect;
}

GListModel *
sot_suspect_dialog_get_matches (SotSuspectDialog *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_DIALOG (self), NULL);
  return self->matches;
}
