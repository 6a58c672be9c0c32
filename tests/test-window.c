/* test-window.c: the main window on a generated training workspace, under Xvfb
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sot-backup-dialog.h"
#include "sot-backup.h"
#include "sot-forensics-page-private.h"
#include "sot-investigation-dialog-private.h"
#include "sot-overview-page-private.h"
#include "sot-line-of-enquiry.h"
#include "sot-suspect.h"
#include "sot-test-workspace.h"
#include "sot-window-private.h"

#define N_CASES 50

typedef struct {
  SotTestWorkspace  ws;   /* a generated training workspace */
  SotWindow        *window;
} Fixture;

static GListModel *
shown (Fixture *f)
{
  return G_LIST_MODEL (sot_window_get_selection (f->window));
}

static gboolean
filtered (Fixture *f)
{
  return gtk_filter_list_model_get_pending (sot_window_get_filter_model (f->window)) == 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sot_test_workspace_setup (&f->ws, "window", SOT_TEST_WORKSPACE_TRAINING);
  sot_test_fill_demo (f->ws.store, N_CASES, 7, 2026, 3, 1);

  f->window = g_object_ref (sot_window_new (NULL, f->ws.store, NULL));
  gtk_window_present (GTK_WINDOW (f->window));

  SOT_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)) && filtered (f));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db = g_path_get_basename (f->ws.path);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *anchor = g_strconcat (db, ".anchor", NULL);
  const char * const workspace_files[] = { db, wal, shm, anchor, NULL };
  g_auto(GStrv) left = NULL;

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (g_steal_pointer (&f->ws.store));

  /* Nothing but the workspace itself is left in its folder. */
  left = sot_test_list_dir (f->ws.dir);
  for (guint i = 0; left[i] != NULL; i++)
    g_assert_true (g_strv_contains (workspace_files, left[i]));

  sot_test_workspace_teardown (&f->ws);
}

