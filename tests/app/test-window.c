/* test-window.c — the real window, driven through its actions, keys and gestures
 *
 * Runs under Xvfb with the real GTK: no mocks. Key presses cannot be synthesised through
 * GTK 4's public API, so the tests activate the actions the keys are bound to, and check
 * the bindings themselves separately (test_timeline_key_bindings). Gestures are driven by
 * emitting their controllers' signals with coordinates, which runs the same handlers a
 * pointer or a touchpad does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "kz-application.h"
#include "kz-area-list.h"
#include "kz-dataset-loader.h"
#include "kz-detail-pane.h"
#include "kz-event-text.h"
#include "kz-problems-dialog.h"
#include "kz-timeline-view.h"
#include "kz-uri.h"
#include "kz-window.h"
#include "kz-test-widgets.h"

static KzApplication *app;

typedef struct {
  KzWindow       *window;
  KzTimelineView *timeline;
  KzDetailPane   *detail_pane;
  KzAreaList     *area_list;
  KzDataset      *dataset;
  GSettings      *settings;
} Fixture;

/* Helpers */

static void
wait_for_load (KzWindow *window)
{
  kz_test_wait_until (kz_test_window_loaded, window);
}

static const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (kz_test_template_child (widget, type, name)));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
  return NULL;
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

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static double
span_of (KzTimelineView *timeline)
{
  return kz_timeline_view_get_visible_end (timeline) - kz_timeline_view_get_visible_start (timeline);
}

static double
event_day (KzEvent *event)
{
  return kz_date_get_first_day (kz_event_get_date (event)) + 0.5;
}

static KzProblemsDialog *
find_problems_dialog (KzWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (KZ_IS_PROBLEMS_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return KZ_PROBLEMS_DIALOG (toplevel);
    }

  return NULL;
}

static GFile *
test_file (const char *name)
{
  return g_file_new_for_path (g_test_get_filename (G_TEST_DIST, name, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) bundled = g_file_new_for_uri (KZ_BUNDLED_DATASET_URI);

  f->settings = g_settings_new (APP_ID);
  f->window = kz_window_new (app);
  gtk_window_present (GTK_WINDOW (f->window));
  kz_window_open (f->window, bundled);
  wait_for_load (f->window);

  f->dataset = kz_window_get_dataset (f->window);
  g_assert_nonnull (f->dataset);
  g_assert_cmpuint (kz_dataset_get_n_events (f->dataset), >, 2);

  f->timeline = KZ_TIMELINE_VIEW (kz_test_template_child (f->window, KZ_TYPE_WINDOW, "timeline"));
  f->detail_pane = KZ_DETAIL_PANE (kz_test_template_child (f->window, KZ_TYPE_WINDOW, "detail_pane"));
  f->area_list = KZ_AREA_LIST (kz_test_template_child (f->window, KZ_TYPE_WINDOW, "area_list"));
  kz_test_wait_until (kz_test_widget_allocated, f->timeline);
  kz_test_settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  KzProblemsDialog *dialog;

  while ((dialog = find_problems_dialog (f->window)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  kz_test_settle ();

  /* The memory backend lives as long as the process: each test starts from the defaults */
  g_settings_reset (f->settings, "hidden-areas");
  g_settings_reset (f->settings, "window-width");
  g_settings_reset (f->settings, "window-height");
  g_settings_reset (f->settings, "window-maximized");
  g_settings_reset (f->settings, "sidebar-width");
  g_settings_reset (f->settings, "detail-width");
  g_clear_object (&f->settings);
}

/* Opening */

static void
test_bundled_dataset (Fixture       *f,
                      gconstpointer  data)
{
  const char *title = kz_dataset_get_title (f->dataset);
  GtkWidget *list_box = kz_test_template_child (f->area_list, KZ_TYPE_AREA_LIST, "areas_list_box");
  guint n_areas = g_list_model_get_n_items (kz_dataset_get_areas (f->dataset));
  g_autoptr(GPtrArray) visible = kz_timeline_view_get_visible_areas (f->timeline);

  g_assert_nonnull (title);
  g_assert_cmpstr (title, !=, "");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, title);
  g_assert_cmpstr (label_text (f->window, KZ_TYPE_WINDOW, "title_label"), ==, title);
  g_assert_nonnull (strstr (label_text (f->window, KZ_TYPE_WINDOW, "subtitle_label"),
                            "india-japan.json"));

  g_assert_true (kz_timeline_view_get_dataset (f->timeline) == f->dataset);
  g_assert_true (kz_area_list_get_dataset (f->area_list) == f->dataset);
  g_assert_cmpuint (count_children (list_box), ==, n_areas);
  g_assert_cmpuint (visible->len, ==, n_areas);

  /* Nothing selected yet: the detail pane says how to select */
  g_assert_null (kz_timeline_view_get_selected_event (f->timeline));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "stack"))),
                   ==, "empty");

  /* The shortcuts window came from the resources */
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (f->window), "show-help-overlay"));
  /* The timeline has the keyboard focus, so → works at once */
  /* The window's focus widget, whether or not the X server has made the window active:
   * gtk_widget_has_focus() also asks for that, which depends on timing under Xvfb. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (f->timeline));
}

static void
test_bad_file_keeps_dataset (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GFile) broken = test_file ("broken.json");
  g_autoptr(GFile) missing = test_file ("no-such-file.json");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(KzDataset) not_loaded = NULL;
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (f->window)));
  KzProblemsDialog *dialog;

  kz_window_open (f->window, broken);
  wait_for_load (f->window);

  /* What was open stays open */
  g_assert_true (kz_window_get_dataset (f->window) == f->dataset);
  g_assert_true (kz_timeline_view_get_dataset (f->timeline) == f->dataset);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, title);

  /* The dialog names the file and lists every problem as the validator does */
  dialog = find_problems_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_nonnull (strstr (kz_problems_dialog_get_heading (dialog), "broken.json"));

  not_loaded = kz_dataset_load_from_file (broken, problems, NULL, NULL);
  g_assert_null (not_loaded);
  g_assert_cmpuint (problems->len, >=, 4);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = kz_problem_to_string (g_ptr_array_index (problems, i));
      g_string_append_printf (expected, "%s%s", i > 0 ? "\n" : "", line);
    }
  g_assert_cmpstr (kz_problems_dialog_get_problems (dialog), ==, expected->str);
  g_assert_nonnull (strstr (expected->str, "events[0].date: "));

  gtk_window_destroy (GTK_WINDOW (dialog));
  kz_test_settle ();
  g_assert_null (find_problems_dialog (f->window));

  /* A file that is not there at all */
  kz_window_open (f->window, missing);
  wait_for_load (f->window);
  g_assert_true (kz_window_get_dataset (f->window) == f->dataset);
  dialog = find_problems_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (kz_problems_dialog_get_heading (dialog), "no-such-file.json"));
}

