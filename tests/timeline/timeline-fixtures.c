/* timeline-fixtures.c — datasets built in code for the timeline tests and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "timeline-fixtures.h"

double
fixture_measure (const char *text,
                 gpointer    user_data)
{
  return 7.0 * g_utf8_strlen (text, -1);
}

KzDate
fixture_date (int year,
              int month,
              int day)
{
  KzDate date = { 0 };

  g_assert_true (kz_date_set (&date, year, month, day));
  return date;
}

gint64
fixture_day (int year,
             int month,
             int day)
{
  KzDate date = fixture_date (year, month, day);

  return kz_date_get_first_day (&date);
}

static const struct {
  const char *id;
  const char *name;
  guint32     rgb;
} small_areas[] = {
  { "trade", "Trade and investment", 0xc08700 },
  { "infrastructure", "Infrastructure and connectivity", 0xe47230 },
  { "defence", "Defence and security", 0x517515 },
  { "maritime", "Maritime security", 0x2781f9 },
  { "economic-security", "Economic security and supply chains", 0x00a290 },
  { "critical-minerals", "Critical minerals", 0x906033 },
  { "technology", "Technology and AI", 0xab3ca5 },
  { "quad", "Indo-Pacific and Quad", 0x45787b },
};

static const char * const small_kinds[][2] = {
  { "fmsd", "Foreign Ministers' Strategic Dialogue" },
  { "summit", "Annual Summit" },
  { "two-plus-two", "2+2 Ministerial Dialogue" },
  { "agreement", "Agreement" },
  { "initiative", "Initiative" },
  { "leaders", "Leaders' Meeting" },
};

/* date, end, kind, title, then (area, stage) pairs; stages: d c a m */
static const struct {
  const char *date;
  const char *end;
  int         kind;
  const char *title;
  const char *areas;
} small_events[] = {
  { "2000", NULL, 4, "Global Partnership established", "trade:d quad:c" },
  { "2005-04-29", NULL, 5, "Koizumi–Singh joint statement", "trade:d" },
  { "2006-01", NULL, 4, "Strategic dialogue raised to foreign-minister level", "quad:m" },
  { "2006-12-15", NULL, 1, "Singh–Abe Annual Summit in Tokyo", "trade:c quad:c" },
  { "2007-03-22", NULL, 0, "1st Foreign Ministers' Strategic Dialogue", "defence:d trade:c" },
  { "2007-08-22", NULL, 1, "Abe–Singh Annual Summit in New Delhi", "maritime:m defence:c" },
  { "2008-10-22", NULL, 1, "Singh–Aso Annual Summit in Tokyo", "defence:m maritime:a" },
  { "2010-08-21", NULL, 0, "4th Foreign Ministers' Strategic Dialogue", "infrastructure:c trade:c" },
  { "2011-02-16", NULL, 3, "Comprehensive Economic Partnership Agreement signed", "trade:a" },
  { "2011-08-01", NULL, 3, "CEPA enters into force", "trade:m" },
  { "2012-11-20", NULL, 5, "Noda–Singh meeting at the ASEAN-related summits", "critical-minerals:a maritime:c" },
  { "2013-03-26", NULL, 0, "7th Foreign Ministers' Strategic Dialogue", "defence:c maritime:c" },
  { "2014-09-01", NULL, 1, "Modi–Abe Annual Summit in Tokyo", "infrastructure:a defence:a trade:c" },
  { "2015-12-12", NULL, 1, "Abe–Modi Annual Summit in New Delhi", "infrastructure:a defence:a" },
  { "2017-09-14", NULL, 1, "12th Annual Summit", "infrastructure:a trade:a technology:a" },
  { "2018-10-29", NULL, 1, "13th Annual Summit", "defence:m maritime:a trade:a" },
  { "2019-11-30", NULL, 2, "1st 2+2 Ministerial Dialogue", "defence:m maritime:c quad:d" },
  { "2020-09-09", NULL, 3, "Reciprocal Provision of Supplies and Services agreement", "defence:a maritime:a" },
  { "2021-03-12", NULL, 5, "First Quad Leaders' Summit", "quad:m technology:m" },
  { "2021-04-27", NULL, 4, "Supply Chain Resilience Initiative launched", "economic-security:m quad:m" },
  { "2022-03-19", "2022-03-20", 1, "14th Annual Summit", "trade:c technology:d" },
  { "2022-09-08", NULL, 2, "2nd 2+2 Ministerial Dialogue", "defence:m maritime:c technology:d" },
  { "2023-07-20", NULL, 3, "Memorandum of Cooperation on the semiconductor supply chain", "economic-security:a technology:a" },
  { "2023-07-27", NULL, 0, "15th Foreign Ministers' Strategic Dialogue", "trade:c economic-security:d" },
  { "2024-08-20", NULL, 2, "3rd 2+2 Ministerial Dialogue", "defence:c economic-security:m" },
  { "2024-11-27", NULL, 4, "1st Dialogue on Economic Security, including Strategic Trade and Technology", "economic-security:m technology:c" },
  { "2025-08-29", NULL, 3, "Memorandum of Cooperation in the field of mineral resources", "critical-minerals:a economic-security:a" },
  { "2025-08-29", "2025-08-30", 1, "15th Annual Summit", "trade:c critical-minerals:a economic-security:c" },
  { "2025-11-23", NULL, 5, "Modi–Takaichi meeting on the sidelines of the G20 summit", "defence:d trade:d technology:d" },
  { "2026-01-16", NULL, 0, "18th Foreign Ministers' Strategic Dialogue", "critical-minerals:m technology:m economic-security:m trade:d defence:d quad:d" },
  { "2026-03-06", NULL, 5, "Misri–Oue talks on defence technology", "defence:d economic-security:d technology:d" },
};

