/* kz-timeline-renderer.h — draws a timeline layout into a GtkSnapshot, for screen and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-timeline-layout.h"
#include "kz-timeline-palette.h"

G_BEGIN_DECLS

typedef enum {
  KZ_TIMELINE_RENDER_DEFAULT       = 0,
  KZ_TIMELINE_RENDER_NO_BACKGROUND = 1 << 0,  /* leave the background transparent */
  KZ_TIMELINE_RENDER_NO_TODAY      = 1 << 1,  /* no today line: output independent of the date */
  KZ_TIMELINE_RENDER_NO_SELECTION  = 1 << 2,  /* draw the selected event like any other */
} KzTimelineRenderFlags;

typedef struct _KzTimelineRenderer KzTimelineRenderer;

KzTimelineRenderer *kz_timeline_renderer_new         (PangoContext          *context);
void                kz_timeline_renderer_free        (KzTimelineRenderer    *self);
void                kz_timeline_renderer_set_context (KzTimelineRenderer    *self,
                                                      PangoContext          *context);
void                kz_timeline_renderer_set_scale   (KzTimelineRenderer    *self,
                                                      double                 scale);
double              kz_timeline_renderer_measure     (const char            *text,
                                                      gpointer               renderer);
void                kz_timeline_renderer_attach      (KzTimelineRenderer    *self,
                                                      KzTimelineLayout      *layout);
void                kz_timeline_renderer_snapshot    (KzTimelineRenderer    *self,
                                                      GtkSnapshot           *snapshot,
                                                      const KzTimelineLayout *layout,
                                                      const KzTimelinePalette *palette,
                                                      KzTimelineRenderFlags  flags);
void                kz_timeline_renderer_draw_stage_mark (GtkSnapshot             *snapshot,
                                                          const KzTimelinePalette *palette,
                                                          KzStage                  stage,
                                                          double                   cx,
                                                          double                   cy,
                                                          double                   radius,
                                                          const GdkRGBA           *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzTimelineRenderer, kz_timeline_renderer_free)

G_END_DECLS
