/** Sync run history (`sync.runs`) and the stored half of `sync.status`. */
import { desc, eq, ne, sql, type SQL } from "drizzle-orm";

import type { Db } from "../connection.ts";
import { syncRuns, type SyncRunRow } from "../schema.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { whereAll } from "./order-filters.ts";
import type { RunCounts, RunOptions } from "../../sync/runs.ts";
import { cachedStatement } from "./statement-cache.ts";

const p = sql.placeholder;

export const RUN_STATUSES = ["running", "succeeded", "partial", "failed", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A sync run as the API serves it. */
export interface SyncRun {
  id: number;
  trigger: string;
  options: RunOptions;
  status: string;
  started_at: string;
  finished_at: string | null;
  /** Milliseconds between start and finish; null while running. */
  duration_ms: number | null;
  counts: RunCounts;
  progress: { done: number; total: number };
  error: string | null;
  failed_orders: Record<string, string> | null;
}

export function rowToSyncRun(row: SyncRunRow): SyncRun {
  return {
    id: row.id,
    trigger: row.trigger,
    options: row.options,
    status: row.status,
    started_at: row.startedAt,
    finished_at: row.finishedAt,
    duration_ms: row.finishedAt === null ? null : Date.parse(row.finishedAt) - Date.parse(row.startedAt),
    counts: {
      seen: row.seen,
      added: row.added,
      updated: row.updated,
      unchanged: row.unchanged,
      left_board: row.leftBoard,
      returned_to_board: row.returnedToBoard,
      failed: row.failed,
      parts_written: row.partsWritten,
      requests: row.requests,
    },
    progress: { done: row.progressDone, total: row.progressTotal },
    error: row.error,
    failed_orders: row.failedOrders,
  };
}

export interface SyncRunPage {
  runs: SyncRun[];
  count: number;
  next_cursor: string | null;
}

const SORT_TAG = "sync_runs:id:desc";

/** Newest run first. */
export function listSyncRuns(db: Db, params: { status?: RunStatus[]; limit: number; cursor?: string }): SyncRunPage {
  const byStatus = params.status !== undefined && params.status.length > 0;
  const cursorId = params.cursor === undefined || params.cursor === "" ? null : decodeCursor(params.cursor, SORT_TAG).id;
  const statement = cachedStatement(db, `sync_runs:list|${byStatus}|${cursorId !== null}`, () => {
    const conditions: SQL[] = [];
    if (byStatus) conditions.push(sql`${syncRuns.status} IN (SELECT value FROM json_each(${p("statuses")}))`);
    if (cursorId !== null) conditions.push(sql`${syncRuns.id} < ${p("cur_id")}`);
    return db.select().from(syncRuns).where(whereAll(conditions)).orderBy(desc(syncRuns.id)).limit(p("limit")).prepare();
  });
  const rows = statement.all({ statuses: JSON.stringify(params.status ?? []), cur_id: cursorId, limit: params.limit + 1 });
  const visible = rows.slice(0, params.limit);
  const last = visible.at(-1);
  return {
    runs: visible.map(rowToSyncRun),
    count: visible.length,
    next_cursor: rows.length > params.limit && last ? encodeCursor({ sort: SORT_TAG, value: null, id: last.id }) : null,
  };
}

export interface StoredSyncStatus {
  /** The newest run that is not running. */
  last_run: SyncRun | null;
  /** Finish time of the newest run that succeeded. */
  last_success_at: string | null;
  /** The newest run marked running, if any. Only the worker's live state tells whether it still runs. */
  running_run: SyncRun | null;
}

export function storedSyncStatus(db: Db): StoredSyncStatus {
  const last = cachedStatement(db, "sync_runs:last", () =>
    db.select().from(syncRuns).where(ne(syncRuns.status, "running")).orderBy(desc(syncRuns.id)).limit(1).prepare(),
  ).get();
  const success = cachedStatement(db, "sync_runs:last-success", () =>
    db
      .select({ finishedAt: syncRuns.finishedAt })
      .from(syncRuns)
      .where(eq(syncRuns.status, "succeeded"))
      .orderBy(desc(syncRuns.id))
      .limit(1)
      .prepare(),
  ).get();
  const running = cachedStatement(db, "sync_runs:running", () =>
    db.select().from(syncRuns).where(eq(syncRuns.status, "running")).orderBy(desc(syncRuns.id)).limit(1).prepare(),
  ).get();
  return {
    last_run: last ? rowToSyncRun(last) : null,
    last_success_at: success?.finishedAt ?? null,
    running_run: running ? rowToSyncRun(running) : null,
  };
}

/** Reads one run by id; null when unknown. */
export function getSyncRun(db: Db, id: number): SyncRun | null {
  const row = cachedStatement(db, "sync_runs:get", () => db.select().from(syncRuns).where(eq(syncRuns.id, p("id"))).prepare()).get({ id });
  return row ? rowToSyncRun(row) : null;
}
