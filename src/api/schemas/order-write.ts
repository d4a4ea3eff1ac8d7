/**
 * Request fields of order writes (`orders.create`, `orders.update`): the PlanSo
 * connector's reference request body, validated strictly and normalised to the form
 * the PlanSo client writes. Dates become `YYYY-MM-DD`, datetimes ISO 8601 with the
 * Berlin offset, months `YYYY-MM`, checkboxes booleans. Text that is empty or only
 * whitespace counts as null. Every field is documented here, because the OpenAPI
 * document is generated from these schemas.
 */
import { z } from "zod";

import { parseDateInput, parseDateTimeInput } from "../../domain/dates.ts";
import { plateKey } from "../../domain/plate.ts";
import { doc } from "./common.ts";

/**
 * A field's value schema with its description, before it is made optional or
 * nullable. The example sits on the schema's input side, because zod leaves examples
 * of a transformed schema out of the request's JSON Schema.
 */
interface FieldSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  description: string;
}

const spec = <S extends z.ZodType>(schema: S, description: string): FieldSpec<S> => ({ schema, description });

/** Attaches one example to a schema, for the OpenAPI document. */
const example = <S extends z.ZodType>(schema: S, value: unknown): S => schema.meta({ examples: [value] });

/**
 * Keeps a number or boolean strict in a JSON body. trpc-to-openapi 3.3.0 marks every
 * number and boolean field of an input object as coercing, meant for query strings.
 * It does so for bodies too, and it changes the shared schema, so tRPC calls coerce
 * afterwards as well: `"84210"` would pass as a number and `"ja"` as `true`. It
 * leaves pipes alone, so this identity transform prevents that.
 */
/** An error map for a value of the wrong JSON type; other messages (range, `int`) stay zod's. */
const typeError = (message: string, type: "number" | "boolean") => (issue: { input?: unknown }) =>
  typeof issue.input === type ? undefined : message;

export const uncoerced = <S extends z.ZodType>(schema: S) => schema.transform((value) => value);

const blankToNull = (value: string): string | null => (value.trim() === "" ? null : value);

function text(max: number, description: string, sample: string) {
  return spec(example(z.string().max(max), sample).transform(blankToNull), `${description} At most ${max} characters.`);
}

/** Text that callers of the reference API also send as a JSON number (`"engine_size": 1498`). */
function textOrNumber(max: number, description: string, sample: string | number) {
  const schema = example(z.union([z.string().max(max), z.number().finite()], { error: "must be text or a number" }), sample).transform((value) =>
    typeof value === "number" ? String(value) : blankToNull(value),
  );
  return spec(schema, `${description} Text or a number, at most ${max} characters.`);
}

function date(description: string, sample: string) {
  const schema = example(z.string().max(32), sample).transform((raw, ctx) => {
      if (raw.trim() === "") return null;
      const parsed = parseDateInput(raw);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    });
  return spec(schema, `${description} \`DD.MM.YYYY\` (day.month.year) or \`YYYY-MM-DD\`; a real calendar day.`);
}

function dateTime(description: string, sample: string) {
  const schema = example(z.string().max(64), sample).transform((raw, ctx) => {
      if (raw.trim() === "") return null;
      const parsed = parseDateTimeInput(raw);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    });
  return spec(
    schema,
    `${description} \`DD.MM.YYYY HH:MM[:SS]\` or \`YYYY-MM-DDTHH:MM[:SS]\` in Berlin time, or ISO 8601 with an offset.`,
  );
}

/** `MM/YYYY`, `MM.YYYY` or `YYYY-MM` → `YYYY-MM`. */
function month(description: string, sample: string) {
  const schema = example(z.string().max(16), sample).transform((raw, ctx) => {
      const value = raw.trim();
      if (value === "") return null;
      const monthFirst = /^(\d{1,2})[/.](\d{4})$/u.exec(value);
      const yearFirst = monthFirst ? null : /^(\d{4})-(\d{2})$/u.exec(value);
      const [year, monthNumber] = monthFirst ? [monthFirst[2], Number(monthFirst[1])] : yearFirst ? [yearFirst[1], Number(yearFirst[2])] : [null, 0];
      if (year === null || year === undefined || monthNumber < 1 || monthNumber > 12) {
        ctx.addIssue({ code: "custom", message: `invalid month ${JSON.stringify(value)}: expected MM/YYYY or YYYY-MM, e.g. 09/2026` });
        return z.NEVER;
      }
      return `${year}-${String(monthNumber).padStart(2, "0")}`;
    });
  return spec(schema, `${description} \`MM/YYYY\` or \`YYYY-MM\`.`);
}

function decimal(description: string, sample: number, max: number) {
  const schema = uncoerced(example(z.number({ error: typeError("must be a number (JSON number, not text)", "number") }).finite().min(0).max(max), sample));
  return spec(schema, `${description} A JSON number from 0 to ${max}.`);
}

