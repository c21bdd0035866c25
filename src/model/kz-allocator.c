/* kz-allocator.c — memory allocator settings for loading large datasets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader parses a large file as many small json-glib trees, freeing each at once,
 * on several threads. Two allocator defaults of this platform fight that pattern:
 *
 * - GLib before 2.76 takes small blocks from its own slice allocator, whose shared depot
 *   serialises the threads. GLib 2.76 replaced it with the system malloc; on older GLib we
 *   ask for the same, which GLib reads from the environment only before its first
 *   allocation — so the process starts itself again, once.
 * - glibc keeps freed small blocks in "fastbins" and merges them all whenever a larger
 *   block is asked for; with millions of freed nodes that merge dominates a load. Without
 *   fastbins, glibc's per-thread cache still serves small blocks quickly.
 *
 * Measured on the scale benchmark (README, Performance): together they more than halve the
 * load of a million events on two cores.
 */
#define G_LOG_DOMAIN "kz-allocator"

#include "config.h"

#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "kz-allocator.h"

/**
 * kz_allocator_setup:
 * @argv: the program's arguments, to start again with them
 *
 * Call first thing in main(). May not return: see above.
 */
void
kz_allocator_setup (char *argv[])
{
  if (glib_check_version (2, 76, 0) != NULL && g_getenv ("G_SLICE") == NULL)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", argv);
      /* Without /proc the program goes on with the slice allocator: slower, not wrong. */
    }

#ifdef __GLIBC__
  mallopt (M_MXFAST, 0);
#endif
}
