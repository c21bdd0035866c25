/* kz-timeline-layout.c — where everything on the timeline goes: pure computation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here draws or knows about widgets: the renderer and the view read the arrays this
 * fills, and tests check them with a fake text measure.
 *
 * Scale: a per-dataset index (event days and areas, flattened once) feeds per-lane arrays
 * (first day, last day, event, stage; in date order) rebuilt only when the area or kind filter
 * changes, along with each lane's steps of "deepest stage so far" for the bands. A frame
 * finds the visible slice of each array by bisection and groups it into pixel buckets fixed
 * in time (so panning does not reshuffle clusters), jumping from bucket to bucket by
 * galloping search; a bucket's count is the difference of two indices and its deepest
 * stage comes from a per-lane pyramid (below): the work per frame follows the number of
 * pixels, not of events.
 */

#include "config.h"

#define G_LOG_DOMAIN "kz-timeline"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kz-timeline-layout.h"

/* Geometry, in logical pixels. */
#define PAD_X               16.0
#define PAD_Y               12.0
#define TITLE_HEIGHT        46.0
#define LABEL_ROW_HEIGHT    20.0
#define CLUSTER_STRIP       24.0
#define ROW_GAP             6.0
#define AXIS_HEIGHT         40.0
#define LEGEND_HEIGHT       30.0
#define FOOTER_HEIGHT       20.0
#define LANE_MIN_HEIGHT     22.0
#define LANE_MAX_HEIGHT     44.0
#define LANE_FILL_MIN_HEIGHT 6.0
#define LANE_FILL_MAX_HEIGHT 96.0
#define LANE_NATURAL_HEIGHT 36.0
#define LABEL_COLUMN_MIN    96.0
#define LABEL_COLUMN_MAX    240.0
#define PLOT_GAP            16.0   /* between the lane labels and the time scale */
#define ROW_MARK_RADIUS     4.0
#define BUCKET_PX           6.0    /* marks closer than this cannot be told apart */
#define LABEL_GAP           5.0    /* from a mark to its label */
#define ITEM_GAP            10.0   /* from a label to the next mark in its row */
#define MIN_LABEL_WIDTH     44.0   /* shorter than this, a label says nothing: cluster it */
#define MAX_LABEL_WIDTH     240.0
#define MAX_SELECTED_WIDTH  420.0  /* the selected event's label may say more */
#define PILL_PADDING        14.0
#define PILL_GAP            6.0
#define TICK_LABEL_GAP      18.0
#define MINOR_TICK_MIN_PX   6.0
#define MAX_LABEL_ROWS      3
#define ELLIPSIS            "…"

/* A cluster's deepest stage comes from a pyramid over each lane's entries: the deepest of
 * every block of 32 entries, of every 32 such blocks (1024 entries), and so on up. A bucket
 * of any size reads a few dozen values, so a frame zoomed out over a million events
 * touches some thousands, never every event. (Its count needs no pyramid: the entries are
 * sorted, and two bisections give it.) */
#define PYRAMID_BITS   5                     /* 32 per block, at every level */
#define PYRAMID_LEVELS 4                     /* blocks of 32, 1 024, 32 768, 1 048 576 */

#define DAYS_PER_YEAR  365.2425
#define DAYS_PER_MONTH (DAYS_PER_YEAR / 12.0)

typedef struct {
  gint32  first_day;
  gint32  last_day;     /* inclusive */
  gint16  kind;         /* -1: none */
  guint8  half;         /* the date names a day: its mark sits mid-day */
  guint8  spans;        /* a partial date or a range: covers more than its day */
} EventInfo;

typedef struct {
  guint16 slot;         /* the area's position in the dataset */
  guint8  stage;
} AreaItem;

typedef struct {
  gint32  first_day;
  gint32  last_day;     /* inclusive */
  guint32 position;     /* the event's dataset position */
  guint8  stage;
  guint8  half;
} Entry;

typedef struct {
  GArray *entries;      /* Entry, in dataset order, which is date order */
  GArray *reach;        /* gint32: largest last_day + 1 in entries[0..i] (spans only) */
  GArray *pyramid[PYRAMID_LEVELS];  /* guint8: deepest stage per block, level by level */
  GArray *match_prefix; /* guint32, n + 1: matching entries before i; empty without search */
} Stream;

typedef struct {
  double  day;
  KzStage stage;
} Step;

typedef struct {
  KzArea *area;
  guint   slot;
  Stream  points;       /* events on one day */
  Stream  spans;        /* partial dates and ranges */
  Step    steps[KZ_N_STAGES];
  guint   n_steps;
  guint   n_events;
  char   *label;        /* shortened name, or NULL for the name itself */
  double  label_width;
} LaneState;

typedef struct {
  double   x_first;
  double   x_last;
  guint    count;
  guint    first_position;
  guint    last_position;
  double   first_day;
  double   last_day;
  gboolean matches;
} Overflow;

typedef enum {
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
} Unit;

typedef struct {
  Unit unit;
  int  count;
} TickStep;

struct _KzTimelineLayout {
  KzDataset             *dataset;

  /* Per dataset, built once. */
  guint                  n_events;
  KzEvent              **events;
  EventInfo             *info;
  guint32               *area_start;       /* n_events + 1, into area_items */
  AreaItem              *area_items;
  GPtrArray             *dataset_areas;    /* KzArea, borrowed from the dataset */
  GPtrArray             *dataset_kinds;    /* KzKind, borrowed */
  float                 *title_width;      /* lazily measured; < 0 when unknown */
  char                 **title_short;      /* title shortened to MAX_LABEL_WIDTH, or NULL */

  /* View state. */
  GPtrArray             *requested_areas;  /* KzArea refs, or NULL for all */
  GPtrArray             *hidden_kinds;     /* KzKind refs */
  guint8                *matches;          /* one byte per event, or NULL without search */
  KzEvent               *selected;
  gboolean               today_override;
  gint64                 today_day;
  KzTimelineMeasureFunc  measure;
  gpointer               measure_data;
  GDestroyNotify         measure_destroy;

  gboolean               filter_dirty;
  gboolean               matches_dirty;
  gboolean               text_dirty;        /* every measured width is stale */
  gboolean               lane_text_dirty;   /* lane labels are */

  /* Rebuilt when the filters change. */
  GArray                *lane_states;      /* LaneState */
  Stream                 row;
  double                 label_column;
  double                 tick_sample_width[2][3];  /* [has BC][unit], cached */
  gboolean               tick_samples_valid[2];
  gint64                 selected_position; /* -1: none */
  gint64                 selected_row_index;

  /* Output of the last update; kept across frames so nothing grows with the dataset. */
  KzTimelineGeometry     geometry;
  char                  *title_text;
  GArray                *ticks;
  GArray                *row_items;
  GArray                *row_label_offsets; /* gssize into arena, or -1 */
  GArray                *lane_label_offsets; /* same, for lanes */
  GArray                *row_clusters;
  GArray                *lanes;
  GArray                *marks;
  GArray                *bands;
  GString               *arena;
  GString               *scratch_text;
};

static const TickStep tick_steps[] = {
  { UNIT_DAY, 1 }, { UNIT_DAY, 2 }, { UNIT_DAY, 7 }, { UNIT_DAY, 14 },
  { UNIT_MONTH, 1 }, { UNIT_MONTH, 3 }, { UNIT_MONTH, 6 },
  { UNIT_YEAR, 1 }, { UNIT_YEAR, 2 }, { UNIT_YEAR, 5 }, { UNIT_YEAR, 10 }, { UNIT_YEAR, 20 },
  { UNIT_YEAR, 50 }, { UNIT_YEAR, 100 }, { UNIT_YEAR, 200 }, { UNIT_YEAR, 500 },
  { UNIT_YEAR, 1000 }, { UNIT_YEAR, 2000 }, { UNIT_YEAR, 5000 },
};

/* The finer scale drawn between majors, when it is not too dense. */
static const TickStep minor_steps[] = {
  { UNIT_DAY, 0 }, { UNIT_DAY, 1 }, { UNIT_DAY, 1 }, { UNIT_DAY, 1 },
  { UNIT_DAY, 1 }, { UNIT_MONTH, 1 }, { UNIT_MONTH, 1 },
  { UNIT_MONTH, 1 }, { UNIT_YEAR, 1 }, { UNIT_YEAR, 1 }, { UNIT_YEAR, 1 }, { UNIT_YEAR, 5 },
  { UNIT_YEAR, 10 }, { UNIT_YEAR, 10 }, { UNIT_YEAR, 50 }, { UNIT_YEAR, 100 },
  { UNIT_YEAR, 100 }, { UNIT_YEAR, 500 }, { UNIT_YEAR, 1000 },
};

static const char * const month_abbreviations[12] = {
  NC_("month abbreviation", "Jan"), NC_("month abbreviation", "Feb"),
  NC_("month abbreviation", "Mar"), NC_("month abbreviation", "Apr"),
  NC_("month abbreviation", "May"), NC_("month abbreviation", "Jun"),
  NC_("month abbreviation", "Jul"), NC_("month abbreviation", "Aug"),
  NC_("month abbreviation", "Sep"), NC_("month abbreviation", "Oct"),
  NC_("month abbreviation", "Nov"), NC_("month abbreviation", "Dec"),
};

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                              */

static const char *
month_name (int month)
{
  g_assert (month >= 1 && month <= 12);
  return g_dpgettext2 (NULL, "month abbreviation", month_abbreviations[month - 1]);
}

static void
format_year (char *buf,
             gsize size,
             int   year)
{
  /* Astronomical year 0 is 1 BC: there is no year zero in the calendar people read. */
  if (year >= 1)
    g_snprintf (buf, size, "%d", year);
  else
    g_snprintf (buf, size, C_("axis year before the common era, e.g. 44 BC", "%d BC"), 1 - year);
}

static gint64
first_day_of (int year,
              int month,
              int day)
{
  KzDate date = { 0 };

  if (!kz_date_set (&date, year, month, day))
    return G_MININT64;
  return kz_date_get_first_day (&date);
}

static double
fake_measure (const char *text,
              gpointer    user_data)
{
  return 7.0 * g_utf8_strlen (text, -1);
}

static double
measure_text (KzTimelineLayout *self,
              const char       *text)
{
  return self->measure (text, self->measure_data);
}

static inline double
entry_anchor (const Entry *e)
{
  return e->first_day + (e->half ? 0.5 : 0.0);
}

static inline double
day_to_x (const KzTimelineGeometry *g,
          double                    day)
{
  return g->plot_x0 + (day - g->start_day) * g->px_per_day;
}

