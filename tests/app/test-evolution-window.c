/* test-evolution-window.c — areas' stories, comparisons, the matrix and live reload, in the
 * real window
 *
 * Runs under Xvfb with the real GTK, as test-window does: the window is driven through its
 * actions, its widgets' signals and gestures, and files written on disk; what it shows is
 * read back from its widgets and from what they tell screen readers (GTK_A11Y=test).
 *
 * tests/data/good/evolution.json has known answers (tests/test-evolution.c): area "a"
 * (Alpha) is discussed at e1, committed at e2, agreed at e3, gone at e4 and committed again
 * at e5; e4 and e5 are of kind k1, so e5's previous of its kind is e4.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "kz-application.h"
#include "kz-area-list.h"
#include "kz-area-story-view.h"
#include "kz-compare-view.h"
#include "kz-dataset-loader.h"
#include "kz-detail-pane.h"
#include "kz-event-comparison.h"
#include "kz-event-text.h"
#include "kz-matrix-pane.h"
#include "kz-matrix-view.h"
#include "kz-problems-dialog.h"
#include "kz-stage-chart.h"
#include "kz-timeline-view.h"
#include "kz-window.h"
#include "kz-test-widgets.h"

static KzApplication *app;

typedef struct {
  KzWindow       *window;
  KzTimelineView *timeline;
  KzDetailPane   *detail_pane;
  KzAreaList     *area_list;
  KzMatrixPane   *matrix_pane;
  KzMatrixView   *matrix;
  KzDataset      *dataset;
  GSettings      *settings;
  char           *dir;        /* for live reload */
} Fixture;

/* Helpers */

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
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

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

static GtkWidget *
nth_child (GtkWidget *widget,
           guint      n)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  while (child != NULL && n-- > 0)
    child = gtk_widget_get_next_sibling (child);

  g_assert_nonnull (child);
  return child;
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
good_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "good", name, NULL);

  return g_file_new_for_path (path);
}

static void
open_file (Fixture *f,
           GFile   *file)
{
  kz_window_open (f->window, file);
  kz_test_wait_until (kz_test_window_loaded, f->window);
  f->dataset = kz_window_get_dataset (f->window);
  g_assert_nonnull (f->dataset);
  kz_test_settle ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) bundled = g_file_new_for_uri (KZ_BUNDLED_DATASET_URI);

  f->settings = g_settings_new (APP_ID);
  f->window = kz_window_new (app);
  gtk_window_present (GTK_WINDOW (f->window));

  f->timeline = KZ_TIMELINE_VIEW (kz_test_template_child (f->window, KZ_TYPE_WINDOW, "timeline"));
  f->detail_pane = KZ_DETAIL_PANE (kz_test_template_child (f->window, KZ_TYPE_WINDOW, "detail_pane"));
  f->area_list = KZ_AREA_LIST (kz_test_template_child (f->window, KZ_TYPE_WINDOW, "area_list"));
  f->matrix_pane = KZ_MATRIX_PANE (kz_test_template_child (f->window, KZ_TYPE_WINDOW, "matrix_pane"));
  f->matrix = kz_matrix_pane_get_view (f->matrix_pane);

  open_file (f, bundled);
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

  if (f->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (f->dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (f->dir);
      g_clear_pointer (&f->dir, g_free);
    }

  g_settings_reset (f->settings, "hidden-areas");
  g_settings_reset (f->settings, "window-width");
  g_settings_reset (f->settings, "window-height");
  g_settings_reset (f->settings, "window-maximized");
  g_settings_reset (f->settings, "sidebar-width");
  g_settings_reset (f->settings, "detail-width");
  g_clear_object (&f->settings);
}

static KzDetailPaneMode
pane_mode (Fixture *f)
{
  return kz_detail_pane_get_mode (f->detail_pane);
}

static KzAreaStoryView *
story_view (Fixture *f)
{
  return KZ_AREA_STORY_VIEW (kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "area_story"));
}

static KzCompareView *
compare_view (Fixture *f)
{
  return KZ_COMPARE_VIEW (kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "compare_view"));
}

static void
assert_accessible_label (gpointer    widget,
                         const char *expected)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

/* Areas' stories */

