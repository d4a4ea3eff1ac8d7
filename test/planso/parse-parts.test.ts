import { describe, expect, test } from "bun:test";

import { createLogger } from "../../src/log.ts";
import { parsePartsTab, PartsParseError } from "../../src/planso/parse-parts.ts";
import type { UpstreamPart } from "../../src/planso/types.ts";

function collectingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: "debug", write: (line) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

const HEADERS = ["Teil", "Teile Nr.", "Leit Nr.", "E.Preis", "Menge", "G.Preis", "Status", "Datum", "A.Nummer", "Aktionen"];
const headerRow = (headers = HEADERS) => `<tr>${headers.map((h) => `<th>${h}</th>`).join("")}</tr>`;

const ACTIONS = ["order_parts", "bestellt", "delivered", "ruckstand", "mandatory", "price_checked"];
function actions(checked: string[]): string {
  return ACTIONS.map(
    (action) => `<input type="checkbox" class="spare_part_status" data-action="${action}"${checked.includes(action) ? " checked" : ""}>`,
  ).join("");
}

interface RowSpec {
  id: string;
  status: string;
  description: string;
  partNo: string;
  lead?: string;
  each: string;
  qty: string;
  total: string;
  title?: string;
  date: string;
  orderNo: string;
  checked: string[];
}

function row(spec: RowSpec): string {
  const icon = spec.title === undefined ? "" : `<i class="fa" title="${spec.title}"></i>`;
  return (
    `<tr class="parts_single_row" data-id="${spec.id}" data-partid="55${spec.id}" data-status="${spec.status}" data-pnum="10452">` +
    `<td>${spec.description}</td><td data-prtnumber="${spec.partNo}">${spec.partNo}</td><td>${spec.lead ?? "&nbsp;"}</td>` +
    `<td>${spec.each}</td><td>${spec.qty}</td><td>${spec.total}</td><td class="spare_part_main_status">${icon}</td>` +
    `<td>${spec.date}</td><td>${spec.orderNo}</td><td>${actions(spec.checked)}</td></tr>`
  );
}

const ORDERED: RowSpec = {
  id: "88121",
  status: "1",
  description: "Sto&szlig;f&auml;nger vorne",
  partNo: "5X0 807 217 GRU",
  lead: "0040",
  each: "412,30",
  qty: "1,00",
  total: "412,30",
  title: "Bestellt",
  date: '<span title="02.03.2026 09:14:00">02.03.2026</span> / -',
  orderNo: "A-2026-0311",
  checked: ["bestellt", "price_checked"],
};
const DELIVERED: RowSpec = {
  id: "88122",
  status: "2",
  description: "Clip",
  partNo: "N 908 436 01",
  each: "1.234,50",
  qty: "2,00",
  total: "2.469,00",
  title: "Geliefert",
  date: '<span title="02.03.2026 09:14:00">02.03.2026</span> / <span title="03.03.2026 10:00:00">03.03.2026</span>',
  orderNo: "A-2026-0311",
  checked: ["bestellt", "delivered", "mandatory"],
};
const BACKORDER: RowSpec = {
  id: "88123",
  status: "3",
  description: "Scheinwerfer links",
  partNo: "5X0 941 005",
  lead: "0010",
  each: "389,90",
  qty: "1",
  total: "389,90",
  date: 'Array<span title="04.03.2026 08:00:00">04.03.2026</span>&nbsp;/&nbsp;-',
  orderNo: "A-2026-0312",
  checked: ["bestellt", "ruckstand"],
};

function tab(rows: string, options: { status?: string; tableClass?: string; headers?: string; sums?: string } = {}): string {
  const status = options.status ?? '<button class="btn rsvgp_status_dropdown">teilweise geliefert <span class="caret"></span></button>';
  return (
    status +
    `<table class="${options.tableClass ?? "table parts_table"}" data-vin="WVWZZZ1KZAW000001" data-make="VW" data-number_plate="D-XY 1234" data-pnum="10452">` +
    `<thead>${options.headers ?? headerRow()}</thead><tbody>${rows}</tbody></table>` +
    (options.sums ?? "")
  );
}

