/**
 * Request validation of writes: every invalid field is a 400 that names it, over REST
 * and tRPC, and nothing reaches PlanSo.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";

import { trpcClient, trpcReply } from "../support/api-client.ts";
import { rest, startWriteHarness, type WriteHarness } from "./support/harness.ts";

let h: WriteHarness;
let id: string;
let writesBefore: number;

beforeAll(async () => {
  h = await startWriteHarness();
  id = h.sim.simulator.control.orderIds()[0]!;
  writesBefore = h.sim.simulator.control.writes().length;
});

afterAll(async () => {
  // No rejected request reached PlanSo.
  expect(h.sim.simulator.control.writes().length).toBe(writesBefore);
  await h.stop();
});

const plate = { number_plate: "HH-AB 1234" };

/** Creates with `fields` added to a valid body and returns the 400's issues. */
async function createIssues(fields: Record<string, unknown>, vehicle: Record<string, unknown> = {}) {
  const reply = await rest(h.url, "POST", "/orders", { vehicle_details: { ...plate, ...vehicle }, ...fields });
  expect(reply.status).toBe(400);
  expect(reply.body.code).toBe("BAD_REQUEST");
  return reply.body.issues as Array<{ path: string; message: string }>;
}

describe("dates", () => {
  test("31.02.2024 is not a calendar day", async () => {
    expect(await createIssues({ repair_date: "31.02.2024" })).toEqual([
      {
        path: "repair_date",
        message: 'invalid date "31.02.2024": no such calendar day, expected YYYY-MM-DD or DD.MM.YYYY (day.month.year), e.g. 2026-03-16 or 16.03.2026',
      },
    ]);
  });

  test("other date mistakes name their field", async () => {
    const issues = await createIssues(
      { shop_date: "2024-13-01", paint_date: "03/04/2024", appointment_date: "30.02.2024 10:00", repair_date_time_from: "08.04.2024 25:00" },
      { first_registration: "12.04.18", hu_au: "13/2026" },
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      "appointment_date",
      "paint_date",
      "repair_date_time_from",
      "shop_date",
      "vehicle_details.first_registration",
      "vehicle_details.hu_au",
    ]);
    expect(issues.find((issue) => issue.path === "vehicle_details.hu_au")!.message).toBe('invalid month "13/2026": expected MM/YYYY or YYYY-MM, e.g. 09/2026');
  });
});

describe("numbers, e-mail, plate, checkboxes", () => {
  test("text in a number field", async () => {
    expect(await createIssues({ est_hours_karo: "4,5" })).toEqual([{ path: "est_hours_karo", message: "must be a number (JSON number, not text)" }]);
    expect(await createIssues({}, { km_stand: "84210" })).toEqual([{ path: "vehicle_details.km_stand", message: "must be a number (JSON number, not text)" }]);
    expect(await createIssues({ customer_category: 2.5 })).toEqual([{ path: "customer_category", message: "Invalid input: expected int, received number" }]);
  });

  test("a negative number", async () => {
    const issues = await createIssues({ deductible: -1 });
    expect(issues.map((issue) => issue.path)).toEqual(["deductible"]);
  });

  test("a malformed e-mail", async () => {
    for (const email of ["hans.mueller", "hans@beispiel", "hans mueller@beispiel.de", "@beispiel.de"]) {
      expect(await createIssues({ email })).toEqual([{ path: "email", message: "must be an e-mail address such as hans.mueller@beispiel.de" }]);
    }
  });

  test("a missing, empty or implausible plate", async () => {
    const missing = await rest(h.url, "POST", "/orders", { person: "Ohne Kennzeichen" });
    expect(missing.status).toBe(400);
    expect(missing.body.issues).toEqual([{ path: "vehicle_details", message: "Invalid input: expected object, received undefined" }]);
    expect(await createIssues({}, { number_plate: "  " })).toEqual([
      { path: "vehicle_details.number_plate", message: "must not be empty: PlanSo requires a licence plate" },
    ]);
    for (const number_plate of ["HH-AB", "!!", "HH-AB 1234 XYZ 99"]) {
      const issues = await createIssues({}, { number_plate });
      expect(issues.map((issue) => issue.path)).toEqual(["vehicle_details.number_plate"]);
    }
  });

  test("checkbox values", async () => {
    expect(await createIssues({ rental_car_navi: "ja" })).toEqual([{ path: "rental_car_navi", message: 'must be true, false, "1" or "0"' }]);
    expect(await createIssues({ activate_invoice: "1" })).toEqual([{ path: "activate_invoice", message: "must be true or false" }]);
  });

  test("an unknown field", async () => {
    expect(await createIssues({ colour: "rot" })).toEqual([{ path: "colour", message: "unknown field" }]);
  });

  test("the plate cannot be cleared", async () => {
    const reply = await rest(h.url, "PUT", `/orders/${id}`, { vehicle_details: { number_plate: null } });
    expect(reply.status).toBe(400);
    expect(reply.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["vehicle_details.number_plate"]);
  });
});

