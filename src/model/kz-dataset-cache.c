/* kz-dataset-cache.c — a compact copy of each large dataset, to open it again quickly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing is most of a large load, and json-glib's own cost per event bounds it. A file
 * opened before is read instead from a GVariant copy of its model in the user's cache
 * folder: one entry per path, valid only while the file keeps the identity it had when it
 * was read (device, inode, size, change and modification times to the nanosecond) and
 * only for the Kizuna version that wrote it, since validation rules may change.
 *
 * The copy is columns of fixed-size records (GVariant arrays of tuples of u, read in place)
 * and one blob of NUL-terminated strings that records point into, so reading it costs
 * little more than building the events. It is checked as untrusted input all the same: a
 * checksum over the whole copy first (a damaged copy must not show a dataset with events
 * missing), then every reference in range, every string UTF-8, every date real. Anything
 * wrong, and the entry is removed and the file parsed as if it never existed.
 *
 * An entry file: 8 bytes of checksum, then the GVariant (which needs 8-byte alignment).
 */
#define G_LOG_DOMAIN "kz-dataset-cache"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "kz-atomic-file.h"
#include "kz-dataset-cache.h"

struct _KzDatasetCache
{
  GObject  parent_instance;

  char    *directory;
};

G_DEFINE_FINAL_TYPE (KzDatasetCache, kz_dataset_cache, G_TYPE_OBJECT)

/* Entries kept at most, and their total size: the least recently opened go first. */
#define MAX_ENTRIES 16
#define MAX_TOTAL_SIZE ((goffset) 2 * 1024 * 1024 * 1024)

/* Tells a copy written on this machine's byte order; any change of layout changes it. */
#define MAGIC 0x4b5a4331u   /* "KZC1" */
#define NONE G_MAXUINT32

#define ENTRY_TYPE "(uss(tttxx)ayuua(uuuu)a(uu)a(uuuuuuuuuuuuuuuu)a(uuuuu)aua(uu)a(uuuu)aua(uuuuu))"

enum {
  FIELD_MAGIC,
  FIELD_VERSION,
  FIELD_PATH,
  FIELD_STAMP,
  FIELD_STRINGS,
  FIELD_TITLE,
  FIELD_DESCRIPTION,
  FIELD_AREAS,
  FIELD_KINDS,
  FIELD_EVENTS,
  FIELD_EVENT_AREAS,
  FIELD_SOURCE_REFS,
  FIELD_QUOTES,
  FIELD_SOURCES,
  FIELD_PARTICIPANTS,
  FIELD_PROBLEMS,
};

/* The records, as the GVariant tuples of u lay them out. Strings and dates are u32: a
 * byte offset into the strings, a packed date, or NONE. */
typedef struct { guint32 id, name, description, rgb; } AreaRecord;
typedef struct { guint32 id, name; } KindRecord;
typedef struct {
  guint32 id, title, date, end, kind, round, place, summary;
  guint32 first_participant, n_participants;
  guint32 first_area, n_areas;
  guint32 first_quote, n_quotes;
  guint32 first_source, n_sources;
} EventRecord;
typedef struct { guint32 area, stage, note, first_ref, n_refs; } EventAreaRecord;
typedef struct { guint32 text, by; } QuoteRecord;
typedef struct { guint32 title, publisher, url, date; } SourceRecord;
typedef struct { guint32 severity, path, line, column, message; } ProblemRecord;

G_STATIC_ASSERT (sizeof (EventRecord) == 16 * sizeof (guint32));

/* What identifies the file's contents without reading them. */
typedef struct {
  char    *path;
  guint64  device;
  guint64  inode;
  guint64  size;
  gint64   mtime_ns;
  gint64   ctime_ns;
} Stamp;

#define STAMP_KEY "kz-dataset-cache-stamp"

static void
stamp_free (Stamp *stamp)
{
  g_free (stamp->path);
  g_free (stamp);
}

static Stamp *
stamp_read (const char *path)
{
  struct stat st;
  Stamp *stamp;

  if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;

  stamp = g_new0 (Stamp, 1);
  stamp->path = g_strdup (path);
  stamp->device = (guint64) st.st_dev;
  stamp->inode = (guint64) st.st_ino;
  stamp->size = (guint64) st.st_size;
  stamp->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  stamp->ctime_ns = (gint64) st.st_ctim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_ctim.tv_nsec;
  return stamp;
}

static gboolean
stamp_equal (const Stamp *a,
             const Stamp *b)
{
  return g_str_equal (a->path, b->path) && a->device == b->device && a->inode == b->inode &&
         a->size == b->size && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns;
}

