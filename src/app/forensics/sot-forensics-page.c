/* sot-forensics-page.c: the Forensics page of an open investigation
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-forensics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-device.h"
#include "sot-exhibit.h"
#include "sot-forensic-pdf.h"
#include "sot-forensic-window.h"
#include "sot-forensics-page-private.h"
#include "sot-time.h"

#define TICK_SECONDS 60

struct _SotForensicsPage
{
  AdwPreferencesPage    parent_instance;

  AdwPreferencesGroup  *windows_group;
  GtkListBox           *windows_list;
  GtkLabel             *windows_note;
  GtkListBox           *exhibits_list;
  GtkListBox           *devices_list;
  GtkListBox           *requests_list;
  GtkButton            *labels_button;
  GtkButton            *add_device_button;
  GtkButton            *add_request_button;

  SotStore             *store;
  SotForensicCatalogue *catalogue;
  GError               *catalogue_warning;
  SotInvestigation     *investigation;
  GPtrArray            *exhibits;        /* SotExhibit, as listed */
  GPtrArray            *devices;         /* SotDevice, as listed */
  GPtrArray            *requests;        /* SotThirdPartyRequest, as listed */
  GHashTable           *device_flags;    /* device uuid → the 24-hour flag text shown */
  GPtrArray            *request_titles;  /* the titles of the request rows shown */
  GHashTable           *window_status;   /* sample id → status id shown */
  GHashTable           *window_value;    /* sample id → value text shown */
  GHashTable           *breaks;          /* exhibit uuid → GPtrArray of messages shown */
  GHashTable           *expanded;        /* exhibit uuids whose rows are open */
  guint                 tick_id;
};

