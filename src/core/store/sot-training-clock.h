/* sot-training-clock.h: the training clock, which moves "now" forward in a training workspace
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/*
 * A trainer shows time passing (a forensic window closing, a Right 6 deadline falling due)
 * without waiting: the clock of a training workspace runs ahead of the real time by an offset
 * kept in the workspace (key "training_clock_offset", whole seconds) and applied whenever the
 * workspace is opened. Everything computed from sot_store_now() follows it, and so do the
 * times of events recorded while it is moved, so that the fictional case stays consistent.
 * Audit rows keep the real time (sot_store_real_now()): moving the clock is never a way to
 * date what an operator did. Moving it is itself audited (an alteration of the workspace).
 * A real workspace refuses every move with %SOT_STORE_ERROR_INVALID.
 */

/**
 * sot_training_clock_set:
 * @to: (nullable): the time the clock is to show; %NULL returns it to the real time
 *
 * Moves the training clock to @to, which must not be before the real time.
 * Emits #SotStore::clock-changed.
 * Returns: %TRUE on success, or %FALSE with @error set.
 */
gboolean sot_training_clock_set      (SotStore   *store,
                                      GDateTime  *to,
                                      GError    **error);

/**
 * sot_training_clock_advance:
 * Moves the training clock forward by @by (positive, at least a second).
 * Returns: %TRUE on success, or %FALSE with @error set.
 */
gboolean sot_training_clock_advance  (SotStore   *store,
                                      GTimeSpan   by,
                                      GError    **error);

/* Whether the clock of @store runs ahead of the real time. */
gboolean sot_training_clock_is_moved (SotStore   *store);

G_END_DECLS
