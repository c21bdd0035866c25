/* kz-timeline-view.c — the timeline widget: the renderer on screen, with gestures and keys
 *
 * The widget keeps the view state (dataset, visible range, lane scroll, hidden areas and
 * kinds, search text, selection), hands it to the pure layout (src/timeline) on each frame,
 * and draws with the same renderer that export uses, so the screen and every exported file
 * agree. Every pointer gesture has a key binding (DESIGN.md):
 *
 *   gesture                              keys
 *   Ctrl+scroll, pinch: zoom             + and - (around the selection, or the middle);
 *                                        Ctrl+0 shows everything
 *   scroll, drag: pan in time            Shift+Left/Right, Ctrl+Left/Right
 *   vertical scroll, drag: lanes         Up, Down, Page Up, Page Down
 *   click an event: select it            Left/Right (previous/next in time), Home, End;
 *                                        Escape clears; Enter reads it in the detail pane
 *   click a cluster: zoom into it        (keys select inside clusters: the selected
 *                                         event's label always shows)
 *   Ctrl+click another event: compare    the window's Compare with Previous (Ctrl+Shift+C)
 *   click a lane's name: its story       the area list's rows (Enter)
 *
 * Vertical scrolling scrolls the lanes when they do not all fit, and pans in time when
 * they do; Shift swaps the axes, as for any GTK scrollable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-timeline-view"

#include <math.h>

#include <glib/gi18n.h>

#include "kz-timeline-layout.h"
#include "kz-timeline-palette.h"
#include "kz-timeline-renderer.h"

#include "kz-event-text.h"
#include "kz-timeline-view.h"

#define ZOOM_STEP          1.5     /* + and - */
#define SCROLL_ZOOM_STEP   1.15    /* one wheel click with Ctrl */
#define PAN_STEP           0.2     /* of the visible span, Shift+Left/Right */
#define WHEEL_PAN_STEP     0.1     /* of the visible span, one wheel click */
#define WHEEL_LANE_STEP    3.0     /* lanes, one wheel click */
#define REVEAL_MARGIN      0.08    /* of the span: keep a selected event this far in */
#define KINETIC_FRICTION   4.0     /* 1/s: velocity decays by e^-4 a second */
#define KINETIC_MIN_SPEED  20.0    /* px/s: slower than this, kinetic scrolling stops */
#define LAYOUT_FLAGS       KZ_TIMELINE_LAYOUT_LEGEND

struct _KzTimelineView
{
  GtkWidget                parent_instance;

  KzDataset               *dataset;
  KzEvent                 *selected;
  KzTimelineLayout        *layout;
  KzTimelineRenderer      *renderer;

  double                   start_day;
  double                   end_day;
  double                   scroll_y;

  char                   **hidden_areas;
  char                   **hidden_kinds;
  GHashTable              *hidden_area_set;   /* id → id, borrowed from hidden_areas */
  GHashTable              *hidden_kind_set;
  GPtrArray               *visible_areas;     /* KzArea, in lane order */

  char                    *search_text;
  char                    *folded_search;
  guint8                  *match_bytes;      /* per dataset position: the text matches */
  GCancellable            *search_cancellable;
  guint                    n_matches;

  /* Pointer and gestures */
  double                   pointer_x;
  double                   pointer_y;
  gboolean                 has_pointer;
  double                   gesture_start_day;
  double                   gesture_end_day;
  double                   gesture_scroll_y;
  double                   gesture_anchor_fraction;
  guint                    kinetic_tick_id;
  double                   kinetic_vx;
  double                   kinetic_vy;
  gint64                   kinetic_last_time;
  gboolean                 kinetic_wheel_units;

  gulong                   font_handler;
  gulong                   dpi_handler;
};

