/* sot-suspect-page.c: the "Suspect focus" page of an investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-suspect-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sot-checklist.h"
#include "sot-disruption-dialog.h"
#include "sot-disruption.h"
#include "sot-enquiry-dialog.h"
#include "sot-line-of-enquiry.h"
#include "sot-reason-dialog.h"
#include "sot-suspect-dates-dialog.h"
#include "sot-suspect-dialog.h"
#include "sot-suspect-page.h"
#include "sot-suspect.h"
#include "sot-time.h"

typedef enum {
  UNDO_NONE,
  UNDO_STATUS,     /* a line's status changed: put the previous one back */
  UNDO_PROPOSAL,   /* a proposal accepted or dismissed: open it again */
  UNDO_EDIT,       /* a line's owner, due date or notes edited: put the old ones back */
} UndoKind;

struct _SotSuspectPage
{
  AdwBin            parent_instance;

  SotStore         *store;
  SotInvestigation *investigation;
  SotChecklist     *checklist;

  GListStore       *lines;        /* SotLineOfEnquiry of the investigation */
  GListModel       *suspects;
  GListModel       *proposals;    /* the open ones */
  GListModel       *disruptions;
  GtkCustomFilter  *filter;
  GtkSortListModel *sorted;
  guint             reload_id;

  UndoKind          undo_kind;
  GObject          *undo_object;
  char             *undo_status;
  char             *undo_rationale;
  AdwToast         *undo_toast;
  AdwToast         *last_toast;   /* weak */

  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  GtkLabel         *share_label;
  GtkLevelBar      *focus_bar;
  GtkLabel         *focus_label;
  GtkListBox       *suspect_list;
  GtkWidget        *proposal_group;
  GtkListBox       *proposal_list;
  GtkListBox       *disruption_list;
  GtkMenuButton    *disruption_button;
  GtkDropDown      *status_filter;
  GtkDropDown      *category_filter;
  GtkDropDown      *focus_filter;
  GtkSearchEntry   *owner_filter;
  GtkStack         *lines_stack;
  GtkColumnView    *column_view;
};

G_DEFINE_FINAL_TYPE (SotSuspectPage, sot_suspect_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INVESTIGATION,
  N_PROPS
};

enum {
  OPEN_INVESTIGATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void reload (SotSuspectPage *self);

/* Helpers */

/* Toasts queue in the overlay. None is dismissed by hand: libadwaita 1.2 frees a toast whose
 * show animation is still running when it is dismissed, and crashes later. (Priority "high"
 * is not used either: 1.2 can abort when it re-queues a toast that was already shown.) */
static void
show_toast (SotSuspectPage *self,
            AdwToast       *new_toast)
{
  g_set_weak_pointer (&self->last_toast, new_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, new_toast);
}

static void
toast (SotSuspectPage *self,
       const char     *message)
{
  show_toast (self, adw_toast_new (message));
}

static void
store_today (SotSuspectPage *self,
             GDate          *today)
{
  g_autoptr(GDateTime) now = sot_store_now (self->store);

  sot_date_from_time (now, today);
}

static guint
string_index (const char * const *values,
              const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL)
    return NULL;

  dt = sot_time_parse (iso, NULL);
  return dt != NULL ? sot_time_format_display (dt) : g_strdup (iso);
}

static void
clear_undo (SotSuspectPage *self)
{
  self->undo_kind = UNDO_NONE;
  g_clear_object (&self->undo_object);
  g_clear_pointer (&self->undo_status, g_free);
  g_clear_pointer (&self->undo_rationale, g_free);
  self->undo_toast = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suspect-page.undo", FALSE);
}

static void
undo_toast_dismissed_cb (AdwToast       *toast,
                         SotSuspectPage *self)
{
  /* Only the latest change can be undone; an older toast going away changes nothing. */
  if (self->undo_toast == toast)
    clear_undo (self);
}

static void
offer_undo (SotSuspectPage *self,
            UndoKind        kind,
            GObject        *object,
            const char     *status,
            const char     *rationale,
            const char     *message)
{
  AdwToast *undo_toast;

  clear_undo (self);
  self->undo_kind = kind;
  self->undo_object = g_object_ref (object);
  self->undo_status = g_strdup (status);
  self->undo_rationale = g_strdup (rationale);

  undo_toast = adw_toast_new (message);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_action_name (undo_toast, "suspect-page.undo");
  g_signal_connect_object (undo_toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  self->undo_toast = undo_toast;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suspect-page.undo", TRUE);

  show_toast (self, undo_toast);
}

static SotLineOfEnquiry *
find_line (SotSuspectPage *self,
           const char     *uuid,
           guint          *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotLineOfEnquiry) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      if (g_strcmp0 (sot_line_of_enquiry_get_uuid (line), uuid) == 0)
        {
          if (position != NULL)
            *position = i;
          return line;  /* still referenced by the list */
        }
    }

  return NULL;
}

