/* test-victim-page.c: the Due view and the Victim page: deadlines, advice points, victims, ISVA
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sot-cps.h"
#include "sot-deadline.h"
#include "sot-due-view.h"
#include "sot-due.h"
#include "sot-form-dialog.h"
#include "sot-investigation-list.h"
#include "sot-investigation-row.h"
#include "sot-isva.h"
#include "sot-line-of-enquiry.h"
#include "sot-person.h"
#include "sot-right6.h"
#include "sot-test-workspace.h"
#include "sot-time.h"
#include "sot-timeline-page.h"
#include "sot-timeline.h"
#include "sot-victim-contact.h"
#include "sot-training-clock.h"
#include "sot-victim-page-private.h"
#include "sot-victim-page.h"
#include "sot-victim-rights.h"
#include "sot-walkthrough.h"

typedef struct {
  SotTestWorkspace  ws;
  SotInvestigation *investigation;
  char             *deadline_uuid;
} Fixture;

/* A case with one victim (enhanced rights) and one suspect, arrested on Friday 8 March 2024:
 * the victim had to be told by the end of Monday 11 March; the clock says Tuesday 12 March. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) arrest = sot_time_parse ("2024-03-08T18:30", NULL);
  g_autofree char *event_uuid = NULL;
  g_autoptr(GListModel) deadlines = NULL;
  g_autoptr(SotDeadline) deadline = NULL;
  SotPersonDetails victim = { 0 };
  SotPersonDetails suspect = { 0 };
  gint64 suspect_id;

  /* @data: the SotTestWorkspaceFlags of the workspace (a training one for the clock). */
  sot_test_workspace_setup (&fixture->ws, "victim-page", GPOINTER_TO_UINT (data));
  sot_test_set_clock (fixture->ws.store, 2024, 3, 12, 10, 0);
  sot_store_set_operator (fixture->ws.store, "DC Ash Example");

  fixture->investigation = sot_investigation_new ();
  sot_investigation_set_crime_reference (fixture->investigation, "UI/24/000001");
  sot_investigation_set_offence_type (fixture->investigation, "rape");
  sot_investigation_set_offence_from (fixture->investigation, "2024-03-01T22:30");
  sot_investigation_set_reported_on (fixture->investigation, "2024-03-02");
  sot_investigation_set_officer (fixture->investigation, "DC Ash Example");
  sot_investigation_insert (fixture->investigation, fixture->ws.store, &error);
  g_assert_no_error (error);

  victim.age_at_offence = 30;
  sot_person_add (fixture->ws.store, SOT_ROLE_VICTIM, sot_investigation_get_id (fixture->investigation),
                  &victim, NULL, &error);
  g_assert_no_error (error);
  suspect.age_at_offence = -1;
  sot_person_add (fixture->ws.store, SOT_ROLE_SUSPECT,
                  sot_investigation_get_id (fixture->investigation), &suspect, &suspect_id, &error);
  g_assert_no_error (error);

  sot_right6_record (fixture->ws.store, sot_investigation_get_id (fixture->investigation),
                     SOT_RIGHT6_ARREST, arrest, suspect_id, NULL, &event_uuid, &error);
  g_assert_no_error (error);

  deadlines = sot_deadline_list_for_investigation (fixture->ws.store,
                                                   sot_investigation_get_id (fixture->investigation),
                                                   TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (deadlines), ==, 1);
  deadline = g_list_model_get_item (deadlines, 0);
  fixture->deadline_uuid = g_strdup (sot_deadline_get_uuid (deadline));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->investigation);
  sot_test_spin ();
  g_assert_finalize_object (g_steal_pointer (&fixture->ws.store));
  sot_test_workspace_teardown (&fixture->ws);
  g_free (fixture->deadline_uuid);
}

