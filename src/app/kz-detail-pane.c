/* kz-detail-pane.c — the selected event, an area's story, or a comparison of two events
 *
 * A plain widget tree: selectable, wrapping labels in a scrolled window, so screen readers,
 * copying and font scaling all work as in any other GTK window. The areas, quotes and
 * sources are rebuilt whenever the event changes; an event has a handful of each.
 *
 * Besides the event the pane has two more pages, each with a Back button (and Escape) to
 * the event: an area's story (KzAreaStoryView) and a comparison (KzCompareView). Choosing
 * another event always returns to the event page. Events named on those pages are links
 * that activate detail-pane.select-event; the pane re-emits them as ::event-selected for
 * the window to select.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-detail-pane"

#include <glib/gi18n.h>

#include "kz-event-comparison.h"

#include "kz-area-story-view.h"
#include "kz-color-swatch.h"
#include "kz-compare-view.h"
#include "kz-detail-pane.h"
#include "kz-detail-widgets.h"
#include "kz-event-text.h"
#include "kz-uri.h"

struct _KzDetailPane
{
  GtkWidget          parent_instance;

  KzEvent           *event;
  KzDataset         *dataset;
  KzDetailPaneMode   mode;

  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *title_label;
  GtkLabel          *when_label;
  GtkLabel          *kind_label;
  GtkWidget         *compare_button;
  GtkLabel          *participants_label;
  GtkLabel          *summary_label;
  GtkWidget         *areas_heading;
  GtkBox            *areas_box;
  GtkWidget         *quotes_heading;
  GtkBox            *quotes_box;
  GtkWidget         *sources_heading;
  GtkBox            *sources_box;
  KzAreaStoryView   *area_story;
  KzCompareView     *compare_view;
};

G_DEFINE_FINAL_TYPE (KzDetailPane, kz_detail_pane, GTK_TYPE_WIDGET)
G_DEFINE_ENUM_TYPE (KzDetailPaneMode, kz_detail_pane_mode,
                    G_DEFINE_ENUM_VALUE (KZ_DETAIL_PANE_MODE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (KZ_DETAIL_PANE_MODE_EVENT, "event"),
                    G_DEFINE_ENUM_VALUE (KZ_DETAIL_PANE_MODE_AREA, "area"),
                    G_DEFINE_ENUM_VALUE (KZ_DETAIL_PANE_MODE_COMPARISON, "comparison"))

enum {
  PROP_0,
  PROP_EVENT,
  PROP_DATASET,
  PROP_MODE,
  N_PROPS
};

enum {
  EVENT_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Shows the page for mode; Back (and Escape) work on the area and comparison pages. */
static void
kz_detail_pane_set_mode (KzDetailPane     *self,
                         KzDetailPaneMode  mode)
{
  static const char * const pages[] = { "empty", "event", "area", "comparison" };

  gtk_stack_set_visible_child_name (self->stack, pages[mode]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail-pane.back",
                                 mode == KZ_DETAIL_PANE_MODE_AREA ||
                                 mode == KZ_DETAIL_PANE_MODE_COMPARISON);

  if (self->mode == mode)
    return;

  /* A page left behind lets go of what it showed */
  if (self->mode == KZ_DETAIL_PANE_MODE_AREA)
    kz_area_story_view_set_area (self->area_story, NULL, NULL);
  else if (self->mode == KZ_DETAIL_PANE_MODE_COMPARISON)
    kz_compare_view_set_events (self->compare_view, NULL, NULL, NULL);

  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static void
kz_detail_pane_update_compare_button (KzDetailPane *self)
{
  KzEvent *previous = NULL;

  if (self->event != NULL && self->dataset != NULL)
    previous = kz_dataset_find_previous_of_kind (self->dataset, self->event);

  gtk_widget_set_visible (self->compare_button, previous != NULL);
  if (previous != NULL)
    {
      /* Translators: the tooltip of Compare with Previous: the previous event of the same
       * kind, then the shortcut */
      g_autofree char *tooltip = g_strdup_printf (_("Compare with %s (Ctrl+Shift+C)"),
                                                  kz_event_get_title (previous));
      gtk_widget_set_tooltip_text (self->compare_button, tooltip);
    }
}

static void
remove_all_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
new_text_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Shows label with text, or hides it when there is nothing to say. */
static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gboolean has_text = text != NULL && *text != '\0';

  gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), has_text);
}

