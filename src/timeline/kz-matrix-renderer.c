/* kz-matrix-renderer.c — draws a matrix layout into a GtkSnapshot, for screen and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline renderer's sibling: the same palettes, the same stage marks
 * (kz_timeline_renderer_draw_stage_mark()), the same text sizes and the same node types, so
 * the widget and every export draw the matrix alike and as vectors. A cell takes its area's
 * colour, stronger the deeper the stage, and carries the stage's mark, so colour is never
 * the only cue.
 */

#include "config.h"

#define G_LOG_DOMAIN "kz-matrix"

#include <math.h>

#include <glib/gi18n.h>

#include "kz-matrix-renderer.h"
#include "kz-snapshot-draw.h"
#include "kz-text-cache.h"

#define CELL_GAP         2.0     /* between neighbouring cells */
#define CELL_RADIUS      3.0
#define VISIBLE_MARGIN   120.0   /* drawn beyond the visible span, for labels that reach in */

typedef enum {
  ROLE_LABEL,       /* row labels: what the layout measures */
  ROLE_COLUMN,      /* round numbers */
  ROLE_SMALL,       /* years, legend, footer */
  ROLE_HEADING,     /* the corner caption */
  ROLE_TITLE,
  ROLE_SUBTITLE,
  N_ROLES
} Role;

/* The fonts, by role; the timeline and matrix renderers share their sizes and weights. */
static const KzTextRole roles[N_ROLES] = {
  [ROLE_LABEL] = { 0.92, PANGO_WEIGHT_NORMAL },
  [ROLE_COLUMN] = { 0.92, PANGO_WEIGHT_BOLD },
  [ROLE_SMALL] = { 0.85, PANGO_WEIGHT_NORMAL },
  [ROLE_HEADING] = { 0.78, PANGO_WEIGHT_BOLD },
  [ROLE_TITLE] = { 1.36, PANGO_WEIGHT_BOLD },
  [ROLE_SUBTITLE] = { 0.92, PANGO_WEIGHT_NORMAL },
};

struct _KzMatrixRenderer {
  KzTextCache          *texts;
  double                scale;
  int                   focus_row;
  int                   focus_column;
  gboolean              has_visible;    /* else the layout's whole width is visible */
  double                visible_x0;
  double                visible_x1;
};

typedef struct {
  KzMatrixRenderer        *self;
  GtkSnapshot             *snapshot;
  const KzMatrixLayout    *layout;
  const KzMatrixGeometry  *g;
  const KzTimelinePalette *palette;
  KzTimelineRenderFlags    flags;
  guint                    first_column;  /* the columns that can be seen: the rest are */
  guint                    end_column;    /* not drawn (a million events make 100 000) */
} Frame;

/**
 * kz_matrix_renderer_new:
 * @context: the PangoContext text is shaped with: the widget's, or for export one made
 *   from pango_cairo_font_map_get_default()
 */
KzMatrixRenderer *
kz_matrix_renderer_new (PangoContext *context)
{
  KzMatrixRenderer *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (KzMatrixRenderer, 1);
  self->texts = kz_text_cache_new (context, roles, N_ROLES);
  self->scale = 1.0;
  self->focus_row = -1;
  self->focus_column = -1;

  return self;
}

void
kz_matrix_renderer_free (KzMatrixRenderer *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->texts, kz_text_cache_free);
  g_free (self);
}

/* Fonts changed: call kz_matrix_layout_invalidate_text() on the layouts measured with this. */
void
kz_matrix_renderer_set_context (KzMatrixRenderer *self,
                                PangoContext     *context)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  kz_text_cache_set_context (self->texts, context);
}

void
kz_matrix_renderer_set_scale (KzMatrixRenderer *self,
                              double            scale)
{
  g_return_if_fail (self != NULL);

  self->scale = scale > 0 ? scale : 1.0;
}

/* The cell with the keyboard focus, ringed; -1, -1 for none. */
void
kz_matrix_renderer_set_focus (KzMatrixRenderer *self,
                              int               row,
                              int               column)
{
  g_return_if_fail (self != NULL);

  self->focus_row = row;
  self->focus_column = column;
}

/**
 * kz_matrix_renderer_measure: (skip)
 *
 * A #KzTimelineMeasureFunc: the width of text as the renderer draws row labels.
 */
double
kz_matrix_renderer_measure (const char *text,
                            gpointer    renderer)
{
  KzMatrixRenderer *self = renderer;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (text != NULL, 0.0);

  return kz_text_cache_lookup (self->texts, ROLE_LABEL, text)->width;
}