static void
test_area_story_from_list (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) evolution = good_file ("evolution.json");
  GtkWidget *list_box = kz_test_template_child (f->area_list, KZ_TYPE_AREA_LIST, "areas_list_box");
  KzAreaStoryView *story = story_view (f);
  KzStageChart *chart;
  GtkWidget *changes_box, *first_box, *kinds_box, *latest_box;
  GtkListBoxRow *row;
  GtkWidget *check;

  open_file (f, evolution);
  kz_timeline_view_set_selected_event (f->timeline, kz_dataset_lookup_event (f->dataset, "e4"));
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_EVENT);

  /* A click on the row (not its check box), or Enter on it: the area's story */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0);
  check = g_object_get_data (G_OBJECT (row), "kz-check");
  g_signal_emit_by_name (list_box, "row-activated", row);
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_AREA);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "stack"))),
                   ==, "area");
  g_assert_true (kz_detail_pane_get_area (f->detail_pane) == kz_dataset_lookup_area (f->dataset, "a"));
  /* … which leaves the lane shown and the selection alone */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (kz_event_get_id (kz_timeline_view_get_selected_event (f->timeline)), ==, "e4");

  /* Colour and name, counts, the chart in words */
  g_assert_cmpstr (label_text (story, KZ_TYPE_AREA_STORY_VIEW, "name_label"), ==, "Alpha");
  g_assert_cmpstr (label_text (story, KZ_TYPE_AREA_STORY_VIEW, "summary_label"), ==,
                   "4 events, 2020–2022 · deepest: Agreed");
  chart = KZ_STAGE_CHART (kz_test_template_child (story, KZ_TYPE_AREA_STORY_VIEW, "chart"));
  g_assert_cmpuint (kz_stage_chart_get_n_points (chart), ==, 4);
  g_assert_cmpstr (kz_stage_chart_get_summary (chart), ==,
                   "Discussed from 2020, committed from 2020, agreed from 2020");
  g_assert_cmpstr (label_text (story, KZ_TYPE_AREA_STORY_VIEW, "chart_caption"), ==,
                   kz_stage_chart_get_summary (chart));
  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       kz_stage_chart_get_summary (chart));

  /* First appearance: the event and its stage */
  first_box = kz_test_template_child (story, KZ_TYPE_AREA_STORY_VIEW, "first_box");
  g_assert_cmpuint (count_children (first_box), ==, 1);
  assert_accessible_label (nth_child (first_box, 0), "One, 2020 · Discussed");

  /* Every change of stage after it, with the event that brought it */
  changes_box = kz_test_template_child (story, KZ_TYPE_AREA_STORY_VIEW, "changes_box");
  g_assert_cmpuint (count_children (changes_box), ==, 3);
  assert_accessible_label (nth_child (changes_box, 0),
                           "Discussed to Committed, the deepest so far, at Two, 1 January 2020");
  assert_accessible_label (nth_child (changes_box, 1),
                           "Committed to Agreed, the deepest so far, at Three, 1 January 2020");
  assert_accessible_label (nth_child (changes_box, 2), "Agreed to Committed at Five, 4 March 2022");

  /* Counts by kind, and the latest event */
  kinds_box = kz_test_template_child (story, KZ_TYPE_AREA_STORY_VIEW, "kinds_box");
  g_assert_cmpuint (count_children (kinds_box), ==, 2);
  assert_accessible_label (nth_child (kinds_box, 0), "Kind one: 3 events");
  assert_accessible_label (nth_child (kinds_box, 1), "Kind two: 1 event");
  latest_box = kz_test_template_child (story, KZ_TYPE_AREA_STORY_VIEW, "latest_box");
  assert_accessible_label (nth_child (latest_box, 0), "Five, 4 March 2022 · Committed");

  /* Another area: its own story */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 2);
  g_signal_emit_by_name (list_box, "row-activated", row);
  g_assert_cmpstr (label_text (story, KZ_TYPE_AREA_STORY_VIEW, "name_label"), ==, "Gamma | pipe");
  g_assert_cmpstr (label_text (story, KZ_TYPE_AREA_STORY_VIEW, "summary_label"), ==,
                   "1 event, in 2021 · deepest: Mechanism");

  /* Back: the event again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail_pane), "detail-pane.back", NULL));
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_EVENT);
  g_assert_null (kz_detail_pane_get_area (f->detail_pane));
}

static void
test_area_story_event_links (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GFile) evolution = good_file ("evolution.json");
  KzAreaStoryView *story = story_view (f);
  GtkWidget *latest_box;

  open_file (f, evolution);
  kz_detail_pane_show_area (f->detail_pane, kz_dataset_lookup_area (f->dataset, "a"));
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_AREA);

  /* An event named in the story is a button that selects it */
  latest_box = kz_test_template_child (story, KZ_TYPE_AREA_STORY_VIEW, "latest_box");
  g_assert_true (GTK_IS_BUTTON (nth_child (latest_box, 0)));
  g_signal_emit_by_name (nth_child (latest_box, 0), "clicked");
  g_assert_cmpstr (kz_event_get_id (kz_timeline_view_get_selected_event (f->timeline)), ==, "e5");
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_EVENT);
  g_assert_true (kz_detail_pane_get_event (f->detail_pane) == kz_dataset_lookup_event (f->dataset, "e5"));
}

