/* kz-text-cache.c — text shaped once per font role and kept while frames draw it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the timeline and matrix renderers: labels are shaped once and reused frame
 * after frame; once a role holds many texts, those not drawn for a couple of frames go.
 */
#define G_LOG_DOMAIN "kz-text-cache"

#include "config.h"

#include <math.h>

#include "kz-text-cache.h"

/* Past this many cached texts in a role, those unused for a couple of frames go. */
#define CACHE_SOFT_LIMIT 2048

struct _KzTextCache
{
  PangoContext          *context;
  KzTextRole            *roles;
  guint                  n_roles;
  PangoFontDescription **fonts;
  GHashTable           **texts;   /* per role: text → KzText */
  guint64                frame;
};

static void
text_free (gpointer data)
{
  KzText *text = data;

  g_clear_object (&text->layout);
  g_free (text);
}

static void
setup_fonts (KzTextCache *self)
{
  const PangoFontDescription *base = pango_context_get_font_description (self->context);
  gboolean absolute = FALSE;
  int size = 0;

  if (base != NULL)
    {
      size = pango_font_description_get_size (base);
      absolute = pango_font_description_get_size_is_absolute (base);
    }
  if (size <= 0)
    {
      size = 11 * PANGO_SCALE;
      absolute = FALSE;
    }

  for (guint i = 0; i < self->n_roles; i++)
    {
      int role_size = (int) round (size * self->roles[i].scale);

      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = base != NULL ? pango_font_description_copy (base)
                                    : pango_font_description_from_string ("Sans");
      if (absolute)
        pango_font_description_set_absolute_size (self->fonts[i], role_size);
      else
        pango_font_description_set_size (self->fonts[i], role_size);
      pango_font_description_set_weight (self->fonts[i], self->roles[i].weight);

      if (self->texts[i] != NULL)
        g_hash_table_remove_all (self->texts[i]);
      else
        self->texts[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, text_free);
    }
}

/**
 * kz_text_cache_new:
 * @context: the PangoContext text is shaped with: a widget's, or for export one made from
 *   pango_cairo_font_map_get_default()
 * @roles: (array length=n_roles): the fonts, indexed by the caller's role numbers
 */
KzTextCache *
kz_text_cache_new (PangoContext     *context,
                   const KzTextRole *roles,
                   guint             n_roles)
{
  KzTextCache *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (roles != NULL && n_roles > 0, NULL);

  self = g_new0 (KzTextCache, 1);
  self->context = g_object_ref (context);
  self->roles = g_memdup2 (roles, n_roles * sizeof *roles);
  self->n_roles = n_roles;
  self->fonts = g_new0 (PangoFontDescription *, n_roles);
  self->texts = g_new0 (GHashTable *, n_roles);
  setup_fonts (self);

  return self;
}

void
kz_text_cache_free (KzTextCache *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_roles; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      g_clear_pointer (&self->texts[i], g_hash_table_unref);
    }
  g_free (self->fonts);
  g_free (self->texts);
  g_free (self->roles);
  g_clear_object (&self->context);
  g_free (self);
}

/* Fonts changed: every shaped text is stale. */
void
kz_text_cache_set_context (KzTextCache  *self,
                           PangoContext *context)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  setup_fonts (self);
}

PangoContext *
kz_text_cache_get_context (KzTextCache *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->context;
}

const PangoFontDescription *
kz_text_cache_get_font (KzTextCache *self,
                        guint        role)
{
  g_return_val_if_fail (self != NULL && role < self->n_roles, NULL);

  return self->fonts[role];
}

/* Returns: (transfer none): @text shaped in @role's font, from the cache when it can be. */
const KzText *
kz_text_cache_lookup (KzTextCache *self,
                      guint        role,
                      const char  *text)
{
  KzText *entry;

  g_return_val_if_fail (self != NULL && role < self->n_roles, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  entry = g_hash_table_lookup (self->texts[role], text);
  if (entry == NULL)
    {
      PangoRectangle logical;

      entry = g_new0 (KzText, 1);
      entry->layout = pango_layout_new (self->context);
      pango_layout_set_font_description (entry->layout, self->fonts[role]);
      pango_layout_set_text (entry->layout, text, -1);
      pango_layout_get_extents (entry->layout, NULL, &logical);
      entry->width = (double) logical.width / PANGO_SCALE;
      entry->height = (double) logical.height / PANGO_SCALE;
      g_hash_table_insert (self->texts[role], g_strdup (text), entry);
    }
  entry->frame = self->frame;

  return entry;
}

static gboolean
text_is_stale (gpointer key,
               gpointer value,
               gpointer user_data)
{
  const KzText *text = value;
  guint64 frame = *(guint64 *) user_data;

  return text->frame + 2 < frame;
}

/* A frame begins: texts not drawn lately may go. */
void
kz_text_cache_next_frame (KzTextCache *self)
{
  g_return_if_fail (self != NULL);

  self->frame++;
  for (guint i = 0; i < self->n_roles; i++)
    if (g_hash_table_size (self->texts[i]) > CACHE_SOFT_LIMIT)
      g_hash_table_foreach_remove (self->texts[i], text_is_stale, &self->frame);
}
