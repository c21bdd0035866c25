/* kz-matrix-layout.c — areas (rows) × events of one kind (columns): pure computation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The matrix answers "which areas came up at each round of this dialogue, and how far did
 * they go": one row per area, one column per event of the chosen kind in date order, each
 * cell the stage the area reached at that event. Like the timeline layout, nothing here
 * draws or knows about widgets: the matrix renderer and view read what this fills, and the
 * tests check it with a fake text measure.
 */

#include "config.h"

#define G_LOG_DOMAIN "kz-matrix"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kz-matrix-layout.h"

/* Geometry, in logical pixels: the timeline's margins, so the two read as one family. */
#define PAD_X              16.0
#define PAD_Y              12.0
#define TITLE_HEIGHT       46.0
#define HEADER_HEIGHT      42.0
#define LEGEND_HEIGHT      30.0
#define FOOTER_HEIGHT      20.0
#define LABEL_COLUMN_MIN   96.0
#define LABEL_COLUMN_MAX   240.0
#define LABEL_GAP          14.0    /* between the row labels and the grid */
#define LABEL_SHARE        0.28    /* of a narrow view, at most, for the row labels */
#define COLUMN_LABEL_GAP   6.0     /* between two column labels side by side */
#define FILL_MAX_WIDTH     150.0   /* with KZ_TIMELINE_LAYOUT_FILL: a page's cells may grow */
#define FILL_MAX_HEIGHT    64.0
#define ELLIPSIS           "…"

struct _KzMatrixLayout {
  KzDataset             *dataset;
  KzKind                *kind;
  GPtrArray             *areas;          /* KzArea (owned), or NULL for all of the dataset's */
  gboolean               has_range;
  gint64                 first_day;
  gint64                 last_day;
  KzEvent               *selected;       /* borrowed: compared, never dereferenced */

  KzTimelineMeasureFunc  measure;
  gpointer               measure_data;
  GDestroyNotify         measure_destroy;

  gboolean               dirty;          /* rows, columns and cells need rebuilding */
  gboolean               text_dirty;     /* widths need measuring */
  GArray                *columns;        /* KzMatrixColumn */
  GArray                *rows;           /* KzMatrixRow */
  GArray                *cells;          /* KzMatrixCell, row-major */
  GPtrArray             *row_labels;     /* char *: the shortened name, or NULL */
  double                 label_room;     /* the room row_labels were shortened for */
  double                 label_column;   /* widest row label, with its swatch */
  double                 widest_column_label;
  gboolean               rounds;         /* every column has a round */
  char                  *title_text;

  KzMatrixGeometry       geometry;
};

KzMatrixLayout *
kz_matrix_layout_new (void)
{
  KzMatrixLayout *self = g_new0 (KzMatrixLayout, 1);

  self->columns = g_array_new (FALSE, TRUE, sizeof (KzMatrixColumn));
  self->rows = g_array_new (FALSE, TRUE, sizeof (KzMatrixRow));
  self->cells = g_array_new (FALSE, TRUE, sizeof (KzMatrixCell));
  self->row_labels = g_ptr_array_new_with_free_func (g_free);
  self->dirty = TRUE;
  self->text_dirty = TRUE;

  return self;
}

void
kz_matrix_layout_free (KzMatrixLayout *self)
{
  if (self == NULL)
    return;

  if (self->measure_destroy != NULL)
    self->measure_destroy (self->measure_data);
  g_clear_object (&self->dataset);
  g_clear_object (&self->kind);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->row_labels, g_ptr_array_unref);
  g_free (self->title_text);
  g_free (self);
}

void
kz_matrix_layout_set_dataset (KzMatrixLayout *self,
                              KzDataset      *dataset)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  /* The kind, areas and selection belonged to the old dataset. */
  g_clear_object (&self->kind);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  self->selected = NULL;
  self->dirty = TRUE;
}

KzDataset *
kz_matrix_layout_get_dataset (KzMatrixLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dataset;
}

/* The kind whose events are the columns; NULL shows no columns. */
void
kz_matrix_layout_set_kind (KzMatrixLayout *self,
                           KzKind         *kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind == NULL || KZ_IS_KIND (kind));

  if (g_set_object (&self->kind, kind))
    self->dirty = TRUE;
}

KzKind *
kz_matrix_layout_get_kind (KzMatrixLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->kind;
}

