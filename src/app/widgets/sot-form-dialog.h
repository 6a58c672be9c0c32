/* sot-form-dialog.h: the one form kit: typed fields by id, validation and inline errors
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The response that accepts a form; "cancel" closes it. */
#define SOT_FORM_DIALOG_ACCEPT "accept"
#define SOT_FORM_DIALOG_CANCEL "cancel"

/* A time may be this far ahead of the form's clock: two clocks are never quite together. */
#define SOT_FORM_FUTURE_TOLERANCE (5 * G_TIME_SPAN_MINUTE)

typedef enum {
  SOT_FORM_FIELD_NONE      = 0,
  SOT_FORM_FIELD_REQUIRED  = 1 << 0,  /* the form cannot be accepted while it is blank */
  SOT_FORM_FIELD_TIME      = 1 << 1,  /* "YYYY-MM-DD HH:MM", UK local time, not in the future */
  SOT_FORM_FIELD_DATE      = 1 << 2,  /* "YYYY-MM-DD", not in the future unless FUTURE_OK */
  SOT_FORM_FIELD_FUTURE_OK = 1 << 3,
} SotFormFieldFlags;

#define SOT_TYPE_FORM_DIALOG (sot_form_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (SotFormDialog, sot_form_dialog, SOT, FORM_DIALOG, AdwMessageDialog)

/**
 * SotFormDialogClass:
 * @sync: shows or hides the fields that depend on others; runs before the fields are checked
 * @check: a check across fields, after each field's own; marks fields with
 *   sot_form_dialog_set_error() and returns whether the form may be accepted
 * @accept: the form was accepted (the dialog then closes by itself): saves it, and tells of a
 *   failure in a dialog of its own
 */
struct _SotFormDialogClass
{
  AdwMessageDialogClass parent_class;

  void     (*sync)   (SotFormDialog *self);
  gboolean (*check)  (SotFormDialog *self);
  void     (*accept) (SotFormDialog *self);

  gpointer padding[4];
};

/**
 * sot_form_dialog_new:
 * A form with no checks across fields, for a caller that handles the "accept" response.
 * Subclasses pass #GtkWindow:transient-for, #AdwMessageDialog:heading and
 * #SotFormDialog:now to g_object_new() instead.
 * Returns: (transfer none): the dialog, owned by the window list until it closes.
 */
SotFormDialog *sot_form_dialog_new          (GtkWindow          *parent,
                                             const char         *heading,
                                             const char         *body,
                                             const char         *accept_label,
                                             GDateTime          *now);

/* Sets the label of the accept response ("_Add", "_Save"…). */
void           sot_form_dialog_set_accept_label (SotFormDialog  *self,
                                                 const char     *label);

/* Returns: (transfer none): the form's clock, read once when it opened (a form does not turn
 * invalid while it is being filled in); tests set it through #SotFormDialog:now. */
GDateTime     *sot_form_dialog_get_now      (SotFormDialog      *self);

/* Adds a text field @id; @flags say what it must hold. Returns: (transfer none): its row. */
GtkWidget     *sot_form_dialog_add_entry    (SotFormDialog      *self,
                                             const char         *id,
                                             const char         *title,
                                             const char         *text,
                                             SotFormFieldFlags   flags);

/* Adds a secret text field @id, shown as dots (a passphrase). Returns: (transfer none): its row. */
GtkWidget     *sot_form_dialog_add_password (SotFormDialog      *self,
                                             const char         *id,
                                             const char         *title,
                                             SotFormFieldFlags   flags);

/**
 * sot_form_dialog_add_choice:
 * Adds a choice @id among @labels, standing for @codes (a %NULL code stands for "none"), with
 * @selected (a code, or %NULL for the first) chosen. Both arrays hold @n items.
 * Returns: (transfer none): its row.
 */
GtkWidget     *sot_form_dialog_add_choice   (SotFormDialog      *self,
                                             const char         *id,
                                             const char         *title,
                                             const char * const *codes,
                                             const char * const *labels,
                                             guint               n,
                                             const char         *selected);

