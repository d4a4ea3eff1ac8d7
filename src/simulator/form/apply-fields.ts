/**
 * Validating and applying a form save: a map of rendered labels to strings in the
 * write formats (`DD.MM.YYYY`, `DD.MM.YYYY HH:MM:SS`, `1234,5`, `MM/YYYY`, `"1"`/`"0"`,
 * option values). Values are stored in PlanSo's own formats, so a read-back shows the
 * normalised value (`6.3.2026` is read back as `06.03.2026`).
 */
import type { SimContext } from "../context.ts";
import { formatDate, formatDateTime, formatDecimal } from "../format.ts";
import type { SimOrder } from "../model.ts";
import { parseDecimalValue, parseLocalDateTime, parseMonthValue } from "../truth/parse-values.ts";
import { FIELD_BY_ANY_LABEL, fieldsByRenderedLabel, type FormField } from "./fields.ts";
import { modelOptions, selectOptions } from "./select-options.ts";

export interface FieldsCheck {
  /** Storage key → value to store. */
  changes: Map<string, string>;
  /** Label → German reason, as PlanSo's response names it. */
  errors: Record<string, string>;
  /** Labels the form does not render. */
  ignored: string[];
}

const DATE_ONLY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$|^(\d{4})-(\d{2})-(\d{2})$/;

function normaliseValue(field: FormField, value: string, values: Record<string, string>): string | { error: string } {
  if (value === "" && field.control !== "select" && field.control !== "checkbox") {
    return field.key === "plate" ? { error: "Pflichtfeld" } : "";
  }
  switch (field.kind) {
    case "date": {
      if (!DATE_ONLY.test(value.trim())) return { error: "Ungültiges Datum" };
      const local = parseLocalDateTime(value);
      return local === null ? { error: "Ungültiges Datum" } : formatDate(Math.floor(local / 86400));
    }
    case "datetime": {
      if (!/\d:\d{2}/.test(value)) return { error: "Ungültiges Datum/Uhrzeit" };
      const local = parseLocalDateTime(value);
      return local === null ? { error: "Ungültiges Datum/Uhrzeit" } : formatDateTime(local);
    }
    case "decimal": {
      const number = parseDecimalValue(value);
      return number === null ? { error: "Ungültige Zahl" } : formatDecimal(number);
    }
    case "month": {
      const month = parseMonthValue(value);
      return month === null ? { error: "Ungültiger Monat" } : `${month.slice(5, 7)}/${month.slice(0, 4)}`;
    }
    case "checkbox":
      return value === "1" || value === "0" ? value : { error: "Ungültiger Wert" };
    case "select":
    case "select_id":
    case "select_value": {
      const options = field.key === "vehicle.model_id" ? modelOptions(values["vehicle.make_id"] ?? "") : selectOptions(field.key, values);
      return options.some((option) => option.value === value) ? value : { error: "Ungültige Auswahl" };
    }
    default:
      return value;
  }
}

/**
 * Checks a `fields` body against an order's form (`null` for an insert). Labels are
 * matched as the form renders them; `anyLabel` also accepts every label of the label
 * table, which the control API allows for convenience.
 */
export function checkFields(
  ctx: SimContext,
  order: SimOrder | null,
  input: Record<string, unknown>,
  options: { anyLabel: boolean },
): FieldsCheck {
  const byLabel = fieldsByRenderedLabel(ctx.config.quirks);
  const result: FieldsCheck = { changes: new Map(), errors: {}, ignored: [] };
  const matched: [string, FormField, unknown][] = [];
  for (const [label, value] of Object.entries(input)) {
    const field = byLabel.get(label) ?? (options.anyLabel ? FIELD_BY_ANY_LABEL.get(label) : undefined);
    if (!field) {
      if (ctx.config.quirks.strictWrites) result.errors[label] = "Unbekanntes Feld";
      else result.ignored.push(label);
      continue;
    }
    matched.push([label, field, value]);
  }

  // The make decides the model options, so it is checked first.
  const values = { ...(order?.values ?? {}) };
  matched.sort(([, a], [, b]) => Number(b.key === "vehicle.make_id") - Number(a.key === "vehicle.make_id"));
  for (const [label, field, value] of matched) {
    if (typeof value !== "string") {
      result.errors[label] = "Ungültiger Wert";
      continue;
    }
    const normalised = normaliseValue(field, value, values);
    if (typeof normalised !== "string") {
      result.errors[label] = normalised.error;
      continue;
    }
    values[field.key] = normalised;
    result.changes.set(field.key, normalised);
  }

  if (order === null && !result.changes.get("plate")) result.errors.Kennzeichen ??= "Pflichtfeld";
  return result;
}

/** Applies checked changes. A model that does not belong to a changed make is cleared. */
export function applyChanges(order: SimOrder, changes: ReadonlyMap<string, string>): void {
  const oldPlate = order.values.plate ?? "";
  for (const [key, value] of changes) {
    if (key === "parts_status") order.partsStatus = value;
    else order.values[key] = value;
  }
  if (changes.has("vehicle.make_id") && !changes.has("vehicle.model_id")) {
    const valid = modelOptions(order.values["vehicle.make_id"] ?? "").some((option) => option.value === order.values["vehicle.model_id"]);
    if (!valid) order.values["vehicle.model_id"] = "";
  }
  // A board title that repeats the plate follows a new plate.
  if (changes.has("plate") && order.shortName === oldPlate) order.shortName = order.values.plate ?? "";
}

