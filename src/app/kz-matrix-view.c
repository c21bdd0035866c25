/* kz-matrix-view.c — the matrix widget: areas × the events of one kind, shaded by stage
 *
 * The widget keeps the view state (dataset, kind, hidden areas, selection, the focused
 * cell), hands it to the pure matrix layout (src/timeline) and draws with the matrix
 * renderer that export uses too. Every pointer action has a key:
 *
 *   pointer                               keys
 *   click a cell: select its event        arrows move between cells (Left and Right select
 *                                         the column's event), Home, End
 *   double-click: read it                 Enter reads it in the detail pane
 *   click an area's name: its story       Escape clears the selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-matrix-view"

#include <math.h>

#include <glib/gi18n.h>

#include "kz-matrix-layout.h"
#include "kz-matrix-renderer.h"
#include "kz-timeline-palette.h"

#include "kz-event-text.h"
#include "kz-matrix-view.h"

#define LAYOUT_FLAGS KZ_TIMELINE_LAYOUT_LEGEND

struct _KzMatrixView
{
  GtkWidget         parent_instance;

  KzDataset        *dataset;
  KzKind           *kind;
  KzEvent          *selected;
  char            **hidden_areas;

  KzMatrixLayout   *layout;
  KzMatrixRenderer *renderer;
  int               focus_row;      /* -1 until the keyboard or a click puts it somewhere */
  int               focus_column;

  gulong            font_handler;
  gulong            dpi_handler;
  gboolean          accessible_stale;   /* described when next mapped */

  /* In a scrolled window only the columns in view are drawn, so scrolling redraws. */
  GtkAdjustment    *hadjustment;
  gulong            scroll_handler;
};

G_DEFINE_FINAL_TYPE (KzMatrixView, kz_matrix_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_KIND,
  PROP_SELECTED_EVENT,
  PROP_HIDDEN_AREAS,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  AREA_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const empty_strv[] = { NULL };

/* Layout */

static void
kz_matrix_view_update_layout (KzMatrixView *self)
{
  KzMatrixViewport view = { 0 };

  view.width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  view.height = MAX (1, gtk_widget_get_height (GTK_WIDGET (self)));
  view.flags = LAYOUT_FLAGS;
  kz_matrix_layout_update (self->layout, &view);
}

static void
kz_matrix_view_apply_areas (KzMatrixView *self)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->dataset != NULL)
    {
      GListModel *model = kz_dataset_get_areas (self->dataset);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(KzArea) area = g_list_model_get_item (model, i);

          if (self->hidden_areas == NULL ||
              !g_strv_contains ((const char * const *) self->hidden_areas, kz_area_get_id (area)))
            g_ptr_array_add (areas, g_steal_pointer (&area));
        }
    }

  kz_matrix_layout_set_areas (self->layout, (KzArea * const *) areas->pdata, areas->len);
}

static guint
kz_matrix_view_n_rows (KzMatrixView *self)
{
  guint n = 0;

  kz_matrix_layout_get_rows (self->layout, &n);
  return n;
}

static guint
kz_matrix_view_n_columns (KzMatrixView *self)
{
  guint n = 0;

  kz_matrix_layout_get_columns (self->layout, &n);
  return n;
}

/* Accessibility */

static char *
describe_cell (KzMatrixView *self,
               guint         row,
               guint         column)
{
  const KzMatrixRow *rows = kz_matrix_layout_get_rows (self->layout, NULL);
  const KzMatrixColumn *columns = kz_matrix_layout_get_columns (self->layout, NULL);
  const KzMatrixCell *cell = kz_matrix_layout_get_cell (self->layout, row, column);
  g_autofree char *when = kz_event_text_when (columns[column].event);
  const char *area = kz_area_get_name (rows[row].area);
  const char *title = kz_event_get_title (columns[column].event);

  if (cell->entry == NULL)
    /* Translators: a matrix cell for a screen reader: area, event, date */
    return g_strdup_printf (_("%s at %s, %s: not raised"), area, title, when);

  if (cell->entry->note != NULL && *cell->entry->note != '\0')
    /* Translators: a matrix cell for a screen reader: area, event, date, stage, note */
    return g_strdup_printf (_("%s at %s, %s: %s. %s"), area, title, when,
                            kz_stage_get_label (cell->stage), cell->entry->note);

  /* Translators: a matrix cell for a screen reader: area, event, date, stage */
  return g_strdup_printf (_("%s at %s, %s: %s"), area, title, when, kz_stage_get_label (cell->stage));
}

