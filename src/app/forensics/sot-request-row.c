/* sot-request-row.c: a request for third-party material, with its outcome
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-request-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-forensics-ui.h"
#include "sot-request-row.h"

struct _SotRequestRow
{
  AdwActionRow          parent_instance;

  SotThirdPartyRequest *request;
};

G_DEFINE_FINAL_TYPE (SotRequestRow, sot_request_row, ADW_TYPE_ACTION_ROW)

static char *
describe (SotThirdPartyRequest *request)
{
  GString *sub = g_string_new (NULL);

  g_string_append_printf (sub, _("Why: %s"), request->reason);
  g_string_append_printf (sub, _("\nNecessary and proportionate: %s"), request->necessity_note);
  if (request->counselling)
    g_string_append_printf (sub, _("\nCounselling records; substantial probative value: %s"),
                            request->probative_value_note);
  g_string_append_c (sub, '\n');
  g_string_append_printf (sub, _("Requested %s"), request->requested_on ? request->requested_on
                                                                         : _("(not yet)"));
  if (request->victim_notified_on != NULL)
    g_string_append_printf (sub, _(" · victim told %s"), request->victim_notified_on);
  else
    g_string_append (sub, _(" · victim not yet told"));
  if (request->outcome_on != NULL || request->outcome_note != NULL)
    {
      g_string_append_c (sub, '\n');
      if (request->outcome_on != NULL)
        /* Translators: an outcome ("Refused") and its date. */
        g_string_append_printf (sub, _("%s on %s"),
                                sot_third_party_outcome_label (request->outcome),
                                request->outcome_on);
      else
        g_string_append (sub, sot_third_party_outcome_label (request->outcome));
      if (request->outcome_note != NULL)
        g_string_append_printf (sub, " · %s", request->outcome_note);
    }

  return g_string_free (sub, FALSE);
}

static void
sot_request_row_finalize (GObject *object)
{
  SotRequestRow *self = SOT_REQUEST_ROW (object);

  g_clear_pointer (&self->request, sot_third_party_request_unref);

  G_OBJECT_CLASS (sot_request_row_parent_class)->finalize (object);
}

static void
sot_request_row_class_init (SotRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sot_request_row_finalize;
}

static void
sot_request_row_init (SotRequestRow *self)
{
}

GtkWidget *
sot_request_row_new (SotThirdPartyRequest *request)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  SotRequestRow *self;
  AdwActionRow *row;
  GtkWidget *badge;
  GtkWidget *button;

  g_return_val_if_fail (request != NULL, NULL);

  self = g_object_new (SOT_TYPE_REQUEST_ROW, NULL);
  row = ADW_ACTION_ROW (self);
  self->request = sot_third_party_request_ref (request);

  title = g_strdup_printf ("%s · %s", request->holder, request->material);
  subtitle = describe (request);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 5);
  badge = sot_forensics_ui_badge (sot_third_party_outcome_label (request->outcome),
                                  request->victim_notified_on == NULL ? "warning" : NULL);
  adw_action_row_add_suffix (row, badge);

  button = gtk_button_new_with_mnemonic (_("_Outcome…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Record the outcome of the request"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "forensics-page.outcome");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", request->uuid);
  adw_action_row_add_suffix (row, button);

  return GTK_WIDGET (self);
}

SotThirdPartyRequest *
sot_request_row_get_request (SotRequestRow *self)
{
  g_return_val_if_fail (SOT_IS_REQUEST_ROW (self), NULL);
  return self->request;
}
