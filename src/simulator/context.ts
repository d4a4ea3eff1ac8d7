/** State shared by the request handlers, the renderers and the control API. */
import { SECONDS_PER_DAY, utcMsToBerlinLocal, type WorkdayIndex } from "./calendar.ts";
import type { VirtualClock } from "./clock.ts";
import type { SimOrder, Tenant } from "./model.ts";
import type { SimulatorConfig } from "./options.ts";
import { workdaysAround } from "./seed/generate-tenant.ts";

export interface SimContext {
  seed: number;
  config: SimulatorConfig;
  tenant: Tenant;
  clock: VirtualClock;
}

/** Berlin wall-clock seconds of the virtual now. */
export function nowLocal(ctx: SimContext): number {
  return utcMsToBerlinLocal(ctx.clock.now());
}

let cachedWorkdays: { anchor: number; index: WorkdayIndex } | null = null;

/** Returns a working-day index around the virtual today, rebuilt when the clock moves far. */
export function workdaysNow(ctx: SimContext): WorkdayIndex {
  const today = Math.floor(nowLocal(ctx) / SECONDS_PER_DAY);
  if (!cachedWorkdays || Math.abs(cachedWorkdays.anchor - today) > 300) {
    cachedWorkdays = { anchor: today, index: workdaysAround(today) };
  }
  return cachedWorkdays.index;
}

/** Finds a current order (on the board); unknown, archived and deleted ids give undefined. */
export function boardOrder(ctx: SimContext, id: string | null): SimOrder | undefined {
  if (id === null) return undefined;
  const order = ctx.tenant.orders.get(id);
  return order && !order.archived ? order : undefined;
}

/** Lists the current orders in board order: by station, then position. */
export function currentOrders(ctx: SimContext): SimOrder[] {
  const list: SimOrder[] = [];
  for (const order of ctx.tenant.orders.values()) if (!order.archived) list.push(order);
  return list.sort((a, b) => a.station - b.station || a.position - b.position || Number(a.id) - Number(b.id));
}