static KzStage
stage_from_letter (char letter)
{
  switch (letter)
    {
    case 'd': return KZ_STAGE_DISCUSSED;
    case 'c': return KZ_STAGE_COMMITTED;
    case 'a': return KZ_STAGE_AGREED;
    case 'm': return KZ_STAGE_MECHANISM;
    default: g_assert_not_reached ();
    }
}

KzDataset *
fixture_small_dataset (void)
{
  GPtrArray *areas = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *kinds = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (small_areas); i++)
    g_ptr_array_add (areas, kz_area_new (small_areas[i].id, small_areas[i].name,
                                         small_areas[i].rgb, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (small_kinds); i++)
    g_ptr_array_add (kinds, kz_kind_new (small_kinds[i][0], small_kinds[i][1]));

  for (guint i = 0; i < G_N_ELEMENTS (small_events); i++)
    {
      g_autofree char *id = g_strdup_printf ("event-%02u", i);
      g_auto(GStrv) pairs = g_strsplit (small_events[i].areas, " ", -1);
      KzDate date, end;
      KzEvent *event;

      g_assert_true (kz_date_parse (small_events[i].date, &date, NULL));
      event = kz_event_new (id, &date, small_events[i].title);
      if (small_events[i].end != NULL)
        {
          g_assert_true (kz_date_parse (small_events[i].end, &end, NULL));
          kz_event_set_end (event, &end);
        }
      kz_event_set_kind (event, g_ptr_array_index (kinds, small_events[i].kind));

      for (guint p = 0; pairs[p] != NULL; p++)
        {
          char *colon = strchr (pairs[p], ':');
          KzArea *area = NULL;

          g_assert_nonnull (colon);
          *colon = '\0';
          for (guint a = 0; a < areas->len; a++)
            if (g_str_equal (kz_area_get_id (g_ptr_array_index (areas, a)), pairs[p]))
              area = g_ptr_array_index (areas, a);
          g_assert_nonnull (area);
          kz_event_add_area (event, area, stage_from_letter (colon[1]), NULL, NULL, 0);
        }
      g_ptr_array_add (events, event);
    }

  return kz_dataset_new ("India–Japan cooperation across dialogues", NULL, areas, kinds, events);
}

static const char * const title_words[] = {
  "Strategic", "Dialogue", "Summit", "on", "Economic", "Security", "Maritime", "Working",
  "Group", "Memorandum", "of", "Cooperation", "Clean", "Energy", "Partnership", "Joint",
  "Statement", "Digital", "Critical", "Minerals", "Space", "Health", "Forum", "Review",
};

KzDataset *
fixture_generated_dataset (guint   n_events,
                           guint   n_areas,
                           int     first_year,
                           int     n_years,
                           guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *areas = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *kinds = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *events = g_ptr_array_new_full (n_events, g_object_unref);
  gint64 first_day = fixture_day (first_year, 1, 1);
  gint64 n_days = fixture_day (first_year + n_years, 1, 1) - first_day;
  GString *title = g_string_new (NULL);

  for (guint i = 0; i < n_areas; i++)
    {
      g_autofree char *id = g_strdup_printf ("area-%02u", i);
      g_autofree char *name = g_strdup_printf ("Area %u %s", i, title_words[i % G_N_ELEMENTS (title_words)]);
      /* Spread hues; keep them dark enough to read on white. */
      guint32 rgb = ((40 + (i * 67) % 160) << 16) | ((60 + (i * 101) % 120) << 8) | (50 + (i * 53) % 150);

      g_ptr_array_add (areas, kz_area_new (id, name, rgb, NULL));
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("kind-%u", i);
      g_autofree char *name = g_strdup_printf ("Kind %u", i);

      g_ptr_array_add (kinds, kz_kind_new (id, name));
    }

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%07u", i);
      KzDate date = kz_date_from_day (first_day + g_rand_int_range (rand, 0, (gint32) n_days));
      guint shape = g_rand_int_range (rand, 0, 100);
      guint n_in = g_rand_int_range (rand, 1, 5);
      guint n_words = g_rand_int_range (rand, 1, 7);
      KzEvent *event;

      /* A few partial dates and multi-day events, as real data has. */
      if (shape < 2)
        date.month = date.day = 0;
      else if (shape < 5)
        date.day = 0;

      g_string_printf (title, "#%u", i);
      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (title, " %s", title_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (title_words))]);

      event = kz_event_new (id, &date, title->str);
      if (shape >= 95 && date.day != 0)
        {
          KzDate end = kz_date_from_day (kz_date_get_first_day (&date) + g_rand_int_range (rand, 1, 4));
          kz_event_set_end (event, &end);
        }
      kz_event_set_kind (event, g_ptr_array_index (kinds, g_rand_int_range (rand, 0, kinds->len)));

      for (guint k = 0; k < n_in; k++)
        {
          KzArea *area = g_ptr_array_index (areas, g_rand_int_range (rand, 0, n_areas));
          /* Shallow stages are the common ones. */
          guint roll = g_rand_int_range (rand, 0, 100);
          KzStage stage = roll < 50 ? KZ_STAGE_DISCUSSED : roll < 78 ? KZ_STAGE_COMMITTED
                          : roll < 93 ? KZ_STAGE_AGREED : KZ_STAGE_MECHANISM;

          if (kz_event_find_area (event, area) == NULL)
            kz_event_add_area (event, area, stage, NULL, NULL, 0);
        }
      g_ptr_array_add (events, event);
    }

  g_string_free (title, TRUE);
  return kz_dataset_new ("Generated", NULL, areas, kinds, events);
}
