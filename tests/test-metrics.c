/* test-metrics.c: every evaluation metric on a hand-built workspace, figures worked out here
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sot-metrics.h"
#include "sot-store.h"
#include "sot-test-workspace.h"

typedef SotTestWorkspace Fixture;

/*
 * The hand-built workspace (store clock 2025-01-01 12:00 UTC). Period 2024-01 … 2024-12.
 *
 *  inv  reported    offence (UTC)          UK offence day  outcome        suspects
 *  1    2024-01-10  2024-01-08T22:00Z      2024-01-08      1  2024-04-19  A (P1), B (P2)
 *  2    2024-02-05  2024-02-05T10:00Z      2024-02-05      16 2024-03-06  C (P1)
 *  3    2024-04-20  2024-03-31T23:30Z      2024-04-01 BST  14 2024-05-20  none
 *  4    2024-07-01  2024-06-21T12:00Z      2024-06-21      —              D (P3)
 *  5    2023-12-15  2023-12-14T12:00Z      (outside the period)           E (P2)
 */
static const char fixture_sql[] =
  "INSERT INTO investigation (id, uuid, crime_reference, offence_type, offence_from, reported_on, "
  "  officer, status, outcome_code, outcome_date, created_at, updated_at) VALUES "
  "(1, 'inv-1', 'REF/1', 'rape', '2024-01-08T22:00:00Z', '2024-01-10', 'DC X', 'finalised', '1', '2024-04-19', 'c', 'u'),"
  "(2, 'inv-2', 'REF/2', 'rape', '2024-02-05T10:00:00Z', '2024-02-05', 'DC X', 'finalised', '16', '2024-03-06', 'c', 'u'),"
  "(3, 'inv-3', 'REF/3', 'rape', '2024-03-31T23:30:00Z', '2024-04-20', 'DC X', 'finalised', '14', '2024-05-20', 'c', 'u'),"
  "(4, 'inv-4', 'REF/4', 'sexual-assault', '2024-06-21T12:00:00Z', '2024-07-01', 'DC X', 'open', NULL, NULL, 'c', 'u'),"
  "(5, 'inv-5', 'REF/5', 'rape', '2023-12-14T12:00:00Z', '2023-12-15', 'DC X', 'open', NULL, NULL, 'c', 'u');"
  /* Victims: inv 2 lacks age and ethnicity, inv 3 lacks sex. */
  "INSERT INTO victim (id, uuid, investigation_id, sex, age_at_offence, ethnicity) VALUES "
  "(1, 'v-1', 1, 'female', 25, 'white'), (2, 'v-2', 2, 'female', NULL, 'unknown'),"
  "(3, 'v-3', 3, NULL, 30, 'asian'), (4, 'v-4', 4, 'female', 19, 'black'),"
  "(5, 'v-5', 5, 'female', 22, 'white');"
  "INSERT INTO suspect_person (id, uuid) VALUES (1, 'p-1'), (2, 'p-2'), (3, 'p-3');"
  /* B has nothing recorded; P1 is A and C, P2 is B and E: repeat suspects. */
  "INSERT INTO suspect (id, uuid, investigation_id, suspect_person_id, sex, age_at_offence, "
  "  ethnicity, relationship) VALUES "
  "(1, 's-a', 1, 1, 'male', 30, 'white', 'intimate'),"
  "(2, 's-b', 1, 2, NULL, NULL, NULL, 'unknown'),"
  "(3, 's-c', 2, 1, 'female', 40, 'white', 'family'),"
  "(4, 's-d', 4, 3, 'male', 20, 'white', 'stranger'),"
  "(5, 's-e', 5, 2, 'male', 50, 'white', 'stranger');"
  /* CPS: A admin-finalised then charged (latest: charge); B NFA evidential; C out-of-court;
   * D other; E NFA public interest in December 2023 (outside). */
  "INSERT INTO cps_decision (uuid, investigation_id, suspect_id, decision, decided_on) VALUES "
  "('d-1', 1, 1, 'administratively-finalised', '2024-03-01'),"
  "('d-2', 1, 1, 'charge', '2024-04-10'),"
  "('d-3', 1, 2, 'nfa-evidential', '2024-04-15'),"
  "('d-4', 2, 3, 'out-of-court-disposal', '2024-05-02'),"
  "('d-5', 4, 4, 'other', '2024-08-01'),"
  "('d-6', 5, 5, 'nfa-public-interest', '2023-12-20');"
  "INSERT INTO cps_charge (uuid, investigation_id, suspect_id, charged_on) VALUES "
  "('c-1', 1, 1, '2024-04-12');"
  "INSERT INTO cps_early_advice (uuid, investigation_id, requested_on, given_on) VALUES "
  "('a-1', 1, '2024-01-20', '2024-02-05'), ('a-2', 2, '2024-02-10', '2024-03-10'),"
  "('a-3', 4, '2024-07-05', NULL);"
  "INSERT INTO cps_charging_file (uuid, investigation_id, submitted_on) VALUES "
  "('f-1', 1, '2024-03-01');"
  /* Right 6: inv 1 one on time, one late; inv 2 one missed (due long ago); inv 4 one not
   * yet due; a cadence deadline, which is not Right 6. */
  "INSERT INTO deadline (uuid, investigation_id, kind, due_at, met_at) VALUES "
  "('r-1', 1, 'right6:arrest', '2024-01-15T23:59:59Z', '2024-01-14T10:00:00Z'),"
  "('r-2', 1, 'right6:interview', '2024-01-20T23:59:59Z', '2024-01-22T10:00:00Z'),"
  "('r-3', 2, 'right6:arrest', '2024-02-10T23:59:59Z', NULL),"
  "('r-4', 4, 'right6:arrest', '2025-06-01T22:59:59Z', NULL),"
  "('r-5', 1, 'cadence', '2024-01-01T23:59:59Z', NULL);"
  "INSERT INTO victim_contact (uuid, investigation_id, victim_id, contact_at, channel, who, "
  "  recorded_at) VALUES "
  "('vc-1', 1, 1, '2024-01-14T10:00:00Z', 'phone', 'DC X', 'r'),"
  "('vc-2', 1, 1, '2024-01-22T10:00:00Z', 'phone', 'DC X', 'r'),"
  "('vc-3', 2, 2, '2024-02-06T10:00:00Z', 'email', 'DC X', 'r'),"
  "('vc-4', 5, 5, '2023-12-16T10:00:00Z', 'email', 'DC X', 'r');"
  /* Lines of enquiry: inv 1 active 2 on the suspect, 1 on the victim, 1 context (and a
   * reviewed one, not active); inv 2 one on the victim; inv 4 context only. */
  "INSERT INTO line_of_enquiry (uuid, investigation_id, category, focus, title, status, "
  "  created_at, updated_at) VALUES "
  "('l-1', 1, 'behaviour-before', 'suspect', 't', 'planned', 'c', 'u'),"
  "('l-2', 1, 'intelligence-pnc', 'suspect', 't', 'requested', 'c', 'u'),"
  "('l-3', 1, 'witnesses', 'victim', 't', 'proposed', 'c', 'u'),"
  "('l-4', 1, 'forensic', 'context', 't', 'planned', 'c', 'u'),"
  "('l-5', 1, 'behaviour-after', 'suspect', 't', 'reviewed', 'c', 'u'),"
  "('l-6', 2, 'third-party', 'victim', 't', 'planned', 'c', 'u'),"
  "('l-7', 4, 'other', 'context', 't', 'planned', 'c', 'u');"
  /* Samples: oral (48 h) from the offence at 2024-01-08T22:00Z: the first taken after 22 h
   * (within), the second after 50 h (outside); a type with no figure; an exhibit that is no
   * sample. */
  "INSERT INTO exhibit (uuid, investigation_id, officer_initials, sequence, reference, alias, "
  "  description, sample_type, sampled_from, seized_by, seized_at, created_at) VALUES "
  "('e-1', 1, 'AB', 1, 'AB/1', 'AB_1', 'd', 'oral', 'complainant', 'DC X', '2024-01-09T20:00:00Z', 'c'),"
  "('e-2', 1, 'AB', 2, 'AB/2', 'AB_2', 'd', 'oral', 'complainant', 'DC X', '2024-01-11T00:00:00Z', 'c'),"
  "('e-3', 2, 'AB', 3, 'AB/3', 'AB_3', 'd', 'no-such-type', 'complainant', 'DC X', '2024-02-05T12:00:00Z', 'c'),"
  "('e-4', 2, 'AB', 4, 'AB/4', 'AB_4', 'd', NULL, NULL, 'DC X', '2024-02-05T12:00:00Z', 'c');"
  /* Victims' devices: 23 h (within); 48 h (not); still held after 16 h (pending, left out);
   * still held since April (not); a suspect's device (left out). */
  "INSERT INTO device (uuid, investigation_id, owner_role, description, legal_basis, taken_at, "
  "  returned_at, created_at) VALUES "
  "('dv-1', 1, 'victim', 'd', 'pcsc-s37-agreement', '2024-01-09T10:00:00Z', '2024-01-10T09:00:00Z', 'c'),"
  "('dv-2', 2, 'victim', 'd', 'pcsc-s37-agreement', '2024-02-05T10:00:00Z', '2024-02-07T10:00:00Z', 'c'),"
  "('dv-3', 4, 'victim', 'd', 'pcsc-s37-agreement', '2024-12-31T20:00:00Z', NULL, 'c'),"
  "('dv-4', 3, 'victim', 'd', 'pcsc-s37-agreement', '2024-04-20T10:00:00Z', NULL, 'c'),"
  "('dv-5', 1, 'suspect', 'd', 'seizure-power', '2024-01-09T10:00:00Z', NULL, 'c');";

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sot_test_workspace_setup (fixture, "metrics", SOT_TEST_WORKSPACE_NONE);
  sot_test_set_clock (fixture->store, 2025, 1, 1, 12, 0);

  /* Facts written straight into the tables, so the test controls every date. */
  g_assert_true (sot_store_exec (fixture->store, fixture_sql, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sot_test_workspace_teardown (fixture);
}

static SotMetrics *
compute_2024 (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SotMetricsOptions options = { .from = "2024-01", .to = "2024-12" };
  SotMetrics *metrics = sot_metrics_compute (fixture->store, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (metrics);
  return metrics;
}

#define assert_ratio(r, num, den) G_STMT_START { \
    g_assert_cmpint ((r).numerator, ==, (num)); \
    g_assert_cmpint ((r).denominator, ==, (den)); \
  } G_STMT_END

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static const SotMetricsPeriod *
find_period (GArray     *periods,
             const char *name)
{
  for (guint i = 0; i < periods->len; i++)
    if (g_str_equal (g_array_index (periods, SotMetricsPeriod, i).period, name))
      return &g_array_index (periods, SotMetricsPeriod, i);

  return NULL;
}

static void
test_volumes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SotMetrics) m = compute_2024 (fixture);
  const SotMetricsPeriod *q;

  /* Reports dated 2024: inv 1–4 (inv 5 is December 2023). Early advice requests 3; one
   * charging file; decisions dated 2024: d-1 … d-5 = 5 (d-6 is 2023); one charge. */
  g_assert_cmpint (m->total.reports, ==, 4);
  g_assert_cmpint (m->total.early_advice_requests, ==, 3);
  g_assert_cmpint (m->total.charging_files, ==, 1);
  g_assert_cmpint (m->total.decisions, ==, 5);
  g_assert_cmpint (m->total.charges, ==, 1);

  /* Months: January (report 1, advice 1), February (report 2, advice 2), March (file 1,
   * decision d-1), April (report 3, decisions d-2 d-3, charge), May (d-4), July (report 4,
   * advice 3), August (d-5); the series runs over the whole period, January to December,
   * months without events included (June: all zero). Quarters Q1 … Q4. */
  g_assert_cmpuint (m->months->len, ==, 12);
  g_assert_cmpstr (g_array_index (m->months, SotMetricsPeriod, 0).period, ==, "2024-01");
  g_assert_cmpstr (g_array_index (m->months, SotMetricsPeriod, 11).period, ==, "2024-12");
  g_assert_cmpint (find_period (m->months, "2024-06")->reports, ==, 0);
  g_assert_cmpint (find_period (m->months, "2024-06")->decisions, ==, 0);
  g_assert_cmpuint (m->quarters->len, ==, 4);
  g_assert_false (sot_ratio_available (&find_period (m->quarters, "2024-Q4")->charge_rate_cps));

  q = find_period (m->quarters, "2024-Q1");
  g_assert_nonnull (q);
  g_assert_cmpint (q->reports, ==, 2);
  g_assert_cmpint (q->early_advice_requests, ==, 2);
  g_assert_cmpint (q->charging_files, ==, 1);
  g_assert_cmpint (q->decisions, ==, 1);
  q = find_period (m->quarters, "2024-Q2");
  g_assert_cmpint (q->reports, ==, 1);
  g_assert_cmpint (q->decisions, ==, 3);
  g_assert_cmpint (q->charges, ==, 1);
}

