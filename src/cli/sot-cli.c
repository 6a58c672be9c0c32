/* sot-cli.c: the commands of soteria-cli
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "sot-cli.h"
#include "sot-cli-private.h"
#include "sot-cli-backup.h"
#include "sot-cli-deadline.h"
#include "sot-cli-demo.h"
#include "sot-cli-export.h"
#include "sot-cli-suspects.h"
#include "sot-cli-toolkit.h"
#include "sot-person.h"
#include "sot-store.h"

typedef gboolean (*CommandFunc) (const char  *global_db,
                                 int          argc,
                                 char       **argv,
                                 GError     **error);

typedef struct {
  const char  *name;
  const char  *synopsis;  /* after the command name, untranslated option names */
  const char  *summary;   /* N_() */
  CommandFunc  run;
} Command;

static gboolean run_info  (const char *global_db, int argc, char **argv, GError **error);
static gboolean run_audit (const char *global_db, int argc, char **argv, GError **error);
static gboolean run_help  (const char *global_db, int argc, char **argv, GError **error);
static gboolean run_toolkit (const char *global_db, int argc, char **argv, GError **error);
static gboolean run_deadline (const char *global_db, int argc, char **argv, GError **error);
static gboolean run_export (const char *global_db, int argc, char **argv, GError **error);
static gboolean run_metrics (const char *global_db, int argc, char **argv, GError **error);

static const Command commands[] = {
  { "demo", "--investigations N [--seed S] [--today YYYY-MM-DD]",
    N_("Fill a new workspace with fictional training cases"), sot_cli_demo },
  { "info", "",
    N_("Show what a workspace holds"), run_info },
  { "audit", "verify",
    N_("Check the hash chain of the audit log and name the first broken record"), run_audit },
  { "deadline", "--event EVENT --at ISO8601 [--enhanced]",
    N_("Print the Victims' Code Right 6 deadline for an event (no workspace needed)"),
    run_deadline },
  { "toolkit", "--offence-time ISO8601 [--offence-until ISO8601] [--at ISO8601] [--json]",
    N_("Show every forensic sample window for an offence time (no workspace needed)"),
    run_toolkit },
  { "export", "--out DIR --recipient TEXT --purpose TEXT [--from YYYY-MM] [--to YYYY-MM] "
    "[--threshold N] [--key stable|fresh]",
    N_("Write the pseudonymised, disclosure-controlled dataset for evaluators"), run_export },
  { "metrics", "[--from YYYY-MM] [--to YYYY-MM]",
    N_("Print the evaluation metrics as key: value lines"), run_metrics },
  { "backup", "--out FILE [--passphrase-file F]",
    N_("Write a consistent, checked copy of the workspace (optionally encrypted)"),
    sot_cli_backup },
  { "restore", "FILE [--passphrase-file F]",
    N_("Make a new workspace (--db) from a backup, checked before it is put in place"),
    sot_cli_restore },
  { "help", "[COMMAND]",
    N_("Show the help of the tool or of a command"), run_help },
};

G_DEFINE_QUARK (sot-cli-error-quark, sot_cli_error)

int
sot_cli_exit_status (const GError *error)
{
  if (error == NULL)
    return SOT_CLI_EXIT_OK;

  if (g_error_matches (error, SOT_CLI_ERROR, SOT_CLI_ERROR_USAGE) ||
      g_error_matches (error, SOT_CLI_ERROR, SOT_CLI_ERROR_REPORTED_USAGE) ||
      error->domain == G_OPTION_ERROR)
    return SOT_CLI_EXIT_USAGE;

  return SOT_CLI_EXIT_FAILURE;
}

gboolean
sot_cli_error_reported (const GError *error)
{
  return g_error_matches (error, SOT_CLI_ERROR, SOT_CLI_ERROR_REPORTED_USAGE) ||
         g_error_matches (error, SOT_CLI_ERROR, SOT_CLI_ERROR_REPORTED_FAILED);
}

