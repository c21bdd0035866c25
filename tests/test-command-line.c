/* test-command-line.c — the real kizuna binary, run the way scripts run it: no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>

#include "kz-test-run.h"

static char *
data_file (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static guint
count_lines_with (const char *text,
                  const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

static void
test_validate_good (void)
{
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *ancient = data_file ("good", "ancient.json");
  g_autofree char *multiscript = data_file ("good", "multiscript.json");

  kz_test_run_kizuna (&run, "--validate", ancient, multiscript, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "2 files checked: 2 valid, 0 errors, 0 warnings\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_bad_lists_all (void)
{
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *bad = data_file ("bad", "many-errors.json");
  g_autofree char *good = data_file ("good", "minimal.json");
  g_autofree char *prefix = g_strconcat (bad, ": ", NULL);
  g_autofree char *expected_first = g_strconcat (bad, ": events[0].date: ", NULL);

  kz_test_run_kizuna (&run, "--validate", good, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  /* One FILE: PATH: message line per problem, every one of them, then the summary. */
  g_assert_cmpuint (count_lines_with (run.out, prefix), ==, 4);
  g_assert_true (g_str_has_prefix (run.out, expected_first));
  g_assert_nonnull (strstr (run.out, ": events[2].round: "));
  g_assert_nonnull (strstr (run.out, "2 files checked: 1 valid, 4 errors, 0 warnings\n"));
}

static void
test_validate_syntax_position (void)
{
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *bad = data_file ("bad", "trailing-garbage.json");
  g_autofree char *expected = g_strconcat (bad, ": 45:1: ", NULL);

  kz_test_run_kizuna (&run, "--validate", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, expected));
}

static void
test_validate_warning (void)
{
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *file = data_file ("good", "unknown-member.json");

  kz_test_run_kizuna (&run, "--validate", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, ": events[0]: warning: unknown member “summery” — did you mean “summary”?\n"));
  g_assert_nonnull (strstr (run.out, "1 valid, 0 errors, 1 warning\n"));
}

static void
test_validate_missing_file (void)
{
  g_auto(KzTestRun) run = { 0 };

  kz_test_run_kizuna (&run, "--validate", "/nonexistent/dataset.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "/nonexistent/dataset.json: "));
}

static void
test_validate_every_bad_file (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  /* Each on its own: exit 1, its name on every line, never a crash. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_auto(KzTestRun) run = { 0 };
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *prefix = g_strconcat (path, ": ", NULL);

      kz_test_run_kizuna (&run, "--validate", path, NULL);
      g_test_message ("%s", run.out);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.out, prefix));
      g_assert_cmpstr (run.err, ==, "");
      n++;
    }
  g_assert_cmpuint (n, >=, 30);
}

static void
test_usage_errors (void)
{
  g_auto(KzTestRun) no_files = { 0 };
  g_auto(KzTestRun) unknown = { 0 };

  kz_test_run_kizuna (&no_files, "--validate", NULL);
  g_assert_cmpint (no_files.status, ==, 2);
  g_assert_nonnull (strstr (no_files.err, "--validate needs at least one FILE"));
  g_assert_cmpstr (no_files.out, ==, "");

  kz_test_run_kizuna (&unknown, "--frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "--frobnicate"));
  g_assert_nonnull (strstr (unknown.err, "--help"));
}

static void
test_help_and_version (void)
{
  g_auto(KzTestRun) help = { 0 };
  g_auto(KzTestRun) version = { 0 };

  kz_test_run_kizuna (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--validate"));
  g_assert_nonnull (strstr (help.out, "--version"));

  kz_test_run_kizuna (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-line/validate/good", test_validate_good);
  g_test_add_func ("/command-line/validate/bad-lists-all", test_validate_bad_lists_all);
  g_test_add_func ("/command-line/validate/syntax-position", test_validate_syntax_position);
  g_test_add_func ("/command-line/validate/warning", test_validate_warning);
  g_test_add_func ("/command-line/validate/missing-file", test_validate_missing_file);
  g_test_add_func ("/command-line/validate/every-bad-file", test_validate_every_bad_file);
  g_test_add_func ("/command-line/usage-errors", test_usage_errors);
  g_test_add_func ("/command-line/help-and-version", test_help_and_version);

  return g_test_run ();
}
