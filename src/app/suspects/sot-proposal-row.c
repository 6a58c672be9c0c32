/* sot-proposal-row.c: a checklist item proposed for the investigation, to accept or dismiss
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-proposal-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-proposal-row.h"

struct _SotProposalRow
{
  AdwActionRow          parent_instance;

  SotChecklistProposal *proposal;
};

G_DEFINE_FINAL_TYPE (SotProposalRow, sot_proposal_row, ADW_TYPE_ACTION_ROW)

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *uuid)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
  return button;
}

static void
sot_proposal_row_dispose (GObject *object)
{
  SotProposalRow *self = SOT_PROPOSAL_ROW (object);

  g_clear_object (&self->proposal);

  G_OBJECT_CLASS (sot_proposal_row_parent_class)->dispose (object);
}

static void
sot_proposal_row_class_init (SotProposalRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sot_proposal_row_dispose;
}

static void
sot_proposal_row_init (SotProposalRow *self)
{
}

GtkWidget *
sot_proposal_row_new (SotChecklistProposal *proposal)
{
  const char *uuid = sot_checklist_proposal_get_uuid (proposal);
  SotProposalRow *self;
  GtkWidget *accept;

  g_return_val_if_fail (SOT_IS_CHECKLIST_PROPOSAL (proposal), NULL);

  self = g_object_new (SOT_TYPE_PROPOSAL_ROW, NULL);
  self->proposal = g_object_ref (proposal);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 sot_checklist_proposal_get_title (proposal));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               sot_checklist_proposal_get_description (proposal));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);

  adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                             action_button (_("_Dismiss…"), "suspect-page.dismiss-proposal", uuid));
  accept = action_button (_("_Accept"), "suspect-page.accept-proposal", uuid);
  gtk_widget_add_css_class (accept, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), accept);

  return GTK_WIDGET (self);
}

SotChecklistProposal *
sot_proposal_row_get_proposal (SotProposalRow *self)
{
  g_return_val_if_fail (SOT_IS_PROPOSAL_ROW (self), NULL);

  return self->proposal;
}
