/* sot-exhibit.c: the exhibit register and each exhibit's continuity: references, reads, writes
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-exhibit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-exhibit-private.h"
#include "sot-time.h"

#define EXHIBIT_COLUMNS \
  "e.id, e.uuid, e.investigation_id, coalesce (e.parent_id, 0), e.officer_initials, " \
  "e.sequence, coalesce (e.sub_sequence, 0), e.reference, e.alias, e.description, " \
  "e.sample_type, e.sampled_from, e.seized_by, e.seized_at, e.seized_place, e.seal_number, " \
  "e.lab_name, e.lab_submitted_at, e.lab_result, e.lab_result_at, e.retention, " \
  "e.retention_note, e.retention_decided_on, " \
  "(SELECT m.to_holder FROM exhibit_movement m WHERE m.exhibit_id = e.id " \
  "   ORDER BY m.position DESC, m.id DESC LIMIT 1), " \
  "(SELECT m.place FROM exhibit_movement m WHERE m.exhibit_id = e.id " \
  "   ORDER BY m.position DESC, m.id DESC LIMIT 1), " \
  "(SELECT count(*) FROM exhibit_movement m WHERE m.exhibit_id = e.id)"

#define MOVEMENT_COLUMNS \
  "id, uuid, exhibit_id, position, from_holder, to_holder, moved_at, place, purpose, note, " \
  "corrects_movement_uuid, correction_reason, recorded_at, recorded_by"

static const char * const purposes[] = {
  SOT_MOVEMENT_STORAGE, SOT_MOVEMENT_TRANSFER, SOT_MOVEMENT_LABORATORY, SOT_MOVEMENT_EXAMINATION,
  SOT_MOVEMENT_COURT, SOT_MOVEMENT_RETURN_TO_OWNER, SOT_MOVEMENT_DISPOSAL, SOT_MOVEMENT_OTHER,
  NULL,
};

/* Ranks left out when suggesting initials from a name. */
static const char * const ranks[] = {
  "PC", "DC", "TDC", "SC", "PS", "DS", "TDS", "SGT", "INSP", "DI", "DCI", "CI", "SUPT", "DSUPT",
  "PCSO", "MR", "MRS", "MS", "MX", "DR", "MISS", NULL,
};

/* Helpers */

/* Parses a typed or stored time, refusing one in the future of the store's clock. */
static char *
parse_past_time (SotStore    *store,
                 const char  *text,
                 const char  *what,
                 GError     **error)
{
  g_autoptr(GDateTime) now = sot_store_now (store);
  char *out = NULL;

  sot_time_parse_past (now, text, what, TRUE, &out, error);
  return out;
}

static gboolean
valid_initials (const char *initials)
{
  gsize n = initials != NULL ? strlen (initials) : 0;

  if (n < 1 || n > 5)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isupper (initials[i]))
      return FALSE;

  return TRUE;
}

static gboolean
valid_sample_type (const char *id)
{
  if (id == NULL)
    return TRUE;

  if (*id == '\0' || !g_ascii_islower (*id))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* Public helpers */

char *
sot_exhibit_initials_from_name (const char *name)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) initials = g_string_new (NULL);

  if (name == NULL)
    return g_string_free (g_steal_pointer (&initials), FALSE);

  words = g_strsplit_set (name, " \t.-", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *upper = g_ascii_strup (words[i], -1);

      if (*words[i] == '\0' || !g_ascii_isalpha (*words[i]))
        continue;

      /* Warrant numbers and ranks are not part of a person's initials. */
      if (initials->len == 0 && g_strv_contains (ranks, upper))
        continue;

      if (initials->len < 5)
        g_string_append_c (initials, g_ascii_toupper (*words[i]));
    }

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

