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
#include "sot-isva-dialog.h"
#include "sot-line-of-enquiry.h"
#include "sot-time.h"
#include "sot-victim-contact.h"
#include "sot-victim-dialogs.h"
#include "sot-victim-forms.h"
#include "sot-victim-page.h"

struct _SotVictimPage
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  AdwPreferencesGroup *victim_group;
  AdwComboRow        *victim_row;
  GtkStringList      *victim_labels;
  AdwActionRow       *enhanced_row;
  GtkSwitch          *enhanced_switch;
  AdwActionRow       *cadence_row;
  AdwExpanderRow     *history_row;
  GtkListBox         *deadlines_list;
  AdwPreferencesGroup *contacts_group;
  GtkListBox         *contacts_list;
  GtkListBox         *isva_list;
  AdwPreferencesGroup *letters_group;
  GtkListBox         *letters_list;
  GtkListBox         *cps_list;

  SotStore           *store;
  SotInvestigation   *investigation;
  gint64              victim_id;      /* the victim shown, 0 when the case has none */
  gint64              chosen_victim_id; /* the victim picked in the selector, kept on reload */
  GArray             *victim_ids;     /* gint64, in the order of the selector */
  GHashTable         *collapsed_advice; /* UUIDs of early advice whose points are folded */
  char               *agreed_channel;
  guint               agreed_frequency;
  GPtrArray          *history_rows;   /* rows added to history_row, to remove on reload */
  guint               reload_id;
  gboolean            loading;
};

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

static gint64
investigation_id (SotVictimPage *self)
{
  return self->investigation != NULL ? sot_investigation_get_id (self->investigation) : 0;
}

/* Removes the rows, keeping the placeholder. */
static void
clear_list (GtkListBox *list)
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

static AdwActionRow *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 3);
  gtk_list_box_append (list, GTK_WIDGET (row));

  return row;
}

/* Puts @widget at the end of @row, an #AdwActionRow or the header of an #AdwExpanderRow. */
static void
row_add_suffix (gpointer   row,
                GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), widget);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
}

/* A coloured status word at the end of a row, which a screen reader reads with the row. */
static void
add_badge (gpointer    row,
           const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, style);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  row_add_suffix (row, label);
}

static GtkWindow *
parent_window (SotVictimPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (SotVictimPage *self,
            const char    *heading,
            const GError  *error)
{
  sot_victim_show_error (parent_window (self), heading, error);
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

  deadlines = sot_deadline_list_for_investigation (self->store, investigation_id (self), TRUE,
                                                   &error);
  if (deadlines == NULL)
    {
      show_error (self, _("Cannot Read the Deadlines"), error);
      return NULL;
    }

  dialog = sot_contact_dialog_new (parent_window (self), self->store, investigation_id (self),
                                   self->victim_id, self->agreed_channel, deadlines);
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
  /* Without the suspects, the event is recorded about no one. */
  g_autoptr(GPtrArray) suspects = sot_cps_list_suspects (self->store, investigation_id (self),
                                                         NULL);

  sot_form_dialog_present (SOT_FORM_DIALOG (sot_event_dialog_new (parent_window (self),
                                                                  self->store,
                                                                  investigation_id (self),
                                                                  suspects)));
}

static void
change_agreement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);

  sot_form_dialog_present (SOT_FORM_DIALOG (sot_agreement_dialog_new (parent_window (self),
                                                                      self->store,
                                                                      self->victim_id,
                                                                      self->agreed_frequency,
                                                                      self->agreed_channel)));
}

static void
record_letter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);

  sot_form_dialog_present (SOT_FORM_DIALOG (sot_letter_dialog_new (parent_window (self),
                                                                   self->store,
                                                                   investigation_id (self),
                                                                   self->victim_id)));
}

static void
add_isva_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);

  sot_form_dialog_present (SOT_FORM_DIALOG (sot_isva_dialog_new (parent_window (self),
                                                                 self->store, self->victim_id,
                                                                 NULL)));
}

