/* main.c — the kizuna program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "kz-application.h"
#include "kz-command-line.h"
#include "kz-resources.h"

/* GLib before 2.76 allocates small blocks from its own slice allocator, whose shared depot
 * serialises the loader's threads (each parses and frees many json-glib trees). GLib 2.76
 * replaced it with the system malloc; on older GLib we ask for the same, which GLib reads
 * only from the environment before its first allocation — so the process starts again. */
static void
use_system_malloc (char *argv[])
{
  if (glib_check_version (2, 76, 0) == NULL || g_getenv ("G_SLICE") != NULL)
    return;

  g_setenv ("G_SLICE", "always-malloc", TRUE);
  execv ("/proc/self/exe", argv);
  /* Without /proc the program simply goes on with the slice allocator. */
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KzApplication) app = NULL;
  g_auto(GStrv) window_argv = NULL;
  int status;

  use_system_malloc (argv);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The UI files and the bundled dataset, for the window and the command line alike. */
  kz_register_resource ();

  /* --validate and the other modes without a window are handled before GTK starts. */
  if (!kz_command_line_handle (argc, argv, &window_argv, &status))
    return status;

  app = kz_application_new ();
  return g_application_run (G_APPLICATION (app), (int) g_strv_length (window_argv), window_argv);
}
