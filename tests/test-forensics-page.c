/* test-forensics-page.c: the Forensics page and the Toolkit under Xvfb
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sot-device.h"
#include "sot-exhibit.h"
#include "sot-forensic-catalogue.h"
#include "sot-forensics-page-private.h"
#include "sot-form-dialog.h"
#include "sot-lab-dialog.h"
#include "sot-movement-dialog.h"
#include "sot-retention-dialog.h"
#include "sot-investigation.h"
#include "sot-store.h"
#include "sot-test-workspace.h"
#include "sot-time.h"
#include "sot-toolkit-view.h"

typedef struct {
  SotTestWorkspace      ws;
  SotStore             *store;      /* the workspace's store, for short */
  SotForensicCatalogue *catalogue;
  GtkWidget            *window;
  SotForensicsPage     *page;
} Fixture;

/* A hand-made case whose offence was @hours_before the store's clock. */
static SotInvestigation *
make_case (Fixture    *fixture,
           const char *crime_reference,
           int         hours_before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = sot_store_now (fixture->store);
  g_autoptr(GDateTime) offence = g_date_time_add_hours (now, -hours_before);
  g_autofree char *offence_text = g_date_time_format (offence, "%Y-%m-%dT%H:%M:%SZ");
  SotInvestigation *inv = sot_investigation_new ();

  sot_investigation_set_crime_reference (inv, crime_reference);
  sot_investigation_set_offence_type (inv, "rape");
  sot_investigation_set_offence_from (inv, offence_text);
  sot_investigation_set_reported_on (inv, "2024-04-20");
  sot_investigation_set_recorded_on (inv, "2024-04-20");
  sot_investigation_set_officer (inv, "DC Ash Example");
  sot_investigation_insert (inv, fixture->store, &error);
  g_assert_no_error (error);

  return inv;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sot_test_workspace_setup (&fixture->ws, "forensics-page", SOT_TEST_WORKSPACE_NONE);
  fixture->store = fixture->ws.store;
  sot_test_set_clock (fixture->store, 2024, 4, 20, 12, 0);
  fixture->catalogue = sot_forensic_catalogue_new_builtin (&error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 1000);
  fixture->page = SOT_FORENSICS_PAGE (sot_forensics_page_new (fixture->store, fixture->catalogue));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
  sot_test_spin ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sot_test_spin ();
  g_assert_null (fixture->page);
  g_assert_finalize_object (fixture->catalogue);
  fixture->store = NULL;
  g_assert_finalize_object (g_steal_pointer (&fixture->ws.store));
  sot_test_workspace_teardown (&fixture->ws);
}

