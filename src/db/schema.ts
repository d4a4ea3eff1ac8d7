/**
 * The mirror: one PlanSo tenant's orders and parts, the sync history and the change
 * log. Calendar days are ISO `YYYY-MM-DD` text; timestamps are ISO 8601 UTC text with
 * milliseconds (`2026-03-16T11:08:59.000Z`), so text order is time order. Booleans
 * are integers 0/1 (Drizzle `mode: "boolean"`).
 *
 * The full-text index `orders_fts` and its triggers are not expressible in Drizzle;
 * they live in a custom migration under `drizzle/`.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import type { OrderDetails, Vehicle } from "../planso/types.ts";

export const orders = sqliteTable(
  "orders",
  {
    /** PlanSo `ID`. Upstream sends digit strings; the API serves them as strings. */
    id: integer("id").primaryKey(),
    shortName: text("short_name"),
    plate: text("plate"),
    person: text("person"),
    phone: text("phone"),
    email: text("email"),
    damage: text("damage"),
    projectStatus: text("project_status"),
    customerCategory: integer("customer_category"),
    stationId: integer("station_id"),
    stationState: text("station_state"),
    employeeId: text("employee_id"),
    boardPosition: integer("board_position"),
    onBoard: integer("on_board", { mode: "boolean" }).notNull().default(true),
    shopDate: text("shop_date"),
    repairDate: text("repair_date"),
    finishDate: text("finish_date"),
    plannedDeliveryDate: text("planned_delivery_date"),
    partsStatus: text("parts_status"),
    missingParts: integer("missing_parts", { mode: "boolean" }).notNull().default(false),
    estHoursKaro: real("est_hours_karo"),
    estHoursLack: real("est_hours_lack"),
    estHoursMech: real("est_hours_mech"),
    vehicle: text("vehicle", { mode: "json" }).$type<Vehicle>().notNull(),
    details: text("details", { mode: "json" }).$type<OrderDetails>().notNull(),
    /** Every raw German form label → value as PlanSo sent it. */
    fields: text("fields", { mode: "json" }).$type<Record<string, string>>().notNull(),
    /** Extended tabs (section → parsed content); null until an extended sync read them. */
    extended: text("extended", { mode: "json" }).$type<Record<string, unknown>>(),
    partsTotals: text("parts_totals", { mode: "json" }).$type<{
      by_order_no: Record<string, number>;
      total: number | null;
    }>(),

    // Search columns, derived in src/domain when the row is written.
    /** Upper-case plate without spaces, hyphens or dots, umlauts spelt out: `DXY1234`, `DUEWRA1`. */
    plateKey: text("plate_key"),
    /** Folded name words with umlaut variants (`müller` → `muller mueller`). */
    personSearch: text("person_search"),
    /** National significant digits of the first phone number, reversed, for suffix search. */
    phoneRev: text("phone_rev"),
    /** Digits of every phone number in the field, space-separated, for full-text search. */
    phoneSearch: text("phone_search"),
    emailLower: text("email_lower"),
    statusKey: text("status_key"),
    damageKey: text("damage_key"),

    /** Hash of the normalised upstream payload; an equal hash means nothing to write. */
    contentHash: text("content_hash").notNull(),
    /** Increases by one on every stored change; served as `version` and `ETag`. */
    version: integer("version").notNull().default(1),
    firstSeenAt: text("first_seen_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    lastSyncedAt: text("last_synced_at"),
    deletedAt: text("deleted_at"),
  },
  (t) => [
    index("orders_plate_key_idx").on(t.plateKey),
    index("orders_phone_rev_idx").on(t.phoneRev),
    index("orders_status_key_idx").on(t.statusKey),
    index("orders_damage_key_idx").on(t.damageKey),
    index("orders_shop_date_idx").on(t.shopDate, t.id),
    index("orders_repair_date_idx").on(t.repairDate, t.id),
    index("orders_finish_date_idx").on(t.finishDate, t.id),
    index("orders_updated_at_idx").on(t.updatedAt, t.id),
    // Partial indexes over live (not deleted) orders. Every listing filters on
    // deleted_at, the last column of a wide row, so these let counts and the default
    // listing run from the index without reading the rows.
    index("orders_live_shop_date_idx").on(t.shopDate, t.missingParts, t.onBoard).where(sql`${t.deletedAt} IS NULL`),
    index("orders_live_status_idx").on(t.statusKey, t.shopDate).where(sql`${t.deletedAt} IS NULL`),
    index("orders_live_damage_idx").on(t.damageKey, t.shopDate).where(sql`${t.deletedAt} IS NULL`),
    // Tombstones only: the few deleted ids, read without scanning the table.
    index("orders_deleted_idx").on(t.deletedAt).where(sql`${t.deletedAt} IS NOT NULL`),
    // Substring e-mail search scans this index instead of the table.
    index("orders_email_lower_idx").on(t.emailLower),
  ],
);

