/**
 * Employee options (`resourceplanner_shop_view_single` → `center.content`). Each
 * input whose class contains `rspSv_todo_list_employee_option` carries an employee id
 * in `value`, and the `<small>` text of the label after it is the employee's name.
 */
import { normalizeText } from "../domain/text.ts";
import { attrOf, hasClass, parseHtml, textOf, type HTMLElement } from "./html.ts";
import type { Employee } from "./types.ts";

export function parseEmployees(html: string): Employee[] {
  const employees: Employee[] = [];
  const seen = new Set<string>();
  for (const input of parseHtml(html).querySelectorAll("input")) {
    if (!hasClass(input, "rspSv_todo_list_employee_option")) continue;
    const id = normalizeText(attrOf(input, "value"));
    if (id === null || seen.has(id)) continue;
    const element = nameElement(input);
    const name = element ? normalizeText(textOf(element)) : null;
    if (name === null) continue;
    seen.add(id);
    employees.push({ id, name });
  }
  return employees;
}

/** Finds the `<small>` in the label right after the input, else in the input's parent label. */
function nameElement(input: HTMLElement): HTMLElement | null {
  const next = input.nextElementSibling;
  const label = next?.tagName === "LABEL" ? next : input.parentNode?.querySelector("label") ?? null;
  return label?.querySelector("small") ?? label ?? null;
}
