/* sot-forensics-page-private.h: what the widget tests may reach inside the Forensics page
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-forensics-page.h"

G_BEGIN_DECLS

/* Returns: (nullable): the status the page shows for @sample_id ("open", "closing", "closed",
 * "no-figure"), or %NULL when it shows none. */
const char *sot_forensics_page_get_window_status (SotForensicsPage *self,
                                                  const char       *sample_id);

/* Returns: (nullable): the value text the page shows for @sample_id (hours, and "verify
 * against the current FFLM table" when unconfirmed). */
const char *sot_forensics_page_get_window_value  (SotForensicsPage *self,
                                                  const char       *sample_id);

/* Returns: (transfer none) (element-type utf8): the breaks shown for the exhibit @uuid. */
GPtrArray  *sot_forensics_page_get_breaks        (SotForensicsPage *self,
                                                  const char       *exhibit_uuid);

/* Opens the Add Exhibit dialog and returns it (an AdwMessageDialog; respond "add"). */
GtkWidget  *sot_forensics_page_open_exhibit_dialog  (SotForensicsPage *self);

/* Opens the Add Movement dialog for the exhibit @uuid and returns it. */
GtkWidget  *sot_forensics_page_open_movement_dialog (SotForensicsPage *self,
                                                     const char       *exhibit_uuid);

/* Returns: (transfer none): a dialog's text field: "initials", "description", "seized-by",
 * "seized-at", "place", "seal" (exhibit); "from", "to", "time", "place", "note" (movement). */
GtkEditable *sot_forensics_page_dialog_field     (GtkWidget        *dialog,
                                                  const char       *name);

G_END_DECLS
