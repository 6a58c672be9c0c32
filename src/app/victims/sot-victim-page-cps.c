/* sot-victim-page-cps.c: the Victim page's CPS joint working: early advice and its points,
 * charging file, decisions per suspect, action plan
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-cps-dialogs.h"
#include "sot-line-of-enquiry.h"
#include "sot-victim-forms.h"
#include "sot-victim-page-private.h"
#include "sot-victim-rows.h"

/* ------------------------------------------------------------------------------------------ */
/* Forms and row buttons                                                                       */

static void
request_advice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  SotAdviceDialog *dialog = sot_advice_dialog_new (sot_victim_page_parent_window (self),
                                                   self->store, sot_victim_page_case_id (self));

  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
charging_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  SotChargingFileDialog *dialog;

  dialog = sot_charging_file_dialog_new (sot_victim_page_parent_window (self), self->store,
                                         sot_victim_page_case_id (self));

  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
record_decision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  g_autoptr(GListModel) suspects = NULL;
  g_autoptr(GError) error = NULL;
  SotDecisionDialog *dialog;

  suspects = sot_cps_list_suspects (self->store, sot_victim_page_case_id (self), &error);
  if (suspects == NULL)
    {
      sot_victim_page_show_error (self, _("Cannot Read the Suspects"), error);
      return;
    }
  if (g_list_model_get_n_items (suspects) == 0)
    {
      g_set_error_literal (&error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID,
                           _("The CPS decides per suspect: record a suspect first."));
      sot_victim_page_show_error (self, _("No Suspect Recorded"), error);
      return;
    }

  dialog = sot_decision_dialog_new (sot_victim_page_parent_window (self), self->store,
                                    sot_victim_page_case_id (self), suspects);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  SotActionItemDialog *dialog;

  dialog = sot_action_item_dialog_new (sot_victim_page_parent_window (self), self->store,
                                       sot_victim_page_case_id (self));

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
open_point_dialog (SotVictimPage     *self,
                   const char        *advice_uuid,
                   SotCpsAdvicePoint *point)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = NULL;
  SotAdvicePointDialog *dialog;

  lines = sot_line_of_enquiry_list (self->store, sot_victim_page_case_id (self), &error);
  if (lines == NULL)
    {
      sot_victim_page_show_error (self, _("Cannot Read the Lines of Enquiry"), error);
      return NULL;
    }

  dialog = sot_advice_point_dialog_new (sot_victim_page_parent_window (self), self->store,
                                        advice_uuid, point, lines);
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
    sot_victim_page_show_error (self, _("The Advice Was Not Recorded"), error);
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
    sot_victim_page_show_error (self, _("The Action Was Not Updated"), error);
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
  g_autoptr(GListModel) points = NULL;

  points = sot_cps_list_advice_points (self->store, sot_victim_page_case_id (self), &error);
  if (points == NULL)
    {
      sot_victim_page_show_error (self, _("Cannot Read the Advice Points"), error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(SotCpsAdvicePoint) point = g_list_model_get_item (points, i);

      if (g_str_equal (sot_cps_advice_point_get_uuid (point), uuid))
        open_point_dialog (self, NULL, point);
    }
}
/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                     */

/* The user folds and unfolds an advice's points; the page keeps it so across reloads. */
static void
advice_expanded_cb (SotAdviceRow  *row,
                    GParamSpec    *pspec,
                    SotVictimPage *self)
{
  const char *uuid = sot_cps_early_advice_get_uuid (sot_advice_row_get_advice (row));

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_remove (self->collapsed_advice, uuid);
  else
    g_hash_table_add (self->collapsed_advice, g_strdup (uuid));
}

static AdwActionRow *
add_plain_row (SotVictimPage *self,
               const char    *title,
               const char    *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  sot_victim_row_set_text (row, title, subtitle);
  gtk_list_box_append (self->cps_list, GTK_WIDGET (row));
  return row;
}

/* Whether @item (a #SotCpsAdvicePoint) is a point of the advice @user_data (its UUID). */
static gboolean
is_point_of (gpointer item,
             gpointer user_data)
{
  return g_strcmp0 (sot_cps_advice_point_get_advice_uuid (item), user_data) == 0;
}

/* The early advice @a, with its points (of @points, every advice's) unfolding under it;
 * @line_titles: UUID → title of the case's lines of enquiry. */
