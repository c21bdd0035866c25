/* test-loader.c — the validating loader: good files of many shapes, every class of bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "kz-dataset-loader.h"

typedef struct
{
  const char *file;      /* under tests/data/bad */
  int         code;      /* KzDatasetError of the whole load */
  const char *path;      /* expected JSON path of the first problem, or "" */
  guint       line;      /* expected line (0: none) */
  const char *fragment;  /* what the message must say */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty.json", KZ_DATASET_ERROR_SYNTAX, "", 0, "empty" },
  { "whitespace.json", KZ_DATASET_ERROR_SYNTAX, "", 0, "empty" },
  { "truncated.json", KZ_DATASET_ERROR_SYNTAX, "", 25, "cut short" },
  { "trailing-comma.json", KZ_DATASET_ERROR_SYNTAX, "", 6, "remove the comma" },
  { "single-quotes.json", KZ_DATASET_ERROR_SYNTAX, "", 1, "member name in double quotes" },
  { "line-break-in-string.json", KZ_DATASET_ERROR_SYNTAX, "", 1, "control character" },
  { "bad-escape.json", KZ_DATASET_ERROR_SYNTAX, "", 1, "escape" },
  { "leading-zero.json", KZ_DATASET_ERROR_SYNTAX, "", 1, "expected “,” or “}”" },
  { "missing-colon.json", KZ_DATASET_ERROR_SYNTAX, "", 1, "“:”" },
  { "events-without-comma.json", KZ_DATASET_ERROR_SYNTAX, "", 7, "“,” or “]”" },
  { "duplicate-id-far-apart.json", KZ_DATASET_ERROR_INVALID, "events[9999].id", 0, "“e-0” is used" },
  { "trailing-garbage.json", KZ_DATASET_ERROR_SYNTAX, "", 45, "after the end" },
  { "root-array.json", KZ_DATASET_ERROR_INVALID, "", 0, "holds an array" },
  { "wrong-types.json", KZ_DATASET_ERROR_INVALID, "title", 0, "expected a string, found a number" },
  { "event-wrong-types.json", KZ_DATASET_ERROR_INVALID, "events[0].title", 0, "found an array" },
  { "date-feb-30.json", KZ_DATASET_ERROR_INVALID, "events[0].date", 0, "2026-02-30" },
  { "date-month-13.json", KZ_DATASET_ERROR_INVALID, "events[0].date", 0, "month 13" },
  { "date-feb-29-common.json", KZ_DATASET_ERROR_INVALID, "events[0].date", 0, "28 days" },
  { "date-malformed.json", KZ_DATASET_ERROR_INVALID, "events[0].date", 0, "YYYY-MM-DD" },
  { "end-before-date.json", KZ_DATASET_ERROR_INVALID, "events[0].end", 0, "before the date" },
  { "unknown-area.json", KZ_DATASET_ERROR_INVALID, "events[0].areas[0].area", 0, "“space”" },
  { "unknown-kind.json", KZ_DATASET_ERROR_INVALID, "events[0].kind", 0, "“dialogue”" },
  { "duplicate-id.json", KZ_DATASET_ERROR_INVALID, "events[1].id", 0, "“same” is used" },
  { "malformed-id.json", KZ_DATASET_ERROR_INVALID, "events[0].id", 0, "not a valid id" },
  { "duplicate-area-in-event.json", KZ_DATASET_ERROR_INVALID, "events[0].areas[1].area", 0, "more than once" },
  { "bad-color.json", KZ_DATASET_ERROR_INVALID, "areas[0].color", 0, "#rrggbb" },
  { "unknown-stage.json", KZ_DATASET_ERROR_INVALID, "events[0].areas[0].stage", 0, "“signed” is not a stage" },
  { "round-zero.json", KZ_DATASET_ERROR_INVALID, "events[0].round", 0, "positive" },
  { "round-fraction.json", KZ_DATASET_ERROR_INVALID, "events[0].round", 0, "whole number" },
  { "round-overflow.json", KZ_DATASET_ERROR_SYNTAX, "", 42, "too large" },
  { "round-too-large.json", KZ_DATASET_ERROR_INVALID, "events[0].round", 0, "too large" },
  { "source-index-out-of-range.json", KZ_DATASET_ERROR_INVALID, "events[0].areas[0].sources[1]", 0, "source 3 does not exist" },
  { "source-url-javascript.json", KZ_DATASET_ERROR_INVALID, "events[0].sources[0].url", 0, "http://" },
  { "source-url-file.json", KZ_DATASET_ERROR_INVALID, "events[0].sources[0].url", 0, "not a web address" },
  { "invalid-utf8.json", KZ_DATASET_ERROR_ENCODING, "", 3, "UTF-8" },
  { "nul-byte.json", KZ_DATASET_ERROR_ENCODING, "", 3, "NUL byte" },
  { "nul-escape.json", KZ_DATASET_ERROR_ENCODING, "", 3, "NUL character" },
  { "deep-nesting.json", KZ_DATASET_ERROR_SYNTAX, "", 1, "nested more than 64 levels" },
  { "version-2.json", KZ_DATASET_ERROR_INVALID, "kizuna", 0, "version 2 is not supported" },
  { "missing-version.json", KZ_DATASET_ERROR_INVALID, "", 0, "“kizuna”" },
  { "no-areas.json", KZ_DATASET_ERROR_INVALID, "areas", 0, "at least one area" },
  { "event-no-areas.json", KZ_DATASET_ERROR_INVALID, "events[0].areas", 0, "at least one area entry" },
};

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
}

