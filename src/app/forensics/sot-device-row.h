/* sot-device-row.h: a digital device taken, with its legal basis and time held
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-device.h"

G_BEGIN_DECLS

#define SOT_TYPE_DEVICE_ROW (sot_device_row_get_type ())
G_DECLARE_FINAL_TYPE (SotDeviceRow, sot_device_row, SOT, DEVICE_ROW, AdwActionRow)

/* Shows @device as at @now: the 24-hour flag when it was held longer, and a button for the
 * page's "forensics-page.record-return" action while it is held. Returns: (transfer floating). */
GtkWidget  *sot_device_row_new        (SotDevice    *device,
                                       GDateTime    *now);

/* Returns: (transfer none): the device shown. */
SotDevice  *sot_device_row_get_device (SotDeviceRow *self);

/* Returns: (nullable): the 24-hour flag shown, or %NULL. */
const char *sot_device_row_get_flag   (SotDeviceRow *self);

G_END_DECLS
