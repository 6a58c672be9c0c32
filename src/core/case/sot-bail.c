/* sot-bail.c: pre-charge bail (PACE ss.47ZA-47ZM as amended by the PCSC Act 2022)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-bail"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-bail.h"
#include "sot-record.h"
#include "sot-time.h"

static const char save_failed[] = N_("Cannot save the bail record");

static const struct {
  const char *name;
  guint       months;
  const char *label;
} authorities[SOT_BAIL_N_AUTHORITIES] = {
  [SOT_BAIL_INITIAL] = { "initial", 3, N_("Applicable bail period, 3 months") },
  [SOT_BAIL_INSPECTOR] = { "inspector", 6, N_("Extended to 6 months by an inspector") },
  [SOT_BAIL_SUPERINTENDENT] = { "superintendent", 9,
                                N_("Extended to 9 months by a superintendent") },
  [SOT_BAIL_COURT_12] = { "court-12", 12, N_("Extended to 12 months by a court") },
  [SOT_BAIL_COURT_18] = { "court-18", 18, N_("Extended to 18 months by a court") },
};

gboolean
sot_bail_authority_from_string (const char       *text,
                                SotBailAuthority *authority)
{
  g_return_val_if_fail (authority != NULL, FALSE);

  for (guint i = SOT_BAIL_INSPECTOR; i < SOT_BAIL_N_AUTHORITIES; i++)
    {
      if (g_strcmp0 (text, authorities[i].name) == 0)
        {
          *authority = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sot_bail_authority_to_string (SotBailAuthority authority)
{
  g_return_val_if_fail (authority < SOT_BAIL_N_AUTHORITIES, NULL);
  return authorities[authority].name;
}

const char *
sot_bail_authority_label (SotBailAuthority authority)
{
  g_return_val_if_fail (authority < SOT_BAIL_N_AUTHORITIES, NULL);
  return _(authorities[authority].label);
}

guint
sot_bail_authority_months (SotBailAuthority authority)
{
  g_return_val_if_fail (authority < SOT_BAIL_N_AUTHORITIES, 0);
  return authorities[authority].months;
}

void
sot_bail_start_date (const GDate *arrest_day,
                     GDate       *start)
{
  g_return_if_fail (arrest_day != NULL && g_date_valid (arrest_day));
  g_return_if_fail (start != NULL);

  *start = *arrest_day;
  g_date_add_days (start, 1);
}

void
sot_bail_period_end (const GDate *start,
                     guint        months,
                     GDate       *last_day)
{
  guint total, year, day;
  GDateMonth month;

  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (last_day != NULL);

  total = (g_date_get_month (start) - 1) + months;
  year = g_date_get_year (start) + total / 12;
  month = total % 12 + 1;
  day = g_date_get_day (start);

  g_date_clear (last_day, 1);

  /* No corresponding date in that month: the period runs to the month's end. */
  if (day > g_date_get_days_in_month (month, year))
    {
      g_date_set_dmy (last_day, g_date_get_days_in_month (month, year), month, year);
      return;
    }

  g_date_set_dmy (last_day, day, month, year);
  g_date_subtract_days (last_day, 1);
}

void
sot_bail_end_for_arrest (const GDate      *arrest_day,
                         SotBailAuthority  authority,
                         GDate            *last_day)
{
  GDate start;

  g_return_if_fail (authority < SOT_BAIL_N_AUTHORITIES);

  sot_bail_start_date (arrest_day, &start);
  sot_bail_period_end (&start, sot_bail_authority_months (authority), last_day);
}

struct _SotBailRecord
{
  GObject           parent_instance;

  char             *uuid;
  gint64            investigation_id;
  gint64            suspect_id;
  char             *arrested_on;
  char             *bailed_on;
  char             *victim_views_on;
  char             *ended_on;
  SotBailAuthority  authority;
  char             *authorised_on;
  char             *authorised_by;
};

/* The properties; bail_from_row fills them, since the authority is stored as text.
 * "authority" is a SotBailAuthority. */
static const SotRecordField bail_fields[] = {
  SOT_RECORD_FIELD (SotBailRecord, uuid, "uuid", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotBailRecord, investigation_id, "investigation-id", SOT_FIELD_INT64),
  SOT_RECORD_FIELD (SotBailRecord, suspect_id, "suspect-id", SOT_FIELD_INT64),
  SOT_RECORD_FIELD (SotBailRecord, arrested_on, "arrested-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotBailRecord, bailed_on, "bailed-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotBailRecord, victim_views_on, "victim-views-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotBailRecord, ended_on, "ended-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotBailRecord, authority, "authority", SOT_FIELD_UINT),
  SOT_RECORD_FIELD (SotBailRecord, authorised_on, "authorised-on", SOT_FIELD_STRING),
  SOT_RECORD_FIELD (SotBailRecord, authorised_by, "authorised-by", SOT_FIELD_STRING),
};

