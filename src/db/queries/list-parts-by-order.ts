/** `parts.listByOrder`: every part of one order in upstream table order. */
import { and, asc, eq, sql } from "drizzle-orm";

import type { Db } from "../connection.ts";
import { rowToPart, type Part } from "../order-row.ts";
import { orders, parts } from "../schema.ts";
import { cachedStatement } from "./statement-cache.ts";

const p = sql.placeholder;

/** Null when the order is unknown; an order without parts gives []. */
export function listPartsByOrder(db: Db, params: { order_id: number }): Part[] | null {
  if (!orderExists(db, params.order_id)) return null;
  return orderParts(db, params.order_id, false).map(rowToPart);
}

/** Parts of an order in table order; only the missing ones when `missingOnly`. */
export function orderParts(db: Db, orderId: number, missingOnly: boolean) {
  const statement = cachedStatement(db, `parts:of-order|${missingOnly}`, () =>
    db
      .select()
      .from(parts)
      .where(missingOnly ? and(eq(parts.orderId, p("order_id")), eq(parts.isMissing, true)) : eq(parts.orderId, p("order_id")))
      .orderBy(asc(parts.position))
      .prepare(),
  );
  return statement.all({ order_id: orderId });
}

export function orderExists(db: Db, orderId: number): boolean {
  const statement = cachedStatement(db, "orders:exists", () =>
    db.select({ id: orders.id }).from(orders).where(eq(orders.id, p("id"))).prepare(),
  );
  return statement.get({ id: orderId }) !== undefined;
}
