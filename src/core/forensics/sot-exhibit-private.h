/* sot-exhibit-private.h: the exhibit and continuity records, as the files of sot-exhibit share them
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sot-exhibit.h"

G_BEGIN_DECLS

struct _SotExhibit
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  gint64    investigation_id;
  gint64    parent_id;
  char     *officer_initials;
  int       sequence;
  int       sub_sequence;
  char     *reference;
  char     *alias;
  char     *description;
  char     *sample_type;
  char     *sampled_from;
  char     *seized_by;
  char     *seized_at;
  char     *seized_place;
  char     *seal_number;
  char     *lab_name;
  char     *lab_submitted_at;
  char     *lab_result;
  char     *lab_result_at;
  char     *retention;
  char     *retention_note;
  char     *retention_decided_on;
  char     *current_holder;
  char     *current_place;
  guint     n_movements;
};

struct _SotExhibitMovement
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  gint64    exhibit_id;
  int       position;
  char     *from_holder;
  char     *to_holder;
  char     *moved_at;
  char     *place;
  char     *purpose;
  char     *note;
  char     *corrects_uuid;
  char     *correction_reason;
  char     *recorded_at;
  char     *recorded_by;
  gboolean  superseded;
};

/* Make a SotExhibit or a SotExhibitMovement from a row of EXHIBIT_COLUMNS or MOVEMENT_COLUMNS
 * (#SotRowFunc); sot_exhibit_list_movements() sets whether an entry was superseded. */
gpointer _sot_exhibit_from_row          (sqlite3_stmt *stmt,
                                         gpointer      user_data);
gpointer _sot_exhibit_movement_from_row (sqlite3_stmt *stmt,
                                         gpointer      user_data);

G_END_DECLS
