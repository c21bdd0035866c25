/* test-timeline-layout.c — the timeline layout with a fake text measure: positions, axis,
 * labels, clusters, spans, bands, hit-testing and zoom limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "kz-timeline-layout.h"
#include "timeline-fixtures.h"

#define EPSILON 1e-6

static KzTimelineLayout *
new_layout (KzDataset *dataset)
{
  KzTimelineLayout *layout = kz_timeline_layout_new ();
  KzDate today = fixture_date (2026, 1, 20);

  kz_timeline_layout_set_measure_func (layout, fixture_measure, NULL, NULL);
  kz_timeline_layout_set_today (layout, &today);
  kz_timeline_layout_set_dataset (layout, dataset);
  return layout;
}

static void
update (KzTimelineLayout *layout,
        double            start_day,
        double            end_day,
        double            width,
        double            height)
{
  KzTimelineViewport view = { 0 };

  view.start_day = start_day;
  view.end_day = end_day;
  view.width = width;
  view.height = height;
  kz_timeline_layout_update (layout, &view);
}

static void
update_years (KzTimelineLayout *layout,
              int               first_year,
              int               end_year,
              double            width,
              double            height)
{
  update (layout, fixture_day (first_year, 1, 1), fixture_day (end_year, 1, 1), width, height);
}

/* The lane of @area_id, which must be shown: the test stops here if it is not. */
static const KzTimelineLane *
find_lane (KzTimelineLayout *layout,
           const char       *area_id)
{
  const KzTimelineLane *lanes;
  guint n_lanes;

  lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);
  for (guint i = 0; i < n_lanes; i++)
    if (g_str_equal (kz_area_get_id (lanes[i].area), area_id))
      return &lanes[i];
  g_error ("no lane for %s", area_id);
}

static const KzTimelineMark *
find_mark (KzTimelineLayout *layout,
           const char       *area_id,
           const char       *event_id)
{
  const KzTimelineLane *lane = find_lane (layout, area_id);
  const KzTimelineMark *marks;
  guint n_marks;

  g_assert_nonnull (lane);
  marks = kz_timeline_layout_get_marks (layout, &n_marks);
  for (guint i = lane->first_mark; i < lane->first_mark + lane->n_marks; i++)
    if (marks[i].count == 1 && g_str_equal (kz_event_get_id (marks[i].event), event_id))
      return &marks[i];
  return NULL;
}

static double
event_anchor (KzEvent *event)
{
  const KzDate *date = kz_event_get_date (event);

  return kz_date_get_first_day (date) +
         (kz_date_get_precision (date) == KZ_DATE_PRECISION_DAY ? 0.5 : 0.0);
}

/* ------------------------------------------------------------------------------------------ */

static void
test_positions (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  const KzTimelineGeometry *g;
  const KzTimelineMark *mark;
  double start = fixture_day (2000, 1, 1), end = fixture_day (2010, 1, 1);

  update (layout, start, end, 1000, 700);
  g = kz_timeline_layout_get_geometry (layout);

  g_assert_cmpfloat (g->plot_x0, >, g->label_x + g->label_width);
  g_assert_cmpfloat_with_epsilon (kz_timeline_layout_day_to_x (layout, start), g->plot_x0, EPSILON);
  g_assert_cmpfloat_with_epsilon (kz_timeline_layout_day_to_x (layout, end), g->plot_x1, EPSILON);
  g_assert_cmpfloat_with_epsilon (g->px_per_day, (g->plot_x1 - g->plot_x0) / (end - start), EPSILON);
  g_assert_cmpfloat_with_epsilon (kz_timeline_layout_day_to_x (layout, fixture_day (2005, 1, 1)),
                                  g->plot_x0 + (fixture_day (2005, 1, 1) - start) * g->px_per_day,
                                  EPSILON);
  g_assert_cmpfloat_with_epsilon (kz_timeline_layout_x_to_day (layout, 600),
                                  start + (600 - g->plot_x0) / g->px_per_day, EPSILON);

  /* A one-day event's mark sits in the middle of its day. */
  mark = find_mark (layout, "defence", "event-04");
  g_assert_nonnull (mark);
  g_assert_cmpfloat_with_epsilon (mark->x, kz_timeline_layout_day_to_x (layout, fixture_day (2007, 3, 22) + 0.5),
                                  EPSILON);
  g_assert_false (mark->spans);
  g_assert_cmpint (mark->stage, ==, KZ_STAGE_DISCUSSED);

  /* Events after the view have no marks. */
  g_assert_null (find_mark (layout, "defence", "event-29"));
}

/* ------------------------------------------------------------------------------------------ */

typedef struct {
  const char *name;
  int         year, month, day;
  double      days;
  const char *first_label;      /* the first major label, which carries the year */
  const char *some_labels[4];   /* labels that must be among the majors */
  double      gap_min;          /* days between majors: months and years vary in length, */
  double      gap_max;          /* days of the month restart each month, no year zero */
  gboolean    has_minors;
} TickCase;

static void
check_ticks_common (KzTimelineLayout *layout)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (layout);
  const KzTimelineTick *ticks;
  const KzTimelineTick *prev = NULL;
  guint n_ticks, n_majors = 0;

  ticks = kz_timeline_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      g_assert_cmpfloat (ticks[i].x, >=, g->plot_x0 - 0.5);
      g_assert_cmpfloat (ticks[i].x, <=, g->plot_x1 + 0.5);
      if (i > 0)
        g_assert_cmpfloat (ticks[i].x, >, ticks[i - 1].x);
      if (!ticks[i].major)
        {
          g_assert_cmpstr (ticks[i].label, ==, "");
          continue;
        }
      n_majors++;
      if (ticks[i].label[0] == '\0')
        continue;
      /* Tick labels never overlap, and leave a gap. */
      if (prev != NULL)
        g_assert_cmpfloat (prev->x + prev->label_width / 2 + 8, <=, ticks[i].x - ticks[i].label_width / 2);
      prev = &ticks[i];
    }
  /* Enough to read the scale by; a narrow plot may only have room for two. */
  g_assert_cmpuint (n_majors, >=, g->plot_x1 - g->plot_x0 >= 600 ? 3 : 2);
}

static gboolean
has_label (const KzTimelineTick *ticks,
           guint                 n_ticks,
           const char           *label)
{
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].major && g_str_equal (ticks[i].label, label))
      return TRUE;
  return FALSE;
}

