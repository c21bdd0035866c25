/* kz-export-dialog.c — the Export dialog: options, a live preview, and a cancellable write
 *
 * The dialog collects KzExportOptions from its widgets, starting from what the window shows
 * (its range, its lanes, its hidden kinds), and previews the very node that
 * kz_export_build_node() returns for them, rebuilt a moment after the last change. Export…
 * asks for a file through the portal (GtkFileChooserNative on GTK 4.8, GtkFileDialog from
 * 4.10), then draws and writes that same node in a worker thread while the dialog shows
 * progress; Cancel stops it and, the write being atomic, leaves no file. Building the node
 * stays on the main thread: GtkSnapshot and Pango are not meant for others. A finished
 * export emits ::exported and closes the dialog (the window says so in a toast); a failed
 * one says why in the dialog, which stays open to try again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-export-dialog"

#include <math.h>

#include <glib/gi18n.h>

#include "kz-color-swatch.h"
#include "kz-export-dialog.h"
#include "kz-export-preview.h"

typedef enum {
  RANGE_VISIBLE,
  RANGE_WHOLE,
  RANGE_CUSTOM,
} RangeMode;

typedef enum {
  SIZE_SLIDE,
  SIZE_A4,
  SIZE_A3,
  SIZE_VIEW,
  SIZE_CUSTOM,
} SizePreset;

/* The fixed presets: a 16:9 slide in pixels; A4 and A3 landscape in PostScript points. */
static const struct {
  int width;
  int height;
} fixed_sizes[] = {
  [SIZE_SLIDE] = { 1920, 1080 },
  [SIZE_A4] = { 842, 595 },
  [SIZE_A3] = { 1191, 842 },
};

/* After the last change, so that typing a date or spinning a size stays smooth */
#define PREVIEW_DELAY_MS 150
#define PULSE_INTERVAL_MS 100

/* A PNG's pixel buffer, at most: that of the largest side squared at 1× (1 GiB) */
#define MAX_PNG_PIXELS ((gint64) KZ_EXPORT_MAX_SIDE * KZ_EXPORT_MAX_SIDE)

static const char * const format_ids[] = {
  [KZ_EXPORT_FORMAT_PNG] = "png",
  [KZ_EXPORT_FORMAT_SVG] = "svg",
  [KZ_EXPORT_FORMAT_PDF] = "pdf",
};

struct _KzExportDialog
{
  GtkWindow          parent_instance;

  KzDataset         *dataset;
  GFile             *dataset_file;
  KzTimelineView    *timeline;
  GSettings         *settings;

  /* What the window showed when the dialog opened */
  gboolean           has_visible_range;
  gint64             visible_first_day;
  gint64             visible_last_day;
  int                view_width;
  int                view_height;
  GPtrArray         *shown_areas;      /* (element-type KzArea) */
  GPtrArray         *hidden_kinds;     /* (element-type KzKind) */

  GPtrArray         *area_checks;      /* (element-type GtkCheckButton): one an area, in order */
  guint              preview_source;
  gboolean           preview_stale;
  gboolean           updating_size;

  GCancellable      *export_cancellable;
  guint              pulse_source;
  char              *error_text;
#if GTK_CHECK_VERSION (4, 10, 0)
  GCancellable      *chooser_cancellable;
#else
  GtkFileChooserNative *chooser;
#endif

  GtkButton         *cancel_button;
  GtkButton         *export_button;
  KzExportPreview   *preview;
  GtkLabel          *summary_label;
  GtkRevealer       *status_revealer;
  GtkStack          *status_stack;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;
  GtkLabel          *error_heading_label;
  GtkLabel          *error_message_label;
  GtkWidget         *options_grid;
  GtkToggleButton   *png_button;
  GtkToggleButton   *svg_button;
  GtkToggleButton   *pdf_button;
  GtkToggleButton   *timeline_button;
  GtkToggleButton   *matrix_button;
  KzKind            *matrix_kind;     /* the window's matrix kind, or NULL for the default */
  GtkToggleButton   *light_button;
  GtkToggleButton   *dark_button;
  GtkDropDown       *range_dropdown;
  GtkRevealer       *custom_range_revealer;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkLabel          *date_error_label;
  GtkMenuButton     *areas_button;
  GtkBox            *areas_box;
  GtkButton         *select_all_button;
  GtkButton         *shown_areas_button;
  GtkDropDown       *size_dropdown;
  GtkSpinButton     *width_spin;
  GtkSpinButton     *height_spin;
  GtkLabel          *unit_label;
  GtkWidget         *scale_box;
  GtkToggleButton   *scale1_button;
  GtkToggleButton   *scale2_button;
  GtkCheckButton    *title_check;
  GtkCheckButton    *legend_check;
  GtkCheckButton    *footer_check;
};

G_DEFINE_FINAL_TYPE (KzExportDialog, kz_export_dialog, GTK_TYPE_WINDOW)

G_DEFINE_QUARK (kz-export-dialog-error-quark, kz_export_dialog_error)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DATASET_FILE,
  PROP_TIMELINE,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  /* An uninstalled run without GSETTINGS_SCHEMA_DIR: export all the same, remember nothing */
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static const char *
format_extension (KzExportFormat format)
{
  switch (format)
    {
    case KZ_EXPORT_FORMAT_SVG:
      return ".svg";
    case KZ_EXPORT_FORMAT_PDF:
      return ".pdf";
    case KZ_EXPORT_FORMAT_PNG:
    default:
      return ".png";
    }
}

