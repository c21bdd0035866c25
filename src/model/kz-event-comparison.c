/* kz-event-comparison.c — what changed, area by area, between two events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kz-event-comparison"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-event-comparison.h"

/**
 * kz_event_comparison_new:
 * @from: the earlier event (the comparison does not reorder them)
 * @to: the later event
 *
 * Returns: (transfer full): every area either event touches, classified; it borrows
 *   events, areas and entries from @dataset
 */
KzEventComparison *
kz_event_comparison_new (KzDataset *dataset,
                         KzEvent   *from,
                         KzEvent   *to)
{
  GListModel *areas;
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (KzAreaComparison));
  KzEventComparison *comparison;

  g_return_val_if_fail (KZ_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (KZ_IS_EVENT (from), NULL);
  g_return_val_if_fail (KZ_IS_EVENT (to), NULL);

  areas = kz_dataset_get_areas (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(KzArea) area = g_list_model_get_item (areas, i);
      KzAreaComparison item = {
        .area = area,
        .from = kz_event_find_area (from, area),
        .to = kz_event_find_area (to, area),
      };

      if (item.from == NULL && item.to == NULL)
        continue;
      else if (item.from == NULL)
        item.change = KZ_AREA_CHANGE_ADDED;
      else if (item.to == NULL)
        item.change = KZ_AREA_CHANGE_DROPPED;
      else if (item.to->stage > item.from->stage)
        item.change = KZ_AREA_CHANGE_DEEPENED;
      else if (item.to->stage < item.from->stage)
        item.change = KZ_AREA_CHANGE_WEAKENED;
      else
        item.change = KZ_AREA_CHANGE_UNCHANGED;

      /* The dataset's list keeps the area alive; the comparison borrows it. */
      g_array_append_val (result, item);
    }

  comparison = g_new0 (KzEventComparison, 1);
  comparison->from = from;
  comparison->to = to;
  comparison->n_areas = result->len;
  comparison->areas = (KzAreaComparison *) (gpointer) g_array_free (g_steal_pointer (&result), FALSE);
  return comparison;
}

void
kz_event_comparison_free (KzEventComparison *comparison)
{
  if (comparison == NULL)
    return;

  g_free (comparison->areas);
  g_free (comparison);
}

/* The ids reports use: added, dropped, deepened, weakened, unchanged. */
const char *
kz_area_change_to_string (KzAreaChange change)
{
  static const char * const ids[KZ_N_AREA_CHANGES] = {
    "added", "dropped", "deepened", "weakened", "unchanged",
  };

  g_return_val_if_fail (change < KZ_N_AREA_CHANGES, NULL);

  return ids[change];
}

const char *
kz_area_change_get_label (KzAreaChange change)
{
  switch (change)
    {
    case KZ_AREA_CHANGE_ADDED:
      return C_("area change", "Added");
    case KZ_AREA_CHANGE_DROPPED:
      return C_("area change", "Dropped");
    case KZ_AREA_CHANGE_DEEPENED:
      return C_("area change", "Deepened");
    case KZ_AREA_CHANGE_WEAKENED:
      return C_("area change", "Weakened");
    case KZ_AREA_CHANGE_UNCHANGED:
    default:
      return C_("area change", "Unchanged");
    }
}

/**
 * kz_dataset_find_previous_of_kind:
 *
 * The latest event before @event, in dataset order, of the same kind — the 17th round
 * before the 18th, the 2024 summit before 2025's.
 *
 * Returns: (transfer none) (nullable): %NULL when @event has no kind or is the first of it
 */
KzEvent *
kz_dataset_find_previous_of_kind (KzDataset *dataset,
                                  KzEvent   *event)
{
  KzKind *kind;
  guint position;

  g_return_val_if_fail (KZ_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (KZ_IS_EVENT (event), NULL);

  kind = kz_event_get_kind (event);
  if (kind == NULL || !kz_dataset_get_event_position (dataset, event, &position))
    return NULL;

  while (position-- > 0)
    {
      KzEvent *candidate = kz_dataset_get_event (dataset, position);

      if (kz_event_get_kind (candidate) == kind)
        return candidate;
    }

  return NULL;
}
