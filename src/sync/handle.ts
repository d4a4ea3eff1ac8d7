/**
 * The main thread's side of the sync worker: starts it, turns `SyncControl` calls into
 * messages, keeps the live state from its events, and starts a new worker when one
 * dies. The worker URL comes from the caller because inside a compiled binary only
 * the entry file's `import.meta.url` points at the bundled worker.
 */
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { PlansoError, type PlansoErrorKind } from "../planso/errors.ts";
import { systemClock } from "./clock.ts";
import type { LiveSyncState, SyncHandle, TriggerOptions, TriggerResult } from "./control.ts";
import { parseEvent, type Command, type ErrorPayload, type SyncEvent, type WorkerState } from "./messages.ts";
import { insideWindow, nextRunAt, scheduleFromConfig } from "./scheduler.ts";

export interface StartSyncWorkerOptions {
  config: Config;
  /** `new URL("./sync/worker.ts", import.meta.url)` built in the entry file, or a path. */
  workerUrl: string | URL;
  log: Logger;
  /** First wait (ms) before a dead worker is started again; doubles while it keeps dying, up to 30 s. */
  restartDelayMs?: number;
}

export interface WorkerSyncHandle extends SyncHandle {
  /** The current Worker, for diagnostics and crash tests; null while none runs. */
  worker(): Worker | null;
  /** Resolves once a worker has sent `ready`. */
  ready(): Promise<void>;
  /**
   * Requests and errors per PlanSo module, for `/metrics`.
   * NOTE: not provided yet, because the PlanSo client counts only its total requests.
   */
  /** PlanSo requests and failures per module, as of the worker's latest state event. */
  upstreamStats(): Record<string, { requests: number; errors: number }>;
}

const PLANSO_ERROR_KINDS = new Set<PlansoErrorKind>([
  "login_failed", "session_expired", "timeout", "rate_limited", "maintenance", "upstream_error",
  "rejected", "not_found", "parse_error", "unknown_outcome", "writes_disabled",
]);
const MAX_RESTART_DELAY_MS = 30_000;
/** A worker that lived this long (ms) is considered healthy; the restart delay resets. */
const HEALTHY_AFTER_MS = 60_000;

/** Rebuilds a worker-side failure on this thread, as a PlansoError when PlanSo failed. */
export function fromErrorPayload(payload: ErrorPayload): Error {
  if (payload.kind && PLANSO_ERROR_KINDS.has(payload.kind as PlansoErrorKind)) {
    return new PlansoError(payload.kind as PlansoErrorKind, payload.message, payload.details ?? {});
  }
  return new Error(payload.message);
}

/**
 * A command the worker could not take or did not answer: it is stopped, not running,
 * did not start in time (`unavailable`), or did not reply within the deadline
 * (`timeout`, and the command may still complete in the worker).
 */
export class WorkerRequestError extends Error {
  override readonly name = "WorkerRequestError";

  constructor(
    readonly reason: "timeout" | "unavailable",
    message: string,
  ) {
    super(message);
  }
}

interface Pending {
  resolve(event: SyncEvent): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export function startSyncWorker(options: StartSyncWorkerOptions): WorkerSyncHandle {
  const { config, log } = options;
  const schedule = scheduleFromConfig(config);
  const baseDelay = options.restartDelayMs ?? 1000;
  let restartDelay = baseDelay;
  let worker: Worker | null = null;
  let alive = false;
  /** Set when `stop` begins: a worker that closes from then on is not restarted. */
  let stopping = false;
  /** Set when `stop` ends: no more commands. */
  let closed = false;
  let startedAt = 0;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let readyWaiters: Array<() => void> = [];
  let nextRequest = 0;
  const pending = new Map<string, Pending>();
  const runWaiters = new Map<number, Array<() => void>>();
  const finishedRuns = new Set<number>();
  let current: { runId: number; progress: { done: number; total: number } } | null = null;
  let workerState: WorkerState = {
    running: false,
    current_run_id: null,
    progress: null,
    next_run_at: null,
    inside_window_now: false,
    session: { logged_in: false, base_url: config.planso.baseUrl, username: config.planso.username, last_login_at: null },
  };

  const wakeRun = (runId: number) => {
    finishedRuns.add(runId);
    if (finishedRuns.size > 100) finishedRuns.delete(finishedRuns.values().next().value as number);
    for (const wake of runWaiters.get(runId) ?? []) wake();
    runWaiters.delete(runId);
  };

  const onEvent = (event: SyncEvent) => {
    switch (event.type) {
      case "ready":
        alive = true;
        workerState = event.state;
        current = event.state.current_run_id === null ? null : { runId: event.state.current_run_id, progress: event.state.progress ?? { done: 0, total: 0 } };
        for (const wake of readyWaiters) wake();
        readyWaiters = [];
        log.info("sync_worker_ready");
        return;
      case "run_started":
        current = { runId: event.runId, progress: { done: 0, total: 0 } };
        return;
      case "progress":
        if (current?.runId === event.runId) current.progress = { done: event.done, total: event.total };
        return;
      case "run_finished":
        if (current?.runId === event.runId) current = null;
        wakeRun(event.runId);
        return;
      case "state":
        workerState = event.state;
        return;
      case "error":
        if (event.requestId === undefined) {
          log.error("sync_worker_error", { error: event.error.message });
          return;
        }
        break;
    }
    if ("requestId" in event && event.requestId !== undefined) {
      const waiting = pending.get(event.requestId);
      if (!waiting) return;
      pending.delete(event.requestId);
      clearTimeout(waiting.timer);
      if (event.type === "error") waiting.reject(fromErrorPayload(event.error));
      else waiting.resolve(event);
    }
  };

  const failAll = (reason: string) => {
    for (const [id, waiting] of pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new WorkerRequestError("unavailable", reason));
      pending.delete(id);
    }
    if (current) wakeRun(current.runId);
    current = null;
  };