/* The label of a list row carrying @css_class and shown, or NULL. */
static GtkWidget *
find_visible_with_class (GtkWidget  *widget,
                         const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_visible_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_overdue_then_logged (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigationList) list = NULL;
  g_autoptr(GListModel) open = NULL;
  SotInvestigation *listed;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *row;
  SotDueView *due;
  SotVictimPage *page;
  GtkWidget *dialog;
  GListModel *items;

  list = sot_investigation_list_new (fixture->ws.store, &error);
  g_assert_no_error (error);
  listed = sot_investigation_list_lookup (list, sot_investigation_get_uuid (fixture->investigation));
  g_assert_nonnull (listed);

  /* The list's badge and sort key: the case's next deadline is the overdue one. */
  g_assert_cmpstr (sot_investigation_get_next_deadline (listed), ==, "2024-03-11T23:59:59Z");

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  /* The investigation list's row for the case shows the overdue badge. */
  row = sot_investigation_row_new ();
  {
    g_autoptr(GDateTime) now = sot_store_now (fixture->ws.store);

    sot_investigation_row_set_investigation (SOT_INVESTIGATION_ROW (row), listed, now);
  }
  gtk_box_append (GTK_BOX (box), row);
  g_assert_nonnull (find_visible_with_class (row, "overdue"));

  due = SOT_DUE_VIEW (sot_due_view_new (fixture->ws.store));
  page = SOT_VICTIM_PAGE (sot_victim_page_new (fixture->ws.store));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (due));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  /* The Due view lists it, overdue. */
  items = sot_due_view_get_items (due);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  {
    g_autoptr(SotDue) d = g_list_model_get_item (items, 0);

    g_assert_cmpint (sot_due_get_state (d), ==, SOT_DUE_STATE_OVERDUE);
    g_assert_cmpstr (sot_due_get_source_uuid (d), ==, fixture->deadline_uuid);
    g_assert_cmpstr (sot_due_get_investigation_uuid (d), ==,
                     sot_investigation_get_uuid (fixture->investigation));
  }

  /* Only the operator's cases: the operator is this case's officer. */
  sot_due_view_set_only_mine (due, TRUE);
  sot_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  sot_store_set_operator (fixture->ws.store, "DC Somebody Else");
  sot_due_view_reload (due, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  sot_store_set_operator (fixture->ws.store, "DC Ash Example");
  sot_due_view_set_only_mine (due, FALSE);
  sot_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  /* Logging a contact through the Victim page's dialog, which ticks the open event. */
  sot_victim_page_set_investigation (page, fixture->investigation);
  dialog = sot_victim_page_open_log_contact_dialog (page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), SOT_FORM_DIALOG_ACCEPT);
  sot_test_spin ();

  /* Met, gone from the Due view, and the case has no next deadline any more. */
  open = sot_deadline_list_for_investigation (fixture->ws.store,
                                              sot_investigation_get_id (fixture->investigation),
                                              TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_null (sot_investigation_get_next_deadline (listed));
  g_assert_null (find_visible_with_class (row, "overdue"));

  {
    g_autoptr(GListModel) contacts = sot_victim_contact_list (fixture->ws.store,
                                                             sot_investigation_get_id (fixture->investigation),
                                                             &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
    g_assert_cmpstr (sot_victim_contact_get_who (sot_test_item_at (contacts, 0)), ==,
                     "DC Ash Example");
    g_assert_cmpstr (sot_victim_contact_get_contact_at (sot_test_item_at (contacts, 0)), ==,
                     "2024-03-12T10:00:00Z");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  sot_test_spin ();
}

static guint n_opened;

static void
open_source_cb (SotTimelinePage *page,
                const char      *entity_type,
                const char      *entity_uuid,
                gpointer         user_data)
{
  n_opened++;
  g_assert_cmpstr (entity_type, ==, "investigation");
  g_assert_cmpstr (entity_uuid, ==, user_data);
}

static void
test_timeline_page (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  SotTimelinePage *page = SOT_TIMELINE_PAGE (sot_timeline_page_new (fixture->ws.store));
  GListModel *model = sot_timeline_page_get_model (page);
  guint all;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  sot_timeline_page_set_investigation (page, fixture->investigation);
  all = g_list_model_get_n_items (model);
  /* offence, report, arrest event, its deadline */
  g_assert_cmpuint (all, ==, 4);

  sot_timeline_page_set_kind_filter (page, SOT_TIMELINE_KIND_CASE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  sot_timeline_page_set_kind_filter (page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* The first event, the offence, opens the investigation. */
  g_signal_connect (page, "open-source", G_CALLBACK (open_source_cb),
                    (gpointer) sot_investigation_get_uuid (fixture->investigation));
  n_opened = 0;
  {
    GtkWidget *list_view = NULL;

    /* Find the timeline list (not the drop-down’s own) inside the page. */
    for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (page)); w != NULL; )
      {
        if (GTK_IS_LIST_VIEW (w) && gtk_widget_has_css_class (w, "rich-list"))
          {
            list_view = w;
            break;
          }
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            if (w != NULL)
              w = gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_nonnull (list_view);
    g_signal_emit_by_name (list_view, "activate", 0);
  }
  g_assert_cmpuint (n_opened, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  sot_test_spin ();
}

/* The first widget of @type in @root's tree, depth first (@root included). */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first row under @root whose title begins with @prefix. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *prefix)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The titles and subtitles of every row under @root, one "title | subtitle" a line. */
static void
collect_rows (GtkWidget *root,
              GString   *out)
{
  if (ADW_IS_PREFERENCES_ROW (root))
    {
      const char *subtitle = NULL;

      if (ADW_IS_ACTION_ROW (root))
        subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (root));
      else if (ADW_IS_EXPANDER_ROW (root))
        subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (root));
      g_string_append_printf (out, "%s | %s\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)),
                              subtitle != NULL ? subtitle : "");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, out);
}

static char *
page_text (SotVictimPage *page)
{
  GString *out = g_string_new (NULL);

  collect_rows (GTK_WIDGET (page), out);
  return g_string_free (out, FALSE);
}

/* Answers @dialog with @response as its button would, then lets the page reload. */
static void
respond (GtkWidget  *dialog,
         const char *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  sot_test_spin ();
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
      sot_test_spin ();
    }
}

