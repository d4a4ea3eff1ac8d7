/** Response schemas of orders: the list item, the detail and the parts summary. */
import { z } from "zod";

import type { Order, OrderDetail, PartsSummary } from "../../db/order-row.ts";
import { doc, isoDate, isoTimestamp } from "./common.ts";

const text = (description: string, example: string | null) => z.string().nullable().meta(doc(description, example));
const num = (description: string, example: number | null) => z.number().nullable().meta(doc(description, example));

export const VehicleSchema = z
  .object({
    number_plate: text("Licence plate as written on the form.", "HH-AB 1234"),
    vin: text("Vehicle identification number (FIN).", "WVWZZZ1KZ8W123456"),
    make: text("Manufacturer.", "VW"),
    model: text("Model.", "Golf"),
    make_id: num("Catalogue id of the make.", 118),
    model_id: num("Catalogue id of the model.", 2041),
    kba: text("KBA key HSN/TSN.", "0603/ABC"),
    hu_au: text("Month of the next statutory inspection (`YYYY-MM`).", "2026-09"),
    first_registration: text("First registration (`YYYY-MM-DD`).", "2018-04-12"),
    last_registration: text("Last registration (`YYYY-MM-DD`).", "2021-06-01"),
    km_stand: num("Odometer reading in km.", 84210),
    color_code: text("Paint code.", "LC9A"),
    color_name: text("Colour name.", "Pure White"),
    class: text("Vehicle class.", "PKW"),
    leasing: text("Leasing or fleet marker.", "Leasing"),
    engine: text("Engine description.", "1.5 TSI"),
    engine_size: text("Displacement as written.", "1498"),
    engine_power: text("Engine power as written.", "110 kW"),
    engine_code: text("Engine code.", "DADA"),
    curb_weight: text("Curb weight as written.", "1310"),
    gross_weight: text("Gross weight as written.", "1820"),
    order_no: text("Parts-table order number (`data-pnum`).", "A1"),
  })
  .meta({ id: "Vehicle", description: "Vehicle data from the form." });

export const PartsSummarySchema = z
  .object({
    total: z.number().int().meta(doc("Parts rows.", 3)),
    missing: z.number().int().meta(doc("Parts still missing (to order, ordered, back-ordered).", 2)),
    to_order: z.number().int().meta(doc("Parts still to be ordered.", 0)),
    ordered: z.number().int().meta(doc("Parts marked ordered (delivered ones included).", 3)),
    delivered: z.number().int().meta(doc("Parts delivered.", 1)),
    backorder: z.number().int().meta(doc("Parts back-ordered.", 1)),
    next_eta: isoDate("Earliest ETA among parts not yet delivered", "2024-07-18"),
  })
  .meta({ id: "PartsSummary", description: "Delivery state of an order's parts." }) satisfies z.ZodType<PartsSummary>;

export const orderShape = {
  id: z.string().meta(doc("PlanSo order id (`ID`).", "10001")),
  short_name: text("Short name shown on the planning board.", "HH-AB 1234 Müller"),
  plate: text("Licence plate as written.", "HH-AB 1234"),
  person: text("Driver or keeper.", "Müller, Hans"),
  phone: text("Phone as written; may hold more than one number.", "+49 170 1234567"),
  email: text("Customer e-mail.", "hans.mueller@beispiel.de"),
  damage: text("Damage class (`Kategorie`).", "KL 2-3"),
  project_status: text("Workflow stage (`Projekt-Status`).", "Karo"),
  customer_category: num("Customer category id.", 2),
  station_id: num("Planning-board station.", 3),
  station_state: text("Station state: `active`, `finished`, or as PlanSo sent it.", "active"),
  employee_id: text("Responsible employee id.", "7"),
  board_position: num("Position on the board.", 4),
  on_board: z.boolean().meta(doc("Still listed on the PlanSo planning board.", true)),
  shop_date: isoDate("Start of work in the shop (`Werkstattstart`)"),
  repair_date: isoDate("Vehicle arrival (`Fahrzeugeingang`)", "2024-07-12"),
  finish_date: isoDate("Planned completion", "2024-07-24"),
  planned_delivery_date: isoDate("Planned hand-back", "2024-07-25"),
  parts_status: text("Order-level parts status text (`E-Teile Status`).", "teilweise geliefert"),
  missing_parts: z.boolean().meta(doc("Parts are still missing.", true)),
  est_hours_karo: num("Target hours body work.", 7.5),
  est_hours_lack: num("Target hours paint.", 6),
  est_hours_mech: num("Target hours mechanics.", 0),
  vehicle: VehicleSchema,
  version: z.number().int().meta(doc("Increases with every stored change; REST sends it as ETag.", 3)),
  first_seen_at: isoTimestamp("When the mirror first stored the order"),
  updated_at: isoTimestamp("Last change in the mirror"),
  last_synced_at: z.string().nullable().meta(doc("Last time a sync or write read the order from PlanSo (ISO 8601).", "2026-03-16T11:08:59.000Z")),
  deleted_at: z.string().nullable().meta(doc("When the order was deleted or confirmed gone (ISO 8601); null while it exists.", null)),
};

