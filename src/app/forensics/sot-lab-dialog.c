/* sot-lab-dialog.c: the form for an exhibit's laboratory submission and result
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-lab-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-forensics-ui.h"
#include "sot-lab-dialog.h"
#include "sot-time.h"

struct _SotLabDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  SotExhibit    *exhibit;
};

G_DEFINE_FINAL_TYPE (SotLabDialog, sot_lab_dialog, SOT_TYPE_FORM_DIALOG)

static gboolean
sot_lab_dialog_check (SotFormDialog *form)
{
  g_autoptr(GDateTime) submitted = sot_form_dialog_get_time (form, "lab-submitted");
  g_autoptr(GDateTime) result_at = sot_form_dialog_get_time (form, "lab-result-at");
  gboolean valid = TRUE;

  /* A result needs the time it came back. */
  if (sot_form_dialog_get_text (form, "lab-result") != NULL &&
      sot_form_dialog_get_text (form, "lab-result-at") == NULL)
    valid = FALSE;

  if (submitted != NULL && result_at != NULL && g_date_time_compare (result_at, submitted) < 0)
    {
      sot_form_dialog_set_error (form, "lab-result-at",
                                 _("The result cannot come before the submission"));
      valid = FALSE;
    }

  return valid;
}

/* Returns: (transfer full) (nullable): the time in the field @id as stored (ISO 8601 UTC). */
static char *
time_stored (SotFormDialog *form,
             const char    *id)
{
  g_autoptr(GDateTime) dt = sot_form_dialog_get_time (form, id);

  return dt != NULL ? sot_time_format_utc (dt) : NULL;
}

static void
sot_lab_dialog_accept (SotFormDialog *form)
{
  SotLabDialog *self = SOT_LAB_DIALOG (form);
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExhibit) copy = sot_exhibit_copy (self->exhibit);
  g_autofree char *submitted = time_stored (form, "lab-submitted");
  g_autofree char *result_at = time_stored (form, "lab-result-at");

  sot_exhibit_set_lab_name (copy, sot_form_dialog_get_text (form, "lab-name"));
  sot_exhibit_set_lab_submitted_at (copy, submitted);
  sot_exhibit_set_lab_result (copy, sot_form_dialog_get_text (form, "lab-result"));
  sot_exhibit_set_lab_result_at (copy, result_at);

  if (!sot_exhibit_update (self->store, copy, "laboratory", &error))
    sot_forensics_ui_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                 _("The laboratory details were not saved"), error);
}

static void
sot_lab_dialog_dispose (GObject *object)
{
  SotLabDialog *self = SOT_LAB_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->exhibit);

  G_OBJECT_CLASS (sot_lab_dialog_parent_class)->dispose (object);
}

static void
sot_lab_dialog_class_init (SotLabDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_lab_dialog_dispose;
  form_class->check = sot_lab_dialog_check;
  form_class->accept = sot_lab_dialog_accept;
}

static void
sot_lab_dialog_init (SotLabDialog *self)
{
}

SotLabDialog *
sot_lab_dialog_new (GtkWindow  *parent,
                    SotStore   *store,
                    SotExhibit *exhibit)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *result_at = NULL;
  SotLabDialog *self;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (exhibit != NULL, NULL);

  now = sot_store_now (store);
  heading = g_strdup_printf (_("Laboratory: %s"), sot_exhibit_get_reference (exhibit));
  self = g_object_new (SOT_TYPE_LAB_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", _("Where the exhibit was submitted and what came back. Record "
                                 "its journey to the laboratory as a movement too. Times are UK "
                                 "local time."),
                       "now", now,
                       NULL);
  form = SOT_FORM_DIALOG (self);
  self->store = g_object_ref (store);
  self->exhibit = g_object_ref (exhibit);

  submitted = sot_forensics_ui_stored_for_entry (sot_exhibit_get_lab_submitted_at (exhibit));
  result_at = sot_forensics_ui_stored_for_entry (sot_exhibit_get_lab_result_at (exhibit));
  sot_form_dialog_add_entry (form, "lab-name", _("Laboratory"), sot_exhibit_get_lab_name (exhibit),
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "lab-submitted", _("Submitted at (YYYY-MM-DD HH:MM)"),
                             submitted, SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_TIME);
  sot_form_dialog_add_entry (form, "lab-result", _("Result"), sot_exhibit_get_lab_result (exhibit),
                             SOT_FORM_FIELD_NONE);
  sot_form_dialog_add_entry (form, "lab-result-at", _("Result received at (YYYY-MM-DD HH:MM)"),
                             result_at, SOT_FORM_FIELD_TIME);

  return self;
}
