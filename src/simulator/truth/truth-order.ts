/**
 * Ground truth: what a correct client parses from the upstream for an order, under the
 * simulator's current configuration. It is computed from the same views the renderers
 * use, read with the protocol's value rules, so contract tests can compare a client's
 * result with it field by field.
 *
 * `fields` contains every rendered label (after the label variant and renames) with its
 * raw string after entity decoding. Dates and datetimes are as sent (`09.03.2026`, or
 * ISO where `isoDatesMixedIn` hits), and so are decimals (`4,5`). Checkboxes read
 * `True`/`False`, and selects the selected option's text (`-` when nothing is chosen).
 * A value escaped twice counts as decoded twice; a value hit by `mojibake` stays
 * garbled, because no client can tell. Typed values assume the client maps renamed
 * labels through its per-tenant label setting.
 */
import type { BoardItem, OrderDetails, UpstreamOrder, UpstreamPart, Vehicle } from "../../planso/types.ts";
import { SECONDS_PER_DAY, isoDate } from "../calendar.ts";
import type { SimContext } from "../context.ts";
import { buildFormView, rawFieldValue, selectedOption, type FieldView } from "../form/form-view.ts";
import { MAKE_BY_ID } from "../seed/vehicles.ts";
import { buildPartsView } from "../parts/parts-view.ts";
import { isPartMissing, partsTextFlag } from "../parts/parts-status.ts";
import { partTotalCents } from "../model.ts";
import { boardEntries, boardEntry } from "../render/board.ts";
import { displayPlate, duplicatePlatePair } from "../render/duplicate-plate.ts";
import {
  isZeroDate,
  parseDateTimeValue,
  parseDateValue,
  parseDecimalValue,
  parseMonthValue,
  textValue,
} from "./parse-values.ts";

export class TruthError extends Error {
  override readonly name = "TruthError";
}

/** Reads the typed value of one field view by its value kind. */
function typedValue(view: FieldView): string | number | boolean | null {
  const raw = rawFieldValue(view);
  switch (view.field.kind) {
    case "checkbox":
      return view.value === "1";
    case "date":
      return isZeroDate(raw) ? null : parseDateValue(raw);
    case "datetime":
      return isZeroDate(raw) ? null : parseDateTimeValue(raw);
    case "decimal":
      return parseDecimalValue(raw);
    case "month":
      return parseMonthValue(raw);
    case "select_id": {
      const value = selectedOption(view).value;
      return value === "" ? null : Number(value);
    }
    case "select_value": {
      const value = selectedOption(view).value;
      return value === "" ? null : value;
    }
    default:
      return textValue(raw);
  }
}

function euros(cents: number): number {
  return Math.round(cents) / 100;
}

/** `YYYY-MM-DD` of Berlin wall-clock seconds. */
function dayIso(localSeconds: number | null): string | null {
  return localSeconds === null ? null : isoDate(Math.floor(localSeconds / SECONDS_PER_DAY));
}

function compactPartNo(partNo: string): string {
  return partNo.replace(/\s+/g, "").toUpperCase();
}

/** ETAs the parts follow-up module serves, by compact part number. */
export function followUpEtas(ctx: SimContext, orderId: string): Map<string, string> {
  const order = ctx.tenant.orders.get(orderId);
  const etas = new Map<string, string>();
  if (!order) return etas;
  for (const part of order.parts) {
    if (part.code === "3" && part.etaDay !== null) etas.set(compactPartNo(part.partNo), isoDate(part.etaDay));
  }
  return etas;
}

