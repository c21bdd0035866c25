/* test-matrix-export.c — the matrix exported through the real command line (--view matrix)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display at all, as in test-export. PNGs are read back with cairo and searched for the
 * stage shades the matrix renderer paints: an area's colour over the palette's background
 * at the stage's strength (kz_matrix_renderer_stage_alpha(): 0.16, 0.38, 0.64, 0.92).
 * tests/data/good/export-colours.json has two kinds: "meeting" (everything discussed, then
 * red and green committed) and "deal" (red and blue agreed, then all three a mechanism).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "kz-test-run.h"

#define RED   0xc01c28
#define GREEN 0x26a269
#define BLUE  0x1c71d8
#define LIGHT_BACKGROUND 0xffffff
#define DARK_BACKGROUND  0x1e1e1e

typedef enum { DISCUSSED = 1, COMMITTED, AGREED, MECHANISM } Stage;

static const double stage_alpha[] = { 0.0, 0.16, 0.38, 0.64, 0.92 };

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("kizuna-matrix-XXXXXX", NULL);
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

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
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

/* The opaque colour of a cell: rgb over background at the stage's strength. */
static guint32
shade (guint32 rgb,
       Stage   stage,
       guint32 background)
{
  double a = stage_alpha[stage];
  guint32 out = 0;

  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double c = ((rgb >> shift) & 0xff) / 255.0;
      double b = ((background >> shift) & 0xff) / 255.0;
      /* As the renderer's float colour reaches cairo's 8 bits */
      guint32 v = (guint32) ((b * (1 - a) + c * a) * 255.0 + 0.5);

      out |= MIN (v, 255u) << shift;
    }

  return out;
}

/* How many pixels are within one step per channel of rgb. */
static guint
count_pixels (cairo_surface_t *surface,
              guint32          rgb)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 pixel = row[x];
          gboolean near = TRUE;

          for (int shift = 16; shift >= 0; shift -= 8)
            if (ABS ((int) ((pixel >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)) > 1)
              near = FALSE;
          if (near)
            n++;
        }
    }

  return n;
}

static cairo_surface_t *
read_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* A cell is at least a few hundred pixels of its shade; antialiased edges may pass through
 * a few dozen pixels of any shade between two colours. */
#define MANY 200

static void
test_png_deals (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *input = data_file ("export-colours.json");
  g_autofree char *out = g_build_filename (fixture->dir, "deals.png", NULL);
  cairo_surface_t *surface;

  kz_test_run_kizuna (&run, "--export", out, "--view", "matrix", "--kinds", "deal",
              "--width", "900", "--height", "500", input, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  surface = read_png (out);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 500);

  /* The deals: red and blue agreed, then all three a mechanism */
  g_assert_cmpuint (count_pixels (surface, shade (RED, AGREED, LIGHT_BACKGROUND)), >, MANY);
  g_assert_cmpuint (count_pixels (surface, shade (BLUE, AGREED, LIGHT_BACKGROUND)), >, MANY);
  g_assert_cmpuint (count_pixels (surface, shade (RED, MECHANISM, LIGHT_BACKGROUND)), >, MANY);
  g_assert_cmpuint (count_pixels (surface, shade (GREEN, MECHANISM, LIGHT_BACKGROUND)), >, MANY);
  g_assert_cmpuint (count_pixels (surface, shade (BLUE, MECHANISM, LIGHT_BACKGROUND)), >, MANY);
  /* The meetings are not columns here */
  g_assert_cmpuint (count_pixels (surface, shade (RED, DISCUSSED, LIGHT_BACKGROUND)), <, MANY / 4);
  g_assert_cmpuint (count_pixels (surface, shade (GREEN, COMMITTED, LIGHT_BACKGROUND)), <, MANY / 4);
  cairo_surface_destroy (surface);
}

static void
test_png_meetings_scaled (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *input = data_file ("export-colours.json");
  g_autofree char *out = g_build_filename (fixture->dir, "meetings.png", NULL);
  cairo_surface_t *surface;

  kz_test_run_kizuna (&run, "--export", out, "--view", "matrix", "--kinds", "meeting",
              "--width", "900", "--height", "500", "--scale", "2", input, NULL);
  g_assert_cmpint (run.status, ==, 0);

  surface = read_png (out);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1000);

  g_assert_cmpuint (count_pixels (surface, shade (RED, DISCUSSED, LIGHT_BACKGROUND)), >, MANY);
  g_assert_cmpuint (count_pixels (surface, shade (BLUE, DISCUSSED, LIGHT_BACKGROUND)), >, MANY);
  g_assert_cmpuint (count_pixels (surface, shade (RED, COMMITTED, LIGHT_BACKGROUND)), >, MANY);
  g_assert_cmpuint (count_pixels (surface, shade (GREEN, COMMITTED, LIGHT_BACKGROUND)), >, MANY);
  g_assert_cmpuint (count_pixels (surface, shade (RED, MECHANISM, LIGHT_BACKGROUND)), <, MANY / 4);
  cairo_surface_destroy (surface);
}

