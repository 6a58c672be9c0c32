/* sot-form-dialog.c: the one form kit: typed fields by id, validation and inline errors
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-form-dialog.h"
#include "sot-forensic-window.h"
#include "sot-store.h"
#include "sot-time.h"

typedef enum {
  KIND_ENTRY,
  KIND_CHOICE,
  KIND_SWITCH,
  KIND_CHECK,
} FieldKind;

/* One field of the form. The row is what is shown and hidden; the control is what holds the
 * value (the row itself for entries and choices, the switch or check button otherwise). */
typedef struct {
  FieldKind          kind;
  SotFormFieldFlags  flags;
  GtkWidget         *row;
  GtkWidget         *control;
  GtkWidget         *error_row;   /* entries and choices only */
  GtkLabel          *error_label;
  GPtrArray         *codes;       /* choices only: the code of each position, NULL for none */
  char              *trimmed;     /* the text last read, without surrounding space */
} Field;

typedef struct
{
  GtkListBox *form;
  GtkLabel   *problem;
  GDateTime  *now;
  GHashTable *fields;      /* id → Field */
  GPtrArray  *order;       /* Field, in the order added */
  gboolean    valid;
  gboolean    validating;
} SotFormDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SotFormDialog, sot_form_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->codes, g_ptr_array_unref);
  g_free (field->trimmed);
  g_free (field);
}

static Field *
lookup (SotFormDialog *self,
        const char    *id)
{
  SotFormDialogPrivate *priv = sot_form_dialog_get_instance_private (self);

  return g_hash_table_lookup (priv->fields, id);
}

/* Adds, under the field's row, the hidden row that tells what is wrong with it. */
static void
add_error_row (SotFormDialog *self,
               Field         *field)
{
  SotFormDialogPrivate *priv = sot_form_dialog_get_instance_private (self);
  GtkWidget *error_row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

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
  gtk_list_box_append (priv->form, error_row);

  field->error_row = error_row;
  field->error_label = GTK_LABEL (label);
}

static Field *
add_field (SotFormDialog     *self,
           const char        *id,
           FieldKind          kind,
           SotFormFieldFlags  flags,
           GtkWidget         *row,
           GtkWidget         *control)
{
  SotFormDialogPrivate *priv = sot_form_dialog_get_instance_private (self);
  Field *field = g_new0 (Field, 1);

  g_return_val_if_fail (!g_hash_table_contains (priv->fields, id), NULL);

  field->kind = kind;
  field->flags = flags;
  field->row = row;
  field->control = control;
  gtk_widget_set_name (row, id);
  gtk_list_box_append (priv->form, row);
  if (kind == KIND_ENTRY || kind == KIND_CHOICE)
    add_error_row (self, field);

  g_hash_table_insert (priv->fields, g_strdup (id), field);
  g_ptr_array_add (priv->order, field);
  return field;
}

