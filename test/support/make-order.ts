/**
 * Complete `UpstreamOrder`/`UpstreamPart` records from a few fields, for fixtures and
 * the generated mirror. Every field the type has is present; unset ones are null.
 */
import type { OrderDetails, UpstreamOrder, UpstreamPart, Vehicle } from "../../src/planso/types.ts";

export const EMPTY_VEHICLE: Vehicle = {
  number_plate: null,
  vin: null,
  make: null,
  model: null,
  make_id: null,
  model_id: null,
  kba: null,
  hu_au: null,
  first_registration: null,
  last_registration: null,
  km_stand: null,
  color_code: null,
  color_name: null,
  class: null,
  leasing: null,
  engine: null,
  engine_size: null,
  engine_power: null,
  engine_code: null,
  curb_weight: null,
  gross_weight: null,
  order_no: null,
};

export const EMPTY_DETAILS: OrderDetails = {
  appointment_date: null,
  service_advisor: null,
  pickup_service: null,
  remarks: null,
  parts_delivery_date: null,
  paint_date: null,
  shop_back_date: null,
  repair_date_time_from: null,
  repair_date_time_to: null,
  estimate_date: null,
  return_date_time: null,
  type_of_date: null,
  damage_description: null,
  workshop_distribution: null,
  parts_needed: null,
  rental_car_type: null,
  rental_car_motor: null,
  rental_car_transmission: null,
  rental_car_navi: null,
  rental_car_bluetooth: null,
  rental_car_hitch: null,
  rental_car_isofix: null,
  rental_car_deductible: null,
  external_calculation: null,
  external_calculation_done: null,
  express_link: null,
  insurance_adjuster: null,
  activate_invoice: null,
  deductible: null,
  pickup_location: null,
  distance: null,
  pickup_company: null,
  address_notes: null,
};

export type OrderSeed = Partial<Omit<UpstreamOrder, "vehicle" | "details">> & {
  id: string;
  vehicle?: Partial<Vehicle>;
  details?: Partial<OrderDetails>;
};

export function makeOrder(seed: OrderSeed): UpstreamOrder {
  const { vehicle, details, ...top } = seed;
  const order: UpstreamOrder = {
    short_name: null,
    station_id: null,
    station_state: null,
    employee_id: null,
    board_position: null,
    plate: null,
    person: null,
    phone: null,
    email: null,
    damage: null,
    project_status: null,
    customer_category: null,
    shop_date: null,
    repair_date: null,
    finish_date: null,
    planned_delivery_date: null,
    parts_status: null,
    missing_parts: false,
    est_hours_karo: null,
    est_hours_lack: null,
    est_hours_mech: null,
    fields: {},
    parts: null,
    parts_totals: null,
    extended: null,
    ...top,
    vehicle: { ...EMPTY_VEHICLE, number_plate: top.plate ?? null, ...vehicle },
    details: { ...EMPTY_DETAILS, ...details },
  };
  return order;
}

/** Part states of domain.md 9.1, with the flags PlanSo's checkboxes give each. */
export const PART_STATES = {
  to_order: { status: "Zu bestellen", status_code: "0", is_to_order: true, is_ordered: false, is_delivered: false, is_backorder: false, is_missing: true },
  ordered: { status: "Bestellt", status_code: "1", is_to_order: false, is_ordered: true, is_delivered: false, is_backorder: false, is_missing: true },
  delivered: { status: "Geliefert", status_code: "2", is_to_order: false, is_ordered: true, is_delivered: true, is_backorder: false, is_missing: false },
  backorder: { status: "Rückstand", status_code: "3", is_to_order: false, is_ordered: true, is_delivered: false, is_backorder: true, is_missing: true },
  cancelled: { status: "Storniert", status_code: "4", is_to_order: false, is_ordered: false, is_delivered: false, is_backorder: false, is_missing: false },
} as const;

export type PartState = keyof typeof PART_STATES;

export function makePart(
  rowId: string,
  state: PartState,
  rest: Partial<Omit<UpstreamPart, "row_id">> = {},
): UpstreamPart {
  return {
    row_id: rowId,
    part_id: null,
    part_no: null,
    description: null,
    lead_no: null,
    order_no: null,
    qty: null,
    price_each: null,
    price_total: null,
    order_date: null,
    delivery_date: null,
    eta_date: null,
    is_mandatory: false,
    is_price_checked: false,
    ...PART_STATES[state],
    ...rest,
  };
}
