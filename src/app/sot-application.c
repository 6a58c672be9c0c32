/* sot-application.c: the Soteria Workbench application, its workspaces and app-wide actions
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sot-accessible.h"
#include "sot-application.h"
#include "sot-generator.h"
#include "sot-preferences-window.h"
#include "sot-welcome-window.h"
#include "sot-window.h"

/* The training workspace: always the same fictional cases, so that a class can follow a script. */
#define TRAINING_CASES 400
#define TRAINING_SEED  20260101

/* The files SQLite keeps beside a workspace; a workspace is removed with all of them. */
static const char * const workspace_suffixes[] = {
  "", "-wal", "-shm", "-journal", ".anchor", ".anchor.new",
};

typedef struct
{
  char *path;
  guint total;
  gint  done;   /* written by the worker thread, read with g_atomic_int_get */
} TrainingJob;

struct _SotApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *workspace_path;        /* --db, or the default real workspace */

  /* While the training workspace is being prepared. */
  GCancellable   *training_cancellable;
  TrainingJob    *training_job;          /* owned by the running task */
  guint           progress_source;

  /* The open training store, so that a reset can check nothing holds the file any more. */
  GWeakRef        training_store;
};

G_DEFINE_FINAL_TYPE (SotApplication, sot_application, ADW_TYPE_APPLICATION)

static void open_training (SotApplication *self);

