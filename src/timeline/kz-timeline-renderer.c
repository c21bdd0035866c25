/* kz-timeline-renderer.c — draws a timeline layout into a GtkSnapshot, for screen and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place the timeline is drawn: the widget snapshots it on screen and export turns the
 * same render node into PNG, SVG or PDF through cairo, so what you export is what you see.
 * Only node types that GSK's cairo fallback draws as vectors are used (colours, borders,
 * rounded clips, transforms, text), and nothing needs a display.
 */

#include "config.h"

#define G_LOG_DOMAIN "kz-timeline"

#include <math.h>

#include <glib/gi18n.h>

#include "kz-snapshot-draw.h"
#include "kz-text-cache.h"
#include "kz-timeline-renderer.h"

/* Side of a mechanism's diamond for a mark of radius 1: diamonds look small, so larger. */
#define DIAMOND_SCALE 1.78


typedef enum {
  ROLE_LABEL,       /* event and lane labels: what the layout measures */
  ROLE_SMALL,       /* tick labels, legend, footer */
  ROLE_HEADING,     /* the events row heading */
  ROLE_PILL,        /* counts in clusters */
  ROLE_TITLE,
  ROLE_SUBTITLE,
  N_ROLES
} Role;

/* The fonts, by role; the timeline and matrix renderers share their sizes and weights. */
static const KzTextRole roles[N_ROLES] = {
  [ROLE_LABEL] = { 0.92, PANGO_WEIGHT_NORMAL },
  [ROLE_SMALL] = { 0.85, PANGO_WEIGHT_NORMAL },
  [ROLE_HEADING] = { 0.78, PANGO_WEIGHT_BOLD },
  [ROLE_PILL] = { 0.80, PANGO_WEIGHT_BOLD },
  [ROLE_TITLE] = { 1.36, PANGO_WEIGHT_BOLD },
  [ROLE_SUBTITLE] = { 0.92, PANGO_WEIGHT_NORMAL },
};

struct _KzTimelineRenderer {
  KzTextCache          *texts;
  double                scale;
  char                 *heading;
};

typedef struct {
  KzTimelineRenderer       *self;
  GtkSnapshot              *snapshot;
  const KzTimelineLayout   *layout;
  const KzTimelineGeometry *g;
  const KzTimelinePalette  *palette;
  KzTimelineRenderFlags     flags;
} Frame;

/**
 * kz_timeline_renderer_new:
 * @context: the PangoContext text is shaped with: the widget's, or for export one made
 *   from pango_cairo_font_map_get_default()
 */
KzTimelineRenderer *
kz_timeline_renderer_new (PangoContext *context)
{
  KzTimelineRenderer *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (KzTimelineRenderer, 1);
  self->texts = kz_text_cache_new (context, roles, N_ROLES);
  self->scale = 1.0;
  heading = g_strdup (_("Events"));
  self->heading = g_utf8_strup (heading, -1);

  return self;
}

void
kz_timeline_renderer_free (KzTimelineRenderer *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->texts, kz_text_cache_free);
  g_free (self->heading);
  g_free (self);
}

/* Fonts changed (the widget's context is new or its font settings changed): every cached
 * text is stale, and so is every width the layout measured. Call
 * kz_timeline_layout_invalidate_text() on the layouts measured with this renderer. */
void
kz_timeline_renderer_set_context (KzTimelineRenderer *self,
                                  PangoContext       *context)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  kz_text_cache_set_context (self->texts, context);
}

/* Device pixels per logical pixel (the widget's scale factor), so that hairlines land on
 * whole device pixels. */
void
kz_timeline_renderer_set_scale (KzTimelineRenderer *self,
                                double              scale)
{
  g_return_if_fail (self != NULL);

  self->scale = scale > 0 ? scale : 1.0;
}

/**
 * kz_timeline_renderer_measure: (skip)
 *
 * A #KzTimelineMeasureFunc: the width of text as the renderer draws labels, shaped once and
 * kept for the frames that draw it.
 */
double
kz_timeline_renderer_measure (const char *text,
                              gpointer    renderer)
{
  KzTimelineRenderer *self = renderer;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (text != NULL, 0.0);

  return kz_text_cache_lookup (self->texts, ROLE_LABEL, text)->width;
}