static void
test_drop_opens_json (Fixture       *f,
                      gconstpointer  data)
{
  GtkEventController *drop_target = find_controller (GTK_WIDGET (f->window), GTK_TYPE_DROP_TARGET);
  g_autoptr(GFile) small = test_file ("small.json");
  g_autoptr(GFile) not_json = test_file ("meson.build");
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean accepted = FALSE;

  /* Not a dataset: refused, nothing loads */
  files = g_slist_prepend (NULL, not_json);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (drop_target, "drop", &value, 10.0, 10.0, &accepted);
  g_slist_free (files);
  g_assert_false (accepted);
  g_assert_false (kz_window_get_loading (f->window));

  g_value_unset (&value);
  files = g_slist_prepend (NULL, small);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (drop_target, "drop", &value, 10.0, 10.0, &accepted);
  g_slist_free (files);
  g_assert_true (accepted);

  wait_for_load (f->window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Small test dataset");
  g_assert_true (g_file_equal (kz_window_get_file (f->window), small));
  g_assert_true (kz_timeline_view_get_dataset (f->timeline) == kz_window_get_dataset (f->window));
  g_assert_nonnull (strstr (label_text (f->window, KZ_TYPE_WINDOW, "subtitle_label"), "small.json"));
}

/* Zooming and panning */

static void
test_zoom_actions (Fixture       *f,
                   gconstpointer  data)
{
  double start0 = kz_timeline_view_get_visible_start (f->timeline);
  double end0 = kz_timeline_view_get_visible_end (f->timeline);
  double span0 = end0 - start0;
  double middle0 = (start0 + end0) / 2.0;
  gint64 first_day = 0, last_day = 0;

  /* Opening fits the whole dataset */
  g_assert_true (kz_dataset_get_span (f->dataset, &first_day, &last_day));
  g_assert_cmpfloat (start0, <=, first_day);
  g_assert_cmpfloat (end0, >=, last_day + 1);

  /* + zooms in around the middle when nothing is selected */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (span_of (f->timeline), span0 / 1.5, 1e-6);
  g_assert_cmpfloat_with_epsilon ((kz_timeline_view_get_visible_start (f->timeline) +
                                   kz_timeline_view_get_visible_end (f->timeline)) / 2.0,
                                  middle0, 1e-6);

  /* - zooms back out */
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), start0, 1e-6);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_end (f->timeline), end0, 1e-6);

  /* Never further out than everything */
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (span_of (f->timeline), span0, 1e-6);

  /* Ctrl+0 fits again after any zoom */
  for (int i = 0; i < 4; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (span_of (f->timeline), span0 / pow (1.5, 4), 1e-6);
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-fit", NULL);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), start0, 1e-6);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_end (f->timeline), end0, 1e-6);

  /* Never closer than the minimum span */
  for (int i = 0; i < 60; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-in", NULL);
  g_assert_cmpfloat (span_of (f->timeline), >=, 4.0 - 1e-6);
  g_assert_cmpfloat (span_of (f->timeline), <, 10.0);
}

static void
test_zoom_keeps_selection_in_place (Fixture       *f,
                                    gconstpointer  data)
{
  KzEvent *event;
  double fraction_before, fraction_after;

  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.next-event", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.next-event", NULL);
  event = kz_timeline_view_get_selected_event (f->timeline);
  g_assert_nonnull (event);

  fraction_before = (event_day (event) - kz_timeline_view_get_visible_start (f->timeline)) / span_of (f->timeline);
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-in", NULL);
  fraction_after = (event_day (event) - kz_timeline_view_get_visible_start (f->timeline)) / span_of (f->timeline);

  /* The event stays where it was on screen (the range is far from the data's edges here,
   * or the clamp moves it a little) and certainly in view */
  g_assert_cmpfloat (fabs (fraction_after - fraction_before), <, 0.2);
  g_assert_cmpfloat (fraction_after, >=, 0.0);
  g_assert_cmpfloat (fraction_after, <=, 1.0);
}

