/* kz-event-text.h — the words the window uses to describe an event
 *
 * Shared by the detail pane, the timeline's tooltips and its accessible description, so an
 * event reads the same wherever it appears.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kz-event.h"

G_BEGIN_DECLS

char *kz_event_text_when    (KzEvent *event);
char *kz_event_text_kind    (KzEvent *event);
char *kz_event_text_areas   (KzEvent *event);
char *kz_event_text_summary (KzEvent *event);

G_END_DECLS
