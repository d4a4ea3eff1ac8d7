import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { migrateDb, openDb, type Db } from "../../src/db/connection.ts";
import { applyOrder, tombstoneOrder } from "../../src/db/mirror-writer.ts";
import { listOrders } from "../../src/db/queries/list-orders.ts";
import { makeOrder } from "../support/make-order.ts";

const NOW = "2026-03-02T08:00:00.000Z";
let dir: string;
let db: Db;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "reit-fts-vehicle-"));
  db = openDb(join(dir, "mirror.db"));
  migrateDb(db);
  const write = (id: string, make: string, model: string, vin: string) =>
    applyOrder(db, makeOrder({ id, plate: `D-XY ${id.slice(-3)}`, vehicle: { make, model, vin } }), {
      runId: null,
      source: "sync",
      now: NOW,
      withParts: false,
    });
  write("5001", "VW", "Golf", "WVWZZZ1KZ8W000001");
  write("5002", "Škoda", "Octavia", "TMBZZZ1Z8W0000002");
  write("5003", "BMW", "320d Touring", "WBA00000000000003");
});

afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (q: string) => listOrders(db, { q, limit: 50 }).orders.map((order) => order.id);

test("q finds the model", () => {
  expect(ids("golf")).toEqual(["5001"]);
});

test("q finds the make without diacritics", () => {
  expect(ids("skoda")).toEqual(["5002"]);
});

test("q finds a VIN prefix", () => {
  expect(ids("WBA0000")).toEqual(["5003"]);
});

test("q keeps finding the vehicle after an update", () => {
  applyOrder(db, makeOrder({ id: "5001", plate: "D-XY 001", vehicle: { make: "VW", model: "Polo", vin: "WVWZZZ1KZ8W000001" } }), {
    runId: null,
    source: "sync",
    now: NOW,
    withParts: false,
  });
  expect(ids("golf")).toEqual([]);
  expect(ids("polo")).toEqual(["5001"]);
});

test("q hides tombstones unless asked", () => {
  tombstoneOrder(db, "5003", { runId: null, source: "api", now: NOW });
  expect(ids("bmw")).toEqual([]);
  expect(listOrders(db, { q: "bmw", limit: 50 }).total).toBe(0);
  expect(listOrders(db, { q: "bmw", include_deleted: true, limit: 50 }).orders.map((order) => order.id)).toEqual(["5003"]);
});

test("q pages through every match once", () => {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const result = listOrders(db, { q: "D", limit: 1, cursor });
    expect(result.total).toBe(2);
    seen.push(...result.orders.map((order) => order.id));
    if (result.next_cursor === null) break;
    cursor = result.next_cursor;
  }
  expect(seen.sort()).toEqual(["5001", "5002"]);
});
