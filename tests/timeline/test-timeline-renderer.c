/* test-timeline-renderer.c — the renderer with no display, along export's path:
 * gtk_init_check(), GtkSnapshot, render node, cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "kz-dataset-loader.h"
#include "kz-timeline-renderer.h"
#include "timeline-fixtures.h"

#define WIDTH  1600
#define HEIGHT 900

typedef struct {
  KzDataset          *dataset;
  PangoContext       *context;
  KzTimelineRenderer *renderer;
  KzTimelineLayout   *layout;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  KzDate today = fixture_date (2026, 1, 20);

  fixture->dataset = fixture_small_dataset ();
  /* What export does: a context from the cairo font map, not from a widget. */
  fixture->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_font_description (fixture->context, font);
  fixture->renderer = kz_timeline_renderer_new (fixture->context);
  fixture->layout = kz_timeline_layout_new ();
  kz_timeline_renderer_attach (fixture->renderer, fixture->layout);
  kz_timeline_layout_set_today (fixture->layout, &today);
  kz_timeline_layout_set_dataset (fixture->layout, fixture->dataset);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->layout, kz_timeline_layout_free);
  g_clear_pointer (&fixture->renderer, kz_timeline_renderer_free);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->dataset);
}

static void
update_full (KzTimelineLayout      *layout,
             double                 width,
             double                 height,
             KzTimelineLayoutFlags  flags)
{
  KzTimelineViewport view = { 0 };

  kz_timeline_layout_get_full_range (layout, &view.start_day, &view.end_day);
  view.width = width;
  view.height = height;
  view.flags = flags;
  view.subtitle = "31 events · 2000 – 2026";
  view.footer = "Kizuna · test rendering";
  kz_timeline_layout_update (layout, &view);
}

static GskRenderNode *
render_node (Fixture                 *fixture,
             const KzTimelinePalette *palette,
             KzTimelineRenderFlags    flags)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  kz_timeline_renderer_snapshot (fixture->renderer, snapshot, fixture->layout, palette, flags);
  return gtk_snapshot_free_to_node (snapshot);
}

