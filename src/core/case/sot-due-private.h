/* sot-due-private.h: what the sources of the due list share with it
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-due.h"

G_BEGIN_DECLS

/* A case as the sources need it. */
typedef struct {
  gint64  id;
  char   *uuid;
  char   *crime_reference;
  char   *officer;
  char   *offence_from;
  char   *offence_until;
  char   *status;
} SotDueCase;

typedef struct {
  SotStore   *store;
  gint64      investigation_id;    /* 0: every case */
  GDateTime  *now;
  GDate       today;
  gboolean    include_met;
  GHashTable *cases;               /* gint64* id → SotDueCase */
  GPtrArray  *items;               /* of SotDue */
} SotDueContext;

/**
 * _sot_due_add:
 * Adds an item of @kind about case @investigation_id due at @due (or %NULL), done when @met.
 * @owner %NULL is the case's officer. Takes nothing: copies what it keeps.
 */
void         _sot_due_add                   (SotDueContext *ctx,
                                             gint64         investigation_id,
                                             SotDueKind     kind,
                                             const char    *what,
                                             GDateTime     *due,
                                             gboolean       met,
                                             const char    *owner,
                                             const char    *source_uuid,
                                             const char    *when_text);

/* The end (23:59:59 UK) of a day, as a UTC time. */
GDateTime   *_sot_due_end_of_day            (const GDate   *day);

/* The sources: each adds its items to @ctx. */
gboolean     _sot_due_add_forensic_windows  (SotDueContext *ctx, GError **error);
gboolean     _sot_due_add_lines             (SotDueContext *ctx, GError **error);
gboolean     _sot_due_add_devices           (SotDueContext *ctx, GError **error);
gboolean     _sot_due_add_deadlines         (SotDueContext *ctx, GError **error);
gboolean     _sot_due_add_early_advice      (SotDueContext *ctx, GError **error);
gboolean     _sot_due_add_bail              (SotDueContext *ctx, GError **error);
gboolean     _sot_due_add_rui               (SotDueContext *ctx, GError **error);
gboolean     _sot_due_add_right_to_review   (SotDueContext *ctx, GError **error);

G_END_DECLS