static void
test_windows (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SotInvestigation) ten = make_case (fixture, "FX/24/000010", 10);
  g_autoptr(SotInvestigation) thirty = make_case (fixture, "FX/24/000030", 30);
  g_autoptr(SotInvestigation) eighty = make_case (fixture, "FX/24/000080", 80);

  /* Ten hours after: every figure open; no-figure types say so. */
  sot_forensics_page_set_investigation (fixture->page, ten);
  sot_test_spin ();
  for (guint i = 0; i < sot_forensic_catalogue_get_n_samples (fixture->catalogue); i++)
    {
      SotForensicSample *sample = sot_forensic_catalogue_get_sample (fixture->catalogue, i);
      const char *id = sot_forensic_sample_get_id (sample);
      const char *status = sot_forensics_page_get_window_status (fixture->page, id);
      const char *value = sot_forensics_page_get_window_value (fixture->page, id);
      int hours = sot_forensic_sample_get_hours (sample, SOT_SAMPLE_SUBJECT_COMPLAINANT);

      g_assert_nonnull (status);
      if (hours == SOT_FORENSIC_NO_FIGURE)
        {
          g_assert_cmpstr (status, ==, "no-figure");
          g_assert_nonnull (strstr (value, "no figure — verify against the current FFLM table"));
        }
      else
        g_assert_cmpstr (status, ==, "open");

      if (!sot_forensic_sample_get_confirmed (sample))
        g_assert_nonnull (strstr (value, "verify against the current FFLM table"));
      else
        g_assert_null (strstr (value, "verify"));
    }

  /* Thirty hours after: the 48-hour windows are closing; 72 and 168 hours open. */
  sot_forensics_page_set_investigation (fixture->page, thirty);
  sot_test_spin ();
  g_assert_cmpstr (sot_forensics_page_get_window_status (fixture->page, "oral"), ==, "closing");
  g_assert_cmpstr (sot_forensics_page_get_window_status (fixture->page, "skin"), ==, "closing");
  g_assert_cmpstr (sot_forensics_page_get_window_status (fixture->page, "anal"), ==, "open");
  g_assert_cmpstr (sot_forensics_page_get_window_status (fixture->page, "vaginal"), ==, "open");

  /* Eighty hours after: 48 and 72 hours closed. */
  sot_forensics_page_set_investigation (fixture->page, eighty);
  sot_test_spin ();
  g_assert_cmpstr (sot_forensics_page_get_window_status (fixture->page, "oral"), ==, "closed");
  g_assert_cmpstr (sot_forensics_page_get_window_status (fixture->page, "anal"), ==, "closed");
  g_assert_cmpstr (sot_forensics_page_get_window_status (fixture->page, "vaginal"), ==, "open");

  sot_forensics_page_set_investigation (fixture->page, NULL);
  g_assert_null (sot_forensics_page_get_window_status (fixture->page, "oral"));
}

/* The text field @name of a form. */
static GtkEditable *
field (GtkWidget  *dialog,
       const char *name)
{
  GtkWidget *row = sot_form_dialog_get_field (SOT_FORM_DIALOG (dialog), name);

  g_assert_true (GTK_IS_EDITABLE (row));
  return GTK_EDITABLE (row);
}

static void
set_field (GtkWidget  *dialog,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (field (dialog, name), text);
}

/* Chooses the stored code @id in the choice @name; returns whether it was offered. */
static gboolean
choose (GtkWidget  *dialog,
        const char *name,
        const char *id)
{
  sot_form_dialog_set_choice (SOT_FORM_DIALOG (dialog), name, id);
  return g_strcmp0 (sot_form_dialog_get_choice (SOT_FORM_DIALOG (dialog), name), id) == 0;
}

static const char *
field_error (GtkWidget  *dialog,
             const char *name)
{
  return sot_form_dialog_get_error (SOT_FORM_DIALOG (dialog), name);
}

