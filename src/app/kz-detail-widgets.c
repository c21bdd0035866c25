/* kz-detail-widgets.c — small pieces the detail pane's pages share
 *
 * An event named on a page (an area's first appearance, a change of stage, the two sides
 * of a comparison) is a link: a flat button with the title and the date that selects the
 * event through the detail pane's action. Buttons, not label links, so Tab reaches them and
 * screen readers announce them as such.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-detail-widgets"

#include <glib/gi18n.h>

#include "kz-detail-widgets.h"
#include "kz-event-text.h"

GtkWidget *
kz_text_label_new (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * kz_event_link_new:
 * @extra: (nullable): a word after the date, such as the stage reached
 *
 * Returns: (transfer floating): a button that selects @event
 */
GtkWidget *
kz_event_link_new (KzEvent    *event,
                   const char *extra)
{
  g_autofree char *when = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *title;

  g_return_val_if_fail (KZ_IS_EVENT (event), NULL);

  when = kz_event_text_when (event);
  if (extra != NULL)
    /* Translators: an event's date and what it did, under its title, e.g. "16 January 2026 · Mechanism" */
    detail = g_strdup_printf (C_("date and stage", "%s · %s"), when, extra);
  else
    detail = g_strdup (when);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  title = kz_text_label_new (kz_event_get_title (event), "event-link-title");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), kz_text_label_new (detail, "dim-label"));

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "event-link");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), KZ_DETAIL_SELECT_EVENT_ACTION);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", kz_event_get_id (event));
  /* Translators: the tooltip of an event named in an area's story or a comparison */
  gtk_widget_set_tooltip_text (button, _("Select this event"));

  /* Translators: how a screen reader names an event link: title, then date */
  accessible = g_strdup_printf (_("%s, %s"), kz_event_get_title (event), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return button;
}

/* A stage as the detail pane shows it: a pill in the stage's style. */
GtkWidget *
kz_stage_chip_new (KzStage stage)
{
  GtkWidget *label = gtk_label_new (kz_stage_get_label (stage));

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "stage");
  gtk_widget_add_css_class (label, kz_stage_to_string (stage));

  return label;
}

void
kz_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}