G_DEFINE_FINAL_TYPE (SotForensicsPage, sot_forensics_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CATALOGUE,
  PROP_INVESTIGATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWindow *
parent_window (SotForensicsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (SotForensicsPage *self,
            const char       *heading,
            const GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
action_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
status_badge (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
format_stored (const char *stored)
{
  g_autoptr(GDateTime) dt = stored != NULL ? sot_time_parse (stored, NULL) : NULL;

  if (dt == NULL)
    return g_strdup (stored);

  return sot_forensic_format_time (dt);
}

static char *
now_for_entry (SotForensicsPage *self)
{
  g_autoptr(GDateTime) now = sot_store_now (self->store);
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Windows */

static void
refresh_windows (SotForensicsPage *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *description = NULL;
  g_autofree char *from_text = NULL;
  const char *until_stored;

  clear_list (self->windows_list);
  g_hash_table_remove_all (self->window_status);
  g_hash_table_remove_all (self->window_value);

  if (self->investigation == NULL || self->store == NULL)
    return;

  from = sot_time_parse (sot_investigation_get_offence_from (self->investigation), NULL);
  until_stored = sot_investigation_get_offence_until (self->investigation);
  if (until_stored != NULL && *until_stored != '\0')
    until = sot_time_parse (until_stored, NULL);

  if (from == NULL)
    {
      adw_preferences_group_set_description (self->windows_group,
                                             _("The offence time is not recorded."));
      gtk_list_box_append (self->windows_list,
                           placeholder_row (_("Record the offence time to see the windows")));
      return;
    }

  now = sot_store_now (self->store);
  windows = sot_forensic_windows_compute (self->catalogue, SOT_SAMPLE_SUBJECT_COMPLAINANT, from,
                                          until, now, SOT_FORENSIC_WINDOW_DEFAULT_CLOSING_HOURS,
                                          &error);

  from_text = sot_forensic_format_time (from);
  if (until != NULL)
    {
      g_autofree char *until_text = sot_forensic_format_time (until);

      description = g_strdup_printf (_("Offence between %s and %s. Windows are elapsed hours "
                                       "from the offence; closing means 24 hours or less left."),
                                     from_text, until_text);
    }
  else
    description = g_strdup_printf (_("Offence at %s. Windows are elapsed hours from the "
                                     "offence; closing means 24 hours or less left."), from_text);
  adw_preferences_group_set_description (self->windows_group, description);

  if (windows == NULL)
    {
      gtk_list_box_append (self->windows_list, placeholder_row (error->message));
      return;
    }

  for (guint i = 0; i < windows->len; i++)
    {
      SotForensicWindow *w = g_ptr_array_index (windows, i);
      g_autofree char *value = sot_forensic_window_describe_value (w);
      g_autofree char *deadlines = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      const char *css = NULL;

      if (w->certain_deadline != NULL)
        {
          deadlines = sot_forensic_window_describe_deadlines (w);
          subtitle = g_strdup_printf ("%s\n%s", value, deadlines);
        }
      else
        subtitle = g_strdup (value);

      row = action_row (sot_forensic_sample_get_label (w->sample), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

      switch (w->status)
        {
        case SOT_WINDOW_OPEN:
          css = "success";
          break;
        case SOT_WINDOW_CLOSING:
          css = "warning";
          break;
        case SOT_WINDOW_CLOSED:
          css = "error";
          break;
        case SOT_WINDOW_NO_FIGURE:
        default:
          css = "dim-label";
        }

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 status_badge (sot_window_status_label (w->status), css));
      if (!w->confirmed)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, _(SOT_FORENSIC_VERIFY_NOTE));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _(SOT_FORENSIC_VERIFY_NOTE), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }

      gtk_list_box_append (self->windows_list, row);
      g_hash_table_insert (self->window_status, g_strdup (sot_forensic_sample_get_id (w->sample)),
                           g_strdup (sot_window_status_to_string (w->status)));
      g_hash_table_insert (self->window_value, g_strdup (sot_forensic_sample_get_id (w->sample)),
                           g_strdup (value));
    }

  if (until != NULL)
    g_string_append (note, _("The offence time is a range. The certain deadline counts from the "
                             "earliest possible time: before it, a sample is in time whenever the "
                             "offence happened. The last possible deadline counts from the latest "
                             "possible time: after it, the window has closed whenever it happened. "
                             "Between the two, the sample may already be too late.\n"));
  g_string_append_printf (note, _("Catalogue: %s, version %s. Only values marked confirmed were "
                                  "checked against a source; verify every other value against the "
                                  "current FFLM table."),
                          sot_forensic_catalogue_get_name (self->catalogue),
                          sot_forensic_catalogue_get_version (self->catalogue));
  if (self->catalogue_warning != NULL)
    g_string_append_printf (note, "\n%s", self->catalogue_warning->message);
  gtk_label_set_text (self->windows_note, note->str);
}

static void refresh_devices (SotForensicsPage *self);

static gboolean
tick_cb (gpointer data)
{
  SotForensicsPage *self = data;

  refresh_windows (self);

  /* A device still held may cross the 24 hours; returned ones do not change. */
  for (guint i = 0; self->devices != NULL && i < self->devices->len; i++)
    if (((SotDevice *) g_ptr_array_index (self->devices, i))->returned_at == NULL)
      {
        refresh_devices (self);
        break;
      }

  return G_SOURCE_CONTINUE;
}

/* The register */

static void add_movement_clicked_cb (GtkButton *button, SotForensicsPage *self);
static void correct_clicked_cb (GtkButton *button, SotForensicsPage *self);
static void continuity_clicked_cb (GtkButton *button, SotForensicsPage *self);
static void lab_clicked_cb (GtkButton *button, SotForensicsPage *self);
static void retention_clicked_cb (GtkButton *button, SotForensicsPage *self);
static void record_return_clicked_cb (GtkButton *button, SotForensicsPage *self);
static void outcome_clicked_cb (GtkButton *button, SotForensicsPage *self);

static void
expanded_cb (AdwExpanderRow   *row,
             GParamSpec       *pspec,
             SotForensicsPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "exhibit-uuid");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (uuid));
  else
    g_hash_table_remove (self->expanded, uuid);
}

static const char *retention_label (const char *retention);

static GtkWidget *
laboratory_row (SotExhibit *exhibit)
{
  g_autoptr(GString) sub = g_string_new (NULL);

  if (exhibit->lab_name == NULL && exhibit->lab_submitted_at == NULL)
    return action_row (_("Laboratory"), _("Not submitted"));

  if (exhibit->lab_submitted_at != NULL)
    {
      g_autofree char *submitted = format_stored (exhibit->lab_submitted_at);

      g_string_append_printf (sub, _("%s, submitted %s"),
                              exhibit->lab_name ? exhibit->lab_name : _("Laboratory"), submitted);
    }
  else
    g_string_append (sub, exhibit->lab_name);

  g_string_append_c (sub, '\n');
  if (exhibit->lab_result != NULL)
    {
      g_autofree char *result_at = format_stored (exhibit->lab_result_at);

      g_string_append_printf (sub, _("Result: %s (%s)"), exhibit->lab_result,
                              result_at ? result_at : _("time not recorded"));
    }
  else
    g_string_append (sub, _("No result yet"));

  return action_row (_("Laboratory"), sub->str);
}

static GtkWidget *
retention_row (SotExhibit *exhibit)
{
  g_autofree char *sub = NULL;

  if (exhibit->retention == NULL)
    return action_row (_("Retention"), _("Not decided yet"));

  /* Translators: a decision ("Retain"), its date, and who decided and why. */
  sub = g_strdup_printf (_("%s · decided %s%s%s"), retention_label (exhibit->retention),
                         exhibit->retention_decided_on ? exhibit->retention_decided_on : "",
                         exhibit->retention_note ? " · " : "",
                         exhibit->retention_note ? exhibit->retention_note : "");
  return action_row (_("Retention"), sub);
}

static GtkWidget *
exhibit_row (SotForensicsPage *self,
             SotExhibit       *exhibit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) movements = sot_exhibit_list_movements (self->store, exhibit, &error);
  g_autoptr(GPtrArray) breaks = sot_exhibit_check_continuity (self->store, exhibit,
                                                              self->catalogue, &error);
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *buttons, *button, *actions;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  title = g_strdup_printf ("%s · %s", exhibit->reference, exhibit->description);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (breaks != NULL && breaks->len > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Continuity broken"), -1);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Now with %s · %u break in continuity",
                                               "Now with %s · %u breaks in continuity",
                                               breaks->len),
                                  exhibit->current_holder, breaks->len);
    }
  else
    subtitle = g_strdup_printf (_("Now with %s · continuity complete"), exhibit->current_holder);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "exhibit-uuid", g_strdup (exhibit->uuid), g_free);

  /* The breaks first, where they cannot be missed. */
  for (guint i = 0; breaks != NULL && i < breaks->len; i++)
    {
      SotContinuityBreak *brk = g_ptr_array_index (breaks, i);
      GtkWidget *brow = action_row (brk->message, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (brow), brk->message);
      gtk_widget_add_css_class (brow, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      C_("accessible", "Break in continuity"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (brow), icon);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), brow);
      g_ptr_array_add (shown, g_strdup (brk->message));
    }
  g_hash_table_insert (self->breaks, g_strdup (exhibit->uuid), shown);

  {
    g_autofree char *seized = format_stored (exhibit->seized_at);
    g_autofree char *line = g_strdup_printf (_("0. Seized by %s"), exhibit->seized_by);
    g_autofree char *sub = g_strdup_printf ("%s%s%s%s%s", seized,
                                            exhibit->seized_place ? " · " : "",
                                            exhibit->seized_place ? exhibit->seized_place : "",
                                            exhibit->seal_number ? _(" · seal ") : "",
                                            exhibit->seal_number ? exhibit->seal_number : "");

    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action_row (line, sub));
  }

  for (guint i = 0; movements != NULL && i < movements->len; i++)
    {
      SotExhibitMovement *m = g_ptr_array_index (movements, i);
      g_autofree char *when = format_stored (m->moved_at);
      g_autofree char *line = g_strdup_printf ("%d. %s → %s", m->position, m->from_holder,
                                               m->to_holder);
      g_autoptr(GString) sub = g_string_new (when);
      GtkWidget *mrow;

      g_string_append_printf (sub, " · %s", sot_movement_purpose_label (m->purpose));
      if (m->place != NULL)
        g_string_append_printf (sub, " · %s", m->place);
      if (m->corrects_uuid != NULL)
        {
          g_string_append_c (sub, '\n');
          g_string_append_printf (sub, _("Correction: %s"),
                                  m->correction_reason ? m->correction_reason : "");
        }
      if (m->superseded)
        g_string_append_printf (sub, "\n%s", _("Superseded by a correction"));

      mrow = action_row (line, sub->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (mrow), 3);
      if (m->superseded)
        gtk_widget_add_css_class (mrow, "dim-label");
      else
        {
          GtkWidget *correct = gtk_button_new_with_mnemonic (_("_Correct…"));

          gtk_widget_set_valign (correct, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (correct, "flat");
          g_object_set_data_full (G_OBJECT (correct), "exhibit-uuid", g_strdup (exhibit->uuid), g_free);
          g_object_set_data_full (G_OBJECT (correct), "movement-uuid", g_strdup (m->uuid), g_free);
          g_signal_connect (correct, "clicked", G_CALLBACK (correct_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (mrow), correct);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), mrow);
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), laboratory_row (exhibit));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), retention_row (exhibit));

  actions = adw_action_row_new ();
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  button = gtk_button_new_with_mnemonic (_("Add _Movement…"));
  g_object_set_data_full (G_OBJECT (button), "exhibit-uuid", g_strdup (exhibit->uuid), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (add_movement_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Laboratory…"));
  g_object_set_data_full (G_OBJECT (button), "exhibit-uuid", g_strdup (exhibit->uuid), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (lab_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Retention…"));
  g_object_set_data_full (G_OBJECT (button), "exhibit-uuid", g_strdup (exhibit->uuid), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (retention_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Continuity _PDF…"));
  g_object_set_data_full (G_OBJECT (button), "exhibit-uuid", g_strdup (exhibit->uuid), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (continuity_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  adw_action_row_add_prefix (ADW_ACTION_ROW (actions), buttons);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions);

  if (g_hash_table_contains (self->expanded, exhibit->uuid))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);

  return row;
}

static GtkWidget *
device_row (SotForensicsPage *self,
            SotDevice        *device,
            GDateTime        *now)
{
  g_autofree char *taken = format_stored (device->taken_at);
  g_autofree char *held = sot_forensic_format_duration (sot_device_held_for (device, now));
  g_autofree char *title = g_strdup_printf ("%s · %s", sot_device_owner_label (device->owner_role),
                                            device->description);
  g_autoptr(GString) sub = g_string_new (NULL);
  GtkWidget *row;

  g_string_append (sub, sot_device_legal_basis_label (device->legal_basis));
  if (device->written_notice_on != NULL)
    g_string_append_printf (sub, _(" · written notice %s"), device->written_notice_on);
  if (device->dpn_variant != NULL)
    g_string_append_printf (sub, " · %s %s", g_str_equal (device->dpn_variant, SOT_DPN_A)
                                             ? "DPN-a" : "DPN-c",
                            device->dpn_given_on ? device->dpn_given_on : "");
  if (device->extraction_level != NULL)
    g_string_append_printf (sub, " · %s", sot_device_extraction_label (device->extraction_level));
  g_string_append_c (sub, '\n');
  if (device->returned_at != NULL)
    {
      g_autofree char *returned = format_stored (device->returned_at);

      g_string_append_printf (sub, _("Taken %s, returned %s: held %s"), taken, returned, held);
    }
  else
    g_string_append_printf (sub, _("Taken %s, not yet returned: held %s so far"), taken, held);
  if (device->line_of_enquiry != NULL)
    g_string_append_printf (sub, _("\nLine of enquiry: %s"), device->line_of_enquiry);
  if (device->scope_data_types != NULL)
    g_string_append_printf (sub, _("\nScope: %s %s–%s"), device->scope_data_types,
                            device->scope_from ? device->scope_from : "",
                            device->scope_until ? device->scope_until : "");

  row = action_row (title, sub->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 5);

  if (sot_device_is_flagged (device, now))
    {
      const char *flag = device->swap_out_given ? _("Over 24 hours (swap-out phone given)")
                                                : _("Over 24 hours");

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_badge (flag, "error"));
      g_hash_table_insert (self->device_flags, g_strdup (device->uuid), g_strdup (flag));
    }

  if (device->returned_at == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Return…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "device-uuid", g_strdup (device->uuid), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (record_return_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static GtkWidget *
request_row (SotForensicsPage     *self,
             SotThirdPartyRequest *request)
{
  GtkWidget *button;
  g_autofree char *title = g_strdup_printf ("%s · %s", request->holder, request->material);
  g_autoptr(GString) sub = g_string_new (NULL);
  GtkWidget *row;

  g_string_append_printf (sub, _("Why: %s"), request->reason);
  g_string_append_printf (sub, _("\nNecessary and proportionate: %s"), request->necessity_note);
  if (request->counselling)
    g_string_append_printf (sub, _("\nCounselling records; substantial probative value: %s"),
                            request->probative_value_note);
  g_string_append_c (sub, '\n');
  g_string_append_printf (sub, _("Requested %s"), request->requested_on ? request->requested_on
                                                                         : _("(not yet)"));
  if (request->victim_notified_on != NULL)
    g_string_append_printf (sub, _(" · victim told %s"), request->victim_notified_on);
  else
    g_string_append (sub, _(" · victim not yet told"));
  if (request->outcome_on != NULL || request->outcome_note != NULL)
    {
      g_string_append_c (sub, '\n');
      if (request->outcome_on != NULL)
        /* Translators: an outcome ("Refused") and its date. */
        g_string_append_printf (sub, _("%s on %s"),
                                sot_third_party_outcome_label (request->outcome),
                                request->outcome_on);
      else
        g_string_append (sub, sot_third_party_outcome_label (request->outcome));
      if (request->outcome_note != NULL)
        g_string_append_printf (sub, " · %s", request->outcome_note);
    }

  row = action_row (title, sub->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 5);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             status_badge (sot_third_party_outcome_label (request->outcome),
                                           request->victim_notified_on == NULL ? "warning" : NULL));

  button = gtk_button_new_with_mnemonic (_("_Outcome…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Record the outcome of the request"));
  g_object_set_data_full (G_OBJECT (button), "request-uuid", g_strdup (request->uuid), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (outcome_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_ptr_array_add (self->request_titles, g_strdup (title));
  return row;
}

/* The devices alone: the time they have been held changes with the clock. */
static void
refresh_devices (SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;

  clear_list (self->devices_list);
  g_hash_table_remove_all (self->device_flags);
  g_clear_pointer (&self->devices, g_ptr_array_unref);

  if (self->investigation == NULL || self->store == NULL)
    return;

  now = sot_store_now (self->store);
  self->devices = sot_device_list (self->store, sot_investigation_get_id (self->investigation),
                                   &error);
  if (self->devices == NULL)
    gtk_list_box_append (self->devices_list, placeholder_row (error->message));
  else if (self->devices->len == 0)
    gtk_list_box_append (self->devices_list, placeholder_row (_("No devices taken")));
  else
    for (guint i = 0; i < self->devices->len; i++)
      gtk_list_box_append (self->devices_list,
                           device_row (self, g_ptr_array_index (self->devices, i), now));
}

static void
refresh_register (SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  clear_list (self->exhibits_list);
  clear_list (self->requests_list);
  g_hash_table_remove_all (self->breaks);
  g_ptr_array_set_size (self->request_titles, 0);
  g_clear_pointer (&self->exhibits, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);

  refresh_devices (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_device_button), self->investigation != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_request_button), self->investigation != NULL);

  if (self->investigation == NULL || self->store == NULL)
    return;

  id = sot_investigation_get_id (self->investigation);

  self->exhibits = sot_exhibit_list (self->store, id, &error);
  if (self->exhibits == NULL)
    {
      gtk_list_box_append (self->exhibits_list, placeholder_row (error->message));
      g_clear_error (&error);
    }
  else if (self->exhibits->len == 0)
    gtk_list_box_append (self->exhibits_list, placeholder_row (_("No exhibits yet")));
  else
    for (guint i = 0; i < self->exhibits->len; i++)
      gtk_list_box_append (self->exhibits_list,
                           exhibit_row (self, g_ptr_array_index (self->exhibits, i)));

  gtk_widget_set_sensitive (GTK_WIDGET (self->labels_button),
                            self->exhibits != NULL && self->exhibits->len > 0);

  self->requests = sot_third_party_request_list (self->store, id, &error);
  if (self->requests == NULL)
    gtk_list_box_append (self->requests_list, placeholder_row (error->message));
  else if (self->requests->len == 0)
    gtk_list_box_append (self->requests_list, placeholder_row (_("No requests made")));
  else
    for (guint i = 0; i < self->requests->len; i++)
      gtk_list_box_append (self->requests_list,
                           request_row (self, g_ptr_array_index (self->requests, i)));
}

static SotExhibit *
find_exhibit (SotForensicsPage *self,
              const char       *uuid)
{
  for (guint i = 0; self->exhibits != NULL && i < self->exhibits->len; i++)
    {
      SotExhibit *exhibit = g_ptr_array_index (self->exhibits, i);

      if (g_strcmp0 (exhibit->uuid, uuid) == 0)
        return exhibit;
    }

  return NULL;
}

/* Dialogs
 *
 * The forms are AdwMessageDialogs whose extra child is a boxed list of rows. Each row is kept
 * on the dialog under "field-NAME" (entries), "choice-NAME" (combo rows) or "switch-NAME", so
 * that the response handlers and the tests can reach them. Every change revalidates the whole
 * form: a field in error shows why in a row right under it, and the accept response stays
 * disabled until the form is valid.
 */

/* A time may be this far ahead of the clock, as the core allows, for clocks a little apart. */
#define FUTURE_TOLERANCE (5 * G_TIME_SPAN_MINUTE)

typedef enum {
  FIELD_REQUIRED  = 1 << 0,
  FIELD_TIME      = 1 << 1,   /* "YYYY-MM-DD HH:MM", UK local time, not in the future */
  FIELD_DATE      = 1 << 2,   /* "YYYY-MM-DD", not in the future unless FIELD_FUTURE_OK */
  FIELD_FUTURE_OK = 1 << 3,
} FieldFlags;

/* Shows or hides the fields that depend on others; runs before the fields are checked. */
typedef void (*FormSync) (GtkWidget *dialog);
/* A cross-field check: sets errors with set_field_error() and returns whether all is well. */
typedef gboolean (*FormCheck) (GtkWidget *dialog);

static void validate_form (GtkWidget *dialog);

static GtkWidget *
form_row (GtkWidget  *dialog,
          const char *name)
{
  static const char * const prefixes[] = { "field", "choice", "switch" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s-%s", prefixes[i], name);
      GtkWidget *widget = g_object_get_data (G_OBJECT (dialog), key);

      if (widget != NULL && g_object_get_data (G_OBJECT (widget), "sot-row") != NULL)
        return g_object_get_data (G_OBJECT (widget), "sot-row");
      if (widget != NULL)
        return widget;
    }

  return NULL;
}

/* Adds, under @row, the hidden row that tells what is wrong with it. */
static void
add_error_row (GtkWidget  *dialog,
               GtkListBox *form,
               GtkWidget  *row)
{
  GtkWidget *error_row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GPtrArray *rows = g_object_get_data (G_OBJECT (dialog), "sot-rows");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_focusable (error_row, FALSE);
  gtk_widget_set_visible (error_row, FALSE);
  gtk_list_box_append (form, error_row);

  g_object_set_data (G_OBJECT (row), "sot-error-row", error_row);
  g_object_set_data (G_OBJECT (row), "sot-error-label", label);
  g_ptr_array_add (rows, row);
}

/* Shows @message (or nothing for %NULL) at @row. */
static void
show_row_error (GtkWidget  *row,
                const char *message)
{
  GtkWidget *error_row = g_object_get_data (G_OBJECT (row), "sot-error-row");
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "sot-error-label");
  gboolean shown = message != NULL && gtk_widget_get_visible (row);

  g_assert (error_row != NULL && label != NULL);

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (error_row, shown);
  if (shown)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* For cross-field checks: shows @message at the field @name unless it already shows one. */
static void
set_field_error (GtkWidget  *dialog,
                 const char *name,
                 const char *message)
{
  GtkWidget *row = form_row (dialog, name);
  GtkWidget *error_row;

  g_assert (row != NULL);
  error_row = g_object_get_data (G_OBJECT (row), "sot-error-row");
  if (!gtk_widget_get_visible (error_row))
    show_row_error (row, message);
}

static GtkWidget *
entry_field (GtkWidget  *dialog,
             GtkListBox *form,
             const char *name,
             const char *title,
             const char *text,
             FieldFlags  flags)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *key = g_strdup_printf ("field-%s", name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (form, row);
  g_object_set_data (G_OBJECT (row), "sot-flags", GUINT_TO_POINTER (flags));
  g_object_set_data (G_OBJECT (dialog), key, row);
  add_error_row (dialog, form, row);
  g_signal_connect_object (row, "changed", G_CALLBACK (validate_form), dialog, G_CONNECT_SWAPPED);
  return row;
}

/* A choice among @labels; the chosen index maps onto @ids (kept on the dialog). */
static GtkWidget *
choice_field (GtkWidget           *dialog,
              GtkListBox          *form,
              const char          *name,
              const char          *title,
              GPtrArray           *labels,
              GPtrArray           *ids)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *key = g_strdup_printf ("choice-%s", name);
  g_autofree char *ids_key = g_strdup_printf ("ids-%s", name);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  gtk_list_box_append (form, row);
  g_object_set_data (G_OBJECT (dialog), key, row);
  g_object_set_data_full (G_OBJECT (dialog), ids_key, g_ptr_array_ref (ids),
                          (GDestroyNotify) g_ptr_array_unref);
  add_error_row (dialog, form, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (validate_form), dialog,
                           G_CONNECT_SWAPPED);
  return row;
}

/* A choice of stored codes shown by their labels; %NULL codes stand for "none". */
static GtkWidget *
code_choice_field (GtkWidget          *dialog,
                   GtkListBox         *form,
                   const char         *name,
                   const char         *title,
                   const char * const *codes,
                   const char * const *labels,
                   guint               n)
{
  g_autoptr(GPtrArray) label_array = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) id_array = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (label_array, g_strdup (labels[i]));
      g_ptr_array_add (id_array, g_strdup (codes[i]));
    }

  return choice_field (dialog, form, name, title, label_array, id_array);
}

static GtkWidget *
switch_field (GtkWidget  *dialog,
              GtkListBox *form,
              const char *name,
              const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *key = g_strdup_printf ("switch-%s", name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_list_box_append (form, row);
  g_object_set_data (G_OBJECT (toggle), "sot-row", row);
  g_object_set_data (G_OBJECT (dialog), key, toggle);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (validate_form), dialog,
                           G_CONNECT_SWAPPED);
  return toggle;
}

static const char *
field_text (GtkWidget  *dialog,
            const char *name)
{
  GtkEditable *editable = sot_forensics_page_dialog_field (dialog, name);
  const char *text = editable != NULL ? gtk_editable_get_text (editable) : NULL;

  if (editable == NULL || !gtk_widget_get_visible (GTK_WIDGET (editable)))
    return NULL;

  return text != NULL && *text != '\0' ? text : NULL;
}

static const char *
choice_id (GtkWidget  *dialog,
           const char *name)
{
  g_autofree char *key = g_strdup_printf ("choice-%s", name);
  g_autofree char *ids_key = g_strdup_printf ("ids-%s", name);
  AdwComboRow *row = g_object_get_data (G_OBJECT (dialog), key);
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), ids_key);
  guint selected;

  if (row == NULL || ids == NULL)
    return NULL;

  selected = adw_combo_row_get_selected (row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return NULL;

  return g_ptr_array_index (ids, selected);
}

static gboolean
switch_active (GtkWidget  *dialog,
               const char *name)
{
  g_autofree char *key = g_strdup_printf ("switch-%s", name);
  GtkSwitch *toggle = g_object_get_data (G_OBJECT (dialog), key);

  return toggle != NULL && gtk_switch_get_active (toggle);
}

/* Returns: (transfer full) (nullable): the time in the field @name, if it holds a valid one. */
static GDateTime *
field_time (GtkWidget  *dialog,
            const char *name)
{
  const char *text = field_text (dialog, name);

  return text != NULL ? sot_time_parse (text, NULL) : NULL;
}

/* Returns: (transfer full) (nullable): why @text is not acceptable in a field with @flags. */
static char *
check_field_text (GtkWidget  *dialog,
                  const char *text,
                  FieldFlags  flags)
{
  GDateTime *now = g_object_get_data (G_OBJECT (dialog), "sot-now");
  g_autoptr(GError) error = NULL;

  if (flags & FIELD_TIME)
    {
      g_autoptr(GDateTime) dt = sot_time_parse (text, &error);

      if (dt == NULL)
        return g_strdup (error->message);

      if (g_date_time_difference (dt, now) > FUTURE_TOLERANCE)
        {
          g_autofree char *now_text = sot_forensic_format_time (now);

          return g_strdup_printf (_("This time is in the future: it is now %s"), now_text);
        }
    }
  else if (flags & FIELD_DATE)
    {
      GDate date, today;

      if (!sot_date_parse (text, &date, &error))
        return g_strdup (error->message);

      sot_date_from_time (now, &today);
      if (!(flags & FIELD_FUTURE_OK) && g_date_compare (&date, &today) > 0)
        return g_strdup (_("This date is in the future"));
    }

  return NULL;
}

static void
validate_form (GtkWidget *dialog)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (dialog), "sot-rows");
  FormSync sync = g_object_get_data (G_OBJECT (dialog), "sot-sync");
  FormCheck check = g_object_get_data (G_OBJECT (dialog), "sot-check");
  gboolean valid = TRUE;

  if (sync != NULL)
    sync (dialog);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      FieldFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sot-flags"));
      g_autofree char *message = NULL;
      g_autofree char *text = NULL;

      if (ADW_IS_ENTRY_ROW (row) && gtk_widget_get_visible (row))
        {
          text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

          if (*text == '\0')
            {
              /* An empty required field is not an error to shout about, but it blocks. */
              if (flags & FIELD_REQUIRED)
                valid = FALSE;
            }
          else
            message = check_field_text (dialog, text, flags);
        }

      show_row_error (row, message);
      if (message != NULL)
        valid = FALSE;
    }

  if (check != NULL && !check (dialog))
    valid = FALSE;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", valid);
}

