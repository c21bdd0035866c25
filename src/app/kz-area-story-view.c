/* kz-area-story-view.c — how one area grew: the detail pane's page for an area
 *
 * The area's colour and name; when it first came up; every change of stage with the event
 * that brought it (kz_area_story_new()); a step chart of its depth over time; its events
 * counted by kind; its latest event. A plain widget tree of labels and buttons, so screen
 * readers read it as they read the event page. Events are links that select the event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-area-story-view"

#include <glib/gi18n.h>

#include "kz-area-story.h"

#include "kz-area-story-view.h"
#include "kz-color-swatch.h"
#include "kz-detail-widgets.h"
#include "kz-event-text.h"
#include "kz-stage-chart.h"

struct _KzAreaStoryView
{
  GtkWidget          parent_instance;

  KzDataset         *dataset;
  KzArea            *area;

  GtkScrolledWindow *scrolled_window;
  KzColorSwatch     *swatch;
  GtkLabel          *name_label;
  GtkLabel          *description_label;
  GtkLabel          *summary_label;
  KzStageChart      *chart;
  GtkLabel          *chart_caption;
  GtkWidget         *first_heading;
  GtkBox            *first_box;
  GtkWidget         *changes_heading;
  GtkBox            *changes_box;
  GtkWidget         *kinds_heading;
  GtkBox            *kinds_box;
  GtkWidget         *latest_heading;
  GtkBox            *latest_box;
};

G_DEFINE_FINAL_TYPE (KzAreaStoryView, kz_area_story_view, GTK_TYPE_WIDGET)

static char *
year_of (KzEvent *event)
{
  KzDate year = { .year = kz_event_get_date (event)->year };

  return kz_date_format (&year);
}

static char *
summary_text (const KzAreaStory *story)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *span = NULL;

  if (story->n_events == 0)
    return g_strdup (_("No event in the dataset touches this area"));

  first = year_of (story->first_event);
  last = year_of (story->latest_event);
  if (g_strcmp0 (first, last) == 0)
    /* Translators: how many events touch an area, all in one year, e.g. "1 event, in 2020" */
    span = g_strdup_printf (ngettext ("%'u event, in %s", "%'u events, in %s", story->n_events),
                            story->n_events, first);
  else
    /* Translators: how many events touch an area, and their years, e.g. "12 events, 2007–2026" */
    span = g_strdup_printf (ngettext ("%'u event, %s–%s", "%'u events, %s–%s", story->n_events),
                            story->n_events, first, last);

  /* Translators: an area's events, then the deepest stage it reached, e.g.
   * "12 events, 2007–2026 · deepest: Mechanism" */
  return g_strdup_printf (_("%s · deepest: %s"), span, kz_stage_get_label (story->deepest_stage));
}

