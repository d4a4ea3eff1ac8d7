import { describe, expect, test } from "bun:test";

import { normalizeKba, normalizeVin, vinMatchKey } from "../../src/domain/vehicle.ts";

describe("normalizeVin", () => {
  test.each([
    ["WVWZZZ1JZ3W386752", "WVWZZZ1JZ3W386752"],
    ["wvwzzz1jz3w386752", "WVWZZZ1JZ3W386752"],
    ["WVW ZZZ1JZ 3W386752", "WVWZZZ1JZ3W386752"],
    ["WVW-ZZZ1JZ-3W386752", "WVWZZZ1JZ3W386752"],
    ["\u00a0WBA12345678901234 ", "WBA12345678901234"],
    ["W1K2050401F123456", "W1K2050401F123456"],
  ])("%p is valid → %p", (raw, value) => {
    expect(normalizeVin(raw)).toEqual({ value, valid: true });
  });

  test.each([
    ["16 characters", "WVWZZZ1JZ3W38675", "WVWZZZ1JZ3W38675"],
    ["18 characters", "WVWZZZ1JZ3W3867521", "WVWZZZ1JZ3W3867521"],
    ["letter O instead of zero", "WVWZZZ1JZ3W38675O", "WVWZZZ1JZ3W38675O"],
    ["letter I", "WVWZZZIJZ3W386752", "WVWZZZIJZ3W386752"],
    ["letter Q", "WVWZZZ1JZ3W38675Q", "WVWZZZ1JZ3W38675Q"],
    ["kept as written", "wvw zzz 1jz", "wvw zzz 1jz"],
    ["umlaut", "WVWZZZ1JZ3W38675Ä", "WVWZZZ1JZ3W38675Ä"],
  ])("%s → invalid, raw kept", (_name, raw, value) => {
    expect(normalizeVin(raw)).toEqual({ value, valid: false });
  });

  test.each([[null], [undefined], [""], ["-"]])("%p → empty", (raw) => {
    expect(normalizeVin(raw)).toEqual({ value: null, valid: false });
  });
});

describe("vinMatchKey", () => {
  test.each([
    ["WVWZZZ1JZ3W386752", "WVWZZZ1JZ3W386752"],
    ["WVWZZZ1JZ3W38675O", "WVWZZZ1JZ3W386750"],
    ["wvwzzzijz3w38675q", "WVWZZZ1JZ3W386750"],
    ["3W386752", "3W386752"],
    ["WVW ZZZ", "WVWZZZ"],
  ])("%p → %p", (raw, expected) => {
    expect(vinMatchKey(raw)).toBe(expected);
  });

  test("a typo with O matches the correct VIN", () => {
    expect(vinMatchKey("WF0XXXGCDX1234567")).toBe(vinMatchKey("WFOXXXGCDX1234567"));
  });

  test.each([[null], [""], ["WVW/ZZZ"], ["WVWZZZ1JZ3W38675Ä"]])("%p → null", (raw) => {
    expect(vinMatchKey(raw)).toBeNull();
  });
});

describe("normalizeKba", () => {
  test.each([
    ["0603/ABC", "0603/ABC"],
    ["0603 ABC", "0603/ABC"],
    ["0603ABC", "0603/ABC"],
    ["0603-ABC", "0603/ABC"],
    ["0603/ABC12345", "0603/ABC"],
    ["0603 / abc", "0603/ABC"],
    ["0005/AAA", "0005/AAA"],
    ["7909/123", "7909/123"],
    [" 0603\u00a0ABC ", "0603/ABC"],
  ])("%p → %p", (raw, expected) => {
    expect(normalizeKba(raw)).toBe(expected);
  });

  test.each([[null], [""], ["-"], ["603/ABC"], ["0603/AB"], ["ABCD/123"], ["0603//ABC"], ["Reimport"]])("%p → null", (raw) => {
    expect(normalizeKba(raw)).toBeNull();
  });
});
