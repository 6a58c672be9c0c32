/* sot-person.h: victims, suspects and witnesses, their facts apart from their identifiers
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

typedef enum {
  SOT_ROLE_VICTIM,
  SOT_ROLE_SUSPECT,
  SOT_ROLE_WITNESS,
} SotRole;

/* Victim–suspect relationship categories (the Soteria academics' harmonised variable). */
#define SOT_RELATIONSHIP_STRANGER     "stranger"
#define SOT_RELATIONSHIP_FAMILY       "family"
#define SOT_RELATIONSHIP_ACQUAINTANCE "acquaintance"
#define SOT_RELATIONSHIP_INTIMATE     "intimate"
#define SOT_RELATIONSHIP_OTHER        "other"
#define SOT_RELATIONSHIP_UNKNOWN      "unknown"

/**
 * SotPersonDetails:
 * What is recorded of one person in one investigation. The first group are facts of the case
 * (exportable after banding); the second are identifiers, stored in a separate table that no
 * export reads. Fields that do not apply to a role are ignored. Strings may be %NULL.
 */
typedef struct {
  const char *uuid;             /* %NULL: a random one is made */
  const char *sex;              /* female, male, other, unknown */
  int         age_at_offence;   /* -1 when not known */
  const char *ethnicity;        /* white, black, asian, other, unknown */
  const char *relationship;     /* suspects: SOT_RELATIONSHIP_* */
  gint64      suspect_person_id; /* suspects: the person linked across cases; 0 for a new one */
  const char *suspect_person_uuid; /* suspects: UUID for a new person; %NULL: a random one */
  const char *witness_kind;     /* witnesses: first-account, eyewitness, professional, other */

  const char *given_name;
  const char *family_name;
  const char *date_of_birth;    /* YYYY-MM-DD */
  const char *local_person_id;  /* suspects: the force's own person reference */
  const char *address;
  const char *phone;
  const char *account;          /* a free-text account */
} SotPersonDetails;

/* Returns: the table name of @role ("victim", "suspect", "witness"), also its audit entity. */
const char *sot_role_entity_type (SotRole role);

/**
 * sot_person_add:
 * Records a person in @role under the investigation @investigation_id, facts and identifiers
 * in their separate tables, with one *collect* audit row. A suspect with suspect_person_id 0
 * becomes a new suspect person. Returns the new row id in @out_id when not %NULL.
 */
gboolean    sot_person_add       (SotStore               *store,
                                  SotRole                 role,
                                  gint64                  investigation_id,
                                  const SotPersonDetails *details,
                                  gint64                 *out_id,
                                  GError                **error);

/* Returns: the number of distinct suspect persons linked to more than one investigation. */
gint64      sot_person_count_repeat_suspects (SotStore  *store,
                                              GError   **error);

G_END_DECLS
