/** Schemas of `sync.runs` (`GET /api/sync/runs`). */
import { z } from "zod";

import { RUN_STATUSES } from "../../db/queries/sync-runs.ts";
import { cursorInput, doc, limitInput, nextCursorOutput, oneOf, successTrue } from "../schemas/common.ts";
import { SyncRunSchema } from "../schemas/sync.ts";

export const ListSyncRunsInput = z.strictObject({
  status: z
    .array(oneOf(RUN_STATUSES))
    .max(5)
    .optional()
    .meta(doc("Only runs with one of these statuses (repeat the parameter).", ["failed", "partial"])),
  limit: limitInput(20, 200),
  cursor: cursorInput,
});

export const ListSyncRunsOutput = z.object({
  success: successTrue,
  runs: z.array(SyncRunSchema).meta({ description: "Runs, newest first." }),
  count: z.number().int().meta(doc("Runs on this page.", 20)),
  next_cursor: nextCursorOutput,
});
