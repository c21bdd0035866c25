/* kz-window.c — the main window: areas, timeline and detail pane for one dataset
 *
 * The window owns the dataset and the file it came from, loads files in a worker thread
 * (a GTask) so the interface never waits on the disk or the parser, and wires its parts
 * together with property bindings: the area list's hidden areas and kinds to the timeline,
 * the timeline's selection to the detail pane, the search entry to the timeline. A file
 * that fails to load leaves the open dataset as it was and explains itself in a
 * KzProblemsDialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-window"

#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "kz-area-list.h"
#include "kz-dataset-cache.h"
#include "kz-dataset-loader.h"
#include "kz-detail-pane.h"
#include "kz-event-comparison.h"
#include "kz-file-watcher.h"
#include "kz-matrix-pane.h"
#include "kz-matrix-view.h"
#include "kz-export-dialog.h"
#include "kz-problems-dialog.h"
#include "kz-timeline-view.h"
#include "kz-toast.h"
#include "kz-window.h"

struct _KzWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;
  KzDataset            *dataset;
  GFile                *file;
  KzDatasetCache       *dataset_cache;  /* copies of large files, for opening them again */
  GCancellable         *load_cancellable;
#if GTK_CHECK_VERSION (4, 10, 0)
  GCancellable         *open_cancellable;
#else
  GtkFileChooserNative *open_dialog;
#endif
  gulong                restore_panes_handler;
  guint                 loading : 1;
  guint                 reloading : 1;

  /* Live reload: the open file watched, its reload, and why the last one failed */
  KzFileWatcher        *watcher;
  GCancellable         *reload_cancellable;
  GPtrArray            *reload_problems;
  GError               *reload_error;
  GtkRevealer          *load_banner;
  GtkLabel             *load_banner_label;
  GtkProgressBar       *load_progress;
  guint                 load_progress_source;
  gsize                 load_done;      /* bytes, written by the loading thread */
  gsize                 load_total;
  gsize                 reload_done;
  gsize                 reload_total;
  GtkRevealer          *reload_banner;
  GtkLabel             *reload_banner_label;

  GtkStack             *view_stack;
  KzMatrixPane         *matrix_pane;

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkSpinner           *spinner;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *match_label;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  KzAreaList           *area_list;
  KzTimelineView       *timeline;
  KzDetailPane         *detail_pane;
  KzToast              *toast;
  GFile                *exported_file;
};

G_DEFINE_FINAL_TYPE (KzWindow, kz_window, GTK_TYPE_APPLICATION_WINDOW)

/* As the width-request of the panes in kz-window.ui */
#define SIDEBAR_MIN_WIDTH 180
#define DETAIL_MIN_WIDTH  240

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading */

typedef struct {
  KzDataset        *dataset;
  KzTimelineLayout *layout;     /* the timeline's index of dataset, built with it */
  GPtrArray        *problems;
  GError           *error;
} LoadResult;

/* What the loading thread needs: the file, the cache that may hold a copy of it, the
 * timeline's filters (to build its lanes there too) and where to say how far it has got. */
typedef struct {
  GFile          *file;
  KzDatasetCache *cache;
  GStrv           hidden_areas;
  GStrv           hidden_kinds;
  gsize          *done;
  gsize          *total;
} LoadJob;

static LoadJob *
load_job_new (KzWindow *self,
              GFile    *file,
              gsize    *done,
              gsize    *total)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->file = g_object_ref (file);
  job->cache = g_object_ref (self->dataset_cache);
  job->hidden_areas = g_strdupv ((char **) kz_timeline_view_get_hidden_areas (self->timeline));
  job->hidden_kinds = g_strdupv ((char **) kz_timeline_view_get_hidden_kinds (self->timeline));
  job->done = done;
  job->total = total;
  return job;
}

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->cache);
  g_clear_pointer (&job->hidden_areas, g_strfreev);
  g_clear_pointer (&job->hidden_kinds, g_strfreev);
  g_free (job);
}

/* On the loading thread; the window reads the figures from a timeout on its own. */
static void
on_load_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  LoadJob *job = user_data;

  g_atomic_pointer_set (job->total, (gsize) total);
  g_atomic_pointer_set (job->done, (gsize) done);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->dataset);
  g_clear_pointer (&result->layout, kz_timeline_layout_free);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
  result->dataset = kz_dataset_cache_load_file (job->cache, job->file, result->problems,
                                                on_load_progress, job, cancellable, NULL,
                                                &result->error);

  /* Indexing a large dataset for the timeline, and building its lanes, take a while too:
   * here, not on the main loop when the window switches to it. Filters changed meanwhile
   * are applied there, as a change. */
  if (result->dataset != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      result->layout = kz_timeline_layout_new ();
      kz_timeline_layout_set_dataset (result->layout, result->dataset);
      kz_timeline_layout_set_filter_ids (result->layout,
                                         (const char * const *) job->hidden_areas,
                                         (const char * const *) job->hidden_kinds, NULL);
      kz_timeline_layout_prepare (result->layout);
    }

  if (g_task_return_error_if_cancelled (task))
    load_result_free (result);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static gboolean
