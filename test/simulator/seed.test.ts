import { describe, expect, test } from "bun:test";

import type { UpstreamOrder } from "../../src/planso/types.ts";
import { dayFromCivil, isWorkday } from "../../src/simulator/calendar.ts";
import { createSimulator } from "../../src/simulator/index.ts";
import { generateTenant } from "../../src/simulator/seed/generate-tenant.ts";
import { USER } from "./helpers.ts";

const simulator = createSimulator({ orders: 1000, archived: 40, users: [USER] });
const ids = simulator.control.orderIds();
const orders: UpstreamOrder[] = ids.map((id) => simulator.control.truthOrder(id, { withParts: true }));
const share = (predicate: (order: UpstreamOrder) => boolean) => orders.filter(predicate).length / orders.length;
const day = (iso: string) => dayFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

describe("seeded tenant", () => {
  test("generates 1,000 orders quickly", () => {
    const started = performance.now();
    const tenant = generateTenant({ seed: 9, orders: 1000, archived: 40, nowUtcMs: Date.parse("2026-03-02T09:00:00+01:00") });
    expect(performance.now() - started).toBeLessThan(800);
    expect(tenant.orders.size).toBe(1040);
  });

  test("ids rise from 10001 in small steps", () => {
    const all = [...ids, ...simulator.control.archivedIds()].map(Number).sort((a, b) => a - b);
    expect(all[0]).toBeGreaterThanOrEqual(10001);
    expect(all[0]).toBeLessThanOrEqual(10003);
    for (let i = 1; i < all.length; i++) expect((all[i] as number) - (all[i - 1] as number)).toBeOneOf([1, 2, 3]);
  });

  test("8 to 15 employees, every order has one", () => {
    const employees = simulator.control.employees();
    expect(employees.length).toBeGreaterThanOrEqual(8);
    expect(employees.length).toBeLessThanOrEqual(15);
    for (const employee of employees) expect(employee.name).toMatch(/^[a-z]{3,6}$/);
    const known = new Set(employees.map((e) => e.id));
    expect(orders.every((o) => known.has(o.employee_id as string))).toBe(true);
  });

  test("names: umlauts, Nachname, Vorname, companies", () => {
    expect(share((o) => /[äöüÄÖÜß]/.test(o.person ?? ""))).toBeWithin(0.1, 0.2);
    expect(share((o) => /^[^ ,]+, /.test(o.person ?? ""))).toBeWithin(0.02, 0.08);
    expect(share((o) => /GmbH|AG$|KG$|e\.K\.|Pflegedienst|Söhne|Gebäudereinigung/.test(o.person ?? ""))).toBeWithin(0.08, 0.16);
  });

  test("e-mail only at the reserved example domains", () => {
    const emails = orders.map((o) => o.email).filter((e): e is string => e !== null);
    expect(emails.length / orders.length).toBeWithin(0.58, 0.72);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.-]+@example\.(com|net|org)$/);
  });

  test("phones in all written forms", () => {
    const phones = orders.map((o) => o.phone).filter((p): p is string => p !== null);
    expect(phones.length / orders.length).toBeWithin(0.86, 0.94);
    for (const pattern of [/^\+49 /, /^0049 /, /^\+\+49 /, /^0\d+\/\d+$/, /^\(0\d+\) \d\d /, /\((Frau|mobil|Büro|Sohn|ab 16 Uhr)\)$/, /; |, | oder /]) {
      expect({ pattern: String(pattern), found: phones.some((p) => pattern.test(p)) }).toEqual({ pattern: String(pattern), found: true });
    }
  });

  test("plates in all written forms", () => {
    const plates = orders.map((o) => o.plate as string);
    for (const pattern of [/^[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} \d{1,4}[EH]?$/, /^[A-ZÄÖÜ]{1,3} [A-Z]{1,2} \d/, /^[A-ZÄÖÜ]{2,5}\d{1,4}[EH]?$/, /^[a-zäöü]{1,3}-[a-z]{1,2}\d/, /^[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}-\d/]) {
      expect({ pattern: String(pattern), found: plates.some((p) => pattern.test(p)) }).toEqual({ pattern: String(pattern), found: true });
    }
    expect(share((o) => /^D[- ]|^d-|^D[A-Z]{1,2}\d/.test(o.plate ?? ""))).toBeWithin(0.3, 0.5);
    expect(share((o) => o.short_name !== o.plate)).toBeWithin(0.05, 0.15);
  });

  test("damage classes follow their shares", () => {
    expect(share((o) => o.damage === "KL 2")).toBeWithin(0.18, 0.26);
    expect(share((o) => o.damage === null)).toBeWithin(0.02, 0.08);
    expect(share((o) => o.damage === "KL 4")).toBeWithin(0.03, 0.09);
  });

  test("form dates are ordered working days", () => {
    for (const order of orders) {
      const flow = [order.details.estimate_date, order.details.appointment_date?.slice(0, 10), order.repair_date, order.shop_date, order.details.paint_date, order.finish_date, order.planned_delivery_date];
      for (const date of [order.repair_date, order.shop_date, order.finish_date, order.planned_delivery_date, order.details.estimate_date, order.details.paint_date, order.vehicle.first_registration]) {
        if (date !== null && date !== undefined) expect({ id: order.id, date, workday: isWorkday(day(date)) }).toEqual({ id: order.id, date, workday: true });
      }
      const set = flow.filter((d): d is string => typeof d === "string");
      expect({ id: order.id, set }).toEqual({ id: order.id, set: [...set].sort() });
    }
  });

  test("parts counts, states and numbers", () => {
    expect(share((o) => o.parts?.length === 0)).toBeWithin(0.18, 0.32);
    expect(share((o) => (o.parts?.length ?? 0) >= 6)).toBeWithin(0.18, 0.32);
    const parts = orders.flatMap((o) => o.parts ?? []);
    expect(new Set(parts.map((p) => p.status_code))).toEqual(new Set(["0", "1", "2", "3", "4"]));
    expect(parts.filter((p) => p.status_code === "3").length / parts.length).toBeWithin(0.05, 0.15);
    for (const part of parts) {
      if (part.order_no !== null) expect(part.order_no).toMatch(/^A-20\d\d-\d{4}$/);
      if (part.lead_no !== null) expect(Number(part.lead_no) % 10).toBe(0);
      expect(Math.round((part.qty as number) * (part.price_each as number) * 100)).toBe(Math.round((part.price_total as number) * 100));
    }
    expect(parts.filter((p) => p.lead_no !== null).length / parts.length).toBeWithin(0.6, 0.8);
    expect(parts.some((p) => /^\d[A-Z0-9]{2} \d{3} \d{3}/.test(p.part_no ?? ""))).toBe(true);
    expect(parts.some((p) => /^A \d{3} /.test(p.part_no ?? ""))).toBe(true);
    expect(parts.some((p) => /^N \d{3} /.test(p.part_no ?? ""))).toBe(true);
  });

  test("vehicles: VIN, KBA, HU/AU and mileage forms", () => {
    expect(share((o) => o.vehicle.vin === null)).toBeWithin(0.02, 0.09);
    expect(share((o) => o.vehicle.vin !== null && o.vehicle.vin.length !== 17)).toBeWithin(0.002, 0.03);
    const kba = orders.map((o) => o.vehicle.kba).filter((k): k is string => k !== null);
    for (const pattern of [/^\d{4}\/[A-Z0-9]{3}$/, /^\d{4} [A-Z0-9]{3}$/, /^\d{4}[A-Z0-9]{3}$/, /^\d{4}-[A-Z0-9]{3}$/]) expect(kba.some((k) => pattern.test(k))).toBe(true);
    const km = orders.map((o) => o.fields.Kilometerstand as string);
    expect(km.some((k) => /^\d{1,3}\.\d{3}$/.test(k))).toBe(true);
    expect(km.some((k) => /^ca\. \d+$/.test(k))).toBe(true);
    expect(orders.some((o) => /^\d{2}\.\d{4}$/.test(o.fields["HU/AU"] as string))).toBe(true);
    expect(share((o) => o.vehicle.make === "VW")).toBeWithin(0.2, 0.3);
  });

  test("stations, states and project status", () => {
    expect(share((o) => o.station_id === 3)).toBeWithin(0.14, 0.22);
    expect(share((o) => o.station_state === "finished")).toBeWithin(0.2, 0.4);
    const backordered = orders.filter((o) => (o.parts ?? []).some((p) => p.status_code === "3"));
    expect(backordered.every((o) => o.project_status === "Wartet auf Teile" || o.project_status === "Storniert")).toBe(true);
    expect(share((o) => o.details.rental_car_type !== null)).toBeWithin(0.15, 0.25);
    expect(share((o) => o.details.pickup_service !== null)).toBeWithin(0.1, 0.2);
    expect(share((o) => o.details.remarks !== null)).toBeWithin(0.33, 0.47);
  });
});
