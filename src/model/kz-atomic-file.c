/* kz-atomic-file.c — write a file so that it appears whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes go to a hidden temporary file in the target's own directory (so the final
 * rename stays on one file system and is atomic); commit flushes it to disk and renames it
 * over the target. Anything else — an error, a cancelled export, a crash before commit —
 * leaves the target as it was and removes the temporary file.
 */
#define G_LOG_DOMAIN "kz-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kz-atomic-file.h"

struct _KzAtomicFile
{
  char *path;
  char *temp_path;
  int   fd;
};

/* @what says what could not be done, e.g. “Cannot write “out.png””; the system's reason
 * follows it. */
static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 char        *what)  /* (transfer full) */
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", what, g_strerror (saved_errno));
  g_free (what);
}


/**
 * kz_atomic_file_new:
 * @path: the file to write in the end; its directory must exist and be writable
 *
 * Returns: (transfer full) (nullable): a writer, or %NULL when the temporary file cannot be
 *   made (the error names the directory and the reason)
 */
KzAtomicFile *
kz_atomic_file_new (const char  *path,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  KzAtomicFile *self;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);

  self = g_new0 (KzAtomicFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  self->fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_autofree char *name = g_filename_display_name (dir);

      /* Translators: %s is a folder; the system's reason follows */
      set_errno_error (error, saved_errno, g_strdup_printf (_("Cannot write in the folder “%s”"), name));
      g_clear_pointer (&self->temp_path, g_free);
      kz_atomic_file_abort (self);
      return NULL;
    }

  return self;
}

const char *
kz_atomic_file_get_temp_path (KzAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

gboolean
kz_atomic_file_write (KzAtomicFile  *self,
                      const void    *data,
                      gsize          len,
                      GError       **error)
{
  const guint8 *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (len > 0)
    {
      gssize written = write (self->fd, p, len);

      if (written < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_autofree char *name = g_filename_display_name (self->path);

          set_errno_error (error, saved_errno, g_strdup_printf (_("Cannot write “%s”"), name));
          return FALSE;
        }

      p += written;
      len -= (gsize) written;
    }

  return TRUE;
}

/**
 * kz_atomic_file_commit:
 *
 * Flushes the data to disk and moves it into place. Whatever the result, @self is
 * finished with: free it with kz_atomic_file_abort() (which then does nothing but free).
 */
gboolean
kz_atomic_file_commit (KzAtomicFile  *self,
                       GError       **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  fd = self->fd;
  self->fd = -1;

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (self->path);

      set_errno_error (error, saved_errno, g_strdup_printf (_("Cannot write “%s”"), name));
      return FALSE;
    }

  if (g_rename (self->temp_path, self->path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (self->path);

      set_errno_error (error, saved_errno, g_strdup_printf (_("Cannot replace “%s”"), name));
      return FALSE;
    }

  g_clear_pointer (&self->temp_path, g_free);
  return TRUE;
}

/* Drops the temporary file if it is still there, and frees @self. */
void
kz_atomic_file_abort (KzAtomicFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);

  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}