static void
test_axis_ticks (void)
{
  static const TickCase cases[] = {
    { "days", 2026, 1, 14, 6, "14 Jan 2026", { "15 Jan", "16 Jan", "19 Jan" }, 1, 1, FALSE },
    { "days, new year", 2025, 12, 30, 5, "30 Dec 2025", { "31 Dec", "2026", "2 Jan" }, 1, 1, FALSE },
    { "weeks", 2026, 1, 1, 80, "2026", { "15 Jan", "1 Feb", "15 Mar" }, 7, 10, TRUE },
    { "months", 2013, 1, 1, 730, "2013", { "Apr", "Jul", "Oct", "2014" }, 90, 92, TRUE },
    { "months, mid-year", 2013, 3, 1, 730, "Apr 2013", { "Jul", "2014", "Oct" }, 90, 92, TRUE },
    { "years", 2000, 1, 1, 12 * 365.25, "2000", { "2001", "2005", "2011" }, 365, 366, TRUE },
    { "decades", 1900, 1, 1, 120 * 365.25, "1900", { "1910", "1950", "2010" }, 3652, 3653, TRUE },
    { "centuries", 600, 1, 1, 1500 * 365.25, "600", { "700", "1000", "2000" }, 36524, 36525, TRUE },
    { "before year 1", -599, 1, 1, 800 * 365.25, "600 BC", { "500 BC", "100 BC", "1", "200" },
      99 * 365, 100 * 366, TRUE },
  };
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const TickCase *tc = &cases[c];
      double start = fixture_day (tc->year, tc->month, tc->day);
      const KzTimelineTick *ticks, *first = NULL;
      guint n_ticks, n_minors = 0;
      double gap_min = G_MAXDOUBLE, gap_max = 0, last_major = NAN;

      g_test_message ("zoom: %s", tc->name);
      /* Start a hair before the first tick so that it is in view. */
      update (layout, start - 0.01, start - 0.01 + tc->days, 1200, 800);
      check_ticks_common (layout);

      ticks = kz_timeline_layout_get_ticks (layout, &n_ticks);
      for (guint i = 0; i < n_ticks; i++)
        {
          if (!ticks[i].major)
            {
              n_minors++;
              continue;
            }
          if (first == NULL && ticks[i].label[0] != '\0')
            first = &ticks[i];
          if (!isnan (last_major))
            {
              double gap = kz_timeline_layout_x_to_day (layout, ticks[i].x) -
                           kz_timeline_layout_x_to_day (layout, last_major);
              gap_min = MIN (gap_min, gap);
              gap_max = MAX (gap_max, gap);
            }
          last_major = ticks[i].x;
        }

      g_assert_nonnull (first);
      g_assert_cmpstr (first->label, ==, tc->first_label);
      for (guint k = 0; k < G_N_ELEMENTS (tc->some_labels) && tc->some_labels[k] != NULL; k++)
        g_assert_true (has_label (ticks, n_ticks, tc->some_labels[k]));
      g_assert_cmpfloat (gap_min, >=, tc->gap_min - 0.01);
      g_assert_cmpfloat (gap_max, <=, tc->gap_max + 0.01);
      if (tc->has_minors)
        g_assert_cmpuint (n_minors, >, 0);
      g_assert_false (has_label (ticks, n_ticks, "0 BC"));
      g_assert_false (has_label (ticks, n_ticks, "0"));
    }
}

static void
test_axis_ticks_every_zoom (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  double start = fixture_day (1900, 6, 15);

  /* From a few days to millennia, in small steps: labels never collide. */
  for (double days = 3; days < 4000 * 365.25; days *= 1.17)
    for (double width = 500; width <= 2000; width += 750)
      {
        g_test_message ("%g days, %g px", days, width);
        update (layout, start, start + days, width, 700);
        check_ticks_common (layout);
      }
}

/* ------------------------------------------------------------------------------------------ */

typedef gboolean (*EventFilter) (KzEvent *event, gpointer data);

static void
check_row_filtered (KzTimelineLayout *layout,
                    KzDataset        *dataset,
                    EventFilter       shown_filter,
                    gpointer          data)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (layout);
  const KzTimelineRowItem *items;
  const KzTimelineCluster *clusters;
  KzEvent *selected = kz_timeline_layout_get_selected (layout);
  guint n_items, n_clusters, shown = 0, expected = 0;
  double r = g->row_mark_radius;
  double margin = (r + 1.0) / g->px_per_day;
  gboolean selected_shown = FALSE;

  items = kz_timeline_layout_get_row_items (layout, &n_items);
  clusters = kz_timeline_layout_get_row_clusters (layout, &n_clusters);

  for (guint i = 0; i < n_items; i++)
    {
      const KzTimelineRowItem *a = &items[i];
      double a0 = MIN (a->x - r, a->label_x), a1 = MAX (a->x + r, a->label_x + a->label_width);

      g_assert_cmpuint (a->row, <, g->n_label_rows);
      g_assert_nonnull (a->label);
      g_assert_cmpfloat (a->label_x, >=, g->plot_x0 - EPSILON);
      g_assert_cmpfloat (a->label_x + a->label_width, <=, g->plot_x1 + EPSILON);
      g_assert_cmpfloat_with_epsilon (a->label_width, fixture_measure (a->label, NULL), EPSILON);
      if (a->flipped)
        g_assert_cmpfloat (a->label_x + a->label_width, <=, a->x - r);
      else
        g_assert_cmpfloat (a->label_x, >=, a->x + r);

      if (a->selected)
        {
          g_assert_true (a->event == selected);
          selected_shown = TRUE;
        }

      /* No two labels (or a label and a mark) in a row overlap. */
      for (guint j = i + 1; j < n_items; j++)
        {
          const KzTimelineRowItem *b = &items[j];
          double b0 = MIN (b->x - r, b->label_x), b1 = MAX (b->x + r, b->label_x + b->label_width);

          if (a->row != b->row)
            continue;
          if (!(a1 <= b0 || b1 <= a0))
            g_error ("row %u: \"%s\" [%g, %g] overlaps \"%s\" [%g, %g]", a->row,
                     a->label, a0, a1, b->label, b0, b1);
        }
    }

  for (guint i = 0; i < n_clusters; i++)
    {
      g_assert_cmpuint (clusters[i].count, >, 0);
      g_assert_cmpfloat (clusters[i].x0, >=, g->plot_x0 - EPSILON);
      g_assert_cmpfloat (clusters[i].x1, <=, g->plot_x1 + EPSILON);
      if (i > 0)
        g_assert_cmpfloat (clusters[i - 1].x1, <=, clusters[i].x0);
      shown += clusters[i].count;
    }
  shown += n_items;

  /* Every event in view is either labelled or counted in a cluster, once. */
  for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
    {
      KzEvent *event = kz_dataset_get_event (dataset, i);
      double anchor = event_anchor (event);

      if (anchor >= g->start_day - margin && anchor < g->end_day + margin &&
          (shown_filter == NULL || shown_filter (event, data)))
        expected++;
    }
  g_assert_cmpuint (shown, ==, expected);

  /* The selected event's label always shows; near the right edge, on the left. */
  if (selected != NULL)
    {
      double anchor = event_anchor (selected);

      if (anchor >= g->start_day - margin && anchor < g->end_day + margin)
        {
          double x = kz_timeline_layout_day_to_x (layout, anchor);
          double w = fixture_measure (kz_event_get_title (selected), NULL);

          g_assert_true (selected_shown);
          for (guint i = 0; i < n_items; i++)
            if (items[i].selected)
              {
                g_assert_cmpuint (strlen (items[i].label), >, 0);
                if (x + r + 5 + MIN (w, 420) > g->plot_x1 && x - r - 5 - MIN (w, 420) >= g->plot_x0)
                  g_assert_true (items[i].flipped);
              }
        }
    }
}

