/* sot-forensic-window-list.h: the forensic windows by sample type, as a boxed list
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SOT_TYPE_FORENSIC_WINDOW_LIST (sot_forensic_window_list_get_type ())
G_DECLARE_FINAL_TYPE (SotForensicWindowList, sot_forensic_window_list, SOT, FORENSIC_WINDOW_LIST,
                      AdwBin)

/* Returns: (transfer floating): an empty list; the Forensics page and the Toolkit both show
 * their windows in one. */
GtkWidget  *sot_forensic_window_list_new              (void);

/**
 * sot_forensic_window_list_set_windows:
 * @windows: (element-type SotForensicWindow): the windows, as sot_forensic_windows_compute()
 *   gives them
 * Shows a row per window: the sample type, its hours (with the note to verify a figure not
 * confirmed), its deadlines and its status.
 */
void        sot_forensic_window_list_set_windows      (SotForensicWindowList *self,
                                                       GPtrArray             *windows);

/* Shows one dim row saying @text instead of windows. */
void        sot_forensic_window_list_show_placeholder (SotForensicWindowList *self,
                                                       const char            *text);

/* Shows nothing. */
void        sot_forensic_window_list_clear            (SotForensicWindowList *self);

/* Returns: (nullable): the status shown for @sample_id ("open", "closing", "closed",
 * "no-figure"), or %NULL when none is. */
const char *sot_forensic_window_list_get_status       (SotForensicWindowList *self,
                                                       const char            *sample_id);

/* Returns: (nullable): the value text shown for @sample_id (hours, and "verify against the
 * current FFLM table" when unconfirmed), or %NULL. */
const char *sot_forensic_window_list_get_value        (SotForensicWindowList *self,
                                                       const char            *sample_id);

G_END_DECLS
