/**
 * German and ISO dates, datetimes and HU/AU inspection months. Calendar dates stay
 * `YYYY-MM-DD` and are never turned into instants. PlanSo sends datetimes without an
 * offset, as wall-clock time in the tenant's zone (default Europe/Berlin).
 */
import { Temporal } from "temporal-polyfill";

import { normalizeText } from "./text.ts";

export const DEFAULT_TIME_ZONE = "Europe/Berlin";

interface DateParts {
  year: number;
  month: number;
  day: number;
}

interface TimeParts {
  hour: number;
  minute: number;
  second: number;
}

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/u;
/** Optional time `H:MM` or `H:MM:SS` after the date, separated by whitespace (ISO dates also allow `T`). */
const TIME_TAIL = /^(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;
const ISO_TIME_TAIL = /^(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;

function toInt(digits: string | undefined): number {
  return digits === undefined ? 0 : Number.parseInt(digits, 10);
}

/** Returns the parts when they form a real calendar date. Year 0 comes from MySQL/PHP zero dates and means empty. */
function checkDate(year: number, month: number, day: number): DateParts | null {
  if (year < 1) return null;
  try {
    Temporal.PlainDate.from({ year, month, day }, { overflow: "reject" });
  } catch {
    return null;
  }
  return { year, month, day };
}

function checkTime(hour: number, minute: number, second: number): TimeParts | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

/**
 * Splits `date[ time]` into parts. `date` is null for an impossible date. `time` is
 * null when absent and undefined when present but out of range.
 */
function splitDateTime(
  text: string,
): { date: DateParts | null; time: TimeParts | null | undefined } | null {
  const german = GERMAN_DATE.exec(text);
  const iso = german ? null : ISO_DATE.exec(text);
  const head = german ?? iso;
  if (!head) return null;
  const tail = (german ? TIME_TAIL : ISO_TIME_TAIL).exec(text.slice(head[0].length));
  if (!tail) return null;
  const date = german
    ? checkDate(toInt(german[3]), toInt(german[2]), toInt(german[1]))
    : checkDate(toInt(head[1]), toInt(head[2]), toInt(head[3]));
  const time =
    tail[1] === undefined ? null : (checkTime(toInt(tail[1]), toInt(tail[2]), toInt(tail[3])) ?? undefined);
  return { date, time };
}

/**
 * Cleans a date cell: PHP prints the word `Array` into some date cells, before or
 * after the date, so it is removed before the empty-value checks.
 */
function dateCellText(raw: string | null | undefined): string | null {
  return normalizeText(raw?.replaceAll("Array", " "));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function isoDate(d: DateParts): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/**
 * Converts wall-clock time in `timeZone` to ISO 8601 with offset, in whole seconds.
 * A time in the spring gap moves forward, and one in the autumn overlap takes the
 * earlier instant (Temporal's "compatible" disambiguation).
 */
function zonedIso(d: DateParts, t: TimeParts, timeZone: string): string {
  return Temporal.PlainDateTime.from({ ...d, ...t })
    .toZonedDateTime(timeZone, { disambiguation: "compatible" })
    .toString({ timeZoneName: "never", smallestUnit: "second" });
}

/**
 * Parses an upstream date to `YYYY-MM-DD`. Accepts `D.M.YYYY`, `DD.MM.YYYY` and
 * `YYYY-MM-DD`, optionally followed by a time that is ignored. Impossible dates
 * (`31.02.2026`), zero dates (`00.00.0000`, `0000-00-00`) and other text give null.
 * The PHP junk word `Array` is ignored.
 */
export function parseGermanDate(raw: string | null | undefined): string | null {
  const text = dateCellText(raw);
  if (text === null) return null;
  const parts = splitDateTime(text);
  if (!parts?.date || parts.time === undefined) return null;
  return isoDate(parts.date);
}

/**
 * Parses an upstream datetime to ISO 8601 with the zone's offset
 * (`2026-03-16T12:08:59+01:00`). Accepts `DD.MM.YYYY HH:MM[:SS]` and
 * `YYYY-MM-DD[ T]HH:MM[:SS]`, and a date alone means local midnight. A time in the
 * spring gap moves forward, and one in the autumn overlap takes the earlier instant.
 */
export function parseGermanDateTime(
  raw: string | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): string | null {
  const text = dateCellText(raw);
  if (text === null) return null;
  const parts = splitDateTime(text);
  if (!parts?.date || parts.time === undefined) return null;
  return zonedIso(parts.date, parts.time ?? { hour: 0, minute: 0, second: 0 }, timeZone);
}

const MONTH_FIRST = /^(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/u;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})$/u;

/**
 * Parses an HU/AU inspection month to `YYYY-MM`. Accepts `09/2026`, `09.2026`, `9/26`
 * (two-digit years are 20YY), `2026-09`, and a full date whose month counts (`30.09.2026`).
 */
export function parseMonth(raw: string | null | undefined): string | null {
  const text = normalizeText(raw);
  if (text === null) return null;
  let year: number;
  let month: number;
  const monthFirst = MONTH_FIRST.exec(text);
  const yearFirst = monthFirst ? null : YEAR_FIRST.exec(text);
  if (monthFirst) {
    month = toInt(monthFirst[1]);
    const y = monthFirst[2] ?? "";
    year = y.length === 2 ? 2000 + toInt(y) : toInt(y);
  } else if (yearFirst) {
    year = toInt(yearFirst[1]);
    month = toInt(yearFirst[2]);
  } else {
    const date = parseGermanDate(text);
    return date === null ? null : date.slice(0, 7);
  }
  if (year < 1 || month < 1 || month > 12) return null;
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Formats `2026-03-16` (or the date part of an ISO datetime) as `16.03.2026`. Throws RangeError on other input. */
export function formatGermanDate(iso: string): string {
  const date = Temporal.PlainDate.from(iso.slice(0, 10), { overflow: "reject" });
  return `${pad(date.day)}.${pad(date.month)}.${pad(date.year, 4)}`;
}

/**
 * Formats an ISO datetime as `DD.MM.YYYY HH:MM:SS` wall-clock time in `timeZone`.
 * A value with an offset or `Z` is converted to the zone, and one without is taken as
 * wall-clock time already. Throws RangeError on other input.
 */
export function formatGermanDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const hasOffset = /(?:[zZ]|[+-]\d{2}:?\d{2})$/u.test(iso.trim());
  const local = hasOffset
    ? Temporal.Instant.from(iso.trim()).toZonedDateTimeISO(timeZone).toPlainDateTime()
    : Temporal.PlainDateTime.from(iso.trim());
  return (
    `${pad(local.day)}.${pad(local.month)}.${pad(local.year, 4)} ` +
    `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`
  );
}

/** Formats the month `2026-09` as `09/2026`. Throws RangeError on other input. */
export function formatMonth(yyyyMm: string): string {
  const match = /^(\d{4})-(\d{2})$/u.exec(yyyyMm.trim());
  const month = toInt(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`invalid month ${JSON.stringify(yyyyMm)}: expected YYYY-MM`);
  return `${match[2]}/${match[1]}`;
}

export type InputResult = { ok: true; value: string } | { ok: false; message: string };

const DATE_FORMS = "YYYY-MM-DD or DD.MM.YYYY (day.month.year), e.g. 2026-03-16 or 16.03.2026";
const DATETIME_FORMS =
  "DD.MM.YYYY HH:MM[:SS], YYYY-MM-DDTHH:MM[:SS] (Berlin time) or ISO 8601 with offset, " +
  "e.g. 16.03.2026 12:08 or 2026-03-16T12:08:59+01:00";
const DATE_INPUT = /^(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})$/u;

/** Validates an API date parameter and returns it as `YYYY-MM-DD`, or a message that names the accepted forms. */
export function parseDateInput(raw: string): InputResult {
  const text = raw.trim();
  if (!DATE_INPUT.test(text)) {
    return { ok: false, message: `invalid date ${JSON.stringify(text)}: expected ${DATE_FORMS}` };
  }
  const value = parseGermanDate(text);
  if (value === null) {
    return { ok: false, message: `invalid date ${JSON.stringify(text)}: no such calendar day, expected ${DATE_FORMS}` };
  }
  return { ok: true, value };
}

const OFFSET_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[zZ]|[+-]\d{2}:\d{2})$/u;