/* Makes layout measure its text with this renderer, which must outlive the layout's use. */
void
kz_matrix_renderer_attach (KzMatrixRenderer *self,
                           KzMatrixLayout   *layout)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (layout != NULL);

  kz_matrix_layout_set_measure_func (layout, kz_matrix_renderer_measure, self, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Shades                                                                                     */

/**
 * kz_matrix_renderer_stage_alpha:
 *
 * How much of its area's colour a cell takes at @stage, over the palette's background:
 * none for an event that did not touch the area, nearly all for a mechanism.
 */
double
kz_matrix_renderer_stage_alpha (KzStage stage)
{
  static const double alpha[KZ_N_STAGES] = { 0.0, 0.16, 0.38, 0.64, 0.92 };

  g_return_val_if_fail (stage < KZ_N_STAGES, 0.0);

  return alpha[stage];
}

/* The opaque colour of a cell at stage: rgb over the background, by the stage's alpha. */
void
kz_matrix_renderer_stage_shade (const KzTimelinePalette *palette,
                                guint32                  rgb,
                                KzStage                  stage,
                                GdkRGBA                 *out_color)
{
  GdkRGBA area;
  double a;

  g_return_if_fail (palette != NULL);
  g_return_if_fail (out_color != NULL);

  kz_timeline_palette_area_color (palette, rgb, &area);
  a = kz_matrix_renderer_stage_alpha (stage);
  out_color->red = palette->background.red * (1 - a) + area.red * a;
  out_color->green = palette->background.green * (1 - a) + area.green * a;
  out_color->blue = palette->background.blue * (1 - a) + area.blue * a;
  out_color->alpha = 1.f;
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

static void
rounded_outline (const Frame   *f,
                 const GdkRGBA *color,
                 double         x,
                 double         y,
                 double         width,
                 double         height,
                 double         radius,
                 double         line_width)
{
  kz_draw_rounded_border (f->snapshot, color, x, y, width, height, radius, line_width);
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

/* A cell's shade and mark, in the box x, y, size × size or a cell's rect. */
static void
draw_cell (const Frame   *f,
           guint32        rgb,
           KzStage        stage,
           double         x,
           double         y,
           double         width,
           double         height,
           const GdkRGBA *mark_color_override)
{
  double r;

  if (stage == KZ_STAGE_NONE)
    {
      rounded_fill (f, &f->palette->lane_stripe, x, y, width, height, CELL_RADIUS);
      return;
    }

  {
    GdkRGBA shade, mark;

    kz_matrix_renderer_stage_shade (f->palette, rgb, stage, &shade);
    rounded_fill (f, &shade, x, y, width, height, CELL_RADIUS);

    /* On the strong shades the mark is cut out of the colour; on the faint ones it is drawn
     * in it. */
    if (mark_color_override != NULL)
      mark = *mark_color_override;
    else if (kz_matrix_renderer_stage_alpha (stage) >= 0.6)
      mark = f->palette->background;
    else
      kz_timeline_palette_area_color (f->palette, rgb, &mark);

    r = CLAMP (MIN (width, height) * 0.17, 2.5, 8.0);
    if (MIN (width, height) >= 4 * r)
      kz_timeline_renderer_draw_stage_mark (f->snapshot, f->palette, stage,
                                            x + width / 2, y + height / 2, r, &mark);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Parts                                                                                      */

static void
draw_title (const Frame *f)
{
  const KzTimelineRect *r = &f->g->title;

  if (r->height <= 0)
    return;

  gtk_snapshot_push_clip (f->snapshot, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height));
  draw_text (f, ROLE_TITLE, f->g->title_text, r->x, r->y + 13, 0, &f->palette->foreground);
  draw_text (f, ROLE_SUBTITLE, f->g->subtitle_text, r->x, r->y + 35, 0, &f->palette->dimmed);
  gtk_snapshot_pop (f->snapshot);
}

static void
draw_header (const Frame          *f,
             const KzMatrixColumn *columns,
             guint                 n_columns)
{
  const KzMatrixGeometry *g = f->g;
  gboolean show_selection = !(f->flags & KZ_TIMELINE_RENDER_NO_SELECTION);

  if (g->corner_label != NULL)
    {
      g_autofree char *upper = g_utf8_strup (g->corner_label, -1);

      draw_text (f, ROLE_HEADING, upper, g->label_x, g->header_label_y, 0, &f->palette->dimmed);
    }

  for (guint c = f->first_column; c < MIN (n_columns, f->end_column); c++)
    {
      const KzMatrixColumn *column = &columns[c];
      gboolean selected = column->selected && show_selection;
      double cx = column->x + column->width / 2;

      if (!column->show_label && !selected)
        continue;

      draw_text (f, ROLE_COLUMN, column->label, cx, g->header_label_y, 0.5,
                 selected ? &f->palette->selection : &f->palette->foreground);
      draw_text (f, ROLE_SMALL, column->sublabel, cx, g->header_sublabel_y, 0.5,
                 selected ? &f->palette->selection : &f->palette->dimmed);
    }
}

static void
draw_rows (const Frame       *f,
           const KzMatrixRow *rows,
           guint              n_rows)
{
  const KzMatrixGeometry *g = f->g;

  for (guint r = 0; r < n_rows; r++)
    {
      GdkRGBA color;
      double cy = rows[r].y + rows[r].height / 2;
      double bar = MIN (14.0, rows[r].height - 4);

      kz_timeline_palette_area_color (f->palette, rows[r].rgb, &color);
      rounded_fill (f, &color, snap (f, g->label_x), snap (f, cy - bar / 2), 4, bar, 2);
      draw_text (f, ROLE_LABEL, rows[r].label, g->label_x + KZ_TIMELINE_SWATCH_SPACE, cy, 0,
                 rows[r].n_touched > 0 ? &f->palette->foreground : &f->palette->dimmed);
    }
}

static void
draw_cells (const Frame          *f,
            const KzMatrixRow    *rows,
            guint                 n_rows,
            const KzMatrixColumn *columns,
            guint                 n_columns)
{
  const KzMatrixGeometry *g = f->g;
  double gap = MIN (CELL_GAP, MIN (g->cell_width, g->cell_height) / 4);

  for (guint r = 0; r < n_rows; r++)
    for (guint c = f->first_column; c < MIN (n_columns, f->end_column); c++)
      {
        const KzMatrixCell *cell = kz_matrix_layout_get_cell (f->layout, r, c);
        KzTimelineRect rect = kz_matrix_layout_get_cell_rect (f->layout, r, c);

        draw_cell (f, rows[r].rgb, cell->stage,
                   rect.x + gap / 2, rect.y + gap / 2, rect.width - gap, rect.height - gap, NULL);
      }
}

static void
draw_selection (const Frame          *f,
                const KzMatrixColumn *columns,
                guint                 n_columns)
{
  const KzMatrixGeometry *g = f->g;

  if (f->flags & KZ_TIMELINE_RENDER_NO_SELECTION)
    return;

  for (guint c = f->first_column; c < MIN (n_columns, f->end_column); c++)
    if (columns[c].selected)
      {
        GdkRGBA wash = with_alpha (&f->palette->selection, 0.10);

        /* A wash over the whole column, header included, and a line round it. */
        rounded_fill (f, &wash, columns[c].x - 1, g->header.y, columns[c].width + 2,
                      g->grid.y + g->grid.height - g->header.y + 1, 5);
        rounded_outline (f, &f->palette->selection, columns[c].x - 1, g->header.y,
                         columns[c].width + 2, g->grid.y + g->grid.height - g->header.y + 1,
                         5, 1.5);
      }
}

/* Over the cells: the cell with the keyboard focus. */
static void
draw_focus (const Frame *f)
{
  const KzMatrixGeometry *g = f->g;
  KzMatrixRenderer *self = f->self;

  if (f->flags & KZ_TIMELINE_RENDER_NO_SELECTION)
    return;

  if (self->focus_row >= 0 && self->focus_column >= 0 &&
      (guint) self->focus_row < g->n_rows && (guint) self->focus_column < g->n_columns)
    {
      KzTimelineRect rect = kz_matrix_layout_get_cell_rect (f->layout, self->focus_row,
                                                            self->focus_column);

      rounded_outline (f, &f->palette->foreground, rect.x - 0.5, rect.y - 0.5,
                       rect.width + 1, rect.height + 1, CELL_RADIUS + 1, 2.0);
    }
}

static void
draw_empty (const Frame *f)
{
  const KzMatrixGeometry *g = f->g;

  if (g->n_columns > 0)
    return;

  draw_text (f, ROLE_LABEL, _("No events of this kind"), g->header.x, g->header_sublabel_y, 0,
             &f->palette->dimmed);
}

static void
draw_legend (const Frame *f)
{
  const KzTimelineRect *r = &f->g->legend;
  const char *prefix = _("Stage:");
  const char *none_text = _("Not raised");
  double cy = r->y + r->height / 2;
  double x = r->x, box = 16, gap = 18;
  GdkRGBA sample;
  guint32 rgb;

  if (r->height <= 0)
    return;

  /* Samples in the dimmed colour: the shade, not the hue, is what the legend explains. */
  rgb = ((guint32) round (f->palette->dimmed.red * 255) << 16) |
        ((guint32) round (f->palette->dimmed.green * 255) << 8) |
        (guint32) round (f->palette->dimmed.blue * 255);

  gtk_snapshot_push_clip (f->snapshot, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height));

  x += draw_text (f, ROLE_SMALL, prefix, x, cy, 0, &f->palette->dimmed) + 14;
  for (KzStage stage = KZ_STAGE_DISCUSSED; stage <= KZ_STAGE_MECHANISM; stage++)
    {
      draw_cell (f, rgb, stage, x, cy - box / 2, box + 6, box, NULL);
      x += box + 6 + 6;
      x += draw_text (f, ROLE_SMALL, kz_stage_get_label (stage), x, cy, 0, &f->palette->foreground);
      x += gap;
    }

  sample = f->palette->lane_stripe;
  rounded_outline (f, &f->palette->grid, x - 0.5, cy - box / 2 - 0.5, box + 7, box + 1, CELL_RADIUS, 1);
  rounded_fill (f, &sample, x, cy - box / 2, box + 6, box, CELL_RADIUS);
  x += box + 6 + 6;
  draw_text (f, ROLE_SMALL, none_text, x, cy, 0, &f->palette->dimmed);

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
 * kz_matrix_renderer_set_visible:
 *
 * Only x0..x1 (logical pixels, the layout's coordinates) can be seen, as in a scrolled
 * window: columns wholly outside are not drawn. Until this is called, or after
 * kz_matrix_renderer_unset_visible(), what the layout's width holds is drawn.
 */
void
kz_matrix_renderer_set_visible (KzMatrixRenderer *self,
                                double            x0,
                                double            x1)
{
  g_return_if_fail (self != NULL);

  self->has_visible = TRUE;
  self->visible_x0 = x0;
  self->visible_x1 = MAX (x0, x1);
}

void
kz_matrix_renderer_unset_visible (KzMatrixRenderer *self)
{
  g_return_if_fail (self != NULL);

  self->has_visible = FALSE;
}

/* The columns that overlap the visible span: columns are in x order, evenly spaced. */
static void
visible_columns (KzMatrixRenderer       *self,
                 const KzMatrixGeometry *g,
                 const KzMatrixColumn   *columns,
                 guint                   n_columns,
                 guint                  *out_first,
                 guint                  *out_end)
{
  double x0 = self->has_visible ? self->visible_x0 : 0.0;
  double x1 = self->has_visible ? self->visible_x1 : g->width;
  double first, end;

  *out_first = 0;
  *out_end = n_columns;
  if (n_columns == 0 || g->cell_width <= 0)
    return;

  /* A column's label, centred on it, may reach past it (labels are thinned out to fit,
   * and are a few characters), and its selection outline a pixel: a margin for both. */
  first = floor ((x0 - VISIBLE_MARGIN - columns[0].x) / g->cell_width) - 1;
  end = ceil ((x1 + VISIBLE_MARGIN - columns[0].x) / g->cell_width) + 1;
  *out_first = (guint) CLAMP (first, 0, n_columns);
  *out_end = (guint) CLAMP (end, *out_first, n_columns);
}

/**
 * kz_matrix_renderer_snapshot:
 * @layout: updated with this renderer's measure (kz_matrix_renderer_attach())
 * @flags: NO_BACKGROUND and NO_SELECTION as for the timeline; NO_TODAY means nothing here
 *
 * Draws the whole matrix at (0, 0) in logical pixels, layout's width by its height.
 */
void
kz_matrix_renderer_snapshot (KzMatrixRenderer        *self,
                             GtkSnapshot             *snapshot,
                             const KzMatrixLayout    *layout,
                             const KzTimelinePalette *palette,
                             KzTimelineRenderFlags    flags)
{
  const KzMatrixGeometry *g;
  const KzMatrixColumn *columns;
  const KzMatrixRow *rows;
  guint n_columns, n_rows;
  Frame f;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  g = kz_matrix_layout_get_geometry (layout);
  f = (Frame) { self, snapshot, layout, g, palette, flags };
  columns = kz_matrix_layout_get_columns (layout, &n_columns);
  rows = kz_matrix_layout_get_rows (layout, &n_rows);
  n_columns = MIN (n_columns, g->n_columns);
  n_rows = MIN (n_rows, g->n_rows);
  visible_columns (self, g, columns, n_columns, &f.first_column, &f.end_column);

  if (!(flags & KZ_TIMELINE_RENDER_NO_BACKGROUND))
    fill_rect (&f, &palette->background, 0, 0, g->width, g->height);

  draw_title (&f);
  draw_selection (&f, columns, n_columns);
  draw_header (&f, columns, n_columns);
  draw_rows (&f, rows, n_rows);
  draw_cells (&f, rows, n_rows, columns, n_columns);
  draw_focus (&f);
  draw_empty (&f);
  draw_legend (&f);
  draw_footer (&f);

  kz_text_cache_next_frame (self->texts);
}
