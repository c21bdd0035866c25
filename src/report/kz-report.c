/* kz-report.c — evolution reports as text, CSV, JSON or Markdown, for the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports are tables: one row per area. Text, CSV and Markdown share one table builder;
 * JSON has its own shape (DESIGN: arrays of ids for a comparison), built with json-glib.
 * Column names and values are data, not prose, so they are not translated: scripts read
 * them.
 */
#define G_LOG_DOMAIN "kz-report"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "kz-area-story.h"
#include "kz-event-comparison.h"
#include "kz-report.h"

gboolean
kz_report_format_from_string (const char     *text,
                              KzReportFormat *out_format)
{
  static const char * const names[] = { "text", "csv", "json", "markdown" };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (text, names[i]) == 0)
        {
          if (out_format != NULL)
            *out_format = (KzReportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ---- Tables ------------------------------------------------------------------------ */

typedef struct
{
  guint      n_columns;
  GPtrArray *cells;   /* char*, row-major, header row first; "" for an empty cell */
} Table;

static void
table_init (Table              *table,
            const char * const *header)
{
  table->n_columns = g_strv_length ((char **) header);
  table->cells = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < table->n_columns; i++)
    g_ptr_array_add (table->cells, g_strdup (header[i]));
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->cells, g_ptr_array_unref);
}

/* Takes n_columns cells; NULL is an empty cell. */
static void
table_add_row (Table      *table,
               const char *first,
               ...)
{
  va_list ap;

  g_ptr_array_add (table->cells, g_strdup (first != NULL ? first : ""));
  va_start (ap, first);
  for (guint i = 1; i < table->n_columns; i++)
    {
      const char *cell = va_arg (ap, const char *);
      g_ptr_array_add (table->cells, g_strdup (cell != NULL ? cell : ""));
    }
  va_end (ap);
}

static const char *
table_cell (const Table *table,
            guint        row,
            guint        column)
{
  return g_ptr_array_index (table->cells, row * table->n_columns + column);
}

static guint
table_n_rows (const Table *table)
{
  return table->cells->len / table->n_columns;
}

