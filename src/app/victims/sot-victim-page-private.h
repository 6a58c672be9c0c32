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
  AdwComboRow        *language_row;
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
  char               *victim_uuid;    /* the same, %NULL when the case has none */
  gint64              chosen_victim_id; /* the victim picked in the selector, kept on reload */
  GArray             *victim_ids;     /* gint64, in the order of the selector */
  GHashTable         *collapsed_advice; /* UUIDs of early advice whose points are folded */
  char               *agreed_channel;
  guint               agreed_frequency;
  GPtrArray          *history_rows;   /* rows added to history_row, to remove on reload */
  guint               reload_id;
  char               *walkthrough_path; /* tests: where the walkthrough goes, without asking */
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

/* sot-victim-page-walkthrough.c: shows the language recorded for the victim shown. */
void       sot_victim_page_load_language (SotVictimPage  *self);
/* sot-victim-page-walkthrough.c: saves the language the user picks in the language row. */
void       sot_victim_page_init_language (SotVictimPage  *self);
/* sot-victim-page-walkthrough.c: installs victim-page.walkthrough, which saves the victim's
 * walkthrough PDF (in their recorded language) to a file the user picks. */
void       sot_victim_page_install_walkthrough_actions (GtkWidgetClass *widget_class);
/* For tests: victim-page.walkthrough writes to @path (%NULL: asks again) without a chooser. */
void       sot_victim_page_set_walkthrough_path (SotVictimPage *self,
                                                 const char    *path);

G_END_DECLS
