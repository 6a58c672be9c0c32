/* test-suspect-focus.c: suspects, lines of enquiry, the checklist, repeat suspects, disruption
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sot-checklist.h"
#include "sot-disruption.h"
#include "sot-generator-parts.h"
#include "sot-investigation.h"
#include "sot-line-of-enquiry.h"
#include "sot-person.h"
#include "sot-store.h"
#include "sot-suspect.h"
#include "sot-time.h"
#include "sot-test-workspace.h"

typedef SotTestWorkspace Fixture;

/* Helpers */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  sot_test_workspace_setup (fixture, "suspect-focus", SOT_TEST_WORKSPACE_NONE);
  sot_test_set_clock (fixture->store, 2024, 9, 2, 9, 15);
  sot_store_set_operator (fixture->store, "DC 4242 Test Operator");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sot_test_workspace_teardown (fixture);
}

static SotInvestigation *
add_investigation (SotStore   *store,
                   const char *crime_reference)
{
  g_autoptr(GError) error = NULL;
  SotInvestigation *inv = sot_investigation_new ();

  sot_investigation_set_crime_reference (inv, crime_reference);
  sot_investigation_set_offence_type (inv, "rape");
  sot_investigation_set_offence_from (inv, "2024-03-01T22:30:00");
  sot_investigation_set_reported_on (inv, "2024-03-03");
  sot_investigation_set_officer (inv, "DC Ash Example");
  sot_investigation_insert (inv, store, &error);
  g_assert_no_error (error);

  return inv;
}

static SotSuspect *
add_suspect (SotStore     *store,
             gint64        investigation_id,
             const char   *given,
             const char   *family,
             const char   *dob,
             const char   *local_id,
             SotChecklist *checklist)
{
  g_autoptr(GError) error = NULL;
  SotPersonDetails d = { 0 };
  SotSuspect *suspect;

  d.age_at_offence = -1;
  d.relationship = SOT_RELATIONSHIP_ACQUAINTANCE;
  d.given_name = given;
  d.family_name = family;
  d.date_of_birth = dob;
  d.local_person_id = local_id;

  suspect = sot_suspect_add (store, investigation_id, &d, checklist, &error);
  g_assert_no_error (error);
  g_assert_nonnull (suspect);

  return suspect;
}

static SotLineOfEnquiry *
add_line (SotStore   *store,
          gint64      investigation_id,
          const char *focus,
          const char *status,
          const char *rationale,
          const char *due_on)
{
  g_autoptr(GError) error = NULL;
  SotLineOfEnquiry *line = sot_line_of_enquiry_new ();

  sot_line_of_enquiry_set_investigation_id (line, investigation_id);
  sot_line_of_enquiry_set_category (line, "intelligence-pnc");
  sot_line_of_enquiry_set_focus (line, focus);
  sot_line_of_enquiry_set_title (line, "PNC check");
  sot_line_of_enquiry_set_owner (line, "DC Ash Example");
  sot_line_of_enquiry_set_due_on (line, due_on);
  sot_line_of_enquiry_set_initial_status (line, status, rationale);
  sot_line_of_enquiry_insert (line, store, &error);
  g_assert_no_error (error);

  return line;
}

static gint64
audit_count (SotStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = sot_store_count (store, "audit_log", &error);

  g_assert_no_error (error);
  return n;
}

