/**
 * Client authentication over REST for every operation in the OpenAPI document, so an
 * operation added later is checked without touching this file. The connector runs in
 * this process (HTTP server and sync worker) against a simulated tenant.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { startConnector, type RunningConnector } from "../../src/commands/serve.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { assertSafeBinding } from "../../src/server/auth.ts";
import type { RunningSimulator } from "../../src/simulator/index.ts";
import { E2E_KEYS, apiKeysValue, startE2eSimulator } from "../support/e2e-connector.ts";
import { baseEnv, runToEnd } from "../support/e2e-process.ts";

type Scope = "read" | "write" | "admin";

interface Operation {
  method: string;
  path: string;
  operationId: string;
}

const REPO = resolve(import.meta.dir, "../..");
const LOGIN = { username: "werkstatt", password: "Lackierkabine-Prüfung-2291" };
const KEY_NAMES: Record<Scope, string> = { read: "crm", write: "werkstatt", admin: "ops" };
const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };
const SCOPES: Scope[] = ["read", "write", "admin"];
const HTTP_METHODS = ["get", "put", "post", "delete", "patch"];

/** Scopes from the API contract. An operation missing here gets `defaultScope`. */
const CONTRACT_SCOPES: Record<string, Scope> = {
  "orders-list": "read",
  "orders-get": "read",
  "orders-create": "write",
  "orders-update": "write",
  "orders-delete": "write",
  "parts-listByOrder": "read",
  "parts-statusByOrder": "read",
  "parts-search": "read",
  "sync-trigger": "admin",
  "sync-status": "read",
  "sync-runs": "read",
  "auth-login": "admin",
  "auth-status": "read",
  "changes-list": "read",
};

/** Queries are read, order writes are write, every other command is admin. */
function defaultScope(operation: Operation): Scope {
  if (operation.method === "GET") return "read";
  return operation.path === "/orders" || operation.path.startsWith("/orders/") ? "write" : "admin";
}