G_DEFINE_FINAL_TYPE (KzTimelineView, kz_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_SELECTED_EVENT,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_HIDDEN_AREAS,
  PROP_HIDDEN_KINDS,
  PROP_SEARCH_TEXT,
  PROP_N_MATCHES,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  AREA_ACTIVATED,
  COMPARE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const empty_strv[] = { NULL };

static void kz_timeline_view_stop_kinetic (KzTimelineView *self);

/* Layout */

static void
kz_timeline_view_update_layout (KzTimelineView *self)
{
  KzTimelineViewport view = { 0 };

  view.start_day = self->start_day;
  view.end_day = self->end_day;
  view.width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  view.height = MAX (1, gtk_widget_get_height (GTK_WIDGET (self)));
  view.scroll_y = self->scroll_y;
  view.flags = LAYOUT_FLAGS;

  kz_timeline_layout_update (self->layout, &view);

  /* The layout clamps the lane scroll to what there is to scroll */
  self->scroll_y = kz_timeline_layout_get_geometry (self->layout)->scroll_y;
}

static void
on_font_changed (KzTimelineView *self)
{
  kz_timeline_renderer_set_context (self->renderer, gtk_widget_get_pango_context (GTK_WIDGET (self)));
  kz_timeline_layout_invalidate_text (self->layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Which events show: the kind is not hidden and at least one of its areas has a lane */

static gboolean
kz_timeline_view_is_shown (KzTimelineView *self,
                           KzEvent        *event)
{
  KzKind *kind = kz_event_get_kind (event);
  guint n_areas;

  if (kind != NULL && g_hash_table_contains (self->hidden_kind_set, kz_kind_get_id (kind)))
    return FALSE;

  n_areas = kz_event_get_n_areas (event);
  for (guint i = 0; i < n_areas; i++)
    {
      const KzEventArea *entry = kz_event_get_area (event, i);

      if (!g_hash_table_contains (self->hidden_area_set, kz_area_get_id (entry->area)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
kz_timeline_view_is_match (KzTimelineView *self,
                           guint           position)
{
  return self->match_bytes != NULL && self->match_bytes[position] &&
         kz_timeline_view_is_shown (self, kz_dataset_get_event (self->dataset, position));
}

/* Counts the matches among the events shown, after the search or the filters changed. */
static void
kz_timeline_view_update_matches (KzTimelineView *self)
{
  guint n_matches = 0;

  if (self->dataset != NULL && self->match_bytes != NULL)
    {
      guint n_events = kz_dataset_get_n_events (self->dataset);

      for (guint i = 0; i < n_events; i++)
        if (kz_timeline_view_is_match (self, i))
          n_matches++;
    }

  if (self->n_matches != n_matches)
    {
      self->n_matches = n_matches;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
    }
}

/* Search. Matching every event against the text takes a while for a large dataset (about
 * half a second for a million), so there it runs on a thread and the timeline keeps
 * drawing the previous matches until the new ones are in; a keystroke cancels the search
 * it makes obsolete. A small dataset is searched at once, within the frame. */

#define SEARCH_AT_ONCE_MAX_EVENTS 50000

typedef struct
{
  KzDataset *dataset;
  char      *folded_needle;
} SearchJob;

static void
search_job_free (gpointer data)
{
  SearchJob *job = data;

  g_object_unref (job->dataset);
  g_free (job->folded_needle);
  g_free (job);
}

static guint8 *
compute_match_bytes (KzDataset    *dataset,
                     const char   *folded_needle,
                     GCancellable *cancellable)
{
  guint n_events = kz_dataset_get_n_events (dataset);
  g_autofree guint8 *bytes = g_new0 (guint8, MAX (n_events, 1));

  for (guint i = 0; i < n_events; i++)
    {
      if (i % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
        return NULL;
      bytes[i] = kz_event_matches_text (kz_dataset_get_event (dataset, i), folded_needle);
    }

  return g_steal_pointer (&bytes);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  guint8 *bytes = compute_match_bytes (job->dataset, job->folded_needle, cancellable);

  if (bytes == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_pointer (task, bytes, g_free);
}

static void
kz_timeline_view_set_match_bytes (KzTimelineView *self,
                                  guint8         *bytes)  /* (transfer full) (nullable) */
{
  g_clear_pointer (&self->match_bytes, g_free);
  self->match_bytes = bytes;
  kz_timeline_layout_set_matches (self->layout, bytes,
                                  bytes != NULL ? kz_dataset_get_n_events (self->dataset) : 0);
  kz_timeline_view_update_matches (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (object);
  g_autoptr(GError) error = NULL;
  guint8 *bytes = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled: a newer search, or another dataset, took its place */
  if (bytes == NULL)
    return;

  g_clear_object (&self->search_cancellable);
  kz_timeline_view_set_match_bytes (self, bytes);
}

static void
kz_timeline_view_start_search (KzTimelineView *self)
{
  g_autoptr(GTask) task = NULL;
  SearchJob *job;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->dataset == NULL || self->folded_search == NULL)
    {
      kz_timeline_view_set_match_bytes (self, NULL);
      return;
    }

  if (kz_dataset_get_n_events (self->dataset) <= SEARCH_AT_ONCE_MAX_EVENTS)
    {
      kz_timeline_view_set_match_bytes (self, compute_match_bytes (self->dataset, self->folded_search, NULL));
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  job = g_new0 (SearchJob, 1);
  job->dataset = g_object_ref (self->dataset);
  job->folded_needle = g_strdup (self->folded_search);
  task = g_task_new (self, self->search_cancellable, search_cb, NULL);
  g_task_set_task_data (task, job, search_job_free);
  g_task_run_in_thread (task, search_thread);
}

static void
rebuild_set (GHashTable  *set,
             char       **ids)
{
  g_hash_table_remove_all (set);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (set, ids[i]);
}

/* Hands the area and kind filters to the layout, after either changed. */
static void
kz_timeline_view_apply_filters (KzTimelineView *self)
{
  g_ptr_array_set_size (self->visible_areas, 0);
  kz_timeline_layout_set_filter_ids (self->layout,
                                     (const char * const *) self->hidden_areas,
                                     (const char * const *) self->hidden_kinds,
                                     self->visible_areas);

  /* A selection the filters hid would be invisible yet shown in the detail pane */
  if (self->selected != NULL && !kz_timeline_view_is_shown (self, self->selected))
    kz_timeline_view_set_selected_event (self, NULL);

  kz_timeline_view_update_matches (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Visible range */

static void
kz_timeline_view_set_range_internal (KzTimelineView *self,
                                     double          start_day,
                                     double          end_day)
{
  gboolean start_changed;
  gboolean end_changed;

  kz_timeline_layout_clamp_range (self->layout, &start_day, &end_day);

  start_changed = fabs (start_day - self->start_day) > 1e-9;
  end_changed = fabs (end_day - self->end_day) > 1e-9;
  if (!start_changed && !end_changed)
    return;

  self->start_day = start_day;
  self->end_day = end_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
kz_timeline_view_set_scroll_y (KzTimelineView *self,
                               double          scroll_y)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (self->layout);
  double max_scroll = MAX (0.0, g->lanes_content_height - g->lanes.height);

  scroll_y = CLAMP (scroll_y, 0.0, max_scroll);
  if (fabs (scroll_y - self->scroll_y) < 1e-9)
    return;

  self->scroll_y = scroll_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
kz_timeline_view_lanes_overflow (KzTimelineView *self)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (self->layout);

  return g->lanes_content_height > g->lanes.height + 0.5;
}

/* The fraction of the plot at widget x, 0 at its left edge and 1 at its right. */
static double
kz_timeline_view_x_to_fraction (KzTimelineView *self,
                                double          x)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (self->layout);

  if (g->plot_x1 - g->plot_x0 < 1.0)
    return 0.5;

  return CLAMP ((x - g->plot_x0) / (g->plot_x1 - g->plot_x0), 0.0, 1.0);
}

/* Pans by a number of pixels (positive: later in time). */
static void
kz_timeline_view_pan_pixels (KzTimelineView *self,
                             double          dx)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (self->layout);
  double span = self->end_day - self->start_day;
  double px_per_day = g->plot_x1 > g->plot_x0 ? (g->plot_x1 - g->plot_x0) / span : 0.0;
  double days;

  if (px_per_day <= 0.0)
    return;

  days = dx / px_per_day;
  kz_timeline_view_set_range_internal (self, self->start_day + days, self->end_day + days);
}

/* Zooms so that the day at fraction of the plot stays where it is. */
static void
kz_timeline_view_zoom_at_fraction (KzTimelineView *self,
                                   double          factor,
                                   double          fraction)
{
  double span = self->end_day - self->start_day;
  double anchor = self->start_day + fraction * span;
  double full_start, full_end;
  double new_span;

  kz_timeline_layout_get_full_range (self->layout, &full_start, &full_end);
  new_span = CLAMP (span / factor, KZ_TIMELINE_MIN_SPAN_DAYS, full_end - full_start);

  kz_timeline_view_set_range_internal (self,
                                       anchor - fraction * new_span,
                                       anchor + (1.0 - fraction) * new_span);
}

static double
event_day (KzEvent *event)
{
  return kz_date_get_first_day (kz_event_get_date (event)) + 0.5;
}

/* Scrolls the range, keeping its span, so that event is inside it with a margin. */
static void
kz_timeline_view_reveal (KzTimelineView *self,
                         KzEvent        *event)
{
  double span = self->end_day - self->start_day;
  double margin = span * REVEAL_MARGIN;
  double day = event_day (event);

  if (day < self->start_day + margin)
    kz_timeline_view_set_range_internal (self, day - margin, day - margin + span);
  else if (day > self->end_day - margin)
    kz_timeline_view_set_range_internal (self, day + margin - span, day + margin);
}

static void
kz_timeline_view_select_and_reveal (KzTimelineView *self,
                                    KzEvent        *event)
{
  if (event == NULL)
    return;

  kz_timeline_view_set_selected_event (self, event);
  kz_timeline_view_reveal (self, event);
}

/* Accessibility */

static void
kz_timeline_view_update_accessible (KzTimelineView *self)
{
  g_autofree char *description = NULL;

  if (self->selected != NULL)
    description = kz_event_text_summary (self->selected);
  else if (self->dataset != NULL)
    description = g_strdup (_("No event selected. Press Right to select the first event."));
  else
    description = g_strdup (_("No dataset open"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Drawing */

static gboolean
kz_timeline_view_is_dark (KzTimelineView *self)
{
  GdkRGBA color;

  /* Light text means a dark background, whatever made it so: the desktop's preference,
   * GTK_THEME=Adwaita:dark, or a high-contrast inverse theme. */
#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (GTK_WIDGET (self), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
#endif

  return 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue > 0.5;
}

static void
kz_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);

  if (self->dataset == NULL)
    return;

  kz_timeline_view_update_layout (self);
  /* Hairlines on whole device pixels, on HiDPI screens too */
  kz_timeline_renderer_set_scale (self->renderer, gtk_widget_get_scale_factor (widget));
  kz_timeline_renderer_snapshot (self->renderer, snapshot, self->layout,
                                 kz_timeline_palette_get (kz_timeline_view_is_dark (self)),
                                 KZ_TIMELINE_RENDER_DEFAULT);
}

static void
kz_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      double preferred = self->dataset != NULL
                         ? kz_timeline_layout_get_preferred_height (self->layout, LAYOUT_FLAGS)
                         : 0.0;

      /* Short windows scroll the lanes rather than refuse to shrink */
      *minimum = 200;
      *natural = MAX (*minimum, (int) ceil (preferred));
    }
}

static void
kz_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);

  /* Hit tests and gestures between now and the next frame see the new size */
  kz_timeline_view_update_layout (self);
}

/* Tooltips */

static char *
tooltip_for_hit (KzTimelineView      *self,
                 const KzTimelineHit *hit)
{
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  switch (hit->kind)
    {
    case KZ_TIMELINE_HIT_MARK:
      {
        const KzEventArea *entry = kz_event_find_area (hit->event, hit->area);
        g_autofree char *stage = NULL;

        when = kz_event_text_when (hit->event);
        title = g_markup_escape_text (kz_event_get_title (hit->event), -1);
        if (entry == NULL)
          return g_strdup_printf ("<b>%s</b>\n%s", title, when);

        /* Translators: an area and the stage one event reached in it, in a tooltip,
         * e.g. "Critical minerals: Mechanism" */
        stage = g_markup_printf_escaped (_("%s: %s"), kz_area_get_name (entry->area),
                                         kz_stage_get_label (entry->stage));
        if (entry->note != NULL && *entry->note != '\0')
          {
            g_autofree char *note = g_markup_escape_text (entry->note, -1);
            return g_strdup_printf ("<b>%s</b>\n%s\n%s\n<i>%s</i>", title, when, stage, note);
          }
        return g_strdup_printf ("<b>%s</b>\n%s\n%s", title, when, stage);
      }

    case KZ_TIMELINE_HIT_ROW_ITEM:
      {
        g_autofree char *kind = kz_event_text_kind (hit->event);
        g_autofree char *areas = kz_event_text_areas (hit->event);
        g_autofree char *escaped_areas = g_markup_escape_text (areas, -1);

        when = kz_event_text_when (hit->event);
        title = g_markup_escape_text (kz_event_get_title (hit->event), -1);
        if (kind != NULL)
          {
            g_autofree char *escaped_kind = g_markup_escape_text (kind, -1);
            return g_strdup_printf ("<b>%s</b>\n%s\n%s\n%s", title, when, escaped_kind,
                                    escaped_areas);
          }
        return g_strdup_printf ("<b>%s</b>\n%s\n%s", title, when, escaped_areas);
      }

    case KZ_TIMELINE_HIT_CLUSTER:
      {
        KzDate first = kz_date_from_day ((gint64) floor (hit->first_day));
        KzDate last = kz_date_from_day ((gint64) ceil (hit->last_day) - 1);
        g_autofree char *first_text = kz_date_format (&first);
        g_autofree char *last_text = kz_date_format (&last);

        /* Translators: a tooltip on a counted group of events too close to show apart */
        return g_markup_printf_escaped (ngettext ("%'u event, %s – %s\nClick to zoom in",
                                                  "%'u events, %s – %s\nClick to zoom in",
                                                  hit->count),
                                        hit->count, first_text, last_text);
      }

    case KZ_TIMELINE_HIT_LANE_LABEL:
      {
        const KzAreaStats *stats = kz_dataset_get_area_stats (self->dataset, hit->area);
        guint n_events = stats != NULL ? stats->n_events : 0;
        const char *description = kz_area_get_description (hit->area);
        g_autofree char *count = g_strdup_printf (ngettext ("%'u event", "%'u events", n_events),
                                                  n_events);

        title = g_markup_escape_text (kz_area_get_name (hit->area), -1);
        if (description != NULL && *description != '\0')
          {
            g_autofree char *escaped = g_markup_escape_text (description, -1);
            return g_strdup_printf ("<b>%s</b>\n%s\n%s", title, escaped, count);
          }
        return g_strdup_printf ("<b>%s</b>\n%s", title, count);
      }

    case KZ_TIMELINE_HIT_NONE:
    default:
      return NULL;
    }
}

static gboolean
kz_timeline_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  KzTimelineHit hit;
  g_autofree char *markup = NULL;

  if (self->dataset == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      g_autofree char *summary = NULL;

      if (self->selected == NULL)
        return FALSE;
      summary = kz_event_text_summary (self->selected);
      gtk_tooltip_set_text (tooltip, summary);
      return TRUE;
    }

  if (!kz_timeline_layout_hit_test (self->layout, x, y, &hit))
    return FALSE;

  markup = tooltip_for_hit (self, &hit);
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) floor (hit.bounds.x), (int) floor (hit.bounds.y),
                              (int) ceil (hit.bounds.width), (int) ceil (hit.bounds.height),
                            });
  return TRUE;
}

/* Gestures */

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  KzTimelineView  *self)
{
  kz_timeline_view_stop_kinetic (self);
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   KzTimelineView  *self)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (kz_timeline_view_click_at (self, n_press, x, y, state))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/**
 * kz_timeline_view_click_at:
 * @n_press: 1 for a click, 2 for a double click
 * @state: the modifiers held: with Control, a click on another event than the selected
 *   one asks to compare the two (::compare-requested) rather than select it
 *
 * What a click at (@x, @y) does: the click gesture's path, public so that tests and
 * assistive tools can take it.
 *
 * Returns: whether something was under the click
 */
gboolean
kz_timeline_view_click_at (KzTimelineView  *self,
                           int              n_press,
                           double           x,
                           double           y,
                           GdkModifierType  state)
{
  KzTimelineHit hit;

  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), FALSE);

  if (self->dataset == NULL)
    return FALSE;

  /* What is under the pointer now, even if the range moved since the last frame */
  kz_timeline_view_update_layout (self);
  if (!kz_timeline_layout_hit_test (self->layout, x, y, &hit))
    return FALSE;

  switch (hit.kind)
    {
    case KZ_TIMELINE_HIT_MARK:
    case KZ_TIMELINE_HIT_ROW_ITEM:
      if ((state & GDK_CONTROL_MASK) && self->selected != NULL && hit.event != self->selected)
        {
          g_signal_emit (self, signals[COMPARE_REQUESTED], 0, hit.event);
          break;
        }
      kz_timeline_view_set_selected_event (self, hit.event);
      if (n_press == 2)
        g_signal_emit (self, signals[EVENT_ACTIVATED], 0, hit.event);
      break;

    case KZ_TIMELINE_HIT_CLUSTER:
      {
        /* Open the cluster up: its events, with a little room either side */
        double span = MAX (hit.last_day - hit.first_day, KZ_TIMELINE_MIN_SPAN_DAYS);
        double margin = span * 0.15;

        kz_timeline_view_set_range_internal (self, hit.first_day - margin, hit.last_day + margin);
      }
      break;

    case KZ_TIMELINE_HIT_LANE_LABEL:
      g_signal_emit (self, signals[AREA_ACTIVATED], 0, hit.area);
      break;

    case KZ_TIMELINE_HIT_NONE:
    default:
      break;
    }

  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KzTimelineView *self)
{
  kz_timeline_view_stop_kinetic (self);
  self->gesture_start_day = self->start_day;
  self->gesture_end_day = self->end_day;
  self->gesture_scroll_y = self->scroll_y;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                KzTimelineView *self)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (self->layout);
  double span = self->gesture_end_day - self->gesture_start_day;
  double plot_width = g->plot_x1 - g->plot_x0;
  double days;

  if (self->dataset == NULL || plot_width < 1.0)
    return;

  /* Past the drag threshold, this is a pan, not a click */
  if (gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  days = -offset_x * span / plot_width;
  kz_timeline_view_set_range_internal (self,
                                       self->gesture_start_day + days,
                                       self->gesture_end_day + days);
  kz_timeline_view_set_scroll_y (self, self->gesture_scroll_y - offset_y);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             KzTimelineView *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               KzTimelineView   *self)
{
  double x, y;

  kz_timeline_view_stop_kinetic (self);
  self->gesture_start_day = self->start_day;
  self->gesture_end_day = self->end_day;

  /* Two fingers are a pinch, not two drags */
  if (gtk_gesture_is_active (gesture))
    gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);

  if (!gtk_gesture_is_active (gesture) || !gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  self->gesture_anchor_fraction = kz_timeline_view_x_to_fraction (self, x);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       KzTimelineView *self)
{
  double span = self->gesture_end_day - self->gesture_start_day;
  double fraction = self->gesture_anchor_fraction;
  double anchor = self->gesture_start_day + fraction * span;
  double new_span;

  if (scale <= 0.0)
    return;

  /* Around the centre of the fingers, from the range the pinch started on */
  new_span = span / scale;
  kz_timeline_view_set_range_internal (self,
                                       anchor - fraction * new_span,
                                       anchor + (1.0 - fraction) * new_span);
}

