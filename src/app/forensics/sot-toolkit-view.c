/* sot-toolkit-view.c: the Toolkit, outside any investigation: calculator and guidance
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-toolkit-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-forensic-window-list.h"
#include "sot-forensic-window.h"
#include "sot-time.h"
#include "sot-toolkit-view.h"

#define TICK_SECONDS 60

struct _SotToolkitView
{
  AdwBin                 parent_instance;

  AdwEntryRow           *from_date_row;
  AdwEntryRow           *from_time_row;
  AdwEntryRow           *until_date_row;
  AdwEntryRow           *until_time_row;
  GtkLabel              *problem_label;
  AdwPreferencesGroup   *windows_group;
  SotForensicWindowList *windows_list;
  GtkLabel              *range_note;
  AdwActionRow          *catalogue_name_row;
  AdwActionRow          *catalogue_source_row;
  AdwActionRow          *catalogue_origin_row;
  AdwActionRow          *catalogue_warning_row;
  GtkStack              *guidance_stack;

  SotForensicCatalogue  *catalogue;
  GError                *catalogue_warning;
  GDateTime             *now;
  guint                  tick_id;
};

G_DEFINE_FINAL_TYPE (SotToolkitView, sot_toolkit_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOGUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

/* A typed date and time as one UK local time; %NULL with @error when it does not parse. */
static GDateTime *
typed_time (const char  *date,
            const char  *time,
            GError     **error)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    return sot_time_parse (date, error);

  text = g_strdup_printf ("%sT%s", date, time);
  return sot_time_parse (text, error);
}

