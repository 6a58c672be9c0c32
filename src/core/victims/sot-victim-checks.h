/* sot-victim-checks.h: what the victims' writers check before they write
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/* For the files of src/core/victims only. */

/* Sets @error to %SOT_STORE_ERROR_INVALID with @message. Returns: %FALSE. */
gboolean     sot_victim_invalid                   (GError     **error,
                                                   const char  *message);

/* An optional date: %NULL or empty is fine, anything else must be a real YYYY-MM-DD. */
gboolean     sot_victim_check_optional_date       (const char  *text,
                                                   GError     **error);

/* A required date: @what names it in the message when it is missing. */
gboolean     sot_victim_check_required_date       (const char  *text,
                                                   const char  *what,
                                                   GError     **error);

/* sot_victim_check_required_date() that also gives the date in @date. */
gboolean     sot_victim_parse_required_date       (const char  *text,
                                                   const char  *what,
                                                   GDate       *date,
                                                   GError     **error);

/**
 * sot_victim_lookup:
 * The victim's investigation, and the UUIDs of both (each out argument may be %NULL). Fails
 * with %SOT_STORE_ERROR_NOT_FOUND when there is no victim @victim_id.
 */
gboolean     sot_victim_lookup                    (SotStore    *store,
                                                   gint64       victim_id,
                                                   gint64      *investigation_id,
                                                   char       **victim_uuid,
                                                   char       **investigation_uuid,
                                                   GError     **error);

/* Returns: the first victim recorded in an investigation, 0 when there is none, -1 on error. */
gint64       sot_victim_first                     (SotStore    *store,
                                                   gint64       investigation_id,
                                                   GError     **error);

/* Fails with %SOT_STORE_ERROR_INVALID unless @suspect_id is a suspect of @investigation_id. */
gboolean     sot_victim_check_suspect             (SotStore    *store,
                                                   gint64       investigation_id,
                                                   gint64       suspect_id,
                                                   GError     **error);

G_END_DECLS
