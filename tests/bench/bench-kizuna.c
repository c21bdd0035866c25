/* bench-kizuna.c — Kizuna's figures at scale, one line of key=value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-kizuna --events N [--keep FILE]
 *
 * Generates N events with kz-generate-dataset (deterministic), then measures:
 *   load_*      Kizuna's whole load (read, scan, parse, validate, build the model) of a
 *               file opened for the first time
 *   cache_store_ms  writing the file's cached copy (done after a load, off its path)
 *   load_cached_*   the same load on a repeat open, from that copy
 *   jsonglib_*  json_parser_load_from_file() alone on the same file, the baseline
 * each in a child process of its own, so that its peak RSS (wait4) is that step's alone
 * (the children keep their cache in the benchmark's own folder);
 *   frame_*     layout plus render node for a 1920×1080 view, 200+ frames of panning and
 *               zooming at about a month, a decade and everything
 *   search_ms   a text filter over every event
 *   export_png_ms  a 1920×1080 PNG of the whole dataset.
 * Timings are printed, never judged here: the targets are in the README.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>

#include "kz-allocator.h"
#include "kz-dataset-cache.h"
#include "kz-dataset-loader.h"
#include "kz-export.h"
#include "kz-timeline-layout.h"
#include "kz-timeline-palette.h"
#include "kz-timeline-renderer.h"

#define N_FRAMES 240

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The child's side: do one step, print its milliseconds on stdout. */
static int
run_child (const char *step,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  double start = now_ms ();

  if (g_str_equal (step, "load") || g_str_equal (step, "store"))
    {
      g_autoptr(KzDatasetCache) cache = kz_dataset_cache_new (NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(KzDataset) dataset = NULL;
      gboolean from_cache;

      dataset = kz_dataset_cache_load_file (cache, file, NULL, NULL, NULL, NULL, &from_cache, &error);
      if (dataset == NULL)
        {
          g_printerr ("bench-kizuna: load failed: %s\n", error->message);
          return 1;
        }
      if (g_str_equal (step, "store"))
        {
          start = now_ms ();
          if (from_cache || !kz_dataset_cache_store (cache, dataset, NULL, &error))
            {
              g_printerr ("bench-kizuna: storing the cached copy failed: %s\n",
                          error != NULL ? error->message : "it was there already");
              return 1;
            }
        }
      g_print ("%.1f %d\n", now_ms () - start, from_cache);
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_file (parser, path, &error))
        {
          g_printerr ("bench-kizuna: json-glib failed: %s\n", error->message);
          return 1;
        }
      g_print ("%.1f 0\n", now_ms () - start);
    }

  return 0;
}

/* Runs this program as a child doing @step; returns its milliseconds and peak RSS in MiB. */
static gboolean
measure_child (const char *self,
               const char *step,
               const char *path,
               double     *out_ms,
               double     *out_rss_mb,
               gboolean   *out_from_cache)
{
  int fds[2];
  pid_t pid;
  int status;
  struct rusage usage;
  char buffer[128] = { 0 };
  gssize n;

  if (pipe (fds) != 0)
    return FALSE;

  pid = fork ();
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);
      execl (self, self, "--child", step, path, (char *) NULL);
      _exit (127);
    }

  close (fds[1]);
  n = read (fds[0], buffer, sizeof buffer - 1);
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0 || n <= 0)
    return FALSE;

  {
    char *end;

    *out_ms = g_ascii_strtod (buffer, &end);
    if (out_from_cache != NULL)
      *out_from_cache = g_ascii_strtoll (end, NULL, 10) != 0;
  }
  *out_rss_mb = usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
