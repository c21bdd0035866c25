/* test-export-dialog.c — the Export dialog, opened from the real window and driven by its
 * widgets
 *
 * Runs under Xvfb with the real GTK: no mocks. The dialog opens through win.export, its
 * options are set through its own widgets (toggle buttons, drop-downs, entries, spin
 * buttons, check buttons), and kz_export_dialog_export_to_file() stands in only for the
 * file chooser's answer: from there on, the export runs as Export… runs it, in its worker
 * thread, with its progress, its cancellation and the window's notification. Files are
 * checked as written: PNG through cairo, SVG through GMarkup, PDF through pdfinfo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "kz-application.h"
#include "kz-export-dialog.h"
#include "kz-timeline-view.h"
#include "kz-toast.h"
#include "kz-window.h"
#include "kz-test-widgets.h"

static KzApplication *app;

typedef struct {
  KzWindow       *window;
  KzTimelineView *timeline;
  KzDataset      *dataset;
  GSettings      *settings;
  char           *dir;
  guint           n_exported;
  GFile          *exported;
} Fixture;

/* Helpers */

static gboolean
not_exporting (gpointer data)
{
  return !kz_export_dialog_get_exporting (KZ_EXPORT_DIALOG (data));
}

#define DIALOG_CHILD(dialog, name) kz_test_template_child ((dialog), KZ_TYPE_EXPORT_DIALOG, (name))

static KzExportDialog *
find_export_dialog (KzWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (KZ_IS_EXPORT_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return KZ_EXPORT_DIALOG (toplevel);
    }

  return NULL;
}

static void
on_exported (KzExportDialog *dialog,
             GFile          *file,
             Fixture        *f)
{
  f->n_exported++;
  g_set_object (&f->exported, file);
}

/* Opens the dialog as Ctrl+E does, through win.export. (transfer full): the test's ref
 * keeps it inspectable after an export closes it. */
static KzExportDialog *
open_dialog (Fixture *f)
{
  KzExportDialog *dialog;

  g_assert_null (find_export_dialog (f->window));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "export", NULL);

  dialog = find_export_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), f);
  kz_test_wait_until (kz_test_widget_allocated, DIALOG_CHILD (dialog, "preview"));

  return g_object_ref (dialog);
}

static void
set_format (KzExportDialog *dialog,
            const char     *name)   /* "png", "svg", "pdf" */
{
  g_autofree char *button = g_strconcat (name, "_button", NULL);

  gtk_toggle_button_set_active (DIALOG_CHILD (dialog, button), TRUE);
}

static void
set_custom_size (KzExportDialog *dialog,
                 int             width,
                 int             height)
{
  gtk_spin_button_set_value (DIALOG_CHILD (dialog, "width_spin"), width);
  gtk_spin_button_set_value (DIALOG_CHILD (dialog, "height_spin"), height);
}

static gboolean
export_enabled (KzExportDialog *dialog)
{
  return gtk_widget_get_sensitive (DIALOG_CHILD (dialog, "export_button"));
}

/* Exports to name in the fixture's folder and waits for the worker thread to finish. */
static char *
export_and_wait (Fixture        *f,
                 KzExportDialog *dialog,
                 const char     *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  kz_export_dialog_export_to_file (dialog, file);
  kz_test_wait_until (not_exporting, dialog);
  kz_test_settle ();

  return path;
}

