/* sot-exhibit.h: the exhibit register and each exhibit's continuity (chain of custody)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * References follow the national convention (DOMAIN.md §3.3): the producing officer's initials,
 * "/", a number the program allots per officer across the workspace (AP/1, AP/2; BC/1 for
 * another officer); sub-exhibits append a number under their parent (AP/1/1, AP/1/2). The
 * alias (AP_1, AP_1-1) is the same reference made safe for file names.
 *
 * Continuity is append-only. Entries form a chain in the order they were recorded; a correction
 * is a new entry that takes the place of the entry it corrects (which stays, marked superseded).
 * The effective chain starts with the seizing officer holding the exhibit at the seizure time.
 */

#pragma once

#include "sot-forensic-catalogue.h"
#include "sot-store.h"

G_BEGIN_DECLS

/* Purposes of a movement, as stored. */
#define SOT_MOVEMENT_STORAGE         "storage"    /* booked into a property or exhibits store */
#define SOT_MOVEMENT_TRANSFER        "transfer"   /* handed to another officer */
#define SOT_MOVEMENT_LABORATORY      "laboratory" /* submitted to a laboratory */
#define SOT_MOVEMENT_EXAMINATION     "examination"
#define SOT_MOVEMENT_COURT           "court"
#define SOT_MOVEMENT_RETURN_TO_OWNER "return-to-owner"
#define SOT_MOVEMENT_DISPOSAL        "disposal"
#define SOT_MOVEMENT_OTHER           "other"

/* Retention decisions, as stored. */
#define SOT_RETENTION_RETAIN          "retain"
#define SOT_RETENTION_DISPOSE         "dispose"
#define SOT_RETENTION_RETURN_TO_OWNER "return-to-owner"

/**
 * SotExhibitDetails:
 * A new exhibit. Times are ISO 8601 (no zone: UK local time). Strings may be %NULL where noted.
 */
typedef struct {
  const char *uuid;              /* %NULL: a random one */
  gint64      parent_id;         /* 0: a top-level exhibit; else the exhibit it is a part of */
  const char *officer_initials;  /* top-level exhibits: "AP"; a sub-exhibit takes its parent's */
  const char *description;
  const char *sample_type;       /* (nullable) a forensic catalogue id */
  const char *sampled_from;      /* (nullable) "complainant" or "suspect" */
  const char *seized_by;
  const char *seized_at;
  const char *seized_place;      /* (nullable) */
  const char *seal_number;       /* (nullable) */
} SotExhibitDetails;

/**
 * SotMovementDetails:
 * A continuity entry to append; with @corrects_uuid it is a correction of that entry and
 * @correction_reason is required.
 */
typedef struct {
  const char *uuid;              /* %NULL: a random one */
  const char *from_holder;
  const char *to_holder;
  const char *moved_at;          /* ISO 8601; no zone: UK local time */
  const char *place;             /* (nullable) */
  const char *purpose;           /* SOT_MOVEMENT_* */
  const char *note;              /* (nullable) */
  const char *corrects_uuid;     /* (nullable) */
  const char *correction_reason; /* (nullable) */
} SotMovementDetails;

typedef enum {
  SOT_CONTINUITY_FROM_NOT_LAST_HOLDER,
  SOT_CONTINUITY_TIME_BEFORE_PREVIOUS,
  SOT_CONTINUITY_NEVER_BOOKED_INTO_STORAGE,
  SOT_CONTINUITY_SAMPLED_AFTER_WINDOW_CLOSED,
} SotContinuityBreakKind;

/* A break in the chain: what, the entry involved (%NULL when it is about the exhibit), and a
 * translated sentence for people. */
typedef struct {
  SotContinuityBreakKind  kind;
  char                   *movement_uuid;
  int                     position;       /* 0 when no entry is involved */
  char                   *message;
} SotContinuityBreak;

/**
 * SotExhibit:
 * One exhibit as stored: read-only properties named as its getters ("seized-at"). Times are
 * ISO 8601 UTC; strings are %NULL when not recorded. To change the mutable fields, set them
 * on a copy (sot_exhibit_copy()) and save it with sot_exhibit_update().
 */
#define SOT_TYPE_EXHIBIT (sot_exhibit_get_type ())
G_DECLARE_FINAL_TYPE (SotExhibit, sot_exhibit, SOT, EXHIBIT, GObject)

/* One continuity entry, as recorded: read-only properties as an exhibit's. */
#define SOT_TYPE_EXHIBIT_MOVEMENT (sot_exhibit_movement_get_type ())
G_DECLARE_FINAL_TYPE (SotExhibitMovement, sot_exhibit_movement, SOT, EXHIBIT_MOVEMENT, GObject)

/* Returns: (transfer full): a copy whose mutable fields may be set before sot_exhibit_update(). */
SotExhibit         *sot_exhibit_copy                 (SotExhibit         *self);