/* Pans by a scroll delta: x in time, y through the lanes when they overflow, else in time. */
static void
kz_timeline_view_scroll_by (KzTimelineView *self,
                            double          dx,
                            double          dy,
                            gboolean        wheel_units)
{
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (self->layout);
  double plot_width = g->plot_x1 - g->plot_x0;
  double time_px = dx;

  if (dy != 0.0)
    {
      if (kz_timeline_view_lanes_overflow (self))
        kz_timeline_view_set_scroll_y (self, self->scroll_y +
                                       (wheel_units ? dy * WHEEL_LANE_STEP * g->lane_height : dy));
      else
        time_px += dy;
    }

  if (time_px != 0.0)
    kz_timeline_view_pan_pixels (self, wheel_units ? time_px * WHEEL_PAN_STEP * plot_width
                                                   : time_px);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KzTimelineView           *self)
{
  GdkModifierType state;
  gboolean wheel_units;

  if (self->dataset == NULL)
    return FALSE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  wheel_units = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  kz_timeline_view_stop_kinetic (self);

  if (state & GDK_CONTROL_MASK)
    {
      /* Zoom around the pointer: up zooms in. Smooth deltas are pixels: scale them down */
      double steps = wheel_units ? dy : dy / 20.0;
      double fraction = self->has_pointer
                        ? kz_timeline_view_x_to_fraction (self, self->pointer_x)
                        : 0.5;

      kz_timeline_view_zoom_at_fraction (self, pow (SCROLL_ZOOM_STEP, -steps), fraction);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK)
    {
      double swap = dx;

      dx = dy;
      dy = swap;
    }

  kz_timeline_view_scroll_by (self, dx, dy, wheel_units);
  return TRUE;
}

