/* sot-export-package.c: the package's description: datapackage.json, README.md, manifest.sha256
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-export"

#include "config.h"

#include "sot-export-private.h"
#include "sot-json.h"
#include "sot-time.h"

/* --- Resources: what datapackage.json says of each file --- */

static void
field_free (gpointer data)
{
  Field *f = data;

  g_free (f->name);
  g_free (f->type);
  g_free (f->description);
  g_free (f->unit);
  g_free (f->pattern);
  g_strfreev (f->enum_values);
  g_free (f);
}

static void
foreign_key_free (gpointer data)
{
  ForeignKey *fk = data;

  g_strfreev (fk->fields);
  g_free (fk->resource);
  g_strfreev (fk->ref_fields);
  g_free (fk);
}

void
sot_export_resource_free (gpointer data)
{
  Resource *r = data;

  g_free (r->name);
  g_free (r->path);
  g_free (r->title);
  g_free (r->description);
  g_ptr_array_unref (r->fields);
  g_strfreev (r->primary_key);
  g_ptr_array_unref (r->foreign_keys);
  g_free (r->sha256);
  g_free (r->note);
  g_free (r);
}

Field *
sot_export_add_field (Resource           *r,
                      const char         *name,
                      const char         *type,
                      const char         *description,
                      const char * const *enum_values)
{
  Field *f = g_new0 (Field, 1);

  f->name = g_strdup (name);
  f->type = g_strdup (type);
  f->description = g_strdup (description);
  f->enum_values = enum_values != NULL ? g_strdupv ((char **) enum_values) : NULL;
  g_ptr_array_add (r->fields, f);

  return f;
}

Field *
sot_export_add_count_field (Resource   *r,
                            const char *name,
                            const char *description,
                            const char *unit)
{
  Field *f = sot_export_add_field (r, name, "integer", description, NULL);

  f->has_minimum = TRUE;
  f->minimum = 0;
  f->unit = g_strdup (unit);
  return f;
}

Field *
sot_export_add_key_field (Resource   *r,
                          const char *name,
                          const char *description,
                          gboolean    required)
{
  Field *f = sot_export_add_field (r, name, "string", description, NULL);

  f->pattern = g_strdup ("^[0-9a-f]{32}$");
  f->required = required;
  return f;
}

void
sot_export_add_case_foreign_key (Resource *r)
{
  ForeignKey *fk = g_new0 (ForeignKey, 1);
  const char *fields[] = { "case_key", NULL };

  fk->fields = g_strdupv ((char **) fields);
  fk->resource = g_strdup ("cases");
  fk->ref_fields = g_strdupv ((char **) fields);
  g_ptr_array_add (r->foreign_keys, fk);
}

Resource *
sot_export_resource_new (Job        *job,
                         const char *name,
                         const char *title,
                         const char *description)
{
  Resource *r = g_new0 (Resource, 1);

  r->name = g_strdup (name);
  r->path = g_strconcat (name, ".csv", NULL);
  r->title = g_strdup (title);
  r->description = job->fictional
    ? g_strconcat ("FICTIONAL TRAINING DATA. ", description, NULL)
    : g_strdup (description);
  r->fields = g_ptr_array_new_with_free_func (field_free);
  r->foreign_keys = g_ptr_array_new_with_free_func (foreign_key_free);
  g_ptr_array_add (job->resources, r);

  return r;
}

/* --- datapackage.json, README.md, manifest.sha256 --- */

static char *
package_title (Job *job)
{
  return job->fictional
    ? g_strdup ("FICTIONAL TRAINING DATA — Soteria Workbench evaluation dataset")
    : g_strdup ("Soteria Workbench evaluation dataset (pseudonymised, disclosure-controlled)");
}

static char *
period_text (Job *job)
{
  return g_strdup_printf ("%s to %s",
                          job->options->from != NULL ? job->options->from : "the first report",
                          job->options->to != NULL ? job->options->to : "the last report");
}

