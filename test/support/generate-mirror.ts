/**
 * Writes a realistic mirror straight into SQLite through the same row builders the
 * sync writer uses (toOrderRow, toPartRows), so search columns and the FTS index are
 * exactly what a synced mirror would hold. Prepared statements, one transaction
 * per 10,000 orders. 100,000 orders with about 1,000,000 parts took about 40 s on a
 * 2-core machine, three quarters of it in SQLite (indexes and the FTS triggers).
 */
import { getTableColumns } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import type { Db } from "../../src/db/connection.ts";
import { orderContentHash, toOrderRow, toPartRows } from "../../src/db/order-row.ts";
import { orders, parts, type NewOrderRow, type NewPartRow } from "../../src/db/schema.ts";
import { FIXTURE_ORDERS, type FixtureOrder } from "./mirror-fixtures.ts";
import { randomOrder } from "./random-order.ts";

export interface GenerateMirrorOptions {
  /** Generated orders, besides the fixed ones in mirror-fixtures.ts. */
  orders: number;
  /** Mean parts per order; a tenth of the orders have none, the rest 1 to about 2.2 × mean. Default 10. */
  partsPerOrder?: number;
  seed?: number;
  /** Also write the hand-made fixture orders (ids 1001–1007). Default true. */
  fixtures?: boolean;
}

/** First generated id; ids then rise in steps of 1–4, leaving gaps as PlanSo's do after deletions. */
export const FIRST_GENERATED_ID = 10001;
const ORDERS_PER_TRANSACTION = 10_000;
/** Mirror clock of generated rows: `updated_at` is this plus one second per order. */
const BASE_TIME_MS = Date.UTC(2026, 2, 1, 8, 0, 0);

/** Returns the ids of every order written (fixtures first), in insertion order. */
export function generateMirror(db: Db, options: GenerateMirrorOptions): { ids: number[] } {
  const seed = options.seed ?? 1;
  const perOrder = options.partsPerOrder ?? 10;
  const write = orderWriter(db);
  const ids: number[] = [];

  const sqlite = db.$client;
  // A large page cache keeps the growing indexes in memory while writing (KiB,
  // negative); the caller's setting is restored after.
  const cacheSize = sqlite.query<{ cache_size: number }, []>("PRAGMA cache_size").get()?.cache_size ?? -2000;
  sqlite.exec("PRAGMA cache_size = -262144");
  if (options.fixtures ?? true) {
    sqlite.transaction(() => FIXTURE_ORDERS.forEach((fixture, i) => ids.push(write(fixture, i, orderContentHash(fixture.order)))))();
  }

  let id = FIRST_GENERATED_ID;
  for (let start = 0; start < options.orders; start += ORDERS_PER_TRANSACTION) {
    const end = Math.min(options.orders, start + ORDERS_PER_TRANSACTION);
    sqlite.transaction(() => {
      for (let i = start; i < end; i++) {
        const order = randomOrder(seed, id, perOrder);
        // A cheaper, non-canonical hash: nothing compares the hashes of generated orders.
        ids.push(write({ order }, FIXTURE_ORDERS.length + i, Bun.hash(JSON.stringify(order)).toString(16)));
        id += 1 + ((id * 2654435761) >>> 30);
      }
    })();
  }
  sqlite.exec(`PRAGMA cache_size = ${cacheSize}`);
  return { ids };
}

/** Writes the given orders (and their parts) as generateMirror does, for small hand-made mirrors. */
export function writeOrders(db: Db, list: readonly FixtureOrder[]): void {
  const write = orderWriter(db);
  db.$client.transaction(() => list.forEach((fixture, i) => write(fixture, i, orderContentHash(fixture.order))))();
}

/** Returns a function that stores one order with its parts and returns its id; `index` sets its mirror clock. */
function orderWriter(db: Db): (fixture: FixtureOrder, index: number, contentHash: string) => number {
  const insertOrder = rowInserter(db, "orders", getTableColumns(orders));
  const insertPart = rowInserter(db, "parts", withoutId(getTableColumns(parts)));
  return ({ order, row }, index, contentHash) => {
    const now = new Date(BASE_TIME_MS + index * 1000).toISOString();
    const full: NewOrderRow = { ...toOrderRow(order, { contentHash, now }), ...row };
    insertOrder(full);
    for (const part of toPartRows(full.id!, order.parts ?? [])) insertPart(part);
    return full.id!;
  };
}

function withoutId<T extends Record<string, SQLiteColumn>>(columns: T): Omit<T, "id"> {
  const { id: _id, ...rest } = columns;
  return rest;
}

/**
 * One prepared INSERT for a table; values go through each column's own driver
 * mapping (booleans → 0/1, JSON → text), as Drizzle's insert would do.
 */
function rowInserter(db: Db, table: string, columns: Record<string, SQLiteColumn>): (row: NewOrderRow | NewPartRow) => void {
  const entries = Object.entries(columns);
  const names = entries.map(([, column]) => `"${column.name}"`).join(", ");
  const statement = db.$client.prepare(`INSERT INTO "${table}" (${names}) VALUES (${entries.map(() => "?").join(", ")})`);
  return (row) => {
    const values = entries.map(([key, column]) => {
      const value = (row as Record<string, unknown>)[key];
      if (value === undefined) return column.default ?? null;
      return value === null ? null : column.mapToDriverValue(value);
    });
    statement.run(...(values as never[]));
  };
}
