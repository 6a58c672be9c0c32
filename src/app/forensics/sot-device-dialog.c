/* sot-device-dialog.c: the form that records a digital device taken in an investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-device-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-device-dialog.h"
#include "sot-device.h"
#include "sot-forensics-ui.h"

struct _SotDeviceDialog
{
  SotFormDialog     parent_instance;

  SotStore         *store;
  SotInvestigation *investigation;
};

G_DEFINE_FINAL_TYPE (SotDeviceDialog, sot_device_dialog, SOT_TYPE_FORM_DIALOG)

static const char * const owner_codes[] = {
  SOT_DEVICE_OWNER_VICTIM, SOT_DEVICE_OWNER_WITNESS, SOT_DEVICE_OWNER_SUSPECT,
};

static const char * const basis_codes[] = {
  SOT_LEGAL_BASIS_S37_AGREEMENT, SOT_LEGAL_BASIS_S41, SOT_LEGAL_BASIS_SEIZURE,
  SOT_LEGAL_BASIS_OTHER,
};

static const char * const dpn_codes[] = { NULL, SOT_DPN_A, SOT_DPN_C };

static const char * const extraction_codes[] = {
  NULL, SOT_EXTRACTION_NONE, SOT_EXTRACTION_SELECTIVE, SOT_EXTRACTION_LOGICAL,
  SOT_EXTRACTION_FILE_SYSTEM, SOT_EXTRACTION_PHYSICAL, SOT_EXTRACTION_OTHER,
};

static gboolean
owner_is_suspect (SotFormDialog *form)
{
  return g_strcmp0 (sot_form_dialog_get_choice (form, "owner"), SOT_DEVICE_OWNER_SUSPECT) == 0;
}

static void
sot_device_dialog_sync (SotFormDialog *form)
{
  const char *basis = sot_form_dialog_get_choice (form, "legal-basis");

  /* The written notice belongs to an s.37 agreement, and is required there. */
  sot_form_dialog_set_visible (form, "notice-date",
                               g_strcmp0 (basis, SOT_LEGAL_BASIS_S37_AGREEMENT) == 0);
  sot_form_dialog_set_visible (form, "dpn-date", sot_form_dialog_get_choice (form, "dpn") != NULL);
}

static gboolean
sot_device_dialog_check (SotFormDialog *form)
{
  const char *dpn = sot_form_dialog_get_choice (form, "dpn");
  const char *scope_from = sot_form_dialog_get_text (form, "scope-from");
  const char *scope_until = sot_form_dialog_get_text (form, "scope-until");
  gboolean suspect = owner_is_suspect (form);
  gboolean valid = TRUE;

  if (dpn != NULL && g_str_equal (dpn, SOT_DPN_C) != suspect)
    {
      sot_form_dialog_set_error (form, "dpn", suspect
                                 ? _("A suspect's device takes DPN-c, not DPN-a")
                                 : _("A victim's or witness's device takes DPN-a, not DPN-c"));
      valid = FALSE;
    }

  /* Both are valid dates here (or the field shows its own error), so text order is date order. */
  if (scope_from != NULL && scope_until != NULL && g_strcmp0 (scope_until, scope_from) < 0)
    {
      sot_form_dialog_set_error (form, "scope-until", _("The scope ends before it starts"));
      valid = FALSE;
    }

  return valid;
}

static void
owner_changed_cb (SotFormDialog *form)
{
  /* Once a notice is chosen, follow the owner: DPN-c for suspects, DPN-a for anyone else. */
  if (sot_form_dialog_get_choice (form, "dpn") != NULL)
    sot_form_dialog_set_choice (form, "dpn", owner_is_suspect (form) ? SOT_DPN_C : SOT_DPN_A);
}

static void
sot_device_dialog_accept (SotFormDialog *form)
{
  SotDeviceDialog *self = SOT_DEVICE_DIALOG (form);
  g_autoptr(GError) error = NULL;
  SotDeviceDetails d = { 0 };

  d.owner_role = sot_form_dialog_get_choice (form, "owner");
  d.description = sot_form_dialog_get_text (form, "description");
  d.legal_basis = sot_form_dialog_get_choice (form, "legal-basis");
  d.legal_basis_note = sot_form_dialog_get_text (form, "basis-note");
  d.written_notice_on = sot_form_dialog_get_text (form, "notice-date");
  d.dpn_variant = sot_form_dialog_get_choice (form, "dpn");
  d.dpn_given_on = sot_form_dialog_get_text (form, "dpn-date");
  d.line_of_enquiry = sot_form_dialog_get_text (form, "line-of-enquiry");
  d.scope_data_types = sot_form_dialog_get_text (form, "scope-types");
  d.scope_from = sot_form_dialog_get_text (form, "scope-from");
  d.scope_until = sot_form_dialog_get_text (form, "scope-until");
  d.extraction_level = sot_form_dialog_get_choice (form, "extraction");
  d.taken_at = sot_form_dialog_get_text (form, "taken");
  d.swap_out_given = sot_form_dialog_get_active (form, "swap-out");

  if (!sot_device_add (self->store, sot_investigation_get_id (self->investigation), &d, NULL,
                       &error))
    sot_forensics_ui_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                 _("The device was not added"), error);
}

