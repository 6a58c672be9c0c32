/* sot-cli.c: the commands of soteria-cli
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "sot-audit-anchor.h"
#include "sot-cli.h"
#include "sot-cli-private.h"
#include "sot-cli-backup.h"
#include "sot-cli-deadline.h"
#include "sot-cli-demo.h"
#include "sot-cli-due.h"
#include "sot-cli-export.h"
#include "sot-cli-suspects.h"
#include "sot-cli-toolkit.h"
#include "sot-cli-walkthrough.h"
#include "sot-generator.h"
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
static gboolean run_walkthrough (const char *global_db, int argc, char **argv, GError **error);
static gboolean run_due (const char *global_db, int argc, char **argv, GError **error);

static const Command commands[] = {
  { "demo", "--investigations N [--seed S] [--today YYYY-MM-DD]",
    N_("Fill a new workspace with fictional training cases"), sot_cli_demo },
  { "info", "",
    N_("Show what a workspace holds"), run_info },
  { "audit", "verify [--expect CODE] | anchor",
    N_("Check the hash chain of the audit log and its anchor, naming the first broken record or "
       "the records cut from its end; or print the anchor code to write down"), run_audit },
  { "due", "--json [--owner NAME] [--now ISO8601]",
    N_("List what is due in every case: windows, Victims' Code, bail, CPS, reviews"), run_due },
  { "deadline", "--event EVENT --at ISO8601 [--enhanced] [--extension AUTHORITY]",
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
  { "walkthrough", "--investigation REF [--lang en|cy] --out FILE.pdf",
    N_("Write a victim's plain-language guide to their case as a PDF (a disclosure to them)"),
    run_walkthrough },
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

static gboolean
run_walkthrough (const char  *global_db,
                 int          argc,
                 char       **argv,
                 GError     **error)
{
  return status_to_error (sot_cli_walkthrough (global_db, argc, argv), error);
}

static gboolean
run_due (const char  *global_db,
         int          argc,
         char       **argv,
         GError     **error)
{
  return status_to_error (sot_cli_due (global_db, argc, argv), error);
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

  if (!(store = sot_store_open (path, SOT_STORE_OPEN_READ_ONLY | SOT_STORE_OPEN_CHECK, error)))
    return FALSE;

  /* info never upgrades (nor writes): an older workspace's tables are not those it counts. */
  if (sot_store_get_schema_version (store) < SOT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SOT_CLI_ERROR, SOT_CLI_ERROR_FAILED,
                   _("The workspace %s has schema version %d; this program writes version %d. "
                     "info never changes a workspace: a command that writes to it (or the app) "
                     "upgrades it, with an audit record."),
                   path, sot_store_get_schema_version (store), SOT_STORE_SCHEMA_VERSION);
      return FALSE;
    }

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

