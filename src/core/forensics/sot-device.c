/* sot-device.c: digital devices taken in an investigation, and third-party material requests
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-device"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-device.h"
#include "sot-record.h"
#include "sot-time.h"

struct _SotDevice
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  gint64    investigation_id;
  char     *owner_role;
  char     *description;
  char     *legal_basis;
  char     *legal_basis_note;
  char     *written_notice_on;
  char     *dpn_variant;
  char     *dpn_given_on;
  char     *line_of_enquiry;
  char     *scope_data_types;
  char     *scope_from;
  char     *scope_until;
  char     *extraction_level;
  char     *taken_at;
  char     *returned_at;
  gboolean  swap_out_given;
};

struct _SotThirdPartyRequest
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  gint64    investigation_id;
  char     *holder;
  char     *material;
  char     *reason;
  char     *necessity_note;
  gboolean  counselling;
  char     *probative_value_note;
  gboolean  npcc_form_used;
  char     *requested_on;
  char     *victim_notified_on;
  char     *outcome;
  char     *outcome_on;
  char     *outcome_note;
};

#define DEVICE_FIELD(member, name, kind) SOT_RECORD_FIELD (SotDevice, member, name, kind)
#define REQUEST_FIELD(member, name, kind) \
  SOT_RECORD_FIELD (SotThirdPartyRequest, member, name, kind)

/* The properties of a device, in the order of DEVICE_COLUMNS. */
static const SotRecordField device_fields[] = {
  DEVICE_FIELD (id, "id", SOT_FIELD_INT64),
  DEVICE_FIELD (uuid, "uuid", SOT_FIELD_STRING),
  DEVICE_FIELD (investigation_id, "investigation-id", SOT_FIELD_INT64),
  DEVICE_FIELD (owner_role, "owner-role", SOT_FIELD_STRING),
  DEVICE_FIELD (description, "description", SOT_FIELD_STRING),
  DEVICE_FIELD (legal_basis, "legal-basis", SOT_FIELD_STRING),
  DEVICE_FIELD (legal_basis_note, "legal-basis-note", SOT_FIELD_STRING),
  DEVICE_FIELD (written_notice_on, "written-notice-on", SOT_FIELD_STRING),
  DEVICE_FIELD (dpn_variant, "dpn-variant", SOT_FIELD_STRING),
  DEVICE_FIELD (dpn_given_on, "dpn-given-on", SOT_FIELD_STRING),
  DEVICE_FIELD (line_of_enquiry, "line-of-enquiry", SOT_FIELD_STRING),
  DEVICE_FIELD (scope_data_types, "scope-data-types", SOT_FIELD_STRING),
  DEVICE_FIELD (scope_from, "scope-from", SOT_FIELD_STRING),
  DEVICE_FIELD (scope_until, "scope-until", SOT_FIELD_STRING),
  DEVICE_FIELD (extraction_level, "extraction-level", SOT_FIELD_STRING),
  DEVICE_FIELD (taken_at, "taken-at", SOT_FIELD_STRING),
  DEVICE_FIELD (returned_at, "returned-at", SOT_FIELD_STRING),
  DEVICE_FIELD (swap_out_given, "swap-out-given", SOT_FIELD_BOOLEAN),
};

/* The properties of a request, in the order of REQUEST_COLUMNS. */
static const SotRecordField request_fields[] = {
  REQUEST_FIELD (id, "id", SOT_FIELD_INT64),
  REQUEST_FIELD (uuid, "uuid", SOT_FIELD_STRING),
  REQUEST_FIELD (investigation_id, "investigation-id", SOT_FIELD_INT64),
  REQUEST_FIELD (holder, "holder", SOT_FIELD_STRING),
  REQUEST_FIELD (material, "material", SOT_FIELD_STRING),
  REQUEST_FIELD (reason, "reason", SOT_FIELD_STRING),
  REQUEST_FIELD (necessity_note, "necessity-note", SOT_FIELD_STRING),
  REQUEST_FIELD (counselling, "counselling", SOT_FIELD_BOOLEAN),
  REQUEST_FIELD (probative_value_note, "probative-value-note", SOT_FIELD_STRING),
  REQUEST_FIELD (npcc_form_used, "npcc-form-used", SOT_FIELD_BOOLEAN),
  REQUEST_FIELD (requested_on, "requested-on", SOT_FIELD_STRING),
  REQUEST_FIELD (victim_notified_on, "victim-notified-on", SOT_FIELD_STRING),
  REQUEST_FIELD (outcome, "outcome", SOT_FIELD_STRING),
  REQUEST_FIELD (outcome_on, "outcome-on", SOT_FIELD_STRING),
  REQUEST_FIELD (outcome_note, "outcome-note", SOT_FIELD_STRING),
};

