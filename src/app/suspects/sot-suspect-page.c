/* sot-suspect-page.c: the "Suspect focus" page of an investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-suspect-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-entity.h"
#include "sot-suspect-page-private.h"
#include "sot-time.h"

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

void
_sot_suspect_page_toast (SotSuspectPage *self,
       const char     *message)
{
  show_toast (self, adw_toast_new (message));
}

void
_sot_suspect_page_today (SotSuspectPage *self,
             GDate          *today)
{
  g_autoptr(GDateTime) now = sot_store_now (self->store);

  sot_date_from_time (now, today);
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

void
_sot_suspect_page_offer_undo (SotSuspectPage *self,
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

gpointer
_sot_suspect_page_find (GListModel *model,
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

/* The indicator */

void
_sot_suspect_page_update_indicator (SotSuspectPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SotSuspectFocus focus = { 0 };
  GDate today;

  if (self->investigation == NULL)
    return;

  _sot_suspect_page_today (self, &today);
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

/* Loading */

static void
reload (SotSuspectPage *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  clear_undo (self);

  if (self->investigation == NULL)
    {
      _sot_suspect_page_clear_sections (self);
      g_list_store_remove_all (self->lines);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  _sot_suspect_page_load_sections (self);
  _sot_suspect_page_load_lines (self);
  _sot_suspect_page_update_indicator (self);
  _sot_suspect_page_update_lines_stack (self);
  gtk_stack_set_visible_child_name (self->stack, "page");
}

static gboolean
reload_sections_idle (gpointer data)
{
  SotSuspectPage *self = data;

  self->reload_id = 0;
  if (self->investigation != NULL)
    _sot_suspect_page_load_sections (self);

  return G_SOURCE_REMOVE;
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
    _sot_suspect_page_line_changed (self, action, entity_uuid);
  else if (g_strcmp0 (entity_type, "suspect") == 0 ||
           g_strcmp0 (entity_type, "checklist_proposal") == 0 ||
           g_strcmp0 (entity_type, "disruption") == 0 ||
           g_strcmp0 (entity_type, SOT_ENTITY_PRE_CHARGE_BAIL) == 0 ||
           g_strcmp0 (entity_type, SOT_ENTITY_BAIL_EXTENSION) == 0)
    {
      /* A proposal batch arrives as many changes: rebuild the sections once. */
      if (self->reload_id == 0)
        self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_sections_idle, self, NULL);
    }
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
    _sot_suspect_page_toast (self, error->message);
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
      _sot_suspect_page_toast (self, message);
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

/* Below this width the evidence list's columns no longer fit: the lines are stacked. */
#define STACKED_LINES_WIDTH 640

static gboolean
narrow_changed_cb (gpointer user_data)
{
  SotSuspectPage *self = user_data;

  self->narrow_id = 0;
  _sot_suspect_page_update_lines_stack (self);
  return G_SOURCE_REMOVE;
}

static void
page_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

/* The page lays out as a bin; a layout of its own is where it learns its width. */
static void
page_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean narrow = width < STACKED_LINES_WIDTH;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Switching now would change the size being allocated: after it. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_id == 0)
        self->narrow_id = g_idle_add (narrow_changed_cb, self);
    }
}

static void
sot_suspect_page_dispose (GObject *object)
{
  SotSuspectPage *self = (SotSuspectPage *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->narrow_id, g_source_remove);
  clear_undo (self);
  g_clear_weak_pointer (&self->last_toast);

  /* The column view holds the sorted model, which holds the filter calling back into self. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->stacked_view != NULL)
    gtk_list_view_set_model (self->stacked_view, NULL);

  /* AdwBin owns the template's top widget as its child and unparents it itself;
   * gtk_widget_dispose_template() would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);

  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->lines);
  g_clear_object (&self->suspects);
  g_clear_object (&self->proposals);
  g_clear_object (&self->disruptions);
  g_clear_object (&self->bails);
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
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, stacked_view);
  gtk_widget_class_bind_template_child (widget_class, SotSuspectPage, column_view);

  _sot_suspect_page_lines_class_init (widget_class);
  _sot_suspect_page_sections_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "suspect-page.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "suspect-page.undo", NULL);
}

static void
sot_suspect_page_init (SotSuspectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, page_measure, page_allocate));

  _sot_suspect_page_lines_init (self);
  _sot_suspect_page_sections_init (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suspect-page.undo", FALSE);
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