static int
floor_div (int a,
           int b)
{
  int q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

static int
ceil_div (int a,
          int b)
{
  return -floor_div (-a, b);
}

static void
stream_init (Stream *stream)
{
  stream->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  stream->reach = g_array_new (FALSE, FALSE, sizeof (gint32));
  for (guint l = 0; l < PYRAMID_LEVELS; l++)
    stream->pyramid[l] = g_array_new (FALSE, FALSE, sizeof (guint8));
  stream->match_prefix = g_array_new (FALSE, FALSE, sizeof (guint32));
}

static void
stream_clear (Stream *stream)
{
  g_clear_pointer (&stream->entries, g_array_unref);
  g_clear_pointer (&stream->reach, g_array_unref);
  for (guint l = 0; l < PYRAMID_LEVELS; l++)
    g_clear_pointer (&stream->pyramid[l], g_array_unref);
  g_clear_pointer (&stream->match_prefix, g_array_unref);
}

static void
stream_reset (Stream *stream)
{
  g_array_set_size (stream->entries, 0);
  g_array_set_size (stream->reach, 0);
  for (guint l = 0; l < PYRAMID_LEVELS; l++)
    g_array_set_size (stream->pyramid[l], 0);
  g_array_set_size (stream->match_prefix, 0);
}

static void
stream_finish (Stream   *stream,
               gboolean  with_reach)
{
  const Entry *entries = (const Entry *) (gpointer) stream->entries->data;
  guint n = stream->entries->len;
  gint32 reach = G_MININT32;

  /* Level 0 from the entries, each level above from the one below. */
  for (guint l = 0; l < PYRAMID_LEVELS; l++)
    {
      guint below = l == 0 ? n : stream->pyramid[l - 1]->len;
      guint8 *blocks;

      g_array_set_size (stream->pyramid[l], (below + (1u << PYRAMID_BITS) - 1) >> PYRAMID_BITS);
      /* An empty GArray's data may be NULL, which memset must not get even for 0 bytes. */
      if (stream->pyramid[l]->len == 0)
        continue;
      blocks = (guint8 *) stream->pyramid[l]->data;
      memset (blocks, 0, stream->pyramid[l]->len);
      for (guint i = 0; i < below; i++)
        {
          guint8 stage = l == 0 ? entries[i].stage : g_array_index (stream->pyramid[l - 1], guint8, i);

          blocks[i >> PYRAMID_BITS] = MAX (blocks[i >> PYRAMID_BITS], stage);
        }
    }

  if (with_reach)
    {
      g_array_set_size (stream->reach, n);
      for (guint i = 0; i < n; i++)
        {
          reach = MAX (reach, entries[i].last_day + 1);
          g_array_index (stream->reach, gint32, i) = reach;
        }
    }
}

static void
stream_compute_matches (Stream       *stream,
                        const guint8 *matches)
{
  const Entry *entries = (const Entry *) (gpointer) stream->entries->data;
  guint n = stream->entries->len;
  guint32 *prefix;

  if (matches == NULL)
    {
      g_array_set_size (stream->match_prefix, 0);
      return;
    }

  g_array_set_size (stream->match_prefix, n + 1);
  prefix = (guint32 *) (gpointer) stream->match_prefix->data;
  prefix[0] = 0;
  for (guint i = 0; i < n; i++)
    prefix[i + 1] = prefix[i] + (matches[entries[i].position] ? 1 : 0);
}

static gboolean
stream_any_match (const Stream *stream,
                  guint         i,
                  guint         j)
{
  const guint32 *prefix;

  if (stream->match_prefix->len == 0)
    return TRUE;
  prefix = (const guint32 *) (gconstpointer) stream->match_prefix->data;
  return prefix[j] > prefix[i];
}

/* Deepest stage in entries[i..j): at each step the largest aligned block that fits, so at
 * most 2 × 31 reads a level, whatever j - i is. */
static KzStage
stream_max_stage (const Stream *stream,
                  guint         i,
                  guint         j)
{
  const Entry *entries = (const Entry *) (gpointer) stream->entries->data;
  guint8 deepest = KZ_STAGE_NONE;

  while (i < j && deepest < KZ_STAGE_MECHANISM)
    {
      gboolean took_block = FALSE;

      /* Most marks are a few entries: no block fits unless a level-0 one does */
      for (guint l = (i & ((1u << PYRAMID_BITS) - 1)) == 0 && i + (1u << PYRAMID_BITS) <= j
                     ? PYRAMID_LEVELS : 0;
           l-- > 0; )
        {
          guint shift = PYRAMID_BITS * (l + 1);
          guint64 size = (guint64) 1 << shift;

          if ((i & (size - 1)) == 0 && i + size <= j)
            {
              deepest = MAX (deepest, g_array_index (stream->pyramid[l], guint8, i >> shift));
              i += (guint) size;
              took_block = TRUE;
              break;
            }
        }
      if (!took_block)
        {
          deepest = MAX (deepest, entries[i].stage);
          i++;
        }
    }

  return (KzStage) deepest;
}

/* First index in [lo, hi) whose anchor is >= day, by bisection. */
static guint
lower_bound_anchor (const Entry *entries,
                    guint        lo,
                    guint        hi,
                    double       day)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entry_anchor (&entries[mid]) < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Same, galloping from lo: cheap when the answer is close, as it is bucket to bucket. */
static guint
gallop_anchor (const Entry *entries,
               guint        lo,
               guint        hi,
               double       day)
{
  guint step = 1;
  guint prev = lo;

  while (lo < hi && entry_anchor (&entries[lo]) < day)
    {
      prev = lo + 1;
      if (hi - lo <= step)
        {
          lo = hi;
          break;
        }
      lo += step;
      step *= 2;
    }
  return lower_bound_anchor (entries, prev, MIN (lo + 1, hi), day);
}

/* First span that may still reach day: reach[] never decreases. */
static guint
lower_bound_reach (const GArray *reach,
                   double        day)
{
  guint lo = 0, hi = reach->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (reach, gint32, mid) <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Index of the entry for position in entries[lo..hi) (sorted by position), or -1. */
static gint64
find_position (const Entry *entries,
               guint        lo,
               guint        hi,
               guint        position)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entries[mid].position < position)
        lo = mid + 1;
      else if (entries[mid].position > position)
        hi = mid;
      else
        return mid;
    }
  return -1;
}

/* ------------------------------------------------------------------------------------------ */
/* Lifecycle and inputs                                                                       */

KzTimelineLayout *
kz_timeline_layout_new (void)
{
  KzTimelineLayout *self = g_new0 (KzTimelineLayout, 1);

  self->measure = fake_measure;
  self->hidden_kinds = g_ptr_array_new_with_free_func (g_object_unref);
  self->dataset_areas = g_ptr_array_new ();
  self->dataset_kinds = g_ptr_array_new ();
  self->lane_states = g_array_new (FALSE, TRUE, sizeof (LaneState));
  stream_init (&self->row);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (KzTimelineTick));
  self->row_items = g_array_new (FALSE, FALSE, sizeof (KzTimelineRowItem));
  self->row_label_offsets = g_array_new (FALSE, FALSE, sizeof (gssize));
  self->lane_label_offsets = g_array_new (FALSE, FALSE, sizeof (gssize));
  self->row_clusters = g_array_new (FALSE, FALSE, sizeof (KzTimelineCluster));
  self->lanes = g_array_new (FALSE, FALSE, sizeof (KzTimelineLane));
  self->marks = g_array_new (FALSE, FALSE, sizeof (KzTimelineMark));
  self->bands = g_array_new (FALSE, FALSE, sizeof (KzTimelineBand));
  self->arena = g_string_sized_new (1024);
  self->scratch_text = g_string_sized_new (256);
  self->selected_position = -1;
  self->selected_row_index = -1;
  self->filter_dirty = TRUE;
  self->text_dirty = TRUE;

  return self;
}

static void
clear_lane_states (KzTimelineLayout *self)
{
  for (guint i = 0; i < self->lane_states->len; i++)
    {
      LaneState *lane = &g_array_index (self->lane_states, LaneState, i);

      stream_clear (&lane->points);
      stream_clear (&lane->spans);
      g_clear_pointer (&lane->label, g_free);
    }
  g_array_set_size (self->lane_states, 0);
}

static void
clear_dataset_index (KzTimelineLayout *self)
{
  if (self->title_short != NULL)
    {
      for (guint i = 0; i < self->n_events; i++)
        g_free (self->title_short[i]);
    }
  g_clear_pointer (&self->title_short, g_free);
  g_clear_pointer (&self->title_width, g_free);
  g_clear_pointer (&self->events, g_free);
  g_clear_pointer (&self->info, g_free);
  g_clear_pointer (&self->area_start, g_free);
  g_clear_pointer (&self->area_items, g_free);
  g_clear_pointer (&self->matches, g_free);
  g_ptr_array_set_size (self->dataset_areas, 0);
  g_ptr_array_set_size (self->dataset_kinds, 0);
  self->n_events = 0;
}

void
kz_timeline_layout_free (KzTimelineLayout *self)
{
  if (self == NULL)
    return;

  if (self->measure_destroy != NULL)
    self->measure_destroy (self->measure_data);
  clear_lane_states (self);
  clear_dataset_index (self);
  stream_clear (&self->row);
  g_clear_object (&self->dataset);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->requested_areas, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_kinds, g_ptr_array_unref);
  g_clear_pointer (&self->dataset_areas, g_ptr_array_unref);
  g_clear_pointer (&self->dataset_kinds, g_ptr_array_unref);
  g_clear_pointer (&self->lane_states, g_array_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->row_items, g_array_unref);
  g_clear_pointer (&self->row_label_offsets, g_array_unref);
  g_clear_pointer (&self->lane_label_offsets, g_array_unref);
  g_clear_pointer (&self->row_clusters, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_string_free (self->arena, TRUE);
  g_string_free (self->scratch_text, TRUE);
  g_free (self->title_text);
  g_free (self);
}

static guint
lookup_slot (GPtrArray *array,
             gpointer   item,
             guint      hint)
{
  guint index;

  /* The dataset numbers its areas and kinds; trust the number when it checks out. */
  if (hint < array->len && g_ptr_array_index (array, hint) == item)
    return hint;
  if (g_ptr_array_find (array, item, &index))
    return index;
  return G_MAXUINT;
}

