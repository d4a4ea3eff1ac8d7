/**
 * orders.create end to end: PlanSo (the simulator) first, then the mirror, over REST
 * and tRPC, with idempotency keys.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";

import { idempotencyKeys } from "../../src/db/schema.ts";
import { MAKES } from "../../src/simulator/seed/vehicles.ts";
import { trpcClient, trpcReply } from "../support/api-client.ts";
import { expectMirrorEqualsSimulator, storedOrder } from "../sync/support/simulated.ts";
import { changeRows, rest, startWriteHarness, type WriteHarness } from "./support/harness.ts";

let h: WriteHarness;

beforeAll(async () => {
  h = await startWriteHarness();
});

afterAll(async () => {
  await h.stop();
});

const make = MAKES[0]!;
const model = make.models[0]!;

/** A full reference body with German dates, umlauts and the text checkboxes. */
const fullBody = {
  vehicle_details: {
    number_plate: "HH-ÖK 2024",
    vin: "WVWZZZ1KZ8W123456",
    makeID: make.id,
    modelID: model.id,
    first_registration: "12.04.2018",
    kba: "0603/ABC",
    hu_au: "09/2026",
    engine: "1.5 TSI",
    engine_size: 1498,
    curb_weight: "1310",
    gross_weight: "1820",
    engine_power: "110 kW",
    last_registration: "2021-06-01",
    km_stand: 84210,
    engine_code: "DADA",
    all_details: { source: "reference client" },
  },
  person: "Jürgen Weiß-Öztürk",
  phone: "+49 170 1234567",
  email: "jürgen@müller.de",
  customer_category: 3,
  damage: "KL 2-3",
  repair_date: "03.04.2024",
  shop_date: "2024-04-08",
  est_hours_karo: 7.5,
  est_hours_lack: 4.5,
  appointment_date: "02.04.2024 09:30",
  service_advisor: "Frau Jansen",
  pickup_service: "kommt",
  remarks: "Kunde wartet & ruft an",
  parts_delivery_date: "05.04.2024",
  paint_date: "10.04.2024",
  shop_back_date: "",
  repair_date_time_from: "2024-04-08T07:30",
  repair_date_time_to: "2024-04-12T16:00:00+02:00",
  estimate_date: "02.04.2024",
  return_date_time: null,
  damage_description: "Parkrempler vorne links",
  workshop_distribution: "Karo 2 Tage",
  parts_needed: "Stoßfänger, Scheinwerfer",
  rental_car_type: "Kompakt",
  rental_car_motor: "Benzin",
  rental_car_transmission: "Automatik",
  rental_car_navi: "1",
  rental_car_bluetooth: true,
  rental_car_hitch: "0",
  rental_car_isofix: false,
  rental_car_deductible: 500,
  external_calculation: "DAT",
  external_calculation_done: true,
  express_link: "https://beispiel.de/express/4711",
  insurance_adjuster: "Herr Brandt, Allianz",
  activate_invoice: false,
  deductible: 300,
  pickup_location: "Hafenstraße 12, 20359 Hamburg",
  distance: 12.5,
  pickup_company: "Abschleppdienst Nord",
  address_notes: "Hinterhof, 2. Einfahrt",
};

describe("orders.create", () => {
  test("creates in PlanSo and the mirror", async () => {
    const before = h.sim.simulator.control.orderIds();
    const reply = await rest(h.url, "POST", "/orders", fullBody);
    expect(reply.status).toBe(201);
    const id = reply.body.order_id as string;
    expect(before).not.toContain(id);
    expect(reply.body.success).toBe(true);
    expect(reply.body.message).toBe(`Order ${id} created in PlanSo and stored in the mirror`);
    expect(reply.headers.get("etag")).toBe('"1"');

    const truth = h.sim.simulator.control.truthOrder(id, { withParts: true });
    expect(truth.plate).toBe("HH-ÖK 2024");
    expect(truth.person).toBe("Jürgen Weiß-Öztürk");
    expect(truth.email).toBe("jürgen@müller.de");
    expect(truth.repair_date).toBe("2024-04-03");
    expect(truth.shop_date).toBe("2024-04-08");
    expect(truth.est_hours_karo).toBe(7.5);
    expect(truth.customer_category).toBe(3);
    expect(truth.vehicle.make_id).toBe(make.id);
    expect(truth.vehicle.model_id).toBe(model.id);
    expect(truth.vehicle.hu_au).toBe("2026-09");
    expect(truth.vehicle.km_stand).toBe(84210);
    expect(truth.vehicle.engine_size).toBe("1498");
    expect(truth.details.appointment_date).toBe("2024-04-02T09:30:00+02:00");
    expect(truth.details.repair_date_time_from).toBe("2024-04-08T07:30:00+02:00");
    expect(truth.details.repair_date_time_to).toBe("2024-04-12T16:00:00+02:00");
    expect(truth.details.shop_back_date).toBeNull();
    expect(truth.details.return_date_time).toBeNull();
    expect(truth.details.rental_car_navi).toBe(true);
    expect(truth.details.rental_car_bluetooth).toBe(true);
    expect(truth.details.rental_car_hitch).toBe(false);
    expect(truth.details.type_of_date).toBe("0");
    expect(truth.details.deductible).toBe(300);
    expect(truth.details.distance).toBe("12.5");
    expect(truth.details.remarks).toBe("Kunde wartet & ruft an");

    // The mirror contains exactly PlanSo's read-back, and the response is the stored order.
    expect(storedOrder(h.db, id)).toEqual(truth);
    const got = await rest(h.url, "GET", `/orders/${id}`);
    expect(got.status).toBe(200);
    expect(got.body.order).toEqual(reply.body.order);
    expect(got.headers.get("etag")).toBe('"1"');
    expect(reply.body.order.on_board).toBe(true);
    expect(reply.body.order.short_name).toBe("HH-ÖK 2024");
    expect(reply.body.order.station_id).toBe(1);

    const listed = await rest(h.url, "GET", "/orders?plate=hh%20ök%202024");
    expect(listed.body.orders.map((o: { id: string }) => o.id)).toEqual([id]);
    expect(listed.body.orders[0].person).toBe("Jürgen Weiß-Öztürk");

    const logged = changeRows(h.db).filter((row) => row.orderId === Number(id));
    expect(logged.map((row) => [row.kind, row.source, row.runId, row.versionAfter])).toEqual([["created", "api", null, 1]]);
    expectMirrorEqualsSimulator(h.db, h.sim);
  });

  test("stores 03.04.2024 as 3 April", async () => {
    const reply = await rest(h.url, "POST", "/orders", { vehicle_details: { number_plate: "B-DA 304" }, repair_date: "03.04.2024", shop_date: "1.2.2024" });
    expect(reply.status).toBe(201);
    expect(reply.body.order.repair_date).toBe("2024-04-03");
    expect(reply.body.order.shop_date).toBe("2024-02-01");
    expect(reply.body.order.fields["Fahrzeugeingang (Soll)"]).toBe("03.04.2024");
  });

  test("creates over tRPC", async () => {
    const client = trpcClient(h.url);
    const reply = await trpcReply(() => client.orders.create.mutate({ vehicle_details: { number_plate: "M-TR 99" }, person: "Özlem Çelik", est_hours_lack: 2 }));
    expect(reply.status).toBe(200);
    const body = reply.body as { order_id: string; order: { person: string; est_hours_lack: number; version: number } };
    expect(body.order.person).toBe("Özlem Çelik");
    expect(body.order.est_hours_lack).toBe(2);
    expect(h.sim.simulator.control.truthOrder(body.order_id, { withParts: false }).person).toBe("Özlem Çelik");
  });
});

