/* sot-bail-dialog.c: the forms of a suspect's pre-charge bail: bail, extension, victim's views, end
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-bail-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-bail-dialog.h"
#include "sot-time.h"

/* The four forms share their store, record, signals and refusal path: one type, a kind each. */
struct _SotBailDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  SotBailForm    kind;
  SotSuspect    *suspect;   /* SOT_BAIL_FORM_RECORD */
  SotBailRecord *bail;      /* the other forms */
};

G_DEFINE_FINAL_TYPE (SotBailDialog, sot_bail_dialog, SOT_TYPE_FORM_DIALOG)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Saves the form through the core. Returns: (transfer full): what was recorded, for a toast. */
static char *
save (SotBailDialog  *self,
      GError        **error)
{
  SotFormDialog *form = SOT_FORM_DIALOG (self);
  const char *uuid = self->bail != NULL ? sot_bail_record_get_uuid (self->bail) : NULL;
  SotBailAuthority authority;

  switch (self->kind)
    {
    case SOT_BAIL_FORM_RECORD:
      if (!sot_bail_record (self->store, sot_suspect_get_investigation_id (self->suspect),
                            sot_suspect_get_id (self->suspect),
                            sot_form_dialog_get_text (form, "arrested-on"),
                            sot_form_dialog_get_text (form, "bailed-on"), NULL, NULL, error))
        return NULL;
      return g_strdup_printf (_("Recorded the pre-charge bail of %s"),
                              sot_suspect_get_display_name (self->suspect));

    case SOT_BAIL_FORM_EXTEND:
      if (!sot_bail_authority_from_string (sot_form_dialog_get_choice (form, "authority"),
                                           &authority))
        authority = SOT_BAIL_INITIAL;  /* refused by the core */
      if (!sot_bail_extend (self->store, uuid, authority,
                            sot_form_dialog_get_text (form, "authorised-on"),
                            sot_form_dialog_get_text (form, "authorised-by"), NULL, error))
        return NULL;
      return g_strdup (sot_bail_authority_label (authority));

    case SOT_BAIL_FORM_VICTIM_VIEWS:
      if (!sot_bail_record_victim_views (self->store, uuid,
                                         sot_form_dialog_get_text (form, "sought-on"), error))
        return NULL;
      return g_strdup (_("Recorded that the victim’s views on the bail conditions were sought"));

    case SOT_BAIL_FORM_END:
    default:
      if (!sot_bail_end (self->store, uuid, sot_form_dialog_get_text (form, "ended-on"), error))
        return NULL;
      return g_strdup (_("Recorded the end of pre-charge bail"));
    }
}

static void
sot_bail_dialog_accept (SotFormDialog *form)
{
  SotBailDialog *self = SOT_BAIL_DIALOG (form);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = save (self, &error);

  if (message == NULL)
    g_signal_emit (self, signals[FAILED], 0, error->message);
  else
    g_signal_emit (self, signals[SAVED], 0, message);
}

static void
sot_bail_dialog_dispose (GObject *object)
{
  SotBailDialog *self = SOT_BAIL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->suspect);
  g_clear_object (&self->bail);

  G_OBJECT_CLASS (sot_bail_dialog_parent_class)->dispose (object);
}

