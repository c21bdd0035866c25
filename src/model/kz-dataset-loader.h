/* kz-dataset-loader.h — reads and validates format v1 into a KzDataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kz-dataset.h"

G_BEGIN_DECLS

/* Files larger than this are refused before parsing: far beyond any real dataset, and
 * json-glib's tree would need many times the file's size in memory. */
#define KZ_DATASET_MAX_FILE_SIZE ((gsize) 512 * 1024 * 1024)
/* Format v1 nests six levels deep; this leaves room and keeps json-glib's recursion safe. */
#define KZ_DATASET_MAX_DEPTH 64

#define KZ_DATASET_ERROR (kz_dataset_error_quark ())
GQuark kz_dataset_error_quark (void);

typedef enum {
  KZ_DATASET_ERROR_READ,       /* the file could not be read */
  KZ_DATASET_ERROR_TOO_LARGE,  /* over KZ_DATASET_MAX_FILE_SIZE */
  KZ_DATASET_ERROR_ENCODING,   /* not UTF-8, or a NUL byte */
  KZ_DATASET_ERROR_SYNTAX,     /* not well-formed JSON, or nested too deeply */
  KZ_DATASET_ERROR_INVALID,    /* well-formed JSON that breaks format v1 */
} KzDatasetError;

typedef enum {
  KZ_PROBLEM_ERROR,
  KZ_PROBLEM_WARNING,
} KzProblemSeverity;

/* One problem found in a file. path is a JSON path such as "events[12].areas[0].stage",
 * or "" for the file as a whole; line and column are 1-based, or 0 when unknown. */
typedef struct {
  KzProblemSeverity  severity;
  char              *path;
  guint              line;
  guint              column;
  char              *message;
} KzProblem;

#define KZ_TYPE_PROBLEM (kz_problem_get_type ())
GType      kz_problem_get_type  (void) G_GNUC_CONST;
KzProblem *kz_problem_copy      (const KzProblem *problem);
void       kz_problem_free      (KzProblem       *problem);
char      *kz_problem_to_string (const KzProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzProblem, kz_problem_free)

/* How far a load has got, in bytes of the file; called on the thread that loads, from time
 * to time (a few hundred times for a large file). */
typedef void (*KzDatasetProgressFunc) (guint64  done,
                                       guint64  total,
                                       gpointer user_data);

/* Both return NULL and set error when the file has any error. Every problem found, errors
 * and warnings, is appended to problems (a GPtrArray of KzProblem) when it is not NULL. */
KzDataset *kz_dataset_load_from_bytes (GBytes        *bytes,
                                       GPtrArray     *problems,
                                       GError       **error);
KzDataset *kz_dataset_load_from_file  (GFile         *file,
                                       GPtrArray     *problems,
                                       GCancellable  *cancellable,
                                       GError       **error);
KzDataset *kz_dataset_load_from_file_full (GFile                 *file,
                                           GPtrArray             *problems,
                                           KzDatasetProgressFunc  progress,
                                           gpointer               progress_data,
                                           GCancellable          *cancellable,
                                           GError               **error);

G_END_DECLS
