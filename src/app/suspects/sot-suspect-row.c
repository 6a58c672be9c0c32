/* sot-suspect-row.c: a suspect of the investigation, with its dates and repeat badge
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-suspect-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-bail.h"
#include "sot-investigation.h"
#include "sot-suspect-row.h"
#include "sot-time.h"

struct _SotSuspectRow
{
  AdwActionRow   parent_instance;

  SotSuspect    *suspect;
  SotStore      *store;
  SotBailRecord *bail;    /* the suspect's latest pre-charge bail, or %NULL */
  GtkMenuButton *badge;   /* repeat suspects only */
  GListModel    *others;  /* the investigations listed in the badge's popover */
};

G_DEFINE_FINAL_TYPE (SotSuspectRow, sot_suspect_row, ADW_TYPE_ACTION_ROW)

enum {
  OPEN_INVESTIGATION,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL)
    return NULL;

  dt = sot_time_parse (iso, NULL);
  return dt != NULL ? sot_time_format_display (dt) : g_strdup (iso);
}

static char *
suspect_subtitle (SotSuspect *suspect)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *arrested = format_time (sot_suspect_get_arrested_at (suspect));
  g_autofree char *interviewed = format_time (sot_suspect_get_interviewed_at (suspect));
  g_autofree char *bailed = format_time (sot_suspect_get_bailed_at (suspect));
  g_autofree char *released = format_time (sot_suspect_get_released_at (suspect));

  g_ptr_array_add (parts, g_strdup (sot_suspect_relationship_label (sot_suspect_get_relationship (suspect))));

  if (arrested != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("arrested %s"), arrested));
  if (interviewed != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("interviewed %s"), interviewed));
  if (bailed != NULL && g_strcmp0 (sot_suspect_get_bail_type (suspect), SOT_BAIL_TYPE_RUI) == 0)
    g_ptr_array_add (parts, g_strdup_printf (_("released under investigation %s"), bailed));
  else if (bailed != NULL)
    {
      g_autofree char *until = sot_date_format_display (sot_suspect_get_bail_until (suspect));

      if (until != NULL)
        g_ptr_array_add (parts, g_strdup_printf (_("bailed %s until %s"), bailed, until));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("bailed %s"), bailed));
    }
  if (released != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("released %s"), released));
  if (arrested == NULL && interviewed == NULL)
    g_ptr_array_add (parts, g_strdup (_("not yet arrested or interviewed")));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* "Pre-charge bail 10 Jan 2026 until 9 Jul 2026 · Extended to 6 months by an inspector on
 * 1 Apr 2026 by Insp Example · victim's views sought 20 Mar 2026" */
static char *
bail_summary (SotBailRecord *bail)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last_day = sot_bail_record_dup_last_day (bail);
  g_autofree char *bailed = sot_date_format_display (sot_bail_record_get_bailed_on (bail));
  g_autofree char *until = sot_date_format_display (last_day);
  g_autofree char *ended = sot_date_format_display (sot_bail_record_get_ended_on (bail));
  g_autofree char *views = sot_date_format_display (sot_bail_record_get_victim_views_on (bail));
  g_autofree char *authorised = sot_date_format_display (sot_bail_record_get_authorised_on (bail));
  const char *by = sot_bail_record_get_authorised_by (bail);
  const char *extension = sot_bail_authority_label (sot_bail_record_get_authority (bail));

  if (ended != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("pre-charge bail %s, ended %s"), bailed, ended));
  else
    g_ptr_array_add (parts, g_strdup_printf (_("pre-charge bail %s until %s"), bailed,
                                             until ? until : ""));

  if (authorised != NULL && by != NULL)
    /* TRANSLATORS: "Extended to 6 months by an inspector on 1 Apr 2026 by Insp Example" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s on %s by %s"), extension, authorised, by));
  else if (authorised != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("%s on %s"), extension, authorised));

  if (views != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("victim’s views sought %s"), views));
  else
    g_ptr_array_add (parts, g_strdup (_("victim’s views not yet sought")));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_subtitle (SotSuspectRow *self)
{
  g_autofree char *subtitle = suspect_subtitle (self->suspect);

  if (self->bail != NULL)
    {
      g_autofree char *bail = bail_summary (self->bail);
      g_autofree char *both = g_strconcat (subtitle, "\n", bail, NULL);

      g_free (subtitle);
      subtitle = g_steal_pointer (&both);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
add_bail_item (GMenu      *menu,
               const char *label,
               const char *action,
               const char *uuid)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", uuid);
  g_menu_append_item (menu, item);
}

/* What can be recorded next: new bail, or the extension, views and end of the current one. */
static void
add_bail_menu (SotSuspectRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *label = NULL;
  GtkWidget *button = gtk_menu_button_new ();
  SotBailRecord *bail = self->bail;

  if (bail == NULL || sot_bail_record_get_ended_on (bail) != NULL)
    add_bail_item (menu, _("Record Pre-Charge Bail…"), "suspect-page.record-bail",
                   sot_suspect_get_uuid (self->suspect));
  else
    {
      const char *uuid = sot_bail_record_get_uuid (bail);

      if (sot_bail_record_get_authority (bail) + 1 < SOT_BAIL_N_AUTHORITIES)
        add_bail_item (menu, _("Extend Bail…"), "suspect-page.extend-bail", uuid);
      if (sot_bail_record_get_victim_views_on (bail) == NULL)
        add_bail_item (menu, _("Victim’s Views Sought…"), "suspect-page.bail-victim-views",
                       uuid);
      add_bail_item (menu, _("End Bail…"), "suspect-page.end-bail", uuid);
    }

  label = g_strdup_printf (_("Pre-charge bail of %s"),
                           sot_suspect_get_display_name (self->suspect));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "alarm-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pre-Charge Bail"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
}

