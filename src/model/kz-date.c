/* kz-date.c — partial calendar dates (year, year-month, year-month-day)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kz-date"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-date.h"
#include "kz-dataset-loader.h"

G_DEFINE_BOXED_TYPE (KzDate, kz_date, kz_date_copy, kz_date_free)

KzDate *
kz_date_copy (const KzDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_memdup2 (date, sizeof *date);
}

void
kz_date_free (KzDate *date)
{
  g_free (date);
}

gboolean
kz_date_is_leap_year (int year)
{
  /* Proleptic Gregorian, astronomical years: year 0 is a leap year. */
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
kz_date_days_in_month (int year,
                       int month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && kz_date_is_leap_year (year))
    return 29;
  return days[month - 1];
}

/**
 * kz_date_set:
 * @month: 1–12, or 0 for a year-only date
 * @day: 1–31, or 0 for a date without a day
 *
 * Returns: %FALSE (leaving @date untouched) when the parts do not make a real date.
 */
gboolean
kz_date_set (KzDate *date,
             int     year,
             int     month,
             int     day)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (year < KZ_DATE_YEAR_MIN || year > KZ_DATE_YEAR_MAX)
    return FALSE;
  if (month < 0 || month > 12 || day < 0)
    return FALSE;
  if (month == 0 && day != 0)
    return FALSE;
  if (day != 0 && day > kz_date_days_in_month (year, month))
    return FALSE;

  date->year = (gint16) year;
  date->month = (guint8) month;
  date->day = (guint8) day;
  return TRUE;
}

static gboolean
parse_digits (const char **p,
              guint        n_digits,
              int         *out_value)
{
  int value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += n_digits;
  *out_value = value;
  return TRUE;
}

/**
 * kz_date_parse:
 * @text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with an optional leading `-` for years
 *   before year 1 (astronomical numbering: `-0043` is 44 BC)
 *
 * Returns: %TRUE and fills @out_date, or %FALSE with a %KZ_DATASET_ERROR_INVALID error
 *   that says what is wrong.
 */
gboolean
kz_date_parse (const char  *text,
               KzDate      *out_date,
               GError     **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  int year = 0, month = 0, day = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!parse_digits (&p, 4, &year))
    goto malformed;
  if (negative)
    year = -year;

  if (*p == '-')
    {
      p++;
      if (!parse_digits (&p, 2, &month))
        goto malformed;
      if (month < 1 || month > 12)
        {
          g_set_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_INVALID,
                       _("“%s” has month %d; months run from 01 to 12"), text, month);
          return FALSE;
        }

      if (*p == '-')
        {
          p++;
          if (!parse_digits (&p, 2, &day))
            goto malformed;
          if (day < 1 || day > kz_date_days_in_month (year, month))
            {
              g_set_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_INVALID,
                           _("“%s” is not a real date: that month has %d days"),
                           text, kz_date_days_in_month (year, month));
              return FALSE;
            }
        }
    }

  if (*p != '\0')
    goto malformed;

  if (!kz_date_set (out_date, year, month, day))
    goto malformed;

  return TRUE;

malformed:
  g_set_error (error, KZ_DATASET_ERROR, KZ_DATASET_ERROR_INVALID,
               _("“%s” is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"), text);
  return FALSE;
}

KzDatePrecision
kz_date_get_precision (const KzDate *date)
{
  g_return_val_if_fail (date != NULL, KZ_DATE_PRECISION_YEAR);

  if (date->month == 0)
    return KZ_DATE_PRECISION_YEAR;
  if (date->day == 0)
    return KZ_DATE_PRECISION_MONTH;
  return KZ_DATE_PRECISION_DAY;
}

