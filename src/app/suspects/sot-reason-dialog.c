/* sot-reason-dialog.c: a form that asks why, for an item (a line not pursued, a dismissal)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-reason-dialog"

#include "config.h"

#include "sot-reason-dialog.h"

struct _SotReasonDialog
{
  SotFormDialog  parent_instance;

  GObject       *item;
};

G_DEFINE_FINAL_TYPE (SotReasonDialog, sot_reason_dialog, SOT_TYPE_FORM_DIALOG)

enum {
  REASON_GIVEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sot_reason_dialog_accept (SotFormDialog *form)
{
  const char *reason = sot_form_dialog_get_text (form, "reason");

  /* A forced response can come with a blank reason: the core refuses it, and says so. */
  g_signal_emit (form, signals[REASON_GIVEN], 0, reason != NULL ? reason : "");
}

static void
sot_reason_dialog_dispose (GObject *object)
{
  SotReasonDialog *self = SOT_REASON_DIALOG (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (sot_reason_dialog_parent_class)->dispose (object);
}

static void
sot_reason_dialog_class_init (SotReasonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_reason_dialog_dispose;
  form_class->accept = sot_reason_dialog_accept;

  /**
   * SotReasonDialog::reason-given:
   * @reason: the reason, trimmed
   */
  signals[REASON_GIVEN] =
    g_signal_new ("reason-given", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sot_reason_dialog_init (SotReasonDialog *self)
{
}

SotReasonDialog *
sot_reason_dialog_new (GtkWindow             *parent,
                       GDateTime             *now,
                       GObject               *item,
                       const char            *heading,
                       const char            *body,
                       const char            *title,
                       const char            *accept_label,
                       AdwResponseAppearance  appearance)
{
  SotReasonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);
  g_return_val_if_fail (heading != NULL && title != NULL && accept_label != NULL, NULL);

  self = g_object_new (SOT_TYPE_REASON_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body != NULL ? body : "",
                       "now", now,
                       NULL);
  self->item = g_object_ref (item);
  sot_form_dialog_set_accept_label (SOT_FORM_DIALOG (self), accept_label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), SOT_FORM_DIALOG_ACCEPT,
                                              appearance);
  sot_form_dialog_add_entry (SOT_FORM_DIALOG (self), "reason", title, NULL,
                             SOT_FORM_FIELD_REQUIRED);

  return self;
}

GObject *
sot_reason_dialog_get_item (SotReasonDialog *self)
{
  g_return_val_if_fail (SOT_IS_REASON_DIALOG (self), NULL);

  return self->item;
}