static void
add_advice_row (SotVictimPage     *self,
                SotCpsEarlyAdvice *a,
                GListModel        *points,
                GHashTable        *line_titles)
{
  const char *uuid = sot_cps_early_advice_get_uuid (a);
  int days = sot_cps_early_advice_get_days (a);
  const char *given_on = sot_cps_early_advice_get_given_on (a);
  g_autofree char *requested = NULL;
  g_autofree char *given = sot_victim_display_date (given_on);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *full = NULL;
  g_autoptr(GtkFilterListModel) own_points = NULL;
  guint n_points;
  gpointer row;

  own_points = gtk_filter_list_model_new (g_object_ref (points),
                                          GTK_FILTER (gtk_custom_filter_new (is_point_of,
                                                                             g_strdup (uuid),
                                                                             g_free)));
  n_points = g_list_model_get_n_items (G_LIST_MODEL (own_points));
  requested = sot_victim_display_date (sot_cps_early_advice_get_requested_on (a));
  title = g_strdup_printf (_("Early advice requested %s"), requested);

  if (given != NULL)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Given %s, after %d day",
                                             "Given %s, after %d days", days),
                                given, days);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Awaited for %d day",
                                             "Awaited for %d days", days),
                                days);

  if (n_points == 0)
    row = add_plain_row (self, title, subtitle);
  else
    {
      /* TRANSLATORS: "Given 12 Mar 2024, after 10 days · 2 advice points" */
      full = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u advice point",
                                           "%s · %u advice points", n_points),
                              subtitle, n_points);

      /* The points show under their advice, unfolded unless the user folded them. */
      row = sot_advice_row_new (a, title, full);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                     !g_hash_table_contains (self->collapsed_advice, uuid));
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (advice_expanded_cb), self,
                               0);
      gtk_list_box_append (self->cps_list, GTK_WIDGET (row));

      for (guint k = 0; k < n_points; k++)
        {
          g_autoptr(SotCpsAdvicePoint) point = NULL;

          point = g_list_model_get_item (G_LIST_MODEL (own_points), k);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                    sot_advice_point_row_new (point, line_titles));
        }
    }

  if (sot_cps_early_advice_get_late (a))
    sot_victim_row_add_badge (row, _("Over 21 days"), given != NULL ? "warning" : "error");
  if (given_on == NULL)
    sot_victim_row_add_button (row, _("_Given Today"), _("Record that the advice was given today"),
                               "victim-page.advice-given", uuid);
  sot_victim_row_add_icon_button (row, "list-add-symbolic", _("Add Advice Point"),
                                  "victim-page.add-point", uuid);
}

static void
add_charging_file_row (SotVictimPage          *self,
                       const SotCpsMilestones *milestones)
{
  g_autofree char *on = sot_victim_display_date (milestones->charging_file_submitted_on);
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u submission",
                                                            "%u submissions",
                                                            milestones->n_charging_files),
                                               milestones->n_charging_files);
  g_autofree char *title = g_strdup_printf (_("Charging file submitted %s"), on);

  add_plain_row (self, title, subtitle);
}

void
sot_victim_page_load_cps (SotVictimPage *self,
                          GError       **error)
{
  gint64 id = sot_victim_page_case_id (self);
  g_autoptr(GListModel) advice = NULL;
  g_autoptr(GListModel) points = NULL;
  g_autoptr(GListModel) suspects = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GHashTable) line_titles = g_hash_table_new (g_str_hash, g_str_equal);
  SotCpsMilestones milestones = { 0 };

  sot_victim_clear_list (self->cps_list);

  if (!(advice = sot_cps_list_early_advice (self->store, id, error)) ||
      !(points = sot_cps_list_advice_points (self->store, id, error)) ||
      !(lines = sot_line_of_enquiry_list (self->store, id, error)) ||
      !(suspects = sot_cps_list_suspects (self->store, id, error)) ||
      !(items = sot_cps_list_action_items (self->store, id, error)) ||
      !sot_cps_get_milestones (self->store, id, &milestones, error))
    return;

  /* The model keeps the lines, and so their titles, alive until the end. */
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(SotLineOfEnquiry) line = g_list_model_get_item (lines, i);

      if (sot_line_of_enquiry_get_title (line) != NULL)
        g_hash_table_insert (line_titles, (gpointer) sot_line_of_enquiry_get_uuid (line),
                             (gpointer) sot_line_of_enquiry_get_title (line));
    }

  for (guint i = 0; i < g_list_model_get_n_items (advice); i++)
    {
      g_autoptr(SotCpsEarlyAdvice) a = g_list_model_get_item (advice, i);

      add_advice_row (self, a, points, line_titles);
    }

  if (milestones.charging_file_submitted_on != NULL)
    add_charging_file_row (self, &milestones);

  /* One list of several kinds of row: the suspects, then the action plan. */
  for (guint i = 0; i < g_list_model_get_n_items (suspects); i++)
    {
      g_autoptr(SotCpsSuspect) suspect = g_list_model_get_item (suspects, i);

      gtk_list_box_append (self->cps_list, sot_cps_suspect_row_new (suspect));
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SotCpsActionItem) item = g_list_model_get_item (items, i);

      gtk_list_box_append (self->cps_list, sot_action_item_row_new (item));
    }

  sot_cps_milestones_clear (&milestones);
}

void
sot_victim_page_install_cps_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "victim-page.request-advice", NULL,
                                   request_advice_action);
  gtk_widget_class_install_action (widget_class, "victim-page.charging-file", NULL,
                                   charging_file_action);
  gtk_widget_class_install_action (widget_class, "victim-page.record-decision", NULL,
                                   record_decision_action);
  gtk_widget_class_install_action (widget_class, "victim-page.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "victim-page.advice-given", "s",
                                   advice_given_action);
  gtk_widget_class_install_action (widget_class, "victim-page.add-point", "s", add_point_action);
  gtk_widget_class_install_action (widget_class, "victim-page.link-point", "s", link_point_action);
  gtk_widget_class_install_action (widget_class, "victim-page.action-done",
                                   "s", action_done_action);
}
