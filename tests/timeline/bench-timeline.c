/* bench-timeline.c — frame times of layout + render node at three zoom levels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-timeline [N_EVENTS]   (default 100000)
 *
 * N synthetic events (fixed seed, 24 areas, 1 to 4 areas each, over 30 years); for each zoom
 * level (about a month, a decade, everything) 240 frames of panning across the dataset while
 * zooming in and out a little. A frame is what the widget does per frame: update the layout
 * for a 1920×1080 view and build the render node. Rasterising the node is the GPU's part
 * (or export's) and is not counted. Prints one line of key=value figures.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include <pango/pangocairo.h>

#include "kz-timeline-renderer.h"
#include "timeline-fixtures.h"

#define N_FRAMES  240
#define N_WARMUP  10

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    double      days;   /* 0: everything */
  } levels[] = {
    { "month", 30.0 },
    { "decade", 3652.5 },
    { "all", 0.0 },
  };
  guint n_events = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  g_autoptr(KzDataset) dataset = NULL;
  PangoContext *context = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(KzTimelineRenderer) renderer = NULL;
  g_autoptr(KzTimelineLayout) layout = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  const KzTimelinePalette *palette = kz_timeline_palette_get (FALSE);
  KzDate today;
  double full_start, full_end;
  gint64 t0;

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  (void) gtk_init_check ();

  t0 = g_get_monotonic_time ();
  dataset = fixture_generated_dataset (n_events, 24, 1996, 30, 20260116);
  g_printerr ("generated %u events in %.0f ms\n", n_events, (g_get_monotonic_time () - t0) / 1000.0);

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  font = pango_font_description_from_string ("Sans 11");
  pango_context_set_font_description (context, font);
  renderer = kz_timeline_renderer_new (context);
  layout = kz_timeline_layout_new ();
  kz_timeline_renderer_attach (renderer, layout);
  today = fixture_date (2026, 1, 16);
  kz_timeline_layout_set_today (layout, &today);

  t0 = g_get_monotonic_time ();
  kz_timeline_layout_set_dataset (layout, dataset);
  kz_timeline_layout_get_full_range (layout, &full_start, &full_end);
  kz_timeline_layout_get_preferred_height (layout, 0);
  g_printerr ("indexed in %.0f ms\n", (g_get_monotonic_time () - t0) / 1000.0);

  kz_timeline_layout_set_selected (layout, kz_dataset_get_event (dataset, n_events / 2));

  g_string_append_printf (report, "events=%u", n_events);
  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      double times[N_FRAMES];
      double base = levels[l].days > 0 ? levels[l].days : full_end - full_start;

      for (int f = -N_WARMUP; f < N_FRAMES; f++)
        {
          KzTimelineViewport view = { 0 };
          double t = MAX (f, 0) / (double) (N_FRAMES - 1);
          double span = base * (1.0 + 0.12 * sin (f * 0.21));
          double center;
          GtkSnapshot *snapshot;
          GskRenderNode *node;
          gint64 start;

          /* Pan from one end to the other while breathing in and out. */
          center = full_start + base / 2 + t * MAX (full_end - full_start - base, 0);
          view.start_day = center - span / 2;
          view.end_day = center + span / 2;
          kz_timeline_layout_clamp_range (layout, &view.start_day, &view.end_day);
          view.width = 1920;
          view.height = 1080;
          view.flags = KZ_TIMELINE_LAYOUT_LEGEND;

          start = g_get_monotonic_time ();
          kz_timeline_layout_update (layout, &view);
          snapshot = gtk_snapshot_new ();
          kz_timeline_renderer_snapshot (renderer, snapshot, layout, palette, KZ_TIMELINE_RENDER_DEFAULT);
          node = gtk_snapshot_free_to_node (snapshot);
          if (node != NULL)
            gsk_render_node_unref (node);
          if (f >= 0)
            times[f] = (g_get_monotonic_time () - start) / 1000.0;
        }

      qsort (times, N_FRAMES, sizeof times[0], compare_doubles);
      g_string_append_printf (report, " frame_p50_ms_%s=%.3f frame_p95_ms_%s=%.3f frame_max_ms_%s=%.3f",
                              levels[l].name, times[N_FRAMES / 2],
                              levels[l].name, times[(int) ceil (0.95 * N_FRAMES) - 1],
                              levels[l].name, times[N_FRAMES - 1]);
    }

  g_print ("%s\n", report->str);
  g_clear_pointer (&layout, kz_timeline_layout_free);
  g_clear_pointer (&renderer, kz_timeline_renderer_free);
  g_clear_object (&context);
  return EXIT_SUCCESS;
}
