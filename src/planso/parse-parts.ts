/**
 * Reads the parts tab (`resourceplanner_shop_view_get_parts` → `html`): the
 * order-level status text, the parts table with its vehicle attributes, one part per
 * `parts_single_row` row, and the sums table. Columns are found by header substring,
 * because tenants word and order them differently.
 */
import { parseGermanDecimal } from "../domain/decimal.ts";
import { isPartMissing } from "../domain/missing-parts.ts";
import { normalizeText } from "../domain/text.ts";
import type { Logger } from "../log.ts";
import { attrOf, hasClass, isElement, isText, parseHtml, textOf, type HTMLElement } from "./html.ts";
import { parseDateCell } from "./parse-date-cell.ts";
import { parsePartsTotals, type PartsTotals } from "./parse-parts-totals.ts";
import type { UpstreamPart } from "./types.ts";

const TABLE_CLASSES = ["parts_table", "rsp_parts_table", "psrs_parts_table"];
const NO_PARTS_TEXT = "Keine Ersatzteile vorhanden";

/** Checkbox `data-action` → part flag. */
const ACTION_FLAGS = {
  order_parts: "is_to_order",
  bestellt: "is_ordered",
  delivered: "is_delivered",
  ruckstand: "is_backorder",
  mandatory: "is_mandatory",
  price_checked: "is_price_checked",
} as const satisfies Record<string, keyof UpstreamPart>;

type Column = "part_no" | "description" | "lead_no" | "price_each" | "qty" | "price_total" | "date" | "order_no";

/** Header rules in matching order: the part-number rule runs before the description rule. */
const COLUMN_RULES: ReadonlyArray<[Column, (header: string) => boolean]> = [
  ["part_no", (h) => h.includes("teile") && h.includes("nr")],
  ["description", (h) => h.includes("teil")],
  ["lead_no", (h) => h.includes("leit") && h.includes("nr")],
  ["price_each", (h) => h.includes("e.preis")],
  ["qty", (h) => h.includes("menge")],
  ["price_total", (h) => h.includes("g.preis")],
  ["date", (h) => h.includes("datum")],
  ["order_no", (h) => h.includes("a.nummer")],
];

/** Vehicle data from the parts table's `data-*` attributes. */
export interface PartsTableVehicle {
  vin: string | null;
  make: string | null;
  number_plate: string | null;
  /** `data-pnum`: an order or project number. */
  pnum: string | null;
}

export interface PartsTab {
  /** Order-level status text (`teilweise geliefert`), or null when the tab shows none. */
  status_text: string | null;
  parts: UpstreamPart[];
  /** Null when the tab shows no sums table, as for an order without parts. */
  totals: PartsTotals | null;
  vehicle: PartsTableVehicle;
}

/** Thrown when the tab contains neither a parts table nor the no-parts text. */
export class PartsParseError extends Error {
  override readonly name = "PartsParseError";
}

export function parsePartsTab(html: string, log?: Logger, orderId?: string): PartsTab {
  const root = parseHtml(html);
  const status_text = readStatusText(root);
  const table = root
    .querySelectorAll("table")
    .find((candidate) => TABLE_CLASSES.some((name) => hasClass(candidate, name)));

  if (!table) {
    if (!textOf(root).includes(NO_PARTS_TEXT) && root.querySelector('[class*="parts_single_row"]') === null) {
      throw new PartsParseError(`no parts table and no "${NO_PARTS_TEXT}" text in the parts tab`);
    }
    return {
      status_text,
      parts: [],
      totals: parsePartsTotals(root, []),
      vehicle: { vin: null, make: null, number_plate: null, pnum: null },
    };
  }

  const vehicle: PartsTableVehicle = {
    vin: normalizeText(attrOf(table, "data-vin")),
    make: normalizeText(attrOf(table, "data-make")),
    number_plate: normalizeText(attrOf(table, "data-number_plate")),
    pnum: normalizeText(attrOf(table, "data-pnum")),
  };

  const header = findHeaderRow(table);
  const columns = header ? assignColumns(header.headers) : new Map<Column, number>();
  if (header && !columns.has("description")) {
    log?.warn("planso.parts_header_unmatched", { order_id: orderId, headers: header.headers });
  }

  const parts: UpstreamPart[] = [];
  const seen = new Set<string>();
  for (const row of table.querySelectorAll("tr").filter((tr) => hasClass(tr, "parts_single_row"))) {
    const cells = row.childNodes.filter(isElement).filter((cell) => cell.tagName === "TD");
    if (!header || cells.length !== header.headers.length) {
      log?.warn("planso.parts_row_skipped", {
        order_id: orderId,
        row_id: attrOf(row, "data-id") ?? null,
        cells: cells.length,
        headers: header?.headers.length ?? 0,
      });
      continue;
    }
    const part = readRow(row, cells, columns);
    const key = JSON.stringify([part.part_no, part.description]);
    if (seen.has(key)) {
      log?.warn("planso.parts_duplicate", { order_id: orderId, row_id: part.row_id, part_no: part.part_no });
      continue;
    }
    seen.add(key);
    parts.push(part);
  }

  const totals = parsePartsTotals(root, parts, log, orderId);
  return { status_text, parts, totals, vehicle };
}

