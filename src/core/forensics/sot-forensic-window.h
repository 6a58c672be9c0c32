/* sot-forensic-window.h: the forensic window calculator
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Semantics. A sample type's window is a number of elapsed hours (the catalogue's) counted
 * from the offence, computed in UTC so that a change of the clocks neither adds nor removes an
 * hour; deadlines are shown in UK local time.
 *
 * The offence is a single time, or a range from–until when the victim can only give a period.
 *
 *  - certain deadline  = offence_from  + window. Before it, a sample is within the window
 *    whenever in the range the offence happened: the time that is certain.
 *  - last possible deadline = offence_until + window (equal to the certain deadline for a
 *    single time). After it, the window has closed whenever the offence happened.
 *
 * Status at @now, with a closing threshold T hours (24 by default):
 *  - closed   when now >= last possible deadline;
 *  - closing  otherwise, when now >= certain deadline − T (the certain deadline is at most T
 *             away, or has passed and the window may already have closed);
 *  - open     otherwise (more than T hours left before the certain deadline);
 *  - no-figure when the catalogue gives no window for the sample type.
 * So with a single time, one second before the deadline is closing and the deadline itself is
 * closed; exactly T hours before it is closing, T hours and one second before it open.
 */

#pragma once

#include "sot-forensic-catalogue.h"
#include "sot-investigation.h"

G_BEGIN_DECLS

#define SOT_FORENSIC_WINDOW_ERROR (sot_forensic_window_error_quark ())

typedef enum {
  SOT_FORENSIC_WINDOW_ERROR_RANGE,    /* until before from */
} SotForensicWindowError;

typedef enum {
  SOT_WINDOW_OPEN,
  SOT_WINDOW_CLOSING,
  SOT_WINDOW_CLOSED,
  SOT_WINDOW_NO_FIGURE,
} SotWindowStatus;

#define SOT_FORENSIC_WINDOW_DEFAULT_CLOSING_HOURS 24

/**
 * SotForensicWindow:
 * One sample type's window at a moment; a reference-counted snapshot (read the fields).
 */
typedef struct {
  SotForensicSample *sample;            /* (owned) */
  SotSampleSubject   subject;
  int                hours;             /* or SOT_FORENSIC_NO_FIGURE */
  gboolean           confirmed;         /* FALSE: show SOT_FORENSIC_VERIFY_NOTE with it */
  gboolean           is_range;          /* the offence is a from–until range */
  SotWindowStatus    status;
  GDateTime         *certain_deadline;  /* (nullable) UTC; %NULL when no figure */
  GDateTime         *last_deadline;     /* (nullable) UTC; the same time for a single offence time */
  GTimeSpan          time_left;         /* certain deadline − now; negative once passed */
  GTimeSpan          time_left_last;    /* last possible deadline − now */
} SotForensicWindow;

#define SOT_TYPE_FORENSIC_WINDOW (sot_forensic_window_get_type ())

GType              sot_forensic_window_get_type      (void) G_GNUC_CONST;
GQuark             sot_forensic_window_error_quark   (void);

SotForensicWindow *sot_forensic_window_ref           (SotForensicWindow *self);
void               sot_forensic_window_unref         (SotForensicWindow *self);

/**
 * sot_forensic_window_compute:
 * @offence_until: (nullable): the end of the offence range; %NULL for a single time
 * @closing_hours: the threshold T of the header comment, 0 or more
 *
 * The window of one sample type at @now. @offence_until must not be before @offence_from
 * (use sot_forensic_window_check_range() first).
 * Returns: (transfer full): the window.
 */
SotForensicWindow *sot_forensic_window_compute       (SotForensicSample *sample,
                                                      SotSampleSubject   subject,
                                                      GDateTime         *offence_from,
                                                      GDateTime         *offence_until,
                                                      GDateTime         *now,
                                                      int                closing_hours);

/* Refuses an offence range whose end comes before its start, with %SOT_FORENSIC_WINDOW_ERROR_RANGE. */
gboolean           sot_forensic_window_check_range   (GDateTime         *offence_from,
                                                      GDateTime         *offence_until,
                                                      GError           **error);

/**
 * sot_forensic_windows_compute:
 * Every sample type of @catalogue, in sampling order, at @now.
 * Returns: (transfer full) (element-type SotForensicWindow): the windows, or %NULL with
 *   @error set when the range is reversed.
 */
GPtrArray         *sot_forensic_windows_compute      (SotForensicCatalogue *catalogue,
                                                      SotSampleSubject      subject,
                                                      GDateTime            *offence_from,
                                                      GDateTime            *offence_until,
                                                      GDateTime            *now,
                                                      int                   closing_hours,
                                                      GError              **error);

/**
 * sot_forensic_window_closing_within:
 * For the Overview: the complainant windows of @investigation's offence time that are closing
 * at @now with a threshold of @hours (the certain deadline within @hours, or passed while the
 * last possible one has not). Open, closed and no-figure windows are left out; so is an
 * investigation whose offence time cannot be read.
 * Returns: (transfer full) (element-type SotForensicWindow): the windows, soonest first.
 */
GPtrArray         *sot_forensic_window_closing_within (SotForensicCatalogue *catalogue,
                                                       SotInvestigation     *investigation,
                                                       GDateTime            *now,
                                                       int                   hours);

/* Returns: a stable id of @status ("open", "closing", "closed", "no-figure"). */
const char        *sot_window_status_to_string       (SotWindowStatus    status);
/* Returns: the translated name of @status ("Open", "Closing", …). */
const char        *sot_window_status_label           (SotWindowStatus    status);

/* Returns: (transfer full): a length of time for people: "2 d 3 h", "4 h 5 min", "12 min". */
char              *sot_forensic_format_duration      (GTimeSpan          span);

/* Returns: (transfer full): @dt in UK local time with its zone: "1 Apr 2024 23:00 BST". */
char              *sot_forensic_format_time          (GDateTime         *dt);

/**
 * sot_forensic_window_describe_value:
 * Returns: (transfer full): the window's value as the product shows it everywhere:
 *   "48 hours, confirmed", "72 hours — verify against the current FFLM table", or
 *   "no figure — verify against the current FFLM table".
 */
char              *sot_forensic_window_describe_value (const SotForensicWindow *self);

/**
 * sot_forensic_window_describe_deadlines:
 * Returns: (transfer full): the deadline(s) and time left, e.g. "Deadline 1 Apr 2024 23:00 BST
 *   (2 h 5 min left)", or for a range "Certain until … ; last possible …".
 */
char              *sot_forensic_window_describe_deadlines (const SotForensicWindow *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotForensicWindow, sot_forensic_window_unref)

G_END_DECLS
