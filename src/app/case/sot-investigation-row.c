/* sot-investigation-row.c: one investigation in the list (reference, offence, officer, dates,
 * status and the next deadline)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-investigation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-investigation-row.h"
#include "sot-time.h"

struct _SotInvestigationRow
{
  AdwBin            parent_instance;

  GtkLabel         *crime_reference_label;
  GtkLabel         *status_label;
  GtkLabel         *offence_label;
  GtkLabel         *deadline_label;
  GtkLabel         *officer_label;
  GtkLabel         *reported_label;

  SotInvestigation *investigation;
  GDateTime        *now;
  GPtrArray        *bindings;
  char             *status_class;
};

G_DEFINE_FINAL_TYPE (SotInvestigationRow, sot_investigation_row, ADW_TYPE_BIN)

static void
binding_release (gpointer data)
{
  GBinding *binding = data;

  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
update_status (SotInvestigationRow *self)
{
  const char *status = sot_investigation_get_status (self->investigation);

  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  g_clear_pointer (&self->status_class, g_free);

  gtk_label_set_label (self->status_label, status ? sot_investigation_status_label (status) : "");

  if (status != NULL)
    {
      self->status_class = g_strconcat ("status-", status, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
    }
}

static void
update_reported (SotInvestigationRow *self)
{
  const char *reported_on = sot_investigation_get_reported_on (self->investigation);
  g_autofree char *display = reported_on ? sot_date_format_display (reported_on) : NULL;
  g_autofree char *text = NULL;

  /* Translators: the date the offence was reported, as in "Reported 3 Mar 2024". */
  text = display ? g_strdup_printf (_("Reported %s"), display) : NULL;
  gtk_label_set_label (self->reported_label, text ? text : "");
}

/* The badge shows the case's next deadline of the deadline table (Victims' Code Right 6 events,
 * agreed updates, CPS action plan items): the list reads it with each case in one query, so it
 * stays fast on 100 000 cases. It is not the Overview's "next thing due", which gathers every
 * clock of one case (forensic windows, lines of enquiry, devices, bail, reviews) with
 * sot_due_gather(): too much work for every row of the list at start-up. So the badge says
 * "Next deadline", never just "Due", and its tooltip says which clocks it counts, so that the
 * two never seem to disagree. */
static void
update_deadline (SotInvestigationRow *self)
{
  const char *next = sot_investigation_get_next_deadline (self->investigation);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *day_display = NULL;
  g_autofree char *full_display = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *badge = GTK_WIDGET (self->deadline_label);
  SotUrgency urgency;
  GDate day;

  gtk_widget_remove_css_class (badge, "overdue");
  gtk_widget_remove_css_class (badge, "due-soon");

  if (next == NULL || self->now == NULL || (due = sot_time_parse (next, NULL)) == NULL)
    {
      gtk_widget_set_visible (badge, FALSE);
      return;
    }

  sot_date_from_time (due, &day);
  day_text = sot_date_format (&day);
  day_display = sot_date_format_display (day_text);
  full_display = sot_time_format_display (due);
  urgency = sot_deadline_urgency (due, self->now);

  if (urgency == SOT_URGENCY_OVERDUE)
    {
      /* Translators: the next deadline of the case has passed, as in
       * "Deadline overdue 3 Mar 2024". */
      text = g_strdup_printf (_("Deadline overdue %s"), day_display);
      gtk_widget_add_css_class (badge, "overdue");
    }
  else
    {
      /* Translators: the next deadline of the case, as in "Next deadline 3 Mar 2024". */
      text = g_strdup_printf (_("Next deadline %s"), day_display);
      if (urgency == SOT_URGENCY_DUE_SOON)
        gtk_widget_add_css_class (badge, "due-soon");
    }

  /* Translators: the tooltip of the deadline badge, with the deadline's date and time. */
  tooltip = g_strdup_printf (_("Next deadline: %s (Victims’ Code, agreed updates and CPS action "
                               "plans; the Overview and the Due view list every clock of the "
                               "case)"), full_display);

  gtk_label_set_label (self->deadline_label, text);
  gtk_widget_set_tooltip_text (badge, tooltip);
  gtk_widget_set_visible (badge, TRUE);
}

static void
investigation_notify_cb (SotInvestigationRow *self,
                         GParamSpec          *pspec,
                         SotInvestigation    *investigation)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "status"))
    update_status (self);
  else if (g_str_equal (name, "reported-on"))
    update_reported (self);
  else if (g_str_equal (name, "next-deadline"))
    update_deadline (self);
}

static void
clear_investigation (SotInvestigationRow *self)
{
  if (self->investigation != NULL)
    g_signal_handlers_disconnect_by_func (self->investigation, investigation_notify_cb, self);

  g_ptr_array_set_size (self->bindings, 0);
  g_clear_object (&self->investigation);
  g_clear_pointer (&self->now, g_date_time_unref);
}

static void
sot_investigation_row_dispose (GObject *object)
{
  SotInvestigationRow *self = (SotInvestigationRow *)object;

  clear_investigation (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_INVESTIGATION_ROW);

  G_OBJECT_CLASS (sot_investigation_row_parent_class)->dispose (object);
}

static void
sot_investigation_row_finalize (GObject *object)
{
  SotInvestigationRow *self = (SotInvestigationRow *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->status_class, g_free);

  G_OBJECT_CLASS (sot_investigation_row_parent_class)->finalize (object);
}

static void
sot_investigation_row_class_init (SotInvestigationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sot_investigation_row_dispose;
  object_class->finalize = sot_investigation_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/case/sot-investigation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationRow, crime_reference_label);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationRow, offence_label);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationRow, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationRow, officer_label);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationRow, reported_label);
}

static void
sot_investigation_row_init (SotInvestigationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (binding_release);
}

GtkWidget *
sot_investigation_row_new (void)
{
  return g_object_new (SOT_TYPE_INVESTIGATION_ROW, NULL);
}

SotInvestigation *
sot_investigation_row_get_investigation (SotInvestigationRow *self)
{
  g_return_val_if_fail (SOT_IS_INVESTIGATION_ROW (self), NULL);

  return self->investigation;
}

void
sot_investigation_row_set_investigation (SotInvestigationRow *self,
                                         SotInvestigation    *investigation,
                                         GDateTime           *now)
{
  static const struct {
    const char *property;
    gsize       label_offset;
  } bound[] = {
    { "crime-reference", G_STRUCT_OFFSET (SotInvestigationRow, crime_reference_label) },
    { "offence-label", G_STRUCT_OFFSET (SotInvestigationRow, offence_label) },
    { "officer", G_STRUCT_OFFSET (SotInvestigationRow, officer_label) },
  };

  g_return_if_fail (SOT_IS_INVESTIGATION_ROW (self));
  g_return_if_fail (investigation == NULL || SOT_IS_INVESTIGATION (investigation));

  clear_investigation (self);

  if (investigation == NULL)
    return;

  self->investigation = g_object_ref (investigation);
  self->now = now ? g_date_time_ref (now) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
    {
      GtkLabel *label = G_STRUCT_MEMBER (GtkLabel *, self, bound[i].label_offset);

      /* Held so that the row can unbind when it is given another investigation. */
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property (investigation, bound[i].property,
                                                             label, "label",
                                                             G_BINDING_SYNC_CREATE)));
    }

  g_signal_connect_object (investigation, "notify", G_CALLBACK (investigation_notify_cb), self,
                           G_CONNECT_SWAPPED);

  update_status (self);
  update_reported (self);
  update_deadline (self);
}