static void
test_wrong_holder (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = make_case (fixture, "FX/24/000010", 10);
  g_autoptr(GListModel) exhibits = NULL;
  GtkWidget *dialog;
  g_autoptr(SotExhibit) exhibit = NULL;
  GPtrArray *breaks;
  gboolean found = FALSE;

  sot_forensics_page_set_investigation (fixture->page, inv);
  sot_test_spin ();

  /* Add an exhibit through the dialog, as an officer would. */
  dialog = sot_forensics_page_open_exhibit_dialog (fixture->page);
  g_assert_cmpstr (gtk_editable_get_text (field (dialog, "initials")), ==,
                   "AE");
  set_field (dialog, "description", "Oral swabs, sealed");
  set_field (dialog, "seized-at", "2024-04-20 12:30");
  set_field (dialog, "place", "Fictionton SARC");
  set_field (dialog, "seal", "FX0001");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), SOT_FORM_DIALOG_ACCEPT);
  sot_test_spin ();

  exhibits = sot_exhibit_list (fixture->store, sot_investigation_get_id (inv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exhibits), ==, 1);
  exhibit = g_list_model_get_item (exhibits, 0);
  g_assert_cmpstr (sot_exhibit_get_reference (exhibit), ==, "AE/1");

  /* A new exhibit, not yet booked in, shows that break. */
  breaks = sot_forensics_page_get_breaks (fixture->page, sot_exhibit_get_uuid (exhibit));
  g_assert_nonnull (breaks);
  g_assert_cmpuint (breaks->len, ==, 1);

  /* A movement from someone who never held it: the break shows at once. */
  dialog = sot_forensics_page_open_movement_dialog (fixture->page, sot_exhibit_get_uuid (exhibit));
  g_assert_cmpstr (gtk_editable_get_text (field (dialog, "from")), ==,
                   "DC Ash Example");
  set_field (dialog, "from", "DC Someone Else");
  set_field (dialog, "to", "Property store");
  set_field (dialog, "time", "2024-04-20 13:00");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), SOT_FORM_DIALOG_ACCEPT);
  sot_test_spin ();

  breaks = sot_forensics_page_get_breaks (fixture->page, sot_exhibit_get_uuid (exhibit));
  g_assert_nonnull (breaks);
  for (guint i = 0; i < breaks->len; i++)
    {
      const char *message = g_ptr_array_index (breaks, i);

      g_test_message ("break: %s", message);
      if (strstr (message, "DC Someone Else") != NULL && strstr (message, "DC Ash Example") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_cmpint (sot_test_count (fixture->store, "exhibit_movement"), ==, 1);
}

/* The store's clock moved by @hours, as the user types it: "YYYY-MM-DD HH:MM", UK time. */
static char *
typed_time (Fixture *fixture,
            int      hours)
{
  g_autoptr(GDateTime) now = sot_store_now (fixture->store);
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, hours);
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (then, tz);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static gboolean
can_save (GtkWidget *dialog)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                   SOT_FORM_DIALOG_ACCEPT);
}

static void
test_device_flag (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = make_case (fixture, "FX/24/000040", 40);
  g_autoptr(GListModel) devices = NULL;
  g_autofree char *taken = typed_time (fixture, -30);
  g_autofree char *returned = typed_time (fixture, -10);
  g_autofree char *before_taken = typed_time (fixture, -31);
  g_autofree char *future = typed_time (fixture, 2);
  const char *message;
  g_autoptr(SotDevice) device = NULL;
  GtkWidget *dialog;

  sot_forensics_page_set_investigation (fixture->page, inv);
  sot_test_spin ();

  dialog = sot_forensics_page_open_device_dialog (fixture->page);
  sot_test_spin ();
  /* Nothing typed yet: the description is missing, so the dialog cannot save. */
  g_assert_false (can_save (dialog));
  g_assert_true (choose (dialog, "owner", SOT_DEVICE_OWNER_VICTIM));
  g_assert_true (choose (dialog, "legal-basis", SOT_LEGAL_BASIS_S37_AGREEMENT));
  set_field (dialog, "description", "Victim's mobile phone");
  set_field (dialog, "notice-date", "2024-04-19");
  set_field (dialog, "line-of-enquiry", "Messages from the suspect after the offence");
  set_field (dialog, "scope-types", "messages; call log");
  set_field (dialog, "scope-from", "2024-04-18");
  set_field (dialog, "scope-until", "2024-04-20");
  g_assert_true (choose (dialog, "extraction", SOT_EXTRACTION_SELECTIVE));

  /* An impossible date and a time in the future are refused at the field. */
  set_field (dialog, "taken", "2024-02-30 10:00");
  message = field_error (dialog, "taken");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "not a real date"));
  g_assert_false (can_save (dialog));
  set_field (dialog, "taken", future);
  message = field_error (dialog, "taken");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "future"));
  g_assert_false (can_save (dialog));

  /* A DPN-c for a victim is refused at the notice. */
  g_assert_true (choose (dialog, "dpn", SOT_DPN_C));
  g_assert_nonnull (field_error (dialog, "dpn"));
  g_assert_true (choose (dialog, "dpn", SOT_DPN_A));
  g_assert_null (field_error (dialog, "dpn"));
  set_field (dialog, "dpn-date", "2024-04-19");

  /* A scope that ends before it starts is refused too. */
  set_field (dialog, "scope-until", "2024-04-17");
  g_assert_nonnull (field_error (dialog, "scope-until"));
  set_field (dialog, "scope-until", "2024-04-20");

  set_field (dialog, "taken", taken);
  g_assert_null (field_error (dialog, "taken"));
  g_assert_true (can_save (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), SOT_FORM_DIALOG_ACCEPT);
  sot_test_spin ();

  devices = sot_device_list (fixture->store, sot_investigation_get_id (inv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 1);
  device = g_list_model_get_item (devices, 0);
  g_assert_cmpstr (sot_device_get_owner_role (device), ==, SOT_DEVICE_OWNER_VICTIM);
  g_assert_cmpstr (sot_device_get_dpn_variant (device), ==, SOT_DPN_A);
  g_assert_cmpstr (sot_device_get_extraction_level (device), ==, SOT_EXTRACTION_SELECTIVE);
  g_assert_null (sot_device_get_returned_at (device));

  /* Held 30 hours and not returned: the row shows the flag. */
  g_assert_nonnull (sot_forensics_page_get_device_flag (fixture->page,
                                                        sot_device_get_uuid (device)));

  /* A return before the taking is refused at the field. */
  dialog = sot_forensics_page_open_return_dialog (fixture->page, sot_device_get_uuid (device));
  set_field (dialog, "returned", before_taken);
  g_assert_nonnull (field_error (dialog, "returned"));
  g_assert_false (can_save (dialog));

  /* Returned 20 hours after it was taken: no flag. */
  set_field (dialog, "returned", returned);
  g_assert_null (field_error (dialog, "returned"));
  g_assert_true (can_save (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), SOT_FORM_DIALOG_ACCEPT);
  sot_test_spin ();

  g_clear_object (&devices);
  g_clear_object (&device);
  devices = sot_device_list (fixture->store, sot_investigation_get_id (inv), &error);
  g_assert_no_error (error);
  device = g_list_model_get_item (devices, 0);
  g_assert_nonnull (sot_device_get_returned_at (device));
  g_assert_null (sot_forensics_page_get_device_flag (fixture->page, sot_device_get_uuid (device)));
}