static void
kz_dataset_cache_finalize (GObject *object)
{
  KzDatasetCache *self = (KzDatasetCache *) object;

  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (kz_dataset_cache_parent_class)->finalize (object);
}

static void
kz_dataset_cache_class_init (KzDatasetCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_dataset_cache_finalize;
}

static void
kz_dataset_cache_init (KzDatasetCache *self)
{
}

/**
 * kz_dataset_cache_new:
 * @directory: (nullable): where the copies go; %NULL for kizuna/datasets in the user's
 *   cache folder
 */
KzDatasetCache *
kz_dataset_cache_new (const char *directory)
{
  KzDatasetCache *self = g_object_new (KZ_TYPE_DATASET_CACHE, NULL);

  self->directory = directory != NULL
                      ? g_strdup (directory)
                      : g_build_filename (g_get_user_cache_dir (), "kizuna", "datasets", NULL);
  return self;
}

const char *
kz_dataset_cache_get_directory (KzDatasetCache *self)
{
  g_return_val_if_fail (KZ_IS_DATASET_CACHE (self), NULL);

  return self->directory;
}

/* One entry per path, named by its digest: paths may hold anything. */
static char *
entry_path (KzDatasetCache *self,
            const char     *path)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  g_autofree char *name = g_strconcat (digest, ".cache", NULL);

  return g_build_filename (self->directory, name, NULL);
}

static const char *
entry_version (void)
{
  return PACKAGE_VERSION;
}

#define HEADER_SIZE 8

/**
 * kz_dataset_cache_checksum:
 *
 * A fast 64-bit checksum, to notice a damaged copy (not to resist a forged one: whoever
 * can write the user's cache folder can do worse). Eight bytes a step.
 */