export const parts = sqliteTable(
  "parts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** Position in the upstream parts table, from 0. */
    position: integer("position").notNull(),
    /** `data-id` of the upstream row. */
    rowId: text("row_id").notNull(),
    partId: text("part_id"),
    partNo: text("part_no"),
    /** Part number without spaces, upper-case, for matching. */
    partNoKey: text("part_no_key"),
    description: text("description"),
    leadNo: text("lead_no"),
    orderNo: text("order_no"),
    qty: real("qty"),
    priceEach: real("price_each"),
    priceTotal: real("price_total"),
    status: text("status"),
    statusCode: text("status_code"),
    orderDate: text("order_date"),
    deliveryDate: text("delivery_date"),
    etaDate: text("eta_date"),
    isMissing: integer("is_missing", { mode: "boolean" }).notNull(),
    isToOrder: integer("is_to_order", { mode: "boolean" }).notNull(),
    isOrdered: integer("is_ordered", { mode: "boolean" }).notNull(),
    isDelivered: integer("is_delivered", { mode: "boolean" }).notNull(),
    isBackorder: integer("is_backorder", { mode: "boolean" }).notNull(),
    isMandatory: integer("is_mandatory", { mode: "boolean" }).notNull(),
    isPriceChecked: integer("is_price_checked", { mode: "boolean" }).notNull(),
  },
  (t) => [
    uniqueIndex("parts_order_row_idx").on(t.orderId, t.rowId),
    index("parts_order_position_idx").on(t.orderId, t.position),
    index("parts_missing_idx").on(t.isMissing, t.orderId),
    index("parts_backorder_idx").on(t.isBackorder, t.orderId),
    index("parts_eta_idx").on(t.etaDate),
    index("parts_part_no_key_idx").on(t.partNoKey),
  ],
);

export const syncRuns = sqliteTable(
  "sync_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** `schedule`, `startup`, `manual` or `cli`. */
    trigger: text("trigger").notNull(),
    /** `{ with_parts, with_extended, order_ids }` as the run used them. */
    options: text("options", { mode: "json" })
      .$type<{ with_parts: boolean; with_extended: boolean; order_ids: string[] | null }>()
      .notNull(),
    /** `running`, `succeeded`, `partial`, `failed` or `interrupted`. */
    status: text("status").notNull(),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    seen: integer("seen").notNull().default(0),
    added: integer("added").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    leftBoard: integer("left_board").notNull().default(0),
    returnedToBoard: integer("returned_to_board").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    partsWritten: integer("parts_written").notNull().default(0),
    requests: integer("requests").notNull().default(0),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    error: text("error"),
    /** Order id → reason, for orders that failed in this run. */
    failedOrders: text("failed_orders", { mode: "json" }).$type<Record<string, string>>(),
  },
  (t) => [index("sync_runs_status_idx").on(t.status), index("sync_runs_started_idx").on(t.startedAt)],
);

export const changes = sqliteTable(
  "changes",
  {
    /** Monotonic; the change feed's cursor is built from it. */
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    orderId: integer("order_id").notNull(),
    /** `created`, `updated`, `left_board`, `returned_to_board`, `deleted`. */
    kind: text("kind").notNull(),
    /** `sync` or `api`. */
    source: text("source").notNull(),
    runId: integer("run_id"),
    /** Names of the changed fields (`person`, `vehicle.vin`, `parts`), empty for creation. */
    changedFields: text("changed_fields", { mode: "json" }).$type<string[]>().notNull(),
    versionAfter: integer("version_after"),
  },
  (t) => [index("changes_order_idx").on(t.orderId, t.id), index("changes_at_idx").on(t.at)],
);

/** Stored first responses of `POST /api/orders` calls that carried an `Idempotency-Key`. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    key: text("key").notNull(),
    /** The API key's id (or `anonymous`), so two clients never share keys. */
    principal: text("principal").notNull(),
    bodyHash: text("body_hash").notNull(),
    status: integer("status").notNull(),
    response: text("response", { mode: "json" }).notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] }), index("idempotency_created_idx").on(t.createdAt)],
);

export type OrderRow = typeof orders.$inferSelect;
export type NewOrderRow = typeof orders.$inferInsert;
export type PartRow = typeof parts.$inferSelect;
export type NewPartRow = typeof parts.$inferInsert;
export type SyncRunRow = typeof syncRuns.$inferSelect;
export type ChangeRow = typeof changes.$inferSelect;

/** SQL fragment for "now" in the stored timestamp format. */
export const nowSql = sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
