/** Schemas of `sync.trigger` (`POST /api/sync`). */
import { z } from "zod";

import { doc, strictBoolean, successTrue } from "../schemas/common.ts";

export const TriggerSyncInput = z
  .strictObject({
    with_parts: strictBoolean("Read parts too; default from configuration (SYNC_WITH_PARTS).").optional(),
    with_extended: strictBoolean("Read the extended tabs too; default from configuration (SYNC_WITH_EXTENDED_DATA).").optional(),
    order_ids: z
      .array(z.string().regex(/^[1-9]\d{0,14}$/u, "must be a PlanSo order id: digits, no leading zero"))
      .min(1)
      .max(1000)
      .optional()
      .meta(doc("Sync only these orders.", ["10001", "10017"])),
    wait: strictBoolean("Answer when the run has finished (up to WRITE_TIMEOUT_MS), not when it has started.").optional(),
  })
  .optional();

export const TriggerSyncOutput = z.object({
  success: successTrue,
  run_id: z.number().int().meta(doc("The run started, or the one already running.", 42)),
  status: z.string().meta(doc("Run status now: `running`, or the final status when `wait` was set and it finished.", "running")),
  already_running: z.boolean().meta(doc("A run was in progress, so no new run was started.", false)),
});