char *
sot_exhibit_alias_for_reference (const char *reference)
{
  char *alias;
  gboolean first = TRUE;

  g_return_val_if_fail (reference != NULL, NULL);

  alias = g_strdup (reference);

  /* The first separator becomes "_" and later ones "-": AP/1/2 → AP_1-2. */
  for (char *p = alias; *p != '\0'; p++)
    {
      if (*p == '/')
        {
          *p = first ? '_' : '-';
          first = FALSE;
        }
      else if (!g_ascii_isalnum (*p))
        *p = '-';
    }

  return alias;
}

static gboolean
next_numbers (SotStore    *store,
              const char  *initials,
              gint64       parent_id,
              char       **out_initials,
              int         *out_sequence,
              int         *out_sub_sequence,
              gint64      *out_investigation_id,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (parent_id != 0)
    {
      stmt = sot_store_prepare (store,
                                "SELECT officer_initials, sequence, investigation_id, "
                                "parent_id IS NULL, "
                                "(SELECT coalesce (max (c.sub_sequence), 0) + 1 FROM exhibit c "
                                " WHERE c.parent_id = p.id) "
                                "FROM exhibit p WHERE p.id = ?1", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, parent_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return sot_set_not_found (error, _("The parent exhibit no longer exists"));
        }

      if (sqlite3_column_int (stmt, 3) == 0)
        {
          sqlite3_reset (stmt);
          return sot_set_invalid (error, _("A sub-exhibit cannot have sub-exhibits of its own"));
        }

      *out_initials = sot_store_column_dup (stmt, 0);
      *out_sequence = sqlite3_column_int (stmt, 1);
      *out_investigation_id = sqlite3_column_int64 (stmt, 2);
      *out_sub_sequence = sqlite3_column_int (stmt, 4);
      sqlite3_reset (stmt);
      return TRUE;
    }

  if (!valid_initials (initials))
    return sot_set_invalid (error, _("The officer's initials must be one to five capital letters, "
                            "such as AP"));

  stmt = sot_store_prepare (store,
                            "SELECT coalesce (max (sequence), 0) + 1 FROM exhibit "
                            "WHERE officer_initials = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, initials, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot allot an exhibit reference"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  *out_initials = g_strdup (initials);
  *out_sequence = sqlite3_column_int (stmt, 0);
  *out_sub_sequence = 0;
  *out_investigation_id = 0;
  sqlite3_reset (stmt);

  return TRUE;
}

static char *
format_reference (const char *initials,
                  int         sequence,
                  int         sub_sequence)
{
  if (sub_sequence > 0)
    return g_strdup_printf ("%s/%d/%d", initials, sequence, sub_sequence);

  return g_strdup_printf ("%s/%d", initials, sequence);
}

char *
sot_exhibit_next_reference (SotStore    *store,
                            const char  *initials,
                            gint64       parent_id,
                            GError     **error)
{
  g_autofree char *upper = NULL;
  g_autofree char *used_initials = NULL;
  int sequence, sub_sequence;
  gint64 investigation_id;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  upper = initials != NULL ? g_ascii_strup (initials, -1) : NULL;
  if (upper != NULL)
    g_strstrip (upper);

  if (!next_numbers (store, upper, parent_id, &used_initials, &sequence, &sub_sequence,
                     &investigation_id, error))
    return NULL;

  return format_reference (used_initials, sequence, sub_sequence);
}

/* Exhibits */


/* The reference a new exhibit is given. */
typedef struct {
  char *initials;
  int   sequence;
  int   sub_sequence;
  char *reference;
  char *alias;
} Allotment;

static void
allotment_clear (Allotment *allotment)
{
  g_free (allotment->initials);
  g_free (allotment->reference);
  g_free (allotment->alias);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Allotment, allotment_clear)

/* Checks the details of a new exhibit and normalises its seizure time into @seized_at. */
static gboolean
check_exhibit (SotStore                 *store,
               const SotExhibitDetails  *details,
               char                    **seized_at,
               GError                  **error)
{
  if (sot_text_is_blank (details->description))
    return sot_set_invalid (error, _("An exhibit needs a description"));

  if (sot_text_is_blank (details->seized_by))
    return sot_set_invalid (error, _("An exhibit needs the officer who seized or produced it"));

  if (!valid_sample_type (details->sample_type))
    return sot_set_invalid (error, _("The sample type is not a forensic catalogue id"));

  if (details->sampled_from != NULL &&
      !g_str_equal (details->sampled_from, "complainant") &&
      !g_str_equal (details->sampled_from, "suspect"))
    return sot_set_invalid (error, _("A sample is taken from the complainant or the suspect"));

  *seized_at = parse_past_time (store, details->seized_at, _("The seizure time"), error);
  return *seized_at != NULL;
}

/* Allots the next reference of the officer's (or the parent's) numbering; inside the write,
 * so that two writers cannot take the same number. */
static gboolean
allot (SotStore                 *store,
       gint64                    investigation_id,
       const SotExhibitDetails  *details,
       Allotment                *out,
       GError                  **error)
{
  g_autofree char *initials = NULL;
  gint64 parent_investigation = 0;

  if (details->officer_initials != NULL)
    {
      initials = g_ascii_strup (details->officer_initials, -1);
      g_strstrip (initials);
    }

  if (!next_numbers (store, initials, details->parent_id, &out->initials, &out->sequence,
                     &out->sub_sequence, &parent_investigation, error))
    return FALSE;

  if (details->parent_id != 0 && parent_investigation != investigation_id)
    return sot_set_invalid (error, _("A sub-exhibit belongs to the investigation of its parent"));

  out->reference = format_reference (out->initials, out->sequence, out->sub_sequence);
  out->alias = sot_exhibit_alias_for_reference (out->reference);
  return TRUE;
}

/* The exhibit just written, as sot_exhibit_load() would read it. */
static SotExhibit *
exhibit_from_details (gint64                    id,
                      const char               *uuid,
                      gint64                    investigation_id,
                      const SotExhibitDetails  *details,
                      Allotment                *allotment,
                      const char               *seized_at)
{
  SotExhibit *exhibit = g_object_new (SOT_TYPE_EXHIBIT, NULL);

  exhibit->id = id;
  exhibit->uuid = g_strdup (uuid);
  exhibit->investigation_id = investigation_id;
  exhibit->parent_id = details->parent_id;
  exhibit->officer_initials = g_steal_pointer (&allotment->initials);
  exhibit->sequence = allotment->sequence;
  exhibit->sub_sequence = allotment->sub_sequence;
  exhibit->reference = g_steal_pointer (&allotment->reference);
  exhibit->alias = g_steal_pointer (&allotment->alias);
  exhibit->description = g_strdup (details->description);
  exhibit->sample_type = g_strdup (details->sample_type);
  exhibit->sampled_from = g_strdup (details->sampled_from);
  exhibit->seized_by = g_strdup (details->seized_by);
  exhibit->seized_at = g_strdup (seized_at);
  exhibit->seized_place = sot_text_is_blank (details->seized_place) ? NULL
                          : g_strdup (details->seized_place);
  exhibit->seal_number = sot_text_is_blank (details->seal_number) ? NULL
                         : g_strdup (details->seal_number);
  exhibit->current_holder = g_strdup (exhibit->seized_by);
  exhibit->current_place = g_strdup (exhibit->seized_place);

  return exhibit;
}

/* Reads back the row id of the record @sql finds by @uuid: the audit row was the connection's
 * last insert. */
static gboolean
written_id (SotStore    *store,
            const char  *sql,
            const char  *uuid,
            gint64      *id,
            GError     **error)
{
  *id = sot_store_lookup_id (store, sql, uuid, error);
  if (*id == 0)
    return sot_set_not_found (error, _("The record just written is no longer in the workspace"));

  return *id > 0;
}

gboolean
sot_exhibit_add (SotStore                *store,
                 gint64                   investigation_id,
                 const SotExhibitDetails *details,
                 SotExhibit             **out_exhibit,
                 GError                 **error)
{
  g_auto(Allotment) allotment = { 0 };
  g_autofree char *seized_at = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created_at = NULL;
  g_autoptr(GDateTime) now = NULL;
  SotChange change;
  sqlite3_stmt *stmt;
  gint64 row_id;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);
  g_return_val_if_fail (out_exhibit == NULL || *out_exhibit == NULL, FALSE);

  if (!check_exhibit (store, details, &seized_at, error))
    return FALSE;

  now = sot_store_now (store);
  created_at = sot_time_format_utc (now);
  uuid = details->uuid != NULL ? g_strdup (details->uuid) : sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO exhibit (uuid, investigation_id, parent_id, "
                                "officer_initials, sequence, sub_sequence, reference, alias, "
                                "description, sample_type, sampled_from, seized_by, seized_at, "
                                "seized_place, seal_number, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                "?13, ?14, ?15, ?16)", error);
  if (stmt == NULL)
    return FALSE;

  if (!allot (store, investigation_id, details, &allotment, error))
    {
      sot_store_write_abort (store);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  if (details->parent_id != 0)
    sqlite3_bind_int64 (stmt, 3, details->parent_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, allotment.initials, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, allotment.sequence);
  if (allotment.sub_sequence > 0)
    sqlite3_bind_int (stmt, 6, allotment.sub_sequence);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, allotment.reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, allotment.alias, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, details->description, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 10, details->sample_type);
  sot_store_bind_text (stmt, 11, details->sampled_from);
  sqlite3_bind_text (stmt, 12, details->seized_by, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, seized_at, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 14, details->seized_place);
  sot_store_bind_text (stmt, 15, details->seal_number);
  sqlite3_bind_text (stmt, 16, created_at, -1, SQLITE_TRANSIENT);

  change = (SotChange) { SOT_AUDIT_COLLECT, SOT_ENTITY_EXHIBIT, uuid, NULL, NULL };
  if (!sot_store_write_end (store, stmt, &change, _("Cannot record the exhibit"), error))
    return FALSE;

  if (out_exhibit == NULL)
    return TRUE;

  if (!written_id (store, "SELECT id FROM exhibit WHERE uuid = ?1", uuid, &row_id, error))
    return FALSE;

  *out_exhibit = exhibit_from_details (row_id, uuid, investigation_id, details, &allotment,
                                       seized_at);
  return TRUE;
}