/* Shows @message (or nothing for %NULL) under the field. */
static void
show_field_error (Field      *field,
                  const char *message)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (field->row);
  gboolean shown = message != NULL && gtk_widget_get_visible (field->row);

  if (field->error_row == NULL)
    return;

  gtk_label_set_text (field->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (field->error_row, shown);
  if (shown)
    {
      gtk_widget_add_css_class (field->row, "error");
      gtk_accessible_update_state (accessible, GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "error");
      gtk_accessible_reset_state (accessible, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Returns: (transfer full) (nullable): why @text is not acceptable in a field with @flags. */
static char *
check_text (SotFormDialog     *self,
            const char        *text,
            SotFormFieldFlags  flags)
{
  SotFormDialogPrivate *priv = sot_form_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (flags & SOT_FORM_FIELD_TIME)
    {
      g_autoptr(GDateTime) dt = sot_time_parse (text, &error);

      if (dt == NULL)
        return g_strdup (error->message);

      if (!(flags & SOT_FORM_FIELD_FUTURE_OK) &&
          g_date_time_difference (dt, priv->now) > SOT_FORM_FUTURE_TOLERANCE)
        {
          g_autofree char *now_text = sot_forensic_format_time (priv->now);

          return g_strdup_printf (_("This time is in the future: it is now %s"), now_text);
        }
    }
  else if (flags & SOT_FORM_FIELD_DATE)
    {
      GDate date, today;

      if (!sot_date_parse (text, &date, &error))
        return g_strdup (error->message);

      sot_date_from_time (priv->now, &today);
      if (!(flags & SOT_FORM_FIELD_FUTURE_OK) && g_date_compare (&date, &today) > 0)
        return g_strdup (_("This date is in the future"));
    }

  return NULL;
}

/* Checks one field on its own; returns whether it lets the form be accepted. */
static gboolean
check_field (SotFormDialog *self,
             Field         *field)
{
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  gboolean ok = TRUE;

  if (field->kind == KIND_ENTRY && gtk_widget_get_visible (field->row))
    {
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->control))));

      /* An empty required field is not an error to shout about, but it blocks. */
      if (*text == '\0')
        ok = !(field->flags & SOT_FORM_FIELD_REQUIRED);
      else
        message = check_text (self, text, field->flags);
    }

  show_field_error (field, message);
  return ok && message == NULL;
}

static void
field_changed_cb (SotFormDialog *self)
{
  sot_form_dialog_validate (self);
}

static void
sot_form_dialog_response (AdwMessageDialog *dialog,
                          const char       *response)
{
  SotFormDialog *self = SOT_FORM_DIALOG (dialog);
  SotFormDialogClass *klass = SOT_FORM_DIALOG_GET_CLASS (self);

  if (g_strcmp0 (response, SOT_FORM_DIALOG_ACCEPT) == 0 && klass->accept != NULL)
    klass->accept (self);
}

static void
sot_form_dialog_finalize (GObject *object)
{
  SotFormDialog *self = SOT_FORM_DIALOG (object);
  SotFormDialogPrivate *priv = sot_form_dialog_get_instance_private (self);

  g_clear_pointer (&priv->now, g_date_time_unref);
  g_clear_pointer (&priv->fields, g_hash_table_unref);
  g_clear_pointer (&priv->order, g_ptr_array_unref);

  G_OBJECT_CLASS (sot_form_dialog_parent_class)->finalize (object);
}

static void
sot_form_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SotFormDialog *self = SOT_FORM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_NOW:
      g_value_set_boxed (value, sot_form_dialog_get_now (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_form_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SotFormDialog *self = SOT_FORM_DIALOG (object);
  SotFormDialogPrivate *priv = sot_form_dialog_get_instance_private (self);
  GDateTime *now;

  switch (prop_id)
    {
    case PROP_NOW:
      now = g_value_get_boxed (value);
      if (now != NULL)
        {
          g_clear_pointer (&priv->now, g_date_time_unref);
          priv->now = g_date_time_ref (now);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sot_form_dialog_class_init (SotFormDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = sot_form_dialog_finalize;
  object_class->get_property = sot_form_dialog_get_property;
  object_class->set_property = sot_form_dialog_set_property;
  dialog_class->response = sot_form_dialog_response;

  /**
   * SotFormDialog:now:
   * The form's clock: times and dates after it are refused. The current time by default.
   */
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sot_form_dialog_init (SotFormDialog *self)
{
  SotFormDialogPrivate *priv = sot_form_dialog_get_instance_private (self);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *form = gtk_list_box_new ();
  GtkWidget *problem = gtk_label_new (NULL);

  priv->now = g_date_time_new_now_utc ();
  priv->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  priv->order = g_ptr_array_new_with_free_func (field_free);
  priv->valid = TRUE;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (form), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (form, "boxed-list");
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
  /* Wide enough for its fields where there is room, no wider than a 360 px screen needs. */
  gtk_window_set_default_size (GTK_WINDOW (self), 500, -1);

  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_name (problem, "problem");
  gtk_widget_set_visible (problem, FALSE);

  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), problem);

  priv->form = GTK_LIST_BOX (form);
  priv->problem = GTK_LABEL (problem);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog,
                                    SOT_FORM_DIALOG_CANCEL, _("_Cancel"),
                                    SOT_FORM_DIALOG_ACCEPT, _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, SOT_FORM_DIALOG_ACCEPT,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, SOT_FORM_DIALOG_ACCEPT);
  adw_message_dialog_set_close_response (dialog, SOT_FORM_DIALOG_CANCEL);
}

SotFormDialog *
sot_form_dialog_new (GtkWindow  *parent,
                     const char *heading,
                     const char *body,
                     const char *accept_label,
                     GDateTime  *now)
{
  SotFormDialog *self = g_object_new (SOT_TYPE_FORM_DIALOG,
                                      "transient-for", parent,
                                      "heading", heading,
                                      "body", body != NULL ? body : "",
                                      "now", now,
                                      NULL);

  if (accept_label != NULL)
    sot_form_dialog_set_accept_label (self, accept_label);

  return self;
}

void
sot_form_dialog_set_accept_label (SotFormDialog *self,
                                  const char    *label)
{
  g_return_if_fail (SOT_IS_FORM_DIALOG (self));
  g_return_if_fail (label != NULL);

  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), SOT_FORM_DIALOG_ACCEPT, label);
}

