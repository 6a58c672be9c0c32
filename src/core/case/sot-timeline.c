/* sot-timeline.c: every dated event of one investigation, in one chronological list
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sot-calendar.h"
#include "sot-cps.h"
#include "sot-deadline.h"
#include "sot-right6.h"
#include "sot-time.h"
#include "sot-timeline.h"
#include "sot-victim-contact.h"
#include "sot-victim-letter.h"

/* ------------------------------------------------------------------------------------------ */
/* SotTimelineEvent                                                                            */

struct _SotTimelineEvent
{
  GObject    parent_instance;

  GDateTime *time;
  gint64     usec;       /* sort key */
  int        rank;       /* tie-break 1 */
  guint      seq;        /* tie-break 2: position within its source's rows */
  gboolean   all_day;
  char      *kind;
  char      *source;
  char      *title;
  char      *entity_type;
  char      *entity_uuid;
  char      *time_text;
};

G_DEFINE_FINAL_TYPE (SotTimelineEvent, sot_timeline_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIME,
  PROP_ALL_DAY,
  PROP_KIND,
  PROP_SOURCE,
  PROP_TITLE,
  PROP_ENTITY_TYPE,
  PROP_ENTITY_UUID,
  PROP_TIME_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sot_timeline_event_finalize (GObject *object)
{
  SotTimelineEvent *self = (SotTimelineEvent *)object;

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->kind);
  g_free (self->source);
  g_free (self->title);
  g_free (self->entity_type);
  g_free (self->entity_uuid);
  g_free (self->time_text);

  G_OBJECT_CLASS (sot_timeline_event_parent_class)->finalize (object);
}

static void
sot_timeline_event_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SotTimelineEvent *self = SOT_TIMELINE_EVENT (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->all_day);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ENTITY_TYPE:
      g_value_set_string (value, self->entity_type);
      break;
    case PROP_ENTITY_UUID:
      g_value_set_string (value, self->entity_uuid);
      break;
    case PROP_TIME_TEXT:
      g_value_set_string (value, self->time_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_timeline_event_class_init (SotTimelineEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sot_timeline_event_finalize;
  object_class->get_property = sot_timeline_event_get_property;

  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ALL_DAY] =
    g_param_spec_boolean ("all-day", NULL, NULL, FALSE, flags);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY_TYPE] =
    g_param_spec_string ("entity-type", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY_UUID] =
    g_param_spec_string ("entity-uuid", NULL, NULL, NULL, flags);
  properties[PROP_TIME_TEXT] =
    g_param_spec_string ("time-text", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sot_timeline_event_init (SotTimelineEvent *self)
{
}

GDateTime *
sot_timeline_event_get_time (SotTimelineEvent *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_EVENT (self), NULL);
  return self->time;
}

gboolean
sot_timeline_event_get_all_day (SotTimelineEvent *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_EVENT (self), FALSE);
  return self->all_day;
}

const char *
sot_timeline_event_get_kind (SotTimelineEvent *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_EVENT (self), NULL);
  return self->kind;
}

const char *
sot_timeline_event_get_source (SotTimelineEvent *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_EVENT (self), NULL);
  return self->source;
}

const char *
sot_timeline_event_get_title (SotTimelineEvent *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_EVENT (self), NULL);
  return self->title;
}

const char *
sot_timeline_event_get_entity_type (SotTimelineEvent *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_EVENT (self), NULL);
  return self->entity_type;
}

const char *
sot_timeline_event_get_entity_uuid (SotTimelineEvent *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_EVENT (self), NULL);
  return self->entity_uuid;
}

const char *
sot_timeline_event_get_time_text (SotTimelineEvent *self)
{
  g_return_val_if_fail (SOT_IS_TIMELINE_EVENT (self), NULL);
  return self->time_text;
}

/* ------------------------------------------------------------------------------------------ */
/* Titles                                                                                      */

/* @format is one of this file's translatable titles with a single %s. */
G_GNUC_FORMAT (1)
static char *
suspect_event_title (const char *format,
                     const char *number)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (format, number != NULL ? number : "?");
