import { describe, expect, test } from "bun:test";

import { addWorkdays, isWorkday, publicHolidays } from "../../src/domain/workdays.ts";

describe("publicHolidays", () => {
  test("2026 in NW (the default)", () => {
    expect(publicHolidays(2026)).toEqual([
      "2026-01-01", // Neujahr
      "2026-04-03", // Karfreitag
      "2026-04-06", // Ostermontag
      "2026-05-01", // Tag der Arbeit
      "2026-05-14", // Christi Himmelfahrt
      "2026-05-25", // Pfingstmontag
      "2026-06-04", // Fronleichnam
      "2026-10-03", // Tag der Deutschen Einheit
      "2026-11-01", // Allerheiligen
      "2026-12-25",
      "2026-12-26",
    ]);
  });

  test("2026 differences between BY and SN", () => {
    const by = publicHolidays(2026, "BY");
    const sn = publicHolidays(2026, "SN");
    expect(by.filter((d) => !sn.includes(d))).toEqual(["2026-01-06", "2026-06-04", "2026-11-01"]);
    expect(sn.filter((d) => !by.includes(d))).toEqual(["2026-10-31", "2026-11-18"]);
  });

  test("Internationaler Frauentag in BE only", () => {
    expect(publicHolidays(2026, "BE")).toContain("2026-03-08");
    expect(publicHolidays(2026, "NW")).not.toContain("2026-03-08");
  });

  test("2025 Easter dates in NW", () => {
    expect(publicHolidays(2025)).toEqual(
      expect.arrayContaining(["2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09", "2025-06-19"]),
    );
  });

  test("unknown state is an error", () => {
    expect(() => publicHolidays(2026, "XX")).toThrow(RangeError);
  });
});

describe("isWorkday", () => {
  test.each([
    ["2026-04-02", "NW", true], // Gründonnerstag is a normal day
    ["2026-04-03", "NW", false], // Karfreitag
    ["2026-04-06", "NW", false], // Ostermontag
    ["2026-06-04", "NW", false], // Fronleichnam
    ["2026-06-04", "SN", true],
    ["2026-10-31", "NW", false], // Saturday anyway
    ["2026-11-18", "SN", false], // Buß- und Bettag
    ["2026-11-18", "NW", true],
    ["2026-01-06", "BY", false],
    ["2026-01-06", "NW", true],
    ["2026-12-24", "NW", true], // Heiligabend is not a public holiday
    ["2026-12-31", "NW", true], // nor is Silvester
    ["2026-03-14", "NW", false], // Saturday
    ["2026-03-15", "NW", false], // Sunday
    ["2026-03-16", "NW", true], // Monday
    ["2024-02-29", "NW", true], // leap day, Thursday
  ])("%s in %s → %p", (date, state, expected) => {
    expect(isWorkday(date, state)).toBe(expected);
  });

  test("rejects an impossible date", () => {
    expect(() => isWorkday("2026-02-29")).toThrow(RangeError);
  });
});

describe("addWorkdays", () => {
  test.each([
    ["2026-04-02", 1, "NW", "2026-04-07"], // over Karfreitag, weekend and Ostermontag
    ["2026-04-07", -1, "NW", "2026-04-02"],
    ["2026-03-13", 1, "NW", "2026-03-16"], // Friday → Monday
    ["2026-03-14", 1, "NW", "2026-03-16"], // from a Saturday
    ["2026-03-16", 0, "NW", "2026-03-16"],
    ["2026-03-15", 0, "NW", "2026-03-15"], // 0 keeps a non-workday as it is
    ["2026-03-16", 5, "NW", "2026-03-23"],
    ["2026-06-03", 1, "NW", "2026-06-05"], // over Fronleichnam
    ["2026-06-03", 1, "SN", "2026-06-04"],
    ["2026-12-23", 3, "NW", "2026-12-29"], // 24th, then over Christmas to the 28th and 29th
    ["2026-12-23", 6, "NW", "2027-01-04"], // … 30th, 31st, then over New Year
    ["2026-12-23", 2, "NW", "2026-12-28"],
    ["2027-01-04", -2, "NW", "2026-12-30"],
    ["2026-01-02", -1, "NW", "2025-12-31"],
  ])("%s plus %i workdays in %s → %s", (date, n, state, expected) => {
    expect(addWorkdays(date, n, state)).toBe(expected);
  });

  test("rejects a fractional count", () => {
    expect(() => addWorkdays("2026-03-16", 1.5)).toThrow(RangeError);
  });
});
