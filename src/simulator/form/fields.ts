/**
 * The order form as the simulator renders it: every label of the shared label table
 * plus `Schadenart`, in a fixed display order, each with its control. Labels and value
 * kinds come from `src/planso/labels.ts`, so the client and the simulator agree on them.
 */
import { DEFAULT_LABEL_RULES, type ValueKind } from "../../planso/labels.ts";

export type Control = "text" | "textarea" | "select" | "checkbox";

export interface FormField {
  /** Storage key: the label table's mirror field path, or `schadenart`. */
  key: string;
  /** Label in the primary variant. */
  label: string;
  /** Label in the secondary variant, when it differs. */
  secondaryLabel: string | null;
  kind: ValueKind;
  control: Control;
  /** Number of the `name` attribute (`f1001`). */
  nameId: number;
}

/** Display order of the form, by storage key. */
const DISPLAY_ORDER = [
  "plate",
  "vehicle.model",
  "damage",
  "schadenart",
  "project_status",
  "parts_status",
  "customer_category",
  "details.type_of_date",
  "person",
  "phone",
  "email",
  "details.appointment_date",
  "details.estimate_date",
  "repair_date",
  "shop_date",
  "details.paint_date",
  "finish_date",
  "planned_delivery_date",
  "details.repair_date_time_from",
  "details.repair_date_time_to",
  "details.return_date_time",
  "details.parts_delivery_date",
  "details.shop_back_date",
  "est_hours_karo",
  "est_hours_lack",
  "est_hours_mech",
  "details.workshop_distribution",
  "vehicle.make_id",
  "vehicle.model_id",
  "vehicle.vin",
  "vehicle.kba",
  "vehicle.first_registration",
  "vehicle.last_registration",
  "vehicle.hu_au",
  "vehicle.km_stand",
  "vehicle.color_code",
  "vehicle.color_name",
  "vehicle.class",
  "vehicle.leasing",
  "vehicle.engine",
  "vehicle.engine_size",
  "vehicle.engine_power",
  "vehicle.engine_code",
  "vehicle.curb_weight",
  "vehicle.gross_weight",
  "details.service_advisor",
  "details.insurance_adjuster",
  "details.deductible",
  "details.external_calculation",
  "details.external_calculation_done",
  "details.express_link",
  "details.activate_invoice",
  "details.pickup_service",
  "details.pickup_location",
  "details.pickup_company",
  "details.distance",
  "details.address_notes",
  "details.rental_car_type",
  "details.rental_car_motor",
  "details.rental_car_transmission",
  "details.rental_car_navi",
  "details.rental_car_bluetooth",
  "details.rental_car_hitch",
  "details.rental_car_isofix",
  "details.rental_car_deductible",
  "details.remarks",
  "details.damage_description",
  "details.parts_needed",
] as const;

/** Fields whose second label is the secondary label variant. */
const SECONDARY_VARIANT_KEYS = new Set(["person", "phone", "email", "repair_date"]);

const TEXTAREA_KEYS = new Set([
  "details.remarks",
  "details.damage_description",
  "details.parts_needed",
  "details.address_notes",
]);

function controlOf(key: string, kind: ValueKind): Control {
  if (TEXTAREA_KEYS.has(key)) return "textarea";
  if (kind === "checkbox") return "checkbox";
  if (kind === "select" || kind === "select_id" || kind === "select_value") return "select";
  return "text";
}

function buildFields(): FormField[] {
  const rules = new Map(DEFAULT_LABEL_RULES.map((rule) => [rule.field, rule]));
  return DISPLAY_ORDER.map((key, index): FormField => {
    const nameId = 1001 + index;
    if (key === "schadenart") {
      return { key, label: "Schadenart", secondaryLabel: null, kind: "select", control: "select", nameId };
    }
    const rule = rules.get(key);
    if (!rule) throw new Error(`form field ${key} has no rule in the label table`);
    const secondaryLabel = SECONDARY_VARIANT_KEYS.has(key) ? (rule.labels[1] ?? null) : null;
    return { key, label: rule.labels[0] as string, secondaryLabel, kind: rule.kind, control: controlOf(key, rule.kind), nameId };
  });
}

export const FORM_FIELDS: readonly FormField[] = buildFields();
export const FORM_FIELD_BY_KEY = new Map(FORM_FIELDS.map((field) => [field.key, field]));

/** Every label of the label table, secondary labels included, with the field it belongs to. */
export const FIELD_BY_ANY_LABEL: ReadonlyMap<string, FormField> = new Map(
  FORM_FIELDS.flatMap((field) => {
    const rule = DEFAULT_LABEL_RULES.find((r) => r.field === field.key);
    const labels = rule ? rule.labels : [field.label];
    return labels.map((label) => [label, field] as const);
  }),
);

export interface LabelSettings {
  labelVariant: "primary" | "secondary";
  renamedLabels: Record<string, string>;
}

/** Returns the label a field renders with under the current label variant and renames. */
export function renderedLabel(field: FormField, settings: LabelSettings): string {
  const base = settings.labelVariant === "secondary" && field.secondaryLabel ? field.secondaryLabel : field.label;
  return settings.renamedLabels[base] ?? base;
}

/** Rendered label → field, for reading a write's `fields` body. */
export function fieldsByRenderedLabel(settings: LabelSettings): Map<string, FormField> {
  return new Map(FORM_FIELDS.map((field) => [renderedLabel(field, settings), field]));
}