static void
test_charge_rates (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SotMetrics) m = compute_2024 (fixture);
  const SotMetricsPeriod *q1, *q2, *q3;
  g_autofree char *cps = NULL;
  g_autofree char *nfa = NULL;

  /* Latest decision per suspect, dated in 2024: A charge (April; the admin-finalised of
   * March is superseded), B NFA evidential (April), C out-of-court (May), D other (August).
   * E's NFA is dated 2023: outside.
   *   CPS:          charged 1 ÷ legal (charge 1 + NFA 1 + OOCD 1) = 1/3 = 33.3%
   *   alternative:  charged 1 ÷ (charged 1 + NFA 1) = 1/2 = 50.0% */
  assert_ratio (m->charge_rate_cps, 1, 3);
  assert_ratio (m->charge_rate_nfa, 1, 2);
  cps = sot_ratio_format_percent (&m->charge_rate_cps);
  nfa = sot_ratio_format_percent (&m->charge_rate_nfa);
  g_assert_cmpstr (cps, ==, "33.3%");
  g_assert_cmpstr (nfa, ==, "50.0%");
  g_assert_cmpint (m->total.latest[SOT_CPS_ADMINISTRATIVELY_FINALISED], ==, 0);
  g_assert_cmpint (m->total.latest[SOT_CPS_OTHER], ==, 1);

  /* By quarter: Q1 has no decision in force (the March one was superseded): not available;
   * Q2: 1/3 and 1/2; Q3: only "other", outside both denominators: not available. */
  q1 = find_period (m->quarters, "2024-Q1");
  q2 = find_period (m->quarters, "2024-Q2");
  q3 = find_period (m->quarters, "2024-Q3");
  g_assert_false (sot_ratio_available (&q1->charge_rate_cps));
  assert_ratio (q2->charge_rate_cps, 1, 3);
  assert_ratio (q2->charge_rate_nfa, 1, 2);
  g_assert_false (sot_ratio_available (&q3->charge_rate_cps));
  g_assert_false (sot_ratio_available (&q3->charge_rate_nfa));

  {
    g_autofree char *text = sot_ratio_format_percent (&q1->charge_rate_cps);

    g_assert_cmpstr (text, ==, "not available");
    g_assert_cmpfloat (sot_ratio_value (&q1->charge_rate_cps), ==, -1.0);
  }
}

