import { describe, expect, test } from "bun:test";

import { DISTRICT_CODES, isDistrictCode } from "../../src/domain/district-codes.ts";
import { normalizePlate, plateKey, plateSearchKey } from "../../src/domain/plate.ts";

describe("plateKey", () => {
  test.each([
    ["D-XY 1234", "DXY1234"],
    ["d xy 1234", "DXY1234"],
    ["D–XY–1234", "DXY1234"],
    ["D.XY.1234", "DXY1234"],
    ["  d\u00a0xy   1234 ", "DXY1234"],
    ["HH-AB", "HHAB"],
    ["mü-ab 12", "MÜAB12"],
    ["MU\u0308-AB 12", "MÜAB12"], // decomposed Ü becomes NFC
    ["d xy", "DXY"],
  ])("%p → %p", (raw, expected) => {
    expect(plateKey(raw)).toBe(expected);
  });

  test.each([[null], [undefined], [""], ["  - . "]])("%p → null", (raw) => {
    expect(plateKey(raw)).toBeNull();
  });
});

describe("plateSearchKey", () => {
  test.each([
    ["DÜW-RA 1", "DUEWRA1"],
    ["duew-ra1", "DUEWRA1"],
    ["düw ra 1", "DUEWRA1"],
    ["DU\u0308W-RA 1", "DUEWRA1"], // decomposed Ü
    ["TÖL-X 1", "TOELX1"],
    ["D-ÄB 12", "DAEB12"],
    ["hh ab 1234", "HHAB1234"],
  ])("%p → %p", (raw, expected) => {
    expect(plateSearchKey(raw)).toBe(expected);
  });

  test("empty input has no key", () => {
    expect(plateSearchKey(" - ")).toBeNull();
  });
});

describe("normalizePlate", () => {
  test.each([
    ["D-XY 1234", "D-XY 1234", "DXY1234"],
    ["D XY 1234", "D-XY 1234", "DXY1234"],
    ["DXY1234", "D-XY 1234", "DXY1234"],
    ["D-XY1234", "D-XY 1234", "DXY1234"],
    ["D-XY-1234", "D-XY 1234", "DXY1234"],
    ["d-xy1234", "D-XY 1234", "DXY1234"],
    ["D–XY 1234", "D-XY 1234", "DXY1234"],
    ["D  -  XY    1234", "D-XY 1234", "DXY1234"],
    ["D\u00a0XY\u00a01234", "D-XY 1234", "DXY1234"],
    ["DXY 1234", "D-XY 1234", "DXY1234"],
    ["HH-AB 1234", "HH-AB 1234", "HHAB1234"],
    ["MÜ-AB 12", "MÜ-AB 12", "MÜAB12"],
    ["mü ab 12", "MÜ-AB 12", "MÜAB12"],
    ["TÖL-X 1", "TÖL-X 1", "TÖLX1"],
    ["TÖLX1", "TÖL-X 1", "TÖLX1"],
    ["D-XY 123E", "D-XY 123E", "DXY123E"],
    ["D-XY 123 E", "D-XY 123E", "DXY123E"],
    ["DXY123E", "D-XY 123E", "DXY123E"],
    ["K-AB 99H", "K-AB 99H", "KAB99H"],
    ["B-A 1", "B-A 1", "BA1"],
    ["DU-AB 1234", "DU-AB 1234", "DUAB1234"],
    ["NE-Z 9999", "NE-Z 9999", "NEZ9999"],
    ["ME-CD 42", "ME-CD 42", "MECD42"],
    // 8 characters is the maximum, suffix included.
    ["ABG-XY 12E", "ABG-XY 12E", "ABGXY12E"],
    ["ABG-X 1234", "ABG-X 1234", "ABGX1234"],
  ])("%p → %p", (raw, canonical, key) => {
    expect(normalizePlate(raw)).toEqual({ canonical, key });
  });

  test.each([
    ["ambiguous compact split (M|KA and MK|A)", "MKA123", "MKA123"],
    ["ambiguous compact split (K|AB and KA|B)", "KAB1", "KAB1"],
    ["no valid district in compact form", "QQX123", "QQX123"],
    ["leading zero", "D-XY 0123", "DXY0123"],
    ["five digits", "D-XY 12345", "DXY12345"],
    ["three letters after district", "D-XYZ 123", "DXYZ123"],
    ["four-letter district", "ABCD-X 1", "ABCDX1"],
    ["umlaut in the letters", "D-ÄB 12", "DÄB12"],
    ["more than 8 characters", "ABG-XY 1234", "ABGXY1234"],
    ["9 characters with suffix", "ABG-XY 123E", "ABGXY123E"],
    ["two suffixes", "D-XY 12EH", "DXY12EH"],
    ["official vehicle, digits only", "0-1", "01"],
    ["Bundeswehr", "Y-123 456", "Y123456"],
    ["dealer plate", "D-06123", "D06123"],
    ["foreign plate", "W-12345X", "W12345X"],
    ["three groups of letters", "D-X-Y 12", "DXY12"],
    ["plate without digits", "HH-AB", "HHAB"],
  ])("%s: canonical null, key kept", (_name, raw, key) => {
    expect(normalizePlate(raw)).toEqual({ canonical: null, key });
  });

  test.each([[null], [undefined], [""], ["-"], ["- / -"]])("%p → both null", (raw) => {
    expect(normalizePlate(raw)).toEqual({ canonical: null, key: null });
  });

  test("search key of a partial plate is a prefix of the stored key", () => {
    const stored = normalizePlate("HH-AB 1234").key ?? "";
    for (const query of ["hh ab 1234", "HH-AB1234", "HH-AB", "hh ab"]) {
      expect(stored.startsWith(plateKey(query) ?? "-")).toBe(true);
    }
  });
});

describe("district codes", () => {
  test("holds the common and the umlaut codes", () => {
    for (const code of ["D", "DU", "K", "ME", "NE", "B", "HH", "M", "MÜ", "TÖL", "AÖ", "BÜS", "LÖ", "SÜW", "NRW", "THW"]) {
      expect(DISTRICT_CODES.has(code)).toBe(true);
    }
  });

  test("every code is 1–3 upper-case letters", () => {
    expect(DISTRICT_CODES.size).toBeGreaterThan(700);
    for (const code of DISTRICT_CODES) expect(code).toMatch(/^[A-ZÄÖÜ]{1,3}$/u);
  });

  test.each([
    ["mü", true],
    ["MU\u0308", true],
    ["QQ", false],
    ["", false],
  ])("isDistrictCode(%p) → %p", (code, expected) => {
    expect(isDistrictCode(code)).toBe(expected);
  });
});
