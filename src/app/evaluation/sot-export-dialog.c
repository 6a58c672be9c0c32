/* sot-export-dialog.c: the dataset export dialog (period, disclosure control, recipient, purpose)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-export-dialog.h"
#include "sot-zip.h"
#include "sot-metrics.h"

struct _SotExportDialog
{
  AdwWindow        parent_instance;

  AdwEntryRow     *recipient_row;
  AdwEntryRow     *purpose_row;
  AdwEntryRow     *from_row;
  AdwEntryRow     *to_row;
  AdwActionRow    *folder_row;
  GtkSpinButton   *threshold_spin;
  GtkSwitch       *round5_switch;
  GtkSwitch       *zip_switch;
  AdwComboRow     *key_row;
  GtkSwitch       *coarsen_month_switch;
  GtkSwitch       *wider_age_switch;
  GtkSwitch       *withhold_switch;
  GtkButton       *preview_button;
  GtkLabel        *preview_label;
  GtkProgressBar  *progress_bar;
  GtkButton       *cancel_button;
  GtkButton       *export_button;
  GtkLabel        *result_label;

  SotStore        *store;
  GFile           *folder;
  GtkFileChooserNative *chooser;
  GCancellable    *cancellable;
  GCancellable    *preview_cancellable;
  gboolean         running;
  gboolean         done;
};

G_DEFINE_FINAL_TYPE (SotExportDialog, sot_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
row_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
target_path (SotExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  if (self->folder == NULL || (folder = g_file_get_path (self->folder)) == NULL)
    return NULL;

  /* The package is a folder of its own inside the chosen one, never mixed with its files. */
  name = g_date_time_format (now, "soteria-dataset-%Y%m%d-%H%M%S");
  return g_build_filename (folder, name, NULL);
}

static void
update_actions (SotExportDialog *self)
{
  gboolean ready = !sot_text_is_blank (row_text (self->recipient_row)) &&
                   !sot_text_is_blank (row_text (self->purpose_row)) &&
                   self->folder != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), ready && !self->running && !self->done);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_button), !self->running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), self->running);
}

SotExportOptions *
sot_export_dialog_get_options (SotExportDialog *self)
{
  SotExportOptions *options;

  g_return_val_if_fail (SOT_IS_EXPORT_DIALOG (self), NULL);

  options = sot_export_options_new ();
  options->recipient = g_strdup (row_text (self->recipient_row));
  options->purpose = g_strdup (row_text (self->purpose_row));
  options->from = g_strdup (row_text (self->from_row));
  options->to = g_strdup (row_text (self->to_row));
  options->threshold = (guint) gtk_spin_button_get_value_as_int (self->threshold_spin);
  options->round5 = gtk_switch_get_active (self->round5_switch);
  options->key_mode = adw_combo_row_get_selected (self->key_row) == 1
                      ? SOT_PSEUDONYM_KEY_FRESH : SOT_PSEUDONYM_KEY_STABLE;
  options->coarsen_month = gtk_switch_get_active (self->coarsen_month_switch);
  options->coarsen_age = gtk_switch_get_active (self->wider_age_switch);
  options->withhold_small_groups = gtk_switch_get_active (self->withhold_switch);

  return options;
}

static char *
describe_summary (const SotExportSummary *summary)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < summary->tables->len; i++)
    {
      const SotExportTable *table = g_ptr_array_index (summary->tables, i);

      g_string_append_printf (text, "%s: %" G_GINT64_FORMAT "\n", table->path, table->rows);
    }
  g_string_append_printf (text, _("Suppressed cells: %u\n"), summary->n_suppressed);
  g_string_append_printf (text, _("k = %u (%u of %u records in groups smaller than %u)"),
                          summary->k.k, summary->k.n_records_below, summary->k.n_records,
                          summary->threshold);
  if (summary->n_withheld > 0)
    g_string_append_printf (text, _("\nWithheld investigations: %u"), summary->n_withheld);
  if (summary->fictional)
    g_string_append (text, _("\nThe data are fictional (training workspace)."));

  return g_string_free (text, FALSE);
}