static void
kz_matrix_view_update_accessible (KzMatrixView *self)
{
  g_autofree char *description = NULL;
  guint n_rows, n_columns;

  /* Counting the columns lays the matrix out: a hidden matrix of a million events would
   * stall the window each time a dataset opens. It is described when it shows. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->accessible_stale = TRUE;
      return;
    }
  self->accessible_stale = FALSE;
  n_rows = kz_matrix_view_n_rows (self);
  n_columns = kz_matrix_view_n_columns (self);

  if (self->dataset == NULL)
    description = g_strdup (_("No dataset open"));
  else if (self->kind == NULL || n_columns == 0)
    description = g_strdup (_("No events of this kind"));
  else if (self->focus_row >= 0 && (guint) self->focus_row < n_rows &&
           self->focus_column >= 0 && (guint) self->focus_column < n_columns)
    description = describe_cell (self, self->focus_row, self->focus_column);
  else
    {
      g_autofree char *events = g_strdup_printf (ngettext ("%'u event", "%'u events", n_columns),
                                                 n_columns);
      g_autofree char *areas = g_strdup_printf (ngettext ("%u area", "%u areas", n_rows), n_rows);

      /* Translators: the matrix's description before a cell has the focus: the kind, then
       * "14 events", then "16 areas" */
      description = g_strdup_printf (_("%s: %s across %s. Use the arrow keys to move between cells."),
                                     kz_kind_get_name (self->kind), events, areas);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Focus and selection */

/* In a scrolled window (the matrix pane's), brings the focused cell into view. */
static void
kz_matrix_view_scroll_to_focus (KzMatrixView *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustments[2];
  KzTimelineRect rect;
  double starts[2], ends[2];

  if (scrolled == NULL || self->focus_row < 0 || self->focus_column < 0 ||
      (guint) self->focus_row >= kz_matrix_view_n_rows (self) ||
      (guint) self->focus_column >= kz_matrix_view_n_columns (self))
    return;

  /* The viewport shows the view from its origin: the view's coordinates are the content's */
  rect = kz_matrix_layout_get_cell_rect (self->layout, self->focus_row, self->focus_column);
  adjustments[0] = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  adjustments[1] = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  starts[0] = rect.x - rect.width;
  ends[0] = rect.x + 2 * rect.width;
  starts[1] = rect.y - rect.height;
  ends[1] = rect.y + 2 * rect.height;

  for (guint i = 0; i < 2; i++)
    {
      double value = gtk_adjustment_get_value (adjustments[i]);
      double page = gtk_adjustment_get_page_size (adjustments[i]);

      if (starts[i] < value)
        gtk_adjustment_set_value (adjustments[i], starts[i]);
      else if (ends[i] > value + page)
        gtk_adjustment_set_value (adjustments[i], ends[i] - page);
    }
}

static void
kz_matrix_view_set_focus_cell (KzMatrixView *self,
                               int           row,
                               int           column)
{
  if (self->focus_row == row && self->focus_column == column)
    return;

  self->focus_row = row;
  self->focus_column = column;
  kz_matrix_view_update_accessible (self);
  kz_matrix_view_scroll_to_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
kz_matrix_view_select_column (KzMatrixView *self,
                              guint         column)
{
  const KzMatrixColumn *columns;
  guint n_columns;

  columns = kz_matrix_layout_get_columns (self->layout, &n_columns);
  if (column < n_columns)
    kz_matrix_view_set_selected_event (self, columns[column].event);
}

/* Drawing */

static gboolean
kz_matrix_view_is_dark (KzMatrixView *self)
{
  GdkRGBA color;

  /* Light text means a dark background, as the timeline decides. */
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
kz_matrix_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (widget);
  gboolean focused = gtk_widget_has_focus (widget);

  if (self->dataset == NULL)
    return;

  kz_matrix_view_update_layout (self);
  kz_matrix_renderer_set_scale (self->renderer, gtk_widget_get_scale_factor (widget));
  if (self->hadjustment != NULL)
    kz_matrix_renderer_set_visible (self->renderer, gtk_adjustment_get_value (self->hadjustment),
                                    gtk_adjustment_get_value (self->hadjustment) +
                                    gtk_adjustment_get_page_size (self->hadjustment));
  else
    kz_matrix_renderer_unset_visible (self->renderer);
  kz_matrix_renderer_set_focus (self->renderer,
                                focused ? self->focus_row : -1,
                                focused ? self->focus_column : -1);
  kz_matrix_renderer_snapshot (self->renderer, snapshot, self->layout,
                               kz_timeline_palette_get (kz_matrix_view_is_dark (self)),
                               KZ_TIMELINE_RENDER_DEFAULT);
}

static void
kz_matrix_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (widget);
  double min_w = 0, nat_w = 0, min_h = 0, nat_h = 0;

  if (self->dataset != NULL)
    kz_matrix_layout_get_preferred_size (self->layout, LAYOUT_FLAGS, &min_w, &nat_w, &min_h, &nat_h);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (min_w);
      *natural = MAX (*minimum, (int) ceil (nat_w));
    }
  else
    {
      *minimum = (int) ceil (min_h);
      *natural = MAX (*minimum, (int) ceil (nat_h));
    }
}