GtkWidget *
sot_victim_page_open_isva_dialog (SotVictimPage *self,
                                  const char    *isva_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) isvas = NULL;
  SotIsvaDialog *dialog;

  g_return_val_if_fail (SOT_IS_VICTIM_PAGE (self), NULL);
  g_return_val_if_fail (isva_uuid != NULL, NULL);

  if (self->investigation == NULL)
    return NULL;

  isvas = sot_isva_list (self->store, investigation_id (self), &error);
  if (isvas == NULL)
    {
      show_error (self, _("Cannot Read the ISVAs"), error);
      return NULL;
    }

  for (guint i = 0; i < isvas->len; i++)
    {
      SotIsva *isva = g_ptr_array_index (isvas, i);

      if (!g_str_equal (isva->uuid, isva_uuid))
        continue;

      dialog = sot_isva_dialog_new (parent_window (self), self->store, isva->victim_id, isva);
      sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
      return GTK_WIDGET (dialog);
    }

  return NULL;
}

static void
request_advice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);

  sot_form_dialog_present (SOT_FORM_DIALOG (sot_advice_dialog_new (parent_window (self),
                                                                   self->store,
                                                                   investigation_id (self))));
}

static void
charging_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  SotChargingFileDialog *dialog = sot_charging_file_dialog_new (parent_window (self), self->store,
                                                                investigation_id (self));

  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
record_decision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  g_autoptr(GPtrArray) suspects = NULL;
  g_autoptr(GError) error = NULL;

  suspects = sot_cps_list_suspects (self->store, investigation_id (self), &error);
  if (suspects == NULL)
    {
      show_error (self, _("Cannot Read the Suspects"), error);
      return;
    }
  if (suspects->len == 0)
    {
      g_set_error_literal (&error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID,
                           _("The CPS decides per suspect: record a suspect first."));
      show_error (self, _("No Suspect Recorded"), error);
      return;
    }

  sot_form_dialog_present (SOT_FORM_DIALOG (sot_decision_dialog_new (parent_window (self),
                                                                     self->store,
                                                                     investigation_id (self),
                                                                     suspects)));
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  SotActionItemDialog *dialog = sot_action_item_dialog_new (parent_window (self), self->store,
                                                            investigation_id (self));

  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

/* A point added through the form unfolds its advice, so that the new point shows under it. */
static void
advice_point_response_cb (SotAdvicePointDialog *dialog,
                          const char           *response,
                          SotVictimPage        *self)
{
  if (g_str_equal (response, SOT_FORM_DIALOG_ACCEPT))
    g_hash_table_remove (self->collapsed_advice,
                         sot_advice_point_dialog_get_advice_uuid (dialog));
}

/* Opens the form to add a point to @advice_uuid, or to link @point. */
static SotAdvicePointDialog *
open_point_dialog (SotVictimPage           *self,
                   const char              *advice_uuid,
                   const SotCpsAdvicePoint *point)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = NULL;
  SotAdvicePointDialog *dialog;

  lines = sot_line_of_enquiry_list (self->store, investigation_id (self), &error);
  if (lines == NULL)
    {
      show_error (self, _("Cannot Read the Lines of Enquiry"), error);
      return NULL;
    }

  dialog = sot_advice_point_dialog_new (parent_window (self), self->store, advice_uuid, point,
                                        lines);
  if (point == NULL)
    g_signal_connect_object (dialog, "response", G_CALLBACK (advice_point_response_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
  return dialog;
}

GtkWidget *
sot_victim_page_open_advice_point_dialog (SotVictimPage *self,
                                          const char    *advice_uuid)
{
  g_return_val_if_fail (SOT_IS_VICTIM_PAGE (self), NULL);
  g_return_val_if_fail (advice_uuid != NULL, NULL);

  if (self->investigation == NULL)
    return NULL;

  return GTK_WIDGET (open_point_dialog (self, advice_uuid, NULL));
}

/* Row buttons: advice given today, a point to add or link, an ISVA to edit, an action item
 * done today. Each activates an action of the page with the record's UUID. */
static void
advice_given_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = sot_victim_today_text (self->store);

  if (!sot_cps_record_advice_given (self->store, g_variant_get_string (parameter, NULL), today,
                                    &error))
    show_error (self, _("The Advice Was Not Recorded"), error);
}