/* The rows, in order; all of the dataset's areas until this is called. */
void
kz_matrix_layout_set_areas (KzMatrixLayout *self,
                            KzArea * const *areas,
                            guint           n_areas)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (areas != NULL || n_areas == 0);

  g_clear_pointer (&self->areas, g_ptr_array_unref);
  self->areas = g_ptr_array_new_full (n_areas, g_object_unref);
  for (guint i = 0; i < n_areas; i++)
    g_ptr_array_add (self->areas, g_object_ref (areas[i]));
  self->dirty = TRUE;
}

/* Only events that overlap first_day..last_day (inclusive day numbers) become columns. */
void
kz_matrix_layout_set_range (KzMatrixLayout *self,
                            gboolean        has_range,
                            gint64          first_day,
                            gint64          last_day)
{
  g_return_if_fail (self != NULL);

  has_range = !!has_range;
  if (self->has_range == has_range &&
      (!has_range || (self->first_day == first_day && self->last_day == last_day)))
    return;

  self->has_range = has_range;
  self->first_day = first_day;
  self->last_day = last_day;
  self->dirty = TRUE;
}

void
kz_matrix_layout_set_selected (KzMatrixLayout *self,
                               KzEvent        *event)
{
  g_return_if_fail (self != NULL);

  self->selected = event;
  for (guint i = 0; i < self->columns->len; i++)
    {
      KzMatrixColumn *column = &g_array_index (self->columns, KzMatrixColumn, i);

      column->selected = column->event == event;
    }
}

void
kz_matrix_layout_set_measure_func (KzMatrixLayout        *self,
                                   KzTimelineMeasureFunc  measure,
                                   gpointer               user_data,
                                   GDestroyNotify         destroy)
{
  g_return_if_fail (self != NULL);

  if (self->measure_destroy != NULL)
    self->measure_destroy (self->measure_data);
  self->measure = measure;
  self->measure_data = user_data;
  self->measure_destroy = destroy;
  self->text_dirty = TRUE;
}

/* Fonts changed: every width measured so far is stale. */
void
kz_matrix_layout_invalidate_text (KzMatrixLayout *self)
{
  g_return_if_fail (self != NULL);

  self->text_dirty = TRUE;
}

static double
measure_text (KzMatrixLayout *self,
              const char     *text)
{
  if (text == NULL || *text == '\0')
    return 0.0;
  if (self->measure == NULL)
    return 7.0 * g_utf8_strlen (text, -1);

  return self->measure (text, self->measure_data);
}

/* ------------------------------------------------------------------------------------------ */
/* Rows, columns and cells: rebuilt when the dataset, kind, areas or range change             */

/* Column labels repeat (columns are in date order, months are twelve): each is formatted
 * once per build, not once per column of a hundred thousand. */
typedef struct {
  gboolean have_year;
  int      year;
  char     year_text[sizeof ((KzMatrixColumn *) NULL)->label];
  char     months[13][sizeof ((KzMatrixColumn *) NULL)->sublabel];
  gboolean have_month[13];
} LabelCache;

/* The year of date, as the model writes years (“2026”, “44 BC”). */
static void
format_year (LabelCache   *cache,
             const KzDate *date,
             char         *out,
             gsize         size)
{
  if (!cache->have_year || cache->year != date->year)
    {
      KzDate year = { .year = date->year };
      g_autofree char *text = kz_date_format (&year);

      g_strlcpy (cache->year_text, text, sizeof cache->year_text);
      cache->year = date->year;
      cache->have_year = TRUE;
    }
  g_strlcpy (out, cache->year_text, size);
}

/* The abbreviated month from the locale (“Mar”), or "" when the date has none. */
static void
format_month (LabelCache   *cache,
              const KzDate *date,
              char         *out,
              gsize         size)
{
  *out = '\0';
  if (date->month == 0 || date->month > 12 || date->year < 1)
    return;

  if (!cache->have_month[date->month])
    {
      g_autoptr(GDateTime) time = g_date_time_new_utc (date->year, date->month, 1, 0, 0, 0);
      g_autofree char *text = time != NULL ? g_date_time_format (time, "%b") : NULL;

      g_strlcpy (cache->months[date->month], text != NULL ? text : "", sizeof cache->months[0]);
      cache->have_month[date->month] = TRUE;
    }
  g_strlcpy (out, cache->months[date->month], size);
}

