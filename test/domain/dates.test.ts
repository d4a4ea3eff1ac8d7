import { describe, expect, test } from "bun:test";

import {
  formatGermanDate,
  formatGermanDateTime,
  formatMonth,
  parseDateInput,
  parseDateTimeInput,
  parseGermanDate,
  parseGermanDateTime,
  parseMonth,
} from "../../src/domain/dates.ts";

describe("parseGermanDate", () => {
  test.each([
    ["16.03.2026", "2026-03-16"],
    ["03.04.2024", "2024-04-03"], // day first: 3 April, not 4 March
    ["6.3.2026", "2026-03-06"],
    ["06.3.2026", "2026-03-06"],
    ["2026-03-16", "2026-03-16"],
    ["29.02.2024", "2024-02-29"],
    ["2024-02-29", "2024-02-29"],
    ["31.12.2026", "2026-12-31"],
    ["16.03.2026 12:08:59", "2026-03-16"],
    ["16.03.2026 12:08", "2026-03-16"],
    ["16.03.2026 7:05", "2026-03-16"],
    ["2026-03-16 12:08:59", "2026-03-16"],
    ["2026-03-16T12:08:59", "2026-03-16"],
    ["  16.03.2026\u00a0", "2026-03-16"],
    ["16.03.2026\u00a012:08", "2026-03-16"],
    ["16.03.2026Array", "2026-03-16"], // PHP junk in date cells
    ["Array16.03.2026", "2026-03-16"],
    ["Array 2026-03-16 Array", "2026-03-16"],
  ])("%p → %p", (raw, expected) => {
    expect(parseGermanDate(raw)).toBe(expected);
  });

  test.each([
    [null],
    [undefined],
    [""],
    ["   "],
    ["-"],
    ["&nbsp;"],
    ["00.00.0000"],
    ["0000-00-00"],
    ["0000-00-00 00:00:00"],
    ["01.01.0000"],
    ["31.02.2026"],
    ["29.02.2026"],
    ["2026-02-29"],
    ["32.01.2026"],
    ["16.13.2026"],
    ["2026-13-01"],
    ["2026-3-16"], // ISO needs two-digit month and day
    ["16.03.26"], // two-digit years only for HU/AU
    ["16/03/2026"],
    ["03/16/2026"],
    ["16.03.2026 25:00"],
    ["16.03.2026 12:60"],
    ["16.03.2026 12"],
    ["16.03.2026 Uhr"],
    ["Array"],
    ["ArrayArray"],
    ["16.03.2026 Arrays"],
    ["KW 12"],
    ["voraussichtlich März"],
    ["2026-03-16T12:08:59+01:00"],
  ])("%p → null", (raw) => {
    expect(parseGermanDate(raw)).toBeNull();
  });
});

describe("parseGermanDateTime", () => {
  test.each([
    ["winter time", "16.03.2026 12:08:59", "2026-03-16T12:08:59+01:00"],
    ["without seconds", "16.03.2026 12:08", "2026-03-16T12:08:00+01:00"],
    ["ISO with space", "2026-03-16 12:08:59", "2026-03-16T12:08:59+01:00"],
    ["ISO with T", "2026-03-16T12:08", "2026-03-16T12:08:00+01:00"],
    ["single-digit hour", "6.3.2026 7:05", "2026-03-06T07:05:00+01:00"],
    ["summer time", "15.07.2026 09:30:00", "2026-07-15T09:30:00+02:00"],
    ["date alone is midnight", "16.03.2026", "2026-03-16T00:00:00+01:00"],
    ["summer date alone", "2026-07-15", "2026-07-15T00:00:00+02:00"],
    ["before the spring switch", "29.03.2026 01:59:59", "2026-03-29T01:59:59+01:00"],
    ["spring gap moves forward", "29.03.2026 02:30", "2026-03-29T03:30:00+02:00"],
    ["spring gap start", "29.03.2026 02:00:00", "2026-03-29T03:00:00+02:00"],
    ["after the spring switch", "29.03.2026 03:00", "2026-03-29T03:00:00+02:00"],
    ["autumn overlap takes the earlier instant", "25.10.2026 02:30", "2026-10-25T02:30:00+02:00"],
    ["after the autumn overlap", "25.10.2026 03:00", "2026-10-25T03:00:00+01:00"],
    ["junk word Array", "16.03.2026 12:08:59Array", "2026-03-16T12:08:59+01:00"],
    ["end of year", "31.12.2026 23:59:59", "2026-12-31T23:59:59+01:00"],
    ["leap day", "29.02.2024 08:15", "2024-02-29T08:15:00+01:00"],
  ])("%s", (_name, raw, expected) => {
    expect(parseGermanDateTime(raw)).toBe(expected);
  });

  test("another time zone", () => {
    expect(parseGermanDateTime("16.03.2026 12:08", "UTC")).toBe("2026-03-16T12:08:00+00:00");
  });

  test.each([[null], [""], ["00.00.0000 00:00:00"], ["29.02.2026 10:00"], ["16.03.2026 24:00"], ["16.03.2026 12:08:60"], ["gestern"]])(
    "%p → null",
    (raw) => {
      expect(parseGermanDateTime(raw)).toBeNull();
    },
  );
});

