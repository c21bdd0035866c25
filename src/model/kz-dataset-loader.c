/* kz-dataset-loader.c — reads and validates format v1 into a KzDataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes. kz_json_scan() checks the bytes are one well-formed JSON document that
 * json-glib handles safely, and finds each element of the "events" array. Then json-glib
 * parses the document without its events, and each event on its own — on several threads
 * for a large file, each tree freed as soon as its event is built. One walk checks every
 * rule of format v1 and builds the model; every problem is collected with its JSON path,
 * and a file with any error yields no dataset at all.
 */
#define G_LOG_DOMAIN "kz-dataset-loader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kz-dataset-loader.h"
#include "kz-json-scan.h"

G_DEFINE_QUARK (kz-dataset-error-quark, kz_dataset_error)

G_DEFINE_BOXED_TYPE (KzProblem, kz_problem, kz_problem_copy, kz_problem_free)

KzProblem *
kz_problem_copy (const KzProblem *problem)
{
  KzProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);

  copy = g_new0 (KzProblem, 1);
  copy->severity = problem->severity;
  copy->path = g_strdup (problem->path);
  copy->line = problem->line;
  copy->column = problem->column;
  copy->message = g_strdup (problem->message);
  return copy;
}

void
kz_problem_free (KzProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * kz_problem_to_string:
 *
 * The problem as the validator prints it after the file name:
 * “events[3].date: message”, “12:5: message”, or “message” for the whole file;
 * warnings say so.
 */
char *
kz_problem_to_string (const KzProblem *problem)
{
  GString *out;

  g_return_val_if_fail (problem != NULL, NULL);

  out = g_string_new (NULL);
  if (problem->line > 0)
    g_string_append_printf (out, "%u:%u: ", problem->line, problem->column);
  else if (problem->path != NULL && problem->path[0] != '\0')
    g_string_append_printf (out, "%s: ", problem->path);

  if (problem->severity == KZ_PROBLEM_WARNING)
    /* Translators: prefix of a validator message that does not stop a file loading */
    g_string_append (out, _("warning: "));

  g_string_append (out, problem->message);
  return g_string_free (out, FALSE);
}

/* A JSON path as a chain of stack frames, rendered only when a problem needs it, so the
 * walk allocates nothing for paths in a valid file. */
typedef struct _Path Path;
struct _Path
{
  const Path *parent;
  const char *member;   /* NULL for an array element */
  guint       index;
};

static void
path_append (GString    *out,
             const Path *path)
{
  if (path == NULL)
    return;

  path_append (out, path->parent);
  if (path->member != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, path->member);
    }
  else
    g_string_append_printf (out, "[%u]", path->index);
}

static char *
path_to_string (const Path *path)
{
  GString *out = g_string_new (NULL);

  path_append (out, path);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GPtrArray  *problems;      /* KzProblem */
  guint       n_errors;
  guint       n_warnings;

  GPtrArray  *areas;         /* KzArea, in file order */
  GHashTable *areas_by_id;   /* borrowed */
  GPtrArray  *kinds;         /* KzKind */
  GHashTable *kinds_by_id;   /* borrowed */
  gboolean    kinds_declared;
  gboolean    areas_unreadable;  /* "areas" is missing or not an array: don't cascade */
  GPtrArray  *events;        /* KzEvent */
  GHashTable *event_ids;     /* set of ids (owned) */

  /* Shared by the threads of one load: */
  GCancellable          *cancellable;
  KzDatasetProgressFunc  progress;
  gpointer               progress_data;
  gsize                  total_bytes;
  gsize                 *done_bytes;   /* updated atomically */
  gint64                 start_time;   /* for the timings G_MESSAGES_DEBUG shows */
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->problems, g_ptr_array_unref);
  g_clear_pointer (&loader->areas_by_id, g_hash_table_unref);
  g_clear_pointer (&loader->kinds_by_id, g_hash_table_unref);
  g_clear_pointer (&loader->event_ids, g_hash_table_unref);
  g_clear_pointer (&loader->areas, g_ptr_array_unref);
  g_clear_pointer (&loader->kinds, g_ptr_array_unref);
  g_clear_pointer (&loader->events, g_ptr_array_unref);
}

static void
add_problem (Loader            *loader,
             KzProblemSeverity  severity,
             const Path        *path,
             guint              line,
             guint              column,
             char              *message)  /* (transfer full) */
{
  KzProblem *problem = g_new0 (KzProblem, 1);

  problem->severity = severity;
  problem->path = path_to_string (path);
  problem->line = line;
  problem->column = column;
  problem->message = message;
  g_ptr_array_add (loader->problems, problem);

  if (severity == KZ_PROBLEM_ERROR)
    loader->n_errors++;
  else
    loader->n_warnings++;
}

