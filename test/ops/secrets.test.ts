/**
 * Secrets stay out of everything an operator or a client can read: the debug log
 * of `reit serve` and of a one-shot `reit sync` with a wrong password, every
 * response body and header, and the mirror file. The run covers syncs, a session
 * expiry, a rejected login, 401s and error bodies. The simulator is wrapped so every
 * PHPSESSID value it hands out is recorded.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { createSimulator, type Simulator } from "../../src/simulator/index.ts";
import { connectorEnv, spawnConnector, waitForSyncRun, type ConnectorProcess } from "../support/e2e-connector.ts";
import { runToEnd, stopAll } from "../support/e2e-process.ts";

const REPO = resolve(import.meta.dir, "../..");
const USERNAME = "werkstatt";
// Umlauts, a space and reserved URL characters, so that encoded forms are checked too.
const PASSWORD = "Geheim Ölwechsel&Zündung=4711/xq9Z";
const WRONG_PASSWORD = "Falsch Bremsflüssigkeit+0815?kw3P";
const CHANGED_PASSWORD = "Neu-Kotflügel-Passwort-6620";
const KEYS = { read: "ops-read-Sekret-1d9e44b2c7", write: "ops-write-Sekret-83fa02d6e1", admin: "ops-admin-Sekret-5c7b19f0a3" };
const UNKNOWN_KEY = "ops-unknown-Sekret-2e6a7d41b8";

interface Recorded {
  /** Method and path, e.g. `GET /api/sync/status`. */
  request: string;
  status: number;
  headers: string;
  body: string;
}

interface RecordingSimulator {
  url: string;
  simulator: Simulator;
  /** Every PHPSESSID value the simulator sent in a Set-Cookie header. */
  cookies: Set<string>;
  stop(): Promise<void>;
}

let sim: RecordingSimulator;
let dir: string;
let connector: ConnectorProcess;
const responses: Recorded[] = [];
let wrongPasswordRun: { code: number; stdout: string; stderr: string };

function startRecordingSimulator(): RecordingSimulator {
  const simulator = createSimulator({ orders: 25, archived: 5, seed: 23, users: [{ username: USERNAME, password: PASSWORD }] });
  const cookies = new Set<string>();
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const response = await simulator.fetch(request);
      for (const header of response.headers.getSetCookie()) {
        const match = /^PHPSESSID=([^;]+)/.exec(header);
        if (match) cookies.add(match[1]!);
      }
      return response;
    },
  });
  return { url: `http://127.0.0.1:${server.port}`, simulator, cookies, stop: () => server.stop(true) };
}

/** Calls the connector and keeps status, headers and body for the leak check. */
async function call(method: string, path: string, key: string | null, body?: unknown): Promise<Recorded> {
  const headers: Record<string, string> = {};
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${connector.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const headerLines: string[] = [];
  response.headers.forEach((value, name) => headerLines.push(`${name}: ${value}`));
  const recorded = {
    request: `${method} ${path}`,
    status: response.status,
    headers: headerLines.join("\n"),
    body: await response.text(),
  };
  responses.push(recorded);
  return recorded;
}

/** Lists the secret and the forms it takes in URLs, form bodies and JSON strings. */
function variants(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)])];
}

/** Names of the places (log, response, file) in which `needle` occurs. */
function placesContaining(needle: string, places: Array<{ name: string; text: string }>): string[] {
  return places.filter((place) => place.text.includes(needle)).map((place) => place.name);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reit-ops-secrets-"));
  sim = startRecordingSimulator();
  const login = { username: USERNAME, password: PASSWORD };
  const env = connectorEnv(sim, login, {
    LOG_LEVEL: "debug",
    API_KEYS: `crm:read:${KEYS.read},werkstatt:write:${KEYS.write},ops:admin:${KEYS.admin}`,
  });
  connector = await spawnConnector(["bun", join(REPO, "src/index.ts"), "serve"], { cwd: dir, env });
  await waitForSyncRun(connector.url, KEYS.read, 20_000);
}, 30_000);

