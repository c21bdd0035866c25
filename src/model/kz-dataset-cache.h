/* kz-dataset-cache.h — a compact copy of each large dataset, to open it again quickly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kz-dataset.h"
#include "kz-dataset-loader.h"

G_BEGIN_DECLS

/* Smaller files load in a blink: a copy would only spend disk. */
#define KZ_DATASET_CACHE_MIN_FILE_SIZE ((goffset) 1024 * 1024)

#define KZ_TYPE_DATASET_CACHE (kz_dataset_cache_get_type ())
G_DECLARE_FINAL_TYPE (KzDatasetCache, kz_dataset_cache, KZ, DATASET_CACHE, GObject)

KzDatasetCache *kz_dataset_cache_new           (const char             *directory);
const char     *kz_dataset_cache_get_directory (KzDatasetCache         *self);
KzDataset      *kz_dataset_cache_load_file     (KzDatasetCache         *self,
                                                GFile                  *file,
                                                GPtrArray              *problems,
                                                KzDatasetProgressFunc   progress,
                                                gpointer                progress_data,
                                                GCancellable           *cancellable,
                                                gboolean               *out_from_cache,
                                                GError                **error);
gboolean        kz_dataset_cache_wants         (KzDatasetCache         *self,
                                                KzDataset              *dataset);
gboolean        kz_dataset_cache_store         (KzDatasetCache         *self,
                                                KzDataset              *dataset,
                                                GPtrArray              *problems,
                                                GError                **error);

/* An entry file is this checksum of the rest (8 bytes, host order), then the GVariant.
 * Public for the tests that forge damaged entries. */
guint64         kz_dataset_cache_checksum      (const guint8           *data,
                                                gsize                   len);

G_END_DECLS
