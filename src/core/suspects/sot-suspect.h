/* sot-suspect.h: the suspects of an investigation, their investigative dates and repeat suspects
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-checklist.h"
#include "sot-person.h"
#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_SUSPECT_ERROR (sot_suspect_error_quark ())

/* Failures of the suspects' own kind; an unknown relationship or bail type, a bad time, and a
 * suspect or person no longer in the workspace are %SOT_STORE_ERROR_INVALID and
 * %SOT_STORE_ERROR_NOT_FOUND. */
typedef enum {
  SOT_SUSPECT_ERROR_SAME_INVESTIGATION, /* a link to a suspect of the same investigation */
  SOT_SUSPECT_ERROR_NOT_LINKED,         /* unlinking a suspect no other investigation shares */
} SotSuspectError;

/* How a suspect left custody pending a decision. */
#define SOT_BAIL_TYPE_BAIL "bail"  /* pre-charge bail */
#define SOT_BAIL_TYPE_RUI  "rui"   /* released under investigation */

#define SOT_TYPE_SUSPECT (sot_suspect_get_type ())
G_DECLARE_FINAL_TYPE (SotSuspect, sot_suspect, SOT, SUSPECT, GObject)

#define SOT_TYPE_SUSPECT_MATCH (sot_suspect_match_get_type ())
G_DECLARE_FINAL_TYPE (SotSuspectMatch, sot_suspect_match, SOT, SUSPECT_MATCH, GObject)

GQuark       sot_suspect_error_quark            (void);

/* Returns: (transfer none): the relationship values (DOMAIN.md §1.7), %NULL-terminated. */
const char * const *sot_suspect_relationships   (void);
/* Returns: the translated label of a relationship value ("Intimate (current or former)"). */
const char  *sot_suspect_relationship_label     (const char *relationship);
/* Returns: the translated label of a bail type ("Pre-charge bail", "Released under
 * investigation"), or "" for %NULL. */
const char  *sot_suspect_bail_type_label        (const char *bail_type);

gint64       sot_suspect_get_id                 (SotSuspect *self);
const char  *sot_suspect_get_uuid               (SotSuspect *self);
gint64       sot_suspect_get_investigation_id   (SotSuspect *self);
/* The suspect person (the same across linked investigations). */
gint64       sot_suspect_get_person_id          (SotSuspect *self);
const char  *sot_suspect_get_relationship       (SotSuspect *self);
/* Investigative times, ISO 8601 UTC, or %NULL. */
const char  *sot_suspect_get_arrested_at        (SotSuspect *self);
const char  *sot_suspect_get_interviewed_at     (SotSuspect *self);
const char  *sot_suspect_get_bailed_at          (SotSuspect *self);
const char  *sot_suspect_get_bail_type          (SotSuspect *self);
/* The bail return date, "YYYY-MM-DD", or %NULL. */
const char  *sot_suspect_get_bail_until         (SotSuspect *self);
const char  *sot_suspect_get_released_at        (SotSuspect *self);
/* Identifiers, for display in the investigation only (never exported). */
const char  *sot_suspect_get_given_name         (SotSuspect *self);
const char  *sot_suspect_get_family_name        (SotSuspect *self);
const char  *sot_suspect_get_date_of_birth      (SotSuspect *self);
const char  *sot_suspect_get_local_person_id    (SotSuspect *self);
/* "Given Family", or a translated "Unnamed suspect". */
const char  *sot_suspect_get_display_name       (SotSuspect *self);
/* The number of other investigations in which the same person is a suspect. */
guint        sot_suspect_get_repeat_count       (SotSuspect *self);

/* Edits to save with sot_suspect_save(); times are parsed as by sot_time_parse(). */
void         sot_suspect_set_relationship       (SotSuspect *self,
                                                 const char *value);
void         sot_suspect_set_arrested_at        (SotSuspect *self,
                                                 const char *value);
void         sot_suspect_set_interviewed_at     (SotSuspect *self,
                                                 const char *value);
void         sot_suspect_set_bailed_at          (SotSuspect *self,
                                                 const char *value);
void         sot_suspect_set_bail_type          (SotSuspect *self,
                                                 const char *value);
void         sot_suspect_set_bail_until         (SotSuspect *self,
                                                 const char *value);
void         sot_suspect_set_released_at        (SotSuspect *self,
                                                 const char *value);

/**
 * sot_suspect_add:
 * Records a suspect under @investigation_id through sot_person_add() (identifiers in their own
 * table, a *collect* row) and, when @checklist is not %NULL, proposes its items for him, all in
 * one transaction.
 * Returns: (transfer full): the stored suspect, or %NULL with @error set and nothing written.
 */
