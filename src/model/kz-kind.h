/* kz-kind.h — a kind of event (strategic dialogue, annual summit, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KZ_TYPE_KIND (kz_kind_get_type ())
G_DECLARE_FINAL_TYPE (KzKind, kz_kind, KZ, KIND, GObject)

KzKind     *kz_kind_new       (const char *id,
                               const char *name);
const char *kz_kind_get_id    (KzKind     *self);
const char *kz_kind_get_name  (KzKind     *self);
guint       kz_kind_get_index (KzKind     *self);
void        kz_kind_set_index (KzKind     *self,
                               guint       index);

G_END_DECLS