guint64
kz_dataset_cache_checksum (const guint8 *data,
                           gsize         len)
{
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ len;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, data + i, 8);
      h = (h ^ word) * G_GUINT64_CONSTANT (0x100000001b3);
      h ^= h >> 29;
    }
  for (; i < len; i++)
    h = (h ^ data[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return h ^ (h >> 32);
}

/* ---- Packing ------------------------------------------------------------------------- */

static guint32
pack_date (const KzDate *date)
{
  if (date == NULL)
    return NONE;
  return ((guint32) (guint16) (date->year + 32768) << 16) | ((guint32) date->month << 8) | date->day;
}

static gboolean
unpack_date (guint32  packed,
             KzDate  *out_date)
{
  return kz_date_set (out_date, (int) (packed >> 16) - 32768, (packed >> 8) & 0xff, packed & 0xff);
}

/* ---- Reading ------------------------------------------------------------------------- */

typedef struct
{
  const char            *strings;
  gsize                  strings_len;
  const AreaRecord      *areas;
  gsize                  n_areas;
  const KindRecord      *kinds;
  gsize                  n_kinds;
  const EventRecord     *events;
  gsize                  n_events;
  const EventAreaRecord *event_areas;
  gsize                  n_event_areas;
  const guint32         *source_refs;
  gsize                  n_source_refs;
  const QuoteRecord     *quotes;
  gsize                  n_quotes;
  const SourceRecord    *sources;
  gsize                  n_sources;
  const guint32         *participants;
  gsize                  n_participants;
  const ProblemRecord   *problems;
  gsize                  n_problems;

  GPtrArray             *area_objects;   /* KzArea, by index */
  GPtrArray             *kind_objects;   /* KzKind, by index */
} Reader;

/* A string the entry holds, or NULL; @ok turns FALSE when the reference is out of range
 * (the strings were checked for UTF-8 and a final NUL as a whole, first). */
static const char *
reader_string (const Reader *reader,
               guint32       ref,
               gboolean      nullable,
               gboolean     *ok)
{
  if (ref == NONE && nullable)
    return NULL;
  if (ref >= reader->strings_len)
    {
      *ok = FALSE;
      return NULL;
    }
  return reader->strings + ref;
}

static gboolean
in_range (guint32 first,
          guint32 n,
          gsize   len)
{
  return (guint64) first + n <= len;
}

static gboolean
strings_valid (const char *strings,
               gsize       len)
{
  const char *p = strings;
  const char *end = strings + len;

  if (len == 0 || strings[len - 1] != '\0')
    return FALSE;

  while (p < end)
    {
      gsize n = strlen (p);

      if (!g_utf8_validate_len (p, n, NULL))
        return FALSE;
      p += n + 1;
    }
  return TRUE;
}

/* Returns: (transfer full) (nullable): the event, or NULL if its record is not sound */
static KzEvent *
read_event (const Reader      *reader,
            const EventRecord *record)
{
  g_autoptr(KzEvent) event = NULL;
  gboolean ok = TRUE;
  const char *id = reader_string (reader, record->id, FALSE, &ok);
  const char *title = reader_string (reader, record->title, FALSE, &ok);
  const char *place = reader_string (reader, record->place, TRUE, &ok);
  const char *summary = reader_string (reader, record->summary, TRUE, &ok);
  KzDate date, end;

  if (!ok || !unpack_date (record->date, &date) ||
      (record->end != NONE && !unpack_date (record->end, &end)) ||
      (record->kind != NONE && record->kind >= reader->n_kinds) ||
      !in_range (record->first_participant, record->n_participants, reader->n_participants) ||
      !in_range (record->first_area, record->n_areas, reader->n_event_areas) ||
      !in_range (record->first_quote, record->n_quotes, reader->n_quotes) ||
      !in_range (record->first_source, record->n_sources, reader->n_sources))
    return NULL;

  event = kz_event_new (id, &date, title);
  if (record->end != NONE)
    kz_event_set_end (event, &end);
  if (record->kind != NONE)
    kz_event_set_kind (event, g_ptr_array_index (reader->kind_objects, record->kind));
  kz_event_set_round (event, record->round);
  kz_event_set_place (event, place);
  kz_event_set_summary (event, summary);

  if (record->n_participants > 0)
    {
      g_autofree const char **participants = g_new0 (const char *, record->n_participants + 1);

      for (guint32 i = 0; i < record->n_participants; i++)
        participants[i] = reader_string (reader, reader->participants[record->first_participant + i], FALSE, &ok);
      if (!ok)
        return NULL;
      kz_event_set_participants (event, participants);
    }

  for (guint32 i = 0; i < record->n_sources; i++)
    {
      const SourceRecord *source = &reader->sources[record->first_source + i];
      const char *source_title = reader_string (reader, source->title, TRUE, &ok);
      const char *publisher = reader_string (reader, source->publisher, TRUE, &ok);
      const char *url = reader_string (reader, source->url, TRUE, &ok);
      KzDate source_date;

      if (!ok || (source->date != NONE && !unpack_date (source->date, &source_date)))
        return NULL;
      kz_event_add_source (event, source_title, publisher, url, source->date != NONE ? &source_date : NULL);
    }

  for (guint32 i = 0; i < record->n_areas; i++)
    {
      const EventAreaRecord *entry = &reader->event_areas[record->first_area + i];
      const char *note = reader_string (reader, entry->note, TRUE, &ok);

      if (!ok || entry->area >= reader->n_areas ||
          entry->stage <= KZ_STAGE_NONE || entry->stage >= KZ_N_STAGES ||
          !in_range (entry->first_ref, entry->n_refs, reader->n_source_refs))
        return NULL;
      for (guint32 j = 0; j < entry->n_refs; j++)
        if (reader->source_refs[entry->first_ref + j] >= record->n_sources)
          return NULL;

      kz_event_add_area (event, g_ptr_array_index (reader->area_objects, entry->area),
                         (KzStage) entry->stage, note,
                         reader->source_refs + entry->first_ref, entry->n_refs);
    }

  for (guint32 i = 0; i < record->n_quotes; i++)
    {
      const QuoteRecord *quote = &reader->quotes[record->first_quote + i];
      const char *text = reader_string (reader, quote->text, FALSE, &ok);
      const char *by = reader_string (reader, quote->by, TRUE, &ok);

      if (!ok)
        return NULL;
      kz_event_add_quote (event, text, by);
    }

  return g_steal_pointer (&event);
}

/* Events are built on every core, in contiguous shares, into their final slots. */
typedef struct
{
  const Reader *reader;
  KzEvent     **events;
  gsize         first;
  gsize         end;
  gboolean      ok;
  GThread      *thread;
} EventShare;

#define EVENTS_PER_THREAD 16384

static gpointer
read_event_share (gpointer data)
{
  EventShare *share = data;

  share->ok = TRUE;
  for (gsize i = share->first; i < share->end && share->ok; i++)
    {
      share->events[i] = read_event (share->reader, &share->reader->events[i]);
      share->ok = share->events[i] != NULL;
    }
  return NULL;
}

static gboolean
read_events (const Reader *reader,
             GPtrArray    *events)
{
  guint n_shares = (guint) CLAMP (reader->n_events / EVENTS_PER_THREAD, 1, MIN (g_get_num_processors (), 16));
  g_autofree EventShare *shares = g_new0 (EventShare, n_shares);
  gboolean ok = TRUE;

  g_ptr_array_set_size (events, (guint) reader->n_events);
  for (guint k = 0; k < n_shares; k++)
    {
      shares[k].reader = reader;
      shares[k].events = (KzEvent **) events->pdata;
      shares[k].first = reader->n_events * k / n_shares;
      shares[k].end = reader->n_events * (k + 1) / n_shares;
      if (k > 0)
        shares[k].thread = g_thread_new ("kz-cache-reader", read_event_share, &shares[k]);
    }

  read_event_share (&shares[0]);
  for (guint k = 0; k < n_shares; k++)
    {
      if (shares[k].thread != NULL)
        g_thread_join (shares[k].thread);
      ok = ok && shares[k].ok;
    }
  return ok;
}

/* Appends the problems the file had (warnings only); FALSE if a record is not sound. */
static gboolean
read_problems (const Reader *reader,
               GPtrArray    *out_problems)
{
  for (gsize i = 0; i < reader->n_problems; i++)
    {
      const ProblemRecord *record = &reader->problems[i];
      gboolean ok = TRUE;
      const char *path = reader_string (reader, record->path, FALSE, &ok);
      const char *message = reader_string (reader, record->message, FALSE, &ok);
      KzProblem *problem;

      if (!ok || record->severity > KZ_PROBLEM_WARNING)
        return FALSE;

      problem = g_new0 (KzProblem, 1);
      problem->severity = (KzProblemSeverity) record->severity;
      problem->path = g_strdup (path);
      problem->line = record->line;
      problem->column = record->column;
      problem->message = g_strdup (message);
      g_ptr_array_add (out_problems, problem);
    }
  return TRUE;
}

/* A share that stopped at a damaged event leaves the rest of its slots empty. */
static void
unref_if_any (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static gconstpointer
fixed_array (GVariant *entry,
             int       field,
             gsize     element_size,
             gsize    *out_n)
{
  g_autoptr(GVariant) child = g_variant_get_child_value (entry, field);

  /* The data stays with @entry, which holds its children's bytes. */
  return g_variant_get_fixed_array (child, out_n, element_size);
}

/* Returns: (transfer full) (nullable): the dataset the entry holds for @stamp, and its
 * problems appended to @problems; NULL, with the reason logged, when it holds none. */
static KzDataset *
read_entry (GVariant    *entry,
            const Stamp *stamp,
            GPtrArray   *problems,
            const char **out_reason)
{
  Reader reader = { 0 };
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (unref_if_any);
  g_autoptr(GPtrArray) entry_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GVariant) version = NULL;
  g_autoptr(GVariant) path = NULL;
  guint32 magic, title_ref, description_ref;
  Stamp entry_stamp = { 0 };
  gboolean ok = TRUE;
  const char *title, *description;

  g_variant_get_child (entry, FIELD_MAGIC, "u", &magic);
  if (magic != MAGIC)
    {
      *out_reason = "written with another byte order or layout";
      return NULL;
    }

  version = g_variant_get_child_value (entry, FIELD_VERSION);
  path = g_variant_get_child_value (entry, FIELD_PATH);
  g_variant_get_child (entry, FIELD_STAMP, "(tttxx)", &entry_stamp.device, &entry_stamp.inode,
                       &entry_stamp.size, &entry_stamp.mtime_ns, &entry_stamp.ctime_ns);
  entry_stamp.path = (char *) g_variant_get_string (path, NULL);
  if (!g_str_equal (g_variant_get_string (version, NULL), entry_version ()))
    {
      *out_reason = "written by another version";
      return NULL;
    }
  if (!stamp_equal (&entry_stamp, stamp))
    {
      *out_reason = "the file has changed since";
      return NULL;
    }

  reader.strings = fixed_array (entry, FIELD_STRINGS, 1, &reader.strings_len);
  reader.areas = fixed_array (entry, FIELD_AREAS, sizeof (AreaRecord), &reader.n_areas);
  reader.kinds = fixed_array (entry, FIELD_KINDS, sizeof (KindRecord), &reader.n_kinds);
  reader.events = fixed_array (entry, FIELD_EVENTS, sizeof (EventRecord), &reader.n_events);
  reader.event_areas = fixed_array (entry, FIELD_EVENT_AREAS, sizeof (EventAreaRecord), &reader.n_event_areas);
  reader.source_refs = fixed_array (entry, FIELD_SOURCE_REFS, sizeof (guint32), &reader.n_source_refs);
  reader.quotes = fixed_array (entry, FIELD_QUOTES, sizeof (QuoteRecord), &reader.n_quotes);
  reader.sources = fixed_array (entry, FIELD_SOURCES, sizeof (SourceRecord), &reader.n_sources);
  reader.participants = fixed_array (entry, FIELD_PARTICIPANTS, sizeof (guint32), &reader.n_participants);
  reader.problems = fixed_array (entry, FIELD_PROBLEMS, sizeof (ProblemRecord), &reader.n_problems);
  g_variant_get_child (entry, FIELD_TITLE, "u", &title_ref);
  g_variant_get_child (entry, FIELD_DESCRIPTION, "u", &description_ref);

  if (reader.strings == NULL || !strings_valid (reader.strings, reader.strings_len))
    {
      *out_reason = "its strings are damaged";
      return NULL;
    }

  title = reader_string (&reader, title_ref, FALSE, &ok);
  description = reader_string (&reader, description_ref, TRUE, &ok);

  areas = g_ptr_array_new_with_free_func (g_object_unref);
  for (gsize i = 0; i < reader.n_areas && ok; i++)
    {
      const char *id = reader_string (&reader, reader.areas[i].id, FALSE, &ok);
      const char *name = reader_string (&reader, reader.areas[i].name, FALSE, &ok);
      const char *area_description = reader_string (&reader, reader.areas[i].description, TRUE, &ok);

      if (ok)
        g_ptr_array_add (areas, kz_area_new (id, name, reader.areas[i].rgb & 0xffffff, area_description));
    }

  kinds = g_ptr_array_new_with_free_func (g_object_unref);
  for (gsize i = 0; i < reader.n_kinds && ok; i++)
    {
      const char *id = reader_string (&reader, reader.kinds[i].id, FALSE, &ok);
      const char *name = reader_string (&reader, reader.kinds[i].name, FALSE, &ok);

      if (ok)
        g_ptr_array_add (kinds, kz_kind_new (id, name));
    }

  if (!ok || !read_problems (&reader, entry_problems))
    {
      *out_reason = "a reference in it is out of range";
      return NULL;
    }

  reader.area_objects = areas;
  reader.kind_objects = kinds;
  if (!read_events (&reader, events))
    {
      *out_reason = "an event in it is damaged";
      return NULL;
    }

  if (problems != NULL)
    g_ptr_array_extend_and_steal (problems, g_steal_pointer (&entry_problems));

  return kz_dataset_new (title, description, g_steal_pointer (&areas), g_steal_pointer (&kinds),
                         g_steal_pointer (&events));
}

static KzDataset *
lookup (KzDatasetCache *self,
        const Stamp    *stamp,
        GPtrArray      *problems)
{
  g_autofree char *path = entry_path (self, stamp->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) variant_bytes = NULL;
  g_autoptr(GVariant) entry = NULL;
  g_autofree char *contents = NULL;
  const char *reason = NULL;
  guint64 sum;
  gsize length;
  KzDataset *dataset = NULL;

  /* Read, not mapped: a copy truncated under us must not become a SIGBUS. */
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("%s: %s", path, error->message);
      return NULL;
    }

  if (length > HEADER_SIZE)
    memcpy (&sum, contents, sizeof sum);
  if (length <= HEADER_SIZE || sum != kz_dataset_cache_checksum ((const guint8 *) contents + HEADER_SIZE, length - HEADER_SIZE))
    reason = "it is damaged";
  else
    {
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      variant_bytes = g_bytes_new_from_bytes (bytes, HEADER_SIZE, length - HEADER_SIZE);
      entry = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENTRY_TYPE), variant_bytes, FALSE));
      dataset = read_entry (entry, stamp, problems, &reason);
    }
  if (dataset == NULL)
    {
      g_debug ("%s: not used for %s: %s", path, stamp->path, reason);
      g_unlink (path);
      return NULL;
    }

  /* Most recently opened, last to be evicted. */
  g_utime (path, NULL);
  g_debug ("%s: %u events for %s", path, kz_dataset_get_n_events (dataset), stamp->path);
  return dataset;
}

