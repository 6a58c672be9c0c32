/* sot-suspect-page-lines.c: the evidence list of the Suspect Focus page: filters, columns, status
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-suspect-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sot-enquiry-dialog.h"
#include "sot-reason-dialog.h"
#include "sot-status-cell.h"
#include "sot-suspect-page-private.h"
#include "sot-time.h"

static guint
string_index (const char * const *values,
              const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static SotLineOfEnquiry *
find_line (SotSuspectPage *self,
           const char     *uuid,
           guint          *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotLineOfEnquiry) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      if (g_strcmp0 (sot_line_of_enquiry_get_uuid (line), uuid) == 0)
        {
          if (position != NULL)
            *position = i;
          return line;  /* still referenced by the list */
        }
    }

  return NULL;
}

/* Filters and sorting */

static const char *
selected_value (GtkDropDown        *dropdown,
                const char * const *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* Position 0 is "All". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return values[selected - 1];
}

static gboolean
filter_line (gpointer item,
             gpointer user_data)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (user_data);
  SotLineOfEnquiry *line = item;
  const char *status = selected_value (self->status_filter, sot_enquiry_statuses ());
  const char *category = selected_value (self->category_filter, sot_enquiry_categories ());
  const char *focus = selected_value (self->focus_filter, sot_enquiry_focuses ());
  const char *owner = gtk_editable_get_text (GTK_EDITABLE (self->owner_filter));

  if (status != NULL && g_strcmp0 (sot_line_of_enquiry_get_status (line), status) != 0)
    return FALSE;
  if (category != NULL && g_strcmp0 (sot_line_of_enquiry_get_category (line), category) != 0)
    return FALSE;
  if (focus != NULL && g_strcmp0 (sot_line_of_enquiry_get_focus (line), focus) != 0)
    return FALSE;

  if (owner != NULL && *owner != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (owner, -1);
      g_autofree char *hay = g_utf8_casefold (sot_line_of_enquiry_get_owner (line)
                                              ? sot_line_of_enquiry_get_owner (line) : "", -1);

      if (strstr (hay, needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
filter_changed_cb (SotSuspectPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static GtkStringList *
filter_choices (const char          *all,
                const char * const  *values,
                const char        *(*label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label (values[i]));

  return list;
}

static int
status_order (SotLineOfEnquiry *line)
{
  return (int) string_index (sot_enquiry_statuses (), sot_line_of_enquiry_get_status (line));
}

/* Cells */

/* A label cell; the due date fills it at bind time, as it depends on today. */
static void
setup_due_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

/* Binds the label to a string property of the line, named by the factory's data: the
 * expression follows the list item to whatever line it shows. */
static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  const char *property = user_data;
  GtkWidget *label;
  GtkExpression *expression;

  setup_due_cb (factory, item, NULL);
  label = gtk_list_item_get_child (item);

  expression = gtk_property_expression_new (SOT_TYPE_LINE_OF_ENQUIRY,
                                            gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL,
                                                                         "item"),
                                            property);
  if (g_str_equal (property, "title"))
    gtk_expression_bind (gtk_expression_ref (expression), label, "tooltip-text", item);
  gtk_expression_bind (expression, label, "label", item);
}

static void
refresh_due (GtkWidget        *label,
             SotLineOfEnquiry *line)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (gtk_widget_get_ancestor (label, SOT_TYPE_SUSPECT_PAGE));
  g_autofree char *text = sot_date_format_display (sot_line_of_enquiry_get_due_on (line));
  gboolean overdue = FALSE;

  if (self != NULL)
    {
      GDate today;

      _sot_suspect_page_today (self, &today);
      overdue = sot_line_of_enquiry_is_overdue (line, &today);
    }

  if (overdue)
    {
      g_autofree char *marked = g_strdup_printf (_("%s (overdue)"), text);

      gtk_label_set_label (GTK_LABEL (label), marked);
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (label), text ? text : "—");
      gtk_widget_remove_css_class (label, "error");
    }
}

static void
due_notify_cb (SotLineOfEnquiry *line,
               GParamSpec       *pspec,
               GtkWidget        *label)
{
  refresh_due (label, line);
}

static void
bind_due_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  SotLineOfEnquiry *line = gtk_list_item_get_item (item);

  refresh_due (label, line);
  g_signal_connect_object (line, "notify::status", G_CALLBACK (due_notify_cb), label, 0);
  g_signal_connect_object (line, "notify::due-on", G_CALLBACK (due_notify_cb), label, 0);
}

static void
unbind_due_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), gtk_list_item_get_child (item));
}

/* The status, and the rationale for "not pursued" */