/* A button in widget's tree, by its action or its label */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action_name,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) &&
      ((action_name != NULL &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0) ||
       (label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action_name, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
only_our_ref (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) bundled = g_file_new_for_uri (KZ_BUNDLED_DATASET_URI);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kizuna-export-dialog-XXXXXX", &error);
  g_assert_no_error (error);

  f->settings = g_settings_new (APP_ID);
  f->window = kz_window_new (app);
  gtk_window_present (GTK_WINDOW (f->window));
  kz_window_open (f->window, bundled);
  kz_test_wait_until (kz_test_window_loaded, f->window);

  f->dataset = kz_window_get_dataset (f->window);
  g_assert_nonnull (f->dataset);
  f->timeline = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "timeline");
  kz_test_wait_until (kz_test_widget_allocated, f->timeline);
  kz_test_settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  KzExportDialog *dialog;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  while ((dialog = find_export_dialog (f->window)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  kz_test_settle ();

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->exported);

  /* The memory backend lives as long as the process: each test starts from the defaults */
  g_settings_reset (f->settings, "export-format");
  g_settings_reset (f->settings, "export-theme");
  g_settings_reset (f->settings, "hidden-areas");
  g_clear_object (&f->settings);
}

/* Tests */

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.export");
  g_autoptr(KzExportDialog) dialog = NULL;
  g_autoptr(GListModel) controllers = NULL;
  gboolean escape_cancels = FALSE;

  /* Ctrl+E opens the dialog */
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>e"));
  dialog = open_dialog (f);

  /* Escape runs export.cancel: it stops an export, or closes the dialog */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));
  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (GTK_IS_NAMED_ACTION (action) && g_str_equal (trigger, "Escape") &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "export.cancel"))
            escape_cancels = TRUE;
        }
    }
  g_assert_true (escape_cancels);
  g_clear_object (&controllers);

  /* Enter exports: the Export button is the default widget and has the focus; Enter in a
   * date or a size activates it too */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) ==
                 DIALOG_CHILD (dialog, "export_button"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                 DIALOG_CHILD (dialog, "export_button"));
  g_assert_true (gtk_entry_get_activates_default (DIALOG_CHILD (dialog, "from_entry")));
  g_assert_true (gtk_entry_get_activates_default (DIALOG_CHILD (dialog, "to_entry")));
  g_assert_true (gtk_text_get_activates_default (
    GTK_TEXT (gtk_editable_get_delegate (DIALOG_CHILD (dialog, "width_spin")))));

  /* Every option can be reached with Tab from the Export button. The window's focus widget
   * is compared, not gtk_widget_has_focus(), which also needs the X server to have made the
   * window active: a matter of timing under Xvfb. */
  for (guint i = 0; i < 40 && gtk_window_get_focus (GTK_WINDOW (dialog)) != DIALOG_CHILD (dialog, "footer_check"); i++)
    gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == DIALOG_CHILD (dialog, "footer_check"));

  /* Escape with nothing running: the dialog closes */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
  kz_test_settle ();
  g_assert_null (find_export_dialog (f->window));
}

