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
  cairo_move_to (cr, PAGE_WIDTH - MARGIN - sot_pdf_text_width (cr, page),
                 PAGE_HEIGHT - MARGIN + 18);
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

/* Starts a PDF of A4 pages written into @bytes; finished by end_pdf(). */
static cairo_t *
begin_pdf (GByteArray *bytes,
           const char *title)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (sot_pdf_write_to_bytes, bytes, PAGE_WIDTH,
                                                 PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Soteria Workbench");
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);

  return cr;
}

/* Finishes the PDF drawn on @cr (its last page shown) and writes it to @path. */
static gboolean
end_pdf (cairo_t     *cr,
         GByteArray  *bytes,
         const char  *path,
         GError     **error)
{
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  gboolean ok;

  cairo_destroy (cr);
  ok = sot_pdf_finish_to_file (surface, bytes, path, error);
  cairo_surface_destroy (surface);

  return ok;
}

/* Columns of the continuity table. */
typedef struct {
  const char *title;
  double      width;
} Column;

static const Column columns[] = {
  { N_("#"), 18 },
  { N_("Time"), 78 },
  { N_("From"), 86 },
  { N_("To"), 86 },
  { N_("Place"), 72 },
  { N_("Purpose"), 70 },
  { N_("Notes"), PAGE_WIDTH - 2 * MARGIN - 410 },
};

#define N_COLUMNS G_N_ELEMENTS (columns)

/* The title line, the exhibit reference with its alias, and the rule under them. */
static void
draw_continuity_title (Doc              *doc,
                       SotExhibit       *exhibit,
                       const char       *crime_reference)
{
  cairo_t *cr = doc->cr;
  g_autofree char *alias = g_strdup_printf (_("file name alias %s"), sot_exhibit_get_alias (exhibit));
  double reference_width;

  sot_pdf_set_font (cr, 10, TRUE);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, MARGIN, doc->y);
  cairo_show_text (cr, _("CONTINUITY RECORD"));
  if (crime_reference != NULL)
    {
      g_autofree char *crime = g_strdup_printf (_("Crime reference %s"), crime_reference);

      cairo_move_to (cr, PAGE_WIDTH - MARGIN - sot_pdf_text_width (cr, crime), doc->y);
      cairo_show_text (cr, crime);
    }
  doc->y += 30;

  sot_pdf_set_font (cr, 24, TRUE);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, MARGIN, doc->y);
  cairo_show_text (cr, sot_exhibit_get_reference (exhibit));
  reference_width = sot_pdf_text_width (cr, sot_exhibit_get_reference (exhibit));

  sot_pdf_set_font (cr, 10, FALSE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN + reference_width + 12, doc->y);
  cairo_show_text (cr, alias);

  doc->y += 12;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, MARGIN, doc->y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, doc->y);
  cairo_stroke (cr);
  doc->y += 18;
}

/* Returns: (transfer full): when and where the exhibit was seized. */
static char *
describe_seizure (SotExhibit       *exhibit)
{
  char *seized = display_time (sot_exhibit_get_seized_at (exhibit));

  if (sot_exhibit_get_seized_place (exhibit) != NULL)
    {
      char *with_place = g_strdup_printf ("%s, %s", seized, sot_exhibit_get_seized_place (exhibit));

      g_free (seized);
      return with_place;
    }

  return seized;
}

/* Returns: (transfer full) (nullable): the sample type's label and whom it was taken from. */
static char *
describe_sample (SotExhibit           *exhibit,
                 SotForensicCatalogue *catalogue)
{
  SotForensicSample *s;

  if (sot_exhibit_get_sample_type (exhibit) == NULL)
    return NULL;

  s = catalogue != NULL ? sot_forensic_catalogue_lookup (catalogue, sot_exhibit_get_sample_type (exhibit)) : NULL;

  return g_strdup_printf ("%s%s%s", s != NULL ? sot_forensic_sample_get_label (s)
                                              : sot_exhibit_get_sample_type (exhibit),
                          sot_exhibit_get_sampled_from (exhibit) != NULL ? " · " : "",
                          sot_exhibit_get_sampled_from (exhibit) != NULL
                          ? (g_str_equal (sot_exhibit_get_sampled_from (exhibit), "suspect")
                             ? _("from the suspect") : _("from the complainant"))
                          : "");
}

