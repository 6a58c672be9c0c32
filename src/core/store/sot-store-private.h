/* sot-store-private.h: the store's instance, shared by the files that make up SotStore
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-calendar.h"
#include "sot-store.h"

G_BEGIN_DECLS

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct {
  char *entity_type;
  char *action;
  char *entity_uuid;
} PendingChange;

struct _SotStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *operator_name;
  GDateTime  *clock;
  GTimeSpan   clock_offset; /* the training clock: added to "now", never to audit times */
  SotReference *reference;
  SotCalendar *calendar;    /* loaded when first needed */
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GArray     *pending;      /* PendingChange, emitted after the outermost commit */
  guint       depth;        /* transaction nesting */

  /* The last audit row written in the open transaction, so the next one need not read it
   * back. Forgotten on any rollback and at the start of every outer transaction, when another
   * connection may have written since. */
  gint64      audit_last_id;
  char       *audit_last_hash;
  /* The head of the log before the first audit row of the open outer transaction; set once
   * that transaction has written an audit row, for the anchor written at its commit. */
  gint64      audit_start_id;
  char       *audit_start_hash;
  int         schema_version;
  guint       training : 1;
  guint       read_only : 1;  /* opened for reading: never migrates, never writes */
  guint       anchored : 1;   /* a file whose audit head is kept in <path>.anchor */

  SotUuidFunc uuid_func;      /* NULL: random */
  gpointer    uuid_data;
};

/* Emits SotStore::clock-changed, once the training clock (sot-training-clock.c) has moved. */
void         _sot_store_clock_changed      (SotStore           *self);

/* Opens the connection of @self on @path after the checks of sot-store-open.c; sets
 * self->db, self->schema_version, self->read_only and self->anchored. */
gboolean     sot_store_open_connection     (SotStore           *self,
                                            const char         *path,
                                            SotStoreOpenFlags   flags,
                                            gboolean           *out_created,
                                            GError            **error);

/* The id and hash of the last audit row (0 and the genesis hash for an empty log). */
gboolean     sot_store_read_audit_head     (SotStore           *self,
                                            gint64             *id,
                                            char              **hash,
                                            GError            **error);

/* The hash of audit row @id, or %NULL (without @error) when there is no such row. */
char        *sot_store_audit_hash_at       (SotStore           *self,
                                            gint64              id,
                                            GError            **error);

int          sot_store_map_sqlite_code     (int                 code);

G_END_DECLS
