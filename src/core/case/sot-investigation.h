/* sot-investigation.h: one rape or serious sexual offence investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/* Investigation status values, as stored. */
#define SOT_STATUS_OPEN      "open"
#define SOT_STATUS_WITH_CPS  "with-cps"
#define SOT_STATUS_CHARGED   "charged"
#define SOT_STATUS_FINALISED "finalised"

#define SOT_TYPE_INVESTIGATION (sot_investigation_get_type ())
G_DECLARE_FINAL_TYPE (SotInvestigation, sot_investigation, SOT, INVESTIGATION, GObject)

/* A problem found by sot_investigation_check(): which field, and why, for inline validation. */
typedef struct {
  char *field;     /* a property name: "crime-reference", "reported-on", … */
  char *message;   /* a translated sentence */
} SotFieldProblem;

/* Returns: (transfer full): an empty investigation, status open. */
SotInvestigation *sot_investigation_new              (void);
/* Returns: (transfer full): a copy with every property, to edit without touching @self. */
SotInvestigation *sot_investigation_copy             (SotInvestigation *self);

gint64       sot_investigation_get_id                (SotInvestigation *self);
const char  *sot_investigation_get_uuid              (SotInvestigation *self);
const char  *sot_investigation_get_crime_reference   (SotInvestigation *self);
const char  *sot_investigation_get_offence_type      (SotInvestigation *self);
/* Offence time range as stored ISO 8601 UTC; @until is %NULL for a single time. */
const char  *sot_investigation_get_offence_from      (SotInvestigation *self);
const char  *sot_investigation_get_offence_until     (SotInvestigation *self);
const char  *sot_investigation_get_reported_on       (SotInvestigation *self);
const char  *sot_investigation_get_recorded_on       (SotInvestigation *self);
const char  *sot_investigation_get_officer           (SotInvestigation *self);
const char  *sot_investigation_get_status            (SotInvestigation *self);
const char  *sot_investigation_get_outcome_code      (SotInvestigation *self);
const char  *sot_investigation_get_outcome_date      (SotInvestigation *self);
/* The earliest open deadline (ISO 8601 UTC) of the case, or %NULL; computed by the store. */
const char  *sot_investigation_get_next_deadline     (SotInvestigation *self);
/* The offence type's label, filled from the reference data when loaded. */
const char  *sot_investigation_get_offence_label     (SotInvestigation *self);
/* Lower-case text the investigation list searches: crime reference, offence, officer. */
const char  *sot_investigation_get_search_text       (SotInvestigation *self);

void         sot_investigation_set_crime_reference   (SotInvestigation *self,
                                                      const char       *value);
void         sot_investigation_set_offence_type      (SotInvestigation *self,
                                                      const char       *value);
void         sot_investigation_set_offence_from      (SotInvestigation *self,
                                                      const char       *value);
void         sot_investigation_set_offence_until     (SotInvestigation *self,
                                                      const char       *value);
void         sot_investigation_set_reported_on       (SotInvestigation *self,
                                                      const char       *value);
void         sot_investigation_set_recorded_on       (SotInvestigation *self,
                                                      const char       *value);
void         sot_investigation_set_officer           (SotInvestigation *self,
                                                      const char       *value);
void         sot_investigation_set_status            (SotInvestigation *self,
                                                      const char       *value);
void         sot_investigation_set_outcome_code      (SotInvestigation *self,
                                                      const char       *value);
void         sot_investigation_set_outcome_date      (SotInvestigation *self,
                                                      const char       *value);
/* For generators and imports that must reproduce a record's identity; otherwise left %NULL. */
void         sot_investigation_set_uuid              (SotInvestigation *self,
                                                      const char       *value);

/* Returns: the translated label of a status value. */
const char  *sot_investigation_status_label          (const char       *status);
/* Returns: (transfer none): the status values in workflow order, %NULL-terminated. */
const char * const *sot_investigation_statuses       (void);

/**
 * sot_investigation_check:
 * Every validation problem of @self (required fields, impossible dates, report before offence,
 * unknown codes), in field order; uniqueness of the crime reference is checked by the store.
 * Returns: (transfer full) (element-type SotFieldProblem): the problems; empty when valid.
 */
GArray      *sot_investigation_check                 (SotInvestigation *self,
                                                      SotReference     *reference);

/* Whether another investigation than @except_id already uses @crime_reference. */
gboolean     sot_investigation_reference_taken       (SotStore         *store,
                                                      const char       *crime_reference,
                                                      gint64            except_id,
                                                      GError          **error);

/**
 * sot_investigation_insert:
 * Validates and adds @self to @store with a *collect* audit row; sets its id and UUID.
 * Fails with %SOT_STORE_ERROR_INVALID or %SOT_STORE_ERROR_DUPLICATE and writes nothing.
 */
gboolean     sot_investigation_insert                (SotInvestigation *self,
                                                      SotStore         *store,
                                                      GError          **error);

/* Validates and saves an edited @self (matched by UUID) with an *alter* audit row. */
gboolean     sot_investigation_update                (SotInvestigation *self,
                                                      SotStore         *store,
                                                      const char       *reason,
                                                      GError          **error);

/* Erases @self and everything recorded under it, with an *erase* audit row that names only
 * its UUID; @reason must not repeat the erased data. */
gboolean     sot_investigation_erase                 (SotInvestigation *self,
                                                      SotStore         *store,
                                                      const char       *reason,
                                                      GError          **error);

/**
 * sot_investigation_load:
 * Returns: (transfer full): the investigation with @uuid, or %NULL and
 * %SOT_STORE_ERROR_NOT_FOUND. Loading writes no audit row: call sot_investigation_consult().
 */
SotInvestigation *sot_investigation_load             (SotStore         *store,
                                                      const char       *uuid,
                                                      GError          **error);

/* Returns: (transfer full): the UUID of the investigation with row id @id, or %NULL and
 * %SOT_STORE_ERROR_NOT_FOUND. */
char        *sot_investigation_uuid_for_id           (SotStore         *store,
                                                      gint64            id,
                                                      GError          **error);

/* Records that the operator opened @self (a DPA s.62 *consult* row). */
gboolean     sot_investigation_consult               (SotInvestigation *self,
                                                      SotStore         *store,
                                                      GError          **error);

/* Copies every stored property of @from into @self, notifying only what changed. */
void         sot_investigation_assign                (SotInvestigation *self,
                                                      SotInvestigation *from);

/* For the core's loaders only: builds an investigation from a row of SOT_INVESTIGATION_COLUMNS. */
#define SOT_INVESTIGATION_COLUMNS \
  "i.id, i.uuid, i.crime_reference, i.offence_type, i.offence_from, i.offence_until, " \
  "i.reported_on, i.recorded_on, i.officer, i.status, i.outcome_code, i.outcome_date, " \
  "(SELECT min(d.due_at) FROM deadline d WHERE d.investigation_id = i.id AND d.met_at IS NULL)"
SotInvestigation *sot_investigation_new_from_row     (sqlite3_stmt     *stmt,
                                                      SotReference     *reference);

void         sot_field_problem_clear                 (gpointer          data);

G_END_DECLS