static gboolean
kinetic_tick (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double dt = (now - self->kinetic_last_time) / (double) G_USEC_PER_SEC;
  double decay;

  self->kinetic_last_time = now;
  if (dt <= 0.0)
    return G_SOURCE_CONTINUE;

  kz_timeline_view_scroll_by (self, self->kinetic_vx * dt, self->kinetic_vy * dt, FALSE);

  decay = exp (-KINETIC_FRICTION * dt);
  self->kinetic_vx *= decay;
  self->kinetic_vy *= decay;

  if (hypot (self->kinetic_vx, self->kinetic_vy) < KINETIC_MIN_SPEED)
    {
      self->kinetic_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
on_scroll_decelerate (GtkEventControllerScroll *controller,
                      double                    vel_x,
                      double                    vel_y,
                      KzTimelineView           *self)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  kz_timeline_view_stop_kinetic (self);

  /* Kinetic panning only: a flick with Ctrl held does not keep zooming */
  if (self->dataset == NULL || (state & GDK_CONTROL_MASK) ||
      gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    return;

  if (state & GDK_SHIFT_MASK)
    {
      double swap = vel_x;

      vel_x = vel_y;
      vel_y = swap;
    }

  if (hypot (vel_x, vel_y) < KINETIC_MIN_SPEED)
    return;

  self->kinetic_vx = vel_x;
  self->kinetic_vy = vel_y;
  self->kinetic_last_time = g_get_monotonic_time ();
  self->kinetic_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick,
                                                        NULL, NULL);
}

static void
kz_timeline_view_stop_kinetic (KzTimelineView *self)
{
  if (self->kinetic_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick_id);
      self->kinetic_tick_id = 0;
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KzTimelineView           *self)
{
  KzTimelineHit hit;
  gboolean over_item;

  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;

  if (self->dataset == NULL)
    return;

  over_item = kz_timeline_layout_hit_test (self->layout, x, y, &hit) &&
              hit.kind != KZ_TIMELINE_HIT_NONE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over_item ? "pointer" : NULL);
}

