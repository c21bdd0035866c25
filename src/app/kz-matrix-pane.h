/* kz-matrix-pane.h — the matrix with its kind chooser, in place of the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"
#include "kz-matrix-view.h"

G_BEGIN_DECLS

#define KZ_TYPE_MATRIX_PANE (kz_matrix_pane_get_type ())
G_DECLARE_FINAL_TYPE (KzMatrixPane, kz_matrix_pane, KZ, MATRIX_PANE, GtkWidget)

GtkWidget    *kz_matrix_pane_new         (void);
KzDataset    *kz_matrix_pane_get_dataset (KzMatrixPane *self);
void          kz_matrix_pane_set_dataset (KzMatrixPane *self,
                                          KzDataset    *dataset);
KzMatrixView *kz_matrix_pane_get_view    (KzMatrixPane *self);

G_END_DECLS
