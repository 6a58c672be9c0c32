/* sot-forensics-page.c: the Forensics page of an open investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-forensics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-forensic-window.h"
#include "sot-forensics-page-private.h"
#include "sot-forensics-ui.h"
#include "sot-time.h"

#define TICK_SECONDS 60


G_DEFINE_FINAL_TYPE (SotForensicsPage, sot_forensics_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CATALOGUE,
  PROP_INVESTIGATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

GtkWindow *
sot_forensics_page_get_parent_window (SotForensicsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update_actions (SotForensicsPage *self)
{
  gboolean open = self->investigation != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "forensics-page.add-device", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "forensics-page.add-request", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "forensics-page.labels-pdf",
                                 self->exhibits != NULL &&
                                 g_list_model_get_n_items (self->exhibits) > 0);
}

SotExhibitRow *
sot_forensics_page_find_exhibit_row (SotForensicsPage *self,
                                     const char       *uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->exhibits_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      SotExhibit *exhibit;

      if (!SOT_IS_EXHIBIT_ROW (child))
        continue;

      exhibit = sot_exhibit_row_get_exhibit (SOT_EXHIBIT_ROW (child));
      if (g_strcmp0 (sot_exhibit_get_uuid (exhibit), uuid) == 0)
        return SOT_EXHIBIT_ROW (child);
    }

  return NULL;
}

SotDeviceRow *
sot_forensics_page_find_device_row (SotForensicsPage *self,
                                    const char       *uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->devices_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SOT_IS_DEVICE_ROW (child) &&
        g_strcmp0 (sot_device_get_uuid (sot_device_row_get_device (SOT_DEVICE_ROW (child))),
                   uuid) == 0)
      return SOT_DEVICE_ROW (child);

  return NULL;
}

SotRequestRow *
sot_forensics_page_find_request_row (SotForensicsPage *self,
                                     const char       *uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->requests_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SOT_IS_REQUEST_ROW (child) &&
        g_strcmp0 (sot_third_party_request_get_uuid (
                     sot_request_row_get_request (SOT_REQUEST_ROW (child))), uuid) == 0)
      return SOT_REQUEST_ROW (child);

  return NULL;
}

/* Windows */

static void
describe_offence (SotForensicsPage *self,
                  GDateTime        *from,
                  GDateTime        *until)
{
  g_autofree char *from_text = sot_forensic_format_time (from);
  g_autofree char *description = NULL;

  if (until != NULL)
    {
      g_autofree char *until_text = sot_forensic_format_time (until);

      description = g_strdup_printf (_("Offence between %s and %s. Windows are elapsed hours "
                                       "from the offence; closing means 24 hours or less left."),
                                     from_text, until_text);
    }
  else
    description = g_strdup_printf (_("Offence at %s. Windows are elapsed hours from the "
                                     "offence; closing means 24 hours or less left."), from_text);
  adw_preferences_group_set_description (self->windows_group, description);
}

static void
describe_catalogue (SotForensicsPage *self,
                    gboolean          range)
{
  g_autoptr(GString) note = g_string_new (NULL);

  if (range)
    g_string_append (note, _("The offence time is a range. The certain deadline counts from the "
                             "earliest possible time: before it, a sample is in time whenever the "
                             "offence happened. The last possible deadline counts from the latest "
                             "possible time: after it, the window has closed whenever it happened. "
                             "Between the two, the sample may already be too late.\n"));
  g_string_append_printf (note, _("Catalogue: %s, version %s. Only values marked confirmed were "
                                  "checked against a source; verify every other value against the "
                                  "current FFLM table."),
                          sot_forensic_catalogue_get_name (self->catalogue),
                          sot_forensic_catalogue_get_version (self->catalogue));
  if (self->catalogue_warning != NULL)
    g_string_append_printf (note, "\n%s", self->catalogue_warning->message);
  gtk_label_set_text (self->windows_note, note->str);
}

