/* test-export.c: pseudonyms, the Data Package and its schema, no identifier leaving, audit, cancel
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sot-export.h"
#include "sot-generator.h"
#include "sot-pseudonym.h"
#include "sot-store.h"
#include "sot-test-workspace.h"
#include "sot-time.h"

typedef SotTestWorkspace Fixture;

/* Helpers */

static void
open_store (Fixture *fixture)
{
  fixture->store = sot_test_open_store (fixture->path, SOT_STORE_OPEN_CREATE);
  sot_test_set_clock (fixture->store, 2025, 6, 30, 12, 0);
}

static void
fill (Fixture  *fixture,
      guint     n,
      gboolean  training)
{
  g_autoptr(GError) error = NULL;

  if (training)
    {
      g_assert_true (sot_store_mark_training (fixture->store, &error));
      g_assert_no_error (error);
    }

  sot_test_fill_demo (fixture->store, n, 7, 2025, 6, 30);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  sot_test_workspace_setup (fixture, "export", SOT_TEST_WORKSPACE_NO_STORE);
  open_store (fixture);
  sot_store_set_operator (fixture->store, "DC 4242 Test Operator");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sot_test_workspace_teardown (fixture);
}

static SotExportOptions *
options_for (const char          *recipient,
             SotPseudonymKeyMode  mode)
{
  SotExportOptions *options = sot_export_options_new ();

  options->recipient = g_strdup (recipient);
  options->purpose = g_strdup ("Soteria evaluation, quarterly comparison");
  options->key_mode = mode;
  return options;
}

static SotExportSummary *
export_to (Fixture                *fixture,
           const char             *name,
           const SotExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, name, NULL);
  SotExportSummary *summary = NULL;

  g_assert_true (sot_export_run (fixture->store, target, options, NULL, NULL, NULL, &summary,
                                 &error));
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* Returns: (transfer full): @json parsed and written again without white space, so that a
 * test can look for a member whatever the layout. */
static char *
compact_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static char *
read_package_file (Fixture    *fixture,
                   const char *package,
                   const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, package, file, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* The set of the first column (case_key) of cases.csv. */
static GHashTable *
case_keys (Fixture    *fixture,
           const char *package)
{
  g_autofree char *csv = read_package_file (fixture, package, "cases.csv");
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *comma = strchr (lines[i], ',');

      if (comma != NULL)
        g_hash_table_add (keys, g_strndup (lines[i], comma - lines[i]));
    }

  return keys;
}

static guint
count_shared (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;
  guint shared = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    shared += g_hash_table_contains (b, key);

  return shared;
}

static gboolean
dir_is_empty_of_partials (const char *dir,
                          const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.partial-", base);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return FALSE;

  return TRUE;
}

/* Pseudonyms and keys */

static void
test_pseudonym_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotPseudonymiser) a1 = NULL;
  g_autoptr(SotPseudonymiser) a2 = NULL;
  g_autoptr(SotPseudonymiser) a3 = NULL;
  g_autoptr(SotPseudonymiser) b = NULL;
  g_autoptr(SotPseudonymiser) f1 = NULL;
  g_autoptr(SotPseudonymiser) f2 = NULL;
  g_autofree char *key_dir = sot_pseudonym_key_dir (fixture->path);
  g_autofree char *key_path = sot_pseudonym_key_path (fixture->path, "University of Example");
  g_autofree char *key_text = NULL;
  const char *uuid = "8f2c6a57-7f4e-4f53-9d8b-3c5e0b8a1f11";
  char p_a1[SOT_PSEUDONYM_LENGTH + 1], p_a2[SOT_PSEUDONYM_LENGTH + 1];
  char p_a3[SOT_PSEUDONYM_LENGTH + 1], p_b[SOT_PSEUDONYM_LENGTH + 1];
  char p_f1[SOT_PSEUDONYM_LENGTH + 1], p_f2[SOT_PSEUDONYM_LENGTH + 1];
  char p_s[SOT_PSEUDONYM_LENGTH + 1];
  GStatBuf st;

  a1 = sot_pseudonymiser_new (fixture->path, SOT_PSEUDONYM_KEY_STABLE, "University of Example", &error);
  g_assert_no_error (error);
  g_assert_true (sot_pseudonymiser_get_key_created (a1));

  /* The key folder is private and beside the workspace; the key file too, naming the
   * recipient. */
  g_assert_true (g_str_has_suffix (key_dir, "workbench.db.keys"));
  g_assert_cmpint (g_stat (key_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (key_path, &key_text, NULL, NULL));
  g_assert_nonnull (strstr (key_text, "Recipient=University of Example"));

  /* The same recipient (however spaced or cased) keeps the key, and so the pseudonym. */
  a2 = sot_pseudonymiser_new (fixture->path, SOT_PSEUDONYM_KEY_STABLE, "University of Example", &error);
  g_assert_no_error (error);
  g_assert_false (sot_pseudonymiser_get_key_created (a2));
  a3 = sot_pseudonymiser_new (fixture->path, SOT_PSEUDONYM_KEY_STABLE, "  university OF example ", &error);
  g_assert_no_error (error);
  b = sot_pseudonymiser_new (fixture->path, SOT_PSEUDONYM_KEY_STABLE, "Another Evaluator", &error);
  g_assert_no_error (error);
  f1 = sot_pseudonymiser_new (fixture->path, SOT_PSEUDONYM_KEY_FRESH, "University of Example", &error);
  g_assert_no_error (error);
  f2 = sot_pseudonymiser_new (fixture->path, SOT_PSEUDONYM_KEY_FRESH, "University of Example", &error);
  g_assert_no_error (error);

  sot_pseudonymiser_compute (a1, "case", uuid, p_a1);
  sot_pseudonymiser_compute (a2, "case", uuid, p_a2);
  sot_pseudonymiser_compute (a3, "case", uuid, p_a3);
  sot_pseudonymiser_compute (b, "case", uuid, p_b);
  sot_pseudonymiser_compute (f1, "case", uuid, p_f1);
  sot_pseudonymiser_compute (f2, "case", uuid, p_f2);
  sot_pseudonymiser_compute (a1, "suspect", uuid, p_s);

  g_assert_cmpuint (strlen (p_a1), ==, SOT_PSEUDONYM_LENGTH);
  g_assert_cmpstr (p_a1, ==, p_a2);
  g_assert_cmpstr (p_a1, ==, p_a3);
  g_assert_cmpstr (p_a1, !=, p_b);
  g_assert_cmpstr (p_a1, !=, p_f1);
  g_assert_cmpstr (p_f1, !=, p_f2);
  g_assert_cmpstr (p_a1, !=, p_s);       /* domains apart */
  g_assert_null (strstr (p_a1, "8f2c"));

  /* A fresh key is never written. */
  {
    g_autoptr(GDir) dir = g_dir_open (key_dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);   /* the two recipients' keys */
  }

  /* A key others can read is refused, not used. */
  g_assert_cmpint (g_chmod (key_path, 0644), ==, 0);
  g_assert_null (sot_pseudonymiser_new (fixture->path, SOT_PSEUDONYM_KEY_STABLE,
                                        "University of Example", &error));
  g_assert_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_INVALID);
  g_clear_error (&error);

  /* A stable key needs a recipient and a workspace file. */
  g_assert_null (sot_pseudonymiser_new (fixture->path, SOT_PSEUDONYM_KEY_STABLE, " ", &error));
  g_assert_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sot_pseudonymiser_new (":memory:", SOT_PSEUDONYM_KEY_STABLE, "X", &error));
  g_assert_error (error, SOT_PSEUDONYM_ERROR, SOT_PSEUDONYM_ERROR_NO_FILE);
}

