/**
 * `parts.search`: parts across orders, e.g. everything back-ordered or due in a
 * date range. Listed by order, then table position; keyset-paged on
 * (order_id, position, id), which follows the indexes that start with a flag and
 * the order id. Statements are prepared once per filter shape.
 */
import { asc, count, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import type { Db } from "../connection.ts";
import { partNoKey, rowToPart, type Part } from "../order-row.ts";
import { parts } from "../schema.ts";
import { decodeCursor, encodeCursor, type CursorValue } from "./cursor.ts";
import { QueryInputError } from "./errors.ts";
import { whereAll } from "./order-filters.ts";
import { cachedStatement } from "./statement-cache.ts";
import { likeContains } from "./text-match.ts";

export interface SearchPartsParams {
  missing?: boolean;
  backorder?: boolean;
  ordered?: boolean;
  delivered?: boolean;
  /** Inclusive `YYYY-MM-DD` bounds on the ETA. */
  eta_from?: string;
  eta_to?: string;
  order_id?: number;
  /** Substring of the part number; spaces, hyphens, dots and case are ignored. */
  part_no?: string;
  /** Status texts (`Bestellt`, `Rückstand`), any of them; ASCII case is ignored. */
  status?: string[];
  /** Include parts of deleted orders; default false. */
  include_deleted?: boolean;
  limit: number;
  cursor?: string;
}

export interface PartPage {
  parts: Part[];
  count: number;
  total: number;
  next_cursor: string | null;
}

const SORT_TAG = "parts:order_id,position,id";
const p = sql.placeholder;

export function searchParts(db: Db, params: SearchPartsParams): PartPage {
  const conditions: SQL[] = [];
  const values: Record<string, unknown> = {};
  const shape: string[] = [];
  const add = (name: string, condition: SQL, more: Record<string, unknown> = {}) => {
    conditions.push(condition);
    Object.assign(values, more);
    shape.push(name);
  };
  const flag = (name: string, column: SQLiteColumn, value: boolean | undefined) => {
    if (value !== undefined) add(name, sql`${column} = ${p(name)}`, { [name]: value ? 1 : 0 });
  };

  flag("missing", parts.isMissing, params.missing);
  flag("backorder", parts.isBackorder, params.backorder);
  flag("ordered", parts.isOrdered, params.ordered);
  flag("delivered", parts.isDelivered, params.delivered);
  if (params.eta_from !== undefined) add("eta_from", sql`${parts.etaDate} >= ${p("eta_from")}`, { eta_from: params.eta_from });
  if (params.eta_to !== undefined) add("eta_to", sql`${parts.etaDate} <= ${p("eta_to")}`, { eta_to: params.eta_to });
  if (params.order_id !== undefined) add("order_id", sql`${parts.orderId} = ${p("order_id")}`, { order_id: params.order_id });
  if (params.part_no !== undefined && params.part_no.trim() !== "") {
    const key = partNoKey(params.part_no);
    if (key === null) throw new QueryInputError("part_no", "part_no must contain at least one letter or digit");
    // As a subquery, the LIKE scans the part-number index instead of the table.
    add("part_no", sql`${parts.id} IN (SELECT id FROM parts WHERE part_no_key LIKE ${p("part_no")} ESCAPE '\\')`, { part_no: likeContains(key) });
  }
  const statuses = [...new Set((params.status ?? []).map((s) => s.trim().toLowerCase()).filter((s) => s !== ""))];
  if (statuses.length > 0) {
    add("status", sql`lower(${parts.status}) IN (SELECT value FROM json_each(${p("statuses")}))`, { statuses: JSON.stringify(statuses) });
  }
  if (params.include_deleted !== true) {
    // Tombstones are few, so the list of deleted orders is small and read once.
    add("live", sql`${parts.orderId} NOT IN (SELECT id FROM orders WHERE deleted_at IS NOT NULL)`);
  }

  const cursor = params.cursor === undefined || params.cursor === "" ? null : decodeCursor(params.cursor, SORT_TAG);
  const key = shape.join(",");
  const page = cachedStatement(db, `parts:search|${cursor !== null}|${key}`, () => {
    const after = cursor === null ? [] : [sql`(${parts.orderId}, ${parts.position}, ${parts.id}) > (${p("cur_order")}, ${p("cur_position")}, ${p("cur_id")})`];
    return db
      .select()
      .from(parts)
      .where(whereAll([...conditions, ...after]))
      .orderBy(asc(parts.orderId), asc(parts.position), asc(parts.id))
      .limit(p("limit"))
      .prepare();
  });
  const [curOrder, curPosition] = cursor === null ? [undefined, undefined] : partKey(cursor.value);
  const rows = page.all({ ...values, cur_order: curOrder, cur_position: curPosition, cur_id: cursor?.id, limit: params.limit + 1 });
  const total = cachedStatement(db, `parts:count|${key}`, () => db.select({ n: count() }).from(parts).where(whereAll(conditions)).prepare()).get(values)?.n ?? 0;

  const visible = rows.slice(0, params.limit);
  const last = visible.at(-1);
  return {
    parts: visible.map(rowToPart),
    count: visible.length,
    total,
    next_cursor: rows.length > params.limit && last ? encodeCursor({ sort: SORT_TAG, value: [last.orderId, last.position], id: last.id }) : null,
  };
}

/** (order_id, position) of a parts cursor; a cursor of another shape is invalid. */
function partKey(value: CursorValue | CursorValue[]): [number, number] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === "number")) {
    throw new QueryInputError("cursor", "cursor is invalid (not a parts cursor); pass next_cursor from the previous page unchanged");
  }
  return [value[0] as number, value[1] as number];
}
