/** Response schemas of sync runs and the upstream session. */
import { z } from "zod";

import type { SyncRun } from "../../db/queries/sync-runs.ts";
import { doc } from "./common.ts";

const count = (description: string, example: number) => z.number().int().meta(doc(description, example));

export const SyncRunSchema = z
  .object({
    id: z.number().int().meta(doc("Run id.", 42)),
    trigger: z.string().meta(doc("What started the run: `schedule`, `startup`, `manual` or `cli`.", "schedule")),
    options: z
      .object({
        with_parts: z.boolean().meta(doc("Parts were read.", true)),
        with_extended: z.boolean().meta(doc("Extended tabs were read.", false)),
        order_ids: z.array(z.string()).nullable().meta(doc("Only these orders; null for the whole board.", null)),
      })
      .meta({ description: "Options the run used." }),
    status: z.string().meta(doc("`running`, `succeeded`, `partial`, `failed` or `interrupted`.", "succeeded")),
    started_at: z.string().meta(doc("Start (ISO 8601).", "2026-03-16T07:00:00.000Z")),
    finished_at: z.string().nullable().meta(doc("End (ISO 8601); null while running.", "2026-03-16T07:02:13.000Z")),
    duration_ms: z.number().nullable().meta(doc("Milliseconds from start to end; null while running.", 133000)),
    counts: z
      .object({
        seen: count("Orders listed on the board.", 160),
        added: count("Orders new to the mirror.", 2),
        updated: count("Orders whose content changed.", 14),
        unchanged: count("Orders read without changes.", 144),
        left_board: count("Orders no longer on the board.", 1),
        returned_to_board: count("Orders back on the board.", 0),
        failed: count("Orders that could not be read.", 0),
        parts_written: count("Parts rows written.", 51),
        requests: count("Requests sent to PlanSo.", 482),
      })
      .meta({ description: "What the run did." }),
    progress: z
      .object({ done: count("Orders processed.", 160), total: count("Orders to process.", 160) })
      .meta({ description: "Progress; live while running." }),
    error: z.string().nullable().meta(doc("Why the run failed or ended partial.", null)),
    failed_orders: z
      .record(z.string(), z.string())
      .nullable()
      .meta(doc("Order id → reason for orders that failed.", { "10017": "timeout: no response within 30000 ms" })),
  })
  .meta({ id: "SyncRun", description: "One sync run." }) satisfies z.ZodType<SyncRun>;

export const SessionSchema = z
  .object({
    logged_in: z.boolean().meta(doc("The connector holds a PlanSo session.", true)),
    base_url: z.string().meta(doc("PlanSo address.", "https://beispiel.planso.de")),
    username: z.string().meta(doc("PlanSo user.", "werkstatt")),
    last_login_at: z.string().nullable().meta(doc("Last successful login (ISO 8601).", "2026-03-16T07:00:01.000Z")),
  })
  .meta({ id: "UpstreamSession", description: "The upstream PlanSo session; never includes the password." });
