/* sot-investigation-dialog.c: the dialog that creates or edits an investigation, with inline
 * validation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-investigation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-investigation-dialog-private.h"
#include "sot-time.h"

struct _SotInvestigationDialog
{
  AdwWindow         parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkWidget        *save_button;
  GtkLabel         *pending_label;

  AdwEntryRow      *crime_reference_row;
  AdwComboRow      *offence_type_row;
  AdwEntryRow      *officer_row;
  AdwComboRow      *status_row;
  AdwEntryRow      *offence_from_date_row;
  AdwEntryRow      *offence_from_time_row;
  AdwEntryRow      *offence_until_date_row;
  AdwEntryRow      *offence_until_time_row;
  AdwEntryRow      *reported_on_row;
  AdwEntryRow      *recorded_on_row;
  AdwComboRow      *outcome_code_row;
  AdwEntryRow      *outcome_date_row;

  GtkLabel         *crime_reference_problem;
  GtkLabel         *offence_type_problem;
  GtkLabel         *officer_problem;
  GtkLabel         *status_problem;
  GtkLabel         *offence_from_problem;
  GtkLabel         *offence_until_problem;
  GtkLabel         *reported_on_problem;
  GtkLabel         *recorded_on_problem;
  GtkLabel         *outcome_code_problem;
  GtkLabel         *outcome_date_problem;

  SotStore         *store;
  SotInvestigation *original;   /* the investigation edited, or NULL for a new one */
  SotInvestigation *working;    /* the copy the form writes to */
  GHashTable       *touched;    /* field names the user has changed */
  gboolean          filling;    /* while the form is filled from the record */
};

