/* kz-stage.c — how deep cooperation in an area went at one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kz-stage"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-stage.h"

static const char * const stage_ids[KZ_N_STAGES] = {
  [KZ_STAGE_NONE] = "none",
  [KZ_STAGE_DISCUSSED] = "discussed",
  [KZ_STAGE_COMMITTED] = "committed",
  [KZ_STAGE_AGREED] = "agreed",
  [KZ_STAGE_MECHANISM] = "mechanism",
};

/* Only the four real stages parse; "none" is the absence of a stage, not a value. */
gboolean
kz_stage_from_string (const char *text,
                      KzStage    *out_stage)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (int stage = KZ_STAGE_DISCUSSED; stage < KZ_N_STAGES; stage++)
    {
      if (g_str_equal (text, stage_ids[stage]))
        {
          if (out_stage != NULL)
            *out_stage = stage;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
kz_stage_to_string (KzStage stage)
{
  g_return_val_if_fail (stage < KZ_N_STAGES, NULL);

  return stage_ids[stage];
}

const char *
kz_stage_get_label (KzStage stage)
{
  switch (stage)
    {
    case KZ_STAGE_DISCUSSED:
      return C_("stage", "Discussed");
    case KZ_STAGE_COMMITTED:
      return C_("stage", "Committed");
    case KZ_STAGE_AGREED:
      return C_("stage", "Agreed");
    case KZ_STAGE_MECHANISM:
      return C_("stage", "Mechanism");
    case KZ_STAGE_NONE:
    default:
      return C_("stage", "None");
    }
}
