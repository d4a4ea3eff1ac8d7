/**
 * German decimals and euro amounts. A comma is the decimal mark and dots group
 * thousands. Without a comma, a dot is a thousands separator only before groups of
 * exactly three digits (`87.450`), so `11.5` stays 11.5 and never becomes 115.
 */

/** Currency marks and every kind of space, removed before parsing. */
const NOISE = /€|EUR|[\s\u00a0\u2007\u202f]/giu;
/** Thousands grouping: a first group of 1–3 digits without a leading zero, then `.ddd` groups. */
const GROUPED = "[1-9]\\d{0,2}(?:\\.\\d{3})+";
const WITH_COMMA = new RegExp(`^(\\d+|${GROUPED}),(\\d+|-{1,2})$`, "u");
const GROUPED_ONLY = new RegExp(`^${GROUPED}$`, "u");
const PLAIN = /^\d+(?:\.\d+)?$/u;

/**
 * Parses a German decimal or euro amount: `1.234,56` → 1234.56, `11,30` → 11.3,
 * `"1,00 €"` → 1, `EUR 12,5` → 12.5, `87.450` → 87450, `11.5` → 11.5, `150,-` → 150,
 * `-3,5` → -3.5. Other text (`ca. 90000`, `1,234.5`) gives null.
 */
export function parseGermanDecimal(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  let text = raw.normalize("NFC").replace(NOISE, "").replace(/^\u2212/u, "-");
  const negative = text.startsWith("-");
  if (negative || text.startsWith("+")) text = text.slice(1);
  if (text === "") return null;
  let value: number;
  const comma = WITH_COMMA.exec(text);
  if (comma) {
    const whole = (comma[1] ?? "").replaceAll(".", "");
    const fraction = (comma[2] ?? "").startsWith("-") ? "0" : (comma[2] ?? "0");
    value = Number(`${whole}.${fraction}`);
  } else if (GROUPED_ONLY.test(text)) {
    value = Number(text.replaceAll(".", ""));
  } else if (PLAIN.test(text)) {
    value = Number(text);
  } else {
    return null;
  }
  if (!Number.isFinite(value)) return null;
  // Avoids -0, which would print as "-0" downstream.
  return negative && value !== 0 ? -value : value;
}

const PLAIN_FORMAT = new Intl.NumberFormat("en-US", { useGrouping: false, maximumFractionDigits: 10 });

/**
 * Formats a number the way PlanSo forms expect it: decimal comma, no thousands
 * separator, no trailing zeros (`1234.5` → `1234,5`, `4` → `4`). Rounds to 10 decimals
 * to hide binary noise (`0.1 + 0.2` → `0,3`). Throws RangeError for NaN and infinities.
 */
export function formatGermanDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`invalid number ${n}: expected a finite number`);
  const text = PLAIN_FORMAT.format(Math.abs(n)).replace(".", ",");
  return n < 0 && text !== "0" ? `-${text}` : text;
}

/**
 * Converts euros to integer cents, rounding half away from zero. The product is first
 * cut to 12 significant digits, so binary noise (`1.005 * 100` = 100.49999…) rounds
 * the way the decimal text reads. Throws RangeError for NaN and infinities.
 */
export function toCents(n: number): number {
  if (!Number.isFinite(n)) throw new RangeError(`invalid amount ${n}: expected a finite number`);
  const cents = Math.round(Number((Math.abs(n) * 100).toPrecision(12)));
  return n < 0 && cents !== 0 ? -cents : cents;
}