static gboolean
in_range (KzMatrixLayout *self,
          KzEvent        *event)
{
  const KzDate *date = kz_event_get_date (event);
  const KzDate *end = kz_event_get_end (event);

  if (!self->has_range)
    return TRUE;

  return kz_date_get_first_day (date) <= self->last_day &&
         kz_date_get_last_day (end != NULL ? end : date) >= self->first_day;
}

static void
ensure_built (KzMatrixLayout *self)
{
  g_autofree int *slot_to_row = NULL;
  guint n_rows, n_columns, n_slots;

  if (!self->dirty)
    return;
  self->dirty = FALSE;
  self->text_dirty = TRUE;
  self->label_room = -1.0;

  g_array_set_size (self->columns, 0);
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->row_labels, 0);
  self->rounds = FALSE;

  if (self->dataset == NULL)
    return;

  if (self->kind != NULL)
    {
      guint n_positions;
      const guint *positions = kz_dataset_get_kind_positions (self->dataset, self->kind, &n_positions);
      LabelCache labels = { 0 };

      self->rounds = TRUE;
      for (guint p = 0; p < n_positions; p++)
        {
          guint i = positions[p];
          KzEvent *event = kz_dataset_get_event (self->dataset, i);
          KzMatrixColumn column = { 0 };

          if (!in_range (self, event))
            continue;

          column.event = event;
          column.position = i;
          column.selected = event == self->selected;
          if (kz_event_get_round (event) > 0)
            {
              g_snprintf (column.label, sizeof column.label, "%u", kz_event_get_round (event));
              format_year (&labels, kz_event_get_date (event), column.sublabel, sizeof column.sublabel);
            }
          else
            {
              self->rounds = FALSE;
              format_year (&labels, kz_event_get_date (event), column.label, sizeof column.label);
              format_month (&labels, kz_event_get_date (event), column.sublabel, sizeof column.sublabel);
            }
          g_array_append_val (self->columns, column);
        }
      if (self->columns->len == 0)
        self->rounds = FALSE;
    }

  if (self->areas != NULL)
    {
      for (guint i = 0; i < self->areas->len; i++)
        {
          KzMatrixRow row = { .area = g_ptr_array_index (self->areas, i) };

          g_array_append_val (self->rows, row);
        }
    }
  else
    {
      GListModel *areas = kz_dataset_get_areas (self->dataset);
      guint n_areas = g_list_model_get_n_items (areas);

      for (guint i = 0; i < n_areas; i++)
        {
          g_autoptr(KzArea) area = g_list_model_get_item (areas, i);
          /* The dataset's list keeps the area alive; rows borrow it. */
          KzMatrixRow row = { .area = area };

          g_array_append_val (self->rows, row);
        }
    }

  n_rows = self->rows->len;
  n_columns = self->columns->len;
  g_array_set_size (self->cells, n_rows * n_columns);
  g_ptr_array_set_size (self->row_labels, n_rows);

  /* Column by column, each event's own few entries: every event is read once, not once a
   * row (a hundred thousand columns are scattered through memory). Cells start empty. */
  n_slots = g_list_model_get_n_items (kz_dataset_get_areas (self->dataset));
  slot_to_row = g_new (int, MAX (n_slots, 1));
  for (guint i = 0; i < n_slots; i++)
    slot_to_row[i] = -1;
  for (guint r = 0; r < n_rows; r++)
    {
      KzMatrixRow *row = &g_array_index (self->rows, KzMatrixRow, r);
      guint slot = kz_area_get_index (row->area);

      row->rgb = kz_area_get_rgb (row->area);
      if (slot < n_slots && slot_to_row[slot] < 0)
        slot_to_row[slot] = (int) r;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      KzEvent *event = g_array_index (self->columns, KzMatrixColumn, c).event;

      for (guint j = 0; j < kz_event_get_n_areas (event); j++)
        {
          const KzEventArea *entry = kz_event_get_area (event, j);
          guint slot = kz_area_get_index (entry->area);
          KzMatrixRow *row;
          KzMatrixCell *cell;

          if (slot >= n_slots || slot_to_row[slot] < 0)
            continue;
          row = &g_array_index (self->rows, KzMatrixRow, slot_to_row[slot]);
          cell = &g_array_index (self->cells, KzMatrixCell, (guint) slot_to_row[slot] * n_columns + c);
          /* The row's own area (not another dataset's at the same index), first entry wins */
          if (row->area != entry->area || cell->entry != NULL)
            continue;
          cell->entry = entry;
          cell->stage = entry->stage;
          row->n_touched++;
        }
    }
}

