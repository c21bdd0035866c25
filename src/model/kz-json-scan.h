/* kz-json-scan.h — one fast pass over a JSON document before json-glib sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KZ_JSON_SCAN_NO_OFFSET G_MAXSIZE

/* Where one element of the top-level "events" array lies in the bytes. */
typedef struct {
  gsize offset;
  gsize length;
} KzJsonSlice;

typedef struct {
  /* Set when the bytes are not a well-formed JSON document within the limits: */
  int      error_code;         /* a KzDatasetError, or -1 */
  gsize    error_offset;       /* where the problem is, or KZ_JSON_SCAN_NO_OFFSET */
  char    *error_message;      /* what it is, for a user */

  /* The root object's "events" array, when there is exactly one: */
  gboolean has_events;
  gsize    events_open;        /* offset of its '[' */
  gsize    events_close;       /* offset of its ']' */
  GArray  *events;             /* KzJsonSlice, in order */
} KzJsonScan;

gboolean kz_json_scan       (const char *data,
                             gsize       len,
                             guint       max_depth,
                             KzJsonScan *scan);
void     kz_json_scan_clear (KzJsonScan *scan);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KzJsonScan, kz_json_scan_clear)

G_END_DECLS
