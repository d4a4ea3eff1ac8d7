/**
 * Calendar arithmetic for the simulator, on plain integers so that generating
 * thousands of orders stays fast:
 * - a day is the number of days since 1970-01-01 (an "epoch day");
 * - a local datetime is seconds since 1970-01-01T00:00 on the Berlin wall clock,
 *   without a zone; `berlinLocalToIso` attaches the offset.
 *
 * Working days are Monday to Friday without the public holidays of
 * Nordrhein-Westfalen, the tenant's assumed federal state.
 */

export const SECONDS_PER_DAY = 86400;

/** Epoch day of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDay(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return false;
  const back = civilFromDay(dayFromCivil(year, month, day));
  return back.day === day && back.month === month;
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromCivil(year, month, day);
}

const holidayCache = new Map<number, Set<number>>();

/**
 * Public holidays of Nordrhein-Westfalen: the nationwide ones plus Fronleichnam and
 * Allerheiligen.
 */
export function holidaysNW(year: number): Set<number> {
  let days = holidayCache.get(year);
  if (days) return days;
  const easter = easterSunday(year);
  days = new Set([
    dayFromCivil(year, 1, 1),
    easter - 2, // Karfreitag
    easter + 1, // Ostermontag
    dayFromCivil(year, 5, 1),
    easter + 39, // Christi Himmelfahrt
    easter + 50, // Pfingstmontag
    easter + 60, // Fronleichnam
    dayFromCivil(year, 10, 3),
    dayFromCivil(year, 11, 1), // Allerheiligen
    dayFromCivil(year, 12, 25),
    dayFromCivil(year, 12, 26),
  ]);
  holidayCache.set(year, days);
  return days;
}

export function isWorkday(epochDay: number): boolean {
  if (isoWeekday(epochDay) > 5) return false;
  return !holidaysNW(civilFromDay(epochDay).year).has(epochDay);
}

/**
 * Working days in a window, for O(1) stepping by working days. Days outside the window
 * fall back to stepping one day at a time.
 */
export interface WorkdayIndex {
  /** The working day on or before `epochDay`. */
  onOrBefore(epochDay: number): number;
  /** `count` working days after (or before, when negative) the working day `from`. */
  add(from: number, count: number): number;
  /** Working days from `from` to `to`; negative when `to` is earlier. */
  between(from: number, to: number): number;
}

export function createWorkdayIndex(firstDay: number, lastDay: number): WorkdayIndex {
  const workdays: number[] = [];
  // position[d - firstDay] is the index of the working day on or before d.
  const position = new Int32Array(lastDay - firstDay + 1);
  let last = -1;
  for (let d = firstDay; d <= lastDay; d++) {
    if (isWorkday(d)) {
      workdays.push(d);
      last = workdays.length - 1;
    }
    position[d - firstDay] = last;
  }

  const slowOnOrBefore = (day: number): number => {
    let d = day;
    while (!isWorkday(d)) d--;
    return d;
  };
  const slowAdd = (from: number, count: number): number => {
    let d = from;
    let left = Math.abs(count);
    const step = count < 0 ? -1 : 1;
    while (left > 0) {
      d += step;
      if (isWorkday(d)) left--;
    }
    return d;
  };
  const indexOf = (day: number): number => (day < firstDay || day > lastDay ? -1 : (position[day - firstDay] as number));

  return {
    onOrBefore(day) {
      const i = indexOf(day);
      return i >= 0 ? (workdays[i] as number) : slowOnOrBefore(day);
    },
    add(from, count) {
      const i = indexOf(from);
      const j = i + count;
      if (i >= 0 && workdays[i] === from && j >= 0 && j < workdays.length) return workdays[j] as number;
      return slowAdd(from, count);
    },
    between(from, to) {
      const i = indexOf(from);
      const j = indexOf(to);
      if (i >= 0 && j >= 0) return j - i;
      let count = 0;
      const step = to < from ? -1 : 1;
      for (let d = from; d !== to; d += step) if (isWorkday(d + step)) count += step;
      return count;
    },
  };
}

/** Last Sunday of a month, as an epoch day. */
function lastSunday(year: number, month: number): number {
  const lastDay = dayFromCivil(year, month + 1, 1) - 1;
  return lastDay - (isoWeekday(lastDay) % 7);
}

/**
 * Berlin's UTC offset in minutes at an instant: CEST (+120) from the last Sunday of
 * March 01:00 UTC to the last Sunday of October 01:00 UTC, otherwise CET (+60).
 */
export function berlinOffsetMinutes(utcMs: number): number {
  const year = civilFromDay(Math.floor(utcMs / 86400000)).year;
  const start = (lastSunday(year, 3) * SECONDS_PER_DAY + 3600) * 1000;
  const end = (lastSunday(year, 10) * SECONDS_PER_DAY + 3600) * 1000;
  return utcMs >= start && utcMs < end ? 120 : 60;
}

/** Berlin wall-clock seconds of an instant. */
export function utcMsToBerlinLocal(utcMs: number): number {
  return Math.floor(utcMs / 1000) + berlinOffsetMinutes(utcMs) * 60;
}

/**
 * Returns the instant of a Berlin wall-clock time, resolved as Temporal's
 * "compatible" disambiguation does: a time in the spring gap moves forward, a time in the autumn overlap
 * takes the earlier instant.
 */
export function berlinLocalToUtcMs(localSeconds: number): number {
  for (const offset of [120, 60]) {
    const utcMs = (localSeconds - offset * 60) * 1000;
    if (berlinOffsetMinutes(utcMs) === offset) return utcMs;
  }
  // In the gap: read the wall time with the offset before the jump (+60).
  return (localSeconds - 3600) * 1000;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const pad4 = (n: number): string => String(n).padStart(4, "0");

export function isoDate(epochDay: number): string {
  const { year, month, day } = civilFromDay(epochDay);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** ISO 8601 with the Berlin offset, e.g. `2026-03-16T12:08:59+01:00`. */
export function berlinLocalToIso(localSeconds: number): string {
  const utcMs = berlinLocalToUtcMs(localSeconds);
  const offset = berlinOffsetMinutes(utcMs);
  const wall = utcMs / 1000 + offset * 60;
  const day = Math.floor(wall / SECONDS_PER_DAY);
  const secondOfDay = wall - day * SECONDS_PER_DAY;
  const time = `${pad2(Math.floor(secondOfDay / 3600))}:${pad2(Math.floor((secondOfDay % 3600) / 60))}:${pad2(secondOfDay % 60)}`;
  return `${isoDate(day)}T${time}+${pad2(offset / 60)}:00`;
}

/** Parses `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)` into epoch milliseconds, or null. */
export function parseIsoInstant(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!match) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** Parses an ISO 8601 duration such as `PT2H`, `P1D`, `P1DT30M` into milliseconds (a day is 24 h). */
export function parseIsoDuration(text: string): number | null {
  const match = /^(-)?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!match || text === "P" || text.endsWith("T")) return null;
  const [, sign, weeks, days, hours, minutes, seconds] = match;
  const ms =
    (Number(weeks ?? 0) * 7 * 86400 + Number(days ?? 0) * 86400 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60) *
      1000 +
    Number(seconds ?? 0) * 1000;
  return sign ? -ms : ms;
}
