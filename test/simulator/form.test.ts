import { describe, expect, test } from "bun:test";
import { parse } from "node-html-parser";

import { DEFAULT_LABEL_RULES } from "../../src/planso/labels.ts";
import type { SimulatorOptions } from "../../src/simulator/index.ts";
import { FORM_PARAMS, login, readFormFields, type Session, withSimulator } from "./helpers.ts";

async function formHtml(s: Session, id: string, tableId = "12565"): Promise<string> {
  const response = await s.call("visual_forms_plain", FORM_PARAMS(id, tableId), { method: "POST" });
  const body = JSON.parse(await response.text()) as { center: { content: string }; functions?: string };
  return body.center.content;
}

/** Checks that every order's form, read by the protocol's rules, equals the truth's `fields`. */
async function expectFormsMatchTruth(options: SimulatorOptions): Promise<void> {
  await withSimulator(options, async (sim) => {
    const s = await login(sim.url);
    for (const id of sim.simulator.control.orderIds()) {
      const read = readFormFields(await formHtml(s, id));
      expect({ id, fields: read }).toEqual({ id, fields: sim.simulator.control.truthOrder(id, { withParts: false }).fields });
    }
  });
}

describe("form", () => {
  test("renders every label with its control", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      const root = parse(await formHtml(s, id));
      const labels = root.querySelectorAll(".field > label").map((label) => label.text);
      for (const rule of DEFAULT_LABEL_RULES) {
        if (rule.field === "damage") expect(labels).toContain("Kategorie");
        else expect(labels).toContain(rule.labels[0] as string);
      }
      expect(labels).toContain("Schadenart");
      expect(labels.length).toBe(68);
      const control = (label: string) => root.querySelectorAll(".field").find((f) => f.querySelector("label")?.text === label)?.querySelector("input, select, textarea");
      expect(control("Kategorie")?.tagName).toBe("SELECT");
      expect(control("Bemerkungen")?.tagName).toBe("TEXTAREA");
      expect(control("Faktura aktivieren")?.getAttribute("type")).toBe("checkbox");
      expect(control("Werkstattstart")?.getAttribute("type")).toBe("text");
      expect(control("Kennzeichen")?.getAttribute("name")).toBe("f1001");
    });
  });

  test("forms read by the rules equal the truth's fields", async () => {
    await expectFormsMatchTruth({ orders: 40 });
  });

  test("forms match the truth under hostile quirks", async () => {
    await expectFormsMatchTruth({
      orders: 40,
      quirks: {
        doubleEscapedValues: 0.5,
        mojibake: 0.5,
        isoDatesMixedIn: 0.5,
        datetimeWithoutSeconds: 0.5,
        zeroDates: 0.5,
        duplicateLabel: true,
        hiddenInputFirst: true,
        labelVariant: "secondary",
        renamedLabels: { "Sollstunden Lack": "Soll Lack" },
      },
    });
  });

  test("umlauts and & are named entities by default", async () => {
    await withSimulator({}, async (sim) => {
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.editOrder(id, { Fahrername: "Jörg Weiß & Söhne", Fahrzeug: "Škoda Octavia" });
      const html = await formHtml(await login(sim.url), id);
      expect(html).toContain('value="J&ouml;rg Wei&szlig; &amp; S&ouml;hne"');
      expect(html).toContain('value="&Scaron;koda Octavia"');
      expect(html).toContain("<label>R&uuml;ckgabe</label>");
      expect(/[^\x00-\x7f]/.test(html)).toBe(false);
    });
  });

  test("entityEscapedValues off sends UTF-8", async () => {
    await withSimulator({ orders: 60, quirks: { entityEscapedValues: false } }, async (sim) => {
      const s = await login(sim.url);
      const html = await formHtml(s, sim.simulator.control.orderIds()[0] as string);
      expect(html).toContain("<label>Rückgabe</label>");
      expect(html).not.toContain("&uuml;");
    });
  });

  test("doubleEscapedValues escapes values twice", async () => {
    await withSimulator({ quirks: { doubleEscapedValues: 1 } }, async (sim) => {
      const s = await login(sim.url);
      sim.simulator.control.editOrder(sim.simulator.control.orderIds()[0] as string, { Fahrername: "Jürgen Müller & Co" });
      const html = await formHtml(s, sim.simulator.control.orderIds()[0] as string);
      expect(html).toContain('value="J&amp;uuml;rgen M&amp;uuml;ller &amp;amp; Co"');
    });
  });

  test("mojibake garbles text values", async () => {
    await withSimulator({ quirks: { mojibake: 1 } }, async (sim) => {
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.editOrder(id, { Fahrername: "Jürgen Müller" });
      expect(sim.simulator.control.truthOrder(id, { withParts: false }).person).toBe("JÃ¼rgen MÃ¼ller");
      const html = await formHtml(await login(sim.url), id);
      expect(html).toContain('value="J&Atilde;&frac14;rgen M&Atilde;&frac14;ller"');
    });
  });

  test("isoDatesMixedIn off sends only German dates", async () => {
    await withSimulator({ orders: 40, quirks: { isoDatesMixedIn: false } }, async (sim) => {
      for (const id of sim.simulator.control.orderIds()) {
        const fields = sim.simulator.control.truthOrder(id, { withParts: false }).fields;
        for (const label of ["Werkstattstart", "Fahrzeugeingang (Soll)", "Erstzulassung"]) {
          expect(fields[label]).toMatch(/^(\d{2}\.\d{2}\.\d{4})?$/);
        }
      }
    });
  });

  test("isoDatesMixedIn sends ISO dates", async () => {
    await withSimulator({ quirks: { isoDatesMixedIn: 1 } }, async (sim) => {
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.editOrder(id, { Werkstattstart: "09.03.2026" });
      const truth = sim.simulator.control.truthOrder(id, { withParts: false });
      expect(truth.fields.Werkstattstart).toBe("2026-03-09");
      expect(truth.shop_date).toBe("2026-03-09");
      expect(await formHtml(await login(sim.url), id)).toContain('value="2026-03-09"');
    });
  });

  test("datetimeWithoutSeconds drops seconds", async () => {
    await withSimulator({ quirks: { datetimeWithoutSeconds: 1 } }, async (sim) => {
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.editOrder(id, { "Termin angelegt": "29.03.2026 02:30:15" });
      const truth = sim.simulator.control.truthOrder(id, { withParts: false });
      expect(truth.fields["Termin angelegt"]).toBe("29.03.2026 02:30");
      // 02:30 does not exist on the spring DST day; it moves forward to 03:30 CEST.
      expect(truth.details.appointment_date).toBe("2026-03-29T03:30:00+02:00");
    });
  });

  test("zeroDates fills unset dates with 00.00.0000", async () => {
    await withSimulator({ quirks: { zeroDates: 1 } }, async (sim) => {
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.editOrder(id, { "Zurück in Werkstatt": "" });
      const truth = sim.simulator.control.truthOrder(id, { withParts: false });
      expect(truth.fields["Zurück in Werkstatt"]).toBe("00.00.0000");
      expect(truth.details.shop_back_date).toBeNull();
    });
  });

  test("secondary labels replace the four primary ones", async () => {
    await withSimulator({ labelVariant: "secondary" }, async (sim) => {
      const id = sim.simulator.control.orderIds()[0] as string;
      const fields = readFormFields(await formHtml(await login(sim.url), id));
      for (const label of ["Halter", "Telefonnummer", "E-Mail", "Fahrzeugeingang (Ist)"]) expect(label in fields).toBe(true);
      for (const label of ["Fahrername", "Telefon", "Kunden E-Mail", "Fahrzeugeingang (Soll)"]) expect(label in fields).toBe(false);
      const truth = sim.simulator.control.truthOrder(id, { withParts: false });
      expect(fields.Halter).toBe(truth.person ?? "");
    });
  });

  test("renamedLabels renames a label", async () => {
    await withSimulator({ quirks: { renamedLabels: { "Sollstunden Lack": "Soll Lack" } } }, async (sim) => {
      const fields = readFormFields(await formHtml(await login(sim.url), sim.simulator.control.orderIds()[0] as string));
      expect("Soll Lack" in fields).toBe(true);
      expect("Sollstunden Lack" in fields).toBe(false);
    });
  });

  test("duplicateLabel renders Telefon twice, the later one real", async () => {
    await withSimulator({ quirks: { duplicateLabel: true } }, async (sim) => {
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.editOrder(id, { Telefon: "0211 1234567" });
      const root = parse(await formHtml(await login(sim.url), id));
      const phones = root.querySelectorAll(".field").filter((f) => f.querySelector("label")?.text === "Telefon");
      expect(phones.map((f) => f.querySelector("input")?.getAttribute("value"))).toEqual(["", "0211 1234567"]);
    });
  });

  test("hiddenInputFirst puts a hidden input before the Kategorie select", async () => {
    await withSimulator({ quirks: { hiddenInputFirst: true } }, async (sim) => {
      const root = parse(await formHtml(await login(sim.url), sim.simulator.control.orderIds()[0] as string));
      const field = root.querySelectorAll(".field").find((f) => f.querySelector("label")?.text === "Kategorie");
      expect(field?.childNodes.filter((n) => n.nodeType === 1).map((n) => (n as unknown as { tagName: string }).tagName)).toEqual(["LABEL", "INPUT", "SELECT"]);
      expect(field?.querySelector("input")?.getAttribute("type")).toBe("hidden");
    });
  });

  test("unknown, archived and wrong-table reads get empty content", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const archived = sim.simulator.control.archivedIds()[0] as string;
      const current = sim.simulator.control.orderIds()[0] as string;
      for (const [id, table] of [["99999999", "12565"], [archived, "12565"], [current, "25704"]] as const) {
        const response = await s.call("visual_forms_plain", FORM_PARAMS(id, table), { method: "POST" });
        expect(response.status).toBe(200);
        expect(JSON.parse(await response.text())).toEqual({ center: { content: "" } });
      }
    });
  });

  test("emptyFormForUnknownId off answers 404", async () => {
    await withSimulator({ quirks: { emptyFormForUnknownId: false } }, async (sim) => {
      const response = await (await login(sim.url)).call("visual_forms_plain", FORM_PARAMS("99999999"), { method: "POST" });
      expect(response.status).toBe(404);
    });
  });

  test("form table id is configurable", async () => {
    await withSimulator({ formTableId: "25704" }, async (sim) => {
      const s = await login(sim.url);
      const html = await formHtml(s, sim.simulator.control.orderIds()[0] as string, "25704");
      expect(html).toContain('data-table="25704"');
    });
  });
});

describe("employees", () => {
  test("single view lists employee options", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      const body = await s.json<{ center: { content: string }; functions: string }>("resourceplanner_shop_view_single", { svsurl: "false", ID: id, opentab: "" });
      const root = parse(body.center.content);
      const employees = root.querySelectorAll("input.rspSv_todo_list_employee_option").map((input) => ({
        id: input.getAttribute("value"),
        name: input.nextElementSibling?.querySelector("small")?.text.trim(),
      }));
      expect(employees).toEqual(sim.simulator.control.employees());
      expect(employees.length).toBeGreaterThanOrEqual(8);
      expect(employees.length).toBeLessThanOrEqual(15);
      const board = sim.simulator.control.truthBoard().find((item) => item.id === id);
      expect(employees.map((e) => e.id)).toContain(board?.employee_id as string);
    });
  });
});
