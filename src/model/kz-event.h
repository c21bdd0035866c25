/* kz-event.h — one dated event: a dialogue, summit, agreement, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kz-area.h"
#include "kz-date.h"
#include "kz-kind.h"
#include "kz-stage.h"

G_BEGIN_DECLS

/* What happened in one area at this event. sources index kz_event_get_source(). */
typedef struct {
  KzArea  *area;
  KzStage  stage;
  char    *note;
  guint   *sources;
  guint    n_sources;
} KzEventArea;

typedef struct {
  char *text;
  char *by;
} KzQuote;

typedef struct {
  char     *title;
  char     *publisher;
  char     *url;
  gboolean  has_date;
  KzDate    date;
} KzSource;

#define KZ_TYPE_EVENT (kz_event_get_type ())
G_DECLARE_FINAL_TYPE (KzEvent, kz_event, KZ, EVENT, GObject)

KzEvent            *kz_event_new               (const char   *id,
                                                const KzDate *date,
                                                const char   *title);
const char         *kz_event_get_id            (KzEvent      *self);
const char         *kz_event_get_title         (KzEvent      *self);
const KzDate       *kz_event_get_date          (KzEvent      *self);
/* NULL when the event has no end date. */
const KzDate       *kz_event_get_end           (KzEvent      *self);
void                kz_event_set_end           (KzEvent      *self,
                                                const KzDate *end);
KzKind             *kz_event_get_kind          (KzEvent      *self);
void                kz_event_set_kind          (KzEvent      *self,
                                                KzKind       *kind);
guint               kz_event_get_round         (KzEvent      *self);
void                kz_event_set_round         (KzEvent      *self,
                                                guint         round);
const char         *kz_event_get_place         (KzEvent      *self);
void                kz_event_set_place         (KzEvent      *self,
                                                const char   *place);
const char * const *kz_event_get_participants  (KzEvent      *self);
void                kz_event_set_participants  (KzEvent      *self,
                                                const char * const *participants);
const char         *kz_event_get_summary       (KzEvent      *self);
void                kz_event_set_summary       (KzEvent      *self,
                                                const char   *summary);

guint               kz_event_get_n_areas       (KzEvent      *self);
const KzEventArea  *kz_event_get_area          (KzEvent      *self,
                                                guint         index);
const KzEventArea  *kz_event_find_area         (KzEvent      *self,
                                                KzArea       *area);
void                kz_event_add_area          (KzEvent      *self,
                                                KzArea       *area,
                                                KzStage       stage,
                                                const char   *note,
                                                const guint  *sources,
                                                guint         n_sources);
guint               kz_event_get_n_quotes      (KzEvent      *self);
const KzQuote      *kz_event_get_quote         (KzEvent      *self,
                                                guint         index);
void                kz_event_add_quote         (KzEvent      *self,
                                                const char   *text,
                                                const char   *by);
guint               kz_event_get_n_sources     (KzEvent      *self);
const KzSource     *kz_event_get_source        (KzEvent      *self,
                                                guint         index);
void                kz_event_add_source        (KzEvent      *self,
                                                const char   *title,
                                                const char   *publisher,
                                                const char   *url,
                                                const KzDate *date);

int                 kz_event_compare           (KzEvent      *a,
                                                KzEvent      *b);
gboolean            kz_event_matches_text      (KzEvent      *self,
                                                const char   *folded_needle);

G_END_DECLS