static void
on_area_activated (GObject  *source,
                   KzArea   *area,
                   KzArea  **out_area)
{
  *out_area = area;
}

static void
test_area_story_from_lane_label (Fixture       *f,
                                 gconstpointer  data)
{
  KzArea *activated = NULL;
  gulong handler;
  int height = gtk_widget_get_height (GTK_WIDGET (f->timeline));

  handler = g_signal_connect (f->timeline, "area-activated", G_CALLBACK (on_area_activated), &activated);

  /* Down the lane labels' column until a click lands on one */
  for (int y = 0; y < height && activated == NULL; y += 4)
    kz_timeline_view_click_at (f->timeline, 1, 40, y, 0);

  g_assert_nonnull (activated);
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_AREA);
  g_assert_true (kz_detail_pane_get_area (f->detail_pane) == activated);
  /* The first lane is the first area */
  {
    g_autoptr(KzArea) first = g_list_model_get_item (kz_dataset_get_areas (f->dataset), 0);
    g_assert_true (activated == first);
  }
  g_assert_null (kz_timeline_view_get_selected_event (f->timeline));

  g_signal_handler_disconnect (f->timeline, handler);
}

/* Comparisons */

/* "added:1 dropped:1 unchanged:1", from the compare view's groups */
static char *
describe_groups (Fixture *f)
{
  GtkWidget *groups = kz_test_template_child (compare_view (f), KZ_TYPE_COMPARE_VIEW, "groups_box");
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *group = gtk_widget_get_first_child (groups);
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    /* A heading, then a row per area */
    g_string_append_printf (text, "%s%s:%u", text->len > 0 ? " " : "",
                            gtk_widget_get_name (group), count_children (group) - 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The same, from the model */
static char *
expected_groups (KzDataset  *dataset,
                 const char *from,
                 const char *to)
{
  g_autoptr(KzEventComparison) comparison =
    kz_event_comparison_new (dataset, kz_dataset_lookup_event (dataset, from),
                             kz_dataset_lookup_event (dataset, to));
  g_autoptr(GString) text = g_string_new (NULL);
  guint counts[KZ_N_AREA_CHANGES] = { 0 };

  for (guint i = 0; i < comparison->n_areas; i++)
    counts[comparison->areas[i].change]++;
  for (KzAreaChange change = 0; change < KZ_N_AREA_CHANGES; change++)
    if (counts[change] > 0)
      g_string_append_printf (text, "%s%s:%u", text->len > 0 ? " " : "",
                              kz_area_change_to_string (change), counts[change]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
find_group (Fixture    *f,
            const char *name)
{
  GtkWidget *groups = kz_test_template_child (compare_view (f), KZ_TYPE_COMPARE_VIEW, "groups_box");

  for (GtkWidget *group = gtk_widget_get_first_child (groups);
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    if (g_str_equal (gtk_widget_get_name (group), name))
      return group;

  g_assert_not_reached ();
  return NULL;
}

static void
test_compare_previous_action (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) evolution = good_file ("evolution.json");
  GAction *compare = g_action_map_lookup_action (G_ACTION_MAP (f->window), "compare-previous");
  KzEvent *from = NULL, *to = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *expected = NULL;

  /* Nothing selected, or the first of its kind: nothing to compare with */
  g_assert_false (g_action_get_enabled (compare));
  kz_timeline_view_set_selected_event (f->timeline, kz_dataset_lookup_event (f->dataset, "fmsd-1"));
  g_assert_false (g_action_get_enabled (compare));
  g_assert_false (gtk_widget_get_visible (kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "compare_button")));

  /* The 18th round with the 16th: there was no 17th in the data */
  kz_timeline_view_set_selected_event (f->timeline, kz_dataset_lookup_event (f->dataset, "fmsd-18"));
  g_assert_true (g_action_get_enabled (compare));
  g_assert_true (gtk_widget_get_visible (kz_test_template_child (f->detail_pane, KZ_TYPE_DETAIL_PANE, "compare_button")));
  g_action_activate (compare, NULL);
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_COMPARISON);
  g_assert_true (kz_detail_pane_get_comparison (f->detail_pane, &from, &to));
  g_assert_cmpstr (kz_event_get_id (from), ==, "fmsd-16");
  g_assert_cmpstr (kz_event_get_id (to), ==, "fmsd-18");
  /* The selection stays on the later event */
  g_assert_cmpstr (kz_event_get_id (kz_timeline_view_get_selected_event (f->timeline)), ==, "fmsd-18");

  groups = describe_groups (f);
  expected = expected_groups (f->dataset, "fmsd-16", "fmsd-18");
  g_assert_cmpstr (groups, ==, expected);
  /* Critical minerals came in at the 18th, straight to a mechanism */
  {
    GtkWidget *added = find_group (f, "added");
    gboolean found = FALSE;

    for (GtkWidget *row = gtk_widget_get_next_sibling (gtk_widget_get_first_child (added));
         row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        /* A row: the area's colour, then its name, stages and notes */
        GtkWidget *name = gtk_widget_get_first_child (nth_child (row, 1));

        if (g_str_equal (gtk_label_get_text (GTK_LABEL (name)), "Critical minerals"))
          {
            /* Labelled for screen readers: "Area: before, then after" */
            assert_accessible_label (row, "Critical minerals: Not raised, then Mechanism");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* The summits: 2025's previous is 2022's */
  kz_timeline_view_set_selected_event (f->timeline, kz_dataset_lookup_event (f->dataset, "summit-2025"));
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_EVENT);
  g_action_activate (compare, NULL);
  g_assert_true (kz_detail_pane_get_comparison (f->detail_pane, &from, &to));
  g_assert_true (from == kz_dataset_find_previous_of_kind (f->dataset, to));
  g_assert_cmpstr (kz_event_get_id (from), ==, "summit-2022");

  /* A dataset with known answers: e5 after e4, row by row */
  open_file (f, evolution);
  kz_timeline_view_set_selected_event (f->timeline, kz_dataset_lookup_event (f->dataset, "e5"));
  g_action_activate (compare, NULL);
  g_clear_pointer (&groups, g_free);
  groups = describe_groups (f);
  g_assert_cmpstr (groups, ==, "added:1 dropped:1 unchanged:1");
  assert_accessible_label (nth_child (find_group (f, "added"), 1), "Alpha: Not raised, then Committed");
  assert_accessible_label (nth_child (find_group (f, "dropped"), 1), "Gamma | pipe: Mechanism, then Not raised");
  assert_accessible_label (nth_child (find_group (f, "unchanged"), 1), "Beta, with comma: Discussed, then Discussed");
  assert_accessible_label (find_group (f, "added"), "Added: 1 area");
  g_assert_cmpstr (label_text (compare_view (f), KZ_TYPE_COMPARE_VIEW, "summary_label"), ==,
                   "1 added · 1 dropped · 1 unchanged");

  /* Both events' notes, side by side under each */
  {
    GtkWidget *row = nth_child (find_group (f, "unchanged"), 1);
    GtkWidget *content = nth_child (row, 1);
    GtkWidget *notes = nth_child (content, 2);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (nth_child (notes, 0))), ==, "B talked,\nover two lines");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (nth_child (notes, 1))), ==, "B again");
  }
}