static void
show_problem (SotToolkitView *self,
              const char     *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void
recalculate (SotToolkitView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  const char *from_date = entry_text (self->from_date_row);
  const char *until_date = entry_text (self->until_date_row);

  sot_forensic_window_list_clear (self->windows_list);
  gtk_widget_set_visible (GTK_WIDGET (self->range_note), FALSE);

  if (from_date == NULL)
    {
      sot_forensic_window_list_show_placeholder (self->windows_list,
                                                 _("Type the offence date and time to see the "
                                                   "windows"));
      show_problem (self, NULL);
      return;
    }

  if (!(from = typed_time (from_date, entry_text (self->from_time_row), &error)))
    {
      show_problem (self, error->message);
      return;
    }

  if (until_date != NULL &&
      !(until = typed_time (until_date, entry_text (self->until_time_row), &error)))
    {
      show_problem (self, error->message);
      return;
    }

  now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
  windows = sot_forensic_windows_compute (self->catalogue, SOT_SAMPLE_SUBJECT_COMPLAINANT, from,
                                          until, now, SOT_FORENSIC_WINDOW_DEFAULT_CLOSING_HOURS,
                                          &error);
  if (windows == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  show_problem (self, NULL);

  {
    g_autofree char *at = sot_forensic_format_time (now);
    g_autofree char *description = g_strdup_printf (_("As at %s. Closing means 24 hours or less "
                                                      "left before the certain deadline."), at);

    adw_preferences_group_set_description (self->windows_group, description);
  }

  sot_forensic_window_list_set_windows (self->windows_list, windows);

  gtk_widget_set_visible (GTK_WIDGET (self->range_note),
                          until != NULL && !g_date_time_equal (until, from));
}

static void
input_changed_cb (SotToolkitView *self)
{
  recalculate (self);
}

static gboolean
tick_cb (gpointer data)
{
  recalculate (data);
  return G_SOURCE_CONTINUE;
}

static GtkWidget *
guidance_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
fill_catalogue (SotToolkitView *self)
{
  SotForensicCatalogue *c = self->catalogue;
  g_autofree char *name = g_strdup_printf (_("%s, version %s"), sot_forensic_catalogue_get_name (c),
                                           sot_forensic_catalogue_get_version (c));
  g_autofree char *source = g_strdup_printf ("%s (%s)",
                                             sot_forensic_catalogue_get_source (c)
                                             ? sot_forensic_catalogue_get_source (c) : "—",
                                             sot_forensic_catalogue_get_source_date (c)
                                             ? sot_forensic_catalogue_get_source_date (c) : "—");
  g_autofree char *origin = NULL;

  switch (sot_forensic_catalogue_get_origin (c))
    {
    case SOT_CATALOGUE_ORIGIN_EXTENDED:
      origin = g_strdup_printf (_("The built-in catalogue, extended by the force's file %s"),
                                sot_forensic_catalogue_get_override_path (c));
      break;
    case SOT_CATALOGUE_ORIGIN_REPLACED:
      origin = g_strdup_printf (_("The force's own catalogue, %s"),
                                sot_forensic_catalogue_get_override_path (c));
      break;
    case SOT_CATALOGUE_ORIGIN_BUILT_IN:
    default:
      origin = g_strdup (_("The built-in catalogue. Only values marked confirmed were checked "
                           "against a source: verify every other value against the current "
                           "FFLM table."));
    }

  adw_action_row_set_subtitle (self->catalogue_name_row, name);
  adw_action_row_set_subtitle (self->catalogue_source_row, source);
  adw_action_row_set_subtitle (self->catalogue_origin_row, origin);

  if (self->catalogue_warning != NULL)
    {
      adw_action_row_set_subtitle (self->catalogue_warning_row, self->catalogue_warning->message);
      gtk_widget_set_visible (GTK_WIDGET (self->catalogue_warning_row), TRUE);
    }

  /* One readable page per sample type, in sampling order. */
  for (guint i = 0; i < sot_forensic_catalogue_get_n_samples (c); i++)
    {
      SotForensicSample *sample = sot_forensic_catalogue_get_sample (c, i);
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *clamp = adw_clamp_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      int hours = sot_forensic_sample_get_hours (sample, SOT_SAMPLE_SUBJECT_COMPLAINANT);
      g_autofree char *window = NULL;
      g_autofree char *order = g_strdup_printf (_("Sampling order: %d"),
                                                sot_forensic_sample_get_order (sample));
      const char *sample_source = sot_forensic_sample_get_source (sample);
      const char *source_date = sot_forensic_sample_get_source_date (sample);
      g_autofree char *src = g_strdup_printf (_("Source: %s (%s)"),
                                              sample_source != NULL ? sample_source : "—",
                                              source_date != NULL ? source_date : "—");
      GtkStackPage *page;

      if (hours == SOT_FORENSIC_NO_FIGURE)
        window = g_strdup_printf (_("Window: %s"), _(SOT_FORENSIC_NO_FIGURE_NOTE));
      else if (sot_forensic_sample_get_confirmed (sample))
        window = g_strdup_printf (_("Window: up to %d hours from the offence (confirmed)"), hours);
      else
        window = g_strdup_printf (_("Window: up to %d hours from the offence — %s"), hours,
                                  _(SOT_FORENSIC_VERIFY_NOTE));

      if (sot_forensic_sample_has_suspect_hours (sample))
        {
          g_autofree char *with_suspect =
            g_strdup_printf (_("%s; for a suspect, %d hours"), window,
                             sot_forensic_sample_get_hours (sample, SOT_SAMPLE_SUBJECT_SUSPECT));
          g_free (window);
          window = g_steal_pointer (&with_suspect);
        }

      gtk_widget_set_margin_top (box, 24);
      gtk_widget_set_margin_bottom (box, 24);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_box_append (GTK_BOX (box), guidance_label (sot_forensic_sample_get_label (sample),
                                                     "title-2"));
      gtk_box_append (GTK_BOX (box),
                      guidance_label (window, sot_forensic_sample_get_confirmed (sample)
                                              ? "heading" : "warning"));
      gtk_box_append (GTK_BOX (box), guidance_label (order, "dim-label"));
      gtk_box_append (GTK_BOX (box), guidance_label (sot_forensic_sample_get_guidance (sample)
                                                     ? sot_forensic_sample_get_guidance (sample)
                                                     : "", "body"));
      gtk_box_append (GTK_BOX (box),
                      guidance_label (_("Take samples as soon as practicable. The windows are "
                                        "the maximum seen in published persistence data; "
                                        "washing, urinating, eating and drinking shorten them. "
                                        "Follow the sampling order and record any deviation on "
                                        "the exhibit list."), "dim-label"));
      gtk_box_append (GTK_BOX (box), guidance_label (src, "caption"));

      adw_clamp_set_child (ADW_CLAMP (clamp), box);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      page = gtk_stack_add_titled (self->guidance_stack, scrolled,
                                   sot_forensic_sample_get_id (sample),
                                   sot_forensic_sample_get_label (sample));
      (void) page;
    }
}

static void
sot_toolkit_view_map (GtkWidget *widget)
{
  SotToolkitView *self = SOT_TOOLKIT_VIEW (widget);

  GTK_WIDGET_CLASS (sot_toolkit_view_parent_class)->map (widget);

  recalculate (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
sot_toolkit_view_unmap (GtkWidget *widget)
{
  SotToolkitView *self = SOT_TOOLKIT_VIEW (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (sot_toolkit_view_parent_class)->unmap (widget);
}

static void
sot_toolkit_view_constructed (GObject *object)
{
  SotToolkitView *self = SOT_TOOLKIT_VIEW (object);

  G_OBJECT_CLASS (sot_toolkit_view_parent_class)->constructed (object);

  if (self->catalogue == NULL)
    self->catalogue = sot_forensic_catalogue_load (NULL, &self->catalogue_warning);

  fill_catalogue (self);
  recalculate (self);
}

static void
sot_toolkit_view_dispose (GObject *object)
{
  SotToolkitView *self = (SotToolkitView *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_TOOLKIT_VIEW);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (sot_toolkit_view_parent_class)->dispose (object);
}

static void
sot_toolkit_view_finalize (GObject *object)
{
  SotToolkitView *self = (SotToolkitView *) object;

  g_clear_error (&self->catalogue_warning);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (sot_toolkit_view_parent_class)->finalize (object);
}

static void
sot_toolkit_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SotToolkitView *self = SOT_TOOLKIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_toolkit_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SotToolkitView *self = SOT_TOOLKIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      self->catalogue = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_toolkit_view_class_init (SotToolkitViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_toolkit_view_constructed;
  object_class->dispose = sot_toolkit_view_dispose;
  object_class->finalize = sot_toolkit_view_finalize;
  object_class->get_property = sot_toolkit_view_get_property;
  object_class->set_property = sot_toolkit_view_set_property;
  widget_class->map = sot_toolkit_view_map;
  widget_class->unmap = sot_toolkit_view_unmap;

  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, SOT_TYPE_FORENSIC_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SOT_TYPE_FORENSIC_WINDOW_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/forensics/sot-toolkit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, from_date_row);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, from_time_row);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, until_date_row);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, until_time_row);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, windows_group);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, windows_list);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, range_note);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, catalogue_name_row);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, catalogue_source_row);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, catalogue_origin_row);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, catalogue_warning_row);
  gtk_widget_class_bind_template_child (widget_class, SotToolkitView, guidance_stack);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
}

