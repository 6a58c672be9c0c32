/* sot-suspect-dates-dialog.c: a suspect's relationship, arrest, interview, bail and release
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-suspect-dates-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-suspect-dates-dialog.h"
#include "sot-time.h"

struct _SotSuspectDatesDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  char          *uuid;
};

G_DEFINE_FINAL_TYPE (SotSuspectDatesDialog, sot_suspect_dates_dialog, SOT_TYPE_FORM_DIALOG)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields that hold a time, typed as UK local "YYYY-MM-DD HH:MM". */
static const char * const time_fields[] = { "arrested", "interviewed", "bailed", "released" };

/* Bail types in the form's order: none, pre-charge bail, released under investigation. */
static const char * const bail_codes[] = { NULL, SOT_BAIL_TYPE_BAIL, SOT_BAIL_TYPE_RUI };

/* A stored UTC time as the officer types it: "YYYY-MM-DD HH:MM", UK local time. */
static char *
time_entry_text (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (iso == NULL || (dt = sot_time_parse (iso, NULL)) == NULL)
    return g_strdup (iso ? iso : "");

  tz = sot_time_zone_uk ();
  local = g_date_time_to_timezone (dt, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Returns: (transfer full) (nullable): why @text is not a time, %NULL when it is one. A time
 * here may lie ahead (a bail return is planned), so the form kit's own time check, which
 * refuses the future, is not used. */
static char *
time_problem (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  GDate date;

  if (text == NULL || (dt = sot_time_parse (text, &error)) != NULL)
    return NULL;

  /* An impossible day ("2024-02-30") is named as such; anything else is a typing slip, and
   * the form to type is the one the officer sees, with a space rather than ISO's "T". */
  day = g_strndup (text, 10);
  if (!sot_date_parse (day, &date, NULL))
    /* Translators: "2024-02-30 is not a real date." */
    return g_strdup_printf (_("%s."), error->message);

  return g_strdup_printf (_("“%s” is not a date and time in the form YYYY-MM-DD HH:MM."), text);
}

static gboolean
sot_suspect_dates_dialog_check (SotFormDialog *form)
{
  const char *bail_type = sot_form_dialog_get_choice (form, "bail-type");
  const char *bailed = sot_form_dialog_get_text (form, "bailed");
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (time_fields); i++)
    {
      g_autofree char *problem = time_problem (sot_form_dialog_get_text (form, time_fields[i]));

      if (problem != NULL)
        {
          sot_form_dialog_set_error (form, time_fields[i], problem);
          ok = FALSE;
        }
    }

  if (bail_type != NULL && bailed == NULL)
    {
      sot_form_dialog_set_error (form, "bailed",
                                 _("Give the time the suspect was bailed or released under "
                                   "investigation."));
      ok = FALSE;
    }
  else if (bail_type == NULL && bailed != NULL)
    {
      sot_form_dialog_set_error (form, "bail-type",
                                 _("Choose pre-charge bail or released under investigation."));
      ok = FALSE;
    }

  if (sot_form_dialog_get_text (form, "bail-until") != NULL &&
      g_strcmp0 (bail_type, SOT_BAIL_TYPE_BAIL) != 0)
    {
      sot_form_dialog_set_error (form, "bail-until",
                                 _("Only pre-charge bail has a date to return on."));
      ok = FALSE;
    }

  return ok;
}

static void
sot_suspect_dates_dialog_accept (SotFormDialog *form)
{
  SotSuspectDatesDialog *self = SOT_SUSPECT_DATES_DIALOG (form);
  g_autoptr(SotSuspect) suspect = NULL;
  g_autoptr(GError) error = NULL;
  const char *relationship;

  /* Edit a fresh copy: a refused save leaves the row on display as stored. */
  suspect = sot_suspect_load (self->store, self->uuid, &error);
  if (suspect == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }

  relationship = sot_form_dialog_get_choice (form, "relationship");
  if (relationship != NULL)
    sot_suspect_set_relationship (suspect, relationship);
  sot_suspect_set_arrested_at (suspect, sot_form_dialog_get_text (form, "arrested"));
  sot_suspect_set_interviewed_at (suspect, sot_form_dialog_get_text (form, "interviewed"));
  sot_suspect_set_bailed_at (suspect, sot_form_dialog_get_text (form, "bailed"));
  sot_suspect_set_bail_type (suspect, sot_form_dialog_get_choice (form, "bail-type"));
  sot_suspect_set_bail_until (suspect, sot_form_dialog_get_text (form, "bail-until"));
  sot_suspect_set_released_at (suspect, sot_form_dialog_get_text (form, "released"));

  if (!sot_suspect_save (suspect, self->store, NULL, &error))
    g_signal_emit (self, signals[FAILED], 0, error->message);
  else
    g_signal_emit (self, signals[SAVED], 0, suspect);
}

static void
sot_suspect_dates_dialog_dispose (GObject *object)
{
  SotSuspectDatesDialog *self = SOT_SUSPECT_DATES_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_suspect_dates_dialog_parent_class)->dispose (object);
}