static void
on_leave (GtkEventControllerMotion *controller,
          KzTimelineView           *self)
{
  self->has_pointer = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

/* Actions: one for each gesture, each with keys (see class_init) */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  double fraction = 0.5;
  double span = self->end_day - self->start_day;

  /* Around the selected event while it is in view, so it stays under the eye */
  if (self->selected != NULL && span > 0)
    {
      double at = (event_day (self->selected) - self->start_day) / span;

      if (at >= 0.0 && at <= 1.0)
        fraction = at;
    }

  kz_timeline_view_zoom_at_fraction (self, !g_strcmp0 (action_name, "timeline.zoom-out")
                                             ? 1.0 / ZOOM_STEP : ZOOM_STEP,
                                     fraction);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kz_timeline_view_zoom_fit (KZ_TIMELINE_VIEW (widget));
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  double step = (self->end_day - self->start_day) * PAN_STEP;

  if (g_str_equal (action_name, "timeline.pan-backward"))
    step = -step;

  kz_timeline_view_set_range_internal (self, self->start_day + step, self->end_day + step);
}

static void
scroll_lanes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  const KzTimelineGeometry *g = kz_timeline_layout_get_geometry (self->layout);
  int lanes = g_variant_get_int32 (parameter);

  /* A page is the visible height of the lanes, less one lane to keep the eye's place */
  if (ABS (lanes) > 1)
    lanes = (lanes > 0 ? 1 : -1) * MAX (1, (int) (g->lanes.height / MAX (g->lane_height, 1.0)) - 1);

  kz_timeline_view_set_scroll_y (self, self->scroll_y + lanes * g->lane_height);
}

static KzEvent *
kz_timeline_view_first_in_view (KzTimelineView *self,
                                int             direction)
{
  guint n_events = self->dataset != NULL ? kz_dataset_get_n_events (self->dataset) : 0;

  for (guint i = 0; i < n_events; i++)
    {
      KzEvent *event = kz_dataset_get_event (self->dataset, direction > 0 ? i : n_events - 1 - i);
      double day = event_day (event);

      if (day >= self->start_day && day <= self->end_day && kz_timeline_view_is_shown (self, event))
        return event;
    }

  return kz_timeline_view_find_event (self, NULL, direction);
}

static void
step_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  int direction = g_str_equal (action_name, "timeline.previous-event") ? -1 : +1;
  KzEvent *event;

  /* Without a selection, start from what is in view */
  if (self->selected == NULL)
    event = kz_timeline_view_first_in_view (self, direction);
  else
    event = kz_timeline_view_find_event (self, self->selected, direction);

  kz_timeline_view_select_and_reveal (self, event);
}

