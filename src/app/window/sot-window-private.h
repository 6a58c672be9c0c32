/* sot-window-private.h: the main window's insides: what its files share and what the widget tests may reach
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-due-view.h"
#include "sot-forensics-page.h"
#include "sot-investigation.h"
#include "sot-investigation-list.h"
#include "sot-overview-page.h"
#include "sot-suspect-page.h"
#include "sot-timeline-page.h"
#include "sot-victim-page.h"
#include "sot-window.h"

G_BEGIN_DECLS

/* What the window's files share (sot-window.c, sot-window-actions.c); not for other widgets. */

typedef enum {
  SORT_REPORT_DATE,
  SORT_NEXT_DEADLINE,
  SORT_CRIME_REFERENCE,
  SORT_SUSPECT_FOCUS,
} SortOrder;

struct _SotWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GtkWidget            *training_banner;
  GtkMenuButton        *clock_button;
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *sort_dropdown;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  GtkStack             *content_stack;
  GtkButton            *edit_button;
  AdwViewSwitcherTitle *switcher_title;
  SotOverviewPage      *overview_page;
  AdwViewStack         *view_stack;
  GtkCheckButton       *repeat_check;
  SotSuspectPage       *suspect_page;
  SotForensicsPage     *forensics_page;
  SotVictimPage        *victim_page;
  SotTimelinePage      *timeline_page;
  GtkWidget            *due_view;
  GtkWidget            *filter_box;
  GtkToggleButton      *due_button;
  AdwWindowTitle       *sidebar_title;

  /* Context */
  SotStore             *store;
  GSettings            *settings;

  /* The list: investigations → filter (pending deletions, status, search) → sort → selection. */
  SotInvestigationList *investigations;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkSingleSelection   *selection;
  GtkCustomFilter      *pending_filter;
  GtkCustomFilter      *status_filter;
  GtkCustomFilter      *repeat_filter;
  GtkStringFilter      *search_filter;
  GtkCustomSorter      *sorter;
  SortOrder             sort_order;
  const char           *status;           /* shown status, or NULL for all */

  /* Per-case figures from the suspect-focus core, refreshed from an idle after changes. */
  GHashTable           *focus;             /* uuid → SotSuspectFocus */
  GHashTable           *repeat_cases;      /* set of uuids with a repeat suspect */
  guint                 refresh_source;
  gboolean              repeat_only;

  /* Deleted, hidden and waiting for their toast to go: uuid → SotInvestigation. */
  GHashTable           *pending_deletions;

  SotInvestigation     *current;
  GBinding             *title_binding;
  GBinding             *subtitle_binding;
  char                 *select_when_listed;  /* uuid of a new case to select once filtered */
  guint                 select_source;
};

/* Shows @investigation in the content pane (%NULL: none). */
void                _sot_window_open_investigation       (SotWindow        *self,
                                                          SotInvestigation *investigation);
/* Shows the list, its empty state or "no results", as the list now holds. */
void                _sot_window_update_list_state        (SotWindow        *self);
/* Selects the case waiting in select_when_listed once the list holds it. */
void                _sot_window_queue_select_when_listed (SotWindow        *self);
/* Erases a case whose deletion was not undone; @closing when the window is going. */
void                _sot_window_erase                    (SotWindow        *self,
                                                          SotInvestigation *investigation,
                                                          gboolean          closing);
/* Tells of @message in a toast (escaped: it may hold user text). */
void                _sot_window_show_toast               (SotWindow        *self,
                                                          const char       *message);
/* Shows @toast (a progress toast the caller dismisses, for instance). */
void                _sot_window_add_toast                (SotWindow        *self,
                                                          AdwToast         *toast);
/* Shows the training clock and follows its moves (sot-window-clock.c). */
void                _sot_window_clock_init               (SotWindow        *self);
/* Installs the training clock's actions (sot-window-clock.c). */
void                _sot_window_class_init_clock         (GtkWidgetClass   *widget_class);
/* Installs the window's actions and their shortcuts (sot-window-actions.c). */
void                _sot_window_class_init_actions       (GtkWidgetClass   *widget_class);


/* Returns: (transfer none): the filtered list (search, status, pending deletions). */
GtkFilterListModel *sot_window_get_filter_model   (SotWindow *self);

/* Returns: (transfer none): the selection over the sorted, filtered list the view shows. */
GtkSingleSelection *sot_window_get_selection      (SotWindow *self);

/* Returns: (transfer none): the search entry of the list. */
GtkWidget          *sot_window_get_search_entry   (SotWindow *self);

/* Returns: (transfer none): the status filter and the sort order drop-downs. */
GtkWidget          *sot_window_get_status_filter  (SotWindow *self);
GtkWidget          *sot_window_get_sort_order     (SotWindow *self);

/* Returns: (transfer none): the "only cases with a repeat suspect" check button. */
GtkWidget          *sot_window_get_repeat_filter  (SotWindow *self);

/* Returns: (transfer none): the strip that says the cases are fictional. */
GtkWidget          *sot_window_get_training_banner (SotWindow *self);

/* Returns: (transfer none): the Overview page of the open investigation. */
SotOverviewPage    *sot_window_get_overview_page  (SotWindow *self);

/* Returns: (transfer none) (nullable): the open investigation. */
SotInvestigation   *sot_window_get_current        (SotWindow *self);

/* Returns: the name of the list's visible page: "list", "empty" or "no-results". */
const char         *sot_window_get_list_state     (SotWindow *self);

G_END_DECLS