static void
test_pinch_zoom (Fixture       *f,
                 gconstpointer  data)
{
  GtkEventController *zoom = find_controller (GTK_WIDGET (f->timeline), GTK_TYPE_GESTURE_ZOOM);
  double span0 = span_of (f->timeline);
  double middle0 = (kz_timeline_view_get_visible_start (f->timeline) +
                    kz_timeline_view_get_visible_end (f->timeline)) / 2.0;

  /* Without touch points the gesture's centre is the widget's middle */
  g_signal_emit_by_name (zoom, "begin", NULL);
  g_signal_emit_by_name (zoom, "scale-changed", 2.0);
  g_assert_cmpfloat_with_epsilon (span_of (f->timeline), span0 / 2.0, span0 * 0.01);

  /* Pinching back out returns to where it started: scales are from the gesture's start */
  g_signal_emit_by_name (zoom, "scale-changed", 1.0);
  g_assert_cmpfloat_with_epsilon (span_of (f->timeline), span0, 1e-6);
  g_assert_cmpfloat_with_epsilon ((kz_timeline_view_get_visible_start (f->timeline) +
                                   kz_timeline_view_get_visible_end (f->timeline)) / 2.0,
                                  middle0, span0 * 0.01);
}

static void
test_pan_actions_and_gestures (Fixture       *f,
                               gconstpointer  data)
{
  GtkEventController *drag = find_controller (GTK_WIDGET (f->timeline), GTK_TYPE_GESTURE_DRAG);
  GtkEventController *scroll = find_controller (GTK_WIDGET (f->timeline), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  double fit_start = kz_timeline_view_get_visible_start (f->timeline);
  double fit_end = kz_timeline_view_get_visible_end (f->timeline);
  double start, span;
  gboolean handled = FALSE;

  /* At the whole range there is nowhere to pan to */
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.pan-forward", NULL);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), fit_start, 1e-6);

  /* Zoomed in, Shift+Right moves a fifth of the view later, Shift+Left back */
  for (int i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-in", NULL);
  start = kz_timeline_view_get_visible_start (f->timeline);
  span = span_of (f->timeline);

  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.pan-forward", NULL);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), start + 0.2 * span, 1e-6);
  g_assert_cmpfloat_with_epsilon (span_of (f->timeline), span, 1e-6);
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.pan-backward", NULL);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), start, 1e-6);

  /* Dragging to the left shows later days; the span does not change */
  g_signal_emit_by_name (drag, "drag-begin", 300.0, 200.0);
  g_signal_emit_by_name (drag, "drag-update", -80.0, 0.0);
  g_assert_cmpfloat (kz_timeline_view_get_visible_start (f->timeline), >, start);
  g_assert_cmpfloat_with_epsilon (span_of (f->timeline), span, 1e-6);
  g_signal_emit_by_name (drag, "drag-update", 0.0, 0.0);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), start, 1e-6);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);

  /* A horizontal wheel click pans by a tenth of the view */
  g_signal_emit_by_name (scroll, "scroll", 1.0, 0.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), start + 0.1 * span, span * 1e-3);
  g_signal_emit_by_name (scroll, "scroll", -1.0, 0.0, &handled);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), start, span * 1e-3);

  /* Panning stops at the end of the data */
  for (int i = 0; i < 50; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.pan-forward", NULL);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_end (f->timeline), fit_end, 1e-6);
  g_assert_cmpfloat_with_epsilon (span_of (f->timeline), span, 1e-6);
}

