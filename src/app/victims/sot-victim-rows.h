/* sot-victim-rows.h: the rows of the Victim page's lists, each holding its record
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-cps.h"
#include "sot-deadline.h"
#include "sot-isva.h"
#include "sot-victim-contact.h"
#include "sot-victim-letter.h"

G_BEGIN_DECLS

/* Each row holds a reference to the record (a GObject of the core) it shows. */

#define SOT_TYPE_VICTIM_DEADLINE_ROW (sot_victim_deadline_row_get_type ())
G_DECLARE_FINAL_TYPE (SotVictimDeadlineRow, sot_victim_deadline_row, SOT, VICTIM_DEADLINE_ROW, AdwActionRow)
/* A Victims' Code deadline with its state as a coloured word. */
GtkWidget            *sot_victim_deadline_row_new            (SotDeadline *deadline);
SotDeadline          *sot_victim_deadline_row_get_deadline   (SotVictimDeadlineRow *self);

#define SOT_TYPE_CONTACT_ROW (sot_contact_row_get_type ())
G_DECLARE_FINAL_TYPE (SotContactRow, sot_contact_row, SOT, CONTACT_ROW, AdwActionRow)
/* A contact of the contact log (#SotVictimContact): when, how, by whom, what it told of. */
GtkWidget            *sot_contact_row_new             (SotVictimContact *contact);
SotVictimContact     *sot_contact_row_get_contact     (SotContactRow *self);

#define SOT_TYPE_ISVA_ROW (sot_isva_row_get_type ())
G_DECLARE_FINAL_TYPE (SotIsvaRow, sot_isva_row, SOT, ISVA_ROW, AdwActionRow)
/* An ISVA (#SotIsva), with a button for the victim.edit-isva action. */
GtkWidget            *sot_isva_row_new                (SotIsva *isva);
SotIsva              *sot_isva_row_get_isva           (SotIsvaRow *self);

#define SOT_TYPE_LETTER_ROW (sot_letter_row_get_type ())
G_DECLARE_FINAL_TYPE (SotLetterRow, sot_letter_row, SOT, LETTER_ROW, AdwActionRow)
/* A letter sent to the victim (#SotVictimLetter). */
GtkWidget            *sot_letter_row_new              (SotVictimLetter *letter);
SotVictimLetter      *sot_letter_row_get_letter       (SotLetterRow *self);

#define SOT_TYPE_AGREEMENT_ROW (sot_agreement_row_get_type ())
G_DECLARE_FINAL_TYPE (SotAgreementRow, sot_agreement_row, SOT, AGREEMENT_ROW, AdwActionRow)
/* An earlier agreement on updates (#SotContactPreference). */
GtkWidget            *sot_agreement_row_new           (SotContactPreference *preference);
SotContactPreference *sot_agreement_row_get_preference (SotAgreementRow *self);

#define SOT_TYPE_ADVICE_ROW (sot_advice_row_get_type ())
G_DECLARE_FINAL_TYPE (SotAdviceRow, sot_advice_row, SOT, ADVICE_ROW, AdwExpanderRow)
/* An early advice (#SotCpsEarlyAdvice) with points, which unfold under it; @subtitle says
 * when it was given. */
GtkWidget            *sot_advice_row_new              (SotCpsEarlyAdvice *advice,
                                                       const char        *title,
                                                       const char        *subtitle);
SotCpsEarlyAdvice    *sot_advice_row_get_advice       (SotAdviceRow *self);

#define SOT_TYPE_ADVICE_POINT_ROW (sot_advice_point_row_get_type ())
G_DECLARE_FINAL_TYPE (SotAdvicePointRow, sot_advice_point_row, SOT, ADVICE_POINT_ROW,
                      AdwActionRow)
/* A point of early advice (#SotCpsAdvicePoint) with the title of its line of enquiry
 * (@line_titles: UUID → title), and a button for the victim.link-point action. */
GtkWidget            *sot_advice_point_row_new        (SotCpsAdvicePoint *point,
                                                       GHashTable        *line_titles);
SotCpsAdvicePoint    *sot_advice_point_row_get_point  (SotAdvicePointRow *self);

#define SOT_TYPE_CPS_SUSPECT_ROW (sot_cps_suspect_row_get_type ())
G_DECLARE_FINAL_TYPE (SotCpsSuspectRow, sot_cps_suspect_row, SOT, CPS_SUSPECT_ROW, AdwActionRow)
/* A suspect (#SotCpsSuspect) and where the CPS is with them. */
GtkWidget            *sot_cps_suspect_row_new             (SotCpsSuspect *suspect);
SotCpsSuspect        *sot_cps_suspect_row_get_suspect     (SotCpsSuspectRow *self);

#define SOT_TYPE_ACTION_ITEM_ROW (sot_action_item_row_get_type ())
G_DECLARE_FINAL_TYPE (SotActionItemRow, sot_action_item_row, SOT, ACTION_ITEM_ROW,
                      AdwActionRow)
/* An item of the CPS action plan (#SotCpsActionItem), with a button for the
 * victim.action-done action while it is open. */
GtkWidget            *sot_action_item_row_new         (SotCpsActionItem *item);
SotCpsActionItem     *sot_action_item_row_get_item    (SotActionItemRow *self);

/* Returns: (transfer full): an agreement on updates as shown: "Every 14 days, Phone". */
char                 *sot_victim_agreement_text       (guint       frequency_days,
                                                       const char *channel);

/* Puts @widget at the end of @row, an #AdwActionRow or the header of an #AdwExpanderRow. */
void                  sot_victim_row_add_suffix       (gpointer    row,
                                                       GtkWidget  *widget);
/* A coloured status word at the end of @row, which a screen reader reads with the row. */
void                  sot_victim_row_add_badge        (gpointer    row,
                                                       const char *text,
                                                       const char *style);
/* A button at the end of @row that activates @action_name with @uuid. */
GtkWidget            *sot_victim_row_add_button       (gpointer    row,
                                                       const char *label,
                                                       const char *tooltip,
                                                       const char *action_name,
                                                       const char *uuid);
/* A flat icon button at the end of @row; @label names it for screen readers and tooltips. */
GtkWidget            *sot_victim_row_add_icon_button  (gpointer    row,
                                                       const char *icon_name,
                                                       const char *label,
                                                       const char *action_name,
                                                       const char *uuid);
/* Sets the title and subtitle of a plain row of a list of the page, as text, not markup. */
void                  sot_victim_row_set_text         (AdwActionRow *row,
                                                       const char   *title,
                                                       const char   *subtitle);

G_END_DECLS
