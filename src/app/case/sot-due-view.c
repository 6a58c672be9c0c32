/* sot-due-view.c: the "Due" view, deadlines across all investigations, today and this week
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-due-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-deadline.h"
#include "sot-deadline-row.h"
#include "sot-due-view.h"

struct _SotDueView
{
  AdwBin           parent_instance;

  GtkStack        *stack;
  GtkListView     *list_view;
  GtkToggleButton *mine_button;
  GtkLabel        *heading_label;

  SotStore        *store;
  GListStore      *items;
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

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  sot_deadline_row_set_deadline (SOT_DEADLINE_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  sot_deadline_row_set_deadline (SOT_DEADLINE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
row_activated_cb (SotDueView  *self,
                  guint        position,
                  GtkListView *list_view)
{
  g_autoptr(SotDeadline) deadline = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (deadline != NULL)
    g_signal_emit (self, signals[OPEN_INVESTIGATION], 0,
                   sot_deadline_get_investigation_uuid (deadline));
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SotDueView *self = user_data;
  g_autoptr(GError) error = NULL;

  self->reload_id = 0;

  if (!sot_due_view_reload (self, &error))
    g_warning ("Cannot read the deadlines due: %s", error->message);

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
  store_changed_cb (self, NULL, NULL, NULL, self->store);
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
    g_warning ("Cannot read the deadlines due: %s", error->message);
}

static void
sot_due_view_dispose (GObject *object)
{
  SotDueView *self = SOT_DUE_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_DUE_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->items);

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
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sot_due_view_init (SotDueView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (SOT_TYPE_DEADLINE);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->mine_button, "toggled", G_CALLBACK (mine_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Deadlines due this week"), -1);
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

  /* The toggle notifies and reloads. */
  if (gtk_toggle_button_get_active (self->mine_button) != !!only_mine)
    gtk_toggle_button_set_active (self->mine_button, only_mine);
}

gboolean
sot_due_view_reload (SotDueView  *self,
                     GError     **error)
{
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *officer = NULL;
  guint n;

  g_return_val_if_fail (SOT_IS_DUE_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (sot_due_view_get_only_mine (self))
    officer = sot_store_get_operator (self->store);

  due = sot_deadline_list_due (self->store, officer, error);
  if (due == NULL)
    return FALSE;

  n = g_list_model_get_n_items (due);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (due, i));

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  return TRUE;
}

GListModel *
sot_due_view_get_items (SotDueView *self)
{
  g_return_val_if_fail (SOT_IS_DUE_VIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}
