/* test-dataset-cache.c — the cached copy gives back exactly the dataset the file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real files in a temporary folder, the real cache in another. Files are padded with
 * blanks past the size the cache starts at: blanks change no JSON value.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "kz-dataset-cache.h"

typedef struct
{
  char           *folder;
  char           *cache_folder;
  KzDatasetCache *cache;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-dataset-cache-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->cache_folder = g_build_filename (fixture->folder, "cache", NULL);
  fixture->cache = kz_dataset_cache_new (fixture->cache_folder);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->cache);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->cache_folder);
}

/* Writes @source's bytes to @name in the fixture's folder, padded to @size with blanks. */
static char *
write_padded (Fixture    *fixture,
              const char *source,
              const char *name,
              gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) padded = NULL;
  char *path = g_build_filename (fixture->folder, name, NULL);
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  padded = g_string_new_len (contents, (gssize) length);
  while (padded->len < size)
    g_string_append_c (padded, padded->len % 80 == 79 ? '\n' : ' ');
  g_file_set_contents (path, padded->str, (gssize) padded->len, &error);
  g_assert_no_error (error);
  return path;
}

static char *
bundled_padded (Fixture    *fixture,
                const char *name)
{
  return write_padded (fixture, g_getenv ("KZ_BUNDLED_DATASET"), name,
                       (gsize) KZ_DATASET_CACHE_MIN_FILE_SIZE);
}

static char *
entry_file (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->cache_folder, 0, NULL);
  const char *name;
  char *found = NULL;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".cache"))
      {
        g_assert_null (found);
        found = g_build_filename (fixture->cache_folder, name, NULL);
      }
  return found;
}

static guint
count_entries (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->cache_folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static KzDataset *
load (Fixture    *fixture,
      const char *path,
      GPtrArray  *problems,
      gboolean    expect_from_cache)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gboolean from_cache = !expect_from_cache;
  KzDataset *dataset;

  dataset = kz_dataset_cache_load_file (fixture->cache, file, problems, NULL, NULL, NULL, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpint (from_cache, ==, expect_from_cache);
  return dataset;
}

static void
assert_dates_equal (const KzDate *a,
                    const KzDate *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_cmpint (kz_date_compare (a, b), ==, 0);
}

static void
assert_events_equal (KzEvent *a,
                     KzEvent *b)
{
  const char * const *pa = kz_event_get_participants (a);
  const char * const *pb = kz_event_get_participants (b);

  g_assert_cmpstr (kz_event_get_id (a), ==, kz_event_get_id (b));
  g_assert_cmpstr (kz_event_get_title (a), ==, kz_event_get_title (b));
  assert_dates_equal (kz_event_get_date (a), kz_event_get_date (b));
  assert_dates_equal (kz_event_get_end (a), kz_event_get_end (b));
  g_assert_true ((kz_event_get_kind (a) == NULL) == (kz_event_get_kind (b) == NULL));
  if (kz_event_get_kind (a) != NULL)
    g_assert_cmpstr (kz_kind_get_id (kz_event_get_kind (a)), ==, kz_kind_get_id (kz_event_get_kind (b)));
  g_assert_cmpuint (kz_event_get_round (a), ==, kz_event_get_round (b));
  g_assert_cmpstr (kz_event_get_place (a), ==, kz_event_get_place (b));
  g_assert_cmpstr (kz_event_get_summary (a), ==, kz_event_get_summary (b));
  g_assert_cmpuint (g_strv_length ((char **) pa), ==, g_strv_length ((char **) pb));
  for (guint i = 0; pa[i] != NULL; i++)
    g_assert_cmpstr (pa[i], ==, pb[i]);

  g_assert_cmpuint (kz_event_get_n_areas (a), ==, kz_event_get_n_areas (b));
  for (guint i = 0; i < kz_event_get_n_areas (a); i++)
    {
      const KzEventArea *x = kz_event_get_area (a, i), *y = kz_event_get_area (b, i);

      g_assert_cmpstr (kz_area_get_id (x->area), ==, kz_area_get_id (y->area));
      g_assert_cmpint (x->stage, ==, y->stage);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_cmpmem (x->sources, x->n_sources * sizeof (guint), y->sources, y->n_sources * sizeof (guint));
    }

  g_assert_cmpuint (kz_event_get_n_quotes (a), ==, kz_event_get_n_quotes (b));
  for (guint i = 0; i < kz_event_get_n_quotes (a); i++)
    {
      g_assert_cmpstr (kz_event_get_quote (a, i)->text, ==, kz_event_get_quote (b, i)->text);
      g_assert_cmpstr (kz_event_get_quote (a, i)->by, ==, kz_event_get_quote (b, i)->by);
    }

  g_assert_cmpuint (kz_event_get_n_sources (a), ==, kz_event_get_n_sources (b));
  for (guint i = 0; i < kz_event_get_n_sources (a); i++)
    {
      const KzSource *x = kz_event_get_source (a, i), *y = kz_event_get_source (b, i);

      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->publisher, ==, y->publisher);
      g_assert_cmpstr (x->url, ==, y->url);
      assert_dates_equal (x->has_date ? &x->date : NULL, y->has_date ? &y->date : NULL);
    }
}