#define DEVICE_COLUMNS \
  "id, uuid, investigation_id, owner_role, description, legal_basis, legal_basis_note, " \
  "written_notice_on, dpn_variant, dpn_given_on, line_of_enquiry, scope_data_types, " \
  "scope_from, scope_until, extraction_level, taken_at, returned_at, swap_out_given"

#define REQUEST_COLUMNS \
  "id, uuid, investigation_id, holder, material, reason, necessity_note, counselling, " \
  "probative_value_note, npcc_form_used, requested_on, victim_notified_on, outcome, " \
  "outcome_on, outcome_note"

static const char * const owner_roles[] = {
  SOT_DEVICE_OWNER_VICTIM, SOT_DEVICE_OWNER_WITNESS, SOT_DEVICE_OWNER_SUSPECT, NULL,
};

static const char * const legal_bases[] = {
  SOT_LEGAL_BASIS_S37_AGREEMENT, SOT_LEGAL_BASIS_S41, SOT_LEGAL_BASIS_SEIZURE,
  SOT_LEGAL_BASIS_OTHER, NULL,
};

static const char * const extraction_levels[] = {
  SOT_EXTRACTION_NONE, SOT_EXTRACTION_SELECTIVE, SOT_EXTRACTION_LOGICAL,
  SOT_EXTRACTION_FILE_SYSTEM, SOT_EXTRACTION_PHYSICAL, SOT_EXTRACTION_OTHER, NULL,
};

static const char * const outcomes[] = {
  SOT_TPM_PENDING, SOT_TPM_RECEIVED, SOT_TPM_PARTIAL, SOT_TPM_REFUSED, SOT_TPM_WITHDRAWN, NULL,
};

SOT_DEFINE_RECORD_TYPE (SotDevice, sot_device, device_fields)
SOT_DEFINE_RECORD_TYPE (SotThirdPartyRequest, sot_third_party_request, request_fields)

/* Helpers */

/* What ending the write of a new record of one kind, and reading it back, needs. */
typedef struct {
  const char *entity_type;   /* SOT_ENTITY_… */
  const char *select;        /* the record's columns, ?1 its UUID */
  SotRowFunc  from_row;
  const char *save_failed;   /* N_() messages */
  const char *not_found;
  const char *read_failed;
} RecordKind;

/* Ends the write of the new record @uuid of @kind (its audit row and the commit) and, when
 * @out is not %NULL, reads the record back into it as stored. */
static gboolean
end_add (SotStore          *store,
         sqlite3_stmt      *stmt,
         const RecordKind  *kind,
         const char        *uuid,
         gpointer          *out,
         GError           **error)
{
  SotChange change = { SOT_AUDIT_COLLECT, kind->entity_type, uuid, NULL, NULL };

  if (!sot_store_write_end (store, stmt, &change, _(kind->save_failed), error))
    return FALSE;

  if (out == NULL)
    return TRUE;

  *out = sot_store_read_one (store, kind->select, uuid, kind->from_row, NULL,
                             _(kind->not_found), _(kind->read_failed), error);
  return *out != NULL;
}

static gboolean
check_date (const char  *text,
            const char  *what,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate date;

  if (sot_text_is_blank (text))
    return TRUE;

  if (!sot_date_parse (text, &date, &local_error))
    return sot_set_invalid (error, "%s: %s", what, local_error->message);

  return TRUE;
}

/* Devices */

/* Makes a SotDevice (a #SotRowFunc). */
static gpointer
device_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  SotDevice *self = g_object_new (SOT_TYPE_DEVICE, NULL);

  sot_record_fill (self, device_fields, G_N_ELEMENTS (device_fields), stmt);

  return self;
}

static const RecordKind device_kind = {
  SOT_ENTITY_DEVICE, "SELECT " DEVICE_COLUMNS " FROM device WHERE uuid = ?1", device_from_row,
  N_("Cannot record the device"), N_("The device no longer exists"),
  N_("Cannot read the device"),
};

/* Checks the details of a new device against the law and the notices, and normalises its
 * times into @taken_at and @returned_at. */
