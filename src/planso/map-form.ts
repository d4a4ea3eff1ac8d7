/**
 * Maps form fields to mirror fields through the tenant's label rules. Where several
 * labels feed one field, the first label in rule order with a non-empty value wins.
 * Every label stays in `fields` with its raw string; values that do not parse become
 * null and are logged, never rejected.
 */
import { parseGermanDate, parseGermanDateTime, parseMonth } from "../domain/dates.ts";
import { parseGermanDecimal } from "../domain/decimal.ts";
import { normalizeText } from "../domain/text.ts";
import type { Logger } from "../log.ts";
import { FIELDS_ONLY_LABELS, type LabelRule, type ValueKind } from "./labels.ts";
import type { FormField } from "./parse-form.ts";

/** `select_id` fields whose option text also fills a text field. */
export const OPTION_TEXT_FIELDS: Readonly<Record<string, string>> = {
  "vehicle.make_id": "vehicle.make",
  "vehicle.model_id": "vehicle.model",
};

export type MappedValue = string | number | boolean | null;

export interface MappedForm {
  /** Typed values by rule field path (`plate`, `vehicle.vin`, `details.remarks`). */
  values: Map<string, MappedValue>;
  /** Option texts of `select_id` fields, by the text field they feed (`vehicle.make`). */
  optionTexts: Map<string, string | null>;
  /** The label each rule field was found under, for writes. */
  labels: Map<string, string>;
  /** Every label → raw value. */
  fields: Record<string, string>;
}

export interface MapFormContext {
  rules: readonly LabelRule[];
  timeZone: string;
  log: Logger;
  /** Unmapped labels already logged by this client, so each is logged once. */
  loggedUnknownLabels: Set<string>;
  /**
   * Labels whose unreadable value this client already logged at warn level; later
   * ones go to debug, because a tenant with `ca. 90000` in `Kilometerstand` would
   * otherwise log a warning for every such order on every sync.
   */
  loggedUnparsedLabels?: Set<string>;
  orderId?: string;
}

export function mapFormFields(formFields: readonly FormField[], context: MapFormContext): MappedForm {
  const byLabel = new Map(formFields.map((field) => [field.label, field]));
  const mapped: MappedForm = { values: new Map(), optionTexts: new Map(), labels: new Map(), fields: {} };
  for (const field of formFields) mapped.fields[field.label] = field.value;

  const known = new Set<string>(FIELDS_ONLY_LABELS);
  for (const rule of context.rules) {
    for (const label of rule.labels) known.add(label);

    const present = rule.labels.map((label) => byLabel.get(label)).filter((f): f is FormField => f !== undefined);
    if (present.length === 0) continue;
    const chosen = present.find((field) => !isEmpty(field, rule.kind)) ?? present[0]!;
    mapped.labels.set(rule.field, chosen.label);

    const value = convertValue(rule.kind, chosen, context.timeZone);
    mapped.values.set(rule.field, value);
    if (value === null && !isEmpty(chosen, rule.kind)) {
      const seen = context.loggedUnparsedLabels;
      const level = seen === undefined || !seen.has(chosen.label) ? "warn" : "debug";
      seen?.add(chosen.label);
      context.log[level]("planso.form_value_unparsed", {
        order_id: context.orderId,
        label: chosen.label,
        kind: rule.kind,
        ...(level === "warn" && seen !== undefined ? { note: "later values of this label are logged at debug level" } : {}),
      });
    }

    const textField = OPTION_TEXT_FIELDS[rule.field];
    if (rule.kind === "select_id" && textField !== undefined) {
      mapped.optionTexts.set(textField, normalizeText(chosen.option?.text ?? null));
    }
  }

  const unknown = formFields.map((field) => field.label).filter((label) => !known.has(label));
  const fresh = unknown.filter((label) => !context.loggedUnknownLabels.has(label));
  if (fresh.length > 0) {
    for (const label of fresh) context.loggedUnknownLabels.add(label);
    context.log.info("planso.form_unmapped_labels", { order_id: context.orderId, labels: fresh, count: fresh.length });
  }
  return mapped;
}

/** Checks whether a field counts as empty when choosing between labels. */
function isEmpty(field: FormField, kind: ValueKind): boolean {
  if (kind === "select_id" || kind === "select_value") return normalizeText(field.option?.value ?? field.value) === null;
  return normalizeText(field.value) === null;
}

/** Raw form value → typed mirror value, or null when empty or unreadable. */
export function convertValue(kind: ValueKind, field: FormField, timeZone: string): MappedValue {
  switch (kind) {
    case "text":
      return field.control === "textarea" ? normalizeMultiline(field.value) : normalizeText(field.value);
    case "select":
      return normalizeText(field.value);
    case "date":
      return parseGermanDate(field.value);
    case "datetime":
      return parseGermanDateTime(field.value, timeZone);
    case "decimal":
      return parseGermanDecimal(field.value);
    case "month":
      return parseMonth(field.value);
    case "checkbox":
      return parseCheckbox(field.value);
    case "select_id": {
      const value = normalizeText(field.option?.value ?? field.value);
      return value !== null && /^\d+$/.test(value) ? Number(value) : null;
    }
    case "select_value":
      return normalizeText(field.option?.value ?? field.value);
  }
}

/** `True`/`False` as the form reader writes them; `1`/`0` from a text input too. */
function parseCheckbox(raw: string): boolean | null {
  const text = normalizeText(raw)?.toLowerCase();
  if (text === "true" || text === "1") return true;
  if (text === "false" || text === "0") return false;
  return null;
}

/** Like `normalizeText`, but keeps the line breaks of a textarea; each line is collapsed and trimmed. */
function normalizeMultiline(raw: string): string | null {
  if (normalizeText(raw) === null) return null;
  const lines = raw.replace(/\r\n?/g, "\n").split("\n").map((line) => normalizeText(line) ?? "");
  return lines.join("\n").replace(/^\n+|\n+$/g, "");
}