static char *
shorten_text (KzMatrixLayout *self,
              const char     *text,
              double          max_width)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  glong n_chars = g_utf8_strlen (text, -1);
  glong lo = 0, hi = MAX (n_chars - 1, 0);
  const char *end;

  /* Longest prefix that fits with its ellipsis: bisection over characters. */
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;

      end = g_utf8_offset_to_pointer (text, mid);
      g_string_truncate (scratch, 0);
      g_string_append_len (scratch, text, end - text);
      g_string_append (scratch, ELLIPSIS);
      if (measure_text (self, scratch->str) <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }

  end = g_utf8_offset_to_pointer (text, lo);
  /* "Civil nuclear …" reads worse than "Civil nuclear…". */
  while (end > text && end[-1] == ' ')
    end--;
  g_string_truncate (scratch, 0);
  g_string_append_len (scratch, text, end - text);
  g_string_append (scratch, ELLIPSIS);

  return g_string_free (g_steal_pointer (&scratch), FALSE);
}

/* @widths: text → width (a g_new'd double), the keys borrowed from the columns */
static double
measure_text_once (KzMatrixLayout *self,
                   GHashTable     *widths,
                   const char     *text)
{
  double *width = g_hash_table_lookup (widths, text);

  if (width == NULL)
    {
      width = g_new (double, 1);
      *width = measure_text (self, text);
      g_hash_table_insert (widths, (gpointer) text, width);
    }
  return *width;
}

static void
ensure_text (KzMatrixLayout *self)
{
  GHashTable *widths;
  double column = 0.0;

  if (!self->text_dirty)
    return;
  self->text_dirty = FALSE;
  self->label_room = -1.0;

  for (guint r = 0; r < self->rows->len; r++)
    {
      KzMatrixRow *row = &g_array_index (self->rows, KzMatrixRow, r);

      row->label_width = measure_text (self, kz_area_get_name (row->area));
      column = MAX (column, row->label_width);
    }
  self->label_column = CLAMP (column + KZ_TIMELINE_SWATCH_SPACE, LABEL_COLUMN_MIN, LABEL_COLUMN_MAX);

  /* Column labels are years, months and round numbers: a few dozen texts however many
   * columns, each measured once (a million events make 100 000 columns). */
  widths = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->widest_column_label = 0.0;
  for (guint c = 0; c < self->columns->len; c++)
    {
      KzMatrixColumn *col = &g_array_index (self->columns, KzMatrixColumn, c);

      col->label_width = measure_text_once (self, widths, col->label);
      col->sublabel_width = measure_text_once (self, widths, col->sublabel);
      self->widest_column_label = MAX (self->widest_column_label,
                                       MAX (col->label_width, col->sublabel_width));
    }
  g_hash_table_unref (widths);
}

/* Every step-th column label shows when they are too wide for their columns; the selected
 * column's always does, and its neighbours give way. */
static void
thin_column_labels (KzMatrixLayout *self,
                    double          cell_width)
{
  guint n = self->columns->len;
  guint step = 1;
  int selected = -1;

  if (cell_width > 0 && self->widest_column_label + COLUMN_LABEL_GAP > cell_width)
    step = (guint) ceil ((self->widest_column_label + COLUMN_LABEL_GAP) / cell_width);

  for (guint c = 0; c < n; c++)
    {
      KzMatrixColumn *column = &g_array_index (self->columns, KzMatrixColumn, c);

      column->show_label = c % step == 0;
      if (column->selected)
        selected = (int) c;
    }

  if (selected >= 0 && step > 1)
    {
      for (int c = MAX (0, selected - (int) step + 1); c < MIN ((int) n, selected + (int) step); c++)
        g_array_index (self->columns, KzMatrixColumn, c).show_label = FALSE;
      g_array_index (self->columns, KzMatrixColumn, selected).show_label = TRUE;
    }
}

static double
fixed_height (KzTimelineLayoutFlags flags)
{
  double height = 2 * PAD_Y + HEADER_HEIGHT;

  if (flags & KZ_TIMELINE_LAYOUT_TITLE)
    height += TITLE_HEIGHT + 8.0;
  if (flags & KZ_TIMELINE_LAYOUT_LEGEND)
    height += LEGEND_HEIGHT + 8.0;
  if (flags & KZ_TIMELINE_LAYOUT_FOOTER)
    height += FOOTER_HEIGHT + 4.0;

  return height;
}

