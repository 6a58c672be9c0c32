/* sot-window-clock.c: the training clock in the training banner, and the views that follow it
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-form-dialog.h"
#include "sot-time.h"
#include "sot-training-clock.h"
#include "sot-window-private.h"

static void
update_clock (SotWindow *self)
{
  gboolean training = sot_store_get_training (self->store);
  gboolean moved = sot_training_clock_is_moved (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clock-forward", training);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clock-to-date", training);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clock-reset", training && moved);

  if (moved)
    {
      g_autoptr(GDateTime) now = sot_store_now (self->store);
      g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
      g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);
      g_autofree char *when = g_date_time_format (local, "%a %-d %b %Y, %H:%M");
      /* Translators: the training clock's time, moved ahead of the real time. */
      g_autofree char *label = g_strdup_printf (_("Clock: %s"), when);

      gtk_menu_button_set_label (self->clock_button, label);
      gtk_widget_add_css_class (GTK_WIDGET (self->clock_button), "accent");
    }
  else
    {
      gtk_menu_button_set_label (self->clock_button, _("Clock: real time"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->clock_button), "accent");
    }
}

/* Every window, deadline and badge on show was computed from the old "now": compute them
 * again. The pages read their case afresh; the list rows are bound again. */
static void
clock_changed_cb (SotWindow *self,
                  SotStore  *store)
{
  g_autoptr(SotInvestigation) current = self->current ? g_object_ref (self->current) : NULL;

  update_clock (self);

  sot_overview_page_set_investigation (self->overview_page, NULL);
  sot_suspect_page_set_investigation (self->suspect_page, NULL);
  sot_forensics_page_set_investigation (self->forensics_page, NULL);
  sot_victim_page_set_investigation (self->victim_page, NULL);
  sot_timeline_page_set_investigation (self->timeline_page, NULL);
  if (current != NULL)
    {
      sot_overview_page_set_investigation (self->overview_page, current);
      sot_suspect_page_set_investigation (self->suspect_page, current);
      sot_forensics_page_set_investigation (self->forensics_page, current);
      sot_victim_page_set_investigation (self->victim_page, current);
      sot_timeline_page_set_investigation (self->timeline_page, current);
    }

  gtk_list_view_set_model (self->list_view, NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
clock_forward_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sot_training_clock_advance (self->store, g_variant_get_int32 (parameter) *
                                   G_TIME_SPAN_HOUR, &error))
    _sot_window_show_toast (self, error->message);
}

static void
clock_reset_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sot_training_clock_set (self->store, NULL, &error))
    _sot_window_show_toast (self, error->message);
}

static void
to_date_response_cb (SotFormDialog *form,
                     const char    *response,
                     SotWindow     *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, SOT_FORM_DIALOG_ACCEPT) != 0)
    return;

  text = g_strdup_printf ("%sT%s", sot_form_dialog_get_text (form, "date"),
                          sot_form_dialog_get_text (form, "time"));
  to = sot_time_parse (text, &error);
  if (to == NULL || !sot_training_clock_set (self->store, to, &error))
    _sot_window_show_toast (self, error->message);
}

static void
clock_to_date_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SotWindow *self = SOT_WINDOW (widget);
  g_autoptr(GDateTime) now = sot_store_now (self->store);
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  SotFormDialog *form;

  form = sot_form_dialog_new (GTK_WINDOW (self), _("Move the Training Clock"),
                              _("Every deadline, window and badge follows the clock. Records "
                                "made meanwhile are dated by it; the audit log keeps the real "
                                "time."),
                              _("_Move"), now);
  sot_form_dialog_add_entry (form, "date", _("Date (YYYY-MM-DD)"), date,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_DATE |
                             SOT_FORM_FIELD_FUTURE_OK);
  sot_form_dialog_add_entry (form, "time", _("Time (HH:MM, UK time)"), time,
                             SOT_FORM_FIELD_REQUIRED);
  g_signal_connect_object (form, "response", G_CALLBACK (to_date_response_cb), self, 0);
  sot_form_dialog_present (form);
}

void
_sot_window_clock_init (SotWindow *self)
{
  g_signal_connect_object (self->store, "clock-changed", G_CALLBACK (clock_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_clock (self);
}

void
_sot_window_class_init_clock (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.clock-forward", "i",
                                   clock_forward_activated);
  gtk_widget_class_install_action (widget_class, "win.clock-to-date", NULL,
                                   clock_to_date_activated);
  gtk_widget_class_install_action (widget_class, "win.clock-reset", NULL,
                                   clock_reset_activated);
}
