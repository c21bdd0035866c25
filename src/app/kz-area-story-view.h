/* kz-area-story-view.h — how one area grew: the detail pane's page for an area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"

G_BEGIN_DECLS

#define KZ_TYPE_AREA_STORY_VIEW (kz_area_story_view_get_type ())
G_DECLARE_FINAL_TYPE (KzAreaStoryView, kz_area_story_view, KZ, AREA_STORY_VIEW, GtkWidget)

GtkWidget *kz_area_story_view_new      (void);
void       kz_area_story_view_set_area (KzAreaStoryView *self,
                                        KzDataset       *dataset,
                                        KzArea          *area);
KzArea    *kz_area_story_view_get_area (KzAreaStoryView *self);

G_END_DECLS
