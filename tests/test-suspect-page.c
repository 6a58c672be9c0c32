/* test-suspect-page.c: the "Suspect focus" page under a display
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sot-bail-dialog.h"
#include "sot-checklist.h"
#include "sot-disruption.h"
#include "sot-enquiry-dialog.h"
#include "sot-form-dialog.h"
#include "sot-investigation.h"
#include "sot-line-of-enquiry.h"
#include "sot-person.h"
#include "sot-status-cell.h"
#include "sot-store.h"
#include "sot-suspect-dialog.h"
#include "sot-suspect-page.h"
#include "sot-suspect-row.h"
#include "sot-suspect.h"
#include "sot-test-workspace.h"
#include "sot-time.h"

typedef struct {
  SotTestWorkspace  ws;
  SotStore         *store;    /* the workspace's store, for short */
  GtkWindow        *window;
  SotSuspectPage *page;
} Fixture;

/* Helpers */

static void
iterate (void)
{
  /* Let idles, layout and list item binding run. */
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  sot_test_workspace_setup (&fixture->ws, "suspect-page", SOT_TEST_WORKSPACE_NONE);
  fixture->store = fixture->ws.store;
  sot_test_set_clock (fixture->store, 2024, 9, 2, 9, 15);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 900);
  fixture->page = SOT_SUSPECT_PAGE (sot_suspect_page_new (fixture->store));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  iterate ();
}

static void
destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      gtk_window_destroy (window);
    }
  iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  destroy_toplevels ();
  fixture->store = NULL;
  g_assert_finalize_object (g_steal_pointer (&fixture->ws.store));
  sot_test_workspace_teardown (&fixture->ws);
}

static SotInvestigation *
add_investigation (SotStore   *store,
                   const char *crime_reference)
{
  g_autoptr(GError) error = NULL;
  SotInvestigation *inv = sot_investigation_new ();

  sot_investigation_set_crime_reference (inv, crime_reference);
  sot_investigation_set_offence_type (inv, "rape");
  sot_investigation_set_offence_from (inv, "2024-03-01T22:30:00");
  sot_investigation_set_reported_on (inv, "2024-03-03");
  sot_investigation_set_officer (inv, "DC Ash Example");
  sot_investigation_insert (inv, store, &error);
  g_assert_no_error (error);

  return inv;
}

static gint64
add_suspect (SotStore   *store,
             gint64      investigation_id,
             const char *given,
             const char *family,
             const char *dob)
{
  g_autoptr(GError) error = NULL;
  SotPersonDetails d = { 0 };
  gint64 id = 0;

  d.age_at_offence = -1;
  d.given_name = given;
  d.family_name = family;
  d.date_of_birth = dob;
  sot_person_add (store, SOT_ROLE_SUSPECT, investigation_id, &d, &id, &error);
  g_assert_no_error (error);

  return id;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, gpointer data);

static void
collect (GtkWidget       *widget,
         WidgetPredicate  predicate,
         gpointer         data,
         GPtrArray       *found)
{
  if (predicate (widget, data))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, predicate, data, found);
}

static GPtrArray *
find_all (GtkWidget       *root,
          WidgetPredicate  predicate,
          gpointer         data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, predicate, data, found);
  return found;
}

static gboolean
is_action_button (GtkWidget *widget,
                  gpointer   data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0 &&
         gtk_widget_get_mapped (widget);
}

static gboolean
is_status_cell (GtkWidget *widget,
                gpointer   data)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_DROP_DOWN (widget) && SOT_IS_STATUS_CELL (parent) &&
         sot_status_cell_get_line (SOT_STATUS_CELL (parent)) != NULL;
}

static gboolean
is_repeat_badge (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_has_css_class (widget, "repeat-badge");
}

static gboolean
is_list_box (GtkWidget *widget,
             gpointer   data)
{
  return GTK_IS_LIST_BOX (widget);
}

static guint
status_index (const char *status)
{
  const char * const *statuses = sot_enquiry_statuses ();

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_str_equal (statuses[i], status))
      return i;

  g_assert_not_reached ();
}

/* Tests */

