/* sot-contact-dialog.c: the "Log Contact" form, with the Right 6 events the contact tells of
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-contact-dialog.h"
#include "sot-deadline.h"
#include "sot-victim-contact.h"
#include "sot-victim-forms.h"

struct _SotContactDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  gint64         investigation_id;
  gint64         victim_id;
  GPtrArray     *deadline_uuids;  /* the ids of the check boxes: the deadlines' UUIDs */
};

G_DEFINE_FINAL_TYPE (SotContactDialog, sot_contact_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_contact_dialog_accept (SotFormDialog *form)
{
  SotContactDialog *self = SOT_CONTACT_DIALOG (form);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = sot_form_dialog_get_time (form, "when");
  g_autoptr(GPtrArray) covers = g_ptr_array_new ();
  SotContactDetails d = { 0 };

  for (guint i = 0; i < self->deadline_uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (self->deadline_uuids, i);

      if (sot_form_dialog_get_active (form, uuid))
        g_ptr_array_add (covers, (gpointer) uuid);
    }
  g_ptr_array_add (covers, NULL);

  d.victim_id = self->victim_id;
  d.at = at;
  d.channel = sot_form_dialog_get_choice (form, "channel");
  d.who = sot_form_dialog_get_text (form, "who");
  d.isva_present = sot_form_dialog_get_active (form, "isva");
  d.summary = sot_form_dialog_get_text (form, "summary");
  d.covers = (const char * const *) covers->pdata;

  if (!sot_victim_contact_log (self->store, self->investigation_id, &d, NULL, &error))
    sot_victim_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                           _("The Contact Was Not Logged"), error);
}

static void
sot_contact_dialog_dispose (GObject *object)
{
  SotContactDialog *self = SOT_CONTACT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->deadline_uuids, g_ptr_array_unref);

  G_OBJECT_CLASS (sot_contact_dialog_parent_class)->dispose (object);
}

static void
sot_contact_dialog_class_init (SotContactDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_contact_dialog_dispose;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_contact_dialog_accept;
}

static void
sot_contact_dialog_init (SotContactDialog *self)
{
  self->deadline_uuids = g_ptr_array_new_with_free_func (g_free);
}

SotContactDialog *
sot_contact_dialog_new (GtkWindow  *parent,
                        SotStore   *store,
                        gint64      investigation_id,
                        gint64      victim_id,
                        const char *channel,
                        GListModel *deadlines)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  SotContactDialog *self;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (deadlines), NULL);

  now = sot_store_now (store);
  self = g_object_new (SOT_TYPE_CONTACT_DIALOG,
                       "transient-for", parent,
                       "heading", _("Log Contact"),
                       "body", _("Record a contact with the victim. Tick the events the victim "
                                 "was told of: their deadlines are then met."),
                       "now", now,
                       NULL);
  form = SOT_FORM_DIALOG (self);
  self->store = g_object_ref (store);
  self->investigation_id = investigation_id;
  self->victim_id = victim_id;

  now_text = sot_victim_now_text (store);
  sot_form_dialog_set_accept_label (form, _("_Log"));
  sot_form_dialog_add_entry (form, "when", _("Date and time"), now_text,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_TIME);
  sot_victim_add_channel_choice (form, "channel", channel);
  sot_form_dialog_add_entry (form, "who", _("Made by"), sot_store_get_operator (store),
                             SOT_FORM_FIELD_NONE);
  sot_form_dialog_add_switch (form, "isva", _("ISVA present"), NULL, FALSE);
  sot_form_dialog_add_entry (form, "summary", _("What was communicated"), NULL,
                             SOT_FORM_FIELD_NONE);

  for (guint i = 0, n = g_list_model_get_n_items (deadlines); i < n; i++)
    {
      g_autoptr(SotDeadline) deadline = g_list_model_get_item (deadlines, i);
      const char *uuid = sot_deadline_get_uuid (deadline);

      if (!g_str_has_prefix (sot_deadline_get_kind (deadline), SOT_DEADLINE_RIGHT6_PREFIX))
        continue;

      sot_form_dialog_add_check (form, uuid, sot_deadline_get_title (deadline),
                                 sot_deadline_get_when_text (deadline), TRUE);
      g_ptr_array_add (self->deadline_uuids, g_strdup (uuid));
    }

  return self;
}
