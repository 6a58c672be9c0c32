/* sot-cli-suspects.c: what soteria-cli info reports about suspect focus
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soteria-cli"

#include "config.h"

#include "sot-cli-suspects.h"
#include "sot-line-of-enquiry.h"

void
sot_cli_suspects_info (SotStore *store,
                       GString  *out)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  g_return_if_fail (SOT_IS_STORE (store));
  g_return_if_fail (out != NULL);

  n = sot_line_of_enquiry_count (store, &error);

  /* The figure is machine-read: a failure says so on its own line rather than printing 0. */
  if (n < 0)
    g_string_append_printf (out, "lines_of_enquiry: error: %s\n", error->message);
  else
    g_string_append_printf (out, "lines_of_enquiry: %" G_GINT64_FORMAT "\n", n);
}
