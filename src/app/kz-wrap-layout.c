/* kz-wrap-layout.c — lays children out left to right, wrapping to new lines (filter chips)
 *
 * GtkFlowBox lines its children up in columns as wide as the widest child, so one long kind
 * name would put every chip on a line of its own. This flows them like words in a
 * paragraph: each child at its natural width (never wider than the line), a new line when
 * the next one does not fit. Height-for-width, for the sidebar's scrolled window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-wrap-layout"

#include "kz-wrap-layout.h"

struct _KzWrapLayout
{
  GtkLayoutManager parent_instance;
  int              column_spacing;
  int              row_spacing;
};

G_DEFINE_FINAL_TYPE (KzWrapLayout, kz_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Walks the lines children take at width; allocates them too when allocate is TRUE.
 * Returns the height they need. */
static int
kz_wrap_layout_flow (KzWrapLayout *self,
                     GtkWidget    *widget,
                     int           width,
                     gboolean      allocate)
{
  GtkWidget *child;
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int x = 0;
  int y = 0;
  int line_height = 0;
  gboolean line_empty = TRUE;

  for (child = gtk_widget_get_first_child (widget); ; child = gtk_widget_get_next_sibling (child))
    {
      int child_width = 0;
      int child_height = 0;
      gboolean ends_line;

      if (child != NULL)
        {
          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
          child_width = MIN (child_width, width);
        }

      ends_line = child == NULL || (!line_empty && x + self->column_spacing + child_width > width);

      if (ends_line)
        {
          /* Place the finished line, now that its height is known */
          if (allocate)
            {
              int line_x = 0;

              for (GtkWidget *c = line_start; c != child; c = gtk_widget_get_next_sibling (c))
                {
                  int w;

                  if (!gtk_widget_should_layout (c))
                    continue;

                  gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
                  w = MIN (w, width);
                  gtk_widget_size_allocate (c, &(GtkAllocation) { line_x, y, w, line_height }, -1);
                  line_x += w + self->column_spacing;
                }
            }

          if (child == NULL)
            return line_empty ? MAX (0, y - self->row_spacing) : y + line_height;

          y += line_height + self->row_spacing;
          x = 0;
          line_height = 0;
          line_empty = TRUE;
          line_start = child;
        }

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
      x += (line_empty ? 0 : self->column_spacing) + child_width;
      line_height = MAX (line_height, child_height);
      line_empty = FALSE;
    }
}

static GtkSizeRequestMode
kz_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kz_wrap_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  KzWrapLayout *self = KZ_WRAP_LAYOUT (manager);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0;
      int total = 0;
      gboolean first = TRUE;

      /* At least the widest child; at best everything on one line */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          widest = MAX (widest, child_min);
          total += (first ? 0 : self->column_spacing) + child_nat;
          first = FALSE;
        }

      *minimum = widest;
      *natural = total;
    }
  else
    {
      int height = kz_wrap_layout_flow (self, widget, for_size < 0 ? G_MAXINT / 2 : for_size, FALSE);

      *minimum = height;
      *natural = height;
    }
}

static void
kz_wrap_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  kz_wrap_layout_flow (KZ_WRAP_LAYOUT (manager), widget, width, TRUE);
}

static void
kz_wrap_layout_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KzWrapLayout *self = KZ_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_wrap_layout_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KzWrapLayout *self = KZ_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      kz_wrap_layout_set_column_spacing (self, g_value_get_int (value));
      break;
    case PROP_ROW_SPACING:
      kz_wrap_layout_set_row_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_wrap_layout_class_init (KzWrapLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = kz_wrap_layout_get_property;
  object_class->set_property = kz_wrap_layout_set_property;

  layout_class->get_request_mode = kz_wrap_layout_get_request_mode;
  layout_class->measure = kz_wrap_layout_measure;
  layout_class->allocate = kz_wrap_layout_allocate;

  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL,
                      0, G_MAXINT16, 6,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL,
                      0, G_MAXINT16, 6,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kz_wrap_layout_init (KzWrapLayout *self)
{
  self->column_spacing = 6;
  self->row_spacing = 6;
}

GtkLayoutManager *
kz_wrap_layout_new (void)
{
  return g_object_new (KZ_TYPE_WRAP_LAYOUT, NULL);
}

int
kz_wrap_layout_get_column_spacing (KzWrapLayout *self)
{
  g_return_val_if_fail (KZ_IS_WRAP_LAYOUT (self), 0);

  return self->column_spacing;
}

void
kz_wrap_layout_set_column_spacing (KzWrapLayout *self,
                                   int           spacing)
{
  g_return_if_fail (KZ_IS_WRAP_LAYOUT (self));
  g_return_if_fail (spacing >= 0);

  if (self->column_spacing == spacing)
    return;

  self->column_spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_SPACING]);
}

int
kz_wrap_layout_get_row_spacing (KzWrapLayout *self)
{
  g_return_val_if_fail (KZ_IS_WRAP_LAYOUT (self), 0);

  return self->row_spacing;
}

void
kz_wrap_layout_set_row_spacing (KzWrapLayout *self,
                                int           spacing)
{
  g_return_if_fail (KZ_IS_WRAP_LAYOUT (self));
  g_return_if_fail (spacing >= 0);

  if (self->row_spacing == spacing)
    return;

  self->row_spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_SPACING]);
}
