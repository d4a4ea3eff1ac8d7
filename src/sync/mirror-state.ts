/** Reads of the mirror that a sync run plans with, and the board-leave step at its end. */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";

import type { Db } from "../db/connection.ts";
import { markLeftBoard, type WriteMeta } from "../db/mirror-writer.ts";
import { orders } from "../db/schema.ts";

/** Orders the mirror stores as on the board and not deleted. */
export function countOnBoard(db: Db): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(orders)
    .where(and(eq(orders.onBoard, true), isNull(orders.deletedAt)))
    .get();
  return row?.n ?? 0;
}

/**
 * Sorts never-synced orders first, then the longest unsynced, keeping board order among
 * equals. After a run that PlanSo cut short, the next run starts with the orders that
 * run did not reach.
 */
export function oldestSyncedFirst(db: Db, ids: string[]): string[] {
  const lastSynced = new Map<string, string | null>();
  for (const row of db.select({ id: orders.id, at: orders.lastSyncedAt }).from(orders).all()) {
    lastSynced.set(String(row.id), row.at);
  }
  const position = new Map(ids.map((id, index) => [id, index]));
  const key = (id: string) => lastSynced.get(id) ?? "";
  return [...ids].sort((a, b) => {
    if (key(a) !== key(b)) return key(a) < key(b) ? -1 : 1;
    return position.get(a)! - position.get(b)!;
  });
}

/** Splits `ids` into those the mirror contains and, of those, the ones stored as off the board. */
export function storedIds(db: Db, ids: string[]): { known: Set<string>; offBoard: Set<string> } {
  const known = new Set<string>();
  const offBoard = new Set<string>();
  // Chunks stay below SQLite's limit on bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500).map(Number);
    for (const row of db.select({ id: orders.id, onBoard: orders.onBoard }).from(orders).where(inArray(orders.id, chunk)).all()) {
      known.add(String(row.id));
      if (!row.onBoard) offBoard.add(String(row.id));
    }
  }
  return { known, offBoard };
}

/**
 * Marks the orders stored as on the board that the complete listing no longer shows:
 * they get `on_board` false and keep their data. They are not read again, because
 * PlanSo returns the same empty form for an archived order as for an unknown one, so
 * a read could not tell an archived order from a deleted one. Returns how many left.
 */
export function markOrdersOffBoard(db: Db, listedIds: Iterable<string>, meta: WriteMeta): number {
  const listed = new Set(listedIds);
  const gone = db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.onBoard, true), isNull(orders.deletedAt)))
    .orderBy(orders.id)
    .all()
    .map((row) => String(row.id))
    .filter((id) => !listed.has(id));
  return markLeftBoard(db, gone, meta).length;
}