/**
 * Reads the order-level status: the text right after the opening tag of the
 * `rsvgp_status_dropdown` element, else the selected option of a status select.
 */
function readStatusText(root: HTMLElement): string | null {
  const dropdown = root.querySelector('[class*="rsvgp_status_dropdown"]');
  if (dropdown) {
    const leading: string[] = [];
    for (const child of dropdown.childNodes) {
      if (!isText(child)) break;
      leading.push(textOf(child));
    }
    const text = normalizeText(leading.join(""));
    if (text !== null) return text;
  }
  const select = root.querySelector('select[name*="status"]');
  if (select) {
    const options = select.querySelectorAll("option");
    const chosen = options.find((option) => option.hasAttribute("selected")) ?? options[0];
    if (chosen) return normalizeText(textOf(chosen));
  }
  return null;
}

/**
 * Finds the header row, a row of `<th>` only. With several such rows (a filter row
 * below the real one, a grouping row above it), the row whose texts match the most
 * column rules wins, and the first one on a tie.
 */
function findHeaderRow(table: HTMLElement): { headers: string[] } | null {
  let best: { headers: string[]; score: number } | null = null;
  for (const row of table.querySelectorAll("tr")) {
    const cells = row.childNodes.filter(isElement);
    if (cells.length === 0 || cells.some((cell) => cell.tagName !== "TH")) continue;
    const headers = cells.map((cell) => (normalizeText(textOf(cell)) ?? "").toLowerCase());
    const score = assignColumns(headers).size;
    if (best === null || score > best.score) best = { headers, score };
  }
  return best === null ? null : { headers: best.headers };
}

/** Column → cell index. Each header feeds at most one column, the first rule it matches. */
function assignColumns(headers: readonly string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  headers.forEach((header, index) => {
    const rule = COLUMN_RULES.find(([column, matches]) => !columns.has(column) && matches(header));
    if (rule) columns.set(rule[0], index);
  });
  return columns;
}

function readRow(row: HTMLElement, cells: HTMLElement[], columns: Map<Column, number>): UpstreamPart {
  const cellAt = (column: Column) => {
    const index = columns.get(column);
    return index === undefined ? undefined : cells[index];
  };
  const text = (column: Column) => {
    const cell = cellAt(column);
    return cell === undefined ? null : normalizeText(textOf(cell));
  };
  const decimal = (column: Column) => {
    const value = text(column);
    return value === null ? null : parseGermanDecimal(value);
  };

  const dateCell = cellAt("date");
  const dates = dateCell ? parseDateCell(dateCell) : { order_date: null, delivery_date: null };
  const statusIcon = row.querySelectorAll("td").find((cell) => hasClass(cell, "spare_part_main_status"));
  const iconTitle = statusIcon?.querySelector("i[title]");
  const status_code = normalizeText(attrOf(row, "data-status"));

  const part: UpstreamPart = {
    row_id: normalizeText(attrOf(row, "data-id")) ?? "",
    part_id: normalizeText(attrOf(row, "data-partid")),
    part_no: readPartNumber(cellAt("part_no")),
    description: text("description"),
    lead_no: text("lead_no"),
    order_no: text("order_no"),
    qty: decimal("qty"),
    price_each: decimal("price_each"),
    price_total: decimal("price_total"),
    status: (iconTitle ? normalizeText(attrOf(iconTitle, "title")) : null) ?? status_code,
    status_code,
    order_date: dates.order_date,
    delivery_date: dates.delivery_date,
    eta_date: null,
    is_missing: false,
    is_to_order: false,
    is_ordered: false,
    is_delivered: false,
    is_backorder: false,
    is_mandatory: false,
    is_price_checked: false,
  };

  for (const input of row.querySelectorAll("input")) {
    if (!hasClass(input, "spare_part_status")) continue;
    const action = attrOf(input, "data-action");
    if (action === undefined || !(action in ACTION_FLAGS)) continue;
    part[ACTION_FLAGS[action as keyof typeof ACTION_FLAGS]] = input.hasAttribute("checked");
  }
  part.is_missing = isPartMissing(part);
  return part;
}

/** `data-prtnumber` of the cell, else of a descendant, else the cell text. */
function readPartNumber(cell: HTMLElement | undefined): string | null {
  if (cell === undefined) return null;
  const own = normalizeText(attrOf(cell, "data-prtnumber"));
  if (own !== null) return own;
  const carrier = cell.querySelector("[data-prtnumber]");
  const nested = carrier ? normalizeText(attrOf(carrier, "data-prtnumber")) : null;
  return nested ?? normalizeText(textOf(cell));
}