static void
build_dataset_index (KzTimelineLayout *self)
{
  KzDataset *dataset = self->dataset;
  GListModel *areas = kz_dataset_get_areas (dataset);
  GListModel *kinds = kz_dataset_get_kinds (dataset);
  guint n_items = 0;

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(KzArea) area = g_list_model_get_item (areas, i);
      g_ptr_array_add (self->dataset_areas, area);
    }
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(KzKind) kind = g_list_model_get_item (kinds, i);
      g_ptr_array_add (self->dataset_kinds, kind);
    }

  self->n_events = kz_dataset_get_n_events (dataset);
  self->events = g_new (KzEvent *, self->n_events);
  self->info = g_new0 (EventInfo, self->n_events);
  self->area_start = g_new (guint32, self->n_events + 1);

  for (guint i = 0; i < self->n_events; i++)
    {
      KzEvent *event = kz_dataset_get_event (dataset, i);
      self->events[i] = event;
      n_items += kz_event_get_n_areas (event);
    }
  self->area_items = g_new (AreaItem, MAX (n_items, 1));

  n_items = 0;
  for (guint i = 0; i < self->n_events; i++)
    {
      KzEvent *event = self->events[i];
      const KzDate *date = kz_event_get_date (event);
      const KzDate *end = kz_event_get_end (event);
      KzKind *kind = kz_event_get_kind (event);
      EventInfo *info = &self->info[i];
      gint64 first = kz_date_get_first_day (date);
      gint64 last = kz_date_get_last_day (date);

      if (end != NULL)
        last = MAX (last, kz_date_get_last_day (end));

      info->first_day = (gint32) first;
      info->last_day = (gint32) last;
      info->half = kz_date_get_precision (date) == KZ_DATE_PRECISION_DAY;
      info->spans = last > first;
      info->kind = -1;
      if (kind != NULL)
        {
          guint slot = lookup_slot (self->dataset_kinds, kind, kz_kind_get_index (kind));
          if (slot != G_MAXUINT)
            info->kind = (gint16) slot;
        }

      self->area_start[i] = n_items;
      for (guint a = 0; a < kz_event_get_n_areas (event); a++)
        {
          const KzEventArea *ea = kz_event_get_area (event, a);
          guint slot = lookup_slot (self->dataset_areas, ea->area, kz_area_get_index (ea->area));

          if (slot == G_MAXUINT)
            continue;
          self->area_items[n_items].slot = (guint16) slot;
          self->area_items[n_items].stage = (guint8) ea->stage;
          n_items++;
        }
    }
  self->area_start[self->n_events] = n_items;

  self->title_width = g_new (float, MAX (self->n_events, 1));
  for (guint i = 0; i < self->n_events; i++)
    self->title_width[i] = -1.0f;
  self->title_short = g_new0 (char *, MAX (self->n_events, 1));
}

static void
update_selected_position (KzTimelineLayout *self)
{
  guint position;

  self->selected_position = -1;
  if (self->selected != NULL && self->dataset != NULL &&
      kz_dataset_get_event_position (self->dataset, self->selected, &position))
    self->selected_position = position;
}

void
kz_timeline_layout_set_dataset (KzTimelineLayout *self,
                                KzDataset        *dataset)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));

  if (dataset == self->dataset)
    return;

  clear_lane_states (self);
  clear_dataset_index (self);
  g_set_object (&self->dataset, dataset);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->requested_areas, g_ptr_array_unref);
  g_ptr_array_set_size (self->hidden_kinds, 0);
  self->selected_position = -1;
  /* Matches are per position in a dataset: another dataset needs its own search */
  g_clear_pointer (&self->matches, g_free);
  self->matches_dirty = TRUE;

  if (dataset != NULL)
    build_dataset_index (self);

  self->filter_dirty = TRUE;
  self->text_dirty = TRUE;
}

KzDataset *
kz_timeline_layout_get_dataset (KzTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dataset;
}

static gboolean
same_objects (GPtrArray       *current,
              gpointer const  *objects,
              guint            n_objects)
{
  return current != NULL && current->len == n_objects &&
         (n_objects == 0 || memcmp (current->pdata, objects, n_objects * sizeof (gpointer)) == 0);
}

/* The lanes: exactly these areas, in this order (none when n_areas is 0). Until this is
 * called, and again after kz_timeline_layout_set_dataset(), every area in dataset order. */
void
kz_timeline_layout_set_areas (KzTimelineLayout *self,
                              KzArea * const   *areas,
                              guint             n_areas)
{
  GPtrArray *current;
  gboolean same;

  g_return_if_fail (self != NULL);
  g_return_if_fail (areas != NULL || n_areas == 0);

  /* The same lanes again (a window applying its filters to a layout prepared with them on
   * the loading thread) keep the lanes already built. */
  current = self->requested_areas != NULL ? self->requested_areas : self->dataset_areas;
  same = same_objects (current, (gpointer const *) areas, n_areas);

  g_clear_pointer (&self->requested_areas, g_ptr_array_unref);
  self->requested_areas = g_ptr_array_new_full (n_areas, g_object_unref);
  for (guint i = 0; i < n_areas; i++)
    {
      g_return_if_fail (KZ_IS_AREA (areas[i]));
      g_ptr_array_add (self->requested_areas, g_object_ref (areas[i]));
    }
  if (!same)
    self->filter_dirty = TRUE;
}

void
kz_timeline_layout_set_hidden_kinds (KzTimelineLayout *self,
                                     KzKind * const   *kinds,
                                     guint             n_kinds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kinds != NULL || n_kinds == 0);

  if (same_objects (self->hidden_kinds, (gpointer const *) kinds, n_kinds))
    return;

  g_ptr_array_set_size (self->hidden_kinds, 0);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_return_if_fail (KZ_IS_KIND (kinds[i]));
      g_ptr_array_add (self->hidden_kinds, g_object_ref (kinds[i]));
    }
  self->filter_dirty = TRUE;
}

/**
 * kz_timeline_layout_set_filter_ids:
 * @hidden_area_ids: (nullable): areas whose lanes do not show
 * @hidden_kind_ids: (nullable): kinds whose events do not show
 * @out_areas: (nullable) (element-type KzArea): where to append the areas that do show
 *
 * The lanes a window's filters leave of the dataset, in dataset order, and the hidden
 * kinds: ids unknown to the dataset are passed over.
 */
void
kz_timeline_layout_set_filter_ids (KzTimelineLayout   *self,
                                   const char * const *hidden_area_ids,
                                   const char * const *hidden_kind_ids,
                                   GPtrArray          *out_areas)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  g_return_if_fail (self != NULL);

  if (self->dataset != NULL)
    {
      for (guint i = 0; i < self->dataset_areas->len; i++)
        {
          KzArea *area = g_ptr_array_index (self->dataset_areas, i);

          if (hidden_area_ids == NULL || !g_strv_contains (hidden_area_ids, kz_area_get_id (area)))
            g_ptr_array_add (areas, area);
        }

      for (guint i = 0; hidden_kind_ids != NULL && hidden_kind_ids[i] != NULL; i++)
        {
          KzKind *kind = kz_dataset_lookup_kind (self->dataset, hidden_kind_ids[i]);

          if (kind != NULL)
            g_ptr_array_add (kinds, kind);
        }
    }

  kz_timeline_layout_set_areas (self, (KzArea * const *) areas->pdata, areas->len);
  kz_timeline_layout_set_hidden_kinds (self, (KzKind * const *) kinds->pdata, kinds->len);

  for (guint i = 0; out_areas != NULL && i < areas->len; i++)
    g_ptr_array_add (out_areas, g_object_ref (g_ptr_array_index (areas, i)));
}

/* matches has one byte per event in dataset order, non-zero when it matches the search;
 * NULL ends the search. Non-matching events are dimmed, not hidden. */
void
kz_timeline_layout_set_matches (KzTimelineLayout *self,
                                const guint8     *matches,
                                guint             n_events)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (matches == NULL || n_events == self->n_events);

  g_clear_pointer (&self->matches, g_free);
  if (matches != NULL)
    {
      self->matches = g_new0 (guint8, MAX (n_events, 1));
      memcpy (self->matches, matches, n_events);
    }
  self->matches_dirty = TRUE;
}

/* Convenience: matches from kz_event_matches_text(); NULL or "" ends the search. */
void
kz_timeline_layout_set_search_text (KzTimelineLayout *self,
                                    const char       *folded_needle)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->matches, g_free);
  if (folded_needle != NULL && *folded_needle != '\0')
    {
      self->matches = g_new0 (guint8, MAX (self->n_events, 1));
      for (guint i = 0; i < self->n_events; i++)
        self->matches[i] = kz_event_matches_text (self->events[i], folded_needle);
    }
  self->matches_dirty = TRUE;
}

void
kz_timeline_layout_set_selected (KzTimelineLayout *self,
                                 KzEvent          *event)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (event == NULL || KZ_IS_EVENT (event));

  g_set_object (&self->selected, event);
  update_selected_position (self);
}

KzEvent *
kz_timeline_layout_get_selected (KzTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->selected;
}

/* NULL: today is the local date, read at each update. Tests and reproducible exports fix it. */
void
kz_timeline_layout_set_today (KzTimelineLayout *self,
                              const KzDate     *today)
{
  g_return_if_fail (self != NULL);

  self->today_override = today != NULL;
  if (today != NULL)
    self->today_day = kz_date_get_first_day (today);
}

void
kz_timeline_layout_set_measure_func (KzTimelineLayout      *self,
                                     KzTimelineMeasureFunc  measure,
                                     gpointer               user_data,
                                     GDestroyNotify         destroy)
{
  g_return_if_fail (self != NULL);

  if (self->measure_destroy != NULL)
    self->measure_destroy (self->measure_data);
  self->measure = measure != NULL ? measure : fake_measure;
  self->measure_data = measure != NULL ? user_data : NULL;
  self->measure_destroy = measure != NULL ? destroy : NULL;
  kz_timeline_layout_invalidate_text (self);
}

