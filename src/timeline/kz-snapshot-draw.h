/* kz-snapshot-draw.h — the drawing primitives the timeline and matrix renderers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-text-cache.h"

G_BEGIN_DECLS

double  kz_draw_snap           (double          scale,
                                double          v);
GdkRGBA kz_draw_with_alpha     (const GdkRGBA  *color,
                                double          alpha);
void    kz_draw_rect           (GtkSnapshot    *snapshot,
                                const GdkRGBA  *color,
                                double          x,
                                double          y,
                                double          width,
                                double          height);
void    kz_draw_rounded_rect   (GtkSnapshot    *snapshot,
                                const GdkRGBA  *color,
                                double          x,
                                double          y,
                                double          width,
                                double          height,
                                double          radius);
void    kz_draw_rounded_border (GtkSnapshot    *snapshot,
                                const GdkRGBA  *color,
                                double          x,
                                double          y,
                                double          width,
                                double          height,
                                double          radius,
                                double          line_width);
double  kz_draw_text           (GtkSnapshot    *snapshot,
                                double          scale,
                                KzTextCache    *texts,
                                guint           role,
                                const char     *text,
                                double          x,
                                double          cy,
                                double          align,
                                const GdkRGBA  *color);

G_END_DECLS
