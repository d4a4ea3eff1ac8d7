/**
 * Workdays and public holidays from `date-holidays` (country DE and the tenant's
 * federal state). A workday is Monday to Friday and not a public holiday of that
 * state. Heiligabend and Silvester count as workdays, because they are not public
 * holidays in any state.
 */
import Holidays from "date-holidays";
import { Temporal } from "temporal-polyfill";

export const GERMAN_STATES = [
  "BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH",
] as const;
export type GermanState = (typeof GERMAN_STATES)[number];

export const DEFAULT_STATE: GermanState = "NW";

const calendars = new Map<string, Holidays>();
const holidaysByYear = new Map<string, ReadonlySet<string>>();

function calendar(state: string): Holidays {
  if (!(GERMAN_STATES as readonly string[]).includes(state)) {
    throw new RangeError(`invalid federal state ${JSON.stringify(state)}: expected one of ${GERMAN_STATES.join(", ")}`);
  }
  let found = calendars.get(state);
  if (!found) {
    found = new Holidays("DE", state);
    calendars.set(state, found);
  }
  return found;
}

function holidaySet(year: number, state: string): ReadonlySet<string> {
  const cacheKey = `${state}:${year}`;
  let set = holidaysByYear.get(cacheKey);
  if (!set) {
    // `date` is local wall time `YYYY-MM-DD hh:mm:ss`; only type "public" is a day off.
    const dates = calendar(state)
      .getHolidays(year)
      .filter((holiday) => holiday.type === "public")
      .map((holiday) => holiday.date.slice(0, 10));
    set = new Set(dates.sort());
    holidaysByYear.set(cacheKey, set);
  }
  return set;
}

/** Lists the public holidays of `year` in `state` as sorted ISO dates. Throws RangeError for an unknown state. */
export function publicHolidays(year: number, state: string = DEFAULT_STATE): string[] {
  return [...holidaySet(year, state)];
}

/** Tells whether `isoDate` is Monday to Friday and not a public holiday of `state`. */
export function isWorkday(isoDate: string, state: string = DEFAULT_STATE): boolean {
  const date = Temporal.PlainDate.from(isoDate, { overflow: "reject" });
  if (date.dayOfWeek > 5) return false;
  return !holidaySet(date.year, state).has(date.toString());
}

/**
 * Moves `n` workdays forward from `isoDate`, or backward when `n` is negative. The
 * start itself need not be a workday, and `n = 0` returns it unchanged.
 */
export function addWorkdays(isoDate: string, n: number, state: string = DEFAULT_STATE): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`invalid workday count ${n}: expected an integer`);
  let date = Temporal.PlainDate.from(isoDate, { overflow: "reject" });
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    date = date.add({ days: step });
    if (isWorkday(date.toString(), state)) left--;
  }
  return date.toString();
}
