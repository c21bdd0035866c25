/* kz-area.c — a cooperation area: one lane of the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kz-area"

#include "config.h"

#include "kz-area.h"

struct _KzArea
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *description;
  guint32  rgb;
  guint    index;
};

G_DEFINE_FINAL_TYPE (KzArea, kz_area, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_RGB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kz_area_finalize (GObject *object)
{
  KzArea *self = (KzArea *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (kz_area_parent_class)->finalize (object);
}

static void
kz_area_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KzArea *self = KZ_AREA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_RGB:
      g_value_set_uint (value, self->rgb);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_area_class_init (KzAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kz_area_finalize;
  object_class->get_property = kz_area_get_property;

  /* Areas are immutable once loaded: read-only properties, for list item bindings. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RGB] =
    g_param_spec_uint ("rgb", NULL, NULL, 0, 0xFFFFFF, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kz_area_init (KzArea *self)
{
}

/**
 * kz_area_new:
 * @rgb: the lane colour as 0xRRGGBB
 * @description: (nullable): a one-line description
 */
KzArea *
kz_area_new (const char *id,
             const char *name,
             guint32     rgb,
             const char *description)
{
  KzArea *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (KZ_TYPE_AREA, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->rgb = rgb & 0xFFFFFF;
  self->description = g_strdup (description);

  return self;
}

const char *
kz_area_get_id (KzArea *self)
{
  g_return_val_if_fail (KZ_IS_AREA (self), NULL);

  return self->id;
}

const char *
kz_area_get_name (KzArea *self)
{
  g_return_val_if_fail (KZ_IS_AREA (self), NULL);

  return self->name;
}

const char *
kz_area_get_description (KzArea *self)
{
  g_return_val_if_fail (KZ_IS_AREA (self), NULL);

  return self->description;
}

guint32
kz_area_get_rgb (KzArea *self)
{
  g_return_val_if_fail (KZ_IS_AREA (self), 0);

  return self->rgb;
}

/* The area's position in its dataset's list, so per-area tables can be plain arrays. */
guint
kz_area_get_index (KzArea *self)
{
  g_return_val_if_fail (KZ_IS_AREA (self), 0);

  return self->index;
}

void
kz_area_set_index (KzArea *self,
                   guint   index)
{
  g_return_if_fail (KZ_IS_AREA (self));

  self->index = index;
}
