/* sot-cli-suspects.h: what soteria-cli info reports about suspect focus
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/**
 * sot_cli_suspects_info:
 * Appends the suspect-focus lines of `soteria-cli info` to @out: "lines_of_enquiry: N".
 * (The main command prints suspects and repeat_suspects itself.)
 */
void sot_cli_suspects_info (SotStore *store,
                            GString  *out);

G_END_DECLS
