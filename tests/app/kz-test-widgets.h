/* kz-test-widgets.h — waiting on the real window in widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     kz_test_wait_until       (gboolean  (*condition) (gpointer data),
                                   gpointer    data);
void     kz_test_settle           (void);
gboolean kz_test_window_loaded    (gpointer    window);
gboolean kz_test_widget_allocated (gpointer    widget);
gpointer kz_test_template_child   (gpointer    widget,
                                   GType       type,
                                   const char *name);

G_END_DECLS
