/* kz-atomic-file.h — write a file so that it appears whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _KzAtomicFile KzAtomicFile;

KzAtomicFile *kz_atomic_file_new      (const char    *path,
                                       GError       **error);
gboolean      kz_atomic_file_write    (KzAtomicFile  *self,
                                       const void    *data,
                                       gsize          len,
                                       GError       **error);
gboolean      kz_atomic_file_commit   (KzAtomicFile  *self,
                                       GError       **error);
void          kz_atomic_file_abort    (KzAtomicFile  *self);
const char   *kz_atomic_file_get_temp_path (KzAtomicFile *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzAtomicFile, kz_atomic_file_abort)

G_END_DECLS