gint64              sot_exhibit_get_id                   (SotExhibit *self);
const char *        sot_exhibit_get_uuid                 (SotExhibit *self);
gint64              sot_exhibit_get_investigation_id     (SotExhibit *self);
/* 0 for a top-level exhibit */
gint64              sot_exhibit_get_parent_id            (SotExhibit *self);
const char *        sot_exhibit_get_officer_initials     (SotExhibit *self);
int                 sot_exhibit_get_sequence             (SotExhibit *self);
/* 0 for a top-level exhibit */
int                 sot_exhibit_get_sub_sequence         (SotExhibit *self);
/* "AP/1/2" */
const char *        sot_exhibit_get_reference            (SotExhibit *self);
/* "AP_1-2" */
const char *        sot_exhibit_get_alias                (SotExhibit *self);
const char *        sot_exhibit_get_description          (SotExhibit *self);
/* a forensic catalogue id, or %NULL */
const char *        sot_exhibit_get_sample_type          (SotExhibit *self);
/* "complainant", "suspect" or %NULL */
const char *        sot_exhibit_get_sampled_from         (SotExhibit *self);
const char *        sot_exhibit_get_seized_by            (SotExhibit *self);
const char *        sot_exhibit_get_seized_at            (SotExhibit *self);
const char *        sot_exhibit_get_seized_place         (SotExhibit *self);
const char *        sot_exhibit_get_seal_number          (SotExhibit *self);
const char *        sot_exhibit_get_lab_name             (SotExhibit *self);
const char *        sot_exhibit_get_lab_submitted_at     (SotExhibit *self);
const char *        sot_exhibit_get_lab_result           (SotExhibit *self);
const char *        sot_exhibit_get_lab_result_at        (SotExhibit *self);
/* SOT_RETENTION_* or %NULL while undecided */
const char *        sot_exhibit_get_retention            (SotExhibit *self);
const char *        sot_exhibit_get_retention_note       (SotExhibit *self);
/* YYYY-MM-DD */
const char *        sot_exhibit_get_retention_decided_on (SotExhibit *self);
/* derived from the chain: the last holder (the seizing officer when none) */
const char *        sot_exhibit_get_current_holder       (SotExhibit *self);
/* and the last place (the seizure's when none) */
const char *        sot_exhibit_get_current_place        (SotExhibit *self);
/* entries recorded, corrections included */
guint               sot_exhibit_get_n_movements          (SotExhibit *self);

