/* sot-investigation-list.c: every investigation of a workspace as a GListModel
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-investigation-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-investigation-list.h"

struct _SotInvestigationList
{
  GObject     parent_instance;

  SotStore   *store;
  GPtrArray  *items;    /* SotInvestigation, in id order */
  GHashTable *by_uuid;  /* uuid → SotInvestigation (borrowed from items) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SotInvestigationList, sot_investigation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
list_get_item_type (GListModel *model)
{
  return SOT_TYPE_INVESTIGATION;
}

static guint
list_get_n_items (GListModel *model)
{
  return SOT_INVESTIGATION_LIST (model)->items->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  SotInvestigationList *self = SOT_INVESTIGATION_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
add_item (SotInvestigationList *self,
          SotInvestigation     *item)
{
  g_ptr_array_add (self->items, item);
  g_hash_table_insert (self->by_uuid, (gpointer) sot_investigation_get_uuid (item), item);
}

static void
store_changed_cb (SotInvestigationList *self,
                  const char           *entity_type,
                  const char           *action,
                  const char           *entity_uuid,
                  SotStore             *store)
{
  g_autoptr(GError) error = NULL;
  SotInvestigation *existing;
  guint position;

  if (g_strcmp0 (entity_type, SOT_ENTITY_INVESTIGATION) != 0 || entity_uuid == NULL)
    return;

  existing = g_hash_table_lookup (self->by_uuid, entity_uuid);

  if (g_strcmp0 (action, SOT_AUDIT_ERASE) == 0)
    {
      if (existing == NULL)
        return;

      position = sot_investigation_list_find (self, entity_uuid);
      g_hash_table_remove (self->by_uuid, entity_uuid);
      g_ptr_array_remove_index (self->items, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
      return;
    }

  {
    g_autoptr(SotInvestigation) fresh = sot_investigation_load (store, entity_uuid, &error);

    if (fresh == NULL)
      {
        g_warning ("Cannot reload investigation %s: %s", entity_uuid, error->message);
        return;
      }

    if (existing != NULL)
      {
        /* Edit in place: rows bound to the object update through notify. */
        sot_investigation_assign (existing, fresh);
        return;
      }

    add_item (self, g_steal_pointer (&fresh));
    g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
  }
}

static void
sot_investigation_list_dispose (GObject *object)
{
  SotInvestigationList *self = (SotInvestigationList *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_investigation_list_parent_class)->dispose (object);
}

static void
sot_investigation_list_finalize (GObject *object)
{
  SotInvestigationList *self = (SotInvestigationList *)object;

  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sot_investigation_list_parent_class)->finalize (object);
}

static void
sot_investigation_list_class_init (SotInvestigationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sot_investigation_list_dispose;
  object_class->finalize = sot_investigation_list_finalize;
}

static void
sot_investigation_list_init (SotInvestigationList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
}

SotInvestigationList *
sot_investigation_list_new (SotStore  *store,
                            GError   **error)
{
  g_autoptr(SotInvestigationList) self = NULL;
  SotReference *reference;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  self = g_object_new (SOT_TYPE_INVESTIGATION_LIST, NULL);
  self->store = g_object_ref (store);
  reference = sot_store_get_reference (store);

  stmt = sot_store_prepare (store,
                            "SELECT " SOT_INVESTIGATION_COLUMNS " FROM investigation i ORDER BY i.id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_item (self, sot_investigation_new_from_row (stmt, reference));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot read the investigations"));
      return NULL;
    }

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

SotInvestigation *
sot_investigation_list_lookup (SotInvestigationList *self,
                               const char           *uuid)
{
  g_return_val_if_fail (SOT_IS_INVESTIGATION_LIST (self), NULL);

  if (uuid == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_uuid, uuid);
}

guint
sot_investigation_list_find (SotInvestigationList *self,
                             const char           *uuid)
{
  SotInvestigation *item;
  guint position;

  g_return_val_if_fail (SOT_IS_INVESTIGATION_LIST (self), G_MAXUINT);

  item = sot_investigation_list_lookup (self, uuid);
  if (item == NULL)
    return G_MAXUINT;

  if (!g_ptr_array_find (self->items, item, &position))
    return G_MAXUINT;

  return position;
}