  const spawn = () => {
    restartTimer = null;
    const spawned = new Worker(options.workerUrl);
    worker = spawned;
    startedAt = performance.now();
    spawned.addEventListener("message", (message: MessageEvent) => {
      if (worker !== spawned) return;
      try {
        onEvent(parseEvent(message.data));
      } catch (error) {
        log.error("sync_worker_bad_message", { error });
      }
    });
    spawned.addEventListener("error", (event: ErrorEvent) => {
      log.error("sync_worker_error", { error: event.message });
    });
    spawned.addEventListener("close", () => {
      if (worker !== spawned) return;
      worker = null;
      alive = false;
      failAll("the sync worker stopped");
      if (stopping) return;
      if (performance.now() - startedAt > HEALTHY_AFTER_MS) restartDelay = baseDelay;
      log.error("sync_worker_died", { restart_in_ms: restartDelay });
      restartTimer = setTimeout(spawn, restartDelay);
      restartDelay = Math.min(restartDelay * 2, MAX_RESTART_DELAY_MS);
    });
    spawned.postMessage({ type: "init", config: config as unknown as Record<string, unknown> } satisfies Command);
  };

  const ready = () =>
    alive ? Promise.resolve() : new Promise<void>((resolve) => readyWaiters.push(resolve));

  /** Sends a command and waits for the event that replies to it. */
  const request = async <T extends SyncEvent["type"]>(
    command: Extract<Command, { requestId: string }>,
    answer: T,
    timeoutMs: number,
  ): Promise<Extract<SyncEvent, { type: T }>> => {
    if (closed) throw new WorkerRequestError("unavailable", "the sync worker is stopped");
    await withTimeout(ready(), timeoutMs, "the sync worker did not start").catch((error: Error) => {
      throw new WorkerRequestError("unavailable", error.message);
    });
    const target = worker;
    if (!target) throw new WorkerRequestError("unavailable", "the sync worker is not running");
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(command.requestId);
        reject(new WorkerRequestError("timeout", `the sync worker did not reply to ${command.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(command.requestId, {
        resolve: (event) => (event.type === answer ? resolve(event as Extract<SyncEvent, { type: T }>) : reject(new Error(`unexpected ${event.type}`))),
        reject,
        timer,
      });
      target.postMessage(command);
    });
  };
  const requestId = () => `r${++nextRequest}`;

  spawn();

  return {
    worker: () => worker,
    ready,
    async trigger(triggerOptions: TriggerOptions): Promise<TriggerResult> {
      const event = await request({ type: "trigger", requestId: requestId(), options: triggerOptions }, "triggered", config.writeTimeoutMs);
      return event.result;
    },
    waitForRun(runId, timeoutMs) {
      if (current?.runId !== runId) return Promise.resolve();
      return withTimeout(
        new Promise<void>((resolve) => runWaiters.set(runId, [...(runWaiters.get(runId) ?? []), resolve])),
        timeoutMs,
        `run ${runId} did not finish within ${timeoutMs} ms`,
      );
    },
    state(): LiveSyncState {
      const now = systemClock.now();
      return {
        running: current !== null,
        current_run_id: current?.runId ?? null,
        progress: current ? { ...current.progress } : null,
        next_run_at: nextRunAt(now, schedule)?.toString() ?? null,
        inside_window_now: insideWindow(now, schedule),
        session: { ...workerState.session },
        worker_alive: alive,
      };
    },
    async login() {
      const event = await request({ type: "login", requestId: requestId() }, "login_result", config.writeTimeoutMs);
      workerState = { ...workerState, session: event.session };
      return event.session;
    },
    async write(command: unknown) {
      const event = await request({ type: "write", requestId: requestId(), payload: command }, "write_result", config.writeTimeoutMs);
      return event.result;
    },
    isAlive: () => alive,
    upstreamStats: () => workerState.upstream ?? {},
    async stop(stopOptions = {}) {
      const deadline = stopOptions.deadlineMs ?? config.shutdownTimeoutMs;
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const target = worker;
      if (target && alive) {
        try {
          await request({ type: "shutdown", requestId: requestId() }, "stopped", deadline);
        } catch (error) {
          log.warn("sync_worker_stop_timeout", { error });
        }
      }
      closed = true;
      worker = null;
      alive = false;
      target?.terminate();
      failAll("the sync worker stopped");
      log.info("sync_worker_terminated");
    },
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), timeoutMs)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
