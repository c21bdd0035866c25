/* kz-text-cache.h — text shaped once per font role and kept while frames draw it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* A role's font: the context's font scaled, at a weight. */
typedef struct {
  double      scale;
  PangoWeight weight;
} KzTextRole;

/* A shaped text; owned by the cache, valid until the next kz_text_cache_next_frame(). */
typedef struct {
  PangoLayout *layout;
  double       width;
  double       height;
  guint64      frame;
} KzText;

typedef struct _KzTextCache KzTextCache;

KzTextCache  *kz_text_cache_new         (PangoContext     *context,
                                         const KzTextRole *roles,
                                         guint             n_roles);
void          kz_text_cache_free        (KzTextCache      *self);
void          kz_text_cache_set_context (KzTextCache      *self,
                                         PangoContext     *context);
PangoContext *kz_text_cache_get_context (KzTextCache      *self);
const PangoFontDescription *
              kz_text_cache_get_font    (KzTextCache      *self,
                                         guint             role);
const KzText *kz_text_cache_lookup      (KzTextCache      *self,
                                         guint             role,
                                         const char       *text);
void          kz_text_cache_next_frame  (KzTextCache      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzTextCache, kz_text_cache_free)

G_END_DECLS
