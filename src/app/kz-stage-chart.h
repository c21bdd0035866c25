/* kz-stage-chart.h — a small step chart of how deep one area went, over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"

G_BEGIN_DECLS

#define KZ_TYPE_STAGE_CHART (kz_stage_chart_get_type ())
G_DECLARE_FINAL_TYPE (KzStageChart, kz_stage_chart, KZ, STAGE_CHART, GtkWidget)

GtkWidget  *kz_stage_chart_new         (void);
void        kz_stage_chart_set_area    (KzStageChart *self,
                                        KzDataset    *dataset,
                                        KzArea       *area);
KzArea     *kz_stage_chart_get_area    (KzStageChart *self);
guint       kz_stage_chart_get_n_points (KzStageChart *self);
/* "Discussed from 2011, agreed from 2016, mechanism from 2026": the chart in words. */
const char *kz_stage_chart_get_summary (KzStageChart *self);

G_END_DECLS