#pragma GCC diagnostic pop
}

static char *
title_arrest (SotStore *store, const char *code, const char *detail)
{
  return suspect_event_title (_("Suspect %s arrested"), code);
}

static char *
title_interview (SotStore *store, const char *code, const char *detail)
{
  return suspect_event_title (_("Suspect %s interviewed under caution"), code);
}

static char *
title_bail (SotStore *store, const char *code, const char *detail)
{
  return suspect_event_title (_("Suspect %s bailed or released under investigation"), code);
}

static char *
title_release (SotStore *store, const char *code, const char *detail)
{
  return suspect_event_title (_("Suspect %s released"), code);
}

static char *
title_charge (SotStore *store, const char *code, const char *detail)
{
  if (code == NULL)
    return g_strdup (_("Charged"));
  return suspect_event_title (_("Suspect %s charged"), code);
}

static char *
title_right6 (SotStore *store, const char *code, const char *detail)
{
  SotRight6Event event;
  g_autofree char *due = sot_date_format_display (detail);

  if (!sot_right6_event_from_string (code, &event))
    return g_strdup (code);

  /* TRANSLATORS: a Victims' Code event, then the day by which the victim must be told */
  return g_strdup_printf (_("%s (Right 6: tell the victim by %s)"),
                          sot_right6_event_label (event), due != NULL ? due : "?");
}

static char *
title_deadline (SotStore *store, const char *code, const char *detail)
{
  g_autofree char *title = sot_deadline_kind_title (code);

  /* TRANSLATORS: the end of the time allowed for something, e.g. "Deadline: Tell the victim…" */
  return g_strdup_printf (_("Deadline: %s"), title);
}

static char *
title_contact (SotStore *store, const char *code, const char *detail)
{
  /* TRANSLATORS: "Contact with the victim (Phone) by DC Example" */
  return g_strdup_printf (_("Contact with the victim (%s) by %s"),
                          sot_contact_channel_label (code), detail != NULL ? detail : "?");
}

static char *
title_letter (SotStore *store, const char *code, const char *detail)
{
  /* TRANSLATORS: %s is the name of a letter, e.g. “Hello” letter */
  return g_strdup_printf (_("%s sent"), sot_victim_letter_label (code));
}

static char *
title_preference (SotStore *store, const char *code, const char *detail)
{
  return g_strdup_printf (_("Updates agreed: every %s days, %s"), code != NULL ? code : "?",
                          sot_contact_channel_label (detail));
}

static char *
title_decision (SotStore *store, const char *code, const char *detail)
{
  SotCpsDecision decision;
  const char *label = code;

  if (sot_cps_decision_from_string (code, &decision))
    label = sot_cps_decision_label (decision);

  return g_strdup_printf (_("CPS decision for suspect %s: %s"), detail != NULL ? detail : "?",
                          label);
}

static char *
title_outcome (SotStore *store, const char *code, const char *detail)
{
  const char *label = sot_reference_get_outcome_label (sot_store_get_reference (store), code);

  return g_strdup_printf (_("Outcome %s: %s"), code != NULL ? code : "?",
                          label != NULL ? label : "");
}

/* ------------------------------------------------------------------------------------------ */
/* Sources                                                                                     */

#define SUSPECT_NUMBER \
  "(SELECT count (*) FROM suspect t WHERE t.investigation_id = s.investigation_id AND t.id <= s.id)"

#define SUSPECT_SOURCE(col) \
  "SELECT s." col ", s.uuid, " SUSPECT_NUMBER ", NULL FROM suspect s " \
  "WHERE s.investigation_id = ?1 ORDER BY s.id"

