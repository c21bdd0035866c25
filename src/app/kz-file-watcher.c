/* kz-file-watcher.c — says when a file on disk has changed and settled
 *
 * A GFileMonitor on the file, and a timer that every event restarts: ::changed comes once
 * the file has been quiet for the delay, not once per write. Editors that save by writing
 * a temporary file and renaming it over the original show up as CREATED, MOVED_IN or
 * RENAMED (onto the file) rather than CHANGED; a file deleted and written again shows as
 * DELETED then CREATED. All of them restart the timer. Attribute changes (a touch, a chmod)
 * do not: the content is the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "kz-file-watcher"

#include "kz-file-watcher.h"

struct _KzFileWatcher
{
  GObject       parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  guint         delay_ms;
  guint         timeout_id;
};

G_DEFINE_FINAL_TYPE (KzFileWatcher, kz_file_watcher, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
settled_cb (gpointer user_data)
{
  KzFileWatcher *self = KZ_FILE_WATCHER (user_data);

  self->timeout_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    KzFileWatcher     *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_MOVED:
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      /* Within the folder: only a rename onto the file, or of the file away, matters */
      if (!g_file_equal (file, self->file) &&
          (other_file == NULL || !g_file_equal (other_file, self->file)))
        return;
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      return;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay_ms, settled_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[kizuna] file settled");
}

static void
kz_file_watcher_dispose (GObject *object)
{
  KzFileWatcher *self = KZ_FILE_WATCHER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (kz_file_watcher_parent_class)->dispose (object);
}

static void
kz_file_watcher_class_init (KzFileWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kz_file_watcher_dispose;

  /**
   * KzFileWatcher::changed:
   *
   * The file changed (or went, or came back) and has been quiet for the delay since.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kz_file_watcher_init (KzFileWatcher *self)
{
}

/**
 * kz_file_watcher_new:
 * @file: a file to watch; a resource or other non-native file cannot be
 * @delay_ms: how long the file must be quiet before ::changed
 *
 * Returns: (transfer full) (nullable): the watcher, or %NULL with @error set when the
 *   file cannot be monitored
 */
KzFileWatcher *
kz_file_watcher_new (GFile   *file,
                     guint    delay_ms,
                     GError **error)
{
  g_autoptr(KzFileWatcher) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KZ_TYPE_FILE_WATCHER, NULL);
  self->file = g_object_ref (file);
  self->delay_ms = delay_ms;
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return NULL;

  /* The timer does the settling: no need for the monitor to hold CHANGED events back. */
  g_file_monitor_set_rate_limit (self->monitor, 50);
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self);

  return g_steal_pointer (&self);
}

GFile *
kz_file_watcher_get_file (KzFileWatcher *self)
{
  g_return_val_if_fail (KZ_IS_FILE_WATCHER (self), NULL);

  return self->file;
}
