/* test-date.c — KzDate: parsing, leap years, years before 1, ordering, display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "kz-dataset-loader.h"
#include "kz-date.h"

static KzDate
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  KzDate date = { 0 };

  if (!kz_date_parse (text, &date, &error))
    g_error ("“%s” should parse: %s", text, error->message);
  return date;
}

static void
assert_parse_fails (const char *text,
                    const char *fragment)
{
  g_autoptr(GError) error = NULL;
  KzDate date = { 0 };

  g_assert_false (kz_date_parse (text, &date, &error));
  g_assert_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("error for “%s” should mention “%s”: %s", text, fragment, error->message);
}

static void
test_parse_precisions (void)
{
  KzDate date;

  date = parse_ok ("2026");
  g_assert_cmpint (date.year, ==, 2026);
  g_assert_cmpint (kz_date_get_precision (&date), ==, KZ_DATE_PRECISION_YEAR);

  date = parse_ok ("2026-01");
  g_assert_cmpint (date.month, ==, 1);
  g_assert_cmpint (kz_date_get_precision (&date), ==, KZ_DATE_PRECISION_MONTH);

  date = parse_ok ("2026-01-16");
  g_assert_cmpint (date.day, ==, 16);
  g_assert_cmpint (kz_date_get_precision (&date), ==, KZ_DATE_PRECISION_DAY);
}

static void
test_parse_rejects (void)
{
  assert_parse_fails ("2026-02-30", "28 days");
  assert_parse_fails ("2023-02-29", "28 days");
  assert_parse_fails ("2021-13", "month 13");
  assert_parse_fails ("2021-00", "month 0");
  assert_parse_fails ("2021-04-31", "30 days");
  assert_parse_fails ("2021-01-00", "not a real date");
  assert_parse_fails ("", "not a date");
  assert_parse_fails ("26", "not a date");
  assert_parse_fails ("20260", "not a date");
  assert_parse_fails ("2026-1-16", "not a date");
  assert_parse_fails ("2026-01-16T00:00", "not a date");
  assert_parse_fails ("16/01/2026", "not a date");
  assert_parse_fails (" 2026", "not a date");
  assert_parse_fails ("+2026", "not a date");
  assert_parse_fails ("--2026", "not a date");
  assert_parse_fails ("２０２６", "not a date");
}

static void
test_leap_years (void)
{
  g_assert_true (kz_date_is_leap_year (2024));
  g_assert_false (kz_date_is_leap_year (2023));
  g_assert_false (kz_date_is_leap_year (1900));
  g_assert_true (kz_date_is_leap_year (2000));
  /* Astronomical year 0 (1 BC) and -4 (5 BC) are leap years in the proleptic calendar. */
  g_assert_true (kz_date_is_leap_year (0));
  g_assert_true (kz_date_is_leap_year (-4));
  g_assert_false (kz_date_is_leap_year (-1));

  parse_ok ("2024-02-29");
  parse_ok ("2000-02-29");
  parse_ok ("0000-02-29");
  assert_parse_fails ("1900-02-29", "28 days");
  assert_parse_fails ("-0001-02-29", "28 days");
}

static void
test_years_before_one (void)
{
  KzDate ides = parse_ok ("-0043-03-15");
  KzDate zero = parse_ok ("0000");
  KzDate one = parse_ok ("0001");
  g_autofree char *iso = kz_date_to_iso (&ides);

  g_assert_cmpint (ides.year, ==, -43);
  g_assert_cmpstr (iso, ==, "-0043-03-15");
  g_assert_cmpint (kz_date_compare (&ides, &zero), <, 0);
  g_assert_cmpint (kz_date_compare (&zero, &one), <, 0);
  /* Day numbers continue across year 0 without a gap. */
  g_assert_cmpint (kz_date_get_last_day (&zero) + 1, ==, kz_date_get_first_day (&one));
}

static void
test_ordering (void)
{
  const char *sorted[] = {
    "-0100", "-0043-03-15", "0000", "1999-12-31", "2021", "2021-01", "2021-01-01",
    "2021-01-02", "2021-02", "2021-02-01", "2022",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sorted); j++)
      {
        KzDate a = parse_ok (sorted[i]), b = parse_ok (sorted[j]);
        int expected = i < j ? -1 : i > j ? 1 : 0;
        int cmp = kz_date_compare (&a, &b);

        g_assert_cmpint (cmp < 0 ? -1 : cmp > 0 ? 1 : 0, ==, expected);
      }
}

static void
test_day_numbers (void)
{
  KzDate epoch = parse_ok ("1970-01-01");
  KzDate fmsd = parse_ok ("2026-01-16");
  KzDate year = parse_ok ("2024");
  KzDate month = parse_ok ("2024-02");

  g_assert_cmpint (kz_date_get_first_day (&epoch), ==, 0);
  /* 2026-01-16 is 20469 days after the epoch (date -d 2026-01-16 +%s / 86400). */
  g_assert_cmpint (kz_date_get_first_day (&fmsd), ==, 20469);
  g_assert_cmpint (kz_date_get_last_day (&fmsd), ==, 20469);
  g_assert_cmpint (kz_date_get_last_day (&year) - kz_date_get_first_day (&year), ==, 365);
  g_assert_cmpint (kz_date_get_last_day (&month) - kz_date_get_first_day (&month), ==, 28);

  /* from_day inverts first_day for every day over a long stretch, BC included. */
  for (gint64 day = -800000; day < 30000; day += 7)
    {
      KzDate date = kz_date_from_day (day);

      g_assert_cmpint (kz_date_get_precision (&date), ==, KZ_DATE_PRECISION_DAY);
      g_assert_cmpint (kz_date_get_first_day (&date), ==, day);
    }
}

static void
test_display (void)
{
  KzDate day = parse_ok ("2026-01-16");
  KzDate month = parse_ok ("2026-01");
  KzDate year = parse_ok ("2026");
  KzDate bc = parse_ok ("-0043");
  KzDate one_bc = parse_ok ("0000-02");
  g_autofree char *day_text = kz_date_format (&day);
  g_autofree char *month_text = kz_date_format (&month);
  g_autofree char *year_text = kz_date_format (&year);
  g_autofree char *bc_text = kz_date_format (&bc);
  g_autofree char *one_bc_text = kz_date_format (&one_bc);

  /* The C locale: English month names, day month year. */
  g_assert_cmpstr (day_text, ==, "16 January 2026");
  g_assert_cmpstr (month_text, ==, "January 2026");
  g_assert_cmpstr (year_text, ==, "2026");
  g_assert_cmpstr (bc_text, ==, "44 BC");
  g_assert_cmpstr (one_bc_text, ==, "February 1 BC");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/precisions", test_parse_precisions);
  g_test_add_func ("/date/parse/rejects", test_parse_rejects);
  g_test_add_func ("/date/leap-years", test_leap_years);
  g_test_add_func ("/date/years-before-one", test_years_before_one);
  g_test_add_func ("/date/ordering", test_ordering);
  g_test_add_func ("/date/day-numbers", test_day_numbers);
  g_test_add_func ("/date/display", test_display);

  return g_test_run ();
}
