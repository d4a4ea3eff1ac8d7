/**
 * `orders.list`: filtered, sorted, keyset-paged orders with the total match count.
 *
 * The total is counted first. When every match fits on the page, one statement
 * reads and sorts them. Otherwise a page is found as ids first and read as rows
 * after: sorting and limiting work on small index entries, and only the page's rows
 * (wide, with their JSON columns) are read. Date sorts keep orders without that date last in both directions: the ids
 * with the date come first, then (when the page is not full yet) the ones without
 * it, ordered by id. Each of those reads can follow an index `(date, id)`, so a page
 * costs the same at the start and deep into the listing.
 *
 * Every statement is prepared once per filter shape (statement-cache.ts).
 */
import { asc, count, desc, getTableColumns, sql } from "drizzle-orm";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

import type { Db } from "../connection.ts";
import { rowToOrder, type Order, type OrderListRow } from "../order-row.ts";
import { orders } from "../schema.ts";
import { decodeCursor, encodeCursor, type CursorPosition } from "./cursor.ts";
import { QueryInputError } from "./errors.ts";
import { planOrderFilters, qFtsQuery, whereAll, type FilterPlan, type OrderFilters } from "./order-filters.ts";
import { cachedStatement } from "./statement-cache.ts";

export const ORDER_SORTS = ["shop_date", "repair_date", "finish_date", "updated_at", "id", "relevance"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export interface ListOrdersParams extends OrderFilters {
  /** Default `shop_date`, or `relevance` when `q` is given. */
  sort?: OrderSort;
  /** Default `desc`; `relevance` always lists the best match first. */
  order?: "asc" | "desc";
  /** 1–500; the schema enforces the range. */
  limit: number;
  cursor?: string;
}

export interface OrderPage {
  orders: Order[];
  count: number;
  /** Orders matching the filters, ignoring the cursor. */
  total: number;
  next_cursor: string | null;
}

const {
  details: _details,
  fields: _fields,
  extended: _extended,
  partsTotals: _partsTotals,
  plateKey: _plateKey,
  personSearch: _personSearch,
  phoneRev: _phoneRev,
  phoneSearch: _phoneSearch,
  emailLower: _emailLower,
  statusKey: _statusKey,
  damageKey: _damageKey,
  contentHash: _contentHash,
  ...listColumns
} = getTableColumns(orders);
/** Columns the list view reads (see OrderListRow). Each one left out is work saved on every row of every page. */
export const ORDER_LIST_COLUMNS = listColumns;

/**
 * The FTS5 table (created by a custom migration, drizzle/0001_fts.sql), declared
 * here for queries only; kept out of schema.ts so drizzle-kit does not manage it.
 */
const ordersFts = sqliteTable("orders_fts", { rowid: integer("rowid") });

const SORT_COLUMNS = {
  shop_date: orders.shopDate,
  repair_date: orders.repairDate,
  finish_date: orders.finishDate,
  updated_at: orders.updatedAt,
} as const;

type Direction = "asc" | "desc";
/** One entry of a page before its row is read: the id and the value it is sorted by. */
type Key = { id: number; value: string | number | null };

const p = sql.placeholder;

export function listOrders(db: Db, params: ListOrdersParams): OrderPage {
  const hasQ = params.q !== undefined && params.q.trim() !== "";
  const sort: OrderSort = params.sort ?? (hasQ ? "relevance" : "shop_date");
  if (sort === "relevance" && !hasQ) throw new QueryInputError("sort", "sort=relevance needs q");
  const direction: Direction = sort === "relevance" ? "asc" : (params.order ?? "desc");
  const sortTag = `${sort}:${direction}`;
  const cursor = params.cursor === undefined || params.cursor === "" ? null : decodeCursor(params.cursor, sortTag);

  const limit = params.limit;
  if (sort === "relevance") {
    const rest = planOrderFilters(params, { withQ: false });
    if (rest.shape.every((name) => name === "live")) return listByTextOnly(db, params.q!, rest, cursor, limit, sortTag);
  }

  const plan = planOrderFilters(params);
  const values = { ...plan.values, ...resolveFtsFilters(db, plan) };
  const total = countOrders(db, plan, values);

  // Everything fits on this first page: read the matches in one sorted statement.
  if (cursor === null && total <= limit) {
    const rows =
      sort === "relevance"
        ? wholeByRelevance(db, params.q!, planOrderFilters(params, { withQ: false }), values)
        : wholeResult(db, sort, plan, values, direction);
    return { orders: rows.map((row) => rowToOrder(row)), count: rows.length, total, next_cursor: null };
  }

  const keys =
    sort === "relevance"
      ? relevanceKeys(db, params.q!, planOrderFilters(params, { withQ: false }), values, cursor, limit)
      : sort === "id"
        ? idKeys(db, plan, values, direction, cursor, limit)
        : dateKeys(db, sort, plan, values, direction, cursor, limit);

  const pageKeys = keys.slice(0, limit);
  const last = pageKeys.at(-1);
  const rows = rowsByIds(db, pageKeys.map((k) => k.id));
  return {
    orders: rows.map((row) => rowToOrder(row)),
    count: rows.length,
    total,
    next_cursor: keys.length > limit && last !== undefined ? encodeCursor({ sort: sortTag, value: last.value, id: last.id }) : null,
  };
}

/**
 * Reads every match, sorted with orders without the date last. Used when all matches
 * fit on one page: sorting those few rows costs less than finding ids first.
 */
function wholeResult(db: Db, sort: Exclude<OrderSort, "relevance">, plan: FilterPlan, values: Record<string, unknown>, direction: Direction): OrderListRow[] {
  const by = direction === "desc" ? desc : asc;
  const statement = cachedStatement(db, `orders:whole|${sort}|${direction}|${plan.shape.join(",")}`, () => {
    const order = sort === "id" ? [by(orders.id)] : [sql`${SORT_COLUMNS[sort]} IS NULL`, by(SORT_COLUMNS[sort]), by(orders.id)];
    return db
      .select(ORDER_LIST_COLUMNS)
      .from(orders)
      .where(whereAll(plan.conditions))
      .orderBy(...order)
      .prepare();
  });
  return statement.all(values);
}

function wholeByRelevance(db: Db, q: string, plan: FilterPlan, values: Record<string, unknown>): OrderListRow[] {
  const rank = sql`bm25(orders_fts)`;
  const statement = cachedStatement(db, `orders:whole|relevance|${plan.shape.join(",")}`, () =>
    db
      .select(ORDER_LIST_COLUMNS)
      .from(ordersFts)
      .innerJoin(orders, sql`${orders.id} = ${ordersFts.rowid}`)
      .where(whereAll([sql`orders_fts MATCH ${p("q_fts")}`, ...plan.conditions]))
      .orderBy(rank, asc(orders.id))
      .prepare(),
  );
  return statement.all({ ...values, q_fts: qFtsQuery(q) });
}

/**
 * Lists `q` matches when no other filter than the default "not deleted" applies. The
 * count and the ranking then run on the full-text index alone, with tombstones taken
 * from their partial index, so no order row is read except those of the page. With
 * 6,000 matches in a 100,000-order mirror this takes about half the time of the
 * general path, which reads every matching row to check `deleted_at`.
 */
function listByTextOnly(db: Db, q: string, rest: FilterPlan, cursor: CursorPosition | null, limit: number, sortTag: string): OrderPage {
  if (cursor !== null && typeof cursor.value !== "number") {
    throw new QueryInputError("cursor", "cursor is invalid (not a relevance cursor); pass next_cursor from the previous page unchanged");
  }
  const live = rest.shape.includes("live");
  const notDeleted = live ? sql`AND rowid NOT IN (SELECT id FROM orders WHERE deleted_at IS NOT NULL)` : sql``;
  const query = qFtsQuery(q);

  const counter = cachedStatement(db, `orders:text-count|${live}`, () =>
    db.select({ n: count() }).from(ordersFts).where(sql`orders_fts MATCH ${p("q_fts")} ${notDeleted}`).prepare(),
  );
  const total = counter.get({ q_fts: query })?.n ?? 0;

  const rank = sql<number>`bm25(orders_fts)`;
  const ranked = cachedStatement(db, `orders:text-keys|${live}|${cursor !== null}`, () => {
    const after = cursor === null ? sql`` : sql`AND (${rank}, rowid) > (${p("cur_value")}, ${p("cur_id")})`;
    return db
      .select({ id: ordersFts.rowid, value: rank })
      .from(ordersFts)
      .where(sql`orders_fts MATCH ${p("q_fts")} ${notDeleted} ${after}`)
      .orderBy(rank, sql`rowid`)
      .limit(p("limit"))
      .prepare();
  });
  const keys = ranked.all({ q_fts: query, cur_value: cursor?.value, cur_id: cursor?.id, limit: limit + 1 }) as Key[];

  const pageKeys = keys.slice(0, limit);
  const last = pageKeys.at(-1);
  const rows = rowsByIds(db, pageKeys.map((k) => k.id));
  return {
    orders: rows.map((row) => rowToOrder(row)),
    count: rows.length,
    total,
    next_cursor: keys.length > limit && last !== undefined ? encodeCursor({ sort: sortTag, value: last.value, id: last.id }) : null,
  };
}

/** Runs each FTS filter once; its matching ids fill the plan's id-list placeholder. */
function resolveFtsFilters(db: Db, plan: FilterPlan): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, query] of Object.entries(plan.fts)) {
    const statement = cachedStatement(db, "orders:fts-ids", () =>
      db.select({ id: ordersFts.rowid }).from(ordersFts).where(sql`orders_fts MATCH ${p("query")}`).prepare(),
    );
    resolved[name] = JSON.stringify(statement.all({ query }).map((r) => r.id));
  }
  return resolved;
}

