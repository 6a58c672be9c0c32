/* sot-evaluation-view.c: the Evaluation section: metrics and charts, with small counts suppressed
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-evaluation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-evaluation-view.h"
#include "sot-sdc.h"

#define N_VOLUMES 5

struct _SotEvaluationView
{
  AdwBin          parent_instance;

  AdwEntryRow    *from_row;
  AdwEntryRow    *to_row;
  GtkSpinButton  *threshold_spin;
  GtkLabel       *status_label;
  GtkListBox     *figures_list;
  GtkDrawingArea *volumes_area;
  GtkDrawingArea *rates_area;
  GtkDrawingArea *timeliness_area;
  GtkDrawingArea *engagement_area;
  GtkListBox     *volumes_table;     /* each chart's figures as a table, on "Show as Table" */
  GtkListBox     *rates_table;
  GtkListBox     *timeliness_table;
  GtkListBox     *engagement_table;

  SotStore       *store;
  SotMetrics     *metrics;
  char           *from;
  char           *to;
  guint           threshold;
  GCancellable   *cancellable;
  guint           refresh_id;
  gboolean        computing;

  /* What the charts draw, after suppression. */
  SotSdcTable    *volumes;       /* quarters × N_VOLUMES, column totals */
  SotSdcTable    *decisions;     /* quarters × decisions, both totals */
};

