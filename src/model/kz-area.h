/* kz-area.h — a cooperation area: one lane of the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KZ_TYPE_AREA (kz_area_get_type ())
G_DECLARE_FINAL_TYPE (KzArea, kz_area, KZ, AREA, GObject)

KzArea     *kz_area_new             (const char *id,
                                     const char *name,
                                     guint32     rgb,
                                     const char *description);
const char *kz_area_get_id          (KzArea     *self);
const char *kz_area_get_name        (KzArea     *self);
const char *kz_area_get_description (KzArea     *self);
guint32     kz_area_get_rgb         (KzArea     *self);
guint       kz_area_get_index       (KzArea     *self);
void        kz_area_set_index       (KzArea     *self,
                                     guint       index);

G_END_DECLS