static void
action_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!sot_cps_set_action_status (self->store, g_variant_get_string (parameter, NULL),
                                  SOT_CPS_ACTION_DONE, NULL, &error))
    show_error (self, _("The Action Was Not Updated"), error);
}

static void
add_point_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sot_victim_page_open_advice_point_dialog (SOT_VICTIM_PAGE (widget),
                                            g_variant_get_string (parameter, NULL));
}

static void
link_point_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = NULL;

  points = sot_cps_list_advice_points (self->store, investigation_id (self), &error);
  if (points == NULL)
    {
      show_error (self, _("Cannot Read the Advice Points"), error);
      return;
    }

  for (guint i = 0; i < points->len; i++)
    if (g_str_equal (((SotCpsAdvicePoint *) g_ptr_array_index (points, i))->uuid, uuid))
      open_point_dialog (self, NULL, g_ptr_array_index (points, i));
}

static void
edit_isva_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sot_victim_page_open_isva_dialog (SOT_VICTIM_PAGE (widget),
                                    g_variant_get_string (parameter, NULL));
}

static void
set_row_action (GtkWidget  *button,
                const char *action_name,
                const char *uuid)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
}

static GtkWidget *
row_button (gpointer    row,
            const char *label,
            const char *tooltip,
            const char *action_name,
            const char *uuid)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  set_row_action (button, action_name, uuid);
  row_add_suffix (row, button);

  return button;
}

/* A flat icon button at the end of a row; @label names it for screen readers and tooltips. */
static GtkWidget *
row_icon_button (gpointer    row,
                 const char *icon_name,
                 const char *label,
                 const char *action_name,
                 const char *uuid)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  set_row_action (button, action_name, uuid);
  row_add_suffix (row, button);

  return button;
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
        show_error (self, _("The Rights Were Not Changed"), error);
    }
  else
    {
      SotOptOutDialog *dialog = sot_opt_out_dialog_new (parent_window (self), self->store,
                                                        self->victim_id);

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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim.log-contact", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim.record-event", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim.change-agreement", has_victim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim.add-isva", has_victim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim.record-letter", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim.request-advice", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim.charging-file", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim.record-decision", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "victim.add-action", has_case);
}

/* Fills the victim selector (shown only when the case has several victims) and selects the
 * victim picked before, or the first one. */
