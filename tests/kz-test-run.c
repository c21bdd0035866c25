/* kz-test-run.c — running the real kizuna binary the way scripts run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display at all, the C locale, no translations: what a script or CI sees.
 */
#include "config.h"

#include "kz-test-run.h"

void
kz_test_run_clear (KzTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs @argv (any program: kizuna, pdfinfo, …) to its end. */
void
kz_test_run_argv (KzTestRun          *run,
                  const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* Runs the kizuna that KZ_BINARY names (meson sets it) with the arguments, NULL-terminated. */
void
kz_test_run_kizuna (KzTestRun  *run,
                    const char *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *binary = g_getenv ("KZ_BINARY");
  va_list ap;

  g_assert_nonnull (binary);
  g_ptr_array_add (args, (gpointer) binary);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  kz_test_run_argv (run, (const char * const *) args->pdata);
}