/**
 * kz_dataset_cache_load_file:
 * @problems: (nullable) (element-type KzProblem): where to append every problem found
 * @out_from_cache: (out) (optional): whether the dataset came from a copy
 *
 * Loads @file as kz_dataset_load_from_file_full() does, from the copy when there is one
 * for the file as it is now. A dataset parsed from a large enough file remembers the
 * file's identity as it was before reading, for kz_dataset_cache_store().
 *
 * Returns: (transfer full) (nullable):
 */
KzDataset *
kz_dataset_cache_load_file (KzDatasetCache         *self,
                            GFile                  *file,
                            GPtrArray              *problems,
                            KzDatasetProgressFunc   progress,
                            gpointer                progress_data,
                            GCancellable           *cancellable,
                            gboolean               *out_from_cache,
                            GError                **error)
{
  g_autofree char *path = NULL;
  Stamp *stamp = NULL;
  KzDataset *dataset;

  g_return_val_if_fail (KZ_IS_DATASET_CACHE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_from_cache != NULL)
    *out_from_cache = FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    stamp = stamp_read (path);
  if (stamp != NULL && (goffset) stamp->size < KZ_DATASET_CACHE_MIN_FILE_SIZE)
    g_clear_pointer (&stamp, stamp_free);

  if (stamp != NULL)
    {
      dataset = lookup (self, stamp, problems);
      if (dataset != NULL)
        {
          stamp_free (stamp);
          if (out_from_cache != NULL)
            *out_from_cache = TRUE;
          return dataset;
        }
    }

  dataset = kz_dataset_load_from_file_full (file, problems, progress, progress_data, cancellable, error);

  /* A file changed while it was read has no identity to keep its copy under. */
  if (dataset != NULL && stamp != NULL)
    {
      Stamp *after = stamp_read (path);

      if (after != NULL && stamp_equal (stamp, after))
        g_object_set_data_full (G_OBJECT (dataset), STAMP_KEY, g_steal_pointer (&stamp),
                                (GDestroyNotify) stamp_free);
      g_clear_pointer (&after, stamp_free);
    }
  g_clear_pointer (&stamp, stamp_free);

  return dataset;
}

