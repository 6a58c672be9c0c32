/* sot-cps.c: joint working with the Crown Prosecution Service (early advice to charge)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-cps"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-cps.h"
#include "sot-deadline.h"
#include "sot-investigation.h"
#include "sot-record.h"
#include "sot-time.h"
#include "sot-uuid.h"
#include "sot-victim-checks.h"

static const struct {
  const char *name;
  const char *label;
  gboolean    legal;
} decisions[SOT_CPS_N_DECISIONS] = {
  [SOT_CPS_CHARGE] = { "charge", N_("Charge"), TRUE },
  [SOT_CPS_NFA_EVIDENTIAL] = { "nfa-evidential", N_("No further action (evidential)"), TRUE },
  [SOT_CPS_NFA_PUBLIC_INTEREST] = { "nfa-public-interest",
                                    N_("No further action (public interest)"), TRUE },
  [SOT_CPS_OUT_OF_COURT_DISPOSAL] = { "out-of-court-disposal", N_("Out-of-court disposal"),
                                      TRUE },
  [SOT_CPS_ADMINISTRATIVELY_FINALISED] = { "administratively-finalised",
                                           N_("Administratively finalised"), FALSE },
  [SOT_CPS_OTHER] = { "other", N_("Other"), FALSE },
};

gboolean
sot_cps_decision_from_string (const char     *text,
                              SotCpsDecision *decision)
{
  g_return_val_if_fail (decision != NULL, FALSE);

  for (guint i = 0; i < SOT_CPS_N_DECISIONS; i++)
    {
      if (g_strcmp0 (text, decisions[i].name) == 0)
        {
          *decision = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sot_cps_decision_to_string (SotCpsDecision decision)
{
  g_return_val_if_fail (decision < SOT_CPS_N_DECISIONS, NULL);

  return decisions[decision].name;
}

const char *
sot_cps_decision_label (SotCpsDecision decision)
{
  g_return_val_if_fail (decision < SOT_CPS_N_DECISIONS, NULL);

  return _(decisions[decision].label);
}

gboolean
sot_cps_decision_is_legal (SotCpsDecision decision)
{
  g_return_val_if_fail (decision < SOT_CPS_N_DECISIONS, FALSE);

  return decisions[decision].legal;
}

gboolean
sot_cps_early_advice_late (const GDate *requested,
                           const GDate *given,
                           const GDate *today)
{
  const GDate *until;

  g_return_val_if_fail (requested != NULL && g_date_valid (requested), FALSE);
  g_return_val_if_fail (given == NULL || g_date_valid (given), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  until = given != NULL ? given : today;

  return g_date_days_between (requested, until) > SOT_CPS_EARLY_ADVICE_DAYS;
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */

/* What a failed write or read says; the workspace's own message follows. */
static const char save_failed[] = N_("Cannot save the CPS record");
static const char read_failed[] = N_("Cannot read the CPS records");

static char *
today_text (SotStore *store)
{
  g_autoptr(GDateTime) now = sot_store_now (store);
  GDate today;

  sot_date_from_time (now, &today);
  return sot_date_format (&today);
}

/* The investigation (id, UUID) a record of @table with @uuid belongs to. @table is one of ours. */
static gboolean
owner_of (SotStore    *store,
          const char  *table,
          const char  *uuid,
          gint64      *record_id,
          gint64      *investigation_id,
          char       **investigation_uuid,
          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.id, t.investigation_id, i.uuid FROM %s t "
                                          "JOIN investigation i ON i.id = t.investigation_id "
                                          "WHERE t.uuid = ?1", table);
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sot_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (record_id != NULL)
        *record_id = sqlite3_column_int64 (stmt, 0);
      if (investigation_id != NULL)
        *investigation_id = sqlite3_column_int64 (stmt, 1);
      if (investigation_uuid != NULL)
        *investigation_uuid = sot_store_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                 _("There is no such record (%s)"), uuid);

  return found;
}

/* ------------------------------------------------------------------------------------------ */
/* Writers                                                                                     */