static void
sot_bail_dialog_class_init (SotBailDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_bail_dialog_dispose;
  form_class->accept = sot_bail_dialog_accept;

  /**
   * SotBailDialog::saved:
   * @message: what was recorded, for the officer
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SotBailDialog::failed:
   * @message: why nothing was saved (the core's refusal), for the officer
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sot_bail_dialog_init (SotBailDialog *self)
{
}

/* The authorities after the current one: the next is chosen, a later one the core refuses. */
static void
add_authority_choice (SotFormDialog *form,
                      SotBailRecord *bail)
{
  const char *codes[SOT_BAIL_N_AUTHORITIES];
  const char *labels[SOT_BAIL_N_AUTHORITIES];
  guint n = 0;

  for (guint i = sot_bail_record_get_authority (bail) + 1; i < SOT_BAIL_N_AUTHORITIES; i++)
    {
      codes[n] = sot_bail_authority_to_string (i);
      labels[n] = sot_bail_authority_label (i);
      n++;
    }

  sot_form_dialog_add_choice (form, "authority", _("Extension"), codes, labels, n, NULL);
}

static const char *
heading_for (SotBailForm kind)
{
  switch (kind)
    {
    case SOT_BAIL_FORM_RECORD:
      return _("Record Pre-Charge Bail");
    case SOT_BAIL_FORM_EXTEND:
      return _("Extend Pre-Charge Bail");
    case SOT_BAIL_FORM_VICTIM_VIEWS:
      return _("Victim’s Views Sought");
    case SOT_BAIL_FORM_END:
    default:
      return _("End Pre-Charge Bail");
    }
}

static char *
body_for (SotBailForm    kind,
          SotBailRecord *bail)
{
  g_autofree char *last_day = NULL;
  g_autofree char *until = NULL;

  switch (kind)
    {
    case SOT_BAIL_FORM_RECORD:
      return g_strdup (_("Bail runs 3 months, beginning with the day after the arrest."));
    case SOT_BAIL_FORM_EXTEND:
      last_day = sot_bail_record_dup_last_day (bail);
      until = sot_date_format_display (last_day);
      /* TRANSLATORS: %s is the last day of the current bail period */
      return g_strdup_printf (_("Bail until %s. Extensions go in order: inspector (6 months), "
                                "superintendent (9), court (12), court (18)."),
                              until ? until : "");
    case SOT_BAIL_FORM_VICTIM_VIEWS:
      return g_strdup (_("The day the victim’s views on the bail conditions were sought."));
    case SOT_BAIL_FORM_END:
    default:
      return g_strdup (_("The day bail ended: charged, released, or bail cancelled."));
    }
}

static void
add_fields (SotBailDialog *self,
            const char    *today)
{
  SotFormDialog *form = SOT_FORM_DIALOG (self);
  const SotFormFieldFlags date = SOT_FORM_FIELD_DATE | SOT_FORM_FIELD_REQUIRED;

  switch (self->kind)
    {
    case SOT_BAIL_FORM_RECORD:
      sot_form_dialog_add_entry (form, "arrested-on", _("Arrested on (YYYY-MM-DD)"), today, date);
      sot_form_dialog_add_entry (form, "bailed-on", _("Bailed on (YYYY-MM-DD)"), today, date);
      sot_form_dialog_set_accept_label (form, _("_Record"));
      break;
    case SOT_BAIL_FORM_EXTEND:
      add_authority_choice (form, self->bail);
      sot_form_dialog_add_entry (form, "authorised-on", _("Authorised on (YYYY-MM-DD)"), today,
                                 date);
      sot_form_dialog_add_entry (form, "authorised-by", _("Authorised by"), NULL,
                                 SOT_FORM_FIELD_NONE);
      sot_form_dialog_set_accept_label (form, _("_Extend"));
      break;
    case SOT_BAIL_FORM_VICTIM_VIEWS:
      sot_form_dialog_add_entry (form, "sought-on", _("Sought on (YYYY-MM-DD)"), today, date);
      sot_form_dialog_set_accept_label (form, _("_Save"));
      break;
    case SOT_BAIL_FORM_END:
    default:
      sot_form_dialog_add_entry (form, "ended-on", _("Ended on (YYYY-MM-DD)"), today, date);
      sot_form_dialog_set_accept_label (form, _("_End Bail"));
      break;
    }
}

SotBailDialog *
sot_bail_dialog_new (GtkWindow     *parent,
                     SotStore      *store,
                     SotBailForm    kind,
                     SotSuspect    *suspect,
                     SotBailRecord *bail)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *body = NULL;
  SotBailDialog *self;
  GDate day;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != SOT_BAIL_FORM_RECORD || SOT_IS_SUSPECT (suspect), NULL);
  g_return_val_if_fail (kind == SOT_BAIL_FORM_RECORD || SOT_IS_BAIL_RECORD (bail), NULL);

  now = sot_store_now (store);
  sot_date_from_time (now, &day);
  today = sot_date_format (&day);
  body = body_for (kind, bail);

  self = g_object_new (SOT_TYPE_BAIL_DIALOG,
                       "transient-for", parent,
                       "heading", heading_for (kind),
                       "body", body,
                       "now", now,
                       NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  g_set_object (&self->suspect, suspect);
  g_set_object (&self->bail, bail);
  add_fields (self, today);

  return self;
}

SotBailForm
sot_bail_dialog_get_kind (SotBailDialog *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_DIALOG (self), SOT_BAIL_FORM_RECORD);

  return self->kind;
}
