/* kz-area-list.c — the dataset's areas with lane toggles, and its kinds as filter chips
 *
 * The list says what is hidden, as two lists of ids (hidden-areas, hidden-kinds), which the
 * window binds to the timeline and to GSettings. Ids the dataset does not define are kept,
 * so switching datasets and back does not forget what was hidden.
 *
 * Clicking a row (its name, not its check box) or Enter on it asks for the area's story
 * (::area-activated); the check box, or Space on the row, shows or hides the lane.
 *
 * Keyboard: the rows are a GtkListBox (arrow keys move, Enter tells the story, Space toggles
 * the lane); the kind chips are toggle buttons in the tab order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-area-list"

#include <glib/gi18n.h>

#include "kz-area-list.h"
#include "kz-color-swatch.h"
#include "kz-wrap-layout.h"

struct _KzAreaList
{
  GtkWidget   parent_instance;

  KzDataset  *dataset;
  char      **hidden_areas;
  char      **hidden_kinds;
  gboolean    syncing;

  GtkListBox *areas_list_box;
  GtkWidget  *show_all_button;
  GtkWidget  *kinds_heading;
  GtkBox     *kinds_box;
};

G_DEFINE_FINAL_TYPE (KzAreaList, kz_area_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_HIDDEN_AREAS,
  PROP_HIDDEN_KINDS,
  N_PROPS
};

enum {
  AREA_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const empty_strv[] = { NULL };

/* Returns a new list: ids with id added (when add) or removed, order kept. */
static char **
strv_with (char       **ids,
           const char  *id,
           gboolean     add)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) != 0)
      g_strv_builder_add (builder, ids[i]);

  if (add)
    g_strv_builder_add (builder, id);

  return g_strv_builder_end (builder);
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  return g_strv_equal (a != NULL ? a : empty_strv, b != NULL ? b : empty_strv);
}

static void
update_row_accessible (GtkListBoxRow *row,
                       gboolean       shown)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  shown ? _("Lane shown") : _("Lane hidden"),
                                  -1);
}

static void
kz_area_list_sync (KzAreaList *self)
{
  GtkWidget *child;
  gboolean anything_hidden;

  self->syncing = TRUE;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (child), "kz-check");
      const char *id = g_object_get_data (G_OBJECT (child), "kz-id");
      gboolean shown;

      if (check == NULL)
        continue;

      shown = !(self->hidden_areas != NULL &&
                g_strv_contains ((const char * const *) self->hidden_areas, id));
      gtk_check_button_set_active (check, shown);
      update_row_accessible (GTK_LIST_BOX_ROW (child), shown);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->kinds_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "kz-id");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child),
                                    !(self->hidden_kinds != NULL &&
                                      g_strv_contains ((const char * const *) self->hidden_kinds, id)));
    }

  self->syncing = FALSE;

  anything_hidden = (self->hidden_areas != NULL && self->hidden_areas[0] != NULL) ||
                    (self->hidden_kinds != NULL && self->hidden_kinds[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "area-list.show-all", anything_hidden);
  gtk_widget_set_visible (self->show_all_button, anything_hidden);
}

static void
on_area_check_toggled (GtkCheckButton *check,
                       KzAreaList     *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "kz-id");
  g_auto(GStrv) hidden = NULL;

  if (self->syncing)
    return;

  hidden = strv_with (self->hidden_areas, id, !gtk_check_button_get_active (check));
  kz_area_list_set_hidden_areas (self, (const char * const *) hidden);
}

static void
on_row_activated (GtkListBox    *list_box,
                  GtkListBoxRow *row,
                  KzAreaList    *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "kz-id");
  KzArea *area = self->dataset != NULL && id != NULL ? kz_dataset_lookup_area (self->dataset, id) : NULL;

  if (area != NULL)
    g_signal_emit (self, signals[AREA_ACTIVATED], 0, area);
}