G_DEFINE_FINAL_TYPE (SotInvestigationDialog, sot_investigation_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INVESTIGATION,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define MEMBER(name) G_STRUCT_OFFSET (SotInvestigationDialog, name)

/* Each field the core validates: the rows that edit it and the label under them. */
static const struct {
  const char *field;       /* as sot_investigation_check() names it */
  const char *title;       /* for the list of fields still to complete */
  gsize       problem;
  gsize       rows[2];     /* 0 when unused */
} fields[] = {
  { "crime-reference", N_("Crime reference"), MEMBER (crime_reference_problem),
    { MEMBER (crime_reference_row), 0 } },
  { "offence-type", N_("Offence"), MEMBER (offence_type_problem),
    { MEMBER (offence_type_row), 0 } },
  { "officer", N_("Officer in the case"), MEMBER (officer_problem),
    { MEMBER (officer_row), 0 } },
  { "status", N_("Status"), MEMBER (status_problem),
    { MEMBER (status_row), 0 } },
  { "offence-from", N_("Offence date"), MEMBER (offence_from_problem),
    { MEMBER (offence_from_date_row), MEMBER (offence_from_time_row) } },
  { "offence-until", N_("End of the offence"), MEMBER (offence_until_problem),
    { MEMBER (offence_until_date_row), MEMBER (offence_until_time_row) } },
  { "reported-on", N_("Reported on"), MEMBER (reported_on_problem),
    { MEMBER (reported_on_row), 0 } },
  { "recorded-on", N_("Recorded on"), MEMBER (recorded_on_problem),
    { MEMBER (recorded_on_row), 0 } },
  { "outcome-code", N_("Outcome"), MEMBER (outcome_code_problem),
    { MEMBER (outcome_code_row), 0 } },
  { "outcome-date", N_("Outcome date"), MEMBER (outcome_date_problem),
    { MEMBER (outcome_date_row), 0 } },
};

/* The rows by the names the tests use; offence times are two rows each. */
static const struct {
  const char *name;
  const char *field;
  gsize       row;
} rows[] = {
  { "crime-reference", "crime-reference", MEMBER (crime_reference_row) },
  { "offence-type", "offence-type", MEMBER (offence_type_row) },
  { "officer", "officer", MEMBER (officer_row) },
  { "status", "status", MEMBER (status_row) },
  { "offence-from-date", "offence-from", MEMBER (offence_from_date_row) },
  { "offence-from-time", "offence-from", MEMBER (offence_from_time_row) },
  { "offence-until-date", "offence-until", MEMBER (offence_until_date_row) },
  { "offence-until-time", "offence-until", MEMBER (offence_until_time_row) },
  { "reported-on", "reported-on", MEMBER (reported_on_row) },
  { "recorded-on", "recorded-on", MEMBER (recorded_on_row) },
  { "outcome-code", "outcome-code", MEMBER (outcome_code_row) },
  { "outcome-date", "outcome-date", MEMBER (outcome_date_row) },
};

#undef MEMBER

static GtkWidget *
member_widget (SotInvestigationDialog *self,
               gsize                   offset)
{
  return offset ? G_STRUCT_MEMBER (GtkWidget *, self, offset) : NULL;
}

static SotReference *
get_reference (SotInvestigationDialog *self)
{
  return sot_store_get_reference (self->store);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* A date and an optional time of day, in UK local time, as the core parses them. */
static char *
compose_time (AdwEntryRow *date_row,
              AdwEntryRow *time_row)
{
  g_autofree char *date = entry_text (date_row);
  g_autofree char *time = entry_text (time_row);

  if (*date == '\0' && *time == '\0')
    return NULL;

  if (*time == '\0')
    return g_steal_pointer (&date);

  return g_strconcat (date, "T", time, NULL);
}

static void
split_time (const char  *stored,
            AdwEntryRow *date_row,
            AdwEntryRow *time_row)
{
  g_autoptr(GDateTime) utc = stored ? sot_time_parse (stored, NULL) : NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (date_row), stored ? stored : "");
      gtk_editable_set_text (GTK_EDITABLE (time_row), "");
      return;
    }

  zone = sot_time_zone_uk ();
  local = g_date_time_to_timezone (utc, zone);
  date = g_date_time_format (local, "%Y-%m-%d");
  time = g_date_time_format (local, "%H:%M");

  gtk_editable_set_text (GTK_EDITABLE (date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (time_row), time);
}

static const char *
combo_value (AdwComboRow        *row,
             const char * const *values,
             guint               first)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < first)
    return NULL;

  return values[selected - first];
}

static void
select_value (AdwComboRow        *row,
              const char * const *values,
              guint               first,
              const char         *value)
{
  guint position = value == NULL && first > 0 ? 0 : GTK_INVALID_LIST_POSITION;

  for (guint i = 0; value != NULL && values[i] != NULL; i++)
    {
      if (g_str_equal (values[i], value))
        {
          position = i + first;
          break;
        }
    }

  adw_combo_row_set_selected (row, position);
}

/* Copies the form into the working copy. */
static void
read_form (SotInvestigationDialog *self)
{
  SotReference *reference = get_reference (self);
  g_autofree char *crime_reference = entry_text (self->crime_reference_row);
  g_autofree char *officer = entry_text (self->officer_row);
  g_autofree char *from = compose_time (self->offence_from_date_row, self->offence_from_time_row);
  g_autofree char *until = compose_time (self->offence_until_date_row,
                                         self->offence_until_time_row);
  g_autofree char *reported_on = entry_text (self->reported_on_row);
  g_autofree char *recorded_on = entry_text (self->recorded_on_row);
  g_autofree char *outcome_date = entry_text (self->outcome_date_row);

  sot_investigation_set_crime_reference (self->working, crime_reference);
  sot_investigation_set_offence_type (self->working,
                                      combo_value (self->offence_type_row,
                                                   sot_reference_get_offence_types (reference),
                                                   0));
  sot_investigation_set_officer (self->working, officer);
  sot_investigation_set_status (self->working,
                                combo_value (self->status_row, sot_investigation_statuses (), 0));
  sot_investigation_set_offence_from (self->working, from);
  sot_investigation_set_offence_until (self->working, until);
  sot_investigation_set_reported_on (self->working, reported_on);
  sot_investigation_set_recorded_on (self->working, recorded_on);
  sot_investigation_set_outcome_code (self->working,
                                      combo_value (self->outcome_code_row,
                                                   sot_reference_get_outcome_codes (reference),
                                                   1));
  sot_investigation_set_outcome_date (self->working, outcome_date);
}

