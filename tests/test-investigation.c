/* test-investigation.c: investigations through the single audited write path, and their list
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sot-investigation-list.h"
#include "sot-investigation.h"
#include "sot-person.h"
#include "sot-store.h"
#include "sot-test-workspace.h"

typedef SotTestWorkspace Fixture;

/* Helpers */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  sot_test_workspace_setup (fixture, "investigation", SOT_TEST_WORKSPACE_NONE);
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
make_investigation (const char *crime_reference)
{
  SotInvestigation *inv = sot_investigation_new ();

  sot_investigation_set_crime_reference (inv, crime_reference);
  sot_investigation_set_offence_type (inv, "rape");
  sot_investigation_set_offence_from (inv, "2024-03-01T22:30:00");
  sot_investigation_set_reported_on (inv, "2024-03-03");
  sot_investigation_set_recorded_on (inv, "2024-03-03");
  sot_investigation_set_officer (inv, "DC Ash Example");

  return inv;
}

static SotInvestigation *
insert_new (Fixture    *fixture,
            const char *crime_reference)
{
  g_autoptr(GError) error = NULL;
  SotInvestigation *inv = make_investigation (crime_reference);

  sot_investigation_insert (inv, fixture->store, &error);
  g_assert_no_error (error);

  return inv;
}

static gint64
count (Fixture    *fixture,
       const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = sot_store_count (fixture->store, table, &error);

  g_assert_no_error (error);
  return n;
}

typedef struct {
  gint64  id;
  char   *action;
  char   *entity_type;
  char   *entity_uuid;
  char   *reason;
  char   *operator_name;
  char   *all_text;   /* every column, joined, to look for content that must not be there */
} AuditRow;

static void
audit_row_clear (AuditRow *row)
{
  g_free (row->action);
  g_free (row->entity_type);
  g_free (row->entity_uuid);
  g_free (row->reason);
  g_free (row->operator_name);
  g_free (row->all_text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AuditRow, audit_row_clear)

/* Reads the last audit row through a connection of its own, as an auditor would. */
static void
read_last_audit_row (Fixture  *fixture,
                     AuditRow *row)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM audit_log ORDER BY id DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  memset (row, 0, sizeof *row);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      const char *name = sqlite3_column_name (stmt, i);
      const char *text = (const char *) sqlite3_column_text (stmt, i);

      g_string_append_printf (all, "%s\x1f", text ? text : "");

      if (g_str_equal (name, "id"))
        row->id = sqlite3_column_int64 (stmt, i);
      else if (g_str_equal (name, "action"))
        row->action = g_strdup (text);
      else if (g_str_equal (name, "entity_type"))
        row->entity_type = g_strdup (text);
      else if (g_str_equal (name, "entity_uuid"))
        row->entity_uuid = g_strdup (text);
      else if (g_str_equal (name, "reason"))
        row->reason = g_strdup (text);
      else if (g_str_equal (name, "operator"))
        row->operator_name = g_strdup (text);
    }
  row->all_text = g_string_free (g_steal_pointer (&all), FALSE);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Every text stored in the whole audit log, joined. */
static char *
read_whole_audit_log (Fixture *fixture)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *all = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM audit_log ORDER BY id", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, i);

        g_string_append_printf (all, "%s\x1f", text ? text : "");
      }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (all, FALSE);
}

/* Create, edit, delete: one audit row each */