/* The last audit row as "action|entity_type|entity_uuid|reason". */
static char *
last_audit (SotStore *store)
{
  sqlite3_stmt *stmt;
  char *row = NULL;

  stmt = sot_store_prepare (store,
                            "SELECT action, entity_type, coalesce (entity_uuid, ''), "
                            "coalesce (reason, '') FROM audit_log ORDER BY id DESC LIMIT 1",
                            NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  row = g_strdup_printf ("%s|%s|%s|%s", sqlite3_column_text (stmt, 0),
                         sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                         sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);

  return row;
}

static char *
stored_status (SotStore   *store,
               const char *uuid)
{
  sqlite3_stmt *stmt;
  char *status = NULL;

  stmt = sot_store_prepare (store, "SELECT status FROM line_of_enquiry WHERE uuid = ?1", NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return status;
}

/* Schema */

static void
test_schema (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sot_store_get_schema_version (fixture->store), ==, SOT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sot_store_count (fixture->store, "line_of_enquiry", &error), ==, 0);
  g_assert_cmpint (sot_store_count (fixture->store, "checklist_proposal", &error), ==, 0);
  g_assert_cmpint (sot_store_count (fixture->store, "disruption", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sot_line_of_enquiry_count (fixture->store, &error), ==, 0);
  g_assert_no_error (error);
}

/* Status transitions */

static void
test_transition_rules (void)
{
  const struct {
    const char *from;
    const char *to;
    GQuark      domain; /* 0: allowed */
    int         code;
  } cases[] = {
    { "proposed", "planned", 0, 0 },
    { "planned", "requested", 0, 0 },
    { "requested", "obtained", 0, 0 },
    { "obtained", "reviewed", 0, 0 },
    { "planned", "obtained", 0, 0 },          /* a PNC check needs no request */
    { "proposed", "not-pursued", 0, 0 },
    { "obtained", "not-pursued", 0, 0 },
    { "obtained", "planned", SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION },
    { "requested", "proposed", SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION },
    { "planned", "planned", SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION },
    { "reviewed", "not-pursued", SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION },
    { "not-pursued", "planned", SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION },
    { "reviewed", "obtained", SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION },
    { "planned", "done", SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID },
    { "bogus", "planned", SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = sot_enquiry_check_transition (cases[i].from, cases[i].to, &error);

      if (cases[i].domain == 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, cases[i].domain, cases[i].code);
          g_assert_false (ok);
        }
    }
}

static void
test_transition_stored (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/1");
  g_autoptr(SotLineOfEnquiry) line = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *status = NULL;
  gint64 before;

  line = add_line (fixture->store, sot_investigation_get_id (inv), SOT_FOCUS_SUSPECT,
                   SOT_ENQUIRY_PROPOSED, NULL, NULL);

  /* The workflow, each step with its alteration row. */
  g_assert_true (sot_line_of_enquiry_set_status (line, fixture->store, SOT_ENQUIRY_PLANNED,
                                                 NULL, &error));
  g_assert_no_error (error);
  audit = last_audit (fixture->store);
  expected = g_strdup_printf ("alter|line_of_enquiry|%s|status: proposed → planned",
                              sot_line_of_enquiry_get_uuid (line));
  g_assert_cmpstr (audit, ==, expected);

  g_assert_true (sot_line_of_enquiry_set_status (line, fixture->store, SOT_ENQUIRY_REQUESTED,
                                                 NULL, &error));
  g_assert_true (sot_line_of_enquiry_set_status (line, fixture->store, SOT_ENQUIRY_OBTAINED,
                                                 NULL, &error));
  g_assert_no_error (error);

  /* Backwards is refused, and nothing is written. */
  before = audit_count (fixture->store);
  g_assert_false (sot_line_of_enquiry_set_status (line, fixture->store, SOT_ENQUIRY_PLANNED,
                                                  NULL, &error));
  g_assert_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION);
  g_assert_nonnull (strstr (error->message, "Obtained"));
  g_clear_error (&error);
  g_assert_cmpint (audit_count (fixture->store), ==, before);
  g_assert_cmpstr (sot_line_of_enquiry_get_status (line), ==, SOT_ENQUIRY_OBTAINED);
  status = stored_status (fixture->store, sot_line_of_enquiry_get_uuid (line));
  g_assert_cmpstr (status, ==, SOT_ENQUIRY_OBTAINED);

  /* Not pursued without a rationale (or with blanks only) is refused, nothing written. */
  g_assert_false (sot_line_of_enquiry_set_status (line, fixture->store, SOT_ENQUIRY_NOT_PURSUED,
                                                  NULL, &error));
  g_assert_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_RATIONALE_REQUIRED);
  g_clear_error (&error);
  g_assert_false (sot_line_of_enquiry_set_status (line, fixture->store, SOT_ENQUIRY_NOT_PURSUED,
                                                  "  \n ", &error));
  g_assert_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_RATIONALE_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (fixture->store), ==, before);

  /* With one it is allowed, and final. */
  g_assert_true (sot_line_of_enquiry_set_status (line, fixture->store, SOT_ENQUIRY_NOT_PURSUED,
                                                 " CPS advised it would not assist. ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sot_line_of_enquiry_get_rationale (line), ==,
                   "CPS advised it would not assist.");
  before = audit_count (fixture->store);
  g_assert_false (sot_line_of_enquiry_set_status (line, fixture->store, SOT_ENQUIRY_REVIEWED,
                                                  NULL, &error));
  g_assert_error (error, SOT_ENQUIRY_ERROR, SOT_ENQUIRY_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (fixture->store), ==, before);

  /* Undo puts the previous status back, audited as an alteration "undo", rationale cleared. */
  g_assert_true (sot_line_of_enquiry_restore_status (line, fixture->store, SOT_ENQUIRY_OBTAINED,
                                                     NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sot_line_of_enquiry_get_status (line), ==, SOT_ENQUIRY_OBTAINED);
  g_assert_null (sot_line_of_enquiry_get_rationale (line));
  g_clear_pointer (&audit, g_free);
  g_clear_pointer (&expected, g_free);
  audit = last_audit (fixture->store);
  expected = g_strdup_printf ("alter|line_of_enquiry|%s|undo", sot_line_of_enquiry_get_uuid (line));
  g_assert_cmpstr (audit, ==, expected);

  /* The table itself refuses a not-pursued line without rationale (a second line of defence). */
  g_assert_false (sot_store_exec (fixture->store,
                                  "UPDATE line_of_enquiry SET status = 'not-pursued', "
                                  "rationale = NULL", &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(SotLineOfEnquiry) bad = sot_line_of_enquiry_new ();

    sot_line_of_enquiry_set_investigation_id (bad, sot_investigation_get_id (inv));
    sot_line_of_enquiry_set_title (bad, "X");
    sot_line_of_enquiry_set_category (bad, "astrology");
    g_assert_false (sot_line_of_enquiry_insert (bad, fixture->store, &error));
    g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  }
}

/* The checklist */

static void
test_checklist_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotChecklist) checklist = sot_checklist_new_builtin (&error);
  const SotChecklistItem *pnc;

  g_assert_no_error (error);
  g_assert_cmpuint (sot_checklist_get_n_items (checklist), ==, 15);
  /* Labelled as the force's own, never as an official national list. */
  g_assert_nonnull (strstr (sot_checklist_get_source (checklist), "force's own"));
  g_assert_nonnull (strstr (sot_checklist_get_source (checklist), "not an official national list"));

  pnc = sot_checklist_lookup (checklist, "pnc");
  g_assert_nonnull (pnc);
  g_assert_cmpstr (pnc->category, ==, "intelligence-pnc");
  g_assert_cmpstr (pnc->focus, ==, "suspect");

  /* Every item is about the suspect, in a known category. */
  for (guint i = 0; i < sot_checklist_get_n_items (checklist); i++)
    {
      const SotChecklistItem *item = sot_checklist_get_item (checklist, i);

      g_assert_true (g_strv_contains (sot_enquiry_categories (), item->category));
      g_assert_cmpstr (item->focus, ==, SOT_FOCUS_SUSPECT);
    }
}