static void
test_defaults_follow_window (Fixture       *f,
                             gconstpointer  data)
{
  const char *hidden[] = { "space", "health", NULL };
  g_autoptr(KzExportDialog) dialog = NULL;
  g_auto(KzExportOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *name = NULL;
  GListModel *areas = kz_dataset_get_areas (f->dataset);
  GtkWidget *export_button = find_button (gtk_window_get_titlebar (GTK_WINDOW (f->window)),
                                          "win.export", NULL);
  double start, end;

  /* The header bar button: icon only, so it says what it does */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (export_button)), ==, "win.export");
  g_assert_nonnull (gtk_widget_get_tooltip_text (export_button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (export_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Export…");

  /* What the window shows: two lanes hidden, zoomed in */
  kz_timeline_view_set_hidden_areas (f->timeline, hidden);
  kz_timeline_view_set_visible_range (f->timeline,
                                      kz_timeline_view_get_visible_start (f->timeline) + 2000.25,
                                      kz_timeline_view_get_visible_end (f->timeline) - 1000.5);
  start = kz_timeline_view_get_visible_start (f->timeline);
  end = kz_timeline_view_get_visible_end (f->timeline);
  shown = kz_timeline_view_get_visible_areas (f->timeline);
  g_assert_cmpuint (shown->len, ==, g_list_model_get_n_items (areas) - 2);

  dialog = open_dialog (f);
  g_assert_true (kz_export_dialog_get_options (dialog, &options, &error));
  g_assert_no_error (error);

  /* The visible range, in whole days that cover it */
  g_assert_true (options.has_range);
  g_assert_cmpint (options.first_day, ==, (gint64) floor (start));
  g_assert_cmpint (options.last_day, ==, (gint64) ceil (end) - 1);

  /* The shown lanes, in their order */
  g_assert_cmpuint (options.areas->len, ==, shown->len);
  for (guint i = 0; i < shown->len; i++)
    g_assert_true (g_ptr_array_index (options.areas, i) == g_ptr_array_index (shown, i));
  g_assert_cmpstr (gtk_menu_button_get_label (DIALOG_CHILD (dialog, "areas_button")), ==,
                   "14 of 16 areas");

  /* The defaults: PNG, light, a slide at 1×, with title, legend and footer */
  g_assert_cmpint (options.format, ==, KZ_EXPORT_FORMAT_PNG);
  g_assert_false (options.dark);
  g_assert_cmpint (options.width, ==, 1920);
  g_assert_cmpint (options.height, ==, 1080);
  g_assert_cmpint (options.scale, ==, 1);
  g_assert_true (options.show_title && options.show_legend && options.show_footer);
  g_assert_true (export_enabled (dialog));

  name = kz_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "india-japan-cooperation-across-dialogues.png");
  set_format (dialog, "pdf");
  g_clear_pointer (&name, g_free);
  name = kz_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "india-japan-cooperation-across-dialogues.pdf");

  /* Scale is for PNG only */
  g_assert_false (gtk_widget_get_sensitive (DIALOG_CHILD (dialog, "scale_box")));
  set_format (dialog, "png");
  g_assert_true (gtk_widget_get_sensitive (DIALOG_CHILD (dialog, "scale_box")));

  /* Whole dataset: no range of its own */
  kz_export_options_clear (&options);
  gtk_drop_down_set_selected (DIALOG_CHILD (dialog, "range_dropdown"), 1);
  g_assert_true (kz_export_dialog_get_options (dialog, &options, NULL));
  g_assert_false (options.has_range);

  /* Cancel, when nothing is being written, closes the dialog */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
  kz_test_settle ();
  g_assert_null (find_export_dialog (f->window));
}

static void
test_areas_and_sizes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KzExportDialog) dialog = open_dialog (f);
  GtkBox *areas_box = DIALOG_CHILD (dialog, "areas_box");
  GtkDropDown *sizes = DIALOG_CHILD (dialog, "size_dropdown");
  GtkSpinButton *width = DIALOG_CHILD (dialog, "width_spin");
  GtkSpinButton *height = DIALOG_CHILD (dialog, "height_spin");
  guint n_areas = g_list_model_get_n_items (kz_dataset_get_areas (f->dataset));
  g_auto(KzExportOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *check;

  /* One check button an area, all on: the window shows every lane */
  g_assert_cmpstr (gtk_menu_button_get_label (DIALOG_CHILD (dialog, "areas_button")), ==,
                   "All 16 areas");
  check = gtk_widget_get_first_child (GTK_WIDGET (areas_box));
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_true (kz_export_dialog_get_options (dialog, &options, NULL));
  g_assert_cmpuint (options.areas->len, ==, n_areas - 1);
  kz_export_options_clear (&options);

  /* None: nothing to export */
  for (check = gtk_widget_get_first_child (GTK_WIDGET (areas_box)); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_false (kz_export_dialog_get_options (dialog, &options, &error));
  g_assert_error (error, KZ_EXPORT_DIALOG_ERROR, KZ_EXPORT_DIALOG_ERROR_INVALID);
  g_assert_false (export_enabled (dialog));
  g_clear_error (&error);
  kz_export_options_clear (&options);

  /* Select All, and back to the lanes the window shows (all of them here) */
  g_signal_emit_by_name (DIALOG_CHILD (dialog, "select_all_button"), "clicked");
  g_assert_true (kz_export_dialog_get_options (dialog, &options, NULL));
  g_assert_cmpuint (options.areas->len, ==, n_areas);
  g_assert_true (export_enabled (dialog));
  kz_export_options_clear (&options);
  for (check = gtk_widget_get_first_child (GTK_WIDGET (areas_box)); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_signal_emit_by_name (DIALOG_CHILD (dialog, "shown_areas_button"), "clicked");
  g_assert_true (kz_export_dialog_get_options (dialog, &options, NULL));
  g_assert_cmpuint (options.areas->len, ==, n_areas);
  kz_export_options_clear (&options);

  /* Presets fill in the size; the current view is the timeline's */
  gtk_drop_down_set_selected (sizes, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (width), ==, 842);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (height), ==, 595);
  gtk_drop_down_set_selected (sizes, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (width), ==, 1191);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (height), ==, 842);
  gtk_drop_down_set_selected (sizes, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (width), ==,
                   gtk_widget_get_width (GTK_WIDGET (f->timeline)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (height), ==,
                   gtk_widget_get_height (GTK_WIDGET (f->timeline)));
  gtk_drop_down_set_selected (sizes, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (width), ==, 1920);

  /* A size typed in is a custom one, within 1…16384 */
  gtk_spin_button_set_value (width, 1000);
  g_assert_cmpuint (gtk_drop_down_get_selected (sizes), ==, 4);
  gtk_spin_button_set_value (width, 100000);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (width), ==, KZ_EXPORT_MAX_SIDE);
  gtk_spin_button_set_value (height, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (height), ==, 1);

  /* Too many pixels for a PNG at 2×: refused before it starts */
  gtk_spin_button_set_value (height, KZ_EXPORT_MAX_SIDE);
  gtk_toggle_button_set_active (DIALOG_CHILD (dialog, "scale2_button"), TRUE);
  g_assert_false (kz_export_dialog_get_options (dialog, &options, NULL));
  g_assert_false (export_enabled (dialog));
  kz_export_options_clear (&options);
  gtk_toggle_button_set_active (DIALOG_CHILD (dialog, "scale1_button"), TRUE);
  g_assert_true (export_enabled (dialog));
}

