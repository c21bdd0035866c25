/* test-export.c — headless exports through the real command line, checked in the files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every run has no display at all. Outputs are read back with cairo (PNG), GMarkup (SVG)
 * and poppler's pdfinfo/pdftotext (PDF); nothing depends on exact glyph rendering.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "kz-test-run.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("kizuna-export-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
}

/* The first row (top to bottom) where a pixel close to @rgb appears, or -1. */
static int
first_row_with_color (cairo_surface_t *surface,
                      guint32          rgb)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 p = row[x];

          if (((p >> 24) & 0xff) == 0xff &&
              ABS ((int) ((p >> 16) & 0xff) - r) <= 6 &&
              ABS ((int) ((p >> 8) & 0xff) - g) <= 6 &&
              ABS ((int) (p & 0xff) - b) <= 6)
            return y;
        }
    }

  return -1;
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *input = data_file ("export-colours.json");
  g_autofree char *out = g_build_filename (fixture->dir, "lanes.png", NULL);
  cairo_surface_t *surface;
  int red, green, blue;

  kz_test_run_kizuna (&run, "--export", out, input, "--width", "1200", "--height", "700", "--scale", "2", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  surface = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2400);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1400);

  /* Each area's colour is drawn, and the lanes come in the dataset's order. */
  red = first_row_with_color (surface, 0xc01c28);
  green = first_row_with_color (surface, 0x26a269);
  blue = first_row_with_color (surface, 0x1c71d8);
  g_test_message ("first rows: red %d, green %d, blue %d", red, green, blue);
  g_assert_cmpint (red, >=, 0);
  g_assert_cmpint (green, >, red);
  g_assert_cmpint (blue, >, green);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_png_areas_option (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *input = data_file ("export-colours.json");
  g_autofree char *out = g_build_filename (fixture->dir, "blue-red.png", NULL);
  cairo_surface_t *surface;

  kz_test_run_kizuna (&run, "--export", out, input, "--areas", "blue,red", "--theme", "dark",
              "--width", "1000", "--height", "500", NULL);
  g_assert_cmpint (run.status, ==, 0);

  surface = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1000);
  /* Only the named lanes, in the named order. */
  g_assert_cmpint (first_row_with_color (surface, 0x26a269), ==, -1);
  g_assert_cmpint (first_row_with_color (surface, 0x1c71d8), >=, 0);
  g_assert_cmpint (first_row_with_color (surface, 0xc01c28), >,
                   first_row_with_color (surface, 0x1c71d8));
  cairo_surface_destroy (surface);
}