static void
test_checklist_extend (void)
{
  static const struct {
    const char *text;
    const char *message;   /* expected substring; NULL: accepted */
  } cases[] = {
    { "[housing]\ncategory=other\nfocus=suspect\ntitle=Housing records\n", NULL },
    { "# comment\n\n[a]\ncategory=other\nfocus=suspect\ntitle=A\nthis line is wrong\n",
      "force.ini, line 7: expected a [group]" },
    { "[a]\ncategory=other\nfocus=suspect\ntitle=A\n[b]\ncategory=horoscope\nfocus=suspect\ntitle=B\n",
      "line 5: unknown category “horoscope”" },
    { "[a]\ncategory=other\nfocus=witness\ntitle=A\n", "line 1: unknown focus" },
    { "[a]\ncategory=other\nfocus=suspect\n", "line 1: the item has no title" },
    { "[pnc]\ncategory=other\nfocus=suspect\ntitle=Again\n", "already in the checklist" },
    { "title=orphan\n", "line 1: a key comes before any [group]" },
    { "[a]\ncategory=other\nfocus=suspect\ntitle=A\n[a]\ntitle=B\n", "line 5: the item “a” is defined twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SotChecklist) checklist = sot_checklist_new_builtin (&error);
      guint n;
      gboolean ok;

      g_assert_no_error (error);
      n = sot_checklist_get_n_items (checklist);
      ok = sot_checklist_extend_from_data (checklist, cases[i].text, -1, "force.ini", &error);

      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (sot_checklist_get_n_items (checklist), ==, n + 1);
          g_assert_cmpstr (sot_checklist_get_item (checklist, n)->key, ==, "housing");
        }
      else
        {
          g_assert_error (error, SOT_CHECKLIST_ERROR, SOT_CHECKLIST_ERROR_MALFORMED);
          if (strstr (error->message, cases[i].message) == NULL)
            g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message);
          /* All or nothing: the built-in list stays as it was. */
          g_assert_cmpuint (sot_checklist_get_n_items (checklist), ==, n);
        }
    }
}