/**
 * kz_dataset_cache_wants:
 *
 * Returns: whether @dataset was parsed from a file worth keeping a copy of
 */
gboolean
kz_dataset_cache_wants (KzDatasetCache *self,
                        KzDataset      *dataset)
{
  g_return_val_if_fail (KZ_IS_DATASET_CACHE (self), FALSE);
  g_return_val_if_fail (KZ_IS_DATASET (dataset), FALSE);

  return g_object_get_data (G_OBJECT (dataset), STAMP_KEY) != NULL;
}

/* ---- Writing ------------------------------------------------------------------------- */

typedef struct
{
  GString    *strings;
  GHashTable *offsets;   /* string → offset + 1; keys borrowed from the dataset */
} Writer;

static guint32
writer_string (Writer     *writer,
               const char *text)
{
  gpointer known;
  guint32 offset;

  if (text == NULL)
    return NONE;

  known = g_hash_table_lookup (writer->offsets, text);
  if (known != NULL)
    return GPOINTER_TO_UINT (known) - 1;

  offset = (guint32) writer->strings->len;
  g_string_append_len (writer->strings, text, (gssize) strlen (text) + 1);
  g_hash_table_insert (writer->offsets, (gpointer) text, GUINT_TO_POINTER (offset + 1));
  return offset;
}