let sim: RunningSimulator;
let connector: RunningConnector;
let dir: string;
let operations: Operation[];
let orderId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reit-ops-auth-"));
  sim = await startE2eSimulator({ orders: 20, seed: 5, login: LOGIN });
  const config = loadConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_PATH: join(dir, "reit.db"),
    PLANSO_BASE_URL: sim.url,
    PLANSO_USERNAME: LOGIN.username,
    PLANSO_PASSWORD: LOGIN.password,
    PLANSO_MAX_REQUESTS_PER_SECOND: "1000",
    PLANSO_CONCURRENCY: "4",
    SYNC_ON_STARTUP: "false",
    AUTO_SYNC_ENABLED: "false",
    API_KEYS: apiKeysValue(E2E_KEYS),
    LOG_LEVEL: "silent",
  });
  connector = await startConnector(config, silentLogger, new URL("../../src/sync/worker.ts", import.meta.url));
  const first = await connector.sync.trigger({ trigger: "manual" });
  await connector.sync.waitForRun(first.run_id, 20_000);

  const document = (await (await fetch(`${connector.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operationId: operation.operationId })),
  );
  orderId = sim.simulator.control.orderIds()[0]!;
}, 30_000);

afterAll(async () => {
  await connector?.stop();
  await sim?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

function scopeOf(operation: Operation): Scope {
  return CONTRACT_SCOPES[operation.operationId] ?? defaultScope(operation);
}

/** Calls an operation with path parameters filled in and an empty JSON body where it takes one. */
async function callOperation(operation: Operation, authorization: string | null) {
  const path = operation.path.replace("{order_id}", orderId).replace(/\{[^}]+\}/g, "1");
  const headers: Record<string, string> = {};
  if (authorization !== null) headers.authorization = authorization;
  const hasBody = operation.method !== "GET" && operation.method !== "DELETE";
  if (hasBody) headers["content-type"] = "application/json";
  const response = await fetch(`${connector.url}/api${path}`, { method: operation.method, headers, body: hasBody ? "{}" : undefined });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Left as text so the assertion shows what came back.
  }
  return { operation: `${operation.method} ${operation.path}`, status: response.status, body, requestId: response.headers.get("x-request-id") };
}

describe("API keys on every operation", () => {
  test("document lists the contract operations", () => {
    const ids = operations.map((operation) => operation.operationId);
    for (const id of ["orders-list", "orders-get", "sync-trigger", "sync-status", "auth-login", "auth-status", "changes-list"]) {
      expect(ids).toContain(id);
    }
  });

  test("no key is 401", async () => {
    for (const operation of operations) {
      const reply = await callOperation(operation, null);
      expect(reply).toEqual({
        operation: reply.operation,
        status: 401,
        body: { success: false, code: "UNAUTHORIZED", message: "Missing API key: send Authorization: Bearer <key>" },
        requestId: expect.any(String),
      });
    }
  });

  test("unknown key is 401", async () => {
    for (const operation of operations) {
      const reply = await callOperation(operation, "Bearer e2e-unknown-secret-55aa0c3d");
      expect({ operation: reply.operation, status: reply.status, body: reply.body }).toEqual({
        operation: reply.operation,
        status: 401,
        body: { success: false, code: "UNAUTHORIZED", message: "Unknown API key" },
      });
    }
  });

  test("malformed header is 401", async () => {
    for (const operation of operations) {
      const reply = await callOperation(operation, `Basic ${btoa(`werkstatt:${E2E_KEYS.admin}`)}`);
      expect({ operation: reply.operation, status: reply.status, body: reply.body }).toEqual({
        operation: reply.operation,
        status: 401,
        body: { success: false, code: "UNAUTHORIZED", message: "Malformed Authorization header: expected Bearer <key>" },
      });
    }
  });

  test("key below the scope is 403", async () => {
    let checked = 0;
    for (const operation of operations) {
      const needed = scopeOf(operation);
      for (const scope of SCOPES.filter((candidate) => RANK[candidate] < RANK[needed])) {
        const reply = await callOperation(operation, `Bearer ${E2E_KEYS[scope]}`);
        expect({ operation: reply.operation, status: reply.status, body: reply.body }).toEqual({
          operation: reply.operation,
          status: 403,
          body: {
            success: false,
            code: "FORBIDDEN",
            message: `API key ${KEY_NAMES[scope]} has scope ${scope}; this operation needs ${needed}`,
          },
        });
        checked += 1;
      }
    }
    // sync.trigger and auth.login each reject read and write keys, at least.
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  test("sufficient key passes", async () => {
    for (const operation of operations) {
      const needed = scopeOf(operation);
      for (const scope of SCOPES.filter((candidate) => RANK[candidate] >= RANK[needed])) {
        const reply = await callOperation(operation, `Bearer ${E2E_KEYS[scope]}`);
        expect({ operation: reply.operation, scope, unauthorized: reply.status === 401 || reply.status === 403 }).toEqual({
          operation: reply.operation,
          scope,
          unauthorized: false,
        });
        expect({ operation: reply.operation, scope, serverError: reply.status >= 500 && reply.status !== 502 }).toEqual({
          operation: reply.operation,
          scope,
          serverError: false,
        });
      }
    }
  }, 30_000);

  test("lower-case bearer scheme is accepted", async () => {
    const response = await fetch(`${connector.url}/api/orders?limit=1`, { headers: { authorization: `bearer ${E2E_KEYS.read}` } });
    expect(response.status).toBe(200);
  });
});

describe("routes without a key", () => {
  test("health, document and reference are open", async () => {
    for (const path of ["/live", "/ready", "/openapi.json", "/docs", "/docs/scalar.js"]) {
      const response = await fetch(`${connector.url}${path}`);
      await response.arrayBuffer();
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
  });

  test("unknown route is 404 in the error shape", async () => {
    const response = await fetch(`${connector.url}/api/nirgendwo`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { success: boolean; code: string };
    expect([body.success, body.code]).toEqual([false, "NOT_FOUND"]);
  });
});

describe("binding without keys", () => {
  const noKeys = { apiKeys: [], allowUnauthenticated: false };
  const bindingError = (host: string) =>
    `Refusing to listen on ${host} without API keys: set API_KEYS (name:scope:secret,…), ` +
    "listen on 127.0.0.1, or set ALLOW_UNAUTHENTICATED=true to serve every caller as admin.";

  test("loopback hosts are allowed", () => {
    for (const host of ["127.0.0.1", "127.8.9.10", "localhost", "::1", "[::1]"]) {
      expect(() => assertSafeBinding(noKeys, host)).not.toThrow();
    }
  });

  test("other hosts are rejected", () => {
    for (const host of ["0.0.0.0", "::", "192.168.178.20", "10.0.0.5", "werkstatt.local", ""]) {
      expect(() => assertSafeBinding(noKeys, host)).toThrow(bindingError(host));
    }
  });

  test("keys or explicit opt-in allow any host", () => {
    const keys = loadConfig({ API_KEYS: apiKeysValue(E2E_KEYS) }).apiKeys;
    expect(() => assertSafeBinding({ apiKeys: keys, allowUnauthenticated: false }, "0.0.0.0")).not.toThrow();
    const optIn = loadConfig({ HOST: "0.0.0.0", ALLOW_UNAUTHENTICATED: "true" });
    expect(() => assertSafeBinding(optIn, optIn.host)).not.toThrow();
    const plain = loadConfig({ HOST: "0.0.0.0" });
    expect(() => assertSafeBinding(plain, plain.host)).toThrow(bindingError("0.0.0.0"));
  });

  test("serve on 0.0.0.0 without keys exits before binding", async () => {
    const workDir = mkdtempSync(join(tmpdir(), "reit-ops-bind-"));
    try {
      // PLANSO_BASE_URL names the discard port. The binding check fails before any upstream call.
      const result = await runToEnd(["bun", join(REPO, "src/index.ts"), "serve"], {
        cwd: workDir,
        env: {
          ...baseEnv(),
          HOST: "0.0.0.0",
          PORT: "0",
          DATABASE_PATH: "./reit.db",
          PLANSO_BASE_URL: "http://127.0.0.1:9",
          PLANSO_USERNAME: "werkstatt",
          PLANSO_PASSWORD: "unused-password-1234",
          LOG_LEVEL: "info",
        },
        timeoutMs: 15_000,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`reit failed: ${bindingError("0.0.0.0")}\n`);
      expect(result.stdout).not.toContain("server_started");
      expect(existsSync(join(workDir, "reit.db"))).toBe(false);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