static void
check_row (KzTimelineLayout *layout,
           KzDataset        *dataset)
{
  check_row_filtered (layout, dataset, NULL, NULL);
}

static void
test_labels_never_overlap (void)
{
  g_autoptr(KzDataset) dataset = fixture_generated_dataset (3000, 12, 1990, 30, 7);
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  double first = fixture_day (1990, 1, 1), last = fixture_day (2020, 1, 1);
  guint n_events = kz_dataset_get_n_events (dataset);

  for (guint iter = 0; iter < 400; iter++)
    {
      double span = exp (g_rand_double_range (rand, log (4.0), log (36 * 365.25)));
      double start = g_rand_double_range (rand, first - span / 2, last);
      double width = g_rand_double_range (rand, 480, 2000);
      double height = g_rand_double_range (rand, 300, 1100);
      KzEvent *selected = NULL;

      if (g_rand_boolean (rand))
        {
          /* Often an event in view, so the selection is exercised where it matters. */
          double day = g_rand_double_range (rand, start, start + span);
          for (guint i = 0; i < n_events && selected == NULL; i++)
            if (event_anchor (kz_dataset_get_event (dataset, i)) >= day)
              selected = kz_dataset_get_event (dataset, i);
        }
      kz_timeline_layout_set_selected (layout, selected);
      update (layout, start, start + span, width, height);
      check_row (layout, dataset);
    }
}

static void
test_selected_label_flips (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  KzEvent *fmsd18 = kz_dataset_lookup_event (dataset, "event-29");
  KzEvent *first = kz_dataset_lookup_event (dataset, "event-00");
  const KzTimelineRowItem *items;
  guint n_items;
  gboolean found = FALSE;

  kz_timeline_layout_set_selected (layout, fmsd18);
  update (layout, fixture_day (2000, 1, 1), fixture_day (2026, 2, 1), 1200, 800);
  check_row (layout, dataset);

  items = kz_timeline_layout_get_row_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    if (items[i].event == fmsd18)
      {
        g_assert_true (items[i].selected);
        g_assert_true (items[i].flipped);
        g_assert_false (items[i].ellipsized);
        g_assert_cmpstr (items[i].label, ==, kz_event_get_title (fmsd18));
        found = TRUE;
      }
  g_assert_true (found);

  /* At the left edge it stays on the right. */
  kz_timeline_layout_set_selected (layout, first);
  update (layout, fixture_day (1999, 12, 1), fixture_day (2026, 2, 1), 1200, 800);
  check_row (layout, dataset);
  items = kz_timeline_layout_get_row_items (layout, &n_items);
  found = FALSE;
  for (guint i = 0; i < n_items; i++)
    if (items[i].event == first)
      {
        g_assert_false (items[i].flipped);
        found = TRUE;
      }
  g_assert_true (found);

  /* Even in a narrow window the selected label shows, shortened. */
  kz_timeline_layout_set_selected (layout, fmsd18);
  update (layout, fixture_day (2000, 1, 1), fixture_day (2026, 2, 1), 420, 500);
  check_row (layout, dataset);
}

/* ------------------------------------------------------------------------------------------ */

static KzDataset *
dense_dataset (guint n,
               int   days_apart)
{
  GPtrArray *areas = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);
  KzArea *area = kz_area_new ("only", "Only", 0x1c71d8, NULL);
  gint64 day0 = fixture_day (2020, 5, 5);

  g_ptr_array_add (areas, area);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%03u", i);
      KzDate date = kz_date_from_day (day0 + (gint64) i * days_apart);
      KzEvent *event = kz_event_new (id, &date, id);

      kz_event_add_area (event, area, i == n / 2 ? KZ_STAGE_MECHANISM : KZ_STAGE_DISCUSSED,
                         NULL, NULL, 0);
      g_ptr_array_add (events, event);
    }
  return kz_dataset_new ("Dense", NULL, areas, NULL, events);
}

static void
lane_counts (KzTimelineLayout *layout,
             guint            *n_marks,
             guint            *total,
             KzStage          *deepest)
{
  const KzTimelineLane *lanes;
  const KzTimelineMark *marks;
  guint n_lanes, n;

  lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);
  marks = kz_timeline_layout_get_marks (layout, &n);
  g_assert_cmpuint (n_lanes, ==, 1);
  *n_marks = lanes[0].n_marks;
  *total = 0;
  *deepest = KZ_STAGE_NONE;
  for (guint i = lanes[0].first_mark; i < lanes[0].first_mark + lanes[0].n_marks; i++)
    {
      *total += marks[i].count;
      *deepest = MAX (*deepest, marks[i].stage);
      if (i > lanes[0].first_mark)
        g_assert_cmpfloat (marks[i].x, >=, marks[i - 1].x);
    }
}

static void
test_clusters (void)
{
  g_autoptr(KzDataset) same_day = dense_dataset (60, 0);
  g_autoptr(KzDataset) daily = dense_dataset (60, 1);
  g_autoptr(KzTimelineLayout) layout = new_layout (same_day);
  const KzTimelineCluster *clusters;
  const KzTimelineMark *marks;
  guint n_marks, total, n_clusters, n_items, n;
  KzStage deepest;

  /* Sixty events in one pixel: one mark, one pill, counted, deepest stage kept. */
  update_years (layout, 2000, 2030, 1200, 700);
  lane_counts (layout, &n_marks, &total, &deepest);
  g_assert_cmpuint (n_marks, ==, 1);
  g_assert_cmpuint (total, ==, 60);
  g_assert_cmpint (deepest, ==, KZ_STAGE_MECHANISM);
  marks = kz_timeline_layout_get_marks (layout, &n);
  g_assert_cmpfloat_with_epsilon (marks[0].first_day, fixture_day (2020, 5, 5), EPSILON);
  g_assert_cmpfloat_with_epsilon (marks[0].last_day, fixture_day (2020, 5, 6), EPSILON);

  clusters = kz_timeline_layout_get_row_clusters (layout, &n_clusters);
  kz_timeline_layout_get_row_items (layout, &n_items);
  g_assert_cmpuint (n_items, ==, 0);
  g_assert_cmpuint (n_clusters, ==, 1);
  g_assert_cmpuint (clusters[0].count, ==, 60);
  g_assert_cmpstr (clusters[0].label, ==, "+60");
  check_row (layout, same_day);

  /* Selected, one of them keeps a mark and a label of its own. */
  kz_timeline_layout_set_selected (layout, kz_dataset_get_event (same_day, 10));
  update_years (layout, 2000, 2030, 1200, 700);
  lane_counts (layout, &n_marks, &total, &deepest);
  g_assert_cmpuint (n_marks, ==, 2);
  g_assert_cmpuint (total, ==, 60);
  marks = kz_timeline_layout_get_marks (layout, &n);
  g_assert_true ((marks[0].selected && marks[0].count == 1) || (marks[1].selected && marks[1].count == 1));
  check_row (layout, same_day);

  /* Sixty consecutive days: a cluster or two from afar ... */
  kz_timeline_layout_set_dataset (layout, daily);
  update_years (layout, 2000, 2030, 1200, 700);
  lane_counts (layout, &n_marks, &total, &deepest);
  g_assert_cmpuint (n_marks, <=, 2);
  g_assert_cmpuint (total, ==, 60);
  g_assert_cmpint (deepest, ==, KZ_STAGE_MECHANISM);
  check_row (layout, daily);

  /* ... that zooming in splits into marks ... */
  update (layout, fixture_day (2020, 4, 1), fixture_day (2020, 8, 1), 1200, 700);
  lane_counts (layout, &n_marks, &total, &deepest);
  g_assert_cmpuint (n_marks, >, 10);
  g_assert_cmpuint (total, ==, 60);

  /* ... and then into single events, each labelled or counted. */
  update (layout, fixture_day (2020, 5, 1), fixture_day (2020, 7, 10), 1600, 700);
  lane_counts (layout, &n_marks, &total, &deepest);
  g_assert_cmpuint (n_marks, ==, 60);
  check_row (layout, daily);
  kz_timeline_layout_get_row_items (layout, &n_items);
  g_assert_cmpuint (n_items, >, 5);
}

