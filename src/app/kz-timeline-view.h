/* kz-timeline-view.h — the timeline widget: the renderer on screen, with gestures and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"
#include "kz-timeline-layout.h"

G_BEGIN_DECLS

#define KZ_TYPE_TIMELINE_VIEW (kz_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (KzTimelineView, kz_timeline_view, KZ, TIMELINE_VIEW, GtkWidget)

GtkWidget          *kz_timeline_view_new                (void);

KzDataset          *kz_timeline_view_get_dataset        (KzTimelineView     *self);
void                kz_timeline_view_set_dataset        (KzTimelineView     *self,
                                                         KzDataset          *dataset);
void                kz_timeline_view_set_dataset_with_layout (KzTimelineView   *self,
                                                              KzDataset        *dataset,
                                                              KzTimelineLayout *layout);
KzEvent            *kz_timeline_view_get_selected_event (KzTimelineView     *self);
void                kz_timeline_view_set_selected_event (KzTimelineView     *self,
                                                         KzEvent            *event);

/* The visible range, in day numbers (kz_date_get_first_day()), fractional while zooming. */
double              kz_timeline_view_get_visible_start  (KzTimelineView     *self);
double              kz_timeline_view_get_visible_end    (KzTimelineView     *self);
void                kz_timeline_view_set_visible_range  (KzTimelineView     *self,
                                                         double              start_day,
                                                         double              end_day);
void                kz_timeline_view_zoom_fit           (KzTimelineView     *self);
void                kz_timeline_view_zoom               (KzTimelineView     *self,
                                                         double              factor,
                                                         double              anchor_day);

const char * const *kz_timeline_view_get_hidden_areas   (KzTimelineView     *self);
void                kz_timeline_view_set_hidden_areas   (KzTimelineView     *self,
                                                         const char * const *area_ids);
const char * const *kz_timeline_view_get_hidden_kinds   (KzTimelineView     *self);
void                kz_timeline_view_set_hidden_kinds   (KzTimelineView     *self,
                                                         const char * const *kind_ids);
const char         *kz_timeline_view_get_search_text    (KzTimelineView     *self);
void                kz_timeline_view_set_search_text    (KzTimelineView     *self,
                                                         const char         *text);
guint               kz_timeline_view_get_n_matches      (KzTimelineView     *self);

/* The areas whose lanes show (the dataset's areas less the hidden ones), in lane order. */
GPtrArray          *kz_timeline_view_get_visible_areas  (KzTimelineView     *self);
/* The shown event before (direction < 0) or after (> 0) from, or the first/last shown event
 * when from is NULL; NULL when there is none. Hidden kinds and areas are skipped. */
KzEvent            *kz_timeline_view_find_event         (KzTimelineView     *self,
                                                         KzEvent            *from,
                                                         int                 direction);
/* Where event's mark is in the events row, in widget coordinates, for the current range and
 * size; FALSE when it has no place of its own there (out of view, or in a cluster). */
gboolean            kz_timeline_view_get_event_point    (KzTimelineView     *self,
                                                         KzEvent            *event,
                                                         double             *out_x,
                                                         double             *out_y);
void                kz_timeline_view_reveal_event       (KzTimelineView     *self,
                                                         KzEvent            *event);
gboolean            kz_timeline_view_click_at           (KzTimelineView     *self,
                                                         int                 n_press,
                                                         double              x,
                                                         double              y,
                                                         GdkModifierType     state);

G_END_DECLS
