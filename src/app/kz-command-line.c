/* kz-command-line.c — the modes that need no display: --validate, --export and --report
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

#include <gtk/gtk.h>

#include "kz-command-line.h"
#include "kz-dataset-cache.h"
#include "kz-dataset-loader.h"
#include "kz-export.h"
#include "kz-matrix-layout.h"
#include "kz-report.h"

/* An integer option not given: any value a user could type is checked, 0 included. */
#define UNSET G_MININT

/* Where the bundled dataset lives in the GResource. */
#define BUNDLED_DATASET RESOURCE_BASE "/india-japan.json"

typedef struct
{
  gboolean   validate;
  gboolean   version;
  char      *export_path;
  char      *from;
  char      *to;
  char      *areas;
  char      *kinds;
  int        width;
  int        height;
  int        scale;
  char      *theme;
  char      *report;
  char      *format;
  char      *view;
  char     **files;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->export_path, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->areas, g_free);
  g_clear_pointer (&options->kinds, g_free);
  g_clear_pointer (&options->theme, g_free);
  g_clear_pointer (&options->report, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->view, g_free);
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

  {
    /* Each count is its own phrase, for its own plural; the line that joins them is one
     * string, so translators can order the phrases as their language needs. */
    g_autofree char *files_text =
      /* Translators: first phrase of the validator's closing line */
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file checked", "%u files checked", n_files), n_files);
    g_autofree char *valid_text =
      /* Translators: phrase of the validator's closing line: how many files are valid */
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u valid", "%u valid", n_valid), n_valid);
    g_autofree char *errors_text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", total_errors), total_errors);
    g_autofree char *warnings_text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", total_warnings), total_warnings);

    /* Translators: the validator's closing line, e.g. “2 files checked: 1 valid, 4 errors,
     * 0 warnings”; use %1$s … %4$s to reorder */
    g_print (C_("validator summary", "%s: %s, %s, %s\n"), files_text, valid_text, errors_text, warnings_text);
  }

  return n_valid == n_files ? KZ_EXIT_OK : KZ_EXIT_BAD_INPUT;
}


static void
print_usage_error (const char *program,
                   const char *message);

static void
print_problems (const char *name,
                GPtrArray  *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = kz_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s: %s\n", name, text);
    }
}

/* The dataset named on the command line, or the bundled one. */
static KzDataset *
load_dataset (const char  *name,
              GFile      **out_file)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kz_problem_free);
  g_autoptr(KzDataset) dataset = NULL;

  *out_file = NULL;

  if (name != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
      /* Copies the window made of large files make repeat exports quick. The command
       * line only reads them: a script's one-off export should not fill the cache. */
      g_autoptr(KzDatasetCache) cache = kz_dataset_cache_new (NULL);

      dataset = kz_dataset_cache_load_file (cache, file, problems, NULL, NULL, NULL, NULL, NULL);
      if (dataset == NULL)
        {
          print_problems (name, problems);
          return NULL;
        }
      *out_file = g_steal_pointer (&file);
    }
  else
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (BUNDLED_DATASET, 0, NULL);

      g_assert (bytes != NULL);
      dataset = kz_dataset_load_from_bytes (bytes, problems, NULL);
      if (dataset == NULL)
        {
          print_problems (BUNDLED_DATASET, problems);
          return NULL;
        }
    }

  return g_steal_pointer (&dataset);
}

static gpointer
lookup_area (KzDataset  *dataset,
             const char *id)
{
  return kz_dataset_lookup_area (dataset, id);
}

static gpointer
lookup_kind (KzDataset  *dataset,
             const char *id)
{
  return kz_dataset_lookup_kind (dataset, id);
}

/* Fills @out with the objects @ids (comma-separated) name through @lookup; unknown ids are
 * listed in @unknown. */