static void
add_disclosure_control (JsonBuilder *b,
                        Job         *job)
{
  const SotExportOptions *options = job->options;
  const char *quasi[] = {
    "offence_type", options->coarsen_month ? "report_quarter" : "report_month",
    "victim_age_band", "victim_sex", "suspect_age_band", "suspect_sex", "relationship", NULL
  };

  json_builder_set_member_name (b, "disclosureControl");
  json_builder_begin_object (b);
  sot_json_add_int (b, "threshold", options->threshold);
  sot_json_add_string (b, "rounding", options->round5 ? "base-5" : "none");
  sot_json_add_int (b, "suppressedCells", job->summary->n_suppressed);
  sot_json_add_strv (b, "quasiIdentifiers", quasi);
  sot_json_add_int (b, "k", job->summary->k.k);
  sot_json_add_int (b, "recordsInGroupsBelowThreshold", job->summary->k.n_records_below);
  sot_json_add_int (b, "withheldInvestigations", job->summary->n_withheld);
  sot_json_add_bool (b, "coarsenedMonthToQuarter", options->coarsen_month);
  sot_json_add_bool (b, "widerAgeBands", options->coarsen_age);
  sot_json_add_string (b, "pseudonymKey", sot_pseudonym_key_mode_to_string (options->key_mode));
  json_builder_set_member_name (b, "period");
  json_builder_begin_object (b);
  sot_json_add_string (b, "from", options->from);
  sot_json_add_string (b, "to", options->to);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* A field of a Table Schema, with its constraints. */
static void
add_schema_field (JsonBuilder *b,
                  const Field *f)
{
  json_builder_begin_object (b);
  sot_json_add_string (b, "name", f->name);
  sot_json_add_string (b, "type", f->type);
  sot_json_add_string (b, "description", f->description);
  if (f->unit != NULL)
    sot_json_add_string (b, "unit", f->unit);
  if (g_str_equal (f->type, "boolean"))
    {
      const char *true_values[] = { "true", NULL };
      const char *false_values[] = { "false", NULL };

      sot_json_add_strv (b, "trueValues", true_values);
      sot_json_add_strv (b, "falseValues", false_values);
    }
  if (f->required || f->enum_values != NULL || f->pattern != NULL || f->has_minimum)
    {
      json_builder_set_member_name (b, "constraints");
      json_builder_begin_object (b);
      if (f->required)
        sot_json_add_bool (b, "required", TRUE);
      if (f->has_minimum)
        sot_json_add_int (b, "minimum", f->minimum);
      if (f->pattern != NULL)
        sot_json_add_string (b, "pattern", f->pattern);
      if (f->enum_values != NULL)
        sot_json_add_strv (b, "enum", (const char * const *) f->enum_values);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
add_schema (JsonBuilder    *b,
            const Resource *r)
{
  const char *missing[] = { "", NULL };

  json_builder_set_member_name (b, "schema");
  json_builder_begin_object (b);
  sot_json_add_strv (b, "missingValues", missing);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_array (b);
  for (guint j = 0; j < r->fields->len; j++)
    add_schema_field (b, g_ptr_array_index (r->fields, j));
  json_builder_end_array (b);
  if (r->primary_key != NULL)
    sot_json_add_strv (b, "primaryKey", (const char * const *) r->primary_key);
  if (r->foreign_keys->len > 0)
    {
      json_builder_set_member_name (b, "foreignKeys");
      json_builder_begin_array (b);
      for (guint j = 0; j < r->foreign_keys->len; j++)
        {
          ForeignKey *fk = g_ptr_array_index (r->foreign_keys, j);

          json_builder_begin_object (b);
          sot_json_add_strv (b, "fields", (const char * const *) fk->fields);
          json_builder_set_member_name (b, "reference");
          json_builder_begin_object (b);
          sot_json_add_string (b, "resource", fk->resource);
          sot_json_add_strv (b, "fields", (const char * const *) fk->ref_fields);
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

/* A Tabular Data Resource: one CSV file, its dialect and its schema. */
static void
add_resource (JsonBuilder    *b,
              const Resource *r)
{
  g_autofree char *hash = g_strconcat ("sha256:", r->sha256 != NULL ? r->sha256 : "", NULL);

  json_builder_begin_object (b);
  sot_json_add_string (b, "name", r->name);
  sot_json_add_string (b, "path", r->path);
  sot_json_add_string (b, "profile", "tabular-data-resource");
  sot_json_add_string (b, "title", r->title);
  sot_json_add_string (b, "description", r->description);
  sot_json_add_string (b, "format", "csv");
  sot_json_add_string (b, "mediatype", "text/csv");
  sot_json_add_string (b, "encoding", "utf-8");
  sot_json_add_int (b, "bytes", r->bytes);
  sot_json_add_string (b, "hash", hash);
  json_builder_set_member_name (b, "dialect");
  json_builder_begin_object (b);
  sot_json_add_string (b, "delimiter", ",");
  sot_json_add_string (b, "lineTerminator", "\r\n");
  sot_json_add_string (b, "quoteChar", "\"");
  sot_json_add_bool (b, "doubleQuote", TRUE);
  sot_json_add_bool (b, "header", TRUE);
  json_builder_end_object (b);
  add_schema (b, r);
  json_builder_end_object (b);
}

static char *
build_datapackage (Job *job)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *title = package_title (job);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = sot_time_format_utc (now);
  g_autofree char *period = period_text (job);
  g_autofree char *description =
    g_strdup_printf ("%sPseudonymised record-level tables and disclosure-controlled aggregate "
                     "tables of the rape and serious sexual offence investigations reported "
                     "from %s, for evaluators of Operation Soteria. See README.md.",
                     job->fictional ? "FICTIONAL TRAINING DATA, made by the program's "
                                      "generator: no real person or case. " : "",
                     period);
  g_autofree char *source = g_strdup_printf ("Soteria Workbench %s, workspace schema version %d",
                                             PACKAGE_VERSION, job->schema_version);

  json_builder_begin_object (b);
  sot_json_add_string (b, "profile", "tabular-data-package");
  sot_json_add_string (b, "name", job->fictional ? "soteria-workbench-training-export"
                                        : "soteria-workbench-export");
  sot_json_add_string (b, "id", job->summary->package_id);
  sot_json_add_string (b, "title", title);
  sot_json_add_string (b, "description", description);
  sot_json_add_bool (b, "fictional", job->fictional);
  sot_json_add_string (b, "created", created);
  sot_json_add_string (b, "version", PACKAGE_VERSION);
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  sot_json_add_string (b, "title", source);
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_disclosure_control (b, job);
  json_builder_set_member_name (b, "resources");
  json_builder_begin_array (b);
  for (guint i = 0; i < job->resources->len; i++)
    add_resource (b, g_ptr_array_index (job->resources, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return sot_json_to_string (root);
}

static char *
build_readme (Job *job)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = package_title (job);
  g_autofree char *period = period_text (job);
  const SotExportSummary *s = job->summary;

  g_string_append_printf (out, "# %s\n\n", title);

  if (job->fictional)
    g_string_append (out, "**THE DATA IN THIS PACKAGE ARE FICTIONAL.** They were exported from a "
                     "Soteria Workbench training workspace, filled by the program's generator "
                     "of fictional cases. No real person, victim, suspect or investigation is "
                     "described. Do not use them as evidence of anything.\n\n");

  g_string_append_printf (out, "Investigations reported from %s: %" G_GINT64_FORMAT
                          " investigations%s.\n\n", period, s->n_investigations,
                          s->n_withheld > 0 ? " before withholding" : "");
  g_string_append (out, "This folder is a [Frictionless Data "
                   "Package](https://specs.frictionlessdata.io/): `datapackage.json` describes "
                   "every file (field types, code lists, units, keys). The CSV files are RFC 4180, "
                   "UTF-8, with CRLF line ends and a header row; an empty cell is a missing value. "
                   "`manifest.sha256` holds the SHA-256 of every other file: check it with "
                   "`sha256sum -c manifest.sha256`.\n\n");

  g_string_append (out, "## Files\n\n| file | rows | what it is |\n|---|---|---|\n");
  for (guint i = 0; i < job->resources->len; i++)
    {
      Resource *r = g_ptr_array_index (job->resources, i);

      g_string_append_printf (out, "| `%s` | %" G_GINT64_FORMAT " | %s%s%s |\n", r->path, r->rows,
                              r->title, r->aggregate ? " (disclosure-controlled)" : "",
                              r->note != NULL ? " — see the notes" : "");
    }
  g_string_append (out, "| `datapackage.json` | | the description of every file |\n"
                   "| `README.md` | | this text |\n"
                   "| `manifest.sha256` | | SHA-256 of every file |\n\n");

  g_string_append (out, "## What protects the people in these data\n\n");
  g_string_append (out, "- **Pseudonyms.** `case_key` and `suspect_key` are keyed HMAC-SHA-256 "
                   "pseudonyms of the records' random identifiers (the first 128 bits, as 32 "
                   "hexadecimal digits). The key never leaves the workstation. ");
  if (job->options->key_mode == SOT_PSEUDONYM_KEY_STABLE)
    g_string_append (out, "Key mode: **stable for this recipient** — the same investigation has "
                     "the same `case_key` in every package made for this recipient, so it can be "
                     "followed across exports; packages made for another recipient use another "
                     "key and cannot be joined with this one.\n");
  else
    g_string_append (out, "Key mode: **fresh** — the key was made for this export alone and "
                     "forgotten: the keys cannot be linked to any other package.\n");
  g_string_append (out, "- **No identifiers, no free text.** No name, date of birth, address, "
                   "phone number, crime reference, exact date or time, officer's name or free "
                   "text of any kind is in the package. Dates are months (`YYYY-MM`) or quarters "
                   "and day intervals; ages are bands.\n");
  g_string_append_printf (out, "- **Small counts.** In the aggregate tables (`agg_*.csv`) every "
                          "count below **%u**, zero included, is suppressed (an empty cell), "
                          "and further cells are suppressed so that no hidden count can be "
                          "worked back from the row and column totals. Suppressed cells in "
                          "this package: **%u**.%s A rate is shown only when every count it is "
                          "made of is shown.\n", job->options->threshold, s->n_suppressed,
                          job->options->round5 ? " Published counts are rounded to the nearest "
                          "5 (totals on their own, so rounded cells need not add up)." : "");
  g_string_append_printf (out, "- **Re-identification risk.** Over the quasi-identifiers of "
                          "`cases.csv` (offence type, %s, victim and suspect age band and sex, "
                          "relationship; the workspace is one force, so there is no area), the "
                          "smallest group of records sharing all their values has **k = %u** "
                          "record%s; **%u** of %u records are in groups smaller than %u.",
                          job->options->coarsen_month ? "report quarter" : "report month",
                          s->k.k, s->k.k == 1 ? "" : "s", s->k.n_records_below, s->k.n_records,
                          job->options->threshold);
  if (job->options->coarsen_month || job->options->coarsen_age)
    g_string_append_printf (out, " Coarsened for this export:%s%s.",
                            job->options->coarsen_month ? " quarters instead of months" : "",
                            job->options->coarsen_age ? (job->options->coarsen_month
                                                         ? "; wider age bands (<18, 18-40, 41+)"
                                                         : " wider age bands (<18, 18-40, 41+)")
                                                      : "");
  if (job->options->withhold_small_groups)
    g_string_append_printf (out, " The %u investigation%s with a record in such a group %s "
                            "withheld from every table.", s->n_withheld,
                            s->n_withheld == 1 ? "" : "s", s->n_withheld == 1 ? "was" : "were");
  else
    g_string_append (out, " These records were not withheld: treat the record-level tables "
                     "as personal data, under the data-sharing agreement they were sent under.");
  g_string_append (out, "\n\n");

  g_string_append (out, "## Definitions\n\n"
                   "- A record of `cases.csv` is an investigation × a suspect, as in the Soteria "
                   "academics' harmonised data (\"The Meaning of Missing\"); an investigation "
                   "without a recorded suspect has one record with empty suspect fields.\n"
                   "- Outcome groups follow that data: charged (1, 1A, 2A, 3A), other sanction, "
                   "prosecution prevented or not in the public interest, evidential difficulties "
                   "attributed to the victim (14, 16), evidential difficulties due to the "
                   "investigation (15, 18), transferred (20), unknown.\n"
                   "- Interval bands: same-day, 1-2, 3-10, 11-100, >100 days, unknown. Days are "
                   "between UK calendar days.\n"
                   "- CPS decisions and charge rates count suspects, by each suspect's decision "
                   "in force (the latest). The CPS charge rate is charged ÷ legal decisions "
                   "(charge, NFA evidential, NFA public interest, out-of-court disposal); the "
                   "other is charged ÷ (charged + NFA).\n"
                   "- Quarters are calendar quarters (2024-Q1 is January to March 2024). Volume "
                   "and decision tables count events dated in the period; the other tables "
                   "describe the investigations reported in it.\n\n");

  g_string_append (out, "## Notes\n\n");
  for (guint i = 0; i < job->resources->len; i++)
    {
      Resource *r = g_ptr_array_index (job->resources, i);

      if (r->note != NULL)
        g_string_append_printf (out, "- `%s`: %s\n", r->path, r->note);
    }
  for (guint i = 0; i < job->notes->len; i++)
    g_string_append_printf (out, "- %s\n", (const char *) g_ptr_array_index (job->notes, i));
  g_string_append_printf (out, "- Made by Soteria Workbench %s from a workspace of schema version "
                          "%d. Package id %s.\n", PACKAGE_VERSION, job->schema_version,
                          s->package_id);

  return g_string_free (out, FALSE);
}

gboolean
sot_export_write_metadata (Job     *job,
                           GError **error)
{
  g_autofree char *datapackage = build_datapackage (job);
  g_autofree char *readme = build_readme (job);
  g_autofree char *datapackage_sha = NULL;
  g_autofree char *readme_sha = NULL;
  g_autoptr(GString) manifest = g_string_new (NULL);

  if (!sot_export_write_small_file (job, "datapackage.json", datapackage, &datapackage_sha,
                                    error) ||
      !sot_export_write_small_file (job, "README.md", readme, &readme_sha, error))
    return FALSE;

  for (guint i = 0; i < job->resources->len; i++)
    {
      Resource *r = g_ptr_array_index (job->resources, i);

      g_string_append_printf (manifest, "%s  %s\n", r->sha256, r->path);
    }
  g_string_append_printf (manifest, "%s  datapackage.json\n", datapackage_sha);
  g_string_append_printf (manifest, "%s  README.md\n", readme_sha);

  return sot_export_write_small_file (job, "manifest.sha256", manifest->str, NULL, error);
}