static void
test_third_party (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = make_case (fixture, "FX/24/000010", 10);
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(SotThirdPartyRequest) request = NULL;
  GPtrArray *titles;
  GtkWidget *dialog;

  sot_forensics_page_set_investigation (fixture->page, inv);
  sot_test_spin ();

  dialog = sot_forensics_page_open_request_dialog (fixture->page);
  sot_test_spin ();
  g_assert_false (can_save (dialog));
  set_field (dialog, "holder", "Fictionton Academy");
  set_field (dialog, "material", "Pastoral records");
  set_field (dialog, "reason", "Disclosure to a teacher in March");
  set_field (dialog, "necessity", "Only the record of that disclosure; nothing else");
  g_assert_true (can_save (dialog));

  /* Counselling records need the probative value note before the request can be saved. */
  sot_form_dialog_set_active (SOT_FORM_DIALOG (dialog), "counselling", TRUE);
  g_assert_false (can_save (dialog));
  sot_form_dialog_set_active (SOT_FORM_DIALOG (dialog), "counselling", FALSE);
  g_assert_true (can_save (dialog));

  set_field (dialog, "victim-told", "2024-04-31");
  g_assert_nonnull (field_error (dialog, "victim-told"));
  g_assert_false (can_save (dialog));
  set_field (dialog, "victim-told", "2024-04-20");
  g_assert_true (can_save (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), SOT_FORM_DIALOG_ACCEPT);
  sot_test_spin ();

  titles = sot_forensics_page_get_request_titles (fixture->page);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Fictionton Academy · Pastoral records");

  requests = sot_third_party_request_list (fixture->store, sot_investigation_get_id (inv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 1);
  request = g_list_model_get_item (requests, 0);
  g_assert_cmpstr (sot_third_party_request_get_outcome (request), ==, SOT_TPM_PENDING);
  g_assert_cmpstr (sot_third_party_request_get_victim_notified_on (request), ==, "2024-04-20");

  /* The outcome, later. */
  dialog = sot_forensics_page_open_outcome_dialog (fixture->page,
                                                   sot_third_party_request_get_uuid (request));
  g_assert_true (choose (dialog, "outcome", SOT_TPM_REFUSED));
  set_field (dialog, "outcome-date", "2024-04-20");
  set_field (dialog, "outcome-note", "Needs a court order");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), SOT_FORM_DIALOG_ACCEPT);
  sot_test_spin ();

  g_clear_object (&requests);
  g_clear_object (&request);
  requests = sot_third_party_request_list (fixture->store, sot_investigation_get_id (inv), &error);
  g_assert_no_error (error);
  request = g_list_model_get_item (requests, 0);
  g_assert_cmpstr (sot_third_party_request_get_outcome (request), ==, SOT_TPM_REFUSED);
  g_assert_cmpstr (sot_third_party_request_get_outcome_on (request), ==, "2024-04-20");
  g_assert_cmpstr (sot_third_party_request_get_outcome_note (request), ==, "Needs a court order");
  g_assert_cmpuint (sot_forensics_page_get_request_titles (fixture->page)->len, ==, 1);
}