/* Returns: (transfer none) (nullable): the open window of @type. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static SotInvestigationDialog *
find_dialog (void)
{
  return find_toplevel (SOT_TYPE_INVESTIGATION_DIALOG);
}

static void
set_text (SotInvestigationDialog *dialog,
          const char             *field,
          const char             *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sot_investigation_dialog_get_field (dialog, field)), text);
}

static gboolean
can_save (SotInvestigationDialog *dialog)
{
  return gtk_widget_is_sensitive (sot_investigation_dialog_get_save_button (dialog));
}

static void
test_training_banner (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *banner = sot_window_get_training_banner (f->window);

  g_assert_true (sot_store_get_training (f->ws.store));
  g_assert_true (gtk_widget_get_visible (banner));
  g_assert_true (gtk_widget_get_mapped (banner));
}

static void
test_list_count (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, N_CASES);
  g_assert_cmpstr (sot_window_get_list_state (f->window), ==, "list");
  g_assert_null (sot_window_get_current (f->window));
}

static void
test_select_consults (Fixture       *f,
                      gconstpointer  data)
{
  GtkSingleSelection *selection = sot_window_get_selection (f->window);
  SotOverviewPage *overview = sot_window_get_overview_page (f->window);
  g_autoptr(SotInvestigation) first = g_list_model_get_item (shown (f), 0);
  g_autoptr(SotInvestigation) second = g_list_model_get_item (shown (f), 1);
  gint64 audit_rows = sot_test_count (f->ws.store, "audit_log");

  gtk_single_selection_set_selected (selection, 0);
  SOT_TEST_WAIT_FOR (sot_window_get_current (f->window) == first);

  g_assert_cmpstr (sot_overview_page_get_value (overview, "crime-reference"), ==,
                   sot_investigation_get_crime_reference (first));
  g_assert_cmpint (sot_test_count (f->ws.store, "audit_log"), ==, audit_rows + 1);

  /* Opening another case is another consultation; the same one again is not a new opening. */
  gtk_single_selection_set_selected (selection, 1);
  SOT_TEST_WAIT_FOR (sot_window_get_current (f->window) == second);
  g_assert_cmpstr (sot_overview_page_get_value (overview, "crime-reference"), ==,
                   sot_investigation_get_crime_reference (second));
  g_assert_cmpint (sot_test_count (f->ws.store, "audit_log"), ==, audit_rows + 2);

  gtk_single_selection_set_selected (selection, 1);
  g_assert_cmpint (sot_test_count (f->ws.store, "audit_log"), ==, audit_rows + 2);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  SotInvestigationDialog *dialog;
  SotInvestigation *current;
  gint64 audit_rows = sot_test_count (f->ws.store, "audit_log");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-investigation",
                                             NULL));
  SOT_TEST_WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_object_ref (dialog);

  g_assert_false (can_save (dialog));

  set_text (dialog, "crime-reference", "TEST/2026/0001");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sot_investigation_dialog_get_field (dialog,
                                                                                 "offence-type")),
                              0);
  set_text (dialog, "officer", "DC Test Officer");
  set_text (dialog, "offence-from-date", "2026-02-10");
  set_text (dialog, "offence-from-time", "23:15");

  /* Reported the day before the offence: refused at the field, and Save stays off. */
  set_text (dialog, "reported-on", "2026-02-09");
  g_assert_nonnull (sot_investigation_dialog_get_problem (dialog, "reported-on"));
  g_assert_false (can_save (dialog));

  /* An unfinished date is a problem at its own field. */
  set_text (dialog, "reported-on", "2026-02");
  g_assert_nonnull (sot_investigation_dialog_get_problem (dialog, "reported-on"));
  g_assert_false (can_save (dialog));

  set_text (dialog, "reported-on", "2026-02-11");
  g_assert_null (sot_investigation_dialog_get_problem (dialog, "reported-on"));
  g_assert_null (sot_investigation_dialog_get_problem (dialog, "crime-reference"));
  g_assert_true (can_save (dialog));

  /* A crime reference already used is refused as the user types it. */
  {
    g_autoptr(SotInvestigation) listed = g_list_model_get_item (shown (f), 0);

    set_text (dialog, "crime-reference", sot_investigation_get_crime_reference (listed));
    g_assert_nonnull (sot_investigation_dialog_get_problem (dialog, "crime-reference"));
    g_assert_false (can_save (dialog));
    set_text (dialog, "crime-reference", "TEST/2026/0001");
    g_assert_true (can_save (dialog));
  }

  g_signal_emit_by_name (sot_investigation_dialog_get_save_button (dialog), "clicked");
  g_assert_finalize_object (dialog);

  g_assert_cmpint (sot_test_count (f->ws.store, "investigation"), ==, N_CASES + 1);
  SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) == N_CASES + 1);

  /* The new case is selected and open, which is its first consultation. */
  SOT_TEST_WAIT_FOR ((current = sot_window_get_current (f->window)) != NULL);
  g_assert_cmpstr (sot_investigation_get_crime_reference (current), ==, "TEST/2026/0001");
  g_assert_true (gtk_single_selection_get_selected_item (sot_window_get_selection (f->window))
                 == current);
  g_assert_cmpint (sot_test_count (f->ws.store, "audit_log"), ==, audit_rows + 2);
  g_assert_cmpstr (sot_overview_page_get_value (sot_window_get_overview_page (f->window),
                                                "offence-time"),
                   ==, "10 Feb 2026 23:15");
}

static void
test_edit_shows_at_once (Fixture       *f,
                         gconstpointer  data)
{
  SotOverviewPage *overview = sot_window_get_overview_page (f->window);
  SotInvestigationDialog *dialog;

  gtk_single_selection_set_selected (sot_window_get_selection (f->window), 0);
  SOT_TEST_WAIT_FOR (sot_window_get_current (f->window) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-investigation",
                                             NULL));
  SOT_TEST_WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_object_ref (dialog);

  /* A generated case is valid as it stands. */
  g_assert_true (can_save (dialog));

  set_text (dialog, "officer", "DS Renamed Officer");
  g_assert_true (can_save (dialog));
  g_signal_emit_by_name (sot_investigation_dialog_get_save_button (dialog), "clicked");
  g_assert_finalize_object (dialog);

  g_assert_cmpstr (sot_overview_page_get_value (overview, "officer"), ==, "DS Renamed Officer");
  g_assert_cmpint (sot_test_count (f->ws.store, "investigation"), ==, N_CASES);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = sot_window_get_search_entry (f->window);
  g_autoptr(SotInvestigation) item = g_list_model_get_item (shown (f), 7);
  const char *reference = sot_investigation_get_crime_reference (item);
  g_autofree char *fragment = g_strdup (reference + strlen (reference) - 4);
  guint n_shown;

  gtk_editable_set_text (GTK_EDITABLE (entry), fragment);
  SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) < N_CASES);

  n_shown = g_list_model_get_n_items (shown (f));
  g_assert_cmpuint (n_shown, >=, 1);
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(SotInvestigation) match = g_list_model_get_item (shown (f), i);
      g_autofree char *folded = g_utf8_casefold (fragment, -1);

      g_assert_nonnull (strstr (sot_investigation_get_search_text (match), folded));
    }

  /* The whole reference, in lower case, finds exactly that case. */
  {
    g_autofree char *lower = g_utf8_strdown (reference, -1);

    gtk_editable_set_text (GTK_EDITABLE (entry), lower);
    SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) == 1);
  }

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such investigation anywhere");
  SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) == 0);
  SOT_TEST_WAIT_FOR (g_strcmp0 (sot_window_get_list_state (f->window), "no-results") == 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) == N_CASES);
  g_assert_cmpstr (sot_window_get_list_state (f->window), ==, "list");
}

