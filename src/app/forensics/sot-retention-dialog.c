/* sot-retention-dialog.c: the form for the decision to keep, dispose of or return an exhibit
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-retention-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-forensics-ui.h"
#include "sot-retention-dialog.h"

struct _SotRetentionDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  SotExhibit    *exhibit;
};

G_DEFINE_FINAL_TYPE (SotRetentionDialog, sot_retention_dialog, SOT_TYPE_FORM_DIALOG)

static const char * const retention_codes[] = {
  NULL, SOT_RETENTION_RETAIN, SOT_RETENTION_DISPOSE, SOT_RETENTION_RETURN_TO_OWNER,
};

static void
sot_retention_dialog_sync (SotFormDialog *form)
{
  gboolean decided = sot_form_dialog_get_choice (form, "retention") != NULL;

  sot_form_dialog_set_visible (form, "decided-on", decided);
  sot_form_dialog_set_visible (form, "retention-note", decided);
}

static void
sot_retention_dialog_accept (SotFormDialog *form)
{
  SotRetentionDialog *self = SOT_RETENTION_DIALOG (form);
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExhibit) copy = sot_exhibit_copy (self->exhibit);

  /* Hidden fields read as %NULL: an undecided exhibit keeps no date or note. */
  sot_exhibit_set_retention (copy, sot_form_dialog_get_choice (form, "retention"));
  sot_exhibit_set_retention_decided_on (copy, sot_form_dialog_get_text (form, "decided-on"));
  sot_exhibit_set_retention_note (copy, sot_form_dialog_get_text (form, "retention-note"));

  if (!sot_exhibit_update (self->store, copy, "retention", &error))
    sot_forensics_ui_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                 _("The retention decision was not saved"), error);
}

static void
sot_retention_dialog_dispose (GObject *object)
{
  SotRetentionDialog *self = SOT_RETENTION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->exhibit);

  G_OBJECT_CLASS (sot_retention_dialog_parent_class)->dispose (object);
}

static void
sot_retention_dialog_class_init (SotRetentionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_retention_dialog_dispose;
  form_class->sync = sot_retention_dialog_sync;
  form_class->accept = sot_retention_dialog_accept;
}

static void
sot_retention_dialog_init (SotRetentionDialog *self)
{
}

SotRetentionDialog *
sot_retention_dialog_new (GtkWindow  *parent,
                          SotStore   *store,
                          SotExhibit *exhibit)
{
  const char *labels[G_N_ELEMENTS (retention_codes)];
  const char *decided_on;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *today = NULL;
  SotRetentionDialog *self;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (exhibit != NULL, NULL);

  decided_on = sot_exhibit_get_retention_decided_on (exhibit);
  for (guint i = 0; i < G_N_ELEMENTS (retention_codes); i++)
    labels[i] = sot_exhibit_retention_label (retention_codes[i]);

  now = sot_store_now (store);
  today = sot_forensics_ui_date_for_entry (now);
  heading = g_strdup_printf (_("Retention of %s"), sot_exhibit_get_reference (exhibit));
  self = g_object_new (SOT_TYPE_RETENTION_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", _("Whether the exhibit is kept, disposed of or returned, who "
                                 "decided and why. Record the disposal or return itself as a "
                                 "movement."),
                       "now", now,
                       NULL);
  form = SOT_FORM_DIALOG (self);
  self->store = g_object_ref (store);
  self->exhibit = g_object_ref (exhibit);

  sot_form_dialog_add_choice (form, "retention", _("Decision"), retention_codes, labels,
                              G_N_ELEMENTS (retention_codes), sot_exhibit_get_retention (exhibit));
  sot_form_dialog_add_entry (form, "decided-on", _("Decided on (YYYY-MM-DD)"),
                             decided_on != NULL ? decided_on : today,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_DATE);
  sot_form_dialog_add_entry (form, "retention-note", _("Who decided, and why"),
                             sot_exhibit_get_retention_note (exhibit), SOT_FORM_FIELD_NONE);

  return self;
}
