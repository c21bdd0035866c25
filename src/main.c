/* main.c — the kizuna program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "kz-allocator.h"
#include "kz-application.h"
#include "kz-command-line.h"
#include "kz-resources.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KzApplication) app = NULL;
  g_auto(GStrv) window_argv = NULL;
  const char *localedir;
  int status;

  kz_allocator_setup (argv);

  setlocale (LC_ALL, "");
  /* Tests and uninstalled runs point KIZUNA_LOCALEDIR at the build's catalogues (<builddir>/po). */
  localedir = g_getenv ("KIZUNA_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
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