function countOrders(db: Db, plan: FilterPlan, values: Record<string, unknown>): number {
  const [onlyList, ...otherLists] = Object.entries(plan.idLists);
  if (onlyList !== undefined && otherLists.length === 0 && plan.shape.every((name) => name === onlyList[0] || name === "live")) {
    return countIdList(db, onlyList[1], plan.shape.includes("live"), values);
  }
  const statement = cachedStatement(db, `orders:count|${plan.shape.join(",")}`, () =>
    db.select({ n: count() }).from(orders).where(whereAll(plan.conditions)).prepare(),
  );
  return statement.get(values)?.n ?? 0;
}

/**
 * Counts the orders of an FTS id list when it is the only filter (a person search).
 * The ids come from the index, so they all exist, and only tombstones need a lookup.
 * Counting on the list reads no order row. Over 300 sample names in a 100,000-order
 * mirror this took 20 µs on average, against 310 µs for the count over order rows.
 */
function countIdList(db: Db, placeholder: string, live: boolean, values: Record<string, unknown>): number {
  const statement = cachedStatement(db, `orders:count-ids|${live}`, () => {
    const notDeleted = live ? sql`value NOT IN (SELECT ${orders.id} FROM ${orders} WHERE ${orders.deletedAt} IS NOT NULL)` : sql`1`;
    return db.select({ n: count() }).from(sql`json_each(${p("ids")})`).where(notDeleted).prepare();
  });
  return statement.get({ ids: values[placeholder] })?.n ?? 0;
}

