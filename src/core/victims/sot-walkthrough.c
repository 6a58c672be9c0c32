/* sot-walkthrough.c: the digital walkthrough, a victim's plain-language guide to their case
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sot-walkthrough"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sot-pdf.h"
#include "sot-time.h"
#include "sot-walkthrough.h"

#define MARGIN 56.0

/* The stages, in order; the case stands at one of them. */
static const char * const stages[] = { "report", "investigation", "advice", "decision", "court" };

enum { STAGE_REPORT, STAGE_INVESTIGATION, STAGE_ADVICE, STAGE_DECISION, STAGE_COURT };

/* What the guide is made from: nothing of a suspect, a witness, another victim or evidence. */
typedef struct {
  gint64    victim_id;
  char     *victim_uuid;
  char     *language;
  gboolean  enhanced;
  char     *reference;
  char     *status;
  char     *officer;
  gint64    investigation_id;
  char     *investigation_uuid;
  gboolean  early_advice;
  gboolean  charged;
  guint     frequency_days;
  char     *channel;
  char     *next_update;     /* due_at of the open cadence deadline, or NULL */
  char     *isva_service;
  char     *isva_name;
} Facts;

static void
facts_clear (Facts *facts)
{
  g_free (facts->victim_uuid);
  g_free (facts->language);
  g_free (facts->reference);
  g_free (facts->status);
  g_free (facts->officer);
  g_free (facts->investigation_uuid);
  g_free (facts->channel);
  g_free (facts->next_update);
  g_free (facts->isva_service);
  g_free (facts->isva_name);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

static void
block_free (gpointer data)
{
  SotWalkthroughBlock *block = data;

  g_free (block->text);
  g_free (block->detail);
  g_free (block->mark);
  g_free (block);
}

/* Runs @sql with ?1 bound to @id; returns whether it gave a row (left on @stmt to read). */
static gboolean
query_row (SotStore      *store,
           const char    *sql,
           gint64         id,
           sqlite3_stmt **stmt,
           GError       **error)
{
  int rc;

  *stmt = sot_store_prepare (store, sql, error);
  if (*stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (*stmt, 1, id);
  rc = sqlite3_step (*stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sot_store_set_sqlite_error (store, error, _("Cannot read the case for the walkthrough"));
      sqlite3_reset (*stmt);
      *stmt = NULL;
      return FALSE;
    }
  if (rc == SQLITE_DONE)
    sqlite3_reset (*stmt);
  return rc == SQLITE_ROW;
}

static gboolean
read_victim (SotStore    *store,
             const char  *victim_uuid,
             Facts       *facts,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sot_store_prepare (store,
                            "SELECT v.id, v.language, v.enhanced_rights, i.id, i.uuid, "
                            "i.crime_reference, i.status, i.officer FROM victim v "
                            "JOIN investigation i ON i.id = v.investigation_id WHERE v.uuid = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, victim_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return sot_set_not_found (error, _("The victim is no longer recorded."));
    }

  facts->victim_id = sqlite3_column_int64 (stmt, 0);
  facts->victim_uuid = g_strdup (victim_uuid);
  facts->language = sot_store_column_dup (stmt, 1);
  facts->enhanced = sqlite3_column_int (stmt, 2) != 0;
  facts->investigation_id = sqlite3_column_int64 (stmt, 3);
  facts->investigation_uuid = sot_store_column_dup (stmt, 4);
  facts->reference = sot_store_column_dup (stmt, 5);
  facts->status = sot_store_column_dup (stmt, 6);
  facts->officer = sot_store_column_dup (stmt, 7);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_facts (SotStore    *store,
            const char  *victim_uuid,
            Facts       *facts,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (!read_victim (store, victim_uuid, facts, error))
    return FALSE;

  found = query_row (store, "SELECT (SELECT count(*) FROM cps_early_advice WHERE "
                     "investigation_id = ?1), (SELECT count(*) FROM cps_charge WHERE "
                     "investigation_id = ?1)", facts->investigation_id, &stmt, error);
  if (stmt == NULL && !found)
    return FALSE;
  facts->early_advice = sqlite3_column_int (stmt, 0) > 0;
  facts->charged = sqlite3_column_int (stmt, 1) > 0;
  sqlite3_reset (stmt);

  found = query_row (store, "SELECT frequency_days, channel FROM victim_contact_preference "
                     "WHERE victim_id = ?1 ORDER BY changed_at DESC, id DESC LIMIT 1",
                     facts->victim_id, &stmt, error);
  if (found)
    {
      facts->frequency_days = sqlite3_column_int (stmt, 0);
      facts->channel = sot_store_column_dup (stmt, 1);
      sqlite3_reset (stmt);
    }
  else if (stmt == NULL && error != NULL && *error != NULL)
    return FALSE;

  found = query_row (store, "SELECT d.due_at FROM deadline d JOIN victim v ON v.id = ?1 "
                     "WHERE d.kind = 'cadence' AND d.source_uuid = v.uuid AND d.met_at IS NULL "
                     "ORDER BY d.due_at LIMIT 1", facts->victim_id, &stmt, error);
  if (found)
    {
      facts->next_update = sot_store_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  else if (stmt == NULL && error != NULL && *error != NULL)
    return FALSE;

  found = query_row (store, "SELECT service, name FROM isva WHERE victim_id = ?1 AND "
                     "ended_on IS NULL ORDER BY id DESC LIMIT 1", facts->victim_id, &stmt, error);
  if (found)
    {
      facts->isva_service = sot_store_column_dup (stmt, 0);
      facts->isva_name = sot_store_column_dup (stmt, 1);
      sqlite3_reset (stmt);
    }
  else if (stmt == NULL && error != NULL && *error != NULL)
    return FALSE;

  return TRUE;
}

static GKeyFile *
load_texts (const char  *language,
            GError     **error)
{
  g_autofree char *path = g_strdup_printf ("/org/soteria/Workbench/reference/walkthrough-%s.ini",
                                           language);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) texts = g_key_file_new ();

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      sot_set_invalid (error, _("There is no walkthrough in the language “%s”."), language);
      return NULL;
    }

  if (!g_key_file_load_from_bytes (texts, bytes, G_KEY_FILE_NONE, error))
    return NULL;

  return g_steal_pointer (&texts);
}

/* The text @group/@key with each {name} of the pairs after it replaced; NULL ends the list. */
static char *
text (GKeyFile   *texts,
      const char *group,
      const char *key,
      ...)
{
  g_autofree char *raw = g_key_file_get_string (texts, group, key, NULL);
  GString *out = g_string_new (raw != NULL ? raw : "");
  const char *name;
  va_list args;

  va_start (args, key);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autofree char *placeholder = g_strdup_printf ("{%s}", name);

      g_string_replace (out, placeholder, value != NULL ? value : "", 0);
    }
  va_end (args);

  return g_string_free (out, FALSE);
}

/* "4 March 2026" in the guide's language, UK time. */
static char *
format_day (GKeyFile   *texts,
            const char *stored)
{
  g_autoptr(GDateTime) dt = sot_time_parse (stored, NULL);
  g_autoptr(GTimeZone) tz = sot_time_zone_uk ();
  g_autoptr(GDateTime) local = NULL;
  g_auto(GStrv) months = g_key_file_get_string_list (texts, "document", "months", NULL, NULL);

  if (dt == NULL || months == NULL || g_strv_length (months) != 12)
    return g_strdup (stored);

  local = g_date_time_to_timezone (dt, tz);
  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (local),
                          months[g_date_time_get_month (local) - 1],
                          g_date_time_get_year (local));
}