/* Makes layout measure its text with this renderer, which must outlive the layout's use. */
void
kz_timeline_renderer_attach (KzTimelineRenderer *self,
                             KzTimelineLayout   *layout)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (layout != NULL);

  kz_timeline_layout_set_measure_func (layout, kz_timeline_renderer_measure, self, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Primitives                                                                                 */

static inline double
snap (const Frame *f,
      double       v)
{
  return kz_draw_snap (f->self->scale, v);
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  return kz_draw_with_alpha (color, alpha);
}

static void
fill_rect (const Frame   *f,
           const GdkRGBA *color,
           double         x,
           double         y,
           double         width,
           double         height)
{
  kz_draw_rect (f->snapshot, color, x, y, width, height);
}

/* A one-pixel line that covers whole device pixels. */
static void
hairline_v (const Frame   *f,
            const GdkRGBA *color,
            double         x,
            double         y0,
            double         y1)
{
  double w = 1.0;

  fill_rect (f, color, snap (f, x - w / 2), snap (f, y0), w, snap (f, y1) - snap (f, y0));
}

static void
hairline_h (const Frame   *f,
            const GdkRGBA *color,
            double         x0,
            double         x1,
            double         y)
{
  double h = 1.0;

  fill_rect (f, color, snap (f, x0), snap (f, y - h / 2), snap (f, x1) - snap (f, x0), h);
}

/* A border as wide as the radius is a filled disc: one node, drawn as a vector by cairo. */
static void
disc (const Frame   *f,
      const GdkRGBA *color,
      double         cx,
      double         cy,
      double         r)
{
  kz_draw_rounded_border (f->snapshot, color, cx - r, cy - r, 2 * r, 2 * r, r, r);
}

static void
ring (const Frame   *f,
      const GdkRGBA *color,
      double         cx,
      double         cy,
      double         r,
      double         width)
{
  kz_draw_rounded_border (f->snapshot, color, cx - r, cy - r, 2 * r, 2 * r, r, width);
}

static void
rounded_fill (const Frame   *f,
              const GdkRGBA *color,
              double         x,
              double         y,
              double         width,
              double         height,
              double         radius)
{
  kz_draw_rounded_rect (f->snapshot, color, x, y, width, height, radius);
}

/* Draws text with its left edge at x (align 0), centred (0.5) or right (1), centred on cy. */
static double
draw_text (const Frame   *f,
           Role           role,
           const char    *text,
           double         x,
           double         cy,
           double         align,
           const GdkRGBA *color)
{
  return kz_draw_text (f->snapshot, f->self->scale, f->self->texts, role, text, x, cy, align, color);
}

/* The stage is the shape, so that colour is never the only cue:
 * discussed ○, committed ●, agreed ■, mechanism ◆ (a little larger: diamonds look small). */
static void
draw_stage_mark (const Frame   *f,
                 KzStage        stage,
                 double         cx,
                 double         cy,
                 double         r,
                 const GdkRGBA *color)
{
  switch (stage)
    {
    case KZ_STAGE_NONE:
    case KZ_STAGE_DISCUSSED:
      disc (f, &f->palette->background, cx, cy, r);
      ring (f, color, cx, cy, r, MAX (1.5, round (r * 0.36 * 2) / 2));
      break;

    case KZ_STAGE_COMMITTED:
      disc (f, color, cx, cy, r);
      break;

    case KZ_STAGE_AGREED:
      {
        double s = r * 1.72;
        fill_rect (f, color, cx - s / 2, cy - s / 2, s, s);
      }
      break;

    case KZ_STAGE_MECHANISM:
    default:
      {
        double s = r * DIAMOND_SCALE;

        gtk_snapshot_save (f->snapshot);
        gtk_snapshot_translate (f->snapshot, &GRAPHENE_POINT_INIT (cx, cy));
        gtk_snapshot_rotate (f->snapshot, 45);
        fill_rect (f, color, -s / 2, -s / 2, s, s);
        gtk_snapshot_restore (f->snapshot);
      }
      break;
    }
}

/**
 * kz_timeline_renderer_draw_stage_mark:
 * @palette: its background fills the hollow of a discussed mark
 *
 * The timeline's mark for @stage, centred on (@cx, @cy): for the other views of the same
 * family (the matrix, the stage chart), so a stage has one shape everywhere.
 */
void
kz_timeline_renderer_draw_stage_mark (GtkSnapshot             *snapshot,
                                      const KzTimelinePalette *palette,
                                      KzStage                  stage,
                                      double                   cx,
                                      double                   cy,
                                      double                   radius,
                                      const GdkRGBA           *color)
{
  Frame f = { .snapshot = snapshot, .palette = palette };

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (palette != NULL);
  g_return_if_fail (color != NULL);

  draw_stage_mark (&f, stage, cx, cy, radius, color);
}

/* ------------------------------------------------------------------------------------------ */
/* Parts                                                                                      */

static void
draw_title (const Frame *f)
{
  const KzTimelineGeometry *g = f->g;
  const KzTimelineRect *r = &g->title;

  if (r->height <= 0)
    return;

  gtk_snapshot_push_clip (f->snapshot, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height));
  draw_text (f, ROLE_TITLE, g->title_text, r->x, r->y + 13, 0, &f->palette->foreground);
  draw_text (f, ROLE_SUBTITLE, g->subtitle_text, r->x, r->y + 35, 0, &f->palette->dimmed);
  gtk_snapshot_pop (f->snapshot);
}

