/* kz-detail-pane.h — the selected event, an area's story, or a comparison of two events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"
#include "kz-event.h"

G_BEGIN_DECLS

/* What the pane shows: nothing, the event, an area's story or a comparison of two events. */
typedef enum {
  KZ_DETAIL_PANE_MODE_EMPTY,
  KZ_DETAIL_PANE_MODE_EVENT,
  KZ_DETAIL_PANE_MODE_AREA,
  KZ_DETAIL_PANE_MODE_COMPARISON,
} KzDetailPaneMode;

#define KZ_TYPE_DETAIL_PANE_MODE (kz_detail_pane_mode_get_type ())
GType kz_detail_pane_mode_get_type (void) G_GNUC_CONST;

#define KZ_TYPE_DETAIL_PANE (kz_detail_pane_get_type ())
G_DECLARE_FINAL_TYPE (KzDetailPane, kz_detail_pane, KZ, DETAIL_PANE, GtkWidget)

GtkWidget        *kz_detail_pane_new             (void);
KzEvent          *kz_detail_pane_get_event       (KzDetailPane *self);
void              kz_detail_pane_set_event       (KzDetailPane *self,
                                                  KzEvent      *event);
KzDataset        *kz_detail_pane_get_dataset     (KzDetailPane *self);
void              kz_detail_pane_set_dataset     (KzDetailPane *self,
                                                  KzDataset    *dataset);
KzDetailPaneMode  kz_detail_pane_get_mode        (KzDetailPane *self);
void              kz_detail_pane_show_area       (KzDetailPane *self,
                                                  KzArea       *area);
KzArea           *kz_detail_pane_get_area        (KzDetailPane *self);
void              kz_detail_pane_show_comparison (KzDetailPane *self,
                                                  KzEvent      *from,
                                                  KzEvent      *to);
gboolean          kz_detail_pane_get_comparison  (KzDetailPane *self,
                                                  KzEvent     **out_from,
                                                  KzEvent     **out_to);
void              kz_detail_pane_go_back         (KzDetailPane *self);

G_END_DECLS
