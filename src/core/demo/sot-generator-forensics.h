/* sot-generator-forensics.h: the forensic part of the fictional-case generator
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-generator-private.h"

G_BEGIN_DECLS

/**
 * sot_generator_part_forensics:
 * Adds, on a share of cases and from @ctx->rand only, exhibits with complete and broken
 * continuity chains (wrong from-holder, time going backwards, never booked into storage, the
 * odd correction), forensic samples taken in and out of their window, victims' devices
 * returned within and after 24 hours, suspects' devices, and third-party material requests.
 * Nothing is dated after the start of @ctx->today.
 */
gboolean sot_generator_part_forensics (SotGeneratorContext    *ctx,
                                       const SotGeneratorCase *gcase,
                                       GError                **error);

G_END_DECLS
