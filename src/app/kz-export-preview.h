/* kz-export-preview.h — an export's render node, scaled to fit, as the Export dialog's preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KZ_TYPE_EXPORT_PREVIEW (kz_export_preview_get_type ())
G_DECLARE_FINAL_TYPE (KzExportPreview, kz_export_preview, KZ, EXPORT_PREVIEW, GtkWidget)

GtkWidget     *kz_export_preview_new      (void);
void           kz_export_preview_set_node (KzExportPreview *self,
                                           GskRenderNode   *node,
                                           int              width,
                                           int              height);
GskRenderNode *kz_export_preview_get_node (KzExportPreview *self);

G_END_DECLS
