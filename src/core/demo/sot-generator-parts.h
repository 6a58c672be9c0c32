/* sot-generator-parts.h: the parts of the fictional-case generator, one per area of the product
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-generator-private.h"

G_BEGIN_DECLS

/**
 * sot_generator_part_suspect_focus:
 * Adds to a generated case: investigative dates on its suspects (arrest, interview, bail or
 * release under investigation), lines of enquiry in a realistic mix (mostly about the suspect,
 * some about the victim, some overdue against ctx->today, some not pursued with a rationale),
 * the force checklist's proposals on a share of open cases (some accepted, some dismissed with
 * a reason) and disruption options on a share of cases. Every choice comes from ctx->rand.
 */
gboolean sot_generator_part_suspect_focus (SotGeneratorContext    *ctx,
                                           const SotGeneratorCase *gcase,
                                           GError                **error);

G_END_DECLS