/* The same case keeps its pseudonym across exports for one recipient with a stable key, and
 * not for another recipient nor with a fresh key. */
static void
test_pseudonym_exports (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SotExportOptions) a = options_for ("Evaluator A", SOT_PSEUDONYM_KEY_STABLE);
  g_autoptr(SotExportOptions) b = options_for ("Evaluator B", SOT_PSEUDONYM_KEY_STABLE);
  g_autoptr(SotExportOptions) fresh = options_for ("Evaluator A", SOT_PSEUDONYM_KEY_FRESH);
  g_autoptr(SotExportSummary) s1 = NULL;
  g_autoptr(SotExportSummary) s2 = NULL;
  g_autoptr(SotExportSummary) s3 = NULL;
  g_autoptr(SotExportSummary) s4 = NULL;
  g_autoptr(GHashTable) k1 = NULL;
  g_autoptr(GHashTable) k2 = NULL;
  g_autoptr(GHashTable) k3 = NULL;
  g_autoptr(GHashTable) k4 = NULL;

  fill (fixture, 40, FALSE);

  s1 = export_to (fixture, "a1", a);
  s2 = export_to (fixture, "a2", a);
  s3 = export_to (fixture, "b1", b);
  s4 = export_to (fixture, "f1", fresh);
  g_assert_true (s1->key_created);
  g_assert_false (s2->key_created);

  k1 = case_keys (fixture, "a1");
  k2 = case_keys (fixture, "a2");
  k3 = case_keys (fixture, "b1");
  k4 = case_keys (fixture, "f1");

  g_assert_cmpuint (g_hash_table_size (k1), ==, 40);
  g_assert_cmpuint (count_shared (k1, k2), ==, 40);
  g_assert_cmpuint (count_shared (k1, k3), ==, 0);
  g_assert_cmpuint (count_shared (k1, k4), ==, 0);

  /* The key stays on the workstation: no package holds it. */
  {
    g_autofree char *key_path = sot_pseudonym_key_path (fixture->path, "Evaluator A");
    g_autoptr(GKeyFile) key_file = g_key_file_new ();
    g_autofree char *key = NULL;
    const char *packages[] = { "a1", "a2", "b1", "f1" };

    g_assert_true (g_key_file_load_from_file (key_file, key_path, G_KEY_FILE_NONE, NULL));
    key = g_key_file_get_string (key_file, "Pseudonym key", "Key", NULL);
    g_assert_nonnull (key);

    for (guint p = 0; p < G_N_ELEMENTS (packages); p++)
      {
        g_autofree char *dir_path = g_build_filename (fixture->dir, packages[p], NULL);
        g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
        const char *name;

        while ((name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *contents = read_package_file (fixture, packages[p], name);

            g_assert_null (strstr (contents, key));
          }
      }
  }
}

