/* sot-reference.h: reference data (outcome codes, offence types) from the GResource
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SOT_TYPE_REFERENCE (sot_reference_get_type ())
G_DECLARE_FINAL_TYPE (SotReference, sot_reference, SOT, REFERENCE, GObject)

/* Soteria outcome groups (the academics' harmonised grouping of Home Office outcome codes). */
#define SOT_OUTCOME_GROUP_CHARGED                  "charged"
#define SOT_OUTCOME_GROUP_OTHER_SANCTION           "other-sanction"
#define SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED    "prosecution-prevented"
#define SOT_OUTCOME_GROUP_EVIDENTIAL_VICTIM        "evidential-victim"
#define SOT_OUTCOME_GROUP_EVIDENTIAL_INVESTIGATION "evidential-investigation"
#define SOT_OUTCOME_GROUP_TRANSFERRED              "transferred"
#define SOT_OUTCOME_GROUP_UNKNOWN                  "unknown"

/**
 * sot_reference_new:
 * Loads the outcome codes and offence types compiled into the program.
 * Returns: (transfer full): the reference data, or %NULL with @error set.
 */
SotReference       *sot_reference_new                     (GError       **error);

/* Returns: (transfer none): the outcome codes in their official order ("1", "1A", "2", …). */
const char * const *sot_reference_get_outcome_codes       (SotReference  *self);
gboolean            sot_reference_has_outcome             (SotReference  *self,
                                                           const char    *code);
/* Returns: (transfer none) (nullable): the code's meaning, untranslated (reference wording). */
const char         *sot_reference_get_outcome_label       (SotReference  *self,
                                                           const char    *code);
/* Returns: (transfer none) (nullable): the Soteria group id (SOT_OUTCOME_GROUP_*). */
const char         *sot_reference_get_outcome_group       (SotReference  *self,
                                                           const char    *code);
/* Whether the code's wording was confirmed against a source (see DOMAIN.md §4.1). */
gboolean            sot_reference_get_outcome_confirmed   (SotReference  *self,
                                                           const char    *code);

/* Returns: (transfer none): the offence type ids in display order. */
const char * const *sot_reference_get_offence_types       (SotReference  *self);
gboolean            sot_reference_has_offence_type        (SotReference  *self,
                                                           const char    *offence_type);
/* Returns: (transfer none) (nullable): the offence type's label. */
const char         *sot_reference_get_offence_label       (SotReference  *self,
                                                           const char    *offence_type);
/* Whether the offence type is a child-victim variant. */
gboolean            sot_reference_get_offence_is_child    (SotReference  *self,
                                                           const char    *offence_type);

/* Returns: (transfer none): the translated name of a Soteria outcome group. */
const char         *sot_outcome_group_label               (const char    *group);

/* Whether @code means "no suspect identified" (outcome 14 or 18). */
gboolean            sot_outcome_is_no_suspect_identified  (const char    *code);

G_END_DECLS
