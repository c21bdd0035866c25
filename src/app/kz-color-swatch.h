/* kz-color-swatch.h — a small rounded square of one colour (an area's colour)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KZ_TYPE_COLOR_SWATCH (kz_color_swatch_get_type ())
G_DECLARE_FINAL_TYPE (KzColorSwatch, kz_color_swatch, KZ, COLOR_SWATCH, GtkWidget)

GtkWidget *kz_color_swatch_new     (guint32        rgb);
guint32    kz_color_swatch_get_rgb (KzColorSwatch *self);
void       kz_color_swatch_set_rgb (KzColorSwatch *self,
                                    guint32        rgb);

G_END_DECLS
