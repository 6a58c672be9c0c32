/* sot-store.h: the workspace database, its migrations and the single audited write path
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "sot-calendar.h"
#include "sot-entity.h"
#include "sot-reference.h"

G_BEGIN_DECLS

#define SOT_STORE_ERROR (sot_store_error_quark ())

typedef enum {
  SOT_STORE_ERROR_FAILED,
  SOT_STORE_ERROR_NOT_FOUND,       /* no such file, or no such record */
  SOT_STORE_ERROR_NOT_A_DATABASE,  /* the file is not a SQLite database */
  SOT_STORE_ERROR_NEWER_SCHEMA,    /* written by a newer program: refused, left untouched */
  SOT_STORE_ERROR_PERMISSION,
  SOT_STORE_ERROR_DISK_FULL,
  SOT_STORE_ERROR_BUSY,
  SOT_STORE_ERROR_DUPLICATE,       /* a unique value (crime reference) is already used */
  SOT_STORE_ERROR_INVALID,         /* a record failed validation */
  SOT_STORE_ERROR_DAMAGED,         /* a SQLite file cut short or failing its checks */
} SotStoreError;

/* SOT_STORE_ERROR_INVALID and SOT_STORE_ERROR_NOT_FOUND are the one domain every area uses for
 * "this value is not acceptable" and "that record is no longer there"; an area defines its own
 * domain only for failures of its own kind (a forbidden transition, a malformed file). */

typedef enum {
  SOT_STORE_OPEN_NONE   = 0,
  SOT_STORE_OPEN_CREATE = 1 << 0,  /* create the file (mode 0600) if it does not exist */
  SOT_STORE_OPEN_READ_ONLY = 1 << 1, /* read and verify only: no migration, no write, no mode
                                      * change; immutable on read-only media */
  SOT_STORE_OPEN_CHECK = 1 << 2,   /* run PRAGMA quick_check first: damage is refused */
} SotStoreOpenFlags;

/* The schema version this program writes; migrations 1..N live in the GResource. */
#define SOT_STORE_SCHEMA_VERSION 6

/* Audit actions of DPA 2018 s.62. */
#define SOT_AUDIT_COLLECT  "collect"
#define SOT_AUDIT_ALTER    "alter"
#define SOT_AUDIT_CONSULT  "consult"
#define SOT_AUDIT_DISCLOSE "disclose"
#define SOT_AUDIT_COMBINE  "combine"
#define SOT_AUDIT_ERASE    "erase"

#define SOT_TYPE_STORE (sot_store_get_type ())
G_DECLARE_FINAL_TYPE (SotStore, sot_store, SOT, STORE, GObject)

GQuark       sot_store_error_quark         (void);

/**
 * sot_store_open:
 * Opens (and with %SOT_STORE_OPEN_CREATE creates) the workspace at @path, or an in-memory one
 * for ":memory:", and migrates it to %SOT_STORE_SCHEMA_VERSION with an audit row. The file is
 * first looked at read-only: anything but a regular file, another program's file
 * (%SOT_STORE_ERROR_NOT_A_DATABASE), a damaged one (%SOT_STORE_ERROR_DAMAGED) or one written
 * by a newer program (%SOT_STORE_ERROR_NEWER_SCHEMA) is refused and left byte for byte as it
 * was, with its -wal. A workspace other users may read is made 0600 (a message is logged).
 * With %SOT_STORE_OPEN_READ_ONLY nothing is written, an older schema is not migrated and an
 * empty file is refused.
 * Returns: (transfer full): the store, or %NULL with @error set.
 */
SotStore    *sot_store_open                (const char         *path,
                                            SotStoreOpenFlags   flags,
                                            GError            **error);

/* The file this store was opened on (":memory:" for an in-memory store). */
const char  *sot_store_get_path            (SotStore           *self);

/* The schema version found in the file (after migration, %SOT_STORE_SCHEMA_VERSION). */
int          sot_store_get_schema_version  (SotStore           *self);

/* Whether this workspace holds fictional training data (set once, when it was created). */
gboolean     sot_store_get_training        (SotStore           *self);

/**
 * sot_store_mark_training:
 * Marks a new, empty workspace as fictional training data; audited as a collection.
 */
gboolean     sot_store_mark_training       (SotStore           *self,
                                            GError            **error);

/* Returns: (transfer none): the reference data (outcome codes, offence types). */
SotReference *sot_store_get_reference      (SotStore           *self);