static void
test_invalid_dates (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KzExportDialog) dialog = open_dialog (f);
  GtkEditable *from = DIALOG_CHILD (dialog, "from_entry");
  GtkEditable *to = DIALOG_CHILD (dialog, "to_entry");
  GtkWidget *error_label = DIALOG_CHILD (dialog, "date_error_label");
  g_auto(KzExportOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  KzDate date;

  gtk_drop_down_set_selected (DIALOG_CHILD (dialog, "range_dropdown"), 2);
  g_assert_true (gtk_revealer_get_reveal_child (DIALOG_CHILD (dialog, "custom_range_revealer")));

  /* Prefilled with the visible range: valid */
  g_assert_cmpstr (gtk_editable_get_text (from), !=, "");
  g_assert_true (export_enabled (dialog));

  /* Not a real date */
  gtk_editable_set_text (from, "2020-02-30");
  g_assert_false (export_enabled (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "2020-02-30"));
  g_assert_false (kz_export_dialog_get_options (dialog, &options, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  kz_export_options_clear (&options);

  /* Not a date at all, and empty */
  gtk_editable_set_text (from, "soon");
  g_assert_false (export_enabled (dialog));
  gtk_editable_set_text (from, "");
  g_assert_false (export_enabled (dialog));

  /* Backwards */
  gtk_editable_set_text (from, "2020");
  gtk_editable_set_text (to, "2019-12");
  g_assert_false (export_enabled (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));

  /* YYYY to YYYY-MM: the first day of one to the last of the other */
  gtk_editable_set_text (from, "2014");
  gtk_editable_set_text (to, "2016-02");
  g_assert_true (export_enabled (dialog));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (kz_export_dialog_get_options (dialog, &options, &error));
  g_assert_no_error (error);
  g_assert_true (options.has_range);
  g_assert_true (kz_date_parse ("2014-01-01", &date, NULL));
  g_assert_cmpint (options.first_day, ==, kz_date_get_first_day (&date));
  g_assert_true (kz_date_parse ("2016-02-29", &date, NULL));
  g_assert_cmpint (options.last_day, ==, kz_date_get_first_day (&date));
  kz_export_options_clear (&options);

  /* Bad dates matter only for custom dates */
  gtk_editable_set_text (to, "2016-13");
  g_assert_false (export_enabled (dialog));
  gtk_drop_down_set_selected (DIALOG_CHILD (dialog, "range_dropdown"), 1);
  g_assert_true (export_enabled (dialog));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
}

/* PNG, SVG and PDF, each checked in the file; the window says so afterwards. */
static void
test_export_formats (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KzExportDialog) dialog = NULL;
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *format = NULL;
  g_autofree char *theme = NULL;
  cairo_surface_t *surface;
  KzToast *toast = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "toast");

  /* PNG, 640 × 360 at 2× */
  dialog = open_dialog (f);
  set_format (dialog, "png");
  set_custom_size (dialog, 640, 360);
  gtk_toggle_button_set_active (DIALOG_CHILD (dialog, "scale2_button"), TRUE);
  png = export_and_wait (f, dialog, "slides.png");
  g_assert_null (kz_export_dialog_get_error (dialog));
  g_assert_cmpuint (f->n_exported, ==, 1);
  g_assert_null (find_export_dialog (f->window));

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 720);
  cairo_surface_destroy (surface);

  /* The window's notification names the file, and can open it */
  g_assert_true (kz_toast_get_revealed (toast));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (toast)));
  g_assert_cmpstr (kz_toast_get_title (toast), ==, "Exported “slides.png”");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "open-export"));
  g_clear_object (&dialog);

  /* SVG: its size in pixels */
  dialog = open_dialog (f);
  set_format (dialog, "svg");
  set_custom_size (dialog, 800, 450);
  svg = export_and_wait (f, dialog, "figure.svg");
  g_assert_null (kz_export_dialog_get_error (dialog));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "width=\"800px\""));
  g_assert_nonnull (strstr (contents, "height=\"450px\""));
  g_assert_cmpstr (kz_toast_get_title (toast), ==, "Exported “figure.svg”");
  g_clear_object (&dialog);

  /* PDF: an A4 landscape page */
  dialog = open_dialog (f);
  set_format (dialog, "pdf");
  gtk_drop_down_set_selected (DIALOG_CHILD (dialog, "size_dropdown"), 1);
  pdf = export_and_wait (f, dialog, "report.pdf");
  g_assert_null (kz_export_dialog_get_error (dialog));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (f->n_exported, ==, 3);

  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, pdf, NULL };
      g_autofree char *out = NULL;
      int status = 0;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "Page size:       842 x 595 pts"));
      g_assert_nonnull (strstr (out, "Title:           India–Japan cooperation across dialogues\n"));
    }
  else
    g_test_message ("No pdfinfo: the PDF's page size is not checked");

  /* Only what was exported is there: no temporary files */
  g_assert_cmpuint (count_files (f->dir), ==, 3);

  /* The last format and colours are remembered for next time */
  g_clear_object (&dialog);
  format = g_settings_get_string (f->settings, "export-format");
  g_assert_cmpstr (format, ==, "pdf");
  dialog = open_dialog (f);
  g_assert_true (gtk_toggle_button_get_active (DIALOG_CHILD (dialog, "pdf_button")));
  gtk_toggle_button_set_active (DIALOG_CHILD (dialog, "dark_button"), TRUE);
  set_format (dialog, "svg");
  g_free (export_and_wait (f, dialog, "dark.svg"));
  g_clear_object (&dialog);
  g_clear_pointer (&format, g_free);
  format = g_settings_get_string (f->settings, "export-format");
  theme = g_settings_get_string (f->settings, "export-theme");
  g_assert_cmpstr (format, ==, "svg");
  g_assert_cmpstr (theme, ==, "dark");
  dialog = open_dialog (f);
  g_assert_true (gtk_toggle_button_get_active (DIALOG_CHILD (dialog, "svg_button")));
  g_assert_true (gtk_toggle_button_get_active (DIALOG_CHILD (dialog, "dark_button")));
}

