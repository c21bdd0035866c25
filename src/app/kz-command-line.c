/* kz-command-line.c — the modes that need no display: --validate (and later --export)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsed before GTK is initialised: GtkApplication's startup aborts without a display,
 * and validating a file in a script or CI must never need one.
 */
#define G_LOG_DOMAIN "kz-command-line"

#include "config.h"

#include <stdio.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "kz-command-line.h"
#include "kz-dataset-loader.h"

typedef struct
{
  gboolean   validate;
  gboolean   version;
  char     **files;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->files, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
validate_one (const char *name,
              guint      *out_errors,
              guint      *out_warnings)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
  g_autoptr(KzDataset) dataset = NULL;
  guint n_errors = 0, n_warnings = 0;

  dataset = kz_dataset_load_from_file (file, problems, NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const KzProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = kz_problem_to_string (problem);

      if (problem->severity == KZ_PROBLEM_ERROR)
        n_errors++;
      else
        n_warnings++;
      g_print ("%s: %s\n", name, text);
    }

  *out_errors = n_errors;
  *out_warnings = n_warnings;
  return dataset != NULL;
}

static int
run_validate (char **files)
{
  guint n_valid = 0, n_files = g_strv_length (files);
  guint total_errors = 0, total_warnings = 0;

  for (guint i = 0; i < n_files; i++)
    {
      guint n_errors, n_warnings;

      if (validate_one (files[i], &n_errors, &n_warnings))
        n_valid++;
      total_errors += n_errors;
      total_warnings += n_warnings;
    }

  /* Translators: the validator's closing line; the second and third parts follow it */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u file checked: ", "%u files checked: ", n_files), n_files);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u valid, ", "%u valid, ", n_valid), n_valid);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u error, ", "%u errors, ", total_errors), total_errors);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u warning\n", "%u warnings\n", total_warnings), total_warnings);

  return n_valid == n_files ? KZ_EXIT_OK : KZ_EXIT_BAD_INPUT;
}

static void
print_usage_error (const char *program,
                   const char *message)
{
  g_autofree char *basename = g_path_get_basename (program);

  g_printerr ("%s: %s\n", basename, message);
  /* Translators: %s is the program name */
  g_printerr (_("Run “%s --help” to see a full list of available command line options.\n"), basename);
}

/**
 * kz_command_line_handle:
 * @out_window_argv: (out) (transfer full): the program name and the files to open, when
 *   the window is wanted
 * @out_status: (out): the exit status when the command line has been handled here
 *
 * Returns: %TRUE when the caller should open the window on @out_window_argv.
 */
gboolean
kz_command_line_handle (int     argc,
                        char  **argv,
                        char ***out_window_argv,
                        int    *out_status)
{
  g_auto(Options) options = { 0 };
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &options.validate,
      N_("Check each FILE and list every problem; exit 1 if any file is invalid"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL,
      N_("[FILE…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  const char *program = argc > 0 ? argv[0] : "kizuna";

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Kizuna shows how cooperation areas evolve across dialogues.\n"
                                  "With no FILE it opens the bundled India–Japan dataset."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 on success, 1 on bad input, 2 on a usage error."));

  *out_window_argv = NULL;

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      print_usage_error (program, error->message);
      *out_status = KZ_EXIT_USAGE;
      return FALSE;
    }

  if (options.version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      *out_status = KZ_EXIT_OK;
      return FALSE;
    }

  if (options.validate)
    {
      if (options.files == NULL || options.files[0] == NULL)
        {
          print_usage_error (program, _("--validate needs at least one FILE"));
          *out_status = KZ_EXIT_USAGE;
          return FALSE;
        }

      *out_status = run_validate (options.files);
      return FALSE;
    }

  /* The window: hand GApplication only the program name and the files to open. */
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, program);
  if (options.files != NULL)
    g_strv_builder_addv (builder, (const char **) options.files);
  *out_window_argv = g_strv_builder_end (builder);

  *out_status = KZ_EXIT_OK;
  return TRUE;
}
