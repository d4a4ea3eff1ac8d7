import { describe, expect, test } from "bun:test";

import {
  berlinLocalToIso,
  berlinOffsetMinutes,
  dayFromCivil,
  easterSunday,
  holidaysNW,
  isoDate,
  isWorkday,
  parseIsoDuration,
} from "../../src/simulator/calendar.ts";
import { escapeHtml, formatDate, formatDateTime, formatDecimal, formatMoney, mojibake, phpJson } from "../../src/simulator/format.ts";
import { parseDateTimeValue, parseDateValue, parseDecimalValue, parseMonthValue, isEmptyValue } from "../../src/simulator/truth/parse-values.ts";

const local = (y: number, m: number, d: number, hh: number, mm: number, ss = 0) => dayFromCivil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;

describe("calendar", () => {
  test("Easter Sunday", () => {
    expect(isoDate(easterSunday(2024))).toBe("2024-03-31");
    expect(isoDate(easterSunday(2026))).toBe("2026-04-05");
    expect(isoDate(easterSunday(2027))).toBe("2027-03-28");
  });

  test("NW holidays of 2026", () => {
    expect([...holidaysNW(2026)].map(isoDate).sort()).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-01",
      "2026-05-14",
      "2026-05-25",
      "2026-06-04",
      "2026-10-03",
      "2026-11-01",
      "2026-12-25",
      "2026-12-26",
    ]);
  });

  test("working days skip weekends and holidays", () => {
    expect(isWorkday(dayFromCivil(2026, 3, 2))).toBe(true);
    expect(isWorkday(dayFromCivil(2026, 3, 7))).toBe(false);
    expect(isWorkday(dayFromCivil(2026, 6, 4))).toBe(false);
    expect(isWorkday(dayFromCivil(2026, 12, 24))).toBe(true);
  });

  test("Berlin offsets around both DST switches", () => {
    expect(berlinOffsetMinutes(Date.parse("2026-03-29T00:59:59Z"))).toBe(60);
    expect(berlinOffsetMinutes(Date.parse("2026-03-29T01:00:00Z"))).toBe(120);
    expect(berlinOffsetMinutes(Date.parse("2026-10-25T00:59:59Z"))).toBe(120);
    expect(berlinOffsetMinutes(Date.parse("2026-10-25T01:00:00Z"))).toBe(60);
  });

  test("local times resolve like Temporal's compatible mode", () => {
    expect(berlinLocalToIso(local(2026, 3, 16, 12, 8, 59))).toBe("2026-03-16T12:08:59+01:00");
    expect(berlinLocalToIso(local(2026, 3, 29, 2, 30))).toBe("2026-03-29T03:30:00+02:00");
    expect(berlinLocalToIso(local(2026, 10, 25, 2, 30))).toBe("2026-10-25T02:30:00+02:00");
    expect(berlinLocalToIso(local(2026, 10, 25, 3, 0))).toBe("2026-10-25T03:00:00+01:00");
  });

  test("ISO durations", () => {
    expect(parseIsoDuration("PT2H")).toBe(7_200_000);
    expect(parseIsoDuration("P1DT30M")).toBe(88_200_000);
    expect(parseIsoDuration("PT1.5S")).toBe(1500);
    expect(parseIsoDuration("P")).toBeNull();
    expect(parseIsoDuration("2h")).toBeNull();
  });
});

describe("German formats", () => {
  test("dates, datetimes, decimals and money", () => {
    expect(formatDate(dayFromCivil(2026, 3, 6))).toBe("06.03.2026");
    expect(formatDateTime(local(2026, 3, 6, 7, 5, 9))).toBe("06.03.2026 07:05:09");
    expect(formatDateTime(local(2026, 3, 6, 7, 5, 9), false)).toBe("06.03.2026 07:05");
    expect(formatDecimal(1234.5)).toBe("1234,5");
    expect(formatDecimal(6)).toBe("6");
    expect(formatMoney(123456)).toBe("1.234,56 €");
    expect(formatMoney(5)).toBe("0,05 €");
  });

  test("HTML escaping with and without named entities", () => {
    expect(escapeHtml('Müller & Söhne "Straße"', true)).toBe("M&uuml;ller &amp; S&ouml;hne &quot;Stra&szlig;e&quot;");
    expect(escapeHtml("Škoda <b>", true)).toBe("&Scaron;koda &lt;b&gt;");
    expect(escapeHtml("Müller & Söhne", false)).toBe("Müller &amp; Söhne");
    expect(escapeHtml("Yılmaz", true)).toBe("Yılmaz");
  });

  test("mojibake reads UTF-8 as Latin-1", () => {
    expect(mojibake("Müller")).toBe("MÃ¼ller");
    expect(mojibake("Straße")).toBe("Stra\u00c3\u009fe");
  });

  test("PHP json_encode escapes slashes and non-ASCII", () => {
    expect(phpJson({ html: "<b>Rückstand</b>" })).toBe('{"html":"<b>R\\u00fcckstand<\\/b>"}');
    expect(JSON.parse(phpJson({ a: "€/ü" }))).toEqual({ a: "€/ü" });
  });
});

describe("reading upstream values", () => {
  test("dates", () => {
    expect(parseDateValue("16.03.2026")).toBe("2026-03-16");
    expect(parseDateValue("6.3.2026")).toBe("2026-03-06");
    expect(parseDateValue("2026-03-16")).toBe("2026-03-16");
    expect(parseDateValue("16.03.2026 12:08")).toBe("2026-03-16");
    expect(parseDateValue("31.02.2026")).toBeNull();
    expect(parseDateValue("00.00.0000")).toBeNull();
    expect(parseDateValue("")).toBeNull();
  });

  test("datetimes carry the Berlin offset", () => {
    expect(parseDateTimeValue("16.03.2026 12:08:59")).toBe("2026-03-16T12:08:59+01:00");
    expect(parseDateTimeValue("16.07.2026 12:08")).toBe("2026-07-16T12:08:00+02:00");
    expect(parseDateTimeValue("2026-03-16 12:08:59")).toBe("2026-03-16T12:08:59+01:00");
    expect(parseDateTimeValue("16.03.2026 25:00")).toBeNull();
  });

  test("decimals", () => {
    const cases: [string, number | null][] = [
      ["11,30", 11.3],
      ["1.234,56", 1234.56],
      ["6,5", 6.5],
      ["0", 0],
      ["87.450", 87450],
      ["11.5", 11.5],
      ["1.234,56 €", 1234.56],
      ["EUR 123,45", 123.45],
      ["1\u00a0234,5", 1234.5],
      ["ca. 90000", null],
      ["1,2,3", null],
      ["", null],
    ];
    for (const [raw, expected] of cases) expect({ raw, value: parseDecimalValue(raw) }).toEqual({ raw, value: expected });
  });

  test("months", () => {
    expect(parseMonthValue("09/2026")).toBe("2026-09");
    expect(parseMonthValue("09.2026")).toBe("2026-09");
    expect(parseMonthValue("9/26")).toBe("2026-09");
    expect(parseMonthValue("30.09.2026")).toBe("2026-09");
    expect(parseMonthValue("13/2026")).toBeNull();
  });

  test("empty values", () => {
    for (const raw of ["", "-", "- / -", "\u00a0", "  "]) expect(isEmptyValue(raw)).toBe(true);
    expect(isEmptyValue("-5")).toBe(false);
  });
});
