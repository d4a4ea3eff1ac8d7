import { describe, expect, test } from "bun:test";

import { formatGermanDecimal, parseGermanDecimal, toCents } from "../../src/domain/decimal.ts";

describe("parseGermanDecimal", () => {
  test.each([
    ["1.234,56", 1234.56],
    ["11,30", 11.3],
    ["6,5", 6.5],
    ["0", 0],
    ["0,00", 0],
    ["1,00 €", 1],
    ["123,45 €", 123.45],
    ["1.234,56 €", 1234.56],
    ["€ 12,50", 12.5],
    ["EUR 12,5", 12.5],
    ["12,50 EUR", 12.5],
    ["12,50eur", 12.5],
    ["1.234.567,89", 1234567.89],
    ["87.450", 87450],
    ["1.234.567", 1234567],
    ["87450", 87450],
    ["11.5", 11.5],
    ["11.50", 11.5],
    ["0.500", 0.5], // a leading 0 group is never a thousands group
    ["1234,5", 1234.5],
    ["150,-", 150],
    ["150,--", 150],
    ["-3,5", -3.5],
    ["- 3,5", -3.5],
    ["\u22123,5", -3.5],
    ["+3,5", 3.5],
    ["-0,00", 0],
    ["1\u00a0234,56\u00a0€", 1234.56],
    ["1 234,56", 1234.56],
    [",5", null],
    ["12,", null],
  ])("%p → %p", (raw, expected) => {
    expect(parseGermanDecimal(raw)).toBe(expected);
  });

  test("11.5 never becomes 115", () => {
    expect(parseGermanDecimal("11.5")).toBe(11.5);
  });

  test.each([
    [null],
    [undefined],
    [""],
    [" "],
    ["€"],
    ["-"],
    ["ca. 90000"],
    ["90000 km"],
    ["1,234.56"],
    ["1.23,4"],
    ["12.34.56"],
    ["1.2345,6"],
    ["1,2,3"],
    ["abc"],
    ["1e5"],
    ["Infinity"],
    ["NaN"],
    ["--5"],
    ["5-"],
  ])("%p → null", (raw) => {
    expect(parseGermanDecimal(raw)).toBeNull();
  });
});

describe("formatGermanDecimal", () => {
  test.each([
    [1234.5, "1234,5"],
    [4, "4"],
    [0, "0"],
    [-0, "0"],
    [6.5, "6,5"],
    [11.3, "11,3"],
    [1234567.89, "1234567,89"],
    [-3.5, "-3,5"],
    [0.1 + 0.2, "0,3"],
    [1e-12, "0"],
    [-1e-12, "0"],
    [87450, "87450"],
  ])("%p → %p", (n, expected) => {
    expect(formatGermanDecimal(n)).toBe(expected);
  });

  test("round trip with the parser", () => {
    for (const n of [0, 0.5, 6.5, 11.3, 1234.56, -42.01, 87450]) {
      expect(parseGermanDecimal(formatGermanDecimal(n))).toBe(n);
    }
  });

  test("rejects non-finite numbers", () => {
    expect(() => formatGermanDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => formatGermanDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("toCents", () => {
  test.each([
    [1234.56, 123456],
    [0, 0],
    [-0, 0],
    [1, 100],
    [0.1 + 0.2, 30],
    [1.005, 101], // binary 1.00499999… still rounds as the decimal text reads
    [0.285, 29],
    [2.675, 268],
    [0.125, 13],
    [-0.125, -13], // half away from zero
    [-1.005, -101],
    [-0.004, 0],
    [19.99 * 3, 5997],
    [2500, 250000],
  ])("%p → %p", (n, expected) => {
    expect(toCents(n)).toBe(expected);
  });

  test("rejects non-finite numbers", () => {
    expect(() => toCents(Number.NaN)).toThrow(RangeError);
  });
});
