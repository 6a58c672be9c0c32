/* sot-request-dialog.c: the form that records a request for third-party material
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-request-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-device.h"
#include "sot-forensics-ui.h"
#include "sot-outcome-dialog.h"
#include "sot-request-dialog.h"

struct _SotRequestDialog
{
  SotFormDialog     parent_instance;

  SotStore         *store;
  SotInvestigation *investigation;
};

G_DEFINE_FINAL_TYPE (SotRequestDialog, sot_request_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_request_dialog_sync (SotFormDialog *form)
{
  /* Counselling records need the note on substantial probative value (PCSC Act s.44A). */
  sot_form_dialog_set_visible (form, "probative", sot_form_dialog_get_active (form, "counselling"));
  sot_outcome_dialog_sync_fields (form);
}

static void
sot_request_dialog_accept (SotFormDialog *form)
{
  SotRequestDialog *self = SOT_REQUEST_DIALOG (form);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(SotThirdPartyRequest) request = NULL;
  SotThirdPartyDetails d = { 0 };
  const char *outcome;

  d.holder = sot_form_dialog_get_text (form, "holder");
  d.material = sot_form_dialog_get_text (form, "material");
  d.reason = sot_form_dialog_get_text (form, "reason");
  d.necessity_note = sot_form_dialog_get_text (form, "necessity");
  d.counselling = sot_form_dialog_get_active (form, "counselling");
  d.probative_value_note = sot_form_dialog_get_text (form, "probative");
  d.npcc_form_used = sot_form_dialog_get_active (form, "npcc-form");
  d.requested_on = sot_form_dialog_get_text (form, "requested-on");
  d.victim_notified_on = sot_form_dialog_get_text (form, "victim-told");

  if (!sot_third_party_request_add (self->store, sot_investigation_get_id (self->investigation),
                                    &d, &request, &error))
    {
      sot_forensics_ui_show_error (parent, _("The request was not added"), error);
      return;
    }

  /* A new request is pending; an outcome already known is recorded on it. The form checked
   * the outcome's date, so this does not fail but on a database error. */
  outcome = sot_form_dialog_get_choice (form, "outcome");
  if (outcome != NULL && !g_str_equal (outcome, SOT_TPM_PENDING) &&
      !sot_third_party_request_set_outcome (self->store, request, outcome,
                                            sot_form_dialog_get_text (form, "outcome-date"),
                                            sot_form_dialog_get_text (form, "outcome-note"),
                                            &error))
    sot_forensics_ui_show_error (parent, _("The request was added, but not its outcome"), error);
}

static void
sot_request_dialog_dispose (GObject *object)
{
  SotRequestDialog *self = SOT_REQUEST_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->investigation);

  G_OBJECT_CLASS (sot_request_dialog_parent_class)->dispose (object);
}

static void
sot_request_dialog_class_init (SotRequestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_request_dialog_dispose;
  form_class->sync = sot_request_dialog_sync;
  form_class->accept = sot_request_dialog_accept;
}

static void
sot_request_dialog_init (SotRequestDialog *self)
{
}

SotRequestDialog *
sot_request_dialog_new (GtkWindow        *parent,
                        SotStore         *store,
                        SotInvestigation *investigation)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  SotRequestDialog *self;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_INVESTIGATION (investigation), NULL);

  now = sot_store_now (store);
  self = g_object_new (SOT_TYPE_REQUEST_DIALOG,
                       "transient-for", parent,
                       "heading", _("Add Third-Party Request"),
                       "body", _("Request only what is necessary and proportionate for a "
                                 "reasonable line of enquiry, and tell the victim in writing. "
                                 "Dates are YYYY-MM-DD."),
                       "now", now,
                       NULL);
  form = SOT_FORM_DIALOG (self);
  self->store = g_object_ref (store);
  self->investigation = g_object_ref (investigation);
  sot_form_dialog_set_accept_label (form, _("_Add"));

  today = sot_forensics_ui_date_for_entry (now);
  sot_form_dialog_add_entry (form, "holder", _("Held by (school, GP, social care…)"), NULL,
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "material", _("What is sought"), NULL,
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "reason", _("Why: the line of enquiry"), NULL,
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "necessity", _("Why necessary and proportionate"), NULL,
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_switch (form, "counselling", _("Counselling records"),
                              _("Need substantial probative value"), FALSE);
  sot_form_dialog_add_entry (form, "probative", _("Substantial probative value"), NULL,
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_switch (form, "npcc-form", _("NPCC request form used"), NULL, FALSE);
  sot_form_dialog_add_entry (form, "requested-on", _("Requested on (YYYY-MM-DD)"), today,
                             SOT_FORM_FIELD_DATE);
  sot_form_dialog_add_entry (form, "victim-told", _("Victim told in writing on (YYYY-MM-DD)"),
                             NULL, SOT_FORM_FIELD_DATE);
  sot_outcome_dialog_add_fields (form, NULL);

  return self;
}