/* Whether out is the file in (the same path, or the same file by another name). */
static gboolean
is_same_file (GFile *in,
              GFile *out)
{
  g_autoptr(GFileInfo) in_info = NULL;
  g_autoptr(GFileInfo) out_info = NULL;

  if (in == NULL)
    return FALSE;
  if (g_file_equal (in, out))
    return TRUE;

  in_info = g_file_query_info (in, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  out_info = g_file_query_info (out, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return in_info != NULL && out_info != NULL &&
         g_file_info_get_attribute_string (in_info, G_FILE_ATTRIBUTE_ID_FILE) != NULL &&
         g_strcmp0 (g_file_info_get_attribute_string (in_info, G_FILE_ATTRIBUTE_ID_FILE),
                    g_file_info_get_attribute_string (out_info, G_FILE_ATTRIBUTE_ID_FILE)) == 0;
}

/* A file name from a title: lower case letters and digits (in any script), words joined by
 * hyphens, “India–Japan cooperation” → “india-japan-cooperation”. */
static char *
slugify (const char *title)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  gboolean separate = FALSE;

  for (const char *p = title; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          separate = TRUE;
          continue;
        }
      /* Long titles make unwieldy names: stop at a word's end past 60 bytes */
      if (separate && slug->len >= 60)
        break;
      if (separate && slug->len > 0)
        g_string_append_c (slug, '-');
      g_string_append_unichar (slug, g_unichar_tolower (c));
      separate = FALSE;
    }

  if (slug->len == 0)
    /* Translators: the file name an export suggests when the dataset's title gives none */
    g_string_append (slug, _("timeline"));

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

/* State of the widgets */

static KzExportFormat
kz_export_dialog_get_format (KzExportDialog *self)
{
  if (gtk_toggle_button_get_active (self->svg_button))
    return KZ_EXPORT_FORMAT_SVG;
  if (gtk_toggle_button_get_active (self->pdf_button))
    return KZ_EXPORT_FORMAT_PDF;
  return KZ_EXPORT_FORMAT_PNG;
}

static void
kz_export_dialog_set_format (KzExportDialog *self,
                             KzExportFormat  format)
{
  GtkToggleButton *button;

  switch (format)
    {
    case KZ_EXPORT_FORMAT_SVG:
      button = self->svg_button;
      break;
    case KZ_EXPORT_FORMAT_PDF:
      button = self->pdf_button;
      break;
    case KZ_EXPORT_FORMAT_PNG:
    default:
      button = self->png_button;
      break;
    }

  gtk_toggle_button_set_active (button, TRUE);
}

static void
set_entry_invalid (GtkEntry *entry,
                   gboolean  invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* One end of the custom range, as a day number: the first day of the from date, the last
 * of the to date, so that “2014” – “2016” takes in all of 2016. */
static gboolean
parse_range_entry (GtkEntry  *entry,
                   gboolean   is_end,
                   gint64    *out_day,
                   GError   **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  KzDate date;

  if (*text == '\0')
    {
      g_set_error_literal (error, KZ_EXPORT_DIALOG_ERROR, KZ_EXPORT_DIALOG_ERROR_INVALID,
                           is_end ? _("Enter an end date, such as 2026 or 2026-01-16")
                                  : _("Enter a start date, such as 2014 or 2014-09-01"));
      return FALSE;
    }

  if (!kz_date_parse (text, &date, error))
    return FALSE;

  *out_day = is_end ? kz_date_get_last_day (&date) : kz_date_get_first_day (&date);
  return TRUE;
}

/* The custom range, if valid; marks the entry at fault and says why under them. */
static gboolean
kz_export_dialog_check_custom_range (KzExportDialog *self,
                                     gint64         *out_first_day,
                                     gint64         *out_last_day,
                                     GError        **error)
{
  g_autoptr(GError) from_error = NULL;
  g_autoptr(GError) to_error = NULL;
  gint64 first_day = 0, last_day = 0;
  gboolean from_ok, to_ok;
  const char *message = NULL;

  from_ok = parse_range_entry (self->from_entry, FALSE, &first_day, &from_error);
  to_ok = parse_range_entry (self->to_entry, TRUE, &last_day, &to_error);

  set_entry_invalid (self->from_entry, !from_ok);
  set_entry_invalid (self->to_entry, !to_ok);

  if (!from_ok)
    message = from_error->message;
  else if (!to_ok)
    message = to_error->message;
  else if (last_day < first_day)
    {
      set_entry_invalid (self->to_entry, TRUE);
      message = _("The range ends before it starts");
    }

  gtk_label_set_text (self->date_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), message != NULL);

  if (message != NULL)
    {
      g_set_error_literal (error, KZ_EXPORT_DIALOG_ERROR, KZ_EXPORT_DIALOG_ERROR_INVALID, message);
      return FALSE;
    }

  *out_first_day = first_day;
  *out_last_day = last_day;
  return TRUE;
}

static GPtrArray *
kz_export_dialog_get_checked_areas (KzExportDialog *self)
{
  GListModel *areas = kz_dataset_get_areas (self->dataset);
  GPtrArray *checked = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->area_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->area_checks, i)))
      g_ptr_array_add (checked, g_list_model_get_item (areas, i));

  return checked;
}