static gboolean
check_device (SotStore                *store,
              const SotDeviceDetails  *details,
              char                   **taken_at,
              char                   **returned_at,
              GError                 **error)
{
  g_autoptr(GDateTime) now = NULL;

  if (details->owner_role == NULL || !g_strv_contains (owner_roles, details->owner_role))
    return sot_set_invalid (error, _("Say whose device it is: the victim's, a witness's or a "
                                     "suspect's"));

  if (sot_text_is_blank (details->description))
    return sot_set_invalid (error, _("A device needs a description"));

  if (details->legal_basis == NULL || !g_strv_contains (legal_bases, details->legal_basis))
    return sot_set_invalid (error, _("A device needs the legal basis on which it was taken"));

  if (g_str_equal (details->legal_basis, SOT_LEGAL_BASIS_S37_AGREEMENT) &&
      sot_text_is_blank (details->written_notice_on))
    return sot_set_invalid (error, _("An agreement under PCSC Act 2022 s.37 needs the date of "
                                     "the written notice"));

  if (!sot_text_is_blank (details->dpn_variant))
    {
      gboolean suspect = g_str_equal (details->owner_role, SOT_DEVICE_OWNER_SUSPECT);

      if (!g_str_equal (details->dpn_variant, SOT_DPN_A) &&
          !g_str_equal (details->dpn_variant, SOT_DPN_C))
        return sot_set_invalid (error, _("The Digital Processing Notice is DPN-a or DPN-c"));

      if (suspect != g_str_equal (details->dpn_variant, SOT_DPN_C))
        return sot_set_invalid (error, suspect
                                ? _("A suspect's device takes DPN-c, not DPN-a")
                                : _("A victim's or witness's device takes DPN-a, not DPN-c"));
    }
  else if (!sot_text_is_blank (details->dpn_given_on))
    return sot_set_invalid (error, _("Say which Digital Processing Notice was given"));

  if (!sot_text_is_blank (details->extraction_level) &&
      !g_strv_contains (extraction_levels, details->extraction_level))
    return sot_set_invalid (error, _("Unknown extraction level"));

  if (!check_date (details->written_notice_on, _("The written notice date"), error) ||
      !check_date (details->dpn_given_on, _("The date the notice was given"), error) ||
      !check_date (details->scope_from, _("The start of the scope"), error) ||
      !check_date (details->scope_until, _("The end of the scope"), error))
    return FALSE;

  if (!sot_text_is_blank (details->scope_from) && !sot_text_is_blank (details->scope_until) &&
      g_strcmp0 (details->scope_until, details->scope_from) < 0)
    return sot_set_invalid (error, _("The scope ends before it starts"));

  now = sot_store_now (store);
  if (!sot_time_parse_past (now, details->taken_at, _("The time the device was taken"), TRUE,
                            taken_at, error) ||
      !sot_time_parse_past (now, details->returned_at, _("The time the device was returned"),
                            FALSE, returned_at, error))
    return FALSE;

  if (*returned_at != NULL && g_strcmp0 (*returned_at, *taken_at) < 0)
    return sot_set_invalid (error, _("The device was returned before it was taken"));

  return TRUE;
}

gint64
sot_device_get_id (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), 0);
  return self->id;
}

const char *
sot_device_get_uuid (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->uuid;
}

gint64
sot_device_get_investigation_id (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), 0);
  return self->investigation_id;
}

const char *
sot_device_get_owner_role (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->owner_role;
}

const char *
sot_device_get_description (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->description;
}

const char *
sot_device_get_legal_basis (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->legal_basis;
}

const char *
sot_device_get_legal_basis_note (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->legal_basis_note;
}

const char *
sot_device_get_written_notice_on (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->written_notice_on;
}

const char *
sot_device_get_dpn_variant (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->dpn_variant;
}

const char *
sot_device_get_dpn_given_on (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->dpn_given_on;
}

const char *
sot_device_get_line_of_enquiry (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->line_of_enquiry;
}

const char *
sot_device_get_scope_data_types (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->scope_data_types;
}

const char *
sot_device_get_scope_from (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->scope_from;
}

const char *
sot_device_get_scope_until (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->scope_until;
}

const char *
sot_device_get_extraction_level (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->extraction_level;
}

const char *
sot_device_get_taken_at (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->taken_at;
}

const char *
sot_device_get_returned_at (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), NULL);
  return self->returned_at;
}

gboolean
sot_device_get_swap_out_given (SotDevice *self)
{
  g_return_val_if_fail (SOT_IS_DEVICE (self), FALSE);
  return self->swap_out_given;
}