static KzDataset *
load (const char  *dir,
      const char  *name,
      GPtrArray   *problems,
      GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return kz_dataset_load_from_file (file, problems, NULL, error);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = NULL;
  const KzProblem *first;

  dataset = load ("bad", bad->file, problems, &error);

  g_assert_null (dataset);
  g_assert_error (error, KZ_DATASET_ERROR, bad->code);
  g_assert_cmpuint (problems->len, >=, 1);

  first = g_ptr_array_index (problems, 0);
  g_test_message ("%s: %s: %s", bad->file, first->path, first->message);
  g_assert_cmpint (first->severity, ==, KZ_PROBLEM_ERROR);
  g_assert_cmpstr (first->path, ==, bad->path);
  g_assert_cmpuint (first->line, ==, bad->line);
  if (bad->line > 0)
    g_assert_cmpuint (first->column, >, 0);
  g_assert_nonnull (strstr (first->message, bad->fragment));
}

static void
test_many_errors_all_listed (void)
{
  const char *expected[][2] = {
    { "events[0].date", "2020-02-30" },
    { "events[1].areas[0].area", "“nowhere”" },
    { "events[2].kind", "“nokind”" },
    { "events[2].round", "-3" },
  };
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = load ("bad", "many-errors.json", problems, &error);

  g_assert_null (dataset);
  g_assert_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4 errors"));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const KzProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpstr (problem->path, ==, expected[i][0]);
      g_assert_nonnull (strstr (problem->message, expected[i][1]));
    }
}

static void
test_warning_still_loads (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = load ("good", "unknown-member.json", problems, &error);
  const KzProblem *problem;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (problems->len, ==, 1);

  problem = g_ptr_array_index (problems, 0);
  text = kz_problem_to_string (problem);
  g_assert_cmpint (problem->severity, ==, KZ_PROBLEM_WARNING);
  g_assert_cmpstr (text, ==, "events[0]: warning: unknown member “summery” — did you mean “summary”?");
}