static void
kz_matrix_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  /* Hit tests before the next frame see the new size */
  kz_matrix_view_update_layout (KZ_MATRIX_VIEW (widget));
}

static void
on_font_changed (KzMatrixView *self)
{
  kz_matrix_renderer_set_context (self->renderer, gtk_widget_get_pango_context (GTK_WIDGET (self)));
  kz_matrix_layout_invalidate_text (self->layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Tooltips */

static char *
tooltip_for_hit (KzMatrixView      *self,
                 const KzMatrixHit *hit)
{
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;

  switch (hit->kind)
    {
    case KZ_MATRIX_HIT_CELL:
      {
        g_autofree char *stage = NULL;

        title = g_markup_escape_text (kz_event_get_title (hit->event), -1);
        when = kz_event_text_when (hit->event);
        if (hit->cell->entry == NULL)
          /* Translators: a matrix cell's tooltip when the event did not touch the area */
          stage = g_markup_printf_escaped (_("%s: not raised"), kz_area_get_name (hit->area));
        else
          /* Translators: an area and the stage one event reached in it, in a tooltip */
          stage = g_markup_printf_escaped (_("%s: %s"), kz_area_get_name (hit->area),
                                           kz_stage_get_label (hit->cell->stage));

        if (hit->cell->entry != NULL && hit->cell->entry->note != NULL &&
            *hit->cell->entry->note != '\0')
          {
            g_autofree char *note = g_markup_escape_text (hit->cell->entry->note, -1);
            return g_strdup_printf ("<b>%s</b>\n%s\n%s\n<i>%s</i>", title, when, stage, note);
          }
        return g_strdup_printf ("<b>%s</b>\n%s\n%s", title, when, stage);
      }

    case KZ_MATRIX_HIT_COLUMN:
      title = g_markup_escape_text (kz_event_get_title (hit->event), -1);
      when = kz_event_text_when (hit->event);
      return g_strdup_printf ("<b>%s</b>\n%s", title, when);

    case KZ_MATRIX_HIT_ROW:
      {
        const KzMatrixRow *rows = kz_matrix_layout_get_rows (self->layout, NULL);
        guint n_columns = kz_matrix_view_n_columns (self);
        g_autofree char *count = NULL;

        title = g_markup_escape_text (kz_area_get_name (hit->area), -1);
        /* Translators: how many of the matrix's events touch an area, e.g. "In 9 of 14 events" */
        count = g_markup_printf_escaped (ngettext ("In %'u of %'u event", "In %'u of %'u events", n_columns),
                                         rows[hit->row].n_touched, n_columns);
        return g_strdup_printf ("<b>%s</b>\n%s\n%s", title, count, _("Click to read its story"));
      }

    case KZ_MATRIX_HIT_NONE:
    default:
      return NULL;
    }
}

static gboolean
kz_matrix_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (widget);
  g_autofree char *markup = NULL;
  KzMatrixHit hit;

  if (self->dataset == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      if (self->focus_row < 0 || self->focus_column < 0 ||
          (guint) self->focus_row >= kz_matrix_view_n_rows (self) ||
          (guint) self->focus_column >= kz_matrix_view_n_columns (self))
        return FALSE;
      markup = describe_cell (self, self->focus_row, self->focus_column);
      gtk_tooltip_set_text (tooltip, markup);
      return TRUE;
    }

  if (!kz_matrix_layout_hit_test (self->layout, x, y, &hit))
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

/* Pointer */

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  KzMatrixView    *self)
{
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   KzMatrixView    *self)
{
  KzMatrixHit hit;

  if (self->dataset == NULL)
    return;

  kz_matrix_view_update_layout (self);
  if (!kz_matrix_layout_hit_test (self->layout, x, y, &hit))
    return;

  switch (hit.kind)
    {
    case KZ_MATRIX_HIT_CELL:
      kz_matrix_view_set_focus_cell (self, hit.row, hit.column);
      kz_matrix_view_set_selected_event (self, hit.event);
      if (n_press == 2)
        g_signal_emit (self, signals[EVENT_ACTIVATED], 0, hit.event);
      break;

    case KZ_MATRIX_HIT_COLUMN:
      kz_matrix_view_set_focus_cell (self, MAX (self->focus_row, 0), hit.column);
      kz_matrix_view_set_selected_event (self, hit.event);
      break;

    case KZ_MATRIX_HIT_ROW:
      kz_matrix_view_set_focus_cell (self, hit.row, MAX (self->focus_column, 0));
      g_signal_emit (self, signals[AREA_ACTIVATED], 0, hit.area);
      break;

    case KZ_MATRIX_HIT_NONE:
    default:
      break;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KzMatrixView             *self)
{
  KzMatrixHit hit;
  gboolean over = self->dataset != NULL &&
                  kz_matrix_layout_hit_test (self->layout, x, y, &hit);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over ? "pointer" : NULL);
}

/* Keys */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (widget);
  guint n_rows = kz_matrix_view_n_rows (self);
  guint n_columns = kz_matrix_view_n_columns (self);
  int dx, dy, row, column;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  if (n_rows == 0 || n_columns == 0)
    return;

  row = self->focus_row;
  column = self->focus_column;
  if (row < 0 || column < 0 || (guint) row >= n_rows || (guint) column >= n_columns)
    {
      /* The first key lands on the selected event's column, or the first; it does not move. */
      int selected = self->selected != NULL ? kz_matrix_layout_find_column (self->layout, self->selected) : -1;

      row = 0;
      column = selected >= 0 ? selected : 0;
      dx = dy = 0;
    }

  row = CLAMP (row + dy, 0, (int) n_rows - 1);
  column = CLAMP (column + dx, 0, (int) n_columns - 1);
  kz_matrix_view_set_focus_cell (self, row, column);
  kz_matrix_view_select_column (self, column);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (widget);

  if (self->selected == NULL)
    {
      gtk_widget_activate_action (widget, "matrix.move", "(ii)", 0, 0);
      return;
    }

  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, self->selected);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  kz_matrix_view_set_selected_event (KZ_MATRIX_VIEW (widget), NULL);
}