static GtkWidget *
new_change_row (const KzStageChange *change)
{
  g_autofree char *when = kz_event_text_when (change->event);
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (row, "change-row");

  if (change->from == KZ_STAGE_NONE)
    {
      GtkWidget *first = gtk_label_new (_("First raised"));

      gtk_widget_add_css_class (first, "dim-label");
      gtk_box_append (GTK_BOX (chips), first);
      gtk_box_append (GTK_BOX (chips), kz_stage_chip_new (change->to));
      /* Translators: an area's first event in its story, for a screen reader:
       * stage, event, date */
      accessible = g_strdup_printf (_("First raised, %s, at %s, %s"), kz_stage_get_label (change->to),
                                    kz_event_get_title (change->event), when);
    }
  else
    {
      GtkWidget *arrow = gtk_label_new ("→");

      gtk_widget_add_css_class (arrow, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, /* Translators: read aloud between two stages, as in "Discussed to Agreed" */
                                      C_("stage change", "to"), -1);
      gtk_box_append (GTK_BOX (chips), kz_stage_chip_new (change->from));
      gtk_box_append (GTK_BOX (chips), arrow);
      gtk_box_append (GTK_BOX (chips), kz_stage_chip_new (change->to));
      if (change->deepest)
        /* Translators: a change of stage, for a screen reader: from, to, event, date, and
         * that it is the deepest so far */
        accessible = g_strdup_printf (_("%s to %s, the deepest so far, at %s, %s"),
                                      kz_stage_get_label (change->from), kz_stage_get_label (change->to),
                                      kz_event_get_title (change->event), when);
      else
        /* Translators: a change of stage, for a screen reader: from, to, event, date */
        accessible = g_strdup_printf (_("%s to %s at %s, %s"),
                                      kz_stage_get_label (change->from), kz_stage_get_label (change->to),
                                      kz_event_get_title (change->event), when);
    }

  if (change->deepest && change->from != KZ_STAGE_NONE)
    {
      GtkWidget *deepest = gtk_label_new (_("Deepest so far"));

      gtk_widget_add_css_class (deepest, "deepest");
      gtk_box_append (GTK_BOX (chips), deepest);
    }
  else if (!change->deepest)
    {
      GtkWidget *weaker = gtk_label_new (change->to < change->from ? _("Weaker") : _("Below its deepest"));

      gtk_widget_add_css_class (weaker, "dim-label");
      gtk_widget_add_css_class (weaker, "caption");
      gtk_box_append (GTK_BOX (chips), weaker);
    }

  gtk_box_append (GTK_BOX (row), chips);
  gtk_box_append (GTK_BOX (row), kz_event_link_new (change->event, NULL));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

static GtkWidget *
new_kind_row (const char *name,
              guint       count)
{
  g_autofree char *number = g_strdup_printf ("%u", count);
  /* Translators: a kind of event and how many of an area's events are of it, for a screen reader */
  g_autofree char *accessible = g_strdup_printf (ngettext ("%s: %'u event", "%s: %'u events", count), name, count);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_label = kz_text_label_new (name, NULL);
  GtkWidget *count_label = gtk_label_new (number);

  gtk_widget_add_css_class (row, "kind-row");
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_widget_set_valign (count_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_add_css_class (count_label, "kind-count");
  gtk_box_append (GTK_BOX (row), name_label);
  gtk_box_append (GTK_BOX (row), count_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

static void
kz_area_story_view_update (KzAreaStoryView *self)
{
  g_autoptr(KzAreaStory) story = NULL;
  g_autofree char *summary = NULL;
  const char *description;
  guint n_kind_rows = 0;

  kz_box_remove_all (self->first_box);
  kz_box_remove_all (self->changes_box);
  kz_box_remove_all (self->kinds_box);
  kz_box_remove_all (self->latest_box);

  if (self->area == NULL)
    {
      kz_stage_chart_set_area (self->chart, NULL, NULL);
      return;
    }

  story = kz_area_story_new (self->dataset, self->area);

  kz_color_swatch_set_rgb (self->swatch, kz_area_get_rgb (self->area));
  gtk_label_set_text (self->name_label, kz_area_get_name (self->area));
  description = kz_area_get_description (self->area);
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && *description != '\0');
  summary = summary_text (story);
  gtk_label_set_text (self->summary_label, summary);

  kz_stage_chart_set_area (self->chart, self->dataset, self->area);
  gtk_label_set_text (self->chart_caption, kz_stage_chart_get_summary (self->chart));
  gtk_widget_set_visible (GTK_WIDGET (self->chart), story->n_events > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_caption), story->n_events > 0);

  if (story->first_event != NULL)
    gtk_box_append (self->first_box,
                    kz_event_link_new (story->first_event,
                                       kz_stage_get_label (story->n_changes > 0 ? story->changes[0].to
                                                                                : KZ_STAGE_NONE)));

  /* The first appearance has its own section; the changes start after it */
  for (guint i = 1; i < story->n_changes; i++)
    gtk_box_append (self->changes_box, new_change_row (&story->changes[i]));
  if (story->n_changes <= 1 && story->n_events > 0)
    {
      /* Translators: an area whose stage never changed after its first event */
      GtkWidget *none = kz_text_label_new (_("No change of stage since its first appearance"), "dim-label");
      gtk_box_append (self->changes_box, none);
    }

  for (guint k = 0; k < story->n_kinds; k++)
    if (story->events_by_kind[k] > 0)
      {
        g_autoptr(KzKind) kind = g_list_model_get_item (kz_dataset_get_kinds (self->dataset), k);

        gtk_box_append (self->kinds_box, new_kind_row (kz_kind_get_name (kind), story->events_by_kind[k]));
        n_kind_rows++;
      }
  if (story->events_without_kind > 0)
    {
      gtk_box_append (self->kinds_box, new_kind_row (_("Of no kind"), story->events_without_kind));
      n_kind_rows++;
    }

  if (story->latest_event != NULL)
    {
      const KzEventArea *entry = kz_event_find_area (story->latest_event, self->area);

      gtk_box_append (self->latest_box,
                      kz_event_link_new (story->latest_event,
                                         entry != NULL ? kz_stage_get_label (entry->stage) : NULL));
    }

  gtk_widget_set_visible (self->first_heading, story->n_events > 0);
  gtk_widget_set_visible (self->changes_heading, story->n_events > 0);
  gtk_widget_set_visible (self->kinds_heading, n_kind_rows > 0);
  gtk_widget_set_visible (self->latest_heading, story->n_events > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->latest_box), story->n_events > 1);

  /* A new area starts at its name, not where the last one was scrolled to */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
kz_area_story_view_dispose (GObject *object)
{
  KzAreaStoryView *self = KZ_AREA_STORY_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_AREA_STORY_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);
  g_clear_object (&self->area);

  G_OBJECT_CLASS (kz_area_story_view_parent_class)->dispose (object);
}

static void
kz_area_story_view_class_init (KzAreaStoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_area_story_view_dispose;

  g_type_ensure (KZ_TYPE_COLOR_SWATCH);
  g_type_ensure (KZ_TYPE_STAGE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/kz-area-story-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, scrolled_window);
  /* Named for tests and for tools that inspect the tree; the template keeps it */
  gtk_widget_class_bind_template_child_full (widget_class, "back_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, swatch);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, name_label);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, description_label);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, chart);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, first_heading);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, first_box);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, changes_heading);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, changes_box);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, kinds_heading);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, latest_heading);
  gtk_widget_class_bind_template_child (widget_class, KzAreaStoryView, latest_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "areastory");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kz_area_story_view_init (KzAreaStoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Area story"),
                                  -1);
}

GtkWidget *
kz_area_story_view_new (void)
{
  return g_object_new (KZ_TYPE_AREA_STORY_VIEW, NULL);
}

/* Tells area's story across dataset's events; NULL for both shows nothing. */
void
kz_area_story_view_set_area (KzAreaStoryView *self,
                             KzDataset       *dataset,
                             KzArea          *area)
{
  g_return_if_fail (KZ_IS_AREA_STORY_VIEW (self));
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));
  g_return_if_fail (area == NULL || KZ_IS_AREA (area));
  g_return_if_fail ((dataset == NULL) == (area == NULL));

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->area, area);
  kz_area_story_view_update (self);
}

KzArea *
kz_area_story_view_get_area (KzAreaStoryView *self)
{
  g_return_val_if_fail (KZ_IS_AREA_STORY_VIEW (self), NULL);

  return self->area;
}