/* Fonts changed: every measured width is stale. */
void
kz_timeline_layout_invalidate_text (KzTimelineLayout *self)
{
  g_return_if_fail (self != NULL);

  self->text_dirty = TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Filtering: per-lane arrays, rebuilt when areas or kinds change                             */

static void
shorten_text (KzTimelineLayout *self,
              const char       *text,
              double            max_width,
              GString          *out)
{
  glong n_chars = g_utf8_strlen (text, -1);
  glong lo = 0, hi = n_chars - 1;

  /* Longest prefix that fits with its ellipsis: bisection over characters. */
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      const char *end = g_utf8_offset_to_pointer (text, mid);

      g_string_truncate (self->scratch_text, 0);
      g_string_append_len (self->scratch_text, text, end - text);
      g_string_append (self->scratch_text, ELLIPSIS);
      if (measure_text (self, self->scratch_text->str) <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }

  {
    const char *end = g_utf8_offset_to_pointer (text, lo);
    const char *trimmed = end;

    /* "Civil nuclear …" reads worse than "Civil nuclear…". */
    while (trimmed > text && trimmed[-1] == ' ')
      trimmed--;
    g_string_append_len (out, text, trimmed - text);
    g_string_append (out, ELLIPSIS);
  }
}

static void
ensure_text (KzTimelineLayout *self)
{
  double column = 0.0;

  if (self->text_dirty)
    {
      for (guint i = 0; i < self->n_events; i++)
        {
          self->title_width[i] = -1.0f;
          g_clear_pointer (&self->title_short[i], g_free);
        }
      self->tick_samples_valid[0] = self->tick_samples_valid[1] = FALSE;
      self->text_dirty = FALSE;
      self->lane_text_dirty = TRUE;
    }

  if (!self->lane_text_dirty)
    return;
  self->lane_text_dirty = FALSE;

  for (guint i = 0; i < self->lane_states->len; i++)
    {
      LaneState *lane = &g_array_index (self->lane_states, LaneState, i);
      const char *name = kz_area_get_name (lane->area);

      g_clear_pointer (&lane->label, g_free);
      lane->label_width = measure_text (self, name);
      if (lane->label_width > LABEL_COLUMN_MAX - KZ_TIMELINE_SWATCH_SPACE)
        {
          GString *text = g_string_new (NULL);

          shorten_text (self, name, LABEL_COLUMN_MAX - KZ_TIMELINE_SWATCH_SPACE, text);
          lane->label = g_string_free (text, FALSE);
          lane->label_width = measure_text (self, lane->label);
        }
      column = MAX (column, lane->label_width);
    }
  self->label_column = CLAMP (column + KZ_TIMELINE_SWATCH_SPACE, LABEL_COLUMN_MIN, LABEL_COLUMN_MAX);
}

static void
compute_steps (LaneState *lane)
{
  const Entry *points = (const Entry *) (gpointer) lane->points.entries->data;
  const Entry *spans = (const Entry *) (gpointer) lane->spans.entries->data;
  guint np = lane->points.entries->len, ns = lane->spans.entries->len;
  guint i = 0, j = 0;
  KzStage deepest = KZ_STAGE_NONE;

  /* Both streams in dataset order; a band steps up where a deeper stage first appears. */
  lane->n_steps = 0;
  while ((i < np || j < ns) && deepest < KZ_STAGE_MECHANISM)
    {
      const Entry *e;

      if (j >= ns || (i < np && points[i].position < spans[j].position))
        e = &points[i++];
      else
        e = &spans[j++];

      if (e->stage > deepest)
        {
          deepest = e->stage;
          lane->steps[lane->n_steps].day = entry_anchor (e);
          lane->steps[lane->n_steps].stage = deepest;
          lane->n_steps++;
        }
    }
}

static void
ensure_filter (KzTimelineLayout *self)
{
  g_autofree gint *slot_to_lane = NULL;
  g_autofree gboolean *kind_hidden = NULL;
  guint n_slots = self->dataset_areas->len;

  if (!self->filter_dirty)
    return;
  self->filter_dirty = FALSE;
  self->matches_dirty = TRUE;
  self->lane_text_dirty = TRUE;

  clear_lane_states (self);
  stream_reset (&self->row);
  if (self->dataset == NULL)
    return;

  slot_to_lane = g_new (gint, MAX (n_slots, 1));
  for (guint i = 0; i < n_slots; i++)
    slot_to_lane[i] = -1;

  for (guint i = 0; i < (self->requested_areas ? self->requested_areas->len : n_slots); i++)
    {
      KzArea *area = self->requested_areas ? g_ptr_array_index (self->requested_areas, i)
                                           : g_ptr_array_index (self->dataset_areas, i);
      guint slot = lookup_slot (self->dataset_areas, area, kz_area_get_index (area));
      LaneState lane = { 0 };

      if (slot == G_MAXUINT || slot_to_lane[slot] >= 0)
        continue;
      lane.area = area;
      lane.slot = slot;
      stream_init (&lane.points);
      stream_init (&lane.spans);
      slot_to_lane[slot] = self->lane_states->len;
      g_array_append_val (self->lane_states, lane);
    }

  kind_hidden = g_new0 (gboolean, MAX (self->dataset_kinds->len, 1));
  for (guint i = 0; i < self->hidden_kinds->len; i++)
    {
      KzKind *kind = g_ptr_array_index (self->hidden_kinds, i);
      guint slot = lookup_slot (self->dataset_kinds, kind, kz_kind_get_index (kind));

      if (slot != G_MAXUINT)
        kind_hidden[slot] = TRUE;
    }

  for (guint i = 0; i < self->n_events; i++)
    {
      const EventInfo *info = &self->info[i];
      gboolean shown = FALSE;
      Entry entry;

      if (info->kind >= 0 && kind_hidden[info->kind])
        continue;

      entry.first_day = info->first_day;
      entry.last_day = info->last_day;
      entry.position = i;
      entry.half = info->half;

      for (guint a = self->area_start[i]; a < self->area_start[i + 1]; a++)
        {
          gint lane_index = slot_to_lane[self->area_items[a].slot];
          LaneState *lane;

          if (lane_index < 0)
            continue;
          lane = &g_array_index (self->lane_states, LaneState, lane_index);
          entry.stage = self->area_items[a].stage;
          g_array_append_val (info->spans ? lane->spans.entries : lane->points.entries, entry);
          lane->n_events++;
          shown = TRUE;
        }

      /* The events row shows what the lanes show. */
      if (shown)
        {
          entry.stage = KZ_STAGE_NONE;
          g_array_append_val (self->row.entries, entry);
        }
    }

  for (guint i = 0; i < self->lane_states->len; i++)
    {
      LaneState *lane = &g_array_index (self->lane_states, LaneState, i);

      stream_finish (&lane->points, FALSE);
      stream_finish (&lane->spans, TRUE);
      compute_steps (lane);
    }
  stream_finish (&self->row, FALSE);
}

static void
ensure_matches (KzTimelineLayout *self)
{
  if (!self->matches_dirty)
    return;
  self->matches_dirty = FALSE;

  for (guint i = 0; i < self->lane_states->len; i++)
    {
      LaneState *lane = &g_array_index (self->lane_states, LaneState, i);

      stream_compute_matches (&lane->points, self->matches);
      stream_compute_matches (&lane->spans, self->matches);
    }
  stream_compute_matches (&self->row, self->matches);
}

/**
 * kz_timeline_layout_prepare:
 *
 * Builds the lanes for the current dataset and filters now rather than at the first
 * layout: a window loading a large file does it on the loading thread. Text is measured
 * later, on the thread that draws.
 */
void
kz_timeline_layout_prepare (KzTimelineLayout *self)
{
  g_return_if_fail (self != NULL);

  ensure_filter (self);
  ensure_matches (self);
}

static void
ensure_selected_row_index (KzTimelineLayout *self)
{
  const Entry *entries = (const Entry *) (gpointer) self->row.entries->data;

  self->selected_row_index = -1;
  if (self->selected_position >= 0)
    self->selected_row_index = find_position (entries, 0, self->row.entries->len,
                                              (guint) self->selected_position);
}

/* ------------------------------------------------------------------------------------------ */
/* Geometry                                                                                   */

static guint
n_visible_lanes (KzTimelineLayout *self)
{
  return self->lane_states->len;
}

static guint
label_rows_for_height (double height)
{
  if (height >= 560)
    return MAX_LABEL_ROWS;
  if (height >= 360)
    return 2;
  return 1;
}

static void
compute_geometry (KzTimelineLayout     *self,
                  const KzTimelineViewport *view)
{
  KzTimelineGeometry *g = &self->geometry;
  guint n_lanes = n_visible_lanes (self);
  double y, bottom, avail, visible;

  memset (g, 0, sizeof *g);
  g->width = MAX (view->width, 1.0);
  g->height = MAX (view->height, 1.0);
  g->start_day = view->start_day;
  g->end_day = MAX (view->end_day, view->start_day + 1.0 / 1024.0);
  g->flags = view->flags;
  g->search_active = self->matches != NULL;
  g->title_text = self->title_text;
  g->subtitle_text = view->subtitle;
  g->footer_text = view->footer;

  /* Lane labels take at most a quarter of a narrow view. */
  g->label_x = PAD_X;
  g->label_width = MIN (self->label_column, MAX (LABEL_COLUMN_MIN, floor (g->width * 0.25)));
  g->plot_x0 = PAD_X + g->label_width + PLOT_GAP;
  g->plot_x1 = MAX (g->width - PAD_X - 4.0, g->plot_x0 + 1.0);
  g->px_per_day = (g->plot_x1 - g->plot_x0) / (g->end_day - g->start_day);

  y = PAD_Y;
  if (view->flags & KZ_TIMELINE_LAYOUT_TITLE)
    {
      g->title = (KzTimelineRect) { PAD_X, y, g->width - 2 * PAD_X, TITLE_HEIGHT };
      y += TITLE_HEIGHT + 8.0;
    }

  g->n_label_rows = label_rows_for_height (g->height);
  g->label_row_height = LABEL_ROW_HEIGHT;
  g->row = (KzTimelineRect) { PAD_X, y, g->width - 2 * PAD_X,
                              g->n_label_rows * LABEL_ROW_HEIGHT + CLUSTER_STRIP };
  g->cluster_y = y + g->n_label_rows * LABEL_ROW_HEIGHT + CLUSTER_STRIP / 2.0;
  g->row_mark_radius = ROW_MARK_RADIUS;
  y += g->row.height + ROW_GAP;

  bottom = g->height - PAD_Y;
  if (view->flags & KZ_TIMELINE_LAYOUT_FOOTER)
    bottom -= FOOTER_HEIGHT + 4.0;
  if (view->flags & KZ_TIMELINE_LAYOUT_LEGEND)
    bottom -= LEGEND_HEIGHT + 4.0;
  avail = MAX (bottom - AXIS_HEIGHT - y, 0.0);

  /* A window scrolls lanes that do not fit; a page cannot, so there every lane gets its
   * share of the height, however thin, rather than some lanes falling off the page. */
  if (view->flags & KZ_TIMELINE_LAYOUT_FILL)
    g->lane_height = n_lanes > 0 ? CLAMP (floor (avail / n_lanes), LANE_FILL_MIN_HEIGHT, LANE_FILL_MAX_HEIGHT)
                                 : LANE_NATURAL_HEIGHT;
  else
    g->lane_height = n_lanes > 0 ? CLAMP (floor (avail / n_lanes), LANE_MIN_HEIGHT, LANE_MAX_HEIGHT)
                                 : LANE_NATURAL_HEIGHT;
  g->lanes_content_height = n_lanes * g->lane_height;
  visible = MIN (g->lanes_content_height, avail);
  g->scroll_y = CLAMP (view->scroll_y, 0.0, g->lanes_content_height - visible);
  g->lanes = (KzTimelineRect) { PAD_X, y, g->width - 2 * PAD_X, visible };
  g->lane_mark_radius = CLAMP (g->lane_height * 0.15, 3.5, 6.0);

  /* The axis sits right under the last lane, legend and footer follow. */
  y += visible;
  g->axis = (KzTimelineRect) { PAD_X, y, g->width - 2 * PAD_X, AXIS_HEIGHT };
  g->axis_label_y = y + 13.0;
  g->today_label_y = y + 30.0;
  y += AXIS_HEIGHT;
  if (view->flags & KZ_TIMELINE_LAYOUT_LEGEND)
    {
      g->legend = (KzTimelineRect) { PAD_X, y + 4.0, g->width - 2 * PAD_X, LEGEND_HEIGHT };
      y += LEGEND_HEIGHT + 4.0;
    }
  if (view->flags & KZ_TIMELINE_LAYOUT_FOOTER)
    g->footer = (KzTimelineRect) { PAD_X, MAX (y + 4.0, g->height - PAD_Y - FOOTER_HEIGHT),
                                   g->width - 2 * PAD_X, FOOTER_HEIGHT };
}

/* ------------------------------------------------------------------------------------------ */
/* Time axis                                                                                  */

static double
step_days (const TickStep *step)
{
  switch (step->unit)
    {
    case UNIT_DAY:
      return step->count;
    case UNIT_MONTH:
      return step->count * DAYS_PER_MONTH;
    case UNIT_YEAR:
    default:
      return step->count * DAYS_PER_YEAR;
    }
}

static void
ensure_tick_samples (KzTimelineLayout *self,
                     gboolean          bc)
{
  char year[32], buf[64];
  double month_max = 0.0, year_width, long_width, short_width;
  const char *widest = month_name (1);

  if (self->tick_samples_valid[bc])
    return;

  for (int m = 1; m <= 12; m++)
    {
      double w = measure_text (self, month_name (m));

      if (w > month_max)
        {
          month_max = w;
          widest = month_name (m);
        }
    }

  /* The first label carries the year, the others are short, year boundaries show the year
   * alone: neighbours need half of each of their widths. */
  format_year (year, sizeof year, bc ? -8887 : 8888);
  year_width = measure_text (self, year);
  self->tick_sample_width[bc][UNIT_YEAR] = year_width;

  g_snprintf (buf, sizeof buf, C_("axis month label, e.g. Mar 2014", "%s %s"), widest, year);
  long_width = measure_text (self, buf);
  short_width = MAX (month_max, year_width);
  self->tick_sample_width[bc][UNIT_MONTH] = MAX (short_width, (long_width + short_width) / 2);

  g_snprintf (buf, sizeof buf, C_("axis day label with year, e.g. 16 Jan 2014", "%d %s %s"),
              28, widest, year);
  long_width = measure_text (self, buf);
  g_snprintf (buf, sizeof buf, C_("axis day label, e.g. 16 Jan", "%d %s"), 28, widest);
  short_width = MAX (measure_text (self, buf), year_width);
  self->tick_sample_width[bc][UNIT_DAY] = MAX (short_width, (long_width + short_width) / 2);

  self->tick_samples_valid[bc] = TRUE;
}

static void
format_tick (const TickStep *step,
             const KzDate   *date,
             gboolean        with_year,
             char           *buf,
             gsize           size)
{
  char year[32];

  format_year (year, sizeof year, date->year);
  switch (step->unit)
    {
    case UNIT_YEAR:
      g_strlcpy (buf, year, size);
      break;

    case UNIT_MONTH:
      if (date->month == 1)
        g_strlcpy (buf, year, size);
      else if (with_year)
        g_snprintf (buf, size, C_("axis month label, e.g. Mar 2014", "%s %s"),
                    month_name (date->month), year);
      else
        g_strlcpy (buf, month_name (date->month), size);
      break;

    case UNIT_DAY:
    default:
      if (date->month == 1 && date->day == 1)
        g_strlcpy (buf, year, size);
      else if (with_year)
        g_snprintf (buf, size, C_("axis day label with year, e.g. 16 Jan 2014", "%d %s %s"),
                    date->day, month_name (date->month), year);
      else
        g_snprintf (buf, size, C_("axis day label, e.g. 16 Jan", "%d %s"),
                    date->day, month_name (date->month));
      break;
    }
}

static void
emit_tick (KzTimelineLayout *self,
           const TickStep   *step,
           gboolean          major,
           gint64            day,
           int               year,
           int               month,
           int               mday)
{
  const KzTimelineGeometry *g = &self->geometry;
  KzTimelineTick tick = { 0 };
  double x = day_to_x (g, day);

  if (x < g->plot_x0 - 0.5 || x > g->plot_x1 + 0.5)
    return;

  tick.x = x;
  tick.major = major;
  if (!major)
    {
      /* A minor tick under a major is not drawn twice. */
      for (guint i = 0; i < self->ticks->len; i++)
        if (fabs (g_array_index (self->ticks, KzTimelineTick, i).x - x) < 0.5)
          return;
    }
  else
    {
      KzDate date = { (gint16) year, (guint8) month, (guint8) mday };
      gboolean first_label = TRUE;

      for (guint i = 0; i < self->ticks->len && first_label; i++)
        if (g_array_index (self->ticks, KzTimelineTick, i).label[0] != '\0')
          first_label = FALSE;

      format_tick (step, &date, first_label, tick.label, sizeof tick.label);
      tick.label_width = measure_text (self, tick.label);
      /* Labels centre on their tick; one that would leave the picture is dropped. */
      if (x - tick.label_width / 2 < g->label_x || x + tick.label_width / 2 > g->width - 2.0)
        {
          tick.label[0] = '\0';
          tick.label_width = 0.0;
        }
    }
  g_array_append_val (self->ticks, tick);
}

static void
enumerate_ticks (KzTimelineLayout *self,
                 const TickStep   *step,
                 gboolean          major)
{
  const KzTimelineGeometry *g = &self->geometry;
  gint64 start = (gint64) floor (g->start_day);
  gint64 end = (gint64) ceil (g->end_day);
  KzDate first = kz_date_from_day (start);
  KzDate last = kz_date_from_day (end);
  int y0 = first.year, y1 = last.year;
  int k = step->count;

  switch (step->unit)
    {
    case UNIT_YEAR:
      /* Before year 1, ticks fall on round years BC (astronomical 1 - m·k). */
      for (int m = floor_div (1 - y0, k); m >= MAX (1, ceil_div (1 - y1, k)); m--)
        {
          int year = 1 - m * k;
          gint64 day = first_day_of (year, 1, 1);

          if (day != G_MININT64)
            emit_tick (self, step, major, day, year, 1, 1);
        }
      /* With no year zero, 100 BC to AD 100 would be two steps: mark AD 1 between. */
      if (k >= 10 && y0 <= 1 && y1 >= 1)
        emit_tick (self, step, major, first_day_of (1, 1, 1), 1, 1, 1);
      for (int year = MAX (k, ceil_div (y0, k) * k); year <= y1; year += k)
        {
          gint64 day = first_day_of (year, 1, 1);

          if (day != G_MININT64)
            emit_tick (self, step, major, day, year, 1, 1);
        }
      break;

    case UNIT_MONTH:
      {
        int year = y0, month = first.month > 0 ? first.month : 1;

        while (year <= y1)
          {
            if ((month - 1) % k == 0)
              {
                gint64 day = first_day_of (year, month, 1);

                if (day != G_MININT64 && day > end)
                  break;
                if (day != G_MININT64)
                  emit_tick (self, step, major, day, year, month, 1);
              }
            if (++month > 12)
              {
                month = 1;
                year++;
              }
          }
      }
      break;

    case UNIT_DAY:
    default:
      {
        int year = first.year;
        int month = first.month > 0 ? first.month : 1;
        int mday = first.day > 0 ? first.day : 1;
        gint64 day = first_day_of (year, month, mday);
        int dim = kz_date_days_in_month (year, month);

        if (day == G_MININT64)
          break;
        for (; day <= end; day++)
          {
            /* Within a month: 1, 1 + k, …, never k-crowding the next month's 1st. */
            if ((mday - 1) % k == 0 && (k == 1 || dim - mday + 1 >= k))
              emit_tick (self, step, major, day, year, month, mday);
            if (++mday > dim)
              {
                mday = 1;
                if (++month > 12)
                  {
                    month = 1;
                    year++;
                  }
                dim = kz_date_days_in_month (year, month);
              }
          }
      }
      break;
    }
}

static int
compare_ticks (gconstpointer a,
               gconstpointer b)
{
  const KzTimelineTick *ta = a, *tb = b;

  return (ta->x > tb->x) - (ta->x < tb->x);
}

static void
compute_ticks (KzTimelineLayout *self)
{
  const KzTimelineGeometry *g = &self->geometry;
  KzDate first = kz_date_from_day ((gint64) floor (g->start_day));
  gboolean bc = first.year <= 0;
  guint chosen = G_N_ELEMENTS (tick_steps) - 1;

  g_array_set_size (self->ticks, 0);
  ensure_tick_samples (self, bc);

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    {
      /* Days of the month (1, 8, 15, 22) are never closer than their step either. */
      double px = step_days (&tick_steps[i]) * g->px_per_day;

      if (px >= self->tick_sample_width[bc][tick_steps[i].unit] + TICK_LABEL_GAP)
        {
          chosen = i;
          break;
        }
    }

  enumerate_ticks (self, &tick_steps[chosen], TRUE);
  if (minor_steps[chosen].count > 0 &&
      step_days (&minor_steps[chosen]) * g->px_per_day >= MINOR_TICK_MIN_PX)
    enumerate_ticks (self, &minor_steps[chosen], FALSE);
  else if (minor_steps[chosen].unit == UNIT_MONTH &&
           3 * DAYS_PER_MONTH * g->px_per_day >= MINOR_TICK_MIN_PX)
    {
      TickStep quarter = { UNIT_MONTH, 3 };
      enumerate_ticks (self, &quarter, FALSE);
    }

  g_array_sort (self->ticks, compare_ticks);
}

static void
compute_today (KzTimelineLayout *self)
{
  KzTimelineGeometry *g = &self->geometry;
  gint64 today = self->today_day;

  if (!self->today_override)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = first_day_of (g_date_time_get_year (now), g_date_time_get_month (now),
                            g_date_time_get_day_of_month (now));
    }

  /* The line marks the middle of today, like a one-day event's mark. */
  g->has_today = today != G_MININT64 && today + 0.5 >= g->start_day && today + 0.5 <= g->end_day;
  g->today_x = g->has_today ? day_to_x (g, today + 0.5) : 0.0;
}