static void
update_victim_selector (SotVictimPage *self,
                        GPtrArray     *victims)
{
  guint n = victims != NULL ? victims->len : 0;
  guint n_labels = g_list_model_get_n_items (G_LIST_MODEL (self->victim_labels));
  guint selected = 0;

  g_array_set_size (self->victim_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      SotVictimInfo *info = g_ptr_array_index (victims, i);

      g_array_append_val (self->victim_ids, info->id);
      if (info->id == self->chosen_victim_id)
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
  g_autoptr(GPtrArray) victims = sot_victim_info_list (self->store, investigation_id (self), error);
  g_autoptr(GPtrArray) history = NULL;
  SotVictimInfo *info;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  self->victim_id = 0;
  g_clear_pointer (&self->agreed_channel, g_free);
  self->agreed_frequency = 0;

  update_victim_selector (self, victims);

  if (victims == NULL || victims->len == 0)
    {
      adw_action_row_set_subtitle (self->enhanced_row, _("No victim recorded"));
      adw_action_row_set_subtitle (self->cadence_row, _("No victim recorded"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->enhanced_switch), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->history_row), FALSE);
      return;
    }

  info = g_ptr_array_index (victims, adw_combo_row_get_selected (self->victim_row));
  self->victim_id = info->id;
  self->agreed_channel = g_strdup (info->channel);
  self->agreed_frequency = info->frequency_days;

  self->loading = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->enhanced_switch), TRUE);
  gtk_switch_set_state (self->enhanced_switch, info->enhanced);
  gtk_switch_set_active (self->enhanced_switch, info->enhanced);
  self->loading = FALSE;

  if (info->enhanced)
    adw_action_row_set_subtitle (self->enhanced_row,
                                 _("Told within 1 working day (the default for complainants of "
                                   "sexual offences)"));
  else
    {
      g_autofree char *on = sot_victim_display_date (info->opt_out_on);
      g_autofree char *text = g_strdup_printf (_("Opted out on %s: told within 5 working days"),
                                               on != NULL ? on : "?");

      adw_action_row_set_subtitle (self->enhanced_row, text);
    }

  if (info->frequency_days > 0)
    {
      /* TRANSLATORS: "Every 14 days, Phone" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day, %s",
                                                            "Every %u days, %s",
                                                            info->frequency_days),
                                               info->frequency_days,
                                               sot_contact_channel_label (info->channel));

      adw_action_row_set_subtitle (self->cadence_row, text);
    }
  else
    adw_action_row_set_subtitle (self->cadence_row, _("Not agreed yet"));

  history = sot_victim_preference_history (self->store, info->id, error);
  if (history == NULL)
    return;

  for (guint i = 1; i < history->len; i++)
    {
      SotContactPreference *p = g_ptr_array_index (history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day, %s",
                                                             "Every %u days, %s",
                                                             p->frequency_days),
                                                p->frequency_days,
                                                sot_contact_channel_label (p->channel));
      g_autofree char *when = sot_victim_display_time (p->changed_at);
      g_autofree char *subtitle = g_strdup_printf (_("Agreed %s, recorded by %s"), when,
                                                   p->changed_by);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), history->len > 1);
}

static void
load_deadlines (SotVictimPage *self,
                GError       **error)
{
  g_autoptr(GListModel) deadlines = NULL;

  clear_list (self->deadlines_list);

  deadlines = sot_deadline_list_for_investigation (self->store, investigation_id (self), FALSE,
                                                   error);
  if (deadlines == NULL)
    return;

  /* Open deadlines first (overdue at the top), then the met ones, most recent first. */
  for (int pass = 0; pass < 2; pass++)
    {
      guint n = g_list_model_get_n_items (deadlines);

      for (guint k = 0; k < n; k++)
        {
          guint i = pass == 0 ? k : n - 1 - k;
          g_autoptr(SotDeadline) d = g_list_model_get_item (deadlines, i);
          SotDeadlineState state = sot_deadline_get_state (d);
          gboolean open = sot_deadline_get_met_at (d) == NULL;
          AdwActionRow *row;

          if (open != (pass == 0))
            continue;

          row = add_row (self->deadlines_list, sot_deadline_get_title (d),
                         sot_deadline_get_when_text (d));

          switch (state)
            {
            case SOT_DEADLINE_OVERDUE:
              add_badge (row, _("Overdue"), "error");
              gtk_widget_add_css_class (GTK_WIDGET (row), "error");
              break;
            case SOT_DEADLINE_DUE_TODAY:
              add_badge (row, _("Due today"), "warning");
              break;
            case SOT_DEADLINE_DUE_SOON:
              add_badge (row, _("Due soon"), "accent");
              break;
            case SOT_DEADLINE_LATER:
              add_badge (row, _("Open"), "dim-label");
              break;
            case SOT_DEADLINE_MET:
              add_badge (row, _("Met"), "success");
              break;
            case SOT_DEADLINE_MET_LATE:
              add_badge (row, _("Met late"), "warning");
              break;
            default:
              break;
            }
        }
    }
}

