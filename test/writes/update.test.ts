/**
 * orders.update end to end: only the given fields reach PlanSo, null clears, and the
 * If-Match / expected_version precondition guards against changes in the mirror and
 * in PlanSo.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";

import type { UpstreamOrder } from "../../src/planso/types.ts";
import { trpcClient, trpcReply } from "../support/api-client.ts";
import { expectMirrorEqualsSimulator, storedOrder } from "../sync/support/simulated.ts";
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

const truth = (id: string) => h.sim.simulator.control.truthOrder(id, { withParts: true });

/** Dotted paths whose values differ between two reads of an order (`details.remarks`, `fields.Telefon`). */
function differences(before: UpstreamOrder, after: UpstreamOrder): string[] {
  const out: string[] = [];
  for (const key of Object.keys(after) as Array<keyof UpstreamOrder>) {
    const a = before[key];
    const b = after[key];
    if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && key !== "parts") {
      for (const inner of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify((a as Record<string, unknown>)[inner]) !== JSON.stringify((b as Record<string, unknown>)[inner])) out.push(`${key}.${inner}`);
      }
    } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(key);
  }
  return out.sort();
}

describe("orders.update", () => {
  test("changes only the given fields; null clears", async () => {
    const id = ids[0]!;
    const before = truth(id);
    expect(before.phone).not.toBeNull();
    const stored = await rest(h.url, "GET", `/orders/${id}`);
    const changesBefore = changeCount(h.db);

    const reply = await rest(h.url, "PUT", `/orders/${id}`, { person: "Hans Müller", phone: null, remarks: "Kunde ruft zurück", est_hours_karo: 3.25 });
    expect(reply.status).toBe(200);
    expect(reply.body.message).toBe(`Order ${id} updated in PlanSo and in the mirror`);
    expect(reply.body.order.version).toBe(stored.body.order.version + 1);
    expect(reply.headers.get("etag")).toBe(`"${stored.body.order.version + 1}"`);

    const after = truth(id);
    expect(differences(before, after)).toEqual([
      "details.remarks",
      "est_hours_karo",
      "fields.Bemerkungen",
      "fields.Fahrername",
      "fields.Sollstunden Karo",
      "fields.Telefon",
      "person",
      "phone",
    ]);
    expect([after.person, after.phone, after.details.remarks, after.est_hours_karo]).toEqual(["Hans Müller", null, "Kunde ruft zurück", 3.25]);
    expect(after.fields.Telefon).toBe("");

    const saves = h.sim.simulator.control.writes().filter((write) => write.params.dataID === id);
    expect(saves.at(-1)!.fields).toEqual({ Fahrername: "Hans Müller", Telefon: "", Bemerkungen: "Kunde ruft zurück", "Sollstunden Karo": "3,25" });

    expect(storedOrder(h.db, id)).toEqual(after);
    const logged = changeRows(h.db).slice(changesBefore);
    expect(logged.map((row) => [row.orderId, row.kind, row.source, row.changedFields])).toEqual([
      [Number(id), "updated", "api", ["details.remarks", "est_hours_karo", "fields", "person", "phone"]],
    ]);
    expectMirrorEqualsSimulator(h.db, h.sim);
  });

  test("an unchanged save writes no change row", async () => {
    const id = ids[0]!;
    const changesBefore = changeCount(h.db);
    const reply = await rest(h.url, "PUT", `/orders/${id}`, { person: "Hans Müller" });
    expect(reply.status).toBe(200);
    expect(reply.body.message).toBe(`Order ${id} saved in PlanSo; the stored order did not change`);
    expect(changeCount(h.db)).toBe(changesBefore);
  });

  test("vehicle fields and the plate change", async () => {
    const id = ids[1]!;
    const reply = await rest(h.url, "PUT", `/orders/${id}`, { vehicle_details: { number_plate: "D-XY 1234", km_stand: 120500, vin: null } });
    expect(reply.status).toBe(200);
    expect([reply.body.order.plate, reply.body.order.vehicle.km_stand, reply.body.order.vehicle.vin]).toEqual(["D-XY 1234", 120500, null]);
    expect(storedOrder(h.db, id)).toEqual(truth(id));
  });

  test("a body order_id equal to the path is accepted", async () => {
    const id = ids[2]!;
    const reply = await rest(h.url, "PUT", `/orders/${id}`, { order_id: id, damage: "KL 3" });
    expect(reply.status).toBe(200);
    expect(truth(id).damage).toBe("KL 3");
  });

  test("updates over tRPC", async () => {
    const id = ids[3]!;
    const client = trpcClient(h.url);
    const reply = await trpcReply(() => client.orders.update.mutate({ order_id: id, person: "Ärzte-Team Süd" }));
    expect(reply.status).toBe(200);
    expect((reply.body as { order: { person: string } }).order.person).toBe("Ärzte-Team Süd");
  });

  test("an unknown order is a 404", async () => {
    const reply = await rest(h.url, "PUT", "/orders/999999", { person: "Niemand" });
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe("NOT_FOUND");
    expect(reply.body.message).toBe("PlanSo: order 999999 not found: PlanSo returned an empty form");
  });
});

