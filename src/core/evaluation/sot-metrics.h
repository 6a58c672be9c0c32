/* sot-metrics.h: evaluation metrics of a workspace (volumes, charge rates, timeliness, …)
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Definitions, in one place (DOMAIN.md §1.7, §4):
 *
 * - The period (from/to, "YYYY-MM", both inclusive, either open) selects *events by their own
 *   date* for volumes and charge rates (a report by its report day, a CPS decision by its
 *   decision day, …) and *the cohort of investigations reported in the period* for everything
 *   measured per case (timeliness, victim engagement, suspect focus, forensics, data quality).
 * - Quarters are calendar quarters: "2024-Q1" is January to March 2024. The months (and
 *   quarters) run without a gap from the period's first month to its last (for an open end,
 *   the first or last month with an event), months without events included.
 * - Volumes: reports (investigations by report day), referrals to the CPS for early advice
 *   (requests) and with a charging file (submissions), CPS decisions (every decision recorded),
 *   charges (every suspect charged).
 * - Charge rates count suspects, by each suspect's latest decision (a later decision
 *   supersedes an earlier one), in the period of that decision:
 *     CPS definition: charged ÷ legal decisions (charge, NFA evidential, NFA public interest,
 *                     out-of-court disposal); administratively finalised and other excluded.
 *     Alternative:    charged ÷ (charged + NFA evidential + NFA public interest).
 * - Timeliness, in whole days between UK calendar days, median and quartiles (linear
 *   interpolation between order statistics, R's default "type 7"):
 *     offence → report (offence day: the UK day of the start of the offence period),
 *     report → first referral to the CPS (early advice request or charging file),
 *     early advice turnaround (request → advice given, each request answered),
 *     report → charge (each charge), report → outcome (the Home Office outcome date).
 *   Negative intervals (a data-entry error) are left out.
 * - Victim engagement: outcomes 14 and 16 among the cohort's investigations with an outcome;
 *   Right 6 deadlines met on time among those met or already due (store clock); victim
 *   contacts per investigation (mean).
 * - Suspect focus: suspects of the cohort whose person is a suspect in another investigation
 *   too; the suspect-focus indicator (active lines of enquiry on the suspect ÷ those on the
 *   suspect or the victim, as sot_suspect_focus_compute()) per investigation with such lines.
 * - Forensics: samples (exhibits with a sample type) taken no later than the last possible
 *   end of their window (offence period end + the catalogue's hours for the subject); samples
 *   whose type has no figure are left out. Victims' devices returned within 24 hours, among
 *   those returned and those still held for more than 24 hours.
 * - Data quality ("the meaning of missing"): per record (investigation × suspect, one record
 *   for an investigation without a suspect), the number missing of nine key variables: victim
 *   sex, age, ethnicity; suspect sex, age, ethnicity; relationship; report delay; outcome
 *   delay. "unknown" counts as missing; so does every suspect variable when no suspect is
 *   recorded, and the outcome delay of an investigation without an outcome date.
 *
 * A ratio with a zero denominator is "not available", never a number.
 * Tables added by schema versions 2 to 4 are optional: when one is missing the figures that
 * need it are not available and a note says why.
 */

#pragma once

#include "sot-cps.h"
#include "sot-forensic-catalogue.h"
#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_METRICS_ERROR (sot_metrics_error_quark ())

typedef enum {
  SOT_METRICS_ERROR_PERIOD,   /* a malformed month, or from after to */
} SotMetricsError;

GQuark       sot_metrics_error_quark   (void);

/* --- Small building blocks, shared with the export and the dashboard --- */

/* A count over a count. */
typedef struct {
  gint64 numerator;
  gint64 denominator;
} SotRatio;

/* Whether @ratio has a non-zero denominator. */
gboolean     sot_ratio_available       (const SotRatio *ratio);
/* Returns: numerator ÷ denominator, or -1 when not available. */
double       sot_ratio_value           (const SotRatio *ratio);
/**
 * sot_ratio_format_percent:
 * Returns: (transfer full): "72.8%" (one decimal), or "not available".
 */
char        *sot_ratio_format_percent  (const SotRatio *ratio);

/* Median and quartiles of a list of values. */
typedef struct {
  guint  n;
  double min;
  double q1;
  double median;
  double q3;
  double max;
} SotDistribution;

