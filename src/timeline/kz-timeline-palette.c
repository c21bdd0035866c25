/* kz-timeline-palette.c — the timeline's colours, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "kz-timeline"

#include "kz-timeline-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.f, ((hex) >> 8 & 0xff) / 255.f, ((hex) & 0xff) / 255.f, 1.f }

/* GNOME's palette (the HIG colours): blues, reds and greys that read as GNOME. Backgrounds
 * are exactly those the bundled dataset's area colours are tested against. */
static const KzTimelinePalette light = {
  .dark = FALSE,
  .background = RGB (0xffffff),
  .foreground = RGB (0x2e2e33),
  .dimmed = RGB (0x6a6970),
  .grid = RGB (0xe8e8ea),
  .axis = RGB (0xb8b7bc),
  .lane_stripe = RGB (0xf6f6f7),
  .lane_separator = RGB (0xdeddda),
  .today = RGB (0xe01b24),
  .selection = RGB (0x1c71d8),
  .cluster_fill = RGB (0x5e5c64),
  .cluster_text = RGB (0xffffff),
  .row_mark = RGB (0x5e5c64),
  .kinds = {
    RGB (0x5e5c64), RGB (0x1a5fb4), RGB (0xc64600), RGB (0x26a269),
    RGB (0x813d9c), RGB (0x986a44), RGB (0xa51d2d), RGB (0x0e7c86),
  },
  .band_alpha = 0.32,
  .span_alpha = 0.22,
  .dim_alpha = 0.22,
};

static const KzTimelinePalette dark = {
  .dark = TRUE,
  .background = RGB (0x1e1e1e),
  .foreground = RGB (0xeeeeee),
  .dimmed = RGB (0xa8a8ad),
  .grid = RGB (0x2f2f32),
  .axis = RGB (0x5e5c64),
  .lane_stripe = RGB (0x252527),
  .lane_separator = RGB (0x3a3a3d),
  .today = RGB (0xff7b63),
  .selection = RGB (0x78aeed),
  .cluster_fill = RGB (0xc0bfc4),
  .cluster_text = RGB (0x1e1e1e),
  .row_mark = RGB (0xc0bfc4),
  .kinds = {
    RGB (0xc0bfc4), RGB (0x62a0ea), RGB (0xffa348), RGB (0x57e389),
    RGB (0xc061cb), RGB (0xcdab8f), RGB (0xf66151), RGB (0x5bc8d0),
  },
  .band_alpha = 0.36,
  .span_alpha = 0.28,
  .dim_alpha = 0.25,
};

const KzTimelinePalette *
kz_timeline_palette_get (gboolean dark_theme)
{
  return dark_theme ? &dark : &light;
}

void
kz_timeline_palette_area_color (const KzTimelinePalette *palette,
                                guint32                  rgb,
                                GdkRGBA                 *out_color)
{
  g_return_if_fail (palette != NULL);
  g_return_if_fail (out_color != NULL);

  out_color->red = (rgb >> 16 & 0xff) / 255.f;
  out_color->green = (rgb >> 8 & 0xff) / 255.f;
  out_color->blue = (rgb & 0xff) / 255.f;
  out_color->alpha = 1.f;
}

/* kind is the kind's position in the dataset, or -1 for none. */
const GdkRGBA *
kz_timeline_palette_kind_color (const KzTimelinePalette *palette,
                                int                      kind)
{
  g_return_val_if_fail (palette != NULL, NULL);

  if (kind < 0)
    return &palette->row_mark;
  return &palette->kinds[kind % KZ_TIMELINE_PALETTE_N_KINDS];
}
