/**
 * The simulator's tenant state. Form values are stored the way PlanSo stores them:
 * one string per form field, keyed by the mirror field path of the label table
 * (`person`, `vehicle.vin`, `details.remarks`) plus `schadenart`. Dates are
 * `DD.MM.YYYY`, datetimes `DD.MM.YYYY HH:MM:SS`, decimals use a comma, selects hold the
 * option value, checkboxes `"1"` or `"0"`, and `""` is empty. Hand-typed text keeps its
 * written form (`87.450`, `0603 ABC`, `0170/1234567`).
 */

/** Part status codes (`data-status`, assumed): to order, ordered, delivered, back-ordered, cancelled. */
export type PartCode = "0" | "1" | "2" | "3" | "4";

export interface SimPart {
  /** `data-id`: unique across the tenant. */
  rowId: string;
  /** `data-partid`: catalogue id of the part number. */
  partId: string;
  partNo: string;
  description: string;
  /** `Leit Nr.`, e.g. `0010`; `""` when absent. */
  leadNo: string;
  /** `A.Nummer` of the parts order; `""` when not ordered yet. */
  orderNo: string;
  qty: number;
  priceEachCents: number;
  code: PartCode;
  toOrder: boolean;
  ordered: boolean;
  delivered: boolean;
  backorder: boolean;
  mandatory: boolean;
  priceChecked: boolean;
  /** Berlin wall-clock seconds, or null. */
  orderedAt: number | null;
  deliveredAt: number | null;
  /** Expected delivery of a back-ordered part, as an epoch day; served only by the follow-up module. */
  etaDay: number | null;
}

export interface RentalBooking {
  id: string;
  /** Berlin wall-clock seconds. */
  from: number;
  to: number;
}

export interface SimOrder {
  id: string;
  values: Record<string, string>;
  /** The order-level parts status text (`E-Teile Status` and the parts tab). */
  partsStatus: string;
  shortName: string;
  station: number;
  stationState: string;
  /** `theorder`: position on the planning board within the station. */
  position: number;
  employeeId: string;
  archived: boolean;
  parts: SimPart[];
  rental: RentalBooking | null;
  /** Creation timestamp, Berlin wall-clock seconds. */
  createdAt: number;
}

export interface SimEmployee {
  id: string;
  /** Short login name such as `ebei`. */
  name: string;
  fullName: string;
}

export interface Tenant {
  orders: Map<string, SimOrder>;
  employees: SimEmployee[];
  /** The next `data-id` for a new part row. */
  nextRowId: number;
  /** The highest order id ever used; new ids continue above it. */
  maxOrderId: number;
}

/** Status icon titles per code (assumed). */
export const PART_TITLES: Record<PartCode, string> = {
  "0": "Zu bestellen",
  "1": "Bestellt",
  "2": "Geliefert",
  "3": "Rückstand",
  "4": "Storniert",
};

/** Checkbox actions in the order the parts table renders them. */
export const PART_ACTIONS = ["order_parts", "bestellt", "delivered", "ruckstand", "mandatory", "price_checked"] as const;
export type PartAction = (typeof PART_ACTIONS)[number];

export function partFlag(part: SimPart, action: PartAction): boolean {
  switch (action) {
    case "order_parts":
      return part.toOrder;
    case "bestellt":
      return part.ordered;
    case "delivered":
      return part.delivered;
    case "ruckstand":
      return part.backorder;
    case "mandatory":
      return part.mandatory;
    case "price_checked":
      return part.priceChecked;
  }
}

/** Sets the code and the code's flags; `mandatory` and `priceChecked` stay. */
export function setPartCode(part: SimPart, code: PartCode): void {
  part.code = code;
  part.toOrder = code === "0";
  part.ordered = code === "1" || code === "2" || code === "3";
  part.delivered = code === "2";
  part.backorder = code === "3";
}

export function partTotalCents(part: SimPart): number {
  return Math.round(part.qty * part.priceEachCents);
}