function truthParts(ctx: SimContext, orderId: string): { parts: UpstreamPart[]; statusText: string; totals: UpstreamOrder["parts_totals"] } {
  const order = ctx.tenant.orders.get(orderId);
  if (!order) throw new TruthError(`order ${orderId} not found`);
  const view = buildPartsView(ctx, order);
  const etas = ctx.config.quirks.partsFollowUps ? followUpEtas(ctx, orderId) : new Map<string, string>();
  const seen = new Set<string>();
  const parts: UpstreamPart[] = [];
  for (const row of view.rows) {
    const part = row.part;
    const key = `${part.partNo}\u0000${row.description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const flags = row.flags;
    parts.push({
      row_id: row.rowId,
      part_id: part.partId,
      part_no: textValue(part.partNo),
      description: textValue(row.description),
      lead_no: textValue(part.leadNo),
      order_no: textValue(part.orderNo),
      qty: part.qty,
      price_each: euros(part.priceEachCents),
      price_total: euros(partTotalCents(part)),
      status: row.title,
      status_code: part.code,
      order_date: dayIso(part.orderedAt),
      delivery_date: dayIso(part.deliveredAt),
      eta_date: etas.get(compactPartNo(part.partNo)) ?? null,
      is_missing: isPartMissing({
        toOrder: flags.order_parts,
        ordered: flags.bestellt,
        delivered: flags.delivered,
        backorder: flags.ruckstand,
        status: row.title,
      }),
      is_to_order: flags.order_parts,
      is_ordered: flags.bestellt,
      is_delivered: flags.delivered,
      is_backorder: flags.ruckstand,
      is_mandatory: flags.mandatory,
      is_price_checked: flags.price_checked,
    });
  }
  const totals =
    order.parts.length === 0
      ? null
      : {
          by_order_no: Object.fromEntries(view.totalsByOrderNo.map(([orderNo, cents]) => [orderNo, euros(cents)])),
          total: euros(view.totalCents),
        };
  return { parts, statusText: view.statusText, totals };
}

export function truthOrder(ctx: SimContext, id: string, options: { withParts: boolean }): UpstreamOrder {
  const order = ctx.tenant.orders.get(id);
  if (!order) throw new TruthError(`order ${id} not found`);

  const views = buildFormView(ctx, order);
  const fields: Record<string, string> = {};
  const typed = new Map<string, string | number | boolean | null>();
  const optionTexts = new Map<string, string | null>();
  for (const view of views) {
    fields[view.label] = rawFieldValue(view);
    if (view.decoy) continue;
    typed.set(view.field.key, typedValue(view));
    if (view.control === "select") optionTexts.set(view.field.key, textValue(rawFieldValue(view)));
  }
  const text = (key: string) => (typed.get(key) ?? null) as string | null;
  const num = (key: string) => (typed.get(key) ?? null) as number | null;

  const pair = duplicatePlatePair(ctx);
  const board = order.archived ? undefined : boardEntry(ctx, order, pair);
  const parts = options.withParts ? truthParts(ctx, id) : null;
  const hasTable = parts !== null && order.parts.length > 0;
  const tableMake = MAKE_BY_ID.get(Number(order.values["vehicle.make_id"]))?.name ?? "";

  const vehicle: Vehicle = {
    number_plate: text("plate") ?? (hasTable ? textValue(displayPlate(ctx, order, pair)) : null),
    vin: text("vehicle.vin") ?? (hasTable ? textValue(order.values["vehicle.vin"] ?? "") : null),
    make: optionTexts.get("vehicle.make_id") ?? (hasTable ? textValue(tableMake) : null),
    model: optionTexts.get("vehicle.model_id") ?? text("vehicle.model"),
    make_id: num("vehicle.make_id"),
    model_id: num("vehicle.model_id"),
    kba: text("vehicle.kba"),
    hu_au: text("vehicle.hu_au"),
    first_registration: text("vehicle.first_registration"),
    last_registration: text("vehicle.last_registration"),
    km_stand: num("vehicle.km_stand"),
    color_code: text("vehicle.color_code"),
    color_name: text("vehicle.color_name"),
    class: text("vehicle.class"),
    leasing: text("vehicle.leasing"),
    engine: text("vehicle.engine"),
    engine_size: text("vehicle.engine_size"),
    engine_power: text("vehicle.engine_power"),
    engine_code: text("vehicle.engine_code"),
    curb_weight: text("vehicle.curb_weight"),
    gross_weight: text("vehicle.gross_weight"),
    order_no: hasTable ? order.id : null,
  };

  const details = {} as Record<keyof OrderDetails, unknown>;
  for (const [key, value] of typed) {
    if (key.startsWith("details.")) details[key.slice("details.".length) as keyof OrderDetails] = value;
  }

  const partsStatus = parts !== null ? textValue(parts.statusText) : text("parts_status");
  const anyMissing = parts !== null && parts.parts.some((part) => part.is_missing);

  return {
    id,
    short_name: board ? board.shortName : null,
    station_id: board ? board.station : null,
    station_state: board ? board.stationState : null,
    employee_id: board ? board.employeeId : null,
    board_position: board ? board.position : null,
    plate: text("plate") ?? (board ? textValue(board.shortName) : null),
    person: text("person"),
    phone: text("phone"),
    email: text("email"),
    damage: text("damage"),
    project_status: text("project_status"),
    customer_category: num("customer_category"),
    shop_date: text("shop_date"),
    repair_date: text("repair_date"),
    finish_date: text("finish_date"),
    planned_delivery_date: text("planned_delivery_date"),
    parts_status: partsStatus,
    missing_parts: partsTextFlag(partsStatus) || anyMissing,
    est_hours_karo: num("est_hours_karo"),
    est_hours_lack: num("est_hours_lack"),
    est_hours_mech: num("est_hours_mech"),
    vehicle,
    details: details as unknown as OrderDetails,
    fields,
    parts: parts === null ? null : parts.parts,
    parts_totals: parts === null ? null : parts.totals,
    extended: null,
  };
}

export function truthBoard(ctx: SimContext): BoardItem[] {
  return boardEntries(ctx).map((entry) => ({
    id: entry.id,
    short_name: textValue(entry.shortName),
    station_id: entry.station,
    station_state: entry.stationState,
    employee_id: entry.employeeId,
    board_position: entry.position,
  }));
}
