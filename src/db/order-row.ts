/**
 * Conversions between PlanSo's parsed records, mirror rows and the API's order shape.
 * The sync writer stores orders through `toOrderRow`/`toPartRows`, so the search
 * columns are derived in exactly one place; the read side serves rows through
 * `rowToOrder`/`rowToPart`.
 */
import { foldForMatch, foldName } from "../domain/names.ts";
import { phoneNationalDigitsAll } from "../domain/phone.ts";
import { plateSearchKey } from "../domain/plate.ts";
import type { OrderDetails, UpstreamOrder, UpstreamPart, Vehicle } from "../planso/types.ts";
import type { NewOrderRow, NewPartRow, OrderRow, PartRow } from "./schema.ts";

export interface OrderRowMeta {
  /** `orderContentHash(order)`, computed by the caller so it can compare first. */
  contentHash: string;
  /** ISO 8601 UTC timestamp of this write; becomes `updated_at` and `last_synced_at`. */
  now: string;
  /** 1 for a new order; the caller increments it on every stored change. */
  version?: number;
  /** Kept from the stored row on updates; `now` for a new order. */
  firstSeenAt?: string;
  /** Whether the order is still on the PlanSo board; true unless told otherwise. */
  onBoard?: boolean;
}

/** Upstream order → row for `orders`, with every search column derived. */
export function toOrderRow(order: UpstreamOrder, meta: OrderRowMeta): NewOrderRow {
  const phones = phoneNationalDigitsAll(order.phone);
  const firstPhone = phones[0];
  return {
    id: parseOrderId(order.id),
    shortName: order.short_name,
    plate: order.plate,
    person: order.person,
    phone: order.phone,
    email: order.email,
    damage: order.damage,
    projectStatus: order.project_status,
    customerCategory: order.customer_category,
    stationId: order.station_id,
    stationState: order.station_state,
    employeeId: order.employee_id,
    boardPosition: order.board_position,
    onBoard: meta.onBoard ?? true,
    shopDate: order.shop_date,
    repairDate: order.repair_date,
    finishDate: order.finish_date,
    plannedDeliveryDate: order.planned_delivery_date,
    partsStatus: order.parts_status,
    missingParts: order.missing_parts,
    estHoursKaro: order.est_hours_karo,
    estHoursLack: order.est_hours_lack,
    estHoursMech: order.est_hours_mech,
    vehicle: order.vehicle,
    details: order.details,
    fields: order.fields,
    extended: order.extended,
    partsTotals: order.parts_totals,

    plateKey: plateSearchKey(order.plate ?? order.vehicle.number_plate),
    personSearch: emptyToNull(order.person === null ? null : foldName(order.person)),
    phoneRev: firstPhone === undefined ? null : reverse(firstPhone),
    phoneSearch: phones.length === 0 ? null : phones.join(" "),
    emailLower: emptyToNull(order.email?.normalize("NFC").trim().toLowerCase() ?? null),
    statusKey: emptyToNull(order.project_status === null ? null : foldForMatch(order.project_status)),
    damageKey: emptyToNull(order.damage === null ? null : foldForMatch(order.damage)),

    contentHash: meta.contentHash,
    version: meta.version ?? 1,
    firstSeenAt: meta.firstSeenAt ?? meta.now,
    updatedAt: meta.now,
    lastSyncedAt: meta.now,
    deletedAt: null,
  };
}

/** Upstream parts of one order → rows for `parts`, positions from 0 in table order. */
export function toPartRows(orderId: number, parts: readonly UpstreamPart[]): NewPartRow[] {
  return parts.map((part, position) => ({
    orderId,
    position,
    rowId: part.row_id,
    partId: part.part_id,
    partNo: part.part_no,
    partNoKey: partNoKey(part.part_no),
    description: part.description,
    leadNo: part.lead_no,
    orderNo: part.order_no,
    qty: part.qty,
    priceEach: part.price_each,
    priceTotal: part.price_total,
    status: part.status,
    statusCode: part.status_code,
    orderDate: part.order_date,
    deliveryDate: part.delivery_date,
    etaDate: part.eta_date,
    isMissing: part.is_missing,
    isToOrder: part.is_to_order,
    isOrdered: part.is_ordered,
    isDelivered: part.is_delivered,
    isBackorder: part.is_backorder,
    isMandatory: part.is_mandatory,
    isPriceChecked: part.is_price_checked,
  }));
}