static void
draw_lane_backgrounds (const Frame          *f,
                       const KzTimelineLane *lanes,
                       guint                 n_lanes)
{
  const KzTimelineGeometry *g = f->g;

  for (guint i = 0; i < n_lanes; i++)
    if (lanes[i].index % 2 == 0)
      fill_rect (f, &f->palette->lane_stripe, g->lanes.x, snap (f, lanes[i].y),
                 g->lanes.width, snap (f, lanes[i].y + lanes[i].height) - snap (f, lanes[i].y));
}

static void
draw_grid (const Frame *f)
{
  const KzTimelineGeometry *g = f->g;
  const KzTimelineTick *ticks;
  guint n_ticks;

  ticks = kz_timeline_layout_get_ticks (f->layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].major)
      hairline_v (f, &f->palette->grid, ticks[i].x, g->lanes.y, g->lanes.y + g->lanes.height);
}

static void
draw_lane_labels (const Frame          *f,
                  const KzTimelineLane *lanes,
                  guint                 n_lanes)
{
  const KzTimelineGeometry *g = f->g;

  for (guint i = 0; i < n_lanes; i++)
    {
      GdkRGBA color;
      double cy = lanes[i].y + lanes[i].height / 2;

      kz_timeline_palette_area_color (f->palette, lanes[i].rgb, &color);
      rounded_fill (f, &color, snap (f, g->label_x), snap (f, cy - 7), 4, 14, 2);
      draw_text (f, ROLE_LABEL, lanes[i].label, g->label_x + KZ_TIMELINE_SWATCH_SPACE, cy, 0,
                 &f->palette->foreground);
    }
}

static GdkRGBA
mark_color (const Frame          *f,
            const KzTimelineMark *mark,
            const GdkRGBA        *color)
{
  /* The selection is the user's focus: a search does not dim it. */
  if (mark->matches || (mark->selected && !(f->flags & KZ_TIMELINE_RENDER_NO_SELECTION)))
    return *color;
  return with_alpha (color, f->palette->dim_alpha);
}

static void
draw_lane_marks (const Frame          *f,
                 const KzTimelineMark *marks,
                 guint                 n_marks,
                 double                cy,
                 const GdkRGBA        *color,
                 const GdkRGBA        *halo)
{
  double r = f->g->lane_mark_radius;
  gboolean any_diamond = FALSE;

  for (guint m = 0; m < n_marks; m++)
    {
      const KzTimelineMark *mark = &marks[m];
      GdkRGBA c;

      /* A cluster standing apart wears a faint halo: several events, deepest stage shown.
       * Where clusters crowd, the halos would only blur into the band. */
      if (mark->count > 1 &&
          (m == 0 || mark->x - marks[m - 1].x > 2 * r + 3) &&
          (m + 1 == n_marks || marks[m + 1].x - mark->x > 2 * r + 3))
        ring (f, halo, mark->x, cy, r + 2.5, 1.5);

      if (mark->stage == KZ_STAGE_MECHANISM)
        {
          any_diamond = TRUE;
          continue;
        }
      c = mark_color (f, mark, color);
      draw_stage_mark (f, mark->stage, mark->x, cy, r, &c);
    }

  /* Diamonds share one rotated frame: one transform per lane, not one per mark. */
  if (any_diamond)
    {
      double s = r * DIAMOND_SCALE;

      gtk_snapshot_save (f->snapshot);
      gtk_snapshot_rotate (f->snapshot, 45);
      for (guint m = 0; m < n_marks; m++)
        if (marks[m].stage == KZ_STAGE_MECHANISM)
          {
            GdkRGBA c = mark_color (f, &marks[m], color);
            double u = (marks[m].x + cy) * G_SQRT2 / 2, v = (cy - marks[m].x) * G_SQRT2 / 2;

            fill_rect (f, &c, u - s / 2, v - s / 2, s, s);
          }
      gtk_snapshot_restore (f->snapshot);
    }

  if (!(f->flags & KZ_TIMELINE_RENDER_NO_SELECTION))
    for (guint m = 0; m < n_marks; m++)
      if (marks[m].selected)
        ring (f, &f->palette->selection, marks[m].x, cy, r + 3.5, 2.0);
}

