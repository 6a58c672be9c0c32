/* test-reference.c: Home Office outcome codes, their Soteria groups, and offence types
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sot-reference.h"

static SotReference *
load_reference (void)
{
  g_autoptr(GError) error = NULL;
  SotReference *reference = sot_reference_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (reference);

  return reference;
}

/* Every code in the Outcomes Framework order, with its Soteria group and whether its wording
 * was confirmed against a source (DOMAIN.md §4.1; groups from §1.7, the harmonised grouping in
 * the Soteria academics' "meaning_missing" code, where 1A, 2A and 3A, the alternate-offence
 * outcomes, count as charged). */
typedef struct {
  const char *code;
  const char *group;
  gboolean    confirmed;
} Outcome;

static const Outcome outcomes[] = {
  { "1",  SOT_OUTCOME_GROUP_CHARGED,                  TRUE },
  { "1A", SOT_OUTCOME_GROUP_CHARGED,                  TRUE },
  { "2",  SOT_OUTCOME_GROUP_OTHER_SANCTION,           TRUE },
  { "2A", SOT_OUTCOME_GROUP_CHARGED,                  TRUE },
  { "3",  SOT_OUTCOME_GROUP_OTHER_SANCTION,           TRUE },
  { "3A", SOT_OUTCOME_GROUP_CHARGED,                  TRUE },
  { "4",  SOT_OUTCOME_GROUP_OTHER_SANCTION,           TRUE },
  { "5",  SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED,    FALSE },
  { "6",  SOT_OUTCOME_GROUP_OTHER_SANCTION,           TRUE },
  { "7",  SOT_OUTCOME_GROUP_OTHER_SANCTION,           FALSE },
  { "8",  SOT_OUTCOME_GROUP_OTHER_SANCTION,           TRUE },
  { "9",  SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED,    TRUE },
  { "10", SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED,    TRUE },
  { "11", SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED,    FALSE },
  { "12", SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED,    TRUE },
  { "13", SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED,    TRUE },
  { "14", SOT_OUTCOME_GROUP_EVIDENTIAL_VICTIM,        TRUE },
  { "15", SOT_OUTCOME_GROUP_EVIDENTIAL_INVESTIGATION, TRUE },
  { "16", SOT_OUTCOME_GROUP_EVIDENTIAL_VICTIM,        TRUE },
  { "17", SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED,    TRUE },
  { "18", SOT_OUTCOME_GROUP_EVIDENTIAL_INVESTIGATION, TRUE },
  { "19", SOT_OUTCOME_GROUP_UNKNOWN,                  FALSE },
  { "20", SOT_OUTCOME_GROUP_TRANSFERRED,              TRUE },
  { "21", SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED,    TRUE },
  { "22", SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED,    TRUE },
};

static const char * const all_groups[] = {
  SOT_OUTCOME_GROUP_CHARGED, SOT_OUTCOME_GROUP_OTHER_SANCTION,
  SOT_OUTCOME_GROUP_PROSECUTION_PREVENTED, SOT_OUTCOME_GROUP_EVIDENTIAL_VICTIM,
  SOT_OUTCOME_GROUP_EVIDENTIAL_INVESTIGATION, SOT_OUTCOME_GROUP_TRANSFERRED,
  SOT_OUTCOME_GROUP_UNKNOWN, NULL,
};

static void
test_outcome_codes (void)
{
  g_autoptr(SotReference) reference = load_reference ();
  const char * const *codes = sot_reference_get_outcome_codes (reference);

  g_assert_cmpuint (g_strv_length ((char **) codes), ==, 25);
  g_assert_cmpuint (G_N_ELEMENTS (outcomes), ==, 25);

  /* In the official order, 1A after 1 and before 2. */
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      const char *label;

      g_assert_cmpstr (codes[i], ==, outcomes[i].code);
      g_assert_true (sot_reference_has_outcome (reference, outcomes[i].code));

      label = sot_reference_get_outcome_label (reference, outcomes[i].code);
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 5);
    }
}

static void
test_outcome_group (gconstpointer data)
{
  const Outcome *outcome = data;
  g_autoptr(SotReference) reference = load_reference ();
  const char *group = sot_reference_get_outcome_group (reference, outcome->code);

  g_assert_cmpstr (group, ==, outcome->group);
  g_assert_true (g_strv_contains (all_groups, group));
  g_assert_cmpint (sot_reference_get_outcome_confirmed (reference, outcome->code), ==,
                   outcome->confirmed);
}

