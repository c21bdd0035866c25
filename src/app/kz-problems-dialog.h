/* kz-problems-dialog.h — "could not open FILE", with every problem the loader found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KZ_TYPE_PROBLEMS_DIALOG (kz_problems_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KzProblemsDialog, kz_problems_dialog, KZ, PROBLEMS_DIALOG, GtkWindow)

KzProblemsDialog *kz_problems_dialog_new           (GtkWindow        *parent,
                                                    GFile            *file,
                                                    const GError     *error,
                                                    GPtrArray        *problems);
const char       *kz_problems_dialog_get_heading   (KzProblemsDialog *self);
const char       *kz_problems_dialog_get_problems  (KzProblemsDialog *self);

G_END_DECLS
