/* kz-application.c — the application: actions, windows, light or dark
 *
 * GtkApplication finds gtk/help-overlay.ui (the shortcuts window) and the icons under the
 * resource base path on its own; this file loads style.css, adds the actions, opens
 * windows, and follows the desktop's light or dark preference: without libadwaita, GTK 4.8
 * does not read it, so we ask the Settings portal (org.freedesktop.appearance color-scheme:
 * 0 no preference, 1 prefer dark, 2 prefer light) and listen for changes. No portal, no
 * session bus: nothing happens, quietly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-application"

#include <glib/gi18n.h>

#include "kz-application.h"
#include "kz-resources.h"
#include "kz-window.h"

#define PORTAL_BUS_NAME       "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH    "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS_IFACE "org.freedesktop.portal.Settings"
#define APPEARANCE_NAMESPACE  "org.freedesktop.appearance"
#define COLOR_SCHEME_KEY      "color-scheme"

struct _KzApplication
{
  GtkApplication  parent_instance;

  GCancellable   *cancellable;
  GDBusProxy     *settings_portal;
};

G_DEFINE_FINAL_TYPE (KzApplication, kz_application, GTK_TYPE_APPLICATION)

static KzWindow *
kz_application_open_window (KzApplication *self,
                            GFile         *file)
{
  KzWindow *window = kz_window_new (self);

  if (file != NULL)
    kz_window_open (window, file);
  else
    {
      g_autoptr(GFile) bundled = g_file_new_for_uri (KZ_BUNDLED_DATASET_URI);
      kz_window_open (window, bundled);
    }

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* Light or dark, from the Settings portal */

static void
apply_color_scheme (GVariant *value)
{
  g_autoptr(GVariant) inner = g_variant_ref (value);
  GtkSettings *settings;

  /* Read wraps the value in one more variant than ReadOne and SettingChanged do */
  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unboxed = g_variant_get_variant (inner);
      g_variant_unref (inner);
      inner = unboxed;
    }

  if (!g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32))
    return;

  settings = gtk_settings_get_default ();
  if (settings == NULL)
    return;

  g_debug ("Desktop colour scheme %u", g_variant_get_uint32 (inner));
  g_object_set (settings,
                "gtk-application-prefer-dark-theme", g_variant_get_uint32 (inner) == 1,
                NULL);
}

static void
on_portal_signal (GDBusProxy *proxy,
                  const char *sender_name,
                  const char *signal_name,
                  GVariant   *parameters,
                  gpointer    user_data)
{
  const char *namespace;
  const char *key;
  g_autoptr(GVariant) value = NULL;

  if (g_strcmp0 (signal_name, "SettingChanged") != 0 ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, APPEARANCE_NAMESPACE) && g_str_equal (key, COLOR_SCHEME_KEY))
    apply_color_scheme (value);
}

static void
on_portal_read (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, &error);
  if (reply == NULL)
    {
      g_debug ("No colour scheme from the Settings portal: %s", error->message);
      return;
    }

  if (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(v)")))
    {
      g_variant_get (reply, "(v)", &value);
      apply_color_scheme (value);
    }
}

static void
on_portal_read_one (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KzApplication *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, &error);
  if (reply == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Portals before version 2 have only Read */
      g_debug ("Settings portal ReadOne failed (%s), trying Read", error->message);
      g_dbus_proxy_call (G_DBUS_PROXY (object), "Read",
                         g_variant_new ("(ss)", APPEARANCE_NAMESPACE, COLOR_SCHEME_KEY),
                         G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                         on_portal_read, NULL);
      return;
    }

  if (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(v)")))
    {
      g_variant_get (reply, "(v)", &value);
      apply_color_scheme (value);
    }
}

