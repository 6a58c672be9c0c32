/* sot-suspect-focus.h: the suspect-focus indicator over the active lines of enquiry
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/**
 * SotSuspectFocus:
 * The suspect-focus indicator of one investigation, over its *active* lines of enquiry (not
 * reviewed, not pursued).
 */
typedef struct {
  guint  n_active;
  guint  n_suspect;       /* active lines whose focus is the suspect */
  guint  n_victim;        /* active lines whose focus is the victim */
  guint  n_context;
  guint  n_overdue;       /* active lines due before today */
  double suspect_share;   /* n_suspect / (n_suspect + n_victim); -1 when both are 0 */
} SotSuspectFocus;

/**
 * sot_suspect_focus_compute:
 * Fills @out for the investigation @investigation_id; @today (UK calendar day) decides what is
 * overdue, the store's clock when %NULL.
 */
gboolean     sot_suspect_focus_compute               (SotStore         *store,
                                                      gint64            investigation_id,
                                                      const GDate      *today,
                                                      SotSuspectFocus  *out,
                                                      GError          **error);

/**
 * sot_suspect_focus_for_all:
 * The indicator of every investigation that has lines of enquiry, in one query, to sort the
 * investigation list. An investigation absent from the table has none (share -1).
 * @uuid_to_indicator: (out) (transfer full): investigation UUID → #SotSuspectFocus.
 */
gboolean     sot_suspect_focus_for_all               (SotStore         *store,
                                                      const GDate      *today,
                                                      GHashTable      **uuid_to_indicator,
                                                      GError          **error);

/* A sort key: the suspect share (−1 when none), for GtkSorters in the investigation list. */
double       sot_suspect_focus_sort_key              (const SotSuspectFocus *focus);

/* Returns: (transfer full): "7 of 9 active lines on the suspect, 2 on the victim; 1 overdue". */
char        *sot_suspect_focus_describe              (const SotSuspectFocus *focus);

G_END_DECLS