static GtkWidget *
new_area_row (const KzEventArea *entry)
{
  GtkWidget *row;
  GtkWidget *swatch;
  GtkWidget *text_box;
  GtkWidget *name_box;
  GtkWidget *name_label;
  GtkWidget *stage_label;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (row, "area-row");

  swatch = kz_color_swatch_new (kz_area_get_rgb (entry->area));
  gtk_widget_add_css_class (swatch, "bar");
  gtk_widget_set_valign (swatch, GTK_ALIGN_FILL);
  gtk_box_append (GTK_BOX (row), swatch);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (row), text_box);

  name_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (text_box), name_box);

  name_label = new_text_label (kz_area_get_name (entry->area), "area-name");
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_box_append (GTK_BOX (name_box), name_label);

  stage_label = gtk_label_new (kz_stage_get_label (entry->stage));
  /* Top, not baseline: a name that wraps must not push the note under itself */
  gtk_widget_set_valign (stage_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (stage_label, "stage");
  gtk_widget_add_css_class (stage_label, kz_stage_to_string (entry->stage));
  gtk_box_append (GTK_BOX (name_box), stage_label);

  if (entry->note != NULL && *entry->note != '\0')
    gtk_box_append (GTK_BOX (text_box), new_text_label (entry->note, NULL));

  if (entry->n_sources > 0)
    {
      g_autoptr(GString) refs = g_string_new (NULL);

      for (guint i = 0; i < entry->n_sources; i++)
        {
          /* Sources are numbered from 1 for people, as in the list below */
          g_string_append_printf (refs, "%s%u", i > 0 ? ", " : "", entry->sources[i] + 1);
        }
      {
        /* Translators: which of the event's sources (numbered in the Sources list) support
         * this area's note, e.g. "Sources: 1, 3" */
        g_autofree char *text = g_strdup_printf (ngettext ("Source: %s", "Sources: %s", entry->n_sources),
                                                 refs->str);
        gtk_box_append (GTK_BOX (text_box), new_text_label (text, "dim-label"));
      }
    }

  return row;
}

static GtkWidget *
new_quote (const KzQuote *quote)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *text = NULL;

  gtk_widget_add_css_class (box, "quote");

  /* Translators: a quotation, in the quotation marks of your language */
  text = g_strdup_printf (_("“%s”"), quote->text);
  gtk_box_append (GTK_BOX (box), new_text_label (text, "quote-text"));

  if (quote->by != NULL && *quote->by != '\0')
    {
      /* Translators: who said a quotation, e.g. "— S. Jaishankar" */
      g_autofree char *by = g_strdup_printf (_("— %s"), quote->by);
      GtkWidget *by_label = new_text_label (by, "dim-label");

      gtk_box_append (GTK_BOX (box), by_label);
    }

  return box;
}

static gboolean
on_source_activate_link (GtkLabel   *label,
                         const char *uri,
                         gpointer    user_data)
{
  kz_uri_launch (GTK_WIDGET (label), uri);

  /* Handled: never let GTK open a URI we did not check */
  return TRUE;
}

static GtkWidget *
new_source (const KzSource *source,
            guint           number)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped_title = NULL;
  const char *publisher = source->publisher;
  const char *title = source->title;
  GtkWidget *label;

  /* Every part is optional: name the source by what it has */
  if (title == NULL || *title == '\0')
    {
      title = publisher;
      publisher = NULL;
    }
  if (title == NULL || *title == '\0')
    title = source->url;
  if (title == NULL || *title == '\0')
    title = _("Untitled source");
  escaped_title = g_markup_escape_text (title, -1);

  g_string_append_printf (markup, "%u. ", number);

  if (source->url != NULL && kz_uri_is_web (source->url))
    {
      g_autofree char *escaped_url = g_markup_escape_text (source->url, -1);

      g_string_append_printf (markup, "<a href=\"%s\" title=\"%s\">%s</a>",
                              escaped_url, escaped_url, escaped_title);
    }
  else
    g_string_append (markup, escaped_title);

  if (publisher != NULL && *publisher != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (publisher, -1);

      /* Translators: the separator between a source's title, publisher and date */
      g_string_append_printf (markup, "%s%s", C_("list separator", " · "), escaped);
    }

  if (source->has_date)
    {
      g_autofree char *date = kz_date_format (&source->date);
      g_autofree char *escaped = g_markup_escape_text (date, -1);

      g_string_append_printf (markup, "%s%s", C_("list separator", " · "), escaped);
    }

  label = new_text_label (NULL, "source");
  gtk_label_set_markup (GTK_LABEL (label), markup->str);
  g_signal_connect (label, "activate-link", G_CALLBACK (on_source_activate_link), NULL);

  return label;
}

