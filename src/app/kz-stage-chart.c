/* kz-stage-chart.c — a small step chart of how deep one area went, over time
 *
 * Time runs from the area's first event to its last; the four stages stack from discussed
 * at the bottom to mechanism at the top. A step line traces the deepest stage reached so
 * far, over a faint fill, and each event sits at its own stage with the timeline's mark for
 * it (kz_timeline_renderer_draw_stage_mark()), so a stage has one shape everywhere. For
 * screen readers the chart is an image whose description says the same in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-stage-chart"

#include <math.h>

#include <glib/gi18n.h>

#include "kz-timeline-palette.h"
#include "kz-timeline-renderer.h"

#include "kz-stage-chart.h"

#define CHART_HEIGHT 132
#define PAD          10.0
#define MARK_RADIUS  4.5
#define AXIS_SPACE   20.0   /* under the plot, for the years */

typedef struct {
  double  day;
  KzStage stage;            /* the event's own */
  KzStage deepest;          /* the deepest so far, this event included */
} Point;

struct _KzStageChart
{
  GtkWidget  parent_instance;

  KzArea    *area;
  GArray    *points;        /* Point, in date order */
  char      *first_year;
  char      *last_year;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (KzStageChart, kz_stage_chart, GTK_TYPE_WIDGET)

static char *
year_of (KzEvent *event)
{
  KzDate year = { .year = kz_event_get_date (event)->year };

  return kz_date_format (&year);
}

/* One step of an area's growth, e.g. "agreed from 2016": a whole phrase per stage, so each
 * language can inflect it. */
static char *
growth_step (KzStage     stage,
             const char *year)
{
  switch (stage)
    {
    case KZ_STAGE_DISCUSSED:
      /* Translators: a step of an area's growth; %s is a year */
      return g_strdup_printf (_("discussed from %s"), year);
    case KZ_STAGE_COMMITTED:
      /* Translators: a step of an area's growth; %s is a year */
      return g_strdup_printf (_("committed from %s"), year);
    case KZ_STAGE_AGREED:
      /* Translators: a step of an area's growth; %s is a year */
      return g_strdup_printf (_("agreed from %s"), year);
    case KZ_STAGE_MECHANISM:
    case KZ_STAGE_NONE:
    default:
      /* Translators: a step of an area's growth; %s is a year */
      return g_strdup_printf (_("a standing mechanism from %s"), year);
    }
}

static char *
build_summary (KzDataset *dataset,
               KzArea    *area)
{
  g_autoptr(GString) text = g_string_new (NULL);
  KzStage deepest = KZ_STAGE_NONE;

  for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
    {
      KzEvent *event = kz_dataset_get_event (dataset, i);
      const KzEventArea *entry = kz_event_find_area (event, area);
      g_autofree char *year = NULL;
      g_autofree char *stage = NULL;

      if (entry == NULL || entry->stage <= deepest)
        continue;

      deepest = entry->stage;
      year = year_of (event);
      stage = growth_step (entry->stage, year);
      if (text->len > 0)
        /* Translators: the separator between the steps of an area's growth */
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, stage);
    }

  if (text->len == 0)
    return g_strdup (_("Never raised"));

  /* The sentence starts with a capital, whatever the stage's word. */
  {
    gunichar first = g_utf8_get_char (text->str);
    const char *rest = g_utf8_next_char (text->str);
    char upper[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_totitle (first), upper);
    return g_strconcat (upper, rest, NULL);
  }
}

static gboolean
is_dark (GtkWidget *widget,
         GdkRGBA   *out_color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (widget, out_color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), out_color);
#endif

  return 0.2126 * out_color->red + 0.7152 * out_color->green + 0.0722 * out_color->blue > 0.5;
}