/**
 * kz_matrix_layout_update:
 *
 * Places everything for @view: the cells share the room left after the labels, up to
 * KZ_MATRIX_CELL_MAX_WIDTH × KZ_MATRIX_CELL_MAX_HEIGHT each (more on a page, with
 * KZ_TIMELINE_LAYOUT_FILL); the legend and the footer follow the grid.
 */
void
kz_matrix_layout_update (KzMatrixLayout         *self,
                         const KzMatrixViewport *view)
{
  KzMatrixGeometry *g = &self->geometry;
  guint n_rows, n_columns;
  double y, bottom, avail_w, avail_h, grid_x, max_w, max_h;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);

  ensure_built (self);
  ensure_text (self);

  n_rows = self->rows->len;
  n_columns = self->columns->len;

  memset (g, 0, sizeof *g);
  g->width = MAX (view->width, 1.0);
  g->height = MAX (view->height, 1.0);
  g->flags = view->flags;
  g->n_rows = n_rows;
  g->n_columns = n_columns;

  g_clear_pointer (&self->title_text, g_free);
  if (view->title != NULL)
    self->title_text = g_strdup (view->title);
  else if (self->dataset != NULL)
    self->title_text = g_strdup (kz_dataset_get_title (self->dataset));
  g->title_text = self->title_text;
  g->subtitle_text = view->subtitle;
  g->footer_text = view->footer;
  g->corner_label = self->rounds ? /* Translators: the heading of the matrix's column labels when they are round numbers */
                                     C_("matrix corner", "Round") : NULL;

  /* Row labels take at most a share of a narrow view. */
  g->label_x = PAD_X;
  g->label_width = MIN (self->label_column, MAX (LABEL_COLUMN_MIN, floor (g->width * LABEL_SHARE)));
  grid_x = PAD_X + g->label_width + LABEL_GAP;

  y = PAD_Y;
  if (view->flags & KZ_TIMELINE_LAYOUT_TITLE)
    {
      g->title = (KzTimelineRect) { PAD_X, y, g->width - 2 * PAD_X, TITLE_HEIGHT };
      y += TITLE_HEIGHT + 8.0;
    }

  bottom = g->height - (fixed_height (view->flags) - y - HEADER_HEIGHT);
  avail_h = MAX (bottom - y - HEADER_HEIGHT, 0.0);
  avail_w = MAX (g->width - PAD_X - grid_x, 0.0);

  max_w = (view->flags & KZ_TIMELINE_LAYOUT_FILL) ? FILL_MAX_WIDTH : KZ_MATRIX_CELL_MAX_WIDTH;
  max_h = (view->flags & KZ_TIMELINE_LAYOUT_FILL) ? FILL_MAX_HEIGHT : KZ_MATRIX_CELL_MAX_HEIGHT;
  g->cell_width = n_columns > 0 ? MIN (max_w, floor (avail_w / n_columns)) : max_w;
  g->cell_height = n_rows > 0 ? MIN (max_h, floor (avail_h / n_rows)) : max_h;
  g->cell_width = MAX (g->cell_width, 1.0);
  g->cell_height = MAX (g->cell_height, 1.0);

  g->header = (KzTimelineRect) { grid_x, y, n_columns * g->cell_width, HEADER_HEIGHT };
  g->header_label_y = y + 12.0;
  g->header_sublabel_y = y + 29.0;
  y += HEADER_HEIGHT;

  g->grid = (KzTimelineRect) { grid_x, y, n_columns * g->cell_width, n_rows * g->cell_height };
  y += g->grid.height;

  if (view->flags & KZ_TIMELINE_LAYOUT_LEGEND)
    {
      g->legend = (KzTimelineRect) { PAD_X, y + 8.0, g->width - 2 * PAD_X, LEGEND_HEIGHT };
      y += LEGEND_HEIGHT + 8.0;
    }
  if (view->flags & KZ_TIMELINE_LAYOUT_FOOTER)
    g->footer = (KzTimelineRect) { PAD_X, MAX (y + 4.0, g->height - PAD_Y - FOOTER_HEIGHT),
                                   g->width - 2 * PAD_X, FOOTER_HEIGHT };

  for (guint c = 0; c < n_columns; c++)
    {
      KzMatrixColumn *column = &g_array_index (self->columns, KzMatrixColumn, c);

      column->x = grid_x + c * g->cell_width;
      column->width = g->cell_width;
    }
  thin_column_labels (self, g->cell_width);

  for (guint r = 0; r < n_rows; r++)
    {
      KzMatrixRow *row = &g_array_index (self->rows, KzMatrixRow, r);
      double room = g->label_width - KZ_TIMELINE_SWATCH_SPACE;
      const char *name = kz_area_get_name (row->area);
      char *shortened = g_ptr_array_index (self->row_labels, r);

      row->y = g->grid.y + r * g->cell_height;
      row->height = g->cell_height;

      if (measure_text (self, name) <= room)
        {
          row->label = name;
          row->label_width = measure_text (self, name);
        }
      else
        {
          /* Shortened for this room; kept while the room stays the same. */
          if (shortened == NULL || self->label_room != room)
            {
              shortened = shorten_text (self, name, room);
              g_free (g_ptr_array_index (self->row_labels, r));
              g_ptr_array_index (self->row_labels, r) = shortened;
            }
          row->label = shortened;
          row->label_width = measure_text (self, shortened);
        }
    }
  self->label_room = n_rows > 0 ? g->label_width - KZ_TIMELINE_SWATCH_SPACE : 0.0;
}

