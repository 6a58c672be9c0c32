/* sot-isva.h: the Independent Sexual Violence Advisers supporting victims
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *uuid;           /* %NULL: a random one (add); the record to change (update) */
  const char *service;        /* required */
  const char *name;           /* the adviser, a staff name; may be %NULL */
  gboolean    consent_to_share;
  const char *consent_on;     /* YYYY-MM-DD or %NULL */
  const char *referred_on;
  const char *ended_on;
} SotIsvaDetails;

typedef struct {
  char    *uuid;
  gint64   victim_id;
  char    *service;
  char    *name;
  gboolean consent_to_share;
  char    *consent_on;
  char    *referred_on;
  char    *ended_on;
} SotIsva;

void         sot_isva_free                        (SotIsva *isva);

/* Adds the ISVA supporting @victim_id (a *collect* audit row). */
gboolean     sot_isva_add                         (SotStore             *store,
                                                   gint64                victim_id,
                                                   const SotIsvaDetails *details,
                                                   GError              **error);
/* Changes the ISVA named by @details->uuid (an *alter* audit row). */
gboolean     sot_isva_update                      (SotStore             *store,
                                                   const SotIsvaDetails *details,
                                                   GError              **error);
/* Returns: (transfer full) (element-type SotIsva): the ISVAs of the investigation. */
GPtrArray   *sot_isva_list                        (SotStore             *store,
                                                   gint64                investigation_id,
                                                   GError              **error);

G_END_DECLS
