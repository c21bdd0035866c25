/* kz-toast.h — a short in-window notification, with an optional button, that hides by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KZ_TYPE_TOAST (kz_toast_get_type ())
G_DECLARE_FINAL_TYPE (KzToast, kz_toast, KZ, TOAST, GtkWidget)

/* How long a toast shows, unless the pointer or the keyboard focus is on it */
#define KZ_TOAST_TIMEOUT_SECONDS 10

GtkWidget  *kz_toast_new          (void);
void        kz_toast_show         (KzToast    *self,
                                   const char *title,
                                   const char *button_label,
                                   const char *action_name);
void        kz_toast_dismiss      (KzToast    *self);
const char *kz_toast_get_title    (KzToast    *self);
gboolean    kz_toast_get_revealed (KzToast    *self);

G_END_DECLS