static void
resolve_ids (const char  *ids,
             KzDataset   *dataset,
             gpointer   (*lookup) (KzDataset *, const char *),
             GPtrArray   *out,
             GString     *unknown)
{
  g_auto(GStrv) parts = g_strsplit (ids, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *id = g_strstrip (parts[i]);
      gpointer object;

      if (*id == '\0')
        continue;

      object = lookup (dataset, id);
      if (object == NULL)
        g_string_append_printf (unknown, "%s%s", unknown->len > 0 ? ", " : "", id);
      else if (!g_ptr_array_find (out, object, NULL))
        g_ptr_array_add (out, g_object_ref (object));
    }
}

static gboolean
parse_date_option (const char  *program,
                   const char  *option,
                   const char  *text,
                   KzDate      *out_date)
{
  g_autoptr(GError) error = NULL;

  if (kz_date_parse (text, out_date, &error))
    return TRUE;

  {
    /* Translators: %s is an option such as --from, then the reason */
    g_autofree char *message = g_strdup_printf (C_("option and problem", "%s: %s"), option, error->message);
    print_usage_error (program, message);
  }
  return FALSE;
}

/* Whether writing @out would overwrite @input, under any name (links included). */
static gboolean
is_same_file (GFile *input,
              GFile *out)
{
  g_autoptr(GFileInfo) input_info = NULL;
  g_autoptr(GFileInfo) out_info = NULL;

  if (input == NULL)
    return FALSE;
  if (g_file_equal (input, out))
    return TRUE;

  input_info = g_file_query_info (input, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  out_info = g_file_query_info (out, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return input_info != NULL && out_info != NULL &&
         g_strcmp0 (g_file_info_get_attribute_string (input_info, G_FILE_ATTRIBUTE_ID_FILE),
                    g_file_info_get_attribute_string (out_info, G_FILE_ATTRIBUTE_ID_FILE)) == 0;
}

static int
run_export (const char *program,
            Options    *options)
{
  g_auto(KzExportOptions) export = { 0 };
  g_autoptr(KzDataset) dataset = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  KzDate from, to;
  const char *file = NULL;

  kz_export_options_init (&export);

  /* Usage first: everything that can be checked without the dataset. */
  if (!kz_export_format_from_path (options->export_path, &export.format))
    {
      g_autofree char *message =
        g_strdup_printf (_("--export: “%s” has no known extension; use .png, .svg or .pdf"),
                         options->export_path);
      print_usage_error (program, message);
      return KZ_EXIT_USAGE;
    }

  if (options->files != NULL && options->files[0] != NULL)
    {
      if (options->files[1] != NULL)
        {
          print_usage_error (program, _("--export takes at most one dataset FILE"));
          return KZ_EXIT_USAGE;
        }
      file = options->files[0];
    }

  if (options->from != NULL && !parse_date_option (program, "--from", options->from, &from))
    return KZ_EXIT_USAGE;
  if (options->to != NULL && !parse_date_option (program, "--to", options->to, &to))
    return KZ_EXIT_USAGE;
  if (options->from != NULL && options->to != NULL &&
      kz_date_get_last_day (&to) < kz_date_get_first_day (&from))
    {
      print_usage_error (program, _("--to: the end of the range is before --from"));
      return KZ_EXIT_USAGE;
    }

  if (options->width != UNSET)
    export.width = options->width;
  if (options->height != UNSET)
    export.height = options->height;
  if (options->scale != UNSET)
    export.scale = options->scale;

  if (export.width < 1 || export.width > KZ_EXPORT_MAX_SIDE)
    {
      g_autofree char *message = g_strdup_printf (_("--width: give a size from 1 to %d pixels"),
                                                  KZ_EXPORT_MAX_SIDE);
      print_usage_error (program, message);
      return KZ_EXIT_USAGE;
    }
  if (export.height < 1 || export.height > KZ_EXPORT_MAX_SIDE)
    {
      g_autofree char *message = g_strdup_printf (_("--height: give a size from 1 to %d pixels"),
                                                  KZ_EXPORT_MAX_SIDE);
      print_usage_error (program, message);
      return KZ_EXIT_USAGE;
    }
  if (export.scale < 1 || export.scale > KZ_EXPORT_MAX_SCALE)
    {
      g_autofree char *message = g_strdup_printf (_("--scale: give a whole number from 1 to %d"),
                                                  KZ_EXPORT_MAX_SCALE);
      print_usage_error (program, message);
      return KZ_EXIT_USAGE;
    }
  if (export.format != KZ_EXPORT_FORMAT_PNG && export.scale > 1)
    {
      print_usage_error (program, _("--scale: only PNG exports have a scale; SVG and PDF are vector images"));
      return KZ_EXIT_USAGE;
    }

  if (options->theme != NULL)
    {
      if (g_str_equal (options->theme, "dark"))
        export.dark = TRUE;
      else if (!g_str_equal (options->theme, "light"))
        {
          print_usage_error (program, _("--theme: use light or dark"));
          return KZ_EXIT_USAGE;
        }
    }

  if (options->view != NULL)
    {
      if (g_str_equal (options->view, "matrix"))
        export.view = KZ_EXPORT_VIEW_MATRIX;
      else if (!g_str_equal (options->view, "timeline"))
        {
          print_usage_error (program, _("--view: use timeline or matrix"));
          return KZ_EXIT_USAGE;
        }
    }

  dataset = load_dataset (file, &input);
  if (dataset == NULL)
    return KZ_EXIT_BAD_INPUT;

  if (options->areas != NULL || options->kinds != NULL)
    {
      g_autoptr(GString) unknown_areas = g_string_new (NULL);
      g_autoptr(GString) unknown_kinds = g_string_new (NULL);
      g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_object_unref);

      if (options->areas != NULL)
        {
          export.areas = g_ptr_array_new_with_free_func (g_object_unref);
          resolve_ids (options->areas, dataset, lookup_area,
                       export.areas, unknown_areas);
        }
      if (options->kinds != NULL)
        resolve_ids (options->kinds, dataset, lookup_kind,
                     kinds, unknown_kinds);

      if (unknown_areas->len > 0)
        {
          g_autofree char *message = g_strdup_printf (_("--areas: no area with the id %s in the dataset"),
                                                      unknown_areas->str);
          print_usage_error (program, message);
          return KZ_EXIT_USAGE;
        }
      if (unknown_kinds->len > 0)
        {
          g_autofree char *message = g_strdup_printf (_("--kinds: no kind with the id %s in the dataset"),
                                                      unknown_kinds->str);
          print_usage_error (program, message);
          return KZ_EXIT_USAGE;
        }
      if (export.areas != NULL && export.areas->len == 0)
        {
          print_usage_error (program, _("--areas: name at least one area"));
          return KZ_EXIT_USAGE;
        }

      /* --kinds says what to keep; the renderer takes what to leave out. */
      if (options->kinds != NULL)
        {
          GListModel *all = kz_dataset_get_kinds (dataset);

          if (kinds->len == 0)
            {
              print_usage_error (program, _("--kinds: name at least one kind"));
              return KZ_EXIT_USAGE;
            }
          /* The matrix's columns are the events of one kind. */
          if (export.view == KZ_EXPORT_VIEW_MATRIX && kinds->len != 1)
            {
              print_usage_error (program, _("--kinds: with --view matrix, name exactly one kind"));
              return KZ_EXIT_USAGE;
            }
          if (export.view == KZ_EXPORT_VIEW_MATRIX)
            export.matrix_kind = g_object_ref (g_ptr_array_index (kinds, 0));

          export.hidden_kinds = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint i = 0; i < g_list_model_get_n_items (all); i++)
            {
              g_autoptr(KzKind) kind = g_list_model_get_item (all, i);

              if (!g_ptr_array_find (kinds, kind, NULL))
                g_ptr_array_add (export.hidden_kinds, g_object_ref (kind));
            }
        }
    }

  if (options->from != NULL || options->to != NULL)
    {
      gint64 first_day = 0, last_day = 0;

      kz_dataset_get_span (dataset, &first_day, &last_day);
      export.has_range = TRUE;
      export.first_day = options->from != NULL ? kz_date_get_first_day (&from) : KZ_EXPORT_OPEN_START;
      export.last_day = options->to != NULL ? kz_date_get_last_day (&to) : KZ_EXPORT_OPEN_END;
      /* An open end reaches the dataset's: the range must still hold some of it. */
      if ((options->to != NULL ? export.last_day : last_day) <
          (options->from != NULL ? export.first_day : first_day))
        {
          print_usage_error (program, _("--from, --to: the range holds none of the dataset’s events"));
          return KZ_EXIT_USAGE;
        }
    }

  if (export.view == KZ_EXPORT_VIEW_MATRIX && export.matrix_kind == NULL)
    {
      /* As the window: the strategic dialogue, or the kind with the most events. */
      KzKind *kind = kz_matrix_layout_default_kind (dataset);

      if (kind == NULL)
        {
          g_printerr (_("%s: --view matrix: the dataset has no kinds of event to make columns of\n"),
                      file != NULL ? file : BUNDLED_DATASET);
          return KZ_EXIT_BAD_INPUT;
        }
      export.matrix_kind = g_object_ref (kind);
    }

  out = g_file_new_for_commandline_arg (options->export_path);
  if (is_same_file (input, out))
    {
      g_printerr (_("%s: refusing to write over the dataset being exported\n"), options->export_path);
      return KZ_EXIT_BAD_INPUT;
    }

  /* Registers GSK's render node types; it cannot open a display here and need not. */
  gtk_init_check ();

  if (!kz_export_write (dataset, &export, g_file_peek_path (out), NULL, &error))
    {
      g_printerr ("%s: %s\n", options->export_path, error->message);
      return KZ_EXIT_BAD_INPUT;
    }

  return KZ_EXIT_OK;
}

