/* sot-exhibit-dialog.c: the form that adds an exhibit to the register
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-exhibit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sot-exhibit-dialog.h"
#include "sot-forensics-ui.h"

struct _SotExhibitDialog
{
  SotFormDialog     parent_instance;

  SotStore         *store;
  SotInvestigation *investigation;
  SotExhibit       *added;
};

G_DEFINE_FINAL_TYPE (SotExhibitDialog, sot_exhibit_dialog, SOT_TYPE_FORM_DIALOG)

static void
sot_exhibit_dialog_sync (SotFormDialog *form)
{
  /* Whom a sample was taken from matters only for a forensic sample. */
  sot_form_dialog_set_visible (form, "sampled-from",
                               sot_form_dialog_get_choice (form, "sample-type") != NULL);
}

static void
sot_exhibit_dialog_accept (SotFormDialog *form)
{
  SotExhibitDialog *self = SOT_EXHIBIT_DIALOG (form);
  g_autoptr(GError) error = NULL;
  SotExhibitDetails d = { 0 };
  const char *parent = sot_form_dialog_get_choice (form, "parent");

  d.parent_id = parent != NULL ? g_ascii_strtoll (parent, NULL, 10) : 0;
  d.officer_initials = sot_form_dialog_get_text (form, "initials");
  d.description = sot_form_dialog_get_text (form, "description");
  d.sample_type = sot_form_dialog_get_choice (form, "sample-type");
  d.sampled_from = d.sample_type != NULL ? sot_form_dialog_get_choice (form, "sampled-from")
                                         : NULL;
  d.seized_by = sot_form_dialog_get_text (form, "seized-by");
  d.seized_at = sot_form_dialog_get_text (form, "seized-at");
  d.seized_place = sot_form_dialog_get_text (form, "place");
  d.seal_number = sot_form_dialog_get_text (form, "seal");

  g_clear_object (&self->added);
  if (!sot_exhibit_add (self->store, sot_investigation_get_id (self->investigation), &d,
                        &self->added, &error))
    sot_forensics_ui_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                 _("The exhibit was not added"), error);
}

static void
sot_exhibit_dialog_dispose (GObject *object)
{
  SotExhibitDialog *self = SOT_EXHIBIT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->investigation);
  g_clear_object (&self->added);

  G_OBJECT_CLASS (sot_exhibit_dialog_parent_class)->dispose (object);
}

static void
sot_exhibit_dialog_class_init (SotExhibitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SotFormDialogClass *form_class = SOT_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sot_exhibit_dialog_dispose;
  form_class->sync = sot_exhibit_dialog_sync;
  form_class->accept = sot_exhibit_dialog_accept;
}

static void
sot_exhibit_dialog_init (SotExhibitDialog *self)
{
}

/* The top-level exhibits, which a new one may be part of. */
static void
add_parent_choice (SotFormDialog *form,
                   GListModel    *exhibits)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (labels, g_strdup (_("None: a new exhibit")));
  g_ptr_array_add (codes, NULL);
  for (guint i = 0; exhibits != NULL && i < g_list_model_get_n_items (exhibits); i++)
    {
      g_autoptr(SotExhibit) exhibit = g_list_model_get_item (exhibits, i);

      if (sot_exhibit_get_parent_id (exhibit) != 0)
        continue;
      g_ptr_array_add (labels, g_strdup_printf (_("Part of %s"),
                                                sot_exhibit_get_reference (exhibit)));
      g_ptr_array_add (codes, g_strdup_printf ("%" G_GINT64_FORMAT, sot_exhibit_get_id (exhibit)));
    }

  sot_form_dialog_add_choice (form, "parent", _("Sub-exhibit of"),
                              (const char * const *) codes->pdata,
                              (const char * const *) labels->pdata, codes->len, NULL);
}

static void
add_sample_choices (SotFormDialog        *form,
                    SotForensicCatalogue *catalogue)
{
  guint n = sot_forensic_catalogue_get_n_samples (catalogue);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree const char **codes = g_new0 (const char *, n + 1);
  const char *from_codes[] = { "complainant", "suspect" };
  const char *from_labels[] = { _("The complainant"), _("The suspect") };

  labels[0] = _("Not a forensic sample");
  for (guint i = 0; i < n; i++)
    {
      SotForensicSample *sample = sot_forensic_catalogue_get_sample (catalogue, i);

      labels[i + 1] = sot_forensic_sample_get_label (sample);
      codes[i + 1] = sot_forensic_sample_get_id (sample);
    }

  sot_form_dialog_add_choice (form, "sample-type", _("Sample type"), codes, labels, n + 1, NULL);
  sot_form_dialog_add_choice (form, "sampled-from", _("Sample taken from"), from_codes,
                              from_labels, G_N_ELEMENTS (from_codes), NULL);
}

SotExhibitDialog *
sot_exhibit_dialog_new (GtkWindow            *parent,
                        SotStore             *store,
                        SotForensicCatalogue *catalogue,
                        SotInvestigation     *investigation,
                        GListModel           *exhibits)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *now_text = NULL;
  SotExhibitDialog *self;
  SotFormDialog *form;
  const char *officer;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (SOT_IS_FORENSIC_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (SOT_IS_INVESTIGATION (investigation), NULL);

  now = sot_store_now (store);
  self = g_object_new (SOT_TYPE_EXHIBIT_DIALOG,
                       "transient-for", parent,
                       "heading", _("Add Exhibit"),
                       "body", _("The reference is allotted from the officer's initials when "
                                 "the exhibit is added. Times are UK local time."),
                       "now", now,
                       NULL);
  form = SOT_FORM_DIALOG (self);
  self->store = g_object_ref (store);
  self->investigation = g_object_ref (investigation);
  sot_form_dialog_set_accept_label (form, _("_Add"));

  officer = sot_investigation_get_officer (investigation);
  initials = sot_exhibit_initials_from_name (officer);
  now_text = sot_forensics_ui_time_for_entry (now);

  sot_form_dialog_add_entry (form, "initials", _("Officer's initials"), initials,
                             SOT_FORM_FIELD_NONE);
  add_parent_choice (form, exhibits);
  sot_form_dialog_add_entry (form, "description", _("Description"), NULL,
                             SOT_FORM_FIELD_REQUIRED);
  add_sample_choices (form, catalogue);
  sot_form_dialog_add_entry (form, "seized-by", _("Seized or produced by"), officer,
                             SOT_FORM_FIELD_REQUIRED);
  sot_form_dialog_add_entry (form, "seized-at", _("Seized at (YYYY-MM-DD HH:MM)"), now_text,
                             SOT_FORM_FIELD_REQUIRED | SOT_FORM_FIELD_TIME);
  sot_form_dialog_add_entry (form, "place", _("Place"), NULL, SOT_FORM_FIELD_NONE);
  sot_form_dialog_add_entry (form, "seal", _("Seal or bag number"), NULL, SOT_FORM_FIELD_NONE);

  return self;
}

SotExhibit *
sot_exhibit_dialog_get_exhibit (SotExhibitDialog *self)
{
  g_return_val_if_fail (SOT_IS_EXHIBIT_DIALOG (self), NULL);
  return self->added;
}
