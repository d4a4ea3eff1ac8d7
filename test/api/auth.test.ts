import { afterAll, beforeAll, describe, expect, test } from "bun:test";

import { assertSafeBinding, createAuthenticator } from "../../src/server/auth.ts";
import { trpcClient, trpcReply } from "../support/api-client.ts";
import { startTestServer, type TestServer } from "../support/api-server.ts";

const READ_KEY = "read-secret-0123456789";
const ADMIN_KEY = "admin-secret-0123456789";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ orders: 5, env: { API_KEYS: `crm:read:${READ_KEY},ops:admin:${ADMIN_KEY}` } });
});

afterAll(async () => {
  await server.stop();
});

async function call(method: string, path: string, key?: string | null, header?: string) {
  const headers: Record<string, string> = {};
  if (header !== undefined) headers.authorization = header;
  else if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch(server.url + path, { method, headers });
  return { status: response.status, body: (await response.json()) as { code?: string; message?: string } };
}

describe("API keys over REST", () => {
  test("no key is 401", async () => {
    const reply = await call("GET", "/api/orders");
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ success: false, code: "UNAUTHORIZED", message: "Missing API key: send Authorization: Bearer <key>" } as never);
  });

  test("unknown or malformed key is 401", async () => {
    expect((await call("GET", "/api/orders", "read-secret-0123456788")).status).toBe(401);
    expect((await call("GET", "/api/orders", null, "Basic abc")).body.message).toBe("Malformed Authorization header: expected Bearer <key>");
    expect((await call("GET", "/api/orders", null, `Bearer ${READ_KEY} extra`)).status).toBe(401);
  });

  test("read key reads but may not trigger", async () => {
    expect((await call("GET", "/api/orders", READ_KEY)).status).toBe(200);
    expect((await call("GET", "/api/sync/status", READ_KEY)).status).toBe(200);
    const trigger = await call("POST", "/api/sync", READ_KEY);
    expect(trigger.status).toBe(403);
    expect(trigger.body).toEqual({ success: false, code: "FORBIDDEN", message: "API key crm has scope read; this operation needs admin" } as never);
    expect((await call("POST", "/api/auth/login", READ_KEY)).status).toBe(403);
  });

  test("admin key may trigger", async () => {
    expect((await call("POST", "/api/sync", ADMIN_KEY)).status).toBe(202);
  });

  test("lower-case bearer scheme is accepted", async () => {
    expect((await call("GET", "/api/orders", null, `bearer ${READ_KEY}`)).status).toBe(200);
  });

  test("health and documents need no key", async () => {
    for (const path of ["/live", "/ready", "/openapi.json"]) {
      expect((await fetch(server.url + path)).status).toBe(200);
    }
  });
});

describe("API keys over tRPC", () => {
  test("same answers as REST", async () => {
    expect((await trpcReply(() => trpcClient(server.url).orders.list.query({}))).status).toBe(401);
    expect((await trpcReply(() => trpcClient(server.url, READ_KEY).orders.list.query({}))).status).toBe(200);
    const forbidden = await trpcReply(() => trpcClient(server.url, READ_KEY).sync.trigger.mutate({}));
    expect(forbidden.status).toBe(403);
    expect((forbidden.body as { code: string }).code).toBe("FORBIDDEN");
  });
});

describe("authenticator", () => {
  test("without keys every request is the local admin", () => {
    const authenticate = createAuthenticator([]);
    expect(authenticate(null)).toEqual({ principal: { id: "local", scope: "admin" } });
    expect(authenticate("Bearer whatever")).toEqual({ principal: { id: "local", scope: "admin" } });
  });

  test("refuses a public address without keys", () => {
    expect(() => assertSafeBinding({ apiKeys: [], allowUnauthenticated: false }, "0.0.0.0")).toThrow(/Refusing to listen on 0\.0\.0\.0 without API keys/u);
    expect(() => assertSafeBinding({ apiKeys: [], allowUnauthenticated: false }, "127.0.0.1")).not.toThrow();
    expect(() => assertSafeBinding({ apiKeys: [], allowUnauthenticated: true }, "0.0.0.0")).not.toThrow();
    expect(() => assertSafeBinding({ apiKeys: [{ id: "a", scope: "read", secret: "x".repeat(16) }], allowUnauthenticated: false }, "0.0.0.0")).not.toThrow();
  });
});
