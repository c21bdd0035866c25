/* kz-compare-view.h — what changed between two events: the detail pane's comparison page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"

G_BEGIN_DECLS

#define KZ_TYPE_COMPARE_VIEW (kz_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (KzCompareView, kz_compare_view, KZ, COMPARE_VIEW, GtkWidget)

GtkWidget *kz_compare_view_new        (void);
void       kz_compare_view_set_events (KzCompareView *self,
                                       KzDataset     *dataset,
                                       KzEvent       *from,
                                       KzEvent       *to);
KzEvent   *kz_compare_view_get_from   (KzCompareView *self);
KzEvent   *kz_compare_view_get_to     (KzCompareView *self);

G_END_DECLS
