/**
 * Writes that PlanSo rejects or fails: the mirror stays as it was, and the caller
 * gets the status and PlanSo's reason as the API contract lists them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";

import { orders } from "../../src/db/schema.ts";
import { MAKES } from "../../src/simulator/seed/vehicles.ts";
import { changeCount, rest, startWriteHarness, type WriteHarness } from "./support/harness.ts";

let h: WriteHarness;
let ids: string[];

beforeAll(async () => {
  // Small client timeout and one retry, so timeouts and 5xx fail within a second.
  h = await startWriteHarness({ client: { timeoutMs: 250, maxRetries: 1 } });
  h.sim.simulator.control.configure({ errors: { timeoutMs: 400, retryAfterS: 1 } });
  ids = h.sim.simulator.control.orderIds();
});

afterAll(async () => {
  await h.stop();
});

/** Returns every stored order row and the change log's length, to prove a failed write changed nothing. */
function mirrorSnapshot() {
  return { rows: JSON.stringify(h.db.select().from(orders).orderBy(orders.id).all()), changes: changeCount(h.db) };
}

let before: ReturnType<typeof mirrorSnapshot>;
let writesBefore: number;

function remember() {
  before = mirrorSnapshot();
  writesBefore = h.sim.simulator.control.writes().length;
}

function expectMirrorUnchanged() {
  expect(mirrorSnapshot()).toEqual(before);
}

describe("PlanSo rejects", () => {
  afterEach(() => {
    h.sim.simulator.control.configure({ quirks: { strictWrites: false, renamedLabels: {} } });
  });

  test("an invalid select value", async () => {
    remember();
    const id = ids[0]!;
    const reply = await rest(h.url, "PUT", `/orders/${id}`, { damage: "KL 9", person: "Neu" });
    expect(reply.status).toBe(502);
    expect(reply.body).toEqual({
      success: false,
      code: "UPSTREAM_FAILED",
      message: `PlanSo: PlanSo rejected the write to order ${id}: Ungültige Eingabe (Kategorie: Ungültige Auswahl)`,
      issues: [{ path: "damage", message: "Kategorie: Ungültige Auswahl" }],
    });
    expectMirrorUnchanged();
    expect(h.sim.simulator.control.truthOrder(id, { withParts: false }).person).not.toBe("Neu");
  });

  test("a model of another make on create", async () => {
    remember();
    const ordersBefore = h.sim.simulator.control.orderIds().length;
    const [first, second] = [MAKES[0]!, MAKES[1]!];
    const reply = await rest(h.url, "POST", "/orders", {
      vehicle_details: { number_plate: "HH-RJ 1", makeID: first.id, modelID: second.models[0]!.id },
    });
    expect(reply.status).toBe(502);
    expect(reply.body.code).toBe("UPSTREAM_FAILED");
    expect(reply.body.issues).toEqual([{ path: "vehicle_details.modelID", message: "Modell: Ungültige Auswahl" }]);
    expectMirrorUnchanged();
    expect(h.sim.simulator.control.orderIds().length).toBe(ordersBefore);
  });

  test("an unknown label with strictWrites", async () => {
    h.sim.simulator.control.configure({ quirks: { strictWrites: true, renamedLabels: { Bemerkungen: "Notizen" } } });
    remember();
    const id = ids[1]!;
    const reply = await rest(h.url, "PUT", `/orders/${id}`, { remarks: "geht nicht" });
    expect(reply.status).toBe(502);
    expect(reply.body.message).toBe(`PlanSo: PlanSo rejected the write to order ${id}: Ungültige Eingabe (Bemerkungen: Unbekanntes Feld)`);
    expect(reply.body.issues).toEqual([{ path: "remarks", message: "Bemerkungen: Unbekanntes Feld" }]);
    expectMirrorUnchanged();
    expect(h.sim.simulator.control.writes().slice(writesBefore).map((write) => write.outcome)).toEqual(["rejected"]);
  });
});