static char *
add_line (Fixture    *fixture,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotLineOfEnquiry) line = sot_line_of_enquiry_new ();

  sot_line_of_enquiry_set_investigation_id (line, sot_investigation_get_id (fixture->investigation));
  sot_line_of_enquiry_set_title (line, title);
  sot_line_of_enquiry_insert (line, fixture->ws.store, &error);
  g_assert_no_error (error);

  return g_strdup (sot_line_of_enquiry_get_uuid (line));
}

static void
test_advice_point_linked (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) points = NULL;
  g_autofree char *cctv_uuid = add_line (fixture, "CCTV of the station forecourt");
  g_autofree char *taxi_uuid = add_line (fixture, "Trace the taxi driver");
  g_autofree char *advice_uuid = NULL;
  g_autofree char *text = NULL;
  gint64 id = sot_investigation_get_id (fixture->investigation);
  GtkWidget *window = gtk_window_new ();
  SotVictimPage *page = SOT_VICTIM_PAGE (sot_victim_page_new (fixture->ws.store));
  GtkWidget *dialog;
  GtkWidget *form;
  GtkWidget *summary;
  AdwComboRow *line_row;
  GListModel *lines;

  sot_cps_request_early_advice (fixture->ws.store, id, "2024-03-04", "2024-03-08", NULL,
                                &advice_uuid, &error);
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  sot_victim_page_set_investigation (page, fixture->investigation);

  dialog = sot_victim_page_open_advice_point_dialog (page, advice_uuid);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  form = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));

  /* No point without its text. */
  summary = find_widget (form, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (summary);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                         SOT_FORM_DIALOG_ACCEPT));
  gtk_editable_set_text (GTK_EDITABLE (summary), "  Ask the taxi firm for its booking records ");

  /* The case's lines of enquiry by title, after "not linked". */
  line_row = ADW_COMBO_ROW (find_widget (form, ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (line_row);
  lines = adw_combo_row_get_model (line_row);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (line_row), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (lines), 2), ==,
                   "Trace the taxi driver");
  adw_combo_row_set_selected (line_row, 2);

  respond (dialog, SOT_FORM_DIALOG_ACCEPT);

  /* Stored under the advice, linked to that line. */
  points = sot_cps_list_advice_points (fixture->ws.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, 1);
  {
    SotCpsAdvicePoint *p = sot_test_item_at (points, 0);

    g_assert_cmpstr (sot_cps_advice_point_get_advice_uuid (p), ==, advice_uuid);
    g_assert_cmpstr (sot_cps_advice_point_get_summary (p), ==,
                     "Ask the taxi firm for its booking records");
    g_assert_cmpstr (sot_cps_advice_point_get_line_of_enquiry_uuid (p), ==, taxi_uuid);
  }

  /* Listed under its advice, with the line's title. */
  text = page_text (page);
  g_assert_nonnull (strstr (text, "Ask the taxi firm for its booking records | "
                                  "Line of enquiry: Trace the taxi driver\n"));
  g_assert_nonnull (strstr (text, "1 advice point"));
  {
    GtkWidget *expander = find_row (GTK_WIDGET (page), "Early advice requested");
    GString *rows = g_string_new (NULL);

    /* The advice unfolds to show its point. */
    g_assert_true (ADW_IS_EXPANDER_ROW (expander));
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
    collect_rows (expander, rows);
    g_assert_nonnull (strstr (rows->str, "Line of enquiry: Trace the taxi driver"));
    g_string_free (rows, TRUE);

    /* Folded by the user, it stays folded when the page reloads. */
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), FALSE);
    sot_cps_add_advice_point (fixture->ws.store, advice_uuid, "Speak to the ISVA", NULL, NULL,
                              &error);
    g_assert_no_error (error);
    sot_test_spin ();
    expander = find_row (GTK_WIDGET (page), "Early advice requested");
    g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  }

  /* A point added without a line says so. */
  dialog = sot_victim_page_open_advice_point_dialog (page, advice_uuid);
  form = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (form, ADW_TYPE_ENTRY_ROW)),
                         "Obtain the first account");
  respond (dialog, SOT_FORM_DIALOG_ACCEPT);
  g_clear_object (&points);
  points = sot_cps_list_advice_points (fixture->ws.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, 3);
  g_assert_null (sot_cps_advice_point_get_line_of_enquiry_uuid (sot_test_item_at (points, 2)));
  g_clear_pointer (&text, g_free);
  text = page_text (page);
  g_assert_nonnull (strstr (text, "Obtain the first account | Not linked to a line of enquiry\n"));
  g_assert_nonnull (strstr (text, "3 advice points"));
  /* Adding a point through the form unfolds its advice again. */
  g_assert_true (adw_expander_row_get_expanded (
                   ADW_EXPANDER_ROW (find_row (GTK_WIDGET (page), "Early advice requested"))));
  g_assert_nonnull (cctv_uuid);

  gtk_window_destroy (GTK_WINDOW (window));
  sot_test_spin ();
}