static GtkWidget *
other_investigation_row (SotInvestigation *inv)
{
  g_autofree char *reported = sot_date_format_display (sot_investigation_get_reported_on (inv));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  subtitle = g_strdup_printf (_("%s · reported %s · %s"),
                              sot_investigation_get_offence_label (inv)
                              ? sot_investigation_get_offence_label (inv)
                              : sot_investigation_get_offence_type (inv),
                              reported ? reported : "",
                              sot_investigation_status_label (sot_investigation_get_status (inv)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 sot_investigation_get_crime_reference (inv));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
other_activated_cb (SotSuspectRow *self,
                    GtkListBoxRow *row)
{
  g_autoptr(SotInvestigation) inv = NULL;

  gtk_menu_button_popdown (self->badge);

  inv = self->others != NULL
        ? g_list_model_get_item (self->others, gtk_list_box_row_get_index (row)) : NULL;
  if (inv != NULL)
    g_signal_emit (self, signals[OPEN_INVESTIGATION], 0, sot_investigation_get_uuid (inv));
}

/* The badge's popover is built each time it opens, so it lists the links as they are now. */
static void
create_badge_popup (GtkMenuButton *button,
                    gpointer       user_data)
{
  SotSuspectRow *self = SOT_SUSPECT_ROW (user_data);
  g_autoptr(GListModel) others = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *popover, *box, *heading, *list, *unlink;
  guint n;

  others = sot_suspect_other_investigations (self->suspect, self->store, &error);
  g_set_object (&self->others, others);
  if (others == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = gtk_label_new (_("Suspect in Other Investigations"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Other investigations of this suspect"), -1);
  n = g_list_model_get_n_items (others);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotInvestigation) inv = g_list_model_get_item (others, i);

      gtk_list_box_append (GTK_LIST_BOX (list), other_investigation_row (inv));
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (other_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), list);

  unlink = gtk_button_new_with_mnemonic (_("_Unlink From These Investigations"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (unlink), "suspect-page.unlink");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (unlink), "s",
                                    sot_suspect_get_uuid (self->suspect));
  gtk_widget_add_css_class (unlink, "flat");
  gtk_box_append (GTK_BOX (box), unlink);

  popover = gtk_popover_new ();
  gtk_widget_set_size_request (box, 320, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static void
add_badge (SotSuspectRow *self)
{
  guint repeat = sot_suspect_get_repeat_count (self->suspect);
  GtkWidget *badge = gtk_menu_button_new ();
  g_autofree char *label = NULL;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Repeat suspect · %u other case",
                                        "Repeat suspect · %u other cases",
                                        repeat),
                           repeat);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (badge), label);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "repeat-badge");
  gtk_widget_add_css_class (badge, "pill");
  gtk_widget_add_css_class (badge, "warning");
  gtk_widget_set_tooltip_text (badge, _("Show the other investigations of this suspect"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (badge), create_badge_popup, self, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), badge);
  self->badge = GTK_MENU_BUTTON (badge);
}

static void
sot_suspect_row_dispose (GObject *object)
{
  SotSuspectRow *self = SOT_SUSPECT_ROW (object);

  g_clear_object (&self->suspect);
  g_clear_object (&self->store);
  g_clear_object (&self->bail);
  g_clear_object (&self->others);

  G_OBJECT_CLASS (sot_suspect_row_parent_class)->dispose (object);
}

static void
sot_suspect_row_class_init (SotSuspectRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sot_suspect_row_dispose;

  /**
   * SotSuspectRow::open-investigation:
   * @uuid: the other investigation the officer chose
   */
  signals[OPEN_INVESTIGATION] =
    g_signal_new ("open-investigation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SotSuspectRow::failed:
   * @message: why the other investigations cannot be listed
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sot_suspect_row_init (SotSuspectRow *self)
{
}

GtkWidget *
sot_suspect_row_new (SotSuspect    *suspect,
                     SotStore      *store,
                     SotBailRecord *bail)
{
  g_autofree char *edit_label = NULL;
  SotSuspectRow *self;
  AdwActionRow *row;
  GtkWidget *edit;

  g_return_val_if_fail (SOT_IS_SUSPECT (suspect), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (bail == NULL || SOT_IS_BAIL_RECORD (bail), NULL);

  self = g_object_new (SOT_TYPE_SUSPECT_ROW, NULL);
  self->suspect = g_object_ref (suspect);
  self->store = g_object_ref (store);
  g_set_object (&self->bail, bail);
  row = ADW_ACTION_ROW (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sot_suspect_get_display_name (suspect));
  update_subtitle (self);
  /* The suspect's dates, and the pre-charge bail on a line of its own. */
  adw_action_row_set_subtitle_lines (row, bail != NULL ? 4 : 2);
  adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("avatar-default-symbolic"));

  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  edit_label = g_strdup_printf (_("Edit the relationship and dates of %s"),
                                sot_suspect_get_display_name (suspect));
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit Relationship and Dates"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  edit_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "suspect-page.edit-suspect");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", sot_suspect_get_uuid (suspect));
  adw_action_row_add_suffix (row, edit);
  add_bail_menu (self);

  if (sot_suspect_get_repeat_count (suspect) > 0)
    add_badge (self);

  return GTK_WIDGET (self);
}

SotSuspect *
sot_suspect_row_get_suspect (SotSuspectRow *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_ROW (self), NULL);

  return self->suspect;
}

SotBailRecord *
sot_suspect_row_get_bail (SotSuspectRow *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_ROW (self), NULL);

  return self->bail;
}
