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

/**
 * sot_victim_page_open_advice_point_dialog:
 * Presents the "Add Advice Point" dialog for the early advice @advice_uuid (what the advice
 * row's add button does): the text of the point and a drop-down of the case's lines of enquiry
 * by title, "Not linked" first. The "add" response records the point.
 * Returns: (transfer none) (nullable): the dialog, an #AdwMessageDialog, or %NULL without a case.
 */
GtkWidget        *sot_victim_page_open_advice_point_dialog (SotVictimPage *self,
                                                            const char    *advice_uuid);

/**
 * sot_victim_page_open_isva_dialog:
 * Presents the "Edit ISVA" dialog for @isva_uuid (what the ISVA row's edit button does):
 * service, adviser's name and consent to share. The "save" response saves them.
 * Returns: (transfer none) (nullable): the dialog, an #AdwMessageDialog, or %NULL without a
 * case or when the case has no such ISVA.
 */
GtkWidget        *sot_victim_page_open_isva_dialog        (SotVictimPage    *self,
                                                           const char       *isva_uuid);

G_END_DECLS
