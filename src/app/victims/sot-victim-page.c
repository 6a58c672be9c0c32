/* sot-victim-page.c: the Victim page, Victims' Code rights, contact and CPS joint working
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-contact-dialog.h"
#include "sot-cps-dialogs.h"
#include "sot-cps.h"
#include "sot-deadline.h"
#include "sot-isva-dialog.h"
#include "sot-isva.h"
#include "sot-line-of-enquiry.h"
#include "sot-right6.h"
#include "sot-time.h"
#include "sot-victim-contact.h"
#include "sot-victim-dialogs.h"
#include "sot-victim-forms.h"
#include "sot-victim-letter.h"
#include "sot-victim-page-private.h"
#include "sot-victim-page.h"
#include "sot-victim-rights.h"
#include "sot-victim-rows.h"


G_DEFINE_FINAL_TYPE (SotVictimPage, sot_victim_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INVESTIGATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SotVictimPage *self);

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                               */

gint64
sot_victim_page_case_id (SotVictimPage *self)
{
  return self->investigation != NULL ? sot_investigation_get_id (self->investigation) : 0;
}

/* Removes the rows, keeping the placeholder. */
void
sot_victim_clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_set_placeholder (list, label);
}

GtkWindow *
sot_victim_page_parent_window (SotVictimPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
sot_victim_page_show_error (SotVictimPage *self,
                            const char    *heading,
                            const GError  *error)
{
  sot_victim_show_error (sot_victim_page_parent_window (self), heading, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Forms                                                                                       */

GtkWidget *
sot_victim_page_open_log_contact_dialog (SotVictimPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) deadlines = NULL;
  SotContactDialog *dialog;

  g_return_val_if_fail (SOT_IS_VICTIM_PAGE (self), NULL);

  if (self->investigation == NULL)
    return NULL;

  deadlines = sot_deadline_list_for_investigation (self->store, sot_victim_page_case_id (self),
                                                   TRUE, &error);
  if (deadlines == NULL)
    {
      sot_victim_page_show_error (self, _("Cannot Read the Deadlines"), error);
      return NULL;
    }

  dialog = sot_contact_dialog_new (sot_victim_page_parent_window (self), self->store,
                                   sot_victim_page_case_id (self), self->victim_id,
                                   self->agreed_channel, deadlines);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
  return GTK_WIDGET (dialog);
}

static void
log_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sot_victim_page_open_log_contact_dialog (SOT_VICTIM_PAGE (widget));
}

static void
record_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  gint64 id = sot_victim_page_case_id (self);
  /* Without the suspects, the event is recorded about no one. */
  g_autoptr(GListModel) suspects = sot_cps_list_suspects (self->store, id, NULL);
  SotEventDialog *dialog = sot_event_dialog_new (sot_victim_page_parent_window (self), self->store,
                                                 id, suspects);

  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
change_agreement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  SotAgreementDialog *dialog = sot_agreement_dialog_new (sot_victim_page_parent_window (self),
                                                         self->store, self->victim_id,
                                                         self->agreed_frequency,
                                                         self->agreed_channel);

  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
record_letter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  SotLetterDialog *dialog = sot_letter_dialog_new (sot_victim_page_parent_window (self),
                                                   self->store, sot_victim_page_case_id (self),
                                                   self->victim_id);

  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
add_isva_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  SotIsvaDialog *dialog = sot_isva_dialog_new (sot_victim_page_parent_window (self), self->store,
                                               self->victim_id, NULL);

  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

GtkWidget *
sot_victim_page_open_isva_dialog (SotVictimPage *self,
                                  const char    *isva_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) isvas = NULL;
  SotIsvaDialog *dialog;

  g_return_val_if_fail (SOT_IS_VICTIM_PAGE (self), NULL);
  g_return_val_if_fail (isva_uuid != NULL, NULL);

  if (self->investigation == NULL)
    return NULL;

  isvas = sot_isva_list (self->store, sot_victim_page_case_id (self), &error);
  if (isvas == NULL)
    {
      sot_victim_page_show_error (self, _("Cannot Read the ISVAs"), error);
      return NULL;
    }

  for (guint i = 0; i < g_list_model_get_n_items (isvas); i++)
    {
      g_autoptr(SotIsva) isva = g_list_model_get_item (isvas, i);

      if (!g_str_equal (sot_isva_get_uuid (isva), isva_uuid))
        continue;

      dialog = sot_isva_dialog_new (sot_victim_page_parent_window (self), self->store,
                                    sot_isva_get_victim_id (isva), isva);
      sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
      return GTK_WIDGET (dialog);
    }

  return NULL;
}

