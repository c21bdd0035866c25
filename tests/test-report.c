/* test-report.c — kizuna --report, checked against an independent reading of the dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected answers are computed here straight from the JSON file with json-glib and
 * string comparisons of ISO dates, not with Kizuna's model, so the report and the check
 * cannot share a mistake.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kz-test-run.h"

typedef struct
{
  char *area;
  char *name;
  char *first_date;
  char *first_event;
  int   deepest;          /* 0 none … 4 mechanism */
  char *deepest_date;
  char *deepest_event;
  guint events;
} Expected;

static const char * const stages[] = { NULL, "discussed", "committed", "agreed", "mechanism" };

static int
stage_rank (const char *stage)
{
  for (int i = 1; i < 5; i++)
    if (g_str_equal (stage, stages[i]))
      return i;
  g_assert_not_reached ();
}

/* Dataset order: ISO dates compare as strings (a shorter, partial date first), then ids. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  JsonObject *ea = json_node_get_object (*(JsonNode **) a);
  JsonObject *eb = json_node_get_object (*(JsonNode **) b);
  int cmp = strcmp (json_object_get_string_member (ea, "date"), json_object_get_string_member (eb, "date"));

  return cmp != 0 ? cmp : strcmp (json_object_get_string_member (ea, "id"), json_object_get_string_member (eb, "id"));
}

static GArray *
expected_areas (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  JsonObject *root;
  JsonArray *areas, *list;
  GArray *expected = g_array_new (FALSE, TRUE, sizeof (Expected));

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  list = json_object_get_array_member (root, "events");
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_ptr_array_add (events, json_array_get_element (list, i));
  g_ptr_array_sort (events, compare_events);

  areas = json_object_get_array_member (root, "areas");
  for (guint a = 0; a < json_array_get_length (areas); a++)
    {
      JsonObject *area = json_array_get_object_element (areas, a);
      Expected e = { 0 };

      e.area = g_strdup (json_object_get_string_member (area, "id"));
      e.name = g_strdup (json_object_get_string_member (area, "name"));

      for (guint i = 0; i < events->len; i++)
        {
          JsonObject *event = json_node_get_object (g_ptr_array_index (events, i));
          JsonArray *entries = json_object_get_array_member (event, "areas");

          for (guint j = 0; j < json_array_get_length (entries); j++)
            {
              JsonObject *entry = json_array_get_object_element (entries, j);
              int rank;

              if (!g_str_equal (json_object_get_string_member (entry, "area"), e.area))
                continue;

              e.events++;
              if (e.first_event == NULL)
                {
                  e.first_event = g_strdup (json_object_get_string_member (event, "id"));
                  e.first_date = g_strdup (json_object_get_string_member (event, "date"));
                }
              rank = stage_rank (json_object_get_string_member (entry, "stage"));
              if (rank > e.deepest)
                {
                  e.deepest = rank;
                  g_free (e.deepest_event);
                  g_free (e.deepest_date);
                  e.deepest_event = g_strdup (json_object_get_string_member (event, "id"));
                  e.deepest_date = g_strdup (json_object_get_string_member (event, "date"));
                }
            }
        }

      g_array_append_val (expected, e);
    }

  return expected;
}

static void
expected_free (GArray *expected)
{
  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = &g_array_index (expected, Expected, i);

      g_free (e->area);
      g_free (e->name);
      g_free (e->first_date);
      g_free (e->first_event);
      g_free (e->deepest_date);
      g_free (e->deepest_event);
    }
  g_array_unref (expected);
}

static const char *
member_or_null (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static void
check_areas_json (const char *dataset_path,
                  const char *report)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GArray *expected = expected_areas (dataset_path);
  JsonArray *rows;

  g_assert_true (json_parser_load_from_data (parser, report, -1, &error));
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = &g_array_index (expected, Expected, i);
      JsonObject *row = json_array_get_object_element (rows, i);

      g_test_message ("area %s", e->area);
      g_assert_cmpstr (member_or_null (row, "area"), ==, e->area);
      g_assert_cmpstr (member_or_null (row, "name"), ==, e->name);
      g_assert_cmpstr (member_or_null (row, "first_date"), ==, e->first_date);
      g_assert_cmpstr (member_or_null (row, "first_event"), ==, e->first_event);
      g_assert_cmpstr (member_or_null (row, "deepest_stage"), ==, stages[e->deepest]);
      g_assert_cmpstr (member_or_null (row, "deepest_date"), ==, e->deepest_date);
      g_assert_cmpstr (member_or_null (row, "deepest_event"), ==, e->deepest_event);
      g_assert_cmpint (json_object_get_int_member (row, "events"), ==, e->events);
    }

  expected_free (expected);
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
}

static void
test_areas_json (void)
{
  g_autofree char *path = data_file ("evolution.json");
  g_auto(KzTestRun) run = { 0 };

  kz_test_run_kizuna (&run, "--report", "areas", path, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  check_areas_json (path, run.out);
}

static void
test_areas_json_bundled (void)
{
  const char *bundled = g_getenv ("KZ_BUNDLED_DATASET");
  g_auto(KzTestRun) run = { 0 };

  /* No FILE: the dataset inside the program, checked against the file it is built from. */
  kz_test_run_kizuna (&run, "--report", "areas", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  check_areas_json (bundled, run.out);
}

