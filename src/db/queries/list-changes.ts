/**
 * `changes.list`: the append-only change log, oldest first. `next_cursor` is always
 * set, also on an empty page, so a client can poll with it and see only newer changes.
 */
import { asc, sql, type SQL } from "drizzle-orm";

import type { Db } from "../connection.ts";
import { changes, type ChangeRow } from "../schema.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { whereAll } from "./order-filters.ts";
import { cachedStatement } from "./statement-cache.ts";

const p = sql.placeholder;

export interface Change {
  id: number;
  at: string;
  order_id: string;
  kind: string;
  source: string;
  run_id: number | null;
  changed_fields: string[];
  version_after: number | null;
}

export interface ChangePage {
  changes: Change[];
  count: number;
  /** Pass back to continue after the last change served (or after the cursor given, when none was new). */
  next_cursor: string;
  /** True when more changes are waiting right now. */
  has_more: boolean;
}

export interface ListChangesParams {
  order_id?: number;
  /** ISO 8601 UTC with milliseconds: only changes at or after this time. */
  since?: string;
  limit: number;
  cursor?: string;
}

const SORT_TAG = "changes:id";

export function listChanges(db: Db, params: ListChangesParams): ChangePage {
  const afterId = params.cursor === undefined || params.cursor === "" ? 0 : decodeCursor(params.cursor, SORT_TAG).id;
  const statement = cachedStatement(db, `changes:list|${params.order_id !== undefined}|${params.since !== undefined}`, () => {
    const conditions: SQL[] = [sql`${changes.id} > ${p("after_id")}`];
    if (params.order_id !== undefined) conditions.push(sql`${changes.orderId} = ${p("order_id")}`);
    if (params.since !== undefined) conditions.push(sql`${changes.at} >= ${p("since")}`);
    return db.select().from(changes).where(whereAll(conditions)).orderBy(asc(changes.id)).limit(p("limit")).prepare();
  });
  const rows = statement.all({ after_id: afterId, order_id: params.order_id, since: params.since, limit: params.limit + 1 });
  const visible = rows.slice(0, params.limit);
  const lastId = visible.at(-1)?.id ?? afterId;
  return {
    changes: visible.map(rowToChange),
    count: visible.length,
    next_cursor: encodeCursor({ sort: SORT_TAG, value: null, id: lastId }),
    has_more: rows.length > params.limit,
  };
}

export function rowToChange(row: ChangeRow): Change {
  return {
    id: row.id,
    at: row.at,
    order_id: String(row.orderId),
    kind: row.kind,
    source: row.source,
    run_id: row.runId,
    changed_fields: row.changedFields,
    version_after: row.versionAfter,
  };
}