/**
 * Validates an API datetime parameter and returns ISO 8601 with the zone's offset, in
 * whole seconds because fractions are truncated. Accepts the upstream forms as
 * wall-clock time in `timeZone`, a date alone as local midnight, and ISO 8601 with
 * `Z` or an offset, which is converted to the zone.
 */
export function parseDateTimeInput(raw: string, timeZone: string = DEFAULT_TIME_ZONE): InputResult {
  const text = raw.trim();
  if (OFFSET_DATETIME.test(text)) {
    try {
      const value = Temporal.Instant.from(text)
        .toZonedDateTimeISO(timeZone)
        .toString({ timeZoneName: "never", smallestUnit: "second" });
      return { ok: true, value };
    } catch {
      return { ok: false, message: `invalid datetime ${JSON.stringify(text)}: no such instant, expected ${DATETIME_FORMS}` };
    }
  }
  const parts = splitDateTime(text);
  if (!parts) {
    return { ok: false, message: `invalid datetime ${JSON.stringify(text)}: expected ${DATETIME_FORMS}` };
  }
  if (!parts.date || parts.time === undefined) {
    return {
      ok: false,
      message: `invalid datetime ${JSON.stringify(text)}: no such calendar day or time, expected ${DATETIME_FORMS}`,
    };
  }
  return { ok: true, value: zonedIso(parts.date, parts.time ?? { hour: 0, minute: 0, second: 0 }, timeZone) };
}
