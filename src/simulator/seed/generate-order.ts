/**
 * One seeded order. Each aspect (board, contact, vehicle, dates, parts, extras) draws
 * from its own stream keyed by the order's creation index, so changing one aspect's
 * generator leaves the others' values unchanged.
 */
import { SECONDS_PER_DAY, type WorkdayIndex } from "../calendar.ts";
import { formatDate, formatDateTime, formatDecimal, formatFixed } from "../format.ts";
import { PAYER_TYPES, PROJECT_STATUSES, RENTAL_MOTORS, RENTAL_TRANSMISSIONS, RENTAL_TYPES } from "../form/select-options.ts";
import { FORM_FIELDS } from "../form/fields.ts";
import type { RentalBooking, SimEmployee, SimPart } from "../model.ts";
import { derivePartsStatus } from "../parts/parts-status.ts";
import { createRandom, type Random } from "../random.ts";
import { generateContact } from "./generate-contact.ts";
import { generateTimeline } from "./generate-dates.ts";
import { generateParts } from "./generate-parts.ts";
import { generatePlate } from "./generate-plate.ts";
import { generateVehicle } from "./generate-vehicle.ts";
import { ADDRESS_NOTES, INSURERS, REMARKS, STREETS, TOWING_COMPANIES, TOWNS } from "./names.ts";

/** An order before ids, row ids and board positions are assigned. */
export interface OrderDraft {
  values: Record<string, string>;
  partsStatus: string;
  shortName: string;
  station: number;
  stationState: string;
  employeeId: string;
  archived: boolean;
  parts: SimPart[];
  rental: Omit<RentalBooking, "id"> | null;
  createdAt: number;
}

export interface SeedContext {
  seed: number;
  /** The working day on or before today. */
  today: number;
  nowLocal: number;
  workdays: WorkdayIndex;
  employees: readonly SimEmployee[];
}

/** Karo and Lack median hours per damage class (`KL 1` … `KL 4`). */
const CLASS_HOURS: readonly (readonly [string, number, number, number])[] = [
  // class, seed share, Karo median, Lack median
  ["KL 1", 15, 1, 2],
  ["KL 1-2", 12, 2, 3],
  ["KL 2", 22, 4, 4],
  ["KL 2-3", 18, 7, 6],
  ["KL 3", 14, 10, 7],
  ["KL 3-4", 8, 16, 10],
  ["KL 4", 6, 24, 12],
  ["", 5, 0, 0],
];

const PAYER_SHARES: readonly (readonly [(typeof PAYER_TYPES)[number], number])[] = [
  ["Haftpflicht", 40],
  ["Vollkasko", 22],
  ["Teilkasko", 10],
  ["Privat", 12],
  ["Leasing", 6],
  ["Flotte", 6],
  ["Garantie", 3],
  ["Intern", 1],
];

const STATION_SHARES: readonly (readonly [number, number])[] = [
  [1, 15],
  [2, 12],
  [3, 18],
  [4, 15],
  [5, 12],
  [6, 8],
  [7, 12],
  [8, 8],
];

function statusOfStation(r: Random, station: number): string {
  const candidates = PROJECT_STATUSES.filter(([, s]) => s === station).map(([name]) => name);
  return candidates.length > 0 ? r.pick(candidates) : "Annahme";
}

/** Hours rounded to 0,5, written `6,5`, `7` or (a quarter of the time) `6,50`. */
function hoursText(r: Random, hours: number): string {
  return r.chance(0.25) ? formatFixed(hours, 2, false) : formatDecimal(hours);
}

function roundHalf(value: number): number {
  return Math.max(0.5, Math.round(value * 2) / 2);
}

function customerCategory(r: Random, payer: string): string {
  switch (payer) {
    case "Privat":
      return "1";
    case "Teilkasko":
      return r.chance(0.5) ? "1" : "3";
    case "Haftpflicht":
      return "2";
    case "Vollkasko":
      return "3";
    case "Leasing":
      return "4";
    case "Flotte":
      return "5";
    case "Garantie":
      return "6";
    default:
      return "7";
  }
}