export const OrderSchema = z
  .object(orderShape)
  .meta({ id: "Order", description: "A repair order as the mirror stores it." }) satisfies z.ZodType<Order>;

const detailText = (description: string, example: string | null) => z.string().nullable().meta(doc(description, example));
const detailFlag = (description: string, example: boolean | null) => z.boolean().nullable().meta(doc(description, example));
const detailMoney = (description: string, example: number | null) => z.number().nullable().meta(doc(description, example));

export const OrderDetailsSchema = z
  .object({
    appointment_date: detailText("When the appointment was created (`Termin angelegt`), ISO datetime.", "2024-07-01T09:30:00+02:00"),
    service_advisor: detailText("Service advisor.", "Frau Jansen"),
    pickup_service: detailText("Pickup service as written (`kommt`, `bringt`, …).", "kommt"),
    remarks: detailText("Remarks.", "Stoßfänger vorne links"),
    parts_delivery_date: detailText("Parts delivery date (`YYYY-MM-DD`).", "2024-07-13"),
    paint_date: detailText("Paint date (`Lacktermin`, `YYYY-MM-DD`).", "2024-07-19"),
    shop_back_date: detailText("Return from an outside contractor (`YYYY-MM-DD`).", null),
    repair_date_time_from: detailText("Repair slot start, ISO datetime.", "2024-07-15T07:30:00+02:00"),
    repair_date_time_to: detailText("Repair slot end, ISO datetime.", "2024-07-24T16:00:00+02:00"),
    estimate_date: detailText("Estimate date (`KVA`, `YYYY-MM-DD`).", "2024-07-02"),
    return_date_time: detailText("Actual hand-back (`Rückgabe`), ISO datetime.", null),
    type_of_date: detailText("Kind of appointment, coded (`Terminart`).", "0"),
    damage_description: detailText("Damage description.", "Parkrempler vorne links"),
    workshop_distribution: detailText("Split of hours across departments and days.", null),
    parts_needed: detailText("Parts needed, as written.", "Stoßfänger, Scheinwerfer"),
    rental_car_type: detailText("Rental car class.", "Kompakt"),
    rental_car_motor: detailText("Rental car fuel or drive.", "Benzin"),
    rental_car_transmission: detailText("Rental car gearbox.", "Automatik"),
    rental_car_navi: detailFlag("Rental car with navigation.", true),
    rental_car_bluetooth: detailFlag("Rental car with Bluetooth.", true),
    rental_car_hitch: detailFlag("Rental car with tow hitch.", false),
    rental_car_isofix: detailFlag("Rental car with ISOFIX.", false),
    rental_car_deductible: detailMoney("Rental car deductible, euros.", 500),
    external_calculation: detailText("External calculation or expert report.", "DAT"),
    external_calculation_done: detailFlag("External calculation done.", true),
    express_link: detailText("Express link.", null),
    insurance_adjuster: detailText("Insurer's claims handler.", "Herr Brandt, Allianz"),
    activate_invoice: detailFlag("Invoicing activated (`Faktura`).", false),
    deductible: detailMoney("Deductible (`Selbstbeteiligung`), euros.", 300),
    pickup_location: detailText("Pickup address.", "Hafenstraße 12, 20359 Hamburg"),
    distance: detailText("Pickup distance in km, as written.", "12,5"),
    pickup_company: detailText("Transfer or towing company.", null),
    address_notes: detailText("Address notes.", "Hinterhof, 2. Einfahrt"),
  })
  .meta({
    id: "OrderDetails",
    description:
      "Fields that only the write body names, with the write body's names. Dates `YYYY-MM-DD`, datetimes ISO 8601 with offset, checkboxes booleans, money in euros.",
    examples: [{ remarks: "Stoßfänger vorne links", service_advisor: "Frau Jansen", paint_date: "2024-07-19", deductible: 300 }],
  });

export const OrderDetailSchema = z
  .object({
    ...orderShape,
    details: OrderDetailsSchema,
    fields: z.record(z.string(), z.string()).meta(doc("Every raw German form label → value as PlanSo sent it.", { Kennzeichen: "HH-AB 1234", "Projekt-Status": "Karo" })),
    parts_totals: z
      .object({
        by_order_no: z.record(z.string(), z.number()).meta(doc("Parts sum per parts order (`A.Nummer`), euros.", { A1: 412.5 })),
        total: z.number().nullable().meta(doc("Grand total of the parts table, euros.", 412.5)),
      })
      .nullable()
      .meta({ description: "Parts sums as PlanSo shows them; null when parts were not read." }),
    parts_summary: PartsSummarySchema,
    extended: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta(doc("Extended sections (tab → parsed content); null until an extended sync read them.", null)),
  })
  .meta({ id: "OrderDetail", description: "One order with its raw form fields and parts summary." }) satisfies z.ZodType<OrderDetail>;