/* A partial date sorts before any fuller date in its period: 2021 < 2021-01 < 2021-01-01. */
int
kz_date_compare (const KzDate *a,
                 const KzDate *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar, for any year (Howard
 * Hinnant's days_from_civil). No time zone is involved: a date is a date. */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The first day of the date's period: 1 January for a year, the 1st for a month. */
gint64
kz_date_get_first_day (const KzDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  switch (kz_date_get_precision (date))
    {
    case KZ_DATE_PRECISION_YEAR:
      return days_from_civil (date->year, 1, 1);
    case KZ_DATE_PRECISION_MONTH:
      return days_from_civil (date->year, date->month, 1);
    case KZ_DATE_PRECISION_DAY:
    default:
      return days_from_civil (date->year, date->month, date->day);
    }
}

/* The last day of the date's period: 31 December for a year, the month's last day. */
gint64
kz_date_get_last_day (const KzDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  switch (kz_date_get_precision (date))
    {
    case KZ_DATE_PRECISION_YEAR:
      return days_from_civil (date->year, 12, 31);
    case KZ_DATE_PRECISION_MONTH:
      return days_from_civil (date->year, date->month,
                              kz_date_days_in_month (date->year, date->month));
    case KZ_DATE_PRECISION_DAY:
    default:
      return kz_date_get_first_day (date);
    }
}

/* The inverse of days_from_civil (Hinnant's civil_from_days). Day numbers outside the
 * supported years are clamped to the nearest supported day. */
KzDate
kz_date_from_day (gint64 day_number)
{
  KzDate date;
  gint64 z, era, doe, yoe, y, doy, mp, d, m;
  gint64 min_day = days_from_civil (KZ_DATE_YEAR_MIN, 1, 1);
  gint64 max_day = days_from_civil (KZ_DATE_YEAR_MAX, 12, 31);

  day_number = CLAMP (day_number, min_day, max_day);
  z = day_number + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;

  date.year = (gint16) y;
  date.month = (guint8) m;
  date.day = (guint8) d;
  return date;
}

/* The canonical dataset form: 2026-01-16, 2026-01, 2026, -0043. */
char *
kz_date_to_iso (const KzDate *date)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  year = g_strdup_printf ("%s%04d", date->year < 0 ? "-" : "", ABS (date->year));

  switch (kz_date_get_precision (date))
    {
    case KZ_DATE_PRECISION_YEAR:
      return g_steal_pointer (&year);
    case KZ_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%s-%02d", year, date->month);
    case KZ_DATE_PRECISION_DAY:
    default:
      return g_strdup_printf ("%s-%02d-%02d", year, date->month, date->day);
    }
}

static char *
format_year (int year)
{
  /* Astronomical year 0 is 1 BC, -43 is 44 BC. */
  if (year <= 0)
    /* Translators: a year before the common era, e.g. “44 BC” */
    return g_strdup_printf (_("%d BC"), 1 - year);

  return g_strdup_printf ("%d", year);
}

static char *
month_name (int month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2001, month, 1, 0, 0, 0);

  /* GLib takes month names from the C library's locale data, so they follow LC_TIME. */
  return g_date_time_format (dt, "%B");
}

/* Replaces {day}, {month} and {year} in a translatable pattern, so translators can order
 * them and add particles (e.g. Japanese “{year}年{month}{day}日”). */
static char *
expand_pattern (const char *pattern,
                const KzDate *date)
{
  GString *out = g_string_new (NULL);
  const char *p = pattern;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "{day}"))
        {
          g_string_append_printf (out, "%d", date->day);
          p += strlen ("{day}");
        }
      else if (g_str_has_prefix (p, "{month}"))
        {
          g_autofree char *name = month_name (date->month);
          g_string_append (out, name);
          p += strlen ("{month}");
        }
      else if (g_str_has_prefix (p, "{year}"))
        {
          g_autofree char *year = format_year (date->year);
          g_string_append (out, year);
          p += strlen ("{year}");
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * kz_date_format:
 *
 * Formats @date for display in the user's locale, at its own precision: “16 January 2026”,
 * “January 2026”, “2026”, “44 BC”.
 */
char *
kz_date_format (const KzDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (kz_date_get_precision (date))
    {
    case KZ_DATE_PRECISION_YEAR:
      return format_year (date->year);
    case KZ_DATE_PRECISION_MONTH:
      /* Translators: a date with a month but no day. Keep {month} and {year};
       * {month} is the full month name from your locale. */
      return expand_pattern (C_("date with month", "{month} {year}"), date);
    case KZ_DATE_PRECISION_DAY:
    default:
      /* Translators: a full date. Keep {day}, {month} and {year}; {month} is the full
       * month name from your locale. */
      return expand_pattern (C_("full date", "{day} {month} {year}"), date);
    }
}