export function generateOrder(ctx: SeedContext, index: number, archived: boolean): OrderDraft {
  const stream = (aspect: string) => createRandom(ctx.seed, `order.${aspect}`, index);
  const board = stream("board");
  const values: Record<string, string> = {};
  for (const field of FORM_FIELDS) values[field.key] = field.kind === "checkbox" ? "0" : "";

  // Board and classification.
  const cancelled = !archived && board.chance(0.015);
  const station = archived ? 8 : board.weighted(STATION_SHARES);
  const finished = archived || cancelled || board.chance(station === 8 ? 0.8 : 0.25);
  const [damage, , karoMedian, lackMedian] = board.weighted(CLASS_HOURS.map((row) => [row, row[1]] as const));
  const damageLevel = damage === "" ? 0 : CLASS_HOURS.findIndex((row) => row[0] === damage) + 1;
  let karo = 0;
  let lack = 0;
  let mech = 0;
  if (damage !== "") {
    karo = damage === "KL 1" && board.chance(0.3) ? 0 : roundHalf(board.logNormal(karoMedian, 0.35));
    lack = roundHalf(board.logNormal(lackMedian, 0.35));
    mech = board.chance(0.5) ? 0 : board.int(1, 8) / 2;
    values.est_hours_karo = karo === 0 ? "0" : hoursText(board, karo);
    values.est_hours_lack = hoursText(board, lack);
    values.est_hours_mech = mech === 0 ? "0" : hoursText(board, mech);
  }
  values.damage = damage;
  const payer = board.weighted(PAYER_SHARES);
  values.schadenart = board.chance(0.95) ? payer : "";
  values.customer_category = customerCategory(board, payer);
  values["vehicle.leasing"] = payer === "Leasing" || payer === "Flotte" ? payer : "";
  values["details.type_of_date"] = board.weighted([
    ["0", 80],
    ["1", 12],
    ["2", 8],
  ] as const);
  const employee = board.pick(ctx.employees);

  // Customer and vehicle.
  const contactStream = stream("contact");
  const contact = generateContact(contactStream);
  values.person = contact.person;
  values.phone = contact.phone;
  values.email = contact.email;
  const plate = generatePlate(contactStream);
  values.plate = plate.written;
  const shortName = contactStream.chance(0.1) ? `${plate.written} ${contact.surname}` : plate.written;
  const vehicle = generateVehicle(stream("vehicle"), ctx.today, ctx.workdays);
  Object.assign(values, vehicle.values);

  // Dates.
  const dates = stream("dates");
  const timeline = generateTimeline(dates, {
    station,
    archived,
    karoHours: karo,
    lackHours: lack,
    mechHours: mech,
    today: ctx.today,
    nowLocal: ctx.nowLocal,
    workdays: ctx.workdays,
  });
  const stationOneWaiting = station === 1 && !archived && dates.chance(0.5);
  values["details.appointment_date"] = formatDateTime(timeline.appointmentAt);
  values["details.estimate_date"] = timeline.estimate === null ? "" : formatDate(timeline.estimate);
  values.repair_date = formatDate(timeline.repair);
  values.shop_date = stationOneWaiting ? "" : formatDate(timeline.shop);
  values["details.paint_date"] = lack > 0 && !stationOneWaiting ? formatDate(timeline.paint) : "";
  values.finish_date = stationOneWaiting ? "" : formatDate(timeline.finish);
  values.planned_delivery_date = stationOneWaiting ? "" : formatDate(timeline.delivery);
  values["details.shop_back_date"] = timeline.shopBack === null ? "" : formatDate(timeline.shopBack);
  if (timeline.repairFrom !== null && timeline.repairTo !== null && !stationOneWaiting) {
    values["details.repair_date_time_from"] = formatDateTime(timeline.repairFrom);
    values["details.repair_date_time_to"] = formatDateTime(timeline.repairTo);
  }
  values["details.return_date_time"] = timeline.returnAt === null ? "" : formatDateTime(timeline.returnAt);

  // Parts.
  const parts = generateParts(stream("parts"), {
    make: vehicle.make,
    model: vehicle.model,
    damageLevel,
    station,
    archived,
    repairDay: timeline.repair,
    today: ctx.today,
    nowLocal: ctx.nowLocal,
    workdays: ctx.workdays,
  });
  values["details.parts_delivery_date"] = partsDeliveryDate(parts, ctx.workdays);

  // Workflow status: usually the station's, sometimes one stage behind, waiting while parts are back-ordered.
  let projectStatus = statusOfStation(board, station);
  if (board.chance(0.15) && station > 1) projectStatus = statusOfStation(board, station - 1);
  if (parts.some((part) => part.code === "3") && !archived) projectStatus = "Wartet auf Teile";
  if (cancelled) projectStatus = "Storniert";
  values.project_status = projectStatus;

  const rental = fillExtras(stream("extras"), values, {
    payer,
    station,
    archived,
    parts,
    employees: ctx.employees,
    repairDay: timeline.repair,
    deliveryDay: timeline.delivery,
  });

  return {
    values,
    partsStatus: derivePartsStatus(parts),
    shortName,
    station,
    stationState: finished ? "finished" : "active",
    employeeId: employee.id,
    archived,
    parts,
    rental,
    createdAt: timeline.appointmentAt,
  };
}