/** Reads the page's rows, in the order of `ids`. */
function rowsByIds(db: Db, ids: number[]): OrderListRow[] {
  if (ids.length === 0) return [];
  const statement = cachedStatement(db, "orders:by-ids", () =>
    db
      .select(ORDER_LIST_COLUMNS)
      .from(orders)
      .where(sql`${orders.id} IN (SELECT value FROM json_each(${p("ids")}))`)
      .prepare(),
  );
  const byId = new Map(statement.all({ ids: JSON.stringify(ids) }).map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is OrderListRow => row !== undefined);
}

function idKeys(db: Db, plan: FilterPlan, values: Record<string, unknown>, direction: Direction, cursor: CursorPosition | null, limit: number): Key[] {
  const by = direction === "desc" ? desc : asc;
  const statement = cachedStatement(db, `orders:id|${direction}|${cursor !== null}|${plan.shape.join(",")}`, () => {
    const after = cursor === null ? [] : [sql`${orders.id} ${sql.raw(direction === "desc" ? "<" : ">")} ${p("cur_id")}`];
    return db
      .select({ id: orders.id })
      .from(orders)
      .where(whereAll([...plan.conditions, ...after]))
      .orderBy(by(orders.id))
      .limit(p("limit"))
      .prepare();
  });
  return statement.all({ ...values, cur_id: cursor?.id, limit: limit + 1 }).map((r) => ({ id: r.id, value: r.id }));
}

