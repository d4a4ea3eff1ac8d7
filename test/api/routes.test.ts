import { afterAll, beforeAll, describe, expect, test } from "bun:test";

import { changes, syncRuns } from "../../src/db/schema.ts";
import { restGet, trpcClient } from "../support/api-client.ts";
import { startTestServer, type TestServer } from "../support/api-server.ts";
import { FIXTURE } from "../support/mirror-fixtures.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ orders: 30, captureLogs: true });
  server.db
    .insert(syncRuns)
    .values([
      { trigger: "schedule", options: { with_parts: true, with_extended: false, order_ids: null }, status: "succeeded", startedAt: "2026-03-16T07:00:00.000Z", finishedAt: "2026-03-16T07:02:13.000Z", seen: 160, added: 2, updated: 14, unchanged: 144 },
      { trigger: "manual", options: { with_parts: false, with_extended: false, order_ids: ["10001"] }, status: "failed", startedAt: "2026-03-16T08:00:00.000Z", finishedAt: "2026-03-16T08:00:01.500Z", error: "login_failed: PlanSo showed the login form again" },
      { trigger: "schedule", options: { with_parts: true, with_extended: false, order_ids: null }, status: "running", startedAt: "2026-03-16T09:00:00.000Z", progressDone: 40, progressTotal: 160 },
    ])
    .run();
  server.db
    .insert(changes)
    .values([
      { at: "2026-03-16T07:01:00.000Z", orderId: FIXTURE.muellerHamburg, kind: "updated", source: "sync", runId: 1, changedFields: ["project_status"], versionAfter: 2 },
      { at: "2026-03-16T07:01:01.000Z", orderId: FIXTURE.muellerUpper, kind: "created", source: "sync", runId: 1, changedFields: [], versionAfter: 1 },
      { at: "2026-03-16T08:30:00.000Z", orderId: FIXTURE.muellerHamburg, kind: "deleted", source: "api", runId: null, changedFields: [], versionAfter: 3 },
    ])
    .run();
});

afterAll(async () => {
  await server.stop();
});