static gboolean
event_spans (KzEvent *event)
{
  return kz_date_get_precision (kz_event_get_date (event)) != KZ_DATE_PRECISION_DAY ||
         kz_event_get_end (event) != NULL;
}

/* Every lane mark, cluster or not, against a count over the whole dataset: events group by
 * 6-pixel buckets fixed in time. */
static void
test_clusters_brute_force (void)
{
  g_autoptr(KzDataset) dataset = fixture_generated_dataset (6000, 6, 1996, 30, 17);
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  KzKind *hidden = kz_dataset_lookup_kind (dataset, "kind-2");
  guint n_events = kz_dataset_get_n_events (dataset);
  guint n_checked = 0, n_clusters = 0;

  kz_timeline_layout_set_hidden_kinds (layout, &hidden, 1);
  for (guint iter = 0; iter < 12; iter++)
    {
      double span = exp (g_rand_double_range (rand, log (10.0), log (32 * 365.25)));
      double start = g_rand_double_range (rand, fixture_day (1994, 1, 1), fixture_day (2026, 1, 1) - span / 2);
      const KzTimelineGeometry *g;
      const KzTimelineLane *lanes;
      const KzTimelineMark *marks;
      guint n_lanes, n_marks;
      double bucket;

      update (layout, start, start + span, 1400, 900);
      g = kz_timeline_layout_get_geometry (layout);
      bucket = 6.0 / g->px_per_day;
      lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);
      marks = kz_timeline_layout_get_marks (layout, &n_marks);
      for (guint l = 0; l < n_lanes; l++)
        for (guint m = lanes[l].first_mark; m < lanes[l].first_mark + lanes[l].n_marks; m++)
          {
            const KzTimelineMark *mark = &marks[m];
            double anchor = event_anchor (mark->event);
            double b = floor (anchor / bucket);
            guint count = 0, first = G_MAXUINT, last = 0;
            KzStage deepest = KZ_STAGE_NONE;

            /* Spans reaching in from the left are counted from the first that reaches. */
            if (anchor < g->start_day + bucket || anchor > g->end_day - bucket)
              continue;

            for (guint p = 0; p < n_events; p++)
              {
                KzEvent *event = kz_dataset_get_event (dataset, p);
                const KzEventArea *ea = kz_event_find_area (event, lanes[l].area);

                if (ea == NULL || kz_event_get_kind (event) == hidden ||
                    floor (event_anchor (event) / bucket) != b)
                  continue;
                count++;
                deepest = MAX (deepest, ea->stage);
                first = MIN (first, p);
                last = MAX (last, p);
              }
            g_assert_cmpuint (mark->count, ==, count);
            g_assert_cmpint (mark->stage, ==, deepest);
            g_assert_cmpuint (mark->position, ==, first);
            g_assert_cmpuint (mark->last_position, ==, last);
            g_assert_cmpint (mark->spans, ==, count == 1 && event_spans (mark->event));
            n_checked++;
            n_clusters += count > 1;
          }
    }
  g_assert_cmpuint (n_checked, >, 500);
  g_assert_cmpuint (n_clusters, >, 50);
}

static void
test_spans (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  const KzTimelineMark *mark;

  update_years (layout, 1999, 2027, 1400, 800);

  /* "2000" covers the whole year, "2006-01" January, 2022-03-19..20 both days. */
  mark = find_mark (layout, "trade", "event-00");
  g_assert_nonnull (mark);
  g_assert_true (mark->spans);
  g_assert_cmpfloat_with_epsilon (mark->x0, kz_timeline_layout_day_to_x (layout, fixture_day (2000, 1, 1)), EPSILON);
  g_assert_cmpfloat_with_epsilon (mark->x1, kz_timeline_layout_day_to_x (layout, fixture_day (2001, 1, 1)), EPSILON);

  mark = find_mark (layout, "quad", "event-02");
  g_assert_nonnull (mark);
  g_assert_true (mark->spans);
  g_assert_cmpfloat_with_epsilon (mark->x0, kz_timeline_layout_day_to_x (layout, fixture_day (2006, 1, 1)), EPSILON);
  g_assert_cmpfloat_with_epsilon (mark->x1, kz_timeline_layout_day_to_x (layout, fixture_day (2006, 2, 1)), EPSILON);

  mark = find_mark (layout, "trade", "event-20");
  g_assert_nonnull (mark);
  g_assert_true (mark->spans);
  g_assert_cmpfloat_with_epsilon (mark->x0, kz_timeline_layout_day_to_x (layout, fixture_day (2022, 3, 19)), EPSILON);
  g_assert_cmpfloat_with_epsilon (mark->x1, kz_timeline_layout_day_to_x (layout, fixture_day (2022, 3, 21)), EPSILON);

  /* A span that starts before the view still shows where it reaches into it. */
  update (layout, fixture_day (2000, 6, 1), fixture_day (2001, 6, 1), 1400, 800);
  mark = find_mark (layout, "trade", "event-00");
  g_assert_nonnull (mark);
  g_assert_cmpfloat (mark->x0, <, kz_timeline_layout_get_geometry (layout)->plot_x0);
  g_assert_cmpfloat_with_epsilon (mark->x1, kz_timeline_layout_day_to_x (layout, fixture_day (2001, 1, 1)), EPSILON);
}

