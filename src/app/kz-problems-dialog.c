/* kz-problems-dialog.c — "could not open FILE", with every problem the loader found
 *
 * A small window of our own rather than GtkMessageDialog (deprecated in 4.10) or
 * GtkAlertDialog (4.10+, plain text only): a broken dataset can have hundreds of problems,
 * and they must scroll, stay selectable for copying, and read exactly as
 * `kizuna --validate` prints them, one "PATH: message" each. The same code runs on GTK 4.8
 * and on current GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-problems-dialog"

#include <glib/gi18n.h>

#include "kz-dataset-loader.h"
#include "kz-problems-dialog.h"

struct _KzProblemsDialog
{
  GtkWindow  parent_instance;

  GtkLabel  *heading_label;
  GtkLabel  *message_label;
  GtkWidget *problems_scrolled;
  GtkBox    *problems_box;
  GtkWidget *close_button;
  char      *problems_text;
};

G_DEFINE_FINAL_TYPE (KzProblemsDialog, kz_problems_dialog, GTK_TYPE_WINDOW)

static void
kz_problems_dialog_dispose (GObject *object)
{
  KzProblemsDialog *self = KZ_PROBLEMS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), KZ_TYPE_PROBLEMS_DIALOG);
  g_clear_pointer (&self->problems_text, g_free);

  G_OBJECT_CLASS (kz_problems_dialog_parent_class)->dispose (object);
}

static void
kz_problems_dialog_class_init (KzProblemsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_problems_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/kz-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KzProblemsDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KzProblemsDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, KzProblemsDialog, problems_scrolled);
  gtk_widget_class_bind_template_child (widget_class, KzProblemsDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, KzProblemsDialog, close_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT_DIALOG);
}

static void
kz_problems_dialog_init (KzProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), self->close_button);
  gtk_window_set_focus (GTK_WINDOW (self), self->close_button);
}

/**
 * kz_problems_dialog_new:
 * @parent: the window whose open failed
 * @file: the file that could not be opened
 * @error: why, as the loader said
 * @problems: (nullable): the KzProblem list the loader filled
 *
 * Returns: (transfer none): a modal dialog, transient for @parent, owned by GTK like any
 *   toplevel; present it.
 */
KzProblemsDialog *
kz_problems_dialog_new (GtkWindow    *parent,
                        GFile        *file,
                        const GError *error,
                        GPtrArray    *problems)
{
  KzProblemsDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (KZ_TYPE_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       NULL);

  name = g_file_get_basename (file);
  /* Translators: the heading of the dialog shown when a dataset fails to load */
  heading = g_strdup_printf (_("Could not open “%s”"), name);
  gtk_label_set_text (self->heading_label, heading);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->heading_label), g_file_peek_path (file));

  if (error != NULL)
    gtk_label_set_text (self->message_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), error != NULL);

  /* A label each, wrapping: a long message stays one problem, not a cut-off line */
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = kz_problem_to_string (g_ptr_array_index (problems, i));
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "monospace");
      gtk_box_append (self->problems_box, label);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  self->problems_text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_widget_set_visible (self->problems_scrolled, *self->problems_text != '\0');

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);

  return self;
}

/* The heading, "Could not open “FILE”": for tests and screen readers. */
const char *
kz_problems_dialog_get_heading (KzProblemsDialog *self)
{
  g_return_val_if_fail (KZ_IS_PROBLEMS_DIALOG (self), NULL);

  return gtk_label_get_text (self->heading_label);
}

/* The problems, one "PATH: message" a line, or "" when the loader listed none. */
const char *
kz_problems_dialog_get_problems (KzProblemsDialog *self)
{
  g_return_val_if_fail (KZ_IS_PROBLEMS_DIALOG (self), NULL);

  return self->problems_text != NULL ? self->problems_text : "";
}
