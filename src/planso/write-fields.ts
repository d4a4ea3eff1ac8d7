/**
 * Turns write-body fields (`person`, `vehicle_details.vin`) into the label → string
 * map that a form save sends, in PlanSo's display formats. Dates are `DD.MM.YYYY`,
 * datetimes `DD.MM.YYYY HH:MM:SS` in Berlin time, decimals use a comma and no
 * grouping, months are `MM/YYYY`, checkboxes `1`/`0` and ids digit strings.
 * Null becomes `""`, which clears the field. A checkbox has no empty state, so null
 * unticks it (`0`).
 */
import { formatGermanDate, formatGermanDateTime, formatMonth } from "../domain/dates.ts";
import { formatGermanDecimal } from "../domain/decimal.ts";
import { PlansoError } from "./errors.ts";
import type { LabelRule, ValueKind } from "./labels.ts";
import type { OrderWriteFields } from "./types.ts";

export interface EncodedField {
  /** Write body path, e.g. `vehicle_details.km_stand`. */
  path: string;
  label: string;
  kind: ValueKind;
  /** The string sent upstream. */
  value: string;
}

/**
 * Encodes `fields`. `labelFor` returns the label that a rule's field was found under
 * on the order's form, or on any form of the tenant. Without one, the rule's first
 * label is used. Throws a `rejected` PlansoError that names every field without a
 * label rule or with a value of the wrong type.
 */
export function encodeWriteFields(
  fields: OrderWriteFields,
  rules: readonly LabelRule[],
  labelFor: (field: string) => string | undefined,
  timeZone: string,
): EncodedField[] {
  const byWritePath = new Map(rules.filter((rule) => rule.write !== undefined).map((rule) => [rule.write!, rule]));
  const encoded: EncodedField[] = [];
  const problems: Record<string, string> = {};

  for (const [path, value] of flattenWriteFields(fields)) {
    const rule = byWritePath.get(path);
    if (!rule || rule.labels.length === 0) {
      problems[path] = "no PlanSo label is configured for this field";
      continue;
    }
    try {
      encoded.push({ path, label: labelFor(rule.field) ?? rule.labels[0]!, kind: rule.kind, value: formatValue(rule.kind, value, timeZone) });
    } catch (error) {
      problems[path] = (error as Error).message;
    }
  }

  if (Object.keys(problems).length > 0) {
    throw new PlansoError("rejected", `invalid write fields: ${Object.keys(problems).join(", ")}`, { fieldErrors: problems });
  }
  return encoded;
}

/** `{vehicle_details: {vin}}` → `[["vehicle_details.vin", …]]`; undefined values are skipped. */
function flattenWriteFields(fields: OrderWriteFields): Array<[string, unknown]> {
  const flat: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === "vehicle_details" && value !== null && typeof value === "object") {
      for (const [inner, innerValue] of Object.entries(value)) {
        if (innerValue !== undefined) flat.push([`vehicle_details.${inner}`, innerValue]);
      }
    } else {
      flat.push([key, value]);
    }
  }
  return flat;
}

function formatValue(kind: ValueKind, value: unknown, timeZone: string): string {
  if (value === null) return kind === "checkbox" ? "0" : "";
  switch (kind) {
    case "text":
    case "select":
    case "select_value":
      if (typeof value === "string") return value;
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      throw new TypeError(`expected text, got ${typeof value}`);
    case "date":
      return formatGermanDate(expectString(value, "an ISO date such as 2026-03-16"));
    case "datetime":
      return formatGermanDateTime(expectString(value, "an ISO datetime such as 2026-03-16T12:08:59+01:00"), timeZone);
    case "month":
      return formatMonth(expectString(value, "a month such as 2026-09"));
    case "decimal":
      if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError("expected a number");
      return formatGermanDecimal(value);
    case "checkbox":
      if (typeof value !== "boolean") throw new TypeError("expected true or false");
      return value ? "1" : "0";
    case "select_id":
      if (typeof value !== "number" || !Number.isSafeInteger(value)) throw new TypeError("expected an integer id");
      return String(value);
  }
}

function expectString(value: unknown, expected: string): string {
  if (typeof value !== "string") throw new TypeError(`expected ${expected}`);
  return value;
}