/* GtkWidget */

static void
kz_matrix_view_root (GtkWidget *widget)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (widget);
  GtkSettings *settings;
  GtkWidget *scrolled;

  GTK_WIDGET_CLASS (kz_matrix_view_parent_class)->root (widget);

  settings = gtk_widget_get_settings (widget);
  self->font_handler = g_signal_connect_swapped (settings, "notify::gtk-font-name",
                                                 G_CALLBACK (on_font_changed), self);
  self->dpi_handler = g_signal_connect_swapped (settings, "notify::gtk-xft-dpi",
                                                G_CALLBACK (on_font_changed), self);

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      self->hadjustment = g_object_ref (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)));
      self->scroll_handler = g_signal_connect_swapped (self->hadjustment, "value-changed",
                                                       G_CALLBACK (gtk_widget_queue_draw), self);
    }
}

static void
kz_matrix_view_unroot (GtkWidget *widget)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (widget);
  GtkSettings *settings = gtk_widget_get_settings (widget);

  g_clear_signal_handler (&self->font_handler, settings);
  g_clear_signal_handler (&self->dpi_handler, settings);
  if (self->hadjustment != NULL)
    g_clear_signal_handler (&self->scroll_handler, self->hadjustment);
  g_clear_object (&self->hadjustment);

  GTK_WIDGET_CLASS (kz_matrix_view_parent_class)->unroot (widget);
}

static void
on_focus_changed (KzMatrixView *self)
{
  /* The focus ring shows only while the keyboard is here */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
kz_matrix_view_dispose (GObject *object)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->kind);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->layout, kz_matrix_layout_free);
  g_clear_pointer (&self->renderer, kz_matrix_renderer_free);

  G_OBJECT_CLASS (kz_matrix_view_parent_class)->dispose (object);
}

static void
kz_matrix_view_finalize (GObject *object)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (object);

  g_strfreev (self->hidden_areas);

  G_OBJECT_CLASS (kz_matrix_view_parent_class)->finalize (object);
}