static const SotTimelineSource builtin_sources[] = {
  { "offence", SOT_TIMELINE_KIND_CASE, SOT_ENTITY_INVESTIGATION,
    NULL, SOT_TIMELINE_RANK_OFFENCE,
    "SELECT offence_from, uuid, NULL, NULL FROM investigation WHERE id = ?1",
    NULL, N_("Offence") },
  { "offence-until", SOT_TIMELINE_KIND_CASE, SOT_ENTITY_INVESTIGATION,
    NULL, SOT_TIMELINE_RANK_OFFENCE + 1,
    "SELECT offence_until, uuid, NULL, NULL FROM investigation WHERE id = ?1",
    NULL, N_("End of the offence period") },
  { "report", SOT_TIMELINE_KIND_CASE, SOT_ENTITY_INVESTIGATION,
    NULL, SOT_TIMELINE_RANK_REPORT,
    "SELECT reported_on, uuid, NULL, NULL FROM investigation WHERE id = ?1",
    NULL, N_("Reported to the police") },
  { "recording", SOT_TIMELINE_KIND_CASE, SOT_ENTITY_INVESTIGATION,
    NULL, SOT_TIMELINE_RANK_RECORDING,
    "SELECT recorded_on, uuid, NULL, NULL FROM investigation WHERE id = ?1",
    NULL, N_("Crime recorded") },
  { "suspect-arrest", SOT_TIMELINE_KIND_SUSPECT, SOT_ENTITY_SUSPECT,
    NULL, SOT_TIMELINE_RANK_SUSPECT,
    SUSPECT_SOURCE ("arrested_at"), title_arrest, NULL },
  { "suspect-interview", SOT_TIMELINE_KIND_SUSPECT, SOT_ENTITY_SUSPECT,
    NULL, SOT_TIMELINE_RANK_SUSPECT + 10,
    SUSPECT_SOURCE ("interviewed_at"), title_interview, NULL },
  { "suspect-bail", SOT_TIMELINE_KIND_SUSPECT, SOT_ENTITY_SUSPECT,
    NULL, SOT_TIMELINE_RANK_SUSPECT + 20,
    SUSPECT_SOURCE ("bailed_at"), title_bail, NULL },
  { "suspect-release", SOT_TIMELINE_KIND_SUSPECT, SOT_ENTITY_SUSPECT,
    NULL, SOT_TIMELINE_RANK_SUSPECT + 30,
    SUSPECT_SOURCE ("released_at"), title_release, NULL },
  /* Forensics (issue 4's schema 3): read only when its tables exist. */
  { "exhibit-seized", SOT_TIMELINE_KIND_FORENSIC, SOT_ENTITY_EXHIBIT,
    "exhibit", SOT_TIMELINE_RANK_FORENSIC,
    "SELECT seized_at, uuid, NULL, reference || ' ' || description FROM exhibit "
    "WHERE investigation_id = ?1 ORDER BY id",
    NULL, N_("Exhibit seized") },
  { "exhibit-movement", SOT_TIMELINE_KIND_FORENSIC, SOT_ENTITY_EXHIBIT,
    "exhibit_movement", SOT_TIMELINE_RANK_FORENSIC + 10,
    "SELECT m.moved_at, e.uuid, NULL, e.reference || ': ' || m.from_holder || ' → ' || m.to_holder "
    "FROM exhibit_movement m JOIN exhibit e ON e.id = m.exhibit_id "
    "WHERE e.investigation_id = ?1 ORDER BY m.id",
    NULL, N_("Exhibit moved") },
  { "exhibit-lab-submitted", SOT_TIMELINE_KIND_FORENSIC, SOT_ENTITY_EXHIBIT,
    "exhibit", SOT_TIMELINE_RANK_FORENSIC + 20,
    "SELECT lab_submitted_at, uuid, NULL, reference || coalesce (' → ' || lab_name, '') "
    "FROM exhibit WHERE investigation_id = ?1 ORDER BY id",
    NULL, N_("Exhibit submitted to the laboratory") },
  { "exhibit-lab-result", SOT_TIMELINE_KIND_FORENSIC, SOT_ENTITY_EXHIBIT,
    "exhibit", SOT_TIMELINE_RANK_FORENSIC + 30,
    "SELECT lab_result_at, uuid, NULL, reference FROM exhibit WHERE investigation_id = ?1 "
    "ORDER BY id",
    NULL, N_("Laboratory result") },
  { "device-taken", SOT_TIMELINE_KIND_FORENSIC, SOT_ENTITY_DEVICE,
    "device", SOT_TIMELINE_RANK_FORENSIC + 40,
    "SELECT taken_at, uuid, NULL, description FROM device WHERE investigation_id = ?1 ORDER BY id",
    NULL, N_("Device taken") },
  { "device-returned", SOT_TIMELINE_KIND_FORENSIC, SOT_ENTITY_DEVICE,
    "device", SOT_TIMELINE_RANK_FORENSIC + 50,
    "SELECT returned_at, uuid, NULL, description FROM device WHERE investigation_id = ?1 "
    "ORDER BY id",
    NULL, N_("Device returned") },
  { "right6-event", SOT_TIMELINE_KIND_VICTIM, SOT_ENTITY_RIGHT6_EVENT,
    "right6_event", SOT_TIMELINE_RANK_RIGHT6,
    "SELECT occurred_at, uuid, event, due_on FROM right6_event WHERE investigation_id = ?1 "
    "ORDER BY id",
    title_right6, NULL },
  { "deadline", SOT_TIMELINE_KIND_VICTIM, SOT_ENTITY_DEADLINE,
    NULL, SOT_TIMELINE_RANK_DEADLINE,
    "SELECT due_at, uuid, kind, NULL FROM deadline WHERE investigation_id = ?1 "
    "AND (kind GLOB 'right6:*' OR kind = 'cadence') ORDER BY id",
    title_deadline, NULL },
  { "victim-contact", SOT_TIMELINE_KIND_VICTIM, SOT_ENTITY_VICTIM_CONTACT,
    "victim_contact", SOT_TIMELINE_RANK_VICTIM,
    "SELECT contact_at, uuid, channel, who FROM victim_contact WHERE investigation_id = ?1 "
    "ORDER BY id",
    title_contact, NULL },
  { "victim-letter", SOT_TIMELINE_KIND_VICTIM, SOT_ENTITY_VICTIM_LETTER,
    "victim_letter", SOT_TIMELINE_RANK_VICTIM + 10,
    "SELECT sent_on, uuid, kind, sent_by FROM victim_letter WHERE investigation_id = ?1 "
    "ORDER BY id",
    title_letter, NULL },
  { "isva-referral", SOT_TIMELINE_KIND_VICTIM, SOT_ENTITY_ISVA,
    "isva", SOT_TIMELINE_RANK_VICTIM + 20,
    "SELECT referred_on, uuid, NULL, service FROM isva WHERE investigation_id = ?1 ORDER BY id",
    NULL, N_("Referred to an ISVA") },
  { "contact-agreement", SOT_TIMELINE_KIND_VICTIM, SOT_ENTITY_VICTIM_CONTACT_PREFERENCE,
    "victim_contact_preference", SOT_TIMELINE_RANK_VICTIM + 30,
    "SELECT changed_at, uuid, frequency_days, channel FROM victim_contact_preference "
    "WHERE investigation_id = ?1 ORDER BY id",
    title_preference, NULL },
  { "early-advice-requested", SOT_TIMELINE_KIND_CPS, SOT_ENTITY_CPS_EARLY_ADVICE,
    "cps_early_advice", SOT_TIMELINE_RANK_CPS,
    "SELECT requested_on, uuid, NULL, NULL FROM cps_early_advice WHERE investigation_id = ?1 "
    "ORDER BY id",
    NULL, N_("Early advice requested from the CPS") },
  { "early-advice-given", SOT_TIMELINE_KIND_CPS, SOT_ENTITY_CPS_EARLY_ADVICE,
    "cps_early_advice", SOT_TIMELINE_RANK_CPS + 10,
    "SELECT given_on, uuid, NULL, NULL FROM cps_early_advice WHERE investigation_id = ?1 "
    "ORDER BY id",
    NULL, N_("Early advice given by the CPS") },
  { "charging-file", SOT_TIMELINE_KIND_CPS, SOT_ENTITY_CPS_CHARGING_FILE,
    "cps_charging_file", SOT_TIMELINE_RANK_CPS + 20,
    "SELECT submitted_on, uuid, NULL, NULL FROM cps_charging_file WHERE investigation_id = ?1 "
    "ORDER BY id",
    NULL, N_("Charging file submitted to the CPS") },
  { "cps-decision", SOT_TIMELINE_KIND_CPS, SOT_ENTITY_CPS_DECISION,
    "cps_decision", SOT_TIMELINE_RANK_CPS + 30,
    "SELECT d.decided_on, d.uuid, d.decision, " SUSPECT_NUMBER " FROM cps_decision d "
    "JOIN suspect s ON s.id = d.suspect_id WHERE d.investigation_id = ?1 ORDER BY d.id",
    title_decision, NULL },
  { "cps-action", SOT_TIMELINE_KIND_CPS, SOT_ENTITY_CPS_ACTION_ITEM,
    "cps_action_item", SOT_TIMELINE_RANK_CPS + 40,
    "SELECT due_on, uuid, NULL, description FROM cps_action_item WHERE investigation_id = ?1 "
    "ORDER BY id",
    NULL, N_("CPS action plan item due") },
  { "charge", SOT_TIMELINE_KIND_CPS, SOT_ENTITY_CPS_CHARGE,
    "cps_charge", SOT_TIMELINE_RANK_CPS + 50,
    "SELECT c.charged_on, c.uuid, CASE WHEN s.id IS NULL THEN NULL ELSE " SUSPECT_NUMBER " END, "
    "NULL FROM cps_charge c LEFT JOIN suspect s ON s.id = c.suspect_id "
    "WHERE c.investigation_id = ?1 ORDER BY c.id",
    title_charge, NULL },
  { "outcome", SOT_TIMELINE_KIND_CASE, SOT_ENTITY_INVESTIGATION,
    NULL, SOT_TIMELINE_RANK_OUTCOME,
    "SELECT outcome_date, uuid, outcome_code, NULL FROM investigation WHERE id = ?1",
    title_outcome, NULL },
};