static GtkWidget *
form_dialog (SotForensicsPage  *self,
             const char        *heading,
             const char        *body,
             const char        *accept_label,
             GtkListBox       **out_form)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *form = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (form), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (form, "boxed-list");
  gtk_widget_set_size_request (form, 420, -1);
  gtk_widget_set_margin_start (form, 2);
  gtk_widget_set_margin_end (form, 2);
  gtk_widget_set_margin_top (form, 2);
  gtk_widget_set_margin_bottom (form, 2);

  /* Long forms scroll rather than grow past a small screen. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 560);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), form);

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "sot-rows", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  /* The clock is read once: a form does not turn invalid while it is being filled in. */
  g_object_set_data_full (G_OBJECT (dialog), "sot-now", sot_store_now (self->store),
                          (GDestroyNotify) g_date_time_unref);

  *out_form = GTK_LIST_BOX (form);
  return dialog;
}

/* Validates the finished form and shows it. */
static void
present_form (GtkWidget *dialog,
              FormSync   sync,
              FormCheck  check)
{
  g_object_set_data (G_OBJECT (dialog), "sot-sync", sync);
  g_object_set_data (G_OBJECT (dialog), "sot-check", check);
  validate_form (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Returns: (transfer full): today's date in the UK by the store's clock, "YYYY-MM-DD". */
static char *
today_for_entry (SotForensicsPage *self)
{
  g_autoptr(GDateTime) now = sot_store_now (self->store);
  GDate today;

  sot_date_from_time (now, &today);
  return sot_date_format (&today);
}

/* Returns: (transfer full) (nullable): a stored UTC time as the user types it, UK local time. */
static char *
stored_for_entry (const char *stored)
{
  g_autoptr(GDateTime) dt = stored != NULL ? sot_time_parse (stored, NULL) : NULL;
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return NULL;

  local = g_date_time_to_timezone (dt, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Returns: (transfer full) (nullable): the time in the field @name as stored (ISO 8601 UTC). */
static char *
field_time_stored (GtkWidget  *dialog,
                   const char *name)
{
  g_autoptr(GDateTime) dt = field_time (dialog, name);

  return dt != NULL ? sot_time_format_utc (dt) : NULL;
}

static void
exhibit_sync (GtkWidget *dialog)
{
  /* Whom a sample was taken from matters only for a forensic sample. */
  gtk_widget_set_visible (form_row (dialog, "sampled-from"),
                          choice_id (dialog, "sample-type") != NULL);
}

static void
exhibit_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExhibit) exhibit = NULL;
  SotExhibitDetails d = { 0 };
  const char *parent;

  if (!g_str_equal (response, "add") || self->investigation == NULL)
    return;

  parent = choice_id (GTK_WIDGET (dialog), "parent");
  d.parent_id = parent != NULL ? g_ascii_strtoll (parent, NULL, 10) : 0;
  d.officer_initials = field_text (GTK_WIDGET (dialog), "initials");
  d.description = field_text (GTK_WIDGET (dialog), "description");
  d.sample_type = choice_id (GTK_WIDGET (dialog), "sample-type");
  d.sampled_from = d.sample_type != NULL ? choice_id (GTK_WIDGET (dialog), "sampled-from") : NULL;
  d.seized_by = field_text (GTK_WIDGET (dialog), "seized-by");
  d.seized_at = field_text (GTK_WIDGET (dialog), "seized-at");
  d.seized_place = field_text (GTK_WIDGET (dialog), "place");
  d.seal_number = field_text (GTK_WIDGET (dialog), "seal");

  if (!sot_exhibit_add (self->store, sot_investigation_get_id (self->investigation), &d,
                        &exhibit, &error))
    {
      show_error (self, _("The exhibit was not added"), error);
      return;
    }

  g_hash_table_add (self->expanded, g_strdup (exhibit->uuid));
  refresh_register (self);
}

GtkWidget *
sot_forensics_page_open_exhibit_dialog (SotForensicsPage *self)
{
  g_autoptr(GPtrArray) parent_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parent_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sample_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sample_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) from_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) from_ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *initials = NULL;
  g_autofree char *now = NULL;
  const char *officer;
  GtkListBox *form;
  GtkWidget *dialog;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  g_return_val_if_fail (self->investigation != NULL, NULL);

  officer = sot_investigation_get_officer (self->investigation);
  initials = sot_exhibit_initials_from_name (officer);
  now = now_for_entry (self);

  dialog = form_dialog (self, _("Add Exhibit"),
                        _("The reference is allotted from the officer's initials when the "
                          "exhibit is added. Times are UK local time."),
                        _("_Add"), &form);

  entry_field (dialog, form, "initials", _("Officer's initials"), initials, 0);

  g_ptr_array_add (parent_labels, g_strdup (_("None: a new exhibit")));
  g_ptr_array_add (parent_ids, NULL);
  for (guint i = 0; self->exhibits != NULL && i < self->exhibits->len; i++)
    {
      SotExhibit *exhibit = g_ptr_array_index (self->exhibits, i);

      if (exhibit->parent_id != 0)
        continue;
      g_ptr_array_add (parent_labels, g_strdup_printf (_("Part of %s"), exhibit->reference));
      g_ptr_array_add (parent_ids, g_strdup_printf ("%" G_GINT64_FORMAT, exhibit->id));
    }
  choice_field (dialog, form, "parent", _("Sub-exhibit of"), parent_labels, parent_ids);

  entry_field (dialog, form, "description", _("Description"), NULL, FIELD_REQUIRED);

  g_ptr_array_add (sample_labels, g_strdup (_("Not a forensic sample")));
  g_ptr_array_add (sample_ids, NULL);
  for (guint i = 0; i < sot_forensic_catalogue_get_n_samples (self->catalogue); i++)
    {
      SotForensicSample *sample = sot_forensic_catalogue_get_sample (self->catalogue, i);

      g_ptr_array_add (sample_labels, g_strdup (sot_forensic_sample_get_label (sample)));
      g_ptr_array_add (sample_ids, g_strdup (sot_forensic_sample_get_id (sample)));
    }
  choice_field (dialog, form, "sample-type", _("Sample type"), sample_labels, sample_ids);

  g_ptr_array_add (from_labels, g_strdup (_("The complainant")));
  g_ptr_array_add (from_ids, g_strdup ("complainant"));
  g_ptr_array_add (from_labels, g_strdup (_("The suspect")));
  g_ptr_array_add (from_ids, g_strdup ("suspect"));
  choice_field (dialog, form, "sampled-from", _("Sample taken from"), from_labels, from_ids);

  entry_field (dialog, form, "seized-by", _("Seized or produced by"), officer, FIELD_REQUIRED);
  entry_field (dialog, form, "seized-at", _("Seized at (YYYY-MM-DD HH:MM)"), now,
               FIELD_REQUIRED | FIELD_TIME);
  entry_field (dialog, form, "place", _("Place"), NULL, 0);
  entry_field (dialog, form, "seal", _("Seal or bag number"), NULL, 0);

  g_signal_connect_object (dialog, "response", G_CALLBACK (exhibit_response_cb), self, 0);
  present_form (dialog, exhibit_sync, NULL);

  return dialog;
}

