/* sot-generator.h: the deterministic generator of fictional cases (demo and training data)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/* Called now and then with the number of investigations made so far. */
typedef void (*SotGeneratorProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/**
 * sot_generator_fill:
 * Fills @store with @n_investigations fictional investigations (visibly fictional names,
 * "TRN" crime references, phone numbers from the range Ofcom reserves for drama) through the
 * audited write path, in one transaction. Dates run back from @today (the store's clock when
 * %NULL): the same @seed and @today give the same cases, record for record.
 */
gboolean sot_generator_fill (SotStore             *store,
                             guint                 n_investigations,
                             guint64               seed,
                             const GDate          *today,
                             SotGeneratorProgress  progress,
                             gpointer              user_data,
                             GCancellable         *cancellable,
                             GError              **error);

G_END_DECLS
