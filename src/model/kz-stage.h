/* kz-stage.h — how deep cooperation in an area went at one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Ordered from shallow to deep, so stages compare with < and >. */
typedef enum {
  KZ_STAGE_NONE = 0,
  KZ_STAGE_DISCUSSED,
  KZ_STAGE_COMMITTED,
  KZ_STAGE_AGREED,
  KZ_STAGE_MECHANISM,
} KzStage;

#define KZ_N_STAGES (KZ_STAGE_MECHANISM + 1)

gboolean    kz_stage_from_string    (const char *text,
                                     KzStage    *out_stage);
const char *kz_stage_to_string      (KzStage     stage);
const char *kz_stage_get_label      (KzStage     stage);

G_END_DECLS