const SUMS =
  '<table class="parts_sum_table"><tr><td>A-2026-0311</td><td>2.881,30 €</td></tr>' +
  "<tr><td>A-2026-0312</td><td>389,90 €</td></tr><tr><td>Gesamtpreis</td><td><b>3.271,20 €</b></td></tr></table>";

const base = {
  eta_date: null,
  is_missing: false,
  is_to_order: false,
  is_ordered: false,
  is_delivered: false,
  is_backorder: false,
  is_mandatory: false,
  is_price_checked: false,
} satisfies Partial<UpstreamPart>;

describe("parsePartsTab", () => {
  test("reads rows, flags, dates, status and totals", () => {
    const result = parsePartsTab(tab(row(ORDERED) + row(DELIVERED) + row(BACKORDER), { sums: SUMS }));
    expect(result.status_text).toBe("teilweise geliefert");
    expect(result.vehicle).toEqual({ vin: "WVWZZZ1KZAW000001", make: "VW", number_plate: "D-XY 1234", pnum: "10452" });
    expect(result.parts).toEqual([
      {
        ...base,
        row_id: "88121",
        part_id: "5588121",
        part_no: "5X0 807 217 GRU",
        description: "Stoßfänger vorne",
        lead_no: "0040",
        order_no: "A-2026-0311",
        qty: 1,
        price_each: 412.3,
        price_total: 412.3,
        status: "Bestellt",
        status_code: "1",
        order_date: "2026-03-02",
        delivery_date: null,
        is_missing: true,
        is_ordered: true,
        is_price_checked: true,
      },
      {
        ...base,
        row_id: "88122",
        part_id: "5588122",
        part_no: "N 908 436 01",
        description: "Clip",
        lead_no: null,
        order_no: "A-2026-0311",
        qty: 2,
        price_each: 1234.5,
        price_total: 2469,
        status: "Geliefert",
        status_code: "2",
        order_date: "2026-03-02",
        delivery_date: "2026-03-03",
        is_ordered: true,
        is_delivered: true,
        is_mandatory: true,
      },
      {
        ...base,
        row_id: "88123",
        part_id: "5588123",
        part_no: "5X0 941 005",
        description: "Scheinwerfer links",
        lead_no: "0010",
        order_no: "A-2026-0312",
        qty: 1,
        price_each: 389.9,
        price_total: 389.9,
        status: "3",
        status_code: "3",
        order_date: "2026-03-04",
        delivery_date: null,
        is_missing: true,
        is_ordered: true,
        is_backorder: true,
      },
    ]);
    expect(result.totals).toEqual({ by_order_no: { "A-2026-0311": 2881.3, "A-2026-0312": 389.9 }, total: 3271.2 });
  });

  test("table class variants are found", () => {
    for (const tableClass of ["rsp_parts_table", "psrs_parts_table table-striped"]) {
      expect(parsePartsTab(tab(row(ORDERED), { tableClass })).parts.map((p) => p.row_id)).toEqual(["88121"]);
    }
  });

  test("no parts text gives an empty list", () => {
    const result = parsePartsTab('<button class="rsvgp_status_dropdown">ohne E-Teile</button><p>Keine Ersatzteile vorhanden</p>');
    expect(result.parts).toEqual([]);
    expect(result.status_text).toBe("ohne E-Teile");
    expect(result.totals).toBeNull();
  });

  test("neither table nor no-parts text is an error", () => {
    expect(() => parsePartsTab("<div>Fehler</div>")).toThrow(PartsParseError);
  });

  test("status falls back to a status select", () => {
    const status = '<select name="parts_status"><option>offen</option><option selected>bestellt</option></select>';
    expect(parsePartsTab(tab(row(ORDERED), { status })).status_text).toBe("bestellt");
  });

  test("rows with a different cell count are skipped and logged", () => {
    const { log, lines } = collectingLogger();
    const short = row(DELIVERED).replace("<td>A-2026-0311</td>", "");
    const result = parsePartsTab(tab(row(ORDERED) + short), log, "10452");
    expect(result.parts.map((p) => p.row_id)).toEqual(["88121"]);
    expect(lines.filter((l) => l.event === "planso.parts_row_skipped").map((l) => [l.row_id, l.cells, l.headers])).toEqual([["88122", 9, 10]]);
  });

  test("duplicate parts keep the first and are logged", () => {
    const { log, lines } = collectingLogger();
    const copy = row({ ...ORDERED, id: "88199", status: "2", title: "Geliefert" });
    const result = parsePartsTab(tab(row(ORDERED) + copy), log, "10452");
    expect(result.parts.map((p) => [p.row_id, p.status])).toEqual([["88121", "Bestellt"]]);
    expect(lines.filter((l) => l.event === "planso.parts_duplicate").map((l) => l.row_id)).toEqual(["88199"]);
  });

  test("an extra header row above the real one is ignored", () => {
    const headers = '<tr><th colspan="6">Ersatzteile</th><th colspan="4">Bestellung</th></tr>' + headerRow();
    const result = parsePartsTab(tab(row(ORDERED), { headers }));
    expect(result.parts.map((p) => [p.part_no, p.description, p.price_total])).toEqual([["5X0 807 217 GRU", "Stoßfänger vorne", 412.3]]);
  });

  test("columns are found by header substring in any order", () => {
    const headers = headerRow(["Teilenr.", "Bezeichnung Teil", "Menge", "G.Preis", "E.Preis", "Leit-Nr.", "Status", "Datum", "A.Nummer", "Aktionen"]);
    const html = tab(
      '<tr class="parts_single_row" data-id="1" data-partid="2" data-status="0"><td><span data-prtnumber="1K0 121 251">1K0121251</span></td>' +
        "<td>Kühler</td><td>2</td><td>20,00</td><td>10,00</td><td>0020</td><td class=\"spare_part_main_status\"><i title=\"Zu bestellen\"></i></td>" +
        "<td>- / -</td><td></td><td>" +
        actions(["order_parts"]) +
        "</td></tr>",
      { headers },
    );
    const [part] = parsePartsTab(html).parts;
    expect(part).toEqual({
      ...base,
      row_id: "1",
      part_id: "2",
      part_no: "1K0 121 251",
      description: "Kühler",
      lead_no: "0020",
      order_no: null,
      qty: 2,
      price_each: 10,
      price_total: 20,
      status: "Zu bestellen",
      status_code: "0",
      order_date: null,
      delivery_date: null,
      is_missing: true,
      is_to_order: true,
    });
  });

  test("a header without teil leaves description empty and is logged", () => {
    const { log, lines } = collectingLogger();
    const headers = headerRow(["Bezeichnung", "Teile Nr.", "Leit Nr.", "E.Preis", "Menge", "G.Preis", "Status", "Datum", "A.Nummer", "Aktionen"]);
    const [part] = parsePartsTab(tab(row(ORDERED), { headers }), log).parts;
    expect(part?.description).toBeNull();
    expect(part?.part_no).toBe("5X0 807 217 GRU");
    expect(lines.map((l) => l.event)).toContain("planso.parts_header_unmatched");
  });

  test("sums that disagree with the lines are logged", () => {
    const { log, lines } = collectingLogger();
    const sums = '<table class="parts_sum_table"><tr><td>A-2026-0311</td><td>999,00 €</td></tr><tr><td></td><td><b>999,00 €</b></td></tr></table>';
    const result = parsePartsTab(tab(row(ORDERED), { sums }), log, "10452");
    expect(result.totals).toEqual({ by_order_no: { "A-2026-0311": 999 }, total: 999 });
    expect(lines.filter((l) => String(l.event).includes("mismatch")).map((l) => [l.event, l.lines_cents])).toEqual([
      ["planso.parts_sum_mismatch", 41230],
      ["planso.parts_total_mismatch", 41230],
    ]);
  });

  test("last sum row may hold an order number and the grand total", () => {
    const sums = '<table class="parts_sum_table"><tr><td>A-2026-0311</td><td>412,30 €</td><td><b>412,30 €</b></td></tr></table>';
    expect(parsePartsTab(tab(row(ORDERED), { sums })).totals).toEqual({ by_order_no: { "A-2026-0311": 412.3 }, total: 412.3 });
  });
});
