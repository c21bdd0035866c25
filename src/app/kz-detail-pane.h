/* kz-detail-pane.h — everything the dataset says about the selected event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-event.h"

G_BEGIN_DECLS

#define KZ_TYPE_DETAIL_PANE (kz_detail_pane_get_type ())
G_DECLARE_FINAL_TYPE (KzDetailPane, kz_detail_pane, KZ, DETAIL_PANE, GtkWidget)

GtkWidget *kz_detail_pane_new         (void);
KzEvent   *kz_detail_pane_get_event   (KzDetailPane *self);
void       kz_detail_pane_set_event   (KzDetailPane *self,
                                       KzEvent      *event);

G_END_DECLS