/* Selecting */

static void
assert_detail_shows (Fixture *f,
                     KzEvent *event)
{
  g_autofree char *date = kz_date_format (kz_event_get_date (event));
  GtkWidget *stack = kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "stack");

  g_assert_true (kz_detail_pane_get_event (f->detail_pane) == event);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "event");
  g_assert_cmpstr (label_text (f->detail_pane, KZ_TYPE_DETAIL_PANE, "title_label"), ==,
                   kz_event_get_title (event));
  g_assert_true (g_str_has_prefix (label_text (f->detail_pane, KZ_TYPE_DETAIL_PANE, "when_label"), date));
}

static void
test_keyboard_selection (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *timeline = GTK_WIDGET (f->timeline);
  guint n_events = kz_dataset_get_n_events (f->dataset);
  KzEvent *first = kz_dataset_get_event (f->dataset, 0);
  KzEvent *second = kz_dataset_get_event (f->dataset, 1);
  KzEvent *last = kz_dataset_get_event (f->dataset, n_events - 1);
  GAction *previous = g_action_map_lookup_action (G_ACTION_MAP (f->window), "previous-event");
  GAction *next = g_action_map_lookup_action (G_ACTION_MAP (f->window), "next-event");
  GtkWidget *focus;

  /* → with nothing selected selects the first event in view: the first of all, at first */
  g_assert_false (g_action_get_enabled (previous));
  g_assert_true (g_action_get_enabled (next));
  gtk_widget_activate_action (timeline, "timeline.next-event", NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == first);
  assert_detail_shows (f, first);
  g_assert_false (g_action_get_enabled (previous));

  gtk_widget_activate_action (timeline, "timeline.next-event", NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == second);
  assert_detail_shows (f, second);
  g_assert_true (g_action_get_enabled (previous));

  gtk_widget_activate_action (timeline, "timeline.previous-event", NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == first);
  gtk_widget_activate_action (timeline, "timeline.previous-event", NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == first);

  /* The detail pane's buttons go through the window's actions */
  g_action_activate (next, NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == second);
  g_action_activate (previous, NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == first);

  /* End, zoomed in: the last event is selected and scrolled into view */
  for (int i = 0; i < 4; i++)
    gtk_widget_activate_action (timeline, "timeline.zoom-in", NULL);
  gtk_widget_activate_action (timeline, "timeline.last-event", NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == last);
  assert_detail_shows (f, last);
  g_assert_cmpfloat (event_day (last), >=, kz_timeline_view_get_visible_start (f->timeline));
  g_assert_cmpfloat (event_day (last), <=, kz_timeline_view_get_visible_end (f->timeline));
  g_assert_false (g_action_get_enabled (next));

  /* Home: back to the first, also scrolled into view */
  gtk_widget_activate_action (timeline, "timeline.first-event", NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == first);
  g_assert_cmpfloat (event_day (first), >=, kz_timeline_view_get_visible_start (f->timeline));
  g_assert_cmpfloat (event_day (first), <=, kz_timeline_view_get_visible_end (f->timeline));

  /* Enter: the detail pane takes the focus, to be read */
  gtk_widget_activate_action (timeline, "timeline.activate", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->detail_pane)));

  /* Escape: nothing selected, the pane says so */
  gtk_widget_grab_focus (timeline);
  gtk_widget_activate_action (timeline, "timeline.clear-selection", NULL);
  g_assert_null (kz_timeline_view_get_selected_event (f->timeline));
  g_assert_null (kz_detail_pane_get_event (f->detail_pane));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "stack"))),
                   ==, "empty");
}

