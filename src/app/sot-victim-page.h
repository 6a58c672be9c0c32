/* sot-victim-page.h: the Victim page, Victims' Code rights, contact and CPS joint working
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_TYPE_VICTIM_PAGE (sot_victim_page_get_type ())
G_DECLARE_FINAL_TYPE (SotVictimPage, sot_victim_page, SOT, VICTIM_PAGE, AdwBin)

/* Returns: (transfer none): a new page writing through @store (construct-only "store"). */
GtkWidget        *sot_victim_page_new                     (SotStore         *store);

SotStore         *sot_victim_page_get_store               (SotVictimPage    *self);
/* Returns: (transfer none) (nullable): the investigation shown. */
SotInvestigation *sot_victim_page_get_investigation       (SotVictimPage    *self);
/* Shows @investigation (%NULL: none), and follows the store's changes. */
void              sot_victim_page_set_investigation       (SotVictimPage    *self,
                                                           SotInvestigation *investigation);

/**
 * sot_victim_page_open_log_contact_dialog:
 * Presents the "Log Contact" dialog (what the victim.log-contact action does). Every open
 * Right 6 deadline is ticked as covered to begin with; the "log" response records the contact.
 * Returns: (transfer none) (nullable): the dialog, an #AdwMessageDialog, or %NULL without a case.
 */
GtkWidget        *sot_victim_page_open_log_contact_dialog (SotVictimPage    *self);

G_END_DECLS