function catalogueId(description: string, sample: number) {
  const schema = uncoerced(example(z.number({ error: typeError("must be a whole number (JSON number, not text)", "number") }).int().positive().max(2_147_483_647), sample));
  return spec(schema, `${description} A positive whole number; PlanSo rejects ids its form does not offer.`);
}

function checkbox(description: string, sample: boolean) {
  return spec(uncoerced(example(z.boolean({ error: typeError("must be true or false", "boolean") }), sample)), `${description} \`true\` or \`false\`.`);
}

/** Builds a checkbox that the reference body writes as the text `"1"`/`"0"`; booleans are accepted too. */
function checkboxText(description: string, sample: string) {
  const schema = example(z.union([z.boolean(), z.enum(["1", "0"])], { error: 'must be true, false, "1" or "0"' }), sample).transform(
    (value) => value === true || value === "1",
  );
  return spec(schema, `${description} \`true\`/\`false\`, or \`"1"\`/\`"0"\` as in the reference body.`);
}

const EMAIL = /^[^\s@"(),:;<>[\]\\]{1,64}@(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

const email = spec(
  example(z.string().max(254), "hans.mueller@beispiel.de")
    .transform(blankToNull)
    .pipe(z.email({ pattern: EMAIL, error: "must be an e-mail address such as hans.mueller@beispiel.de" }).nullable()),
  "Customer e-mail (`Kunden E-Mail`). Internationalised addresses (`jürgen@müller.de`) are accepted.",
);

/**
 * Licence plate: letters and digits with spaces, hyphens or dots between them, 2 to
 * 12 characters without the separators, at least one digit. Foreign and dealer plates
 * pass; PlanSo stores the plate as written.
 */
const PLATE_PATTERN = /^[\p{L}\d]+(?:[ .\-–][\p{L}\d]+)*$/u;

export const PLATE = spec(
  example(z.string().max(32), "HH-AB 1234").transform((raw, ctx) => {
      const value = raw.trim().replace(/\s+/gu, " ");
      const key = plateKey(value) ?? "";
      if (value === "") {
        ctx.addIssue({ code: "custom", message: "must not be empty: PlanSo requires a licence plate" });
        return z.NEVER;
      }
      if (!PLATE_PATTERN.test(value) || key.length < 2 || key.length > 12 || !/\d/u.test(key)) {
        ctx.addIssue({ code: "custom", message: `invalid licence plate ${JSON.stringify(value)}: expected letters and digits such as HH-AB 1234` });
        return z.NEVER;
      }
      return value;
    }),
  "Licence plate (`Kennzeichen`), e.g. `HH-AB 1234`; also the order's short name on the board.",
);

/** `Terminart` code: digits, as text or a number; the select has no empty option, so it cannot be cleared. */
export const TYPE_OF_DATE = spec(
  example(
    z.union([z.string().regex(/^\d{1,3}$/u, 'must be an appointment type code such as "0"'), z.number().int().min(0).max(999)], {
      error: 'must be an appointment type code such as "0"',
    }),
    "0",
  ).transform(String),
  'Kind of appointment (`Terminart`) as its code: `"0"` standard, `"1"` assessor, `"2"` express in the simulator. Default `"0"` on create.',
);

export const VEHICLE_FIELDS = {
  vin: text(32, "Vehicle identification number (`VIN`).", "WVWZZZ1KZ8W123456"),
  makeID: catalogueId("Make id (`Hersteller` option value).", 118),
  modelID: catalogueId("Model id (`Modell` option value); must belong to the make.", 2041),
  first_registration: date("First registration (`Erstzulassung`).", "12.04.2018"),
  kba: text(32, "KBA key HSN/TSN (`KBA`).", "0603/ABC"),
  hu_au: month("Next statutory inspection (`HU/AU`).", "09/2026"),
  engine: textOrNumber(100, "Engine (`Motor`).", "1.5 TSI"),
  engine_size: textOrNumber(32, "Displacement (`Hubraum`).", "1498"),
  curb_weight: textOrNumber(32, "Curb weight (`Leergewicht`).", "1310"),
  gross_weight: textOrNumber(32, "Gross weight (`Zul. Gesamtgewicht`).", "1820"),
  engine_power: textOrNumber(32, "Engine power (`Leistung`).", "110 kW"),
  last_registration: date("Last registration (`Letzte Zulassung`).", "01.06.2021"),
  km_stand: decimal("Odometer reading in km (`Kilometerstand`).", 84210, 10_000_000),
  engine_code: textOrNumber(32, "Engine code (`Motorcode`).", "DADA"),
};

/** `vehicle_details.all_details`: accepted for compatibility, never sent, because PlanSo's form has no field for it. */
export const allDetails = z
  .unknown()
  .optional()
  .meta(doc("Accepted for compatibility with the reference body and ignored: PlanSo's form has no field for it, so it is not sent.", null));

export const ORDER_FIELDS = {
  person: text(200, "Driver or keeper (`Fahrername`).", "Müller, Hans"),
  phone: text(100, "Phone as written; may hold more than one number (`Telefon`).", "+49 170 1234567"),
  email,
  customer_category: catalogueId("Customer category id (`Kundenkategorie` option value).", 3),
  damage: text(100, "Damage class (`Kategorie`), one of the form's options such as `KL 2-3`.", "KL 2-3"),
  repair_date: date("Vehicle arrival (`Fahrzeugeingang (Soll)`).", "03.04.2024"),
  shop_date: date("Start of work in the shop (`Werkstattstart`).", "2024-04-08"),
  est_hours_karo: decimal("Target hours body work (`Sollstunden Karo`).", 7.5, 10_000),
  est_hours_lack: decimal("Target hours paint (`Sollstunden Lack`).", 4.5, 10_000),
  appointment_date: dateTime("When the appointment was made (`Termin angelegt`).", "02.04.2024 09:30"),
  service_advisor: text(200, "Service advisor (`Serviceberater`).", "Frau Jansen"),
  pickup_service: text(100, "Pickup service (`Hol- und Bringservice`), one of the form's options such as `kommt`.", "kommt"),
  remarks: text(10_000, "Remarks (`Bemerkungen`).", "Kunde wartet; Stoßfänger vorne links"),
  parts_delivery_date: date("Parts delivery date (`E-Teile Liefertermin`).", "05.04.2024"),
  paint_date: date("Paint date (`Lacktermin`).", "10.04.2024"),
  shop_back_date: date("Back in the shop from an outside contractor (`Zurück in Werkstatt`).", "12.04.2024"),
  repair_date_time_from: dateTime("Repair slot start (`Reparatur von`).", "08.04.2024 07:30"),
  repair_date_time_to: dateTime("Repair slot end (`Reparatur bis`).", "12.04.2024 16:00"),
  estimate_date: date("Estimate date (`KVA Datum`).", "02.04.2024"),
  return_date_time: dateTime("Hand-back to the customer (`Rückgabe`).", "15.04.2024 17:00"),
  damage_description: text(10_000, "Damage description (`Schadenbeschreibung`).", "Parkrempler vorne links"),
  workshop_distribution: text(2_000, "Split of hours across departments and days (`Werkstattverteilung`).", "Karo 2 Tage, Lack 1 Tag"),
  parts_needed: text(10_000, "Parts needed (`Benötigte Teile`).", "Stoßfänger, Scheinwerfer links"),
  rental_car_type: text(100, "Rental car class (`Mietwagen Typ`), one of the form's options.", "Kompakt"),
  rental_car_motor: text(100, "Rental car fuel or drive (`Mietwagen Motor`), one of the form's options.", "Benzin"),
  rental_car_transmission: text(100, "Rental car gearbox (`Mietwagen Getriebe`), one of the form's options.", "Automatik"),
  rental_car_navi: checkboxText("Rental car with navigation (`Mietwagen Navi`).", "1"),
  rental_car_bluetooth: checkboxText("Rental car with Bluetooth (`Mietwagen Bluetooth`).", "1"),
  rental_car_hitch: checkboxText("Rental car with tow hitch (`Mietwagen Anhängerkupplung`).", "0"),
  rental_car_isofix: checkboxText("Rental car with ISOFIX (`Mietwagen Isofix`).", "0"),
  rental_car_deductible: decimal("Rental car deductible in euros (`Mietwagen Selbstbeteiligung`).", 500, 1_000_000),
  external_calculation: text(200, "External calculation or expert report (`Externe Kalkulation`).", "DAT"),
  external_calculation_done: checkbox("External calculation done (`Externe Kalkulation erledigt`).", true),
  express_link: text(2_000, "Express link (`Express-Link`).", "https://beispiel.de/express/4711"),
  insurance_adjuster: text(200, "Insurer's claims handler (`Schadenregulierer`).", "Herr Brandt, Allianz"),
  activate_invoice: checkbox("Invoicing activated (`Faktura aktivieren`).", false),
  deductible: decimal("Deductible in euros (`Selbstbeteiligung`).", 300, 1_000_000),
  pickup_location: text(500, "Pickup address (`Abholort`).", "Hafenstraße 12, 20359 Hamburg"),
  distance: textOrNumber(32, "Pickup distance as written (`Entfernung`).", "12,5 km"),
  pickup_company: text(200, "Transfer or towing company (`Abholfirma`).", "Abschleppdienst Nord"),
  address_notes: text(2_000, "Address notes (`Adresshinweise`).", "Hinterhof, 2. Einfahrt"),
};

type Specs = Record<string, FieldSpec>;
type Clearable<T extends Specs> = { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]["schema"]>> };

/** Makes every field optional (omitted = unchanged) and nullable (null clears it), with its documentation. */
export function clearableFields<T extends Specs>(specs: T, nullNote: string): Clearable<T> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(specs)) {
    shape[name] = field.schema.nullable().optional().meta({ description: `${field.description} ${nullNote}` });
  }
  return shape as Clearable<T>;
}

/** Makes a field optional but not clearable, with its documentation. */
export function keptField<S extends z.ZodType>(field: FieldSpec<S>, note: string) {
  return field.schema.optional().meta({ description: `${field.description} ${note}` });
}
