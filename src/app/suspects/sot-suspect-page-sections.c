/* sot-suspect-page-sections.c: the Suspect Focus page's suspects and bail, checklist, disruption
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-suspect-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-bail-dialog.h"
#include "sot-disruption-dialog.h"
#include "sot-disruption-row.h"
#include "sot-proposal-row.h"
#include "sot-reason-dialog.h"
#include "sot-suspect-dates-dialog.h"
#include "sot-suspect-dialog.h"
#include "sot-suspect-page-private.h"
#include "sot-suspect-row.h"
#include "sot-time.h"

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

/* Rows */

static void
row_failed_cb (GtkWidget      *row,
               const char     *message,
               SotSuspectPage *self)
{
  _sot_suspect_page_toast (self, message);
}

static void
open_investigation_cb (SotSuspectRow  *row,
                       const char     *uuid,
                       SotSuspectPage *self)
{
  g_signal_emit_by_name (self, "open-investigation", uuid);
}

/* Returns: (transfer full) (nullable): the suspect's latest pre-charge bail (the list runs by
 * bail date). */
static SotBailRecord *
latest_bail (SotSuspectPage *self,
             SotSuspect     *suspect)
{
  guint n = self->bails != NULL ? g_list_model_get_n_items (self->bails) : 0;

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(SotBailRecord) bail = g_list_model_get_item (self->bails, i - 1);

      if (sot_bail_record_get_suspect_id (bail) == sot_suspect_get_id (suspect))
        return g_steal_pointer (&bail);
    }

  return NULL;
}

static GtkWidget *
create_suspect_row (gpointer item,
                    gpointer user_data)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (user_data);
  g_autoptr(SotBailRecord) bail = latest_bail (self, SOT_SUSPECT (item));
  GtkWidget *row = sot_suspect_row_new (SOT_SUSPECT (item), self->store, bail);

  g_signal_connect_object (row, "open-investigation", G_CALLBACK (open_investigation_cb), self, 0);
  g_signal_connect_object (row, "failed", G_CALLBACK (row_failed_cb), self, 0);
  return row;
}

static GtkWidget *
create_proposal_row (gpointer item,
                     gpointer user_data)
{
  return sot_proposal_row_new (SOT_CHECKLIST_PROPOSAL (item));
}

static GtkWidget *
create_disruption_row (gpointer item,
                       gpointer user_data)
{
  return sot_disruption_row_new (SOT_DISRUPTION (item));
}

void
_sot_suspect_page_load_sections (SotSuspectPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sot_investigation_get_id (self->investigation);

  g_clear_object (&self->suspects);
  g_clear_object (&self->proposals);
  g_clear_object (&self->disruptions);
  g_clear_object (&self->bails);

  if (!(self->bails = sot_bail_list (self->store, id, &error)) ||
      !(self->suspects = sot_suspect_list (self->store, id, &error)) ||
      !(self->proposals = sot_checklist_proposal_list (self->store, id, TRUE, &error)) ||
      !(self->disruptions = sot_disruption_list (self->store, id, &error)))
    {
      _sot_suspect_page_toast (self, error->message);
      return;
    }

  gtk_list_box_bind_model (self->suspect_list, self->suspects, create_suspect_row, self, NULL);
  gtk_list_box_bind_model (self->proposal_list, self->proposals, create_proposal_row, self, NULL);
  gtk_list_box_bind_model (self->disruption_list, self->disruptions, create_disruption_row, self, NULL);
  gtk_widget_set_visible (self->proposal_group, g_list_model_get_n_items (self->proposals) > 0);
}

void
_sot_suspect_page_clear_sections (SotSuspectPage *self)
{
  gtk_list_box_bind_model (self->suspect_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->proposal_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->disruption_list, NULL, NULL, NULL, NULL);
}

/* Forms: a suspect's relationship and dates, a disruption option's status */

static void
form_failed_cb (GtkWidget      *dialog,
                const char     *message,
                SotSuspectPage *self)
{
  _sot_suspect_page_toast (self, message);
}

static void
suspect_saved_cb (SotSuspectDatesDialog *dialog,
                  SotSuspect            *suspect,
                  SotSuspectPage        *self)
{
  g_autofree char *message = g_strdup_printf (_("Saved the relationship and dates of %s"),
                                              sot_suspect_get_display_name (suspect));

  _sot_suspect_page_toast (self, message);
}

