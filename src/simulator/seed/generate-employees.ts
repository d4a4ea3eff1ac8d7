/** Employees of the simulated shop: 8–15 people with digit-string ids and short login names. */
import type { SimEmployee } from "../model.ts";
import { createRandom } from "../random.ts";
import { FIRST_NAMES, FIRST_NAMES_UMLAUT, SURNAMES, SURNAMES_UMLAUT, transliterate } from "./names.ts";

export function generateEmployees(seed: number): SimEmployee[] {
  const r = createRandom(seed, "employees", 0);
  const count = r.int(8, 15);
  const employees: SimEmployee[] = [];
  const logins = new Set<string>();
  let id = r.int(11, 20);
  while (employees.length < count) {
    const first = r.chance(0.15) ? r.pick(FIRST_NAMES_UMLAUT) : r.pick(FIRST_NAMES);
    const surname = r.chance(0.15) ? r.pick(SURNAMES_UMLAUT) : r.pick(SURNAMES);
    const plainSurname = transliterate(surname).toLowerCase().replace(/[^a-z]/g, "");
    const name = `${transliterate(first).charAt(0).toLowerCase()}${plainSurname.slice(0, r.int(2, 5))}`;
    if (logins.has(name) || name.length < 3) continue;
    logins.add(name);
    employees.push({ id: String(id), name, fullName: `${first} ${surname}` });
    id += r.int(1, 4);
  }
  return employees;
}
