/**
 * The whole seeded tenant: employees, current and archived orders with ids that rise
 * with creation time (steps of 1–3, as gaps from deleted orders), part row ids in
 * the same order, and board positions per station.
 */
import { SECONDS_PER_DAY, createWorkdayIndex, utcMsToBerlinLocal, type WorkdayIndex } from "../calendar.ts";
import type { SimOrder, Tenant } from "../model.ts";
import { createRandom } from "../random.ts";
import { generateEmployees } from "./generate-employees.ts";
import { generateOrder, type OrderDraft } from "./generate-order.ts";

export interface SeedOptions {
  seed: number;
  /** Current orders on the board. */
  orders: number;
  archived: number;
  /** The virtual clock at generation, epoch milliseconds. */
  nowUtcMs: number;
}

export const FIRST_ORDER_ID = 10001;
export const FIRST_ROW_ID = 88001;

/** Working-day index wide enough for 19 years back (first registrations) and two years ahead. */
export function workdaysAround(todayRaw: number): WorkdayIndex {
  return createWorkdayIndex(todayRaw - 7000, todayRaw + 800);
}

export function generateTenant(options: SeedOptions): Tenant {
  const nowLocal = utcMsToBerlinLocal(options.nowUtcMs);
  const todayRaw = Math.floor(nowLocal / SECONDS_PER_DAY);
  const workdays = workdaysAround(todayRaw);
  const today = workdays.onOrBefore(todayRaw);
  const employees = generateEmployees(options.seed);
  const ctx = { seed: options.seed, today, nowLocal, workdays, employees };

  const drafts: { key: string; draft: OrderDraft }[] = [];
  for (let i = 0; i < options.archived; i++) drafts.push({ key: `a${i}`, draft: generateOrder(ctx, -1 - i, true) });
  for (let i = 0; i < options.orders; i++) drafts.push({ key: `c${i}`, draft: generateOrder(ctx, i, false) });
  drafts.sort((a, b) => a.draft.createdAt - b.draft.createdAt || (a.key < b.key ? -1 : 1));

  const idSteps = createRandom(options.seed, "ids", 0);
  const orders = new Map<string, SimOrder>();
  let orderId = FIRST_ORDER_ID - 1;
  let rowId = FIRST_ROW_ID - 1;
  let bookingId = 0;
  for (const { draft } of drafts) {
    orderId += idSteps.int(1, 3);
    const id = String(orderId);
    for (const part of draft.parts) {
      rowId += idSteps.int(1, 2);
      part.rowId = String(rowId);
    }
    orders.set(id, {
      id,
      values: draft.values,
      partsStatus: draft.partsStatus,
      shortName: draft.shortName,
      station: draft.station,
      stationState: draft.stationState,
      position: 0,
      employeeId: draft.employeeId,
      archived: draft.archived,
      parts: draft.parts,
      rental: draft.rental === null ? null : { id: String(++bookingId), ...draft.rental },
      createdAt: draft.createdAt,
    });
  }
  renumberBoard(orders);
  return { orders, employees, nextRowId: rowId + 1, maxOrderId: orderId };
}

/** Positions 1…n per station for current orders, keeping their present order (then id order). */
export function renumberBoard(orders: Map<string, SimOrder>): void {
  const byStation = new Map<number, SimOrder[]>();
  for (const order of orders.values()) {
    if (order.archived) continue;
    const list = byStation.get(order.station) ?? [];
    list.push(order);
    byStation.set(order.station, list);
  }
  for (const list of byStation.values()) {
    list.sort((a, b) => (a.position || Infinity) - (b.position || Infinity) || Number(a.id) - Number(b.id));
    list.forEach((order, index) => {
      order.position = index + 1;
    });
  }
}