/* ------------------------------------------------------------------------------------------ */

static void
check_bands_step_up (KzTimelineLayout *layout)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (layout);
  const KzTimelineLane *lanes;
  const KzTimelineBand *bands;
  guint n_lanes, n_bands;

  lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);
  bands = kz_timeline_layout_get_bands (layout, &n_bands);
  for (guint l = 0; l < n_lanes; l++)
    for (guint b = lanes[l].first_band; b < lanes[l].first_band + lanes[l].n_bands; b++)
      {
        g_assert_cmpfloat (bands[b].x0, >=, g->plot_x0 - EPSILON);
        g_assert_cmpfloat (bands[b].x1, <=, g->plot_x1 + EPSILON);
        g_assert_cmpfloat (bands[b].x1, >, bands[b].x0);
        if (b > lanes[l].first_band)
          {
            /* Deepest so far: only ever steps up, and the band only ever thickens. */
            g_assert_cmpint (bands[b].stage, >, bands[b - 1].stage);
            g_assert_cmpfloat (bands[b].thickness, >=, bands[b - 1].thickness);
            g_assert_cmpfloat_with_epsilon (bands[b].x0, bands[b - 1].x1, EPSILON);
          }
      }
}

static void
test_bands (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzDataset) generated = fixture_generated_dataset (2000, 10, 1990, 30, 3);
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  static const struct { KzStage stage; int y, m, d; gboolean half; } trade[] = {
    { KZ_STAGE_DISCUSSED, 2000, 1, 1, FALSE },
    { KZ_STAGE_COMMITTED, 2006, 12, 15, TRUE },
    { KZ_STAGE_AGREED, 2011, 2, 16, TRUE },
    { KZ_STAGE_MECHANISM, 2011, 8, 1, TRUE },
  };
  const KzTimelineGeometry *g;
  const KzTimelineLane *lane;
  const KzTimelineBand *bands;
  guint n_bands;

  update_years (layout, 1999, 2027, 1400, 800);
  g = kz_timeline_layout_get_geometry (layout);
  check_bands_step_up (layout);

  /* Trade: discussed (2000), committed (Dec 2006), agreed and mechanism (2011), then on. */
  lane = find_lane (layout, "trade");
  bands = kz_timeline_layout_get_bands (layout, &n_bands);
  g_assert_cmpuint (lane->n_bands, ==, G_N_ELEMENTS (trade));
  for (guint i = 0; i < G_N_ELEMENTS (trade); i++)
    {
      const KzTimelineBand *band = &bands[lane->first_band + i];
      double day = fixture_day (trade[i].y, trade[i].m, trade[i].d) + (trade[i].half ? 0.5 : 0);

      g_assert_cmpint (band->stage, ==, trade[i].stage);
      g_assert_cmpfloat_with_epsilon (band->x0, kz_timeline_layout_day_to_x (layout, day), EPSILON);
    }
  g_assert_cmpfloat_with_epsilon (bands[lane->first_band + lane->n_bands - 1].x1, g->plot_x1, EPSILON);

  /* Later views start mid-band, at the stage reached so far. */
  update_years (layout, 2012, 2014, 1400, 800);
  lane = find_lane (layout, "trade");
  bands = kz_timeline_layout_get_bands (layout, &n_bands);
  g_assert_cmpuint (lane->n_bands, ==, 1);
  g_assert_cmpint (bands[lane->first_band].stage, ==, KZ_STAGE_MECHANISM);
  g_assert_cmpfloat_with_epsilon (bands[lane->first_band].x0, g->plot_x0, EPSILON);

  /* Before the area's first event there is no band. */
  update_years (layout, 1990, 1999, 1400, 800);
  lane = find_lane (layout, "trade");
  g_assert_cmpuint (lane->n_bands, ==, 0);

  kz_timeline_layout_set_dataset (layout, generated);
  for (guint iter = 0; iter < 100; iter++)
    {
      double span = exp (g_rand_double_range (rand, log (4.0), log (40 * 365.25)));
      double start = g_rand_double_range (rand, fixture_day (1985, 1, 1), fixture_day (2020, 1, 1));

      update (layout, start, start + span, 1200, 900);
      check_bands_step_up (layout);
    }
}

/* ------------------------------------------------------------------------------------------ */

static void
test_hit_test (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  const KzTimelineGeometry *g;
  const KzTimelineLane *lane;
  const KzTimelineMark *mark;
  const KzTimelineRowItem *items;
  const KzTimelineCluster *clusters;
  KzTimelineHit hit;
  guint n_items, n_clusters;
  double cy;

  update_years (layout, 1999, 2027, 1200, 800);
  g = kz_timeline_layout_get_geometry (layout);

  /* A mark, from its centre or a little off it. */
  lane = find_lane (layout, "critical-minerals");
  cy = lane->y + lane->height / 2;
  mark = find_mark (layout, "critical-minerals", "event-10");
  g_assert_nonnull (mark);
  g_assert_true (kz_timeline_layout_hit_test (layout, mark->x, cy, &hit));
  g_assert_cmpint (hit.kind, ==, KZ_TIMELINE_HIT_MARK);
  g_assert_cmpstr (kz_event_get_id (hit.event), ==, "event-10");
  g_assert_true (hit.area == lane->area);
  g_assert_true (kz_timeline_layout_hit_test (layout, mark->x + 3, cy - 2, &hit));
  g_assert_cmpstr (kz_event_get_id (hit.event), ==, "event-10");

  /* Empty lane space. */
  g_assert_false (kz_timeline_layout_hit_test (layout, mark->x + 40, cy, &hit));
  g_assert_cmpint (hit.kind, ==, KZ_TIMELINE_HIT_NONE);

  /* A lane label. */
  g_assert_true (kz_timeline_layout_hit_test (layout, g->label_x + 20, cy, &hit));
  g_assert_cmpint (hit.kind, ==, KZ_TIMELINE_HIT_LANE_LABEL);
  g_assert_true (hit.area == lane->area);

  /* An event in the row, by its label. */
  items = kz_timeline_layout_get_row_items (layout, &n_items);
  g_assert_cmpuint (n_items, >, 0);
  g_assert_true (kz_timeline_layout_hit_test (layout, items[0].label_x + 4, items[0].y, &hit));
  g_assert_cmpint (hit.kind, ==, KZ_TIMELINE_HIT_ROW_ITEM);
  g_assert_true (hit.event == items[0].event);

  /* A cluster in the row, with the range to zoom to. */
  clusters = kz_timeline_layout_get_row_clusters (layout, &n_clusters);
  g_assert_cmpuint (n_clusters, >, 0);
  g_assert_true (kz_timeline_layout_hit_test (layout, clusters[0].x, clusters[0].y, &hit));
  g_assert_cmpint (hit.kind, ==, KZ_TIMELINE_HIT_CLUSTER);
  g_assert_cmpuint (hit.count, ==, clusters[0].count);
  g_assert_cmpfloat (hit.last_day, >, hit.first_day);

  /* The axis and the margins are nothing. */
  g_assert_false (kz_timeline_layout_hit_test (layout, g->plot_x0 + 10, g->axis.y + 20, &hit));
  g_assert_false (kz_timeline_layout_hit_test (layout, 2, 2, &hit));
}

