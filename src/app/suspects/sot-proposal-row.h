/* sot-proposal-row.h: a checklist item proposed for the investigation, to accept or dismiss
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-checklist.h"

G_BEGIN_DECLS

#define SOT_TYPE_PROPOSAL_ROW (sot_proposal_row_get_type ())
G_DECLARE_FINAL_TYPE (SotProposalRow, sot_proposal_row, SOT, PROPOSAL_ROW, AdwActionRow)

/* A row for @proposal whose buttons activate suspect-page.accept-proposal and
 * suspect-page.dismiss-proposal with its uuid. */
GtkWidget            *sot_proposal_row_new          (SotChecklistProposal *proposal);

/* Returns: (transfer none): the proposal shown. */
SotChecklistProposal *sot_proposal_row_get_proposal (SotProposalRow       *self);

G_END_DECLS
