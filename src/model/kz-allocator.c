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
 *   fastbins, glibc's per-thread cache serves small blocks — but it holds only 7 blocks of
 *   each size, and one batch of events frees thousands. A larger cache, which glibc reads
 *   from GLIBC_TUNABLES only at start-up, keeps a whole batch's blocks on the fast path.
 *
 * Both environment settings are made in one start-again (about 5 ms). Measured on the
 * scale benchmark (README, Performance): together they more than halve the load of a
 * million events on two cores; the larger cache alone takes a further tenth off.
 */
#define G_LOG_DOMAIN "kz-allocator"

#include "config.h"

#include <string.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "kz-allocator.h"

/* Blocks kept per size, and the largest size kept (bytes): enough for a batch of events. */
#define TCACHE_TUNABLES "glibc.malloc.tcache_count=10000:glibc.malloc.tcache_max=1024"

/**
 * kz_allocator_setup:
 * @argv: the program's arguments, to start again with them
 *
 * Call first thing in main(). May not return: see above.
 */
void
kz_allocator_setup (char *argv[])
{
  gboolean start_again = FALSE;

  if (glib_check_version (2, 76, 0) != NULL && g_getenv ("G_SLICE") == NULL)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      start_again = TRUE;
    }

#ifdef __GLIBC__
  {
    const char *tunables = g_getenv ("GLIBC_TUNABLES");

    /* The user's own tunables are kept, and win when they set the same ones. */
    if (tunables == NULL || strstr (tunables, "glibc.malloc.tcache_count") == NULL)
      {
        g_autofree char *value = g_strconcat (TCACHE_TUNABLES,
                                              tunables != NULL && *tunables != '\0' ? ":" : "",
                                              tunables != NULL ? tunables : "", NULL);

        g_setenv ("GLIBC_TUNABLES", value, TRUE);
        start_again = TRUE;
      }
  }
#endif

  /* By its real path: started as /proc/self/exe, the process would be called "exe" in
   * ps and top. Without /proc the program goes on with the defaults: slower, not wrong. */
  if (start_again)
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

      if (self != NULL)
        execv (self, argv);
    }

#ifdef __GLIBC__
  mallopt (M_MXFAST, 0);
#endif
}