static void
fill_form (SotInvestigationDialog *self)
{
  SotReference *reference = get_reference (self);
  SotInvestigation *inv = self->working;

  self->filling = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->crime_reference_row),
                         sot_investigation_get_crime_reference (inv) ?: "");
  select_value (self->offence_type_row, sot_reference_get_offence_types (reference), 0,
                sot_investigation_get_offence_type (inv));
  gtk_editable_set_text (GTK_EDITABLE (self->officer_row),
                         sot_investigation_get_officer (inv) ?: "");
  select_value (self->status_row, sot_investigation_statuses (), 0,
                sot_investigation_get_status (inv));
  split_time (sot_investigation_get_offence_from (inv),
              self->offence_from_date_row, self->offence_from_time_row);
  split_time (sot_investigation_get_offence_until (inv),
              self->offence_until_date_row, self->offence_until_time_row);
  gtk_editable_set_text (GTK_EDITABLE (self->reported_on_row),
                         sot_investigation_get_reported_on (inv) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->recorded_on_row),
                         sot_investigation_get_recorded_on (inv) ?: "");
  select_value (self->outcome_code_row, sot_reference_get_outcome_codes (reference), 1,
                sot_investigation_get_outcome_code (inv));
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_date_row),
                         sot_investigation_get_outcome_date (inv) ?: "");

  self->filling = FALSE;
}

static const char *
first_problem (GArray     *problems,
               const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      SotFieldProblem *problem = &g_array_index (problems, SotFieldProblem, i);

      if (g_strcmp0 (problem->field, field) == 0)
        return problem->message;
    }

  return NULL;
}

static void
show_problem (SotInvestigationDialog *self,
              guint                   index,
              const char             *message)
{
  GtkLabel *label = GTK_LABEL (member_widget (self, fields[index].problem));

  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (label)), message != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields[index].rows); i++)
    {
      GtkWidget *row = member_widget (self, fields[index].rows[i]);

      if (row == NULL)
        continue;

      if (message != NULL)
        {
          gtk_widget_add_css_class (row, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                          -1);
        }
      else
        {
          gtk_widget_remove_css_class (row, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (row),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
}

/* Checks the working copy with the core's rules, shows each problem at its field once the
 * user has changed that field, and enables Save only when there is none. */
static void
validate (SotInvestigationDialog *self)
{
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);
  const char *crime_reference;
  const char *taken_message = NULL;
  gboolean valid;

  problems = sot_investigation_check (self->working, get_reference (self));
  valid = problems->len == 0;

  crime_reference = sot_investigation_get_crime_reference (self->working);
  if (crime_reference != NULL)
    {
      gint64 except_id = self->original ? sot_investigation_get_id (self->original) : 0;

      if (sot_investigation_reference_taken (self->store, crime_reference, except_id, &error))
        taken_message = _("Another investigation already has this crime reference");
      else if (error != NULL)
        taken_message = error->message;

      valid = valid && taken_message == NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *message = first_problem (problems, fields[i].field);

      if (message == NULL && g_str_equal (fields[i].field, "crime-reference"))
        message = taken_message;

      if (message != NULL && !g_hash_table_contains (self->touched, fields[i].field))
        {
          if (pending->len > 0)
            /* Translators: between the names of the fields still to complete. */
            g_string_append (pending, _(", "));
          g_string_append (pending, _(fields[i].title));
          message = NULL;
        }

      show_problem (self, i, message);
    }

  if (pending->len > 0)
    {
      /* Translators: followed by the names of the fields still to fill in or correct. */
      g_autofree char *text = g_strdup_printf (_("Still to complete: %s"), pending->str);

      gtk_label_set_label (self->pending_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pending_label), pending->len > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "investigation-dialog.save", valid);
}

static const char *
field_of_row (SotInvestigationDialog *self,
              GtkWidget              *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (member_widget (self, rows[i].row) == row)
        return rows[i].field;
    }

  g_return_val_if_reached (NULL);
}