static gboolean
activate_window_escape (KzWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "Escape"))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 GTK_WIDGET (window), NULL);
        }
    }

  g_assert_not_reached ();
  return FALSE;
}

static void
test_compare_ctrl_click (Fixture       *f,
                         gconstpointer  data)
{
  KzEvent *fmsd16 = kz_dataset_lookup_event (f->dataset, "fmsd-16");
  KzEvent *fmsd18 = kz_dataset_lookup_event (f->dataset, "fmsd-18");
  KzEvent *from = NULL, *to = NULL;
  double x = 0, y = 0;

  /* With the 16th selected, Ctrl+click the 18th */
  kz_timeline_view_set_selected_event (f->timeline, fmsd16);
  kz_timeline_view_set_visible_range (f->timeline, event_day (fmsd18) - 20, event_day (fmsd18) + 20);
  g_assert_true (kz_timeline_view_get_event_point (f->timeline, fmsd18, &x, &y));
  g_assert_true (kz_timeline_view_click_at (f->timeline, 1, x, y, GDK_CONTROL_MASK));
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_COMPARISON);
  g_assert_true (kz_detail_pane_get_comparison (f->detail_pane, &from, &to));
  g_assert_true (from == fmsd16);
  g_assert_true (to == fmsd18);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == fmsd16);

  /* Escape goes back to the event, not past it: the selection stays */
  g_assert_true (activate_window_escape (f->window));
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_EVENT);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == fmsd16);
  /* … and then it is the timeline's again */
  g_assert_false (activate_window_escape (f->window));

  /* The other way round: the earlier event is still on the left */
  kz_timeline_view_set_selected_event (f->timeline, fmsd18);
  kz_timeline_view_set_visible_range (f->timeline, event_day (fmsd16) - 20, event_day (fmsd16) + 20);
  g_assert_true (kz_timeline_view_get_event_point (f->timeline, fmsd16, &x, &y));
  kz_timeline_view_click_at (f->timeline, 1, x, y, GDK_CONTROL_MASK);
  g_assert_true (kz_detail_pane_get_comparison (f->detail_pane, &from, &to));
  g_assert_true (from == fmsd16);
  g_assert_true (to == fmsd18);

  /* A plain click selects, and shows the event */
  kz_timeline_view_click_at (f->timeline, 1, x, y, 0);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == fmsd16);
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_EVENT);

  /* The click gesture takes the same path: released without Control selects */
  kz_timeline_view_set_selected_event (f->timeline, NULL);
  {
    GtkEventController *click = find_controller (GTK_WIDGET (f->timeline), GTK_TYPE_GESTURE_CLICK);

    g_signal_emit_by_name (click, "pressed", 1, x, y);
    g_signal_emit_by_name (click, "released", 1, x, y);
  }
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == fmsd16);
}