static void
set_status (SotSuspectPage   *self,
            SotLineOfEnquiry *line,
            const char       *status,
            const char       *rationale)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = g_strdup (sot_line_of_enquiry_get_status (line));
  g_autofree char *previous_rationale = g_strdup (sot_line_of_enquiry_get_rationale (line));
  g_autofree char *message = NULL;
  /* The store's change notification may replace the row that holds @line. */
  g_autoptr(SotLineOfEnquiry) keep = g_object_ref (line);

  if (!sot_line_of_enquiry_set_status (line, self->store, status, rationale, &error))
    {
      _sot_suspect_page_toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("“%s” is now %s"), sot_line_of_enquiry_get_title (line),
                             sot_enquiry_status_label (status));
  _sot_suspect_page_offer_undo (self, UNDO_STATUS, G_OBJECT (line), previous, previous_rationale, message);
}

static void
rationale_given_cb (SotReasonDialog *dialog,
                    const char      *rationale,
                    SotSuspectPage  *self)
{
  /* The core refuses a blank rationale too; the disabled button only says so earlier. */
  set_status (self, SOT_LINE_OF_ENQUIRY (sot_reason_dialog_get_item (dialog)),
              SOT_ENQUIRY_NOT_PURSUED, rationale);
}

static void
ask_rationale (SotSuspectPage   *self,
               SotLineOfEnquiry *line)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *body = NULL;
  SotReasonDialog *dialog;

  body = g_strdup_printf (_("Write why “%s” is not pursued. The rationale stays with the "
                            "case so that the decision can be reviewed."),
                          sot_line_of_enquiry_get_title (line));
  now = sot_store_now (self->store);
  dialog = sot_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, now,
                                  G_OBJECT (line), _("Not Pursued"), body, _("Rationale"),
                                  _("_Not Pursued"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "reason-given", G_CALLBACK (rationale_given_cb), self, 0);
  sot_form_dialog_present (SOT_FORM_DIALOG (dialog));
}

static void
status_chosen_cb (SotStatusCell  *cell,
                  const char     *status,
                  SotSuspectPage *self)
{
  SotLineOfEnquiry *line = sot_status_cell_get_line (cell);

  if (line == NULL)
    return;

  if (g_str_equal (status, SOT_ENQUIRY_NOT_PURSUED))
    {
      g_autoptr(GError) error = NULL;

      /* Say at once if the line is closed, before asking for a rationale. */
      if (!sot_enquiry_check_transition (sot_line_of_enquiry_get_status (line), status, &error))
        _sot_suspect_page_toast (self, error->message);
      else
        ask_rationale (self, line);
      return;
    }

  set_status (self, line, status, NULL);
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SotSuspectPage           *self)
{
  GtkWidget *cell = sot_status_cell_new ();

  g_signal_connect_object (cell, "status-chosen", G_CALLBACK (status_chosen_cb), self, 0);
  gtk_list_item_set_child (item, cell);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SotSuspectPage           *self)
{
  sot_status_cell_set_line (SOT_STATUS_CELL (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
unbind_status_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SotSuspectPage           *self)
{
  sot_status_cell_set_line (SOT_STATUS_CELL (gtk_list_item_get_child (item)), NULL);
}

/* The columns */

static void
add_column (SotSuspectPage *self,
            const char     *title,
            const char     *property,
            GtkSorter      *sorter,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  if (g_str_equal (property, "due-on"))
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_due_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_due_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_due_cb), NULL);
    }
  else
    g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), (gpointer) property);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  g_clear_object (&sorter);
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SOT_TYPE_LINE_OF_ENQUIRY,
                                                                         NULL, property)));
}

static void line_activated_cb (GtkColumnView *column_view, guint position, SotSuspectPage *self);

static void
build_column_view (SotSuspectPage *self)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;
  GtkFilterListModel *filtered;
  GtkNoSelection *selection;
  GtkSorter *sorter;
  GtkSorter *status_sorter;

  add_column (self, _("Line of Enquiry"), "title", string_sorter ("title"), TRUE);
  add_column (self, _("Category"), "category-label", string_sorter ("category-label"), FALSE);
  add_column (self, _("Focus"), "focus-label", string_sorter ("focus-label"), FALSE);
  add_column (self, _("Owner"), "owner", string_sorter ("owner"), FALSE);
  add_column (self, _("Due"), "due-on", string_sorter ("due-on"), FALSE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_status_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_status_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_status_cb), self, 0);
  column = gtk_column_view_column_new (_("Status"), factory);
  /* By workflow order, not alphabetically. */
  status_sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                                                   G_CALLBACK (status_order),
                                                                                   NULL, NULL)));
  gtk_column_view_column_set_sorter (column, status_sorter);
  gtk_column_view_column_set_fixed_width (column, 150);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (status_sorter);
  g_object_unref (column);

  self->filter = gtk_custom_filter_new (filter_line, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->lines)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (sorter));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* Enter or a double-click on a line edits its owner, due date and notes. */
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (line_activated_cb), self, 0);
}

