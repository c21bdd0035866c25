/* kz-dataset.c — a loaded dataset: events sorted by date, areas, kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kz-dataset"

#include "config.h"

#include "kz-dataset.h"

struct _KzDataset
{
  GObject      parent_instance;

  char        *title;
  char        *description;
  GListStore  *areas;
  GListStore  *kinds;
  GPtrArray   *events;         /* KzEvent, in dataset order */
  GHashTable  *events_by_id;   /* id → KzEvent (borrowed from events) */
  GHashTable  *areas_by_id;
  GHashTable  *kinds_by_id;
  KzAreaStats *area_stats;     /* indexed by kz_area_get_index() */
  guint       *kind_counts;    /* events of each kind, indexed by kz_kind_get_index() */
  guint      **kind_positions; /* their positions in dataset order, likewise */
  guint        n_kinds;
  gint64       first_day;      /* the span all events cover, when there are any */
  gint64       last_day;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KzDataset, kz_dataset, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
kz_dataset_get_item_type (GListModel *model)
{
  return KZ_TYPE_EVENT;
}

static guint
kz_dataset_get_n_items (GListModel *model)
{
  return KZ_DATASET (model)->events->len;
}

static gpointer
kz_dataset_get_item (GListModel *model,
                     guint       position)
{
  KzDataset *self = KZ_DATASET (model);

  if (position >= self->events->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->events, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kz_dataset_get_item_type;
  iface->get_n_items = kz_dataset_get_n_items;
  iface->get_item = kz_dataset_get_item;
}

static void
kz_dataset_finalize (GObject *object)
{
  KzDataset *self = (KzDataset *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->events_by_id, g_hash_table_unref);
  g_clear_pointer (&self->areas_by_id, g_hash_table_unref);
  g_clear_pointer (&self->kinds_by_id, g_hash_table_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_object (&self->areas);
  g_clear_object (&self->kinds);
  g_clear_pointer (&self->area_stats, g_free);
  for (guint k = 0; self->kind_positions != NULL && k < self->n_kinds; k++)
    g_free (self->kind_positions[k]);
  g_clear_pointer (&self->kind_positions, g_free);
  g_clear_pointer (&self->kind_counts, g_free);

  G_OBJECT_CLASS (kz_dataset_parent_class)->finalize (object);
}

static void
kz_dataset_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KzDataset *self = KZ_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_dataset_class_init (KzDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kz_dataset_finalize;
  object_class->get_property = kz_dataset_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kz_dataset_init (KzDataset *self)
{
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return kz_event_compare (*(KzEvent **) a, *(KzEvent **) b);
}

/* One pass in dataset order for the per-area statistics, each kind's events and the span:
 * done once, by whoever builds the dataset (a loading thread), so a window never walks a
 * million events to show a count or a kind's matrix. */
static void
compute_stats (KzDataset *self)
{
  guint n_areas = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  guint n_kinds = g_list_model_get_n_items (G_LIST_MODEL (self->kinds));
  g_autofree GArray **positions = g_new (GArray *, MAX (n_kinds, 1));

  self->area_stats = g_new0 (KzAreaStats, MAX (n_areas, 1));
  self->first_day = G_MAXINT64;
  self->last_day = G_MININT64;
  for (guint k = 0; k < n_kinds; k++)
    positions[k] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->events->len; i++)
    {
      KzEvent *event = g_ptr_array_index (self->events, i);
      const KzDate *end = kz_event_get_end (event);
      KzKind *kind = kz_event_get_kind (event);

      if (kind != NULL && kz_kind_get_index (kind) < n_kinds)
        g_array_append_val (positions[kz_kind_get_index (kind)], i);

      self->first_day = MIN (self->first_day, kz_date_get_first_day (kz_event_get_date (event)));
      self->last_day = MAX (self->last_day,
                            kz_date_get_last_day (end != NULL ? end : kz_event_get_date (event)));

      for (guint j = 0; j < kz_event_get_n_areas (event); j++)
        {
          const KzEventArea *entry = kz_event_get_area (event, j);
          KzAreaStats *stats = &self->area_stats[kz_area_get_index (entry->area)];

          if (stats->first_event == NULL)
            stats->first_event = event;
          stats->last_event = event;
          stats->n_events++;
          /* Strictly deeper: the first event to reach a stage keeps it. */
          if (entry->stage > stats->deepest_stage)
            {
              stats->deepest_stage = entry->stage;
              stats->deepest_event = event;
            }
        }
    }

  self->n_kinds = n_kinds;
  self->kind_counts = g_new0 (guint, MAX (n_kinds, 1));
  self->kind_positions = g_new0 (guint *, MAX (n_kinds, 1));
  for (guint k = 0; k < n_kinds; k++)
    {
      self->kind_counts[k] = positions[k]->len;
      self->kind_positions[k] = (guint *) (gpointer) g_array_free (positions[k], FALSE);
    }
}

/**
 * kz_dataset_new:
 * @description: (nullable):
 * @areas: (transfer full): KzArea, in display order
 * @kinds: (transfer full) (nullable): KzKind
 * @events: (transfer full): KzEvent whose areas and kinds are in @areas and @kinds
 *
 * The loader validates; this trusts its input (ids unique, areas known).
 */
KzDataset *
kz_dataset_new (const char *title,
                const char *description,
                GPtrArray  *areas,
                GPtrArray  *kinds,
                GPtrArray  *events)
{
  KzDataset *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (areas != NULL, NULL);
  g_return_val_if_fail (events != NULL, NULL);

  self = g_object_new (KZ_TYPE_DATASET, NULL);
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->areas = g_list_store_new (KZ_TYPE_AREA);
  self->kinds = g_list_store_new (KZ_TYPE_KIND);
  self->areas_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->kinds_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->events_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < areas->len; i++)
    {
      KzArea *area = g_ptr_array_index (areas, i);

      kz_area_set_index (area, i);
      g_hash_table_insert (self->areas_by_id, (gpointer) kz_area_get_id (area), area);
    }
  g_list_store_splice (self->areas, 0, 0, areas->pdata, areas->len);
  g_ptr_array_unref (areas);

  if (kinds != NULL)
    {
      for (guint i = 0; i < kinds->len; i++)
        {
          KzKind *kind = g_ptr_array_index (kinds, i);

          kz_kind_set_index (kind, i);
          g_hash_table_insert (self->kinds_by_id, (gpointer) kz_kind_get_id (kind), kind);
        }
      g_list_store_splice (self->kinds, 0, 0, kinds->pdata, kinds->len);
      g_ptr_array_unref (kinds);
    }

  self->events = events;
  g_ptr_array_set_free_func (self->events, g_object_unref);
  g_ptr_array_sort (self->events, compare_events);
  for (guint i = 0; i < self->events->len; i++)
    {
      KzEvent *event = g_ptr_array_index (self->events, i);

      g_hash_table_insert (self->events_by_id, (gpointer) kz_event_get_id (event), event);
    }

  compute_stats (self);

  return self;
}

const char *
kz_dataset_get_title (KzDataset *self)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);

  return self->title;
}

