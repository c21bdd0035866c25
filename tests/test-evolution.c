/* test-evolution.c — area stories and event comparisons on a dataset with known answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/good/evolution.json has ties on one date (e2, e3), partial dates (e1 is a
 * year, e4 a month), and area “a” which disappears at e4 and returns, weaker, at e5.
 */
#include "config.h"

#include <locale.h>

#include "kz-area-story.h"
#include "kz-dataset-loader.h"
#include "kz-event-comparison.h"

static KzDataset *
load_evolution (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "evolution.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KzDataset *dataset = kz_dataset_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_story (void)
{
  g_autoptr(KzDataset) dataset = load_evolution ();
  g_autoptr(KzAreaStory) story = kz_area_story_new (dataset, kz_dataset_lookup_area (dataset, "a"));
  const struct { const char *event; KzStage from, to; gboolean deepest; } expected[] = {
    { "e1", KZ_STAGE_NONE, KZ_STAGE_DISCUSSED, TRUE },
    { "e2", KZ_STAGE_DISCUSSED, KZ_STAGE_COMMITTED, TRUE },
    { "e3", KZ_STAGE_COMMITTED, KZ_STAGE_AGREED, TRUE },
    { "e5", KZ_STAGE_AGREED, KZ_STAGE_COMMITTED, FALSE },
  };
  KzKind *k1 = kz_dataset_lookup_kind (dataset, "k1");
  KzKind *k2 = kz_dataset_lookup_kind (dataset, "k2");

  g_assert_cmpstr (kz_event_get_id (story->first_event), ==, "e1");
  g_assert_cmpstr (kz_event_get_id (story->latest_event), ==, "e5");
  g_assert_cmpstr (kz_event_get_id (story->deepest_event), ==, "e3");
  g_assert_cmpint (story->deepest_stage, ==, KZ_STAGE_AGREED);
  g_assert_cmpuint (story->n_events, ==, 4);
  g_assert_cmpuint (story->events_by_kind[kz_kind_get_index (k1)], ==, 3);
  g_assert_cmpuint (story->events_by_kind[kz_kind_get_index (k2)], ==, 1);
  g_assert_cmpuint (story->events_without_kind, ==, 0);

  g_assert_cmpuint (story->n_changes, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (kz_event_get_id (story->changes[i].event), ==, expected[i].event);
      g_assert_cmpint (story->changes[i].from, ==, expected[i].from);
      g_assert_cmpint (story->changes[i].to, ==, expected[i].to);
      g_assert_cmpint (story->changes[i].deepest, ==, expected[i].deepest);
    }
}

static void
test_story_same_stage_twice (void)
{
  g_autoptr(KzDataset) dataset = load_evolution ();
  g_autoptr(KzAreaStory) story = kz_area_story_new (dataset, kz_dataset_lookup_area (dataset, "b"));

  /* agreed (e2), discussed (e4), discussed (e5): the repeat is not a change. */
  g_assert_cmpuint (story->n_events, ==, 3);
  g_assert_cmpuint (story->n_changes, ==, 2);
  g_assert_cmpstr (kz_event_get_id (story->changes[1].event), ==, "e4");
  g_assert_cmpint (story->changes[1].to, ==, KZ_STAGE_DISCUSSED);
  g_assert_false (story->changes[1].deepest);
}

static void
check_comparison (KzDataset   *dataset,
                  const char  *from,
                  const char  *to,
                  const char  *expected)  /* "a:dropped b:weakened …" in area order */
{
  g_autoptr(KzEventComparison) comparison =
    kz_event_comparison_new (dataset, kz_dataset_lookup_event (dataset, from),
                             kz_dataset_lookup_event (dataset, to));
  g_autoptr(GString) actual = g_string_new (NULL);

  for (guint i = 0; i < comparison->n_areas; i++)
    {
      const KzAreaComparison *item = &comparison->areas[i];

      g_string_append_printf (actual, "%s%s:%s", i > 0 ? " " : "", kz_area_get_id (item->area),
                              kz_area_change_to_string (item->change));
      g_assert_true ((item->from == NULL) == (item->change == KZ_AREA_CHANGE_ADDED));
      g_assert_true ((item->to == NULL) == (item->change == KZ_AREA_CHANGE_DROPPED));
    }

  g_assert_cmpstr (actual->str, ==, expected);
}

static void
test_compare (void)
{
  g_autoptr(KzDataset) dataset = load_evolution ();

  check_comparison (dataset, "e2", "e4", "a:dropped b:weakened c:added");
  check_comparison (dataset, "e4", "e5", "a:added b:unchanged c:dropped");
  check_comparison (dataset, "e2", "e5", "a:unchanged b:weakened");
  check_comparison (dataset, "e1", "e3", "a:deepened");
  check_comparison (dataset, "e3", "e3", "a:unchanged");
}

static void
test_compare_notes (void)
{
  g_autoptr(KzDataset) dataset = load_evolution ();
  g_autoptr(KzEventComparison) comparison =
    kz_event_comparison_new (dataset, kz_dataset_lookup_event (dataset, "e4"),
                             kz_dataset_lookup_event (dataset, "e5"));

  g_assert_cmpuint (comparison->n_areas, ==, 3);
  g_assert_cmpstr (comparison->areas[0].to->note, ==, "A returns, \"quoted\"");
  g_assert_cmpstr (comparison->areas[1].from->note, ==, "B talked,\nover two lines");
  g_assert_cmpstr (comparison->areas[1].to->note, ==, "B again");
}

static void
test_previous_of_kind (void)
{
  g_autoptr(KzDataset) dataset = load_evolution ();
  KzEvent *previous;

  previous = kz_dataset_find_previous_of_kind (dataset, kz_dataset_lookup_event (dataset, "e5"));
  g_assert_cmpstr (kz_event_get_id (previous), ==, "e4");
  previous = kz_dataset_find_previous_of_kind (dataset, kz_dataset_lookup_event (dataset, "e2"));
  g_assert_cmpstr (kz_event_get_id (previous), ==, "e1");
  /* e3 is the only event of its kind. */
  g_assert_null (kz_dataset_find_previous_of_kind (dataset, kz_dataset_lookup_event (dataset, "e3")));
  g_assert_null (kz_dataset_find_previous_of_kind (dataset, kz_dataset_lookup_event (dataset, "e1")));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evolution/story", test_story);
  g_test_add_func ("/evolution/story-same-stage-twice", test_story_same_stage_twice);
  g_test_add_func ("/evolution/compare", test_compare);
  g_test_add_func ("/evolution/compare-notes", test_compare_notes);
  g_test_add_func ("/evolution/previous-of-kind", test_previous_of_kind);

  return g_test_run ();
}
