/** orders.delete end to end: gone upstream, tombstoned in the mirror, hidden from lists. */
import { afterAll, beforeAll, expect, test } from "bun:test";

import { changeCount, changeRows, rest, startWriteHarness, type WriteHarness } from "./support/harness.ts";

let h: WriteHarness;
let ids: string[];

beforeAll(async () => {
  h = await startWriteHarness();
  ids = h.sim.simulator.control.orderIds();
});

afterAll(async () => {
  await h.stop();
});

test("delete removes upstream and tombstones", async () => {
  const id = ids[0]!;
  const got = await rest(h.url, "GET", `/orders/${id}`);
  const changesBefore = changeCount(h.db);

  const reply = await rest(h.url, "DELETE", `/orders/${id}`, undefined, { "If-Match": got.headers.get("etag")! });
  expect(reply.status).toBe(200);
  expect(reply.body.message).toBe(`Order ${id} deleted in PlanSo and marked deleted in the mirror`);
  expect(reply.body.order.deleted_at).not.toBeNull();
  expect(reply.body.order.on_board).toBe(false);
  expect(reply.body.order.version).toBe(got.body.order.version + 1);
  // The tombstone keeps the order's data.
  expect(reply.body.order.person).toBe(got.body.order.person);

  expect(h.sim.simulator.control.orderIds()).not.toContain(id);
  expect(() => h.sim.simulator.control.truthOrder(id, { withParts: false })).toThrow();

  const listed = await rest(h.url, "GET", `/orders?plate=${encodeURIComponent(got.body.order.plate)}`);
  expect(listed.body.orders.map((o: { id: string }) => o.id)).not.toContain(id);
  const withDeleted = await rest(h.url, "GET", `/orders?include_deleted=true&plate=${encodeURIComponent(got.body.order.plate)}`);
  expect(withDeleted.body.orders.map((o: { id: string }) => o.id)).toContain(id);
  const single = await rest(h.url, "GET", `/orders/${id}`);
  expect(single.body.order.deleted_at).toBe(reply.body.order.deleted_at);

  const logged = changeRows(h.db).slice(changesBefore);
  expect(logged.map((row) => [row.orderId, row.kind, row.source, row.changedFields])).toEqual([[Number(id), "deleted", "api", ["deleted_at", "on_board"]]]);
});

test("a second delete is a 404 and changes nothing", async () => {
  const id = ids[0]!;
  const changesBefore = changeCount(h.db);
  const reply = await rest(h.url, "DELETE", `/orders/${id}`);
  expect(reply.status).toBe(404);
  expect(reply.body.code).toBe("NOT_FOUND");
  expect(reply.body.message).toBe(`PlanSo: order ${id} not found: Datensatz nicht gefunden`);
  expect(changeCount(h.db)).toBe(changesBefore);
});

test("a sync after the delete keeps the tombstone", async () => {
  const id = ids[0]!;
  const before = (await rest(h.url, "GET", `/orders/${id}`)).body.order;
  const summary = await h.sync.runOnce({ with_parts: true });
  expect(summary.status).toBe("succeeded");
  expect(summary.counts.left_board).toBe(0);
  expect((await rest(h.url, "GET", `/orders/${id}`)).body.order).toEqual(before);
});

test("an order PlanSo has but the mirror never stored", async () => {
  const id = h.sim.simulator.control.createOrder({ Kennzeichen: "HB-NE 77", Fahrername: "Nie Gesehen" });
  const reply = await rest(h.url, "DELETE", `/orders/${id}`);
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({ success: true, message: `Order ${id} deleted in PlanSo; the mirror had never stored it`, order_id: id, order: null });
  expect(h.sim.simulator.control.orderIds()).not.toContain(id);
});

test("update stores an order the mirror did not know", async () => {
  const id = h.sim.simulator.control.createOrder({ Kennzeichen: "HB-NE 78" });
  const reply = await rest(h.url, "PUT", `/orders/${id}`, { person: "Neu Gefunden" });
  expect(reply.status).toBe(200);
  expect([reply.body.order.person, reply.body.order.on_board, reply.body.order.version, reply.body.order.short_name]).toEqual(["Neu Gefunden", true, 1, "HB-NE 78"]);
});