static void
refresh_windows (SotForensicsPage *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GError) error = NULL;
  const char *until_stored;

  sot_forensic_window_list_clear (self->windows_list);

  if (self->investigation == NULL || self->store == NULL)
    return;

  from = sot_time_parse (sot_investigation_get_offence_from (self->investigation), NULL);
  until_stored = sot_investigation_get_offence_until (self->investigation);
  if (until_stored != NULL && *until_stored != '\0')
    until = sot_time_parse (until_stored, NULL);

  if (from == NULL)
    {
      adw_preferences_group_set_description (self->windows_group,
                                             _("The offence time is not recorded."));
      sot_forensic_window_list_show_placeholder (self->windows_list,
                                                 _("Record the offence time to see the windows"));
      return;
    }

  now = sot_store_now (self->store);
  windows = sot_forensic_windows_compute (self->catalogue, SOT_SAMPLE_SUBJECT_COMPLAINANT, from,
                                          until, now, SOT_FORENSIC_WINDOW_DEFAULT_CLOSING_HOURS,
                                          &error);
  describe_offence (self, from, until);

  if (windows == NULL)
    {
      sot_forensic_window_list_show_placeholder (self->windows_list, error->message);
      return;
    }

  sot_forensic_window_list_set_windows (self->windows_list, windows);
  describe_catalogue (self, until != NULL);
}

/* The register */

static void
exhibit_expanded_cb (SotExhibitRow    *row,
                     GParamSpec       *pspec,
                     SotForensicsPage *self)
{
  const char *uuid = sot_exhibit_get_uuid (sot_exhibit_row_get_exhibit (row));

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_add (self->expanded, g_strdup (uuid));
  else
    g_hash_table_remove (self->expanded, uuid);
}

/* Shows @model in @list, a row made by @create for each item, and @empty while it has none;
 * when @model could not be read (%NULL), @error instead. A %NULL @empty empties the list. */
static void
bind_list (GtkListBox                 *list,
           GListModel                 *model,
           const GError               *error,
           const char                 *empty,
           GtkListBoxCreateWidgetFunc  create,
           gpointer                    data)
{
  g_autoptr(GListStore) none = NULL;

  if (empty == NULL)
    {
      gtk_list_box_bind_model (list, NULL, NULL, NULL, NULL);
      gtk_list_box_set_placeholder (list, NULL);
      return;
    }

  if (model == NULL)
    model = G_LIST_MODEL (none = g_list_store_new (G_TYPE_OBJECT));
  gtk_list_box_set_placeholder (list, sot_forensics_ui_placeholder (error != NULL ? error->message
                                                                                  : empty));
  gtk_list_box_bind_model (list, model, create, data, NULL);
}

static GtkWidget *
create_device_row (gpointer item,
                   gpointer data)
{
  SotForensicsPage *self = data;
  g_autoptr(GDateTime) now = sot_store_now (self->store);

  return sot_device_row_new (item, now);
}

/* The devices alone: the time they have been held changes with the clock. */
static void
refresh_devices (SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) devices = NULL;

  if (self->investigation == NULL || self->store == NULL)
    {
      bind_list (self->devices_list, NULL, NULL, NULL, NULL, NULL);
      return;
    }

  devices = sot_device_list (self->store, sot_investigation_get_id (self->investigation), &error);
  bind_list (self->devices_list, devices, error, _("No devices taken"), create_device_row, self);
}

static GtkWidget *
create_exhibit_row (gpointer item,
                    gpointer data)
{
  SotForensicsPage *self = data;
  GtkWidget *row = sot_exhibit_row_new (self->store, self->catalogue, item);

  if (g_hash_table_contains (self->expanded, sot_exhibit_get_uuid (item)))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (exhibit_expanded_cb), self, 0);
  return row;
}

