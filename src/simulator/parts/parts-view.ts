/**
 * The parts tab of one order as it goes out: the status text, one row per part
 * (plus the copy of the `duplicateParts` quirk), the flags as rendered (after
 * `inconsistentPartFlags`), and the totals per parts order.
 */
import type { SimContext } from "../context.ts";
import { mojibake, needsEscaping } from "../format.ts";
import { PART_ACTIONS, PART_TITLES, partFlag, partTotalCents, type PartAction, type SimOrder, type SimPart } from "../model.ts";
import { quirkRate, type RateQuirkName } from "../options.ts";
import { unitHash } from "../random.ts";

export interface PartRowView {
  part: SimPart;
  rowId: string;
  /** A rendered copy of another row (`duplicateParts`). */
  duplicate: boolean;
  description: string;
  flags: Record<PartAction, boolean>;
  title: string;
  doubleEscape: boolean;
  /** `Array` junk in the date cell. */
  arrayJunk: boolean;
}

export interface PartsView {
  statusText: string;
  rows: PartRowView[];
  /** Sums per `A.Nummer` in cents, in first-seen order. */
  totalsByOrderNo: [string, number][];
  totalCents: number;
}

/** Row id of the `duplicateParts` copy: the original id plus this offset. */
export const DUPLICATE_ROW_OFFSET = 900000;

export function buildPartsView(ctx: SimContext, order: SimOrder): PartsView {
  const quirks = ctx.config.quirks;
  const hit = (name: RateQuirkName, key: string) => {
    const rate = quirkRate(quirks, name);
    return rate > 0 && unitHash(ctx.seed, name, key) < rate;
  };

  const rows: PartRowView[] = order.parts.map((part) => {
    const flags = Object.fromEntries(PART_ACTIONS.map((action) => [action, partFlag(part, action)])) as Record<PartAction, boolean>;
    if ((part.code === "2" || part.code === "3") && hit("inconsistentPartFlags", part.rowId)) {
      flags.delivered = true;
      flags.ruckstand = true;
    }
    let description = part.description;
    if (/[^\x00-\x7f]/.test(description) && hit("mojibake", `part|${part.rowId}`)) description = mojibake(description);
    return {
      part,
      rowId: part.rowId,
      duplicate: false,
      description,
      flags,
      title: PART_TITLES[part.code],
      doubleEscape: needsEscaping(description, quirks.entityEscapedValues) && hit("doubleEscapedValues", `part|${part.rowId}`),
      arrayJunk: hit("arrayInDateCells", part.rowId),
    };
  });

  if (quirks.duplicateParts && rows.length > 0) {
    const original = rows[Math.floor(unitHash(ctx.seed, "duplicateParts", order.id) * rows.length)] as PartRowView;
    const copy: PartRowView = {
      ...original,
      rowId: String(Number(original.rowId) + DUPLICATE_ROW_OFFSET),
      duplicate: true,
    };
    rows.splice(rows.indexOf(original) + 1, 0, copy);
  }

  const totals = new Map<string, number>();
  let totalCents = 0;
  for (const part of order.parts) {
    const cents = partTotalCents(part);
    totalCents += cents;
    if (part.orderNo !== "") totals.set(part.orderNo, (totals.get(part.orderNo) ?? 0) + cents);
  }

  return { statusText: order.partsStatus, rows, totalsByOrderNo: [...totals.entries()], totalCents };
}