/* The options of `audit verify` and `audit anchor`: what each does is said in @summary. */
static gboolean
parse_audit_options (const char    *name,
                     const char    *summary,
                     const char    *global_db,
                     const char    *audit_db,
                     char         **expect,
                     int            argc,
                     char         **argv,
                     char         **out_path,
                     gboolean      *out_help,
                     GError       **error)
{
  g_autofree char *db = NULL;
  g_autofree char *parameter = g_strdup_printf ("audit %s", name);
  g_autoptr(GOptionContext) context = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace to check"), N_("PATH") },
    { "expect", 0, 0, G_OPTION_ARG_STRING, expect,
      N_("Also check the log against a code “audit anchor” printed earlier"), N_("CODE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, out_help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionEntry no_expect[G_N_ELEMENTS (entries)];
  guint n = 0;

  /* --expect is an option of verify only. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (expect != NULL || g_strcmp0 (entries[i].long_name, "expect") != 0)
      no_expect[n++] = entries[i];

  context = g_option_context_new (parameter);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, no_expect, GETTEXT_PACKAGE);

  if (!parse_options (context, parameter, &argc, &argv, error))
    return FALSE;

  if (*out_help)
    {
      print_help (context);
      return TRUE;
    }

  return refuse_extra_arguments (parameter, argc, argv, error) &&
         resolve_db (parameter, db != NULL ? db : audit_db, global_db, out_path, error);
}

static gboolean
run_audit_verify (const char  *global_db,
                  const char  *audit_db,
                  int          argc,
                  char       **argv,
                  GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *expect = NULL;
  g_autofree char *code = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean help = FALSE;
  SotAuditHead head;

  if (!parse_audit_options ("verify",
                            _("Walks the audit log's hash chain and compares its end with the "
                              "anchor beside the workspace (and with --expect CODE). Exit status "
                              "0 and “audit chain intact: N records” when every record follows "
                              "from the one before and the log ends where the anchor says; exit "
                              "status 1 and the first broken record when a record was changed, "
                              "removed or inserted, or the count of both sides when records were "
                              "cut from its end or the anchor is missing or older. Never changes "
                              "the workspace."),
                            global_db, audit_db, &expect, argc, argv, &path, &help, error))
    return FALSE;

  if (help)
    return TRUE;

  if (!(store = sot_store_open (path, SOT_STORE_OPEN_READ_ONLY | SOT_STORE_OPEN_CHECK, error)))
    return FALSE;

  /* The core's message names the first broken record, or both counts; it is the one printed. */
  if (!sot_store_verify_anchor (store, expect, &head, &local_error))
    {
      if (g_error_matches (local_error, SOT_AUDIT_ANCHOR_ERROR, SOT_AUDIT_ANCHOR_ERROR_BAD_CODE))
        set_usage_error (error, "audit verify", local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  code = sot_audit_anchor_code (&head);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "audit chain intact: %lld record\n",
                        "audit chain intact: %lld records\n",
                        (gulong) MIN (head.count, G_MAXLONG)),
           (long long) head.count);
  g_print (_("audit anchor: %s\n"), code);
  return TRUE;
}

static gboolean
run_audit_anchor (const char  *global_db,
                  const char  *audit_db,
                  int          argc,
                  char       **argv,
                  GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *code = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GError) anchor_error = NULL;
  gboolean help = FALSE;
  SotAuditHead head;

  if (!parse_audit_options ("anchor",
                            _("Prints the code of the end of the audit log (the record count and "
                              "16 hex digits of the last record's hash) for a supervisor to write "
                              "down and later check with “audit verify --expect CODE”. Refused "
                              "when the log does not verify. Never changes the workspace."),
                            global_db, audit_db, NULL, argc, argv, &path, &help, error))
    return FALSE;

  if (help)
    return TRUE;

  if (!(store = sot_store_open (path, SOT_STORE_OPEN_READ_ONLY | SOT_STORE_OPEN_CHECK, error)))
    return FALSE;

  /* A workspace without an anchor yet still has a log whose end can be written down. */
  if (!sot_store_verify_anchor (store, NULL, &head, &anchor_error))
    {
      if (!g_error_matches (anchor_error, SOT_AUDIT_ANCHOR_ERROR, SOT_AUDIT_ANCHOR_ERROR_MISSING))
        {
          g_propagate_error (error, g_steal_pointer (&anchor_error));
          return FALSE;
        }
      g_printerr ("soteria-cli: %s\n", anchor_error->message);
    }

  code = sot_audit_anchor_code (&head);
  g_print ("%s\n", code);
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
                               "  verify    Check the hash chain and its anchor; exit status 1 "
                               "names the first broken record, or the records cut from the end\n"
                               "  anchor    Print the code of the end of the log, to write down\n\n"
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
      set_usage_error (error, command->name, _("audit needs a subcommand: verify or anchor"));
      return FALSE;
    }

  if (g_str_equal (argv[1], "verify"))
    return run_audit_verify (global_db, db, argc - 1, argv + 1, error);

  if (g_str_equal (argv[1], "anchor"))
    return run_audit_anchor (global_db, db, argc - 1, argv + 1, error);

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

/* What the core logs while a command runs (a workspace made private, an anchor kept as it
 * was) is for the person at the terminal: said in the tool's voice, on stderr. */
static void
core_log_cb (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  g_printerr (_("soteria-cli: warning: %s\n"), message);
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
  g_log_set_handler ("sot-store", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, core_log_cb, NULL);

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