/* Takes @array's data into a GVariant of @type without copying it. */
static GVariant *
array_variant (const char *type,
               GArray     *array)
{
  gsize size = (gsize) array->len * g_array_get_element_size (array);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_array_free (array, FALSE), size);

  return g_variant_new_from_bytes (G_VARIANT_TYPE (type), bytes, TRUE);
}

static GVariant *
build_entry (const Stamp *stamp,
             KzDataset   *dataset,
             GPtrArray   *problems,
             GError     **error)
{
  Writer writer = { g_string_new (NULL), g_hash_table_new (g_str_hash, g_str_equal) };
  GListModel *area_list = kz_dataset_get_areas (dataset);
  GListModel *kind_list = kz_dataset_get_kinds (dataset);
  guint n_events = kz_dataset_get_n_events (dataset);
  GArray *areas = g_array_new (FALSE, FALSE, sizeof (AreaRecord));
  GArray *kinds = g_array_new (FALSE, FALSE, sizeof (KindRecord));
  GArray *events = g_array_sized_new (FALSE, FALSE, sizeof (EventRecord), n_events);
  GArray *event_areas = g_array_new (FALSE, FALSE, sizeof (EventAreaRecord));
  GArray *source_refs = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (QuoteRecord));
  GArray *sources = g_array_new (FALSE, FALSE, sizeof (SourceRecord));
  GArray *participants = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *problem_records = g_array_new (FALSE, FALSE, sizeof (ProblemRecord));
  guint32 title, description;
  GVariant *entry;

  title = writer_string (&writer, kz_dataset_get_title (dataset));
  description = writer_string (&writer, kz_dataset_get_description (dataset));

  for (guint i = 0; i < g_list_model_get_n_items (area_list); i++)
    {
      g_autoptr(KzArea) area = g_list_model_get_item (area_list, i);
      AreaRecord record = {
        writer_string (&writer, kz_area_get_id (area)),
        writer_string (&writer, kz_area_get_name (area)),
        writer_string (&writer, kz_area_get_description (area)),
        kz_area_get_rgb (area),
      };

      g_array_append_val (areas, record);
    }

  for (guint i = 0; i < g_list_model_get_n_items (kind_list); i++)
    {
      g_autoptr(KzKind) kind = g_list_model_get_item (kind_list, i);
      KindRecord record = {
        writer_string (&writer, kz_kind_get_id (kind)),
        writer_string (&writer, kz_kind_get_name (kind)),
      };

      g_array_append_val (kinds, record);
    }

  for (guint i = 0; i < n_events; i++)
    {
      KzEvent *event = kz_dataset_get_event (dataset, i);
      const char * const *event_participants = kz_event_get_participants (event);
      EventRecord record = {
        .id = writer_string (&writer, kz_event_get_id (event)),
        .title = writer_string (&writer, kz_event_get_title (event)),
        .date = pack_date (kz_event_get_date (event)),
        .end = pack_date (kz_event_get_end (event)),
        .kind = kz_event_get_kind (event) != NULL ? kz_kind_get_index (kz_event_get_kind (event)) : NONE,
        .round = kz_event_get_round (event),
        .place = writer_string (&writer, kz_event_get_place (event)),
        .summary = writer_string (&writer, kz_event_get_summary (event)),
        .first_participant = participants->len,
        .first_area = event_areas->len,
        .n_areas = kz_event_get_n_areas (event),
        .first_quote = quotes->len,
        .n_quotes = kz_event_get_n_quotes (event),
        .first_source = sources->len,
        .n_sources = kz_event_get_n_sources (event),
      };

      for (guint j = 0; event_participants[j] != NULL; j++)
        {
          guint32 ref = writer_string (&writer, event_participants[j]);

          g_array_append_val (participants, ref);
          record.n_participants++;
        }

      for (guint j = 0; j < record.n_areas; j++)
        {
          const KzEventArea *entry_area = kz_event_get_area (event, j);
          EventAreaRecord area_record = {
            kz_area_get_index (entry_area->area), entry_area->stage,
            writer_string (&writer, entry_area->note), source_refs->len, entry_area->n_sources,
          };

          g_array_append_vals (source_refs, entry_area->sources, entry_area->n_sources);
          g_array_append_val (event_areas, area_record);
        }

      for (guint j = 0; j < record.n_quotes; j++)
        {
          const KzQuote *quote = kz_event_get_quote (event, j);
          QuoteRecord quote_record = { writer_string (&writer, quote->text), writer_string (&writer, quote->by) };

          g_array_append_val (quotes, quote_record);
        }

      for (guint j = 0; j < record.n_sources; j++)
        {
          const KzSource *source = kz_event_get_source (event, j);
          SourceRecord source_record = {
            writer_string (&writer, source->title), writer_string (&writer, source->publisher),
            writer_string (&writer, source->url), pack_date (source->has_date ? &source->date : NULL),
          };

          g_array_append_val (sources, source_record);
        }

      g_array_append_val (events, record);
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const KzProblem *problem = g_ptr_array_index (problems, i);
      ProblemRecord record = {
        problem->severity, writer_string (&writer, problem->path != NULL ? problem->path : ""),
        problem->line, problem->column, writer_string (&writer, problem->message),
      };

      g_array_append_val (problem_records, record);
    }

  g_hash_table_unref (writer.offsets);

  /* References are 32-bit offsets: a file within the loader's limit stays far below. */
  if (writer.strings->len >= NONE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "too many strings for a cached copy");
      g_string_free (writer.strings, TRUE);
      g_array_unref (areas);
      g_array_unref (kinds);
      g_array_unref (events);
      g_array_unref (event_areas);
      g_array_unref (source_refs);
      g_array_unref (quotes);
      g_array_unref (sources);
      g_array_unref (participants);
      g_array_unref (problem_records);
      return NULL;
    }

  {
    gsize strings_len = writer.strings->len;
    g_autoptr(GBytes) strings = g_bytes_new_take (g_string_free (writer.strings, FALSE), strings_len);

    entry = g_variant_new ("(uss(tttxx)@ayuu@a(uuuu)@a(uu)@a(uuuuuuuuuuuuuuuu)@a(uuuuu)@au@a(uu)@a(uuuu)@au@a(uuuuu))",
                           MAGIC, entry_version (), stamp->path,
                           stamp->device, stamp->inode, stamp->size, stamp->mtime_ns, stamp->ctime_ns,
                           g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, strings, TRUE),
                           title, description,
                           array_variant ("a(uuuu)", areas),
                           array_variant ("a(uu)", kinds),
                           array_variant ("a(uuuuuuuuuuuuuuuu)", events),
                           array_variant ("a(uuuuu)", event_areas),
                           array_variant ("au", source_refs),
                           array_variant ("a(uu)", quotes),
                           array_variant ("a(uuuu)", sources),
                           array_variant ("au", participants),
                           array_variant ("a(uuuuu)", problem_records));
  }

  return g_variant_ref_sink (entry);
}

