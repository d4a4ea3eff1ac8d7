/**
 * Everything the sync side does, on whichever thread hosts it: the run lifecycle
 * (never two runs at once), the schedule, logins and order writes. The worker entry
 * wraps it in messages; `createInProcessSync` and `reit sync` call it directly.
 */
import type { Config } from "../config.ts";
import type { Db } from "../db/connection.ts";
import type { Logger } from "../log.ts";
import { PlansoError } from "../planso/errors.ts";
import type { PlansoApi } from "../planso/types.ts";
import type { Clock } from "./clock.ts";
import type { LiveSyncState, TriggerOptions, TriggerResult } from "./control.ts";
import { executeRun, isoNow, type RunSummary } from "./engine.ts";
import type { ErrorPayload, SyncEvent, WorkerState } from "./messages.ts";
import { createRun, hasCompletedRun, markInterruptedRuns, ZERO_COUNTS, type RunOptions, type RunTrigger } from "./runs.ts";
import { createScheduler, insideWindow, nextRunAt, scheduleFromConfig, shouldRunAtStartup, type Schedule } from "./scheduler.ts";
import { executeWrite } from "./write-executor.ts";
import type { WriteHandler } from "./write-handler.ts";
import { createWriteTracker } from "./write-tracker.ts";

export interface SyncHostDeps {
  db: Db;
  api: PlansoApi;
  config: Config;
  clock: Clock;
  log: Logger;
  /** Runs order writes; default the write-through executor. */
  handleWrite?: WriteHandler;
  /** Receives run and state events (the worker posts them to the main thread). */
  onEvent?: (event: SyncEvent) => void;
}

export interface SyncHost {
  /** Marks runs a stopped process left `running` as interrupted, starts the schedule and the startup run. */
  start(options?: { schedule?: boolean }): void;
  trigger(options: TriggerOptions): TriggerResult;
  /** Starts a run (or joins the running one) and resolves with its summary. */
  runOnce(options: TriggerOptions): Promise<RunSummary>;
  waitForRun(runId: number, timeoutMs: number): Promise<void>;
  login(): Promise<WorkerState["session"]>;
  /** Runs one order write after the writes before it have finished. */
  write(payload: unknown): Promise<unknown>;
  state(): WorkerState;
  /** Stops the schedule and ends the current run after the orders in flight. */
  stop(): Promise<void>;
}