describe("parseMonth", () => {
  test.each([
    ["09/2026", "2026-09"],
    ["09.2026", "2026-09"],
    ["9/2026", "2026-09"],
    ["9/26", "2026-09"],
    ["09/26", "2026-09"],
    ["12.27", "2027-12"],
    ["09 / 2026", "2026-09"],
    ["09-2026", "2026-09"],
    ["2026-09", "2026-09"],
    ["2026-9", "2026-09"],
    ["30.09.2026", "2026-09"],
    ["2026-09-30", "2026-09"],
    ["\u00a009/2026 ", "2026-09"],
  ])("%p → %p", (raw, expected) => {
    expect(parseMonth(raw)).toBe(expected);
  });

  test.each([[null], [""], ["-"], ["13/2026"], ["00/2026"], ["31.02.2026"], ["2026"], ["09/0000"], ["Sept 2026"], ["09/202"]])(
    "%p → null",
    (raw) => {
      expect(parseMonth(raw)).toBeNull();
    },
  );
});

describe("formatting for writes", () => {
  test.each([
    ["2026-03-16", "16.03.2026"],
    ["2024-02-29", "29.02.2024"],
    ["2026-03-16T12:08:59+01:00", "16.03.2026"],
  ])("formatGermanDate(%p) → %p", (iso, expected) => {
    expect(formatGermanDate(iso)).toBe(expected);
  });

  test("formatGermanDate rejects impossible dates", () => {
    expect(() => formatGermanDate("2026-02-29")).toThrow(RangeError);
    expect(() => formatGermanDate("16.03.2026")).toThrow(RangeError);
  });

  test.each([
    ["2026-03-16T12:08:59+01:00", "16.03.2026 12:08:59"],
    ["2026-03-16T11:08:59Z", "16.03.2026 12:08:59"],
    ["2026-07-15T07:30:00Z", "15.07.2026 09:30:00"],
    ["2026-10-25T00:30:00Z", "25.10.2026 02:30:00"], // first 02:30, CEST
    ["2026-10-25T01:30:00Z", "25.10.2026 02:30:00"], // second 02:30, CET
    ["2026-03-16T12:08:59", "16.03.2026 12:08:59"], // no offset: already wall time
    ["2026-12-31T23:00:00Z", "01.01.2027 00:00:00"],
  ])("formatGermanDateTime(%p) → %p", (iso, expected) => {
    expect(formatGermanDateTime(iso)).toBe(expected);
  });

  test("datetime round trip through both DST switches", () => {
    for (const raw of ["29.03.2026 01:59:59", "29.03.2026 03:00:00", "25.10.2026 02:30:00", "25.10.2026 03:30:00"]) {
      const iso = parseGermanDateTime(raw);
      expect(iso).not.toBeNull();
      expect(formatGermanDateTime(iso ?? "")).toBe(raw);
    }
  });

  test.each([
    ["2026-09", "09/2026"],
    ["2027-01", "01/2027"],
  ])("formatMonth(%p) → %p", (value, expected) => {
    expect(formatMonth(value)).toBe(expected);
  });

  test("formatMonth rejects other input", () => {
    expect(() => formatMonth("2026-13")).toThrow(RangeError);
    expect(() => formatMonth("09/2026")).toThrow(RangeError);
  });
});