static void
test_lab_retention (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = make_case (fixture, "FX/24/000010", 10);
  g_autoptr(SotExhibit) exhibit = NULL;
  g_autoptr(SotExhibit) loaded = NULL;
  SotExhibitDetails d = {
    .officer_initials = "AE",
    .description = "Oral swabs, sealed",
    .sample_type = "oral",
    .sampled_from = "complainant",
    .seized_by = "DC Ash Example",
    .seized_at = "2024-04-20T09:00",
  };
  GtkWidget *dialog;

  sot_forensics_page_set_investigation (fixture->page, inv);
  sot_exhibit_add (fixture->store, sot_investigation_get_id (inv), &d, &exhibit, &error);
  g_assert_no_error (error);
  sot_test_spin ();

  /* BST: 10:00 typed is 09:00 UTC stored. A result before the submission is refused. */
  dialog = sot_forensics_page_open_lab_dialog (fixture->page, sot_exhibit_get_uuid (exhibit));
  set_field (dialog, "lab-name", "Fictionton Forensic Lab");
  set_field (dialog, "lab-submitted", "2024-04-20 10:00");
  set_field (dialog, "lab-result", "DNA profile obtained");
  set_field (dialog, "lab-result-at", "2024-04-20 09:00");
  g_assert_nonnull (field_error (dialog, "lab-result-at"));
  g_assert_false (can_save (dialog));
  set_field (dialog, "lab-result-at", "2024-04-20 12:30");
  g_assert_true (can_save (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), SOT_FORM_DIALOG_ACCEPT);
  sot_test_spin ();

  loaded = sot_exhibit_load (fixture->store, sot_exhibit_get_uuid (exhibit), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sot_exhibit_get_lab_name (loaded), ==, "Fictionton Forensic Lab");
  g_assert_cmpstr (sot_exhibit_get_lab_submitted_at (loaded), ==, "2024-04-20T09:00:00Z");
  g_assert_cmpstr (sot_exhibit_get_lab_result (loaded), ==, "DNA profile obtained");
  g_assert_cmpstr (sot_exhibit_get_lab_result_at (loaded), ==, "2024-04-20T11:30:00Z");
  g_clear_object (&loaded);

  dialog = sot_forensics_page_open_retention_dialog (fixture->page, sot_exhibit_get_uuid (exhibit));
  g_assert_true (choose (dialog, "retention", SOT_RETENTION_RETAIN));
  set_field (dialog, "decided-on", "2024-04-21");
  g_assert_nonnull (field_error (dialog, "decided-on"));
  g_assert_false (can_save (dialog));
  set_field (dialog, "decided-on", "2024-04-20");
  set_field (dialog, "retention-note", "DI Example: until trial");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), SOT_FORM_DIALOG_ACCEPT);
  sot_test_spin ();

  loaded = sot_exhibit_load (fixture->store, sot_exhibit_get_uuid (exhibit), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sot_exhibit_get_retention (loaded), ==, SOT_RETENTION_RETAIN);
  g_assert_cmpstr (sot_exhibit_get_retention_decided_on (loaded), ==, "2024-04-20");
  g_assert_cmpstr (sot_exhibit_get_retention_note (loaded), ==, "DI Example: until trial");
}

