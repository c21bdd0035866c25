/* test-portal.c — the application follows the desktop's light or dark preference
 *
 * A private session bus (GTestDBus) with a stand-in for xdg-desktop-portal's Settings
 * interface: the real KzApplication asks it for org.freedesktop.appearance color-scheme
 * at startup and listens to SettingChanged, and GTK's prefer-dark setting must follow.
 * The stand-in speaks version 2 (ReadOne) or, like older portals, only Read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "kz-application.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_IFACE       "org.freedesktop.portal.Settings"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Settings'>"
  "    <method name='Read'>"
  "      <arg type='s' name='namespace' direction='in'/>"
  "      <arg type='s' name='key' direction='in'/>"
  "      <arg type='v' name='value' direction='out'/>"
  "    </method>"
  "    <method name='ReadOne'>"
  "      <arg type='s' name='namespace' direction='in'/>"
  "      <arg type='s' name='key' direction='in'/>"
  "      <arg type='v' name='value' direction='out'/>"
  "    </method>"
  "    <signal name='SettingChanged'>"
  "      <arg type='s' name='namespace'/>"
  "      <arg type='s' name='key'/>"
  "      <arg type='v' name='value'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

typedef struct {
  GDBusConnection *connection;
  guint32          color_scheme;
  gboolean         has_read_one;   /* version 2 of the interface */
  guint            n_calls;
} FakePortal;

static FakePortal portal;

static void
portal_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  const char *namespace;
  const char *key;

  portal.n_calls++;
  g_variant_get (parameters, "(&s&s)", &namespace, &key);

  if (g_str_equal (method_name, "ReadOne") && !portal.has_read_one)
    {
      g_dbus_method_invocation_return_dbus_error (invocation,
                                                  "org.freedesktop.DBus.Error.UnknownMethod",
                                                  "No such method “ReadOne”");
      return;
    }

  if (!g_str_equal (namespace, "org.freedesktop.appearance") || !g_str_equal (key, "color-scheme"))
    {
      g_dbus_method_invocation_return_dbus_error (invocation,
                                                  "org.freedesktop.portal.Error.NotFound",
                                                  "Requested setting not found");
      return;
    }

  if (g_str_equal (method_name, "ReadOne"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(v)", g_variant_new_uint32 (portal.color_scheme)));
  else
    /* Read, the version 1 method, wraps the value in one more variant */
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(v)",
                                                          g_variant_new_variant (g_variant_new_uint32 (portal.color_scheme))));
}

static void
portal_emit_change (const char *namespace,
                    const char *key,
                    guint32     value)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (portal.connection, NULL, PORTAL_OBJECT_PATH, PORTAL_IFACE,
                                 "SettingChanged",
                                 g_variant_new ("(ssv)", namespace, key, g_variant_new_uint32 (value)),
                                 &error);
  g_assert_no_error (error);
}

static gboolean
prefers_dark (void)
{
  gboolean dark = FALSE;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
  return dark;
}

static void
wait_for_dark (gboolean dark)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (prefers_dark () != dark)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Lets pending D-Bus traffic arrive, for checks that something did not happen. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 200 * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static KzApplication *
start_application (const char *id)
{
  KzApplication *app = kz_application_new ();
  g_autoptr(GError) error = NULL;

  /* Each test's application exports its own object path on the shared bus */
  g_application_set_application_id (G_APPLICATION (app), id);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_application_get_dbus_connection (G_APPLICATION (app)));

  return app;
}

static void
test_read_one_and_changes (void)
{
  g_autoptr(KzApplication) app = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  portal.has_read_one = TRUE;
  portal.color_scheme = 1;  /* prefer dark */

  app = start_application (APP_ID);
  wait_for_dark (TRUE);

  /* The desktop switches to light: 2 is prefer light, 0 no preference */
  portal_emit_change ("org.freedesktop.appearance", "color-scheme", 2);
  wait_for_dark (FALSE);
  portal_emit_change ("org.freedesktop.appearance", "color-scheme", 1);
  wait_for_dark (TRUE);
  portal_emit_change ("org.freedesktop.appearance", "color-scheme", 0);
  wait_for_dark (FALSE);

  /* Other settings do not touch it */
  portal_emit_change ("org.freedesktop.appearance", "accent-color", 1);
  portal_emit_change ("org.gnome.desktop.interface", "color-scheme", 1);
  settle ();
  g_assert_false (prefers_dark ());
}

static void
test_read_fallback (void)
{
  g_autoptr(KzApplication) app = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  portal.has_read_one = FALSE;
  portal.color_scheme = 1;
  portal.n_calls = 0;

  app = start_application (APP_ID ".Test.ReadFallback");
  wait_for_dark (TRUE);
  /* ReadOne refused, then Read */
  g_assert_cmpuint (portal.n_calls, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  static const GDBusInterfaceVTable vtable = { portal_method_call, NULL, NULL };
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  /* The private bus first, so that nothing connects to another one. GTestDBus unsets
   * DISPLAY (against X11 autolaunch of a bus): the display is Xvfb's, put it back. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  /* There is no AT-SPI bus on it either */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  portal.connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (portal.connection, PORTAL_OBJECT_PATH, info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (portal.connection, PORTAL_BUS_NAME, G_BUS_NAME_OWNER_FLAGS_NONE,
                                NULL, NULL, NULL, NULL);

  g_test_add_func ("/portal/read-one-and-changes", test_read_one_and_changes);
  g_test_add_func ("/portal/read-fallback", test_read_fallback);

  status = g_test_run ();

  /* Stop, not down: down waits for every reference to the bus connection to go, and GTK
   * and GApplication keep theirs until exit. Not unreffed either: finalizing it waits too. */
  g_clear_object (&portal.connection);
  g_test_dbus_stop (bus);

  return status;
}