static void
test_timeliness (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SotMetrics) m = compute_2024 (fixture);
  const SotDistribution *d;

  /* Offence → report: inv 1 2 days (8 → 10 Jan), inv 2 0, inv 3 19 (the offence at 23:30
   * UTC on 31 March was 00:30 BST on 1 April; 1 → 20 April), inv 4 10. Sorted 0 2 10 19:
   * median (2 + 10) / 2 = 6; q1 at 0.75 between 0 and 2 = 1.5; q3 at 2.25 = 10 + 0.25 × 9. */
  d = &m->intervals[SOT_INTERVAL_OFFENCE_TO_REPORT];
  g_assert_cmpuint (d->n, ==, 4);
  assert_close (d->median, 6);
  assert_close (d->q1, 1.5);
  assert_close (d->q3, 12.25);

  /* Report → first referral: inv 1 10 (advice 20 Jan, file 1 Mar), inv 2 5, inv 4 4.
   * Sorted 4 5 10: median 5, q1 4.5, q3 7.5. */
  d = &m->intervals[SOT_INTERVAL_REPORT_TO_REFERRAL];
  g_assert_cmpuint (d->n, ==, 3);
  assert_close (d->median, 5);
  assert_close (d->q1, 4.5);
  assert_close (d->q3, 7.5);

  /* Early advice turnaround: 20 Jan → 5 Feb 16 days; 10 Feb → 10 Mar 2024 (leap) 29 days;
   * the third is not answered. Median 22.5, q1 16 + 0.25 × 13, q3 16 + 0.75 × 13. */
  d = &m->intervals[SOT_INTERVAL_EARLY_ADVICE];
  g_assert_cmpuint (d->n, ==, 2);
  assert_close (d->median, 22.5);
  assert_close (d->q1, 19.25);
  assert_close (d->q3, 25.75);

  /* Report → charge: 10 Jan → 12 Apr 2024 = 21 + 29 + 31 + 12 = 93. */
  d = &m->intervals[SOT_INTERVAL_REPORT_TO_CHARGE];
  g_assert_cmpuint (d->n, ==, 1);
  assert_close (d->median, 93);

  /* Report → outcome: 10 Jan → 19 Apr 100; 5 Feb → 6 Mar 30; 20 Apr → 20 May 30.
   * Sorted 30 30 100: median 30, q1 30, q3 30 + 0.5 × 70 = 65. */
  d = &m->intervals[SOT_INTERVAL_REPORT_TO_OUTCOME];
  g_assert_cmpuint (d->n, ==, 3);
  assert_close (d->median, 30);
  assert_close (d->q1, 30);
  assert_close (d->q3, 65);
}