gboolean
sot_cps_request_early_advice (SotStore    *store,
                              gint64       investigation_id,
                              const char  *requested_on,
                              const char  *given_on,
                              const char  *uuid,
                              char       **out_uuid,
                              GError     **error)
{
  g_autofree char *random_uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate date, given;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!sot_victim_parse_required_date (requested_on, _("The date of the request"), &date, error))
    return FALSE;
  if (given_on != NULL &&
      !sot_victim_parse_required_date (given_on, _("The date the advice was given"), &given, error))
    return FALSE;
  if (given_on != NULL && g_date_compare (&given, &date) < 0)
    return sot_victim_invalid (error, _("Advice cannot be given before it was requested"));

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO cps_early_advice (uuid, investigation_id, requested_on, "
                                "given_on) VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, requested_on, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 4, given_on);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_CPS_EARLY_ADVICE,
    .entity_uuid = uuid,
  };
  if (!sot_store_write_end (store, stmt, &change, _(save_failed), error))
    return FALSE;

  if (out_uuid != NULL)
    *out_uuid = g_strdup (uuid);

  return TRUE;
}

gboolean
sot_cps_record_advice_given (SotStore    *store,
                             const char  *advice_uuid,
                             const char  *given_on,
                             GError     **error)
{
  g_autofree char *requested_on = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate given, requested;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (advice_uuid != NULL, FALSE);

  if (!sot_victim_parse_required_date (given_on, _("The date the advice was given"), &given, error))
    return FALSE;

  stmt = sot_store_prepare (store, "SELECT requested_on FROM cps_early_advice WHERE uuid = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, advice_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    requested_on = sot_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (requested_on == NULL)
    {
      g_set_error (error, SOT_STORE_ERROR, SOT_STORE_ERROR_NOT_FOUND,
                   _("There is no such request for early advice (%s)"), advice_uuid);
      return FALSE;
    }

  if (sot_date_parse (requested_on, &requested, NULL) && g_date_compare (&given, &requested) < 0)
    return sot_victim_invalid (error, _("Advice cannot be given before it was requested"));

  stmt = sot_store_write_begin (store, "UPDATE cps_early_advice SET given_on = ?1 WHERE uuid = ?2",

                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, given_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, advice_uuid, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_ALTER,
    .entity_type = SOT_ENTITY_CPS_EARLY_ADVICE,
    .entity_uuid = advice_uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gboolean
sot_cps_add_advice_point (SotStore    *store,
                          const char  *advice_uuid,
                          const char  *summary,
                          const char  *line_of_enquiry_uuid,
                          const char  *uuid,
                          GError     **error)
{
  g_autofree char *random_uuid = NULL;
  gint64 advice_id = 0, investigation_id = 0;
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (advice_uuid != NULL, FALSE);

  if (summary == NULL || *summary == '\0')
    return sot_victim_invalid (error, _("Write down the point of the advice"));

  if (!owner_of (store, "cps_early_advice", advice_uuid, &advice_id, &investigation_id, NULL,
                 error))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO cps_advice_point (uuid, investigation_id, advice_id, "
                                "summary, line_of_enquiry_uuid) VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_int64 (stmt, 3, advice_id);
  sqlite3_bind_text (stmt, 4, summary, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 5, line_of_enquiry_uuid);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_CPS_ADVICE_POINT,
    .entity_uuid = uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gboolean
sot_cps_link_advice_point (SotStore    *store,
                           const char  *point_uuid,
                           const char  *line_of_enquiry_uuid,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  SotChange change;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (point_uuid != NULL, FALSE);

  if (!owner_of (store, "cps_advice_point", point_uuid, NULL, NULL, NULL, error))
    return FALSE;

  stmt = sot_store_write_begin (store,
                                "UPDATE cps_advice_point SET line_of_enquiry_uuid = ?1 WHERE uuid = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  sot_store_bind_text (stmt, 1, line_of_enquiry_uuid);
  sqlite3_bind_text (stmt, 2, point_uuid, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_ALTER,
    .entity_type = SOT_ENTITY_CPS_ADVICE_POINT,
    .entity_uuid = point_uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gboolean
sot_cps_submit_charging_file (SotStore    *store,
                              gint64       investigation_id,
                              const char  *submitted_on,
                              const char  *uuid,
                              GError     **error)
{
  g_autofree char *random_uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate date;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!sot_victim_parse_required_date (submitted_on, _("The date the file was submitted"), &date, error))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO cps_charging_file (uuid, investigation_id, submitted_on) "
                                "VALUES (?1, ?2, ?3)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, submitted_on, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_CPS_CHARGING_FILE,
    .entity_uuid = uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gboolean
sot_cps_record_decision (SotStore        *store,
                         gint64           investigation_id,
                         gint64           suspect_id,
                         SotCpsDecision   decision,
                         const char      *decided_on,
                         const char      *uuid,
                         GError         **error)
{
  g_autofree char *random_uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate date;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (decision >= SOT_CPS_N_DECISIONS)
    return sot_victim_invalid (error, _("Choose the CPS decision"));
  if (!sot_victim_parse_required_date (decided_on, _("The date of the decision"), &date, error))
    return FALSE;
  if (!sot_victim_check_suspect (store, investigation_id, suspect_id, error))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO cps_decision (uuid, investigation_id, suspect_id, "
                                "decision, decided_on) VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_int64 (stmt, 3, suspect_id);
  sqlite3_bind_text (stmt, 4, decisions[decision].name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, decided_on, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_CPS_DECISION,
    .entity_uuid = uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gboolean
sot_cps_record_charge (SotStore    *store,
                       gint64       investigation_id,
                       gint64       suspect_id,
                       const char  *charged_on,
                       const char  *uuid,
                       GError     **error)
{
  g_autofree char *random_uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate date;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!sot_victim_parse_required_date (charged_on, _("The date of the charge"), &date, error))
    return FALSE;
  if (suspect_id != 0 && !sot_victim_check_suspect (store, investigation_id, suspect_id, error))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO cps_charge (uuid, investigation_id, suspect_id, "
                                "charged_on) VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  if (suspect_id != 0)
    sqlite3_bind_int64 (stmt, 3, suspect_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, charged_on, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_CPS_CHARGE,
    .entity_uuid = uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gboolean
sot_cps_add_action_item (SotStore    *store,
                         gint64       investigation_id,
                         const char  *description,
                         const char  *created_on,
                         const char  *due_on,
                         const char  *uuid,
                         GError     **error)
{
  g_autofree char *investigation_uuid = NULL;
  g_autofree char *random_uuid = NULL;
  g_autofree char *today = NULL;
  g_autofree char *deadline_uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  gboolean has_due;
  GDate created, due;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (description == NULL || *description == '\0')
    return sot_victim_invalid (error, _("Describe the action"));

  if (created_on == NULL)
    created_on = today = today_text (store);
  if (!sot_victim_parse_required_date (created_on, _("The date of the action plan"), &created, error))
    return FALSE;
  if (due_on != NULL && *due_on != '\0' &&
      !sot_victim_parse_required_date (due_on, _("The due date"), &due, error))
    return FALSE;

  if (!(investigation_uuid = sot_investigation_uuid_for_id (store, investigation_id, error)))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);
  deadline_uuid = sot_derive_uuid (uuid, "deadline");

  stmt = sot_store_write_begin (store,
                                "INSERT INTO cps_action_item (uuid, investigation_id, "
                                "description, created_on, due_on) VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, created_on, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 5, due_on);

  /* An item with a due date is a deadline of the case, whose next deadline may move. */
  has_due = due_on != NULL && *due_on != '\0';
  if (has_due)
    {
      stmt = sot_deadline_add_next (store, stmt, investigation_id, SOT_DEADLINE_CPS_ACTION, uuid,
                                    &due, deadline_uuid, error);
      if (stmt == NULL)
        return FALSE;
    }

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_CPS_ACTION_ITEM,
    .entity_uuid = uuid,
    .investigation_uuid = has_due ? investigation_uuid : NULL,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gboolean
sot_cps_set_action_status (SotStore    *store,
                           const char  *item_uuid,
                           const char  *status,
                           const char  *on,
                           GError     **error)
{
  g_autofree char *investigation_uuid = NULL;
  g_autofree char *today = NULL;
  g_autofree char *met_at = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate day;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (item_uuid != NULL, FALSE);

  if (g_strcmp0 (status, SOT_CPS_ACTION_OPEN) != 0 &&
      g_strcmp0 (status, SOT_CPS_ACTION_DONE) != 0 &&
      g_strcmp0 (status, SOT_CPS_ACTION_CANCELLED) != 0)
    return sot_victim_invalid (error, _("Unknown action status"));

  if (on == NULL)
    on = today = today_text (store);
  if (!sot_victim_parse_required_date (on, _("The date"), &day, error))
    return FALSE;

  if (!owner_of (store, "cps_action_item", item_uuid, NULL, NULL, &investigation_uuid, error))
    return FALSE;

  /* Done on a day meets a deadline due that day: it is met at the end of the day at the latest. */
  met_at = sot_deadline_end_of_day (&day);

  stmt = sot_store_write_begin (store,
                                "UPDATE cps_action_item SET status = ?1, closed_on = "
                                "CASE WHEN ?1 = 'open' THEN NULL ELSE ?2 END WHERE uuid = ?3",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, item_uuid, -1, SQLITE_TRANSIENT);

  /* The item's deadline follows it: met when done, gone when cancelled, open again when
   * reopened. */
  if (g_str_equal (status, SOT_CPS_ACTION_CANCELLED))
    {
      stmt = sot_store_write_next (store, stmt,
                                   "DELETE FROM deadline WHERE kind = 'cps-action' "
                                   "AND source_uuid = ?1",
                                   _(save_failed), error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, item_uuid, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = sot_store_write_next (store, stmt,
                                   "UPDATE deadline SET met_at = ?1 WHERE kind = 'cps-action' "
                                   "AND source_uuid = ?2",
                                   _(save_failed), error);
      if (stmt == NULL)
        return FALSE;
      if (g_str_equal (status, SOT_CPS_ACTION_OPEN))
        sqlite3_bind_null (stmt, 1);
      else
        sqlite3_bind_text (stmt, 1, met_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, item_uuid, -1, SQLITE_TRANSIENT);
    }

  change = (SotChange) {
    .action = SOT_AUDIT_ALTER,
    .entity_type = SOT_ENTITY_CPS_ACTION_ITEM,
    .entity_uuid = item_uuid,
    .investigation_uuid = investigation_uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

/* ------------------------------------------------------------------------------------------ */
/* Readers                                                                                     */

struct _SotCpsEarlyAdvice
{
  GObject parent_instance;

  char           *uuid;
  char           *requested_on;
  char           *given_on;
  int             days;
  gboolean        late;
};

static const SotRecordField cps_early_advice_fields[] = {
  SOT_RECORD_FIELD (SotCpsEarlyAdvice, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsEarlyAdvice, requested_on, "requested-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsEarlyAdvice, given_on, "given-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsEarlyAdvice, days, "days", SOT_FIELD_INT),
  SOT_RECORD_FIELD (SotCpsEarlyAdvice, late, "late", SOT_FIELD_BOOLEAN),
};

SOT_DEFINE_RECORD_TYPE (SotCpsEarlyAdvice, sot_cps_early_advice, cps_early_advice_fields)

struct _SotCpsAdvicePoint
{
  GObject parent_instance;

  char           *uuid;
  char           *advice_uuid;
  char           *summary;
  char           *line_of_enquiry_uuid;
};

static const SotRecordField cps_advice_point_fields[] = {
  SOT_RECORD_FIELD (SotCpsAdvicePoint, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsAdvicePoint, advice_uuid, "advice-uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsAdvicePoint, summary, "summary", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsAdvicePoint, line_of_enquiry_uuid, "line-of-enquiry-uuid",
                    SOT_FIELD_STRING),
};

SOT_DEFINE_RECORD_TYPE (SotCpsAdvicePoint, sot_cps_advice_point, cps_advice_point_fields)

struct _SotCpsSuspect
{
  GObject parent_instance;

  gint64          suspect_id;
  char           *suspect_uuid;
  guint           number;
  char           *decision;
  char           *decision_uuid;
  char           *decided_on;
  char           *charged_on;
};

static const SotRecordField cps_suspect_fields[] = {
  SOT_RECORD_FIELD (SotCpsSuspect, suspect_id, "suspect-id", SOT_FIELD_INT64),
  SOT_RECORD_FIELD (SotCpsSuspect, suspect_uuid, "suspect-uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsSuspect, number, "number", SOT_FIELD_UINT),
  SOT_RECORD_FIELD (SotCpsSuspect, decision, "decision", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsSuspect, decision_uuid, "decision-uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsSuspect, decided_on, "decided-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsSuspect, charged_on, "charged-on", SOT_FIELD_STRING),
};

SOT_DEFINE_RECORD_TYPE (SotCpsSuspect, sot_cps_suspect, cps_suspect_fields)

struct _SotCpsActionItem
{
  GObject parent_instance;

  char           *uuid;
  char           *description;
  char           *created_on;
  char           *due_on;
  char           *status;
  char           *closed_on;
};

static const SotRecordField cps_action_item_fields[] = {
  SOT_RECORD_FIELD (SotCpsActionItem, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsActionItem, description, "description", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsActionItem, created_on, "created-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsActionItem, due_on, "due-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsActionItem, status, "status", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotCpsActionItem, closed_on, "closed-on", SOT_FIELD_STRING),
};

SOT_DEFINE_RECORD_TYPE (SotCpsActionItem, sot_cps_action_item, cps_action_item_fields)

void
sot_cps_milestones_clear (SotCpsMilestones *milestones)
{
  if (milestones == NULL)
    return;

  g_clear_pointer (&milestones->first_advice_requested_on, g_free);
  g_clear_pointer (&milestones->first_advice_given_on, g_free);
  g_clear_pointer (&milestones->charging_file_submitted_on, g_free);
  g_clear_pointer (&milestones->decision_on, g_free);
  g_clear_pointer (&milestones->charged_on, g_free);
  milestones->n_charging_files = 0;
}

static gboolean
finish_read (SotStore      *store,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _(read_failed));
      return FALSE;
    }

  return TRUE;
}

static gpointer
early_advice_from_row (sqlite3_stmt *stmt,
                       gpointer      user_data)
{
  const GDate *today = user_data;
  SotCpsEarlyAdvice *a = g_object_new (SOT_TYPE_CPS_EARLY_ADVICE, NULL);
  GDate requested, given;
  gboolean has_given;

  /* The columns give all but the last two fields, days and late, worked out here. */
  sot_record_fill (a, cps_early_advice_fields, G_N_ELEMENTS (cps_early_advice_fields) - 2, stmt);

  has_given = sot_date_parse (a->given_on, &given, NULL);
  if (sot_date_parse (a->requested_on, &requested, NULL))
    {
      a->days = g_date_days_between (&requested, has_given ? &given : today);
      a->late = sot_cps_early_advice_late (&requested, has_given ? &given : NULL, today);
    }

  return a;
}

GListModel *
sot_cps_list_early_advice (SotStore  *store,
                           gint64     investigation_id,
                           GError   **error)
{
  g_autoptr(GDateTime) now = NULL;
  GDate today;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  now = sot_store_now (store);
  sot_date_from_time (now, &today);

  return sot_store_read_model (store,
                               "SELECT uuid, requested_on, given_on FROM cps_early_advice "
                               "WHERE investigation_id = ?1 ORDER BY requested_on, id",
                              investigation_id, SOT_TYPE_CPS_EARLY_ADVICE,
                              early_advice_from_row, &today,
                               _(read_failed), error);
}

static gpointer
advice_point_from_row (sqlite3_stmt *stmt,
                       gpointer      user_data)
{
  SotCpsAdvicePoint *p = g_object_new (SOT_TYPE_CPS_ADVICE_POINT, NULL);

  sot_record_fill (p, cps_advice_point_fields, G_N_ELEMENTS (cps_advice_point_fields), stmt);

  return p;
}

GListModel *
sot_cps_list_advice_points (SotStore  *store,
                            gint64     investigation_id,
                            GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT p.uuid, a.uuid, p.summary, p.line_of_enquiry_uuid "
                               "FROM cps_advice_point p "
                               "JOIN cps_early_advice a ON a.id = p.advice_id "
                               "WHERE p.investigation_id = ?1 "
                               "ORDER BY a.requested_on, a.id, p.id",
                               investigation_id, SOT_TYPE_CPS_ADVICE_POINT,
                               advice_point_from_row, NULL,
                               _(read_failed), error);
}

/* Suspects are numbered in the order recorded: @user_data counts them. */
static gpointer
cps_suspect_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  guint *number = user_data;
  SotCpsSuspect *s = g_object_new (SOT_TYPE_CPS_SUSPECT, NULL);

  s->suspect_id = sqlite3_column_int64 (stmt, 0);
  s->suspect_uuid = sot_store_column_dup (stmt, 1);
  s->number = ++*number;
  s->decision = sot_store_column_dup (stmt, 2);
  s->decision_uuid = sot_store_column_dup (stmt, 3);
  s->decided_on = sot_store_column_dup (stmt, 4);
  s->charged_on = sot_store_column_dup (stmt, 5);

  return s;
}

GListModel *
sot_cps_list_suspects (SotStore  *store,
                       gint64     investigation_id,
                       GError   **error)
{
  guint number = 0;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT s.id, s.uuid, d.decision, d.uuid, d.decided_on, "
                               "(SELECT min (c.charged_on) FROM cps_charge c "
                               " WHERE c.suspect_id = s.id) "
                               "FROM suspect s LEFT JOIN cps_decision d ON d.id = "
                               "(SELECT e.id FROM cps_decision e WHERE e.suspect_id = s.id "
                               "ORDER BY e.decided_on DESC, e.id DESC LIMIT 1) "
                               "WHERE s.investigation_id = ?1 ORDER BY s.id",
                              investigation_id, SOT_TYPE_CPS_SUSPECT, cps_suspect_from_row, &number,
                               _(read_failed), error);
}

static gpointer
action_item_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  SotCpsActionItem *item = g_object_new (SOT_TYPE_CPS_ACTION_ITEM, NULL);

  sot_record_fill (item, cps_action_item_fields, G_N_ELEMENTS (cps_action_item_fields), stmt);

  return item;
}

GListModel *
sot_cps_list_action_items (SotStore  *store,
                           gint64     investigation_id,
                           GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT uuid, description, created_on, due_on, status, closed_on "
                               "FROM cps_action_item WHERE investigation_id = ?1 "
                               "ORDER BY due_on IS NULL, due_on, id",
                               investigation_id, SOT_TYPE_CPS_ACTION_ITEM,
                               action_item_from_row, NULL,
                               _(read_failed), error);
}

gboolean
sot_cps_get_milestones (SotStore          *store,
                        gint64             investigation_id,
                        SotCpsMilestones  *milestones,
                        GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (milestones != NULL, FALSE);

  memset (milestones, 0, sizeof *milestones);

  stmt = sot_store_prepare (store,
                            "SELECT (SELECT min (requested_on) FROM cps_early_advice WHERE "
                            "investigation_id = ?1), (SELECT min (given_on) FROM cps_early_advice "
                            "WHERE investigation_id = ?1), (SELECT max (submitted_on) FROM "
                            "cps_charging_file WHERE investigation_id = ?1), (SELECT count (*) FROM "
                            "cps_charging_file WHERE investigation_id = ?1), (SELECT max (decided_on) "
                            "FROM cps_decision WHERE investigation_id = ?1), (SELECT min (charged_on) "
                            "FROM cps_charge WHERE investigation_id = ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, investigation_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      milestones->first_advice_requested_on = sot_store_column_dup (stmt, 0);
      milestones->first_advice_given_on = sot_store_column_dup (stmt, 1);
      milestones->charging_file_submitted_on = sot_store_column_dup (stmt, 2);
      milestones->n_charging_files = sqlite3_column_int (stmt, 3);
      milestones->decision_on = sot_store_column_dup (stmt, 4);
      milestones->charged_on = sot_store_column_dup (stmt, 5);
      rc = SQLITE_DONE;
    }

  return finish_read (store, stmt, rc, error);
}

const char *
sot_cps_early_advice_get_uuid (SotCpsEarlyAdvice *self)
{
  g_return_val_if_fail (SOT_IS_CPS_EARLY_ADVICE (self), NULL);

  return self->uuid;
}

const char *
sot_cps_early_advice_get_requested_on (SotCpsEarlyAdvice *self)
{
  g_return_val_if_fail (SOT_IS_CPS_EARLY_ADVICE (self), NULL);

  return self->requested_on;
}

const char *
sot_cps_early_advice_get_given_on (SotCpsEarlyAdvice *self)
{
  g_return_val_if_fail (SOT_IS_CPS_EARLY_ADVICE (self), NULL);

  return self->given_on;
}

int
sot_cps_early_advice_get_days (SotCpsEarlyAdvice *self)
{
  g_return_val_if_fail (SOT_IS_CPS_EARLY_ADVICE (self), 0);

  return self->days;
}

gboolean
sot_cps_early_advice_get_late (SotCpsEarlyAdvice *self)
{
  g_return_val_if_fail (SOT_IS_CPS_EARLY_ADVICE (self), FALSE);

  return self->late;
}

const char *
sot_cps_advice_point_get_uuid (SotCpsAdvicePoint *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ADVICE_POINT (self), NULL);

  return self->uuid;
}

const char *
sot_cps_advice_point_get_advice_uuid (SotCpsAdvicePoint *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ADVICE_POINT (self), NULL);

  return self->advice_uuid;
}

const char *
sot_cps_advice_point_get_summary (SotCpsAdvicePoint *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ADVICE_POINT (self), NULL);

  return self->summary;
}

const char *
sot_cps_advice_point_get_line_of_enquiry_uuid (SotCpsAdvicePoint *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ADVICE_POINT (self), NULL);

  return self->line_of_enquiry_uuid;
}

gint64
sot_cps_suspect_get_suspect_id (SotCpsSuspect *self)
{
  g_return_val_if_fail (SOT_IS_CPS_SUSPECT (self), 0);

  return self->suspect_id;
}

const char *
sot_cps_suspect_get_suspect_uuid (SotCpsSuspect *self)
{
  g_return_val_if_fail (SOT_IS_CPS_SUSPECT (self), NULL);

  return self->suspect_uuid;
}

guint
sot_cps_suspect_get_number (SotCpsSuspect *self)
{
  g_return_val_if_fail (SOT_IS_CPS_SUSPECT (self), 0);

  return self->number;
}

const char *
sot_cps_suspect_get_decision (SotCpsSuspect *self)
{
  g_return_val_if_fail (SOT_IS_CPS_SUSPECT (self), NULL);

  return self->decision;
}

const char *
sot_cps_suspect_get_decision_uuid (SotCpsSuspect *self)
{
  g_return_val_if_fail (SOT_IS_CPS_SUSPECT (self), NULL);

  return self->decision_uuid;
}

const char *
sot_cps_suspect_get_decided_on (SotCpsSuspect *self)
{
  g_return_val_if_fail (SOT_IS_CPS_SUSPECT (self), NULL);

  return self->decided_on;
}

const char *
sot_cps_suspect_get_charged_on (SotCpsSuspect *self)
{
  g_return_val_if_fail (SOT_IS_CPS_SUSPECT (self), NULL);

  return self->charged_on;
}

const char *
sot_cps_action_item_get_uuid (SotCpsActionItem *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ACTION_ITEM (self), NULL);

  return self->uuid;
}

const char *
sot_cps_action_item_get_description (SotCpsActionItem *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ACTION_ITEM (self), NULL);

  return self->description;
}

const char *
sot_cps_action_item_get_created_on (SotCpsActionItem *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ACTION_ITEM (self), NULL);

  return self->created_on;
}

const char *
sot_cps_action_item_get_due_on (SotCpsActionItem *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ACTION_ITEM (self), NULL);

  return self->due_on;
}

const char *
sot_cps_action_item_get_status (SotCpsActionItem *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ACTION_ITEM (self), NULL);

  return self->status;
}

const char *
sot_cps_action_item_get_closed_on (SotCpsActionItem *self)
{
  g_return_val_if_fail (SOT_IS_CPS_ACTION_ITEM (self), NULL);

  return self->closed_on;
}
