/* kz-event-comparison.h — what changed, area by area, between two events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kz-dataset.h"

G_BEGIN_DECLS

typedef enum {
  KZ_AREA_CHANGE_ADDED,       /* only the later event touches the area */
  KZ_AREA_CHANGE_DROPPED,     /* only the earlier one does */
  KZ_AREA_CHANGE_DEEPENED,    /* both, and the stage rose */
  KZ_AREA_CHANGE_WEAKENED,    /* both, and the stage fell */
  KZ_AREA_CHANGE_UNCHANGED,   /* both, at the same stage */
} KzAreaChange;

#define KZ_N_AREA_CHANGES (KZ_AREA_CHANGE_UNCHANGED + 1)

typedef struct {
  KzArea            *area;
  KzAreaChange       change;
  const KzEventArea *from;    /* NULL when ADDED */
  const KzEventArea *to;      /* NULL when DROPPED */
} KzAreaComparison;

typedef struct {
  KzEvent          *from;
  KzEvent          *to;
  KzAreaComparison *areas;    /* in the dataset's area order */
  guint             n_areas;
} KzEventComparison;

KzEventComparison *kz_event_comparison_new      (KzDataset         *dataset,
                                                 KzEvent           *from,
                                                 KzEvent           *to);
void               kz_event_comparison_free     (KzEventComparison *comparison);
const char        *kz_area_change_to_string     (KzAreaChange       change);
const char        *kz_area_change_get_label     (KzAreaChange       change);

KzEvent           *kz_dataset_find_previous_of_kind (KzDataset     *dataset,
                                                     KzEvent       *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzEventComparison, kz_event_comparison_free)

G_END_DECLS