GDateTime *
sot_form_dialog_get_now (SotFormDialog *self)
{
  SotFormDialogPrivate *priv;

  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);

  priv = sot_form_dialog_get_instance_private (self);
  return priv->now;
}

static GtkWidget *
add_entry_row (SotFormDialog     *self,
               GtkWidget         *row,
               const char        *id,
               const char        *title,
               const char        *text,
               SotFormFieldFlags  flags)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);

  add_field (self, id, KIND_ENTRY, flags, row, row);
  g_signal_connect_object (row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

GtkWidget *
sot_form_dialog_add_entry (SotFormDialog     *self,
                           const char        *id,
                           const char        *title,
                           const char        *text,
                           SotFormFieldFlags  flags)
{
  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);
  g_return_val_if_fail (id != NULL && title != NULL, NULL);

  return add_entry_row (self, adw_entry_row_new (), id, title, text, flags);
}

GtkWidget *
sot_form_dialog_add_password (SotFormDialog     *self,
                              const char        *id,
                              const char        *title,
                              SotFormFieldFlags  flags)
{
  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);
  g_return_val_if_fail (id != NULL && title != NULL, NULL);

  return add_entry_row (self, adw_password_entry_row_new (), id, title, NULL, flags);
}

GtkWidget *
sot_form_dialog_add_choice (SotFormDialog      *self,
                            const char         *id,
                            const char         *title,
                            const char * const *codes,
                            const char * const *labels,
                            guint               n,
                            const char         *selected)
{
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *row;
  Field *field;

  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);
  g_return_val_if_fail (id != NULL && title != NULL, NULL);
  g_return_val_if_fail (codes != NULL && labels != NULL, NULL);

  model = gtk_string_list_new (NULL);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  field = add_field (self, id, KIND_CHOICE, SOT_FORM_FIELD_NONE, row, row);
  field->codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (model, labels[i]);
      g_ptr_array_add (field->codes, g_strdup (codes[i]));
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  sot_form_dialog_set_choice (self, id, selected);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
add_toggle (SotFormDialog *self,
            const char    *id,
            const char    *title,
            const char    *subtitle,
            gboolean       active,
            FieldKind      kind)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *control;

  /* A title from the records (an event's name) is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (kind == KIND_SWITCH)
    {
      control = gtk_switch_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
    }
  else
    {
      control = gtk_check_button_new ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), control);
    }

  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  g_object_set (control, "active", active, NULL);

  add_field (self, id, kind, SOT_FORM_FIELD_NONE, row, control);
  g_signal_connect_object (control, "notify::active", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return row;
}

GtkWidget *
sot_form_dialog_add_switch (SotFormDialog *self,
                            const char    *id,
                            const char    *title,
                            const char    *subtitle,
                            gboolean       active)
{
  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);
  g_return_val_if_fail (id != NULL && title != NULL, NULL);

  return add_toggle (self, id, title, subtitle, active, KIND_SWITCH);
}

GtkWidget *
sot_form_dialog_add_check (SotFormDialog *self,
                           const char    *id,
                           const char    *title,
                           const char    *subtitle,
                           gboolean       active)
{
  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);
  g_return_val_if_fail (id != NULL && title != NULL, NULL);

  return add_toggle (self, id, title, subtitle, active, KIND_CHECK);
}

void
sot_form_dialog_add_row (SotFormDialog *self,
                         GtkWidget     *row)
{
  SotFormDialogPrivate *priv;

  g_return_if_fail (SOT_IS_FORM_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  priv = sot_form_dialog_get_instance_private (self);
  gtk_list_box_append (priv->form, row);
}

GtkWidget *
sot_form_dialog_get_field (SotFormDialog *self,
                           const char    *id)
{
  Field *field;

  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  field = lookup (self, id);
  return field != NULL ? field->row : NULL;
}

const char *
sot_form_dialog_get_text (SotFormDialog *self,
                          const char    *id)
{
  Field *field;
  const char *text;

  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);

  field = lookup (self, id);
  g_return_val_if_fail (field != NULL && field->kind == KIND_ENTRY, NULL);

  if (!gtk_widget_get_visible (field->row))
    return NULL;

  text = gtk_editable_get_text (GTK_EDITABLE (field->control));
  if (sot_text_is_blank (text))
    return NULL;

  /* Kept on the field, so the caller need not free it. */
  g_free (field->trimmed);
  field->trimmed = g_strstrip (g_strdup (text));
  return field->trimmed;
}

