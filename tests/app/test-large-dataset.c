/* test-large-dataset.c — the real window with a dataset large enough to take time:
 * the loading bar and Cancel, a search that runs beside the UI, memory given back, the
 * cached copy that makes the next open quick
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 80 000 events: above the size the timeline searches at once (50 000), small enough to
 * load in a few seconds under a sanitizer.
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "kz-application.h"
#include "kz-timeline-view.h"
#include "kz-window.h"
#include "kz-test-widgets.h"

#define N_EVENTS 80000

static KzApplication *app;
static char *large_path;
static guint n_titled_summit;   /* events whose title has "Summit" */

/* Every seventh event is a summit; the rest are dialogues. */
static void
write_large_dataset (void)
{
  g_autoptr(GString) json = g_string_new ("{\"kizuna\":1,\"title\":\"Large\",\"areas\":["
                                          "{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"b\",\"name\":\"B\"}],"
                                          "\"kinds\":[{\"id\":\"k\",\"name\":\"K\"}],\"events\":[");
  g_autoptr(GError) error = NULL;
  int fd;

  for (guint i = 0; i < N_EVENTS; i++)
    {
      gboolean summit = i % 7 == 0;

      n_titled_summit += summit;
      g_string_append_printf (json, "%s{\"id\":\"e-%u\",\"date\":\"%04u-%02u-%02u\",\"kind\":\"k\","
                              "\"title\":\"%s %u\",\"areas\":[{\"area\":\"%s\",\"stage\":\"agreed\","
                              "\"note\":\"Note %u\"}]}",
                              i > 0 ? "," : "", i, 1990 + i % 30, 1 + i % 12, 1 + i % 28,
                              summit ? "Annual Summit" : "Dialogue round", i,
                              i % 2 ? "a" : "b", i);
    }
  g_string_append (json, "]}");

  fd = g_file_open_tmp ("kizuna-large-XXXXXX.json", &large_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (large_path, json->str, (gssize) json->len, NULL));
}

static KzWindow *
new_window_with_bundled (void)
{
  g_autoptr(GFile) bundled = g_file_new_for_uri (KZ_BUNDLED_DATASET_URI);
  KzWindow *window = kz_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  kz_window_open (window, bundled);
  kz_test_wait_until (kz_test_window_loaded, window);
  g_assert_nonnull (kz_window_get_dataset (window));
  return window;
}