/* ------------------------------------------------------------------------------------------ */
/* Events row                                                                                 */

typedef struct {
  double end[MAX_LABEL_ROWS];   /* right end of what is placed so far, per row */
  int    reserved_row;          /* the selected event's label, placed first */
  double reserved_x0;
  double reserved_x1;
} RowSpace;

static gboolean
row_space_free (const RowSpace *space,
                guint           row,
                double          x0,
                double          x1)
{
  if (x0 < space->end[row] + ITEM_GAP)
    return FALSE;
  if ((int) row == space->reserved_row &&
      x1 + ITEM_GAP > space->reserved_x0 && x0 < space->reserved_x1 + ITEM_GAP)
    return FALSE;
  return TRUE;
}

/* How far right a label may run in this row from x. */
static double
row_space_limit (const KzTimelineGeometry *g,
                 const RowSpace           *space,
                 guint                     row,
                 double                    x)
{
  double limit = g->plot_x1;

  if ((int) row == space->reserved_row && space->reserved_x0 > x)
    limit = MIN (limit, space->reserved_x0 - ITEM_GAP);
  return limit;
}

static double
title_width (KzTimelineLayout *self,
             guint             position,
             const char      **text)
{
  const char *title = kz_event_get_title (self->events[position]);

  if (self->title_width[position] < 0)
    {
      double w = measure_text (self, title);

      /* Titles longer than a label may ever be are shortened once, not every frame. */
      if (w > MAX_LABEL_WIDTH)
        {
          GString *text_short = g_string_new (NULL);

          shorten_text (self, title, MAX_LABEL_WIDTH, text_short);
          self->title_short[position] = g_string_free (text_short, FALSE);
          w = measure_text (self, self->title_short[position]);
        }
      self->title_width[position] = (float) w;
    }

  *text = self->title_short[position] != NULL ? self->title_short[position] : title;
  return self->title_width[position];
}