static void
test_status_filter (Fixture       *f,
                    gconstpointer  data)
{
  GtkDropDown *status = GTK_DROP_DOWN (sot_window_get_status_filter (f->window));
  const char *first_status = sot_investigation_statuses ()[0];
  guint n_shown;

  gtk_drop_down_set_selected (status, 1);
  SOT_TEST_WAIT_FOR (filtered (f));

  n_shown = g_list_model_get_n_items (shown (f));
  g_assert_cmpuint (n_shown, <, N_CASES);
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(SotInvestigation) item = g_list_model_get_item (shown (f), i);

      g_assert_cmpstr (sot_investigation_get_status (item), ==, first_status);
    }

  gtk_drop_down_set_selected (status, 0);
  SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) == N_CASES);
}

static void
test_sort_by_reference (Fixture       *f,
                        gconstpointer  data)
{
  GtkDropDown *sort = GTK_DROP_DOWN (sot_window_get_sort_order (f->window));

  gtk_drop_down_set_selected (sort, 2);

  for (guint i = 1; i < N_CASES; i++)
    {
      g_autoptr(SotInvestigation) a = g_list_model_get_item (shown (f), i - 1);
      g_autoptr(SotInvestigation) b = g_list_model_get_item (shown (f), i);

      g_assert_cmpint (g_strcmp0 (sot_investigation_get_crime_reference (a),
                                  sot_investigation_get_crime_reference (b)), <, 0);
    }

  /* Next deadline: soonest first, cases without a deadline last. */
  gtk_drop_down_set_selected (sort, 1);

  for (guint i = 1; i < N_CASES; i++)
    {
      g_autoptr(SotInvestigation) a = g_list_model_get_item (shown (f), i - 1);
      g_autoptr(SotInvestigation) b = g_list_model_get_item (shown (f), i);
      const char *da = sot_investigation_get_next_deadline (a);
      const char *db = sot_investigation_get_next_deadline (b);

      if (da == NULL)
        g_assert_null (db);
      else if (db != NULL)
        g_assert_cmpint (strcmp (da, db), <=, 0);
    }

  gtk_drop_down_set_selected (sort, 0);
}

/* The suspect-focus sort and the repeat-suspect filter use figures the window reads only while
 * they are in use. */