describe("PlanSo fails", () => {
  test("HTTP 500 on every attempt", async () => {
    remember();
    h.sim.simulator.control.queueFaults({ module: "visual_forms_plain", count: 2, kind: "500" });
    const reply = await rest(h.url, "PUT", `/orders/${ids[2]}`, { remarks: "500" });
    expect(reply.status).toBe(502);
    expect(reply.body).toEqual({ success: false, code: "UPSTREAM_FAILED", message: "PlanSo: visual_forms_plain: PlanSo failed with HTTP 500" });
    expectMirrorUnchanged();
    expect(h.sim.simulator.control.writes().length).toBe(writesBefore);
  });

  test("a timeout on every attempt", async () => {
    remember();
    h.sim.simulator.control.queueFaults({ module: "visual_forms_plain", count: 2, kind: "timeout" });
    const reply = await rest(h.url, "PUT", `/orders/${ids[2]}`, { remarks: "timeout" });
    expect(reply.status).toBe(504);
    expect(reply.body.code).toBe("UPSTREAM_TIMEOUT");
    expect(reply.body.message).toStartWith("PlanSo: visual_forms_plain: ");
    expect(reply.body.message).toContain("250 ms");
    expectMirrorUnchanged();
  });

  test("an expired session that a new login does not fix", async () => {
    remember();
    h.sim.simulator.control.queueFaults({ module: "visual_forms_plain", count: 2, kind: "loginPage" });
    const reply = await rest(h.url, "PUT", `/orders/${ids[3]}`, { remarks: "abgelaufen" });
    expect(reply.status).toBe(502);
    expect(reply.body).toEqual({
      success: false,
      code: "UPSTREAM_FAILED",
      message: "PlanSo: visual_forms_plain: the PlanSo session expired again right after a new login",
    });
    expectMirrorUnchanged();
  });

  test("an expired session is renewed and the write goes through", async () => {
    h.sim.simulator.control.expireSessions();
    const reply = await rest(h.url, "PUT", `/orders/${ids[3]}`, { remarks: "nach neuem Login" });
    expect(reply.status).toBe(200);
    expect(reply.body.order.details.remarks).toBe("nach neuem Login");
  });

  test("rate limiting is a 429 with Retry-After", async () => {
    remember();
    h.sim.simulator.control.queueFaults({ module: "visual_forms_plain", count: 2, kind: "429" });
    const reply = await rest(h.url, "PUT", `/orders/${ids[4]}`, { remarks: "zu schnell" });
    expect(reply.status).toBe(429);
    expect(reply.body.code).toBe("RATE_LIMITED");
    expect(reply.headers.get("retry-after")).toBe("1");
    expectMirrorUnchanged();
  });
});

describe("create with a lost response", () => {
  test("a save that failed before PlanSo stored it is an unknown outcome", async () => {
    remember();
    const ordersBefore = h.sim.simulator.control.orderIds().length;
    h.sim.simulator.control.queueFaults({ module: "visual_forms_plain", count: 1, kind: "timeout" });
    const reply = await rest(h.url, "POST", "/orders", { vehicle_details: { number_plate: "HH-UN 404" } });
    expect(reply.status).toBe(502);
    expect(reply.body.code).toBe("UPSTREAM_FAILED");
    expect(reply.body.message).toStartWith("PlanSo: the insert may or may not have been saved (");
    expect(reply.body.message).toEndWith(
      'no new order with plate "HH-UN 404" is on the board, so it was not resent. The order may have been created: search for the plate (orders.list, or a sync first) before you retry.',
    );
    expectMirrorUnchanged();
    expect(h.sim.simulator.control.orderIds().length).toBe(ordersBefore);
  });

  test("a save PlanSo stored before the 500 is adopted", async () => {
    const ordersBefore = h.sim.simulator.control.orderIds();
    h.sim.simulator.control.queueFaults({ module: "visual_forms_plain", count: 1, kind: "500", after: true });
    const reply = await rest(h.url, "POST", "/orders", { vehicle_details: { number_plate: "HH-AD 500" }, person: "Adoptiert" });
    expect(reply.status).toBe(201);
    const created = h.sim.simulator.control.orderIds().filter((id) => !ordersBefore.includes(id));
    expect(created).toEqual([reply.body.order_id]);
    expect(reply.body.order.person).toBe("Adoptiert");
  });
});

describe("writes disabled", () => {
  test("PLANSO_WRITES_ENABLED=false is a 403", async () => {
    const app = await h.startApp({ PLANSO_WRITES_ENABLED: "false" });
    try {
      const writes = h.sim.simulator.control.writes().length;
      const reply = await rest(app.url, "POST", "/orders", { vehicle_details: { number_plate: "HH-NO 1" } });
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({
        success: false,
        code: "WRITES_DISABLED",
        message:
          "Writes to PlanSo are disabled: PLANSO_WRITES_ENABLED is false. The PlanSo write protocol is an assumption not yet verified against a real tenant; set PLANSO_WRITES_ENABLED=true once it is.",
      });
      const update = await rest(app.url, "PUT", `/orders/${ids[5]}`, { remarks: "nein" });
      const remove = await rest(app.url, "DELETE", `/orders/${ids[5]}`);
      expect([update.status, remove.status]).toEqual([403, 403]);
      expect(h.sim.simulator.control.writes().length).toBe(writes);
    } finally {
      await app.stop();
    }
  });

  test("auto is off for a tenant that is not on loopback", async () => {
    const app = await h.startApp({ PLANSO_WRITES_ENABLED: "auto", PLANSO_BASE_URL: "https://beispiel.planso.de" });
    try {
      const reply = await rest(app.url, "DELETE", `/orders/${ids[5]}`);
      expect(reply.status).toBe(403);
      expect(reply.body.message).toStartWith("Writes to PlanSo are disabled: PLANSO_WRITES_ENABLED is auto (on only for a simulator on loopback).");
    } finally {
      await app.stop();
    }
  });
});