static void
movement_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "exhibit-uuid");
  SotExhibit *exhibit = find_exhibit (self, uuid);
  SotMovementDetails d = { 0 };

  if (!g_str_equal (response, "add") || exhibit == NULL)
    return;

  d.from_holder = field_text (GTK_WIDGET (dialog), "from");
  d.to_holder = field_text (GTK_WIDGET (dialog), "to");
  d.moved_at = field_text (GTK_WIDGET (dialog), "time");
  d.place = field_text (GTK_WIDGET (dialog), "place");
  d.purpose = choice_id (GTK_WIDGET (dialog), "purpose");
  d.note = field_text (GTK_WIDGET (dialog), "note");
  d.corrects_uuid = g_object_get_data (G_OBJECT (dialog), "corrects-uuid");
  d.correction_reason = d.corrects_uuid != NULL ? field_text (GTK_WIDGET (dialog), "reason") : NULL;

  if (!sot_exhibit_append_movement (self->store, exhibit, &d, NULL, &error))
    {
      show_error (self, d.corrects_uuid ? _("The correction was not recorded")
                                        : _("The movement was not recorded"), error);
      return;
    }

  /* Open the exhibit so that a break the entry made shows at once. */
  g_hash_table_add (self->expanded, g_strdup (uuid));
  refresh_register (self);
}