update_load_progress (gpointer user_data)
{
  KzWindow *self = KZ_WINDOW (user_data);
  gsize done = (gsize) g_atomic_pointer_get (&self->load_done);
  gsize total = (gsize) g_atomic_pointer_get (&self->load_total);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->load_progress, (double) done / total);
  else
    gtk_progress_bar_pulse (self->load_progress);

  return G_SOURCE_CONTINUE;
}

static void
kz_window_show_load_progress (KzWindow *self,
                              GFile    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  /* The bundled dataset opens in an instant: a bar would only flash */
  if (g_file_has_uri_scheme (file, "resource"))
    return;

  name = g_file_get_basename (file);
  /* Translators: shown while a dataset file loads; %s is its name */
  text = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_text (self->load_banner_label, text);
  gtk_progress_bar_set_fraction (self->load_progress, 0.0);
  gtk_revealer_set_reveal_child (self->load_banner, TRUE);
  g_clear_handle_id (&self->load_progress_source, g_source_remove);
  self->load_progress_source = g_timeout_add (100, update_load_progress, self);
}

static void
kz_window_hide_load_progress (KzWindow *self)
{
  g_clear_handle_id (&self->load_progress_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->load_banner, FALSE);
}

static void
kz_window_set_loading (KzWindow *self,
                       gboolean  loading)
{
  loading = !!loading;
  if (self->loading == (guint) loading)
    return;

  self->loading = loading;
  if (!loading)
    kz_window_hide_load_progress (self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "cancel-load")),
                               loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading && self->dataset != NULL);
  gtk_spinner_set_spinning (self->spinner, loading && self->dataset != NULL);
  gtk_spinner_set_spinning (self->loading_spinner, loading && self->dataset == NULL);

  if (self->dataset == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, loading ? "loading" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
kz_window_update_title (KzWindow *self)
{
  g_autofree char *subtitle = NULL;

  if (self->dataset == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), PACKAGE_NAME);
      gtk_label_set_text (self->title_label, PACKAGE_NAME);
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), kz_dataset_get_title (self->dataset));
  gtk_label_set_text (self->title_label, kz_dataset_get_title (self->dataset));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label),
                               kz_dataset_get_description (self->dataset));

  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      guint n_events = kz_dataset_get_n_events (self->dataset);

      /* Translators: the window's subtitle: the file's name and how many events it has */
      subtitle = g_strdup_printf (ngettext ("%s · %'u event", "%s · %'u events", n_events),
                                  name, n_events);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label),
                                   g_file_peek_path (self->file));
    }

  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
}

static void kz_window_watch              (KzWindow *self);
static void kz_window_hide_reload_banner (KzWindow *self);

/* For the startup benchmark (tests/bench/bench-startup.c): says when the first frame that
 * shows a dataset has been painted, then quits. */
static void
on_first_frame_painted (GdkFrameClock *clock,
                        KzWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted, self);
  g_print ("first-frame\n");
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
kz_window_report_first_frame (KzWindow *self)
{
  static gboolean reported;
  GdkFrameClock *clock;

  if (reported || g_getenv ("KIZUNA_REPORT_FIRST_FRAME") == NULL)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  reported = TRUE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame_painted), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @layout: (transfer full) (nullable): the timeline's index of @dataset, if built already
 * (on the loading thread) */
