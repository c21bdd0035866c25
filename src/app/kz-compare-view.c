/* kz-compare-view.c — what changed between two events: the detail pane's comparison page
 *
 * Both events at the top, earlier on the left, as links; then the areas either touched,
 * grouped as kz_event_comparison_new() classifies them (added, dropped, deepened, weakened,
 * unchanged), each with its colour, both stages and both notes side by side under the event
 * they belong to. Each group is a box named after its change ("added", …) holding a heading
 * and one row per area; screen readers get a label per group and per row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-compare-view"

#include <glib/gi18n.h>

#include "kz-event-comparison.h"

#include "kz-color-swatch.h"
#include "kz-compare-view.h"
#include "kz-detail-widgets.h"

struct _KzCompareView
{
  GtkWidget          parent_instance;

  KzDataset         *dataset;
  KzEvent           *from;
  KzEvent           *to;

  GtkScrolledWindow *scrolled_window;
  GtkBox            *from_box;
  GtkBox            *to_box;
  GtkWidget         *from_link;
  GtkWidget         *to_link;
  GtkLabel          *summary_label;
  GtkBox            *groups_box;
};

G_DEFINE_FINAL_TYPE (KzCompareView, kz_compare_view, GTK_TYPE_WIDGET)

static GtkWidget *
new_note (const KzEventArea *entry)
{
  GtkWidget *label;

  if (entry == NULL)
    {
      /* Translators: in a comparison, the side of an area one event did not touch */
      label = kz_text_label_new (_("Not raised"), "dim-label");
      gtk_widget_add_css_class (label, "missing-note");
    }
  else if (entry->note == NULL || *entry->note == '\0')
    {
      /* Translators: in a comparison, an area the event touched without a note */
      label = kz_text_label_new (_("No note"), "dim-label");
      gtk_widget_add_css_class (label, "missing-note");
    }
  else
    {
      label = kz_text_label_new (entry->note, "compare-note");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    }

  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