/* Whether @source has every field a source must have. */
static gboolean
source_is_valid (const SotTimelineSource *source)
{
  return source->id != NULL && source->sql != NULL && source->kind != NULL &&
         source->entity_type != NULL &&
         (source->title != NULL || source->default_title != NULL);
}

/* Every source to read: the built-in ones unless one of @extra of the same id replaces them,
 * then @extra. */
static GPtrArray *
collect_sources (const SotTimelineSource *extra,
                 guint                    n_extra)
{
  GPtrArray *sources = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (builtin_sources); i++)
    {
      gboolean replaced = FALSE;

      for (guint j = 0; j < n_extra; j++)
        {
          if (g_str_equal (extra[j].id, builtin_sources[i].id))
            replaced = TRUE;
        }

      if (!replaced)
        g_ptr_array_add (sources, (gpointer) &builtin_sources[i]);
    }

  for (guint j = 0; j < n_extra; j++)
    g_ptr_array_add (sources, (gpointer) &extra[j]);

  return sources;
}

static const char * const kinds[] = {
  SOT_TIMELINE_KIND_CASE, SOT_TIMELINE_KIND_SUSPECT, SOT_TIMELINE_KIND_FORENSIC,
  SOT_TIMELINE_KIND_VICTIM, SOT_TIMELINE_KIND_CPS, NULL,
};