/* Returns: (transfer full) (nullable): the laboratory, when it had the exhibit and its result. */
static char *
describe_lab (SotExhibit       *exhibit)
{
  g_autofree char *when = NULL;

  if (sot_exhibit_get_lab_submitted_at (exhibit) == NULL && sot_exhibit_get_lab_name (exhibit) == NULL)
    return NULL;

  when = display_time (sot_exhibit_get_lab_submitted_at (exhibit));

  return g_strdup_printf ("%s%s%s%s%s", sot_exhibit_get_lab_name (exhibit) ? sot_exhibit_get_lab_name (exhibit) : "",
                          when ? " · " : "", when ? when : "",
                          sot_exhibit_get_lab_result (exhibit) ? " · " : "",
                          sot_exhibit_get_lab_result (exhibit) ? sot_exhibit_get_lab_result (exhibit) : "");
}

/* Returns: (transfer full) (nullable): the retention decision and its note. */
static char *
describe_retention (SotExhibit       *exhibit)
{
  const char *note = sot_exhibit_get_retention_note (exhibit);

  if (sot_exhibit_get_retention (exhibit) == NULL)
    return NULL;

  return g_strdup_printf ("%s%s%s",
                          sot_exhibit_retention_label (sot_exhibit_get_retention (exhibit)),
                          note != NULL ? " · " : "", note != NULL ? note : "");
}

/* The "Label: value" fields of the header: seizure, seal, sample, holder, laboratory. */
static void
draw_exhibit_fields (Doc                  *doc,
                     SotExhibit           *exhibit,
                     SotForensicCatalogue *catalogue)
{
  g_autofree char *seized = describe_seizure (exhibit);
  g_autofree char *sample = describe_sample (exhibit, catalogue);
  g_autofree char *lab = describe_lab (exhibit);
  g_autofree char *retention = describe_retention (exhibit);
  g_autofree char *holder = NULL;

  holder = g_strdup_printf ("%s%s%s", sot_exhibit_get_current_holder (exhibit) ? sot_exhibit_get_current_holder (exhibit) : "",
                            sot_exhibit_get_current_place (exhibit) ? ", " : "",
                            sot_exhibit_get_current_place (exhibit) ? sot_exhibit_get_current_place (exhibit) : "");

  draw_field (doc, _("Description"), sot_exhibit_get_description (exhibit));
  draw_field (doc, _("Seized by"), sot_exhibit_get_seized_by (exhibit));
  draw_field (doc, _("Seized at"), seized);
  draw_field (doc, _("Seal or bag number"), sot_exhibit_get_seal_number (exhibit));
  draw_field (doc, _("Sample type"), sample);
  draw_field (doc, _("Now with"), holder);
  draw_field (doc, _("Laboratory"), lab);
  draw_field (doc, _("Retention"), retention);
  doc->y += 12;
}

/* The "Continuity" heading and the shaded row of column titles. */
static void
draw_table_heading (Doc *doc)
{
  cairo_t *cr = doc->cr;
  double x = MARGIN;

  sot_pdf_set_font (cr, 12, TRUE);
  ensure_space (doc, 60);
  cairo_move_to (cr, MARGIN, doc->y);
  cairo_show_text (cr, _("Continuity"));
  doc->y += 8;

  cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
  cairo_rectangle (cr, MARGIN, doc->y, PAGE_WIDTH - 2 * MARGIN, 16);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  sot_pdf_set_font (cr, 8.5, TRUE);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      cairo_move_to (cr, x + 3, doc->y + 11.5);
      cairo_show_text (cr, _(columns[c].title));
      x += columns[c].width;
    }
  doc->y += 16;
}

