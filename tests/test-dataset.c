/* test-dataset.c — dataset order, lookups and per-area statistics with known answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "kz-dataset-loader.h"

static KzDataset *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KzDataset *dataset = kz_dataset_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static KzDataset *
load_stats (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "stats.json", NULL);

  return load_path (path);
}

static void
test_order (void)
{
  const char *expected[] = { "early", "year", "month", "a-day", "b-day", "later" };
  g_autoptr(KzDataset) dataset = load_stats ();
  GListModel *model = G_LIST_MODEL (dataset);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  g_assert_true (g_list_model_get_item_type (model) == KZ_TYPE_EVENT);

  /* By date, a partial date before fuller ones in its period, then by id. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KzEvent) event = g_list_model_get_item (model, i);
      guint position;

      g_assert_cmpstr (kz_event_get_id (event), ==, expected[i]);
      g_assert_true (kz_dataset_get_event (dataset, i) == event);
      g_assert_true (kz_dataset_get_event_position (dataset, event, &position));
      g_assert_cmpuint (position, ==, i);
    }

  g_assert_null (g_list_model_get_item (model, G_N_ELEMENTS (expected)));
}

static void
test_lookup (void)
{
  g_autoptr(KzDataset) dataset = load_stats ();

  g_assert_cmpstr (kz_event_get_title (kz_dataset_lookup_event (dataset, "month")), ==, "Month");
  g_assert_null (kz_dataset_lookup_event (dataset, "nope"));
  g_assert_cmpstr (kz_area_get_name (kz_dataset_lookup_area (dataset, "ai")), ==, "AI");
  g_assert_null (kz_dataset_lookup_area (dataset, "space"));
  g_assert_null (kz_dataset_lookup_kind (dataset, "summit"));
  g_assert_cmpuint (g_list_model_get_n_items (kz_dataset_get_kinds (dataset)), ==, 0);
}

static void
test_area_stats (void)
{
  g_autoptr(KzDataset) dataset = load_stats ();
  KzArea *trade = kz_dataset_lookup_area (dataset, "trade");
  KzArea *ai = kz_dataset_lookup_area (dataset, "ai");
  KzArea *unused = kz_dataset_lookup_area (dataset, "unused");
  const KzAreaStats *stats;

  stats = kz_dataset_get_area_stats (dataset, trade);
  g_assert_cmpuint (stats->n_events, ==, 5);
  g_assert_cmpstr (kz_event_get_id (stats->first_event), ==, "early");
  g_assert_cmpstr (kz_event_get_id (stats->last_event), ==, "later");
  g_assert_cmpint (stats->deepest_stage, ==, KZ_STAGE_AGREED);
  /* a-day and b-day both reach "agreed" on the same date: the first in dataset order wins. */
  g_assert_cmpstr (kz_event_get_id (stats->deepest_event), ==, "a-day");

  stats = kz_dataset_get_area_stats (dataset, ai);
  g_assert_cmpuint (stats->n_events, ==, 3);
  g_assert_cmpstr (kz_event_get_id (stats->first_event), ==, "month");
  g_assert_cmpint (stats->deepest_stage, ==, KZ_STAGE_MECHANISM);
  g_assert_cmpstr (kz_event_get_id (stats->deepest_event), ==, "month");

  stats = kz_dataset_get_area_stats (dataset, unused);
  g_assert_cmpuint (stats->n_events, ==, 0);
  g_assert_null (stats->first_event);
  g_assert_null (stats->deepest_event);
  g_assert_cmpint (stats->deepest_stage, ==, KZ_STAGE_NONE);
}

static void
test_span (void)
{
  g_autoptr(KzDataset) dataset = load_stats ();
  KzDate first, last;
  gint64 first_day, last_day;

  g_assert_true (kz_dataset_get_span (dataset, &first_day, &last_day));
  g_assert_true (kz_date_parse ("2019-12-01", &first, NULL));
  g_assert_true (kz_date_parse ("2023-07-02", &last, NULL));
  g_assert_cmpint (first_day, ==, kz_date_get_first_day (&first));
  g_assert_cmpint (last_day, ==, kz_date_get_first_day (&last));
}