/**
 * sot_store_get_calendar:
 * The bank holidays the deadlines count with, loaded on first use (they never change).
 * Returns: (transfer none): the calendar, or %NULL with @error set.
 */
SotCalendar *sot_store_get_calendar        (SotStore           *self,
                                            GError            **error);

/* The operator whose name goes into audit records (defaults to the login name). */
const char  *sot_store_get_operator        (SotStore           *self);
void         sot_store_set_operator        (SotStore           *self,
                                            const char         *operator_name);

/**
 * sot_store_operator_identity:
 * How an operator is named in audit rows: "DC Ash Example (1234)" with a collar or warrant
 * number, the name alone without one.
 * Returns: (transfer full) (nullable): the identity, or %NULL when @name is empty (the store
 *   then falls back to the login name).
 */
char        *sot_store_operator_identity   (const char         *name,
                                            const char         *collar_number);

/* Overrides "now" for tests and the generator; %NULL returns to the system clock. */
void         sot_store_set_clock           (SotStore           *self,
                                            GDateTime          *now);
/* Returns: (transfer full): the current time in UTC, as the store sees it: the clock of tests
 * or the system's, moved by the training clock of a training workspace (sot-training-clock.h).
 * Deadlines, windows and the times of recorded events follow it. */
GDateTime   *sot_store_now                 (SotStore           *self);
/* Returns: (transfer full): the current time in UTC without the training clock: the time of
 * audit rows, which always say when something was really done. */
GDateTime   *sot_store_real_now            (SotStore           *self);
/* The training clock's advance on the real time (0 on a real workspace). */
GTimeSpan    sot_store_get_clock_offset    (SotStore           *self);

/**
 * sot_store_begin / sot_store_commit / sot_store_rollback:
 * The transaction every write runs in. Calls nest (an inner call is a savepoint), so a batch,
 * such as the demo generator, can wrap many writes in one transaction. A commit that returned
 * %TRUE at the outermost level is on disk (synchronous=FULL).
 */
gboolean     sot_store_begin               (SotStore           *self,
                                            GError            **error);
gboolean     sot_store_commit              (SotStore           *self,
                                            GError            **error);
void         sot_store_rollback            (SotStore           *self);

/**
 * sot_store_begin_read / sot_store_end_read:
 * A read transaction on each of @stores, connections to one file outside any transaction,
 * all seeing the same state of the workspace: writers are held off until every one has
 * begun. For a reader spread over threads (a connection serves one thread). More than one
 * in-memory store is refused: no other connection can see an in-memory workspace.
 */
gboolean     sot_store_begin_read          (SotStore * const   *stores,
                                            guint               n_stores,
                                            GError            **error);
void         sot_store_end_read            (SotStore           *self);

/* Whether @self is inside a transaction (its changes are not yet visible to other connections). */
gboolean     sot_store_in_transaction      (SotStore           *self);

/**
 * sot_store_audit:
 * Appends one hash-chained row to the audit log. Call only inside sot_store_begin(); write
 * functions in the core do so themselves. @reason and @recipient may be %NULL.
 */
gboolean     sot_store_audit               (SotStore           *self,
                                            const char         *action,
                                            const char         *entity_type,
                                            const char         *entity_uuid,
                                            const char         *reason,
                                            const char         *recipient,
                                            GError            **error);

/**
 * sot_store_audit_change:
 * The audit row of a write (sot_store_audit() without a recipient) and the
 * #SotStore::changed notice for it (sot_store_queue_changed()). Inside sot_store_begin().
 */
gboolean     sot_store_audit_change        (SotStore           *self,
                                            const char         *action,
                                            const char         *entity_type,
                                            const char         *entity_uuid,
                                            const char         *reason,
                                            GError            **error);

/**
 * sot_store_finish_write:
 * Ends the write begun with sot_store_begin(): its audit row and notice
 * (sot_store_audit_change()), a notice that the investigation @investigation_uuid changed too
 * when not %NULL (its next deadline or status may have moved), and the commit. Rolls back
 * when the audit row cannot be written.
 */
gboolean     sot_store_finish_write        (SotStore           *self,
                                            const char         *action,
                                            const char         *entity_type,
                                            const char         *entity_uuid,
                                            const char         *reason,
                                            const char         *investigation_uuid,
                                            GError            **error);

/**
 * SotChange:
 * @action: the audit action (%SOT_AUDIT_COLLECT…)
 * @entity_type: the kind of record written (%SOT_ENTITY_…)
 * @entity_uuid: the record's UUID
 * @reason: (nullable): why, for the audit row
 * @investigation_uuid: (nullable): the case the record belongs to, which is announced as
 *   changed too (its next deadline or status may have moved)
 *
 * What one write changed, for its audit row and its change notices.
 */
