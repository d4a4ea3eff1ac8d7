/**
 * Typed records that the PlanSo client returns after parsing the upstream HTML.
 * Dates are ISO calendar days (`2026-03-16`), datetimes ISO 8601 with the Berlin
 * offset (`2026-03-16T12:08:59+01:00`), months `YYYY-MM`, money in euros, and every
 * empty upstream value is `null`. The simulator's ground truth uses the same shapes,
 * so contract tests compare them field by field.
 */
import type { PlansoErrorKind } from "./errors.ts";

/** One entry of the planning board (`resourceplanner_get_project_stations`). */
export interface BoardItem {
  id: string;
  short_name: string | null;
  station_id: number | null;
  /** `active`, `finished`, or any other state PlanSo sends, kept as written. */
  station_state: string | null;
  employee_id: string | null;
  board_position: number | null;
}

export interface Employee {
  id: string;
  name: string;
}

/** One row of the parts table (`resourceplanner_shop_view_get_parts`). */
export interface UpstreamPart {
  /** `data-id` of the row; the key for checkbox actions. */
  row_id: string;
  part_id: string | null;
  part_no: string | null;
  description: string | null;
  lead_no: string | null;
  /** `A.Nummer`: the parts order this part belongs to. */
  order_no: string | null;
  qty: number | null;
  price_each: number | null;
  price_total: number | null;
  /** Icon title (`Bestellt`), else the status code. */
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

/** Vehicle data from the form, with parts-table attributes as fallbacks. */
export interface Vehicle {
  number_plate: string | null;
  vin: string | null;
  make: string | null;
  model: string | null;
  make_id: number | null;
  model_id: number | null;
  kba: string | null;
  /** Month of the next inspection, `YYYY-MM`. */
  hu_au: string | null;
  first_registration: string | null;
  last_registration: string | null;
  /** Odometer reading in km. */
  km_stand: number | null;
  color_code: string | null;
  color_name: string | null;
  class: string | null;
  leasing: string | null;
  engine: string | null;
  engine_size: string | null;
  engine_power: string | null;
  engine_code: string | null;
  curb_weight: string | null;
  gross_weight: string | null;
  /** `data-pnum` of the parts table. */
  order_no: string | null;
}

/**
 * Order fields that only the write body names. Checkboxes are booleans, decimals
 * numbers, dates and datetimes ISO; everything else text as written.
 */
export interface OrderDetails {
  appointment_date: string | null;
  service_advisor: string | null;
  pickup_service: string | null;
  remarks: string | null;
  parts_delivery_date: string | null;
  paint_date: string | null;
  shop_back_date: string | null;
  repair_date_time_from: string | null;
  repair_date_time_to: string | null;
  estimate_date: string | null;
  return_date_time: string | null;
  type_of_date: string | null;
  damage_description: string | null;
  workshop_distribution: string | null;
  parts_needed: string | null;
  rental_car_type: string | null;
  rental_car_motor: string | null;
  rental_car_transmission: string | null;
  rental_car_navi: boolean | null;
  rental_car_bluetooth: boolean | null;
  rental_car_hitch: boolean | null;
  rental_car_isofix: boolean | null;
  rental_car_deductible: number | null;
  external_calculation: string | null;
  external_calculation_done: boolean | null;
  express_link: string | null;
  insurance_adjuster: string | null;
  activate_invoice: boolean | null;
  deductible: number | null;
  pickup_location: string | null;
  distance: string | null;
  pickup_company: string | null;
  address_notes: string | null;
}

/** An order as read from the form, parts tab and (optionally) extended tabs. */
export interface UpstreamOrder {
  id: string;
  short_name: string | null;
  station_id: number | null;
  station_state: string | null;
  employee_id: string | null;
  board_position: number | null;
  plate: string | null;
  person: string | null;
  phone: string | null;
  email: string | null;
  damage: string | null;
  project_status: string | null;
  /** Option value of `Kundenkategorie` (an integer id upstream). */
  customer_category: number | null;
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
  details: OrderDetails;
  /** Every form label (whitespace collapsed, NFC) → raw value as PlanSo sent it. */
  fields: Record<string, string>;
  /** `null` when parts were not fetched; `[]` when the order has none. */
  parts: UpstreamPart[] | null;
  /** Parts sums per `A.Nummer` and the grand total, in euros. */
  parts_totals: { by_order_no: Record<string, number>; total: number | null } | null;
  /** Extended tab name (e.g. `damagedareas`) → parsed content; `null` when not fetched. */
  extended: Record<string, unknown> | null;
  /**
   * Sections whose read failed (`parts`, `extended.<tab>`), absent when every
   * requested section was read. A failed section is left out (`parts` stays `null`),
   * so the caller keeps its previous data for it.
   */
  failed_sections?: FailedSection[];
}

export interface FailedSection {
  section: string;
  kind: PlansoErrorKind;
  message: string;
}

export interface ReadOrderOptions {
  withParts: boolean;
  withExtended: boolean;
  /** The board entry, when known, so board fields and fallbacks are filled. */
  board?: BoardItem;
}

/** Field values for a write, by write-body name; `null` clears a field upstream. */
export type OrderWriteFields = Partial<
  Omit<OrderDetails, never> & {
    person: string | null;
    phone: string | null;
    email: string | null;
    customer_category: number | null;
    damage: string | null;
    repair_date: string | null;
    shop_date: string | null;
    est_hours_karo: number | null;
    est_hours_lack: number | null;
    vehicle_details: Partial<{
      number_plate: string | null;
      vin: string | null;
      makeID: number | null;
      modelID: number | null;
      first_registration: string | null;
      kba: string | null;
      hu_au: string | null;
      engine: string | null;
      engine_size: string | null;
      curb_weight: string | null;
      gross_weight: string | null;
      engine_power: string | null;
      last_registration: string | null;
      km_stand: number | null;
      engine_code: string | null;
    }>;
  }
>;

export interface WriteResult {
  id: string;
  /** Labels PlanSo ignored because the form has no such field. */
  ignored: string[];
}

/**
 * The PlanSo operations the connector uses. The sync engine and the write executor take
 * this interface, so tests can pass the real client pointed at the simulator or a
 * stand-in.
 */
export interface PlansoApi {
  login(): Promise<void>;
  logout(): Promise<void>;
  readBoard(): Promise<BoardItem[]>;
  readEmployees(orderId: string): Promise<Employee[]>;
  readOrder(id: string, options: ReadOrderOptions): Promise<UpstreamOrder>;
  createOrder(fields: OrderWriteFields): Promise<WriteResult>;
  updateOrder(id: string, fields: OrderWriteFields): Promise<WriteResult>;
  deleteOrder(id: string): Promise<void>;
  /** Upstream requests made so far, for run statistics. */
  requestCount(): number;
  /** Requests and failed requests per PlanSo module, for `/metrics`; optional for stand-ins. */
  moduleStats?(): Record<string, { requests: number; errors: number }>;
  session(): SessionInfo;
}

export interface SessionInfo {
  logged_in: boolean;
  base_url: string;
  username: string;
  last_login_at: string | null;
  logins: number;
  expiries: number;
}