static void
add (GPtrArray          *blocks,
     SotWalkthroughKind  kind,
     char               *text,
     char               *detail,
     char               *mark)
{
  SotWalkthroughBlock *block = g_new0 (SotWalkthroughBlock, 1);

  block->kind = kind;
  block->text = text;
  block->detail = detail;
  block->mark = mark;
  g_ptr_array_add (blocks, block);
}

static guint
current_stage (const Facts *facts)
{
  if (g_strcmp0 (facts->status, "charged") == 0 || facts->charged)
    return STAGE_COURT;
  if (g_strcmp0 (facts->status, "with-cps") == 0 || g_strcmp0 (facts->status, "finalised") == 0)
    return STAGE_DECISION;
  return facts->early_advice ? STAGE_ADVICE : STAGE_INVESTIGATION;
}

static void
add_stages (GPtrArray   *blocks,
            GKeyFile    *texts,
            const Facts *facts)
{
  guint current = current_stage (facts);
  gboolean ended = g_strcmp0 (facts->status, "finalised") == 0;

  add (blocks, SOT_WALKTHROUGH_HEADING, text (texts, "stages", "heading", NULL), NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autofree char *detail_key = g_strconcat (stages[i], "-text", NULL);
      char *mark = NULL;

      if (i < current || (i == current && ended))
        mark = text (texts, "stages", "done", NULL);
      else if (i == current)
        mark = text (texts, "stages", "current", NULL);

      add (blocks, SOT_WALKTHROUGH_STAGE, text (texts, "stages", stages[i], NULL),
           text (texts, "stages", detail_key, NULL), mark);
    }
  if (ended)
    add (blocks, SOT_WALKTHROUGH_PARAGRAPH, text (texts, "stages", "ended", NULL), NULL, NULL);

  add (blocks, SOT_WALKTHROUGH_HEADING, text (texts, "next", "heading", NULL), NULL, NULL);
  add (blocks, SOT_WALKTHROUGH_PARAGRAPH,
       text (texts, "next", ended ? "ended" : stages[MAX (current, STAGE_INVESTIGATION)], NULL),
       NULL, NULL);
}