static void
kz_window_set_dataset (KzWindow         *self,
                       KzDataset        *dataset,
                       GFile            *file,
                       KzTimelineLayout *layout)
{
  gboolean file_changed = g_set_object (&self->file, file);
  gboolean dataset_changed = g_set_object (&self->dataset, dataset);

  kz_timeline_view_set_selected_event (self->timeline, NULL);
  if (layout != NULL && dataset != NULL)
    kz_timeline_view_set_dataset_with_layout (self->timeline, dataset, layout);
  else
    {
      g_clear_pointer (&layout, kz_timeline_layout_free);
      kz_timeline_view_set_dataset (self->timeline, dataset);
    }
  kz_area_list_set_dataset (self->area_list, dataset);
  kz_detail_pane_set_dataset (self->detail_pane, dataset);
  kz_matrix_pane_set_dataset (self->matrix_pane, dataset);
  kz_window_update_title (self);
  /* Whatever is shown now loaded: the last good version is no longer an older one */
  kz_window_hide_reload_banner (self);
  if (file_changed)
    kz_window_watch (self);

  gtk_stack_set_visible_child_name (self->main_stack, dataset != NULL ? "content" : "empty");
  if (dataset != NULL)
    kz_window_report_first_frame (self);
  /* A reload happens under the user's hands: it leaves the focus where it is */
  if (dataset != NULL && !self->reloading)
    gtk_widget_grab_focus (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "matrix") == 0
                           ? GTK_WIDGET (kz_matrix_pane_get_view (self->matrix_pane))
                           : GTK_WIDGET (self->timeline));

  if (file_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  if (dataset_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/* The copy of a large file is written once it is shown, on a thread of its own at a
 * lower priority (the window and the display server come first on a two-core machine),
 * while the application stays up for it: the window is usable at once, the next open is
 * quick. */
typedef struct {
  KzDatasetCache *cache;
  KzDataset      *dataset;
  GPtrArray      *problems;
  GApplication   *application;   /* held until the copy is written */
} StoreJob;

static gboolean
store_done (gpointer data)
{
  StoreJob *job = data;

  g_clear_object (&job->cache);
  g_clear_object (&job->dataset);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  if (job->application != NULL)
    g_application_release (job->application);
  g_clear_object (&job->application);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static gpointer
store_thread (gpointer data)
{
  StoreJob *job = data;
  g_autoptr(GError) error = NULL;

#ifdef __linux__
  /* Linux sets a thread's niceness by its id; this thread ends with the write. */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif

  /* Only a missed speed-up: the dataset itself is open and unharmed. */
  if (!kz_dataset_cache_store (job->cache, job->dataset, job->problems, &error))
    g_debug ("No cached copy of “%s”: %s", kz_dataset_get_title (job->dataset), error->message);

  g_idle_add (store_done, job);
  return NULL;
}

static void
kz_window_store_cached_copy (KzWindow  *self,
                             KzDataset *dataset,
                             GPtrArray *problems)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  StoreJob *job;

  if (!kz_dataset_cache_wants (self->dataset_cache, dataset))
    return;

  job = g_new0 (StoreJob, 1);
  job->cache = g_object_ref (self->dataset_cache);
  job->dataset = g_object_ref (dataset);
  job->problems = g_ptr_array_ref (problems);
  if (application != NULL)
    {
      job->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (job->application);
    }
  g_thread_unref (g_thread_new ("kz-cache-writer", store_thread, job));
}

static void
load_cb (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  KzWindow *self = KZ_WINDOW (object);
  GTask *task = G_TASK (async_result);
  GFile *file = ((LoadJob *) g_task_get_task_data (task))->file;
  LoadResult *result;
  g_autoptr(GError) error = NULL;

  /* A newer load replaced this one: its result is not wanted. (A window that closed
   * cancelled its load, which ends below with nothing to show.) */
  if (g_task_get_cancellable (task) != self->load_cancellable)
    return;

  g_clear_object (&self->load_cancellable);
  result = g_task_propagate_pointer (task, &error);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Loading failed: %s", error->message);
    }
  else if (result->dataset != NULL)
    {
      for (guint i = 0; i < result->problems->len; i++)
        {
          g_autofree char *line = kz_problem_to_string (g_ptr_array_index (result->problems, i));
          g_debug ("%s: %s", g_file_peek_path (file), line);
        }
      kz_window_set_dataset (self, result->dataset, file, g_steal_pointer (&result->layout));
      kz_window_store_cached_copy (self, result->dataset, result->problems);
    }
  else
    {
      KzProblemsDialog *dialog = kz_problems_dialog_new (GTK_WINDOW (self), file,
                                                         result->error, result->problems);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  /* After the dataset changed, so the window goes from loading straight to it */
  kz_window_set_loading (self, FALSE);
  g_clear_pointer (&result, load_result_free);
}

/* Live reload: the open file changed on disk. A good version replaces the dataset and
 * keeps what the user was looking at (range, selection, area or comparison, matrix kind);
 * a bad one changes nothing but a banner that says so. The bundled dataset, a resource,
 * is never watched. */

static void kz_window_reload (KzWindow *self);

static void
kz_window_watch (KzWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->watcher != NULL)
    g_signal_handlers_disconnect_by_data (self->watcher, self);
  g_clear_object (&self->watcher);
  g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);

  if (self->file == NULL || !g_file_is_native (self->file))
    return;

  self->watcher = kz_file_watcher_new (self->file, KZ_FILE_WATCHER_DEFAULT_DELAY_MS, &error);
  if (self->watcher == NULL)
    {
      g_debug ("Not watching %s for changes: %s", g_file_peek_path (self->file), error->message);
      return;
    }
  g_signal_connect_swapped (self->watcher, "changed", G_CALLBACK (kz_window_reload), self);
}

static void
kz_window_hide_reload_banner (KzWindow *self)
{
  gtk_revealer_set_reveal_child (self->reload_banner, FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "show-problems")),
                               FALSE);
  g_clear_pointer (&self->reload_problems, g_ptr_array_unref);
  g_clear_error (&self->reload_error);
}

static void
kz_window_show_reload_banner (KzWindow   *self,
                              LoadResult *result)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *text = NULL;
  guint n_errors = 0;

  for (guint i = 0; i < result->problems->len; i++)
    if (((KzProblem *) g_ptr_array_index (result->problems, i))->severity == KZ_PROBLEM_ERROR)
      n_errors++;

  if (n_errors > 0)
    /* Translators: the banner when the open file changed into one that does not load;
     * %s is the file's name */
    text = g_strdup_printf (ngettext ("“%s” has %u problem; showing the last good version",
                                      "“%s” has %u problems; showing the last good version",
                                      n_errors),
                            name, n_errors);
  else
    /* Translators: the banner when the open file could not be read again; %s is its name */
    text = g_strdup_printf (_("“%s” could not be read; showing the last good version"), name);

  g_clear_pointer (&self->reload_problems, g_ptr_array_unref);
  g_clear_error (&self->reload_error);
  self->reload_problems = g_steal_pointer (&result->problems);
  self->reload_error = g_steal_pointer (&result->error);

  gtk_label_set_text (self->reload_banner_label, text);
  gtk_revealer_set_reveal_child (self->reload_banner, TRUE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "show-problems")),
                               TRUE);
}

