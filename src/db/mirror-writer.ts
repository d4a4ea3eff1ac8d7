/**
 * The only code that changes orders and parts in the mirror. Every change to an order
 * and its parts happens in one transaction together with its `changes` row, so a
 * process killed between two orders leaves each order either old or new, never half.
 * Statements are prepared once per connection; a sync writes thousands of rows.
 *
 * Rows written are counted (order upserts, part inserts, updates and deletes, change
 * rows) so a run can prove that an unchanged re-sync wrote nothing. The batched
 * `last_synced_at` touch of unchanged orders is not counted.
 */
import type { Database, SQLQueryBindings, Statement } from "bun:sqlite";
import { getTableColumns } from "drizzle-orm";

import type { UpstreamOrder, UpstreamPart } from "../planso/types.ts";
import type { Db } from "./connection.ts";
import { orderContentHash, parseOrderId, rowToPart, toOrderRow, toPartRows } from "./order-row.ts";
import { orders, parts, type NewOrderRow, type NewPartRow, type PartRow } from "./schema.ts";

export type ChangeKind = "created" | "updated" | "left_board" | "returned_to_board" | "deleted";
export type ChangeSource = "sync" | "api";

export interface WriteMeta {
  runId: number | null;
  source: ChangeSource;
  /** ISO 8601 UTC timestamp of the write (`2026-03-16T11:08:59.000Z`). */
  now: string;
}

export interface ApplyOrderOptions extends WriteMeta {
  /** Whether this read asked for parts; false (or `order.parts === null`) keeps the stored parts. */
  withParts: boolean;
  /** Whether the board lists the order now; default true. */
  onBoard?: boolean;
}

export interface ApplyResult {
  kind: ChangeKind | "unchanged";
  /** `person`, `vehicle.vin`, `details.remarks`, `fields`, `parts`, `on_board`, …; empty for creation. */
  changedFields: string[];
  /** Part rows inserted, updated or deleted. */
  partsWritten: number;
  /** Order, part and change rows written. */
  rowsWritten: number;
  /** Version after the write (the stored version when unchanged). */
  version: number;
}

export interface MarkResult {
  orderId: number;
  version: number;
}

const ORDER_COLUMNS = getTableColumns(orders);
const PART_COLUMNS = getTableColumns(parts);
type OrderKey = keyof typeof ORDER_COLUMNS;
type PartKey = keyof typeof PART_COLUMNS;

/** Derived or bookkeeping columns: never reported as changed fields. */
const NOT_CONTENT = new Set<OrderKey>([
  "id", "plateKey", "personSearch", "phoneRev", "phoneSearch", "emailLower", "statusKey", "damageKey",
  "contentHash", "version", "firstSeenAt", "updatedAt", "lastSyncedAt",
]);
/** JSON objects whose keys are reported one by one (`vehicle.vin`). */
const PER_KEY = new Set<OrderKey>(["vehicle", "details"]);

const ORDER_KEYS = Object.keys(ORDER_COLUMNS) as OrderKey[];
const PART_KEYS = (Object.keys(PART_COLUMNS) as PartKey[]).filter((key) => key !== "id");
const PART_CONTENT_KEYS = PART_KEYS.filter((key) => key !== "orderId");

interface Statements {
  selectOrder: Statement<Record<string, unknown>, [number]>;
  selectParts: Statement<Record<string, unknown>, [number]>;
  upsertOrder: Statement<unknown, SQLQueryBindings[]>;
  insertPart: Statement<unknown, SQLQueryBindings[]>;
  updatePart: Statement<unknown, SQLQueryBindings[]>;
  deletePart: Statement<unknown, [number]>;
  insertChange: Statement<unknown, SQLQueryBindings[]>;
  setOnBoard: Statement<{ version: number }, [number, string, number, number]>;
  tombstone: Statement<{ version: number }, [string, number]>;
  touch: Statement<unknown, [string, string]>;
}

const statementCache = new WeakMap<Database, Statements>();

