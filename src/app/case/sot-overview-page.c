/* sot-overview-page.c: the Overview page of an open investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-due.h"
#include "sot-forensic-window.h"
#include "sot-overview-page-private.h"
#include "sot-time.h"

struct _SotOverviewPage
{
  AdwPreferencesPage  parent_instance;

  AdwActionRow       *crime_reference_row;
  AdwActionRow       *offence_row;
  AdwActionRow       *officer_row;
  AdwActionRow       *status_row;
  AdwActionRow       *offence_time_row;
  AdwActionRow       *reported_on_row;
  AdwActionRow       *recorded_on_row;
  AdwActionRow       *outcome_row;
  AdwActionRow       *outcome_group_row;
  AdwActionRow       *outcome_unconfirmed_row;
  AdwActionRow       *no_suspect_row;
  AdwActionRow       *outcome_date_row;
  AdwActionRow       *next_deadline_row;
  AdwPreferencesGroup *forensic_group;

  SotStore           *store;
  SotForensicCatalogue *catalogue;
  GPtrArray          *forensic_rows;    /* rows added to forensic_group */
  SotInvestigation   *investigation;
};

G_DEFINE_FINAL_TYPE (SotOverviewPage, sot_overview_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INVESTIGATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_value (AdwActionRow *row,
           const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL ? value : _("Not recorded"));
}

static void
set_date (AdwActionRow *row,
          const char   *iso_date)
{
  g_autofree char *display = iso_date ? sot_date_format_display (iso_date) : NULL;

  /* An unparsable stored date is shown as it is rather than hidden. */
  set_value (row, display ? display : iso_date);
}

static char *
format_time (const char *stored)
{
  g_autoptr(GDateTime) time = stored ? sot_time_parse (stored, NULL) : NULL;

  if (time == NULL)
    return g_strdup (stored);

  return sot_time_format_display (time);
}

static void
update_offence_time (SotOverviewPage *self)
{
  g_autofree char *from = format_time (sot_investigation_get_offence_from (self->investigation));
  g_autofree char *until = format_time (sot_investigation_get_offence_until (self->investigation));
  g_autofree char *text = NULL;

  if (from != NULL && until != NULL)
    /* Translators: an offence period, from one date and time to another. */
    text = g_strdup_printf (_("%s – %s"), from, until);

  set_value (self->offence_time_row, text ? text : from);
}

static void
update_outcome (SotOverviewPage *self)
{
  const char *code = sot_investigation_get_outcome_code (self->investigation);
  SotReference *reference = self->store ? sot_store_get_reference (self->store) : NULL;
  const char *label = NULL;
  const char *group = NULL;
  gboolean confirmed = TRUE;
  g_autofree char *text = NULL;

  if (code == NULL)
    {
      adw_action_row_set_subtitle (self->outcome_row, _("No outcome yet"));
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_group_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_unconfirmed_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->no_suspect_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_date_row), FALSE);
      return;
    }

  if (reference != NULL)
    {
      label = sot_reference_get_outcome_label (reference, code);
      group = sot_reference_get_outcome_group (reference, code);
      confirmed = sot_reference_get_outcome_confirmed (reference, code);
    }

  if (label != NULL)
    /* Translators: a Home Office outcome code and its meaning, as in "16 — Evidential …". */
    text = g_strdup_printf (_("%s — %s"), code, label);

  set_value (self->outcome_row, text ? text : code);

  adw_action_row_set_subtitle (self->outcome_group_row,
                               sot_outcome_group_label (group ? group
                                                              : SOT_OUTCOME_GROUP_UNKNOWN));
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_group_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_unconfirmed_row), !confirmed);
  gtk_widget_set_visible (GTK_WIDGET (self->no_suspect_row),
                          sot_outcome_is_no_suspect_identified (code));

  set_date (self->outcome_date_row, sot_investigation_get_outcome_date (self->investigation));
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_date_row), TRUE);
}

/* The first row: the next thing due in the case, and what it is, from every clock. */
static void
update_next_deadline (SotOverviewPage *self)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(SotDue) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row = GTK_WIDGET (self->next_deadline_row);

  gtk_widget_remove_css_class (row, "overdue");

  if (self->store == NULL)
    return;

  items = sot_due_gather (self->store, sot_investigation_get_id (self->investigation), NULL,
                          FALSE, &error);
  if (items == NULL)
    {
      adw_action_row_set_subtitle (self->next_deadline_row, error->message);
      return;
    }

  if ((next = sot_due_next (items)) == NULL)
    {
      adw_action_row_set_subtitle (self->next_deadline_row, _("Nothing due"));
      return;
    }

  /* TRANSLATORS: what is due, then when, as in "Tell the victim: … — Due by 3 Dec 2026 23:59" */
  text = g_strdup_printf (_("%s — %s"), sot_due_get_what (next), sot_due_get_when_text (next));
  adw_action_row_set_subtitle (self->next_deadline_row, text);

  if (sot_due_get_state (next) == SOT_DUE_STATE_OVERDUE)
    gtk_widget_add_css_class (row, "overdue");
}