static void error_at (Loader *loader, const Path *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
error_at (Loader     *loader,
          const Path *path,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  add_problem (loader, KZ_PROBLEM_ERROR, path, 0, 0, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
warning_at (Loader     *loader,
            const Path *path,
            char       *message)
{
  add_problem (loader, KZ_PROBLEM_WARNING, path, 0, 0, message);
}

/* ---- Positions --------------------------------------------------------------------- */

static void
offset_to_line_column (const char *data,
                       gsize       offset,
                       guint      *out_line,
                       guint      *out_column)
{
  const char *line_start = data;
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          line_start = data + i + 1;
        }
    }

  *out_line = line;
  /* Columns count characters, as editors do; the bytes before offset are valid UTF-8. */
  *out_column = (guint) g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

static void
syntax_problem (Loader     *loader,
                const char *data,
                gsize       offset,
                char       *message)
{
  guint line, column;

  offset_to_line_column (data, offset, &line, &column);
  add_problem (loader, KZ_PROBLEM_ERROR, NULL, line, column, message);
}

/* json-glib 1.6 puts the position at the front of its message: "<data>:3:14: Parse error: …". */
static void
json_glib_problem (Loader       *loader,
                   const GError *error)
{
  const char *message = error->message;
  guint line = 0, column = 0;
  const char *rest;
  g_autofree char *valid_rest = NULL;

  if (g_str_has_prefix (message, "<data>:"))
    {
      char *endp = NULL;

      line = (guint) g_ascii_strtoull (message + strlen ("<data>:"), &endp, 10);
      if (endp != NULL && *endp == ':')
        column = (guint) g_ascii_strtoull (endp + 1, &endp, 10);
      if (endp != NULL && *endp == ':')
        message = endp + 1;
      while (*message == ' ')
        message++;
    }

  rest = g_str_has_prefix (message, "Parse error: ") ? message + strlen ("Parse error: ") : message;
  /* json-glib quotes the offending text cut at a byte count, which can split a character. */
  valid_rest = g_utf8_make_valid (rest, -1);
  add_problem (loader, KZ_PROBLEM_ERROR, NULL, line, column,
               /* Translators: %s is json-glib's own description, in English */
               g_strdup_printf (_("not well-formed JSON: %s"), valid_rest));
}

/* ---- Checking members -------------------------------------------------------------- */

static const char *
node_type_description (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if (la > 64 || lb > 64)
    return G_MAXUINT;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/* Unknown members are kept visible as warnings: a typo must never silently drop data. */
static void
check_members (Loader            *loader,
               const Path        *path,
               JsonObject        *object,
               const char * const *known)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      const char *best = NULL;
      guint best_distance = 3;

      if (g_strv_contains (known, name))
        continue;

      for (guint i = 0; known[i] != NULL; i++)
        {
          guint distance = edit_distance (name, known[i]);

          if (distance < best_distance && distance < strlen (known[i]))
            {
              best = known[i];
              best_distance = distance;
            }
        }

      if (best != NULL)
        warning_at (loader, path,
                    g_strdup_printf (_("unknown member “%s” — did you mean “%s”?"), name, best));
      else
        warning_at (loader, path,
                    g_strdup_printf (_("unknown member “%s” is ignored"), name));
    }
}

/* Returns the member's node, or NULL (after reporting it when @required) if absent. */
static JsonNode *
get_member (Loader     *loader,
            const Path *path,
            JsonObject *object,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && required)
    error_at (loader, path, _("missing required member “%s”"), name);

  return node;
}

static const char *
get_string (Loader     *loader,
            const Path *parent,
            JsonObject *object,
            const char *name,
            gboolean    required)
{
  Path path = { parent, name, 0 };
  JsonNode *node = get_member (loader, parent, object, name, required);
  const char *value;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      error_at (loader, &path, _("expected a string, found %s"), node_type_description (node));
      return NULL;
    }

  value = json_node_get_string (node);
  if (required && value[0] == '\0')
    {
      error_at (loader, &path, _("must not be empty"));
      return NULL;
    }

  return value;
}

