/* sot-due.c: what is due: every clock of a case, or of the workspace, in one list
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-due"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-due-private.h"
#include "sot-time.h"

static const struct {
  const char *id;
  const char *label;
} kinds[SOT_DUE_N_KINDS] = {
  [SOT_DUE_FORENSIC_WINDOW] = { "forensic-window", N_("Forensic window") },
  [SOT_DUE_LINE_OF_ENQUIRY] = { "line-of-enquiry", N_("Line of enquiry") },
  [SOT_DUE_DEVICE_RETURN] = { "device-return", N_("Device return") },
  [SOT_DUE_RIGHT6] = { "right6", N_("Victims’ Code Right 6") },
  [SOT_DUE_AGREED_UPDATE] = { "agreed-update", N_("Agreed update") },
  [SOT_DUE_EARLY_ADVICE] = { "early-advice", N_("Early advice") },
  [SOT_DUE_CPS_ACTION] = { "cps-action", N_("CPS action plan") },
  [SOT_DUE_BAIL] = { "pre-charge-bail", N_("Pre-charge bail") },
  [SOT_DUE_BAIL_VIEWS] = { "bail-views", N_("Victim’s views on bail") },
  [SOT_DUE_RUI_REVIEW] = { "rui-review", N_("Release under investigation") },
  [SOT_DUE_RIGHT_TO_REVIEW] = { "right-to-review", N_("Victims’ Right to Review") },
};

const char *
sot_due_kind_to_string (SotDueKind kind)
{
  g_return_val_if_fail (kind < SOT_DUE_N_KINDS, NULL);
  return kinds[kind].id;
}

gboolean
sot_due_kind_from_string (const char *text,
                          SotDueKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < SOT_DUE_N_KINDS; i++)
    {
      if (g_strcmp0 (text, kinds[i].id) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sot_due_kind_label (SotDueKind kind)
{
  g_return_val_if_fail (kind < SOT_DUE_N_KINDS, NULL);
  return _(kinds[kind].label);
}

const char *
sot_due_state_to_string (SotDueState state)
{
  static const char * const ids[] = { "due", "due-soon", "overdue", "met" };

  g_return_val_if_fail (state <= SOT_DUE_STATE_MET, NULL);
  return ids[state];
}

const char *
sot_due_state_label (SotDueState state)
{
  switch (state)
    {
    case SOT_DUE_STATE_DUE:
      return _("Due");
    case SOT_DUE_STATE_SOON:
      return _("Due soon");
    case SOT_DUE_STATE_OVERDUE:
      return _("Overdue");
    case SOT_DUE_STATE_MET:
    default:
      return _("Met");
    }
}

const char *
sot_due_group_label (SotDueGroup group)
{
  switch (group)
    {
    case SOT_DUE_GROUP_OVERDUE:
      return _("Overdue");
    case SOT_DUE_GROUP_TODAY:
      return _("Today");
    case SOT_DUE_GROUP_WEEK:
      return _("This week");
    case SOT_DUE_GROUP_LATER:
      return _("Later");
    case SOT_DUE_GROUP_MET:
    case SOT_DUE_N_GROUPS:
    default:
      return _("Met");
    }
}

/* ------------------------------------------------------------------------------------------ */
/* SotDue                                                                                      */

struct _SotDue
{
  GObject      parent_instance;

  SotDueKind   kind;
  char        *what;
  GDateTime   *due;
  char        *when_text;
  char        *investigation_uuid;
  char        *crime_reference;
  char        *owner;
  char        *source_uuid;
  SotDueState  state;
  SotDueGroup  group;
};