static cairo_surface_t *
render_image (Fixture                 *fixture,
              const KzTimelinePalette *palette,
              int                      width,
              int                      height)
{
  g_autoptr(GskRenderNode) node = render_node (fixture, palette, KZ_TIMELINE_RENDER_DEFAULT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  const guint32 *row = (const guint32 *) (gconstpointer) (data + (int) floor (y) * stride);

  /* Opaque pixels: premultiplication does not change them. */
  return row[(int) floor (x)] & 0xffffff;
}

static gboolean
close_to (guint32 a,
          guint32 b,
          int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

static guint32
rgba_to_rgb (const GdkRGBA *color)
{
  return ((guint32) round (color->red * 255) << 16) | ((guint32) round (color->green * 255) << 8) |
         (guint32) round (color->blue * 255);
}

static void
write_png (cairo_surface_t *surface,
           const char      *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  /* For people to look at; the test does not depend on it. */
  if (cairo_surface_write_to_png (surface, path) == CAIRO_STATUS_SUCCESS)
    g_test_message ("wrote %s", path);
}

static void
check_picture (Fixture                 *fixture,
               const KzTimelinePalette *palette,
               cairo_surface_t         *surface)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (fixture->layout);
  const KzTimelineLane *lanes;
  const KzTimelineMark *marks;
  guint n_lanes, n_marks, n_checked = 0;

  g_assert_cmphex (pixel_at (surface, 2, 2), ==, rgba_to_rgb (&palette->background));

  lanes = kz_timeline_layout_get_lanes (fixture->layout, &n_lanes);
  marks = kz_timeline_layout_get_marks (fixture->layout, &n_marks);
  g_assert_cmpuint (n_lanes, ==, 8);

  for (guint i = 0; i < n_lanes; i++)
    {
      double cy = lanes[i].y + lanes[i].height / 2;

      /* Every lane's swatch is in its area's colour. */
      g_assert_cmphex (pixel_at (surface, g->label_x + 2, cy), ==, lanes[i].rgb);

      /* So are its filled marks (committed, agreed), right at their centre, where no other
       * mark overlaps them. */
      for (guint m = lanes[i].first_mark; m < lanes[i].first_mark + lanes[i].n_marks; m++)
        if (marks[m].count == 1 && !marks[m].selected &&
            (marks[m].stage == KZ_STAGE_COMMITTED || marks[m].stage == KZ_STAGE_AGREED) &&
            (m == lanes[i].first_mark || marks[m].x - marks[m - 1].x > 3 * g->lane_mark_radius) &&
            (m + 1 == lanes[i].first_mark + lanes[i].n_marks ||
             marks[m + 1].x - marks[m].x > 3 * g->lane_mark_radius) &&
            (!g->has_today || fabs (marks[m].x - g->today_x) > 2))
          {
            g_assert_true (close_to (pixel_at (surface, marks[m].x, cy), lanes[i].rgb, 2));
            n_checked++;
          }
    }
  g_assert_cmpuint (n_checked, >, 10);
}

static void
test_headless_png (Fixture       *fixture,
                   gconstpointer  data)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      const KzTimelinePalette *palette = kz_timeline_palette_get (dark);
      cairo_surface_t *surface;

      kz_timeline_layout_set_selected (fixture->layout,
                                       kz_dataset_lookup_event (fixture->dataset, "event-29"));
      update_full (fixture->layout, WIDTH, HEIGHT, KZ_TIMELINE_LAYOUT_LEGEND);
      surface = render_image (fixture, palette, WIDTH, HEIGHT);
      check_picture (fixture, palette, surface);
      write_png (surface, dark ? "timeline-dark.png" : "timeline-light.png");
      cairo_surface_destroy (surface);
    }
}

