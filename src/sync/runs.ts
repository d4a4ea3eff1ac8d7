/**
 * Rows of `sync_runs`: one per run, created `running` before the first upstream call
 * and finished with its counts. Written only by the sync side (worker or `reit sync`).
 */
import { eq, inArray, sql } from "drizzle-orm";

import type { Db } from "../db/connection.ts";
import { syncRuns, type SyncRunRow } from "../db/schema.ts";

export type RunTrigger = "manual" | "schedule" | "startup" | "cli";
export type RunStatus = "running" | "succeeded" | "partial" | "failed" | "interrupted";

export interface RunOptions {
  with_parts: boolean;
  with_extended: boolean;
  order_ids: string[] | null;
}

export interface RunCounts {
  seen: number;
  added: number;
  updated: number;
  unchanged: number;
  left_board: number;
  returned_to_board: number;
  failed: number;
  parts_written: number;
  requests: number;
}

export const ZERO_COUNTS: RunCounts = {
  seen: 0, added: 0, updated: 0, unchanged: 0, left_board: 0, returned_to_board: 0, failed: 0, parts_written: 0, requests: 0,
};

export function createRun(db: Db, input: { trigger: RunTrigger; options: RunOptions; now: string }): number {
  const row = db
    .insert(syncRuns)
    .values({ trigger: input.trigger, options: input.options, status: "running", startedAt: input.now })
    .returning({ id: syncRuns.id })
    .get();
  return row.id;
}

export function updateRunProgress(db: Db, runId: number, progress: { done: number; total: number; requests: number }): void {
  db.update(syncRuns)
    .set({ progressDone: progress.done, progressTotal: progress.total, requests: progress.requests })
    .where(eq(syncRuns.id, runId))
    .run();
}

export function finishRun(
  db: Db,
  runId: number,
  result: {
    status: Exclude<RunStatus, "running">;
    now: string;
    counts: RunCounts;
    progress: { done: number; total: number };
    error: string | null;
    failedOrders: Record<string, string>;
  },
): void {
  const c = result.counts;
  db.update(syncRuns)
    .set({
      status: result.status,
      finishedAt: result.now,
      seen: c.seen,
      added: c.added,
      updated: c.updated,
      unchanged: c.unchanged,
      leftBoard: c.left_board,
      returnedToBoard: c.returned_to_board,
      failed: c.failed,
      partsWritten: c.parts_written,
      requests: c.requests,
      progressDone: result.progress.done,
      progressTotal: result.progress.total,
      error: result.error,
      failedOrders: Object.keys(result.failedOrders).length === 0 ? null : result.failedOrders,
    })
    .where(eq(syncRuns.id, runId))
    .run();
}

/**
 * Runs still `running` when a sync host starts belong to a process that stopped
 * mid-run; they become `interrupted`. Returns their ids.
 */
export function markInterruptedRuns(db: Db, now: string): number[] {
  return db
    .update(syncRuns)
    .set({ status: "interrupted", finishedAt: now, error: sql`coalesce(${syncRuns.error}, 'the process stopped during the run')` })
    .where(eq(syncRuns.status, "running"))
    .returning({ id: syncRuns.id })
    .all()
    .map((row) => row.id);
}

/** Tells whether any run stored data for the whole board (succeeded or partial). */
export function hasCompletedRun(db: Db): boolean {
  const row = db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(inArray(syncRuns.status, ["succeeded", "partial"]))
    .limit(1)
    .get();
  return row !== undefined;
}

export function getRun(db: Db, runId: number): SyncRunRow | undefined {
  return db.select().from(syncRuns).where(eq(syncRuns.id, runId)).get();
}
