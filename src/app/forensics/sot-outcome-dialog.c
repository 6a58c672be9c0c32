/* sot-outcome-dialog.c: the form that records the outcome of a third-party material request
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-outcome-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-forensics-ui.h"
#include "sot-outcome-dialog.h"

struct _SotOutcomeDialog
{
  SotFormDialog         parent_instance;

  SotStore             *store;
  SotThirdPartyRequest *request;
};

G_DEFINE_FINAL_TYPE (SotOutcomeDialog, sot_outcome_dialog, SOT_TYPE_FORM_DIALOG)

static const char * const outcome_codes[] = {
  SOT_TPM_PENDING, SOT_TPM_RECEIVED, SOT_TPM_PARTIAL, SOT_TPM_REFUSED, SOT_TPM_WITHDRAWN,
};

static void
sot_outcome_dialog_sync (SotFormDialog *form)
{
  sot_outcome_dialog_sync_fields (form);
}

static void
sot_outcome_dialog_accept (SotFormDialog *form)
{
  SotOutcomeDialog *self = SOT_OUTCOME_DIALOG (form);
  g_autoptr(GError) error = NULL;

  if (!sot_third_party_request_set_outcome (self->store, self->request,
                                            sot_form_dialog_get_choice (form, "outcome"),
                                            sot_form_dialog_get_text (form, "outcome-date"),
                                            sot_form_dialog_get_text (form, "outcome-note"),
                                            &error))
    sot_forensics_ui_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                 _("The outcome was not recorded"), error);
}

static void
sot_outcome_dialog_dispose (GObject *object)
{
  SotOutcomeDialog *self = SOT_OUTCOME_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->request);

  G_OBJECT_CLASS (sot_outcome_dialog_parent_class)->dispose (object);
}

static void
sot_outcome_dialog_class_init (SotOutcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_outcome_dialog_dispose;
  form_class->sync = sot_outcome_dialog_sync;
  form_class->accept = sot_outcome_dialog_accept;
}

static void
sot_outcome_dialog_init (SotOutcomeDialog *self)
{
}

void
sot_outcome_dialog_add_fields (SotFormDialog              *form,
                               SotThirdPartyRequest       *request)
{
  const char *labels[G_N_ELEMENTS (outcome_codes)];
  const char *outcome = NULL;
  const char *outcome_on = NULL;
  const char *note = NULL;
  g_autofree char *today = NULL;

  g_return_if_fail (SOT_IS_FORM_DIALOG (form));

  for (guint i = 0; i < G_N_ELEMENTS (outcome_codes); i++)
    labels[i] = sot_third_party_outcome_label (outcome_codes[i]);

  if (request != NULL)
    {
      outcome = sot_third_party_request_get_outcome (request);
      outcome_on = sot_third_party_request_get_outcome_on (request);
      note = sot_third_party_request_get_outcome_note (request);
    }

  today = sot_forensics_ui_date_for_entry (sot_form_dialog_get_now (form));
  sot_form_dialog_add_choice (form, "outcome", _("Outcome"), outcome_codes, labels,
                              G_N_ELEMENTS (outcome_codes), outcome);
  sot_form_dialog_add_entry (form, "outcome-date", _("Outcome on (YYYY-MM-DD)"),
                             outcome_on != NULL ? outcome_on : today, SOT_FORM_FIELD_DATE);
  sot_form_dialog_add_entry (form, "outcome-note", _("Outcome note"), note,
                             SOT_FORM_FIELD_NONE);
}

void
sot_outcome_dialog_sync_fields (SotFormDialog *form)
{
  gboolean pending = g_strcmp0 (sot_form_dialog_get_choice (form, "outcome"),
                                SOT_TPM_PENDING) == 0;

  g_return_if_fail (SOT_IS_FORM_DIALOG (form));

  /* A pending request has no outcome date or note yet. */
  sot_form_dialog_set_visible (form, "outcome-date", !pending);
  sot_form_dialog_set_visible (form, "outcome-note", !pending);
}

SotOutcomeDialog *
sot_outcome_dialog_new (GtkWindow            *parent,
                        SotStore             *store,
                        SotThirdPartyRequest *request)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *heading = NULL;
  SotOutcomeDialog *self;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (request), NULL);

  now = sot_store_now (store);
  heading = g_strdup_printf (_("Outcome of the Request to %s"),
                             sot_third_party_request_get_holder (request));
  self = g_object_new (SOT_TYPE_OUTCOME_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", sot_third_party_request_get_material (request),
                       "now", now,
                       NULL);
  self->store = g_object_ref (store);
  self->request = g_object_ref (request);
  sot_form_dialog_set_accept_label (SOT_FORM_DIALOG (self), _("_Record Outcome"));
  sot_outcome_dialog_add_fields (SOT_FORM_DIALOG (self), request);

  return self;
}
