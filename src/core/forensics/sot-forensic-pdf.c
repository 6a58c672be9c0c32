/* sot-forensic-pdf.c: continuity records and exhibit labels as PDF (cairo, no display needed)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core has no Pango: text is set with cairo's simple text API and wrapped here by
 * measuring words. That is enough for forms of short fields.
 */

#define G_LOG_DOMAIN "sot-forensic-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-forensic-pdf.h"
#include "sot-forensic-window.h"
#include "sot-pdf.h"
#include "sot-time.h"

/* A4 in points. */
#define PAGE_WIDTH  SOT_PDF_PAGE_WIDTH
#define PAGE_HEIGHT SOT_PDF_PAGE_HEIGHT
#define MARGIN      42.0

typedef struct {
  cairo_t    *cr;
  double      y;
  int         page;
  const char *footer;
} Doc;

static guint
count_lines (cairo_t    *cr,
             const char *text,
             double      width)
{
  g_autoptr(GPtrArray) lines = sot_pdf_wrap_text (cr, text, width);

  return lines->len;
}

static char *
display_time (const char *stored)
{
  g_autoptr(GDateTime) dt = NULL;

  if (stored == NULL)
    return NULL;

  dt = sot_time_parse (stored, NULL);
  return dt != NULL ? sot_forensic_format_time (dt) : g_strdup (stored);
}

static void
draw_footer (Doc *doc)
{
  g_autofree char *page = g_strdup_printf (_("Page %d"), doc->page);
  cairo_t *cr = doc->cr;

  cairo_save (cr);
  sot_pdf_set_font (cr, 7.5, FALSE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, PAGE_HEIGHT - MARGIN + 18);
  cairo_show_text (cr, doc->footer);
  cairo_move_to (cr, PAGE_WIDTH - MARGIN - sot_pdf_text_width (cr, page), PAGE_HEIGHT - MARGIN + 18);
  cairo_show_text (cr, page);
  cairo_restore (cr);
}

static void
new_page (Doc *doc)
{
  draw_footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  doc->y = MARGIN + 10;
}

static void
ensure_space (Doc    *doc,
              double  needed)
{
  if (doc->y + needed > PAGE_HEIGHT - MARGIN)
    new_page (doc);
}

/* One "Label: value" line of the header, wrapped under the value column. */
static void
draw_field (Doc        *doc,
            const char *label,
            const char *value)
{
  cairo_t *cr = doc->cr;
  const double label_width = 120;
  const double value_width = PAGE_WIDTH - 2 * MARGIN - label_width;
  guint n;

  sot_pdf_set_font (cr, 9.5, FALSE);
  ensure_space (doc, 14 * count_lines (cr, value ? value : "—", value_width));

  sot_pdf_set_font (cr, 9.5, TRUE);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_move_to (cr, MARGIN, doc->y);
  cairo_show_text (cr, label);

  sot_pdf_set_font (cr, 9.5, FALSE);
  cairo_set_source_rgb (cr, 0, 0, 0);
  n = sot_pdf_draw_wrapped (cr, MARGIN + label_width, doc->y, value_width, 13,
                    value != NULL && *value != '\0' ? value : "—", 0);
  doc->y += 13 * n + 3;
}