static void
end_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  int direction = g_str_equal (action_name, "timeline.first-event") ? +1 : -1;

  kz_timeline_view_select_and_reveal (self, kz_timeline_view_find_event (self, NULL, direction));
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  kz_timeline_view_set_selected_event (KZ_TIMELINE_VIEW (widget), NULL);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);

  if (self->selected == NULL)
    {
      kz_timeline_view_select_and_reveal (self, kz_timeline_view_first_in_view (self, +1));
      return;
    }

  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, self->selected);
}

static void
step_match_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  int direction = g_str_equal (action_name, "timeline.previous-match") ? -1 : +1;
  guint n_events;
  guint start = 0;

  if (self->dataset == NULL || self->folded_search == NULL || self->n_matches == 0)
    return;

  n_events = kz_dataset_get_n_events (self->dataset);
  if (self->selected != NULL &&
      kz_dataset_get_event_position (self->dataset, self->selected, &start))
    start = (start + n_events + direction) % n_events;
  else
    start = direction > 0 ? 0 : n_events - 1;

  /* From the selection onwards, round the end and back to the start */
  for (guint i = 0; i < n_events; i++)
    {
      gint64 offset = direction > 0 ? (gint64) i : -(gint64) i;
      guint position = (guint) (((gint64) start + n_events + offset) % n_events);
      if (kz_timeline_view_is_match (self, position))
        {
          kz_timeline_view_select_and_reveal (self, kz_dataset_get_event (self->dataset, position));
          return;
        }
    }
}

/* GObject */

static void
kz_timeline_view_dispose (GObject *object)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (object);
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));

  kz_timeline_view_stop_kinetic (self);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_signal_handler (&self->font_handler, settings);
  g_clear_signal_handler (&self->dpi_handler, settings);

  g_clear_object (&self->dataset);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->layout, kz_timeline_layout_free);
  g_clear_pointer (&self->renderer, kz_timeline_renderer_free);
  g_clear_pointer (&self->visible_areas, g_ptr_array_unref);

  G_OBJECT_CLASS (kz_timeline_view_parent_class)->dispose (object);
}

static void
kz_timeline_view_finalize (GObject *object)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (object);

  g_clear_pointer (&self->hidden_area_set, g_hash_table_unref);
  g_clear_pointer (&self->hidden_kind_set, g_hash_table_unref);
  g_strfreev (self->hidden_areas);
  g_strfreev (self->hidden_kinds);
  g_free (self->search_text);
  g_free (self->folded_search);
  g_free (self->match_bytes);

  G_OBJECT_CLASS (kz_timeline_view_parent_class)->finalize (object);
}

static void
kz_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected);
      break;
    case PROP_VISIBLE_START:
      g_value_set_double (value, self->start_day);
      break;
    case PROP_VISIBLE_END:
      g_value_set_double (value, self->end_day);
      break;
    case PROP_HIDDEN_AREAS:
      g_value_set_boxed (value, kz_timeline_view_get_hidden_areas (self));
      break;
    case PROP_HIDDEN_KINDS:
      g_value_set_boxed (value, kz_timeline_view_get_hidden_kinds (self));
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      kz_timeline_view_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_EVENT:
      kz_timeline_view_set_selected_event (self, g_value_get_object (value));
      break;
    case PROP_VISIBLE_START:
      kz_timeline_view_set_range_internal (self, g_value_get_double (value), self->end_day);
      break;
    case PROP_VISIBLE_END:
      kz_timeline_view_set_range_internal (self, self->start_day, g_value_get_double (value));
      break;
    case PROP_HIDDEN_AREAS:
      kz_timeline_view_set_hidden_areas (self, g_value_get_boxed (value));
      break;
    case PROP_HIDDEN_KINDS:
      kz_timeline_view_set_hidden_kinds (self, g_value_get_boxed (value));
      break;
    case PROP_SEARCH_TEXT:
      kz_timeline_view_set_search_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_timeline_view_root (GtkWidget *widget)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  GtkSettings *settings;

  GTK_WIDGET_CLASS (kz_timeline_view_parent_class)->root (widget);

  /* Label widths were measured with the old font */
  settings = gtk_widget_get_settings (widget);
  self->font_handler = g_signal_connect_swapped (settings, "notify::gtk-font-name",
                                                 G_CALLBACK (on_font_changed), self);
  self->dpi_handler = g_signal_connect_swapped (settings, "notify::gtk-xft-dpi",
                                                G_CALLBACK (on_font_changed), self);
}

static void
kz_timeline_view_unroot (GtkWidget *widget)
{
  KzTimelineView *self = KZ_TIMELINE_VIEW (widget);
  GtkSettings *settings = gtk_widget_get_settings (widget);

  g_clear_signal_handler (&self->font_handler, settings);
  g_clear_signal_handler (&self->dpi_handler, settings);

  GTK_WIDGET_CLASS (kz_timeline_view_parent_class)->unroot (widget);
}