static void
draw_text (GtkWidget     *widget,
           GtkSnapshot   *snapshot,
           const char    *text,
           double         x,
           double         cy,
           double         align,
           const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width, height;

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, &height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - align * width),
                                                          round (cy - height / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static double
text_width (GtkWidget  *widget,
            const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_object_unref (layout);

  return width;
}

static void
kz_stage_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KzStageChart *self = KZ_STAGE_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  const KzTimelinePalette *palette;
  GdkRGBA fg, dim, line, area, fill;
  GskRoundedRect card;
  double label_w = 0, x0, x1, top, bottom, row_h, first, last;
  const Point *points;
  guint n;

  if (self->area == NULL || self->points->len == 0)
    return;

  palette = kz_timeline_palette_get (is_dark (widget, &fg));
  dim = fg;
  dim.alpha *= 0.6;
  line = fg;
  line.alpha *= 0.08;
  kz_timeline_palette_area_color (palette, kz_area_get_rgb (self->area), &area);
  fill = area;
  fill.alpha = palette->band_alpha * 0.6;

  /* A card in the timeline's own background, so the marks' hollows match it */
  gsk_rounded_rect_init_from_rect (&card, &GRAPHENE_RECT_INIT (0, 0, width, height), 8);
  gtk_snapshot_push_rounded_clip (snapshot, &card);
  gtk_snapshot_append_color (snapshot, &palette->background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_pop (snapshot);

  for (KzStage s = KZ_STAGE_DISCUSSED; s <= KZ_STAGE_MECHANISM; s++)
    label_w = MAX (label_w, text_width (widget, kz_stage_get_label (s)));

  x0 = PAD + label_w + 10 + MARK_RADIUS;
  x1 = width - PAD - MARK_RADIUS;
  top = PAD;
  bottom = height - AXIS_SPACE;
  row_h = (bottom - top) / 4.0;
  if (x1 <= x0 + 1 || row_h <= 2)
    return;

#define STAGE_Y(s) (top + (KZ_STAGE_MECHANISM - (s)) * row_h + row_h / 2)

  for (KzStage s = KZ_STAGE_DISCUSSED; s <= KZ_STAGE_MECHANISM; s++)
    {
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (x0 - MARK_RADIUS, round (STAGE_Y (s)), x1 - x0 + 2 * MARK_RADIUS, 1));
      draw_text (widget, snapshot, kz_stage_get_label (s), PAD, STAGE_Y (s), 0, &dim);
    }

  points = (const Point *) (gpointer) self->points->data;
  n = self->points->len;
  first = points[0].day;
  last = points[n - 1].day;
  if (last - first < 1)
    {
      /* One day: the event in the middle */
      first -= 180;
      last += 180;
    }

#define DAY_X(d) (x0 + ((d) - first) / (last - first) * (x1 - x0))

  /* The deepest stage so far: a fill under a step line, from the first event to the last */
  for (guint i = 0; i < n; i++)
    {
      double xa = DAY_X (points[i].day);
      double xb = i + 1 < n ? DAY_X (points[i + 1].day) : x1;
      double y = STAGE_Y (points[i].deepest);

      if (xb > xa)
        {
          gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (xa, y, xb - xa, bottom - y));
          gtk_snapshot_append_color (snapshot, &area, &GRAPHENE_RECT_INIT (xa, y - 1, xb - xa, 2));
        }
      if (i + 1 < n && points[i + 1].deepest > points[i].deepest)
        {
          double y_next = STAGE_Y (points[i + 1].deepest);

          gtk_snapshot_append_color (snapshot, &area, &GRAPHENE_RECT_INIT (xb - 1, y_next - 1, 2, y - y_next + 2));
        }
    }

  for (guint i = 0; i < n; i++)
    kz_timeline_renderer_draw_stage_mark (snapshot, palette, points[i].stage,
                                          DAY_X (points[i].day), STAGE_Y (points[i].stage),
                                          MARK_RADIUS, &area);

  draw_text (widget, snapshot, self->first_year, DAY_X (points[0].day), bottom + AXIS_SPACE / 2, 0.0, &dim);
  if (g_strcmp0 (self->first_year, self->last_year) != 0)
    draw_text (widget, snapshot, self->last_year, x1 + MARK_RADIUS, bottom + AXIS_SPACE / 2, 1.0, &dim);

#undef DAY_X
#undef STAGE_Y
}

static void
kz_stage_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 320;
    }
  else
    {
      *minimum = CHART_HEIGHT;
      *natural = CHART_HEIGHT;
    }
}

static void
kz_stage_chart_dispose (GObject *object)
{
  KzStageChart *self = KZ_STAGE_CHART (object);

  g_clear_object (&self->area);

  G_OBJECT_CLASS (kz_stage_chart_parent_class)->dispose (object);
}

static void
kz_stage_chart_finalize (GObject *object)
{
  KzStageChart *self = KZ_STAGE_CHART (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_free (self->first_year);
  g_free (self->last_year);
  g_free (self->summary);

  G_OBJECT_CLASS (kz_stage_chart_parent_class)->finalize (object);
}

static void
kz_stage_chart_class_init (KzStageChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_stage_chart_dispose;
  object_class->finalize = kz_stage_chart_finalize;

  widget_class->snapshot = kz_stage_chart_snapshot;
  widget_class->measure = kz_stage_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "stagechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kz_stage_chart_init (KzStageChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (Point));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stage over time"),
                                  -1);
}

GtkWidget *
kz_stage_chart_new (void)
{
  return g_object_new (KZ_TYPE_STAGE_CHART, NULL);
}

/* Charts area across dataset's events; NULL for neither shows nothing. */
void
kz_stage_chart_set_area (KzStageChart *self,
                         KzDataset    *dataset,
                         KzArea       *area)
{
  KzStage deepest = KZ_STAGE_NONE;

  g_return_if_fail (KZ_IS_STAGE_CHART (self));
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));
  g_return_if_fail (area == NULL || KZ_IS_AREA (area));
  g_return_if_fail ((dataset == NULL) == (area == NULL));

  g_set_object (&self->area, area);
  g_array_set_size (self->points, 0);
  g_clear_pointer (&self->first_year, g_free);
  g_clear_pointer (&self->last_year, g_free);
  g_clear_pointer (&self->summary, g_free);

  if (area != NULL)
    {
      for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
        {
          KzEvent *event = kz_dataset_get_event (dataset, i);
          const KzEventArea *entry = kz_event_find_area (event, area);
          Point point;

          if (entry == NULL)
            continue;

          deepest = MAX (deepest, entry->stage);
          point.day = kz_date_get_first_day (kz_event_get_date (event)) + 0.5;
          point.stage = entry->stage;
          point.deepest = deepest;
          g_array_append_val (self->points, point);

          if (self->first_year == NULL)
            self->first_year = year_of (event);
          g_free (self->last_year);
          self->last_year = year_of (event);
        }
      self->summary = build_summary (dataset, area);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary != NULL ? self->summary : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

KzArea *
kz_stage_chart_get_area (KzStageChart *self)
{
  g_return_val_if_fail (KZ_IS_STAGE_CHART (self), NULL);

  return self->area;
}

guint
kz_stage_chart_get_n_points (KzStageChart *self)
{
  g_return_val_if_fail (KZ_IS_STAGE_CHART (self), 0);

  return self->points->len;
}

const char *
kz_stage_chart_get_summary (KzStageChart *self)
{
  g_return_val_if_fail (KZ_IS_STAGE_CHART (self), NULL);

  return self->summary;
}