static gboolean
kz_export_dialog_collect_options (KzExportDialog  *self,
                                  KzExportOptions *options,
                                  GError         **error)
{
  g_autoptr(GPtrArray) areas = NULL;

  kz_export_options_init (options);
  options->format = kz_export_dialog_get_format (self);
  options->dark = gtk_toggle_button_get_active (self->dark_button);
  if (gtk_toggle_button_get_active (self->matrix_button))
    {
      options->view = KZ_EXPORT_VIEW_MATRIX;
      options->matrix_kind = self->matrix_kind != NULL ? g_object_ref (self->matrix_kind) : NULL;
    }
  options->width = gtk_spin_button_get_value_as_int (self->width_spin);
  options->height = gtk_spin_button_get_value_as_int (self->height_spin);
  options->scale = options->format == KZ_EXPORT_FORMAT_PNG &&
                   gtk_toggle_button_get_active (self->scale2_button) ? 2 : 1;
  options->show_title = gtk_check_button_get_active (self->title_check);
  options->show_legend = gtk_check_button_get_active (self->legend_check);
  options->show_footer = gtk_check_button_get_active (self->footer_check);
  if (self->hidden_kinds->len > 0)
    options->hidden_kinds = g_ptr_array_ref (self->hidden_kinds);

  switch ((RangeMode) gtk_drop_down_get_selected (self->range_dropdown))
    {
    case RANGE_VISIBLE:
      options->has_range = self->has_visible_range;
      options->first_day = self->visible_first_day;
      options->last_day = self->visible_last_day;
      break;
    case RANGE_CUSTOM:
      options->has_range = TRUE;
      if (!kz_export_dialog_check_custom_range (self, &options->first_day, &options->last_day, error))
        return FALSE;
      break;
    case RANGE_WHOLE:
    default:
      options->has_range = FALSE;
      break;
    }

  areas = kz_export_dialog_get_checked_areas (self);
  if (areas->len == 0)
    {
      g_set_error_literal (error, KZ_EXPORT_DIALOG_ERROR, KZ_EXPORT_DIALOG_ERROR_INVALID,
                           _("Choose at least one area to export"));
      return FALSE;
    }
  options->areas = g_steal_pointer (&areas);

  /* The spin buttons keep each side within 1…KZ_EXPORT_MAX_SIDE; a PNG's pixels add up */
  if (options->format == KZ_EXPORT_FORMAT_PNG &&
      (gint64) options->width * options->scale * options->height * options->scale > MAX_PNG_PIXELS)
    {
      g_set_error (error, KZ_EXPORT_DIALOG_ERROR, KZ_EXPORT_DIALOG_ERROR_INVALID,
                   _("A PNG this large would not fit in memory: make it smaller or use 1×"));
      return FALSE;
    }

  return TRUE;
}

/* The preview */

static void
kz_export_dialog_rebuild_preview (KzExportDialog *self)
{
  g_auto(KzExportOptions) options = { 0 };
  g_autoptr(GskRenderNode) node = NULL;

  g_clear_handle_id (&self->preview_source, g_source_remove);

  /* Invalid options keep the last good picture; Export is off until they are fixed */
  if (!kz_export_dialog_collect_options (self, &options, NULL))
    return;

  node = kz_export_build_node (self->dataset, &options);
  kz_export_preview_set_node (self->preview, node, options.width, options.height);
  self->preview_stale = FALSE;
}

static gboolean
on_preview_timeout (gpointer user_data)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (user_data);

  self->preview_source = 0;
  kz_export_dialog_rebuild_preview (self);

  return G_SOURCE_REMOVE;
}

static void
kz_export_dialog_schedule_preview (KzExportDialog *self)
{
  self->preview_stale = TRUE;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, on_preview_timeout, self);
  g_source_set_name_by_id (self->preview_source, "[kizuna] export preview");
}

/* Status: progress and errors */

static void
kz_export_dialog_clear_error (KzExportDialog *self)
{
  if (self->error_text == NULL)
    return;

  g_clear_pointer (&self->error_text, g_free);
  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
}

static void
kz_export_dialog_show_error (KzExportDialog *self,
                             GFile          *file,
                             const GError   *error)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *display_name = name != NULL ? g_filename_display_name (name) : NULL;
  g_autofree char *heading = NULL;

  /* Translators: %s is the file an export was to write; the reason follows below */
  heading = display_name != NULL ? g_strdup_printf (_("Could not export “%s”"), display_name)
                                 : g_strdup (_("Could not export"));

  gtk_label_set_text (self->error_heading_label, heading);
  gtk_label_set_text (self->error_message_label, error->message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_heading_label),
                               file != NULL ? g_file_peek_path (file) : NULL);

  g_free (self->error_text);
  self->error_text = g_strdup_printf ("%s\n%s", heading, error->message);

  gtk_stack_set_visible_child_name (self->status_stack, "error");
  gtk_revealer_set_reveal_child (self->status_revealer, TRUE);
}

static gboolean
on_pulse (gpointer user_data)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (user_data);

  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
kz_export_dialog_update_sensitivity (KzExportDialog *self,
                                     gboolean        valid)
{
  gboolean exporting = self->export_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", valid && !exporting);
  gtk_widget_set_sensitive (self->options_grid, !exporting);
  gtk_widget_set_sensitive (self->scale_box,
                            kz_export_dialog_get_format (self) == KZ_EXPORT_FORMAT_PNG);
}

static void
kz_export_dialog_refresh_sensitivity (KzExportDialog *self)
{
  g_auto(KzExportOptions) options = { 0 };

  kz_export_dialog_update_sensitivity (self, kz_export_dialog_collect_options (self, &options, NULL));
}

static void
kz_export_dialog_set_exporting (KzExportDialog *self,
                                GFile          *file)
{
  gboolean exporting = self->export_cancellable != NULL;

  if (exporting)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display_name = g_filename_display_name (name);
      /* Translators: %s is the file being written */
      g_autofree char *text = g_strdup_printf (_("Exporting “%s”…"), display_name);

      kz_export_dialog_clear_error (self);
      gtk_label_set_text (self->progress_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_stack_set_visible_child_name (self->status_stack, "progress");
      gtk_revealer_set_reveal_child (self->status_revealer, TRUE);
      if (self->pulse_source == 0)
        {
          self->pulse_source = g_timeout_add (PULSE_INTERVAL_MS, on_pulse, self);
          g_source_set_name_by_id (self->pulse_source, "[kizuna] export progress");
        }
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->cancel_button), _("Stop the Export"));
    }
  else
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      if (self->error_text == NULL)
        gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->cancel_button), NULL);
    }

  kz_export_dialog_refresh_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

/* Reacting to the widgets */

