/* kz-area-story.h — how one area grew across a dataset's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kz-dataset.h"

G_BEGIN_DECLS

/* The area's stage at @event differs from its stage at the area's previous event. */
typedef struct {
  KzEvent  *event;
  KzStage   from;        /* KZ_STAGE_NONE at the area's first event */
  KzStage   to;
  gboolean  deepest;     /* the deepest stage so far rose here */
} KzStageChange;

typedef struct {
  KzArea         *area;
  KzEvent        *first_event;     /* NULL when no event touches the area */
  KzEvent        *latest_event;
  KzEvent        *deepest_event;   /* the first event, in dataset order, at deepest_stage */
  KzStage         deepest_stage;
  guint           n_events;
  KzStageChange  *changes;
  guint           n_changes;
  guint          *events_by_kind;  /* indexed by kz_kind_get_index(); n_kinds entries */
  guint           n_kinds;
  guint           events_without_kind;
} KzAreaStory;

KzAreaStory *kz_area_story_new   (KzDataset   *dataset,
                                  KzArea      *area);
void         kz_area_story_free  (KzAreaStory *story);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzAreaStory, kz_area_story_free)

G_END_DECLS
