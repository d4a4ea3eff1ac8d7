/**
 * Option lists of the form's selects. All of them are the project's assumption except
 * the observed `KL 2-3` category and the `Karo` project status. An empty option reads
 * `-` with value `""`, so a client reading option text gets `-`, which means empty.
 */
import { MAKES, MAKE_BY_ID } from "../seed/vehicles.ts";

export interface SelectOption {
  value: string;
  text: string;
}

const EMPTY: SelectOption = { value: "", text: "-" };
const same = (values: readonly string[]): SelectOption[] => [EMPTY, ...values.map((v) => ({ value: v, text: v }))];

export const DAMAGE_CLASSES = ["KL 1", "KL 1-2", "KL 2", "KL 2-3", "KL 3", "KL 3-4", "KL 4"] as const;

export const PAYER_TYPES = [
  "Haftpflicht",
  "Vollkasko",
  "Teilkasko",
  "Privat",
  "Leasing",
  "Flotte",
  "Garantie",
  "Intern",
] as const;

/** Projekt-Status values with the station each one belongs to. */
export const PROJECT_STATUSES: readonly (readonly [string, number])[] = [
  ["Annahme", 1],
  ["KVA", 1],
  ["Wartet auf Freigabe", 1],
  ["Wartet auf Teile", 2],
  ["Karo", 3],
  ["Lack", 4],
  ["Montage", 5],
  ["Mech", 5],
  ["Aufbereitung", 6],
  ["Fertig", 7],
  ["Abgeholt", 8],
  ["Storniert", 0],
];

export const PARTS_STATUS_TEXTS = [
  "ohne E-Teile",
  "offen",
  "bestellt",
  "teilweise geliefert",
  "vollständig geliefert",
  "Rückstand",
  "wartet",
  "fehlt",
] as const;

export const CUSTOMER_CATEGORIES: readonly SelectOption[] = [
  { value: "1", text: "Privat" },
  { value: "2", text: "Versicherung Haftpflicht (gesteuert)" },
  { value: "3", text: "Versicherung Kasko" },
  { value: "4", text: "Leasing" },
  { value: "5", text: "Flotte / Gewerbe" },
  { value: "6", text: "Autohaus / Händler" },
  { value: "7", text: "Intern" },
];

export const PICKUP_SERVICES = ["kommt", "bringt", "Holservice", "Bringservice", "Hol- und Bringservice"] as const;

/** `Terminart` codes; `"0"` is the default and the select has no empty option. */
export const APPOINTMENT_TYPES: readonly SelectOption[] = [
  { value: "0", text: "Standardtermin" },
  { value: "1", text: "Gutachtertermin" },
  { value: "2", text: "Expresstermin" },
];

export const RENTAL_TYPES = ["Kleinwagen", "Kompakt", "Mittelklasse", "Kombi", "Transporter"] as const;
export const RENTAL_MOTORS = ["Benzin", "Diesel", "Hybrid", "Elektro"] as const;
export const RENTAL_TRANSMISSIONS = ["Schaltgetriebe", "Automatik"] as const;
export const LEASING_VALUES = ["Leasing", "Flotte"] as const;

/** Options of a select field; `Modell` lists the models of the order's make. */
export function selectOptions(key: string, values: Record<string, string>): SelectOption[] {
  switch (key) {
    case "damage":
      return same(DAMAGE_CLASSES);
    case "schadenart":
      return same(PAYER_TYPES);
    case "project_status":
      return same(PROJECT_STATUSES.map(([name]) => name));
    case "parts_status":
      return same(PARTS_STATUS_TEXTS);
    case "customer_category":
      return [EMPTY, ...CUSTOMER_CATEGORIES];
    case "details.type_of_date":
      return [...APPOINTMENT_TYPES];
    case "details.pickup_service":
      return same(PICKUP_SERVICES);
    case "details.rental_car_type":
      return same(RENTAL_TYPES);
    case "details.rental_car_motor":
      return same(RENTAL_MOTORS);
    case "details.rental_car_transmission":
      return same(RENTAL_TRANSMISSIONS);
    case "vehicle.leasing":
      return same(LEASING_VALUES);
    case "vehicle.make_id":
      return [EMPTY, ...MAKES.map((make) => ({ value: String(make.id), text: make.name }))];
    case "vehicle.model_id":
      return modelOptions(values["vehicle.make_id"] ?? "");
    default:
      return [EMPTY];
  }
}

export function modelOptions(makeId: string): SelectOption[] {
  const make = MAKE_BY_ID.get(Number(makeId));
  if (!make) return [EMPTY];
  return [EMPTY, ...make.models.map((m) => ({ value: String(m.id), text: m.name }))];
}