describe("parseDateInput", () => {
  test.each([
    ["2026-03-16", "2026-03-16"],
    ["16.03.2026", "2026-03-16"],
    ["03.04.2024", "2024-04-03"],
    ["3.4.2024", "2024-04-03"],
    [" 2024-02-29 ", "2024-02-29"],
  ])("%p → %p", (raw, expected) => {
    expect(parseDateInput(raw)).toEqual({ ok: true, value: expected });
  });

  test.each([["31.02.2026"], ["29.02.2026"], ["2026-02-30"], ["00.00.0000"]])("%p: no such day", (raw) => {
    expect(parseDateInput(raw)).toEqual({
      ok: false,
      message: `invalid date "${raw}": no such calendar day, expected YYYY-MM-DD or DD.MM.YYYY (day.month.year), e.g. 2026-03-16 or 16.03.2026`,
    });
  });

  test.each([[""], ["16.03.26"], ["2026/03/16"], ["16.03.2026 12:00"], ["today"], ["2026-3-16"]])("%p: malformed", (raw) => {
    expect(parseDateInput(raw)).toEqual({
      ok: false,
      message: `invalid date "${raw}": expected YYYY-MM-DD or DD.MM.YYYY (day.month.year), e.g. 2026-03-16 or 16.03.2026`,
    });
  });
});

describe("parseDateTimeInput", () => {
  test.each([
    ["16.03.2026 12:08", "2026-03-16T12:08:00+01:00"],
    ["16.03.2026 12:08:59", "2026-03-16T12:08:59+01:00"],
    ["2026-03-16T12:08", "2026-03-16T12:08:00+01:00"],
    ["2026-03-16T12:08:59", "2026-03-16T12:08:59+01:00"],
    ["2026-03-16", "2026-03-16T00:00:00+01:00"],
    ["2026-03-16T11:08:59Z", "2026-03-16T12:08:59+01:00"],
    ["2026-03-16T11:08:59.987Z", "2026-03-16T12:08:59+01:00"],
    ["2026-03-16T14:08:59+03:00", "2026-03-16T12:08:59+01:00"],
    ["2026-07-15T09:30:00+02:00", "2026-07-15T09:30:00+02:00"],
    ["2026-03-16 12:08:59+01:00", "2026-03-16T12:08:59+01:00"],
    ["29.03.2026 02:30", "2026-03-29T03:30:00+02:00"],
    ["25.10.2026 02:30", "2026-10-25T02:30:00+02:00"],
  ])("%p → %p", (raw, expected) => {
    expect(parseDateTimeInput(raw)).toEqual({ ok: true, value: expected });
  });

  const forms =
    "expected DD.MM.YYYY HH:MM[:SS], YYYY-MM-DDTHH:MM[:SS] (Berlin time) or ISO 8601 with offset, " +
    "e.g. 16.03.2026 12:08 or 2026-03-16T12:08:59+01:00";

  test.each([[""], ["yesterday"], ["16.03.2026T12:08"], ["2026-03-16T12:08:59+1"], ["1742123339"]])("%p: malformed", (raw) => {
    expect(parseDateTimeInput(raw)).toEqual({ ok: false, message: `invalid datetime "${raw}": ${forms}` });
  });

  test.each([["31.02.2026 10:00"], ["16.03.2026 25:00"]])("%p: no such day or time", (raw) => {
    expect(parseDateTimeInput(raw)).toEqual({
      ok: false,
      message: `invalid datetime "${raw}": no such calendar day or time, ${forms}`,
    });
  });

  test("offset form with impossible day", () => {
    expect(parseDateTimeInput("2026-02-30T10:00:00Z")).toEqual({
      ok: false,
      message: `invalid datetime "2026-02-30T10:00:00Z": no such instant, ${forms}`,
    });
  });
});
