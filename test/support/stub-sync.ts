/** A SyncControl stand-in for API tests: it records calls and returns fixed state. */
import type { LiveSyncState, SyncControl, TriggerOptions, TriggerResult } from "../../src/sync/control.ts";

export interface StubSync extends SyncControl {
  triggers: TriggerOptions[];
  logins: number;
  /** Result of the next trigger; by default a new run 1 that is running. */
  nextTrigger: TriggerResult;
  live: LiveSyncState;
  alive: boolean;
}

export function createStubSync(): StubSync {
  const stub: StubSync = {
    triggers: [],
    logins: 0,
    nextTrigger: { run_id: 1, status: "running", already_running: false },
    alive: true,
    live: {
      running: false,
      current_run_id: null,
      progress: null,
      next_run_at: "2026-03-16T08:00:00.000Z",
      inside_window_now: true,
      session: { logged_in: false, base_url: "http://127.0.0.1:9", username: "werkstatt", last_login_at: null },
      worker_alive: true,
    },
    async trigger(options) {
      stub.triggers.push(options);
      return stub.nextTrigger;
    },
    async waitForRun() {},
    state: () => stub.live,
    async login() {
      stub.logins += 1;
      stub.live = { ...stub.live, session: { ...stub.live.session, logged_in: true, last_login_at: "2026-03-16T07:00:01.000Z" } };
      return stub.live.session;
    },
    async write() {
      throw new Error("writes are not part of the read API tests");
    },
    isAlive: () => stub.alive,
  };
  return stub;
}