frames (KzTimelineLayout   *layout,
        KzTimelineRenderer *renderer,
        double              span_days,
        const char         *name,
        GString            *out)
{
  double full_start, full_end, times[N_FRAMES];
  KzTimelineViewport view = { 0 };

  kz_timeline_layout_get_full_range (layout, &full_start, &full_end);
  span_days = MIN (span_days, full_end - full_start);

  for (guint i = 0; i < N_FRAMES; i++)
    {
      GtkSnapshot *snapshot;
      GskRenderNode *node;
      /* Pan across the whole range, zooming in and out by up to 20 % on the way. */
      double zoom = 1.0 + 0.2 * sin (i * 0.3);
      double span = span_days * zoom;
      double start = full_start + (full_end - full_start - span) * i / (N_FRAMES - 1);
      double t0;

      view.start_day = start;
      view.end_day = start + span;
      view.width = 1920;
      view.height = 1080;

      t0 = now_ms ();
      kz_timeline_layout_update (layout, &view);
      snapshot = gtk_snapshot_new ();
      kz_timeline_renderer_snapshot (renderer, snapshot, layout, kz_timeline_palette_get (FALSE),
                                     KZ_TIMELINE_RENDER_DEFAULT);
      node = gtk_snapshot_free_to_node (snapshot);
      times[i] = now_ms () - t0;
      g_clear_pointer (&node, gsk_render_node_unref);
    }

  qsort (times, N_FRAMES, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  g_string_append_printf (out, " frame_p50_ms_%s=%.2f frame_p95_ms_%s=%.2f frame_max_ms_%s=%.2f",
                          name, times[N_FRAMES / 2], name, times[N_FRAMES * 95 / 100],
                          name, times[N_FRAMES - 1]);
}

int
main (int   argc,
      char *argv[])
{
  gint64 n_events = 100000;
  g_autofree char *keep = NULL;
  g_autofree char *generator = NULL;
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *png = NULL;
  g_autofree char *folded = NULL;
  GOptionEntry entries[] = {
    { "events", 'n', 0, G_OPTION_ARG_INT64, &n_events, "Number of events", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the generated dataset here and keep it", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(KzDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KzTimelineLayout) layout = NULL;
  g_autoptr(KzTimelineRenderer) renderer = NULL;
  g_auto(KzExportOptions) export = { 0 };
  PangoContext *pango_context;
  double load_ms, load_rss, json_ms, json_rss, store_ms, store_rss, cached_ms, cached_rss, t0;
  gboolean first_from_cache = TRUE, repeat_from_cache = FALSE;
  g_autofree char *cache_dir = NULL;
  guint matches = 0;
  int status = 0;

  setlocale (LC_ALL, "C.UTF-8");

  /* The load runs as kizuna runs it (kz_allocator_setup() in main.c); the json-glib
   * baseline runs as any program using json-glib does, with the platform's defaults. */
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      if (g_str_equal (argv[2], "load"))
        kz_allocator_setup (argv);
      return run_child (argv[2], argv[3]);
    }

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_events < 1)
    {
      g_printerr ("bench-kizuna: %s\n", error != NULL ? error->message : "--events must be at least 1");
      return 2;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  generator = g_build_filename (g_path_get_dirname (self), "kz-generate-dataset", NULL);
  dir = g_dir_make_tmp ("bench-kizuna-XXXXXX", NULL);
  path = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "events.json", NULL);
  png = g_build_filename (dir, "export.png", NULL);
  cache_dir = g_build_filename (dir, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_events);
    const char *gen_argv[] = { generator, "--events", count, path, NULL };
    int wait_status;

    if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                       &wait_status, &error) || !g_spawn_check_wait_status (wait_status, &error))
      {
        g_printerr ("bench-kizuna: generating the dataset failed: %s\n", error->message);
        return 1;
      }
  }

  if (!measure_child (self, "load", path, &load_ms, &load_rss, &first_from_cache) ||
      !measure_child (self, "jsonglib", path, &json_ms, &json_rss, NULL) ||
      !measure_child (self, "store", path, &store_ms, &store_rss, NULL) ||
      !measure_child (self, "load", path, &cached_ms, &cached_rss, &repeat_from_cache))
    {
      g_printerr ("bench-kizuna: a measured step failed\n");
      status = 1;
      goto out;
    }
  /* Small files are not cached: then both loads parse, and say so. */
  if (first_from_cache)
    {
      g_printerr ("bench-kizuna: the first load found a cached copy\n");
      status = 1;
      goto out;
    }

  g_string_append_printf (out, "events=%" G_GINT64_FORMAT " load_ms=%.0f load_peak_rss_mb=%.0f "
                          "jsonglib_parse_ms=%.0f jsonglib_peak_rss_mb=%.0f",
                          n_events, load_ms, load_rss, json_ms, json_rss);

  file = g_file_new_for_path (path);
  dataset = kz_dataset_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Render nodes need GSK's types; no display is needed for that. */
  gtk_init_check ();

  pango_context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  layout = kz_timeline_layout_new ();
  kz_timeline_layout_set_dataset (layout, dataset);
  {
    GListModel *areas = kz_dataset_get_areas (dataset);
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
      g_ptr_array_add (list, g_list_model_get_item (areas, i));
    kz_timeline_layout_set_areas (layout, (KzArea * const *) list->pdata, list->len);
  }
  renderer = kz_timeline_renderer_new (pango_context);
  kz_timeline_renderer_attach (renderer, layout);

  frames (layout, renderer, 31, "month", out);
  frames (layout, renderer, 3653, "decade", out);
  frames (layout, renderer, G_MAXDOUBLE, "all", out);

  folded = g_utf8_casefold ("summit review", -1);
  t0 = now_ms ();
  for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
    matches += kz_event_matches_text (kz_dataset_get_event (dataset, i), folded);
  g_string_append_printf (out, " search_ms=%.1f", now_ms () - t0);

  kz_export_options_init (&export);
  t0 = now_ms ();
  if (!kz_export_write (dataset, &export, png, NULL, &error))
    {
      g_printerr ("bench-kizuna: export failed: %s\n", error->message);
      status = 1;
      goto out;
    }
  g_string_append_printf (out, " export_png_ms=%.0f", now_ms () - t0);
  /* The repeat open's figures follow the ones every run prints, in their order. */
  g_string_append_printf (out, " cache_store_ms=%.0f load_cached_ms=%.0f load_cached_peak_rss_mb=%.0f "
                          "load_cached_from_copy=%s",
                          store_ms, cached_ms, cached_rss, repeat_from_cache ? "yes" : "no");

  g_print ("%s\n", out->str);
  g_object_unref (pango_context);
  (void) matches;

out:
  if (keep == NULL)
    g_unlink (path);
  g_unlink (png);
  {
    /* The cache folder is <dir>/cache/kizuna/datasets (XDG_CACHE_HOME above). */
    g_autoptr(KzDatasetCache) cache = kz_dataset_cache_new (NULL);
    const char *datasets = kz_dataset_cache_get_directory (cache);
    g_autoptr(GDir) cache_entries = g_dir_open (datasets, 0, NULL);
    g_autofree char *kizuna = g_path_get_dirname (datasets);
    const char *name;

    while (cache_entries != NULL && (name = g_dir_read_name (cache_entries)) != NULL)
      {
        g_autofree char *entry = g_build_filename (datasets, name, NULL);

        g_unlink (entry);
      }
    g_rmdir (datasets);
    g_rmdir (kizuna);
    g_rmdir (cache_dir);
  }
  g_rmdir (dir);
  return status;
}
