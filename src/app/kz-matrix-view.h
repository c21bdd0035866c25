/* kz-matrix-view.h — the matrix widget: areas × the events of one kind, shaded by stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"

G_BEGIN_DECLS

#define KZ_TYPE_MATRIX_VIEW (kz_matrix_view_get_type ())
G_DECLARE_FINAL_TYPE (KzMatrixView, kz_matrix_view, KZ, MATRIX_VIEW, GtkWidget)

GtkWidget          *kz_matrix_view_new                (void);

KzDataset          *kz_matrix_view_get_dataset        (KzMatrixView       *self);
void                kz_matrix_view_set_dataset        (KzMatrixView       *self,
                                                       KzDataset          *dataset);
KzKind             *kz_matrix_view_get_kind           (KzMatrixView       *self);
void                kz_matrix_view_set_kind           (KzMatrixView       *self,
                                                       KzKind             *kind);
KzEvent            *kz_matrix_view_get_selected_event (KzMatrixView       *self);
void                kz_matrix_view_set_selected_event (KzMatrixView       *self,
                                                       KzEvent            *event);
const char * const *kz_matrix_view_get_hidden_areas   (KzMatrixView       *self);
void                kz_matrix_view_set_hidden_areas   (KzMatrixView       *self,
                                                       const char * const *area_ids);

/* The cell with the keyboard focus, or FALSE when there is none. */
gboolean            kz_matrix_view_get_focus_cell     (KzMatrixView       *self,
                                                       guint              *out_row,
                                                       guint              *out_column);
/* Where a cell's centre is, in widget coordinates, for the current size. */
gboolean            kz_matrix_view_get_cell_point     (KzMatrixView       *self,
                                                       KzArea             *area,
                                                       KzEvent            *event,
                                                       double             *out_x,
                                                       double             *out_y);

G_END_DECLS