static void
test_escape_in_search_entry (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *entry = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "search_entry");

  kz_timeline_view_set_selected_event (f->timeline, kz_dataset_lookup_event (f->dataset, "fmsd-18"));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "compare-previous", NULL);
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_COMPARISON);

  /* In the search entry, Escape ends the search, not the comparison */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "search", NULL);
  gtk_widget_grab_focus (entry);
  kz_test_settle ();
  g_assert_false (activate_window_escape (f->window));
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_COMPARISON);

  gtk_widget_grab_focus (GTK_WIDGET (f->timeline));
  g_assert_true (activate_window_escape (f->window));
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_EVENT);
}

/* The matrix */

static void
click_matrix (Fixture *f,
              double   x,
              double   y)
{
  GtkEventController *click = find_controller (GTK_WIDGET (f->matrix), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
}

static void
test_matrix_toggle_and_select (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *view_stack = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "view_stack");
  GtkWidget *dropdown = kz_test_template_child (f->matrix_pane, KZ_TYPE_MATRIX_PANE, "kind_dropdown");
  GAction *show_matrix = g_action_map_lookup_action (G_ACTION_MAP (f->window), "show-matrix");
  KzArea *minerals = kz_dataset_lookup_area (f->dataset, "critical-minerals");
  KzEvent *fmsd16 = kz_dataset_lookup_event (f->dataset, "fmsd-16");
  KzEvent *fmsd18 = kz_dataset_lookup_event (f->dataset, "fmsd-18");
  g_autoptr(GVariant) state = NULL;
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;
  guint row = 0, column = 0;
  double x = 0, y = 0;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_stack)), ==, "timeline");

  /* Ctrl+M: the matrix in the timeline's place, on the strategic dialogue */
  g_action_activate (show_matrix, NULL);
  state = g_action_get_state (show_matrix);
  g_assert_true (g_variant_get_boolean (state));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_stack)), ==, "matrix");
  kz_test_wait_until (kz_test_widget_allocated, f->matrix);
  kz_test_settle ();
  g_assert_cmpstr (kz_kind_get_id (kz_matrix_view_get_kind (f->matrix)), ==, "fm-strategic-dialogue");
  g_assert_true (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown)) == kz_matrix_view_get_kind (f->matrix));
  /* The window's focus widget: gtk_widget_has_focus() also needs the window to be active,
   * which under Xvfb is a matter of timing. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (f->matrix));
  gtk_test_accessible_assert_property (f->matrix, GTK_ACCESSIBLE_PROPERTY_LABEL, "Matrix of areas and events");

  /* Click the cell of critical minerals at the 18th round: the 18th is selected and shown */
  g_assert_true (kz_matrix_view_get_cell_point (f->matrix, minerals, fmsd18, &x, &y));
  click_matrix (f, x, y);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == fmsd18);
  g_assert_true (kz_detail_pane_get_event (f->detail_pane) == fmsd18);
  g_assert_true (kz_matrix_view_get_focus_cell (f->matrix, &row, &column));
  g_assert_cmpuint (column, ==, 13);
  when = kz_event_text_when (fmsd18);
  expected = g_strdup_printf ("Critical minerals at %s, %s: Mechanism. %s", kz_event_get_title (fmsd18),
                              when, kz_event_find_area (fmsd18, minerals)->note);
  gtk_test_accessible_assert_property (f->matrix, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  /* Left: the cell before, and its event selected (the 16th: there is no 17th) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.move", "(ii)", -1, 0));
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == fmsd16);
  g_clear_pointer (&when, g_free);
  g_clear_pointer (&expected, g_free);
  when = kz_event_text_when (fmsd16);
  expected = g_strdup_printf ("Critical minerals at %s, %s: not raised", kz_event_get_title (fmsd16), when);
  gtk_test_accessible_assert_property (f->matrix, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  /* Down: the next area, same event; End: the last column */
  gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.move", "(ii)", 0, 1);
  g_assert_true (kz_matrix_view_get_focus_cell (f->matrix, &row, &column));
  g_assert_cmpuint (column, ==, 12);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == fmsd16);
  gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.move", "(ii)", G_MAXINT16, 0);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == fmsd18);

  /* The timeline's selection is the matrix's too */
  kz_timeline_view_set_selected_event (f->timeline, fmsd16);
  g_assert_true (kz_matrix_view_get_selected_event (f->matrix) == fmsd16);
  g_assert_true (kz_matrix_view_get_focus_cell (f->matrix, NULL, &column));
  g_assert_cmpuint (column, ==, 12);

  /* A click on an area's name: its story */
  click_matrix (f, 30, y);
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_AREA);
  g_assert_true (kz_detail_pane_get_area (f->detail_pane) == minerals);

  /* Another kind from the chooser */
  {
    KzKind *summit = kz_dataset_lookup_kind (f->dataset, "annual-summit");
    GListModel *kinds = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

    for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
      {
        g_autoptr(KzKind) kind = g_list_model_get_item (kinds, i);

        if (kind == summit)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
      }
    g_assert_true (kz_matrix_view_get_kind (f->matrix) == summit);
  }

  /* Hidden lanes are hidden rows */
  kz_timeline_view_set_hidden_areas (f->timeline, (const char * const[]) { "critical-minerals", NULL });
  g_assert_cmpstrv (kz_matrix_view_get_hidden_areas (f->matrix), ((const char * const[]) { "critical-minerals", NULL }));
  g_assert_false (kz_matrix_view_get_cell_point (f->matrix, minerals, kz_dataset_lookup_event (f->dataset, "summit-2025"), NULL, NULL));
  kz_timeline_view_set_hidden_areas (f->timeline, NULL);

  /* Ctrl+M again: the timeline */
  g_action_activate (show_matrix, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_stack)), ==, "timeline");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (f->timeline));
}