static void
add_row_item (KzTimelineLayout *self,
              guint             position,
              double            x,
              guint             row,
              double            label_x,
              double            label_width,
              gboolean          flipped,
              gssize            offset,
              const char       *label)
{
  const KzTimelineGeometry *g = &self->geometry;
  KzTimelineRowItem item = { 0 };

  item.event = self->events[position];
  item.position = position;
  item.kind = self->info[position].kind;
  item.x = x;
  item.y = g->row.y + (row + 0.5) * g->label_row_height;
  item.row = row;
  item.label = label;
  item.label_x = label_x;
  item.label_width = label_width;
  item.flipped = flipped;
  item.ellipsized = offset >= 0 || self->title_short[position] != NULL;
  item.selected = (gint64) position == self->selected_position;
  item.matches = self->matches == NULL || self->matches[position];
  g_array_append_val (self->row_items, item);
  g_array_append_val (self->row_label_offsets, offset);
}

/* Places a shortened label of at most max_width; returns its offset in the arena, or -1. */
static gssize
shorten_into_arena (KzTimelineLayout *self,
                    const char       *text,
                    double            max_width,
                    double           *out_width)
{
  gsize offset = self->arena->len;

  shorten_text (self, text, max_width, self->arena);
  *out_width = measure_text (self, self->arena->str + offset);
  if (*out_width > max_width || *out_width < MIN_LABEL_WIDTH / 2)
    {
      g_string_truncate (self->arena, offset);
      return -1;
    }
  g_string_append_c (self->arena, '\0');
  return offset;
}

/* Tries to give an event its own labelled mark; FALSE when there is no room anywhere. */
static gboolean
place_event (KzTimelineLayout *self,
             RowSpace         *space,
             guint             position,
             double           x)
{
  const KzTimelineGeometry *g = &self->geometry;
  const char *text;
  double w = title_width (self, position, &text);
  double r = g->row_mark_radius;
  double ml = x - r, mr = x + r;
  double best_avail = 0.0, width;
  int best_row = -1;
  gboolean best_flip = FALSE;
  gssize offset;

  /* Full label on the right, top row first. */
  for (guint row = 0; row < g->n_label_rows; row++)
    {
      double lx = mr + LABEL_GAP;

      if (!row_space_free (space, row, ml, mr))
        continue;
      if (lx + w <= row_space_limit (g, space, row, x) && row_space_free (space, row, ml, lx + w))
        {
          space->end[row] = lx + w;
          add_row_item (self, position, x, row, lx, w, FALSE, -1, text);
          return TRUE;
        }
    }

  /* Near the right edge, the full label on the left. */
  if (mr + LABEL_GAP + w > g->plot_x1)
    for (guint row = 0; row < g->n_label_rows; row++)
      {
        double lx = ml - LABEL_GAP - w;

        if (lx >= g->plot_x0 && row_space_free (space, row, lx, mr))
          {
            space->end[row] = mr;
            add_row_item (self, position, x, row, lx, w, TRUE, -1, text);
            return TRUE;
          }
      }

  /* Otherwise the row with the most room, shortened. */
  for (guint row = 0; row < g->n_label_rows; row++)
    {
      double right, left;

      if (!row_space_free (space, row, ml, mr))
        continue;
      right = row_space_limit (g, space, row, x) - (mr + LABEL_GAP);
      if (right > best_avail)
        {
          best_avail = right;
          best_row = row;
          best_flip = FALSE;
        }
      if (mr + LABEL_GAP + w > g->plot_x1)
        {
          left = ml - LABEL_GAP - MAX (space->end[row] + ITEM_GAP, g->plot_x0);
          if ((int) row == space->reserved_row && space->reserved_x1 < x)
            left = MIN (left, ml - LABEL_GAP - space->reserved_x1 - ITEM_GAP);
          if (left > best_avail)
            {
              best_avail = left;
              best_row = row;
              best_flip = TRUE;
            }
        }
    }

  if (best_row < 0 || best_avail < MIN_LABEL_WIDTH)
    return FALSE;

  offset = shorten_into_arena (self, text, best_avail, &width);
  if (offset < 0)
    return FALSE;

  if (best_flip)
    {
      space->end[best_row] = mr;
      add_row_item (self, position, x, best_row, ml - LABEL_GAP - width, width, TRUE, offset, NULL);
    }
  else
    {
      space->end[best_row] = mr + LABEL_GAP + width;
      add_row_item (self, position, x, best_row, mr + LABEL_GAP, width, FALSE, offset, NULL);
    }
  return TRUE;
}

/* The selected event's label always shows: on the right, on the left near the edge, or
 * shortened to the wider side. */
static void
place_selected (KzTimelineLayout *self,
                RowSpace         *space,
                guint             position,
                double            x)
{
  const KzTimelineGeometry *g = &self->geometry;
  const char *text = kz_event_get_title (self->events[position]);
  double w = measure_text (self, text);
  double r = g->row_mark_radius;
  double right = g->plot_x1 - (x + r + LABEL_GAP);
  double left = (x - r - LABEL_GAP) - g->plot_x0;
  gboolean flip = w > right && left > right;
  double avail = MIN (flip ? left : right, MAX_SELECTED_WIDTH);
  gssize offset = -1;
  const char *label = text;
  double lx;

  if (w > avail)
    {
      double width;

      offset = shorten_into_arena (self, text, MAX (avail, 0.0), &width);
      if (offset >= 0)
        {
          w = width;
          label = NULL;
        }
      else
        {
          w = 0.0;
          label = "";
        }
    }

  lx = flip ? x - r - LABEL_GAP - w : x + r + LABEL_GAP;
  space->reserved_row = 0;
  space->reserved_x0 = flip ? lx : x - r;
  space->reserved_x1 = flip ? x + r : lx + w;
  add_row_item (self, position, x, 0, lx, w, flip, offset, label);
  g_array_index (self->row_items, KzTimelineRowItem, self->row_items->len - 1).ellipsized = offset >= 0;
}

static void
format_count (char  *label,
              gsize  size,
              guint  count)
{
  /* Past a thousand, three figures say enough, and the text repeats from frame to frame
   * (it is shaped once, not every time the count moves by one). */
  if (count < 1000)
    g_snprintf (label, size, "+%u", count);
  else if (count < 10000)
    g_snprintf (label, size, C_("count of events in thousands, e.g. +2.4k", "+%.1fk"),
                floor (count / 100.0) / 10.0);
  else if (count < 1000000)
    g_snprintf (label, size, C_("count of events in thousands, e.g. +24k", "+%uk"), count / 1000);
  else
    g_snprintf (label, size, C_("count of events in millions, e.g. +1.2M", "+%.1fM"),
                floor (count / 100000.0) / 10.0);
}

static double
pill_width (KzTimelineLayout *self,
            guint             count,
            char             *label,
            gsize             size)
{
  format_count (label, size, count);
  return measure_text (self, label) + PILL_PADDING;
}

static void
set_pill_extent (KzTimelineLayout  *self,
                 KzTimelineCluster *pill)
{
  const KzTimelineGeometry *g = &self->geometry;
  double w = pill_width (self, pill->count, pill->label, sizeof pill->label);

  pill->x = CLAMP ((pill->span_x0 + pill->span_x1) / 2.0,
                   g->plot_x0 + w / 2.0, MAX (g->plot_x1 - w / 2.0, g->plot_x0 + w / 2.0));
  pill->x0 = pill->x - w / 2.0;
  pill->x1 = pill->x + w / 2.0;
}

/* Unlabelled events gather into counted pills that never overlap: a new pill that would
 * touch the previous one merges with it, and merging may cascade leftwards. */
static void
add_overflow (KzTimelineLayout *self,
              const Overflow   *unit)
{
  KzTimelineCluster pill = { 0 };

  if (unit->count == 0)
    return;

  pill.y = self->geometry.cluster_y;
  pill.span_x0 = unit->x_first;
  pill.span_x1 = unit->x_last;
  pill.count = unit->count;
  pill.first_position = unit->first_position;
  pill.last_position = unit->last_position;
  pill.first_day = unit->first_day;
  pill.last_day = unit->last_day;
  pill.matches = unit->matches;
  set_pill_extent (self, &pill);

  while (self->row_clusters->len > 0)
    {
      KzTimelineCluster *prev = &g_array_index (self->row_clusters, KzTimelineCluster,
                                                self->row_clusters->len - 1);

      if (prev->x1 + PILL_GAP <= pill.x0)
        break;

      pill.span_x0 = MIN (prev->span_x0, pill.span_x0);
      pill.span_x1 = MAX (prev->span_x1, pill.span_x1);
      pill.count += prev->count;
      pill.first_position = MIN (prev->first_position, pill.first_position);
      pill.last_position = MAX (prev->last_position, pill.last_position);
      pill.first_day = MIN (prev->first_day, pill.first_day);
      pill.last_day = MAX (prev->last_day, pill.last_day);
      pill.matches = pill.matches || prev->matches;
      set_pill_extent (self, &pill);
      g_array_set_size (self->row_clusters, self->row_clusters->len - 1);
    }
  g_array_append_val (self->row_clusters, pill);
}

static void
overflow_from_entries (KzTimelineLayout *self,
                       const Entry      *entries,
                       guint             i,
                       guint             j,
                       guint             count,
                       Overflow         *unit)
{
  const KzTimelineGeometry *g = &self->geometry;

  unit->x_first = day_to_x (g, entry_anchor (&entries[i]));
  unit->x_last = day_to_x (g, entry_anchor (&entries[j - 1]));
  unit->count = count;
  unit->first_position = entries[i].position;
  unit->last_position = entries[j - 1].position;
  unit->first_day = entries[i].first_day;
  unit->last_day = entries[j - 1].last_day + 1.0;
  unit->matches = stream_any_match (&self->row, i, j);
}