/* The stacked list: the same lines one under the other, for a window too narrow for columns */

static char *
stacked_details (GObject    *item,
                 const char *category,
                 const char *focus,
                 const char *owner,
                 const char *due_on,
                 gpointer    user_data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (category != NULL && *category != '\0')
    g_ptr_array_add (parts, g_strdup (category));
  if (focus != NULL && *focus != '\0')
    g_ptr_array_add (parts, g_strdup (focus));
  if (owner != NULL && *owner != '\0')
    g_ptr_array_add (parts, g_strdup (owner));
  if (due_on != NULL && *due_on != '\0')
    {
      g_autofree char *date = sot_date_format_display (due_on);

      /* TRANSLATORS: when a line of enquiry is due, e.g. "due 12 Mar 2026" */
      g_ptr_array_add (parts, g_strdup_printf (_("due %s"), date));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkExpression *
line_property (const char *property)
{
  return gtk_property_expression_new (SOT_TYPE_LINE_OF_ENQUIRY,
                                      gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                      property);
}

static void
setup_stacked_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SotSuspectPage           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *cell = sot_status_cell_new ();
  GtkExpression *params[] = {
    line_property ("category-label"), line_property ("focus-label"), line_property ("owner"),
    line_property ("due-on"),
  };

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_halign (cell, GTK_ALIGN_START);
  g_signal_connect_object (cell, "status-chosen", G_CALLBACK (status_chosen_cb), self, 0);

  gtk_expression_bind (line_property ("title"), title, "label", item);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, G_N_ELEMENTS (params),
                                                    params, G_CALLBACK (stacked_details), NULL,
                                                    NULL),
                       details, "label", item);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_box_append (GTK_BOX (box), cell);
  gtk_list_item_set_child (item, box);
}

static void
bind_stacked_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SotSuspectPage           *self)
{
  GtkWidget *cell = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  sot_status_cell_set_line (SOT_STATUS_CELL (cell), gtk_list_item_get_item (item));
}

static void
unbind_stacked_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SotSuspectPage           *self)
{
  GtkWidget *cell = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  sot_status_cell_set_line (SOT_STATUS_CELL (cell), NULL);
}

static void stacked_activated_cb (GtkListView *list_view, guint position, SotSuspectPage *self);

/* The lines are given to it only while it is shown (see _sot_suspect_page_update_lines_stack). */
static void
build_stacked_view (SotSuspectPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_stacked_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_stacked_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_stacked_cb), self, 0);
  gtk_list_view_set_factory (self->stacked_view, factory);
  g_object_unref (factory);
  g_signal_connect_object (self->stacked_view, "activate", G_CALLBACK (stacked_activated_cb),
                           self, 0);
}

/* Lines of enquiry: add, and edit by keyboard */

static void
line_added_cb (SotEnquiryDialog *dialog,
               SotLineOfEnquiry *line,
               SotSuspectPage   *self)
{
  g_autofree char *message = g_strdup_printf (_("Added “%s” to the evidence list"),
                                              sot_line_of_enquiry_get_title (line));

  /* The store's change notification has already put the row in the list. */
  _sot_suspect_page_toast (self, message);
}

static void
line_edited_cb (SotEnquiryDialog *dialog,
                SotLineOfEnquiry *line,
                SotSuspectPage   *self)
{
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), sot_line_of_enquiry_get_title (line));

  /* The dialog's line still holds the values from before the edit. */
  _sot_suspect_page_offer_undo (self, UNDO_EDIT, G_OBJECT (sot_enquiry_dialog_get_line (dialog)), NULL, NULL, message);
}

static void
open_line_editor (SotSuspectPage   *self,
                  SotLineOfEnquiry *line)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SotEnquiryDialog *dialog;

  dialog = sot_enquiry_dialog_new_edit (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, line);
  g_signal_connect_object (dialog, "line-saved", G_CALLBACK (line_edited_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
line_activated_cb (GtkColumnView  *column_view,
                   guint           position,
                   SotSuspectPage *self)
{
  g_autoptr(SotLineOfEnquiry) line = NULL;

  line = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (column_view)), position);
  if (line != NULL)
    open_line_editor (self, line);
}

