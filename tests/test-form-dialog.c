/* test-form-dialog.c: the one form kit: fields by id, checks, inline errors, the clock
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "sot-form-dialog.h"

static const char * const codes[] = { NULL, "home", "station" };
static const char * const labels[] = { "None", "At home", "At the station" };

static GDateTime *
fixed_now (void)
{
  return g_date_time_new_utc (2026, 6, 1, 12, 0, 0);
}

static SotFormDialog *
new_form (void)
{
  g_autoptr(GDateTime) now = fixed_now ();
  SotFormDialog *form = sot_form_dialog_new (NULL, "Test", NULL, "_Add", now);

  sot_form_dialog_add_entry (form, "name", "Name", NULL, SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "seen", "Seen", NULL, SOT_FORM_FIELD_TIME);
  sot_form_dialog_add_entry (form, "due", "Due", NULL,
                             SOT_FORM_FIELD_DATE | SOT_FORM_FIELD_FUTURE_OK);
  sot_form_dialog_add_choice (form, "place", "Place", codes, labels, G_N_ELEMENTS (codes),
                              "station");
  sot_form_dialog_add_switch (form, "urgent", "Urgent", NULL, FALSE);
  sot_form_dialog_add_check (form, "event", "An <event>", "subtitle", TRUE);
  sot_form_dialog_validate (form);
  return form;
}

static void
test_fields (void)
{
  SotFormDialog *form = new_form ();

  /* A required field left blank blocks the form without an error under it. */
  g_assert_false (sot_form_dialog_is_valid (form));
  g_assert_null (sot_form_dialog_get_error (form, "name"));

  sot_form_dialog_set_text (form, "name", "  DC Example  ");
  g_assert_true (sot_form_dialog_is_valid (form));
  g_assert_cmpstr (sot_form_dialog_get_text (form, "name"), ==, "DC Example");
  g_assert_null (sot_form_dialog_get_text (form, "seen"));

  g_assert_cmpstr (sot_form_dialog_get_choice (form, "place"), ==, "station");
  sot_form_dialog_set_choice (form, "place", NULL);
  g_assert_null (sot_form_dialog_get_choice (form, "place"));
  sot_form_dialog_set_choice (form, "place", "home");
  g_assert_cmpstr (sot_form_dialog_get_choice (form, "place"), ==, "home");

  g_assert_false (sot_form_dialog_get_active (form, "urgent"));
  sot_form_dialog_set_active (form, "urgent", TRUE);
  g_assert_true (sot_form_dialog_get_active (form, "urgent"));
  g_assert_true (sot_form_dialog_get_active (form, "event"));

  /* A hidden field is neither read nor checked. */
  sot_form_dialog_set_text (form, "seen", "not a time");
  g_assert_false (sot_form_dialog_is_valid (form));
  g_assert_nonnull (sot_form_dialog_get_error (form, "seen"));
  sot_form_dialog_set_visible (form, "seen", FALSE);
  sot_form_dialog_validate (form);
  g_assert_true (sot_form_dialog_is_valid (form));
  g_assert_null (sot_form_dialog_get_error (form, "seen"));
  g_assert_null (sot_form_dialog_get_text (form, "seen"));

  g_assert_true (ADW_IS_ENTRY_ROW (sot_form_dialog_get_field (form, "name")));
  g_assert_null (sot_form_dialog_get_field (form, "no-such-field"));
  gtk_window_destroy (GTK_WINDOW (form));
}

static void
test_clock (void)
{
  SotFormDialog *form = new_form ();
  g_autoptr(GDateTime) seen = NULL;

  sot_form_dialog_set_text (form, "name", "DC Example");

  /* Against the form's clock, not the machine's: 1 June 2026, 13:00 BST. */
  sot_form_dialog_set_text (form, "seen", "2026-06-01 13:04");
  g_assert_true (sot_form_dialog_is_valid (form));
  seen = sot_form_dialog_get_time (form, "seen");
  g_assert_nonnull (seen);
  g_assert_cmpint (g_date_time_get_hour (seen), ==, 12);

  sot_form_dialog_set_text (form, "seen", "2026-06-01 13:30");
  g_assert_false (sot_form_dialog_is_valid (form));
  g_assert_true (g_str_has_prefix (sot_form_dialog_get_error (form, "seen"),
                                   "This time is in the future"));

  sot_form_dialog_set_text (form, "seen", "");
  sot_form_dialog_set_text (form, "due", "2027-01-01");
  g_assert_true (sot_form_dialog_is_valid (form));
  sot_form_dialog_set_text (form, "due", "2027-02-30");
  g_assert_false (sot_form_dialog_is_valid (form));
  gtk_window_destroy (GTK_WINDOW (form));
}

/* A form type with a check across fields and its own accept. */
typedef struct {
  SotFormDialog parent_instance;
  guint         accepted;
} TestForm;

typedef SotFormDialogClass TestFormClass;

static GType test_form_get_type (void);
G_DEFINE_TYPE (TestForm, test_form, SOT_TYPE_FORM_DIALOG)

static void
test_form_sync (SotFormDialog *form)
{
  sot_form_dialog_set_visible (form, "reason", sot_form_dialog_get_active (form, "declined"));
}

static gboolean
test_form_check (SotFormDialog *form)
{
  if (sot_form_dialog_get_active (form, "declined") &&
      sot_form_dialog_get_text (form, "reason") == NULL)
    {
      sot_form_dialog_show_problem (form, "Say why it was declined");
      return FALSE;
    }

  return TRUE;
}

static void
test_form_accept (SotFormDialog *form)
{
  ((TestForm *) form)->accepted++;
}

static void
test_form_class_init (TestFormClass *klass)
{
  klass->sync = test_form_sync;
  klass->check = test_form_check;
  klass->accept = test_form_accept;
}

static void
test_form_init (TestForm *self)
{
  SotFormDialog *form = SOT_FORM_DIALOG (self);

  sot_form_dialog_add_switch (form, "declined", "Declined", NULL, FALSE);
  sot_form_dialog_add_entry (form, "reason", "Reason", NULL, SOT_FORM_FIELD_NONE);
}

static void
test_subclass (void)
{
  TestForm *self = g_object_new (test_form_get_type (), NULL);
  SotFormDialog *form = SOT_FORM_DIALOG (self);

  sot_form_dialog_validate (form);
  g_assert_true (sot_form_dialog_is_valid (form));
  g_assert_false (gtk_widget_get_visible (sot_form_dialog_get_field (form, "reason")));

  sot_form_dialog_set_active (form, "declined", TRUE);
  g_assert_true (gtk_widget_get_visible (sot_form_dialog_get_field (form, "reason")));
  g_assert_false (sot_form_dialog_is_valid (form));
  g_assert_cmpstr (sot_form_dialog_get_problem (form), ==, "Say why it was declined");
  g_assert_false (sot_form_dialog_accept (form));
  g_assert_cmpuint (self->accepted, ==, 0);

  sot_form_dialog_set_text (form, "reason", "Not wanted");
  g_assert_true (sot_form_dialog_is_valid (form));
  g_assert_null (sot_form_dialog_get_problem (form));

  /* Accepting runs the type's accept once and closes the dialog. */
  g_object_ref (self);
  g_assert_true (sot_form_dialog_accept (form));
  g_assert_cmpuint (self->accepted, ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (form)));
  g_object_unref (self);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/form-dialog/fields", test_fields);
  g_test_add_func ("/form-dialog/clock", test_clock);
  g_test_add_func ("/form-dialog/subclass", test_subclass);

  return g_test_run ();
}