/* Space on a row: its lane, as a click on its check box. */
static void
toggle_lane_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KzAreaList *self = KZ_AREA_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  GtkCheckButton *check;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->areas_list_box))
    return;

  check = g_object_get_data (G_OBJECT (row), "kz-check");
  if (check != NULL)
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  KzAreaList *self = user_data;
  KzArea *area = KZ_AREA (item);
  const KzAreaStats *stats = kz_dataset_get_area_stats (self->dataset, area);
  guint n_events = stats != NULL ? stats->n_events : 0;
  g_autofree char *count = g_strdup_printf ("%'u", n_events);
  g_autofree char *label = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *name;
  GtkWidget *count_label;
  GtkWidget *check;

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_box_append (GTK_BOX (box), kz_color_swatch_new (kz_area_get_rgb (area)));

  name = gtk_label_new (kz_area_get_name (area));
  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  if (kz_area_get_description (area) != NULL)
    gtk_widget_set_tooltip_text (row, kz_area_get_description (area));
  gtk_box_append (GTK_BOX (box), name);

  count_label = gtk_label_new (count);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), count_label);

  check = gtk_check_button_new ();
  /* The row is the keyboard target; one tab stop per row is enough */
  gtk_widget_set_focusable (check, FALSE);
  gtk_box_append (GTK_BOX (box), check);

  /* Translators: the accessible name of an area's row, e.g. "Critical minerals, 6 events" */
  label = g_strdup_printf (ngettext ("%s, %'u event", "%s, %'u events", n_events),
                           kz_area_get_name (area), n_events);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  {
    /* Translators: the accessible name of the check box that shows an area's lane */
    g_autofree char *check_label = g_strdup_printf (_("Show %s"), kz_area_get_name (area));
    gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, check_label,
                                    -1);
  }

  g_object_set_data_full (G_OBJECT (row), "kz-id", g_strdup (kz_area_get_id (area)), g_free);
  g_object_set_data_full (G_OBJECT (check), "kz-id", g_strdup (kz_area_get_id (area)), g_free);
  g_object_set_data (G_OBJECT (row), "kz-check", check);
  g_signal_connect (check, "toggled", G_CALLBACK (on_area_check_toggled), self);

  return row;
}

static void
on_kind_chip_toggled (GtkToggleButton *chip,
                      KzAreaList      *self)
{
  const char *id = g_object_get_data (G_OBJECT (chip), "kz-id");
  g_auto(GStrv) hidden = NULL;

  if (self->syncing)
    return;

  hidden = strv_with (self->hidden_kinds, id, !gtk_toggle_button_get_active (chip));
  kz_area_list_set_hidden_kinds (self, (const char * const *) hidden);
}

static void
kz_area_list_rebuild_kinds (KzAreaList *self)
{
  GtkWidget *child;
  GListModel *kinds;
  guint n_kinds;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kinds_box))) != NULL)
    gtk_box_remove (self->kinds_box, child);

  kinds = self->dataset != NULL ? kz_dataset_get_kinds (self->dataset) : NULL;
  n_kinds = kinds != NULL ? g_list_model_get_n_items (kinds) : 0;

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(KzKind) kind = g_list_model_get_item (kinds, i);
      GtkWidget *chip = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (kz_kind_get_name (kind));

      /* A long name shortens rather than widen the sidebar; the tooltip has it whole */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_button_set_child (GTK_BUTTON (chip), label);
      gtk_widget_add_css_class (chip, "chip");
      {
        /* Translators: the tooltip of a kind's filter chip, e.g. "Annual Summit: show or
         * hide the events of this kind" */
        g_autofree char *tooltip = g_strdup_printf (_("%s: show or hide the events of this kind"),
                                                    kz_kind_get_name (kind));
        gtk_widget_set_tooltip_text (chip, tooltip);
      }
      g_object_set_data_full (G_OBJECT (chip), "kz-id", g_strdup (kz_kind_get_id (kind)), g_free);
      g_signal_connect (chip, "toggled", G_CALLBACK (on_kind_chip_toggled), self);

      gtk_box_append (self->kinds_box, chip);
    }

  gtk_widget_set_visible (self->kinds_heading, n_kinds > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->kinds_box), n_kinds > 0);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KzAreaList *self = KZ_AREA_LIST (widget);

  kz_area_list_set_hidden_areas (self, NULL);
  kz_area_list_set_hidden_kinds (self, NULL);
}