typedef struct
{
  char *width;
  char *height;
  guint n_text;
} SvgInfo;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgInfo *info = user_data;

  if (g_str_equal (element, "svg") && info->width == NULL)
    for (guint i = 0; names[i] != NULL; i++)
      {
        if (g_str_equal (names[i], "width"))
          info->width = g_strdup (values[i]);
        else if (g_str_equal (names[i], "height"))
          info->height = g_strdup (values[i]);
      }

  if (g_str_equal (element, "path") || g_str_equal (element, "use"))
    info->n_text++;
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  static const GMarkupParser parser = { svg_start_element, NULL, NULL, NULL, NULL };
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *input = data_file ("ancient.json");
  g_autofree char *out = g_build_filename (fixture->dir, "ancient.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgInfo info = { 0 };
  gsize len;

  kz_test_run_kizuna (&run, "--export", out, input, "--width", "800", "--height", "450", NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, len, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (info.width, ==, "800px");
  g_assert_cmpstr (info.height, ==, "450px");
  g_assert_cmpuint (info.n_text, >, 10);
  g_free (info.width);
  g_free (info.height);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(KzTestRun) run = { 0 };
  g_auto(KzTestRun) pdfinfo = { 0 };
  g_auto(KzTestRun) pdftotext = { 0 };
  g_autofree char *input = data_file ("export-colours.json");
  g_autofree char *out = g_build_filename (fixture->dir, "a4.pdf", NULL);
  const char *info_argv[] = { "pdfinfo", out, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", out, "-", NULL };

  /* A4 landscape in points. */
  kz_test_run_kizuna (&run, "--export", out, input, "--width", "842", "--height", "595", NULL);
  g_assert_cmpint (run.status, ==, 0);

  kz_test_run_argv (&pdfinfo, info_argv);
  g_assert_cmpint (pdfinfo.status, ==, 0);
  g_assert_nonnull (strstr (pdfinfo.out, "Pages:           1\n"));
  g_assert_nonnull (strstr (pdfinfo.out, "Page size:       842 x 595 pts"));
  g_assert_nonnull (strstr (pdfinfo.out, "Title:           Export colours\n"));

  /* Text stays text: the title, lane names and event titles can be extracted. */
  kz_test_run_argv (&pdftotext, text_argv);
  g_assert_cmpint (pdftotext.status, ==, 0);
  g_test_message ("%s", pdftotext.out);
  g_assert_nonnull (strstr (pdftotext.out, "Export colours"));
  g_assert_nonnull (strstr (pdftotext.out, "Red lane"));
  g_assert_nonnull (strstr (pdftotext.out, "Treaty signed"));
}

static void
test_a4_keeps_every_lane (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(KzTestRun) run = { 0 };
  g_auto(KzTestRun) pdftotext = { 0 };
  g_autofree char *out = g_build_filename (fixture->dir, "a4.pdf", NULL);
  g_autofree char *text = NULL;
  const char *text_argv[] = { "pdftotext", out, "-", NULL };
  const char *areas[] = {
    "Trade and investment", "Critical minerals", "Semiconductors", "Technology and AI",
    "Space", "Health", "Indo-Pacific and Quad", "Global governance",
  };

  /* A page cannot scroll: all sixteen lanes of the bundled dataset must be on it. */
  kz_test_run_kizuna (&run, "--export", out, "--width", "842", "--height", "595", NULL);
  g_assert_cmpint (run.status, ==, 0);
  kz_test_run_argv (&pdftotext, text_argv);
  /* Fonts may set "fi" as a ligature, which pdftotext gives back as U+FB01: compare the
   * compatibility forms. */
  text = g_utf8_normalize (pdftotext.out, -1, G_NORMALIZE_ALL);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_test_message ("lane %s", areas[i]);
      g_assert_nonnull (strstr (text, areas[i]));
    }
}

static void
test_bundled_all_formats (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *names[] = { "bundled.png", "bundled.svg", "bundled.pdf" };

  /* No FILE: the dataset inside the program. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(KzTestRun) run = { 0 };
      g_autofree char *out = g_build_filename (fixture->dir, names[i], NULL);

      kz_test_run_kizuna (&run, "--export", out, NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
    }

  g_assert_cmpuint (count_files (fixture->dir), ==, G_N_ELEMENTS (names));
}

typedef struct
{
  const char *args[6];
  int         status;
  const char *fragment;
} FailCase;

static const FailCase fail_cases[] = {
  { { "--width", "0" }, 2, "--width" },
  { { "--height", "-5" }, 2, "--height" },
  { { "--width", "wide" }, 2, "--width" },
  { { "--scale", "9" }, 2, "--scale" },
  { { "--from", "2021-02-30" }, 2, "--from" },
  { { "--to", "soon" }, 2, "--to" },
  { { "--from", "2020", "--to", "2010" }, 2, "--to" },
  { { "--areas", "red,purple,teal" }, 2, "purple, teal" },
  { { "--kinds", "summit" }, 2, "--kinds" },
  { { "--theme", "sepia" }, 2, "--theme" },
};

static void
test_failures_leave_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *input = data_file ("export-colours.json");
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.png", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (existing, "old export", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (fail_cases); i++)
    {
      const FailCase *fail = &fail_cases[i];
      g_auto(KzTestRun) run = { 0 };
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      g_ptr_array_add (args, (gpointer) g_getenv ("KZ_BINARY"));
      g_ptr_array_add (args, (gpointer) "--export");
      g_ptr_array_add (args, existing);
      g_ptr_array_add (args, input);
      for (guint j = 0; fail->args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) fail->args[j]);
      g_ptr_array_add (args, NULL);

      kz_test_run_argv (&run, (const char * const *) args->pdata);
      g_test_message ("%s %s: %d %s", fail->args[0], fail->args[1], run.status, run.err);
      g_assert_cmpint (run.status, ==, fail->status);
      g_assert_nonnull (strstr (run.err, fail->fragment));
      g_assert_cmpstr (run.out, ==, "");
    }

  /* The existing file was never touched, and nothing else appeared. */
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old export");
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_bad_inputs (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "many-errors.json", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "out.png", NULL);
  g_autofree char *jpeg = g_build_filename (fixture->dir, "out.jpg", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "missing", "out.png", NULL);
  g_autofree char *disguised = g_build_filename (fixture->dir, "dataset.png", NULL);
  g_autofree char *minimal = data_file ("minimal.json");
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_auto(KzTestRun) bad_dataset = { 0 };
  g_auto(KzTestRun) extension = { 0 };
  g_auto(KzTestRun) missing_dir = { 0 };
  g_auto(KzTestRun) over_input = { 0 };

  /* A bad dataset: exit 1 with the validator's messages. */
  kz_test_run_kizuna (&bad_dataset, "--export", out, bad, NULL);
  g_assert_cmpint (bad_dataset.status, ==, 1);
  g_assert_nonnull (strstr (bad_dataset.err, "many-errors.json: events[0].date: "));
  g_assert_nonnull (strstr (bad_dataset.err, "many-errors.json: events[2].round: "));

  kz_test_run_kizuna (&extension, "--export", jpeg, minimal, NULL);
  g_assert_cmpint (extension.status, ==, 2);
  g_assert_nonnull (strstr (extension.err, "--export"));

  kz_test_run_kizuna (&missing_dir, "--export", nowhere, minimal, NULL);
  g_assert_cmpint (missing_dir.status, ==, 1);
  g_assert_nonnull (strstr (missing_dir.err, "missing"));

  /* A dataset whose name looks like an export is never written over. */
  g_assert_true (g_file_get_contents (minimal, &original, NULL, NULL));
  g_assert_true (g_file_set_contents (disguised, original, -1, NULL));
  kz_test_run_kizuna (&over_input, "--export", disguised, disguised, NULL);
  g_assert_cmpint (over_input.status, ==, 1);
  g_assert_nonnull (strstr (over_input.err, "refusing"));
  g_assert_true (g_file_get_contents (disguised, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);

  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_unwritable_dir (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *minimal = data_file ("minimal.json");
  g_auto(KzTestRun) run = { 0 };

  /* /proc takes no new files, even for root. */
  kz_test_run_kizuna (&run, "--export", "/proc/kizuna-export.png", minimal, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/proc"));
  g_assert_false (g_file_test ("/proc/kizuna-export.png", G_FILE_TEST_EXISTS));
}

static void
test_scripts (Fixture       *fixture,
              gconstpointer  data)
{
  const char *names[] = { "ancient.json", "multiscript.json", "many-areas.json" };

  /* Years before 1, Japanese and Hindi, forty lanes: each exports in each format. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint f = 0; f < 3; f++)
      {
        static const char *extensions[] = { "png", "svg", "pdf" };
        g_auto(KzTestRun) run = { 0 };
        g_autofree char *input = data_file (names[i]);
        g_autofree char *out = g_strdup_printf ("%s/%u.%s", fixture->dir, i, extensions[f]);
        GStatBuf st;

        kz_test_run_kizuna (&run, "--export", out, input, NULL);
        g_assert_cmpstr (run.err, ==, "");
        g_assert_cmpint (run.status, ==, 0);
        g_assert_cmpint (g_stat (out, &st), ==, 0);
        g_assert_cmpint (st.st_size, >, 1000);
      }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/png", test_png);
  ADD ("/export/png-areas-option", test_png_areas_option);
  ADD ("/export/svg", test_svg);
  ADD ("/export/pdf", test_pdf);
  ADD ("/export/bundled-all-formats", test_bundled_all_formats);
  ADD ("/export/a4-keeps-every-lane", test_a4_keeps_every_lane);
  ADD ("/export/failures-leave-nothing", test_failures_leave_nothing);
  ADD ("/export/bad-inputs", test_bad_inputs);
  ADD ("/export/unwritable-dir", test_unwritable_dir);
  ADD ("/export/scripts", test_scripts);
#undef ADD

  return g_test_run ();
}