static GtkWidget *
new_area_row (const KzAreaComparison *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *swatch = kz_color_swatch_new (kz_area_get_rgb (item->area));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *notes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *arrow = gtk_label_new ("→");
  GtkWidget *name = kz_text_label_new (kz_area_get_name (item->area), "area-name");
  g_autofree char *accessible = NULL;
  const char *from_stage = item->from != NULL ? kz_stage_get_label (item->from->stage) : _("Not raised");
  const char *to_stage = item->to != NULL ? kz_stage_get_label (item->to->stage) : _("Not raised");

  gtk_widget_add_css_class (row, "area-row");
  gtk_widget_add_css_class (row, "compare-row");
  gtk_widget_add_css_class (swatch, "bar");
  gtk_widget_set_valign (swatch, GTK_ALIGN_FILL);
  gtk_box_append (GTK_BOX (row), swatch);

  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (row), content);
  gtk_box_append (GTK_BOX (content), name);

  if (item->from != NULL)
    gtk_box_append (GTK_BOX (chips), kz_stage_chip_new (item->from->stage));
  else
    {
      GtkWidget *none = gtk_label_new (_("New"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (chips), none);
    }
  gtk_widget_add_css_class (arrow, "dim-label");
  gtk_box_append (GTK_BOX (chips), arrow);
  if (item->to != NULL)
    gtk_box_append (GTK_BOX (chips), kz_stage_chip_new (item->to->stage));
  else
    {
      GtkWidget *none = gtk_label_new (_("Gone"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (chips), none);
    }
  gtk_box_append (GTK_BOX (content), chips);

  /* Under the event each belongs to, as the two columns at the top */
  gtk_box_set_homogeneous (GTK_BOX (notes), TRUE);
  gtk_box_append (GTK_BOX (notes), new_note (item->from));
  gtk_box_append (GTK_BOX (notes), new_note (item->to));
  gtk_box_append (GTK_BOX (content), notes);

  /* Translators: one area of a comparison for a screen reader: area, stage before, stage
   * after, e.g. "Critical minerals: Not raised, then Mechanism" */
  accessible = g_strdup_printf (_("%s: %s, then %s"), kz_area_get_name (item->area), from_stage, to_stage);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

static GtkWidget *
new_group (const KzEventComparison *comparison,
           KzAreaChange             change,
           guint                    count)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  /* Translators: a group of a comparison and how many areas are in it, e.g. "Added · 3" */
  g_autofree char *heading_text = g_strdup_printf (_("%s · %u"), kz_area_change_get_label (change), count);
  /* Translators: a group of a comparison for a screen reader, e.g. "Added: 3 areas" */
  g_autofree char *accessible = g_strdup_printf (ngettext ("%s: %u area", "%s: %u areas", count),
                                                 kz_area_change_get_label (change), count);
  GtkWidget *heading = kz_text_label_new (heading_text, "heading");

  gtk_widget_set_name (group, kz_area_change_to_string (change));
  gtk_widget_add_css_class (group, "compare-group");
  gtk_widget_add_css_class (group, kz_area_change_to_string (change));
  gtk_widget_add_css_class (heading, "section-heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (group), heading);

  for (guint i = 0; i < comparison->n_areas; i++)
    if (comparison->areas[i].change == change)
      gtk_box_append (GTK_BOX (group), new_area_row (&comparison->areas[i]));

  gtk_accessible_update_property (GTK_ACCESSIBLE (group),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return group;
}

/* One count of a comparison's summary, e.g. "3 deepened": a whole phrase per change, so
 * each language can inflect it. */
static char *
summary_phrase (KzAreaChange change,
                guint        n)
{
  switch (change)
    {
    case KZ_AREA_CHANGE_ADDED:
      /* Translators: a count in a comparison's summary: areas the later event added */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", n), n);
    case KZ_AREA_CHANGE_DROPPED:
      /* Translators: a count in a comparison's summary: areas the later event dropped */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dropped", "%u dropped", n), n);
    case KZ_AREA_CHANGE_DEEPENED:
      /* Translators: a count in a comparison's summary: areas whose stage rose */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deepened", "%u deepened", n), n);
    case KZ_AREA_CHANGE_WEAKENED:
      /* Translators: a count in a comparison's summary: areas whose stage fell */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u weakened", "%u weakened", n), n);
    case KZ_AREA_CHANGE_UNCHANGED:
    default:
      /* Translators: a count in a comparison's summary: areas at the same stage */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", n), n);
    }
}

static void
kz_compare_view_update (KzCompareView *self)
{
  g_autoptr(KzEventComparison) comparison = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  guint counts[KZ_N_AREA_CHANGES] = { 0 };

  if (self->from_link != NULL)
    gtk_box_remove (self->from_box, g_steal_pointer (&self->from_link));
  if (self->to_link != NULL)
    gtk_box_remove (self->to_box, g_steal_pointer (&self->to_link));
  kz_box_remove_all (self->groups_box);
  gtk_label_set_text (self->summary_label, "");

  if (self->from == NULL || self->to == NULL)
    return;

  self->from_link = kz_event_link_new (self->from, NULL);
  gtk_box_append (self->from_box, self->from_link);
  self->to_link = kz_event_link_new (self->to, NULL);
  gtk_box_append (self->to_box, self->to_link);

  comparison = kz_event_comparison_new (self->dataset, self->from, self->to);
  for (guint i = 0; i < comparison->n_areas; i++)
    counts[comparison->areas[i].change]++;

  for (KzAreaChange change = KZ_AREA_CHANGE_ADDED; change < KZ_N_AREA_CHANGES; change++)
    {
      g_autofree char *word = NULL;

      if (counts[change] == 0)
        continue;

      gtk_box_append (self->groups_box, new_group (comparison, change, counts[change]));
      if (summary->len > 0)
        /* Translators: the separator between the counts of a comparison's summary */
        g_string_append (summary, C_("list separator", " · "));
      word = summary_phrase (change, counts[change]);
      g_string_append (summary, word);
    }

  gtk_label_set_text (self->summary_label, summary->str);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
kz_compare_view_dispose (GObject *object)
{
  KzCompareView *self = KZ_COMPARE_VIEW (object);
  GtkWidget *child;

  self->from_link = NULL;
  self->to_link = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_COMPARE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);
  g_clear_object (&self->from);
  g_clear_object (&self->to);

  G_OBJECT_CLASS (kz_compare_view_parent_class)->dispose (object);
}

static void
kz_compare_view_class_init (KzCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_compare_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/kz-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KzCompareView, scrolled_window);
  /* Named for tests and for tools that inspect the tree; the template keeps it */
  gtk_widget_class_bind_template_child_full (widget_class, "back_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, KzCompareView, from_box);
  gtk_widget_class_bind_template_child (widget_class, KzCompareView, to_box);
  gtk_widget_class_bind_template_child (widget_class, KzCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KzCompareView, groups_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparison");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kz_compare_view_init (KzCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison of two events"),
                                  -1);
}

GtkWidget *
kz_compare_view_new (void)
{
  return g_object_new (KZ_TYPE_COMPARE_VIEW, NULL);
}

/* Compares from (the earlier, on the left) with to; NULLs show nothing. */
void
kz_compare_view_set_events (KzCompareView *self,
                            KzDataset     *dataset,
                            KzEvent       *from,
                            KzEvent       *to)
{
  g_return_if_fail (KZ_IS_COMPARE_VIEW (self));
  g_return_if_fail (dataset == NULL || KZ_IS_DATASET (dataset));
  g_return_if_fail (from == NULL || KZ_IS_EVENT (from));
  g_return_if_fail (to == NULL || KZ_IS_EVENT (to));
  g_return_if_fail ((from == NULL) == (to == NULL));
  g_return_if_fail (from == NULL || dataset != NULL);

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->from, from);
  g_set_object (&self->to, to);
  kz_compare_view_update (self);
}

KzEvent *
kz_compare_view_get_from (KzCompareView *self)
{
  g_return_val_if_fail (KZ_IS_COMPARE_VIEW (self), NULL);

  return self->from;
}

KzEvent *
kz_compare_view_get_to (KzCompareView *self)
{
  g_return_val_if_fail (KZ_IS_COMPARE_VIEW (self), NULL);

  return self->to;
}
