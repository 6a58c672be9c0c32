/* sot-victim-dialogs.c: the Victim page's small forms: event, agreed updates, letter, opt-out
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-right6.h"
#include "sot-victim-contact.h"
#include "sot-victim-dialogs.h"
#include "sot-victim-forms.h"
#include "sot-victim-letter.h"
#include "sot-victim-rights.h"

/* ------------------------------------------------------------------------------------------ */
/* Record Event                                                                                */

struct _SotEventDialog { SotVictimFormHead head; };

G_DEFINE_FINAL_TYPE (SotEventDialog, sot_event_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_event_dialog_accept (SotFormDialog *form)
{
  SotEventDialog *self = SOT_EVENT_DIALOG (form);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = sot_form_dialog_get_time (form, "when");

  if (!sot_right6_record (self->head.store, self->head.owner_id,
                          sot_victim_get_index_choice (form, "event"), at,
                          sot_victim_get_suspect_choice (form, "suspect"), NULL, NULL, &error))
    sot_victim_form_report (self, _("The Event Was Not Recorded"), error);
}

static void
sot_event_dialog_class_init (SotEventDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_victim_form_dispose;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_event_dialog_accept;
}

static void
sot_event_dialog_init (SotEventDialog *self)
{
}

SotEventDialog *
sot_event_dialog_new (GtkWindow *parent,
                      SotStore  *store,
                      gint64     investigation_id,
                      GListModel *suspects)
{
  const char *labels[SOT_RIGHT6_N_EVENTS];
  g_autofree char *now = NULL;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  form = sot_victim_form_new (SOT_TYPE_EVENT_DIALOG, parent, store, investigation_id,
                              _("Record Event"),
                              _("The deadline to tell the victim is worked out from the "
                                "event’s day, in working days."),
                              _("_Record"));

  for (guint i = 0; i < SOT_RIGHT6_N_EVENTS; i++)
    labels[i] = sot_right6_event_label (i);
  now = sot_victim_now_text (store);

  sot_victim_add_index_choice (form, "event", _("Event"), labels, SOT_RIGHT6_N_EVENTS);
  sot_form_dialog_add_entry (form, "when", _("Date and time"), now,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_TIME);
  sot_victim_add_suspect_choice (form, "suspect", suspects, TRUE);
  return SOT_EVENT_DIALOG (form);
}

/* ------------------------------------------------------------------------------------------ */
/* Agreed Updates                                                                              */

struct _SotAgreementDialog
{
  SotVictimFormHead head;
  GtkSpinButton *frequency;
};

G_DEFINE_FINAL_TYPE (SotAgreementDialog, sot_agreement_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_agreement_dialog_accept (SotFormDialog *form)
{
  SotAgreementDialog *self = SOT_AGREEMENT_DIALOG (form);
  g_autoptr(GError) error = NULL;

  if (!sot_victim_set_preference (self->head.store, self->head.owner_id,
                                  (guint) gtk_spin_button_get_value_as_int (self->frequency),
                                  sot_form_dialog_get_choice (form, "channel"), NULL, NULL,
                                  &error))
    sot_victim_form_report (self, _("The Agreement Was Not Saved"), error);
}

static void
sot_agreement_dialog_class_init (SotAgreementDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_victim_form_dispose;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_agreement_dialog_accept;
}

static void
sot_agreement_dialog_init (SotAgreementDialog *self)
{
}

SotAgreementDialog *
sot_agreement_dialog_new (GtkWindow  *parent,
                          SotStore   *store,
                          gint64      victim_id,
                          guint       frequency_days,
                          const char *channel)
{
  SotAgreementDialog *self;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 365, 1);

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  self = sot_victim_form_new (SOT_TYPE_AGREEMENT_DIALOG, parent, store, victim_id,
                              _("Agreed Updates"),
                              _("How often the victim wants to hear about the investigation, "
                                "and how. The earlier agreement is kept."),
                              _("_Save"));

  /* A number of days, not text: a spin button in a row that is not a field of the form. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Every how many days"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), frequency_days > 0 ? frequency_days : 14);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Every how many days"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  sot_form_dialog_add_row (SOT_FORM_DIALOG (self), row);
  self->frequency = GTK_SPIN_BUTTON (spin);

  sot_victim_add_channel_choice (SOT_FORM_DIALOG (self), "channel", channel);
  return self;
}

/* ------------------------------------------------------------------------------------------ */
/* Record Letter                                                                               */

struct _SotLetterDialog
{
  SotVictimFormHead head;
  gint64 victim_id;
};

G_DEFINE_FINAL_TYPE (SotLetterDialog, sot_letter_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_letter_dialog_accept (SotFormDialog *form)
{
  SotLetterDialog *self = SOT_LETTER_DIALOG (form);
  g_autoptr(GError) error = NULL;

  if (!sot_victim_letter_add (self->head.store, self->head.owner_id, self->victim_id,
                              sot_form_dialog_get_choice (form, "kind"),
                              sot_form_dialog_get_text (form, "sent-on"),
                              sot_form_dialog_get_text (form, "sent-by"), NULL, &error))
    sot_victim_form_report (self, _("The Letter Was Not Recorded"), error);
}

static void
sot_letter_dialog_class_init (SotLetterDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_victim_form_dispose;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_letter_dialog_accept;
}

static void
sot_letter_dialog_init (SotLetterDialog *self)
{
}

SotLetterDialog *
sot_letter_dialog_new (GtkWindow *parent,
                       SotStore  *store,
                       gint64     investigation_id,
                       gint64     victim_id)
{
  const char * const *kinds = sot_victim_letter_kinds ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *today = NULL;
  SotLetterDialog *self;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  self = sot_victim_form_new (SOT_TYPE_LETTER_DIALOG, parent, store, investigation_id,
                              _("Record Letter"),
                              NULL, _("_Record"));
  form = SOT_FORM_DIALOG (self);
  self->victim_id = victim_id;

  for (guint i = 0; kinds[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) sot_victim_letter_label (kinds[i]));
  today = sot_victim_today_text (store);

  sot_form_dialog_add_choice (form, "kind", _("Letter"), kinds,
                              (const char * const *) labels->pdata, labels->len, NULL);
  sot_form_dialog_add_entry (form, "sent-on", _("Sent on"), today, SOT_FORM_FIELD_DATE);
  sot_form_dialog_add_entry (form, "sent-by", _("Sent by"), sot_store_get_operator (store),
                             SOT_FORM_FIELD_NONE);
  return self;
}

/* ------------------------------------------------------------------------------------------ */
/* Opt out of enhanced rights                                                                  */

struct _SotOptOutDialog { SotVictimFormHead head; };

G_DEFINE_FINAL_TYPE (SotOptOutDialog, sot_opt_out_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_opt_out_dialog_accept (SotFormDialog *form)
{
  SotOptOutDialog *self = SOT_OPT_OUT_DIALOG (form);
  g_autoptr(GError) error = NULL;

  if (!sot_victim_set_enhanced (self->head.store, self->head.owner_id, FALSE,
                                sot_form_dialog_get_text (form, "on"),
                                sot_form_dialog_get_text (form, "reason"), &error))
    sot_victim_form_report (self, _("The Opt-Out Was Not Recorded"), error);
}

static void
sot_opt_out_dialog_class_init (SotOptOutDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_victim_form_dispose;
  SOT_FORM_DIALOG_CLASS (klass)->accept = sot_opt_out_dialog_accept;
}

static void
sot_opt_out_dialog_init (SotOptOutDialog *self)
{
}

SotOptOutDialog *
sot_opt_out_dialog_new (GtkWindow *parent,
                        SotStore  *store,
                        gint64     victim_id)
{
  g_autofree char *today = NULL;
  SotFormDialog *form;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  form = sot_victim_form_new (SOT_TYPE_OPT_OUT_DIALOG, parent, store, victim_id,
                              _("Opt Out of Enhanced Rights?"),
                              _("Complainants of sexual offences have enhanced rights unless "
                                "they opt out. Deadlines already worked out do not change."),
                              _("_Opt Out"));
  today = sot_victim_today_text (store);
  sot_form_dialog_add_entry (form, "on", _("Opted out on"), today,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_DATE);
  sot_form_dialog_add_entry (form, "reason", _("Reason (optional)"), NULL, SOT_FORM_FIELD_NONE);
  return SOT_OPT_OUT_DIALOG (form);
}