/* Live reload */

static void
write_small (const char *path,
             const char *title,
             const char *stage)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text =
    g_strdup_printf ("{\n"
                     "  \"kizuna\": 1,\n"
                     "  \"title\": \"Small test dataset\",\n"
                     "  \"areas\": [\n"
                     "    { \"id\": \"trade\", \"name\": \"Trade\", \"color\": \"#1c71d8\" },\n"
                     "    { \"id\": \"space\", \"name\": \"Space\", \"color\": \"#813d9c\" }\n"
                     "  ],\n"
                     "  \"kinds\": [ { \"id\": \"summit\", \"name\": \"Summit\" } ],\n"
                     "  \"events\": [\n"
                     "    { \"id\": \"one\", \"date\": \"2010-05-01\", \"kind\": \"summit\", \"round\": 1,\n"
                     "      \"title\": \"%s\",\n"
                     "      \"areas\": [ { \"area\": \"trade\", \"stage\": \"discussed\", \"note\": \"Trade came up\" } ] },\n"
                     "    { \"id\": \"two\", \"date\": \"2012\", \"title\": \"Space agreement\",\n"
                     "      \"areas\": [ { \"area\": \"space\", \"stage\": \"agreed\" } ] },\n"
                     "    { \"id\": \"three\", \"date\": \"2016-03-04\", \"kind\": \"summit\", \"round\": 2,\n"
                     "      \"title\": \"Second summit\",\n"
                     "      \"areas\": [ { \"area\": \"trade\", \"stage\": \"%s\" } ] }\n"
                     "  ]\n"
                     "}\n",
                     title, stage);

  /* As editors that save by rename do: g_file_set_contents() writes a temporary file */
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

typedef struct {
  KzWindow  *window;
  KzDataset *old;
} DatasetChange;

static gboolean
dataset_changed (gpointer data)
{
  DatasetChange *change = data;

  return kz_window_get_dataset (change->window) != change->old;
}

static gboolean
banner_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_revealer_get_reveal_child (GTK_REVEALER (kz_test_template_child (f->window, KZ_TYPE_WINDOW, "reload_banner")));
}

static GFile *
copy_small (Fixture *f)
{
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kizuna-reload-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "small-copy.json", NULL);
  write_small (path, "First summit", "committed");

  return g_file_new_for_path (path);
}