typedef struct {
  const char *action;
  const char *entity_type;
  const char *entity_uuid;
  const char *reason;
  const char *investigation_uuid;
} SotChange;

/**
 * sot_store_write_begin / sot_store_write_next / sot_store_write_end:
 * The one write path. sot_store_write_begin() opens the transaction and prepares the first
 * statement; the caller binds it. sot_store_write_next() runs the bound statement and prepares
 * the next one of a write that takes several. sot_store_write_end() runs the last bound
 * statement (or none, for %NULL), appends the audit row of @change, queues its notices and
 * commits. Each rolls back everything on failure and sets @error, prefixed with @what (such as
 * "Cannot save the device"); after a failure the write is over. A check that must read inside
 * the transaction and refuses calls sot_store_write_abort().
 * Returns: (transfer none): the prepared statement, or %NULL on failure.
 */
sqlite3_stmt *sot_store_write_begin        (SotStore           *self,
                                            const char         *sql,
                                            GError            **error);
sqlite3_stmt *sot_store_write_next         (SotStore           *self,
                                            sqlite3_stmt       *done,
                                            const char         *sql,
                                            const char         *what,
                                            GError            **error);
gboolean     sot_store_write_end           (SotStore           *self,
                                            sqlite3_stmt       *last,
                                            const SotChange    *change,
                                            const char         *what,
                                            GError            **error);
void         sot_store_write_abort         (SotStore           *self);

/**
 * sot_store_lookup_id:
 * Runs @sql, a query whose ?1 is bound to @key, and returns column 0 of its first row: the
 * row id of a record found by its UUID, say.
 * Returns: the value, 0 when there is no row, or -1 with @error set when the query fails.
 */
gint64       sot_store_lookup_id           (SotStore           *self,
                                            const char         *sql,
                                            const char         *key,
                                            GError            **error);

/**
 * sot_store_write_require:
 * A check inside a write: when @sql (with ?1 bound to @key) finds no row, abandons the write
 * (sot_store_write_abort()) and fails with %SOT_STORE_ERROR_NOT_FOUND and @message; so an
 * update of a record deleted meanwhile says so instead of changing nothing.
 */
gboolean     sot_store_write_require       (SotStore           *self,
                                            const char         *sql,
                                            const char         *key,
                                            const char         *message,
                                            GError            **error);

/* The row id the last INSERT of this connection made, inside a write. */
gint64       sot_store_last_insert_id      (SotStore           *self);

/* Makes one item of a list from the current row of @stmt. */
typedef gpointer (*SotRowFunc) (sqlite3_stmt *stmt,
                                gpointer      user_data);

/**
 * sot_store_read_list:
 * Runs @sql with ?1 bound to @id (the investigation, victim… the list belongs to) and makes
 * one item of each row with @row.
 * Returns: (transfer full): the items, freed with @free_func; or %NULL with @error set, its
 *   message prefixed with @what (such as "Cannot read the CPS records").
 */
GPtrArray   *sot_store_read_list           (SotStore           *self,
                                            const char         *sql,
                                            gint64              id,
                                            SotRowFunc          row,
                                            gpointer            user_data,
                                            GDestroyNotify      free_func,
                                            const char         *what,
                                            GError            **error);

/**
 * sot_store_read_model:
 * sot_store_read_list() for a list of GObjects of @item_type, in a #GListModel filled in one
 * splice (one items-changed).
 * Returns: (transfer full): the list, or %NULL with @error set.
 */
GListModel  *sot_store_read_model          (SotStore           *self,
                                            const char         *sql,
                                            gint64              id,
                                            GType               item_type,
                                            SotRowFunc          row,
                                            gpointer            user_data,
                                            const char         *what,
                                            GError            **error);

/**
 * sot_store_read_one:
 * Runs @sql with ?1 bound to @key (a UUID, say) and makes an item of its first row with @row.
 * Returns: (transfer full): the item; or %NULL with %SOT_STORE_ERROR_NOT_FOUND and @not_found
 *   when there is no row, or with the SQLite error prefixed with @what.
 */
gpointer     sot_store_read_one            (SotStore           *self,
                                            const char         *sql,
                                            const char         *key,
                                            SotRowFunc          row,
                                            gpointer            user_data,
                                            const char         *not_found,
                                            const char         *what,
                                            GError            **error);

