/* kz-command-line.h — the modes that need no display: --validate (and later --export)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses, as DESIGN.md §Command line fixes them. */
#define KZ_EXIT_OK        0
#define KZ_EXIT_BAD_INPUT 1
#define KZ_EXIT_USAGE     2

gboolean kz_command_line_handle (int     argc,
                                 char  **argv,
                                 char ***out_window_argv,
                                 int    *out_status);

G_END_DECLS