static void
kz_timeline_view_class_init (KzTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_timeline_view_dispose;
  object_class->finalize = kz_timeline_view_finalize;
  object_class->get_property = kz_timeline_view_get_property;
  object_class->set_property = kz_timeline_view_set_property;

  widget_class->snapshot = kz_timeline_view_snapshot;
  widget_class->measure = kz_timeline_view_measure;
  widget_class->size_allocate = kz_timeline_view_size_allocate;
  widget_class->query_tooltip = kz_timeline_view_query_tooltip;
  widget_class->root = kz_timeline_view_root;
  widget_class->unroot = kz_timeline_view_unroot;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         KZ_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL,
                         KZ_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The visible range in day numbers; the end is exclusive. */
  properties[PROP_VISIBLE_START] =
    g_param_spec_double ("visible-start", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VISIBLE_END] =
    g_param_spec_double ("visible-end", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Ids of the areas whose lanes are hidden; ids the dataset lacks are kept and ignored. */
  properties[PROP_HIDDEN_AREAS] =
    g_param_spec_boxed ("hidden-areas", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Ids of the kinds whose events are hidden. */
  properties[PROP_HIDDEN_KINDS] =
    g_param_spec_boxed ("hidden-kinds", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Events that do not contain this text are dimmed; NULL or "" for no search. */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How many shown events match the search text. */
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KzTimelineView::event-activated:
   * @event: the selected event
   *
   * Enter on the selected event, or a double click on one: the user wants to read it.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KZ_TYPE_EVENT);

  /**
   * KzTimelineView::area-activated:
   * @area: the area whose lane label was clicked
   *
   * The user wants the area's story.
   */
  signals[AREA_ACTIVATED] =
    g_signal_new ("area-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KZ_TYPE_AREA);

  /**
   * KzTimelineView::compare-requested:
   * @other: the event Ctrl+clicked
   *
   * With an event selected, Ctrl+click on another: the user wants to compare the two.
   */
  signals[COMPARE_REQUESTED] =
    g_signal_new ("compare-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KZ_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan-backward", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan-forward", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-lanes", "i", scroll_lanes_action);
  gtk_widget_class_install_action (widget_class, "timeline.previous-event", NULL, step_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.next-event", NULL, step_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.first-event", NULL, end_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.last-event", NULL, end_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-selection", NULL,
                                   clear_selection_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.previous-match", NULL,
                                   step_match_action);
  gtk_widget_class_install_action (widget_class, "timeline.next-match", NULL, step_match_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.zoom-fit", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.pan-backward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "timeline.pan-backward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.pan-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "timeline.pan-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.scroll-lanes", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.scroll-lanes", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.scroll-lanes", "i", -1000);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.scroll-lanes", "i", 1000);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.previous-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "timeline.previous-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.next-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "timeline.next-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.first-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.last-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.clear-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kz_timeline_view_init (KzTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->layout = kz_timeline_layout_new ();
  /* Labels are measured with the widget's own fonts, as they will be drawn */
  self->renderer = kz_timeline_renderer_new (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  kz_timeline_renderer_attach (self->renderer, self->layout);
  self->start_day = 0.0;
  self->end_day = 1.0;
  self->hidden_area_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->hidden_kind_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->visible_areas = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  g_signal_connect (controller, "decelerate", G_CALLBACK (on_scroll_decelerate), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  kz_timeline_view_update_accessible (self);
}

/* Public API */

GtkWidget *
kz_timeline_view_new (void)
{
  return g_object_new (KZ_TYPE_TIMELINE_VIEW, NULL);
}

KzDataset *
kz_timeline_view_get_dataset (KzTimelineView *self)
{
  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), NULL);

  return self->dataset;
}

/* Shows dataset, whole: the range fits it, the selection and the lane scroll reset; the
 * hidden areas and kinds and the search text stay. */
static void
kz_timeline_view_set_dataset_full (KzTimelineView   *self,
                                   KzDataset        *dataset,
                                   KzTimelineLayout *prepared)
{
  double start_day, end_day;

  if (self->dataset == dataset)
    {
      g_clear_pointer (&prepared, kz_timeline_layout_free);
      return;
    }

  kz_timeline_view_stop_kinetic (self);
  kz_timeline_view_set_selected_event (self, NULL);
  g_set_object (&self->dataset, dataset);

  /* The old matches were positions in the old dataset */
  g_clear_pointer (&self->match_bytes, g_free);
  if (prepared != NULL)
    {
      g_clear_pointer (&self->layout, kz_timeline_layout_free);
      self->layout = prepared;
      kz_timeline_renderer_attach (self->renderer, self->layout);
    }
  else
    kz_timeline_layout_set_dataset (self->layout, dataset);
  kz_timeline_view_apply_filters (self);
  kz_timeline_view_start_search (self);

  self->scroll_y = 0.0;
  kz_timeline_layout_get_full_range (self->layout, &start_day, &end_day);
  kz_timeline_view_set_range_internal (self, start_day, end_day);

  kz_timeline_view_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

void
kz_timeline_view_set_dataset (KzTimelineView *self,
                              KzDataset      *dataset)
{
  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));

  kz_timeline_view_set_dataset_full (self, dataset, NULL);
}

/**
 * kz_timeline_view_set_dataset_with_layout:
 * @layout: (transfer full): a new layout on which kz_timeline_layout_set_dataset (layout,
 *   dataset) has already run
 *
 * As kz_timeline_view_set_dataset(), with the layout's index of the dataset built
 * elsewhere: a window loading a large file builds it on the loading thread, so the switch
 * to the new dataset does not stall the main loop.
 */
void
kz_timeline_view_set_dataset_with_layout (KzTimelineView   *self,
                                          KzDataset        *dataset,
                                          KzTimelineLayout *layout)
{
  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));
  g_return_if_fail (KZ_IS_DATASET (dataset));
  g_return_if_fail (layout != NULL && kz_timeline_layout_get_dataset (layout) == dataset);

  kz_timeline_view_set_dataset_full (self, dataset, layout);
}

KzEvent *
kz_timeline_view_get_selected_event (KzTimelineView *self)
{
  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), NULL);

  return self->selected;
}

void
kz_timeline_view_set_selected_event (KzTimelineView *self,
                                     KzEvent        *event)
{
  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));
  g_return_if_fail (event == NULL || KZ_IS_EVENT (event));

  if (event != NULL &&
      (self->dataset == NULL || !kz_dataset_get_event_position (self->dataset, event, NULL)))
    {
      g_critical ("%s: the event is not in the timeline's dataset", G_STRFUNC);
      return;
    }

  if (!g_set_object (&self->selected, event))
    return;

  kz_timeline_layout_set_selected (self->layout, event);
  kz_timeline_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

double
kz_timeline_view_get_visible_start (KzTimelineView *self)
{
  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), 0.0);

  return self->start_day;
}

double
kz_timeline_view_get_visible_end (KzTimelineView *self)
{
  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), 0.0);

  return self->end_day;
}

/* Shows days start_day to end_day (exclusive), within the limits of the layout: no closer
 * than KZ_TIMELINE_MIN_SPAN_DAYS and no further out than the whole dataset. */