SOT_DEFINE_RECORD_TYPE (SotBailRecord, sot_bail_record, bail_fields)

const char *
sot_bail_record_get_uuid (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), NULL);
  return self->uuid;
}

gint64
sot_bail_record_get_investigation_id (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), 0);
  return self->investigation_id;
}

gint64
sot_bail_record_get_suspect_id (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), 0);
  return self->suspect_id;
}

const char *
sot_bail_record_get_arrested_on (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), NULL);
  return self->arrested_on;
}

const char *
sot_bail_record_get_bailed_on (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), NULL);
  return self->bailed_on;
}

const char *
sot_bail_record_get_victim_views_on (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), NULL);
  return self->victim_views_on;
}

const char *
sot_bail_record_get_ended_on (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), NULL);
  return self->ended_on;
}

SotBailAuthority
sot_bail_record_get_authority (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), SOT_BAIL_INITIAL);
  return self->authority;
}

const char *
sot_bail_record_get_authorised_on (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), NULL);
  return self->authorised_on;
}

const char *
sot_bail_record_get_authorised_by (SotBailRecord *self)
{
  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), NULL);
  return self->authorised_by;
}

char *
sot_bail_record_dup_last_day (SotBailRecord *self)
{
  GDate arrest, last_day;

  g_return_val_if_fail (SOT_IS_BAIL_RECORD (self), NULL);

  if (self->arrested_on == NULL || !sot_date_parse (self->arrested_on, &arrest, NULL))
    return NULL;

  sot_bail_end_for_arrest (&arrest, self->authority, &last_day);
  return sot_date_format (&last_day);
}

static gboolean
parse_day (const char  *text,
           const char  *what,
           GDate       *day,
           GError     **error)
{
  if (text == NULL || !sot_date_parse (text, day, NULL))
    /* TRANSLATORS: %s names the date, such as “The arrest date” */
    return sot_set_invalid (error, _("%s must be a date (YYYY-MM-DD)"), what);
  return TRUE;
}