static void
test_add_suspect_proposes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/100");
  g_autoptr(SotInvestigation) other = add_investigation (fixture->store, "AB/24/101");
  g_autoptr(GPtrArray) accept_buttons = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) badges = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GError) error = NULL;
  SotSuspectDialog *dialog;
  SotChecklistProposal *first;
  GListModel *lines = sot_suspect_page_get_lines (fixture->page);

  add_suspect (fixture->store, sot_investigation_get_id (other), "Kit", "Trainwell", "1979-12-01");

  sot_suspect_page_set_investigation (fixture->page, inv);
  iterate ();

  /* Add Suspect opens the dialog; a new name with no match closes it at once. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "suspect-page.add-suspect", NULL);
  dialog = SOT_SUSPECT_DIALOG (find_toplevel (SOT_TYPE_SUSPECT_DIALOG));
  g_assert_nonnull (dialog);
  sot_suspect_dialog_set_details (dialog, "Alex", "Example", "1990-01-01", NULL,
                                  SOT_RELATIONSHIP_INTIMATE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "suspect-dialog.add", NULL);
  iterate ();
  g_assert_null (find_toplevel (SOT_TYPE_SUSPECT_DIALOG));

  /* The checklist is proposed: one Accept button per item, on the page. */
  open = sot_checklist_proposal_list (fixture->store, sot_investigation_get_id (inv), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 15);
  accept_buttons = find_all (GTK_WIDGET (fixture->page), is_action_button,
                             (gpointer) "suspect-page.accept-proposal");
  g_assert_cmpuint (accept_buttons->len, ==, 15);

  /* Accepting one adds a row to the evidence list. */
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);
  first = g_list_model_get_item (open, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "suspect-page.accept-proposal", "s",
                              sot_checklist_proposal_get_uuid (first));
  g_object_unref (first);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  cells = find_all (GTK_WIDGET (fixture->page), is_status_cell, NULL);
  g_assert_cmpuint (cells->len, ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (cells, 0)), ==,
                    status_index (SOT_ENQUIRY_PLANNED));
  g_clear_pointer (&accept_buttons, g_ptr_array_unref);
  accept_buttons = find_all (GTK_WIDGET (fixture->page), is_action_button,
                             (gpointer) "suspect-page.accept-proposal");
  g_assert_cmpuint (accept_buttons->len, ==, 14);

  /* Undo takes it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "suspect-page.undo", NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);

  /* A second suspect matching one of another case: the dialog offers the link. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "suspect-page.add-suspect", NULL);
  dialog = SOT_SUSPECT_DIALOG (find_toplevel (SOT_TYPE_SUSPECT_DIALOG));
  sot_suspect_dialog_set_details (dialog, "kit", "TRAINWELL", "1979-12-01", NULL, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "suspect-dialog.add", NULL);
  iterate ();
  g_assert_true (find_toplevel (SOT_TYPE_SUSPECT_DIALOG) == GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (sot_suspect_dialog_get_matches (dialog)), ==, 1);
  {
    g_autoptr(SotSuspectMatch) match = g_list_model_get_item (sot_suspect_dialog_get_matches (dialog), 0);

    gtk_widget_activate_action (GTK_WIDGET (dialog), "suspect-dialog.link", "x",
                                sot_suspect_match_get_person_id (match));
  }
  iterate ();
  g_assert_null (find_toplevel (SOT_TYPE_SUSPECT_DIALOG));

  badges = find_all (GTK_WIDGET (fixture->page), is_repeat_badge, NULL);
  g_assert_cmpuint (badges->len, ==, 1);
}

static void
test_not_pursued_asks_rationale (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/200");
  g_autoptr(SotLineOfEnquiry) line = sot_line_of_enquiry_new ();
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkDropDown *cell;
  GtkWidget *entry;
  gint64 audit_before;

  sot_line_of_enquiry_set_investigation_id (line, sot_investigation_get_id (inv));
  sot_line_of_enquiry_set_category (line, "third-party");
  sot_line_of_enquiry_set_focus (line, SOT_FOCUS_SUSPECT);
  sot_line_of_enquiry_set_title (line, "CCTV of the suspect's route home");
  sot_line_of_enquiry_set_initial_status (line, SOT_ENQUIRY_PLANNED, NULL);
  sot_line_of_enquiry_insert (line, fixture->store, &error);
  g_assert_no_error (error);

  sot_suspect_page_set_investigation (fixture->page, inv);
  iterate ();

  cells = find_all (GTK_WIDGET (fixture->page), is_status_cell, NULL);
  g_assert_cmpuint (cells->len, ==, 1);
  cell = g_ptr_array_index (cells, 0);

  /* An ordinary change is made in place. */
  gtk_drop_down_set_selected (cell, status_index (SOT_ENQUIRY_REQUESTED));
  iterate ();
  {
    g_autoptr(GListModel) stored = sot_line_of_enquiry_list (fixture->store,
                                                             sot_investigation_get_id (inv), &error);
    g_autoptr(SotLineOfEnquiry) again = g_list_model_get_item (stored, 0);

    g_assert_cmpstr (sot_line_of_enquiry_get_status (again), ==, SOT_ENQUIRY_REQUESTED);
  }

  /* Not pursued asks for the rationale; the cell does not change meanwhile. */
  gtk_drop_down_set_selected (cell, status_index (SOT_ENQUIRY_NOT_PURSUED));
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (gtk_drop_down_get_selected (cell), ==, status_index (SOT_ENQUIRY_REQUESTED));

  /* An empty rationale is refused: the button is off, and forcing the response writes nothing. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, SOT_FORM_DIALOG_ACCEPT));
  audit_before = sot_store_count (fixture->store, "audit_log", NULL);
  adw_message_dialog_response (dialog, SOT_FORM_DIALOG_ACCEPT);
  iterate ();
  g_assert_cmpint (sot_store_count (fixture->store, "audit_log", NULL), ==, audit_before);
  {
    GListModel *lines = sot_suspect_page_get_lines (fixture->page);
    g_autoptr(SotLineOfEnquiry) shown = g_list_model_get_item (lines, 0);

    g_assert_cmpstr (sot_line_of_enquiry_get_status (shown), ==, SOT_ENQUIRY_REQUESTED);
  }
  /* The dialog closes after any response. */
  if (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL)
    gtk_window_destroy (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  iterate ();

  /* With a rationale it is recorded. */
  gtk_drop_down_set_selected (cell, status_index (SOT_ENQUIRY_NOT_PURSUED));
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  entry = sot_form_dialog_get_field (SOT_FORM_DIALOG (dialog), "reason");
  gtk_editable_set_text (GTK_EDITABLE (entry), "No CCTV covers the route.");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, SOT_FORM_DIALOG_ACCEPT));
  adw_message_dialog_response (dialog, SOT_FORM_DIALOG_ACCEPT);
  iterate ();
  g_assert_cmpuint (gtk_drop_down_get_selected (cell), ==, status_index (SOT_ENQUIRY_NOT_PURSUED));

  /* And undone from the toast's action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "suspect-page.undo", NULL);
  iterate ();
  g_assert_cmpuint (gtk_drop_down_get_selected (cell), ==, status_index (SOT_ENQUIRY_REQUESTED));
}

static void
open_investigation_cb (SotSuspectPage  *page,
                       const char      *uuid,
                       char           **out)
{
  g_free (*out);
  *out = g_strdup (uuid);
}

static void
test_repeat_badge (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SotInvestigation) here = add_investigation (fixture->store, "AB/24/300");
  g_autoptr(SotInvestigation) there = add_investigation (fixture->store, "AB/24/301");
  g_autoptr(SotSuspect) suspect = NULL;
  g_autoptr(SotSuspect) other = NULL;
  g_autoptr(GPtrArray) badges = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *opened = NULL;
  GtkWidget *badge;
  GtkPopover *popover;
  GtkListBox *list = NULL;
  GtkListBoxRow *row;
  gint64 other_id;

  other_id = add_suspect (fixture->store, sot_investigation_get_id (there), "Drew", "Nonesuch", NULL);
  other = sot_suspect_load_by_id (fixture->store, other_id, &error);
  suspect = sot_suspect_load_by_id (fixture->store,
                                    add_suspect (fixture->store, sot_investigation_get_id (here),
                                                 "Drew", "Nonesuch", NULL),
                                    &error);
  g_assert_true (sot_suspect_link (suspect, fixture->store, sot_suspect_get_person_id (other), &error));
  g_assert_no_error (error);

  g_signal_connect (fixture->page, "open-investigation", G_CALLBACK (open_investigation_cb), &opened);
  sot_suspect_page_set_investigation (fixture->page, here);
  iterate ();

  /* The badge shows the number of other investigations. */
  badges = find_all (GTK_WIDGET (fixture->page), is_repeat_badge, NULL);
  g_assert_cmpuint (badges->len, ==, 1);
  badge = g_ptr_array_index (badges, 0);
  g_assert_nonnull (strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (badge)), "1 other case"));

  /* Clicking it lists them; activating one asks the window to open it. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (badge));
  iterate ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (badge));
  g_assert_nonnull (popover);
  lists = find_all (GTK_WIDGET (popover), is_list_box, NULL);
  g_assert_cmpuint (lists->len, ==, 1);
  list = g_ptr_array_index (lists, 0);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_signal_emit_by_name (row, "activate");
  iterate ();
  g_assert_cmpstr (opened, ==, sot_investigation_get_uuid (there));
}

static gboolean
is_named (GtkWidget *widget,
          gpointer   data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
is_column_view (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static gpointer
find_one (GtkWidget       *root,
          WidgetPredicate  predicate,
          gpointer         data)
{
  g_autoptr(GPtrArray) found = find_all (root, predicate, data);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static void
test_add_line_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/400");
  g_autoptr(SotLineOfEnquiry) values = sot_line_of_enquiry_new ();
  g_autoptr(SotLineOfEnquiry) shown = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *lines = sot_suspect_page_get_lines (fixture->page);
  SotEnquiryDialog *dialog;
  GtkLabel *problem;
  gint64 suspect_id;

  suspect_id = add_suspect (fixture->store, sot_investigation_get_id (inv), "Alex", "Example", NULL);
  sot_suspect_page_set_investigation (fixture->page, inv);
  iterate ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "suspect-page.add-line", NULL);
  iterate ();
  dialog = SOT_ENQUIRY_DIALOG (find_toplevel (SOT_TYPE_ENQUIRY_DIALOG));
  g_assert_nonnull (dialog);

  /* An impossible due date is refused in the dialog, in words, and nothing is written. */
  sot_line_of_enquiry_set_category (values, "digital-footprint");
  sot_line_of_enquiry_set_focus (values, SOT_FOCUS_SUSPECT);
  sot_line_of_enquiry_set_title (values, "Suspect's phone download");
  sot_line_of_enquiry_set_owner (values, "DC Sam Example");
  sot_line_of_enquiry_set_due_on (values, "2024-09-31");
  sot_line_of_enquiry_set_notes (values, "Consent form signed");
  sot_line_of_enquiry_set_cps_advice_point (values, "Point 3: messages after the offence");
  sot_line_of_enquiry_set_suspect_id (values, suspect_id);
  sot_enquiry_dialog_fill (dialog, values);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "enquiry-dialog.save", NULL);
  iterate ();
  g_assert_true (find_toplevel (SOT_TYPE_ENQUIRY_DIALOG) == GTK_WINDOW (dialog));
  problem = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "problem");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_nonnull (strstr (gtk_label_get_label (problem), "2024-09-31 is not a real date"));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);

  /* A missing title too. */
  sot_line_of_enquiry_set_due_on (values, "2024-09-20");
  sot_line_of_enquiry_set_title (values, NULL);
  sot_enquiry_dialog_fill (dialog, values);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "enquiry-dialog.save", NULL);
  iterate ();
  g_assert_nonnull (strstr (gtk_label_get_label (problem), "title"));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);

  /* A complete form adds a row and closes. */
  sot_line_of_enquiry_set_title (values, "Suspect's phone download");
  sot_enquiry_dialog_fill (dialog, values);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "enquiry-dialog.save", NULL);
  iterate ();
  g_assert_null (find_toplevel (SOT_TYPE_ENQUIRY_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);

  shown = g_list_model_get_item (lines, 0);
  g_assert_cmpstr (sot_line_of_enquiry_get_title (shown), ==, "Suspect's phone download");
  g_assert_cmpstr (sot_line_of_enquiry_get_category (shown), ==, "digital-footprint");
  g_assert_cmpstr (sot_line_of_enquiry_get_focus (shown), ==, SOT_FOCUS_SUSPECT);
  g_assert_cmpstr (sot_line_of_enquiry_get_owner (shown), ==, "DC Sam Example");
  g_assert_cmpstr (sot_line_of_enquiry_get_due_on (shown), ==, "2024-09-20");
  g_assert_cmpstr (sot_line_of_enquiry_get_notes (shown), ==, "Consent form signed");
  g_assert_cmpstr (sot_line_of_enquiry_get_cps_advice_point (shown), ==,
                   "Point 3: messages after the offence");
  g_assert_cmpint (sot_line_of_enquiry_get_suspect_id (shown), ==, suspect_id);
  g_assert_cmpstr (sot_line_of_enquiry_get_status (shown), ==, SOT_ENQUIRY_PLANNED);
  {
    g_autoptr(GPtrArray) cells = find_all (GTK_WIDGET (fixture->page), is_status_cell, NULL);

    g_assert_cmpuint (cells->len, ==, 1);
  }
}