afterAll(async () => {
  await stopAll();
  await sim?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe("secrets", () => {
  test("read routes and client errors", async () => {
    const orderId = sim.simulator.control.orderIds()[0]!;
    const statuses: Array<[string, number]> = [];
    for (const [method, path, key] of [
      ["GET", "/api/sync/status", KEYS.read],
      ["GET", "/api/auth/status", KEYS.read],
      ["GET", "/api/sync/runs", KEYS.read],
      ["GET", `/api/orders/${orderId}`, KEYS.read],
      ["GET", "/api/orders?limit=3", KEYS.admin],
      ["GET", "/api/orders?missing_parts=vielleicht", KEYS.read],
      ["GET", "/api/orders/999999999", KEYS.read],
      ["GET", "/api/orders", UNKNOWN_KEY],
      ["GET", "/api/orders", null],
      ["POST", "/api/sync", KEYS.read],
      ["GET", "/api/nirgendwo", KEYS.read],
      ["GET", "/trpc/orders.get?input=%7B%22order_id%22%3A%22%22%7D", KEYS.read],
      ["GET", "/metrics", null],
      ["GET", "/metrics", KEYS.read],
      ["GET", "/ready", null],
      ["GET", "/live", null],
    ] as const) {
      statuses.push([`${method} ${path}`, (await call(method, path, key)).status]);
    }
    expect(statuses).toEqual([
      ["GET /api/sync/status", 200],
      ["GET /api/auth/status", 200],
      ["GET /api/sync/runs", 200],
      [`GET /api/orders/${orderId}`, 200],
      ["GET /api/orders?limit=3", 200],
      ["GET /api/orders?missing_parts=vielleicht", 400],
      ["GET /api/orders/999999999", 404],
      ["GET /api/orders", 401],
      ["GET /api/orders", 401],
      ["POST /api/sync", 403],
      ["GET /api/nirgendwo", 404],
      ["GET /trpc/orders.get?input=%7B%22order_id%22%3A%22%22%7D", 400],
      ["GET /metrics", 401],
      ["GET /metrics", 200],
      ["GET /ready", 200],
      ["GET /live", 200],
    ]);
  });

  test("sync after session expiry logs in again", async () => {
    const cookiesBefore = sim.cookies.size;
    expect(sim.simulator.control.expireSessions()).toBeGreaterThanOrEqual(1);
    const trigger = await call("POST", "/api/sync", KEYS.admin, {});
    expect(trigger.status).toBe(202);
    const lastRun = await waitForSyncRun(connector.url, KEYS.read, 20_000);
    expect(lastRun.status).toBe("succeeded");
    expect(sim.cookies.size).toBeGreaterThan(cookiesBefore);
  }, 25_000);

  test("rejected login is a 502 without the password", async () => {
    sim.simulator.control.addUser(USERNAME, CHANGED_PASSWORD);
    sim.simulator.control.expireSessions();
    const login = await call("POST", "/api/auth/login", KEYS.admin, {});
    expect(login.status).toBe(502);
    const body = JSON.parse(login.body) as { success: boolean; code: string; message: string };
    expect([body.success, body.code]).toEqual([false, "UPSTREAM_FAILED"]);
    expect(body.message).toContain(`PlanSo login failed for user "${USERNAME}"`);

    const trigger = await call("POST", "/api/sync", KEYS.admin, {});
    expect(trigger.status).toBe(202);
    const lastRun = await waitForSyncRun(connector.url, KEYS.read, 20_000);
    expect(lastRun.status).toBe("failed");
    await call("GET", "/api/sync/status", KEYS.read);
    await call("GET", "/api/auth/status", KEYS.read);
    await call("GET", "/api/sync/runs", KEYS.read);

    sim.simulator.control.addUser(USERNAME, PASSWORD);
    const again = await call("POST", "/api/auth/login", KEYS.admin, {});
    expect(again.status).toBe(200);
    expect((JSON.parse(again.body) as { session: { logged_in: boolean } }).session.logged_in).toBe(true);
  }, 25_000);

  test("one-shot sync with a wrong password fails", async () => {
    const env = connectorEnv(sim, { username: USERNAME, password: WRONG_PASSWORD }, {
      LOG_LEVEL: "debug",
      DATABASE_PATH: "./second.db",
      PLANSO_MAX_RETRIES: "0",
    });
    wrongPasswordRun = await runToEnd(["bun", join(REPO, "src/index.ts"), "sync"], { cwd: dir, env, timeoutMs: 20_000 });
    expect(wrongPasswordRun.code).toBe(1);
    expect(wrongPasswordRun.stdout).toContain(`PlanSo login failed for user "${USERNAME}"`);
  }, 25_000);

  test("serve stops cleanly", async () => {
    expect(await connector.child.stop(10_000)).toBe(0);
  }, 15_000);

  test("no secret appears anywhere", () => {
    const logEvents = new Set(connector.child.logLines().map((line) => line.event));
    // The checks below mean something only if these paths ran.
    for (const event of ["planso.login", "sync_run_finished", "request"]) expect(logEvents.has(event)).toBe(true);
    expect(sim.cookies.size).toBeGreaterThanOrEqual(3);

    const files = ["reit.db", "reit.db-wal", "second.db", "second.db-wal"]
      .filter((name) => existsSync(join(dir, name)))
      .map((name) => ({ name: `file ${name}`, text: readFileSync(join(dir, name)).toString("latin1") + readFileSync(join(dir, name)).toString("utf8") }));
    const places = [
      { name: "serve stdout", text: connector.child.stdout() },
      { name: "serve stderr", text: connector.child.stderr() },
      { name: "sync stdout", text: wrongPasswordRun.stdout },
      { name: "sync stderr", text: wrongPasswordRun.stderr },
      ...responses.map((response) => ({ name: `response ${response.request} (${response.status})`, text: `${response.headers}\n${response.body}` })),
      ...files,
    ];
    expect(places.length).toBeGreaterThan(20);

    const secrets: Array<[string, string]> = [
      ...[PASSWORD, WRONG_PASSWORD, CHANGED_PASSWORD].flatMap((secret) => variants(secret).map((form): [string, string] => ["PlanSo password", form])),
      ...Object.entries(KEYS).map(([scope, secret]): [string, string] => [`${scope} API key`, secret]),
      ["presented unknown API key", UNKNOWN_KEY],
      ...[...sim.cookies].map((cookie): [string, string] => ["PHPSESSID", cookie]),
    ];
    const leaks = secrets.flatMap(([kind, secret]) => placesContaining(secret, places).map((place) => `${kind} ${JSON.stringify(secret)} in ${place}`));
    expect(leaks).toEqual([]);
  });
});
