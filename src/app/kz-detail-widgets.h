/* kz-detail-widgets.h — small pieces the detail pane's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kz-event.h"

G_BEGIN_DECLS

/* The action the pages' event links activate, with the event's id: the detail pane's. */
#define KZ_DETAIL_SELECT_EVENT_ACTION "detail-pane.select-event"

GtkWidget *kz_event_link_new   (KzEvent    *event,
                                const char *extra);
GtkWidget *kz_stage_chip_new   (KzStage     stage);
GtkWidget *kz_text_label_new   (const char *text,
                                const char *css_class);
void       kz_box_remove_all   (GtkBox     *box);

G_END_DECLS