/* RFC 4180 reader: fields may be quoted, with "" for a quote and line breaks inside. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, g_steal_pointer (&row));
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        g_string_append_c (field, *p++);
    }

  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  return rows;
}

static void
test_areas_csv (void)
{
  g_autofree char *path = data_file ("evolution.json");
  g_auto(KzTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  GArray *expected = expected_areas (path);

  kz_test_run_kizuna (&run, "--report", "areas", path, "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, ==, expected->len + 1);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 0), 6), ==, "deepest_event");

  for (guint i = 0; i < expected->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i + 1);
      Expected *e = &g_array_index (expected, Expected, i);
      g_autofree char *count = g_strdup_printf ("%u", e->events);

      g_assert_cmpuint (row->len, ==, 8);
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, e->area);
      /* "Beta, with comma" survives the quoting. */
      g_assert_cmpstr (g_ptr_array_index (row, 1), ==, e->name);
      g_assert_cmpstr (g_ptr_array_index (row, 3), ==, e->first_event);
      g_assert_cmpstr (g_ptr_array_index (row, 4), ==, stages[e->deepest]);
      g_assert_cmpstr (g_ptr_array_index (row, 6), ==, e->deepest_event);
      g_assert_cmpstr (g_ptr_array_index (row, 7), ==, count);
    }

  expected_free (expected);
}

static void
test_compare_csv_notes (void)
{
  g_autofree char *path = data_file ("evolution.json");
  g_auto(KzTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *b;

  kz_test_run_kizuna (&run, "--report", "compare", "e4", "e5", path, "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, ==, 4);

  /* Notes with a comma, a quote and a line break come back as they were. */
  b = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (g_ptr_array_index (b, 0), ==, "b");
  g_assert_cmpstr (g_ptr_array_index (b, 2), ==, "unchanged");
  g_assert_cmpstr (g_ptr_array_index (b, 5), ==, "B talked,\nover two lines");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 1), 6), ==,
                   "A returns, \"quoted\"");
}

static void
test_compare_json (void)
{
  g_autofree char *path = data_file ("evolution.json");
  g_auto(KzTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *notes;
  const struct { const char *member; const char *ids; } expected[] = {
    { "added", "c" }, { "dropped", "a" }, { "deepened", "" }, { "weakened", "b" }, { "unchanged", "" },
  };

  kz_test_run_kizuna (&run, "--report", "compare", "e2", "e4", path, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "e2");
  g_assert_cmpstr (json_object_get_string_member (root, "to"), ==, "e4");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonArray *array = json_object_get_array_member (root, expected[i].member);
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint j = 0; j < json_array_get_length (array); j++)
        g_string_append_printf (ids, "%s%s", j > 0 ? "," : "", json_array_get_string_element (array, j));
      g_assert_cmpstr (ids->str, ==, expected[i].ids);
    }

  notes = json_object_get_object_member (root, "notes");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (notes, "b"), "from"), ==, "B signed");
  g_assert_true (json_object_get_null_member (json_object_get_object_member (notes, "a"), "to"));
}

static void
test_markdown_is_a_table (void)
{
  g_autofree char *path = data_file ("evolution.json");
  g_auto(KzTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  kz_test_run_kizuna (&run, "--report", "areas", path, "--format", "markdown", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  /* Header, separator, three areas, and the final empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[1], ==, "| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (guint i = 0; i < 5; i++)
    {
      guint cells = 0;

      g_assert_true (g_str_has_prefix (lines[i], "| ") && g_str_has_suffix (lines[i], " |"));
      /* Count unescaped pipes: a pipe in a name must be escaped. */
      for (const char *p = lines[i]; *p != '\0'; p++)
        if (*p == '|' && (p == lines[i] || p[-1] != '\\'))
          cells++;
      g_assert_cmpuint (cells, ==, 9);
    }
  g_assert_nonnull (strstr (run.out, "Gamma \\| pipe"));
}

static void
test_text_is_aligned (void)
{
  g_autofree char *path = data_file ("evolution.json");
  g_auto(KzTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *column;

  kz_test_run_kizuna (&run, "--report", "areas", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  /* The "name" column starts at the same place on every row. */
  column = strstr (lines[0], "name");
  g_assert_nonnull (column);
  for (guint i = 2; i < 5; i++)
    g_assert_cmpint (strstr (lines[i], i == 2 ? "Alpha" : i == 3 ? "Beta" : "Gamma") - lines[i], ==,
                     column - lines[0]);
}

static void
test_unknown_ids (void)
{
  g_autofree char *path = data_file ("evolution.json");
  g_auto(KzTestRun) run = { 0 };
  g_auto(KzTestRun) format = { 0 };
  g_auto(KzTestRun) kind = { 0 };

  kz_test_run_kizuna (&run, "--report", "compare", "e1", "e99", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "e99"));
  g_assert_null (strstr (run.err, "e1,"));
  g_assert_cmpstr (run.out, ==, "");

  kz_test_run_kizuna (&format, "--report", "areas", path, "--format", "xml", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "--format"));

  kz_test_run_kizuna (&kind, "--report", "timeline", path, NULL);
  g_assert_cmpint (kind.status, ==, 2);
  g_assert_nonnull (strstr (kind.err, "timeline"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/areas/json", test_areas_json);
  g_test_add_func ("/report/areas/json-bundled", test_areas_json_bundled);
  g_test_add_func ("/report/areas/csv", test_areas_csv);
  g_test_add_func ("/report/areas/markdown", test_markdown_is_a_table);
  g_test_add_func ("/report/areas/text", test_text_is_aligned);
  g_test_add_func ("/report/compare/json", test_compare_json);
  g_test_add_func ("/report/compare/csv-notes", test_compare_csv_notes);
  g_test_add_func ("/report/unknown-ids", test_unknown_ids);

  return g_test_run ();
}