static void
compute_row (KzTimelineLayout *self)
{
  const KzTimelineGeometry *g = &self->geometry;
  const Entry *entries = (const Entry *) (gpointer) self->row.entries->data;
  guint n = self->row.entries->len;
  double bucket_days = BUCKET_PX / g->px_per_day;
  double margin = (g->row_mark_radius + 1.0) / g->px_per_day;
  guint lo, hi, i;
  RowSpace space;
  guint max_singles = g->n_label_rows;

  g_array_set_size (self->row_items, 0);
  g_array_set_size (self->row_label_offsets, 0);
  g_array_set_size (self->row_clusters, 0);

  for (guint r = 0; r < MAX_LABEL_ROWS; r++)
    space.end[r] = -G_MAXDOUBLE;
  space.reserved_row = -1;
  space.reserved_x0 = space.reserved_x1 = 0.0;

  if (n == 0)
    return;

  lo = lower_bound_anchor (entries, 0, n, g->start_day - margin);
  hi = lower_bound_anchor (entries, lo, n, g->end_day + margin);

  if (self->selected_row_index >= lo && self->selected_row_index < hi)
    {
      const Entry *sel = &entries[self->selected_row_index];
      place_selected (self, &space, sel->position, day_to_x (g, entry_anchor (sel)));
    }

  i = lo;
  while (i < hi)
    {
      double anchor = entry_anchor (&entries[i]);
      double boundary = (floor (anchor / bucket_days) + 1.0) * bucket_days;
      guint j = gallop_anchor (entries, i + 1, hi, boundary);
      gboolean has_selected = self->selected_row_index >= i && self->selected_row_index < j;
      guint others = (j - i) - (has_selected ? 1 : 0);

      if (others > 0 && others <= max_singles)
        {
          /* A few events in one bucket can still each have a row of their own. */
          for (guint k = i; k < j; k++)
            {
              double x;

              if ((gint64) k == self->selected_row_index)
                continue;
              x = day_to_x (g, entry_anchor (&entries[k]));
              if (!place_event (self, &space, entries[k].position, x))
                {
                  Overflow unit;

                  overflow_from_entries (self, entries, k, k + 1, 1, &unit);
                  add_overflow (self, &unit);
                }
            }
        }
      else if (others > 0)
        {
          Overflow unit;

          overflow_from_entries (self, entries, i, j, others, &unit);
          add_overflow (self, &unit);
        }
      i = j;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Lanes                                                                                      */

/* A slice of one of a lane's two streams (one-day events, spans). */
typedef struct {
  const Stream *stream;
  const Entry  *entries;
  gboolean      spans;
  guint         lo;          /* current position */
  guint         hi;          /* end of the visible slice */
} Cursor;

typedef struct {
  guint first;
  guint end;                 /* exclusive */
} Range;

/* Adds the entries[first..end) of a cursor into mark. */
static void
mark_add_range (KzTimelineLayout *self,
                KzTimelineMark   *mark,
                const Cursor     *cursor,
                guint             first,
                guint             end,
                double           *anchor_lo,
                double           *anchor_hi)
{
  const Entry *entries = cursor->entries;
  guint last = end - 1;

  if (first >= end)
    return;

  if (mark->count == 0 || entries[first].position < mark->position)
    {
      mark->position = entries[first].position;
      mark->event = self->events[mark->position];
    }
  if (mark->count == 0 || entries[last].position > mark->last_position)
    mark->last_position = entries[last].position;
  mark->count += end - first;
  mark->stage = MAX (mark->stage, stream_max_stage (cursor->stream, first, end));
  mark->first_day = MIN (mark->first_day, entries[first].first_day);
  mark->last_day = MAX (mark->last_day, entries[last].last_day + 1.0);
  mark->matches = mark->matches || stream_any_match (cursor->stream, first, end);
  *anchor_lo = MIN (*anchor_lo, entry_anchor (&entries[first]));
  *anchor_hi = MAX (*anchor_hi, entry_anchor (&entries[last]));
}

/* One mark for what two cursors hold in one bucket, less the entry at skip (in skip_cursor). */
static void
emit_mark (KzTimelineLayout *self,
           const Cursor     *cursors,
           const Range      *ranges,
           int               skip_cursor,
           gint64            skip)
{
  const KzTimelineGeometry *g = &self->geometry;
  KzTimelineMark mark = { 0 };
  double anchor_lo = G_MAXDOUBLE, anchor_hi = -G_MAXDOUBLE;

  mark.first_day = G_MAXDOUBLE;
  mark.last_day = -G_MAXDOUBLE;

  for (int c = 0; c < 2; c++)
    {
      if (c == skip_cursor)
        {
          mark_add_range (self, &mark, &cursors[c], ranges[c].first, (guint) skip, &anchor_lo, &anchor_hi);
          mark_add_range (self, &mark, &cursors[c], (guint) skip + 1, ranges[c].end, &anchor_lo, &anchor_hi);
        }
      else
        mark_add_range (self, &mark, &cursors[c], ranges[c].first, ranges[c].end, &anchor_lo, &anchor_hi);
    }

  if (mark.count == 0)
    return;

  mark.x = (day_to_x (g, anchor_lo) + day_to_x (g, anchor_hi)) / 2.0;
  /* A lone partial date or range shows the period it covers. */
  mark.spans = mark.count == 1 && self->info[mark.position].spans;
  mark.x0 = mark.spans ? day_to_x (g, mark.first_day) : mark.x;
  mark.x1 = mark.spans ? day_to_x (g, mark.last_day) : mark.x;
  mark.selected = mark.count == 1 && (gint64) mark.position == self->selected_position;
  g_array_append_val (self->marks, mark);
}

static void
cursor_init (Cursor       *cursor,
             const Stream *stream,
             gboolean      spans,
             double        lo_day,
             double        hi_day)
{
  guint n = stream->entries->len;

  cursor->stream = stream;
  cursor->entries = (const Entry *) (gpointer) stream->entries->data;
  cursor->spans = spans;
  /* Spans that began before the view may still reach into it. */
  cursor->lo = spans ? lower_bound_reach (stream->reach, lo_day)
                     : lower_bound_anchor (cursor->entries, 0, n, lo_day);
  cursor->hi = lower_bound_anchor (cursor->entries, cursor->lo, n, hi_day);
}

/* Walks a lane's visible slice bucket by bucket, both streams together, so that each bucket
 * gives one mark whatever mix of events it holds. */
static void
walk_lane (KzTimelineLayout *self,
           const LaneState  *state)
{
  const KzTimelineGeometry *g = &self->geometry;
  double bucket_days = BUCKET_PX / g->px_per_day;
  double margin = (g->lane_mark_radius + 1.0) / g->px_per_day;
  double lo_day = g->start_day - margin, hi_day = g->end_day + margin;
  Cursor cursors[2];

  cursor_init (&cursors[0], &state->points, FALSE, lo_day, hi_day);
  cursor_init (&cursors[1], &state->spans, TRUE, lo_day, hi_day);

  for (;;)
    {
      Range ranges[2];
      double bucket = G_MAXDOUBLE, boundary;
      int skip_cursor = -1;
      gint64 skip = -1;

      /* Spans that ended before the view do not count. */
      while (cursors[1].lo < cursors[1].hi && cursors[1].entries[cursors[1].lo].last_day + 1 <= lo_day)
        cursors[1].lo++;

      for (int c = 0; c < 2; c++)
        if (cursors[c].lo < cursors[c].hi)
          bucket = MIN (bucket, floor (entry_anchor (&cursors[c].entries[cursors[c].lo]) / bucket_days));
      if (bucket == G_MAXDOUBLE)
        break;
      boundary = (bucket + 1.0) * bucket_days;

      for (int c = 0; c < 2; c++)
        {
          Cursor *cursor = &cursors[c];
          guint j = cursor->lo;

          if (cursor->lo < cursor->hi && entry_anchor (&cursor->entries[cursor->lo]) < boundary)
            j = gallop_anchor (cursor->entries, cursor->lo + 1, cursor->hi, boundary);
          ranges[c].first = cursor->lo;
          ranges[c].end = j;
          if (j > cursor->lo && self->selected_position >= cursor->entries[cursor->lo].position &&
              self->selected_position <= cursor->entries[j - 1].position)
            {
              gint64 found = find_position (cursor->entries, cursor->lo, j, (guint) self->selected_position);

              if (found >= 0)
                {
                  skip_cursor = c;
                  skip = found;
                }
            }
          cursor->lo = j;
        }

      /* The selected event keeps a mark of its own, drawn over its cluster. */
      if (skip >= 0 && (ranges[0].end - ranges[0].first) + (ranges[1].end - ranges[1].first) > 1)
        {
          Range alone[2] = { { 0, 0 }, { 0, 0 } };

          emit_mark (self, cursors, ranges, skip_cursor, skip);
          alone[skip_cursor].first = (guint) skip;
          alone[skip_cursor].end = (guint) skip + 1;
          emit_mark (self, cursors, alone, -1, -1);
        }
      else
        emit_mark (self, cursors, ranges, -1, -1);
    }
}

static double
band_thickness (const KzTimelineGeometry *g,
                KzStage                   stage)
{
  static const double base[KZ_N_STAGES] = { 0.0, 2.0, 4.0, 7.0, 10.0 };
  double scale = MIN (1.0, g->lane_height / LANE_NATURAL_HEIGHT);

  return MAX (1.0, round (base[stage] * scale));
}

static void
compute_lanes (KzTimelineLayout *self)
{
  const KzTimelineGeometry *g = &self->geometry;

  g_array_set_size (self->lanes, 0);
  g_array_set_size (self->lane_label_offsets, 0);
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->bands, 0);

  for (guint li = 0; li < self->lane_states->len; li++)
    {
      LaneState *state = &g_array_index (self->lane_states, LaneState, li);
      KzTimelineLane lane = { 0 };
      gssize offset;

      lane.y = g->lanes.y + li * g->lane_height - g->scroll_y;
      lane.height = g->lane_height;
      /* Lanes scrolled out of sight cost nothing. */
      if (lane.y + lane.height <= g->lanes.y || lane.y >= g->lanes.y + g->lanes.height)
        continue;

      lane.area = state->area;
      lane.rgb = kz_area_get_rgb (state->area);
      lane.index = li;
      lane.label = state->label != NULL ? state->label : kz_area_get_name (state->area);
      lane.label_width = state->label_width;
      lane.n_events = state->n_events;
      offset = -1;
      if (lane.label_width > g->label_width - KZ_TIMELINE_SWATCH_SPACE)
        {
          double width;

          /* A narrow view: shorter still, for this frame. */
          offset = shorten_into_arena (self, kz_area_get_name (state->area),
                                       g->label_width - KZ_TIMELINE_SWATCH_SPACE, &width);
          lane.label = offset >= 0 ? NULL : "";
          lane.label_width = offset >= 0 ? width : 0.0;
        }
      g_array_append_val (self->lane_label_offsets, offset);

      lane.first_mark = self->marks->len;
      walk_lane (self, state);
      lane.n_marks = self->marks->len - lane.first_mark;
      if (lane.n_marks > 1)
        {
          /* A selected mark split from its cluster may sit left of it. */
          KzTimelineMark *marks = &g_array_index (self->marks, KzTimelineMark, lane.first_mark);

          for (guint k = 1; k < lane.n_marks; k++)
            if (marks[k].x < marks[k - 1].x)
              {
                KzTimelineMark tmp = marks[k];
                marks[k] = marks[k - 1];
                marks[k - 1] = tmp;
              }
        }

      /* Bands: the deepest stage so far, from the area's first event to the view's end. */
      lane.first_band = self->bands->len;
      for (guint s = 0; s < state->n_steps; s++)
        {
          KzTimelineBand band;
          double d0 = state->steps[s].day;
          double d1 = s + 1 < state->n_steps ? state->steps[s + 1].day : g->end_day;

          d0 = MAX (d0, g->start_day);
          d1 = MIN (d1, g->end_day);
          if (d1 <= d0)
            continue;
          band.x0 = day_to_x (g, d0);
          band.x1 = day_to_x (g, d1);
          band.stage = state->steps[s].stage;
          band.thickness = band_thickness (g, band.stage);
          g_array_append_val (self->bands, band);
        }
      lane.n_bands = self->bands->len - lane.first_band;

      g_array_append_val (self->lanes, lane);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Update and queries                                                                         */

void
kz_timeline_layout_update (KzTimelineLayout     *self,
                           const KzTimelineViewport *view)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);

  ensure_filter (self);
  ensure_text (self);
  ensure_matches (self);
  ensure_selected_row_index (self);

  g_clear_pointer (&self->title_text, g_free);
  if (view->title != NULL)
    self->title_text = g_strdup (view->title);
  else if (self->dataset != NULL)
    self->title_text = g_strdup (kz_dataset_get_title (self->dataset));

  g_string_truncate (self->arena, 0);
  compute_geometry (self, view);
  compute_ticks (self);
  compute_today (self);
  compute_row (self);
  compute_lanes (self);

  /* The arena may have moved while it grew: resolve label pointers last. */
  for (guint i = 0; i < self->row_items->len; i++)
    {
      gssize offset = g_array_index (self->row_label_offsets, gssize, i);

      if (offset >= 0)
        g_array_index (self->row_items, KzTimelineRowItem, i).label = self->arena->str + offset;
    }
  for (guint i = 0; i < self->lanes->len; i++)
    {
      gssize offset = g_array_index (self->lane_label_offsets, gssize, i);

      if (offset >= 0)
        g_array_index (self->lanes, KzTimelineLane, i).label = self->arena->str + offset;
    }
}

const KzTimelineGeometry *
kz_timeline_layout_get_geometry (const KzTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->geometry;
}

#define DEFINE_ARRAY_GETTER(name, Type, array)                                   \
const Type *                                                                     \
kz_timeline_layout_get_##name (const KzTimelineLayout *self,                     \
                               guint                  *n)                        \
{                                                                                \
  g_return_val_if_fail (self != NULL, NULL);                                     \
  g_return_val_if_fail (n != NULL, NULL);                                        \
                                                                                 \
  *n = self->array->len;                                                         \
  return (const Type *) (gconstpointer) self->array->data;                       \
}

