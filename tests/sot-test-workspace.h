/* sot-test-workspace.h: what the tests share: a temporary workspace, a fixed clock, demo data
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-investigation.h"
#include "sot-store.h"

G_BEGIN_DECLS

typedef enum {
  SOT_TEST_WORKSPACE_NONE     = 0,
  SOT_TEST_WORKSPACE_NO_STORE = 1 << 0,  /* only the folder and the path, nothing opened */
  SOT_TEST_WORKSPACE_TRAINING = 1 << 1,  /* marked as a training workspace */
} SotTestWorkspaceFlags;

/**
 * SotTestWorkspace:
 * @dir: a temporary folder, removed with everything in it at teardown
 * @path: the workspace file inside it
 * @store: (nullable): the workspace, open
 *
 * A test's own workspace, to embed in its fixture.
 */
typedef struct {
  char     *dir;
  char     *path;
  SotStore *store;
} SotTestWorkspace;

/* Makes the folder (named after @name) and, unless told not to, creates and opens the
 * workspace "workbench.db" in it. Fails the test on any error. */
void              sot_test_workspace_setup    (SotTestWorkspace      *ws,
                                               const char            *name,
                                               SotTestWorkspaceFlags  flags);

/* Closes the store and removes the folder. */
void              sot_test_workspace_teardown (SotTestWorkspace      *ws);

/* Sets @store's clock to the given UTC time, so that "now" is the same on every run. */
void              sot_test_set_clock          (SotStore              *store,
                                               int                    year,
                                               int                    month,
                                               int                    day,
                                               int                    hour,
                                               int                    minute);

/* Fills @store with @n fictional investigations from @seed, dated back from @year-@month-@day. */
void              sot_test_fill_demo          (SotStore              *store,
                                               guint                  n,
                                               guint64                seed,
                                               int                    year,
                                               int                    month,
                                               int                    day);

/* Returns: the number of rows of @table, failing the test on an error. */
gint64            sot_test_count              (SotStore              *store,
                                               const char            *table);

/* Returns: (transfer full): an unsaved, valid investigation with @crime_reference. */
SotInvestigation *sot_test_make_investigation (const char            *crime_reference);

/* Removes @path and, for a folder, everything in it (never following a symbolic link). */
void              sot_test_remove_tree        (const char            *path);

/* Returns: (transfer full): the names in the folder @path, sorted, to see what appeared or went. */
GStrv             sot_test_list_dir           (const char            *path);

/* Returns: (transfer full): the workspace at @path opened with @flags, failing the test on an
 * error. */
SotStore         *sot_test_open_store         (const char            *path,
                                               SotStoreOpenFlags      flags);

/* Returns: (transfer full): a plain SQLite connection to @path (SQLITE_OPEN_* @flags), past the
 * store, as another program would open the file; close it with sqlite3_close(). */
sqlite3          *sot_test_raw_open           (const char            *path,
                                               int                    flags);

/* Runs @sql on @db, failing the test on an error. */
void              sot_test_raw_exec           (sqlite3               *db,
                                               const char            *sql);

/* Returns: the first column of the one row of @sql, failing the test when there is none. */
gint64            sot_test_raw_int            (sqlite3               *db,
                                               const char            *sql);

/* Returns: (transfer full) (nullable): the first column of the first row of @sql as text, or
 * %NULL when there is no row. */
char             *sot_test_raw_text           (sqlite3               *db,
                                               const char            *sql);

/* Returns: whether @message names @number as a whole number, once every @leave_out (a path,
 * which has numbers of its own; may be %NULL) is taken out of it. */
gboolean          sot_test_names_number       (const char            *message,
                                               const char            *leave_out,
                                               gint64                 number);

/* Returns: (transfer none): the item @position of @model, borrowed: the model keeps it alive.
 * Fails the test when there is none. */
gpointer          sot_test_item_at            (GListModel            *model,
                                               guint                  position);

/* Runs the default main context until nothing is pending. */
void              sot_test_spin               (void);

/* Runs the default main context until @condition holds, failing after @seconds. */
#define SOT_TEST_WAIT_FOR_SECONDS(condition, seconds)                              \
  G_STMT_START {                                                                   \
    gint64 deadline_ = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC;       \
    while (!(condition))                                                           \
      {                                                                            \
        if (g_get_monotonic_time () > deadline_)                                   \
          g_error ("Timed out waiting for %s", #condition);                        \
        if (!g_main_context_iteration (NULL, FALSE))                               \
          g_usleep (1000);                                                         \
      }                                                                            \
  } G_STMT_END

#define SOT_TEST_WAIT_FOR(condition) SOT_TEST_WAIT_FOR_SECONDS (condition, 30)

G_END_DECLS