static void
test_create_audit_collect (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = make_investigation ("AB/1001/24");
  g_autoptr(SotInvestigation) loaded = NULL;
  g_auto(AuditRow) row = { 0 };
  gint64 audits = count (fixture, "audit_log");

  g_assert_cmpint (sot_investigation_get_id (inv), ==, 0);

  g_assert_true (sot_investigation_insert (inv, fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sot_investigation_get_id (inv), >, 0);
  g_assert_true (g_uuid_string_is_valid (sot_investigation_get_uuid (inv)));
  g_assert_cmpint (count (fixture, "investigation"), ==, 1);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits + 1);

  read_last_audit_row (fixture, &row);
  g_assert_cmpstr (row.action, ==, SOT_AUDIT_COLLECT);
  g_assert_cmpstr (row.entity_type, ==, "investigation");
  g_assert_cmpstr (row.entity_uuid, ==, sot_investigation_get_uuid (inv));
  g_assert_cmpstr (row.operator_name, ==, "DC 4242 Test Operator");

  /* What was stored reads back, times in canonical UTC. */
  loaded = sot_investigation_load (fixture->store, sot_investigation_get_uuid (inv), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sot_investigation_get_id (loaded), ==, sot_investigation_get_id (inv));
  g_assert_cmpstr (sot_investigation_get_crime_reference (loaded), ==, "AB/1001/24");
  g_assert_cmpstr (sot_investigation_get_offence_type (loaded), ==, "rape");
  g_assert_cmpstr (sot_investigation_get_offence_from (loaded), ==, "2024-03-01T22:30:00Z");
  g_assert_null (sot_investigation_get_offence_until (loaded));
  g_assert_cmpstr (sot_investigation_get_reported_on (loaded), ==, "2024-03-03");
  g_assert_cmpstr (sot_investigation_get_recorded_on (loaded), ==, "2024-03-03");
  g_assert_cmpstr (sot_investigation_get_officer (loaded), ==, "DC Ash Example");
  g_assert_cmpstr (sot_investigation_get_status (loaded), ==, SOT_STATUS_OPEN);
  g_assert_nonnull (sot_investigation_get_offence_label (loaded));
  g_assert_nonnull (strstr (sot_investigation_get_search_text (loaded), "ab/1001/24"));
  g_assert_nonnull (strstr (sot_investigation_get_search_text (loaded), "dc ash example"));
}

static void
test_create_keeps_given_uuid (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = make_investigation ("AB/1002/24");
  const char *uuid = "0b9d1c8e-5f0a-4c7e-9a4d-2f6b7e8c9d01";

  sot_investigation_set_uuid (inv, uuid);
  sot_investigation_insert (inv, fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sot_investigation_get_uuid (inv), ==, uuid);
}

/* A time without a zone is UK local time, stored in UTC. */
static void
test_create_normalises_times (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = make_investigation ("AB/1003/24");
  g_autoptr(SotInvestigation) loaded = NULL;

  sot_investigation_set_offence_from (inv, "2024-07-01T22:30:00");
  sot_investigation_set_offence_until (inv, "2024-07-02T01:00:00+01:00");
  sot_investigation_set_reported_on (inv, "2024-07-02");
  sot_investigation_set_recorded_on (inv, "2024-07-02");
  sot_investigation_insert (inv, fixture->store, &error);
  g_assert_no_error (error);

  loaded = sot_investigation_load (fixture->store, sot_investigation_get_uuid (inv), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sot_investigation_get_offence_from (loaded), ==, "2024-07-01T21:30:00Z");
  g_assert_cmpstr (sot_investigation_get_offence_until (loaded), ==, "2024-07-02T00:00:00Z");
}