static char *
investigation_reference (SotStore *store,
                         gint64    investigation_id)
{
  sqlite3_stmt *stmt;
  char *reference = NULL;

  stmt = sot_store_prepare (store, "SELECT crime_reference FROM investigation WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, investigation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    reference = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return reference;
}

static char *
make_footer (SotStore *store)
{
  g_autoptr(GDateTime) now = sot_store_now (store);
  g_autofree char *when = sot_forensic_format_time (now);

  if (sot_store_get_training (store))
    return g_strdup_printf (_("FICTIONAL TRAINING DATA · produced %s by %s · Soteria Workbench %s"),
                            when, sot_store_get_operator (store), PACKAGE_VERSION);

  return g_strdup_printf (_("Produced %s by %s · Soteria Workbench %s"),
                          when, sot_store_get_operator (store), PACKAGE_VERSION);
}

static const char *
retention_label (const char *retention)
{
  if (g_strcmp0 (retention, SOT_RETENTION_RETAIN) == 0)
    return _("Retain");
  if (g_strcmp0 (retention, SOT_RETENTION_DISPOSE) == 0)
    return _("Dispose of");
  if (g_strcmp0 (retention, SOT_RETENTION_RETURN_TO_OWNER) == 0)
    return _("Return to its owner");
  return retention;
}

/* Columns of the continuity table. */
typedef struct {
  const char *title;
  double      width;
} Column;

gboolean
sot_forensic_pdf_write_continuity (SotStore              *store,
                                   const SotExhibit      *exhibit,
                                   SotForensicCatalogue  *catalogue,
                                   const char            *path,
                                   GError               **error)
{
  g_autoptr(GPtrArray) movements = NULL;
  g_autoptr(GPtrArray) breaks = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *crime_reference = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *seized = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *lab = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *holder = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Doc doc = { 0 };
  const Column columns[] = {
    { N_("#"), 18 },
    { N_("Time"), 78 },
    { N_("From"), 86 },
    { N_("To"), 86 },
    { N_("Place"), 72 },
    { N_("Purpose"), 70 },
    { N_("Notes"), PAGE_WIDTH - 2 * MARGIN - 410 },
  };
  gboolean ok;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (exhibit != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(movements = sot_exhibit_list_movements (store, exhibit, error)) ||
      !(breaks = sot_exhibit_check_continuity (store, exhibit, catalogue, error)))
    return FALSE;

  crime_reference = investigation_reference (store, exhibit->investigation_id);
  footer = make_footer (store);

  surface = cairo_pdf_surface_create_for_stream (sot_pdf_write_to_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, exhibit->reference);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Soteria Workbench");
  cr = cairo_create (surface);

  doc.cr = cr;
  doc.page = 1;
  doc.y = MARGIN + 10;
  doc.footer = footer;

  /* Header */
  sot_pdf_set_font (cr, 10, TRUE);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, MARGIN, doc.y);
  cairo_show_text (cr, _("CONTINUITY RECORD"));
  if (crime_reference != NULL)
    {
      g_autofree char *crime = g_strdup_printf (_("Crime reference %s"), crime_reference);

      cairo_move_to (cr, PAGE_WIDTH - MARGIN - sot_pdf_text_width (cr, crime), doc.y);
      cairo_show_text (cr, crime);
    }
  doc.y += 30;

  {
    g_autofree char *alias = g_strdup_printf (_("file name alias %s"), exhibit->alias);
    double reference_width;

    sot_pdf_set_font (cr, 24, TRUE);
    cairo_set_source_rgb (cr, 0, 0, 0);
    cairo_move_to (cr, MARGIN, doc.y);
    cairo_show_text (cr, exhibit->reference);
    reference_width = sot_pdf_text_width (cr, exhibit->reference);

    sot_pdf_set_font (cr, 10, FALSE);
    cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
    cairo_move_to (cr, MARGIN + reference_width + 12, doc.y);
    cairo_show_text (cr, alias);
  }
  doc.y += 12;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, MARGIN, doc.y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, doc.y);
  cairo_stroke (cr);
  doc.y += 18;

  seized = display_time (exhibit->seized_at);
  if (exhibit->seized_place != NULL)
    {
      g_autofree char *with_place = g_strdup_printf ("%s, %s", seized, exhibit->seized_place);
      g_free (seized);
      seized = g_steal_pointer (&with_place);
    }

  if (exhibit->sample_type != NULL)
    {
      SotForensicSample *s = catalogue != NULL
                             ? sot_forensic_catalogue_lookup (catalogue, exhibit->sample_type)
                             : NULL;

      sample = g_strdup_printf ("%s%s%s", s != NULL ? sot_forensic_sample_get_label (s)
                                                    : exhibit->sample_type,
                                exhibit->sampled_from != NULL ? " · " : "",
                                exhibit->sampled_from != NULL
                                ? (g_str_equal (exhibit->sampled_from, "suspect")
                                   ? _("from the suspect") : _("from the complainant"))
                                : "");
    }

  if (exhibit->lab_submitted_at != NULL || exhibit->lab_name != NULL)
    {
      g_autofree char *when = display_time (exhibit->lab_submitted_at);

      lab = g_strdup_printf ("%s%s%s%s%s", exhibit->lab_name ? exhibit->lab_name : "",
                             when ? " · " : "", when ? when : "",
                             exhibit->lab_result ? " · " : "",
                             exhibit->lab_result ? exhibit->lab_result : "");
    }

  if (exhibit->retention != NULL)
    retention = g_strdup_printf ("%s%s%s", retention_label (exhibit->retention),
                                 exhibit->retention_note ? " · " : "",
                                 exhibit->retention_note ? exhibit->retention_note : "");

  holder = g_strdup_printf ("%s%s%s", exhibit->current_holder ? exhibit->current_holder : "",
                            exhibit->current_place ? ", " : "",
                            exhibit->current_place ? exhibit->current_place : "");

  draw_field (&doc, _("Description"), exhibit->description);
  draw_field (&doc, _("Seized by"), exhibit->seized_by);
  draw_field (&doc, _("Seized at"), seized);
  draw_field (&doc, _("Seal or bag number"), exhibit->seal_number);
  draw_field (&doc, _("Sample type"), sample);
  draw_field (&doc, _("Now with"), holder);
  draw_field (&doc, _("Laboratory"), lab);
  draw_field (&doc, _("Retention"), retention);
  doc.y += 12;

  /* Continuity table */
  sot_pdf_set_font (cr, 12, TRUE);
  ensure_space (&doc, 60);
  cairo_move_to (cr, MARGIN, doc.y);
  cairo_show_text (cr, _("Continuity"));
  doc.y += 8;

  {
    double x = MARGIN;

    cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
    cairo_rectangle (cr, MARGIN, doc.y, PAGE_WIDTH - 2 * MARGIN, 16);
    cairo_fill (cr);
    cairo_set_source_rgb (cr, 0, 0, 0);
    sot_pdf_set_font (cr, 8.5, TRUE);
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        cairo_move_to (cr, x + 3, doc.y + 11.5);
        cairo_show_text (cr, _(columns[c].title));
        x += columns[c].width;
      }
    doc.y += 16;
  }

  /* Start of chain: the seizure. */
  {
    const char *cells[G_N_ELEMENTS (columns)] = { 0 };
    g_autofree char *when = display_time (exhibit->seized_at);
    guint rows = 1;
    double x = MARGIN;

    cells[0] = "0";
    cells[1] = when;
    cells[2] = "—";
    cells[3] = exhibit->seized_by;
    cells[4] = exhibit->seized_place;
    cells[5] = _("Seized");
    cells[6] = NULL;

    sot_pdf_set_font (cr, 8.5, FALSE);
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      rows = MAX (rows, count_lines (cr, cells[c] ? cells[c] : "", columns[c].width - 6));
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        sot_pdf_draw_wrapped (cr, x + 3, doc.y + 11, columns[c].width - 6, 10.5,
                      cells[c] ? cells[c] : "", 0);
        x += columns[c].width;
      }
    doc.y += rows * 10.5 + 6;
    cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
    cairo_set_line_width (cr, 0.5);
    cairo_move_to (cr, MARGIN, doc.y);
    cairo_line_to (cr, PAGE_WIDTH - MARGIN, doc.y);
    cairo_stroke (cr);
    cairo_set_source_rgb (cr, 0, 0, 0);
  }

  for (guint i = 0; i < movements->len; i++)
    {
      SotExhibitMovement *m = g_ptr_array_index (movements, i);
      const char *cells[G_N_ELEMENTS (columns)] = { 0 };
      g_autofree char *number = g_strdup_printf ("%d", m->position);
      g_autofree char *when = display_time (m->moved_at);
      g_autoptr(GString) notes = g_string_new (m->note);
      gboolean flagged = FALSE;
      guint rows = 1;
      double x = MARGIN;

      for (guint b = 0; b < breaks->len; b++)
        {
          SotContinuityBreak *brk = g_ptr_array_index (breaks, b);

          if (g_strcmp0 (brk->movement_uuid, m->uuid) == 0)
            flagged = TRUE;
        }

      if (m->corrects_uuid != NULL)
        {
          if (notes->len > 0)
            g_string_append (notes, " ");
          g_string_append_printf (notes, _("Correction: %s"), m->correction_reason);
        }
      if (m->superseded)
        {
          if (notes->len > 0)
            g_string_append (notes, " ");
          g_string_append (notes, _("Superseded by the correction below."));
        }
      if (flagged)
        {
          if (notes->len > 0)
            g_string_append (notes, " ");
          g_string_append (notes, _("BREAK: see below."));
        }

      cells[0] = number;
      cells[1] = when;
      cells[2] = m->from_holder;
      cells[3] = m->to_holder;
      cells[4] = m->place;
      cells[5] = sot_movement_purpose_label (m->purpose);
      cells[6] = notes->str;

      sot_pdf_set_font (cr, 8.5, FALSE);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        rows = MAX (rows, count_lines (cr, cells[c] ? cells[c] : "", columns[c].width - 6));

      ensure_space (&doc, rows * 10.5 + 8);

      if (flagged)
        {
          cairo_set_source_rgb (cr, 1.0, 0.9, 0.88);
          cairo_rectangle (cr, MARGIN, doc.y, PAGE_WIDTH - 2 * MARGIN, rows * 10.5 + 6);
          cairo_fill (cr);
        }

      if (m->superseded)
        cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      else if (flagged)
        cairo_set_source_rgb (cr, 0.65, 0.05, 0.05);
      else
        cairo_set_source_rgb (cr, 0, 0, 0);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          sot_pdf_draw_wrapped (cr, x + 3, doc.y + 11, columns[c].width - 6, 10.5,
                        cells[c] ? cells[c] : "", 0);
          x += columns[c].width;
        }

      if (m->superseded)
        {
          /* Struck through, still legible: a superseded entry is never removed. */
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, MARGIN, doc.y + 8);
          cairo_line_to (cr, MARGIN + 410, doc.y + 8);
          cairo_stroke (cr);
        }

      doc.y += rows * 10.5 + 6;
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, doc.y);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN, doc.y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  /* Breaks */
  doc.y += 22;
  ensure_space (&doc, 40);
  sot_pdf_set_font (cr, 12, TRUE);
  if (breaks->len == 0)
    {
      cairo_set_source_rgb (cr, 0.1, 0.45, 0.2);
      cairo_move_to (cr, MARGIN, doc.y);
      cairo_show_text (cr, _("No break found in the chain"));
      doc.y += 16;
    }
  else
    {
      cairo_set_source_rgb (cr, 0.65, 0.05, 0.05);
      cairo_move_to (cr, MARGIN, doc.y);
      cairo_show_text (cr, g_dngettext (GETTEXT_PACKAGE, "Break in continuity",
                                        "Breaks in continuity", breaks->len));
      doc.y += 18;
      sot_pdf_set_font (cr, 9.5, FALSE);
      for (guint b = 0; b < breaks->len; b++)
        {
          SotContinuityBreak *brk = g_ptr_array_index (breaks, b);
          guint n;

          ensure_space (&doc, 28);
          cairo_set_source_rgb (cr, 0.65, 0.05, 0.05);
          cairo_move_to (cr, MARGIN, doc.y);
          cairo_show_text (cr, "•");
          n = sot_pdf_draw_wrapped (cr, MARGIN + 12, doc.y, PAGE_WIDTH - 2 * MARGIN - 12, 13,
                            brk->message, 0);
          doc.y += 13 * n + 4;
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);

  draw_footer (&doc);
  cairo_show_page (cr);
  cairo_destroy (cr);

  ok = sot_pdf_finish_to_file (surface, bytes, path, error);
  cairo_surface_destroy (surface);

  if (!ok)
    return FALSE;

  return sot_store_record_consult (store, SOT_ENTITY_EXHIBIT, exhibit->uuid,
                                   "continuity record PDF", error);
}