static void
kz_detail_pane_update (KzDetailPane *self)
{
  KzEvent *event = self->event;
  const char * const *participants;
  guint n_areas;
  guint n_quotes;
  guint n_sources;

  remove_all_children (self->areas_box);
  remove_all_children (self->quotes_box);
  remove_all_children (self->sources_box);

  if (event == NULL)
    {
      kz_detail_pane_set_mode (self, KZ_DETAIL_PANE_MODE_EMPTY);
      return;
    }

  gtk_label_set_text (self->title_label, kz_event_get_title (event));

  {
    g_autofree char *when = kz_event_text_when (event);
    const char *place = kz_event_get_place (event);

    if (place != NULL && *place != '\0')
      {
        /* Translators: an event's date and place, e.g. "16 January 2026 · New Delhi" */
        g_autofree char *when_where = g_strdup_printf (C_("date and place", "%s · %s"), when, place);
        gtk_label_set_text (self->when_label, when_where);
      }
    else
      gtk_label_set_text (self->when_label, when);
  }

  {
    g_autofree char *kind = kz_event_text_kind (event);
    set_optional_text (self->kind_label, kind);
  }
  kz_detail_pane_update_compare_button (self);

  participants = kz_event_get_participants (event);
  if (participants != NULL && participants[0] != NULL)
    {
      /* Translators: the separator between the people who took part in an event */
      g_autofree char *joined = g_strjoinv (C_("list separator", " · "), (char **) participants);
      set_optional_text (self->participants_label, joined);
    }
  else
    set_optional_text (self->participants_label, NULL);

  set_optional_text (self->summary_label, kz_event_get_summary (event));

  n_areas = kz_event_get_n_areas (event);
  for (guint i = 0; i < n_areas; i++)
    gtk_box_append (self->areas_box, new_area_row (kz_event_get_area (event, i)));
  gtk_widget_set_visible (self->areas_heading, n_areas > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->areas_box), n_areas > 0);

  n_quotes = kz_event_get_n_quotes (event);
  for (guint i = 0; i < n_quotes; i++)
    gtk_box_append (self->quotes_box, new_quote (kz_event_get_quote (event, i)));
  gtk_label_set_text (GTK_LABEL (self->quotes_heading),
                      ngettext ("Quote", "Quotes", n_quotes));
  gtk_widget_set_visible (self->quotes_heading, n_quotes > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_box), n_quotes > 0);

  n_sources = kz_event_get_n_sources (event);
  for (guint i = 0; i < n_sources; i++)
    gtk_box_append (self->sources_box, new_source (kz_event_get_source (event, i), i + 1));
  gtk_widget_set_visible (self->sources_heading, n_sources > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_box), n_sources > 0);

  /* A new event starts at its title, not where the last one was scrolled to */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  kz_detail_pane_set_mode (self, KZ_DETAIL_PANE_MODE_EVENT);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kz_detail_pane_go_back (KZ_DETAIL_PANE (widget));
}

static void
select_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KzDetailPane *self = KZ_DETAIL_PANE (widget);
  KzEvent *event;

  if (self->dataset == NULL)
    return;

  event = kz_dataset_lookup_event (self->dataset, g_variant_get_string (parameter, NULL));
  if (event != NULL)
    g_signal_emit (self, signals[EVENT_SELECTED], 0, event);
}