gboolean
sot_exhibit_update (SotStore          *store,
                    SotExhibit        *exhibit,
                    const char        *reason,
                    GError           **error)
{
  g_autofree char *not_found = NULL;
  SotChange change = { SOT_AUDIT_ALTER, SOT_ENTITY_EXHIBIT, NULL, reason, NULL };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SOT_IS_EXHIBIT (exhibit) && exhibit->uuid != NULL, FALSE);

  if (sot_text_is_blank (exhibit->description))
    return sot_set_invalid (error, _("An exhibit needs a description"));

  if (!valid_sample_type (exhibit->sample_type))
    return sot_set_invalid (error, _("The sample type is not a forensic catalogue id"));

  if (exhibit->retention != NULL &&
      !g_str_equal (exhibit->retention, SOT_RETENTION_RETAIN) &&
      !g_str_equal (exhibit->retention, SOT_RETENTION_DISPOSE) &&
      !g_str_equal (exhibit->retention, SOT_RETENTION_RETURN_TO_OWNER))
    return sot_set_invalid (error, _("The retention decision is retain, dispose or return to "
                                     "owner"));

  not_found = g_strdup_printf (_("The exhibit %s no longer exists"), exhibit->reference);
  stmt = sot_store_write_begin (store,
                                "UPDATE exhibit SET description = ?2, sample_type = ?3, "
                                "sampled_from = ?4, seal_number = ?5, lab_name = ?6, "
                                "lab_submitted_at = ?7, lab_result = ?8, lab_result_at = ?9, "
                                "retention = ?10, retention_note = ?11, "
                                "retention_decided_on = ?12 WHERE uuid = ?1", error);
  if (stmt == NULL ||
      !sot_store_write_require (store, "SELECT 1 FROM exhibit WHERE uuid = ?1", exhibit->uuid,
                                not_found, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, exhibit->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, exhibit->description, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 3, exhibit->sample_type);
  sot_store_bind_text (stmt, 4, exhibit->sampled_from);
  sot_store_bind_text (stmt, 5, exhibit->seal_number);
  sot_store_bind_text (stmt, 6, exhibit->lab_name);
  sot_store_bind_text (stmt, 7, exhibit->lab_submitted_at);
  sot_store_bind_text (stmt, 8, exhibit->lab_result);
  sot_store_bind_text (stmt, 9, exhibit->lab_result_at);
  sot_store_bind_text (stmt, 10, exhibit->retention);
  sot_store_bind_text (stmt, 11, exhibit->retention_note);
  sot_store_bind_text (stmt, 12, exhibit->retention_decided_on);

  change.entity_uuid = exhibit->uuid;
  return sot_store_write_end (store, stmt, &change, _("Cannot save the exhibit"), error);
}

