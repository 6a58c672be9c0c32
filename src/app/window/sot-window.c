/* sot-window.c: the main window: the list of investigations beside the open one
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-accessible.h"
#include "sot-investigation-list.h"
#include "sot-investigation-row.h"
#include "sot-line-of-enquiry.h"
#include "sot-due-view.h"
#include "sot-forensics-page.h"
#include "sot-timeline-page.h"
#include "sot-victim-page.h"
#include "sot-overview-page.h"
#include "sot-suspect.h"
#include "sot-suspect-page.h"
#include "sot-window-private.h"

/* In the order of the sort drop-down; @setting is the value of the list-sort key. */
static const struct {
  const char *setting;
  const char *short_label;   /* shown on the button */
  const char *label;         /* shown in the list */
} sort_orders[] = {
  [SORT_REPORT_DATE] = { "report-date", N_("Report date"), N_("Report date — newest first") },
  [SORT_NEXT_DEADLINE] = { "next-deadline", N_("Next deadline"),
                           N_("Next deadline — soonest first, no deadline last") },
  [SORT_CRIME_REFERENCE] = { "crime-reference", N_("Crime reference"), N_("Crime reference") },
  [SORT_SUSPECT_FOCUS] = { "suspect-focus", N_("Suspect focus"),
                           N_("Suspect focus — least on the suspect first, none last") },
};