describe("Idempotency-Key", () => {
  const body = { vehicle_details: { number_plate: "K-ID 1" }, person: "Idem Potent", repair_date: "03.04.2024" };

  test("a repeat returns the first response and creates nothing", async () => {
    const writesBefore = h.sim.simulator.control.writes().length;
    const first = await rest(h.url, "POST", "/orders", body, { "Idempotency-Key": "key-1" });
    expect(first.status).toBe(201);
    const orders = h.sim.simulator.control.orderIds().length;

    // The same body with the date spelled differently is the same request.
    const again = await rest(h.url, "POST", "/orders", { ...body, repair_date: "2024-04-03" }, { "Idempotency-Key": "key-1" });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(h.sim.simulator.control.orderIds().length).toBe(orders);
    expect(h.sim.simulator.control.writes().length - writesBefore).toBe(1);
  });

  test("another body with the same key is a 409", async () => {
    const reply = await rest(h.url, "POST", "/orders", { ...body, person: "Someone Else" }, { "Idempotency-Key": "key-1" });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe("CONFLICT");
    expect(reply.body.message).toStartWith('Idempotency-Key "key-1" was used at ');
    expect(reply.body.message).toEndWith("with a different request body; use a new key for a different order. Nothing was written");
  });

  test("expired keys are purged", async () => {
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    h.db.update(idempotencyKeys).set({ createdAt: old }).where(eq(idempotencyKeys.key, "key-1")).run();
    const reply = await rest(h.url, "POST", "/orders", { ...body, person: "Someone Else" }, { "Idempotency-Key": "key-1" });
    expect(reply.status).toBe(201);
    expect(reply.body.order.person).toBe("Someone Else");
    const rows = h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "key-1")).all();
    expect(rows.map((row) => [row.principal, row.status, row.createdAt > old])).toEqual([["local", 201, true]]);
  });

  test("keys are scoped per API key", async () => {
    const keys = "alpha:write:alpha-secret-0123456789,beta:write:beta-secret-0123456789,viewer:read:viewer-secret-0123456789";
    const app = await h.startApp({ API_KEYS: keys });
    try {
      const send = (secret: string) => rest(app.url, "POST", "/orders", { ...body, person: "Scoped" }, { "Idempotency-Key": "shared", authorization: `Bearer ${secret}` });
      const alpha = await send("alpha-secret-0123456789");
      const alphaAgain = await send("alpha-secret-0123456789");
      const beta = await send("beta-secret-0123456789");
      expect([alpha.status, alphaAgain.status, beta.status]).toEqual([201, 201, 201]);
      expect(alphaAgain.body.order_id).toBe(alpha.body.order_id);
      expect(beta.body.order_id).not.toBe(alpha.body.order_id);

      const viewer = await send("viewer-secret-0123456789");
      expect(viewer.status).toBe(403);
      expect(viewer.body).toEqual({ success: false, code: "FORBIDDEN", message: "API key viewer has scope read; this operation needs write" });
    } finally {
      await app.stop();
    }
  });

  test("a malformed key is a 400", async () => {
    const reply = await rest(h.url, "POST", "/orders", body, { "Idempotency-Key": "with space" });
    expect(reply.status).toBe(400);
    expect(reply.body.issues).toEqual([{ path: "Idempotency-Key", message: "must be 1 to 255 visible ASCII characters, e.g. a UUID" }]);
  });
});