/* Checks what the user typed; marks the row at fault. */
static gboolean
check_input (SotExportDialog *self)
{
  g_autoptr(SotExportOptions) options = sot_export_dialog_get_options (self);
  g_autoptr(GError) error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");

  if (!sot_export_options_check (options, FALSE, &error))
    {
      if (options->from != NULL && !sot_metrics_parse_month (options->from, NULL, NULL, NULL))
        gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
      gtk_label_set_text (self->result_label, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Preview, off the main thread on a connection of its own */

typedef struct {
  char             *path;
  SotExportOptions *options;
} PreviewData;

static void
preview_data_free (gpointer data)
{
  PreviewData *d = data;

  g_free (d->path);
  sot_export_options_free (d->options);
  g_free (d);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewData *d = task_data;
  g_autoptr(SotStore) store = NULL;
  GError *error = NULL;
  SotExportSummary *summary;

  if (!(store = sot_store_open (d->path, SOT_STORE_OPEN_NONE, &error)) ||
      !(summary = sot_export_preview (store, d->options, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, summary, (GDestroyNotify) sot_export_summary_free);
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SotExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExportSummary) summary = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (summary == NULL)
    {
      gtk_label_set_text (self->preview_label, error->message);
      return;
    }

  text = describe_summary (summary);
  gtk_label_set_text (self->preview_label, text);
}

static void
preview_clicked_cb (SotExportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PreviewData *d;

  if (!check_input (self))
    return;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();

  if (g_str_equal (sot_store_get_path (self->store), ":memory:"))
    {
      g_autoptr(SotExportOptions) options = sot_export_dialog_get_options (self);
      g_autoptr(SotExportSummary) summary = sot_export_preview (self->store, options, NULL, &error);
      g_autofree char *text = summary != NULL ? describe_summary (summary) : NULL;

      gtk_label_set_text (self->preview_label, text != NULL ? text : error->message);
      return;
    }

  gtk_label_set_text (self->preview_label, _("Counting…"));

  d = g_new0 (PreviewData, 1);
  d->path = g_strdup (sot_store_get_path (self->store));
  d->options = sot_export_dialog_get_options (self);

  task = g_task_new (NULL, self->preview_cancellable, preview_done_cb, g_object_ref (self));
  g_task_set_task_data (task, d, preview_data_free);
  g_task_run_in_thread (task, preview_thread);
}

/* Export */

static void
progress_cb (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  SotExportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, stage);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SotExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExportSummary) summary = sot_export_run_finish (SOT_STORE (source), result, &error);

  self->running = FALSE;
  g_clear_object (&self->cancellable);

  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->result_label, _("Cancelled: nothing was written."));
      else
        {
          g_autofree char *text = g_strdup_printf (_("The dataset was not exported, and nothing "
                                                     "was left behind: %s"), error->message);

          gtk_label_set_text (self->result_label, text);
        }
    }
  else
    {
      g_autofree char *details = describe_summary (summary);
      g_autofree char *text = NULL;
      g_autofree char *zip_note = NULL;

      /* The archive holds the same files: the same disclosure, already in the audit log. */
      if (gtk_switch_get_active (self->zip_switch))
        {
          g_autofree char *zip_path = g_strconcat (summary->path, ".zip", NULL);
          g_autoptr(GError) zip_error = NULL;

          if (sot_zip_write_folder (summary->path, zip_path, &zip_error))
            zip_note = g_strdup_printf (_("Archive: %s"), zip_path);
          else
            zip_note = g_strdup_printf (_("The archive was not written: %s"), zip_error->message);
        }

      text = g_strdup_printf (_("Exported to %s; the disclosure is recorded in the audit log."
                                "\n%s%s%s"), summary->path, details,
                              zip_note != NULL ? "\n" : "", zip_note != NULL ? zip_note : "");

      self->done = TRUE;
      gtk_label_set_text (self->result_label, text);
    }

  update_actions (self);
}

static void
export_clicked_cb (SotExportDialog *self)
{
  g_autoptr(SotExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;

  /* One export per dialog: a second, by a shortcut or a stray click, would be a second
   * disclosure the officer did not mean. */
  if (self->running || self->done || !check_input (self))
    return;

  options = sot_export_dialog_get_options (self);
  if (!sot_export_options_check (options, TRUE, &error) || !(target = target_path (self)))
    {
      gtk_label_set_text (self->result_label,
                          error != NULL ? error->message : _("Choose the folder for the package"));
      return;
    }

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->result_label, "");
  update_actions (self);

  sot_export_run_async (self->store, target, options, progress_cb, self, self->cancellable,
                        export_done_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (SotExportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SotExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      sot_export_dialog_set_folder (self, folder);
    }

  g_clear_object (&self->chooser);
}

static void
folder_clicked_cb (SotExportDialog *self)
{
  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Folder for the Dataset"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
input_changed_cb (SotExportDialog *self)
{
  update_actions (self);
}

/* A dialog closed while exporting cancels the export (which then leaves nothing). */
static gboolean
close_request_cb (SotExportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  return FALSE;
}

static void
sot_export_dialog_dispose (GObject *object)
{
  SotExportDialog *self = SOT_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->folder);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_export_dialog_parent_class)->dispose (object);
}

static void
sot_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SotExportDialog *self = SOT_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SotExportDialog *self = SOT_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_export_dialog_constructed (GObject *object)
{
  SotExportDialog *self = SOT_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (sot_export_dialog_parent_class)->constructed (object);

  if (self->store != NULL && sot_store_get_training (self->store))
    gtk_label_set_text (self->preview_label,
                        _("This is the training workspace: the package will say in every file "
                          "that its data are fictional."));
}

static void
sot_export_dialog_class_init (SotExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_export_dialog_constructed;
  object_class->dispose = sot_export_dialog_dispose;
  object_class->get_property = sot_export_dialog_get_property;
  object_class->set_property = sot_export_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/evaluation/sot-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, round5_switch);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, zip_switch);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, coarsen_month_switch);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, wider_age_switch);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, withhold_switch);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, preview_button);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SotExportDialog, result_label);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sot_export_dialog_init (SotExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_value (self->threshold_spin, SOT_SDC_DEFAULT_THRESHOLD);
  update_actions (self);
}

SotExportDialog *
sot_export_dialog_new (SotStore  *store,
                       GtkWindow *parent)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (SOT_TYPE_EXPORT_DIALOG,
                       "store", store,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

SotStore *
sot_export_dialog_get_store (SotExportDialog *self)
{
  g_return_val_if_fail (SOT_IS_EXPORT_DIALOG (self), NULL);

  return self->store;
}

void
sot_export_dialog_set_folder (SotExportDialog *self,
                              GFile           *folder)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SOT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
  path = folder != NULL ? g_file_get_path (folder) : NULL;
  adw_action_row_set_subtitle (self->folder_row,
                               path != NULL ? path : _("The package goes into a new folder inside it"));
  update_actions (self);
}