static void
test_good_ancient (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = load ("good", "ancient.json", problems, &error);
  KzEvent *first, *last;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (kz_dataset_get_n_events (dataset), ==, 4);

  /* Sorted by date: 44 BC first, then 30 BC (year only), 1 BC, AD 1. */
  first = kz_dataset_get_event (dataset, 0);
  last = kz_dataset_get_event (dataset, 3);
  g_assert_cmpstr (kz_event_get_id (first), ==, "caesar-dies");
  g_assert_cmpint (kz_event_get_date (first)->year, ==, -43);
  g_assert_cmpstr (kz_event_get_id (kz_dataset_get_event (dataset, 1)), ==, "actium");
  g_assert_cmpint (kz_date_get_precision (kz_event_get_date (kz_dataset_get_event (dataset, 1))), ==,
                   KZ_DATE_PRECISION_YEAR);
  g_assert_cmpstr (kz_event_get_id (last), ==, "first-ce");
  g_assert_nonnull (kz_event_get_end (last));
  g_assert_cmpint (kz_event_get_end (last)->year, ==, 2);
  g_assert_cmpstr (kz_kind_get_name (kz_event_get_kind (first)), ==, "Office");
}

static void
test_good_multiscript (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = load ("good", "multiscript.json", problems, &error);
  KzEvent *event;
  const KzEventArea *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (kz_dataset_get_title (dataset), ==, "日印協力 / भारत-जापान सहयोग");

  event = kz_dataset_lookup_event (dataset, "s1");
  g_assert_nonnull (event);
  g_assert_cmpstr (kz_event_get_title (event), ==, "日印首脳会談");
  g_assert_cmpuint (kz_event_get_round (event), ==, 9);
  g_assert_cmpstr (kz_event_get_participants (event)[1], ==, "安倍晋三");
  g_assert_null (kz_event_get_participants (event)[2]);
  g_assert_cmpuint (kz_event_get_n_quotes (event), ==, 1);
  g_assert_cmpstr (kz_event_get_quote (event, 0)->by, ==, "नरेंद्र मोदी");
  g_assert_cmpuint (kz_event_get_n_sources (event), ==, 1);
  g_assert_cmpstr (kz_event_get_source (event, 0)->url, ==, "https://www.mofa.go.jp/");
  g_assert_true (kz_event_get_source (event, 0)->has_date);

  entry = kz_event_get_area (event, 0);
  g_assert_cmpstr (kz_area_get_name (entry->area), ==, "貿易 व्यापार");
  g_assert_cmpint (entry->stage, ==, KZ_STAGE_COMMITTED);
  g_assert_cmpuint (entry->n_sources, ==, 1);
  g_assert_cmpuint (entry->sources[0], ==, 0);
  g_assert_cmphex (kz_area_get_rgb (entry->area), ==, 0x26a269);
}

static void
test_good_many_areas (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = load ("good", "many-areas.json", problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kz_dataset_get_areas (dataset)), ==, 40);
  g_assert_cmpuint (kz_dataset_get_n_events (dataset), ==, 120);
}