static void
draw_lane_content (const Frame          *f,
                   const KzTimelineLane *lanes,
                   guint                 n_lanes)
{
  const KzTimelineGeometry *g = f->g;
  const KzTimelineBand *bands;
  const KzTimelineMark *marks;
  double r = g->lane_mark_radius;
  guint n_bands, n_marks;

  bands = kz_timeline_layout_get_bands (f->layout, &n_bands);
  marks = kz_timeline_layout_get_marks (f->layout, &n_marks);

  for (guint i = 0; i < n_lanes; i++)
    {
      const KzTimelineLane *lane = &lanes[i];
      double cy = lane->y + lane->height / 2;
      GdkRGBA color, band_color, span_color;

      kz_timeline_palette_area_color (f->palette, lane->rgb, &color);
      band_color = with_alpha (&color, f->palette->band_alpha);
      span_color = with_alpha (&color, f->palette->span_alpha);

      /* The band thickens as the area reaches deeper stages. */
      for (guint b = lane->first_band; b < lane->first_band + lane->n_bands; b++)
        {
          double t = bands[b].thickness;
          rounded_fill (f, &band_color, bands[b].x0, snap (f, cy - t / 2), bands[b].x1 - bands[b].x0,
                        t, t / 2);
        }

      for (guint m = lane->first_mark; m < lane->first_mark + lane->n_marks; m++)
        if (marks[m].spans && marks[m].x1 - marks[m].x0 > 2 * r)
          {
            GdkRGBA c = marks[m].matches ? span_color : with_alpha (&span_color, f->palette->dim_alpha);
            rounded_fill (f, &c, marks[m].x0, cy - r * 0.7, marks[m].x1 - marks[m].x0, r * 1.4, r * 0.7);
          }

      draw_lane_marks (f, &marks[lane->first_mark], lane->n_marks, cy, &color, &band_color);
    }
}

static const KzTimelineRowItem *
find_selected_item (const KzTimelineRowItem *items,
                    guint                    n_items)
{
  for (guint i = 0; i < n_items; i++)
    if (items[i].selected)
      return &items[i];
  return NULL;
}

static void
draw_selection_line (const Frame *f)
{
  const KzTimelineGeometry *g = f->g;
  const KzTimelineRowItem *items, *selected;
  guint n_items;
  GdkRGBA color;

  if (f->flags & KZ_TIMELINE_RENDER_NO_SELECTION)
    return;

  items = kz_timeline_layout_get_row_items (f->layout, &n_items);
  selected = find_selected_item (items, n_items);
  if (selected == NULL)
    return;

  color = with_alpha (&f->palette->selection, 0.55);
  hairline_v (f, &color, selected->x, selected->y + g->row_mark_radius + 2,
              g->lanes.y + g->lanes.height);
}

static void
draw_today (const Frame *f)
{
  const KzTimelineGeometry *g = f->g;
  double y, y1;

  if (!g->has_today || (f->flags & KZ_TIMELINE_RENDER_NO_TODAY))
    return;

  /* Dashes as separate rectangles: vector output in SVG and PDF, unlike a repeat node. */
  y1 = g->axis.y + 4;
  for (y = g->lanes.y; y < y1; y += 7)
    fill_rect (f, &f->palette->today, snap (f, g->today_x - 0.5), y, 1.0, MIN (4.0, y1 - y));
}