G_DEFINE_FINAL_TYPE (SotDue, sot_due, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_WHAT,
  PROP_WHEN_TEXT,
  PROP_INVESTIGATION_UUID,
  PROP_CRIME_REFERENCE,
  PROP_OWNER,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sot_due_finalize (GObject *object)
{
  SotDue *self = (SotDue *)object;

  g_free (self->what);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_free (self->when_text);
  g_free (self->investigation_uuid);
  g_free (self->crime_reference);
  g_free (self->owner);
  g_free (self->source_uuid);

  G_OBJECT_CLASS (sot_due_parent_class)->finalize (object);
}

static void
sot_due_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SotDue *self = SOT_DUE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, sot_due_kind_to_string (self->kind));
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, sot_due_kind_label (self->kind));
      break;
    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;
    case PROP_WHEN_TEXT:
      g_value_set_string (value, self->when_text);
      break;
    case PROP_INVESTIGATION_UUID:
      g_value_set_string (value, self->investigation_uuid);
      break;
    case PROP_CRIME_REFERENCE:
      g_value_set_string (value, self->crime_reference);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_STATE:
      g_value_set_string (value, sot_due_state_to_string (self->state));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_due_class_init (SotDueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sot_due_finalize;
  object_class->get_property = sot_due_get_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_WHAT] = g_param_spec_string ("what", NULL, NULL, NULL, flags);
  properties[PROP_WHEN_TEXT] = g_param_spec_string ("when-text", NULL, NULL, NULL, flags);
  properties[PROP_INVESTIGATION_UUID] =
    g_param_spec_string ("investigation-uuid", NULL, NULL, NULL, flags);
  properties[PROP_CRIME_REFERENCE] =
    g_param_spec_string ("crime-reference", NULL, NULL, NULL, flags);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sot_due_init (SotDue *self)
{
}

#define GETTER(type, name, field, fallback) \
  type \
  sot_due_get_##name (SotDue *self) \
  { \
    g_return_val_if_fail (SOT_IS_DUE (self), fallback); \
    return self->field; \
  }

GETTER (SotDueKind, kind, kind, SOT_DUE_FORENSIC_WINDOW)
GETTER (const char *, what, what, NULL)
GETTER (GDateTime *, due, due, NULL)
GETTER (const char *, when_text, when_text, NULL)
GETTER (const char *, investigation_uuid, investigation_uuid, NULL)
GETTER (const char *, crime_reference, crime_reference, NULL)
GETTER (const char *, owner, owner, NULL)
GETTER (const char *, source_uuid, source_uuid, NULL)
GETTER (SotDueState, state, state, SOT_DUE_STATE_DUE)
GETTER (SotDueGroup, group, group, SOT_DUE_GROUP_LATER)

/* ------------------------------------------------------------------------------------------ */
/* Gathering                                                                                   */

GDateTime *
_sot_due_end_of_day (const GDate *day)
{
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) end = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                              g_date_get_day (day), 23, 59, 59);

  return g_date_time_to_utc (end);
}

/* State and group at @ctx's now. */
static void
judge (SotDue        *self,
       SotDueContext *ctx,
       gboolean       met)
{
  GDate day;
  gint64 days;

  if (met)
    {
      self->state = SOT_DUE_STATE_MET;
      self->group = SOT_DUE_GROUP_MET;
      return;
    }

  /* No time known: it needs doing today, if only to find out the time. */
  if (self->due == NULL)
    {
      self->state = SOT_DUE_STATE_SOON;
      self->group = SOT_DUE_GROUP_TODAY;
      return;
    }

  sot_date_from_time (self->due, &day);
  days = (gint64) g_date_get_julian (&day) - (gint64) g_date_get_julian (&ctx->today);

  if (g_date_time_compare (self->due, ctx->now) < 0)
    {
      self->state = SOT_DUE_STATE_OVERDUE;
      self->group = SOT_DUE_GROUP_OVERDUE;
    }
  else if (days <= SOT_DUE_SOON_DAYS)
    {
      self->state = SOT_DUE_STATE_SOON;
      self->group = days == 0 ? SOT_DUE_GROUP_TODAY : SOT_DUE_GROUP_WEEK;
    }
  else
    {
      self->state = SOT_DUE_STATE_DUE;
      self->group = SOT_DUE_GROUP_LATER;
    }
}

static char *
when_text_for (SotDue *self)
{
  g_autofree char *display = NULL;

  if (self->due == NULL)
    return g_strdup (_("No time can be given"));

  display = sot_time_format_display (self->due);

  switch (self->state)
    {
    case SOT_DUE_STATE_OVERDUE:
      /* TRANSLATORS: %s is a date and time */
      return g_strdup_printf (_("Overdue: was due by %s"), display);
    case SOT_DUE_STATE_MET:
      return g_strdup_printf (_("Met (due by %s)"), display);
    case SOT_DUE_STATE_DUE:
    case SOT_DUE_STATE_SOON:
    default:
      return g_strdup_printf (_("Due by %s"), display);
    }
}

