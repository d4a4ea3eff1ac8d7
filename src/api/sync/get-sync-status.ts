import { getSyncRun, storedSyncStatus } from "../../db/queries/sync-runs.ts";
import { readProcedure } from "../trpc.ts";
import { GetSyncStatusInput, GetSyncStatusOutput } from "./get-sync-status.types.ts";

export const getSyncStatusProcedure = readProcedure
  .meta({
    openapi: { method: "GET", path: "/sync/status", tags: ["sync"], summary: "Sync state, schedule and upstream session" },
  })
  .input(GetSyncStatusInput)
  .output(GetSyncStatusOutput)
  .query(({ ctx }) => {
    const live = ctx.sync.state();
    const stored = storedSyncStatus(ctx.db);
    const running = live.current_run_id === null ? null : getSyncRun(ctx.db, live.current_run_id);
    const hours = ctx.config.sync.businessHours;
    return {
      success: true as const,
      running: live.running,
      current_run: running === null ? null : { ...running, progress: live.progress ?? running.progress },
      last_run: stored.last_run,
      last_success_at: stored.last_success_at,
      next_run_at: live.next_run_at,
      schedule: {
        enabled: ctx.config.sync.autoEnabled,
        interval_seconds: ctx.config.sync.intervalSeconds,
        business_hours: { enabled: hours.enabled, start: hours.start, end: hours.end, days: hours.days, time_zone: hours.timeZone },
        inside_window_now: live.inside_window_now,
      },
      session: live.session,
      worker_alive: live.worker_alive,
    };
  });