static int
run_report (const char *program,
            Options    *options)
{
  g_autoptr(KzDataset) dataset = NULL;
  g_autoptr(GFile) input = NULL;
  g_autofree char *text = NULL;
  KzReportFormat format = KZ_REPORT_FORMAT_TEXT;
  guint n_args = options->files != NULL ? g_strv_length (options->files) : 0;
  const char *file = NULL;
  gboolean compare;

  if (options->format != NULL && !kz_report_format_from_string (options->format, &format))
    {
      print_usage_error (program, _("--format: use text, csv, json or markdown"));
      return KZ_EXIT_USAGE;
    }

  compare = g_str_equal (options->report, "compare");
  if (!compare && !g_str_equal (options->report, "areas"))
    {
      g_autofree char *message = g_strdup_printf (_("--report: “%s” is not a report; use areas or compare"),
                                                  options->report);
      print_usage_error (program, message);
      return KZ_EXIT_USAGE;
    }

  if (compare && (n_args < 2 || n_args > 3))
    {
      print_usage_error (program, _("--report compare needs two event ids, then an optional FILE"));
      return KZ_EXIT_USAGE;
    }
  if (!compare && n_args > 1)
    {
      print_usage_error (program, _("--report areas takes at most one dataset FILE"));
      return KZ_EXIT_USAGE;
    }

  if ((compare && n_args == 3) || (!compare && n_args == 1))
    file = options->files[n_args - 1];

  dataset = load_dataset (file, &input);
  if (dataset == NULL)
    return KZ_EXIT_BAD_INPUT;

  if (compare)
    {
      KzEvent *from = kz_dataset_lookup_event (dataset, options->files[0]);
      KzEvent *to = kz_dataset_lookup_event (dataset, options->files[1]);

      if (from == NULL || to == NULL)
        {
          g_autoptr(GString) unknown = g_string_new (NULL);
          g_autofree char *message = NULL;

          if (from == NULL)
            g_string_append (unknown, options->files[0]);
          if (to == NULL)
            g_string_append_printf (unknown, "%s%s", unknown->len > 0 ? ", " : "", options->files[1]);
          message = g_strdup_printf (_("--report compare: no event with the id %s in the dataset"),
                                     unknown->str);
          print_usage_error (program, message);
          return KZ_EXIT_USAGE;
        }

      text = kz_report_compare (dataset, from, to, format);
    }
  else
    text = kz_report_areas (dataset, format);

  g_print ("%s", text);
  return KZ_EXIT_OK;
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
  g_auto(Options) options = { .width = UNSET, .height = UNSET, .scale = UNSET };
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &options.validate,
      N_("Check each FILE and list every problem; exit 1 if any file is invalid"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &options.export_path,
      N_("Draw the timeline of FILE (or the bundled dataset) into OUT: .png, .svg or .pdf"),
      N_("OUT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("Export from this date (YYYY, YYYY-MM or YYYY-MM-DD); default: the first event"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to,
      N_("Export up to this date; default: the last event"), N_("DATE") },
    { "areas", 0, 0, G_OPTION_ARG_STRING, &options.areas,
      N_("Export only these areas, in this order (comma-separated ids)"), N_("ID,…") },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &options.kinds,
      N_("Export only events of these kinds (comma-separated ids)"), N_("ID,…") },
    { "width", 0, 0, G_OPTION_ARG_INT, &options.width,
      N_("Width of the export in pixels (default 1920)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &options.height,
      N_("Height of the export in pixels (default 1080)"), N_("PX") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &options.scale,
      N_("Pixels per point in a PNG export, 1 to 4 (default 1)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &options.theme,
      N_("Colours of the export: light (default) or dark"), N_("THEME") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &options.view,
      N_("What to export: timeline (default) or matrix (areas × the events of the one kind --kinds names)"),
      N_("VIEW") },
    { "report", 0, 0, G_OPTION_ARG_STRING, &options.report,
      N_("Print a report: “areas” (how each area grew) or “compare ID ID” (what changed between two events)"),
      N_("REPORT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("Format of a report: text (default), csv, json or markdown"), N_("FORMAT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL,
      N_("[FILE…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  const char *program = argc > 0 ? argv[0] : "kizuna";

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Kizuna shows how cooperation areas evolve across dialogues.\n"
                                  "With no FILE it opens the bundled India–Japan dataset."));
  /* The example commands are not translated: they are what a user types. */
  description = g_strdup_printf ("%s\n"
                                 "  kizuna --validate my-dataset.json\n"
                                 "  kizuna --export briefing.pdf --from 2014 --to 2026 --areas critical-minerals,technology-ai\n"
                                 "  kizuna --export rounds.png --view matrix --kinds fm-strategic-dialogue\n"
                                 "  kizuna --report compare fmsd-16 fmsd-18 --format markdown\n"
                                 "\n%s",
                                 _("Examples:"),
                                 _("Exit status: 0 on success, 1 on bad input or a failed write, 2 on a usage error."));
  g_option_context_set_description (context, description);

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

  if ((options.validate ? 1 : 0) + (options.export_path != NULL ? 1 : 0) +
      (options.report != NULL ? 1 : 0) > 1)
    {
      print_usage_error (program, _("--validate, --export and --report cannot be combined"));
      *out_status = KZ_EXIT_USAGE;
      return FALSE;
    }

  if (options.export_path == NULL &&
      (options.from != NULL || options.to != NULL || options.areas != NULL ||
       options.kinds != NULL || options.width != UNSET || options.height != UNSET ||
       options.scale != UNSET || options.theme != NULL || options.view != NULL))
    {
      print_usage_error (program, _("--from, --to, --areas, --kinds, --width, --height, --scale, "
                                    "--theme and --view go with --export"));
      *out_status = KZ_EXIT_USAGE;
      return FALSE;
    }

  if (options.format != NULL && options.report == NULL)
    {
      print_usage_error (program, _("--format goes with --report"));
      *out_status = KZ_EXIT_USAGE;
      return FALSE;
    }

  if (options.export_path != NULL)
    {
      *out_status = run_export (program, &options);
      return FALSE;
    }

  if (options.report != NULL)
    {
      *out_status = run_report (program, &options);
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
