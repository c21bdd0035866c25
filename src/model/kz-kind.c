/* kz-kind.c — a kind of event (strategic dialogue, annual summit, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kz-kind"

#include "config.h"

#include "kz-kind.h"

struct _KzKind
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  guint    index;
};

G_DEFINE_FINAL_TYPE (KzKind, kz_kind, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kz_kind_finalize (GObject *object)
{
  KzKind *self = (KzKind *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (kz_kind_parent_class)->finalize (object);
}

static void
kz_kind_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KzKind *self = KZ_KIND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_kind_class_init (KzKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kz_kind_finalize;
  object_class->get_property = kz_kind_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kz_kind_init (KzKind *self)
{
}

KzKind *
kz_kind_new (const char *id,
             const char *name)
{
  KzKind *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (KZ_TYPE_KIND, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);

  return self;
}

const char *
kz_kind_get_id (KzKind *self)
{
  g_return_val_if_fail (KZ_IS_KIND (self), NULL);

  return self->id;
}

const char *
kz_kind_get_name (KzKind *self)
{
  g_return_val_if_fail (KZ_IS_KIND (self), NULL);

  return self->name;
}

/* The kind's position in its dataset's list, so per-kind tables can be plain arrays. */
guint
kz_kind_get_index (KzKind *self)
{
  g_return_val_if_fail (KZ_IS_KIND (self), 0);

  return self->index;
}

void
kz_kind_set_index (KzKind *self,
                   guint   index)
{
  g_return_if_fail (KZ_IS_KIND (self));

  self->index = index;
}
