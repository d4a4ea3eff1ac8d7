/**
 * The `duplicateOpenOrders` quirk: one current order shows the plate and short name of
 * another, so two open orders share a plate. The pair is chosen from the seed.
 */
import { type SimContext } from "../context.ts";
import type { SimOrder } from "../model.ts";
import { unitHash } from "../random.ts";

export interface PlatePair {
  /** The order whose plate is shown twice. */
  source: SimOrder;
  /** The order that shows it instead of its own. */
  target: SimOrder;
}

/** Picks the pair of the quirk, or null when it is off. Costs one pass over the orders. */
export function duplicatePlatePair(ctx: SimContext): PlatePair | null {
  if (!ctx.config.quirks.duplicateOpenOrders) return null;
  const current: SimOrder[] = [];
  let ascending = true;
  for (const order of ctx.tenant.orders.values()) {
    if (order.archived) continue;
    const previous = current.at(-1);
    if (previous !== undefined && Number(previous.id) > Number(order.id)) ascending = false;
    current.push(order);
  }
  if (current.length < 2) return null;
  // Orders are stored in id order, so the sort is skipped: each form render calls this,
  // and sorting every time made a full read of the board quadratic.
  if (!ascending) current.sort((a, b) => Number(a.id) - Number(b.id));
  const source = Math.floor(unitHash(ctx.seed, "duplicateOpenOrders", "source") * current.length);
  const target = (source + 1 + Math.floor(unitHash(ctx.seed, "duplicateOpenOrders", "target") * (current.length - 1))) % current.length;
  return { source: current[source] as SimOrder, target: current[target] as SimOrder };
}

/** `pair` defaults to the current one; pass it when rendering many orders. */
export function displayPlate(ctx: SimContext, order: SimOrder, pair = duplicatePlatePair(ctx)): string {
  const plateOwner = pair && pair.target === order ? pair.source : order;
  return plateOwner.values.plate ?? "";
}

export function displayShortName(ctx: SimContext, order: SimOrder, pair = duplicatePlatePair(ctx)): string {
  return pair && pair.target === order ? pair.source.shortName : order.shortName;
}