/* The new version in place of the old, with the same view of it wherever the ids allow.
 * @layout: (transfer full) (nullable): the timeline's index of @dataset, if built already */
static void
kz_window_swap_dataset (KzWindow         *self,
                        KzDataset        *dataset,
                        KzTimelineLayout *layout)
{
  KzEvent *selected = kz_timeline_view_get_selected_event (self->timeline);
  g_autofree char *selected_id = selected != NULL ? g_strdup (kz_event_get_id (selected)) : NULL;
  double start_day = kz_timeline_view_get_visible_start (self->timeline);
  double end_day = kz_timeline_view_get_visible_end (self->timeline);
  KzDetailPaneMode mode = kz_detail_pane_get_mode (self->detail_pane);
  g_autofree char *area_id = NULL;
  g_autofree char *from_id = NULL;
  g_autofree char *to_id = NULL;
  KzEvent *from = NULL, *to = NULL;

  if (mode == KZ_DETAIL_PANE_MODE_AREA)
    area_id = g_strdup (kz_area_get_id (kz_detail_pane_get_area (self->detail_pane)));
  else if (kz_detail_pane_get_comparison (self->detail_pane, &from, &to))
    {
      from_id = g_strdup (kz_event_get_id (from));
      to_id = g_strdup (kz_event_get_id (to));
    }

  self->reloading = TRUE;
  kz_window_set_dataset (self, dataset, self->file, layout);
  self->reloading = FALSE;

  kz_timeline_view_set_visible_range (self->timeline, start_day, end_day);
  if (selected_id != NULL && (selected = kz_dataset_lookup_event (dataset, selected_id)) != NULL)
    kz_timeline_view_set_selected_event (self->timeline, selected);

  if (area_id != NULL && kz_dataset_lookup_area (dataset, area_id) != NULL)
    kz_detail_pane_show_area (self->detail_pane, kz_dataset_lookup_area (dataset, area_id));
  else if (from_id != NULL &&
           (from = kz_dataset_lookup_event (dataset, from_id)) != NULL &&
           (to = kz_dataset_lookup_event (dataset, to_id)) != NULL)
    kz_detail_pane_show_comparison (self->detail_pane, from, to);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *async_result,
           gpointer      user_data)
{
  KzWindow *self = KZ_WINDOW (object);
  GTask *task = G_TASK (async_result);
  GFile *file = ((LoadJob *) g_task_get_task_data (task))->file;
  LoadResult *result;
  g_autoptr(GError) error = NULL;

  /* A newer reload, an open, or the window closing replaced this one */
  if (g_task_get_cancellable (task) != self->reload_cancellable)
    return;
  g_clear_object (&self->reload_cancellable);

  result = g_task_propagate_pointer (task, &error);
  if (result == NULL)
    return;

  if (self->file != NULL && g_file_equal (file, self->file))
    {
      if (result->dataset != NULL)
        {
          kz_window_swap_dataset (self, result->dataset, g_steal_pointer (&result->layout));
          kz_window_store_cached_copy (self, result->dataset, result->problems);
        }
      else
        kz_window_show_reload_banner (self, result);
    }

  g_clear_pointer (&result, load_result_free);
}

static void
kz_window_reload (KzWindow *self)
{
  LoadJob *job;
  g_autoptr(GTask) task = NULL;

  /* An open in progress replaces the file anyway */
  if (self->file == NULL || self->load_cancellable != NULL)
    return;

  g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  self->reload_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->reload_cancellable, reload_cb, NULL);
  g_task_set_source_tag (task, kz_window_reload);
  g_task_set_name (task, "kz-window-reload");
  /* A reload goes by quietly: no progress bar, so its figures go nowhere in particular */
  job = load_job_new (self, self->file, &self->reload_done, &self->reload_total);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

static void
show_problems_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  KzWindow *self = KZ_WINDOW (user_data);
  KzProblemsDialog *dialog;

  if (self->file == NULL || (self->reload_problems == NULL && self->reload_error == NULL))
    return;

  dialog = kz_problems_dialog_new (GTK_WINDOW (self), self->file, self->reload_error,
                                   self->reload_problems);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Open */

static gboolean
is_json_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".json");
}

static GFile *
kz_window_get_initial_folder (KzWindow *self)
{
  if (self->file == NULL || !g_file_is_native (self->file))
    return NULL;

  return g_file_get_parent (self->file);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* GDK_VERSION_MAX_ALLOWED is 4.8: the 4.10 API below is used knowingly, behind the check. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
open_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KzWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  g_clear_object (&self->open_cancellable);
  if (file != NULL)
    kz_window_open (self, file);
  else if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
           !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_warning ("Could not choose a file: %s", error->message);
}

