/* sot-victim-page-private.h: what the Victim page's files share: its struct and helpers
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-victim-page.h"

G_BEGIN_DECLS

struct _SotVictimPage
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  AdwPreferencesGroup *victim_group;
  AdwComboRow        *victim_row;
  GtkStringList      *victim_labels;
  AdwActionRow       *enhanced_row;
  GtkSwitch          *enhanced_switch;
  AdwActionRow       *cadence_row;
  AdwExpanderRow     *history_row;
  GtkListBox         *deadlines_list;
  AdwPreferencesGroup *contacts_group;
  GtkListBox         *contacts_list;
  GtkListBox         *isva_list;
  AdwPreferencesGroup *letters_group;
  GtkListBox         *letters_list;
  GtkListBox         *cps_list;

  SotStore           *store;
  SotInvestigation   *investigation;
  gint64              victim_id;      /* the victim shown, 0 when the case has none */
  gint64              chosen_victim_id; /* the victim picked in the selector, kept on reload */
  GArray             *victim_ids;     /* gint64, in the order of the selector */
  GHashTable         *collapsed_advice; /* UUIDs of early advice whose points are folded */
  char               *agreed_channel;
  guint               agreed_frequency;
  GPtrArray          *history_rows;   /* rows added to history_row, to remove on reload */
  guint               reload_id;
  gboolean            loading;
};

/* Returns: the id of the investigation shown, 0 when none. */
gint64     sot_victim_page_case_id       (SotVictimPage  *self);
/* Returns: (transfer none) (nullable): the window the page is in. */
GtkWindow *sot_victim_page_parent_window (SotVictimPage  *self);
/* Tells of a failure in a dialog over the page's window. */
void       sot_victim_page_show_error    (SotVictimPage  *self,
                                          const char     *heading,
                                          const GError   *error);
/* Removes the rows of @list, keeping the placeholder. */
void       sot_victim_clear_list         (GtkListBox     *list);

/* sot-victim-page-cps.c: fills the CPS joint working list. */
void       sot_victim_page_load_cps      (SotVictimPage  *self,
                                          GError        **error);
/* sot-victim-page-cps.c: installs the actions of CPS joint working (victim.request-advice,
 * victim.charging-file, victim.record-decision, victim.add-action, victim.advice-given,
 * victim.add-point, victim.link-point, victim.action-done). */
void       sot_victim_page_install_cps_actions (GtkWidgetClass *widget_class);

G_END_DECLS
