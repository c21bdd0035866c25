/* kz-allocator.h — memory allocator settings for loading large datasets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void kz_allocator_setup (char *argv[]);

G_END_DECLS