SotExhibit *
sot_exhibit_load (SotStore    *store,
                  const char  *uuid,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  SotExhibit *exhibit = NULL;
  int rc;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = sot_store_prepare (store, "SELECT " EXHIBIT_COLUMNS " FROM exhibit e WHERE e.uuid = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    exhibit = _sot_exhibit_from_row (stmt, NULL);
  else if (rc == SQLITE_DONE)
    sot_set_not_found (error, _("The exhibit no longer exists"));
  else
    sot_store_set_sqlite_error (store, error, _("Cannot read the exhibit"));

  sqlite3_reset (stmt);
  return exhibit;
}

GListModel *
sot_exhibit_list (SotStore  *store,
                  gint64     investigation_id,
                  GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                               "SELECT " EXHIBIT_COLUMNS " FROM exhibit e "
                               "WHERE e.investigation_id = ?1 "
                               "ORDER BY e.officer_initials, e.sequence, "
                               "coalesce (e.sub_sequence, 0)",
                               investigation_id, SOT_TYPE_EXHIBIT, _sot_exhibit_from_row, NULL,
                               _("Cannot read the exhibits"), error);
}

/* Continuity */

GListModel *
sot_exhibit_list_movements (SotStore    *store,
                            SotExhibit  *exhibit,
                            GError     **error)
{
  GListModel *movements;
  guint n;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_EXHIBIT (exhibit), NULL);

  movements = sot_store_read_model (store,
                                    "SELECT " MOVEMENT_COLUMNS " FROM exhibit_movement "
                                    "WHERE exhibit_id = ?1 ORDER BY position, id",
                                    exhibit->id, SOT_TYPE_EXHIBIT_MOVEMENT,
                                    _sot_exhibit_movement_from_row, NULL,
                                    _("Cannot read the continuity record"), error);

  /* Entries are ordered by position then id: an entry followed by one at the same position
   * has been corrected. */
  n = movements != NULL ? g_list_model_get_n_items (movements) : 0;
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(SotExhibitMovement) prev = g_list_model_get_item (movements, i - 1);
      g_autoptr(SotExhibitMovement) movement = g_list_model_get_item (movements, i);

      if (prev->position == movement->position)
        prev->superseded = TRUE;
    }

  return movements;
}