static void
test_zoom_limits (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  double full_start, full_end, start, end;
  gint64 first, last;

  g_assert_true (kz_dataset_get_span (dataset, &first, &last));
  kz_timeline_layout_get_full_range (layout, &full_start, &full_end);
  g_assert_cmpfloat (full_start, <, first);
  g_assert_cmpfloat (full_end, >, last + 1);
  g_assert_cmpfloat (full_end - full_start, <, (last + 1 - first) * 1.2);

  /* Too narrow: widened around its middle to the narrowest view. */
  start = fixture_day (2010, 1, 1);
  end = start + 0.5;
  kz_timeline_layout_clamp_range (layout, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, KZ_TIMELINE_MIN_SPAN_DAYS, EPSILON);
  g_assert_cmpfloat_with_epsilon ((start + end) / 2, fixture_day (2010, 1, 1) + 0.25, EPSILON);

  /* Too wide: the whole dataset. */
  start = full_start - 5000;
  end = full_end + 9000;
  kz_timeline_layout_clamp_range (layout, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, full_start, EPSILON);
  g_assert_cmpfloat_with_epsilon (end, full_end, EPSILON);

  /* Past an end: slid back inside, span kept. */
  start = full_end - 10;
  end = full_end + 90;
  kz_timeline_layout_clamp_range (layout, &start, &end);
  g_assert_cmpfloat_with_epsilon (end, full_end, EPSILON);
  g_assert_cmpfloat_with_epsilon (end - start, 100, EPSILON);
  start = full_start - 300;
  end = full_start - 100;
  kz_timeline_layout_clamp_range (layout, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, full_start, EPSILON);
  g_assert_cmpfloat_with_epsilon (end - start, 200, EPSILON);

  /* Nonsense: the whole dataset. */
  start = NAN;
  end = 3;
  kz_timeline_layout_clamp_range (layout, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, full_start, EPSILON);
  g_assert_cmpfloat_with_epsilon (end, full_end, EPSILON);
}

/* ------------------------------------------------------------------------------------------ */

typedef struct {
  KzKind *hidden;
  KzArea *areas[2];
} Filter;

static gboolean
filter_shows (KzEvent  *event,
              gpointer  data)
{
  Filter *filter = data;

  return kz_event_get_kind (event) != filter->hidden &&
         (kz_event_find_area (event, filter->areas[0]) != NULL ||
          kz_event_find_area (event, filter->areas[1]) != NULL);
}

static void
test_filters (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  KzKind *fmsd = kz_dataset_lookup_kind (dataset, "fmsd");
  KzArea *shown[] = { kz_dataset_lookup_area (dataset, "quad"), kz_dataset_lookup_area (dataset, "trade") };
  const KzTimelineLane *lanes;
  const KzTimelineMark *marks;
  const KzTimelineRowItem *items;
  guint n_lanes, n_marks, n_items;

  update_years (layout, 1999, 2027, 1600, 900);
  lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);
  g_assert_cmpuint (n_lanes, ==, 8);
  g_assert_cmpuint (find_lane (layout, "trade")->n_events, ==, 15);

  kz_timeline_layout_set_hidden_kinds (layout, &fmsd, 1);
  kz_timeline_layout_set_areas (layout, shown, G_N_ELEMENTS (shown));
  update_years (layout, 1999, 2027, 1600, 900);
  check_row_filtered (layout, dataset, filter_shows, &(Filter) { fmsd, { shown[0], shown[1] } });

  lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);
  g_assert_cmpuint (n_lanes, ==, 2);
  g_assert_cmpstr (kz_area_get_id (lanes[0].area), ==, "quad");
  g_assert_cmpstr (kz_area_get_id (lanes[1].area), ==, "trade");
  g_assert_cmpuint (lanes[1].n_events, ==, 11);

  marks = kz_timeline_layout_get_marks (layout, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    g_assert_true (marks[i].count > 1 || kz_event_get_kind (marks[i].event) != fmsd);
  items = kz_timeline_layout_get_row_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      KzEvent *event = items[i].event;

      g_assert_true (kz_event_get_kind (event) != fmsd);
      g_assert_true (kz_event_find_area (event, shown[0]) != NULL ||
                     kz_event_find_area (event, shown[1]) != NULL);
    }

  /* No areas, no lanes and no events (an empty list is not "all"). */
  kz_timeline_layout_set_areas (layout, NULL, 0);
  update_years (layout, 1999, 2027, 1600, 900);
  kz_timeline_layout_get_lanes (layout, &n_lanes);
  g_assert_cmpuint (n_lanes, ==, 0);
  kz_timeline_layout_get_row_items (layout, &n_items);
  g_assert_cmpuint (n_items, ==, 0);

  /* A new dataset starts with everything again. */
  kz_timeline_layout_set_dataset (layout, NULL);
  kz_timeline_layout_set_dataset (layout, dataset);
  update_years (layout, 1999, 2027, 1600, 900);
  kz_timeline_layout_get_lanes (layout, &n_lanes);
  g_assert_cmpuint (n_lanes, ==, 8);
}

/* Filters by id, as a window keeps them, prepared off the main thread the way a window
 * prepares a layout while loading: the same filters again keep what was built, other
 * ones are applied. */
static void
test_filter_ids (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = kz_timeline_layout_new ();
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  const char *hidden_areas[] = { "trade", "no-such-area", NULL };
  const char *hidden_kinds[] = { "fmsd", NULL };
  KzKind *fmsd = kz_dataset_lookup_kind (dataset, "fmsd");
  const KzTimelineLane *lanes;
  const KzTimelineRowItem *items;
  guint n_lanes, n_items;

  kz_timeline_layout_set_dataset (layout, dataset);
  kz_timeline_layout_set_filter_ids (layout, hidden_areas, hidden_kinds, shown);
  kz_timeline_layout_prepare (layout);

  /* The shown areas, in dataset order, less trade; the unknown id is passed over */
  g_assert_cmpuint (shown->len, ==, 7);
  for (guint i = 0; i < shown->len; i++)
    {
      g_assert_cmpstr (kz_area_get_id (g_ptr_array_index (shown, i)), !=, "trade");
      g_assert_cmpuint (kz_area_get_index (g_ptr_array_index (shown, i)), >, i > 0 ? kz_area_get_index (g_ptr_array_index (shown, i - 1)) : 0);
    }

  /* Again, as the window does on the main loop: the same lanes */
  g_ptr_array_set_size (shown, 0);
  kz_timeline_layout_set_filter_ids (layout, hidden_areas, hidden_kinds, shown);
  update_years (layout, 1999, 2027, 1600, 900);
  lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);
  g_assert_cmpuint (n_lanes, ==, 7);
  for (guint i = 0; i < n_lanes; i++)
    g_assert_true (lanes[i].area == g_ptr_array_index (shown, i));
  items = kz_timeline_layout_get_row_items (layout, &n_items);
  g_assert_cmpuint (n_items, >, 0);
  for (guint i = 0; i < n_items; i++)
    g_assert_true (kz_event_get_kind (items[i].event) != fmsd);

  /* Changed filters are applied: every lane is back */
  kz_timeline_layout_set_filter_ids (layout, NULL, NULL, NULL);
  update_years (layout, 1999, 2027, 1600, 900);
  kz_timeline_layout_get_lanes (layout, &n_lanes);
  g_assert_cmpuint (n_lanes, ==, 8);
  g_assert_cmpuint (find_lane (layout, "trade")->n_events, ==, 15);
}