/* The preview is the file: its node, drawn at the export's size, is the PNG pixel for pixel. */
static void
test_preview_matches_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KzExportDialog) dialog = open_dialog (f);
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *drawn;
  cairo_surface_t *file;
  cairo_t *cr;
  guint n_different = 0;
  int width = 900, height = 500;

  set_format (dialog, "png");
  gtk_toggle_button_set_active (DIALOG_CHILD (dialog, "dark_button"), TRUE);
  gtk_check_button_set_active (DIALOG_CHILD (dialog, "legend_check"), FALSE);
  set_custom_size (dialog, width, height);

  /* The preview widget shows the node for the current options once the delay has passed */
  node = kz_export_dialog_get_preview_node (dialog);
  g_assert_nonnull (node);
  gsk_render_node_ref (node);
  g_assert_true (node == kz_export_dialog_get_preview_node (dialog));

  path = export_and_wait (f, dialog, "preview.png");
  g_assert_null (kz_export_dialog_get_error (dialog));

  drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (drawn);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (drawn);

  file = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (file), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (file), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (file), ==, height);
  /* An opaque picture: cairo writes it as RGB, and reads it back as RGB24 */
  g_assert_cmpint (cairo_image_surface_get_format (file), ==, CAIRO_FORMAT_RGB24);

  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (drawn) +
                                            y * cairo_image_surface_get_stride (drawn));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (file) +
                                            y * cairo_image_surface_get_stride (file));

      for (int x = 0; x < width; x++)
        {
          g_assert_cmphex (a[x] >> 24, ==, 0xff);
          for (int shift = 0; shift < 24; shift += 8)
            if (ABS ((int) ((a[x] >> shift) & 0xff) - (int) ((b[x] >> shift) & 0xff)) > 1)
              n_different++;
        }
    }
  g_assert_cmpuint (n_different, ==, 0);

  /* And the picture is the dark one: its corner is the dark palette's background */
  g_assert_cmphex (*(const guint32 *) cairo_image_surface_get_data (file) & 0xff, <, 0x50);

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (file);
}


