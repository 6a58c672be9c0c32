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
  const char *requested_on = sot_third_party_request_get_requested_on (request);
  const char *notified_on = sot_third_party_request_get_victim_notified_on (request);
  const char *outcome =
    sot_third_party_outcome_label (sot_third_party_request_get_outcome (request));
  const char *outcome_on = sot_third_party_request_get_outcome_on (request);
  const char *outcome_note = sot_third_party_request_get_outcome_note (request);
  GString *sub = g_string_new (NULL);

  g_string_append_printf (sub, _("Why: %s"), sot_third_party_request_get_reason (request));
  g_string_append_printf (sub, _("\nNecessary and proportionate: %s"),
                          sot_third_party_request_get_necessity_note (request));
  if (sot_third_party_request_get_counselling (request))
    g_string_append_printf (sub, _("\nCounselling records; substantial probative value: %s"),
                            sot_third_party_request_get_probative_value_note (request));
  g_string_append_c (sub, '\n');
  g_string_append_printf (sub, _("Requested %s"), requested_on ? requested_on : _("(not yet)"));
  if (notified_on != NULL)
    g_string_append_printf (sub, _(" · victim told %s"), notified_on);
  else
    g_string_append (sub, _(" · victim not yet told"));
  if (outcome_on != NULL || outcome_note != NULL)
    {
      g_string_append_c (sub, '\n');
      if (outcome_on != NULL)
        /* Translators: an outcome ("Refused") and its date. */
        g_string_append_printf (sub, _("%s on %s"), outcome, outcome_on);
      else
        g_string_append (sub, outcome);
      if (outcome_note != NULL)
        g_string_append_printf (sub, " · %s", outcome_note);
    }

  return g_string_free (sub, FALSE);
}

static void
sot_request_row_dispose (GObject *object)
{
  SotRequestRow *self = SOT_REQUEST_ROW (object);

  g_clear_object (&self->request);

  G_OBJECT_CLASS (sot_request_row_parent_class)->dispose (object);
}

static void
sot_request_row_class_init (SotRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sot_request_row_dispose;
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
  const char *outcome;
  gboolean notified;
  GtkWidget *badge;
  GtkWidget *button;

  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (request), NULL);

  self = g_object_new (SOT_TYPE_REQUEST_ROW, NULL);
  row = ADW_ACTION_ROW (self);
  self->request = g_object_ref (request);

  title = g_strdup_printf ("%s · %s", sot_third_party_request_get_holder (request),
                           sot_third_party_request_get_material (request));
  subtitle = describe (request);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 5);
  outcome = sot_third_party_request_get_outcome (request);
  notified = sot_third_party_request_get_victim_notified_on (request) != NULL;
  badge = sot_forensics_ui_badge (sot_third_party_outcome_label (outcome),
                                  notified ? NULL : "warning");
  adw_action_row_add_suffix (row, badge);

  button = gtk_button_new_with_mnemonic (_("_Outcome…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Record the outcome of the request"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "forensics-page.outcome");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    sot_third_party_request_get_uuid (request));
  adw_action_row_add_suffix (row, button);

  return GTK_WIDGET (self);
}

SotThirdPartyRequest *
sot_request_row_get_request (SotRequestRow *self)
{
  g_return_val_if_fail (SOT_IS_REQUEST_ROW (self), NULL);
  return self->request;
}