describe("order_id", () => {
  test("a body order_id other than the path", async () => {
    const reply = await rest(h.url, "PUT", `/orders/${id}`, { order_id: "10002", person: "Falsch" });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      success: false,
      code: "BAD_REQUEST",
      message: `Invalid input: order_id "10002" in the body differs from the order id in the path (${id})`,
      issues: [{ path: "order_id", message: `differs from the order id in the path (${id})` }],
    });
  });

  test("a path that is not an order id", async () => {
    const reply = await rest(h.url, "PUT", "/orders/abc", { person: "x" });
    expect(reply.status).toBe(400);
    expect(reply.body.issues).toEqual([{ path: "order_id", message: "must be a PlanSo order id: digits, no leading zero" }]);
  });

  test("expected_version must be a whole number", async () => {
    const query = await rest(h.url, "DELETE", `/orders/${id}?expected_version=drei`);
    expect(query.status).toBe(400);
    expect(query.body.issues.map((issue: { path: string }) => issue.path)).toEqual(["expected_version"]);
    // In a JSON body it must be a JSON number, also after a query string was converted.
    const body = await rest(h.url, "PUT", `/orders/${id}`, { expected_version: "1", remarks: "x" });
    expect(body.status).toBe(400);
    expect(body.body.issues).toEqual([{ path: "expected_version", message: "must be a whole number (the order's version)" }]);
  });
});

describe("over tRPC", () => {
  test("a bad date is a BAD_REQUEST naming the field", async () => {
    const client = trpcClient(h.url);
    const reply = await trpcReply(() => client.orders.create.mutate({ vehicle_details: plate, repair_date: "31.02.2024" }));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: "BAD_REQUEST", message: "Invalid input: repair_date" });
    expect((reply.body as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path)).toEqual(["repair_date"]);
  });

  test("text in a number field", async () => {
    const client = trpcClient(h.url);
    const reply = await trpcReply(() => client.orders.update.mutate({ order_id: id, est_hours_lack: "4,5" as unknown as number }));
    expect(reply.status).toBe(400);
    expect((reply.body as { issues: unknown[] }).issues).toEqual([{ path: "est_hours_lack", message: "must be a number (JSON number, not text)" }]);
  });
});

describe("OpenAPI document", () => {
  test("documents write routes and headers", async () => {
    const doc = (await (await fetch(`${h.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; responses: Record<string, unknown> }>>;
    };
    const create = doc.paths["/orders"]!.post!;
    const update = doc.paths["/orders/{order_id}"]!.put!;
    const remove = doc.paths["/orders/{order_id}"]!.delete!;
    expect(Object.keys(create.responses)).toEqual(["201", "400", "401", "403", "409", "429", "502", "503", "504"]);
    expect(Object.keys(update.responses)).toEqual(["200", "400", "401", "403", "404", "412", "429", "502", "503", "504"]);
    expect(create.parameters!.map((p) => [p.in, p.name])).toEqual([["header", "Idempotency-Key"]]);
    expect(update.parameters!.map((p) => [p.in, p.name])).toEqual([["header", "If-Match"], ["path", "order_id"]]);
    expect(remove.parameters!.map((p) => [p.in, p.name])).toEqual([["header", "If-Match"], ["path", "order_id"], ["query", "expected_version"]]);
  });
});