static void
test_engagement (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SotMetrics) m = compute_2024 (fixture);

  /* Outcomes in the cohort: 1, 16, 14 (inv 4 has none): 14 or 16 = 2/3; 14 = 1/3; 16 = 1/3. */
  assert_ratio (m->outcome_14_16, 2, 3);
  assert_ratio (m->outcome_14, 1, 3);
  assert_ratio (m->outcome_16, 1, 3);

  /* Right 6: r-1 met on time, r-2 met late, r-3 due and missed; r-4 not yet due (2025-06)
   * and the cadence deadline are left out: 1/3. */
  assert_ratio (m->right6_met, 1, 3);

  /* Contacts: 2 (inv 1) + 1 (inv 2); inv 5's is outside: 3 contacts over 4 investigations. */
  assert_ratio (m->contacts_per_case, 3, 4);
  assert_close (sot_ratio_value (&m->contacts_per_case), 0.75);
}

static void
test_suspect_focus (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SotMetrics) m = compute_2024 (fixture);

  /* Suspects of the cohort: A (P1, also C), B (P2, also E in inv 5), C (P1), D (P3 alone):
   * 3 of 4 are repeat suspects. */
  assert_ratio (m->repeat_suspects, 3, 4);

  /* Active lines: inv 1 suspect 2, victim 1 → 66.7% (band 50–75); inv 2 victim 1 → 0%
   * (band 0–25); inv 4 context only and inv 3 no lines → none (2). Shares 0 and 66.7:
   * median 33.3. */
  g_assert_cmpuint (m->focus_share.n, ==, 2);
  assert_close (m->focus_share.median, 100.0 / 3.0);
  g_assert_cmpint (m->focus_bands[SOT_FOCUS_BAND_NONE], ==, 2);
  g_assert_cmpint (m->focus_bands[SOT_FOCUS_BAND_0_25], ==, 1);
  g_assert_cmpint (m->focus_bands[SOT_FOCUS_BAND_25_50], ==, 0);
  g_assert_cmpint (m->focus_bands[SOT_FOCUS_BAND_50_75], ==, 1);
  g_assert_cmpint (m->focus_bands[SOT_FOCUS_BAND_75_100], ==, 0);
}

