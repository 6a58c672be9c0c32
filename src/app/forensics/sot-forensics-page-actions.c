/* sot-forensics-page-actions.c: the Forensics page's actions, forms and PDF exports
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-forensics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-device-dialog.h"
#include "sot-exhibit-dialog.h"
#include "sot-forensic-pdf.h"
#include "sot-forensics-page-private.h"
#include "sot-forensics-ui.h"
#include "sot-lab-dialog.h"
#include "sot-movement-dialog.h"
#include "sot-outcome-dialog.h"
#include "sot-request-dialog.h"
#include "sot-retention-dialog.h"
#include "sot-return-dialog.h"

static GtkWindow *
parent_window (SotForensicsPage *self)
{
  return sot_forensics_page_get_parent_window (self);
}

static SotExhibit *
find_exhibit (SotForensicsPage *self,
              const char       *uuid)
{
  SotExhibitRow *row = sot_forensics_page_find_exhibit_row (self, uuid);

  return row != NULL ? sot_exhibit_row_get_exhibit (row) : NULL;
}

/* Dialogs: each form saves itself; the page then shows what changed. */

static void
form_response_cb (SotForensicsPage *self,
                  const char       *response,
                  SotFormDialog    *form)
{
  SotExhibit *exhibit = NULL;

  if (g_strcmp0 (response, SOT_FORM_DIALOG_ACCEPT) != 0)
    return;

  if (SOT_IS_EXHIBIT_DIALOG (form))
    exhibit = sot_exhibit_dialog_get_exhibit (SOT_EXHIBIT_DIALOG (form));
  else if (SOT_IS_MOVEMENT_DIALOG (form))
    exhibit = sot_movement_dialog_get_exhibit (SOT_MOVEMENT_DIALOG (form));

  /* Open the exhibit so that a break the entry made shows at once. */
  if (exhibit != NULL)
    g_hash_table_add (self->expanded, g_strdup (sot_exhibit_get_uuid (exhibit)));

  sot_forensics_page_refresh_register (self);
}

static GtkWidget *
present_form (SotForensicsPage *self,
              gpointer          form)
{
  /* After the form's own handler, which saves it. */
  g_signal_connect_object (form, "response", G_CALLBACK (form_response_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  sot_form_dialog_present (SOT_FORM_DIALOG (form));
  return GTK_WIDGET (form);
}

GtkWidget *
sot_forensics_page_open_exhibit_dialog (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  g_return_val_if_fail (self->investigation != NULL, NULL);

  return present_form (self, sot_exhibit_dialog_new (parent_window (self), self->store,
                                                     self->catalogue, self->investigation,
                                                     self->exhibits));
}

GtkWidget *
sot_forensics_page_open_movement_dialog (SotForensicsPage *self,
                                         const char       *exhibit_uuid)
{
  SotExhibit *exhibit;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  exhibit = find_exhibit (self, exhibit_uuid);
  g_return_val_if_fail (exhibit != NULL, NULL);

  return present_form (self, sot_movement_dialog_new (parent_window (self), self->store, exhibit,
                                                      NULL));
}

GtkWidget *
sot_forensics_page_open_device_dialog (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  g_return_val_if_fail (self->investigation != NULL, NULL);

  return present_form (self, sot_device_dialog_new (parent_window (self), self->store,
                                                    self->investigation));
}

GtkWidget *
sot_forensics_page_open_return_dialog (SotForensicsPage *self,
                                       const char       *device_uuid)
{
  SotDeviceRow *row;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  row = sot_forensics_page_find_device_row (self, device_uuid);
  g_return_val_if_fail (row != NULL, NULL);

  return present_form (self, sot_return_dialog_new (parent_window (self), self->store,
                                                    sot_device_row_get_device (row)));
}

GtkWidget *
sot_forensics_page_open_request_dialog (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  g_return_val_if_fail (self->investigation != NULL, NULL);

  return present_form (self, sot_request_dialog_new (parent_window (self), self->store,
                                                     self->investigation));
}

GtkWidget *
sot_forensics_page_open_outcome_dialog (SotForensicsPage *self,
                                        const char       *request_uuid)
{
  SotRequestRow *row;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  row = sot_forensics_page_find_request_row (self, request_uuid);
  g_return_val_if_fail (row != NULL, NULL);

  return present_form (self, sot_outcome_dialog_new (parent_window (self), self->store,
                                                     sot_request_row_get_request (row)));
}

GtkWidget *
sot_forensics_page_open_lab_dialog (SotForensicsPage *self,
                                    const char       *exhibit_uuid)
{
  SotExhibit *exhibit;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  exhibit = find_exhibit (self, exhibit_uuid);
  g_return_val_if_fail (exhibit != NULL, NULL);

  return present_form (self, sot_lab_dialog_new (parent_window (self), self->store, exhibit));
}

GtkWidget *
sot_forensics_page_open_retention_dialog (SotForensicsPage *self,
                                          const char       *exhibit_uuid)
{
  SotExhibit *exhibit;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  exhibit = find_exhibit (self, exhibit_uuid);
  g_return_val_if_fail (exhibit != NULL, NULL);

  return present_form (self, sot_retention_dialog_new (parent_window (self), self->store,
                                                       exhibit));
}

/* PDF export */

typedef struct {
  SotForensicsPage *self;
  char             *exhibit_uuid;   /* %NULL: labels of every exhibit */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->self);
  g_free (data->exhibit_uuid);
  g_free (data);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    ExportData      *data)
{
  SotForensicsPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean ok = TRUE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL && data->exhibit_uuid != NULL)
    {
      SotExhibit *exhibit = find_exhibit (self, data->exhibit_uuid);

      if (exhibit != NULL)
        ok = sot_forensic_pdf_write_continuity (self->store, exhibit, self->catalogue, path,
                                                &error);
    }
  else if (path != NULL && self->exhibits != NULL)
    ok = sot_forensic_pdf_write_labels (self->store, self->exhibits, path, &error);

  if (!ok)
    sot_forensics_ui_show_error (parent_window (self), _("The PDF was not saved"), error);

  export_data_free (data);
  g_object_unref (native);
}

