/* sot-generator-victim-cps.h: the generator's part for victim contact and CPS joint working
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-generator-private.h"

G_BEGIN_DECLS

/**
 * sot_generator_part_victim_cps:
 * Adds to the case just generated, from @ctx->rand only: the contact agreed with the victim,
 * Victims' Code Right 6 events about its suspects with contacts that meet some deadlines on
 * time, some late and leave a few recent ones open, an ISVA on part of the cases, the JNAP
 * letters, early advice inside and outside 21 days, and for cases with the CPS, charged or
 * finalised: charging files, a CPS decision of every kind per suspect, action plans and charge
 * dates. Events on days outside the bank-holiday table (historic cases) get no Right 6 record.
 * A #SotGeneratorPart.
 */
gboolean sot_generator_part_victim_cps (SotGeneratorContext    *ctx,
                                        const SotGeneratorCase *gcase,
                                        GError                **error);

G_END_DECLS