/* Commands in files of their own parse their options and print their errors themselves,
 * returning an exit status; this turns that status back into the dispatcher's GError. */
static gboolean
status_to_error (int      status,
                 GError **error)
{
  if (status == SOT_CLI_EXIT_OK)
    return TRUE;

  g_set_error_literal (error, SOT_CLI_ERROR,
                       status == SOT_CLI_EXIT_USAGE ? SOT_CLI_ERROR_REPORTED_USAGE
                                                    : SOT_CLI_ERROR_REPORTED_FAILED,
                       "");
  return FALSE;
}

static gboolean
run_deadline (const char  *global_db,
              int          argc,
              char       **argv,
              GError     **error)
{
  return status_to_error (sot_cli_deadline (argc, argv), error);
}

static gboolean
run_toolkit (const char  *global_db,
             int          argc,
             char       **argv,
             GError     **error)
{
  return status_to_error (sot_cli_toolkit (argc, argv), error);
}

static gboolean
run_export (const char  *global_db,
            int          argc,
            char       **argv,
            GError     **error)
{
  return status_to_error (sot_cli_export (global_db, argc, argv), error);
}

static gboolean
run_metrics (const char  *global_db,
             int          argc,
             char       **argv,
             GError     **error)
{
  return status_to_error (sot_cli_metrics (global_db, argc, argv), error);
}

static char *
default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "soteria-workbench", "workbench.db", NULL);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

/* A usage error always tells where the right usage is written. */
static void
set_usage_error (GError     **error,
                 const char  *command,
                 const char  *message)
{
  if (command != NULL)
    g_set_error (error, SOT_CLI_ERROR, SOT_CLI_ERROR_USAGE,
                 _("%s\nTry “soteria-cli %s --help”."), message, command);
  else
    g_set_error (error, SOT_CLI_ERROR, SOT_CLI_ERROR_USAGE,
                 _("%s\nTry “soteria-cli --help”."), message);
}