static gpointer
find_by_uuid (GListModel *model,
              const char *uuid)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_uuid = NULL;

      g_object_get (item, "uuid", &item_uuid, NULL);
      if (g_strcmp0 (item_uuid, uuid) == 0)
        return item;  /* still referenced by the model */
    }

  return NULL;
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

/* The indicator */

static void
update_indicator (SotSuspectPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SotSuspectFocus focus = { 0 };
  GDate today;

  if (self->investigation == NULL)
    return;

  store_today (self, &today);
  if (!sot_suspect_focus_compute (self->store, sot_investigation_get_id (self->investigation),
                                  &today, &focus, &error))
    {
      g_warning ("Cannot compute the suspect focus: %s", error->message);
      return;
    }

  text = sot_suspect_focus_describe (&focus);
  gtk_label_set_label (self->focus_label, text);

  if (focus.suspect_share < 0)
    {
      gtk_label_set_label (self->share_label, "—");
      gtk_level_bar_set_value (self->focus_bar, 0);
    }
  else
    {
      g_autofree char *share = g_strdup_printf (_("%.0f%% on the suspect"),
                                                focus.suspect_share * 100);

      gtk_label_set_label (self->share_label, share);
      gtk_level_bar_set_value (self->focus_bar, focus.suspect_share);
    }
}

static void
update_lines_stack (SotSuspectPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->lines)) == 0;

  gtk_stack_set_visible_child_name (self->lines_stack, empty ? "empty" : "lines");
}

/* Suspects */

static void
other_case_activated_cb (GtkListBox     *list,
                         GtkListBoxRow  *row,
                         SotSuspectPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "investigation-uuid");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  if (uuid != NULL)
    g_signal_emit (self, signals[OPEN_INVESTIGATION], 0, uuid);
}

static void
create_badge_popup (GtkMenuButton *button,
                    gpointer       user_data)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (user_data);
  SotSuspect *suspect = g_object_get_data (G_OBJECT (button), "suspect");
  g_autoptr(GListModel) others = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *popover, *box, *heading, *list, *unlink;
  guint n;

  others = sot_suspect_other_investigations (suspect, self->store, &error);
  if (others == NULL)
    {
      toast (self, error->message);
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
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "investigation-uuid",
                              g_strdup (sot_investigation_get_uuid (inv)), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  g_signal_connect_object (list, "row-activated", G_CALLBACK (other_case_activated_cb), self, 0);
  gtk_box_append (GTK_BOX (box), list);

  unlink = gtk_button_new_with_mnemonic (_("_Unlink From These Investigations"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (unlink), "suspect-page.unlink");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (unlink), "s", sot_suspect_get_uuid (suspect));
  gtk_widget_add_css_class (unlink, "flat");
  gtk_box_append (GTK_BOX (box), unlink);

  popover = gtk_popover_new ();
  gtk_widget_set_size_request (box, 320, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
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

static GtkWidget *
create_suspect_row (gpointer item,
                    gpointer user_data)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (user_data);
  SotSuspect *suspect = item;
  g_autofree char *subtitle = suspect_subtitle (suspect);
  g_autofree char *edit_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit;
  guint repeat = sot_suspect_get_repeat_count (suspect);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sot_suspect_get_display_name (suspect));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("avatar-default-symbolic"));

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
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  if (repeat > 0)
    {
      GtkWidget *badge = gtk_menu_button_new ();
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
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
      g_object_set_data_full (G_OBJECT (badge), "suspect", g_object_ref (suspect), g_object_unref);
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (badge), create_badge_popup, self, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  return row;
}

/* Proposals */

static GtkWidget *
create_proposal_row (gpointer item,
                     gpointer user_data)
{
  SotChecklistProposal *proposal = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *accept, *dismiss;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sot_checklist_proposal_get_title (proposal));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sot_checklist_proposal_get_description (proposal));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  dismiss = gtk_button_new_with_mnemonic (_("_Dismiss…"));
  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "suspect-page.dismiss-proposal");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (dismiss), "s",
                                    sot_checklist_proposal_get_uuid (proposal));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);

  accept = gtk_button_new_with_mnemonic (_("_Accept"));
  gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "suspect-page.accept-proposal");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (accept), "s",
                                    sot_checklist_proposal_get_uuid (proposal));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);

  return row;
}

/* Disruption */

static GtkWidget *
create_disruption_row (gpointer item,
                       gpointer user_data)
{
  SotDisruption *option = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) quick = g_menu_new ();
  g_autoptr(GMenu) details = g_menu_new ();
  g_autoptr(GMenuItem) edit_item = NULL;
  g_autofree char *date = sot_date_format_display (sot_disruption_get_status_on (option));
  g_autofree char *subtitle = NULL;
  const char * const *statuses = sot_disruption_statuses ();

  subtitle = g_strjoin (" · ", sot_disruption_status_label (sot_disruption_get_status (option)),
                        date ? date : _("no date"),
                        sot_disruption_get_outcome (option) ? sot_disruption_get_outcome (option) : "",
                        NULL);
  if (g_str_has_suffix (subtitle, " · "))
    subtitle[strlen (subtitle) - 3] = '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 sot_disruption_kind_label (sot_disruption_get_kind (option)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  for (guint i = 0; statuses[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (sot_disruption_status_label (statuses[i]), NULL);

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

  /* Activating the row (Enter, click) opens the full form too. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "suspect-page.edit-disruption");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", sot_disruption_get_uuid (option));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Change Status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change Status"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* Loading */