SotSuspect  *sot_suspect_add                    (SotStore               *store,
                                                 gint64                  investigation_id,
                                                 const SotPersonDetails *details,
                                                 SotChecklist           *checklist,
                                                 GError                **error);

/**
 * sot_suspect_save:
 * Validates and saves the relationship and investigative dates of @self with an *alter*
 * audit row carrying @reason (may be %NULL). Times are stored in UTC.
 */
gboolean     sot_suspect_save                   (SotSuspect  *self,
                                                 SotStore    *store,
                                                 const char  *reason,
                                                 GError     **error);

/**
 * sot_suspect_load:
 * Returns: (transfer full): the suspect with @uuid, or %NULL and %SOT_STORE_ERROR_NOT_FOUND.
 */
SotSuspect  *sot_suspect_load                   (SotStore    *store,
                                                 const char  *uuid,
                                                 GError     **error);

/* Returns: (transfer full): the suspect with row id @id, as sot_suspect_load(). */
SotSuspect  *sot_suspect_load_by_id             (SotStore    *store,
                                                 gint64       id,
                                                 GError     **error);

/**
 * sot_suspect_list:
 * The suspects of one investigation (none: "suspect not yet identified"), in one query.
 * Returns: (transfer full): a #GListModel of #SotSuspect, or %NULL with @error set.
 */
GListModel  *sot_suspect_list                   (SotStore    *store,
                                                 gint64       investigation_id,
                                                 GError     **error);

/**
 * sot_suspect_find_matches:
 * Likely matches for @self among suspects of *other* investigations who are not already the
 * same person: the same given and family name (ignoring case) and date of birth, or the same
 * local person ID. One match per person, most investigations first.
 * Returns: (transfer full): a #GListModel of #SotSuspectMatch.
 */
GListModel  *sot_suspect_find_matches           (SotSuspect  *self,
                                                 SotStore    *store,
                                                 GError     **error);

/**
 * sot_suspect_link:
 * Records that @self is the same person as the suspect person @person_id (taken from a
 * #SotSuspectMatch): a *combine* audit row. @self is refreshed (its repeat count changes).
 */
gboolean     sot_suspect_link                   (SotSuspect  *self,
                                                 SotStore    *store,
                                                 gint64       person_id,
                                                 GError     **error);

/**
 * sot_suspect_unlink:
 * Undoes a link: @self becomes a person of his own again, with a *combine* audit row whose
 * reason is "unlinked". Fails with %SOT_SUSPECT_ERROR_NOT_LINKED if no other investigation
 * shares his person.
 */
gboolean     sot_suspect_unlink                 (SotSuspect  *self,
                                                 SotStore    *store,
                                                 GError     **error);

/**
 * sot_suspect_other_investigations:
 * The other investigations in which the same person is a suspect, newest report first.
 * Returns: (transfer full): a #GListModel of #SotInvestigation.
 */
GListModel  *sot_suspect_other_investigations   (SotSuspect  *self,
                                                 SotStore    *store,
                                                 GError     **error);

/**
 * sot_suspect_repeat_investigations:
 * The UUIDs of every investigation with at least one repeat suspect, to filter the
 * investigation list. @uuids: (out) (transfer full): a set of investigation UUIDs.
 */
gboolean     sot_suspect_repeat_investigations  (SotStore    *store,
                                                 GHashTable **uuids,
                                                 GError     **error);

/* The match: a person already suspected in other investigations. */
gint64       sot_suspect_match_get_person_id        (SotSuspectMatch *self);
/* One suspect record of that person, the oldest, for display. */
const char  *sot_suspect_match_get_suspect_uuid     (SotSuspectMatch *self);
const char  *sot_suspect_match_get_investigation_uuid (SotSuspectMatch *self);
const char  *sot_suspect_match_get_crime_reference  (SotSuspectMatch *self);
const char  *sot_suspect_match_get_display_name     (SotSuspectMatch *self);
const char  *sot_suspect_match_get_date_of_birth    (SotSuspectMatch *self);
const char  *sot_suspect_match_get_local_person_id  (SotSuspectMatch *self);
/* Why it matched. */
gboolean     sot_suspect_match_get_by_name_and_dob  (SotSuspectMatch *self);
gboolean     sot_suspect_match_get_by_local_id      (SotSuspectMatch *self);
/* How many investigations the person is a suspect in. */
guint        sot_suspect_match_get_n_investigations (SotSuspectMatch *self);

G_END_DECLS
