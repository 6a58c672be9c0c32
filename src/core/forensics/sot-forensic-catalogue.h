/* sot-forensic-catalogue.h: the versioned catalogue of forensic sample types and their windows
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SOT_FORENSIC_CATALOGUE_ERROR (sot_forensic_catalogue_error_quark ())

typedef enum {
  SOT_FORENSIC_CATALOGUE_ERROR_INVALID,   /* a malformed catalogue file; the message names where */
  SOT_FORENSIC_CATALOGUE_ERROR_FAILED,    /* the file could not be read */
} SotForensicCatalogueError;

/* Where the active catalogue came from. */
typedef enum {
  SOT_CATALOGUE_ORIGIN_BUILT_IN,
  SOT_CATALOGUE_ORIGIN_REPLACED,   /* a force's file replaced the built-in catalogue */
  SOT_CATALOGUE_ORIGIN_EXTENDED,   /* a force's file added to or changed the built-in one */
} SotCatalogueOrigin;

/* Whose sample: the windows of a complainant and a suspect may differ. */
typedef enum {
  SOT_SAMPLE_SUBJECT_COMPLAINANT,
  SOT_SAMPLE_SUBJECT_SUSPECT,
} SotSampleSubject;

/* The hours of a sample type for which no figure is given. */
#define SOT_FORENSIC_NO_FIGURE (-1)

/* What the product says next to every unconfirmed value, and where no figure exists. Both are
 * marked for translation with N_(); show them with _(). */
#define SOT_FORENSIC_VERIFY_NOTE    N_("verify against the current FFLM table")
#define SOT_FORENSIC_NO_FIGURE_NOTE N_("no figure — verify against the current FFLM table")

/* The resource holding the built-in catalogue. */
#define SOT_FORENSIC_CATALOGUE_RESOURCE "/org/soteria/Workbench/reference/forensic-catalogue.ini"

#define SOT_TYPE_FORENSIC_SAMPLE (sot_forensic_sample_get_type ())
G_DECLARE_FINAL_TYPE (SotForensicSample, sot_forensic_sample, SOT, FORENSIC_SAMPLE, GObject)

#define SOT_TYPE_FORENSIC_CATALOGUE (sot_forensic_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (SotForensicCatalogue, sot_forensic_catalogue, SOT, FORENSIC_CATALOGUE, GObject)

GQuark       sot_forensic_catalogue_error_quark (void);

/* The sample type's stable id ("oral"), also the catalogue group name. */
const char  *sot_forensic_sample_get_id          (SotForensicSample *self);
/* The label as the catalogue gives it (the force's wording, not translated). */
const char  *sot_forensic_sample_get_label       (SotForensicSample *self);
/* The position in the sampling order, 1 first. */
int          sot_forensic_sample_get_order       (SotForensicSample *self);
/**
 * sot_forensic_sample_get_hours:
 * The persistence window in elapsed hours for @subject; a suspect's falls back to the
 * complainant's when the catalogue gives none of its own.
 * Returns: the hours, or %SOT_FORENSIC_NO_FIGURE.
 */
int          sot_forensic_sample_get_hours       (SotForensicSample *self,
                                                  SotSampleSubject   subject);
/* Whether the catalogue gives a suspect window that differs from the complainant's. */
gboolean     sot_forensic_sample_has_suspect_hours (SotForensicSample *self);
const char  *sot_forensic_sample_get_guidance    (SotForensicSample *self);
const char  *sot_forensic_sample_get_source      (SotForensicSample *self);
const char  *sot_forensic_sample_get_source_date (SotForensicSample *self);
/* Whether the figures were confirmed against a named source; if not, the product must say
 * %SOT_FORENSIC_VERIFY_NOTE wherever they are used. */
gboolean     sot_forensic_sample_get_confirmed   (SotForensicSample *self);

/**
 * sot_forensic_catalogue_new_builtin:
 * Loads the catalogue compiled into the program.
 * Returns: (transfer full): the catalogue, or %NULL with @error set (a broken build).
 */
SotForensicCatalogue *sot_forensic_catalogue_new_builtin (GError **error);

/**
 * sot_forensic_catalogue_new_from_data:
 * @data: the text of a catalogue file
 * @length: its length, or -1 when nul-terminated
 * @file_name: the name used in error messages
 * @base: (nullable): the catalogue a file with mode=extend extends; with %NULL, extending is
 *   refused and the file must be a whole catalogue
 *
 * Parses and checks a catalogue file. A malformed file (bad syntax, an unknown key, a negative
 * or non-numeric hours value, a sample type without a label, …) is refused with
 * %SOT_FORENSIC_CATALOGUE_ERROR_INVALID and a message naming the line (or group) and reason.
 * Returns: (transfer full): the catalogue, or %NULL with @error set.
 */
SotForensicCatalogue *sot_forensic_catalogue_new_from_data (const char            *data,
                                                            gssize                 length,
                                                            const char            *file_name,
                                                            SotForensicCatalogue  *base,
                                                            GError               **error);

/* Returns: (transfer full): $XDG_CONFIG_HOME/soteria-workbench/forensic-catalogue.ini. */
char        *sot_forensic_catalogue_default_override_path (void);

/**
 * sot_forensic_catalogue_load:
 * @override_path: (nullable): the force's file; %NULL for the default path
 * @warning: (out) (optional): set when the force's file exists but was refused
 *
 * Loads the active catalogue: the built-in one, replaced or extended by the force's file when
 * it exists and is valid. A refused file leaves the built-in catalogue in use, and @warning
 * carries the reason (with its line) for the UI to show.
 * Returns: (transfer full): the active catalogue; %NULL only when the built-in one is broken.
 */
SotForensicCatalogue *sot_forensic_catalogue_load     (const char            *override_path,
                                                       GError               **warning);

const char  *sot_forensic_catalogue_get_name          (SotForensicCatalogue  *self);
const char  *sot_forensic_catalogue_get_version       (SotForensicCatalogue  *self);
const char  *sot_forensic_catalogue_get_source        (SotForensicCatalogue  *self);
const char  *sot_forensic_catalogue_get_source_date   (SotForensicCatalogue  *self);
SotCatalogueOrigin sot_forensic_catalogue_get_origin  (SotForensicCatalogue  *self);
/* Returns: (nullable): the force's file in use, %NULL for the built-in catalogue. */
const char  *sot_forensic_catalogue_get_override_path (SotForensicCatalogue  *self);
/* Returns: (transfer none): a stable id for @origin ("built-in", "replaced", "extended"). */
const char  *sot_catalogue_origin_to_string           (SotCatalogueOrigin     origin);

/* Returns: (transfer none): the #SotForensicSample items, in sampling order. */
GListModel  *sot_forensic_catalogue_get_samples       (SotForensicCatalogue  *self);
guint        sot_forensic_catalogue_get_n_samples     (SotForensicCatalogue  *self);
/* Returns: (transfer none): the sample type at @position in sampling order. */
SotForensicSample *sot_forensic_catalogue_get_sample  (SotForensicCatalogue  *self,
                                                       guint                  position);
/* Returns: (transfer none) (nullable): the sample type with @id. */
SotForensicSample *sot_forensic_catalogue_lookup      (SotForensicCatalogue  *self,
                                                       const char            *id);

G_END_DECLS
