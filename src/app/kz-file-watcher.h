/* kz-file-watcher.h — says when a file on disk has changed and settled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long a file must stay quiet before ::changed: editors write in several steps. */
#define KZ_FILE_WATCHER_DEFAULT_DELAY_MS 300

#define KZ_TYPE_FILE_WATCHER (kz_file_watcher_get_type ())
G_DECLARE_FINAL_TYPE (KzFileWatcher, kz_file_watcher, KZ, FILE_WATCHER, GObject)

KzFileWatcher *kz_file_watcher_new       (GFile         *file,
                                          guint          delay_ms,
                                          GError       **error);
GFile         *kz_file_watcher_get_file  (KzFileWatcher *self);

G_END_DECLS