const KzMatrixGeometry *
kz_matrix_layout_get_geometry (const KzMatrixLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->geometry;
}

const KzMatrixColumn *
kz_matrix_layout_get_columns (const KzMatrixLayout *self,
                              guint                *n_columns)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_columns != NULL)
    *n_columns = self->columns->len;
  return (const KzMatrixColumn *) (gpointer) self->columns->data;
}

const KzMatrixRow *
kz_matrix_layout_get_rows (const KzMatrixLayout *self,
                           guint                *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_rows != NULL)
    *n_rows = self->rows->len;
  return (const KzMatrixRow *) (gpointer) self->rows->data;
}

const KzMatrixCell *
kz_matrix_layout_get_cell (const KzMatrixLayout *self,
                           guint                 row,
                           guint                 column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->cells, KzMatrixCell, row * self->columns->len + column);
}

KzTimelineRect
kz_matrix_layout_get_cell_rect (const KzMatrixLayout *self,
                                guint                 row,
                                guint                 column)
{
  const KzMatrixGeometry *g;

  g_return_val_if_fail (self != NULL, (KzTimelineRect) { 0 });

  g = &self->geometry;
  return (KzTimelineRect) { g->grid.x + column * g->cell_width, g->grid.y + row * g->cell_height,
                            g->cell_width, g->cell_height };
}

/* The column of event, or -1 when it is not one. */
int
kz_matrix_layout_find_column (const KzMatrixLayout *self,
                              KzEvent              *event)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, KzMatrixColumn, c).event == event)
      return (int) c;

  return -1;
}

gboolean
kz_matrix_layout_hit_test (const KzMatrixLayout *self,
                           double                x,
                           double                y,
                           KzMatrixHit          *hit)
{
  const KzMatrixGeometry *g;
  guint n_rows, n_columns;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  g = &self->geometry;
  n_rows = MIN (g->n_rows, self->rows->len);
  n_columns = MIN (g->n_columns, self->columns->len);

  if (n_columns > 0 && x >= g->grid.x && x < g->grid.x + g->grid.width)
    {
      guint column = MIN ((guint) floor ((x - g->grid.x) / g->cell_width), n_columns - 1);
      const KzMatrixColumn *col = &g_array_index (self->columns, KzMatrixColumn, column);

      if (n_rows > 0 && y >= g->grid.y && y < g->grid.y + g->grid.height)
        {
          guint row = MIN ((guint) floor ((y - g->grid.y) / g->cell_height), n_rows - 1);

          hit->kind = KZ_MATRIX_HIT_CELL;
          hit->row = row;
          hit->column = column;
          hit->event = col->event;
          hit->area = g_array_index (self->rows, KzMatrixRow, row).area;
          hit->cell = kz_matrix_layout_get_cell (self, row, column);
          hit->bounds = kz_matrix_layout_get_cell_rect (self, row, column);
          return TRUE;
        }

      if (y >= g->header.y && y < g->header.y + g->header.height)
        {
          hit->kind = KZ_MATRIX_HIT_COLUMN;
          hit->column = column;
          hit->event = col->event;
          hit->bounds = (KzTimelineRect) { col->x, g->header.y, col->width, g->header.height };
          return TRUE;
        }
    }

  if (n_rows > 0 && x >= g->label_x && x < g->label_x + g->label_width &&
      y >= g->grid.y && y < g->grid.y + g->grid.height)
    {
      guint row = MIN ((guint) floor ((y - g->grid.y) / g->cell_height), n_rows - 1);
      const KzMatrixRow *r = &g_array_index (self->rows, KzMatrixRow, row);

      hit->kind = KZ_MATRIX_HIT_ROW;
      hit->row = row;
      hit->area = r->area;
      hit->bounds = (KzTimelineRect) { g->label_x, r->y, g->label_width, r->height };
      return TRUE;
    }

  hit->kind = KZ_MATRIX_HIT_NONE;
  return FALSE;
}