static void
kz_export_dialog_update_summary (KzExportDialog *self)
{
  KzExportFormat format = kz_export_dialog_get_format (self);
  int width = gtk_spin_button_get_value_as_int (self->width_spin);
  int height = gtk_spin_button_get_value_as_int (self->height_spin);
  int scale = format == KZ_EXPORT_FORMAT_PNG &&
              gtk_toggle_button_get_active (self->scale2_button) ? 2 : 1;
  g_autofree char *summary = NULL;

  switch (format)
    {
    case KZ_EXPORT_FORMAT_SVG:
      /* Translators: what an export will be: a size in pixels */
      summary = g_strdup_printf (_("SVG image, %d × %d pixels"), width, height);
      gtk_label_set_text (self->unit_label, C_("unit", "px"));
      break;
    case KZ_EXPORT_FORMAT_PDF:
      /* Translators: what an export will be: a page size in PostScript points (1/72 inch) */
      summary = g_strdup_printf (_("PDF document, %d × %d points"), width, height);
      gtk_label_set_text (self->unit_label, C_("unit", "pt"));
      break;
    case KZ_EXPORT_FORMAT_PNG:
    default:
      /* Translators: what an export will be: a size in pixels */
      summary = g_strdup_printf (_("PNG image, %d × %d pixels"), width * scale, height * scale);
      gtk_label_set_text (self->unit_label, C_("unit", "px"));
      break;
    }

  gtk_label_set_text (self->summary_label, summary);
}

static void
kz_export_dialog_update_areas_label (KzExportDialog *self)
{
  guint n_areas = self->area_checks->len;
  guint n_checked = 0;
  g_autofree char *label = NULL;

  for (guint i = 0; i < n_areas; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->area_checks, i)))
      n_checked++;

  if (n_checked == n_areas)
    /* Translators: the areas an export includes: all of them */
    label = g_strdup_printf (ngettext ("All %u area", "All %u areas", n_areas), n_areas);
  else if (n_checked == 0)
    label = g_strdup (_("No areas"));
  else
    /* Translators: the areas an export includes, e.g. “12 of 16 areas” */
    label = g_strdup_printf (ngettext ("%u of %u area", "%u of %u areas", n_areas),
                             n_checked, n_areas);

  gtk_menu_button_set_label (self->areas_button, label);
}

/* Every change: check, say what is wrong, allow or refuse Export, and redraw soon. */
static void
kz_export_dialog_options_changed (KzExportDialog *self)
{
  g_auto(KzExportOptions) options = { 0 };
  gboolean valid;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->dataset == NULL)
    return;

  valid = kz_export_dialog_collect_options (self, &options, NULL);

  /* Only the custom range checks the dates; switched away, their complaint goes too */
  if (gtk_drop_down_get_selected (self->range_dropdown) != RANGE_CUSTOM)
    {
      set_entry_invalid (self->from_entry, FALSE);
      set_entry_invalid (self->to_entry, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), FALSE);
    }

  kz_export_dialog_update_sensitivity (self, valid);
  kz_export_dialog_update_summary (self);
  kz_export_dialog_update_areas_label (self);
  if (self->export_cancellable == NULL)
    kz_export_dialog_clear_error (self);
  kz_export_dialog_schedule_preview (self);
}

static void
on_option_changed (KzExportDialog *self)
{
  kz_export_dialog_options_changed (self);
}

static void
on_option_toggled (KzExportDialog  *self,
                   GtkToggleButton *button)
{
  /* A group's buttons toggle in pairs: react once, to the one that came on */
  if (!gtk_toggle_button_get_active (button))
    return;

  kz_export_dialog_options_changed (self);
}

static void
on_range_changed (KzExportDialog *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->range_dropdown) == RANGE_CUSTOM;

  gtk_revealer_set_reveal_child (self->custom_range_revealer, custom);
  kz_export_dialog_options_changed (self);
}

static void
kz_export_dialog_get_preset_size (KzExportDialog *self,
                                  SizePreset      preset,
                                  int            *out_width,
                                  int            *out_height)
{
  switch (preset)
    {
    case SIZE_SLIDE:
    case SIZE_A4:
    case SIZE_A3:
      *out_width = fixed_sizes[preset].width;
      *out_height = fixed_sizes[preset].height;
      break;
    case SIZE_VIEW:
      *out_width = self->view_width;
      *out_height = self->view_height;
      break;
    case SIZE_CUSTOM:
    default:
      *out_width = gtk_spin_button_get_value_as_int (self->width_spin);
      *out_height = gtk_spin_button_get_value_as_int (self->height_spin);
      break;
    }
}

static void
on_size_preset_changed (KzExportDialog *self)
{
  SizePreset preset = gtk_drop_down_get_selected (self->size_dropdown);
  int width, height;

  if (preset != SIZE_CUSTOM && !self->updating_size)
    {
      kz_export_dialog_get_preset_size (self, preset, &width, &height);
      self->updating_size = TRUE;
      gtk_spin_button_set_value (self->width_spin, width);
      gtk_spin_button_set_value (self->height_spin, height);
      self->updating_size = FALSE;
    }

  kz_export_dialog_options_changed (self);
}

static void
on_size_value_changed (KzExportDialog *self)
{
  SizePreset preset = gtk_drop_down_get_selected (self->size_dropdown);
  int width, height;

  if (self->updating_size)
    return;

  /* A size typed by hand is a custom one, unless it is the preset's own */
  kz_export_dialog_get_preset_size (self, preset, &width, &height);
  if (preset != SIZE_CUSTOM &&
      (gtk_spin_button_get_value_as_int (self->width_spin) != width ||
       gtk_spin_button_get_value_as_int (self->height_spin) != height))
    {
      self->updating_size = TRUE;
      gtk_drop_down_set_selected (self->size_dropdown, SIZE_CUSTOM);
      self->updating_size = FALSE;
    }

  kz_export_dialog_options_changed (self);
}