#define LABEL_COLUMNS 2
#define LABEL_ROWS    4

static void
draw_label (cairo_t          *cr,
            const SotExhibit *exhibit,
            const char       *crime_reference,
            double            x,
            double            y,
            double            w,
            double            h,
            gboolean          training)
{
  g_autofree char *seized = display_time (exhibit->seized_at);
  g_autofree char *alias = g_strdup_printf (_("Alias %s"), exhibit->alias);
  double ty = y + 30;
  const double pad = 10;
  const double inner = w - 2 * pad;

  /* Cut lines */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  {
    const double dash[] = { 3, 3 };
    cairo_set_dash (cr, dash, 2, 0);
  }
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  sot_pdf_set_font (cr, 20, TRUE);
  cairo_move_to (cr, x + pad, ty);
  cairo_show_text (cr, exhibit->reference);

  sot_pdf_set_font (cr, 8, FALSE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, x + w - pad - sot_pdf_text_width (cr, alias), ty);
  cairo_show_text (cr, alias);
  if (crime_reference != NULL)
    {
      cairo_move_to (cr, x + w - pad - sot_pdf_text_width (cr, crime_reference), ty - 12);
      cairo_show_text (cr, crime_reference);
    }
  if (training)
    {
      sot_pdf_set_font (cr, 7, TRUE);
      cairo_set_source_rgb (cr, 0.7, 0.1, 0.1);
      cairo_move_to (cr, x + pad, y + 11);
      cairo_show_text (cr, _("FICTIONAL — TRAINING ONLY"));
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  ty += 16;
  sot_pdf_set_font (cr, 9, TRUE);
  ty += 11 * sot_pdf_draw_wrapped (cr, x + pad, ty, inner, 11, exhibit->description, 3);
  ty += 4;

  sot_pdf_set_font (cr, 8, FALSE);
  {
    g_autofree char *line1 = g_strdup_printf (_("Seized by %s"), exhibit->seized_by);
    g_autofree char *line2 = g_strdup_printf (_("At %s"), seized);
    g_autofree char *line3 = exhibit->seized_place
                             ? g_strdup_printf (_("Place %s"), exhibit->seized_place) : NULL;
    g_autofree char *line4 = g_strdup_printf (_("Seal or bag number %s"),
                                              exhibit->seal_number ? exhibit->seal_number : "—");

    ty += 10 * sot_pdf_draw_wrapped (cr, x + pad, ty, inner, 10, line1, 1);
    ty += 10 * sot_pdf_draw_wrapped (cr, x + pad, ty, inner, 10, line2, 1);
    if (line3 != NULL)
      ty += 10 * sot_pdf_draw_wrapped (cr, x + pad, ty, inner, 10, line3, 1);
    ty += 10 * sot_pdf_draw_wrapped (cr, x + pad, ty, inner, 10, line4, 1);
  }

  /* Signature spaces: each handler signs the label as the exhibit passes. */
  sot_pdf_set_font (cr, 7.5, FALSE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  for (int i = 0; i < 2; i++)
    {
      double ly = y + h - 30 + i * 16;

      if (ly < ty + 4)
        continue;
      cairo_move_to (cr, x + pad, ly);
      cairo_show_text (cr, _("Signed / date / time"));
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, x + pad + 78, ly + 1);
      cairo_line_to (cr, x + w - pad, ly + 1);
      cairo_stroke (cr);
    }
}

gboolean
sot_forensic_pdf_write_labels (SotStore   *store,
                               GPtrArray  *exhibits,
                               const char *path,
                               GError    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  const double w = (PAGE_WIDTH - 2 * MARGIN) / LABEL_COLUMNS;
  const double h = (PAGE_HEIGHT - 2 * MARGIN) / LABEL_ROWS;
  gboolean training;
  gboolean ok;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (exhibits != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (exhibits->len == 0)
    {
      g_set_error_literal (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID,
                           _("There are no exhibits to label"));
      return FALSE;
    }

  training = sot_store_get_training (store);
  surface = cairo_pdf_surface_create_for_stream (sot_pdf_write_to_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Exhibit labels"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Soteria Workbench");
  cr = cairo_create (surface);

  for (guint i = 0; i < exhibits->len; i++)
    {
      const SotExhibit *exhibit = g_ptr_array_index (exhibits, i);
      g_autofree char *crime_reference = investigation_reference (store, exhibit->investigation_id);
      guint slot = i % (LABEL_COLUMNS * LABEL_ROWS);

      if (i > 0 && slot == 0)
        cairo_show_page (cr);

      draw_label (cr, exhibit, crime_reference,
                  MARGIN + (slot % LABEL_COLUMNS) * w, MARGIN + (slot / LABEL_COLUMNS) * h,
                  w, h, training);
    }

  cairo_show_page (cr);
  cairo_destroy (cr);

  ok = sot_pdf_finish_to_file (surface, bytes, path, error);
  cairo_surface_destroy (surface);

  if (!ok)
    return FALSE;

  /* Each label printed is a consultation of its exhibit, recorded as one. */
  for (guint i = 0; i < exhibits->len; i++)
    {
      const SotExhibit *exhibit = g_ptr_array_index (exhibits, i);

      if (!sot_store_record_consult (store, SOT_ENTITY_EXHIBIT, exhibit->uuid,
                                     "exhibit label PDF", error))
        return FALSE;
    }

  return TRUE;
}