static const GOptionEntry option_entries[] = {
  { "training", 't', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open training mode: fictional cases in their own workspace"), NULL },
  { "db", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the workspace at PATH instead of the default one"), N_("PATH") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static void
training_job_free (gpointer data)
{
  TrainingJob *job = data;

  g_free (job->path);
  g_free (job);
}

static char *
dup_data_file (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "soteria-workbench", name, NULL);
}

/* Removes a workspace file and the journal files SQLite keeps beside it. */
static gboolean
remove_workspace_files (const char  *path,
                        GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (workspace_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, workspace_suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Cannot remove %s: %s"), file, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

static SotWindow *
find_window (SotApplication *self,
             gboolean        training,
             const char     *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      SotStore *store;

      if (!SOT_IS_WINDOW (l->data))
        continue;

      store = sot_window_get_store (l->data);
      if (sot_store_get_training (store) != training)
        continue;

      if (path == NULL || g_strcmp0 (sot_store_get_path (store), path) == 0)
        return l->data;
    }

  return NULL;
}

static SotWelcomeWindow *
find_welcome (SotApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SOT_IS_WELCOME_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
welcome_close_request_cb (SotApplication   *self,
                          SotWelcomeWindow *welcome)
{
  /* Closing the window while the training workspace is prepared abandons the preparation. */
  if (self->training_cancellable != NULL)
    g_cancellable_cancel (self->training_cancellable);

  return GDK_EVENT_PROPAGATE;
}

static SotWelcomeWindow *
ensure_welcome (SotApplication *self)
{
  SotWelcomeWindow *welcome = find_welcome (self);

  if (welcome == NULL)
    {
      welcome = sot_welcome_window_new (GTK_APPLICATION (self));
      g_signal_connect_object (welcome, "close-request", G_CALLBACK (welcome_close_request_cb),
                               self, G_CONNECT_SWAPPED);
    }

  return welcome;
}

static void
close_welcome (SotApplication *self)
{
  SotWelcomeWindow *welcome = find_welcome (self);

  if (welcome != NULL)
    gtk_window_destroy (GTK_WINDOW (welcome));
}

static void
show_error (SotApplication *self,
            const char     *title,
            const char     *message)
{
  SotWelcomeWindow *welcome = ensure_welcome (self);

  sot_welcome_window_show_error (welcome, title, message);
  gtk_window_present (GTK_WINDOW (welcome));
}

/* The audit log names the operator as the preferences do: name and collar number. */
static void
operator_settings_changed_cb (SotStore   *store,
                              const char *key,
                              GSettings  *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "operator-name");
  g_autofree char *collar = g_settings_get_string (settings, "collar-number");
  g_autofree char *identity = sot_store_operator_identity (name, collar);

  sot_store_set_operator (store, identity);
}

/* Opens a window on @store, which from now on follows the operator of the settings. */
static void
show_store (SotApplication *self,
            SotStore       *store)
{
  SotWindow *window;

  g_signal_connect_object (self->settings, "changed::operator-name",
                           G_CALLBACK (operator_settings_changed_cb), store, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::collar-number",
                           G_CALLBACK (operator_settings_changed_cb), store, G_CONNECT_SWAPPED);
  operator_settings_changed_cb (store, NULL, self->settings);

  if (sot_store_get_training (store))
    g_weak_ref_set (&self->training_store, store);

  window = sot_window_new (GTK_APPLICATION (self), store, self->settings);
  gtk_window_present (GTK_WINDOW (window));

  close_welcome (self);
}

static void
open_workspace (SotApplication *self)
{
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SotWindow *window;

  window = find_window (self, FALSE, self->workspace_path);
  if (window == NULL)
    window = find_window (self, TRUE, self->workspace_path);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (!g_file_test (self->workspace_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *default_path = sot_application_dup_default_path ();
      SotWelcomeWindow *welcome = ensure_welcome (self);

      sot_welcome_window_show_welcome (welcome,
                                       g_strcmp0 (default_path, self->workspace_path) == 0
                                         ? NULL : self->workspace_path);
      gtk_window_present (GTK_WINDOW (welcome));
      return;
    }

  store = sot_store_open (self->workspace_path, SOT_STORE_OPEN_NONE, &error);
  if (store == NULL)
    {
      show_error (self, _("Cannot Open the Workspace"), error->message);
      return;
    }

  show_store (self, store);
}

static void
training_progress_cb (guint    done,
                      guint    total,
                      gpointer user_data)
{
  TrainingJob *job = user_data;

  g_atomic_int_set (&job->done, (gint) done);
}

/* Builds the training workspace under a temporary name and renames it when complete, so that an
 * interrupted run never leaves a half-filled training workspace behind. */
static gboolean
generate_training (TrainingJob   *job,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autofree char *partial = g_strconcat (job->path, ".new", NULL);
  g_autoptr(SotStore) store = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!remove_workspace_files (partial, error))
    return FALSE;

  store = sot_store_open (partial, SOT_STORE_OPEN_CREATE, error);
  if (store == NULL)
    return FALSE;

  if (!sot_store_mark_training (store, error) ||
      !sot_generator_fill (store, job->total, TRAINING_SEED, NULL,
                           training_progress_cb, job, cancellable, error))
    {
      g_clear_object (&store);
      remove_workspace_files (partial, NULL);
      return FALSE;
    }

  /* Closing the store checkpoints its log into the file. Any journal file left is renamed
   * with it, the main file last, so that its appearance means the workspace is complete. */
  g_clear_object (&store);

  for (guint i = G_N_ELEMENTS (workspace_suffixes); i > 0; i--)
    {
      g_autofree char *from = g_strconcat (partial, workspace_suffixes[i - 1], NULL);
      g_autofree char *to = g_strconcat (job->path, workspace_suffixes[i - 1], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Cannot move the training workspace into place: %s"),
                       g_strerror (saved_errno));
          remove_workspace_files (partial, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static void
training_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TrainingJob *job = task_data;
  g_autoptr(SotStore) store = NULL;
  GError *error = NULL;

  if (!g_file_test (job->path, G_FILE_TEST_EXISTS) &&
      !generate_training (job, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  store = sot_store_open (job->path, SOT_STORE_OPEN_NONE, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Training mode never opens real cases, whatever lies at the training file's path. */
  if (!sot_store_get_training (store))
    {
      g_task_return_new_error (task, SOT_STORE_ERROR, SOT_STORE_ERROR_FAILED,
                               _("%s does not hold training data, so it was not opened in "
                                 "training mode."),
                               job->path);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  SotApplication *self = user_data;
  SotWelcomeWindow *welcome = find_welcome (self);
  double fraction = -1;

  if (welcome == NULL || self->training_job == NULL)
    return G_SOURCE_CONTINUE;

  if (g_atomic_int_get (&self->training_job->done) > 0)
    fraction = (double) g_atomic_int_get (&self->training_job->done) / self->training_job->total;

  sot_welcome_window_set_progress (welcome, fraction);

  return G_SOURCE_CONTINUE;
}

static void
training_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SotApplication *self = SOT_APPLICATION (object);
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->training_cancellable);
  self->training_job = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);

  if (store != NULL)
    show_store (self, store);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Cannot Open Training Mode"), error->message);

  g_application_release (G_APPLICATION (self));
}

static void
open_training (SotApplication *self)
{
  g_autoptr(GTask) task = NULL;
  SotWelcomeWindow *welcome;
  SotWindow *window;
  TrainingJob *job;

  window = find_window (self, TRUE, NULL);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  welcome = ensure_welcome (self);
  sot_welcome_window_show_preparing (welcome);
  gtk_window_present (GTK_WINDOW (welcome));

  if (self->training_cancellable != NULL)
    return;

  job = g_new0 (TrainingJob, 1);
  job->path = sot_application_dup_training_path ();
  job->total = TRAINING_CASES;

  self->training_cancellable = g_cancellable_new ();
  self->training_job = job;

  task = g_task_new (self, self->training_cancellable, training_ready_cb, NULL);
  g_task_set_source_tag (task, open_training);
  g_task_set_task_data (task, job, training_job_free);

  /* Keeps the application running while no window but the progress is shown. */
  g_application_hold (G_APPLICATION (self));
  self->progress_source = g_timeout_add (100, progress_tick_cb, self);

  g_task_run_in_thread (task, training_thread);
}

static gboolean
reset_training_cb (gpointer user_data)
{
  SotApplication *self = user_data;
  g_autofree char *path = sot_application_dup_training_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) still_open = NULL;
  SotWindow *window;

  while ((window = find_window (self, TRUE, NULL)) != NULL)
    gtk_window_destroy (GTK_WINDOW (window));

  still_open = g_weak_ref_get (&self->training_store);
  if (still_open != NULL)
    {
      show_error (self, _("Cannot Reset Training Data"),
                  _("The training workspace is still in use, so it was left as it was."));
    }
  else if (!remove_workspace_files (path, &error))
    {
      show_error (self, _("Cannot Reset Training Data"), error->message);
    }
  else
    {
      open_training (self);
    }

  g_application_release (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

static void
reset_confirmed_cb (SotApplication   *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  if (self->training_cancellable != NULL)
    return;

  /* The training windows go once the dialog, which is transient for one of them, has gone.
   * The application is held meanwhile, so that closing the last window does not end it. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  g_application_hold (G_APPLICATION (self));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reset_training_cb, g_object_ref (self),
                   g_object_unref);
}

static void
create_workspace_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SotApplication *self = user_data;
  g_autofree char *dir = g_path_get_dirname (self->workspace_path);
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* Created meanwhile, by another window or a second click: opened, never created again. */
  if (g_file_test (self->workspace_path, G_FILE_TEST_EXISTS))
    {
      open_workspace (self);
      return;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Cannot create the folder %s: %s"),
                                                  dir, g_strerror (saved_errno));

      show_error (self, _("Cannot Create the Workspace"), message);
      return;
    }

  store = sot_store_open (self->workspace_path, SOT_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      show_error (self, _("Cannot Create the Workspace"), error->message);
      return;
    }

  show_store (self, store);
}

static void
training_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  open_training (SOT_APPLICATION (user_data));
}

static void
reset_training_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SotApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Reset Training Data?"),
                                   _("Every change made in training mode will be lost and the "
                                     "fictional cases will be generated again as new. Real "
                                     "workspaces are not touched."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response::reset", G_CALLBACK (reset_confirmed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SotApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SotPreferencesWindow *preferences = sot_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SotApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Soteria Workbench"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Soteria Workbench developers"),
                        "copyright", _("© 2026 Soteria Workbench developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Suspect-focused rape and serious sexual offence "
                                      "investigations under Operation Soteria, with an "
                                      "audited workspace and a training mode on fictional "
                                      "cases."),
                        "transient-for", parent,
                        "modal", parent != NULL,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SotApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SotApplication *self = user_data;
  GList *windows;

  if (self->training_cancellable != NULL)
    g_cancellable_cancel (self->training_cancellable);

  /* Destroyed, not just left behind, so that each window saves its size and makes pending
   * deletions final. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_entries[] = {
  { "create-workspace", create_workspace_activated },
  { "training", training_activated },
  { "reset-training", reset_training_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
  { "quit", quit_activated },
};

static void
sot_application_startup (GApplication *application)
{
  SotApplication *self = SOT_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.preferences", { "<Primary>comma", NULL } },
    { "app.shortcuts", { "<Primary>question", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
    /* GtkApplication gives the shortcuts window its own accelerator; app.shortcuts has it. */
    { "win.show-help-overlay", { NULL } },
    { "window.close", { "<Primary>w", NULL } },
  };

  G_APPLICATION_CLASS (sot_application_parent_class)->startup (application);
  /* The welcome window comes before the main window: name its controls too. */
  sot_accessible_init ();

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
sot_application_activate (GApplication *application)
{
  SotApplication *self = SOT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    open_workspace (self);
}

static int
sot_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("soteria-workbench %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
sot_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  SotApplication *self = SOT_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *db = NULL;
  gboolean training = FALSE;

  g_variant_dict_lookup (options, "training", "b", &training);
  g_variant_dict_lookup (options, "db", "^ay", &db);

  if (training && db != NULL)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("--training and --db cannot be used together: "
                                             "training mode has its own workspace."));
      return 2;
    }

  if (db != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      g_free (self->workspace_path);
      self->workspace_path = g_file_get_path (file);
      open_workspace (self);
    }
  else if (training)
    {
      open_training (self);
    }
  else
    {
      g_application_activate (application);
    }

  return 0;
}

static void
sot_application_dispose (GObject *object)
{
  SotApplication *self = (SotApplication *)object;

  if (self->training_cancellable != NULL)
    g_cancellable_cancel (self->training_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->training_cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sot_application_parent_class)->dispose (object);
}

static void
sot_application_finalize (GObject *object)
{
  SotApplication *self = (SotApplication *)object;

  g_weak_ref_clear (&self->training_store);
  g_clear_pointer (&self->workspace_path, g_free);

  G_OBJECT_CLASS (sot_application_parent_class)->finalize (object);
}

static void
sot_application_class_init (SotApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sot_application_dispose;
  object_class->finalize = sot_application_finalize;

  app_class->startup = sot_application_startup;
  app_class->activate = sot_application_activate;
  app_class->handle_local_options = sot_application_handle_local_options;
  app_class->command_line = sot_application_command_line;
}

static void
sot_application_init (SotApplication *self)
{
  g_weak_ref_init (&self->training_store, NULL);
  self->workspace_path = sot_application_dup_default_path ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Investigations under Operation Soteria."));
}

SotApplication *
sot_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (SOT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | extra_flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
sot_application_get_settings (SotApplication *self)
{
  g_return_val_if_fail (SOT_IS_APPLICATION (self), NULL);

  return self->settings;
}

char *
sot_application_dup_training_path (void)
{
  return dup_data_file ("training.db");
}

char *
sot_application_dup_default_path (void)
{
  return dup_data_file ("workbench.db");
}