static void
test_headless_hidpi (Fixture       *fixture,
                     gconstpointer  data)
{
  const KzTimelinePalette *palette = kz_timeline_palette_get (FALSE);
  g_autoptr(GskRenderNode) node = NULL;
  const KzTimelineGeometry *g;
  const KzTimelineLane *lanes;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_lanes;

  /* Export's --scale 2: the same node, drawn twice the size. */
  kz_timeline_renderer_set_scale (fixture->renderer, 2);
  update_full (fixture->layout, 800, 600, KZ_TIMELINE_LAYOUT_TITLE | KZ_TIMELINE_LAYOUT_LEGEND);
  node = render_node (fixture, palette, KZ_TIMELINE_RENDER_NO_TODAY);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1200);
  cr = cairo_create (surface);
  cairo_scale (cr, 2, 2);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g = kz_timeline_layout_get_geometry (fixture->layout);
  lanes = kz_timeline_layout_get_lanes (fixture->layout, &n_lanes);
  for (guint i = 0; i < n_lanes; i++)
    g_assert_cmphex (pixel_at (surface, 2 * (g->label_x + 2), 2 * (lanes[i].y + lanes[i].height / 2)),
                     ==, lanes[i].rgb);
  write_png (surface, "timeline-light-2x.png");
  cairo_surface_destroy (surface);
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_headless_vector (Fixture       *fixture,
                      gconstpointer  data)
{
  const KzTimelinePalette *palette = kz_timeline_palette_get (FALSE);
  g_autoptr(GskRenderNode) node = NULL;
  gsize svg_bytes = 0, pdf_bytes = 0;
  cairo_surface_t *surface;
  cairo_t *cr;

  update_full (fixture->layout, WIDTH, HEIGHT,
               KZ_TIMELINE_LAYOUT_TITLE | KZ_TIMELINE_LAYOUT_LEGEND | KZ_TIMELINE_LAYOUT_FOOTER);
  node = render_node (fixture, palette, KZ_TIMELINE_RENDER_NO_TODAY | KZ_TIMELINE_RENDER_NO_SELECTION);

  surface = cairo_svg_surface_create_for_stream (count_bytes, &svg_bytes, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  surface = cairo_pdf_surface_create_for_stream (count_bytes, &pdf_bytes, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (svg_bytes, >, 10000);
  g_assert_cmpuint (pdf_bytes, >, 5000);
}

/* The measure the layout uses is the renderer's, and cached. */
static void
test_measure (Fixture       *fixture,
              gconstpointer  data)
{
  double a = kz_timeline_renderer_measure ("Critical minerals", fixture->renderer);
  double b = kz_timeline_renderer_measure ("Critical minerals", fixture->renderer);
  double c = kz_timeline_renderer_measure ("Critical minerals and more", fixture->renderer);

  g_assert_cmpfloat (a, >, 20);
  g_assert_cmpfloat (a, ==, b);
  g_assert_cmpfloat (c, >, a);
  g_assert_cmpfloat (kz_timeline_renderer_measure ("", fixture->renderer), ==, 0);
}

/* With the bundled dataset at hand, pictures of it too, for people to look at. */
static void
test_bundled_pictures (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *path = g_getenv ("KZ_BUNDLED_DATASET");
  g_autoptr(GFile) file = NULL;
  g_autoptr(KzDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  /* meson sets it; run by hand, say so rather than pass without looking */
  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("KZ_BUNDLED_DATASET must name data/india-japan.json (meson test sets it)");

  file = g_file_new_for_path (path);
  dataset = kz_dataset_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  kz_timeline_layout_set_dataset (fixture->layout, dataset);
  kz_timeline_layout_set_selected (fixture->layout, kz_dataset_lookup_event (dataset, "fmsd-18"));

  for (int dark = 0; dark <= 1; dark++)
    {
      const KzTimelinePalette *palette = kz_timeline_palette_get (dark);
      const KzTimelineLane *lanes;
      const KzTimelineGeometry *g;
      cairo_surface_t *surface;
      guint n_lanes;

      update_full (fixture->layout, WIDTH, HEIGHT, KZ_TIMELINE_LAYOUT_LEGEND);
      surface = render_image (fixture, palette, WIDTH, HEIGHT);
      g = kz_timeline_layout_get_geometry (fixture->layout);
      lanes = kz_timeline_layout_get_lanes (fixture->layout, &n_lanes);
      g_assert_cmpuint (n_lanes, >, 0);
      for (guint i = 0; i < n_lanes; i++)
        g_assert_cmphex (pixel_at (surface, g->label_x + 2, lanes[i].y + lanes[i].height / 2), ==, lanes[i].rgb);
      write_png (surface, dark ? "bundled-dark.png" : "bundled-light.png");
      cairo_surface_destroy (surface);
    }
  kz_timeline_layout_set_dataset (fixture->layout, fixture->dataset);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  /* Prove the export path: no display at all. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_test_init (&argc, &argv, NULL);
  /* Registers GSK's node types even when it cannot open a display. */
  (void) gtk_init_check ();

  g_test_add ("/timeline/renderer/headless-png", Fixture, NULL,
              fixture_set_up, test_headless_png, fixture_tear_down);
  g_test_add ("/timeline/renderer/headless-hidpi", Fixture, NULL,
              fixture_set_up, test_headless_hidpi, fixture_tear_down);
  g_test_add ("/timeline/renderer/headless-vector", Fixture, NULL,
              fixture_set_up, test_headless_vector, fixture_tear_down);
  g_test_add ("/timeline/renderer/measure", Fixture, NULL,
              fixture_set_up, test_measure, fixture_tear_down);
  g_test_add ("/timeline/renderer/bundled-pictures", Fixture, NULL,
              fixture_set_up, test_bundled_pictures, fixture_tear_down);

  return g_test_run ();
}