void
kz_window_show_open_dialog (KzWindow *self)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GtkFileFilter) json_filter = NULL;
  g_autoptr(GtkFileFilter) all_filter = NULL;
  g_autoptr(GListStore) filters = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (KZ_IS_WINDOW (self));

  if (self->open_cancellable != NULL)
    return;

  json_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (json_filter, _("JSON Datasets"));
  gtk_file_filter_add_pattern (json_filter, "*.json");
  gtk_file_filter_add_mime_type (json_filter, "application/json");
  all_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_list_store_append (filters, json_filter);
  g_list_store_append (filters, all_filter);

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Open Dataset"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, json_filter);
  folder = kz_window_get_initial_folder (self);
  if (folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, folder);

  self->open_cancellable = g_cancellable_new ();
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->open_cancellable,
                        open_dialog_cb, g_object_ref (self));
}

G_GNUC_END_IGNORE_DEPRECATIONS
#else

static void
on_open_dialog_response (GtkNativeDialog *dialog,
                         int              response,
                         KzWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        kz_window_open (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->open_dialog);
}

void
kz_window_show_open_dialog (KzWindow *self)
{
  g_autoptr(GtkFileFilter) json_filter = NULL;
  g_autoptr(GtkFileFilter) all_filter = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (KZ_IS_WINDOW (self));

  if (self->open_dialog != NULL)
    return;

  self->open_dialog = gtk_file_chooser_native_new (_("Open Dataset"),
                                                   GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_OPEN,
                                                   _("_Open"),
                                                   _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_dialog), TRUE);

  json_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (json_filter, _("JSON Datasets"));
  gtk_file_filter_add_pattern (json_filter, "*.json");
  gtk_file_filter_add_mime_type (json_filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_dialog), json_filter);

  all_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_dialog), all_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->open_dialog), json_filter);

  folder = kz_window_get_initial_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->open_dialog), folder, NULL);

  g_signal_connect (self->open_dialog, "response", G_CALLBACK (on_open_dialog_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_dialog));
}

#endif

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         KzWindow      *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      for (GSList *l = files; l != NULL && file == NULL; l = l->next)
        if (is_json_file (l->data))
          file = l->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL || !is_json_file (file))
    return FALSE;

  kz_window_open (self, file);
  return TRUE;
}

/* Search */

static void
kz_window_update_matches (KzWindow *self)
{
  const char *text = kz_timeline_view_get_search_text (self->timeline);
  guint n_matches = kz_timeline_view_get_n_matches (self->timeline);
  g_autofree char *label = NULL;

  if (text == NULL || *text == '\0')
    label = g_strdup ("");
  else if (n_matches == 0)
    label = g_strdup (_("No matches"));
  else
    /* Translators: how many events match the search text */
    label = g_strdup_printf (ngettext ("%'u match", "%'u matches", n_matches), n_matches);

  gtk_label_set_text (self->match_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   KzWindow       *self)
{
  kz_timeline_view_set_search_text (self->timeline, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_activate (GtkSearchEntry *entry,
                    KzWindow       *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->timeline), "timeline.next-match", NULL);
}

static void
on_search_next_match (GtkSearchEntry *entry,
                      KzWindow       *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->timeline), "timeline.next-match", NULL);
}

static void
on_search_previous_match (GtkSearchEntry *entry,
                          KzWindow       *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->timeline), "timeline.previous-match", NULL);
}

static void
on_search_mode_changed (GtkSearchBar *search_bar,
                        GParamSpec   *pspec,
                        KzWindow     *self)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    return;

  /* Closing the search ends it: no event stays dimmed behind a hidden entry. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  kz_timeline_view_set_search_text (self->timeline, NULL);
  if (self->dataset != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

/* Selection */

static void
kz_window_update_navigation (KzWindow *self)
{
  KzEvent *selected = kz_timeline_view_get_selected_event (self->timeline);
  gboolean has_previous = FALSE;
  gboolean has_next = FALSE;

  if (self->dataset != NULL)
    {
      has_previous = selected != NULL &&
                     kz_timeline_view_find_event (self->timeline, selected, -1) != NULL;
      has_next = kz_timeline_view_find_event (self->timeline, selected, +1) != NULL;
    }

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "previous-event")),
                               has_previous);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "next-event")),
                               has_next);
}

static void
on_timeline_event_activated (KzTimelineView *timeline,
                             KzEvent        *event,
                             KzWindow       *self)
{
  /* Enter on the timeline: read about the event, from its first focusable line */
  gtk_widget_child_focus (GTK_WIDGET (self->detail_pane), GTK_DIR_TAB_FORWARD);
}

static void
previous_event_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KzWindow *self = KZ_WINDOW (user_data);

  gtk_widget_activate_action (GTK_WIDGET (self->timeline), "timeline.previous-event", NULL);
}