/* The number of lines the tallest of @cells takes, in the table's font. */
static guint
row_lines (cairo_t           *cr,
           const char * const cells[N_COLUMNS])
{
  guint rows = 1;

  sot_pdf_set_font (cr, 8.5, FALSE);
  for (guint c = 0; c < N_COLUMNS; c++)
    rows = MAX (rows, count_lines (cr, cells[c] ? cells[c] : "", columns[c].width - 6));

  return rows;
}

static void
draw_cells (Doc               *doc,
            const char * const cells[N_COLUMNS])
{
  double x = MARGIN;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      sot_pdf_draw_wrapped (doc->cr, x + 3, doc->y + 11, columns[c].width - 6, 10.5,
                    cells[c] ? cells[c] : "", 0);
      x += columns[c].width;
    }
}

/* Moves below a row of @rows lines and rules it off. */
static void
end_row (Doc   *doc,
         guint  rows)
{
  cairo_t *cr = doc->cr;

  doc->y += rows * 10.5 + 6;
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, doc->y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, doc->y);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

/* Row 0: the seizure, where the chain starts. */
static void
draw_seizure_row (Doc              *doc,
                  SotExhibit       *exhibit)
{
  g_autofree char *when = display_time (sot_exhibit_get_seized_at (exhibit));
  const char *cells[N_COLUMNS] = {
    "0", when, "—", sot_exhibit_get_seized_by (exhibit), sot_exhibit_get_seized_place (exhibit), _("Seized"), NULL,
  };
  guint rows = row_lines (doc->cr, cells);

  draw_cells (doc, cells);
  end_row (doc, rows);
}

static gboolean
movement_has_break (SotExhibitMovement *m,
                    GPtrArray                *breaks)
{
  gboolean flagged = FALSE;

  for (guint b = 0; b < breaks->len; b++)
    {
      SotContinuityBreak *brk = g_ptr_array_index (breaks, b);

      if (g_strcmp0 (brk->movement_uuid, sot_exhibit_movement_get_uuid (m)) == 0)
        flagged = TRUE;
    }

  return flagged;
}

static void
append_note (GString    *notes,
             const char *note)
{
  if (notes->len > 0)
    g_string_append (notes, " ");
  g_string_append (notes, note);
}

/* Returns: (transfer full): the entry's note, followed by what a correction, a superseded
 * entry or a break needs said about it. */
static char *
movement_notes (SotExhibitMovement *m,
                gboolean                  flagged)
{
  GString *notes = g_string_new (sot_exhibit_movement_get_note (m));

  if (sot_exhibit_movement_get_corrects_uuid (m) != NULL)
    {
      g_autofree char *correction = g_strdup_printf (_("Correction: %s"), sot_exhibit_movement_get_correction_reason (m));

      append_note (notes, correction);
    }
  if (sot_exhibit_movement_get_superseded (m))
    append_note (notes, _("Superseded by the correction below."));
  if (flagged)
    append_note (notes, _("BREAK: see below."));

  return g_string_free (notes, FALSE);
}

/* One entry of the chain: shaded and red when a break is found at it, grey and struck
 * through when a correction superseded it. */
