/* kz-uri.c — opening a source's web address, and only a web address
 *
 * A dataset is a file from anyone; its links must not become a way to open local files or
 * run other URI handlers. The loader already refuses non-http(s) URLs; this checks again
 * at the moment of opening, so no other code path can hand GTK anything else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-uri"

#include "kz-uri.h"

gboolean
kz_uri_is_web (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL)
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;

  return g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0';
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* GDK_VERSION_MAX_ALLOWED is 4.8: newer API is used knowingly, behind the check above */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("Could not open a source: %s", error->message);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
#endif

/* Opens uri in the browser when it is an http or https address; returns whether it tried. */
gboolean
kz_uri_launch (GtkWidget  *widget,
               const char *uri)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!kz_uri_is_web (uri))
    {
      g_debug ("Not opening “%s”: only http and https addresses open", uri ? uri : "(null)");
      return FALSE;
    }

  root = gtk_widget_get_root (widget);

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             NULL, launch_cb, NULL);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
#endif

  return TRUE;
}
