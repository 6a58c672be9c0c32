/* sot-backup-dialog.c: backing up the workspace from the window, optionally sealed
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-backup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-backup-dialog.h"
#include "sot-backup.h"
#include "sot-window-private.h"

struct _SotBackupDialog
{
  SotFormDialog  parent_instance;

  SotStore      *store;
  char          *target;   /* set by tests: no file chooser */
};

G_DEFINE_FINAL_TYPE (SotBackupDialog, sot_backup_dialog, SOT_TYPE_FORM_DIALOG)

/* What outlives the dialog while the backup runs. */
typedef struct {
  SotStore  *store;
  GtkWindow *parent;      /* weak: a backup does not keep the window open */
  char      *passphrase;
  char      *target;
  AdwToast  *progress;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_clear_object (&job->store);
  g_clear_weak_pointer (&job->parent);
  /* The passphrase is not left in freed memory. */
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_clear_pointer (&job->passphrase, g_free);
  g_clear_pointer (&job->target, g_free);
  g_clear_object (&job->progress);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BackupJob, backup_job_free)

static void
tell (GtkWindow  *parent,
      const char *message)
{
  if (parent != NULL && SOT_IS_WINDOW (parent))
    _sot_window_show_toast (SOT_WINDOW (parent), message);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BackupJob) job = user_data;
  g_autoptr(GError) error = NULL;

  if (job->progress != NULL)
    adw_toast_dismiss (job->progress);

  if (sot_backup_write_finish (job->store, result, &error))
    {
      g_autofree char *name = g_filename_display_name (job->target);
      /* Translators: the toast after a backup, with the file it went to. */
      g_autofree char *message = g_strdup_printf (_("Workspace backed up to %s"), name);

      tell (job->parent, message);
    }
  else if (job->parent != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (job->parent, _("Backup Failed"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
start_backup (BackupJob *job)
{
  job->progress = g_object_ref_sink (adw_toast_new (_("Backing up the workspace…")));
  adw_toast_set_timeout (job->progress, 0);
  if (job->parent != NULL && SOT_IS_WINDOW (job->parent))
    _sot_window_add_toast (SOT_WINDOW (job->parent), job->progress);

  sot_backup_write_async (job->store, job->target, job->passphrase, NULL, NULL, NULL,
                          backup_done_cb, job);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     BackupJob       *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_object_unref (chooser);

  if (file == NULL)
    {
      backup_job_free (job);
      return;
    }

  job->target = g_file_get_path (file);
  start_backup (job);
}

/* Returns: (transfer full): a name for the backup: the workspace's, the day, ".backup". */
static char *
suggested_name (SotStore *store)
{
  g_autofree char *base = g_path_get_basename (sot_store_get_path (store));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_strdup_printf ("%s-%s.backup", base, day);
}

static void
sot_backup_dialog_sync (SotFormDialog *form)
{
  gboolean seal = sot_form_dialog_get_active (form, "seal");

  sot_form_dialog_set_visible (form, "passphrase", seal);
  sot_form_dialog_set_visible (form, "confirm", seal);
}

static gboolean
sot_backup_dialog_check (SotFormDialog *form)
{
  const char *passphrase = sot_form_dialog_get_text (form, "passphrase");
  const char *confirm;

  if (!sot_form_dialog_get_active (form, "seal"))
    return TRUE;

  if (passphrase == NULL)
    return FALSE;

  if (g_utf8_strlen (passphrase, -1) < SOT_BACKUP_MIN_PASSPHRASE)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "A passphrase needs at least %d character",
                                      "A passphrase needs at least %d characters",
                                      SOT_BACKUP_MIN_PASSPHRASE),
                         SOT_BACKUP_MIN_PASSPHRASE);

      sot_form_dialog_set_error (form, "passphrase", message);
      return FALSE;
    }

  /* Read after the first: get_text keeps one trimmed copy a field. */
  confirm = sot_form_dialog_get_text (form, "confirm");
  if (g_strcmp0 (confirm, sot_form_dialog_get_text (form, "passphrase")) != 0)
    {
      if (confirm != NULL)
        sot_form_dialog_set_error (form, "confirm", _("The two passphrases differ"));
      return FALSE;
    }

  return TRUE;
}

static void
sot_backup_dialog_accept (SotFormDialog *form)
{
  SotBackupDialog *self = SOT_BACKUP_DIALOG (form);
  BackupJob *job = g_new0 (BackupJob, 1);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  job->store = g_object_ref (self->store);
  g_set_weak_pointer (&job->parent, parent);
  if (sot_form_dialog_get_active (form, "seal"))
    job->passphrase = g_strdup (sot_form_dialog_get_text (form, "passphrase"));

  if (self->target != NULL)
    {
      job->target = g_strdup (self->target);
      start_backup (job);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Back Up To"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Back Up"), _("_Cancel"));
  name = suggested_name (self->store);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sot_backup_dialog_finalize (GObject *object)
{
  SotBackupDialog *self = SOT_BACKUP_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->target, g_free);

  G_OBJECT_CLASS (sot_backup_dialog_parent_class)->finalize (object);
}

static void
sot_backup_dialog_class_init (SotBackupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->finalize = sot_backup_dialog_finalize;
  form_class->sync = sot_backup_dialog_sync;
  form_class->check = sot_backup_dialog_check;
  form_class->accept = sot_backup_dialog_accept;
}

static void
sot_backup_dialog_init (SotBackupDialog *self)
{
  SotFormDialog *form = SOT_FORM_DIALOG (self);

  sot_form_dialog_set_accept_label (form, _("_Back Up…"));
  sot_form_dialog_add_switch (form, "seal", _("Seal with a Passphrase"),
                              _("The backup can then be restored only with it: keep it apart "
                                "from the backup"), FALSE);
  sot_form_dialog_add_password (form, "passphrase", _("Passphrase"), SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_password (form, "confirm", _("Passphrase Again"), SOT_FORM_FIELD_REQUIRED);
}

SotBackupDialog *
sot_backup_dialog_new (GtkWindow *parent,
                       SotStore  *store)
{
  g_autoptr(GDateTime) now = NULL;
  SotBackupDialog *self;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  now = sot_store_now (store);
  self = g_object_new (SOT_TYPE_BACKUP_DIALOG,
                       "transient-for", parent,
                       "heading", _("Back Up the Workspace"),
                       "body", _("A consistent copy of every record and of the audit log, "
                                 "checked after writing. Store it where only those allowed to "
                                 "see the cases can reach it."),
                       "now", now,
                       NULL);
  self->store = g_object_ref (store);
  sot_form_dialog_validate (SOT_FORM_DIALOG (self));

  return self;
}

void
sot_backup_dialog_set_target (SotBackupDialog *self,
                              const char      *path)
{
  g_return_if_fail (SOT_IS_BACKUP_DIALOG (self));

  g_free (self->target);
  self->target = g_strdup (path);
}