static void
next_event_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  KzWindow *self = KZ_WINDOW (user_data);

  gtk_widget_activate_action (GTK_WIDGET (self->timeline), "timeline.next-event", NULL);
}

/* Export */

static void
on_exported (KzExportDialog *dialog,
             GFile          *file,
             KzWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display_name = g_filename_display_name (name);
  /* Translators: the notification after an export; %s is the file's name */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), display_name);

  /* Only the file just exported can be opened from here, by the toast's button */
  g_set_object (&self->exported_file, file);
  kz_toast_show (self->toast, title, _("_Open"), "win.open-export");
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  KzWindow *self = KZ_WINDOW (user_data);
  KzExportDialog *dialog;

  if (self->dataset == NULL)
    return;

  dialog = kz_export_dialog_new (GTK_WINDOW (self), self->dataset, self->file, self->timeline);
  /* Export what the window shows: the matrix, of its kind, when that is on. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "matrix") == 0)
    kz_export_dialog_show_matrix (dialog, kz_matrix_view_get_kind (kz_matrix_pane_get_view (self->matrix_pane)));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_export_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KzWindow *self = KZ_WINDOW (user_data);

  if (self->exported_file != NULL)
    kz_export_dialog_show_file (GTK_WINDOW (self), self->exported_file);
}

static void
kz_window_update_export_action (KzWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "export");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->dataset != NULL);
}

/* Evolution: an area's story, comparisons, the matrix */

static void
on_area_activated (GObject  *source,
                   KzArea   *area,
                   KzWindow *self)
{
  if (self->dataset != NULL)
    kz_detail_pane_show_area (self->detail_pane, area);
}

static void
on_detail_event_selected (KzDetailPane *pane,
                          KzEvent      *event,
                          KzWindow     *self)
{
  if (self->dataset != NULL)
    kz_timeline_view_reveal_event (self->timeline, event);
}

/* Shows what changed between a and b, the earlier on the left. */
static void
kz_window_compare (KzWindow *self,
                   KzEvent  *a,
                   KzEvent  *b)
{
  guint position_a = 0, position_b = 0;

  if (self->dataset == NULL ||
      !kz_dataset_get_event_position (self->dataset, a, &position_a) ||
      !kz_dataset_get_event_position (self->dataset, b, &position_b))
    return;

  if (position_a <= position_b)
    kz_detail_pane_show_comparison (self->detail_pane, a, b);
  else
    kz_detail_pane_show_comparison (self->detail_pane, b, a);
}

static void
on_compare_requested (KzTimelineView *timeline,
                      KzEvent        *other,
                      KzWindow       *self)
{
  KzEvent *selected = kz_timeline_view_get_selected_event (timeline);

  if (selected != NULL)
    kz_window_compare (self, selected, other);
}

static KzEvent *
kz_window_find_previous (KzWindow *self)
{
  KzEvent *selected = kz_timeline_view_get_selected_event (self->timeline);

  if (self->dataset == NULL || selected == NULL)
    return NULL;

  return kz_dataset_find_previous_of_kind (self->dataset, selected);
}

static void
kz_window_update_compare_action (KzWindow *self)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "compare-previous")),
                               kz_window_find_previous (self) != NULL);
}

static void
compare_previous_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  KzWindow *self = KZ_WINDOW (user_data);
  KzEvent *previous = kz_window_find_previous (self);

  if (previous != NULL)
    kz_window_compare (self, previous, kz_timeline_view_get_selected_event (self->timeline));
}

static void
show_matrix_change_state (GSimpleAction *action,
                          GVariant      *state,
                          gpointer       user_data)
{
  KzWindow *self = KZ_WINDOW (user_data);
  gboolean matrix = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  gtk_stack_set_visible_child_name (self->view_stack, matrix ? "matrix" : "timeline");
  if (self->dataset != NULL)
    gtk_widget_grab_focus (matrix ? GTK_WIDGET (kz_matrix_pane_get_view (self->matrix_pane))
                                  : GTK_WIDGET (self->timeline));
}

static void
on_matrix_event_activated (KzMatrixView *view,
                           KzEvent      *event,
                           KzWindow     *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self->detail_pane), GTK_DIR_TAB_FORWARD);
}

/* Escape leaves an area's story or a comparison, wherever the focus is but in a text
 * entry (where it ends the search): caught before the timeline, which would clear the
 * selection with it. */
static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  KzWindow *self = KZ_WINDOW (widget);
  KzDetailPaneMode mode = kz_detail_pane_get_mode (self->detail_pane);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (mode != KZ_DETAIL_PANE_MODE_AREA && mode != KZ_DETAIL_PANE_MODE_COMPARISON)
    return FALSE;
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_BAR)))
    return FALSE;

  kz_detail_pane_go_back (self->detail_pane);
  return TRUE;
}

/* Stops opening a file; the dataset that was open (if any) stays. */
static void
cancel_load_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KzWindow *self = KZ_WINDOW (user_data);

  g_cancellable_cancel (self->load_cancellable);
}