gboolean
sot_device_add (SotStore                *store,
                gint64                   investigation_id,
                const SotDeviceDetails  *details,
                SotDevice              **out_device,
                GError                 **error)
{
  g_autofree char *taken_at = NULL;
  g_autofree char *returned_at = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created_at = NULL;
  g_autoptr(GDateTime) now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);
  g_return_val_if_fail (out_device == NULL || *out_device == NULL, FALSE);

  if (!check_device (store, details, &taken_at, &returned_at, error))
    return FALSE;

  now = sot_store_now (store);
  created_at = sot_time_format_utc (now);
  uuid = details->uuid != NULL ? g_strdup (details->uuid) : sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO device (uuid, investigation_id, owner_role, "
                                "description, legal_basis, legal_basis_note, written_notice_on, "
                                "dpn_variant, dpn_given_on, line_of_enquiry, scope_data_types, "
                                "scope_from, scope_until, extraction_level, taken_at, "
                                "returned_at, swap_out_given, created_at) VALUES (?1, ?2, ?3, "
                                "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                                "?18)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, details->owner_role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, details->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, details->legal_basis, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 6, details->legal_basis_note);
  sot_store_bind_text (stmt, 7, details->written_notice_on);
  sot_store_bind_text (stmt, 8, details->dpn_variant);
  sot_store_bind_text (stmt, 9, details->dpn_given_on);
  sot_store_bind_text (stmt, 10, details->line_of_enquiry);
  sot_store_bind_text (stmt, 11, details->scope_data_types);
  sot_store_bind_text (stmt, 12, details->scope_from);
  sot_store_bind_text (stmt, 13, details->scope_until);
  sot_store_bind_text (stmt, 14, details->extraction_level);
  sqlite3_bind_text (stmt, 15, taken_at, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 16, returned_at);
  sqlite3_bind_int (stmt, 17, details->swap_out_given ? 1 : 0);
  sqlite3_bind_text (stmt, 18, created_at, -1, SQLITE_TRANSIENT);

  return end_add (store, stmt, &device_kind, uuid, (gpointer *) out_device, error);
}

gboolean
sot_device_record_return (SotStore         *store,
                          SotDevice        *device,
                          const char       *returned_at,
                          GError          **error)
{
  g_autofree char *returned = NULL;
  g_autoptr(GDateTime) now = NULL;
  SotChange change = { SOT_AUDIT_ALTER, SOT_ENTITY_DEVICE, NULL, "returned", NULL };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SOT_IS_DEVICE (device) && device->uuid != NULL, FALSE);

  now = sot_store_now (store);
  if (!sot_time_parse_past (now, returned_at, _("The time the device was returned"), TRUE,
                            &returned, error))
    return FALSE;

  if (g_strcmp0 (returned, device->taken_at) < 0)
    return sot_set_invalid (error, _("The device was returned before it was taken"));

  stmt = sot_store_write_begin (store, "UPDATE device SET returned_at = ?2 WHERE uuid = ?1",
                                error);
  if (stmt == NULL ||
      !sot_store_write_require (store, "SELECT 1 FROM device WHERE uuid = ?1", device->uuid,
                                _("The device no longer exists"), error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, device->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, returned, -1, SQLITE_TRANSIENT);

  change.entity_uuid = device->uuid;
  return sot_store_write_end (store, stmt, &change, _("Cannot record the return of the device"),
                              error);
}

GListModel *
sot_device_list (SotStore  *store,
                 gint64     investigation_id,
                 GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                              "SELECT " DEVICE_COLUMNS " FROM device "
                              "WHERE investigation_id = ?1 ORDER BY taken_at, id",
                              investigation_id, SOT_TYPE_DEVICE, device_from_row, NULL,
                              _("Cannot read the devices"), error);
}

GTimeSpan
sot_device_held_for (SotDevice *device,
                     GDateTime       *now)
{
  g_autoptr(GDateTime) taken = NULL;
  g_autoptr(GDateTime) until = NULL;

  g_return_val_if_fail (SOT_IS_DEVICE (device), 0);
  g_return_val_if_fail (now != NULL, 0);

  taken = sot_time_parse (device->taken_at, NULL);
  if (taken == NULL)
    return 0;

  until = device->returned_at != NULL ? sot_time_parse (device->returned_at, NULL)
                                      : g_date_time_ref (now);
  if (until == NULL)
    return 0;

  return MAX (0, g_date_time_difference (until, taken));
}

