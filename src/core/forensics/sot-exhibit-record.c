/* sot-exhibit-record.c: the exhibit and continuity-entry objects, their properties and accessors
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-exhibit"

#include "config.h"

#include "sot-exhibit-private.h"
#include "sot-record.h"

#define EXHIBIT_FIELD(member, name, kind) SOT_RECORD_FIELD (SotExhibit, member, name, kind)
#define MOVEMENT_FIELD(member, name, kind) \
  SOT_RECORD_FIELD (SotExhibitMovement, member, name, kind)

/* The properties of an exhibit, in the order of EXHIBIT_COLUMNS (sot-exhibit.c). */
static const SotRecordField exhibit_fields[] = {
  EXHIBIT_FIELD (id, "id", SOT_FIELD_INT64),
  EXHIBIT_FIELD (uuid, "uuid", SOT_FIELD_STRING),
  EXHIBIT_FIELD (investigation_id, "investigation-id", SOT_FIELD_INT64),
  EXHIBIT_FIELD (parent_id, "parent-id", SOT_FIELD_INT64),
  EXHIBIT_FIELD (officer_initials, "officer-initials", SOT_FIELD_STRING),
  EXHIBIT_FIELD (sequence, "sequence", SOT_FIELD_INT),
  EXHIBIT_FIELD (sub_sequence, "sub-sequence", SOT_FIELD_INT),
  EXHIBIT_FIELD (reference, "reference", SOT_FIELD_STRING),
  EXHIBIT_FIELD (alias, "alias", SOT_FIELD_STRING),
  EXHIBIT_FIELD (description, "description", SOT_FIELD_STRING),
  EXHIBIT_FIELD (sample_type, "sample-type", SOT_FIELD_STRING),
  EXHIBIT_FIELD (sampled_from, "sampled-from", SOT_FIELD_STRING),
  EXHIBIT_FIELD (seized_by, "seized-by", SOT_FIELD_STRING),
  EXHIBIT_FIELD (seized_at, "seized-at", SOT_FIELD_STRING),
  EXHIBIT_FIELD (seized_place, "seized-place", SOT_FIELD_STRING),
  EXHIBIT_FIELD (seal_number, "seal-number", SOT_FIELD_STRING),
  EXHIBIT_FIELD (lab_name, "lab-name", SOT_FIELD_STRING),
  EXHIBIT_FIELD (lab_submitted_at, "lab-submitted-at", SOT_FIELD_STRING),
  EXHIBIT_FIELD (lab_result, "lab-result", SOT_FIELD_STRING),
  EXHIBIT_FIELD (lab_result_at, "lab-result-at", SOT_FIELD_STRING),
  EXHIBIT_FIELD (retention, "retention", SOT_FIELD_STRING),
  EXHIBIT_FIELD (retention_note, "retention-note", SOT_FIELD_STRING),
  EXHIBIT_FIELD (retention_decided_on, "retention-decided-on", SOT_FIELD_STRING),
  EXHIBIT_FIELD (current_holder, "current-holder", SOT_FIELD_STRING),
  EXHIBIT_FIELD (current_place, "current-place", SOT_FIELD_STRING),
  EXHIBIT_FIELD (n_movements, "n-movements", SOT_FIELD_UINT),
};

/* The properties of a continuity entry, in the order of MOVEMENT_COLUMNS
 * (but the last, derived from the chain). */
static const SotRecordField movement_fields[] = {
  MOVEMENT_FIELD (id, "id", SOT_FIELD_INT64),
  MOVEMENT_FIELD (uuid, "uuid", SOT_FIELD_STRING),
  MOVEMENT_FIELD (exhibit_id, "exhibit-id", SOT_FIELD_INT64),
  MOVEMENT_FIELD (position, "position", SOT_FIELD_INT),
  MOVEMENT_FIELD (from_holder, "from-holder", SOT_FIELD_STRING),
  MOVEMENT_FIELD (to_holder, "to-holder", SOT_FIELD_STRING),
  MOVEMENT_FIELD (moved_at, "moved-at", SOT_FIELD_STRING),
  MOVEMENT_FIELD (place, "place", SOT_FIELD_STRING),
  MOVEMENT_FIELD (purpose, "purpose", SOT_FIELD_STRING),
  MOVEMENT_FIELD (note, "note", SOT_FIELD_STRING),
  MOVEMENT_FIELD (corrects_uuid, "corrects-uuid", SOT_FIELD_STRING),
  MOVEMENT_FIELD (correction_reason, "correction-reason", SOT_FIELD_STRING),
  MOVEMENT_FIELD (recorded_at, "recorded-at", SOT_FIELD_STRING),
  MOVEMENT_FIELD (recorded_by, "recorded-by", SOT_FIELD_STRING),
  MOVEMENT_FIELD (superseded, "superseded", SOT_FIELD_BOOLEAN),
};

SOT_DEFINE_RECORD_TYPE (SotExhibit, sot_exhibit, exhibit_fields)
SOT_DEFINE_RECORD_TYPE (SotExhibitMovement, sot_exhibit_movement, movement_fields)

SotExhibit *
sot_exhibit_copy (SotExhibit *self)
{
  SotExhibit *copy;

  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);

  copy = g_object_new (SOT_TYPE_EXHIBIT, NULL);
  sot_record_copy (copy, self, exhibit_fields, G_N_ELEMENTS (exhibit_fields));
  return copy;
}

gpointer
_sot_exhibit_from_row (sqlite3_stmt *stmt,
                       gpointer      user_data)
{
  SotExhibit *self = g_object_new (SOT_TYPE_EXHIBIT, NULL);

  sot_record_fill (self, exhibit_fields, G_N_ELEMENTS (exhibit_fields), stmt);

  /* With no entry yet, the exhibit is where and with whom it was seized. */
  if (self->current_holder == NULL)
    {
      self->current_holder = g_strdup (self->seized_by);
      self->current_place = g_strdup (self->seized_place);
    }

  return self;
}

