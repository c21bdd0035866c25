/* kz-timeline-palette.h — the timeline's colours, light and dark, given to the renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

#define KZ_TIMELINE_PALETTE_N_KINDS 8

/* Colours come in explicitly rather than from CSS, so that screen and export agree. Area
 * colours come from the dataset; they are checked for 3:1 contrast against background. */
typedef struct {
  gboolean dark;
  GdkRGBA  background;
  GdkRGBA  foreground;                            /* labels */
  GdkRGBA  dimmed;                                /* tick labels, headings, legend */
  GdkRGBA  grid;                                  /* vertical lines at major ticks */
  GdkRGBA  axis;                                  /* axis line and its ticks */
  GdkRGBA  lane_stripe;                           /* every other lane */
  GdkRGBA  lane_separator;                        /* between the events row and the lanes */
  GdkRGBA  today;
  GdkRGBA  selection;
  GdkRGBA  cluster_fill;                          /* counted pills */
  GdkRGBA  cluster_text;
  GdkRGBA  row_mark;                              /* events row mark of an event with no kind */
  GdkRGBA  kinds[KZ_TIMELINE_PALETTE_N_KINDS];    /* events row marks, by kind position */
  double   band_alpha;                            /* stage bands over the area colour */
  double   span_alpha;                            /* the period of a partial date or range */
  double   dim_alpha;                             /* events that do not match the search */
} KzTimelinePalette;

const KzTimelinePalette *kz_timeline_palette_get            (gboolean                 dark);
void                     kz_timeline_palette_area_color     (const KzTimelinePalette *palette,
                                                             guint32                  rgb,
                                                             GdkRGBA                 *out_color);
const GdkRGBA           *kz_timeline_palette_kind_color     (const KzTimelinePalette *palette,
                                                             int                      kind);

G_END_DECLS