static void
draw_movement_row (Doc                      *doc,
                   SotExhibitMovement *m,
                   gboolean                  flagged)
{
  cairo_t *cr = doc->cr;
  g_autofree char *number = g_strdup_printf ("%d", sot_exhibit_movement_get_position (m));
  g_autofree char *when = display_time (sot_exhibit_movement_get_moved_at (m));
  g_autofree char *notes = movement_notes (m, flagged);
  const char *cells[N_COLUMNS] = {
    number, when, sot_exhibit_movement_get_from_holder (m), sot_exhibit_movement_get_to_holder (m), sot_exhibit_movement_get_place (m),
    sot_movement_purpose_label (sot_exhibit_movement_get_purpose (m)), notes,
  };
  guint rows = row_lines (cr, cells);

  ensure_space (doc, rows * 10.5 + 8);

  if (flagged)
    {
      cairo_set_source_rgb (cr, 1.0, 0.9, 0.88);
      cairo_rectangle (cr, MARGIN, doc->y, PAGE_WIDTH - 2 * MARGIN, rows * 10.5 + 6);
      cairo_fill (cr);
    }

  if (sot_exhibit_movement_get_superseded (m))
    cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  else if (flagged)
    cairo_set_source_rgb (cr, 0.65, 0.05, 0.05);
  else
    cairo_set_source_rgb (cr, 0, 0, 0);

  draw_cells (doc, cells);

  if (sot_exhibit_movement_get_superseded (m))
    {
      /* Struck through, still legible: a superseded entry is never removed. */
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, MARGIN, doc->y + 8);
      cairo_line_to (cr, MARGIN + 410, doc->y + 8);
      cairo_stroke (cr);
    }

  end_row (doc, rows);
}

