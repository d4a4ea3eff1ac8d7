import { getSyncRun } from "../../db/queries/sync-runs.ts";
import { AppError } from "../errors.ts";
import { adminProcedure } from "../trpc.ts";
import { TriggerSyncInput, TriggerSyncOutput } from "./trigger-sync.types.ts";

export const triggerSyncProcedure = adminProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/sync",
      tags: ["sync"],
      summary: "Start a sync now",
      description: "Returns 202 Accepted. A trigger during a run starts nothing and returns the running run.",
      successDescription: "Accepted (HTTP 202)",
    },
    successStatus: 202,
  })
  .input(TriggerSyncInput)
  .output(TriggerSyncOutput)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.sync.isAlive()) throw new AppError("NOT_READY", "The sync worker is not running; see /ready");
    const result = await ctx.sync.trigger({
      with_parts: input?.with_parts,
      with_extended: input?.with_extended,
      order_ids: input?.order_ids,
      trigger: "manual",
    });
    let status = result.status;
    if (input?.wait === true) {
      try {
        await ctx.sync.waitForRun(result.run_id, ctx.config.writeTimeoutMs);
        status = getSyncRun(ctx.db, result.run_id)?.status ?? status;
      } catch {
        // Still running after the deadline: the caller gets `running` and can poll sync.status.
        ctx.log.info("sync_wait_timed_out", { run_id: result.run_id, timeout_ms: ctx.config.writeTimeoutMs });
      }
    }
    return { success: true as const, run_id: result.run_id, status, already_running: result.already_running };
  });
