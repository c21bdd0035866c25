/* kz-event.c — one dated event: a dialogue, summit, agreement, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kz-event"

#include "config.h"

#include <string.h>

#include "kz-event.h"

struct _KzEvent
{
  GObject   parent_instance;

  char     *id;
  char     *title;
  KzDate    date;
  KzDate    end;
  gboolean  has_end;
  KzKind   *kind;
  guint     round;
  char     *place;
  char    **participants;
  char     *summary;

  /* Plain arrays of structs: an event owns what it says, with one allocation each. */
  GArray   *areas;     /* KzEventArea */
  GArray   *quotes;    /* KzQuote */
  GArray   *sources;   /* KzSource */
};

G_DEFINE_FINAL_TYPE (KzEvent, kz_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_event_area (gpointer data)
{
  KzEventArea *entry = data;

  g_clear_object (&entry->area);
  g_clear_pointer (&entry->note, g_free);
  g_clear_pointer (&entry->sources, g_free);
}

static void
clear_quote (gpointer data)
{
  KzQuote *quote = data;

  g_clear_pointer (&quote->text, g_free);
  g_clear_pointer (&quote->by, g_free);
}

static void
clear_source (gpointer data)
{
  KzSource *source = data;

  g_clear_pointer (&source->title, g_free);
  g_clear_pointer (&source->publisher, g_free);
  g_clear_pointer (&source->url, g_free);
}

static void
kz_event_finalize (GObject *object)
{
  KzEvent *self = (KzEvent *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->kind);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->participants, g_strfreev);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_pointer (&self->quotes, g_array_unref);
  g_clear_pointer (&self->sources, g_array_unref);

  G_OBJECT_CLASS (kz_event_parent_class)->finalize (object);
}

static void
kz_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KzEvent *self = KZ_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_event_class_init (KzEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kz_event_finalize;
  object_class->get_property = kz_event_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kz_event_init (KzEvent *self)
{
}

KzEvent *
kz_event_new (const char   *id,
              const KzDate *date,
              const char   *title)
{
  KzEvent *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (KZ_TYPE_EVENT, NULL);
  self->id = g_strdup (id);
  self->date = *date;
  self->title = g_strdup (title);

  return self;
}

const char *
kz_event_get_id (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);

  return self->id;
}

const char *
kz_event_get_title (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);

  return self->title;
}

const KzDate *
kz_event_get_date (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);

  return &self->date;
}

const KzDate *
kz_event_get_end (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);

  return self->has_end ? &self->end : NULL;
}

/**
 * kz_event_set_end:
 * @end: (nullable): the last day of a multi-day event, or %NULL for none
 */
void
kz_event_set_end (KzEvent      *self,
                  const KzDate *end)
{
  g_return_if_fail (KZ_IS_EVENT (self));

  self->has_end = end != NULL;
  if (end != NULL)
    self->end = *end;
}

KzKind *
kz_event_get_kind (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);

  return self->kind;
}

void
kz_event_set_kind (KzEvent *self,
                   KzKind  *kind)
{
  g_return_if_fail (KZ_IS_EVENT (self));
  g_return_if_fail (kind == NULL || KZ_IS_KIND (kind));

  g_set_object (&self->kind, kind);
}

/* 0 when the event is not part of a numbered series. */
guint
kz_event_get_round (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), 0);

  return self->round;
}

void
kz_event_set_round (KzEvent *self,
                    guint    round)
{
  g_return_if_fail (KZ_IS_EVENT (self));

  self->round = round;
}

const char *
kz_event_get_place (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);

  return self->place;
}

void
kz_event_set_place (KzEvent    *self,
                    const char *place)
{
  g_return_if_fail (KZ_IS_EVENT (self));

  g_free (self->place);
  self->place = g_strdup (place);
}

/* Never NULL: an event without participants has an empty list. */
const char * const *
kz_event_get_participants (KzEvent *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);

  return self->participants != NULL ? (const char * const *) self->participants : empty;
}

void
kz_event_set_participants (KzEvent            *self,
                           const char * const *participants)
{
  g_return_if_fail (KZ_IS_EVENT (self));

  g_strfreev (self->participants);
  self->participants = g_strdupv ((char **) participants);
}

const char *
kz_event_get_summary (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);

  return self->summary;
}

void
kz_event_set_summary (KzEvent    *self,
                      const char *summary)
{
  g_return_if_fail (KZ_IS_EVENT (self));

  g_free (self->summary);
  self->summary = g_strdup (summary);
}

guint
kz_event_get_n_areas (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), 0);

  return self->areas != NULL ? self->areas->len : 0;
}

const KzEventArea *
kz_event_get_area (KzEvent *self,
                   guint    index)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);
  g_return_val_if_fail (index < kz_event_get_n_areas (self), NULL);

  return &g_array_index (self->areas, KzEventArea, index);
}

/* NULL when the event says nothing about @area. */
const KzEventArea *
kz_event_find_area (KzEvent *self,
                    KzArea  *area)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);

  for (guint i = 0; i < kz_event_get_n_areas (self); i++)
    {
      const KzEventArea *entry = &g_array_index (self->areas, KzEventArea, i);

      if (entry->area == area)
        return entry;
    }

  return NULL;
}

/**
 * kz_event_add_area:
 * @note: (nullable): what happened in the area at this event
 * @sources: (array length=n_sources): indices of the event's sources that back it
 */