static void
stacked_activated_cb (GtkListView    *list_view,
                      guint           position,
                      SotSuspectPage *self)
{
  g_autoptr(SotLineOfEnquiry) line = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (line != NULL)
    open_line_editor (self, line);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SotEnquiryDialog *dialog;

  if (self->investigation == NULL)
    return;

  dialog = sot_enquiry_dialog_new_add (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                       sot_investigation_get_id (self->investigation),
                                       self->suspects,
                                       sot_investigation_get_officer (self->investigation));
  g_signal_connect_object (dialog, "line-saved", G_CALLBACK (line_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_line_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SotSuspectPage *self = SOT_SUSPECT_PAGE (widget);
  SotLineOfEnquiry *line = find_line (self, g_variant_get_string (parameter, NULL), NULL);

  if (line != NULL)
    open_line_editor (self, line);
}

/* Loading, and following the store */

static gboolean
same_line (SotLineOfEnquiry *a,
           SotLineOfEnquiry *b)
{
  return g_strcmp0 (sot_line_of_enquiry_get_status (a), sot_line_of_enquiry_get_status (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_rationale (a), sot_line_of_enquiry_get_rationale (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_title (a), sot_line_of_enquiry_get_title (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_owner (a), sot_line_of_enquiry_get_owner (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_due_on (a), sot_line_of_enquiry_get_due_on (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_category (a), sot_line_of_enquiry_get_category (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_focus (a), sot_line_of_enquiry_get_focus (b)) == 0 &&
         g_strcmp0 (sot_line_of_enquiry_get_notes (a), sot_line_of_enquiry_get_notes (b)) == 0;
}

void
_sot_suspect_page_load_lines (SotSuspectPage *self)
{
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n;

  lines = sot_line_of_enquiry_list (self->store, sot_investigation_get_id (self->investigation),
                                    &error);
  if (lines == NULL)
    {
      _sot_suspect_page_toast (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (lines);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (lines, i));

  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       items->pdata, items->len);
}

void
_sot_suspect_page_update_lines_stack (SotSuspectPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->lines)) == 0;

  /* Only the list shown holds rows; the stacked one shows the same filtered and sorted lines
   * as the columns, so a filter or a sort applies to both. */
  if (self->narrow != (gtk_list_view_get_model (self->stacked_view) != NULL))
    {
      g_autoptr(GtkNoSelection) selection = NULL;

      if (self->narrow)
        selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
      gtk_list_view_set_model (self->stacked_view, GTK_SELECTION_MODEL (selection));
    }

  gtk_stack_set_visible_child_name (self->lines_stack,
                                    empty ? "empty" : self->narrow ? "stacked" : "lines");
}

/* A line changed through the write path: follow it in place, so the column view keeps its
 * rows, focus and scroll position. */
void
_sot_suspect_page_line_changed (SotSuspectPage *self,
              const char     *action,
              const char     *uuid)
{
  SotLineOfEnquiry *existing;
  guint position = 0;

  existing = find_line (self, uuid, &position);

  if (g_strcmp0 (action, SOT_AUDIT_ERASE) == 0)
    {
      if (existing != NULL)
        g_list_store_remove (self->lines, position);
    }
  else
    {
      g_autoptr(SotLineOfEnquiry) fresh = sot_line_of_enquiry_load (self->store, uuid, NULL);

      if (fresh == NULL ||
          sot_line_of_enquiry_get_investigation_id (fresh) != sot_investigation_get_id (self->investigation))
        return;

      if (existing == NULL)
        g_list_store_append (self->lines, fresh);
      else if (!same_line (existing, fresh))
        g_list_store_splice (self->lines, position, 1, (gpointer *) &fresh, 1);
    }

  _sot_suspect_page_update_indicator (self);
  _sot_suspect_page_update_lines_stack (self);
}

void
_sot_suspect_page_lines_init (SotSuspectPage *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) categories = NULL;
  g_autoptr(GtkStringList) focuses = NULL;

  self->lines = g_list_store_new (SOT_TYPE_LINE_OF_ENQUIRY);
  build_column_view (self);
  build_stacked_view (self);

  statuses = filter_choices (_("All statuses"), sot_enquiry_statuses (), sot_enquiry_status_label);
  categories = filter_choices (_("All categories"), sot_enquiry_categories (), sot_enquiry_category_label);
  focuses = filter_choices (_("Any focus"), sot_enquiry_focuses (), sot_enquiry_focus_label);
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->category_filter, G_LIST_MODEL (categories));
  gtk_drop_down_set_model (self->focus_filter, G_LIST_MODEL (focuses));
  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->category_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->focus_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->owner_filter, "search-changed", G_CALLBACK (filter_changed_cb), self);
}

void
_sot_suspect_page_lines_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "suspect-page.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "suspect-page.edit-line", "s", edit_line_action);
}
