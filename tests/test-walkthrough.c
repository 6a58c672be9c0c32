/* test-walkthrough.c: the victim's digital walkthrough says the stage and never names a suspect
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sot-store.h"
#include "sot-test-workspace.h"
#include "sot-walkthrough.h"

typedef SotTestWorkspace Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  sot_test_workspace_setup (fixture, "walkthrough", SOT_TEST_WORKSPACE_TRAINING);
  sot_test_set_clock (fixture->store, 2026, 3, 2, 10, 0);
  sot_test_fill_demo (fixture->store, 6, 11, 2026, 3, 1);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sot_test_workspace_teardown (fixture);
}

static void
exec (SotStore   *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sot_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* A case with a suspect, a second victim and evidence, all with identities to leak. */
static char *
plant (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  char *uuid;

  exec (fixture->store,
        "UPDATE suspect_identity SET given_name = 'Zebedee', family_name = 'Quillfeather', "
        "date_of_birth = '1979-11-23', address = '17 Marrowbone Lane'");
  exec (fixture->store,
        "UPDATE victim_identity SET given_name = 'Philippa', family_name = 'Otherwell' "
        "WHERE victim_id <> (SELECT min (id) FROM victim)");
  stmt = sot_store_prepare (fixture->store, "SELECT v.uuid FROM victim v ORDER BY v.id LIMIT 1",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return uuid;
}

static void
test_no_suspect_identity (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const languages[] = { "en", "cy" };
  static const char * const secrets[] = {
    "Zebedee", "Quillfeather", "1979-11-23", "23 November 1979", "Marrowbone", "Philippa",
    "Otherwell",
  };
  g_autofree char *victim = plant (fixture);

  g_assert_cmpint (sot_test_count (fixture->store, "suspect_identity"), >, 0);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) blocks = sot_walkthrough_build (fixture->store, victim, languages[l],
                                                           &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = sot_walkthrough_to_text (blocks);
      for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
        if (strstr (text, secrets[i]) != NULL)
          g_error ("The %s walkthrough holds “%s”:\n%s", languages[l], secrets[i], text);
    }
}

static void
test_stage_and_languages (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *victim = plant (fixture);
  g_autoptr(GPtrArray) en = NULL;
  g_autoptr(GPtrArray) cy = NULL;
  g_autofree char *en_text = NULL;
  g_autofree char *cy_text = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "walkthrough.pdf", NULL);
  gint64 n_audit;

  exec (fixture->store, "UPDATE investigation SET status = 'with-cps'");
  en = sot_walkthrough_build (fixture->store, victim, "en", &error);
  g_assert_no_error (error);
  en_text = sot_walkthrough_to_text (en);
  g_assert_nonnull (strstr (en_text, "The charging decision [Your case is here]"));
  g_assert_nonnull (strstr (en_text, "Right to Review"));

  /* The recorded preference chooses the language. */
  g_assert_true (sot_victim_set_language (fixture->store, victim, "cy", &error));
  g_assert_no_error (error);
  cy = sot_walkthrough_build (fixture->store, victim, NULL, &error);
  g_assert_no_error (error);
  cy_text = sot_walkthrough_to_text (cy);
  g_assert_nonnull (strstr (cy_text, "Y penderfyniad i gyhuddo [Mae eich achos chi yma]"));
  g_assert_nonnull (strstr (cy_text, "Cod Dioddefwyr"));

  g_assert_false (sot_victim_set_language (fixture->store, victim, "fr", &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The PDF is a disclosure to the victim: one audit row. */
  n_audit = sot_test_count (fixture->store, "audit_log");
  g_assert_true (sot_walkthrough_write_pdf (fixture->store, victim, NULL, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sot_test_count (fixture->store, "audit_log"), ==, n_audit + 1);
  {
    sqlite3_stmt *stmt = sot_store_prepare (fixture->store,
                                            "SELECT action, entity_uuid, recipient FROM audit_log "
                                            "ORDER BY id DESC LIMIT 1", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "disclose");
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, victim);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "victim");
    sqlite3_reset (stmt);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/walkthrough/no-suspect-identity", Fixture, NULL, fixture_setup,
              test_no_suspect_identity, fixture_teardown);
  g_test_add ("/walkthrough/stage-and-languages", Fixture, NULL, fixture_setup,
              test_stage_and_languages, fixture_teardown);

  return g_test_run ();
}
