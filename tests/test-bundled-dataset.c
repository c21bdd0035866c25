/* test-bundled-dataset.c — the India–Japan dataset that ships with Kizuna: it loads without a
 * single problem, is complete, follows its id scheme, and its area colours stay distinct from
 * one another and legible on both the light and the dark timeline background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kz-dataset-loader.h"

/* The timeline's backgrounds, light and dark (DESIGN.md); every lane colour must read on both. */
#define LIGHT_BACKGROUND 0xffffff
#define DARK_BACKGROUND  0x1e1e1e
#define MIN_CONTRAST     3.0    /* WCAG 2.x, graphical objects */
#define MIN_DELTA_E      10.0   /* CIEDE2000 between any two areas */

static const char *dataset_path;

/* ---- Loading ------------------------------------------------------------------------- */

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
}

static KzDataset *
load_bundled (GPtrArray *problems)
{
  g_autoptr(GFile) file = g_file_new_for_path (dataset_path);
  g_autoptr(GError) error = NULL;
  KzDataset *dataset;

  dataset = kz_dataset_load_from_file (file, problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static const char *
event_kind_id (KzEvent *event)
{
  KzKind *kind = kz_event_get_kind (event);

  return kind != NULL ? kz_kind_get_id (kind) : NULL;
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL &&
         (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) &&
         strchr (url, '.') != NULL;
}

/* ---- Colour science ------------------------------------------------------------------ */

typedef struct {
  double L, a, b;
} Lab;

static double
srgb_to_linear (guint8 channel)
{
  double c = channel / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2.x relative luminance of 0xRRGGBB. */
static double
relative_luminance (guint32 rgb)
{
  double r = srgb_to_linear ((rgb >> 16) & 0xff);
  double g = srgb_to_linear ((rgb >> 8) & 0xff);
  double b = srgb_to_linear (rgb & 0xff);

  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

static double
contrast_ratio (guint32 rgb1,
                guint32 rgb2)
{
  double l1 = relative_luminance (rgb1);
  double l2 = relative_luminance (rgb2);

  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}

static double
lab_f (double t)
{
  const double delta = 6.0 / 29.0;

  return t > delta * delta * delta ? cbrt (t) : t / (3.0 * delta * delta) + 4.0 / 29.0;
}

/* sRGB (D65) → linear RGB → CIE XYZ → CIELAB, reference white D65. */
static Lab
rgb_to_lab (guint32 rgb)
{
  const double xn = 0.95047, yn = 1.0, zn = 1.08883;
  double r = srgb_to_linear ((rgb >> 16) & 0xff);
  double g = srgb_to_linear ((rgb >> 8) & 0xff);
  double b = srgb_to_linear (rgb & 0xff);
  double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
  double fx = lab_f (x / xn), fy = lab_f (y / yn), fz = lab_f (z / zn);
  Lab lab = { 116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz) };

  return lab;
}

static double
deg_to_rad (double degrees)
{
  return degrees * G_PI / 180.0;
}

/* Hue angle in degrees, 0 ≤ h < 360; 0 for a neutral colour. */
static double
hue_degrees (double a,
             double b)
{
  double h;

  if (a == 0.0 && b == 0.0)
    return 0.0;

  h = atan2 (b, a) * 180.0 / G_PI;
  return h < 0.0 ? h + 360.0 : h;
}

/* CIEDE2000 colour difference with kL = kC = kH = 1, as formulated by G. Sharma, W. Wu and
 * E. N. Dalal, "The CIEDE2000 color-difference formula: implementation notes, supplementary
 * test data, and mathematical observations", Color Research & Application 30 (2005). */
static double
ciede2000 (Lab lab1,
           Lab lab2)
{
  const double pow25_7 = 6103515625.0; /* 25^7 */
  double c1 = hypot (lab1.a, lab1.b);
  double c2 = hypot (lab2.a, lab2.b);
  double c_mean = (c1 + c2) / 2.0;
  double c_mean7 = pow (c_mean, 7.0);
  double g = 0.5 * (1.0 - sqrt (c_mean7 / (c_mean7 + pow25_7)));
  double a1p = (1.0 + g) * lab1.a;
  double a2p = (1.0 + g) * lab2.a;
  double c1p = hypot (a1p, lab1.b);
  double c2p = hypot (a2p, lab2.b);
  double h1p = hue_degrees (a1p, lab1.b);
  double h2p = hue_degrees (a2p, lab2.b);
  double dLp = lab2.L - lab1.L;
  double dCp = c2p - c1p;
  double dhp, dHp, Lp_mean, Cp_mean, hp_mean, Cp_mean7;
  double t, d_theta, rc, sl, sc, sh, rt;

  /* Hue difference, taking the short way round the circle. */
  if (c1p * c2p == 0.0)
    dhp = 0.0;
  else if (fabs (h2p - h1p) <= 180.0)
    dhp = h2p - h1p;
  else if (h2p - h1p > 180.0)
    dhp = h2p - h1p - 360.0;
  else
    dhp = h2p - h1p + 360.0;
  dHp = 2.0 * sqrt (c1p * c2p) * sin (deg_to_rad (dhp / 2.0));

  Lp_mean = (lab1.L + lab2.L) / 2.0;
  Cp_mean = (c1p + c2p) / 2.0;

  /* Mean hue, again the short way round. */
  if (c1p * c2p == 0.0)
    hp_mean = h1p + h2p;
  else if (fabs (h1p - h2p) <= 180.0)
    hp_mean = (h1p + h2p) / 2.0;
  else if (h1p + h2p < 360.0)
    hp_mean = (h1p + h2p + 360.0) / 2.0;
  else
    hp_mean = (h1p + h2p - 360.0) / 2.0;

  t = 1.0
      - 0.17 * cos (deg_to_rad (hp_mean - 30.0))
      + 0.24 * cos (deg_to_rad (2.0 * hp_mean))
      + 0.32 * cos (deg_to_rad (3.0 * hp_mean + 6.0))
      - 0.20 * cos (deg_to_rad (4.0 * hp_mean - 63.0));
  d_theta = 30.0 * exp (-pow ((hp_mean - 275.0) / 25.0, 2.0));
  Cp_mean7 = pow (Cp_mean, 7.0);
  rc = 2.0 * sqrt (Cp_mean7 / (Cp_mean7 + pow25_7));
  sl = 1.0 + (0.015 * pow (Lp_mean - 50.0, 2.0)) / sqrt (20.0 + pow (Lp_mean - 50.0, 2.0));
  sc = 1.0 + 0.045 * Cp_mean;
  sh = 1.0 + 0.015 * Cp_mean * t;
  rt = -sin (deg_to_rad (2.0 * d_theta)) * rc;

  return sqrt (pow (dLp / sl, 2.0) + pow (dCp / sc, 2.0) + pow (dHp / sh, 2.0) +
               rt * (dCp / sc) * (dHp / sh));
}

/* ---- The checks' own checks ---------------------------------------------------------- */

/* Rows of Sharma, Wu and Dalal's (2005) supplementary test data, which exercise the hue
 * wrap-around and mean-hue branches as well as the ordinary case. */
static void
test_ciede2000_reference (void)
{
  static const struct {
    guint pair;
    Lab   lab1, lab2;
    double delta_e;
  } rows[] = {
    { 1, { 50.0000, 2.6772, -79.7751 }, { 50.0000, 0.0000, -82.7485 }, 2.0425 },
    { 7, { 50.0000, 0.0000, 0.0000 }, { 50.0000, -1.0000, 2.0000 }, 2.3669 },
    { 13, { 50.0000, 2.4900, -0.0010 }, { 50.0000, -2.4900, 0.0009 }, 7.1792 },
    { 15, { 50.0000, 2.4900, -0.0010 }, { 50.0000, -2.4900, 0.0011 }, 7.2195 },
    { 17, { 50.0000, 2.5000, 0.0000 }, { 73.0000, 25.0000, -18.0000 }, 27.1492 },
    { 25, { 60.2574, -34.0099, 36.2677 }, { 60.4626, -34.1751, 39.4387 }, 1.2644 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double forward = ciede2000 (rows[i].lab1, rows[i].lab2);
      double backward = ciede2000 (rows[i].lab2, rows[i].lab1);

      g_test_message ("Sharma pair %u: expected %.4f, computed %.6f", rows[i].pair,
                      rows[i].delta_e, forward);
      g_assert_cmpfloat_with_epsilon (forward, rows[i].delta_e, 1e-4);
      /* The formula is symmetric. */
      g_assert_cmpfloat_with_epsilon (backward, rows[i].delta_e, 1e-4);
    }

  g_assert_cmpfloat_with_epsilon (ciede2000 (rgb_to_lab (0x3584e4), rgb_to_lab (0x3584e4)), 0.0, 1e-12);
}

/* Known answers for the WCAG formula and the sRGB → CIELAB conversion. */
static void
test_colour_reference (void)
{
  Lab white = rgb_to_lab (0xffffff);
  Lab black = rgb_to_lab (0x000000);
  Lab red = rgb_to_lab (0xff0000);

  g_assert_cmpfloat_with_epsilon (contrast_ratio (0x000000, 0xffffff), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contrast_ratio (0xffffff, 0xffffff), 1.0, 1e-9);
  /* #767676 is the classic lightest grey that passes 4.5:1 on white. */
  g_assert_cmpfloat (contrast_ratio (0x767676, 0xffffff), >=, 4.5);
  g_assert_cmpfloat (contrast_ratio (0x777777, 0xffffff), <, 4.5);

  g_assert_cmpfloat_with_epsilon (white.L, 100.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (white.a, 0.0, 1e-2);
  g_assert_cmpfloat_with_epsilon (white.b, 0.0, 1e-2);
  g_assert_cmpfloat_with_epsilon (black.L, 0.0, 1e-9);
  /* sRGB red is about L* 53.24, a* 80.09, b* 67.20. */
  g_assert_cmpfloat_with_epsilon (red.L, 53.24, 0.01);
  g_assert_cmpfloat_with_epsilon (red.a, 80.09, 0.02);
  g_assert_cmpfloat_with_epsilon (red.b, 67.20, 0.02);
}

/* ---- The dataset --------------------------------------------------------------------- */

static void
test_loads_cleanly (void)
{
  g_autoptr(GPtrArray) problems = new_problems ();
  g_autoptr(GFile) file = g_file_new_for_path (dataset_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = NULL;

  g_test_message ("dataset: %s", dataset_path);
  dataset = kz_dataset_load_from_file (file, problems, NULL, &error);

  /* List every problem before failing, so one run shows all that needs fixing. */
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = kz_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("problem: %s", text);
    }
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  /* Not even a warning: an unknown member in the shipped data would be a silent typo. */
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (kz_dataset_get_title (dataset), ==, "India–Japan cooperation across dialogues");
}

static void
test_event_counts (void)
{
  g_autoptr(KzDataset) dataset = load_bundled (NULL);
  guint n_events = kz_dataset_get_n_events (dataset);
  guint n_fmsd = 0, n_summits = 0, n_two_plus_two = 0;

  g_assert_cmpuint (n_events, >=, 60);
  g_assert_cmpuint (g_list_model_get_n_items (kz_dataset_get_kinds (dataset)), ==, 9);

  for (guint i = 0; i < n_events; i++)
    {
      KzEvent *event = kz_dataset_get_event (dataset, i);
      const char *kind = event_kind_id (event);

      if (kind == NULL)
        {
          g_test_message ("event %s has no kind", kz_event_get_id (event));
          g_assert_nonnull (kind);
        }

      if (g_str_equal (kind, "fm-strategic-dialogue"))
        n_fmsd++;
      else if (g_str_equal (kind, "annual-summit"))
        n_summits++;
      else if (g_str_equal (kind, "two-plus-two"))
        n_two_plus_two++;
    }

  /* Rounds 1, 3–10, 13–16 and 18 of the Strategic Dialogue; 2, 11, 12 and 17 unconfirmed. */
  g_assert_cmpuint (n_fmsd, ==, 14);
  g_assert_cmpuint (n_summits, ==, 16);
  g_assert_cmpuint (n_two_plus_two, ==, 3);
}

static void
test_every_area_used (void)
{
  g_autoptr(KzDataset) dataset = load_bundled (NULL);
  GListModel *areas = kz_dataset_get_areas (dataset);

  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 16);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(KzArea) area = g_list_model_get_item (areas, i);
      const KzAreaStats *stats = kz_dataset_get_area_stats (dataset, area);

      g_test_message ("area %s: %u events", kz_area_get_id (area), stats->n_events);
      g_assert_cmpuint (stats->n_events, >, 0);
    }
}

static void
test_every_event_sourced (void)
{
  g_autoptr(KzDataset) dataset = load_bundled (NULL);

  for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
    {
      KzEvent *event = kz_dataset_get_event (dataset, i);
      const char *id = kz_event_get_id (event);
      guint n_sources = kz_event_get_n_sources (event);

      if (n_sources == 0)
        g_test_message ("event %s has no source", id);
      g_assert_cmpuint (n_sources, >=, 1);

      /* Every source of the shipped data is a page a reader can open. */
      for (guint j = 0; j < n_sources; j++)
        {
          const KzSource *source = kz_event_get_source (event, j);

          if (!is_web_url (source->url) || source->title == NULL || source->title[0] == '\0' ||
              source->publisher == NULL || source->publisher[0] == '\0')
            {
              g_test_message ("event %s, source %u: title “%s”, publisher “%s”, url “%s”", id, j,
                              source->title, source->publisher, source->url);
            }
          g_assert_true (is_web_url (source->url));
          g_assert_cmpstr (source->title, !=, NULL);
          g_assert_cmpuint (strlen (source->title), >, 0);
          g_assert_cmpstr (source->publisher, !=, NULL);
          g_assert_cmpuint (strlen (source->publisher), >, 0);
        }
    }
}

static void
test_every_area_entry_explained (void)
{
  g_autoptr(KzDataset) dataset = load_bundled (NULL);

  for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
    {
      KzEvent *event = kz_dataset_get_event (dataset, i);
      guint n_sources = kz_event_get_n_sources (event);

      g_assert_cmpuint (kz_event_get_n_areas (event), >=, 1);

      for (guint j = 0; j < kz_event_get_n_areas (event); j++)
        {
          const KzEventArea *entry = kz_event_get_area (event, j);
          const char *area_id = kz_area_get_id (entry->area);

          if (entry->note == NULL || entry->note[0] == '\0' || entry->n_sources == 0)
            g_test_message ("event %s, area %s: note “%s”, %u sources", kz_event_get_id (event),
                            area_id, entry->note, entry->n_sources);
          g_assert_cmpstr (entry->note, !=, NULL);
          g_assert_cmpuint (strlen (entry->note), >, 0);
          g_assert_cmpuint (entry->n_sources, >=, 1);

          for (guint k = 0; k < entry->n_sources; k++)
            g_assert_cmpuint (entry->sources[k], <, n_sources);
        }
    }
}

static guint64
id_number (const char *digits)
{
  return g_ascii_strtoull (digits, NULL, 10);
}

static void
test_id_scheme (void)
{
  g_autoptr(KzDataset) dataset = load_bundled (NULL);
  g_autoptr(GRegex) fmsd = g_regex_new ("^fmsd-([0-9]+)$", 0, 0, NULL);
  g_autoptr(GRegex) summit = g_regex_new ("^summit-([0-9]{4})(-[0-9]{2})?$", 0, 0, NULL);
  g_autoptr(GRegex) two_plus_two = g_regex_new ("^2plus2-([0-9]+)$", 0, 0, NULL);
  g_autoptr(GRegex) slug = g_regex_new ("^[a-z0-9][a-z0-9-]*$", 0, 0, NULL);

  for (guint i = 0; i < kz_dataset_get_n_events (dataset); i++)
    {
      KzEvent *event = kz_dataset_get_event (dataset, i);
      const char *id = kz_event_get_id (event);
      const char *kind = event_kind_id (event);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *number = NULL;

      g_test_message ("event %s (%s)", id, kind);

      if (g_strcmp0 (kind, "fm-strategic-dialogue") == 0)
        {
          /* fmsd-N is the Nth round. */
          g_assert_true (g_regex_match (fmsd, id, 0, &match));
          number = g_match_info_fetch (match, 1);
          g_assert_cmpuint (kz_event_get_round (event), >, 0);
          g_assert_cmpuint (id_number (number), ==, kz_event_get_round (event));
        }
      else if (g_strcmp0 (kind, "annual-summit") == 0)
        {
          /* summit-YYYY, or summit-YYYY-MM when a year held two. */
          g_assert_true (g_regex_match (summit, id, 0, &match));
          number = g_match_info_fetch (match, 1);
          g_assert_cmpint ((gint) id_number (number), ==, kz_event_get_date (event)->year);
        }
      else if (g_strcmp0 (kind, "two-plus-two") == 0)
        {
          g_assert_true (g_regex_match (two_plus_two, id, 0, &match));
          number = g_match_info_fetch (match, 1);
          if (kz_event_get_round (event) > 0)
            g_assert_cmpuint (id_number (number), ==, kz_event_get_round (event));
        }
      else
        {
          g_assert_true (g_regex_match (slug, id, 0, NULL));
        }
    }
}

static void
test_eighteenth_strategic_dialogue (void)
{
  g_autoptr(KzDataset) dataset = load_bundled (NULL);
  KzEvent *event = kz_dataset_lookup_event (dataset, "fmsd-18");
  const KzDate *date;
  const struct {
    const char *area;
    KzStage     stage;
  } expected[] = {
    { "critical-minerals", KZ_STAGE_MECHANISM },  /* joint working group to convene */
    { "technology-ai", KZ_STAGE_MECHANISM },      /* AI dialogue launched */
  };

  g_assert_nonnull (event);
  g_assert_cmpstr (event_kind_id (event), ==, "fm-strategic-dialogue");
  g_assert_cmpuint (kz_event_get_round (event), ==, 18);

  date = kz_event_get_date (event);
  g_assert_cmpint (kz_date_get_precision (date), ==, KZ_DATE_PRECISION_DAY);
  g_assert_cmpint (date->year, ==, 2026);
  g_assert_cmpuint (date->month, ==, 1);
  g_assert_cmpuint (date->day, ==, 16);
  g_assert_cmpstr (kz_event_get_place (event), ==, "New Delhi");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      KzArea *area = kz_dataset_lookup_area (dataset, expected[i].area);
      const KzEventArea *entry;

      g_test_message ("fmsd-18, area %s", expected[i].area);
      g_assert_nonnull (area);
      entry = kz_event_find_area (event, area);
      g_assert_nonnull (entry);
      g_assert_cmpint (entry->stage, ==, expected[i].stage);
    }

  /* The quotes come from the cited report, attributed. */
  g_assert_cmpuint (kz_event_get_n_quotes (event), >, 0);
  for (guint i = 0; i < kz_event_get_n_quotes (event); i++)
    g_assert_cmpstr (kz_event_get_quote (event, i)->by, ==, "S. Jaishankar");
}

static void
test_area_colours_distinct (void)
{
  g_autoptr(KzDataset) dataset = load_bundled (NULL);
  GListModel *areas = kz_dataset_get_areas (dataset);
  guint n_areas = g_list_model_get_n_items (areas);
  double min_delta_e = G_MAXDOUBLE;

  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(KzArea) area1 = g_list_model_get_item (areas, i);
      Lab lab1 = rgb_to_lab (kz_area_get_rgb (area1));

      for (guint j = i + 1; j < n_areas; j++)
        {
          g_autoptr(KzArea) area2 = g_list_model_get_item (areas, j);
          double delta_e = ciede2000 (lab1, rgb_to_lab (kz_area_get_rgb (area2)));

          min_delta_e = MIN (min_delta_e, delta_e);
          if (delta_e < MIN_DELTA_E)
            g_test_message ("areas %s (#%06x) and %s (#%06x) are only ΔE00 %.2f apart",
                            kz_area_get_id (area1), kz_area_get_rgb (area1),
                            kz_area_get_id (area2), kz_area_get_rgb (area2), delta_e);
          g_assert_cmpfloat (delta_e, >=, MIN_DELTA_E);
        }
    }

  g_test_message ("smallest ΔE00 between two areas: %.2f", min_delta_e);
}

static void
test_area_colours_contrast (void)
{
  g_autoptr(KzDataset) dataset = load_bundled (NULL);
  GListModel *areas = kz_dataset_get_areas (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(KzArea) area = g_list_model_get_item (areas, i);
      guint32 rgb = kz_area_get_rgb (area);
      double on_light = contrast_ratio (rgb, LIGHT_BACKGROUND);
      double on_dark = contrast_ratio (rgb, DARK_BACKGROUND);

      g_test_message ("area %s (#%06x): contrast %.2f on #%06x, %.2f on #%06x",
                      kz_area_get_id (area), rgb, on_light, LIGHT_BACKGROUND,
                      on_dark, DARK_BACKGROUND);
      g_assert_cmpfloat (on_light, >=, MIN_CONTRAST);
      g_assert_cmpfloat (on_dark, >=, MIN_CONTRAST);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* The dataset: a path on the command line, else $KZ_BUNDLED_DATASET (set by meson),
   * else data/india-japan.json beside the tests folder. */
  if (argc > 1)
    dataset_path = argv[1];
  else if (g_getenv ("KZ_BUNDLED_DATASET") != NULL)
    dataset_path = g_getenv ("KZ_BUNDLED_DATASET");
  else
    dataset_path = g_test_build_filename (G_TEST_DIST, "..", "data", "india-japan.json", NULL);

  g_test_add_func ("/colour/ciede2000-reference", test_ciede2000_reference);
  g_test_add_func ("/colour/reference", test_colour_reference);
  g_test_add_func ("/bundled-dataset/loads-cleanly", test_loads_cleanly);
  g_test_add_func ("/bundled-dataset/event-counts", test_event_counts);
  g_test_add_func ("/bundled-dataset/every-area-used", test_every_area_used);
  g_test_add_func ("/bundled-dataset/every-event-sourced", test_every_event_sourced);
  g_test_add_func ("/bundled-dataset/every-area-entry-explained", test_every_area_entry_explained);
  g_test_add_func ("/bundled-dataset/id-scheme", test_id_scheme);
  g_test_add_func ("/bundled-dataset/fmsd-18", test_eighteenth_strategic_dialogue);
  g_test_add_func ("/bundled-dataset/area-colours-distinct", test_area_colours_distinct);
  g_test_add_func ("/bundled-dataset/area-colours-contrast", test_area_colours_contrast);

  return g_test_run ();
}
