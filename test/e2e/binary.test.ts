/**
 * The compiled binary as an operator runs it: built once with `bun run build`,
 * copied alone into an empty folder, configured only by environment variables and
 * pointed at a simulated tenant on loopback.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import packageJson from "../../package.json";
import { appRouter } from "../../src/api/router.ts";
import { COMMANDS, commandHelp, generalHelp } from "../../src/commands/usage.ts";
import { embeddedMigrations } from "../../src/db/migrations.ts";
import { buildOpenApiDocument } from "../../src/server/openapi.ts";
import type { RunningSimulator } from "../../src/simulator/index.ts";
import { E2E_KEYS, connectorEnv, spawnConnector, startE2eSimulator, waitForSyncRun, type ConnectorProcess } from "../support/e2e-connector.ts";
import { baseEnv, freePort, runToEnd, stopAll } from "../support/e2e-process.ts";

const REPO = resolve(import.meta.dir, "../..");
const LOGIN = { username: "werkstatt", password: "Prüfstand-Kennwort-4711" };
const ORDERS = 80;

let dir: string;
let binary: string;
let sim: RunningSimulator;
let connector: ConnectorProcess;

const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const run = (args: string[], env: Record<string, string> = baseEnv()) => runToEnd([binary, ...args], { cwd: dir, env });

beforeAll(async () => {
  const build = await runToEnd(["bun", "run", "build"], { cwd: REPO, env: baseEnv(), timeoutMs: 110_000 });
  if (build.code !== 0) throw new Error(`bun run build failed with ${build.code}:\n${build.stdout}${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), "reit-e2e-binary-"));
  binary = join(dir, "reit");
  copyFileSync(join(REPO, "dist/reit"), binary);
  sim = await startE2eSimulator({ orders: ORDERS, seed: 11, login: LOGIN });
}, 120_000);

afterAll(async () => {
  await stopAll();
  await sim?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe("binary tools", () => {
  test("binary is alone in its folder", () => {
    expect(readdirSync(dir)).toEqual(["reit"]);
  });

  test("version prints name and version", async () => {
    const result = await run(["version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`reit ${packageJson.version} (Bun ${Bun.version})\n`);
  });

  test("every command has --help", async () => {
    const general = await run(["--help"]);
    expect(general.code).toBe(0);
    expect(general.stdout).toBe(`${generalHelp()}\n`);
    for (const name of Object.keys(COMMANDS)) {
      const result = await run([name, "--help"]);
      expect({ name, code: result.code, stdout: result.stdout }).toEqual({ name, code: 0, stdout: `${commandHelp(name)}\n` });
    }
  });

  test("migrate creates a database from nothing", async () => {
    const env = { ...baseEnv(), DATABASE_PATH: "./migrated.db" };
    const migrations = embeddedMigrations().length;
    const first = await run(["migrate"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`./migrated.db: ${migrations} migrations applied\n`);

    const again = await run(["migrate"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`./migrated.db: ${migrations} migrations applied\n`);

    const db = new Database(join(dir, "migrated.db"), { readonly: true });
    try {
      const tables = db.query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => row.name);
      expect(tables).toContain("orders");
      expect(tables).toContain("parts");
      expect(tables).toContain("sync_runs");
      expect(db.query<{ n: number }, []>("SELECT count(*) AS n FROM orders").get()!.n).toBe(0);
    } finally {
      db.close();
    }
  });

  test("openapi prints the 3.1 document", async () => {
    const result = await run(["openapi"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(document.openapi).toBe("3.1.0");
    expect(document).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(appRouter))));
  });

  test("openapi output survives a slow pipe", async () => {
    // A reader that starts late, like `reit openapi | jq` on a busy machine: the
    // document is larger than a 64 KiB pipe buffer, so it must be written in full
    // before the process exits.
    const result = await runToEnd(["sh", "-c", '"$0" openapi | { sleep 0.5; cat; }', binary], { cwd: dir, env: baseEnv() });
    const expected = `${JSON.stringify(buildOpenApiDocument(appRouter), null, 2)}\n`;
    expect(result.stdout.length).toBe(expected.length);
  });

  test("ready fails when nothing listens", async () => {
    const port = await freePort();
    const result = await run(["ready", "--url", `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith(`http://127.0.0.1:${port}/ready failed: `)).toBe(true);
  });
});

describe("binary serve", () => {
  test("starts, syncs and becomes ready", async () => {
    connector = await spawnConnector([binary, "serve"], { cwd: dir, env: connectorEnv(sim, LOGIN) });
    expect(connector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const lastRun = await waitForSyncRun(connector.url, E2E_KEYS.read, 20_000);
    expect(lastRun.status).toBe("succeeded");
    expect(lastRun.trigger).toBe("startup");
    expect((lastRun.counts as Record<string, number>).seen).toBe(ORDERS);
    expect((lastRun.counts as Record<string, number>).added).toBe(ORDERS);
    expect((lastRun.counts as Record<string, number>).failed).toBe(0);

    const ready = await fetch(`${connector.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ success: true, status: "ready", checks: { database: true, migrations: true, worker: true } });
    expect(readdirSync(dir).filter((name) => name.startsWith("reit.db"))).toContain("reit.db");
  }, 30_000);

  test("plate search finds the simulator's order", async () => {
    const control = sim.simulator.control;
    const truths = control.orderIds().map((id) => control.truthOrder(id, { withParts: false }));
    const plateCounts = new Map<string, number>();
    for (const truth of truths) if (truth.plate !== null) plateCounts.set(truth.plate, (plateCounts.get(truth.plate) ?? 0) + 1);
    const known = truths.find((truth) => truth.plate !== null && plateCounts.get(truth.plate) === 1)!;
    const plate = known.plate!;

    const exact = await fetch(`${connector.url}/api/orders?plate=${encodeURIComponent(plate)}`, { headers: auth(E2E_KEYS.read) });
    expect(exact.status).toBe(200);
    const body = (await exact.json()) as { orders: Array<{ id: string; plate: string; person: string | null }>; total: number };
    expect(body.orders.map((order) => [order.id, order.plate, order.person])).toEqual([[known.id, plate, known.person]]);
    expect(body.total).toBe(1);

    // Case, spaces, dots and hyphens are ignored, so `hhab1234` finds `HH-AB 1234`.
    const loose = plate.toLowerCase().replace(/[\s.-]/g, "");
    const normalised = await fetch(`${connector.url}/api/orders?plate=${encodeURIComponent(loose)}`, { headers: auth(E2E_KEYS.read) });
    expect(((await normalised.json()) as { orders: Array<{ id: string }> }).orders.map((order) => order.id)).toEqual([known.id]);

    const all = await fetch(`${connector.url}/api/orders?limit=1`, { headers: auth(E2E_KEYS.read) });
    expect(((await all.json()) as { total: number }).total).toBe(ORDERS);
  });

  test("write key creates an order", async () => {
    const plate = "HH-RE 2026";
    const created = await fetch(`${connector.url}/api/orders`, {
      method: "POST",
      headers: { ...auth(E2E_KEYS.write), "content-type": "application/json" },
      body: JSON.stringify({ vehicle_details: { number_plate: plate }, person: "Jürgen Weiß-Öztürk", damage: "KL 2-3" }),
    });
    const createdBody = (await created.json()) as { success: boolean; order_id: string | number; order: { plate: string } };
    expect(created.status).toBe(201);
    expect(createdBody.success).toBe(true);
    expect(createdBody.order.plate).toBe(plate);
    const orderId = String(createdBody.order_id);

    const fetched = await fetch(`${connector.url}/api/orders/${orderId}`, { headers: auth(E2E_KEYS.read) });
    expect(fetched.status).toBe(200);
    const { order } = (await fetched.json()) as { order: { id: string; plate: string; person: string } };
    expect([String(order.id), order.plate, order.person]).toEqual([orderId, plate, "Jürgen Weiß-Öztürk"]);
    expect(sim.simulator.control.truthOrder(orderId, { withParts: false }).plate).toBe(plate);
  });

  test("metrics need a key", async () => {
    const response = await fetch(`${connector.url}/metrics`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      success: false,
      code: "UNAUTHORIZED",
      message: "Missing API key: send Authorization: Bearer <key>",
    });
  });

  test("metrics show the mirror and HTTP traffic", async () => {
    const response = await fetch(`${connector.url}/metrics`, { headers: auth(E2E_KEYS.read) });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`reit_mirror_orders{on_board="true",deleted="false"} ${ORDERS + 1}\n`);
    expect(text).toMatch(/^reit_http_requests_total\{route="rest:orders\.list",method="GET",status="200"\} \d+$/m);
    expect(text).toMatch(/^reit_http_requests_total\{route="rest:sync\.status",method="GET",status="200"\} \d+$/m);
  });

  test("ready command passes against the server", async () => {
    const port = new URL(connector.url).port;
    const result = await run(["ready"], { ...baseEnv(), HOST: "127.0.0.1", PORT: port });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('200 {"success":true,"status":"ready","checks":{"database":true,"migrations":true,"worker":true}}\n');
  });

  test("SIGTERM during a sync exits 0", async () => {
    const trigger = await fetch(`${connector.url}/api/sync`, {
      method: "POST",
      headers: { ...auth(E2E_KEYS.admin), "content-type": "application/json" },
      body: "{}",
    });
    expect(trigger.status).toBe(202);
    const runId = ((await trigger.json()) as { run_id: number }).run_id;

    const started = performance.now();
    const code = await connector.child.stop(10_000);
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(10);

    const events = connector.child.logLines().map((line) => line.event);
    expect(events).toContain("signal_received");
    expect(events).toContain("shutdown_finished");
    expect(connector.child.stderr()).toBe("");

    // The run either finished before the worker stopped or was marked interrupted.
    const db = new Database(join(dir, "reit.db"), { readonly: true });
    try {
      const run = db.query<{ status: string }, [number]>("SELECT status FROM sync_runs WHERE id = ?").get(runId);
      expect(["succeeded", "interrupted"]).toContain(run!.status);
    } finally {
      db.close();
    }
  }, 15_000);
});
