/**
 * Writes through the real sync worker (a Bun Worker): commands, outcomes and PlanSo
 * failures cross the thread boundary, and the write deadline returns 504 while the
 * write still completes in the worker.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { migrateDb, openDb, type Db } from "../../src/db/connection.ts";
import { silentLogger } from "../../src/log.ts";
import { createApp } from "../../src/server/app.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import type { RunningSimulator } from "../../src/simulator/index.ts";
import { startSyncWorker, type WorkerSyncHandle } from "../../src/sync/handle.ts";
import { startTestSimulator, USER } from "../sync/support/simulated.ts";
import { testConfig } from "../sync/support/setup.ts";
import { rest } from "./support/harness.ts";

let sim: RunningSimulator;
let dir: string;
let handle: WorkerSyncHandle;
let reader: Db;
let server: RunningServer;

beforeAll(async () => {
  sim = await startTestSimulator({ seed: 3, orders: 10, archived: 0 });
  dir = mkdtempSync(join(tmpdir(), "reit-writes-worker-"));
  const path = join(dir, "mirror.db");
  const config = testConfig({
    DATABASE_PATH: path,
    PLANSO_BASE_URL: sim.url,
    PLANSO_USERNAME: USER.username,
    PLANSO_PASSWORD: USER.password,
    WRITE_TIMEOUT_MS: "1000",
    PLANSO_MAX_REQUESTS_PER_SECOND: "1000",
  });
  const writer = openDb(path);
  migrateDb(writer);
  writer.$client.close();
  handle = startSyncWorker({ config, workerUrl: new URL("../../src/sync/worker.ts", import.meta.url), log: silentLogger, restartDelayMs: 20 });
  await handle.ready();
  reader = openDb(path, { queryOnly: true });
  const app = createApp({ db: reader, config, sync: handle, log: silentLogger, ready: async () => ({ ok: true, checks: {} }), checkOutputs: true });
  server = startServer({ app, host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await server.stop(true);
  await handle.stop({ deadlineMs: 3000 });
  reader.$client.close();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

let created = "";

test("create and update via worker", async () => {
  const reply = await rest(server.url, "POST", "/orders", { vehicle_details: { number_plate: "HH-WK 1" }, person: "Wörker Thread", repair_date: "03.04.2024" });
  expect(reply.status).toBe(201);
  created = reply.body.order_id;
  expect(reply.body.order.repair_date).toBe("2024-04-03");
  expect((await rest(server.url, "GET", `/orders/${created}`)).body.order.person).toBe("Wörker Thread");

  const updated = await rest(server.url, "PUT", `/orders/${created}`, { person: "Zweiter Stand" }, { "If-Match": '"1"' });
  expect(updated.status).toBe(200);
  expect(updated.headers.get("etag")).toBe('"2"');

  const stale = await rest(server.url, "PUT", `/orders/${created}`, { person: "Dritter Stand" }, { "If-Match": '"1"' });
  expect(stale.status).toBe(412);
});

test("rejection keeps per-field reasons", async () => {
  const reply = await rest(server.url, "PUT", `/orders/${created}`, { damage: "KL 9" });
  expect(reply.status).toBe(502);
  expect(reply.body.issues).toEqual([{ path: "damage", message: "Kategorie: Ungültige Auswahl" }]);
});

test("deadline returns 504, write completes", async () => {
  sim.simulator.control.configure({ latency: { medianMs: 0, p95Ms: 0, perModule: { resourceplanner_delete_project: { medianMs: 1500, p95Ms: 1500 } } } });
  const started = performance.now();
  const reply = await rest(server.url, "DELETE", `/orders/${created}`);
  expect(reply.status).toBe(504);
  expect(reply.body).toEqual({
    success: false,
    code: "UPSTREAM_TIMEOUT",
    message:
      "The write did not finish within 1000 ms (WRITE_TIMEOUT_MS). It may still complete in PlanSo and in the mirror; read the order before you repeat it.",
  });
  expect(performance.now() - started).toBeLessThan(1400);

  for (let waited = 0; waited < 5000; waited += 50) {
    if ((await rest(server.url, "GET", `/orders/${created}`)).body.order.deleted_at !== null) break;
    await Bun.sleep(50);
  }
  expect((await rest(server.url, "GET", `/orders/${created}`)).body.order.deleted_at).not.toBeNull();
  expect(sim.simulator.control.orderIds()).not.toContain(created);
});