static void
test_outcome_wording (void)
{
  g_autoptr(SotReference) reference = load_reference ();

  /* The codes an investigator meets most in rape cases say what they mean. */
  g_assert_nonnull (strstr (sot_reference_get_outcome_label (reference, "1"), "harge"));
  g_assert_nonnull (strstr (sot_reference_get_outcome_label (reference, "16"),
                            "does not support"));
  g_assert_nonnull (strstr (sot_reference_get_outcome_label (reference, "15"), "supports"));
  g_assert_nonnull (strstr (sot_reference_get_outcome_label (reference, "18"),
                            "no suspect identified"));
  g_assert_nonnull (strstr (sot_reference_get_outcome_label (reference, "20"), "ransferred"));
}

static void
test_outcome_unconfirmed (void)
{
  g_autoptr(SotReference) reference = load_reference ();
  const char * const *codes = sot_reference_get_outcome_codes (reference);
  g_autoptr(GPtrArray) unconfirmed = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; codes[i] != NULL; i++)
    if (!sot_reference_get_outcome_confirmed (reference, codes[i]))
      g_ptr_array_add (unconfirmed, (gpointer) codes[i]);
  g_ptr_array_add (unconfirmed, NULL);

  joined = g_strjoinv (",", (char **) unconfirmed->pdata);
  g_assert_cmpstr (joined, ==, "5,7,11,19");
}

static void
test_outcome_unknown_code (void)
{
  g_autoptr(SotReference) reference = load_reference ();
  const char * const unknown[] = { "0", "23", "99", "1B", "", " 1", "Reference", "C1" };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_assert_false (sot_reference_has_outcome (reference, unknown[i]));
      g_assert_null (sot_reference_get_outcome_label (reference, unknown[i]));
      g_assert_null (sot_reference_get_outcome_group (reference, unknown[i]));
      g_assert_false (sot_reference_get_outcome_confirmed (reference, unknown[i]));
    }

  g_assert_false (sot_reference_has_outcome (reference, NULL));
  g_assert_null (sot_reference_get_outcome_label (reference, NULL));
}

/* "No suspect identified" (the academics' NSI) is outcome 14 or 18, and nothing else. */
static void
test_no_suspect_identified (void)
{
  g_autoptr(SotReference) reference = load_reference ();
  const char * const *codes = sot_reference_get_outcome_codes (reference);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      gboolean expected = g_str_equal (codes[i], "14") || g_str_equal (codes[i], "18");

      g_assert_cmpint (sot_outcome_is_no_suspect_identified (codes[i]), ==, expected);
    }

  g_assert_false (sot_outcome_is_no_suspect_identified (NULL));
  g_assert_false (sot_outcome_is_no_suspect_identified (""));
  g_assert_false (sot_outcome_is_no_suspect_identified ("140"));
  g_assert_false (sot_outcome_is_no_suspect_identified ("18A"));
}

static void
test_group_labels (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; all_groups[i] != NULL; i++)
    {
      const char *label = sot_outcome_group_label (all_groups[i]);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
    }

  /* An id that is not a group falls back to "unknown" rather than to nothing. */
  g_assert_cmpstr (sot_outcome_group_label ("no-such-group"), ==,
                   sot_outcome_group_label (SOT_OUTCOME_GROUP_UNKNOWN));
  g_assert_cmpstr (sot_outcome_group_label (NULL), ==,
                   sot_outcome_group_label (SOT_OUTCOME_GROUP_UNKNOWN));
}

/* Offence types */

typedef struct {
  const char *id;
  gboolean    child;
  const char *label_word;
} Offence;

static const Offence required_offences[] = {
  { "rape", FALSE, "Rape" },
  { "assault-penetration", FALSE, "penetration" },
  { "sexual-assault", FALSE, "Sexual assault" },
  { "rape-child-u13", TRUE, "under 13" },
  { "rape-child-u16", TRUE, "under 16" },
  { "assault-penetration-child-u13", TRUE, "penetration" },
  { "sexual-assault-child-u13", TRUE, "under 13" },
};

static void
test_offence_types (void)
{
  g_autoptr(SotReference) reference = load_reference ();
  const char * const *types = sot_reference_get_offence_types (reference);
  gboolean child_rape = FALSE, child_penetration = FALSE, child_assault = FALSE;

  g_assert_cmpuint (g_strv_length ((char **) types), >=, G_N_ELEMENTS (required_offences));
  g_assert_cmpstr (types[0], ==, "rape");

  for (guint i = 0; i < G_N_ELEMENTS (required_offences); i++)
    {
      const Offence *offence = &required_offences[i];
      const char *label = sot_reference_get_offence_label (reference, offence->id);

      g_test_message ("%s", offence->id);
      g_assert_true (g_strv_contains (types, offence->id));
      g_assert_true (sot_reference_has_offence_type (reference, offence->id));
      g_assert_nonnull (label);
      g_assert_nonnull (strstr (label, offence->label_word));
      g_assert_cmpint (sot_reference_get_offence_is_child (reference, offence->id), ==,
                       offence->child);
    }

  /* Each of the three offences has at least one child-victim variant. */
  for (guint i = 0; types[i] != NULL; i++)
    {
      const char *label = sot_reference_get_offence_label (reference, types[i]);

      g_assert_nonnull (label);
      if (!sot_reference_get_offence_is_child (reference, types[i]))
        continue;
      child_rape |= g_str_has_prefix (types[i], "rape");
      child_penetration |= g_str_has_prefix (types[i], "assault-penetration");
      child_assault |= g_str_has_prefix (types[i], "sexual-assault");
    }
  g_assert_true (child_rape);
  g_assert_true (child_penetration);
  g_assert_true (child_assault);

  g_assert_false (sot_reference_has_offence_type (reference, "burglary"));
  g_assert_false (sot_reference_has_offence_type (reference, "Reference"));
  g_assert_false (sot_reference_has_offence_type (reference, NULL));
  g_assert_null (sot_reference_get_offence_label (reference, "burglary"));
  g_assert_false (sot_reference_get_offence_is_child (reference, "burglary"));
}