static void
kz_export_dialog_check_areas (KzExportDialog *self,
                              gboolean        all)
{
  for (guint i = 0; i < self->area_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->area_checks, i);
      KzArea *area = g_object_get_data (G_OBJECT (check), "kz-area");

      gtk_check_button_set_active (check, all || g_ptr_array_find (self->shown_areas, area, NULL));
    }
}

static void
on_select_all_areas (KzExportDialog *self)
{
  kz_export_dialog_check_areas (self, TRUE);
}

static void
on_select_shown_areas (KzExportDialog *self)
{
  kz_export_dialog_check_areas (self, FALSE);
}

/* Exporting */

typedef struct {
  GApplication    *application;  /* (nullable): held while the worker runs */
  GskRenderNode   *node;
  char            *title;
  char            *path;
  GFile           *file;
  KzExportOptions  options;   /* format and size only: the node has the rest */
} ExportData;

static void
export_data_free (ExportData *data)
{
  /* export_cb () has let go of the application already */
  g_assert (data->application == NULL);
  g_clear_pointer (&data->node, gsk_render_node_unref);
  g_clear_pointer (&data->title, g_free);
  g_clear_pointer (&data->path, g_free);
  g_clear_object (&data->file);
  kz_export_options_clear (&data->options);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (kz_export_write_node (data->node, data->title, &data->options, data->path,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (object);
  GTask *task = G_TASK (result);
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (data->application != NULL)
    {
      g_application_release (data->application);
      g_clear_object (&data->application);
    }

  /* The dialog went away meanwhile (its dispose cancelled the export) */
  if (g_task_get_cancellable (task) != self->export_cancellable)
    return;

  g_clear_object (&self->export_cancellable);

  if (g_task_propagate_boolean (task, &error))
    {
      g_autoptr(GFile) file = g_object_ref (data->file);

      kz_export_dialog_set_exporting (self, NULL);
      g_signal_emit (self, signals[EXPORTED], 0, file);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    kz_export_dialog_show_error (self, data->file, error);
  kz_export_dialog_set_exporting (self, NULL);
}

/* The file to write for the one chosen: the format follows a known extension; without
 * one, the format's extension is added. */
static GFile *
kz_export_dialog_resolve_file (KzExportDialog *self,
                               GFile          *file,
                               gboolean       *out_added_extension)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *with_extension = NULL;
  g_autoptr(GFile) parent = NULL;
  KzExportFormat format;

  *out_added_extension = FALSE;

  if (name == NULL)
    return g_object_ref (file);

  if (kz_export_format_from_path (name, &format))
    {
      if (format != kz_export_dialog_get_format (self))
        kz_export_dialog_set_format (self, format);
      return g_object_ref (file);
    }

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_object_ref (file);

  *out_added_extension = TRUE;
  with_extension = g_strconcat (name, format_extension (kz_export_dialog_get_format (self)), NULL);
  return g_file_get_child (parent, with_extension);
}

/**
 * kz_export_dialog_export_to_file:
 * @file: where to write; its extension picks the format (PNG, SVG, PDF), or the chosen
 *   format's extension is added
 *
 * What Export… does once the file chooser has answered: checks the options and the file,
 * then writes the export in a worker thread, showing progress. It ends with ::exported and
 * the dialog closed, with an error shown in the dialog, or cancelled (Cancel, Escape).
 */
void
kz_export_dialog_export_to_file (KzExportDialog *self,
                                 GFile          *file)
{
  g_auto(KzExportOptions) options = { 0 };
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  gboolean added_extension;
  ExportData *data;

  g_return_if_fail (KZ_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->export_cancellable != NULL)
    return;

  target = kz_export_dialog_resolve_file (self, file, &added_extension);

  if (!kz_export_dialog_collect_options (self, &options, &error))
    {
      kz_export_dialog_show_error (self, target, error);
      return;
    }

  /* Not over the dataset, nor next to it with an extension added as if it were not there */
  if (is_same_file (self->dataset_file, file) || is_same_file (self->dataset_file, target))
    {
      g_set_error_literal (&error, KZ_EXPORT_DIALOG_ERROR, KZ_EXPORT_DIALOG_ERROR_SAME_FILE,
                           _("That is the dataset being exported: choose another name"));
      kz_export_dialog_show_error (self, target, error);
      return;
    }

  if (g_file_peek_path (target) == NULL)
    {
      g_set_error_literal (&error, KZ_EXPORT_DIALOG_ERROR, KZ_EXPORT_DIALOG_ERROR_NOT_LOCAL,
                           _("Exports can only be saved to a folder on this computer"));
      kz_export_dialog_show_error (self, target, error);
      return;
    }

  /* The file chooser asked before replacing the name typed, not the one with the extension */
  if (added_extension && g_file_query_exists (target, NULL))
    {
      g_set_error_literal (&error, KZ_EXPORT_DIALOG_ERROR, KZ_EXPORT_DIALOG_ERROR_EXISTS,
                           _("A file with that name already exists: type the whole name, with its extension, to replace it"));
      kz_export_dialog_show_error (self, target, error);
      return;
    }

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "export-format", format_ids[options.format]);
      g_settings_set_string (self->settings, "export-theme", options.dark ? "dark" : "light");
    }

  data = g_new0 (ExportData, 1);
  /* The very node the preview shows, built now if a change is still pending */
  data->node = kz_export_dialog_get_preview_node (self);
  if (data->node != NULL)
    gsk_render_node_ref (data->node);
  data->title = g_strdup (kz_dataset_get_title (self->dataset));
  data->path = g_strdup (g_file_peek_path (target));
  data->file = g_object_ref (target);
  /* What drawing and writing the node needs; nothing the thread would share */
  kz_export_options_init (&data->options);
  data->options.format = options.format;
  data->options.width = options.width;
  data->options.height = options.height;
  data->options.scale = options.scale;
  data->options.dark = options.dark;

  self->export_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->export_cancellable, export_cb, NULL);
  g_task_set_source_tag (task, kz_export_dialog_export_to_file);
  g_task_set_name (task, "kz-export-dialog-export");
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  /* The result says what happened to the file: a write that finished as Cancel was
   * pressed did finish, and is reported as done. */
  g_task_set_check_cancellable (task, FALSE);

  /* Quitting while the worker writes waits for it to stop, so that it removes its
   * temporary file rather than being cut off with it half written */
  data->application = g_application_get_default ();
  if (data->application != NULL)
    {
      g_object_ref (data->application);
      g_application_hold (data->application);
    }

  g_task_run_in_thread (task, export_thread);

  kz_export_dialog_set_exporting (self, target);
}