/* The breaks the chain check found, or a line saying there are none. */
static void
draw_breaks (Doc       *doc,
             GPtrArray *breaks)
{
  cairo_t *cr = doc->cr;

  doc->y += 22;
  ensure_space (doc, 40);
  sot_pdf_set_font (cr, 12, TRUE);
  if (breaks->len == 0)
    {
      cairo_set_source_rgb (cr, 0.1, 0.45, 0.2);
      cairo_move_to (cr, MARGIN, doc->y);
      cairo_show_text (cr, _("No break found in the chain"));
      doc->y += 16;
    }
  else
    {
      cairo_set_source_rgb (cr, 0.65, 0.05, 0.05);
      cairo_move_to (cr, MARGIN, doc->y);
      cairo_show_text (cr, g_dngettext (GETTEXT_PACKAGE, "Break in continuity",
                                        "Breaks in continuity", breaks->len));
      doc->y += 18;
      sot_pdf_set_font (cr, 9.5, FALSE);
      for (guint b = 0; b < breaks->len; b++)
        {
          SotContinuityBreak *brk = g_ptr_array_index (breaks, b);
          guint n;

          ensure_space (doc, 28);
          cairo_set_source_rgb (cr, 0.65, 0.05, 0.05);
          cairo_move_to (cr, MARGIN, doc->y);
          cairo_show_text (cr, "•");
          n = sot_pdf_draw_wrapped (cr, MARGIN + 12, doc->y, PAGE_WIDTH - 2 * MARGIN - 12, 13,
                            brk->message, 0);
          doc->y += 13 * n + 4;
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
}

gboolean
sot_forensic_pdf_write_continuity (SotStore              *store,
                                   SotExhibit            *exhibit,
                                   SotForensicCatalogue  *catalogue,
                                   const char            *path,
                                   GError               **error)
{
  g_autoptr(GListModel) movements = NULL;
  g_autoptr(GPtrArray) breaks = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *crime_reference = NULL;
  g_autofree char *footer = NULL;
  Doc doc = { 0 };

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (exhibit != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(movements = sot_exhibit_list_movements (store, exhibit, error)) ||
      !(breaks = sot_exhibit_check_continuity (store, exhibit, catalogue, error)))
    return FALSE;

  crime_reference = investigation_reference (store, sot_exhibit_get_investigation_id (exhibit));
  footer = make_footer (store);

  doc.cr = begin_pdf (bytes, sot_exhibit_get_reference (exhibit));
  doc.page = 1;
  doc.y = MARGIN + 10;
  doc.footer = footer;

  draw_continuity_title (&doc, exhibit, crime_reference);
  draw_exhibit_fields (&doc, exhibit, catalogue);
  draw_table_heading (&doc);
  draw_seizure_row (&doc, exhibit);
  for (guint i = 0; i < g_list_model_get_n_items (movements); i++)
    {
      g_autoptr(SotExhibitMovement) m = g_list_model_get_item (movements, i);

      draw_movement_row (&doc, m, movement_has_break (m, breaks));
    }
  draw_breaks (&doc, breaks);

  draw_footer (&doc);
  cairo_show_page (doc.cr);

  if (!end_pdf (doc.cr, bytes, path, error))
    return FALSE;

  return sot_store_record_consult (store, SOT_ENTITY_EXHIBIT, sot_exhibit_get_uuid (exhibit),
                                   "continuity record PDF", error);
}

#define LABEL_COLUMNS 2
#define LABEL_ROWS    4

static void
draw_label (cairo_t          *cr,
            SotExhibit       *exhibit,
            const char       *crime_reference,
            double            x,
            double            y,
            double            w,
            double            h,
            gboolean          training)
{
  g_autofree char *seized = display_time (sot_exhibit_get_seized_at (exhibit));
  g_autofree char *alias = g_strdup_printf (_("Alias %s"), sot_exhibit_get_alias (exhibit));
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
  cairo_show_text (cr, sot_exhibit_get_reference (exhibit));

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
  ty += 11 * sot_pdf_draw_wrapped (cr, x + pad, ty, inner, 11,
                                   sot_exhibit_get_description (exhibit), 3);
  ty += 4;

  sot_pdf_set_font (cr, 8, FALSE);
  {
    g_autofree char *line1 = g_strdup_printf (_("Seized by %s"), sot_exhibit_get_seized_by (exhibit));
    g_autofree char *line2 = g_strdup_printf (_("At %s"), seized);
    g_autofree char *line3 = sot_exhibit_get_seized_place (exhibit)
                             ? g_strdup_printf (_("Place %s"), sot_exhibit_get_seized_place (exhibit)) : NULL;
    g_autofree char *line4 = g_strdup_printf (_("Seal or bag number %s"),
                                              sot_exhibit_get_seal_number (exhibit) ? sot_exhibit_get_seal_number (exhibit) : "—");

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

/* Each label printed is a consultation of its exhibit, recorded as one: all the rows or, when
 * one cannot be written, none. */
static gboolean
record_label_consults (SotStore   *store,
                       GListModel *exhibits,
                       GError    **error)
{
  if (!sot_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (exhibits); i++)
    {
      g_autoptr(SotExhibit) exhibit = g_list_model_get_item (exhibits, i);

      if (!sot_store_record_consult (store, SOT_ENTITY_EXHIBIT, sot_exhibit_get_uuid (exhibit),
                                     "exhibit label PDF", error))
        {
          sot_store_rollback (store);
          return FALSE;
        }
    }

  return sot_store_commit (store, error);
}

gboolean
sot_forensic_pdf_write_labels (SotStore   *store,
                               GListModel *exhibits,
                               const char *path,
                               GError    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_t *cr;
  const double w = (PAGE_WIDTH - 2 * MARGIN) / LABEL_COLUMNS;
  const double h = (PAGE_HEIGHT - 2 * MARGIN) / LABEL_ROWS;
  gboolean training;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (exhibits), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_list_model_get_n_items (exhibits) == 0)
    return sot_set_invalid (error, _("There are no exhibits to label"));

  training = sot_store_get_training (store);
  cr = begin_pdf (bytes, _("Exhibit labels"));

  for (guint i = 0; i < g_list_model_get_n_items (exhibits); i++)
    {
      g_autoptr(SotExhibit) exhibit = g_list_model_get_item (exhibits, i);
      g_autofree char *crime_reference =
        investigation_reference (store, sot_exhibit_get_investigation_id (exhibit));
      guint slot = i % (LABEL_COLUMNS * LABEL_ROWS);

      if (i > 0 && slot == 0)
        cairo_show_page (cr);

      draw_label (cr, exhibit, crime_reference,
                  MARGIN + (slot % LABEL_COLUMNS) * w, MARGIN + (slot / LABEL_COLUMNS) * h,
                  w, h, training);
    }

  cairo_show_page (cr);

  if (!end_pdf (cr, bytes, path, error))
    return FALSE;

  return record_label_consults (store, exhibits, error);
}