static void
load_sections (SotSuspectPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sot_investigation_get_id (self->investigation);

  g_clear_object (&self->suspects);
  g_clear_object (&self->proposals);
  g_clear_object (&self->disruptions);

  if (!(self->suspects = sot_suspect_list (self->store, id, &error)) ||
      !(self->proposals = sot_checklist_proposal_list (self->store, id, TRUE, &error)) ||
      !(self->disruptions = sot_disruption_list (self->store, id, &error)))
    {
      toast (self, error->message);
      return;
    }

  gtk_list_box_bind_model (self->suspect_list, self->suspects, create_suspect_row, self, NULL);
  gtk_list_box_bind_model (self->proposal_list, self->proposals, create_proposal_row, self, NULL);
  gtk_list_box_bind_model (self->disruption_list, self->disruptions, create_disruption_row, self, NULL);
  gtk_widget_set_visible (self->proposal_group, g_list_model_get_n_items (self->proposals) > 0);
}

static void
load_lines (SotSuspectPage *self)
{
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n;

  lines = sot_line_of_enquiry_list (self->store, sot_investigation_get_id (self->investigation),
                                    &error);
  if (lines == NULL)
    {
      toast (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (lines);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (lines, i));

  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       items->pdata, items->len);
}

static void
reload (SotSuspectPage *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  clear_undo (self);

  if (self->investigation == NULL)
    {
      gtk_list_box_bind_model (self->suspect_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->proposal_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->disruption_list, NULL, NULL, NULL, NULL);
      g_list_store_remove_all (self->lines);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  load_sections (self);
  load_lines (self);
  update_indicator (self);
  update_lines_stack (self);
  gtk_stack_set_visible_child_name (self->stack, "page");
}

static gboolean
reload_sections_idle (gpointer data)
{
  SotSuspectPage *self = data;

  self->reload_id = 0;
  if (self->investigation != NULL)
    load_sections (self);

  return G_SOURCE_REMOVE;
}

static gboolean
same_line (SotLineOfEnquiry *a,
           SotLineOfEnquiry *b)
{
  return g_strcmp0 (sot_line_of_enquiry_get_status (a), sot_line_of_enquiry_get_status (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_rationale (a), sot_line_of_enquiry_get_rationale (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_title (a), sot_line_of_enquiry_get_title (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_owner (a), sot_line_of_enquiry_get_owner (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_due_on (a), sot_line_of_enquiry_get_due_on (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_category (a), sot_line_of_enquiry_get_category (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_focus (a), sot_line_of_enquiry_get_focus (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_notes (a), sot_line_of_enquiry_get_notes (b)) == 0;
}

/* A line changed through the write path: follow it in place, so the column view keeps its
 * rows, focus and scroll position. */
static void
line_changed (SotSuspectPage *self,
              const char     *action,
              const char     *uuid)
{
  SotLineOfEnquiry *existing;
  guint position = 0;

  existing = find_line (self, uuid, &position);

  if (g_strcmp0 (action, SOT_AUDIT_ERASE) == 0)
    {
      if (existing != NULL)
        g_list_store_remove (self->lines, position);
    }
  else
    {
      g_autoptr(SotLineOfEnquiry) fresh = sot_line_of_enquiry_load (self->store, uuid, NULL);

      if (fresh == NULL ||
          sot_line_of_enquiry_get_investigation_id (fresh) != sot_investigation_get_id (self->investigation))
        return;

      if (existing == NULL)
        g_list_store_append (self->lines, fresh);
      else if (!same_line (existing, fresh))
        g_list_store_splice (self->lines, position, 1, (gpointer *) &fresh, 1);
    }

  update_indicator (self);
  update_lines_stack (self);
}

static void
store_changed_cb (SotSuspectPage *self,
                  const char     *entity_type,
                  const char     *action,
                  const char     *entity_uuid,
                  SotStore       *store)
{
  if (self->investigation == NULL)
    return;

  if (g_strcmp0 (entity_type, "line_of_enquiry") == 0)
    line_changed (self, action, entity_uuid);
  else if (g_strcmp0 (entity_type, "suspect") == 0 ||
           g_strcmp0 (entity_type, "checklist_proposal") == 0 ||
           g_strcmp0 (entity_type, "disruption") == 0)
    {
      /* A proposal batch arrives as many changes: rebuild the sections once. */
      if (self->reload_id == 0)
        self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_sections_idle, self, NULL);
    }
}

/* The evidence list: filter, sort, cells */

static const char *
selected_value (GtkDropDown        *dropdown,
                const char * const *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* Position 0 is "All". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return values[selected - 1];
}

static gboolean
filter_line (gpointer item,
             gpointer user_data)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (user_data);
  SotLineOfEnquiry *line = item;
  const char *status = selected_value (self->status_filter, sot_enquiry_statuses ());
  const char *category = selected_value (self->category_filter, sot_enquiry_categories ());
  const char *focus = selected_value (self->focus_filter, sot_enquiry_focuses ());
  const char *owner = gtk_editable_get_text (GTK_EDITABLE (self->owner_filter));

  if (status != NULL && g_strcmp0 (sot_line_of_enquiry_get_status (line), status) != 0)
    return FALSE;
  if (category != NULL && g_strcmp0 (sot_line_of_enquiry_get_category (line), category) != 0)
    return FALSE;
  if (focus != NULL && g_strcmp0 (sot_line_of_enquiry_get_focus (line), focus) != 0)
    return FALSE;

  if (owner != NULL && *owner != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (owner, -1);
      g_autofree char *hay = g_utf8_casefold (sot_line_of_enquiry_get_owner (line)
                                              ? sot_line_of_enquiry_get_owner (line) : "", -1);

      if (strstr (hay, needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
filter_changed_cb (SotSuspectPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static GtkStringList *
filter_choices (const char          *all,
                const char * const  *values,
                const char        *(*label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label (values[i]));

  return list;
}

static int
status_order (SotLineOfEnquiry *line)
{
  return (int) string_index (sot_enquiry_statuses (), sot_line_of_enquiry_get_status (line));
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

/* Binds the label to a string property of the line, named by the factory's data. */
static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const char *property = user_data;
  GtkWidget *label = gtk_list_item_get_child (item);
  GBinding *binding;

  binding = g_object_bind_property (gtk_list_item_get_item (item), property, label, "label",
                                    G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (label), "binding", binding);

  if (g_str_equal (property, "title"))
    {
      binding = g_object_bind_property (gtk_list_item_get_item (item), "title", label,
                                        "tooltip-text", G_BINDING_SYNC_CREATE);
      g_object_set_data (G_OBJECT (label), "tooltip-binding", binding);
    }
}

static void
unbind_label_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GBinding *binding = g_object_steal_data (G_OBJECT (label), "binding");
  GBinding *tooltip = g_object_steal_data (G_OBJECT (label), "tooltip-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  if (tooltip != NULL)
    g_binding_unbind (tooltip);
}

static void
refresh_due (GtkWidget        *label,
             SotLineOfEnquiry *line)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (gtk_widget_get_ancestor (label, SOT_TYPE_SUSPECT_PAGE));
  g_autofree char *text = sot_date_format_display (sot_line_of_enquiry_get_due_on (line));
  gboolean overdue = FALSE;

  if (self != NULL)
    {
      GDate today;

      store_today (self, &today);
      overdue = sot_line_of_enquiry_is_overdue (line, &today);
    }

  if (overdue)
    {
      g_autofree char *marked = g_strdup_printf (_("%s (overdue)"), text);

      gtk_label_set_label (GTK_LABEL (label), marked);
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (label), text ? text : "—");
      gtk_widget_remove_css_class (label, "error");
    }
}

static void
due_notify_cb (SotLineOfEnquiry *line,
               GParamSpec       *pspec,
               GtkWidget        *label)
{
  refresh_due (label, line);
}

static void
bind_due_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  SotLineOfEnquiry *line = gtk_list_item_get_item (item);

  refresh_due (label, line);
  g_signal_connect_object (line, "notify::status", G_CALLBACK (due_notify_cb), label, 0);
  g_signal_connect_object (line, "notify::due-on", G_CALLBACK (due_notify_cb), label, 0);
}

static void
unbind_due_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), gtk_list_item_get_child (item));
}

static void status_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, SotSuspectPage *self);

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SotSuspectPage           *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *statuses = sot_enquiry_statuses ();
  GtkWidget *dropdown;

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (labels, sot_enquiry_status_label (statuses[i]));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Status"), -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self, 0);
  gtk_list_item_set_child (item, dropdown);
}

static void
show_status (GtkDropDown      *dropdown,
             SotLineOfEnquiry *line)
{
  SotSuspectPage *self = g_object_get_data (G_OBJECT (dropdown), "page");

  /* Showing the stored status is not a choice by the officer. */
  if (self != NULL)
    g_signal_handlers_block_by_func (dropdown, status_selected_cb, self);
  gtk_drop_down_set_selected (dropdown, string_index (sot_enquiry_statuses (),
                                                      sot_line_of_enquiry_get_status (line)));
  if (self != NULL)
    g_signal_handlers_unblock_by_func (dropdown, status_selected_cb, self);
}

static void
status_notify_cb (SotLineOfEnquiry *line,
                  GParamSpec       *pspec,
                  GtkDropDown      *dropdown)
{
  show_status (dropdown, line);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SotSuspectPage           *self)
{
  GtkWidget *dropdown = gtk_list_item_get_child (item);
  SotLineOfEnquiry *line = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (dropdown), "page", self);
  g_object_set_data_full (G_OBJECT (dropdown), "line", g_object_ref (line), g_object_unref);
  show_status (GTK_DROP_DOWN (dropdown), line);
  g_signal_connect_object (line, "notify::status", G_CALLBACK (status_notify_cb), dropdown, 0);
}

static void
unbind_status_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SotSuspectPage           *self)
{
  GtkWidget *dropdown = gtk_list_item_get_child (item);

  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), dropdown);
  g_object_set_data (G_OBJECT (dropdown), "line", NULL);
}

