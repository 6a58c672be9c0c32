/* test-victim-page.c: the Due view and the Victim page on an overdue Right 6 deadline
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sot-due-view.h"
#include "sot-investigation-list.h"
#include "sot-person.h"
#include "sot-time.h"
#include "sot-timeline-page.h"
#include "sot-timeline.h"
#include "sot-victim-contact.h"
#include "sot-victim-page.h"

typedef struct {
  char             *dir;
  SotStore         *store;
  SotInvestigation *investigation;
  char             *deadline_uuid;
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A case with one victim (enhanced rights) and one suspect, arrested on Friday 8 March 2024:
 * the victim had to be told by the end of Monday 11 March; the clock says Tuesday 12 March. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 3, 12, 10, 0, 0);
  g_autoptr(GDateTime) arrest = sot_time_parse ("2024-03-08T18:30", NULL);
  g_autofree char *path = NULL;
  g_autofree char *event_uuid = NULL;
  g_autoptr(GListModel) deadlines = NULL;
  g_autoptr(SotDeadline) deadline = NULL;
  SotPersonDetails victim = { 0 };
  SotPersonDetails suspect = { 0 };
  gint64 suspect_id;

  fixture->dir = g_dir_make_tmp ("sot-test-victim-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "workbench.db", NULL);
  fixture->store = sot_store_open (path, SOT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sot_store_set_clock (fixture->store, now);
  sot_store_set_operator (fixture->store, "DC Ash Example");

  fixture->investigation = sot_investigation_new ();
  sot_investigation_set_crime_reference (fixture->investigation, "UI/24/000001");
  sot_investigation_set_offence_type (fixture->investigation, "rape");
  sot_investigation_set_offence_from (fixture->investigation, "2024-03-01T22:30");
  sot_investigation_set_reported_on (fixture->investigation, "2024-03-02");
  sot_investigation_set_officer (fixture->investigation, "DC Ash Example");
  sot_investigation_insert (fixture->investigation, fixture->store, &error);
  g_assert_no_error (error);

  victim.age_at_offence = 30;
  sot_person_add (fixture->store, SOT_ROLE_VICTIM, sot_investigation_get_id (fixture->investigation),
                  &victim, NULL, &error);
  g_assert_no_error (error);
  suspect.age_at_offence = -1;
  sot_person_add (fixture->store, SOT_ROLE_SUSPECT,
                  sot_investigation_get_id (fixture->investigation), &suspect, &suspect_id, &error);
  g_assert_no_error (error);

  sot_right6_record (fixture->store, sot_investigation_get_id (fixture->investigation),
                     SOT_RIGHT6_ARREST, arrest, suspect_id, NULL, &event_uuid, &error);
  g_assert_no_error (error);

  deadlines = sot_deadline_list_for_investigation (fixture->store,
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
  spin ();
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->deadline_uuid);
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
  SotDueView *due;
  SotVictimPage *page;
  GtkWidget *dialog;
  GListModel *items;

  list = sot_investigation_list_new (fixture->store, &error);
  g_assert_no_error (error);
  listed = sot_investigation_list_lookup (list, sot_investigation_get_uuid (fixture->investigation));
  g_assert_nonnull (listed);

  /* The list's badge and sort key: the case's next deadline is the overdue one. */
  g_assert_cmpstr (sot_investigation_get_next_deadline (listed), ==, "2024-03-11T23:59:59Z");

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  due = SOT_DUE_VIEW (sot_due_view_new (fixture->store));
  page = SOT_VICTIM_PAGE (sot_victim_page_new (fixture->store));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (due));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  /* The Due view lists it, overdue. */
  items = sot_due_view_get_items (due);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  {
    g_autoptr(SotDeadline) d = g_list_model_get_item (items, 0);

    g_assert_cmpint (sot_deadline_get_state (d), ==, SOT_DEADLINE_OVERDUE);
    g_assert_cmpstr (sot_deadline_get_uuid (d), ==, fixture->deadline_uuid);
    g_assert_cmpstr (sot_deadline_get_investigation_uuid (d), ==,
                     sot_investigation_get_uuid (fixture->investigation));
  }

  /* Only the operator's cases: the operator is this case's officer. */
  sot_due_view_set_only_mine (due, TRUE);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  sot_store_set_operator (fixture->store, "DC Somebody Else");
  sot_due_view_reload (due, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  sot_store_set_operator (fixture->store, "DC Ash Example");
  sot_due_view_set_only_mine (due, FALSE);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);

  /* Logging a contact through the Victim page's dialog, which ticks the open event. */
  sot_victim_page_set_investigation (page, fixture->investigation);
  dialog = sot_victim_page_open_log_contact_dialog (page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "log");
  spin ();

  /* Met, gone from the Due view, and the case has no next deadline any more. */
  open = sot_deadline_list_for_investigation (fixture->store,
                                              sot_investigation_get_id (fixture->investigation),
                                              TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_null (sot_investigation_get_next_deadline (listed));

  {
    g_autoptr(GPtrArray) contacts = sot_victim_contact_list (fixture->store,
                                                             sot_investigation_get_id (fixture->investigation),
                                                             &error);

    g_assert_no_error (error);
    g_assert_cmpuint (contacts->len, ==, 1);
    g_assert_cmpstr (((SotVictimContact *) g_ptr_array_index (contacts, 0))->who, ==,
                     "DC Ash Example");
    g_assert_cmpstr (((SotVictimContact *) g_ptr_array_index (contacts, 0))->contact_at, ==,
                     "2024-03-12T10:00:00Z");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
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
  SotTimelinePage *page = SOT_TIMELINE_PAGE (sot_timeline_page_new (fixture->store));
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
  spin ();
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

  return g_test_run ();
}