/* The case's UUID, and whether @suspect_id (0: none) is one of its suspects. */
static char *
check_case (SotStore  *store,
            gint64     investigation_id,
            gint64     suspect_id,
            GError   **error)
{
  g_autofree char *investigation_uuid = NULL;
  sqlite3_stmt *stmt;
  gboolean suspect_ok = FALSE;

  stmt = sot_store_prepare (store,
                            "SELECT i.uuid, ?2 = 0 OR EXISTS (SELECT 1 FROM suspect s "
                            "WHERE s.id = ?2 AND s.investigation_id = i.id) "
                            "FROM investigation i WHERE i.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, investigation_id);
  sqlite3_bind_int64 (stmt, 2, suspect_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      investigation_uuid = sot_store_column_dup (stmt, 0);
      suspect_ok = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (investigation_uuid == NULL)
    {
      sot_set_not_found (error, _("There is no investigation %lld"), (long long) investigation_id);
      return NULL;
    }
  if (!suspect_ok)
    {
      sot_set_invalid (error, _("The suspect is not a suspect of this investigation"));
      return NULL;
    }

  return g_steal_pointer (&investigation_uuid);
}

gboolean
sot_bail_record (SotStore    *store,
                 gint64       investigation_id,
                 gint64       suspect_id,
                 const char  *arrested_on,
                 const char  *bailed_on,
                 const char  *uuid,
                 char       **out_uuid,
                 GError     **error)
{
  g_autofree char *random_uuid = NULL;
  g_autofree char *investigation_uuid = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *recorded_at = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate arrest, bail;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!parse_day (arrested_on, _("The arrest date"), &arrest, error) ||
      !parse_day (bailed_on, _("The bail date"), &bail, error))
    return FALSE;

  if (g_date_compare (&bail, &arrest) < 0)
    return sot_set_invalid (error, _("The suspect cannot be bailed (%s) before the arrest (%s)"),
                            bailed_on, arrested_on);

  if (!(investigation_uuid = check_case (store, investigation_id, suspect_id, error)))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);
  now = sot_store_now (store);
  recorded_at = sot_time_format_utc (now);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO pre_charge_bail (uuid, investigation_id, suspect_id, "
                                "arrested_on, bailed_on, recorded_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  if (suspect_id != 0)
    sqlite3_bind_int64 (stmt, 3, suspect_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, arrested_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, bailed_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, recorded_at, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_PRE_CHARGE_BAIL,
    .entity_uuid = uuid,
    .investigation_uuid = investigation_uuid,
  };
  if (!sot_store_write_end (store, stmt, &change, _(save_failed), error))
    return FALSE;

  if (out_uuid != NULL)
    *out_uuid = g_strdup (uuid);
  return TRUE;
}

static gpointer
bail_from_row (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  SotBailRecord *r = g_object_new (SOT_TYPE_BAIL_RECORD, NULL);

  r->uuid = sot_store_column_dup (stmt, 0);
  r->suspect_id = sqlite3_column_int64 (stmt, 1);
  r->arrested_on = sot_store_column_dup (stmt, 2);
  r->bailed_on = sot_store_column_dup (stmt, 3);
  r->victim_views_on = sot_store_column_dup (stmt, 4);
  r->ended_on = sot_store_column_dup (stmt, 5);
  if (!sot_bail_authority_from_string (sot_store_column_text (stmt, 6), &r->authority))
    r->authority = SOT_BAIL_INITIAL;
  r->authorised_on = sot_store_column_dup (stmt, 7);
  r->authorised_by = sot_store_column_dup (stmt, 8);
  r->investigation_id = sqlite3_column_int64 (stmt, 9);

  return r;
}

/* The latest extension is the one with the longest period: the order is enforced on writing. */
#define BAIL_COLUMNS \
  "SELECT b.uuid, b.suspect_id, b.arrested_on, b.bailed_on, b.victim_views_on, b.ended_on, " \
  "e.authority, e.authorised_on, e.authorised_by, b.investigation_id"
#define BAIL_LATEST_EXTENSION \
  "LEFT JOIN pre_charge_bail_extension e ON e.id = (SELECT x.id FROM pre_charge_bail_extension x " \
  "WHERE x.bail_id = b.id ORDER BY CASE x.authority WHEN 'inspector' THEN 1 " \
  "WHEN 'superintendent' THEN 2 WHEN 'court-12' THEN 3 ELSE 4 END DESC LIMIT 1) "
#define BAIL_SELECT BAIL_COLUMNS " FROM pre_charge_bail b " BAIL_LATEST_EXTENSION
#define BAIL_SELECT_CASE \
  BAIL_COLUMNS ", i.uuid FROM pre_charge_bail b JOIN investigation i ON i.id = b.investigation_id " \
  BAIL_LATEST_EXTENSION

GListModel *
sot_bail_list (SotStore  *store,
               gint64     investigation_id,
               GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               BAIL_SELECT "WHERE ?1 = 0 OR b.investigation_id = ?1 "
                               "ORDER BY b.bailed_on, b.id",
                               investigation_id, SOT_TYPE_BAIL_RECORD, bail_from_row, NULL,
                               _("Cannot read the bail records"), error);
}

/* Reads bail @bail_uuid with its case's UUID (column 10). */
static SotBailRecord *
read_bail (SotStore    *store,
           const char  *bail_uuid,
           char       **investigation_uuid,
           GError     **error)
{
  sqlite3_stmt *stmt;
  SotBailRecord *record = NULL;

  stmt = sot_store_prepare (store,
                            BAIL_SELECT_CASE "WHERE b.uuid = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, bail_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      record = bail_from_row (stmt, NULL);
      *investigation_uuid = sot_store_column_dup (stmt, 10);
    }
  sqlite3_reset (stmt);

  if (record == NULL)
    sot_set_not_found (error, _("There is no bail record %s"), bail_uuid);

  return record;
}

/* An extension must be the next in the statutory order, dated within the period it extends
 * (from the bail date or the previous extension to the last day of the current period), and of
 * a bail that has not ended. */
static gboolean
check_extension (SotBailRecord        *bail,
                 SotBailAuthority      authority,
                 const GDate          *on,
                 GError              **error)
{
  GDate arrest, last_day, earliest;
  g_autofree char *last_text = NULL;

  if (bail->ended_on != NULL)
    return sot_set_invalid (error, _("This bail ended on %s: it cannot be extended"),
                            bail->ended_on);

  if (authority <= bail->authority)
    return sot_set_invalid (error, _("Bail is already at “%s”: it cannot be extended to a "
                                     "shorter or equal period"),
                            sot_bail_authority_label (bail->authority));

  if (authority != bail->authority + 1)
    return sot_set_invalid (error, _("“%s” must come first: extensions go inspector (6 months), "
                                     "superintendent (9), court (12), court (18)"),
                            sot_bail_authority_label (bail->authority + 1));

  if (!sot_date_parse (bail->arrested_on, &arrest, NULL) ||
      !sot_date_parse (bail->authorised_on ? bail->authorised_on : bail->bailed_on, &earliest,
                       NULL))
    return sot_set_invalid (error, _("The bail record has no readable dates"));

  sot_bail_end_for_arrest (&arrest, bail->authority, &last_day);
  last_text = sot_date_format (&last_day);

  if (g_date_compare (on, &earliest) < 0)
    return sot_set_invalid (error, _("The extension cannot be dated before %s"),
                            bail->authorised_on ? bail->authorised_on : bail->bailed_on);
  if (g_date_compare (on, &last_day) > 0)
    return sot_set_invalid (error, _("The bail period ended on %s: an extension must be "
                                     "authorised before it runs out"), last_text);

  return TRUE;
}

