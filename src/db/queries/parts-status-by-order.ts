/** `parts.statusByOrder`: delivery state of one order's parts. */
import { eq, sql } from "drizzle-orm";

import type { Db } from "../connection.ts";
import { rowToPart, type Part, type PartsSummary } from "../order-row.ts";
import { orders } from "../schema.ts";
import { partsSummary } from "./get-order.ts";
import { orderParts } from "./list-parts-by-order.ts";
import { cachedStatement } from "./statement-cache.ts";

export interface PartsStatus {
  order_id: string;
  /** The order's own `E-Teile Status` text and flag, as PlanSo shows them. */
  parts_status: string | null;
  missing_parts: boolean;
  summary: PartsSummary;
  /** Parts still missing (to order, ordered, back-ordered), in table order. */
  missing: Part[];
}

/** Null when the order is unknown. */
export function partsStatusByOrder(db: Db, params: { order_id: number }): PartsStatus | null {
  const statement = cachedStatement(db, "orders:parts-status", () =>
    db
      .select({ partsStatus: orders.partsStatus, missingParts: orders.missingParts })
      .from(orders)
      .where(eq(orders.id, sql.placeholder("id")))
      .prepare(),
  );
  const order = statement.get({ id: params.order_id });
  if (order === undefined) return null;
  return {
    order_id: String(params.order_id),
    parts_status: order.partsStatus,
    missing_parts: order.missingParts,
    summary: partsSummary(db, params.order_id),
    missing: orderParts(db, params.order_id, true).map(rowToPart),
  };
}