/** Milliseconds between forwarded progress events. */
const PROGRESS_EVENT_INTERVAL_MS = 250;

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof PlansoError) {
    return { message: error.message, kind: error.kind, details: { ...error.details } };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

export function createSyncHost(deps: SyncHostDeps): SyncHost {
  const { db, api, config, clock, log } = deps;
  const schedule: Schedule = scheduleFromConfig(config);
  const emit = deps.onEvent ?? (() => {});
  const handleWrite = deps.handleWrite ?? executeWrite;
  // Shared by runs and writes, so a run never stores an order over a newer write.
  const writes = createWriteTracker();
  /** The last queued write, with failures caught. Each write starts after it, so writes run one at a time. */
  let writeQueue: Promise<unknown> = Promise.resolve();
  let current: { runId: number; done: Promise<RunSummary>; progress: { done: number; total: number } } | null = null;
  let stopping = false;
  /** Recently finished runs, so `waitForRun` for a run that just ended resolves at once. */
  const finished = new Map<number, RunSummary>();
  const waiters = new Map<number, Array<() => void>>();

  const scheduler = createScheduler({
    clock,
    schedule,
    log,
    onDue: () => {
      const result = trigger({ trigger: "schedule" });
      if (result.already_running) log.info("sync_schedule_skipped", { run_id: result.run_id, reason: "a run is in progress" });
    },
  });

  const state = (): WorkerState => {
    const session = api.session();
    const next = scheduler.nextRunAt() ?? nextRunAt(clock.now(), schedule);
    return {
      running: current !== null,
      current_run_id: current?.runId ?? null,
      progress: current ? { ...current.progress } : null,
      next_run_at: next?.toString() ?? null,
      inside_window_now: insideWindow(clock.now(), schedule),
      session: { logged_in: session.logged_in, base_url: session.base_url, username: session.username, last_login_at: session.last_login_at },
      upstream: api.moduleStats?.() ?? {},
    };
  };

  /** Session as last sent in a `state` event, so a login during a run reaches the main thread. */
  let reportedSession = "";
  const reportSessionChange = () => {
    const snapshot = state();
    const session = JSON.stringify(snapshot.session);
    if (session === reportedSession) return;
    reportedSession = session;
    emit({ type: "state", state: snapshot });
  };

  const runOptions = (options: TriggerOptions): RunOptions => ({
    with_parts: options.with_parts ?? config.sync.withParts,
    with_extended: options.with_extended ?? config.sync.withExtended,
    order_ids: options.order_ids && options.order_ids.length > 0 ? [...options.order_ids] : null,
  });

  /** Clears the current run, reports its end and wakes the callers waiting for it. */
  function settle(summary: RunSummary): RunSummary {
    current = null;
    finished.set(summary.runId, summary);
    if (finished.size > 50) finished.delete(finished.keys().next().value as number);
    emit({
      type: "run_finished",
      runId: summary.runId,
      status: summary.status,
      error: summary.error,
      counts: summary.counts,
      rows_written: summary.rowsWritten,
    });
    emit({ type: "state", state: state() });
    for (const wake of waiters.get(summary.runId) ?? []) wake();
    waiters.delete(summary.runId);
    return summary;
  }

  function trigger(options: TriggerOptions): TriggerResult {
    if (current) return { run_id: current.runId, status: "running", already_running: true };
    const runTrigger: RunTrigger = options.trigger ?? "manual";
    const resolved = runOptions(options);
    const runId = createRun(db, { trigger: runTrigger, options: resolved, now: isoNow(clock) });
    const progress = { done: 0, total: 0 };
    let lastEvent = 0;
    emit({ type: "run_started", runId, trigger: runTrigger, options: resolved });
    const hooks = {
      shouldStop: () => stopping,
      onProgress: (p: { done: number; total: number }) => {
        progress.done = p.done;
        progress.total = p.total;
        const now = performance.now();
        if (now - lastEvent >= PROGRESS_EVENT_INTERVAL_MS || p.done === p.total) {
          lastEvent = now;
          emit({ type: "progress", runId, done: p.done, total: p.total });
          reportSessionChange();
        }
      },
    };
    const done = executeRun({ api, db, clock, log, concurrency: config.planso.concurrency, writes }, runId, resolved, hooks)
      .catch((error: unknown): RunSummary => {
        // Only a database failure while finishing gets here. The row may stay `running`
        // until the next start marks it interrupted.
        log.error("sync_run_finish_failed", { run_id: runId, error });
        const message = error instanceof Error ? error.message : String(error);
        return { runId, status: "failed", error: message, counts: { ...ZERO_COUNTS }, failedOrders: {}, rowsWritten: 0, progress: { ...progress } };
      })
      .then(settle);
    current = { runId, done, progress };
    return { run_id: runId, status: "running", already_running: false };
  }

  return {
    start(options = {}) {
      const interrupted = markInterruptedRuns(db, isoNow(clock));
      if (interrupted.length > 0) log.warn("sync_runs_interrupted", { run_ids: interrupted });
      if (options.schedule === false) return;
      if (schedule.enabled) scheduler.start();
      const startup = shouldRunAtStartup({
        onStartup: config.sync.onStartup,
        schedule,
        now: clock.now(),
        hasCompletedRun: hasCompletedRun(db),
      });
      if (startup) trigger({ trigger: "startup" });
    },
    trigger,
    async runOnce(options) {
      const result = trigger(options);
      const running = current;
      if (running && running.runId === result.run_id) return running.done;
      const summary = finished.get(result.run_id);
      if (summary) return summary;
      throw new Error(`run ${result.run_id} is not known to this host`);
    },
    waitForRun(runId, timeoutMs) {
      if (current?.runId !== runId) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`run ${runId} did not finish within ${timeoutMs} ms`)), timeoutMs);
        const list = waiters.get(runId) ?? [];
        list.push(() => {
          clearTimeout(timer);
          resolve();
        });
        waiters.set(runId, list);
      });
    },
    async login() {
      await api.login();
      const session = state().session;
      emit({ type: "state", state: state() });
      return session;
    },
    write(payload) {
      const result = writeQueue.then(() => handleWrite(payload, { db, api, clock, log, writes }));
      writeQueue = result.catch(() => undefined);
      return result;
    },
    state,
    async stop() {
      scheduler.stop();
      stopping = true;
      const running = current;
      if (running) await running.done;
      stopping = false;
    },
  };
}
