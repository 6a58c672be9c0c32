/* sot-generator-private.h: what the parts of the fictional-case generator share
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-checklist.h"
#include "sot-generator.h"

G_BEGIN_DECLS

/* The running generator. Every random choice comes from @rand, in a fixed order, so that the
 * same seed and day reproduce the same workspace. */
typedef struct {
  SotStore     *store;
  GRand        *rand;
  GDate         today;
  SotChecklist *checklist;  /* the built-in checklist, loaded once a run when first needed */
  struct _SotGeneratorDue *due;  /* the due part's own state (sot-generator-due.h) */
} SotGeneratorContext;

/* The case just written, handed to each part that adds records to it. */
typedef struct {
  guint        index;             /* 0-based position in the run */
  gint64       investigation_id;
  const char  *investigation_uuid;
  const char  *crime_reference;
  GDateTime   *offence_from;      /* UTC */
  GDateTime   *offence_until;     /* UTC, or %NULL */
  GDate        reported;
  const char  *status;
  const char  *outcome_code;      /* or %NULL while open */
  const char  *officer;
  gint64       victim_id;
  gboolean     victim_enhanced;
  GArray      *suspect_ids;       /* gint64 row ids, possibly empty */
} SotGeneratorCase;

/* Adds one area's records (suspect focus, forensics, victim contact, …) to a generated case. */
typedef gboolean (*SotGeneratorPart) (SotGeneratorContext    *ctx,
                                      const SotGeneratorCase *gcase,
                                      GError                **error);

/* Helpers for the parts. */
gboolean    sot_generator_chance     (SotGeneratorContext *ctx,
                                      double               probability);
int         sot_generator_range      (SotGeneratorContext *ctx,
                                      int                  begin,
                                      int                  end);
/* Returns: (transfer full): a UUID drawn from the seeded generator. */
char       *sot_generator_uuid       (SotGeneratorContext *ctx);
/* sot_generator_uuid() as a #SotUuidFunc on @ctx, for sot_store_set_uuid_func(). */
char       *sot_generator_uuid_func  (gpointer             ctx);

G_END_DECLS