/* Parses @argv with @context (automatic help is off: GOption would exit() from inside). */
static gboolean
parse_options (GOptionContext   *context,
               const char       *command,
               int              *argc,
               char           ***argv,
               GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_option_context_parse (context, argc, argv, &local_error))
    {
      set_usage_error (error, command, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
refuse_extra_arguments (const char  *command,
                        int          argc,
                        char       **argv,
                        GError     **error)
{
  g_autofree char *message = NULL;

  if (argc <= 1)
    return TRUE;

  message = g_strdup_printf (_("Unexpected argument “%s”"), argv[1]);
  set_usage_error (error, command, message);
  return FALSE;
}

static void
print_help (GOptionContext *context)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_print ("%s", help);
}

/* The workspace a command works on: its own --db, else the global one, else the default. */
static gboolean
resolve_db (const char  *command,
            const char  *command_db,
            const char  *global_db,
            char       **out_path,
            GError     **error)
{
  const char *path = command_db != NULL ? command_db : global_db;

  if (path != NULL && *path == '\0')
    {
      set_usage_error (error, command, _("--db needs the path of a workspace file"));
      return FALSE;
    }

  *out_path = path != NULL ? g_strdup (path) : default_db_path ();
  return TRUE;
}

static GOptionContext *
command_context (const Command      *command,
                 const GOptionEntry *entries,
                 const char         *description)
{
  g_autofree char *parameter = NULL;
  GOptionContext *context;

  parameter = g_strdup_printf ("%s %s", command->name, command->synopsis);
  context = g_option_context_new (g_strstrip (parameter));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, _(command->summary));
  if (description != NULL)
    g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* Shared with the commands in files of their own (sot-cli-private.h) */

GOptionContext *
sot_cli_command_context (const char         *name,
                         const GOptionEntry *entries,
                         const char         *description)
{
  const Command *command = find_command (name);

  g_return_val_if_fail (command != NULL, NULL);

  return command_context (command, entries, description);
}

void
sot_cli_set_usage_error (GError     **error,
                         const char  *command,
                         const char  *message)
{
  set_usage_error (error, command, message);
}

gboolean
sot_cli_parse_options (GOptionContext   *context,
                       const char       *command,
                       int              *argc,
                       char           ***argv,
                       GError          **error)
{
  return parse_options (context, command, argc, argv, error);
}

gboolean
sot_cli_refuse_extra_arguments (const char  *command,
                                int          argc,
                                char       **argv,
                                GError     **error)
{
  return refuse_extra_arguments (command, argc, argv, error);
}

void
sot_cli_print_help (GOptionContext *context)
{
  print_help (context);
}

gboolean
sot_cli_resolve_db (const char  *command,
                    const char  *command_db,
                    const char  *global_db,
                    char       **out_path,
                    GError     **error)
{
  return resolve_db (command, command_db, global_db, out_path, error);
}

/* info */

static gboolean
run_info (const char  *global_db,
          int          argc,
          char       **argv,
          GError     **error)
{
  static const struct {
    const char *key;
    const char *table;
  } counts[] = {
    { "investigations", "investigation" },
    { "victims", "victim" },
    { "suspects", "suspect" },
    { "witnesses", "witness" },
    { "repeat_suspects", NULL },
    { "audit_records", "audit_log" },
  };
  const Command *command = find_command ("info");
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace to describe"), N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = command_context (command, entries,
                             _("Prints “key: value” lines: path, schema_version, kind (real or "
                               "training), investigations, victims, suspects, witnesses, "
                               "repeat_suspects, audit_records. Never creates a workspace."));

  if (!parse_options (context, command->name, &argc, &argv, error))
    return FALSE;

  if (help)
    {
      print_help (context);
      return TRUE;
    }

  if (!refuse_extra_arguments (command->name, argc, argv, error) ||
      !resolve_db (command->name, db, global_db, &path, error))
    return FALSE;

  if (!(store = sot_store_open (path, SOT_STORE_OPEN_NONE, error)))
    return FALSE;

  absolute = g_canonicalize_filename (path, NULL);

  /* Keys and values are for scripts: never translated. Printed only once all are known. */
  g_string_append_printf (out, "path: %s\n", absolute);
  g_string_append_printf (out, "schema_version: %d\n", sot_store_get_schema_version (store));
  g_string_append_printf (out, "kind: %s\n", sot_store_get_training (store) ? "training" : "real");

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 n;

      if (counts[i].table != NULL)
        n = sot_store_count (store, counts[i].table, error);
      else
        n = sot_person_count_repeat_suspects (store, error);

      if (n < 0)
        return FALSE;

      g_string_append_printf (out, "%s: %" G_GINT64_FORMAT "\n", counts[i].key, n);
    }

  sot_cli_suspects_info (store, out);

  g_print ("%s", out->str);
  return TRUE;
}

/* audit */

static gboolean
run_audit_verify (const char  *global_db,
                  const char  *audit_db,
                  int          argc,
                  char       **argv,
                  GError     **error)
{
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SotStore) store = NULL;
  gboolean help = FALSE;
  gint64 n_records = 0;
  gint64 first_broken = 0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace to check"), N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new ("audit verify");
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
                                _("Walks the audit log's hash chain. Exit status 0 and “audit "
                                  "chain intact: N records” when every record follows from the "
                                  "one before; exit status 1 and the first broken record when "
                                  "a record was changed, removed or inserted."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!parse_options (context, "audit verify", &argc, &argv, error))
    return FALSE;

  if (help)
    {
      print_help (context);
      return TRUE;
    }

  if (!refuse_extra_arguments ("audit verify", argc, argv, error) ||
      !resolve_db ("audit verify", db != NULL ? db : audit_db, global_db, &path, error))
    return FALSE;

  if (!(store = sot_store_open (path, SOT_STORE_OPEN_NONE, error)))
    return FALSE;

  /* The core's message names the first broken record; it is the one printed. */
  if (!sot_store_verify_audit (store, &n_records, &first_broken, error))
    return FALSE;

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "audit chain intact: %lld record\n",
                        "audit chain intact: %lld records\n",
                        (gulong) MIN (n_records, G_MAXLONG)),
           (long long) n_records);
  return TRUE;
}

