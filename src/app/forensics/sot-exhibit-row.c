/* sot-exhibit-row.c: an exhibit of the register, opening on its continuity and breaks
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-exhibit-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-exhibit-row.h"
#include "sot-forensics-ui.h"

struct _SotExhibitRow
{
  AdwExpanderRow  parent_instance;

  SotExhibit     *exhibit;
  GListModel     *movements;   /* SotExhibitMovement, in order */
  GPtrArray      *breaks;      /* the messages shown */
};

G_DEFINE_FINAL_TYPE (SotExhibitRow, sot_exhibit_row, ADW_TYPE_EXPANDER_ROW)

static GtkWidget *
laboratory_row (SotExhibit *exhibit)
{
  const char *lab_name = sot_exhibit_get_lab_name (exhibit);
  const char *submitted_at = sot_exhibit_get_lab_submitted_at (exhibit);
  g_autoptr(GString) sub = g_string_new (NULL);

  if (lab_name == NULL && submitted_at == NULL)
    return sot_forensics_ui_action_row (_("Laboratory"), _("Not submitted"));

  if (submitted_at != NULL)
    {
      g_autofree char *submitted = sot_forensics_ui_format_stored (submitted_at);

      g_string_append_printf (sub, _("%s, submitted %s"),
                              lab_name != NULL ? lab_name : _("Laboratory"), submitted);
    }
  else
    g_string_append (sub, lab_name);

  g_string_append_c (sub, '\n');
  if (sot_exhibit_get_lab_result (exhibit) != NULL)
    {
      g_autofree char *result_at =
        sot_forensics_ui_format_stored (sot_exhibit_get_lab_result_at (exhibit));

      g_string_append_printf (sub, _("Result: %s (%s)"), sot_exhibit_get_lab_result (exhibit),
                              result_at ? result_at : _("time not recorded"));
    }
  else
    g_string_append (sub, _("No result yet"));

  return sot_forensics_ui_action_row (_("Laboratory"), sub->str);
}

static GtkWidget *
retention_row (SotExhibit *exhibit)
{
  const char *decided_on = sot_exhibit_get_retention_decided_on (exhibit);
  const char *note = sot_exhibit_get_retention_note (exhibit);
  g_autofree char *sub = NULL;

  if (sot_exhibit_get_retention (exhibit) == NULL)
    return sot_forensics_ui_action_row (_("Retention"), _("Not decided yet"));

  /* Translators: a decision ("Retain"), its date, and who decided and why. */
  sub = g_strdup_printf (_("%s · decided %s%s%s"),
                         sot_exhibit_retention_label (sot_exhibit_get_retention (exhibit)),
                         decided_on != NULL ? decided_on : "",
                         note != NULL ? " · " : "",
                         note != NULL ? note : "");
  return sot_forensics_ui_action_row (_("Retention"), sub);
}

static GtkWidget *
seizure_row (SotExhibit *exhibit)
{
  const char *place = sot_exhibit_get_seized_place (exhibit);
  const char *seal = sot_exhibit_get_seal_number (exhibit);
  g_autofree char *seized = sot_forensics_ui_format_stored (sot_exhibit_get_seized_at (exhibit));
  g_autofree char *line = g_strdup_printf (_("0. Seized by %s"),
                                           sot_exhibit_get_seized_by (exhibit));
  g_autofree char *sub = g_strdup_printf ("%s%s%s%s%s", seized,
                                          place != NULL ? " · " : "",
                                          place != NULL ? place : "",
                                          seal != NULL ? _(" · seal ") : "",
                                          seal != NULL ? seal : "");

  return sot_forensics_ui_action_row (line, sub);
}

static GtkWidget *
movement_row (SotExhibit         *exhibit,
              SotExhibitMovement *m)
{
  g_autofree char *when = sot_forensics_ui_format_stored (sot_exhibit_movement_get_moved_at (m));
  g_autofree char *line = g_strdup_printf ("%d. %s → %s",
                                           sot_exhibit_movement_get_position (m),
                                           sot_exhibit_movement_get_from_holder (m),
                                           sot_exhibit_movement_get_to_holder (m));
  const char *reason = sot_exhibit_movement_get_correction_reason (m);
  g_autoptr(GString) sub = g_string_new (when);
  GtkWidget *row;

  g_string_append_printf (sub, " · %s",
                          sot_movement_purpose_label (sot_exhibit_movement_get_purpose (m)));
  if (sot_exhibit_movement_get_place (m) != NULL)
    g_string_append_printf (sub, " · %s", sot_exhibit_movement_get_place (m));
  if (sot_exhibit_movement_get_corrects_uuid (m) != NULL)
    {
      g_string_append_c (sub, '\n');
      g_string_append_printf (sub, _("Correction: %s"), reason != NULL ? reason : "");
    }
  if (sot_exhibit_movement_get_superseded (m))
    g_string_append_printf (sub, "\n%s", _("Superseded by a correction"));

  row = sot_forensics_ui_action_row (line, sub->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (sot_exhibit_movement_get_superseded (m))
    gtk_widget_add_css_class (row, "dim-label");
  else
    {
      GtkWidget *correct = gtk_button_new_with_mnemonic (_("_Correct…"));

      gtk_widget_set_valign (correct, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (correct, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (correct), "forensics-page.correct-movement");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (correct), "(ss)",
                                        sot_exhibit_get_uuid (exhibit),
                                        sot_exhibit_movement_get_uuid (m));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), correct);
    }

  return row;
}