static void
open_suspect_form (SotSuspectPage *self,
                   SotSuspect     *suspect)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SotSuspectDatesDialog *dialog;

  dialog = sot_suspect_dates_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->store, suspect);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (suspect_saved_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (form_failed_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
disruption_saved_cb (SotDisruptionDialog *dialog,
                     SotDisruption       *option,
                     SotSuspectPage      *self)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("%s: %s"), sot_disruption_kind_label (sot_disruption_get_kind (option)),
                             sot_disruption_status_label (sot_disruption_get_status (option)));
  _sot_suspect_page_toast (self, message);
}

static void
open_disruption_form (SotSuspectPage *self,
                      SotDisruption  *option)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SotDisruptionDialog *dialog;

  dialog = sot_disruption_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->store, option);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (disruption_saved_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (form_failed_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
bail_saved_cb (SotBailDialog  *dialog,
               const char     *message,
               SotSuspectPage *self)
{
  _sot_suspect_page_toast (self, message);
}

static void
open_bail_form (SotSuspectPage *self,
                SotBailForm     kind,
                SotSuspect     *suspect,
                SotBailRecord  *bail)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SotBailDialog *dialog;

  dialog = sot_bail_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                kind, suspect, bail);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (bail_saved_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (form_failed_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

/* Actions */

static void
record_bail_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotSuspect *suspect = _sot_suspect_page_find (self->suspects,
                                                g_variant_get_string (parameter, NULL));

  if (suspect != NULL)
    open_bail_form (self, SOT_BAIL_FORM_RECORD, suspect, NULL);
}

/* suspect-page.extend-bail, .bail-victim-views and .end-bail, on the bail's UUID. */
static void
bail_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotBailRecord *bail = _sot_suspect_page_find (self->bails,
                                                g_variant_get_string (parameter, NULL));
  SotBailForm kind = SOT_BAIL_FORM_END;

  if (bail == NULL)
    return;

  if (g_str_equal (action_name, "suspect-page.extend-bail"))
    kind = SOT_BAIL_FORM_EXTEND;
  else if (g_str_equal (action_name, "suspect-page.bail-victim-views"))
    kind = SOT_BAIL_FORM_VICTIM_VIEWS;
  open_bail_form (self, kind, NULL, bail);
}

static void
add_suspect_dialog_cb (SotSuspectDialog *dialog,
                       SotSuspect       *suspect,
                       SotSuspectPage   *self)
{
  _sot_suspect_page_load_sections (self);
}

static void
add_suspect_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SotSuspectDialog *dialog;

  if (self->investigation == NULL)
    return;

  dialog = sot_suspect_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                   sot_investigation_get_id (self->investigation), self->checklist);
  g_signal_connect_object (dialog, "suspect-added", G_CALLBACK (add_suspect_dialog_cb), self, 0);
  g_signal_connect_object (dialog, "suspect-linked", G_CALLBACK (add_suspect_dialog_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
accept_proposal_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SotChecklistProposal) proposal = NULL;
  g_autoptr(SotLineOfEnquiry) line = NULL;
  g_autofree char *message = NULL;

  proposal = _sot_suspect_page_find (self->proposals, g_variant_get_string (parameter, NULL));
  if (proposal == NULL)
    return;

  g_object_ref (proposal);
  line = sot_checklist_proposal_accept (proposal, self->store,
                                        sot_investigation_get_officer (self->investigation),
                                        NULL, &error);
  if (line == NULL)
    {
      _sot_suspect_page_toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Added “%s” to the evidence list"),
                             sot_checklist_proposal_get_title (proposal));
  _sot_suspect_page_offer_undo (self, UNDO_PROPOSAL, G_OBJECT (proposal), NULL, NULL, message);
}