/* With the matrix on in the window, the dialog exports the matrix of the window's kind. */
static void
test_exports_matrix (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KzExportDialog) dialog = NULL;
  g_auto(KzExportOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *file;

  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "show-matrix",
                                      g_variant_new_boolean (TRUE));
  dialog = open_dialog (f);

  g_assert_true (gtk_toggle_button_get_active (DIALOG_CHILD (dialog, "matrix_button")));
  g_assert_true (kz_export_dialog_get_options (dialog, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpint (options.view, ==, KZ_EXPORT_VIEW_MATRIX);
  g_assert_nonnull (options.matrix_kind);
  g_assert_cmpstr (kz_kind_get_id (options.matrix_kind), ==, "fm-strategic-dialogue");

  set_format (dialog, "png");
  set_custom_size (dialog, 1000, 600);
  path = export_and_wait (f, dialog, "matrix.png");
  g_assert_null (kz_export_dialog_get_error (dialog));
  file = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (file), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (file), ==, 1000);
  cairo_surface_destroy (file);

  /* Back to the timeline: a new dialog starts on the timeline */
  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "show-matrix",
                                      g_variant_new_boolean (FALSE));
  g_clear_object (&dialog);
  kz_test_settle ();
  if (find_export_dialog (f->window) != NULL)
    gtk_window_destroy (GTK_WINDOW (find_export_dialog (f->window)));
  dialog = open_dialog (f);
  g_assert_true (gtk_toggle_button_get_active (DIALOG_CHILD (dialog, "timeline_button")));
}