static void
edit_isva_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sot_victim_page_open_isva_dialog (SOT_VICTIM_PAGE (widget),
                                    g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------------------------------ */
/* Enhanced rights                                                                             */

static void
opt_out_response_cb (SotVictimPage *self)
{
  /* Shows the stored state again, whatever happened. */
  reload (self);
}

static gboolean
enhanced_state_set_cb (SotVictimPage *self,
                       gboolean       state,
                       GtkSwitch     *toggle)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->victim_id == 0)
    return FALSE;

  if (state)
    {
      if (!sot_victim_set_enhanced (self->store, self->victim_id, TRUE, NULL, NULL, &error))
        sot_victim_page_show_error (self, _("The Rights Were Not Changed"), error);
    }
  else
    {
      SotOptOutDialog *dialog = sot_opt_out_dialog_new (sot_victim_page_parent_window (self),
                                                        self->store, self->victim_id);

      /* After the form's own handler has saved. */
      g_signal_connect_object (dialog, "response", G_CALLBACK (opt_out_response_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
    }

  /* The switch follows the store (reload), not the click. */
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                     */

static void
update_actions (SotVictimPage *self)
{
  gboolean has_case = self->investigation != NULL;
  gboolean has_victim = has_case && self->victim_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.log-contact", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.record-event", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.change-agreement", has_victim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.add-isva", has_victim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.walkthrough", has_victim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.record-letter", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.request-advice", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.charging-file", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.record-decision", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim-page.add-action", has_case);
}

/* Fills the victim selector (shown only when the case has several victims) and selects the
 * victim picked before, or the first one. */
static void
update_victim_selector (SotVictimPage *self,
                        GListModel    *victims)
{
  guint n = victims != NULL ? g_list_model_get_n_items (victims) : 0;
  guint n_labels = g_list_model_get_n_items (G_LIST_MODEL (self->victim_labels));
  guint selected = 0;

  g_array_set_size (self->victim_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotVictimInfo) info = g_list_model_get_item (victims, i);
      gint64 id = sot_victim_info_get_id (info);

      g_array_append_val (self->victim_ids, id);
      if (id == self->chosen_victim_id)
        selected = i;
    }

  /* The selector's own signals must not reload the page while it is being filled. */
  self->loading = TRUE;
  if (n_labels != n)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) labels = NULL;

      for (guint i = 0; i < n; i++)
        {
          /* TRANSLATORS: the victims of a case are numbered in the order they were recorded */
          g_autofree char *label = g_strdup_printf (_("Victim %u of %u"), i + 1, n);

          g_strv_builder_add (builder, label);
        }
      labels = g_strv_builder_end (builder);
      gtk_string_list_splice (self->victim_labels, 0, n_labels, (const char * const *) labels);
    }
  if (n > 0)
    adw_combo_row_set_selected (self->victim_row, selected);
  self->loading = FALSE;

  self->chosen_victim_id = n > 0 ? g_array_index (self->victim_ids, gint64, selected) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->victim_group), n > 1);
}

static void
victim_selected_cb (SotVictimPage *self,
                    GParamSpec    *pspec,
                    AdwComboRow   *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || selected >= self->victim_ids->len)
    return;

  if (g_array_index (self->victim_ids, gint64, selected) == self->victim_id)
    return;

  self->chosen_victim_id = g_array_index (self->victim_ids, gint64, selected);
  reload (self);
}

