/**
 * One sync run: read the board, read every listed order (form, parts, extended tabs)
 * with bounded concurrency, and store what changed. A plain module: the PlanSo client,
 * the database, the clock and the logger come in as arguments, so the worker, the
 * `reit sync` command and the tests run the same code.
 *
 * A failed login or board call fails the run before anything is written. An empty
 * board while the mirror contains orders on the board changes nothing. One failed
 * order is recorded and the run goes on. PlanSo throttling beyond the client's retries
 * stops the run cleanly as `partial`.
 */
import type { Db } from "../db/connection.ts";
import { applyOrder, markLeftBoard, markReturned, touchSynced, type WriteMeta } from "../db/mirror-writer.ts";
import { parseOrderId } from "../db/order-row.ts";
import type { Logger } from "../log.ts";
import { PlansoError } from "../planso/errors.ts";
import type { BoardItem, PlansoApi } from "../planso/types.ts";
import type { Clock } from "./clock.ts";
import { countOnBoard, markOrdersOffBoard, oldestSyncedFirst, storedIds } from "./mirror-state.ts";
import { runPool } from "./pool.ts";
import {
  countApplied,
  countFailed,
  countMarked,
  createTally,
  describeError,
  isThrottling,
  recordReadFailure,
  type RunTally,
} from "./run-tally.ts";
import { finishRun, updateRunProgress, type RunCounts, type RunOptions, type RunStatus } from "./runs.ts";
import type { WriteTracker } from "./write-tracker.ts";

export interface EngineDeps {
  api: PlansoApi;
  db: Db;
  clock: Pick<Clock, "now">;
  log: Logger;
  /** Orders read at the same time (`PLANSO_CONCURRENCY`). */
  concurrency: number;
  /** API writes on the same thread. An order written during its read is not stored by the run. */
  writes?: WriteTracker;
}

export interface RunHooks {
  /** Called after every order; hosts throttle what they forward. */
  onProgress?(progress: { done: number; total: number; requests: number }): void;
  /** Checked before each order starts; true ends the run after the orders in flight. */
  shouldStop?(): boolean;
}

export interface RunSummary {
  runId: number;
  status: Exclude<RunStatus, "running">;
  error: string | null;
  counts: RunCounts;
  /** Order id → reason. */
  failedOrders: Record<string, string>;
  /** Order, part and change rows written; the `last_synced_at` touch is not counted. */
  rowsWritten: number;
  progress: { done: number; total: number };
}

/** Milliseconds between progress writes to `sync_runs`. */
const PROGRESS_WRITE_INTERVAL_MS = 1000;

export function isoNow(clock: Pick<Clock, "now">): string {
  return new Date(clock.now().epochMilliseconds).toISOString();
}

/** A failure before any order was read; the run ends `failed` with this message. */
class RunAbort extends Error {}

/** State shared by the orders of one run. */
interface RunContext {
  deps: EngineDeps;
  runId: number;
  options: RunOptions;
  tally: RunTally;
  log: Logger;
  /** The board listing, by order id. */
  listed: Map<string, BoardItem>;
  /** Requested orders the mirror already contains, and those of them stored as off the board. */
  known: Set<string>;
  offBoard: Set<string>;
  meta(): WriteMeta;
}

/**
 * Runs the sync for an existing `running` row and finishes that row. PlanSo and order
 * failures end up in the returned summary and in `sync_runs`. The promise rejects only
 * when the database fails while the run is being finished.
 */