describe("orders.get", () => {
  test("REST sends the order with its version as ETag", async () => {
    const response = await fetch(`${server.url}/api/orders/${FIXTURE.muellerHamburg}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"1"');
    const body = (await response.json()) as { success: boolean; order: Record<string, unknown> };
    expect(body.success).toBe(true);
    expect(body.order.id).toBe("1001");
    expect(body.order.plate).toBe("HH-AB 1234");
    expect(body.order.fields).toEqual({ Kennzeichen: "HH-AB 1234", Fahrername: "Müller, Hans", "Projekt-Status": "Karo" });
    expect(body.order.parts_summary).toEqual({ total: 3, missing: 2, to_order: 0, ordered: 3, delivered: 1, backorder: 1, next_eta: "2024-07-18" });
    expect((body.order.vehicle as Record<string, unknown>).vin).toBe("WVWZZZ1KZ8W123456");
    expect((body.order.details as Record<string, unknown>).remarks).toBe("Stoßfänger vorne links");
  });

  test("tRPC returns the same order", async () => {
    const rest = await restGet<{ order: unknown }>(server.url, `/orders/${FIXTURE.muellerHamburg}`);
    const viaTrpc = await trpcClient(server.url).orders.get.query({ order_id: String(FIXTURE.muellerHamburg) });
    expect(viaTrpc.order).toEqual(rest.body.order as typeof viaTrpc.order);
  });

  test("a deleted order is served with deleted_at", async () => {
    const reply = await restGet<{ order: { deleted_at: string | null } }>(server.url, `/orders/${FIXTURE.deleted}`);
    expect(reply.status).toBe(200);
    expect(reply.body.order.deleted_at).toBe("2024-07-20T10:00:00.000Z");
  });
});

describe("parts", () => {
  test("listByOrder in table order", async () => {
    const reply = await restGet<{ parts: Array<{ row_id: string; status: string; is_missing: boolean }>; count: number }>(server.url, `/orders/${FIXTURE.muellerHamburg}/parts`);
    expect(reply.status).toBe(200);
    expect(reply.body.count).toBe(3);
    expect(reply.body.parts.map((p) => [p.row_id, p.status, p.is_missing])).toEqual([
      ["r1", "Geliefert", false],
      ["r2", "Bestellt", true],
      ["r3", "Rückstand", true],
    ]);
  });

  test("an order without parts lists none", async () => {
    const reply = await restGet<{ parts: unknown[]; count: number }>(server.url, `/orders/${FIXTURE.muellerUpper}/parts`);
    expect(reply.body).toEqual({ success: true, order_id: "1002", parts: [], count: 0 } as never);
  });

  test("statusByOrder lists the missing parts", async () => {
    const reply = await restGet<{ parts_status: string; missing_parts: boolean; missing: Array<{ row_id: string }>; summary: { missing: number } }>(
      server.url,
      `/orders/${FIXTURE.offBoard}/parts/status`,
    );
    expect(reply.body.parts_status).toBe("Rückstand");
    expect(reply.body.missing_parts).toBe(true);
    expect(reply.body.missing.map((p) => p.row_id)).toEqual(["w1", "w2"]);
    expect(reply.body.summary.missing).toBe(2);
  });

  test("search with repeated status and a date range", async () => {
    const reply = await restGet<{ parts: Array<{ order_id: string; row_id: string }>; total: number }>(server.url, "/parts", {
      status: ["Rückstand", "Bestellt"],
      eta_from: "01.07.2024",
      eta_to: "2024-12-31",
    });
    expect(reply.status).toBe(200);
    expect(reply.body.parts.map((p) => `${p.order_id}/${p.row_id}`)).toEqual(["1001/r2", "1001/r3", "1006/w1"]);
    expect(reply.body.total).toBe(3);
  });

  test("search flags are strict booleans", async () => {
    const reply = await restGet<{ code: string; issues: Array<{ path: string }> }>(server.url, "/parts", { backorder: "ja" });
    expect(reply.status).toBe(400);
    expect(reply.body.issues.map((i) => i.path)).toEqual(["backorder"]);
  });
});

describe("sync", () => {
  test("trigger answers 202 over REST and passes the options", async () => {
    server.sync.nextTrigger = { run_id: 7, status: "running", already_running: false };
    const response = await fetch(`${server.url}/api/sync`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ with_parts: false, order_ids: ["10001"] }),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ success: true, run_id: 7, status: "running", already_running: false });
    expect(server.sync.triggers.at(-1)).toEqual({ with_parts: false, with_extended: undefined, order_ids: ["10001"], trigger: "manual" });
  });

  test("a bare POST triggers with defaults", async () => {
    server.sync.nextTrigger = { run_id: 3, status: "running", already_running: true };
    const response = await fetch(`${server.url}/api/sync`, { method: "POST" });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { already_running: boolean }).already_running).toBe(true);
  });

  test("wait returns the stored final status", async () => {
    server.sync.nextTrigger = { run_id: 1, status: "running", already_running: false };
    const response = await fetch(`${server.url}/api/sync`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"wait":true}' });
    expect(((await response.json()) as { status: string }).status).toBe("succeeded");
  });

  test("trigger without a worker is 503", async () => {
    server.sync.alive = false;
    try {
      const response = await fetch(`${server.url}/api/sync`, { method: "POST" });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { code: string }).code).toBe("NOT_READY");
    } finally {
      server.sync.alive = true;
    }
  });

  test("status combines stored runs, live state and schedule", async () => {
    server.sync.live = { ...server.sync.live, running: true, current_run_id: 3, progress: { done: 55, total: 160 } };
    const reply = await restGet<Record<string, any>>(server.url, "/sync/status");
    server.sync.live = { ...server.sync.live, running: false, current_run_id: null, progress: null };
    expect(reply.status).toBe(200);
    expect(reply.body.running).toBe(true);
    expect(reply.body.current_run.id).toBe(3);
    expect(reply.body.current_run.progress).toEqual({ done: 55, total: 160 });
    expect(reply.body.last_run.id).toBe(2);
    expect(reply.body.last_run.status).toBe("failed");
    expect(reply.body.last_run.duration_ms).toBe(1500);
    expect(reply.body.last_success_at).toBe("2026-03-16T07:02:13.000Z");
    expect(reply.body.schedule).toEqual({
      enabled: true,
      interval_seconds: 3600,
      business_hours: { enabled: true, start: "07:00", end: "19:00", days: [1, 2, 3, 4, 5], time_zone: "Europe/Berlin" },
      inside_window_now: true,
    });
    expect(JSON.stringify(reply.body)).not.toContain("password");
  });

  test("runs newest first, paged, filtered", async () => {
    const first = await restGet<{ runs: Array<{ id: number }>; next_cursor: string }>(server.url, "/sync/runs", { limit: 2 });
    expect(first.body.runs.map((r) => r.id)).toEqual([3, 2]);
    const second = await restGet<{ runs: Array<{ id: number }>; next_cursor: string | null }>(server.url, "/sync/runs", { limit: 2, cursor: first.body.next_cursor });
    expect(second.body.runs.map((r) => r.id)).toEqual([1]);
    expect(second.body.next_cursor).toBeNull();
    const failed = await restGet<{ runs: Array<{ id: number; error: string }> }>(server.url, "/sync/runs", { status: ["failed", "partial"] });
    expect(failed.body.runs.map((r) => r.id)).toEqual([2]);
    const bad = await restGet(server.url, "/sync/runs", { status: "kaputt" });
    expect(bad.status).toBe(400);
  });
});

describe("auth and changes", () => {
  test("auth.status and auth.login", async () => {
    const before = await restGet<{ session: { logged_in: boolean } }>(server.url, "/auth/status");
    expect(before.body.session.logged_in).toBe(false);
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST" });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { session: { logged_in: boolean } }).session.logged_in).toBe(true);
    expect(server.sync.logins).toBe(1);
  });

  test("changes page with a cursor that keeps working", async () => {
    const first = await restGet<{ changes: Array<{ id: number; kind: string; order_id: string }>; next_cursor: string; has_more: boolean }>(server.url, "/changes", { limit: 2 });
    expect(first.body.changes.map((c) => [c.id, c.kind, c.order_id])).toEqual([
      [1, "updated", "1001"],
      [2, "created", "1002"],
    ]);
    expect(first.body.has_more).toBe(true);
    const second = await restGet<{ changes: Array<{ id: number }>; next_cursor: string; has_more: boolean }>(server.url, "/changes", { limit: 2, cursor: first.body.next_cursor });
    expect(second.body.changes.map((c) => c.id)).toEqual([3]);
    expect(second.body.has_more).toBe(false);
    const empty = await restGet<{ changes: unknown[]; next_cursor: string }>(server.url, "/changes", { cursor: second.body.next_cursor });
    expect(empty.body.changes).toEqual([]);
    expect(empty.body.next_cursor).toBe(second.body.next_cursor);
  });

  test("changes of one order since a time", async () => {
    const reply = await restGet<{ changes: Array<{ id: number }> }>(server.url, "/changes", { order_id: "1001", since: "2026-03-16T09:00:00+01:00" });
    expect(reply.body.changes.map((c) => c.id)).toEqual([3]);
  });
});

describe("health, documents and logs", () => {
  test("live and ready", async () => {
    const live = await fetch(`${server.url}/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ success: true, status: "live" });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    server.ready.report = { ok: false, checks: { database: true, migrations: true, worker: "not running" } };
    const notReady = await fetch(`${server.url}/ready`);
    server.ready.report = { ok: true, checks: { database: true } };
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({
      success: false,
      code: "NOT_READY",
      message: "Not ready: worker",
      checks: { database: true, migrations: true, worker: "not running" },
    });
  });

  test("openapi.json describes every REST route with bearer auth", async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { security?: unknown }>>; components: { securitySchemes: Record<string, unknown> } };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/auth/login",
      "/api/auth/status",
      "/api/changes",
      "/api/orders",
      "/api/orders/{order_id}",
      "/api/orders/{order_id}/parts",
      "/api/orders/{order_id}/parts/status",
      "/api/parts",
      "/api/sync",
      "/api/sync/runs",
      "/api/sync/status",
    ].map((p) => p.replace(/^\/api/u, "")).sort());
    expect(document.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
    expect(document.paths["/orders"]!.get!.security).toEqual([{ bearer: [] }]);
  });

  test("HEAD runs the GET route", async () => {
    const head = await fetch(`${server.url}/api/orders?limit=1`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("application/json;charset=utf-8");
    expect(await head.text()).toBe("");
    const unknown = await fetch(`${server.url}/api/nope`, { method: "HEAD" });
    expect(unknown.status).toBe(404);
  });

  test("JSON content type on REST", async () => {
    const ok = await fetch(`${server.url}/api/orders?limit=1`);
    expect(ok.headers.get("content-type")).toBe("application/json;charset=utf-8");
    const missing = await fetch(`${server.url}/api/orders/99999999`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/json;charset=utf-8");
  });

  test("request id is echoed or made, and logged once", async () => {
    const given = await fetch(`${server.url}/api/orders?limit=1`, { headers: { "x-request-id": "abc-123" } });
    expect(given.headers.get("x-request-id")).toBe("abc-123");
    const made = await fetch(`${server.url}/nowhere`);
    const id = made.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/u);
    await Bun.sleep(5);
    const lines = server.logs.filter((line) => line.event === "request" && (line.request_id === "abc-123" || line.request_id === id));
    expect(lines.map((l) => [l.method, l.route, l.status])).toEqual([
      ["GET", "rest:orders.list", 200],
      ["GET", "unmatched", 404],
    ]);
    expect(typeof lines[0]!.duration_ms).toBe("number");
  });
});
