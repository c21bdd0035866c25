/* kz-export.h — timelines as PNG, SVG and PDF files, drawn by the timeline renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"

G_BEGIN_DECLS

typedef enum {
  KZ_EXPORT_FORMAT_PNG,
  KZ_EXPORT_FORMAT_SVG,
  KZ_EXPORT_FORMAT_PDF,
} KzExportFormat;

/* What an export draws: the timeline, or the matrix of one kind's events. */
typedef enum {
  KZ_EXPORT_VIEW_TIMELINE,
  KZ_EXPORT_VIEW_MATRIX,
} KzExportView;

/* The largest side an export may have, in pixels before scaling: far beyond any wall
 * display, and it keeps a PNG's pixel buffer within reason. */
#define KZ_EXPORT_MAX_SIDE 16384
#define KZ_EXPORT_MAX_SCALE 4

#define KZ_EXPORT_OPEN_START G_MININT64
#define KZ_EXPORT_OPEN_END   G_MAXINT64

typedef struct {
  KzExportFormat  format;
  gboolean        has_range;
  gint64          first_day;     /* the range drawn, in KzDate day numbers, inclusive; */
  gint64          last_day;      /* KZ_EXPORT_OPEN_START/END: the whole dataset's there */
  GPtrArray      *areas;         /* (element-type KzArea) (nullable): lanes, in order; NULL: all */
  GPtrArray      *hidden_kinds;  /* (element-type KzKind) (nullable): kinds left out */
  int             width;         /* logical pixels; points in PDF and SVG */
  int             height;
  int             scale;         /* PNG pixels per logical pixel */
  gboolean        dark;
  gboolean        show_title;
  gboolean        show_legend;
  gboolean        show_footer;
  KzExportView    view;          /* the timeline (default) or the matrix */
  KzKind         *matrix_kind;   /* (nullable): the matrix's columns; NULL: its default kind */
} KzExportOptions;

void           kz_export_options_init      (KzExportOptions  *options);
void           kz_export_options_clear     (KzExportOptions  *options);

gboolean       kz_export_format_from_path  (const char       *path,
                                            KzExportFormat   *out_format);
GskRenderNode *kz_export_build_node        (KzDataset        *dataset,
                                            const KzExportOptions *options);
gboolean       kz_export_write_node        (GskRenderNode    *node,
                                            const char       *title,
                                            const KzExportOptions *options,
                                            const char       *path,
                                            GCancellable     *cancellable,
                                            GError          **error);
gboolean       kz_export_write             (KzDataset        *dataset,
                                            const KzExportOptions *options,
                                            const char       *path,
                                            GCancellable     *cancellable,
                                            GError          **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KzExportOptions, kz_export_options_clear)

G_END_DECLS
