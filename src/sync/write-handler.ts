/**
 * The seam for order writes. The worker hands every `write` command to a
 * `WriteHandler`; the write executor (create, update, delete through PlanSo, then the
 * mirror) plugs in here. Until it does, every write is rejected with an error.
 */
import type { Db } from "../db/connection.ts";
import type { Logger } from "../log.ts";
import type { PlansoApi } from "../planso/types.ts";
import type { Clock } from "./clock.ts";

export interface WriteContext {
  db: Db;
  api: PlansoApi;
  clock: Clock;
  log: Logger;
}

/** Runs one write command and resolves with the result for the API, or rejects. */
export type WriteHandler = (payload: unknown, context: WriteContext) => Promise<unknown>;

export const notImplementedWrite: WriteHandler = async () => {
  throw new Error("writes are not implemented yet");
};
