/* sot-cli-backup.c: `soteria-cli backup` and `soteria-cli restore`
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sot-backup.h"
#include "sot-cli.h"
#include "sot-cli-backup.h"
#include "sot-cli-private.h"
#include "sot-store.h"

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  gboolean *shown = user_data;

  /* TRANSLATORS: progress of `soteria-cli backup`, redrawn on one terminal line */
  g_printerr ("\r");
  g_printerr (_("Copying the workspace: %3d%%"), (int) (fraction * 100 + 0.5));
  *shown = TRUE;
}

/* The passphrase is the file's content without its final line break. */
static char *
read_passphrase (const char  *command,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = NULL;
  gsize len = 0;
  GStatBuf st;

  if (!g_file_get_contents (path, &text, &len, &local_error))
    {
      g_set_error (error, SOT_CLI_ERROR, SOT_CLI_ERROR_FAILED,
                   _("Cannot read the passphrase file: %s"), local_error->message);
      return NULL;
    }

  if (g_stat (path, &st) == 0 && (st.st_mode & 0077) != 0)
    g_printerr (_("soteria-cli: warning: others can read the passphrase file %s; make it "
                  "private (chmod 600)\n"), path);

  if (len > 0 && text[len - 1] == '\n')
    text[--len] = '\0';
  if (len > 0 && text[len - 1] == '\r')
    text[--len] = '\0';

  if (len == 0 || strlen (text) != len)
    {
      g_free (text);
      sot_cli_set_usage_error (error, command,
                               _("The passphrase file is empty or holds a NUL byte"));
      return NULL;
    }

  return text;
}

static void
forget_passphrase (char *passphrase)
{
  if (passphrase == NULL)
    return;

  memset (passphrase, 0, strlen (passphrase));
  g_free (passphrase);
}

typedef char *Passphrase;

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (Passphrase, forget_passphrase, NULL)

/* A SotBackupError becomes the CLI's failure, with its message. */
static gboolean
fail (GError  *local_error,
      GError **error)
{
  g_set_error_literal (error, SOT_CLI_ERROR, SOT_CLI_ERROR_FAILED, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

/* Parses the options common to both commands; FALSE with @error, or TRUE with *help set. */
static gboolean
parse (const char          *command,
       const GOptionEntry  *entries,
       const char          *description,
       int                 *argc,
       char              ***argv,
       gboolean            *help,
       GError             **error)
{
  g_autoptr(GOptionContext) context = sot_cli_command_context (command, entries, description);

  if (!sot_cli_parse_options (context, command, argc, argv, error))
    return FALSE;

  if (*help)
    sot_cli_print_help (context);

  return TRUE;
}

gboolean
sot_cli_backup (const char  *global_db,
                int          argc,
                char       **argv,
                GError     **error)
{
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *path = NULL;
  g_auto(Passphrase) passphrase = NULL;
  g_autoptr(SotStore) store = NULL;
  GError *local_error = NULL;
  gboolean help = FALSE;
  gboolean shown = FALSE;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("The backup file to create (never overwritten)"), N_("FILE") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Encrypt the backup with the passphrase in this file"), N_("F") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace to back up"), N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!parse ("backup", entries,
              _("Copies the workspace with SQLite's online backup, so the copy is consistent "
                "while the application runs; checks the copy by reading it back; writes it with "
                "mode 0600 under a temporary name renamed at the end. An existing FILE is never "
                "overwritten, and a damaged workspace is refused. With --passphrase-file the "
                "copy is encrypted (Argon2id key, XChaCha20-Poly1305)."),
              &argc, &argv, &help, error))
    return FALSE;
  if (help)
    return TRUE;

  if (!sot_cli_refuse_extra_arguments ("backup", argc, argv, error))
    return FALSE;

  if (out == NULL || *out == '\0')
    {
      sot_cli_set_usage_error (error, "backup", _("--out FILE is required: the backup to create"));
      return FALSE;
    }

  if (!sot_cli_resolve_db ("backup", db, global_db, &path, error) ||
      (passphrase_file != NULL && !(passphrase = read_passphrase ("backup", passphrase_file,
                                                                  error))))
    return FALSE;

  if (!(store = sot_store_open (path, SOT_STORE_OPEN_NONE, &local_error)))
    return fail (local_error, error);

  ok = sot_backup_write (store, out, passphrase, isatty (STDERR_FILENO) ? progress_cb : NULL,
                         &shown, NULL, &local_error);
  if (shown)
    g_printerr ("\n");
  if (!ok)
    return fail (local_error, error);

  g_print (passphrase != NULL ? _("Wrote the encrypted backup %s of %s, checked.\n")
                              : _("Wrote the backup %s of %s, checked.\n"),
           out, path);
  return TRUE;
}

gboolean
sot_cli_restore (const char  *global_db,
                 int          argc,
                 char       **argv,
                 GError     **error)
{
  g_autofree char *db = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *path = NULL;
  g_auto(Passphrase) passphrase = NULL;
  GError *local_error = NULL;
  gboolean help = FALSE;
  gint64 n_records = 0;
  const GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("The passphrase of an encrypted backup, in this file"), N_("F") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The workspace to create (refused when it exists)"), N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!parse ("restore", entries,
              _("Makes a new workspace from a backup. An existing workspace is never replaced: "
                "move it away first. The copy's integrity and audit chain are checked before it "
                "is put in place with mode 0600, and the restore is recorded in its audit log. "
                "A wrong passphrase writes nothing."),
              &argc, &argv, &help, error))
    return FALSE;
  if (help)
    return TRUE;

  if (argc != 2)
    {
      sot_cli_set_usage_error (error, "restore",
                               argc < 2 ? _("restore needs the backup FILE")
                                        : _("restore takes one backup FILE"));
      return FALSE;
    }

  if (!sot_cli_resolve_db ("restore", db, global_db, &path, error) ||
      (passphrase_file != NULL && !(passphrase = read_passphrase ("restore", passphrase_file,
                                                                  error))))
    return FALSE;

  if (!sot_backup_restore (argv[1], path, passphrase, &n_records, &local_error))
    return fail (local_error, error);

  g_print (_("Restored %s from %s: integrity and audit chain checked (%lld records); the "
             "restore is recorded in its audit log.\n"), path, argv[1], (long long) n_records);
  return TRUE;
}