static void
load_contacts (SotVictimPage *self,
               GError       **error)
{
  g_autoptr(GPtrArray) contacts = NULL;

  clear_list (self->contacts_list);

  contacts = sot_victim_contact_list (self->store, investigation_id (self), error);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      SotVictimContact *c = g_ptr_array_index (contacts, i);
      g_autofree char *when = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = NULL;

      /* With several victims, each one's own contacts (and those recorded for no one). */
      if (c->victim_id != 0 && self->victim_id != 0 && c->victim_id != self->victim_id)
        continue;

      when = sot_victim_display_time (c->contact_at);
      title = g_strdup_printf ("%s · %s · %s", when, sot_contact_channel_label (c->channel), c->who);
      subtitle = g_string_new (NULL);

      if (c->isva_present)
        g_string_append (subtitle, _("ISVA present"));
      if (c->covered != NULL && c->covered[0] != NULL)
        {
          g_autofree char *covered = g_strjoinv ("; ", c->covered);

          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _("Told of: %s"), covered);
        }
      if (c->summary != NULL)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, c->summary);
        }

      add_row (self->contacts_list, title, subtitle->len > 0 ? subtitle->str : NULL);
    }
}

static void
load_isva_and_letters (SotVictimPage *self,
                       GError       **error)
{
  g_autoptr(GPtrArray) isvas = NULL;
  g_autoptr(GPtrArray) letters = NULL;

  clear_list (self->isva_list);
  clear_list (self->letters_list);

  isvas = sot_isva_list (self->store, investigation_id (self), error);
  for (guint i = 0; isvas != NULL && i < isvas->len; i++)
    {
      SotIsva *isva = g_ptr_array_index (isvas, i);
      g_autoptr(GString) subtitle = NULL;
      g_autofree char *referred = NULL;
      g_autofree char *ended = NULL;
      AdwActionRow *row;

      /* Each victim has their own ISVA. */
      if (isva->victim_id != self->victim_id)
        continue;

      subtitle = g_string_new (isva->name != NULL ? isva->name : "");
      referred = sot_victim_display_date (isva->referred_on);
      ended = sot_victim_display_date (isva->ended_on);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, isva->consent_to_share ? _("Consents to sharing information")
                                                        : _("No consent to share information"));
      if (referred != NULL)
        g_string_append_printf (subtitle, " · %s %s", _("referred"), referred);
      if (ended != NULL)
        g_string_append_printf (subtitle, " · %s %s", _("support ended"), ended);

      row = add_row (self->isva_list, isva->service, subtitle->str);
      row_icon_button (row, "document-edit-symbolic", _("Edit ISVA"), "victim.edit-isva",
                       isva->uuid);
    }

  if (error != NULL && *error != NULL)
    return;

  letters = sot_victim_letter_list (self->store, investigation_id (self), error);
  for (guint i = 0; letters != NULL && i < letters->len; i++)
    {
      SotVictimLetter *l = g_ptr_array_index (letters, i);
      g_autofree char *sent = NULL;
      g_autofree char *subtitle = NULL;

      if (l->victim_id != 0 && self->victim_id != 0 && l->victim_id != self->victim_id)
        continue;

      sent = sot_victim_display_date (l->sent_on);
      subtitle = g_strdup_printf (_("Sent %s by %s"), sent, l->sent_by);

      add_row (self->letters_list, sot_victim_letter_label (l->kind), subtitle);
    }
}

/* The user folds and unfolds an advice's points; the page keeps it so across reloads. */
static void
advice_expanded_cb (AdwExpanderRow *row,
                    GParamSpec     *pspec,
                    SotVictimPage  *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "uuid");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_remove (self->collapsed_advice, uuid);
  else
    g_hash_table_add (self->collapsed_advice, g_strdup (uuid));
}

/* A point of early advice, under its advice, with the title of the line of enquiry it is
 * linked to (@line_titles: UUID → title). */
static void
add_point_row (SotVictimPage     *self,
               AdwExpanderRow    *advice_row,
               SotCpsAdvicePoint *point,
               GHashTable        *line_titles)
{
  GtkWidget *row = adw_action_row_new ();
  const char *line_title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *button;

  if (point->line_of_enquiry_uuid == NULL)
    subtitle = g_strdup (_("Not linked to a line of enquiry"));
  else if ((line_title = g_hash_table_lookup (line_titles, point->line_of_enquiry_uuid)) != NULL)
    subtitle = g_strdup_printf (_("Line of enquiry: %s"), line_title);
  else
    subtitle = g_strdup (_("Linked to a line of enquiry that is no longer on this case"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), point->summary);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  button = row_button (row, _("_Link…"), _("Link the point to a line of enquiry"),
                       "victim.link-point", point->uuid);
  gtk_widget_add_css_class (button, "flat");

  adw_expander_row_add_row (advice_row, row);
}