static void
draw_row (const Frame *f)
{
  const KzTimelineGeometry *g = f->g;
  const KzTimelineRowItem *items;
  const KzTimelineCluster *clusters;
  gboolean show_selection = !(f->flags & KZ_TIMELINE_RENDER_NO_SELECTION);
  guint n_items, n_clusters;
  double r = g->row_mark_radius;

  draw_text (f, ROLE_HEADING, f->self->heading, g->label_x, g->row.y + g->label_row_height / 2, 0,
             &f->palette->dimmed);

  /* How far each cluster reaches, under the pills: all of them first, as one cluster's reach
   * may pass under its neighbour's pill. */
  clusters = kz_timeline_layout_get_row_clusters (f->layout, &n_clusters);
  for (guint i = 0; i < n_clusters; i++)
    {
      const KzTimelineCluster *c = &clusters[i];
      double alpha = c->matches ? 1.0 : f->palette->dim_alpha;
      GdkRGBA extent = with_alpha (&f->palette->cluster_fill, 0.45 * alpha);

      if (c->span_x1 - c->span_x0 > 1)
        {
          hairline_h (f, &extent, c->span_x0, c->span_x1, c->y);
          hairline_v (f, &extent, c->span_x0, c->y - 3, c->y + 3);
          hairline_v (f, &extent, c->span_x1, c->y - 3, c->y + 3);
        }
    }
  for (guint i = 0; i < n_clusters; i++)
    {
      const KzTimelineCluster *c = &clusters[i];
      double alpha = c->matches ? 1.0 : f->palette->dim_alpha;
      GdkRGBA fill = with_alpha (&f->palette->cluster_fill, alpha);
      GdkRGBA text = with_alpha (&f->palette->cluster_text, alpha);
      double h = 16;

      rounded_fill (f, &fill, snap (f, c->x0), snap (f, c->y - h / 2), snap (f, c->x1) - snap (f, c->x0),
                    h, h / 2);
      draw_text (f, ROLE_PILL, c->label, c->x, c->y, 0.5, &text);
    }

  /* The selected item (always the first) last, on top. */
  items = kz_timeline_layout_get_row_items (f->layout, &n_items);
  for (guint k = 1; k <= n_items; k++)
    {
      const KzTimelineRowItem *item = &items[k % n_items];
      gboolean selected = item->selected && show_selection;
      /* The selection is the user's focus: a search does not dim it. */
      double alpha = item->matches || selected ? 1.0 : f->palette->dim_alpha;
      GdkRGBA mark, text;

      mark = with_alpha (selected ? &f->palette->selection
                                  : kz_timeline_palette_kind_color (f->palette, item->kind), alpha);
      text = with_alpha (selected ? &f->palette->selection : &f->palette->foreground, alpha);

      disc (f, &mark, item->x, item->y, r);
      if (selected)
        ring (f, &f->palette->selection, item->x, item->y, r + 3, 1.5);
      draw_text (f, ROLE_LABEL, item->label, item->label_x, item->y, 0, &text);
    }
}

static void
draw_axis (const Frame *f)
{
  const KzTimelineGeometry *g = f->g;
  const KzTimelineTick *ticks;
  guint n_ticks;
  double y = g->axis.y;

  hairline_h (f, &f->palette->axis, g->plot_x0, g->plot_x1, y + 0.5);

  ticks = kz_timeline_layout_get_ticks (f->layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      hairline_v (f, &f->palette->axis, ticks[i].x, y, y + (ticks[i].major ? 5 : 3));
      if (ticks[i].major)
        draw_text (f, ROLE_SMALL, ticks[i].label, ticks[i].x, g->axis_label_y, 0.5,
                   &f->palette->dimmed);
    }

  if (g->has_today && !(f->flags & KZ_TIMELINE_RENDER_NO_TODAY))
    {
      const KzText *today = kz_text_cache_lookup (f->self->texts, ROLE_SMALL, _("today"));
      double x = CLAMP (g->today_x, g->plot_x0 + today->width / 2, g->width - 4 - today->width / 2);

      draw_text (f, ROLE_SMALL, _("today"), x, g->today_label_y, 0.5, &f->palette->today);
    }
}

