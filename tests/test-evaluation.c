/* test-evaluation.c: the Evaluation view and the dataset export dialog on a training workspace
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sot-evaluation-view.h"
#include "sot-export-dialog.h"
#include "sot-test-workspace.h"

#define N_CASES 300

typedef struct {
  SotTestWorkspace ws;       /* a training workspace; its folder holds the export folder too */
  char            *out;      /* the folder chosen for the package */
  GtkWindow       *window;   /* the window under test (the view's, or the dialog) */
} Fixture;

static gint64
query_int (Fixture    *f,
           const char *sql,
           const char *arg)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sot_store_prepare (f->ws.store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  if (arg != NULL)
    sot_store_bind_text (stmt, 1, arg);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sot_test_workspace_setup (&f->ws, "evaluation", SOT_TEST_WORKSPACE_TRAINING);
  f->out = g_build_filename (f->ws.dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->out, 0700), ==, 0);

  sot_test_fill_demo (f->ws.store, N_CASES, 1, 2026, 3, 1);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    {
      gtk_window_destroy (f->window);
      sot_test_spin ();
      g_assert_finalize_object (f->window);
    }
  sot_test_spin ();
  g_assert_finalize_object (g_steal_pointer (&f->ws.store));

  sot_test_workspace_teardown (&f->ws);
  g_free (f->out);
}

/* --- Widgets, found as a user finds them: by their titles and labels --- */