static void
form_changed (SotInvestigationDialog *self,
              GtkWidget              *row)
{
  if (self->filling || self->working == NULL)
    return;

  g_hash_table_add (self->touched, (gpointer) field_of_row (self, row));

  read_form (self);
  validate (self);
}

static void
entry_changed_cb (SotInvestigationDialog *self,
                  GtkEditable            *editable)
{
  form_changed (self, GTK_WIDGET (editable));
}

static void
combo_selected_cb (SotInvestigationDialog *self,
                   GParamSpec             *pspec,
                   AdwComboRow            *row)
{
  form_changed (self, GTK_WIDGET (row));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SotInvestigationDialog *self = SOT_INVESTIGATION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  read_form (self);

  /* The core validates again and writes in one transaction: on failure nothing is stored. */
  if (self->original == NULL)
    saved = sot_investigation_insert (self->working, self->store, &error);
  else
    saved = sot_investigation_update (self->working, self->store, NULL, &error);

  if (!saved)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      /* The core may have normalised the copy; the form stays what the user typed. */
      read_form (self);
      validate (self);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->working);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GListModel *
new_string_model (const char * const *first_labels,
                  const char * const *values,
                  const char *      (*label_of) (SotReference *, const char *),
                  SotReference       *reference)
{
  GtkStringList *list = gtk_string_list_new (first_labels);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label_of (reference, values[i]) ?: values[i]);

  return G_LIST_MODEL (list);
}

static const char *
status_label (SotReference *reference,
              const char   *status)
{
  return sot_investigation_status_label (status);
}

static void
populate_combos (SotInvestigationDialog *self)
{
  SotReference *reference = get_reference (self);
  const char * const *codes = sot_reference_get_outcome_codes (reference);
  const char * const none[] = { _("None"), NULL };
  g_autoptr(GListModel) offences = NULL;
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(GtkStringList) outcomes = NULL;

  offences = new_string_model (NULL, sot_reference_get_offence_types (reference),
                               sot_reference_get_offence_label, reference);
  statuses = new_string_model (NULL, sot_investigation_statuses (), status_label, reference);

  outcomes = gtk_string_list_new (none);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *label = sot_reference_get_outcome_label (reference, codes[i]);
      /* Translators: an outcome code and its meaning in the list of Home Office outcomes. */
      g_autofree char *text = label ? g_strdup_printf (_("%s — %s"), codes[i], label)
                                    : g_strdup (codes[i]);

      gtk_string_list_append (outcomes, text);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->offence_type_row, offences);
  adw_combo_row_set_model (self->status_row, statuses);
  adw_combo_row_set_model (self->outcome_code_row, G_LIST_MODEL (outcomes));
  self->filling = FALSE;
}

static void
sot_investigation_dialog_constructed (GObject *object)
{
  SotInvestigationDialog *self = (SotInvestigationDialog *)object;

  G_OBJECT_CLASS (sot_investigation_dialog_parent_class)->constructed (object);

  g_assert (SOT_IS_STORE (self->store));

  populate_combos (self);

  if (self->original != NULL)
    {
      self->working = sot_investigation_copy (self->original);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Investigation"));

      /* A saved record is shown with all its problems at once. */
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        g_hash_table_add (self->touched, (gpointer) fields[i].field);
    }
  else
    {
      self->working = sot_investigation_new ();
      gtk_window_set_title (GTK_WINDOW (self), _("New Investigation"));
    }

  fill_form (self);
  read_form (self);
  validate (self);
}