static void
load_cps (SotVictimPage *self,
          GError       **error)
{
  g_autoptr(GPtrArray) advice = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) suspects = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GHashTable) line_titles = g_hash_table_new (g_str_hash, g_str_equal);
  SotCpsMilestones milestones = { 0 };

  clear_list (self->cps_list);

  if (!(advice = sot_cps_list_early_advice (self->store, investigation_id (self), error)) ||
      !(points = sot_cps_list_advice_points (self->store, investigation_id (self), error)) ||
      !(lines = sot_line_of_enquiry_list (self->store, investigation_id (self), error)) ||
      !(suspects = sot_cps_list_suspects (self->store, investigation_id (self), error)) ||
      !(items = sot_cps_list_action_items (self->store, investigation_id (self), error)) ||
      !sot_cps_get_milestones (self->store, investigation_id (self), &milestones, error))
    return;

  /* The model keeps the lines, and so their titles, alive until the end. */
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(SotLineOfEnquiry) line = g_list_model_get_item (lines, i);

      if (sot_line_of_enquiry_get_title (line) != NULL)
        g_hash_table_insert (line_titles, (gpointer) sot_line_of_enquiry_get_uuid (line),
                             (gpointer) sot_line_of_enquiry_get_title (line));
    }

  for (guint i = 0; i < advice->len; i++)
    {
      SotCpsEarlyAdvice *a = g_ptr_array_index (advice, i);
      g_autofree char *requested = sot_victim_display_date (a->requested_on);
      g_autofree char *given = sot_victim_display_date (a->given_on);
      g_autofree char *title = g_strdup_printf (_("Early advice requested %s"), requested);
      g_autofree char *subtitle = NULL;
      guint n_points = 0;
      gpointer row;

      for (guint k = 0; k < points->len; k++)
        if (g_strcmp0 (((SotCpsAdvicePoint *) g_ptr_array_index (points, k))->advice_uuid,
                       a->uuid) == 0)
          n_points++;

      if (given != NULL)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Given %s, after %d day",
                                                 "Given %s, after %d days", a->days),
                                    given, a->days);
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Awaited for %d day",
                                                 "Awaited for %d days", a->days),
                                    a->days);

      if (n_points == 0)
        row = add_row (self->cps_list, title, subtitle);
      else
        {
          /* TRANSLATORS: "Given 12 Mar 2024, after 10 days · 2 advice points" */
          g_autofree char *full = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s · %u advice point",
                                                                "%s · %u advice points",
                                                                n_points),
                                                   subtitle, n_points);

          /* The points show under their advice, unfolded unless the user folded them. */
          row = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), full);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                         !g_hash_table_contains (self->collapsed_advice, a->uuid));
          g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (a->uuid), g_free);
          g_signal_connect_object (row, "notify::expanded", G_CALLBACK (advice_expanded_cb),
                                   self, 0);
          gtk_list_box_append (self->cps_list, GTK_WIDGET (row));

          for (guint k = 0; k < points->len; k++)
            {
              SotCpsAdvicePoint *p = g_ptr_array_index (points, k);

              if (g_strcmp0 (p->advice_uuid, a->uuid) == 0)
                add_point_row (self, row, p, line_titles);
            }
        }

      if (a->late)
        add_badge (row, _("Over 21 days"), given != NULL ? "warning" : "error");
      if (a->given_on == NULL)
        row_button (row, _("_Given Today"), _("Record that the advice was given today"),
                    "victim.advice-given", a->uuid);
      row_icon_button (row, "list-add-symbolic", _("Add Advice Point"), "victim.add-point",
                       a->uuid);
    }

  if (milestones.charging_file_submitted_on != NULL)
    {
      g_autofree char *on = sot_victim_display_date (milestones.charging_file_submitted_on);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u submission",
                                                                "%u submissions",
                                                                milestones.n_charging_files),
                                                   milestones.n_charging_files);
      g_autofree char *title = g_strdup_printf (_("Charging file submitted %s"), on);

      add_row (self->cps_list, title, subtitle);
    }

  for (guint i = 0; i < suspects->len; i++)
    {
      SotCpsSuspect *s = g_ptr_array_index (suspects, i);
      g_autofree char *title = g_strdup_printf (_("Suspect %u"), s->number);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      SotCpsDecision decision;

      if (s->decision != NULL && sot_cps_decision_from_string (s->decision, &decision))
        {
          g_autofree char *on = sot_victim_display_date (s->decided_on);

          g_string_append_printf (subtitle, _("CPS decision: %s, %s"),
                                  sot_cps_decision_label (decision), on);
        }
      else
        g_string_append (subtitle, _("No CPS decision yet"));

      if (s->charged_on != NULL)
        {
          g_autofree char *on = sot_victim_display_date (s->charged_on);

          g_string_append_printf (subtitle, " · %s %s", _("charged"), on);
        }

      add_row (self->cps_list, title, subtitle->str);
    }

  for (guint i = 0; i < items->len; i++)
    {
      SotCpsActionItem *item = g_ptr_array_index (items, i);
      g_autofree char *due = sot_victim_display_date (item->due_on);
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      if (g_strcmp0 (item->status, SOT_CPS_ACTION_OPEN) == 0)
        subtitle = due != NULL ? g_strdup_printf (_("Action plan · due %s"), due)
                               : g_strdup (_("Action plan · no due date"));
      else
        {
          g_autofree char *closed = sot_victim_display_date (item->closed_on);

          subtitle = g_strdup_printf (g_strcmp0 (item->status, SOT_CPS_ACTION_DONE) == 0
                                        ? _("Action plan · done %s") : _("Action plan · cancelled %s"),
                                      closed != NULL ? closed : "");
        }

      row = add_row (self->cps_list, item->description, subtitle);
      if (g_strcmp0 (item->status, SOT_CPS_ACTION_OPEN) == 0)
        row_button (row, _("_Done"), _("Mark the action as done today"), "victim.action-done",
                    item->uuid);
    }

  sot_cps_milestones_clear (&milestones);
}