static const GActionEntry win_actions[] = {
  { .name = "previous-event", .activate = previous_event_action },
  { .name = "next-event", .activate = next_event_action },
  { .name = "compare-previous", .activate = compare_previous_action },
  { .name = "show-matrix", .state = "false", .change_state = show_matrix_change_state },
  { .name = "show-problems", .activate = show_problems_action },
  { .name = "export", .activate = export_action },
  { .name = "cancel-load", .activate = cancel_load_action },
  { .name = "open-export", .activate = open_export_action },
};

/* Window state in GSettings */

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      /* An uninstalled run without GSETTINGS_SCHEMA_DIR: work, just forget on close. */
      g_message ("The settings schema %s is not installed: window state will not be kept",
                 APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* The panes' widths, once, when they first get their size: the remembered widths, unless
 * the window is too narrow for them, when the timeline keeps the room and the side panes
 * give it up (down to their minimum). GtkPaned positions count from the start, so the
 * detail pane's width becomes a position here. From then on the side panes keep their
 * width as the window resizes, since they do not resize. */
#define SIDEBAR_MAX_SHARE 0.22
#define DETAIL_MAX_SHARE  0.34

static void
on_outer_paned_max_position (GtkPaned   *paned,
                             GParamSpec *pspec,
                             KzWindow   *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (paned));
  int sidebar_width = 260;
  int detail_width = 360;
  int inner_width;

  if (width <= 0)
    return;

  g_clear_signal_handler (&self->restore_panes_handler, paned);

  if (self->settings != NULL)
    {
      sidebar_width = g_settings_get_int (self->settings, "sidebar-width");
      detail_width = g_settings_get_int (self->settings, "detail-width");
    }

  sidebar_width = MIN (sidebar_width, MAX (SIDEBAR_MIN_WIDTH, (int) (width * SIDEBAR_MAX_SHARE)));
  gtk_paned_set_position (self->outer_paned, sidebar_width);

  inner_width = width - sidebar_width;
  detail_width = MIN (detail_width, MAX (DETAIL_MIN_WIDTH, (int) (inner_width * DETAIL_MAX_SHARE)));
  gtk_paned_set_position (self->inner_paned, MAX (0, inner_width - detail_width));
}

static void
kz_window_restore_state (KzWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "hidden-areas",
                   self->timeline, "hidden-areas",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
kz_window_save_state (KzWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  if (gtk_widget_get_mapped (GTK_WIDGET (self->outer_paned)))
    {
      g_settings_set_int (self->settings, "sidebar-width",
                          gtk_paned_get_position (self->outer_paned));
      g_settings_set_int (self->settings, "detail-width",
                          gtk_widget_get_width (GTK_WIDGET (self->detail_pane)));
    }
}

/* GtkWindow */

static gboolean
kz_window_close_request (GtkWindow *window)
{
  KzWindow *self = KZ_WINDOW (window);

  g_cancellable_cancel (self->load_cancellable);
  kz_window_save_state (self);

  return GTK_WINDOW_CLASS (kz_window_parent_class)->close_request (window);
}

/* GObject */

static void
kz_window_constructed (GObject *object)
{
  KzWindow *self = KZ_WINDOW (object);

  G_OBJECT_CLASS (kz_window_parent_class)->constructed (object);

  kz_window_restore_state (self);
}

static void
kz_window_dispose (GObject *object)
{
  KzWindow *self = KZ_WINDOW (object);

  g_clear_handle_id (&self->load_progress_source, g_source_remove);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  if (self->watcher != NULL)
    g_signal_handlers_disconnect_by_data (self->watcher, self);
  g_clear_object (&self->watcher);
  g_clear_pointer (&self->reload_problems, g_ptr_array_unref);
  g_clear_error (&self->reload_error);
#if GTK_CHECK_VERSION (4, 10, 0)
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
#else
  if (self->open_dialog != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_dialog));
  g_clear_object (&self->open_dialog);
#endif
  if (self->outer_paned != NULL)
    g_clear_signal_handler (&self->restore_panes_handler, self->outer_paned);

  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->dataset_cache);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->exported_file);

  G_OBJECT_CLASS (kz_window_parent_class)->dispose (object);
}

static void
kz_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KzWindow *self = KZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_window_class_init (KzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kz_window_constructed;
  object_class->dispose = kz_window_dispose;
  object_class->get_property = kz_window_get_property;

  window_class->close_request = kz_window_close_request;

  /* The open dataset; NULL before the first file loads, or when it failed. */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         KZ_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The file the open dataset came from. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether a file is being loaded. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KZ_TYPE_AREA_LIST);
  g_type_ensure (KZ_TYPE_DETAIL_PANE);
  g_type_ensure (KZ_TYPE_TIMELINE_VIEW);
  g_type_ensure (KZ_TYPE_MATRIX_PANE);
  g_type_ensure (KZ_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/kz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KzWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, area_list);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, matrix_pane);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, load_banner);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, load_banner_label);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, reload_banner);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, reload_banner_label);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, toast);
}

