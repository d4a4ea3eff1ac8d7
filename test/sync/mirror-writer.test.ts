import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { asc, eq } from "drizzle-orm";

import { applyOrder, markLeftBoard, markReturned, mergeWithStored, tombstoneOrder, touchSynced } from "../../src/db/mirror-writer.ts";
import { changes, orders, parts } from "../../src/db/schema.ts";
import { makeOrder, makePart } from "../support/make-order.ts";
import { tempMirror, type TempMirror } from "./support/setup.ts";

let mirror: TempMirror;
beforeEach(() => (mirror = tempMirror()));
afterEach(() => mirror.cleanup());

const T1 = "2026-03-16T11:08:59.000Z";
const T2 = "2026-03-16T12:00:00.000Z";
const sync = (now: string, runId = 1) => ({ runId, source: "sync" as const, now, withParts: true });
const allChanges = () =>
  mirror.db.select().from(changes).orderBy(asc(changes.id)).all().map((c) => [c.orderId, c.kind, c.source, c.runId, c.changedFields, c.versionAfter, c.at]);
const row = (id: number) => mirror.db.select().from(orders).where(eq(orders.id, id)).get()!;

const weiss = () =>
  makeOrder({
    id: "4711",
    person: "Björn Weiß",
    plate: "M-ÄÖ 12",
    parts_status: "offen",
    missing_parts: true,
    fields: { Halter: "Björn Weiß", "E-Teile Status": "offen" },
    extended: { damagedareas: ["Tür vorne links"], notes: "Kunde ruft zurück" },
    parts: [makePart("a", "to_order", { part_no: "8W0 123" }), makePart("b", "delivered", { part_no: "8W0 456" })],
  });

describe("applyOrder", () => {
  test("new order gets version 1", () => {
    const result = applyOrder(mirror.db, weiss(), sync(T1));
    expect(result).toEqual({ kind: "created", changedFields: [], partsWritten: 2, rowsWritten: 4, version: 1 });
    expect(allChanges()).toEqual([[4711, "created", "sync", 1, [], 1, T1]]);
    expect(row(4711)).toMatchObject({ person: "Björn Weiß", plateKey: "MAEOE12", version: 1, firstSeenAt: T1, updatedAt: T1, lastSyncedAt: T1, onBoard: true });
  });

  test("the same order again writes nothing", () => {
    applyOrder(mirror.db, weiss(), sync(T1));
    expect(applyOrder(mirror.db, weiss(), sync(T2))).toEqual({ kind: "unchanged", changedFields: [], partsWritten: 0, rowsWritten: 0, version: 1 });
    expect(row(4711).lastSyncedAt).toBe(T1);
  });

  test("an API write is recorded with source api and no run", () => {
    applyOrder(mirror.db, weiss(), sync(T1));
    const edited = weiss();
    edited.email = "bjoern@beispiel.de";
    const result = applyOrder(mirror.db, edited, { runId: null, source: "api", now: T2, withParts: true });
    expect(result).toMatchObject({ kind: "updated", changedFields: ["email"], version: 2 });
    expect(allChanges().at(-1)).toEqual([4711, "updated", "api", null, ["email"], 2, T2]);
    expect(row(4711)).toMatchObject({ firstSeenAt: T1, updatedAt: T2, emailLower: "bjoern@beispiel.de" });
  });

  test("duplicate upstream row ids keep the first part", () => {
    const order = weiss();
    order.parts = [makePart("a", "to_order", { part_no: "1" }), makePart("a", "delivered", { part_no: "2" })];
    expect(applyOrder(mirror.db, order, sync(T1)).partsWritten).toBe(1);
    expect(mirror.db.select().from(parts).all().map((p) => [p.rowId, p.partNo])).toEqual([["a", "1"]]);
  });

  test("an extended tab whose read failed keeps its stored content", () => {
    applyOrder(mirror.db, weiss(), sync(T1));
    const order = weiss();
    order.extended = { damagedareas: ["Tür vorne links", "Kotflügel"] };
    order.failed_sections = [{ section: "extended.notes", kind: "timeout", message: "no answer" }];
    const result = applyOrder(mirror.db, order, sync(T2));
    expect(result.changedFields).toEqual(["extended"]);
    expect(row(4711).extended).toEqual({ damagedareas: ["Tür vorne links", "Kotflügel"], notes: "Kunde ruft zurück" });
  });

  test("reading without extended data keeps the stored sections", () => {
    applyOrder(mirror.db, weiss(), sync(T1));
    const order = weiss();
    order.extended = null;
    expect(applyOrder(mirror.db, order, sync(T2)).kind).toBe("unchanged");
  });
});

describe("mergeWithStored", () => {
  test("without stored data and without parts, parts stay unknown", () => {
    const order = weiss();
    order.parts = null;
    expect(mergeWithStored(order, null, false).parts).toBeNull();
  });

  test("carried parts count for missing_parts", () => {
    const order = weiss();
    order.parts = null;
    order.parts_status = "bestellt";
    order.missing_parts = false;
    const merged = mergeWithStored(order, { parts: [makePart("x", "backorder")], partsTotals: null, extended: null }, false);
    expect([merged.missing_parts, merged.parts?.length]).toEqual([true, 1]);
  });
});

describe("board flags and tombstones", () => {
  test("board flags and deletion bump the version", () => {
    applyOrder(mirror.db, weiss(), sync(T1));
    expect(markLeftBoard(mirror.db, ["4711", "999"], { runId: 2, source: "sync", now: T2 })).toEqual([{ orderId: 4711, version: 2 }]);
    expect(markLeftBoard(mirror.db, ["4711"], { runId: 2, source: "sync", now: T2 })).toEqual([]);
    expect(markReturned(mirror.db, ["4711"], { runId: 3, source: "sync", now: T2 })).toEqual([{ orderId: 4711, version: 3 }]);
    expect(tombstoneOrder(mirror.db, "4711", { runId: null, source: "api", now: T2 })).toEqual({ orderId: 4711, version: 4 });
    expect(tombstoneOrder(mirror.db, "4711", { runId: null, source: "api", now: T2 })).toBeNull();
    expect(tombstoneOrder(mirror.db, "1", { runId: null, source: "api", now: T2 })).toBeNull();
    expect(allChanges().slice(1)).toEqual([
      [4711, "left_board", "sync", 2, ["on_board"], 2, T2],
      [4711, "returned_to_board", "sync", 3, ["on_board"], 3, T2],
      [4711, "deleted", "api", null, ["deleted_at", "on_board"], 4, T2],
    ]);
    expect(row(4711)).toMatchObject({ deletedAt: T2, onBoard: false, person: "Björn Weiß", version: 4 });
    expect(markReturned(mirror.db, ["4711"], { runId: 4, source: "sync", now: T2 })).toEqual([]);
  });

  test("a deleted order that shows up again is restored as an update", () => {
    applyOrder(mirror.db, weiss(), sync(T1));
    tombstoneOrder(mirror.db, "4711", { runId: null, source: "api", now: T1 });
    const result = applyOrder(mirror.db, weiss(), sync(T2));
    expect([result.kind, result.changedFields]).toEqual(["updated", ["deleted_at", "on_board"]]);
    expect(row(4711).deletedAt).toBeNull();
  });

  test("touchSynced sets last_synced_at only", () => {
    applyOrder(mirror.db, weiss(), sync(T1));
    touchSynced(mirror.db, [4711], T2);
    expect(row(4711)).toMatchObject({ lastSyncedAt: T2, updatedAt: T1, version: 1 });
    expect(allChanges()).toHaveLength(1);
  });
});