static JsonArray *
get_array (Loader     *loader,
           const Path *parent,
           JsonObject *object,
           const char *name,
           gboolean    required)
{
  Path path = { parent, name, 0 };
  JsonNode *node = get_member (loader, parent, object, name, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      error_at (loader, &path, _("expected an array, found %s"), node_type_description (node));
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
as_object (Loader     *loader,
           const Path *path,
           JsonNode   *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      error_at (loader, path, _("expected an object, found %s"), node_type_description (node));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
is_valid_id (const char *id)
{
  if (!(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;

  return TRUE;
}

/* Checks the id's shape and that @seen does not hold it yet. */
static const char *
get_id (Loader     *loader,
        const Path *parent,
        JsonObject *object,
        GHashTable *seen,
        const char *list_name)
{
  Path path = { parent, "id", 0 };
  const char *id = get_string (loader, parent, object, "id", TRUE);

  if (id == NULL)
    return NULL;

  if (!is_valid_id (id))
    {
      error_at (loader, &path,
                _("“%s” is not a valid id: use lowercase letters, digits and hyphens, "
                  "starting with a letter or digit"), id);
      return NULL;
    }

  if (g_hash_table_contains (seen, id))
    {
      error_at (loader, &path, _("the id “%s” is used by another entry in %s"), id, list_name);
      return NULL;
    }

  return id;
}

static gboolean
parse_color (const char *text,
             guint32    *out_rgb)
{
  guint32 rgb = 0;

  if (text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      rgb = (rgb << 4) | (guint32) digit;
    }

  *out_rgb = rgb;
  return TRUE;
}

/* Colours for areas that do not name one: distinct hues of even lightness. */
static const guint32 fallback_colors[] = {
  0x1c71d8, 0xc64600, 0x26a269, 0x9141ac, 0xa51d2d, 0x986a44, 0x2190a4, 0x63452c,
};

static gboolean
get_date (Loader     *loader,
          const Path *parent,
          JsonObject *object,
          const char *name,
          gboolean    required,
          KzDate     *out_date)
{
  Path path = { parent, name, 0 };
  const char *text = get_string (loader, parent, object, name, required);
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return FALSE;

  if (!kz_date_parse (text, out_date, &error))
    {
      error_at (loader, &path, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_web_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

static void
load_areas (Loader     *loader,
            JsonObject *root)
{
  static const char * const known[] = { "id", "name", "color", "description", NULL };
  Path areas_path = { NULL, "areas", 0 };
  JsonArray *array = get_array (loader, NULL, root, "areas", TRUE);

  if (array == NULL)
    {
      loader->areas_unreadable = TRUE;
      return;
    }

  if (json_array_get_length (array) == 0)
    error_at (loader, &areas_path, _("a dataset needs at least one area"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path path = { &areas_path, NULL, i };
      Path color_path = { &path, "color", 0 };
      JsonObject *object = as_object (loader, &path, json_array_get_element (array, i));
      const char *id, *name, *color, *description;
      guint32 rgb = fallback_colors[i % G_N_ELEMENTS (fallback_colors)];
      KzArea *area;

      if (object == NULL)
        continue;

      check_members (loader, &path, object, known);
      id = get_id (loader, &path, object, loader->areas_by_id, "areas");
      name = get_string (loader, &path, object, "name", TRUE);
      color = get_string (loader, &path, object, "color", FALSE);
      description = get_string (loader, &path, object, "description", FALSE);

      /* A bad colour is reported, but the area stays known so that the events naming it
       * do not each report it as undeclared. */
      if (color != NULL && !parse_color (color, &rgb))
        error_at (loader, &color_path, _("“%s” is not a colour; write #rrggbb, e.g. #1c71d8"), color);

      if (id == NULL || name == NULL)
        continue;

      area = kz_area_new (id, name, rgb, description);
      g_ptr_array_add (loader->areas, area);
      g_hash_table_insert (loader->areas_by_id, (gpointer) kz_area_get_id (area), area);
    }
}

static void
load_kinds (Loader     *loader,
            JsonObject *root)
{
  static const char * const known[] = { "id", "name", NULL };
  Path kinds_path = { NULL, "kinds", 0 };
  JsonArray *array = get_array (loader, NULL, root, "kinds", FALSE);

  if (array == NULL)
    return;

  loader->kinds_declared = TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path path = { &kinds_path, NULL, i };
      JsonObject *object = as_object (loader, &path, json_array_get_element (array, i));
      const char *id, *name;
      KzKind *kind;

      if (object == NULL)
        continue;

      check_members (loader, &path, object, known);
      id = get_id (loader, &path, object, loader->kinds_by_id, "kinds");
      name = get_string (loader, &path, object, "name", TRUE);
      if (id == NULL || name == NULL)
        continue;

      kind = kz_kind_new (id, name);
      g_ptr_array_add (loader->kinds, kind);
      g_hash_table_insert (loader->kinds_by_id, (gpointer) kz_kind_get_id (kind), kind);
    }
}

static KzKind *
resolve_kind (Loader     *loader,
              const Path *path,
              const char *id)
{
  KzKind *kind = g_hash_table_lookup (loader->kinds_by_id, id);

  if (kind != NULL)
    return kind;

  if (loader->kinds_declared)
    {
      error_at (loader, path, _("“%s” is not one of the kinds declared in “kinds”"), id);
      return NULL;
    }

  /* Without a "kinds" list any kind id goes, named after itself. */
  if (!is_valid_id (id))
    {
      error_at (loader, path,
                _("“%s” is not a valid id: use lowercase letters, digits and hyphens, "
                  "starting with a letter or digit"), id);
      return NULL;
    }

  kind = kz_kind_new (id, id);
  g_ptr_array_add (loader->kinds, kind);
  g_hash_table_insert (loader->kinds_by_id, (gpointer) kz_kind_get_id (kind), kind);
  return kind;
}

static void
load_round (Loader     *loader,
            const Path *parent,
            JsonObject *object,
            KzEvent    *event)
{
  Path path = { parent, "round", 0 };
  JsonNode *node = json_object_get_member (object, "round");
  gint64 value;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      error_at (loader, &path, _("expected a number, found %s"), node_type_description (node));
      return;
    }

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      error_at (loader, &path, _("a round is a whole number such as 18, not %g"),
                json_node_get_double (node));
      return;
    }

  value = json_node_get_int (node);
  if (value < 1)
    error_at (loader, &path, _("a round is a positive number, not %lld"), (long long) value);
  else if (value > G_MAXINT32)
    error_at (loader, &path, _("the round %lld is too large"), (long long) value);
  else if (event != NULL)
    kz_event_set_round (event, (guint) value);
}

static void
load_participants (Loader     *loader,
                   const Path *parent,
                   JsonObject *object,
                   KzEvent    *event)
{
  Path array_path = { parent, "participants", 0 };
  JsonArray *array = get_array (loader, parent, object, "participants", FALSE);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) participants = NULL;

  if (array == NULL)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path path = { &array_path, NULL, i };
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        error_at (loader, &path, _("expected a string, found %s"), node_type_description (node));
      else
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  participants = g_strv_builder_end (builder);
  if (event != NULL)
    kz_event_set_participants (event, (const char * const *) participants);
}

static guint
load_sources (Loader     *loader,
              const Path *parent,
              JsonObject *object,
              KzEvent    *event)
{
  static const char * const known[] = { "title", "publisher", "url", "date", NULL };
  Path array_path = { parent, "sources", 0 };
  JsonArray *array = get_array (loader, parent, object, "sources", FALSE);

  if (array == NULL)
    return 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path path = { &array_path, NULL, i };
      Path url_path = { &path, "url", 0 };
      JsonObject *source = as_object (loader, &path, json_array_get_element (array, i));
      const char *title, *publisher, *url;
      KzDate date;
      gboolean has_date;

      if (source == NULL)
        continue;

      check_members (loader, &path, source, known);
      title = get_string (loader, &path, source, "title", TRUE);
      publisher = get_string (loader, &path, source, "publisher", FALSE);
      url = get_string (loader, &path, source, "url", FALSE);
      has_date = get_date (loader, &path, source, "date", FALSE, &date);

      /* Sources become clickable links: nothing but a web address may get through. */
      if (url != NULL && !is_web_url (url))
        error_at (loader, &url_path,
                  _("“%s” is not a web address; sources link to http:// or https:// pages"), url);
      else if (event != NULL)
        kz_event_add_source (event, title, publisher, url, has_date ? &date : NULL);
    }

  return json_array_get_length (array);
}

static void
load_quotes (Loader     *loader,
             const Path *parent,
             JsonObject *object,
             KzEvent    *event)
{
  static const char * const known[] = { "text", "by", NULL };
  Path array_path = { parent, "quotes", 0 };
  JsonArray *array = get_array (loader, parent, object, "quotes", FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path path = { &array_path, NULL, i };
      JsonObject *quote = as_object (loader, &path, json_array_get_element (array, i));
      const char *text, *by;

      if (quote == NULL)
        continue;

      check_members (loader, &path, quote, known);
      text = get_string (loader, &path, quote, "text", TRUE);
      by = get_string (loader, &path, quote, "by", FALSE);
      if (text != NULL && event != NULL)
        kz_event_add_quote (event, text, by);
    }
}

static void
load_source_indices (Loader     *loader,
                     const Path *parent,
                     JsonObject *object,
                     guint       n_sources,
                     GArray     *out_indices)
{
  Path array_path = { parent, "sources", 0 };
  JsonArray *array = get_array (loader, parent, object, "sources", FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path path = { &array_path, NULL, i };
      JsonNode *node = json_array_get_element (array, i);
      gint64 index;
      guint source;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        {
          error_at (loader, &path, _("expected the index of one of the event’s sources, found %s"),
                    node_type_description (node));
          continue;
        }

      index = json_node_get_int (node);
      if (index < 0 || (guint64) index >= n_sources)
        {
          if (n_sources == 0)
            error_at (loader, &path,
                      _("source %lld does not exist: the event lists no sources"),
                      (long long) index);
          else
            error_at (loader, &path,
                      _("source %lld does not exist: the event’s sources are "
                        "numbered 0 to %u"), (long long) index, n_sources - 1);
          continue;
        }

      source = (guint) index;
      g_array_append_val (out_indices, source);
    }
}

static void
load_event_areas (Loader     *loader,
                  const Path *parent,
                  JsonObject *object,
                  guint       n_sources,
                  KzEvent    *event)
{
  static const char * const known[] = { "area", "stage", "note", "sources", NULL };
  Path array_path = { parent, "areas", 0 };
  JsonArray *array = get_array (loader, parent, object, "areas", TRUE);
  g_autoptr(GHashTable) seen = NULL;

  if (array == NULL)
    return;

  if (json_array_get_length (array) == 0)
    {
      error_at (loader, &array_path,
                _("an event needs at least one area entry saying what it touched"));
      return;
    }

  seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path path = { &array_path, NULL, i };
      Path area_path = { &path, "area", 0 };
      Path stage_path = { &path, "stage", 0 };
      JsonObject *entry = as_object (loader, &path, json_array_get_element (array, i));
      g_autoptr(GArray) indices = NULL;
      const char *area_id, *stage_text, *note;
      KzArea *area = NULL;
      KzStage stage = KZ_STAGE_NONE;

      if (entry == NULL)
        continue;

      check_members (loader, &path, entry, known);
      area_id = get_string (loader, &path, entry, "area", TRUE);
      stage_text = get_string (loader, &path, entry, "stage", TRUE);
      note = get_string (loader, &path, entry, "note", FALSE);
      indices = g_array_new (FALSE, FALSE, sizeof (guint));
      load_source_indices (loader, &path, entry, n_sources, indices);

      if (area_id != NULL)
        {
          area = g_hash_table_lookup (loader->areas_by_id, area_id);
          if (area == NULL)
            {
              if (!loader->areas_unreadable)
                error_at (loader, &area_path,
                          _("“%s” is not one of the areas declared in “areas”"), area_id);
            }
          else if (g_hash_table_contains (seen, area))
            {
              error_at (loader, &area_path,
                        _("the area “%s” appears more than once in this event"), area_id);
              area = NULL;
            }
          else
            g_hash_table_add (seen, area);
        }

      if (stage_text != NULL && !kz_stage_from_string (stage_text, &stage))
        error_at (loader, &stage_path,
                  _("“%s” is not a stage; use discussed, committed, agreed or mechanism"),
                  stage_text);

      if (event != NULL && area != NULL && stage != KZ_STAGE_NONE)
        kz_event_add_area (event, area, stage, note,
                           (const guint *) (gpointer) indices->data, indices->len);
    }
}

/* Returns: (transfer none) (nullable): the event's id as kept in loader->event_ids */
static const char *
load_event (Loader     *loader,
            const Path *path,
            JsonObject *object)
{
  static const char * const known[] = {
    "id", "date", "end", "kind", "round", "title", "place", "participants", "summary",
    "areas", "quotes", "sources", NULL
  };
  Path end_path = { path, "end", 0 };
  Path kind_path = { path, "kind", 0 };
  const char *id, *title, *kind_id, *place, *summary;
  gboolean has_date, has_end;
  KzDate date, end;
  g_autoptr(KzEvent) event = NULL;
  KzKind *kind = NULL;
  guint n_sources;
  guint errors_before = loader->n_errors;

  check_members (loader, path, object, known);
  id = get_id (loader, path, object, loader->event_ids, "events");
  has_date = get_date (loader, path, object, "date", TRUE, &date);
  has_end = get_date (loader, path, object, "end", FALSE, &end);
  title = get_string (loader, path, object, "title", TRUE);
  kind_id = get_string (loader, path, object, "kind", FALSE);
  place = get_string (loader, path, object, "place", FALSE);
  summary = get_string (loader, path, object, "summary", FALSE);

  if (has_date && has_end && kz_date_get_last_day (&end) < kz_date_get_first_day (&date))
    {
      g_autofree char *end_text = kz_date_to_iso (&end);
      g_autofree char *date_text = kz_date_to_iso (&date);

      error_at (loader, &end_path, _("the end %s is before the date %s"), end_text, date_text);
      has_end = FALSE;
    }

  if (kind_id != NULL)
    kind = resolve_kind (loader, &kind_path, kind_id);

  /* The event is built only while its own members are sound; the checks below go on
   * regardless, so that every problem in it is listed. */
  if (id != NULL && has_date && title != NULL && loader->n_errors == errors_before)
    event = kz_event_new (id, &date, title);

  if (event != NULL)
    {
      kz_event_set_end (event, has_end ? &end : NULL);
      kz_event_set_kind (event, kind);
      kz_event_set_place (event, place);
      kz_event_set_summary (event, summary);
    }

  load_round (loader, path, object, event);
  load_participants (loader, path, object, event);
  n_sources = load_sources (loader, path, object, event);
  load_event_areas (loader, path, object, n_sources, event);
  load_quotes (loader, path, object, event);

  if (event != NULL && loader->n_errors == errors_before)
    g_ptr_array_add (loader->events, g_steal_pointer (&event));

  if (id == NULL)
    return NULL;

  {
    char *kept = g_strdup (id);

    g_hash_table_add (loader->event_ids, kept);
    return kept;
  }
}

static void
load_events (Loader     *loader,
             JsonObject *root)
{
  Path events_path = { NULL, "events", 0 };
  JsonArray *array = get_array (loader, NULL, root, "events", TRUE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path path = { &events_path, NULL, i };
      JsonObject *object = as_object (loader, &path, json_array_get_element (array, i));

      if (object != NULL)
        load_event (loader, &path, object);
    }
}

/* Events one slice at a time: json-glib builds a small tree, the event is checked and built,
 * and the tree goes at once. Large files are shared out among threads in contiguous
 * chunks, each with its own parser and problem list, merged afterwards in file order. */
typedef struct
{
  Loader      loader;
  const char *data;
  GArray     *slices;
  guint       first;
  guint       end;
  GArray     *ids;      /* IdAt, for the duplicates check across chunks */
  GThread    *thread;
} Chunk;

typedef struct
{
  const char *id;       /* owned by the chunk's loader.event_ids */
  guint       index;
} IdAt;

/* A chunk's share of the events needs at least this many to be worth a thread. */
#define EVENTS_PER_THREAD 4096

/* Events handed to json-glib in one call: its per-call set-up costs about as much as a
 * small event, and a batch's tree is still small. */
#define EVENTS_PER_PARSE 128

static void
load_slice_node (Chunk    *chunk,
                 guint     index,
                 JsonNode *node)
{
  Path events_path = { NULL, "events", 0 };
  Path path = { &events_path, NULL, index };
  JsonObject *object = as_object (&chunk->loader, &path, node);
  const char *id;

  if (object == NULL)
    return;

  id = load_event (&chunk->loader, &path, object);
  if (id != NULL)
    g_array_append_val (chunk->ids, ((IdAt) { id, index }));
}

static gpointer
load_chunk (gpointer data)
{
  Chunk *chunk = data;
  /* Not json_parser_new_immutable(): sealing hashes every object, and the trees live for
   * one batch only. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) batch = g_string_new (NULL);

  for (guint first = chunk->first; first < chunk->end; first += EVENTS_PER_PARSE)
    {
      guint end = MIN (first + EVENTS_PER_PARSE, chunk->end);
      const KzJsonSlice *a = &g_array_index (chunk->slices, KzJsonSlice, first);
      const KzJsonSlice *b = &g_array_index (chunk->slices, KzJsonSlice, end - 1);
      g_autoptr(GError) error = NULL;
      JsonArray *array;
      gsize batch_bytes = b->offset + b->length - a->offset;
      gsize done;

      if (g_cancellable_is_cancelled (chunk->loader.cancellable))
        break;

      /* Every chunk counts its bytes; the loading thread (chunk 0) reports the sum. */
      done = (gsize) g_atomic_pointer_add (chunk->loader.done_bytes, (gssize) batch_bytes) + batch_bytes;
      if (chunk->thread == NULL && chunk->loader.progress != NULL)
        chunk->loader.progress (done, chunk->loader.total_bytes, chunk->loader.progress_data);

      /* Between consecutive events the file holds only a comma and blanks, so the bytes
       * from the first to the last of the batch, in brackets, are an array of them. */
      g_string_truncate (batch, 0);
      g_string_append_c (batch, '[');
      g_string_append_len (batch, chunk->data + a->offset, (gssize) (b->offset + b->length - a->offset));
      g_string_append_c (batch, ']');

      /* The scan has checked the syntax; json-glib failing here would be a bug in one of
       * the two, reported rather than hidden. */
      if (!json_parser_load_from_data (parser, batch->str, (gssize) batch->len, &error))
        {
          Path events_path = { NULL, "events", 0 };
          Path path = { &events_path, NULL, first };

          error_at (&chunk->loader, &path, _("not well-formed JSON: %s"), error->message);
          continue;
        }

      array = json_node_get_array (json_parser_get_root (parser));
      g_assert (json_array_get_length (array) == end - first);
      for (guint i = first; i < end; i++)
        load_slice_node (chunk, i, json_array_get_element (array, i - first));
    }

  return NULL;
}

static void
load_event_slices (Loader     *loader,
                   const char *data,
                   GArray     *slices)
{
  Path events_path = { NULL, "events", 0 };
  guint n_chunks = 1;
  g_autofree Chunk *chunks = NULL;

  /* Implicit kinds (no "kinds" list) are created as events name them: one thread only. */
  if (loader->kinds_declared)
    n_chunks = CLAMP (slices->len / EVENTS_PER_THREAD, 1, MIN (g_get_num_processors (), 16));

  chunks = g_new0 (Chunk, n_chunks);
  for (guint k = 0; k < n_chunks; k++)
    {
      Chunk *chunk = &chunks[k];

      chunk->loader = *loader;
      chunk->loader.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
      chunk->loader.n_errors = 0;
      chunk->loader.n_warnings = 0;
      chunk->loader.events = g_ptr_array_new_with_free_func (g_object_unref);
      chunk->loader.event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      chunk->data = data;
      chunk->slices = slices;
      chunk->first = (guint) ((guint64) slices->len * k / n_chunks);
      chunk->end = (guint) ((guint64) slices->len * (k + 1) / n_chunks);
      chunk->ids = g_array_new (FALSE, FALSE, sizeof (IdAt));

      if (k > 0)
        chunk->thread = g_thread_new ("kz-loader", load_chunk, chunk);
    }

  load_chunk (&chunks[0]);
  g_debug ("first of %u chunks done: %.0f ms", n_chunks,
           (g_get_monotonic_time () - loader->start_time) / 1000.0);

  for (guint k = 0; k < n_chunks; k++)
    {
      Chunk *chunk = &chunks[k];

      if (chunk->thread != NULL)
        g_thread_join (chunk->thread);

      /* Problems in file order, events in file order. */
      g_ptr_array_extend_and_steal (loader->problems, g_steal_pointer (&chunk->loader.problems));
      loader->n_errors += chunk->loader.n_errors;
      loader->n_warnings += chunk->loader.n_warnings;
      g_ptr_array_extend_and_steal (loader->events, g_steal_pointer (&chunk->loader.events));
    }

  g_debug ("all chunks joined: %.0f ms", (g_get_monotonic_time () - loader->start_time) / 1000.0);

  /* Each chunk saw its own duplicates; one more pass finds those across chunks. */
  for (guint k = 1; k < n_chunks; k++)
    for (guint i = 0; i < chunks[k].ids->len; i++)
      {
        const IdAt *at = &g_array_index (chunks[k].ids, IdAt, i);
        Path path = { &events_path, NULL, at->index };
        Path id_path = { &path, "id", 0 };

        for (guint j = 0; j < k; j++)
          if (g_hash_table_contains (chunks[j].loader.event_ids, at->id))
            {
              error_at (loader, &id_path, _("the id “%s” is used by another entry in %s"),
                        at->id, "events");
              break;
            }
      }

  for (guint k = 0; k < n_chunks; k++)
    {
      g_clear_pointer (&chunks[k].loader.event_ids, g_hash_table_unref);
      g_clear_pointer (&chunks[k].ids, g_array_unref);
    }
}

static void
load_version (Loader     *loader,
              JsonObject *root)
{
  Path path = { NULL, "kizuna", 0 };
  JsonNode *node = json_object_get_member (root, "kizuna");

  if (node == NULL)
    {
      error_at (loader, NULL,
                _("missing required member “kizuna”: the format version, 1 for this format"));
      return;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    error_at (loader, &path, _("the format version must be the number 1, found %s"),
              node_type_description (node));
  else if (json_node_get_int (node) != 1)
    error_at (loader, &path,
              _("format version %lld is not supported; this version of Kizuna "
                "reads format 1"), (long long) json_node_get_int (node));
}

static void load_event_slices (Loader *loader, const char *data, GArray *slices);

/* @slices: (nullable): the events, when the tree holds them as an empty array */
static KzDataset *
load_root (Loader     *loader,
           JsonNode   *root_node,
           const char *data,
           GArray     *slices)
{
  static const char * const known[] = {
    "kizuna", "title", "description", "areas", "kinds", "events", NULL
  };
  JsonObject *root;
  const char *title, *description;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      error_at (loader, NULL, _("a dataset is a JSON object, but the file holds %s"),
                root_node != NULL ? node_type_description (root_node) : _("nothing"));
      return NULL;
    }

  root = json_node_get_object (root_node);
  check_members (loader, NULL, root, known);
  load_version (loader, root);
  title = get_string (loader, NULL, root, "title", TRUE);
  description = get_string (loader, NULL, root, "description", FALSE);
  /* Areas and kinds first, whatever the member order, so events can refer to them. */
  load_areas (loader, root);
  load_kinds (loader, root);
  if (slices != NULL)
    load_event_slices (loader, data, slices);
  else
    load_events (loader, root);

  if (loader->n_errors > 0)
    return NULL;

  g_debug ("events checked and built: %.0f ms", (g_get_monotonic_time () - loader->start_time) / 1000.0);
  return kz_dataset_new (title, description,
                         g_steal_pointer (&loader->areas),
                         g_steal_pointer (&loader->kinds),
                         g_steal_pointer (&loader->events));
}

/* The document without its events: the bytes of the "events" array replaced by "[]". */
static char *
document_without_events (const char       *data,
                         gsize             len,
                         const KzJsonScan *scan,
                         gsize            *out_len)
{
  gsize before = scan->events_open;
  gsize after = len - (scan->events_close + 1);
  char *skeleton = g_malloc (before + 2 + after + 1);

  memcpy (skeleton, data, before);
  memcpy (skeleton + before, "[]", 2);
  memcpy (skeleton + before + 2, data + scan->events_close + 1, after);
  skeleton[before + 2 + after] = '\0';

  *out_len = before + 2 + after;
  return skeleton;
}

static KzDataset *
load_document (Loader     *loader,
               const char *data,
               gsize       len,
               int        *out_code)
{
  g_auto(KzJsonScan) scan = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *skeleton = NULL;
  gsize skeleton_len = 0;
  KzDataset *dataset;

  loader->start_time = g_get_monotonic_time ();
  if (!kz_json_scan (data, len, KZ_DATASET_MAX_DEPTH, &scan))
    {
      if (scan.error_offset == KZ_JSON_SCAN_NO_OFFSET)
        add_problem (loader, KZ_PROBLEM_ERROR, NULL, 0, 0, g_steal_pointer (&scan.error_message));
      else
        syntax_problem (loader, data, scan.error_offset, g_steal_pointer (&scan.error_message));
      *out_code = scan.error_code;
      return NULL;
    }

  g_debug ("scan: %.0f ms, %u events", (g_get_monotonic_time () - loader->start_time) / 1000.0,
           scan.has_events ? scan.events->len : 0);
  if (scan.has_events)
    skeleton = document_without_events (data, len, &scan, &skeleton_len);

  /* json-glib should accept whatever the scan accepted; if not, its word is reported. */
  if (!json_parser_load_from_data (parser, skeleton != NULL ? skeleton : data,
                                   skeleton != NULL ? (gssize) skeleton_len : (gssize) len, &error))
    {
      json_glib_problem (loader, error);
      *out_code = KZ_DATASET_ERROR_SYNTAX;
      return NULL;
    }

  *out_code = KZ_DATASET_ERROR_INVALID;
  dataset = load_root (loader, json_parser_get_root (parser), data,
                       scan.has_events ? scan.events : NULL);
  g_debug ("dataset built: %.0f ms", (g_get_monotonic_time () - loader->start_time) / 1000.0);
  return dataset;
}

static void
too_large_problem (Loader *loader,
                   guint64 size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (KZ_DATASET_MAX_FILE_SIZE);

  add_problem (loader, KZ_PROBLEM_ERROR, NULL, 0, 0,
               g_strdup_printf (_("the file is %s, more than the %s a dataset may have"),
                                size_text, limit_text));
}

static void
set_summary_error (GError  **error,
                   int       code,
                   Loader   *loader)
{
  g_set_error (error, KZ_DATASET_ERROR, code,
               g_dngettext (GETTEXT_PACKAGE, "the dataset has %u error", "the dataset has %u errors",
                            loader->n_errors),
               loader->n_errors);
}

static KzDataset *
load_bytes (GBytes                *bytes,
            GPtrArray             *problems,
            KzDatasetProgressFunc  progress,
            gpointer               progress_data,
            GCancellable          *cancellable,
            GError               **error)
{
  Loader loader = { 0 };
  g_autoptr(KzDataset) dataset = NULL;
  const char *data;
  gsize len;
  int code;

  loader.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
  loader.areas = g_ptr_array_new_with_free_func (g_object_unref);
  loader.kinds = g_ptr_array_new_with_free_func (g_object_unref);
  loader.events = g_ptr_array_new_with_free_func (g_object_unref);
  loader.areas_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  loader.kinds_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  loader.event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gsize done_bytes = 0;

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";

  loader.cancellable = cancellable;
  loader.progress = progress;
  loader.progress_data = progress_data;
  loader.total_bytes = len;
  loader.done_bytes = &done_bytes;

  if (len > KZ_DATASET_MAX_FILE_SIZE)
    {
      too_large_problem (&loader, len);
      code = KZ_DATASET_ERROR_TOO_LARGE;
    }
  else
    dataset = load_document (&loader, data, len, &code);

  /* A cancelled load says so, and nothing else: its problems were never all found. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_object (&dataset);
      loader_clear (&loader);
      return NULL;
    }

  if (problems != NULL)
    g_ptr_array_extend_and_steal (problems, g_steal_pointer (&loader.problems));

  if (dataset == NULL)
    set_summary_error (error, code, &loader);

  loader_clear (&loader);
  return g_steal_pointer (&dataset);
}

/**
 * kz_dataset_load_from_bytes:
 * @problems: (nullable) (element-type KzProblem): where to append every problem found
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set when the
 *   data has any error (warnings alone do not stop it).
 */
KzDataset *
kz_dataset_load_from_bytes (GBytes     *bytes,
                            GPtrArray  *problems,
                            GError    **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, problems, NULL, NULL, NULL, error);
}

/**
 * kz_dataset_load_from_file:
 * @problems: (nullable) (element-type KzProblem): where to append every problem found
 *
 * Reads @file whole and loads it as kz_dataset_load_from_bytes() does. Anything that is
 * not a regular file (a folder, a device that never ends) is refused before reading.
 *
 * Returns: (transfer full) (nullable):
 */
KzDataset *
kz_dataset_load_from_file (GFile         *file,
                           GPtrArray     *problems,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return kz_dataset_load_from_file_full (file, problems, NULL, NULL, cancellable, error);
}

/**
 * kz_dataset_load_from_file_full:
 * @progress: (nullable) (scope call): told how many bytes of events are done, from time
 *   to time, on the calling thread
 * @cancellable: (nullable): stops the load between batches of events; the result is then
 *   %NULL with %G_IO_ERROR_CANCELLED and no problems
 *
 * As kz_dataset_load_from_file(), for a window that shows progress and lets the user
 * cancel a large file.
 */
KzDataset *
kz_dataset_load_from_file_full (GFile                 *file,
                                GPtrArray             *problems,
                                KzDatasetProgressFunc  progress,
                                gpointer               progress_data,
                                GCancellable          *cancellable,
                                GError               **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    goto read_failed;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                             ? _("it is a folder, not a dataset file")
                             : _("it is not a regular file"));
      goto read_failed;
    }

  if ((guint64) g_file_info_get_size (info) > KZ_DATASET_MAX_FILE_SIZE)
    {
      Loader loader = { 0 };

      loader.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
      too_large_problem (&loader, (guint64) g_file_info_get_size (info));
      g_set_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_TOO_LARGE,
                   "%s", ((KzProblem *) g_ptr_array_index (loader.problems, 0))->message);
      if (problems != NULL)
        g_ptr_array_extend_and_steal (problems, g_steal_pointer (&loader.problems));
      loader_clear (&loader);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    goto read_failed;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return load_bytes (bytes, problems, progress, progress_data, cancellable, error);

read_failed:
  if (problems != NULL)
    {
      KzProblem *problem = g_new0 (KzProblem, 1);

      problem->severity = KZ_PROBLEM_ERROR;
      problem->path = g_strdup ("");
      problem->message = g_strdup (local_error->message);
      g_ptr_array_add (problems, problem);
    }
  g_set_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_READ,
               _("could not read the file: %s"), local_error->message);
  return NULL;
}
