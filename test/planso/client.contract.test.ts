/**
 * The PlanSo client against the simulator over real HTTP on loopback. Every parsed
 * order equals the simulator's ground truth under each quirk switch, and the session,
 * retry and write paths follow the protocol.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";

import { createLogger, silentLogger } from "../../src/log.ts";
import { createPlansoClient, type PlansoClient, type PlansoClientOptions } from "../../src/planso/client.ts";
import { PlansoError } from "../../src/planso/errors.ts";
import { DEFAULT_LABEL_RULES, type LabelRule } from "../../src/planso/labels.ts";
import type { BoardItem, UpstreamOrder } from "../../src/planso/types.ts";
import { DEFAULT_QUIRKS, startSimulator, type Quirks, type RunningSimulator, type SimulatorControl } from "../../src/simulator/index.ts";

const USERNAME = "werkstatt";
const PASSWORD = "contract-test-Passwort-1";

function makeClient(sim: RunningSimulator, overrides: Partial<PlansoClientOptions> = {}) {
  const waits: number[] = [];
  const client = createPlansoClient({
    baseUrl: sim.url,
    username: USERNAME,
    password: PASSWORD,
    formTableId: "12565",
    labelRules: DEFAULT_LABEL_RULES.map((rule) => ({ ...rule })),
    concurrency: 4,
    maxRequestsPerSecond: 1000,
    timeoutMs: 5000,
    maxRetries: 3,
    retryBaseMs: 5,
    retryMaxMs: 20,
    writesEnabled: true,
    log: silentLogger,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
  return { client, waits };
}

async function failure(promise: Promise<unknown>): Promise<PlansoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlansoError) return error;
    throw error;
  }
  throw new Error("expected a PlansoError");
}

/** Reads every board order with parts and compares it with the simulator's truth. */
async function expectBoardMatchesTruth(client: PlansoClient, control: SimulatorControl): Promise<UpstreamOrder[]> {
  const board = await client.readBoard();
  expect(board).toEqual(control.truthBoard());
  const orders = await Promise.all(board.map((item) => client.readOrder(item.id, { withParts: true, withExtended: false, board: item })));
  for (const order of orders) {
    expect(order).toEqual(control.truthOrder(order.id, { withParts: true }));
  }
  return orders;
}

describe("client against 300 simulated orders", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ orders: 300, archived: 20, users: [{ username: USERNAME, password: PASSWORD }], logger: silentLogger });
  });
  afterAll(async () => {
    await sim.stop();
  });

  test("every order equals the ground truth", async () => {
    const { client } = makeClient(sim);
    const orders = await expectBoardMatchesTruth(client, sim.simulator.control);
    expect(orders).toHaveLength(300);
    expect(orders.filter((order) => order.parts !== null && order.parts.length > 0).length).toBeGreaterThan(150);
    expect(client.session().logins).toBe(1);
  });

  test("orders without board entry get null board fields", async () => {
    const { client } = makeClient(sim);
    const [id] = sim.simulator.control.orderIds();
    const order = await client.readOrder(id!, { withParts: false, withExtended: false });
    const truth = sim.simulator.control.truthOrder(id!, { withParts: false });
    expect(order.parts).toBeNull();
    expect(order.parts_totals).toBeNull();
    expect(order.parts_status).toBe(truth.parts_status);
    expect(order.missing_parts).toBe(truth.missing_parts);
    expect(order.station_id).toBeNull();
    expect(order.plate).toBe(truth.plate);
  });

  test("employees match the simulator", async () => {
    const { client } = makeClient(sim);
    const [id] = sim.simulator.control.orderIds();
    expect(await client.readEmployees(id!)).toEqual(sim.simulator.control.employees());
  });

  test("extended tabs are read and parsed", async () => {
    const { client } = makeClient(sim);
    const board = await client.readBoard();
    const item = board.find((entry) => sim.simulator.control.truthOrder(entry.id, { withParts: false }).shop_date !== null)!;
    const order = await client.readOrder(item.id, { withParts: false, withExtended: true, board: item });
    expect(order.failed_sections).toBeUndefined();
    expect(Object.keys(order.extended ?? {}).sort()).toEqual([
      "damagedareas",
      "details",
      "dist_html",
      "invoice",
      "planung",
      "projects",
      "rental_car",
      "rental_car_data",
      "setting",
      "shop_view",
      "stamped_timings",
      "stats",
      "todo_list",
      "work",
      "zusammenfassung",
    ]);
    const damaged = order.extended?.damagedareas as { items?: string[] };
    expect(damaged.items?.length).toBeGreaterThan(0);
  });
});

