/* sot-victims-code.h: the Victims' Code rules as versioned data (reference/victims-code.ini)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The limits of Right 6 (per event, enhanced and standard, in working days), the Victims'
 * Right to Review request window and the force's review interval for release under
 * investigation. They are data because the Code is being revised: a new edition replaces the
 * file, not the code. The table is compiled into the core's resources and loaded once.
 */
typedef struct _SotVictimsCode SotVictimsCode;

/**
 * sot_victims_code_get_default:
 * Returns: (transfer none): the rules compiled in, loaded on first use and never freed, or
 *   %NULL with @error set when the file is broken.
 */
SotVictimsCode *sot_victims_code_get_default      (GError        **error);

/* Returns: the version of the rules ("2020-04-01+cps-2026-12"), for the record. */
const char     *sot_victims_code_get_version      (SotVictimsCode *self);

/**
 * sot_victims_code_right6_days:
 * The limit for telling the victim of @event (its stored name), in working days after the
 * event's day. Returns: %FALSE when the rules do not list @event.
 */
gboolean        sot_victims_code_right6_days      (SotVictimsCode *self,
                                                   const char     *event,
                                                   gboolean        enhanced,
                                                   guint          *days);

/* Whether @event is one of the rules' decisions (group=decision), not a police event. */
gboolean        sot_victims_code_is_decision      (SotVictimsCode *self,
                                                   const char     *event);

/* The Victims' Right to Review request window, in months after the decision; @confirmed is
 * %FALSE while the figure has not been read in the scheme itself. */
guint           sot_victims_code_vrr_months       (SotVictimsCode *self,
                                                   gboolean       *confirmed);

/* The review interval of a release under investigation, in days (a force setting). */
guint           sot_victims_code_rui_review_days  (SotVictimsCode *self,
                                                   gboolean       *confirmed);

G_END_DECLS