/**
 * sot_distribution_compute:
 * @values: (array length=n_values): the values; sorted in place
 * Fills @out; with no value, @out->n is 0 and the figures are not available.
 */
void         sot_distribution_compute  (double          *values,
                                        guint            n_values,
                                        SotDistribution *out);
/* Returns: (transfer full): "median 12, quartiles 5–30 (n = 45)" or "not available". */
char        *sot_distribution_format   (const SotDistribution *distribution);

/**
 * sot_metrics_parse_month:
 * Parses "YYYY-MM" (years 1900–9999).
 */
gboolean     sot_metrics_parse_month   (const char  *text,
                                        int         *year,
                                        int         *month,
                                        GError     **error);

/**
 * sot_metrics_check_period:
 * Checks @from and @to (each "YYYY-MM" or %NULL) and that @from is not after @to.
 */
gboolean     sot_metrics_check_period  (const char  *from,
                                        const char  *to,
                                        GError     **error);

/**
 * sot_metrics_period_bounds:
 * @from_day: (out): the first day of @from ("0000-01-01" when %NULL), 11 bytes
 * @until_day: (out): the day after the last day of @to ("9999-12-32" when %NULL), 11 bytes
 * Stored dates ("YYYY-MM-DD", or times "YYYY-MM-DDT…") in the period compare
 * from_day <= date < until_day as text.
 */
void         sot_metrics_period_bounds (const char  *from,
                                        const char  *to,
                                        char        *from_day,
                                        char        *until_day);

/**
 * sot_metrics_day_number:
 * The day number (days since 1970-01-01) of a stored calendar date "YYYY-MM-DD", or of the
 * UK calendar day of a stored UTC time "YYYY-MM-DDTHH:MM…Z".
 * Returns: %FALSE when @text is %NULL or cannot be read.
 */
gboolean     sot_metrics_day_number    (const char  *text,
                                        gint64      *day);

/**
 * sot_metrics_time_seconds:
 * The seconds since 1970-01-01 UTC of a stored time "YYYY-MM-DDTHH:MM[:SS[.ffffff]]Z" (or with
 * another zone, parsed the slow way).
 */
gboolean     sot_metrics_time_seconds  (const char  *text,
                                        gint64      *seconds);

/* Returns: the calendar quarter of @month_text "YYYY-MM" into @out "YYYY-Qn" (8 bytes). */
void         sot_metrics_quarter_of    (const char  *month_text,
                                        char        *out);

/* Age bands of the academics' data: "<18", "18-25", "26-40", "41+", "unknown" (@age < 0);
 * with @wide, the coarser "<18", "18-40", "41+", "unknown". */
const char  *sot_age_band              (int          age,
                                        gboolean     wide);
/* Interval bands: "same-day", "1-2", "3-10", "11-100", ">100", "unknown" (@known FALSE or
 * @days < 0). */
const char  *sot_interval_band         (gint64       days,
                                        gboolean     known);
/* Whether a stored categorical value is missing: %NULL, empty or "unknown". */
gboolean     sot_value_missing         (const char  *value);

/* Whether the workspace has the table (or the table's column): schema versions 2–4 are optional. */
gboolean     sot_metrics_has_table     (SotStore    *store,
                                        const char  *table);
gboolean     sot_metrics_has_column    (SotStore    *store,
                                        const char  *table,
                                        const char  *column);

/* --- The metrics --- */

typedef enum {
  SOT_INTERVAL_OFFENCE_TO_REPORT,
  SOT_INTERVAL_REPORT_TO_REFERRAL,
  SOT_INTERVAL_EARLY_ADVICE,
  SOT_INTERVAL_REPORT_TO_CHARGE,
  SOT_INTERVAL_REPORT_TO_OUTCOME,
  SOT_N_INTERVALS
} SotInterval;

/* Returns: a stable id of @interval ("offence_to_report", …). */
const char  *sot_interval_to_string    (SotInterval  interval);

typedef enum {
  SOT_MISSING_VICTIM_SEX,
  SOT_MISSING_VICTIM_AGE,
  SOT_MISSING_VICTIM_ETHNICITY,
  SOT_MISSING_SUSPECT_SEX,
  SOT_MISSING_SUSPECT_AGE,
  SOT_MISSING_SUSPECT_ETHNICITY,
  SOT_MISSING_RELATIONSHIP,
  SOT_MISSING_REPORT_DELAY,
  SOT_MISSING_OUTCOME_DELAY,
  SOT_N_MISSING
} SotMissingVariable;