static void
add_update_and_support (GPtrArray   *blocks,
                        GKeyFile    *texts,
                        const Facts *facts)
{
  add (blocks, SOT_WALKTHROUGH_HEADING, text (texts, "update", "heading", NULL), NULL, NULL);
  if (facts->frequency_days > 0)
    {
      g_autofree char *days = g_strdup_printf ("%u", facts->frequency_days);
      g_autofree char *channel = text (texts, "update", facts->channel, NULL);

      add (blocks, SOT_WALKTHROUGH_PARAGRAPH,
           text (texts, "update", "agreed", "days", days, "channel", channel, NULL), NULL, NULL);
      if (facts->next_update != NULL)
        {
          g_autofree char *date = format_day (texts, facts->next_update);

          add (blocks, SOT_WALKTHROUGH_PARAGRAPH,
               text (texts, "update", "next", "date", date, NULL), NULL, NULL);
        }
    }
  else
    add (blocks, SOT_WALKTHROUGH_PARAGRAPH, text (texts, "update", "none", NULL), NULL, NULL);
  add (blocks, SOT_WALKTHROUGH_PARAGRAPH, text (texts, "update", "events", NULL), NULL, NULL);

  add (blocks, SOT_WALKTHROUGH_HEADING, text (texts, "isva", "heading", NULL), NULL, NULL);
  if (facts->isva_service != NULL)
    {
      add (blocks, SOT_WALKTHROUGH_PARAGRAPH,
           text (texts, "isva", facts->isva_name != NULL ? "named" : "service",
                 "isva", facts->isva_name, "service", facts->isva_service, NULL), NULL, NULL);
      add (blocks, SOT_WALKTHROUGH_PARAGRAPH, text (texts, "isva", "about", NULL), NULL, NULL);
    }
  else
    add (blocks, SOT_WALKTHROUGH_PARAGRAPH, text (texts, "isva", "none", NULL), NULL, NULL);
}