static void
test_edit_audit_alter (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = insert_new (fixture, "AB/1010/24");
  g_autoptr(SotInvestigation) loaded = NULL;
  g_auto(AuditRow) row = { 0 };
  gint64 audits = count (fixture, "audit_log");

  sot_investigation_set_officer (inv, "DS Cal Specimen");
  sot_investigation_set_status (inv, SOT_STATUS_FINALISED);
  sot_investigation_set_outcome_code (inv, "16");
  sot_investigation_set_outcome_date (inv, "2024-08-30");

  g_assert_true (sot_investigation_update (inv, fixture->store, "victim withdrew support", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits + 1);
  g_assert_cmpint (count (fixture, "investigation"), ==, 1);

  read_last_audit_row (fixture, &row);
  g_assert_cmpstr (row.action, ==, SOT_AUDIT_ALTER);
  g_assert_cmpstr (row.entity_type, ==, "investigation");
  g_assert_cmpstr (row.entity_uuid, ==, sot_investigation_get_uuid (inv));
  g_assert_cmpstr (row.reason, ==, "victim withdrew support");

  loaded = sot_investigation_load (fixture->store, sot_investigation_get_uuid (inv), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sot_investigation_get_officer (loaded), ==, "DS Cal Specimen");
  g_assert_cmpstr (sot_investigation_get_outcome_code (loaded), ==, "16");
  g_assert_cmpstr (sot_investigation_get_outcome_date (loaded), ==, "2024-08-30");
  g_assert_cmpstr (sot_investigation_get_status (loaded), ==, SOT_STATUS_FINALISED);
}

static void
test_delete_audit_erase (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = insert_new (fixture, "ZX/98765/24");
  g_autoptr(SotInvestigation) gone = NULL;
  g_autofree char *uuid = g_strdup (sot_investigation_get_uuid (inv));
  g_autofree char *whole_log = NULL;
  g_auto(AuditRow) row = { 0 };
  SotPersonDetails victim = {
    .sex = "female", .age_at_offence = 24, .ethnicity = "white",
    .given_name = "Robin", .family_name = "Notreal-Erased", .date_of_birth = "2000-01-02",
    .address = "1 Example Road, Fictionton", .phone = "07700 900123",
    .account = "A fictional account that must vanish.",
  };
  gint64 audits;
  const char * const content[] = {
    "ZX/98765/24", "zx/98765/24", "DC Ash Example", "2024-03-01", "2024-03-03", "rape",
    "Notreal-Erased", "07700 900123", "fictional account",
  };

  sot_person_add (fixture->store, SOT_ROLE_VICTIM, sot_investigation_get_id (inv), &victim,
                  NULL, &error);
  g_assert_no_error (error);
  audits = count (fixture, "audit_log");

  g_assert_true (sot_investigation_erase (inv, fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits + 1);

  read_last_audit_row (fixture, &row);
  g_assert_cmpstr (row.action, ==, SOT_AUDIT_ERASE);
  g_assert_cmpstr (row.entity_type, ==, "investigation");
  g_assert_cmpstr (row.entity_uuid, ==, uuid);

  /* The erasure row, and the log as a whole, hold none of the erased content. */
  whole_log = read_whole_audit_log (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (content); i++)
    {
      g_test_message ("looking for %s", content[i]);
      g_assert_null (strstr (row.all_text, content[i]));
      g_assert_null (strstr (whole_log, content[i]));
    }

  /* Everything recorded under it went with it. */
  g_assert_cmpint (count (fixture, "investigation"), ==, 0);
  g_assert_cmpint (count (fixture, "victim"), ==, 0);
  g_assert_cmpint (count (fixture, "victim_identity"), ==, 0);

  gone = sot_investigation_load (fixture->store, uuid, &error);
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  /* Erasing twice fails and writes nothing. */
  audits = count (fixture, "audit_log");
  g_assert_false (sot_investigation_erase (inv, fixture->store, NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits);
}

static void
test_consult_row (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = insert_new (fixture, "AB/1020/24");
  g_autoptr(SotInvestigation) loaded = NULL;
  g_auto(AuditRow) row = { 0 };
  gint64 audits = count (fixture, "audit_log");

  /* Loading alone is not recorded... */
  loaded = sot_investigation_load (fixture->store, sot_investigation_get_uuid (inv), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits);

  /* ...opening it is. */
  g_assert_true (sot_investigation_consult (loaded, fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits + 1);

  read_last_audit_row (fixture, &row);
  g_assert_cmpstr (row.action, ==, SOT_AUDIT_CONSULT);
  g_assert_cmpstr (row.entity_type, ==, "investigation");
  g_assert_cmpstr (row.entity_uuid, ==, sot_investigation_get_uuid (inv));
  g_assert_null (strstr (row.all_text, "AB/1020/24"));
}

static void
test_load_not_found (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = NULL;

  inv = sot_investigation_load (fixture->store, "6b1f2c3d-0000-4000-8000-000000000000", &error);
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND);
  g_assert_null (inv);
}

/* Validation */

typedef struct {
  const char *name;
  const char *property;   /* the property to change from a valid investigation */
  const char *value;      /* its new value, %NULL to clear it */
  const char *property2;  /* an optional second change */
  const char *value2;
  const char *field;      /* the field every reported problem must name; %NULL: valid */
} ValidationCase;

static const ValidationCase validation_cases[] = {
  { "valid", NULL, NULL, NULL, NULL, NULL },
  { "missing-crime-reference", "crime-reference", NULL, NULL, NULL, "crime-reference" },
  { "long-crime-reference", "crime-reference",
    "AB/0123456789/0123456789/0123456789/0123456789", NULL, NULL, "crime-reference" },
  { "missing-offence-type", "offence-type", NULL, NULL, NULL, "offence-type" },
  { "unknown-offence-type", "offence-type", "burglary", NULL, NULL, "offence-type" },
  { "missing-offence-from", "offence-from", NULL, NULL, NULL, "offence-from" },
  { "garbage-offence-from", "offence-from", "last Tuesday", NULL, NULL, "offence-from" },
  { "impossible-offence-from", "offence-from", "2023-02-30T10:00:00",
    "reported-on", "2023-03-05", "offence-from" },
  { "missing-reported-on", "reported-on", NULL, NULL, NULL, "reported-on" },
  { "impossible-reported-on", "offence-from", "2023-02-01T10:00:00",
    "reported-on", "2023-02-30", "reported-on" },
  { "report-before-offence", "offence-from", "2024-03-05T10:00:00",
    "reported-on", "2024-03-04", "reported-on" },
  /* 23:30 UTC on 30 June is 00:30 on 1 July in BST: a report on 30 June comes before it. */
  { "report-before-offence-bst", "offence-from", "2024-06-30T23:30:00Z",
    "reported-on", "2024-06-30", "reported-on" },
  /* 23:30 BST on 30 June, reported the same UK day: valid. */
  { "report-same-evening", "offence-from", "2024-06-30T23:30:00+01:00",
    "reported-on", "2024-06-30", NULL },
  { "until-before-from", "offence-until", "2024-03-01T21:00:00", NULL, NULL, "offence-until" },
  { "until-equals-from", "offence-until", "2024-03-01T22:30:00", NULL, NULL, NULL },
  { "recorded-before-reported", "recorded-on", "2024-03-02", NULL, NULL, "recorded-on" },
  { "missing-officer", "officer", NULL, NULL, NULL, "officer" },
  { "empty-officer", "officer", "", NULL, NULL, "officer" },
  { "unknown-status", "status", "closed", NULL, NULL, "status" },
  { "unknown-outcome-code", "outcome-code", "99", "outcome-date", "2024-08-01", "outcome-code" },
  { "outcome-without-date", "outcome-code", "16", NULL, NULL, "outcome-date" },
  { "outcome-date-without-code", "outcome-date", "2024-08-01", NULL, NULL, "outcome-code" },
  { "outcome-before-report", "outcome-code", "18", "outcome-date", "2024-03-01",
    "outcome-date" },
  { "outcome-valid", "outcome-code", "3A", "outcome-date", "2024-08-01", NULL },
};

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  const ValidationCase *item = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = make_investigation ("AB/2000/24");
  g_autoptr(GArray) problems = NULL;
  gint64 audits = count (fixture, "audit_log");
  gint64 investigations = count (fixture, "investigation");

  /* Recorded-on is optional; left out so each case breaks one rule only. */
  sot_investigation_set_recorded_on (inv, NULL);

  if (item->property != NULL)
    g_object_set (inv, item->property, item->value, NULL);
  if (item->property2 != NULL)
    g_object_set (inv, item->property2, item->value2, NULL);

  problems = sot_investigation_check (inv, sot_store_get_reference (fixture->store));
  g_assert_nonnull (problems);

  for (guint i = 0; i < problems->len; i++)
    {
      SotFieldProblem *problem = &g_array_index (problems, SotFieldProblem, i);

      g_test_message ("%s: %s", problem->field, problem->message);
      g_assert_cmpstr (problem->field, ==, item->field);
      g_assert_nonnull (problem->message);
      g_assert_cmpstr (problem->message, !=, "");
    }

  if (item->field == NULL)
    {
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_true (sot_investigation_insert (inv, fixture->store, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count (fixture, "investigation"), ==, investigations + 1);
      return;
    }

  g_assert_cmpuint (problems->len, >=, 1);

  /* The write path refuses it too, and writes nothing. */
  g_assert_false (sot_investigation_insert (inv, fixture->store, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_assert_cmpint (sot_investigation_get_id (inv), ==, 0);
  g_assert_cmpint (count (fixture, "investigation"), ==, investigations);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits);
}

/* An edit that breaks a rule is refused the same way, and the stored record stays as it was. */
static void
test_validation_on_update (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = insert_new (fixture, "AB/2001/24");
  g_autoptr(SotInvestigation) loaded = NULL;
  gint64 audits = count (fixture, "audit_log");

  sot_investigation_set_reported_on (inv, "2024-02-01");
  g_assert_false (sot_investigation_update (inv, fixture->store, NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_INVALID);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits);

  loaded = sot_investigation_load (fixture->store, sot_investigation_get_uuid (inv), NULL);
  g_assert_cmpstr (sot_investigation_get_reported_on (loaded), ==, "2024-03-03");
}

/* Uniqueness of the crime reference */

static void
test_duplicate_reference (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) first = insert_new (fixture, "AB/3000/24");
  g_autoptr(SotInvestigation) second = NULL;
  g_autoptr(SotInvestigation) other = insert_new (fixture, "AB/3001/24");
  g_autoptr(SotInvestigation) loaded = NULL;
  gint64 audits = count (fixture, "audit_log");

  /* A new record with the same reference, in other case: refused, nothing written. */
  second = make_investigation ("ab/3000/24");
  g_assert_false (sot_investigation_insert (second, fixture->store, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (sot_investigation_get_id (second), ==, 0);
  g_assert_cmpint (count (fixture, "investigation"), ==, 2);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits);

  /* An edit that takes another record's reference: refused, the record unchanged. */
  sot_investigation_set_crime_reference (other, "AB/3000/24");
  sot_investigation_set_officer (other, "DC Changed Officer");
  g_assert_false (sot_investigation_update (other, fixture->store, NULL, &error));
  g_assert_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "audit_log"), ==, audits);
  loaded = sot_investigation_load (fixture->store, sot_investigation_get_uuid (other), NULL);
  g_assert_cmpstr (sot_investigation_get_crime_reference (loaded), ==, "AB/3001/24");
  g_assert_cmpstr (sot_investigation_get_officer (loaded), ==, "DC Ash Example");

  /* Keeping one's own reference (even re-cased) is no duplicate. */
  sot_investigation_set_crime_reference (first, "ab/3000/24");
  g_assert_true (sot_investigation_update (first, fixture->store, NULL, &error));
  g_assert_no_error (error);
}

static void
test_reference_taken (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) inv = insert_new (fixture, "AB/4000/24");
  SotStore *store = fixture->store;
  gint64 id = sot_investigation_get_id (inv);

  g_assert_true (sot_investigation_reference_taken (store, "AB/4000/24", 0, &error));
  g_assert_no_error (error);
  g_assert_true (sot_investigation_reference_taken (store, "ab/4000/24", 0, &error));
  g_assert_no_error (error);
  g_assert_false (sot_investigation_reference_taken (store, "AB/4000/24", id, &error));
  g_assert_no_error (error);
  g_assert_true (sot_investigation_reference_taken (store, "AB/4000/24", id + 1, &error));
  g_assert_no_error (error);
  g_assert_false (sot_investigation_reference_taken (store, "AB/4001/24", 0, &error));
  g_assert_no_error (error);
  g_assert_false (sot_investigation_reference_taken (store, NULL, 0, &error));
  g_assert_no_error (error);
}

/* Object behaviour */

static guint n_notify_officer;

static void
notify_officer_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  n_notify_officer++;
}