static void
on_portal_proxy_ready (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  KzApplication *self;
  g_autoptr(GDBusProxy) proxy = NULL;
  g_autoptr(GError) error = NULL;

  proxy = g_dbus_proxy_new_finish (result, &error);
  if (proxy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No Settings portal: %s", error->message);
      return;
    }

  self = KZ_APPLICATION (user_data);
  self->settings_portal = g_steal_pointer (&proxy);
  g_signal_connect (self->settings_portal, "g-signal", G_CALLBACK (on_portal_signal), NULL);
  g_dbus_proxy_call (self->settings_portal, "ReadOne",
                     g_variant_new ("(ss)", APPEARANCE_NAMESPACE, COLOR_SCHEME_KEY),
                     G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                     on_portal_read_one, self);
}

static void
kz_application_follow_color_scheme (KzApplication *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));

  /* Use the bus the application registered on; without one there is no portal to ask. */
  if (connection == NULL)
    return;

  g_dbus_proxy_new (connection,
                    G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES,
                    NULL,
                    PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, PORTAL_SETTINGS_IFACE,
                    self->cancellable,
                    on_portal_proxy_ready, self);
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing, rather than quitting outright, lets each window remember its size and panes;
   * the application ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Kizuna developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", PACKAGE_NAME,
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("See how India–Japan cooperation evolves across dialogues"),
                         "website", "https://github.com/kizuna/kizuna",
                         "website-label", _("Website"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Kizuna developers",
                         "authors", developers,
                         /* Translators: your name and email address, one translator a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KzApplication *self = KZ_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!KZ_IS_WINDOW (window))
    window = GTK_WINDOW (kz_application_open_window (self, NULL));

  kz_window_show_open_dialog (KZ_WINDOW (window));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  kz_application_open_window (KZ_APPLICATION (user_data), NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "open", .activate = open_action },
  { .name = "new-window", .activate = new_window_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "app.new-window", { "<Control>n", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.show-matrix", { "<Control>m", NULL } },
  { "win.compare-previous", { "<Control><Shift>c", NULL } },
  { "win.show-help-overlay", { "<Control>question", "<Control>slash", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

/* GApplication */

static void
kz_application_startup (GApplication *application)
{
  KzApplication *self = KZ_APPLICATION (application);
  g_autoptr(GtkCssProvider) provider = NULL;

  G_APPLICATION_CLASS (kz_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action, app_accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);

  /* Only libadwaita's AdwApplication loads style.css by itself */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  kz_application_follow_color_scheme (self);
}

static void
kz_application_shutdown (GApplication *application)
{
  KzApplication *self = KZ_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->settings_portal);

  G_APPLICATION_CLASS (kz_application_parent_class)->shutdown (application);
}

static void
kz_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window != NULL)
    gtk_window_present (window);
  else
    kz_application_open_window (KZ_APPLICATION (application), NULL);
}

static void
kz_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    kz_application_open_window (KZ_APPLICATION (application), files[i]);
}

/* GObject */

static void
kz_application_dispose (GObject *object)
{
  KzApplication *self = KZ_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings_portal);

  G_OBJECT_CLASS (kz_application_parent_class)->dispose (object);
}

static void
kz_application_class_init (KzApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kz_application_dispose;

  application_class->startup = kz_application_startup;
  application_class->shutdown = kz_application_shutdown;
  application_class->activate = kz_application_activate;
  application_class->open = kz_application_open;

  /* The resources live in a static library, so they are registered by hand (a constructor
   * in an object file nobody references would be dropped by the linker): main() does it
   * first thing, for the command line too; programs without that main(), the tests, get
   * them here. Registering twice would link the static resource into a loop, so ask first. */
  if (!g_resources_get_info (RESOURCE_BASE "/ui/kz-window.ui", G_RESOURCE_LOOKUP_FLAGS_NONE,
                             NULL, NULL, NULL))
    kz_register_resource ();
}

static void
kz_application_init (KzApplication *self)
{
  self->cancellable = g_cancellable_new ();
}

KzApplication *
kz_application_new (void)
{
  return g_object_new (KZ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
