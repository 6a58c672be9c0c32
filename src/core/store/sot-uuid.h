/* sot-uuid.h: name-based UUIDs for records derived from a record
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sot_derive_uuid:
 * Returns: (transfer full): a name-based UUID made from @base and @name (SHA-1, version 5
 * layout), so records derived from a record have stable identities (the generator's
 * determinism, merges).
 */
char        *sot_derive_uuid                      (const char  *base,
                                                   const char  *name);

G_END_DECLS
