/**
 * The parts checkbox actions (`resourceplanner_shop_view_set_part_status`, an assumed
 * contract). Each action sets the part's status code and flags; ordering stamps the
 * order date and delivery the delivery date with the virtual now.
 */
import type { SimContext } from "../context.ts";
import { nowLocal } from "../context.ts";
import { PART_ACTIONS, PART_TITLES, setPartCode, type PartAction, type SimOrder, type SimPart } from "../model.ts";
import { derivePartsStatus } from "./parts-status.ts";
import { DUPLICATE_ROW_OFFSET } from "./parts-view.ts";

export type PartActionResult =
  | { success: true; rowID: string; status: string; title: string }
  | { success: false; message: string };

export function isPartAction(value: string): value is PartAction {
  return (PART_ACTIONS as readonly string[]).includes(value);
}

/** Finds the part of a row id. The row copy of `duplicateParts` finds its original. */
export function findPart(order: SimOrder, rowId: string): SimPart | undefined {
  const direct = order.parts.find((part) => part.rowId === rowId);
  if (direct) return direct;
  const original = String(Number(rowId) - DUPLICATE_ROW_OFFSET);
  return order.parts.find((part) => part.rowId === original);
}

function applyAction(part: SimPart, action: PartAction, checked: boolean, now: number): void {
  const stampOrder = () => {
    if (part.orderedAt === null) part.orderedAt = now;
  };
  switch (action) {
    case "order_parts":
      if (checked) {
        if (!part.ordered) setPartCode(part, "0");
      } else {
        setPartCode(part, "4");
      }
      return;
    case "bestellt":
      if (checked) {
        setPartCode(part, "1");
        stampOrder();
      } else {
        setPartCode(part, "0");
        part.orderedAt = null;
      }
      return;
    case "delivered":
      if (checked) {
        setPartCode(part, "2");
        stampOrder();
        part.deliveredAt = now;
        part.etaDay = null;
      } else {
        setPartCode(part, "1");
        part.deliveredAt = null;
      }
      return;
    case "ruckstand":
      if (checked) {
        setPartCode(part, "3");
        stampOrder();
        part.deliveredAt = null;
      } else {
        setPartCode(part, "1");
      }
      return;
    case "mandatory":
      part.mandatory = checked;
      return;
    case "price_checked":
      part.priceChecked = checked;
      return;
  }
}

export function setPartStatus(ctx: SimContext, order: SimOrder, rowId: string, action: string, checked: string): PartActionResult {
  const part = findPart(order, rowId);
  if (!part) return { success: false, message: "Ersatzteil nicht gefunden" };
  if (!isPartAction(action)) return { success: false, message: "Unbekannte Aktion" };
  if (checked !== "1" && checked !== "0") return { success: false, message: "Ungültiger Wert für checked" };
  applyAction(part, action, checked === "1", nowLocal(ctx));
  refreshPartsStatus(ctx, order);
  return { success: true, rowID: rowId, status: part.code, title: PART_TITLES[part.code] };
}

/** Recomputes the order's parts status text, unless `partsStatusDrift` freezes it. */
export function refreshPartsStatus(ctx: SimContext, order: SimOrder): void {
  if (!ctx.config.quirks.partsStatusDrift) order.partsStatus = derivePartsStatus(order.parts);
}