static void
sot_toolkit_view_init (SotToolkitView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sot_toolkit_view_new (SotForensicCatalogue *catalogue)
{
  g_return_val_if_fail (catalogue == NULL || SOT_IS_FORENSIC_CATALOGUE (catalogue), NULL);

  return g_object_new (SOT_TYPE_TOOLKIT_VIEW, "catalogue", catalogue, NULL);
}

SotForensicCatalogue *
sot_toolkit_view_get_catalogue (SotToolkitView *self)
{
  g_return_val_if_fail (SOT_IS_TOOLKIT_VIEW (self), NULL);
  return self->catalogue;
}

void
sot_toolkit_view_set_now (SotToolkitView *self,
                          GDateTime      *now)
{
  g_return_if_fail (SOT_IS_TOOLKIT_VIEW (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  recalculate (self);
}

void
sot_toolkit_view_set_offence (SotToolkitView *self,
                              const char     *date,
                              const char     *time,
                              const char     *until_date,
                              const char     *until_time)
{
  g_return_if_fail (SOT_IS_TOOLKIT_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_date_row), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_time_row), time ? time : "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_date_row), until_date ? until_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_time_row), until_time ? until_time : "");
}

const char *
sot_toolkit_view_get_status (SotToolkitView *self,
                             const char     *sample_id)
{
  g_return_val_if_fail (SOT_IS_TOOLKIT_VIEW (self), NULL);
  return sot_forensic_window_list_get_status (self->windows_list, sample_id);
}