static void
add_rights_and_contact (GPtrArray   *blocks,
                        GKeyFile    *texts,
                        const Facts *facts)
{
  static const char * const rights[] = { "informed", NULL, "review", "statement", "complain" };

  add (blocks, SOT_WALKTHROUGH_HEADING, text (texts, "rights", "heading", NULL), NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rights); i++)
    {
      /* Right 6: 1 working day under enhanced rights, 5 otherwise. */
      const char *key = rights[i] ? rights[i] : facts->enhanced ? "events-one" : "events";

      add (blocks, SOT_WALKTHROUGH_BULLET, text (texts, "rights", key, "days", "5", NULL),
           NULL, NULL);
    }

  add (blocks, SOT_WALKTHROUGH_HEADING, text (texts, "contact", "heading", NULL), NULL, NULL);
  add (blocks, SOT_WALKTHROUGH_BULLET,
       text (texts, "contact", "officer", "officer", facts->officer,
             "reference", facts->reference, NULL), NULL, NULL);
  if (facts->isva_service != NULL)
    add (blocks, SOT_WALKTHROUGH_BULLET, text (texts, "contact", "isva", NULL), NULL, NULL);
  add (blocks, SOT_WALKTHROUGH_BULLET, text (texts, "contact", "danger", NULL), NULL, NULL);
}

GPtrArray *
sot_walkthrough_build (SotStore    *store,
                       const char  *victim_uuid,
                       const char  *language,
                       GError     **error)
{
  g_auto(Facts) facts = { 0 };
  g_autoptr(GKeyFile) texts = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);
  g_return_val_if_fail (victim_uuid != NULL, NULL);

  if (!read_facts (store, victim_uuid, &facts, error))
    return NULL;

  texts = load_texts (language != NULL ? language : facts.language, error);
  if (texts == NULL)
    return NULL;

  now = sot_store_now (store);
  stamp = sot_store_format_time (now);
  today = format_day (texts, stamp);

  blocks = g_ptr_array_new_with_free_func (block_free);
  add (blocks, SOT_WALKTHROUGH_TITLE, text (texts, "document", "title", NULL), NULL, NULL);
  add (blocks, SOT_WALKTHROUGH_PARAGRAPH,
       text (texts, "document", "reference", "reference", facts.reference, NULL),
       text (texts, "document", "made", "date", today, NULL), NULL);
  add (blocks, SOT_WALKTHROUGH_PARAGRAPH, text (texts, "document", "intro", NULL), NULL, NULL);
  add_stages (blocks, texts, &facts);
  add_update_and_support (blocks, texts, &facts);
  add_rights_and_contact (blocks, texts, &facts);

  return g_steal_pointer (&blocks);
}