static GtkWidget *
open_movement_dialog (SotForensicsPage         *self,
                      const char               *exhibit_uuid,
                      const SotExhibitMovement *corrects)
{
  g_autoptr(GPtrArray) purpose_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) purpose_ids = g_ptr_array_new_with_free_func (g_free);
  const char * const *purposes = sot_movement_purposes ();
  SotExhibit *exhibit = find_exhibit (self, exhibit_uuid);
  g_autofree char *now = now_for_entry (self);
  g_autofree char *heading = NULL;
  g_autofree char *moved = NULL;
  GtkListBox *form;
  GtkWidget *dialog;
  GtkWidget *purpose;

  g_return_val_if_fail (exhibit != NULL, NULL);

  if (corrects != NULL)
    {
      g_autoptr(GDateTime) dt = sot_time_parse (corrects->moved_at, NULL);
      g_autoptr(GTimeZone) tz = sot_time_zone_uk ();

      if (dt != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz);
          moved = g_date_time_format (local, "%Y-%m-%d %H:%M");
        }
      heading = g_strdup_printf (_("Correct Entry %d of %s"), corrects->position,
                                 exhibit->reference);
    }
  else
    heading = g_strdup_printf (_("Add Movement of %s"), exhibit->reference);

  dialog = form_dialog (self, heading,
                        corrects != NULL
                        ? _("The correction is a new entry that takes the place of this one; the "
                            "original stays in the record.")
                        : _("Who handed the exhibit to whom, when, where and why. Times are UK "
                            "local time."),
                        corrects != NULL ? _("_Record Correction") : _("_Add"), &form);
  g_object_set_data_full (G_OBJECT (dialog), "exhibit-uuid", g_strdup (exhibit_uuid), g_free);
  if (corrects != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "corrects-uuid", g_strdup (corrects->uuid), g_free);

  entry_field (dialog, form, "from", _("From"),
               corrects ? corrects->from_holder : exhibit->current_holder, FIELD_REQUIRED);
  entry_field (dialog, form, "to", _("To"), corrects ? corrects->to_holder : NULL,
               FIELD_REQUIRED);
  entry_field (dialog, form, "time", _("Time (YYYY-MM-DD HH:MM)"), moved ? moved : now,
               FIELD_REQUIRED | FIELD_TIME);
  entry_field (dialog, form, "place", _("Place"), corrects ? corrects->place : NULL, 0);

  for (guint i = 0; purposes[i] != NULL; i++)
    {
      g_ptr_array_add (purpose_labels, g_strdup (sot_movement_purpose_label (purposes[i])));
      g_ptr_array_add (purpose_ids, g_strdup (purposes[i]));
    }
  purpose = choice_field (dialog, form, "purpose", _("Purpose"), purpose_labels, purpose_ids);
  if (corrects != NULL)
    for (guint i = 0; purposes[i] != NULL; i++)
      if (g_strcmp0 (purposes[i], corrects->purpose) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (purpose), i);

  entry_field (dialog, form, "note", _("Note"), corrects ? corrects->note : NULL, 0);
  if (corrects != NULL)
    entry_field (dialog, form, "reason", _("Reason for the correction"), NULL, FIELD_REQUIRED);

  g_signal_connect_object (dialog, "response", G_CALLBACK (movement_response_cb), self, 0);
  present_form (dialog, NULL, NULL);

  return dialog;
}

GtkWidget *
sot_forensics_page_open_movement_dialog (SotForensicsPage *self,
                                         const char       *exhibit_uuid)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  g_return_val_if_fail (exhibit_uuid != NULL, NULL);

  return open_movement_dialog (self, exhibit_uuid, NULL);
}

GtkEditable *
sot_forensics_page_dialog_field (GtkWidget  *dialog,
                                 const char *name)
{
  g_autofree char *key = g_strdup_printf ("field-%s", name);

  return g_object_get_data (G_OBJECT (dialog), key);
}

gboolean
sot_forensics_page_dialog_choose (GtkWidget  *dialog,
                                  const char *name,
                                  const char *id)
{
  g_autofree char *key = g_strdup_printf ("choice-%s", name);
  g_autofree char *ids_key = g_strdup_printf ("ids-%s", name);
  AdwComboRow *row = g_object_get_data (G_OBJECT (dialog), key);
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), ids_key);

  g_return_val_if_fail (row != NULL && ids != NULL, FALSE);

  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }

  return FALSE;
}

void
sot_forensics_page_dialog_set_switch (GtkWidget  *dialog,
                                      const char *name,
                                      gboolean    active)
{
  g_autofree char *key = g_strdup_printf ("switch-%s", name);
  GtkSwitch *toggle = g_object_get_data (G_OBJECT (dialog), key);

  g_return_if_fail (GTK_IS_SWITCH (toggle));
  gtk_switch_set_active (toggle, active);
}

const char *
sot_forensics_page_dialog_field_error (GtkWidget  *dialog,
                                       const char *name)
{
  GtkWidget *row = form_row (dialog, name);
  GtkWidget *error_row;

  g_return_val_if_fail (row != NULL, NULL);

  error_row = g_object_get_data (G_OBJECT (row), "sot-error-row");
  if (error_row == NULL || !gtk_widget_get_visible (error_row))
    return NULL;

  return gtk_label_get_text (g_object_get_data (G_OBJECT (row), "sot-error-label"));
}

static void
add_movement_clicked_cb (GtkButton        *button,
                         SotForensicsPage *self)
{
  open_movement_dialog (self, g_object_get_data (G_OBJECT (button), "exhibit-uuid"), NULL);
}

static void
correct_clicked_cb (GtkButton        *button,
                    SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) movements = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (button), "exhibit-uuid");
  const char *movement_uuid = g_object_get_data (G_OBJECT (button), "movement-uuid");
  SotExhibit *exhibit = find_exhibit (self, uuid);

  if (exhibit == NULL)
    return;

  movements = sot_exhibit_list_movements (self->store, exhibit, &error);
  if (movements == NULL)
    {
      show_error (self, _("The continuity record cannot be read"), error);
      return;
    }

  for (guint i = 0; i < movements->len; i++)
    {
      SotExhibitMovement *m = g_ptr_array_index (movements, i);

      if (g_str_equal (m->uuid, movement_uuid))
        {
          open_movement_dialog (self, uuid, m);
          return;
        }
    }
}

/* Devices */

static const char * const owner_codes[] = {
  SOT_DEVICE_OWNER_VICTIM, SOT_DEVICE_OWNER_WITNESS, SOT_DEVICE_OWNER_SUSPECT,
};

static const char * const basis_codes[] = {
  SOT_LEGAL_BASIS_S37_AGREEMENT, SOT_LEGAL_BASIS_S41, SOT_LEGAL_BASIS_SEIZURE,
  SOT_LEGAL_BASIS_OTHER,
};

static const char * const dpn_codes[] = { NULL, SOT_DPN_A, SOT_DPN_C };

static const char * const extraction_codes[] = {
  NULL, SOT_EXTRACTION_NONE, SOT_EXTRACTION_SELECTIVE, SOT_EXTRACTION_LOGICAL,
  SOT_EXTRACTION_FILE_SYSTEM, SOT_EXTRACTION_PHYSICAL, SOT_EXTRACTION_OTHER,
};

static void
device_sync (GtkWidget *dialog)
{
  const char *basis = choice_id (dialog, "legal-basis");

  /* The written notice belongs to an s.37 agreement, and is required there. */
  gtk_widget_set_visible (form_row (dialog, "notice-date"),
                          g_strcmp0 (basis, SOT_LEGAL_BASIS_S37_AGREEMENT) == 0);
  gtk_widget_set_visible (form_row (dialog, "dpn-date"), choice_id (dialog, "dpn") != NULL);
}

static gboolean
device_check (GtkWidget *dialog)
{
  const char *owner = choice_id (dialog, "owner");
  const char *dpn = choice_id (dialog, "dpn");
  const char *scope_from = field_text (dialog, "scope-from");
  const char *scope_until = field_text (dialog, "scope-until");
  gboolean suspect = g_strcmp0 (owner, SOT_DEVICE_OWNER_SUSPECT) == 0;
  gboolean valid = TRUE;

  if (dpn != NULL && g_str_equal (dpn, SOT_DPN_C) != suspect)
    {
      set_field_error (dialog, "dpn", suspect
                       ? _("A suspect's device takes DPN-c, not DPN-a")
                       : _("A victim's or witness's device takes DPN-a, not DPN-c"));
      valid = FALSE;
    }

  /* Both are valid dates here (or the field shows its own error), so text order is date order. */
  if (scope_from != NULL && scope_until != NULL && g_strcmp0 (scope_until, scope_from) < 0)
    {
      set_field_error (dialog, "scope-until", _("The scope ends before it starts"));
      valid = FALSE;
    }

  return valid;
}

static void
device_owner_changed_cb (AdwComboRow *owner,
                         GParamSpec  *pspec,
                         GtkWidget   *dialog)
{
  AdwComboRow *dpn = g_object_get_data (G_OBJECT (dialog), "choice-dpn");

  /* Once a notice is chosen, follow the owner: DPN-c for suspects, DPN-a for anyone else. */
  if (dpn != NULL && adw_combo_row_get_selected (dpn) != 0)
    adw_combo_row_set_selected (dpn, g_strcmp0 (choice_id (dialog, "owner"),
                                                SOT_DEVICE_OWNER_SUSPECT) == 0 ? 2 : 1);
}

static void
device_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *form = GTK_WIDGET (dialog);
  SotDeviceDetails d = { 0 };

  if (!g_str_equal (response, "add") || self->investigation == NULL)
    return;

  d.owner_role = choice_id (form, "owner");
  d.description = field_text (form, "description");
  d.legal_basis = choice_id (form, "legal-basis");
  d.legal_basis_note = field_text (form, "basis-note");
  d.written_notice_on = field_text (form, "notice-date");
  d.dpn_variant = choice_id (form, "dpn");
  d.dpn_given_on = d.dpn_variant != NULL ? field_text (form, "dpn-date") : NULL;
  d.line_of_enquiry = field_text (form, "line-of-enquiry");
  d.scope_data_types = field_text (form, "scope-types");
  d.scope_from = field_text (form, "scope-from");
  d.scope_until = field_text (form, "scope-until");
  d.extraction_level = choice_id (form, "extraction");
  d.taken_at = field_text (form, "taken");
  d.swap_out_given = switch_active (form, "swap-out");

  if (!sot_device_add (self->store, sot_investigation_get_id (self->investigation), &d, NULL,
                       &error))
    {
      show_error (self, _("The device was not added"), error);
      return;
    }

  refresh_register (self);
}

