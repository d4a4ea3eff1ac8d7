/**
 * Formatters for the way PlanSo renders values: German dates, datetimes and numbers,
 * HTML escaping with or without named entities, and PHP's `json_encode` output. Rendering is part of what
 * the simulator imitates, so these formatters live here rather than in the shared
 * domain code.
 */
import { SECONDS_PER_DAY, civilFromDay } from "./calendar.ts";
import { NAMED_ENTITIES } from "./html-entities.ts";

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** `DD.MM.YYYY` of an epoch day. */
export function formatDate(epochDay: number): string {
  const { year, month, day } = civilFromDay(epochDay);
  return `${pad2(day)}.${pad2(month)}.${String(year).padStart(4, "0")}`;
}

/** `DD.MM.YYYY HH:MM:SS` (or without seconds) of Berlin wall-clock seconds. */
export function formatDateTime(localSeconds: number, withSeconds = true): string {
  const day = Math.floor(localSeconds / SECONDS_PER_DAY);
  const second = localSeconds - day * SECONDS_PER_DAY;
  const time = `${pad2(Math.floor(second / 3600))}:${pad2(Math.floor((second % 3600) / 60))}`;
  return `${formatDate(day)} ${withSeconds ? `${time}:${pad2(second % 60)}` : time}`;
}

/** `MM/YYYY`. */
export function formatMonth(year: number, month: number): string {
  return `${pad2(month)}/${year}`;
}

/**
 * Formats a decimal in the write format: comma, no thousands separator, no trailing
 * zeros (`1234,5`, `6`, `0,25`).
 */
export function formatDecimal(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return String(rounded).replace(".", ",");
}

/** Fixed decimals with a comma and optional thousands dots: `1.234,56`. */
export function formatFixed(value: number, fractionDigits: number, grouping: boolean): string {
  const negative = value < 0;
  const [whole = "0", fraction] = Math.abs(value).toFixed(fractionDigits).split(".");
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : whole;
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : `,${fraction}`}`;
}

/** Euros from cents, as in parts cells: `412,30` (no thousands separator, no symbol). */
export function formatCents(cents: number): string {
  return formatFixed(cents / 100, 2, false);
}

/** Money as in the totals table: `1.234,56 €`. */
export function formatMoney(cents: number): string {
  return `${formatFixed(cents / 100, 2, true)} €`;
}

const MINIMAL_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

const NAMED_PATTERN = /[&<>"\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u20ac]/g;
const MINIMAL_PATTERN = /[&<>"]/g;

/**
 * Escapes text for an HTML text node or a double-quoted attribute. With `named`, umlauts
 * and other Latin letters become named entities (`&uuml;`), as PHP's `htmlentities`
 * writes them; without it only `& < > "` are escaped.
 */
export function escapeHtml(text: string, named: boolean): string {
  return named
    ? text.replace(NAMED_PATTERN, (c) => NAMED_ENTITIES[c] as string)
    : text.replace(MINIMAL_PATTERN, (c) => MINIMAL_ENTITIES[c] as string);
}

/** Tells whether escaping changes the text, which is when double escaping becomes visible. */
export function needsEscaping(text: string, named: boolean): boolean {
  return named ? new RegExp(NAMED_PATTERN.source).test(text) : /[&<>"]/.test(text);
}

/** UTF-8 bytes read as Latin-1 (`Müller` → `MÃ¼ller`). */
export function mojibake(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = "";
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

/**
 * `json_encode` with PHP's default flags: `/` escaped as `\/` and every non-ASCII
 * character as `\uXXXX`. JSON.parse reads it the same as plain JSON.
 */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, "\\/")
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
