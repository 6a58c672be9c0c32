/* sot-forensics-page-private.h: inside the Forensics page, for its files and its tests
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-device-row.h"
#include "sot-exhibit-row.h"
#include "sot-forensic-window-list.h"
#include "sot-forensics-page.h"
#include "sot-request-row.h"

G_BEGIN_DECLS

/* The page is sot-forensics-page.c (its lists and their refresh) and
 * sot-forensics-page-actions.c (its actions, forms and PDF exports). */

struct _SotForensicsPage
{
  AdwPreferencesPage     parent_instance;

  AdwPreferencesGroup   *windows_group;
  SotForensicWindowList *windows_list;
  GtkLabel              *windows_note;
  GtkListBox            *exhibits_list;
  GtkListBox            *devices_list;
  GtkListBox            *requests_list;

  SotStore              *store;
  SotForensicCatalogue  *catalogue;
  GError                *catalogue_warning;
  SotInvestigation      *investigation;
  GListModel            *exhibits;        /* SotExhibit, as listed */
  GPtrArray             *request_titles;  /* for the tests: the titles of the request rows */
  GHashTable            *expanded;        /* exhibit uuids whose rows are open */
  guint                  tick_id;
};

/* Returns: (transfer none) (nullable): the window the page is in, for its dialogs. */
GtkWindow     *sot_forensics_page_get_parent_window (SotForensicsPage *self);

/* Returns: (transfer none) (nullable): the row of the record @uuid, if it is listed. */
SotExhibitRow *sot_forensics_page_find_exhibit_row  (SotForensicsPage *self,
                                                     const char       *uuid);
SotDeviceRow  *sot_forensics_page_find_device_row   (SotForensicsPage *self,
                                                     const char       *uuid);
SotRequestRow *sot_forensics_page_find_request_row  (SotForensicsPage *self,
                                                     const char       *uuid);

/* Reads the exhibits, devices and requests again and shows them. */
void           sot_forensics_page_refresh_register  (SotForensicsPage *self);

/* Installs the page's "forensics.*" actions on its class. */
void           sot_forensics_page_install_actions   (GtkWidgetClass   *widget_class);

/* For the tests */


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

/* The dialogs below are SotFormDialogs: tests reach their fields through the form's own
 * functions (sot_form_dialog_get_field (), sot_form_dialog_set_choice ()…) by the ids given in
 * each dialog's file, and accept them with the SOT_FORM_DIALOG_ACCEPT response. */

/* Opens the Add Exhibit dialog and returns it. */
GtkWidget  *sot_forensics_page_open_exhibit_dialog  (SotForensicsPage *self);

/* Opens the Add Movement dialog for the exhibit @uuid (one listed) and returns it. */
GtkWidget  *sot_forensics_page_open_movement_dialog (SotForensicsPage *self,
                                                     const char       *exhibit_uuid);

/* Opens the Add Device dialog and returns it. */
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

/* Returns: (nullable): the 24-hour flag shown on the device @uuid's row, or %NULL. */
const char  *sot_forensics_page_get_device_flag  (SotForensicsPage *self,
                                                  const char       *device_uuid);

/* Returns: (transfer none) (element-type utf8): the titles of the request rows shown
 * ("holder · material"). */
GPtrArray   *sot_forensics_page_get_request_titles (SotForensicsPage *self);

G_END_DECLS