const char * const *
sot_timeline_kinds (void)
{
  return kinds;
}

const char *
sot_timeline_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, SOT_TIMELINE_KIND_CASE) == 0)
    return _("Case");
  if (g_strcmp0 (kind, SOT_TIMELINE_KIND_SUSPECT) == 0)
    return _("Suspects");
  if (g_strcmp0 (kind, SOT_TIMELINE_KIND_FORENSIC) == 0)
    return _("Forensics");
  if (g_strcmp0 (kind, SOT_TIMELINE_KIND_VICTIM) == 0)
    return _("Victim");
  if (g_strcmp0 (kind, SOT_TIMELINE_KIND_CPS) == 0)
    return _("CPS");
  return kind;
}

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                     */

static gboolean
table_exists (SotStore    *store,
              const char  *table,
              gboolean    *exists,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sot_store_prepare (store,
                            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot read the workspace"));
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static SotTimelineEvent *
event_new (SotStore                *store,
           const SotTimelineSource *source,
           sqlite3_stmt            *stmt,
           guint                    seq)
{
  const char *when = (const char *) sqlite3_column_text (stmt, 0);
  const char *code = (const char *) sqlite3_column_text (stmt, 2);
  const char *detail = (const char *) sqlite3_column_text (stmt, 3);
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) error = NULL;
  SotTimelineEvent *self;

  if (when == NULL || *when == '\0')
    return NULL;

  /* A bare date is midnight UK time on that day (sot_time_parse()). */
  time = sot_time_parse (when, &error);
  if (time == NULL)
    {
      g_debug ("Timeline source %s: skipping “%s”: %s", source->id, when, error->message);
      return NULL;
    }

  self = g_object_new (SOT_TYPE_TIMELINE_EVENT, NULL);
  self->time = g_steal_pointer (&time);
  self->usec = g_date_time_to_unix (self->time) * G_USEC_PER_SEC +
               g_date_time_get_microsecond (self->time);
  self->rank = source->rank;
  self->seq = seq;
  self->all_day = strlen (when) == 10;
  self->kind = g_strdup (source->kind);
  self->source = g_strdup (source->id);
  self->entity_type = g_strdup (source->entity_type);
  self->entity_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));

  if (source->title != NULL)
    self->title = source->title (store, code, detail);
  else if (detail != NULL)
    self->title = g_strdup_printf ("%s: %s", _(source->default_title), detail);
  else
    self->title = g_strdup (_(source->default_title));

  self->time_text = self->all_day ? sot_date_format_display (when)
                                  : sot_time_format_display (self->time);

  return self;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const SotTimelineEvent *x = *(SotTimelineEvent * const *) a;
  const SotTimelineEvent *y = *(SotTimelineEvent * const *) b;

  if (x->usec != y->usec)
    return x->usec < y->usec ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->seq != y->seq)
    return x->seq < y->seq ? -1 : 1;
  return 0;
}