/* Zoomed out, a mark stands for thousands of events; its count and deepest stage come from
 * the lane's sorted entries and its pyramid of deepest stages. With no mechanism stage to
 * stop at, the pyramid is read at every level: each mark must still say exactly what a
 * walk over its events says. */
static void
test_deepest_stage_pyramid (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  GPtrArray *areas = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KzDataset) dataset = NULL;
  g_autoptr(KzTimelineLayout) layout = NULL;
  KzArea *area = kz_area_new ("only", "Only", 0x336699, NULL);
  gint64 first_day = fixture_day (1990, 1, 1);
  const int spans[][2] = { { 1990, 2030 }, { 1990, 2000 }, { 1990, 1992 }, { 1991, 1992 } };
  guint n_checked = 0, n_large = 0;

  g_ptr_array_add (areas, area);
  for (guint i = 0; i < 40000; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%06u", i);
      /* Two crowded years: a zoomed-out bucket holds thousands */
      KzDate date = kz_date_from_day (first_day + g_rand_int_range (rand, 0, 365 * 2));
      guint roll = g_rand_int_range (rand, 0, 1000);
      KzEvent *event = kz_event_new (id, &date, id);

      kz_event_add_area (event, area, roll < 990 ? KZ_STAGE_DISCUSSED : roll < 998 ? KZ_STAGE_COMMITTED
                                                                                   : KZ_STAGE_AGREED,
                         NULL, NULL, 0);
      g_ptr_array_add (events, event);
    }
  dataset = kz_dataset_new ("Pyramid", NULL, areas, NULL, events);
  layout = new_layout (dataset);

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    {
      const KzTimelineMark *marks;
      guint n_marks;

      update_years (layout, spans[s][0], spans[s][1], 1600, 900);
      marks = kz_timeline_layout_get_marks (layout, &n_marks);
      g_assert_cmpuint (n_marks, >, 0);
      for (guint m = 0; m < n_marks; m++)
        {
          KzStage deepest = KZ_STAGE_NONE;

          /* One area, single days: a mark's events are consecutive in dataset order */
          g_assert_cmpuint (marks[m].last_position - marks[m].position + 1, ==, marks[m].count);
          for (guint p = marks[m].position; p <= marks[m].last_position; p++)
            deepest = MAX (deepest, kz_event_get_area (kz_dataset_get_event (dataset, p), 0)->stage);
          g_assert_cmpint (marks[m].stage, ==, deepest);
          n_checked++;
          n_large += marks[m].count > 1024;
        }
    }

  /* Marks large enough to read the pyramid's upper levels were among them */
  g_test_message ("%u marks checked, %u of more than 1024 events", n_checked, n_large);
  g_assert_cmpuint (n_large, >, 0);
}

static void
test_search (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  g_autofree char *needle = g_utf8_casefold ("summit", -1);
  const KzTimelineRowItem *items;
  const KzTimelineMark *marks;
  guint n_items, n_marks, n_matching = 0, n_dimmed = 0;

  kz_timeline_layout_set_search_text (layout, needle);
  update_years (layout, 2005, 2027, 2000, 900);
  g_assert_true (kz_timeline_layout_get_geometry (layout)->search_active);

  items = kz_timeline_layout_get_row_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *title = g_utf8_casefold (kz_event_get_title (items[i].event), -1);

      g_assert_cmpint (items[i].matches, ==, strstr (title, needle) != NULL);
    }

  marks = kz_timeline_layout_get_marks (layout, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      if (marks[i].count == 1)
        {
          g_autofree char *title = g_utf8_casefold (kz_event_get_title (marks[i].event), -1);
          g_assert_cmpint (marks[i].matches, ==, strstr (title, needle) != NULL);
        }
      if (marks[i].matches)
        n_matching++;
      else
        n_dimmed++;
    }
  g_assert_cmpuint (n_matching, >, 0);
  g_assert_cmpuint (n_dimmed, >, 0);

  /* A byte per event works the same; NULL ends the search. */
  {
    guint n_events = kz_dataset_get_n_events (dataset);
    g_autofree guint8 *bits = g_new0 (guint8, n_events);

    bits[3] = 1;
    kz_timeline_layout_set_matches (layout, bits, n_events);
    update_years (layout, 2005, 2027, 2000, 900);
    marks = kz_timeline_layout_get_marks (layout, &n_marks);
    for (guint i = 0; i < n_marks; i++)
      if (marks[i].count == 1)
        g_assert_cmpint (marks[i].matches, ==, marks[i].position == 3);
  }

  kz_timeline_layout_set_search_text (layout, NULL);
  update_years (layout, 2005, 2027, 2000, 900);
  g_assert_false (kz_timeline_layout_get_geometry (layout)->search_active);
  marks = kz_timeline_layout_get_marks (layout, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    g_assert_true (marks[i].matches);
}

static void
test_today (void)
{
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  const KzTimelineGeometry *g;

  update_years (layout, 2025, 2027, 1200, 800);
  g = kz_timeline_layout_get_geometry (layout);
  g_assert_true (g->has_today);
  g_assert_cmpfloat_with_epsilon (g->today_x, kz_timeline_layout_day_to_x (layout, fixture_day (2026, 1, 20) + 0.5),
                                  EPSILON);

  update_years (layout, 2000, 2010, 1200, 800);
  g_assert_false (kz_timeline_layout_get_geometry (layout)->has_today);

  /* By default, the real today. */
  kz_timeline_layout_set_today (layout, NULL);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    double day = fixture_day (g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now));

    update (layout, day - 30, day + 30, 1200, 800);
    g = kz_timeline_layout_get_geometry (layout);
    g_assert_true (g->has_today);
    g_assert_cmpfloat_with_epsilon (g->today_x, kz_timeline_layout_day_to_x (layout, day + 0.5), EPSILON);
  }
}

