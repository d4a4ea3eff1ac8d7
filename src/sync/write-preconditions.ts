/**
 * Checks an update or delete makes before it writes: the mirror's stored state of the
 * order, and the caller's `expected_version` against the mirror and against PlanSo.
 * PlanSo has no version token, so "changed in PlanSo" means that the form read now
 * differs from the form fields the mirror stored with that version. A change between
 * this read and the save goes undetected.
 *
 * NOTE: a form field that PlanSo changes by itself (a computed value or a "last
 * changed" stamp) would fail every conditional write. The simulator has none, and no
 * such field is known from a real tenant.
 */
import { eq } from "drizzle-orm";

import type { Db } from "../db/connection.ts";
import { orders } from "../db/schema.ts";
import type { BoardItem, PlansoApi } from "../planso/types.ts";
import type { WriteOutcome } from "./write-messages.ts";

/** The mirror columns a write needs to know about an order before it writes. */
export interface StoredState {
  version: number;
  deletedAt: string | null;
  onBoard: boolean;
  fields: Record<string, string>;
  board: BoardItem;
}

/** Reads the order's stored state; null when the mirror has never stored it. */
export function readStoredState(db: Db, orderId: string): StoredState | null {
  const row = db
    .select({
      version: orders.version,
      deletedAt: orders.deletedAt,
      onBoard: orders.onBoard,
      fields: orders.fields,
      shortName: orders.shortName,
      stationId: orders.stationId,
      stationState: orders.stationState,
      employeeId: orders.employeeId,
      boardPosition: orders.boardPosition,
    })
    .from(orders)
    .where(eq(orders.id, Number(orderId)))
    .get();
  if (row === undefined) return null;
  return {
    version: row.version,
    deletedAt: row.deletedAt,
    onBoard: row.onBoard,
    fields: row.fields,
    // A write does not move the order on the board, so the stored board entry still holds.
    board: {
      id: orderId,
      short_name: row.shortName,
      station_id: row.stationId,
      station_state: row.stationState,
      employee_id: row.employeeId,
      board_position: row.boardPosition,
    },
  };
}

type PreconditionFailed = Extract<WriteOutcome, { status: "precondition_failed" }>;

/**
 * Checks `expected` against the mirror, then against a fresh read of the form.
 * Returns the failure to respond with, or null when the write may go ahead (always
 * null without `expected`). PlanSo failures of the read are thrown.
 */
export async function checkExpectedVersion(
  api: PlansoApi,
  orderId: string,
  stored: StoredState | null,
  expected: number | undefined,
): Promise<PreconditionFailed | null> {
  if (expected === undefined) return null;
  if (stored === null || stored.deletedAt !== null) {
    const state = stored === null ? "is not in the mirror" : `was deleted at ${stored.deletedAt}`;
    return {
      status: "precondition_failed",
      message: `Order ${orderId} ${state}, so it cannot match version ${expected}; nothing was written`,
      current_version: stored?.version ?? null,
    };
  }
  if (stored.version !== expected) {
    return {
      status: "precondition_failed",
      message: `Order ${orderId} is at version ${stored.version}, not ${expected}; read it again and retry with the new version. Nothing was written`,
      current_version: stored.version,
    };
  }

  const upstream = await api.readOrder(orderId, { withParts: false, withExtended: false });
  const changed = differingLabels(stored.fields, upstream.fields);
  if (changed.length === 0) return null;
  return {
    status: "precondition_failed",
    message:
      `Order ${orderId} changed in PlanSo since version ${expected} (form fields: ${changed.join(", ")}); ` +
      "start a sync or wait for the next one, read the order again and retry. Nothing was written",
    current_version: stored.version,
  };
}

/** Labels whose raw value differs between two form readings, or that only one of them has, sorted. */
export function differingLabels(stored: Record<string, string>, current: Record<string, string>): string[] {
  const labels = new Set([...Object.keys(stored), ...Object.keys(current)]);
  return [...labels].filter((label) => stored[label]?.normalize("NFC") !== current[label]?.normalize("NFC")).sort();
}