/**
 * sot_store_step_done:
 * Runs @stmt, a bound statement that returns no row, and resets it. On failure sets @error
 * from the connection, prefixed with @what (such as "Cannot save the device").
 */
gboolean     sot_store_step_done           (SotStore           *self,
                                            sqlite3_stmt       *stmt,
                                            const char         *what,
                                            GError            **error);

/**
 * sot_store_record_consult:
 * Records in its own transaction that the operator consulted a record (opening a case counts).
 */
gboolean     sot_store_record_consult      (SotStore           *self,
                                            const char         *entity_type,
                                            const char         *entity_uuid,
                                            const char         *reason,
                                            GError            **error);

/**
 * sot_store_verify_audit:
 * Walks the audit chain. Returns %TRUE and the number of rows in @n_records when intact;
 * otherwise %FALSE, the id of the first broken row in @first_broken and a message in @error.
 */
gboolean     sot_store_verify_audit        (SotStore           *self,
                                            gint64             *n_records,
                                            gint64             *first_broken,
                                            GError            **error);

/* Counts the rows of @table (a table of the schema; any other name is refused). */
gint64       sot_store_count               (SotStore           *self,
                                            const char         *table,
                                            GError            **error);

/**
 * sot_store_prepare:
 * Returns: (transfer none): a cached, reset prepared statement for @sql. For core code only:
 * nothing outside src/core holds SQL.
 */
sqlite3_stmt *sot_store_prepare            (SotStore           *self,
                                            const char         *sql,
                                            GError            **error);

/* Returns: (transfer none) (nullable): column @col of the current row as text. */
const char  *sot_store_column_text         (sqlite3_stmt       *stmt,
                                            int                 col);
/* Returns: (transfer full) (nullable): a copy of column @col of the current row as text. */
char        *sot_store_column_dup          (sqlite3_stmt       *stmt,
                                            int                 col);
/* Binds @value to parameter @col, or NULL when @value is %NULL or empty: "not recorded" is
 * stored one way only. */
void         sot_store_bind_text           (sqlite3_stmt       *stmt,
                                            int                 col,
                                            const char         *value);

/* Sets @error from the connection's last SQLite error, mapped onto SotStoreError. */
void         sot_store_set_sqlite_error    (SotStore           *self,
                                            GError            **error,
                                            const char         *what);

/* Executes @sql, which returns no rows (used for DDL and pragmas). */
gboolean     sot_store_exec                (SotStore           *self,
                                            const char         *sql,
                                            GError            **error);

/**
 * sot_store_queue_changed:
 * Queues a #SotStore::changed emission for after the outermost commit (dropped on rollback),
 * so listeners never see a change that did not reach the disk.
 */
void         sot_store_queue_changed       (SotStore           *self,
                                            const char         *entity_type,
                                            const char         *action,
                                            const char         *entity_uuid);

/**
 * sot_set_invalid / sot_set_not_found:
 * Set @error to %SOT_STORE_ERROR_INVALID or %SOT_STORE_ERROR_NOT_FOUND with the formatted
 * message, the one domain every area uses for these two failures.
 * Returns: %FALSE, so that a check can end with `return sot_set_invalid (...)`.
 */
gboolean     sot_set_invalid               (GError            **error,
                                            const char         *format,
                                            ...) G_GNUC_PRINTF (2, 3);
gboolean     sot_set_not_found             (GError            **error,
                                            const char         *format,
                                            ...) G_GNUC_PRINTF (2, 3);

/* Whether @text is %NULL, empty or only white space: what a required field must not be. */
gboolean     sot_text_is_blank             (const char         *text);

/* Returns: (transfer full): a new random UUID for a record. */
char        *sot_store_new_uuid            (void);

/* Makes the UUID of a new record. */
typedef char *(*SotUuidFunc) (gpointer user_data);

/**
 * sot_store_set_uuid_func:
 * Makes the UUIDs of the records written through @self with @func (%NULL: at random again):
 * for the generator of fictional cases, whose seed must reproduce every record's identity.
 */
void         sot_store_set_uuid_func       (SotStore           *self,
                                            SotUuidFunc         func,
                                            gpointer            user_data);

/* Returns: (transfer full): the UUID for a new record written through @self. */
char        *sot_store_make_uuid           (SotStore           *self);

/* Returns: (transfer full): @dt formatted as the store's UTC timestamp ("…T…Z"). */
char        *sot_store_format_time         (GDateTime          *dt);

G_END_DECLS