G_DEFINE_FINAL_TYPE (SotWindow, sot_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (SotWindow  *self,
            const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
_sot_window_show_toast (SotWindow  *self,
                        const char *message)
{
  show_toast (self, message);
}

void
_sot_window_add_toast (SotWindow *self,
                       AdwToast  *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
update_actions (SotWindow *self)
{
  gboolean open = self->current != NULL;
  gboolean training = sot_store_get_training (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-investigation", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-investigation", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-training", !training);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-training", training);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 adw_leaflet_get_folded (self->leaflet));
}

void
_sot_window_update_list_state (SotWindow *self)
{
  guint n_listed = g_list_model_get_n_items (G_LIST_MODEL (self->investigations));
  guint n_pending = self->pending_deletions ? g_hash_table_size (self->pending_deletions) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  const char *state = "list";

  if (n_listed <= n_pending)
    state = "empty";
  else if (n_shown == 0 && gtk_filter_list_model_get_pending (self->filter_model) == 0)
    state = "no-results";

  gtk_stack_set_visible_child_name (self->list_stack, state);
}

/* Shows @investigation in the content pane. Opening a case is a consultation in the sense of
 * DPA 2018 s.62, so it is recorded first; a case whose opening cannot be recorded is not shown. */
void
_sot_window_open_investigation (SotWindow        *self,
                                SotInvestigation *investigation)
{
  g_autoptr(GError) error = NULL;

  if (investigation == self->current)
    return;

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_pointer (&self->subtitle_binding, g_binding_unbind);

  if (investigation != NULL && !sot_investigation_consult (investigation, self->store, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("The investigation was not opened: %s"), error->message);

      show_toast (self, message);
      investigation = NULL;
    }

  g_set_object (&self->current, investigation);
  sot_overview_page_set_investigation (self->overview_page, investigation);
  sot_suspect_page_set_investigation (self->suspect_page, investigation);
  sot_forensics_page_set_investigation (self->forensics_page, investigation);
  sot_victim_page_set_investigation (self->victim_page, investigation);
  sot_timeline_page_set_investigation (self->timeline_page, investigation);

  if (investigation != NULL)
    {
      self->title_binding = g_object_bind_property (investigation, "crime-reference",
                                                    self->switcher_title, "title",
                                                    G_BINDING_SYNC_CREATE);
      self->subtitle_binding = g_object_bind_property (investigation, "offence-label",
                                                       self->switcher_title, "subtitle",
                                                       G_BINDING_SYNC_CREATE);
      gtk_stack_set_visible_child_name (self->content_stack, "investigation");
    }
  else
    {
      adw_view_switcher_title_set_title (self->switcher_title, "");
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }

  update_actions (self);
}

static guint
find_shown (SotWindow  *self,
            const char *uuid)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SotInvestigation) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (item != NULL && g_strcmp0 (sot_investigation_get_uuid (item), uuid) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Selects the case waiting in select_when_listed once the incremental filter has reached it,
 * or opens it without a selection when the search or the status filter hides it. */
static void
select_when_listed (SotWindow *self)
{
  guint position;

  if (self->select_when_listed == NULL)
    return;

  position = find_shown (self, self->select_when_listed);

  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
    }
  else if (gtk_filter_list_model_get_pending (self->filter_model) == 0)
    {
      SotInvestigation *listed = sot_investigation_list_lookup (self->investigations,
                                                                self->select_when_listed);

      _sot_window_open_investigation (self, listed);
    }
  else
    {
      return;
    }

  g_clear_pointer (&self->select_when_listed, g_free);
}

static gboolean
select_when_listed_cb (gpointer user_data)
{
  SotWindow *self = user_data;

  self->select_source = 0;
  select_when_listed (self);

  return G_SOURCE_REMOVE;
}

/* The models are looked at from an idle, once every one of them has handled the change. */
void
_sot_window_queue_select_when_listed (SotWindow *self)
{
  if (self->select_when_listed != NULL && self->select_source == 0)
    self->select_source = g_idle_add (select_when_listed_cb, self);
}

/* Erases a case whose toast went without Undo. When the window is closing there is nowhere
 * left to show a failure, which is then logged. */
void
_sot_window_erase (SotWindow        *self,
                   SotInvestigation *investigation,
                   gboolean          closing)
{
  g_autoptr(GError) error = NULL;

  if (!sot_investigation_erase (investigation, self->store, NULL, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Investigation %s was not deleted: %s"),
                         sot_investigation_get_crime_reference (investigation), error->message);

      if (closing)
        g_warning ("%s", message);
      else
        show_toast (self, message);
    }
}

/* Makes every deletion still waiting for its toast final, as when the window closes. */
static void
commit_pending_deletions (SotWindow *self)
{
  g_autoptr(GPtrArray) doomed = NULL;
  GHashTableIter iter;
  gpointer value;

  if (self->pending_deletions == NULL || g_hash_table_size (self->pending_deletions) == 0)
    return;

  doomed = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->pending_deletions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (doomed, g_object_ref (value));

  g_hash_table_remove_all (self->pending_deletions);

  for (guint i = 0; i < doomed->len; i++)
    _sot_window_erase (self, g_ptr_array_index (doomed, i), TRUE);
}

static gboolean
pending_filter_func (gpointer item,
                     gpointer user_data)
{
  SotWindow *self = user_data;

  return self->pending_deletions == NULL ||
         !g_hash_table_contains (self->pending_deletions, sot_investigation_get_uuid (item));
}

static gboolean
status_filter_func (gpointer item,
                    gpointer user_data)
{
  SotWindow *self = user_data;

  return self->status == NULL || g_strcmp0 (sot_investigation_get_status (item), self->status) == 0;
}

static gboolean
repeat_filter_func (gpointer item,
                    gpointer user_data)
{
  SotWindow *self = user_data;

  return !self->repeat_only ||
         (self->repeat_cases != NULL &&
          g_hash_table_contains (self->repeat_cases, sot_investigation_get_uuid (item)));
}

static double
focus_key (SotWindow        *self,
           SotInvestigation *investigation)
{
  const SotSuspectFocus *focus = NULL;

  if (self->focus != NULL)
    focus = g_hash_table_lookup (self->focus, sot_investigation_get_uuid (investigation));

  return focus != NULL ? sot_suspect_focus_sort_key (focus) : -1;
}

/* Reloads the suspect-focus figures and the repeat-suspect set, which change with lines of
 * enquiry and suspect links rather than with the investigation rows themselves. Each is a
 * query over the whole workspace, so it is made only while the sort or the filter uses it;
 * otherwise the figures are dropped and made again when the user turns to them. */
static void
refresh_case_figures (SotWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) focus = NULL;
  g_autoptr(GHashTable) repeat_cases = NULL;

  if (self->sort_order != SORT_SUSPECT_FOCUS)
    g_clear_pointer (&self->focus, g_hash_table_unref);
  else if (sot_suspect_focus_for_all (self->store, NULL, &focus, &error))
    {
      g_clear_pointer (&self->focus, g_hash_table_unref);
      self->focus = g_steal_pointer (&focus);
    }
  else
    g_warning ("Cannot compute the suspect focus: %s", error->message);

  g_clear_error (&error);

  if (!self->repeat_only)
    g_clear_pointer (&self->repeat_cases, g_hash_table_unref);
  else if (sot_suspect_repeat_investigations (self->store, &repeat_cases, &error))
    {
      g_clear_pointer (&self->repeat_cases, g_hash_table_unref);
      self->repeat_cases = g_steal_pointer (&repeat_cases);
    }
  else
    g_warning ("Cannot find repeat suspects: %s", error->message);

  if (self->sorter != NULL && self->sort_order == SORT_SUSPECT_FOCUS)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  if (self->repeat_filter != NULL && self->repeat_only)
    gtk_filter_changed (GTK_FILTER (self->repeat_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
refresh_case_figures_cb (gpointer user_data)
{
  SotWindow *self = user_data;

  self->refresh_source = 0;
  refresh_case_figures (self);

  return G_SOURCE_REMOVE;
}

static void
repeat_toggled_cb (SotWindow      *self,
                   GtkCheckButton *check)
{
  self->repeat_only = gtk_check_button_get_active (check);
  refresh_case_figures (self);

  if (self->repeat_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->repeat_filter),
                        self->repeat_only ? GTK_FILTER_CHANGE_MORE_STRICT
                                          : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
suspect_page_open_cb (SotWindow      *self,
                      const char     *uuid,
                      SotSuspectPage *page)
{
  g_free (self->select_when_listed);
  self->select_when_listed = g_strdup (uuid);
  _sot_window_queue_select_when_listed (self);
}

/* The Due view takes the place of the list in the sidebar: the deadlines across all
 * investigations, today and this week. */
static void
due_toggled_cb (SotWindow       *self,
                GtkToggleButton *button)
{
  gboolean due = gtk_toggle_button_get_active (button);

  gtk_widget_set_visible (self->filter_box, !due);
  gtk_widget_set_visible (GTK_WIDGET (self->list_stack), !due);
  gtk_widget_set_visible (self->due_view, due);
  adw_window_title_set_title (self->sidebar_title, due ? _("Due") : _("Investigations"));

  if (due)
    {
      g_autoptr(GError) error = NULL;

      if (!sot_due_view_reload (SOT_DUE_VIEW (self->due_view), &error))
        show_toast (self, error->message);
    }
}

static void
due_open_cb (SotWindow  *self,
             const char *uuid,
             GtkWidget  *due_view)
{
  g_free (self->select_when_listed);
  self->select_when_listed = g_strdup (uuid);
  _sot_window_queue_select_when_listed (self);

  /* The case opens in the content pane; on a narrow window, go there. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A timeline entry opens the page where its record lives. */
static void
timeline_open_cb (SotWindow       *self,
                  const char      *entity_type,
                  const char      *entity_uuid,
                  SotTimelinePage *page)
{
  const char *name = "victim";

  if (g_strcmp0 (entity_type, "investigation") == 0)
    name = "overview";
  else if (g_strcmp0 (entity_type, "suspect") == 0 ||
           g_strcmp0 (entity_type, "line_of_enquiry") == 0)
    name = "suspect-focus";
  else if (g_strcmp0 (entity_type, "exhibit") == 0 ||
           g_strcmp0 (entity_type, "exhibit_movement") == 0 ||
           g_strcmp0 (entity_type, "device") == 0)
    name = "forensics";

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static int
compare_investigations (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  SotWindow *self = user_data;
  SotInvestigation *x = (SotInvestigation *) a;
  SotInvestigation *y = (SotInvestigation *) b;
  const char *dx, *dy;
  int result = 0;

  /* Stored dates and times are ISO 8601 in UTC, so they sort as text. */
  switch (self->sort_order)
    {
    case SORT_REPORT_DATE:
      result = g_strcmp0 (sot_investigation_get_reported_on (y),
                          sot_investigation_get_reported_on (x));
      break;

    case SORT_NEXT_DEADLINE:
      dx = sot_investigation_get_next_deadline (x);
      dy = sot_investigation_get_next_deadline (y);
      if (dx == NULL || dy == NULL)
        result = (dx == NULL) - (dy == NULL);
      else
        result = strcmp (dx, dy);
      break;

    case SORT_SUSPECT_FOCUS:
      {
        double fx = focus_key (self, x);
        double fy = focus_key (self, y);

        /* Least suspect-focused first: those cases need a supervisor's look. */
        if (fx < 0 || fy < 0)
          result = (fx < 0) - (fy < 0);
        else
          result = (fx > fy) - (fx < fy);
      }
      break;

    case SORT_CRIME_REFERENCE:
    default:
      break;
    }

  if (result == 0)
    result = g_strcmp0 (sot_investigation_get_crime_reference (x),
                        sot_investigation_get_crime_reference (y));

  return result;
}

static gboolean
sort_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *setting = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    {
      if (g_str_equal (sort_orders[i].setting, setting))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
sort_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (sort_orders))
    return NULL;

  return g_variant_new_string (sort_orders[position].setting);
}

static void
row_setup_cb (SotWindow                *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (item, sot_investigation_row_new ());
}

static void
row_bind_cb (SotWindow                *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  g_autoptr(GDateTime) now = sot_store_now (self->store);

  sot_investigation_row_set_investigation (SOT_INVESTIGATION_ROW (gtk_list_item_get_child (item)),
                                           gtk_list_item_get_item (item), now);
}

static void
row_unbind_cb (SotWindow                *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  sot_investigation_row_set_investigation (SOT_INVESTIGATION_ROW (gtk_list_item_get_child (item)),
                                           NULL, NULL);
}

static void
sort_button_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
sort_button_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  guint position = gtk_list_item_get_position (item);

  g_assert (position < G_N_ELEMENTS (sort_orders));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       _(sort_orders[position].short_label));
}

static void
sort_list_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Selected"),
                                  -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

/* The list of the drop-down marks the order in use, as GtkDropDown's own list does. */
static void
sort_list_update_check (GtkListItem *item,
                        GParamSpec  *pspec,
                        GtkDropDown *dropdown)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_last_child (box);

  gtk_widget_set_opacity (check, gtk_drop_down_get_selected (dropdown)
                                   == gtk_list_item_get_position (item) ? 1 : 0);
}

static void
sort_list_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  SotWindow *self = user_data;
  GtkWidget *box = gtk_list_item_get_child (item);
  guint position = gtk_list_item_get_position (item);

  g_assert (position < G_N_ELEMENTS (sort_orders));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       _(sort_orders[position].label));
  g_signal_connect_object (self->sort_dropdown, "notify::selected",
                           G_CALLBACK (sort_list_update_check), item, G_CONNECT_SWAPPED);
  sort_list_update_check (item, NULL, self->sort_dropdown);
}