static void
test_properties_notify (void)
{
  g_autoptr(SotInvestigation) inv = make_investigation ("AB/5000/24");
  g_autoptr(SotInvestigation) copy = NULL;
  g_autoptr(SotInvestigation) empty = sot_investigation_new ();

  n_notify_officer = 0;
  g_signal_connect (inv, "notify::officer", G_CALLBACK (notify_officer_cb), NULL);

  /* Setters notify only on a real change (G_PARAM_EXPLICIT_NOTIFY). */
  sot_investigation_set_officer (inv, "DC Ash Example");
  g_assert_cmpuint (n_notify_officer, ==, 0);
  sot_investigation_set_officer (inv, "DC Bea Sample");
  g_assert_cmpuint (n_notify_officer, ==, 1);
  g_object_set (inv, "officer", "DC Bea Sample", NULL);
  g_assert_cmpuint (n_notify_officer, ==, 1);

  /* Empty text is "not given". */
  sot_investigation_set_recorded_on (inv, "");
  g_assert_null (sot_investigation_get_recorded_on (inv));

  g_assert_cmpstr (sot_investigation_get_status (empty), ==, SOT_STATUS_OPEN);
  g_assert_cmpint (sot_investigation_get_id (empty), ==, 0);
  g_assert_null (sot_investigation_get_uuid (empty));

  copy = sot_investigation_copy (inv);
  g_assert_cmpstr (sot_investigation_get_officer (copy), ==, "DC Bea Sample");
  g_assert_cmpstr (sot_investigation_get_crime_reference (copy), ==, "AB/5000/24");
  sot_investigation_set_officer (copy, "DS Gus Placeholder");
  g_assert_cmpstr (sot_investigation_get_officer (inv), ==, "DC Bea Sample");

  /* The search text follows its sources. */
  g_assert_nonnull (strstr (sot_investigation_get_search_text (copy), "ds gus placeholder"));
  g_assert_null (strstr (sot_investigation_get_search_text (copy), "dc bea sample"));
}

