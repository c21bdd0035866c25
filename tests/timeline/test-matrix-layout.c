/* test-matrix-layout.c — the matrix layout with a fake text measure: columns in date order,
 * the stage in each cell, labels, sizes, hit-testing and the default kind
 *
 * tests/data/good/evolution.json has known answers (see tests/test-evolution.c): kind k1 is
 * e1 (2020), e2 (2020-01-01), e4 (2021-05) and e5 (2022-03-04), in that order; kind k2 is e3.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "kz-dataset-loader.h"
#include "kz-matrix-layout.h"
#include "timeline-fixtures.h"

static KzDataset *
load_dataset (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KzDataset *dataset = kz_dataset_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static KzDataset *
load_bundled (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("KZ_BUNDLED_DATASET"));
  g_autoptr(GError) error = NULL;
  KzDataset *dataset = kz_dataset_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static KzMatrixLayout *
new_layout (KzDataset  *dataset,
            const char *kind_id)
{
  KzMatrixLayout *layout = kz_matrix_layout_new ();

  kz_matrix_layout_set_measure_func (layout, fixture_measure, NULL, NULL);
  kz_matrix_layout_set_dataset (layout, dataset);
  kz_matrix_layout_set_kind (layout, kind_id != NULL ? kz_dataset_lookup_kind (dataset, kind_id) : NULL);
  return layout;
}

static void
update (KzMatrixLayout        *layout,
        double                 width,
        double                 height,
        KzTimelineLayoutFlags  flags)
{
  KzMatrixViewport view = { 0 };

  view.width = width;
  view.height = height;
  view.flags = flags;
  kz_matrix_layout_update (layout, &view);
}

/* "e1 e2 e4 e5" */
static char *
column_ids (KzMatrixLayout *layout)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  const KzMatrixColumn *columns;
  guint n;

  columns = kz_matrix_layout_get_columns (layout, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", kz_event_get_id (columns[i].event));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* One row as its cells' stages: "d c - c" (discussed, committed, none, …) */
static char *
row_stages (KzMatrixLayout *layout,
            guint           row)
{
  static const char letters[KZ_N_STAGES] = { '-', 'd', 'c', 'a', 'm' };
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_columns;

  kz_matrix_layout_get_columns (layout, &n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      const KzMatrixCell *cell = kz_matrix_layout_get_cell (layout, row, c);

      g_assert_true ((cell->entry == NULL) == (cell->stage == KZ_STAGE_NONE));
      g_string_append_printf (text, "%s%c", c > 0 ? " " : "", letters[cell->stage]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_columns_in_date_order (void)
{
  g_autoptr(KzDataset) dataset = load_dataset ("evolution.json");
  g_autoptr(KzMatrixLayout) layout = new_layout (dataset, "k1");
  g_autofree char *ids = NULL;
  const KzMatrixColumn *columns;
  guint n;

  update (layout, 800, 400, 0);
  ids = column_ids (layout);
  /* e1 is the year 2020, before 2020-01-01; e3 is of the other kind */
  g_assert_cmpstr (ids, ==, "e1 e2 e4 e5");

  columns = kz_matrix_layout_get_columns (layout, &n);
  for (guint i = 1; i < n; i++)
    {
      g_assert_cmpuint (columns[i].position, >, columns[i - 1].position);
      g_assert_cmpint (kz_date_compare (kz_event_get_date (columns[i - 1].event),
                                        kz_event_get_date (columns[i].event)), <=, 0);
      g_assert_cmpfloat (columns[i].x, >, columns[i - 1].x);
      g_assert_cmpfloat_with_epsilon (columns[i].x, columns[i - 1].x + columns[i - 1].width, 1e-9);
    }

  /* The other kind: one column */
  kz_matrix_layout_set_kind (layout, kz_dataset_lookup_kind (dataset, "k2"));
  update (layout, 800, 400, 0);
  g_clear_pointer (&ids, g_free);
  ids = column_ids (layout);
  g_assert_cmpstr (ids, ==, "e3");

  /* No kind: no columns, rows still */
  kz_matrix_layout_set_kind (layout, NULL);
  update (layout, 800, 400, 0);
  kz_matrix_layout_get_columns (layout, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (kz_matrix_layout_get_geometry (layout)->n_rows, ==, 3);
}

static void
test_cell_stages (void)
{
  g_autoptr(KzDataset) dataset = load_dataset ("evolution.json");
  g_autoptr(KzMatrixLayout) layout = new_layout (dataset, "k1");
  const KzMatrixRow *rows;
  const KzMatrixCell *cell;
  guint n_rows;
  struct { const char *area; const char *stages; guint touched; } expected[] = {
    /*          e1 e2 e4 e5 */
    { "a", "d c - c", 3 },   /* gone at e4, back weaker at e5 */
    { "b", "- a d d", 3 },
    { "c", "- - m -", 1 },
  };

  update (layout, 800, 400, 0);
  rows = kz_matrix_layout_get_rows (layout, &n_rows);
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (expected));

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *stages = row_stages (layout, r);

      g_assert_cmpstr (kz_area_get_id (rows[r].area), ==, expected[r].area);
      g_assert_cmpstr (stages, ==, expected[r].stages);
      g_assert_cmpuint (rows[r].n_touched, ==, expected[r].touched);
    }

  /* A cell keeps the event's entry, note included */
  cell = kz_matrix_layout_get_cell (layout, 1, 2);
  g_assert_cmpstr (cell->entry->note, ==, "B talked,\nover two lines");

  /* Rows follow the areas given, in their order */
  {
    KzArea *areas[] = { kz_dataset_lookup_area (dataset, "c"), kz_dataset_lookup_area (dataset, "a") };
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    kz_matrix_layout_set_areas (layout, areas, G_N_ELEMENTS (areas));
    update (layout, 800, 400, 0);
    rows = kz_matrix_layout_get_rows (layout, &n_rows);
    g_assert_cmpuint (n_rows, ==, 2);
    g_assert_cmpstr (kz_area_get_id (rows[0].area), ==, "c");
    first = row_stages (layout, 0);
    second = row_stages (layout, 1);
    g_assert_cmpstr (first, ==, "- - m -");
    g_assert_cmpstr (second, ==, "d c - c");
  }
}

static void
test_range (void)
{
  g_autoptr(KzDataset) dataset = load_dataset ("evolution.json");
  g_autoptr(KzMatrixLayout) layout = new_layout (dataset, "k1");
  g_autofree char *ids = NULL;

  /* 2021 only: the May 2021 event */
  kz_matrix_layout_set_range (layout, TRUE, fixture_day (2021, 1, 1), fixture_day (2021, 12, 31));
  update (layout, 800, 400, 0);
  ids = column_ids (layout);
  g_assert_cmpstr (ids, ==, "e4");

  /* A range that reaches into a year-only date keeps it */
  kz_matrix_layout_set_range (layout, TRUE, fixture_day (2020, 6, 1), fixture_day (2021, 12, 31));
  update (layout, 800, 400, 0);
  g_clear_pointer (&ids, g_free);
  ids = column_ids (layout);
  g_assert_cmpstr (ids, ==, "e1 e4");

  /* Open ends, as export passes them */
  kz_matrix_layout_set_range (layout, TRUE, G_MININT64, G_MAXINT64);
  update (layout, 800, 400, 0);
  g_clear_pointer (&ids, g_free);
  ids = column_ids (layout);
  g_assert_cmpstr (ids, ==, "e1 e2 e4 e5");
}

static void
test_labels (void)
{
  g_autoptr(KzDataset) dataset = load_dataset ("evolution.json");
  g_autoptr(KzDataset) bundled = load_bundled ();
  g_autoptr(KzMatrixLayout) layout = new_layout (dataset, "k1");
  g_autoptr(KzMatrixLayout) rounds = new_layout (bundled, "fm-strategic-dialogue");
  const KzMatrixColumn *columns;
  const KzMatrixRow *rows;
  guint n;

  /* No rounds: the year, then the month when the date has one */
  update (layout, 800, 400, 0);
  columns = kz_matrix_layout_get_columns (layout, &n);
  g_assert_cmpstr (columns[0].label, ==, "2020");
  g_assert_cmpstr (columns[0].sublabel, ==, "");
  g_assert_cmpstr (columns[1].sublabel, ==, "Jan");
  g_assert_cmpstr (columns[2].label, ==, "2021");
  g_assert_cmpstr (columns[2].sublabel, ==, "May");
  g_assert_cmpfloat (columns[2].label_width, ==, fixture_measure ("2021", NULL));
  g_assert_null (kz_matrix_layout_get_geometry (layout)->corner_label);

  /* Rounds: the round's number over the year; the corner says what the numbers are */
  update (rounds, 1400, 900, 0);
  columns = kz_matrix_layout_get_columns (rounds, &n);
  g_assert_cmpuint (n, ==, 14);
  g_assert_cmpstr (columns[0].label, ==, "1");
  g_assert_cmpstr (columns[0].sublabel, ==, "2007");
  g_assert_cmpstr (columns[n - 1].label, ==, "18");
  g_assert_cmpstr (columns[n - 1].sublabel, ==, "2026");
  g_assert_nonnull (kz_matrix_layout_get_geometry (rounds)->corner_label);
  for (guint i = 0; i < n; i++)
    g_assert_true (columns[i].show_label);

  /* Narrow: every other label gives way, but the selected column's shows */
  kz_matrix_layout_set_selected (rounds, columns[3].event);
  update (rounds, 560, 900, 0);
  columns = kz_matrix_layout_get_columns (rounds, &n);
  g_assert_true (kz_matrix_layout_get_geometry (rounds)->cell_width < fixture_measure ("2007", NULL) + 6);
  g_assert_true (columns[3].selected);
  g_assert_true (columns[3].show_label);
  g_assert_false (columns[2].show_label);
  g_assert_false (columns[4].show_label);
  for (guint i = 0; i + 1 < n; i++)
    g_assert_false (columns[i].show_label && columns[i + 1].show_label);

  /* Long names are shortened to the label column, with an ellipsis */
  rows = kz_matrix_layout_get_rows (rounds, &n);
  for (guint i = 0; i < n; i++)
    {
      const KzMatrixGeometry *g = kz_matrix_layout_get_geometry (rounds);

      g_assert_cmpfloat (rows[i].label_width, <=, g->label_width - KZ_TIMELINE_SWATCH_SPACE + 1e-9);
      if (strcmp (rows[i].label, kz_area_get_name (rows[i].area)) != 0)
        g_assert_true (g_str_has_suffix (rows[i].label, "…"));
    }
}

static void
test_geometry (void)
{
  g_autoptr(KzDataset) dataset = load_bundled ();
  g_autoptr(KzMatrixLayout) layout = new_layout (dataset, "fm-strategic-dialogue");
  KzTimelineLayoutFlags all = KZ_TIMELINE_LAYOUT_TITLE | KZ_TIMELINE_LAYOUT_LEGEND | KZ_TIMELINE_LAYOUT_FOOTER;
  const KzMatrixGeometry *g;
  double min_w, nat_w, min_h, nat_h;
  double window_cell;

  /* A window: cells no larger than the largest, the legend right under the grid */
  update (layout, 1200, 900, KZ_TIMELINE_LAYOUT_LEGEND);
  g = kz_matrix_layout_get_geometry (layout);
  g_assert_cmpuint (g->n_columns, ==, 14);
  g_assert_cmpuint (g->n_rows, ==, g_list_model_get_n_items (kz_dataset_get_areas (dataset)));
  g_assert_cmpfloat (g->cell_width, <=, KZ_MATRIX_CELL_MAX_WIDTH);
  g_assert_cmpfloat (g->cell_height, <=, KZ_MATRIX_CELL_MAX_HEIGHT);
  g_assert_cmpfloat (g->grid.width, ==, g->n_columns * g->cell_width);
  g_assert_cmpfloat (g->grid.height, ==, g->n_rows * g->cell_height);
  g_assert_cmpfloat (g->grid.x + g->grid.width, <=, g->width);
  g_assert_cmpfloat (g->header.y + g->header.height, ==, g->grid.y);
  g_assert_cmpfloat (g->legend.y, >=, g->grid.y + g->grid.height);
  g_assert_cmpfloat (g->legend.y + g->legend.height, <=, g->height);
  g_assert_cmpfloat (g->title.height, ==, 0);
  g_assert_cmpfloat (g->footer.height, ==, 0);
  window_cell = g->cell_width;

  /* A page with everything: title first, footer last, all inside; FILL grows the cells */
  update (layout, 1920, 1080, all | KZ_TIMELINE_LAYOUT_FILL);
  g = kz_matrix_layout_get_geometry (layout);
  g_assert_cmpfloat (g->title.height, >, 0);
  g_assert_cmpfloat (g->title.y + g->title.height, <=, g->header.y);
  g_assert_cmpfloat (g->footer.y, >=, g->legend.y + g->legend.height);
  g_assert_cmpfloat (g->footer.y + g->footer.height, <=, g->height);
  g_assert_cmpfloat (g->grid.y + g->grid.height, <=, g->legend.y);
  g_assert_cmpfloat (g->cell_width, >, window_cell);

  /* The preferred sizes hold every cell at its smallest and at its largest */
  kz_matrix_layout_get_preferred_size (layout, KZ_TIMELINE_LAYOUT_LEGEND, &min_w, &nat_w, &min_h, &nat_h);
  g_assert_cmpfloat (min_w, <, nat_w);
  g_assert_cmpfloat (min_h, <, nat_h);
  update (layout, ceil (min_w), ceil (min_h), KZ_TIMELINE_LAYOUT_LEGEND);
  g = kz_matrix_layout_get_geometry (layout);
  g_assert_cmpfloat (g->cell_width, >=, KZ_MATRIX_CELL_MIN_WIDTH);
  g_assert_cmpfloat (g->cell_height, >=, KZ_MATRIX_CELL_MIN_HEIGHT);
  g_assert_cmpfloat (g->legend.y + g->legend.height, <=, g->height);
}

static void
test_hit_test (void)
{
  g_autoptr(KzDataset) dataset = load_dataset ("evolution.json");
  g_autoptr(KzMatrixLayout) layout = new_layout (dataset, "k1");
  const KzMatrixGeometry *g;
  const KzMatrixColumn *columns;
  KzTimelineRect rect;
  KzMatrixHit hit;

  update (layout, 800, 400, KZ_TIMELINE_LAYOUT_LEGEND);
  g = kz_matrix_layout_get_geometry (layout);
  columns = kz_matrix_layout_get_columns (layout, NULL);

  /* Every cell's centre hits that cell */
  for (guint r = 0; r < g->n_rows; r++)
    for (guint c = 0; c < g->n_columns; c++)
      {
        rect = kz_matrix_layout_get_cell_rect (layout, r, c);
        g_assert_true (kz_matrix_layout_hit_test (layout, rect.x + rect.width / 2, rect.y + rect.height / 2, &hit));
        g_assert_cmpint (hit.kind, ==, KZ_MATRIX_HIT_CELL);
        g_assert_cmpuint (hit.row, ==, r);
        g_assert_cmpuint (hit.column, ==, c);
        g_assert_true (hit.event == columns[c].event);
        g_assert_true (hit.cell == kz_matrix_layout_get_cell (layout, r, c));
      }

  /* b at e4: discussed */
  rect = kz_matrix_layout_get_cell_rect (layout, 1, 2);
  g_assert_true (kz_matrix_layout_hit_test (layout, rect.x + 1, rect.y + rect.height - 1, &hit));
  g_assert_cmpstr (kz_area_get_id (hit.area), ==, "b");
  g_assert_cmpstr (kz_event_get_id (hit.event), ==, "e4");
  g_assert_cmpint (hit.cell->stage, ==, KZ_STAGE_DISCUSSED);

  /* Column labels, in the header */
  g_assert_true (kz_matrix_layout_hit_test (layout, columns[3].x + 2, g->header.y + g->header.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, KZ_MATRIX_HIT_COLUMN);
  g_assert_cmpstr (kz_event_get_id (hit.event), ==, "e5");

  /* Row labels */
  g_assert_true (kz_matrix_layout_hit_test (layout, g->label_x + 5, g->grid.y + g->cell_height * 2.5, &hit));
  g_assert_cmpint (hit.kind, ==, KZ_MATRIX_HIT_ROW);
  g_assert_cmpstr (kz_area_get_id (hit.area), ==, "c");
  g_assert_null (hit.event);

  /* Nothing: the corner, past the last column, under the grid */
  g_assert_false (kz_matrix_layout_hit_test (layout, 2, 2, &hit));
  g_assert_cmpint (hit.kind, ==, KZ_MATRIX_HIT_NONE);
  g_assert_false (kz_matrix_layout_hit_test (layout, g->grid.x + g->grid.width + 1, g->grid.y + 2, &hit));
  g_assert_false (kz_matrix_layout_hit_test (layout, g->grid.x + 2, g->grid.y + g->grid.height + 1, &hit));

  /* find_column */
  g_assert_cmpint (kz_matrix_layout_find_column (layout, kz_dataset_lookup_event (dataset, "e4")), ==, 2);
  g_assert_cmpint (kz_matrix_layout_find_column (layout, kz_dataset_lookup_event (dataset, "e3")), ==, -1);
}

static void
test_default_kind (void)
{
  g_autoptr(KzDataset) evolution = load_dataset ("evolution.json");
  g_autoptr(KzDataset) no_kinds = load_dataset ("minimal.json");
  g_autoptr(KzDataset) implicit = load_dataset ("no-kinds.json");
  g_autoptr(KzDataset) bundled = load_bundled ();

  /* k1 has four events, k2 one */
  g_assert_cmpstr (kz_kind_get_id (kz_matrix_layout_default_kind (evolution)), ==, "k1");
  g_assert_null (kz_matrix_layout_default_kind (no_kinds));
  /* Kinds named by events alone, with no list of kinds, count too */
  g_assert_nonnull (kz_matrix_layout_default_kind (implicit));
  /* The strategic dialogue, though the summits are more */
  g_assert_cmpstr (kz_kind_get_id (kz_matrix_layout_default_kind (bundled)), ==, KZ_MATRIX_DEFAULT_KIND_ID);
}

static void
test_empty (void)
{
  g_autoptr(KzMatrixLayout) layout = kz_matrix_layout_new ();
  KzMatrixHit hit;
  guint n = 1;

  kz_matrix_layout_set_measure_func (layout, fixture_measure, NULL, NULL);
  update (layout, 400, 300, KZ_TIMELINE_LAYOUT_LEGEND);
  kz_matrix_layout_get_columns (layout, &n);
  g_assert_cmpuint (n, ==, 0);
  kz_matrix_layout_get_rows (layout, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (kz_matrix_layout_hit_test (layout, 100, 100, &hit));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matrix-layout/columns-in-date-order", test_columns_in_date_order);
  g_test_add_func ("/matrix-layout/cell-stages", test_cell_stages);
  g_test_add_func ("/matrix-layout/range", test_range);
  g_test_add_func ("/matrix-layout/labels", test_labels);
  g_test_add_func ("/matrix-layout/geometry", test_geometry);
  g_test_add_func ("/matrix-layout/hit-test", test_hit_test);
  g_test_add_func ("/matrix-layout/default-kind", test_default_kind);
  g_test_add_func ("/matrix-layout/empty", test_empty);

  return g_test_run ();
}
