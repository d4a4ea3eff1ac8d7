import { describe, expect, test } from "bun:test";

import {
  normalizePhone,
  phoneNationalDigitsAll,
  phoneSearchDigits,
  splitPhoneNumbers,
} from "../../src/domain/phone.ts";

describe("normalizePhone", () => {
  test.each([
    ["DIN 5008 landline", "0211 1234567", "+492111234567"],
    ["international", "+49 211 1234567", "+492111234567"],
    ["mobile with slash", "0170/1234567", "+491701234567"],
    ["mobile with space", "0170 1234567", "+491701234567"],
    ["mobile international", "+49 170 1234567", "+491701234567"],
    ["area code in parentheses", "(0211) 12 34 56", "+49211123456"],
    ["0049 prefix", "0049 170 1234567", "+491701234567"],
    ["++49 prefix", "++49 170 1234567", "+491701234567"],
    ["(0) after the country code", "+49 (0)211 123456", "+49211123456"],
    ["(0) without space", "+49(0)211123456", "+49211123456"],
    ["+490 loses the 0", "+490211123456", "+49211123456"],
    ["extension with hyphen", "0211 12345-67", "+492111234567"],
    ["note in parentheses", "0170 1234567 (Frau)", "+491701234567"],
    ["note with umlaut", "0170 1234567 (geschäftlich)", "+491701234567"],
    ["prefix word", "Tel. 0211 1234567", "+492111234567"],
    ["Berlin", "030 12345678", "+493012345678"],
    ["Hamburg", "040-1234567", "+49401234567"],
    ["Munich", "089 / 1234567", "+49891234567"],
    ["NBSP inside", "0211\u00a01234567", "+492111234567"],
    ["Austrian number stays Austrian", "+43 1 5123456", "+4315123456"],
    ["0043 prefix", "0043 1 5123456", "+4315123456"],
  ])("%s: %p → %p", (_name, raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ e164, all: [e164] });
  });

  test.each([
    ["two numbers with semicolon", "0211 1234567; 0170 7654321", ["+492111234567", "+491707654321"]],
    ["two numbers with comma", "0211 1234567, 0170 7654321", ["+492111234567", "+491707654321"]],
    ["two numbers with oder", "0211 1234567 oder 0170 7654321", ["+492111234567", "+491707654321"]],
    ["two numbers with und", "0211 1234567 und +49 170 7654321", ["+492111234567", "+491707654321"]],
    ["two numbers with newline", "0211 1234567\n0170 7654321", ["+492111234567", "+491707654321"]],
    ["two numbers with spaced slash", "0211 1234567 / 0170 7654321", ["+492111234567", "+491707654321"]],
    ["duplicate number once", "0170 1234567; +49 170 1234567", ["+491701234567"]],
  ])("%s", (_name, raw, all) => {
    expect(normalizePhone(raw)).toEqual({ e164: all[0] ?? null, all });
  });

  test("primary number invalid, second valid", () => {
    expect(normalizePhone("1234567 oder 0170 7654321")).toEqual({ e164: null, all: ["+491707654321"] });
  });

  test.each([
    ["no area code", "1234567"],
    ["too short", "0211 1"],
    ["not an area code", "0123 4567890"],
    ["letters only", "keine Angabe"],
    ["empty", ""],
    ["dash", "-"],
    ["null", null],
    ["bare plus", "+"],
  ])("%s → null", (_name, raw) => {
    expect(normalizePhone(raw)).toEqual({ e164: null, all: [] });
  });
});

describe("splitPhoneNumbers", () => {
  test.each([
    ["0170/1234567", ["0170/1234567"]],
    ["089 / 1234567", ["089 / 1234567"]],
    ["0211 1234567 / 0170 7654321", ["0211 1234567", "0170 7654321"]],
    ["0211 1234567 / +49 170 7654321 / (030) 123456", ["0211 1234567", "+49 170 7654321", "(030) 123456"]],
    ["0211 1234567 ODER 0170 7654321", ["0211 1234567", "0170 7654321"]],
    ["0211 1234567;;", ["0211 1234567"]],
    ["", []],
  ])("%p → %p", (raw, parts) => {
    expect(splitPhoneNumbers(raw)).toEqual(parts);
  });
});

describe("phoneSearchDigits", () => {
  test.each([
    ["0170/1234567", "1701234567"],
    ["+49 170 1234567", "1701234567"],
    ["0049 170 1234567", "1701234567"],
    ["++49 170 1234567", "1701234567"],
    ["+49 (0)211 123456", "211123456"],
    ["(0211) 12 34 56", "211123456"],
    ["0211 12345-67", "2111234567"],
    ["1234567", "1234567"],
    ["34567", "34567"],
    ["+43 1 5123456", "4315123456"],
    ["0043 1 5123456", "4315123456"],
    ["0170 1234567 (Frau)", "1701234567"],
  ])("%p → %p", (raw, expected) => {
    expect(phoneSearchDigits(raw)).toBe(expected);
  });

  test.each([[null], [""], ["0170"], ["1234"], ["+49 12"], ["abc"], ["-"]])("%p → null", (raw) => {
    expect(phoneSearchDigits(raw)).toBeNull();
  });

  test("every written form of one number gives the same digits", () => {
    const forms = ["0170 1234567", "0170/1234567", "+49 170 1234567", "0049 170 1234567", "++49 170 1234567", "+49 (0)170 1234567"];
    expect(new Set(forms.map(phoneSearchDigits))).toEqual(new Set(["1701234567"]));
  });
});

describe("phoneNationalDigitsAll", () => {
  test.each([
    ["0211 1234567", ["2111234567"]],
    ["+49 (0)211 123456", ["211123456"]],
    ["0211 1234567 oder 0170/7654321", ["2111234567", "1707654321"]],
    ["+43 1 5123456", ["4315123456"]],
    ["1234567 (Werkstatt)", ["1234567"]],
    ["0170 1234567; +49 170 1234567", ["1701234567"]],
    ["0170", []],
    ["", []],
    [null, []],
  ])("%p → %p", (raw, expected) => {
    expect(phoneNationalDigitsAll(raw)).toEqual(expected);
  });

  test("stored digits end with the search digits of any written form", () => {
    const stored = phoneNationalDigitsAll("(0211) 12 34 56 / 0170 7654321");
    expect(stored).toEqual(["211123456", "1707654321"]);
    expect(stored.some((digits) => digits.endsWith(phoneSearchDigits("+49 211 123456") ?? "-"))).toBe(true);
    expect(stored.some((digits) => digits.endsWith(phoneSearchDigits("7654321") ?? "-"))).toBe(true);
  });
});
