/* kz-date.h — partial calendar dates (year, year-month, year-month-day)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Years are astronomical: 0 is 1 BC, -43 is 44 BC. The format allows four digits. */
#define KZ_DATE_YEAR_MIN (-9999)
#define KZ_DATE_YEAR_MAX 9999

typedef enum {
  KZ_DATE_PRECISION_YEAR,
  KZ_DATE_PRECISION_MONTH,
  KZ_DATE_PRECISION_DAY,
} KzDatePrecision;

/* A plain value type: copy it by assignment. month and day are 0 when absent. */
typedef struct {
  gint16 year;
  guint8 month;
  guint8 day;
} KzDate;

#define KZ_TYPE_DATE (kz_date_get_type ())
GType           kz_date_get_type          (void) G_GNUC_CONST;

KzDate         *kz_date_copy              (const KzDate *date);
void            kz_date_free              (KzDate       *date);

gboolean        kz_date_parse             (const char   *text,
                                           KzDate       *out_date,
                                           GError      **error);
gboolean        kz_date_set               (KzDate       *date,
                                           int           year,
                                           int           month,
                                           int           day);
KzDatePrecision kz_date_get_precision     (const KzDate *date);
int             kz_date_compare           (const KzDate *a,
                                           const KzDate *b);
gboolean        kz_date_is_leap_year      (int           year);
int             kz_date_days_in_month     (int           year,
                                           int           month);
gint64          kz_date_get_first_day     (const KzDate *date);
gint64          kz_date_get_last_day      (const KzDate *date);
KzDate          kz_date_from_day          (gint64        day_number);
char           *kz_date_to_iso            (const KzDate *date);
char           *kz_date_format            (const KzDate *date);

G_END_DECLS
