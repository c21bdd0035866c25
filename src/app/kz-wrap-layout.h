/* kz-wrap-layout.h — lays children out left to right, wrapping to new lines (filter chips)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KZ_TYPE_WRAP_LAYOUT (kz_wrap_layout_get_type ())
G_DECLARE_FINAL_TYPE (KzWrapLayout, kz_wrap_layout, KZ, WRAP_LAYOUT, GtkLayoutManager)

GtkLayoutManager *kz_wrap_layout_new                (void);
int               kz_wrap_layout_get_column_spacing (KzWrapLayout *self);
void              kz_wrap_layout_set_column_spacing (KzWrapLayout *self,
                                                     int           spacing);
int               kz_wrap_layout_get_row_spacing    (KzWrapLayout *self);
void              kz_wrap_layout_set_row_spacing    (KzWrapLayout *self,
                                                     int           spacing);

G_END_DECLS
