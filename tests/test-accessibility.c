/* test-accessibility.c: every interactive control of the window has a real accessible name
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sot-evaluation-view.h"
#include "sot-suspect-page-private.h"
#include "sot-test-workspace.h"
#include "sot-window-private.h"

#define N_CASES 20

/* The pages of an open investigation, as win.show-page names them. */
static const char * const pages[] = {
  "overview", "suspect-focus", "forensics", "victim", "timeline",
};

typedef struct {
  SotTestWorkspace  ws;   /* a generated training workspace */
  SotWindow        *window;
} Fixture;

static gboolean
filtered (Fixture *f)
{
  return gtk_filter_list_model_get_pending (sot_window_get_filter_model (f->window)) == 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sot_test_workspace_setup (&f->ws, "accessibility", SOT_TEST_WORKSPACE_TRAINING);
  sot_test_fill_demo (f->ws.store, N_CASES, 7, 2026, 3, 1);

  f->window = g_object_ref (sot_window_new (NULL, f->ws.store, NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  SOT_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)) && filtered (f));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (g_steal_pointer (&f->ws.store));
  sot_test_workspace_teardown (&f->ws);
}

static void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

/* The roles a screen reader lands on and announces by name. */
static gboolean
is_interactive (GtkWidget *widget)
{
  static const GtkAccessibleRole roles[] = {
    GTK_ACCESSIBLE_ROLE_BUTTON, GTK_ACCESSIBLE_ROLE_COMBO_BOX, GTK_ACCESSIBLE_ROLE_MENU_ITEM,
    GTK_ACCESSIBLE_ROLE_CHECKBOX, GTK_ACCESSIBLE_ROLE_SWITCH, GTK_ACCESSIBLE_ROLE_TEXT_BOX,
    GTK_ACCESSIBLE_ROLE_SEARCH_BOX, GTK_ACCESSIBLE_ROLE_SPIN_BUTTON, GTK_ACCESSIBLE_ROLE_RADIO,
  };
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (role == roles[i])
      return TRUE;

  return FALSE;
}

/* The accessible label property, or NULL. gtk_test_accessible_check_property () hands back
 * the value when it differs from the one asked for, and no label is a lone control character. */
static char *
label_of (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
}

/* GTK 4.8 builds a name from the label property followed by the names of the labelled-by
 * widgets, and falls back to the class name when both are missing. So a control is named
 * when it has either; a label that still holds the mnemonic underscore, or that repeats the
 * text of the mnemonic label that labels it too, is read wrongly ("_Edit Edit"). Returns
 * why the control is badly named, or NULL. */
static char *
naming_problem (GtkWidget *widget)
{
  g_autofree char *label = label_of (widget);
  gboolean labelled_by = gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  GList *mnemonics;

  if ((label == NULL || *label == '\0') && !labelled_by)
    return g_strdup ("has no accessible name (read as its class name)");
  if (label == NULL)
    return NULL;

  mnemonics = gtk_widget_list_mnemonic_labels (widget);
  for (GList *l = mnemonics; l != NULL; l = l->next)
    {
      const char *text = gtk_label_get_text (GTK_LABEL (l->data));

      if (gtk_label_get_use_underline (GTK_LABEL (l->data)) && strchr (label, '_') != NULL)
        {
          g_list_free (mnemonics);
          return g_strdup_printf ("is named \"%s\" with the mnemonic underscore", label);
        }
      if (g_strcmp0 (text, label) == 0)
        {
          g_list_free (mnemonics);
          return g_strdup_printf ("is named \"%s %s\": its label twice", label, text);
        }
    }
  g_list_free (mnemonics);

  return NULL;
}

/* The control's class, and the nearest template id around it, to find it in the .ui files. */
static char *
describe (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));

      if (id != NULL)
        return g_strdup_printf ("%s in %s (%s)", G_OBJECT_TYPE_NAME (widget), id,
                                G_OBJECT_TYPE_NAME (gtk_widget_get_root (widget)));
    }

  return g_strdup (G_OBJECT_TYPE_NAME (widget));
}