static void
draw_legend (const Frame *f)
{
  static const double thickness[KZ_N_STAGES] = { 0, 2, 4, 7, 10 };
  const KzTimelineGeometry *g = f->g;
  const KzTimelineRect *r = &g->legend;
  const char *prefix = _("Stage:");
  const char *band_text = _("band: deepest stage reached so far");
  double cy = r->y + r->height / 2;
  double x = r->x, mark_r = 5, gap = 20;
  double prefix_width, items_width = 0, band_width;
  gboolean with_prefix = TRUE, with_band = TRUE;
  GdkRGBA band;

  if (r->height <= 0)
    return;

  /* What fits: all of it; or the stages without the band; or the stages alone, closer. */
  prefix_width = kz_text_cache_lookup (f->self->texts, ROLE_SMALL, prefix)->width + 14;
  for (KzStage stage = KZ_STAGE_DISCUSSED; stage <= KZ_STAGE_MECHANISM; stage++)
    items_width += 2 * mark_r + 6 + kz_text_cache_lookup (f->self->texts, ROLE_SMALL, kz_stage_get_label (stage))->width;
  band_width = 6 + 4 * 9 + 8 + kz_text_cache_lookup (f->self->texts, ROLE_SMALL, band_text)->width;

  if (prefix_width + items_width + 4 * gap + band_width > r->width)
    with_band = FALSE;
  if (with_band == FALSE && prefix_width + items_width + 3 * gap > r->width)
    with_prefix = FALSE;
  if (with_prefix == FALSE && items_width + 3 * gap > r->width)
    gap = MAX (6, (r->width - items_width) / 3);

  gtk_snapshot_push_clip (f->snapshot, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height));

  if (with_prefix)
    x += draw_text (f, ROLE_SMALL, prefix, x, cy, 0, &f->palette->dimmed) + 14;
  for (KzStage stage = KZ_STAGE_DISCUSSED; stage <= KZ_STAGE_MECHANISM; stage++)
    {
      draw_stage_mark (f, stage, x + mark_r, cy, mark_r, &f->palette->dimmed);
      x += 2 * mark_r + 6;
      x += draw_text (f, ROLE_SMALL, kz_stage_get_label (stage), x, cy, 0, &f->palette->foreground);
      x += gap;
    }

  if (with_band)
    {
      /* A little band that steps up like the real ones. */
      band = with_alpha (&f->palette->dimmed, 0.5);
      x += 6;
      for (KzStage stage = KZ_STAGE_DISCUSSED; stage <= KZ_STAGE_MECHANISM; stage++)
        {
          double t = thickness[stage];

          fill_rect (f, &band, x, snap (f, cy - t / 2), 9, t);
          x += 9;
        }
      x += 8;
      draw_text (f, ROLE_SMALL, band_text, x, cy, 0, &f->palette->dimmed);
    }

  gtk_snapshot_pop (f->snapshot);
}

static void
draw_footer (const Frame *f)
{
  const KzTimelineRect *r = &f->g->footer;

  if (r->height <= 0 || f->g->footer_text == NULL)
    return;

  gtk_snapshot_push_clip (f->snapshot, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height));
  draw_text (f, ROLE_SMALL, f->g->footer_text, r->x, r->y + r->height / 2, 0, &f->palette->dimmed);
  gtk_snapshot_pop (f->snapshot);
}

/**
 * kz_timeline_renderer_snapshot:
 * @layout: updated with this renderer's measure (kz_timeline_renderer_attach())
 *
 * Draws the whole timeline at (0, 0) in logical pixels, layout's width by its height.
 */
void
kz_timeline_renderer_snapshot (KzTimelineRenderer      *self,
                               GtkSnapshot             *snapshot,
                               const KzTimelineLayout  *layout,
                               const KzTimelinePalette *palette,
                               KzTimelineRenderFlags    flags)
{
  const KzTimelineGeometry *g;
  const KzTimelineLane *lanes;
  guint n_lanes;
  Frame f;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  g = kz_timeline_layout_get_geometry (layout);
  f = (Frame) { self, snapshot, layout, g, palette, flags };
  lanes = kz_timeline_layout_get_lanes (layout, &n_lanes);

  if (!(flags & KZ_TIMELINE_RENDER_NO_BACKGROUND))
    fill_rect (&f, &palette->background, 0, 0, g->width, g->height);

  draw_title (&f);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (g->lanes.x, g->lanes.y,
                                                         g->lanes.width, g->lanes.height));
  draw_lane_backgrounds (&f, lanes, n_lanes);
  draw_grid (&f);
  draw_lane_labels (&f, lanes, n_lanes);
  gtk_snapshot_pop (snapshot);

  hairline_h (&f, &palette->lane_separator, g->lanes.x, g->lanes.x + g->lanes.width,
              (g->row.y + g->row.height + g->lanes.y) / 2);
  draw_selection_line (&f);
  draw_today (&f);

  /* Marks may overhang the time scale a little, never the lane labels. */
  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (g->plot_x0 - g->lane_mark_radius - 4, g->lanes.y,
                                               g->width - (g->plot_x0 - g->lane_mark_radius - 4),
                                               g->lanes.height));
  draw_lane_content (&f, lanes, n_lanes);
  gtk_snapshot_pop (snapshot);

  draw_row (&f);
  draw_axis (&f);
  draw_legend (&f);
  draw_footer (&f);

  kz_text_cache_next_frame (self->texts);
}