/* The file chooser */

static GFile *
kz_export_dialog_get_initial_folder (KzExportDialog *self)
{
  if (self->dataset_file == NULL || !g_file_is_native (self->dataset_file))
    return NULL;

  return g_file_get_parent (self->dataset_file);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* GDK_VERSION_MAX_ALLOWED is 4.8: the 4.10 API below is used knowingly, behind the check. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
save_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KzExportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_clear_object (&self->chooser_cancellable);

  if (file != NULL)
    {
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
        kz_export_dialog_export_to_file (self, file);
    }
  else if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
           !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_warning ("Could not choose a file: %s", error->message);
}

static void
kz_export_dialog_choose_file (KzExportDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (self->chooser_cancellable != NULL)
    return;

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Export Timeline"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  name = kz_export_dialog_get_suggested_name (self);
  gtk_file_dialog_set_initial_name (dialog, name);
  folder = kz_export_dialog_get_initial_folder (self);
  if (folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, folder);

  self->chooser_cancellable = g_cancellable_new ();
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->chooser_cancellable,
                        save_dialog_cb, g_object_ref (self));
}

G_GNUC_END_IGNORE_DEPRECATIONS
#else

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     KzExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);

  if (file != NULL)
    kz_export_dialog_export_to_file (self, file);
}

static void
kz_export_dialog_choose_file (KzExportDialog *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Timeline"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  name = kz_export_dialog_get_suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  folder = kz_export_dialog_get_initial_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

#endif

/* Actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (widget);
  g_auto(KzExportOptions) options = { 0 };

  if (self->export_cancellable != NULL ||
      !kz_export_dialog_collect_options (self, &options, NULL))
    return;

  kz_export_dialog_choose_file (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (widget);

  /* A running export stops, and the dialog stays for another try; otherwise it closes */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Setting up from the window */

static GtkWidget *
new_area_check (KzArea *area)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = kz_color_swatch_new (kz_area_get_rgb (area));
  GtkWidget *label = gtk_label_new (kz_area_get_name (area));

  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kz_area_get_name (area),
                                  -1);
  if (kz_area_get_description (area) != NULL)
    gtk_widget_set_tooltip_text (check, kz_area_get_description (area));

  g_object_set_data_full (G_OBJECT (check), "kz-area", g_object_ref (area), g_object_unref);
  return check;
}

static void
kz_export_dialog_set_up (KzExportDialog *self)
{
  GListModel *areas = kz_dataset_get_areas (self->dataset);
  g_autoptr(GtkStringList) sizes = NULL;
  g_autofree char *view_label = NULL;
  gint64 first_day = 0, last_day = 0;
  KzDate from, to;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  /* What the window shows */
  if (self->timeline != NULL && kz_timeline_view_get_dataset (self->timeline) == self->dataset)
    {
      double start = kz_timeline_view_get_visible_start (self->timeline);
      double end = kz_timeline_view_get_visible_end (self->timeline);
      const char * const *kind_ids = kz_timeline_view_get_hidden_kinds (self->timeline);

      if (end > start)
        {
          /* Whole days that cover the view: the export shows at least what the window does */
          self->has_visible_range = TRUE;
          self->visible_first_day = (gint64) floor (start);
          self->visible_last_day = MAX (self->visible_first_day, (gint64) ceil (end) - 1);
        }

      g_ptr_array_unref (self->shown_areas);
      self->shown_areas = kz_timeline_view_get_visible_areas (self->timeline);

      for (guint i = 0; kind_ids != NULL && kind_ids[i] != NULL; i++)
        {
          KzKind *kind = kz_dataset_lookup_kind (self->dataset, kind_ids[i]);

          if (kind != NULL)
            g_ptr_array_add (self->hidden_kinds, g_object_ref (kind));
        }

      self->view_width = gtk_widget_get_width (GTK_WIDGET (self->timeline));
      self->view_height = gtk_widget_get_height (GTK_WIDGET (self->timeline));
    }

  if (self->shown_areas->len == 0)
    for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
      g_ptr_array_add (self->shown_areas, g_list_model_get_item (areas, i));

  if (self->view_width <= 0 || self->view_height <= 0)
    {
      self->view_width = 1280;
      self->view_height = 720;
    }
  self->view_width = CLAMP (self->view_width, 1, KZ_EXPORT_MAX_SIDE);
  self->view_height = CLAMP (self->view_height, 1, KZ_EXPORT_MAX_SIDE);

  /* Ranges: the custom dates start as the visible range, or the data's span */
  if (self->has_visible_range)
    {
      first_day = self->visible_first_day;
      last_day = self->visible_last_day;
    }
  else if (!kz_dataset_get_span (self->dataset, &first_day, &last_day))
    {
      KzDate today;
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      kz_date_set (&today, g_date_time_get_year (now), 0, 0);
      first_day = kz_date_get_first_day (&today);
      last_day = kz_date_get_last_day (&today);
    }
  from = kz_date_from_day (first_day);
  to = kz_date_from_day (last_day);
  from_text = kz_date_to_iso (&from);
  to_text = kz_date_to_iso (&to);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from_text);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to_text);
  if (!self->has_visible_range)
    gtk_drop_down_set_selected (self->range_dropdown, RANGE_WHOLE);

  /* Areas: one check each, the window's lanes checked */
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(KzArea) area = g_list_model_get_item (areas, i);
      GtkWidget *check = new_area_check (area);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_ptr_array_find (self->shown_areas, area, NULL));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_option_changed), self);
      gtk_box_append (self->areas_box, check);
      g_ptr_array_add (self->area_checks, check);
    }

  /* Sizes, with their numbers */
  /* Translators: a size preset; the view's width and height in pixels */
  view_label = g_strdup_printf (_("Current view (%d × %d)"), self->view_width, self->view_height);
  sizes = gtk_string_list_new (NULL);
  /* Translators: a size preset: a 16:9 slide in pixels */
  gtk_string_list_append (sizes, _("Slide (1920 × 1080)"));
  /* Translators: a size preset: A4 paper, landscape, in points */
  gtk_string_list_append (sizes, _("A4 landscape (842 × 595 pt)"));
  /* Translators: a size preset: A3 paper, landscape, in points */
  gtk_string_list_append (sizes, _("A3 landscape (1191 × 842 pt)"));
  gtk_string_list_append (sizes, view_label);
  /* Translators: a size preset: the width and height typed below */
  gtk_string_list_append (sizes, _("Custom"));
  self->updating_size = TRUE;
  gtk_drop_down_set_model (self->size_dropdown, G_LIST_MODEL (sizes));
  gtk_drop_down_set_selected (self->size_dropdown, SIZE_SLIDE);
  self->updating_size = FALSE;
  gtk_spin_button_set_value (self->width_spin, fixed_sizes[SIZE_SLIDE].width);
  gtk_spin_button_set_value (self->height_spin, fixed_sizes[SIZE_SLIDE].height);

  /* The last format and colours chosen */
  if (self->settings != NULL)
    {
      g_autofree char *format = g_settings_get_string (self->settings, "export-format");
      g_autofree char *theme = g_settings_get_string (self->settings, "export-theme");

      for (guint i = 0; i < G_N_ELEMENTS (format_ids); i++)
        if (g_strcmp0 (format, format_ids[i]) == 0)
          kz_export_dialog_set_format (self, (KzExportFormat) i);
      gtk_toggle_button_set_active (g_strcmp0 (theme, "dark") == 0 ? self->dark_button
                                                                 : self->light_button,
                                    TRUE);
    }

  kz_export_dialog_options_changed (self);
  /* The first picture now, not after the delay: the dialog opens with it */
  kz_export_dialog_rebuild_preview (self);
}