void
sot_form_dialog_set_text (SotFormDialog *self,
                          const char    *id,
                          const char    *text)
{
  Field *field;

  g_return_if_fail (SOT_IS_FORM_DIALOG (self));

  field = lookup (self, id);
  g_return_if_fail (field != NULL && field->kind == KIND_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (field->control), text != NULL ? text : "");
}

GDateTime *
sot_form_dialog_get_time (SotFormDialog *self,
                          const char    *id)
{
  const char *text = sot_form_dialog_get_text (self, id);

  return text != NULL ? sot_time_parse (text, NULL) : NULL;
}

const char *
sot_form_dialog_get_choice (SotFormDialog *self,
                            const char    *id)
{
  Field *field;
  guint selected;

  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);

  field = lookup (self, id);
  g_return_val_if_fail (field != NULL && field->kind == KIND_CHOICE, NULL);

  if (!gtk_widget_get_visible (field->row))
    return NULL;

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
  if (selected == GTK_INVALID_LIST_POSITION || selected >= field->codes->len)
    return NULL;

  return g_ptr_array_index (field->codes, selected);
}

void
sot_form_dialog_set_choice (SotFormDialog *self,
                            const char    *id,
                            const char    *code)
{
  Field *field;

  g_return_if_fail (SOT_IS_FORM_DIALOG (self));

  field = lookup (self, id);
  g_return_if_fail (field != NULL && field->kind == KIND_CHOICE);

  for (guint i = 0; i < field->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (field->codes, i), code) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), i);
        return;
      }

  adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), 0);
}

gboolean
sot_form_dialog_get_active (SotFormDialog *self,
                            const char    *id)
{
  Field *field;
  gboolean active = FALSE;

  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), FALSE);

  field = lookup (self, id);
  g_return_val_if_fail (field != NULL && (field->kind == KIND_SWITCH || field->kind == KIND_CHECK),
                        FALSE);

  g_object_get (field->control, "active", &active, NULL);
  return active && gtk_widget_get_visible (field->row);
}

