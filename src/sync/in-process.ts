/**
 * The sync on the calling thread: the same host the worker runs, without messages.
 * Used by `reit sync` and by tests that drive the engine and the schedule directly.
 */
import type { Config } from "../config.ts";
import type { Db } from "../db/connection.ts";
import type { Logger } from "../log.ts";
import type { PlansoApi } from "../planso/types.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { SyncHandle, TriggerOptions } from "./control.ts";
import type { RunSummary } from "./engine.ts";
import { createSyncHost, type SyncHost } from "./host.ts";
import type { SyncEvent } from "./messages.ts";
import type { WriteHandler } from "./write-handler.ts";

export interface InProcessSyncOptions {
  db: Db;
  client: PlansoApi;
  config: Config;
  clock?: Clock;
  log: Logger;
  handleWrite?: WriteHandler;
  onEvent?: (event: SyncEvent) => void;
  /** Start the schedule and the startup run as configured; false for one-shot use. Default true. */
  schedule?: boolean;
}

export interface InProcessSync extends SyncHandle {
  /** Starts a run (or joins the running one) and resolves with its summary. */
  runOnce(options?: TriggerOptions): Promise<RunSummary>;
  host: SyncHost;
}

export function createInProcessSync(options: InProcessSyncOptions): InProcessSync {
  const host = createSyncHost({
    db: options.db,
    api: options.client,
    config: options.config,
    clock: options.clock ?? systemClock,
    log: options.log,
    handleWrite: options.handleWrite,
    onEvent: options.onEvent,
  });
  let alive = true;
  host.start({ schedule: options.schedule ?? true });
  return {
    host,
    trigger: async (trigger) => host.trigger(trigger),
    runOnce: (trigger = {}) => host.runOnce(trigger),
    waitForRun: (runId, timeoutMs) => host.waitForRun(runId, timeoutMs),
    state: () => ({ ...host.state(), worker_alive: alive }),
    login: () => host.login(),
    write: (command) => host.write(command),
    isAlive: () => alive,
    async stop(stopOptions = {}) {
      const deadline = stopOptions.deadlineMs ?? options.config.shutdownTimeoutMs;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([host.stop(), new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline)))]);
      clearTimeout(timer);
      alive = false;
    },
  };
}
