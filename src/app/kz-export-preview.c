/* kz-export-preview.c — an export's render node, scaled to fit, as the Export dialog's preview
 *
 * The preview draws the very node an export writes (kz_export_build_node()), not a second
 * rendering of the timeline: it only scales the page down to fit the widget, keeping its
 * aspect ratio, and sets it on a soft shadow like a sheet of paper. What it shows is what
 * the file will hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-export-preview"

#include "kz-export-preview.h"

struct _KzExportPreview
{
  GtkWidget      parent_instance;

  GskRenderNode *node;
  int            page_width;
  int            page_height;
};

G_DEFINE_FINAL_TYPE (KzExportPreview, kz_export_preview, GTK_TYPE_WIDGET)

/* Room for the shadow around the page */
#define PAGE_MARGIN 16.0

static const GdkRGBA shadow_color = { 0.0f, 0.0f, 0.0f, 0.28f };

/* Where the page goes in the widget: as large as fits, centred; empty without a page. */
static void
compute_page (KzExportPreview *self,
              graphene_rect_t *out_page,
              double          *out_scale)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PAGE_MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * PAGE_MARGIN;
  double scale;

  if (self->page_width <= 0 || self->page_height <= 0 || width <= 0 || height <= 0)
    {
      graphene_rect_init (out_page, 0, 0, 0, 0);
      *out_scale = 0.0;
      return;
    }

  scale = MIN (width / self->page_width, height / self->page_height);
  graphene_rect_init (out_page,
                      /* Whole pixels, so the page's edges stay sharp */
                      (int) ((gtk_widget_get_width (GTK_WIDGET (self)) - self->page_width * scale) / 2),
                      (int) ((gtk_widget_get_height (GTK_WIDGET (self)) - self->page_height * scale) / 2),
                      self->page_width * scale,
                      self->page_height * scale);
  *out_scale = scale;
}

static void
kz_export_preview_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  KzExportPreview *self = KZ_EXPORT_PREVIEW (widget);
  graphene_rect_t page;
  GskRoundedRect outline;
  double scale;

  compute_page (self, &page, &scale);
  if (scale <= 0.0)
    return;

  gsk_rounded_rect_init_from_rect (&outline, &page, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow_color, 0, 2, 0, 8);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &page.origin);
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, 0, self->page_width, self->page_height));
  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
kz_export_preview_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* Small enough for a small screen; the dialog gives it whatever room it has */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 360;
}

static void
kz_export_preview_dispose (GObject *object)
{
  KzExportPreview *self = KZ_EXPORT_PREVIEW (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);

  G_OBJECT_CLASS (kz_export_preview_parent_class)->dispose (object);
}

static void
kz_export_preview_class_init (KzExportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_export_preview_dispose;

  widget_class->snapshot = kz_export_preview_snapshot;
  widget_class->measure = kz_export_preview_measure;

  gtk_widget_class_set_css_name (widget_class, "exportpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kz_export_preview_init (KzExportPreview *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
kz_export_preview_new (void)
{
  return g_object_new (KZ_TYPE_EXPORT_PREVIEW, NULL);
}

/**
 * kz_export_preview_set_node:
 * @node: (nullable): the page, drawn in width × height logical pixels
 *
 * Shows @node as a page of @width × @height, scaled to fit.
 */
void
kz_export_preview_set_node (KzExportPreview *self,
                            GskRenderNode   *node,
                            int              width,
                            int              height)
{
  g_return_if_fail (KZ_IS_EXPORT_PREVIEW (self));
  g_return_if_fail (node == NULL || GSK_IS_RENDER_NODE (node));

  if (node != NULL)
    gsk_render_node_ref (node);
  g_clear_pointer (&self->node, gsk_render_node_unref);
  self->node = node;
  self->page_width = MAX (width, 0);
  self->page_height = MAX (height, 0);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): the node shown */
GskRenderNode *
kz_export_preview_get_node (KzExportPreview *self)
{
  g_return_val_if_fail (KZ_IS_EXPORT_PREVIEW (self), NULL);

  return self->node;
}