static void
refresh_exhibits (SotForensicsPage *self,
                  gint64            id)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->exhibits);
  if (id == 0)
    {
      bind_list (self->exhibits_list, NULL, NULL, NULL, NULL, NULL);
      return;
    }

  self->exhibits = sot_exhibit_list (self->store, id, &error);
  bind_list (self->exhibits_list, self->exhibits, error, _("No exhibits yet"), create_exhibit_row,
             self);
}

static GtkWidget *
create_request_row (gpointer item,
                    gpointer data)
{
  return sot_request_row_new (item);
}

static void
refresh_requests (SotForensicsPage *self,
                  gint64            id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) requests = NULL;

  if (id == 0)
    {
      bind_list (self->requests_list, NULL, NULL, NULL, NULL, NULL);
      return;
    }

  requests = sot_third_party_request_list (self->store, id, &error);
  bind_list (self->requests_list, requests, error, _("No requests made"), create_request_row,
             self);
}

void
sot_forensics_page_refresh_register (SotForensicsPage *self)
{
  gint64 id = 0;

  refresh_devices (self);

  if (self->investigation != NULL && self->store != NULL)
    id = sot_investigation_get_id (self->investigation);
  refresh_exhibits (self, id);
  refresh_requests (self, id);

  update_actions (self);
}

static gboolean
tick_cb (gpointer data)
{
  SotForensicsPage *self = data;

  refresh_windows (self);

  /* A device still held may cross the 24 hours; returned ones do not change. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->devices_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SOT_IS_DEVICE_ROW (child) &&
        sot_device_get_returned_at (sot_device_row_get_device (SOT_DEVICE_ROW (child))) == NULL)
      {
        refresh_devices (self);
        break;
      }

  return G_SOURCE_CONTINUE;
}

/* Signals */

static void
store_changed_cb (SotForensicsPage *self,
                  const char       *entity_type,
                  const char       *action,
                  const char       *entity_uuid,
                  SotStore         *store)
{
  if (g_str_equal (entity_type, "exhibit") || g_str_equal (entity_type, "exhibit_movement") ||
      g_str_equal (entity_type, "device") || g_str_equal (entity_type, "third_party_request"))
    sot_forensics_page_refresh_register (self);
}

static void
investigation_notify_cb (SotForensicsPage *self,
                         GParamSpec       *pspec,
                         SotInvestigation *investigation)
{
  refresh_windows (self);
}

static void
sot_forensics_page_map (GtkWidget *widget)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);

  GTK_WIDGET_CLASS (sot_forensics_page_parent_class)->map (widget);

  /* Refresh on showing, then once a minute while shown. */
  refresh_windows (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
sot_forensics_page_unmap (GtkWidget *widget)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (sot_forensics_page_parent_class)->unmap (widget);
}

static void
sot_forensics_page_constructed (GObject *object)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (object);

  G_OBJECT_CLASS (sot_forensics_page_parent_class)->constructed (object);

  if (self->catalogue == NULL)
    self->catalogue = sot_forensic_catalogue_load (NULL, &self->catalogue_warning);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
sot_forensics_page_dispose (GObject *object)
{
  SotForensicsPage *self = (SotForensicsPage *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->investigation != NULL)
    g_signal_handlers_disconnect_by_func (self->investigation, investigation_notify_cb, self);
  g_clear_object (&self->investigation);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_FORENSICS_PAGE);
  g_clear_object (&self->exhibits);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_forensics_page_parent_class)->dispose (object);
}

static void
sot_forensics_page_finalize (GObject *object)
{
  SotForensicsPage *self = (SotForensicsPage *) object;

  g_clear_error (&self->catalogue_warning);
  g_hash_table_unref (self->expanded);
  g_ptr_array_unref (self->request_titles);

  G_OBJECT_CLASS (sot_forensics_page_parent_class)->finalize (object);
}

