/* kz-uri.h — opening a source's web address, and only a web address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean kz_uri_is_web (const char *uri);
gboolean kz_uri_launch (GtkWidget  *widget,
                        const char *uri);

G_END_DECLS
