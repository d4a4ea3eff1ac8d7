/** Results that the write steps share: the stored order, and a save that was not mirrored. */
import type { Db } from "../db/connection.ts";
import type { OrderDetail } from "../db/order-row.ts";
import { getOrder } from "../db/queries/get-order.ts";
import { PlansoError } from "../planso/errors.ts";
import type { WriteOutcome } from "./write-messages.ts";

/** Reads the stored order for the response; it exists because the caller has just stored it. */
export function storedDetail(db: Db, orderId: string): OrderDetail {
  const order = getOrder(db, { order_id: Number(orderId) });
  if (order === null) throw new Error(`order ${orderId} is missing from the mirror right after it was stored`);
  return order;
}

/**
 * Builds the outcome for a write that PlanSo saved but whose read-back failed. The
 * save is kept, and the mirror gets the order with the next sync.
 */
export function savedNotMirrored(verb: "created" | "updated", orderId: string, error: unknown): Extract<WriteOutcome, { status: "saved_not_mirrored" }> {
  const reason = error instanceof PlansoError ? `${error.kind}: ${error.message}` : error instanceof Error ? error.message : String(error);
  return {
    status: "saved_not_mirrored",
    order_id: orderId,
    message: `PlanSo ${verb} order ${orderId}, but reading it back failed (${reason}); the mirror stores it with the next sync, so do not repeat the write`,
  };
}