static void
sot_investigation_dialog_dispose (GObject *object)
{
  SotInvestigationDialog *self = (SotInvestigationDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_INVESTIGATION_DIALOG);
  g_clear_object (&self->working);
  g_clear_object (&self->original);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_investigation_dialog_parent_class)->dispose (object);
}

static void
sot_investigation_dialog_finalize (GObject *object)
{
  SotInvestigationDialog *self = (SotInvestigationDialog *)object;

  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (sot_investigation_dialog_parent_class)->finalize (object);
}

static void
sot_investigation_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SotInvestigationDialog *self = SOT_INVESTIGATION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_INVESTIGATION:
      g_value_set_object (value, self->original);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_investigation_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SotInvestigationDialog *self = SOT_INVESTIGATION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_INVESTIGATION:
      self->original = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_investigation_dialog_class_init (SotInvestigationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_investigation_dialog_constructed;
  object_class->dispose = sot_investigation_dialog_dispose;
  object_class->finalize = sot_investigation_dialog_finalize;
  object_class->get_property = sot_investigation_dialog_get_property;
  object_class->set_property = sot_investigation_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION] =
    g_param_spec_object ("investigation", NULL, NULL, SOT_TYPE_INVESTIGATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SotInvestigationDialog::saved:
   * @investigation: the investigation as saved, with its id and UUID
   *
   * Emitted once the store has saved the investigation, just before the dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SOT_TYPE_INVESTIGATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE
                                               "/ui/case/sot-investigation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, pending_label);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, crime_reference_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, offence_type_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, officer_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        offence_from_date_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        offence_from_time_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        offence_until_date_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        offence_until_time_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, reported_on_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, recorded_on_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, outcome_code_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, outcome_date_row);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        crime_reference_problem);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        offence_type_problem);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, officer_problem);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, status_problem);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        offence_from_problem);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        offence_until_problem);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, reported_on_problem);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog, recorded_on_problem);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        outcome_code_problem);
  gtk_widget_class_bind_template_child (widget_class, SotInvestigationDialog,
                                        outcome_date_problem);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);

  gtk_widget_class_install_action (widget_class, "investigation-dialog.save", NULL, save_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sot_investigation_dialog_init (SotInvestigationDialog *self)
{
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_init_template (GTK_WIDGET (self));
}

SotInvestigationDialog *
sot_investigation_dialog_new (GtkWindow        *parent,
                              SotStore         *store,
                              SotInvestigation *investigation)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (investigation == NULL || SOT_IS_INVESTIGATION (investigation), NULL);

  return g_object_new (SOT_TYPE_INVESTIGATION_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "investigation", investigation,
                       NULL);
}

GtkWidget *
sot_investigation_dialog_get_field (SotInvestigationDialog *self,
                                    const char             *name)
{
  g_return_val_if_fail (SOT_IS_INVESTIGATION_DIALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_str_equal (rows[i].name, name))
        return member_widget (self, rows[i].row);
    }

  g_return_val_if_reached (NULL);
}

const char *
sot_investigation_dialog_get_problem (SotInvestigationDialog *self,
                                      const char             *field)
{
  g_return_val_if_fail (SOT_IS_INVESTIGATION_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (fields[i].field, field))
        {
          GtkWidget *label = member_widget (self, fields[i].problem);

          if (!gtk_widget_get_visible (gtk_widget_get_parent (label)))
            return NULL;

          return gtk_label_get_label (GTK_LABEL (label));
        }
    }

  g_return_val_if_reached (NULL);
}

GtkWidget *
sot_investigation_dialog_get_save_button (SotInvestigationDialog *self)
{
  g_return_val_if_fail (SOT_IS_INVESTIGATION_DIALOG (self), NULL);

  return self->save_button;
}