static void
test_checklist_propose (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotChecklist) checklist = sot_checklist_new_builtin (&error);
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/2");
  g_autoptr(SotSuspect) suspect = NULL;
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(SotChecklistProposal) first = NULL;
  g_autoptr(SotChecklistProposal) second = NULL;
  g_autoptr(SotLineOfEnquiry) line = NULL;
  gint64 before;
  gint64 inv_id = sot_investigation_get_id (inv);

  g_assert_no_error (error);

  /* Adding a suspect proposes the whole checklist for him, in the same transaction. */
  before = audit_count (fixture->store);
  suspect = add_suspect (fixture->store, inv_id, "Alex", "Example", "1990-05-04", NULL, checklist);
  /* one collect for the suspect + one per proposal */
  g_assert_cmpint (audit_count (fixture->store), ==, before + 1 + 15);

  proposals = sot_checklist_proposal_list (fixture->store, inv_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 15);

  /* Proposing again adds nothing: each item once per suspect. */
  again = sot_checklist_propose (checklist, fixture->store, sot_suspect_get_id (suspect), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, 0);

  first = g_list_model_get_item (proposals, 0);
  second = g_list_model_get_item (proposals, 1);
  g_assert_cmpstr (sot_checklist_proposal_get_state (first), ==, SOT_PROPOSAL_OPEN);

  /* Accept: a planned line of enquiry tied to the suspect. */
  line = sot_checklist_proposal_accept (first, fixture->store, "DC Ash Example", "2024-09-30",
                                        &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_cmpstr (sot_line_of_enquiry_get_status (line), ==, SOT_ENQUIRY_PLANNED);
  g_assert_cmpstr (sot_line_of_enquiry_get_title (line), ==,
                   sot_checklist_proposal_get_title (first));
  g_assert_cmpint (sot_line_of_enquiry_get_suspect_id (line), ==, sot_suspect_get_id (suspect));
  g_assert_cmpstr (sot_line_of_enquiry_get_checklist_item (line), ==, "behaviour-before");
  g_assert_cmpstr (sot_checklist_proposal_get_state (first), ==, SOT_PROPOSAL_ACCEPTED);
  lines = sot_line_of_enquiry_list (fixture->store, inv_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);

  /* A second decision on the same proposal is refused. */
  g_assert_false (sot_checklist_proposal_dismiss (first, fixture->store, "late", &error));
  g_assert_error (error, SOT_CHECKLIST_ERROR, SOT_CHECKLIST_ERROR_DECIDED);
  g_clear_error (&error);

  /* Dismissing needs a reason; a refusal writes nothing. */
  before = audit_count (fixture->store);
  g_assert_false (sot_checklist_proposal_dismiss (second, fixture->store, " ", &error));
  g_assert_error (error, SOT_CHECKLIST_ERROR, SOT_CHECKLIST_ERROR_REASON_REQUIRED);
  g_clear_error (&error);
  g_assert_false (sot_checklist_proposal_dismiss (second, fixture->store, NULL, &error));
  g_assert_error (error, SOT_CHECKLIST_ERROR, SOT_CHECKLIST_ERROR_REASON_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (fixture->store), ==, before);
  g_assert_cmpstr (sot_checklist_proposal_get_state (second), ==, SOT_PROPOSAL_OPEN);

  g_assert_true (sot_checklist_proposal_dismiss (second, fixture->store,
                                                 "Covered by the behaviour-before line.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sot_checklist_proposal_get_state (second), ==, SOT_PROPOSAL_DISMISSED);
  g_assert_cmpstr (sot_checklist_proposal_get_reason (second), ==,
                   "Covered by the behaviour-before line.");

  open = sot_checklist_proposal_list (fixture->store, inv_id, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 13);

  /* Undo of an acceptance reopens it and erases the line it made. */
  g_assert_true (sot_checklist_proposal_reopen (first, fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sot_line_of_enquiry_count (fixture->store, &error), ==, 0);
  g_assert_cmpstr (sot_checklist_proposal_get_state (first), ==, SOT_PROPOSAL_OPEN);
}

/* Matches and links */

static void
test_match (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SotInvestigation) a = add_investigation (fixture->store, "AB/24/10");
  g_autoptr(SotInvestigation) b = add_investigation (fixture->store, "AB/24/11");
  g_autoptr(SotInvestigation) c = add_investigation (fixture->store, "AB/24/12");
  g_autoptr(SotSuspect) in_a = NULL;
  g_autoptr(SotSuspect) in_b = NULL;
  g_autoptr(SotSuspect) other_in_b = NULL;
  g_autoptr(SotSuspect) same_in_c = NULL;
  g_autoptr(SotSuspect) new_in_c = NULL;
  g_autoptr(SotSuspect) by_local = NULL;
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(SotSuspectMatch) match = NULL;
  g_autoptr(GError) error = NULL;

  in_a = add_suspect (fixture->store, sot_investigation_get_id (a), "Robin", "Mockford",
                      "1984-02-29", "P-77", NULL);
  in_b = add_suspect (fixture->store, sot_investigation_get_id (b), "Sam", "Sample",
                      "1990-01-01", NULL, NULL);
  /* Same name, other date of birth: not a match. */
  other_in_b = add_suspect (fixture->store, sot_investigation_get_id (b), "Robin", "Mockford",
                            "1985-02-28", NULL, NULL);
  /* A second suspect of the same investigation A with the same name and DOB is never offered:
   * only other investigations count. */
  same_in_c = add_suspect (fixture->store, sot_investigation_get_id (a), "ROBIN", "mockford",
                           "1984-02-29", NULL, NULL);

  /* Name and date of birth match, ignoring case. */
  new_in_c = add_suspect (fixture->store, sot_investigation_get_id (c), "robin", "MOCKFORD",
                          "1984-02-29", NULL, NULL);
  matches = sot_suspect_find_matches (new_in_c, fixture->store, &error);
  g_assert_no_error (error);
  /* Two persons in A have that name and DOB (in_a and same_in_c are not linked yet). */
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 2);
  match = g_list_model_get_item (matches, 0);
  g_assert_true (sot_suspect_match_get_by_name_and_dob (match));
  g_assert_false (sot_suspect_match_get_by_local_id (match));
  g_assert_cmpstr (sot_suspect_match_get_crime_reference (match), ==, "AB/24/10");
  g_assert_cmpint (sot_suspect_match_get_person_id (match), ==, sot_suspect_get_person_id (in_a));
  g_clear_object (&match);
  g_clear_object (&matches);

  /* The suspects of investigation A are not offered each other. */
  matches = sot_suspect_find_matches (same_in_c, fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 1);
  match = g_list_model_get_item (matches, 0);
  g_assert_cmpstr (sot_suspect_match_get_suspect_uuid (match), ==, sot_suspect_get_uuid (new_in_c));
  g_clear_object (&match);
  g_clear_object (&matches);

  /* Local person ID alone matches, whatever the name. */
  by_local = add_suspect (fixture->store, sot_investigation_get_id (b), "Rob", "Mockford-Smith",
                          NULL, "P-77", NULL);
  matches = sot_suspect_find_matches (by_local, fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 1);
  match = g_list_model_get_item (matches, 0);
  g_assert_true (sot_suspect_match_get_by_local_id (match));
  g_assert_false (sot_suspect_match_get_by_name_and_dob (match));
  g_assert_cmpstr (sot_suspect_match_get_suspect_uuid (match), ==, sot_suspect_get_uuid (in_a));
  g_clear_object (&match);
  g_clear_object (&matches);

  /* Nothing in common: no match. */
  matches = sot_suspect_find_matches (in_b, fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 0);
}

static void
test_link (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SotInvestigation) a = add_investigation (fixture->store, "AB/24/20");
  g_autoptr(SotInvestigation) b = add_investigation (fixture->store, "AB/24/21");
  g_autoptr(SotInvestigation) c = add_investigation (fixture->store, "AB/24/22");
  g_autoptr(SotSuspect) in_a = NULL;
  g_autoptr(SotSuspect) in_b = NULL;
  g_autoptr(SotSuspect) in_c = NULL;
  g_autoptr(SotSuspect) second_in_a = NULL;
  g_autoptr(GListModel) others = NULL;
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GHashTable) repeat_cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;
  gint64 persons_before;
  gint64 before;

  in_a = add_suspect (fixture->store, sot_investigation_get_id (a), "Kit", "Trainwell",
                      "1979-12-01", NULL, NULL);
  in_b = add_suspect (fixture->store, sot_investigation_get_id (b), "Kit", "Trainwell",
                      "1979-12-01", NULL, NULL);
  in_c = add_suspect (fixture->store, sot_investigation_get_id (c), "Kit", "Trainwell",
                      "1979-12-01", NULL, NULL);
  second_in_a = add_suspect (fixture->store, sot_investigation_get_id (a), "Drew", "Nonesuch",
                             NULL, NULL, NULL);
  g_assert_cmpuint (sot_suspect_get_repeat_count (in_b), ==, 0);
  persons_before = sot_store_count (fixture->store, "suspect_person", &error);

  /* Link B to A's person: a combine row naming the suspect; B's own person row goes. */
  g_assert_true (sot_suspect_link (in_b, fixture->store, sot_suspect_get_person_id (in_a), &error));
  g_assert_no_error (error);
  audit = last_audit (fixture->store);
  g_assert_true (g_str_has_prefix (audit, "combine|suspect|"));
  g_assert_nonnull (strstr (audit, sot_suspect_get_uuid (in_b)));
  g_assert_nonnull (strstr (audit, "|linked to suspect person "));
  g_assert_cmpint (sot_suspect_get_person_id (in_b), ==, sot_suspect_get_person_id (in_a));
  g_assert_cmpuint (sot_suspect_get_repeat_count (in_b), ==, 1);
  g_assert_cmpint (sot_store_count (fixture->store, "suspect_person", &error), ==,
                   persons_before - 1);
  g_assert_cmpint (sot_person_count_repeat_suspects (fixture->store, &error), ==, 1);

  /* C too: now the person is in three investigations, two others for each. */
  g_assert_true (sot_suspect_link (in_c, fixture->store, sot_suspect_get_person_id (in_a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sot_suspect_get_repeat_count (in_c), ==, 2);

  others = sot_suspect_other_investigations (in_c, fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (others), ==, 2);

  /* Once linked, A's suspect is no longer offered as a match. */
  matches = sot_suspect_find_matches (in_c, fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 0);

  g_assert_true (sot_suspect_repeat_investigations (fixture->store, &repeat_cases, &error));
  g_assert_cmpuint (g_hash_table_size (repeat_cases), ==, 3);
  g_assert_true (g_hash_table_contains (repeat_cases, sot_investigation_get_uuid (b)));

  /* Linking to a person already suspected in the same investigation is refused. */
  before = audit_count (fixture->store);
  g_assert_false (sot_suspect_link (second_in_a, fixture->store,
                                    sot_suspect_get_person_id (in_a), &error));
  g_assert_error (error, SOT_SUSPECT_ERROR, SOT_SUSPECT_ERROR_SAME_INVESTIGATION);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (fixture->store), ==, before);

  /* Unlink C: a combine row "unlinked", his own person again. */
  g_assert_true (sot_suspect_unlink (in_c, fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&audit, g_free);
  audit = last_audit (fixture->store);
  g_assert_true (g_str_has_prefix (audit, "combine|suspect|"));
  g_assert_true (g_str_has_suffix (audit, "|unlinked"));
  g_assert_cmpuint (sot_suspect_get_repeat_count (in_c), ==, 0);
  g_assert_cmpint (sot_suspect_get_person_id (in_c), !=, sot_suspect_get_person_id (in_a));

  /* Unlinking one who is not linked is refused, nothing written. */
  before = audit_count (fixture->store);
  g_assert_false (sot_suspect_unlink (in_c, fixture->store, &error));
  g_assert_error (error, SOT_SUSPECT_ERROR, SOT_SUSPECT_ERROR_NOT_LINKED);
  g_assert_cmpint (audit_count (fixture->store), ==, before);
  g_clear_error (&error);

  {
    g_autoptr(SotSuspect) reloaded = sot_suspect_load (fixture->store, sot_suspect_get_uuid (in_a),
                                                       &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sot_suspect_get_repeat_count (reloaded), ==, 1);
  }

  {
    gint64 n_records = 0;

    g_assert_true (sot_store_verify_audit (fixture->store, &n_records, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_suspect_dates (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/30");
  g_autoptr(SotSuspect) suspect = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;
  gint64 before;

  list = sot_suspect_list (fixture->store, sot_investigation_get_id (inv), &error);
  g_assert_no_error (error);
  /* Suspect not yet identified. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  suspect = add_suspect (fixture->store, sot_investigation_get_id (inv), "Jo", "Notreal", NULL,
                         NULL, NULL);
  g_assert_cmpstr (sot_suspect_get_display_name (suspect), ==, "Jo Notreal");
  g_assert_cmpstr (sot_suspect_get_relationship (suspect), ==, SOT_RELATIONSHIP_ACQUAINTANCE);

  /* UK summer time: 10:00 BST is 09:00 UTC. */
  sot_suspect_set_relationship (suspect, SOT_RELATIONSHIP_INTIMATE);
  sot_suspect_set_arrested_at (suspect, "2024-07-05T10:00");
  sot_suspect_set_interviewed_at (suspect, "2024-07-05T14:30");
  sot_suspect_set_bailed_at (suspect, "2024-07-05T16:00");
  sot_suspect_set_bail_type (suspect, SOT_BAIL_TYPE_RUI);
  g_assert_true (sot_suspect_save (suspect, fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sot_suspect_get_arrested_at (suspect), ==, "2024-07-05T09:00:00.000000Z");
  audit = last_audit (fixture->store);
  g_assert_true (g_str_has_prefix (audit, "alter|suspect|"));

  before = audit_count (fixture->store);
  sot_suspect_set_bail_type (suspect, "house-arrest");
  g_assert_false (sot_suspect_save (suspect, fixture->store, NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sot_suspect_set_bail_type (suspect, SOT_BAIL_TYPE_RUI);
  sot_suspect_set_released_at (suspect, "yesterday-ish");
  g_assert_false (sot_suspect_save (suspect, fixture->store, NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (fixture->store), ==, before);

  list = sot_suspect_list (fixture->store, sot_investigation_get_id (inv), &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(SotSuspect) stored = g_list_model_get_item (list, 0);

    g_assert_cmpstr (sot_suspect_get_relationship (stored), ==, SOT_RELATIONSHIP_INTIMATE);
    g_assert_cmpstr (sot_suspect_get_bail_type (stored), ==, SOT_BAIL_TYPE_RUI);
    g_assert_cmpstr (sot_suspect_get_bailed_at (stored), ==, "2024-07-05T15:00:00.000000Z");
  }
}

/* The suspect-focus indicator */

static void
test_indicator (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SotInvestigation) a = add_investigation (fixture->store, "AB/24/40");
  g_autoptr(SotInvestigation) b = add_investigation (fixture->store, "AB/24/41");
  g_autoptr(SotInvestigation) c = add_investigation (fixture->store, "AB/24/42");
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GError) error = NULL;
  SotSuspectFocus focus = { 0 };
  SotSuspectFocus *from_all;
  GDate today;
  gint64 ia = sot_investigation_get_id (a), ib = sot_investigation_get_id (b);
  const char *rationale = "Not proportionate.";

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_SEPTEMBER, 2024);

  /* Case A:
   *   suspect  planned     due 2024-08-01  → active, overdue
   *   suspect  requested   due 2024-09-02  → active, due today: not overdue
   *   suspect  obtained    no due date     → active
   *   suspect  reviewed    due 2024-01-01  → final: not counted, not overdue
   *   victim   requested   due 2024-09-01  → active, overdue
   *   victim   not-pursued                 → final: not counted
   *   context  proposed    due 2024-12-01  → active
   * Active: 5 (3 suspect, 1 victim, 1 context). Share = 3 / (3 + 1) = 0.75. Overdue: 2. */
  g_object_unref (add_line (fixture->store, ia, "suspect", "planned", NULL, "2024-08-01"));
  g_object_unref (add_line (fixture->store, ia, "suspect", "requested", NULL, "2024-09-02"));
  g_object_unref (add_line (fixture->store, ia, "suspect", "obtained", NULL, NULL));
  g_object_unref (add_line (fixture->store, ia, "suspect", "reviewed", NULL, "2024-01-01"));
  g_object_unref (add_line (fixture->store, ia, "victim", "requested", NULL, "2024-09-01"));
  g_object_unref (add_line (fixture->store, ia, "victim", "not-pursued", rationale, NULL));
  g_object_unref (add_line (fixture->store, ia, "context", "proposed", NULL, "2024-12-01"));

  g_assert_true (sot_suspect_focus_compute (fixture->store, ia, &today, &focus, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (focus.n_active, ==, 5);
  g_assert_cmpuint (focus.n_suspect, ==, 3);
  g_assert_cmpuint (focus.n_victim, ==, 1);
  g_assert_cmpuint (focus.n_context, ==, 1);
  g_assert_cmpuint (focus.n_overdue, ==, 2);
  g_assert_cmpfloat_with_epsilon (focus.suspect_share, 0.75, 1e-9);

  /* Case B: a victim-centred case. victim planned ×2 (one overdue: due 2024-06-30), suspect
   * planned ×1 (not due). Share = 1 / (1 + 2) = 1/3; overdue 1. */
  g_object_unref (add_line (fixture->store, ib, "victim", "planned", NULL, "2024-06-30"));
  g_object_unref (add_line (fixture->store, ib, "victim", "planned", NULL, NULL));
  g_object_unref (add_line (fixture->store, ib, "suspect", "planned", NULL, NULL));

  g_assert_true (sot_suspect_focus_compute (fixture->store, ib, &today, &focus, &error));
  g_assert_cmpfloat_with_epsilon (focus.suspect_share, 1.0 / 3.0, 1e-9);
  g_assert_cmpuint (focus.n_overdue, ==, 1);

  /* Case C: no lines at all: share -1 (nothing to weigh), nothing overdue. */
  g_assert_true (sot_suspect_focus_compute (fixture->store, sot_investigation_get_id (c), &today,
                                            &focus, &error));
  g_assert_cmpuint (focus.n_active, ==, 0);
  g_assert_cmpfloat (focus.suspect_share, ==, -1);

  /* The batch gives the same figures, keyed by UUID; C is absent. */
  g_assert_true (sot_suspect_focus_for_all (fixture->store, &today, &all, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 2);
  from_all = g_hash_table_lookup (all, sot_investigation_get_uuid (a));
  g_assert_nonnull (from_all);
  g_assert_cmpuint (from_all->n_overdue, ==, 2);
  g_assert_cmpfloat_with_epsilon (sot_suspect_focus_sort_key (from_all), 0.75, 1e-9);
  g_assert_null (g_hash_table_lookup (all, sot_investigation_get_uuid (c)));
  g_assert_cmpfloat (sot_suspect_focus_sort_key (NULL), ==, -1);

  {
    g_autofree char *text = sot_suspect_focus_describe (g_hash_table_lookup (all, sot_investigation_get_uuid (a)));

    g_assert_cmpstr (text, ==, "3 of 5 active lines on the suspect, 1 on the victim; 2 overdue");
  }

  /* Without a day the store's clock (2 Sep 2024) decides: same answer. */
  g_assert_true (sot_suspect_focus_compute (fixture->store, ia, NULL, &focus, &error));
  g_assert_cmpuint (focus.n_overdue, ==, 2);
}

/* Disruption */

static void
test_disruption (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SotInvestigation) inv = add_investigation (fixture->store, "AB/24/50");
  g_autoptr(SotSuspect) suspect = NULL;
  g_autoptr(SotDisruption) sro = NULL;
  g_autoptr(SotDisruption) bad = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;
  gint64 before;

  suspect = add_suspect (fixture->store, sot_investigation_get_id (inv), "Quinn", "Pretend",
                         NULL, NULL, NULL);

  sro = sot_disruption_add (fixture->store, sot_investigation_get_id (inv),
                            sot_suspect_get_id (suspect), SOT_DISRUPTION_SRO, "2024-08-20", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sot_disruption_get_status (sro), ==, SOT_DISRUPTION_CONSIDERED);
  g_assert_cmpstr (sot_disruption_kind_label (SOT_DISRUPTION_SRO), ==, "Sexual Risk Order");
  audit = last_audit (fixture->store);
  g_assert_true (g_str_has_prefix (audit, "collect|disruption|"));

  before = audit_count (fixture->store);
  bad = sot_disruption_add (fixture->store, sot_investigation_get_id (inv), 0, "curfew", NULL,
                            &error);
  g_assert_null (bad);
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A decision needs its date. */
  g_assert_false (sot_disruption_set_status (sro, fixture->store, SOT_DISRUPTION_GRANTED, NULL,
                                             "Granted", &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (fixture->store), ==, before);

  g_assert_true (sot_disruption_set_status (sro, fixture->store, SOT_DISRUPTION_GRANTED,
                                            "2024-08-30", "Granted for two years", &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (fixture->store), ==, before + 1);

  list = sot_disruption_list (fixture->store, sot_investigation_get_id (inv), &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(SotDisruption) stored = g_list_model_get_item (list, 0);

    g_assert_cmpstr (sot_disruption_get_status (stored), ==, SOT_DISRUPTION_GRANTED);
    g_assert_cmpstr (sot_disruption_get_status_on (stored), ==, "2024-08-30");
    g_assert_cmpstr (sot_disruption_get_outcome (stored), ==, "Granted for two years");
    g_assert_cmpint (sot_disruption_get_suspect_id (stored), ==, sot_suspect_get_id (suspect));
  }
}

/* The generator part */

/* Builds @n cases by hand in @store (fixed UUIDs), runs the part over them with @seed and
 * returns every generated field (no creation times) as text. */
static char *
generate (guint   n,
          guint32 seed,
          double *seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotStore) store = sot_store_open (":memory:", SOT_STORE_OPEN_CREATE, &error);
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GTimer) timer = NULL;
  SotGeneratorContext ctx = { 0 };
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *suspect_lists = g_array_new (FALSE, TRUE, sizeof (GArray *));
  static const char * const tables[] = {
    "SELECT s.uuid, arrested_at, interviewed_at, bailed_at, bail_type, bail_until, released_at "
    "FROM suspect s ORDER BY s.id",
    "SELECT uuid, investigation_id, suspect_id, category, focus, title, owner, due_on, status, "
    "rationale, notes, cps_advice_point, checklist_item FROM line_of_enquiry ORDER BY id",
    "SELECT uuid, suspect_id, item_key, state, reason, line_of_enquiry_id FROM checklist_proposal "
    "ORDER BY id",
    "SELECT uuid, suspect_id, kind, status, status_on, outcome FROM disruption ORDER BY id",
  };

  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ref = g_strdup_printf ("TRN/24/%06u", i + 1);
      SotInvestigation *inv = add_investigation (store, ref);
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint n_suspects = i % 7 == 0 ? 0 : (i % 5 == 0 ? 2 : 1);

      if (i % 3 == 0)
        {
          sot_investigation_set_status (inv, SOT_STATUS_FINALISED);
          sot_investigation_set_outcome_code (inv, "16");
          sot_investigation_set_outcome_date (inv, "2024-06-01");
        }

      for (guint k = 0; k < n_suspects; k++)
        {
          SotPersonDetails d = { 0 };
          g_autofree char *uuid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i * 2 + k);
          gint64 id;

          d.uuid = uuid;
          d.age_at_offence = -1;
          sot_person_add (store, SOT_ROLE_SUSPECT, sot_investigation_get_id (inv), &d, &id, &error);
          g_assert_no_error (error);
          g_array_append_val (ids, id);
        }

      g_ptr_array_add (cases, inv);
      g_array_append_val (suspect_lists, ids);
    }

  ctx.store = store;
  ctx.rand = g_rand_new_with_seed (seed);
  g_date_clear (&ctx.today, 1);
  g_date_set_dmy (&ctx.today, 2, G_DATE_SEPTEMBER, 2024);
  sot_store_set_uuid_func (store, sot_generator_uuid_func, &ctx);

  timer = g_timer_new ();
  sot_store_begin (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      SotInvestigation *inv = g_ptr_array_index (cases, i);
      SotGeneratorCase gcase = { 0 };

      gcase.index = i;
      gcase.investigation_id = sot_investigation_get_id (inv);
      gcase.investigation_uuid = sot_investigation_get_uuid (inv);
      gcase.crime_reference = sot_investigation_get_crime_reference (inv);
      g_date_clear (&gcase.reported, 1);
      g_date_set_dmy (&gcase.reported, 3, G_DATE_MARCH, 2024);
      gcase.status = i % 3 == 0 ? SOT_STATUS_FINALISED : SOT_STATUS_OPEN;
      gcase.officer = "DC Ash Example";
      gcase.suspect_ids = g_array_index (suspect_lists, GArray *, i);

      g_assert_true (sot_generator_part_suspect_focus (&ctx, &gcase, &error));
      g_assert_no_error (error);
    }

  sot_store_commit (store, &error);
  g_assert_no_error (error);
  if (seconds != NULL)
    *seconds = g_timer_elapsed (timer, NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      sqlite3_stmt *stmt = sot_store_prepare (store, tables[t], &error);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int col = 0; col < sqlite3_column_count (stmt); col++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, col);

              g_string_append (dump, text ? text : "∅");
              g_string_append_c (dump, '|');
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_reset (stmt);
    }

  {
    gint64 n_records = 0;

    g_assert_true (sot_store_verify_audit (store, &n_records, NULL, &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < suspect_lists->len; i++)
    g_array_unref (g_array_index (suspect_lists, GArray *, i));
  g_array_unref (suspect_lists);
  g_ptr_array_unref (cases);
  g_rand_free (ctx.rand);
  g_clear_object (&ctx.checklist);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static guint
count_lines (const char *dump,
             const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (dump, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_generator_part (void)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other_seed = NULL;
  double seconds = 0;
  guint n_suspect, n_victim;

  first = generate (300, 42, &seconds);
  second = generate (300, 42, NULL);
  other_seed = generate (300, 43, NULL);

  /* Same seed, same records, field for field; another seed differs. */
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, !=, other_seed);

  /* A realistic mix: mostly about the suspect, some about the victim, some not pursued with a
   * rationale, checklist decisions and disruption options. */
  n_suspect = count_lines (first, "|suspect|");
  n_victim = count_lines (first, "|victim|");
  g_assert_cmpuint (n_victim, >, 0);
  g_assert_cmpuint (n_suspect, >, 3 * n_victim);
  g_assert_cmpuint (count_lines (first, "|not-pursued|"), >, 0);
  g_assert_cmpuint (count_lines (first, "|not-pursued|∅|"), ==, 0);
  g_assert_cmpuint (count_lines (first, "|dismissed|"), >, 0);
  g_assert_cmpuint (count_lines (first, "|accepted|"), >, 0);
  g_assert_cmpuint (count_lines (first, "|sexual-risk-order|")
                    + count_lines (first, "|bail-conditions|")
                    + count_lines (first, "|safeguarding-referral|"), >, 0);
  g_assert_cmpuint (count_lines (first, "|rui|"), >, 0);

  g_test_message ("generator part: 300 cases in %.3f s", seconds);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  FIXTURE_TEST ("/suspect-focus/schema", test_schema);
  g_test_add_func ("/suspect-focus/transition/rules", test_transition_rules);
  FIXTURE_TEST ("/suspect-focus/transition/stored", test_transition_stored);
  g_test_add_func ("/suspect-focus/checklist/builtin", test_checklist_builtin);
  g_test_add_func ("/suspect-focus/checklist/extend", test_checklist_extend);
  FIXTURE_TEST ("/suspect-focus/checklist/propose", test_checklist_propose);
  FIXTURE_TEST ("/suspect-focus/suspect/dates", test_suspect_dates);
  FIXTURE_TEST ("/suspect-focus/suspect/match", test_match);
  FIXTURE_TEST ("/suspect-focus/suspect/link", test_link);
  FIXTURE_TEST ("/suspect-focus/indicator", test_indicator);
  FIXTURE_TEST ("/suspect-focus/disruption", test_disruption);
  g_test_add_func ("/suspect-focus/generator/part", test_generator_part);

  return g_test_run ();
}