/* The package against its own datapackage.json, checked by Python's json and csv modules. */
static const char validator[] =
  "import csv, hashlib, io, json, os, re, sys\n"
  "root = sys.argv[1]\n"
  "errors = []\n"
  "def err(m):\n"
  "    errors.append(m)\n"
  "pkg = json.load(open(os.path.join(root, 'datapackage.json'), encoding='utf-8'))\n"
  "for key in ('profile', 'name', 'id', 'title', 'resources', 'fictional'):\n"
  "    if key not in pkg: err('datapackage.json lacks ' + key)\n"
  "if pkg.get('profile') != 'tabular-data-package': err('profile')\n"
  "if not isinstance(pkg.get('fictional'), bool): err('fictional is not a boolean')\n"
  "tables = {}\n"
  "for res in pkg['resources']:\n"
  "    name = res['name']\n"
  "    for key in ('path', 'format', 'encoding', 'schema', 'bytes', 'hash', 'mediatype', 'description'):\n"
  "        if key not in res: err(name + ': no ' + key)\n"
  "    if res.get('format') != 'csv' or res.get('encoding') != 'utf-8': err(name + ': format')\n"
  "    raw = open(os.path.join(root, res['path']), 'rb').read()\n"
  "    if len(raw) != res['bytes']: err(name + ': bytes')\n"
  "    if 'sha256:' + hashlib.sha256(raw).hexdigest() != res['hash']: err(name + ': hash')\n"
  "    text = raw.decode('utf-8')\n"
  "    if not text.endswith('\\r\\n'): err(name + ': does not end with CRLF')\n"
  "    if '\\n' in text.replace('\\r\\n', ''): err(name + ': a bare LF')\n"
  "    rows = list(csv.reader(io.StringIO(text, newline=''), strict=True))\n"
  "    fields = res['schema']['fields']\n"
  "    names = [f['name'] for f in fields]\n"
  "    if rows[0] != names: err(name + ': header ' + repr(rows[0]) + ' != ' + repr(names))\n"
  "    data = rows[1:]\n"
  "    tables[name] = (names, data)\n"
  "    missing = res['schema'].get('missingValues', [''])\n"
  "    for n, row in enumerate(data, 2):\n"
  "        if len(row) != len(names):\n"
  "            err('%s:%d: %d cells for %d fields' % (name, n, len(row), len(names))); continue\n"
  "        for f, v in zip(fields, row):\n"
  "            c = f.get('constraints', {})\n"
  "            where = '%s:%d:%s=%r' % (name, n, f['name'], v)\n"
  "            if v in missing:\n"
  "                if c.get('required'): err(where + ' required')\n"
  "                continue\n"
  "            t = f['type']\n"
  "            if t == 'integer':\n"
  "                if not re.fullmatch(r'-?[0-9]+', v): err(where + ' not an integer'); continue\n"
  "                if 'minimum' in c and int(v) < c['minimum']: err(where + ' below minimum')\n"
  "            elif t == 'number':\n"
  "                try: float(v)\n"
  "                except ValueError: err(where + ' not a number')\n"
  "            elif t == 'boolean':\n"
  "                if v not in f.get('trueValues', ['true']) + f.get('falseValues', ['false']): err(where + ' not a boolean')\n"
  "            elif t != 'string': err(where + ' unknown type ' + t)\n"
  "            if 'enum' in c and v not in c['enum']: err(where + ' not in enum')\n"
  "            if 'pattern' in c and not re.fullmatch(c['pattern'], v): err(where + ' does not match pattern')\n"
  "    pk = res['schema'].get('primaryKey')\n"
  "    if not pk: err(name + ': no primaryKey')\n"
  "    else:\n"
  "        idx = [names.index(k) for k in pk]\n"
  "        seen = set()\n"
  "        for row in data:\n"
  "            key = tuple(row[i] for i in idx)\n"
  "            if key in seen: err(name + ': duplicate primary key ' + repr(key))\n"
  "            seen.add(key)\n"
  "for res in pkg['resources']:\n"
  "    names, data = tables[res['name']]\n"
  "    for fk in res['schema'].get('foreignKeys', []):\n"
  "        rnames, rdata = tables[fk['reference']['resource']]\n"
  "        ridx = [rnames.index(k) for k in fk['reference']['fields']]\n"
  "        values = set(tuple(r[i] for i in ridx) for r in rdata)\n"
  "        idx = [names.index(k) for k in fk['fields']]\n"
  "        for row in data:\n"
  "            if tuple(row[i] for i in idx) not in values: err(res['name'] + ': dangling foreign key ' + repr(row[idx[0]]))\n"
  "listed = {}\n"
  "for line in open(os.path.join(root, 'manifest.sha256'), encoding='utf-8'):\n"
  "    digest, path = line.rstrip('\\n').split('  ', 1)\n"
  "    listed[path] = digest\n"
  "    if hashlib.sha256(open(os.path.join(root, path), 'rb').read()).hexdigest() != digest: err('manifest: ' + path)\n"
  "for path in os.listdir(root):\n"
  "    if path != 'manifest.sha256' and path not in listed: err('manifest lacks ' + path)\n"
  "for e in errors[:40]: print(e)\n"
  "sys.exit(1 if errors else 0)\n";