static void
assert_datasets_equal (KzDataset *a,
                       KzDataset *b)
{
  GListModel *areas_a = kz_dataset_get_areas (a), *areas_b = kz_dataset_get_areas (b);
  GListModel *kinds_a = kz_dataset_get_kinds (a), *kinds_b = kz_dataset_get_kinds (b);

  g_assert_cmpstr (kz_dataset_get_title (a), ==, kz_dataset_get_title (b));
  g_assert_cmpstr (kz_dataset_get_description (a), ==, kz_dataset_get_description (b));

  g_assert_cmpuint (g_list_model_get_n_items (areas_a), ==, g_list_model_get_n_items (areas_b));
  for (guint i = 0; i < g_list_model_get_n_items (areas_a); i++)
    {
      g_autoptr(KzArea) x = g_list_model_get_item (areas_a, i);
      g_autoptr(KzArea) y = g_list_model_get_item (areas_b, i);

      g_assert_cmpstr (kz_area_get_id (x), ==, kz_area_get_id (y));
      g_assert_cmpstr (kz_area_get_name (x), ==, kz_area_get_name (y));
      g_assert_cmpstr (kz_area_get_description (x), ==, kz_area_get_description (y));
      g_assert_cmphex (kz_area_get_rgb (x), ==, kz_area_get_rgb (y));
    }

  g_assert_cmpuint (g_list_model_get_n_items (kinds_a), ==, g_list_model_get_n_items (kinds_b));
  for (guint i = 0; i < g_list_model_get_n_items (kinds_a); i++)
    {
      g_autoptr(KzKind) x = g_list_model_get_item (kinds_a, i);
      g_autoptr(KzKind) y = g_list_model_get_item (kinds_b, i);

      g_assert_cmpstr (kz_kind_get_id (x), ==, kz_kind_get_id (y));
      g_assert_cmpstr (kz_kind_get_name (x), ==, kz_kind_get_name (y));
    }

  g_assert_cmpuint (kz_dataset_get_n_events (a), ==, kz_dataset_get_n_events (b));
  for (guint i = 0; i < kz_dataset_get_n_events (a); i++)
    assert_events_equal (kz_dataset_get_event (a, i), kz_dataset_get_event (b, i));
}

static void
assert_problems_equal (GPtrArray *a,
                       GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *x = kz_problem_to_string (g_ptr_array_index (a, i));
      g_autofree char *y = kz_problem_to_string (g_ptr_array_index (b, i));

      g_assert_cmpint (((KzProblem *) g_ptr_array_index (a, i))->severity, ==,
                       ((KzProblem *) g_ptr_array_index (b, i))->severity);
      g_assert_cmpstr (x, ==, y);
    }
}

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
}

/* Parses @path (a miss), stores the copy, and checks that the next load is a hit that
 * gives back the same dataset and problems as the parse. */
static void
assert_round_trip (Fixture    *fixture,
                   const char *path)
{
  g_autoptr(GPtrArray) parsed_problems = new_problems ();
  g_autoptr(GPtrArray) cached_problems = new_problems ();
  g_autoptr(KzDataset) parsed = load (fixture, path, parsed_problems, FALSE);
  g_autoptr(KzDataset) cached = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_dataset_cache_wants (fixture->cache, parsed));
  g_assert_true (kz_dataset_cache_store (fixture->cache, parsed, parsed_problems, &error));
  g_assert_no_error (error);

  cached = load (fixture, path, cached_problems, TRUE);
  g_assert_false (kz_dataset_cache_wants (fixture->cache, cached));
  assert_datasets_equal (parsed, cached);
  assert_problems_equal (parsed_problems, cached_problems);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *bundled = bundled_padded (fixture, "bundled.json");

  assert_round_trip (fixture, bundled);
}