static void
sort_list_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  SotWindow *self = user_data;

  /* While the window is disposed, the drop-down may have gone before its list. */
  if (self->sort_dropdown != NULL)
    g_signal_handlers_disconnect_by_func (self->sort_dropdown, sort_list_update_check, item);
}

static void
selection_changed_cb (SotWindow          *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  SotInvestigation *item = gtk_single_selection_get_selected_item (selection);

  /* The open case stays open while a search or a filter hides it from the list. */
  if (item == NULL)
    return;

  _sot_window_open_investigation (self, item);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
list_activate_cb (SotWindow   *self,
                  guint        position,
                  GtkListView *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
leaflet_visible_child_cb (SotWindow  *self,
                          GParamSpec *pspec,
                          AdwLeaflet *leaflet)
{
  /* Back on the list of a folded window, the row can be picked again to go forward. */
  if (adw_leaflet_get_folded (leaflet) && adw_leaflet_get_visible_child (leaflet) == self->sidebar)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
leaflet_folded_cb (SotWindow  *self,
                   GParamSpec *pspec,
                   AdwLeaflet *leaflet)
{
  /* On a narrow window the crime reference in the title needs the room of the label. */
  if (adw_leaflet_get_folded (leaflet))
    gtk_button_set_icon_name (self->edit_button, "document-edit-symbolic");
  else
    gtk_button_set_label (self->edit_button, _("_Edit"));

  update_actions (self);
}

static void
search_changed_cb (SotWindow      *self,
                   GtkSearchEntry *entry)
{
  gtk_string_filter_set_search (self->search_filter,
                                gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (SotWindow      *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
status_selected_cb (SotWindow   *self,
                    GParamSpec  *pspec,
                    GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char * const *statuses = sot_investigation_statuses ();
  const char *status = NULL;

  /* Position 0 is "All statuses". */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= g_strv_length ((char **) statuses))
    status = statuses[selected - 1];

  if (g_strcmp0 (status, self->status) == 0)
    return;

  self->status = status;

  if (self->status_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
sort_selected_cb (SotWindow   *self,
                  GParamSpec  *pspec,
                  GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= G_N_ELEMENTS (sort_orders) || selected == self->sort_order)
    return;

  self->sort_order = selected;
  refresh_case_figures (self);

  if (self->sorter != NULL)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
shown_items_changed_cb (SotWindow  *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  _sot_window_update_list_state (self);
  _sot_window_queue_select_when_listed (self);
}

static void
filter_pending_cb (SotWindow          *self,
                   GParamSpec         *pspec,
                   GtkFilterListModel *model)
{
  _sot_window_update_list_state (self);
  _sot_window_queue_select_when_listed (self);
}

static void
store_changed_cb (SotWindow  *self,
                  const char *entity_type,
                  const char *action,
                  const char *entity_uuid,
                  SotStore   *store)
{
  /* Lines of enquiry and suspect links change the per-case figures of the list. */
  if (g_strcmp0 (entity_type, "line_of_enquiry") == 0 || g_strcmp0 (entity_type, "suspect") == 0)
    {
      if (self->refresh_source == 0)
        self->refresh_source = g_timeout_add (250, refresh_case_figures_cb, self);
      return;
    }

  if (g_strcmp0 (entity_type, "investigation") != 0)
    return;

  if (g_strcmp0 (action, SOT_AUDIT_ERASE) == 0)
    {
      if (self->current != NULL &&
          g_strcmp0 (sot_investigation_get_uuid (self->current), entity_uuid) == 0)
        _sot_window_open_investigation (self, NULL);
    }
  else if (g_strcmp0 (action, SOT_AUDIT_ALTER) == 0)
    {
      /* The list model does not watch its items: an edit can change the order or the match. */
      gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
    }

  _sot_window_update_list_state (self);
}

static void
populate_status_dropdown (SotWindow *self)
{
  const char * const *statuses = sot_investigation_statuses ();
  const char * const all[] = { _("All statuses"), NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (all);

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (list, sot_investigation_status_label (statuses[i]));

  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->status_dropdown, 0);
}

static void
populate_sort_dropdown (SotWindow *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    gtk_string_list_append (list, _(sort_orders[i].label));

  /* The button names the order briefly; the list says how each one sorts. */
  g_signal_connect (button_factory, "setup", G_CALLBACK (sort_button_setup_cb), NULL);
  g_signal_connect (button_factory, "bind", G_CALLBACK (sort_button_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (sort_list_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (sort_list_bind_cb), self);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (sort_list_unbind_cb), self);

  gtk_drop_down_set_factory (self->sort_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->sort_dropdown, list_factory);
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (list));
}

static void
build_list (SotWindow *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *investigations;
  GtkEveryFilter *every;
  GtkMultiFilter *multi;

  self->investigations = sot_investigation_list_new (self->store, &error);
  if (self->investigations == NULL)
    {
      /* The window still opens, empty, and says why until the toast is dismissed. */
      g_autofree char *message = g_strdup_printf (_("Cannot list the investigations: %s"),
                                                  error->message);
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      self->investigations = g_object_new (SOT_TYPE_INVESTIGATION_LIST, NULL);
    }

  investigations = G_LIST_MODEL (self->investigations);

  self->pending_filter = gtk_custom_filter_new (pending_filter_func, self, NULL);
  self->status_filter = gtk_custom_filter_new (status_filter_func, self, NULL);
  self->repeat_filter = gtk_custom_filter_new (repeat_filter_func, self, NULL);
  self->search_filter =
    gtk_string_filter_new (gtk_property_expression_new (SOT_TYPE_INVESTIGATION, NULL,
                                                        "search-text"));
  gtk_string_filter_set_match_mode (self->search_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->search_filter, TRUE);

  /* The cheap filters first: the every-filter stops at the first that refuses an item. */
  every = gtk_every_filter_new ();
  multi = GTK_MULTI_FILTER (every);
  gtk_multi_filter_append (multi, g_object_ref (GTK_FILTER (self->pending_filter)));
  gtk_multi_filter_append (multi, g_object_ref (GTK_FILTER (self->status_filter)));
  gtk_multi_filter_append (multi, g_object_ref (GTK_FILTER (self->repeat_filter)));
  gtk_multi_filter_append (multi, g_object_ref (GTK_FILTER (self->search_filter)));

  self->filter_model = gtk_filter_list_model_new (g_object_ref (investigations),
                                                  GTK_FILTER (every));
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);

  self->sorter = gtk_custom_sorter_new (compare_investigations, self, NULL);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (GTK_SORTER (self->sorter)));

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (shown_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (filter_pending_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
add_page (SotWindow  *self,
          GtkWidget  *page,
          const char *name,
          const char *title,
          const char *icon_name)
{
  AdwViewStackPage *stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);

  adw_view_stack_page_set_icon_name (stack_page, icon_name);
}

static void
sot_window_constructed (GObject *object)
{
  SotWindow *self = (SotWindow *)object;
  int width, height;

  G_OBJECT_CLASS (sot_window_parent_class)->constructed (object);

  g_assert (SOT_IS_STORE (self->store));

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  sot_overview_page_set_store (self->overview_page, self->store);
  gtk_widget_set_visible (self->training_banner, sot_store_get_training (self->store));
  if (sot_store_get_training (self->store))
    gtk_window_set_title (GTK_WINDOW (self), _("Soteria Workbench — Training"));
  _sot_window_clock_init (self);

  populate_status_dropdown (self);
  populate_sort_dropdown (self);

  /* The sort order is read before the list is built, so that it is sorted only once. */
  g_settings_bind_with_mapping (self->settings, "list-sort", self->sort_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, sort_get_mapping, sort_set_mapping,
                                NULL, NULL);

  /* The suspect-focus figures, when the saved sort uses them, were made as the setting
   * selected the sort above. */
  build_list (self);

  /* Pages that need the store at construction are added here rather than in the template. */
  self->suspect_page = SOT_SUSPECT_PAGE (sot_suspect_page_new (self->store));
  g_signal_connect_object (self->suspect_page, "open-investigation",
                           G_CALLBACK (suspect_page_open_cb), self, G_CONNECT_SWAPPED);
  add_page (self, GTK_WIDGET (self->suspect_page), "suspect-focus", _("Suspect Focus"),
            "system-users-symbolic");

  self->forensics_page = SOT_FORENSICS_PAGE (sot_forensics_page_new (self->store, NULL));
  add_page (self, GTK_WIDGET (self->forensics_page), "forensics", _("Forensics"),
            "edit-find-symbolic");

  self->victim_page = SOT_VICTIM_PAGE (sot_victim_page_new (self->store));
  add_page (self, GTK_WIDGET (self->victim_page), "victim", _("Victim"),
            "avatar-default-symbolic");

  self->timeline_page = SOT_TIMELINE_PAGE (sot_timeline_page_new (self->store));
  g_signal_connect_object (self->timeline_page, "open-source",
                           G_CALLBACK (timeline_open_cb), self, G_CONNECT_SWAPPED);
  add_page (self, GTK_WIDGET (self->timeline_page), "timeline", _("Timeline"),
            "view-list-symbolic");

  self->due_view = sot_due_view_new (self->store);
  gtk_widget_set_vexpand (self->due_view, TRUE);
  gtk_widget_set_visible (self->due_view, FALSE);
  g_signal_connect_object (self->due_view, "open-investigation",
                           G_CALLBACK (due_open_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->sidebar), self->due_view);

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb),
                           self, G_CONNECT_SWAPPED);
  leaflet_folded_cb (self, NULL, self->leaflet);

  _sot_window_update_list_state (self);
  update_actions (self);
}

static void
save_window_state (SotWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
sot_window_unmap (GtkWidget *widget)
{
  save_window_state (SOT_WINDOW (widget));

  GTK_WIDGET_CLASS (sot_window_parent_class)->unmap (widget);
}

static gboolean
sot_window_close_request (GtkWindow *window)
{
  commit_pending_deletions (SOT_WINDOW (window));

  return GTK_WINDOW_CLASS (sot_window_parent_class)->close_request (window);
}

static void
sot_window_dispose (GObject *object)
{
  SotWindow *self = (SotWindow *)object;

  commit_pending_deletions (self);
  g_clear_pointer (&self->pending_deletions, g_hash_table_unref);
  g_clear_handle_id (&self->select_source, g_source_remove);

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_pointer (&self->subtitle_binding, g_binding_unbind);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sorter);
  g_clear_object (&self->pending_filter);
  g_clear_object (&self->status_filter);
  g_clear_object (&self->repeat_filter);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_pointer (&self->focus, g_hash_table_unref);
  g_clear_pointer (&self->repeat_cases, g_hash_table_unref);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->investigations);
  g_clear_object (&self->current);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sot_window_parent_class)->dispose (object);
}

static void
sot_window_finalize (GObject *object)
{
  SotWindow *self = (SotWindow *)object;

  g_clear_pointer (&self->select_when_listed, g_free);

  G_OBJECT_CLASS (sot_window_parent_class)->finalize (object);
}

static void
sot_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SotWindow *self = SOT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SotWindow *self = SOT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_window_class_init (SotWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sot_window_constructed;
  object_class->dispose = sot_window_dispose;
  object_class->finalize = sot_window_finalize;
  object_class->get_property = sot_window_get_property;
  object_class->set_property = sot_window_set_property;

  widget_class->unmap = sot_window_unmap;
  window_class->close_request = sot_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SOT_TYPE_OVERVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/window/sot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SotWindow, training_banner);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, clock_button);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, content);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, repeat_check);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, due_button);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, filter_box);
  gtk_widget_class_bind_template_child (widget_class, SotWindow, sidebar_title);
  gtk_widget_class_bind_template_callback (widget_class, due_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_selected_cb);

  _sot_window_class_init_actions (widget_class);
  _sot_window_class_init_clock (widget_class);

  /* Before the first window is mapped, so its controls are named from the start. */
  sot_accessible_init ();
}

static void
sot_window_init (SotWindow *self)
{
  self->pending_deletions = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                   g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

SotWindow *
sot_window_new (GtkApplication *application,
                SotStore       *store,
                GSettings      *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SOT_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "settings", settings,
                       NULL);
}

SotStore *
sot_window_get_store (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return self->store;
}

GtkFilterListModel *
sot_window_get_filter_model (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return self->filter_model;
}

GtkSingleSelection *
sot_window_get_selection (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return self->selection;
}

GtkWidget *
sot_window_get_search_entry (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

GtkWidget *
sot_window_get_status_filter (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->status_dropdown);
}

GtkWidget *
sot_window_get_sort_order (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->sort_dropdown);
}

GtkWidget *
sot_window_get_training_banner (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return self->training_banner;
}

SotOverviewPage *
sot_window_get_overview_page (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return self->overview_page;
}

SotInvestigation *
sot_window_get_current (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return self->current;
}

const char *
sot_window_get_list_state (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}

GtkWidget *
sot_window_get_repeat_filter (SotWindow *self)
{
  g_return_val_if_fail (SOT_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->repeat_check);
}
