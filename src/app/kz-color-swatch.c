/* kz-color-swatch.c — a small rounded square of one colour (an area's colour)
 *
 * The colour comes from the dataset, so it is drawn in snapshot() rather than set in CSS.
 * Size and corner radius come from CSS (min-width, min-height, border-radius on
 * "colorswatch"), so the style sheet decides how large a swatch is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-color-swatch"

#include "kz-color-swatch.h"

struct _KzColorSwatch
{
  GtkWidget parent_instance;
  guint32   rgb;
};

G_DEFINE_FINAL_TYPE (KzColorSwatch, kz_color_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RGB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kz_color_swatch_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KzColorSwatch *self = KZ_COLOR_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float radius = MIN (width, height) / 4.0f;
  GskRoundedRect outline;
  GdkRGBA color = {
    ((self->rgb >> 16) & 0xff) / 255.0f,
    ((self->rgb >> 8) & 0xff) / 255.0f,
    (self->rgb & 0xff) / 255.0f,
    1.0f,
  };

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &color, &outline.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
kz_color_swatch_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KzColorSwatch *self = KZ_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_RGB:
      g_value_set_uint (value, self->rgb);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_color_swatch_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KzColorSwatch *self = KZ_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_RGB:
      kz_color_swatch_set_rgb (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_color_swatch_class_init (KzColorSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kz_color_swatch_get_property;
  object_class->set_property = kz_color_swatch_set_property;

  widget_class->snapshot = kz_color_swatch_snapshot;

  properties[PROP_RGB] =
    g_param_spec_uint ("rgb", NULL, NULL,
                       0, 0xffffff, 0x808080,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "colorswatch");
  /* Decorative: the name next to it says which area it is. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
kz_color_swatch_init (KzColorSwatch *self)
{
  self->rgb = 0x808080;
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
kz_color_swatch_new (guint32 rgb)
{
  return g_object_new (KZ_TYPE_COLOR_SWATCH, "rgb", rgb & 0xffffff, NULL);
}

guint32
kz_color_swatch_get_rgb (KzColorSwatch *self)
{
  g_return_val_if_fail (KZ_IS_COLOR_SWATCH (self), 0);

  return self->rgb;
}

void
kz_color_swatch_set_rgb (KzColorSwatch *self,
                         guint32        rgb)
{
  g_return_if_fail (KZ_IS_COLOR_SWATCH (self));

  rgb &= 0xffffff;
  if (self->rgb == rgb)
    return;

  self->rgb = rgb;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RGB]);
}
