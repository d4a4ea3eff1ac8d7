/**
 * Assembles an `UpstreamOrder` from the mapped form, the board entry and the parts
 * tab, applying the fallbacks between them: the plate falls back to the board's
 * short name, and VIN, plate and make fall back to the parts table's attributes.
 */
import { orderHasMissingParts } from "../domain/missing-parts.ts";
import type { MappedForm } from "./map-form.ts";
import type { PartsTab } from "./parse-parts.ts";
import type { BoardItem, OrderDetails, UpstreamOrder, Vehicle } from "./types.ts";

export function emptyVehicle(): Vehicle {
  return {
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
}

export function emptyDetails(): OrderDetails {
  return {
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
}

export interface OrderParts {
  id: string;
  form: MappedForm;
  board?: BoardItem;
  /** The parts tab, or null when it was not read or its read failed. */
  partsTab: PartsTab | null;
  extended: Record<string, unknown> | null;
}

export function buildOrder(input: OrderParts): UpstreamOrder {
  const { form, board, partsTab } = input;
  const order: UpstreamOrder = {
    id: input.id,
    short_name: board?.short_name ?? null,
    station_id: board?.station_id ?? null,
    station_state: board?.station_state ?? null,
    employee_id: board?.employee_id ?? null,
    board_position: board?.board_position ?? null,
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
    vehicle: emptyVehicle(),
    details: emptyDetails(),
    fields: form.fields,
    parts: partsTab?.parts ?? null,
    parts_totals: partsTab?.totals ?? null,
    extended: input.extended,
  };

  for (const [path, value] of form.values) setPath(order, path, value);
  const formPlate = form.values.get("plate") ?? null;
  const vehicle = order.vehicle;
  vehicle.number_plate = (formPlate as string | null) ?? partsTab?.vehicle.number_plate ?? null;
  vehicle.vin ??= partsTab?.vehicle.vin ?? null;
  vehicle.make = form.optionTexts.get("vehicle.make") ?? partsTab?.vehicle.make ?? null;
  vehicle.model = form.optionTexts.get("vehicle.model") ?? vehicle.model;
  vehicle.order_no = partsTab?.vehicle.pnum ?? null;
  order.plate ??= board?.short_name ?? null;

  // The parts tab's status text is fresher than the form's `E-Teile Status` field.
  order.parts_status = partsTab?.status_text ?? order.parts_status;
  order.missing_parts = orderHasMissingParts(order.parts_status, order.parts);
  return order;
}

/** Sets `vehicle.x`, `details.x` or a top-level field, if the order has that key. */
function setPath(order: UpstreamOrder, path: string, value: unknown): void {
  const [head, tail] = path.split(".", 2) as [string, string | undefined];
  let target: Record<string, unknown> = order as unknown as Record<string, unknown>;
  let key = head;
  if (tail !== undefined) {
    if (head !== "vehicle" && head !== "details") return;
    target = order[head] as unknown as Record<string, unknown>;
    key = tail;
  }
  if (key in target && key !== "fields" && key !== "parts" && key !== "extended") target[key] = value;
}