char *
sot_walkthrough_to_text (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const SotWalkthroughBlock *block = g_ptr_array_index (blocks, i);

      g_string_append (out, block->text);
      if (block->mark != NULL)
        g_string_append_printf (out, " [%s]", block->mark);
      if (block->detail != NULL)
        g_string_append_printf (out, "\n%s", block->detail);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Drawing */

typedef struct {
  cairo_t  *cr;
  GKeyFile *texts;
  char     *done;      /* the mark of a stage passed */
  gboolean  training;
  double    y;
  int       page;
} Doc;

static void
draw_footer (Doc *doc)
{
  g_autofree char *number = g_strdup_printf ("%d", doc->page);
  g_autofree char *page = text (doc->texts, "document", "page", "page", number, NULL);
  g_autofree char *footer = text (doc->texts, "document", "footer", NULL);
  cairo_t *cr = doc->cr;

  cairo_save (cr);
  sot_pdf_set_font (cr, 8.5, FALSE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, SOT_PDF_PAGE_HEIGHT - MARGIN + 24);
  cairo_show_text (cr, footer);
  cairo_move_to (cr, SOT_PDF_PAGE_WIDTH - MARGIN - sot_pdf_text_width (cr, page),
                 SOT_PDF_PAGE_HEIGHT - MARGIN + 24);
  cairo_show_text (cr, page);
  if (doc->training)
    {
      g_autofree char *training = text (doc->texts, "document", "training", NULL);

      sot_pdf_set_font (cr, 8.5, TRUE);
      cairo_set_source_rgb (cr, 0.7, 0.1, 0.1);
      cairo_move_to (cr, MARGIN, MARGIN - 20);
      cairo_show_text (cr, training);
    }
  cairo_restore (cr);
}

/* Starts a new page when @needed points do not fit on this one. */
static void
ensure_space (Doc    *doc,
              double  needed)
{
  if (doc->y + needed <= SOT_PDF_PAGE_HEIGHT - MARGIN)
    return;

  draw_footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  doc->y = MARGIN + 10;
}

/* Draws @str wrapped at @x in @size points from doc->y; moves doc->y below it. */
static void
draw_text (Doc        *doc,
           const char *str,
           double      x,
           double      size,
           gboolean    bold)
{
  double width = SOT_PDF_PAGE_WIDTH - MARGIN - x;
  double leading = size * 1.45;
  g_autoptr(GPtrArray) lines = NULL;

  sot_pdf_set_font (doc->cr, size, bold);
  lines = sot_pdf_wrap_text (doc->cr, str, width);
  ensure_space (doc, leading * lines->len);
  sot_pdf_set_font (doc->cr, size, bold);
  doc->y += leading * sot_pdf_draw_wrapped (doc->cr, x, doc->y, width, leading, str, 0);
}

static void
draw_stage (Doc                       *doc,
            const SotWalkthroughBlock *block)
{
  cairo_t *cr = doc->cr;
  gboolean current = block->mark != NULL && g_strcmp0 (block->mark, doc->done) != 0;

  ensure_space (doc, 70);
  cairo_new_path (cr);
  cairo_set_source_rgb (cr, block->mark != NULL ? 0.1 : 0.55, block->mark != NULL ? 0.3 : 0.55,
                        block->mark != NULL ? 0.65 : 0.55);
  cairo_arc (cr, MARGIN + 6, doc->y - 4, current ? 6 : 4, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_text (doc, block->text, MARGIN + 22, 12, TRUE);
  if (block->mark != NULL)
    {
      cairo_set_source_rgb (cr, 0.1, 0.3, 0.65);
      draw_text (doc, block->mark, MARGIN + 22, 10.5, TRUE);
    }
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  draw_text (doc, block->detail, MARGIN + 22, 10.5, FALSE);
  cairo_set_source_rgb (cr, 0, 0, 0);
  doc->y += 8;
}

static void
draw_block (Doc                       *doc,
            const SotWalkthroughBlock *block)
{
  switch (block->kind)
    {
    case SOT_WALKTHROUGH_TITLE:
      draw_text (doc, block->text, MARGIN, 20, TRUE);
      doc->y += 6;
      break;

    case SOT_WALKTHROUGH_HEADING:
      doc->y += 10;
      ensure_space (doc, 60);
      cairo_set_source_rgb (doc->cr, 0.1, 0.3, 0.65);
      draw_text (doc, block->text, MARGIN, 14.5, TRUE);
      cairo_set_source_rgb (doc->cr, 0, 0, 0);
      doc->y += 2;
      break;

    case SOT_WALKTHROUGH_STAGE:
      draw_stage (doc, block);
      break;

    case SOT_WALKTHROUGH_BULLET:
      sot_pdf_set_font (doc->cr, 11, FALSE);
      ensure_space (doc, 18);
      cairo_move_to (doc->cr, MARGIN + 4, doc->y);
      cairo_show_text (doc->cr, "•");
      draw_text (doc, block->text, MARGIN + 18, 11, FALSE);
      doc->y += 4;
      break;

    case SOT_WALKTHROUGH_PARAGRAPH:
    default:
      draw_text (doc, block->text, MARGIN, 11, FALSE);
      if (block->detail != NULL)
        draw_text (doc, block->detail, MARGIN, 11, FALSE);
      doc->y += 6;
      break;
    }
}

gboolean
sot_walkthrough_write_pdf (SotStore    *store,
                           const char  *victim_uuid,
                           const char  *language,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *lang = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *investigation_uuid = NULL;
  g_autoptr(GKeyFile) texts = NULL;
  cairo_surface_t *surface;
  Doc doc = { 0 };
  gboolean ok;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lang = language != NULL ? g_strdup (language) : sot_victim_get_language (store, victim_uuid);
  blocks = sot_walkthrough_build (store, victim_uuid, lang, error);
  if (blocks == NULL || (texts = load_texts (lang, error)) == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (sot_pdf_write_to_bytes, bytes,
                                                 SOT_PDF_PAGE_WIDTH, SOT_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  ((SotWalkthroughBlock *) blocks->pdata[0])->text);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Soteria Workbench");
  doc.cr = cairo_create (surface);
  doc.texts = texts;
  doc.done = text (texts, "stages", "done", NULL);
  doc.training = sot_store_get_training (store);
  doc.y = MARGIN + 14;
  doc.page = 1;

  for (guint i = 0; i < blocks->len; i++)
    draw_block (&doc, g_ptr_array_index (blocks, i));

  draw_footer (&doc);
  cairo_show_page (doc.cr);
  cairo_destroy (doc.cr);
  g_free (doc.done);
  ok = sot_pdf_finish_to_file (surface, bytes, path, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  /* Given to the victim: a disclosure of their record, to them. */
  reason = g_strdup_printf ("digital walkthrough (%s)", lang);
  if (!sot_store_begin (store, error))
    return FALSE;
  if (!sot_store_audit (store, SOT_AUDIT_DISCLOSE, SOT_ENTITY_VICTIM, victim_uuid, reason,
                        "victim", error))
    {
      sot_store_rollback (store);
      return FALSE;
    }
  return sot_store_commit (store, error);
}

char *
sot_walkthrough_first_victim (SotStore    *store,
                              const char  *crime_reference,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  g_return_val_if_fail (SOT_IS_STORE (store), NULL);

  stmt = sot_store_prepare (store,
                            "SELECT v.uuid FROM victim v JOIN investigation i ON "
                            "i.id = v.investigation_id WHERE i.crime_reference = ?1 "
                            "ORDER BY v.id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, crime_reference, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = sot_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (uuid == NULL)
    sot_set_not_found (error, _("The case %s has no victim recorded."), crime_reference);
  return uuid;
}

gboolean
sot_victim_set_language (SotStore    *store,
                         const char  *victim_uuid,
                         const char  *language,
                         GError     **error)
{
  SotChange change = { SOT_AUDIT_ALTER, SOT_ENTITY_VICTIM, victim_uuid, "language", NULL };
  const char *what = _("Cannot save the victim's language");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOT_IS_STORE (store), FALSE);

  if (g_strcmp0 (language, SOT_LANGUAGE_ENGLISH) != 0 &&
      g_strcmp0 (language, SOT_LANGUAGE_WELSH) != 0)
    return sot_set_invalid (error, _("The language must be English or Welsh."));

  stmt = sot_store_write_begin (store, "UPDATE victim SET language = ?2 WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  if (!sot_store_write_require (store, "SELECT 1 FROM victim WHERE uuid = ?1", victim_uuid,
                                _("The victim is no longer recorded."), error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, victim_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_STATIC);
  return sot_store_write_end (store, stmt, &change, what, error);
}

char *
sot_victim_get_language (SotStore   *store,
                         const char *victim_uuid)
{
  sqlite3_stmt *stmt = sot_store_prepare (store, "SELECT language FROM victim WHERE uuid = ?1",
                                          NULL);
  char *language = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, victim_uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        language = sot_store_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }

  return language != NULL ? language : g_strdup (SOT_LANGUAGE_ENGLISH);
}
