/* kz-timeline-layout.h — where everything on the timeline goes: pure computation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kz-dataset.h"

G_BEGIN_DECLS

/* Width of text in logical pixels, as it will be drawn. The renderer provides the real one
 * (kz_timeline_renderer_measure()); tests use a fixed width per character. */
typedef double (*KzTimelineMeasureFunc) (const char *text,
                                         gpointer    user_data);

/* Parts of the picture that take room of their own; export asks for all of them. */
typedef enum {
  KZ_TIMELINE_LAYOUT_TITLE  = 1 << 0,
  KZ_TIMELINE_LAYOUT_LEGEND = 1 << 1,
  KZ_TIMELINE_LAYOUT_FOOTER = 1 << 2,
  KZ_TIMELINE_LAYOUT_FILL   = 1 << 3,   /* lanes grow to fill the height: a page, not a window */
} KzTimelineLayoutFlags;

/* Lane labels: a colour swatch, then the name this far right of geometry.label_x. */
#define KZ_TIMELINE_SWATCH_SPACE 12.0

/* Zoom limits: the narrowest view, in days. The widest is kz_timeline_layout_get_full_range(). */
#define KZ_TIMELINE_MIN_SPAN_DAYS 4.0

typedef struct {
  double                start_day;  /* visible range in day numbers (kz_date_get_first_day()); */
  double                end_day;    /* day d covers [d, d + 1), so end_day is exclusive */
  double                width;      /* logical pixels */
  double                height;
  double                scroll_y;   /* lanes scrolled by this much when they do not fit */
  KzTimelineLayoutFlags flags;
  const char           *title;      /* TITLE: NULL for the dataset's title */
  const char           *subtitle;   /* TITLE: optional second line */
  const char           *footer;     /* FOOTER: optional text; must outlive the next update */
} KzTimelineViewport;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} KzTimelineRect;

/* Regions and scales of the last update. */
typedef struct {
  double                width;
  double                height;
  double                start_day;
  double                end_day;
  double                px_per_day;
  double                plot_x0;            /* the time scale runs from plot_x0 to plot_x1 */
  double                plot_x1;
  KzTimelineRect        title;              /* empty unless TITLE */
  KzTimelineRect        row;                /* the events row, including its cluster strip */
  KzTimelineRect        lanes;              /* the visible part of the lanes: clip to this */
  KzTimelineRect        axis;
  KzTimelineRect        legend;             /* empty unless LEGEND */
  KzTimelineRect        footer;             /* empty unless FOOTER */
  double                label_x;            /* lane labels and the row heading start here */
  double                label_width;
  guint                 n_label_rows;       /* rows of event labels above the cluster strip */
  double                label_row_height;
  double                cluster_y;          /* centre line of the row's cluster strip */
  double                lane_height;
  double                lanes_content_height;
  double                scroll_y;           /* clamped */
  double                row_mark_radius;
  double                lane_mark_radius;
  double                axis_label_y;       /* centre line of the tick labels */
  double                today_label_y;
  gboolean              has_today;
  double                today_x;
  gboolean              search_active;
  KzTimelineLayoutFlags flags;
  const char           *title_text;
  const char           *subtitle_text;
  const char           *footer_text;
} KzTimelineGeometry;

typedef struct {
  double   x;
  gboolean major;
  char     label[48];                       /* majors only; "" when the label is dropped */
  double   label_width;
} KzTimelineTick;

/* An event shown on its own in the events row, with its label. The selected event's item,
 * when it is in view, is the first. */
typedef struct {
  KzEvent    *event;
  guint       position;                     /* the event's dataset position */
  int         kind;                         /* position of its kind in the dataset, or -1 */
  double      x;                            /* centre of the mark */
  double      y;                            /* centre line of its label row */
  guint       row;
  const char *label;                        /* the title, or shortened; valid until the next update */
  double      label_x;                      /* left edge of the label */
  double      label_width;
  gboolean    flipped;                      /* label on the left of the mark */
  gboolean    ellipsized;
  gboolean    selected;
  gboolean    matches;
} KzTimelineRowItem;

/* Events that did not get a label of their own (too dense or no room), counted. */
typedef struct {
  double  x;                                /* centre of the counted pill */
  double  x0;                               /* pill extent */
  double  x1;
  double  y;
  double  span_x0;                          /* x of its first and last event */
  double  span_x1;
  guint   count;
  guint   first_position;                   /* dataset positions of its first and last event */
  guint   last_position;
  double  first_day;                        /* the range to zoom to for it to open up */
  double  last_day;                         /* exclusive */
  gboolean matches;                         /* any of its events */
  char    label[16];                        /* "+12" */
} KzTimelineCluster;

/* One mark in a lane: an event, or a cluster of events too close to separate. */
typedef struct {
  KzEvent *event;                           /* the event, or the cluster's first */
  guint    position;                        /* its dataset position */
  guint    last_position;                   /* the cluster's last event's; == position for one */
  guint    count;                           /* 1 for an event */
  KzStage  stage;                           /* the event's, or the deepest in the cluster */
  double   x;                               /* centre of the mark */
  double   x0;                              /* the period it covers: a partial date's year or */
  double   x1;                              /* month, or date..end; x0 == x1 for one day */
  double   first_day;                       /* range (end exclusive), for clusters to zoom to */
  double   last_day;
  gboolean spans;                           /* partial date or range: draw x0..x1 */
  gboolean matches;                         /* any of its events */
  gboolean selected;                        /* the selected event is (in) this mark */
} KzTimelineMark;

/* A stretch of lane where the deepest stage reached so far is constant. */
typedef struct {
  double  x0;
  double  x1;
  KzStage stage;
  double  thickness;
} KzTimelineBand;

