/* sot-generator-due.h: the generator's part for what is due: bail, decisions, devices held
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-generator-private.h"

G_BEGIN_DECLS

/* The part's own state for a run: its random generator and what it has made so far. */
typedef struct _SotGeneratorDue SotGeneratorDue;

/* Returns: (transfer full): the state of a run with @seed; free with sot_generator_due_free(). */
SotGeneratorDue *sot_generator_due_new  (guint64          seed);
void             sot_generator_due_free (SotGeneratorDue *due);

/**
 * sot_generator_part_due:
 * Adds to the case just generated what makes every clock of the Due view show: pre-charge
 * bail records (with extensions in the statutory order, the victim's views sought on most) for
 * its suspects on bail while the case is open, Victims' Code Right 6 decision events (charge,
 * no further action, out-of-court disposal, discontinuance) for recent decisions, and now and
 * then a victim's device taken days ago and not yet returned. It draws from its own generator
 * in @ctx->due (seeded from the run's seed), never from @ctx->rand, so the records the other
 * parts make stay exactly as they were. A #SotGeneratorPart.
 */
gboolean sot_generator_part_due (SotGeneratorContext    *ctx,
                                 const SotGeneratorCase *gcase,
                                 GError                **error);

G_END_DECLS
