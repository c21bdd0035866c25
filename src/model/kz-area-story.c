/* kz-area-story.c — how one area grew across a dataset's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kz-area-story"

#include "config.h"

#include "kz-area-story.h"

/**
 * kz_area_story_new:
 *
 * Walks the dataset once, in its order, and records every event that touches @area:
 * where it first appeared, each change of stage, the counts by kind, the latest event.
 *
 * Returns: (transfer full): the story; it borrows events and areas from @dataset
 */
KzAreaStory *
kz_area_story_new (KzDataset *dataset,
                   KzArea    *area)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (KzStageChange));
  KzAreaStory *story;
  KzStage previous = KZ_STAGE_NONE;

  g_return_val_if_fail (KZ_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (KZ_IS_AREA (area), NULL);

  story = g_new0 (KzAreaStory, 1);
  story->area = area;
  story->n_kinds = g_list_model_get_n_items (kz_dataset_get_kinds (dataset));
  story->events_by_kind = g_new0 (guint, MAX (story->n_kinds, 1));

  for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
    {
      KzEvent *event = kz_dataset_get_event (dataset, i);
      const KzEventArea *entry = kz_event_find_area (event, area);
      KzKind *kind;

      if (entry == NULL)
        continue;

      if (story->first_event == NULL)
        story->first_event = event;
      story->latest_event = event;
      story->n_events++;

      kind = kz_event_get_kind (event);
      if (kind != NULL)
        story->events_by_kind[kz_kind_get_index (kind)]++;
      else
        story->events_without_kind++;

      if (entry->stage != previous)
        {
          KzStageChange change = {
            .event = event,
            .from = previous,
            .to = entry->stage,
            .deepest = entry->stage > story->deepest_stage,
          };

          g_array_append_val (changes, change);
        }

      if (entry->stage > story->deepest_stage)
        {
          story->deepest_stage = entry->stage;
          story->deepest_event = event;
        }
      previous = entry->stage;
    }

  story->n_changes = changes->len;
  story->changes = (KzStageChange *) (gpointer) g_array_free (g_steal_pointer (&changes), FALSE);
  return story;
}

void
kz_area_story_free (KzAreaStory *story)
{
  if (story == NULL)
    return;

  g_free (story->changes);
  g_free (story->events_by_kind);
  g_free (story);
}