static void
test_edit_line_dialog (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/500");
  g_autoptr(SotLineOfEnquiry) line = sot_line_of_enquiry_new ();
  g_autoptr(SotLineOfEnquiry) values = sot_line_of_enquiry_new ();
  g_autoptr(GError) error = NULL;
  SotEnquiryDialog *dialog;
  GtkColumnView *column_view;

  sot_line_of_enquiry_set_investigation_id (line, sot_investigation_get_id (inv));
  sot_line_of_enquiry_set_category (line, "intelligence-pnc");
  sot_line_of_enquiry_set_focus (line, SOT_FOCUS_SUSPECT);
  sot_line_of_enquiry_set_title (line, "PNC check on the suspect");
  sot_line_of_enquiry_set_owner (line, "DC Ash Example");
  sot_line_of_enquiry_set_due_on (line, "2024-09-10");
  sot_line_of_enquiry_set_initial_status (line, SOT_ENQUIRY_REQUESTED, NULL);
  sot_line_of_enquiry_insert (line, fixture->store, &error);
  g_assert_no_error (error);

  sot_suspect_page_set_investigation (fixture->page, inv);
  iterate ();

  /* Activating the row (Enter, double-click) opens the editor. */
  column_view = find_one (GTK_WIDGET (fixture->page), is_column_view, NULL);
  g_signal_emit_by_name (column_view, "activate", 0);
  iterate ();
  dialog = SOT_ENQUIRY_DIALOG (find_toplevel (SOT_TYPE_ENQUIRY_DIALOG));
  g_assert_nonnull (dialog);

  sot_line_of_enquiry_set_owner (values, "DS Robin Example");
  sot_line_of_enquiry_set_due_on (values, "2024-09-24");
  sot_line_of_enquiry_set_notes (values, "Chased the PNC bureau");
  sot_enquiry_dialog_fill (dialog, values);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "enquiry-dialog.save", NULL);
  iterate ();
  g_assert_null (find_toplevel (SOT_TYPE_ENQUIRY_DIALOG));

  {
    g_autoptr(SotLineOfEnquiry) stored = sot_line_of_enquiry_load (fixture->store,
                                                                   sot_line_of_enquiry_get_uuid (line),
                                                                   &error);
    g_autoptr(SotLineOfEnquiry) shown = g_list_model_get_item (sot_suspect_page_get_lines (fixture->page), 0);

    g_assert_no_error (error);
    g_assert_cmpstr (sot_line_of_enquiry_get_owner (stored), ==, "DS Robin Example");
    g_assert_cmpstr (sot_line_of_enquiry_get_due_on (stored), ==, "2024-09-24");
    g_assert_cmpstr (sot_line_of_enquiry_get_notes (stored), ==, "Chased the PNC bureau");
    g_assert_cmpstr (sot_line_of_enquiry_get_status (stored), ==, SOT_ENQUIRY_REQUESTED);
    g_assert_cmpstr (sot_line_of_enquiry_get_owner (shown), ==, "DS Robin Example");
  }

  /* Undo puts the previous owner, due date and notes back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "suspect-page.undo", NULL);
  iterate ();
  {
    g_autoptr(SotLineOfEnquiry) stored = sot_line_of_enquiry_load (fixture->store,
                                                                   sot_line_of_enquiry_get_uuid (line),
                                                                   &error);
    g_autoptr(SotLineOfEnquiry) shown = g_list_model_get_item (sot_suspect_page_get_lines (fixture->page), 0);

    g_assert_no_error (error);
    g_assert_cmpstr (sot_line_of_enquiry_get_owner (stored), ==, "DC Ash Example");
    g_assert_cmpstr (sot_line_of_enquiry_get_due_on (stored), ==, "2024-09-10");
    g_assert_null (sot_line_of_enquiry_get_notes (stored));
    g_assert_cmpstr (sot_line_of_enquiry_get_owner (shown), ==, "DC Ash Example");
  }

  /* The editor is also reachable by the page's action, and an impossible date keeps it open. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "suspect-page.edit-line", "s",
                              sot_line_of_enquiry_get_uuid (line));
  iterate ();
  dialog = SOT_ENQUIRY_DIALOG (find_toplevel (SOT_TYPE_ENQUIRY_DIALOG));
  g_assert_nonnull (dialog);
  sot_line_of_enquiry_set_due_on (values, "2024-13-01");
  sot_enquiry_dialog_fill (dialog, values);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "enquiry-dialog.save", NULL);
  iterate ();
  g_assert_true (find_toplevel (SOT_TYPE_ENQUIRY_DIALOG) == GTK_WINDOW (dialog));
}

static void
test_edit_suspect (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/600");
  g_autoptr(SotSuspect) suspect = NULL;
  g_autoptr(SotSuspect) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;
  AdwMessageDialog *dialog;
  GtkWidget *arrested, *bail_type, *bailed, *until, *relationship;
  SotFormDialog *form;
  const char *problem;

  suspect = sot_suspect_load_by_id (fixture->store,
                                    add_suspect (fixture->store, sot_investigation_get_id (inv),
                                                 "Alex", "Example", NULL),
                                    &error);
  g_assert_no_error (error);
  sot_suspect_page_set_investigation (fixture->page, inv);
  iterate ();

  /* The suspect row's Edit button is labelled for assistive technologies. */
  button = find_one (GTK_WIDGET (fixture->page), is_action_button, (gpointer) "suspect-page.edit-suspect");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Edit the relationship and dates of Alex Example");
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);

  relationship = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "relationship");
  arrested = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "arrested");
  bail_type = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "bail-type");
  bailed = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "bailed");
  until = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "bail-until");
  form = SOT_FORM_DIALOG (dialog);

  /* An impossible date is refused with a message under the field, and Save stays off. */
  gtk_editable_set_text (GTK_EDITABLE (arrested), "2024-06-31 01:30");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, SOT_FORM_DIALOG_ACCEPT));
  problem = sot_form_dialog_get_error (form, "arrested");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "2024-06-31 is not a real date"));

  gtk_editable_set_text (GTK_EDITABLE (arrested), "2024-07-02 25:00");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, SOT_FORM_DIALOG_ACCEPT));
  g_assert_nonnull (strstr (sot_form_dialog_get_error (form, "arrested"), "YYYY-MM-DD HH:MM"));

  /* UK local time in summer: 01:30 BST is 00:30 UTC. */
  gtk_editable_set_text (GTK_EDITABLE (arrested), "2024-07-02 01:30");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, SOT_FORM_DIALOG_ACCEPT));
  g_assert_null (sot_form_dialog_get_error (form, "arrested"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (relationship), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (bail_type), 1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, SOT_FORM_DIALOG_ACCEPT));
  gtk_editable_set_text (GTK_EDITABLE (bailed), "2024-07-02 18:00");
  gtk_editable_set_text (GTK_EDITABLE (until), "2024-08-01");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, SOT_FORM_DIALOG_ACCEPT));
  adw_message_dialog_response (dialog, SOT_FORM_DIALOG_ACCEPT);
  iterate ();

  stored = sot_suspect_load (fixture->store, sot_suspect_get_uuid (suspect), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sot_suspect_get_arrested_at (stored), ==, "2024-07-02T00:30:00.000000Z");
  g_assert_cmpstr (sot_suspect_get_bailed_at (stored), ==, "2024-07-02T17:00:00.000000Z");
  g_assert_cmpstr (sot_suspect_get_bail_type (stored), ==, SOT_BAIL_TYPE_BAIL);
  g_assert_cmpstr (sot_suspect_get_bail_until (stored), ==, "2024-08-01");
  g_assert_cmpstr (sot_suspect_get_relationship (stored), ==, sot_suspect_relationships ()[1]);
  g_assert_null (sot_suspect_get_interviewed_at (stored));

  /* Opened again, the form shows the stored time as typed, in UK local time. */
  button = find_one (GTK_WIDGET (fixture->page), is_action_button, (gpointer) "suspect-page.edit-suspect");
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  arrested = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "arrested");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (arrested)), ==, "2024-07-02 01:30");
}

