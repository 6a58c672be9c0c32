/* sot-pdf.c: what the core's PDFs share: A4 pages drawn with cairo, text wrapped by words
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core has no Pango: text is set with cairo's simple text API and wrapped here by
 * measuring words. That is enough for forms of short fields and for plain-language guides.
 */

#define G_LOG_DOMAIN "sot-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-pdf.h"
#include "sot-store.h"

cairo_status_t
sot_pdf_write_to_bytes (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

void
sot_pdf_set_font (cairo_t  *cr,
                  double    size,
                  gboolean  bold)
{
  cairo_select_font_face (cr, SOT_PDF_FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

double
sot_pdf_text_width (cairo_t    *cr,
                    const char *text)
{
  cairo_text_extents_t ext;

  cairo_text_extents (cr, text, &ext);
  return ext.x_advance;
}

/* Cuts a word wider than @width at character boundaries. */
static void
add_long_word (cairo_t    *cr,
               GPtrArray  *lines,
               GString    *line,
               const char *word,
               double      width)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize before = line->len;

      g_string_append_len (line, p, g_utf8_next_char (p) - p);
      if (sot_pdf_text_width (cr, line->str) > width && before > 0)
        {
          g_string_truncate (line, before);
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_assign (line, "");
          g_string_append_len (line, p, g_utf8_next_char (p) - p);
        }
    }
}

/* Returns: (transfer full): @text broken into lines no wider than @width with the current font. */
GPtrArray *
sot_pdf_wrap_text (cairo_t    *cr,
                   const char *text,
                   double      width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (paragraphs[p], " ", -1);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autofree char *candidate = NULL;

          if (*words[i] == '\0')
            continue;

          candidate = line->len > 0 ? g_strconcat (line->str, " ", words[i], NULL)
                                    : g_strdup (words[i]);

          if (sot_pdf_text_width (cr, candidate) <= width)
            {
              g_string_assign (line, candidate);
              continue;
            }

          if (line->len > 0)
            {
              g_ptr_array_add (lines, g_strdup (line->str));
              g_string_assign (line, "");
            }

          if (sot_pdf_text_width (cr, words[i]) <= width)
            g_string_assign (line, words[i]);
          else
            add_long_word (cr, lines, line, words[i], width);
        }

      g_ptr_array_add (lines, g_strdup (line->str));
    }

  return lines;
}

/* Draws @text wrapped in @width from the baseline at @y; returns the number of lines. */
guint
sot_pdf_draw_wrapped (cairo_t    *cr,
                      double      x,
                      double      y,
                      double      width,
                      double      leading,
                      const char *text,
                      guint       max_lines)
{
  g_autoptr(GPtrArray) lines = sot_pdf_wrap_text (cr, text, width);
  guint n = lines->len;

  if (max_lines > 0 && n > max_lines)
    n = max_lines;

  for (guint i = 0; i < n; i++)
    {
      cairo_move_to (cr, x, y + i * leading);
      if (max_lines > 0 && i + 1 == max_lines && lines->len > max_lines)
        {
          g_autofree char *cut = g_strconcat (g_ptr_array_index (lines, i), "…", NULL);
          cairo_show_text (cr, cut);
        }
      else
        cairo_show_text (cr, g_ptr_array_index (lines, i));
    }

  return n;
}

gboolean
sot_pdf_finish_to_file (cairo_surface_t  *surface,
                        GByteArray       *bytes,
                        const char       *path,
                        GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_FAILED,
                   _("Cannot make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  /* Written in one go: a failure leaves no half-written document behind. */
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  return TRUE;
}