/* GtkWindow */

static gboolean
kz_export_dialog_close_request (GtkWindow *window)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (window);

  g_cancellable_cancel (self->export_cancellable);

  return GTK_WINDOW_CLASS (kz_export_dialog_parent_class)->close_request (window);
}

/* GObject */

static void
kz_export_dialog_constructed (GObject *object)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (kz_export_dialog_parent_class)->constructed (object);

  g_assert (KZ_IS_DATASET (self->dataset));
  kz_export_dialog_set_up (self);

  /* Enter exports straight away; Tab goes through the options */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

static void
kz_export_dialog_dispose (GObject *object)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (object);

  /* A running export stops and leaves no file; its callback finds nothing to do */
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
#if GTK_CHECK_VERSION (4, 10, 0)
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
#else
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
#endif
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->matrix_kind);

  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_EXPORT_DIALOG);

  g_clear_pointer (&self->area_checks, g_ptr_array_unref);
  g_clear_pointer (&self->shown_areas, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_kinds, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->timeline);
  g_clear_object (&self->dataset_file);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (kz_export_dialog_parent_class)->dispose (object);
}

static void
kz_export_dialog_finalize (GObject *object)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (object);

  g_free (self->error_text);

  G_OBJECT_CLASS (kz_export_dialog_parent_class)->finalize (object);
}

static void
kz_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_DATASET_FILE:
      g_value_set_object (value, self->dataset_file);
      break;
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;
    case PROP_EXPORTING:
      g_value_set_boolean (value, kz_export_dialog_get_exporting (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KzExportDialog *self = KZ_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;
    case PROP_DATASET_FILE:
      self->dataset_file = g_value_dup_object (value);
      break;
    case PROP_TIMELINE:
      self->timeline = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_export_dialog_class_init (KzExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kz_export_dialog_constructed;
  object_class->dispose = kz_export_dialog_dispose;
  object_class->finalize = kz_export_dialog_finalize;
  object_class->get_property = kz_export_dialog_get_property;
  object_class->set_property = kz_export_dialog_set_property;

  window_class->close_request = kz_export_dialog_close_request;

  /* The dataset to export. */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         KZ_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The file the dataset came from: never written over. */
  properties[PROP_DATASET_FILE] =
    g_param_spec_object ("dataset-file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The window's timeline: its range, lanes, hidden kinds and size are the defaults. */
  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         KZ_TYPE_TIMELINE_VIEW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether a file is being written. */
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KzExportDialog::exported:
   * @file: the file written
   *
   * An export finished; the dialog closes right after.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  g_type_ensure (KZ_TYPE_EXPORT_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/kz-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, status_stack);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, error_heading_label);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, error_message_label);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, options_grid);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, png_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, svg_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, timeline_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, matrix_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, light_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, dark_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, custom_range_revealer);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, to_entry);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, areas_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, areas_box);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, select_all_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, shown_areas_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, size_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, scale_box);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, scale1_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, scale2_button);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, title_check);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, legend_check);
  gtk_widget_class_bind_template_child (widget_class, KzExportDialog, footer_check);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
