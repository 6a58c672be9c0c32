/* sot-victim-rows.c: the rows of the Victim page's lists, each holding its record
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-victim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-deadline.h"
#include "sot-isva.h"
#include "sot-victim-contact.h"
#include "sot-victim-forms.h"
#include "sot-victim-letter.h"
#include "sot-victim-rows.h"

/* The start of each action row type here: a reference to the record it shows. */
typedef struct {
  AdwActionRow  parent_instance;
  gpointer      record;
} RecordRow;

static void
record_row_finalize (GObject *object)
{
  RecordRow *row = (RecordRow *) object;

  g_clear_object (&row->record);
  G_OBJECT_CLASS (g_type_class_peek (ADW_TYPE_ACTION_ROW))->finalize (object);
}

/* A row of @type showing @record, which it keeps alive. */
static gpointer
record_row_new (GType    type,
                gpointer record)
{
  RecordRow *row = g_object_new (type, "use-markup", FALSE, "subtitle-lines", 3, NULL);

  g_return_val_if_fail (G_IS_OBJECT (record), row);

  row->record = g_object_ref (record);
  return row;
}

char *
sot_victim_agreement_text (guint       frequency_days,
                           const char *channel)
{
  /* TRANSLATORS: "Every 14 days, Phone" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day, %s", "Every %u days, %s",
                                       frequency_days),
                          frequency_days, sot_contact_channel_label (channel));
}

void
sot_victim_row_set_text (AdwActionRow *row,
                         const char   *title,
                         const char   *subtitle)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 3);
}

void
sot_victim_row_add_suffix (gpointer   row,
                           GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), widget);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
}

void
sot_victim_row_add_badge (gpointer    row,
                          const char *text,
                          const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, style);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  sot_victim_row_add_suffix (row, label);
}

static void
set_row_action (GtkWidget  *button,
                const char *action_name,
                const char *uuid)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
}

GtkWidget *
sot_victim_row_add_button (gpointer    row,
                           const char *label,
                           const char *tooltip,
                           const char *action_name,
                           const char *uuid)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  set_row_action (button, action_name, uuid);
  sot_victim_row_add_suffix (row, button);

  return button;
}

GtkWidget *
sot_victim_row_add_icon_button (gpointer    row,
                                const char *icon_name,
                                const char *label,
                                const char *action_name,
                                const char *uuid)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  set_row_action (button, action_name, uuid);
  sot_victim_row_add_suffix (row, button);

  return button;
}

/* ------------------------------------------------------------------------------------------ */
/* Deadlines                                                                                   */

struct _SotVictimDeadlineRow { RecordRow head; };

G_DEFINE_FINAL_TYPE (SotVictimDeadlineRow, sot_victim_deadline_row, ADW_TYPE_ACTION_ROW)

static void
sot_victim_deadline_row_class_init (SotVictimDeadlineRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = record_row_finalize;
}

static void
sot_victim_deadline_row_init (SotVictimDeadlineRow *self)
{
}

GtkWidget *
sot_victim_deadline_row_new (SotDeadline *deadline)
{
  SotVictimDeadlineRow *self = g_object_new (SOT_TYPE_VICTIM_DEADLINE_ROW, NULL);

  self->head.record = g_object_ref (deadline);
  sot_victim_row_set_text (ADW_ACTION_ROW (self), sot_deadline_get_title (deadline),
                           sot_deadline_get_when_text (deadline));

  switch (sot_deadline_get_state (deadline))
    {
    case SOT_DEADLINE_OVERDUE:
      sot_victim_row_add_badge (self, _("Overdue"), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      break;
    case SOT_DEADLINE_DUE_TODAY:
      sot_victim_row_add_badge (self, _("Due today"), "warning");
      break;
    case SOT_DEADLINE_DUE_SOON:
      sot_victim_row_add_badge (self, _("Due soon"), "accent");
      break;
    case SOT_DEADLINE_LATER:
      sot_victim_row_add_badge (self, _("Open"), "dim-label");
      break;
    case SOT_DEADLINE_MET:
      sot_victim_row_add_badge (self, _("Met"), "success");
      break;
    case SOT_DEADLINE_MET_LATE:
      sot_victim_row_add_badge (self, _("Met late"), "warning");
      break;
    default:
      break;
    }

  return GTK_WIDGET (self);
}

SotDeadline *
sot_victim_deadline_row_get_deadline (SotVictimDeadlineRow *self)
{
  g_return_val_if_fail (SOT_IS_VICTIM_DEADLINE_ROW (self), NULL);

  return self->head.record;
}

/* ------------------------------------------------------------------------------------------ */
/* Contacts                                                                                    */

struct _SotContactRow { RecordRow head; };

G_DEFINE_FINAL_TYPE (SotContactRow, sot_contact_row, ADW_TYPE_ACTION_ROW)

static void
sot_contact_row_class_init (SotContactRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = record_row_finalize;
}

static void
sot_contact_row_init (SotContactRow *self)
{
}

GtkWidget *
sot_contact_row_new (SotVictimContact *contact)
{
  SotContactRow *self = record_row_new (SOT_TYPE_CONTACT_ROW, contact);
  const char * const *covered = sot_victim_contact_get_covered (contact);
  const char *summary = sot_victim_contact_get_summary (contact);
  g_autofree char *when = sot_victim_display_time (sot_victim_contact_get_contact_at (contact));
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  title = g_strdup_printf ("%s · %s · %s", when,
                           sot_contact_channel_label (sot_victim_contact_get_channel (contact)),
                           sot_victim_contact_get_who (contact));

  if (sot_victim_contact_get_isva_present (contact))
    g_string_append (subtitle, _("ISVA present"));
  if (covered != NULL && covered[0] != NULL)
    {
      g_autofree char *told = g_strjoinv ("; ", (char **) covered);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("Told of: %s"), told);
    }
  if (summary != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, summary);
    }

  sot_victim_row_set_text (ADW_ACTION_ROW (self), title,
                           subtitle->len > 0 ? subtitle->str : NULL);
  return GTK_WIDGET (self);
}

