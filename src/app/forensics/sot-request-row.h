/* sot-request-row.h: a request for third-party material, with its outcome
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-device.h"

G_BEGIN_DECLS

#define SOT_TYPE_REQUEST_ROW (sot_request_row_get_type ())
G_DECLARE_FINAL_TYPE (SotRequestRow, sot_request_row, SOT, REQUEST_ROW, AdwActionRow)

/* Shows @request, with a button for the page's "forensics-page.outcome" action.
 * Returns: (transfer floating): the row. */
GtkWidget            *sot_request_row_new         (SotThirdPartyRequest *request);

/* Returns: (transfer none): the request shown. */
SotThirdPartyRequest *sot_request_row_get_request (SotRequestRow        *self);

G_END_DECLS
