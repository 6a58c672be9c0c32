/* sot-suspect-page-private.h: what the files of the Suspect Focus page share
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-bail.h"
#include "sot-checklist.h"
#include "sot-disruption.h"
#include "sot-line-of-enquiry.h"
#include "sot-suspect-page.h"
#include "sot-suspect.h"

G_BEGIN_DECLS

typedef enum {
  UNDO_NONE,
  UNDO_STATUS,     /* a line's status changed: put the previous one back */
  UNDO_PROPOSAL,   /* a proposal accepted or dismissed: open it again */
  UNDO_EDIT,       /* a line's owner, due date or notes edited: put the old ones back */
} UndoKind;

struct _SotSuspectPage
{
  AdwBin            parent_instance;

  SotStore         *store;
  SotInvestigation *investigation;
  SotChecklist     *checklist;

  GListStore       *lines;        /* SotLineOfEnquiry of the investigation */
  GListModel       *suspects;
  GListModel       *proposals;    /* the open ones */
  GListModel       *disruptions;
  GListModel       *bails;        /* SotBailRecord of the investigation */
  GtkCustomFilter  *filter;
  GtkSortListModel *sorted;
  guint             reload_id;
  gboolean          narrow;       /* too narrow for the columns: the lines are stacked */
  guint             narrow_id;    /* the switch, after the allocation that found it */

  UndoKind          undo_kind;
  GObject          *undo_object;
  char             *undo_status;
  char             *undo_rationale;
  AdwToast         *undo_toast;
  AdwToast         *last_toast;   /* weak */

  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  GtkLabel         *share_label;
  GtkLevelBar      *focus_bar;
  GtkLabel         *focus_label;
  GtkListBox       *suspect_list;
  GtkWidget        *proposal_group;
  GtkListBox       *proposal_list;
  GtkListBox       *disruption_list;
  GtkMenuButton    *disruption_button;
  GtkDropDown      *status_filter;
  GtkDropDown      *category_filter;
  GtkDropDown      *focus_filter;
  GtkSearchEntry   *owner_filter;
  GtkStack         *lines_stack;
  GtkColumnView    *column_view;
  GtkListView      *stacked_view;
};

/* sot-suspect-page.c */
void     _sot_suspect_page_toast              (SotSuspectPage   *self,
                                               const char       *message);
/* Offers to undo the change just made to @object, with @message in a toast. */
void     _sot_suspect_page_offer_undo         (SotSuspectPage   *self,
                                               UndoKind          kind,
                                               GObject          *object,
                                               const char       *status,
                                               const char       *rationale,
                                               const char       *message);
/* Today by the store's clock. */
void     _sot_suspect_page_today              (SotSuspectPage   *self,
                                               GDate            *today);
/* Returns: (transfer none) (nullable): the item of @model whose "uuid" is @uuid. */
gpointer _sot_suspect_page_find               (GListModel       *model,
                                               const char       *uuid);
void     _sot_suspect_page_update_indicator   (SotSuspectPage   *self);

/* sot-suspect-page-lines.c: the evidence list */
void     _sot_suspect_page_lines_init         (SotSuspectPage   *self);
void     _sot_suspect_page_lines_class_init   (GtkWidgetClass   *widget_class);
void     _sot_suspect_page_load_lines         (SotSuspectPage   *self);
void     _sot_suspect_page_update_lines_stack (SotSuspectPage   *self);
/* Follows a line changed through the write path in place. */
void     _sot_suspect_page_line_changed       (SotSuspectPage   *self,
                                               const char       *action,
                                               const char       *uuid);

/* sot-suspect-page-sections.c: suspects and their bail, checklist proposals, disruption options */
void     _sot_suspect_page_sections_init       (SotSuspectPage  *self);
void     _sot_suspect_page_sections_class_init (GtkWidgetClass  *widget_class);
void     _sot_suspect_page_load_sections       (SotSuspectPage  *self);
void     _sot_suspect_page_clear_sections      (SotSuspectPage  *self);

G_END_DECLS