GListModel *
sot_timeline_load (SotStore  *store,
                   gint64     investigation_id,
                   GError   **error)
{
  return sot_timeline_load_with_sources (store, investigation_id, NULL, 0, error);
}

GListModel *
sot_timeline_load_with_sources (SotStore                 *store,
                                gint64                    investigation_id,
                                const SotTimelineSource  *extra_sources,
                                guint                     n_extra_sources,
                                GError                  **error)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GListStore) list = NULL;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (extra_sources != NULL || n_extra_sources == 0, NULL);
  for (guint i = 0; i < n_extra_sources; i++)
    g_return_val_if_fail (source_is_valid (&extra_sources[i]), NULL);

  sources = collect_sources (extra_sources, n_extra_sources);
  events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < sources->len; i++)
    {
      const SotTimelineSource *source = g_ptr_array_index (sources, i);
      sqlite3_stmt *stmt;
      guint seq = 0;
      int rc;

      if (source->requires_table != NULL)
        {
          gboolean exists = FALSE;

          if (!table_exists (store, source->requires_table, &exists, error))
            return NULL;
          if (!exists)
            continue;
        }

      stmt = sot_store_prepare (store, source->sql, error);
      if (stmt == NULL)
        {
          g_prefix_error (error, "timeline source %s: ", source->id);
          return NULL;
        }

      sqlite3_bind_int64 (stmt, 1, investigation_id);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SotTimelineEvent *event = event_new (store, source, stmt, seq++);

          if (event != NULL)
            g_ptr_array_add (events, event);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          sot_store_set_sqlite_error (store, error, _("Cannot read the timeline"));
          return NULL;
        }
    }

  /* The comparison is total (time, rank, position), so the order does not depend on the sort. */
  g_ptr_array_sort (events, compare_events);

  list = g_list_store_new (SOT_TYPE_TIMELINE_EVENT);
  g_list_store_splice (list, 0, 0, events->pdata, events->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}