static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
is_numeric_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
row (GtkWidget  *root,
     const char *title)
{
  GtkWidget *found = find_widget (root, is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
button (GtkWidget  *root,
        const char *label)
{
  GtkWidget *found = find_widget (root, is_button_labelled, label);

  g_assert_nonnull (found);
  return found;
}

/* --- The Evaluation view --- */

static SotEvaluationView *
show_view (Fixture *f)
{
  GtkWidget *view = sot_evaluation_view_new (f->ws.store);

  f->window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  gtk_window_set_default_size (f->window, 900, 700);
  gtk_window_set_child (f->window, view);
  gtk_window_present (f->window);

  return SOT_EVALUATION_VIEW (view);
}

/* Whether the view shows metrics computed for the period @from–@to. */
static gboolean
shows_period (SotEvaluationView *view,
              const char        *from,
              const char        *to)
{
  const SotMetrics *m = sot_evaluation_view_get_metrics (view);

  return m != NULL && g_strcmp0 (m->from, from) == 0 && g_strcmp0 (m->to, to) == 0;
}

/* The value the figure @title shows. */
static const char *
figure (SotEvaluationView *view,
        const char        *title)
{
  GtkWidget *label = find_widget (row (GTK_WIDGET (view), title), is_numeric_label, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
assert_count_shown (SotEvaluationView *view,
                    const char        *title,
                    gint64             n,
                    guint              threshold)
{
  g_autofree char *expected = n < (gint64) threshold
                              ? g_strdup_printf ("fewer than %u", threshold)
                              : g_strdup_printf ("%" G_GINT64_FORMAT, n);

  g_assert_cmpstr (figure (view, title), ==, expected);
}

/* Every figure shown: the value labels of the figures list. */
static GPtrArray *
figure_values (SotEvaluationView *view)
{
  GPtrArray *values = g_ptr_array_new ();
  GtkWidget *list = gtk_widget_get_parent (row (GTK_WIDGET (view), "Investigations reported"));

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_widget (child, is_numeric_label, NULL);

      if (label != NULL)
        g_ptr_array_add (values, (gpointer) gtk_label_get_text (GTK_LABEL (label)));
    }

  return values;
}

static void
test_view_figures (Fixture       *f,
                   gconstpointer  data)
{
  SotEvaluationView *view = show_view (f);
  const SotMetrics *m;
  gint64 n_reported = query_int (f, "SELECT count (*) FROM investigation "
                                    "WHERE reported_on IS NOT NULL", NULL);

  g_assert_cmpint (n_reported, >, 0);
  g_assert_cmpint (n_reported, <=, N_CASES);

  SOT_TEST_WAIT_FOR (shows_period (view, NULL, NULL) && gtk_widget_get_mapped (GTK_WIDGET (view)));
  m = sot_evaluation_view_get_metrics (view);
  g_assert_nonnull (m);
  g_assert_true (sot_evaluation_view_get_store (view) == f->ws.store);

  /* Every report, dated by its own day, and the whole cohort. */
  g_assert_cmpint (m->total.reports, ==, n_reported);
  g_assert_cmpint (m->n_investigations, ==, n_reported);
  g_assert_cmpuint (m->months->len, >, 0);
  g_assert_cmpuint (m->quarters->len, >, 0);
  assert_count_shown (view, "Investigations reported", n_reported, 10);
  assert_count_shown (view, "Suspects charged", m->total.latest[SOT_CPS_CHARGE], 10);
}

static void
test_view_period (Fixture       *f,
                  gconstpointer  data)
{
  SotEvaluationView *view = show_view (f);
  g_autoptr(GError) error = NULL;
  gint64 n_all = query_int (f, "SELECT count (*) FROM investigation "
                               "WHERE reported_on IS NOT NULL", NULL);
  sqlite3_stmt *stmt;
  g_autofree char *month = NULL;
  gint64 n_month, n_from;
  const SotMetrics *m;

  /* The busiest month of report: a period of one month, then from it on. */
  stmt = sot_store_prepare (f->ws.store,
                            "SELECT substr (reported_on, 1, 7), count (*) FROM investigation "
                            "WHERE reported_on IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  month = sot_store_column_dup (stmt, 0);
  n_month = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  g_assert_nonnull (month);
  g_assert_cmpint (n_month, >, 0);
  g_assert_cmpint (n_month, <, n_all);
  n_from = query_int (f, "SELECT count (*) FROM investigation WHERE reported_on >= ?1 || '-01'",
                      month);
  g_assert_cmpint (n_from, >=, n_month);

  SOT_TEST_WAIT_FOR (shows_period (view, NULL, NULL));
  g_assert_cmpint (sot_evaluation_view_get_metrics (view)->total.reports, ==, n_all);

  /* One month. */
  sot_evaluation_view_set_period (view, month, month);
  SOT_TEST_WAIT_FOR (shows_period (view, month, month));
  m = sot_evaluation_view_get_metrics (view);
  g_assert_cmpint (m->total.reports, ==, n_month);
  g_assert_cmpint (m->n_investigations, ==, n_month);
  g_assert_cmpuint (m->months->len, ==, 1);
  g_assert_cmpstr (g_array_index (m->months, SotMetricsPeriod, 0).period, ==, month);
  assert_count_shown (view, "Investigations reported", n_month, 10);

  /* From that month on, open at the end. */
  sot_evaluation_view_set_period (view, month, NULL);
  SOT_TEST_WAIT_FOR (shows_period (view, month, NULL));
  m = sot_evaluation_view_get_metrics (view);
  g_assert_cmpint (m->total.reports, ==, n_from);
  assert_count_shown (view, "Investigations reported", n_from, 10);

  /* The whole period again. */
  sot_evaluation_view_set_period (view, NULL, NULL);
  SOT_TEST_WAIT_FOR (shows_period (view, NULL, NULL));
  g_assert_cmpint (sot_evaluation_view_get_metrics (view)->total.reports, ==, n_all);
  assert_count_shown (view, "Investigations reported", n_all, 10);
}

static void
test_view_threshold (Fixture       *f,
                     gconstpointer  data)
{
  SotEvaluationView *view = show_view (f);
  const SotMetrics *m;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint n_numbers = 0;

  SOT_TEST_WAIT_FOR (shows_period (view, NULL, NULL));
  m = sot_evaluation_view_get_metrics (view);
  g_assert_cmpint (m->n_investigations, >=, 10);
  assert_count_shown (view, "Investigations reported", m->n_investigations, 10);

  /* At the default threshold some figures are shown as numbers. */
  before = figure_values (view);
  g_assert_cmpuint (before->len, >, 0);
  for (guint i = 0; i < before->len; i++)
    if (g_ascii_isdigit (((const char *) g_ptr_array_index (before, i))[0]))
      n_numbers++;
  g_assert_cmpuint (n_numbers, >, 0);

  /* Above every count of the workspace: nothing small, nor anything else, is shown. */
  sot_evaluation_view_set_threshold (view, 1000);
  sot_test_spin ();
  g_assert_true (sot_evaluation_view_get_metrics (view) == m);   /* the same figures */
  assert_count_shown (view, "Investigations reported", m->n_investigations, 1000);
  g_assert_cmpstr (figure (view, "Investigations reported"), ==, "fewer than 1000");
  g_assert_cmpstr (figure (view, "Charge rate, CPS definition (charged ÷ legal decisions)"), ==,
                   sot_ratio_available (&m->charge_rate_cps) ? "Suppressed (small numbers)"
                                                             : "Not available");
  after = figure_values (view);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      const char *value = g_ptr_array_index (after, i);

      if (!g_str_equal (value, "fewer than 1000") &&
          !g_str_equal (value, "Suppressed (small numbers)") &&
          !g_str_equal (value, "Not available"))
        g_error ("Figure %u shown at threshold 1000: %s", i, value);
    }

  /* The spin button follows; below the minimum, the minimum. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (view), is_type,
                                                   GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON)))),
                   ==, 1000);
  sot_evaluation_view_set_threshold (view, 1);
  assert_count_shown (view, "Investigations reported", m->n_investigations, 3);

  /* Back to the default: the figure shows again. */
  sot_evaluation_view_set_threshold (view, 10);
  sot_test_spin ();
  assert_count_shown (view, "Investigations reported", m->n_investigations, 10);
}

/* --- The export dialog --- */

typedef struct {
  SotExportDialog *dialog;
  GtkEditable     *recipient;
  GtkEditable     *purpose;
  GtkWidget       *export_button;
  GtkWidget       *cancel_button;
  GtkWidget       *progress_bar;
  GtkWidget       *key_row;
} Dialog;

static void
show_dialog (Fixture *f,
             Dialog  *d)
{
  GtkWidget *root;

  d->dialog = sot_export_dialog_new (f->ws.store, NULL);
  f->window = GTK_WINDOW (g_object_ref (d->dialog));
  gtk_window_present (f->window);
  SOT_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));

  root = GTK_WIDGET (d->dialog);
  d->recipient = GTK_EDITABLE (row (root, "_Recipient"));
  d->purpose = GTK_EDITABLE (row (root, "_Purpose"));
  d->key_row = row (root, "Pseudonym _key");
  d->export_button = button (root, "_Export");
  d->cancel_button = button (root, "_Cancel Export");
  d->progress_bar = find_widget (root, is_type, GSIZE_TO_POINTER (GTK_TYPE_PROGRESS_BAR));
  g_assert_nonnull (d->progress_bar);
}

/* Clicks @widget as a user does, at once (gtk_widget_activate() on a button clicks only after
 * its press animation): only a sensitive, visible button can be clicked. */
static void
click (GtkWidget *widget)
{
  g_assert_true (gtk_widget_is_sensitive (widget));
  g_assert_true (gtk_widget_get_visible (widget));
  g_signal_emit_by_name (widget, "clicked");
}

static gboolean
can_export (Dialog *d)
{
  return gtk_widget_is_sensitive (d->export_button);
}

static gboolean
running (Dialog *d)
{
  return gtk_widget_get_visible (d->cancel_button);
}

static void
test_export_sensitivity (Fixture       *f,
                         gconstpointer  data)
{
  Dialog d = { 0 };
  g_autoptr(GFile) folder = g_file_new_for_path (f->out);

  show_dialog (f, &d);
  g_assert_false (can_export (&d));
  g_assert_false (running (&d));

  /* A folder alone, a recipient alone, blank text: not enough. */
  sot_export_dialog_set_folder (d.dialog, folder);
  g_assert_false (can_export (&d));
  gtk_editable_set_text (d.recipient, "University of Example, evaluation team");
  g_assert_false (can_export (&d));
  gtk_editable_set_text (d.purpose, "   ");
  g_assert_false (can_export (&d));
  gtk_editable_set_text (d.purpose, "Evaluation of the 2025 pilot");
  g_assert_true (can_export (&d));

  /* Either emptied again: not enough. */
  gtk_editable_set_text (d.recipient, "");
  g_assert_false (can_export (&d));
  gtk_editable_set_text (d.recipient, "University of Example, evaluation team");
  g_assert_true (can_export (&d));
  gtk_editable_set_text (d.purpose, "");
  g_assert_false (can_export (&d));
  gtk_editable_set_text (d.purpose, "Evaluation of the 2025 pilot");
  g_assert_true (can_export (&d));

  /* No folder: not enough. */
  sot_export_dialog_set_folder (d.dialog, NULL);
  g_assert_false (can_export (&d));
  sot_export_dialog_set_folder (d.dialog, folder);
  g_assert_true (can_export (&d));

  /* What the dialog would export. */
  {
    g_autoptr(SotExportOptions) options = sot_export_dialog_get_options (d.dialog);

    g_assert_cmpstr (options->recipient, ==, "University of Example, evaluation team");
    g_assert_cmpstr (options->purpose, ==, "Evaluation of the 2025 pilot");
    g_assert_cmpuint (options->threshold, ==, 10);
    g_assert_true (sot_export_options_check (options, TRUE, NULL));
  }

  /* Even a click that gets past the insensitive button (an accelerator, say) exports nothing
   * without a purpose: no audit row, no package. */
  {
    gint64 n_audit = sot_test_count (f->ws.store, "audit_log");
    g_auto(GStrv) names = NULL;

    gtk_editable_set_text (d.purpose, "");
    g_assert_false (can_export (&d));
    g_signal_emit_by_name (d.export_button, "clicked");
    sot_test_spin ();
    g_assert_false (running (&d));
    g_assert_cmpint (sot_test_count (f->ws.store, "audit_log"), ==, n_audit);
    names = sot_test_list_dir (f->out);
    g_assert_cmpuint (g_strv_length (names), ==, 0);
  }
}

static void
test_export_writes (Fixture       *f,
                    gconstpointer  data)
{
  Dialog d = { 0 };
  g_autoptr(GFile) folder = g_file_new_for_path (f->out);
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *package = NULL;
  g_autofree char *datapackage = NULL;
  g_autofree char *contents = NULL;
  sqlite3_stmt *stmt;
  gint64 n_audit = sot_test_count (f->ws.store, "audit_log");
  gint64 n_disclose = query_int (f, "SELECT count (*) FROM audit_log WHERE action = ?1", "disclose");

  show_dialog (f, &d);
  sot_export_dialog_set_folder (d.dialog, folder);
  gtk_editable_set_text (d.recipient, "University of Example, evaluation team");
  gtk_editable_set_text (d.purpose, "Evaluation of the 2025 pilot");
  g_assert_true (can_export (&d));

  /* With the archive too. */
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (
                           ADW_ACTION_ROW (row (GTK_WIDGET (d.dialog), "Also write a _zip archive")))),
                         TRUE);

  click (d.export_button);
  g_assert_true (running (&d));
  g_assert_false (can_export (&d));
  SOT_TEST_WAIT_FOR (!running (&d));

  /* One package folder, with its descriptor, and its archive beside it. */
  names = sot_test_list_dir (f->out);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  {
    const char *a = names[0];
    const char *b = names[1];
    const char *folder_name = g_str_has_suffix (a, ".zip") ? b : a;
    g_autofree char *zip_name = g_strconcat (folder_name, ".zip", NULL);

    g_assert_true (g_str_has_prefix (folder_name, "soteria-dataset-"));
    g_assert_true (g_strcmp0 (a, zip_name) == 0 || g_strcmp0 (b, zip_name) == 0);
    package = g_build_filename (f->out, folder_name, NULL);
  }
  datapackage = g_build_filename (package, "datapackage.json", NULL);
  g_assert_true (g_file_test (datapackage, G_FILE_TEST_IS_REGULAR));
  g_file_get_contents (datapackage, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"resources\""));
  {
    g_autofree char *manifest = g_build_filename (package, "manifest.sha256", NULL);

    g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  }

  /* Exactly one more audit row: the disclosure, naming recipient and purpose. */
  g_assert_cmpint (sot_test_count (f->ws.store, "audit_log"), ==, n_audit + 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = ?1", "disclose"),
                   ==, n_disclose + 1);
  stmt = sot_store_prepare (f->ws.store,
                            "SELECT action, recipient, reason FROM audit_log ORDER BY id DESC LIMIT 1",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (sot_store_column_text (stmt, 0), ==, "disclose");
  g_assert_cmpstr (sot_store_column_text (stmt, 1), ==, "University of Example, evaluation team");
  g_assert_cmpstr (sot_store_column_text (stmt, 2), ==, "Evaluation of the 2025 pilot");
  sqlite3_reset (stmt);

  g_assert_nonnull (find_widget (GTK_WIDGET (d.dialog), is_label_starting, "Exported to "));

  /* Done: the dialog offers no second export of the same package. */
  g_assert_false (can_export (&d));
  g_assert_false (running (&d));
}