static void
kz_matrix_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_KIND:
      g_value_set_object (value, self->kind);
      break;
    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected);
      break;
    case PROP_HIDDEN_AREAS:
      g_value_set_boxed (value, kz_matrix_view_get_hidden_areas (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_matrix_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      kz_matrix_view_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      kz_matrix_view_set_kind (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_EVENT:
      kz_matrix_view_set_selected_event (self, g_value_get_object (value));
      break;
    case PROP_HIDDEN_AREAS:
      kz_matrix_view_set_hidden_areas (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_matrix_view_map (GtkWidget *widget)
{
  KzMatrixView *self = KZ_MATRIX_VIEW (widget);

  GTK_WIDGET_CLASS (kz_matrix_view_parent_class)->map (widget);
  if (self->accessible_stale)
    kz_matrix_view_update_accessible (self);
}

static void
kz_matrix_view_class_init (KzMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_matrix_view_dispose;
  object_class->finalize = kz_matrix_view_finalize;
  object_class->get_property = kz_matrix_view_get_property;
  object_class->set_property = kz_matrix_view_set_property;

  widget_class->snapshot = kz_matrix_view_snapshot;
  widget_class->measure = kz_matrix_view_measure;
  widget_class->size_allocate = kz_matrix_view_size_allocate;
  widget_class->query_tooltip = kz_matrix_view_query_tooltip;
  widget_class->map = kz_matrix_view_map;
  widget_class->root = kz_matrix_view_root;
  widget_class->unroot = kz_matrix_view_unroot;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         KZ_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The kind whose events are the columns. */
  properties[PROP_KIND] =
    g_param_spec_object ("kind", NULL, NULL,
                         KZ_TYPE_KIND,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL,
                         KZ_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Ids of the areas whose rows are hidden, as the timeline's lanes. */
  properties[PROP_HIDDEN_AREAS] =
    g_param_spec_boxed ("hidden-areas", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KzMatrixView::event-activated:
   *
   * Enter on the selected event, or a double click on a cell: the user wants to read it.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KZ_TYPE_EVENT);

  /**
   * KzMatrixView::area-activated:
   *
   * A click on an area's name: the user wants its story.
   */
  signals[AREA_ACTIVATED] =
    g_signal_new ("area-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KZ_TYPE_AREA);

  gtk_widget_class_install_action (widget_class, "matrix.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "matrix.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "matrix.clear-selection", NULL,
                                   clear_selection_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "matrix.move", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "matrix.move", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "matrix.move", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "matrix.move", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "matrix.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "matrix.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "matrix.move", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "matrix.move", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "matrix.move", "(ii)", -G_MAXINT16, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "matrix.move", "(ii)", G_MAXINT16, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "matrix.move", "(ii)", 0, -G_MAXINT16);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "matrix.move", "(ii)", 0, G_MAXINT16);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "matrix.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "matrix.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "matrix.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "matrix.clear-selection", NULL);

  gtk_widget_class_set_css_name (widget_class, "matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kz_matrix_view_init (KzMatrixView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->layout = kz_matrix_layout_new ();
  self->renderer = kz_matrix_renderer_new (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  kz_matrix_renderer_attach (self->renderer, self->layout);
  self->focus_row = -1;
  self->focus_column = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matrix of areas and events"),
                                  -1);
  kz_matrix_view_update_accessible (self);
}

/* Public API */

GtkWidget *
kz_matrix_view_new (void)
{
  return g_object_new (KZ_TYPE_MATRIX_VIEW, NULL);
}

KzDataset *
kz_matrix_view_get_dataset (KzMatrixView *self)
{
  g_return_val_if_fail (KZ_IS_MATRIX_VIEW (self), NULL);

  return self->dataset;
}

/* Shows dataset, with no kind chosen yet and nothing selected. */
void
kz_matrix_view_set_dataset (KzMatrixView *self,
                            KzDataset    *dataset)
{
  g_return_if_fail (KZ_IS_MATRIX_VIEW (self));
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  kz_matrix_view_set_selected_event (self, NULL);
  kz_matrix_view_set_kind (self, NULL);
  g_set_object (&self->dataset, dataset);
  kz_matrix_layout_set_dataset (self->layout, dataset);
  kz_matrix_view_apply_areas (self);
  self->focus_row = self->focus_column = -1;

  kz_matrix_view_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_object_thaw_notify (G_OBJECT (self));
}

KzKind *
kz_matrix_view_get_kind (KzMatrixView *self)
{
  g_return_val_if_fail (KZ_IS_MATRIX_VIEW (self), NULL);

  return self->kind;
}

void
kz_matrix_view_set_kind (KzMatrixView *self,
                         KzKind       *kind)
{
  int column;

  g_return_if_fail (KZ_IS_MATRIX_VIEW (self));
  g_return_if_fail (kind == NULL || KZ_IS_KIND (kind));

  if (!g_set_object (&self->kind, kind))
    return;

  kz_matrix_layout_set_kind (self->layout, kind);
  kz_matrix_layout_set_selected (self->layout, self->selected);
  /* The focus follows the selection into the new columns, when it is one of them */
  column = self->selected != NULL ? kz_matrix_layout_find_column (self->layout, self->selected) : -1;
  self->focus_column = column;
  if (column < 0)
    self->focus_row = -1;

  kz_matrix_view_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

KzEvent *
kz_matrix_view_get_selected_event (KzMatrixView *self)
{
  g_return_val_if_fail (KZ_IS_MATRIX_VIEW (self), NULL);

  return self->selected;
}

void
kz_matrix_view_set_selected_event (KzMatrixView *self,
                                   KzEvent      *event)
{
  int column;

  g_return_if_fail (KZ_IS_MATRIX_VIEW (self));
  g_return_if_fail (event == NULL || KZ_IS_EVENT (event));

  if (!g_set_object (&self->selected, event))
    return;

  kz_matrix_layout_set_selected (self->layout, event);
  column = event != NULL ? kz_matrix_layout_find_column (self->layout, event) : -1;
  if (column >= 0)
    kz_matrix_view_set_focus_cell (self, MAX (self->focus_row, 0), column);
  else
    kz_matrix_view_update_accessible (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

const char * const *
kz_matrix_view_get_hidden_areas (KzMatrixView *self)
{
  g_return_val_if_fail (KZ_IS_MATRIX_VIEW (self), NULL);

  return self->hidden_areas != NULL ? (const char * const *) self->hidden_areas : empty_strv;
}

void
kz_matrix_view_set_hidden_areas (KzMatrixView       *self,
                                 const char * const *area_ids)
{
  g_return_if_fail (KZ_IS_MATRIX_VIEW (self));

  if (area_ids == NULL)
    area_ids = empty_strv;
  if (g_strv_equal (kz_matrix_view_get_hidden_areas (self), area_ids))
    return;

  g_strfreev (self->hidden_areas);
  self->hidden_areas = g_strdupv ((char **) area_ids);
  kz_matrix_view_apply_areas (self);
  self->focus_row = MIN (self->focus_row, (int) kz_matrix_view_n_rows (self) - 1);

  kz_matrix_view_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_AREAS]);
}

gboolean
kz_matrix_view_get_focus_cell (KzMatrixView *self,
                               guint        *out_row,
                               guint        *out_column)
{
  g_return_val_if_fail (KZ_IS_MATRIX_VIEW (self), FALSE);

  if (self->focus_row < 0 || self->focus_column < 0 ||
      (guint) self->focus_row >= kz_matrix_view_n_rows (self) ||
      (guint) self->focus_column >= kz_matrix_view_n_columns (self))
    return FALSE;

  if (out_row != NULL)
    *out_row = self->focus_row;
  if (out_column != NULL)
    *out_column = self->focus_column;
  return TRUE;
}

gboolean
kz_matrix_view_get_cell_point (KzMatrixView *self,
                               KzArea       *area,
                               KzEvent      *event,
                               double       *out_x,
                               double       *out_y)
{
  const KzMatrixRow *rows;
  guint n_rows;
  int column;

  g_return_val_if_fail (KZ_IS_MATRIX_VIEW (self), FALSE);
  g_return_val_if_fail (KZ_IS_AREA (area), FALSE);
  g_return_val_if_fail (KZ_IS_EVENT (event), FALSE);

  if (self->dataset == NULL)
    return FALSE;

  kz_matrix_view_update_layout (self);
  column = kz_matrix_layout_find_column (self->layout, event);
  rows = kz_matrix_layout_get_rows (self->layout, &n_rows);
  for (guint r = 0; r < n_rows && column >= 0; r++)
    if (rows[r].area == area)
      {
        KzTimelineRect rect = kz_matrix_layout_get_cell_rect (self->layout, r, column);

        if (out_x != NULL)
          *out_x = rect.x + rect.width / 2;
        if (out_y != NULL)
          *out_y = rect.y + rect.height / 2;
        return TRUE;
      }

  return FALSE;
}