typedef struct {
  KzArea     *area;
  guint32     rgb;
  guint       index;                        /* among the visible areas */
  double      y;                            /* the lane spans the whole width, y..y + height */
  double      height;
  const char *label;                        /* the name, shortened when it is very long */
  double      label_width;
  guint       n_events;                     /* visible events in the lane, whole dataset */
  guint       first_mark;                   /* into kz_timeline_layout_get_marks() */
  guint       n_marks;
  guint       first_band;                   /* into kz_timeline_layout_get_bands() */
  guint       n_bands;
} KzTimelineLane;

typedef enum {
  KZ_TIMELINE_HIT_NONE,
  KZ_TIMELINE_HIT_MARK,                     /* one event's mark in a lane */
  KZ_TIMELINE_HIT_ROW_ITEM,                 /* an event (mark or label) in the events row */
  KZ_TIMELINE_HIT_CLUSTER,                  /* a counted cluster, in the row or in a lane */
  KZ_TIMELINE_HIT_LANE_LABEL,
} KzTimelineHitKind;

typedef struct {
  KzTimelineHitKind kind;
  KzEvent          *event;                  /* MARK, ROW_ITEM; CLUSTER: its first event */
  KzArea           *area;                   /* MARK, LANE_LABEL; CLUSTER in a lane */
  guint             count;                  /* CLUSTER */
  double            first_day;              /* CLUSTER: range to zoom to, end exclusive */
  double            last_day;
  KzTimelineRect    bounds;                 /* what was hit, for tooltips and popovers */
} KzTimelineHit;

typedef struct _KzTimelineLayout KzTimelineLayout;

KzTimelineLayout         *kz_timeline_layout_new                (void);
void                      kz_timeline_layout_free               (KzTimelineLayout      *self);

void                      kz_timeline_layout_set_dataset        (KzTimelineLayout      *self,
                                                                 KzDataset             *dataset);
KzDataset                *kz_timeline_layout_get_dataset        (KzTimelineLayout      *self);
void                      kz_timeline_layout_set_areas          (KzTimelineLayout      *self,
                                                                 KzArea * const        *areas,
                                                                 guint                  n_areas);
void                      kz_timeline_layout_set_hidden_kinds   (KzTimelineLayout      *self,
                                                                 KzKind * const        *kinds,
                                                                 guint                  n_kinds);
void                      kz_timeline_layout_set_filter_ids     (KzTimelineLayout      *self,
                                                                 const char * const    *hidden_area_ids,
                                                                 const char * const    *hidden_kind_ids,
                                                                 GPtrArray             *out_areas);
void                      kz_timeline_layout_prepare            (KzTimelineLayout      *self);
void                      kz_timeline_layout_set_matches        (KzTimelineLayout      *self,
                                                                 const guint8          *matches,
                                                                 guint                  n_events);
void                      kz_timeline_layout_set_search_text    (KzTimelineLayout      *self,
                                                                 const char            *folded_needle);
void                      kz_timeline_layout_set_selected       (KzTimelineLayout      *self,
                                                                 KzEvent               *event);
KzEvent                  *kz_timeline_layout_get_selected       (KzTimelineLayout      *self);
void                      kz_timeline_layout_set_today          (KzTimelineLayout      *self,
                                                                 const KzDate          *today);
void                      kz_timeline_layout_set_measure_func   (KzTimelineLayout      *self,
                                                                 KzTimelineMeasureFunc  measure,
                                                                 gpointer               user_data,
                                                                 GDestroyNotify         destroy);
void                      kz_timeline_layout_invalidate_text    (KzTimelineLayout      *self);

void                      kz_timeline_layout_update             (KzTimelineLayout      *self,
                                                                 const KzTimelineViewport  *view);

const KzTimelineGeometry *kz_timeline_layout_get_geometry       (const KzTimelineLayout *self);
const KzTimelineTick     *kz_timeline_layout_get_ticks          (const KzTimelineLayout *self,
                                                                 guint                 *n_ticks);
const KzTimelineRowItem  *kz_timeline_layout_get_row_items      (const KzTimelineLayout *self,
                                                                 guint                 *n_items);
const KzTimelineCluster  *kz_timeline_layout_get_row_clusters   (const KzTimelineLayout *self,
                                                                 guint                 *n_clusters);
const KzTimelineLane     *kz_timeline_layout_get_lanes          (const KzTimelineLayout *self,
                                                                 guint                 *n_lanes);
const KzTimelineMark     *kz_timeline_layout_get_marks          (const KzTimelineLayout *self,
                                                                 guint                 *n_marks);
const KzTimelineBand     *kz_timeline_layout_get_bands          (const KzTimelineLayout *self,
                                                                 guint                 *n_bands);

gboolean                  kz_timeline_layout_hit_test           (const KzTimelineLayout *self,
                                                                 double                 x,
                                                                 double                 y,
                                                                 KzTimelineHit         *hit);

double                    kz_timeline_layout_day_to_x           (const KzTimelineLayout *self,
                                                                 double                 day);
double                    kz_timeline_layout_x_to_day           (const KzTimelineLayout *self,
                                                                 double                 x);
void                      kz_timeline_layout_get_full_range     (KzTimelineLayout      *self,
                                                                 double                *start_day,
                                                                 double                *end_day);
void                      kz_timeline_layout_clamp_range        (KzTimelineLayout      *self,
                                                                 double                *start_day,
                                                                 double                *end_day);
double                    kz_timeline_layout_get_preferred_height (KzTimelineLayout    *self,
                                                                   KzTimelineLayoutFlags flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzTimelineLayout, kz_timeline_layout_free)

G_END_DECLS