SotVictimContact *
sot_contact_row_get_contact (SotContactRow *self)
{
  g_return_val_if_fail (SOT_IS_CONTACT_ROW (self), NULL);

  return self->head.record;
}

/* ------------------------------------------------------------------------------------------ */
/* ISVA                                                                                        */

struct _SotIsvaRow { RecordRow head; };

G_DEFINE_FINAL_TYPE (SotIsvaRow, sot_isva_row, ADW_TYPE_ACTION_ROW)

static void
sot_isva_row_class_init (SotIsvaRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = record_row_finalize;
}

static void
sot_isva_row_init (SotIsvaRow *self)
{
}

GtkWidget *
sot_isva_row_new (SotIsva *isva)
{
  SotIsvaRow *self = record_row_new (SOT_TYPE_ISVA_ROW, isva);
  const char *name = sot_isva_get_name (isva);
  g_autoptr(GString) subtitle = g_string_new (name != NULL ? name : "");
  g_autofree char *referred = sot_victim_display_date (sot_isva_get_referred_on (isva));
  g_autofree char *ended = sot_victim_display_date (sot_isva_get_ended_on (isva));

  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append (subtitle, sot_isva_get_consent_to_share (isva)
                               ? _("Consents to sharing information")
                               : _("No consent to share information"));
  if (referred != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("referred"), referred);
  if (ended != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("support ended"), ended);

  sot_victim_row_set_text (ADW_ACTION_ROW (self), sot_isva_get_service (isva), subtitle->str);
  sot_victim_row_add_icon_button (self, "document-edit-symbolic", _("Edit ISVA"),
                                  "victim-page.edit-isva", sot_isva_get_uuid (isva));
  return GTK_WIDGET (self);
}

SotIsva *
sot_isva_row_get_isva (SotIsvaRow *self)
{
  g_return_val_if_fail (SOT_IS_ISVA_ROW (self), NULL);

  return self->head.record;
}

/* ------------------------------------------------------------------------------------------ */
/* Letters                                                                                     */

struct _SotLetterRow { RecordRow head; };

G_DEFINE_FINAL_TYPE (SotLetterRow, sot_letter_row, ADW_TYPE_ACTION_ROW)

static void
sot_letter_row_class_init (SotLetterRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = record_row_finalize;
}

static void
sot_letter_row_init (SotLetterRow *self)
{
}

GtkWidget *
sot_letter_row_new (SotVictimLetter *letter)
{
  SotLetterRow *self = record_row_new (SOT_TYPE_LETTER_ROW, letter);
  g_autofree char *sent = sot_victim_display_date (sot_victim_letter_get_sent_on (letter));
  g_autofree char *subtitle = g_strdup_printf (_("Sent %s by %s"), sent,
                                               sot_victim_letter_get_sent_by (letter));

  sot_victim_row_set_text (ADW_ACTION_ROW (self),
                           sot_victim_letter_label (sot_victim_letter_get_kind (letter)), subtitle);
  return GTK_WIDGET (self);
}

