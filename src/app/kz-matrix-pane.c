/* kz-matrix-pane.c — the matrix with its kind chooser, in place of the timeline
 *
 * The pane owns the choice of kind: the Foreign Ministers' Strategic Dialogue, or the kind
 * with the most events (kz_matrix_layout_default_kind()), until the user picks another; a
 * new version of the same dataset keeps the choice by its id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-matrix-pane"

#include <glib/gi18n.h>

#include "kz-matrix-layout.h"

#include "kz-matrix-pane.h"

struct _KzMatrixPane
{
  GtkWidget     parent_instance;

  KzDataset    *dataset;
  gboolean      syncing;

  GtkDropDown  *kind_dropdown;
  GtkLabel     *count_label;
  KzMatrixView *matrix_view;
};

G_DEFINE_FINAL_TYPE (KzMatrixPane, kz_matrix_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kz_matrix_pane_update_count (KzMatrixPane *self)
{
  KzKind *kind = kz_matrix_view_get_kind (self->matrix_view);
  guint n_events = self->dataset != NULL && kind != NULL ? kz_dataset_count_kind (self->dataset, kind) : 0;
  g_autofree char *text = NULL;

  if (kind != NULL)
    /* Translators: how many events of the chosen kind the matrix's columns show */
    text = g_strdup_printf (ngettext ("%'u event", "%'u events", n_events), n_events);
  else if (self->dataset != NULL)
    text = g_strdup (_("This dataset has no kinds of event"));

  gtk_label_set_text (self->count_label, text != NULL ? text : "");
}

/* Shows the view's kind in the chooser. */
static void
kz_matrix_pane_sync_dropdown (KzMatrixPane *self)
{
  KzKind *kind = kz_matrix_view_get_kind (self->matrix_view);
  GListModel *model = gtk_drop_down_get_model (self->kind_dropdown);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; kind != NULL && model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KzKind) item = g_list_model_get_item (model, i);

      if (item == kind)
        position = i;
    }

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, position);
  self->syncing = FALSE;

  kz_matrix_pane_update_count (self);
}

static void
on_dropdown_selected (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      KzMatrixPane *self)
{
  if (self->syncing)
    return;

  kz_matrix_view_set_kind (self->matrix_view, gtk_drop_down_get_selected_item (dropdown));
}

static void
kz_matrix_pane_dispose (GObject *object)
{
  KzMatrixPane *self = KZ_MATRIX_PANE (object);
  GtkWidget *child;

  if (self->matrix_view != NULL)
    g_signal_handlers_disconnect_by_data (self->matrix_view, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_MATRIX_PANE);
  /* The template's top box is a child of ours but not bound, so not disposed with it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (kz_matrix_pane_parent_class)->dispose (object);
}

static void
kz_matrix_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KzMatrixPane *self = KZ_MATRIX_PANE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_matrix_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KzMatrixPane *self = KZ_MATRIX_PANE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      kz_matrix_pane_set_dataset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_matrix_pane_class_init (KzMatrixPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_matrix_pane_dispose;
  object_class->get_property = kz_matrix_pane_get_property;
  object_class->set_property = kz_matrix_pane_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         KZ_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KZ_TYPE_MATRIX_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/kz-matrix-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KzMatrixPane, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KzMatrixPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, KzMatrixPane, matrix_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matrixpane");
}

static void
kz_matrix_pane_init (KzMatrixPane *self)
{
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  name = gtk_property_expression_new (KZ_TYPE_KIND, NULL, "name");
  gtk_drop_down_set_expression (self->kind_dropdown, name);
  g_signal_connect (self->kind_dropdown, "notify::selected",
                    G_CALLBACK (on_dropdown_selected), self);
  g_signal_connect_swapped (self->matrix_view, "notify::kind",
                            G_CALLBACK (kz_matrix_pane_sync_dropdown), self);
  kz_matrix_pane_update_count (self);
}

GtkWidget *
kz_matrix_pane_new (void)
{
  return g_object_new (KZ_TYPE_MATRIX_PANE, NULL);
}

KzDataset *
kz_matrix_pane_get_dataset (KzMatrixPane *self)
{
  g_return_val_if_fail (KZ_IS_MATRIX_PANE (self), NULL);

  return self->dataset;
}

/* Shows dataset, keeping the chosen kind when the dataset has one with its id. */
void
kz_matrix_pane_set_dataset (KzMatrixPane *self,
                            KzDataset    *dataset)
{
  g_autofree char *kind_id = NULL;
  KzKind *kind = NULL;

  g_return_if_fail (KZ_IS_MATRIX_PANE (self));
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  if (kz_matrix_view_get_kind (self->matrix_view) != NULL)
    kind_id = g_strdup (kz_kind_get_id (kz_matrix_view_get_kind (self->matrix_view)));

  g_set_object (&self->dataset, dataset);

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown,
                           dataset != NULL ? kz_dataset_get_kinds (dataset) : NULL);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown),
                            dataset != NULL && g_list_model_get_n_items (kz_dataset_get_kinds (dataset)) > 0);

  kz_matrix_view_set_dataset (self->matrix_view, dataset);
  if (dataset != NULL && kind_id != NULL)
    kind = kz_dataset_lookup_kind (dataset, kind_id);
  if (dataset != NULL && kind == NULL)
    kind = kz_matrix_layout_default_kind (dataset);
  kz_matrix_view_set_kind (self->matrix_view, kind);
  kz_matrix_pane_sync_dropdown (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

KzMatrixView *
kz_matrix_pane_get_view (KzMatrixPane *self)
{
  g_return_val_if_fail (KZ_IS_MATRIX_PANE (self), NULL);

  return self->matrix_view;
}