typedef struct
{
  char   *path;
  goffset size;
  gint64  mtime;
} EntryFile;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const EntryFile *x = a, *y = b;

  return (x->mtime < y->mtime) - (x->mtime > y->mtime);
}

static void
clear_entry_file (gpointer data)
{
  g_free (((EntryFile *) data)->path);
}

/* Keeps the most recently opened entries within MAX_ENTRIES and MAX_TOTAL_SIZE, and
 * removes what an interrupted write left (a temporary file over an hour old). */
static void
evict (KzDatasetCache *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (EntryFile));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  goffset total = 0;
  const char *name;

  if (dir == NULL)
    return;
  g_array_set_clear_func (entries, clear_entry_file);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->directory, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      if (g_str_has_suffix (name, ".cache"))
        {
          EntryFile entry = { g_steal_pointer (&path), st.st_size, st.st_mtime };

          g_array_append_val (entries, entry);
        }
      /* KzAtomicFile's temporary files are ".<entry name>.XXXXXX" */
      else if (name[0] == '.' && strstr (name, ".cache.") != NULL && now - st.st_mtime > 3600)
        g_unlink (path);
    }

  g_array_sort (entries, compare_newest_first);
  for (guint i = 0; i < entries->len; i++)
    {
      EntryFile *entry = &g_array_index (entries, EntryFile, i);

      total += entry->size;
      if (i >= MAX_ENTRIES || total > MAX_TOTAL_SIZE)
        {
          g_debug ("evicting %s", entry->path);
          g_unlink (entry->path);
        }
    }
}