/** Computes the latest expected delivery of outstanding parts: the next working day for ordered ones. */
function partsDeliveryDate(parts: readonly SimPart[], workdays: WorkdayIndex): string {
  let latest: number | null = null;
  for (const part of parts) {
    let expected: number | null = null;
    if (part.code === "1" && part.orderedAt !== null) {
      expected = workdays.add(workdays.onOrBefore(Math.floor(part.orderedAt / SECONDS_PER_DAY)), 1);
    }
    if (part.code === "3") expected = part.etaDay;
    if (expected !== null && (latest === null || expected > latest)) latest = expected;
  }
  return latest === null ? "" : formatDate(latest);
}

interface ExtrasInput {
  payer: string;
  station: number;
  archived: boolean;
  parts: readonly SimPart[];
  employees: readonly SimEmployee[];
  repairDay: number;
  deliveryDay: number;
}

/** Rental car, pickup service, remarks and the administrative fields. */
function fillExtras(r: Random, values: Record<string, string>, input: ExtrasInput): Omit<RentalBooking, "id"> | null {
  const largeParts = input.parts.filter((part) => part.priceEachCents >= 5000).map((part) => part.description);
  const late = input.archived || input.station >= 7;

  values["details.service_advisor"] = r.chance(0.8) ? r.pick(input.employees).fullName : "";
  if ((input.payer === "Haftpflicht" || input.payer === "Vollkasko") && r.chance(0.4)) {
    values["details.insurance_adjuster"] = `${r.pick(["Herr", "Frau"])} ${r.pick(["Beispiel", "Muster", "Exempel"])}, ${r.pick(INSURERS)}`;
  }
  if (input.payer === "Vollkasko") values["details.deductible"] = r.pick(["300,00", "500,00", "1000,00"]);
  if (input.payer === "Teilkasko") values["details.deductible"] = r.pick(["150,00", "300,00"]);
  if (r.chance(0.35)) {
    values["details.external_calculation"] = r.pick([`DAT ${r.digits(7, true)}`, `Audatex ${r.digits(8, true)}`, "Gutachten SV Beispiel"]);
    values["details.external_calculation_done"] = input.station >= 2 && r.chance(0.8) ? "1" : "0";
  }
  if (r.chance(0.08)) values["details.express_link"] = `https://example.com/express/${r.digits(8, true)}`;
  values["details.activate_invoice"] = late && r.chance(0.9) ? "1" : "0";
  if (r.chance(0.3)) values["details.workshop_distribution"] = `Karo ${r.int(1, 3)} Tage, Lack ${r.int(1, 2)} Tag${r.chance(0.5) ? ", Montage 1 Tag" : ""}`;
  if (r.chance(0.4)) values["details.remarks"] = r.pick(REMARKS);
  if (largeParts.length > 0 && r.chance(0.7)) {
    values["details.damage_description"] = `${largeParts.slice(0, 2).join(", ")} beschädigt`;
  }
  if (largeParts.length > 0 && r.chance(0.3)) values["details.parts_needed"] = largeParts.slice(0, 3).join(", ");

  if (r.chance(0.15)) {
    values["details.pickup_service"] = r.pick(["kommt", "bringt", "Holservice", "Bringservice", "Hol- und Bringservice"]);
    values["details.pickup_location"] = `${r.pick(STREETS)} ${r.int(1, 120)}, ${r.pick(TOWNS)}`;
    if (r.chance(0.4)) values["details.pickup_company"] = r.pick(TOWING_COMPANIES);
    const km = r.int(2, 40);
    values["details.distance"] = r.chance(0.3) ? `${km},5` : String(km);
    if (r.chance(0.5)) values["details.address_notes"] = r.pick(ADDRESS_NOTES);
  }

  if (!r.chance(0.2)) return null;
  values["details.rental_car_type"] = r.pick(RENTAL_TYPES);
  values["details.rental_car_motor"] = r.pick(RENTAL_MOTORS);
  values["details.rental_car_transmission"] = r.pick(RENTAL_TRANSMISSIONS);
  values["details.rental_car_navi"] = r.chance(0.6) ? "1" : "0";
  values["details.rental_car_bluetooth"] = r.chance(0.8) ? "1" : "0";
  values["details.rental_car_hitch"] = r.chance(0.15) ? "1" : "0";
  values["details.rental_car_isofix"] = r.chance(0.3) ? "1" : "0";
  values["details.rental_car_deductible"] = r.pick(["150,00", "500,00"]);
  return {
    from: input.repairDay * SECONDS_PER_DAY + 8 * 3600,
    to: Math.max(input.deliveryDay, input.repairDay) * SECONDS_PER_DAY + 17 * 3600,
  };
}