static void
test_disruption_status (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/700");
  g_autoptr(SotDisruption) option = NULL;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(SotDisruption) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *status, *date, *outcome;
  const char * const *statuses = sot_disruption_statuses ();
  guint granted = 0;

  option = sot_disruption_add (fixture->store, sot_investigation_get_id (inv), 0,
                               SOT_DISRUPTION_SRO, "2024-08-01", &error);
  g_assert_no_error (error);
  sot_suspect_page_set_investigation (fixture->page, inv);
  iterate ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "suspect-page.edit-disruption", "s",
                              sot_disruption_get_uuid (option));
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  status = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "status");
  date = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "date");
  outcome = find_one (GTK_WIDGET (dialog), is_named, (gpointer) "outcome");

  while (g_strcmp0 (statuses[granted], SOT_DISRUPTION_GRANTED) != 0)
    granted++;

  /* A decision needs its date. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), granted);
  gtk_editable_set_text (GTK_EDITABLE (date), "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, SOT_FORM_DIALOG_ACCEPT));
  gtk_editable_set_text (GTK_EDITABLE (date), "2024-08-30");
  gtk_editable_set_text (GTK_EDITABLE (outcome), "Granted for five years at the magistrates' court");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, SOT_FORM_DIALOG_ACCEPT));
  adw_message_dialog_response (dialog, SOT_FORM_DIALOG_ACCEPT);
  iterate ();

  options = sot_disruption_list (fixture->store, sot_investigation_get_id (inv), &error);
  g_assert_no_error (error);
  stored = g_list_model_get_item (options, 0);
  g_assert_cmpstr (sot_disruption_get_status (stored), ==, SOT_DISRUPTION_GRANTED);
  g_assert_cmpstr (sot_disruption_get_status_on (stored), ==, "2024-08-30");
  g_assert_cmpstr (sot_disruption_get_outcome (stored), ==,
                   "Granted for five years at the magistrates' court");
}

static gboolean
is_suspect_row (GtkWidget *widget,
                gpointer   data)
{
  return SOT_IS_SUSPECT_ROW (widget);
}

static void
bail_failed_cb (SotBailDialog  *dialog,
                const char     *message,
                char          **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

/* Opens the bail form @action on @uuid. */
static SotFormDialog *
open_bail_form (Fixture    *fixture,
                const char *action,
                const char *uuid)
{
  SotFormDialog *form;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, "s", uuid);
  iterate ();
  form = SOT_FORM_DIALOG (find_toplevel (SOT_TYPE_BAIL_DIALOG));
  g_assert_nonnull (form);
  return form;
}