SotVictimLetter *
sot_letter_row_get_letter (SotLetterRow *self)
{
  g_return_val_if_fail (SOT_IS_LETTER_ROW (self), NULL);

  return self->head.record;
}

/* ------------------------------------------------------------------------------------------ */
/* Earlier agreements                                                                          */

struct _SotAgreementRow { RecordRow head; };

G_DEFINE_FINAL_TYPE (SotAgreementRow, sot_agreement_row, ADW_TYPE_ACTION_ROW)

static void
sot_agreement_row_class_init (SotAgreementRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = record_row_finalize;
}

static void
sot_agreement_row_init (SotAgreementRow *self)
{
}

GtkWidget *
sot_agreement_row_new (SotContactPreference *preference)
{
  SotAgreementRow *self = record_row_new (SOT_TYPE_AGREEMENT_ROW, preference);
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  title = sot_victim_agreement_text (sot_contact_preference_get_frequency_days (preference),
                                     sot_contact_preference_get_channel (preference));
  when = sot_victim_display_time (sot_contact_preference_get_changed_at (preference));
  subtitle = g_strdup_printf (_("Agreed %s, recorded by %s"), when,
                              sot_contact_preference_get_changed_by (preference));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  /* As the history's rows always were: the default number of subtitle lines. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  return GTK_WIDGET (self);
}

SotContactPreference *
sot_agreement_row_get_preference (SotAgreementRow *self)
{
  g_return_val_if_fail (SOT_IS_AGREEMENT_ROW (self), NULL);

  return self->head.record;
}

/* ------------------------------------------------------------------------------------------ */
/* Early advice with its points                                                                */

struct _SotAdviceRow
{
  AdwExpanderRow     parent_instance;
  SotCpsEarlyAdvice *advice;
};

G_DEFINE_FINAL_TYPE (SotAdviceRow, sot_advice_row, ADW_TYPE_EXPANDER_ROW)

static void
sot_advice_row_finalize (GObject *object)
{
  g_clear_object (&SOT_ADVICE_ROW (object)->advice);
  G_OBJECT_CLASS (sot_advice_row_parent_class)->finalize (object);
}

static void
sot_advice_row_class_init (SotAdviceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sot_advice_row_finalize;
}

static void
sot_advice_row_init (SotAdviceRow *self)
{
}

GtkWidget *
sot_advice_row_new (SotCpsEarlyAdvice *advice,
                    const char        *title,
                    const char        *subtitle)
{
  SotAdviceRow *self = g_object_new (SOT_TYPE_ADVICE_ROW, NULL);

  g_return_val_if_fail (SOT_IS_CPS_EARLY_ADVICE (advice), GTK_WIDGET (self));

  self->advice = g_object_ref (advice);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  return GTK_WIDGET (self);
}

SotCpsEarlyAdvice *
sot_advice_row_get_advice (SotAdviceRow *self)
{
  g_return_val_if_fail (SOT_IS_ADVICE_ROW (self), NULL);

  return self->advice;
}

/* ------------------------------------------------------------------------------------------ */
/* Advice points                                                                               */

struct _SotAdvicePointRow { RecordRow head; };

G_DEFINE_FINAL_TYPE (SotAdvicePointRow, sot_advice_point_row, ADW_TYPE_ACTION_ROW)

static void
sot_advice_point_row_class_init (SotAdvicePointRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = record_row_finalize;
}

static void
sot_advice_point_row_init (SotAdvicePointRow *self)
{
}

GtkWidget *
sot_advice_point_row_new (SotCpsAdvicePoint *point,
                          GHashTable        *line_titles)
{
  SotAdvicePointRow *self = record_row_new (SOT_TYPE_ADVICE_POINT_ROW, point);
  const char *line_uuid = sot_cps_advice_point_get_line_of_enquiry_uuid (point);
  const char *line_title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *button;

  if (line_uuid == NULL)
    subtitle = g_strdup (_("Not linked to a line of enquiry"));
  else if ((line_title = g_hash_table_lookup (line_titles, line_uuid)) != NULL)
    subtitle = g_strdup_printf (_("Line of enquiry: %s"), line_title);
  else
    subtitle = g_strdup (_("Linked to a line of enquiry that is no longer on this case"));

  sot_victim_row_set_text (ADW_ACTION_ROW (self), sot_cps_advice_point_get_summary (point),
                           subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 0);

  button = sot_victim_row_add_button (self, _("_Link…"), _("Link the point to a line of enquiry"),
                                      "victim-page.link-point",
                                      sot_cps_advice_point_get_uuid (point));
  gtk_widget_add_css_class (button, "flat");
  return GTK_WIDGET (self);
}

SotCpsAdvicePoint *
sot_advice_point_row_get_point (SotAdvicePointRow *self)
{
  g_return_val_if_fail (SOT_IS_ADVICE_POINT_ROW (self), NULL);

  return self->head.record;
}

/* ------------------------------------------------------------------------------------------ */
/* Suspects and the CPS decision                                                               */

struct _SotCpsSuspectRow { RecordRow head; };

G_DEFINE_FINAL_TYPE (SotCpsSuspectRow, sot_cps_suspect_row, ADW_TYPE_ACTION_ROW)

static void
sot_cps_suspect_row_class_init (SotCpsSuspectRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = record_row_finalize;
}

static void
sot_cps_suspect_row_init (SotCpsSuspectRow *self)
{
}

GtkWidget *
sot_cps_suspect_row_new (SotCpsSuspect *suspect)
{
  SotCpsSuspectRow *self = record_row_new (SOT_TYPE_CPS_SUSPECT_ROW, suspect);
  const char *stored = sot_cps_suspect_get_decision (suspect);
  const char *charged_on = sot_cps_suspect_get_charged_on (suspect);
  g_autofree char *title = g_strdup_printf (_("Suspect %u"), sot_cps_suspect_get_number (suspect));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  SotCpsDecision decision;

  if (stored != NULL && sot_cps_decision_from_string (stored, &decision))
    {
      g_autofree char *on = sot_victim_display_date (sot_cps_suspect_get_decided_on (suspect));

      g_string_append_printf (subtitle, _("CPS decision: %s, %s"),
                              sot_cps_decision_label (decision), on);
    }
  else
    g_string_append (subtitle, _("No CPS decision yet"));

  if (charged_on != NULL)
    {
      g_autofree char *on = sot_victim_display_date (charged_on);

      g_string_append_printf (subtitle, " · %s %s", _("charged"), on);
    }

  sot_victim_row_set_text (ADW_ACTION_ROW (self), title, subtitle->str);
  return GTK_WIDGET (self);
}

SotCpsSuspect *
sot_cps_suspect_row_get_suspect (SotCpsSuspectRow *self)
{
  g_return_val_if_fail (SOT_IS_CPS_SUSPECT_ROW (self), NULL);

  return self->head.record;
}

/* ------------------------------------------------------------------------------------------ */
/* The CPS action plan                                                                         */

struct _SotActionItemRow { RecordRow head; };

G_DEFINE_FINAL_TYPE (SotActionItemRow, sot_action_item_row, ADW_TYPE_ACTION_ROW)

static void
sot_action_item_row_class_init (SotActionItemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = record_row_finalize;
}

static void
sot_action_item_row_init (SotActionItemRow *self)
{
}

GtkWidget *
sot_action_item_row_new (SotCpsActionItem *item)
{
  SotActionItemRow *self = record_row_new (SOT_TYPE_ACTION_ITEM_ROW, item);
  const char *status = sot_cps_action_item_get_status (item);
  gboolean open = g_strcmp0 (status, SOT_CPS_ACTION_OPEN) == 0;
  g_autofree char *due = sot_victim_display_date (sot_cps_action_item_get_due_on (item));
  g_autofree char *subtitle = NULL;

  if (open)
    subtitle = due != NULL ? g_strdup_printf (_("Action plan · due %s"), due)
                           : g_strdup (_("Action plan · no due date"));
  else
    {
      g_autofree char *closed = sot_victim_display_date (sot_cps_action_item_get_closed_on (item));

      subtitle = g_strdup_printf (g_strcmp0 (status, SOT_CPS_ACTION_DONE) == 0
                                    ? _("Action plan · done %s") : _("Action plan · cancelled %s"),
                                  closed != NULL ? closed : "");
    }

  sot_victim_row_set_text (ADW_ACTION_ROW (self), sot_cps_action_item_get_description (item),
                           subtitle);
  if (open)
    sot_victim_row_add_button (self, _("_Done"), _("Mark the action as done today"),
                               "victim-page.action-done", sot_cps_action_item_get_uuid (item));
  return GTK_WIDGET (self);
}

SotCpsActionItem *
sot_action_item_row_get_item (SotActionItemRow *self)
{
  g_return_val_if_fail (SOT_IS_ACTION_ITEM_ROW (self), NULL);

  return self->head.record;
}
