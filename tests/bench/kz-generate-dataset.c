/* kz-generate-dataset.c — writes a large synthetic dataset in format v1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   kz-generate-dataset --events N [--seed S] [OUT]     (OUT defaults to standard output)
 *
 * Deterministic for a given N and seed: events spread over 30 years (1996–2025), 24 areas,
 * 1–4 area entries per event with a note, realistic title lengths, a place and one
 * source each. The benchmark uses it, and it is handy by hand for trying the window.
 */
#include "config.h"

#include <stdio.h>
#include <errno.h>
#include <string.h>

#include <glib.h>

#define N_AREAS 24
#define N_KINDS 9

static const char * const area_words[N_AREAS] = {
  "trade", "infrastructure", "defence", "maritime", "supply-chains", "critical-minerals",
  "semiconductors", "ai", "digital", "energy", "nuclear", "space", "health", "people",
  "indo-pacific", "governance", "finance", "agriculture", "education", "culture",
  "tourism", "water", "disaster-relief", "science",
};

static const char * const kind_ids[N_KINDS] = {
  "strategic-dialogue", "summit", "two-plus-two", "leaders-meeting", "ministerial",
  "official-dialogue", "agreement", "initiative", "plurilateral",
};

static const char * const title_words[] = {
  "Joint", "Statement", "on", "Cooperation", "in", "the", "Field", "of", "Dialogue",
  "Partnership", "Framework", "Memorandum", "Working", "Group", "Ministerial", "Meeting",
  "Annual", "Summit", "Initiative", "Agreement", "Roadmap", "Vision", "Review", "Forum",
  "Economic", "Security", "Technology", "Resilient", "Supply", "Chains", "Clean", "Energy",
};

static const char * const stages[] = { "discussed", "committed", "agreed", "mechanism" };

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  g_string_append (out, text);   /* the generator only writes plain ASCII without quotes */
  g_string_append_c (out, '"');
}

static void
write_title (GString *out,
             GRand   *rand)
{
  /* 2 to 9 words: from "Annual Summit" to a long joint-statement title. */
  guint n = g_rand_int_range (rand, 2, 10);

  g_string_append_c (out, '"');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, title_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (title_words))]);
    }
  g_string_append_c (out, '"');
}

static gboolean
flush (GString  *out,
       FILE     *file)
{
  gboolean ok = fwrite (out->str, 1, out->len, file) == out->len;

  g_string_truncate (out, 0);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  gint64 n_events = 10000;
  gint64 seed = 20260116;
  GOptionEntry entries[] = {
    { "events", 'n', 0, G_OPTION_ARG_INT64, &n_events, "Number of events (default 10000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 20260116)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[OUT]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GString) out = g_string_sized_new (1 << 20);
  FILE *file = stdout;
  /* 30 years of days, from 1996-01-01 */
  const int first_year = 1996;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_events < 0 || argc > 2)
    {
      g_printerr ("kz-generate-dataset: %s\n", error != NULL ? error->message : "usage: --events N [--seed S] [OUT]");
      return 2;
    }

  if (argc == 2 && (file = fopen (argv[1], "wb")) == NULL)
    {
      g_printerr ("kz-generate-dataset: %s: %s\n", argv[1], g_strerror (errno));
      return 1;
    }

  rand = g_rand_new_with_seed ((guint32) seed);

  g_string_append (out, "{\n\"kizuna\": 1,\n\"title\": \"Synthetic dataset\",\n");
  g_string_append_printf (out, "\"description\": \"%" G_GINT64_FORMAT " generated events, seed %" G_GINT64_FORMAT "\",\n",
                          n_events, seed);
  g_string_append (out, "\"areas\": [\n");
  for (guint i = 0; i < N_AREAS; i++)
    g_string_append_printf (out, "  {\"id\": \"%s\", \"name\": \"Area %s\", \"color\": \"#%02x%02x%02x\"}%s\n",
                            area_words[i], area_words[i], 40 + (i * 67) % 160, 40 + (i * 113) % 160,
                            40 + (i * 37) % 160, i + 1 < N_AREAS ? "," : "");
  g_string_append (out, "],\n\"kinds\": [\n");
  for (guint i = 0; i < N_KINDS; i++)
    g_string_append_printf (out, "  {\"id\": \"%s\", \"name\": \"Kind %s\"}%s\n",
                            kind_ids[i], kind_ids[i], i + 1 < N_KINDS ? "," : "");
  g_string_append (out, "],\n\"events\": [\n");

  for (gint64 i = 0; i < n_events; i++)
    {
      /* Sorted by date as real files mostly are, with a little disorder. */
      gint64 day = (gint64) ((double) i / MAX (n_events, 1) * 30 * 365.2425) + g_rand_int_range (rand, 0, 3);
      GDate date;
      guint n_areas = g_rand_int_range (rand, 1, 5);
      guint first_area = g_rand_int_range (rand, 0, N_AREAS);

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, first_year);
      g_date_add_days (&date, (guint) day);

      g_string_append_printf (out, "{\"id\":\"ev-%" G_GINT64_FORMAT "\",\"date\":\"%04d-%02d-%02d\",",
                              i, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
      g_string_append_printf (out, "\"kind\":\"%s\",\"title\":", kind_ids[g_rand_int_range (rand, 0, N_KINDS)]);
      write_title (out, rand);
      g_string_append (out, ",\"place\":");
      write_string (out, g_rand_boolean (rand) ? "New Delhi" : "Tokyo");
      g_string_append (out, ",\"areas\":[");
      for (guint a = 0; a < n_areas; a++)
        g_string_append_printf (out, "%s{\"area\":\"%s\",\"stage\":\"%s\",\"note\":\"Note %u\",\"sources\":[0]}",
                                a > 0 ? "," : "", area_words[(first_area + a * 7) % N_AREAS],
                                stages[g_rand_int_range (rand, 0, 4)], a + 1);
      g_string_append_printf (out, "],\"sources\":[{\"title\":\"Report %" G_GINT64_FORMAT "\","
                              "\"url\":\"https://example.org/%" G_GINT64_FORMAT "\"}]}%s\n",
                              i, i, i + 1 < n_events ? "," : "");

      if (out->len > (1 << 20) && !flush (out, file))
        break;
    }

  g_string_append (out, "]\n}\n");
  if (!flush (out, file) || fflush (file) != 0 || (file != stdout && fclose (file) != 0))
    {
      g_printerr ("kz-generate-dataset: write failed: %s\n", g_strerror (errno));
      return 1;
    }

  return 0;
}
