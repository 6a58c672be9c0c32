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

/* Opens the Add Device dialog and returns it (respond "add"). */
GtkWidget  *sot_forensics_page_open_device_dialog    (SotForensicsPage *self);

/* Opens the Record Return dialog of the device @uuid (one listed) and returns it. */
GtkWidget  *sot_forensics_page_open_return_dialog    (SotForensicsPage *self,
                                                      const char       *device_uuid);

/* Opens the Add Third-Party Request dialog and returns it. */
GtkWidget  *sot_forensics_page_open_request_dialog   (SotForensicsPage *self);

/* Opens the outcome dialog of the request @uuid (one listed) and returns it. */
GtkWidget  *sot_forensics_page_open_outcome_dialog   (SotForensicsPage *self,
                                                      const char       *request_uuid);

/* Opens the laboratory, or the retention, dialog of the exhibit @uuid and returns it. */
GtkWidget  *sot_forensics_page_open_lab_dialog       (SotForensicsPage *self,
                                                      const char       *exhibit_uuid);
GtkWidget  *sot_forensics_page_open_retention_dialog (SotForensicsPage *self,
                                                      const char       *exhibit_uuid);

/* Every dialog answers "add" to accept (whatever its button says) and "cancel"; "add" is
 * disabled while the form is invalid. */

/* Returns: (transfer none): a dialog's text field: "initials", "description", "seized-by",
 * "seized-at", "place", "seal" (exhibit); "from", "to", "time", "place", "note" (movement);
 * "description", "notice-date", "basis-note", "dpn-date", "line-of-enquiry", "scope-types",
 * "scope-from", "scope-until", "taken" (device); "returned" (return); "holder", "material",
 * "reason", "necessity", "probative", "requested-on", "victim-told", "outcome-date",
 * "outcome-note" (request, outcome); "lab-name", "lab-submitted", "lab-result",
 * "lab-result-at" (laboratory); "decided-on", "retention-note" (retention). */
GtkEditable *sot_forensics_page_dialog_field     (GtkWidget        *dialog,
                                                  const char       *name);

/* Selects the stored code @id (%NULL for "none") in the choice @name: "owner", "legal-basis",
 * "dpn", "extraction" (device); "outcome"; "retention"; "parent", "sample-type",
 * "sampled-from" (exhibit); "purpose" (movement). Returns: whether @id is offered. */
gboolean     sot_forensics_page_dialog_choose    (GtkWidget        *dialog,
                                                  const char       *name,
                                                  const char       *id);

/* Sets the switch @name: "swap-out" (device); "counselling", "npcc-form" (request). */
void         sot_forensics_page_dialog_set_switch (GtkWidget       *dialog,
                                                   const char      *name,
                                                   gboolean         active);

/* Returns: (nullable): the message shown at the field or choice @name, or %NULL. */
const char  *sot_forensics_page_dialog_field_error (GtkWidget      *dialog,
                                                    const char     *name);

/* Returns: (nullable): the 24-hour flag shown on the device @uuid's row, or %NULL. */
const char  *sot_forensics_page_get_device_flag  (SotForensicsPage *self,
                                                  const char       *device_uuid);

/* Returns: (transfer none) (element-type utf8): the titles of the request rows shown
 * ("holder · material"). */
GPtrArray   *sot_forensics_page_get_request_titles (SotForensicsPage *self);

G_END_DECLS