static void
validate_package (const char *package_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "python3", "-c", validator, package_dir, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    {
      g_test_skip ("python3 is not available");
      return;
    }

  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("validator:\n%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_package_schema (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SotExportOptions) options = options_for ("Evaluator", SOT_PSEUDONYM_KEY_FRESH);
  g_autoptr(SotExportSummary) summary = NULL;
  g_autofree char *package = g_build_filename (fixture->dir, "pkg", NULL);
  g_autofree char *json = NULL;
  g_autofree char *compact = NULL;
  const char *expected[] = {
    "cases.csv", "lines_of_enquiry.csv", "exhibits.csv", "devices.csv", "victim_contact.csv",
    "agg_volumes_by_quarter.csv", "agg_cps_decisions_by_quarter.csv",
    "agg_charge_rates_by_quarter.csv", "agg_outcome_groups_by_quarter.csv",
    "agg_relationship_by_outcome_group.csv", "datapackage.json", "README.md", "manifest.sha256",
  };

  fill (fixture, 150, FALSE);
  options->round5 = TRUE;
  summary = export_to (fixture, "pkg", options);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (package, expected[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  g_assert_cmpint (summary->n_investigations, ==, 150);
  g_assert_cmpint (sot_export_summary_get_rows (summary, "victim_contact"), ==, 150);
  g_assert_cmpint (sot_export_summary_get_rows (summary, "cases"), >=, 150);
  g_assert_cmpint (sot_export_summary_get_rows (summary, "lines_of_enquiry"), >, 0);
  g_assert_cmpint (sot_export_summary_get_rows (summary, "exhibits"), >, 0);
  g_assert_cmpuint (summary->n_suppressed, >, 0);
  g_assert_false (summary->fictional);

  json = read_package_file (fixture, "pkg", "datapackage.json");
  compact = compact_json (json);
  g_assert_nonnull (strstr (compact, "\"fictional\":false"));
  g_assert_nonnull (strstr (compact, "\"primaryKey\""));
  g_assert_nonnull (strstr (compact, "\"foreignKeys\""));
  g_assert_nonnull (strstr (compact, "\"rounding\":\"base-5\""));

  validate_package (package);
}

/* Identifying values planted in every identifier table and free-text column must not
 * appear in any file of the package. */
static const char * const plants[] = {
  "UPDATE victim_identity SET given_name = 'ZZPLANTNAME', family_name = 'ZZPLANTNAME', "
  "  date_of_birth = '1901-02-03', address = 'PLANTADDRESS', phone = '07700 900123', "
  "  account = 'PLANTNOTE'",
  "UPDATE suspect_identity SET given_name = 'ZZPLANTNAME', family_name = 'ZZPLANTNAME', "
  "  date_of_birth = '1901-02-03', local_person_id = 'PLANTPERSON', address = 'PLANTADDRESS', "
  "  phone = '07700 900123', account = 'PLANTNOTE'",
  "UPDATE witness_identity SET given_name = 'ZZPLANTNAME', family_name = 'ZZPLANTNAME', "
  "  date_of_birth = '1901-02-03', address = 'PLANTADDRESS', phone = '07700 900123', "
  "  account = 'PLANTNOTE'",
  "UPDATE investigation SET crime_reference = 'PLANT/REF/' || id, officer = 'DC PLANTOFFICER'",
  "UPDATE line_of_enquiry SET title = 'PLANTNOTE', owner = 'DC PLANTOFFICER', "
  "  rationale = 'PLANTNOTE', notes = 'PLANTNOTE', cps_advice_point = 'PLANTNOTE', "
  "  checklist_item = 'PLANTNOTE'",
  "UPDATE checklist_proposal SET title = 'PLANTNOTE', description = 'PLANTNOTE', "
  "  reason = 'PLANTNOTE'",
  "UPDATE disruption SET outcome = 'PLANTNOTE'",
  "UPDATE exhibit SET description = 'PLANTNOTE', seized_by = 'DC PLANTOFFICER', "
  "  seized_place = 'PLANTADDRESS', seal_number = 'PLANTNOTE', lab_name = 'PLANTNOTE', "
  "  lab_result = 'PLANTNOTE', retention_note = 'PLANTNOTE'",
  "UPDATE exhibit SET sample_type = 'PLANTNOTE' WHERE id = (SELECT min (id) FROM exhibit)",
  "INSERT INTO exhibit_movement (uuid, exhibit_id, position, from_holder, to_holder, moved_at, "
  "  place, purpose, note, recorded_at, recorded_by) "
  "  SELECT 'plant-' || id, id, 99, 'DC PLANTOFFICER', 'DC PLANTOFFICER', "
  "         '2025-01-01T10:00:00Z', 'PLANTADDRESS', 'storage', 'PLANTNOTE', "
  "         '2025-01-01T10:00:00Z', 'DC PLANTOFFICER' FROM exhibit",
  "UPDATE device SET description = 'PLANTNOTE', legal_basis_note = 'PLANTNOTE', "
  "  line_of_enquiry = 'PLANTNOTE', scope_data_types = 'PLANTNOTE'",
  "UPDATE third_party_request SET holder = 'PLANTADDRESS', material = 'PLANTNOTE', "
  "  reason = 'PLANTNOTE', necessity_note = 'PLANTNOTE', probative_value_note = 'PLANTNOTE', "
  "  outcome_note = 'PLANTNOTE'",
  "UPDATE victim_contact_preference SET changed_by = 'DC PLANTOFFICER'",
  "UPDATE isva SET service = 'PLANTNOTE', name = 'ZZPLANTNAME'",
  "UPDATE victim_contact SET who = 'DC PLANTOFFICER'",
  "UPDATE victim_contact_note SET summary = 'PLANTNOTE 07700 900123'",
  "UPDATE victim_letter SET sent_by = 'DC PLANTOFFICER'",
  "UPDATE cps_advice_point SET summary = 'PLANTNOTE'",
  "UPDATE cps_action_item SET description = 'PLANTNOTE'",
};

static const char * const planted_tables[] = {
  "victim_identity", "suspect_identity", "witness_identity", "investigation", "line_of_enquiry",
  "checklist_proposal", "disruption", "exhibit", "exhibit_movement", "device",
  "third_party_request", "victim_contact_preference", "isva", "victim_contact",
  "victim_contact_note", "victim_letter", "cps_advice_point", "cps_action_item",
};

static void
test_no_identifiers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExportOptions) options = options_for ("Evaluator", SOT_PSEUDONYM_KEY_FRESH);
  g_autoptr(SotExportSummary) summary = NULL;
  g_autoptr(GRegex) full_date = g_regex_new ("[0-9]{4}-[0-9]{2}-[0-9]{2}", 0, 0, NULL);
  g_autoptr(GRegex) time_of_day = g_regex_new ("[0-9]{2}:[0-9]{2}", 0, 0, NULL);
  g_autofree char *package = g_build_filename (fixture->dir, "pkg", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *needles[] = {
    /* Whole values only: short digit runs such as "1901" turn up by chance in hexadecimal
     * pseudonyms, and full dates are caught by the pattern below anyway. */
    "PLANT", "ZZPLANTNAME", "1901-02-03", "07700 900123", "PLANT/REF",
    "PLANTOFFICER", "PLANTNOTE", "PLANTADDRESS", "PLANTPERSON", "TRN/",
  };
  const char *name;
  guint n_files = 0;

  sot_store_set_operator (fixture->store, "DC PLANTOFFICER");
  fill (fixture, 300, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (plants); i++)
    {
      g_assert_true (sot_store_exec (fixture->store, plants[i], &error));
      g_assert_no_error (error);
    }

  /* Every planted table really holds a plant. */
  for (guint i = 0; i < G_N_ELEMENTS (planted_tables); i++)
    g_assert_cmpint (sot_store_count (fixture->store, planted_tables[i], NULL), >, 0);

  summary = export_to (fixture, "pkg", options);
  g_assert_cmpint (sot_export_summary_get_rows (summary, "exhibits"), >, 0);

  dir = g_dir_open (package, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *contents = read_package_file (fixture, "pkg", name);

      n_files++;
      for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
        if (strstr (contents, needles[i]) != NULL)
          g_error ("%s contains “%s”", name, needles[i]);

      /* No file gives a calendar date or a time of day; only datapackage.json says when the
       * package itself was made. */
      if (g_str_has_suffix (name, ".csv") || g_str_equal (name, "README.md"))
        {
          g_assert_false (g_regex_match (full_date, contents, 0, NULL));
          g_assert_false (g_regex_match (time_of_day, contents, 0, NULL));
        }
    }
  g_assert_cmpuint (n_files, ==, 13);

  validate_package (package);
}

/* Every export is a disclose audit row naming the recipient and the purpose; both are
 * required. */
static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExportOptions) options = options_for ("University of Example",
                                                     SOT_PSEUDONYM_KEY_STABLE);
  g_autoptr(SotExportSummary) summary = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "refused", NULL);
  sqlite3_stmt *stmt;
  gint64 before, n_records = 0;

  fill (fixture, 20, FALSE);
  before = sot_store_count (fixture->store, "audit_log", NULL);

  /* Refused without a purpose or a recipient: no row, no folder, no key. */
  g_clear_pointer (&options->purpose, g_free);
  options->purpose = g_strdup ("   ");
  g_assert_false (sot_export_run (fixture->store, target, options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_free (options->purpose);
  options->purpose = g_strdup ("Quarterly evaluation");
  g_free (options->recipient);
  options->recipient = g_strdup ("");
  g_assert_false (sot_export_run (fixture->store, target, options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sot_store_count (fixture->store, "audit_log", NULL), ==, before);

  g_free (options->recipient);
  options->recipient = g_strdup ("University of Example");
  summary = export_to (fixture, "pkg", options);
  g_assert_cmpint (sot_store_count (fixture->store, "audit_log", NULL), ==, before + 1);

  stmt = sot_store_prepare (fixture->store,
                            "SELECT action, entity_type, entity_uuid, reason, recipient, operator "
                            "FROM audit_log ORDER BY id DESC LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, SOT_AUDIT_DISCLOSE);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "dataset_export");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, summary->package_id);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "Quarterly evaluation");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "University of Example");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, "DC 4242 Test Operator");
  sqlite3_reset (stmt);

  /* The package names its id, which the audit row names too; the chain is intact. */
  {
    g_autofree char *json = read_package_file (fixture, "pkg", "datapackage.json");

    g_assert_nonnull (strstr (json, summary->package_id));
  }
  g_assert_true (sot_store_verify_audit (fixture->store, &n_records, NULL, &error));
  g_assert_no_error (error);
}

static void
test_target_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExportOptions) options = options_for ("Evaluator", SOT_PSEUDONYM_KEY_FRESH);
  g_autoptr(SotExportSummary) summary = NULL;
  g_autofree char *full = g_build_filename (fixture->dir, "full", NULL);
  g_autofree char *other = g_build_filename (full, "other.txt", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty", NULL);
  g_autofree char *csv = g_build_filename (empty, "cases.csv", NULL);

  fill (fixture, 10, FALSE);

  g_assert_cmpint (g_mkdir (full, 0700), ==, 0);
  g_assert_true (g_file_set_contents (other, "keep me", -1, NULL));
  g_assert_false (sot_export_run (fixture->store, full, options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_TARGET_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (dir_is_empty_of_partials (fixture->dir, "full"));

  /* An empty folder is fine. */
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  summary = export_to (fixture, "empty", options);
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));

  /* A threshold below 3 and a bad period are refused. */
  options->threshold = 2;
  g_assert_false (sot_export_options_check (options, TRUE, &error));
  g_assert_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  options->threshold = 10;
  options->from = g_strdup ("2025-05");
  options->to = g_strdup ("2025-01");
  g_assert_false (sot_export_options_check (options, TRUE, &error));
  g_assert_error (error, SOT_EXPORT_ERROR, SOT_EXPORT_ERROR_INVALID);
}

/* Cancel from the progress callback: nothing is left behind, no audit row. */
typedef struct {
  GCancellable *cancellable;
  GMainLoop    *loop;
  guint         calls;
  guint         cancel_at;
  gboolean      done;
  GError       *error;
  SotExportSummary *summary;
  double        last_fraction;
  gboolean      on_main_thread;
  GThread      *main_thread;
} CancelState;

static void
cancel_progress_cb (double      fraction,
                    const char *stage,
                    gpointer    user_data)
{
  CancelState *state = user_data;

  g_assert_nonnull (stage);
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  if (g_thread_self () != state->main_thread)
    state->on_main_thread = FALSE;
  /* Two threads write the package; the bar still only moves forward. */
  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  state->last_fraction = fraction;

  if (++state->calls == state->cancel_at)
    g_cancellable_cancel (state->cancellable);
}

static void
cancel_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CancelState *state = user_data;

  state->summary = sot_export_run_finish (SOT_STORE (source), result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
run_async (Fixture     *fixture,
           const char  *name,
           CancelState *state)
{
  g_autoptr(SotExportOptions) options = options_for ("Evaluator", SOT_PSEUDONYM_KEY_STABLE);
  g_autofree char *target = g_build_filename (fixture->dir, name, NULL);

  state->cancellable = g_cancellable_new ();
  state->loop = g_main_loop_new (NULL, FALSE);
  state->main_thread = g_thread_self ();
  state->on_main_thread = TRUE;

  sot_export_run_async (fixture->store, target, options, cancel_progress_cb, state,
                        state->cancellable, cancel_done_cb, state);
  g_main_loop_run (state->loop);
  g_assert_true (state->done);
  g_clear_object (&state->cancellable);
  g_clear_pointer (&state->loop, g_main_loop_unref);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "cancelled", NULL);
  gint64 before;

  fill (fixture, 200, FALSE);
  before = sot_store_count (fixture->store, "audit_log", NULL);

  for (guint at = 1; at <= 3; at++)
    {
      CancelState state = { 0 };

      state.cancel_at = at;
      run_async (fixture, "cancelled", &state);

      g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&state.error);
      g_assert_null (state.summary);
      g_assert_true (state.on_main_thread);
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      g_assert_true (dir_is_empty_of_partials (fixture->dir, "cancelled"));
      g_assert_cmpint (sot_store_count (fixture->store, "audit_log", NULL), ==, before);
    }

  /* The synchronous export too, cancelled from its callback. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SotExportOptions) options = options_for ("Evaluator", SOT_PSEUDONYM_KEY_FRESH);
    CancelState state = { 0 };

    state.cancellable = g_cancellable_new ();
    state.cancel_at = 2;
    state.main_thread = g_thread_self ();
    g_assert_false (sot_export_run (fixture->store, target, options, cancel_progress_cb, &state,
                                    state.cancellable, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_object (&state.cancellable);
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
    g_assert_true (dir_is_empty_of_partials (fixture->dir, "cancelled"));
  }
}

/* The background export: its own connection in the thread, the audit row from the caller's
 * store, progress on the main context. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  CancelState state = { 0 };
  g_autofree char *target = g_build_filename (fixture->dir, "bg", NULL);
  gint64 before;

  fill (fixture, 60, FALSE);
  before = sot_store_count (fixture->store, "audit_log", NULL);

  run_async (fixture, "bg", &state);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.summary);
  g_assert_cmpstr (state.summary->path, ==, target);
  g_assert_cmpint (state.summary->n_investigations, ==, 60);
  g_assert_true (state.on_main_thread);
  g_assert_cmpuint (state.calls, >, 3);
  g_assert_cmpint (sot_store_count (fixture->store, "audit_log", NULL), ==, before + 1);
  g_assert_true (dir_is_empty_of_partials (fixture->dir, "bg"));
  validate_package (target);
  sot_export_summary_free (state.summary);
}

static void
test_fictional (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SotExportOptions) options = options_for ("Trainer", SOT_PSEUDONYM_KEY_FRESH);
  g_autoptr(SotExportSummary) summary = NULL;
  g_autofree char *json = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *readme = NULL;

  fill (fixture, 30, TRUE);
  summary = export_to (fixture, "pkg", options);
  g_assert_true (summary->fictional);

  json = read_package_file (fixture, "pkg", "datapackage.json");
  readme = read_package_file (fixture, "pkg", "README.md");
  compact = compact_json (json);
  g_assert_nonnull (strstr (compact, "\"fictional\":true"));
  g_assert_nonnull (strstr (compact, "\"title\":\"FICTIONAL TRAINING DATA"));
  g_assert_nonnull (strstr (compact, "\"description\":\"FICTIONAL TRAINING DATA. One row per"));
  g_assert_true (g_str_has_prefix (readme, "# FICTIONAL TRAINING DATA"));
  g_assert_nonnull (strstr (readme, "THE DATA IN THIS PACKAGE ARE FICTIONAL"));
}

/* k on a hand-built workspace: four investigations alike in every quasi-identifier and one
 * apart. k = 1; with threshold 3, 1 record is in a smaller group; withholding leaves it out
 * of every table. */
static void
test_k (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExportOptions) options = options_for ("Evaluator", SOT_PSEUDONYM_KEY_FRESH);
  g_autoptr(SotExportSummary) kept = NULL;
  g_autoptr(SotExportSummary) withheld = NULL;
  g_autoptr(SotExportSummary) coarse = NULL;
  g_autoptr(SotExportSummary) preview = NULL;

  g_assert_true (sot_store_exec (fixture->store,
    "INSERT INTO investigation (id, uuid, crime_reference, offence_type, offence_from, reported_on, "
    "  officer, created_at, updated_at) VALUES "
    "(1, 'k-1', 'R1', 'rape', '2024-01-01T10:00:00Z', '2024-01-03', 'o', 'c', 'u'),"
    "(2, 'k-2', 'R2', 'rape', '2024-01-02T10:00:00Z', '2024-01-05', 'o', 'c', 'u'),"
    "(3, 'k-3', 'R3', 'rape', '2024-01-03T10:00:00Z', '2024-01-09', 'o', 'c', 'u'),"
    "(4, 'k-4', 'R4', 'rape', '2024-01-04T10:00:00Z', '2024-01-20', 'o', 'c', 'u'),"
    "(5, 'k-5', 'R5', 'rape', '2024-02-04T10:00:00Z', '2024-02-20', 'o', 'c', 'u');"
    "INSERT INTO victim (uuid, investigation_id, sex, age_at_offence) VALUES "
    "('kv-1', 1, 'female', 20), ('kv-2', 2, 'female', 22), ('kv-3', 3, 'female', 25),"
    "('kv-4', 4, 'female', 19), ('kv-5', 5, 'female', 24);",
    &error));
  g_assert_no_error (error);

  /* Quasi-identifiers: rape, month, female, 18-25, no suspect. January × 4, February × 1. */
  options->threshold = 3;
  kept = export_to (fixture, "kept", options);
  g_assert_cmpuint (kept->k.k, ==, 1);
  g_assert_cmpuint (kept->k.n_records, ==, 5);
  g_assert_cmpuint (kept->k.n_groups, ==, 2);
  g_assert_cmpuint (kept->k.n_records_below, ==, 1);
  g_assert_cmpuint (kept->n_withheld, ==, 0);
  g_assert_cmpint (sot_export_summary_get_rows (kept, "cases"), ==, 5);

  options->withhold_small_groups = TRUE;
  withheld = export_to (fixture, "withheld", options);
  g_assert_cmpuint (withheld->n_withheld, ==, 1);
  g_assert_cmpint (sot_export_summary_get_rows (withheld, "cases"), ==, 4);
  g_assert_cmpint (sot_export_summary_get_rows (withheld, "victim_contact"), ==, 4);
  {
    g_autofree char *readme = read_package_file (fixture, "withheld", "README.md");

    g_assert_nonnull (strstr (readme, "**k = 1** record"));
    g_assert_nonnull (strstr (readme, "The 1 investigation with a record in such a group was withheld"));
  }

  /* Quarters instead of months put all five in one group: k = 5. */
  options->withhold_small_groups = FALSE;
  options->coarsen_month = TRUE;
  coarse = export_to (fixture, "coarse", options);
  g_assert_cmpuint (coarse->k.k, ==, 5);
  g_assert_cmpuint (coarse->k.n_records_below, ==, 0);
  {
    g_autofree char *csv = read_package_file (fixture, "coarse", "cases.csv");

    g_assert_nonnull (strstr (csv, ",report_quarter,"));
    g_assert_nonnull (strstr (csv, ",2024-Q1,"));
    g_assert_null (strstr (csv, "2024-01"));
  }

  /* The preview counts the same, writes nothing. */
  options->coarsen_month = FALSE;
  preview = sot_export_preview (fixture->store, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->k.k, ==, 1);
  g_assert_cmpint (sot_export_summary_get_rows (preview, "cases"), ==, 5);
  g_assert_cmpuint (preview->n_suppressed, ==, kept->n_suppressed);
  g_assert_null (preview->path);
}

/* Tables of later schema versions are optional: the export writes them empty, with a note. */
static void
test_optional_tables (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExportOptions) options = options_for ("Evaluator", SOT_PSEUDONYM_KEY_FRESH);
  g_autoptr(SotExportSummary) summary = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *package = g_build_filename (fixture->dir, "pkg", NULL);

  fill (fixture, 30, FALSE);
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

  summary = export_to (fixture, "pkg", options);
  g_assert_cmpint (sot_export_summary_get_rows (summary, "lines_of_enquiry"), ==, 0);
  g_assert_cmpint (sot_export_summary_get_rows (summary, "exhibits"), ==, 0);
  g_assert_cmpint (sot_export_summary_get_rows (summary, "devices"), ==, 0);
  g_assert_cmpint (sot_export_summary_get_rows (summary, "cases"), >=, 30);
  readme = read_package_file (fixture, "pkg", "README.md");
  g_assert_nonnull (strstr (readme, "no line_of_enquiry table"));
  g_assert_nonnull (strstr (readme, "no exhibit table"));
  validate_package (package);
}