static void
test_two_victims (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) victims = NULL;
  g_autoptr(GListModel) deadlines = NULL;
  g_autoptr(GDateTime) agreed = g_date_time_new_utc (2024, 3, 5, 9, 0, 0);
  g_autofree char *text = NULL;
  gint64 id = sot_investigation_get_id (fixture->investigation);
  GtkWidget *window = gtk_window_new ();
  SotVictimPage *page = SOT_VICTIM_PAGE (sot_victim_page_new (fixture->ws.store));
  SotPersonDetails second = { 0 };
  SotIsvaDetails isva = { 0 };
  AdwComboRow *selector;
  GtkWidget *group;
  GtkWidget *dialog;
  gint64 first_id, second_id;
  guint n_cadence_met = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  sot_victim_page_set_investigation (page, fixture->investigation);

  /* One victim: no selector. */
  selector = ADW_COMBO_ROW (find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (selector);
  group = gtk_widget_get_ancestor (GTK_WIDGET (selector), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_false (gtk_widget_get_visible (group));

  /* A second victim, each with their own ISVA; the second agreed weekly updates. */
  second.age_at_offence = 24;
  sot_person_add (fixture->ws.store, SOT_ROLE_VICTIM, id, &second, &second_id, &error);
  g_assert_no_error (error);
  victims = sot_victim_info_list (fixture->ws.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (victims), ==, 2);
  first_id = sot_victim_info_get_id (sot_test_item_at (victims, 0));
  g_assert_cmpint (sot_victim_info_get_id (sot_test_item_at (victims, 1)), ==, second_id);

  isva.service = "Rape Crisis North";
  isva.name = "Sam First";
  sot_isva_add (fixture->ws.store, first_id, &isva, &error);
  g_assert_no_error (error);
  isva.service = "Survivors Support South";
  isva.name = "Jo Second";
  sot_isva_add (fixture->ws.store, second_id, &isva, &error);
  g_assert_no_error (error);
  sot_victim_set_preference (fixture->ws.store, second_id, 7, SOT_CHANNEL_EMAIL, agreed, NULL,
                             &error);
  g_assert_no_error (error);
  sot_test_spin ();

  /* The page followed the store: the selector shows, on the first victim. */
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (selector)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (selector), ==, 0);
  text = page_text (page);
  g_assert_nonnull (strstr (text, "Rape Crisis North"));
  g_assert_null (strstr (text, "Survivors Support South"));
  g_assert_nonnull (strstr (text, "Agreed updates | Not agreed yet\n"));

  /* The second victim's ISVA and agreement. */
  adw_combo_row_set_selected (selector, 1);
  sot_test_spin ();
  g_clear_pointer (&text, g_free);
  text = page_text (page);
  g_assert_null (strstr (text, "Rape Crisis North"));
  g_assert_nonnull (strstr (text, "Survivors Support South | Jo Second"));
  g_assert_nonnull (strstr (text, "Agreed updates | Every 7 days, Email\n"));

  /* A contact logged now is with the second victim: it meets their weekly update. */
  dialog = sot_victim_page_open_log_contact_dialog (page);
  respond (dialog, SOT_FORM_DIALOG_ACCEPT);
  deadlines = sot_deadline_list_for_investigation (fixture->ws.store, id, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (deadlines); i++)
    {
      g_autoptr(SotDeadline) d = g_list_model_get_item (deadlines, i);

      if (g_str_equal (sot_deadline_get_kind (d), SOT_DEADLINE_CADENCE) &&
          sot_deadline_get_met_at (d) != NULL)
        {
          g_assert_cmpstr (sot_deadline_get_met_at (d), ==, "2024-03-12T10:00:00Z");
          n_cadence_met++;
        }
    }
  g_assert_cmpuint (n_cadence_met, ==, 1);

  /* The reload after the write kept the second victim. */
  g_assert_cmpuint (adw_combo_row_get_selected (selector), ==, 1);
  g_clear_pointer (&text, g_free);
  text = page_text (page);
  g_assert_nonnull (strstr (text, "Survivors Support South"));

  /* Another case starts on its first victim. */
  sot_victim_page_set_investigation (page, NULL);
  sot_victim_page_set_investigation (page, fixture->investigation);
  g_assert_cmpuint (adw_combo_row_get_selected (selector), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  sot_test_spin ();
}

static void
test_edit_isva (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) victims = NULL;
  g_autoptr(GListModel) isvas = NULL;
  g_autofree char *text = NULL;
  gint64 id = sot_investigation_get_id (fixture->investigation);
  GtkWidget *window = gtk_window_new ();
  SotVictimPage *page = SOT_VICTIM_PAGE (sot_victim_page_new (fixture->ws.store));
  SotIsvaDetails details = { 0 };
  GtkWidget *dialog;
  GtkWidget *form;
  GtkWidget *service;
  SotIsva *isva;

  victims = sot_victim_info_list (fixture->ws.store, id, &error);
  g_assert_no_error (error);
  details.service = "Rape Crisis";
  details.referred_on = "2024-03-04";
  sot_isva_add (fixture->ws.store, sot_victim_info_get_id (sot_test_item_at (victims, 0)), &details,
                &error);
  g_assert_no_error (error);
  isvas = sot_isva_list (fixture->ws.store, id, &error);
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  sot_victim_page_set_investigation (page, fixture->investigation);

  g_assert_null (sot_victim_page_open_isva_dialog (page, "no-such-isva"));
  dialog = sot_victim_page_open_isva_dialog (page, sot_isva_get_uuid (sot_test_item_at (isvas, 0)));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  form = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));

  /* The service is required; the name and consent are filled in. */
  service = find_widget (form, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (service)), ==, "Rape Crisis");
  gtk_editable_set_text (GTK_EDITABLE (service), " ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                         SOT_FORM_DIALOG_ACCEPT));
  gtk_editable_set_text (GTK_EDITABLE (service), "Rape Crisis Midlands");
  gtk_editable_set_text (GTK_EDITABLE (sot_form_dialog_get_field (SOT_FORM_DIALOG (dialog),
                                                                  "name")),
                         "Ali Adviser");
  gtk_switch_set_active (GTK_SWITCH (find_widget (form, GTK_TYPE_SWITCH)), TRUE);
  respond (dialog, SOT_FORM_DIALOG_ACCEPT);

  g_clear_object (&isvas);
  isvas = sot_isva_list (fixture->ws.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (isvas), ==, 1);
  isva = sot_test_item_at (isvas, 0);
  g_assert_cmpstr (sot_isva_get_service (isva), ==, "Rape Crisis Midlands");
  g_assert_cmpstr (sot_isva_get_name (isva), ==, "Ali Adviser");
  g_assert_true (sot_isva_get_consent_to_share (isva));
  g_assert_cmpstr (sot_isva_get_consent_on (isva), ==, "2024-03-12");
  g_assert_cmpstr (sot_isva_get_referred_on (isva), ==, "2024-03-04");

  text = page_text (page);
  g_assert_nonnull (strstr (text, "Rape Crisis Midlands | Ali Adviser · Consents to sharing"));

  gtk_window_destroy (GTK_WINDOW (window));
  sot_test_spin ();
}

