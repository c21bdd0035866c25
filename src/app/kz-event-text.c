/* kz-event-text.c — the words the window uses to describe an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-event-text"

#include <glib/gi18n.h>

#include "kz-event-text.h"

/* "Friday, 16 January 2026", or a range "16 January 2026 – 17 January 2026" when the event
 * has an end; each date is formatted to its own precision by the model. */
char *
kz_event_text_when (KzEvent *event)
{
  const KzDate *date;
  const KzDate *end;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (KZ_IS_EVENT (event), NULL);

  date = kz_event_get_date (event);
  end = kz_event_get_end (event);
  first = kz_date_format (date);

  if (end == NULL || kz_date_compare (date, end) == 0)
    return g_steal_pointer (&first);

  last = kz_date_format (end);
  /* Translators: a range of dates, from the first to the last day of an event */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/* "Foreign Ministers' Strategic Dialogue · Round 18", either part alone, or NULL. */
char *
kz_event_text_kind (KzEvent *event)
{
  KzKind *kind;
  guint round;
  g_autofree char *round_text = NULL;

  g_return_val_if_fail (KZ_IS_EVENT (event), NULL);

  kind = kz_event_get_kind (event);
  round = kz_event_get_round (event);

  if (round > 0)
    /* Translators: the number of a meeting in its series, as in "the 18th round" */
    round_text = g_strdup_printf (_("Round %u"), round);

  if (kind != NULL && round_text != NULL)
    /* Translators: the kind of an event and its round, e.g. "Annual summit · Round 16" */
    return g_strdup_printf (C_("kind and round", "%s · %s"), kz_kind_get_name (kind), round_text);
  if (kind != NULL)
    return g_strdup (kz_kind_get_name (kind));

  return g_steal_pointer (&round_text);
}

/* "Critical minerals (mechanism), Technology & AI (mechanism)" */
char *
kz_event_text_areas (KzEvent *event)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (KZ_IS_EVENT (event), NULL);

  n = kz_event_get_n_areas (event);
  for (guint i = 0; i < n; i++)
    {
      const KzEventArea *entry = kz_event_get_area (event, i);

      if (i > 0)
        /* Translators: the separator between areas in a list */
        g_string_append (text, C_("list separator", ", "));
      /* Translators: an area and the stage cooperation reached in it, e.g.
       * "Critical minerals (mechanism)" */
      g_string_append_printf (text, _("%s (%s)"),
                              kz_area_get_name (entry->area),
                              kz_stage_get_label (entry->stage));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "18th Foreign Ministers' Strategic Dialogue, Friday, 16 January 2026, Critical minerals
 * (mechanism), …": one line that names the event for a screen reader. */
char *
kz_event_text_summary (KzEvent *event)
{
  g_autofree char *when = NULL;
  g_autofree char *areas = NULL;

  g_return_val_if_fail (KZ_IS_EVENT (event), NULL);

  when = kz_event_text_when (event);
  areas = kz_event_text_areas (event);

  /* Translators: an event's title, its date and the areas it touched */
  return g_strdup_printf (_("%s, %s, %s"), kz_event_get_title (event), when, areas);
}