/* Edits of the mutable fields, to save with sot_exhibit_update(); %NULL clears a field. */
void                sot_exhibit_set_description          (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_sample_type          (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_sampled_from         (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_seal_number          (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_lab_name             (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_lab_submitted_at     (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_lab_result           (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_lab_result_at        (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_retention            (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_retention_note       (SotExhibit *self,
                                                          const char *value);
void                sot_exhibit_set_retention_decided_on (SotExhibit *self,
                                                          const char *value);

gint64              sot_exhibit_movement_get_id                (SotExhibitMovement *self);
const char *        sot_exhibit_movement_get_uuid              (SotExhibitMovement *self);
gint64              sot_exhibit_movement_get_exhibit_id        (SotExhibitMovement *self);
/* its place in the chain; a correction shares its original's */
int                 sot_exhibit_movement_get_position          (SotExhibitMovement *self);
const char *        sot_exhibit_movement_get_from_holder       (SotExhibitMovement *self);
const char *        sot_exhibit_movement_get_to_holder         (SotExhibitMovement *self);
/* ISO 8601 UTC */
const char *        sot_exhibit_movement_get_moved_at          (SotExhibitMovement *self);
const char *        sot_exhibit_movement_get_place             (SotExhibitMovement *self);
/* SOT_MOVEMENT_* */
const char *        sot_exhibit_movement_get_purpose           (SotExhibitMovement *self);
const char *        sot_exhibit_movement_get_note              (SotExhibitMovement *self);
/* the entry a correction corrects, or %NULL */
const char *        sot_exhibit_movement_get_corrects_uuid     (SotExhibitMovement *self);
const char *        sot_exhibit_movement_get_correction_reason (SotExhibitMovement *self);
const char *        sot_exhibit_movement_get_recorded_at       (SotExhibitMovement *self);
const char *        sot_exhibit_movement_get_recorded_by       (SotExhibitMovement *self);
/* a later correction took its place */
gboolean            sot_exhibit_movement_get_superseded        (SotExhibitMovement *self);

void                sot_continuity_break_free        (SotContinuityBreak *self);

/**
 * sot_exhibit_initials_from_name:
 * Suggests initials from an officer's name, leaving out a rank: "DC Ash Example" → "AE".
 * Returns: (transfer full): the initials, or an empty string.
 */
char               *sot_exhibit_initials_from_name   (const char         *name);

/**
 * sot_exhibit_alias_for_reference:
 * Returns: (transfer full): the file-name-safe alias of @reference: "AP/1/2" → "AP_1-2".
 */
char               *sot_exhibit_alias_for_reference  (const char         *reference);

/**
 * sot_exhibit_next_reference:
 * @parent_id: 0 for a top-level exhibit of @initials; else the parent of a sub-exhibit
 *
 * The reference the next exhibit would get: the next free number of @initials across the
 * workspace ("AP/3"), or the parent's next sub-number ("AP/1/2").
 * Returns: (transfer full): the reference, or %NULL with @error set.
 */
char               *sot_exhibit_next_reference       (SotStore           *store,
                                                      const char         *initials,
                                                      gint64              parent_id,
                                                      GError            **error);

/**
 * sot_exhibit_add:
 * @out_exhibit: (out) (optional) (transfer full): the exhibit as stored
 *
 * Validates @details, allots the reference, and records the exhibit under the investigation
 * @investigation_id with a *collect* audit row. Fails with %SOT_STORE_ERROR_INVALID (and
 * writes nothing) on a missing description, seizing officer or time, bad initials, a time in
 * the future, or a parent in another investigation.
 */
gboolean            sot_exhibit_add                  (SotStore                *store,
                                                      gint64                   investigation_id,
                                                      const SotExhibitDetails *details,
                                                      SotExhibit             **out_exhibit,
                                                      GError                 **error);

/**
 * sot_exhibit_update:
 * Saves the mutable fields of @exhibit (description, sample type, seal number, laboratory
 * submission and result, retention decision), matched by UUID, with an *alter* audit row.
 */
gboolean            sot_exhibit_update               (SotStore           *store,
                                                      SotExhibit         *exhibit,
                                                      const char         *reason,
                                                      GError            **error);

/* Returns: (transfer full): the exhibit with @uuid, or %NULL and %SOT_STORE_ERROR_NOT_FOUND. */
SotExhibit         *sot_exhibit_load                 (SotStore           *store,
                                                      const char         *uuid,
                                                      GError            **error);

/**
 * sot_exhibit_list:
 * Returns: (transfer full): a #GListModel of the investigation's #SotExhibit by reference
 *   (each sub-exhibit after its parent), or %NULL with @error set.
 */
GListModel         *sot_exhibit_list                 (SotStore           *store,
                                                      gint64              investigation_id,
                                                      GError            **error);

/**
 * sot_exhibit_append_movement:
 * @out_movement: (out) (optional) (transfer full): the entry as stored
 *
 * Appends a continuity entry to @exhibit with a *collect* audit row; a correction (with
 * @details->corrects_uuid) is audited as an *alter* of the chain naming the corrected entry.
 * Entries are never changed or deleted. The entry is recorded even when it breaks the chain:
 * sot_exhibit_check_continuity() flags the break.
 */
gboolean            sot_exhibit_append_movement      (SotStore                 *store,
                                                      SotExhibit               *exhibit,
                                                      const SotMovementDetails *details,
                                                      SotExhibitMovement      **out_movement,
                                                      GError                  **error);

/**
 * sot_exhibit_list_movements:
 * Returns: (transfer full): a #GListModel of #SotExhibitMovement: every entry in chain order
 *   (corrections after the entry they correct, which is marked superseded), or %NULL.
 */
GListModel         *sot_exhibit_list_movements       (SotStore           *store,
                                                      SotExhibit         *exhibit,
                                                      GError            **error);

/**
 * sot_exhibit_check_chain:
 * @movements: every #SotExhibitMovement, as sot_exhibit_list_movements()
 * @catalogue: (nullable): for the sampling window; %NULL skips that check
 * @offence_from: (nullable): the offence time (UTC); %NULL skips the window check
 * @offence_until: (nullable): the end of the offence range
 *
 * Checks the effective chain: each entry's "from" is the last holder, no entry's time is
 * before the one before it (the seizure first), the exhibit was booked into storage at least
 * once, and a forensic sample was not taken after its window had certainly closed (after the
 * last possible deadline).
 * Returns: (transfer full) (element-type SotContinuityBreak): the breaks; empty when clean.
 */
GPtrArray          *sot_exhibit_check_chain          (SotExhibit           *exhibit,
                                                      GListModel           *movements,
                                                      SotForensicCatalogue *catalogue,
                                                      GDateTime            *offence_from,
                                                      GDateTime            *offence_until);

/**
 * sot_exhibit_check_continuity:
 * Loads @exhibit's entries and its investigation's offence time and checks the chain.
 * Returns: (transfer full) (element-type SotContinuityBreak): the breaks, or %NULL with @error.
 */
GPtrArray          *sot_exhibit_check_continuity     (SotStore             *store,
                                                      SotExhibit           *exhibit,
                                                      SotForensicCatalogue *catalogue,
                                                      GError              **error);

/* Returns: a stable id of @kind ("from-not-last-holder", "time-before-previous",
 * "never-booked-into-storage", "sampled-after-window-closed"). */
const char         *sot_continuity_break_kind_to_string (SotContinuityBreakKind kind);

/* Returns: (transfer none): the movement purposes in display order, %NULL-terminated. */
const char * const *sot_movement_purposes            (void);
/* Returns: the translated label of a purpose ("Booked into storage", …). */
const char         *sot_movement_purpose_label       (const char         *purpose);

/* Returns: (transfer none): the label of a retention decision (SOT_RETENTION_*), "Not decided
 * yet" for %NULL, an unknown code as it is. */
const char         *sot_exhibit_retention_label      (const char         *retention);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotContinuityBreak, sot_continuity_break_free)

G_END_DECLS