/* The last audit row: "action entity_uuid recipient reason". */
static char *
last_audit (SotStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sot_store_prepare (store,
                                          "SELECT action || ' ' || entity_uuid || ' ' || "
                                          "coalesce (recipient, '-') || ' ' || reason "
                                          "FROM audit_log ORDER BY id DESC LIMIT 1", &error);
  char *text;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static void
test_walkthrough (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) victims = NULL;
  g_autofree char *pdf = g_build_filename (fixture->ws.dir, "walkthrough.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *language = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *expected = NULL;
  gsize length = 0;
  gint64 n_audit;
  const char *victim;
  GtkWidget *window = gtk_window_new ();
  SotVictimPage *page = SOT_VICTIM_PAGE (sot_victim_page_new (fixture->ws.store));
  AdwComboRow *language_row;

  victims = sot_victim_info_list (fixture->ws.store,
                                  sot_investigation_get_id (fixture->investigation), &error);
  g_assert_no_error (error);
  victim = sot_victim_info_get_uuid (sot_test_item_at (victims, 0));

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  sot_victim_page_set_investigation (page, fixture->investigation);

  /* The language row shows the recorded language and records the one chosen (audited). */
  language_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (page), "_Language"));
  g_assert_nonnull (language_row);
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 0);
  n_audit = sot_test_count (fixture->ws.store, "audit_log");
  adw_combo_row_set_selected (language_row, 1);
  sot_test_spin ();
  language = sot_victim_get_language (fixture->ws.store, victim);
  g_assert_cmpstr (language, ==, SOT_LANGUAGE_WELSH);
  g_assert_cmpint (sot_test_count (fixture->ws.store, "audit_log"), ==, n_audit + 1);
  audit = last_audit (fixture->ws.store);
  expected = g_strdup_printf ("alter %s - language", victim);
  g_assert_cmpstr (audit, ==, expected);
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 1);

  /* The Walkthrough action writes the PDF, in the recorded language: one disclosure. */
  sot_victim_page_set_walkthrough_path (page, pdf);
  n_audit = sot_test_count (fixture->ws.store, "audit_log");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "victim-page.walkthrough", NULL));
  sot_test_spin ();
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (sot_test_count (fixture->ws.store, "audit_log"), ==, n_audit + 1);
  g_clear_pointer (&audit, g_free);
  g_clear_pointer (&expected, g_free);
  audit = last_audit (fixture->ws.store);
  expected = g_strdup_printf ("disclose %s victim digital walkthrough (cy)", victim);
  g_assert_cmpstr (audit, ==, expected);

  /* Without a case, there is no one to write it for. */
  sot_victim_page_set_investigation (page, NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "victim-page.walkthrough", NULL);
  sot_test_spin ();
  g_assert_cmpint (sot_test_count (fixture->ws.store, "audit_log"), ==, n_audit + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  sot_test_spin ();
}

