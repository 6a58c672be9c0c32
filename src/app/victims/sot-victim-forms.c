/* sot-victim-forms.c: what the Victim page's forms share: the clock, channels, failures
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-cps.h"
#include "sot-time.h"
#include "sot-victim-contact.h"
#include "sot-victim-forms.h"

void
sot_victim_show_error (GtkWindow    *parent,
                       const char   *heading,
                       const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
sot_victim_today_text (SotStore *store)
{
  g_autoptr(GDateTime) now = sot_store_now (store);
  GDate today;

  sot_date_from_time (now, &today);
  return sot_date_format (&today);
}

char *
sot_victim_now_text (SotStore *store)
{
  g_autoptr(GDateTime) now = sot_store_now (store);
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
sot_victim_display_time (const char *stored)
{
  g_autoptr(GDateTime) dt = NULL;

  if (stored == NULL)
    return NULL;
  if (strlen (stored) == 10)
    return sot_date_format_display (stored);

  dt = g_date_time_new_from_iso8601 (stored, NULL);
  return dt != NULL ? sot_time_format_display (dt) : g_strdup (stored);
}

char *
sot_victim_display_date (const char *iso_date)
{
  char *text = iso_date != NULL ? sot_date_format_display (iso_date) : NULL;

  return text != NULL ? text : g_strdup (iso_date);
}

void
sot_victim_add_channel_choice (SotFormDialog *form,
                               const char    *id,
                               const char    *channel)
{
  const char * const *channels = sot_contact_channels ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = g_strv_length ((char **) channels);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, (gpointer) sot_contact_channel_label (channels[i]));

  /* An unknown or missing channel chooses the first, as before. */
  sot_form_dialog_add_choice (form, id, _("Channel"), channels,
                              (const char * const *) labels->pdata, n,
                              g_strv_contains (channels, channel != NULL ? channel : "")
                                ? channel : channels[0]);
}

void
sot_victim_add_index_choice (SotFormDialog      *form,
                             const char         *id,
                             const char         *title,
                             const char * const *labels,
                             guint               n)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (codes, g_strdup_printf ("%u", i));

  sot_form_dialog_add_choice (form, id, title, (const char * const *) codes->pdata, labels, n,
                              NULL);
}

guint
sot_victim_get_index_choice (SotFormDialog *form,
                             const char    *id)
{
  const char *code = sot_form_dialog_get_choice (form, id);

  return code != NULL ? (guint) g_ascii_strtoull (code, NULL, 10) : 0;
}

void
sot_victim_add_suspect_choice (SotFormDialog *form,
                               const char    *id,
                               GListModel    *suspects,
                               gboolean       with_none)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (with_none)
    {
      g_ptr_array_add (codes, NULL);
      g_ptr_array_add (labels, g_strdup (_("No suspect")));
    }

  for (guint i = 0; suspects != NULL && i < g_list_model_get_n_items (suspects); i++)
    {
      g_autoptr(SotCpsSuspect) s = g_list_model_get_item (suspects, i);

      g_ptr_array_add (codes, g_strdup_printf ("%" G_GINT64_FORMAT,
                                               sot_cps_suspect_get_suspect_id (s)));
      g_ptr_array_add (labels,
                       g_strdup_printf (_("Suspect %u"), sot_cps_suspect_get_number (s)));
    }

  /* The first suspect, when there is one: most cases have a single suspect. */
  sot_form_dialog_add_choice (form, id, _("Suspect"), (const char * const *) codes->pdata,
                              (const char * const *) labels->pdata, codes->len,
                              codes->len > (with_none ? 1u : 0u)
                                ? g_ptr_array_index (codes, with_none ? 1 : 0) : NULL);
}

gint64
sot_victim_get_suspect_choice (SotFormDialog *form,
                               const char    *id)
{
  const char *code = sot_form_dialog_get_choice (form, id);

  return code != NULL ? g_ascii_strtoll (code, NULL, 10) : 0;
}

gpointer
sot_victim_form_new (GType       type,
                     GtkWindow  *parent,
                     SotStore   *store,
                     gint64      owner_id,
                     const char *heading,
                     const char *body,
                     const char *accept_label)
{
  g_autoptr(GDateTime) now = sot_store_now (store);
  SotFormDialog *form = g_object_new (type,
                                      "transient-for", parent,
                                      "heading", heading,
                                      "body", body != NULL ? body : "",
                                      "now", now,
                                      NULL);
  SotVictimFormHead *head = (SotVictimFormHead *) form;

  head->store = g_object_ref (store);
  head->owner_id = owner_id;
  if (accept_label != NULL)
    sot_form_dialog_set_accept_label (form, accept_label);
  return form;
}

void
sot_victim_form_dispose (GObject *object)
{
  SotVictimFormHead *head = (SotVictimFormHead *) object;

  g_clear_object (&head->store);
  G_OBJECT_CLASS (g_type_class_peek (SOT_TYPE_FORM_DIALOG))->dispose (object);
}

void
sot_victim_form_report (gpointer      form,
                        const char   *heading,
                        const GError *error)
{
  sot_victim_show_error (gtk_window_get_transient_for (GTK_WINDOW (form)), heading, error);
}
