/* sot-audit-anchor.h: the head of the audit log kept outside the workspace, and its short code
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sot-store.h"

G_BEGIN_DECLS

/* The name an anchor is written under before it is renamed over the anchor. */
#define SOT_AUDIT_ANCHOR_TEMPORARY_SUFFIX ".new"

#define SOT_AUDIT_ANCHOR_ERROR (sot_audit_anchor_error_quark ())

/* Why the audit log does not end where its anchor (or a written-down code) says it does. */
typedef enum {
  SOT_AUDIT_ANCHOR_ERROR_MISSING,    /* no anchor beside the workspace */
  SOT_AUDIT_ANCHOR_ERROR_CUT,        /* rows were removed from the end of the log */
  SOT_AUDIT_ANCHOR_ERROR_OLDER,      /* the anchor is an older one (the log goes on past it) */
  SOT_AUDIT_ANCHOR_ERROR_DIFFERENT,  /* the row the anchor names is not in the log */
  SOT_AUDIT_ANCHOR_ERROR_BAD_CODE,   /* a code that is not one `audit anchor` prints */
} SotAuditAnchorError;

/* The head of the audit log: how many rows it holds and the hash of the last (64 hex). */
typedef struct {
  gint64 count;
  char   hash[65];
} SotAuditHead;

/* What sot_audit_anchor_begin_commit() holds until sot_audit_anchor_end_commit(). */
typedef struct {
  int      lock_fd;   /* the folder, locked; -1 when it could not be */
  gboolean armed;     /* the anchor records the commit as pending */
} SotAnchorCommit;

GQuark       sot_audit_anchor_error_quark  (void);

/* Returns: (transfer full): the anchor file of the workspace @path: "@path.anchor". */
char        *sot_audit_anchor_path         (const char          *path);

/**
 * sot_audit_anchor_code:
 * The short code of @head a supervisor can write down: the record count and the first 16 hex
 * digits of the last record's hash, in groups of four ("1234-89ab-cdef-0123-4567").
 * Returns: (transfer full): the code.
 */
char        *sot_audit_anchor_code         (const SotAuditHead  *head);

/**
 * sot_audit_anchor_begin_commit / sot_audit_anchor_end_commit:
 * The store's commit path (not for other callers). Before the commit of a transaction that
 * moved the head of @path's log from @start to @end, the anchor is locked and records @end as
 * pending, so a crash on either side of the commit leaves an anchor that agrees with the file;
 * after it, @end becomes the head. An anchor that disagrees with @start is kept as it is (it
 * is the evidence of a cut) and a warning is logged.
 * Returns: %FALSE with @error set when the anchor cannot be written: the write must not
 *   commit. @state is handed to sot_audit_anchor_end_commit() in every case.
 */
gboolean     sot_audit_anchor_begin_commit (const char          *path,
                                            const SotAuditHead  *start,
                                            const SotAuditHead  *end,
                                            SotAnchorCommit     *state,
                                            GError             **error);
void         sot_audit_anchor_end_commit   (const char          *path,
                                            const SotAuditHead  *end,
                                            SotAnchorCommit     *state,
                                            gboolean             committed);

/**
 * sot_store_audit_head:
 * Walks the audit chain (sot_store_verify_audit()) and fills @head with its end.
 */
gboolean     sot_store_audit_head          (SotStore            *store,
                                            SotAuditHead        *head,
                                            GError             **error);

/**
 * sot_store_verify_anchor:
 * Walks the audit chain and compares its end with the anchor beside the workspace and, when
 * @expect_code is not %NULL, with that code (a code older than the log is accepted when the
 * log still holds the record it names). A missing, older or different anchor, or rows cut
 * from the end, fail with %SOT_AUDIT_ANCHOR_ERROR and a message naming both counts.
 * Returns: %TRUE and the end of the log in @head when everything agrees.
 */
gboolean     sot_store_verify_anchor       (SotStore            *store,
                                            const char          *expect_code,
                                            SotAuditHead        *head,
                                            GError             **error);

G_END_DECLS