/* Lines of enquiry, exhibits and devices are written on a second thread and connection: a
 * failure there, or in what the first thread writes meanwhile, fails the whole export, with
 * its own message, and leaves no package, no partial folder and no audit row. */
static void
test_failure_in_either_part (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const tables[] = {
    "line_of_enquiry", "exhibit",  /* read on the second thread */
    "victim_contact",              /* read on the first, while the second writes */
  };
  g_autoptr(SotExportOptions) options = options_for ("Evaluator", SOT_PSEUDONYM_KEY_FRESH);
  g_autofree char *target = g_build_filename (fixture->dir, "failed", NULL);
  gint64 before;

  fill (fixture, 40, FALSE);
  before = sot_store_count (fixture->store, "audit_log", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *hide = NULL;
      g_autofree char *restore = NULL;

      /* The table is swapped for one without the columns the export reads, then put back. */
      hide = g_strdup_printf ("PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;"
                              "ALTER TABLE %1$s RENAME TO hidden_%1$s;"
                              "CREATE TABLE %1$s (id INTEGER PRIMARY KEY);",
                              tables[i]);
      restore = g_strdup_printf ("DROP TABLE %1$s; ALTER TABLE hidden_%1$s RENAME TO %1$s;"
                                 "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON;",
                                 tables[i]);

      g_assert_true (sot_store_exec (fixture->store, hide, &error));
      g_assert_no_error (error);

      g_assert_false (sot_export_run (fixture->store, target, options, NULL, NULL, NULL, NULL,
                                      &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "no such column"));
      g_clear_error (&error);
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      g_assert_true (dir_is_empty_of_partials (fixture->dir, "failed"));
      g_assert_cmpint (sot_store_count (fixture->store, "audit_log", NULL), ==, before);

      g_assert_true (sot_store_exec (fixture->store, restore, &error));
      g_assert_no_error (error);
    }

  /* Put back, the workspace exports. */
  {
    g_autoptr(SotExportSummary) summary = export_to (fixture, "failed", options);

    g_assert_cmpint (sot_export_summary_get_rows (summary, "lines_of_enquiry"), >, 0);
    validate_package (target);
  }
}