describe("client with quirk switches", () => {
  let sim: RunningSimulator;
  const control = () => sim.simulator.control;
  const setQuirks = (quirks: Partial<Quirks>) => control().configure({ quirks: { ...DEFAULT_QUIRKS, renamedLabels: {}, ...quirks } });

  beforeAll(async () => {
    sim = await startSimulator({ orders: 60, archived: 5, seed: 11, users: [{ username: USERNAME, password: PASSWORD }], logger: silentLogger });
  });
  afterAll(async () => {
    await sim.stop();
  });

  const cases: Array<[string, Partial<Quirks>]> = [
    ["entities off", { entityEscapedValues: false }],
    ["double escaped values", { doubleEscapedValues: 0.5 }],
    ["mojibake kept as sent", { mojibake: 0.5 }],
    ["Array in every date cell", { arrayInDateCells: 1 }],
    ["no NBSP in cells", { nbspInCells: false }],
    ["ISO dates mixed in", { isoDatesMixedIn: 0.5 }],
    ["datetimes without seconds", { datetimeWithoutSeconds: 1 }],
    ["zero dates", { zeroDates: 1 }],
    ["secondary labels", { labelVariant: "secondary" }],
    ["duplicate label", { duplicateLabel: true }],
    ["hidden input first", { hiddenInputFirst: true }],
    ["extra header row", { extraHeaderRow: true }],
    ["board as array", { boardAsArray: true }],
    ["JSON as text/html", { jsonAsTextHtml: true }],
    ["integer ids", { stringIds: false }],
    ["no execution_time", { executionTimeKey: false }],
    ["unknown station states", { unknownStationState: 0.5 }],
    ["parts status drift", { partsStatusDrift: true }],
    ["inconsistent part flags", { inconsistentPartFlags: 1 }],
    ["duplicate parts", { duplicateParts: true }],
    ["duplicate open orders", { duplicateOpenOrders: true }],
    ["XHR header required", { requireXhrHeader: true }],
    ["login redirect", { loginRedirect: true }],
    ["session rotated on login", { rotateSessionOnLogin: true }],
    ["session lock", { sessionLock: true }],
    ["sessions expire after 25 requests", { expireAfterRequests: 25 }],
  ];
  for (const [name, quirks] of cases) {
    test(`${name}: orders equal the truth`, async () => {
      setQuirks(quirks);
      const { client } = makeClient(sim);
      await expectBoardMatchesTruth(client, control());
    });
  }

  test("renamed label with a matching override", async () => {
    setQuirks({ renamedLabels: { "Sollstunden Lack": "Soll Lack", Kennzeichen: "Amtl. Kennzeichen" } });
    const labelRules: LabelRule[] = DEFAULT_LABEL_RULES.map((rule) => {
      if (rule.field === "est_hours_lack") return { ...rule, labels: ["Soll Lack"] };
      if (rule.field === "plate") return { ...rule, labels: ["Amtl. Kennzeichen"] };
      return { ...rule };
    });
    const { client } = makeClient(sim, { labelRules });
    const orders = await expectBoardMatchesTruth(client, control());
    expect(orders.filter((order) => order.est_hours_lack !== null).length).toBeGreaterThan(0);
    expect(orders.every((order) => order.fields["Soll Lack"] !== undefined)).toBe(true);
  });

  test("parts follow-ups fill expected delivery dates", async () => {
    setQuirks({ partsFollowUps: true });
    const { client } = makeClient(sim);
    const orders = await expectBoardMatchesTruth(client, control());
    const withEta = orders.flatMap((order) => order.parts ?? []).filter((part) => part.eta_date !== null);
    expect(withEta.length).toBeGreaterThan(0);
    expect(withEta.every((part) => part.is_backorder)).toBe(true);
  });

  test("expiry as redirect is renewed transparently", async () => {
    setQuirks({ expiryAsRedirect: true });
    const { client } = makeClient(sim);
    const board = await client.readBoard();
    control().expireSessions();
    const item = board[0]!;
    const order = await client.readOrder(item.id, { withParts: true, withExtended: false, board: item });
    expect(order).toEqual(control().truthOrder(item.id, { withParts: true }));
    expect(client.session()).toMatchObject({ logins: 2, expiries: 1 });
  });
});

