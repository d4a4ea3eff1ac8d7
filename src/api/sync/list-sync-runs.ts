import { listSyncRuns } from "../../db/queries/sync-runs.ts";
import { readProcedure } from "../trpc.ts";
import { ListSyncRunsInput, ListSyncRunsOutput } from "./list-sync-runs.types.ts";

export const listSyncRunsProcedure = readProcedure
  .meta({ openapi: { method: "GET", path: "/sync/runs", tags: ["sync"], summary: "Sync run history" } })
  .input(ListSyncRunsInput)
  .output(ListSyncRunsOutput)
  .query(({ ctx, input }) => ({ success: true as const, ...listSyncRuns(ctx.db, input) }));
