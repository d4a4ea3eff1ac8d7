/**
 * Vehicle fields of an order: make and model from the catalogue, VIN with the make's
 * manufacturer code, KBA key, registration dates, next inspection month, mileage,
 * paint and engine data, each in the forms and with the gaps of hand-typed data.
 */
import { civilFromDay, type WorkdayIndex } from "../calendar.ts";
import { formatDate, formatFixed, formatMonth } from "../format.ts";
import type { Random } from "../random.ts";
import { COLOURS, MAKES, type Make, type Model } from "./vehicles.ts";

const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

export interface GeneratedVehicle {
  make: Make;
  model: Model;
  /** Storage values keyed like `SimOrder.values`. */
  values: Record<string, string>;
}

function vinChars(r: Random, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += VIN_CHARS.charAt(r.int(0, VIN_CHARS.length - 1));
  return out;
}

/** Model-year letter at VIN position 10: 2010 is `A`, the cycle skips I, O, Q, U, Z and 0. */
function yearCode(year: number): string {
  return YEAR_CODES.charAt((((year - 2010) % 30) + 30) % 30);
}

export function generateVin(r: Random, make: Make, year: number): string {
  const vin = `${r.pick(make.wmis)}${vinChars(r, 5)}${r.pick([..."0123456789X"])}${yearCode(year)}${vinChars(r, 1)}${r.digits(6)}`;
  const roll = r.next();
  if (roll < 0.05) return "";
  if (roll < 0.07) {
    // A typing error: one character missing or doubled, or the letter O for a zero.
    const kind = r.int(0, 2);
    const at = r.int(3, 15);
    if (kind === 0) return vin.slice(0, at) + vin.slice(at + 1);
    if (kind === 1) return vin.slice(0, at) + vin.charAt(at) + vin.slice(at);
    return vin.includes("0") ? vin.replace("0", "O") : `${vin.slice(0, 16)}O`;
  }
  return vin;
}

function kba(r: Random, make: Make): string {
  if (r.chance(0.15)) return "";
  const hsn = r.pick(make.hsns);
  const tsn = `${"ABCDEFGHJKLMNPRSTUVWXYZ".charAt(r.int(0, 22))}${vinChars(r, 2)}`;
  return r.weighted([
    [`${hsn}/${tsn}`, 50],
    [`${hsn} ${tsn}`, 25],
    [`${hsn}${tsn}`, 20],
    [`${hsn}-${tsn}`, 5],
  ]);
}

function mileage(r: Random, ageYears: number): string {
  const km = Math.max(5, Math.round(Math.max(0.1, ageYears) * 12000 * r.logNormal(1, 0.35)));
  return r.weighted([
    [formatFixed(km, 0, true), 40],
    [String(km), 50],
    [`ca. ${Math.round(km / 1000) * 1000}`, 5],
    ["", 5],
  ]);
}

export function generateVehicle(r: Random, today: number, workdays: WorkdayIndex): GeneratedVehicle {
  const make = r.weighted(MAKES.map((m) => [m, m.share] as const));
  const model = r.pick(make.models);
  const engine = r.pick(model.engines);

  const ageYears = Math.min(18, r.logNormal(6, 0.6) * (r.chance(0.08) ? 0.1 : 1));
  const firstRegistration = workdays.onOrBefore(today - Math.round(ageYears * 365.25));
  const registrationYear = civilFromDay(firstRegistration).year;
  const lastRegistration = r.chance(0.3)
    ? workdays.onOrBefore(firstRegistration + Math.floor(r.next() * (today - firstRegistration)))
    : null;

  const todayCivil = civilFromDay(today);
  const monthIndex = todayCivil.year * 12 + todayCivil.month - 1 + r.int(-6, 24);
  const huYear = Math.floor(monthIndex / 12);
  const huMonth = (monthIndex % 12) + 1;
  const huRoll = r.next();
  let huAu = formatMonth(huYear, huMonth);
  if (huRoll < 0.2) huAu = "";
  else if (huRoll < 0.3) huAu = huAu.replace("/", ".");

  const [colourCode, colourName] = r.chance(0.9) ? r.pick(COLOURS) : ["", ""];
  const withEngine = r.chance(0.6);
  const values: Record<string, string> = {
    "vehicle.make_id": String(make.id),
    "vehicle.model_id": String(model.id),
    "vehicle.model": `${make.name} ${model.name}`,
    "vehicle.vin": generateVin(r, make, registrationYear),
    "vehicle.kba": kba(r, make),
    "vehicle.first_registration": formatDate(firstRegistration),
    "vehicle.last_registration": lastRegistration === null ? "" : formatDate(lastRegistration),
    "vehicle.hu_au": huAu,
    "vehicle.km_stand": mileage(r, ageYears),
    "vehicle.color_code": colourCode,
    "vehicle.color_name": colourName,
    "vehicle.class": r.chance(0.8) ? model.vehicleClass : "",
    "vehicle.engine": withEngine ? engine.engine : "",
    "vehicle.engine_size": withEngine && engine.sizeCcm !== null ? `${engine.sizeCcm} ccm` : "",
    "vehicle.engine_power": withEngine ? `${engine.kw} kW (${Math.round(engine.kw * 1.35962)} PS)` : "",
    "vehicle.engine_code": withEngine ? engine.code : "",
    "vehicle.curb_weight": withEngine ? `${formatFixed(engine.curbKg, 0, true)} kg` : "",
    "vehicle.gross_weight": withEngine ? `${formatFixed(engine.grossKg, 0, true)} kg` : "",
  };
  return { make, model, values };
}
