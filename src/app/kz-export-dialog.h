/* kz-export-dialog.h — the Export dialog: options, a live preview, and a cancellable write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-dataset.h"
#include "kz-export.h"
#include "kz-timeline-view.h"

G_BEGIN_DECLS

#define KZ_EXPORT_DIALOG_ERROR (kz_export_dialog_error_quark ())

typedef enum {
  KZ_EXPORT_DIALOG_ERROR_INVALID,    /* the options cannot make an export (bad dates, no areas) */
  KZ_EXPORT_DIALOG_ERROR_SAME_FILE,  /* the chosen file is the dataset being exported */
  KZ_EXPORT_DIALOG_ERROR_EXISTS,     /* an added extension named a file that already exists */
  KZ_EXPORT_DIALOG_ERROR_NOT_LOCAL,  /* the chosen location has no local path */
} KzExportDialogError;

#define KZ_TYPE_EXPORT_DIALOG (kz_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KzExportDialog, kz_export_dialog, KZ, EXPORT_DIALOG, GtkWindow)

GQuark          kz_export_dialog_error_quark        (void);

KzExportDialog *kz_export_dialog_new                (GtkWindow       *parent,
                                                     KzDataset       *dataset,
                                                     GFile           *dataset_file,
                                                     KzTimelineView  *timeline);
void            kz_export_dialog_show_matrix        (KzExportDialog  *self,
                                                     KzKind          *kind);
gboolean        kz_export_dialog_get_options        (KzExportDialog  *self,
                                                     KzExportOptions *options,
                                                     GError         **error);
GskRenderNode  *kz_export_dialog_get_preview_node   (KzExportDialog  *self);
char           *kz_export_dialog_get_suggested_name (KzExportDialog  *self);
void            kz_export_dialog_export_to_file     (KzExportDialog  *self,
                                                     GFile           *file);
gboolean        kz_export_dialog_get_exporting      (KzExportDialog  *self);
const char     *kz_export_dialog_get_error          (KzExportDialog  *self);

void            kz_export_dialog_show_file          (GtkWindow       *parent,
                                                     GFile           *file);

G_END_DECLS
