/* sot-forensics-page.h: the Forensics page of an open investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-forensic-catalogue.h"
#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_FORENSICS_PAGE (sot_forensics_page_get_type ())
G_DECLARE_FINAL_TYPE (SotForensicsPage, sot_forensics_page, SOT, FORENSICS_PAGE, AdwPreferencesPage)

/**
 * sot_forensics_page_new:
 * @store: the workspace (construct-only "store"): its records and its clock
 * @catalogue: (nullable): the forensic catalogue (construct-only "catalogue"); %NULL loads the
 *   active one (built-in, or the force's file)
 *
 * The window calculator against the investigation's offence time (refreshed once a minute
 * while the page is mapped), the exhibit register with each exhibit's continuity and breaks,
 * devices with the 24-hour flag, and third-party material requests.
 * Returns: (transfer floating): the page, showing nothing until an investigation is set.
 */
GtkWidget        *sot_forensics_page_new               (SotStore             *store,
                                                        SotForensicCatalogue *catalogue);

SotStore         *sot_forensics_page_get_store         (SotForensicsPage     *self);
/* Returns: (transfer none): the catalogue in use. */
SotForensicCatalogue *sot_forensics_page_get_catalogue (SotForensicsPage     *self);

/* Returns: (transfer none) (nullable): the investigation shown ("investigation" property). */
SotInvestigation *sot_forensics_page_get_investigation (SotForensicsPage     *self);
/* Shows @investigation (or nothing for %NULL) and follows its edits. */
void              sot_forensics_page_set_investigation (SotForensicsPage     *self,
                                                        SotInvestigation     *investigation);

G_END_DECLS