static void
test_focus_sort_and_repeat_filter (Fixture       *f,
                                   gconstpointer  data)
{
  GtkDropDown *sort = GTK_DROP_DOWN (sot_window_get_sort_order (f->window));
  GtkCheckButton *repeat = GTK_CHECK_BUTTON (sot_window_get_repeat_filter (f->window));
  g_autoptr(GHashTable) focus = NULL;
  g_autoptr(GHashTable) repeat_cases = NULL;
  g_autoptr(GError) error = NULL;
  guint n_shown;

  g_assert_true (sot_suspect_focus_for_all (f->ws.store, NULL, &focus, &error));
  g_assert_no_error (error);
  g_assert_true (sot_suspect_repeat_investigations (f->ws.store, &repeat_cases, &error));
  g_assert_no_error (error);

  /* Least on the suspect first; cases without lines of enquiry last. */
  gtk_drop_down_set_selected (sort, 3);
  for (guint i = 1; i < N_CASES; i++)
    {
      g_autoptr(SotInvestigation) a = g_list_model_get_item (shown (f), i - 1);
      g_autoptr(SotInvestigation) b = g_list_model_get_item (shown (f), i);
      const SotSuspectFocus *fa = g_hash_table_lookup (focus, sot_investigation_get_uuid (a));
      const SotSuspectFocus *fb = g_hash_table_lookup (focus, sot_investigation_get_uuid (b));
      double ka = fa != NULL ? sot_suspect_focus_sort_key (fa) : -1;
      double kb = fb != NULL ? sot_suspect_focus_sort_key (fb) : -1;

      if (ka < 0)
        g_assert_cmpfloat (kb, <, 0);
      else if (kb >= 0)
        g_assert_cmpfloat (ka, <=, kb);
    }
  gtk_drop_down_set_selected (sort, 0);

  /* Only the cases whose suspect is linked to another case. */
  gtk_check_button_set_active (repeat, TRUE);
  SOT_TEST_WAIT_FOR (filtered (f));
  n_shown = g_list_model_get_n_items (shown (f));
  g_assert_cmpuint (n_shown, ==, g_hash_table_size (repeat_cases));
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(SotInvestigation) item = g_list_model_get_item (shown (f), i);

      g_assert_true (g_hash_table_contains (repeat_cases, sot_investigation_get_uuid (item)));
    }

  gtk_check_button_set_active (repeat, FALSE);
  SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) == N_CASES);
}

/* Backup from the window: the form refuses a short or mismatched passphrase, and an accepted
 * one writes a sealed copy that restores with it. */
static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sot-test-backup-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "copy.backup", NULL);
  g_autofree char *restored = g_build_filename (dir, "restored.db", NULL);
  SotBackupDialog *dialog = NULL;
  SotFormDialog *form;
  gint64 records = 0;
  guint refs;

  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.backup", NULL));
  SOT_TEST_WAIT_FOR ((dialog = find_toplevel (SOT_TYPE_BACKUP_DIALOG)) != NULL);
  form = SOT_FORM_DIALOG (dialog);
  sot_backup_dialog_set_target (dialog, target);

  /* Unsealed is acceptable at once; sealing asks for the passphrase twice. */
  g_assert_true (sot_form_dialog_is_valid (form));
  sot_form_dialog_set_active (form, "seal", TRUE);
  g_assert_false (sot_form_dialog_is_valid (form));
  sot_form_dialog_set_text (form, "passphrase", "too short");
  g_assert_nonnull (sot_form_dialog_get_error (form, "passphrase"));
  sot_form_dialog_set_text (form, "passphrase", "a long enough passphrase");
  sot_form_dialog_set_text (form, "confirm", "a different passphrase");
  g_assert_false (sot_form_dialog_is_valid (form));
  g_assert_nonnull (sot_form_dialog_get_error (form, "confirm"));
  sot_form_dialog_set_text (form, "confirm", "a long enough passphrase");
  g_assert_true (sot_form_dialog_is_valid (form));

  /* The backup holds the store while it runs and lets it go when done; the dialog, closed,
   * lets it go at once. */
  refs = G_OBJECT (f->ws.store)->ref_count;
  g_assert_true (sot_form_dialog_accept (form));
  SOT_TEST_WAIT_FOR (g_file_test (target, G_FILE_TEST_EXISTS) &&
                     G_OBJECT (f->ws.store)->ref_count < refs);
  /* The copy is only renamed into place once it is complete and checked. */
  g_assert_true (sot_backup_restore (target, restored, "a long enough passphrase", &records,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (records, >, 0);
  g_free (g_steal_pointer (&restored));
  restored = g_build_filename (dir, "restored-again.db", NULL);
  g_assert_false (sot_backup_restore (target, restored, "a wrong passphrase here", NULL,
                                      &error));
  g_assert_nonnull (error);

  sot_test_remove_tree (dir);
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SotInvestigation) doomed = g_list_model_get_item (shown (f), 3);
  g_autofree char *uuid = g_strdup (sot_investigation_get_uuid (doomed));

  gtk_single_selection_set_selected (sot_window_get_selection (f->window), 3);
  SOT_TEST_WAIT_FOR (sot_window_get_current (f->window) == doomed);

  /* Hidden at once, still stored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-investigation",
                                             NULL));
  SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) == N_CASES - 1);
  g_assert_null (sot_window_get_current (f->window));
  g_assert_cmpint (sot_test_count (f->ws.store, "investigation"), ==, N_CASES);

  /* Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", "s",
                                             uuid));
  SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) == N_CASES);
  g_assert_cmpint (sot_test_count (f->ws.store, "investigation"), ==, N_CASES);

  /* Deleted again and the window closed: the erasure is final. */
  gtk_single_selection_set_selected (sot_window_get_selection (f->window), 0);
  SOT_TEST_WAIT_FOR (sot_window_get_current (f->window) != NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-investigation",
                                             NULL));
  g_assert_cmpint (sot_test_count (f->ws.store, "investigation"), ==, N_CASES);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_cmpint (sot_test_count (f->ws.store, "investigation"), ==, N_CASES - 1);
}