/* The rationale for "not pursued" */

static void
set_status (SotSuspectPage   *self,
            SotLineOfEnquiry *line,
            const char       *status,
            const char       *rationale)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = g_strdup (sot_line_of_enquiry_get_status (line));
  g_autofree char *previous_rationale = g_strdup (sot_line_of_enquiry_get_rationale (line));
  g_autofree char *message = NULL;
  /* The store's change notification may replace the row that holds @line. */
  g_autoptr(SotLineOfEnquiry) keep = g_object_ref (line);

  if (!sot_line_of_enquiry_set_status (line, self->store, status, rationale, &error))
    {
      toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("“%s” is now %s"), sot_line_of_enquiry_get_title (line),
                             sot_enquiry_status_label (status));
  offer_undo (self, UNDO_STATUS, G_OBJECT (line), previous, previous_rationale, message);
}

static void
rationale_given_cb (SotReasonDialog *dialog,
                    const char      *rationale,
                    SotSuspectPage  *self)
{
  /* The core refuses a blank rationale too; the disabled button only says so earlier. */
  set_status (self, SOT_LINE_OF_ENQUIRY (sot_reason_dialog_get_item (dialog)),
              SOT_ENQUIRY_NOT_PURSUED, rationale);
}

static void
ask_rationale (SotSuspectPage   *self,
               SotLineOfEnquiry *line)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  SotReasonDialog *dialog;

  body = g_strdup_printf (_("Write why “%s” is not pursued. The rationale stays with the "
                            "case so that the decision can be reviewed."),
                          sot_line_of_enquiry_get_title (line));
  dialog = sot_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, G_OBJECT (line),
                                  _("Not Pursued"), body, _("Rationale"), _("_Not Pursued"),
                                  ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "reason-given", G_CALLBACK (rationale_given_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
status_selected_cb (GtkDropDown    *dropdown,
                    GParamSpec     *pspec,
                    SotSuspectPage *self)
{
  SotLineOfEnquiry *line = g_object_get_data (G_OBJECT (dropdown), "line");
  const char * const *statuses = sot_enquiry_statuses ();
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *status;

  if (line == NULL || selected >= g_strv_length ((char **) statuses))
    return;

  status = statuses[selected];
  if (g_strcmp0 (status, sot_line_of_enquiry_get_status (line)) == 0)
    return;

  /* The cell always shows the stored status; a refused or pending change does not stick. */
  show_status (dropdown, line);

  if (g_str_equal (status, SOT_ENQUIRY_NOT_PURSUED))
    {
      g_autoptr(GError) error = NULL;

      /* Say at once if the line is closed, before asking for a rationale. */
      if (!sot_enquiry_check_transition (sot_line_of_enquiry_get_status (line), status, &error))
        toast (self, error->message);
      else
        ask_rationale (self, line);
      return;
    }

  set_status (self, line, status, NULL);
}

static void
add_column (SotSuspectPage *self,
            const char     *title,
            const char     *property,
            GtkSorter      *sorter,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  if (g_str_equal (property, "due-on"))
    {
      g_signal_connect (factory, "bind", G_CALLBACK (bind_due_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_due_cb), NULL);
    }
  else
    {
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), (gpointer) property);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_label_cb), (gpointer) property);
    }

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  g_clear_object (&sorter);
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SOT_TYPE_LINE_OF_ENQUIRY,
                                                                         NULL, property)));
}