static void
test_click_selects (Fixture       *f,
                    gconstpointer  data)
{
  GtkEventController *click = find_controller (GTK_WIDGET (f->timeline), GTK_TYPE_GESTURE_CLICK);
  guint n_events = kz_dataset_get_n_events (f->dataset);
  KzEvent *target = NULL;
  double x = 0, y = 0;

  /* Close in on each event in turn until one has its own mark in the events row */
  for (guint i = 0; i < n_events && target == NULL; i++)
    {
      KzEvent *event = kz_dataset_get_event (f->dataset, i);
      double day = event_day (event);

      kz_timeline_view_set_visible_range (f->timeline, day - 20, day + 20);
      if (kz_timeline_view_get_event_point (f->timeline, event, &x, &y))
        target = event;
    }
  g_assert_nonnull (target);
  g_assert_null (kz_timeline_view_get_selected_event (f->timeline));

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == target);
  assert_detail_shows (f, target);
  /* The window's focus widget, whether or not the X server has made the window active:
   * gtk_widget_has_focus() also asks for that, which depends on timing under Xvfb. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (f->timeline));
}

static void
test_detail_pane_content (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) small = test_file ("small.json");
  KzDataset *dataset;
  KzEvent *summit;
  KzEvent *agreement;
  const KzSource *source;
  GtkWidget *sources_box;
  GtkWidget *areas_box;
  GtkWidget *link;
  const char *markup;

  kz_window_open (f->window, small);
  wait_for_load (f->window);
  dataset = kz_window_get_dataset (f->window);
  summit = kz_dataset_lookup_event (dataset, "one");
  agreement = kz_dataset_lookup_event (dataset, "two");

  kz_timeline_view_set_selected_event (f->timeline, summit);
  assert_detail_shows (f, summit);
  g_assert_cmpstr (label_text (f->detail_pane, KZ_TYPE_DETAIL_PANE, "when_label"), ==, "1 May 2010");
  g_assert_cmpstr (label_text (f->detail_pane, KZ_TYPE_DETAIL_PANE, "kind_label"), ==, "Summit · Round 1");
  areas_box = kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "areas_box");
  g_assert_cmpuint (count_children (areas_box), ==, 1);
  g_assert_false (gtk_widget_get_visible (kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "sources_heading")));

  kz_timeline_view_set_selected_event (f->timeline, agreement);
  assert_detail_shows (f, agreement);
  g_assert_cmpstr (label_text (f->detail_pane, KZ_TYPE_DETAIL_PANE, "when_label"), ==, "2012");
  g_assert_false (gtk_widget_get_visible (kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "kind_label")));

  /* Sources are links, numbered, with publisher and date; web addresses only */
  sources_box = kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "sources_box");
  g_assert_cmpuint (count_children (sources_box), ==, 1);
  source = kz_event_get_source (agreement, 0);
  g_assert_true (kz_uri_is_web (source->url));
  link = gtk_widget_get_first_child (sources_box);
  markup = gtk_label_get_label (GTK_LABEL (link));
  g_assert_nonnull (strstr (markup, "<a href=\"https://example.org/report\""));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (link)), ==, "1. A report · A paper · 4 March 2012");
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (link)));
}

static void
test_uri_check (void)
{
  g_assert_true (kz_uri_is_web ("https://example.org/a?b=c"));
  g_assert_true (kz_uri_is_web ("http://example.org"));
  g_assert_true (kz_uri_is_web ("HTTPS://EXAMPLE.ORG/"));
  g_assert_false (kz_uri_is_web ("file:///etc/passwd"));
  g_assert_false (kz_uri_is_web ("javascript:alert(1)"));
  g_assert_false (kz_uri_is_web ("https://"));
  g_assert_false (kz_uri_is_web ("example.org"));
  g_assert_false (kz_uri_is_web (""));
  g_assert_false (kz_uri_is_web (NULL));
}

/* Search */

static gboolean
search_applied (gpointer data)
{
  Fixture *f = data;
  GtkWidget *entry = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "search_entry");

  return g_strcmp0 (kz_timeline_view_get_search_text (f->timeline),
                    gtk_editable_get_text (GTK_EDITABLE (entry))) == 0;
}

