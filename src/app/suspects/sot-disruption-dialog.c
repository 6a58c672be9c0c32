/* sot-disruption-dialog.c: where a disruption option stands, since when, and what came of it
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-disruption-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-disruption-dialog.h"
#include "sot-time.h"

struct _SotDisruptionDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  SotDisruption *option;
};

G_DEFINE_FINAL_TYPE (SotDisruptionDialog, sot_disruption_dialog, SOT_TYPE_FORM_DIALOG)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
sot_disruption_dialog_check (SotFormDialog *form)
{
  const char *status = sot_form_dialog_get_choice (form, "status");

  if (sot_form_dialog_get_text (form, "date") == NULL &&
      (g_strcmp0 (status, SOT_DISRUPTION_GRANTED) == 0 ||
       g_strcmp0 (status, SOT_DISRUPTION_REFUSED) == 0))
    {
      sot_form_dialog_set_error (form, "date", _("Give the date of the decision."));
      return FALSE;
    }

  return TRUE;
}

static void
sot_disruption_dialog_accept (SotFormDialog *form)
{
  SotDisruptionDialog *self = SOT_DISRUPTION_DIALOG (form);
  g_autoptr(GError) error = NULL;

  if (!sot_disruption_set_status (self->option, self->store,
                                  sot_form_dialog_get_choice (form, "status"),
                                  sot_form_dialog_get_text (form, "date"),
                                  sot_form_dialog_get_text (form, "outcome"), &error))
    g_signal_emit (self, signals[FAILED], 0, error->message);
  else
    g_signal_emit (self, signals[SAVED], 0, self->option);
}

static void
sot_disruption_dialog_dispose (GObject *object)
{
  SotDisruptionDialog *self = SOT_DISRUPTION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->option);

  G_OBJECT_CLASS (sot_disruption_dialog_parent_class)->dispose (object);
}

static void
sot_disruption_dialog_class_init (SotDisruptionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_disruption_dialog_dispose;
  form_class->check = sot_disruption_dialog_check;
  form_class->accept = sot_disruption_dialog_accept;

  /**
   * SotDisruptionDialog::saved:
   * @option: the option, with its new status
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SOT_TYPE_DISRUPTION);

  /**
   * SotDisruptionDialog::failed:
   * @message: why the option was not saved, for the officer
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sot_disruption_dialog_init (SotDisruptionDialog *self)
{
}

SotDisruptionDialog *
sot_disruption_dialog_new (GtkWindow     *parent,
                           SotStore      *store,
                           SotDisruption *option)
{
  const char * const *statuses = sot_disruption_statuses ();
  guint n = g_strv_length ((char **) statuses);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today_text = NULL;
  SotDisruptionDialog *self;
  SotFormDialog *form;
  GDate today;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_DISRUPTION (option), NULL);

  now = sot_store_now (store);
  sot_date_from_time (now, &today);
  today_text = sot_date_format (&today);
  for (guint i = 0; i < n; i++)
    labels[i] = sot_disruption_status_label (statuses[i]);

  self = g_object_new (SOT_TYPE_DISRUPTION_DIALOG,
                       "transient-for", parent,
                       "heading", sot_disruption_kind_label (sot_disruption_get_kind (option)),
                       "body", _("Where the option stands, the date it got there, and what "
                                 "came of it."),
                       "now", now,
                       NULL);
  self->store = g_object_ref (store);
  self->option = g_object_ref (option);

  form = SOT_FORM_DIALOG (self);
  sot_form_dialog_add_choice (form, "status", _("Status"), statuses, labels, n,
                              sot_disruption_get_status (option));
  /* A decision may be dated ahead, as the form always allowed. */
  sot_form_dialog_add_entry (form, "date", _("Date (YYYY-MM-DD)"),
                             sot_disruption_get_status_on (option)
                             ? sot_disruption_get_status_on (option) : today_text,
                             SOT_FORM_FIELD_DATE | SOT_FORM_FIELD_FUTURE_OK);
  sot_form_dialog_add_entry (form, "outcome", _("Outcome"), sot_disruption_get_outcome (option),
                             SOT_FORM_FIELD_NONE);

  return self;
}
