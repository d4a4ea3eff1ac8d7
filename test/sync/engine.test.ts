import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { asc, eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";

import { rowToOrder } from "../../src/db/order-row.ts";
import { changes, orders, parts, syncRuns } from "../../src/db/schema.ts";
import { silentLogger } from "../../src/log.ts";
import type { UpstreamOrder } from "../../src/planso/types.ts";
import { createManualClock, type ManualClock } from "../../src/sync/clock.ts";
import { createRun } from "../../src/sync/runs.ts";
import { createInProcessSync, type InProcessSync } from "../../src/sync/in-process.ts";
import { makeOrder, makePart } from "../support/make-order.ts";
import { createFakePlanso, type FakePlanso } from "./support/fake-planso.ts";
import { tempMirror, testConfig, type TempMirror } from "./support/setup.ts";

function seedOrders(): UpstreamOrder[] {
  return [
    makeOrder({
      id: "101",
      short_name: "HH-AB 1234 Müller",
      plate: "HH-AB 1234",
      person: "Jürgen Müller",
      phone: "+49 170 1234567",
      station_id: 3,
      station_state: "active",
      board_position: 1,
      parts_status: "teilweise geliefert",
      missing_parts: true,
      fields: { Fahrername: "Jürgen Müller", Kennzeichen: "HH-AB 1234" },
      vehicle: { vin: "WVWZZZ1KZ8W123456", make: "VW" },
      details: { remarks: "Stoßfänger vorne" },
      parts: [
        makePart("r1", "delivered", { part_no: "5X0 807 217", description: "Stoßfänger", qty: 1, price_each: 212.5 }),
        makePart("r2", "ordered", { part_no: "5X0 853 651", description: "Gitter", qty: 2 }),
      ],
      parts_totals: { by_order_no: { "A-1": 212.5 }, total: 212.5 },
    }),
    makeOrder({
      id: "102",
      plate: "K-ÖL 77",
      person: "Özlem Şahin",
      station_id: 4,
      station_state: "finished",
      board_position: 2,
      parts_status: "ohne E-Teile",
      parts: [],
      parts_totals: { by_order_no: {}, total: null },
    }),
    makeOrder({
      id: "103",
      plate: "D-XY 9",
      person: "",
      station_id: 3,
      station_state: "active",
      board_position: 3,
      parts_status: "offen",
      missing_parts: true,
      parts: [makePart("r9", "to_order", { part_no: "1K0", description: "Spiegel" })],
      parts_totals: { by_order_no: {}, total: null },
    }),
  ];
}

let mirror: TempMirror;
let planso: FakePlanso;
let sync: InProcessSync;
let clock: ManualClock;

beforeEach(() => {
  clock = createManualClock(Temporal.Instant.from("2026-03-16T10:00:00Z"));
  mirror = tempMirror();
  planso = createFakePlanso(seedOrders());
  sync = createInProcessSync({ db: mirror.db, client: planso, config: testConfig(), clock, log: silentLogger, schedule: false });
});

afterEach(async () => {
  await sync.stop({ deadlineMs: 1000 });
  mirror.cleanup();
});

const tick = (seconds: number) => clock.advanceTo(clock.now().add({ seconds }));
const allChanges = () => mirror.db.select().from(changes).orderBy(asc(changes.id)).all();
const orderRow = (id: number) => mirror.db.select().from(orders).where(eq(orders.id, id)).get()!;
const partRows = (id: number) => mirror.db.select().from(parts).where(eq(parts.orderId, id)).orderBy(asc(parts.position)).all();

describe("first sync", () => {
  test("stores orders, parts and created changes", async () => {
    const summary = await sync.runOnce({ trigger: "manual" });
    expect(summary.status).toBe("succeeded");
    expect(summary.counts).toEqual({
      seen: 3, added: 3, updated: 0, unchanged: 0, left_board: 0, returned_to_board: 0, failed: 0, parts_written: 3, requests: 2 + 1 + 3 * 2,
    });
    expect(summary.rowsWritten).toBe(3 + 3 + 3);
    const order = rowToOrder(orderRow(101), partRows(101));
    expect(order.person).toBe("Jürgen Müller");
    expect(order.on_board).toBe(true);
    expect(order.version).toBe(1);
    expect(order.missing_parts).toBe(true);
    expect(order.vehicle.vin).toBe("WVWZZZ1KZ8W123456");
    expect(order.details.remarks).toBe("Stoßfänger vorne");
    expect(order.first_seen_at).toBe("2026-03-16T10:00:00.000Z");
    expect(partRows(101).map((p) => [p.rowId, p.partNo, p.isDelivered, p.qty])).toEqual([
      ["r1", "5X0 807 217", true, 1],
      ["r2", "5X0 853 651", false, 2],
    ]);
    expect(allChanges().map((c) => [c.orderId, c.kind, c.source, c.runId, c.changedFields, c.versionAfter])).toEqual([
      [101, "created", "sync", summary.runId, [], 1],
      [102, "created", "sync", summary.runId, [], 1],
      [103, "created", "sync", summary.runId, [], 1],
    ]);
    const run = mirror.db.select().from(syncRuns).where(eq(syncRuns.id, summary.runId)).get()!;
    expect([run.status, run.trigger, run.added, run.partsWritten, run.progressDone, run.progressTotal, run.error]).toEqual([
      "succeeded", "manual", 3, 3, 3, 3, null,
    ]);
  });

  test("an unchanged re-sync writes nothing but last_synced_at", async () => {
    await sync.runOnce();
    const before = mirror.db.select().from(orders).all();
    const partsBefore = mirror.db.select().from(parts).all();
    tick(3600);
    const summary = await sync.runOnce();
    expect(summary.status).toBe("succeeded");
    expect(summary.rowsWritten).toBe(0);
    expect(summary.counts.unchanged).toBe(3);
    expect(summary.counts.parts_written).toBe(0);
    expect(allChanges()).toHaveLength(3);
    const after = mirror.db.select().from(orders).all();
    expect(after.map(({ lastSyncedAt, ...rest }) => rest)).toEqual(before.map(({ lastSyncedAt, ...rest }) => rest));
    expect(after.map((row) => row.lastSyncedAt)).toEqual(["2026-03-16T11:00:00.000Z", "2026-03-16T11:00:00.000Z", "2026-03-16T11:00:00.000Z"]);
    expect(mirror.db.select().from(parts).all()).toEqual(partsBefore);
  });
});

describe("changes upstream", () => {
  test("an edited field bumps the version and names the field", async () => {
    await sync.runOnce();
    const order = planso.orders.get("101")!;
    order.person = "Jürgen Müller-Lüdenscheidt";
    order.fields.Fahrername = "Jürgen Müller-Lüdenscheidt";
    order.vehicle.km_stand = 84210;
    order.details.remarks = "";
    const summary = await sync.runOnce();
    expect(summary.counts.updated).toBe(1);
    expect(summary.counts.unchanged).toBe(2);
    const change = allChanges().at(-1)!;
    expect([change.orderId, change.kind, change.changedFields, change.versionAfter]).toEqual([
      101, "updated", ["details.remarks", "fields", "person", "vehicle.km_stand"], 2,
    ]);
    expect(orderRow(101).person).toBe("Jürgen Müller-Lüdenscheidt");
    expect(orderRow(101).personSearch).not.toBeNull();
  });

  test("a delivered part updates in place and keeps its mirror id", async () => {
    await sync.runOnce();
    const ids = partRows(101).map((p) => p.id);
    const order = planso.orders.get("101")!;
    order.parts![1] = makePart("r2", "delivered", { part_no: "5X0 853 651", description: "Gitter", qty: 2 });
    order.parts_status = "vollständig geliefert";
    order.missing_parts = false;
    const summary = await sync.runOnce();
    expect(summary.counts.parts_written).toBe(1);
    expect(summary.rowsWritten).toBe(3);
    expect(partRows(101).map((p) => [p.id, p.isDelivered, p.isMissing])).toEqual([
      [ids[0]!, true, false],
      [ids[1]!, true, false],
    ]);
    expect(allChanges().at(-1)!.changedFields).toEqual(["missing_parts", "parts", "parts_status"]);
    expect(orderRow(101).missingParts).toBe(false);
  });

  test("parts removed upstream are removed, also when none are left", async () => {
    await sync.runOnce();
    planso.orders.get("101")!.parts = [makePart("r2", "ordered", { part_no: "5X0 853 651", description: "Gitter", qty: 2 })];
    planso.orders.get("103")!.parts = [];
    await sync.runOnce();
    expect(partRows(101).map((p) => [p.rowId, p.position])).toEqual([["r2", 0]]);
    expect(partRows(103)).toEqual([]);
    expect(allChanges().slice(3).map((c) => [c.orderId, c.changedFields])).toEqual([
      [101, ["parts"]],
      [103, ["parts"]],
    ]);
  });

  test("sync without parts keeps stored parts", async () => {
    await sync.runOnce({ with_parts: true });
    const summary = await sync.runOnce({ with_parts: false });
    expect(summary.rowsWritten).toBe(0);
    expect(summary.counts.unchanged).toBe(3);
    expect(partRows(101)).toHaveLength(2);
    expect(orderRow(101).missingParts).toBe(true);
    expect(orderRow(101).partsTotals).toEqual({ by_order_no: { "A-1": 212.5 }, total: 212.5 });

    planso.orders.get("102")!.person = "Özlem Şahin-Yılmaz";
    const second = await sync.runOnce({ with_parts: false });
    expect(second.counts.updated).toBe(1);
    expect(allChanges().at(-1)!.changedFields).toEqual(["person"]);
    expect(partRows(101)).toHaveLength(2);
  });

  test("a failed parts tab keeps the old parts and makes the run partial", async () => {
    await sync.runOnce();
    const realRead = planso.readOrder;
    planso.readOrder = async (id, options) => {
      const order = await realRead(id, { ...options, withParts: id === "101" ? false : options.withParts });
      if (id === "101") order.failed_sections = [{ section: "parts", kind: "upstream_error", message: "HTTP 500" }];
      return order;
    };
    const summary = await sync.runOnce();
    expect(summary.status).toBe("partial");
    expect(summary.failedOrders).toEqual({ "101": "parts: upstream_error: HTTP 500" });
    expect(summary.rowsWritten).toBe(0);
    expect(partRows(101)).toHaveLength(2);
  });
});

describe("board membership", () => {
  test("orders off the board keep their data; returning ones are back", async () => {
    await sync.runOnce();
    planso.board = ["101"];
    planso.orders.get("102")!.project_status = "Archiviert";
    planso.orders.delete("103");
    planso.reads.length = 0;
    const summary = await sync.runOnce();
    expect(summary.status).toBe("succeeded");
    expect(summary.counts.left_board).toBe(2);
    expect(planso.reads).toEqual(["101"]);
    expect(rowToOrder(orderRow(102))).toMatchObject({ on_board: false, project_status: null, person: "Özlem Şahin", station_id: 4, version: 2 });
    expect(rowToOrder(orderRow(103))).toMatchObject({ on_board: false, deleted_at: null, plate: "D-XY 9", version: 2 });
    expect(partRows(103)).toHaveLength(1);
    expect(allChanges().slice(3).map((c) => [c.orderId, c.kind, c.changedFields, c.versionAfter])).toEqual([
      [102, "left_board", ["on_board"], 2],
      [103, "left_board", ["on_board"], 2],
    ]);

    planso.reads.length = 0;
    const quiet = await sync.runOnce();
    expect(quiet.rowsWritten).toBe(0);
    expect(planso.reads).toEqual(["101"]);

    planso.board = ["101", "102"];
    const back = await sync.runOnce();
    expect(back.counts.returned_to_board).toBe(1);
    expect(allChanges().at(-1)).toMatchObject({ orderId: 102, kind: "returned_to_board", changedFields: ["on_board", "project_status"], versionAfter: 3 });
    expect(orderRow(102)).toMatchObject({ onBoard: true, projectStatus: "Archiviert" });
  });

  test("requested unknown order leaves the board", async () => {
    await sync.runOnce();
    planso.board = ["101", "102"];
    planso.orders.delete("103");
    const summary = await sync.runOnce({ order_ids: ["103", "999"] });
    expect(summary.status).toBe("partial");
    expect(summary.counts).toMatchObject({ seen: 2, left_board: 1, failed: 1 });
    expect(summary.failedOrders).toEqual({ "999": "not_found: order 999 not found" });
    expect(orderRow(103)).toMatchObject({ onBoard: false, deletedAt: null });
  });

  test("an empty board while orders are on the board changes nothing", async () => {
    await sync.runOnce();
    planso.board = [];
    const summary = await sync.runOnce();
    expect(summary.status).toBe("failed");
    expect(summary.error).toStartWith("suspicious empty board");
    expect(summary.rowsWritten).toBe(0);
    expect(mirror.db.select().from(orders).all().every((row) => row.onBoard)).toBe(true);
    expect(allChanges()).toHaveLength(3);
  });

  test("an empty board on an empty mirror is a normal, empty run", async () => {
    planso.board = [];
    const summary = await sync.runOnce();
    expect([summary.status, summary.counts.seen]).toEqual(["succeeded", 0]);
  });

  test("order filter reads only those orders", async () => {
    await sync.runOnce();
    planso.board = ["101"];
    planso.orders.get("102")!.person = "Neu";
    planso.orders.get("101")!.person = "Neu";
    planso.reads.length = 0;
    const summary = await sync.runOnce({ order_ids: ["101"] });
    expect(planso.reads).toEqual(["101"]);
    expect(summary.counts).toMatchObject({ seen: 1, updated: 1, left_board: 0 });
    expect(orderRow(102)).toMatchObject({ onBoard: true, person: "Özlem Şahin" });
  });
});

describe("failures", () => {
  test("a failed board call fails the run before anything is written", async () => {
    planso.failBoard = "upstream_error";
    const summary = await sync.runOnce();
    expect([summary.status, summary.error]).toEqual(["failed", "reading the board failed: upstream_error: board call failed"]);
    expect(mirror.db.select().from(orders).all()).toEqual([]);
  });

  test("a failed login fails the run", async () => {
    planso.failLogin = true;
    const summary = await sync.runOnce();
    expect([summary.status, summary.error]).toEqual(["failed", "login failed: login_failed: PlanSo showed the login form again"]);
    expect(mirror.db.select().from(changes).all()).toEqual([]);
  });

  test("failing order is kept and retried", async () => {
    await sync.runOnce();
    planso.orders.get("102")!.person = "Neu";
    planso.orders.get("101")!.person = "Auch neu";
    planso.failReads.set("102", "upstream_error");
    const summary = await sync.runOnce();
    expect(summary.status).toBe("partial");
    expect(summary.failedOrders).toEqual({ "102": "upstream_error: order 102: upstream_error" });
    expect(summary.counts).toMatchObject({ failed: 1, updated: 1, unchanged: 1 });
    expect(orderRow(102).person).toBe("Özlem Şahin");
    expect(orderRow(101).person).toBe("Auch neu");
    const run = mirror.db.select().from(syncRuns).where(eq(syncRuns.id, summary.runId)).get()!;
    expect(run.failedOrders).toEqual({ "102": "upstream_error: order 102: upstream_error" });

    planso.failReads.clear();
    const retry = await sync.runOnce();
    expect(retry.status).toBe("succeeded");
    expect(orderRow(102).person).toBe("Neu");
  });

  test("rate limit stops run, next run resumes", async () => {
    const config = testConfig({ PLANSO_CONCURRENCY: "1" });
    await sync.stop();
    sync = createInProcessSync({ db: mirror.db, client: planso, config, clock, log: silentLogger, schedule: false });
    await sync.runOnce();
    for (const id of ["101", "102", "103"]) planso.orders.get(id)!.person = `Neu ${id}`;
    planso.failReads.set("102", "rate_limited");
    tick(60);
    planso.reads.length = 0;
    const summary = await sync.runOnce();
    expect(summary.status).toBe("partial");
    expect(summary.error).toBe("PlanSo asked to back off (rate_limited: order 102: rate_limited); 2 orders left for the next run");
    expect(summary.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(planso.reads).toEqual(["101", "102"]);
    expect([orderRow(102).person, orderRow(103).person]).toEqual(["Özlem Şahin", ""]);

    planso.failReads.clear();
    tick(60);
    planso.reads.length = 0;
    const resumed = await sync.runOnce();
    expect(resumed.status).toBe("succeeded");
    expect(planso.reads).toEqual(["102", "103", "101"]);
    expect([orderRow(102).person, orderRow(103).person]).toEqual(["Neu 102", "Neu 103"]);
  });
});

describe("run lifecycle", () => {
  test("a trigger during a run returns the running one", async () => {
    let release!: () => void;
    planso.gate = new Promise<void>((resolve) => (release = resolve));
    const first = await sync.trigger({ trigger: "manual" });
    const second = await sync.trigger({ trigger: "manual", with_parts: false });
    expect(first.already_running).toBe(false);
    expect(second).toEqual({ run_id: first.run_id, status: "running", already_running: true });
    expect(sync.state()).toMatchObject({ running: true, current_run_id: first.run_id, worker_alive: true });
    release();
    await sync.waitForRun(first.run_id, 5000);
    expect(sync.state()).toMatchObject({ running: false, current_run_id: null, progress: null });
    expect(mirror.db.select().from(syncRuns).all()).toHaveLength(1);
  });

  test("runs left running by a stopped process become interrupted at start", async () => {
    const runId = createRun(mirror.db, { trigger: "schedule", options: { with_parts: true, with_extended: false, order_ids: null }, now: "2026-03-16T09:00:00.000Z" });
    const next = createInProcessSync({ db: mirror.db, client: planso, config: testConfig(), clock, log: silentLogger, schedule: false });
    const row = mirror.db.select().from(syncRuns).where(eq(syncRuns.id, runId)).get()!;
    expect([row.status, row.finishedAt, row.error]).toEqual(["interrupted", "2026-03-16T10:00:00.000Z", "the process stopped during the run"]);
    await next.stop();
  });

  test("stop ends the current run after the orders in flight", async () => {
    let release!: () => void;
    planso.gate = new Promise<void>((resolve) => (release = resolve));
    const { run_id } = await sync.trigger({});
    while (planso.waiting < 2) await Bun.sleep(1);
    const stopped = sync.stop({ deadlineMs: 5000 });
    release();
    await stopped;
    const row = mirror.db.select().from(syncRuns).where(eq(syncRuns.id, run_id)).get()!;
    expect(row.status).toBe("interrupted");
    expect(row.progressDone).toBe(2);
    expect(sync.isAlive()).toBe(false);
  });
});
