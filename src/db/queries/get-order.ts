/** `orders.get`: one order with its raw fields and a summary of its parts. */
import { eq, sql } from "drizzle-orm";

import type { Db } from "../connection.ts";
import { rowToOrder, type OrderDetail, type PartsSummary } from "../order-row.ts";
import { orders, parts } from "../schema.ts";
import { cachedStatement } from "./statement-cache.ts";

const p = sql.placeholder;

/** Reads one order, deleted ones included (they carry `deleted_at`); null when the id is unknown. */
export function getOrder(db: Db, params: { order_id: number }): OrderDetail | null {
  const statement = cachedStatement(db, "orders:get", () =>
    db.select().from(orders).where(eq(orders.id, p("id"))).prepare(),
  );
  const row = statement.get({ id: params.order_id });
  if (row === undefined) return null;
  return rowToOrder(row, partsSummary(db, params.order_id));
}

/** Counts by state and the next ETA of undelivered parts, in one indexed pass. */
export function partsSummary(db: Db, orderId: number): PartsSummary {
  const statement = cachedStatement(db, "parts:summary", () =>
    db
      .select({
        total: sql<number>`count(*)`,
        missing: sql<number>`coalesce(sum(${parts.isMissing}), 0)`,
        to_order: sql<number>`coalesce(sum(${parts.isToOrder}), 0)`,
        ordered: sql<number>`coalesce(sum(${parts.isOrdered}), 0)`,
        delivered: sql<number>`coalesce(sum(${parts.isDelivered}), 0)`,
        backorder: sql<number>`coalesce(sum(${parts.isBackorder}), 0)`,
        next_eta: sql<string | null>`min(CASE WHEN ${parts.isDelivered} = 0 THEN ${parts.etaDate} END)`,
      })
      .from(parts)
      .where(eq(parts.orderId, p("order_id")))
      .prepare(),
  );
  return statement.get({ order_id: orderId }) ?? { total: 0, missing: 0, to_order: 0, ordered: 0, delivered: 0, backorder: 0, next_eta: null };
}