static char *
pick_search_word (KzEvent *event)
{
  g_auto(GStrv) words = g_strsplit (kz_event_get_title (event), " ", -1);
  const char *best = words[0];

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) > g_utf8_strlen (best, -1))
      best = words[i];

  return g_strdup (best);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "search_entry");
  GtkWidget *search_bar = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "search_bar");
  guint n_events = kz_dataset_get_n_events (f->dataset);
  g_autofree char *word = pick_search_word (kz_dataset_get_event (f->dataset, 0));
  g_autofree char *upper = g_utf8_strup (word, -1);
  g_autofree char *folded = g_utf8_casefold (word, -1);
  g_autofree char *expected_label = NULL;
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_auto(GStrv) all_areas = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *areas = kz_dataset_get_areas (f->dataset);

  for (guint i = 0; i < n_events; i++)
    if (kz_event_matches_text (kz_dataset_get_event (f->dataset, i), folded))
      g_ptr_array_add (matches, kz_dataset_get_event (f->dataset, i));
  g_assert_cmpuint (matches->len, >=, 1);

  /* Ctrl+F opens the search bar */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));

  /* Case does not matter */
  gtk_editable_set_text (GTK_EDITABLE (entry), upper);
  kz_test_wait_until (search_applied, f);
  g_assert_cmpuint (kz_timeline_view_get_n_matches (f->timeline), ==, matches->len);
  expected_label = g_strdup_printf (ngettext ("%u match", "%u matches", matches->len), matches->len);
  g_assert_cmpstr (label_text (f->window, KZ_TYPE_WINDOW, "match_label"), ==, expected_label);

  /* Enter selects the first match, then the next, round to the first again */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == matches->pdata[0]);
  for (guint i = 1; i <= matches->len; i++)
    {
      g_signal_emit_by_name (entry, "activate");
      g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == matches->pdata[i % matches->len]);
    }

  /* Matches count only events that show: with every lane hidden, none */
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(KzArea) area = g_list_model_get_item (areas, i);
      g_strv_builder_add (builder, kz_area_get_id (area));
    }
  all_areas = g_strv_builder_end (builder);
  kz_timeline_view_set_hidden_areas (f->timeline, (const char * const *) all_areas);
  g_assert_cmpuint (kz_timeline_view_get_n_matches (f->timeline), ==, 0);
  g_assert_cmpstr (label_text (f->window, KZ_TYPE_WINDOW, "match_label"), ==, _("No matches"));
  kz_timeline_view_set_hidden_areas (f->timeline, NULL);
  g_assert_cmpuint (kz_timeline_view_get_n_matches (f->timeline), ==, matches->len);

  /* Closing the search ends it */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (search_bar), FALSE);
  g_assert_null (kz_timeline_view_get_search_text (f->timeline));
  g_assert_cmpuint (kz_timeline_view_get_n_matches (f->timeline), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* Lanes and kinds */

static GtkWidget *
area_row_check (GtkWidget *row)
{
  GtkWidget *check = find_descendant (row, GTK_TYPE_CHECK_BUTTON);

  g_assert_nonnull (check);
  return check;
}

static void
test_toggle_lane (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *list_box = kz_test_template_child (f->area_list, KZ_TYPE_AREA_LIST, "areas_list_box");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0);
  GtkWidget *check = area_row_check (GTK_WIDGET (row));
  GListModel *areas = kz_dataset_get_areas (f->dataset);
  guint n_areas = g_list_model_get_n_items (areas);
  g_autoptr(KzArea) area = g_list_model_get_item (areas, 0);
  const char *id = kz_area_get_id (area);
  g_auto(GStrv) saved = NULL;
  g_autoptr(GPtrArray) visible = NULL;

  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* Untick: the lane goes, the id is remembered */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_true (g_strv_equal (kz_timeline_view_get_hidden_areas (f->timeline),
                               (const char * const[]) { id, NULL }));
  visible = kz_timeline_view_get_visible_areas (f->timeline);
  g_assert_cmpuint (visible->len, ==, n_areas - 1);
  for (guint i = 0; i < visible->len; i++)
    g_assert_true (visible->pdata[i] != area);
  saved = g_settings_get_strv (f->settings, "hidden-areas");
  g_assert_true (g_strv_equal ((const char * const *) saved, (const char * const[]) { id, NULL }));

  /* Space on the focused row shows it again (Enter, row activation, tells the area's story:
   * test-evolution-window checks that) */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->area_list), "area-list.toggle-lane", NULL));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstrv (kz_timeline_view_get_hidden_areas (f->timeline), ((const char * const[]) { NULL }));
  g_clear_pointer (&visible, g_ptr_array_unref);
  visible = kz_timeline_view_get_visible_areas (f->timeline);
  g_assert_cmpuint (visible->len, ==, n_areas);

  /* Hidden from the timeline side, the list follows; Show All undoes it */
  kz_timeline_view_set_hidden_areas (f->timeline, (const char * const[]) { id, NULL });
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->area_list), "area-list.show-all", NULL));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstrv (kz_timeline_view_get_hidden_areas (f->timeline), ((const char * const[]) { NULL }));
}