static void
load_rights (SotVictimPage *self,
             GError       **error)
{
  g_autoptr(GListModel) victims = sot_victim_info_list (self->store,
                                                        sot_victim_page_case_id (self), error);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(SotVictimInfo) info = NULL;
  guint n_history;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  self->victim_id = 0;
  g_clear_pointer (&self->victim_uuid, g_free);
  g_clear_pointer (&self->agreed_channel, g_free);
  self->agreed_frequency = 0;

  update_victim_selector (self, victims);

  if (victims == NULL || g_list_model_get_n_items (victims) == 0)
    {
      adw_action_row_set_subtitle (self->enhanced_row, _("No victim recorded"));
      adw_action_row_set_subtitle (self->cadence_row, _("No victim recorded"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->enhanced_switch), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->history_row), FALSE);
      sot_victim_page_load_language (self);
      return;
    }

  info = g_list_model_get_item (victims, adw_combo_row_get_selected (self->victim_row));
  self->victim_id = sot_victim_info_get_id (info);
  self->victim_uuid = g_strdup (sot_victim_info_get_uuid (info));
  sot_victim_page_load_language (self);
  self->agreed_channel = g_strdup (sot_victim_info_get_channel (info));
  self->agreed_frequency = sot_victim_info_get_frequency_days (info);

  self->loading = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->enhanced_switch), TRUE);
  gtk_switch_set_state (self->enhanced_switch, sot_victim_info_get_enhanced (info));
  gtk_switch_set_active (self->enhanced_switch, sot_victim_info_get_enhanced (info));
  self->loading = FALSE;

  if (sot_victim_info_get_enhanced (info))
    adw_action_row_set_subtitle (self->enhanced_row,
                                 _("Told within 1 working day (the default for complainants of "
                                   "sexual offences)"));
  else
    {
      g_autofree char *on = sot_victim_display_date (sot_victim_info_get_opt_out_on (info));
      g_autofree char *text = g_strdup_printf (_("Opted out on %s: told within 5 working days"),
                                               on != NULL ? on : "?");

      adw_action_row_set_subtitle (self->enhanced_row, text);
    }

  if (self->agreed_frequency > 0)
    {
      g_autofree char *text = sot_victim_agreement_text (self->agreed_frequency,
                                                         self->agreed_channel);

      adw_action_row_set_subtitle (self->cadence_row, text);
    }
  else
    adw_action_row_set_subtitle (self->cadence_row, _("Not agreed yet"));

  history = sot_victim_preference_history (self->store, self->victim_id, error);
  if (history == NULL)
    return;

  /* The first agreement is the one in force, shown above; the earlier ones unfold here. */
  n_history = g_list_model_get_n_items (history);
  for (guint i = 1; i < n_history; i++)
    {
      g_autoptr(SotContactPreference) preference = g_list_model_get_item (history, i);
      GtkWidget *row = sot_agreement_row_new (preference);

      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), n_history > 1);
}

static void
load_deadlines (SotVictimPage *self,
                GError       **error)
{
  g_autoptr(GListModel) deadlines = NULL;

  sot_victim_clear_list (self->deadlines_list);

  deadlines = sot_deadline_list_for_investigation (self->store, sot_victim_page_case_id (self),
                                                   FALSE, error);
  if (deadlines == NULL)
    return;

  /* Open deadlines first (overdue at the top), then the met ones, most recent first. */
  for (int pass = 0; pass < 2; pass++)
    {
      guint n = g_list_model_get_n_items (deadlines);

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(SotDeadline) d = g_list_model_get_item (deadlines,
                                                            pass == 0 ? k : n - 1 - k);

          if ((sot_deadline_get_met_at (d) == NULL) == (pass == 0))
            gtk_list_box_append (self->deadlines_list, sot_victim_deadline_row_new (d));
        }
    }
}