function statements(db: Db): Statements {
  const sqlite = db.$client;
  const cached = statementCache.get(sqlite);
  if (cached) return cached;
  const orderCols = ORDER_KEYS.map((key) => ORDER_COLUMNS[key].name);
  const partCols = PART_KEYS.map((key) => PART_COLUMNS[key].name);
  const made: Statements = {
    selectOrder: sqlite.query(`SELECT * FROM orders WHERE id = ?`),
    selectParts: sqlite.query(`SELECT * FROM parts WHERE order_id = ? ORDER BY position, id`),
    upsertOrder: sqlite.query(
      `INSERT INTO orders (${orderCols.join(", ")}) VALUES (${orderCols.map(() => "?").join(", ")})
       ON CONFLICT(id) DO UPDATE SET ${orderCols.filter((c) => c !== "id").map((c) => `${c} = excluded.${c}`).join(", ")}`,
    ),
    insertPart: sqlite.query(`INSERT INTO parts (${partCols.join(", ")}) VALUES (${partCols.map(() => "?").join(", ")})`),
    updatePart: sqlite.query(`UPDATE parts SET ${partCols.map((c) => `${c} = ?`).join(", ")} WHERE id = ?`),
    deletePart: sqlite.query(`DELETE FROM parts WHERE id = ?`),
    insertChange: sqlite.query(
      `INSERT INTO changes (at, order_id, kind, source, run_id, changed_fields, version_after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    setOnBoard: sqlite.query(
      `UPDATE orders SET on_board = ?1, version = version + 1, updated_at = ?2
       WHERE id = ?3 AND on_board = ?4 AND deleted_at IS NULL RETURNING version`,
    ),
    tombstone: sqlite.query(
      `UPDATE orders SET deleted_at = ?1, version = version + 1, updated_at = ?1, on_board = 0
       WHERE id = ?2 AND deleted_at IS NULL RETURNING version`,
    ),
    touch: sqlite.query(`UPDATE orders SET last_synced_at = ? WHERE id IN (SELECT value FROM json_each(?))`),
  };
  statementCache.set(sqlite, made);
  return made;
}

/** Stored row (driver values) → the same shape `toOrderRow` produces. */
function decodeRow<K extends string>(
  raw: Record<string, unknown>,
  keys: readonly K[],
  columns: Record<K, { name: string; mapFromDriverValue(value: unknown): unknown }>,
): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const key of keys) {
    const value = raw[columns[key].name];
    out[key] = value === null || value === undefined ? null : columns[key].mapFromDriverValue(value);
  }
  return out;
}

function driverValues<K extends string>(
  row: Record<string, unknown>,
  keys: readonly K[],
  columns: Record<K, { mapToDriverValue(value: unknown): unknown }>,
): SQLQueryBindings[] {
  return keys.map((key) => {
    const value = row[key];
    return value === null || value === undefined ? null : (columns[key].mapToDriverValue(value) as SQLQueryBindings);
  });
}

/** JSON with sorted keys, so two equal objects compare equal whatever their key order. */
function stable(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    // Keys of one object are distinct, so the comparator never needs to return 0.
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function changedOrderFields(before: Record<string, unknown>, after: NewOrderRow): string[] {
  const changed: string[] = [];
  for (const key of ORDER_KEYS) {
    if (NOT_CONTENT.has(key)) continue;
    const old = before[key];
    const now = (after as Record<string, unknown>)[key];
    if (PER_KEY.has(key)) {
      const a = (old ?? {}) as Record<string, unknown>;
      const b = (now ?? {}) as Record<string, unknown>;
      for (const sub of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
        if (stable(a[sub]) !== stable(b[sub])) changed.push(`${snake(key)}.${sub}`);
      }
    } else if (stable(old) !== stable(now)) {
      changed.push(snake(key));
    }
  }
  return changed;
}

/** Stored part row → the record the client returns, to carry parts over unchanged. */
function partRowToUpstream(stored: StoredPart): UpstreamPart {
  const { id: _id, order_id: _orderId, position: _position, ...part } = rowToPart({ ...stored.row, id: stored.id } as PartRow);
  return part;
}

/** Keeps the first part of each upstream row id, because the table has a unique (order, row id) index. */
function uniqueByRowId(list: readonly UpstreamPart[]): UpstreamPart[] {
  const seen = new Set<string>();
  const unique: UpstreamPart[] = [];
  for (const part of list) {
    if (seen.has(part.row_id)) continue;
    seen.add(part.row_id);
    unique.push(part);
  }
  return unique;
}

interface StoredPart {
  id: number;
  row: Record<(typeof PART_KEYS)[number], unknown>;
}

/**
 * The order as it will be stored: parts and extended sections that this read did not
 * fetch, or whose read failed (`failed_sections`), are carried over from the mirror,
 * and `missing_parts` then also counts the carried parts. The content hash is taken
 * of this merged record, so a sync without parts does not see every order as changed.
 */
export function mergeWithStored(
  order: UpstreamOrder,
  stored: { parts: UpstreamPart[]; partsTotals: UpstreamOrder["parts_totals"]; extended: UpstreamOrder["extended"] } | null,
  withParts: boolean,
): UpstreamOrder {
  const { failed_sections: failed = [], ...merged } = order;
  if (withParts && order.parts !== null) merged.parts = uniqueByRowId(order.parts);
  else if (stored) {
    merged.parts = stored.parts;
    merged.parts_totals = stored.partsTotals;
    merged.missing_parts = order.missing_parts || stored.parts.some((part) => part.is_missing);
  } else merged.parts = null;
  if (stored?.extended) {
    if (order.extended === null) merged.extended = stored.extended;
    else {
      const kept = { ...order.extended };
      for (const { section } of failed) {
        const tab = section.startsWith("extended.") ? section.slice("extended.".length) : null;
        if (tab !== null && tab in stored.extended) kept[tab] = stored.extended[tab];
      }
      merged.extended = kept;
    }
  }
  return merged;
}

function writeParts(s: Statements, before: StoredPart[], next: NewPartRow[]): number {
  let written = 0;
  const byRowId = new Map(before.map((part) => [part.row.rowId as string, part]));
  for (const row of next) {
    const old = byRowId.get(row.rowId);
    byRowId.delete(row.rowId);
    const values = driverValues(row as Record<string, unknown>, PART_KEYS, PART_COLUMNS);
    if (!old) {
      s.insertPart.run(...values);
      written++;
    } else if (PART_CONTENT_KEYS.some((key) => stable(old.row[key]) !== stable((row as Record<string, unknown>)[key]))) {
      s.updatePart.run(...values, old.id);
      written++;
    }
  }
  for (const gone of byRowId.values()) {
    s.deletePart.run(gone.id);
    written++;
  }
  return written;
}

/** Kind of a stored change: a board flag that flipped names it, unless the order was deleted. */
function changeKind(existed: boolean, wasOnBoard: boolean, onBoard: boolean, wasDeleted: boolean): ChangeKind {
  if (!existed) return "created";
  if (wasOnBoard && !onBoard) return "left_board";
  if (!wasOnBoard && onBoard && !wasDeleted) return "returned_to_board";
  return "updated";
}

function insertChange(s: Statements, meta: WriteMeta, orderId: number, kind: ChangeKind, fields: string[], version: number) {
  s.insertChange.run(meta.now, orderId, kind, meta.source, meta.runId, JSON.stringify(fields), version);
}

/**
 * Stores one upstream order with its parts and its `changes` row in one transaction.
 * Nothing is written when the merged content hash, the board flag and the deletion
 * mark are as stored. Parts are matched by upstream row id, so a part's mirror id
 * stays stable while the row exists. Parts removed upstream are deleted, also when the
 * list became empty.
 */
export function applyOrder(db: Db, order: UpstreamOrder, options: ApplyOrderOptions): ApplyResult {
  const s = statements(db);
  const id = parseOrderId(order.id);
  const onBoard = options.onBoard ?? true;
  return db.$client
    .transaction((): ApplyResult => {
      const raw = s.selectOrder.get(id);
      const before = raw ? decodeRow(raw, ORDER_KEYS, ORDER_COLUMNS) : null;
      const storedParts: StoredPart[] = raw
        ? s.selectParts.all(id).map((p) => ({ id: p.id as number, row: decodeRow(p, PART_KEYS, PART_COLUMNS) }))
        : [];
      const merged = mergeWithStored(
        order,
        before
          ? {
              parts: storedParts.map(partRowToUpstream),
              partsTotals: (before.partsTotals ?? null) as UpstreamOrder["parts_totals"],
              extended: (before.extended ?? null) as UpstreamOrder["extended"],
            }
          : null,
        options.withParts,
      );
      const contentHash = orderContentHash(merged);
      const wasOnBoard = before ? Boolean(before.onBoard) : null;
      if (before && before.contentHash === contentHash && wasOnBoard === onBoard && before.deletedAt === null) {
        return { kind: "unchanged", changedFields: [], partsWritten: 0, rowsWritten: 0, version: before.version as number };
      }

      const version = before ? (before.version as number) + 1 : 1;
      const row = toOrderRow(merged, {
        contentHash,
        now: options.now,
        version,
        firstSeenAt: before ? (before.firstSeenAt as string) : options.now,
        onBoard,
      });
      const nextParts = merged.parts === null ? [] : toPartRows(id, merged.parts);
      let changedFields: string[] = [];
      if (before) {
        changedFields = changedOrderFields(before, row);
        const partsBefore = stable(storedParts.map((p) => PART_CONTENT_KEYS.map((k) => p.row[k])));
        const partsAfter = stable(nextParts.map((p) => PART_CONTENT_KEYS.map((k) => (p as Record<string, unknown>)[k])));
        if (partsBefore !== partsAfter) changedFields.push("parts");
        changedFields.sort();
      }
      const kind = changeKind(before !== null, wasOnBoard === true, onBoard, before?.deletedAt != null);

      s.upsertOrder.run(...driverValues(row as Record<string, unknown>, ORDER_KEYS, ORDER_COLUMNS));
      const partsWritten = merged.parts === null ? 0 : writeParts(s, storedParts, nextParts);
      insertChange(s, options, id, kind, changedFields, version);
      return { kind, changedFields, partsWritten, rowsWritten: 2 + partsWritten, version };
    })
    .immediate();
}

function setOnBoard(db: Db, ids: readonly string[], onBoard: boolean, meta: WriteMeta): MarkResult[] {
  const s = statements(db);
  const kind: ChangeKind = onBoard ? "returned_to_board" : "left_board";
  return db.$client
    .transaction(() => {
      const done: MarkResult[] = [];
      for (const id of ids) {
        const orderId = parseOrderId(id);
        const hit = s.setOnBoard.get(onBoard ? 1 : 0, meta.now, orderId, onBoard ? 0 : 1);
        if (!hit) continue;
        insertChange(s, meta, orderId, kind, ["on_board"], hit.version);
        done.push({ orderId, version: hit.version });
      }
      return done;
    })
    .immediate();
}

/**
 * Marks orders that a complete board listing no longer shows: `on_board` false, data
 * kept. Orders already off the board or deleted are skipped.
 */
export function markLeftBoard(db: Db, ids: readonly string[], meta: WriteMeta): MarkResult[] {
  return setOnBoard(db, ids, false, meta);
}

/** Marks orders as back on the board when the board lists them but their form could not be read. */
export function markReturned(db: Db, ids: readonly string[], meta: WriteMeta): MarkResult[] {
  return setOnBoard(db, ids, true, meta);
}

/**
 * Marks an order deleted through the API: `deleted_at` set, off the board, data kept.
 * Returns null when the order is unknown or already deleted.
 */
export function tombstoneOrder(db: Db, id: string, meta: WriteMeta): MarkResult | null {
  const s = statements(db);
  const orderId = parseOrderId(id);
  return db.$client
    .transaction(() => {
      const before = s.selectOrder.get(orderId);
      const hit = s.tombstone.get(meta.now, orderId);
      if (!before || !hit) return null;
      const fields = before.on_board ? ["deleted_at", "on_board"] : ["deleted_at"];
      insertChange(s, meta, orderId, "deleted", fields, hit.version);
      return { orderId, version: hit.version };
    })
    .immediate();
}

/** Sets `last_synced_at` of unchanged orders in one statement; writes no version or change. */
export function touchSynced(db: Db, ids: readonly number[], now: string): void {
  if (ids.length === 0) return;
  statements(db).touch.run(now, JSON.stringify(ids));
}