static void
test_hidden_lane_skips_events (Fixture       *f,
                               gconstpointer  data)
{
  KzEvent *first = kz_dataset_get_event (f->dataset, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hidden = NULL;
  KzEvent *found;

  /* Hide every area of the first event: it neither shows nor gets selected */
  for (guint i = 0; i < kz_event_get_n_areas (first); i++)
    g_strv_builder_add (builder, kz_area_get_id (kz_event_get_area (first, i)->area));
  hidden = g_strv_builder_end (builder);

  kz_timeline_view_set_selected_event (f->timeline, first);
  kz_area_list_set_hidden_areas (f->area_list, (const char * const *) hidden);
  g_assert_cmpstrv (kz_timeline_view_get_hidden_areas (f->timeline), hidden);
  /* The selection went with its lanes */
  g_assert_null (kz_timeline_view_get_selected_event (f->timeline));

  found = kz_timeline_view_find_event (f->timeline, NULL, +1);
  g_assert_true (found != first);
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.first-event", NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == found);
}

static void
test_kind_chips (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *kinds_box = kz_test_template_child (f->area_list, KZ_TYPE_AREA_LIST, "kinds_box");
  g_autoptr(GFile) small = test_file ("small.json");
  KzDataset *dataset;
  KzKind *summit;
  GtkWidget *chip;

  kz_window_open (f->window, small);
  wait_for_load (f->window);
  dataset = kz_window_get_dataset (f->window);
  summit = kz_dataset_lookup_kind (dataset, "summit");

  g_assert_cmpuint (count_children (kinds_box), ==, 1);
  chip = gtk_widget_get_first_child (kinds_box);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (chip));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (chip)))), ==, "Summit");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (chip)));

  /* Switching the chip off hides the summit: Home lands on the other event */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), FALSE);
  g_assert_cmpstrv (kz_timeline_view_get_hidden_kinds (f->timeline),
                    ((const char * const[]) { kz_kind_get_id (summit), NULL }));
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.first-event", NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) ==
                 kz_dataset_lookup_event (dataset, "two"));
  g_assert_null (kz_timeline_view_find_event (f->timeline,
                                              kz_dataset_lookup_event (dataset, "two"), -1));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), TRUE);
  g_assert_cmpstrv (kz_timeline_view_get_hidden_kinds (f->timeline), ((const char * const[]) { NULL }));
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.first-event", NULL);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) ==
                 kz_dataset_lookup_event (dataset, "one"));
}

/* Accessibility and keys */

static void
test_accessibility (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *summary = NULL;
  KzEvent *event;
  GtkWidget *search_button = NULL;

  gtk_test_accessible_assert_role (f->timeline, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (f->timeline, GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->timeline)));

  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.next-event", NULL);
  event = kz_timeline_view_get_selected_event (f->timeline);
  summary = kz_event_text_summary (event);
  g_assert_nonnull (strstr (summary, kz_event_get_title (event)));
  gtk_test_accessible_assert_property (f->timeline, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);

  /* Icon-only buttons carry a name for screen readers and a tooltip */
  search_button = find_descendant (gtk_window_get_titlebar (GTK_WINDOW (f->window)), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (search_button);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (search_button),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_nonnull (gtk_widget_get_tooltip_text (search_button));
}

typedef struct {
  const char *trigger;
  const char *action;
} Binding;

static void
test_timeline_key_bindings (void)
{
  static const Binding expected[] = {
    { "plus", "timeline.zoom-in" },
    { "equal", "timeline.zoom-in" },
    { "minus", "timeline.zoom-out" },
    { "<Control>0", "timeline.zoom-fit" },
    { "Left", "timeline.previous-event" },
    { "Right", "timeline.next-event" },
    { "Home", "timeline.first-event" },
    { "End", "timeline.last-event" },
    { "Escape", "timeline.clear-selection" },
    { "Return", "timeline.activate" },
    { "<Shift>Left", "timeline.pan-backward" },
    { "<Control>Left", "timeline.pan-backward" },
    { "<Shift>Right", "timeline.pan-forward" },
    { "<Control>Right", "timeline.pan-forward" },
    { "Up", "timeline.scroll-lanes" },
    { "Down", "timeline.scroll-lanes" },
  };
  GtkWidget *timeline = g_object_ref_sink (kz_timeline_view_new ());
  g_autoptr(GHashTable) bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (timeline);

  /* The class's key bindings live in the shortcut controller every instance gets */
  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action))
            g_hash_table_insert (bindings,
                                 gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut)),
                                 g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_hash_table_lookup (bindings, expected[i].trigger), ==, expected[i].action);

  g_clear_object (&controllers);
  g_object_unref (timeline);
}

static void
test_application_accels (void)
{
  static const Binding expected[] = {
    { "<Control>q", "app.quit" },
    { "<Control>o", "app.open" },
    { "<Control>n", "app.new-window" },
    { "<Control>f", "win.search" },
    { "<Control>question", "win.show-help-overlay" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    expected[i].action);
      g_assert_true (g_strv_contains ((const char * const *) accels, expected[i].trigger));
    }
}