/**
 * Part number key for matching: NFC, upper-case, without spaces, hyphens, dots or
 * slashes (`5X0 807 217 GRU` → `5X0807217GRU`). Also applied to search input.
 */
export function partNoKey(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const key = raw.normalize("NFC").toUpperCase().replace(/[\s\u00a0\u202f\-\u2010-\u2015.\/]+/gu, "");
  return key === "" ? null : key;
}

/**
 * SHA-256 (hex) over the whole upstream record except `failed_sections`, keys sorted at every level and
 * strings in NFC, so equal content gives an equal hash whatever the key order.
 * Parts and extended sections count as given: `null` (not fetched) hashes
 * differently from `[]` (none), so a caller that skipped parts should hash with the
 * stored parts carried over.
 */
export function orderContentHash(order: UpstreamOrder): string {
  // failed_sections describes the read, not the order.
  const { failed_sections: _readProblems, ...content } = order;
  return new Bun.CryptoHasher("sha256").update(JSON.stringify(canonical(content))).digest("hex");
}

/** A copy with object keys in sorted order, undefined dropped and non-ASCII strings in NFC. */
function canonical(value: unknown): unknown {
  if (typeof value === "string") return /^[\x00-\x7f]*$/u.test(value) ? value : value.normalize("NFC");
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(canonical);
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (record[key] !== undefined) out[key] = canonical(record[key]);
  }
  return out;
}

// ---------------------------------------------------------------------------------
// API shapes. The zod schemas in src/api/schemas describe the same objects.

/** Delivery state of an order's parts. */
export interface PartsSummary {
  total: number;
  missing: number;
  to_order: number;
  ordered: number;
  delivered: number;
  backorder: number;
  /** Earliest ETA (`YYYY-MM-DD`) among parts not yet delivered; null when none has one. */
  next_eta: string | null;
}

/** An order as `orders.list` serves it. */
export interface Order {
  /** PlanSo `ID` as a digit string. */
  id: string;
  short_name: string | null;
  plate: string | null;
  person: string | null;
  phone: string | null;
  email: string | null;
  damage: string | null;
  project_status: string | null;
  customer_category: number | null;
  station_id: number | null;
  station_state: string | null;
  employee_id: string | null;
  board_position: number | null;
  on_board: boolean;
  shop_date: string | null;
  repair_date: string | null;
  finish_date: string | null;
  planned_delivery_date: string | null;
  parts_status: string | null;
  missing_parts: boolean;
  est_hours_karo: number | null;
  est_hours_lack: number | null;
  est_hours_mech: number | null;
  vehicle: Vehicle;
  version: number;
  first_seen_at: string;
  updated_at: string;
  last_synced_at: string | null;
  deleted_at: string | null;
}

/** An order as `orders.get` and the write procedures serve it. */
export interface OrderDetail extends Order {
  details: OrderDetails;
  /** Every raw German form label → value. */
  fields: Record<string, string>;
  parts_totals: { by_order_no: Record<string, number>; total: number | null } | null;
  parts_summary: PartsSummary;
  /** Extended sections; null until an extended sync read them. */
  extended: Record<string, unknown> | null;
}

/**
 * Order columns that the list view reads. The large JSON columns stay on disk, and the
 * search keys and content hash, which no response shows, are not read.
 */
export type OrderListRow = Omit<
  OrderRow,
  "details" | "fields" | "extended" | "partsTotals" | "plateKey" | "personSearch" | "phoneRev" | "phoneSearch" | "emailLower" | "statusKey" | "damageKey" | "contentHash"
>;

type PartFlags = Pick<PartRow, "isMissing" | "isToOrder" | "isOrdered" | "isDelivered" | "isBackorder" | "etaDate">;

/** Counts over a set of part rows, the same figures `get-order` computes in SQL. */
export function summarizeParts(parts: readonly PartFlags[]): PartsSummary {
  const summary: PartsSummary = { total: 0, missing: 0, to_order: 0, ordered: 0, delivered: 0, backorder: 0, next_eta: null };
  for (const part of parts) {
    summary.total += 1;
    if (part.isMissing) summary.missing += 1;
    if (part.isToOrder) summary.to_order += 1;
    if (part.isOrdered) summary.ordered += 1;
    if (part.isDelivered) summary.delivered += 1;
    if (part.isBackorder) summary.backorder += 1;
    if (!part.isDelivered && part.etaDate && (summary.next_eta === null || part.etaDate < summary.next_eta)) {
      summary.next_eta = part.etaDate;
    }
  }
  return summary;
}