static void
test_png_dark (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(KzTestRun) run = { 0 };
  g_autofree char *input = data_file ("export-colours.json");
  g_autofree char *out = g_build_filename (fixture->dir, "dark.png", NULL);
  cairo_surface_t *surface;

  kz_test_run_kizuna (&run, "--export", out, "--view", "matrix", "--kinds", "deal", "--theme", "dark",
              "--width", "900", "--height", "500", input, NULL);
  g_assert_cmpint (run.status, ==, 0);

  surface = read_png (out);
  g_assert_cmpuint (count_pixels (surface, DARK_BACKGROUND), >, 900 * 500 / 4);
  g_assert_cmpuint (count_pixels (surface, shade (RED, MECHANISM, DARK_BACKGROUND)), >, MANY);
  g_assert_cmpuint (count_pixels (surface, shade (BLUE, AGREED, DARK_BACKGROUND)), >, MANY);
  cairo_surface_destroy (surface);
}

static char *
pdf_text (const char *path)
{
  g_auto(KzTestRun) run = { 0 };
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  kz_test_run_argv (&run, argv);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static void
test_pdf_default_kind (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(KzTestRun) run = { 0 };
  g_auto(KzTestRun) summits = { 0 };
  g_autofree char *out = g_build_filename (fixture->dir, "rounds.pdf", NULL);
  g_autofree char *summits_out = g_build_filename (fixture->dir, "summits.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *summits_text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  /* The bundled dataset, no --kinds: the strategic dialogue's rounds, as in the window */
  kz_test_run_kizuna (&run, "--export", out, "--view", "matrix", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  kz_test_run_kizuna (&summits, "--export", summits_out, "--view", "matrix", "--kinds", "annual-summit", NULL);
  g_assert_cmpint (summits.status, ==, 0);

  /* The check needs the tool; a missing tool is a failure, never a silent pass. */
  if (pdftotext == NULL)
    g_error ("pdftotext is not installed: install poppler-utils (./dev.sh test does)");

  text = pdf_text (out);
  g_assert_nonnull (strstr (text, "Foreign Ministers' Strategic Dialogue"));
  g_assert_nonnull (strstr (text, "Critical minerals"));
  /* The legend of stage shades, and the footer as for the timeline */
  g_assert_nonnull (strstr (text, "Mechanism"));
  g_assert_nonnull (strstr (text, "Not raised"));
  g_assert_nonnull (strstr (text, "Sources in the dataset"));

  summits_text = pdf_text (summits_out);
  g_assert_nonnull (strstr (summits_text, "Annual Summit"));
  g_assert_null (strstr (summits_text, "Foreign Ministers' Strategic Dialogue ·"));
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *input = data_file ("export-colours.json");
  g_autofree char *minimal = data_file ("minimal.json");
  g_autofree char *out = g_build_filename (fixture->dir, "never.png", NULL);

  {
    g_auto(KzTestRun) run = { 0 };

    /* The matrix's columns are one kind's events */
    kz_test_run_kizuna (&run, "--export", out, "--view", "matrix", "--kinds", "meeting,deal", input, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--kinds"));
    g_assert_nonnull (strstr (run.err, "exactly one"));
  }
  {
    g_auto(KzTestRun) run = { 0 };

    kz_test_run_kizuna (&run, "--export", out, "--view", "grid", input, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--view"));
  }
  {
    g_auto(KzTestRun) run = { 0 };

    kz_test_run_kizuna (&run, "--view", "matrix", input, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--view"));
  }
  {
    g_auto(KzTestRun) run = { 0 };

    kz_test_run_kizuna (&run, "--export", out, "--view", "matrix", "--kinds", "nope", input, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "nope"));
  }
  {
    g_auto(KzTestRun) run = { 0 };

    /* No kinds in the dataset: nothing to make columns of */
    kz_test_run_kizuna (&run, "--export", out, "--view", "matrix", minimal, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "--view matrix"));
  }
  {
    g_auto(KzTestRun) run = { 0 };

    /* --view timeline is the default, spelled out */
    kz_test_run_kizuna (&run, "--export", out, "--view", "timeline", "--width", "400", "--height", "300", input, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_unlink (out);
  }

  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/matrix-export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("png-deals", test_png_deals);
  ADD ("png-meetings-scaled", test_png_meetings_scaled);
  ADD ("png-dark", test_png_dark);
  ADD ("pdf-default-kind", test_pdf_default_kind);
  ADD ("usage-errors", test_usage_errors);

#undef ADD

  return g_test_run ();
}
