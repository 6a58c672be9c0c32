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

#define SOT_TYPE_VICTIM_LETTER (sot_victim_letter_get_type ())
G_DECLARE_FINAL_TYPE (SotVictimLetter, sot_victim_letter, SOT, VICTIM_LETTER, GObject)

/* A letter sent to a victim. The getters read the properties of the same names. */
const char  *sot_victim_letter_get_uuid      (SotVictimLetter *self);
const char  *sot_victim_letter_get_kind      (SotVictimLetter *self);
const char  *sot_victim_letter_get_sent_on   (SotVictimLetter *self);
const char  *sot_victim_letter_get_sent_by   (SotVictimLetter *self);
gint64       sot_victim_letter_get_victim_id (SotVictimLetter *self);

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

/* Returns: (transfer full): a #GListModel of #SotVictimLetter, the letters, in date order. */
GListModel  *sot_victim_letter_list               (SotStore    *store,
                                                   gint64       investigation_id,
                                                   GError     **error);

G_END_DECLS
