/**
 * The parts sums table below the parts table: one row per parts order (`A.Nummer`)
 * holding the number and its sum, and the grand total in the last cell of the last
 * row, wrapped in `<b>`. Its class is an assumption (`parts_sum_table`), so the table
 * may also be the first other table, and the sums are found by their money format
 * rather than by cell position. Without such a table (an order without parts) the
 * totals are null.
 */
import { parseGermanDecimal, toCents } from "../domain/decimal.ts";
import { normalizeText } from "../domain/text.ts";
import type { Logger } from "../log.ts";
import { hasClass, isElement, textOf, type HTMLElement } from "./html.ts";
import type { UpstreamPart } from "./types.ts";

export interface PartsTotals {
  /** Parts sum per `A.Nummer`, in euros. */
  by_order_no: Record<string, number>;
  /** Grand total in euros, or null when the tab shows none. */
  total: number | null;
}

const PARTS_TABLE_CLASSES = ["parts_table", "rsp_parts_table", "psrs_parts_table"];
/** `1.234,56 €`, `12,30`, `EUR 5,00`: a comma and exactly two decimals. */
const MONEY = /^(?:€|EUR)?\s*-?\d{1,3}(?:\.?\d{3})*,\d{2}\s*(?:€|EUR)?$/u;

export function parsePartsTotals(
  root: HTMLElement,
  parts: readonly UpstreamPart[],
  log?: Logger,
  orderId?: string,
): PartsTotals | null {
  const tables = root.querySelectorAll("table");
  const table =
    tables.find((candidate) => hasClass(candidate, "parts_sum_table")) ??
    tables.find((candidate) => !PARTS_TABLE_CLASSES.some((name) => hasClass(candidate, name)) && hasMoney(candidate));
  if (!table) return null;
  const totals: PartsTotals = { by_order_no: {}, total: null };

  const rows = table.querySelectorAll("tr");
  rows.forEach((row, index) => {
    const cells = row.childNodes.filter(isElement).filter((cell) => cell.tagName === "TD" || cell.tagName === "TH");
    const money = cells.filter((cell) => isMoney(cell));
    const isLast = index === rows.length - 1;
    if (isLast && money.length > 0) {
      const grand = money.find((cell) => cell.querySelector("b") !== null || cell.tagName === "B") ?? money[money.length - 1]!;
      totals.total = parseGermanDecimal(textOf(grand));
      money.splice(money.indexOf(grand), 1);
    }
    // The parts order number is the first non-empty cell that is not an amount.
    const keyCell = cells.find((cell) => !isMoney(cell) && normalizeText(textOf(cell)) !== null);
    const key = keyCell === undefined ? null : normalizeText(textOf(keyCell));
    if (key !== null && money.length > 0) {
      const sum = parseGermanDecimal(textOf(money[0]!));
      if (sum !== null) totals.by_order_no[key] = sum;
    }
  });

  logMismatches(totals, parts, log, orderId);
  return totals;
}

function isMoney(cell: HTMLElement): boolean {
  const text = normalizeText(textOf(cell));
  return text !== null && MONEY.test(text);
}

function hasMoney(table: HTMLElement): boolean {
  return table.querySelectorAll("td").some(isMoney);
}

/** Compares the sums with the parts' line totals in cents, and logs each difference. */
function logMismatches(totals: PartsTotals, parts: readonly UpstreamPart[], log?: Logger, orderId?: string): void {
  if (!log) return;
  const lineCents = new Map<string, number>();
  let allCents = 0;
  for (const part of parts) {
    const cents = part.price_total === null ? 0 : toCents(part.price_total);
    allCents += cents;
    if (part.order_no !== null) lineCents.set(part.order_no, (lineCents.get(part.order_no) ?? 0) + cents);
  }
  for (const [orderNo, sum] of Object.entries(totals.by_order_no)) {
    const expected = lineCents.get(orderNo) ?? 0;
    if (toCents(sum) !== expected) {
      log.warn("planso.parts_sum_mismatch", { order_id: orderId, order_no: orderNo, sum_cents: toCents(sum), lines_cents: expected });
    }
  }
  if (totals.total !== null && toCents(totals.total) !== allCents) {
    log.warn("planso.parts_total_mismatch", { order_id: orderId, total_cents: toCents(totals.total), lines_cents: allCents });
  }
}