/**
 * kz_dataset_cache_store:
 * @dataset: as kz_dataset_cache_load_file() parsed it
 * @problems: (nullable) (element-type KzProblem): the problems that load found
 *
 * Writes the copy of @dataset, atomically, unless kz_dataset_cache_wants() says no (then
 * it does nothing and returns %TRUE). Safe on any thread while the dataset is in use
 * elsewhere: it only reads it.
 *
 * Returns: %FALSE with @error set if the copy could not be written
 */
gboolean
kz_dataset_cache_store (KzDatasetCache *self,
                        KzDataset      *dataset,
                        GPtrArray      *problems,
                        GError        **error)
{
  const Stamp *stamp;
  g_autoptr(GVariant) entry = NULL;
  g_autoptr(KzAtomicFile) file = NULL;
  g_autofree char *path = NULL;
  guint64 sum;

  g_return_val_if_fail (KZ_IS_DATASET_CACHE (self), FALSE);
  g_return_val_if_fail (KZ_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stamp = g_object_get_data (G_OBJECT (dataset), STAMP_KEY);
  if (stamp == NULL)
    return TRUE;

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", self->directory, g_strerror (saved_errno));
      return FALSE;
    }

  entry = build_entry (stamp, dataset, problems, error);
  if (entry == NULL)
    return FALSE;

  /* A temporary file renamed into place: a reader never sees half a copy. */
  path = entry_path (self, stamp->path);
  sum = kz_dataset_cache_checksum (g_variant_get_data (entry), g_variant_get_size (entry));
  file = kz_atomic_file_new (path, error);
  if (file == NULL ||
      !kz_atomic_file_write (file, &sum, sizeof sum, error) ||
      !kz_atomic_file_write (file, g_variant_get_data (entry), g_variant_get_size (entry), error) ||
      !kz_atomic_file_commit (file, error))
    return FALSE;

  g_debug ("%s: stored %u events for %s (%" G_GSIZE_FORMAT " bytes)", path,
           kz_dataset_get_n_events (dataset), stamp->path, g_variant_get_size (entry));
  evict (self);
  return TRUE;
}