/* With SOT_SCREENSHOT_DIR set, draws the window into @name there, to look at. */
static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *dir = g_getenv ("SOT_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  if (dir == NULL)
    return;

  /* Let the pages lay out and draw what they now hold. */
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }

  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (f->window)),
                          gtk_widget_get_height (GTK_WIDGET (f->window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (f->window));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The training clock moves "now": a forensic window open at the real time closes, and opens
 * again back at the real time. The audit log keeps the real time meanwhile. */
static void
test_training_clock (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = sot_store_now (f->ws.store);
  g_autoptr(GDateTime) offence = g_date_time_add_hours (now, -30);
  g_autofree char *offence_text = g_date_time_format (offence, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(SotInvestigation) inv = sot_test_make_investigation ("TC/26/000030");
  GtkSingleSelection *selection = sot_window_get_selection (f->window);
  SotForensicsPage *forensics = f->window->forensics_page;
  const char *label;

  sot_investigation_set_offence_from (inv, offence_text);
  sot_investigation_set_reported_on (inv, today);
  sot_investigation_set_recorded_on (inv, today);
  g_assert_true (sot_investigation_insert (inv, f->ws.store, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (sot_window_get_search_entry (f->window)), "TC/26/000030");
  SOT_TEST_WAIT_FOR (filtered (f) && g_list_model_get_n_items (shown (f)) == 1);
  gtk_single_selection_set_selected (selection, 0);
  SOT_TEST_WAIT_FOR (sot_window_get_current (f->window) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "forensics");

  g_assert_cmpstr (sot_forensics_page_get_window_status (forensics, "oral"), ==, "closing");
  label = gtk_menu_button_get_label (f->window->clock_button);
  g_assert_cmpstr (label, ==, "Clock: real time");
  save_screenshot (f, "training-clock-before.png");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clock-forward", "i", 24);
  g_assert_cmpint (sot_store_get_clock_offset (f->ws.store) / G_TIME_SPAN_HOUR, ==, 24);
  g_assert_cmpstr (sot_forensics_page_get_window_status (forensics, "oral"), ==, "closed");
  g_assert_cmpstr (sot_forensics_page_get_window_status (forensics, "vaginal"), ==, "open");
  label = gtk_menu_button_get_label (f->window->clock_button);
  g_assert_true (g_str_has_prefix (label, "Clock: "));
  g_assert_cmpstr (label, !=, "Clock: real time");

  save_screenshot (f, "training-clock-after.png");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clock-reset", NULL);
  g_assert_cmpint (sot_store_get_clock_offset (f->ws.store), ==, 0);
  g_assert_cmpstr (sot_forensics_page_get_window_status (forensics, "oral"), ==, "closing");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/window/training-banner", test_training_banner);
  ADD ("/window/list/count", test_list_count);
  ADD ("/window/list/search", test_search);
  ADD ("/window/list/status-filter", test_status_filter);
  ADD ("/window/list/sort", test_sort_by_reference);
  ADD ("/window/list/focus-and-repeat", test_focus_sort_and_repeat_filter);
  ADD ("/window/select/consult", test_select_consults);
  ADD ("/window/dialog/create", test_create);
  ADD ("/window/dialog/edit", test_edit_shows_at_once);
  ADD ("/window/delete/undo", test_delete_undo);
  ADD ("/window/training-clock", test_training_clock);
  ADD ("/window/backup", test_backup);

#undef ADD

  return g_test_run ();
}