static GtkWidget *
actions_row (SotExhibit *exhibit)
{
  static const struct {
    const char *label;
    const char *action;
  } buttons[] = {
    { N_("Add _Movement…"), "forensics-page.add-movement" },
    { N_("_Laboratory…"), "forensics-page.laboratory" },
    { N_("_Retention…"), "forensics-page.retention" },
    { N_("Continuity _PDF…"), "forensics-page.continuity-pdf" },
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(buttons[i].label));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        sot_exhibit_get_uuid (exhibit));
      gtk_box_append (GTK_BOX (box), button);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), box);
  return row;
}

static void
fill (SotExhibitRow *self,
      GPtrArray     *breaks)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (self);
  SotExhibit *exhibit = self->exhibit;
  g_autofree char *title = g_strdup_printf ("%s · %s", sot_exhibit_get_reference (exhibit),
                                            sot_exhibit_get_description (exhibit));
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  if (breaks != NULL && breaks->len > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Continuity broken"), -1);
      adw_expander_row_add_prefix (row, icon);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Now with %s · %u break in continuity",
                                               "Now with %s · %u breaks in continuity",
                                               breaks->len),
                                  sot_exhibit_get_current_holder (exhibit), breaks->len);
    }
  else
    subtitle = g_strdup_printf (_("Now with %s · continuity complete"),
                                sot_exhibit_get_current_holder (exhibit));
  adw_expander_row_set_subtitle (row, subtitle);

  /* The breaks first, where they cannot be missed. */
  for (guint i = 0; breaks != NULL && i < breaks->len; i++)
    {
      SotContinuityBreak *brk = g_ptr_array_index (breaks, i);
      GtkWidget *brow = sot_forensics_ui_action_row (brk->message, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (brow, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      C_("accessible", "Break in continuity"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (brow), icon);
      adw_expander_row_add_row (row, brow);
      g_ptr_array_add (self->breaks, g_strdup (brk->message));
    }

  adw_expander_row_add_row (row, seizure_row (exhibit));
  for (guint i = 0; self->movements != NULL && i < g_list_model_get_n_items (self->movements);
       i++)
    {
      g_autoptr(SotExhibitMovement) m = g_list_model_get_item (self->movements, i);

      adw_expander_row_add_row (row, movement_row (exhibit, m));
    }
  adw_expander_row_add_row (row, laboratory_row (exhibit));
  adw_expander_row_add_row (row, retention_row (exhibit));
  adw_expander_row_add_row (row, actions_row (exhibit));
}

static void
sot_exhibit_row_finalize (GObject *object)
{
  SotExhibitRow *self = SOT_EXHIBIT_ROW (object);

  g_clear_object (&self->exhibit);
  g_clear_object (&self->movements);
  g_clear_pointer (&self->breaks, g_ptr_array_unref);

  G_OBJECT_CLASS (sot_exhibit_row_parent_class)->finalize (object);
}

static void
sot_exhibit_row_class_init (SotExhibitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sot_exhibit_row_finalize;
}

static void
sot_exhibit_row_init (SotExhibitRow *self)
{
  self->breaks = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
sot_exhibit_row_new (SotStore             *store,
                     SotForensicCatalogue *catalogue,
                     SotExhibit           *exhibit)
{
  g_autoptr(GPtrArray) breaks = NULL;
  SotExhibitRow *self;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (exhibit != NULL, NULL);

  self = g_object_new (SOT_TYPE_EXHIBIT_ROW, NULL);
  self->exhibit = g_object_ref (exhibit);
  /* A record that cannot be read shows without its entries rather than not at all. */
  self->movements = sot_exhibit_list_movements (store, exhibit, NULL);
  breaks = sot_exhibit_check_continuity (store, exhibit, catalogue, NULL);
  fill (self, breaks);

  return GTK_WIDGET (self);
}

SotExhibit *
sot_exhibit_row_get_exhibit (SotExhibitRow *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_ROW (self), NULL);
  return self->exhibit;
}

GPtrArray *
sot_exhibit_row_get_breaks (SotExhibitRow *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_ROW (self), NULL);
  return self->breaks;
}

SotExhibitMovement *
sot_exhibit_row_get_movement (SotExhibitRow *self,
                              const char    *uuid)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_ROW (self), NULL);

  for (guint i = 0; self->movements != NULL && i < g_list_model_get_n_items (self->movements);
       i++)
    {
      g_autoptr(SotExhibitMovement) m = g_list_model_get_item (self->movements, i);

      /* The row's list holds the entry: it lives as long as the row. */
      if (g_strcmp0 (sot_exhibit_movement_get_uuid (m), uuid) == 0)
        return m;
    }

  return NULL;
}