static void line_activated_cb (GtkColumnView *column_view, guint position, SotSuspectPage *self);

static void
build_column_view (SotSuspectPage *self)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;
  GtkFilterListModel *filtered;
  GtkNoSelection *selection;
  GtkSorter *sorter;
  GtkSorter *status_sorter;

  add_column (self, _("Line of Enquiry"), "title", string_sorter ("title"), TRUE);
  add_column (self, _("Category"), "category-label", string_sorter ("category-label"), FALSE);
  add_column (self, _("Focus"), "focus-label", string_sorter ("focus-label"), FALSE);
  add_column (self, _("Owner"), "owner", string_sorter ("owner"), FALSE);
  add_column (self, _("Due"), "due-on", string_sorter ("due-on"), FALSE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_status_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_status_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_status_cb), self, 0);
  column = gtk_column_view_column_new (_("Status"), factory);
  /* By workflow order, not alphabetically. */
  status_sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                                                   G_CALLBACK (status_order),
                                                                                   NULL, NULL)));
  gtk_column_view_column_set_sorter (column, status_sorter);
  gtk_column_view_column_set_fixed_width (column, 150);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (status_sorter);
  g_object_unref (column);

  self->filter = gtk_custom_filter_new (filter_line, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->lines)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (sorter));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* Enter or a double-click on a line edits its owner, due date and notes. */
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (line_activated_cb), self, 0);
}