/* Adds an on/off field @id as a switch. Returns: (transfer none): its row. */
GtkWidget     *sot_form_dialog_add_switch   (SotFormDialog      *self,
                                             const char         *id,
                                             const char         *title,
                                             const char         *subtitle,
                                             gboolean            active);

/* Adds an on/off field @id as a check box before the title, for one item of a list to tick.
 * Returns: (transfer none): its row. */
GtkWidget     *sot_form_dialog_add_check    (SotFormDialog      *self,
                                             const char         *id,
                                             const char         *title,
                                             const char         *subtitle,
                                             gboolean            active);

/* Adds @row, which is not a field (a note, a heading), to the form. */
void           sot_form_dialog_add_row      (SotFormDialog      *self,
                                             GtkWidget          *row);

/* Returns: (transfer none) (nullable): the field @id's row, %NULL when there is none. */
GtkWidget     *sot_form_dialog_get_field    (SotFormDialog      *self,
                                             const char         *id);

/* Returns: (transfer none) (nullable): the text of @id, trimmed; %NULL when blank or hidden. */
const char    *sot_form_dialog_get_text     (SotFormDialog      *self,
                                             const char         *id);
/* Sets the text of the field @id. */
void           sot_form_dialog_set_text     (SotFormDialog      *self,
                                             const char         *id,
                                             const char         *text);

/* Returns: (transfer full) (nullable): the time in @id when it holds a valid one. */
GDateTime     *sot_form_dialog_get_time     (SotFormDialog      *self,
                                             const char         *id);

/* Returns: (transfer none) (nullable): the code chosen in @id (%NULL for "none"). */
const char    *sot_form_dialog_get_choice   (SotFormDialog      *self,
                                             const char         *id);
/* Chooses @code in @id. */
void           sot_form_dialog_set_choice   (SotFormDialog      *self,
                                             const char         *id,
                                             const char         *code);

/* Whether the switch or check box @id is on (and shown). */
gboolean       sot_form_dialog_get_active   (SotFormDialog      *self,
                                             const char         *id);
/* Turns the switch or check box @id on or off. */
void           sot_form_dialog_set_active   (SotFormDialog      *self,
                                             const char         *id,
                                             gboolean            active);

/* Shows or hides the field @id; a hidden field is neither checked nor read. */
void           sot_form_dialog_set_visible  (SotFormDialog      *self,
                                             const char         *id,
                                             gboolean            visible);

/* From a check: shows @message under the field @id, unless it already shows one. */
void           sot_form_dialog_set_error    (SotFormDialog      *self,
                                             const char         *id,
                                             const char         *message);

/* Returns: (transfer none) (nullable): the message shown under @id, %NULL when none. */
const char    *sot_form_dialog_get_error    (SotFormDialog      *self,
                                             const char         *id);

/* From a check: shows @problem (or nothing, for %NULL) under the fields, for a problem that
 * belongs to no one field. */
void           sot_form_dialog_show_problem (SotFormDialog      *self,
                                             const char         *problem);

/* Returns: (transfer none) (nullable): the problem shown under the fields. */
const char    *sot_form_dialog_get_problem  (SotFormDialog      *self);

/* Checks every field again and enables the accept response only when all is well. */
void           sot_form_dialog_validate     (SotFormDialog      *self);

/* Whether the form may be accepted now. */
gboolean       sot_form_dialog_is_valid     (SotFormDialog      *self);

/* Validates the finished form and presents it. */
void           sot_form_dialog_present      (SotFormDialog      *self);

/* Accepts the form as its accept button does, for tests: nothing happens when it is not valid.
 * Returns whether it was accepted (and closed). */
gboolean       sot_form_dialog_accept       (SotFormDialog      *self);

/* Returns: (transfer full) (nullable): the text of @row without surrounding space, %NULL when
 * blank: for the template dialogs that are not SotFormDialogs. */
char          *sot_entry_row_dup_text       (AdwEntryRow        *row);

G_END_DECLS
