/* sot-timeline.h: every dated event of one investigation, in one chronological list
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

/*
 * The timeline is read from "sources": each is one SQL query over one kind of dated record.
 * Built-in sources cover the investigation (offence, report, recording, outcome), the suspects'
 * arrest/interview/bail/release, Victims' Code events and their deadlines, victim contacts,
 * letters, ISVA referrals, contact agreements, forensics (exhibits, movements, devices) and the
 * CPS milestones. A caller can read more with sot_timeline_load_with_sources(); a source whose
 * @requires_table is missing from the workspace (sqlite_schema) is skipped.
 *
 * Order: by time; dates without a time ("YYYY-MM-DD") count as 00:00 UK time on that day.
 * Events at equal times are ordered by their source's rank (a fixed, causal order: offence,
 * report, recording, suspects' events, exhibits and devices, Right 6 events, deadlines, victim
 * contacts and letters, CPS milestones, outcome; see the SOT_TIMELINE_RANK_* values), then by
 * the order the source's query returns them (its record ids: the order of insertion). The order
 * is therefore total and stable from one load to the next.
 */

/* Filter categories ("kinds"), in display order. */
#define SOT_TIMELINE_KIND_CASE     "case"
#define SOT_TIMELINE_KIND_SUSPECT  "suspect"
#define SOT_TIMELINE_KIND_FORENSIC "forensic"
#define SOT_TIMELINE_KIND_VICTIM   "victim"
#define SOT_TIMELINE_KIND_CPS      "cps"

/* Ranks of the built-in sources; an added source picks a rank between them. */
enum {
  SOT_TIMELINE_RANK_OFFENCE        = 100,
  SOT_TIMELINE_RANK_REPORT         = 200,
  SOT_TIMELINE_RANK_RECORDING      = 300,
  SOT_TIMELINE_RANK_SUSPECT        = 400,   /* arrest 400, interview 410, bail 420, release 430 */
  SOT_TIMELINE_RANK_FORENSIC       = 500,   /* for exhibits, movements and devices */
  SOT_TIMELINE_RANK_RIGHT6         = 600,
  SOT_TIMELINE_RANK_DEADLINE       = 650,
  SOT_TIMELINE_RANK_VICTIM         = 700,   /* contact 700, letter 710, ISVA 720, agreement 730 */
  SOT_TIMELINE_RANK_CPS            = 800,   /* advice 800/810, file 820, decision 830, action 840,
                                               charge 850 */
  SOT_TIMELINE_RANK_OUTCOME        = 900,
};

/**
 * SotTimelineTitleFunc:
 * @code: the third column of the source's row (may be %NULL)
 * @detail: the fourth column (may be %NULL)
 *
 * Returns: (transfer full): the translated title of one event.
 */
typedef char *(*SotTimelineTitleFunc) (SotStore   *store,
                                       const char *code,
                                       const char *detail);

/**
 * SotTimelineSource:
 * @id: a unique name ("suspect-arrest")
 * @kind: the filter category, SOT_TIMELINE_KIND_*
 * @entity_type: what the event opens (a table name: "suspect", "exhibit", …)
 * @requires_table: a table that must exist for the source to be read, or %NULL
 * @rank: the tie-break order of the source (SOT_TIMELINE_RANK_*)
 * @sql: a query with ?1 = the investigation id, returning (time TEXT, entity_uuid TEXT,
 *   code TEXT, detail TEXT) in insertion order; rows with a NULL time are skipped
 * @title: builds the title from code and detail, or %NULL to use @default_title
 * @default_title: an untranslated N_() title, followed by ": detail" when detail is not NULL
 *
 * One kind of dated record.
 */
typedef struct {
  const char           *id;
  const char           *kind;
  const char           *entity_type;
  const char           *requires_table;
  int                   rank;
  const char           *sql;
  SotTimelineTitleFunc  title;
  const char           *default_title;
} SotTimelineSource;

/* Returns: (transfer none): the filter categories, in display order, %NULL-terminated. */
const char * const *sot_timeline_kinds          (void);
/* Returns: the translated label of a filter category. */
const char         *sot_timeline_kind_label     (const char *kind);

#define SOT_TYPE_TIMELINE_EVENT (sot_timeline_event_get_type ())
G_DECLARE_FINAL_TYPE (SotTimelineEvent, sot_timeline_event, SOT, TIMELINE_EVENT, GObject)

/* Returns: (transfer none): the time (UTC); midnight UK time for a date. */
GDateTime          *sot_timeline_event_get_time         (SotTimelineEvent *self);
/* Whether the event has a date only. */
gboolean            sot_timeline_event_get_all_day      (SotTimelineEvent *self);
const char         *sot_timeline_event_get_kind         (SotTimelineEvent *self);
const char         *sot_timeline_event_get_source       (SotTimelineEvent *self);
const char         *sot_timeline_event_get_title        (SotTimelineEvent *self);
const char         *sot_timeline_event_get_entity_type  (SotTimelineEvent *self);
const char         *sot_timeline_event_get_entity_uuid  (SotTimelineEvent *self);
/* The time as shown: "8 Mar 2024 23:30", or "8 Mar 2024" for a date. */
const char         *sot_timeline_event_get_time_text    (SotTimelineEvent *self);

/**
 * sot_timeline_load:
 * Every dated event of the investigation @investigation_id, in the order described above.
 * Returns: (transfer full): a #GListModel of #SotTimelineEvent, or %NULL with @error set.
 */
GListModel         *sot_timeline_load           (SotStore  *store,
                                                 gint64     investigation_id,
                                                 GError   **error);

/**
 * sot_timeline_load_with_sources:
 * @extra_sources: (array length=n_extra_sources) (nullable): sources read besides the built-in
 *   ones (each with its own @id); one with the @id of a built-in source replaces it
 *
 * sot_timeline_load() with more sources, for this call only.
 * Returns: (transfer full): a #GListModel of #SotTimelineEvent, or %NULL with @error set.
 */
GListModel         *sot_timeline_load_with_sources (SotStore                 *store,
                                                    gint64                    investigation_id,
                                                    const SotTimelineSource  *extra_sources,
                                                    guint                     n_extra_sources,
                                                    GError                  **error);

G_END_DECLS