describe("client session and failures", () => {
  let sim: RunningSimulator;
  const control = () => sim.simulator.control;
  let board: BoardItem[];

  beforeAll(async () => {
    sim = await startSimulator({ orders: 20, archived: 2, seed: 3, users: [{ username: USERNAME, password: PASSWORD }], logger: silentLogger });
    board = await makeClient(sim).client.readBoard();
  });
  afterAll(async () => {
    await sim.stop();
  });

  test("expired session between calls is renewed", async () => {
    const { client } = makeClient(sim);
    await client.readBoard();
    expect(control().expireSessions()).toBeGreaterThan(0);
    control().resetCounters();
    expect(await client.readBoard()).toEqual(control().truthBoard());
    expect(client.session()).toMatchObject({ logged_in: true, logins: 2, expiries: 1 });
    expect(control().counters()).toMatchObject({ logins: 1, expiries: 1 });
  });

  test("bad credentials fail fast with one attempt", async () => {
    const lines: string[] = [];
    const { client } = makeClient(sim, { password: "wrong-password-42", log: createLogger({ level: "debug", write: (line) => lines.push(line) }) });
    control().resetCounters();
    const error = await failure(client.readBoard());
    expect(error.kind).toBe("login_failed");
    expect(error.message).toBe(
      `PlanSo login failed for user "${USERNAME}" at ${sim.url}: the login form was shown again. Check PLANSO_USERNAME and PLANSO_PASSWORD.`,
    );
    expect(control().counters()).toMatchObject({ logins: 0, failedLogins: 1 });
    expect(control().counters().requests["resourceplanner_get_project_stations"]).toBeUndefined();
    expect(lines.join("\n")).not.toContain("wrong-password-42");
  });

  test("429 waits out Retry-After", async () => {
    control().configure({ errors: { retryAfterS: 2 } });
    control().queueFaults({ module: "resourceplanner_get_project_stations", kind: "429" });
    const { client, waits } = makeClient(sim);
    expect(await client.readBoard()).toHaveLength(board.length);
    expect(waits).toEqual([2000]);
  });

  test("500 is retried", async () => {
    control().queueFaults({ module: "resourceplanner_get_project_stations", kind: "500", count: 2 });
    const { client, waits } = makeClient(sim);
    await client.login();
    control().resetCounters();
    expect(await client.readBoard()).toHaveLength(board.length);
    expect(waits).toHaveLength(2);
    expect(control().counters().requests["resourceplanner_get_project_stations"]).toEqual({ POST: { "500": 2, "200": 1 } });
  });

  test("500 beyond the budget is upstream_error", async () => {
    control().queueFaults({ module: "resourceplanner_get_project_stations", kind: "502", count: 3 });
    const { client } = makeClient(sim, { maxRetries: 2 });
    const error = await failure(client.readBoard());
    expect(error.kind).toBe("upstream_error");
    expect(error.details.status).toBe(502);
  });

  test("timeout is retried", async () => {
    control().configure({ errors: { timeoutMs: 600 } });
    control().queueFaults({ module: "visual_forms_plain", kind: "timeout" });
    const { client, waits } = makeClient(sim, { timeoutMs: 250 });
    const item = board[0]!;
    const order = await client.readOrder(item.id, { withParts: false, withExtended: false, board: item });
    expect(order).toEqual(control().truthOrder(item.id, { withParts: false }));
    expect(waits).toHaveLength(1);
    // The simulator counts the held request when it closes the connection, after 600 ms.
    const timedOut = () => control().counters().requests["visual_forms_plain"]?.POST?.["timeout"] ?? 0;
    for (let i = 0; i < 40 && timedOut() === 0; i++) await Bun.sleep(25);
    expect(timedOut()).toBe(1);
  });

  test("login page fault on a call is a transparent re-login", async () => {
    const { client } = makeClient(sim);
    await client.login();
    control().queueFaults({ module: "resourceplanner_get_project_stations", kind: "loginPage" });
    expect(await client.readBoard()).toHaveLength(board.length);
    expect(client.session().logins).toBe(2);
  });

  test("empty form for a board order is parse_error", async () => {
    control().queueFaults({ module: "visual_forms_plain", kind: "emptyContent" });
    const { client } = makeClient(sim);
    const item = board[0]!;
    const error = await failure(client.readOrder(item.id, { withParts: false, withExtended: false, board: item }));
    expect(error.kind).toBe("parse_error");
    expect(error.details.orderId).toBe(item.id);
  });

  test("unknown id is not_found", async () => {
    const { client } = makeClient(sim);
    expect((await failure(client.readOrder("99999", { withParts: true, withExtended: false }))).kind).toBe("not_found");
    control().configure({ quirks: { emptyFormForUnknownId: false } });
    try {
      const error = await failure(client.readOrder("99999", { withParts: false, withExtended: false }));
      expect(error.kind).toBe("not_found");
      expect(error.details.status).toBe(404);
    } finally {
      control().configure({ quirks: { emptyFormForUnknownId: true } });
    }
  });

  test("failed parts tab keeps the form and records the failure", async () => {
    control().queueFaults({ module: "resourceplanner_shop_view_get_parts", kind: "500", count: 4 });
    const { client } = makeClient(sim);
    const item = board[0]!;
    const order = await client.readOrder(item.id, { withParts: true, withExtended: false, board: item });
    expect(order.parts).toBeNull();
    expect(order.failed_sections).toEqual([
      { section: "parts", kind: "upstream_error", message: "resourceplanner_shop_view_get_parts: PlanSo failed with HTTP 500" },
    ]);
    const { failed_sections: _, ...rest } = order;
    expect(rest).toEqual(control().truthOrder(item.id, { withParts: false }));
  });

  test("failed parts follow-up leaves eta dates empty", async () => {
    control().configure({ quirks: { partsFollowUps: true } });
    try {
      const { client } = makeClient(sim, { maxRetries: 0 });
      const item = board.find((entry) => (control().truthOrder(entry.id, { withParts: true }).parts ?? []).some((part) => part.eta_date !== null))!;
      control().queueFaults({ module: "resourceplanner_shop_view_parts_availability", kind: "500" });
      const order = await client.readOrder(item.id, { withParts: true, withExtended: false, board: item });
      expect(order.parts?.every((part) => part.eta_date === null)).toBe(true);
      expect(order.failed_sections?.map((failed) => [failed.section, failed.kind])).toEqual([["parts.follow_up", "upstream_error"]]);
    } finally {
      control().configure({ quirks: { partsFollowUps: false } });
    }
  });

  test("empty parts html is recorded as parse_error", async () => {
    control().queueFaults({ module: "resourceplanner_shop_view_get_parts", kind: "emptyContent" });
    const { client } = makeClient(sim);
    const item = board[0]!;
    const order = await client.readOrder(item.id, { withParts: true, withExtended: false, board: item });
    expect(order.failed_sections?.map((failed) => [failed.section, failed.kind])).toEqual([["parts", "parse_error"]]);
  });

  test("request rate stays under the upstream limit", async () => {
    control().configure({ rateLimit: { maxRequestsPerSecond: 20, retryAfterS: 1 } });
    try {
      const { client } = makeClient(sim, { maxRequestsPerSecond: 15 });
      control().resetCounters();
      const items = (await client.readBoard()).slice(0, 10);
      await Promise.all(items.map((item) => client.readOrder(item.id, { withParts: true, withExtended: false, board: item })));
      expect(control().counters().total).toBe(23);
      expect(control().counters().rateLimited).toBe(0);
    } finally {
      control().configure({ rateLimit: { maxRequestsPerSecond: null } });
    }
  });

  test("maintenance beyond the retry budget", async () => {
    control().configure({ maintenance: { active: true, retryAfterS: 1 } });
    try {
      const { client, waits } = makeClient(sim, { maxRetries: 1 });
      const error = await failure(client.readBoard());
      expect(error.kind).toBe("maintenance");
      expect(waits).toEqual([1000]);
    } finally {
      control().configure({ maintenance: { active: false } });
    }
  });
});

