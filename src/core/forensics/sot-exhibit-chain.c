/* sot-exhibit-chain.c: the checks of an exhibit's continuity (chain of custody)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-exhibit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-exhibit-private.h"
#include "sot-forensic-window.h"
#include "sot-time.h"

/* Holder names are compared as people write them: case and spacing do not matter. */
static char *
holder_key (const char *holder)
{
  g_autofree char *folded = g_utf8_casefold (holder != NULL ? holder : "", -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, words[i]);
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
same_holder (const char *a,
             const char *b)
{
  g_autofree char *ka = holder_key (a);
  g_autofree char *kb = holder_key (b);

  return g_str_equal (ka, kb);
}

static void
add_break (GPtrArray               *breaks,
           SotContinuityBreakKind   kind,
           const SotExhibitMovement *movement,
           char                    *message)
{
  SotContinuityBreak *brk = g_new0 (SotContinuityBreak, 1);

  brk->kind = kind;
  brk->movement_uuid = movement != NULL ? g_strdup (movement->uuid) : NULL;
  brk->position = movement != NULL ? movement->position : 0;
  brk->message = message;
  g_ptr_array_add (breaks, brk);
}

static GDateTime *
parse_stored (const char *text)
{
  if (text == NULL)
    return NULL;

  return sot_time_parse (text, NULL);
}

void
sot_continuity_break_free (SotContinuityBreak *self)
{
  if (self == NULL)
    return;

  g_free (self->movement_uuid);
  g_free (self->message);
  g_free (self);
}

GPtrArray *
sot_exhibit_check_chain (SotExhibit           *exhibit,
                         GListModel           *movements,
                         SotForensicCatalogue *catalogue,
                         GDateTime            *offence_from,
                         GDateTime            *offence_until)
{
  GPtrArray *breaks;
  g_autoptr(GDateTime) seized = NULL;
  g_autoptr(GDateTime) previous_time = NULL;
  const char *previous_holder;
  gboolean booked = FALSE;

  g_return_val_if_fail (exhibit != NULL, NULL);
  g_return_val_if_fail (movements != NULL, NULL);

  breaks = g_ptr_array_new_with_free_func ((GDestroyNotify) sot_continuity_break_free);

  seized = parse_stored (exhibit->seized_at);
  previous_time = seized != NULL ? g_date_time_ref (seized) : NULL;
  previous_holder = exhibit->seized_by;

  for (guint i = 0; i < g_list_model_get_n_items (movements); i++)
    {
      g_autoptr(SotExhibitMovement) m = g_list_model_get_item (movements, i);
      g_autoptr(GDateTime) moved = NULL;

      /* The chain in force: an entry replaced by a correction no longer counts. */
      if (m->superseded)
        continue;

      if (!same_holder (m->from_holder, previous_holder))
        add_break (breaks, SOT_CONTINUITY_FROM_NOT_LAST_HOLDER, m,
                   g_strdup_printf (_("Entry %d: handed over by “%s”, but the exhibit was "
                                      "last with “%s”"),
                                    m->position, m->from_holder, previous_holder));

      moved = parse_stored (m->moved_at);
      if (moved != NULL && previous_time != NULL &&
          g_date_time_compare (moved, previous_time) < 0)
        {
          g_autofree char *when = sot_forensic_format_time (moved);
          g_autofree char *before = sot_forensic_format_time (previous_time);

          add_break (breaks, SOT_CONTINUITY_TIME_BEFORE_PREVIOUS, m,
                     previous_time == seized
                     ? g_strdup_printf (_("Entry %d: %s is before the seizure at %s"),
                                        m->position, when, before)
                     : g_strdup_printf (_("Entry %d: %s is before the entry before it (%s)"),
                                        m->position, when, before));
        }

      if (g_strcmp0 (m->purpose, SOT_MOVEMENT_STORAGE) == 0)
        booked = TRUE;

      previous_holder = m->to_holder;
      if (moved != NULL)
        {
          g_clear_pointer (&previous_time, g_date_time_unref);
          previous_time = g_steal_pointer (&moved);
        }
    }

  if (!booked)
    add_break (breaks, SOT_CONTINUITY_NEVER_BOOKED_INTO_STORAGE, NULL,
               g_strdup (_("Never booked into storage")));

  if (catalogue != NULL && offence_from != NULL && seized != NULL && exhibit->sample_type != NULL)
    {
      SotForensicSample *sample = sot_forensic_catalogue_lookup (catalogue, exhibit->sample_type);

      if (sample != NULL)
        {
          SotSampleSubject subject = g_strcmp0 (exhibit->sampled_from, "suspect") == 0
                                     ? SOT_SAMPLE_SUBJECT_SUSPECT
                                     : SOT_SAMPLE_SUBJECT_COMPLAINANT;
          /* An end before the start is a typing slip: the offence is then a single time. */
          GDateTime *until = offence_until != NULL &&
                             g_date_time_compare (offence_until, offence_from) >= 0
                             ? offence_until : NULL;
          g_autoptr(SotForensicWindow) window = NULL;

          window = sot_forensic_window_compute (sample, subject, offence_from, until, seized, 0);

          if (window->status == SOT_WINDOW_CLOSED)
            {
              g_autofree char *deadline = sot_forensic_format_time (window->last_deadline);
              g_autofree char *value = sot_forensic_window_describe_value (window);

              add_break (breaks, SOT_CONTINUITY_SAMPLED_AFTER_WINDOW_CLOSED, NULL,
                         g_strdup_printf (_("Sample taken after its window closed at %s (%s)"),
                                          deadline, value));
            }
        }
    }

  return breaks;
}

GPtrArray *
sot_exhibit_check_continuity (SotStore              *store,
                              SotExhibit            *exhibit,
                              SotForensicCatalogue  *catalogue,
                              GError               **error)
{
  g_autoptr(GListModel) movements = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (exhibit != NULL, NULL);
  g_return_val_if_fail (catalogue == NULL || SOT_IS_FORENSIC_CATALOGUE (catalogue), NULL);

  if (!(movements = sot_exhibit_list_movements (store, exhibit, error)))
    return NULL;

  stmt = sot_store_prepare (store,
                            "SELECT offence_from, offence_until FROM investigation WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, exhibit->investigation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      from = parse_stored ((const char *) sqlite3_column_text (stmt, 0));
      until = parse_stored ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  return sot_exhibit_check_chain (exhibit, movements, catalogue, from, until);
}

const char *
sot_continuity_break_kind_to_string (SotContinuityBreakKind kind)
{
  switch (kind)
    {
    case SOT_CONTINUITY_FROM_NOT_LAST_HOLDER:
      return "from-not-last-holder";
    case SOT_CONTINUITY_TIME_BEFORE_PREVIOUS:
      return "time-before-previous";
    case SOT_CONTINUITY_NEVER_BOOKED_INTO_STORAGE:
      return "never-booked-into-storage";
    case SOT_CONTINUITY_SAMPLED_AFTER_WINDOW_CLOSED:
      return "sampled-after-window-closed";
    default:
      g_return_val_if_reached (NULL);
    }
}