void
kz_event_add_area (KzEvent     *self,
                   KzArea      *area,
                   KzStage      stage,
                   const char  *note,
                   const guint *sources,
                   guint        n_sources)
{
  KzEventArea entry = { 0 };

  g_return_if_fail (KZ_IS_EVENT (self));
  g_return_if_fail (KZ_IS_AREA (area));
  g_return_if_fail (stage > KZ_STAGE_NONE && stage < KZ_N_STAGES);

  if (self->areas == NULL)
    {
      self->areas = g_array_new (FALSE, FALSE, sizeof (KzEventArea));
      g_array_set_clear_func (self->areas, clear_event_area);
    }

  entry.area = g_object_ref (area);
  entry.stage = stage;
  entry.note = g_strdup (note);
  entry.sources = n_sources > 0 ? g_memdup2 (sources, n_sources * sizeof (guint)) : NULL;
  entry.n_sources = n_sources;
  g_array_append_val (self->areas, entry);
}

guint
kz_event_get_n_quotes (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), 0);

  return self->quotes != NULL ? self->quotes->len : 0;
}

const KzQuote *
kz_event_get_quote (KzEvent *self,
                    guint    index)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);
  g_return_val_if_fail (index < kz_event_get_n_quotes (self), NULL);

  return &g_array_index (self->quotes, KzQuote, index);
}

void
kz_event_add_quote (KzEvent    *self,
                    const char *text,
                    const char *by)
{
  KzQuote quote;

  g_return_if_fail (KZ_IS_EVENT (self));
  g_return_if_fail (text != NULL);

  if (self->quotes == NULL)
    {
      self->quotes = g_array_new (FALSE, FALSE, sizeof (KzQuote));
      g_array_set_clear_func (self->quotes, clear_quote);
    }

  quote.text = g_strdup (text);
  quote.by = g_strdup (by);
  g_array_append_val (self->quotes, quote);
}

guint
kz_event_get_n_sources (KzEvent *self)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), 0);

  return self->sources != NULL ? self->sources->len : 0;
}

const KzSource *
kz_event_get_source (KzEvent *self,
                     guint    index)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), NULL);
  g_return_val_if_fail (index < kz_event_get_n_sources (self), NULL);

  return &g_array_index (self->sources, KzSource, index);
}

/**
 * kz_event_add_source:
 * @title: (nullable):
 * @publisher: (nullable):
 * @url: (nullable): an http or https URL (the loader refuses anything else)
 * @date: (nullable): the source's publication date
 */
void
kz_event_add_source (KzEvent      *self,
                     const char   *title,
                     const char   *publisher,
                     const char   *url,
                     const KzDate *date)
{
  KzSource source = { 0 };

  g_return_if_fail (KZ_IS_EVENT (self));

  if (self->sources == NULL)
    {
      self->sources = g_array_new (FALSE, FALSE, sizeof (KzSource));
      g_array_set_clear_func (self->sources, clear_source);
    }

  source.title = g_strdup (title);
  source.publisher = g_strdup (publisher);
  source.url = g_strdup (url);
  source.has_date = date != NULL;
  if (date != NULL)
    source.date = *date;
  g_array_append_val (self->sources, source);
}

/* Dataset order: by date (a partial date first in its period), then by id. */
int
kz_event_compare (KzEvent *a,
                  KzEvent *b)
{
  int result = kz_date_compare (&a->date, &b->date);

  if (result != 0)
    return result;
  return strcmp (a->id, b->id);
}

/* Whether @haystack contains the ASCII @needle, ignoring ASCII case. UTF-8 never uses ASCII
 * bytes inside a multi-byte character, so this is exact for an ASCII needle, and it
 * allocates nothing: searching a million events stays well under a second. */
static gboolean
ascii_contains (const char *haystack,
                const char *needle,
                gsize       needle_len)
{
  char first = needle[0];

  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_tolower (*p) == first && g_ascii_strncasecmp (p, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
text_contains (const char *haystack,
               const char *folded_needle,
               gboolean    ascii_needle,
               gsize       needle_len)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  if (ascii_needle)
    return ascii_contains (haystack, folded_needle, needle_len);

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

/**
 * kz_event_matches_text:
 * @folded_needle: the search text, already passed through g_utf8_casefold()
 *
 * Whether the title, summary, place, participants or any area note contains the text.
 */
gboolean
kz_event_matches_text (KzEvent    *self,
                       const char *folded_needle)
{
  g_return_val_if_fail (KZ_IS_EVENT (self), FALSE);
  g_return_val_if_fail (folded_needle != NULL, FALSE);

  gsize len;
  gboolean ascii = TRUE;

  if (*folded_needle == '\0')
    return TRUE;

  /* Casefolding turns ASCII letters to lower case only, so an ASCII needle can be matched
   * without folding every field first. */
  for (len = 0; folded_needle[len] != '\0'; len++)
    if ((guchar) folded_needle[len] >= 0x80)
      ascii = FALSE;

#define CONTAINS(text) text_contains ((text), folded_needle, ascii, len)
  if (CONTAINS (self->title) || CONTAINS (self->summary) || CONTAINS (self->place))
    return TRUE;

  for (guint i = 0; self->participants != NULL && self->participants[i] != NULL; i++)
    if (CONTAINS (self->participants[i]))
      return TRUE;

  for (guint i = 0; i < kz_event_get_n_areas (self); i++)
    if (CONTAINS (g_array_index (self->areas, KzEventArea, i).note))
      return TRUE;
#undef CONTAINS

  return FALSE;
}