static void
test_load_shows_progress (void)
{
  KzWindow *window = new_window_with_bundled ();
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  GtkRevealer *banner = GTK_REVEALER (kz_test_template_child (window, KZ_TYPE_WINDOW, "load_banner"));
  GtkProgressBar *progress = GTK_PROGRESS_BAR (kz_test_template_child (window, KZ_TYPE_WINDOW, "load_progress"));
  GAction *cancel = g_action_map_lookup_action (G_ACTION_MAP (window), "cancel-load");
  double fraction = 0.0;

  g_assert_false (g_action_get_enabled (cancel));

  kz_window_open (window, file);
  g_assert_true (kz_window_get_loading (window));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_true (g_action_get_enabled (cancel));

  /* The bar moves while the window keeps running its main loop */
  while (kz_window_get_loading (window))
    {
      g_main_context_iteration (NULL, TRUE);
      fraction = MAX (fraction, gtk_progress_bar_get_fraction (progress));
    }

  g_assert_cmpuint (kz_dataset_get_n_events (kz_window_get_dataset (window)), ==, N_EVENTS);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_false (g_action_get_enabled (cancel));
  g_test_message ("largest fraction seen: %.2f", fraction);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel_keeps_dataset (void)
{
  KzWindow *window = new_window_with_bundled ();
  KzDataset *before = kz_window_get_dataset (window);
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels = g_list_model_get_n_items (toplevels);

  kz_window_open (window, file);
  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-load", NULL);
  kz_test_wait_until (kz_test_window_loaded, window);

  /* Nothing replaced, nothing reported: cancelling is not an error */
  g_assert_true (kz_window_get_dataset (window) == before);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
matches_are (gpointer data)
{
  KzTimelineView *timeline = data;

  return kz_timeline_view_get_n_matches (timeline) == n_titled_summit;
}

static void
test_search_beside_the_ui (void)
{
  KzWindow *window = new_window_with_bundled ();
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  KzTimelineView *timeline;

  kz_window_open (window, file);
  kz_test_wait_until (kz_test_window_loaded, window);
  timeline = KZ_TIMELINE_VIEW (kz_test_template_child (window, KZ_TYPE_WINDOW, "timeline"));

  /* A large dataset is searched on a thread: the count arrives with the main loop */
  kz_timeline_view_set_search_text (timeline, "summit");
  kz_test_wait_until (matches_are, timeline);

  /* A newer search replaces one still running; only the last one's answer stays */
  kz_timeline_view_set_search_text (timeline, "dialogue round");
  kz_timeline_view_set_search_text (timeline, "annual SUMMIT");
  kz_test_wait_until (matches_are, timeline);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (kz_timeline_view_get_n_matches (timeline), ==, n_titled_summit);

  /* And the next match is one of them */
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.next-match", NULL);
  g_assert_nonnull (kz_timeline_view_get_selected_event (timeline));
  g_assert_true (g_str_has_prefix (kz_event_get_title (kz_timeline_view_get_selected_event (timeline)),
                                   "Annual Summit"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_null (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static void
test_memory_released (void)
{
  KzWindow *window = new_window_with_bundled ();
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  g_autoptr(GFile) bundled = g_file_new_for_uri (KZ_BUNDLED_DATASET_URI);
  KzTimelineView *timeline = KZ_TIMELINE_VIEW (kz_test_template_child (window, KZ_TYPE_WINDOW, "timeline"));
  KzDataset *large;

  kz_window_open (window, file);
  kz_test_wait_until (kz_test_window_loaded, window);
  large = kz_window_get_dataset (window);
  g_object_add_weak_pointer (G_OBJECT (large), (gpointer *) &large);

  /* Use it: a selection, a search, the matrix */
  kz_timeline_view_set_selected_event (timeline, kz_dataset_get_event (large, 10));
  kz_timeline_view_set_search_text (timeline, "summit");
  kz_test_wait_until (matches_are, timeline);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-matrix", g_variant_new_boolean (TRUE));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  /* Another dataset: the large one, every event of it, is given back (once its cached
   * copy, if this open parsed it, is written) */
  kz_window_open (window, bundled);
  kz_test_wait_until (kz_test_window_loaded, window);
  kz_test_wait_until (is_null, &large);

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
entry_path (void)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, large_path, -1);
  g_autofree char *name = g_strconcat (digest, ".cache", NULL);

  return g_build_filename (g_get_user_cache_dir (), "kizuna", "datasets", name, NULL);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
names_match (KzDataset *a,
             KzDataset *b)
{
  for (guint i = 0; i < kz_dataset_get_n_events (a); i += 997)
    if (g_strcmp0 (kz_event_get_title (kz_dataset_get_event (a, i)),
                   kz_event_get_title (kz_dataset_get_event (b, i))) != 0)
      return FALSE;
  return TRUE;
}

static void
test_repeat_open_from_copy (void)
{
  KzWindow *window = new_window_with_bundled ();
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  g_autofree char *entry = entry_path ();
  g_autoptr(KzDataset) first = NULL;
  KzDataset *again;

  /* The copy is written after the dataset shows, beside the UI */
  g_unlink (entry);
  kz_window_open (window, file);
  kz_test_wait_until (kz_test_window_loaded, window);
  first = g_object_ref (kz_window_get_dataset (window));
  kz_test_wait_until (file_exists, entry);

  /* The next open reads it: the same events, and the copy is still there (a copy that
   * did not read back would have been removed) */
  kz_window_open (window, file);
  kz_test_wait_until (kz_test_window_loaded, window);
  again = kz_window_get_dataset (window);
  g_assert_true (again != first);
  g_assert_cmpuint (kz_dataset_get_n_events (again), ==, N_EVENTS);
  g_assert_true (names_match (first, again));
  g_assert_true (g_file_test (entry, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GTestDBus *bus;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* A private, empty session bus; GTestDBus unsets DISPLAY, so it is put back */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  /* No AT-SPI bus on the private bus: GTK's test accessibility backend instead */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  write_large_dataset ();

  app = kz_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/large-dataset/load-shows-progress", test_load_shows_progress);
  g_test_add_func ("/large-dataset/cancel-keeps-dataset", test_cancel_keeps_dataset);
  g_test_add_func ("/large-dataset/search-beside-the-ui", test_search_beside_the_ui);
  g_test_add_func ("/large-dataset/memory-released", test_memory_released);
  g_test_add_func ("/large-dataset/repeat-open-from-copy", test_repeat_open_from_copy);

  status = g_test_run ();

  /* The window's copy of the file goes with it: runs would pile them up in the build */
  {
    g_autofree char *entry = entry_path ();

    g_unlink (entry);
  }
  g_unlink (large_path);
  g_free (large_path);
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  /* Not g_test_dbus_down(): GTK keeps its connection to the bus to the end */
  g_test_dbus_stop (bus);
  return status;
}
