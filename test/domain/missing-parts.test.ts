import { describe, expect, test } from "bun:test";

import {
  isPartMissing,
  orderHasMissingParts,
  partsStatusFlag,
  simulatorPartsStatus,
  type PartFlags,
} from "../../src/domain/missing-parts.ts";

const none: PartFlags = { is_delivered: false, is_backorder: false, is_to_order: false, is_ordered: false, status: null };

describe("isPartMissing", () => {
  test.each([
    ["delivered (rule 1)", false, { is_delivered: true, is_ordered: true, status: "Geliefert" }],
    ["delivered wins over a stale status text (rule 1)", false, { is_delivered: true, status: "offen" }],
    ["delivered and back-ordered (rule 2)", true, { is_delivered: true, is_backorder: true }],
    ["back-ordered (rule 2)", true, { is_backorder: true, is_ordered: true }],
    ["to order (rule 3)", true, { is_to_order: true }],
    ["ordered (rule 3)", true, { is_ordered: true, status: "Bestellt" }],
    ["status offen (rule 4)", true, { status: "offen" }],
    ["status fehlt (rule 4)", true, { status: "Teil fehlt" }],
    ["status Rückstand (rule 4)", true, { status: "Rückstand" }],
    ["status RÜCKSTAND (rule 4)", true, { status: "RÜCKSTAND" }],
    ["decomposed ü (rule 4)", true, { status: "Ru\u0308ckstand" }],
    ["status backorder (rule 4)", true, { status: "Backorder" }],
    ["status code 3 alone (rule 5)", false, { status: "3" }],
    ["cancelled (rule 5)", false, { status: "Storniert" }],
    ["no flags, no status (rule 5)", false, {}],
    ["status Geliefert without flags (rule 5)", false, { status: "Geliefert" }],
  ])("%s → %p", (_name, expected, flags) => {
    expect(isPartMissing({ ...none, ...flags })).toBe(expected);
  });

  test("patterns are configurable", () => {
    const patterns = { partStatus: /ausstehend/iu, orderNoParts: /keine teile/iu, orderMissing: /ausstehend/iu };
    expect(isPartMissing({ ...none, status: "Ausstehend" }, patterns)).toBe(true);
    expect(isPartMissing({ ...none, status: "offen" }, patterns)).toBe(false);
  });
});

describe("partsStatusFlag", () => {
  test.each([
    ["ohne E-Teile", false],
    ["Ohne Eteile", false],
    ["ohne E-Teile (fehlt nichts)", false], // "ohne" wins over "fehlt"
    ["offen", true],
    ["Rückstand", true],
    ["Ru\u0308ckstand", true],
    ["wartet auf Lieferung", true],
    ["Teile fehlt", true],
    ["nicht alles da", true],
    ["Backorder", true],
    ["unvollständig", true],
    ["Unvollsta\u0308ndig geliefert", true],
    ["bestellt", false],
    ["teilweise geliefert", false],
    ["vollständig geliefert", false],
    ["", false],
    [null, false],
  ])("%p → %p", (text, expected) => {
    expect(partsStatusFlag(text)).toBe(expected);
  });
});

describe("orderHasMissingParts", () => {
  test.each([
    ["text flag only, parts not fetched", "offen", null, true],
    ["no text, parts not fetched", null, null, false],
    ["quiet text, one missing part", "bestellt", [{ is_missing: false }, { is_missing: true }], true],
    ["quiet text, nothing missing", "vollständig geliefert", [{ is_missing: false }], false],
    ["ohne E-Teile but a missing part", "ohne E-Teile", [{ is_missing: true }], true],
    ["missing text, no parts", "Rückstand", [], true],
    ["empty parts list", null, [], false],
  ] as const)("%s → %p", (_name, text, parts, expected) => {
    expect(orderHasMissingParts(text, parts)).toBe(expected);
  });
});

describe("simulatorPartsStatus", () => {
  test.each([
    [[], "ohne E-Teile"],
    [["4"], "ohne E-Teile"],
    [["4", "4"], "ohne E-Teile"],
    [["2", "3", "0"], "Rückstand"],
    [["3", "4"], "Rückstand"],
    [["0", "2"], "offen"],
    [["0", "1"], "offen"],
    [["2", "2", "4"], "vollständig geliefert"],
    [["2"], "vollständig geliefert"],
    [["1", "2"], "teilweise geliefert"],
    [["1", "1"], "bestellt"],
    [["1", "4"], "bestellt"],
  ])("%p → %p", (codes, expected) => {
    expect(simulatorPartsStatus(codes)).toBe(expected);
  });

  test("derived text agrees with the text flag", () => {
    expect(partsStatusFlag(simulatorPartsStatus(["3"]))).toBe(true);
    expect(partsStatusFlag(simulatorPartsStatus(["0"]))).toBe(true);
    expect(partsStatusFlag(simulatorPartsStatus([]))).toBe(false);
    expect(partsStatusFlag(simulatorPartsStatus(["2"]))).toBe(false);
  });
});
