/* sot-disruption-row.c: a disruption option considered against the suspect
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-disruption-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sot-disruption-row.h"
#include "sot-time.h"

struct _SotDisruptionRow
{
  AdwActionRow   parent_instance;

  SotDisruption *option;
};

G_DEFINE_FINAL_TYPE (SotDisruptionRow, sot_disruption_row, ADW_TYPE_ACTION_ROW)

/* The menu: each status at once, then the full form. */
static GMenuModel *
status_menu (SotDisruption *option)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) quick = g_menu_new ();
  g_autoptr(GMenu) details = g_menu_new ();
  g_autoptr(GMenuItem) edit_item = NULL;
  const char * const *statuses = sot_disruption_statuses ();

  for (guint i = 0; statuses[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (sot_disruption_status_label (statuses[i]),
                                                        NULL);

      g_menu_item_set_action_and_target (menu_item, "suspect-page.disruption-status", "(ss)",
                                         sot_disruption_get_uuid (option), statuses[i]);
      g_menu_append_item (quick, menu_item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (quick));
  edit_item = g_menu_item_new (_("Status, _Date and Outcome…"), NULL);
  g_menu_item_set_action_and_target (edit_item, "suspect-page.edit-disruption", "s",
                                     sot_disruption_get_uuid (option));
  g_menu_append_item (details, edit_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (details));

  return G_MENU_MODEL (menu);
}

static void
sot_disruption_row_dispose (GObject *object)
{
  SotDisruptionRow *self = SOT_DISRUPTION_ROW (object);

  g_clear_object (&self->option);

  G_OBJECT_CLASS (sot_disruption_row_parent_class)->dispose (object);
}

static void
sot_disruption_row_class_init (SotDisruptionRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_disruption_row_dispose;
}

static void
sot_disruption_row_init (SotDisruptionRow *self)
{
}

GtkWidget *
sot_disruption_row_new (SotDisruption *option)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  SotDisruptionRow *self;
  GtkWidget *button;

  g_return_val_if_fail (SOT_IS_DISRUPTION (option), NULL);

  self = g_object_new (SOT_TYPE_DISRUPTION_ROW, NULL);
  self->option = g_object_ref (option);

  date = sot_date_format_display (sot_disruption_get_status_on (option));
  subtitle = g_strjoin (" · ", sot_disruption_status_label (sot_disruption_get_status (option)),
                        date ? date : _("no date"),
                        sot_disruption_get_outcome (option) ? sot_disruption_get_outcome (option) : "",
                        NULL);
  if (g_str_has_suffix (subtitle, " · "))
    subtitle[strlen (subtitle) - 3] = '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 sot_disruption_kind_label (sot_disruption_get_kind (option)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* Activating the row (Enter, click) opens the full form too. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "suspect-page.edit-disruption");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", sot_disruption_get_uuid (option));

  menu = status_menu (option);
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Change Status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change Status"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);

  return GTK_WIDGET (self);
}

SotDisruption *
sot_disruption_row_get_disruption (SotDisruptionRow *self)
{
  g_return_val_if_fail (SOT_IS_DISRUPTION_ROW (self), NULL);

  return self->option;
}
