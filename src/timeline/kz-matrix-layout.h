/* kz-matrix-layout.h — areas (rows) × events of one kind (columns): pure computation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kz-dataset.h"
#include "kz-timeline-layout.h"

G_BEGIN_DECLS

/* The matrix's own sizes, in logical pixels. Cells grow up to the largest size, and the
 * widget asks for at least the smallest; an export shrinks them further to fit its page. */
#define KZ_MATRIX_CELL_MIN_WIDTH   28.0
#define KZ_MATRIX_CELL_MAX_WIDTH   76.0
#define KZ_MATRIX_CELL_MIN_HEIGHT  24.0
#define KZ_MATRIX_CELL_MAX_HEIGHT  36.0

/* The kind the matrix shows when nobody chose one. */
#define KZ_MATRIX_DEFAULT_KIND_ID "fm-strategic-dialogue"

typedef struct {
  double                width;      /* logical pixels */
  double                height;
  KzTimelineLayoutFlags flags;      /* TITLE, LEGEND, FOOTER, FILL as for the timeline */
  const char           *title;      /* TITLE: NULL for the dataset's title */
  const char           *subtitle;   /* TITLE: optional second line */
  const char           *footer;     /* FOOTER: optional text; must outlive the next update */
} KzMatrixViewport;

/* Regions and sizes of the last update. */
typedef struct {
  double                width;
  double                height;
  KzTimelineRect        title;      /* empty unless TITLE */
  KzTimelineRect        header;     /* the column labels, above the grid */
  KzTimelineRect        grid;       /* the cells: n_rows × n_columns of cell_width × cell_height */
  KzTimelineRect        legend;     /* empty unless LEGEND */
  KzTimelineRect        footer;     /* empty unless FOOTER */
  double                label_x;    /* row labels: swatch, then the name KZ_TIMELINE_SWATCH_SPACE on */
  double                label_width;
  double                cell_width;
  double                cell_height;
  double                header_label_y;     /* centre lines of the header's two lines */
  double                header_sublabel_y;
  guint                 n_rows;
  guint                 n_columns;
  KzTimelineLayoutFlags flags;
  const char           *title_text;
  const char           *subtitle_text;
  const char           *footer_text;
  const char           *corner_label;       /* "Round" over the row labels when columns are rounds */
} KzMatrixGeometry;

/* One event of the kind: a column. */
typedef struct {
  KzEvent    *event;
  guint       position;      /* the event's dataset position */
  double      x;             /* left edge */
  double      width;
  char        label[24];     /* the round ("18"), or the year when the event has no round */
  char        sublabel[48];  /* the year under a round, or the month; "" for none */
  double      label_width;
  double      sublabel_width;
  gboolean    show_label;    /* FALSE when the columns are too narrow and this one gives way */
  gboolean    selected;
} KzMatrixColumn;

/* One area: a row. */
typedef struct {
  KzArea     *area;
  guint32     rgb;
  double      y;             /* top edge */
  double      height;
  const char *label;         /* the name, shortened when it is long; valid until the next update */
  double      label_width;
  guint       n_touched;     /* columns whose event touches the area */
} KzMatrixRow;

/* What one event said about one area. */
typedef struct {
  KzStage            stage;  /* KZ_STAGE_NONE when the event does not touch the area */
  const KzEventArea *entry;  /* NULL then */
} KzMatrixCell;

typedef enum {
  KZ_MATRIX_HIT_NONE,
  KZ_MATRIX_HIT_CELL,
  KZ_MATRIX_HIT_COLUMN,      /* a column's label, in the header */
  KZ_MATRIX_HIT_ROW,         /* a row's label */
} KzMatrixHitKind;

typedef struct {
  KzMatrixHitKind    kind;
  guint              row;    /* CELL, ROW */
  guint              column; /* CELL, COLUMN */
  KzEvent           *event;  /* CELL, COLUMN */
  KzArea            *area;   /* CELL, ROW */
  const KzMatrixCell *cell;  /* CELL */
  KzTimelineRect     bounds;
} KzMatrixHit;

typedef struct _KzMatrixLayout KzMatrixLayout;

KzMatrixLayout         *kz_matrix_layout_new                (void);
void                    kz_matrix_layout_free               (KzMatrixLayout        *self);

void                    kz_matrix_layout_set_dataset        (KzMatrixLayout        *self,
                                                             KzDataset             *dataset);
KzDataset              *kz_matrix_layout_get_dataset        (KzMatrixLayout        *self);
void                    kz_matrix_layout_set_kind           (KzMatrixLayout        *self,
                                                             KzKind                *kind);
KzKind                 *kz_matrix_layout_get_kind           (KzMatrixLayout        *self);
void                    kz_matrix_layout_set_areas          (KzMatrixLayout        *self,
                                                             KzArea * const        *areas,
                                                             guint                  n_areas);
void                    kz_matrix_layout_set_range          (KzMatrixLayout        *self,
                                                             gboolean               has_range,
                                                             gint64                 first_day,
                                                             gint64                 last_day);
void                    kz_matrix_layout_set_selected       (KzMatrixLayout        *self,
                                                             KzEvent               *event);
void                    kz_matrix_layout_set_measure_func   (KzMatrixLayout        *self,
                                                             KzTimelineMeasureFunc  measure,
                                                             gpointer               user_data,
                                                             GDestroyNotify         destroy);
void                    kz_matrix_layout_invalidate_text    (KzMatrixLayout        *self);

void                    kz_matrix_layout_update             (KzMatrixLayout        *self,
                                                             const KzMatrixViewport *view);

const KzMatrixGeometry *kz_matrix_layout_get_geometry       (const KzMatrixLayout  *self);
const KzMatrixColumn   *kz_matrix_layout_get_columns        (const KzMatrixLayout  *self,
                                                             guint                 *n_columns);
const KzMatrixRow      *kz_matrix_layout_get_rows           (const KzMatrixLayout  *self,
                                                             guint                 *n_rows);
const KzMatrixCell     *kz_matrix_layout_get_cell           (const KzMatrixLayout  *self,
                                                             guint                  row,
                                                             guint                  column);
KzTimelineRect          kz_matrix_layout_get_cell_rect      (const KzMatrixLayout  *self,
                                                             guint                  row,
                                                             guint                  column);
int                     kz_matrix_layout_find_column        (const KzMatrixLayout  *self,
                                                             KzEvent               *event);
gboolean                kz_matrix_layout_hit_test           (const KzMatrixLayout  *self,
                                                             double                 x,
                                                             double                 y,
                                                             KzMatrixHit           *hit);
void                    kz_matrix_layout_get_preferred_size (KzMatrixLayout        *self,
                                                             KzTimelineLayoutFlags  flags,
                                                             double                *minimum_width,
                                                             double                *natural_width,
                                                             double                *minimum_height,
                                                             double                *natural_height);

KzKind                 *kz_matrix_layout_default_kind       (KzDataset             *dataset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzMatrixLayout, kz_matrix_layout_free)

G_END_DECLS