static void
test_good_without_kinds (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = load ("good", "no-kinds.json", problems, &error);
  KzKind *kind;

  g_assert_no_error (error);
  /* Without a "kinds" list, an event's kind is taken as given. */
  kind = kz_event_get_kind (kz_dataset_get_event (dataset, 0));
  g_assert_cmpstr (kz_kind_get_id (kind), ==, "anything-goes");
  g_assert_true (kz_dataset_lookup_kind (dataset, "anything-goes") == kind);
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kizuna-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = NULL;
  FILE *stream;

  /* A sparse file: the size is refused before a single byte is read. */
  stream = g_fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), (off_t) KZ_DATASET_MAX_FILE_SIZE + 1), ==, 0);
  fclose (stream);

  dataset = kz_dataset_load_from_file (file, problems, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((KzProblem *) g_ptr_array_index (problems, 0))->message, "more than"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_not_a_file (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/kizuna.json");
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
  g_autoptr(KzDataset) dataset = NULL;

  dataset = kz_dataset_load_from_file (folder, problems, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  /* /dev/zero never ends: it must be refused, not read. */
  dataset = kz_dataset_load_from_file (device, problems, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_READ);
  g_clear_error (&error);

  dataset = kz_dataset_load_from_file (missing, problems, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_READ);
  g_assert_cmpuint (problems->len, ==, 3);
}

static void
test_bytes_without_file (void)
{
  static const char json[] =
    "{\"kizuna\":1,\"title\":\"T\",\"areas\":[{\"id\":\"a\",\"name\":\"A\",\"color\":\"#ABCDEF\"}],"
    "\"events\":[{\"id\":\"e\",\"date\":\"2020\",\"title\":\"E\",\"areas\":[{\"area\":\"a\",\"stage\":\"mechanism\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = kz_dataset_load_from_bytes (bytes, NULL, &error);
  KzArea *area;

  g_assert_no_error (error);
  area = kz_dataset_lookup_area (dataset, "a");
  g_assert_cmphex (kz_area_get_rgb (area), ==, 0xabcdef);
  g_assert_cmpint (kz_event_get_area (kz_dataset_get_event (dataset, 0), 0)->stage, ==,
                   KZ_STAGE_MECHANISM);
}

/* A valid dataset of @n events, written to a temporary file. */
static char *
write_many_events (guint n)
{
  g_autoptr(GString) json = g_string_new ("{\"kizuna\":1,\"title\":\"Many\",\"areas\":[{\"id\":\"a\",\"name\":\"A\"}],"
                                          "\"kinds\":[{\"id\":\"k\",\"name\":\"K\"}],\"events\":[");
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\":\"e-%u\",\"date\":\"%04u\",\"kind\":\"k\",\"title\":\"E\","
                            "\"areas\":[{\"area\":\"a\",\"stage\":\"agreed\"}]}",
                            i > 0 ? "," : "", i, 1000 + i % 1000);
  g_string_append (json, "]}");

  fd = g_file_open_tmp ("kizuna-many-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));
  return path;
}

typedef struct
{
  guint         calls;
  guint64       last_done;
  guint64       total;
  GCancellable *cancel_on_first;
} Progress;

static void
record_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  Progress *progress = user_data;

  /* Never backwards, never past the file. */
  g_assert_cmpuint (done, >=, progress->last_done);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
  if (progress->cancel_on_first != NULL)
    g_cancellable_cancel (progress->cancel_on_first);
}

static void
test_progress (void)
{
  g_autofree char *path = write_many_events (20000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = NULL;
  Progress progress = { 0 };

  dataset = kz_dataset_load_from_file_full (file, NULL, record_progress, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kz_dataset_get_n_events (dataset), ==, 20000);
  g_assert_cmpuint (progress.calls, >, 10);
  g_assert_cmpuint (progress.last_done, >, progress.total / 4);
  g_unlink (path);
}

static void
test_cancel (void)
{
  g_autofree char *path = write_many_events (20000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = NULL;
  Progress progress = { .cancel_on_first = cancellable };

  dataset = kz_dataset_load_from_file_full (file, problems, record_progress, &progress, cancellable, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (problems->len, ==, 0);
  /* It stopped early: the one call that cancelled, and at most a batch per thread after. */
  g_assert_cmpuint (progress.calls, <, 5);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/loader/bad/%s", bad_cases[i].file);

      g_test_add_data_func (name, &bad_cases[i], test_bad_file);
    }

  g_test_add_func ("/loader/bad/many-errors-all-listed", test_many_errors_all_listed);
  g_test_add_func ("/loader/bad/too-large", test_too_large);
  g_test_add_func ("/loader/bad/not-a-file", test_not_a_file);
  g_test_add_func ("/loader/good/warning-still-loads", test_warning_still_loads);
  g_test_add_func ("/loader/good/ancient", test_good_ancient);
  g_test_add_func ("/loader/good/multiscript", test_good_multiscript);
  g_test_add_func ("/loader/good/many-areas", test_good_many_areas);
  g_test_add_func ("/loader/good/without-kinds", test_good_without_kinds);
  g_test_add_func ("/loader/good/bytes", test_bytes_without_file);
  g_test_add_func ("/loader/progress", test_progress);
  g_test_add_func ("/loader/cancel", test_cancel);

  return g_test_run ();
}