/* Inside the write of an entry: the position it takes in @exhibit's continuity, the position
 * of the entry it corrects or the next one. */
static gboolean
movement_position (SotStore                  *store,
                   SotExhibit                *exhibit,
                   const SotMovementDetails  *details,
                   int                       *position,
                   GError                   **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (details->corrects_uuid == NULL)
    {
      stmt = sot_store_prepare (store,
                                "SELECT coalesce (max (position), 0) + 1 FROM exhibit_movement "
                                "WHERE exhibit_id = ?1", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, exhibit->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *position = sqlite3_column_int (stmt, 0);
      else
        {
          sot_store_set_sqlite_error (store, error, _("Cannot read the continuity record"));
          ok = FALSE;
        }
      sqlite3_reset (stmt);
      return ok;
    }

  /* Only the entry now in force at a position can be corrected: a correction of an entry
   * already corrected would fork the chain. */
  stmt = sot_store_prepare (store,
                            "SELECT m.position, NOT EXISTS (SELECT 1 FROM exhibit_movement l "
                            "  WHERE l.exhibit_id = m.exhibit_id "
                            "    AND l.position = m.position AND l.id > m.id) "
                            "FROM exhibit_movement m WHERE m.uuid = ?1 AND m.exhibit_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, details->corrects_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, exhibit->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    ok = sot_set_invalid (error, _("The entry to correct is not in this exhibit's continuity"));
  else if (sqlite3_column_int (stmt, 1) == 0)
    ok = sot_set_invalid (error, _("That entry has already been corrected: correct the latest "
                                   "correction instead"));
  else
    *position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return ok;
}

static gboolean
check_movement (const SotMovementDetails  *details,
                GError                   **error)
{
  if (sot_text_is_blank (details->from_holder) || sot_text_is_blank (details->to_holder))
    return sot_set_invalid (error, _("A continuity entry needs the holder it comes from and "
                                     "the one it goes to"));

  if (details->purpose == NULL || !g_strv_contains (purposes, details->purpose))
    return sot_set_invalid (error, _("A continuity entry needs its purpose"));

  if (details->corrects_uuid != NULL && sot_text_is_blank (details->correction_reason))
    return sot_set_invalid (error, _("A correction needs the reason for it"));

  return TRUE;
}

static void
bind_movement (sqlite3_stmt              *stmt,
               SotStore                  *store,
               SotExhibit                *exhibit,
               const SotMovementDetails  *details,
               const char                *uuid,
               int                        position,
               const char                *moved_at,
               const char                *recorded_at)
{
  gboolean correction = details->corrects_uuid != NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, exhibit->id);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, details->from_holder, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, details->to_holder, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, moved_at, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 7, details->place);
  sqlite3_bind_text (stmt, 8, details->purpose, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 9, details->note);
  if (correction)
    {
      sqlite3_bind_text (stmt, 10, details->corrects_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, details->correction_reason, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_null (stmt, 10);
      sqlite3_bind_null (stmt, 11);
    }
  sqlite3_bind_text (stmt, 12, recorded_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, sot_store_get_operator (store), -1, SQLITE_TRANSIENT);
}

/* The entry just written, as sot_exhibit_list_movements() would read it. */
static SotExhibitMovement *
movement_from_details (SotStore                  *store,
                       gint64                     id,
                       const char                *uuid,
                       SotExhibit                *exhibit,
                       const SotMovementDetails  *details,
                       int                        position,
                       const char                *moved_at,
                       const char                *recorded_at)
{
  SotExhibitMovement *movement = g_object_new (SOT_TYPE_EXHIBIT_MOVEMENT, NULL);
  gboolean correction = details->corrects_uuid != NULL;

  movement->id = id;
  movement->uuid = g_strdup (uuid);
  movement->exhibit_id = exhibit->id;
  movement->position = position;
  movement->from_holder = g_strdup (details->from_holder);
  movement->to_holder = g_strdup (details->to_holder);
  movement->moved_at = g_strdup (moved_at);
  movement->place = sot_text_is_blank (details->place) ? NULL : g_strdup (details->place);
  movement->purpose = g_strdup (details->purpose);
  movement->note = sot_text_is_blank (details->note) ? NULL : g_strdup (details->note);
  movement->corrects_uuid = g_strdup (details->corrects_uuid);
  movement->correction_reason = correction ? g_strdup (details->correction_reason) : NULL;
  movement->recorded_at = g_strdup (recorded_at);
  movement->recorded_by = g_strdup (sot_store_get_operator (store));

  return movement;
}

gboolean
sot_exhibit_append_movement (SotStore                  *store,
                             SotExhibit                *exhibit,
                             const SotMovementDetails  *details,
                             SotExhibitMovement       **out_movement,
                             GError                   **error)
{
  g_autofree char *moved_at = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *recorded_at = NULL;
  g_autofree char *audit_reason = NULL;
  g_autoptr(GDateTime) now = NULL;
  SotChange change = { SOT_AUDIT_COLLECT, SOT_ENTITY_EXHIBIT_MOVEMENT, NULL, NULL, NULL };
  sqlite3_stmt *stmt;
  int position = 0;
  gint64 row_id;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SOT_IS_EXHIBIT (exhibit) && exhibit->uuid != NULL, FALSE);
  g_return_val_if_fail (details != NULL, FALSE);
  g_return_val_if_fail (out_movement == NULL || *out_movement == NULL, FALSE);

  if (!check_movement (details, error))
    return FALSE;

  if (!(moved_at = parse_past_time (store, details->moved_at, _("The time of the movement"),
                                    error)))
    return FALSE;

  now = sot_store_now (store);
  recorded_at = sot_time_format_utc (now);
  uuid = details->uuid != NULL ? g_strdup (details->uuid) : sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO exhibit_movement (uuid, exhibit_id, position, "
                                "from_holder, to_holder, moved_at, place, purpose, note, "
                                "corrects_movement_uuid, correction_reason, recorded_at, "
                                "recorded_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (!movement_position (store, exhibit, details, &position, error))
    {
      sot_store_write_abort (store);
      return FALSE;
    }

  bind_movement (stmt, store, exhibit, details, uuid, position, moved_at, recorded_at);

  /* The audit row names the corrected entry but not the reason: free text stays in the
   * record, which an erasure removes, and never in the log. */
  if (details->corrects_uuid != NULL)
    {
      audit_reason = g_strdup_printf ("correction of continuity entry %s",
                                      details->corrects_uuid);
      change.action = SOT_AUDIT_ALTER;
      change.reason = audit_reason;
    }
  change.entity_uuid = uuid;

  if (!sot_store_write_end (store, stmt, &change, _("Cannot record the continuity entry"),
                            error))
    return FALSE;

  if (out_movement == NULL)
    return TRUE;

  if (!written_id (store, "SELECT id FROM exhibit_movement WHERE uuid = ?1", uuid, &row_id,
                   error))
    return FALSE;

  *out_movement = movement_from_details (store, row_id, uuid, exhibit, details, position,
                                         moved_at, recorded_at);
  return TRUE;
}

const char * const *
sot_movement_purposes (void)
{
  return purposes;
}

const char *
sot_movement_purpose_label (const char *purpose)
{
  if (g_strcmp0 (purpose, SOT_MOVEMENT_STORAGE) == 0)
    return _("Booked into storage");
  if (g_strcmp0 (purpose, SOT_MOVEMENT_TRANSFER) == 0)
    return _("Handed to another person");
  if (g_strcmp0 (purpose, SOT_MOVEMENT_LABORATORY) == 0)
    return _("Submitted to a laboratory");
  if (g_strcmp0 (purpose, SOT_MOVEMENT_EXAMINATION) == 0)
    return _("Examination");
  if (g_strcmp0 (purpose, SOT_MOVEMENT_COURT) == 0)
    return _("Taken to court");
  if (g_strcmp0 (purpose, SOT_MOVEMENT_RETURN_TO_OWNER) == 0)
    return _("Returned to its owner");
  if (g_strcmp0 (purpose, SOT_MOVEMENT_DISPOSAL) == 0)
    return _("Disposed of");
  if (g_strcmp0 (purpose, SOT_MOVEMENT_OTHER) == 0)
    return _("Other");

  return purpose;
}

const char *
sot_exhibit_retention_label (const char *retention)
{
  if (retention == NULL)
    return _("Not decided yet");
  if (g_str_equal (retention, SOT_RETENTION_RETAIN))
    return _("Retain");
  if (g_str_equal (retention, SOT_RETENTION_DISPOSE))
    return _("Dispose of");
  if (g_str_equal (retention, SOT_RETENTION_RETURN_TO_OWNER))
    return _("Return to its owner");

  return retention;
}
