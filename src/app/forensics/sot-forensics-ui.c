/* sot-forensics-ui.c: small pieces the Forensics page, its rows and its dialogs share
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-forensics-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-exhibit.h"
#include "sot-forensic-window.h"
#include "sot-forensics-ui.h"
#include "sot-time.h"

void
sot_forensics_ui_show_error (GtkWindow    *parent,
                             const char   *heading,
                             const GError *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (heading != NULL && error != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
sot_forensics_ui_placeholder (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

GtkWidget *
sot_forensics_ui_action_row (const char *title,
                             const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

GtkWidget *
sot_forensics_ui_badge (const char *text,
                        const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

char *
sot_forensics_ui_format_stored (const char *stored)
{
  g_autoptr(GDateTime) dt = stored != NULL ? sot_time_parse (stored, NULL) : NULL;

  if (dt == NULL)
    return g_strdup (stored);

  return sot_forensic_format_time (dt);
}

char *
sot_forensics_ui_time_for_entry (GDateTime *now)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_timezone (now, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
sot_forensics_ui_stored_for_entry (const char *stored)
{
  g_autoptr(GDateTime) dt = stored != NULL ? sot_time_parse (stored, NULL) : NULL;

  return dt != NULL ? sot_forensics_ui_time_for_entry (dt) : NULL;
}

char *
sot_forensics_ui_date_for_entry (GDateTime *now)
{
  GDate today;

  g_return_val_if_fail (now != NULL, NULL);

  sot_date_from_time (now, &today);
  return sot_date_format (&today);
}