/* Window state */

static void
test_window_state_restored_and_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) small = test_file ("small.json");
  KzWindow *window;
  GtkWidget *outer_paned;
  GtkWidget *detail_pane;
  int width = 0, height = 0;

  /* Within the smallest Xvfb screen the tests meet (1280x1024, xvfb-run's default): GTK
   * keeps a window inside its screen */
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_int (settings, "sidebar-width", 222);
  g_settings_set_int (settings, "detail-width", 300);

  window = kz_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 700);

  gtk_window_present (GTK_WINDOW (window));
  kz_window_open (window, small);
  wait_for_load (window);
  detail_pane = kz_test_template_child (window, KZ_TYPE_WINDOW, "detail_pane");
  kz_test_wait_until (kz_test_widget_allocated, detail_pane);
  kz_test_settle ();

  outer_paned = kz_test_template_child (window, KZ_TYPE_WINDOW, "outer_paned");
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (outer_paned)), ==, 222);
  g_assert_cmpint (abs (gtk_widget_get_width (detail_pane) - 300), <=, 2);

  /* A window too narrow for the remembered widths gives the timeline the room */
  {
    KzWindow *narrow;
    GtkWidget *narrow_detail;
    GtkWidget *narrow_timeline;

    g_settings_set_int (settings, "window-width", 900);
    narrow = kz_window_new (app);
    gtk_window_present (GTK_WINDOW (narrow));
    kz_window_open (narrow, small);
    wait_for_load (narrow);
    narrow_detail = kz_test_template_child (narrow, KZ_TYPE_WINDOW, "detail_pane");
    narrow_timeline = kz_test_template_child (narrow, KZ_TYPE_WINDOW, "timeline");
    kz_test_wait_until (kz_test_widget_allocated, narrow_detail);
    kz_test_settle ();
    g_assert_cmpint (gtk_widget_get_width (narrow_detail), <, 300);
    g_assert_cmpint (gtk_widget_get_width (narrow_detail), >=, 240);
    g_assert_cmpint (gtk_widget_get_width (narrow_timeline), >, gtk_widget_get_width (narrow_detail));
    gtk_window_destroy (GTK_WINDOW (narrow));
    g_settings_set_int (settings, "window-width", 1200);
  }

  /* Closing remembers the panes as they are */
  gtk_paned_set_position (GTK_PANED (outer_paned), 250);
  kz_test_settle ();
  gtk_window_close (GTK_WINDOW (window));
  kz_test_settle ();
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 250);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1200);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "sidebar-width");
  g_settings_reset (settings, "detail-width");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GTestDBus *bus;
  int status;

  /* Never touch the user's settings; GSETTINGS_SCHEMA_DIR comes from meson */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  /* A private, empty session bus: no desktop portal gets started or asked, whatever bus
   * the tests run under. GTestDBus unsets DISPLAY; the display is Xvfb's, put it back. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  /* No AT-SPI bus on it: GTK's test accessibility backend keeps what the widgets tell
   * screen readers, for gtk_test_accessible_assert_property() */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = kz_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("bundled-dataset", test_bundled_dataset);
  ADD ("bad-file-keeps-dataset", test_bad_file_keeps_dataset);
  ADD ("drop-opens-json", test_drop_opens_json);
  ADD ("zoom-actions", test_zoom_actions);
  ADD ("zoom-keeps-selection-in-place", test_zoom_keeps_selection_in_place);
  ADD ("pinch-zoom", test_pinch_zoom);
  ADD ("pan-actions-and-gestures", test_pan_actions_and_gestures);
  ADD ("keyboard-selection", test_keyboard_selection);
  ADD ("click-selects", test_click_selects);
  ADD ("detail-pane-content", test_detail_pane_content);
  ADD ("search", test_search);
  ADD ("toggle-lane", test_toggle_lane);
  ADD ("hidden-lane-skips-events", test_hidden_lane_skips_events);
  ADD ("kind-chips", test_kind_chips);
  ADD ("accessibility", test_accessibility);
  g_test_add_func ("/window/timeline-key-bindings", test_timeline_key_bindings);
  g_test_add_func ("/window/application-accels", test_application_accels);
  g_test_add_func ("/window/state-restored-and-saved", test_window_state_restored_and_saved);
  g_test_add_func ("/uri/web-only", test_uri_check);

#undef ADD

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  /* Stop, not down, and not unreffed: both wait for GTK to drop the bus connection */
  g_test_dbus_stop (bus);

  return status;
}
