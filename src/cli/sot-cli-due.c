/* sot-cli-due.c: `soteria-cli due`, what is due in every case of a workspace
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sot-cli-due.h"
#include "sot-cli.h"
#include "sot-due.h"
#include "sot-json.h"
#include "sot-store.h"
#include "sot-time.h"

static int
usage_error (const char *message)
{
  g_printerr ("soteria-cli: %s\n", message);
  g_printerr (_("Try “soteria-cli due --help”.\n"));
  return SOT_CLI_EXIT_USAGE;
}

static void
add_item (JsonBuilder *b,
          SotDue      *item)
{
  g_autofree char *due = NULL;

  if (sot_due_get_due (item) != NULL)
    due = sot_time_format_utc (sot_due_get_due (item));

  json_builder_begin_object (b);
  sot_json_add_string (b, "crime_reference", sot_due_get_crime_reference (item));
  sot_json_add_string (b, "investigation", sot_due_get_investigation_uuid (item));
  sot_json_add_string (b, "kind", sot_due_kind_to_string (sot_due_get_kind (item)));
  sot_json_add_string (b, "what", sot_due_get_what (item));
  sot_json_add_string (b, "due", due);
  sot_json_add_string (b, "state", sot_due_state_to_string (sot_due_get_state (item)));
  sot_json_add_string (b, "owner", sot_due_get_owner (item));
  json_builder_end_object (b);
}

/* The items of @items whose owner is @owner (all with %NULL, compared without case). */
static char *
items_to_json (SotStore   *store,
               GListModel *items,
               GDateTime  *now,
               const char *owner)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now_text = sot_time_format_utc (now);
  guint n = g_list_model_get_n_items (items);

  json_builder_begin_object (b);
  sot_json_add_string (b, "kind", sot_store_get_training (store) ? "training" : "real");
  sot_json_add_string (b, "now", now_text);
  sot_json_add_string (b, "owner", owner);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotDue) item = g_list_model_get_item (items, i);
      const char *item_owner = sot_due_get_owner (item);

      if (owner == NULL || (item_owner != NULL && g_ascii_strcasecmp (owner, item_owner) == 0))
        add_item (b, item);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return sot_json_to_string (root);
}

int
sot_cli_due (const char  *db_path,
             int          argc,
             char       **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *now_text = NULL;
  gboolean json = FALSE;
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The workspace"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (required)"), NULL },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Only this owner’s items"), N_("NAME") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Judge what is due as at this time, ISO 8601 (for listing only)"), N_("TIME") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (argc >= 1 && argv != NULL, SOT_CLI_EXIT_USAGE);

  context = g_option_context_new (_("--json [--owner NAME] [--now TIME]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* GOption's own --help would exit() from inside the parser. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
                                _("List what is due in every case: forensic windows, lines of "
                                  "enquiry, devices to return, Victims’ Code updates, early "
                                  "advice, CPS actions, pre-charge bail, reviews. Each item has "
                                  "its kind, what is due, when, its state and the case’s crime "
                                  "reference. Nothing is written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (help)
    {
      g_autofree char *help_text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help_text);
      return SOT_CLI_EXIT_OK;
    }

  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[1]);

      return usage_error (message);
    }

  if (!json)
    return usage_error (_("--json is required: the list is for programs"));

  if (now_text != NULL && !(now = sot_time_parse (now_text, &error)))
    return usage_error (error->message);

  path = db != NULL ? g_strdup (db) : db_path != NULL ? g_strdup (db_path)
                                                      : g_build_filename (g_get_user_data_dir (),
                                                                          "soteria-workbench",
                                                                          "workbench.db", NULL);
  if (!(store = sot_store_open (path, SOT_STORE_OPEN_READ_ONLY, &error)))
    {
      g_printerr ("soteria-cli: %s\n", error->message);
      return SOT_CLI_EXIT_FAILURE;
    }

  /* --now only judges the list; the workspace's clock, and so anything written, is untouched. */
  if (now == NULL)
    now = sot_store_now (store);

  if (!(items = sot_due_gather (store, 0, now, FALSE, &error)))
    {
      g_printerr ("soteria-cli: %s\n", error->message);
      return SOT_CLI_EXIT_FAILURE;
    }

  text = items_to_json (store, items, now, owner);
  g_print ("%s", text);

  return SOT_CLI_EXIT_OK;
}