/* The format follows a typed extension; a name without one gets the format's. */
static void
test_format_follows_name (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KzExportDialog) dialog = open_dialog (f);
  g_autofree char *svg = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *with_extension = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *format = NULL;
  g_autoptr(GFile) expected = NULL;
  cairo_surface_t *surface;

  set_format (dialog, "png");
  svg = export_and_wait (f, dialog, "chosen.SVG");
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  format = g_settings_get_string (f->settings, "export-format");
  g_assert_cmpstr (format, ==, "svg");
  g_clear_object (&dialog);

  dialog = open_dialog (f);
  set_format (dialog, "png");
  plain = export_and_wait (f, dialog, "no-extension");
  g_assert_false (g_file_test (plain, G_FILE_TEST_EXISTS));
  with_extension = g_strconcat (plain, ".png", NULL);
  surface = cairo_image_surface_create_from_png (with_extension);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  expected = g_file_new_for_path (with_extension);
  g_assert_true (g_file_equal (f->exported, expected));
  g_clear_object (&dialog);

  /* That name again: the file chooser asked about “no-extension”, not about the file with
   * the extension, so nothing is replaced without asking */
  dialog = open_dialog (f);
  set_format (dialog, "png");
  g_free (export_and_wait (f, dialog, "no-extension"));
  g_assert_nonnull (kz_export_dialog_get_error (dialog));
  g_assert_nonnull (strstr (kz_export_dialog_get_error (dialog), "no-extension.png"));
  g_assert_nonnull (find_export_dialog (f->window));
}

/* The open dataset is never written over. */
static void
test_refuses_dataset_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "dataset.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KzExportDialog) dialog = NULL;
  g_autofree char *name = NULL;
  KzToast *toast = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "toast");

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "small.json", NULL),
                                      &before, NULL, NULL));
  g_assert_true (g_file_set_contents (path, before, -1, NULL));
  kz_window_open (f->window, file);
  kz_test_wait_until (kz_test_window_loaded, f->window);
  g_assert_cmpstr (kz_dataset_get_title (kz_window_get_dataset (f->window)), ==, "Small test dataset");

  dialog = open_dialog (f);
  kz_export_dialog_export_to_file (dialog, file);
  g_assert_false (kz_export_dialog_get_exporting (dialog));
  g_assert_nonnull (kz_export_dialog_get_error (dialog));
  g_assert_nonnull (strstr (kz_export_dialog_get_error (dialog), "dataset.json"));
  g_assert_true (gtk_revealer_get_reveal_child (DIALOG_CHILD (dialog, "status_revealer")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (DIALOG_CHILD (dialog, "status_stack")), ==, "error");
  g_assert_nonnull (find_export_dialog (f->window));
  g_assert_cmpuint (f->n_exported, ==, 0);
  g_assert_false (kz_toast_get_revealed (toast));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_files (f->dir), ==, 1);

  /* A change of option clears the message */
  set_format (dialog, "svg");
  g_assert_null (kz_export_dialog_get_error (dialog));

  /* Suggested name: from the title */
  name = kz_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "small-test-dataset.svg");
}

/* A write that fails says which file and why, and the dialog stays for another try. */
static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KzExportDialog) dialog = open_dialog (f);
  g_autofree char *path = NULL;

  path = export_and_wait (f, dialog, "no-such-folder/out.png");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (kz_export_dialog_get_error (dialog));
  g_assert_nonnull (strstr (kz_export_dialog_get_error (dialog), "out.png"));
  g_assert_nonnull (strstr (kz_export_dialog_get_error (dialog), "no-such-folder"));
  g_assert_nonnull (find_export_dialog (f->window));
  g_assert_true (export_enabled (dialog));
  g_assert_cmpuint (f->n_exported, ==, 0);
}

