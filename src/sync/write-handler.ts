/**
 * The seam for order writes. The host hands every `write` command to a
 * `WriteHandler`. The worker and the in-process sync use the write executor
 * (`write-executor.ts`), which writes through PlanSo, then the mirror.
 */
import type { Db } from "../db/connection.ts";
import type { Logger } from "../log.ts";
import type { PlansoApi } from "../planso/types.ts";
import type { Clock } from "./clock.ts";
import type { WriteTracker } from "./write-tracker.ts";

export interface WriteContext {
  db: Db;
  api: PlansoApi;
  clock: Clock;
  log: Logger;
  /** Shared with the sync engine, so a run never stores an order over a newer write. */
  writes: WriteTracker;
}

/** Runs one write command and resolves with the result for the API, or rejects. */
export type WriteHandler = (payload: unknown, context: WriteContext) => Promise<unknown>;
