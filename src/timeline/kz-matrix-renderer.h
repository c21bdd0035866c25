/* kz-matrix-renderer.h — draws a matrix layout into a GtkSnapshot, for screen and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-matrix-layout.h"
#include "kz-timeline-palette.h"
#include "kz-timeline-renderer.h"

G_BEGIN_DECLS

typedef struct _KzMatrixRenderer KzMatrixRenderer;

KzMatrixRenderer *kz_matrix_renderer_new          (PangoContext            *context);
void              kz_matrix_renderer_free         (KzMatrixRenderer        *self);
void              kz_matrix_renderer_set_context  (KzMatrixRenderer        *self,
                                                   PangoContext            *context);
void              kz_matrix_renderer_set_scale    (KzMatrixRenderer        *self,
                                                   double                   scale);
void              kz_matrix_renderer_set_focus    (KzMatrixRenderer        *self,
                                                   int                      row,
                                                   int                      column);
void              kz_matrix_renderer_set_visible  (KzMatrixRenderer        *self,
                                                   double                   x0,
                                                   double                   x1);
void              kz_matrix_renderer_unset_visible (KzMatrixRenderer        *self);
double            kz_matrix_renderer_measure      (const char              *text,
                                                   gpointer                 renderer);
void              kz_matrix_renderer_attach       (KzMatrixRenderer        *self,
                                                   KzMatrixLayout          *layout);
void              kz_matrix_renderer_snapshot     (KzMatrixRenderer        *self,
                                                   GtkSnapshot             *snapshot,
                                                   const KzMatrixLayout    *layout,
                                                   const KzTimelinePalette *palette,
                                                   KzTimelineRenderFlags    flags);

double            kz_matrix_renderer_stage_alpha  (KzStage                  stage);
void              kz_matrix_renderer_stage_shade  (const KzTimelinePalette *palette,
                                                   guint32                  rgb,
                                                   KzStage                  stage,
                                                   GdkRGBA                 *out_color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzMatrixRenderer, kz_matrix_renderer_free)

G_END_DECLS