static void
test_live_reload_valid (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = copy_small (f);
  GtkWidget *banner = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "reload_banner");
  DatasetChange change;
  KzEvent *one;
  double start, end;

  open_file (f, file);
  g_assert_cmpstr (kz_event_get_title (kz_dataset_lookup_event (f->dataset, "one")), ==, "First summit");

  /* What the user looks at: a zoomed range, an event, an area's story */
  one = kz_dataset_lookup_event (f->dataset, "one");
  kz_timeline_view_set_selected_event (f->timeline, one);
  kz_timeline_view_zoom (f->timeline, 2.0, event_day (one));
  start = kz_timeline_view_get_visible_start (f->timeline);
  end = kz_timeline_view_get_visible_end (f->timeline);
  kz_detail_pane_show_area (f->detail_pane, kz_dataset_lookup_area (f->dataset, "trade"));

  /* The file changes on disk: the window follows, keeping all of that */
  change = (DatasetChange) { f->window, f->dataset };
  write_small (g_file_peek_path (file), "First summit, revised", "agreed");
  kz_test_wait_until (dataset_changed, &change);
  f->dataset = kz_window_get_dataset (f->window);

  one = kz_dataset_lookup_event (f->dataset, "one");
  g_assert_cmpstr (kz_event_get_title (one), ==, "First summit, revised");
  g_assert_true (kz_timeline_view_get_dataset (f->timeline) == f->dataset);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == one);
  g_assert_true (kz_detail_pane_get_event (f->detail_pane) == one);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), start, 1e-6);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_end (f->timeline), end, 1e-6);
  g_assert_cmpint (pane_mode (f), ==, KZ_DETAIL_PANE_MODE_AREA);
  g_assert_true (kz_detail_pane_get_area (f->detail_pane) == kz_dataset_lookup_area (f->dataset, "trade"));
  /* The story is the new one's: the trade's second event is agreed now */
  g_assert_cmpstr (label_text (story_view (f), KZ_TYPE_AREA_STORY_VIEW, "summary_label"), ==,
                   "2 events, 2010–2016 · deepest: Agreed");
  g_assert_true (g_file_equal (kz_window_get_file (f->window), file));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
}

static void
test_live_reload_invalid (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = copy_small (f);
  g_autoptr(GFile) broken = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "broken.json", NULL));
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
  g_autoptr(KzDataset) not_loaded = NULL;
  g_autofree char *broken_text = NULL;
  g_autofree char *expected = NULL;
  GAction *show_problems = g_action_map_lookup_action (G_ACTION_MAP (f->window), "show-problems");
  GtkWidget *banner = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "reload_banner");
  KzDataset *good;
  KzEvent *one;
  KzProblemsDialog *dialog;
  DatasetChange change;
  double start, end;
  guint n_errors = 0;

  open_file (f, file);
  good = f->dataset;
  one = kz_dataset_lookup_event (good, "one");
  kz_timeline_view_set_selected_event (f->timeline, one);
  start = kz_timeline_view_get_visible_start (f->timeline);
  end = kz_timeline_view_get_visible_end (f->timeline);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_false (g_action_get_enabled (show_problems));

  /* The file turns into one with errors: the banner says so, nothing else changes */
  not_loaded = kz_dataset_load_from_file (broken, problems, NULL, NULL);
  g_assert_null (not_loaded);
  for (guint i = 0; i < problems->len; i++)
    if (((KzProblem *) g_ptr_array_index (problems, i))->severity == KZ_PROBLEM_ERROR)
      n_errors++;
  g_assert_cmpuint (n_errors, >, 1);

  g_assert_true (g_file_get_contents (g_file_peek_path (broken), &broken_text, NULL, NULL));
  g_assert_true (g_file_set_contents (g_file_peek_path (file), broken_text, -1, NULL));
  kz_test_wait_until (banner_shown, f);

  expected = g_strdup_printf ("“small-copy.json” has %u problems; showing the last good version", n_errors);
  g_assert_cmpstr (label_text (f->window, KZ_TYPE_WINDOW, "reload_banner_label"), ==, expected);
  g_assert_true (kz_window_get_dataset (f->window) == good);
  g_assert_true (kz_timeline_view_get_dataset (f->timeline) == good);
  g_assert_true (kz_timeline_view_get_selected_event (f->timeline) == one);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_start (f->timeline), start, 1e-6);
  g_assert_cmpfloat_with_epsilon (kz_timeline_view_get_visible_end (f->timeline), end, 1e-6);
  g_assert_null (find_problems_dialog (f->window));

  /* Show Problems: the problems dialog, as for a file that does not open */
  g_assert_true (g_action_get_enabled (show_problems));
  g_action_activate (show_problems, NULL);
  dialog = find_problems_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (kz_problems_dialog_get_heading (dialog), "small-copy.json"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  kz_test_settle ();

  /* Fixed again: the banner goes, the new version shows */
  change = (DatasetChange) { f->window, good };
  write_small (g_file_peek_path (file), "First summit, fixed", "committed");
  kz_test_wait_until (dataset_changed, &change);
  f->dataset = kz_window_get_dataset (f->window);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_false (g_action_get_enabled (show_problems));
  g_assert_cmpstr (kz_event_get_title (kz_timeline_view_get_selected_event (f->timeline)), ==,
                   "First summit, fixed");
}