export async function executeRun(deps: EngineDeps, runId: number, options: RunOptions, hooks: RunHooks = {}): Promise<RunSummary> {
  const { api, db } = deps;
  const log = deps.log.child({ run_id: runId });
  const tally = createTally();
  const requestsAtStart = api.requestCount();
  const requests = () => api.requestCount() - requestsAtStart;
  const progress = { done: 0, total: 0 };
  let stopped = false;
  let lastProgressWrite = performance.now();

  const keepGoing = () => {
    if (!stopped && hooks.shouldStop?.()) stopped = true;
    return tally.throttled === null && tally.fatal === null && !stopped;
  };
  const reportProgress = () => {
    hooks.onProgress?.({ ...progress, requests: requests() });
    if (performance.now() - lastProgressWrite < PROGRESS_WRITE_INTERVAL_MS) return;
    lastProgressWrite = performance.now();
    updateRunProgress(db, runId, { ...progress, requests: requests() });
  };
  const finish = (status: RunSummary["status"], error: string | null): RunSummary => {
    touchSynced(db, tally.unchangedIds, isoNow(deps.clock));
    tally.counts.requests = requests();
    const { counts, failedOrders, rowsWritten } = tally;
    finishRun(db, runId, { status, now: isoNow(deps.clock), counts, progress, error, failedOrders });
    log.info("sync_run_finished", { status, error, ...counts, rows_written: rowsWritten });
    return { runId, status, error, counts, failedOrders, rowsWritten, progress: { ...progress } };
  };

  try {
    log.info("sync_run_started", { options });
    const listingMark = deps.writes?.mark() ?? 0;
    const listed = await readListing(deps);
    const wanted = options.order_ids ? [...new Set(options.order_ids)] : [...listed.keys()];
    const targets = oldestSyncedFirst(db, wanted.filter((id) => validOrderId(tally, id)));
    progress.total = targets.length;
    tally.counts.seen = targets.length;
    const { known, offBoard } = storedIds(db, targets);
    const meta = (): WriteMeta => ({ runId, source: "sync", now: isoNow(deps.clock) });
    const context: RunContext = { deps, runId, options, tally, log, listed, known, offBoard, meta };

    const syncTarget = async (id: string) => {
      await syncOrder(context, id);
      progress.done++;
      reportProgress();
    };
    await runPool(targets, deps.concurrency, syncTarget, keepGoing);

    if (!options.order_ids && keepGoing()) {
      // Orders created or changed through the API since the board was read count as listed.
      const written = deps.writes?.idsWrittenSince(listingMark) ?? [];
      countMarked(tally, "left_board", markOrdersOffBoard(db, [...listed.keys(), ...written], meta()));
    }
  } catch (error) {
    const message = error instanceof RunAbort ? error.message : describeError(error);
    log.error("sync_run_failed", { error: message });
    return finish("failed", message);
  }

  if (tally.fatal) return finish("failed", describeError(tally.fatal));
  if (stopped) return finish("interrupted", "the sync stopped before it finished (shutdown)");
  if (tally.throttled) {
    const untouched = progress.total - progress.done + tally.deferred;
    return finish("partial", `PlanSo asked to back off (${describeError(tally.throttled)}); ${untouched} orders left for the next run`);
  }
  if (tally.counts.failed > 0) {
    return finish("partial", `${tally.counts.failed} orders failed; they keep their last data and are retried next run`);
  }
  return finish("succeeded", null);
}

/**
 * Logs in when needed and reads the board, first entry per id. Throws `RunAbort` when
 * either fails, or when the board is empty while the mirror has orders on the board.
 */
async function readListing(deps: EngineDeps): Promise<Map<string, BoardItem>> {
  const { api, db } = deps;
  try {
    if (!api.session().logged_in) await api.login();
  } catch (error) {
    throw new RunAbort(`login failed: ${describeError(error)}`);
  }
  let board: BoardItem[];
  try {
    board = await api.readBoard();
  } catch (error) {
    throw new RunAbort(`reading the board failed: ${describeError(error)}`);
  }
  const listed = new Map<string, BoardItem>();
  for (const item of board) if (!listed.has(item.id)) listed.set(item.id, item);
  if (listed.size === 0 && countOnBoard(db) > 0) {
    throw new RunAbort("suspicious empty board: PlanSo listed no orders while the mirror contains orders on the board");
  }
  return listed;
}

function validOrderId(tally: RunTally, id: string): boolean {
  try {
    parseOrderId(id);
    return true;
  } catch (error) {
    countFailed(tally, id, describeError(error));
    return false;
  }
}

/** Reads one order and stores it; a failure is recorded in the tally, never thrown. */
async function syncOrder(context: RunContext, id: string): Promise<void> {
  const { deps, options, tally } = context;
  const item = context.listed.get(id);
  try {
    const readMark = deps.writes?.mark() ?? 0;
    const order = await deps.api.readOrder(id, { withParts: options.with_parts, withExtended: options.with_extended, board: item });
    if (deps.writes?.writtenSince(id, readMark)) {
      // The write stores (or has stored) a newer state than this read, so the run counts
      // the order as unchanged and leaves it. The next run reads it again.
      context.log.info("sync_order_skipped", { order_id: id, reason: "written through the API during the read" });
      tally.counts.unchanged++;
      return;
    }
    const result = applyOrder(deps.db, order, { ...context.meta(), withParts: options.with_parts, onBoard: item !== undefined });
    countApplied(tally, id, result);
    if (order.failed_sections && order.failed_sections.length > 0) {
      // Stored with the old data for those sections; counted as failed so the run is partial.
      countFailed(tally, id, order.failed_sections.map((f) => `${f.section}: ${f.kind}: ${f.message}`).join("; "));
    }
  } catch (error) {
    if (!item && error instanceof PlansoError && error.kind === "not_found" && context.known.has(id)) {
      // Requested by id, off the board and unreadable: archived or deleted upstream.
      countMarked(tally, "left_board", markLeftBoard(deps.db, [id], context.meta()).length);
      return;
    }
    if (recordReadFailure(tally, id, error)) context.log.warn("sync_order_failed", { order_id: id, error });
    // The board lists it again, so the flag is known even though its data is not.
    if (item && context.offBoard.has(id) && !isThrottling(error)) {
      countMarked(tally, "returned_to_board", markReturned(deps.db, [id], context.meta()).length);
    }
  }
}