describe("client writes", () => {
  let sim: RunningSimulator;
  const control = () => sim.simulator.control;

  beforeAll(async () => {
    sim = await startSimulator({ orders: 20, archived: 2, seed: 5, users: [{ username: USERNAME, password: PASSWORD }], logger: silentLogger });
  });
  afterAll(async () => {
    await sim.stop();
  });

  const readNow = async (client: PlansoClient, id: string) => {
    const item = (await client.readBoard()).find((entry) => entry.id === id);
    return client.readOrder(id, { withParts: true, withExtended: false, board: item });
  };

  test("create, update and delete an order", async () => {
    const { client } = makeClient(sim);
    const created = await client.createOrder({
      vehicle_details: { number_plate: "D-RT 4711", vin: "WVWZZZ1KZAW000001", hu_au: "2027-09", km_stand: 87450 },
      person: "Jürgen Müller & Söhne",
      shop_date: "2026-03-09",
      est_hours_lack: 4.5,
      appointment_date: "2026-03-02T09:15:00+01:00",
      rental_car_navi: true,
    });
    expect(created.ignored).toEqual([]);

    const order = await readNow(client, created.id);
    expect(order).toEqual(control().truthOrder(created.id, { withParts: true }));
    expect(order.plate).toBe("D-RT 4711");
    expect(order.person).toBe("Jürgen Müller & Söhne");
    expect(order.shop_date).toBe("2026-03-09");
    expect(order.est_hours_lack).toBe(4.5);
    expect(order.vehicle.hu_au).toBe("2027-09");
    expect(order.vehicle.km_stand).toBe(87450);
    expect(order.details.appointment_date).toBe("2026-03-02T09:15:00+01:00");
    expect(order.details.rental_car_navi).toBe(true);
    expect(order.station_id).toBe(1);

    await client.updateOrder(created.id, {
      phone: "0211 1234567",
      remarks: "Kunde wartet <bitte anrufen>",
      deductible: 1234.5,
      rental_car_navi: false,
      shop_date: null,
    });
    const updated = await readNow(client, created.id);
    expect(updated).toEqual(control().truthOrder(created.id, { withParts: true }));
    expect(updated.phone).toBe("0211 1234567");
    expect(updated.details.remarks).toBe("Kunde wartet <bitte anrufen>");
    expect(updated.details.deductible).toBe(1234.5);
    expect(updated.details.rental_car_navi).toBe(false);
    expect(updated.shop_date).toBeNull();
    expect(control().writes().at(-1)?.fields).toEqual({
      Telefon: "0211 1234567",
      Bemerkungen: "Kunde wartet <bitte anrufen>",
      Selbstbeteiligung: "1234,5",
      "Mietwagen Navi": "0",
      Werkstattstart: "",
    });

    await client.deleteOrder(created.id);
    expect(control().orderIds()).not.toContain(created.id);
    expect((await failure(client.readOrder(created.id, { withParts: false, withExtended: false }))).kind).toBe("not_found");
  });

  test("update of selects and checkboxes reads back", async () => {
    const { client } = makeClient(sim);
    const [id] = control().orderIds();
    await client.updateOrder(id!, {
      damage: "KL 2-3",
      customer_category: 5,
      type_of_date: "1",
      pickup_service: "Hol- und Bringservice",
      rental_car_type: "Kombi",
      rental_car_isofix: true,
      external_calculation_done: null,
      vehicle_details: { hu_au: "2026-11", first_registration: "2019-05-31", km_stand: 120500.5 },
    });
    const order = await readNow(client, id!);
    expect(order).toEqual(control().truthOrder(id!, { withParts: true }));
    expect([order.damage, order.customer_category, order.details.type_of_date, order.details.pickup_service]).toEqual([
      "KL 2-3",
      5,
      "1",
      "Hol- und Bringservice",
    ]);
    expect([order.details.rental_car_type, order.details.rental_car_isofix, order.details.external_calculation_done]).toEqual([
      "Kombi",
      true,
      false,
    ]);
    expect([order.vehicle.hu_au, order.vehicle.first_registration, order.vehicle.km_stand]).toEqual(["2026-11", "2019-05-31", 120500.5]);
  });

  test("rejected value names the label", async () => {
    const { client } = makeClient(sim);
    const [id] = control().orderIds();
    const error = await failure(client.updateOrder(id!, { damage: "KL 9", phone: "0170 1234567" }));
    expect(error.kind).toBe("rejected");
    expect(error.details.fieldErrors).toEqual({ Kategorie: "Ungültige Auswahl" });
    expect(error.message).toBe(`PlanSo rejected the write to order ${id}: Ungültige Eingabe (Kategorie: Ungültige Auswahl)`);
  });

  test("update of an unknown order is not_found", async () => {
    const { client } = makeClient(sim);
    expect((await failure(client.updateOrder("99999", { phone: "1" }))).kind).toBe("not_found");
  });

  test("update uses the label found on the form", async () => {
    control().configure({ quirks: { labelVariant: "secondary" } });
    try {
      const { client } = makeClient(sim);
      const [id] = control().orderIds();
      await client.updateOrder(id!, { person: "Eva Schmidt", email: "eva@example.org" });
      expect(control().writes().at(-1)?.fields).toEqual({ Halter: "Eva Schmidt", "E-Mail": "eva@example.org" });
      expect((await readNow(client, id!)).person).toBe("Eva Schmidt");
    } finally {
      control().configure({ quirks: { labelVariant: "primary" } });
    }
  });

  test("insert whose response was lost is adopted", async () => {
    const { client } = makeClient(sim);
    await client.login();
    control().queueFaults({ module: "visual_forms_plain", kind: "500", after: true });
    const before = control().writes().length;
    const created = await client.createOrder({ vehicle_details: { number_plate: "K-LO 123" }, person: "Ola Nordmann" });
    const inserts = control().writes().slice(before).filter((write) => write.params.submode === "insert");
    expect(inserts.map((write) => write.outcome)).toEqual(["applied"]);
    expect((await readNow(client, created.id)).person).toBe("Ola Nordmann");
  });

  test("insert that failed before saving is unknown_outcome", async () => {
    const { client } = makeClient(sim);
    await client.login();
    const idsBefore = control().orderIds();
    control().queueFaults({ module: "visual_forms_plain", kind: "500" });
    const error = await failure(client.createOrder({ vehicle_details: { number_plate: "K-XX 999" } }));
    expect(error.kind).toBe("unknown_outcome");
    expect(control().orderIds()).toEqual(idsBefore);
  });

  test("delete retried after a lost response counts as done", async () => {
    const { client } = makeClient(sim);
    await client.login();
    const id = control().orderIds().at(-1)!;
    control().queueFaults({ module: "resourceplanner_delete_project", kind: "500", after: true });
    await client.deleteOrder(id);
    const deletes = control().writes().filter((write) => write.module === "resourceplanner_delete_project" && write.params.ID === id);
    expect(deletes.map((write) => write.outcome)).toEqual(["applied", "not_found"]);
  });

  test("delete of an unknown order is not_found", async () => {
    const { client } = makeClient(sim);
    expect((await failure(client.deleteOrder("99999"))).kind).toBe("not_found");
  });

  test("part checkbox action", async () => {
    const { client } = makeClient(sim);
    const board = await client.readBoard();
    let target: { orderId: string; rowId: string } | null = null;
    for (const item of board) {
      const part = control()
        .truthOrder(item.id, { withParts: true })
        .parts?.find((candidate) => candidate.status_code === "1");
      if (part) {
        target = { orderId: item.id, rowId: part.row_id };
        break;
      }
    }
    expect(target).not.toBeNull();
    await client.setPartStatus(target!.orderId, target!.rowId, "delivered", true);
    const order = await readNow(client, target!.orderId);
    const part = order.parts?.find((candidate) => candidate.row_id === target!.rowId);
    expect(part).toMatchObject({ status: "Geliefert", status_code: "2", is_delivered: true, is_missing: false, delivery_date: "2026-03-02" });
    expect(order).toEqual(control().truthOrder(target!.orderId, { withParts: true }));
  });

  test("writes disabled send nothing", async () => {
    const { client } = makeClient(sim, { writesEnabled: false });
    control().resetCounters();
    const error = await failure(client.createOrder({ vehicle_details: { number_plate: "D-NO 1" } }));
    expect(error.kind).toBe("writes_disabled");
    expect(control().counters().total).toBe(0);
  });
});