/* Forms: a suspect's relationship and dates, a disruption option's status */

static void
form_failed_cb (SotFormDialog  *dialog,
                const char     *message,
                SotSuspectPage *self)
{
  toast (self, message);
}

static void
suspect_saved_cb (SotSuspectDatesDialog *dialog,
                  SotSuspect            *suspect,
                  SotSuspectPage        *self)
{
  g_autofree char *message = g_strdup_printf (_("Saved the relationship and dates of %s"),
                                              sot_suspect_get_display_name (suspect));

  toast (self, message);
}

static void
open_suspect_form (SotSuspectPage *self,
                   SotSuspect     *suspect)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SotSuspectDatesDialog *dialog;

  dialog = sot_suspect_dates_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->store, suspect);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (suspect_saved_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (form_failed_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
disruption_saved_cb (SotDisruptionDialog *dialog,
                     SotDisruption       *option,
                     SotSuspectPage      *self)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("%s: %s"), sot_disruption_kind_label (sot_disruption_get_kind (option)),
                             sot_disruption_status_label (sot_disruption_get_status (option)));
  toast (self, message);
}

static void
open_disruption_form (SotSuspectPage *self,
                      SotDisruption  *option)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SotDisruptionDialog *dialog;

  dialog = sot_disruption_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->store, option);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (disruption_saved_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (form_failed_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

/* Lines of enquiry: add, and edit by keyboard */

static void
line_added_cb (SotEnquiryDialog *dialog,
               SotLineOfEnquiry *line,
               SotSuspectPage   *self)
{
  g_autofree char *message = g_strdup_printf (_("Added “%s” to the evidence list"),
                                              sot_line_of_enquiry_get_title (line));

  /* The store's change notification has already put the row in the list. */
  toast (self, message);
}

static void
line_edited_cb (SotEnquiryDialog *dialog,
                SotLineOfEnquiry *line,
                SotSuspectPage   *self)
{
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), sot_line_of_enquiry_get_title (line));

  /* The dialog's line still holds the values from before the edit. */
  offer_undo (self, UNDO_EDIT, G_OBJECT (sot_enquiry_dialog_get_line (dialog)), NULL, NULL, message);
}

static void
open_line_editor (SotSuspectPage   *self,
                  SotLineOfEnquiry *line)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SotEnquiryDialog *dialog;

  dialog = sot_enquiry_dialog_new_edit (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, line);
  g_signal_connect_object (dialog, "line-saved", G_CALLBACK (line_edited_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
line_activated_cb (GtkColumnView  *column_view,
                   guint           position,
                   SotSuspectPage *self)
{
  g_autoptr(SotLineOfEnquiry) line = NULL;

  line = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (column_view)), position);
  if (line != NULL)
    open_line_editor (self, line);
}

/* Actions */

static void
add_suspect_dialog_cb (SotSuspectDialog *dialog,
                       SotSuspect       *suspect,
                       SotSuspectPage   *self)
{
  load_sections (self);
}

static void
add_suspect_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SotSuspectDialog *dialog;

  if (self->investigation == NULL)
    return;

  dialog = sot_suspect_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                   sot_investigation_get_id (self->investigation), self->checklist);
  g_signal_connect_object (dialog, "suspect-added", G_CALLBACK (add_suspect_dialog_cb), self, 0);
  g_signal_connect_object (dialog, "suspect-linked", G_CALLBACK (add_suspect_dialog_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
accept_proposal_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SotChecklistProposal) proposal = NULL;
  g_autoptr(SotLineOfEnquiry) line = NULL;
  g_autofree char *message = NULL;

  proposal = find_by_uuid (self->proposals, g_variant_get_string (parameter, NULL));
  if (proposal == NULL)
    return;

  g_object_ref (proposal);
  line = sot_checklist_proposal_accept (proposal, self->store,
                                        sot_investigation_get_officer (self->investigation),
                                        NULL, &error);
  if (line == NULL)
    {
      toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Added “%s” to the evidence list"),
                             sot_checklist_proposal_get_title (proposal));
  offer_undo (self, UNDO_PROPOSAL, G_OBJECT (proposal), NULL, NULL, message);
}

