/* sot-forensics-ui.h: small pieces the Forensics page, its rows and its dialogs share
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Tells of a failed save in a message dialog over @parent: @heading, then the error's text. */
void       sot_forensics_ui_show_error     (GtkWindow    *parent,
                                            const char   *heading,
                                            const GError *error);

/* Returns: (transfer floating): a dim row that stands in an empty list, saying @text. */
GtkWidget *sot_forensics_ui_placeholder    (const char   *text);

/* Returns: (transfer floating): a row of plain text (never markup); @subtitle may be %NULL. */
GtkWidget *sot_forensics_ui_action_row     (const char   *title,
                                            const char   *subtitle);

/* Returns: (transfer floating): a small bold label for a row's suffix, in @css_class colour. */
GtkWidget *sot_forensics_ui_badge          (const char   *text,
                                            const char   *css_class);

/* Returns: (transfer full) (nullable): a stored time as shown ("20 Apr 2024 13:00 BST"), or a
 * copy of @stored when it does not parse. */
char      *sot_forensics_ui_format_stored  (const char   *stored);

/* Returns: (transfer full) (nullable): a stored UTC time as the user types it, UK local
 * "YYYY-MM-DD HH:MM"; %NULL for %NULL or a time that does not parse. */
char      *sot_forensics_ui_stored_for_entry (const char *stored);

/* Returns: (transfer full): @now as the user types a time, UK local "YYYY-MM-DD HH:MM". */
char      *sot_forensics_ui_time_for_entry (GDateTime    *now);

/* Returns: (transfer full): the UK date of @now, "YYYY-MM-DD". */
char      *sot_forensics_ui_date_for_entry (GDateTime    *now);

G_END_DECLS