/* The reference files the core reads with g_key_file_get_locale_string: each text key shown to
 * the user has a Welsh twin, so that a new entry without Welsh fails here; codes (group,
 * category, focus, confirmed...) are never translated. */
typedef struct {
  const char         *file;
  const char         *header;
  const char * const *header_keys;
  const char * const *entry_keys;
} LocalisedFile;

static const char * const no_keys[] = { NULL };
static const char * const label_keys[] = { "label", NULL };
static const char * const sample_keys[] = { "label", "guidance", "source", NULL };
static const char * const header_keys[] = { "name", "source", NULL };
static const char * const checklist_item_keys[] = { "title", "description", NULL };

static const LocalisedFile localised_files[] = {
  { "offence-types.ini",      "Reference", no_keys,               label_keys },
  { "outcomes.ini",           "Reference", no_keys,               label_keys },
  { "forensic-catalogue.ini", "Catalogue", header_keys,           sample_keys },
  { "suspect-checklist.ini",  "Checklist", header_keys,           checklist_item_keys },
};

static void
check_welsh_group (GKeyFile           *key_file,
                   const char         *file,
                   const char         *group,
                   const char * const *text_keys)
{
  g_auto(GStrv) keys = g_key_file_get_keys (key_file, group, NULL, NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *base = g_strndup (keys[i], strcspn (keys[i], "["));
      g_autofree char *english = NULL;
      g_autofree char *welsh = NULL;

      if (!g_strv_contains (text_keys, base))
        {
          if (!g_str_equal (base, keys[i]))
            g_test_message ("%s [%s]: %s is a code, not text", file, group, keys[i]);
          g_assert_cmpstr (base, ==, keys[i]);
          continue;
        }

      if (!g_str_equal (base, keys[i]))
        continue;

      english = g_key_file_get_string (key_file, group, base, NULL);
      welsh = g_key_file_get_locale_string (key_file, group, base, "cy", NULL);
      if (g_strcmp0 (english, welsh) == 0)
        g_test_message ("%s [%s]: %s has no %s[cy]", file, group, base, base);
      g_assert_nonnull (welsh);
      g_assert_cmpstr (english, !=, welsh);
      g_assert_cmpuint (strlen (welsh), >, 0);
    }
}

static void
test_welsh_labels (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (localised_files); f++)
    {
      const LocalisedFile *lf = &localised_files[f];
      g_autofree char *path = g_build_path ("/", RESOURCE_BASE, "reference", lf->file, NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_auto(GStrv) groups = NULL;

      g_assert_nonnull (bytes);
      g_assert_true (g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_KEEP_TRANSLATIONS,
                                                 NULL));
      groups = g_key_file_get_groups (key_file, NULL);
      g_assert_cmpuint (g_strv_length (groups), >, 1);

      for (guint i = 0; groups[i] != NULL; i++)
        check_welsh_group (key_file, lf->file, groups[i],
                           g_str_equal (groups[i], lf->header) ? lf->header_keys
                                                               : lf->entry_keys);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its test case and the run goes on, so one report shows them all. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/reference/outcomes/codes", test_outcome_codes);
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reference/outcomes/group/%s", outcomes[i].code);

      g_test_add_data_func (path, &outcomes[i], test_outcome_group);
    }
  g_test_add_func ("/reference/outcomes/wording", test_outcome_wording);
  g_test_add_func ("/reference/outcomes/unconfirmed", test_outcome_unconfirmed);
  g_test_add_func ("/reference/outcomes/unknown-code", test_outcome_unknown_code);
  g_test_add_func ("/reference/outcomes/no-suspect-identified", test_no_suspect_identified);
  g_test_add_func ("/reference/groups/labels", test_group_labels);
  g_test_add_func ("/reference/offences/types", test_offence_types);
  g_test_add_func ("/reference/welsh-labels", test_welsh_labels);

  return g_test_run ();
}