G_DEFINE_FINAL_TYPE (SotEvaluationView, sot_evaluation_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const volume_labels[N_VOLUMES] = {
  N_("Reports"), N_("Early advice requests"), N_("Charging files"), N_("CPS decisions"),
  N_("Charges"),
};

static const char * const rate_labels[2] = {
  N_("CPS definition: charged ÷ legal decisions"), N_("Charged ÷ (charged + NFA)"),
};

static const char * const interval_labels[SOT_N_INTERVALS] = {
  N_("Offence → report"), N_("Report → referral"), N_("Early advice"), N_("Report → charge"),
  N_("Report → outcome"),
};

#define N_ENGAGEMENT 4

static const char * const engagement_labels[N_ENGAGEMENT] = {
  N_("Outcomes 14 and 16"), N_("Right 6 met on time"), N_("Devices back in 24 h"),
  N_("Repeat suspects"),
};

/* Colours of the series (the GNOME palette: blue, green, yellow, orange, purple). */
static const double palette[][3] = {
  { 0.21, 0.52, 0.89 }, { 0.20, 0.82, 0.48 }, { 0.96, 0.83, 0.18 }, { 1.00, 0.47, 0.00 },
  { 0.57, 0.25, 0.67 },
};

/* --- What may be shown --- */

static char *
count_text (gint64 n,
            guint  threshold)
{
  if (n < (gint64) threshold)
    return g_strdup_printf (_("fewer than %u"), threshold);

  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* A rate is shown only when neither the count in it nor the count outside it is small. */
static gboolean
ratio_shown (const SotRatio *ratio,
             guint           threshold)
{
  return sot_ratio_available (ratio) &&
         ratio->numerator >= (gint64) threshold &&
         ratio->denominator - ratio->numerator >= (gint64) threshold;
}

static char *
ratio_text (const SotRatio *ratio,
            guint           threshold)
{
  if (!sot_ratio_available (ratio))
    return g_strdup (_("Not available"));

  if (!ratio_shown (ratio, threshold))
    return g_strdup (_("Suppressed (small numbers)"));

  return g_strdup_printf ("%.1f%% (%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT ")",
                          100.0 * sot_ratio_value (ratio), ratio->numerator, ratio->denominator);
}

static char *
mean_text (const SotRatio *ratio,
           guint           threshold)
{
  if (!sot_ratio_available (ratio))
    return g_strdup (_("Not available"));

  if (ratio->denominator < (gint64) threshold || ratio->numerator < (gint64) threshold)
    return g_strdup (_("Suppressed (small numbers)"));

  return g_strdup_printf ("%.2f", sot_ratio_value (ratio));
}

static char *
days_text (const SotDistribution *d,
           guint                  threshold)
{
  if (d->n == 0)
    return g_strdup (_("Not available"));

  if (d->n < threshold)
    return g_strdup (_("Suppressed (small numbers)"));

  return g_strdup_printf (_("median %.0f days (quartiles %.0f–%.0f; %u cases)"),
                          d->median, d->q1, d->q3, d->n);
}

/* --- Figures --- */

static void
add_figure (GtkListBox *list,
            const char *title,
            char       *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list, row);
  g_free (value);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_figures (SotEvaluationView *self)
{
  const SotMetrics *m = self->metrics;
  guint t = self->threshold;

  clear_list (self->figures_list);
  if (m == NULL)
    return;

  add_figure (self->figures_list, _("Investigations reported"), count_text (m->n_investigations, t));
  add_figure (self->figures_list, _("Suspects charged"), count_text (m->total.latest[SOT_CPS_CHARGE], t));
  add_figure (self->figures_list, _("Charge rate, CPS definition (charged ÷ legal decisions)"),
              ratio_text (&m->charge_rate_cps, t));
  add_figure (self->figures_list, _("Charge rate, charged ÷ (charged + NFA)"),
              ratio_text (&m->charge_rate_nfa, t));
  add_figure (self->figures_list, _("Offence to report"),
              days_text (&m->intervals[SOT_INTERVAL_OFFENCE_TO_REPORT], t));
  add_figure (self->figures_list, _("Report to first CPS referral"),
              days_text (&m->intervals[SOT_INTERVAL_REPORT_TO_REFERRAL], t));
  add_figure (self->figures_list, _("Early advice turnaround"),
              days_text (&m->intervals[SOT_INTERVAL_EARLY_ADVICE], t));
  add_figure (self->figures_list, _("Report to charge"),
              days_text (&m->intervals[SOT_INTERVAL_REPORT_TO_CHARGE], t));
  add_figure (self->figures_list, _("Report to outcome"),
              days_text (&m->intervals[SOT_INTERVAL_REPORT_TO_OUTCOME], t));
  add_figure (self->figures_list, _("Outcomes 14 and 16 (victim does not support)"),
              ratio_text (&m->outcome_14_16, t));
  add_figure (self->figures_list, _("Right 6 deadlines met on time"), ratio_text (&m->right6_met, t));
  add_figure (self->figures_list, _("Victim contacts per case"), mean_text (&m->contacts_per_case, t));
  add_figure (self->figures_list, _("Repeat suspects"), ratio_text (&m->repeat_suspects, t));
  add_figure (self->figures_list, _("Samples taken within their window"),
              ratio_text (&m->samples_within_window, t));
  add_figure (self->figures_list, _("Victims’ devices returned within 24 hours"),
              ratio_text (&m->victim_devices_24h, t));
  add_figure (self->figures_list, _("Missing key variables per record"),
              mean_text (&m->missing_per_record, t));
}

/* --- Chart data, protected as the export protects its tables --- */

static void
update_tables (SotEvaluationView *self)
{
  const SotMetrics *m = self->metrics;
  guint n;

  g_clear_pointer (&self->volumes, sot_sdc_table_unref);
  g_clear_pointer (&self->decisions, sot_sdc_table_unref);
  if (m == NULL)
    return;

  n = m->quarters->len;
  self->volumes = sot_sdc_table_new (n, N_VOLUMES, FALSE, TRUE);
  self->decisions = sot_sdc_table_new (n, SOT_CPS_N_DECISIONS, TRUE, TRUE);

  for (guint i = 0; i < n; i++)
    {
      const SotMetricsPeriod *q = &g_array_index (m->quarters, SotMetricsPeriod, i);
      gint64 values[N_VOLUMES] = { q->reports, q->early_advice_requests, q->charging_files,
                                   q->decisions, q->charges };

      for (guint c = 0; c < N_VOLUMES; c++)
        sot_sdc_table_set (self->volumes, i, c, values[c]);
      for (guint d = 0; d < SOT_CPS_N_DECISIONS; d++)
        sot_sdc_table_set (self->decisions, i, d, q->latest[d]);
    }

  sot_sdc_table_protect (self->volumes, self->threshold, FALSE);
  sot_sdc_table_protect (self->decisions, self->threshold, FALSE);
}

/* The shares the engagement chart draws, in the order of engagement_labels. */
static void
engagement_ratios (const SotMetrics *m,
                   const SotRatio   *ratios[N_ENGAGEMENT])
{
  ratios[0] = &m->outcome_14_16;
  ratios[1] = &m->right6_met;
  ratios[2] = &m->victim_devices_24h;
  ratios[3] = &m->repeat_suspects;
}

/* The two rates of quarter @row, or -1 when a count they rest on is suppressed. */
static void
quarter_rates (SotEvaluationView *self,
               guint              row,
               double            *cps,
               double            *nfa)
{
  gint64 charged = sot_sdc_table_get_raw (self->decisions, row, SOT_CPS_CHARGE);
  gint64 legal = 0, nfas = 0;
  gboolean legal_ok = TRUE, nfa_ok = TRUE;

  for (guint d = 0; d < SOT_CPS_N_DECISIONS; d++)
    {
      gboolean published = sot_sdc_table_is_published (self->decisions, row, d);
      gint64 raw = sot_sdc_table_get_raw (self->decisions, row, d);

      if (sot_cps_decision_is_legal (d))
        {
          legal += raw;
          legal_ok = legal_ok && published;
        }
      if (d == SOT_CPS_CHARGE || d == SOT_CPS_NFA_EVIDENTIAL || d == SOT_CPS_NFA_PUBLIC_INTEREST)
        {
          if (d != SOT_CPS_CHARGE)
            nfas += raw;
          nfa_ok = nfa_ok && published;
        }
    }

  *cps = legal_ok && legal > 0 ? 100.0 * charged / legal : -1;
  *nfa = nfa_ok && charged + nfas > 0 ? 100.0 * charged / (charged + nfas) : -1;
}

/* --- Drawing --- */

static void
set_fg (GtkWidget *widget,
        cairo_t   *cr,
        double     alpha)
{
  GdkRGBA color;

  /* GTK 4.8: the style context is how a widget's foreground colour is read. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * alpha);
}

static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      xalign,
           double      alpha)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_fg (widget, cr, alpha);
  cairo_move_to (cr, x - xalign * w, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_empty (GtkWidget  *widget,
            cairo_t    *cr,
            int         width,
            int         height,
            const char *text)
{
  draw_text (widget, cr, text, width / 2.0, height / 2.0, 0.5, 0.55);
}

/* Hatched marker for a suppressed value. */
static void
draw_hatch (cairo_t *cr,
            double   x,
            double   y,
            double   w,
            double   h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  for (double d = -h; d < w; d += 4)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

#define LEFT 48
#define BOTTOM 28
#define TOP 30

static void
draw_volumes (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  SotEvaluationView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  guint n = self->volumes != NULL ? sot_sdc_table_get_n_rows (self->volumes) : 0;
  gint64 max = 0;
  double plot_w = width - LEFT - 8, plot_h = height - BOTTOM - TOP;
  double group_w, bar_w;

  if (n == 0)
    {
      draw_empty (widget, cr, width, height,
                  self->computing ? _("Computing…") : _("No reports in the period"));
      return;
    }

  for (guint r = 0; r < n; r++)
    for (guint c = 0; c < N_VOLUMES; c++)
      max = MAX (max, sot_sdc_table_get_value (self->volumes, r, c));
  max = MAX (max, (gint64) self->threshold);

  /* Legend */
  for (guint c = 0; c < N_VOLUMES; c++)
    {
      double x = LEFT + c * (plot_w / N_VOLUMES);

      cairo_set_source_rgb (cr, palette[c][0], palette[c][1], palette[c][2]);
      cairo_rectangle (cr, x, 6, 10, 10);
      cairo_fill (cr);
      draw_text (widget, cr, _(volume_labels[c]), x + 14, 11, 0, 0.8);
    }

  /* Axis */
  set_fg (widget, cr, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, LEFT, TOP);
  cairo_line_to (cr, LEFT, TOP + plot_h);
  cairo_line_to (cr, LEFT + plot_w, TOP + plot_h);
  cairo_stroke (cr);
  {
    g_autofree char *top = g_strdup_printf ("%" G_GINT64_FORMAT, max);

    draw_text (widget, cr, top, LEFT - 4, TOP, 1, 0.6);
    draw_text (widget, cr, "0", LEFT - 4, TOP + plot_h, 1, 0.6);
  }

  group_w = plot_w / n;
  bar_w = MAX (1.0, (group_w - 4) / N_VOLUMES);

  for (guint r = 0; r < n; r++)
    {
      const SotMetricsPeriod *q = &g_array_index (self->metrics->quarters, SotMetricsPeriod, r);
      double x0 = LEFT + r * group_w + 2;

      for (guint c = 0; c < N_VOLUMES; c++)
        {
          gint64 value = sot_sdc_table_get_value (self->volumes, r, c);
          double x = x0 + c * bar_w;

          if (value < 0)
            {
              set_fg (widget, cr, 0.35);
              draw_hatch (cr, x, TOP + plot_h - 8, bar_w - 1, 8);
              continue;
            }

          cairo_set_source_rgb (cr, palette[c][0], palette[c][1], palette[c][2]);
          cairo_rectangle (cr, x, TOP + plot_h * (1 - (double) value / max), bar_w - 1,
                           plot_h * value / max);
          cairo_fill (cr);
        }

      /* Label every quarter when there is room, else every fourth. */
      if (group_w >= 48 || r % 4 == 0)
        draw_text (widget, cr, q->period, x0 + group_w / 2 - 2, TOP + plot_h + 12, 0.5, 0.7);
    }
}

static void
draw_rates (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  SotEvaluationView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  guint n = self->decisions != NULL ? sot_sdc_table_get_n_rows (self->decisions) : 0;
  double plot_w = width - LEFT - 8, plot_h = height - BOTTOM - TOP;

  if (n == 0)
    {
      draw_empty (widget, cr, width, height,
                  self->computing ? _("Computing…") : _("No CPS decisions in the period"));
      return;
    }

  for (guint s = 0; s < 2; s++)
    {
      double x = LEFT + s * (plot_w / 2);

      cairo_set_source_rgb (cr, palette[s * 3][0], palette[s * 3][1], palette[s * 3][2]);
      cairo_rectangle (cr, x, 6, 10, 10);
      cairo_fill (cr);
      draw_text (widget, cr, _(rate_labels[s]), x + 14, 11, 0, 0.8);
    }

  set_fg (widget, cr, 0.3);
  cairo_set_line_width (cr, 1);
  for (guint p = 0; p <= 100; p += 25)
    {
      g_autofree char *label = g_strdup_printf ("%u%%", p);
      double y = TOP + plot_h * (1 - p / 100.0);

      set_fg (widget, cr, p == 0 ? 0.3 : 0.1);
      cairo_move_to (cr, LEFT, y);
      cairo_line_to (cr, LEFT + plot_w, y);
      cairo_stroke (cr);
      draw_text (widget, cr, label, LEFT - 4, y, 1, 0.6);
    }

  {
    guint shown = 0;

    for (guint r = 0; r < n; r++)
      {
        double cps, nfa;

        quarter_rates (self, r, &cps, &nfa);
        shown += cps >= 0 || nfa >= 0;
      }

    if (shown == 0)
      draw_text (widget, cr, _("Every quarterly rate rests on a small count: suppressed"),
                 LEFT + plot_w / 2, TOP + plot_h / 2, 0.5, 0.55);
  }

  for (guint s = 0; s < 2; s++)
    {
      gboolean pen_down = FALSE;

      cairo_set_source_rgb (cr, palette[s * 3][0], palette[s * 3][1], palette[s * 3][2]);
      cairo_set_line_width (cr, 2);

      for (guint r = 0; r < n; r++)
        {
          double cps, nfa, value, x, y;

          quarter_rates (self, r, &cps, &nfa);
          value = s == 0 ? cps : nfa;
          x = LEFT + plot_w * (r + 0.5) / n;

          if (value < 0)
            {
              /* A gap: the rate rests on suppressed counts. */
              if (pen_down)
                cairo_stroke (cr);
              pen_down = FALSE;
              continue;
            }

          y = TOP + plot_h * (1 - value / 100.0);
          if (pen_down)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          pen_down = TRUE;
          cairo_arc (cr, x, y, 2.5, 0, 2 * G_PI);
          cairo_move_to (cr, x, y);
        }
      if (pen_down)
        cairo_stroke (cr);
    }

  for (guint r = 0; r < n; r++)
    if (plot_w / n >= 48 || r % 4 == 0)
      draw_text (widget, cr, g_array_index (self->metrics->quarters, SotMetricsPeriod, r).period,
                 LEFT + plot_w * (r + 0.5) / n, TOP + plot_h + 12, 0.5, 0.7);
}

static void
draw_timeliness (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  SotEvaluationView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  double label_w = 140, plot_w = width - label_w - 16;
  double row_h;
  double max = 1;

  if (self->metrics == NULL)
    return;

  for (guint i = 0; i < SOT_N_INTERVALS; i++)
    if (self->metrics->intervals[i].n >= self->threshold)
      max = MAX (max, self->metrics->intervals[i].q3);

  row_h = (height - 24.0) / SOT_N_INTERVALS;

  for (guint i = 0; i < SOT_N_INTERVALS; i++)
    {
      const SotDistribution *d = &self->metrics->intervals[i];
      double y = 4 + i * row_h;

      draw_text (widget, cr, _(interval_labels[i]), label_w - 6, y + row_h / 2, 1, 0.8);

      if (d->n < self->threshold)
        {
          draw_text (widget, cr, d->n == 0 ? _("not available") : _("suppressed (small numbers)"),
                     label_w + 4, y + row_h / 2, 0, 0.5);
          continue;
        }

      /* The middle half (quartiles) as a bar, the median as a line. */
      cairo_set_source_rgba (cr, palette[0][0], palette[0][1], palette[0][2], 0.45);
      cairo_rectangle (cr, label_w + plot_w * d->q1 / max, y + row_h * 0.2,
                       MAX (2, plot_w * (d->q3 - d->q1) / max), row_h * 0.6);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, palette[0][0], palette[0][1], palette[0][2]);
      cairo_set_line_width (cr, 3);
      cairo_move_to (cr, label_w + plot_w * d->median / max, y + row_h * 0.1);
      cairo_line_to (cr, label_w + plot_w * d->median / max, y + row_h * 0.9);
      cairo_stroke (cr);
      {
        g_autofree char *text = g_strdup_printf (_("%.0f d"), d->median);

        draw_text (widget, cr, text, label_w + plot_w * d->median / max + 5, y + row_h / 2, 0, 0.9);
      }
    }

  {
    g_autofree char *axis = g_strdup_printf (_("0 to %.0f days; bar: quartiles, line: median"), max);

    draw_text (widget, cr, axis, label_w, height - 10, 0, 0.55);
  }
}

static void
draw_engagement (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  SotEvaluationView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  const SotRatio *ratios[N_ENGAGEMENT];
  double label_w = 140, plot_w = width - label_w - 60;
  double row_h;

  if (self->metrics == NULL)
    return;

  engagement_ratios (self->metrics, ratios);
  row_h = (height - 8.0) / N_ENGAGEMENT;

  for (guint i = 0; i < N_ENGAGEMENT; i++)
    {
      double y = 4 + i * row_h;

      draw_text (widget, cr, _(engagement_labels[i]), label_w - 6, y + row_h / 2, 1, 0.8);

      set_fg (widget, cr, 0.08);
      cairo_rectangle (cr, label_w, y + row_h * 0.25, plot_w, row_h * 0.5);
      cairo_fill (cr);

      if (!ratio_shown (ratios[i], self->threshold))
        {
          draw_text (widget, cr, sot_ratio_available (ratios[i]) ? _("suppressed (small numbers)")
                                                                 : _("not available"),
                     label_w + 6, y + row_h / 2, 0, 0.5);
          continue;
        }

      cairo_set_source_rgb (cr, palette[i + 1][0], palette[i + 1][1], palette[i + 1][2]);
      cairo_rectangle (cr, label_w, y + row_h * 0.25, plot_w * sot_ratio_value (ratios[i]),
                       row_h * 0.5);
      cairo_fill (cr);
      {
        g_autofree char *text = g_strdup_printf ("%.1f%%", 100 * sot_ratio_value (ratios[i]));

        draw_text (widget, cr, text, label_w + plot_w + 6, y + row_h / 2, 0, 0.9);
      }
    }
}

/* --- The charts in words: their description, and the tables behind "Show as Table" --- */

static char *
cell_text (const char *name,
           char       *value)
{
  g_autofree char *owned = value;

  /* TRANSLATORS: a series of a chart and its value, e.g. "Reports: 12" */
  return g_strdup_printf (_("%s: %s"), name, owned);
}

static char *
percent_text (double percent)
{
  return percent < 0 ? g_strdup (_("suppressed")) : g_strdup_printf ("%.1f%%", percent);
}

/* Each row of a chart as a title (a quarter, a stage) and its cells. */
typedef struct {
  GPtrArray *titles;   /* char * */
  GPtrArray *cells;    /* GStrv, one a row */
} ChartText;

static void
chart_text_add (ChartText  *text,
                const char *title,
                GPtrArray  *cells)
{
  g_ptr_array_add (text->titles, g_strdup (title));
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (text->cells, g_ptr_array_free (cells, FALSE));
}

static void
volumes_text (SotEvaluationView *self,
              ChartText         *text)
{
  guint n = self->volumes != NULL ? sot_sdc_table_get_n_rows (self->volumes) : 0;

  for (guint r = 0; r < n; r++)
    {
      GPtrArray *cells = g_ptr_array_new ();

      for (guint c = 0; c < N_VOLUMES; c++)
        {
          gint64 value = sot_sdc_table_get_value (self->volumes, r, c);

          g_ptr_array_add (cells, cell_text (_(volume_labels[c]),
                                             value < 0 ? g_strdup (_("suppressed"))
                                             : g_strdup_printf ("%" G_GINT64_FORMAT, value)));
        }
      chart_text_add (text, g_array_index (self->metrics->quarters, SotMetricsPeriod, r).period,
                      cells);
    }
}

static void
rates_text (SotEvaluationView *self,
            ChartText         *text)
{
  guint n = self->decisions != NULL ? sot_sdc_table_get_n_rows (self->decisions) : 0;

  for (guint r = 0; r < n; r++)
    {
      GPtrArray *cells = g_ptr_array_new ();
      double rates[2];

      quarter_rates (self, r, &rates[0], &rates[1]);
      for (guint s = 0; s < 2; s++)
        g_ptr_array_add (cells, cell_text (_(rate_labels[s]), percent_text (rates[s])));
      chart_text_add (text, g_array_index (self->metrics->quarters, SotMetricsPeriod, r).period,
                      cells);
    }
}

static void
timeliness_text (SotEvaluationView *self,
                 ChartText         *text)
{
  for (guint i = 0; self->metrics != NULL && i < SOT_N_INTERVALS; i++)
    {
      GPtrArray *cells = g_ptr_array_new ();

      g_ptr_array_add (cells, days_text (&self->metrics->intervals[i], self->threshold));
      chart_text_add (text, _(interval_labels[i]), cells);
    }
}

static void
engagement_text (SotEvaluationView *self,
                 ChartText         *text)
{
  const SotRatio *ratios[N_ENGAGEMENT];

  if (self->metrics == NULL)
    return;

  engagement_ratios (self->metrics, ratios);
  for (guint i = 0; i < N_ENGAGEMENT; i++)
    {
      GPtrArray *cells = g_ptr_array_new ();

      g_ptr_array_add (cells, ratio_text (ratios[i], self->threshold));
      chart_text_add (text, _(engagement_labels[i]), cells);
    }
}

/* Says in words what @area draws, and fills @table with the same figures, a row each. */
static void
show_chart_text (SotEvaluationView *self,
                 GtkDrawingArea    *area,
                 GtkListBox        *table,
                 void             (*fill) (SotEvaluationView *, ChartText *),
                 const char        *empty)
{
  ChartText text = { g_ptr_array_new_with_free_func (g_free),
                     g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };
  g_autoptr(GString) description = g_string_new (NULL);

  clear_list (table);
  fill (self, &text);

  for (guint i = 0; i < text.titles->len; i++)
    {
      const char *title = g_ptr_array_index (text.titles, i);
      char **cells = g_ptr_array_index (text.cells, i);
      g_autofree char *said = cell_text (title, g_strjoinv ("; ", cells));

      if (i > 0)
        g_string_append (description, ". ");
      g_string_append (description, said);
      add_figure (table, title, g_strjoinv ("\n", cells));
    }

  if (text.titles->len == 0)
    {
      const char *none = self->computing ? _("Computing…") : empty;

      g_string_append (description, none);
      add_figure (table, none, g_strdup (""));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  g_ptr_array_unref (text.titles);
  g_ptr_array_unref (text.cells);
}

/* The charts are drawn again and said again in words whenever what they show changes. */
static void
update_charts (SotEvaluationView *self)
{
  show_chart_text (self, self->volumes_area, self->volumes_table, volumes_text,
                   _("No reports in the period"));
  show_chart_text (self, self->rates_area, self->rates_table, rates_text,
                   _("No CPS decisions in the period"));
  show_chart_text (self, self->timeliness_area, self->timeliness_table, timeliness_text,
                   _("Not available"));
  show_chart_text (self, self->engagement_area, self->engagement_table, engagement_text,
                   _("Not available"));
  gtk_widget_queue_draw (GTK_WIDGET (self->volumes_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->rates_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->timeliness_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->engagement_area));
}

/* --- Computing, off the main thread --- */

typedef struct {
  char *path;
  char *from;
  char *to;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *d = data;

  g_free (d->path);
  g_free (d->from);
  g_free (d->to);
  g_free (d);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *d = task_data;
  g_autoptr(SotStore) store = NULL;
  GError *error = NULL;
  SotMetricsOptions options = { .from = d->from, .to = d->to };
  SotMetrics *metrics;

  /* A connection of this thread's own: a SQLite connection is not shared across threads. */
  if (!(store = sot_store_open (d->path, SOT_STORE_OPEN_NONE, &error)) ||
      !(metrics = sot_metrics_compute (store, &options, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, metrics, (GDestroyNotify) sot_metrics_free);
}

static void
show_metrics (SotEvaluationView *self,
              SotMetrics        *metrics)
{
  g_clear_pointer (&self->metrics, sot_metrics_free);
  self->metrics = metrics;

  update_tables (self);
  update_figures (self);
  gtk_label_set_text (self->status_label,
                      self->metrics != NULL
                      ? _("Counts below the threshold are suppressed, with further cells where "
                          "a total would reveal them, as in the dataset export.")
                      : "");
  update_charts (self);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SotEvaluationView) self = user_data;
  g_autoptr(GError) error = NULL;
  SotMetrics *metrics = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->computing = FALSE;

  if (metrics == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The metrics could not be computed: %s"),
                                               error->message);

      show_metrics (self, NULL);
      gtk_label_set_text (self->status_label, text);
      return;
    }

  show_metrics (self, metrics);
}

static void
refresh (SotEvaluationView *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *d;

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* An in-memory workspace has no file for a second connection: computed here. */
  if (g_str_equal (sot_store_get_path (self->store), ":memory:"))
    {
      g_autoptr(GError) error = NULL;
      SotMetricsOptions options = { .from = self->from, .to = self->to };

      show_metrics (self, sot_metrics_compute (self->store, &options, &error));
      if (error != NULL)
        gtk_label_set_text (self->status_label, error->message);
      return;
    }

  gtk_label_set_text (self->status_label, _("Computing…"));
  self->computing = TRUE;
  update_charts (self);

  d = g_new0 (ComputeData, 1);
  d->path = g_strdup (sot_store_get_path (self->store));
  d->from = g_strdup (self->from);
  d->to = g_strdup (self->to);

  task = g_task_new (NULL, self->cancellable, computed_cb, g_object_ref (self));
  g_task_set_task_data (task, d, compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SotEvaluationView *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many writes come together (a demo fill, an import): one recomputation after them. */
static void
store_changed_cb (SotStore          *store,
                  const char        *entity_type,
                  const char        *action,
                  const char        *entity_uuid,
                  SotEvaluationView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (1, refresh_idle_cb, self);
}

static const char *
row_month (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
apply_period_cb (SotEvaluationView *self)
{
  const char *from = row_month (self->from_row);
  const char *to = row_month (self->to_row);
  g_autoptr(GError) error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");

  if (!sot_metrics_check_period (from, to, &error))
    {
      if (from != NULL && !sot_metrics_parse_month (from, NULL, NULL, NULL))
        gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
      gtk_label_set_text (self->status_label, error->message);
      return;
    }

  sot_evaluation_view_set_period (self, from, to);
}

static void
threshold_changed_cb (SotEvaluationView *self)
{
  sot_evaluation_view_set_threshold (self, (guint) gtk_spin_button_get_value_as_int (self->threshold_spin));
}

/* --- GObject --- */

static void
sot_evaluation_view_constructed (GObject *object)
{
  SotEvaluationView *self = SOT_EVALUATION_VIEW (object);

  G_OBJECT_CLASS (sot_evaluation_view_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);
      refresh (self);
    }
}

static void
sot_evaluation_view_dispose (GObject *object)
{
  SotEvaluationView *self = SOT_EVALUATION_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_EVALUATION_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_evaluation_view_parent_class)->dispose (object);
}

static void
sot_evaluation_view_finalize (GObject *object)
{
  SotEvaluationView *self = SOT_EVALUATION_VIEW (object);

  g_clear_pointer (&self->metrics, sot_metrics_free);
  g_clear_pointer (&self->volumes, sot_sdc_table_unref);
  g_clear_pointer (&self->decisions, sot_sdc_table_unref);
  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (sot_evaluation_view_parent_class)->finalize (object);
}

static void
sot_evaluation_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SotEvaluationView *self = SOT_EVALUATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_evaluation_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SotEvaluationView *self = SOT_EVALUATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_evaluation_view_class_init (SotEvaluationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_evaluation_view_constructed;
  object_class->dispose = sot_evaluation_view_dispose;
  object_class->finalize = sot_evaluation_view_finalize;
  object_class->get_property = sot_evaluation_view_get_property;
  object_class->set_property = sot_evaluation_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE
                                               "/ui/evaluation/sot-evaluation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, from_row);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, to_row);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, figures_list);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, volumes_area);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, rates_area);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, timeliness_area);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, engagement_area);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, volumes_table);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, rates_table);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, timeliness_table);
  gtk_widget_class_bind_template_child (widget_class, SotEvaluationView, engagement_table);
  gtk_widget_class_bind_template_callback (widget_class, apply_period_cb);
  gtk_widget_class_bind_template_callback (widget_class, threshold_changed_cb);
}

static void
sot_evaluation_view_init (SotEvaluationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->threshold = SOT_SDC_DEFAULT_THRESHOLD;
  gtk_spin_button_set_value (self->threshold_spin, self->threshold);

  gtk_drawing_area_set_draw_func (self->volumes_area, draw_volumes, self, NULL);
  gtk_drawing_area_set_draw_func (self->rates_area, draw_rates, self, NULL);
  gtk_drawing_area_set_draw_func (self->timeliness_area, draw_timeliness, self, NULL);
  gtk_drawing_area_set_draw_func (self->engagement_area, draw_engagement, self, NULL);
}

GtkWidget *
sot_evaluation_view_new (SotStore *store)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return g_object_new (SOT_TYPE_EVALUATION_VIEW, "store", store, NULL);
}

SotStore *
sot_evaluation_view_get_store (SotEvaluationView *self)
{
  g_return_val_if_fail (SOT_IS_EVALUATION_VIEW (self), NULL);

  return self->store;
}

void
sot_evaluation_view_set_period (SotEvaluationView *self,
                                const char        *from,
                                const char        *to)
{
  g_return_if_fail (SOT_IS_EVALUATION_VIEW (self));

  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  if (g_strcmp0 (row_month (self->from_row), from) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->from_row), from != NULL ? from : "");
  if (g_strcmp0 (row_month (self->to_row), to) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->to_row), to != NULL ? to : "");

  refresh (self);
}

void
sot_evaluation_view_set_threshold (SotEvaluationView *self,
                                   guint              threshold)
{
  g_return_if_fail (SOT_IS_EVALUATION_VIEW (self));

  threshold = MAX (threshold, SOT_SDC_MIN_THRESHOLD);
  if (threshold == self->threshold)
    return;

  self->threshold = threshold;
  if ((guint) gtk_spin_button_get_value_as_int (self->threshold_spin) != threshold)
    gtk_spin_button_set_value (self->threshold_spin, threshold);

  /* The figures are the same; what may be shown changes. */
  update_tables (self);
  update_figures (self);
  update_charts (self);
}

const SotMetrics *
sot_evaluation_view_get_metrics (SotEvaluationView *self)
{
  g_return_val_if_fail (SOT_IS_EVALUATION_VIEW (self), NULL);

  return self->metrics;
}
