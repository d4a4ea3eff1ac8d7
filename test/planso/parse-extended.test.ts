import { describe, expect, test } from "bun:test";

import { ExtendedParseError, parseExtendedTab } from "../../src/planso/parse-extended.ts";
import { applyFollowUpEtas, findFollowUpCalls } from "../../src/planso/parse-follow-ups.ts";
import type { UpstreamPart } from "../../src/planso/types.ts";

describe("parseExtendedTab", () => {
  test("html string with a list", () => {
    expect(parseExtendedTab({ html: "<ul><li>Sto&szlig;f&auml;nger vorne links</li><li>T&uuml;r hinten</li></ul>" })).toEqual({
      text: "Stoßfänger vorne links Tür hinten",
      items: ["Stoßfänger vorne links", "Tür hinten"],
    });
  });

  test("fields and table rows", () => {
    const html =
      '<div class="field"><label>Mietwagen Typ</label><input value="Kombi"></div>' +
      "<table><tr><th>Abteilung</th><th>Soll</th></tr><tr><td>Karo</td><td>6,5</td></tr><tr><td></td><td></td></tr></table>";
    expect(parseExtendedTab({ html })).toEqual({
      text: "Mietwagen Typ Abteilung Soll Karo 6,5",
      fields: { "Mietwagen Typ": "Kombi" },
      rows: [
        ["Abteilung", "Soll"],
        ["Karo", "6,5"],
      ],
    });
  });

  test("html object of blocks, files and scripts", () => {
    const body = {
      html: { settings: { content: "<div>Einstellung A</div>" }, more: { content: "<div>B<script>var x = 1;</script></div>" } },
      files: [{ name: "KVA.pdf" }, { name: 7 }],
      js: "init();",
    };
    expect(parseExtendedTab(body)).toEqual({ text: "Einstellung A B", files: ["KVA.pdf"] });
  });

  test("center.content envelope", () => {
    expect(parseExtendedTab({ center: { content: "<div>Zusammenfassung</div>" } })).toEqual({ text: "Zusammenfassung" });
  });

  test("data envelope is kept as sent", () => {
    const data = [{ id: "5", from: "02.03.2026 08:00:00", to: "06.03.2026 17:00:00" }];
    expect(parseExtendedTab({ data })).toEqual({ text: null, data });
  });

  test("empty html is an error", () => {
    expect(() => parseExtendedTab({ html: "" })).toThrow(ExtendedParseError);
    expect(() => parseExtendedTab({ center: { content: "  " } })).toThrow(ExtendedParseError);
    expect(() => parseExtendedTab("x")).toThrow(ExtendedParseError);
  });
});

describe("parts follow-ups", () => {
  test("finds quoted parts modules in the script", () => {
    const script =
      "$.get('/do?m=resourceplanner_shop_view_parts_availability', cb);\n" +
      '$.get("/do?m=resourceplanner_shop_view_get_parts&ID=1");\n' +
      "$.get('/do?m=resourceplanner_shop_view_get_work&ID=1');\n" +
      "load('/do?m=resourceplanner_shop_view_parts_availability');\n" +
      "load('/do?m=parts_eta&supplier=3');";
    expect(findFollowUpCalls(script)).toEqual([
      { module: "resourceplanner_shop_view_parts_availability", params: [] },
      { module: "parts_eta", params: [["supplier", "3"]] },
    ]);
  });

  test("fills eta dates by part number, never adds parts", () => {
    const part = (part_no: string | null) => ({ part_no, eta_date: null }) as unknown as UpstreamPart;
    const parts = [part("5X0 807 217 GRU"), part("5X0 941 005"), part(null)];
    const filled = applyFollowUpEtas(parts, {
      data: [
        { part_no: "5x0807217gru", eta_date: "2026-04-14" },
        { part_no: "9Z9 999 999", eta_date: "2026-05-01" },
        { part_no: "5X0 941 005", eta_date: "14.04.2026" },
      ],
    });
    expect(filled).toBe(2);
    expect(parts.map((p) => p.eta_date)).toEqual(["2026-04-14", "2026-04-14", null]);
  });
});