gboolean
sot_bail_extend (SotStore         *store,
                 const char       *bail_uuid,
                 SotBailAuthority  authority,
                 const char       *authorised_on,
                 const char       *authorised_by,
                 const char       *uuid,
                 GError          **error)
{
  g_autoptr(SotBailRecord) bail = NULL;
  g_autofree char *investigation_uuid = NULL;
  g_autofree char *random_uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate on;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (bail_uuid != NULL, FALSE);

  if (authority == SOT_BAIL_INITIAL || authority >= SOT_BAIL_N_AUTHORITIES)
    return sot_set_invalid (error, _("Unknown extension of bail"));

  if (!parse_day (authorised_on, _("The date of the extension"), &on, error) ||
      !(bail = read_bail (store, bail_uuid, &investigation_uuid, error)) ||
      !check_extension (bail, authority, &on, error))
    return FALSE;

  if (uuid == NULL)
    uuid = random_uuid = sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO pre_charge_bail_extension (uuid, investigation_id, "
                                "bail_id, authority, authorised_on, authorised_by) "
                                "SELECT ?1, investigation_id, id, ?3, ?4, ?5 FROM pre_charge_bail "
                                "WHERE uuid = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bail_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sot_bail_authority_to_string (authority), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, authorised_on, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 5, authorised_by);

  change = (SotChange) {
    .action = SOT_AUDIT_COLLECT,
    .entity_type = SOT_ENTITY_BAIL_EXTENSION,
    .entity_uuid = uuid,
    .investigation_uuid = investigation_uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

/* Sets one date column of bail @bail_uuid, no earlier than its bail date. */
static gboolean
set_bail_date (SotStore    *store,
               const char  *bail_uuid,
               const char  *sql,
               const char  *on,
               const char  *what,
               GError     **error)
{
  g_autoptr(SotBailRecord) bail = NULL;
  g_autofree char *investigation_uuid = NULL;
  sqlite3_stmt *stmt;
  SotChange change;
  GDate day;

  if (!parse_day (on, what, &day, error) ||
      !(bail = read_bail (store, bail_uuid, &investigation_uuid, error)))
    return FALSE;

  if (g_strcmp0 (on, bail->arrested_on) < 0)
    return sot_set_invalid (error, _("%s cannot be before the arrest (%s)"), what,
                            bail->arrested_on);

  stmt = sot_store_write_begin (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, bail_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, on, -1, SQLITE_TRANSIENT);

  change = (SotChange) {
    .action = SOT_AUDIT_ALTER,
    .entity_type = SOT_ENTITY_PRE_CHARGE_BAIL,
    .entity_uuid = bail_uuid,
    .investigation_uuid = investigation_uuid,
  };
  return sot_store_write_end (store, stmt, &change, _(save_failed), error);
}

gboolean
sot_bail_record_victim_views (SotStore    *store,
                              const char  *bail_uuid,
                              const char  *on,
                              GError     **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  return set_bail_date (store, bail_uuid,
                        "UPDATE pre_charge_bail SET victim_views_on = ?2 WHERE uuid = ?1", on,
                        _("The day the victim’s views were sought"), error);
}

gboolean
sot_bail_end (SotStore    *store,
              const char  *bail_uuid,
              const char  *ended_on,
              GError     **error)
{
  g_autoptr(SotBailRecord) bail = NULL;
  g_autofree char *investigation_uuid = NULL;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!(bail = read_bail (store, bail_uuid, &investigation_uuid, error)))
    return FALSE;
  if (g_strcmp0 (ended_on, bail->bailed_on) < 0)
    return sot_set_invalid (error, _("Bail cannot end before it began (%s)"), bail->bailed_on);

  return set_bail_date (store, bail_uuid,
                        "UPDATE pre_charge_bail SET ended_on = ?2 WHERE uuid = ?1", ended_on,
                        _("The day bail ended"), error);
}