/* The form dialog of @type now open, if there is one. */
static GtkWidget *
open_form (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WIDGET (window);
    }

  return NULL;
}

/* The buttons of an exhibit's row fire the page's actions with its uuid. */
static void
test_row_actions (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *action;
    const char *heading;
    GType     (*type) (void);
  } cases[] = {
    { "forensics-page.add-movement", "Add Movement of AE/1", sot_movement_dialog_get_type },
    { "forensics-page.laboratory", "Laboratory: AE/1", sot_lab_dialog_get_type },
    { "forensics-page.retention", "Retention of AE/1", sot_retention_dialog_get_type },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = make_case (fixture, "FX/24/000010", 10);
  g_autoptr(SotExhibit) exhibit = NULL;
  SotExhibitDetails d = {
    .officer_initials = "AE",
    .description = "Oral swabs, sealed",
    .seized_by = "DC Ash Example",
    .seized_at = "2024-04-20T09:00",
  };

  sot_forensics_page_set_investigation (fixture->page, inv);
  sot_exhibit_add (fixture->store, sot_investigation_get_id (inv), &d, &exhibit, &error);
  g_assert_no_error (error);
  sot_test_spin ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *dialog;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), cases[i].action,
                                                 "s", sot_exhibit_get_uuid (exhibit)));
      sot_test_spin ();
      dialog = open_form (cases[i].type ());
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                       cases[i].heading);
      gtk_window_destroy (GTK_WINDOW (dialog));
      sot_test_spin ();
    }
}

static void
test_toolkit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotForensicCatalogue) catalogue = sot_forensic_catalogue_new_builtin (&error);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 4, 1, 11, 0, 0);   /* 12:00 BST */
  GtkWidget *window = gtk_window_new ();
  SotToolkitView *view;

  g_assert_no_error (error);
  view = SOT_TOOLKIT_VIEW (sot_toolkit_view_new (catalogue));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  sot_toolkit_view_set_now (view, now);

  /* Offence 30 Mar 2024 22:00, before the clocks went forward: oral closes 23:00 BST on 1 Apr. */
  sot_toolkit_view_set_offence (view, "2024-03-30", "22:00", NULL, NULL);
  sot_test_spin ();
  g_assert_cmpstr (sot_toolkit_view_get_status (view, "oral"), ==, "closing");
  g_assert_cmpstr (sot_toolkit_view_get_status (view, "vaginal"), ==, "open");
  g_assert_cmpstr (sot_toolkit_view_get_status (view, "hair-combings"), ==, "no-figure");

  /* A latest time before the earliest is refused: no statuses shown. */
  sot_toolkit_view_set_offence (view, "2024-03-30", "22:00", "2024-03-29", "22:00");
  sot_test_spin ();
  g_assert_null (sot_toolkit_view_get_status (view, "oral"));

  gtk_window_destroy (GTK_WINDOW (window));
  sot_test_spin ();
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  g_setenv ("XDG_CONFIG_HOME", "/nonexistent-soteria-test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/forensics-page/windows", test_windows);
  ADD ("/forensics-page/wrong-holder", test_wrong_holder);
  ADD ("/forensics-page/device-flag", test_device_flag);
  ADD ("/forensics-page/third-party", test_third_party);
  ADD ("/forensics-page/lab-retention", test_lab_retention);
  ADD ("/forensics-page/row-actions", test_row_actions);
  g_test_add_func ("/toolkit-view/calculator", test_toolkit);

  return g_test_run ();
}