/* The narrowest width whose grid is grid_width wide, with the row labels as
 * kz_matrix_layout_update() sizes them: their own width, but at most LABEL_SHARE of the
 * whole and never less than LABEL_COLUMN_MIN. */
static double
width_for_cells (KzMatrixLayout *self,
                 double          grid_width)
{
  double fixed = 2 * PAD_X + LABEL_GAP + grid_width;
  double width;

  /* The labels at their smallest, if the width leaves them no more */
  width = fixed + LABEL_COLUMN_MIN;
  if (floor (width * LABEL_SHARE) <= LABEL_COLUMN_MIN)
    return width;

  /* A share of the width, if that is less than they want */
  width = ceil (fixed / (1.0 - LABEL_SHARE));
  if (floor (width * LABEL_SHARE) < self->label_column)
    return width + 1;

  /* All they want */
  return fixed + self->label_column;
}

/**
 * kz_matrix_layout_get_preferred_size:
 *
 * The size the matrix needs with its smallest cells (minimum) and its largest (natural),
 * with the parts @flags ask for.
 */
void
kz_matrix_layout_get_preferred_size (KzMatrixLayout        *self,
                                     KzTimelineLayoutFlags  flags,
                                     double                *minimum_width,
                                     double                *natural_width,
                                     double                *minimum_height,
                                     double                *natural_height)
{
  double fixed_h;
  guint n_rows, n_columns;

  g_return_if_fail (self != NULL);

  ensure_built (self);
  ensure_text (self);

  n_rows = self->rows->len;
  n_columns = self->columns->len;
  fixed_h = fixed_height (flags);

  if (minimum_width != NULL)
    *minimum_width = width_for_cells (self, n_columns * KZ_MATRIX_CELL_MIN_WIDTH);
  if (natural_width != NULL)
    *natural_width = width_for_cells (self, n_columns * KZ_MATRIX_CELL_MAX_WIDTH);
  if (minimum_height != NULL)
    *minimum_height = fixed_h + n_rows * KZ_MATRIX_CELL_MIN_HEIGHT;
  if (natural_height != NULL)
    *natural_height = fixed_h + n_rows * KZ_MATRIX_CELL_MAX_HEIGHT;
}

/**
 * kz_matrix_layout_default_kind:
 *
 * The kind a matrix shows unless told otherwise: the Foreign Ministers' Strategic Dialogue
 * (KZ_MATRIX_DEFAULT_KIND_ID) when the dataset has it, else the kind with the most events
 * (the first of them on a tie).
 *
 * Returns: (transfer none) (nullable): %NULL when the dataset has no kinds
 */
KzKind *
kz_matrix_layout_default_kind (KzDataset *dataset)
{
  GListModel *kinds;
  g_autofree guint *counts = NULL;
  guint n_kinds, best = 0;
  KzKind *kind;

  g_return_val_if_fail (KZ_IS_DATASET (dataset), NULL);

  kind = kz_dataset_lookup_kind (dataset, KZ_MATRIX_DEFAULT_KIND_ID);
  if (kind != NULL)
    return kind;

  kinds = kz_dataset_get_kinds (dataset);
  n_kinds = g_list_model_get_n_items (kinds);
  if (n_kinds == 0)
    return NULL;

  counts = g_new0 (guint, n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(KzKind) item = g_list_model_get_item (kinds, k);

      counts[k] = kz_dataset_count_kind (dataset, item);
    }

  for (guint k = 1; k < n_kinds; k++)
    if (counts[k] > counts[best])
      best = k;

  kind = g_list_model_get_item (kinds, best);
  /* The dataset's list keeps it alive. */
  g_object_unref (kind);
  return kind;
}