static void
kz_window_init (KzWindow *self)
{
  g_autoptr(GPropertyAction) search_action = NULL;
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = new_settings ();
  self->dataset_cache = kz_dataset_cache_new (NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "cancel-load")),
                               FALSE);
  search_action = g_property_action_new ("search", self->search_bar, "search-mode-enabled");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (search_action));

  /* What the sidebar hides, the timeline hides; what the timeline selects, the pane shows */
  g_object_bind_property (self->area_list, "hidden-areas",
                          self->timeline, "hidden-areas",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->area_list, "hidden-kinds",
                          self->timeline, "hidden-kinds",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->timeline, "selected-event",
                          self->detail_pane, "event",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_swapped (self->timeline, "notify::selected-event",
                            G_CALLBACK (kz_window_update_navigation), self);
  g_signal_connect_swapped (self->timeline, "notify::dataset",
                            G_CALLBACK (kz_window_update_navigation), self);
  g_signal_connect_swapped (self->timeline, "notify::hidden-areas",
                            G_CALLBACK (kz_window_update_navigation), self);
  g_signal_connect_swapped (self->timeline, "notify::hidden-kinds",
                            G_CALLBACK (kz_window_update_navigation), self);
  g_signal_connect (self->timeline, "event-activated",
                    G_CALLBACK (on_timeline_event_activated), self);

  /* Evolution: areas' stories from the list, the lanes and the matrix; comparisons; the
   * matrix shares the timeline's selection and hidden areas */
  {
    KzMatrixView *matrix = kz_matrix_pane_get_view (self->matrix_pane);
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    g_signal_connect (self->area_list, "area-activated", G_CALLBACK (on_area_activated), self);
    g_signal_connect (self->timeline, "area-activated", G_CALLBACK (on_area_activated), self);
    g_signal_connect (matrix, "area-activated", G_CALLBACK (on_area_activated), self);
    g_signal_connect (matrix, "event-activated", G_CALLBACK (on_matrix_event_activated), self);
    g_signal_connect (self->timeline, "compare-requested", G_CALLBACK (on_compare_requested), self);
    g_signal_connect (self->detail_pane, "event-selected", G_CALLBACK (on_detail_event_selected), self);
    g_signal_connect_swapped (self->timeline, "notify::selected-event",
                              G_CALLBACK (kz_window_update_compare_action), self);
    g_signal_connect_swapped (self->timeline, "notify::dataset",
                              G_CALLBACK (kz_window_update_compare_action), self);
    g_object_bind_property (self->timeline, "selected-event", matrix, "selected-event",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    g_object_bind_property (self->timeline, "hidden-areas", matrix, "hidden-areas",
                            G_BINDING_SYNC_CREATE);

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_callback_action_new (on_escape, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
    kz_window_update_compare_action (self);
    kz_window_hide_reload_banner (self);
  }

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect (self->search_entry, "next-match", G_CALLBACK (on_search_next_match), self);
  g_signal_connect (self->search_entry, "previous-match",
                    G_CALLBACK (on_search_previous_match), self);
  g_signal_connect (self->search_bar, "notify::search-mode-enabled",
                    G_CALLBACK (on_search_mode_changed), self);
  g_signal_connect_swapped (self->timeline, "notify::n-matches",
                            G_CALLBACK (kz_window_update_matches), self);
  g_signal_connect_swapped (self->timeline, "notify::search-text",
                            G_CALLBACK (kz_window_update_matches), self);

  self->restore_panes_handler =
    g_signal_connect (self->outer_paned, "notify::max-position",
                      G_CALLBACK (on_outer_paned_max_position), self);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  kz_window_update_navigation (self);

  g_signal_connect (self, "notify::dataset", G_CALLBACK (kz_window_update_export_action), NULL);
  kz_window_update_export_action (self);
}

KzWindow *
kz_window_new (KzApplication *application)
{
  g_return_val_if_fail (KZ_IS_APPLICATION (application), NULL);

  return g_object_new (KZ_TYPE_WINDOW, "application", application, NULL);
}

/**
 * kz_window_open:
 * @file: a dataset file (a resource:// URI for the bundled one)
 *
 * Loads @file in a worker thread and shows it when it is valid; otherwise keeps what was
 * open and presents a dialog that lists every problem. A load still running is cancelled.
 */
void
kz_window_open (KzWindow *self,
                GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (KZ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->load_cancellable, load_cb, NULL);
  g_task_set_source_tag (task, kz_window_open);
  g_task_set_name (task, "kz-window-load");
  job = load_job_new (self, file, &self->load_done, &self->load_total);
  self->load_done = 0;
  self->load_total = 0;
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);

  kz_window_set_loading (self, TRUE);
  kz_window_show_load_progress (self, file);
}

KzDataset *
kz_window_get_dataset (KzWindow *self)
{
  g_return_val_if_fail (KZ_IS_WINDOW (self), NULL);

  return self->dataset;
}

GFile *
kz_window_get_file (KzWindow *self)
{
  g_return_val_if_fail (KZ_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
kz_window_get_loading (KzWindow *self)
{
  g_return_val_if_fail (KZ_IS_WINDOW (self), FALSE);

  return self->loading;
}
