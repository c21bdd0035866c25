/* kz-export.c — timelines as PNG, SVG and PDF files, drawn by the timeline renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export is the same layout and the same renderer as the window, turned into a render
 * node and drawn with GSK's cairo path onto an image, SVG or PDF surface. Nothing here
 * draws on its own, so an export is exactly what the timeline shows. Files are written
 * through KzAtomicFile: they appear whole or not at all.
 */
#define G_LOG_DOMAIN "kz-export"

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "kz-atomic-file.h"
#include "kz-export.h"
#include "kz-matrix-layout.h"
#include "kz-matrix-renderer.h"
#include "kz-timeline-layout.h"
#include "kz-timeline-palette.h"
#include "kz-timeline-renderer.h"

void
kz_export_options_init (KzExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (KzExportOptions) {
    .format = KZ_EXPORT_FORMAT_PNG,
    .width = 1920,
    .height = 1080,
    .scale = 1,
    .show_title = TRUE,
    .show_legend = TRUE,
    .show_footer = TRUE,
  };
}

void
kz_export_options_clear (KzExportOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->areas, g_ptr_array_unref);
  g_clear_pointer (&options->hidden_kinds, g_ptr_array_unref);
  g_clear_object (&options->matrix_kind);
}

/* The format follows the file name's extension, in any case. */
gboolean
kz_export_format_from_path (const char     *path,
                            KzExportFormat *out_format)
{
  static const struct { const char *extension; KzExportFormat format; } formats[] = {
    { ".png", KZ_EXPORT_FORMAT_PNG },
    { ".svg", KZ_EXPORT_FORMAT_SVG },
    { ".pdf", KZ_EXPORT_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_has_suffix (lower, formats[i].extension) &&
          strlen (lower) > strlen (formats[i].extension))
        {
          if (out_format != NULL)
            *out_format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
format_range (gint64 first_day,
              gint64 last_day)
{
  KzDate first = kz_date_from_day (first_day);
  KzDate last = kz_date_from_day (last_day);
  g_autofree char *first_text = kz_date_format (&first);
  g_autofree char *last_text = kz_date_format (&last);

  /* Translators: a date range, e.g. “1 January 2000 – 31 December 2026” */
  return g_strdup_printf (_("%s – %s"), first_text, last_text);
}

/* The matrix of one kind's events: the same page as the timeline's (title, legend, footer),
 * drawn by the matrix renderer with the same palette. */
static GskRenderNode *
build_matrix_node (KzDataset             *dataset,
                   const KzExportOptions *options)
{
  g_autoptr(KzMatrixLayout) layout = NULL;
  g_autoptr(KzMatrixRenderer) renderer = NULL;
  PangoContext *context;
  g_autofree char *range = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  cairo_font_options_t *font_options;
  GtkSnapshot *snapshot;
  KzMatrixViewport view = { 0 };
  const KzMatrixColumn *columns;
  guint n_columns;
  KzKind *kind;

  layout = kz_matrix_layout_new ();
  kz_matrix_layout_set_dataset (layout, dataset);
  kind = options->matrix_kind != NULL ? options->matrix_kind : kz_matrix_layout_default_kind (dataset);
  kz_matrix_layout_set_kind (layout, kind);
  if (options->areas != NULL)
    kz_matrix_layout_set_areas (layout, (KzArea * const *) options->areas->pdata, options->areas->len);
  /* Open ends are the extreme day numbers: every event is within them. */
  kz_matrix_layout_set_range (layout, options->has_range, options->first_day, options->last_day);

  /* Unhinted, as for the timeline: every format places every label alike. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);

  renderer = kz_matrix_renderer_new (context);
  kz_matrix_renderer_attach (renderer, layout);
  /* The renderer keeps its own reference. */
  g_object_unref (context);

  /* The caption names the columns' own dates: the first event's to the last's. */
  view.width = options->width;
  view.height = options->height;
  kz_matrix_layout_update (layout, &view);
  columns = kz_matrix_layout_get_columns (layout, &n_columns);
  if (n_columns > 0)
    range = format_range (kz_date_get_first_day (kz_event_get_date (columns[0].event)),
                          kz_date_get_first_day (kz_event_get_date (columns[n_columns - 1].event)));

  if (kind != NULL && range != NULL)
    /* Translators: the subtitle of an exported matrix: the kind of event, the date range */
    subtitle = g_strdup_printf (C_("kind and range", "%s · %s"), kz_kind_get_name (kind), range);
  else if (kind != NULL)
    subtitle = g_strdup (kz_kind_get_name (kind));

  footer = range != NULL ? g_strdup_printf (_("%s · %s · Sources in the dataset"),
                                            kz_dataset_get_title (dataset), range)
                         : g_strdup_printf (_("%s · Sources in the dataset"),
                                            kz_dataset_get_title (dataset));

  view.flags = (options->show_title ? KZ_TIMELINE_LAYOUT_TITLE : 0) |
               (options->show_legend ? KZ_TIMELINE_LAYOUT_LEGEND : 0) |
               (options->show_footer ? KZ_TIMELINE_LAYOUT_FOOTER : 0) |
               KZ_TIMELINE_LAYOUT_FILL;
  view.subtitle = subtitle;
  view.footer = footer;
  kz_matrix_layout_update (layout, &view);

  snapshot = gtk_snapshot_new ();
  kz_matrix_renderer_snapshot (renderer, snapshot, layout, kz_timeline_palette_get (options->dark),
                               KZ_TIMELINE_RENDER_NO_SELECTION);
  return gtk_snapshot_free_to_node (snapshot);
}

/**
 * kz_export_build_node:
 *
 * The picture an export draws, as a render node of options->width × options->height
 * logical pixels. The Export dialog's preview shows this same node.
 *
 * Returns: (transfer full) (nullable): the node, or %NULL for an empty picture
 */
GskRenderNode *
kz_export_build_node (KzDataset             *dataset,
                      const KzExportOptions *options)
{
  g_autoptr(KzTimelineLayout) layout = NULL;
  g_autoptr(KzTimelineRenderer) renderer = NULL;
  PangoContext *context;
  g_autoptr(GPtrArray) all_areas = NULL;
  g_autofree char *range = NULL;
  g_autofree char *footer = NULL;
  cairo_font_options_t *font_options;
  GtkSnapshot *snapshot;
  KzTimelineViewport view = { 0 };
  GPtrArray *areas;
  double start_day, end_day;

  g_return_val_if_fail (KZ_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->view == KZ_EXPORT_VIEW_MATRIX)
    return build_matrix_node (dataset, options);

  layout = kz_timeline_layout_new ();
  kz_timeline_layout_set_dataset (layout, dataset);

  areas = options->areas;
  if (areas == NULL)
    {
      GListModel *model = kz_dataset_get_areas (dataset);

      all_areas = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (all_areas, g_list_model_get_item (model, i));
      areas = all_areas;
    }
  kz_timeline_layout_set_areas (layout, (KzArea * const *) areas->pdata, areas->len);

  if (options->hidden_kinds != NULL)
    kz_timeline_layout_set_hidden_kinds (layout, (KzKind * const *) options->hidden_kinds->pdata,
                                         options->hidden_kinds->len);

  /* Text is measured and shaped without hinting, so the layout does not depend on the
   * output: the PNG, the SVG and the PDF place every label alike. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);

  renderer = kz_timeline_renderer_new (context);
  kz_timeline_renderer_attach (renderer, layout);

  {
    gint64 first_day = 0, last_day = 0;
    gboolean has_span = kz_dataset_get_span (dataset, &first_day, &last_day);

    /* The whole dataset with the layout's margin where the range is open; the caption
     * names the dates themselves, without the margin. */
    kz_timeline_layout_get_full_range (layout, &start_day, &end_day);
    if (options->has_range && options->first_day != KZ_EXPORT_OPEN_START)
      start_day = first_day = options->first_day;
    if (options->has_range && options->last_day != KZ_EXPORT_OPEN_END)
      {
        last_day = options->last_day;
        end_day = options->last_day + 1;
      }
    if (has_span || options->has_range)
      range = format_range (first_day, last_day);
  }
  /* Translators: the footer of an exported timeline: dataset title, date range */
  footer = range != NULL ? g_strdup_printf (_("%s · %s · Sources in the dataset"),
                                            kz_dataset_get_title (dataset), range)
                         : g_strdup_printf (_("%s · Sources in the dataset"),
                                            kz_dataset_get_title (dataset));

  view.start_day = start_day;
  view.end_day = end_day;
  view.width = options->width;
  view.height = options->height;
  view.flags = (options->show_title ? KZ_TIMELINE_LAYOUT_TITLE : 0) |
               (options->show_legend ? KZ_TIMELINE_LAYOUT_LEGEND : 0) |
               (options->show_footer ? KZ_TIMELINE_LAYOUT_FOOTER : 0) |
               /* A page: the lanes share out its height rather than leave it blank. */
               KZ_TIMELINE_LAYOUT_FILL;
  view.subtitle = range;
  view.footer = footer;
  kz_timeline_layout_update (layout, &view);

  snapshot = gtk_snapshot_new ();
  kz_timeline_renderer_snapshot (renderer, snapshot, layout,
                                 kz_timeline_palette_get (options->dark),
                                 /* The same command gives the same file, whatever the date. */
                                 KZ_TIMELINE_RENDER_NO_SELECTION | KZ_TIMELINE_RENDER_NO_TODAY);
  g_object_unref (context);
  return gtk_snapshot_free_to_node (snapshot);
}

typedef struct
{
  KzAtomicFile *file;
  GCancellable *cancellable;
  GError       *error;
} WriteClosure;

static cairo_status_t
write_to_atomic_file (void                *data,
                      const unsigned char *bytes,
                      unsigned int         len)
{
  WriteClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (g_cancellable_set_error_if_cancelled (closure->cancellable, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  if (!kz_atomic_file_write (closure->file, bytes, len, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
draw_node (cairo_t       *cr,
           GskRenderNode *node)
{
  if (node != NULL)
    gsk_render_node_draw (node, cr);
}

static cairo_status_t
write_png (GskRenderNode         *node,
           const KzExportOptions *options,
           WriteClosure          *closure)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        options->width * options->scale,
                                        options->height * options->scale);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      cairo_scale (cr, options->scale, options->scale);
      draw_node (cr, node);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_atomic_file, closure);

  cairo_surface_destroy (surface);
  return status;
}

static cairo_status_t
write_vector (GskRenderNode         *node,
              const char            *title,
              const KzExportOptions *options,
              WriteClosure          *closure)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (options->format == KZ_EXPORT_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (write_to_atomic_file, closure,
                                                     options->width, options->height);
      /* Width and height in pixels, as asked for, rather than points. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (write_to_atomic_file, closure,
                                                     options->width, options->height);
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      PACKAGE_NAME " " PACKAGE_VERSION);
    }

  cr = cairo_create (surface);
  draw_node (cr, node);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  /* The stream is written out as the surface finishes. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/**
 * kz_export_write_node:
 * @node: (nullable): the picture, from kz_export_build_node() for the same @options
 * @title: (nullable): the document title a PDF carries in its metadata
 * @path: the file to write; its extension need not match options->format
 *
 * Draws @node and writes it atomically: on any error, or when @cancellable is cancelled,
 * no file is left behind and an existing file at @path is untouched. Building the node
 * needs the main thread (GtkSnapshot, Pango); this part does not, so the window runs it
 * in a worker thread.
 */
gboolean
kz_export_write_node (GskRenderNode          *node,
                      const char             *title,
                      const KzExportOptions  *options,
                      const char             *path,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(KzAtomicFile) file = NULL;
  WriteClosure closure = { 0 };
  cairo_status_t status;

  g_return_val_if_fail (node == NULL || GSK_IS_RENDER_NODE (node), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options->width > 0 && options->width <= KZ_EXPORT_MAX_SIDE, FALSE);
  g_return_val_if_fail (options->height > 0 && options->height <= KZ_EXPORT_MAX_SIDE, FALSE);
  g_return_val_if_fail (options->scale >= 1 && options->scale <= KZ_EXPORT_MAX_SCALE, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  file = kz_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;

  closure.file = file;
  closure.cancellable = cancellable;

  if (options->format == KZ_EXPORT_FORMAT_PNG)
    status = write_png (node, options, &closure);
  else
    status = write_vector (node, title, options, &closure);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot draw the export: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return kz_atomic_file_commit (file, error);
}

/**
 * kz_export_write:
 * @path: the file to write; its extension need not match options->format
 *
 * Builds the export's node and writes it with kz_export_write_node(): on any error, or
 * when @cancellable is cancelled, no file is left behind and an existing file at @path is
 * untouched.
 */
gboolean
kz_export_write (KzDataset              *dataset,
                 const KzExportOptions  *options,
                 const char             *path,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(GskRenderNode) node = NULL;

  g_return_val_if_fail (KZ_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options->width > 0 && options->width <= KZ_EXPORT_MAX_SIDE, FALSE);
  g_return_val_if_fail (options->height > 0 && options->height <= KZ_EXPORT_MAX_SIDE, FALSE);
  g_return_val_if_fail (options->scale >= 1 && options->scale <= KZ_EXPORT_MAX_SCALE, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  node = kz_export_build_node (dataset, options);

  return kz_export_write_node (node, kz_dataset_get_title (dataset), options, path,
                               cancellable, error);
}