GtkWidget *
sot_forensics_page_open_device_dialog (SotForensicsPage *self)
{
  const char *owner_labels[] = { _("The victim"), _("A witness"), _("A suspect") };
  const char *basis_labels[G_N_ELEMENTS (basis_codes)];
  const char *dpn_labels[] = {
    _("Not given yet"), _("DPN-a (victims and witnesses)"), _("DPN-c (suspects)"),
  };
  const char *extraction_labels[G_N_ELEMENTS (extraction_codes)];
  g_autofree char *now = NULL;
  g_autofree char *today = NULL;
  GtkListBox *form;
  GtkWidget *dialog;
  GtkWidget *owner;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  g_return_val_if_fail (self->investigation != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (basis_codes); i++)
    basis_labels[i] = sot_device_legal_basis_label (basis_codes[i]);
  extraction_labels[0] = _("Not decided yet");
  for (guint i = 1; i < G_N_ELEMENTS (extraction_codes); i++)
    extraction_labels[i] = sot_device_extraction_label (extraction_codes[i]);

  now = now_for_entry (self);
  today = today_for_entry (self);

  dialog = form_dialog (self, _("Add Device"),
                        _("Take only what the reasonable line of enquiry needs, and say so. "
                          "Times are UK local time (YYYY-MM-DD HH:MM); dates are YYYY-MM-DD."),
                        _("_Add"), &form);

  owner = code_choice_field (dialog, form, "owner", _("Whose device"), owner_codes, owner_labels,
                             G_N_ELEMENTS (owner_codes));
  entry_field (dialog, form, "description", _("Description"), NULL, FIELD_REQUIRED);
  code_choice_field (dialog, form, "legal-basis", _("Legal basis"), basis_codes, basis_labels,
                     G_N_ELEMENTS (basis_codes));
  entry_field (dialog, form, "notice-date", _("Written notice given on (YYYY-MM-DD)"), today,
               FIELD_REQUIRED | FIELD_DATE);
  entry_field (dialog, form, "basis-note", _("Legal basis note"), NULL, 0);
  code_choice_field (dialog, form, "dpn", _("Digital Processing Notice"), dpn_codes, dpn_labels,
                     G_N_ELEMENTS (dpn_codes));
  entry_field (dialog, form, "dpn-date", _("Notice given on (YYYY-MM-DD)"), today, FIELD_DATE);
  entry_field (dialog, form, "line-of-enquiry", _("Reasonable line of enquiry"), NULL, 0);
  entry_field (dialog, form, "scope-types", _("Scope: data types (messages; photos)"), NULL, 0);
  entry_field (dialog, form, "scope-from", _("Scope from (YYYY-MM-DD)"), NULL,
               FIELD_DATE | FIELD_FUTURE_OK);
  entry_field (dialog, form, "scope-until", _("Scope until (YYYY-MM-DD)"), NULL,
               FIELD_DATE | FIELD_FUTURE_OK);
  code_choice_field (dialog, form, "extraction", _("Extraction level"), extraction_codes,
                     extraction_labels, G_N_ELEMENTS (extraction_codes));
  entry_field (dialog, form, "taken", _("Taken at (YYYY-MM-DD HH:MM)"), now,
               FIELD_REQUIRED | FIELD_TIME);
  switch_field (dialog, form, "swap-out", _("Swap-out phone given"),
                _("A like-for-like phone while this one is held"));

  g_signal_connect_object (owner, "notify::selected", G_CALLBACK (device_owner_changed_cb), dialog,
                           0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (device_response_cb), self, 0);
  present_form (dialog, device_sync, device_check);

  return dialog;
}

static SotDevice *
find_device (SotForensicsPage *self,
             const char       *uuid)
{
  for (guint i = 0; self->devices != NULL && i < self->devices->len; i++)
    {
      SotDevice *device = g_ptr_array_index (self->devices, i);

      if (g_strcmp0 (device->uuid, uuid) == 0)
        return device;
    }

  return NULL;
}

static gboolean
return_check (GtkWidget *dialog)
{
  SotDevice *device = g_object_get_data (G_OBJECT (dialog), "device");
  g_autoptr(GDateTime) returned = field_time (dialog, "returned");
  g_autoptr(GDateTime) taken = sot_time_parse (device->taken_at, NULL);

  if (returned != NULL && taken != NULL && g_date_time_compare (returned, taken) < 0)
    {
      g_autofree char *taken_text = sot_forensic_format_time (taken);
      g_autofree char *message = g_strdup_printf (_("The device was taken at %s: it cannot "
                                                    "have been returned before that"),
                                                  taken_text);

      set_field_error (dialog, "returned", message);
      return FALSE;
    }

  return TRUE;
}

static void
return_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  SotDevice *device = g_object_get_data (G_OBJECT (dialog), "device");

  if (!g_str_equal (response, "add"))
    return;

  if (!sot_device_record_return (self->store, device,
                                 field_text (GTK_WIDGET (dialog), "returned"), &error))
    {
      show_error (self, _("The return was not recorded"), error);
      return;
    }

  refresh_register (self);
}

GtkWidget *
sot_forensics_page_open_return_dialog (SotForensicsPage *self,
                                       const char       *device_uuid)
{
  SotDevice *device;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *now = NULL;
  GtkListBox *form;
  GtkWidget *dialog;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  g_return_val_if_fail (device_uuid != NULL, NULL);

  device = find_device (self, device_uuid);
  g_return_val_if_fail (device != NULL, NULL);

  taken = format_stored (device->taken_at);
  now = now_for_entry (self);
  heading = g_strdup_printf (_("Record Return of %s"), device->description);
  if (device->swap_out_given)
    body = g_strdup_printf (_("Taken %s. A swap-out phone was given when it was taken. "
                              "The time is UK local time."), taken);
  else
    body = g_strdup_printf (_("Taken %s. No swap-out phone was recorded when it was taken. "
                              "The time is UK local time."), taken);

  dialog = form_dialog (self, heading, body, _("_Record Return"), &form);
  g_object_set_data_full (G_OBJECT (dialog), "device", sot_device_ref (device),
                          (GDestroyNotify) sot_device_unref);
  entry_field (dialog, form, "returned", _("Returned at (YYYY-MM-DD HH:MM)"), now,
               FIELD_REQUIRED | FIELD_TIME);

  g_signal_connect_object (dialog, "response", G_CALLBACK (return_response_cb), self, 0);
  present_form (dialog, NULL, return_check);

  return dialog;
}

static void
record_return_clicked_cb (GtkButton        *button,
                          SotForensicsPage *self)
{
  sot_forensics_page_open_return_dialog (self, g_object_get_data (G_OBJECT (button),
                                                                  "device-uuid"));
}

static void
add_device_clicked_cb (SotForensicsPage *self)
{
  if (self->investigation != NULL)
    sot_forensics_page_open_device_dialog (self);
}

/* Third-party material requests */

static const char * const outcome_codes[] = {
  SOT_TPM_PENDING, SOT_TPM_RECEIVED, SOT_TPM_PARTIAL, SOT_TPM_REFUSED, SOT_TPM_WITHDRAWN,
};

static void
outcome_sync (GtkWidget *dialog)
{
  gboolean pending = g_strcmp0 (choice_id (dialog, "outcome"), SOT_TPM_PENDING) == 0;

  /* A pending request has no outcome date or note yet. */
  gtk_widget_set_visible (form_row (dialog, "outcome-date"), !pending);
  gtk_widget_set_visible (form_row (dialog, "outcome-note"), !pending);
}

static void
request_sync (GtkWidget *dialog)
{
  /* Counselling records need the note on substantial probative value (PCSC Act s.44A). */
  gtk_widget_set_visible (form_row (dialog, "probative"), switch_active (dialog, "counselling"));
  outcome_sync (dialog);
}

static void
request_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotThirdPartyRequest) request = NULL;
  GtkWidget *form = GTK_WIDGET (dialog);
  SotThirdPartyDetails d = { 0 };
  const char *outcome;

  if (!g_str_equal (response, "add") || self->investigation == NULL)
    return;

  d.holder = field_text (form, "holder");
  d.material = field_text (form, "material");
  d.reason = field_text (form, "reason");
  d.necessity_note = field_text (form, "necessity");
  d.counselling = switch_active (form, "counselling");
  d.probative_value_note = d.counselling ? field_text (form, "probative") : NULL;
  d.npcc_form_used = switch_active (form, "npcc-form");
  d.requested_on = field_text (form, "requested-on");
  d.victim_notified_on = field_text (form, "victim-told");

  if (!sot_third_party_request_add (self->store, sot_investigation_get_id (self->investigation),
                                    &d, &request, &error))
    {
      show_error (self, _("The request was not added"), error);
      return;
    }

  /* A new request is pending; an outcome already known is recorded on it. The form checked
   * the outcome's date, so this does not fail but on a database error. */
  outcome = choice_id (form, "outcome");
  if (outcome != NULL && !g_str_equal (outcome, SOT_TPM_PENDING) &&
      !sot_third_party_request_set_outcome (self->store, request, outcome,
                                            field_text (form, "outcome-date"),
                                            field_text (form, "outcome-note"), &error))
    show_error (self, _("The request was added, but not its outcome"), error);

  refresh_register (self);
}

static void
outcome_fields (GtkWidget                  *dialog,
                GtkListBox                 *form,
                SotForensicsPage           *self,
                const SotThirdPartyRequest *request)
{
  const char *outcome_labels[G_N_ELEMENTS (outcome_codes)];
  g_autofree char *today = today_for_entry (self);
  GtkWidget *outcome;

  for (guint i = 0; i < G_N_ELEMENTS (outcome_codes); i++)
    outcome_labels[i] = sot_third_party_outcome_label (outcome_codes[i]);

  outcome = code_choice_field (dialog, form, "outcome", _("Outcome"), outcome_codes,
                               outcome_labels, G_N_ELEMENTS (outcome_codes));
  for (guint i = 0; request != NULL && i < G_N_ELEMENTS (outcome_codes); i++)
    if (g_strcmp0 (request->outcome, outcome_codes[i]) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (outcome), i);

  entry_field (dialog, form, "outcome-date", _("Outcome on (YYYY-MM-DD)"),
               request != NULL && request->outcome_on != NULL ? request->outcome_on : today,
               FIELD_DATE);
  entry_field (dialog, form, "outcome-note", _("Outcome note"),
               request != NULL ? request->outcome_note : NULL, 0);
}

