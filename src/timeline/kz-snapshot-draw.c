/* kz-snapshot-draw.c — the drawing primitives the timeline and matrix renderers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only node types that cairo draws as vectors (colours, borders, rounded clips, text), so
 * exports to SVG and PDF stay vector; positions snapped to device pixels where a line's
 * crispness depends on it.
 */
#define G_LOG_DOMAIN "kz-snapshot-draw"

#include "config.h"

#include <math.h>

#include "kz-snapshot-draw.h"

/* @v rounded to a whole device pixel, for @scale device pixels per logical pixel. */
double
kz_draw_snap (double scale,
              double v)
{
  return round (v * scale) / scale;
}

GdkRGBA
kz_draw_with_alpha (const GdkRGBA *color,
                    double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

void
kz_draw_rect (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              double         x,
              double         y,
              double         width,
              double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

void
kz_draw_rounded_rect (GtkSnapshot   *snapshot,
                      const GdkRGBA *color,
                      double         x,
                      double         y,
                      double         width,
                      double         height,
                      double         radius)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height),
                                   MIN (radius, MIN (width, height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  kz_draw_rect (snapshot, color, x, y, width, height);
  gtk_snapshot_pop (snapshot);
}

/* A border inside the rect; as wide as the radius of a circle, it is a filled disc: one
 * node, drawn as a vector by cairo. */
void
kz_draw_rounded_border (GtkSnapshot   *snapshot,
                        const GdkRGBA *color,
                        double         x,
                        double         y,
                        double         width,
                        double         height,
                        double         radius,
                        double         line_width)
{
  GskRoundedRect rect;
  const float widths[4] = { line_width, line_width, line_width, line_width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height),
                                   MIN (radius, MIN (width, height) / 2));
  gtk_snapshot_append_border (snapshot, &rect, widths, colors);
}

/* Draws @text with its left edge at x (align 0), centred (0.5) or right (1), centred on cy.
 * Returns: its width */
double
kz_draw_text (GtkSnapshot   *snapshot,
              double         scale,
              KzTextCache   *texts,
              guint          role,
              const char    *text,
              double         x,
              double         cy,
              double         align,
              const GdkRGBA *color)
{
  const KzText *entry;

  if (text == NULL || *text == '\0')
    return 0.0;

  entry = kz_text_cache_lookup (texts, role, text);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (kz_draw_snap (scale, x - align * entry->width),
                                                kz_draw_snap (scale, cy - entry->height / 2)));
  gtk_snapshot_append_layout (snapshot, entry->layout, color);
  gtk_snapshot_restore (snapshot);

  return entry->width;
}