static void
kz_detail_pane_dispose (GObject *object)
{
  KzDetailPane *self = KZ_DETAIL_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_DETAIL_PANE);
  /* The template's top box is a child of ours but not bound, so not disposed with it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->event);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (kz_detail_pane_parent_class)->dispose (object);
}

static void
kz_detail_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KzDetailPane *self = KZ_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_detail_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KzDetailPane *self = KZ_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      kz_detail_pane_set_event (self, g_value_get_object (value));
      break;
    case PROP_DATASET:
      kz_detail_pane_set_dataset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_detail_pane_class_init (KzDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_detail_pane_dispose;
  object_class->get_property = kz_detail_pane_get_property;
  object_class->set_property = kz_detail_pane_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         KZ_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The dataset the event comes from: areas' stories and comparisons are told from it. */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         KZ_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Which page shows. */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       KZ_TYPE_DETAIL_PANE_MODE, KZ_DETAIL_PANE_MODE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KzDetailPane::event-selected:
   * @event: the event a link on the area or comparison page names
   *
   * The user chose an event on one of the pane's pages: the window selects it.
   */
  signals[EVENT_SELECTED] =
    g_signal_new ("event-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KZ_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "detail-pane.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, KZ_DETAIL_SELECT_EVENT_ACTION, "s",
                                   select_event_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "detail-pane.back", NULL);

  g_type_ensure (KZ_TYPE_AREA_STORY_VIEW);
  g_type_ensure (KZ_TYPE_COMPARE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/kz-detail-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, stack);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, when_label);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, kind_label);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, compare_button);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, participants_label);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, areas_heading);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, areas_box);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, quotes_heading);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, quotes_box);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, sources_box);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, area_story);
  gtk_widget_class_bind_template_child (widget_class, KzDetailPane, compare_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailpane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kz_detail_pane_init (KzDetailPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event details"),
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail-pane.back", FALSE);
}

GtkWidget *
kz_detail_pane_new (void)
{
  return g_object_new (KZ_TYPE_DETAIL_PANE, NULL);
}

KzEvent *
kz_detail_pane_get_event (KzDetailPane *self)
{
  g_return_val_if_fail (KZ_IS_DETAIL_PANE (self), NULL);

  return self->event;
}

void
kz_detail_pane_set_event (KzDetailPane *self,
                          KzEvent      *event)
{
  g_return_if_fail (KZ_IS_DETAIL_PANE (self));
  g_return_if_fail (event == NULL || KZ_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  kz_detail_pane_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

KzDataset *
kz_detail_pane_get_dataset (KzDetailPane *self)
{
  g_return_val_if_fail (KZ_IS_DETAIL_PANE (self), NULL);

  return self->dataset;
}

/* A new dataset ends an area's story or a comparison from the old one: the window shows
 * them again from the new one when it can (a reload of the same file). */
void
kz_detail_pane_set_dataset (KzDetailPane *self,
                            KzDataset    *dataset)
{
  g_return_if_fail (KZ_IS_DETAIL_PANE (self));
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  if (self->mode == KZ_DETAIL_PANE_MODE_AREA || self->mode == KZ_DETAIL_PANE_MODE_COMPARISON)
    kz_detail_pane_go_back (self);
  kz_detail_pane_update_compare_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

KzDetailPaneMode
kz_detail_pane_get_mode (KzDetailPane *self)
{
  g_return_val_if_fail (KZ_IS_DETAIL_PANE (self), KZ_DETAIL_PANE_MODE_EMPTY);

  return self->mode;
}

/**
 * kz_detail_pane_show_area:
 * @area: an area of the pane's dataset
 *
 * Shows @area's story: how it grew across the dataset's events. Back returns to the event.
 */
void
kz_detail_pane_show_area (KzDetailPane *self,
                          KzArea       *area)
{
  g_return_if_fail (KZ_IS_DETAIL_PANE (self));
  g_return_if_fail (KZ_IS_AREA (area));
  g_return_if_fail (self->dataset != NULL);

  kz_area_story_view_set_area (self->area_story, self->dataset, area);
  kz_detail_pane_set_mode (self, KZ_DETAIL_PANE_MODE_AREA);
}

/* The area whose story shows, or NULL on the other pages. */
KzArea *
kz_detail_pane_get_area (KzDetailPane *self)
{
  g_return_val_if_fail (KZ_IS_DETAIL_PANE (self), NULL);

  if (self->mode != KZ_DETAIL_PANE_MODE_AREA)
    return NULL;
  return kz_area_story_view_get_area (self->area_story);
}

/**
 * kz_detail_pane_show_comparison:
 * @from: the earlier event, on the left
 * @to: the later event
 *
 * Shows what changed, area by area, from @from to @to. Back returns to the event.
 */
void
kz_detail_pane_show_comparison (KzDetailPane *self,
                                KzEvent      *from,
                                KzEvent      *to)
{
  g_return_if_fail (KZ_IS_DETAIL_PANE (self));
  g_return_if_fail (KZ_IS_EVENT (from));
  g_return_if_fail (KZ_IS_EVENT (to));
  g_return_if_fail (self->dataset != NULL);

  kz_compare_view_set_events (self->compare_view, self->dataset, from, to);
  kz_detail_pane_set_mode (self, KZ_DETAIL_PANE_MODE_COMPARISON);
}

gboolean
kz_detail_pane_get_comparison (KzDetailPane  *self,
                               KzEvent      **out_from,
                               KzEvent      **out_to)
{
  g_return_val_if_fail (KZ_IS_DETAIL_PANE (self), FALSE);

  if (self->mode != KZ_DETAIL_PANE_MODE_COMPARISON)
    return FALSE;

  if (out_from != NULL)
    *out_from = kz_compare_view_get_from (self->compare_view);
  if (out_to != NULL)
    *out_to = kz_compare_view_get_to (self->compare_view);
  return TRUE;
}

/* From an area's story or a comparison back to the event (or the empty page). */
void
kz_detail_pane_go_back (KzDetailPane *self)
{
  g_return_if_fail (KZ_IS_DETAIL_PANE (self));

  kz_detail_pane_set_mode (self, self->event != NULL ? KZ_DETAIL_PANE_MODE_EVENT
                                                     : KZ_DETAIL_PANE_MODE_EMPTY);
}
