import { describe, expect, test } from "bun:test";

import { createLogger } from "../../src/log.ts";
import { DEFAULT_LABEL_RULES, type LabelRule } from "../../src/planso/labels.ts";
import { mapFormFields } from "../../src/planso/map-form.ts";
import type { FormField } from "../../src/planso/parse-form.ts";

const input = (label: string, value: string): FormField => ({ label, value, control: "input" });
const select = (label: string, text: string, value: string): FormField => ({
  label,
  value: text === "" ? value : text,
  control: "select",
  option: { text, value },
});
const checkbox = (label: string, checked: boolean): FormField => ({ label, value: checked ? "True" : "False", control: "checkbox" });

function map(fields: FormField[], rules: readonly LabelRule[] = DEFAULT_LABEL_RULES, loggedUnknownLabels = new Set<string>()) {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: "debug", write: (line) => lines.push(JSON.parse(line)) });
  const mapped = mapFormFields(fields, { rules, timeZone: "Europe/Berlin", log, loggedUnknownLabels });
  return { mapped, lines };
}

describe("mapFormFields", () => {
  test("primary labels map to their fields", () => {
    const { mapped } = map([input("Fahrername", "Jürgen Müller"), input("Telefon", "0211 1234567"), input("Kunden E-Mail", "j@example.com")]);
    expect(mapped.values.get("person")).toBe("Jürgen Müller");
    expect(mapped.values.get("phone")).toBe("0211 1234567");
    expect(mapped.values.get("email")).toBe("j@example.com");
    expect(mapped.labels.get("person")).toBe("Fahrername");
  });

  test("secondary labels map when the primary is absent", () => {
    const { mapped } = map([input("Halter", "Beispiel GmbH"), input("Telefonnummer", "+49 170 1234567"), input("Fahrzeugeingang (Ist)", "02.03.2026")]);
    expect(mapped.values.get("person")).toBe("Beispiel GmbH");
    expect(mapped.values.get("phone")).toBe("+49 170 1234567");
    expect(mapped.values.get("repair_date")).toBe("2026-03-02");
    expect(mapped.labels.get("person")).toBe("Halter");
  });

  test("first non-empty label wins", () => {
    const { mapped } = map([input("Fahrername", "  "), input("Halter", "Eva Schmidt")]);
    expect(mapped.values.get("person")).toBe("Eva Schmidt");
    expect(mapped.labels.get("person")).toBe("Halter");
  });

  test("all labels empty gives null under the first present label", () => {
    const { mapped } = map([input("Halter", "-"), input("Fahrername", "")]);
    expect(mapped.values.get("person")).toBeNull();
    expect(mapped.labels.get("person")).toBe("Fahrername");
  });

  test("renamed label with an override", () => {
    const rules = DEFAULT_LABEL_RULES.map((rule) => (rule.field === "est_hours_lack" ? { ...rule, labels: ["Soll Lack"] } : rule));
    const { mapped } = map([input("Soll Lack", "4,5")], rules);
    expect(mapped.values.get("est_hours_lack")).toBe(4.5);
  });

  test("decimals with comma, thousands dot and plain dot", () => {
    const { mapped } = map([input("Sollstunden Karo", "6,5"), input("Kilometerstand", "87.450"), input("Sollstunden Mech", "11.5"), input("Selbstbeteiligung", "1.234,56")]);
    expect(mapped.values.get("est_hours_karo")).toBe(6.5);
    expect(mapped.values.get("vehicle.km_stand")).toBe(87450);
    expect(mapped.values.get("est_hours_mech")).toBe(11.5);
    expect(mapped.values.get("details.deductible")).toBe(1234.56);
  });

  test("dates in German, short and ISO forms; zero dates are null", () => {
    const { mapped } = map([
      input("Werkstattstart", "16.03.2026"),
      input("Termin Fertigstellung", "6.3.2026"),
      input("Plan Auslieferung", "2026-03-20"),
      input("Lacktermin", "00.00.0000"),
      input("KVA Datum", "0000-00-00"),
    ]);
    expect(mapped.values.get("shop_date")).toBe("2026-03-16");
    expect(mapped.values.get("finish_date")).toBe("2026-03-06");
    expect(mapped.values.get("planned_delivery_date")).toBe("2026-03-20");
    expect(mapped.values.get("details.paint_date")).toBeNull();
    expect(mapped.values.get("details.estimate_date")).toBeNull();
  });

  test("datetimes get the Berlin offset of their day", () => {
    const { mapped } = map([
      input("Termin angelegt", "16.03.2026 12:08:59"),
      input("Reparatur von", "30.03.2026 07:30"),
      input("Reparatur bis", "2026-10-25 02:30:00"),
      input("Rückgabe", "29.03.2026 02:30:00"),
    ]);
    expect(mapped.values.get("details.appointment_date")).toBe("2026-03-16T12:08:59+01:00");
    expect(mapped.values.get("details.repair_date_time_from")).toBe("2026-03-30T07:30:00+02:00");
    expect(mapped.values.get("details.repair_date_time_to")).toBe("2026-10-25T02:30:00+02:00");
    expect(mapped.values.get("details.return_date_time")).toBe("2026-03-29T03:30:00+02:00");
  });

  test("months in both forms", () => {
    expect(map([input("HU/AU", "09/2026")]).mapped.values.get("vehicle.hu_au")).toBe("2026-09");
    expect(map([input("HU/AU", "09.2026")]).mapped.values.get("vehicle.hu_au")).toBe("2026-09");
  });

  test("textarea text keeps its line breaks", () => {
    const remarks: FormField = { label: "Bemerkungen", value: "\n Kunde wartet \r\n\nErsatzwagen  gewünscht\n", control: "textarea" };
    expect(map([remarks]).mapped.values.get("details.remarks")).toBe("Kunde wartet\n\nErsatzwagen gewünscht");
  });

  test("checkboxes become booleans", () => {
    const { mapped } = map([checkbox("Mietwagen Navi", true), checkbox("Faktura aktivieren", false)]);
    expect(mapped.values.get("details.rental_car_navi")).toBe(true);
    expect(mapped.values.get("details.activate_invoice")).toBe(false);
  });

  test("select ids keep value and option text", () => {
    const { mapped } = map([
      select("Kundenkategorie", "Versicherung Kasko", "3"),
      select("Hersteller", "Škoda", "12"),
      select("Modell", "Octavia", "1207"),
      select("Terminart", "", "0"),
      input("Fahrzeug", "Skoda Octavia Combi"),
    ]);
    expect(mapped.values.get("customer_category")).toBe(3);
    expect(mapped.values.get("vehicle.make_id")).toBe(12);
    expect(mapped.values.get("vehicle.model_id")).toBe(1207);
    expect(mapped.values.get("details.type_of_date")).toBe("0");
    expect(mapped.optionTexts.get("vehicle.make")).toBe("Škoda");
    expect(mapped.optionTexts.get("vehicle.model")).toBe("Octavia");
    expect(mapped.values.get("vehicle.model")).toBe("Skoda Octavia Combi");
  });

  test("placeholder select option gives null id and text", () => {
    const { mapped } = map([select("Hersteller", "-", "")]);
    expect(mapped.values.get("vehicle.make_id")).toBeNull();
    expect(mapped.optionTexts.get("vehicle.make")).toBeNull();
  });

  test("fields keep every raw value, mapped or not", () => {
    const { mapped } = map([input("Kennzeichen", " D-XY 1234 "), select("Schadenart", "Haftpflicht", "Haftpflicht"), input("Sonderwunsch", "&nbsp;")]);
    expect(mapped.fields).toEqual({ Kennzeichen: " D-XY 1234 ", Schadenart: "Haftpflicht", Sonderwunsch: "&nbsp;" });
    expect(mapped.values.get("plate")).toBe("D-XY 1234");
  });

  test("unparsable values stay raw, become null and are logged", () => {
    const { mapped, lines } = map([input("Werkstattstart", "31.02.2026"), input("Sollstunden Karo", "ca. 5")]);
    expect(mapped.values.get("shop_date")).toBeNull();
    expect(mapped.values.get("est_hours_karo")).toBeNull();
    expect(mapped.fields["Werkstattstart"]).toBe("31.02.2026");
    expect(lines.filter((l) => l.event === "planso.form_value_unparsed").map((l) => l.label)).toEqual(["Werkstattstart", "Sollstunden Karo"]);
  });

  test("unmapped labels are logged once per client", () => {
    const seen = new Set<string>();
    const first = map([input("Sonderwunsch", "x"), input("Schadenart", "Privat")], DEFAULT_LABEL_RULES, seen);
    const second = map([input("Sonderwunsch", "y")], DEFAULT_LABEL_RULES, seen);
    expect(first.lines.filter((l) => l.event === "planso.form_unmapped_labels").map((l) => l.labels)).toEqual([["Sonderwunsch"]]);
    expect(second.lines.filter((l) => l.event === "planso.form_unmapped_labels")).toEqual([]);
  });
});