void
kz_timeline_view_set_visible_range (KzTimelineView *self,
                                    double          start_day,
                                    double          end_day)
{
  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));
  g_return_if_fail (end_day > start_day);

  kz_timeline_view_set_range_internal (self, start_day, end_day);
}

void
kz_timeline_view_zoom_fit (KzTimelineView *self)
{
  double start_day, end_day;

  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));

  kz_timeline_layout_get_full_range (self->layout, &start_day, &end_day);
  kz_timeline_view_set_range_internal (self, start_day, end_day);
}

/* Zooms in by factor (> 1) or out (< 1), keeping anchor_day where it is on screen. */
void
kz_timeline_view_zoom (KzTimelineView *self,
                       double          factor,
                       double          anchor_day)
{
  double span;

  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0.0);

  span = self->end_day - self->start_day;
  kz_timeline_view_zoom_at_fraction (self, factor, (anchor_day - self->start_day) / span);
}

const char * const *
kz_timeline_view_get_hidden_areas (KzTimelineView *self)
{
  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), NULL);

  return self->hidden_areas != NULL ? (const char * const *) self->hidden_areas : empty_strv;
}

void
kz_timeline_view_set_hidden_areas (KzTimelineView     *self,
                                   const char * const *area_ids)
{
  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));

  if (area_ids == NULL)
    area_ids = empty_strv;
  if (g_strv_equal (kz_timeline_view_get_hidden_areas (self), area_ids))
    return;

  g_strfreev (self->hidden_areas);
  self->hidden_areas = g_strdupv ((char **) area_ids);
  rebuild_set (self->hidden_area_set, self->hidden_areas);
  kz_timeline_view_apply_filters (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_AREAS]);
}

const char * const *
kz_timeline_view_get_hidden_kinds (KzTimelineView *self)
{
  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), NULL);

  return self->hidden_kinds != NULL ? (const char * const *) self->hidden_kinds : empty_strv;
}

void
kz_timeline_view_set_hidden_kinds (KzTimelineView     *self,
                                   const char * const *kind_ids)
{
  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));

  if (kind_ids == NULL)
    kind_ids = empty_strv;
  if (g_strv_equal (kz_timeline_view_get_hidden_kinds (self), kind_ids))
    return;

  g_strfreev (self->hidden_kinds);
  self->hidden_kinds = g_strdupv ((char **) kind_ids);
  rebuild_set (self->hidden_kind_set, self->hidden_kinds);
  kz_timeline_view_apply_filters (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_KINDS]);
}

const char *
kz_timeline_view_get_search_text (KzTimelineView *self)
{
  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), NULL);

  return self->search_text;
}

void
kz_timeline_view_set_search_text (KzTimelineView *self,
                                  const char     *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));

  /* Spaces around the text are not meant; no text is no search */
  if (text != NULL)
    {
      stripped = g_strstrip (g_strdup (text));
      if (*stripped == '\0')
        g_clear_pointer (&stripped, g_free);
    }

  if (g_strcmp0 (self->search_text, stripped) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_steal_pointer (&stripped);
  g_clear_pointer (&self->folded_search, g_free);
  if (self->search_text != NULL)
    self->folded_search = g_utf8_casefold (self->search_text, -1);

  kz_timeline_view_start_search (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

guint
kz_timeline_view_get_n_matches (KzTimelineView *self)
{
  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), 0);

  return self->n_matches;
}

/**
 * kz_timeline_view_get_visible_areas:
 *
 * Returns: (transfer container) (element-type KzArea): the areas with a lane, in order
 */
GPtrArray *
kz_timeline_view_get_visible_areas (KzTimelineView *self)
{
  GPtrArray *areas;

  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), NULL);

  areas = g_ptr_array_new_full (self->visible_areas->len, g_object_unref);
  for (guint i = 0; i < self->visible_areas->len; i++)
    g_ptr_array_add (areas, g_object_ref (g_ptr_array_index (self->visible_areas, i)));

  return areas;
}

KzEvent *
kz_timeline_view_find_event (KzTimelineView *self,
                             KzEvent        *from,
                             int             direction)
{
  guint n_events;
  guint position;

  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), NULL);
  g_return_val_if_fail (from == NULL || KZ_IS_EVENT (from), NULL);

  if (self->dataset == NULL || direction == 0)
    return NULL;

  n_events = kz_dataset_get_n_events (self->dataset);
  if (n_events == 0)
    return NULL;

  if (from == NULL)
    position = direction > 0 ? 0 : n_events - 1;
  else if (!kz_dataset_get_event_position (self->dataset, from, &position))
    return NULL;
  else if (direction > 0 ? position + 1 >= n_events : position == 0)
    return NULL;
  else
    position = direction > 0 ? position + 1 : position - 1;

  for (;;)
    {
      KzEvent *event = kz_dataset_get_event (self->dataset, position);

      if (kz_timeline_view_is_shown (self, event))
        return event;

      if (direction > 0 ? position + 1 >= n_events : position == 0)
        return NULL;
      position = direction > 0 ? position + 1 : position - 1;
    }
}

/* Selects event and scrolls the range, keeping its span, so that it is in view. */
void
kz_timeline_view_reveal_event (KzTimelineView *self,
                               KzEvent        *event)
{
  g_return_if_fail (KZ_IS_TIMELINE_VIEW (self));
  g_return_if_fail (KZ_IS_EVENT (event));

  kz_timeline_view_select_and_reveal (self, event);
}

gboolean
kz_timeline_view_get_event_point (KzTimelineView *self,
                                  KzEvent        *event,
                                  double         *out_x,
                                  double         *out_y)
{
  const KzTimelineRowItem *items;
  guint n_items;

  g_return_val_if_fail (KZ_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (KZ_IS_EVENT (event), FALSE);

  if (self->dataset == NULL)
    return FALSE;

  kz_timeline_view_update_layout (self);
  items = kz_timeline_layout_get_row_items (self->layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    if (items[i].event == event)
      {
        if (out_x != NULL)
          *out_x = items[i].x;
        if (out_y != NULL)
          *out_y = items[i].y;
        return TRUE;
      }

  return FALSE;
}