GtkWidget *
sot_forensics_page_open_request_dialog (SotForensicsPage *self)
{
  g_autofree char *today = NULL;
  GtkListBox *form;
  GtkWidget *dialog;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  g_return_val_if_fail (self->investigation != NULL, NULL);

  today = today_for_entry (self);
  dialog = form_dialog (self, _("Add Third-Party Request"),
                        _("Request only what is necessary and proportionate for a reasonable "
                          "line of enquiry, and tell the victim in writing. Dates are "
                          "YYYY-MM-DD."),
                        _("_Add"), &form);

  entry_field (dialog, form, "holder", _("Held by (school, GP, social care…)"), NULL,
               FIELD_REQUIRED);
  entry_field (dialog, form, "material", _("What is sought"), NULL, FIELD_REQUIRED);
  entry_field (dialog, form, "reason", _("Why: the line of enquiry"), NULL, FIELD_REQUIRED);
  entry_field (dialog, form, "necessity", _("Why necessary and proportionate"), NULL,
               FIELD_REQUIRED);
  switch_field (dialog, form, "counselling", _("Counselling records"),
                _("Need substantial probative value"));
  entry_field (dialog, form, "probative", _("Substantial probative value"), NULL, FIELD_REQUIRED);
  switch_field (dialog, form, "npcc-form", _("NPCC request form used"), NULL);
  entry_field (dialog, form, "requested-on", _("Requested on (YYYY-MM-DD)"), today, FIELD_DATE);
  entry_field (dialog, form, "victim-told", _("Victim told in writing on (YYYY-MM-DD)"), NULL,
               FIELD_DATE);
  outcome_fields (dialog, form, self, NULL);

  g_signal_connect_object (dialog, "response", G_CALLBACK (request_response_cb), self, 0);
  present_form (dialog, request_sync, NULL);

  return dialog;
}

static void
outcome_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  SotThirdPartyRequest *request = g_object_get_data (G_OBJECT (dialog), "request");
  GtkWidget *form = GTK_WIDGET (dialog);

  if (!g_str_equal (response, "add"))
    return;

  if (!sot_third_party_request_set_outcome (self->store, request, choice_id (form, "outcome"),
                                            field_text (form, "outcome-date"),
                                            field_text (form, "outcome-note"), &error))
    {
      show_error (self, _("The outcome was not recorded"), error);
      return;
    }

  refresh_register (self);
}

GtkWidget *
sot_forensics_page_open_outcome_dialog (SotForensicsPage *self,
                                        const char       *request_uuid)
{
  SotThirdPartyRequest *request = NULL;
  g_autofree char *heading = NULL;
  GtkListBox *form;
  GtkWidget *dialog;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  g_return_val_if_fail (request_uuid != NULL, NULL);

  for (guint i = 0; self->requests != NULL && i < self->requests->len; i++)
    if (g_strcmp0 (((SotThirdPartyRequest *) g_ptr_array_index (self->requests, i))->uuid,
                   request_uuid) == 0)
      request = g_ptr_array_index (self->requests, i);
  g_return_val_if_fail (request != NULL, NULL);

  heading = g_strdup_printf (_("Outcome of the Request to %s"), request->holder);
  dialog = form_dialog (self, heading, request->material, _("_Record Outcome"), &form);
  g_object_set_data_full (G_OBJECT (dialog), "request", sot_third_party_request_ref (request),
                          (GDestroyNotify) sot_third_party_request_unref);
  outcome_fields (dialog, form, self, request);

  g_signal_connect_object (dialog, "response", G_CALLBACK (outcome_response_cb), self, 0);
  present_form (dialog, outcome_sync, NULL);

  return dialog;
}

static void
outcome_clicked_cb (GtkButton        *button,
                    SotForensicsPage *self)
{
  sot_forensics_page_open_outcome_dialog (self, g_object_get_data (G_OBJECT (button),
                                                                   "request-uuid"));
}

static void
add_request_clicked_cb (SotForensicsPage *self)
{
  if (self->investigation != NULL)
    sot_forensics_page_open_request_dialog (self);
}

/* Laboratory and retention of an exhibit */

static gboolean
lab_check (GtkWidget *dialog)
{
  g_autoptr(GDateTime) submitted = field_time (dialog, "lab-submitted");
  g_autoptr(GDateTime) result_at = field_time (dialog, "lab-result-at");
  gboolean valid = TRUE;

  if (field_text (dialog, "lab-result") != NULL && field_text (dialog, "lab-result-at") == NULL)
    valid = FALSE;

  if (submitted != NULL && result_at != NULL && g_date_time_compare (result_at, submitted) < 0)
    {
      set_field_error (dialog, "lab-result-at",
                       _("The result cannot come before the submission"));
      valid = FALSE;
    }

  return valid;
}

static void
lab_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExhibit) copy = NULL;
  GtkWidget *form = GTK_WIDGET (dialog);
  SotExhibit *exhibit;

  if (!g_str_equal (response, "add"))
    return;

  exhibit = find_exhibit (self, g_object_get_data (G_OBJECT (dialog), "exhibit-uuid"));
  if (exhibit == NULL)
    return;

  copy = sot_exhibit_copy (exhibit);
  g_free (copy->lab_name);
  copy->lab_name = g_strdup (field_text (form, "lab-name"));
  g_free (copy->lab_submitted_at);
  copy->lab_submitted_at = field_time_stored (form, "lab-submitted");
  g_free (copy->lab_result);
  copy->lab_result = g_strdup (field_text (form, "lab-result"));
  g_free (copy->lab_result_at);
  copy->lab_result_at = field_time_stored (form, "lab-result-at");

  if (!sot_exhibit_update (self->store, copy, "laboratory", &error))
    {
      show_error (self, _("The laboratory details were not saved"), error);
      return;
    }

  refresh_register (self);
}

GtkWidget *
sot_forensics_page_open_lab_dialog (SotForensicsPage *self,
                                    const char       *exhibit_uuid)
{
  SotExhibit *exhibit;
  g_autofree char *heading = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *result_at = NULL;
  GtkListBox *form;
  GtkWidget *dialog;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  exhibit = find_exhibit (self, exhibit_uuid);
  g_return_val_if_fail (exhibit != NULL, NULL);

  submitted = stored_for_entry (exhibit->lab_submitted_at);
  result_at = stored_for_entry (exhibit->lab_result_at);
  heading = g_strdup_printf (_("Laboratory: %s"), exhibit->reference);
  dialog = form_dialog (self, heading,
                        _("Where the exhibit was submitted and what came back. Record its "
                          "journey to the laboratory as a movement too. Times are UK local "
                          "time."),
                        _("_Save"), &form);
  g_object_set_data_full (G_OBJECT (dialog), "exhibit-uuid", g_strdup (exhibit_uuid), g_free);

  entry_field (dialog, form, "lab-name", _("Laboratory"), exhibit->lab_name, FIELD_REQUIRED);
  entry_field (dialog, form, "lab-submitted", _("Submitted at (YYYY-MM-DD HH:MM)"),
               submitted, FIELD_REQUIRED | FIELD_TIME);
  entry_field (dialog, form, "lab-result", _("Result"), exhibit->lab_result, 0);
  entry_field (dialog, form, "lab-result-at", _("Result received at (YYYY-MM-DD HH:MM)"),
               result_at, FIELD_TIME);

  g_signal_connect_object (dialog, "response", G_CALLBACK (lab_response_cb), self, 0);
  present_form (dialog, NULL, lab_check);

  return dialog;
}

static const char * const retention_codes[] = {
  NULL, SOT_RETENTION_RETAIN, SOT_RETENTION_DISPOSE, SOT_RETENTION_RETURN_TO_OWNER,
};

static const char *
retention_label (const char *retention)
{
  if (g_strcmp0 (retention, SOT_RETENTION_RETAIN) == 0)
    return _("Retain");
  if (g_strcmp0 (retention, SOT_RETENTION_DISPOSE) == 0)
    return _("Dispose of");
  if (g_strcmp0 (retention, SOT_RETENTION_RETURN_TO_OWNER) == 0)
    return _("Return to its owner");
  return _("Not decided yet");
}

static void
retention_sync (GtkWidget *dialog)
{
  gboolean decided = choice_id (dialog, "retention") != NULL;

  gtk_widget_set_visible (form_row (dialog, "decided-on"), decided);
  gtk_widget_set_visible (form_row (dialog, "retention-note"), decided);
}

static void
retention_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SotForensicsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExhibit) copy = NULL;
  GtkWidget *form = GTK_WIDGET (dialog);
  SotExhibit *exhibit;

  if (!g_str_equal (response, "add"))
    return;

  exhibit = find_exhibit (self, g_object_get_data (G_OBJECT (dialog), "exhibit-uuid"));
  if (exhibit == NULL)
    return;

  copy = sot_exhibit_copy (exhibit);
  g_free (copy->retention);
  copy->retention = g_strdup (choice_id (form, "retention"));
  g_free (copy->retention_decided_on);
  copy->retention_decided_on = g_strdup (copy->retention ? field_text (form, "decided-on") : NULL);
  g_free (copy->retention_note);
  copy->retention_note = g_strdup (copy->retention ? field_text (form, "retention-note") : NULL);

  if (!sot_exhibit_update (self->store, copy, "retention", &error))
    {
      show_error (self, _("The retention decision was not saved"), error);
      return;
    }

  refresh_register (self);
}

