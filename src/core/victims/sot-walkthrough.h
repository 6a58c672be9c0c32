/* sot-walkthrough.h: the digital walkthrough, a victim's plain-language guide to their case
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/* The languages a walkthrough is written in (victim.language). */
#define SOT_LANGUAGE_ENGLISH "en"
#define SOT_LANGUAGE_WELSH   "cy"

typedef enum {
  SOT_WALKTHROUGH_TITLE,
  SOT_WALKTHROUGH_HEADING,
  SOT_WALKTHROUGH_PARAGRAPH,
  SOT_WALKTHROUGH_STAGE,      /* a step of the process: @text its name, @detail what it is */
  SOT_WALKTHROUGH_BULLET,
} SotWalkthroughKind;

/* One piece of the guide, in reading order. */
typedef struct {
  SotWalkthroughKind kind;
  char              *text;
  char              *detail;  /* a stage's explanation, or %NULL */
  char              *mark;    /* a stage's "Done" / "Your case is here", or %NULL */
} SotWalkthroughBlock;

/*
 * The guide says where the case stands (report, investigation, early advice, charging decision,
 * court), what happens next, the agreed update and when the next one is due, the ISVA, the
 * victim's rights under the Victims' Code and whom to contact. It is built from the case's
 * status, CPS records, the victim's agreement and ISVA only: never from a suspect's, witness's
 * or other victim's record, nor from evidence. The texts are reference data
 * (reference/walkthrough-LANG.ini), not gettext translations.
 */

/**
 * sot_walkthrough_build:
 * @language: (nullable): %SOT_LANGUAGE_ENGLISH or %SOT_LANGUAGE_WELSH; %NULL: the victim's
 *   recorded preference
 * Returns: (transfer full) (element-type SotWalkthroughBlock): the guide for the victim
 *   @victim_uuid, or %NULL with @error set.
 */
GPtrArray *sot_walkthrough_build        (SotStore    *store,
                                         const char  *victim_uuid,
                                         const char  *language,
                                         GError     **error);

/* Returns: (transfer full): the text of @blocks, one block a line (for tests and checks). */
char      *sot_walkthrough_to_text      (GPtrArray   *blocks);

/**
 * sot_walkthrough_write_pdf:
 * Writes the guide of sot_walkthrough_build() to @path as an A4 PDF and records it as a
 * disclosure of the victim's record to the victim (one audit row, recipient "victim").
 * Returns: %TRUE on success, or %FALSE with @error set (nothing written, nothing audited).
 */
gboolean   sot_walkthrough_write_pdf    (SotStore    *store,
                                         const char  *victim_uuid,
                                         const char  *language,
                                         const char  *path,
                                         GError     **error);

/**
 * sot_walkthrough_first_victim:
 * Returns: (transfer full): the UUID of the first victim of the case @crime_reference, or
 *   %NULL with %SOT_STORE_ERROR_NOT_FOUND.
 */
char      *sot_walkthrough_first_victim (SotStore    *store,
                                         const char  *crime_reference,
                                         GError     **error);

/**
 * sot_victim_set_language:
 * Records the language the victim @victim_uuid reads (%SOT_LANGUAGE_*), audited as an
 * alteration of the victim.
 */
gboolean   sot_victim_set_language      (SotStore    *store,
                                         const char  *victim_uuid,
                                         const char  *language,
                                         GError     **error);

/* Returns: (transfer full): the language recorded for the victim @victim_uuid ("en" when unknown). */
char      *sot_victim_get_language      (SotStore    *store,
                                         const char  *victim_uuid);

G_END_DECLS