static void
sot_forensics_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;

    case PROP_INVESTIGATION:
      g_value_set_object (value, self->investigation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_forensics_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CATALOGUE:
      self->catalogue = g_value_dup_object (value);
      break;

    case PROP_INVESTIGATION:
      sot_forensics_page_set_investigation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_forensics_page_class_init (SotForensicsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_forensics_page_constructed;
  object_class->dispose = sot_forensics_page_dispose;
  object_class->finalize = sot_forensics_page_finalize;
  object_class->get_property = sot_forensics_page_get_property;
  object_class->set_property = sot_forensics_page_set_property;
  widget_class->map = sot_forensics_page_map;
  widget_class->unmap = sot_forensics_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, SOT_TYPE_FORENSIC_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION] =
    g_param_spec_object ("investigation", NULL, NULL, SOT_TYPE_INVESTIGATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sot_forensics_page_install_actions (widget_class);

  g_type_ensure (SOT_TYPE_FORENSIC_WINDOW_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/forensics/sot-forensics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, windows_group);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, windows_list);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, windows_note);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, exhibits_list);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, devices_list);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, requests_list);
}

static void
sot_forensics_page_init (SotForensicsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->request_titles = g_ptr_array_new_with_free_func (g_free);
  update_actions (self);
}

GtkWidget *
sot_forensics_page_new (SotStore             *store,
                        SotForensicCatalogue *catalogue)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (catalogue == NULL || SOT_IS_FORENSIC_CATALOGUE (catalogue), NULL);

  return g_object_new (SOT_TYPE_FORENSICS_PAGE, "store", store, "catalogue", catalogue, NULL);
}

SotStore *
sot_forensics_page_get_store (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return self->store;
}

SotForensicCatalogue *
sot_forensics_page_get_catalogue (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return self->catalogue;
}

SotInvestigation *
sot_forensics_page_get_investigation (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return self->investigation;
}

void
sot_forensics_page_set_investigation (SotForensicsPage *self,
                                      SotInvestigation *investigation)
{
  g_return_if_fail (SOT_IS_FORENSICS_PAGE (self));
  g_return_if_fail (investigation == NULL || SOT_IS_INVESTIGATION (investigation));

  if (self->investigation == investigation)
    return;

  if (self->investigation != NULL)
    g_signal_handlers_disconnect_by_func (self->investigation, investigation_notify_cb, self);

  g_set_object (&self->investigation, investigation);
  g_hash_table_remove_all (self->expanded);

  if (investigation != NULL)
    g_signal_connect_object (investigation, "notify", G_CALLBACK (investigation_notify_cb), self,
                             G_CONNECT_SWAPPED);

  refresh_windows (self);
  sot_forensics_page_refresh_register (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVESTIGATION]);
}

/* For the tests */

const char *
sot_forensics_page_get_window_status (SotForensicsPage *self,
                                      const char       *sample_id)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return sot_forensic_window_list_get_status (self->windows_list, sample_id);
}

const char *
sot_forensics_page_get_window_value (SotForensicsPage *self,
                                     const char       *sample_id)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return sot_forensic_window_list_get_value (self->windows_list, sample_id);
}

GPtrArray *
sot_forensics_page_get_breaks (SotForensicsPage *self,
                               const char       *exhibit_uuid)
{
  SotExhibitRow *row;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);

  row = sot_forensics_page_find_exhibit_row (self, exhibit_uuid);
  return row != NULL ? sot_exhibit_row_get_breaks (row) : NULL;
}

const char *
sot_forensics_page_get_device_flag (SotForensicsPage *self,
                                    const char       *device_uuid)
{
  SotDeviceRow *row;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);

  row = sot_forensics_page_find_device_row (self, device_uuid);
  return row != NULL ? sot_device_row_get_flag (row) : NULL;
}

GPtrArray *
sot_forensics_page_get_request_titles (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);

  g_ptr_array_set_size (self->request_titles, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->requests_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SOT_IS_REQUEST_ROW (child))
      g_ptr_array_add (self->request_titles,
                       g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child))));

  return self->request_titles;
}
