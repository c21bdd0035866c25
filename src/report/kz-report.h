/* kz-report.h — evolution reports as text, CSV, JSON or Markdown, for the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kz-dataset.h"

G_BEGIN_DECLS

typedef enum {
  KZ_REPORT_FORMAT_TEXT,
  KZ_REPORT_FORMAT_CSV,
  KZ_REPORT_FORMAT_JSON,
  KZ_REPORT_FORMAT_MARKDOWN,
} KzReportFormat;

gboolean  kz_report_format_from_string (const char     *text,
                                        KzReportFormat *out_format);
char     *kz_report_areas              (KzDataset      *dataset,
                                        KzReportFormat  format);
char     *kz_report_compare            (KzDataset      *dataset,
                                        KzEvent        *from,
                                        KzEvent        *to,
                                        KzReportFormat  format);

G_END_DECLS