void
_sot_due_add (SotDueContext *ctx,
              gint64         investigation_id,
              SotDueKind     kind,
              const char    *what,
              GDateTime     *due,
              gboolean       met,
              const char    *owner,
              const char    *source_uuid,
              const char    *when_text)
{
  SotDueCase *c = g_hash_table_lookup (ctx->cases, &investigation_id);
  SotDue *self;

  if (c == NULL || (met && !ctx->include_met))
    return;

  self = g_object_new (SOT_TYPE_DUE, NULL);
  self->kind = kind;
  self->what = g_strdup (what);
  self->due = due != NULL ? g_date_time_to_utc (due) : NULL;
  self->investigation_uuid = g_strdup (c->uuid);
  self->crime_reference = g_strdup (c->crime_reference);
  self->owner = g_strdup (owner != NULL && *owner != '\0' ? owner : c->officer);
  self->source_uuid = g_strdup (source_uuid);
  judge (self, ctx, met);
  self->when_text = when_text != NULL ? g_strdup (when_text) : when_text_for (self);

  g_ptr_array_add (ctx->items, self);
}

static void
due_case_free (SotDueCase *c)
{
  g_free (c->uuid);
  g_free (c->crime_reference);
  g_free (c->officer);
  g_free (c->offence_from);
  g_free (c->offence_until);
  g_free (c->status);
  g_free (c);
}

static gboolean
load_cases (SotDueContext  *ctx,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sot_store_prepare (ctx->store,
                            "SELECT id, uuid, crime_reference, officer, offence_from, "
                            "offence_until, status FROM investigation WHERE ?1 = 0 OR id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ctx->investigation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SotDueCase *c = g_new0 (SotDueCase, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->uuid = sot_store_column_dup (stmt, 1);
      c->crime_reference = sot_store_column_dup (stmt, 2);
      c->officer = sot_store_column_dup (stmt, 3);
      c->offence_from = sot_store_column_dup (stmt, 4);
      c->offence_until = sot_store_column_dup (stmt, 5);
      c->status = sot_store_column_dup (stmt, 6);
      g_hash_table_insert (ctx->cases, &c->id, c);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (ctx->store, error, _("Cannot read the investigations"));
      return FALSE;
    }

  return TRUE;
}

/* Items with no time first (they ask for one), then by time, then by case and words so that
 * the same workspace always lists the same way. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  SotDue *x = *(SotDue **) a;
  SotDue *y = *(SotDue **) b;
  int c;

  if ((x->due == NULL) != (y->due == NULL))
    return x->due == NULL ? -1 : 1;
  if (x->due != NULL && (c = g_date_time_compare (x->due, y->due)) != 0)
    return c;
  if ((c = g_strcmp0 (x->crime_reference, y->crime_reference)) != 0)
    return c;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return g_strcmp0 (x->what, y->what);
}

GListModel *
sot_due_gather (SotStore    *store,
                gint64       investigation_id,
                GDateTime   *now,
                gboolean     include_met,
                GError     **error)
{
  static gboolean (* const sources[]) (SotDueContext *, GError **) = {
    _sot_due_add_forensic_windows, _sot_due_add_lines, _sot_due_add_devices,
    _sot_due_add_deadlines, _sot_due_add_early_advice, _sot_due_add_bail, _sot_due_add_rui,
    _sot_due_add_right_to_review,
  };
  g_autoptr(GListStore) list = g_list_store_new (SOT_TYPE_DUE);
  g_autoptr(GHashTable) cases = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) store_now = NULL;
  SotDueContext ctx = { 0 };

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  if (now == NULL)
    now = store_now = sot_store_now (store);

  cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                 (GDestroyNotify) due_case_free);
  items = g_ptr_array_new_with_free_func (g_object_unref);

  ctx.store = store;
  ctx.investigation_id = investigation_id;
  ctx.now = now;
  ctx.include_met = include_met;
  ctx.cases = cases;
  ctx.items = items;
  sot_date_from_time (now, &ctx.today);

  if (!load_cases (&ctx, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (!sources[i] (&ctx, error))
      return NULL;

  g_ptr_array_sort (items, compare_items);

  /* One splice: a view bound to the list sees a single items-changed. */
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

SotDue *
sot_due_next (GListModel *items)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SotDue) item = g_list_model_get_item (items, i);

      if (item->state != SOT_DUE_STATE_MET)
        return g_steal_pointer (&item);
    }

  return NULL;
}