function dateKeys(
  db: Db,
  sort: keyof typeof SORT_COLUMNS,
  plan: FilterPlan,
  values: Record<string, unknown>,
  direction: Direction,
  cursor: CursorPosition | null,
  limit: number,
): Key[] {
  const column = SORT_COLUMNS[sort];
  const by = direction === "desc" ? desc : asc;
  const before = sql.raw(direction === "desc" ? "<" : ">");
  const shape = plan.shape.join(",");
  const keys: Key[] = [];

  // Orders that have the date, continuing after the cursor's (date, id).
  if (cursor === null || cursor.value !== null) {
    const statement = cachedStatement(db, `orders:${sort}|${direction}|with|${cursor !== null}|${shape}`, () => {
      const after = cursor === null ? sql`${column} IS NOT NULL` : sql`(${column}, ${orders.id}) ${before} (${p("cur_value")}, ${p("cur_id")})`;
      return db
        .select({ id: orders.id, value: column })
        .from(orders)
        .where(whereAll([...plan.conditions, after]))
        .orderBy(by(column), by(orders.id))
        .limit(p("limit"))
        .prepare();
    });
    keys.push(...statement.all({ ...values, cur_value: cursor?.value, cur_id: cursor?.id, limit: limit + 1 }));
  }

  // Then the orders without it, by id.
  if (keys.length <= limit) {
    const afterId = cursor !== null && cursor.value === null;
    const statement = cachedStatement(db, `orders:${sort}|${direction}|without|${afterId}|${plan.selective}|${shape}`, () => {
      // Without statistics SQLite would walk the date index for `IS NULL`; `+column`
      // keeps it on the index of a filter that narrows the listing.
      const missing = plan.selective ? sql`+${column} IS NULL` : sql`${column} IS NULL`;
      const after = afterId ? [sql`${orders.id} ${before} ${p("cur_id")}`] : [];
      return db
        .select({ id: orders.id })
        .from(orders)
        .where(whereAll([...plan.conditions, missing, ...after]))
        .orderBy(by(orders.id))
        .limit(p("limit"))
        .prepare();
    });
    const rest = statement.all({ ...values, cur_id: cursor?.id, limit: limit + 1 - keys.length });
    keys.push(...rest.map((r) => ({ id: r.id, value: null })));
  }
  return keys;
}

/** Best FTS5 matches first (bm25, lower is better), ties by id. */
function relevanceKeys(
  db: Db,
  q: string,
  plan: FilterPlan,
  values: Record<string, unknown>,
  cursor: CursorPosition | null,
  limit: number,
): Key[] {
  if (cursor !== null && typeof cursor.value !== "number") {
    throw new QueryInputError("cursor", "cursor is invalid (not a relevance cursor); pass next_cursor from the previous page unchanged");
  }
  const rank = sql<number>`bm25(orders_fts)`;
  const statement = cachedStatement(db, `orders:relevance|${cursor !== null}|${plan.shape.join(",")}`, () => {
    const after = cursor === null ? [] : [sql`(${rank}, ${orders.id}) > (${p("cur_value")}, ${p("cur_id")})`];
    return db
      .select({ id: orders.id, value: rank })
      .from(ordersFts)
      .innerJoin(orders, sql`${orders.id} = ${ordersFts.rowid}`)
      .where(whereAll([sql`orders_fts MATCH ${p("q_fts")}`, ...plan.conditions, ...after]))
      .orderBy(rank, asc(orders.id))
      .limit(p("limit"))
      .prepare();
  });
  return statement.all({ ...values, q_fts: qFtsQuery(q), cur_value: cursor?.value, cur_id: cursor?.id, limit: limit + 1 });
}