void
sot_form_dialog_set_active (SotFormDialog *self,
                            const char    *id,
                            gboolean       active)
{
  Field *field;

  g_return_if_fail (SOT_IS_FORM_DIALOG (self));

  field = lookup (self, id);
  g_return_if_fail (field != NULL && (field->kind == KIND_SWITCH || field->kind == KIND_CHECK));

  g_object_set (field->control, "active", active, NULL);
}

void
sot_form_dialog_set_visible (SotFormDialog *self,
                             const char    *id,
                             gboolean       visible)
{
  Field *field;

  g_return_if_fail (SOT_IS_FORM_DIALOG (self));

  field = lookup (self, id);
  g_return_if_fail (field != NULL);

  gtk_widget_set_visible (field->row, visible);
  if (!visible)
    show_field_error (field, NULL);
}

void
sot_form_dialog_set_error (SotFormDialog *self,
                           const char    *id,
                           const char    *message)
{
  Field *field;

  g_return_if_fail (SOT_IS_FORM_DIALOG (self));

  field = lookup (self, id);
  g_return_if_fail (field != NULL && field->error_row != NULL);

  if (!gtk_widget_get_visible (field->error_row))
    show_field_error (field, message);
}

const char *
sot_form_dialog_get_error (SotFormDialog *self,
                           const char    *id)
{
  Field *field;

  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);

  field = lookup (self, id);
  g_return_val_if_fail (field != NULL, NULL);

  if (field->error_row == NULL || !gtk_widget_get_visible (field->error_row))
    return NULL;

  return gtk_label_get_text (field->error_label);
}

void
sot_form_dialog_show_problem (SotFormDialog *self,
                              const char    *problem)
{
  SotFormDialogPrivate *priv;

  g_return_if_fail (SOT_IS_FORM_DIALOG (self));

  priv = sot_form_dialog_get_instance_private (self);
  gtk_label_set_text (priv->problem, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->problem), problem != NULL);
}

const char *
sot_form_dialog_get_problem (SotFormDialog *self)
{
  SotFormDialogPrivate *priv;

  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), NULL);

  priv = sot_form_dialog_get_instance_private (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (priv->problem)))
    return NULL;

  return gtk_label_get_text (priv->problem);
}

void
sot_form_dialog_validate (SotFormDialog *self)
{
  SotFormDialogPrivate *priv;
  SotFormDialogClass *klass;
  gboolean valid = TRUE;

  g_return_if_fail (SOT_IS_FORM_DIALOG (self));

  priv = sot_form_dialog_get_instance_private (self);
  klass = SOT_FORM_DIALOG_GET_CLASS (self);

  /* A sync that changes a field would come back here: one pass is enough. */
  if (priv->validating)
    return;
  priv->validating = TRUE;

  if (klass->sync != NULL)
    klass->sync (self);

  sot_form_dialog_show_problem (self, NULL);
  for (guint i = 0; i < priv->order->len; i++)
    if (!check_field (self, g_ptr_array_index (priv->order, i)))
      valid = FALSE;

  if (klass->check != NULL && !klass->check (self))
    valid = FALSE;

  priv->valid = valid;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), SOT_FORM_DIALOG_ACCEPT,
                                           valid);
  priv->validating = FALSE;
}

gboolean
sot_form_dialog_is_valid (SotFormDialog *self)
{
  SotFormDialogPrivate *priv;

  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), FALSE);

  priv = sot_form_dialog_get_instance_private (self);
  return priv->valid;
}

void
sot_form_dialog_present (SotFormDialog *self)
{
  g_return_if_fail (SOT_IS_FORM_DIALOG (self));

  sot_form_dialog_validate (self);
  gtk_window_present (GTK_WINDOW (self));
}

gboolean
sot_form_dialog_accept (SotFormDialog *self)
{
  g_return_val_if_fail (SOT_IS_FORM_DIALOG (self), FALSE);

  sot_form_dialog_validate (self);
  if (!sot_form_dialog_is_valid (self))
    return FALSE;

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), SOT_FORM_DIALOG_ACCEPT);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

char *
sot_entry_row_dup_text (AdwEntryRow *row)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}