static gboolean
run_audit (const char  *global_db,
           int          argc,
           char       **argv,
           GError     **error)
{
  const Command *command = find_command ("audit");
  g_autofree char *db = NULL;
  g_autoptr(GOptionContext) context = NULL;
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace to check"), N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = command_context (command, entries,
                             _("Subcommands:\n"
                               "  verify    Check the hash chain; exit status 1 names the first "
                               "broken record\n\n"
                               "Run “soteria-cli audit verify --help” for its options."));
  /* The subcommand ends the audit options; what follows is the subcommand's. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!parse_options (context, command->name, &argc, &argv, error))
    return FALSE;

  if (help)
    {
      print_help (context);
      return TRUE;
    }

  if (argc < 2)
    {
      set_usage_error (error, command->name, _("audit needs a subcommand: verify"));
      return FALSE;
    }

  if (g_str_equal (argv[1], "verify"))
    return run_audit_verify (global_db, db, argc - 1, argv + 1, error);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown audit subcommand “%s”"), argv[1]);

    set_usage_error (error, command->name, message);
    return FALSE;
  }
}

/* The tool itself */

static char *
commands_description (void)
{
  g_autofree char *default_db = default_db_path ();
  GString *text = g_string_new (_("Commands:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name, commands[i].synopsis);

      g_string_append_printf (text, "  %s\n      %s\n", g_strstrip (usage), _(commands[i].summary));
    }

  g_string_append (text, "\n");
  g_string_append_printf (text, _("Run “soteria-cli COMMAND --help” for the options of a command.\n"
                                  "The default workspace is %s.\n"
                                  "Exit status: 0 success, 1 failure, 2 usage error."),
                          default_db);

  return g_string_free (text, FALSE);
}

static GOptionContext *
tool_context (char     **db,
              gboolean  *version,
              gboolean  *help)
{
  g_autofree char *description = commands_description ();
  GOptionContext *context;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, db,
      N_("The workspace database file"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Show the version and exit"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  /* Options end at the command: what follows it is the command's to parse. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context,
                                _("The Soteria Workbench core without a display: demo data, "
                                  "workspace facts and audit verification."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static gboolean
run_help (const char  *global_db,
          int          argc,
          char       **argv,
          GError     **error)
{
  const Command *command;
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (argc > 2)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[2]);

      set_usage_error (error, "help", message);
      return FALSE;
    }

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_autofree char *db = NULL;
      gboolean version = FALSE;
      gboolean help = FALSE;
      g_autoptr(GOptionContext) context = tool_context (&db, &version, &help);

      print_help (context);
      return TRUE;
    }

  command = find_command (argv[1]);
  if (command == NULL || command->run == run_help)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);

      set_usage_error (error, NULL, message);
      return FALSE;
    }

  help_argv[0] = argv[1];
  return command->run (global_db, 2, help_argv, error);
}

gboolean
sot_cli_run (int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *db = NULL;
  gboolean version = FALSE;
  gboolean help = FALSE;
  const Command *command;

  g_return_val_if_fail (argc >= 1 && argv != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  context = tool_context (&db, &version, &help);

  if (!parse_options (context, NULL, &argc, &argv, error))
    return FALSE;

  if (version)
    {
      g_print ("soteria-cli %s (workspace schema version %d)\n",
               PACKAGE_VERSION, SOT_STORE_SCHEMA_VERSION);
      return TRUE;
    }

  if (help)
    {
      print_help (context);
      return TRUE;
    }

  if (argc < 2)
    {
      set_usage_error (error, NULL, _("No command given"));
      return FALSE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);

      set_usage_error (error, NULL, message);
      return FALSE;
    }

  /* The command sees itself as argv[0], as GOption expects. */
  return command->run (db, argc - 1, argv + 1, error);
}
