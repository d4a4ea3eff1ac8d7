/**
 * Readers of upstream strings into typed values, by the value-format rules of the
 * PlanSo protocol: German and ISO dates, Berlin datetimes, German decimals, months.
 * The ground truth uses them to state what a correct client must parse, and the
 * write validation uses them to accept or reject a value.
 */
import { berlinLocalToIso, dayFromCivil, isValidCivil, isoDate, SECONDS_PER_DAY } from "../calendar.ts";

/** Tells whether a value is empty: `""`, `-`, `- / -`, NBSP or whitespace only. The date readers handle zero dates. */
export function isEmptyValue(raw: string): boolean {
  return /^[\s\u00a0]*(-[\s\u00a0]*(\/[\s\u00a0]*-[\s\u00a0]*)?)?$/.test(raw);
}

export function textValue(raw: string): string | null {
  return isEmptyValue(raw) ? null : raw;
}

interface DateParts {
  day: number;
  time: number | null;
}

const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function readDateParts(raw: string): DateParts | null {
  const text = raw.trim();
  let year: number;
  let month: number;
  let day: number;
  let rest: (string | undefined)[];
  const german = GERMAN.exec(text);
  const iso = german ? null : ISO.exec(text);
  if (german) {
    day = Number(german[1]);
    month = Number(german[2]);
    year = Number(german[3]);
    rest = german.slice(4);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
    rest = iso.slice(4);
  } else {
    return null;
  }

  if (!isValidCivil(year, month, day)) return null;

  const [hour, minute, second] = rest;
  let time: number | null = null;
  if (hour !== undefined && minute !== undefined) {
    const h = Number(hour);
    const m = Number(minute);
    const s = Number(second ?? 0);
    if (h > 23 || m > 59 || s > 59) return null;
    time = h * 3600 + m * 60 + s;
  }
  return { day: dayFromCivil(year, month, day), time };
}

/** Reads `16.03.2026`, `6.3.2026` or `2026-03-16` (a time is allowed and ignored) as `2026-03-16`. */
export function parseDateValue(raw: string): string | null {
  const parts = readDateParts(raw);
  return parts === null ? null : isoDate(parts.day);
}

/** Tells whether a date string is a zero date (`00.00.0000`, `0000-00-00`), which means empty. */
export function isZeroDate(raw: string): boolean {
  return /^0{1,2}\.0{1,2}\.0{4}$|^0{4}-00-00/.test(raw.trim());
}

/** Reads a date or datetime string as Berlin wall-clock seconds. A missing time is midnight. */
export function parseLocalDateTime(raw: string): number | null {
  const parts = readDateParts(raw);
  return parts === null ? null : parts.day * SECONDS_PER_DAY + (parts.time ?? 0);
}

/** Reads `16.03.2026 12:08:59` (Berlin time) as `2026-03-16T12:08:59+01:00`. */
export function parseDateTimeValue(raw: string): string | null {
  const local = parseLocalDateTime(raw);
  return local === null ? null : berlinLocalToIso(local);
}

/**
 * Reads a German decimal after stripping `€`, `EUR`, spaces and NBSP. With a comma,
 * dots group thousands. Without one, a dot followed by groups of exactly three digits
 * groups thousands (`87.450`), and any other dot is the decimal mark (`11.5`).
 */
export function parseDecimalValue(raw: string): number | null {
  const text = raw.replace(/€|EUR|[\s\u00a0]/g, "");
  if (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(text) || /^-?\d+(,\d+)?$/.test(text)) {
    return Number(text.replace(/\./g, "").replace(",", "."));
  }
  if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ""));
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return null;
}

/** Reads `09/2026`, `09.2026`, `9/26` or a full date as `2026-09`. */
export function parseMonthValue(raw: string): string | null {
  const text = raw.trim();
  const month = /^(\d{1,2})[/.](\d{4}|\d{2})$/.exec(text);
  if (month) {
    const m = Number(month[1]);
    const year = (month[2] as string).length === 2 ? 2000 + Number(month[2]) : Number(month[2]);
    if (m < 1 || m > 12) return null;
    return `${year}-${String(m).padStart(2, "0")}`;
  }
  const date = parseDateValue(text);
  return date === null ? null : date.slice(0, 7);
}
