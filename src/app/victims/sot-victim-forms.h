/* sot-victim-forms.h: what the Victim page's forms share: the clock, channels, failures
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-form-dialog.h"
#include "sot-store.h"
#include "sot-victim-contact.h"

G_BEGIN_DECLS

/* Tells of a failure to write in a dialog over @parent: @heading, then the error's message. */
void   sot_victim_show_error    (GtkWindow    *parent,
                                 const char   *heading,
                                 const GError *error);

/* Returns: (transfer full): today at the store's clock (UK), as YYYY-MM-DD. */
char  *sot_victim_today_text    (SotStore     *store);

/* Returns: (transfer full): now at the store's clock, UK local time, as people type it. */
char  *sot_victim_now_text      (SotStore     *store);

/* Returns: (transfer full) (nullable): @stored (a date or an ISO 8601 time) for display. */
char  *sot_victim_display_time  (const char   *stored);

/* Returns: (transfer full) (nullable): the date @iso_date for display. */
char  *sot_victim_display_date  (const char   *iso_date);

/* Adds a choice @id of the contact channels (sot_contact_channels()) with @channel chosen. */
void   sot_victim_add_channel_choice (SotFormDialog *form,
                                      const char    *id,
                                      const char    *channel);

/* Adds a choice @id among @n @labels, standing for their positions; the first is chosen. */
void   sot_victim_add_index_choice   (SotFormDialog      *form,
                                      const char         *id,
                                      const char         *title,
                                      const char * const *labels,
                                      guint               n);
/* Returns: the position chosen in the choice @id of sot_victim_add_index_choice(). */
guint  sot_victim_get_index_choice   (SotFormDialog      *form,
                                      const char         *id);

/* Adds a choice @id of the suspects (#SotCpsSuspect) by number, after "No suspect" when
 * @with_none, with the first suspect chosen. */
void   sot_victim_add_suspect_choice (SotFormDialog      *form,
                                      const char         *id,
                                      GListModel         *suspects,
                                      gboolean            with_none);
/* Returns: the suspect chosen in the choice @id of sot_victim_add_suspect_choice(), or 0. */
gint64 sot_victim_get_suspect_choice (SotFormDialog      *form,
                                      const char         *id);

/* The start of a form of the page that writes for one record (the case or the victim):
 * a form type's instance struct begins with it. */
typedef struct {
  SotFormDialog  parent_instance;
  SotStore      *store;
  gint64         owner_id;
} SotVictimFormHead;

/* Returns: (transfer none): a new form of @type (whose instance begins with
 * #SotVictimFormHead) over @parent, on the store's clock, keeping @store and @owner_id. */
gpointer sot_victim_form_new     (GType         type,
                                  GtkWindow    *parent,
                                  SotStore     *store,
                                  gint64        owner_id,
                                  const char   *heading,
                                  const char   *body,
                                  const char   *accept_label);
/* The dispose of such a form type, whose parent is #SotFormDialog. */
void     sot_victim_form_dispose (GObject      *object);
/* Tells of @form's failure to save over the window it is for. */
void     sot_victim_form_report  (gpointer      form,
                                  const char   *heading,
                                  const GError *error);

G_END_DECLS
