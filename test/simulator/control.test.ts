import { describe, expect, test } from "bun:test";

import { createSimulator } from "../../src/simulator/index.ts";
import { USER, login, withSimulator } from "./helpers.ts";

async function sim(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}/__sim/${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe("control surface over HTTP", () => {
  test("state reports counts, clock, config and sessions", async () => {
    await withSimulator({}, async (s) => {
      await login(s.url);
      const { status, json } = await sim(s.url, "GET", "state");
      expect(status).toBe(200);
      expect(json).toMatchObject({ seed: 7, now: "2026-03-02T09:00:00+01:00", clockMode: "fixed", orders: { current: 30, archived: 5 }, users: [USER.username] });
      expect(json.sessions.length).toBe(1);
      expect(json.sessions[0]).toMatchObject({ user: USER.username, idleS: 0 });
      expect(json.config.quirks.stringIds).toBe(true);
    });
  });

  test("control requests are never counted", async () => {
    await withSimulator({}, async (s) => {
      await sim(s.url, "GET", "state");
      await sim(s.url, "GET", "counters");
      expect((await sim(s.url, "GET", "counters")).json.total).toBe(0);
      await login(s.url);
      const counters = (await sim(s.url, "GET", "counters")).json;
      expect(counters.total).toBe(2);
      expect(counters.requests.app).toEqual({ GET: { "200": 1 }, POST: { "200": 1 } });
      expect((await sim(s.url, "DELETE", "counters")).json.total).toBe(0);
    });
  });

  test("reset rebuilds from a seed and clears sessions", async () => {
    await withSimulator({}, async (s) => {
      const session = await login(s.url);
      const { json } = await sim(s.url, "POST", "reset", { seed: 11, orders: 12, archived: 2, now: "2026-10-25T01:30:00+02:00" });
      expect(json).toMatchObject({ seed: 11, orders: { current: 12, archived: 2 }, now: "2026-10-25T01:30:00+02:00", sessions: [] });
      expect(await (await session.call("resourceplanner_get_project_stations", {}, { method: "POST" })).text()).toContain("system_login_username");
      expect((await sim(s.url, "GET", "orders")).json.current.length).toBe(12);
    });
  });

  test("clock set and advance, with a DST-aware offset", async () => {
    await withSimulator({}, async (s) => {
      expect((await sim(s.url, "POST", "clock", { set: "2026-03-29T01:59:00+01:00" })).json).toEqual({ now: "2026-03-29T01:59:00+01:00" });
      expect((await sim(s.url, "POST", "clock", { advance: "PT2H" })).json).toEqual({ now: "2026-03-29T04:59:00+02:00" });
      expect((await sim(s.url, "POST", "clock", { advance: "soon" })).status).toBe(400);
    });
  });

  test("config merges quirks and rejects unknown ones", async () => {
    await withSimulator({}, async (s) => {
      const { json } = await sim(s.url, "PUT", "config", { quirks: { stringIds: false }, session: { idleTtlS: 60 } });
      expect(json.quirks.stringIds).toBe(false);
      expect(json.quirks.executionTimeKey).toBe(true);
      expect(json.session).toEqual({ idleTtlS: 60, maxAgeS: null });
      const bad = await sim(s.url, "PUT", "config", { quirks: { noSuchQuirk: true } });
      expect(bad).toEqual({ status: 400, json: { error: 'unknown quirk "noSuchQuirk"' } });
      const badRate = await sim(s.url, "PUT", "config", { quirks: { mojibake: 2 }, errors: { rates: { "500": 1.5 } }, session: { idleTtlS: -1 } });
      expect(badRate.json.error).toBe(
        'quirk "mojibake" must be true, false or a rate from 0 to 1; errors.rates.500 must be a rate from 0 to 1; session.idleTtlS must be a number from 0',
      );
    });
  });

  test("users and session expiry", async () => {
    await withSimulator({}, async (s) => {
      expect((await sim(s.url, "POST", "users", { username: "demo", password: "chosen-by-test" })).status).toBe(200);
      const session = await login(s.url, { username: "demo", password: "chosen-by-test" });
      expect((await sim(s.url, "POST", "sessions/expire", { cookie: session.cookie })).json).toEqual({ expired: 1 });
      expect((await sim(s.url, "POST", "sessions/expire", {})).json).toEqual({ expired: 0 });
    });
  });

  test("orders: create, edit, move, archive, delete", async () => {
    await withSimulator({}, async (s) => {
      const created = await sim(s.url, "POST", "orders", { fields: { Kennzeichen: "D-XY 1234", "Projekt-Status": "Annahme" } });
      const id = created.json.id as string;
      expect((await sim(s.url, "PATCH", `orders/${id}`, { fields: { "Projekt-Status": "Lack" } })).status).toBe(200);
      expect((await sim(s.url, "PATCH", `orders/${id}`, { fields: { "Projekt-Status": "Urlaub" } })).json).toEqual({
        error: "invalid field values",
        errors: { "Projekt-Status": "Ungültige Auswahl" },
      });
      await sim(s.url, "POST", `orders/${id}/move`, { station: 4, state: "finished", position: 1 });
      const board = (await sim(s.url, "GET", "truth/board")).json as { id: string; station_id: number; station_state: string; board_position: number }[];
      expect(board.find((b) => b.id === id)).toMatchObject({ station_id: 4, station_state: "finished", board_position: 1 });
      const atFour = board.filter((b) => b.station_id === 4).map((b) => b.board_position);
      expect(atFour).toEqual(atFour.map((_, i) => i + 1));
      const truth = (await sim(s.url, "GET", `truth/orders/${id}`)).json;
      expect(truth).toMatchObject({ id, project_status: "Lack", plate: "D-XY 1234", parts: null });

      await sim(s.url, "POST", `orders/${id}/archive`, { archived: true });
      expect((await sim(s.url, "GET", "orders")).json.archived).toContain(id);
      await sim(s.url, "POST", `orders/${id}/archive`, { archived: false });
      expect((await sim(s.url, "GET", "orders")).json.current).toContain(id);
      expect((await sim(s.url, "DELETE", `orders/${id}`)).status).toBe(200);
      expect((await sim(s.url, "DELETE", `orders/${id}`)).status).toBe(404);
    });
  });

  test("parts: add, edit, remove", async () => {
    await withSimulator({}, async (s) => {
      const id = (await sim(s.url, "GET", "orders")).json.current[0] as string;
      await sim(s.url, "DELETE", `orders/${id}/parts`);
      const rowId = (await sim(s.url, "POST", `orders/${id}/parts`, { description: "Scheinwerfer links", part_no: "5X0 941 005", qty: 1, price_each: 389.9 })).json.rowId;
      expect((await sim(s.url, "PATCH", `orders/${id}/parts/${rowId}`, { status: "3", eta_date: "2026-04-14" })).status).toBe(200);
      const truth = (await sim(s.url, "GET", `truth/orders/${id}?parts=true`)).json;
      expect(truth.parts).toEqual([
        expect.objectContaining({ row_id: rowId, part_no: "5X0 941 005", price_each: 389.9, price_total: 389.9, status: "Rückstand", status_code: "3", is_backorder: true, is_missing: true }),
      ]);
      expect(truth.parts_totals).toEqual({ by_order_no: {}, total: 389.9 });
      expect((await sim(s.url, "DELETE", `orders/${id}/parts`)).json).toEqual({ removed: 1 });
      expect((await sim(s.url, "PATCH", `orders/${id}/parts/${rowId}`, { status: "2" })).status).toBe(404);
    });
  });

  test("faults queue and writes log", async () => {
    await withSimulator({}, async (s) => {
      const queued = await sim(s.url, "POST", "faults", { module: "visual_forms_plain", count: 2, kind: "500" });
      expect(queued.json).toEqual([{ module: "visual_forms_plain", kind: "500", remaining: 2, after: false }]);
      expect((await sim(s.url, "POST", "faults", { kind: "teapot" })).status).toBe(400);
      expect((await sim(s.url, "GET", "writes")).json).toEqual([]);
    });
  });

  test("unknown routes and methods", async () => {
    await withSimulator({}, async (s) => {
      expect((await sim(s.url, "GET", "nothing")).status).toBe(404);
      expect((await sim(s.url, "DELETE", "state")).status).toBe(405);
      const bad = await fetch(`${s.url}/__sim/config`, { method: "PUT", body: "{not json" });
      expect(bad.status).toBe(400);
    });
  });

  test("control: false turns the prefix into 404", async () => {
    await withSimulator({ control: false }, async (s) => {
      const response = await fetch(`${s.url}/__sim/state`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    });
  });
});

describe("control API in process", () => {
  test("truthOrder rejects an unknown id", () => {
    const simulator = createSimulator({ orders: 3, archived: 1, users: [USER] });
    expect(() => simulator.control.truthOrder("1", { withParts: false })).toThrow("order 1 not found");
  });

  test("archived truth has no board fields", () => {
    const simulator = createSimulator({ orders: 3, archived: 1, users: [USER] });
    const id = simulator.control.archivedIds()[0] as string;
    expect(simulator.control.truthOrder(id, { withParts: false })).toMatchObject({ id, short_name: null, station_id: null, board_position: null });
  });

  test("moveOrder rejects an archived order", () => {
    const simulator = createSimulator({ orders: 3, archived: 1, users: [USER] });
    expect(() => simulator.control.moveOrder(simulator.control.archivedIds()[0] as string, { station: 2 })).toThrow("archived");
  });
});