/* Walks what is on screen (mapped) and notes each badly named control. */
static void
check_tree (GtkWidget  *widget,
            const char *where,
            GString    *problems,
            guint      *n_checked)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_interactive (widget))
    {
      *n_checked += 1;
      g_autofree char *problem = naming_problem (widget);

      if (problem != NULL)
        {
          g_autofree char *what = describe (widget);

          g_test_message ("%s: %s %s", where, what, problem);
          g_string_append_printf (problems, "%s %s; ", what, problem);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (child, where, problems, n_checked);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_checked = 0;

  settle ();
  check_tree (root, where, problems, &n_checked);
  g_test_message ("%s: %u controls", where, n_checked);
  g_assert_cmpuint (n_checked, >, 0);
  if (problems->len > 0)
    g_test_fail_printf ("Unnamed or badly named controls on %s", where);
}

static void
open_first_case (Fixture *f)
{
  gtk_single_selection_set_selected (sot_window_get_selection (f->window), 0);
  SOT_TEST_WAIT_FOR (sot_window_get_current (f->window) != NULL);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  assert_all_named (GTK_WIDGET (f->window), "the list with no case open");
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  open_first_case (f);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *where = g_strdup_printf ("the %s page", pages[i]);

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", pages[i]);
      assert_all_named (GTK_WIDGET (f->window), where);
    }
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("SOT_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static guint
count_mapped (GPtrArray *widgets)
{
  guint n = 0;

  for (guint i = 0; i < widgets->len; i++)
    n += gtk_widget_get_mapped (g_ptr_array_index (widgets, i));

  return n;
}

/* Each chart says its figures in words, suppressed ones as suppressed, and "Show as Table"
 * shows the same figures as lists in place of the charts. */
static void
test_evaluation (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = sot_evaluation_view_new (f->ws.store);
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  GtkToggleButton *show_table = NULL;
  gboolean any_suppressed = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 780);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  SOT_TEST_WAIT_FOR (gtk_widget_get_mapped (window) &&
                     sot_evaluation_view_get_metrics (SOT_EVALUATION_VIEW (view)) != NULL);
  assert_all_named (window, "the Evaluation window");

  collect (view, GTK_TYPE_DRAWING_AREA, charts);
  g_assert_cmpuint (charts->len, ==, 4);
  for (guint i = 0; i < charts->len; i++)
    {
      GtkAccessible *chart = g_ptr_array_index (charts, i);
      g_autofree char *words = NULL;

      g_assert_true (gtk_test_accessible_has_property (chart,
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      words = gtk_test_accessible_check_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                  "\x01");
      g_test_message ("chart %u: %s", i, words);
      g_assert_cmpuint (strlen (words), >, 20);
      any_suppressed = any_suppressed || strstr (words, "uppressed") != NULL;
    }
  /* 20 cases under a threshold of 10: some figure is small. */
  g_assert_true (any_suppressed);

  collect (view, GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), "Show as _Table") == 0)
      show_table = g_ptr_array_index (toggles, i);
  g_assert_nonnull (show_table);

  g_assert_cmpuint (count_mapped (charts), ==, 4);
  gtk_toggle_button_set_active (show_table, TRUE);
  settle ();
  g_assert_cmpuint (count_mapped (charts), ==, 0);
  collect (view, GTK_TYPE_LIST_BOX, tables);
  /* The period and threshold, the four tables and the figures. */
  g_assert_cmpuint (count_mapped (tables), ==, 6);
  assert_all_named (window, "the Evaluation window as tables");
  save_screenshot (window, "evaluation-tables.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* GNOME's narrowest target: every page and form fits a 360 px wide phone screen. */
#define NARROW_WIDTH 360

static int
min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);

  return min;
}

static GtkWindow *
find_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (f->window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* The forms the pages open: their fields and buttons are named too. */
static void
test_dialogs (Fixture       *f,
              gconstpointer  data)
{
  const struct {
    GtkWidget  *widget;
    const char *action;
  } forms[] = {
    { GTK_WIDGET (f->window), "win.new-investigation" },
    { GTK_WIDGET (f->window), "win.edit-investigation" },
    { GTK_WIDGET (f->window), "win.export-dataset" },
    { GTK_WIDGET (f->window->suspect_page), "suspect-page.add-suspect" },
    { GTK_WIDGET (f->window->suspect_page), "suspect-page.add-line" },
    { GTK_WIDGET (f->window->forensics_page), "forensics-page.add-exhibit" },
    { GTK_WIDGET (f->window->forensics_page), "forensics-page.add-request" },
    { GTK_WIDGET (f->window->victim_page), "victim-page.record-event" },
    { GTK_WIDGET (f->window->victim_page), "victim-page.change-agreement" },
    { GTK_WIDGET (f->window->victim_page), "victim-page.request-advice" },
  };

  open_first_case (f);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      GtkWindow *dialog;

      /* …and fit a 360 px screen. */
      gtk_widget_activate_action (forms[i].widget, forms[i].action, NULL);
      SOT_TEST_WAIT_FOR ((dialog = find_dialog (f)) != NULL);
      assert_all_named (GTK_WIDGET (dialog), forms[i].action);
      g_assert_cmpint (min_width (GTK_WIDGET (dialog)), <=, NARROW_WIDTH);
      gtk_window_destroy (dialog);
      SOT_TEST_WAIT_FOR (find_dialog (f) == NULL);
    }
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  GtkStack *lines_stack = f->window->suspect_page->lines_stack;

  open_first_case (f);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", pages[i]);
      settle ();
      g_assert_cmpint (min_width (content), <=, NARROW_WIDTH);
    }

  /* The window shown at that width, for a look. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), NARROW_WIDTH, 740);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("narrow-%s.png", pages[i]);

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", pages[i]);
      settle ();
      settle ();
      save_screenshot (GTK_WIDGET (f->window), name);
    }

  /* The evidence list's columns do not fit: its lines are stacked, their controls named. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "suspect-focus");
  SOT_TEST_WAIT_FOR (g_strcmp0 (gtk_stack_get_visible_child_name (lines_stack), "stacked") == 0);
  assert_all_named (GTK_WIDGET (f->window), "the narrow suspect-focus page");
  settle ();
  save_screenshot (GTK_WIDGET (lines_stack), "narrow-evidence-list.png");

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  SOT_TEST_WAIT_FOR (g_strcmp0 (gtk_stack_get_visible_child_name (lines_stack), "lines") == 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/accessibility/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/accessibility/pages", Fixture, NULL, fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/accessibility/evaluation", Fixture, NULL, fixture_setup, test_evaluation,
              fixture_teardown);

  g_test_add ("/accessibility/dialogs", Fixture, NULL, fixture_setup, test_dialogs,
              fixture_teardown);
  g_test_add ("/accessibility/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  return g_test_run ();
}