/* Which records of a list the victim shown sees, by their "victim-id" property. */
typedef struct {
  gint64   victim_id;     /* the victim shown, 0 when the case has none */
  gboolean shared;        /* also the records of no victim in particular (victim-id 0) */
} VictimFilter;

static gboolean
victim_filter_match (gpointer item,
                     gpointer user_data)
{
  const VictimFilter *filter = user_data;
  gint64 victim_id = 0;

  g_object_get (item, "victim-id", &victim_id, NULL);
  if (filter->shared && (victim_id == 0 || filter->victim_id == 0))
    return TRUE;

  return victim_id == filter->victim_id;
}

/* Binds @list to the records (transfer full; %NULL: none) of the victim shown. */
static void
bind_victim_records (SotVictimPage              *self,
                     GtkListBox                 *list,
                     GListModel                 *records,
                     gboolean                    shared,
                     GtkListBoxCreateWidgetFunc  create)
{
  VictimFilter filter = { self->victim_id, shared };
  GtkCustomFilter *custom;
  g_autoptr(GtkFilterListModel) model = NULL;

  if (records == NULL)
    {
      gtk_list_box_bind_model (list, NULL, NULL, NULL, NULL);
      return;
    }

  custom = gtk_custom_filter_new (victim_filter_match, g_memdup2 (&filter, sizeof filter),
                                  g_free);
  model = gtk_filter_list_model_new (records, GTK_FILTER (custom));
  gtk_list_box_bind_model (list, G_LIST_MODEL (model), create, NULL, NULL);
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  return sot_contact_row_new (item);
}

static GtkWidget *
create_isva_row (gpointer item,
                 gpointer user_data)
{
  return sot_isva_row_new (item);
}

static GtkWidget *
create_letter_row (gpointer item,
                   gpointer user_data)
{
  return sot_letter_row_new (item);
}

static void
load_contacts (SotVictimPage *self,
               GError       **error)
{
  /* With several victims, each one's own contacts (and those recorded for no one). */
  bind_victim_records (self, self->contacts_list,
                       sot_victim_contact_list (self->store, sot_victim_page_case_id (self),
                                                error),
                       TRUE, create_contact_row);
}

static void
load_isva_and_letters (SotVictimPage *self,
                       GError       **error)
{
  gint64 case_id = sot_victim_page_case_id (self);

  /* Each victim has their own ISVA. */
  bind_victim_records (self, self->isva_list, sot_isva_list (self->store, case_id, error), FALSE,
                       create_isva_row);
  if (error != NULL && *error != NULL)
    {
      bind_victim_records (self, self->letters_list, NULL, TRUE, NULL);
      return;
    }

  bind_victim_records (self, self->letters_list,
                       sot_victim_letter_list (self->store, case_id, error), TRUE,
                       create_letter_row);
}

