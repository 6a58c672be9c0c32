/* sot-movement-dialog.c: the form that adds a continuity entry to an exhibit, or corrects one
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-movement-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-forensics-ui.h"
#include "sot-movement-dialog.h"

struct _SotMovementDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  SotExhibit    *exhibit;
  char          *corrects_uuid;   /* %NULL: a new movement */
  gboolean       saved;
};

G_DEFINE_FINAL_TYPE (SotMovementDialog, sot_movement_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_movement_dialog_accept (SotFormDialog *form)
{
  SotMovementDialog *self = SOT_MOVEMENT_DIALOG (form);
  g_autoptr(GError) error = NULL;
  SotMovementDetails d = { 0 };

  d.from_holder = sot_form_dialog_get_text (form, "from");
  d.to_holder = sot_form_dialog_get_text (form, "to");
  d.moved_at = sot_form_dialog_get_text (form, "time");
  d.place = sot_form_dialog_get_text (form, "place");
  d.purpose = sot_form_dialog_get_choice (form, "purpose");
  d.note = sot_form_dialog_get_text (form, "note");
  d.corrects_uuid = self->corrects_uuid;
  d.correction_reason = d.corrects_uuid != NULL ? sot_form_dialog_get_text (form, "reason")
                                                : NULL;

  self->saved = sot_exhibit_append_movement (self->store, self->exhibit, &d, NULL, &error);
  if (!self->saved)
    sot_forensics_ui_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                 d.corrects_uuid ? _("The correction was not recorded")
                                                 : _("The movement was not recorded"), error);
}

static void
sot_movement_dialog_dispose (GObject *object)
{
  SotMovementDialog *self = SOT_MOVEMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->exhibit);

  G_OBJECT_CLASS (sot_movement_dialog_parent_class)->dispose (object);
}

static void
sot_movement_dialog_finalize (GObject *object)
{
  SotMovementDialog *self = SOT_MOVEMENT_DIALOG (object);

  g_free (self->corrects_uuid);

  G_OBJECT_CLASS (sot_movement_dialog_parent_class)->finalize (object);
}

static void
sot_movement_dialog_class_init (SotMovementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_movement_dialog_dispose;
  object_class->finalize = sot_movement_dialog_finalize;
  form_class->accept = sot_movement_dialog_accept;
}

static void
sot_movement_dialog_init (SotMovementDialog *self)
{
}

static void
add_purpose_choice (SotFormDialog *form,
                    const char    *selected)
{
  const char * const *purposes = sot_movement_purposes ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = g_strv_length ((char **) purposes);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, (gpointer) sot_movement_purpose_label (purposes[i]));

  sot_form_dialog_add_choice (form, "purpose", _("Purpose"), purposes,
                              (const char * const *) labels->pdata, n, selected);
}

SotMovementDialog *
sot_movement_dialog_new (GtkWindow                *parent,
                         SotStore                 *store,
                         SotExhibit               *exhibit,
                         SotExhibitMovement *corrects)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *moved = NULL;
  SotMovementDialog *self;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (exhibit != NULL, NULL);

  now = sot_store_now (store);
  if (corrects != NULL)
    {
      moved = sot_forensics_ui_stored_for_entry (sot_exhibit_movement_get_moved_at (corrects));
      heading = g_strdup_printf (_("Correct Entry %d of %s"),
                                 sot_exhibit_movement_get_position (corrects),
                                 sot_exhibit_get_reference (exhibit));
    }
  else
    {
      moved = sot_forensics_ui_time_for_entry (now);
      heading = g_strdup_printf (_("Add Movement of %s"), sot_exhibit_get_reference (exhibit));
    }

  self = g_object_new (SOT_TYPE_MOVEMENT_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", corrects != NULL
                               ? _("The correction is a new entry that takes the place of this "
                                   "one; the original stays in the record.")
                               : _("Who handed the exhibit to whom, when, where and why. Times "
                                   "are UK local time."),
                       "now", now,
                       NULL);
  form = SOT_FORM_DIALOG (self);
  self->store = g_object_ref (store);
  self->exhibit = g_object_ref (exhibit);
  if (corrects != NULL)
    self->corrects_uuid = g_strdup (sot_exhibit_movement_get_uuid (corrects));
  sot_form_dialog_set_accept_label (form, corrects != NULL ? _("_Record Correction") : _("_Add"));

  sot_form_dialog_add_entry (form, "from", _("From"),
                             corrects != NULL ? sot_exhibit_movement_get_from_holder (corrects)
                                              : sot_exhibit_get_current_holder (exhibit),
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "to", _("To"),
                             corrects != NULL ? sot_exhibit_movement_get_to_holder (corrects)
                                              : NULL,
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "time", _("Time (YYYY-MM-DD HH:MM)"), moved,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_TIME);
  sot_form_dialog_add_entry (form, "place", _("Place"),
                             corrects != NULL ? sot_exhibit_movement_get_place (corrects) : NULL,
                             SOT_FORM_FIELD_NONE);
  add_purpose_choice (form, corrects != NULL ? sot_exhibit_movement_get_purpose (corrects) : NULL);
  sot_form_dialog_add_entry (form, "note", _("Note"),
                             corrects != NULL ? sot_exhibit_movement_get_note (corrects) : NULL,
                             SOT_FORM_FIELD_NONE);
  if (corrects != NULL)
    sot_form_dialog_add_entry (form, "reason", _("Reason for the correction"), NULL,
                               SOT_FORM_FIELD_REQUIRED);

  return self;
}

SotExhibit *
sot_movement_dialog_get_exhibit (SotMovementDialog *self)
{
  g_return_val_if_fail (SOT_IS_MOVEMENT_DIALOG (self), NULL);
  return self->saved ? self->exhibit : NULL;
}
