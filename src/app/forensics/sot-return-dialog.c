/* sot-return-dialog.c: the form that records a device's return to its owner
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-return-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-forensic-window.h"
#include "sot-forensics-ui.h"
#include "sot-return-dialog.h"
#include "sot-time.h"

struct _SotReturnDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  SotDevice     *device;
};

G_DEFINE_FINAL_TYPE (SotReturnDialog, sot_return_dialog, SOT_TYPE_FORM_DIALOG)

static gboolean
sot_return_dialog_check (SotFormDialog *form)
{
  SotReturnDialog *self = SOT_RETURN_DIALOG (form);
  g_autoptr(GDateTime) returned = sot_form_dialog_get_time (form, "returned");
  g_autoptr(GDateTime) taken = sot_time_parse (sot_device_get_taken_at (self->device), NULL);

  if (returned != NULL && taken != NULL && g_date_time_compare (returned, taken) < 0)
    {
      g_autofree char *taken_text = sot_forensic_format_time (taken);
      g_autofree char *message = g_strdup_printf (_("The device was taken at %s: it cannot "
                                                    "have been returned before that"),
                                                  taken_text);

      sot_form_dialog_set_error (form, "returned", message);
      return FALSE;
    }

  return TRUE;
}

static void
sot_return_dialog_accept (SotFormDialog *form)
{
  SotReturnDialog *self = SOT_RETURN_DIALOG (form);
  g_autoptr(GError) error = NULL;

  if (!sot_device_record_return (self->store, self->device,
                                 sot_form_dialog_get_text (form, "returned"), &error))
    sot_forensics_ui_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                 _("The return was not recorded"), error);
}

static void
sot_return_dialog_dispose (GObject *object)
{
  SotReturnDialog *self = SOT_RETURN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->device);

  G_OBJECT_CLASS (sot_return_dialog_parent_class)->dispose (object);
}

static void
sot_return_dialog_class_init (SotReturnDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_return_dialog_dispose;
  form_class->check = sot_return_dialog_check;
  form_class->accept = sot_return_dialog_accept;
}

static void
sot_return_dialog_init (SotReturnDialog *self)
{
}

SotReturnDialog *
sot_return_dialog_new (GtkWindow *parent,
                       SotStore  *store,
                       SotDevice *device)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *now_text = NULL;
  SotReturnDialog *self;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_DEVICE (device), NULL);

  now = sot_store_now (store);
  taken = sot_forensics_ui_format_stored (sot_device_get_taken_at (device));
  heading = g_strdup_printf (_("Record Return of %s"), sot_device_get_description (device));
  if (sot_device_get_swap_out_given (device))
    body = g_strdup_printf (_("Taken %s. A swap-out phone was given when it was taken. "
                              "The time is UK local time."), taken);
  else
    body = g_strdup_printf (_("Taken %s. No swap-out phone was recorded when it was taken. "
                              "The time is UK local time."), taken);

  self = g_object_new (SOT_TYPE_RETURN_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       "now", now,
                       NULL);
  self->store = g_object_ref (store);
  self->device = g_object_ref (device);
  sot_form_dialog_set_accept_label (SOT_FORM_DIALOG (self), _("_Record Return"));

  now_text = sot_forensics_ui_time_for_entry (now);
  sot_form_dialog_add_entry (SOT_FORM_DIALOG (self), "returned",
                             _("Returned at (YYYY-MM-DD HH:MM)"), now_text,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_TIME);

  return self;
}