static void
reason_given_cb (SotReasonDialog *dialog,
                 const char      *reason,
                 SotSuspectPage  *self)
{
  SotChecklistProposal *proposal = SOT_CHECKLIST_PROPOSAL (sot_reason_dialog_get_item (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!sot_checklist_proposal_dismiss (proposal, self->store, reason, &error))
    {
      _sot_suspect_page_toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Dismissed “%s”"), sot_checklist_proposal_get_title (proposal));
  _sot_suspect_page_offer_undo (self, UNDO_PROPOSAL, G_OBJECT (proposal), NULL, NULL, message);
}

static void
dismiss_proposal_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotChecklistProposal *proposal;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *body = NULL;
  SotReasonDialog *dialog;

  proposal = _sot_suspect_page_find (self->proposals, g_variant_get_string (parameter, NULL));
  if (proposal == NULL)
    return;

  body = g_strdup_printf (_("Write why “%s” is not a line of enquiry in this case."),
                          sot_checklist_proposal_get_title (proposal));
  now = sot_store_now (self->store);
  dialog = sot_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, now,
                                  G_OBJECT (proposal), _("Dismiss Checklist Item?"), body,
                                  _("Reason"), _("_Dismiss"), ADW_RESPONSE_DEFAULT);
  g_signal_connect_object (dialog, "reason-given", G_CALLBACK (reason_given_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
edit_suspect_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotSuspect *suspect = _sot_suspect_page_find (self->suspects, g_variant_get_string (parameter, NULL));

  if (suspect != NULL)
    open_suspect_form (self, suspect);
}

static void
edit_disruption_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotDisruption *option = _sot_suspect_page_find (self->disruptions, g_variant_get_string (parameter, NULL));

  if (option != NULL)
    open_disruption_form (self, option);
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotSuspect *suspect = _sot_suspect_page_find (self->suspects, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (suspect == NULL)
    return;

  if (!sot_suspect_unlink (suspect, self->store, &error))
    _sot_suspect_page_toast (self, error->message);
  else
    _sot_suspect_page_toast (self, _("Unlinked: the suspect is no longer recorded as the same person"));
}

static void
add_disruption_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  g_autoptr(SotSuspect) first = NULL;
  g_autoptr(SotDisruption) option = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  if (self->investigation == NULL)
    return;

  if (self->suspects != NULL && g_list_model_get_n_items (self->suspects) > 0)
    first = g_list_model_get_item (self->suspects, 0);

  _sot_suspect_page_today (self, &today);
  today_text = sot_date_format (&today);
  option = sot_disruption_add (self->store, sot_investigation_get_id (self->investigation),
                               first ? sot_suspect_get_id (first) : 0,
                               g_variant_get_string (parameter, NULL), today_text, &error);
  if (option == NULL)
    _sot_suspect_page_toast (self, error->message);
}

static void
disruption_status_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  const char *uuid, *status;
  SotDisruption *option;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  g_variant_get (parameter, "(&s&s)", &uuid, &status);
  option = _sot_suspect_page_find (self->disruptions, uuid);
  if (option == NULL)
    return;

  _sot_suspect_page_today (self, &today);
  today_text = sot_date_format (&today);
  if (!sot_disruption_set_status (option, self->store, status, today_text,
                                  sot_disruption_get_outcome (option), &error))
    _sot_suspect_page_toast (self, error->message);
}

void
_sot_suspect_page_sections_init (SotSuspectPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const char * const *kinds = sot_disruption_kinds ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (sot_disruption_kind_label (kinds[i]), NULL);

      g_menu_item_set_action_and_target (item, "suspect-page.add-disruption", "s", kinds[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->disruption_button, G_MENU_MODEL (menu));

  gtk_list_box_set_placeholder (self->suspect_list,
                                placeholder (_("Suspect not yet identified")));
  gtk_list_box_set_placeholder (self->disruption_list,
                                placeholder (_("No disruption option considered yet")));
  gtk_widget_set_visible (self->proposal_group, FALSE);
}

void
_sot_suspect_page_sections_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "suspect-page.add-suspect", NULL, add_suspect_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.accept-proposal", "s", accept_proposal_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.dismiss-proposal", "s", dismiss_proposal_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.edit-suspect", "s", edit_suspect_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.edit-disruption", "s",
                                   edit_disruption_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.unlink", "s", unlink_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.add-disruption", "s", add_disruption_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.disruption-status", "(ss)",
                                   disruption_status_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.record-bail", "s",
                                   record_bail_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.extend-bail", "s", bail_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.bail-victim-views", "s",
                                   bail_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.end-bail", "s", bail_action);
}