DEFINE_ARRAY_GETTER (ticks, KzTimelineTick, ticks)
DEFINE_ARRAY_GETTER (row_items, KzTimelineRowItem, row_items)
DEFINE_ARRAY_GETTER (row_clusters, KzTimelineCluster, row_clusters)
DEFINE_ARRAY_GETTER (lanes, KzTimelineLane, lanes)
DEFINE_ARRAY_GETTER (marks, KzTimelineMark, marks)
DEFINE_ARRAY_GETTER (bands, KzTimelineBand, bands)

#undef DEFINE_ARRAY_GETTER

double
kz_timeline_layout_day_to_x (const KzTimelineLayout *self,
                             double                  day)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return day_to_x (&self->geometry, day);
}

double
kz_timeline_layout_x_to_day (const KzTimelineLayout *self,
                             double                  x)
{
  const KzTimelineGeometry *g;

  g_return_val_if_fail (self != NULL, 0.0);

  g = &self->geometry;
  if (g->px_per_day <= 0)
    return g->start_day;
  return g->start_day + (x - g->plot_x0) / g->px_per_day;
}

static gboolean
rect_contains (double x0,
               double y0,
               double x1,
               double y1,
               double x,
               double y)
{
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

static void
set_bounds (KzTimelineHit *hit,
            double         x0,
            double         y0,
            double         x1,
            double         y1)
{
  hit->bounds = (KzTimelineRect) { x0, y0, x1 - x0, y1 - y0 };
}

static gboolean
hit_test_row (const KzTimelineLayout *self,
              double                  x,
              double                  y,
              KzTimelineHit          *hit)
{
  const KzTimelineGeometry *g = &self->geometry;
  double slop = 3.0;

  for (guint i = 0; i < self->row_clusters->len; i++)
    {
      const KzTimelineCluster *c = &g_array_index (self->row_clusters, KzTimelineCluster, i);
      double y0 = c->y - CLUSTER_STRIP / 2.0, y1 = c->y + CLUSTER_STRIP / 2.0;

      if (rect_contains (c->x0 - slop, y0, c->x1 + slop, y1, x, y))
        {
          hit->kind = KZ_TIMELINE_HIT_CLUSTER;
          hit->event = self->events[c->first_position];
          hit->count = c->count;
          hit->first_day = c->first_day;
          hit->last_day = c->last_day;
          set_bounds (hit, c->x0, y0, c->x1, y1);
          return TRUE;
        }
    }

  /* The selected item comes first and draws on top of any mark it touches. */
  for (guint i = 0; i < self->row_items->len; i++)
    {
      const KzTimelineRowItem *item = &g_array_index (self->row_items, KzTimelineRowItem, i);
      double r = g->row_mark_radius + slop;
      double x0 = MIN (item->x - r, item->label_x);
      double x1 = MAX (item->x + r, item->label_x + item->label_width);
      double y0 = item->y - g->label_row_height / 2.0, y1 = item->y + g->label_row_height / 2.0;

      if (rect_contains (x0, y0, x1, y1, x, y))
        {
          hit->kind = KZ_TIMELINE_HIT_ROW_ITEM;
          hit->event = item->event;
          hit->count = 1;
          set_bounds (hit, x0, y0, x1, y1);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
hit_test_lane (const KzTimelineLayout *self,
               const KzTimelineLane   *lane,
               double                  x,
               double                  y,
               KzTimelineHit          *hit)
{
  const KzTimelineGeometry *g = &self->geometry;
  const KzTimelineMark *marks = &g_array_index (self->marks, KzTimelineMark, lane->first_mark);
  double r = g->lane_mark_radius + 3.0;
  double cy = lane->y + lane->height / 2.0;
  guint lo = 0, hi = lane->n_marks;
  const KzTimelineMark *best = NULL;
  double best_distance = G_MAXDOUBLE;

  if (x < g->plot_x0 - r)
    {
      if (x >= g->label_x)
        {
          hit->kind = KZ_TIMELINE_HIT_LANE_LABEL;
          hit->area = lane->area;
          set_bounds (hit, g->label_x, lane->y, g->label_x + g->label_width, lane->y + lane->height);
          return TRUE;
        }
      return FALSE;
    }

  if (fabs (y - cy) > MAX (r, lane->height / 2.0 - 2.0))
    return FALSE;

  /* Marks are sorted by x: bisect to the first within reach, then look at its neighbours. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (marks[mid].x < x - r)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < lane->n_marks && marks[i].x <= x + r; i++)
    {
      double d = fabs (marks[i].x - x);

      /* <= so that the later (top-most, e.g. selected) of equal marks wins. */
      if (d <= best_distance)
        {
          best_distance = d;
          best = &marks[i];
        }
    }

  /* A span is hit anywhere along its period, near the lane's centre line. */
  if (best == NULL && fabs (y - cy) <= r)
    for (guint i = 0; i < lane->n_marks && marks[i].x0 <= x; i++)
      if (marks[i].spans && x <= marks[i].x1)
        best = &marks[i];

  if (best == NULL)
    return FALSE;

  hit->kind = best->count > 1 ? KZ_TIMELINE_HIT_CLUSTER : KZ_TIMELINE_HIT_MARK;
  hit->event = best->event;
  hit->area = lane->area;
  hit->count = best->count;
  hit->first_day = best->first_day;
  hit->last_day = best->last_day;
  set_bounds (hit, MIN (best->x - r, best->x0), cy - r, MAX (best->x + r, best->x1), cy + r);
  return TRUE;
}

gboolean
kz_timeline_layout_hit_test (const KzTimelineLayout *self,
                             double                  x,
                             double                  y,
                             KzTimelineHit          *hit)
{
  const KzTimelineGeometry *g;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  g = &self->geometry;

  if (rect_contains (g->row.x, g->row.y, g->row.x + g->row.width, g->row.y + g->row.height, x, y))
    return hit_test_row (self, x, y, hit);

  if (rect_contains (g->lanes.x, g->lanes.y, g->lanes.x + g->lanes.width,
                     g->lanes.y + g->lanes.height, x, y))
    {
      for (guint i = 0; i < self->lanes->len; i++)
        {
          const KzTimelineLane *lane = &g_array_index (self->lanes, KzTimelineLane, i);

          if (y >= lane->y && y < lane->y + lane->height)
            return hit_test_lane (self, lane, x, y, hit);
        }
    }

  return FALSE;
}

/* The whole dataset with a margin, so the first and last marks do not sit on the edges. */
void
kz_timeline_layout_get_full_range (KzTimelineLayout *self,
                                   double           *start_day,
                                   double           *end_day)
{
  gint64 first = 0, last = 0;
  double start, end, margin;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start_day != NULL && end_day != NULL);

  if (self->dataset != NULL && kz_dataset_get_span (self->dataset, &first, &last))
    {
      start = first;
      end = last + 1.0;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      gint64 today = first_day_of (g_date_time_get_year (now), g_date_time_get_month (now),
                                   g_date_time_get_day_of_month (now));

      start = today - DAYS_PER_YEAR;
      end = today + DAYS_PER_YEAR;
    }

  margin = MAX ((end - start) * 0.03, 2.0);
  start -= margin;
  end += margin;
  if (end - start < KZ_TIMELINE_MIN_SPAN_DAYS)
    {
      double middle = (start + end) / 2.0;

      start = middle - KZ_TIMELINE_MIN_SPAN_DAYS / 2.0;
      end = middle + KZ_TIMELINE_MIN_SPAN_DAYS / 2.0;
    }

  *start_day = start;
  *end_day = end;
}

/* Keeps a range between KZ_TIMELINE_MIN_SPAN_DAYS and the full range, and inside it. */
void
kz_timeline_layout_clamp_range (KzTimelineLayout *self,
                                double           *start_day,
                                double           *end_day)
{
  double full_start, full_end, span, middle;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start_day != NULL && end_day != NULL);

  kz_timeline_layout_get_full_range (self, &full_start, &full_end);

  span = *end_day - *start_day;
  if (!isfinite (span) || !isfinite (*start_day))
    {
      *start_day = full_start;
      *end_day = full_end;
      return;
    }

  middle = (*start_day + *end_day) / 2.0;
  span = CLAMP (span, KZ_TIMELINE_MIN_SPAN_DAYS, full_end - full_start);
  *start_day = middle - span / 2.0;
  *end_day = middle + span / 2.0;

  if (*start_day < full_start)
    {
      *end_day += full_start - *start_day;
      *start_day = full_start;
    }
  if (*end_day > full_end)
    {
      *start_day -= *end_day - full_end;
      *end_day = full_end;
    }
}

/* Height at which every visible lane gets its natural height: export's default. */
double
kz_timeline_layout_get_preferred_height (KzTimelineLayout      *self,
                                         KzTimelineLayoutFlags  flags)
{
  double height = 2 * PAD_Y;

  g_return_val_if_fail (self != NULL, 0.0);

  ensure_filter (self);
  if (flags & KZ_TIMELINE_LAYOUT_TITLE)
    height += TITLE_HEIGHT + 8.0;
  height += MAX_LABEL_ROWS * LABEL_ROW_HEIGHT + CLUSTER_STRIP + ROW_GAP;
  height += MAX (n_visible_lanes (self), 1) * LANE_NATURAL_HEIGHT;
  height += AXIS_HEIGHT;
  if (flags & KZ_TIMELINE_LAYOUT_LEGEND)
    height += LEGEND_HEIGHT + 4.0;
  if (flags & KZ_TIMELINE_LAYOUT_FOOTER)
    height += FOOTER_HEIGHT + 4.0;

  return MAX (height, 560.0);
}