static void
sot_suspect_dates_dialog_finalize (GObject *object)
{
  SotSuspectDatesDialog *self = SOT_SUSPECT_DATES_DIALOG (object);

  g_free (self->uuid);

  G_OBJECT_CLASS (sot_suspect_dates_dialog_parent_class)->finalize (object);
}

static void
sot_suspect_dates_dialog_class_init (SotSuspectDatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_suspect_dates_dialog_dispose;
  object_class->finalize = sot_suspect_dates_dialog_finalize;
  form_class->check = sot_suspect_dates_dialog_check;
  form_class->accept = sot_suspect_dates_dialog_accept;

  /**
   * SotSuspectDatesDialog::saved:
   * @suspect: the suspect as saved
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SOT_TYPE_SUSPECT);

  /**
   * SotSuspectDatesDialog::failed:
   * @message: why the suspect was not saved, for the officer
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sot_suspect_dates_dialog_init (SotSuspectDatesDialog *self)
{
}

/* Adds the fields, filled from @suspect. */
static void
add_fields (SotFormDialog *form,
            SotSuspect    *suspect)
{
  const char * const *relationships = sot_suspect_relationships ();
  guint n = g_strv_length ((char **) relationships);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  const char *bail_labels[] = {
    _("Neither"),
    sot_suspect_bail_type_label (SOT_BAIL_TYPE_BAIL),
    sot_suspect_bail_type_label (SOT_BAIL_TYPE_RUI),
  };
  g_autofree char *arrested = time_entry_text (sot_suspect_get_arrested_at (suspect));
  g_autofree char *interviewed = time_entry_text (sot_suspect_get_interviewed_at (suspect));
  g_autofree char *bailed = time_entry_text (sot_suspect_get_bailed_at (suspect));
  g_autofree char *released = time_entry_text (sot_suspect_get_released_at (suspect));

  for (guint i = 0; i < n; i++)
    labels[i] = sot_suspect_relationship_label (relationships[i]);

  sot_form_dialog_add_choice (form, "relationship", _("Relationship"), relationships, labels, n,
                              sot_suspect_get_relationship (suspect));
  sot_form_dialog_add_entry (form, "arrested", _("Arrested"), arrested, SOT_FORM_FIELD_NONE);
  sot_form_dialog_add_entry (form, "interviewed", _("Interviewed Under Caution"), interviewed,
                             SOT_FORM_FIELD_NONE);
  sot_form_dialog_add_choice (form, "bail-type", _("Bail or RUI"), bail_codes, bail_labels,
                              G_N_ELEMENTS (bail_codes), sot_suspect_get_bail_type (suspect));
  sot_form_dialog_add_entry (form, "bailed", _("Bailed or Released Under Investigation"), bailed,
                             SOT_FORM_FIELD_NONE);
  /* A return date is in the future by nature. */
  sot_form_dialog_add_entry (form, "bail-until", _("Bail Until (YYYY-MM-DD)"),
                             sot_suspect_get_bail_until (suspect),
                             SOT_FORM_FIELD_DATE | SOT_FORM_FIELD_FUTURE_OK);
  sot_form_dialog_add_entry (form, "released", _("Released"), released, SOT_FORM_FIELD_NONE);
}

SotSuspectDatesDialog *
sot_suspect_dates_dialog_new (GtkWindow  *parent,
                              SotStore   *store,
                              SotSuspect *suspect)
{
  g_autoptr(GDateTime) now = NULL;
  SotSuspectDatesDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_SUSPECT (suspect), NULL);

  now = sot_store_now (store);
  self = g_object_new (SOT_TYPE_SUSPECT_DATES_DIALOG,
                       "transient-for", parent,
                       "heading", sot_suspect_get_display_name (suspect),
                       "body", _("Times are UK local time, typed as YYYY-MM-DD HH:MM. "
                                 "Leave a field empty if it has not happened."),
                       "now", now,
                       NULL);
  self->store = g_object_ref (store);
  self->uuid = g_strdup (sot_suspect_get_uuid (suspect));
  add_fields (SOT_FORM_DIALOG (self), suspect);

  return self;
}