typedef struct {
  Dialog   *dialog;
  gboolean  cancelled;
  gboolean  cancel_shown;
} CancelData;

/* At the first progress report, while the export runs in its thread: Cancel. */
static void
progress_text_cb (GObject    *progress_bar,
                  GParamSpec *pspec,
                  CancelData *data)
{
  if (data->cancelled)
    return;

  data->cancelled = TRUE;
  data->cancel_shown = gtk_widget_get_visible (data->dialog->cancel_button) &&
                       gtk_widget_is_sensitive (data->dialog->cancel_button);
  click (data->dialog->cancel_button);
}

static void
test_export_cancel (Fixture       *f,
                    gconstpointer  data)
{
  Dialog d = { 0 };
  CancelData cancel = { &d, FALSE, FALSE };
  g_autoptr(GFile) folder = g_file_new_for_path (f->out);
  g_auto(GStrv) names = NULL;
  gint64 n_audit = sot_test_count (f->ws.store, "audit_log");
  gulong handler;

  show_dialog (f, &d);
  sot_export_dialog_set_folder (d.dialog, folder);
  gtk_editable_set_text (d.recipient, "University of Example, evaluation team");
  gtk_editable_set_text (d.purpose, "Evaluation of the 2025 pilot");
  g_assert_true (can_export (&d));

  /* The progress reaches the dialog from the worker thread through the main context, always
   * before the end of the export: cancelling there is cancelling during the run. */
  handler = g_signal_connect (d.progress_bar, "notify::text", G_CALLBACK (progress_text_cb),
                              &cancel);
  click (d.export_button);
  g_assert_true (running (&d));
  SOT_TEST_WAIT_FOR (!running (&d));
  g_signal_handler_disconnect (d.progress_bar, handler);

  g_assert_true (cancel.cancelled);
  g_assert_true (cancel.cancel_shown);
  g_assert_nonnull (find_widget (GTK_WIDGET (d.dialog), is_label_starting,
                                 "Cancelled: nothing was written."));

  /* Nothing left behind: no package, no temporary sibling, no disclosure. */
  names = sot_test_list_dir (f->out);
  for (guint i = 0; names[i] != NULL; i++)
    g_test_message ("left behind: %s", names[i]);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_assert_cmpint (sot_test_count (f->ws.store, "audit_log"), ==, n_audit);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = ?1", "disclose"),
                   ==, 0);

  /* And the dialog can export again. */
  g_assert_true (can_export (&d));
  click (d.export_button);
  SOT_TEST_WAIT_FOR (!running (&d));
  g_clear_pointer (&names, g_strfreev);
  names = sot_test_list_dir (f->out);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpint (sot_test_count (f->ws.store, "audit_log"), ==, n_audit + 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/evaluation/view/figures", test_view_figures);
  ADD ("/evaluation/view/period", test_view_period);
  ADD ("/evaluation/view/threshold", test_view_threshold);
  ADD ("/evaluation/export/sensitivity", test_export_sensitivity);
  ADD ("/evaluation/export/writes", test_export_writes);
  ADD ("/evaluation/export/cancel", test_export_cancel);

#undef ADD

  return g_test_run ();
}