gboolean
sot_device_is_flagged (SotDevice *device,
                       GDateTime       *now)
{
  g_return_val_if_fail (SOT_IS_DEVICE (device), FALSE);

  return g_strcmp0 (device->owner_role, SOT_DEVICE_OWNER_VICTIM) == 0 &&
         sot_device_held_for (device, now) > SOT_DEVICE_VICTIM_LIMIT_HOURS * G_TIME_SPAN_HOUR;
}

const char *
sot_device_owner_label (const char *owner_role)
{
  if (g_strcmp0 (owner_role, SOT_DEVICE_OWNER_VICTIM) == 0)
    return _("Victim");
  if (g_strcmp0 (owner_role, SOT_DEVICE_OWNER_WITNESS) == 0)
    return _("Witness");
  if (g_strcmp0 (owner_role, SOT_DEVICE_OWNER_SUSPECT) == 0)
    return _("Suspect");
  return owner_role;
}

const char *
sot_device_legal_basis_label (const char *legal_basis)
{
  if (g_strcmp0 (legal_basis, SOT_LEGAL_BASIS_S37_AGREEMENT) == 0)
    return _("Agreement (PCSC Act 2022 s.37)");
  if (g_strcmp0 (legal_basis, SOT_LEGAL_BASIS_S41) == 0)
    return _("User has died (PCSC Act 2022 s.41)");
  if (g_strcmp0 (legal_basis, SOT_LEGAL_BASIS_SEIZURE) == 0)
    return _("Seizure power");
  if (g_strcmp0 (legal_basis, SOT_LEGAL_BASIS_OTHER) == 0)
    return _("Other");
  return legal_basis;
}

const char *
sot_device_extraction_label (const char *level)
{
  if (g_strcmp0 (level, SOT_EXTRACTION_NONE) == 0)
    return _("No extraction");
  if (g_strcmp0 (level, SOT_EXTRACTION_SELECTIVE) == 0)
    return _("Selective (targeted)");
  if (g_strcmp0 (level, SOT_EXTRACTION_LOGICAL) == 0)
    return _("Logical");
  if (g_strcmp0 (level, SOT_EXTRACTION_FILE_SYSTEM) == 0)
    return _("File system");
  if (g_strcmp0 (level, SOT_EXTRACTION_PHYSICAL) == 0)
    return _("Physical");
  if (g_strcmp0 (level, SOT_EXTRACTION_OTHER) == 0)
    return _("Other");
  return level;
}

const char *
sot_third_party_outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, SOT_TPM_PENDING) == 0)
    return _("Pending");
  if (g_strcmp0 (outcome, SOT_TPM_RECEIVED) == 0)
    return _("Received");
  if (g_strcmp0 (outcome, SOT_TPM_PARTIAL) == 0)
    return _("Partly received");
  if (g_strcmp0 (outcome, SOT_TPM_REFUSED) == 0)
    return _("Refused");
  if (g_strcmp0 (outcome, SOT_TPM_WITHDRAWN) == 0)
    return _("Withdrawn");
  return outcome;
}

/* Third-party material */

/* Makes a SotThirdPartyRequest (a #SotRowFunc). */
static gpointer
request_from_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  SotThirdPartyRequest *self = g_object_new (SOT_TYPE_THIRD_PARTY_REQUEST, NULL);

  sot_record_fill (self, request_fields, G_N_ELEMENTS (request_fields), stmt);

  return self;
}

static const RecordKind request_kind = {
  SOT_ENTITY_THIRD_PARTY_REQUEST,
  "SELECT " REQUEST_COLUMNS " FROM third_party_request WHERE uuid = ?1", request_from_row,
  N_("Cannot record the request"), N_("The request no longer exists"),
  N_("Cannot read the request"),
};

gint64
sot_third_party_request_get_id (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), 0);
  return self->id;
}

const char *
sot_third_party_request_get_uuid (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->uuid;
}

gint64
sot_third_party_request_get_investigation_id (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), 0);
  return self->investigation_id;
}

const char *
sot_third_party_request_get_holder (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->holder;
}

const char *
sot_third_party_request_get_material (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->material;
}

const char *
sot_third_party_request_get_reason (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->reason;
}

const char *
sot_third_party_request_get_necessity_note (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->necessity_note;
}

gboolean
sot_third_party_request_get_counselling (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), FALSE);
  return self->counselling;
}

const char *
sot_third_party_request_get_probative_value_note (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->probative_value_note;
}

gboolean
sot_third_party_request_get_npcc_form_used (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), FALSE);
  return self->npcc_form_used;
}

const char *
sot_third_party_request_get_requested_on (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->requested_on;
}

const char *
sot_third_party_request_get_victim_notified_on (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->victim_notified_on;
}

