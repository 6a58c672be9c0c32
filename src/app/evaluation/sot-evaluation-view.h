/* sot-evaluation-view.h: the Evaluation section: metrics and charts, with small counts suppressed
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sot-metrics.h"
#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_TYPE_EVALUATION_VIEW (sot_evaluation_view_get_type ())
G_DECLARE_FINAL_TYPE (SotEvaluationView, sot_evaluation_view, SOT, EVALUATION_VIEW, AdwBin)

/**
 * sot_evaluation_view_new:
 * @store: the workspace (construct-only "store")
 *
 * The evaluation dashboard: a period (from/to month), the key figures (both charge rates,
 * timeliness, victim engagement, suspect focus, forensics, data quality) and four charts
 * drawn with cairo (volumes by quarter, charge rate by quarter for both definitions,
 * timeliness, victim engagement). Every count below the threshold (10 by default, as the
 * export) is suppressed, with secondary suppression in the quarterly tables, and a rate or
 * median is shown only when the counts it rests on are. The metrics are computed in a worker
 * thread on its own connection, again whenever the workspace changes.
 * Returns: (transfer floating): the view.
 */
GtkWidget  *sot_evaluation_view_new           (SotStore          *store);

SotStore   *sot_evaluation_view_get_store     (SotEvaluationView *self);

/* Sets the period ("YYYY-MM" or %NULL each) and recomputes. */
void        sot_evaluation_view_set_period    (SotEvaluationView *self,
                                               const char        *from,
                                               const char        *to);

/* The suppression threshold (at least 3) used for what is shown. */
void        sot_evaluation_view_set_threshold (SotEvaluationView *self,
                                               guint              threshold);

/* Returns: (transfer none) (nullable): the metrics shown, once computed (for tests). */
const SotMetrics *sot_evaluation_view_get_metrics (SotEvaluationView *self);

G_END_DECLS
