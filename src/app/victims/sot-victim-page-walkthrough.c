/* sot-victim-page-walkthrough.c: the Victim page's digital walkthrough and the victim's language
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-victim-page-private.h"
#include "sot-walkthrough.h"

/* The languages of the language row, in its order. */
static const char * const languages[] = { SOT_LANGUAGE_ENGLISH, SOT_LANGUAGE_WELSH };

/* ------------------------------------------------------------------------------------------ */
/* The walkthrough                                                                             */

static void
show_toast (SotVictimPage *self,
            const char    *message)
{
  /* The page sits in the window's toast overlay; alone (in a test) it shows no toast. */
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

/* Writes the walkthrough of the victim shown, in their recorded language, to @path. */
static void
write_walkthrough (SotVictimPage *self,
                   const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->victim_uuid == NULL)
    return;

  if (!sot_walkthrough_write_pdf (self->store, self->victim_uuid, NULL, path, &error))
    {
      sot_victim_page_show_error (self, _("The Walkthrough Was Not Saved"), error);
      return;
    }

  name = g_filename_display_basename (path);
  message = g_strdup_printf (_("Walkthrough saved as %s"), name);
  show_toast (self, message);
}

static void
walkthrough_response_cb (GtkNativeDialog *native,
                         int              response,
                         SotVictimPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    write_walkthrough (self, path);

  g_object_unref (self);
  g_object_unref (native);
}

static void
walkthrough_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SotVictimPage *self = SOT_VICTIM_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *safe = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (self->investigation == NULL || self->victim_uuid == NULL)
    return;

  if (self->walkthrough_path != NULL)
    {
      write_walkthrough (self, self->walkthrough_path);
      return;
    }

  safe = g_strdup (sot_investigation_get_crime_reference (self->investigation));
  g_strdelimit (safe, "/\\:", '-');
  name = g_strdup_printf ("walkthrough-%s.pdf", safe);

  native = gtk_file_chooser_native_new (_("Save the Walkthrough"),
                                        sot_victim_page_parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  g_signal_connect (native, "response", G_CALLBACK (walkthrough_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------------------------------ */
/* The victim's language                                                                       */

static void
language_selected_cb (SotVictimPage *self,
                      GParamSpec    *pspec,
                      AdwComboRow   *row)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || self->victim_uuid == NULL || selected >= G_N_ELEMENTS (languages))
    return;

  if (!sot_victim_set_language (self->store, self->victim_uuid, languages[selected], &error))
    {
      sot_victim_page_show_error (self, _("The Language Was Not Changed"), error);
      /* The row shows what is stored, not the click. */
      sot_victim_page_load_language (self);
    }
}

void
sot_victim_page_load_language (SotVictimPage *self)
{
  g_autofree char *language = NULL;
  guint selected = 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), self->victim_uuid != NULL);
  if (self->victim_uuid != NULL)
    language = sot_victim_get_language (self->store, self->victim_uuid);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      selected = i;

  self->loading = TRUE;
  adw_combo_row_set_selected (self->language_row, selected);
  self->loading = FALSE;
}

void
sot_victim_page_init_language (SotVictimPage *self)
{
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);
}

void
sot_victim_page_install_walkthrough_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "victim-page.walkthrough", NULL,
                                   walkthrough_action);
}

void
sot_victim_page_set_walkthrough_path (SotVictimPage *self,
                                      const char    *path)
{
  g_return_if_fail (SOT_IS_VICTIM_PAGE (self));

  g_free (self->walkthrough_path);
  self->walkthrough_path = g_strdup (path);
}