static void
kz_area_list_dispose (GObject *object)
{
  KzAreaList *self = KZ_AREA_LIST (object);
  GtkWidget *child;

  if (self->areas_list_box != NULL)
    gtk_list_box_bind_model (self->areas_list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_AREA_LIST);
  /* The template's top box is a child of ours but not bound, so not disposed with it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->hidden_areas, g_strfreev);
  g_clear_pointer (&self->hidden_kinds, g_strfreev);

  G_OBJECT_CLASS (kz_area_list_parent_class)->dispose (object);
}

static void
kz_area_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KzAreaList *self = KZ_AREA_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_HIDDEN_AREAS:
      g_value_set_boxed (value, self->hidden_areas != NULL ? self->hidden_areas : (char **) empty_strv);
      break;
    case PROP_HIDDEN_KINDS:
      g_value_set_boxed (value, self->hidden_kinds != NULL ? self->hidden_kinds : (char **) empty_strv);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_area_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KzAreaList *self = KZ_AREA_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      kz_area_list_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_HIDDEN_AREAS:
      kz_area_list_set_hidden_areas (self, g_value_get_boxed (value));
      break;
    case PROP_HIDDEN_KINDS:
      kz_area_list_set_hidden_kinds (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_area_list_class_init (KzAreaListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_area_list_dispose;
  object_class->get_property = kz_area_list_get_property;
  object_class->set_property = kz_area_list_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         KZ_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The ids of the areas whose lanes are hidden. */
  properties[PROP_HIDDEN_AREAS] =
    g_param_spec_boxed ("hidden-areas", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The ids of the kinds whose events are hidden. */
  properties[PROP_HIDDEN_KINDS] =
    g_param_spec_boxed ("hidden-kinds", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KzAreaList::area-activated:
   * @area: the area of the row clicked, or on which Enter was pressed
   *
   * The user wants the area's story.
   */
  signals[AREA_ACTIVATED] =
    g_signal_new ("area-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KZ_TYPE_AREA);

  gtk_widget_class_install_action (widget_class, "area-list.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "area-list.toggle-lane", NULL, toggle_lane_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/kz-area-list.ui");
  gtk_widget_class_bind_template_child (widget_class, KzAreaList, areas_list_box);
  gtk_widget_class_bind_template_child (widget_class, KzAreaList, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, KzAreaList, kinds_heading);
  gtk_widget_class_bind_template_child (widget_class, KzAreaList, kinds_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "arealist");
}

static void
kz_area_list_init (KzAreaList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Only the box's children and their order are used: no GtkBox API that expects its own
   * layout manager (spacing, orientation) is called on it. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self->kinds_box), kz_wrap_layout_new ());

  g_signal_connect (self->areas_list_box, "row-activated", G_CALLBACK (on_row_activated), self);

  /* Space toggles the focused row's lane: caught before the list box, which would
   * activate the row with it as with Enter */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                            gtk_named_action_new ("area-list.toggle-lane")));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Space, 0),
                                                            gtk_named_action_new ("area-list.toggle-lane")));
    gtk_widget_add_controller (GTK_WIDGET (self->areas_list_box), shortcuts);
  }
  kz_area_list_sync (self);
}

GtkWidget *
kz_area_list_new (void)
{
  return g_object_new (KZ_TYPE_AREA_LIST, NULL);
}

KzDataset *
kz_area_list_get_dataset (KzAreaList *self)
{
  g_return_val_if_fail (KZ_IS_AREA_LIST (self), NULL);

  return self->dataset;
}

void
kz_area_list_set_dataset (KzAreaList *self,
                          KzDataset  *dataset)
{
  g_return_if_fail (KZ_IS_AREA_LIST (self));
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  gtk_list_box_bind_model (self->areas_list_box,
                           dataset != NULL ? kz_dataset_get_areas (dataset) : NULL,
                           dataset != NULL ? create_area_row : NULL,
                           self, NULL);
  kz_area_list_rebuild_kinds (self);
  kz_area_list_sync (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

const char * const *
kz_area_list_get_hidden_areas (KzAreaList *self)
{
  g_return_val_if_fail (KZ_IS_AREA_LIST (self), NULL);

  return self->hidden_areas != NULL ? (const char * const *) self->hidden_areas : empty_strv;
}

void
kz_area_list_set_hidden_areas (KzAreaList         *self,
                               const char * const *area_ids)
{
  g_return_if_fail (KZ_IS_AREA_LIST (self));

  if (strv_equal0 ((const char * const *) self->hidden_areas, area_ids))
    return;

  g_clear_pointer (&self->hidden_areas, g_strfreev);
  self->hidden_areas = g_strdupv ((char **) area_ids);
  kz_area_list_sync (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_AREAS]);
}

const char * const *
kz_area_list_get_hidden_kinds (KzAreaList *self)
{
  g_return_val_if_fail (KZ_IS_AREA_LIST (self), NULL);

  return self->hidden_kinds != NULL ? (const char * const *) self->hidden_kinds : empty_strv;
}

void
kz_area_list_set_hidden_kinds (KzAreaList         *self,
                               const char * const *kind_ids)
{
  g_return_if_fail (KZ_IS_AREA_LIST (self));

  if (strv_equal0 ((const char * const *) self->hidden_kinds, kind_ids))
    return;

  g_clear_pointer (&self->hidden_kinds, g_strfreev);
  self->hidden_kinds = g_strdupv ((char **) kind_ids);
  kz_area_list_sync (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_KINDS]);
}
