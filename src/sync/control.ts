/**
 * Interface of the sync worker for the HTTP side. The main thread uses an
 * implementation that sends messages to the worker, and tests may pass a stand-in.
 */
export interface TriggerOptions {
  with_parts?: boolean;
  with_extended?: boolean;
  /** Sync only these orders; the board is still read to know their station. */
  order_ids?: string[];
  trigger?: "manual" | "schedule" | "startup" | "cli";
}

export interface TriggerResult {
  run_id: number;
  status: string;
  already_running: boolean;
}

export interface LiveSyncState {
  running: boolean;
  current_run_id: number | null;
  progress: { done: number; total: number } | null;
  next_run_at: string | null;
  inside_window_now: boolean;
  session: {
    logged_in: boolean;
    base_url: string;
    username: string;
    last_login_at: string | null;
  };
  worker_alive: boolean;
}

export interface SyncControl {
  trigger(options: TriggerOptions): Promise<TriggerResult>;
  /** Resolves when the run finishes (for `wait: true`). */
  waitForRun(runId: number, timeoutMs: number): Promise<void>;
  state(): LiveSyncState;
  /** Logs in to PlanSo now (`auth.login`). */
  login(): Promise<LiveSyncState["session"]>;
  /** Runs one write in the worker; see `src/sync/messages.ts` for the command shapes. */
  write(command: unknown): Promise<unknown>;
  isAlive(): boolean;
}

/** A running sync side: the worker handle, or the in-process variant. */
export interface SyncHandle extends SyncControl {
  /**
   * Stops the schedule, lets the orders in flight finish (the run ends `interrupted`),
   * closes the database and ends the worker. After `deadlineMs` the worker is ended anyway.
   */
  stop(options?: { deadlineMs?: number }): Promise<void>;
}