/* Cancel stops the export at once: no file, no temporary file, the dialog still open. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KzExportDialog) dialog = open_dialog (f);
  g_autofree char *path = g_build_filename (f->dir, "big.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KzToast *toast = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "toast");

  /* Large, so that the worker is still drawing when Cancel comes */
  set_format (dialog, "png");
  set_custom_size (dialog, 3000, 2000);
  gtk_toggle_button_set_active (DIALOG_CHILD (dialog, "scale2_button"), TRUE);

  kz_export_dialog_export_to_file (dialog, file);
  g_assert_true (kz_export_dialog_get_exporting (dialog));

  /* While it runs: progress shows, options and Export wait, Cancel is there */
  g_assert_true (gtk_revealer_get_reveal_child (DIALOG_CHILD (dialog, "status_revealer")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (DIALOG_CHILD (dialog, "status_stack")), ==, "progress");
  g_assert_nonnull (strstr (gtk_label_get_text (DIALOG_CHILD (dialog, "progress_label")), "big.png"));
  g_assert_false (gtk_widget_get_sensitive (DIALOG_CHILD (dialog, "options_grid")));
  g_assert_false (export_enabled (dialog));
  g_assert_true (gtk_widget_get_sensitive (DIALOG_CHILD (dialog, "cancel_button")));

  /* Cancel, as the header bar's button and Escape do */
  g_signal_emit_by_name (DIALOG_CHILD (dialog, "cancel_button"), "clicked");
  kz_test_wait_until (not_exporting, dialog);
  kz_test_settle ();

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->dir), ==, 0);
  g_assert_null (kz_export_dialog_get_error (dialog));
  g_assert_nonnull (find_export_dialog (f->window));
  g_assert_cmpuint (f->n_exported, ==, 0);
  g_assert_false (kz_toast_get_revealed (toast));
  g_assert_true (gtk_widget_get_sensitive (DIALOG_CHILD (dialog, "options_grid")));
  g_assert_true (export_enabled (dialog));

  /* Closing the dialog while it writes stops the export too */
  kz_export_dialog_export_to_file (dialog, file);
  g_assert_true (kz_export_dialog_get_exporting (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_null (find_export_dialog (f->window));
  /* The worker finishes on its own, and its task lets go of the dialog: then look */
  kz_test_wait_until (only_our_ref, dialog);
  kz_test_settle ();
  g_assert_cmpuint (count_files (f->dir), ==, 0);
  g_assert_cmpuint (f->n_exported, ==, 0);
}

/* The toast: hides when closed, and by itself, and the next message replaces it. */
static void
test_toast (Fixture       *f,
            gconstpointer  data)
{
  KzToast *toast = kz_test_template_child (f->window, KZ_TYPE_WINDOW, "toast");
  GtkWidget *close_button = kz_test_template_child (toast, KZ_TYPE_TOAST, "close_button");
  GtkWidget *action_button = kz_test_template_child (toast, KZ_TYPE_TOAST, "action_button");

  g_assert_false (kz_toast_get_revealed (toast));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (toast)));

  kz_toast_show (toast, "One", NULL, NULL);
  g_assert_true (kz_toast_get_revealed (toast));
  g_assert_false (gtk_widget_get_visible (action_button));
  kz_toast_show (toast, "Two", "_Open", "win.open-export");
  g_assert_cmpstr (kz_toast_get_title (toast), ==, "Two");
  g_assert_true (gtk_widget_get_visible (action_button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (action_button)), ==, "win.open-export");

  /* The icon-only close button says what it does */
  g_assert_nonnull (gtk_widget_get_tooltip_text (close_button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (close_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Close the notification");

  g_signal_emit_by_name (close_button, "clicked");
  g_assert_false (kz_toast_get_revealed (toast));
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

  /* A private, empty session bus, as in test-window: no portal is asked anything */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = kz_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* Startup has run: the accelerators and the style are in place */

#define ADD(path, func) \
  g_test_add ("/export-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("keyboard", test_keyboard);
  ADD ("defaults-follow-window", test_defaults_follow_window);
  ADD ("areas-and-sizes", test_areas_and_sizes);
  ADD ("invalid-dates", test_invalid_dates);
  ADD ("export-formats", test_export_formats);
  ADD ("preview-matches-file", test_preview_matches_file);
  ADD ("format-follows-name", test_format_follows_name);
  ADD ("refuses-dataset-file", test_refuses_dataset_file);
  ADD ("write-error", test_write_error);
  ADD ("cancel", test_cancel);
  ADD ("toast", test_toast);
  ADD ("exports-matrix", test_exports_matrix);

#undef ADD

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_test_dbus_stop (bus);

  return status;
}
