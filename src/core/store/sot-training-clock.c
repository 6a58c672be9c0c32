/* sot-training-clock.c: the training clock, which moves "now" forward in a training workspace
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-training-clock"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-store-private.h"
#include "sot-training-clock.h"

static gboolean
save_offset (SotStore    *store,
             gint64       seconds,
             const char  *reason,
             GError     **error)
{
  const char *what = _("Cannot move the training clock");
  SotChange change = { SOT_AUDIT_ALTER, SOT_ENTITY_WORKSPACE, NULL, reason, NULL };
  sqlite3_stmt *stmt;
  GTimeSpan previous;

  if (seconds == 0)
    stmt = sot_store_write_begin (store,
                                  "DELETE FROM workspace WHERE key = 'training_clock_offset'",
                                  error);
  else
    stmt = sot_store_write_begin (store,
                                  "INSERT INTO workspace (key, value) "
                                  "VALUES ('training_clock_offset', ?1) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  error);
  if (stmt == NULL)
    return FALSE;

  if (seconds != 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, seconds);

      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
    }

  /* Moved before the commit, whose change notices make views read the deadlines again. */
  previous = store->clock_offset;
  store->clock_offset = seconds * G_TIME_SPAN_SECOND;
  if (!sot_store_write_end (store, stmt, &change, what, error))
    {
      store->clock_offset = previous;
      return FALSE;
    }

  _sot_store_clock_changed (store);
  return TRUE;
}

gboolean
sot_training_clock_set (SotStore   *store,
                        GDateTime  *to,
                        GError    **error)
{
  g_autoptr(GDateTime) real = NULL;
  g_autofree char *reason = NULL;
  GTimeSpan offset = 0;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (!sot_store_get_training (store))
    return sot_set_invalid (error, _("The clock can only be moved in a training workspace: a "
                                     "real workspace always runs on the real time."));

  real = sot_store_real_now (store);
  if (to != NULL)
    {
      offset = g_date_time_difference (to, real);
      if (offset < 0)
        return sot_set_invalid (error, _("The training clock cannot go back before the real "
                                         "time."));
    }

  /* Whole seconds, rounded: a move by a day is a day, not a day less the time it took. */
  offset = (offset + G_TIME_SPAN_SECOND / 2) / G_TIME_SPAN_SECOND;

  if (to != NULL && offset != 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (to);
      g_autofree char *stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

      reason = g_strdup_printf ("training clock moved to %s", stamp);
    }
  else
    reason = g_strdup ("training clock back to the real time");

  return save_offset (store, offset, reason, error);
}

gboolean
sot_training_clock_advance (SotStore   *store,
                            GTimeSpan   by,
                            GError    **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) to = NULL;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (by < G_TIME_SPAN_SECOND)
    return sot_set_invalid (error, _("The training clock only moves forward."));

  now = sot_store_now (store);
  to = g_date_time_add (now, by);
  return sot_training_clock_set (store, to, error);
}

gboolean
sot_training_clock_is_moved (SotStore *store)
{
  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  return sot_store_get_clock_offset (store) != 0;
}