static void
test_search_text (void)
{
  g_autoptr(KzDataset) dataset = load_stats ();
  KzEvent *event = kz_dataset_lookup_event (dataset, "later");
  g_autofree char *needle = g_utf8_casefold ("LAT", -1);
  g_autofree char *other = g_utf8_casefold ("earl", -1);

  g_assert_true (kz_event_matches_text (event, needle));
  g_assert_false (kz_event_matches_text (event, other));
  g_assert_true (kz_event_matches_text (event, ""));
}

static void
test_search_text_scripts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "multiscript.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KzDataset) dataset = kz_dataset_load_from_file (file, NULL, NULL, NULL);
  KzEvent *event = kz_dataset_lookup_event (dataset, "s1");
  const struct { const char *needle; gboolean matches; } cases[] = {
    { "首脳", TRUE },             /* Japanese in the title */
    { "安倍", TRUE },             /* a participant */
    { "साझेदारी", TRUE },         /* Hindi in the summary */
    { "3.5兆円", TRUE },          /* a note, mixed scripts */
    { "東京", TRUE },             /* the place */
    { "大阪", FALSE },
    { "TRADE", FALSE },           /* area names are not searched, notes are */
  };

  /* Needles with non-ASCII characters go through casefolding; each field is searched. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = g_utf8_casefold (cases[i].needle, -1);

      g_test_message ("needle %s", cases[i].needle);
      g_assert_cmpint (kz_event_matches_text (event, folded), ==, cases[i].matches);
    }
}

static void
test_search_ascii_case (void)
{
  g_autoptr(KzDataset) dataset = load_stats ();
  KzEvent *event = kz_dataset_lookup_event (dataset, "a-day");
  g_autofree char *upper = g_utf8_casefold ("A", -1);

  /* The ASCII path ignores case both ways and matches at the very end of a field. */
  g_assert_true (kz_event_matches_text (event, upper));
  g_assert_true (kz_event_matches_text (event, "a"));
  g_assert_false (kz_event_matches_text (event, "ab"));
}

/* Each kind's events, counted and listed once when the dataset is built, agree with a
 * walk over every event; a kind of another dataset has none. */
static void
test_kind_positions (void)
{
  g_autoptr(KzDataset) dataset = load_path (g_getenv ("KZ_BUNDLED_DATASET"));
  g_autoptr(KzDataset) other = load_path (g_getenv ("KZ_BUNDLED_DATASET"));
  GListModel *kinds = kz_dataset_get_kinds (dataset);
  g_autoptr(KzKind) foreign = NULL;
  guint total = 0, n;

  g_assert_cmpuint (g_list_model_get_n_items (kinds), >, 0);
  for (guint k = 0; k < g_list_model_get_n_items (kinds); k++)
    {
      g_autoptr(KzKind) kind = g_list_model_get_item (kinds, k);
      const guint *positions = kz_dataset_get_kind_positions (dataset, kind, &n);
      guint expected = 0, seen = 0;

      for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
        if (kz_event_get_kind (kz_dataset_get_event (dataset, i)) == kind)
          {
            g_assert_cmpuint (seen, <, n);
            g_assert_cmpuint (positions[seen], ==, i);
            seen++;
            expected++;
          }
      g_assert_cmpuint (n, ==, expected);
      g_assert_cmpuint (kz_dataset_count_kind (dataset, kind), ==, expected);
      total += n;
    }
  g_assert_cmpuint (total, >, 0);

  foreign = g_list_model_get_item (kz_dataset_get_kinds (other), 0);
  g_assert_null (kz_dataset_get_kind_positions (dataset, foreign, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (kz_dataset_count_kind (dataset, foreign), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset/order", test_order);
  g_test_add_func ("/dataset/lookup", test_lookup);
  g_test_add_func ("/dataset/area-stats", test_area_stats);
  g_test_add_func ("/dataset/span", test_span);
  g_test_add_func ("/dataset/search-text", test_search_text);
  g_test_add_func ("/dataset/search-text-scripts", test_search_text_scripts);
  g_test_add_func ("/dataset/search-ascii-case", test_search_ascii_case);

  g_test_add_func ("/dataset/kind-positions", test_kind_positions);

  return g_test_run ();
}