/* Keys, accelerators and accessibility */

static GHashTable *
collect_bindings (GtkWidget *widget)
{
  GHashTable *bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

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

  return bindings;
}

static void
test_key_bindings (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *trigger; const char *action; } matrix_keys[] = {
    { "Left", "matrix.move" },
    { "Right", "matrix.move" },
    { "Up", "matrix.move" },
    { "Down", "matrix.move" },
    { "Home", "matrix.move" },
    { "End", "matrix.move" },
    { "Return", "matrix.activate" },
    { "Escape", "matrix.clear-selection" },
  };
  static const struct { const char *accel; const char *action; } accels[] = {
    { "<Control>m", "win.show-matrix" },
    { "<Shift><Control>c", "win.compare-previous" },
  };
  g_autoptr(GHashTable) matrix = collect_bindings (GTK_WIDGET (f->matrix));
  g_autoptr(GHashTable) pane = collect_bindings (GTK_WIDGET (f->detail_pane));
  g_autoptr(GHashTable) list = collect_bindings (kz_test_template_child (f->area_list, KZ_TYPE_AREA_LIST, "areas_list_box"));

  for (guint i = 0; i < G_N_ELEMENTS (matrix_keys); i++)
    g_assert_cmpstr (g_hash_table_lookup (matrix, matrix_keys[i].trigger), ==, matrix_keys[i].action);
  g_assert_cmpstr (g_hash_table_lookup (pane, "Escape"), ==, "detail-pane.back");
  g_assert_cmpstr (g_hash_table_lookup (list, "space"), ==, "area-list.toggle-lane");

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app), accels[i].action);
      gboolean found = FALSE;

      /* However GTK spells the modifiers */
      for (guint j = 0; set[j] != NULL; j++)
        {
          guint key_a, key_b;
          GdkModifierType mods_a, mods_b;

          gtk_accelerator_parse (set[j], &key_a, &mods_a);
          gtk_accelerator_parse (accels[i].accel, &key_b, &mods_b);
          found |= key_a == key_b && mods_a == mods_b;
        }
      g_assert_true (found);
    }
}

static void
test_accessibility (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *matrix_button = find_actionable (gtk_window_get_titlebar (GTK_WINDOW (f->window)),
                                              "win.show-matrix");
  GtkWidget *story_back = kz_test_template_child (story_view (f), KZ_TYPE_AREA_STORY_VIEW, "back_button");
  GtkWidget *compare_back = kz_test_template_child (compare_view (f), KZ_TYPE_COMPARE_VIEW, "back_button");
  GtkWidget *icon_buttons[] = { matrix_button, story_back, compare_back };

  g_assert_true (GTK_IS_TOGGLE_BUTTON (matrix_button));

  /* Icon-only buttons carry a name for screen readers and a tooltip */
  for (guint i = 0; i < G_N_ELEMENTS (icon_buttons); i++)
    {
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (icon_buttons[i]),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_nonnull (gtk_widget_get_tooltip_text (icon_buttons[i]));
    }

  /* The toggle shows the action's state */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (matrix_button)));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-matrix", NULL);
  kz_test_settle ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (matrix_button)));

  gtk_test_accessible_assert_role (f->matrix, GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->matrix)));
  gtk_test_accessible_assert_role (story_view (f), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_role (compare_view (f), GTK_ACCESSIBLE_ROLE_GROUP);
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

  /* A private, empty session bus, as in test-window; the display is Xvfb's */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = kz_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/evolution-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("area-story-from-list", test_area_story_from_list);
  ADD ("area-story-event-links", test_area_story_event_links);
  ADD ("area-story-from-lane-label", test_area_story_from_lane_label);
  ADD ("compare-previous-action", test_compare_previous_action);
  ADD ("compare-ctrl-click", test_compare_ctrl_click);
  ADD ("escape-in-search-entry", test_escape_in_search_entry);
  ADD ("matrix-toggle-and-select", test_matrix_toggle_and_select);
  ADD ("live-reload-valid", test_live_reload_valid);
  ADD ("live-reload-invalid", test_live_reload_invalid);
  ADD ("key-bindings", test_key_bindings);
  ADD ("accessibility", test_accessibility);

#undef ADD

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_test_dbus_stop (bus);

  return status;
}
