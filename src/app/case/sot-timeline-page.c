/* sot-timeline-page.c: the Timeline page, every dated event of an investigation in order
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-timeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-timeline-page.h"
#include "sot-timeline-row.h"
#include "sot-timeline.h"

struct _SotTimelinePage
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkListView        *list_view;
  GtkDropDown        *kind_dropdown;
  GtkLabel           *count_label;
  AdwStatusPage      *empty_page;

  SotStore           *store;
  SotInvestigation   *investigation;
  GListStore         *events;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char               *kind;     /* the filter, or NULL for all */
  guint               reload_id;
};

G_DEFINE_FINAL_TYPE (SotTimelinePage, sot_timeline_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INVESTIGATION,
  N_PROPS
};

enum {
  OPEN_SOURCE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
kind_matches (gpointer item,
              gpointer user_data)
{
  SotTimelinePage *self = user_data;

  return self->kind == NULL ||
         g_strcmp0 (sot_timeline_event_get_kind (SOT_TIMELINE_EVENT (item)), self->kind) == 0;
}

static void
update_state (SotTimelinePage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  g_autofree char *count = NULL;

  if (total == shown)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", total), total);
  else
    /* TRANSLATORS: "4 of 37 events" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u event", "%u of %u events",
                                          total),
                             shown, total);
  gtk_label_set_label (self->count_label, count);

  if (self->investigation == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Investigation Open"));
      adw_status_page_set_description (self->empty_page,
                                       _("Open an investigation to see its timeline"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Events"));
      adw_status_page_set_description (self->empty_page,
                                       total > 0 ? _("No event of this kind")
                                                 : _("Dated events of the investigation appear "
                                                     "here in order"));
    }

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

static void
reload (SotTimelinePage *self)
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->investigation != NULL && self->store != NULL)
    {
      events = sot_timeline_load (self->store, sot_investigation_get_id (self->investigation),
                                  &error);
      if (events == NULL)
        g_warning ("Cannot read the timeline: %s", error->message);
      else
        for (guint i = 0, n = g_list_model_get_n_items (events); i < n; i++)
          g_ptr_array_add (items, g_list_model_get_item (events, i));
    }

  g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                       items->pdata, items->len);
  update_state (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SotTimelinePage *self = user_data;

  self->reload_id = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SotTimelinePage *self,
                  const char      *entity_type,
                  const char      *action,
                  const char      *entity_uuid,
                  SotStore        *store)
{
  if (self->investigation != NULL && self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
kind_selected_cb (SotTimelinePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  const char * const *kinds = sot_timeline_kinds ();

  g_clear_pointer (&self->kind, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= g_strv_length ((char **) kinds))
    self->kind = g_strdup (kinds[selected - 1]);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, sot_timeline_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  sot_timeline_row_set_event (SOT_TIMELINE_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  sot_timeline_row_set_event (SOT_TIMELINE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
row_activated_cb (SotTimelinePage *self,
                  guint            position,
                  GtkListView     *list_view)
{
  g_autoptr(SotTimelineEvent) event = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                             position);

  if (event != NULL)
    g_signal_emit (self, signals[OPEN_SOURCE], 0, sot_timeline_event_get_entity_type (event),
                   sot_timeline_event_get_entity_uuid (event));
}

static void
sot_timeline_page_constructed (GObject *object)
{
  SotTimelinePage *self = SOT_TIMELINE_PAGE (object);

  G_OBJECT_CLASS (sot_timeline_page_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_state (self);
}

static void
sot_timeline_page_dispose (GObject *object)
{
  SotTimelinePage *self = SOT_TIMELINE_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_TIMELINE_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->events);
  g_clear_object (&self->investigation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_timeline_page_parent_class)->dispose (object);
}

static void
sot_timeline_page_finalize (GObject *object)
{
  SotTimelinePage *self = SOT_TIMELINE_PAGE (object);

  g_free (self->kind);

  G_OBJECT_CLASS (sot_timeline_page_parent_class)->finalize (object);
}

static void
sot_timeline_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SotTimelinePage *self = SOT_TIMELINE_PAGE (object);

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
sot_timeline_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SotTimelinePage *self = SOT_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_INVESTIGATION:
      sot_timeline_page_set_investigation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_timeline_page_class_init (SotTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_timeline_page_constructed;
  object_class->dispose = sot_timeline_page_dispose;
  object_class->finalize = sot_timeline_page_finalize;
  object_class->get_property = sot_timeline_page_get_property;
  object_class->set_property = sot_timeline_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION] =
    g_param_spec_object ("investigation", NULL, NULL, SOT_TYPE_INVESTIGATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SotTimelinePage::open-source:
   * @entity_type: the record's type (a table name: "suspect", "victim_contact", "exhibit", …)
   * @entity_uuid: the record's UUID
   *
   * Asks the window to show the record an activated event comes from.
   */
  signals[OPEN_SOURCE] =
    g_signal_new ("open-source", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/case/sot-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SotTimelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SotTimelinePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SotTimelinePage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SotTimelinePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SotTimelinePage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
sot_timeline_page_init (SotTimelinePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All events"));
  for (const char * const *k = sot_timeline_kinds (); *k != NULL; k++)
    gtk_string_list_append (kinds, sot_timeline_kind_label (*k));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  self->events = g_list_store_new (SOT_TYPE_TIMELINE_EVENT);
  self->filter = gtk_custom_filter_new (kind_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->events)),
                                              GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (kind_selected_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sot_timeline_page_new (SotStore *store)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return g_object_new (SOT_TYPE_TIMELINE_PAGE, "store", store, NULL);
}

SotStore *
sot_timeline_page_get_store (SotTimelinePage *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_PAGE (self), NULL);

  return self->store;
}

SotInvestigation *
sot_timeline_page_get_investigation (SotTimelinePage *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_PAGE (self), NULL);

  return self->investigation;
}

void
sot_timeline_page_set_investigation (SotTimelinePage  *self,
                                     SotInvestigation *investigation)
{
  g_return_if_fail (SOT_IS_TIMELINE_PAGE (self));
  g_return_if_fail (investigation == NULL || SOT_IS_INVESTIGATION (investigation));

  if (!g_set_object (&self->investigation, investigation))
    return;

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVESTIGATION]);
}

void
sot_timeline_page_set_kind_filter (SotTimelinePage *self,
                                   const char      *kind)
{
  const char * const *kinds = sot_timeline_kinds ();
  guint position = 0;

  g_return_if_fail (SOT_IS_TIMELINE_PAGE (self));

  for (guint i = 0; kind != NULL && kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i], kind))
      position = i + 1;

  gtk_drop_down_set_selected (self->kind_dropdown, position);
}

GListModel *
sot_timeline_page_get_model (SotTimelinePage *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