static void
test_bail (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/800");
  g_autoptr(SotSuspect) suspect = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *first_end = sot_date_format_display ("2024-11-01");
  g_autofree char *new_end = sot_date_format_display ("2025-02-01");
  g_autofree char *last_day = NULL;
  SotSuspectRow *row;
  SotBailRecord *bail;
  SotFormDialog *form;
  const char *subtitle;

  suspect = sot_suspect_load_by_id (fixture->store,
                                    add_suspect (fixture->store, sot_investigation_get_id (inv),
                                                 "Alex", "Example", NULL),
                                    &error);
  g_assert_no_error (error);
  sot_suspect_page_set_investigation (fixture->page, inv);
  iterate ();
  g_assert_null (sot_suspect_row_get_bail (find_one (GTK_WIDGET (fixture->page), is_suspect_row,
                                                     NULL)));

  /* Arrested and bailed on 1 August: bail runs to the end of 1 November. */
  form = open_bail_form (fixture, "suspect-page.record-bail", sot_suspect_get_uuid (suspect));
  g_assert_cmpint (sot_bail_dialog_get_kind (SOT_BAIL_DIALOG (form)), ==, SOT_BAIL_FORM_RECORD);
  sot_form_dialog_set_text (form, "arrested-on", "2024-08-01");
  sot_form_dialog_set_text (form, "bailed-on", "2024-08-01");
  g_assert_true (sot_form_dialog_accept (form));
  iterate ();

  row = find_one (GTK_WIDGET (fixture->page), is_suspect_row, NULL);
  bail = sot_suspect_row_get_bail (row);
  g_assert_nonnull (bail);
  g_assert_cmpint (sot_bail_record_get_suspect_id (bail), ==, sot_suspect_get_id (suspect));
  g_assert_cmpstr (sot_bail_record_get_bailed_on (bail), ==, "2024-08-01");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, first_end));

  /* A court's extension before the inspector's is refused, with the core's message, and
   * nothing is written. */
  form = open_bail_form (fixture, "suspect-page.extend-bail", sot_bail_record_get_uuid (bail));
  g_assert_cmpstr (sot_form_dialog_get_choice (form, "authority"), ==, "inspector");
  g_signal_connect (form, "failed", G_CALLBACK (bail_failed_cb), &refusal);
  sot_form_dialog_set_choice (form, "authority", "court-12");
  sot_form_dialog_set_text (form, "authorised-on", "2024-09-01");
  g_assert_true (sot_form_dialog_accept (form));
  iterate ();
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (refusal, "must come first"));
  g_assert_cmpint (sot_test_count (fixture->store, "pre_charge_bail_extension"), ==, 0);
  row = find_one (GTK_WIDGET (fixture->page), is_suspect_row, NULL);
  g_assert_cmpint (sot_bail_record_get_authority (sot_suspect_row_get_bail (row)), ==,
                   SOT_BAIL_INITIAL);

  /* The inspector's extension: six months from the bail start, to the end of 1 February. */
  form = open_bail_form (fixture, "suspect-page.extend-bail", sot_bail_record_get_uuid (bail));
  sot_form_dialog_set_text (form, "authorised-on", "2024-09-01");
  sot_form_dialog_set_text (form, "authorised-by", "Insp Example");
  g_assert_true (sot_form_dialog_accept (form));
  iterate ();

  row = find_one (GTK_WIDGET (fixture->page), is_suspect_row, NULL);
  bail = sot_suspect_row_get_bail (row);
  g_assert_cmpint (sot_bail_record_get_authority (bail), ==, SOT_BAIL_INSPECTOR);
  g_assert_cmpstr (sot_bail_record_get_authorised_by (bail), ==, "Insp Example");
  last_day = sot_bail_record_dup_last_day (bail);
  g_assert_cmpstr (last_day, ==, "2025-02-01");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, new_end));
  g_assert_null (strstr (subtitle, first_end));
  g_assert_nonnull (strstr (subtitle, "Insp Example"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/suspect-page/add-suspect-proposes-checklist", Fixture, NULL, fixture_setup,
              test_add_suspect_proposes, fixture_teardown);
  g_test_add ("/suspect-page/not-pursued-asks-rationale", Fixture, NULL, fixture_setup,
              test_not_pursued_asks_rationale, fixture_teardown);
  g_test_add ("/suspect-page/repeat-badge-opens-case", Fixture, NULL, fixture_setup,
              test_repeat_badge, fixture_teardown);
  g_test_add ("/suspect-page/add-line-through-dialog", Fixture, NULL, fixture_setup,
              test_add_line_dialog, fixture_teardown);
  g_test_add ("/suspect-page/edit-line-and-undo", Fixture, NULL, fixture_setup,
              test_edit_line_dialog, fixture_teardown);
  g_test_add ("/suspect-page/edit-suspect-dates", Fixture, NULL, fixture_setup,
              test_edit_suspect, fixture_teardown);
  g_test_add ("/suspect-page/disruption-status-date-outcome", Fixture, NULL, fixture_setup,
              test_disruption_status, fixture_teardown);
  g_test_add ("/suspect-page/bail-record-and-extend", Fixture, NULL, fixture_setup,
              test_bail, fixture_teardown);

  return g_test_run ();
}
