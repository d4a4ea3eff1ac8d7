/**
 * The sync in a real Bun Worker against the simulator: commands and events across the
 * thread boundary, and a worker killed in the middle of a run.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc } from "drizzle-orm";

import { openDb } from "../../src/db/connection.ts";
import { syncRuns } from "../../src/db/schema.ts";
import { createLogger, silentLogger } from "../../src/log.ts";
import type { RunningSimulator } from "../../src/simulator/index.ts";
import { startSyncWorker, type WorkerSyncHandle } from "../../src/sync/handle.ts";
import { expectMirrorEqualsSimulator, startTestSimulator, USER } from "./support/simulated.ts";
import { testConfig } from "./support/setup.ts";

let sim: RunningSimulator;
let dir: string;
let handle: WorkerSyncHandle;

beforeAll(async () => {
  sim = await startTestSimulator({ seed: 5, orders: 40, archived: 0, latency: { medianMs: 25, p95Ms: 25 } });
  dir = mkdtempSync(join(tmpdir(), "reit-worker-"));
  const config = testConfig({
    DATABASE_PATH: join(dir, "mirror.db"),
    PLANSO_BASE_URL: sim.url,
    PLANSO_USERNAME: USER.username,
    PLANSO_PASSWORD: USER.password,
    PLANSO_CONCURRENCY: "2",
    PLANSO_MAX_REQUESTS_PER_SECOND: "1000",
  });
  handle = startSyncWorker({ config, workerUrl: new URL("../../src/sync/worker.ts", import.meta.url), log: silentLogger, restartDelayMs: 20 });
  await handle.ready();
});

afterAll(async () => {
  await handle.stop({ deadlineMs: 2000 });
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error("condition not met in time");
    await Bun.sleep(5);
  }
}

test("worker logs in and rejects malformed writes", async () => {
  expect(handle.isAlive()).toBe(true);
  const session = await handle.login();
  expect(session).toMatchObject({ logged_in: true, base_url: sim.url, username: USER.username });
  expect(handle.state().session.logged_in).toBe(true);
  // NOTE: `expect(promise).rejects` stops delivery of Worker messages on Bun 1.4.5, so catch by hand.
  const error = await handle.write({ op: "update", id: "1" }).catch((caught: unknown) => caught);
  expect((error as Error).message).toStartWith("Invalid write command:");
  expect((error as Error).message).toContain("order_id");
});

test("worker killed mid-run recovers", async () => {
  const first = await handle.trigger({ trigger: "manual" });
  expect(first.already_running).toBe(false);
  expect(await handle.trigger({})).toEqual({ run_id: first.run_id, status: "running", already_running: true });
  await until(() => (handle.state().progress?.done ?? 0) >= 4);
  expect(handle.state()).toMatchObject({ running: true, current_run_id: first.run_id, worker_alive: true });

  handle.worker()!.terminate();
  await until(() => !handle.isAlive());
  expect(handle.state()).toMatchObject({ running: false, worker_alive: false });
  await handle.ready();

  sim.simulator.control.configure({ latency: "off" });
  const second = await handle.trigger({ trigger: "manual" });
  expect(second).toEqual({ run_id: first.run_id + 1, status: "running", already_running: false });
  await handle.waitForRun(second.run_id, 10_000);

  const db = openDb(join(dir, "mirror.db"), { readonly: true });
  try {
    const runs = db.select().from(syncRuns).orderBy(asc(syncRuns.id)).all();
    expect(runs.map((run) => [run.id, run.status])).toEqual([
      [first.run_id, "interrupted"],
      [second.run_id, "succeeded"],
    ]);
    expect(runs[0]!.error).toBe("the process stopped during the run");
    expectMirrorEqualsSimulator(db, sim);
  } finally {
    db.$client.close();
  }
});

test("stop ends the worker", async () => {
  await handle.stop({ deadlineMs: 2000 });
  expect([handle.isAlive(), handle.worker()]).toEqual([false, null]);
  const error = await handle.trigger({}).catch((caught: unknown) => caught);
  expect((error as Error).message).toBe("the sync worker is stopped");
});

test("worker without database is restarted", async () => {
  const lines: string[] = [];
  const broken = startSyncWorker({
    config: testConfig({ DATABASE_PATH: join(dir, "missing-folder", "mirror.db") }),
    workerUrl: new URL("../../src/sync/worker.ts", import.meta.url),
    log: createLogger({ write: (line) => lines.push(line) }),
    restartDelayMs: 10,
  });
  try {
    await until(() => lines.filter((line) => line.includes("sync_worker_died")).length >= 2);
    expect(broken.isAlive()).toBe(false);
    const delays = lines.filter((line) => line.includes("sync_worker_died")).map((line) => JSON.parse(line).restart_in_ms);
    expect(delays.slice(0, 2)).toEqual([10, 20]);
    expect(lines.some((line) => line.includes("unable to open database file"))).toBe(true);
  } finally {
    await broken.stop({ deadlineMs: 100 });
  }
});
