/**
 * The form of one order as it goes out: labels after the label variant and renames,
 * each control's value after the value quirks, and the extra fields of the
 * `duplicateLabel` and `hiddenInputFirst` quirks. The HTML renderer and the ground
 * truth both read this view, so they cannot disagree.
 */
import type { SimContext } from "../context.ts";
import { mojibake, needsEscaping } from "../format.ts";
import type { SimOrder } from "../model.ts";
import { quirkRate, type RateQuirkName } from "../options.ts";
import { unitHash } from "../random.ts";
import { displayPlate } from "../render/duplicate-plate.ts";
import { FORM_FIELDS, renderedLabel, type Control, type FormField } from "./fields.ts";
import { selectOptions, type SelectOption } from "./select-options.ts";

export interface FieldView {
  field: FormField;
  label: string;
  control: Control;
  name: string;
  /**
   * Text and textarea: the value as sent. Select: the selected option's value.
   * Checkbox: `"1"` or `"0"`.
   */
  value: string;
  options: SelectOption[];
  /** The value is HTML-escaped twice (`doubleEscapedValues`). */
  doubleEscape: boolean;
  /** Value of a hidden input rendered before the visible control (`hiddenInputFirst`). */
  hiddenBefore: string | null;
  /** An earlier copy of a duplicated label; the later field carries the real value. */
  decoy: boolean;
}

/** Returns the stored value of a field. `E-Teile Status` reads the order's parts status text. */
export function storedValue(ctx: SimContext, order: SimOrder, field: FormField): string {
  if (field.key === "parts_status") return order.partsStatus;
  if (field.key === "plate") return displayPlate(ctx, order);
  return order.values[field.key] ?? "";
}

const DATE_PATTERN = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function applyValueQuirks(ctx: SimContext, order: SimOrder, field: FormField, value: string): string {
  const hit = (name: RateQuirkName) => {
    const rate = quirkRate(ctx.config.quirks, name);
    return rate > 0 && unitHash(ctx.seed, name, `${order.id}|${field.key}`) < rate;
  };
  if (field.kind === "date") {
    const match = DATE_PATTERN.exec(value);
    if (match && hit("isoDatesMixedIn")) return `${match[3]}-${match[2]}-${match[1]}`;
    if (value === "" && hit("zeroDates")) return "00.00.0000";
    return value;
  }
  if (field.kind === "datetime") {
    if (/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/.test(value) && hit("datetimeWithoutSeconds")) return value.slice(0, 16);
    return value;
  }
  if (field.kind === "text" && /[^\x00-\x7f]/.test(value) && hit("mojibake")) return mojibake(value);
  return value;
}

function duplicatedField(ctx: SimContext): FormField | null {
  const setting = ctx.config.quirks.duplicateLabel;
  if (setting === false) return null;
  const wanted = setting === true ? "Telefon" : setting;
  return (
    FORM_FIELDS.find((field) => field.label === wanted || renderedLabel(field, ctx.config.quirks) === wanted) ?? null
  );
}

export function buildFormView(ctx: SimContext, order: SimOrder): FieldView[] {
  const quirks = ctx.config.quirks;
  const doubleRate = quirkRate(quirks, "doubleEscapedValues");
  const duplicate = duplicatedField(ctx);
  const views: FieldView[] = [];

  for (const field of FORM_FIELDS) {
    const stored = storedValue(ctx, order, field);
    const value = field.control === "select" || field.control === "checkbox" ? stored : applyValueQuirks(ctx, order, field, stored);
    const view: FieldView = {
      field,
      label: renderedLabel(field, quirks),
      control: field.control,
      name: `f${field.nameId}`,
      value,
      options: field.control === "select" ? selectOptions(field.key, order.values) : [],
      doubleEscape:
        (field.control === "text" || field.control === "textarea") &&
        doubleRate > 0 &&
        needsEscaping(value, quirks.entityEscapedValues) &&
        unitHash(ctx.seed, "doubleEscapedValues", `${order.id}|${field.key}`) < doubleRate,
      hiddenBefore: quirks.hiddenInputFirst && field.key === "damage" ? "0" : null,
      decoy: false,
    };
    if (field === duplicate) {
      views.push({ ...view, value: field.control === "checkbox" ? "0" : "", doubleEscape: false, decoy: true });
    }
    views.push(view);
  }
  return views;
}

/**
 * Returns the raw string a client keeps in `fields` for a field: the selected option's text
 * (its value when the text is empty), `True`/`False` for checkboxes, else the value.
 * Entities are decoded, so a double-escaped value counts as decoded twice.
 */
export function rawFieldValue(view: FieldView): string {
  if (view.control === "checkbox") return view.value === "1" ? "True" : "False";
  if (view.control === "select") {
    const option = selectedOption(view);
    return option.text === "" ? option.value : option.text;
  }
  return view.value;
}

/** Returns the option marked `selected`, else the first one, as a browser shows it. */
export function selectedOption(view: FieldView): SelectOption {
  return view.options.find((option) => option.value === view.value) ?? (view.options[0] as SelectOption);
}