/* Lists the forensic windows closing within 24 hours: what must be taken today. */
static void
update_forensic_windows (SotOverviewPage *self)
{
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GDateTime) now = NULL;

  for (guint i = 0; i < self->forensic_rows->len; i++)
    adw_preferences_group_remove (self->forensic_group, g_ptr_array_index (self->forensic_rows, i));
  g_ptr_array_set_size (self->forensic_rows, 0);

  if (self->catalogue == NULL)
    {
      g_autoptr(GError) warning = NULL;

      /* A refused force file is reported on the Forensics page; here the built-in one serves. */
      self->catalogue = sot_forensic_catalogue_load (NULL, &warning);
    }

  if (self->investigation == NULL || self->store == NULL || self->catalogue == NULL)
    return;

  now = sot_store_now (self->store);
  windows = sot_forensic_window_closing_within (self->catalogue, self->investigation, now,
                                                SOT_FORENSIC_WINDOW_DEFAULT_CLOSING_HOURS);

  for (guint i = 0; i < windows->len; i++)
    {
      SotForensicWindow *window = g_ptr_array_index (windows, i);
      g_autofree char *value = sot_forensic_window_describe_value (window);
      g_autofree char *deadlines = sot_forensic_window_describe_deadlines (window);
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", deadlines, value);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sot_forensic_sample_get_label (window->sample));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (self->forensic_group, row);
      g_ptr_array_add (self->forensic_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->forensic_group), windows->len > 0);
}

static void
update (SotOverviewPage *self)
{
  SotInvestigation *inv = self->investigation;
  const char *status;

  if (inv == NULL)
    return;

  status = sot_investigation_get_status (inv);

  set_value (self->crime_reference_row, sot_investigation_get_crime_reference (inv));
  set_value (self->offence_row, sot_investigation_get_offence_label (inv)
                                  ? sot_investigation_get_offence_label (inv)
                                  : sot_investigation_get_offence_type (inv));
  set_value (self->officer_row, sot_investigation_get_officer (inv));
  set_value (self->status_row, status ? sot_investigation_status_label (status) : NULL);

  update_offence_time (self);
  set_date (self->reported_on_row, sot_investigation_get_reported_on (inv));
  set_date (self->recorded_on_row, sot_investigation_get_recorded_on (inv));

  update_outcome (self);
  update_next_deadline (self);
  update_forensic_windows (self);
}

static void
investigation_notify_cb (SotOverviewPage  *self,
                         GParamSpec       *pspec,
                         SotInvestigation *investigation)
{
  update (self);
}

static void
sot_overview_page_dispose (GObject *object)
{
  SotOverviewPage *self = (SotOverviewPage *)object;

  sot_overview_page_set_investigation (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->forensic_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sot_overview_page_parent_class)->dispose (object);
}

static void
sot_overview_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SotOverviewPage *self = SOT_OVERVIEW_PAGE (object);

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
sot_overview_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SotOverviewPage *self = SOT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sot_overview_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_INVESTIGATION:
      sot_overview_page_set_investigation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_overview_page_class_init (SotOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sot_overview_page_dispose;
  object_class->get_property = sot_overview_page_get_property;
  object_class->set_property = sot_overview_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION] =
    g_param_spec_object ("investigation", NULL, NULL, SOT_TYPE_INVESTIGATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/case/sot-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, crime_reference_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, offence_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, officer_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, offence_time_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, reported_on_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, recorded_on_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, outcome_group_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, outcome_unconfirmed_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, no_suspect_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, outcome_date_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, next_deadline_row);
  gtk_widget_class_bind_template_child (widget_class, SotOverviewPage, forensic_group);
}

static void
sot_overview_page_init (SotOverviewPage *self)
{
  self->forensic_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sot_overview_page_new (void)
{
  return g_object_new (SOT_TYPE_OVERVIEW_PAGE, NULL);
}

SotStore *
sot_overview_page_get_store (SotOverviewPage *self)
{
  g_return_val_if_fail (SOT_IS_OVERVIEW_PAGE (self), NULL);

  return self->store;
}

void
sot_overview_page_set_store (SotOverviewPage *self,
                             SotStore        *store)
{
  g_return_if_fail (SOT_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (store == NULL || SOT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

SotInvestigation *
sot_overview_page_get_investigation (SotOverviewPage *self)
{
  g_return_val_if_fail (SOT_IS_OVERVIEW_PAGE (self), NULL);

  return self->investigation;
}

void
sot_overview_page_set_investigation (SotOverviewPage  *self,
                                     SotInvestigation *investigation)
{
  g_return_if_fail (SOT_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (investigation == NULL || SOT_IS_INVESTIGATION (investigation));

  if (self->investigation == investigation)
    return;

  if (self->investigation != NULL)
    g_signal_handlers_disconnect_by_func (self->investigation, investigation_notify_cb, self);

  g_set_object (&self->investigation, investigation);

  if (investigation != NULL)
    {
      g_signal_connect_object (investigation, "notify", G_CALLBACK (investigation_notify_cb),
                               self, G_CONNECT_SWAPPED);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVESTIGATION]);
}

const char *
sot_overview_page_get_value (SotOverviewPage *self,
                             const char      *field)
{
  const struct {
    const char   *field;
    AdwActionRow *row;
  } rows[] = {
    { "crime-reference", self->crime_reference_row },
    { "offence", self->offence_row },
    { "officer", self->officer_row },
    { "status", self->status_row },
    { "offence-time", self->offence_time_row },
    { "reported-on", self->reported_on_row },
    { "recorded-on", self->recorded_on_row },
    { "outcome", self->outcome_row },
    { "outcome-group", self->outcome_group_row },
    { "outcome-date", self->outcome_date_row },
    { "next-deadline", self->next_deadline_row },
  };

  g_return_val_if_fail (SOT_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_str_equal (rows[i].field, field))
        {
          if (self->investigation == NULL || !gtk_widget_get_visible (GTK_WIDGET (rows[i].row)))
            return NULL;

          return adw_action_row_get_subtitle (rows[i].row);
        }
    }

  g_return_val_if_reached (NULL);
}