static void
reload (SotVictimPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  if (self->investigation == NULL || self->store == NULL)
    {
      self->victim_id = 0;
      g_clear_pointer (&self->victim_uuid, g_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  load_rights (self, &error);
  if (error == NULL)
    load_deadlines (self, &error);
  if (error == NULL)
    load_contacts (self, &error);
  if (error == NULL)
    load_isva_and_letters (self, &error);
  if (error == NULL)
    sot_victim_page_load_cps (self, &error);

  if (error != NULL)
    g_warning ("Cannot read the victim’s records: %s", error->message);

  gtk_stack_set_visible_child_name (self->stack, "content");
  update_actions (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SotVictimPage *self = user_data;

  self->reload_id = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SotVictimPage *self,
                  const char    *entity_type,
                  const char    *action,
                  const char    *entity_uuid,
                  SotStore      *store)
{
  if (self->investigation != NULL && self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                     */

static void
sot_victim_page_constructed (GObject *object)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (object);

  G_OBJECT_CLASS (sot_victim_page_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  reload (self);
}

static void
sot_victim_page_dispose (GObject *object)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->victim_ids, g_array_unref);
  g_clear_pointer (&self->collapsed_advice, g_hash_table_unref);
  /* The stack is both AdwBin's child and a template child: AdwBin lets go of it first, so
   * that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_VICTIM_PAGE);
  g_clear_object (&self->investigation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_victim_page_parent_class)->dispose (object);
}

static void
sot_victim_page_finalize (GObject *object)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (object);

  g_free (self->agreed_channel);
  g_free (self->victim_uuid);
  g_free (self->walkthrough_path);

  G_OBJECT_CLASS (sot_victim_page_parent_class)->finalize (object);
}

static void
sot_victim_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_INVESTIGATION:
      g_value_set_object (value, self->investigation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_victim_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_INVESTIGATION:
      sot_victim_page_set_investigation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_victim_page_class_init (SotVictimPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_victim_page_constructed;
  object_class->dispose = sot_victim_page_dispose;
  object_class->finalize = sot_victim_page_finalize;
  object_class->get_property = sot_victim_page_get_property;
  object_class->set_property = sot_victim_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION] =
    g_param_spec_object ("investigation", NULL, NULL, SOT_TYPE_INVESTIGATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/victims/sot-victim-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, victim_group);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, victim_row);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, victim_labels);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, enhanced_row);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, enhanced_switch);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, history_row);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, isva_list);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, letters_group);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, letters_list);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, cps_list);

  gtk_widget_class_install_action (widget_class, "victim-page.log-contact",
                                   NULL, log_contact_action);
  gtk_widget_class_install_action (widget_class, "victim-page.record-event", NULL,
                                   record_event_action);
  gtk_widget_class_install_action (widget_class, "victim-page.change-agreement", NULL,
                                   change_agreement_action);
  gtk_widget_class_install_action (widget_class, "victim-page.add-isva", NULL, add_isva_action);
  gtk_widget_class_install_action (widget_class, "victim-page.record-letter", NULL,
                                   record_letter_action);
  gtk_widget_class_install_action (widget_class, "victim-page.edit-isva", "s", edit_isva_action);
  sot_victim_page_install_cps_actions (widget_class);
  sot_victim_page_install_walkthrough_actions (widget_class);
}

static void
sot_victim_page_init (SotVictimPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_rows = g_ptr_array_new ();
  self->victim_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->collapsed_advice = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  set_placeholder (self->deadlines_list, _("No Victims’ Code event recorded"));
  set_placeholder (self->contacts_list, _("No contact logged"));
  set_placeholder (self->isva_list, _("No ISVA recorded"));
  set_placeholder (self->letters_list, _("No letter recorded"));
  set_placeholder (self->cps_list, _("No early advice, file or decision recorded"));

  g_signal_connect_object (self->enhanced_switch, "state-set",
                           G_CALLBACK (enhanced_state_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->victim_row, "notify::selected",
                           G_CALLBACK (victim_selected_cb), self, G_CONNECT_SWAPPED);
  sot_victim_page_init_language (self);
}

GtkWidget *
sot_victim_page_new (SotStore *store)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return g_object_new (SOT_TYPE_VICTIM_PAGE, "store", store, NULL);
}

SotStore *
sot_victim_page_get_store (SotVictimPage *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_PAGE (self), NULL);

  return self->store;
}

SotInvestigation *
sot_victim_page_get_investigation (SotVictimPage *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_PAGE (self), NULL);

  return self->investigation;
}

void
sot_victim_page_set_investigation (SotVictimPage    *self,
                                   SotInvestigation *investigation)
{
  g_return_if_fail (SOT_IS_VICTIM_PAGE (self));
  g_return_if_fail (investigation == NULL || SOT_IS_INVESTIGATION (investigation));

  if (!g_set_object (&self->investigation, investigation))
    return;

  /* Another case: its first victim. */
  self->chosen_victim_id = 0;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVESTIGATION]);
}
