/* kz-dataset.h — a loaded dataset: events sorted by date, areas, kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kz-area.h"
#include "kz-event.h"
#include "kz-kind.h"

G_BEGIN_DECLS

/* What the dataset says about one area across all its events. Event pointers are owned
 * by the dataset; they are NULL when the area has no event. */
typedef struct {
  KzEvent *first_event;
  KzEvent *last_event;
  guint    n_events;
  KzStage  deepest_stage;
  KzEvent *deepest_event;    /* the first event, in dataset order, that reached deepest_stage */
} KzAreaStats;

#define KZ_TYPE_DATASET (kz_dataset_get_type ())
G_DECLARE_FINAL_TYPE (KzDataset, kz_dataset, KZ, DATASET, GObject)

/* The dataset takes the arrays (of KzArea, KzKind and KzEvent); events need not be sorted. */
KzDataset         *kz_dataset_new               (const char *title,
                                                 const char *description,
                                                 GPtrArray  *areas,
                                                 GPtrArray  *kinds,
                                                 GPtrArray  *events);
const char        *kz_dataset_get_title         (KzDataset  *self);
const char        *kz_dataset_get_description   (KzDataset  *self);
GListModel        *kz_dataset_get_areas         (KzDataset  *self);
GListModel        *kz_dataset_get_kinds         (KzDataset  *self);
guint              kz_dataset_get_n_events      (KzDataset  *self);
KzEvent           *kz_dataset_get_event         (KzDataset  *self,
                                                 guint       position);
KzEvent           *kz_dataset_lookup_event      (KzDataset  *self,
                                                 const char *id);
KzArea            *kz_dataset_lookup_area       (KzDataset  *self,
                                                 const char *id);
KzKind            *kz_dataset_lookup_kind       (KzDataset  *self,
                                                 const char *id);
gboolean           kz_dataset_get_event_position (KzDataset *self,
                                                  KzEvent   *event,
                                                  guint     *out_position);
guint              kz_dataset_count_kind        (KzDataset  *self,
                                                 KzKind     *kind);
const guint       *kz_dataset_get_kind_positions (KzDataset *self,
                                                  KzKind    *kind,
                                                  guint     *n_positions);
const KzAreaStats *kz_dataset_get_area_stats    (KzDataset  *self,
                                                 KzArea     *area);
gboolean           kz_dataset_get_span          (KzDataset  *self,
                                                 gint64     *out_first_day,
                                                 gint64     *out_last_day);

G_END_DECLS