describe("If-Match and expected_version", () => {
  test("the current ETag lets the write through", async () => {
    const id = ids[4]!;
    const got = await rest(h.url, "GET", `/orders/${id}`);
    const etag = got.headers.get("etag")!;
    const reply = await rest(h.url, "PUT", `/orders/${id}`, { remarks: "mit ETag" }, { "If-Match": etag });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("etag")).toBe(`"${got.body.order.version + 1}"`);

    const weak = await rest(h.url, "PUT", `/orders/${id}`, { remarks: "mit schwachem ETag" }, { "If-Match": `W/"${got.body.order.version + 1}"` });
    expect(weak.status).toBe(200);
  });

  test("a stale version is a 412 and writes nothing", async () => {
    const id = ids[5]!;
    const got = await rest(h.url, "GET", `/orders/${id}`);
    const version = got.body.order.version as number;
    await rest(h.url, "PUT", `/orders/${id}`, { remarks: "erste Änderung" });
    const writes = h.sim.simulator.control.writes().length;
    const changes = changeCount(h.db);

    const viaHeader = await rest(h.url, "PUT", `/orders/${id}`, { remarks: "veraltet" }, { "If-Match": `"${version}"` });
    expect(viaHeader.status).toBe(412);
    expect(viaHeader.body).toEqual({
      success: false,
      code: "PRECONDITION_FAILED",
      message: `Order ${id} is at version ${version + 1}, not ${version}; read it again and retry with the new version. Nothing was written`,
    });
    const viaBody = await rest(h.url, "PUT", `/orders/${id}`, { remarks: "veraltet", expected_version: version });
    expect(viaBody.status).toBe(412);
    const viaDelete = await rest(h.url, "DELETE", `/orders/${id}?expected_version=${version}`);
    expect(viaDelete.status).toBe(412);

    expect(h.sim.simulator.control.writes().length).toBe(writes);
    expect(changeCount(h.db)).toBe(changes);
    expect(truth(id).details.remarks).toBe("erste Änderung");
  });

  test("a change in PlanSo since the version is a 412", async () => {
    const id = ids[6]!;
    const got = await rest(h.url, "GET", `/orders/${id}`);
    h.sim.simulator.control.editOrder(id, { Bemerkungen: "in PlanSo geändert", Fahrername: "Jörg Groß" });
    const writes = h.sim.simulator.control.writes().length;

    const reply = await rest(h.url, "PUT", `/orders/${id}`, { remarks: "über die API" }, { "If-Match": got.headers.get("etag")! });
    expect(reply.status).toBe(412);
    expect(reply.body.message).toBe(
      `Order ${id} changed in PlanSo since version ${got.body.order.version} (form fields: Bemerkungen, Fahrername); start a sync or wait for the next one, read the order again and retry. Nothing was written`,
    );
    expect(h.sim.simulator.control.writes().length).toBe(writes);
    expect(truth(id).details.remarks).toBe("in PlanSo geändert");
    expect((await rest(h.url, "GET", `/orders/${id}`)).body.order.version).toBe(got.body.order.version);

    // Without a precondition the last write wins.
    const plain = await rest(h.url, "PUT", `/orders/${id}`, { remarks: "über die API" });
    expect(plain.status).toBe(200);
    expect(plain.body.order.person).toBe("Jörg Groß");
  });

  test("If-Match: * needs the order in the mirror", async () => {
    const ok = await rest(h.url, "PUT", `/orders/${ids[7]}`, { remarks: "Stern" }, { "If-Match": "*" });
    expect(ok.status).toBe(200);
    const missing = await rest(h.url, "PUT", "/orders/999999", { remarks: "Stern" }, { "If-Match": "*" });
    expect(missing.status).toBe(412);
    expect(missing.body.message).toBe("Order 999999 is not in the mirror, so If-Match: * does not hold; nothing was written");
  });

  test("If-Match and expected_version must agree", async () => {
    const reply = await rest(h.url, "PUT", `/orders/${ids[7]}`, { remarks: "x", expected_version: 2 }, { "If-Match": '"3"' });
    expect(reply.status).toBe(400);
    expect(reply.body.issues).toEqual([{ path: "expected_version", message: "differs from If-Match (3)" }]);
  });

  test("a malformed If-Match is a 400", async () => {
    const reply = await rest(h.url, "PUT", `/orders/${ids[7]}`, { remarks: "x" }, { "If-Match": "version-3" });
    expect(reply.status).toBe(400);
    expect(reply.body.issues).toEqual([{ path: "If-Match", message: 'must be an entity tag from ETag, such as "3"' }]);
  });
});
