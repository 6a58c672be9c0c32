/* sot-isva-dialog.c: the form to add or change the ISVA supporting a victim
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-isva-dialog.h"
#include "sot-isva.h"
#include "sot-victim-forms.h"

struct _SotIsvaDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  gint64         victim_id;
  /* The ISVA changed (NULL when adding one), and what the form does not show of it. */
  char          *uuid;
  char          *consent_on;
  char          *referred_on;
  char          *ended_on;
};

G_DEFINE_FINAL_TYPE (SotIsvaDialog, sot_isva_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_isva_dialog_accept (SotFormDialog *form)
{
  SotIsvaDialog *self = SOT_ISVA_DIALOG (form);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  SotIsvaDetails d = { 0 };

  d.service = sot_form_dialog_get_text (form, "service");
  d.name = sot_form_dialog_get_text (form, "name");
  d.consent_to_share = sot_form_dialog_get_active (form, "consent");

  if (self->uuid == NULL)
    {
      d.referred_on = sot_form_dialog_get_text (form, "referred-on");
      d.consent_on = d.consent_to_share ? d.referred_on : NULL;

      if (!sot_isva_add (self->store, self->victim_id, &d, &error))
        sot_victim_show_error (parent, _("The ISVA Was Not Recorded"), error);
      return;
    }

  d.uuid = self->uuid;
  d.referred_on = self->referred_on;
  d.ended_on = self->ended_on;
  /* Consent keeps the day it was given; consent given now is dated today; none, no date. */
  if (d.consent_to_share)
    d.consent_on = self->consent_on != NULL ? self->consent_on
                                            : (today = sot_victim_today_text (self->store));

  if (!sot_isva_update (self->store, &d, &error))
    sot_victim_show_error (parent, _("The ISVA Was Not Changed"), error);
}

static void
sot_isva_dialog_dispose (GObject *object)
{
  SotIsvaDialog *self = SOT_ISVA_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_isva_dialog_parent_class)->dispose (object);
}

static void
sot_isva_dialog_finalize (GObject *object)
{
  SotIsvaDialog *self = SOT_ISVA_DIALOG (object);

  g_free (self->uuid);
  g_free (self->consent_on);
  g_free (self->referred_on);
  g_free (self->ended_on);

  G_OBJECT_CLASS (sot_isva_dialog_parent_class)->finalize (object);
}

static void
sot_isva_dialog_class_init (SotIsvaDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sot_isva_dialog_dispose;
  object_class->finalize = sot_isva_dialog_finalize;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_isva_dialog_accept;
}

static void
sot_isva_dialog_init (SotIsvaDialog *self)
{
}

SotIsvaDialog *
sot_isva_dialog_new (GtkWindow     *parent,
                     SotStore      *store,
                     gint64         victim_id,
                     SotIsva       *isva)
{
  g_autoptr(GDateTime) now = NULL;
  SotIsvaDialog *self;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  now = sot_store_now (store);
  self = g_object_new (SOT_TYPE_ISVA_DIALOG,
                       "transient-for", parent,
                       "heading", isva != NULL ? _("Edit ISVA") : _("Add ISVA"),
                       "body", _("ISVAs stay out of the evidential chain: record who supports "
                                 "the victim, not what was discussed."),
                       "now", now,
                       NULL);
  form = SOT_FORM_DIALOG (self);
  self->store = g_object_ref (store);
  self->victim_id = victim_id;

  sot_form_dialog_add_entry (form, "service", _("Service"),
                             isva != NULL ? sot_isva_get_service (isva) : NULL,
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "name", _("Adviser’s name"),
                             isva != NULL ? sot_isva_get_name (isva) : NULL,
                             SOT_FORM_FIELD_NONE);

  if (isva == NULL)
    {
      g_autofree char *today = sot_victim_today_text (store);

      sot_form_dialog_set_accept_label (form, _("_Add"));
      sot_form_dialog_add_entry (form, "referred-on", _("Referred on"), today,
                                 SOT_FORM_FIELD_DATE);
    }
  else
    {
      self->uuid = g_strdup (sot_isva_get_uuid (isva));
      self->consent_on = sot_isva_get_consent_to_share (isva)
                           ? g_strdup (sot_isva_get_consent_on (isva)) : NULL;
      self->referred_on = g_strdup (sot_isva_get_referred_on (isva));
      self->ended_on = g_strdup (sot_isva_get_ended_on (isva));
    }

  sot_form_dialog_add_switch (form, "consent", _("Victim consents to information being shared"),
                              NULL, isva != NULL && sot_isva_get_consent_to_share (isva));
  return self;
}