static void
test_forensics (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SotMetrics) m = compute_2024 (fixture);

  /* Oral, 48 h from 2024-01-08T22:00Z: until 2024-01-10T22:00Z. e-1 (9 Jan 20:00) within,
   * e-2 (11 Jan 00:00) outside; e-3 has no figure; e-4 is no sample: 1/2, one without. */
  assert_ratio (m->samples_within_window, 1, 2);
  g_assert_cmpint (m->samples_no_figure, ==, 1);

  /* Victims' devices: dv-1 23 h yes; dv-2 48 h no; dv-4 held since April no; dv-3 held
   * 16 h (pending) and dv-5 (a suspect's) left out: 1/3. */
  assert_ratio (m->victim_devices_24h, 1, 3);
}

static void
test_quality (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SotMetrics) m = compute_2024 (fixture);

  /* Records: 1×A 0 missing; 1×B 4 (suspect sex, age, ethnicity, relationship "unknown");
   * 2×C 2 (victim age, ethnicity "unknown"); 3×none 5 (victim sex, and the four suspect
   * variables); 4×D 1 (no outcome yet). 12 missing over 5 records = 2.4. */
  g_assert_cmpint (m->n_investigations, ==, 4);
  g_assert_cmpint (m->n_suspects, ==, 4);
  g_assert_cmpint (m->n_records, ==, 5);
  assert_ratio (m->missing_per_record, 12, 5);

  g_assert_cmpint (m->missing_by_variable[SOT_MISSING_VICTIM_SEX], ==, 1);
  g_assert_cmpint (m->missing_by_variable[SOT_MISSING_VICTIM_AGE], ==, 1);
  g_assert_cmpint (m->missing_by_variable[SOT_MISSING_VICTIM_ETHNICITY], ==, 1);
  g_assert_cmpint (m->missing_by_variable[SOT_MISSING_SUSPECT_SEX], ==, 2);
  g_assert_cmpint (m->missing_by_variable[SOT_MISSING_SUSPECT_AGE], ==, 2);
  g_assert_cmpint (m->missing_by_variable[SOT_MISSING_SUSPECT_ETHNICITY], ==, 2);
  g_assert_cmpint (m->missing_by_variable[SOT_MISSING_RELATIONSHIP], ==, 2);
  g_assert_cmpint (m->missing_by_variable[SOT_MISSING_REPORT_DELAY], ==, 0);
  g_assert_cmpint (m->missing_by_variable[SOT_MISSING_OUTCOME_DELAY], ==, 1);

  g_assert_cmpint (m->missing_histogram[0], ==, 1);
  g_assert_cmpint (m->missing_histogram[1], ==, 1);
  g_assert_cmpint (m->missing_histogram[2], ==, 1);
  g_assert_cmpint (m->missing_histogram[3], ==, 0);
  g_assert_cmpint (m->missing_histogram[4], ==, 1);
  g_assert_cmpint (m->missing_histogram[5], ==, 1);
}