gpointer
_sot_exhibit_movement_from_row (sqlite3_stmt *stmt,
                                gpointer      user_data)
{
  SotExhibitMovement *self = g_object_new (SOT_TYPE_EXHIBIT_MOVEMENT, NULL);

  /* Every column; whether it was superseded comes from the entries after it. */
  sot_record_fill (self, movement_fields, G_N_ELEMENTS (movement_fields) - 1, stmt);

  return self;
}

gint64
sot_exhibit_get_id (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), 0);
  return self->id;
}

const char *
sot_exhibit_get_uuid (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->uuid;
}

gint64
sot_exhibit_get_investigation_id (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), 0);
  return self->investigation_id;
}

gint64
sot_exhibit_get_parent_id (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), 0);
  return self->parent_id;
}

const char *
sot_exhibit_get_officer_initials (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->officer_initials;
}

int
sot_exhibit_get_sequence (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), 0);
  return self->sequence;
}

int
sot_exhibit_get_sub_sequence (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), 0);
  return self->sub_sequence;
}

const char *
sot_exhibit_get_reference (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->reference;
}

const char *
sot_exhibit_get_alias (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->alias;
}

const char *
sot_exhibit_get_description (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->description;
}

const char *
sot_exhibit_get_sample_type (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->sample_type;
}

const char *
sot_exhibit_get_sampled_from (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->sampled_from;
}

const char *
sot_exhibit_get_seized_by (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->seized_by;
}

const char *
sot_exhibit_get_seized_at (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->seized_at;
}

const char *
sot_exhibit_get_seized_place (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->seized_place;
}

const char *
sot_exhibit_get_seal_number (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->seal_number;
}

const char *
sot_exhibit_get_lab_name (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->lab_name;
}

const char *
sot_exhibit_get_lab_submitted_at (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->lab_submitted_at;
}

const char *
sot_exhibit_get_lab_result (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->lab_result;
}

const char *
sot_exhibit_get_lab_result_at (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->lab_result_at;
}

const char *
sot_exhibit_get_retention (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->retention;
}

const char *
sot_exhibit_get_retention_note (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->retention_note;
}

const char *
sot_exhibit_get_retention_decided_on (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->retention_decided_on;
}

const char *
sot_exhibit_get_current_holder (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->current_holder;
}

const char *
sot_exhibit_get_current_place (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), NULL);
  return self->current_place;
}

guint
sot_exhibit_get_n_movements (SotExhibit *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT (self), 0);
  return self->n_movements;
}

void
sot_exhibit_set_description (SotExhibit *self,
                            const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->description);
  self->description = g_strdup (value);
}

void
sot_exhibit_set_sample_type (SotExhibit *self,
                            const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->sample_type);
  self->sample_type = g_strdup (value);
}

void
sot_exhibit_set_sampled_from (SotExhibit *self,
                             const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->sampled_from);
  self->sampled_from = g_strdup (value);
}

void
sot_exhibit_set_seal_number (SotExhibit *self,
                            const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->seal_number);
  self->seal_number = g_strdup (value);
}

void
sot_exhibit_set_lab_name (SotExhibit *self,
                         const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->lab_name);
  self->lab_name = g_strdup (value);
}

void
sot_exhibit_set_lab_submitted_at (SotExhibit *self,
                                 const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->lab_submitted_at);
  self->lab_submitted_at = g_strdup (value);
}

void
sot_exhibit_set_lab_result (SotExhibit *self,
                           const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->lab_result);
  self->lab_result = g_strdup (value);
}

void
sot_exhibit_set_lab_result_at (SotExhibit *self,
                              const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->lab_result_at);
  self->lab_result_at = g_strdup (value);
}

void
sot_exhibit_set_retention (SotExhibit *self,
                          const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->retention);
  self->retention = g_strdup (value);
}

void
sot_exhibit_set_retention_note (SotExhibit *self,
                               const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->retention_note);
  self->retention_note = g_strdup (value);
}

void
sot_exhibit_set_retention_decided_on (SotExhibit *self,
                                     const char *value)
{
  g_return_if_fail (SOT_IS_EXHIBIT (self));
  g_free (self->retention_decided_on);
  self->retention_decided_on = g_strdup (value);
}

gint64
sot_exhibit_movement_get_id (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), 0);
  return self->id;
}

const char *
sot_exhibit_movement_get_uuid (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->uuid;
}

gint64
sot_exhibit_movement_get_exhibit_id (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), 0);
  return self->exhibit_id;
}

int
sot_exhibit_movement_get_position (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), 0);
  return self->position;
}

const char *
sot_exhibit_movement_get_from_holder (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->from_holder;
}

const char *
sot_exhibit_movement_get_to_holder (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->to_holder;
}

const char *
sot_exhibit_movement_get_moved_at (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->moved_at;
}

const char *
sot_exhibit_movement_get_place (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->place;
}

const char *
sot_exhibit_movement_get_purpose (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->purpose;
}

const char *
sot_exhibit_movement_get_note (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->note;
}

const char *
sot_exhibit_movement_get_corrects_uuid (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->corrects_uuid;
}

const char *
sot_exhibit_movement_get_correction_reason (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->correction_reason;
}

const char *
sot_exhibit_movement_get_recorded_at (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->recorded_at;
}

const char *
sot_exhibit_movement_get_recorded_by (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), NULL);
  return self->recorded_by;
}

gboolean
sot_exhibit_movement_get_superseded (SotExhibitMovement *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_MOVEMENT (self), FALSE);
  return self->superseded;
}
