/* sot-due-view.c: the "Due" view: what is due across all cases, grouped, with filters
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-due-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sot-deadline-row.h"
#include "sot-due.h"
#include "sot-due-view.h"

struct _SotDueView
{
  AdwBin           parent_instance;

  GtkStack        *stack;
  GtkListView     *list_view;
  GtkToggleButton *mine_button;
  GtkLabel        *heading_label;
  GtkLabel        *counts_label;
  GtkDropDown     *kind_dropdown;
  GtkDropDown     *owner_dropdown;

  SotStore        *store;
  GListStore      *all;          /* every open item, as gathered */
  GtkFilterListModel *items;     /* those the filters let through */
  GtkCustomFilter *filter;
  GtkStringList   *owners;       /* "All owners", then each owner */
  guint            counts[SOT_DUE_N_GROUPS];
  guint            reload_id;
};

G_DEFINE_FINAL_TYPE (SotDueView, sot_due_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ONLY_MINE,
  N_PROPS
};

enum {
  OPEN_INVESTIGATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, sot_deadline_row_new ());
}

/* The first row of each group carries the group's heading and count. */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SotDueView               *self)
{
  SotDue *due = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  SotDueGroup group = sot_due_get_group (due);
  g_autofree char *header = NULL;
  gboolean first = TRUE;

  if (position > 0)
    {
      g_autoptr(SotDue) previous = g_list_model_get_item (G_LIST_MODEL (self->items),
                                                          position - 1);

      first = previous == NULL || sot_due_get_group (previous) != group;
    }

  if (first)
    /* TRANSLATORS: a group of the Due view and how many items it has, as in "Overdue · 3" */
    header = g_strdup_printf (_("%s · %u"), sot_due_group_label (group), self->counts[group]);

  sot_deadline_row_set_item (SOT_DEADLINE_ROW (gtk_list_item_get_child (item)), due);
  sot_deadline_row_set_header (SOT_DEADLINE_ROW (gtk_list_item_get_child (item)), header);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  sot_deadline_row_set_item (SOT_DEADLINE_ROW (gtk_list_item_get_child (item)), NULL);
  sot_deadline_row_set_header (SOT_DEADLINE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
row_activated_cb (SotDueView  *self,
                  guint        position,
                  GtkListView *list_view)
{
  g_autoptr(SotDue) due = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (due != NULL)
    g_signal_emit (self, signals[OPEN_INVESTIGATION], 0, sot_due_get_investigation_uuid (due));
}

/* Kind (dropdown position 0: every kind), owner (position 0: everyone) and "Mine". */
static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  SotDueView *self = user_data;
  SotDue *due = item;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  const char *mine;

  if (kind != GTK_INVALID_LIST_POSITION && kind > 0 && sot_due_get_kind (due) != kind - 1)
    return FALSE;

  if (owner != GTK_INVALID_LIST_POSITION && owner > 0 &&
      g_strcmp0 (gtk_string_list_get_string (self->owners, owner), sot_due_get_owner (due)) != 0)
    return FALSE;

  if (self->store != NULL && gtk_toggle_button_get_active (self->mine_button) &&
      (mine = sot_store_get_operator (self->store)) != NULL &&
      g_ascii_strcasecmp (mine, sot_due_get_owner (due) ? sot_due_get_owner (due) : "") != 0)
    return FALSE;

  return TRUE;
}

/* The counts per group of what the filters let through, and the words saying them. */
static void
items_changed_cb (SotDueView *self)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (model);
  g_autofree char *text = NULL;

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotDue) due = g_list_model_get_item (model, i);

      self->counts[sot_due_get_group (due)]++;
    }

  /* TRANSLATORS: the counts of the Due view's groups */
  text = g_strdup_printf (_("%u overdue · %u today · %u this week · %u later"),
                          self->counts[SOT_DUE_GROUP_OVERDUE], self->counts[SOT_DUE_GROUP_TODAY],
                          self->counts[SOT_DUE_GROUP_WEEK], self->counts[SOT_DUE_GROUP_LATER]);
  gtk_label_set_label (self->counts_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
filters_changed_cb (SotDueView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* A group's count shows in its first row: bound rows must be bound again. */
  items_changed_cb (self);
  gtk_list_view_set_model (self->list_view, gtk_list_view_get_model (self->list_view));
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SotDueView *self = user_data;
  g_autoptr(GError) error = NULL;

  self->reload_id = 0;

  if (!sot_due_view_reload (self, &error))
    g_warning ("Cannot read what is due: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* Deadlines change with Victims' Code events, contacts, CPS action items and investigations:
 * one reload after a burst of changes. */
static void
store_changed_cb (SotDueView *self,
                  const char *entity_type,
                  const char *action,
                  const char *entity_uuid,
                  SotStore   *store)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
mine_toggled_cb (SotDueView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_MINE]);
  filters_changed_cb (self);
}

static void
sot_due_view_constructed (GObject *object)
{
  SotDueView *self = SOT_DUE_VIEW (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (sot_due_view_parent_class)->constructed (object);

  if (self->store == NULL)
    return;

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (!sot_due_view_reload (self, &error))
    g_warning ("Cannot read what is due: %s", error->message);
}

static void
sot_due_view_dispose (GObject *object)
{
  SotDueView *self = SOT_DUE_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_DUE_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_object (&self->all);
  g_clear_object (&self->filter);
  g_clear_object (&self->owners);

  G_OBJECT_CLASS (sot_due_view_parent_class)->dispose (object);
}

static void
sot_due_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SotDueView *self = SOT_DUE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ONLY_MINE:
      g_value_set_boolean (value, sot_due_view_get_only_mine (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_due_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SotDueView *self = SOT_DUE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ONLY_MINE:
      sot_due_view_set_only_mine (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_due_view_class_init (SotDueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_due_view_constructed;
  object_class->dispose = sot_due_view_dispose;
  object_class->get_property = sot_due_view_get_property;
  object_class->set_property = sot_due_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_MINE] =
    g_param_spec_boolean ("only-mine", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SotDueView::open-investigation:
   * @uuid: the investigation of the activated deadline
   *
   * Asks the window to open an investigation.
   */
  signals[OPEN_INVESTIGATION] =
    g_signal_new ("open-investigation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/case/sot-due-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SotDueView, stack);
  gtk_widget_class_bind_template_child (widget_class, SotDueView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SotDueView, mine_button);
  gtk_widget_class_bind_template_child (widget_class, SotDueView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SotDueView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SotDueView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SotDueView, owner_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sot_due_view_init (SotDueView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; i < SOT_DUE_N_KINDS; i++)
    gtk_string_list_append (kinds, sot_due_kind_label (i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  self->owners = gtk_string_list_new (NULL);
  gtk_string_list_append (self->owners, _("All owners"));
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (self->owners));

  self->all = g_list_store_new (SOT_TYPE_DUE);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->items = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->all)),
                                           g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mine_button, "toggled", G_CALLBACK (mine_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);

  items_changed_cb (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What is due"), -1);
}

GtkWidget *
sot_due_view_new (SotStore *store)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return g_object_new (SOT_TYPE_DUE_VIEW, "store", store, NULL);
}

SotStore *
sot_due_view_get_store (SotDueView *self)
{
  g_return_val_if_fail (SOT_IS_DUE_VIEW (self), NULL);

  return self->store;
}

gboolean
sot_due_view_get_only_mine (SotDueView *self)
{
  g_return_val_if_fail (SOT_IS_DUE_VIEW (self), FALSE);

  return gtk_toggle_button_get_active (self->mine_button);
}

void
sot_due_view_set_only_mine (SotDueView *self,
                            gboolean    only_mine)
{
  g_return_if_fail (SOT_IS_DUE_VIEW (self));

  /* The toggle notifies and filters. */
  if (gtk_toggle_button_get_active (self->mine_button) != !!only_mine)
    gtk_toggle_button_set_active (self->mine_button, only_mine);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The owners of the items, sorted, keeping the one chosen when it is still there. */
static void
update_owners (SotDueView *self,
               GPtrArray  *items)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    chosen = g_strdup (gtk_string_list_get_string (self->owners, selected));

  for (guint i = 0; i < items->len; i++)
    {
      const char *owner = sot_due_get_owner (g_ptr_array_index (items, i));

      if (owner != NULL && !g_ptr_array_find_with_equal_func (names, owner, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) owner);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  /* Splicing the strings resets the choice: it is put back below. */
  g_signal_handlers_block_by_func (self->owner_dropdown, filters_changed_cb, self);
  gtk_string_list_splice (self->owners, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->owners)) - 1,
                          (const char * const *) names->pdata);
  for (guint i = 0; chosen != NULL && names->pdata[i] != NULL; i++)
    if (g_str_equal (names->pdata[i], chosen))
      position = i + 1;
  gtk_drop_down_set_selected (self->owner_dropdown, position);
  g_signal_handlers_unblock_by_func (self->owner_dropdown, filters_changed_cb, self);
}

gboolean
sot_due_view_reload (SotDueView  *self,
                     GError     **error)
{
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (SOT_IS_DUE_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  due = sot_due_gather (self->store, 0, NULL, FALSE, error);
  if (due == NULL)
    return FALSE;

  n = g_list_model_get_n_items (due);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (due, i));

  update_owners (self, items);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_list_store_splice (self->all, 0, g_list_model_get_n_items (G_LIST_MODEL (self->all)),
                       items->pdata, items->len);

  return TRUE;
}

GListModel *
sot_due_view_get_items (SotDueView *self)
{
  g_return_val_if_fail (SOT_IS_DUE_VIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}