static void
reason_given_cb (SotReasonDialog *dialog,
                 const char      *reason,
                 SotSuspectPage  *self)
{
  SotChecklistProposal *proposal = SOT_CHECKLIST_PROPOSAL (sot_reason_dialog_get_item (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!sot_checklist_proposal_dismiss (proposal, self->store, reason, &error))
    {
      toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Dismissed “%s”"), sot_checklist_proposal_get_title (proposal));
  offer_undo (self, UNDO_PROPOSAL, G_OBJECT (proposal), NULL, NULL, message);
}

static void
dismiss_proposal_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotChecklistProposal *proposal;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  SotReasonDialog *dialog;

  proposal = find_by_uuid (self->proposals, g_variant_get_string (parameter, NULL));
  if (proposal == NULL)
    return;

  body = g_strdup_printf (_("Write why “%s” is not a line of enquiry in this case."),
                          sot_checklist_proposal_get_title (proposal));
  dialog = sot_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  G_OBJECT (proposal), _("Dismiss Checklist Item?"), body,
                                  _("Reason"), _("_Dismiss"), ADW_RESPONSE_DEFAULT);
  g_signal_connect_object (dialog, "reason-given", G_CALLBACK (reason_given_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SotEnquiryDialog *dialog;

  if (self->investigation == NULL)
    return;

  dialog = sot_enquiry_dialog_new_add (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                       sot_investigation_get_id (self->investigation),
                                       self->suspects,
                                       sot_investigation_get_officer (self->investigation));
  g_signal_connect_object (dialog, "line-saved", G_CALLBACK (line_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_line_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotLineOfEnquiry *line = find_line (self, g_variant_get_string (parameter, NULL), NULL);

  if (line != NULL)
    open_line_editor (self, line);
}

static void
edit_suspect_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotSuspect *suspect = find_by_uuid (self->suspects, g_variant_get_string (parameter, NULL));

  if (suspect != NULL)
    open_suspect_form (self, suspect);
}

static void
edit_disruption_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotDisruption *option = find_by_uuid (self->disruptions, g_variant_get_string (parameter, NULL));

  if (option != NULL)
    open_disruption_form (self, option);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (self->undo_kind)
    {
    case UNDO_STATUS:
      ok = sot_line_of_enquiry_restore_status (SOT_LINE_OF_ENQUIRY (self->undo_object), self->store,
                                               self->undo_status, self->undo_rationale, &error);
      break;

    case UNDO_PROPOSAL:
      ok = sot_checklist_proposal_reopen (SOT_CHECKLIST_PROPOSAL (self->undo_object), self->store,
                                          &error);
      break;

    case UNDO_EDIT:
      {
        SotLineOfEnquiry *before = SOT_LINE_OF_ENQUIRY (self->undo_object);
        g_autoptr(SotLineOfEnquiry) line = NULL;

        line = sot_line_of_enquiry_load (self->store, sot_line_of_enquiry_get_uuid (before), &error);
        if (line == NULL)
          {
            ok = FALSE;
            break;
          }

        sot_line_of_enquiry_set_owner (line, sot_line_of_enquiry_get_owner (before));
        sot_line_of_enquiry_set_due_on (line, sot_line_of_enquiry_get_due_on (before));
        sot_line_of_enquiry_set_notes (line, sot_line_of_enquiry_get_notes (before));
        ok = sot_line_of_enquiry_update (line, self->store, "undo", &error);
      }
      break;

    case UNDO_NONE:
    default:
      break;
    }

  /* The undo toast is left to time out (see show_toast); its button now does nothing. */
  self->undo_toast = NULL;
  clear_undo (self);

  if (!ok)
    toast (self, error->message);
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotSuspect *suspect = find_by_uuid (self->suspects, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (suspect == NULL)
    return;

  if (!sot_suspect_unlink (suspect, self->store, &error))
    toast (self, error->message);
  else
    toast (self, _("Unlinked: the suspect is no longer recorded as the same person"));
}

static void
add_disruption_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  g_autoptr(SotSuspect) first = NULL;
  g_autoptr(SotDisruption) option = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  if (self->investigation == NULL)
    return;

  if (self->suspects != NULL && g_list_model_get_n_items (self->suspects) > 0)
    first = g_list_model_get_item (self->suspects, 0);

  store_today (self, &today);
  today_text = sot_date_format (&today);
  option = sot_disruption_add (self->store, sot_investigation_get_id (self->investigation),
                               first ? sot_suspect_get_id (first) : 0,
                               g_variant_get_string (parameter, NULL), today_text, &error);
  if (option == NULL)
    toast (self, error->message);
}

static void
disruption_status_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  const char *uuid, *status;
  SotDisruption *option;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  g_variant_get (parameter, "(&s&s)", &uuid, &status);
  option = find_by_uuid (self->disruptions, uuid);
  if (option == NULL)
    return;

  store_today (self, &today);
  today_text = sot_date_format (&today);
  if (!sot_disruption_set_status (option, self->store, status, today_text,
                                  sot_disruption_get_outcome (option), &error))
    toast (self, error->message);
}

/* GObject */

static void
sot_suspect_page_constructed (GObject *object)
{
  SotSuspectPage *self = (SotSuspectPage *)object;
  g_autoptr(GError) problem = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (sot_suspect_page_parent_class)->constructed (object);

  g_return_if_fail (SOT_IS_STORE (self->store));

  self->checklist = sot_checklist_new_default (&problem, &error);
  if (self->checklist == NULL)
    g_warning ("No checklist: %s", error->message);
  else if (problem != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The force checklist was not used: %s"),
                                                  problem->message);
      toast (self, message);
    }

  if (self->checklist != NULL)
    {
      g_autofree char *description = g_strdup_printf ("%s · %s",
                                                      sot_checklist_get_name (self->checklist),
                                                      sot_checklist_get_source (self->checklist));

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->proposal_group),
                                             description);
    }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sot_suspect_page_dispose (GObject *object)
{
  SotSuspectPage *self = (SotSuspectPage *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  clear_undo (self);
  g_clear_weak_pointer (&self->last_toast);

  /* The column view holds the sorted model, which holds the filter calling back into self. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  /* AdwBin owns the template's top widget as its child and unparents it itself;
   * gtk_widget_dispose_template() would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);

  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->lines);
  g_clear_object (&self->suspects);
  g_clear_object (&self->proposals);
  g_clear_object (&self->disruptions);
  g_clear_object (&self->checklist);
  g_clear_object (&self->investigation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_suspect_page_parent_class)->dispose (object);
}

static void
sot_suspect_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_INVESTIGATION:
      g_value_set_object (value, self->investigation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_suspect_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_INVESTIGATION:
      sot_suspect_page_set_investigation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_suspect_page_class_init (SotSuspectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_suspect_page_constructed;
  object_class->dispose = sot_suspect_page_dispose;
  object_class->get_property = sot_suspect_page_get_property;
  object_class->set_property = sot_suspect_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION] =
    g_param_spec_object ("investigation", NULL, NULL, SOT_TYPE_INVESTIGATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SotSuspectPage::open-investigation:
   * @uuid: the investigation to open
   * The officer chose another investigation of a repeat suspect.
   */
  signals[OPEN_INVESTIGATION] =
    g_signal_new ("open-investigation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/suspects/sot-suspect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, share_label);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, focus_bar);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, focus_label);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, suspect_list);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, proposal_group);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, proposal_list);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, disruption_list);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, disruption_button);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, category_filter);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, focus_filter);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, lines_stack);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, column_view);

  gtk_widget_class_install_action (widget_class, "suspect-page.add-suspect", NULL, add_suspect_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.accept-proposal", "s", accept_proposal_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.dismiss-proposal", "s", dismiss_proposal_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.edit-line", "s", edit_line_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.edit-suspect", "s", edit_suspect_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.edit-disruption", "s",
                                   edit_disruption_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.unlink", "s", unlink_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.add-disruption", "s", add_disruption_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.disruption-status", "(ss)",
                                   disruption_status_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "suspect-page.undo", NULL);
}

static void
sot_suspect_page_init (SotSuspectPage *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) categories = NULL;
  g_autoptr(GtkStringList) focuses = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  const char * const *kinds = sot_disruption_kinds ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lines = g_list_store_new (SOT_TYPE_LINE_OF_ENQUIRY);
  build_column_view (self);

  statuses = filter_choices (_("All statuses"), sot_enquiry_statuses (), sot_enquiry_status_label);
  categories = filter_choices (_("All categories"), sot_enquiry_categories (), sot_enquiry_category_label);
  focuses = filter_choices (_("Any focus"), sot_enquiry_focuses (), sot_enquiry_focus_label);
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->category_filter, G_LIST_MODEL (categories));
  gtk_drop_down_set_model (self->focus_filter, G_LIST_MODEL (focuses));
  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->category_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->focus_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->owner_filter, "search-changed", G_CALLBACK (filter_changed_cb), self);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (sot_disruption_kind_label (kinds[i]), NULL);

      g_menu_item_set_action_and_target (item, "suspect-page.add-disruption", "s", kinds[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->disruption_button, G_MENU_MODEL (menu));

  gtk_list_box_set_placeholder (self->suspect_list,
                                placeholder (_("Suspect not yet identified")));
  gtk_list_box_set_placeholder (self->disruption_list,
                                placeholder (_("No disruption option considered yet")));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suspect-page.undo", FALSE);
  gtk_widget_set_visible (self->proposal_group, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/* Public functions */

GtkWidget *
sot_suspect_page_new (SotStore *store)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return g_object_new (SOT_TYPE_SUSPECT_PAGE, "store", store, NULL);
}

SotStore *
sot_suspect_page_get_store (SotSuspectPage *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_PAGE (self), NULL);
  return self->store;
}

SotInvestigation *
sot_suspect_page_get_investigation (SotSuspectPage *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_PAGE (self), NULL);
  return self->investigation;
}

void
sot_suspect_page_set_investigation (SotSuspectPage   *self,
                                    SotInvestigation *investigation)
{
  g_return_if_fail (SOT_IS_SUSPECT_PAGE (self));
  g_return_if_fail (investigation == NULL || SOT_IS_INVESTIGATION (investigation));

  if (!g_set_object (&self->investigation, investigation))
    return;

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVESTIGATION]);
}

GListModel *
sot_suspect_page_get_lines (SotSuspectPage *self)
{
  g_return_val_if_fail (SOT_IS_SUSPECT_PAGE (self), NULL);
  return G_LIST_MODEL (self->lines);
}
