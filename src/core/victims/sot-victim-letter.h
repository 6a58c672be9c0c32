/* sot-victim-letter.h: the JNAP letters sent to victims
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/* The JNAP victim letters, as stored. */
#define SOT_LETTER_HELLO           "hello"
#define SOT_LETTER_POINT_OF_CHARGE "point-of-charge"
#define SOT_LETTER_NFA             "nfa"

/* Returns: (transfer none): the letter kinds, %NULL-terminated. */
const char * const *sot_victim_letter_kinds       (void);
/* Returns: the translated name of a letter kind ("“Hello” letter", …). */
const char  *sot_victim_letter_label              (const char *kind);

typedef struct {
  char *uuid;
  char *kind;
  char *sent_on;
  char *sent_by;
  gint64 victim_id;  /* the victim written to; 0 when not recorded */
} SotVictimLetter;

void         sot_victim_letter_free               (SotVictimLetter *letter);

/**
 * sot_victim_letter_add:
 * Records that the letter @kind was sent on @sent_on (YYYY-MM-DD) by @sent_by, to
 * @victim_id (0: the first victim). @uuid may be %NULL.
 */
gboolean     sot_victim_letter_add                (SotStore    *store,
                                                   gint64       investigation_id,
                                                   gint64       victim_id,
                                                   const char  *kind,
                                                   const char  *sent_on,
                                                   const char  *sent_by,
                                                   const char  *uuid,
                                                   GError     **error);

/* Returns: (transfer full) (element-type SotVictimLetter): the letters, in date order. */
GPtrArray   *sot_victim_letter_list               (SotStore    *store,
                                                   gint64       investigation_id,
                                                   GError     **error);

G_END_DECLS
