/* kz-test-run.h — running the real kizuna binary the way scripts run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;   /* the exit status */
  char *out;      /* what it printed, as UTF-8 */
  char *err;
} KzTestRun;

void kz_test_run_clear  (KzTestRun          *run);
void kz_test_run_argv   (KzTestRun          *run,
                         const char * const *argv);
void kz_test_run_kizuna (KzTestRun          *run,
                         const char         *first_arg,
                         ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KzTestRun, kz_test_run_clear)

G_END_DECLS