static void
export_pdf (SotForensicsPage *self,
            const char       *exhibit_uuid,
            const char       *title,
            const char       *file_name)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ExportData *data = g_new0 (ExportData, 1);

  native = gtk_file_chooser_native_new (title, parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  data->self = g_object_ref (self);
  data->exhibit_uuid = g_strdup (exhibit_uuid);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Actions */

static void
add_exhibit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);

  if (self->investigation != NULL)
    sot_forensics_page_open_exhibit_dialog (self);
}

static void
add_device_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);

  if (self->investigation != NULL)
    sot_forensics_page_open_device_dialog (self);
}

static void
add_request_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);

  if (self->investigation != NULL)
    sot_forensics_page_open_request_dialog (self);
}

static void
labels_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *safe = NULL;

  if (self->investigation == NULL)
    return;

  safe = g_strdup (sot_investigation_get_crime_reference (self->investigation));
  g_strdelimit (safe, "/\\:", '-');
  name = g_strdup_printf ("%s-exhibit-labels.pdf", safe);
  export_pdf (self, NULL, _("Save Exhibit Labels"), name);
}

static void
continuity_pdf_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  SotExhibit *exhibit = find_exhibit (self, uuid);
  g_autofree char *name = NULL;

  if (exhibit == NULL)
    return;

  /* The alias, never the reference: "/" cannot be in a file name. */
  name = g_strdup_printf ("%s-continuity.pdf", sot_exhibit_get_alias (exhibit));
  export_pdf (self, uuid, _("Save Continuity Record"), name);
}

static void
exhibit_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  if (find_exhibit (self, uuid) == NULL)
    return;

  if (g_str_equal (action_name, "forensics-page.add-movement"))
    sot_forensics_page_open_movement_dialog (self, uuid);
  else if (g_str_equal (action_name, "forensics-page.laboratory"))
    sot_forensics_page_open_lab_dialog (self, uuid);
  else if (g_str_equal (action_name, "forensics-page.retention"))
    sot_forensics_page_open_retention_dialog (self, uuid);
}

static void
correct_movement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);
  const char *exhibit_uuid;
  const char *movement_uuid;
  SotExhibitMovement *movement;
  SotExhibitRow *row;

  g_variant_get (parameter, "(&s&s)", &exhibit_uuid, &movement_uuid);
  row = sot_forensics_page_find_exhibit_row (self, exhibit_uuid);
  movement = row != NULL ? sot_exhibit_row_get_movement (row, movement_uuid) : NULL;
  if (movement == NULL)
    return;

  present_form (self, sot_movement_dialog_new (parent_window (self), self->store,
                                               sot_exhibit_row_get_exhibit (row), movement));
}

static void
record_return_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  if (sot_forensics_page_find_device_row (self, uuid) != NULL)
    sot_forensics_page_open_return_dialog (self, uuid);
}

static void
outcome_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  if (sot_forensics_page_find_request_row (self, uuid) != NULL)
    sot_forensics_page_open_outcome_dialog (self, uuid);
}

void
sot_forensics_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "forensics-page.add-exhibit", NULL,
                                   add_exhibit_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.labels-pdf",
                                   NULL, labels_pdf_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.add-device",
                                   NULL, add_device_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.add-request", NULL,
                                   add_request_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.add-movement",
                                   "s", exhibit_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.laboratory", "s", exhibit_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.retention", "s", exhibit_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.continuity-pdf", "s",
                                   continuity_pdf_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.correct-movement", "(ss)",
                                   correct_movement_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.record-return", "s",
                                   record_return_action);
  gtk_widget_class_install_action (widget_class, "forensics-page.outcome", "s", outcome_action);
}
