/**
 * What one run has done so far: counts for `sync_runs`, failed orders, unchanged ids
 * for the batched `last_synced_at` touch, rows written, and the failure that stops it.
 */
import type { ApplyResult } from "../db/mirror-writer.ts";
import { parseOrderId } from "../db/order-row.ts";
import { PlansoError } from "../planso/errors.ts";
import { ZERO_COUNTS, type RunCounts } from "./runs.ts";

export interface RunTally {
  counts: RunCounts;
  /** Order id → reason. */
  failedOrders: Record<string, string>;
  unchangedIds: number[];
  /** Order, part and change rows written. */
  rowsWritten: number;
  /** First back-off request from PlanSo (429 or 503 beyond the retries); ends the run as partial. */
  throttled: PlansoError | null;
  /** Orders whose read PlanSo throttled: neither stored nor failed, left for the next run. */
  deferred: number;
  /** A failure that ends the run as failed: PlanSo rejected the credentials mid-run. */
  fatal: PlansoError | null;
}

export function createTally(): RunTally {
  return { counts: { ...ZERO_COUNTS }, failedOrders: {}, unchangedIds: [], rowsWritten: 0, throttled: null, deferred: 0, fatal: null };
}

/** Error kinds that mean PlanSo asks for a pause: stop, keep what is stored, resume next run. */
export function isThrottling(error: unknown): error is PlansoError {
  return error instanceof PlansoError && (error.kind === "rate_limited" || error.kind === "maintenance");
}

export function describeError(error: unknown): string {
  if (error instanceof PlansoError) return `${error.kind}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export function countApplied(tally: RunTally, id: string, result: ApplyResult): void {
  const counts = tally.counts;
  tally.rowsWritten += result.rowsWritten;
  counts.parts_written += result.partsWritten;
  switch (result.kind) {
    case "unchanged":
      counts.unchanged++;
      tally.unchangedIds.push(parseOrderId(id));
      break;
    case "created":
      counts.added++;
      break;
    case "returned_to_board":
      counts.returned_to_board++;
      break;
    case "left_board":
      counts.left_board++;
      break;
    default:
      counts.updated++;
  }
}

/** Counts orders whose board flag alone changed; each wrote an order row and a change row. */
export function countMarked(tally: RunTally, kind: "left_board" | "returned_to_board", orders: number): void {
  tally.counts[kind] += orders;
  tally.rowsWritten += 2 * orders;
}

/** Records an order that failed; the run goes on and the next run reads it again. */
export function countFailed(tally: RunTally, id: string, reason: string): void {
  tally.failedOrders[id] = reason;
  tally.counts.failed++;
}

/**
 * Sorts a failed order read: PlanSo throttling and rejected credentials stop the run,
 * any other failure is recorded for that order. Returns whether the run goes on.
 */
export function recordReadFailure(tally: RunTally, id: string, error: unknown): boolean {
  if (isThrottling(error)) {
    tally.throttled ??= error;
    tally.deferred++;
    return false;
  }
  if (error instanceof PlansoError && error.kind === "login_failed") {
    tally.fatal ??= error;
    return false;
  }
  countFailed(tally, id, describeError(error));
  return true;
}
