/* sot-forensic-pdf.h: continuity records and exhibit labels as PDF (cairo, no display needed)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-exhibit.h"
#include "sot-forensic-catalogue.h"
#include "sot-store.h"

G_BEGIN_DECLS

/**
 * sot_forensic_pdf_write_continuity:
 * @catalogue: (nullable): for the sample type's label and the window check
 * @path: the PDF file to write (replaced whole, or left untouched on failure)
 *
 * Writes the continuity record of @exhibit on A4: a header with the exhibit reference, alias,
 * description, seizure and seal, then every continuity entry as recorded (corrections and the
 * entries they supersede shown as such), then the breaks the chain check finds. Producing it
 * is a consultation of the exhibit and is audited as one.
 * Returns: %TRUE on success, or %FALSE with @error set.
 */
gboolean sot_forensic_pdf_write_continuity (SotStore             *store,
                                            SotExhibit           *exhibit,
                                            SotForensicCatalogue *catalogue,
                                            const char           *path,
                                            GError              **error);

/**
 * sot_forensic_pdf_write_labels:
 * @exhibits: a #GListModel of the #SotExhibit to label
 * @path: the PDF file to write
 *
 * Writes exhibit labels, eight to an A4 page (two columns, four rows), each with the
 * reference, alias, crime reference, description, seizure, seal number and spaces for
 * signatures. Audited as a consultation of each exhibit.
 * Returns: %TRUE on success, or %FALSE with @error set.
 */
gboolean sot_forensic_pdf_write_labels     (SotStore             *store,
                                            GListModel           *exhibits,
                                            const char           *path,
                                            GError              **error);

G_END_DECLS