static void
reload (SotVictimPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  if (self->investigation == NULL || self->store == NULL)
    {
      self->victim_id = 0;
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
    load_cps (self, &error);

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
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, history_row);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, isva_list);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, letters_group);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, letters_list);
  gtk_widget_class_bind_template_child (widget_class, SotVictimPage, cps_list);

  gtk_widget_class_install_action (widget_class, "victim.log-contact", NULL, log_contact_action);
  gtk_widget_class_install_action (widget_class, "victim.record-event", NULL,
                                   record_event_action);
  gtk_widget_class_install_action (widget_class, "victim.change-agreement", NULL,
                                   change_agreement_action);
  gtk_widget_class_install_action (widget_class, "victim.add-isva", NULL, add_isva_action);
  gtk_widget_class_install_action (widget_class, "victim.record-letter", NULL,
                                   record_letter_action);
  gtk_widget_class_install_action (widget_class, "victim.request-advice", NULL,
                                   request_advice_action);
  gtk_widget_class_install_action (widget_class, "victim.charging-file", NULL,
                                   charging_file_action);
  gtk_widget_class_install_action (widget_class, "victim.record-decision", NULL,
                                   record_decision_action);
  gtk_widget_class_install_action (widget_class, "victim.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "victim.edit-isva", "s", edit_isva_action);
  gtk_widget_class_install_action (widget_class, "victim.advice-given", "s",
                                   advice_given_action);
  gtk_widget_class_install_action (widget_class, "victim.add-point", "s", add_point_action);
  gtk_widget_class_install_action (widget_class, "victim.link-point", "s", link_point_action);
  gtk_widget_class_install_action (widget_class, "victim.action-done", "s", action_done_action);
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