static void
test_scroll_and_regions (void)
{
  g_autoptr(KzDataset) dataset = fixture_generated_dataset (500, 30, 2000, 20, 11);
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  const KzTimelineGeometry *g;
  const KzTimelineLane *lanes;
  KzTimelineViewport view = { 0 };
  guint n_lanes;

  view.start_day = fixture_day (2000, 1, 1);
  view.end_day = fixture_day (2020, 1, 1);
  view.width = 1000;
  view.height = 500;
  view.scroll_y = 100000;
  view.flags = KZ_TIMELINE_LAYOUT_TITLE | KZ_TIMELINE_LAYOUT_LEGEND | KZ_TIMELINE_LAYOUT_FOOTER;
  kz_timeline_layout_update (layout, &view);
  g = kz_timeline_layout_get_geometry (layout);

  /* Thirty lanes do not fit in 500 px: the lanes scroll, to the end at most. */
  g_assert_cmpfloat (g->lanes_content_height, >, g->lanes.height);
  g_assert_cmpfloat_with_epsilon (g->scroll_y, g->lanes_content_height - g->lanes.height, EPSILON);
  lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);
  g_assert_cmpuint (n_lanes, <, 30);
  g_assert_cmpuint (lanes[n_lanes - 1].index, ==, 29);
  for (guint i = 0; i < n_lanes; i++)
    {
      g_assert_cmpfloat (lanes[i].y + lanes[i].height, >, g->lanes.y);
      g_assert_cmpfloat (lanes[i].y, <, g->lanes.y + g->lanes.height);
    }

  /* Regions stack without overlapping, inside the picture. */
  g_assert_cmpfloat (g->title.y + g->title.height, <=, g->row.y);
  g_assert_cmpfloat (g->row.y + g->row.height, <=, g->lanes.y);
  g_assert_cmpfloat (g->lanes.y + g->lanes.height, <=, g->axis.y);
  g_assert_cmpfloat (g->axis.y + g->axis.height, <=, g->legend.y);
  g_assert_cmpfloat (g->legend.y + g->legend.height, <=, g->footer.y);
  g_assert_cmpfloat (g->footer.y + g->footer.height, <=, g->height);

  /* Export's default height fits every lane. */
  view.height = kz_timeline_layout_get_preferred_height (layout, view.flags);
  view.scroll_y = 0;
  kz_timeline_layout_update (layout, &view);
  g = kz_timeline_layout_get_geometry (layout);
  g_assert_cmpfloat_with_epsilon (g->lanes.height, g->lanes_content_height, EPSILON);
  kz_timeline_layout_get_lanes (layout, &n_lanes);
  g_assert_cmpuint (n_lanes, ==, 30);
}

/* Nothing to show is not an error: no dataset, no events, no areas, a zero-width view. */
static void
test_empty (void)
{
  g_autoptr(KzTimelineLayout) layout = new_layout (NULL);
  g_autoptr(KzDataset) empty = kz_dataset_new ("Empty", NULL, g_ptr_array_new_with_free_func (g_object_unref),
                                               NULL, g_ptr_array_new_with_free_func (g_object_unref));
  g_autoptr(KzDataset) dataset = fixture_small_dataset ();
  KzTimelineHit hit;
  double start, end;
  guint n;

  update_years (layout, 2000, 2010, 800, 600);
  kz_timeline_layout_get_lanes (layout, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (kz_timeline_layout_hit_test (layout, 400, 300, &hit));
  kz_timeline_layout_get_full_range (layout, &start, &end);
  g_assert_cmpfloat (end - start, >, 300);

  kz_timeline_layout_set_dataset (layout, empty);
  update_years (layout, 2000, 2010, 800, 600);
  kz_timeline_layout_get_row_items (layout, &n);
  g_assert_cmpuint (n, ==, 0);
  kz_timeline_layout_clamp_range (layout, &start, &end);

  kz_timeline_layout_set_dataset (layout, dataset);
  update (layout, 1000, 1000, 0, 0);
  update (layout, fixture_day (2000, 1, 1), fixture_day (2001, 1, 1), 30, 20);
  kz_timeline_layout_get_lanes (layout, &n);
  g_assert_cmpuint (n, <=, 8);
}

/* The work per frame follows pixels, not events. */
static void
test_bounded_by_pixels (void)
{
  g_autoptr(KzDataset) dataset = fixture_generated_dataset (100000, 24, 1996, 30, 1);
  g_autoptr(KzTimelineLayout) layout = new_layout (dataset);
  const KzTimelineGeometry *g;
  const KzTimelineLane *lanes;
  guint n_lanes, n_items, n_clusters, n_marks;
  double full_start, full_end;

  kz_timeline_layout_get_full_range (layout, &full_start, &full_end);
  update (layout, full_start, full_end, 1920, 1080);
  g = kz_timeline_layout_get_geometry (layout);
  check_row (layout, dataset);

  lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);
  for (guint i = 0; i < n_lanes; i++)
    /* One mark per bucket, give or take the edges. */
    g_assert_cmpuint (lanes[i].n_marks, <=, (g->plot_x1 - g->plot_x0) / 6 + 4);

  kz_timeline_layout_get_row_items (layout, &n_items);
  kz_timeline_layout_get_row_clusters (layout, &n_clusters);
  kz_timeline_layout_get_marks (layout, &n_marks);
  g_assert_cmpuint (n_items + n_clusters, <=, (g->plot_x1 - g->plot_x0) / 6 * 3);
  g_test_message ("100k events, whole range: %u marks, %u labels, %u clusters",
                  n_marks, n_items, n_clusters);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/layout/positions", test_positions);
  g_test_add_func ("/timeline/layout/axis-ticks", test_axis_ticks);
  g_test_add_func ("/timeline/layout/axis-ticks-every-zoom", test_axis_ticks_every_zoom);
  g_test_add_func ("/timeline/layout/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/timeline/layout/selected-label-flips", test_selected_label_flips);
  g_test_add_func ("/timeline/layout/clusters", test_clusters);
  g_test_add_func ("/timeline/layout/clusters-brute-force", test_clusters_brute_force);
  g_test_add_func ("/timeline/layout/spans", test_spans);
  g_test_add_func ("/timeline/layout/bands", test_bands);
  g_test_add_func ("/timeline/layout/hit-test", test_hit_test);
  g_test_add_func ("/timeline/layout/zoom-limits", test_zoom_limits);
  g_test_add_func ("/timeline/layout/filters", test_filters);
  g_test_add_func ("/timeline/layout/filter-ids", test_filter_ids);
  g_test_add_func ("/timeline/layout/deepest-stage-pyramid", test_deepest_stage_pyramid);
  g_test_add_func ("/timeline/layout/search", test_search);
  g_test_add_func ("/timeline/layout/today", test_today);
  g_test_add_func ("/timeline/layout/scroll-and-regions", test_scroll_and_regions);
  g_test_add_func ("/timeline/layout/empty", test_empty);
  g_test_add_func ("/timeline/layout/bounded-by-pixels", test_bounded_by_pixels);

  return g_test_run ();
}