GtkWidget *
sot_forensics_page_open_retention_dialog (SotForensicsPage *self,
                                          const char       *exhibit_uuid)
{
  const char *labels[G_N_ELEMENTS (retention_codes)];
  SotExhibit *exhibit;
  g_autofree char *heading = NULL;
  g_autofree char *today = NULL;
  GtkListBox *form;
  GtkWidget *dialog;
  GtkWidget *choice;

  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  exhibit = find_exhibit (self, exhibit_uuid);
  g_return_val_if_fail (exhibit != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (retention_codes); i++)
    labels[i] = retention_label (retention_codes[i]);

  today = today_for_entry (self);
  heading = g_strdup_printf (_("Retention of %s"), exhibit->reference);
  dialog = form_dialog (self, heading,
                        _("Whether the exhibit is kept, disposed of or returned, who decided and "
                          "why. Record the disposal or return itself as a movement."),
                        _("_Save"), &form);
  g_object_set_data_full (G_OBJECT (dialog), "exhibit-uuid", g_strdup (exhibit_uuid), g_free);

  choice = code_choice_field (dialog, form, "retention", _("Decision"), retention_codes, labels,
                              G_N_ELEMENTS (retention_codes));
  for (guint i = 1; i < G_N_ELEMENTS (retention_codes); i++)
    if (g_strcmp0 (exhibit->retention, retention_codes[i]) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (choice), i);
  entry_field (dialog, form, "decided-on", _("Decided on (YYYY-MM-DD)"),
               exhibit->retention_decided_on ? exhibit->retention_decided_on : today,
               FIELD_REQUIRED | FIELD_DATE);
  entry_field (dialog, form, "retention-note", _("Who decided, and why"), exhibit->retention_note,
               0);

  g_signal_connect_object (dialog, "response", G_CALLBACK (retention_response_cb), self, 0);
  present_form (dialog, retention_sync, NULL);

  return dialog;
}

static void
lab_clicked_cb (GtkButton        *button,
                SotForensicsPage *self)
{
  sot_forensics_page_open_lab_dialog (self, g_object_get_data (G_OBJECT (button),
                                                               "exhibit-uuid"));
}

static void
retention_clicked_cb (GtkButton        *button,
                      SotForensicsPage *self)
{
  sot_forensics_page_open_retention_dialog (self, g_object_get_data (G_OBJECT (button),
                                                                     "exhibit-uuid"));
}

/* PDF export */

typedef struct {
  SotForensicsPage *self;
  char             *exhibit_uuid;   /* %NULL: labels of every exhibit */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->self);
  g_free (data->exhibit_uuid);
  g_free (data);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    ExportData      *data)
{
  SotForensicsPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean ok = TRUE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL && data->exhibit_uuid != NULL)
    {
      SotExhibit *exhibit = find_exhibit (self, data->exhibit_uuid);

      if (exhibit != NULL)
        ok = sot_forensic_pdf_write_continuity (self->store, exhibit, self->catalogue, path,
                                                &error);
    }
  else if (path != NULL && self->exhibits != NULL)
    ok = sot_forensic_pdf_write_labels (self->store, self->exhibits, path, &error);

  if (!ok)
    show_error (self, _("The PDF was not saved"), error);

  export_data_free (data);
  g_object_unref (native);
}

static void
export_pdf (SotForensicsPage *self,
            const char       *exhibit_uuid,
            const char       *title,
            const char       *file_name)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ExportData *data = g_new0 (ExportData, 1);

  native = gtk_file_chooser_native_new (title, parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  data->self = g_object_ref (self);
  data->exhibit_uuid = g_strdup (exhibit_uuid);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
continuity_clicked_cb (GtkButton        *button,
                       SotForensicsPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "exhibit-uuid");
  SotExhibit *exhibit = find_exhibit (self, uuid);
  g_autofree char *name = NULL;

  if (exhibit == NULL)
    return;

  /* The alias, never the reference: "/" cannot be in a file name. */
  name = g_strdup_printf ("%s-continuity.pdf", exhibit->alias);
  export_pdf (self, uuid, _("Save Continuity Record"), name);
}

static void
labels_clicked_cb (SotForensicsPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *safe = NULL;

  if (self->investigation == NULL)
    return;

  safe = g_strdup (sot_investigation_get_crime_reference (self->investigation));
  g_strdelimit (safe, "/\\:", '-');
  name = g_strdup_printf ("%s-exhibit-labels.pdf", safe);
  export_pdf (self, NULL, _("Save Exhibit Labels"), name);
}

static void
add_exhibit_clicked_cb (SotForensicsPage *self)
{
  if (self->investigation != NULL)
    sot_forensics_page_open_exhibit_dialog (self);
}

/* Signals */

static void
store_changed_cb (SotForensicsPage *self,
                  const char       *entity_type,
                  const char       *action,
                  const char       *entity_uuid,
                  SotStore         *store)
{
  if (g_str_equal (entity_type, "exhibit") || g_str_equal (entity_type, "exhibit_movement") ||
      g_str_equal (entity_type, "device") || g_str_equal (entity_type, "third_party_request"))
    refresh_register (self);
}

static void
investigation_notify_cb (SotForensicsPage *self,
                         GParamSpec       *pspec,
                         SotInvestigation *investigation)
{
  refresh_windows (self);
}

static void
sot_forensics_page_map (GtkWidget *widget)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);

  GTK_WIDGET_CLASS (sot_forensics_page_parent_class)->map (widget);

  /* Refresh on showing, then once a minute while shown. */
  refresh_windows (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
sot_forensics_page_unmap (GtkWidget *widget)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (sot_forensics_page_parent_class)->unmap (widget);
}

static void
sot_forensics_page_constructed (GObject *object)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (object);

  G_OBJECT_CLASS (sot_forensics_page_parent_class)->constructed (object);

  if (self->catalogue == NULL)
    self->catalogue = sot_forensic_catalogue_load (NULL, &self->catalogue_warning);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
sot_forensics_page_dispose (GObject *object)
{
  SotForensicsPage *self = (SotForensicsPage *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->investigation != NULL)
    g_signal_handlers_disconnect_by_func (self->investigation, investigation_notify_cb, self);
  g_clear_object (&self->investigation);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOT_TYPE_FORENSICS_PAGE);
  g_clear_pointer (&self->exhibits, g_ptr_array_unref);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sot_forensics_page_parent_class)->dispose (object);
}

static void
sot_forensics_page_finalize (GObject *object)
{
  SotForensicsPage *self = (SotForensicsPage *) object;

  g_clear_error (&self->catalogue_warning);
  g_hash_table_unref (self->window_status);
  g_hash_table_unref (self->window_value);
  g_hash_table_unref (self->breaks);
  g_hash_table_unref (self->expanded);
  g_hash_table_unref (self->device_flags);
  g_ptr_array_unref (self->request_titles);

  G_OBJECT_CLASS (sot_forensics_page_parent_class)->finalize (object);
}

static void
sot_forensics_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;

    case PROP_INVESTIGATION:
      g_value_set_object (value, self->investigation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_forensics_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SotForensicsPage *self = SOT_FORENSICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CATALOGUE:
      self->catalogue = g_value_dup_object (value);
      break;

    case PROP_INVESTIGATION:
      sot_forensics_page_set_investigation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_forensics_page_class_init (SotForensicsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sot_forensics_page_constructed;
  object_class->dispose = sot_forensics_page_dispose;
  object_class->finalize = sot_forensics_page_finalize;
  object_class->get_property = sot_forensics_page_get_property;
  object_class->set_property = sot_forensics_page_set_property;
  widget_class->map = sot_forensics_page_map;
  widget_class->unmap = sot_forensics_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SOT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, SOT_TYPE_FORENSIC_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION] =
    g_param_spec_object ("investigation", NULL, NULL, SOT_TYPE_INVESTIGATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/forensics/sot-forensics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, windows_group);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, windows_list);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, windows_note);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, exhibits_list);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, devices_list);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, requests_list);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, labels_button);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, add_device_button);
  gtk_widget_class_bind_template_child (widget_class, SotForensicsPage, add_request_button);
  gtk_widget_class_bind_template_callback (widget_class, labels_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_exhibit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_device_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_request_clicked_cb);
}

static void
sot_forensics_page_init (SotForensicsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->window_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->window_value = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->breaks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->device_flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->request_titles = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
sot_forensics_page_new (SotStore             *store,
                        SotForensicCatalogue *catalogue)
{
  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (catalogue == NULL || SOT_IS_FORENSIC_CATALOGUE (catalogue), NULL);

  return g_object_new (SOT_TYPE_FORENSICS_PAGE, "store", store, "catalogue", catalogue, NULL);
}

SotStore *
sot_forensics_page_get_store (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return self->store;
}

SotForensicCatalogue *
sot_forensics_page_get_catalogue (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return self->catalogue;
}

SotInvestigation *
sot_forensics_page_get_investigation (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return self->investigation;
}

void
sot_forensics_page_set_investigation (SotForensicsPage *self,
                                      SotInvestigation *investigation)
{
  g_return_if_fail (SOT_IS_FORENSICS_PAGE (self));
  g_return_if_fail (investigation == NULL || SOT_IS_INVESTIGATION (investigation));

  if (self->investigation == investigation)
    return;

  if (self->investigation != NULL)
    g_signal_handlers_disconnect_by_func (self->investigation, investigation_notify_cb, self);

  g_set_object (&self->investigation, investigation);
  g_hash_table_remove_all (self->expanded);

  if (investigation != NULL)
    g_signal_connect_object (investigation, "notify", G_CALLBACK (investigation_notify_cb), self,
                             G_CONNECT_SWAPPED);

  refresh_windows (self);
  refresh_register (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVESTIGATION]);
}

const char *
sot_forensics_page_get_window_status (SotForensicsPage *self,
                                      const char       *sample_id)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return g_hash_table_lookup (self->window_status, sample_id);
}

const char *
sot_forensics_page_get_window_value (SotForensicsPage *self,
                                     const char       *sample_id)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return g_hash_table_lookup (self->window_value, sample_id);
}

GPtrArray *
sot_forensics_page_get_breaks (SotForensicsPage *self,
                               const char       *exhibit_uuid)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return g_hash_table_lookup (self->breaks, exhibit_uuid);
}

const char *
sot_forensics_page_get_device_flag (SotForensicsPage *self,
                                    const char       *device_uuid)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return g_hash_table_lookup (self->device_flags, device_uuid);
}

GPtrArray *
sot_forensics_page_get_request_titles (SotForensicsPage *self)
{
  g_return_val_if_fail (SOT_IS_FORENSICS_PAGE (self), NULL);
  return self->request_titles;
}
