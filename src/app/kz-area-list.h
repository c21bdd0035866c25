/* kz-area-list.h — the dataset's areas with lane toggles, and its kinds as filter chips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"

G_BEGIN_DECLS

#define KZ_TYPE_AREA_LIST (kz_area_list_get_type ())
G_DECLARE_FINAL_TYPE (KzAreaList, kz_area_list, KZ, AREA_LIST, GtkWidget)

GtkWidget          *kz_area_list_new              (void);
KzDataset          *kz_area_list_get_dataset      (KzAreaList         *self);
void                kz_area_list_set_dataset      (KzAreaList         *self,
                                                   KzDataset          *dataset);
const char * const *kz_area_list_get_hidden_areas (KzAreaList         *self);
void                kz_area_list_set_hidden_areas (KzAreaList         *self,
                                                   const char * const *area_ids);
const char * const *kz_area_list_get_hidden_kinds (KzAreaList         *self);
void                kz_area_list_set_hidden_kinds (KzAreaList         *self,
                                                   const char * const *kind_ids);

G_END_DECLS
