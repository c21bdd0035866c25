/* kz-test-widgets.c — waiting on the real window in widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kz-test-widgets.h"
#include "kz-window.h"

/* Runs the main loop until @condition holds. The deadline only stops a hang: a slow,
 * sanitized or loaded machine still gets there. */
void
kz_test_wait_until (gboolean (*condition) (gpointer data),
                    gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Lets a few frames and idles run, for checks that come after them. */
void
kz_test_settle (void)
{
  gint64 until = g_get_monotonic_time () + 50 * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

gboolean
kz_test_window_loaded (gpointer window)
{
  return !kz_window_get_loading (KZ_WINDOW (window));
}

gboolean
kz_test_widget_allocated (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget)) && gtk_widget_get_width (GTK_WIDGET (widget)) > 0;
}

/* A composite widget's named child, which the test insists exists. */
gpointer
kz_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}
