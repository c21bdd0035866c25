/* kz-application.h — the application: actions, windows, light or dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KZ_TYPE_APPLICATION (kz_application_get_type ())
G_DECLARE_FINAL_TYPE (KzApplication, kz_application, KZ, APPLICATION, GtkApplication)

KzApplication *kz_application_new (void);

G_END_DECLS