/** Mirror row → API order. With parts (rows or a summary) the detail shape is returned. */
export function rowToOrder(row: OrderListRow): Order;
export function rowToOrder(row: OrderRow, parts: readonly PartFlags[] | PartsSummary): OrderDetail;
export function rowToOrder(row: OrderListRow | OrderRow, parts?: readonly PartFlags[] | PartsSummary): Order | OrderDetail {
  const order: Order = {
    id: String(row.id),
    short_name: row.shortName,
    plate: row.plate,
    person: row.person,
    phone: row.phone,
    email: row.email,
    damage: row.damage,
    project_status: row.projectStatus,
    customer_category: row.customerCategory,
    station_id: row.stationId,
    station_state: row.stationState,
    employee_id: row.employeeId,
    board_position: row.boardPosition,
    on_board: row.onBoard,
    shop_date: row.shopDate,
    repair_date: row.repairDate,
    finish_date: row.finishDate,
    planned_delivery_date: row.plannedDeliveryDate,
    parts_status: row.partsStatus,
    missing_parts: row.missingParts,
    est_hours_karo: row.estHoursKaro,
    est_hours_lack: row.estHoursLack,
    est_hours_mech: row.estHoursMech,
    vehicle: row.vehicle,
    version: row.version,
    first_seen_at: row.firstSeenAt,
    updated_at: row.updatedAt,
    last_synced_at: row.lastSyncedAt,
    deleted_at: row.deletedAt,
  };
  if (parts === undefined) return order;
  const full = row as OrderRow;
  return {
    ...order,
    details: full.details,
    fields: full.fields,
    parts_totals: full.partsTotals ?? null,
    parts_summary: Array.isArray(parts) ? summarizeParts(parts) : (parts as PartsSummary),
    extended: full.extended ?? null,
  };
}

/** A part as the parts procedures serve it. */
export interface Part {
  /** Mirror row id; stable while the upstream row exists. */
  id: number;
  order_id: string;
  position: number;
  row_id: string;
  part_id: string | null;
  part_no: string | null;
  description: string | null;
  lead_no: string | null;
  order_no: string | null;
  qty: number | null;
  price_each: number | null;
  price_total: number | null;
  status: string | null;
  status_code: string | null;
  order_date: string | null;
  delivery_date: string | null;
  eta_date: string | null;
  is_missing: boolean;
  is_to_order: boolean;
  is_ordered: boolean;
  is_delivered: boolean;
  is_backorder: boolean;
  is_mandatory: boolean;
  is_price_checked: boolean;
}

export function rowToPart(row: PartRow): Part {
  return {
    id: row.id,
    order_id: String(row.orderId),
    position: row.position,
    row_id: row.rowId,
    part_id: row.partId,
    part_no: row.partNo,
    description: row.description,
    lead_no: row.leadNo,
    order_no: row.orderNo,
    qty: row.qty,
    price_each: row.priceEach,
    price_total: row.priceTotal,
    status: row.status,
    status_code: row.statusCode,
    order_date: row.orderDate,
    delivery_date: row.deliveryDate,
    eta_date: row.etaDate,
    is_missing: row.isMissing,
    is_to_order: row.isToOrder,
    is_ordered: row.isOrdered,
    is_delivered: row.isDelivered,
    is_backorder: row.isBackorder,
    is_mandatory: row.isMandatory,
    is_price_checked: row.isPriceChecked,
  };
}

/** PlanSo ids are digit strings; the mirror keys them as integers. */
export function parseOrderId(id: string): number {
  if (!/^[1-9]\d{0,15}$/u.test(id)) throw new Error(`Order id ${JSON.stringify(id)} is not a positive integer`);
  return Number(id);
}

function reverse(text: string): string {
  return [...text].reverse().join("");
}

function emptyToNull(text: string | null): string | null {
  return text === null || text.trim() === "" ? null : text;
}
