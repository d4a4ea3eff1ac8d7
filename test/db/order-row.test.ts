import { describe, expect, test } from "bun:test";

import { orderContentHash, partNoKey, rowToOrder, summarizeParts, toOrderRow, toPartRows } from "../../src/db/order-row.ts";
import type { OrderRow } from "../../src/db/schema.ts";
import { makeOrder, makePart } from "../support/make-order.ts";

const NOW = "2026-03-16T11:08:59.000Z";

describe("toOrderRow search columns", () => {
  const order = makeOrder({
    id: "10001",
    plate: "hh-ab 1234",
    person: "MÜLLER, Hans",
    phone: "0170/1234567; 040 12345678",
    email: " Hans.Mueller@Beispiel.DE ",
    project_status: "Wartet auf Teile",
    damage: "KL 2-3",
  });
  const row = toOrderRow(order, { contentHash: "h", now: NOW });

  test("plate key drops case and separators", () => {
    expect(row.plateKey).toBe("HHAB1234");
  });

  test("person holds every umlaut spelling", () => {
    expect(row.personSearch).toBe("müller muller mueller hans");
  });

  test("first phone reversed, all numbers as digits", () => {
    expect(row.phoneRev).toBe("7654321071");
    expect(row.phoneSearch).toBe("1701234567 4012345678");
  });

  test("email, status and damage keys are folded", () => {
    expect(row.emailLower).toBe("hans.mueller@beispiel.de");
    expect(row.statusKey).toBe("wartet auf teile");
    expect(row.damageKey).toBe("kl 2-3");
  });

  test("bookkeeping columns from meta", () => {
    expect(row.id).toBe(10001);
    expect(row.version).toBe(1);
    expect(row.firstSeenAt).toBe(NOW);
    expect(row.updatedAt).toBe(NOW);
    expect(row.lastSyncedAt).toBe(NOW);
    expect(row.onBoard).toBe(true);
    expect(row.deletedAt).toBeNull();
    const later = toOrderRow(order, { contentHash: "h", now: "2026-03-17T08:00:00.000Z", version: 4, firstSeenAt: NOW, onBoard: false });
    expect(later.version).toBe(4);
    expect(later.firstSeenAt).toBe(NOW);
    expect(later.onBoard).toBe(false);
  });

  test("empty values give null search columns", () => {
    const empty = toOrderRow(makeOrder({ id: "7", person: "", phone: "kein Telefon", email: null }), { contentHash: "h", now: NOW });
    expect(empty.plateKey).toBeNull();
    expect(empty.personSearch).toBeNull();
    expect(empty.phoneRev).toBeNull();
    expect(empty.phoneSearch).toBeNull();
    expect(empty.emailLower).toBeNull();
    expect(empty.statusKey).toBeNull();
  });

  test("plate falls back to the vehicle plate", () => {
    const fromVehicle = toOrderRow(makeOrder({ id: "8", vehicle: { number_plate: "MÜ-LL 88" } }), { contentHash: "h", now: NOW });
    expect(fromVehicle.plateKey).toBe("MUELL88");
  });
});

describe("orderContentHash", () => {
  test("same content in another key order hashes equal", () => {
    const a = makeOrder({ id: "1", person: "Müller", fields: { Kennzeichen: "HH-AB 1", Fahrername: "Müller" } });
    const b = { ...a, fields: { Fahrername: "Müller", Kennzeichen: "HH-AB 1" } };
    const reordered = Object.fromEntries(Object.entries(b).reverse()) as unknown as typeof a;
    expect(orderContentHash(reordered)).toBe(orderContentHash(a));
  });

  test("decomposed umlauts hash like composed ones", () => {
    const composed = makeOrder({ id: "1", person: "M\u00fcller" });
    const decomposed = makeOrder({ id: "1", person: "Mu\u0308ller" });
    expect(orderContentHash(decomposed)).toBe(orderContentHash(composed));
  });

  test("any visible change changes the hash", () => {
    const base = makeOrder({ id: "1", person: "Müller", parts: [makePart("r1", "ordered")] });
    const hash = orderContentHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/u);
    expect(orderContentHash({ ...base, person: "Muller" })).not.toBe(hash);
    expect(orderContentHash({ ...base, vehicle: { ...base.vehicle, km_stand: 1 } })).not.toBe(hash);
    expect(orderContentHash({ ...base, parts: [makePart("r1", "delivered")] })).not.toBe(hash);
    expect(orderContentHash({ ...base, fields: { Notiz: "x" } })).not.toBe(hash);
  });

  test("failed_sections does not count", () => {
    const base = makeOrder({ id: "1" });
    expect(orderContentHash({ ...base, failed_sections: [{ section: "parts", kind: "timeout", message: "t" }] })).toBe(orderContentHash(base));
  });
});

describe("parts rows", () => {
  test("positions and part number keys", () => {
    const rows = toPartRows(10001, [
      makePart("a", "backorder", { part_no: "5G0 807 221 gru", eta_date: "2024-08-02" }),
      makePart("b", "delivered", { part_no: "51-11.7/397" }),
      makePart("c", "to_order", { part_no: "  " }),
    ]);
    expect(rows.map((r) => [r.position, r.rowId, r.partNoKey, r.isMissing])).toEqual([
      [0, "a", "5G0807221GRU", true],
      [1, "b", "51117397", false],
      [2, "c", null, true],
    ]);
    expect(partNoKey(null)).toBeNull();
  });

  test("summary counts states and the next ETA", () => {
    const rows = toPartRows(1, [
      makePart("a", "delivered", { eta_date: "2024-07-01" }),
      makePart("b", "ordered", { eta_date: "2024-07-18" }),
      makePart("c", "backorder", { eta_date: "2024-07-09" }),
      makePart("d", "to_order"),
      makePart("e", "cancelled"),
    ]);
    expect(summarizeParts(rows.map((r) => ({ ...r, etaDate: r.etaDate ?? null })))).toEqual({
      total: 5,
      missing: 3,
      to_order: 1,
      ordered: 3,
      delivered: 1,
      backorder: 1,
      next_eta: "2024-07-09",
    });
    expect(summarizeParts([])).toEqual({ total: 0, missing: 0, to_order: 0, ordered: 0, delivered: 0, backorder: 0, next_eta: null });
  });
});

describe("rowToOrder", () => {
  const order = makeOrder({ id: "10001", plate: "HH-AB 1234", missing_parts: true, shop_date: "2024-07-15", est_hours_karo: 7.5, fields: { Kennzeichen: "HH-AB 1234" } });
  const row = { ...toOrderRow(order, { contentHash: "h", now: NOW, version: 3 }), extended: null } as OrderRow;

  test("list shape has string id, booleans and nulls", () => {
    const served = rowToOrder(row);
    expect(served.id).toBe("10001");
    expect(served.missing_parts).toBe(true);
    expect(served.on_board).toBe(true);
    expect(served.version).toBe(3);
    expect(served.shop_date).toBe("2024-07-15");
    expect(served.est_hours_karo).toBe(7.5);
    expect(served.email).toBeNull();
    expect("fields" in served).toBe(false);
  });

  test("detail shape adds fields, details and parts summary", () => {
    const served = rowToOrder(row, []);
    expect(served.fields).toEqual({ Kennzeichen: "HH-AB 1234" });
    expect(served.details.remarks).toBeNull();
    expect(served.parts_summary.total).toBe(0);
    expect(served.extended).toBeNull();
    expect(served.parts_totals).toBeNull();
  });
});
