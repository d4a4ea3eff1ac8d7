/**
 * Reads the order form (`visual_forms_plain` → `center.content`) into label → value
 * pairs. The rules follow what PlanSo's form markup allows a reader to rely on:
 *
 * 1. A field is an element with class `field`; without any, a `div` whose class
 *    contains `field`.
 * 2. Its label is the text of its first `<label>`, collapsed; fields without a label
 *    are skipped.
 * 3. Its value comes from a `<select>`: the selected option, else the first, read as
 *    its text, or as its `value` when the text is empty. Without a select, the first
 *    `<input>` gives `True`/`False` for checkboxes and radios, else its `value`.
 *    Without either, a `<textarea>` gives its text.
 * 4. Selects also keep the option `value`, for fields that hold an id.
 * 5. A label that occurs twice: the later field wins.
 *
 * Controls are never found by their `name`, which differs per tenant.
 */
import { collapseLabel } from "../domain/text.ts";
import type { Logger } from "../log.ts";
import { attrOf, hasClass, parseHtml, textOf, type HTMLElement } from "./html.ts";

export type FormControl = "select" | "checkbox" | "input" | "textarea" | "none";

export interface FormField {
  label: string;
  /** The value as rule 3 reads it, entities decoded, otherwise untouched. */
  value: string;
  control: FormControl;
  /** For selects: the chosen option's text and `value` attribute. */
  option?: { text: string; value: string };
}

export function parseFormFields(html: string, log?: Logger): FormField[] {
  const root = parseHtml(html);
  let containers = root.querySelectorAll(".field");
  if (containers.length === 0) {
    containers = root.querySelectorAll("div").filter((div) => hasClass(div, "field"));
  }

  const byLabel = new Map<string, FormField>();
  for (const container of containers) {
    const labelElement = container.querySelector("label");
    if (!labelElement) continue;
    const label = collapseLabel(textOf(labelElement));
    if (label === "") continue;

    const field = readControl(container, label);
    if (byLabel.has(label)) {
      log?.warn("planso.form_duplicate_label", { label });
      // Deleting first moves the label to the position of its later occurrence.
      byLabel.delete(label);
    }
    byLabel.set(label, field);
  }
  return [...byLabel.values()];
}

function readControl(container: HTMLElement, label: string): FormField {
  const select = container.querySelector("select");
  if (select) {
    const options = select.querySelectorAll("option");
    const chosen = options.find((option) => option.hasAttribute("selected")) ?? options[0];
    if (!chosen) return { label, value: "", control: "select", option: { text: "", value: "" } };
    const text = textOf(chosen);
    const value = attrOf(chosen, "value") ?? text;
    return { label, value: text.trim() === "" ? value : text, control: "select", option: { text, value } };
  }

  const input = container.querySelector("input");
  if (input) {
    const type = (input.getAttribute("type") ?? "text").toLowerCase();
    if (type === "checkbox" || type === "radio") {
      return { label, value: input.hasAttribute("checked") ? "True" : "False", control: "checkbox" };
    }
    return { label, value: attrOf(input, "value") ?? "", control: "input" };
  }

  const textarea = container.querySelector("textarea");
  if (textarea) return { label, value: textOf(textarea), control: "textarea" };

  return { label, value: "", control: "none" };
}