/* Where no second connection can see what the caller's sees (an in-memory workspace, or an
 * export inside the caller's transaction), every table is written in turn, the same. */
static void
test_one_connection (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SotExportOptions) options = options_for ("Evaluator", SOT_PSEUDONYM_KEY_FRESH);
  g_autoptr(SotStore) memory = sot_store_open (":memory:", SOT_STORE_OPEN_CREATE, &error);
  g_autoptr(SotExportSummary) from_file = NULL;
  g_autoptr(SotExportSummary) in_memory = NULL;
  g_autoptr(SotExportSummary) in_transaction = NULL;
  g_autofree char *memory_target = g_build_filename (fixture->dir, "memory", NULL);
  g_autofree char *transaction_target = g_build_filename (fixture->dir, "transaction", NULL);
  static const char * const tables[] = {
    "cases", "lines_of_enquiry", "exhibits", "devices", "victim_contact",
  };
  CancelState state = { 0 };
  GDate today;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, 6, 2025);
  fill (fixture, 30, FALSE);
  g_assert_true (sot_generator_fill (memory, 30, 7, &today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  from_file = export_to (fixture, "file", options);

  state.main_thread = g_thread_self ();
  state.on_main_thread = TRUE;
  g_assert_true (sot_export_run (memory, memory_target, options, cancel_progress_cb, &state,
                                 NULL, &in_memory, &error));
  g_assert_no_error (error);
  g_assert_true (state.on_main_thread);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);
  validate_package (memory_target);

  g_assert_true (sot_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (sot_export_run (fixture->store, transaction_target, options, NULL, NULL, NULL,
                                 &in_transaction, &error));
  g_assert_no_error (error);
  g_assert_true (sot_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  validate_package (transaction_target);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 rows = sot_export_summary_get_rows (from_file, tables[i]);

      g_assert_cmpint (rows, >, 0);
      g_assert_cmpint (sot_export_summary_get_rows (in_memory, tables[i]), ==, rows);
      g_assert_cmpint (sot_export_summary_get_rows (in_transaction, tables[i]), ==, rows);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;

  g_test_init (&argc, &argv, NULL);

  config = g_dir_make_tmp ("sot-test-export-config-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_add ("/export/pseudonym/keys", Fixture, NULL, fixture_setup, test_pseudonym_keys, fixture_teardown);
  g_test_add ("/export/pseudonym/exports", Fixture, NULL, fixture_setup, test_pseudonym_exports, fixture_teardown);
  g_test_add ("/export/package/schema", Fixture, NULL, fixture_setup, test_package_schema, fixture_teardown);
  g_test_add ("/export/package/no-identifiers", Fixture, NULL, fixture_setup, test_no_identifiers, fixture_teardown);
  g_test_add ("/export/package/fictional", Fixture, NULL, fixture_setup, test_fictional, fixture_teardown);
  g_test_add ("/export/package/optional-tables", Fixture, NULL, fixture_setup, test_optional_tables, fixture_teardown);
  g_test_add ("/export/k-anonymity", Fixture, NULL, fixture_setup, test_k, fixture_teardown);
  g_test_add ("/export/audit", Fixture, NULL, fixture_setup, test_audit, fixture_teardown);
  g_test_add ("/export/target", Fixture, NULL, fixture_setup, test_target_refused, fixture_teardown);
  g_test_add ("/export/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/export/async", Fixture, NULL, fixture_setup, test_async, fixture_teardown);
  g_test_add ("/export/failure-in-either-part", Fixture, NULL, fixture_setup, test_failure_in_either_part, fixture_teardown);
  g_test_add ("/export/one-connection", Fixture, NULL, fixture_setup, test_one_connection, fixture_teardown);

  {
    int status = g_test_run ();

    g_rmdir (config);
    return status;
  }
}
