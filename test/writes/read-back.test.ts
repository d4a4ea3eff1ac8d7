/**
 * PlanSo saved the write but the read-back failed: the caller learns that the save
 * was kept, the mirror stays as it was, and an idempotent repeat creates nothing.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";

import { PlansoError } from "../../src/planso/errors.ts";
import type { PlansoApi } from "../../src/planso/types.ts";
import { changeCount, rest, startWriteHarness, type WriteHarness } from "./support/harness.ts";

let h: WriteHarness;
/** When set, the next order read fails with a timeout. */
let failNextRead = false;

function failing(client: PlansoApi): PlansoApi {
  return {
    ...client,
    async readOrder(id, options) {
      if (failNextRead) {
        failNextRead = false;
        throw new PlansoError("timeout", `visual_forms_plain: no response within 250 ms`, { module: "visual_forms_plain", orderId: id });
      }
      return client.readOrder(id, options);
    },
  };
}

beforeAll(async () => {
  h = await startWriteHarness({ wrapClient: failing });
});

afterAll(async () => {
  await h.stop();
});

test("create read-back failure keeps key", async () => {
  const changes = changeCount(h.db);
  const ordersBefore = h.sim.simulator.control.orderIds();
  failNextRead = true;
  const body = { vehicle_details: { number_plate: "HH-RB 1" }, person: "Rück Lesen" };
  const first = await rest(h.url, "POST", "/orders", body, { "Idempotency-Key": "read-back-1" });
  const created = h.sim.simulator.control.orderIds().filter((id) => !ordersBefore.includes(id));
  expect(created.length).toBe(1);
  expect(first.status).toBe(502);
  expect(first.body).toEqual({
    success: false,
    code: "UPSTREAM_FAILED",
    message: `PlanSo created order ${created[0]}, but reading it back failed (timeout: visual_forms_plain: no response within 250 ms); the mirror stores it with the next sync, so do not repeat the write`,
  });
  expect(changeCount(h.db)).toBe(changes);

  const again = await rest(h.url, "POST", "/orders", body, { "Idempotency-Key": "read-back-1" });
  expect(again.status).toBe(502);
  expect(again.body).toEqual(first.body);
  expect(h.sim.simulator.control.orderIds().length).toBe(ordersBefore.length + 1);

  const summary = await h.sync.runOnce({ with_parts: true });
  expect(summary.counts.added).toBe(1);
  expect((await rest(h.url, "GET", `/orders/${created[0]}`)).body.order.person).toBe("Rück Lesen");
});

test("update read-back failure leaves mirror", async () => {
  const id = h.sim.simulator.control.orderIds()[0]!;
  const before = (await rest(h.url, "GET", `/orders/${id}`)).body.order;
  // The update's own reads happen in the client; the executor's read-back is the next readOrder.
  failNextRead = true;
  const reply = await rest(h.url, "PUT", `/orders/${id}`, { remarks: "gespeichert, nicht gespiegelt" });
  expect(reply.status).toBe(502);
  expect(reply.body.message).toStartWith(`PlanSo updated order ${id}, but reading it back failed (timeout: `);
  expect(h.sim.simulator.control.truthOrder(id, { withParts: false }).details.remarks).toBe("gespeichert, nicht gespiegelt");
  expect((await rest(h.url, "GET", `/orders/${id}`)).body.order).toEqual(before);
});