/* Without a period, inv 5 joins: its report, its suspect's decision (NFA public interest,
 * which enters both denominators) and its contact. */
static void
test_whole_period (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotMetrics) m = sot_metrics_compute (fixture->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (m->total.reports, ==, 5);
  g_assert_cmpint (m->n_investigations, ==, 5);
  /* CPS 1 / (1 + 1 + 1 + 1) = 25%; alternative 1 / (1 + 2) = 33.3%. */
  assert_ratio (m->charge_rate_cps, 1, 4);
  assert_ratio (m->charge_rate_nfa, 1, 3);
  assert_ratio (m->contacts_per_case, 4, 5);
}

/* Tables of later schema versions are optional: without them the figures are not
 * available, with a note, and nothing fails. */
static void
test_optional_tables (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotMetrics) m = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_true (sot_store_exec (fixture->store,
                                 "PRAGMA foreign_keys = OFF;"
                                 "DROP TABLE cps_decision; DROP TABLE cps_charge;"
                                 "DROP TABLE cps_advice_point; DROP TABLE cps_early_advice;"
                                 "DROP TABLE cps_charging_file; DROP TABLE victim_contact_covers;"
                                 "DROP TABLE victim_contact_note; DROP TABLE victim_contact;"
                                 "DROP TABLE checklist_proposal; DROP TABLE line_of_enquiry;"
                                 "DROP TABLE exhibit_movement; DROP TABLE exhibit; DROP TABLE device;"
                                 "PRAGMA foreign_keys = ON;",
                                 &error));
  g_assert_no_error (error);

  m = compute_2024 (fixture);
  g_assert_false (sot_ratio_available (&m->charge_rate_cps));
  g_assert_false (sot_ratio_available (&m->contacts_per_case));
  g_assert_false (sot_ratio_available (&m->samples_within_window));
  g_assert_cmpuint (m->intervals[SOT_INTERVAL_EARLY_ADVICE].n, ==, 0);
  g_assert_cmpuint (m->focus_share.n, ==, 0);
  g_assert_cmpuint (m->notes->len, >=, 5);
  /* What does not need them is still there. */
  g_assert_cmpint (m->total.reports, ==, 4);
  assert_ratio (m->outcome_14_16, 2, 3);

  sot_metrics_to_text (m, text);
  g_assert_nonnull (strstr (text->str, "charge_rate_cps (charged / legal decisions, per suspect): not available\n"));
  g_assert_null (strstr (text->str, "nan"));
  g_assert_null (strstr (text->str, "NaN"));
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SotMetrics) m = compute_2024 (fixture);
  g_autoptr(GString) text = g_string_new (NULL);

  sot_metrics_to_text (m, text);
  g_assert_nonnull (strstr (text->str, "charge_rate_cps (charged / legal decisions, per suspect): 33.3% (1/3)\n"));
  g_assert_nonnull (strstr (text->str, "charge_rate_charged_over_charged_plus_nfa (per suspect): 50.0% (1/2)\n"));
  g_assert_nonnull (strstr (text->str, "days.offence_to_report: median 6; q1 1.5; q3 12.25; n 4\n"));
  g_assert_nonnull (strstr (text->str, "quarter.2024-Q1: "));
  g_assert_nonnull (strstr (text->str, "charge_rate_cps not available"));
  g_assert_null (strstr (text->str, "nan"));
}

