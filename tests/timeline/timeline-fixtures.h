/* timeline-fixtures.h — datasets built in code for the timeline tests and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kz-dataset.h"

G_BEGIN_DECLS

/* 7 px per character: a deterministic stand-in for Pango. */
double     fixture_measure           (const char *text,
                                      gpointer    user_data);

KzDate     fixture_date              (int         year,
                                      int         month,
                                      int         day);
gint64     fixture_day               (int         year,
                                      int         month,
                                      int         day);

/* Eight areas with the bundled dataset's colours, six kinds, about thirty events from 2000
 * to 2026, with a year-only date, a month-only date and a two-day range. */
KzDataset *fixture_small_dataset     (void);

/* n_events over n_years from first_year, each in 1 to 4 of n_areas areas, with a few partial
 * dates and ranges; the same seed gives the same dataset. */
KzDataset *fixture_generated_dataset (guint       n_events,
                                      guint       n_areas,
                                      int         first_year,
                                      int         n_years,
                                      guint32     seed);

G_END_DECLS