/* "YYYY-MM-DD HH:MM" in UK local time, as the forms take it. */
static char *
form_time (GDateTime *utc)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
test_form_follows_training_clock (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) real = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) too_late = NULL;
  g_autoptr(GDateTime) store_now = NULL;
  g_autofree char *later_text = NULL;
  g_autofree char *too_late_text = NULL;
  GtkWidget *window = gtk_window_new ();
  SotVictimPage *page = SOT_VICTIM_PAGE (sot_victim_page_new (fixture->ws.store));
  SotFormDialog *form;

  /* The real clock of the system, moved two days on by the training clock. */
  sot_store_set_clock (fixture->ws.store, NULL);
  g_assert_true (sot_training_clock_advance (fixture->ws.store, 2 * G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);
  real = g_date_time_new_now_utc ();
  later = g_date_time_add_days (real, 1);
  too_late = g_date_time_add_days (real, 3);
  later_text = form_time (later);
  too_late_text = form_time (too_late);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  sot_victim_page_set_investigation (page, fixture->investigation);

  form = SOT_FORM_DIALOG (sot_victim_page_open_log_contact_dialog (page));
  g_assert_nonnull (form);
  store_now = sot_store_now (fixture->ws.store);
  g_assert_cmpint (g_date_time_difference (sot_form_dialog_get_now (form), real), >,
                   2 * G_TIME_SPAN_DAY - G_TIME_SPAN_MINUTE);
  g_assert_cmpint (g_date_time_difference (store_now, sot_form_dialog_get_now (form)), <,
                   G_TIME_SPAN_MINUTE);

  /* Tomorrow by the real clock is not in the future by the training clock... */
  sot_form_dialog_set_text (form, "when", later_text);
  sot_form_dialog_validate (form);
  g_assert_null (sot_form_dialog_get_error (form, "when"));
  g_assert_true (sot_form_dialog_is_valid (form));

  /* ...but a day after the training clock's now is. */
  sot_form_dialog_set_text (form, "when", too_late_text);
  sot_form_dialog_validate (form);
  g_assert_nonnull (sot_form_dialog_get_error (form, "when"));
  g_assert_false (sot_form_dialog_is_valid (form));

  gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (window));
  sot_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/victim-page/overdue-then-logged", Fixture, NULL, fixture_setup,
              test_overdue_then_logged, fixture_teardown);
  g_test_add ("/victim-page/timeline", Fixture, NULL, fixture_setup, test_timeline_page,
              fixture_teardown);
  g_test_add ("/victim-page/advice-point-linked", Fixture, NULL, fixture_setup,
              test_advice_point_linked, fixture_teardown);
  g_test_add ("/victim-page/two-victims", Fixture, NULL, fixture_setup, test_two_victims,
              fixture_teardown);
  g_test_add ("/victim-page/edit-isva", Fixture, NULL, fixture_setup, test_edit_isva,
              fixture_teardown);
  g_test_add ("/victim-page/walkthrough", Fixture, NULL, fixture_setup, test_walkthrough,
              fixture_teardown);
  g_test_add ("/victim-page/form-follows-training-clock", Fixture,
              GUINT_TO_POINTER (SOT_TEST_WORKSPACE_TRAINING), fixture_setup,
              test_form_follows_training_clock, fixture_teardown);

  return g_test_run ();
}
