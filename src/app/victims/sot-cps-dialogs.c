/* sot-cps-dialogs.c: the forms of CPS joint working: early advice and its points, charging
 * file, decision per suspect, action plan
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

/* ------------------------------------------------------------------------------------------ */
/* Early advice                                                                                */

struct _SotAdviceDialog { SotVictimFormHead head; };

G_DEFINE_FINAL_TYPE (SotAdviceDialog, sot_advice_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_advice_dialog_accept (SotFormDialog *form)
{
  SotAdviceDialog *self = SOT_ADVICE_DIALOG (form);
  g_autoptr(GError) error = NULL;

  if (!sot_cps_request_early_advice (self->head.store, self->head.owner_id,
                                     sot_form_dialog_get_text (form, "requested-on"),
                                     sot_form_dialog_get_text (form, "given-on"), NULL, NULL,
                                     &error))
    sot_victim_form_report (self, _("The Request Was Not Recorded"), error);
}

static void
sot_advice_dialog_class_init (SotAdviceDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_victim_form_dispose;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_advice_dialog_accept;
}

static void
sot_advice_dialog_init (SotAdviceDialog *self)
{
}

SotAdviceDialog *
sot_advice_dialog_new (GtkWindow *parent,
                       SotStore  *store,
                       gint64     investigation_id)
{
  g_autofree char *today = NULL;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  form = sot_victim_form_new (SOT_TYPE_ADVICE_DIALOG, parent, store, investigation_id,
                              _("Early Advice"),
                              _("The CPS offers early advice within 21 days of the request."),
                              _("_Record"));
  today = sot_victim_today_text (store);
  sot_form_dialog_add_entry (form, "requested-on", _("Requested on"), today,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_DATE);
  sot_form_dialog_add_entry (form, "given-on", _("Given on (empty while awaited)"), NULL,
                             SOT_FORM_FIELD_DATE);
  return SOT_ADVICE_DIALOG (form);
}

/* ------------------------------------------------------------------------------------------ */
/* Charging file                                                                               */

struct _SotChargingFileDialog { SotVictimFormHead head; };

G_DEFINE_FINAL_TYPE (SotChargingFileDialog, sot_charging_file_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_charging_file_dialog_accept (SotFormDialog *form)
{
  SotChargingFileDialog *self = SOT_CHARGING_FILE_DIALOG (form);
  g_autoptr(GError) error = NULL;

  if (!sot_cps_submit_charging_file (self->head.store, self->head.owner_id,
                                     sot_form_dialog_get_text (form, "submitted-on"), NULL,
                                     &error))
    sot_victim_form_report (self, _("The Charging File Was Not Recorded"), error);
}

static void
sot_charging_file_dialog_class_init (SotChargingFileDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_victim_form_dispose;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_charging_file_dialog_accept;
}

static void
sot_charging_file_dialog_init (SotChargingFileDialog *self)
{
}

SotChargingFileDialog *
sot_charging_file_dialog_new (GtkWindow *parent,
                              SotStore  *store,
                              gint64     investigation_id)
{
  g_autofree char *today = NULL;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  form = sot_victim_form_new (SOT_TYPE_CHARGING_FILE_DIALOG, parent, store, investigation_id,
                              _("Charging File Submitted"), NULL, _("_Record"));
  today = sot_victim_today_text (store);
  sot_form_dialog_add_entry (form, "submitted-on", _("Submitted on"), today,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_DATE);
  return SOT_CHARGING_FILE_DIALOG (form);
}

/* ------------------------------------------------------------------------------------------ */
/* Decision per suspect                                                                        */

struct _SotDecisionDialog { SotVictimFormHead head; };

G_DEFINE_FINAL_TYPE (SotDecisionDialog, sot_decision_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_decision_dialog_accept (SotFormDialog *form)
{
  SotDecisionDialog *self = SOT_DECISION_DIALOG (form);
  g_autoptr(GError) error = NULL;
  gint64 suspect_id = sot_victim_get_suspect_choice (form, "suspect");
  SotCpsDecision decision = sot_victim_get_index_choice (form, "decision");
  const char *charged_on = sot_form_dialog_get_text (form, "charged-on");

  if (!sot_cps_record_decision (self->head.store, self->head.owner_id, suspect_id, decision,
                                sot_form_dialog_get_text (form, "decided-on"), NULL, &error))
    sot_victim_form_report (self, _("The Decision Was Not Recorded"), error);
  else if (decision == SOT_CPS_CHARGE && charged_on != NULL &&
           !sot_cps_record_charge (self->head.store, self->head.owner_id, suspect_id,
                                   charged_on, NULL, &error))
    sot_victim_form_report (self, _("The Charge Date Was Not Recorded"), error);
}

static void
sot_decision_dialog_class_init (SotDecisionDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_victim_form_dispose;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_decision_dialog_accept;
}

static void
sot_decision_dialog_init (SotDecisionDialog *self)
{
}

SotDecisionDialog *
sot_decision_dialog_new (GtkWindow *parent,
                         SotStore  *store,
                         gint64     investigation_id,
                         GListModel *suspects)
{
  const char *labels[SOT_CPS_N_DECISIONS];
  g_autofree char *today = NULL;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (suspects != NULL && g_list_model_get_n_items (suspects) > 0, NULL);

  form = sot_victim_form_new (SOT_TYPE_DECISION_DIALOG, parent, store, investigation_id,
                              _("CPS Decision"),
                              _("The CPS decides per suspect; a later decision replaces an "
                                "earlier one."),
                              _("_Record"));
  for (guint i = 0; i < SOT_CPS_N_DECISIONS; i++)
    labels[i] = sot_cps_decision_label (i);
  today = sot_victim_today_text (store);

  sot_victim_add_suspect_choice (form, "suspect", suspects, FALSE);
  sot_victim_add_index_choice (form, "decision", _("Decision"), labels, SOT_CPS_N_DECISIONS);
  sot_form_dialog_add_entry (form, "decided-on", _("Decided on"), today,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_DATE);
  sot_form_dialog_add_entry (form, "charged-on", _("Charged on (for a charge)"), NULL,
                             SOT_FORM_FIELD_DATE);
  return SOT_DECISION_DIALOG (form);
}

/* ------------------------------------------------------------------------------------------ */
/* Action plan                                                                                 */

struct _SotActionItemDialog { SotVictimFormHead head; };

G_DEFINE_FINAL_TYPE (SotActionItemDialog, sot_action_item_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_action_item_dialog_accept (SotFormDialog *form)
{
  SotActionItemDialog *self = SOT_ACTION_ITEM_DIALOG (form);
  g_autoptr(GError) error = NULL;

  if (!sot_cps_add_action_item (self->head.store, self->head.owner_id,
                                sot_form_dialog_get_text (form, "description"), NULL,
                                sot_form_dialog_get_text (form, "due-on"), NULL, &error))
    sot_victim_form_report (self, _("The Action Was Not Added"), error);
}

static void
sot_action_item_dialog_class_init (SotActionItemDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_victim_form_dispose;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_action_item_dialog_accept;
}

static void
sot_action_item_dialog_init (SotActionItemDialog *self)
{
}

SotActionItemDialog *
sot_action_item_dialog_new (GtkWindow *parent,
                            SotStore  *store,
                            gint64     investigation_id)
{
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  form = sot_victim_form_new (SOT_TYPE_ACTION_ITEM_DIALOG, parent, store, investigation_id,
                              _("CPS Action Plan"), _("An item the CPS asked for."), _("_Add"));
  sot_form_dialog_add_entry (form, "description", _("Action"), NULL, SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "due-on", _("Due on"), NULL,
                             SOT_FORM_FIELD_DATE | SOT_FORM_FIELD_FUTURE_OK);
  return SOT_ACTION_ITEM_DIALOG (form);
}

/* ------------------------------------------------------------------------------------------ */
/* Advice points: add one, or link one to a line of enquiry                                    */

struct _SotAdvicePointDialog
{
  SotVictimFormHead  head;
  char              *advice_uuid;
  char              *point_uuid;   /* linking this point; NULL when adding one */
};

G_DEFINE_FINAL_TYPE (SotAdvicePointDialog, sot_advice_point_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_advice_point_dialog_accept (SotFormDialog *form)
{
  SotAdvicePointDialog *self = SOT_ADVICE_POINT_DIALOG (form);
  g_autoptr(GError) error = NULL;
  const char *line_uuid = sot_form_dialog_get_choice (form, "line");

  if (self->point_uuid != NULL)
    {
      if (!sot_cps_link_advice_point (self->head.store, self->point_uuid, line_uuid, &error))
        sot_victim_form_report (self, _("The Advice Point Was Not Linked"), error);
    }
  else if (!sot_cps_add_advice_point (self->head.store, self->advice_uuid,
                                      sot_form_dialog_get_text (form, "summary"), line_uuid,
                                      NULL, &error))
    sot_victim_form_report (self, _("The Advice Point Was Not Added"), error);
}

static void
sot_advice_point_dialog_finalize (GObject *object)
{
  SotAdvicePointDialog *self = SOT_ADVICE_POINT_DIALOG (object);

  g_free (self->advice_uuid);
  g_free (self->point_uuid);

  G_OBJECT_CLASS (sot_advice_point_dialog_parent_class)->finalize (object);
}

static void
sot_advice_point_dialog_class_init (SotAdvicePointDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sot_victim_form_dispose;
  object_class->finalize = sot_advice_point_dialog_finalize;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_advice_point_dialog_accept;
}

static void
sot_advice_point_dialog_init (SotAdvicePointDialog *self)
{
}

/* A drop-down of the case's lines of enquiry by title, "Not linked" first, on @linked_uuid. */
static void
add_line_choice (SotFormDialog *form,
                 GListModel    *lines,
                 const char    *linked_uuid)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row;

  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, g_strdup (_("Not linked")));
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(SotLineOfEnquiry) line = g_list_model_get_item (lines, i);
      const char *title = sot_line_of_enquiry_get_title (line);

      g_ptr_array_add (codes, g_strdup (sot_line_of_enquiry_get_uuid (line)));
      g_ptr_array_add (labels, g_strdup (title != NULL ? title : _("Untitled line of enquiry")));
    }

  row = sot_form_dialog_add_choice (form, "line", _("Line of enquiry"),
                                    (const char * const *) codes->pdata,
                                    (const char * const *) labels->pdata, codes->len,
                                    linked_uuid);
  if (codes->len == 1)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The case has no line of enquiry yet"));
      gtk_widget_set_sensitive (row, FALSE);
    }
}

SotAdvicePointDialog *
sot_advice_point_dialog_new (GtkWindow               *parent,
                             SotStore                *store,
                             const char              *advice_uuid,
                             SotCpsAdvicePoint       *point,
                             GListModel              *lines)
{
  SotAdvicePointDialog *self;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (advice_uuid != NULL || point != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (lines), NULL);

  if (point == NULL)
    self = sot_victim_form_new (SOT_TYPE_ADVICE_POINT_DIALOG, parent, store, 0,
                                _("Add Advice Point"),
                                _("A point of the CPS’s early advice, and the line of enquiry "
                                  "that follows it up."),
                                _("_Add"));
  else
    self = sot_victim_form_new (SOT_TYPE_ADVICE_POINT_DIALOG, parent, store, 0,
                                _("Link Advice Point"), sot_cps_advice_point_get_summary (point),
                                _("_Link"));
  form = SOT_FORM_DIALOG (self);
  self->advice_uuid = g_strdup (point != NULL ? sot_cps_advice_point_get_advice_uuid (point)
                                              : advice_uuid);
  self->point_uuid = point != NULL ? g_strdup (sot_cps_advice_point_get_uuid (point)) : NULL;

  if (point == NULL)
    sot_form_dialog_add_entry (form, "summary", _("Point"), NULL, SOT_FORM_FIELD_REQUIRED);
  add_line_choice (form, lines,
                   point != NULL ? sot_cps_advice_point_get_line_of_enquiry_uuid (point) : NULL);
  return self;
}

const char *
sot_advice_point_dialog_get_advice_uuid (SotAdvicePointDialog *self)
{
  g_return_val_if_fail (SOT_IS_ADVICE_POINT_DIALOG (self), NULL);

  return self->advice_uuid;
}