kz_export_dialog_init (KzExportDialog *self)
{
  GtkToggleButton *toggles[7];

  self->area_checks = g_ptr_array_new ();
  self->shown_areas = g_ptr_array_new_with_free_func (g_object_unref);
  self->hidden_kinds = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = new_settings ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Every option: check, preview, allow or refuse Export */
  toggles[0] = self->png_button;
  toggles[1] = self->svg_button;
  toggles[2] = self->pdf_button;
  toggles[3] = self->light_button;
  toggles[4] = self->dark_button;
  toggles[5] = self->scale1_button;
  toggles[6] = self->scale2_button;
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    g_signal_connect_swapped (toggles[i], "toggled", G_CALLBACK (on_option_toggled), self);
  g_signal_connect_swapped (self->matrix_button, "toggled", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->title_check, "toggled", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->legend_check, "toggled", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->footer_check, "toggled", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->range_dropdown, "notify::selected", G_CALLBACK (on_range_changed), self);
  g_signal_connect_swapped (self->size_dropdown, "notify::selected",
                            G_CALLBACK (on_size_preset_changed), self);
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (on_size_value_changed), self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (on_size_value_changed), self);
  g_signal_connect_swapped (self->select_all_button, "clicked", G_CALLBACK (on_select_all_areas), self);
  g_signal_connect_swapped (self->shown_areas_button, "clicked", G_CALLBACK (on_select_shown_areas), self);

  /* Enter in a size exports, as in the date entries (GTK 4.8's spin buttons have no
   * activates-default of their own; their text does) */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->width_spin))), TRUE);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->height_spin))), TRUE);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

/**
 * kz_export_dialog_new:
 * @parent: (nullable): the window to export from
 * @dataset: what to export
 * @dataset_file: (nullable): where @dataset came from, never to be written over
 * @timeline: (nullable): the window's timeline: its visible range, lanes, hidden kinds and
 *   size are the dialog's defaults
 *
 * Returns: (transfer none): a modal dialog, owned by GTK like any toplevel; present it.
 */
KzExportDialog *
kz_export_dialog_new (GtkWindow      *parent,
                      KzDataset      *dataset,
                      GFile          *dataset_file,
                      KzTimelineView *timeline)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KZ_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (dataset_file == NULL || G_IS_FILE (dataset_file), NULL);
  g_return_val_if_fail (timeline == NULL || KZ_IS_TIMELINE_VIEW (timeline), NULL);

  return g_object_new (KZ_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "dataset", dataset,
                       "dataset-file", dataset_file,
                       "timeline", timeline,
                       NULL);
}

/**
 * kz_export_dialog_show_matrix:
 * @kind: (nullable): the events of which kind make the columns; %NULL for the default
 *
 * Starts the dialog on the matrix, as the window shows it, rather than the timeline.
 */
void
kz_export_dialog_show_matrix (KzExportDialog *self,
                              KzKind         *kind)
{
  g_return_if_fail (KZ_IS_EXPORT_DIALOG (self));
  g_return_if_fail (kind == NULL || KZ_IS_KIND (kind));

  g_set_object (&self->matrix_kind, kind);
  gtk_toggle_button_set_active (self->matrix_button, TRUE);
  kz_export_dialog_schedule_preview (self);
}

/**
 * kz_export_dialog_get_options:
 * @options: (out caller-allocates): unset options (zeroed, or cleared), to fill
 *
 * The options the widgets say, as Export would use them.
 *
 * Returns: %TRUE when they make an export; %FALSE with @error saying what to fix (and
 *   @options to be cleared all the same)
 */
gboolean
kz_export_dialog_get_options (KzExportDialog   *self,
                              KzExportOptions  *options,
                              GError          **error)
{
  g_return_val_if_fail (KZ_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  return kz_export_dialog_collect_options (self, options, error);
}

/**
 * kz_export_dialog_get_preview_node:
 *
 * The node the preview shows — kz_export_build_node() for the current options — rebuilt
 * first if a change is waiting for it.
 *
 * Returns: (transfer none) (nullable): the node
 */
GskRenderNode *
kz_export_dialog_get_preview_node (KzExportDialog *self)
{
  g_return_val_if_fail (KZ_IS_EXPORT_DIALOG (self), NULL);

  if (self->preview_stale)
    kz_export_dialog_rebuild_preview (self);

  return kz_export_preview_get_node (self->preview);
}

/**
 * kz_export_dialog_get_suggested_name:
 *
 * Returns: (transfer full): the file name Export… suggests: the dataset's title as a slug,
 *   with the format's extension
 */
char *
kz_export_dialog_get_suggested_name (KzExportDialog *self)
{
  g_autofree char *slug = NULL;

  g_return_val_if_fail (KZ_IS_EXPORT_DIALOG (self), NULL);

  slug = slugify (kz_dataset_get_title (self->dataset));
  return g_strconcat (slug, format_extension (kz_export_dialog_get_format (self)), NULL);
}

gboolean
kz_export_dialog_get_exporting (KzExportDialog *self)
{
  g_return_val_if_fail (KZ_IS_EXPORT_DIALOG (self), FALSE);

  return self->export_cancellable != NULL;
}

/**
 * kz_export_dialog_get_error:
 *
 * Returns: (nullable): the error the dialog shows, heading and reason on two lines, or
 *   %NULL when it shows none
 */
const char *
kz_export_dialog_get_error (KzExportDialog *self)
{
  g_return_val_if_fail (KZ_IS_EXPORT_DIALOG (self), NULL);

  return self->error_text;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launch_file_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("Could not open an export: %s", error->message);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
#endif

/**
 * kz_export_dialog_show_file:
 * @parent: (nullable): the window asking
 * @file: an exported file
 *
 * Opens @file in the application the desktop uses for its type.
 */
void
kz_export_dialog_show_file (GtkWindow *parent,
                            GFile     *file)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (file));

#if GTK_CHECK_VERSION (4, 10, 0)
  /* GDK_VERSION_MAX_ALLOWED is 4.8: newer API is used knowingly, behind the check above */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, parent, NULL, launch_file_cb, NULL);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    g_autofree char *uri = g_file_get_uri (file);

    gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
  }
#endif
}
