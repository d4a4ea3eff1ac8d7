/**
 * Changes to the tenant that both PlanSo users (through the control surface) and the
 * upstream write modules make: creating, moving, archiving and deleting orders, and
 * adding or editing parts.
 */
import { SECONDS_PER_DAY, dayFromCivil } from "./calendar.ts";
import { nowLocal, type SimContext } from "./context.ts";
import { formatDateTime } from "./format.ts";
import { FORM_FIELDS } from "./form/fields.ts";
import { applyChanges } from "./form/apply-fields.ts";
import { setPartCode, type PartCode, type SimOrder, type SimPart } from "./model.ts";
import { refreshPartsStatus } from "./parts/part-actions.ts";
import { createRandom, hashString } from "./random.ts";
import { renumberBoard } from "./seed/generate-tenant.ts";

export class ControlError extends Error {
  override readonly name = "ControlError";
  constructor(
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

function lastPosition(ctx: SimContext, station: number): number {
  let max = 0;
  for (const order of ctx.tenant.orders.values()) {
    if (!order.archived && order.station === station) max = Math.max(max, order.position);
  }
  return max;
}

/**
 * Creates an order from checked form changes: station `1@active`, last on the board,
 * `short_name` equal to the plate, `Termin angelegt` now unless given.
 */
export function insertOrder(ctx: SimContext, changes: ReadonlyMap<string, string>): SimOrder {
  const tenant = ctx.tenant;
  const id = String(tenant.maxOrderId + createRandom(ctx.seed, "new_order_id", tenant.maxOrderId).int(1, 3));
  tenant.maxOrderId = Number(id);
  const values: Record<string, string> = {};
  for (const field of FORM_FIELDS) values[field.key] = field.kind === "checkbox" ? "0" : "";
  values["details.type_of_date"] = "0";
  values["details.appointment_date"] = formatDateTime(nowLocal(ctx));
  const employees = tenant.employees;
  const order: SimOrder = {
    id,
    values,
    partsStatus: "ohne E-Teile",
    shortName: "",
    station: 1,
    stationState: "active",
    position: lastPosition(ctx, 1) + 1,
    employeeId: employees.length > 0 ? (employees[hashString(id) % employees.length]?.id ?? "") : "",
    archived: false,
    parts: [],
    rental: null,
    createdAt: nowLocal(ctx),
  };
  applyChanges(order, changes);
  order.shortName = order.values.plate ?? "";
  tenant.orders.set(id, order);
  return order;
}

export function requireOrder(ctx: SimContext, id: string): SimOrder {
  const order = ctx.tenant.orders.get(id);
  if (!order) throw new ControlError(404, `order ${id} not found`);
  return order;
}

export interface MoveInput {
  station: number;
  state?: string;
  /** 1-based position within the station; default last. */
  position?: number;
}

export function moveOrder(ctx: SimContext, id: string, move: MoveInput): void {
  const order = requireOrder(ctx, id);
  if (order.archived) throw new ControlError(409, `order ${id} is archived; bring it back first`);
  if (!Number.isInteger(move.station) || move.station < 1) throw new ControlError(400, "station must be a whole number from 1");
  const state = move.state ?? "active";
  if (!/^[a-z_]+$/.test(state)) throw new ControlError(400, "state must be lower-case letters, e.g. active or finished");

  const others = [...ctx.tenant.orders.values()]
    .filter((o) => !o.archived && o.station === move.station && o.id !== id)
    .sort((a, b) => a.position - b.position);
  const index = move.position === undefined ? others.length : Math.min(Math.max(1, move.position), others.length + 1) - 1;
  others.splice(index, 0, order);
  order.station = move.station;
  order.stationState = state;
  others.forEach((o, i) => {
    o.position = i + 1;
  });
  renumberBoard(ctx.tenant.orders);
}

export function archiveOrder(ctx: SimContext, id: string, archived: boolean): void {
  const order = requireOrder(ctx, id);
  if (order.archived === archived) return;
  order.archived = archived;
  order.position = archived ? 0 : lastPosition(ctx, order.station) + 1;
  renumberBoard(ctx.tenant.orders);
}

export function deleteOrder(ctx: SimContext, id: string): void {
  requireOrder(ctx, id);
  ctx.tenant.orders.delete(id);
  renumberBoard(ctx.tenant.orders);
}

export interface PartInput {
  description?: string;
  part_no?: string;
  qty?: number;
  /** Euros. */
  price_each?: number;
  lead_no?: string;
  order_no?: string;
  /** Status code `0`…`4`; sets the code's flags. */
  status?: string;
  mandatory?: boolean;
  price_checked?: boolean;
  /** Flags set after the status, to build inconsistent states on purpose. */
  flags?: Partial<Record<"order_parts" | "bestellt" | "delivered" | "ruckstand", boolean>>;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` Berlin time; null clears. */
  order_date?: string | null;
  delivery_date?: string | null;
  eta_date?: string | null;
}

const CODES: readonly PartCode[] = ["0", "1", "2", "3", "4"];

function localFromIso(text: string | null, field: string): number | null {
  if (text === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!match) throw new ControlError(400, `${field} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, got ${JSON.stringify(text)}`);
  const day = dayFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  const time = match[4] === undefined ? 9 * 3600 : Number(match[4]) * 3600 + Number(match[5]) * 60 + Number(match[6] ?? 0);
  return day * SECONDS_PER_DAY + time;
}

function applyPartInput(ctx: SimContext, part: SimPart, input: PartInput): void {
  if (input.description !== undefined) part.description = String(input.description);
  if (input.part_no !== undefined) {
    part.partNo = String(input.part_no);
    part.partId = String(1000 + (hashString(part.partNo) % 90000));
  }
  if (input.qty !== undefined) {
    if (typeof input.qty !== "number" || !(input.qty > 0)) throw new ControlError(400, "qty must be a positive number");
    part.qty = input.qty;
  }
  if (input.price_each !== undefined) {
    if (typeof input.price_each !== "number" || input.price_each < 0) throw new ControlError(400, "price_each must be a number of euros from 0");
    part.priceEachCents = Math.round(input.price_each * 100);
  }

  if (input.lead_no !== undefined) part.leadNo = String(input.lead_no);
  if (input.order_no !== undefined) part.orderNo = String(input.order_no);
  if (input.status !== undefined) {
    if (!CODES.includes(input.status as PartCode)) throw new ControlError(400, `status must be one of 0, 1, 2, 3, 4, got ${JSON.stringify(input.status)}`);
    setPartCode(part, input.status as PartCode);
    const now = nowLocal(ctx);
    if (part.ordered && part.orderedAt === null && input.order_date === undefined) part.orderedAt = now;
    if (part.delivered && part.deliveredAt === null && input.delivery_date === undefined) part.deliveredAt = now;
    if (!part.delivered && input.delivery_date === undefined) part.deliveredAt = null;
  }

  if (input.flags?.order_parts !== undefined) part.toOrder = input.flags.order_parts;
  if (input.flags?.bestellt !== undefined) part.ordered = input.flags.bestellt;
  if (input.flags?.delivered !== undefined) part.delivered = input.flags.delivered;
  if (input.flags?.ruckstand !== undefined) part.backorder = input.flags.ruckstand;
  if (input.mandatory !== undefined) part.mandatory = Boolean(input.mandatory);
  if (input.price_checked !== undefined) part.priceChecked = Boolean(input.price_checked);

  if (input.order_date !== undefined) part.orderedAt = localFromIso(input.order_date, "order_date");
  if (input.delivery_date !== undefined) part.deliveredAt = localFromIso(input.delivery_date, "delivery_date");
  if (input.eta_date !== undefined) {
    const local = localFromIso(input.eta_date, "eta_date");
    part.etaDay = local === null ? null : Math.floor(local / SECONDS_PER_DAY);
  }
}

export function addPart(ctx: SimContext, orderId: string, input: PartInput): string {
  const order = requireOrder(ctx, orderId);
  if (!input.description || !input.part_no) throw new ControlError(400, "description and part_no are required");
  const rowId = String(ctx.tenant.nextRowId++);
  const part: SimPart = {
    rowId,
    partId: "",
    partNo: "",
    description: "",
    leadNo: "",
    orderNo: "",
    qty: 1,
    priceEachCents: 0,
    code: "0",
    toOrder: true,
    ordered: false,
    delivered: false,
    backorder: false,
    mandatory: false,
    priceChecked: false,
    orderedAt: null,
    deliveredAt: null,
    etaDay: null,
  };
  applyPartInput(ctx, part, input);
  order.parts.push(part);
  refreshPartsStatus(ctx, order);
  return rowId;
}

export function editPart(ctx: SimContext, orderId: string, rowId: string, input: PartInput): void {
  const order = requireOrder(ctx, orderId);
  const part = order.parts.find((p) => p.rowId === rowId);
  if (!part) throw new ControlError(404, `part row ${rowId} not found in order ${orderId}`);
  applyPartInput(ctx, part, input);
  refreshPartsStatus(ctx, order);
}

export function removeParts(ctx: SimContext, orderId: string): number {
  const order = requireOrder(ctx, orderId);
  const count = order.parts.length;
  order.parts = [];
  refreshPartsStatus(ctx, order);
  return count;
}
