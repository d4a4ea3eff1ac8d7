import { describe, expect, test } from "bun:test";

import { createLogger } from "../../src/log.ts";
import { parseFormFields } from "../../src/planso/parse-form.ts";

function collectingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: "debug", write: (line) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

const field = (label: string, control: string) => `<div class="field"><label>${label}</label>${control}</div>`;

describe("parseFormFields", () => {
  test("text input, select, textarea and checkbox", () => {
    const html = [
      field("Kennzeichen", '<input type="text" name="f1001" value="D-XY 1234">'),
      field("Kategorie", '<select name="f1002"><option value="">-</option><option value="KL 2-3" selected>KL 2-3</option></select>'),
      field("Bemerkungen", '<textarea name="f1003">Kunde wartet</textarea>'),
      field("Faktura aktivieren", '<input type="checkbox" name="f1004" value="1" checked>'),
      field("Mietwagen Navi", '<input type="checkbox" name="f1005" value="1">'),
    ].join("");
    expect(parseFormFields(html)).toEqual([
      { label: "Kennzeichen", value: "D-XY 1234", control: "input" },
      { label: "Kategorie", value: "KL 2-3", control: "select", option: { text: "KL 2-3", value: "KL 2-3" } },
      { label: "Bemerkungen", value: "Kunde wartet", control: "textarea" },
      { label: "Faktura aktivieren", value: "True", control: "checkbox" },
      { label: "Mietwagen Navi", value: "False", control: "checkbox" },
    ]);
  });

  test("select without selected option takes the first option", () => {
    const html = field("Projekt-Status", "<select><option>Annahme</option><option>Karo</option></select>");
    expect(parseFormFields(html)[0]).toEqual({
      label: "Projekt-Status",
      value: "Annahme",
      control: "select",
      option: { text: "Annahme", value: "Annahme" },
    });
  });

  test("select option with empty text gives its value", () => {
    const html = field("Terminart", '<select><option value="0" selected></option><option value="1">Reparatur</option></select>');
    expect(parseFormFields(html)[0]).toEqual({ label: "Terminart", value: "0", control: "select", option: { text: "", value: "0" } });
  });

  test("select keeps option text and integer value", () => {
    const html = field("Hersteller", '<select><option value="">-</option><option value="12" selected>&Scaron;koda</option></select>');
    expect(parseFormFields(html)[0]).toEqual({ label: "Hersteller", value: "Škoda", control: "select", option: { text: "Škoda", value: "12" } });
  });

  test("select wins over an earlier input", () => {
    const html = field("Kundenkategorie", '<input type="hidden" value="x"><select><option value="3" selected>Versicherung Kasko</option></select>');
    expect(parseFormFields(html)[0]?.value).toBe("Versicherung Kasko");
  });

  test("hidden input first is read, as the rules say", () => {
    const html = field("VIN", '<input type="hidden" name="h" value="hidden"><input type="text" value="WVWZZZ1KZAW000001">');
    expect(parseFormFields(html)[0]?.value).toBe("hidden");
  });

  test("entities are decoded once, double escapes twice", () => {
    const html = [
      field("Fahrername", '<input value="J&uuml;rgen M&uuml;ller &amp; S&ouml;hne">'),
      field("Halter", '<input value="Gro&amp;szlig;mann">'),
      field("Bemerkungen", "<textarea>Stra&szlig;e &quot;links&quot; &lt;b&gt;</textarea>"),
      field("Abholort", '<input value="A &amp;amp; B">'),
    ].join("");
    expect(parseFormFields(html).map((f) => f.value)).toEqual([
      "Jürgen Müller & Söhne",
      "Großmann",
      'Straße "links" <b>',
      "A & B",
    ]);
  });

  test("labels collapse whitespace, NBSP, trailing colon and star", () => {
    const html = [
      field("  Kunden&nbsp;E-Mail: ", '<input value="a@example.com">'),
      field("Telefon *", '<input value="0211 1234567">'),
      field("Zur&uuml;ck   in\nWerkstatt", '<input value="">'),
    ].join("");
    expect(parseFormFields(html).map((f) => f.label)).toEqual(["Kunden E-Mail", "Telefon", "Zurück in Werkstatt"]);
  });

  test("fields without label or with empty label are skipped", () => {
    const html = '<div class="field"><input value="x"></div>' + field(" &nbsp; ", '<input value="y">') + field("VIN", '<input value="z">');
    expect(parseFormFields(html).map((f) => f.label)).toEqual(["VIN"]);
  });

  test("input without value gives an empty string", () => {
    expect(parseFormFields(field("KBA", '<input type="text">'))[0]?.value).toBe("");
  });

  test("duplicate label: later field wins and is logged", () => {
    const { log, lines } = collectingLogger();
    const html = field("Telefon", '<input value="1">') + field("VIN", '<input value="v">') + field("Telefon", '<input value="2">');
    const fields = parseFormFields(html, log);
    expect(fields.map((f) => [f.label, f.value])).toEqual([
      ["VIN", "v"],
      ["Telefon", "2"],
    ]);
    expect(lines.map((l) => [l.event, l.label])).toEqual([["planso.form_duplicate_label", "Telefon"]]);
  });

  test("falls back to divs whose class contains field", () => {
    const html = '<div class="form-field-row"><label>VIN</label><input value="W0L000051T2123456"></div>';
    expect(parseFormFields(html)).toEqual([{ label: "VIN", value: "W0L000051T2123456", control: "input" }]);
  });

  test("textarea keeps markup-like text and line breaks", () => {
    const html = field("Bemerkungen", "<textarea>Zeile 1\nZeile <2></textarea>");
    expect(parseFormFields(html)[0]?.value).toBe("Zeile 1\nZeile <2>");
  });

  test("decomposed umlaut in a label is NFC-normalised", () => {
    const html = field("Ru\u0308ckgabe", '<input value="16.03.2026 12:08:59">');
    expect(parseFormFields(html)[0]?.label).toBe("Rückgabe");
  });
});