/* Columns on a terminal: East Asian wide characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static char *
table_to_text (const Table *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  GString *out = g_string_new (NULL);

  for (guint row = 0; row < table_n_rows (table); row++)
    for (guint column = 0; column < table->n_columns; column++)
      widths[column] = MAX (widths[column], display_width (table_cell (table, row, column)));

  for (guint row = 0; row < table_n_rows (table); row++)
    {
      GString *line = g_string_new (NULL);

      for (guint column = 0; column < table->n_columns; column++)
        {
          const char *cell = table_cell (table, row, column);

          g_string_append (line, cell);
          if (column + 1 < table->n_columns)
            for (guint pad = display_width (cell); pad < widths[column] + 2; pad++)
              g_string_append_c (line, ' ');
        }

      /* No trailing blanks where the last cells are empty. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);

      if (row == 0)
        {
          for (guint column = 0; column < table->n_columns; column++)
            {
              for (guint i = 0; i < widths[column]; i++)
                g_string_append (out, "─");
              if (column + 1 < table->n_columns)
                g_string_append (out, "  ");
            }
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

/* RFC 4180: quote a field that holds a comma, a quote or a line break; double quotes. */
static void
append_csv_field (GString    *out,
                  const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
table_to_csv (const Table *table)
{
  GString *out = g_string_new (NULL);

  for (guint row = 0; row < table_n_rows (table); row++)
    {
      for (guint column = 0; column < table->n_columns; column++)
        {
          if (column > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, table_cell (table, row, column));
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

static void
append_markdown_cell (GString    *out,
                      const char *cell)
{
  g_string_append_c (out, ' ');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '|' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "<br>");
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, " |");
}

static char *
table_to_markdown (const Table *table)
{
  GString *out = g_string_new (NULL);

  for (guint row = 0; row < table_n_rows (table); row++)
    {
      g_string_append_c (out, '|');
      for (guint column = 0; column < table->n_columns; column++)
        append_markdown_cell (out, table_cell (table, row, column));
      g_string_append_c (out, '\n');

      if (row == 0)
        {
          g_string_append_c (out, '|');
          for (guint column = 0; column < table->n_columns; column++)
            g_string_append (out, " --- |");
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

static char *
table_format (const Table    *table,
              KzReportFormat  format)
{
  switch (format)
    {
    case KZ_REPORT_FORMAT_CSV:
      return table_to_csv (table);
    case KZ_REPORT_FORMAT_MARKDOWN:
      return table_to_markdown (table);
    case KZ_REPORT_FORMAT_TEXT:
    case KZ_REPORT_FORMAT_JSON:
    default:
      return table_to_text (table);
    }
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

static char *
date_iso (KzEvent *event)
{
  return event != NULL ? kz_date_to_iso (kz_event_get_date (event)) : NULL;
}

static const char *
event_id (KzEvent *event)
{
  return event != NULL ? kz_event_get_id (event) : NULL;
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* ---- The reports ------------------------------------------------------------------- */

/**
 * kz_report_areas:
 *
 * One row per area, in the dataset's order: when it first appeared, the deepest stage it
 * reached and the first event (in dataset order) that reached it, and its number of events.
 *
 * Returns: (transfer full): the report, ending with a newline
 */
char *
kz_report_areas (KzDataset      *dataset,
                 KzReportFormat  format)
{
  static const char * const header[] = {
    "area", "name", "first_date", "first_event", "deepest_stage", "deepest_date",
    "deepest_event", "events", NULL
  };
  GListModel *areas;
  g_autoptr(JsonBuilder) builder = NULL;
  Table table = { 0 };
  char *result;

  g_return_val_if_fail (KZ_IS_DATASET (dataset), NULL);

  areas = kz_dataset_get_areas (dataset);
  if (format == KZ_REPORT_FORMAT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else
    table_init (&table, header);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(KzArea) area = g_list_model_get_item (areas, i);
      const KzAreaStats *stats = kz_dataset_get_area_stats (dataset, area);
      g_autofree char *first_date = date_iso (stats->first_event);
      g_autofree char *deepest_date = date_iso (stats->deepest_event);
      g_autofree char *count = g_strdup_printf ("%u", stats->n_events);
      const char *deepest_stage = stats->deepest_stage != KZ_STAGE_NONE
                                    ? kz_stage_to_string (stats->deepest_stage) : NULL;

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          add_nullable_string (builder, "area", kz_area_get_id (area));
          add_nullable_string (builder, "name", kz_area_get_name (area));
          add_nullable_string (builder, "first_date", first_date);
          add_nullable_string (builder, "first_event", event_id (stats->first_event));
          add_nullable_string (builder, "deepest_stage", deepest_stage);
          add_nullable_string (builder, "deepest_date", deepest_date);
          add_nullable_string (builder, "deepest_event", event_id (stats->deepest_event));
          json_builder_set_member_name (builder, "events");
          json_builder_add_int_value (builder, stats->n_events);
          json_builder_end_object (builder);
        }
      else
        table_add_row (&table, kz_area_get_id (area), kz_area_get_name (area), first_date,
                       event_id (stats->first_event), deepest_stage, deepest_date,
                       event_id (stats->deepest_event), count);
    }

  if (builder != NULL)
    {
      json_builder_end_array (builder);
      return builder_to_string (builder);
    }

  result = table_format (&table, format);
  table_clear (&table);
  return result;
}

/**
 * kz_report_compare:
 *
 * Every area either event touches, as added, dropped, deepened, weakened or unchanged from
 * @from to @to, with both events' stages and notes.
 *
 * Returns: (transfer full): the report, ending with a newline
 */
char *
kz_report_compare (KzDataset      *dataset,
                   KzEvent        *from,
                   KzEvent        *to,
                   KzReportFormat  format)
{
  static const char * const header[] = {
    "area", "name", "change", "from_stage", "to_stage", "from_note", "to_note", NULL
  };
  g_autoptr(KzEventComparison) comparison = NULL;
  Table table = { 0 };
  char *result;

  g_return_val_if_fail (KZ_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (KZ_IS_EVENT (from) && KZ_IS_EVENT (to), NULL);

  comparison = kz_event_comparison_new (dataset, from, to);

  if (format == KZ_REPORT_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_nullable_string (builder, "from", kz_event_get_id (from));
      add_nullable_string (builder, "to", kz_event_get_id (to));

      for (KzAreaChange change = 0; change < KZ_N_AREA_CHANGES; change++)
        {
          json_builder_set_member_name (builder, kz_area_change_to_string (change));
          json_builder_begin_array (builder);
          for (guint i = 0; i < comparison->n_areas; i++)
            if (comparison->areas[i].change == change)
              json_builder_add_string_value (builder, kz_area_get_id (comparison->areas[i].area));
          json_builder_end_array (builder);
        }

      /* The notes, side by side: null where an event says nothing of the area. */
      json_builder_set_member_name (builder, "notes");
      json_builder_begin_object (builder);
      for (guint i = 0; i < comparison->n_areas; i++)
        {
          const KzAreaComparison *item = &comparison->areas[i];

          json_builder_set_member_name (builder, kz_area_get_id (item->area));
          json_builder_begin_object (builder);
          add_nullable_string (builder, "from", item->from != NULL ? item->from->note : NULL);
          add_nullable_string (builder, "to", item->to != NULL ? item->to->note : NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);

      json_builder_end_object (builder);
      return builder_to_string (builder);
    }

  table_init (&table, header);
  for (guint i = 0; i < comparison->n_areas; i++)
    {
      const KzAreaComparison *item = &comparison->areas[i];

      table_add_row (&table,
                     kz_area_get_id (item->area),
                     kz_area_get_name (item->area),
                     kz_area_change_to_string (item->change),
                     item->from != NULL ? kz_stage_to_string (item->from->stage) : NULL,
                     item->to != NULL ? kz_stage_to_string (item->to->stage) : NULL,
                     item->from != NULL ? item->from->note : NULL,
                     item->to != NULL ? item->to->note : NULL);
    }

  result = table_format (&table, format);
  table_clear (&table);
  return result;
}