/* Returns: a stable id of @variable ("victim_sex", …). */
const char  *sot_missing_variable_to_string (SotMissingVariable variable);

/* Suspect-focus indicator bands: no active line on suspect or victim, then quarters. */
typedef enum {
  SOT_FOCUS_BAND_NONE,
  SOT_FOCUS_BAND_0_25,     /* share < 25% */
  SOT_FOCUS_BAND_25_50,
  SOT_FOCUS_BAND_50_75,
  SOT_FOCUS_BAND_75_100,   /* share >= 75% */
  SOT_N_FOCUS_BANDS
} SotFocusBand;

const char  *sot_focus_band_to_string  (SotFocusBand band);

/* The volumes and charge rate of one month ("2024-03") or quarter ("2024-Q1"). */
typedef struct {
  char     period[8];
  gint64   reports;
  gint64   early_advice_requests;
  gint64   charging_files;
  gint64   decisions;                         /* every decision recorded */
  gint64   charges;
  gint64   latest[SOT_CPS_N_DECISIONS];        /* suspects by their latest decision */
  SotRatio charge_rate_cps;
  SotRatio charge_rate_nfa;
} SotMetricsPeriod;

typedef struct {
  char            *from;                      /* "YYYY-MM" or %NULL */
  char            *to;

  /* The cohort. */
  gint64           n_investigations;
  gint64           n_suspects;
  gint64           n_records;                 /* investigation × suspect rows */

  /* Volumes and charge rates over time. */
  GArray          *months;                    /* (element-type SotMetricsPeriod), in order */
  GArray          *quarters;
  SotMetricsPeriod total;                     /* the whole period; period is "total" */
  SotRatio         charge_rate_cps;           /* = total.charge_rate_cps */
  SotRatio         charge_rate_nfa;

  SotDistribution  intervals[SOT_N_INTERVALS];

  /* Victim engagement. */
  SotRatio         outcome_14_16;
  SotRatio         outcome_14;
  SotRatio         outcome_16;
  SotRatio         right6_met;
  SotRatio         contacts_per_case;         /* contacts ÷ investigations: a mean */

  /* Suspect focus. */
  SotRatio         repeat_suspects;
  SotDistribution  focus_share;               /* in percent, investigations with a share */
  gint64           focus_bands[SOT_N_FOCUS_BANDS];

  /* Forensics. */
  SotRatio         samples_within_window;
  gint64           samples_no_figure;         /* samples whose type has no window figure */
  SotRatio         victim_devices_24h;

  /* Data quality. */
  gint64           missing_by_variable[SOT_N_MISSING];
  gint64           missing_histogram[SOT_N_MISSING + 1];  /* records with 0…9 missing */
  SotRatio         missing_per_record;        /* missing values ÷ records: a mean */

  /* Why figures are not available ("no line_of_enquiry table: …"). */
  GPtrArray       *notes;
} SotMetrics;

/* What to compute. */
typedef struct {
  const char           *from;        /* "YYYY-MM" or %NULL */
  const char           *to;
  SotForensicCatalogue *catalogue;   /* (nullable): the active one when %NULL */
  gboolean              volumes_only; /* only months, quarters and total (the export's aggregates) */
} SotMetricsOptions;

/**
 * sot_metrics_compute:
 * @options: (nullable): the period and catalogue; everything when %NULL
 *
 * Computes every metric of the header comment, reading only facts of the case (never an
 * identity table or free text). Fails with %SOT_METRICS_ERROR_PERIOD on a bad period.
 * Returns: (transfer full): the metrics, or %NULL with @error set.
 */
SotMetrics  *sot_metrics_compute       (SotStore                *store,
                                        const SotMetricsOptions *options,
                                        GError                 **error);

void         sot_metrics_free          (SotMetrics              *metrics);

/**
 * sot_metrics_to_text:
 * Appends the metrics to @out as "key: value" lines (for `soteria-cli metrics`): keys are
 * stable ids, ratios are "72.8% (666/915)" or "not available", distributions
 * "median 12; q1 5; q3 30; n 45".
 */
void         sot_metrics_to_text       (const SotMetrics        *metrics,
                                        GString                 *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotMetrics, sot_metrics_free)

G_END_DECLS
