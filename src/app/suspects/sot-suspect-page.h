/* sot-suspect-page.h: the "Suspect focus" page of an investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-investigation.h"
#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_TYPE_SUSPECT_PAGE (sot_suspect_page_get_type ())
G_DECLARE_FINAL_TYPE (SotSuspectPage, sot_suspect_page, SOT, SUSPECT_PAGE, AdwBin)

/**
 * sot_suspect_page_new:
 * The page over @store (construct-only property "store"). Show an investigation with
 * sot_suspect_page_set_investigation() (property "investigation"). The page emits
 * ::open-investigation (const char *uuid) when the officer opens another case of a repeat
 * suspect; the window opens it.
 */
GtkWidget        *sot_suspect_page_new               (SotStore         *store);

SotStore         *sot_suspect_page_get_store         (SotSuspectPage   *self);

/* Returns: (transfer none) (nullable): the investigation shown. */
SotInvestigation *sot_suspect_page_get_investigation (SotSuspectPage   *self);
void              sot_suspect_page_set_investigation (SotSuspectPage   *self,
                                                      SotInvestigation *investigation);

/* Returns: (transfer none): every line of enquiry of the investigation, unfiltered. */
GListModel       *sot_suspect_page_get_lines         (SotSuspectPage   *self);

G_END_DECLS
