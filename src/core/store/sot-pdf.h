/* sot-pdf.h: what the core's PDFs share: A4 pages drawn with cairo, text wrapped by words
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A4 in points. */
#define SOT_PDF_PAGE_WIDTH  595.276
#define SOT_PDF_PAGE_HEIGHT 841.890
#define SOT_PDF_FONT        "DejaVu Sans"

/* A cairo_write_func_t appending to the GByteArray @closure. */
cairo_status_t sot_pdf_write_to_bytes (void                *closure,
                                       const unsigned char *data,
                                       unsigned int         length);

/* Selects the document font at @size points, bold or not. */
void           sot_pdf_set_font       (cairo_t             *cr,
                                       double               size,
                                       gboolean             bold);

/* The advance of @text in the current font. */
double         sot_pdf_text_width     (cairo_t             *cr,
                                       const char          *text);

/* Returns: (transfer full): @text broken into lines no wider than @width with the current
 * font; a "\n" starts a new line. */
GPtrArray     *sot_pdf_wrap_text      (cairo_t             *cr,
                                       const char          *text,
                                       double               width);

/* Draws @text wrapped in @width from the baseline at @y, at most @max_lines (0: all), the
 * last cut with "…"; returns the number of lines drawn. */
guint          sot_pdf_draw_wrapped   (cairo_t             *cr,
                                       double               x,
                                       double               y,
                                       double               width,
                                       double               leading,
                                       const char          *text,
                                       guint                max_lines);

/* Finishes @surface and writes @bytes to @path in one go (mode 0600): a failure leaves no
 * half-written document behind. */
gboolean       sot_pdf_finish_to_file (cairo_surface_t     *surface,
                                       GByteArray          *bytes,
                                       const char          *path,
                                       GError             **error);

G_END_DECLS
