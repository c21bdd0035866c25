/* kz-window.h — the main window: areas, timeline and detail pane for one dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-application.h"
#include "kz-dataset.h"

G_BEGIN_DECLS

#define KZ_TYPE_WINDOW (kz_window_get_type ())
G_DECLARE_FINAL_TYPE (KzWindow, kz_window, KZ, WINDOW, GtkApplicationWindow)

/* The dataset that ships inside the app, in the GResource. */
#define KZ_BUNDLED_DATASET_URI "resource://" RESOURCE_BASE "/india-japan.json"

KzWindow  *kz_window_new              (KzApplication *application);
void       kz_window_open             (KzWindow      *self,
                                       GFile         *file);
void       kz_window_show_open_dialog (KzWindow      *self);
KzDataset *kz_window_get_dataset      (KzWindow      *self);
GFile     *kz_window_get_file         (KzWindow      *self);
gboolean   kz_window_get_loading      (KzWindow      *self);

G_END_DECLS
