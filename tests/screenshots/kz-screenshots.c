/* kz-screenshots.c — renders the real window into data/screenshots/ for the README and
 * the AppStream metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a -s "-screen 0 1600x1000x24" build/tests/screenshots/kz-screenshots data/screenshots
 *
 * The window is drawn through its own GskRenderer into a texture, so the pictures have
 * exactly the window's pixels: no desktop around it, no window-manager frame.
 */
#include "config.h"

#include <locale.h>

#include <gtk/gtk.h>

#include "kz-application.h"
#include "kz-timeline-view.h"
#include "kz-window.h"

#define WIDTH 1400
#define HEIGHT 860

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
save (GtkWidget  *window,
      const char *dir,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("kz-screenshots: cannot write %s\n", path);
      return FALSE;
    }

  g_print ("%s (%d×%d)\n", path, width, height);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KzApplication) app = NULL;
  g_autoptr(GFile) bundled = g_file_new_for_uri (KZ_BUNDLED_DATASET_URI);
  KzWindow *window;
  KzTimelineView *view;
  KzDataset *dataset;
  gboolean ok = TRUE;

  if (argc != 2)
    {
      g_printerr ("usage: kz-screenshots OUTPUT-DIR\n");
      return 2;
    }

  setlocale (LC_ALL, "");
  gtk_init ();
  /* The same look on every machine: Adwaita, no animations, no saved window state. */
  g_object_set (gtk_settings_get_default (),
                "gtk-theme-name", "Adwaita",
                "gtk-enable-animations", FALSE,
                NULL);

  app = kz_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = kz_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  kz_window_open (window, bundled);

  while (kz_window_get_dataset (window) == NULL || kz_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  wait_ms (800);

  ok &= save (GTK_WIDGET (window), argv[1], "main-light.png");

  /* The 18th Strategic Dialogue: the event the dataset was started from. */
  dataset = kz_window_get_dataset (window);
  view = KZ_TIMELINE_VIEW (find_descendant (GTK_WIDGET (window), KZ_TYPE_TIMELINE_VIEW));
  g_assert (view != NULL);
  kz_timeline_view_set_selected_event (view, kz_dataset_lookup_event (dataset, "fmsd-18"));
  wait_ms (500);
  ok &= save (GTK_WIDGET (window), argv[1], "event-selected.png");

  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  wait_ms (800);
  ok &= save (GTK_WIDGET (window), argv[1], "main-dark.png");

  gtk_window_destroy (GTK_WINDOW (window));
  return ok ? 0 : 1;
}