const char *
sot_third_party_request_get_outcome (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->outcome;
}

const char *
sot_third_party_request_get_outcome_on (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->outcome_on;
}

const char *
sot_third_party_request_get_outcome_note (SotThirdPartyRequest *self)
{
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (self), NULL);
  return self->outcome_note;
}

gboolean
sot_third_party_request_add (SotStore                    *store,
                             gint64                       investigation_id,
                             const SotThirdPartyDetails  *details,
                             SotThirdPartyRequest       **out_request,
                             GError                     **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *created_at = NULL;
  g_autoptr(GDateTime) now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);
  g_return_val_if_fail (out_request == NULL || *out_request == NULL, FALSE);

  if (sot_text_is_blank (details->holder) || sot_text_is_blank (details->material) ||
      sot_text_is_blank (details->reason))
    return sot_set_invalid (error, _("A request needs who holds the material, what is sought "
                                     "and why"));

  if (sot_text_is_blank (details->necessity_note))
    return sot_set_invalid (error, _("A request needs the note on why it is necessary and "
                                     "proportionate"));

  if (details->counselling && sot_text_is_blank (details->probative_value_note))
    return sot_set_invalid (error, _("Counselling records may be requested only with a note on "
                                     "their substantial probative value"));

  if (!check_date (details->requested_on, _("The request date"), error) ||
      !check_date (details->victim_notified_on, _("The date the victim was told"), error))
    return FALSE;

  now = sot_store_now (store);
  created_at = sot_time_format_utc (now);
  uuid = details->uuid != NULL ? g_strdup (details->uuid) : sot_store_make_uuid (store);

  stmt = sot_store_write_begin (store,
                                "INSERT INTO third_party_request (uuid, investigation_id, "
                                "holder, material, reason, necessity_note, counselling, "
                                "probative_value_note, npcc_form_used, requested_on, "
                                "victim_notified_on, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, investigation_id);
  sqlite3_bind_text (stmt, 3, details->holder, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, details->material, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, details->reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, details->necessity_note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, details->counselling ? 1 : 0);
  sot_store_bind_text (stmt, 8, details->probative_value_note);
  sqlite3_bind_int (stmt, 9, details->npcc_form_used ? 1 : 0);
  sot_store_bind_text (stmt, 10, details->requested_on);
  sot_store_bind_text (stmt, 11, details->victim_notified_on);
  sqlite3_bind_text (stmt, 12, created_at, -1, SQLITE_TRANSIENT);

  return end_add (store, stmt, &request_kind, uuid, (gpointer *) out_request, error);
}

gboolean
sot_third_party_request_set_outcome (SotStore                    *store,
                                     SotThirdPartyRequest        *request,
                                     const char                  *outcome,
                                     const char                  *outcome_on,
                                     const char                  *note,
                                     GError                     **error)
{
  SotChange change = { SOT_AUDIT_ALTER, SOT_ENTITY_THIRD_PARTY_REQUEST, NULL, outcome, NULL };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SOT_IS_THIRD_PARTY_REQUEST (request) && request->uuid != NULL, FALSE);

  if (outcome == NULL || !g_strv_contains (outcomes, outcome))
    return sot_set_invalid (error, _("Unknown outcome of a request"));

  if (!check_date (outcome_on, _("The date of the outcome"), error))
    return FALSE;

  stmt = sot_store_write_begin (store,
                                "UPDATE third_party_request SET outcome = ?2, outcome_on = ?3, "
                                "outcome_note = ?4 WHERE uuid = ?1", error);
  if (stmt == NULL ||
      !sot_store_write_require (store, "SELECT 1 FROM third_party_request WHERE uuid = ?1",
                                request->uuid, _("The request no longer exists"), error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, request->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, outcome, -1, SQLITE_TRANSIENT);
  sot_store_bind_text (stmt, 3, outcome_on);
  sot_store_bind_text (stmt, 4, note);

  change.entity_uuid = request->uuid;
  return sot_store_write_end (store, stmt, &change, _("Cannot record the outcome"), error);
}

GListModel *
sot_third_party_request_list (SotStore  *store,
                              gint64     investigation_id,
                              GError   **error)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  return sot_store_read_model (store,
                              "SELECT " REQUEST_COLUMNS " FROM third_party_request "
                              "WHERE investigation_id = ?1 ORDER BY id",
                              investigation_id, SOT_TYPE_THIRD_PARTY_REQUEST,
                              request_from_row, NULL, _("Cannot read the requests"), error);
}