static void
sot_device_dialog_dispose (GObject *object)
{
  SotDeviceDialog *self = SOT_DEVICE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->investigation);

  G_OBJECT_CLASS (sot_device_dialog_parent_class)->dispose (object);
}

static void
sot_device_dialog_class_init (SotDeviceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_device_dialog_dispose;
  form_class->sync = sot_device_dialog_sync;
  form_class->check = sot_device_dialog_check;
  form_class->accept = sot_device_dialog_accept;
}

static void
sot_device_dialog_init (SotDeviceDialog *self)
{
}

static void
add_fields (SotDeviceDialog *self,
            const char      *now,
            const char      *today)
{
  SotFormDialog *form = SOT_FORM_DIALOG (self);
  const char *owner_labels[] = { _("The victim"), _("A witness"), _("A suspect") };
  const char *basis_labels[G_N_ELEMENTS (basis_codes)];
  const char *dpn_labels[] = {
    _("Not given yet"), _("DPN-a (victims and witnesses)"), _("DPN-c (suspects)"),
  };
  const char *extraction_labels[G_N_ELEMENTS (extraction_codes)];
  GtkWidget *owner;

  for (guint i = 0; i < G_N_ELEMENTS (basis_codes); i++)
    basis_labels[i] = sot_device_legal_basis_label (basis_codes[i]);
  extraction_labels[0] = _("Not decided yet");
  for (guint i = 1; i < G_N_ELEMENTS (extraction_codes); i++)
    extraction_labels[i] = sot_device_extraction_label (extraction_codes[i]);

  owner = sot_form_dialog_add_choice (form, "owner", _("Whose device"), owner_codes, owner_labels,
                                      G_N_ELEMENTS (owner_codes), NULL);
  sot_form_dialog_add_entry (form, "description", _("Description"), NULL,
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_choice (form, "legal-basis", _("Legal basis"), basis_codes, basis_labels,
                              G_N_ELEMENTS (basis_codes), NULL);
  sot_form_dialog_add_entry (form, "notice-date", _("Written notice given on (YYYY-MM-DD)"),
                             today, SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_DATE);
  sot_form_dialog_add_entry (form, "basis-note", _("Legal basis note"), NULL,
                             SOT_FORM_FIELD_NONE);
  sot_form_dialog_add_choice (form, "dpn", _("Digital Processing Notice"), dpn_codes, dpn_labels,
                              G_N_ELEMENTS (dpn_codes), NULL);
  sot_form_dialog_add_entry (form, "dpn-date", _("Notice given on (YYYY-MM-DD)"), today,
                             SOT_FORM_FIELD_DATE);
  sot_form_dialog_add_entry (form, "line-of-enquiry", _("Reasonable line of enquiry"), NULL,
                             SOT_FORM_FIELD_NONE);
  sot_form_dialog_add_entry (form, "scope-types", _("Scope: data types (messages; photos)"),
                             NULL, SOT_FORM_FIELD_NONE);
  sot_form_dialog_add_entry (form, "scope-from", _("Scope from (YYYY-MM-DD)"), NULL,
                             SOT_FORM_FIELD_DATE | SOT_FORM_FIELD_FUTURE_OK);
  sot_form_dialog_add_entry (form, "scope-until", _("Scope until (YYYY-MM-DD)"), NULL,
                             SOT_FORM_FIELD_DATE | SOT_FORM_FIELD_FUTURE_OK);
  sot_form_dialog_add_choice (form, "extraction", _("Extraction level"), extraction_codes,
                              extraction_labels, G_N_ELEMENTS (extraction_codes), NULL);
  sot_form_dialog_add_entry (form, "taken", _("Taken at (YYYY-MM-DD HH:MM)"), now,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_TIME);
  sot_form_dialog_add_switch (form, "swap-out", _("Swap-out phone given"),
                              _("A like-for-like phone while this one is held"), FALSE);

  g_signal_connect_object (owner, "notify::selected", G_CALLBACK (owner_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

SotDeviceDialog *
sot_device_dialog_new (GtkWindow        *parent,
                       SotStore         *store,
                       SotInvestigation *investigation)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *today = NULL;
  SotDeviceDialog *self;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_INVESTIGATION (investigation), NULL);

  now = sot_store_now (store);
  self = g_object_new (SOT_TYPE_DEVICE_DIALOG,
                       "transient-for", parent,
                       "heading", _("Add Device"),
                       "body", _("Take only what the reasonable line of enquiry needs, and say "
                                 "so. Times are UK local time (YYYY-MM-DD HH:MM); dates are "
                                 "YYYY-MM-DD."),
                       "now", now,
                       NULL);
  self->store = g_object_ref (store);
  self->investigation = g_object_ref (investigation);
  sot_form_dialog_set_accept_label (SOT_FORM_DIALOG (self), _("_Add"));

  now_text = sot_forensics_ui_time_for_entry (now);
  today = sot_forensics_ui_date_for_entry (now);
  add_fields (self, now_text, today);

  return self;
}
