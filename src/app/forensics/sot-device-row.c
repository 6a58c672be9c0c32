/* sot-device-row.c: a digital device taken, with its legal basis and time held
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-device-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-device-row.h"
#include "sot-forensic-window.h"
#include "sot-forensics-ui.h"

struct _SotDeviceRow
{
  AdwActionRow  parent_instance;

  SotDevice    *device;
  const char   *flag;   /* a translated constant, or %NULL */
};

G_DEFINE_FINAL_TYPE (SotDeviceRow, sot_device_row, ADW_TYPE_ACTION_ROW)

static char *
describe (SotDevice *device,
          GDateTime *now)
{
  const char *notice = sot_device_get_written_notice_on (device);
  const char *dpn = sot_device_get_dpn_variant (device);
  const char *dpn_given = sot_device_get_dpn_given_on (device);
  const char *extraction = sot_device_get_extraction_level (device);
  const char *returned_at = sot_device_get_returned_at (device);
  const char *line = sot_device_get_line_of_enquiry (device);
  const char *scope = sot_device_get_scope_data_types (device);
  const char *scope_from = sot_device_get_scope_from (device);
  const char *scope_until = sot_device_get_scope_until (device);
  g_autofree char *taken = sot_forensics_ui_format_stored (sot_device_get_taken_at (device));
  g_autofree char *held = sot_forensic_format_duration (sot_device_held_for (device, now));
  GString *sub = g_string_new (sot_device_legal_basis_label (sot_device_get_legal_basis (device)));

  if (notice != NULL)
    g_string_append_printf (sub, _(" · written notice %s"), notice);
  if (dpn != NULL)
    g_string_append_printf (sub, " · %s %s", g_str_equal (dpn, SOT_DPN_A) ? "DPN-a" : "DPN-c",
                            dpn_given ? dpn_given : "");
  if (extraction != NULL)
    g_string_append_printf (sub, " · %s", sot_device_extraction_label (extraction));
  g_string_append_c (sub, '\n');
  if (returned_at != NULL)
    {
      g_autofree char *returned = sot_forensics_ui_format_stored (returned_at);

      g_string_append_printf (sub, _("Taken %s, returned %s: held %s"), taken, returned, held);
    }
  else
    g_string_append_printf (sub, _("Taken %s, not yet returned: held %s so far"), taken, held);
  if (line != NULL)
    g_string_append_printf (sub, _("\nLine of enquiry: %s"), line);
  if (scope != NULL)
    g_string_append_printf (sub, _("\nScope: %s %s–%s"), scope, scope_from ? scope_from : "",
                            scope_until ? scope_until : "");

  return g_string_free (sub, FALSE);
}

static void
sot_device_row_dispose (GObject *object)
{
  SotDeviceRow *self = SOT_DEVICE_ROW (object);

  g_clear_object (&self->device);

  G_OBJECT_CLASS (sot_device_row_parent_class)->dispose (object);
}

static void
sot_device_row_class_init (SotDeviceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sot_device_row_dispose;
}

static void
sot_device_row_init (SotDeviceRow *self)
{
}

GtkWidget *
sot_device_row_new (SotDevice *device,
                    GDateTime *now)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  SotDeviceRow *self;
  AdwActionRow *row;

  g_return_val_if_fail (SOT_IS_DEVICE (device), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (SOT_TYPE_DEVICE_ROW, NULL);
  row = ADW_ACTION_ROW (self);
  self->device = g_object_ref (device);

  title = g_strdup_printf ("%s · %s", sot_device_owner_label (sot_device_get_owner_role (device)),
                           sot_device_get_description (device));
  subtitle = describe (device, now);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 5);

  if (sot_device_is_flagged (device, now))
    {
      self->flag = sot_device_get_swap_out_given (device)
                   ? _("Over 24 hours (swap-out phone given)") : _("Over 24 hours");
      adw_action_row_add_suffix (row, sot_forensics_ui_badge (self->flag, "error"));
    }

  if (sot_device_get_returned_at (device) == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Return…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "forensics-page.record-return");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", sot_device_get_uuid (device));
      adw_action_row_add_suffix (row, button);
    }

  return GTK_WIDGET (self);
}

SotDevice *
sot_device_row_get_device (SotDeviceRow *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE_ROW (self), NULL);
  return self->device;
}

const char *
sot_device_row_get_flag (SotDeviceRow *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE_ROW (self), NULL);
  return self->flag;
}
