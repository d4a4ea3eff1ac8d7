/**
 * The engine against a misbehaving simulator: errors, 429 bursts, random latency and
 * sessions that expire every 50 requests. Runs repeat until one succeeds; then the
 * mirror must equal the simulator, with no part stored twice.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { sql } from "drizzle-orm";

import { parts } from "../../src/db/schema.ts";
import { silentLogger } from "../../src/log.ts";
import type { RunningSimulator } from "../../src/simulator/index.ts";
import type { RunSummary } from "../../src/sync/engine.ts";
import { createInProcessSync, type InProcessSync } from "../../src/sync/in-process.ts";
import { clientFor, expectMirrorEqualsSimulator, startTestSimulator } from "./support/simulated.ts";
import { tempMirror, testConfig, type TempMirror } from "./support/setup.ts";

let sim: RunningSimulator;
let mirror: TempMirror;
let sync: InProcessSync;
let client: ReturnType<typeof clientFor>;

beforeAll(async () => {
  sim = await startTestSimulator({ seed: 23, orders: 40, archived: 5, latency: { medianMs: 2, p95Ms: 12 } });
  sim.simulator.control.configure({
    quirks: { expireAfterRequests: 50 },
    errors: { rates: { "500": 0.03, "502": 0.01, "429": 0.01, emptyContent: 0.01 }, retryAfterS: 0 },
    rateLimit: { retryAfterS: 0 },
  });
  mirror = tempMirror();
  // Backoff and Retry-After waits shortened to at most 2 ms, so the test stays fast.
  client = clientFor(sim, { sleep: (ms) => Bun.sleep(Math.min(ms, 2)), retryBaseMs: 1, retryMaxMs: 2 });
  sync = createInProcessSync({
    db: mirror.db,
    client,
    config: testConfig({ PLANSO_BASE_URL: sim.url, PLANSO_CONCURRENCY: "4" }),
    log: silentLogger,
    schedule: false,
  });
});

afterAll(async () => {
  await sync.stop({ deadlineMs: 2000 });
  mirror.cleanup();
  await sim.stop();
});

test("faulty upstream converges to the simulator's state", async () => {
  // A burst longer than the retry budget: the first run stops early as partial.
  sim.simulator.control.queueFaults({ module: "visual_forms_plain", kind: "429", count: 24 });
  const runs: RunSummary[] = [];
  do {
    runs.push(await sync.runOnce({ with_parts: true }));
  } while (runs.at(-1)!.status !== "succeeded" && runs.length < 20);

  expect(runs[0]!.status).toBe("partial");
  expect(runs[0]!.error).toStartWith("PlanSo asked to back off (rate_limited");
  expect(runs.at(-1)!.status).toBe("succeeded");
  expect(runs.every((run) => run.status === "partial" || run.status === "succeeded")).toBe(true);
  expect(sim.simulator.control.counters().faults["500"] ?? 0).toBeGreaterThan(0);
  expect(client.session().expiries).toBeGreaterThan(0);
  expect(sync.state().session.logged_in).toBe(true);

  expectMirrorEqualsSimulator(mirror.db, sim);
  const stored = mirror.db.select({ n: sql<number>`count(*)` }).from(parts).get()!.n;
  const truth = sim.simulator.control.orderIds().reduce((n, id) => n + sim.simulator.control.truthOrder(id, { withParts: true }).parts!.length, 0);
  expect(stored).toBe(truth);
});
