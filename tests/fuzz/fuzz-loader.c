/* fuzz-loader.c — libFuzzer target: the loader must survive any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build with -Dfuzzing=true (clang). A crash, a sanitizer report, a GLib critical or
 * warning (made fatal below), a hang or runaway memory all count as findings.
 */
#include "config.h"

#include <stdint.h>

#include "kz-dataset-loader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(KzDataset) dataset = kz_dataset_load_from_bytes (bytes, problems, &error);

  /* The contract: a dataset, or an error with at least one problem that says why. */
  if (dataset == NULL)
    g_assert (error != NULL && problems->len > 0);
  else
    g_assert (error == NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const KzProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = kz_problem_to_string (problem);

      g_assert (g_utf8_validate (text, -1, NULL));
      /* Differential check: json-glib must accept whatever Kizuna's own syntax scan
       * accepted (the loader reports json-glib's refusals with this prefix). */
      g_assert (!g_str_has_prefix (problem->message, "not well-formed JSON"));
    }

  return 0;
}