static void
test_helpers (void)
{
  g_autoptr(GError) error = NULL;
  gint64 day, other;
  char quarter[8];
  char from[11], until[11];

  g_assert_true (sot_metrics_check_period ("2024-01", "2024-12", NULL));
  g_assert_true (sot_metrics_check_period (NULL, "2024-12", NULL));
  g_assert_false (sot_metrics_check_period ("2024-13", NULL, &error));
  g_assert_error (error, SOT_METRICS_ERROR, SOT_METRICS_ERROR_PERIOD);
  g_clear_error (&error);
  g_assert_false (sot_metrics_check_period ("2024-1", NULL, NULL));
  g_assert_false (sot_metrics_check_period ("2024-05", "2024-04", &error));
  g_assert_error (error, SOT_METRICS_ERROR, SOT_METRICS_ERROR_PERIOD);

  sot_metrics_period_bounds ("2024-03", "2024-12", from, until);
  g_assert_cmpstr (from, ==, "2024-03-01");
  g_assert_cmpstr (until, ==, "2025-01-01");

  /* UK days: 23:30 UTC is the same day in winter, the next day in summer time; the clocks
   * change at 01:00 UTC on the last Sundays of March and October. */
  g_assert_true (sot_metrics_day_number ("2024-01-08T23:30:00Z", &day));
  g_assert_true (sot_metrics_day_number ("2024-01-08", &other));
  g_assert_cmpint (day, ==, other);
  g_assert_true (sot_metrics_day_number ("2024-07-08T23:30:00.123456Z", &day));
  g_assert_true (sot_metrics_day_number ("2024-07-09", &other));
  g_assert_cmpint (day, ==, other);
  g_assert_true (sot_metrics_day_number ("2024-10-27T00:30:00Z", &day));  /* 01:30 BST */
  g_assert_true (sot_metrics_day_number ("2024-10-27", &other));
  g_assert_cmpint (day, ==, other);
  g_assert_true (sot_metrics_day_number ("2024-10-26T23:30:00Z", &day));  /* 00:30 BST on the 27th */
  g_assert_cmpint (day, ==, other);
  g_assert_false (sot_metrics_day_number ("not a date", &day));
  g_assert_false (sot_metrics_day_number (NULL, &day));

  sot_metrics_quarter_of ("2024-03", quarter);
  g_assert_cmpstr (quarter, ==, "2024-Q1");
  sot_metrics_quarter_of ("2024-10", quarter);
  g_assert_cmpstr (quarter, ==, "2024-Q4");

  g_assert_cmpstr (sot_age_band (17, FALSE), ==, "<18");
  g_assert_cmpstr (sot_age_band (18, FALSE), ==, "18-25");
  g_assert_cmpstr (sot_age_band (25, FALSE), ==, "18-25");
  g_assert_cmpstr (sot_age_band (26, FALSE), ==, "26-40");
  g_assert_cmpstr (sot_age_band (41, FALSE), ==, "41+");
  g_assert_cmpstr (sot_age_band (-1, FALSE), ==, "unknown");
  g_assert_cmpstr (sot_age_band (30, TRUE), ==, "18-40");

  g_assert_cmpstr (sot_interval_band (0, TRUE), ==, "same-day");
  g_assert_cmpstr (sot_interval_band (2, TRUE), ==, "1-2");
  g_assert_cmpstr (sot_interval_band (3, TRUE), ==, "3-10");
  g_assert_cmpstr (sot_interval_band (100, TRUE), ==, "11-100");
  g_assert_cmpstr (sot_interval_band (101, TRUE), ==, ">100");
  g_assert_cmpstr (sot_interval_band (5, FALSE), ==, "unknown");

  {
    SotDistribution d;
    double none[1];

    sot_distribution_compute (none, 0, &d);
    g_assert_cmpuint (d.n, ==, 0);
    {
      g_autofree char *text = sot_distribution_format (&d);

      g_assert_cmpstr (text, ==, "not available");
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;

  g_test_init (&argc, &argv, NULL);

  /* A force's own forensic catalogue must not change the figures. */
  config = g_dir_make_tmp ("sot-test-metrics-config-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_add_func ("/metrics/helpers", test_helpers);
  g_test_add ("/metrics/volumes", Fixture, NULL, fixture_setup, test_volumes, fixture_teardown);
  g_test_add ("/metrics/charge-rates", Fixture, NULL, fixture_setup, test_charge_rates, fixture_teardown);
  g_test_add ("/metrics/timeliness", Fixture, NULL, fixture_setup, test_timeliness, fixture_teardown);
  g_test_add ("/metrics/engagement", Fixture, NULL, fixture_setup, test_engagement, fixture_teardown);
  g_test_add ("/metrics/suspect-focus", Fixture, NULL, fixture_setup, test_suspect_focus, fixture_teardown);
  g_test_add ("/metrics/forensics", Fixture, NULL, fixture_setup, test_forensics, fixture_teardown);
  g_test_add ("/metrics/quality", Fixture, NULL, fixture_setup, test_quality, fixture_teardown);
  g_test_add ("/metrics/whole-period", Fixture, NULL, fixture_setup, test_whole_period, fixture_teardown);
  g_test_add ("/metrics/optional-tables", Fixture, NULL, fixture_setup, test_optional_tables, fixture_teardown);
  g_test_add ("/metrics/text", Fixture, NULL, fixture_setup, test_text, fixture_teardown);

  {
    int status = g_test_run ();

    g_rmdir (config);
    return status;
  }
}
