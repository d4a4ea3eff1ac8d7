/** Schemas of `changes.list` (`GET /api/changes`). */
import { z } from "zod";

import { cursorInput, doc, limitInput, successTrue, timestampInput } from "../schemas/common.ts";

export const ChangeSchema = z
  .object({
    id: z.number().int().meta(doc("Position in the change log.", 981)),
    at: z.string().meta(doc("When the mirror stored the change (ISO 8601).", "2026-03-16T07:01:12.000Z")),
    order_id: z.string().meta(doc("PlanSo order id.", "10001")),
    kind: z.string().meta(doc("`created`, `updated`, `left_board`, `returned_to_board` or `deleted`.", "updated")),
    source: z.string().meta(doc("`sync` or `api`.", "sync")),
    run_id: z.number().int().nullable().meta(doc("Sync run that made the change.", 42)),
    changed_fields: z.array(z.string()).meta(doc("Changed fields; empty for a creation.", ["project_status", "vehicle.km_stand"])),
    version_after: z.number().int().nullable().meta(doc("Order version after the change.", 4)),
  })
  .meta({ id: "Change", description: "One entry of the change log." });

export const ListChangesInput = z.strictObject({
  order_id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/u, "must be a PlanSo order id: digits, no leading zero")
    .transform(Number)
    .optional()
    .meta(doc("Only changes of this order.", "10001")),
  since: timestampInput("Only changes at or after this time (ISO 8601).").optional(),
  limit: limitInput(100, 1000),
  cursor: cursorInput,
});

export const ListChangesOutput = z.object({
  success: successTrue,
  changes: z.array(ChangeSchema).meta({ description: "Changes, oldest first." }),
  count: z.number().int().meta(doc("Changes on this page.", 1)),
  next_cursor: z
    .string()
    .meta(doc("Always set: pass it back to get the changes after this page (poll with it when the page was empty).", "WyJjaGFuZ2VzOmlkIixudWxsLDk4MV0")),
  has_more: z.boolean().meta(doc("More changes are waiting right now.", false)),
});