static void
test_round_trip_warnings (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "good", "unknown-member.json", NULL);
  g_autofree char *path = write_padded (fixture, source, "warnings.json", (gsize) KZ_DATASET_CACHE_MIN_FILE_SIZE);
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(KzDataset) dataset = load (fixture, path, problems, FALSE);

  /* The copy must carry the warnings: the problems list reads the same on a repeat open. */
  g_assert_cmpuint (kz_dataset_get_n_events (dataset), >, 0);
  g_assert_cmpuint (problems->len, >, 0);
  assert_round_trip (fixture, path);
}

static void
test_round_trip_multiscript (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "good", "multiscript.json", NULL);
  g_autofree char *path = write_padded (fixture, source, "multiscript.json", (gsize) KZ_DATASET_CACHE_MIN_FILE_SIZE);

  assert_round_trip (fixture, path);
}

static void
test_small_file_not_cached (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *bundled = g_strdup (g_getenv ("KZ_BUNDLED_DATASET"));
  g_autoptr(KzDataset) dataset = load (fixture, bundled, NULL, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_false (kz_dataset_cache_wants (fixture->cache, dataset));
  g_assert_true (kz_dataset_cache_store (fixture->cache, dataset, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (fixture), ==, 0);
}

static void
store (Fixture    *fixture,
       const char *path)
{
  g_autoptr(KzDataset) dataset = load (fixture, path, NULL, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_dataset_cache_store (fixture->cache, dataset, NULL, &error));
  g_assert_no_error (error);
}

static void
test_changed_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = bundled_padded (fixture, "changing.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) changed = NULL;
  g_autoptr(KzDataset) again = NULL;
  char *title;
  gsize length;

  store (fixture, path);

  /* The same length, a different title: only the file's times tell. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  title = strstr (contents, "\"title\": \"");
  g_assert_nonnull (title);
  title[strlen ("\"title\": \"")] = 'X';
  g_usleep (10 * 1000);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  changed = load (fixture, path, NULL, FALSE);
  g_assert_true (g_str_has_prefix (kz_dataset_get_title (changed), "X"));
  g_assert_true (kz_dataset_cache_wants (fixture->cache, changed));

  /* Storing the changed file replaces the one entry the path has. */
  g_assert_true (kz_dataset_cache_store (fixture->cache, changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (fixture), ==, 1);
  again = load (fixture, path, NULL, TRUE);
  g_assert_true (g_str_has_prefix (kz_dataset_get_title (again), "X"));
}

static void
test_other_path (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *a = bundled_padded (fixture, "a.json");
  g_autofree char *b = bundled_padded (fixture, "b.json");
  g_autofree char *entry_a = NULL;
  g_autofree char *entry_b = NULL;
  g_autoptr(KzDataset) dataset = NULL;

  /* b's entry holds a's copy, as if two names hashed alike: the path inside tells. */
  store (fixture, b);
  entry_b = entry_file (fixture);
  g_assert_cmpint (g_remove (entry_b), ==, 0);
  store (fixture, a);
  entry_a = entry_file (fixture);
  g_assert_cmpint (g_rename (entry_a, entry_b), ==, 0);

  dataset = load (fixture, b, NULL, FALSE);
  g_assert_false (g_file_test (entry_b, G_FILE_TEST_EXISTS));
}

/* Any damage: the file is parsed again, the same dataset comes back, the entry goes. */
static void
assert_damage_ignored (Fixture    *fixture,
                       const char *path,
                       KzDataset  *expected,
                       const char *entry,
                       const char *contents,
                       gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = NULL;

  g_file_set_contents (entry, contents, (gssize) length, &error);
  g_assert_no_error (error);
  dataset = load (fixture, path, NULL, FALSE);
  assert_datasets_equal (expected, dataset);
  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
}

static void
test_damaged_entry (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = bundled_padded (fixture, "damaged.json");
  g_autoptr(KzDataset) expected = load (fixture, path, NULL, FALSE);
  g_autofree char *entry = NULL;
  g_autofree char *good = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  store (fixture, path);
  entry = entry_file (fixture);
  g_file_get_contents (entry, &good, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1024);

  assert_damage_ignored (fixture, path, expected, entry, "", 0);
  assert_damage_ignored (fixture, path, expected, entry, good, 8);
  assert_damage_ignored (fixture, path, expected, entry, good, length / 2);

  /* One bit flipped anywhere: the checksum tells. */
  copy = g_memdup2 (good, length);
  copy[length * 2 / 3] ^= 0x10;
  assert_damage_ignored (fixture, path, expected, entry, copy, length);
}

/* Damage that a forger made checksum-correct still never crashes nor shows a half
 * dataset: each entry is either refused (and the file parsed) or read as sound. */
static void
test_forged_entries (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = bundled_padded (fixture, "forged.json");
  g_autoptr(KzDataset) expected = load (fixture, path, NULL, FALSE);
  g_autofree char *entry = NULL;
  g_autofree char *good = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  guint n_refused = 0, n_read = 0;
  gsize length;

  store (fixture, path);
  entry = entry_file (fixture);
  g_file_get_contents (entry, &good, &length, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *copy = g_memdup2 (good, length);
      g_autoptr(KzDataset) dataset = NULL;
      g_autoptr(GPtrArray) problems = new_problems ();
      g_autoptr(GFile) file = g_file_new_for_path (path);
      guint n_changes = (guint) g_rand_int_range (rand, 1, 9);
      gboolean from_cache;
      guint64 sum;

      for (guint i = 0; i < n_changes; i++)
        copy[g_rand_int_range (rand, 8, (gint32) length)] = (char) g_rand_int_range (rand, 0, 256);
      sum = kz_dataset_cache_checksum ((const guint8 *) copy + 8, length - 8);
      memcpy (copy, &sum, sizeof sum);
      g_file_set_contents (entry, copy, (gssize) length, &error);
      g_assert_no_error (error);

      dataset = kz_dataset_cache_load_file (fixture->cache, file, problems, NULL, NULL, NULL, &from_cache, &error);
      g_assert_no_error (error);
      g_assert_nonnull (dataset);
      if (from_cache)
        {
          /* Read as sound: every event is whole (the model's own checks did not fire). */
          n_read++;
          for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
            g_assert_true (g_utf8_validate (kz_event_get_id (kz_dataset_get_event (dataset, i)), -1, NULL));
        }
      else
        {
          n_refused++;
          assert_datasets_equal (expected, dataset);
        }
    }

  g_test_message ("%u forged entries refused, %u read as sound", n_refused, n_read);
  g_assert_cmpuint (n_refused, >, 0);
}

static void
test_unwritable_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = bundled_padded (fixture, "unwritable.json");
  g_autofree char *blocker = g_build_filename (fixture->folder, "not-a-folder", NULL);
  g_autofree char *folder = g_build_filename (blocker, "cache", NULL);
  g_autoptr(KzDatasetCache) cache = kz_dataset_cache_new (folder);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = NULL;
  g_autoptr(KzDataset) again = NULL;
  gboolean from_cache = TRUE;

  /* A file where the folder should be: even root cannot make it. */
  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);

  dataset = kz_dataset_cache_load_file (cache, file, NULL, NULL, NULL, NULL, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_false (from_cache);
  g_assert_false (kz_dataset_cache_store (cache, dataset, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  again = kz_dataset_cache_load_file (cache, file, NULL, NULL, NULL, NULL, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_false (from_cache);
  assert_datasets_equal (dataset, again);
}

static void
test_eviction (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *first = bundled_padded (fixture, "file-0.json");
  g_autoptr(KzDataset) dataset = NULL;

  store (fixture, first);
  for (guint i = 1; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("file-%u.json", i);
      g_autofree char *path = bundled_padded (fixture, name);

      /* Times to the second order the entries; the first is the oldest. */
      if (i == 1)
        g_usleep (1100 * 1000);
      store (fixture, path);
    }

  g_assert_cmpuint (count_entries (fixture), ==, 16);
  dataset = load (fixture, first, NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/dataset-cache/round-trip", test_round_trip);
  ADD ("/dataset-cache/round-trip-warnings", test_round_trip_warnings);
  ADD ("/dataset-cache/round-trip-multiscript", test_round_trip_multiscript);
  ADD ("/dataset-cache/small-file-not-cached", test_small_file_not_cached);
  ADD ("/dataset-cache/changed-file", test_changed_file);
  ADD ("/dataset-cache/other-path", test_other_path);
  ADD ("/dataset-cache/damaged-entry", test_damaged_entry);
  ADD ("/dataset-cache/forged-entries", test_forged_entries);
  ADD ("/dataset-cache/unwritable-folder", test_unwritable_folder);
  ADD ("/dataset-cache/eviction", test_eviction);
#undef ADD

  return g_test_run ();
}