const char *
kz_dataset_get_description (KzDataset *self)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);

  return self->description;
}

/* Returns: (transfer none): a list of KzArea in the dataset's order */
GListModel *
kz_dataset_get_areas (KzDataset *self)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->areas);
}

/* Returns: (transfer none): a list of KzKind in the dataset's order */
GListModel *
kz_dataset_get_kinds (KzDataset *self)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->kinds);
}

guint
kz_dataset_get_n_events (KzDataset *self)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), 0);

  return self->events->len;
}

/* Returns: (transfer none): unlike g_list_model_get_item(), no reference to drop */
KzEvent *
kz_dataset_get_event (KzDataset *self,
                      guint      position)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);
  g_return_val_if_fail (position < self->events->len, NULL);

  return g_ptr_array_index (self->events, position);
}

/* Returns: (transfer none) (nullable): */
KzEvent *
kz_dataset_lookup_event (KzDataset  *self,
                         const char *id)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->events_by_id, id);
}

/* Returns: (transfer none) (nullable): */
KzArea *
kz_dataset_lookup_area (KzDataset  *self,
                        const char *id)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->areas_by_id, id);
}

/* Returns: (transfer none) (nullable): */
KzKind *
kz_dataset_lookup_kind (KzDataset  *self,
                        const char *id)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->kinds_by_id, id);
}

/* The event's index in dataset order, found by bisection. */
gboolean
kz_dataset_get_event_position (KzDataset *self,
                               KzEvent   *event,
                               guint     *out_position)
{
  guint lo = 0, hi;

  g_return_val_if_fail (KZ_IS_DATASET (self), FALSE);
  g_return_val_if_fail (KZ_IS_EVENT (event), FALSE);

  hi = self->events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = kz_event_compare (g_ptr_array_index (self->events, mid), event);

      if (cmp == 0)
        {
          if (g_ptr_array_index (self->events, mid) != event)
            return FALSE;
          if (out_position != NULL)
            *out_position = mid;
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}

/* Returns: (transfer none): statistics for @area, which must belong to this dataset */
const KzAreaStats *
kz_dataset_get_area_stats (KzDataset *self,
                           KzArea    *area)
{
  guint index;

  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);
  g_return_val_if_fail (KZ_IS_AREA (area), NULL);

  index = kz_area_get_index (area);
  g_return_val_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->areas)), NULL);

  return &self->area_stats[index];
}

/**
 * kz_dataset_get_span:
 *
 * The first and last day any event covers (ranges and partial dates count whole).
 * Returns: %FALSE for a dataset without events.
 */
gboolean
kz_dataset_get_span (KzDataset *self,
                     gint64    *out_first_day,
                     gint64    *out_last_day)
{
  g_return_val_if_fail (KZ_IS_DATASET (self), FALSE);

  if (self->events->len == 0)
    return FALSE;

  if (out_first_day != NULL)
    *out_first_day = self->first_day;
  if (out_last_day != NULL)
    *out_last_day = self->last_day;
  return TRUE;
}

/**
 * kz_dataset_count_kind:
 *
 * Returns: how many events are of @kind (0 for a kind of another dataset)
 */
guint
kz_dataset_count_kind (KzDataset *self,
                       KzKind    *kind)
{
  guint n = 0;

  kz_dataset_get_kind_positions (self, kind, &n);
  return n;
}

/**
 * kz_dataset_get_kind_positions:
 * @n_positions: (out): how many events are of @kind (0 for a kind of another dataset)
 *
 * Returns: (transfer none) (array length=n_positions): the positions of @kind's events,
 *   in dataset order: a view of one kind need not walk every event
 */
const guint *
kz_dataset_get_kind_positions (KzDataset *self,
                               KzKind    *kind,
                               guint     *n_positions)
{
  g_autoptr(KzKind) at_index = NULL;
  guint index;

  g_return_val_if_fail (n_positions != NULL, NULL);
  *n_positions = 0;
  g_return_val_if_fail (KZ_IS_DATASET (self), NULL);
  g_return_val_if_fail (KZ_IS_KIND (kind), NULL);

  index = kz_kind_get_index (kind);
  if (index < g_list_model_get_n_items (G_LIST_MODEL (self->kinds)))
    at_index = g_list_model_get_item (G_LIST_MODEL (self->kinds), index);
  if (at_index != kind)
    return NULL;

  *n_positions = self->kind_counts[index];
  return self->kind_positions[index];
}
