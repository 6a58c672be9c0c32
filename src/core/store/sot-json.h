/* sot-json.h: JSON text as the export and the command line write it
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * sot_json_to_string:
 * @root: the document, built with #JsonBuilder
 *
 * Writes @root as json-glib pretty-prints it (two spaces a level), with `"name": value`
 * members and a final newline.
 * Returns: (transfer full): the text
 */
char *sot_json_to_string  (JsonNode           *root);

/* Members of the object being built: a string (null for %NULL), an integer, a boolean, an
 * array of strings. */
void  sot_json_add_string (JsonBuilder        *b,
                           const char         *name,
                           const char         *value);
void  sot_json_add_int    (JsonBuilder        *b,
                           const char         *name,
                           gint64              value);
void  sot_json_add_bool   (JsonBuilder        *b,
                           const char         *name,
                           gboolean            value);
void  sot_json_add_strv   (JsonBuilder        *b,
                           const char         *name,
                           const char * const *values);

G_END_DECLS