static void
test_statuses (void)
{
  const char * const *statuses = sot_investigation_statuses ();

  g_assert_cmpuint (g_strv_length ((char **) statuses), ==, 4);
  g_assert_cmpstr (statuses[0], ==, SOT_STATUS_OPEN);
  for (guint i = 0; statuses[i] != NULL; i++)
    {
      const char *label = sot_investigation_status_label (statuses[i]);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_cmpstr (label, !=, sot_investigation_status_label ("no-such-status"));
    }
}

/* The list model */

typedef struct {
  guint n_calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *log = user_data;

  log->n_calls++;
  log->position = position;
  log->removed = removed;
  log->added = added;
}

static void
test_list_follows_store (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) a = insert_new (fixture, "AB/6000/24");
  g_autoptr(SotInvestigation) b = insert_new (fixture, "AB/6001/24");
  g_autoptr(SotInvestigation) c = NULL;
  g_autoptr(SotInvestigation) edited = NULL;
  g_autoptr(SotInvestigationList) list = NULL;
  g_autoptr(SotInvestigation) first = NULL;
  SotInvestigation *listed;
  ItemsChanged log = { 0 };
  GListModel *model;

  list = sot_investigation_list_new (fixture->store, &error);
  g_assert_no_error (error);
  model = G_LIST_MODEL (list);

  g_assert_true (g_list_model_get_item_type (model) == SOT_TYPE_INVESTIGATION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_null (g_list_model_get_item (model, 2));
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (sot_investigation_get_uuid (first), ==, sot_investigation_get_uuid (a));
  g_assert_true (sot_investigation_list_lookup (list, sot_investigation_get_uuid (b)) != NULL);
  g_assert_cmpuint (sot_investigation_list_find (list, sot_investigation_get_uuid (b)), ==, 1);
  g_assert_cmpuint (sot_investigation_list_find (list, "nope"), ==, G_MAXUINT);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &log);

  /* An insert appears. */
  c = insert_new (fixture, "AB/6002/24");
  g_assert_cmpuint (log.n_calls, ==, 1);
  g_assert_cmpuint (log.position, ==, 2);
  g_assert_cmpuint (log.removed, ==, 0);
  g_assert_cmpuint (log.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (sot_investigation_list_find (list, sot_investigation_get_uuid (c)), ==, 2);

  /* An edit made on another object updates the listed one in place, with notifications. */
  listed = sot_investigation_list_lookup (list, sot_investigation_get_uuid (a));
  n_notify_officer = 0;
  g_signal_connect (listed, "notify::officer", G_CALLBACK (notify_officer_cb), NULL);
  edited = sot_investigation_copy (a);
  sot_investigation_set_officer (edited, "DS Lee Dummyfield");
  sot_investigation_update (edited, fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_calls, ==, 1);
  g_assert_cmpuint (n_notify_officer, ==, 1);
  g_assert_cmpstr (sot_investigation_get_officer (listed), ==, "DS Lee Dummyfield");
  g_assert_nonnull (strstr (sot_investigation_get_search_text (listed), "ds lee dummyfield"));
  g_signal_handlers_disconnect_by_func (listed, notify_officer_cb, NULL);

  /* A rolled-back insert never shows. */
  sot_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  g_clear_object (&edited);
  edited = insert_new (fixture, "AB/6003/24");
  sot_store_rollback (fixture->store);
  g_assert_cmpuint (log.n_calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* An erasure goes. */
  sot_investigation_erase (b, fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_calls, ==, 2);
  g_assert_cmpuint (log.position, ==, 1);
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_null (sot_investigation_list_lookup (list, sot_investigation_get_uuid (b)));
  g_assert_cmpuint (sot_investigation_list_find (list, sot_investigation_get_uuid (c)), ==, 1);

  g_signal_handlers_disconnect_by_func (list, items_changed_cb, &log);
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* The list lets go of the store, and the store of the list, without a leak either way. */
static void
test_list_lifetime (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotInvestigation) a = insert_new (fixture, "AB/7000/24");
  SotInvestigationList *list = sot_investigation_list_new (fixture->store, &error);
  g_autoptr(SotInvestigation) b = NULL;

  g_assert_no_error (error);
  g_assert_finalize_object (list);

  /* The store still writes, with no dangling handler. */
  b = insert_new (fixture, "AB/7001/24");
  g_assert_cmpint (count (fixture, "investigation"), ==, 2);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its test case and the run goes on, so one report shows them all. */
  g_test_set_nonfatal_assertions ();

  ADD ("/investigation/create/audit-collect", test_create_audit_collect);
  ADD ("/investigation/create/keeps-given-uuid", test_create_keeps_given_uuid);
  ADD ("/investigation/create/normalises-times", test_create_normalises_times);
  ADD ("/investigation/edit/audit-alter", test_edit_audit_alter);
  ADD ("/investigation/delete/audit-erase-without-content", test_delete_audit_erase);
  ADD ("/investigation/consult/audit-row", test_consult_row);
  ADD ("/investigation/load/not-found", test_load_not_found);

  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/investigation/validate/%s",
                                               validation_cases[i].name);

      g_test_add (path, Fixture, &validation_cases[i], fixture_setup, test_validation,
                  fixture_teardown);
    }
  ADD ("/investigation/validate/on-update", test_validation_on_update);

  ADD ("/investigation/unique/duplicate-reference", test_duplicate_reference);
  ADD ("/investigation/unique/reference-taken", test_reference_taken);

  g_test_add_func ("/investigation/object/notify-and-copy", test_properties_notify);
  g_test_add_func ("/investigation/object/statuses", test_statuses);

  ADD ("/investigation/list/follows-store", test_list_follows_store);
  ADD ("/investigation/list/lifetime", test_list_lifetime);

  return g_test_run ();
}
